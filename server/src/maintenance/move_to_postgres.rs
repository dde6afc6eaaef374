//! `regulars-server migrate-to postgres://...`: moves a shop server's SQLite database into an
//! empty PostgreSQL one, in one PostgreSQL transaction (stopped half way, the target is left
//! empty), then checks the copy: the rows of every table counted on both sides, and every card's
//! ledger folded on both sides to the same balance as the cache beside it.
//!
//! The schema on both sides is the one the migrations make (`server/migrations/<engine>`), so the
//! columns match by name; only a boolean is stored differently (an integer in SQLite).

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use futures::TryStreamExt;
use regulars_protocol::ledger::fold;
use regulars_protocol::{Balance, CardId, Event};
use sqlx::{Any, Connection, Row};

use crate::db::engine::{self, Engine, redact};
use crate::db::{self, Db};

/// Every table, parents before the tables that refer to them (the order rows are copied in).
/// A migration that adds a table adds it here; `every_table_is_moved` (server/tests/api/
/// move_to_postgres.rs) fails until it does.
pub const TABLES: &[&str] = &[
    "owners",
    "owner_sessions",
    "owner_password_resets",
    "shops",
    "locations",
    "program_versions",
    "rewards",
    "staff",
    "pairing_codes",
    "devices",
    "cards",
    "categories",
    "events",
    "balances",
    "code_uses",
    "reversals",
    "staff_sessions",
    "server_keys",
    "login_failures",
    "rate_limits",
    "visit_days",
    "member_summaries",
    "member_categories",
    "shop_days",
    "shop_hours",
    "shop_categories",
    "member_notes",
    "shop_weeks",
    "card_events",
    "imports",
    "import_customers",
    "offers",
    "offer_versions",
    "offer_members",
    "offer_uses",
];

/// Most parameters in one INSERT (PostgreSQL takes at most 65,535).
const PARAMETERS_PER_INSERT: usize = 30_000;

/// What was moved and what the check found.
#[derive(Debug, Default)]
pub struct MoveReport {
    /// Rows per table, as counted in the source and in the target after the move.
    pub tables: Vec<(String, i64, i64)>,
    pub cards: usize,
    pub events: usize,
    /// Cards whose balance differs between the two sides (folded or cached), with why.
    pub differences: Vec<String>,
}

impl MoveReport {
    pub fn is_clean(&self) -> bool {
        self.differences.is_empty()
            && self
                .tables
                .iter()
                .all(|(_, source, target)| source == target)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Integer,
    Boolean,
}

struct Column {
    name: String,
    kind: Kind,
}

/// Moves everything from the SQLite database `source` into the PostgreSQL database at
/// `target_url`, which must have no rows in any table (it may be brand new or already
/// migrated), and checks the copy.
pub async fn run(source: &Db, target_url: &str) -> anyhow::Result<MoveReport> {
    if Engine::of_url(target_url)? != Engine::Postgres {
        bail!(
            "migrate-to moves the database into PostgreSQL: give a postgres:// URL (got {})",
            redact(target_url)
        );
    }
    let shown = redact(target_url);
    refuse_unless_empty(target_url, false)
        .await
        .with_context(|| format!("checking the target {shown}"))?;
    let target = engine::open(target_url).await?;
    refuse_unless_empty(target_url, true)
        .await
        .with_context(|| format!("checking the target {shown}"))?;

    // One read transaction on the source: a consistent snapshot even if a server still writes
    // (it should be stopped: what it writes after this point is not moved).
    let mut reader = source.begin().await?;
    let mut writer = target.db.begin().await?;
    for table in TABLES {
        let columns = columns(&mut writer, table).await?;
        check_source_columns(&mut reader, table, &columns).await?;
        copy_table(&mut reader, &mut writer, table, &columns)
            .await
            .with_context(|| format!("copying the table {table}"))?;
    }
    writer
        .commit()
        .await
        .with_context(|| format!("committing the copy into {shown}"))?;
    reader.rollback().await?;

    let report = check(source, &target.db).await?;
    target.db.close().await;
    Ok(report)
}

/// Fails unless every table of the target has no rows. Before the migrations ran (`migrated`
/// false), a table that is not one of ours also makes the target "not empty".
async fn refuse_unless_empty(url: &str, migrated: bool) -> anyhow::Result<()> {
    let mut conn = sqlx::PgConnection::connect(url).await?;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::TEXT FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    )
    .fetch_all(&mut conn)
    .await?;
    for table in &tables {
        if table == "_sqlx_migrations" {
            continue;
        }
        if !migrated && !TABLES.contains(&table.as_str()) {
            bail!(
                "the target is not empty: it has a table {table} that is not one of Regulars'. \
                 Give an empty database (createdb NAME)"
            );
        }
        let quoted = format!("\"{}\"", table.replace('"', "\"\""));
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {quoted}"))
            .fetch_one(&mut conn)
            .await?;
        if rows > 0 {
            bail!(
                "the target is not empty: its table {table} has {rows} rows. migrate-to only \
                 moves into an empty database, so nothing there is overwritten"
            );
        }
    }
    conn.close().await.ok();
    Ok(())
}

/// The columns of a table as the PostgreSQL migrations made them.
async fn columns(tx: &mut db::Tx, table: &str) -> anyhow::Result<Vec<Column>> {
    let rows = sqlx::query(
        "SELECT column_name::TEXT AS name, data_type::TEXT AS kind FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(&mut **tx)
    .await?;
    if rows.is_empty() {
        bail!("the PostgreSQL migrations made no table {table}");
    }
    rows.iter()
        .map(|r| {
            let name: String = r.get("name");
            let kind = match r.get::<&str, _>("kind") {
                "text" => Kind::Text,
                "bigint" | "integer" | "smallint" => Kind::Integer,
                "boolean" => Kind::Boolean,
                other => {
                    bail!("the column {table}.{name} has a type this move does not know: {other}")
                }
            };
            Ok(Column { name, kind })
        })
        .collect()
}

/// Fails when the source's table has other columns than the target's (the two engines'
/// migrations disagree, or the source was made by another release).
async fn check_source_columns(
    tx: &mut db::Tx,
    table: &str,
    target: &[Column],
) -> anyhow::Result<()> {
    let mut source: Vec<String> =
        sqlx::query_scalar("SELECT name FROM pragma_table_info($1) ORDER BY name")
            .bind(table)
            .fetch_all(&mut **tx)
            .await?;
    let mut wanted: Vec<String> = target.iter().map(|c| c.name.clone()).collect();
    source.sort();
    wanted.sort();
    if source != wanted {
        bail!(
            "the table {table} has the columns {source:?} in SQLite but {wanted:?} in PostgreSQL"
        );
    }
    Ok(())
}

fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}

/// Streams a table's rows out of SQLite in the order they were written and inserts them into
/// PostgreSQL many rows to a statement.
async fn copy_table(
    reader: &mut db::Tx,
    writer: &mut db::Tx,
    table: &str,
    columns: &[Column],
) -> anyhow::Result<u64> {
    let select = columns
        .iter()
        .map(|c| match c.kind {
            // sqlx::Any reads no SQLite BOOLEAN: read it as the integer it is.
            Kind::Boolean => format!(
                "CASE WHEN {0} IS NULL THEN NULL WHEN {0} THEN 1 ELSE 0 END AS {0}",
                quoted(&c.name)
            ),
            _ => quoted(&c.name),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("SELECT {select} FROM {} ORDER BY rowid", quoted(table));
    let per_insert = (PARAMETERS_PER_INSERT / columns.len()).max(1);
    let mut rows = sqlx::query(&sql).fetch(&mut **reader);
    let mut pending: Vec<sqlx::any::AnyRow> = Vec::with_capacity(per_insert);
    let mut copied = 0;
    while let Some(row) = rows.try_next().await? {
        pending.push(row);
        if pending.len() == per_insert {
            copied += insert(writer, table, columns, &pending).await?;
            pending.clear();
        }
    }
    if !pending.is_empty() {
        copied += insert(writer, table, columns, &pending).await?;
    }
    Ok(copied)
}

async fn insert(
    writer: &mut db::Tx,
    table: &str,
    columns: &[Column],
    rows: &[sqlx::any::AnyRow],
) -> anyhow::Result<u64> {
    let names = columns
        .iter()
        .map(|c| quoted(&c.name))
        .collect::<Vec<_>>()
        .join(", ");
    let mut sql = format!("INSERT INTO {} ({names}) VALUES ", quoted(table));
    let mut n = 0;
    for (i, _) in rows.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for (j, _) in columns.iter().enumerate() {
            n += 1;
            if j > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${n}"));
        }
        sql.push(')');
    }
    let mut query = sqlx::query::<Any>(&sql);
    for row in rows {
        for (j, column) in columns.iter().enumerate() {
            query = match column.kind {
                Kind::Text => query.bind(row.try_get::<Option<String>, _>(j)?),
                Kind::Integer => query.bind(row.try_get::<Option<i64>, _>(j)?),
                Kind::Boolean => query.bind(row.try_get::<Option<i64>, _>(j)?.map(|v| v != 0)),
            };
        }
    }
    Ok(query.execute(&mut **writer).await?.rows_affected())
}

/// Counts every table on both sides, then folds every card's ledger on both sides and compares
/// the folds with each other and with each side's balance cache.
pub async fn check(source: &Db, target: &Db) -> anyhow::Result<MoveReport> {
    let mut report = MoveReport::default();
    for table in TABLES {
        let sql = format!("SELECT COUNT(*) FROM {}", quoted(table));
        let s: i64 = sqlx::query_scalar(&sql).fetch_one(source).await?;
        let t: i64 = sqlx::query_scalar(&sql).fetch_one(target).await?;
        report.tables.push(((*table).to_owned(), s, t));
    }
    for shop_id in db::shops::all_ids(source).await? {
        let (source_folded, source_cached) = balances(source, shop_id).await?;
        let (target_folded, target_cached) = balances(target, shop_id).await?;
        report.events += source_folded.values().map(|(n, _)| n).sum::<usize>();
        report.cards += source_cached.len();
        let cards: std::collections::BTreeSet<&CardId> = source_cached
            .keys()
            .chain(target_cached.keys())
            .chain(source_folded.keys())
            .chain(target_folded.keys())
            .collect();
        for card in cards {
            let folded = |m: &BTreeMap<CardId, (usize, Balance)>| m.get(card).map(|(_, b)| *b);
            let sides = [
                ("SQLite's ledger", folded(&source_folded)),
                ("PostgreSQL's ledger", folded(&target_folded)),
                ("SQLite's balance", source_cached.get(card).copied()),
                ("PostgreSQL's balance", target_cached.get(card).copied()),
            ];
            let first = sides[0].1.unwrap_or_default();
            if sides.iter().any(|(_, b)| b.unwrap_or_default() != first) {
                let said = sides
                    .iter()
                    .map(|(side, b)| format!("{side} {}", b.unwrap_or_default().balance))
                    .collect::<Vec<_>>()
                    .join(", ");
                report.differences.push(format!("card {card}: {said}"));
            }
        }
    }
    Ok(report)
}

/// A shop's cards: each one's ledger folded (with its number of events), and its cached balance.
async fn balances(
    db: &Db,
    shop_id: regulars_protocol::ShopId,
) -> anyhow::Result<(
    BTreeMap<CardId, (usize, Balance)>,
    BTreeMap<CardId, Balance>,
)> {
    let mut tx = db.begin().await?;
    let mut by_card: BTreeMap<CardId, Vec<Event>> = BTreeMap::new();
    for (card_id, event) in db::events::for_rebuild(&mut tx, shop_id).await? {
        by_card.entry(card_id).or_default().push(event);
    }
    let cached = db::events::shop_balances(&mut tx, shop_id).await?;
    tx.rollback().await?;
    let folded = by_card
        .into_iter()
        .map(|(card, events)| (card, (events.len(), fold(&events))))
        .collect();
    Ok((folded, cached.into_iter().collect()))
}
