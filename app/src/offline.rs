//! What the phone and the tablet keep in IndexedDB, so they work without signal, and how it
//! syncs with the server.
//!
//! One database ([`DB_NAME`] in the app; tests pass their own name), version 4:
//! - `cards`: one [`StoredCard`] per card held on this phone (view, token, sync cursor);
//! - `device`: the tablet's [`Pairing`], plus small values: the directory's pull cursor, the
//!   clock offset learned at the last sync, whether persistent storage was asked for;
//! - `outbox`: the till's events not yet on the server, keyed by event id ([`outbox`]);
//! - `rejected`: events the server refused, with its reason ([`RejectedEvent`]);
//! - `directory`: the shop's members as the tablet last pulled them ([`directory`]);
//! - `keys`: each card's signing key, a non-extractable WebCrypto `CryptoKey` (the phone);
//! - `seen_codes`: the (card, time step) codes this tablet accepted, so a copy is refused;
//! - `card_outbox`: what the shopper did on a card (survey answers) not yet on the server,
//!   keyed by event id ([`card_outbox`]); each card's last sequence number is in `device`.
//!
//! A stamp's way: the till page builds the event and calls [`Store::queue_event`]; the
//! confirmation shows at once; [`sync::TillSync`] pushes the outbox and settles the answers
//! ([`Store::settle`]). The pull loop in the same place keeps the directory fresh.
//!
//! Every function opens the database by name, so a test can use a fresh one.

pub mod card_outbox;
pub mod directory;
pub mod keys;
pub mod outbox;
mod records;
pub mod seen_codes;
pub mod service_worker;
mod store;
pub mod sync;

pub use outbox::{Settled, balance_with_pending};
pub use records::{EarlierPairing, Pairing, RejectedEvent, StoredCard};
pub use store::{OfflineError, Store};

/// The database the app uses.
pub const DB_NAME: &str = "regulars";
