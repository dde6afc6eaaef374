//! Sync: a device pushes a batch of events; the server stores them in one transaction and
//! answers per event. Pushing the same batch again changes nothing.

use axum::extract::State;
use regulars_protocol::wire::{
    ApiErrorBody, KNOWN_MAX, KnownRequest, KnownResponse, PullResponse, PushRequest, PushResponse,
};

use crate::auth::{DeviceAuth, PushingDevice};
use crate::db;
use crate::error::{ApiError, Json, JsonBytes, Query};
use crate::ledger::{self, RawPush};
use crate::routes::till::till_program;
use crate::startup::AppState;

/// Most cards one pull returns.
const PULL_PAGE: i64 = 500;
/// Most of the tablet's own stored event ids one pull returns.
const STORED_PAGE: i64 = 5_000;

/// Query of `GET /api/v1/sync/pull`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PullQuery {
    /// The `cursor` of the last answer; 0 or absent for everything.
    #[serde(default)]
    #[param(minimum = 0)]
    pub cursor: i64,
}

/// The tablet's sync: the program and the card directory entries changed after its cursor.
#[utoipa::path(get, path = "/api/v1/sync/pull", tag = "till", params(PullQuery),
    responses((status = 200, body = PullResponse), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody)),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn pull(
    State(state): State<AppState>,
    device: DeviceAuth,
    Query(query): Query<PullQuery>,
) -> Result<Json<PullResponse>, ApiError> {
    let after = query.cursor.max(0);
    let mut cards = db::cards::changed_since(&state.db, device.shop_id, after, PULL_PAGE).await?;
    let ids: Vec<_> = cards.iter().map(|c| c.card_id).collect();
    let mut offers = crate::offers::card_offers(&state, &ids).await?;
    let mut regulars = crate::offers::regular_lines(&state, device.shop_id, &ids).await?;
    for card in &mut cards {
        card.offers = offers.remove(&card.card_id).unwrap_or_default();
        card.regular = regulars.remove(&card.card_id);
    }
    let cursor = cards.last().map(|c| c.changed_seq).unwrap_or(after);
    // This tablet's events among those changes: it settles them even if a push's answer was
    // lost. (Beyond a page of them, the rest settle as `duplicate` when the outbox resends.)
    let stored =
        db::events::device_stored_between(&state.db, device.device_id, after, cursor, STORED_PAGE)
            .await?;
    Ok(Json(PullResponse {
        cursor,
        stored,
        more: cards.len() as i64 == PULL_PAGE,
        till: till_program(&state, device.shop_id, device.location_id).await?,
        cards,
    }))
}

/// Stores a batch of events from this device, idempotently by event id. The rules are
/// [`crate::ledger`]'s. A tablet unpaired less than 30 days ago may still push the events it
/// made before (stored flagged `device_revoked`; later ones are refused `device_revoked`).
#[utoipa::path(post, path = "/api/v1/sync/push", tag = "till", request_body = PushRequest,
    responses(
        (status = 200, description = "One result per event, in order", body = PushResponse),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 413, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err)]
pub async fn push(
    State(state): State<AppState>,
    device: PushingDevice,
    JsonBytes(body): JsonBytes,
) -> Result<Json<PushResponse>, ApiError> {
    let results = ledger::push(&state, &device, RawPush::from_json(&body)?).await?;
    Ok(Json(PushResponse { results }))
}

/// Which of these event ids the shop's ledger holds. A tablet paired again asks this about the
/// events an earlier pairing left in its outbox, before it calls any of them lost.
#[utoipa::path(post, path = "/api/v1/sync/known", tag = "till", request_body = KnownRequest,
    responses((status = 200, body = KnownResponse), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody), (status = 422, body = ApiErrorBody)),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"), fields(ids = req.ids.len()))]
pub async fn known(
    State(state): State<AppState>,
    device: DeviceAuth,
    Json(req): Json<KnownRequest>,
) -> Result<Json<KnownResponse>, ApiError> {
    if req.ids.len() > KNOWN_MAX {
        return Err(ApiError::validation(
            "ids",
            format!("Ask about at most {KNOWN_MAX} events at a time."),
        ));
    }
    let stored = db::events::stored_among(&state.db, device.shop_id, &req.ids).await?;
    Ok(Json(KnownResponse { stored }))
}
