//! The ledger and the balance cache. Events are only ever inserted.

use std::collections::{HashMap, HashSet};

use regulars_protocol::wire::{FlaggedEvent, HistoryEntry};
use regulars_protocol::{
    Balance, CardId, DeviceId, Event, EventBody, EventId, Flag, LocationId, Origin, ShopId, StaffId,
};
use sqlx::Row;
use time::OffsetDateTime;

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

/// What a push needs of its shop's row, read as it is locked (one statement).
pub struct LockedShop {
    /// The shop's event counter as it stands: the push numbers its events from the next one
    /// and writes the last back ([`set_seq`]).
    pub seq: i64,
    pub created_at: time::OffsetDateTime,
    pub offline_redemption_max_cost: Option<i64>,
    pub limits: regulars_protocol::wire::ShopLimits,
}

/// [`lock_shop`] for a push: locks the shop's counter row and reads what the push's rules need
/// of it. `None` if there is no such shop.
pub async fn lock_shop_for_push(
    tx: &mut Tx,
    shop_id: ShopId,
) -> anyhow::Result<Option<LockedShop>> {
    let row = sqlx::query(
        "UPDATE shops SET event_seq = event_seq WHERE id = $1 RETURNING event_seq, created_at, \
         offline_redemption_max_cost, card_daily_limit, staff_hourly_limit",
    )
    .bind(shop_id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(LockedShop {
            seq: r.get("event_seq"),
            created_at: super::parse_ts(r.get::<&str, _>("created_at"))?,
            offline_redemption_max_cost: r.get("offline_redemption_max_cost"),
            limits: regulars_protocol::wire::ShopLimits {
                card_daily_limit: r.get("card_daily_limit"),
                staff_hourly_limit: r.get("staff_hourly_limit"),
            },
        })
    })
    .transpose()
}

/// Writes the shop's event counter a push numbered its events up to, under the lock it holds.
pub async fn set_seq(tx: &mut Tx, shop_id: ShopId, seq: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE shops SET event_seq = $1 WHERE id = $2")
        .bind(seq)
        .bind(shop_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
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

/// Takes `n` numbers of the shop's event counter at once (an import's chunk); returns the first.
pub async fn reserve_seqs(tx: &mut Tx, shop_id: ShopId, n: i64) -> sqlx::Result<i64> {
    let last: i64 = sqlx::query_scalar(
        "UPDATE shops SET event_seq = event_seq + $2 WHERE id = $1 RETURNING event_seq",
    )
    .bind(shop_id.to_string())
    .bind(n)
    .fetch_one(&mut **tx)
    .await?;
    Ok(last - n + 1)
}

/// An event already stored under this id.
pub struct Stored {
    pub shop_id: ShopId,
    pub seq: i64,
    pub event: Event,
    pub balance_after: Balance,
}

pub async fn find(tx: &mut Tx, id: EventId) -> anyhow::Result<Option<Stored>> {
    let row = sqlx::query("SELECT shop_id, seq, body, balance_after FROM events WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| {
        Ok(Stored {
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            seq: r.get("seq"),
            event: serde_json::from_str(r.get::<&str, _>("body"))?,
            balance_after: serde_json::from_str(r.get::<&str, _>("balance_after"))?,
        })
    })
    .transpose()
}

/// The events already stored under any of these ids, from any shop (one query).
pub async fn find_many(tx: &mut Tx, ids: &[EventId]) -> anyhow::Result<HashMap<EventId, Stored>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT id, shop_id, seq, body, balance_after FROM events WHERE id IN ({})",
        super::parameters(1, ids.len())
    );
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id.to_string());
    }
    let rows = query.fetch_all(&mut **tx).await?;
    rows.iter()
        .map(|r| {
            Ok((
                parse_id(r.get::<&str, _>("id"))?,
                Stored {
                    shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
                    seq: r.get("seq"),
                    event: serde_json::from_str(r.get::<&str, _>("body"))?,
                    balance_after: serde_json::from_str(r.get::<&str, _>("balance_after"))?,
                },
            ))
        })
        .collect()
}

/// Which of these sequence numbers the tablet already recorded events under (one query).
pub async fn device_seqs_taken(
    tx: &mut Tx,
    device_id: DeviceId,
    seqs: &[i64],
) -> sqlx::Result<HashSet<i64>> {
    if seqs.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!(
        "SELECT device_seq FROM events WHERE origin = 'till' AND device_id = $1 AND device_seq IN ({})",
        super::parameters(2, seqs.len())
    );
    let mut query = sqlx::query_scalar(&sql).bind(device_id.to_string());
    for seq in seqs {
        query = query.bind(*seq);
    }
    Ok(query.fetch_all(&mut **tx).await?.into_iter().collect())
}

/// What the ledger stores beside the event itself.
pub struct NewRow<'a> {
    pub shop_id: ShopId,
    pub seq: i64,
    pub location_id: Option<LocationId>,
    pub event: &'a Event,
    /// The time every rule and figure uses (the event's own, or the server's receive time).
    pub occurred_at: OffsetDateTime,
    /// What the device claimed, when its time was not used.
    pub claimed_at: Option<OffsetDateTime>,
    pub balance_after: &'a Balance,
    pub flags: &'a [Flag],
    pub redemption_ordinal: Option<i64>,
    /// For a compensation: the event it balances.
    pub compensates: Option<EventId>,
}

/// Columns of an event row as [`insert_many`] writes them.
const INSERT_COLUMNS: usize = 22;

/// Appends events, a statement per 1,000 (SQLite takes at most 32,766 parameters). Each one's
/// JSON is kept as sent, to answer retries and to fold. A row whose id (or device number) is
/// already there is skipped: returns how many went in, and the caller must not carry on as if
/// the others had been stored.
pub async fn insert_many(tx: &mut Tx, rows: &[NewRow<'_>]) -> anyhow::Result<u64> {
    let mut inserted = 0;
    for chunk in rows.chunks(1000) {
        let sql = format!(
            "INSERT INTO events (id, shop_id, seq, card_id, origin, device_id, device_seq, staff_id, location_id, kind, delta,
                                 amount_minor, category, reward_id, body, balance_after, occurred_at, claimed_at, recorded_at,
                                 flags, redemption_ordinal, compensates)
             VALUES {} ON CONFLICT DO NOTHING",
            super::value_rows(1, chunk.len(), INSERT_COLUMNS)
        );
        let recorded_at = ts(now());
        let mut query = sqlx::query(&sql);
        for row in chunk {
            let event = row.event;
            let reward_id = match &event.body {
                EventBody::RewardRedeemed { reward_id, .. } => Some(reward_id.to_string()),
                _ => None,
            };
            let till = event.origin == Origin::Till;
            let flags = row
                .flags
                .iter()
                .map(Flag::as_str)
                .collect::<Vec<_>>()
                .join(",");
            query = query
                .bind(event.id.to_string())
                .bind(row.shop_id.to_string())
                .bind(row.seq)
                .bind(event.card_id.to_string())
                .bind(event.origin.as_str())
                .bind(till.then(|| event.device_id.to_string()))
                .bind(till.then_some(event.device_seq))
                .bind(event.staff_id.map(|s| s.to_string()))
                .bind(row.location_id.map(|l| l.to_string()))
                .bind(event.body.kind())
                .bind(event.body.delta())
                .bind(event.body.amount_minor())
                .bind(event.body.category().map(str::to_owned))
                .bind(reward_id)
                .bind(serde_json::to_string(event)?)
                .bind(serde_json::to_string(row.balance_after)?)
                .bind(ts(row.occurred_at))
                .bind(row.claimed_at.map(ts))
                .bind(recorded_at.clone())
                .bind((!flags.is_empty()).then_some(flags))
                .bind(row.redemption_ordinal)
                .bind(row.compensates.map(|id| id.to_string()));
        }
        inserted += query.execute(&mut **tx).await?.rows_affected();
    }
    Ok(inserted)
}

pub async fn balance<'e, E: sqlx::AnyExecutor<'e>>(
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

/// The cached balances of these cards (one query); a card without events has none.
pub async fn balances_of(tx: &mut Tx, ids: &[CardId]) -> anyhow::Result<HashMap<CardId, Balance>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "SELECT card_id, balance, earned, redeemed, rewards_redeemed, visits FROM balances \
         WHERE card_id IN ({})",
        super::parameters(1, ids.len())
    );
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id.to_string());
    }
    query
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| Ok((parse_id(r.get::<&str, _>("card_id"))?, balance_from_row(r))))
        .collect()
}

/// A balance from a row with the `balances` table's columns.
pub fn balance_from_row(r: &sqlx::any::AnyRow) -> Balance {
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

/// Writes the balance cache of many cards at once, each with the shop counter value of its last
/// event (a statement per 2,000 cards, not one per card).
pub async fn set_balances(
    tx: &mut Tx,
    shop_id: ShopId,
    balances: &[(CardId, Balance, i64)],
) -> sqlx::Result<()> {
    let updated_at = ts(now());
    for chunk in balances.chunks(super::ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO balances (card_id, shop_id, balance, earned, redeemed, rewards_redeemed, \
             visits, last_seq, updated_at) VALUES {} \
             ON CONFLICT (card_id) DO UPDATE SET balance = excluded.balance, \
             earned = excluded.earned, redeemed = excluded.redeemed, \
             rewards_redeemed = excluded.rewards_redeemed, visits = excluded.visits, \
             last_seq = excluded.last_seq, updated_at = excluded.updated_at",
            super::value_rows(1, chunk.len(), 9)
        );
        let mut query = sqlx::query(&sql);
        for (card_id, balance, seq) in chunk {
            query = query
                .bind(card_id.to_string())
                .bind(shop_id.to_string())
                .bind(balance.balance)
                .bind(balance.earned)
                .bind(balance.redeemed)
                .bind(balance.rewards_redeemed)
                .bind(balance.visits)
                .bind(*seq)
                .bind(&updated_at);
        }
        query.execute(&mut **tx).await?;
    }
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

// Reversals and compensations

/// The stored event a reversal names.
pub struct Reversible {
    pub shop_id: ShopId,
    pub card_id: CardId,
    pub device_id: Option<DeviceId>,
    pub staff_id: Option<StaffId>,
    pub origin: Origin,
    pub kind: String,
    pub delta: i64,
    pub occurred_at: OffsetDateTime,
    /// When the server stored it (its own clock).
    pub recorded_at: OffsetDateTime,
}

pub async fn reversible(tx: &mut Tx, id: EventId) -> anyhow::Result<Option<Reversible>> {
    let row = sqlx::query("SELECT shop_id, card_id, origin, device_id, staff_id, kind, delta, occurred_at, recorded_at FROM events WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| {
        Ok(Reversible {
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            card_id: parse_id(r.get::<&str, _>("card_id"))?,
            origin: Origin::parse(r.get::<&str, _>("origin")),
            device_id: r
                .get::<Option<&str>, _>("device_id")
                .map(parse_id)
                .transpose()?,
            staff_id: r
                .get::<Option<&str>, _>("staff_id")
                .map(parse_id)
                .transpose()?,
            kind: r.get("kind"),
            delta: r.get("delta"),
            occurred_at: parse_ts(r.get::<&str, _>("occurred_at"))?,
            recorded_at: parse_ts(r.get::<&str, _>("recorded_at"))?,
        })
    })
    .transpose()
}

pub async fn is_reversed(tx: &mut Tx, id: EventId) -> sqlx::Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT reversal_id FROM reversals WHERE event_id = $1")
            .bind(id.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.is_some())
}

/// The staff member's last action on the device before its event number `before_seq`
/// (reversals themselves are not actions to undo).
pub async fn last_action(
    tx: &mut Tx,
    device_id: DeviceId,
    staff_id: StaffId,
    before_seq: i64,
) -> anyhow::Result<Option<EventId>> {
    let id: Option<String> = sqlx::query_scalar(
        "SELECT id FROM events
         WHERE device_id = $1 AND staff_id = $2 AND device_seq < $3 AND kind <> 'reversal'
         ORDER BY device_seq DESC, seq DESC LIMIT 1",
    )
    .bind(device_id.to_string())
    .bind(staff_id.to_string())
    .bind(before_seq)
    .fetch_optional(&mut **tx)
    .await?;
    id.as_deref().map(parse_id).transpose()
}

/// Notes that `reversal_id` reverses `event_id`; the primary key lets each event be reversed once.
pub async fn record_reversal(
    tx: &mut Tx,
    shop_id: ShopId,
    event_id: EventId,
    reversal_id: EventId,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO reversals (event_id, reversal_id, shop_id, created_at) VALUES ($1, $2, $3, $4)")
        .bind(event_id.to_string())
        .bind(reversal_id.to_string())
        .bind(shop_id.to_string())
        .bind(ts(now()))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether the server already balanced this event with a compensation.
pub async fn is_compensated(tx: &mut Tx, id: EventId) -> sqlx::Result<bool> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM events WHERE compensates = $1")
        .bind(id.to_string())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(found.is_some())
}

// Limits

/// What counts towards a limit: stamps given, or purchases that earned points; events that
/// were reversed do not count.
/// (PostgreSQL sums BIGINT to NUMERIC, hence the cast back.)
const EARNED: &str =
    "CAST(COALESCE(SUM(CASE WHEN kind = 'stamps_issued' THEN delta ELSE 1 END), 0) AS BIGINT)";
const EARNING: &str =
    "kind IN ('stamps_issued', 'points_earned') AND id NOT IN (SELECT event_id FROM reversals)";

/// Stamps (or purchases) of a card in `(from, to]`.
pub async fn card_earned(
    tx: &mut Tx,
    card_id: CardId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!(
        "SELECT {EARNED} FROM events WHERE card_id = $1 AND {EARNING} AND occurred_at > $2 AND occurred_at <= $3"
    ))
    .bind(card_id.to_string())
    .bind(ts(from))
    .bind(ts(to))
    .fetch_one(&mut **tx)
    .await
}

/// Stamps (or purchases) a staff member gave in `(from, to]`.
pub async fn staff_earned(
    tx: &mut Tx,
    staff_id: StaffId,
    from: OffsetDateTime,
    to: OffsetDateTime,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!(
        "SELECT {EARNED} FROM events WHERE staff_id = $1 AND {EARNING} AND occurred_at > $2 AND occurred_at <= $3"
    ))
    .bind(staff_id.to_string())
    .bind(ts(from))
    .bind(ts(to))
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
                    .map(Flag::parse)
                    .collect(),
            })
        })
        .collect()
}

/// A card's events after `after`, oldest first, at most `limit`.
pub async fn since<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
    after: i64,
    limit: i64,
) -> anyhow::Result<Vec<HistoryEntry>> {
    let rows = sqlx::query(
        "SELECT e.id, e.seq, e.occurred_at, e.body, r.name AS reward_name
         FROM events e LEFT JOIN rewards r ON r.id = e.reward_id
         WHERE e.card_id = $1 AND e.seq > $2 AND e.origin <> 'import' ORDER BY e.seq ASC LIMIT $3",
    )
    .bind(card_id.to_string())
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(history_entry).collect()
}

fn history_entry(r: &sqlx::any::AnyRow) -> anyhow::Result<HistoryEntry> {
    let event: Event = serde_json::from_str(r.get::<&str, _>("body"))?;
    Ok(HistoryEntry {
        id: parse_id(r.get::<&str, _>("id"))?,
        seq: r.get("seq"),
        occurred_at: parse_ts(r.get::<&str, _>("occurred_at"))?,
        body: event.body,
        reward_name: r.get("reward_name"),
    })
}

/// Every event of a shop's cards, for rebuilding the balance cache.
pub async fn for_rebuild(tx: &mut Tx, shop_id: ShopId) -> anyhow::Result<Vec<(CardId, Event)>> {
    let rows = sqlx::query("SELECT card_id, body FROM events WHERE shop_id = $1 ORDER BY seq")
        .bind(shop_id.to_string())
        .fetch_all(&mut **tx)
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

/// A shop's cached balances.
pub async fn shop_balances(tx: &mut Tx, shop_id: ShopId) -> anyhow::Result<Vec<(CardId, Balance)>> {
    let rows = sqlx::query(
        "SELECT card_id, balance, earned, redeemed, rewards_redeemed, visits FROM balances WHERE shop_id = $1",
    )
    .bind(shop_id.to_string())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| Ok((parse_id(r.get::<&str, _>("card_id"))?, balance_from_row(r))))
        .collect()
}

/// A card's events, newest first, with reward names for redemptions.
pub async fn history<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
    limit: i64,
) -> anyhow::Result<Vec<HistoryEntry>> {
    let rows = sqlx::query(
        "SELECT e.id, e.seq, e.occurred_at, e.body, r.name AS reward_name
         FROM events e LEFT JOIN rewards r ON r.id = e.reward_id
         WHERE e.card_id = $1 AND e.origin <> 'import' ORDER BY e.seq DESC LIMIT $2",
    )
    .bind(card_id.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(history_entry).collect()
}

/// This device's till events with a shop sequence in `(after, upto]`, oldest first, at most
/// `limit`.
pub async fn device_stored_between(
    db: &super::Db,
    device_id: DeviceId,
    after: i64,
    upto: i64,
    limit: i64,
) -> anyhow::Result<Vec<EventId>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM events WHERE origin = 'till' AND device_id = $1 AND seq > $2 AND seq <= $3
         ORDER BY seq LIMIT $4",
    )
    .bind(device_id.to_string())
    .bind(after)
    .bind(upto)
    .bind(limit)
    .fetch_all(db)
    .await?;
    ids.iter().map(|id| parse_id(id)).collect()
}

/// Which of `ids` the shop's ledger holds, from any of its tablets (one query).
pub async fn stored_among<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    ids: &[EventId],
) -> anyhow::Result<Vec<EventId>> {
    held_among(db, "shop_id = ", shop_id.to_string(), ids).await
}

/// Which of `ids` this device's ledger holds (one query).
pub async fn device_has(
    db: &super::Db,
    device_id: DeviceId,
    ids: &[EventId],
) -> anyhow::Result<Vec<EventId>> {
    held_among(
        db,
        "origin = 'till' AND device_id = ",
        device_id.to_string(),
        ids,
    )
    .await
}

/// Which of `ids` the events matching `filter` (SQL ending in `= `, completed by `value`)
/// hold, in the order asked.
async fn held_among<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    filter: &'static str,
    value: String,
    ids: &[EventId],
) -> anyhow::Result<Vec<EventId>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "SELECT id FROM events WHERE {filter}$1 AND id IN ({})",
        super::parameters(2, ids.len())
    );
    let mut query = sqlx::query_scalar(&sql).bind(value);
    for id in ids {
        query = query.bind(id.to_string());
    }
    let found: Vec<String> = query.fetch_all(db).await?;
    let found: std::collections::HashSet<String> = found.into_iter().collect();
    Ok(ids
        .iter()
        .filter(|id| found.contains(&id.to_string()))
        .copied()
        .collect())
}
