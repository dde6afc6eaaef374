//! The IndexedDB database and its operations.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use regulars_protocol::CardId;
use regulars_protocol::wire::{CardView, TillProgram};
use time::OffsetDateTime;

use super::records::{Pairing, StoredCard};

const VERSION: u32 = 1;
const CARDS: &str = "cards";
const DEVICE: &str = "device";
const PAIRING_KEY: &str = "pairing";

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

/// An open Regulars database.
pub struct Store {
    db: Database,
}

impl Store {
    /// Opens (and on first use creates) the database called `name`.
    pub async fn open(name: &str) -> Result<Store, OfflineError> {
        let db = Database::open(name)
            .with_version(VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(CARDS)
                        .with_key_path("card_id".into())
                        .build()?;
                    db.create_object_store(DEVICE).build()?;
                }
                Ok(())
            })
            .await?;
        Ok(Store { db })
    }

    /// Closes the database; the next [`Store::open`] reads what was committed.
    pub fn close(self) {
        self.db.close();
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
        card.view = view;
        card.synced_at = synced_at;
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

    /// Forgets the pairing (the tablet was unpaired).
    pub async fn delete_pairing(&self) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(DEVICE)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(DEVICE)?
            .delete(PAIRING_KEY)
            .primitive()?
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
