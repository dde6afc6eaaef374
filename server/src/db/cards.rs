//! Cards: the members of a shop's program.

use regulars_protocol::wire::DirectoryCard;
use regulars_protocol::{CardId, DeviceId, ShopId};
use sqlx::Row;
use time::OffsetDateTime;

use super::{Db, Tx, now, parse_id, parse_ts, ts};

pub struct CardRow {
    pub id: CardId,
    pub shop_id: ShopId,
    pub first_name: Option<String>,
    pub email: Option<String>,
    pub created_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    pub revoked: bool,
    /// The phone's card key in its wire form (None: an old card, or a printed one).
    pub public_key: Option<String>,
    pub printed: bool,
}

const COLUMNS: &str = "id, shop_id, first_name, email, created_at, revoked_at, public_key,
                       CASE WHEN printed THEN 1 ELSE 0 END AS printed";

fn from_row(r: &sqlx::any::AnyRow) -> anyhow::Result<CardRow> {
    Ok(CardRow {
        id: parse_id(r.get::<&str, _>("id"))?,
        shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
        first_name: r.get("first_name"),
        email: r.get("email"),
        created_at: parse_ts(r.get::<&str, _>("created_at"))?,
        revoked_at: r
            .get::<Option<&str>, _>("revoked_at")
            .map(parse_ts)
            .transpose()?,
        revoked: r.get::<Option<String>, _>("revoked_at").is_some(),
        public_key: r.get("public_key"),
        printed: super::flag(r, "printed"),
    })
}

/// What a new card starts with.
pub struct NewCard<'a> {
    pub id: CardId,
    pub shop_id: ShopId,
    pub token_hash: &'a str,
    pub first_name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub public_key: Option<&'a str>,
    pub recovery_hash: Option<&'a str>,
    pub printed: bool,
}

/// A new card with an empty balance, in one transaction. `seq` is the shop counter value of
/// this change.
pub async fn insert(tx: &mut Tx, seq: i64, card: &NewCard<'_>) -> sqlx::Result<()> {
    insert_at(tx, seq, card, now()).await
}

/// [`insert`] with the time the member joined (an imported member joined at their first
/// purchase).
pub async fn insert_at(
    tx: &mut Tx,
    seq: i64,
    card: &NewCard<'_>,
    joined: OffsetDateTime,
) -> sqlx::Result<()> {
    let at = ts(joined);
    let NewCard { id, shop_id, .. } = *card;
    sqlx::query(
        "INSERT INTO cards (id, shop_id, token_hash, first_name, email, created_at, changed_seq,
                            public_key, recovery_hash, printed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(card.token_hash)
    .bind(card.first_name)
    .bind(card.email)
    .bind(&at)
    .bind(seq)
    .bind(card.public_key)
    .bind(card.recovery_hash)
    .bind(card.printed)
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
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM cards WHERE token_hash = $1"
    ))
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// The card with this id in this shop. A card of another shop is not found.
pub async fn find<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    id: CardId,
) -> anyhow::Result<Option<CardRow>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM cards WHERE id = $1 AND shop_id = $2"
    ))
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .fetch_optional(db)
    .await?;
    row.as_ref().map(from_row).transpose()
}

/// The shop's cards among `ids` (one query).
pub async fn find_many<'e, E: sqlx::AnyExecutor<'e>>(
    db: E,
    shop_id: ShopId,
    ids: &[CardId],
) -> anyhow::Result<Vec<CardRow>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM cards WHERE shop_id = $1 AND id IN ({})",
        super::parameters(2, ids.len())
    );
    let mut query = sqlx::query(&sql).bind(shop_id.to_string());
    for id in ids {
        query = query.bind(id.to_string());
    }
    query.fetch_all(db).await?.iter().map(from_row).collect()
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

/// Registers a card's key if it has none yet. False if it already had one.
pub async fn set_key_if_none(
    tx: &mut Tx,
    seq: i64,
    id: CardId,
    public_key: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE cards SET public_key = $1, changed_seq = $2 WHERE id = $3 AND public_key IS NULL",
    )
    .bind(public_key)
    .bind(seq)
    .bind(id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces the card's recovery code (the old one stops working).
pub async fn set_recovery_hash(db: &Db, id: CardId, recovery_hash: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE cards SET recovery_hash = $1 WHERE id = $2")
        .bind(recovery_hash)
        .bind(id.to_string())
        .execute(db)
        .await?;
    Ok(())
}

/// Whether a live phone card has this recovery code (under either of its hashes: the keyed one,
/// or the previous release's plain one).
pub async fn recovery_code_exists(db: &Db, recovery_hashes: &[String; 2]) -> sqlx::Result<bool> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT id FROM cards WHERE recovery_hash IN ($1, $2) AND revoked_at IS NULL AND printed = FALSE",
    )
    .bind(&recovery_hashes[0])
    .bind(&recovery_hashes[1])
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// Moves the card behind a recovery code to a new phone: a new token, key and recovery code;
/// the old ones stop working at once. None if no live phone card has this recovery code.
pub async fn recover(
    tx: &mut Tx,
    recovery_hashes: &[String; 2],
    token_hash: &str,
    public_key: &str,
    new_recovery_hash: &str,
) -> anyhow::Result<Option<CardRow>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM cards WHERE recovery_hash IN ($1, $2) AND revoked_at IS NULL AND printed = FALSE"
    ))
    .bind(&recovery_hashes[0])
    .bind(&recovery_hashes[1])
    .fetch_optional(&mut **tx)
    .await?;
    let Some(card) = row.as_ref().map(from_row).transpose()? else {
        return Ok(None);
    };
    let seq = super::events::next_seq(tx, card.shop_id).await?;
    sqlx::query(
        "UPDATE cards SET token_hash = $1, public_key = $2, recovery_hash = $3, changed_seq = $4 WHERE id = $5",
    )
    .bind(token_hash)
    .bind(public_key)
    .bind(new_recovery_hash)
    .bind(seq)
    .bind(card.id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(Some(card))
}

/// Blocks a card: its token and codes are refused from now on. False if it was not found in
/// this shop or was already blocked.
pub async fn revoke(tx: &mut Tx, seq: i64, shop_id: ShopId, id: CardId) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE cards SET revoked_at = $1, changed_seq = $2 WHERE id = $3 AND shop_id = $4 AND revoked_at IS NULL",
    )
    .bind(ts(now()))
    .bind(seq)
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The shop's members, newest first, with their balances.
pub async fn list(
    db: &Db,
    shop_id: ShopId,
    limit: i64,
) -> anyhow::Result<Vec<(CardRow, regulars_protocol::Balance)>> {
    let rows = sqlx::query(&format!(
        "SELECT {}, b.balance, b.earned, b.redeemed, b.rewards_redeemed, b.visits
         FROM cards c JOIN balances b ON b.card_id = c.id
         WHERE c.shop_id = $1 ORDER BY c.created_at DESC, c.id LIMIT $2",
        COLUMNS
            .split(", ")
            .map(|c| format!("c.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .bind(shop_id.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| Ok((from_row(r)?, super::events::balance_from_row(r))))
        .collect()
}

/// Records that `device` used the code of (card, step). Returns the device that used it first:
/// this one, or another (a copied code).
pub async fn use_code(
    tx: &mut Tx,
    card_id: CardId,
    step: u32,
    device: DeviceId,
) -> anyhow::Result<DeviceId> {
    // One statement: a step already claimed is "updated" to itself, which returns its device.
    let first: String = sqlx::query_scalar(
        "INSERT INTO code_uses (card_id, step, device_id, used_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (card_id, step) DO UPDATE SET device_id = code_uses.device_id
         RETURNING device_id",
    )
    .bind(card_id.to_string())
    .bind(i64::from(step))
    .bind(device.to_string())
    .bind(ts(now()))
    .fetch_one(&mut **tx)
    .await?;
    parse_id(&first)
}

/// [`mark_changed`] for many cards, each at its own shop counter value (a statement per 2,000).
pub async fn mark_many_changed(tx: &mut Tx, changes: &[(CardId, i64)]) -> sqlx::Result<()> {
    // Joined with a VALUES list (both engines name its columns column1, column2): a `CASE id
    // WHEN ...` of a chunk's cards made every updated row walk the whole list.
    for chunk in changes.chunks(super::ROWS_PER_STATEMENT) {
        let sql = format!(
            "UPDATE cards SET changed_seq = v.column2 FROM (VALUES {}) AS v
             WHERE cards.id = v.column1",
            super::value_rows(1, chunk.len(), 2)
        );
        let mut query = sqlx::query(&sql);
        for (id, seq) in chunk {
            query = query.bind(id.to_string()).bind(*seq);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Notes that a card changed at shop counter value `seq` (a tablet pulls it again).
pub async fn mark_changed(tx: &mut Tx, id: CardId, seq: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE cards SET changed_seq = $1 WHERE id = $2")
        .bind(seq)
        .bind(id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Cards of a shop changed after `cursor`, oldest change first, with their balances.
pub async fn changed_since(
    db: &Db,
    shop_id: ShopId,
    cursor: i64,
    limit: i64,
) -> anyhow::Result<Vec<DirectoryCard>> {
    let rows = sqlx::query(
        "SELECT c.id, c.first_name, c.revoked_at, c.changed_seq, c.public_key, CASE WHEN c.printed THEN 1 ELSE 0 END AS printed,
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
                public_key: r.get("public_key"),
                printed: super::flag(r, "printed"),
                offers: vec![],
                regular: None,
            })
        })
        .collect()
}
