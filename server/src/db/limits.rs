//! The rate limits every replica shares (see `crate::limits`): one row per (limit, client key)
//! holding its GCRA "theoretical arrival time" in Unix milliseconds. A key is under its limit
//! while `max(tat, now) + every - now <= burst * every`; each request it makes moves `tat` on
//! by `every`. A row whose `tat` is in the past says no more than a missing row, so pruning
//! removes those.

use super::Db;

/// One request counted against `bucket` for `key` at `now_ms`: `Ok(())` when it is under the
/// limit, else how many milliseconds until it would be. Each statement is atomic on both
/// engines, so replicas counting the same key at once never let more through than the limit.
pub async fn take(
    db: &Db,
    bucket: &str,
    key: &str,
    now_ms: i64,
    every_ms: i64,
    burst: i64,
) -> sqlx::Result<Result<(), i64>> {
    let tolerance = burst * every_ms;
    // Twice: a first request that loses the insert to another replica's counts again here.
    for _ in 0..2 {
        let counted = sqlx::query(
            "UPDATE rate_limits
             SET tat_ms = (CASE WHEN tat_ms > $3 THEN tat_ms ELSE $3 END) + $4
             WHERE bucket = $1 AND key = $2
               AND (CASE WHEN tat_ms > $3 THEN tat_ms ELSE $3 END) + $4 - $3 <= $5",
        )
        .bind(bucket)
        .bind(key)
        .bind(now_ms)
        .bind(every_ms)
        .bind(tolerance)
        .execute(db)
        .await?;
        if counted.rows_affected() == 1 {
            return Ok(Ok(()));
        }
        let first = sqlx::query(
            "INSERT INTO rate_limits (bucket, key, tat_ms) VALUES ($1, $2, $3)
             ON CONFLICT (bucket, key) DO NOTHING",
        )
        .bind(bucket)
        .bind(key)
        .bind(now_ms + every_ms)
        .execute(db)
        .await?;
        if first.rows_affected() == 1 {
            return Ok(Ok(()));
        }
        let tat: Option<i64> =
            sqlx::query_scalar("SELECT tat_ms FROM rate_limits WHERE bucket = $1 AND key = $2")
                .bind(bucket)
                .bind(key)
                .fetch_optional(db)
                .await?;
        if let Some(tat) = tat {
            let over = tat.max(now_ms) + every_ms - now_ms - tolerance;
            if over > 0 {
                return Ok(Err(over));
            }
        }
    }
    // Under the limit on the last look, but taken by others each time: count it as over for a
    // moment rather than let it through uncounted.
    Ok(Err(every_ms))
}

/// Forgets every key that is back to a full burst. Returns how many rows went.
pub async fn prune(db: &Db, now_ms: i64) -> sqlx::Result<u64> {
    let pruned = sqlx::query("DELETE FROM rate_limits WHERE tat_ms <= $1")
        .bind(now_ms)
        .execute(db)
        .await?;
    Ok(pruned.rows_affected())
}
