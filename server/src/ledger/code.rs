//! The card-code acceptance rule, in one place: the till's lookup, every pushed event and the
//! till's own offline check (through the same `regulars_protocol::card_code`) ask it.
//!
//! A code proves itself: the phone's code signed by the card's key for a time step within two
//! of the time it is judged at, and not shown at another till before; or a printed card signed
//! by the shop (stamps and points only). For a card that signs its codes (it has a key) or a
//! printed card, a missing or unsigned code is a failed code. Only a card the tablet could not
//! know yet (no key registered) may be credited unverified.

use regulars_protocol::{
    CardCode, CardId, CardKey, CodeRefused, DeviceId, Flag, Refusal, Verified,
};
use time::OffsetDateTime;

use crate::db::{self, Tx};

/// What the card looks like to the rule.
#[derive(Debug, Clone, Copy)]
pub struct CardKeys {
    pub card_id: CardId,
    /// The phone's registered key.
    pub key: Option<CardKey>,
    pub printed: bool,
    /// The shop's printed-card key.
    pub printed_key: CardKey,
}

impl CardKeys {
    /// The card signs its codes (a phone with a key, or a printed card): nothing less will do.
    fn signs(&self) -> bool {
        self.key.is_some() || self.printed
    }
}

/// What the code is asked to allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Stamps or points.
    Earn,
    /// A reward, with the tablet online: the server decides now.
    RedeemOnline,
    /// A reward already handed over by a tablet without a connection.
    RedeemOffline,
}

/// The rule's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// The code checked out.
    Accepted(Verified),
    /// No proof could be had for a card the tablet could not know: stored and flagged
    /// `unverified`; a redemption is balanced.
    Unverified,
    /// The code failed: refused when the server decides now (an online redemption, a lookup),
    /// else stored, flagged and balanced.
    Failed(CodeRefused),
    /// Not a code for this card at all.
    Refused(Refusal),
}

impl Judgement {
    /// The flag a stored event gets, if any.
    pub fn flag(&self) -> Option<Flag> {
        match self {
            Judgement::Accepted(_) | Judgement::Refused(_) => None,
            Judgement::Unverified => Some(Flag::Unverified),
            Judgement::Failed(reason) => Some(Flag::from(*reason)),
        }
    }
}

/// Judges `text` (None: the event came without a code) for `card` at `at`, for a `use_` by
/// `device`. A rotating code is claimed for the device in `code_uses`, so the same (card, step)
/// shown at a second till is `Replayed` (a visit's events, which share a code, come from one
/// till, which already owns the step).
pub async fn judge(
    tx: &mut Tx,
    card: &CardKeys,
    text: Option<&str>,
    at: OffsetDateTime,
    use_: Use,
    device: DeviceId,
) -> anyhow::Result<Judgement> {
    let redeeming = use_ != Use::Earn;
    let Some(text) = text else {
        return Ok(match use_ {
            Use::RedeemOnline => Judgement::Refused(Refusal::CodeRequired),
            _ if card.signs() => Judgement::Failed(CodeRefused::Missing),
            _ => Judgement::Unverified,
        });
    };
    let code = match CardCode::parse(text) {
        Ok(code) => code,
        Err(_) => return Ok(Judgement::Refused(Refusal::InvalidCode)),
    };
    if code.card_id() != card.card_id {
        return Ok(Judgement::Refused(Refusal::CodeCardMismatch));
    }
    let verified = match code.verify(card.key.as_ref(), &card.printed_key, at) {
        Ok(verified) => verified,
        // An unsigned code (or a signed one the server has no key for) proves nothing; it is
        // only let through, unverified, for a card that does not sign its codes yet.
        Err(CodeRefused::Unsigned | CodeRefused::NoKey) if !card.signs() && !redeeming => {
            return Ok(Judgement::Unverified);
        }
        Err(reason) => return Ok(Judgement::Failed(reason)),
    };
    Ok(match verified {
        Verified::Rotating { step } => {
            let first = db::cards::use_code(tx, card.card_id, step, device).await?;
            if first == device {
                Judgement::Accepted(verified)
            } else {
                Judgement::Failed(CodeRefused::Replayed)
            }
        }
        Verified::Printed if redeeming => Judgement::Failed(CodeRefused::PrintedCannotRedeem),
        Verified::Printed => Judgement::Accepted(verified),
    })
}
