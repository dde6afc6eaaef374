//! Cards: the members of a shop's program.

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

/// A new card with an empty balance, in one transaction.
pub async fn insert(
    tx: &mut Tx,
    id: CardId,
    shop_id: ShopId,
    token_hash: &str,
    first_name: Option<&str>,
    email: Option<&str>,
) -> sqlx::Result<()> {
    let at = ts(now());
    sqlx::query(
        "INSERT INTO cards (id, shop_id, token_hash, first_name, email, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(token_hash)
    .bind(first_name)
    .bind(email)
    .bind(&at)
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

pub async fn update_profile(db: &Db, id: CardId, first_name: Option<&str>, email: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("UPDATE cards SET first_name = $1, email = $2 WHERE id = $3")
        .bind(first_name)
        .bind(email)
        .bind(id.to_string())
        .execute(db)
        .await?;
    Ok(())
}
