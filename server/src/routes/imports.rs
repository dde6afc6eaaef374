//! The owner's imports of purchase history: upload a CSV file, say which column is which, see
//! the bad rows, start the job and follow it. The rules live in `crate::imports`.

use axum::extract::State;
use axum::http::StatusCode;
use regulars_protocol::imports::{ColumnMapping, ImportJob, ImportList, StartImport};
use regulars_protocol::wire::ApiErrorBody;
use serde::Deserialize;

use crate::auth::OwnerAuth;
use crate::db;
use crate::error::{ApiError, CsvBytes, Json, Path, Query};
use crate::imports;
use crate::startup::AppState;

/// Jobs the list shows.
const LIST_LEN: i64 = 20;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct UploadQuery {
    /// The file's name, as the owner will recognise it in the list.
    #[serde(default)]
    pub file_name: Option<String>,
}

fn unknown() -> ApiError {
    ApiError::not_found("not_found", "This shop has no such import.")
}

fn job_id(id: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(id).map_err(|_| unknown())
}

async fn job(state: &AppState, owner: &OwnerAuth, id: uuid::Uuid) -> Result<ImportJob, ApiError> {
    db::imports::find(&state.db, owner.shop_id, id)
        .await?
        .ok_or_else(unknown)
}

/// Reads the whole file with the mapping and keeps what it found, off the async threads (a
/// file of a million rows takes a few seconds).
async fn validate(
    state: &AppState,
    owner: &OwnerAuth,
    id: uuid::Uuid,
    columns: Vec<String>,
    mapping: ColumnMapping,
) -> Result<(), ApiError> {
    imports::check_mapping(&columns, &mapping)?;
    let content = db::imports::content(&state.writer, id).await?;
    let shop = imports::job::shop(&state.db, owner.shop_id).await?;
    let checked = mapping.clone();
    let report = tokio::task::spawn_blocking(move || {
        imports::read(&content, &columns, &checked, &shop, |_| {})
    })
    .await
    .map_err(anyhow::Error::from)??;
    if !db::imports::set_reading(&state.writer, id, &mapping, &report).await? {
        return Err(not_ready());
    }
    Ok(())
}

fn not_ready() -> ApiError {
    ApiError::conflict(
        "import_not_ready",
        "This import has started: its mapping can no longer change.",
    )
}

/// Uploads a CSV file of purchases (up to 50 MB and 1,000,000 rows) as a new import job. When
/// the header names the columns `customer`, `date` and `amount`, the whole file is checked at
/// once; otherwise the job waits for a mapping.
#[utoipa::path(post, path = "/api/v1/owner/imports", tag = "owner", params(UploadQuery),
    request_body(content = String, content_type = "text/csv"),
    responses(
        (status = 201, body = ImportJob),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 413, body = ApiErrorBody),
        (status = 415, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn upload(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Query(query): Query<UploadQuery>,
    CsvBytes(bytes): CsvBytes,
) -> Result<(StatusCode, Json<ImportJob>), ApiError> {
    let file_name = query
        .file_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("history.csv")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>();
    let content = imports::text(&bytes).map_err(|e| ApiError::validation("file", e.0))?;
    let columns = imports::columns(content).map_err(|e| ApiError::validation("file", e.0))?;
    let id = uuid::Uuid::new_v4();
    db::imports::insert(
        &state.writer,
        &db::imports::NewImport {
            id,
            shop_id: owner.shop_id,
            file_name: &file_name,
            content,
            columns: &columns,
        },
    )
    .await?;
    if let Some(mapping) = imports::guess_mapping(&columns) {
        validate(&state, &owner, id, columns, mapping).await?;
    }
    Ok((StatusCode::CREATED, Json(job(&state, &owner, id).await?)))
}

/// The shop's import jobs, newest first.
#[utoipa::path(get, path = "/api/v1/owner/imports", tag = "owner",
    responses((status = 200, body = ImportList), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<Json<ImportList>, ApiError> {
    Ok(Json(ImportList {
        imports: db::imports::list(&state.db, owner.shop_id, LIST_LEN).await?,
    }))
}

/// One import job: its check (bad rows, preview) and its progress.
#[utoipa::path(get, path = "/api/v1/owner/imports/{id}", tag = "owner",
    params(("id" = String, Path)),
    responses((status = 200, body = ImportJob), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("owner_session" = [])))]
pub async fn show(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<String>,
) -> Result<Json<ImportJob>, ApiError> {
    Ok(Json(job(&state, &owner, job_id(&id)?).await?))
}

/// Says which column holds each field, and checks the whole file with it again.
#[utoipa::path(put, path = "/api/v1/owner/imports/{id}/mapping", tag = "owner",
    params(("id" = String, Path)), request_body = ColumnMapping,
    responses(
        (status = 200, body = ImportJob),
        (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn set_mapping(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<String>,
    Json(mapping): Json<ColumnMapping>,
) -> Result<Json<ImportJob>, ApiError> {
    let id = job_id(&id)?;
    let current = job(&state, &owner, id).await?;
    if !matches!(
        current.status,
        regulars_protocol::imports::ImportStatus::NeedsMapping
            | regulars_protocol::imports::ImportStatus::Invalid
            | regulars_protocol::imports::ImportStatus::Ready
    ) {
        return Err(not_ready());
    }
    validate(&state, &owner, id, current.columns, mapping).await?;
    Ok(Json(job(&state, &owner, id).await?))
}

/// Starts committing the rows (or carries on after a failure). A job with bad rows starts only
/// with `skip_bad_rows`.
#[utoipa::path(post, path = "/api/v1/owner/imports/{id}/start", tag = "owner",
    params(("id" = String, Path)), request_body = StartImport,
    responses(
        (status = 202, body = ImportJob),
        (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn start(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<String>,
    Json(request): Json<StartImport>,
) -> Result<(StatusCode, Json<ImportJob>), ApiError> {
    use regulars_protocol::imports::ImportStatus;
    let id = job_id(&id)?;
    let current = job(&state, &owner, id).await?;
    if current.status == ImportStatus::Invalid && !request.skip_bad_rows {
        return Err(ApiError::conflict(
            "import_has_bad_rows",
            format!(
                "{} rows of the file are bad: fix them and upload the file again, or start with skip_bad_rows.",
                current.bad_rows
            ),
        ));
    }
    if !db::imports::start(&state.writer, id, request.skip_bad_rows).await? {
        return Err(ApiError::conflict(
            "import_not_ready",
            match current.status {
                ImportStatus::NeedsMapping => "Say which column is which before starting.",
                ImportStatus::Running => "This import is running.",
                _ => "This import is done.",
            },
        ));
    }
    state.imports.wake();
    Ok((StatusCode::ACCEPTED, Json(job(&state, &owner, id).await?)))
}
