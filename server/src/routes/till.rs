//! What a paired tablet reads: its program, and the customer behind a card code.

use axum::extract::State;
use regulars_protocol::wire::{ApiErrorBody, CodeCheck, Customer, LookupRequest, TillProgram};
use regulars_protocol::{CardCode, CardKey, CodeRefused, LocationId, ShopId, Verified};

use crate::auth::DeviceAuth;
use crate::db;
use crate::error::{ApiError, Json};
use crate::ledger;
use crate::startup::AppState;

/// Most pending event ids a lookup may ask about.
const MAX_PENDING: usize = 500;

/// How many recent events the till shows for a customer.
const RECENT_LEN: i64 = 5;

/// The shop, program and staff the tablet works with.
#[utoipa::path(get, path = "/api/v1/till/program", tag = "till",
    responses((status = 200, body = TillProgram), (status = 401, body = ApiErrorBody)),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn program(
    State(state): State<AppState>,
    device: DeviceAuth,
) -> Result<Json<TillProgram>, ApiError> {
    Ok(Json(
        till_program(&state, device.shop_id, device.location_id).await?,
    ))
}

/// The customer behind a scanned or typed card code. The code must prove itself: the phone's
/// code signed by the card's key for a time step within a minute of now and not used by another
/// tablet, or a printed card signed by the shop. The first tablet to show a (card, step) to the
/// server owns it; a copy shown at another till is refused.
#[utoipa::path(post, path = "/api/v1/till/lookup", tag = "till", request_body = LookupRequest,
    responses(
        (status = 200, body = Customer),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, description = "The card was revoked, or the code is not valid now (expired, copied, forged or old)", body = ApiErrorBody),
        (status = 404, description = "No such card at this shop", body = ApiErrorBody),
        (status = 422, description = "Not a card code", body = ApiErrorBody),
    ),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn lookup(
    State(state): State<AppState>,
    device: DeviceAuth,
    Json(req): Json<LookupRequest>,
) -> Result<Json<Customer>, ApiError> {
    if req.pending.len() > MAX_PENDING {
        return Err(ApiError::validation(
            "pending",
            format!("Ask about at most {MAX_PENDING} events at a time."),
        ));
    }
    let code = CardCode::parse(&req.code).map_err(|e| {
        let mut message = e.to_string();
        if let Some(first) = message.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        ApiError::validation("code", format!("{message}."))
    })?;
    let card = db::cards::find(&state.db, device.shop_id, code.card_id())
        .await?
        .ok_or_else(|| {
            ApiError::not_found("unknown_card", "No card with this code at this shop.")
        })?;
    if card.revoked {
        return Err(ApiError::forbidden(
            "card_revoked",
            "This card has been blocked by the shop.",
        ));
    }
    let keys = ledger::code::CardKeys {
        card_id: card.id,
        key: card
            .public_key
            .as_deref()
            .and_then(|k| CardKey::from_base64(k).ok()),
        printed: card.printed,
        printed_key: db::shops::printed_card_key(&state.db, &state.writer, device.shop_id).await?,
    };
    let signatures = ledger::code::Signatures::of_one(&keys, &req.code);
    let mut tx = state.writer.begin().await?;
    let judgement = ledger::code::judge(
        &mut tx,
        &keys,
        Some(&req.code),
        db::now(),
        ledger::code::Use::RedeemOnline,
        device.device_id,
        &signatures,
    )
    .await?;
    tx.commit().await?;
    let check = match judgement {
        ledger::code::Judgement::Accepted(Verified::Printed) => CodeCheck::Printed,
        ledger::code::Judgement::Accepted(Verified::Rotating { .. }) => CodeCheck::Signed,
        // A printed card is shown for stamps: the lookup says so, and a redemption is refused.
        ledger::code::Judgement::Failed(CodeRefused::PrintedCannotRedeem) => CodeCheck::Printed,
        ledger::code::Judgement::Failed(reason) => return Err(refused(reason)),
        ledger::code::Judgement::Unverified => return Err(refused(CodeRefused::Unsigned)),
        ledger::code::Judgement::Refused(_) => {
            return Err(ApiError::validation(
                "code",
                "This is not a Regulars card code.",
            ));
        }
    };
    Ok(Json(Customer {
        card_id: card.id,
        first_name: card.first_name,
        balance: db::events::balance(&state.db, card.id).await?,
        recent: db::events::history(&state.db, card.id, RECENT_LEN).await?,
        member_since: card.created_at,
        check,
        stored: db::events::device_has(&state.db, device.device_id, &req.pending).await?,
        offers: crate::offers::card_offers(&state, &[card.id])
            .await?
            .remove(&card.id)
            .unwrap_or_default(),
        regular: crate::offers::regular_lines(&state, device.shop_id, &[card.id])
            .await?
            .remove(&card.id),
    }))
}

/// A code the till must not accept, with its reason in the cashier's words.
pub fn refused(reason: CodeRefused) -> ApiError {
    ApiError::forbidden(reason.code(), sentence(reason))
}

/// Why a code is refused, as a sentence.
pub fn sentence(reason: CodeRefused) -> String {
    let mut message = reason.to_string();
    if let Some(first) = message.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    format!("{message}.")
}

pub async fn till_program(
    state: &AppState,
    shop_id: ShopId,
    location_id: LocationId,
) -> Result<TillProgram, ApiError> {
    let shop = db::shops::find(&state.db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} vanished"))?;
    // Active staff, the owner first (a freshly paired tablet acts as the owner, who paired it),
    // with cashiers' PIN hashes so the tablet can switch to them offline.
    let staff = db::staff::till_staff(&state.db, shop_id).await?;
    let default_staff_id = staff
        .first()
        .map(|s| s.id)
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} has no staff"))?;
    Ok(TillProgram {
        offers: crate::offers::till_offers(state, shop_id, &shop.time_zone).await?,
        shop,
        program: db::shops::program(&state.db, shop_id).await?,
        location_id,
        staff,
        default_staff_id,
        printed_card_key: Some(
            db::shops::printed_card_key(&state.db, &state.writer, shop_id)
                .await?
                .to_base64(),
        ),
        server_time: db::now(),
    })
}
