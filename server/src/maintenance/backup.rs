//! `regulars-server backup FILE`: a consistent copy of the SQLite database, taken while the
//! server runs. SQLite's `VACUUM INTO` writes the database as one read transaction sees it (the
//! server's writes go on beside it, in WAL mode), then the copy is opened and checked. Restoring
//! is copying the file back as `regulars.db` while the server is stopped (README, "Backups").
//!
//! PostgreSQL is backed up with its own tools (`pg_dump`, `pg_restore`); this command says so.

use std::path::Path;

use anyhow::{Context, bail};
use sqlx::{Connection, Executor};

use crate::db::engine::{Engine, redact, sqlite_file};

/// What a backup holds, read back from the copy itself.
#[derive(Debug)]
pub struct BackupReport {
    pub bytes: u64,
    pub shops: i64,
    pub cards: i64,
    pub events: i64,
}

/// Copies the SQLite database at `url` to `file`, which must not exist yet.
pub async fn run(url: &str, file: &Path) -> anyhow::Result<BackupReport> {
    if Engine::of_url(url)? == Engine::Postgres {
        bail!(
            "the database is PostgreSQL ({}): back it up with pg_dump -Fc -f FILE URL and \
             restore it with pg_restore -d URL FILE (README, \"Backups\")",
            redact(url)
        );
    }
    if file.exists() {
        bail!(
            "{} already exists: a backup never overwrites a file",
            file.display()
        );
    }
    let source = sqlite_file(url);
    if !Path::new(&source).exists() {
        bail!("there is no database at {source} to back up");
    }
    // Read-only: the backup neither migrates nor writes the live database.
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{source}?mode=ro"))
        .await
        .with_context(|| format!("opening {source}"))?;
    conn.execute("PRAGMA busy_timeout = 10000").await?;
    let target = file
        .to_str()
        .context("the backup's file name is not UTF-8")?
        .to_owned();
    sqlx::query("VACUUM INTO $1")
        .bind(&target)
        .execute(&mut conn)
        .await
        .with_context(|| format!("copying {source} into {}", file.display()))?;
    conn.close().await.ok();
    verify(file).await.with_context(|| {
        format!(
            "the copy {} does not read back as a sound database",
            file.display()
        )
    })
}

/// Opens the copy read-only, runs SQLite's integrity check and counts what it holds.
pub async fn verify(file: &Path) -> anyhow::Result<BackupReport> {
    let mut conn =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}?mode=ro", file.display())).await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await?;
    if integrity != "ok" {
        bail!("SQLite's integrity check says: {integrity}");
    }
    let count = |table: &'static str| format!("SELECT COUNT(*) FROM {table}");
    let shops: i64 = sqlx::query_scalar(&count("shops"))
        .fetch_one(&mut conn)
        .await?;
    let cards: i64 = sqlx::query_scalar(&count("cards"))
        .fetch_one(&mut conn)
        .await?;
    let events: i64 = sqlx::query_scalar(&count("events"))
        .fetch_one(&mut conn)
        .await?;
    conn.close().await.ok();
    Ok(BackupReport {
        bytes: std::fs::metadata(file)?.len(),
        shops,
        cards,
        events,
    })
}
