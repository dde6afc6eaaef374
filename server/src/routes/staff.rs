//! Staff: the owner adds, edits and deactivates cashiers and managers; on a tablet a staff
//! member switches in with their PIN.
//!
//! How switching works, online and offline:
//! - Online, the tablet sends `POST /till/staff-session` with the member and the PIN typed on
//!   its PIN pad; the server checks it against the argon2id hash and counts wrong PINs per
//!   tablet (see `regulars_protocol::staff::after_wrong_pins`): after 5 wrong PINs in a row the
//!   tablet is paused for 30 seconds, each further one doubles the pause, and the 10th unpairs
//!   the tablet (its credential is revoked; every later call gets 401 `device_revoked`).
//!   Wrong PINs also count per member (on every tablet): the same pauses, so moving to another
//!   tablet gives a guesser no more tries. A right PIN opens a staff session
//!   (`crate::ledger::staff`): the tablet proves with it that redemptions and reversals are the
//!   member's.
//! - Offline, the tablet checks a cashier's PIN itself against the argon2id hash its till
//!   program carries for cashiers (`StaffMember::pin_hash`), and counts wrong PINs in IndexedDB
//!   under the same rule. When the connection is back it reports them with
//!   `POST /till/pin-failures`, so they count towards the same pause and unpairing.
//!
//! A PIN has at most a million values, so its hash on a tablet is no secret from whoever holds
//! the tablet: it only keeps one cashier from giving stamps as another. That is why managers'
//! and the owner's hashes never reach a tablet (their switch needs the server), and why an
//! action that needs a role needs a staff session the server issued, not the tablet's word.

use axum::extract::State;
use axum::http::StatusCode;
use regulars_protocol::staff::{PIN_TRIES_BEFORE_UNPAIR, PinLockout, after_wrong_pins};
use regulars_protocol::wire::{
    ApiErrorBody, NewStaff, PinFailuresReport, PinStatus, StaffAccount, StaffChanges, StaffMember,
    StaffSessionRequest, StaffSwitched,
};
use regulars_protocol::{DeviceId, StaffId, StaffRole};
use time::{Duration, OffsetDateTime};

use crate::auth::{self, DeviceAuth, OwnerAuth};
use crate::db::{self, staff::StaffRow};
use crate::domain::{self, Pin};
use crate::error::{ApiError, Json, Path};
use crate::ledger;
use crate::startup::AppState;

/// How long a member's PIN stays paused once wrong PINs for them reach the unpairing count.
const MEMBER_LONGEST_PAUSE: Duration = Duration::minutes(16);

/// The shop's staff, the owner first; deactivated members too (their events name them).
#[utoipa::path(get, path = "/api/v1/owner/staff", tag = "owner",
    responses((status = 200, body = Vec<StaffAccount>), (status = 401, body = ApiErrorBody)),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn list(
    State(state): State<AppState>,
    owner: OwnerAuth,
) -> Result<Json<Vec<StaffAccount>>, ApiError> {
    let staff = db::staff::list(&state.db, owner.shop_id).await?;
    Ok(Json(staff.iter().map(StaffRow::account).collect()))
}

/// Adds a cashier or a manager with their PIN.
#[utoipa::path(post, path = "/api/v1/owner/staff", tag = "owner", request_body = NewStaff,
    responses(
        (status = 201, body = StaffAccount),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 422, description = "`field` names the name, role or PIN at fault", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn create(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Json(req): Json<NewStaff>,
) -> Result<(StatusCode, Json<StaffAccount>), ApiError> {
    let name = domain::staff_name(&req.name)?;
    let role = staff_role(req.role)?;
    let pin = Pin::parse(&req.pin)?;
    let row = StaffRow {
        id: StaffId::random(),
        name,
        role,
        pin_hash: Some(hash_pin(pin).await?),
        created_at: db::now(),
        deactivated_at: None,
    };
    db::staff::insert(&state.writer, owner.shop_id, &row).await?;
    Ok((StatusCode::CREATED, Json(row.account())))
}

/// Renames a staff member, changes their role or PIN, or brings a deactivated one back
/// (`active: true`). The owner's own row keeps its role; it may get a PIN, to switch back to
/// the owner on a tablet.
#[utoipa::path(patch, path = "/api/v1/owner/staff/{id}", tag = "owner", request_body = StaffChanges,
    params(("id" = String, Path, format = Uuid, description = "The staff member")),
    responses(
        (status = 200, body = StaffAccount),
        (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 422, description = "`field` names the name, role or PIN at fault", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn update(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<StaffId>,
    Json(req): Json<StaffChanges>,
) -> Result<Json<StaffAccount>, ApiError> {
    let mut row = find(&state, owner.shop_id, id).await?;
    let name = req.name.as_deref().map(domain::staff_name).transpose()?;
    let role = match req.role {
        None => None,
        Some(role) if role == row.role => None,
        Some(_) if row.role == StaffRole::Owner => {
            return Err(ApiError::validation("role", "The owner stays the owner."));
        }
        Some(role) => Some(staff_role(role)?),
    };
    let pin = req.pin.as_deref().map(Pin::parse).transpose()?;
    if req.active == Some(false) && row.role == StaffRole::Owner {
        return Err(ApiError::validation(
            "active",
            "The owner cannot be deactivated.",
        ));
    }
    if let Some(name) = name {
        row.name = name;
    }
    if let Some(role) = role {
        row.role = role;
    }
    if let Some(pin) = pin {
        row.pin_hash = Some(hash_pin(pin).await?);
    }
    match req.active {
        Some(true) => row.deactivated_at = None,
        Some(false) if row.active() => row.deactivated_at = Some(db::now()),
        _ => {}
    }
    db::staff::save(&state.writer, owner.shop_id, &row).await?;
    Ok(Json(row.account()))
}

/// Deactivates a staff member: they can no longer switch in on any tablet. The row stays, since
/// their events name them. Deactivating twice changes nothing.
#[utoipa::path(post, path = "/api/v1/owner/staff/{id}/deactivate", tag = "owner",
    params(("id" = String, Path, format = Uuid, description = "The staff member")),
    responses(
        (status = 200, body = StaffAccount),
        (status = 401, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody),
        (status = 409, description = "The owner cannot be deactivated", body = ApiErrorBody),
    ),
    security(("owner_session" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn deactivate(
    State(state): State<AppState>,
    owner: OwnerAuth,
    Path(id): Path<StaffId>,
) -> Result<Json<StaffAccount>, ApiError> {
    let mut row = find(&state, owner.shop_id, id).await?;
    if row.role == StaffRole::Owner {
        return Err(ApiError::conflict(
            "owner_staff",
            "The owner cannot be deactivated.",
        ));
    }
    if row.active() {
        row.deactivated_at = Some(db::now());
        db::staff::save(&state.writer, owner.shop_id, &row).await?;
    }
    Ok(Json(row.account()))
}

/// Switches the tablet to a staff member with their PIN. Wrong PINs count per tablet: the 5th
/// in a row pauses PIN checks for 30 seconds (429, with `Retry-After`), each further one doubles
/// the pause, and the 10th unpairs the tablet (401 `device_revoked`).
#[utoipa::path(post, path = "/api/v1/till/staff-session", tag = "till", request_body = StaffSessionRequest,
    responses(
        (status = 200, description = "The PIN is right: the tablet now acts as this member, and proves it with the session", body = StaffSwitched),
        (status = 400, body = ApiErrorBody),
        (status = 401, description = "Unpaired, also after the 10th wrong PIN in a row", body = ApiErrorBody),
        (status = 403, description = "Wrong PIN (`wrong_pin`), or the member has no PIN (`no_pin`)", body = ApiErrorBody),
        (status = 404, description = "No such active staff member at this shop", body = ApiErrorBody),
        (status = 422, description = "The PIN is not 4 to 6 digits", body = ApiErrorBody),
        (status = 429, description = "Too many wrong PINs: the message and `Retry-After` say how long to wait", body = ApiErrorBody),
    ),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn switch(
    State(state): State<AppState>,
    device: DeviceAuth,
    Json(req): Json<StaffSessionRequest>,
) -> Result<Json<StaffSwitched>, ApiError> {
    let pin = Pin::parse(&req.pin)?;
    let (_, locked_until) = db::devices::pin_state(&state.db, device.device_id).await?;
    if let Some(wait) = pause_left(locked_until, db::now()) {
        return Err(paused("Too many wrong PINs.", wait));
    }
    let member = db::staff::find(&state.db, device.shop_id, req.staff_id)
        .await?
        .filter(StaffRow::active)
        .ok_or_else(|| {
            ApiError::not_found("unknown_staff", "No such staff member at this shop.")
        })?;
    let Some(stored) = member.pin_hash.clone() else {
        return Err(ApiError::forbidden(
            "no_pin",
            format!(
                "{} has no PIN yet. The owner sets one on the staff page.",
                member.name
            ),
        ));
    };
    let (_, member_locked_until) = db::staff::pin_state(&state.db, member.id).await?;
    if let Some(wait) = pause_left(member_locked_until, db::now()) {
        return Err(paused(
            &format!("Too many wrong PINs for {}.", member.name),
            wait,
        ));
    }
    let typed = pin.expose().to_owned();
    if auth::blocking(move || auth::verify_password(&typed, &stored)).await? {
        db::devices::clear_pin_failures(&state.writer, device.device_id).await?;
        db::staff::clear_pin_failures(&state.writer, member.id).await?;
        let session = ledger::staff::open(
            &state.writer,
            &state.keys.staff_sessions,
            device.shop_id,
            device.device_id,
            member.id,
        )
        .await?;
        return Ok(Json(StaffSwitched {
            member: StaffMember {
                pin_hash: None,
                ..member.member()
            },
            session: Some(session),
        }));
    }
    // Wrong: it counts for the tablet and for the member (one statement each, so guesses from
    // two tablets at once all count). A member's own count pauses their PIN on every tablet.
    let member_failures =
        db::staff::add_pin_failures(&state.writer, device.shop_id, member.id, 1).await?;
    let member_pause = match after_wrong_pins(member_failures) {
        PinLockout::TryAgain { .. } => None,
        PinLockout::Pause(wait) => Some(wait),
        // A member is not unpaired: their PIN stays paused for the longest pause.
        PinLockout::Unpair => Some(MEMBER_LONGEST_PAUSE),
    };
    if let Some(wait) = member_pause {
        db::staff::lock_pin(&state.writer, member.id, db::now() + wait).await?;
    }
    let failures = db::devices::add_pin_failures(&state.writer, device.device_id, 1).await?;
    Err(
        match (
            apply_failures(&state, device.device_id, failures).await?,
            member_pause,
        ) {
            (PinLockout::Unpair, _) => unpaired_by_pins(),
            (PinLockout::Pause(wait), _) => {
                paused(&format!("Wrong PIN {failures} times in a row."), wait)
            }
            (PinLockout::TryAgain { .. }, Some(wait)) => paused(
                &format!(
                    "Wrong PIN for {} {member_failures} times in a row.",
                    member.name
                ),
                wait,
            ),
            (PinLockout::TryAgain { tries_left }, None) => {
                let tries_left = tries_left.min(
                    regulars_protocol::staff::PIN_TRIES_BEFORE_PAUSE
                        .saturating_sub(member_failures),
                );
                ApiError::forbidden(
                    "wrong_pin",
                    format!(
                        "Wrong PIN. {tries_left} more wrong {} and the till pauses.",
                        if tries_left == 1 { "PIN" } else { "PINs" }
                    ),
                )
            }
        },
    )
}

/// Counts wrong PINs a tablet typed while it had no connection, under the same rule as wrong
/// PINs the server checks. Answers where the tablet stands now (401 if they unpaired it).
#[utoipa::path(post, path = "/api/v1/till/pin-failures", tag = "till", request_body = PinFailuresReport,
    responses(
        (status = 200, body = PinStatus),
        (status = 400, body = ApiErrorBody),
        (status = 401, description = "Unpaired, also when these wrong PINs make 10 in a row", body = ApiErrorBody),
        (status = 422, description = "`count` is not 1 to 10", body = ApiErrorBody),
        (status = 429, description = "Too many requests from this address (`rate_limited`, with `Retry-After`)", body = ApiErrorBody),
    ),
    security(("device_token" = [])))]
#[tracing::instrument(skip_all, err(level = "info"))]
pub async fn report_pin_failures(
    State(state): State<AppState>,
    device: DeviceAuth,
    Json(req): Json<PinFailuresReport>,
) -> Result<Json<PinStatus>, ApiError> {
    if !(1..=PIN_TRIES_BEFORE_UNPAIR).contains(&req.count) {
        return Err(ApiError::validation(
            "count",
            format!("Report 1 to {PIN_TRIES_BEFORE_UNPAIR} wrong PINs."),
        ));
    }
    let failures =
        db::devices::add_pin_failures(&state.writer, device.device_id, req.count).await?;
    if apply_failures(&state, device.device_id, failures).await? == PinLockout::Unpair {
        return Err(unpaired_by_pins());
    }
    let (failures, locked_until) = db::devices::pin_state(&state.db, device.device_id).await?;
    Ok(Json(PinStatus {
        failures,
        locked_until: locked_until.filter(|until| *until > db::now()),
    }))
}

/// Pauses or unpairs the tablet as `failures` wrong PINs in a row call for.
async fn apply_failures(
    state: &AppState,
    device_id: DeviceId,
    failures: u32,
) -> Result<PinLockout, ApiError> {
    let outcome = after_wrong_pins(failures);
    match outcome {
        PinLockout::TryAgain { .. } => {}
        PinLockout::Pause(wait) => {
            db::devices::lock_pins(&state.writer, device_id, db::now() + wait).await?
        }
        PinLockout::Unpair => {
            db::devices::revoke_for_pins(&state.writer, device_id).await?;
            tracing::warn!(%device_id, failures, "tablet unpaired after wrong PINs");
        }
    }
    Ok(outcome)
}

/// How long PIN checks stay paused, if they are.
fn pause_left(locked_until: Option<OffsetDateTime>, now: OffsetDateTime) -> Option<Duration> {
    locked_until
        .map(|until| until - now)
        .filter(|left| left.is_positive())
}

fn paused(why: &str, wait: Duration) -> ApiError {
    let seconds = u64::try_from(wait.whole_seconds().max(1)).unwrap_or(1);
    ApiError::too_many(
        "pin_locked",
        format!("{why} Try again in {}.", wait_words(seconds)),
        seconds,
    )
}

fn unpaired_by_pins() -> ApiError {
    ApiError::unauthorized(
        "device_revoked",
        format!(
            "Wrong PIN {PIN_TRIES_BEFORE_UNPAIR} times in a row: this tablet has been unpaired. Ask the owner for a new pairing code."
        ),
    )
}

/// "30 seconds", "1 minute", "8 minutes" (rounded up).
fn wait_words(seconds: u64) -> String {
    if seconds < 60 {
        format!(
            "{seconds} {}",
            if seconds == 1 { "second" } else { "seconds" }
        )
    } else {
        let minutes = seconds.div_ceil(60);
        format!(
            "{minutes} {}",
            if minutes == 1 { "minute" } else { "minutes" }
        )
    }
}

fn staff_role(role: StaffRole) -> Result<StaffRole, ApiError> {
    match role {
        StaffRole::Owner => Err(ApiError::validation(
            "role",
            "A shop has one owner: add staff as cashier or manager.",
        )),
        other => Ok(other),
    }
}

async fn find(
    state: &AppState,
    shop_id: regulars_protocol::ShopId,
    id: StaffId,
) -> Result<StaffRow, ApiError> {
    db::staff::find(&state.db, shop_id, id)
        .await?
        .ok_or_else(|| ApiError::not_found("unknown_staff", "No such staff member at this shop."))
}

/// Hashes a PIN with argon2id, off the async runtime.
async fn hash_pin(pin: Pin) -> Result<String, ApiError> {
    Ok(auth::blocking(move || auth::hash_password(pin.expose())).await??)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_people_say_them() {
        assert_eq!(wait_words(1), "1 second");
        assert_eq!(wait_words(30), "30 seconds");
        assert_eq!(wait_words(60), "1 minute");
        assert_eq!(wait_words(61), "2 minutes");
        assert_eq!(wait_words(480), "8 minutes");
    }

    #[test]
    fn a_pause_in_the_past_is_over() {
        let now = db::now();
        assert_eq!(pause_left(None, now), None);
        assert_eq!(pause_left(Some(now - Duration::seconds(1)), now), None);
        assert_eq!(
            pause_left(Some(now + Duration::seconds(20)), now),
            Some(Duration::seconds(20))
        );
    }
}
