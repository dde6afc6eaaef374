//! The till's outbox: every stamp and points event is written here first (with its UUIDv7 id,
//! device id, device sequence, staff id and corrected clock), shown at once as given, then
//! pushed by [`super::sync`]. Events the server refused move to the `rejected` store with their
//! reason, so nothing is dropped silently.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::Reflect;
use regulars_protocol::offers::CardOffer;
use regulars_protocol::wire::DirectoryCard;
use regulars_protocol::{Balance, CardId, Event, EventId, OfferId};
use time::OffsetDateTime;
use wasm_bindgen::JsValue;

use super::directory::upsert_card;
use super::records::RejectedEvent;
use super::store::{DIRECTORY, OUTBOX, OfflineError, REJECTED, Store, strict};
use crate::clock;

/// A card's balance as the till shows it: the last known balance plus its events still waiting
/// in the outbox (any order: every field of a [`Balance`] is a sum).
pub fn balance_with_pending<'a>(
    last_known: Balance,
    card_id: CardId,
    pending: impl IntoIterator<Item = &'a Event>,
) -> Balance {
    let mut balance = last_known;
    for event in pending.into_iter().filter(|e| e.card_id == card_id) {
        balance.apply(&event.body);
    }
    balance
}

/// What the server said about one pushed event, as the outbox records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settled {
    /// Stored (now or before): the event leaves the outbox. With its sequence and the card's
    /// balance after it, the card directory learns the new balance in the same transaction.
    Stored {
        id: EventId,
        card_id: CardId,
        seq: Option<i64>,
        balance: Option<Balance>,
    },
    /// Refused: the event moves to the rejected list with the reason.
    Rejected {
        id: EventId,
        code: Option<String>,
        reason: String,
    },
}

/// Counts one more stored use of `offer` in a card's offers (none: the card does not hold it).
fn count_use(offers: &mut [CardOffer], offer: OfferId) {
    if let Some(held) = offers.iter_mut().find(|o| o.offer_id == offer) {
        held.used = held.used.saturating_add(1);
    }
}

impl Store {
    /// Writes an event to the outbox. Committed when this returns: a reload, a closed tab or
    /// a browser restart keeps it.
    pub async fn queue_event(&self, event: &Event) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        tx.object_store(OUTBOX)?.put(event).serde()?.await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every event waiting to be pushed, in the order they were made (device sequence).
    ///
    /// Each record is decoded on its own: one that no longer reads as an event (damaged, or
    /// written by a build that knew other fields) moves to the refused list with what it held,
    /// where a manager sees it, and never blocks the others.
    pub async fn outbox(&self) -> Result<Vec<Event>, OfflineError> {
        let tx = self.db.transaction(OUTBOX).build()?;
        let records = tx
            .object_store(OUTBOX)?
            .get_all::<JsValue>()
            .primitive()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        drop(tx);
        let mut events = Vec::with_capacity(records.len());
        let mut unreadable = Vec::new();
        for record in records {
            match serde_wasm_bindgen::from_value::<Event>(record.clone()) {
                Ok(event) => events.push(event),
                Err(err) => unreadable.push((record, err.to_string())),
            }
        }
        if !unreadable.is_empty() {
            self.set_aside_unreadable(&unreadable).await?;
        }
        events.sort_by_key(|e| e.device_seq);
        Ok(events)
    }

    /// Moves outbox records that do not decode to the refused list, as they were found.
    async fn set_aside_unreadable(
        &self,
        records: &[(JsValue, String)],
    ) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction([OUTBOX, REJECTED])
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let outbox = tx.object_store(OUTBOX)?;
        let rejected = tx.object_store(REJECTED)?;
        for (record, error) in records {
            let key = Reflect::get(record, &JsValue::from_str("id")).unwrap_or(JsValue::UNDEFINED);
            let raw = js_sys::JSON::stringify(record)
                .map(String::from)
                .unwrap_or_default();
            let id = key
                .as_string()
                .and_then(|k| k.parse::<uuid::Uuid>().ok())
                .map(EventId)
                .unwrap_or_else(EventId::random);
            let kept = RejectedEvent::unreadable(id, raw, error, clock::now());
            rejected.put(&kept).serde()?.await?;
            outbox.delete(key).primitive()?.await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// How many events wait to be pushed.
    pub async fn outbox_len(&self) -> Result<u32, OfflineError> {
        let tx = self.db.transaction(OUTBOX).build()?;
        let count = tx.object_store(OUTBOX)?.count().await?;
        Ok(count)
    }

    /// Removes events from the outbox (they are on the server).
    pub async fn remove_from_outbox(&self, ids: &[EventId]) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let store = tx.object_store(OUTBOX)?;
        for id in ids {
            store.delete(id.to_string()).primitive()?.await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Records the server's answers in one transaction: stored events leave the outbox and
    /// update the card directory; refused ones move to the rejected list. An answer for an
    /// event no longer in the outbox (already settled by another push) changes nothing.
    pub async fn settle(
        &self,
        answers: &[Settled],
        at: OffsetDateTime,
    ) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction([OUTBOX, REJECTED, DIRECTORY])
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let outbox = tx.object_store(OUTBOX)?;
        let rejected = tx.object_store(REJECTED)?;
        let directory = tx.object_store(DIRECTORY)?;
        for answer in answers {
            match answer {
                Settled::Stored {
                    id,
                    card_id,
                    seq,
                    balance,
                } => {
                    // An offer use leaving the outbox is now among the server's uses: the
                    // directory counts it, so the till does not offer it again before the
                    // next pull.
                    let waiting: Option<Event> = outbox.get(id.to_string()).serde()?.await?;
                    let used_offer = waiting.and_then(|e| e.body.offer()).map(|(offer, _)| offer);
                    outbox.delete(id.to_string()).primitive()?.await?;
                    if let (Some(seq), Some(balance)) = (seq, balance) {
                        let known: Option<DirectoryCard> =
                            directory.get(card_id.to_string()).serde()?.await?;
                        let mut card = match known {
                            Some(card) => DirectoryCard {
                                balance: *balance,
                                changed_seq: *seq,
                                ..card
                            },
                            None => DirectoryCard {
                                card_id: *card_id,
                                first_name: None,
                                balance: *balance,
                                revoked: false,
                                changed_seq: *seq,
                                public_key: None,
                                printed: false,
                                offers: Vec::new(),
                                regular: None,
                            },
                        };
                        if let Some(offer) = used_offer {
                            count_use(&mut card.offers, offer);
                        }
                        // A newer change already pulled wins; an equal one is the pull's.
                        upsert_card(&directory, &card, false).await?;
                    }
                }
                Settled::Rejected { id, code, reason } => {
                    let waiting: Option<Event> = outbox.get(id.to_string()).serde()?.await?;
                    let Some(event) = waiting else { continue };
                    let record = RejectedEvent {
                        id: *id,
                        event: Some(event),
                        raw: None,
                        code: code.clone(),
                        reason: reason.clone(),
                        rejected_at: at,
                    };
                    rejected.put(&record).serde()?.await?;
                    outbox.delete(id.to_string()).primitive()?.await?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Events the server refused and records that no longer decoded, newest first.
    pub async fn rejected(&self) -> Result<Vec<RejectedEvent>, OfflineError> {
        let tx = self.db.transaction(REJECTED).build()?;
        let mut events =
            tx.object_store(REJECTED)?
                .get_all::<JsValue>()
                .primitive()?
                .await?
                .map(|record| {
                    let record = record?;
                    Ok(
                        serde_wasm_bindgen::from_value::<RejectedEvent>(record.clone())
                            .unwrap_or_else(|err| {
                                let raw = js_sys::JSON::stringify(&record)
                                    .map(String::from)
                                    .unwrap_or_default();
                                RejectedEvent::unreadable(
                                    EventId::random(),
                                    raw,
                                    &err.to_string(),
                                    clock::now(),
                                )
                            }),
                    )
                })
                .collect::<Result<Vec<_>, OfflineError>>()?;
        events.sort_by_key(|e| std::cmp::Reverse(e.rejected_at));
        Ok(events)
    }

    /// How many refused events are kept.
    pub async fn rejected_len(&self) -> Result<u32, OfflineError> {
        let tx = self.db.transaction(REJECTED).build()?;
        let count = tx.object_store(REJECTED)?.count().await?;
        Ok(count)
    }

    /// A card's events still waiting in the outbox, oldest first.
    pub async fn pending_for(&self, card_id: CardId) -> Result<Vec<Event>, OfflineError> {
        Ok(self
            .outbox()
            .await?
            .into_iter()
            .filter(|e| e.card_id == card_id)
            .collect())
    }

    /// The balance the till shows for a card: `last_known` plus its events still waiting.
    pub async fn balance_with_pending(
        &self,
        card_id: CardId,
        last_known: Balance,
    ) -> Result<Balance, OfflineError> {
        let pending = self.pending_for(card_id).await?;
        Ok(balance_with_pending(last_known, card_id, &pending))
    }
}
