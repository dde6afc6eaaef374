//! The ledger: everything that changes a balance is an [`Event`], and a balance is a [`fold`] over
//! events. The same fold runs on the phone, the tablet and the server.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::codes::Origin;
use crate::ids::{CardId, DeviceId, EventId, OfferId, RewardId, StaffId};

/// Longest category tag a cashier can attach to a purchase.
pub const MAX_CATEGORY_LEN: usize = 40;
/// Most stamps one event may give.
pub const MAX_STAMPS_PER_EVENT: i64 = 50;
/// Largest purchase one event may record, in minor units (one million units of currency).
pub const MAX_AMOUNT_MINOR: i64 = 100_000_000;

/// One fact in a card's ledger, created on a device. Its id (a UUIDv7) is its idempotency key:
/// pushing the same event again changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    pub id: EventId,
    pub card_id: CardId,
    pub device_id: DeviceId,
    /// Per-device sequence number, counting from 1.
    pub device_seq: i64,
    #[serde(default)]
    pub staff_id: Option<StaffId>,
    /// The device's clock when the event happened, corrected by its last known offset.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub occurred_at: OffsetDateTime,
    pub body: EventBody,
    /// The card code the till scanned for this event (see [`crate::card_code`]). The server
    /// verifies it again: a redemption needs a valid signed code, and an event whose code fails
    /// is stored, flagged and balanced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub code: Option<String>,
    /// Proof that the staff member named made the event: a MAC with the staff session the server
    /// issued at their PIN switch (see [`crate::staff::StaffProof`]). Reversals and redemptions
    /// without one are stored and flagged, and balanced where they would credit the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_proof: Option<crate::staff::StaffProof>,
    /// Where the event came from. Tablets make `till` events (the default, left out on the wire);
    /// the server's own compensations are `server` events.
    #[serde(default, skip_serializing_if = "Origin::is_till")]
    pub origin: Origin,
    /// When the till scanned the card code this event carries (its clock, corrected like
    /// `occurred_at`). The code is judged at this time: a customer scanned, then served and
    /// stamped minutes later, still gets the stamp. A till holds a scanned customer at most
    /// [`MAX_HOLD`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub scanned_at: Option<OffsetDateTime>,
}

/// Longest a till may hold a scanned customer before the code must be scanned again.
pub const MAX_HOLD: time::Duration = time::Duration::minutes(15);

/// Longest card code an event may carry (a signed code is 128 characters).
pub const MAX_CODE_LEN: usize = 200;
/// Most a reward may cost, and so the most one redemption takes.
pub const MAX_REWARD_COST: i64 = 1_000_000;
/// Most points one purchase may earn.
pub const MAX_POINTS_PER_EVENT: i64 = 100_000_000;

/// Why an event's time cannot be used at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("occurred_at: the time cannot be represented (it must fall between 1970 and 9000)")]
pub struct UnrepresentableTime;

/// An event's time in UTC, if it can be represented: between 1970 and the year 9000, so that
/// every rule's arithmetic on it (a day either side, a time step) stays in range. The
/// conversion is checked: a time near the end of year 9999 with a negative offset does not
/// wrap or panic.
pub fn utc_time(at: OffsetDateTime) -> Result<OffsetDateTime, UnrepresentableTime> {
    let utc = at
        .checked_to_offset(time::UtcOffset::UTC)
        .ok_or(UnrepresentableTime)?;
    if (1970..9000).contains(&utc.year()) {
        Ok(utc)
    } else {
        Err(UnrepresentableTime)
    }
}

impl Origin {
    fn is_till(&self) -> bool {
        *self == Origin::Till
    }
}

/// What happened. On the wire an object with its kind under `type` (serde's internal tagging
/// for writing; reading goes through [`RawEventBody`], see there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventBody {
    /// Stamps given for a visit, optionally with what was bought.
    StampsIssued {
        count: i64,
        #[serde(default)]
        amount_minor: Option<i64>,
        #[serde(default)]
        category: Option<String>,
    },
    /// Points earned for a purchase under the program version the device knew. With an offer
    /// that multiplies points, it names the offer and its version: the points include the
    /// multiplier, and the server computes them again from both.
    PointsEarned {
        amount_minor: i64,
        points: i64,
        program_version: i32,
        #[serde(default)]
        category: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        offer_id: Option<OfferId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        offer_version: Option<i32>,
    },
    /// A reward redeemed at its cost. `offline` redemptions were given by a tablet without a
    /// connection (only where the owner allows it); the server accepts them and flags any that
    /// turn out to redeem a reward the card did not have.
    RewardRedeemed {
        reward_id: RewardId,
        cost: i64,
        #[serde(default, skip_serializing_if = "is_false")]
        offline: bool,
    },
    /// An offer used at the till (see [`crate::offers`]): `count` extra stamps for an extra
    /// stamps offer, none for a free item or money off. `offline` uses were made by a tablet
    /// without a connection: one beyond the member's limit is stored, flagged and balanced; an
    /// online one is refused.
    OfferUsed {
        offer_id: OfferId,
        offer_version: i32,
        #[serde(default)]
        count: i64,
        #[serde(default, skip_serializing_if = "is_false")]
        offline: bool,
    },
    /// A correction by the shop (positive or negative).
    Adjustment { delta: i64, reason: String },
    /// Undoes an earlier event: `delta` is the negation of the reversed event's delta.
    Reversal {
        reverses: EventId,
        delta: i64,
        reason: String,
    },
    /// An event kind this version does not know (made by a newer app or server). It changes
    /// nothing here; the server's balance, which knows it, is the one shown.
    #[serde(other)]
    Unknown,
}

/// An event body as read: every field any kind has, by name, and the kind. serde's reader for
/// internally tagged enums buffers the whole object in a generic form first, which costs every
/// bundle that reads events (the phone, the till) tens of kilobytes of wasm per reader (JSON,
/// IndexedDB); this flat form reads the same JSON directly. Fields of a kind this version does
/// not know, and fields that do not belong to the kind, are ignored, as long as a field with one
/// of the names below has that name's type (every kind here keeps them; a newer kind must too).
#[derive(Deserialize)]
struct RawEventBody {
    #[serde(rename = "type")]
    kind: String,
    count: Option<i64>,
    amount_minor: Option<i64>,
    category: Option<String>,
    points: Option<i64>,
    program_version: Option<i32>,
    reward_id: Option<RewardId>,
    cost: Option<i64>,
    #[serde(default)]
    offline: Option<bool>,
    delta: Option<i64>,
    reason: Option<String>,
    reverses: Option<EventId>,
    offer_id: Option<OfferId>,
    offer_version: Option<i32>,
}

impl RawEventBody {
    fn into_body(self) -> Result<EventBody, &'static str> {
        Ok(match self.kind.as_str() {
            "stamps_issued" => EventBody::StampsIssued {
                count: self.count.ok_or("missing field `count`")?,
                amount_minor: self.amount_minor,
                category: self.category,
            },
            "points_earned" => EventBody::PointsEarned {
                amount_minor: self.amount_minor.ok_or("missing field `amount_minor`")?,
                points: self.points.ok_or("missing field `points`")?,
                program_version: self
                    .program_version
                    .ok_or("missing field `program_version`")?,
                category: self.category,
                offer_id: self.offer_id,
                offer_version: self.offer_version,
            },
            "offer_used" => EventBody::OfferUsed {
                offer_id: self.offer_id.ok_or("missing field `offer_id`")?,
                offer_version: self.offer_version.ok_or("missing field `offer_version`")?,
                count: self.count.unwrap_or(0),
                offline: self.offline.unwrap_or(false),
            },
            "reward_redeemed" => EventBody::RewardRedeemed {
                reward_id: self.reward_id.ok_or("missing field `reward_id`")?,
                cost: self.cost.ok_or("missing field `cost`")?,
                offline: self.offline.unwrap_or(false),
            },
            "adjustment" => EventBody::Adjustment {
                delta: self.delta.ok_or("missing field `delta`")?,
                reason: self.reason.ok_or("missing field `reason`")?,
            },
            "reversal" => EventBody::Reversal {
                reverses: self.reverses.ok_or("missing field `reverses`")?,
                delta: self.delta.ok_or("missing field `delta`")?,
                reason: self.reason.ok_or("missing field `reason`")?,
            },
            _ => EventBody::Unknown,
        })
    }
}

impl<'de> Deserialize<'de> for EventBody {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawEventBody::deserialize(deserializer)?
            .into_body()
            .map_err(serde::de::Error::custom)
    }
}

impl EventBody {
    /// How much the event changes the balance.
    pub fn delta(&self) -> i64 {
        match self {
            EventBody::StampsIssued { count, .. } => *count,
            EventBody::PointsEarned { points, .. } => *points,
            EventBody::RewardRedeemed { cost, .. } => cost.saturating_neg(),
            EventBody::OfferUsed { count, .. } => *count,
            EventBody::Adjustment { delta, .. } => *delta,
            EventBody::Reversal { delta, .. } => *delta,
            EventBody::Unknown => 0,
        }
    }

    /// The stable name of the event kind, as stored in the ledger.
    pub fn kind(&self) -> &'static str {
        match self {
            EventBody::StampsIssued { .. } => "stamps_issued",
            EventBody::PointsEarned { .. } => "points_earned",
            EventBody::RewardRedeemed { .. } => "reward_redeemed",
            EventBody::OfferUsed { .. } => "offer_used",
            EventBody::Adjustment { .. } => "adjustment",
            EventBody::Reversal { .. } => "reversal",
            EventBody::Unknown => "unknown",
        }
    }

    /// Whether the event needs a role, and so proof of who made it (a staff session's
    /// signature, see [`crate::staff::StaffProof`]): redemptions, reversals and adjustments.
    pub fn needs_staff_proof(&self) -> bool {
        matches!(
            self,
            EventBody::RewardRedeemed { .. }
                | EventBody::Reversal { .. }
                | EventBody::Adjustment { .. }
        )
    }

    pub fn amount_minor(&self) -> Option<i64> {
        match self {
            EventBody::StampsIssued { amount_minor, .. } => *amount_minor,
            EventBody::PointsEarned { amount_minor, .. } => Some(*amount_minor),
            _ => None,
        }
    }

    /// The offer the event uses, and its version.
    pub fn offer(&self) -> Option<(OfferId, i32)> {
        match self {
            EventBody::OfferUsed {
                offer_id,
                offer_version,
                ..
            } => Some((*offer_id, *offer_version)),
            EventBody::PointsEarned {
                offer_id: Some(id),
                offer_version,
                ..
            } => Some((*id, offer_version.unwrap_or(0))),
            _ => None,
        }
    }

    pub fn category(&self) -> Option<&str> {
        match self {
            EventBody::StampsIssued { category, .. } | EventBody::PointsEarned { category, .. } => {
                category.as_deref()
            }
            _ => None,
        }
    }

    /// Checks the event on its own (not against a balance). Returns the field at fault.
    pub fn validate(&self) -> Result<(), InvalidEvent> {
        let category_ok = |c: &Option<String>| match c {
            Some(c) => !c.trim().is_empty() && c.chars().count() <= MAX_CATEGORY_LEN,
            None => true,
        };
        let amount_ok = |a: i64| (0..=MAX_AMOUNT_MINOR).contains(&a);
        match self {
            EventBody::StampsIssued {
                count,
                amount_minor,
                category,
            } => {
                if !(1..=MAX_STAMPS_PER_EVENT).contains(count) {
                    return Err(InvalidEvent::new(
                        "count",
                        "stamps must be between 1 and 50",
                    ));
                }
                if amount_minor.is_some_and(|a| !amount_ok(a)) {
                    return Err(InvalidEvent::new("amount_minor", "amount is out of range"));
                }
                if !category_ok(category) {
                    return Err(InvalidEvent::new(
                        "category",
                        "category must be 1 to 40 characters",
                    ));
                }
            }
            EventBody::PointsEarned {
                amount_minor,
                points,
                category,
                offer_id,
                offer_version,
                ..
            } => {
                if offer_id.is_some() != offer_version.is_some() {
                    return Err(InvalidEvent::new(
                        "offer_version",
                        "an offer is named with its version",
                    ));
                }
                if !amount_ok(*amount_minor) || *amount_minor == 0 {
                    return Err(InvalidEvent::new(
                        "amount_minor",
                        "amount must be above zero",
                    ));
                }
                if !(0..=MAX_POINTS_PER_EVENT).contains(points) {
                    return Err(InvalidEvent::new("points", "points are out of range"));
                }
                if !category_ok(category) {
                    return Err(InvalidEvent::new(
                        "category",
                        "category must be 1 to 40 characters",
                    ));
                }
            }
            EventBody::RewardRedeemed { cost, .. } => {
                if !(1..=MAX_REWARD_COST).contains(cost) {
                    return Err(InvalidEvent::new(
                        "cost",
                        "a reward costs between 1 and 1000000",
                    ));
                }
            }
            EventBody::OfferUsed {
                count,
                offer_version,
                ..
            } => {
                if !(0..=crate::offers::MAX_EXTRA_STAMPS).contains(count) {
                    return Err(InvalidEvent::new(
                        "count",
                        "an offer gives 0 to 20 extra stamps",
                    ));
                }
                if *offer_version < 1 {
                    return Err(InvalidEvent::new("offer_version", "versions count from 1"));
                }
            }
            EventBody::Adjustment { delta, reason } | EventBody::Reversal { delta, reason, .. } => {
                if *delta == 0 || delta.unsigned_abs() > MAX_AMOUNT_MINOR as u64 {
                    return Err(InvalidEvent::new(
                        "delta",
                        "delta must be non-zero and in range",
                    ));
                }
                if reason.trim().is_empty() || reason.chars().count() > 200 {
                    return Err(InvalidEvent::new(
                        "reason",
                        "reason must be 1 to 200 characters",
                    ));
                }
            }
            EventBody::Unknown => {
                return Err(InvalidEvent::new("type", "this kind of event is not known"));
            }
        }
        Ok(())
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// An event that is wrong on its own, whatever the balance.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidEvent {
    pub field: &'static str,
    pub message: &'static str,
}

impl InvalidEvent {
    fn new(field: &'static str, message: &'static str) -> Self {
        Self { field, message }
    }
}

/// A card's standing, folded from its events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Balance {
    /// Stamps or points available now.
    pub balance: i64,
    /// Everything ever earned (stamps or points), before redemptions.
    pub earned: i64,
    /// Everything ever spent on rewards.
    pub redeemed: i64,
    /// Rewards redeemed.
    pub rewards_redeemed: i64,
    /// Visits: events that earned something.
    pub visits: i64,
}

impl Balance {
    /// Adds one event. Every field is a sum, so the order of events never matters.
    /// Sums saturate rather than wrap: events are bounded one by one ([`EventBody::validate`]),
    /// so no real ledger comes near the limits, and a fold never panics or wraps on one that
    /// does.
    pub fn apply(&mut self, body: &EventBody) {
        let delta = body.delta();
        self.balance = self.balance.saturating_add(delta);
        match body {
            EventBody::StampsIssued { count, .. } => {
                self.earned = self.earned.saturating_add(*count);
                self.visits = self.visits.saturating_add(1);
            }
            EventBody::PointsEarned { points, .. } => {
                self.earned = self.earned.saturating_add(*points);
                self.visits = self.visits.saturating_add(1);
            }
            EventBody::RewardRedeemed { cost, .. } => {
                self.redeemed = self.redeemed.saturating_add(*cost);
                self.rewards_redeemed = self.rewards_redeemed.saturating_add(1);
            }
            EventBody::OfferUsed { count, .. } => {
                self.earned = self.earned.saturating_add(*count);
            }
            EventBody::Adjustment { .. } | EventBody::Reversal { .. } | EventBody::Unknown => {}
        }
    }

    /// Whether a reward of this cost can be redeemed now. This is the server's rule: a
    /// redemption never takes a balance below zero.
    pub fn check_redemption(&self, cost: i64) -> Result<(), RedemptionRefused> {
        if cost <= 0 {
            return Err(RedemptionRefused::InvalidCost);
        }
        if self.balance < cost {
            return Err(RedemptionRefused::NotEnough {
                balance: self.balance,
                cost,
            });
        }
        Ok(())
    }
}

/// Why a redemption was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RedemptionRefused {
    #[error("not enough: the card has {balance}, the reward costs {cost}")]
    NotEnough { balance: i64, cost: i64 },
    #[error("the reward has no valid cost")]
    InvalidCost,
}

/// Folds a card's events into its balance. Events are counted once by id, in any order.
pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Balance {
    let unique: BTreeMap<EventId, &EventBody> =
        events.into_iter().map(|e| (e.id, &e.body)).collect();
    let mut balance = Balance::default();
    for body in unique.values() {
        balance.apply(body);
    }
    balance
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    /// Every kind reads back what it writes, as internally tagged JSON; an unknown kind reads as
    /// `Unknown` whatever its fields; a kind without a field it needs is refused, naming it.
    #[test]
    fn event_bodies_read_what_they_write_and_refuse_what_lacks_a_field() {
        let bodies = [
            EventBody::StampsIssued {
                count: 2,
                amount_minor: Some(450),
                category: Some("Pastries".into()),
            },
            EventBody::StampsIssued {
                count: 1,
                amount_minor: None,
                category: None,
            },
            EventBody::PointsEarned {
                amount_minor: 1250,
                points: 12,
                program_version: 3,
                category: None,
                offer_id: None,
                offer_version: None,
            },
            EventBody::PointsEarned {
                amount_minor: 1250,
                points: 24,
                program_version: 3,
                category: Some("coffee".into()),
                offer_id: Some(OfferId(Uuid::from_u128(11))),
                offer_version: Some(2),
            },
            EventBody::OfferUsed {
                offer_id: OfferId(Uuid::from_u128(11)),
                offer_version: 1,
                count: 2,
                offline: true,
            },
            EventBody::OfferUsed {
                offer_id: OfferId(Uuid::from_u128(12)),
                offer_version: 3,
                count: 0,
                offline: false,
            },
            EventBody::RewardRedeemed {
                reward_id: RewardId(Uuid::from_u128(9)),
                cost: 5,
                offline: true,
            },
            EventBody::RewardRedeemed {
                reward_id: RewardId(Uuid::from_u128(9)),
                cost: 5,
                offline: false,
            },
            EventBody::Adjustment {
                delta: -3,
                reason: "Typo".into(),
            },
            EventBody::Reversal {
                reverses: EventId(Uuid::from_u128(4)),
                delta: -1,
                reason: "Wrong card".into(),
            },
            EventBody::Unknown,
        ];
        for body in bodies {
            let json = serde_json::to_string(&body).unwrap();
            assert!(json.starts_with(r#"{"type":""#), "{json}");
            assert_eq!(
                serde_json::from_str::<EventBody>(&json).unwrap(),
                body,
                "{json}"
            );
        }
        let newer = r#"{"type":"gift_card_loaded","amount":500,"note":{"from":"Ana"}}"#;
        assert_eq!(
            serde_json::from_str::<EventBody>(newer).unwrap(),
            EventBody::Unknown
        );
        let extra = r#"{"type":"stamps_issued","count":1,"cost":"not ours"}"#;
        assert!(
            serde_json::from_str::<EventBody>(extra).is_err(),
            "a known name keeps its type"
        );
        let lacking = serde_json::from_str::<EventBody>(r#"{"type":"points_earned","points":3}"#)
            .unwrap_err()
            .to_string();
        assert!(lacking.contains("amount_minor"), "{lacking}");
        let untyped = serde_json::from_str::<EventBody>(r#"{"count":1}"#)
            .unwrap_err()
            .to_string();
        assert!(untyped.contains("type"), "{untyped}");
    }

    fn event(n: u128, body: EventBody) -> Event {
        Event {
            id: EventId(Uuid::from_u128(n)),
            card_id: CardId(Uuid::from_u128(1)),
            device_id: DeviceId(Uuid::from_u128(2)),
            device_seq: n as i64,
            staff_id: None,
            occurred_at: OffsetDateTime::UNIX_EPOCH,
            body,
            code: None,
            staff_proof: None,
            origin: Origin::Till,
            scanned_at: None,
        }
    }

    fn stamps(count: i64) -> EventBody {
        EventBody::StampsIssued {
            count,
            amount_minor: None,
            category: None,
        }
    }

    fn redeem(cost: i64) -> EventBody {
        EventBody::RewardRedeemed {
            reward_id: RewardId(Uuid::from_u128(9)),
            cost,
            offline: false,
        }
    }

    fn any_body() -> impl Strategy<Value = EventBody> {
        prop_oneof![
            (1..=MAX_STAMPS_PER_EVENT).prop_map(stamps),
            (1..100_000_i64, 0..10_000_i64).prop_map(|(amount, points)| EventBody::PointsEarned {
                amount_minor: amount,
                points,
                program_version: 1,
                category: None,
                offer_id: None,
                offer_version: None,
            }),
            (1..500_i64).prop_map(redeem),
            (-100..100_i64).prop_map(|delta| EventBody::Adjustment {
                delta,
                reason: "fix".into()
            }),
        ]
    }

    #[test]
    fn five_stamps_and_a_redemption_leave_nothing() {
        let events: Vec<Event> = (1..=5)
            .map(|n| event(n, stamps(1)))
            .chain([event(6, redeem(5))])
            .collect();
        let b = fold(&events);
        assert_eq!(b.balance, 0);
        assert_eq!(b.earned, 5);
        assert_eq!(b.redeemed, 5);
        assert_eq!(b.visits, 5);
        assert_eq!(b.rewards_redeemed, 1);
    }

    #[test]
    fn an_event_seen_twice_counts_once() {
        let e = event(1, stamps(3));
        assert_eq!(fold([&e, &e]).balance, 3);
    }

    #[test]
    fn a_reversal_cancels_its_event() {
        let events = [
            event(1, stamps(2)),
            event(
                2,
                EventBody::Reversal {
                    reverses: EventId(Uuid::from_u128(1)),
                    delta: -2,
                    reason: "wrong card".into(),
                },
            ),
        ];
        assert_eq!(fold(&events).balance, 0);
    }

    #[test]
    fn redemption_needs_the_full_cost() {
        let mut b = Balance::default();
        b.apply(&stamps(4));
        assert_eq!(
            b.check_redemption(5),
            Err(RedemptionRefused::NotEnough {
                balance: 4,
                cost: 5
            })
        );
        b.apply(&stamps(1));
        assert_eq!(b.check_redemption(5), Ok(()));
        assert_eq!(b.check_redemption(0), Err(RedemptionRefused::InvalidCost));
    }

    #[test]
    fn invalid_events_name_their_field() {
        assert_eq!(stamps(0).validate().unwrap_err().field, "count");
        assert_eq!(stamps(51).validate().unwrap_err().field, "count");
        let long = EventBody::StampsIssued {
            count: 1,
            amount_minor: None,
            category: Some("x".repeat(41)),
        };
        assert_eq!(long.validate().unwrap_err().field, "category");
        assert_eq!(redeem(0).validate().unwrap_err().field, "cost");
        assert!(stamps(1).validate().is_ok());
    }

    #[test]
    fn events_keep_their_wire_shape() {
        let json = serde_json::to_value(stamps(1)).unwrap();
        assert_eq!(json["type"], "stamps_issued");
        assert_eq!(json["count"], 1);
        // A field added later is left out when it has its default, so an event keeps its
        // canonical form across versions.
        let redeemed = serde_json::to_value(redeem(3)).unwrap();
        assert!(redeemed.get("offline").is_none());
        // Older apps omit optional fields; they still parse.
        let old: EventBody = serde_json::from_str(r#"{"type":"stamps_issued","count":2}"#).unwrap();
        assert_eq!(old, stamps(2));
    }

    #[test]
    fn times_outside_the_representable_range_are_refused_not_wrapped() {
        use time::macros::datetime;
        assert_eq!(
            utc_time(datetime!(2026-12-02 10:00 +02:00)),
            Ok(datetime!(2026-12-02 08:00 UTC))
        );
        assert_eq!(
            utc_time(datetime!(0000-01-01 00:00 UTC)),
            Err(UnrepresentableTime)
        );
        // Converting this one to UTC would need the year 10000.
        assert_eq!(
            utc_time(datetime!(9999-12-31 23:00 -05:00)),
            Err(UnrepresentableTime)
        );
        assert_eq!(
            utc_time(datetime!(9500-06-01 00:00 UTC)),
            Err(UnrepresentableTime)
        );
    }

    #[test]
    fn huge_amounts_are_invalid_and_a_fold_never_wraps() {
        assert_eq!(redeem(i64::MAX).validate().unwrap_err().field, "cost");
        assert_eq!(
            redeem(MAX_REWARD_COST + 1).validate().unwrap_err().field,
            "cost"
        );
        assert!(redeem(MAX_REWARD_COST).validate().is_ok());
        let mut b = Balance::default();
        b.apply(&redeem(i64::MAX));
        b.apply(&redeem(i64::MAX));
        assert_eq!(b.redeemed, i64::MAX);
        assert_eq!(b.balance, i64::MIN);
    }

    #[test]
    fn an_unknown_event_kind_reads_and_changes_nothing() {
        let later: EventBody =
            serde_json::from_str(r#"{"type":"offer_clipped","clip":"x"}"#).unwrap();
        assert_eq!(later, EventBody::Unknown);
        assert_eq!(later.delta(), 0);
        assert!(
            later.validate().is_err(),
            "a tablet cannot push a kind it made up"
        );
    }

    proptest! {
        #[test]
        fn the_same_events_in_any_order_give_the_same_balance(
            bodies in proptest::collection::vec(any_body(), 0..60),
            seed in any::<u64>(),
        ) {
            let events: Vec<Event> =
                bodies.into_iter().enumerate().map(|(i, b)| event(i as u128 + 1, b)).collect();
            let mut shuffled = events.clone();
            // A deterministic shuffle driven by the seed.
            let mut s = seed;
            for i in (1..shuffled.len()).rev() {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                shuffled.swap(i, (s >> 33) as usize % (i + 1));
            }
            // Duplicates (a retried push) change nothing either.
            let mut with_duplicates = shuffled.clone();
            with_duplicates.extend(events.iter().take(5).cloned());
            prop_assert_eq!(fold(&events), fold(&shuffled));
            prop_assert_eq!(fold(&events), fold(&with_duplicates));
            let sum: i64 = events.iter().map(|e| e.body.delta()).sum();
            prop_assert_eq!(fold(&events).balance, sum);
        }

        #[test]
        fn the_redemption_rule_never_lets_a_balance_go_negative(
            ops in proptest::collection::vec(prop_oneof![
                (1..=MAX_STAMPS_PER_EVENT).prop_map(stamps),
                (-10..600_i64).prop_map(redeem),
            ], 0..100),
        ) {
            let mut balance = Balance::default();
            for op in &ops {
                let allowed = match op {
                    EventBody::RewardRedeemed { cost, .. } => balance.check_redemption(*cost).is_ok(),
                    _ => true,
                };
                if allowed {
                    balance.apply(op);
                }
                prop_assert!(balance.balance >= 0);
                prop_assert_eq!(balance.balance, balance.earned - balance.redeemed);
            }
        }
    }
}
