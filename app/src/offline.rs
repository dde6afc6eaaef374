//! What the phone and the tablet keep in IndexedDB, so they work without signal.
//!
//! One database ([`DB_NAME`] in the app; tests pass their own name) with two stores:
//! - `cards`: one [`StoredCard`] per card held on this phone, keyed by its card id;
//! - `device`: the tablet's [`Pairing`], under one fixed key.
//!
//! Every function opens the database by name, so a test can use a fresh one.

mod records;
mod store;

pub use records::{Pairing, StoredCard};
pub use store::{OfflineError, Store};

/// The database the app uses.
pub const DB_NAME: &str = "regulars";
