//! Importing a shop's purchase history from a CSV file (a paper list typed up, a POS export,
//! another loyalty tool): the job's wire types. The rules (reading the file, matching customers,
//! committing) live in the server's `imports` module.
//!
//! A job goes `needs_mapping` (the header names none of the required columns) or `invalid` (some
//! rows are bad) or `ready`, then `running` once the owner starts it, then `done`. Changing the
//! mapping validates the whole file again.

use serde::{Deserialize, Serialize};

/// Largest file an owner may upload, in bytes.
pub const MAX_IMPORT_BYTES: usize = 50 * 1024 * 1024;
/// Most purchase rows one file may hold (the header aside).
pub const MAX_IMPORT_ROWS: usize = 1_000_000;
/// Bad rows a job reports one by one (the count covers all of them).
pub const MAX_REPORTED_BAD_ROWS: usize = 200;
/// Rows a job shows as they will be read.
pub const PREVIEW_ROWS: usize = 5;

/// Which column of the file holds each field, by the header's names. `customer`, `date` and
/// `amount` are required; a field left out is not imported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ColumnMapping {
    pub customer: String,
    pub date: String,
    pub amount: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// The header does not name the required columns: the owner says which column is which.
    NeedsMapping,
    /// Some rows are bad: fix the file, or start with `skip_bad_rows`.
    Invalid,
    /// Every row reads: ready to start.
    Ready,
    /// Being committed, chunk by chunk.
    Running,
    Done,
    /// Stopped for a reason the job names in `error` (nothing half-written: every chunk is
    /// whole or absent, and starting again carries on).
    Failed,
}

/// A bad row: its line in the file (the header is line 1), the column, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BadRow {
    pub line: u64,
    /// The file's column name (or the field's name when the column is missing).
    pub column: String,
    pub reason: String,
}

/// A row as it will be read: the purchase's shop-local time and amount in minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviewRow {
    pub line: u64,
    pub customer: String,
    /// Shop-local date and time, `YYYY-MM-DD HH:MM` (a date alone shows as noon; it is a visit
    /// of that day at no hour).
    pub local_time: String,
    pub amount_minor: i64,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
}

/// What the commit did so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportProgress {
    /// Good rows committed, out of `rows - bad_rows`.
    pub rows_done: u64,
    /// Purchases stored by this job.
    pub purchases_added: u64,
    /// Purchases already stored by an earlier import of the same rows.
    pub purchases_already_there: u64,
    /// Customers matched to a member by e-mail.
    pub matched_by_email: u64,
    /// Customers matched to a member an earlier import made for the same customer value.
    pub matched_by_customer: u64,
    /// New members (without a phone: they can be given a printed card).
    pub new_members: u64,
}

/// `GET /api/v1/owner/imports/{id}`: one import job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportJob {
    pub id: String,
    pub file_name: String,
    pub status: ImportStatus,
    pub uploaded_at: String,
    /// The header's column names, in the file's order.
    pub columns: Vec<String>,
    #[serde(default)]
    pub mapping: Option<ColumnMapping>,
    /// Purchase rows in the file (the header aside).
    pub rows: u64,
    pub bad_rows: u64,
    /// The first [`MAX_REPORTED_BAD_ROWS`] bad rows.
    pub bad: Vec<BadRow>,
    /// The first rows as they will be read.
    pub preview: Vec<PreviewRow>,
    pub skip_bad_rows: bool,
    pub progress: ImportProgress,
    #[serde(default)]
    pub started_at: Option<String>,
    #[serde(default)]
    pub finished_at: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
}

/// `POST /api/v1/owner/imports/{id}/start`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartImport {
    /// Import the good rows and leave the bad ones out (without it a job with bad rows does
    /// not start).
    #[serde(default)]
    pub skip_bad_rows: bool,
}

/// `GET /api/v1/owner/imports`: the shop's jobs, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportList {
    pub imports: Vec<ImportJob>,
}
