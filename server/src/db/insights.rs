//! The shop's categories and the insight summaries (see `crate::insights` for what they mean).
//! The summaries are written only inside a push or a rebuild transaction, under the shop lock.

use regulars_protocol::{CardId, Category, EventId, LocationId, ShopId};
use std::collections::HashMap;

use sqlx::Row;

use super::{Tx, now, parse_id, parse_ts, ts};
use crate::insights::local::{Moment, day_text, parse_day, week_start};
use crate::insights::visits::{Day, Earning, Fact, MemberTotals, Redemption, member_totals};

// Categories

/// A category row, retired ones included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryRow {
    pub id: String,
    pub name: String,
    pub retired: bool,
}

/// Every category of the shop ever named: active ones in the till's order, then retired ones.
pub async fn categories<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> sqlx::Result<Vec<CategoryRow>> {
    let rows = sqlx::query(
        "SELECT id, name, CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END AS retired FROM categories
         WHERE shop_id = $1 ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, position, id",
    )
    .bind(shop_id.to_string())
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| CategoryRow {
            id: r.get("id"),
            name: r.get("name"),
            retired: super::flag(r, "retired"),
        })
        .collect())
}

/// Every category's current name by id (retired ones too), for naming what was bought.
pub async fn category_names(
    db: &super::Db,
    shop_id: ShopId,
) -> sqlx::Result<std::collections::HashMap<String, String>> {
    Ok(categories(db, shop_id)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

/// The categories the till shows.
pub async fn active_categories<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> sqlx::Result<Vec<Category>> {
    Ok(categories(db, shop_id)
        .await?
        .into_iter()
        .filter(|c| !c.retired)
        .map(|c| Category {
            id: c.id,
            name: c.name,
        })
        .collect())
}

/// The five a new shop starts with (the tags tills sent before shops named their own).
pub const STARTING_CATEGORIES: [(&str, &str); 5] = [
    ("coffee", "Coffee"),
    ("food", "Food"),
    ("drinks", "Drinks"),
    ("retail", "Retail"),
    ("other", "Other"),
];

/// Writes the shop's list: `list` in order, each with its id (existing or new); every other
/// category is retired.
pub async fn save_categories(tx: &mut Tx, shop_id: ShopId, list: &[Category]) -> sqlx::Result<()> {
    let now = ts(now());
    sqlx::query("UPDATE categories SET retired_at = $1 WHERE shop_id = $2 AND retired_at IS NULL")
        .bind(&now)
        .bind(shop_id.to_string())
        .execute(&mut **tx)
        .await?;
    for (position, category) in list.iter().enumerate() {
        sqlx::query(
            "INSERT INTO categories (shop_id, id, name, position, retired_at) VALUES ($1, $2, $3, $4, NULL)
             ON CONFLICT (shop_id, id) DO UPDATE SET name = excluded.name, position = excluded.position,
                 retired_at = NULL",
        )
        .bind(shop_id.to_string())
        .bind(&category.id)
        .bind(&category.name)
        .bind(position as i32)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

// Writing the summaries

fn location_text(location: Option<LocationId>) -> String {
    location.map(|l| l.to_string()).unwrap_or_default()
}

fn location_of(text: &str) -> anyhow::Result<Option<LocationId>> {
    (!text.is_empty()).then(|| parse_id(text)).transpose()
}

pub async fn visit_day(tx: &mut Tx, card_id: CardId, day: &str) -> anyhow::Result<Option<Day>> {
    let row = sqlx::query(
        "SELECT location_id, first_at, weekday, hour, earnings, amount_minor, amounts
         FROM visit_days WHERE card_id = $1 AND day = $2",
    )
    .bind(card_id.to_string())
    .bind(day)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| day_from(&r, day)).transpose()
}

/// The visit days of these members on one day (one query per 2,000 members), for a push that
/// will most likely record visits on it.
pub async fn visit_days_on(
    tx: &mut Tx,
    cards: &[CardId],
    day: &str,
) -> anyhow::Result<HashMap<CardId, Day>> {
    let mut out = HashMap::new();
    for chunk in cards.chunks(super::ROWS_PER_STATEMENT) {
        let sql = format!(
            "SELECT card_id, location_id, first_at, weekday, hour, earnings, amount_minor, amounts
             FROM visit_days WHERE day = $1 AND card_id IN ({})",
            super::parameters(2, chunk.len())
        );
        let mut query = sqlx::query(&sql).bind(day);
        for card_id in chunk {
            query = query.bind(card_id.to_string());
        }
        for r in query.fetch_all(&mut **tx).await? {
            out.insert(parse_id(r.get::<&str, _>("card_id"))?, day_from(&r, day)?);
        }
    }
    Ok(out)
}

fn day_from(r: &sqlx::any::AnyRow, day: &str) -> anyhow::Result<Day> {
    Ok(Day {
        first_at: parse_ts(r.get::<&str, _>("first_at"))?,
        moment: Moment {
            day: parse_day(day).ok_or_else(|| anyhow::anyhow!("bad day {day}"))?,
            weekday: r.get::<i32, _>("weekday") as u8,
            hour: r.get::<i32, _>("hour") as u8,
        },
        location_id: location_of(r.get::<&str, _>("location_id"))?,
        earnings: r.get("earnings"),
        amount_minor: r.get("amount_minor"),
        amounts: r.get("amounts"),
    })
}

pub async fn put_visit_day(
    tx: &mut Tx,
    shop_id: ShopId,
    card_id: CardId,
    day: &str,
    row: &Day,
) -> sqlx::Result<()> {
    put_visit_days(tx, shop_id, &[(card_id, day, row)]).await
}

/// Writes many members' visit days (a statement per 1,000).
pub async fn put_visit_days(
    tx: &mut Tx,
    shop_id: ShopId,
    rows: &[(CardId, &str, &Day)],
) -> sqlx::Result<()> {
    for chunk in rows.chunks(1000) {
        let sql = format!(
            "INSERT INTO visit_days (card_id, day, shop_id, location_id, first_at, weekday, hour, earnings, amount_minor, amounts, week)
             VALUES {}
             ON CONFLICT (card_id, day) DO UPDATE SET location_id = excluded.location_id,
                 first_at = excluded.first_at, weekday = excluded.weekday, hour = excluded.hour,
                 earnings = excluded.earnings, amount_minor = excluded.amount_minor, amounts = excluded.amounts",
            super::value_rows(1, chunk.len(), 11)
        );
        let mut query = sqlx::query(&sql);
        for (card_id, day, row) in chunk {
            query = query
                .bind(card_id.to_string())
                .bind(day.to_string())
                .bind(shop_id.to_string())
                .bind(location_text(row.location_id))
                .bind(ts(row.first_at))
                .bind(i32::from(row.moment.weekday))
                .bind(i32::from(row.moment.hour))
                .bind(row.earnings)
                .bind(row.amount_minor)
                .bind(row.amounts)
                .bind(day_text(week_start(row.moment.day)));
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Adds to one shop day (all values are differences).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayDelta {
    pub visits: i64,
    pub amounts: i64,
    pub amount_minor: i64,
    pub redemptions: i64,
    pub redeemed_value: i64,
}

pub async fn add_shop_day(
    tx: &mut Tx,
    shop_id: ShopId,
    location: Option<LocationId>,
    day: &str,
    d: DayDelta,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO shop_days (shop_id, location_id, day, visits, amounts, amount_minor, redemptions, redeemed_value)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (shop_id, location_id, day) DO UPDATE SET
             visits = shop_days.visits + excluded.visits,
             amounts = shop_days.amounts + excluded.amounts,
             amount_minor = shop_days.amount_minor + excluded.amount_minor,
             redemptions = shop_days.redemptions + excluded.redemptions,
             redeemed_value = shop_days.redeemed_value + excluded.redeemed_value",
    )
    .bind(shop_id.to_string())
    .bind(location_text(location))
    .bind(day)
    .bind(d.visits)
    .bind(d.amounts)
    .bind(d.amount_minor)
    .bind(d.redemptions)
    .bind(d.redeemed_value)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn add_shop_hour(
    tx: &mut Tx,
    shop_id: ShopId,
    location: Option<LocationId>,
    day: &str,
    hour: u8,
    visits: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO shop_hours (shop_id, location_id, day, hour, visits) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (shop_id, location_id, day, hour) DO UPDATE SET visits = shop_hours.visits + excluded.visits",
    )
    .bind(shop_id.to_string())
    .bind(location_text(location))
    .bind(day)
    .bind(i32::from(hour))
    .bind(visits)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Adds purchases and spend to many (member, category) pairs, each named once (a statement per
/// 2,000).
pub async fn add_member_categories(
    tx: &mut Tx,
    shop_id: ShopId,
    rows: &[(CardId, String, i64, i64)],
) -> sqlx::Result<()> {
    for chunk in rows.chunks(super::ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO member_categories (card_id, category, shop_id, purchases, amount_minor) VALUES {}
             ON CONFLICT (card_id, category) DO UPDATE SET purchases = member_categories.purchases + excluded.purchases,
                 amount_minor = member_categories.amount_minor + excluded.amount_minor",
            super::value_rows(1, chunk.len(), 5)
        );
        let mut query = sqlx::query(&sql);
        for (card_id, category, purchases, amount_minor) in chunk {
            query = query
                .bind(card_id.to_string())
                .bind(category.as_str())
                .bind(shop_id.to_string())
                .bind(*purchases)
                .bind(*amount_minor);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

pub async fn add_shop_category(
    tx: &mut Tx,
    shop_id: ShopId,
    day: &str,
    category: &str,
    purchases: i64,
    amount_minor: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO shop_categories (shop_id, day, category, purchases, amount_minor) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (shop_id, day, category) DO UPDATE SET purchases = shop_categories.purchases + excluded.purchases,
             amount_minor = shop_categories.amount_minor + excluded.amount_minor",
    )
    .bind(shop_id.to_string())
    .bind(day)
    .bind(category)
    .bind(purchases)
    .bind(amount_minor)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether the card has a visit in `monday..=sunday` other than on `day`.
pub async fn other_visit_in_week(
    tx: &mut Tx,
    card_id: CardId,
    monday: &str,
    sunday: &str,
    day: &str,
) -> sqlx::Result<bool> {
    let found: Option<i32> = sqlx::query_scalar(
        "SELECT 1 FROM visit_days WHERE card_id = $1 AND day >= $2 AND day <= $3 AND day <> $4
           AND earnings > 0 LIMIT 1",
    )
    .bind(card_id.to_string())
    .bind(monday)
    .bind(sunday)
    .bind(day)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.is_some())
}

/// Adds to a week's active members (`week` is its Monday).
pub async fn add_shop_week(
    tx: &mut Tx,
    shop_id: ShopId,
    week: &str,
    active: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO shop_weeks (shop_id, week, active) VALUES ($1, $2, $3)
         ON CONFLICT (shop_id, week) DO UPDATE SET active = shop_weeks.active + excluded.active",
    )
    .bind(shop_id.to_string())
    .bind(week)
    .bind(active)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Purchases and amounts per category over local days `from..=to`, most bought first.
pub async fn shop_categories(
    db: &super::Db,
    shop_id: ShopId,
    from: &str,
    to: &str,
) -> sqlx::Result<Vec<(String, i64, i64)>> {
    let rows = sqlx::query(
        "SELECT category, CAST(SUM(purchases) AS BIGINT) AS purchases, CAST(SUM(amount_minor) AS BIGINT) AS amount_minor
         FROM shop_categories WHERE shop_id = $1 AND day >= $2 AND day <= $3
         GROUP BY category ORDER BY purchases DESC, category",
    )
    .bind(shop_id.to_string())
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("category"), r.get("purchases"), r.get("amount_minor")))
        .filter(|(_, purchases, _)| *purchases > 0)
        .collect())
}

/// Makes the summaries of these members of a shop again from their visit days: the days read
/// in one query, the summaries written in one (a statement of each per 2,000 members).
pub async fn refresh_members(tx: &mut Tx, shop_id: ShopId, cards: &[CardId]) -> anyhow::Result<()> {
    for chunk in cards.chunks(super::ROWS_PER_STATEMENT) {
        let sql = format!(
            "SELECT card_id, day, amount_minor, amounts FROM visit_days \
             WHERE card_id IN ({}) AND earnings > 0",
            super::parameters(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for card_id in chunk {
            query = query.bind(card_id.to_string());
        }
        let rows = query.fetch_all(&mut **tx).await?;
        let mut days: std::collections::HashMap<String, Vec<(String, i64, i64)>> =
            std::collections::HashMap::new();
        for r in &rows {
            days.entry(r.get("card_id")).or_default().push((
                r.get("day"),
                r.get("amount_minor"),
                r.get("amounts"),
            ));
        }
        let sql = format!(
            "INSERT INTO member_summaries (card_id, shop_id, first_day, second_gap_days, last_day, visits, amount_minor, amounts)
             VALUES {}
             ON CONFLICT (card_id) DO UPDATE SET first_day = excluded.first_day,
                 second_gap_days = excluded.second_gap_days, last_day = excluded.last_day,
                 visits = excluded.visits, amount_minor = excluded.amount_minor, amounts = excluded.amounts",
            super::value_rows(1, chunk.len(), 8)
        );
        let mut query = sqlx::query(&sql);
        for card_id in chunk {
            let id = card_id.to_string();
            let of_card = days.get(&id).map(Vec::as_slice).unwrap_or_default();
            let totals = member_totals(of_card.iter().map(|(d, a, n)| (d.as_str(), *a, *n)));
            query = query
                .bind(id)
                .bind(shop_id.to_string())
                .bind(totals.first_day)
                .bind(totals.second_gap_days)
                .bind(totals.last_day)
                .bind(totals.visits)
                .bind(totals.amount_minor)
                .bind(totals.amounts);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

pub async fn put_member(
    tx: &mut Tx,
    shop_id: ShopId,
    card_id: CardId,
    totals: &MemberTotals,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO member_summaries (card_id, shop_id, first_day, second_gap_days, last_day, visits, amount_minor, amounts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (card_id) DO UPDATE SET first_day = excluded.first_day,
             second_gap_days = excluded.second_gap_days, last_day = excluded.last_day,
             visits = excluded.visits, amount_minor = excluded.amount_minor, amounts = excluded.amounts",
    )
    .bind(card_id.to_string())
    .bind(shop_id.to_string())
    .bind(&totals.first_day)
    .bind(totals.second_gap_days)
    .bind(&totals.last_day)
    .bind(totals.visits)
    .bind(totals.amount_minor)
    .bind(totals.amounts)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

// Reading the ledger for the summaries

fn earning_from(r: &sqlx::any::AnyRow) -> anyhow::Result<Earning> {
    Ok(Earning {
        card_id: parse_id(r.get::<&str, _>("card_id"))?,
        at: parse_ts(r.get::<&str, _>("occurred_at"))?,
        location_id: r
            .get::<Option<&str>, _>("location_id")
            .map(parse_id)
            .transpose()?,
        amount_minor: r.get("amount_minor"),
        category: r.get("category"),
        date_only: super::flag(r, "date_only"),
    })
}

/// What a reversal takes back, as the summaries see it.
pub enum Reversed {
    Earning(Earning),
    Redemption(Redemption),
    Other,
}

/// The event a reversal names (already checked to be this shop's).
pub async fn reversed(tx: &mut Tx, id: EventId) -> anyhow::Result<Reversed> {
    let row = sqlx::query(
        "SELECT e.card_id, e.kind, e.occurred_at, e.location_id, e.amount_minor, e.category, r.value_minor,
                CASE WHEN e.date_only THEN 1 ELSE 0 END AS date_only
         FROM events e LEFT JOIN rewards r ON r.id = e.reward_id WHERE e.id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(r) = row else {
        return Ok(Reversed::Other);
    };
    Ok(match r.get::<&str, _>("kind") {
        "stamps_issued" | "points_earned" | "purchase_imported" => {
            Reversed::Earning(earning_from(&r)?)
        }
        "reward_redeemed" => Reversed::Redemption(Redemption {
            at: parse_ts(r.get::<&str, _>("occurred_at"))?,
            location_id: r
                .get::<Option<&str>, _>("location_id")
                .map(parse_id)
                .transpose()?,
            value_minor: r.get("value_minor"),
        }),
        _ => Reversed::Other,
    })
}

/// Every event of the shop that the summaries stand on, for the rebuild.
pub async fn facts(tx: &mut Tx, shop_id: ShopId) -> anyhow::Result<Vec<Fact>> {
    let rows = sqlx::query(
        "SELECT e.id, e.card_id, e.kind, e.occurred_at, e.location_id, e.amount_minor, e.category,
                e.compensates, r.value_minor, CASE WHEN e.date_only THEN 1 ELSE 0 END AS date_only,
                (SELECT v.event_id FROM reversals v WHERE v.reversal_id = e.id
                   AND NOT EXISTS (SELECT 1 FROM events c WHERE c.compensates = e.id)) AS reverses
         FROM events e LEFT JOIN rewards r ON r.id = e.reward_id
         WHERE e.shop_id = $1",
    )
    .bind(shop_id.to_string())
    .fetch_all(&mut **tx)
    .await?;
    let mut facts = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: EventId = parse_id(r.get::<&str, _>("id"))?;
        if let Some(balanced) = r.get::<Option<&str>, _>("compensates") {
            facts.push(Fact::Compensation(parse_id(balanced)?));
            continue;
        }
        match r.get::<&str, _>("kind") {
            "stamps_issued" | "points_earned" | "purchase_imported" => {
                facts.push(Fact::Earning(id, earning_from(r)?))
            }
            "reward_redeemed" => facts.push(Fact::Redemption(
                id,
                Redemption {
                    at: parse_ts(r.get::<&str, _>("occurred_at"))?,
                    location_id: r
                        .get::<Option<&str>, _>("location_id")
                        .map(parse_id)
                        .transpose()?,
                    value_minor: r.get("value_minor"),
                },
            )),
            "reversal" => {
                if let Some(reverses) = r.get::<Option<&str>, _>("reverses") {
                    facts.push(Fact::Reversal(parse_id(reverses)?));
                }
            }
            _ => {}
        }
    }
    Ok(facts)
}

/// The summary tables, in the order the rebuild clears them.
pub const SUMMARY_TABLES: [&str; 7] = [
    "visit_days",
    "member_summaries",
    "member_categories",
    "shop_days",
    "shop_hours",
    "shop_categories",
    "shop_weeks",
];

/// A stable text of every summary row of the shop, to compare a rebuild with what was there.
pub async fn snapshot(tx: &mut Tx, shop_id: ShopId) -> anyhow::Result<Vec<String>> {
    let queries = [
        "SELECT 'visit ' || card_id || ' ' || day || ' ' || location_id || ' ' || first_at || ' ' || CAST(weekday AS TEXT) || ' ' || CAST(hour AS TEXT) || ' ' || CAST(earnings AS TEXT) || ' ' || CAST(amount_minor AS TEXT) || ' ' || CAST(amounts AS TEXT) || ' ' || week FROM visit_days WHERE shop_id = $1",
        "SELECT 'member ' || card_id || ' ' || COALESCE(first_day, '-') || ' ' || COALESCE(CAST(second_gap_days AS TEXT), '-') || ' ' || COALESCE(last_day, '-') || ' ' || CAST(visits AS TEXT) || ' ' || CAST(amount_minor AS TEXT) || ' ' || CAST(amounts AS TEXT) FROM member_summaries WHERE shop_id = $1",
        "SELECT 'category ' || card_id || ' ' || category || ' ' || CAST(purchases AS TEXT) || ' ' || CAST(amount_minor AS TEXT) FROM member_categories WHERE shop_id = $1 AND (purchases <> 0 OR amount_minor <> 0)",
        "SELECT 'day ' || location_id || ' ' || day || ' ' || CAST(visits AS TEXT) || ' ' || CAST(amounts AS TEXT) || ' ' || CAST(amount_minor AS TEXT) || ' ' || CAST(redemptions AS TEXT) || ' ' || CAST(redeemed_value AS TEXT) FROM shop_days WHERE shop_id = $1 AND (visits <> 0 OR amounts <> 0 OR amount_minor <> 0 OR redemptions <> 0 OR redeemed_value <> 0)",
        "SELECT 'hour ' || location_id || ' ' || day || ' ' || CAST(hour AS TEXT) || ' ' || CAST(visits AS TEXT) FROM shop_hours WHERE shop_id = $1 AND visits <> 0",
        "SELECT 'shop category ' || day || ' ' || category || ' ' || CAST(purchases AS TEXT) || ' ' || CAST(amount_minor AS TEXT) FROM shop_categories WHERE shop_id = $1 AND (purchases <> 0 OR amount_minor <> 0)",
        "SELECT 'week ' || week || ' ' || CAST(active AS TEXT) FROM shop_weeks WHERE shop_id = $1 AND active <> 0",
    ];
    let mut out = Vec::new();
    for q in queries {
        let rows: Vec<String> = sqlx::query_scalar(q)
            .bind(shop_id.to_string())
            .fetch_all(&mut **tx)
            .await?;
        out.extend(rows);
    }
    out.sort();
    Ok(out)
}

pub async fn clear(tx: &mut Tx, shop_id: ShopId) -> sqlx::Result<()> {
    for table in SUMMARY_TABLES {
        sqlx::query(&format!("DELETE FROM {table} WHERE shop_id = $1"))
            .bind(shop_id.to_string())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub async fn set_summaries_version(tx: &mut Tx, shop_id: ShopId, version: i32) -> sqlx::Result<()> {
    sqlx::query("UPDATE shops SET summaries_version = $1 WHERE id = $2")
        .bind(version)
        .bind(shop_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Shops whose summaries were made by an older rule (or never).
pub async fn stale_shops<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    version: i32,
) -> anyhow::Result<Vec<ShopId>> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM shops WHERE summaries_version < $1")
        .bind(version)
        .fetch_all(db)
        .await?;
    ids.iter().map(|s| parse_id(s)).collect()
}

// Reading for the member page and the lists

/// A listed member's first name and visits ever.
#[derive(Debug, Clone, Default)]
pub struct Listed {
    pub first_name: Option<String>,
    pub visits: i64,
}

/// First names and visits ever of some of the shop's cards, looked up by card id (the primary
/// key: a list of every member is a hundred thousand seeks, not a scan of the shop's cards per
/// chunk); a card of another shop is left out.
pub async fn listed(
    db: &super::Db,
    shop_id: ShopId,
    cards: &[CardId],
) -> anyhow::Result<std::collections::HashMap<CardId, Listed>> {
    let shop = shop_id.to_string();
    let mut out = std::collections::HashMap::with_capacity(cards.len());
    for chunk in cards.chunks(500) {
        let sql = format!(
            "SELECT c.id, c.shop_id, c.first_name, m.visits FROM cards c \
             LEFT JOIN member_summaries m ON m.card_id = c.id WHERE c.id IN ({})",
            super::parameters(1, chunk.len())
        );
        let mut query = sqlx::query(&sql);
        for card in chunk {
            query = query.bind(card.to_string());
        }
        for r in query.fetch_all(db).await? {
            if r.get::<&str, _>("shop_id") != shop {
                continue;
            }
            out.insert(
                parse_id(r.get::<&str, _>("id"))?,
                Listed {
                    first_name: r.get("first_name"),
                    visits: r.get::<Option<i64>, _>("visits").unwrap_or(0),
                },
            );
        }
    }
    Ok(out)
}

/// A member's summary row: first day, last day, visits, spend, visits with an amount.
pub struct MemberSummary {
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    pub visits: i64,
    pub amount_minor: i64,
    pub amounts: i64,
}

pub async fn member_summary(
    db: &super::Db,
    card_id: CardId,
) -> sqlx::Result<Option<MemberSummary>> {
    let row = sqlx::query(
        "SELECT first_day, last_day, visits, amount_minor, amounts FROM member_summaries WHERE card_id = $1",
    )
    .bind(card_id.to_string())
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| MemberSummary {
        first_day: r.get("first_day"),
        last_day: r.get("last_day"),
        visits: r.get("visits"),
        amount_minor: r.get("amount_minor"),
        amounts: r.get("amounts"),
    }))
}

/// A member's visits and amounts by month (`YYYY-MM`), oldest first.
pub async fn member_months(
    db: &super::Db,
    card_id: CardId,
) -> sqlx::Result<Vec<(String, i64, i64)>> {
    let rows = sqlx::query(
        "SELECT day, amount_minor FROM visit_days WHERE card_id = $1 AND earnings > 0 ORDER BY day",
    )
    .bind(card_id.to_string())
    .fetch_all(db)
    .await?;
    let mut months: Vec<(String, i64, i64)> = Vec::new();
    for r in &rows {
        let day: String = r.get("day");
        let month = day.get(..7).unwrap_or(&day).to_owned();
        let amount: i64 = r.get("amount_minor");
        match months.last_mut() {
            Some(last) if last.0 == month => {
                last.1 += 1;
                last.2 += amount;
            }
            _ => months.push((month, 1, amount)),
        }
    }
    Ok(months)
}

/// A member's purchases by category id, most first.
pub async fn member_categories(
    db: &super::Db,
    card_id: CardId,
) -> sqlx::Result<Vec<(String, i64, i64)>> {
    let rows = sqlx::query(
        "SELECT category, purchases, amount_minor FROM member_categories
         WHERE card_id = $1 AND purchases > 0 ORDER BY purchases DESC, category",
    )
    .bind(card_id.to_string())
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| (r.get("category"), r.get("purchases"), r.get("amount_minor")))
        .collect())
}

/// A member's latest events, newest first.
pub async fn member_history(
    db: &super::Db,
    card_id: CardId,
    limit: i64,
) -> anyhow::Result<Vec<regulars_protocol::insights::HistoryItem>> {
    let rows = sqlx::query(
        "SELECT id, occurred_at, kind, delta, amount_minor, category, flags FROM events
         WHERE card_id = $1 ORDER BY seq DESC LIMIT $2",
    )
    .bind(card_id.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(regulars_protocol::insights::HistoryItem {
                id: parse_id(r.get::<&str, _>("id"))?,
                occurred_at: r.get("occurred_at"),
                kind: r.get("kind"),
                delta: r.get("delta"),
                amount_minor: r.get("amount_minor"),
                category: r.get("category"),
                flags: r
                    .get::<Option<&str>, _>("flags")
                    .unwrap_or_default()
                    .split(',')
                    .filter(|f| !f.is_empty())
                    .map(regulars_protocol::Flag::parse)
                    .collect(),
            })
        })
        .collect()
}

pub async fn note(db: &super::Db, card_id: CardId) -> sqlx::Result<String> {
    let note: Option<String> =
        sqlx::query_scalar("SELECT note FROM member_notes WHERE card_id = $1")
            .bind(card_id.to_string())
            .fetch_optional(db)
            .await?;
    Ok(note.unwrap_or_default())
}

pub async fn save_note(
    db: &super::Db,
    shop_id: ShopId,
    card_id: CardId,
    note: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO member_notes (card_id, shop_id, note, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (card_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
    )
    .bind(card_id.to_string())
    .bind(shop_id.to_string())
    .bind(note)
    .bind(ts(now()))
    .execute(db)
    .await?;
    Ok(())
}

/// Members of the shop (for "without visits").
pub async fn member_count(db: &super::Db, shop_id: ShopId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM cards WHERE shop_id = $1")
        .bind(shop_id.to_string())
        .fetch_one(db)
        .await
}

/// The shop's event counter: it moves with every event stored, so a prediction made at one
/// value stands until the next event.
pub async fn ledger_version(db: &super::Db, shop_id: ShopId) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT event_seq FROM shops WHERE id = $1")
        .bind(shop_id.to_string())
        .fetch_one(db)
        .await
}

/// Every member's visits up to `as_of` (a shop-local day), summed by the database from the
/// visit days: first and last visit, visits, spend, and the spend and visits with an amount
/// after the first visit.
pub async fn histories(
    db: &super::Db,
    shop_id: ShopId,
    as_of: jiff::civil::Date,
) -> anyhow::Result<Vec<crate::insights::predicted::History>> {
    use futures::TryStreamExt;
    let mut stream = sqlx::query(
        "SELECT a.card_id, a.first_day, a.last_day, a.visits, a.spend, a.with_amount,
                f.amount_minor AS first_amount, f.amounts AS first_amounts
         FROM (SELECT card_id, MIN(day) AS first_day, MAX(day) AS last_day,
                      COUNT(*) AS visits,
                      CAST(SUM(amount_minor) AS BIGINT) AS spend,
                      CAST(SUM(CASE WHEN amounts > 0 THEN 1 ELSE 0 END) AS BIGINT) AS with_amount
               FROM visit_days WHERE shop_id = $1 AND day <= $2 AND earnings > 0
               GROUP BY card_id) a
         JOIN visit_days f ON f.card_id = a.card_id AND f.day = a.first_day",
    )
    .bind(shop_id.to_string())
    .bind(crate::insights::local::day_text(as_of))
    .fetch(db);
    let mut out = Vec::new();
    while let Some(r) = stream.try_next().await? {
        let day = |column: &str| -> anyhow::Result<jiff::civil::Date> {
            let text: &str = r.try_get(column)?;
            crate::insights::local::parse_day(text).ok_or_else(|| anyhow::anyhow!("bad day {text}"))
        };
        let first_amounts: i64 = r.try_get("first_amounts")?;
        let spend: i64 = r.try_get("spend")?;
        let first_amount: i64 = r.try_get("first_amount")?;
        out.push(crate::insights::predicted::History {
            card_id: parse_id(r.try_get::<&str, _>("card_id")?)?,
            first: day("first_day")?,
            last: day("last_day")?,
            visits: r.try_get("visits")?,
            spend_minor: spend,
            repeat_spend_minor: spend - first_amount,
            repeat_with_amount: r.try_get::<i64, _>("with_amount")? - i64::from(first_amounts > 0),
        });
    }
    Ok(out)
}

/// The category each of these members bought most often (by its current name).
pub async fn favourite_categories(
    db: &super::Db,
    shop_id: ShopId,
    cards: &[CardId],
) -> anyhow::Result<std::collections::HashMap<CardId, String>> {
    let names = category_names(db, shop_id).await?;
    let mut best: std::collections::HashMap<CardId, (i64, String)> =
        std::collections::HashMap::new();
    for chunk in cards.chunks(500) {
        let sql = format!(
            "SELECT card_id, category, purchases FROM member_categories
             WHERE shop_id = $1 AND card_id IN ({})",
            super::parameters(2, chunk.len())
        );
        let mut query = sqlx::query(&sql).bind(shop_id.to_string());
        for card in chunk {
            query = query.bind(card.to_string());
        }
        for r in query.fetch_all(db).await? {
            let card: CardId = parse_id(r.try_get::<&str, _>("card_id")?)?;
            let category: String = r.try_get("category")?;
            let purchases: i64 = r.try_get("purchases")?;
            let name = names.get(&category).cloned().unwrap_or(category);
            let entry = best.entry(card).or_insert((0, String::new()));
            if purchases > entry.0 || (purchases == entry.0 && name < entry.1) {
                *entry = (purchases, name);
            }
        }
    }
    Ok(best
        .into_iter()
        .map(|(card, (_, name))| (card, name))
        .collect())
}

/// Visits after `after` up to `until` (shop-local days) of the members whose first visit came on
/// or before `after`, by day: what the model check compares its predictions with.
pub async fn visits_after(
    db: &super::Db,
    shop_id: ShopId,
    after: jiff::civil::Date,
    until: jiff::civil::Date,
) -> anyhow::Result<Vec<(jiff::civil::Date, i64)>> {
    let after = crate::insights::local::day_text(after);
    let rows = sqlx::query(
        "SELECT v.day, COUNT(*) AS visits FROM visit_days v
         JOIN member_summaries m ON m.card_id = v.card_id
         WHERE v.shop_id = $1 AND v.day > $2 AND v.day <= $3 AND v.earnings > 0
           AND m.first_day <= $2
         GROUP BY v.day",
    )
    .bind(shop_id.to_string())
    .bind(&after)
    .bind(crate::insights::local::day_text(until))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let text: &str = r.try_get("day")?;
            let day = crate::insights::local::parse_day(text)
                .ok_or_else(|| anyhow::anyhow!("bad day {text}"))?;
            Ok((day, r.try_get::<i64, _>("visits")?))
        })
        .collect()
}

/// The shops with at least one summarised visit, with their clocks (start-up warms their
/// scorings and predictions).
pub async fn shops_with_visits(
    db: &super::Db,
) -> anyhow::Result<Vec<(ShopId, crate::insights::local::ShopClock)>> {
    let rows = sqlx::query(
        "SELECT s.id, s.time_zone FROM shops s
         WHERE EXISTS (SELECT 1 FROM member_summaries m WHERE m.shop_id = s.id)",
    )
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                parse_id(row.try_get::<&str, _>("id")?)?,
                crate::insights::local::ShopClock::or_utc(row.try_get::<&str, _>("time_zone")?),
            ))
        })
        .collect()
}
