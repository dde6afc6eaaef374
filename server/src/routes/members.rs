//! The owner's members: the list, blocking a card, and printed cards for shoppers without a
//! smartphone.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use regulars_protocol::wire::{ApiErrorBody, Member, PrintedCard, PrintedCardRequest};
use regulars_protocol::{CardCode, CardId};

use crate::auth::{self, OwnerAuth};
use crate::db;
use crate::domain;
use crate::error::{ApiError, Json, Path, Query};
use crate::export::{self, Format, Table};
use crate::startup::AppState;

/// Most members one list returns (newest first).
const MEMBERS_PAGE: i64 = 500;

fn member(card: db::cards::CardRow, balance: regulars_protocol::Balance) -> Member {
    Member {
        card_id: card.id,
        first_name: card.first_name,
        email: card.email,
        printed: card.printed,
        balance,
        created_at: card.created_at,
        revoked_at: card.revoked_at,
    }
}

/// `?format=csv`.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `json` (the newest 500) or `csv` (every member, for a download).
    pub format: Option<String>,
}

/// The shop's members, newest first, with their balances: the newest 500 as JSON, or every
/// member as a CSV download.
#[utoipa::path(get, path = "/api/v1/owner/cards", tag = "owner",
    params(ListQuery),
    responses(
        (status = 200, body = Vec<Member>, description = "With format=csv, text/csv"),
        (status = 401, body = ApiErrorBody),
        (status = 422, description = "A bad format", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn list(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let format = Format::parse(q.format.as_deref())?;
    let limit = match format {
        Format::Json => MEMBERS_PAGE,
        Format::Csv => i64::MAX,
    };
    let members: Vec<Member> = db::cards::list(&state.db, owner.shop_id, limit)
        .await?
        .into_iter()
        .map(|(card, balance)| member(card, balance))
        .collect();
    if format == Format::Json {
        return Ok(Json(members).into_response());
    }
    let mut table = Table::new(&[
        "card_id",
        "first_name",
        "email",
        "printed",
        "balance",
        "earned",
        "redeemed",
        "rewards_redeemed",
        "visits",
        "joined",
        "blocked",
    ])?;
    for m in &members {
        table.row([
            m.card_id.to_string(),
            export::text(m.first_name.as_deref().unwrap_or_default()),
            export::text(m.email.as_deref().unwrap_or_default()),
            m.printed.to_string(),
            m.balance.balance.to_string(),
            m.balance.earned.to_string(),
            m.balance.redeemed.to_string(),
            m.balance.rewards_redeemed.to_string(),
            m.balance.visits.to_string(),
            db::ts(m.created_at),
            m.revoked_at.map(db::ts).unwrap_or_default(),
        ])?;
    }
    let today = db::ts(db::now());
    Ok(table.into_response(&format!("members-{}", &today[..10]))?)
}

/// Blocks a card at once: its token, its codes and its printed card are refused from now on,
/// on the server and (after their next pull) on every tablet.
#[utoipa::path(post, path = "/api/v1/owner/cards/{id}/revoke", tag = "owner",
    params(("id" = CardId, Path, description = "The card to block")),
    responses(
        (status = 200, body = Member),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 404, description = "No such card at this shop", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn revoke(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(card_id): Path<CardId>,
) -> Result<Json<Member>, ApiError> {
    let unknown = || ApiError::not_found("unknown_card", "No card with this id at this shop.");
    let mut tx = state.writer.begin().await?;
    db::events::lock_shop(&mut tx, owner.shop_id).await?;
    let seq = db::events::next_seq(&mut tx, owner.shop_id).await?;
    if !db::cards::revoke(&mut tx, seq, owner.shop_id, card_id).await? {
        // Not this shop's, or blocked already: the second is not an error.
        db::cards::find(&mut *tx, owner.shop_id, card_id)
            .await?
            .ok_or_else(unknown)?;
    } else {
        tx.commit().await?;
    }
    let card = db::cards::find(&state.db, owner.shop_id, card_id)
        .await?
        .ok_or_else(unknown)?;
    let balance = db::events::balance(&state.db, card_id).await?;
    Ok(Json(member(card, balance)))
}

/// A printed card for a shopper without a smartphone: a code signed once by the shop's key.
/// It never changes, so it collects stamps and points but cannot redeem rewards.
#[utoipa::path(post, path = "/api/v1/owner/printed-cards", tag = "owner", request_body = PrintedCardRequest,
    responses(
        (status = 201, body = PrintedCard),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn create_printed(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(req): Json<PrintedCardRequest>,
) -> Result<(StatusCode, Json<PrintedCard>), ApiError> {
    let first_name = req
        .first_name
        .as_deref()
        .map(domain::first_name)
        .transpose()?
        .flatten();
    let signer = db::shops::printed_card_signer(&state.writer, owner.shop_id).await?;
    let card_id = CardId::random();
    // A printed card has no phone: its token is made and thrown away, so nobody holds it.
    let unused_token = auth::hash_token(&auth::new_token());
    let mut tx = state.writer.begin().await?;
    db::events::lock_shop(&mut tx, owner.shop_id).await?;
    let seq = db::events::next_seq(&mut tx, owner.shop_id).await?;
    let new = db::cards::NewCard {
        id: card_id,
        shop_id: owner.shop_id,
        token_hash: &unused_token,
        first_name: first_name.as_deref(),
        email: None,
        public_key: None,
        recovery_hash: None,
        printed: true,
    };
    db::cards::insert(&mut tx, seq, &new).await?;
    tx.commit().await?;
    let card = db::cards::find(&state.db, owner.shop_id, card_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("card {card_id} vanished"))?;
    let code = CardCode::sign_printed(&signer, card_id).encode();
    Ok((
        StatusCode::CREATED,
        Json(PrintedCard {
            member: member(card, Default::default()),
            code,
        }),
    ))
}

/// The printed card of a member without a phone (made at the counter or by an import of the
/// shop's history), to print again: the same signed code the card was made with.
#[utoipa::path(post, path = "/api/v1/owner/cards/{id}/printed-card", tag = "owner",
    params(("id" = CardId, Path)),
    responses(
        (status = 200, body = PrintedCard),
        (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 409, description = "The member has a phone: their card is on it", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn printed_card(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(card_id): Path<CardId>,
) -> Result<Json<PrintedCard>, ApiError> {
    let card = db::cards::find(&state.db, owner.shop_id, card_id)
        .await?
        .ok_or_else(|| ApiError::not_found("unknown_card", "No card with this id at this shop."))?;
    if !card.printed {
        return Err(ApiError::conflict(
            "not_a_printed_card",
            "This member's card is on their phone: a printed card is only for members without one.",
        ));
    }
    if card.revoked {
        return Err(ApiError::conflict("card_revoked", "This card is blocked."));
    }
    let signer = db::shops::printed_card_signer(&state.writer, owner.shop_id).await?;
    let balance = db::events::balance(&state.db, card_id).await?;
    let code = CardCode::sign_printed(&signer, card_id).encode();
    Ok(Json(PrintedCard {
        member: member(card, balance),
        code,
    }))
}
