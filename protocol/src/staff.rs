//! Staff at the till: roles, PINs, the pause after wrong PINs and who may undo what.
//!
//! The server applies these rules online; a tablet without a connection applies the same ones
//! itself (it checks a PIN against the argon2 hash in its till program and counts wrong PINs in
//! IndexedDB), so a cashier meets the same till whether the shop's connection is up or not.

use serde::{Deserialize, Serialize};
use time::Duration;

/// Shortest PIN.
pub const PIN_MIN_LEN: usize = 4;
/// Longest PIN.
pub const PIN_MAX_LEN: usize = 6;
/// Wrong PINs in a row on one tablet before it pauses.
pub const PIN_TRIES_BEFORE_PAUSE: u32 = 5;
/// Wrong PINs in a row on one tablet that unpair it.
pub const PIN_TRIES_BEFORE_UNPAIR: u32 = 10;
/// The first pause; each further wrong PIN doubles it.
pub const FIRST_PAUSE: Duration = Duration::seconds(30);
/// How long a cashier may undo their own last action.
pub const UNDO_WINDOW: Duration = Duration::minutes(2);

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// The shop's owner: one per shop, made at setup.
    Owner,
    /// May reverse any event at the till.
    Manager,
    /// Gives stamps and points, redeems rewards, and may undo their own last action for two
    /// minutes.
    Cashier,
}

impl StaffRole {
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Owner => "owner",
            StaffRole::Manager => "manager",
            StaffRole::Cashier => "cashier",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "owner" => Some(StaffRole::Owner),
            "manager" => Some(StaffRole::Manager),
            "cashier" => Some(StaffRole::Cashier),
            _ => None,
        }
    }

    /// Managers and the owner may reverse any event of the shop's cards.
    pub fn may_reverse_any(self) -> bool {
        matches!(self, StaffRole::Owner | StaffRole::Manager)
    }
}

/// A PIN is 4 to 6 digits.
pub fn is_valid_pin(pin: &str) -> bool {
    (PIN_MIN_LEN..=PIN_MAX_LEN).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// What follows a number of wrong PINs in a row on one tablet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinLockout {
    /// Try again; `tries_left` more wrong PINs pause the till.
    TryAgain { tries_left: u32 },
    /// No PIN is checked for this long.
    Pause(Duration),
    /// The tablet is unpaired.
    Unpair,
}

/// The rule after `failures` wrong PINs in a row: 5 pause the till for 30 seconds, each further
/// one doubles the pause (1, 2, 4, 8 minutes), and the 10th unpairs the tablet.
pub fn after_wrong_pins(failures: u32) -> PinLockout {
    if failures >= PIN_TRIES_BEFORE_UNPAIR {
        PinLockout::Unpair
    } else if failures >= PIN_TRIES_BEFORE_PAUSE {
        PinLockout::Pause(FIRST_PAUSE * 2i32.pow(failures - PIN_TRIES_BEFORE_PAUSE))
    } else {
        PinLockout::TryAgain {
            tries_left: PIN_TRIES_BEFORE_PAUSE - failures,
        }
    }
}

/// Why a reversal is not allowed for its staff member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UndoRefused {
    #[error("a cashier can undo only their own actions")]
    NotTheirs,
    #[error("a cashier can undo only their last action on this tablet")]
    NotTheLast,
    #[error("a cashier can undo an action only within two minutes")]
    TooLate,
}

/// Whether a staff member of `role` may reverse an event: a manager or the owner any event; a
/// cashier only their own last action on the same tablet, within [`UNDO_WINDOW`] of it.
/// `elapsed` is the time from the event to its reversal, both on the tablet's clock.
pub fn may_reverse(
    role: StaffRole,
    own: bool,
    last_on_device: bool,
    elapsed: Duration,
) -> Result<(), UndoRefused> {
    if role.may_reverse_any() {
        return Ok(());
    }
    if !own {
        return Err(UndoRefused::NotTheirs);
    }
    if !last_on_device {
        return Err(UndoRefused::NotTheLast);
    }
    // A little slack backwards: the tablet's clock may be corrected between the two events.
    if elapsed > UNDO_WINDOW || elapsed < -Duration::seconds(30) {
        return Err(UndoRefused::TooLate);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_four_to_six_digits() {
        for good in ["1234", "12345", "000000"] {
            assert!(is_valid_pin(good), "{good}");
        }
        for bad in ["", "123", "1234567", "12a4", " 1234", "１２３４"] {
            assert!(!is_valid_pin(bad), "{bad}");
        }
    }

    #[test]
    fn wrong_pins_pause_the_till_for_growing_periods_then_unpair_it() {
        assert_eq!(after_wrong_pins(1), PinLockout::TryAgain { tries_left: 4 });
        assert_eq!(after_wrong_pins(4), PinLockout::TryAgain { tries_left: 1 });
        assert_eq!(
            after_wrong_pins(5),
            PinLockout::Pause(Duration::seconds(30))
        );
        assert_eq!(after_wrong_pins(6), PinLockout::Pause(Duration::minutes(1)));
        assert_eq!(after_wrong_pins(9), PinLockout::Pause(Duration::minutes(8)));
        assert_eq!(after_wrong_pins(10), PinLockout::Unpair);
        assert_eq!(after_wrong_pins(50), PinLockout::Unpair);
    }

    #[test]
    fn a_cashier_undoes_only_their_own_last_action_within_two_minutes() {
        let soon = Duration::seconds(30);
        assert_eq!(may_reverse(StaffRole::Cashier, true, true, soon), Ok(()));
        assert_eq!(
            may_reverse(StaffRole::Cashier, false, true, soon),
            Err(UndoRefused::NotTheirs)
        );
        assert_eq!(
            may_reverse(StaffRole::Cashier, true, false, soon),
            Err(UndoRefused::NotTheLast)
        );
        assert_eq!(
            may_reverse(StaffRole::Cashier, true, true, Duration::minutes(3)),
            Err(UndoRefused::TooLate)
        );
        assert_eq!(
            may_reverse(StaffRole::Manager, false, false, Duration::days(3)),
            Ok(())
        );
        assert_eq!(
            may_reverse(StaffRole::Owner, false, false, Duration::days(3)),
            Ok(())
        );
    }
}

/// How long a staff session lasts after a PIN switch: a shift. After it, actions that need a
/// role come without proof until the member switches in again.
pub const STAFF_SESSION_HOURS: i64 = 12;

/// A staff session the server issued at a PIN switch (or to the owner at pairing): its id, and
/// the secret the tablet keeps to prove, event by event, that the member at the till made them.
/// The server derives the secret from its own key and the id, so it stores none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSession {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: uuid::Uuid,
    pub staff_id: crate::StaffId,
    /// 32 bytes, hex. Kept on the tablet; never sent back.
    pub secret: String,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub expires_at: time::OffsetDateTime,
}

/// An event's proof of who made it: the staff session's id and an HMAC-SHA256, with the
/// session's secret, over what the event does ([`proof_message`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffProof {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub session: uuid::Uuid,
    /// 64 hex digits.
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub mac: String,
}

/// What a staff proof signs: the event's id, card, device, staff member and what it does, so a
/// proof cannot be moved to another event or another member.
pub fn proof_message(event: &crate::Event) -> Vec<u8> {
    let mut message = b"regulars staff proof v1\0".to_vec();
    message.extend_from_slice(event.id.0.as_bytes());
    message.extend_from_slice(event.card_id.0.as_bytes());
    message.extend_from_slice(event.device_id.0.as_bytes());
    message.extend_from_slice(&event.device_seq.to_be_bytes());
    if let Some(staff_id) = event.staff_id {
        message.extend_from_slice(staff_id.0.as_bytes());
    }
    message.extend_from_slice(event.body.kind().as_bytes());
    message.push(0);
    message.extend_from_slice(&event.body.delta().to_be_bytes());
    if let crate::EventBody::Reversal { reverses, .. } = &event.body {
        message.extend_from_slice(reverses.0.as_bytes());
    }
    if let crate::EventBody::RewardRedeemed { reward_id, .. } = &event.body {
        message.extend_from_slice(reward_id.0.as_bytes());
    }
    message
}

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

fn mac_for(secret: &[u8], event: &crate::Event) -> HmacSha256 {
    use hmac::Mac;
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(&proof_message(event));
    mac
}

/// The tablet signs an event with its staff session.
pub fn sign_event(session: &StaffSession, event: &crate::Event) -> Option<StaffProof> {
    use hmac::Mac;
    let secret = hex::decode(&session.secret).ok()?;
    Some(StaffProof {
        session: session.id,
        mac: hex::encode(mac_for(&secret, event).finalize().into_bytes()),
    })
}

/// The server checks a proof with the session's secret (in constant time).
pub fn proof_is_valid(secret: &[u8], event: &crate::Event, proof: &StaffProof) -> bool {
    use hmac::Mac;
    match hex::decode(&proof.mac) {
        Ok(tag) => mac_for(secret, event).verify_slice(&tag).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod proof_tests {
    use super::*;
    use crate::{CardId, DeviceId, Event, EventBody, EventId, Origin, StaffId};

    fn session() -> StaffSession {
        StaffSession {
            id: uuid::Uuid::from_u128(7),
            staff_id: StaffId(uuid::Uuid::from_u128(3)),
            secret: hex::encode([9u8; 32]),
            expires_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    fn reversal(delta: i64) -> Event {
        Event {
            id: EventId(uuid::Uuid::from_u128(1)),
            card_id: CardId(uuid::Uuid::from_u128(2)),
            device_id: DeviceId(uuid::Uuid::from_u128(4)),
            device_seq: 5,
            staff_id: Some(StaffId(uuid::Uuid::from_u128(3))),
            occurred_at: time::OffsetDateTime::UNIX_EPOCH,
            body: EventBody::Reversal {
                reverses: EventId(uuid::Uuid::from_u128(6)),
                delta,
                reason: "wrong card".into(),
            },
            code: None,
            staff_proof: None,
            origin: Origin::Till,
            scanned_at: None,
        }
    }

    #[test]
    fn a_proof_holds_for_its_event_only() {
        let event = reversal(5);
        let proof = sign_event(&session(), &event).unwrap();
        assert!(proof_is_valid(&[9u8; 32], &event, &proof));
        assert!(
            !proof_is_valid(&[8u8; 32], &event, &proof),
            "another secret"
        );
        assert!(
            !proof_is_valid(&[9u8; 32], &reversal(50), &proof),
            "another delta"
        );
        let mut other_member = event.clone();
        other_member.staff_id = Some(StaffId(uuid::Uuid::from_u128(99)));
        assert!(
            !proof_is_valid(&[9u8; 32], &other_member, &proof),
            "another member"
        );
        let garbled = StaffProof {
            mac: "zz".into(),
            ..proof
        };
        assert!(!proof_is_valid(&[9u8; 32], &event, &garbled));
    }
}
