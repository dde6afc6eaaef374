//! The database a test runs on: a fresh SQLite file in the test's own directory, or, when
//! `REGULARS_TEST_POSTGRES` names a PostgreSQL server (`cargo xtask test --only postgres` starts
//! one and sets it), a fresh database of its own on that server, copied from a template that
//! already has every migration (a copy takes milliseconds; migrating each would take longer).

// Each test binary uses part of this module.
#![allow(dead_code)]

use std::path::Path;

use sqlx::Connection;
use tokio::sync::OnceCell;

/// The PostgreSQL server the tests run on, when they run on one.
pub fn postgres() -> Option<String> {
    std::env::var("REGULARS_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// The URL of another database on the server `admin` names.
fn database_url(admin: &str, name: &str) -> String {
    let (server, _) = admin
        .rsplit_once('/')
        .expect("REGULARS_TEST_POSTGRES is a URL like postgres://user@host:port/postgres");
    format!("{server}/{name}")
}

async fn admin(url: &str) -> sqlx::PgConnection {
    sqlx::PgConnection::connect(url)
        .await
        .unwrap_or_else(|e| panic!("REGULARS_TEST_POSTGRES ({url}) does not answer: {e}"))
}

async fn execute(url: &str, sql: &str) {
    let mut conn = admin(url).await;
    sqlx::raw_sql(sql)
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    conn.close().await.ok();
}

/// The template, made once per test process (named after it, so runs do not share one).
async fn template(admin_url: &str) -> &'static str {
    static TEMPLATE: OnceCell<String> = OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let name = format!("regulars_template_{}", std::process::id());
            execute(admin_url, &format!("DROP DATABASE IF EXISTS {name}")).await;
            execute(admin_url, &format!("CREATE DATABASE {name}")).await;
            let pools = regulars_server::db::engine::open(&database_url(admin_url, &name))
                .await
                .expect("the migrations run on PostgreSQL");
            pools.db.close().await;
            pools.writer.close().await;
            name
        })
        .await
}

fn unique_name() -> String {
    format!("regulars_test_{}", uuid::Uuid::new_v4().simple())
}

/// The `database_url` setting of a test's server: a PostgreSQL database with every migration
/// and no rows, or `None` for the server's default (SQLite under its data directory).
pub async fn fresh() -> Option<String> {
    let admin_url = postgres()?;
    let template = template(&admin_url).await;
    let name = unique_name();
    execute(
        &admin_url,
        &format!("CREATE DATABASE {name} TEMPLATE {template}"),
    )
    .await;
    Some(database_url(&admin_url, &name))
}

/// A database with nothing in it, not even the migrations (to make an older release's).
pub async fn empty(dir: &Path) -> String {
    match postgres() {
        Some(admin_url) => {
            let name = unique_name();
            execute(&admin_url, &format!("CREATE DATABASE {name}")).await;
            database_url(&admin_url, &name)
        }
        None => format!("sqlite://{}", dir.join("regulars.db").display()),
    }
}
