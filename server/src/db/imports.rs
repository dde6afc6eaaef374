//! Import jobs and the purchases they add (see `crate::imports`).

use regulars_protocol::imports::{ColumnMapping, ImportJob, ImportProgress, ImportStatus};
use regulars_protocol::{CardId, EventId, ShopId};
use sqlx::Row;
use time::OffsetDateTime;

use super::{Db, Tx, now, parse_id, ts};
use crate::imports::Report;

/// What the validation found, as kept with the job.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct StoredReport {
    bad: Vec<regulars_protocol::imports::BadRow>,
    preview: Vec<regulars_protocol::imports::PreviewRow>,
}

const COLUMNS: &str = "id, file_name, status, columns, mapping, report, rows_total, bad_rows,
    CASE WHEN skip_bad_rows THEN 1 ELSE 0 END AS skip_bad_rows, rows_done, purchases_added,
    purchases_already_there, matched_by_email, matched_by_customer, new_members, uploaded_at,
    started_at, finished_at, error";

fn status_text(status: ImportStatus) -> &'static str {
    match status {
        ImportStatus::NeedsMapping => "needs_mapping",
        ImportStatus::Invalid => "invalid",
        ImportStatus::Ready => "ready",
        ImportStatus::Running => "running",
        ImportStatus::Done => "done",
        ImportStatus::Failed => "failed",
    }
}

/// A non-negative count column.
fn count(r: &sqlx::any::AnyRow, column: &str) -> u64 {
    r.get::<i64, _>(column).max(0) as u64
}

fn progress_from_row(r: &sqlx::any::AnyRow) -> ImportProgress {
    ImportProgress {
        rows_done: count(r, "rows_done"),
        purchases_added: count(r, "purchases_added"),
        purchases_already_there: count(r, "purchases_already_there"),
        matched_by_email: count(r, "matched_by_email"),
        matched_by_customer: count(r, "matched_by_customer"),
        new_members: count(r, "new_members"),
    }
}

fn job_from_row(r: &sqlx::any::AnyRow) -> anyhow::Result<ImportJob> {
    let status: ImportStatus = serde_json::from_value(serde_json::Value::String(r.get("status")))?;
    let report: StoredReport = serde_json::from_str(r.get::<&str, _>("report"))?;
    let count = |c: &str| count(r, c);
    Ok(ImportJob {
        id: r.get("id"),
        file_name: r.get("file_name"),
        status,
        uploaded_at: r.get("uploaded_at"),
        columns: serde_json::from_str(r.get::<&str, _>("columns"))?,
        mapping: r
            .get::<Option<&str>, _>("mapping")
            .map(serde_json::from_str)
            .transpose()?,
        rows: count("rows_total"),
        bad_rows: count("bad_rows"),
        bad: report.bad,
        preview: report.preview,
        skip_bad_rows: super::flag(r, "skip_bad_rows"),
        progress: progress_from_row(r),
        started_at: r.get("started_at"),
        finished_at: r.get("finished_at"),
        error: r.get("error"),
    })
}

/// A new job: the file, its columns, and what reading it found (with the mapping, if any).
pub struct NewImport<'a> {
    pub id: uuid::Uuid,
    pub shop_id: ShopId,
    pub file_name: &'a str,
    pub content: &'a str,
    pub columns: &'a [String],
}

pub async fn insert(db: &Db, new: &NewImport<'_>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO imports (id, shop_id, file_name, content, status, columns, report, rows_total,
                              bad_rows, uploaded_at)
         VALUES ($1, $2, $3, $4, 'needs_mapping', $5, $6, 0, 0, $7)",
    )
    .bind(new.id.to_string())
    .bind(new.shop_id.to_string())
    .bind(new.file_name)
    .bind(new.content)
    .bind(serde_json::to_string(new.columns)?)
    .bind(serde_json::to_string(&StoredReport::default())?)
    .bind(ts(now()))
    .execute(db)
    .await?;
    Ok(())
}

pub async fn find(db: &Db, shop_id: ShopId, id: uuid::Uuid) -> anyhow::Result<Option<ImportJob>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM imports WHERE id = $1 AND shop_id = $2"
    ))
    .bind(id.to_string())
    .bind(shop_id.to_string())
    .fetch_optional(db)
    .await?;
    row.as_ref().map(job_from_row).transpose()
}

/// The shop's jobs, newest first.
pub async fn list(db: &Db, shop_id: ShopId, limit: i64) -> anyhow::Result<Vec<ImportJob>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM imports WHERE shop_id = $1 ORDER BY uploaded_at DESC LIMIT $2"
    ))
    .bind(shop_id.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(job_from_row).collect()
}

/// The file of a job that is not done.
pub async fn content(db: &Db, id: uuid::Uuid) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT content FROM imports WHERE id = $1")
        .bind(id.to_string())
        .fetch_one(db)
        .await
}

/// Keeps a mapping and what reading the file with it found, unless the job has started.
/// Returns false when it has.
pub async fn set_reading(
    db: &Db,
    id: uuid::Uuid,
    mapping: &ColumnMapping,
    report: &Report,
) -> anyhow::Result<bool> {
    let status = if report.bad_rows > 0 {
        ImportStatus::Invalid
    } else {
        ImportStatus::Ready
    };
    let stored = StoredReport {
        bad: report.bad.clone(),
        preview: report.preview.clone(),
    };
    let result = sqlx::query(
        "UPDATE imports SET status = $2, mapping = $3, report = $4, rows_total = $5, bad_rows = $6
         WHERE id = $1 AND status IN ('needs_mapping', 'invalid', 'ready')",
    )
    .bind(id.to_string())
    .bind(status_text(status))
    .bind(serde_json::to_string(mapping)?)
    .bind(serde_json::to_string(&stored)?)
    .bind(report.rows as i64)
    .bind(report.bad_rows as i64)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Marks a job to run (from ready, from invalid when bad rows are skipped, or again after a
/// failure). Returns false when it is in no such state.
pub async fn start(db: &Db, id: uuid::Uuid, skip_bad_rows: bool) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE imports SET status = 'running', skip_bad_rows = $2, lease_until = NULL, error = NULL,
                            started_at = COALESCE(started_at, $3)
         WHERE id = $1 AND (status IN ('ready', 'failed') OR (status = 'invalid' AND $2))",
    )
    .bind(id.to_string())
    .bind(skip_bad_rows)
    .bind(ts(now()))
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Running jobs nobody holds (never taken, or their server stopped), oldest first.
pub async fn waiting(db: &Db) -> anyhow::Result<Vec<uuid::Uuid>> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM imports WHERE status = 'running' AND (lease_until IS NULL OR lease_until < $1)
         ORDER BY started_at",
    )
    .bind(ts(now()))
    .fetch_all(db)
    .await?;
    ids.iter().map(|id| parse_id(id)).collect()
}

/// Takes a running job for this server until `until`, if nobody holds it.
pub async fn claim(db: &Db, id: uuid::Uuid, until: OffsetDateTime) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE imports SET lease_until = $2
         WHERE id = $1 AND status = 'running' AND (lease_until IS NULL OR lease_until < $3)",
    )
    .bind(id.to_string())
    .bind(ts(until))
    .bind(ts(now()))
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// What a running job needs: its shop, file, mapping, and where it is.
pub struct Running {
    pub shop_id: ShopId,
    pub content: String,
    pub columns: Vec<String>,
    pub mapping: ColumnMapping,
    pub skip_bad_rows: bool,
    pub rows_done: u64,
    pub progress: ImportProgress,
}

pub async fn running(db: &Db, id: uuid::Uuid) -> anyhow::Result<Option<Running>> {
    let row = sqlx::query(
        "SELECT shop_id, content, columns, mapping, CASE WHEN skip_bad_rows THEN 1 ELSE 0 END AS skip_bad_rows,
                rows_done, purchases_added, purchases_already_there, matched_by_email,
                matched_by_customer, new_members
         FROM imports WHERE id = $1 AND status = 'running'",
    )
    .bind(id.to_string())
    .fetch_optional(db)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let Some(mapping) = r.get::<Option<&str>, _>("mapping") else {
        anyhow::bail!("import {id} runs without a mapping");
    };
    Ok(Some(Running {
        shop_id: parse_id(r.get::<&str, _>("shop_id"))?,
        content: r.get("content"),
        columns: serde_json::from_str(r.get::<&str, _>("columns"))?,
        mapping: serde_json::from_str(mapping)?,
        skip_bad_rows: super::flag(&r, "skip_bad_rows"),
        rows_done: count(&r, "rows_done"),
        progress: progress_from_row(&r),
    }))
}

/// Records a committed chunk in its own transaction, and holds the job until `until`.
/// Returns false when the job is no longer this run's (it stopped running).
pub async fn record_chunk(
    tx: &mut Tx,
    id: uuid::Uuid,
    progress: &ImportProgress,
    until: OffsetDateTime,
) -> sqlx::Result<bool> {
    let result = sqlx::query(
        "UPDATE imports SET rows_done = $2, purchases_added = $3, purchases_already_there = $4,
                            matched_by_email = $5, matched_by_customer = $6, new_members = $7,
                            lease_until = $8
         WHERE id = $1 AND status = 'running'",
    )
    .bind(id.to_string())
    .bind(progress.rows_done as i64)
    .bind(progress.purchases_added as i64)
    .bind(progress.purchases_already_there as i64)
    .bind(progress.matched_by_email as i64)
    .bind(progress.matched_by_customer as i64)
    .bind(progress.new_members as i64)
    .bind(ts(until))
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The job is done: the file is let go (its rows are events now).
pub async fn finish(db: &Db, id: uuid::Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE imports SET status = 'done', content = '', lease_until = NULL, finished_at = $2
         WHERE id = $1 AND status = 'running'",
    )
    .bind(id.to_string())
    .bind(ts(now()))
    .execute(db)
    .await?;
    Ok(())
}

/// The job stopped on an error; starting it again carries on from its last chunk.
pub async fn fail(db: &Db, id: uuid::Uuid, error: &str) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE imports SET status = 'failed', lease_until = NULL, error = $2
         WHERE id = $1 AND status = 'running'",
    )
    .bind(id.to_string())
    .bind(error)
    .execute(db)
    .await?;
    Ok(())
}

/// The member an earlier import made or matched for this customer value.
pub async fn customer_card(
    tx: &mut Tx,
    shop_id: ShopId,
    customer: &str,
) -> anyhow::Result<Option<CardId>> {
    let id: Option<String> = sqlx::query_scalar(
        "SELECT card_id FROM import_customers WHERE shop_id = $1 AND customer = $2",
    )
    .bind(shop_id.to_string())
    .bind(customer)
    .fetch_optional(&mut **tx)
    .await?;
    id.as_deref().map(parse_id).transpose()
}

/// The shop's member with this e-mail (stored lower-cased), the oldest if several.
pub async fn card_by_email(
    tx: &mut Tx,
    shop_id: ShopId,
    email: &str,
) -> anyhow::Result<Option<CardId>> {
    let id: Option<String> = sqlx::query_scalar(
        "SELECT id FROM cards WHERE shop_id = $1 AND email = $2 AND revoked_at IS NULL
         ORDER BY created_at LIMIT 1",
    )
    .bind(shop_id.to_string())
    .bind(email)
    .fetch_optional(&mut **tx)
    .await?;
    id.as_deref().map(parse_id).transpose()
}

/// Remembers the member of a customer value (the first one stays).
pub async fn remember_customer(
    tx: &mut Tx,
    shop_id: ShopId,
    customer: &str,
    card_id: CardId,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO import_customers (shop_id, customer, card_id) VALUES ($1, $2, $3)
         ON CONFLICT (shop_id, customer) DO NOTHING",
    )
    .bind(shop_id.to_string())
    .bind(customer)
    .bind(card_id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An imported purchase, as the ledger keeps it.
pub struct ImportedPurchase<'a> {
    pub id: EventId,
    pub shop_id: ShopId,
    pub seq: i64,
    pub card_id: CardId,
    pub at: OffsetDateTime,
    pub amount_minor: i64,
    pub category: Option<&'a str>,
    /// The row gave a date alone (see `insights::visits::NO_HOUR`).
    pub date_only: bool,
    /// The card's balance, which the purchase leaves as it is.
    pub balance: &'a str,
}

/// The event kind of an imported purchase: a visit in every figure and model, never a change
/// of balance (its delta is 0 and the fold does not know the kind).
pub const PURCHASE_IMPORTED: &str = "purchase_imported";

/// Appends an imported purchase to the ledger (origin `import`, no device). Returns false when
/// a purchase with this id is there already (the same row imported before).
pub async fn insert_purchase(tx: &mut Tx, p: &ImportedPurchase<'_>) -> anyhow::Result<bool> {
    let at = ts(p.at);
    // The body as every reader of the ledger reads events: a device-less event of a kind the
    // fold leaves alone.
    let body = serde_json::json!({
        "id": p.id,
        "card_id": p.card_id,
        "device_id": uuid::Uuid::nil(),
        "device_seq": 0,
        "occurred_at": time::OffsetDateTime::format(p.at, &time::format_description::well_known::Rfc3339)?,
        "body": {"type": PURCHASE_IMPORTED, "amount_minor": p.amount_minor, "category": p.category},
        "origin": "import",
    });
    let result = sqlx::query(
        "INSERT INTO events (id, shop_id, seq, card_id, origin, kind, delta, amount_minor, category,
                             body, balance_after, occurred_at, recorded_at, date_only)
         VALUES ($1, $2, $3, $4, 'import', $5, 0, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT DO NOTHING",
    )
    .bind(p.id.to_string())
    .bind(p.shop_id.to_string())
    .bind(p.seq)
    .bind(p.card_id.to_string())
    .bind(PURCHASE_IMPORTED)
    .bind(p.amount_minor)
    .bind(p.category)
    .bind(body.to_string())
    .bind(p.balance)
    .bind(at)
    .bind(ts(now()))
    .bind(p.date_only)
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected() == 1)
}
