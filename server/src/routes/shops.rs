//! What anyone may see of a shop: the join page.

use axum::extract::State;
use regulars_protocol::wire::{ApiErrorBody, PublicShop};

use crate::db;
use crate::error::{ApiError, Json, Path};
use crate::startup::AppState;

/// The shop and program behind a join link.
#[utoipa::path(get, path = "/api/v1/shops/{slug}", tag = "shopper",
    params(("slug" = String, Path, description = "The shop's short name from its join link")),
    responses((status = 200, body = PublicShop), (status = 404, body = ApiErrorBody)))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<PublicShop>, ApiError> {
    let shop = db::shops::find_by_slug(&state.db, &slug)
        .await?
        .ok_or_else(unknown_shop)?;
    let program = db::shops::program(&state.db, shop.id).await?;
    Ok(Json(PublicShop { shop, program }))
}

pub fn unknown_shop() -> ApiError {
    ApiError::not_found(
        "unknown_shop",
        "This join link does not lead to a shop. Check the link or ask the shop.",
    )
}
