//! The rule for an event that uses an offer: an `offer_used` event, or a points event that
//! names a multiplying offer. Judged by the version the event names and the event's own time.
//!
//! - **Refused** (the tablet's word cannot stand): an offer or version this shop does not have
//!   (`unknown_offer`), or figures that are not the version's (`offer_mismatch`: other extra
//!   stamps, a multiplier used without a points event or the other way round; the points
//!   themselves are checked by the points rule, with the multiplier).
//! - **An online use** (`offer_used` made with a connection) of an offer the member may not use
//!   now is refused: used up (`offer_used_up`), not theirs or not running (`offer_not_for_card`).
//!   The till asked the server a moment before; it says so to the cashier.
//! - **An offline use**, and a multiplied purchase, is a fact: stored, flagged
//!   (`offer_used_up`, `offer_not_for_card`, `offer_not_valid`) and balanced for what the offer
//!   added (the extra stamps; the points above the purchase's own), like a double redemption.
//! - **A use that stands** takes the member's next number in `offer_uses`, whose primary key
//!   (offer, card, number) is what stops one use being counted twice, even by two replicas at
//!   once: the second insert fails and its push is retried, then judged used up.

use regulars_protocol::offers::OfferStatus;
use regulars_protocol::{CompensationReason, Event, EventBody, Flag, OfferId, Refusal, ShopId};
use time::OffsetDateTime;

use crate::db::{self, Tx};
use crate::insights::local::ShopClock;

/// What the rule found.
pub enum Judgement {
    /// The event names no offer.
    None,
    /// Not stored: the reason.
    Refused(Refusal, String),
    /// Stored, flagged, and what the offer added taken back (`amount`, before negation).
    Broken { flag: Flag, amount: i64 },
    /// Stands: the use to record when the event is stored, and the multiplier for points.
    Stands(Use),
}

/// A use that stands, recorded with the event.
pub struct Use {
    pub offer_id: OfferId,
    pub offer_version: i32,
    pub use_no: i64,
}

/// Judges the event's use of an offer at `at`. `base_points` is what a points event would
/// earn without the offer (the points rule computes it).
pub async fn judge(
    tx: &mut Tx,
    shop_id: ShopId,
    clock: &ShopClock,
    event: &Event,
    at: OffsetDateTime,
    base_points: Option<i64>,
) -> anyhow::Result<Judgement> {
    let Some((offer_id, version)) = event.body.offer() else {
        return Ok(Judgement::None);
    };
    let Some(offer) = db::offers::version(&mut **tx, shop_id, offer_id, version).await? else {
        return Ok(Judgement::Refused(
            Refusal::UnknownOffer,
            "This shop has no such offer (or no such version of it).".into(),
        ));
    };
    let gift = &offer.input.gift;
    let (online, added) = match &event.body {
        EventBody::OfferUsed { count, offline, .. } => {
            if gift.multiplies() || *count != gift.extra_stamps() {
                return Ok(Judgement::Refused(
                    Refusal::OfferMismatch,
                    format!(
                        "This offer gives {} extra stamps, not {count}.",
                        gift.extra_stamps()
                    ),
                ));
            }
            (!*offline, *count)
        }
        EventBody::PointsEarned {
            points, category, ..
        } => {
            if !gift.multiplies() {
                return Ok(Judgement::Refused(
                    Refusal::OfferMismatch,
                    "This offer does not multiply points.".into(),
                ));
            }
            // The server computes the points again, from the program version and the offer.
            let base = base_points.unwrap_or(*points);
            let expected = gift.points(base, category.as_deref());
            if expected != *points {
                return Ok(Judgement::Refused(
                    Refusal::PointsMismatch,
                    format!("With this offer the purchase earns {expected} points, not {points}."),
                ));
            }
            (false, expected - base)
        }
        _ => return Ok(Judgement::None),
    };
    let broken = |flag: Flag, refusal: Refusal, words: &str| {
        if online {
            Judgement::Refused(refusal, words.to_owned())
        } else {
            Judgement::Broken {
                flag,
                amount: added,
            }
        }
    };
    // Judged by the event's own time, in the shop's time (the offset of that moment).
    let view = crate::offers::view(&offer, clock, at);
    // A paused or ended offer is judged as it is now: the owner stopped it.
    if !view.usable_at(at) || offer.status != OfferStatus::Active {
        return Ok(broken(
            Flag::OfferNotValid,
            Refusal::OfferNotForCard,
            "This offer cannot be used now.",
        ));
    }
    if !db::offers::was_sent(&mut **tx, shop_id, offer_id, event.card_id).await? {
        return Ok(broken(
            Flag::OfferNotForCard,
            Refusal::OfferNotForCard,
            "This offer is not this customer's.",
        ));
    }
    let (used, last) = db::offers::use_count(tx, offer_id, event.card_id).await?;
    if used >= offer.input.uses_per_member {
        return Ok(broken(
            Flag::OfferUsedUp,
            Refusal::OfferUsedUp,
            "This customer has already used this offer.",
        ));
    }
    Ok(Judgement::Stands(Use {
        offer_id,
        offer_version: offer.version,
        use_no: last + 1,
    }))
}

/// The compensation reason for an offer's broken use.
pub const REASON: CompensationReason = CompensationReason::OfferNotCovered;
