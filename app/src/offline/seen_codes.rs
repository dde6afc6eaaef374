//! The rotating codes this tablet accepted, by (card, time step). A code is good for one visit
//! at one till: the server refuses a (card, step) another tablet used first, and the tablet
//! itself refuses one it already accepted for an earlier customer (a screenshot shown again),
//! also while offline. Entries older than the codes' validity are pruned.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use regulars_protocol::CardId;
use regulars_protocol::card_code::STEP_TOLERANCE;

use super::store::{OfflineError, SEEN_CODES, Store};

fn key(card_id: CardId, step: u32) -> String {
    format!("{card_id}:{step:010}")
}

impl Store {
    /// Whether this tablet already accepted the code of (card, step).
    pub async fn code_seen(&self, card_id: CardId, step: u32) -> Result<bool, OfflineError> {
        let tx = self.db.transaction(SEEN_CODES).build()?;
        let seen: Option<u32> = tx
            .object_store(SEEN_CODES)?
            .get(key(card_id, step))
            .serde()?
            .await?;
        Ok(seen.is_some())
    }

    /// Notes that this tablet accepted the code of (card, step), and forgets codes too old to be
    /// accepted anywhere (more than twice the tolerance before `now_step`).
    pub async fn mark_code_seen(
        &self,
        card_id: CardId,
        step: u32,
        now_step: u32,
    ) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(SEEN_CODES)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        let store = tx.object_store(SEEN_CODES)?;
        store
            .put(step)
            .with_key(key(card_id, step))
            .without_key_type()
            .serde()?
            .await?;
        let horizon = now_step.saturating_sub(2 * STEP_TOLERANCE as u32);
        let keys: Vec<String> = store
            .get_all_keys::<String>()
            .await?
            .filter_map(Result::ok)
            .collect();
        for old in keys {
            let step = old
                .rsplit(':')
                .next()
                .and_then(|s| s.parse::<u32>().ok())
                .unwrap_or(0);
            if step < horizon {
                store.delete(old).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
