//! Cards: the members of a shop's program.

use regulars_protocol::wire::DirectoryCard;
use regulars_protocol::{CardId, ShopId};
use sqlx::Row;
use time::OffsetDateTime;

use super::{Db, Tx, now, parse_id, parse_ts, ts};

pub struct CardRow {
    pub id: CardId,
    pub shop_id: ShopId,
    pub first_name: Option<String>,
    pub email: Option<String>,
    pub created_at: OffsetDateTime,
    pub revoked: bool,
}

const COLUMNS: &str = "id, shop_id, first_name, email, created_at, revoked_at";

fn from_row(r: &sqlx::sqlite::SqliteRow) -> anyhow::Result<CardRow> {
    Ok(CardRow {
        id: parse_id(r.get::<&str, _>("id"))?,
        shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
        first_name: r.get("first_name"),
        email: r.get("email"),
        created_at: parse_ts(r.get::<&str, _>("created_at"))?,
        revoked: r.get::<Option<String>, _>("revoked_at").is_some(),
    })
}

/// A new card with an empty balance, in one transaction. `seq` is the shop counter value of
/// this change.
pub async fn insert(
    tx: &mut Tx,
    seq: i64,
    id: CardId,
    shop_id: ShopId,
    token_hash: &str,
    first_name: Option<&str>,
    email: Option<&str>,
) -> sqlx::Result<()> {
    let at = ts(now());
    sqlx::query(
        "INSERT INTO cards (id, shop_id, token_hash, first_name, email, created_at, changed_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(token_hash)
    .bind(first_name)
    .bind(email)
    .bind(&at)
    .bind(seq)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO balances (card_id, shop_id, balance, earned, redeemed, rewards_redeemed, visits, last_seq, updated_at)
         VALUES ($1, $2, 0, 0, 0, 0, 0, 0, $3)",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(&at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn find_by_token(db: &Db, token_hash: &str) -> anyhow::Result<Option<CardRow>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM cards WHERE token_hash = $1"))
        .bind(token_hash)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// The card with this id in this shop. A card of another shop is not found.
pub async fn find<'e, E: sqlx::SqliteExecutor<'e>>(db: E, shop_id: ShopId, id: CardId) -> anyhow::Result<Option<CardRow>> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM cards WHERE id = $1 AND shop_id = $2"))
        .bind(id.to_string())
        .bind(shop_id.to_string())
        .fetch_optional(db)
        .await?;
    row.as_ref().map(from_row).transpose()
}

pub async fn update_profile(
    tx: &mut Tx,
    seq: i64,
    id: CardId,
    first_name: Option<&str>,
    email: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE cards SET first_name = $1, email = $2, changed_seq = $3 WHERE id = $4")
        .bind(first_name)
        .bind(email)
        .bind(seq)
        .bind(id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Notes that a card changed at shop counter value `seq` (a tablet pulls it again).
pub async fn mark_changed(tx: &mut Tx, id: CardId, seq: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE cards SET changed_seq = $1 WHERE id = $2").bind(seq).bind(id.to_string()).execute(&mut **tx).await?;
    Ok(())
}

/// Cards of a shop changed after `cursor`, oldest change first, with their balances.
pub async fn changed_since(db: &Db, shop_id: ShopId, cursor: i64, limit: i64) -> anyhow::Result<Vec<DirectoryCard>> {
    let rows = sqlx::query(
        "SELECT c.id, c.first_name, c.revoked_at, c.changed_seq,
                b.balance, b.earned, b.redeemed, b.rewards_redeemed, b.visits
         FROM cards c JOIN balances b ON b.card_id = c.id
         WHERE c.shop_id = $1 AND c.changed_seq > $2
         ORDER BY c.changed_seq ASC LIMIT $3",
    )
    .bind(shop_id.to_string())
    .bind(cursor)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(DirectoryCard {
                card_id: parse_id(r.get::<&str, _>("id"))?,
                first_name: r.get("first_name"),
                revoked: r.get::<Option<String>, _>("revoked_at").is_some(),
                changed_seq: r.get("changed_seq"),
                balance: super::events::balance_from_row(r),
            })
        })
        .collect()
}
