//! Who may call a route, as extractors: [`OwnerAuth`] (session cookie), [`CardAuth`] (the
//! shopper's card token) and [`DeviceAuth`] (a paired tablet's credential). A handler that takes
//! one of them cannot run for anyone else.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use regulars_protocol::{CardId, DeviceId, LocationId, OwnerId, ShopId};
use sha2::{Digest, Sha256};

use crate::db;
use crate::error::ApiError;
use crate::startup::AppState;

/// Name of the owner's session cookie.
pub const SESSION_COOKIE: &str = "regulars_session";
/// Name of the cookie holding the session's CSRF token, which the owner's pages read and send
/// back in the [`CSRF_HEADER`] of every change.
pub const CSRF_COOKIE: &str = "regulars_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The CSRF token of a session: derived from the session's secret, so it needs no storage,
/// cannot be guessed, and a page of another site can neither read nor send it.
pub fn csrf_token(session_token: &str) -> String {
    hash_token(&format!("regulars csrf\0{session_token}"))
}

/// A fresh secret: 32 random bytes, URL-safe base64.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
pub const UNAMBIGUOUS: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A recovery code: 12 unambiguous characters in groups of four (about 59 bits), so a shopper
/// can copy it onto paper.
pub fn new_recovery_code() -> String {
    unambiguous_code(12)
}

/// An owner's password reset code: 16 unambiguous characters in groups of four (about 79
/// bits), read off the server's console and typed once within the hour.
pub fn new_reset_code() -> String {
    unambiguous_code(16)
}

/// A reset code's hash as stored; case, spaces and dashes as typed do not matter.
pub fn hash_reset_code(input: &str) -> String {
    hash_token(&format!(
        "regulars reset\0{}",
        normalized_recovery_code(input)
    ))
}

fn unambiguous_code(length: usize) -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    let chars: Vec<char> = (0..length)
        .map(|_| UNAMBIGUOUS[rng.random_range(0..UNAMBIGUOUS.len())] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A recovery code as typed: case, spaces and dashes do not matter.
fn normalized_recovery_code(input: &str) -> String {
    input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A recovery code's hash as stored: HMAC-SHA256 under the server's recovery key. A recovery
/// code has about 59 bits, so a plain hash in a leaked database could be searched; without
/// the key it cannot.
pub fn hash_recovery_code(key: &[u8], input: &str) -> String {
    use hmac::Mac;
    let mut mac =
        hmac::Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(normalized_recovery_code(input).as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The plain SHA-256 the previous release stored for a recovery code: still accepted for the
/// codes it made, until they are used or renewed.
pub fn legacy_recovery_hash(input: &str) -> String {
    hash_token(&normalized_recovery_code(input))
}

/// Secrets are stored only as their SHA-256 (they are random, so no salt or stretching is needed).
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let token = value.strip_prefix("Bearer ")?.trim();
    (!token.is_empty() && token.len() <= 128).then_some(token)
}

/// A cookie the request carries.
fn cookie(parts: &Parts, name: &str) -> Option<String> {
    axum_extra::extract::cookie::CookieJar::from_headers(&parts.headers)
        .get(name)
        .map(|c| c.value().to_owned())
}

/// A logged-in owner and their shop.
#[derive(Debug, Clone)]
pub struct OwnerAuth {
    pub owner_id: OwnerId,
    pub shop_id: ShopId,
    pub email: String,
    pub token_hash: String,
    /// The session's CSRF token (see [`csrf_token`]).
    pub csrf_token: String,
}

impl FromRequestParts<AppState> for OwnerAuth {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = cookie(parts, SESSION_COOKIE)
            .ok_or_else(|| ApiError::unauthorized("not_logged_in", "Please log in."))?;
        let token = token.as_str();
        let token_hash = hash_token(token);
        let session = db::owners::find_session(&state.db, &token_hash)
            .await?
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "session_expired",
                    "Your session has ended. Please log in again.",
                )
            })?;
        // Changes need the session's CSRF token in a header, which only the owner's own pages
        // can read (from the CSRF cookie) and send.
        if !parts.method.is_safe() {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let expected = csrf_token(token);
            if !bool::from(subtle::ConstantTimeEq::ct_eq(
                sent.as_bytes(),
                expected.as_bytes(),
            )) {
                return Err(ApiError::forbidden(
                    "csrf_failed",
                    "This change did not come from a Regulars page. Reload the page and try again.",
                ));
            }
        }
        Ok(OwnerAuth {
            owner_id: session.owner_id,
            shop_id: session.shop_id,
            email: session.email,
            token_hash,
            csrf_token: csrf_token(token),
        })
    }
}

/// A shopper holding a card's token: may read and change only that card.
#[derive(Debug, Clone, Copy)]
pub struct CardAuth {
    pub card_id: CardId,
    pub shop_id: ShopId,
}

impl FromRequestParts<AppState> for CardAuth {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or_else(|| {
            ApiError::unauthorized("missing_card_token", "This card's key is missing.")
        })?;
        let card = db::cards::find_by_token(&state.db, &hash_token(token))
            .await?
            .ok_or_else(|| {
                ApiError::unauthorized("unknown_card_token", "This card is not known here.")
            })?;
        if card.revoked {
            return Err(ApiError::forbidden(
                "card_revoked",
                "This card has been blocked by the shop.",
            ));
        }
        Ok(CardAuth {
            card_id: card.id,
            shop_id: card.shop_id,
        })
    }
}

/// A paired tablet: acts only for its own shop and location.
#[derive(Debug, Clone, Copy)]
pub struct DeviceAuth {
    pub device_id: DeviceId,
    pub shop_id: ShopId,
    pub location_id: LocationId,
}

impl FromRequestParts<AppState> for DeviceAuth {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let device = PushingDevice::from_request_parts(parts, state).await?;
        if device.revoked_at.is_some() {
            return Err(device_revoked());
        }
        Ok(device.auth)
    }
}

/// How long after it was unpaired a tablet may still push what it made before: its outbox may
/// have been offline for days when the owner unpaired it.
pub const REVOKED_PUSH_GRACE: time::Duration = time::Duration::days(30);

/// The tablet pushing events (`POST /sync/push`): a paired one, or one unpaired less than
/// [`REVOKED_PUSH_GRACE`] ago, whose events made before the unpairing still reach the ledger
/// (flagged `device_revoked`; the ledger refuses the ones made after). Every other device
/// endpoint takes [`DeviceAuth`], which refuses an unpaired tablet.
#[derive(Debug, Clone, Copy)]
pub struct PushingDevice {
    pub auth: DeviceAuth,
    pub revoked_at: Option<time::OffsetDateTime>,
}

impl FromRequestParts<AppState> for PushingDevice {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = bearer(parts).ok_or_else(|| {
            ApiError::unauthorized(
                "missing_device_token",
                "This tablet is not paired. Enter a pairing code.",
            )
        })?;
        let device = db::devices::find_by_token(&state.db, &hash_token(token))
            .await?
            .ok_or_else(|| {
                ApiError::unauthorized(
                    "unknown_device",
                    "This tablet is no longer paired. Enter a new pairing code.",
                )
            })?;
        if device
            .revoked_at
            .is_some_and(|at| db::now() - at > REVOKED_PUSH_GRACE)
        {
            return Err(device_revoked());
        }
        let seen_lately = device
            .last_seen_at
            .is_some_and(|at| db::now() - at < db::devices::SEEN_EVERY);
        if device.revoked_at.is_none() && !seen_lately {
            db::devices::touch(&state.writer, device.id).await?;
        }
        Ok(PushingDevice {
            auth: DeviceAuth {
                device_id: device.id,
                shop_id: device.shop_id,
                location_id: device.location_id,
            },
            revoked_at: device.revoked_at,
        })
    }
}

fn device_revoked() -> ApiError {
    ApiError::unauthorized(
        "device_revoked",
        "The owner has unpaired this tablet. Enter a new pairing code.",
    )
}

/// Hashes an owner password with argon2id. Slow on purpose: call it from `spawn_blocking`.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    use argon2::password_hash::rand_core::OsRng;
    use argon2::password_hash::{PasswordHasher, SaltString};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

/// Checks a password against a stored argon2 hash. Slow on purpose: call it from `spawn_blocking`.
pub fn verify_password(password: &str, stored: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(stored)
        .map(|hash| {
            argon2::Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Runs argon2 off the async runtime.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> anyhow::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| anyhow::anyhow!("password task failed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_are_stable() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_eq!(hash_token(&a).len(), 64);
    }
}
