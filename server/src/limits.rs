//! Rate limits per client IP (tower_governor) on the routes a stranger can hammer: joining and
//! card recovery, pairing, staff PINs, owner login, and card-code checks. A client over its
//! limit gets `429 {code: "rate_limited", message}` with `Retry-After`.
//!
//! Each limit is a token bucket: `burst` requests at once, then one more every `every`. They
//! are sized for a busy shop, whose tablets may share one IP, not for a script.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::response::{IntoResponse, Response};
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::{KeyExtractor, SmartIpKeyExtractor};

use crate::error::ApiError;

/// One kind of limited request.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub burst: u32,
    pub every: Duration,
}

/// Joining a shop and moving a card with a recovery code.
pub const CARDS: Limit = Limit {
    burst: 20,
    every: Duration::from_secs(3),
};
/// Pairing codes: 8 characters from 31, valid 10 minutes and single use; this keeps guessing
/// hopeless.
pub const PAIRING: Limit = Limit {
    burst: 10,
    every: Duration::from_secs(6),
};
/// Staff PINs (on top of the per-tablet lockout).
pub const PIN: Limit = Limit {
    burst: 30,
    every: Duration::from_secs(2),
};
/// Owner login and first setup (argon2 is slow on purpose; this also keeps the CPU free).
pub const LOGIN: Limit = Limit {
    burst: 20,
    every: Duration::from_secs(6),
};
/// Card-code checks at the till: a busy shop's tablets together.
pub const CODE_CHECKS: Limit = Limit {
    burst: 120,
    every: Duration::from_millis(250),
};

/// The paths that have a limit (the route table in `routes.rs` applies them), for the API
/// document.
pub const LIMITED_PATHS: &[&str] = &[
    "/api/v1/setup",
    "/api/v1/owner/login",
    "/api/v1/owner/password",
    "/api/v1/shops/{slug}/join",
    "/api/v1/cards/recover",
    "/api/v1/devices/pair",
    "/api/v1/till/lookup",
    "/api/v1/till/staff-session",
];

/// The client's IP: the peer's, or the one a trusted proxy forwarded.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp {
    pub trust_proxy: bool,
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    fn extract<T>(&self, req: &Request<T>) -> Result<Self::Key, GovernorError> {
        if self.trust_proxy
            && let Ok(ip) = SmartIpKeyExtractor.extract(req)
        {
            return Ok(ip);
        }
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            // Requests that did not come through the listener (in-process calls) share one key.
            .or(Some(IpAddr::from([0, 0, 0, 0])))
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

/// The layer for one limit, answering like every other API error.
pub fn layer(
    limit: Limit,
    trust_proxy: bool,
) -> GovernorLayer<
    ClientIp,
    governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
    Body,
> {
    let config = GovernorConfigBuilder::default()
        .period(limit.every)
        .burst_size(limit.burst)
        .key_extractor(ClientIp { trust_proxy })
        .finish()
        .expect("rate limits have a non-zero period and burst");
    GovernorLayer::new(Arc::new(config)).error_handler(too_many)
}

fn too_many(error: GovernorError) -> Response {
    let wait = match error {
        GovernorError::TooManyRequests { wait_time, .. } => wait_time.max(1),
        _ => 1,
    };
    ApiError::too_many(
        "rate_limited",
        format!("Too many tries from here. Please wait {wait} seconds and try again."),
        wait,
    )
    .into_response()
}
