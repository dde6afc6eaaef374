//! The two database engines, and everything that differs between them: how a connection is
//! opened and set up, which migrations folder brings the schema up to date, and which errors
//! mean "run the transaction again". The queries themselves are the same text on both (see
//! [`crate::db`]).
//!
//! - **SQLite** (the default, a file under the data directory): WAL, `synchronous = FULL`,
//!   foreign keys on. It has one writer at a time, so the server keeps a one-connection pool for
//!   writes and write transactions queue there instead of spinning on the file lock.
//! - **PostgreSQL** (`REGULARS_DATABASE_URL=postgres://...`): READ COMMITTED, with the row locks
//!   the ledger takes (the shop's counter row, see `db::events::lock_shop`). Writes share the
//!   pool; a transaction PostgreSQL aborts to break a deadlock or a serialization conflict is
//!   run again ([`is_retryable`]).

use std::time::Duration;

use anyhow::{Context, bail};
use sqlx::any::AnyPoolOptions;
use sqlx::{Connection, Executor, migrate::Migrator};

use super::Db;

/// How long opening the database may take before start-up gives up.
const CONNECT_WITHIN: Duration = Duration::from_secs(10);

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The engine a database URL names, or a message saying what URLs are understood.
    pub fn of_url(url: &str) -> anyhow::Result<Engine> {
        let scheme = url.split_once(':').map(|(scheme, _)| scheme);
        match scheme {
            Some("sqlite") => Ok(Engine::Sqlite),
            Some("postgres" | "postgresql") => Ok(Engine::Postgres),
            _ => bail!(
                "the database URL must start with sqlite:// or postgres:// (got {:?})",
                redact(url)
            ),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        }
    }

    /// The migrations of this engine (`server/migrations/<engine>/`).
    pub fn migrator(self) -> &'static Migrator {
        match self {
            Engine::Sqlite => &SQLITE_MIGRATIONS,
            Engine::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    /// How many connections the pool for reads keeps.
    pub fn read_connections(self) -> u32 {
        8
    }
}

/// The pools the server works with.
#[derive(Clone)]
pub struct Pools {
    pub engine: Engine,
    /// For reads (and, on PostgreSQL, writes too).
    pub db: Db,
    /// For write transactions: on SQLite one connection, so writers queue in order.
    pub writer: Db,
}

/// Opens the database a URL names, brings its schema up to date, and returns its pools. A bad
/// or unreachable URL is an error that says which, never a panic.
pub async fn open(url: &str) -> anyhow::Result<Pools> {
    sqlx::any::install_default_drivers();
    let engine = Engine::of_url(url)?;
    let shown = redact(url);
    let db = connect(engine, url, engine.read_connections())
        .await
        .with_context(|| format!("opening the {} database {shown}", engine.name()))?;
    if engine == Engine::Sqlite {
        // Persistent in the file: set once, before any other connection writes.
        db.execute("PRAGMA journal_mode = WAL")
            .await
            .with_context(|| format!("switching {shown} to WAL"))?;
    }
    engine
        .migrator()
        .run(&db)
        .await
        .with_context(|| format!("running the {} migrations on {shown}", engine.name()))?;
    let writer = match engine {
        Engine::Sqlite => connect(engine, url, 1)
            .await
            .with_context(|| format!("opening the database {shown} for writes"))?,
        Engine::Postgres => db.clone(),
    };
    Ok(Pools { engine, db, writer })
}

async fn connect(engine: Engine, url: &str, connections: u32) -> sqlx::Result<Db> {
    if engine == Engine::Postgres {
        // One connection first, so an unreachable server or a refused login is reported as
        // itself rather than as the pool's timeout.
        let first = tokio::time::timeout(CONNECT_WITHIN, sqlx::AnyConnection::connect(url))
            .await
            .map_err(|_| {
                sqlx::Error::Io(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!("no answer within {} seconds", CONNECT_WITHIN.as_secs()),
                ))
            })??;
        first.close().await?;
    }
    let options = AnyPoolOptions::new()
        .max_connections(connections)
        .acquire_timeout(CONNECT_WITHIN);
    match engine {
        Engine::Sqlite => {
            options
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        // FULL: a commit is on disk before the answer leaves, since tablets
                        // delete the events the server accepted (NORMAL in WAL mode may lose
                        // the last commits on a power cut).
                        conn.execute("PRAGMA synchronous = FULL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 10000").await?;
                        // Reads through the operating system's page cache instead of copying
                        // each page into SQLite's own 2 MB cache: the Insights queries over a
                        // large shop read a third to half less (bench/insights.sh).
                        conn.execute("PRAGMA mmap_size = 1073741824").await?;
                        Ok(())
                    })
                })
                .connect(&sqlite_url(url))
                .await
        }
        Engine::Postgres => options.connect(url).await,
    }
}

/// A SQLite URL that creates the file when it is missing (unless the URL says otherwise).
fn sqlite_url(url: &str) -> String {
    if url.contains("mode=") || url.contains(":memory:") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// The file a `sqlite://` URL names, without its options.
pub fn sqlite_file(url: &str) -> String {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    path.split('?').next().unwrap_or(path).to_owned()
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{path}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Whether the engine gave up the transaction only because another ran beside it (PostgreSQL's
/// serialization failure 40001 or deadlock 40P01; SQLite's busy or locked): running it again
/// from the start is safe and is what the client would otherwise have to do.
pub fn is_retryable(error: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = error else {
        return false;
    };
    matches!(
        db.code().as_deref(),
        Some("40001" | "40P01" | "5" | "6" | "517" | "262")
    )
}

/// Whether an error comes from a transaction the engine aborted ([`is_retryable`]).
pub fn was_aborted(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<sqlx::Error>())
        .any(is_retryable)
}

/// Marks a response answered for an aborted transaction: the request may run again.
#[derive(Debug, Clone, Copy)]
pub struct Aborted;

/// How many times a request whose transaction the engine aborted is run before its error is
/// answered.
pub const ATTEMPTS: u32 = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_sqlite_url() {
        assert_eq!(
            sqlite_file("sqlite:///srv/r/regulars.db"),
            "/srv/r/regulars.db"
        );
        assert_eq!(
            sqlite_file("sqlite://data/regulars.db?mode=rwc"),
            "data/regulars.db"
        );
        assert_eq!(sqlite_file("sqlite:regulars.db"), "regulars.db");
    }

    #[test]
    fn urls_name_their_engine_or_are_refused_with_a_reason() {
        assert_eq!(
            Engine::of_url("sqlite://data/x.db").unwrap(),
            Engine::Sqlite
        );
        assert_eq!(
            Engine::of_url("postgres://u:p@db:5432/regulars").unwrap(),
            Engine::Postgres
        );
        assert_eq!(
            Engine::of_url("postgresql://db/regulars").unwrap(),
            Engine::Postgres
        );
        let refused = Engine::of_url("mysql://root:secret@db/regulars")
            .unwrap_err()
            .to_string();
        assert!(refused.contains("sqlite:// or postgres://"), "{refused}");
        assert!(!refused.contains("secret"), "{refused}");
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redact("postgres://regulars:hunter2@db.internal:5432/shop"),
            "postgres://regulars:***@db.internal:5432/shop"
        );
        assert_eq!(
            redact("postgres://db.internal/shop"),
            "postgres://db.internal/shop"
        );
        assert_eq!(
            redact("postgres://regulars@db.internal/shop"),
            "postgres://regulars@db.internal/shop"
        );
        assert_eq!(
            redact("sqlite://data/regulars.db"),
            "sqlite://data/regulars.db"
        );
    }

    #[test]
    fn a_sqlite_file_is_created_when_missing() {
        assert_eq!(
            sqlite_url("sqlite://data/x.db"),
            "sqlite://data/x.db?mode=rwc"
        );
        assert_eq!(sqlite_url("sqlite://x.db?mode=ro"), "sqlite://x.db?mode=ro");
    }
}
