//! The owner's account, shop settings and rewards.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{AppendHeaders, IntoResponse};
use regulars_protocol::wire::{
    ApiErrorBody, FlaggedEvent, LoginRequest, OwnerShop, PasswordChange, PasswordReset,
    RewardInput, SetupRequest, ShopLimits, ShopSettings,
};
use regulars_protocol::{OwnerId, ProgramKind, RewardId, ShopId};
use time::Duration;

use crate::auth::{self, CSRF_COOKIE, OwnerAuth, SESSION_COOKIE};
use crate::db::{self, shops::NewShop};
use crate::domain::{self, Email, Password};
use crate::error::{ApiError, Json, Path};
use crate::startup::AppState;

const SESSION_DAYS: i64 = 30;
const DEFAULT_BRAND_COLOR: &str = "#b4532a";

/// Creates the owner's account, shop and program from one form, and logs the owner in.
#[utoipa::path(post, path = "/api/v1/setup", tag = "owner", request_body = SetupRequest,
    responses(
        (status = 201, description = "Program created; the session cookie is set", body = OwnerShop),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 409, description = "E-mail already has an account", body = ApiErrorBody),
        (status = 413, description = "Body too large", body = ApiErrorBody),
        (status = 415, description = "Not JSON", body = ApiErrorBody),
        (status = 422, description = "A field is invalid", body = ApiErrorBody),
    ))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn setup(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<SetupRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let email = Email::parse("email", &req.email)?;
    let password = Password::parse(&req.password)?;
    let shop_name = domain::shop_name(&req.shop_name)?;
    let brand_color =
        domain::brand_color(req.brand_color.as_deref().unwrap_or(DEFAULT_BRAND_COLOR))?;
    let reward_name = domain::reward_name("reward_name", &req.reward_name)?;
    let default_cost = match req.program_kind {
        ProgramKind::Stamps => 10,
        ProgramKind::Points => 100,
    };
    let reward_cost = domain::reward_cost(
        "reward_cost",
        req.program_kind,
        req.reward_cost.unwrap_or(default_cost),
    )?;
    let points_per_unit = domain::points_per_unit(req.points_per_unit.unwrap_or(1))?;
    let currency = domain::currency(req.currency.as_deref().unwrap_or("EUR"))?;
    let time_zone = domain::time_zone(req.time_zone.as_deref().unwrap_or("UTC"))?;

    let plain = password.expose().to_owned();
    let password_hash = auth::blocking(move || auth::hash_password(&plain)).await??;

    let owner_id = OwnerId::random();
    let shop_id = ShopId::random();
    let suffix = &auth::new_token()[..6]
        .to_lowercase()
        .replace(['-', '_'], "x");
    let slug = domain::slug(&shop_name, suffix);
    let mut tx = state.writer.begin().await?;
    if !db::owners::insert(&mut tx, owner_id, email.as_str(), &password_hash).await? {
        return Err(ApiError::conflict(
            "email_taken",
            "This e-mail already has an account. Log in instead.",
        ));
    }
    db::shops::insert(
        &mut tx,
        &NewShop {
            id: shop_id,
            owner_id,
            slug: &slug,
            name: &shop_name,
            brand_color: &brand_color,
            currency: &currency,
            time_zone: &time_zone,
            kind: req.program_kind,
            stamps_per_visit: 1,
            points_per_unit,
            first_reward: (&reward_name, reward_cost),
        },
    )
    .await?;
    let token = auth::new_token();
    db::owners::insert_session(
        &mut *tx,
        &auth::hash_token(&token),
        owner_id,
        db::now() + Duration::days(SESSION_DAYS),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(%shop_id, "new shop set up");

    let body = owner_shop(&state, shop_id, email.as_str().to_owned()).await?;
    let cookies = session_cookies(&state, &headers, &token, SESSION_DAYS * 24 * 3600);
    Ok((StatusCode::CREATED, AppendHeaders(cookies), Json(body)))
}

/// Logs an owner in with e-mail and password.
#[utoipa::path(post, path = "/api/v1/owner/login", tag = "owner", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; the session cookie is set", body = OwnerShop),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 401, description = "Wrong e-mail or password", body = ApiErrorBody),
        (status = 422, description = "A field is invalid", body = ApiErrorBody),
    ))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<LoginRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let wrong = || ApiError::unauthorized("wrong_credentials", "Wrong e-mail or password.");
    let email = Email::parse("email", &req.email).map_err(|_| wrong())?;
    if req.password.len() > 1000 {
        return Err(wrong());
    }
    // Wrong passwords count per e-mail, account or not (so the pause does not tell which
    // e-mails exist), on every replica: 5 in a row pause logins for it, doubling to 15 minutes.
    let account_key = auth::hash_token(&format!("regulars login\0{}", email.as_str()));
    if let Some(until) = db::owners::login_paused_until(&state.db, &account_key).await?
        && until > db::now()
    {
        let seconds = u64::try_from((until - db::now()).whole_seconds().max(1)).unwrap_or(1);
        return Err(ApiError::too_many(
            "login_paused",
            format!("Too many wrong passwords for this e-mail. Try again in {seconds} seconds."),
            seconds,
        ));
    }
    let owner = db::owners::find_by_email(&state.db, email.as_str()).await?;
    // Without an account, still spend the time of a check, so timing does not tell which e-mails exist.
    let stored = owner
        .as_ref()
        .map(|o| o.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_owned());
    let password = req.password.clone();
    let ok = auth::blocking(move || auth::verify_password(&password, &stored)).await?;
    let Some(owner) = owner.filter(|_| ok) else {
        let failures = db::owners::add_login_failure(&state.writer, &account_key).await?;
        if let Some(pause) = login_pause(failures) {
            db::owners::pause_logins(&state.writer, &account_key, db::now() + pause).await?;
        }
        return Err(wrong());
    };
    db::owners::clear_login_failures(&state.writer, &account_key).await?;
    let token = auth::new_token();
    db::owners::insert_session(
        &state.writer,
        &auth::hash_token(&token),
        owner.id,
        db::now() + Duration::days(SESSION_DAYS),
    )
    .await?;
    logged_in(&state, &headers, &token).await
}

/// The answer to a login: the owner's shop, and the cookies of the session `token` opened.
async fn logged_in(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
) -> Result<impl IntoResponse + use<>, ApiError> {
    let session = db::owners::find_session(&state.db, &auth::hash_token(token))
        .await?
        .ok_or_else(|| {
            anyhow::anyhow!("a session just opened is gone, or its owner has no shop")
        })?;
    let body = owner_shop(state, session.shop_id, session.email).await?;
    let cookies = session_cookies(state, headers, token, SESSION_DAYS * 24 * 3600);
    Ok((AppendHeaders(cookies), Json(body)))
}

/// Changes the owner's password: the current one must be right. Every other session of the
/// owner ends (a lost laptop, a former manager); this one stays logged in.
#[utoipa::path(put, path = "/api/v1/owner/password", tag = "owner", request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed"),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 403, description = "Wrong current password, or no CSRF token", body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn change_password(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(req): Json<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let new_password = Password::parse(&req.new_password)
        .map_err(|e| ApiError::validation("new_password", e.message))?;
    if req.current_password.len() > 1000 {
        return Err(ApiError::forbidden(
            "wrong_password",
            "The current password is wrong.",
        ));
    }
    let stored = db::owners::password_hash(&state.db, owner.owner_id).await?;
    let current = req.current_password.clone();
    if !auth::blocking(move || auth::verify_password(&current, &stored)).await? {
        return Err(ApiError::forbidden(
            "wrong_password",
            "The current password is wrong.",
        ));
    }
    let plain = new_password.expose().to_owned();
    let hash = auth::blocking(move || auth::hash_password(&plain)).await??;
    let mut tx = state.writer.begin().await?;
    db::owners::set_password(&mut tx, owner.owner_id, &hash, &owner.token_hash).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sets a new password with the one-time code `regulars-server reset-password EMAIL` printed on
/// the server's console, and logs the owner in. The code works once and for an hour; every
/// other session of the owner ended when it was made.
#[utoipa::path(post, path = "/api/v1/owner/password-reset", tag = "owner", request_body = PasswordReset,
    responses(
        (status = 200, description = "Password set and logged in; the session cookie is set", body = OwnerShop),
        (status = 400, description = "Malformed JSON", body = ApiErrorBody),
        (status = 403, description = "The code is wrong, used or expired", body = ApiErrorBody),
        (status = 422, description = "The new password is too short or too long", body = ApiErrorBody),
        (status = 429, description = "Too many attempts from this address", body = ApiErrorBody),
    ))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn reset_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(req): Json<PasswordReset>,
) -> Result<impl IntoResponse, ApiError> {
    let new_password = Password::parse(&req.new_password)
        .map_err(|e| ApiError::validation("new_password", e.message))?;
    let refused = || {
        ApiError::forbidden(
            "invalid_reset_code",
            "The code is wrong, used or more than an hour old. Ask whoever runs the server for a new one.",
        )
    };
    if req.code.len() > 100 {
        return Err(refused());
    }
    let plain = new_password.expose().to_owned();
    let hash = auth::blocking(move || auth::hash_password(&plain)).await??;
    let token = auth::new_token();
    let mut tx = state.writer.begin().await?;
    let Some(owner_id) = db::owners::take_reset(&mut tx, &auth::hash_reset_code(&req.code)).await?
    else {
        return Err(refused());
    };
    db::owners::set_password(&mut tx, owner_id, &hash, "").await?;
    db::owners::insert_session(
        &mut *tx,
        &auth::hash_token(&token),
        owner_id,
        db::now() + Duration::days(SESSION_DAYS),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(%owner_id, "password reset with a one-time code");
    logged_in(&state, &headers, &token).await
}

/// An argon2id hash of a random password nobody knows.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$cmVndWxhcnNkdW1teQ$0dI9FbbT3pV1b1xm3VZbq4Y1jG0P5dS9f0xq8m8Kx7A";

/// Ends the owner's session.
#[utoipa::path(post, path = "/api/v1/owner/logout", tag = "owner",
    responses((status = 204, description = "Logged out"), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    owner: OwnerAuth,
) -> Result<impl IntoResponse, ApiError> {
    db::owners::delete_session(&state.writer, &owner.token_hash).await?;
    let cookies = session_cookies(&state, &headers, "", 0);
    Ok((StatusCode::NO_CONTENT, AppendHeaders(cookies)))
}

/// The owner's shop, program and join link.
#[utoipa::path(get, path = "/api/v1/owner/shop", tag = "owner",
    responses((status = 200, body = OwnerShop), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    owner: OwnerAuth,
) -> Result<impl IntoResponse, ApiError> {
    // Sessions from before CSRF tokens get their token cookie here, on the dashboard's first load.
    let https = state.settings.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            == Some("https");
    let secure = if https { "; Secure" } else { "" };
    let cookie = format!(
        "{CSRF_COOKIE}={}; Path=/; SameSite=Strict; Max-Age={}{secure}",
        owner.csrf_token,
        SESSION_DAYS * 24 * 3600
    );
    Ok((
        AppendHeaders([(header::SET_COOKIE, cookie)]),
        Json(owner_shop(&state, owner.shop_id, owner.email).await?),
    ))
}

/// Changes shop settings and the earning rule. A new rule is a new program version.
#[utoipa::path(patch, path = "/api/v1/owner/shop", tag = "owner", request_body = ShopSettings,
    responses(
        (status = 200, body = OwnerShop),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn update(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(req): Json<ShopSettings>,
) -> Result<Json<OwnerShop>, ApiError> {
    let shop = db::shops::find(&state.db, owner.shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("owner without shop"))?;
    let rule = db::shops::rule(&state.db, owner.shop_id, None)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop without program"))?;
    let currency = req
        .currency
        .as_deref()
        .map(domain::currency)
        .transpose()?
        .unwrap_or_else(|| shop.currency.clone());
    // Amounts are kept in minor units of the shop's currency: once there are events, changing
    // it would change what every recorded amount means.
    if currency != shop.currency && db::shops::has_events(&state.db, owner.shop_id).await? {
        return Err(ApiError::validation(
            "currency",
            "The currency cannot change once the shop has recorded visits: every amount is kept in it.",
        ));
    }
    let changes = db::shops::ShopChanges {
        name: req
            .shop_name
            .as_deref()
            .map(domain::shop_name)
            .transpose()?
            .unwrap_or(shop.name),
        brand_color: req
            .brand_color
            .as_deref()
            .map(domain::brand_color)
            .transpose()?
            .unwrap_or(shop.brand_color),
        currency,
        time_zone: req
            .time_zone
            .as_deref()
            .map(domain::time_zone)
            .transpose()?
            .unwrap_or(shop.time_zone),
    };
    let stamps_per_visit = req
        .stamps_per_visit
        .map(domain::stamps_per_visit)
        .transpose()?
        .unwrap_or(rule.stamps_per_visit);
    let points_per_unit = req
        .points_per_unit
        .map(domain::points_per_unit)
        .transpose()?
        .unwrap_or(rule.points_per_unit);

    let offline_max = match req.offline_redemption_max_cost {
        None => None,
        Some(max) if (0..=1_000_000).contains(&max) => Some((max > 0).then_some(max)),
        Some(_) => {
            return Err(ApiError::validation(
                "offline_redemption_max_cost",
                "Offline redemption limit must be between 0 (off) and 1000000.",
            ));
        }
    };
    let limits = parse_limits(db::staff::limits(&state.db, owner.shop_id).await?, &req)?;
    let mut tx = state.writer.begin().await?;
    db::shops::update(&mut tx, owner.shop_id, &changes).await?;
    db::staff::set_limits(&mut tx, owner.shop_id, limits).await?;
    if let Some(max) = offline_max {
        db::shops::set_offline_redemption_max_cost(&mut tx, owner.shop_id, max).await?;
    }
    if stamps_per_visit != rule.stamps_per_visit || points_per_unit != rule.points_per_unit {
        let next = db::shops::Rule {
            version: rule.version + 1,
            stamps_per_visit,
            points_per_unit,
            ..rule
        };
        db::shops::new_rule_version(&mut tx, owner.shop_id, next).await?;
    }
    tx.commit().await?;
    Ok(Json(owner_shop(&state, owner.shop_id, owner.email).await?))
}

/// Adds a reward.
#[utoipa::path(post, path = "/api/v1/owner/rewards", tag = "owner", request_body = RewardInput,
    responses(
        (status = 201, body = OwnerShop),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn create_reward(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(req): Json<RewardInput>,
) -> Result<(StatusCode, Json<OwnerShop>), ApiError> {
    let (name, cost, value_minor) = parse_reward(&state, owner.shop_id, &req).await?;
    let mut tx = state.writer.begin().await?;
    db::shops::insert_reward(
        &mut tx,
        owner.shop_id,
        RewardId::random(),
        &name,
        cost,
        value_minor,
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(owner_shop(&state, owner.shop_id, owner.email).await?),
    ))
}

/// Edits, retires (`active: false`) or brings back a reward.
#[utoipa::path(put, path = "/api/v1/owner/rewards/{id}", tag = "owner", request_body = RewardInput,
    params(("id" = String, Path, format = Uuid, description = "The reward")),
    responses(
        (status = 200, body = OwnerShop),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn update_reward(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<RewardId>,
    Json(req): Json<RewardInput>,
) -> Result<Json<OwnerShop>, ApiError> {
    let (name, cost, value_minor) = parse_reward(&state, owner.shop_id, &req).await?;
    if !db::shops::update_reward(
        &state.writer,
        owner.shop_id,
        id,
        &name,
        cost,
        value_minor,
        req.active,
    )
    .await?
    {
        return Err(ApiError::not_found(
            "unknown_reward",
            "This shop has no such reward.",
        ));
    }
    Ok(Json(owner_shop(&state, owner.shop_id, owner.email).await?))
}

/// Events the owner should look at, newest first: offline facts that broke a rule and the
/// events that compensated them, and events from a tablet whose clock was far off.
#[utoipa::path(get, path = "/api/v1/owner/review", tag = "owner",
    responses((status = 200, body = Vec<FlaggedEvent>), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn review(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<Json<Vec<FlaggedEvent>>, ApiError> {
    Ok(Json(
        db::events::flagged(&state.db, owner.shop_id, 200).await?,
    ))
}

/// The owner's stamp limits after this change: absent stays, 0 turns a limit off.
fn parse_limits(current: ShopLimits, req: &ShopSettings) -> Result<ShopLimits, ApiError> {
    let limit = |field: &'static str, value: Option<i64>, current: Option<i64>| match value {
        None => Ok(current),
        Some(0) => Ok(None),
        Some(n) if (1..=10_000).contains(&n) => Ok(Some(n)),
        Some(_) => Err(ApiError::validation(
            field,
            "A limit must be between 0 (none) and 10000.",
        )),
    };
    Ok(ShopLimits {
        card_daily_limit: limit(
            "card_daily_limit",
            req.card_daily_limit,
            current.card_daily_limit,
        )?,
        staff_hourly_limit: limit(
            "staff_hourly_limit",
            req.staff_hourly_limit,
            current.staff_hourly_limit,
        )?,
    })
}

async fn parse_reward(
    state: &AppState,
    shop_id: ShopId,
    req: &RewardInput,
) -> Result<(String, i64, Option<i64>), ApiError> {
    let rule = db::shops::rule(&state.db, shop_id, None)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop without program"))?;
    Ok((
        domain::reward_name("name", &req.name)?,
        domain::reward_cost("cost", rule.kind, req.cost)?,
        domain::value_minor(req.value_minor)?,
    ))
}

pub async fn owner_shop(
    state: &AppState,
    shop_id: ShopId,
    email: String,
) -> Result<OwnerShop, ApiError> {
    let shop = db::shops::find(&state.db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} vanished"))?;
    let program = db::shops::program(&state.db, shop_id).await?;
    let members = db::shops::members(&state.db, shop_id).await?;
    let limits = db::staff::limits(&state.db, shop_id).await?;
    Ok(OwnerShop {
        email,
        join_path: format!("/join/{}", shop.slug),
        shop,
        program,
        members,
        limits,
    })
}

/// The session cookie: HttpOnly, SameSite=Strict, and Secure when the request came over HTTPS.
/// The session cookie (HttpOnly: no script reads it) and the CSRF cookie beside it (readable by
/// the app's own pages, which send it back as the `X-CSRF-Token` header; see
/// [`auth::OwnerAuth`]). Both `SameSite=Strict`, and `Secure` over HTTPS.
/// Wrong passwords in a row before logins for an e-mail pause.
const LOGINS_BEFORE_PAUSE: i64 = 5;

/// The pause after `failures` wrong passwords in a row: 30 seconds at the 5th, doubling with
/// each further one, at most 15 minutes.
fn login_pause(failures: i64) -> Option<Duration> {
    let over = failures - LOGINS_BEFORE_PAUSE;
    (over >= 0).then(|| {
        let seconds = 30i64.saturating_mul(1i64 << over.min(20));
        Duration::seconds(seconds.min(15 * 60))
    })
}

fn session_cookies(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
    max_age: i64,
) -> [(header::HeaderName, String); 2] {
    let https = state.settings.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            == Some("https");
    use axum_extra::extract::cookie::{Cookie, SameSite};
    let csrf = if token.is_empty() {
        String::new()
    } else {
        auth::csrf_token(token)
    };
    let cookie = |name: &'static str, value: String, http_only: bool| {
        Cookie::build((name, value))
            .path("/")
            .http_only(http_only)
            .same_site(SameSite::Strict)
            .max_age(time::Duration::seconds(max_age))
            .secure(https)
            .build()
            .to_string()
    };
    [
        (
            header::SET_COOKIE,
            cookie(SESSION_COOKIE, token.to_owned(), true),
        ),
        (header::SET_COOKIE, cookie(CSRF_COOKIE, csrf, false)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_passwords_pause_logins_for_growing_periods_up_to_a_quarter_hour() {
        assert_eq!(login_pause(4), None);
        assert_eq!(login_pause(5), Some(Duration::seconds(30)));
        assert_eq!(login_pause(6), Some(Duration::seconds(60)));
        assert_eq!(login_pause(10), Some(Duration::minutes(15)));
        assert_eq!(login_pause(1000), Some(Duration::minutes(15)));
    }
}
