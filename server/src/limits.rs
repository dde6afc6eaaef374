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
use tower_governor::key_extractor::KeyExtractor;

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

/// The client's IP: the peer's, or (behind our own proxy, `REGULARS_TRUST_PROXY`) the
/// rightmost `X-Forwarded-For` hop, which our proxy added: every hop left of it is whatever
/// the client chose to send. IPv6 clients are keyed by their /64, which one household or phone
/// usually holds whole.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp {
    pub trust_proxy: bool,
}

impl ClientIp {
    fn client<T>(&self, req: &Request<T>) -> IpAddr {
        let peer = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            // Requests that did not come through the listener (in-process calls) share one key.
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        if !self.trust_proxy {
            return peer;
        }
        forwarded_client(req.headers()).unwrap_or(peer)
    }
}

/// The rightmost address of the `X-Forwarded-For` headers (several headers count as one list).
pub fn forwarded_client(headers: &axum::http::HeaderMap) -> Option<IpAddr> {
    let last = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .rfind(|hop| !hop.is_empty())?;
    last.parse::<IpAddr>()
        .ok()
        .or_else(|| last.parse::<SocketAddr>().ok().map(|a| a.ip()))
}

/// The key a limit counts under: the IPv4 address, or the IPv6 /64.
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let bits = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(std::net::Ipv6Addr::from(bits))
            }
        },
    }
}

impl KeyExtractor for ClientIp {
    type Key = IpAddr;

    fn extract<T>(&self, req: &Request<T>) -> Result<Self::Key, GovernorError> {
        Ok(limit_key(self.client(req)))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn request(forwarded: &[&str]) -> Request<()> {
        let mut builder = Request::builder();
        for value in forwarded {
            builder = builder.header("x-forwarded-for", *value);
        }
        let mut req = builder.body(()).unwrap();
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 2], 443))));
        req
    }

    #[test]
    fn behind_our_proxy_the_rightmost_hop_is_the_client_and_what_it_sent_is_ignored() {
        let trusted = ClientIp { trust_proxy: true };
        // The client sent "1.2.3.4" itself; our proxy appended the address it saw.
        let req = request(&["1.2.3.4, 203.0.113.7"]);
        assert_eq!(
            trusted.extract(&req).unwrap(),
            IpAddr::from([203, 0, 113, 7])
        );
        let split = request(&["1.2.3.4", "198.51.100.9"]);
        assert_eq!(
            trusted.extract(&split).unwrap(),
            IpAddr::from([198, 51, 100, 9])
        );
        // Without a trusted proxy the header means nothing.
        let direct = ClientIp { trust_proxy: false };
        assert_eq!(direct.extract(&req).unwrap(), IpAddr::from([10, 0, 0, 2]));
        // A garbled header falls back to the peer.
        let garbled = request(&["not an address"]);
        assert_eq!(
            trusted.extract(&garbled).unwrap(),
            IpAddr::from([10, 0, 0, 2])
        );
    }

    #[test]
    fn ipv6_clients_share_a_key_per_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(limit_key(a), limit_key(b));
        assert_ne!(limit_key(a), limit_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(limit_key(mapped), IpAddr::from([192, 0, 2, 1]));
    }
}
