use axum::extract::State;
use regulars_protocol::wire::Health;

use crate::error::{ApiError, Json};
use crate::startup::AppState;

/// Answers 200 when the server can reach its database.
#[utoipa::path(get, path = "/healthz", tag = "health",
    responses((status = 200, body = Health), (status = 500, body = regulars_protocol::wire::ApiErrorBody)))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn check(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    sqlx::query("SELECT 1").execute(&state.db).await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}
