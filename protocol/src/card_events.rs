//! What a shopper does on the card: events of the phone origin (an NPS answer, "Not now" to
//! the survey; later the offers' shown, saved and dismissed). The phone makes them offline too,
//! keeps them in its own outbox and pushes them with the same idempotent rules as the till's
//! (`POST /api/v1/cards/me/events`): each event once whatever the retries, an answer per event.
//! A shopper's event never changes a balance.
//!
//! The event is one flat object (`kind` and the fields of every kind, absent where unused)
//! rather than a tagged enum: the phone reads it back from IndexedDB, and a flat struct reads
//! without serde's buffering of tagged enums (see [`crate::ledger`]).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::wire::PushResult;
use crate::{EventId, OfferId};

/// One thing a shopper did, as the phone made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardEvent {
    /// A UUIDv7 made on the phone: the event's idempotency key.
    pub id: EventId,
    /// The card's own sequence, from 1. A card moved to a new phone goes on from the server's
    /// [`CardEventsState::last_seq`], so numbers are never used twice.
    pub card_seq: i64,
    /// The phone's clock when it happened, corrected by the offset learned at the last sync.
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub occurred_at: OffsetDateTime,
    pub kind: CardEventKind,
    /// `nps_answered`: 0 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
    /// `nps_answered`: the shopper's words, at most 500 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub comment: Option<String>,
    /// `offer_*`: the offer, one the server sent this card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_id: Option<OfferId>,
    /// `offer_*`: the version of the offer the card showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_version: Option<i32>,
}

/// What kind of thing the shopper did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CardEventKind {
    /// Answered "How likely are you to recommend us?" (`score`, optional `comment`).
    NpsAnswered,
    /// Said "Not now" to the question.
    NpsDismissed,
    /// The card showed an offer (`offer_id`), once per offer.
    OfferShown,
    /// The shopper opened an offer's details.
    OfferOpened,
    /// Saved it for the next visit: the till marks it.
    OfferSaved,
    /// "Not for me": it never comes back.
    OfferDismissed,
    /// A kind this version does not know (made by a newer app); the server refuses it.
    #[serde(other)]
    Unknown,
}

impl CardEventKind {
    /// What a shopper does with an offer.
    pub fn is_offer(&self) -> bool {
        matches!(
            self,
            CardEventKind::OfferShown
                | CardEventKind::OfferOpened
                | CardEventKind::OfferSaved
                | CardEventKind::OfferDismissed
        )
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            CardEventKind::NpsAnswered => "nps_answered",
            CardEventKind::NpsDismissed => "nps_dismissed",
            CardEventKind::OfferShown => "offer_shown",
            CardEventKind::OfferOpened => "offer_opened",
            CardEventKind::OfferSaved => "offer_saved",
            CardEventKind::OfferDismissed => "offer_dismissed",
            CardEventKind::Unknown => "unknown",
        }
    }
}

impl CardEvent {
    /// The event checked on its own, with the rules the server applies again.
    pub fn check(&self) -> Result<(), crate::Refusal> {
        if self.card_seq < 1 {
            return Err(crate::Refusal::InvalidEvent);
        }
        match self.kind {
            CardEventKind::NpsAnswered => {
                let score = self.score.ok_or(crate::Refusal::InvalidScore)?;
                crate::nps::check_answer(score, self.comment.as_deref())
            }
            CardEventKind::NpsDismissed => Ok(()),
            CardEventKind::OfferShown
            | CardEventKind::OfferOpened
            | CardEventKind::OfferSaved
            | CardEventKind::OfferDismissed => match (self.offer_id, self.offer_version) {
                (Some(_), None) => Ok(()),
                (Some(_), Some(version)) if version >= 1 => Ok(()),
                (Some(_), Some(_)) => Err(crate::Refusal::InvalidEvent),
                (None, _) => Err(crate::Refusal::UnknownOffer),
            },
            CardEventKind::Unknown => Err(crate::Refusal::UnknownKind),
        }
    }
}

/// `POST /api/v1/cards/me/events`: a batch from the phone's outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardEventsPush {
    pub events: Vec<CardEvent>,
}

/// The answer to a phone's push: one result per event, in the order pushed (`accepted`,
/// `duplicate` with the first answer again, or `rejected` with a code and a reason), and what
/// the card's survey state is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardEventsPushResponse {
    pub results: Vec<PushResult>,
    pub state: CardEventsState,
}

/// What the server holds of a card's own events, sent with the card's view and after a push:
/// the highest sequence stored (a new phone goes on from it) and what the survey question needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardEventsState {
    #[serde(default)]
    pub last_seq: i64,
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_answer: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub last_dismissed: Option<OffsetDateTime>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(score: Option<i64>, comment: Option<&str>) -> CardEvent {
        CardEvent {
            id: EventId::random(),
            card_seq: 1,
            occurred_at: OffsetDateTime::UNIX_EPOCH,
            kind: CardEventKind::NpsAnswered,
            score,
            comment: comment.map(str::to_owned),
            offer_id: None,
            offer_version: None,
        }
    }

    #[test]
    fn an_event_reads_what_it_writes_and_an_unknown_kind_is_unknown() {
        let e = answer(Some(9), Some("Lovely croissants"));
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<CardEvent>(&json).unwrap(), e);
        let newer = json.replace("nps_answered", "offer_clipped");
        let read: CardEvent = serde_json::from_str(&newer).unwrap();
        assert_eq!(read.kind, CardEventKind::Unknown);
        assert_eq!(read.check(), Err(crate::Refusal::UnknownKind));
    }

    #[test]
    fn an_answer_is_checked_on_its_own() {
        assert_eq!(answer(Some(10), None).check(), Ok(()));
        assert_eq!(
            answer(None, None).check(),
            Err(crate::Refusal::InvalidScore)
        );
        assert_eq!(
            answer(Some(11), None).check(),
            Err(crate::Refusal::InvalidScore)
        );
        let mut zero = answer(Some(5), None);
        zero.card_seq = 0;
        assert_eq!(zero.check(), Err(crate::Refusal::InvalidEvent));
    }
}
