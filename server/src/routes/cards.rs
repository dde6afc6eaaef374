//! A shopper's card: joining, reading it, and the optional profile.

use axum::extract::State;
use axum::http::StatusCode;
use regulars_protocol::card_events::{CardEventsPush, CardEventsPushResponse};
use regulars_protocol::wire::{
    ApiErrorBody, CardEvents, CardInfo, CardKeyRequest, CardView, JoinRequest, JoinResponse,
    ProfileUpdate, RecoverRequest, RecoveryCode,
};
use regulars_protocol::{CardCode, CardId, ShopId};

use crate::auth::{self, CardAuth};
use crate::db;
use crate::domain;
use crate::error::{ApiError, Json, JsonBytes, Path, Query};
use crate::routes::shops::unknown_shop;
use crate::startup::AppState;

/// How many events the card page shows.
const HISTORY_LEN: i64 = 100;

/// Joins a shop's program: makes a card and its secret token (returned once).
#[utoipa::path(post, path = "/api/v1/shops/{slug}/join", tag = "shopper", request_body = JoinRequest,
    params(("slug" = String, Path, description = "The shop's short name from its join link")),
    responses(
        (status = 201, body = JoinResponse),
        (status = 400, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 413, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn join(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Json(req): Json<JoinRequest>,
) -> Result<(StatusCode, Json<JoinResponse>), ApiError> {
    let shop = db::shops::find_by_slug(&state.db, &slug)
        .await?
        .ok_or_else(unknown_shop)?;
    let first_name = req
        .first_name
        .as_deref()
        .map(domain::first_name)
        .transpose()?
        .flatten();
    let email = req
        .email
        .as_deref()
        .map(domain::optional_email)
        .transpose()?
        .flatten();
    let public_key = req
        .public_key
        .as_deref()
        .map(domain::card_key)
        .transpose()?;
    let card_id = CardId::random();
    let token = auth::new_token();
    let recovery_code = auth::new_recovery_code();
    let mut tx = state.writer.begin().await?;
    db::events::lock_shop(&mut tx, shop.id).await?;
    let seq = db::events::next_seq(&mut tx, shop.id).await?;
    let new = db::cards::NewCard {
        id: card_id,
        shop_id: shop.id,
        token_hash: &auth::hash_token(&token),
        first_name: first_name.as_deref(),
        email: email.as_deref(),
        public_key: public_key.as_deref(),
        recovery_hash: Some(&auth::hash_recovery_code(
            &state.keys.recovery_codes,
            &recovery_code,
        )),
        printed: false,
    };
    db::cards::insert(&mut tx, seq, &new).await?;
    if let Some(consent) = req.offers_consent {
        db::offers::set_consent(&mut *tx, card_id, consent).await?;
    }
    tx.commit().await?;
    crate::offers::admit(&state, shop.id, card_id).await?;
    let card = card_view(&state, shop.id, card_id).await?;
    Ok((
        StatusCode::CREATED,
        Json(JoinResponse {
            token,
            card,
            recovery_code: Some(recovery_code),
        }),
    ))
}

/// Registers the phone's card key, for a card made before signed codes. A card's key is set
/// once: a new phone moves the card with its recovery code instead.
#[utoipa::path(put, path = "/api/v1/cards/me/key", tag = "shopper", request_body = CardKeyRequest,
    responses(
        (status = 200, body = CardView),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 409, description = "The card already has a key", body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("card_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn register_key(
    State(state): State<AppState>,
    card: CardAuth,
    Json(req): Json<CardKeyRequest>,
) -> Result<Json<CardView>, ApiError> {
    let public_key = domain::card_key(&req.public_key)?;
    let mut tx = state.writer.begin().await?;
    db::events::lock_shop(&mut tx, card.shop_id).await?;
    let seq = db::events::next_seq(&mut tx, card.shop_id).await?;
    if !db::cards::set_key_if_none(&mut tx, seq, card.card_id, &public_key).await? {
        return Err(ApiError::conflict(
            "key_already_registered",
            "This card already has a key. To move it to a new phone, use its recovery code.",
        ));
    }
    tx.commit().await?;
    Ok(Json(card_view(&state, card.shop_id, card.card_id).await?))
}

/// A new recovery code for the card; the previous one stops working.
#[utoipa::path(post, path = "/api/v1/cards/me/recovery-code", tag = "shopper",
    responses((status = 201, body = RecoveryCode), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("card_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn new_recovery_code(
    State(state): State<AppState>,
    card: CardAuth,
) -> Result<(StatusCode, Json<RecoveryCode>), ApiError> {
    let recovery_code = auth::new_recovery_code();
    db::cards::set_recovery_hash(
        &state.writer,
        card.card_id,
        &auth::hash_recovery_code(&state.keys.recovery_codes, &recovery_code),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(RecoveryCode { recovery_code })))
}

/// Moves a card to a new phone with its recovery code. The old phone's token and key stop
/// working at once, and the answer carries a new recovery code.
#[utoipa::path(post, path = "/api/v1/cards/recover", tag = "shopper", request_body = RecoverRequest,
    responses(
        (status = 200, body = JoinResponse),
        (status = 400, body = ApiErrorBody),
        (status = 401, description = "Wrong recovery code", body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
        (status = 429, body = ApiErrorBody),
    ))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn recover(
    State(state): State<AppState>,
    Json(req): Json<RecoverRequest>,
) -> Result<Json<JoinResponse>, ApiError> {
    let wrong_code = || {
        ApiError::unauthorized(
            "invalid_recovery_code",
            "This recovery code is wrong or was replaced by a newer one.",
        )
    };
    // The code first: a stranger learns nothing from the key's answer.
    let hashes = [
        auth::hash_recovery_code(&state.keys.recovery_codes, &req.recovery_code),
        auth::legacy_recovery_hash(&req.recovery_code),
    ];
    if !db::cards::recovery_code_exists(&state.db, &hashes).await? {
        return Err(wrong_code());
    }
    let public_key = domain::card_key(&req.public_key)?;
    let token = auth::new_token();
    let recovery_code = auth::new_recovery_code();
    let mut tx = state.writer.begin().await?;
    let moved = db::cards::recover(
        &mut tx,
        &hashes,
        &auth::hash_token(&token),
        &public_key,
        &auth::hash_recovery_code(&state.keys.recovery_codes, &recovery_code),
    )
    .await?;
    let Some(card) = moved else {
        return Err(wrong_code());
    };
    tx.commit().await?;
    let view = card_view(&state, card.shop_id, card.id).await?;
    Ok(Json(JoinResponse {
        token,
        card: view,
        recovery_code: Some(recovery_code),
    }))
}

/// The shopper's own card: code, balance, rewards and history.
#[utoipa::path(get, path = "/api/v1/cards/me", tag = "shopper",
    responses((status = 200, body = CardView), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("card_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn show(
    State(state): State<AppState>,
    card: CardAuth,
) -> Result<Json<CardView>, ApiError> {
    Ok(Json(card_view(&state, card.shop_id, card.card_id).await?))
}

/// Sets or clears the optional first name and e-mail.
#[utoipa::path(patch, path = "/api/v1/cards/me", tag = "shopper", request_body = ProfileUpdate,
    responses(
        (status = 200, body = CardView),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("card_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn update(
    State(state): State<AppState>,
    card: CardAuth,
    Json(req): Json<ProfileUpdate>,
) -> Result<Json<CardView>, ApiError> {
    let current = db::cards::find(&state.db, card.shop_id, card.card_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("card {} vanished", card.card_id))?;
    let first_name = match req.first_name.as_deref() {
        Some(input) => domain::first_name(input)?,
        None => current.first_name,
    };
    let email = match req.email.as_deref() {
        Some(input) => domain::optional_email(input)?,
        None => current.email,
    };
    let mut tx = state.writer.begin().await?;
    db::events::lock_shop(&mut tx, card.shop_id).await?;
    let seq = db::events::next_seq(&mut tx, card.shop_id).await?;
    db::cards::update_profile(
        &mut tx,
        seq,
        card.card_id,
        first_name.as_deref(),
        email.as_deref(),
    )
    .await?;
    let consent_changed = match req.offers_consent {
        Some(consent) => {
            db::offers::set_consent(&mut *tx, card.card_id, consent).await?;
            true
        }
        None => false,
    };
    tx.commit().await?;
    if consent_changed {
        // Targeted offers reach the member, or stop reaching them, from now on.
        let scope = crate::offers::Scope::Member(card.card_id);
        crate::offers::refresh(&state, card.shop_id, scope).await?;
    }
    Ok(Json(card_view(&state, card.shop_id, card.card_id).await?))
}

/// Query of `GET /api/v1/cards/me/events`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// The `cursor` of the last answer; 0 or absent for everything.
    #[serde(default)]
    #[param(minimum = 0)]
    pub after: i64,
}

/// How many events one pull of a card returns at most.
const EVENTS_PAGE: i64 = 200;

/// The phone's sync: its own card's events after its cursor, and its balance.
#[utoipa::path(get, path = "/api/v1/cards/me/events", tag = "shopper", params(EventsQuery),
    responses((status = 200, body = CardEvents), (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)),
    security(("card_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn events(
    State(state): State<AppState>,
    card: CardAuth,
    Query(query): Query<EventsQuery>,
) -> Result<Json<CardEvents>, ApiError> {
    let after = query.after.max(0);
    let events = db::events::since(&state.db, card.card_id, after, EVENTS_PAGE).await?;
    let cursor = events.last().map(|e| e.seq).unwrap_or(after);
    Ok(Json(CardEvents {
        cursor,
        more: events.len() as i64 == EVENTS_PAGE,
        balance: db::events::balance(&state.db, card.card_id).await?,
        events,
        server_time: db::now(),
        card_events: db::card_events::state(&state.db, card.card_id).await?,
        offers: crate::offers::member_offers(&state, card.shop_id, card.card_id).await?,
    }))
}

/// The phone's push: what the shopper did on the card (survey answers), from the phone's own
/// outbox, idempotently by event id. The rules are [`crate::ledger::phone`]'s.
#[utoipa::path(post, path = "/api/v1/cards/me/events", tag = "shopper", request_body = CardEventsPush,
    responses(
        (status = 200, description = "One result per event, in order, and the card's state", body = CardEventsPushResponse),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 413, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("card_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn push_events(
    State(state): State<AppState>,
    card: CardAuth,
    JsonBytes(body): JsonBytes,
) -> Result<Json<CardEventsPushResponse>, ApiError> {
    let (results, state) =
        crate::ledger::phone::push(&state, &card, crate::ledger::RawPush::from_json(&body)?)
            .await?;
    Ok(Json(CardEventsPushResponse { results, state }))
}

pub async fn card_view(
    state: &AppState,
    shop_id: ShopId,
    card_id: CardId,
) -> Result<CardView, ApiError> {
    let shop = db::shops::find(&state.db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} vanished"))?;
    let card = db::cards::find(&state.db, shop_id, card_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("card {card_id} vanished"))?;
    let (offers_consent, offers_consent_at) = db::offers::consent(&state.db, card_id).await?;
    Ok(CardView {
        card: CardInfo {
            id: card.id,
            code: CardCode::Static { card_id: card.id }.encode(),
            has_key: card.public_key.is_some(),
            first_name: card.first_name,
            email: card.email,
            created_at: card.created_at,
            offers_consent,
            offers_consent_at,
        },
        program: db::shops::program(&state.db, shop_id).await?,
        balance: db::events::balance(&state.db, card_id).await?,
        history: db::events::history(&state.db, card_id, HISTORY_LEN).await?,
        shop,
        server_time: db::now(),
        card_events: db::card_events::state(&state.db, card_id).await?,
        offers: crate::offers::member_offers(state, shop_id, card_id).await?,
    })
}
