//! Offers: the owner makes, edits, pauses and ends them and sees what they did; a member's
//! phone reads its own. The rules are `crate::offers`'.

use axum::extract::State;
use axum::http::StatusCode;
use regulars_protocol::offers::{
    MemberOffers, OfferInput, OfferPreview, OfferStatus, OfferStatusChange, OwnerOffer, OwnerOffers,
};
use regulars_protocol::wire::ApiErrorBody;
use regulars_protocol::{OfferId, ProgramKind, ShopId};

use crate::auth::{CardAuth, OwnerAuth};
use crate::db;
use crate::error::{ApiError, Json, Path};
use crate::offers;
use crate::startup::AppState;

/// The offer checked on its own, against the shop's program: the field at fault, or nothing.
async fn checked(state: &AppState, shop_id: ShopId, input: &OfferInput) -> Result<(), ApiError> {
    let program = db::shops::program(&state.db, shop_id).await?;
    input
        .validate(program.kind == ProgramKind::Points)
        .map_err(|e| ApiError::validation(e.field, e.to_string()))
}

fn unknown_offer() -> ApiError {
    ApiError::not_found("unknown_offer", "This shop has no such offer.")
}

async fn time_zone(state: &AppState, shop_id: ShopId) -> Result<String, ApiError> {
    Ok(db::shops::find(&state.db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} vanished"))?
        .time_zone)
}

/// The shop's offer with its figures.
async fn owner_offer(
    state: &AppState,
    shop_id: ShopId,
    id: OfferId,
) -> Result<OwnerOffer, ApiError> {
    offers::owner_offers(state, shop_id, Some(id))
        .await?
        .pop()
        .ok_or_else(unknown_offer)
}

/// Every offer of the shop, newest first, with its audience, what its members did, where the
/// rankings put it and its effect against its holdout.
#[utoipa::path(get, path = "/api/v1/owner/offers", tag = "owner",
    responses((status = 200, body = OwnerOffers), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn list(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<Json<OwnerOffers>, ApiError> {
    Ok(Json(OwnerOffers {
        offers: offers::owner_offers(&state, owner.shop_id, None).await?,
    }))
}

/// How many members an offer would reach, before it is saved.
#[utoipa::path(post, path = "/api/v1/owner/offers/preview", tag = "owner", request_body = OfferInput,
    responses(
        (status = 200, body = OfferPreview),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn preview(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(input): Json<OfferInput>,
) -> Result<Json<OfferPreview>, ApiError> {
    checked(&state, owner.shop_id, &input).await?;
    let zone = time_zone(&state, owner.shop_id).await?;
    Ok(Json(
        offers::preview(&state, owner.shop_id, &zone, None, &input).await?,
    ))
}

/// Makes an offer, active at once, and draws its audience and holdout.
#[utoipa::path(post, path = "/api/v1/owner/offers", tag = "owner", request_body = OfferInput,
    responses(
        (status = 201, body = OwnerOffer),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn create(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(input): Json<OfferInput>,
) -> Result<(StatusCode, Json<OwnerOffer>), ApiError> {
    checked(&state, owner.shop_id, &input).await?;
    let id = OfferId(uuid::Uuid::now_v7());
    let mut tx = state.writer.begin().await?;
    db::offers::insert(&mut tx, owner.shop_id, id, &input).await?;
    tx.commit().await?;
    offers::refresh(&state, owner.shop_id, offers::Scope::Offer(id)).await?;
    Ok((
        StatusCode::CREATED,
        Json(owner_offer(&state, owner.shop_id, id).await?),
    ))
}

/// Edits an offer: a new version (uses and engagement name the version they saw). The holdout
/// draw does not change.
#[utoipa::path(put, path = "/api/v1/owner/offers/{id}", tag = "owner", request_body = OfferInput,
    params(("id" = String, Path, format = Uuid, description = "The offer")),
    responses(
        (status = 200, body = OwnerOffer),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn update(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<OfferId>,
    Json(input): Json<OfferInput>,
) -> Result<Json<OwnerOffer>, ApiError> {
    checked(&state, owner.shop_id, &input).await?;
    let mut tx = state.writer.begin().await?;
    if db::offers::update(&mut tx, owner.shop_id, id, &input)
        .await?
        .is_none()
    {
        return Err(unknown_offer());
    }
    // A new version is new text for every member who can see it: their tills pull it with
    // the program, their phones with the card.
    tx.commit().await?;
    offers::refresh(&state, owner.shop_id, offers::Scope::Offer(id)).await?;
    Ok(Json(owner_offer(&state, owner.shop_id, id).await?))
}

/// Pauses, resumes (`active`) or ends an offer. An ended offer stays ended.
#[utoipa::path(post, path = "/api/v1/owner/offers/{id}/status", tag = "owner", request_body = OfferStatusChange,
    params(("id" = String, Path, format = Uuid, description = "The offer")),
    responses(
        (status = 200, body = OwnerOffer),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn set_status(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<OfferId>,
    Json(change): Json<OfferStatusChange>,
) -> Result<Json<OwnerOffer>, ApiError> {
    if change.status == OfferStatus::Unknown {
        return Err(ApiError::validation(
            "status",
            "status: one of active, paused, ended",
        ));
    }
    let current = db::offers::find(&state.db, owner.shop_id, id)
        .await?
        .ok_or_else(unknown_offer)?;
    if current.status == OfferStatus::Ended && change.status != OfferStatus::Ended {
        return Err(ApiError::validation(
            "status",
            "status: an ended offer cannot start again; make a new one",
        ));
    }
    let mut tx = state.writer.begin().await?;
    db::offers::set_status(&mut tx, owner.shop_id, id, change.status).await?;
    tx.commit().await?;
    if change.status == OfferStatus::Active {
        offers::refresh(&state, owner.shop_id, offers::Scope::Offer(id)).await?;
    }
    Ok(Json(owner_offer(&state, owner.shop_id, id).await?))
}

/// The member's offers now, best first (the card view carries the same list).
#[utoipa::path(get, path = "/api/v1/cards/me/offers", tag = "shopper",
    responses(
        (status = 200, body = MemberOffers),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
    ),
    security(("card_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn mine(
    State(state): State<AppState>,
    card: CardAuth,
) -> Result<Json<MemberOffers>, ApiError> {
    Ok(Json(MemberOffers {
        offers: offers::member_offers(&state, card.shop_id, card.card_id).await?,
    }))
}
