//! What shoppers did on their cards (events of the phone origin: survey answers), and the NPS
//! answers the owner reads. Rows are only ever inserted.

use regulars_protocol::card_events::{CardEvent, CardEventsState};
use regulars_protocol::{CardId, EventId, ShopId};
use sqlx::Row;
use time::OffsetDateTime;

use super::{Db, Tx, now, parse_id, parse_ts, ts};

/// Takes the card's write lock for the rest of the transaction: one card's pushes (a retry
/// sent to another replica, two phones in the moment a card moves) run one after another, so
/// the 90-day rule and the sequence are judged on what the other stored.
pub async fn lock_card(tx: &mut Tx, card_id: CardId) -> sqlx::Result<bool> {
    let result = sqlx::query("UPDATE cards SET shop_id = shop_id WHERE id = $1")
        .bind(card_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// An event stored under an id: which card it belongs to, and as what it was sent.
pub struct Stored {
    pub card_id: CardId,
    pub event: CardEvent,
}

pub async fn find(tx: &mut Tx, id: EventId) -> anyhow::Result<Option<Stored>> {
    let row = sqlx::query("SELECT card_id, body FROM card_events WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| {
        Ok(Stored {
            card_id: parse_id(r.get::<&str, _>("card_id"))?,
            event: serde_json::from_str(r.get::<&str, _>("body"))?,
        })
    })
    .transpose()
}

/// Whether the card has an event under this sequence number.
pub async fn seq_taken(tx: &mut Tx, card_id: CardId, seq: i64) -> sqlx::Result<bool> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM card_events WHERE card_id = $1 AND card_seq = $2")
            .bind(card_id.to_string())
            .bind(seq)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.is_some())
}

/// The card's answer closest to `at` in time, if any lies within `days` of it.
pub async fn answer_near<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
    at: OffsetDateTime,
    days: i64,
) -> anyhow::Result<Option<OffsetDateTime>> {
    let span = time::Duration::days(days);
    let found: Option<String> = sqlx::query_scalar(
        "SELECT occurred_at FROM card_events
         WHERE card_id = $1 AND kind = 'nps_answered' AND occurred_at > $2 AND occurred_at < $3
         ORDER BY occurred_at LIMIT 1",
    )
    .bind(card_id.to_string())
    .bind(ts(at - span))
    .bind(ts(at + span))
    .fetch_optional(db)
    .await?;
    found.as_deref().map(parse_ts).transpose()
}

/// What is stored beside the event.
pub struct NewRow<'a> {
    pub shop_id: ShopId,
    pub card_id: CardId,
    pub event: &'a CardEvent,
    /// The time the rules judged by.
    pub occurred_at: OffsetDateTime,
    /// Its day in the shop's time zone, `YYYY-MM-DD`.
    pub day: String,
}

/// Stores an event. False when its id or its card's sequence number was taken meanwhile: the
/// caller must not answer as if it were stored.
pub async fn insert(tx: &mut Tx, row: NewRow<'_>) -> anyhow::Result<bool> {
    let e = row.event;
    let result = sqlx::query(
        "INSERT INTO card_events (id, shop_id, card_id, card_seq, kind, score, comment, body, occurred_at, day, recorded_at, offer_id, offer_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING",
    )
    .bind(e.id.to_string())
    .bind(row.shop_id.to_string())
    .bind(row.card_id.to_string())
    .bind(e.card_seq)
    .bind(e.kind.as_str())
    .bind(e.score)
    .bind(e.comment.as_deref())
    .bind(serde_json::to_string(e)?)
    .bind(ts(row.occurred_at))
    .bind(row.day)
    .bind(ts(now()))
    .bind(
        e.offer_id
            .filter(|_| e.kind.is_offer())
            .map(|id| id.to_string()),
    )
    .bind(e.offer_version.filter(|_| e.kind.is_offer()))
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The card's highest sequence number and its last answer and "Not now".
pub async fn state<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
) -> anyhow::Result<CardEventsState> {
    let row = sqlx::query(
        "SELECT CAST(COALESCE(MAX(card_seq), 0) AS BIGINT) AS last_seq,
                MAX(CASE WHEN kind = 'nps_answered' THEN occurred_at END) AS last_answer,
                MAX(CASE WHEN kind = 'nps_dismissed' THEN occurred_at END) AS last_dismissed
         FROM card_events WHERE card_id = $1",
    )
    .bind(card_id.to_string())
    .fetch_one(db)
    .await?;
    let time = |column: &str| -> anyhow::Result<Option<OffsetDateTime>> {
        row.try_get::<Option<String>, _>(column)?
            .as_deref()
            .map(parse_ts)
            .transpose()
    };
    Ok(CardEventsState {
        last_seq: row.try_get("last_seq")?,
        last_answer: time("last_answer")?,
        last_dismissed: time("last_dismissed")?,
    })
}

/// One stored answer to the recommend question.
#[derive(Debug, Clone)]
pub struct Answer {
    pub card_id: CardId,
    pub score: i64,
    pub comment: Option<String>,
    pub answered_at: OffsetDateTime,
    pub day: String,
}

fn answer(r: &sqlx::any::AnyRow) -> anyhow::Result<Answer> {
    Ok(Answer {
        card_id: parse_id(r.try_get::<&str, _>("card_id")?)?,
        score: r.try_get("score")?,
        comment: r.try_get("comment")?,
        answered_at: parse_ts(r.try_get::<&str, _>("occurred_at")?)?,
        day: r.try_get("day")?,
    })
}

/// The shop's answers on the local days `[from, to]` (`YYYY-MM-DD`), oldest first.
pub async fn answers(
    db: &Db,
    shop_id: ShopId,
    from: &str,
    to: &str,
) -> anyhow::Result<Vec<Answer>> {
    sqlx::query(
        "SELECT card_id, score, comment, occurred_at, day FROM card_events
         WHERE shop_id = $1 AND kind = 'nps_answered' AND day >= $2 AND day <= $3
         ORDER BY occurred_at",
    )
    .bind(shop_id.to_string())
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await?
    .iter()
    .map(answer)
    .collect()
}

/// One member's answers, newest first.
pub async fn member_answers(db: &Db, card_id: CardId) -> anyhow::Result<Vec<Answer>> {
    sqlx::query(
        "SELECT card_id, score, comment, occurred_at, day FROM card_events
         WHERE card_id = $1 AND kind = 'nps_answered' ORDER BY occurred_at DESC",
    )
    .bind(card_id.to_string())
    .fetch_all(db)
    .await?
    .iter()
    .map(answer)
    .collect()
}
