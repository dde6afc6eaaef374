//! The IndexedDB database and its operations.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use regulars_protocol::wire::{CardView, TillProgram};
use regulars_protocol::{CardId, DeviceId};
use time::OffsetDateTime;

use super::records::{EarlierPairing, Pairing, StoredCard};

/// Options of a write that must survive a power cut the moment it is done: the outbox, the
/// device's event numbers and its pairing. `strict` durability makes the browser flush to disk
/// before the transaction completes (the default lets it report success first).
pub fn strict() -> indexed_db_futures::transaction::TransactionOptions {
    use indexed_db_futures::transaction::{TransactionDurability, TransactionOptions};
    TransactionOptions::new().with_durability(TransactionDurability::Strict)
}

/// Version 1: `cards`, `device`. Version 2 adds `outbox`, `rejected` and `directory`. Version 3
/// adds `keys` (each card's WebCrypto signing key, a non-extractable `CryptoKey` kept as is,
/// keyed by card id) and `seen_codes` (the (card, time step) pairs this tablet has accepted).
/// Version 4 adds `card_outbox` (what the shopper did on a card, not yet on the server).
pub(super) const VERSION: u32 = 4;
pub(super) const CARDS: &str = "cards";
pub(super) const DEVICE: &str = "device";
pub(super) const OUTBOX: &str = "outbox";
pub(super) const REJECTED: &str = "rejected";
pub(super) const DIRECTORY: &str = "directory";
pub(super) const KEYS: &str = "keys";
pub(super) const SEEN_CODES: &str = "seen_codes";
pub(super) const CARD_OUTBOX: &str = "card_outbox";
pub(super) const PAIRING_KEY: &str = "pairing";
/// Keys of small values kept in `device` beside the pairing.
pub(super) const PULL_CURSOR_KEY: &str = "pull_cursor";
const CLOCK_OFFSET_KEY: &str = "clock_offset_ms";
const PERSIST_ASKED_KEY: &str = "persist_asked";
/// The credentials of earlier pairings whose events are still in the outbox.
const EARLIER_PAIRINGS_KEY: &str = "earlier_pairings";

/// The phone's storage failed (private mode, quota, a browser without IndexedDB, ...).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfflineError {
    #[error("could not open the local database: {0}")]
    Open(String),
    #[error("the local database failed: {0}")]
    Storage(String),
    #[error("no pairing is stored on this device")]
    NotPaired,
}

impl From<indexed_db_futures::error::Error> for OfflineError {
    fn from(value: indexed_db_futures::error::Error) -> Self {
        OfflineError::Storage(value.to_string())
    }
}

impl From<indexed_db_futures::error::OpenDbError> for OfflineError {
    fn from(value: indexed_db_futures::error::OpenDbError) -> Self {
        OfflineError::Open(value.to_string())
    }
}

/// Closes the connection when the store goes away (pending transactions still finish), so a
/// newer version of the app opening the database in another tab is not blocked from upgrading.
impl Drop for Store {
    fn drop(&mut self) {
        use indexed_db_futures::internals::SystemRepr;
        self.db.as_sys().close();
    }
}

/// An open Regulars database.
pub struct Store {
    pub(super) db: Database,
}

impl Store {
    /// Opens (and on first use creates) the database called `name`.
    pub async fn open(name: &str) -> Result<Store, OfflineError> {
        let db = Database::open(name)
            .with_version(VERSION)
            .with_on_upgrade_needed(|event, db| {
                // Each step only adds: the stores and records of older versions stay.
                if event.old_version() < 1.0 {
                    db.create_object_store(CARDS)
                        .with_key_path("card_id".into())
                        .build()?;
                    db.create_object_store(DEVICE).build()?;
                }
                if event.old_version() < 2.0 {
                    db.create_object_store(OUTBOX)
                        .with_key_path("id".into())
                        .build()?;
                    db.create_object_store(REJECTED)
                        .with_key_path("id".into())
                        .build()?;
                    db.create_object_store(DIRECTORY)
                        .with_key_path("card_id".into())
                        .build()?;
                }
                if event.old_version() < 3.0 {
                    db.create_object_store(KEYS).build()?;
                    db.create_object_store(SEEN_CODES).build()?;
                }
                if event.old_version() < 4.0 {
                    db.create_object_store(CARD_OUTBOX)
                        .with_key_path("id".into())
                        .build()?;
                }
                Ok(())
            })
            .await?;
        Ok(Store { db })
    }

    /// Closes the database; the next [`Store::open`] reads what was committed.
    pub fn close(self) {
        drop(self);
    }

    /// Stores a card, replacing any earlier record of the same card.
    pub async fn put_card(&self, card: &StoredCard) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(CARDS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(CARDS)?.put(card).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// The card with this id, if this phone holds it.
    pub async fn card(&self, id: CardId) -> Result<Option<StoredCard>, OfflineError> {
        let tx = self.db.transaction(CARDS).build()?;
        let card = tx.object_store(CARDS)?.get(id.to_string()).serde()?.await?;
        Ok(card)
    }

    /// Every card on this phone, by shop name.
    pub async fn cards(&self) -> Result<Vec<StoredCard>, OfflineError> {
        let tx = self.db.transaction(CARDS).build()?;
        let mut cards = tx
            .object_store(CARDS)?
            .get_all::<StoredCard>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        cards.sort_by_key(|c| c.view.shop.name.to_lowercase());
        Ok(cards)
    }

    /// Replaces a held card's view with a fresh one from the server. Returns the updated
    /// record, or `None` if the card is not on this phone.
    pub async fn update_card_view(
        &self,
        view: CardView,
        synced_at: OffsetDateTime,
    ) -> Result<Option<StoredCard>, OfflineError> {
        let tx = self
            .db
            .transaction(CARDS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(CARDS)?;
        let current: Option<StoredCard> = store.get(view.card.id.to_string()).serde()?.await?;
        let Some(mut card) = current else {
            return Ok(None);
        };
        // The whole view is as fresh as its newest event: the events sync goes on from there.
        card.cursor = card
            .cursor
            .max(view.history.iter().map(|e| e.seq).max().unwrap_or(0));
        card.view = view;
        card.synced_at = synced_at;
        card.full_synced_at = Some(synced_at);
        store.put(&card).serde()?.await?;
        tx.commit().await?;
        Ok(Some(card))
    }

    /// Stores a synced card if this phone still holds it (it may have been removed meanwhile).
    /// The token is the stored one.
    pub async fn update_card(&self, card: StoredCard) -> Result<Option<StoredCard>, OfflineError> {
        let tx = self
            .db
            .transaction(CARDS)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(CARDS)?;
        let current: Option<StoredCard> = store.get(card.card_id.to_string()).serde()?.await?;
        let Some(current) = current else {
            return Ok(None);
        };
        // The token and the recovery code are the stored ones: a sync never changes them, and
        // the profile may have made a new recovery code meanwhile.
        let card = StoredCard {
            token: current.token,
            recovery_code: current.recovery_code,
            ..card
        };
        store.put(&card).serde()?.await?;
        tx.commit().await?;
        Ok(Some(card))
    }

    /// The tablet's pairing, if it is paired.
    pub async fn pairing(&self) -> Result<Option<Pairing>, OfflineError> {
        let tx = self.db.transaction(DEVICE).build()?;
        let pairing = tx.object_store(DEVICE)?.get(PAIRING_KEY).serde()?.await?;
        Ok(pairing)
    }

    /// Stores the tablet's pairing, replacing any earlier one.
    pub async fn put_pairing(&self, pairing: &Pairing) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(DEVICE)
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        tx.object_store(DEVICE)?
            .put(pairing)
            .with_key(PAIRING_KEY)
            .without_key_type()
            .serde()?
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the till program of the stored pairing, keeping its sequence.
    pub async fn update_till(&self, till: TillProgram) -> Result<Pairing, OfflineError> {
        self.modify_pairing(|p| p.till = till).await
    }

    /// Reserves the next device sequence number: the incremented counter is committed before
    /// this returns, so an event pushed with the returned number never reuses one.
    pub async fn take_device_seq(&self) -> Result<(Pairing, i64), OfflineError> {
        let mut seq = 0;
        let pairing = self
            .modify_pairing(|p| {
                seq = p.next_device_seq;
                p.next_device_seq += 1;
            })
            .await?;
        Ok((pairing, seq))
    }

    /// Forgets the pairing (the tablet was unpaired), but keeps its credential with the
    /// earlier pairings while the outbox holds its events: an unpaired tablet may still push
    /// what it made before, and those events are not lost with the pairing.
    pub async fn retire_pairing(&self) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction([DEVICE, OUTBOX])
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let device = tx.object_store(DEVICE)?;
        let current: Option<Pairing> = device.get(PAIRING_KEY).serde()?.await?;
        if let Some(current) = current {
            let waiting = tx.object_store(OUTBOX)?.count().await?;
            let mut earlier: Vec<EarlierPairing> = device
                .get(EARLIER_PAIRINGS_KEY)
                .serde()?
                .await?
                .unwrap_or_default();
            if waiting > 0 && !earlier.iter().any(|e| e.device_id == current.device_id) {
                earlier.push(EarlierPairing {
                    device_id: current.device_id,
                    token: current.token,
                });
                device
                    .put(&earlier)
                    .with_key(EARLIER_PAIRINGS_KEY)
                    .without_key_type()
                    .serde()?
                    .await?;
            }
        }
        device.delete(PAIRING_KEY).primitive()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// The credentials of earlier pairings kept for their events in the outbox.
    pub async fn earlier_pairings(&self) -> Result<Vec<EarlierPairing>, OfflineError> {
        Ok(self
            .device_value(EARLIER_PAIRINGS_KEY)
            .await?
            .unwrap_or_default())
    }

    /// Forgets an earlier pairing's credential: none of its events wait any more.
    pub async fn forget_earlier_pairing(&self, device_id: DeviceId) -> Result<(), OfflineError> {
        let mut earlier = self.earlier_pairings().await?;
        earlier.retain(|e| e.device_id != device_id);
        self.put_device_value(EARLIER_PAIRINGS_KEY, earlier).await
    }

    /// The clock offset learned at the last sync (server time minus this device's time), in
    /// milliseconds; 0 before the first sync.
    pub async fn clock_offset_ms(&self) -> Result<i64, OfflineError> {
        Ok(self.device_value(CLOCK_OFFSET_KEY).await?.unwrap_or(0))
    }

    pub async fn set_clock_offset_ms(&self, offset_ms: i64) -> Result<(), OfflineError> {
        self.put_device_value(CLOCK_OFFSET_KEY, offset_ms).await
    }

    /// Marks that persistent storage was asked for; true if it had not been asked before.
    pub async fn first_persist_request(&self) -> Result<bool, OfflineError> {
        let asked: Option<bool> = self.device_value(PERSIST_ASKED_KEY).await?;
        if asked == Some(true) {
            return Ok(false);
        }
        self.put_device_value(PERSIST_ASKED_KEY, true).await?;
        Ok(true)
    }

    /// A small value kept in the `device` store under `key` (the till keeps its staff session
    /// and last actions this way).
    pub(crate) async fn device_value<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<T>, OfflineError> {
        let tx = self.db.transaction(DEVICE).build()?;
        let value = tx.object_store(DEVICE)?.get(key).serde()?.await?;
        Ok(value)
    }

    pub(crate) async fn put_device_value<T: serde::Serialize>(
        &self,
        key: &str,
        value: T,
    ) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(DEVICE)
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        tx.object_store(DEVICE)?
            .put(value)
            .with_key(key)
            .without_key_type()
            .serde()?
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn modify_pairing(
        &self,
        change: impl FnOnce(&mut Pairing),
    ) -> Result<Pairing, OfflineError> {
        let tx = self
            .db
            .transaction(DEVICE)
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let store = tx.object_store(DEVICE)?;
        let current: Option<Pairing> = store.get(PAIRING_KEY).serde()?.await?;
        let mut pairing = current.ok_or(OfflineError::NotPaired)?;
        change(&mut pairing);
        store
            .put(&pairing)
            .with_key(PAIRING_KEY)
            .without_key_type()
            .serde()?
            .await?;
        tx.commit().await?;
        Ok(pairing)
    }
}
