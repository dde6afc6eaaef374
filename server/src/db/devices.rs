//! Paired tablets and the one-time codes that pair them.

use regulars_protocol::{DeviceId, LocationId, ShopId};
use sqlx::Row;
use time::{Duration, OffsetDateTime};

use super::{Db, Tx, now, parse_id, ts};

pub struct DeviceRow {
    pub id: DeviceId,
    pub shop_id: ShopId,
    pub location_id: LocationId,
    pub revoked: bool,
}

pub async fn insert_pairing_code(
    db: &Db,
    code_hash: &str,
    shop_id: ShopId,
    location_id: LocationId,
    expires_at: OffsetDateTime,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO pairing_codes (code_hash, shop_id, location_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(code_hash)
    .bind(shop_id.to_string())
    .bind(location_id.to_string())
    .bind(ts(now()))
    .bind(ts(expires_at))
    .execute(db)
    .await?;
    Ok(())
}

/// Uses up a pairing code: returns its shop and location if it was unused and unexpired.
pub async fn consume_pairing_code(tx: &mut Tx, code_hash: &str) -> anyhow::Result<Option<(ShopId, LocationId)>> {
    let at = ts(now());
    let row = sqlx::query(
        "UPDATE pairing_codes SET used_at = $1
         WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1
         RETURNING shop_id, location_id",
    )
    .bind(&at)
    .bind(code_hash)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| Ok((parse_id(r.get::<&str, _>("shop_id"))?, parse_id(r.get::<&str, _>("location_id"))?)))
        .transpose()
}

pub async fn insert(
    tx: &mut Tx,
    id: DeviceId,
    shop_id: ShopId,
    location_id: LocationId,
    name: &str,
    token_hash: &str,
) -> sqlx::Result<()> {
    let at = ts(now());
    sqlx::query(
        "INSERT INTO devices (id, shop_id, location_id, name, token_hash, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .bind(location_id.to_string())
    .bind(name)
    .bind(token_hash)
    .bind(&at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn find_by_token(db: &Db, token_hash: &str) -> anyhow::Result<Option<DeviceRow>> {
    let row = sqlx::query("SELECT id, shop_id, location_id, revoked_at FROM devices WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(db)
        .await?;
    row.map(|r| {
        Ok(DeviceRow {
            id: parse_id(r.get::<&str, _>("id"))?,
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            location_id: parse_id(r.get::<&str, _>("location_id"))?,
            revoked: r.get::<Option<String>, _>("revoked_at").is_some(),
        })
    })
    .transpose()
}

/// Notes that the device was seen, at most once a minute (so reads stay reads).
pub async fn touch(db: &Db, id: DeviceId) -> sqlx::Result<()> {
    let at = now();
    sqlx::query("UPDATE devices SET last_seen_at = $1 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)")
        .bind(ts(at))
        .bind(id.to_string())
        .bind(ts(at - Duration::minutes(1)))
        .execute(db)
        .await?;
    Ok(())
}
