//! Offers, their versions, their audiences and their uses (the rules are `crate::offers`).

use std::collections::{HashMap, HashSet};

use regulars_protocol::offers::{OfferCounts, OfferEffect, OfferInput, OfferStatus};
use regulars_protocol::{CardId, EventId, OfferId, ShopId};
use sqlx::Row;
use time::OffsetDateTime;

use super::{Db, Tx, parse_id, parse_ts, ts};

/// An offer at its current version.
#[derive(Debug, Clone)]
pub struct OfferRow {
    pub id: OfferId,
    pub shop_id: ShopId,
    pub version: i32,
    pub status: OfferStatus,
    pub created_at: OffsetDateTime,
    pub input: OfferInput,
    /// When the owner ended it.
    pub ended_at: Option<OffsetDateTime>,
    /// Its effect, kept once its window closed (see `offers::effect`).
    pub result: Option<OfferEffect>,
}

/// A query bound to the shop (`$1`) and, when given, to one more value (`$2`: an offer or a
/// card the statement narrows to).
fn shop_query(
    sql: &str,
    shop_id: ShopId,
    and: Option<String>,
) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>> {
    let query = sqlx::query(sql).bind(shop_id.to_string());
    match and {
        Some(value) => query.bind(value),
        None => query,
    }
}

fn definition(input: &OfferInput) -> String {
    serde_json::to_string(input).expect("an offer serializes")
}

fn from_row(r: &sqlx::any::AnyRow) -> anyhow::Result<OfferRow> {
    Ok(OfferRow {
        id: parse_id(r.get::<&str, _>("id"))?,
        shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
        version: r.get::<i32, _>("version"),
        status: OfferStatus::parse(r.get::<&str, _>("status")),
        created_at: parse_ts(r.get::<&str, _>("created_at"))?,
        input: serde_json::from_str(r.get::<&str, _>("definition"))?,
        ended_at: r
            .get::<Option<&str>, _>("ended_at")
            .map(parse_ts)
            .transpose()?,
        result: r
            .get::<Option<&str>, _>("result")
            .map(serde_json::from_str)
            .transpose()?,
    })
}

const SELECT: &str = "SELECT o.id, o.shop_id, o.version, o.status, o.created_at, o.ended_at,
            o.result, v.definition
     FROM offers o JOIN offer_versions v ON v.offer_id = o.id AND v.version = o.version";

/// A new offer, active, at version 1.
pub async fn insert(
    tx: &mut Tx,
    shop_id: ShopId,
    id: OfferId,
    input: &OfferInput,
) -> sqlx::Result<()> {
    let now = ts(super::now());
    sqlx::query(
        "INSERT INTO offers (id, shop_id, version, status, created_at, updated_at)
         VALUES ($1, $2, 1, 'active', $3, $3)",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(&now)
    .execute(&mut **tx)
    .await?;
    insert_version(tx, id, 1, input, &now).await
}

async fn insert_version(
    tx: &mut Tx,
    id: OfferId,
    version: i32,
    input: &OfferInput,
    now: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO offer_versions (offer_id, version, definition, created_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(id.to_string())
    .bind(version)
    .bind(definition(input))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A new version of the shop's offer; `None`: no such offer at this shop.
pub async fn update(
    tx: &mut Tx,
    shop_id: ShopId,
    id: OfferId,
    input: &OfferInput,
) -> sqlx::Result<Option<i32>> {
    let now = ts(super::now());
    let version: Option<i32> = sqlx::query_scalar(
        "UPDATE offers SET version = version + 1, updated_at = $3
         WHERE id = $1 AND shop_id = $2 RETURNING version",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(&now)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(version) = version {
        insert_version(tx, id, version, input, &now).await?;
    }
    Ok(version)
}

/// Keeps a finished offer's result (the first one written stands).
pub async fn keep_result<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    id: OfferId,
    result: &OfferEffect,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE offers SET result = $2 WHERE id = $1 AND result IS NULL")
        .bind(id.to_string())
        .bind(serde_json::to_string(result).expect("an effect serializes"))
        .execute(db)
        .await?;
    Ok(())
}

/// Sets the status of the shop's offer; false: no such offer at this shop.
pub async fn set_status(
    tx: &mut Tx,
    shop_id: ShopId,
    id: OfferId,
    status: OfferStatus,
) -> sqlx::Result<bool> {
    // Ending it closes its window now (once: an ended offer stays ended).
    let done = sqlx::query(
        "UPDATE offers SET status = $3, updated_at = $4,
                ended_at = CASE WHEN $3 = 'ended' THEN COALESCE(ended_at, $4) ELSE ended_at END
         WHERE id = $1 AND shop_id = $2",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(status.as_str())
    .bind(ts(super::now()))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The shop's offers, newest first.
pub async fn list<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> anyhow::Result<Vec<OfferRow>> {
    sqlx::query(&format!(
        "{SELECT} WHERE o.shop_id = $1 ORDER BY o.created_at DESC, o.id"
    ))
    .bind(shop_id.to_string())
    .fetch_all(db)
    .await?
    .iter()
    .map(from_row)
    .collect()
}

/// One of the shop's offers.
pub async fn find<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    id: OfferId,
) -> anyhow::Result<Option<OfferRow>> {
    sqlx::query(&format!("{SELECT} WHERE o.id = $1 AND o.shop_id = $2"))
        .bind(id.to_string())
        .bind(shop_id.to_string())
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// One version of the shop's offer, with the offer's status now.
pub async fn version<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    id: OfferId,
    version: i32,
) -> anyhow::Result<Option<OfferRow>> {
    sqlx::query(
        "SELECT o.id, o.shop_id, v.version, o.status, o.created_at, o.ended_at, o.result,
                v.definition
         FROM offers o JOIN offer_versions v ON v.offer_id = o.id
         WHERE o.id = $1 AND o.shop_id = $2 AND v.version = $3",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(version)
    .fetch_optional(db)
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}

/// A member's place in an offer's audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub held_out: bool,
    /// No longer meets the offer's rules.
    pub left: bool,
}

/// Everyone in the offer's audience, past and present (or only the member `only`).
pub async fn members<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    offer_id: OfferId,
    only: Option<CardId>,
) -> anyhow::Result<HashMap<CardId, Membership>> {
    let sql = format!(
        "SELECT CASE WHEN held_out THEN 1 ELSE 0 END AS held_out,
                CASE WHEN left_at IS NULL THEN 0 ELSE 1 END AS gone,
                string_agg(card_id, ',') AS cards
         FROM offer_members WHERE offer_id = $1 {} GROUP BY 1, 2",
        if only.is_some() {
            "AND card_id = $2"
        } else {
            ""
        }
    );
    let query = sqlx::query(&sql).bind(offer_id.to_string());
    let query = match only {
        Some(card) => query.bind(card.to_string()),
        None => query,
    };
    let mut out = HashMap::new();
    for r in query.fetch_all(db).await? {
        let membership = Membership {
            held_out: super::flag(&r, "held_out"),
            left: super::flag(&r, "gone"),
        };
        for card in super::list_items(r.get::<Option<&str>, _>("cards")) {
            out.insert(parse_id(card)?, membership);
        }
    }
    Ok(out)
}

/// Members who join the offer's audience (or come back to it).
pub async fn join(
    tx: &mut Tx,
    shop_id: ShopId,
    offer_id: OfferId,
    cards: &[(CardId, bool)],
) -> sqlx::Result<()> {
    let now = ts(super::now());
    for chunk in cards.chunks(super::ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO offer_members (offer_id, card_id, shop_id, held_out, joined_at)
             VALUES {} ON CONFLICT (offer_id, card_id) DO UPDATE SET left_at = NULL",
            super::value_rows(1, chunk.len(), 5)
        );
        let mut query = sqlx::query(&sql);
        for (card, held_out) in chunk {
            query = query
                .bind(offer_id.to_string())
                .bind(card.to_string())
                .bind(shop_id.to_string())
                .bind(*held_out)
                .bind(&now);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Members who no longer meet the offer's rules.
pub async fn leave(tx: &mut Tx, offer_id: OfferId, cards: &[CardId]) -> sqlx::Result<()> {
    let now = ts(super::now());
    for chunk in cards.chunks(super::ROWS_PER_STATEMENT) {
        let sql = format!(
            "UPDATE offer_members SET left_at = $1 WHERE offer_id = $2 AND card_id IN ({})",
            super::parameters(3, chunk.len())
        );
        let mut query = sqlx::query(&sql).bind(&now).bind(offer_id.to_string());
        for card in chunk {
            query = query.bind(card.to_string());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// The offers a member is in the audience of now and not held out from.
pub async fn visible_to<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
) -> anyhow::Result<Vec<OfferId>> {
    sqlx::query_scalar::<_, String>(
        "SELECT offer_id FROM offer_members
         WHERE card_id = $1 AND held_out = FALSE AND left_at IS NULL",
    )
    .bind(card_id.to_string())
    .fetch_all(db)
    .await?
    .iter()
    .map(|id| parse_id(id))
    .collect()
}

/// Whether the offer was ever meant for the member and shown to them (in its audience, not
/// held out), at this shop.
pub async fn was_sent<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    offer_id: OfferId,
    card_id: CardId,
) -> sqlx::Result<bool> {
    let found: Option<i32> = sqlx::query_scalar(
        "SELECT 1 FROM offer_members
         WHERE offer_id = $1 AND card_id = $2 AND shop_id = $3 AND held_out = FALSE",
    )
    .bind(offer_id.to_string())
    .bind(card_id.to_string())
    .bind(shop_id.to_string())
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// For each card, its visible offers (as [`visible_to`]), for a page of a till's directory.
pub async fn visible_to_many<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    cards: &[CardId],
) -> anyhow::Result<HashMap<CardId, Vec<OfferId>>> {
    let mut out: HashMap<CardId, Vec<OfferId>> = HashMap::new();
    if cards.is_empty() {
        return Ok(out);
    }
    let sql = format!(
        "SELECT card_id, offer_id FROM offer_members
         WHERE held_out = FALSE AND left_at IS NULL AND card_id IN ({})",
        super::parameters(1, cards.len())
    );
    let mut query = sqlx::query(&sql);
    for card in cards {
        query = query.bind(card.to_string());
    }
    for r in query.fetch_all(db).await? {
        out.entry(parse_id(r.get::<&str, _>("card_id"))?)
            .or_default()
            .push(parse_id(r.get::<&str, _>("offer_id"))?);
    }
    Ok(out)
}

/// Uses that stand, per card and offer, for these cards.
pub async fn uses_of<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    cards: &[CardId],
) -> anyhow::Result<HashMap<(CardId, OfferId), i64>> {
    let mut out = HashMap::new();
    if cards.is_empty() {
        return Ok(out);
    }
    let sql = format!(
        "SELECT card_id, offer_id, CAST(COUNT(*) AS BIGINT) AS n FROM offer_uses
         WHERE card_id IN ({}) GROUP BY card_id, offer_id",
        super::parameters(1, cards.len())
    );
    let mut query = sqlx::query(&sql);
    for card in cards {
        query = query.bind(card.to_string());
    }
    for r in query.fetch_all(db).await? {
        out.insert(
            (
                parse_id(r.get::<&str, _>("card_id"))?,
                parse_id(r.get::<&str, _>("offer_id"))?,
            ),
            r.get::<i64, _>("n"),
        );
    }
    Ok(out)
}

/// What these members last did with their offers on the phone: saved, or dismissed (a
/// dismissal stands for good).
pub async fn engagement_of<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    cards: &[CardId],
) -> anyhow::Result<Engagement> {
    let mut out = Engagement::default();
    if cards.is_empty() {
        return Ok(out);
    }
    let sql = format!(
        "SELECT DISTINCT card_id, offer_id, kind FROM card_events
         WHERE kind IN ('offer_saved', 'offer_dismissed') AND offer_id IS NOT NULL
           AND card_id IN ({})",
        super::parameters(1, cards.len())
    );
    let mut query = sqlx::query(&sql);
    for card in cards {
        query = query.bind(card.to_string());
    }
    for r in query.fetch_all(db).await? {
        let key = (
            parse_id(r.get::<&str, _>("card_id"))?,
            parse_id(r.get::<&str, _>("offer_id"))?,
        );
        match r.get::<&str, _>("kind") {
            "offer_saved" => out.saved.insert(key),
            _ => out.dismissed.insert(key),
        };
    }
    Ok(out)
}

/// The offers a member dismissed, and when.
pub async fn dismissals<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
) -> anyhow::Result<Vec<(OfferId, OffsetDateTime)>> {
    sqlx::query(
        "SELECT offer_id, occurred_at FROM card_events
         WHERE card_id = $1 AND kind = 'offer_dismissed' AND offer_id IS NOT NULL",
    )
    .bind(card_id.to_string())
    .fetch_all(db)
    .await?
    .iter()
    .map(|r| {
        Ok((
            parse_id(r.get::<&str, _>("offer_id"))?,
            parse_ts(r.get::<&str, _>("occurred_at"))?,
        ))
    })
    .collect()
}

/// Offers members saved and dismissed, by card and offer.
#[derive(Debug, Default)]
pub struct Engagement {
    pub saved: HashSet<(CardId, OfferId)>,
    pub dismissed: HashSet<(CardId, OfferId)>,
}

/// Uses of the offer by the member that stand, and the highest number taken (a reversed use
/// leaves a gap: numbers are never used again).
pub async fn use_count(
    tx: &mut Tx,
    offer_id: OfferId,
    card_id: CardId,
) -> sqlx::Result<(i64, i64)> {
    let row = sqlx::query(
        "SELECT CAST(COUNT(*) AS BIGINT) AS n, CAST(COALESCE(MAX(use_no), 0) AS BIGINT) AS last
         FROM offer_uses WHERE offer_id = $1 AND card_id = $2",
    )
    .bind(offer_id.to_string())
    .bind(card_id.to_string())
    .fetch_one(&mut **tx)
    .await?;
    Ok((row.get::<i64, _>("n"), row.get::<i64, _>("last")))
}

/// Takes back the use an event recorded (the event was reversed): the member may use the
/// offer again.
pub async fn drop_use(tx: &mut Tx, event_id: EventId) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM offer_uses WHERE event_id = $1")
        .bind(event_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// One use that stands, numbered `use_no` for the member. False: that number was taken
/// meanwhile (another push on another replica): the caller aborts and the tablet retries.
pub struct NewUse {
    pub shop_id: ShopId,
    pub offer_id: OfferId,
    pub offer_version: i32,
    pub card_id: CardId,
    pub use_no: i64,
    pub event_id: EventId,
    pub occurred_at: OffsetDateTime,
}

pub async fn insert_use(tx: &mut Tx, new: &NewUse) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO offer_uses (offer_id, card_id, use_no, shop_id, offer_version, event_id, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
    )
    .bind(new.offer_id.to_string())
    .bind(new.card_id.to_string())
    .bind(new.use_no)
    .bind(new.shop_id.to_string())
    .bind(new.offer_version)
    .bind(new.event_id.to_string())
    .bind(ts(new.occurred_at))
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Each offer's audience and what its members did, for the owner's list (or for the offer
/// `only`, read through the offer's own indexes).
pub async fn counts(
    db: &Db,
    shop_id: ShopId,
    only: Option<OfferId>,
) -> anyhow::Result<HashMap<OfferId, OfferCounts>> {
    let which = if only.is_some() {
        "offer_id = $2"
    } else {
        "shop_id = $1"
    };
    let bind = |sql| shop_query(sql, shop_id, only.map(|v| v.to_string()));
    let mut out: HashMap<OfferId, OfferCounts> = HashMap::new();
    let members = format!(
        "SELECT offer_id,
                CAST(SUM(CASE WHEN left_at IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS eligible,
                CAST(SUM(CASE WHEN left_at IS NULL AND held_out THEN 1 ELSE 0 END) AS BIGINT) AS held_out
         FROM offer_members WHERE shop_id = $1 AND {which} GROUP BY offer_id"
    );
    for r in bind(&members).fetch_all(db).await? {
        let c = out
            .entry(parse_id(r.get::<&str, _>("offer_id"))?)
            .or_default();
        c.eligible = r.get::<i64, _>("eligible");
        c.held_out = r.get::<i64, _>("held_out");
    }
    let engagement = format!(
        "SELECT offer_id, kind, CAST(COUNT(DISTINCT card_id) AS BIGINT) AS n FROM card_events
         WHERE shop_id = $1 AND offer_id IS NOT NULL AND {which} GROUP BY offer_id, kind"
    );
    for r in bind(&engagement).fetch_all(db).await? {
        let c = out
            .entry(parse_id(r.get::<&str, _>("offer_id"))?)
            .or_default();
        let n = r.get::<i64, _>("n");
        match r.get::<&str, _>("kind") {
            "offer_shown" => c.shown = n,
            "offer_opened" => c.opened = n,
            "offer_saved" => c.saved = n,
            "offer_dismissed" => c.dismissed = n,
            _ => {}
        }
    }
    let uses = format!(
        "SELECT offer_id, CAST(COUNT(*) AS BIGINT) AS n FROM offer_uses
         WHERE shop_id = $1 AND {which} GROUP BY offer_id"
    );
    for r in bind(&uses).fetch_all(db).await? {
        out.entry(parse_id(r.get::<&str, _>("offer_id"))?)
            .or_default()
            .used = r.get::<i64, _>("n");
    }
    Ok(out)
}

/// Shops with an active offer (the audience refresh goes through them).
pub async fn shops_with_active<'e, E: sqlx::AnyExecutor<'e>>(db: E) -> anyhow::Result<Vec<ShopId>> {
    sqlx::query_scalar::<_, String>("SELECT DISTINCT shop_id FROM offers WHERE status = 'active'")
        .fetch_all(db)
        .await?
        .iter()
        .map(|id| parse_id(id))
        .collect()
}

/// What targeting reads of every member of a shop: consent, lifetime visits and spend, first
/// and last visit day, and the categories bought.
pub struct MemberRow {
    pub card_id: CardId,
    pub consent: bool,
    pub visits: i64,
    pub spend_minor: i64,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    pub categories: Vec<String>,
}

pub async fn member_rows<'e, E: sqlx::AnyExecutor<'e> + Copy>(
    db: E,
    shop_id: ShopId,
    only: Option<CardId>,
) -> anyhow::Result<Vec<MemberRow>> {
    let bind = |sql| shop_query(sql, shop_id, only.map(|v| v.to_string()));
    // The members who buy each category, as one list per category (see `list_items`).
    let mut categories: HashMap<CardId, Vec<String>> = HashMap::new();
    let sql = format!(
        "SELECT category, string_agg(card_id, ',') AS cards FROM member_categories
         WHERE shop_id = $1 AND purchases > 0 {} GROUP BY category",
        if only.is_some() {
            "AND card_id = $2"
        } else {
            ""
        }
    );
    for r in bind(&sql).fetch_all(db).await? {
        let category: String = r.get("category");
        for card in super::list_items(r.get::<Option<&str>, _>("cards")) {
            categories
                .entry(parse_id(card)?)
                .or_default()
                .push(category.clone());
        }
    }
    let sql = format!(
        "SELECT c.id, CASE WHEN c.offers_consent THEN 1 ELSE 0 END AS consent,
                COALESCE(m.visits, 0) AS visits, COALESCE(m.amount_minor, 0) AS spend,
                m.first_day, m.last_day
         FROM cards c LEFT JOIN member_summaries m ON m.card_id = c.id
         WHERE c.shop_id = $1 AND c.revoked_at IS NULL {}",
        if only.is_some() { "AND c.id = $2" } else { "" }
    );
    bind(&sql)
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            let card_id: CardId = parse_id(r.get::<&str, _>("id"))?;
            Ok(MemberRow {
                card_id,
                consent: super::flag(r, "consent"),
                visits: r.get::<i64, _>("visits"),
                spend_minor: r.get::<i64, _>("spend"),
                first_day: r.get("first_day"),
                last_day: r.get("last_day"),
                categories: categories.remove(&card_id).unwrap_or_default(),
            })
        })
        .collect()
}

/// Sets a member's choice about offers picked from their history, and when they made it.
pub async fn set_consent<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
    consent: bool,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE cards SET offers_consent = $1, offers_consent_at = $2 WHERE id = $3")
        .bind(consent)
        .bind(ts(super::now()))
        .bind(card_id.to_string())
        .execute(db)
        .await?;
    Ok(())
}

/// A member's choice and when they made it.
pub async fn consent<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
) -> anyhow::Result<(bool, Option<OffsetDateTime>)> {
    let row = sqlx::query(
        "SELECT CASE WHEN offers_consent THEN 1 ELSE 0 END AS consent, offers_consent_at
         FROM cards WHERE id = $1",
    )
    .bind(card_id.to_string())
    .fetch_optional(db)
    .await?;
    Ok(match row {
        Some(r) => (
            super::flag(&r, "consent"),
            r.get::<Option<&str>, _>("offers_consent_at")
                .map(parse_ts)
                .transpose()?,
        ),
        None => (false, None),
    })
}

/// Visits, the category bought most (its id) and the last visit day of these members, from
/// their summaries.
pub async fn regular_lines<'e, E: sqlx::AnyExecutor<'e> + Copy>(
    db: E,
    cards: &[CardId],
) -> anyhow::Result<Vec<(CardId, regulars_protocol::offers::RegularLine)>> {
    if cards.is_empty() {
        return Ok(vec![]);
    }
    let list = super::parameters(1, cards.len());
    fn bind<'q>(
        sql: &'q str,
        cards: &[CardId],
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        let mut query = sqlx::query(sql);
        for card in cards {
            query = query.bind(card.to_string());
        }
        query
    }
    let mut favourite: HashMap<CardId, (i64, String)> = HashMap::new();
    let sql = format!(
        "SELECT card_id, category, purchases FROM member_categories
         WHERE purchases > 0 AND card_id IN ({list})"
    );
    for r in bind(&sql, cards).fetch_all(db).await? {
        let card: CardId = parse_id(r.get::<&str, _>("card_id"))?;
        let (n, category) = (r.get::<i64, _>("purchases"), r.get::<String, _>("category"));
        let best = favourite.entry(card).or_insert((0, String::new()));
        if n > best.0 || (n == best.0 && category < best.1) {
            *best = (n, category);
        }
    }
    let sql = format!(
        "SELECT card_id, visits, last_day FROM member_summaries
         WHERE visits > 0 AND card_id IN ({list})"
    );
    bind(&sql, cards)
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            let card: CardId = parse_id(r.get::<&str, _>("card_id"))?;
            Ok((
                card,
                regulars_protocol::offers::RegularLine {
                    visits: r.get::<i64, _>("visits"),
                    favourite: favourite.get(&card).map(|(_, c)| c.clone()),
                    last_visit: r.get("last_day"),
                },
            ))
        })
        .collect()
}

/// One member's reaction to one offer: shown, saved, dismissed (and when) and uses that stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReactionRow {
    pub offer_id: OfferId,
    pub card_id: CardId,
    pub shown: bool,
    pub saved: bool,
    pub dismissed_at: Option<OffsetDateTime>,
    pub uses: i64,
}

/// Every member's reactions to the shop's offers, or one member's.
pub async fn reactions<'e, E: sqlx::AnyExecutor<'e> + Copy>(
    db: E,
    shop_id: ShopId,
    card: Option<CardId>,
) -> anyhow::Result<Vec<ReactionRow>> {
    let mut out: HashMap<(OfferId, CardId), ReactionRow> = HashMap::new();
    fn row(
        out: &mut HashMap<(OfferId, CardId), ReactionRow>,
        offer_id: OfferId,
        card_id: CardId,
    ) -> &mut ReactionRow {
        out.entry((offer_id, card_id)).or_insert(ReactionRow {
            offer_id,
            card_id,
            shown: false,
            saved: false,
            dismissed_at: None,
            uses: 0,
        })
    }
    match card {
        // One member's: by the card alone, so the card's index is used (a card is one
        // shop's; naming the shop too led SQLite to scan the shop's offer events).
        Some(card) => {
            for r in sqlx::query(
                "SELECT offer_id, kind, MIN(occurred_at) AS at FROM card_events
                 WHERE card_id = $1 AND offer_id IS NOT NULL
                   AND kind IN ('offer_shown', 'offer_saved', 'offer_dismissed')
                 GROUP BY offer_id, kind",
            )
            .bind(card.to_string())
            .fetch_all(db)
            .await?
            {
                let reaction = row(&mut out, parse_id(r.get::<&str, _>("offer_id"))?, card);
                match r.get::<&str, _>("kind") {
                    "offer_shown" => reaction.shown = true,
                    "offer_saved" => reaction.saved = true,
                    _ => reaction.dismissed_at = Some(parse_ts(r.get::<&str, _>("at"))?),
                }
            }
            for r in sqlx::query(
                "SELECT offer_id, CAST(COUNT(*) AS BIGINT) AS n FROM offer_uses
                 WHERE card_id = $1 GROUP BY offer_id",
            )
            .bind(card.to_string())
            .fetch_all(db)
            .await?
            {
                row(&mut out, parse_id(r.get::<&str, _>("offer_id"))?, card).uses =
                    r.get::<i64, _>("n");
            }
        }
        // The whole shop's: shown and saved as one list of cards per offer (a card appears
        // once per event; a second one changes nothing), dismissals with their first time, and
        // uses counted per member.
        None => {
            for r in sqlx::query(
                "SELECT offer_id, kind, string_agg(card_id, ',') AS cards FROM card_events
                 WHERE shop_id = $1 AND offer_id IS NOT NULL
                   AND kind IN ('offer_shown', 'offer_saved')
                 GROUP BY offer_id, kind",
            )
            .bind(shop_id.to_string())
            .fetch_all(db)
            .await?
            {
                let offer_id: OfferId = parse_id(r.get::<&str, _>("offer_id"))?;
                let saved = r.get::<&str, _>("kind") == "offer_saved";
                for card in super::list_items(r.get::<Option<&str>, _>("cards")) {
                    let reaction = row(&mut out, offer_id, parse_id(card)?);
                    if saved {
                        reaction.saved = true;
                    } else {
                        reaction.shown = true;
                    }
                }
            }
            for r in sqlx::query(
                "SELECT offer_id, card_id, MIN(occurred_at) AS at FROM card_events
                 WHERE shop_id = $1 AND offer_id IS NOT NULL AND kind = 'offer_dismissed'
                 GROUP BY offer_id, card_id",
            )
            .bind(shop_id.to_string())
            .fetch_all(db)
            .await?
            {
                row(
                    &mut out,
                    parse_id(r.get::<&str, _>("offer_id"))?,
                    parse_id(r.get::<&str, _>("card_id"))?,
                )
                .dismissed_at = Some(parse_ts(r.get::<&str, _>("at"))?);
            }
            for r in sqlx::query(
                "SELECT offer_id, string_agg(card_id || ':' || CAST(n AS TEXT), ',') AS cards
                 FROM (SELECT offer_id, card_id, COUNT(*) AS n FROM offer_uses
                       WHERE shop_id = $1 GROUP BY offer_id, card_id) u
                 GROUP BY offer_id",
            )
            .bind(shop_id.to_string())
            .fetch_all(db)
            .await?
            {
                let offer_id: OfferId = parse_id(r.get::<&str, _>("offer_id"))?;
                for item in super::list_items(r.get::<Option<&str>, _>("cards")) {
                    let (card_id, n) = super::id_and_count(item)?;
                    row(&mut out, offer_id, card_id).uses = n;
                }
            }
        }
    }
    let mut rows: Vec<ReactionRow> = out.into_values().collect();
    rows.sort_by_key(|r| (r.card_id, r.offer_id));
    Ok(rows)
}

/// Every member's place in the audiences of the shop's offers now: the offers they are in the
/// audience of, and whether they are held out.
pub async fn audiences<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> anyhow::Result<HashMap<CardId, Vec<(OfferId, bool)>>> {
    let mut out: HashMap<CardId, Vec<(OfferId, bool)>> = HashMap::new();
    // Grouped by the columns themselves (not the flag made of one), so the read walks the
    // `offer_members_current` index in order (migration 0014).
    for r in sqlx::query(
        "SELECT offer_id, CASE WHEN held_out THEN 1 ELSE 0 END AS out,
                string_agg(card_id, ',') AS cards
         FROM offer_members WHERE shop_id = $1 AND left_at IS NULL GROUP BY offer_id, held_out",
    )
    .bind(shop_id.to_string())
    .fetch_all(db)
    .await?
    {
        let offer_id: OfferId = parse_id(r.get::<&str, _>("offer_id"))?;
        let held_out = super::flag(&r, "out");
        for card in super::list_items(r.get::<Option<&str>, _>("cards")) {
            out.entry(parse_id(card)?)
                .or_default()
                .push((offer_id, held_out));
        }
    }
    Ok(out)
}

/// One member's place in the audiences of offers now (as [`audiences`]).
pub async fn audience_of<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    card_id: CardId,
) -> anyhow::Result<Vec<(OfferId, bool)>> {
    sqlx::query(
        "SELECT offer_id, CASE WHEN held_out THEN 1 ELSE 0 END AS held_out
         FROM offer_members WHERE card_id = $1 AND left_at IS NULL",
    )
    .bind(card_id.to_string())
    .fetch_all(db)
    .await?
    .iter()
    .map(|r| {
        Ok((
            parse_id(r.get::<&str, _>("offer_id"))?,
            super::flag(r, "held_out"),
        ))
    })
    .collect()
}

/// Members' visits with a purchase and their purchases by category, from their summaries:
/// every member of the shop, or one.
pub async fn purchase_histories<'e, E: sqlx::AnyExecutor<'e> + Copy>(
    db: E,
    shop_id: ShopId,
    card: Option<CardId>,
) -> anyhow::Result<HashMap<CardId, (i64, HashMap<String, i64>)>> {
    let filter = if card.is_some() {
        "AND card_id = $2"
    } else {
        ""
    };
    let bind = |sql| shop_query(sql, shop_id, card.map(|v| v.to_string()));
    // Each as a list of `card:count` (see `list_items`): one row for the shop's visits and one
    // per category, however many members.
    let mut out: HashMap<CardId, (i64, HashMap<String, i64>)> = HashMap::new();
    let visits = format!(
        "SELECT string_agg(card_id || ':' || CAST(visits AS TEXT), ',') AS cards
         FROM member_summaries WHERE shop_id = $1 AND visits > 0 {filter}"
    );
    for r in bind(&visits).fetch_all(db).await? {
        for item in super::list_items(r.get::<Option<&str>, _>("cards")) {
            let (card_id, visits) = super::id_and_count(item)?;
            out.entry(card_id).or_default().0 = visits;
        }
    }
    let purchases = format!(
        "SELECT category, string_agg(card_id || ':' || CAST(purchases AS TEXT), ',') AS cards
         FROM member_categories WHERE shop_id = $1 AND purchases > 0 {filter}
         GROUP BY category"
    );
    for r in bind(&purchases).fetch_all(db).await? {
        let category: String = r.get("category");
        for item in super::list_items(r.get::<Option<&str>, _>("cards")) {
            let (card_id, n) = super::id_and_count(item)?;
            out.entry(card_id)
                .or_default()
                .1
                .insert(category.clone(), n);
        }
    }
    Ok(out)
}

/// Visits and spend of the offer's members (past and present) on the shop days from `first` to
/// `last`, for its effect.
pub async fn visits_in<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    offer_id: OfferId,
    first: &str,
    last: &str,
) -> anyhow::Result<HashMap<CardId, (i64, i64)>> {
    sqlx::query(
        "SELECT v.card_id, CAST(COUNT(*) AS BIGINT) AS visits,
                CAST(SUM(v.amount_minor) AS BIGINT) AS spend
         FROM visit_days v JOIN offer_members m ON m.card_id = v.card_id AND m.offer_id = $2
         WHERE v.shop_id = $1 AND v.day >= $3 AND v.day <= $4 AND v.earnings > 0
         GROUP BY v.card_id",
    )
    .bind(shop_id.to_string())
    .bind(offer_id.to_string())
    .bind(first)
    .bind(last)
    .fetch_all(db)
    .await?
    .iter()
    .map(|r| {
        Ok((
            parse_id(r.get::<&str, _>("card_id"))?,
            (r.get::<i64, _>("visits"), r.get::<i64, _>("spend")),
        ))
    })
    .collect()
}

/// Every visit with a purchase at the shop from `first` to `last` (shop days): each member's
/// days and spend, for the effects of the owner's list.
pub async fn visit_days_between<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    first: &str,
    last: &str,
) -> anyhow::Result<HashMap<CardId, Vec<(String, i64)>>> {
    let mut out: HashMap<CardId, Vec<(String, i64)>> = HashMap::new();
    for r in sqlx::query(
        "SELECT card_id, day, amount_minor FROM visit_days
         WHERE shop_id = $1 AND day >= $2 AND day <= $3 AND earnings > 0",
    )
    .bind(shop_id.to_string())
    .bind(first)
    .bind(last)
    .fetch_all(db)
    .await?
    {
        out.entry(parse_id(r.get::<&str, _>("card_id"))?)
            .or_default()
            .push((r.get("day"), r.get::<i64, _>("amount_minor")));
    }
    Ok(out)
}

/// How many members dismissed each of the shop's offers.
pub async fn dismissed_by_offer<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
) -> anyhow::Result<HashMap<OfferId, i64>> {
    sqlx::query(
        "SELECT offer_id, CAST(COUNT(DISTINCT card_id) AS BIGINT) AS n FROM card_events
         WHERE shop_id = $1 AND kind = 'offer_dismissed' AND offer_id IS NOT NULL
         GROUP BY offer_id",
    )
    .bind(shop_id.to_string())
    .fetch_all(db)
    .await?
    .iter()
    .map(|r| {
        Ok((
            parse_id(r.get::<&str, _>("offer_id"))?,
            r.get::<i64, _>("n"),
        ))
    })
    .collect()
}

/// Members who dismissed the offer.
pub async fn dismissed_by<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    offer_id: OfferId,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(DISTINCT card_id) AS BIGINT) FROM card_events
         WHERE offer_id = $1 AND kind = 'offer_dismissed'",
    )
    .bind(offer_id.to_string())
    .fetch_one(db)
    .await
}
