//! Rules for events of the phone origin: what a shopper did on the card (an answer to the
//! recommend question, "Not now"), pushed from the phone's own outbox with the card's token.
//! They never change a balance and live beside the ledger (`card_events`).
//!
//! - **Parsed one by one**, like a till's batch: an event that does not read, or breaks a rule,
//!   is refused alone with its reason; the others are stored.
//! - **Idempotent.** The id is the key: the same event again gets the first answer
//!   (`duplicate`); another event under a stored id, or another card's, is `id_conflict`. Ids
//!   are UUIDv7 (`reserved_id` otherwise).
//! - **One sequence per card**, whichever phone holds it: a number used by another event is
//!   `sequence_used`. A card moved to a new phone goes on from the `last_seq` the server sends.
//! - **Times**: the phone's corrected clock, kept within the card's life (never before it joined,
//!   never after the server's now) for every rule and figure; the event keeps what was claimed.
//! - **Answers** ([`regulars_protocol::nps`]): 0 to 10 (`invalid_score`), a comment of at most
//!   500 characters (`comment_too_long`), and at most one answer in 90 days
//!   (`answered_recently`), judged in the card's lock so two pushes at once cannot both pass.

use regulars_protocol::card_events::{CardEvent, CardEventKind, CardEventsState};
use regulars_protocol::ledger::utc_time;
use regulars_protocol::nps::ANSWER_EVERY_DAYS;
use regulars_protocol::wire::{PushResult, PushStatus};
use regulars_protocol::{EventId, Refusal};
use time::OffsetDateTime;

use super::{RawPush, read_one, rejected_id};
use crate::auth::CardAuth;
use crate::db::{self, Tx};
use crate::error::ApiError;
use crate::insights::local::{ShopClock, day_text};
use crate::startup::AppState;

/// Most events one phone push carries.
pub const MAX_BATCH: usize = 100;

/// Stores a batch from the card's phone in one transaction and answers per event, in order,
/// with the card's state after it. Only database failures are errors; the phone sends the
/// batch again.
pub async fn push(
    state: &AppState,
    card: &CardAuth,
    raw: RawPush,
) -> Result<(Vec<PushResult>, CardEventsState), ApiError> {
    if raw.events.is_empty() || raw.events.len() > MAX_BATCH {
        return Err(ApiError::validation(
            "events",
            format!("Push between 1 and {MAX_BATCH} events at a time."),
        ));
    }
    let shop = db::shops::find(&state.db, card.shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {} vanished", card.shop_id))?;
    let clock = ShopClock::or_utc(&shop.time_zone);
    let mut tx = state.writer.begin().await?;
    if !db::card_events::lock_card(&mut tx, card.card_id).await? {
        return Err(anyhow::anyhow!("card {} vanished", card.card_id).into());
    }
    let joined = db::cards::find(&mut *tx, card.shop_id, card.card_id)
        .await?
        .map(|c| c.created_at)
        .ok_or_else(|| anyhow::anyhow!("card {} vanished", card.card_id))?;
    let mut results = Vec::with_capacity(raw.events.len());
    let mut kinds = Vec::with_capacity(raw.events.len());
    for value in &raw.events {
        let result = match read_one::<CardEvent>(value) {
            Ok((_, event)) => {
                kinds.push(Some(event.kind));
                let judge = Judge {
                    card,
                    clock: &clock,
                    joined,
                    now: db::now(),
                };
                judge.store(&mut tx, &event).await?
            }
            Err(refusal) => {
                kinds.push(None);
                *refusal
            }
        };
        results.push(result);
    }
    let after = db::card_events::state(&mut *tx, card.card_id).await?;
    tx.commit().await?;
    // A saved or dismissed offer changes what the tills show for the card: they pull it
    // again. Marked after the commit, in a transaction of its own that takes the shop's row
    // first like every writer that numbers changes (the card's lock is not held then).
    if changes_tills(&results, &kinds) {
        let mut tx = state.writer.begin().await?;
        db::events::lock_shop(&mut tx, card.shop_id).await?;
        crate::offers::mark_changed(&mut tx, card.shop_id, &[card.card_id]).await?;
        tx.commit().await?;
    }
    Ok((results, after))
}

/// What one event is judged against.
struct Judge<'a> {
    card: &'a CardAuth,
    clock: &'a ShopClock,
    joined: OffsetDateTime,
    now: OffsetDateTime,
}

impl Judge<'_> {
    async fn store(&self, tx: &mut Tx, event: &CardEvent) -> anyhow::Result<PushResult> {
        let id = event.id;
        if let Some(stored) = db::card_events::find(tx, id).await? {
            return Ok(
                if stored.card_id == self.card.card_id && stored.event == *event {
                    answer(id, PushStatus::Duplicate, event.card_seq)
                } else {
                    rejected_id(
                        id,
                        Refusal::IdConflict,
                        "another event was already stored under this id",
                    )
                },
            );
        }
        if id.0.get_version_num() != 7 {
            return Ok(rejected_id(
                id,
                Refusal::ReservedId,
                "a shopper's event id is a UUIDv7 made on the phone",
            ));
        }
        if let Err(refusal) = event.check() {
            let reason = match refusal {
                Refusal::InvalidScore => "the answer must be a whole number from 0 to 10".into(),
                Refusal::CommentTooLong => format!(
                    "a comment is at most {} characters",
                    regulars_protocol::nps::MAX_COMMENT_CHARS
                ),
                Refusal::UnknownKind => "this server does not know this kind of event".into(),
                Refusal::UnknownOffer => "an offer's event names the offer".into(),
                _ if event.card_seq < 1 => "card_seq counts from 1".into(),
                _ => "offer_version counts from 1".into(),
            };
            return Ok(rejected_id(id, refusal, reason));
        }
        let Ok(claimed) = utc_time(event.occurred_at) else {
            return Ok(rejected_id(
                id,
                Refusal::InvalidEvent,
                "occurred_at: the time cannot be represented (it must fall between 1970 and 9000)",
            ));
        };
        // A phone's clock that is wrong cannot put an answer before the card or in the future.
        let at = claimed.clamp(self.joined, self.now.max(self.joined));
        if db::card_events::seq_taken(tx, self.card.card_id, event.card_seq).await? {
            return Ok(rejected_id(
                id,
                Refusal::SequenceUsed,
                format!(
                    "the card already has another event numbered {}",
                    event.card_seq
                ),
            ));
        }
        // An offer's event names an offer the server sent this card (in its audience, not
        // held out), at the card's shop: anything else is refused alone.
        if let Some(offer_id) = event.offer_id.filter(|_| event.kind.is_offer())
            && !db::offers::was_sent(&mut **tx, self.card.shop_id, offer_id, self.card.card_id)
                .await?
        {
            return Ok(rejected_id(
                id,
                Refusal::UnknownOffer,
                "this offer was never sent to this card",
            ));
        }
        if let (Some(offer_id), Some(version)) = (event.offer_id, event.offer_version)
            && event.kind.is_offer()
            && db::offers::version(&mut **tx, self.card.shop_id, offer_id, version)
                .await?
                .is_none()
        {
            return Ok(rejected_id(
                id,
                Refusal::UnknownOffer,
                format!("this offer has no version {version}"),
            ));
        }
        if event.kind == CardEventKind::NpsAnswered
            && let Some(other) =
                db::card_events::answer_near(&mut **tx, self.card.card_id, at, ANSWER_EVERY_DAYS)
                    .await?
        {
            return Ok(rejected_id(
                id,
                Refusal::AnsweredRecently,
                format!(
                    "this card answered on {}; one answer in {ANSWER_EVERY_DAYS} days counts",
                    day_text(self.clock.moment(other).day)
                ),
            ));
        }
        let stored = db::card_events::insert(
            tx,
            db::card_events::NewRow {
                shop_id: self.card.shop_id,
                card_id: self.card.card_id,
                event,
                occurred_at: at,
                day: day_text(self.clock.moment(at).day),
            },
        )
        .await?;
        Ok(if stored {
            answer(id, PushStatus::Accepted, event.card_seq)
        } else {
            rejected_id(
                id,
                Refusal::IdConflict,
                "another event was stored under this id or number meanwhile",
            )
        })
    }
}

/// Whether the batch stored a save or a dismissal of an offer.
fn changes_tills(results: &[PushResult], kinds: &[Option<CardEventKind>]) -> bool {
    results.iter().zip(kinds).any(|(r, k)| {
        r.status == PushStatus::Accepted
            && matches!(
                k,
                Some(CardEventKind::OfferSaved | CardEventKind::OfferDismissed)
            )
    })
}

fn answer(id: EventId, status: PushStatus, card_seq: i64) -> PushResult {
    PushResult {
        id,
        status,
        seq: Some(card_seq),
        balance: None,
        code: None,
        reason: None,
        flags: vec![],
    }
}
