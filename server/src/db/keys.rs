//! The server's own keys: made once, kept in the database, so every replica uses the same.

use sqlx::Row;

use super::{Db, now, ts};

/// The key under `name`: made (32 random bytes) on first use. Two replicas starting at once
/// both try to make it; the first insert wins and both read it back.
pub async fn get_or_create(db: &Db, name: &str) -> anyhow::Result<Vec<u8>> {
    let mut fresh = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut fresh);
    sqlx::query(
        "INSERT INTO server_keys (name, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(hex::encode(fresh))
    .bind(ts(now()))
    .execute(db)
    .await?;
    let row = sqlx::query("SELECT secret FROM server_keys WHERE name = $1")
        .bind(name)
        .fetch_one(db)
        .await?;
    Ok(hex::decode(row.get::<&str, _>("secret"))?)
}
