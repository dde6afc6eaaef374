//! The till's card directory: who each member is and their last known balance, pulled from the
//! server with `GET /sync/pull`, so an offline cashier still sees the customer.

use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use regulars_protocol::wire::{DirectoryCard, TillProgram};
use regulars_protocol::{CardId, EventId};

use super::records::Pairing;
use super::store::{
    DEVICE, DIRECTORY, OUTBOX, OfflineError, PAIRING_KEY, PULL_CURSOR_KEY, Store, strict,
};

/// Stores `card` unless the directory already knows a newer change of it. With `replace_equal`
/// (a pull: the server's own record of that change) an equal `changed_seq` is replaced too.
pub(super) async fn upsert_card(
    directory: &ObjectStore<'_>,
    card: &DirectoryCard,
    replace_equal: bool,
) -> Result<bool, OfflineError> {
    let known: Option<DirectoryCard> = directory.get(card.card_id.to_string()).serde()?.await?;
    let newer = match known {
        None => true,
        Some(known) if replace_equal => known.changed_seq <= card.changed_seq,
        Some(known) => known.changed_seq < card.changed_seq,
    };
    if newer {
        directory.put(card).serde()?.await?;
    }
    Ok(newer)
}

impl Store {
    /// Stores one pulled page in one transaction: the changed cards (a card keeps its newest
    /// change), this tablet's events the server says it stored (they leave the outbox in the
    /// same transaction, so their stamps are never counted both in a pulled balance and as
    /// waiting), the cursor to pull from next time, and the till program when paired.
    pub async fn store_pull(
        &self,
        cards: &[DirectoryCard],
        cursor: i64,
        till: Option<TillProgram>,
        stored: &[EventId],
    ) -> Result<Option<Pairing>, OfflineError> {
        let tx = self
            .db
            .transaction([DIRECTORY, DEVICE, OUTBOX])
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let directory = tx.object_store(DIRECTORY)?;
        for card in cards {
            upsert_card(&directory, card, true).await?;
        }
        let outbox = tx.object_store(OUTBOX)?;
        for id in stored {
            outbox.delete(id.to_string()).primitive()?.await?;
        }
        let device = tx.object_store(DEVICE)?;
        let current: Option<i64> = device.get(PULL_CURSOR_KEY).serde()?.await?;
        if current.is_none_or(|c| c < cursor) {
            device
                .put(cursor)
                .with_key(PULL_CURSOR_KEY)
                .without_key_type()
                .serde()?
                .await?;
        }
        let mut pairing = None;
        if let Some(till) = till {
            let stored: Option<Pairing> = device.get(PAIRING_KEY).serde()?.await?;
            if let Some(mut stored) = stored {
                stored.till = till;
                device
                    .put(&stored)
                    .with_key(PAIRING_KEY)
                    .without_key_type()
                    .serde()?
                    .await?;
                pairing = Some(stored);
            }
        }
        tx.commit().await?;
        Ok(pairing)
    }

    /// The cursor to pull from: 0 before the first pull.
    pub async fn pull_cursor(&self) -> Result<i64, OfflineError> {
        Ok(self.device_value(PULL_CURSOR_KEY).await?.unwrap_or(0))
    }

    /// A member as this tablet last heard of them.
    pub async fn directory_card(&self, id: CardId) -> Result<Option<DirectoryCard>, OfflineError> {
        let tx = self.db.transaction(DIRECTORY).build()?;
        let card = tx
            .object_store(DIRECTORY)?
            .get(id.to_string())
            .serde()?
            .await?;
        Ok(card)
    }

    /// Every member this tablet knows.
    pub async fn directory(&self) -> Result<Vec<DirectoryCard>, OfflineError> {
        let tx = self.db.transaction(DIRECTORY).build()?;
        let cards = tx
            .object_store(DIRECTORY)?
            .get_all::<DirectoryCard>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(cards)
    }

    /// Forgets the directory and its cursor (the tablet was unpaired, or paired to a shop anew).
    pub async fn clear_directory(&self) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction([DIRECTORY, DEVICE])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(DIRECTORY)?.clear()?.await?;
        tx.object_store(DEVICE)?
            .delete(PULL_CURSOR_KEY)
            .primitive()?
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
