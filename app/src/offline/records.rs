//! The records kept in IndexedDB. Plain serde types: no signals inside.

use regulars_protocol::CardId;
use regulars_protocol::DeviceId;
use regulars_protocol::wire::{CardView, TillProgram};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A loyalty card held on this phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredCard {
    pub card_id: CardId,
    /// The card's credential (`Authorization: Bearer`).
    pub token: String,
    /// The card as the server last showed it.
    pub view: CardView,
    /// When `view` was last fetched from the server.
    #[serde(with = "time::serde::rfc3339")]
    pub synced_at: OffsetDateTime,
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
}
