//! Pairing a tablet with a shop.

use axum::extract::State;
use axum::http::StatusCode;
use rand::Rng;
use regulars_protocol::wire::{ApiErrorBody, DeviceInfo, PairRequest, PairResponse, PairingCode};
use regulars_protocol::{DeviceId, ShopId};
use time::Duration;

use crate::auth::{self, OwnerAuth};
use crate::db;
use crate::error::{ApiError, Json, Path};
use crate::routes::till::till_program;
use crate::startup::AppState;

/// Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
const PAIRING_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const PAIRING_LEN: usize = 8;
const PAIRING_MINUTES: i64 = 10;

/// A one-time code to pair a tablet: 8 characters, valid 10 minutes, single use.
#[utoipa::path(post, path = "/api/v1/owner/pairing-codes", tag = "owner",
    responses((status = 201, body = PairingCode), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn create_pairing_code(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<(StatusCode, Json<PairingCode>), ApiError> {
    let code: String = {
        let mut rng = rand::rng();
        (0..PAIRING_LEN)
            .map(|_| PAIRING_ALPHABET[rng.random_range(0..PAIRING_ALPHABET.len())] as char)
            .collect()
    };
    let expires_at = db::now() + Duration::minutes(PAIRING_MINUTES);
    let location = db::shops::default_location(&state.db, owner.shop_id).await?;
    db::devices::insert_pairing_code(
        &state.writer,
        &auth::hash_token(&code),
        owner.shop_id,
        location,
        expires_at,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(PairingCode { code, expires_at })))
}

/// Pairs a tablet with the code the owner made, and gives it its credential.
#[utoipa::path(post, path = "/api/v1/devices/pair", tag = "till", request_body = PairRequest,
    responses(
        (status = 201, body = PairResponse),
        (status = 400, body = ApiErrorBody),
        (status = 401, description = "Wrong, used or expired pairing code", body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn pair(
    State(state): State<AppState>,
    Json(req): Json<PairRequest>,
) -> Result<(StatusCode, Json<PairResponse>), ApiError> {
    let name = match req.device_name.as_deref().map(str::trim) {
        None | Some("") => "Tablet".to_string(),
        Some(name) if name.chars().count() <= 60 && !name.chars().any(char::is_control) => {
            name.to_string()
        }
        Some(_) => {
            return Err(ApiError::validation(
                "device_name",
                "The tablet's name can be at most 60 characters.",
            ));
        }
    };
    let code: String = req
        .code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let wrong = || {
        ApiError::unauthorized(
            "invalid_pairing_code",
            "This pairing code is wrong, used or expired. Ask the owner for a new one.",
        )
    };
    if code.len() != PAIRING_LEN {
        return Err(wrong());
    }
    let device_id = DeviceId::random();
    let token = auth::new_token();
    let mut tx = state.writer.begin().await?;
    let Some((shop_id, location_id)) =
        db::devices::consume_pairing_code(&mut tx, &auth::hash_token(&code)).await?
    else {
        return Err(wrong());
    };
    db::devices::insert(
        &mut tx,
        device_id,
        shop_id,
        location_id,
        &name,
        &auth::hash_token(&token),
    )
    .await?;
    tx.commit().await?;
    let till = till_program(&state, shop_id as ShopId, location_id).await?;
    // The owner made the pairing code: the tablet starts as the owner, with a session of its own.
    let staff_session = crate::ledger::staff::open(
        &state.writer,
        &state.keys.staff_sessions,
        shop_id,
        device_id,
        till.default_staff_id,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(PairResponse {
            device_id,
            token,
            till,
            staff_session: Some(staff_session),
        }),
    ))
}

/// The shop's tablets: name, location, when paired, last seen, and whether unpaired.
#[utoipa::path(get, path = "/api/v1/owner/devices", tag = "owner",
    responses((status = 200, body = Vec<DeviceInfo>), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn list(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<Json<Vec<DeviceInfo>>, ApiError> {
    Ok(Json(db::devices::list(&state.db, owner.shop_id).await?))
}

/// Unpairs a tablet: from its next request on, every device endpoint answers 401
/// `device_revoked`. Unpairing twice changes nothing.
#[utoipa::path(post, path = "/api/v1/owner/devices/{id}/revoke", tag = "owner",
    params(("id" = String, Path, format = Uuid, description = "The tablet")),
    responses((status = 200, body = DeviceInfo), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn revoke(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<DeviceId>,
) -> Result<Json<DeviceInfo>, ApiError> {
    if !db::devices::revoke(&state.writer, owner.shop_id, id).await? {
        return Err(ApiError::not_found(
            "unknown_device",
            "This shop has no such tablet.",
        ));
    }
    db::devices::list(&state.db, owner.shop_id)
        .await?
        .into_iter()
        .find(|d| d.id == id)
        .map(Json)
        .ok_or_else(|| anyhow::anyhow!("device {id} vanished").into())
}
