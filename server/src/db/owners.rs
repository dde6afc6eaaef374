//! Owner accounts and their sessions.

use regulars_protocol::{OwnerId, ShopId};
use sqlx::Row;
use time::OffsetDateTime;

use super::{Db, Tx, now, parse_id, ts};

pub struct OwnerLogin {
    pub id: OwnerId,
    pub password_hash: String,
}

pub struct Session {
    pub owner_id: OwnerId,
    pub shop_id: ShopId,
    pub email: String,
}

/// Inserts an owner; `Ok(false)` when the e-mail is taken.
pub async fn insert(
    tx: &mut Tx,
    id: OwnerId,
    email: &str,
    password_hash: &str,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "INSERT INTO owners (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING",
    )
    .bind(id.to_string())
    .bind(email)
    .bind(password_hash)
    .bind(ts(now()))
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}

pub async fn find_by_email(db: &Db, email: &str) -> anyhow::Result<Option<OwnerLogin>> {
    let row = sqlx::query("SELECT id, password_hash FROM owners WHERE email = $1")
        .bind(email)
        .fetch_optional(db)
        .await?;
    row.map(|r| {
        Ok(OwnerLogin {
            id: parse_id(r.get::<&str, _>("id"))?,
            password_hash: r.get("password_hash"),
        })
    })
    .transpose()
}

pub async fn insert_session<'e, E>(
    db: E,
    token_hash: &str,
    owner_id: OwnerId,
    expires_at: OffsetDateTime,
) -> sqlx::Result<()>
where
    E: sqlx::AnyExecutor<'e>,
{
    sqlx::query("INSERT INTO owner_sessions (token_hash, owner_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(owner_id.to_string())
        .bind(ts(now()))
        .bind(ts(expires_at))
        .execute(db)
        .await?;
    Ok(())
}

/// The live session with this token hash, with the owner's shop.
pub async fn find_session(db: &Db, token_hash: &str) -> anyhow::Result<Option<Session>> {
    let row = sqlx::query(
        "SELECT o.id AS owner_id, o.email, s.id AS shop_id
         FROM owner_sessions x
         JOIN owners o ON o.id = x.owner_id
         JOIN shops s ON s.owner_id = o.id
         WHERE x.token_hash = $1 AND x.expires_at > $2",
    )
    .bind(token_hash)
    .bind(ts(now()))
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        Ok(Session {
            owner_id: parse_id(r.get::<&str, _>("owner_id"))?,
            shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
            email: r.get("email"),
        })
    })
    .transpose()
}

pub async fn delete_session(db: &Db, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM owner_sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// The owner's password hash.
pub async fn password_hash(db: &Db, id: OwnerId) -> anyhow::Result<String> {
    Ok(
        sqlx::query_scalar("SELECT password_hash FROM owners WHERE id = $1")
            .bind(id.to_string())
            .fetch_one(db)
            .await?,
    )
}

/// Sets a new password hash and ends every session of the owner but `keep` (the one that asked).
pub async fn set_password(
    tx: &mut Tx,
    id: OwnerId,
    password_hash: &str,
    keep: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE owners SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(id.to_string())
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM owner_sessions WHERE owner_id = $1 AND token_hash <> $2")
        .bind(id.to_string())
        .bind(keep)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

// Password resets

/// Gives the owner a new one-time reset code (its hash), replacing any earlier one, and ends
/// every session of the owner: whoever asked for a reset may not be the one logged in.
pub async fn start_reset(
    tx: &mut Tx,
    id: OwnerId,
    code_hash: &str,
    expires_at: OffsetDateTime,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO owner_password_resets (owner_id, code_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (owner_id) DO UPDATE SET code_hash = excluded.code_hash,
             created_at = excluded.created_at, expires_at = excluded.expires_at",
    )
    .bind(id.to_string())
    .bind(code_hash)
    .bind(ts(now()))
    .bind(ts(expires_at))
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM owner_sessions WHERE owner_id = $1")
        .bind(id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Takes the reset code with this hash if it has not expired: deletes it and answers whose it
/// was. A code works once.
pub async fn take_reset(tx: &mut Tx, code_hash: &str) -> anyhow::Result<Option<OwnerId>> {
    let owner: Option<String> = sqlx::query_scalar(
        "DELETE FROM owner_password_resets WHERE code_hash = $1 AND expires_at > $2
         RETURNING owner_id",
    )
    .bind(code_hash)
    .bind(ts(now()))
    .fetch_optional(&mut **tx)
    .await?;
    owner.map(|id| parse_id(&id)).transpose()
}

// Wrong passwords per account

/// Until when logins for this account key are paused, if they are.
pub async fn login_paused_until(db: &Db, key: &str) -> anyhow::Result<Option<OffsetDateTime>> {
    let until: Option<Option<String>> =
        sqlx::query_scalar("SELECT locked_until FROM login_failures WHERE email_hash = $1")
            .bind(key)
            .fetch_optional(db)
            .await?;
    until.flatten().as_deref().map(super::parse_ts).transpose()
}

/// Counts one wrong password for the account key, in one statement, and answers the count.
pub async fn add_login_failure(db: &Db, key: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO login_failures (email_hash, failures, updated_at) VALUES ($1, 1, $2)
         ON CONFLICT (email_hash) DO UPDATE SET failures = login_failures.failures + 1, updated_at = $2
         RETURNING failures",
    )
    .bind(key)
    .bind(ts(now()))
    .fetch_one(db)
    .await
}

pub async fn pause_logins(db: &Db, key: &str, until: OffsetDateTime) -> sqlx::Result<()> {
    sqlx::query("UPDATE login_failures SET locked_until = $1 WHERE email_hash = $2")
        .bind(ts(until))
        .bind(key)
        .execute(db)
        .await?;
    Ok(())
}

/// A right password: the count starts again. Counts older than a day are pruned.
pub async fn clear_login_failures(db: &Db, key: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE email_hash = $1 OR updated_at < $2")
        .bind(key)
        .bind(ts(now() - time::Duration::days(1)))
        .execute(db)
        .await?;
    Ok(())
}
