//! Paired tablets and the one-time codes that pair them.

use regulars_protocol::{DeviceId, LocationId, ShopId};
use sqlx::Row;
use time::{Duration, OffsetDateTime};

use super::{Db, Tx, now, parse_id, ts};

pub struct DeviceRow {
    pub id: DeviceId,
    pub shop_id: ShopId,
    pub location_id: LocationId,
    /// When the owner (or too many wrong PINs) unpaired it.
    pub revoked_at: Option<OffsetDateTime>,
    /// When it was last seen ([`touch`]).
    pub last_seen_at: Option<OffsetDateTime>,
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
pub async fn consume_pairing_code(
    tx: &mut Tx,
    code_hash: &str,
) -> anyhow::Result<Option<(ShopId, LocationId)>> {
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
    row.map(|r| {
        Ok((
            parse_id(r.get::<&str, _>("shop_id"))?,
            parse_id(r.get::<&str, _>("location_id"))?,
        ))
    })
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
    let row = sqlx::query(
        "SELECT id, shop_id, location_id, revoked_at, last_seen_at FROM devices WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        Ok(DeviceRow {
            id: parse_id(r.get::<&str, _>("id"))?,
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            location_id: parse_id(r.get::<&str, _>("location_id"))?,
            revoked_at: r
                .get::<Option<String>, _>("revoked_at")
                .as_deref()
                .map(super::parse_ts)
                .transpose()?,
            last_seen_at: r
                .get::<Option<String>, _>("last_seen_at")
                .as_deref()
                .map(super::parse_ts)
                .transpose()?,
        })
    })
    .transpose()
}

/// How often a tablet's "last seen" is written: reads stay reads in between.
pub const SEEN_EVERY: Duration = Duration::minutes(1);

/// Notes that the device was seen, at most once a minute ([`SEEN_EVERY`]).
pub async fn touch(db: &Db, id: DeviceId) -> sqlx::Result<()> {
    let at = now();
    sqlx::query("UPDATE devices SET last_seen_at = $1 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)")
        .bind(ts(at))
        .bind(id.to_string())
        .bind(ts(at - SEEN_EVERY))
        .execute(db)
        .await?;
    Ok(())
}

/// A shop's tablets as the owner's device list shows them, newest first.
pub async fn list(
    db: &Db,
    shop_id: ShopId,
) -> anyhow::Result<Vec<regulars_protocol::wire::DeviceInfo>> {
    let rows = sqlx::query(
        "SELECT d.id, d.name, d.location_id, l.name AS location_name, d.created_at, d.last_seen_at, d.revoked_at
         FROM devices d JOIN locations l ON l.id = d.location_id
         WHERE d.shop_id = $1 ORDER BY d.created_at DESC, d.id",
    )
    .bind(shop_id.to_string())
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let at = |column: &str| {
                r.get::<Option<&str>, _>(column)
                    .map(super::parse_ts)
                    .transpose()
            };
            Ok(regulars_protocol::wire::DeviceInfo {
                id: parse_id(r.get::<&str, _>("id"))?,
                name: r.get("name"),
                location_id: parse_id(r.get::<&str, _>("location_id"))?,
                location_name: r.get("location_name"),
                created_at: super::parse_ts(r.get::<&str, _>("created_at"))?,
                last_seen_at: at("last_seen_at")?,
                revoked_at: at("revoked_at")?,
            })
        })
        .collect()
}

/// Unpairs a tablet of this shop (a second time changes nothing); `false` if the shop has no
/// such tablet. Its credential is refused from its next request on.
pub async fn revoke(db: &Db, shop_id: ShopId, id: DeviceId) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND shop_id = $3",
    )
    .bind(ts(now()))
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Wrong PINs in a row on a tablet, and until when it checks none.
pub async fn pin_state(db: &Db, id: DeviceId) -> anyhow::Result<(u32, Option<OffsetDateTime>)> {
    let row = sqlx::query("SELECT pin_failures, pin_locked_until FROM devices WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(db)
        .await?;
    let failures: i64 = row.get("pin_failures");
    let until = row
        .get::<Option<&str>, _>("pin_locked_until")
        .map(super::parse_ts)
        .transpose()?;
    Ok((u32::try_from(failures).unwrap_or(u32::MAX), until))
}

/// Counts `count` more wrong PINs; returns the number in a row now.
pub async fn add_pin_failures(db: &Db, id: DeviceId, count: u32) -> anyhow::Result<u32> {
    let failures: i64 = sqlx::query_scalar(
        "UPDATE devices SET pin_failures = pin_failures + $1 WHERE id = $2 RETURNING pin_failures",
    )
    .bind(i64::from(count))
    .bind(id.to_string())
    .fetch_one(db)
    .await?;
    Ok(u32::try_from(failures).unwrap_or(u32::MAX))
}

/// Pauses PIN checks on the tablet until `until` (a later pause already set stays).
pub async fn lock_pins(db: &Db, id: DeviceId, until: OffsetDateTime) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE devices SET pin_locked_until = $1 WHERE id = $2 AND (pin_locked_until IS NULL OR pin_locked_until < $1)",
    )
    .bind(ts(until))
    .bind(id.to_string())
    .execute(db)
    .await?;
    Ok(())
}

/// A right PIN: the count starts again.
pub async fn clear_pin_failures(db: &Db, id: DeviceId) -> sqlx::Result<()> {
    sqlx::query("UPDATE devices SET pin_failures = 0, pin_locked_until = NULL WHERE id = $1 AND pin_failures <> 0")
        .bind(id.to_string())
        .execute(db)
        .await?;
    Ok(())
}

/// Unpairs a tablet after too many wrong PINs.
pub async fn revoke_for_pins(db: &Db, id: DeviceId) -> sqlx::Result<()> {
    sqlx::query("UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2")
        .bind(ts(now()))
        .bind(id.to_string())
        .execute(db)
        .await?;
    Ok(())
}

/// When the tablet last pushed (inside its push transaction), and sets it to now.
pub async fn note_push(tx: &mut super::Tx, id: DeviceId) -> anyhow::Result<Option<OffsetDateTime>> {
    let before: Option<String> =
        sqlx::query_scalar("SELECT last_push_at FROM devices WHERE id = $1")
            .bind(id.to_string())
            .fetch_one(&mut **tx)
            .await?;
    sqlx::query("UPDATE devices SET last_push_at = $1 WHERE id = $2")
        .bind(super::ts(super::now()))
        .bind(id.to_string())
        .execute(&mut **tx)
        .await?;
    before.as_deref().map(super::parse_ts).transpose()
}
