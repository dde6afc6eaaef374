//! The ledger and the balance cache. Events are only ever inserted.

use regulars_protocol::wire::{FlaggedEvent, HistoryEntry};
use regulars_protocol::{Balance, CardId, Event, EventBody, LocationId, ShopId};
use sqlx::Row;

use super::{Tx, now, parse_id, parse_ts, ts};

/// Takes the shop's write lock for the rest of the transaction (the first statement of a push
/// is a write, so SQLite takes its write lock at once and PostgreSQL locks the shop row): pushes
/// of one shop run one after another, and redemptions never race.
pub async fn lock_shop(tx: &mut Tx, shop_id: ShopId) -> sqlx::Result<bool> {
    let result = sqlx::query("UPDATE shops SET event_seq = event_seq WHERE id = $1")
        .bind(shop_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// The next number of the shop's event counter, taken inside the push transaction.
pub async fn next_seq(tx: &mut Tx, shop_id: ShopId) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "UPDATE shops SET event_seq = event_seq + 1 WHERE id = $1 RETURNING event_seq",
    )
    .bind(shop_id.to_string())
    .fetch_one(&mut **tx)
    .await
}

/// An event already stored under this id.
pub struct Stored {
    pub shop_id: ShopId,
    pub seq: i64,
    pub body: String,
    pub balance_after: Balance,
}

pub async fn find(tx: &mut Tx, id: regulars_protocol::EventId) -> anyhow::Result<Option<Stored>> {
    let row = sqlx::query("SELECT shop_id, seq, body, balance_after FROM events WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| {
        Ok(Stored {
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            seq: r.get("seq"),
            body: r.get("body"),
            balance_after: serde_json::from_str(r.get::<&str, _>("balance_after"))?,
        })
    })
    .transpose()
}

/// Appends an event. `canonical` is the event's JSON, kept to recognise retries.
pub async fn insert(
    tx: &mut Tx,
    shop_id: ShopId,
    seq: i64,
    location_id: LocationId,
    event: &Event,
    canonical: &str,
    balance_after: &Balance,
    flags: &[String],
    redemption_ordinal: Option<i64>,
) -> anyhow::Result<bool> {
    let reward_id = match &event.body {
        EventBody::RewardRedeemed { reward_id, .. } => Some(reward_id.to_string()),
        _ => None,
    };
    let result = sqlx::query(
        "INSERT INTO events (id, shop_id, seq, card_id, device_id, device_seq, staff_id, location_id, kind, delta,
                             amount_minor, category, reward_id, body, balance_after, occurred_at, recorded_at, flags,
                             redemption_ordinal)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(event.id.to_string())
    .bind(shop_id.to_string())
    .bind(seq)
    .bind(event.card_id.to_string())
    .bind(event.device_id.to_string())
    .bind(event.device_seq)
    .bind(event.staff_id.map(|s| s.to_string()))
    .bind(location_id.to_string())
    .bind(event.body.kind())
    .bind(event.body.delta())
    .bind(event.body.amount_minor())
    .bind(event.body.category())
    .bind(reward_id)
    .bind(canonical)
    .bind(serde_json::to_string(balance_after)?)
    .bind(ts(event.occurred_at))
    .bind(ts(now()))
    .bind((!flags.is_empty()).then(|| flags.join(",")))
    .bind(redemption_ordinal)
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn balance<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    card_id: CardId,
) -> sqlx::Result<Balance> {
    let row = sqlx::query(
        "SELECT balance, earned, redeemed, rewards_redeemed, visits FROM balances WHERE card_id = $1",
    )
    .bind(card_id.to_string())
    .fetch_optional(db)
    .await?;
    Ok(row.as_ref().map(balance_from_row).unwrap_or_default())
}

/// A balance from a row with the `balances` table's columns.
pub fn balance_from_row(r: &sqlx::sqlite::SqliteRow) -> Balance {
    Balance {
        balance: r.get("balance"),
        earned: r.get("earned"),
        redeemed: r.get("redeemed"),
        rewards_redeemed: r.get("rewards_redeemed"),
        visits: r.get("visits"),
    }
}

pub async fn set_balance(
    tx: &mut Tx,
    card_id: CardId,
    balance: &Balance,
    seq: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE balances SET balance = $1, earned = $2, redeemed = $3, rewards_redeemed = $4, visits = $5,
                last_seq = $6, updated_at = $7
         WHERE card_id = $8",
    )
    .bind(balance.balance)
    .bind(balance.earned)
    .bind(balance.redeemed)
    .bind(balance.rewards_redeemed)
    .bind(balance.visits)
    .bind(seq)
    .bind(ts(now()))
    .bind(card_id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The next free redemption ordinal of a card.
pub async fn next_redemption_ordinal(tx: &mut Tx, card_id: CardId) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COALESCE(MAX(redemption_ordinal), 0) + 1 FROM events WHERE card_id = $1",
    )
    .bind(card_id.to_string())
    .fetch_one(&mut **tx)
    .await
}

/// A shop's flagged events, newest first.
pub async fn flagged(
    db: &super::Db,
    shop_id: ShopId,
    limit: i64,
) -> anyhow::Result<Vec<FlaggedEvent>> {
    let rows = sqlx::query(
        "SELECT e.id, e.seq, e.occurred_at, e.body, e.flags, e.card_id, c.first_name, r.name AS reward_name
         FROM events e
         JOIN cards c ON c.id = e.card_id
         LEFT JOIN rewards r ON r.id = e.reward_id
         WHERE e.shop_id = $1 AND e.flags IS NOT NULL
         ORDER BY e.seq DESC LIMIT $2",
    )
    .bind(shop_id.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(FlaggedEvent {
                card_id: parse_id(r.get::<&str, _>("card_id"))?,
                first_name: r.get("first_name"),
                event: history_entry(r)?,
                flags: r
                    .get::<String, _>("flags")
                    .split(',')
                    .map(str::to_string)
                    .collect(),
            })
        })
        .collect()
}

/// A card's events after `after`, oldest first, at most `limit`.
pub async fn since<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    card_id: CardId,
    after: i64,
    limit: i64,
) -> anyhow::Result<Vec<HistoryEntry>> {
    let rows = sqlx::query(
        "SELECT e.id, e.seq, e.occurred_at, e.body, r.name AS reward_name
         FROM events e LEFT JOIN rewards r ON r.id = e.reward_id
         WHERE e.card_id = $1 AND e.seq > $2 ORDER BY e.seq ASC LIMIT $3",
    )
    .bind(card_id.to_string())
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(history_entry).collect()
}

fn history_entry(r: &sqlx::sqlite::SqliteRow) -> anyhow::Result<HistoryEntry> {
    let event: Event = serde_json::from_str(r.get::<&str, _>("body"))?;
    Ok(HistoryEntry {
        id: parse_id(r.get::<&str, _>("id"))?,
        seq: r.get("seq"),
        occurred_at: parse_ts(r.get::<&str, _>("occurred_at"))?,
        body: event.body,
        reward_name: r.get("reward_name"),
    })
}

/// Every event of every card of every shop, for rebuilding the balance cache.
pub async fn all_for_rebuild(db: &super::Db) -> anyhow::Result<Vec<(CardId, Event)>> {
    let rows = sqlx::query("SELECT card_id, body FROM events ORDER BY seq")
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                parse_id(r.get::<&str, _>("card_id"))?,
                serde_json::from_str(r.get::<&str, _>("body"))?,
            ))
        })
        .collect()
}

/// Every cached balance.
pub async fn all_balances(db: &super::Db) -> anyhow::Result<Vec<(CardId, Balance)>> {
    let rows = sqlx::query(
        "SELECT card_id, balance, earned, redeemed, rewards_redeemed, visits FROM balances",
    )
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| Ok((parse_id(r.get::<&str, _>("card_id"))?, balance_from_row(r))))
        .collect()
}

/// Overwrites a cached balance with the fold of the ledger.
pub async fn repair_balance(
    db: &super::Db,
    card_id: CardId,
    balance: &Balance,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE balances SET balance = $1, earned = $2, redeemed = $3, rewards_redeemed = $4, visits = $5, updated_at = $6
         WHERE card_id = $7",
    )
    .bind(balance.balance)
    .bind(balance.earned)
    .bind(balance.redeemed)
    .bind(balance.rewards_redeemed)
    .bind(balance.visits)
    .bind(ts(now()))
    .bind(card_id.to_string())
    .execute(db)
    .await?;
    Ok(())
}

/// A card's events, newest first, with reward names for redemptions.
pub async fn history<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    card_id: CardId,
    limit: i64,
) -> anyhow::Result<Vec<HistoryEntry>> {
    let rows = sqlx::query(
        "SELECT e.id, e.seq, e.occurred_at, e.body, r.name AS reward_name
         FROM events e LEFT JOIN rewards r ON r.id = e.reward_id
         WHERE e.card_id = $1 ORDER BY e.seq DESC LIMIT $2",
    )
    .bind(card_id.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(history_entry).collect()
}
