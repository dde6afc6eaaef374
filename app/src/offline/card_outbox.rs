//! The phone's own outbox: what a shopper does on a card (answer the recommend question, "Not
//! now"; an offer shown, opened, saved, "Not for me") is an event of the phone origin, made
//! offline too. It is written here first, with its
//! UUIDv7 id and the card's next sequence number, then pushed by [`push`] (from the card's sync)
//! with the same rules as the till's: an answer per event, each event once whatever the
//! retries. An answer the server refused stays here, marked with its reason, until the shopper
//! has read it; a refused offer event (an offer the server no longer counts for this card) is
//! only logged. A shopper's event never changes a balance.
//!
//! Each offer event is made once per offer and kind: the offers this phone recorded are kept in
//! `device` (so a dismissed offer stays hidden before the server drops it, and a saved one
//! shows as saved before the server says so).

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use regulars_protocol::card_events::{CardEvent, CardEventKind, CardEventsPush, CardEventsState};
use regulars_protocol::nps::{self, AskState};
use regulars_protocol::wire::{PushResult, PushStatus};
use regulars_protocol::{CardId, EventBody, EventId, OfferId, Refusal};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::records::StoredCard;
use super::store::{CARD_OUTBOX, DEVICE, OfflineError, Store, strict};
use super::sync::CardSyncError;
use crate::api;

/// Most events one push carries (the server's limit).
const PUSH_BATCH: usize = 100;

/// One of the shopper's events in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedCardEvent {
    /// The event's id (the store's key).
    pub id: EventId,
    pub card_id: CardId,
    pub event: CardEvent,
    /// The server's refusal, kept until the shopper has read it; a refused event is not sent
    /// again.
    #[serde(default)]
    pub refused: Option<CardRefusal>,
}

/// Why the server did not store a shopper's event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardRefusal {
    pub code: Option<Refusal>,
    pub reason: String,
}

/// Why an event was not queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueueError {
    /// The phone refuses it for the reason the server would.
    Refused(Refusal),
    Storage(OfflineError),
}

impl From<OfflineError> for QueueError {
    fn from(e: OfflineError) -> Self {
        QueueError::Storage(e)
    }
}

impl From<indexed_db_futures::error::Error> for QueueError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        QueueError::Storage(e.into())
    }
}

/// The key in `device` of the last sequence number this phone gave a card's event.
fn seq_key(card_id: CardId) -> String {
    format!("card_seq:{card_id}")
}

/// The key in `device` of the offers this phone recorded `kind` of for a card.
fn offers_key(card_id: CardId, kind: CardEventKind) -> String {
    format!("{}:{card_id}", kind.as_str())
}

/// What the card knows when it decides whether to ask the recommend question: the last visit
/// from its history, the last answer and "Not now" from the server and from the outbox (not
/// yet sent, or sent and not yet heard back; refused ones are not answers).
pub fn ask_state(card: &StoredCard, queued: &[QueuedCardEvent]) -> AskState {
    let last_visit = card
        .view
        .history
        .iter()
        .filter(|e| {
            matches!(
                e.body,
                EventBody::StampsIssued { .. } | EventBody::PointsEarned { .. }
            )
        })
        .map(|e| e.occurred_at)
        .max();
    let local = |kind: CardEventKind| {
        queued
            .iter()
            .filter(|q| q.card_id == card.card_id && q.refused.is_none() && q.event.kind == kind)
            .map(|q| q.event.occurred_at)
            .max()
    };
    let server = &card.view.card_events;
    AskState {
        last_visit,
        last_answer: server.last_answer.max(local(CardEventKind::NpsAnswered)),
        last_dismissed: server
            .last_dismissed
            .max(local(CardEventKind::NpsDismissed)),
    }
}

impl Store {
    /// Makes a shopper's event and writes it to the outbox with the card's next sequence
    /// number (after both this phone's last and the server's, so a card moved here goes on
    /// where the old phone stopped). Committed when this returns. The event is checked first
    /// with the server's rules; an answer within 90 days of another is refused here too.
    pub async fn queue_card_event(
        &self,
        card: &StoredCard,
        kind: CardEventKind,
        score: Option<i64>,
        comment: Option<String>,
        at: OffsetDateTime,
    ) -> Result<CardEvent, QueueError> {
        let mut event = CardEvent {
            id: EventId(crate::clock::new_v7()),
            card_seq: 1,
            occurred_at: at,
            kind,
            score,
            comment: comment.filter(|c| !c.trim().is_empty()),
            offer_id: None,
            offer_version: None,
        };
        event.check().map_err(QueueError::Refused)?;
        if kind == CardEventKind::NpsAnswered {
            let queued = self.card_outbox(card.card_id).await?;
            let last = ask_state(card, &queued).last_answer;
            if last.is_some_and(|last| nps::too_close(at, last)) {
                return Err(QueueError::Refused(Refusal::AnsweredRecently));
            }
        }
        self.put_card_event(card, &mut event).await?;
        Ok(event)
    }

    /// Records what the shopper did with an offer (`offer_shown`, `offer_opened`,
    /// `offer_saved`, `offer_dismissed`), once per offer and kind: false when this phone
    /// already has.
    pub async fn queue_offer_event(
        &self,
        card: &StoredCard,
        kind: CardEventKind,
        offer: OfferId,
        at: OffsetDateTime,
    ) -> Result<bool, QueueError> {
        let mut event = CardEvent {
            id: EventId(crate::clock::new_v7()),
            card_seq: 1,
            occurred_at: at,
            kind,
            score: None,
            comment: None,
            offer_id: Some(offer),
            // The version the card shows: engagement names it, like a use.
            offer_version: card
                .view
                .offers
                .iter()
                .find(|o| o.offer.id == offer)
                .map(|o| o.offer.version),
        };
        if !kind.is_offer() {
            return Err(QueueError::Refused(Refusal::InvalidEvent));
        }
        self.put_card_event(card, &mut event).await
    }

    /// The offers this phone recorded `kind` of for a card (saved, dismissed, ...).
    pub async fn offers_marked(
        &self,
        card_id: CardId,
        kind: CardEventKind,
    ) -> Result<Vec<OfferId>, OfflineError> {
        let tx = self.db.transaction(DEVICE).build()?;
        let marked: Option<Vec<OfferId>> = tx
            .object_store(DEVICE)?
            .get(offers_key(card_id, kind).as_str())
            .serde()?
            .await?;
        Ok(marked.unwrap_or_default())
    }

    /// Writes an event to the outbox with the card's next sequence number (after both this
    /// phone's last and the server's, so a card moved here goes on where the old phone
    /// stopped), and an offer event's offer beside the others of its kind. Committed when
    /// this returns; false (and nothing written) for an offer event this phone already made.
    async fn put_card_event(
        &self,
        card: &StoredCard,
        event: &mut CardEvent,
    ) -> Result<bool, QueueError> {
        let tx = self
            .db
            .transaction([DEVICE, CARD_OUTBOX])
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let device = tx.object_store(DEVICE)?;
        if let Some(offer) = event.offer_id {
            let key = offers_key(card.card_id, event.kind);
            let mut marked: Vec<OfferId> =
                device.get(key.as_str()).serde()?.await?.unwrap_or_default();
            if marked.contains(&offer) {
                return Ok(false);
            }
            marked.push(offer);
            device
                .put(&marked)
                .with_key(key)
                .without_key_type()
                .serde()?
                .await?;
        }
        let key = seq_key(card.card_id);
        let mine: Option<i64> = device.get(key.as_str()).serde()?.await?;
        event.card_seq = mine.unwrap_or(0).max(card.view.card_events.last_seq) + 1;
        device
            .put(event.card_seq)
            .with_key(key)
            .without_key_type()
            .serde()?
            .await?;
        let queued = QueuedCardEvent {
            id: event.id,
            card_id: card.card_id,
            event: event.clone(),
            refused: None,
        };
        tx.object_store(CARD_OUTBOX)?.put(&queued).serde()?.await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The card's events in the outbox, waiting and refused, in the order they were made.
    pub async fn card_outbox(&self, card_id: CardId) -> Result<Vec<QueuedCardEvent>, OfflineError> {
        let tx = self.db.transaction(CARD_OUTBOX).build()?;
        let mut all: Vec<QueuedCardEvent> = tx
            .object_store(CARD_OUTBOX)?
            .get_all::<QueuedCardEvent>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        // In key order, which is the order they were made: the keys are UUIDv7 ids.
        all.retain(|q| q.card_id == card_id);
        Ok(all)
    }

    /// Applies the server's answers: a stored event (now or before) leaves the outbox, a
    /// refused answer stays, marked with the reason, and a refused offer event leaves quietly
    /// (the phone still remembers the offer as shown, saved or dismissed). Events without an
    /// answer stay as they are.
    pub async fn settle_card_events(&self, results: &[PushResult]) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(CARD_OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()?;
        let store = tx.object_store(CARD_OUTBOX)?;
        for result in results {
            let key = result.id.to_string();
            match result.status {
                PushStatus::Accepted | PushStatus::Duplicate => {
                    store.delete(key.as_str()).primitive()?.await?;
                }
                PushStatus::Rejected => {
                    let found: Option<QueuedCardEvent> = store.get(key.as_str()).serde()?.await?;
                    if let Some(queued) = &found
                        && queued.event.kind.is_offer()
                    {
                        leptos::logging::warn!(
                            "an offer event was refused: {}",
                            result.reason.as_deref().unwrap_or_default()
                        );
                        store.delete(key.as_str()).primitive()?.await?;
                    } else if let Some(mut queued) = found {
                        queued.refused = Some(CardRefusal {
                            code: result.code.clone(),
                            reason: result.reason.clone().unwrap_or_default(),
                        });
                        store.put(&queued).serde()?.await?;
                    }
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Removes a refused event once the shopper has read why.
    pub async fn forget_card_event(&self, id: EventId) -> Result<(), OfflineError> {
        let tx = self
            .db
            .transaction(CARD_OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(CARD_OUTBOX)?
            .delete(id.to_string().as_str())
            .primitive()?
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Pushes the card's waiting events, oldest first, and settles the answers. Returns the card's
/// state as the server last told it (`None` when nothing waited). A failed request leaves the
/// events waiting: the same events (same ids) go again next time.
pub async fn push(
    store: &Store,
    card: &StoredCard,
) -> Result<Option<CardEventsState>, CardSyncError> {
    let waiting: Vec<CardEvent> = store
        .card_outbox(card.card_id)
        .await
        .map_err(CardSyncError::Storage)?
        .into_iter()
        .filter(|q| q.refused.is_none())
        .map(|q| q.event)
        .collect();
    let mut state = None;
    for batch in waiting.chunks(PUSH_BATCH) {
        let answer = api::push_card_events(
            &card.token,
            &CardEventsPush {
                events: batch.to_vec(),
            },
        )
        .await
        .map_err(CardSyncError::Api)?;
        store
            .settle_card_events(&answer.results)
            .await
            .map_err(CardSyncError::Storage)?;
        state = Some(answer.state);
    }
    Ok(state)
}
