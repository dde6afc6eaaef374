//! The records kept in IndexedDB. Plain serde types: no signals inside.

use regulars_protocol::wire::{CardView, JoinResponse, TillProgram};
use regulars_protocol::{CardId, DeviceId, Event, EventId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A loyalty card held on this phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCard {
    pub card_id: CardId,
    /// The card's credential (`Authorization: Bearer`).
    pub token: String,
    /// The card as the server last showed it (history newest first).
    pub view: CardView,
    /// When the card was last synced with the server.
    #[serde(with = "time::serde::rfc3339")]
    pub synced_at: OffsetDateTime,
    /// The card's sync cursor: the `cursor` of the last `GET /cards/me/events` answer (0: none
    /// yet). Records written before sync existed read as 0.
    #[serde(default)]
    pub cursor: i64,
    /// When the whole view (shop, program, rewards) was last fetched with `GET /cards/me`.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub full_synced_at: Option<OffsetDateTime>,
    /// The code that moves the card to a new phone, as the server last gave it (at join, on
    /// moving the card here, or made anew from the profile). `None` for cards joined before
    /// recovery codes, until the shopper makes one.
    #[serde(default)]
    pub recovery_code: Option<String>,
}

impl StoredCard {
    /// A card the server just gave this phone: joined, or moved here with a recovery code.
    pub fn from_join(joined: JoinResponse, at: OffsetDateTime) -> Self {
        StoredCard {
            card_id: joined.card.card.id,
            token: joined.token,
            view: joined.card,
            synced_at: at,
            cursor: 0,
            full_synced_at: None,
            recovery_code: joined.recovery_code,
        }
    }
}

/// How this browser is paired to a shop as a till.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    pub device_id: DeviceId,
    /// The device credential (`Authorization: Bearer`).
    pub token: String,
    pub till: TillProgram,
    /// The sequence number the next event of this device gets.
    pub next_device_seq: i64,
    /// The owner's staff session from the pairing (the owner made the code), used until
    /// someone switches in.
    #[serde(default)]
    pub staff_session: Option<regulars_protocol::staff::StaffSession>,
}

/// The credential of a pairing this tablet had before, kept while the outbox holds events it
/// made under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierPairing {
    pub device_id: DeviceId,
    pub token: String,
}

/// An event the server refused, or an outbox record that no longer decoded as an event. It is
/// kept (never dropped silently) so a manager sees it in the outbox with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedEvent {
    /// The event's id (the record's key).
    pub id: EventId,
    /// The event; `None` for a record that did not decode.
    #[serde(default)]
    pub event: Option<Event>,
    /// A record that did not decode, as JSON, as it was found.
    #[serde(default)]
    pub raw: Option<String>,
    /// The server's machine-readable reason, such as `card_revoked`.
    #[serde(default)]
    pub code: Option<String>,
    /// The server's reason, for people.
    pub reason: String,
    #[serde(with = "time::serde::rfc3339")]
    pub rejected_at: OffsetDateTime,
}

impl RejectedEvent {
    /// The code of a record set aside because it no longer decoded.
    pub const UNREADABLE: &'static str = "unreadable_record";

    /// An outbox record that no longer decoded: kept as found, with the decoder's error.
    pub fn unreadable(id: EventId, raw: String, error: &str, at: OffsetDateTime) -> Self {
        RejectedEvent {
            id,
            event: None,
            raw: Some(raw),
            code: Some(Self::UNREADABLE.to_owned()),
            reason: error.to_owned(),
            rejected_at: at,
        }
    }
}
