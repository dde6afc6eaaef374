//! Rate limits per client on the routes a stranger can hammer: joining and card recovery,
//! pairing, staff PINs, owner login, and card-code checks. A client over its limit gets
//! `429 {code: "rate_limited", message}` with `Retry-After`.
//!
//! Each limit is a token bucket: `burst` requests at once, then one more every `every`. They
//! are sized for a busy shop, whose tablets may share one IP, not for a script.
//!
//! Where the count lives:
//! - **Shared** limits guard secrets (owner passwords, staff PINs, recovery codes, pairing
//!   codes): they are counted in the database (`db::limits`), so a guesser gets the same number
//!   of tries however many replicas the load balancer spreads the tries over.
//! - **Per-replica** limits guard anonymous or high-volume traffic (joining, the tablets' code
//!   checks): they are counted in the replica's memory (tower_governor), so with N replicas a
//!   client may get up to N times the burst. Nothing they protect is a secret: a code check
//!   needs a paired tablet's token and each (card, step) is used once in the database anyway.
//!
//! Both are keyed by the client's IP ([`ClientIp`]), IPv6 by its /64, and both forget a client
//! once its bucket is full again ([`prune`], every few minutes).

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_governor::GovernorError;
use tower_governor::GovernorLayer;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;

use crate::error::ApiError;
use crate::startup::AppState;

/// Where a limit is counted (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Shared,
    PerReplica,
}

/// One kind of limited request.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub burst: u32,
    pub every: Duration,
    pub scope: Scope,
}

/// Joining a shop.
pub const JOIN: Limit = Limit {
    name: "join",
    burst: 20,
    every: Duration::from_secs(3),
    scope: Scope::PerReplica,
};
/// Moving a card with a recovery code (a secret).
pub const RECOVERY: Limit = Limit {
    name: "recovery",
    burst: 20,
    every: Duration::from_secs(3),
    scope: Scope::Shared,
};
/// Pairing codes: 8 characters from 31, valid 10 minutes and single use; this keeps guessing
/// hopeless.
pub const PAIRING: Limit = Limit {
    name: "pairing",
    burst: 10,
    every: Duration::from_secs(6),
    scope: Scope::Shared,
};
/// Staff PINs (on top of the per-tablet and per-member lockouts).
pub const PIN: Limit = Limit {
    name: "pin",
    burst: 30,
    every: Duration::from_secs(2),
    scope: Scope::Shared,
};
/// Owner login and first setup (argon2 is slow on purpose; this also keeps the CPU free).
pub const LOGIN: Limit = Limit {
    name: "login",
    burst: 20,
    every: Duration::from_secs(6),
    scope: Scope::Shared,
};
/// Card-code checks at the till: a busy shop's tablets together.
pub const CODE_CHECKS: Limit = Limit {
    name: "code_checks",
    burst: 120,
    every: Duration::from_millis(250),
    scope: Scope::PerReplica,
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

/// The client's IP: the peer's, or, behind our own proxies (`REGULARS_TRUST_PROXY`), the
/// rightmost `X-Forwarded-For` hop that none of our proxies added: every hop left of it is
/// whatever the client chose to send. With one proxy that is the rightmost hop; with a chain
/// (a CDN, then nginx), `REGULARS_TRUSTED_PROXIES` lists the chain's addresses, which are
/// skipped, and a request whose peer is not one of them did not come through the chain, so its
/// header means nothing.
#[derive(Debug, Clone, Default)]
pub struct ClientIp {
    pub trust_proxy: bool,
    pub proxies: Arc<[ipnet::IpNet]>,
}

impl ClientIp {
    /// From the settings; a proxy list that does not parse stops start-up with the entry named.
    pub fn from_settings(trust_proxy: bool, proxies: &str) -> anyhow::Result<Self> {
        let proxies = proxies
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<ipnet::IpNet>()
                    .or_else(|_| p.parse::<IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| {
                        anyhow::anyhow!(
                            "REGULARS_TRUSTED_PROXIES: {p:?} is neither an address nor a CIDR range"
                        )
                    })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Self {
            trust_proxy,
            proxies: proxies.into(),
        })
    }

    fn is_proxy(&self, ip: IpAddr) -> bool {
        self.proxies.iter().any(|net| net.contains(&ip))
    }

    pub fn client<T>(&self, req: &Request<T>) -> IpAddr {
        let peer = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            // Requests that did not come through the listener (in-process calls) share one key.
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        if !self.trust_proxy || (!self.proxies.is_empty() && !self.is_proxy(peer)) {
            return peer;
        }
        let mut hops = forwarded_hops(req.headers());
        while let Some(hop) = hops.pop() {
            match hop {
                Some(ip) if self.is_proxy(ip) => continue,
                Some(ip) => return ip,
                // A hop our proxy would never write: what lies left of it is the client's.
                None => return peer,
            }
        }
        peer
    }
}

/// The hops of the `X-Forwarded-For` headers, left to right (several headers count as one
/// list); `None` for a hop that is no address.
fn forwarded_hops(headers: &axum::http::HeaderMap) -> Vec<Option<IpAddr>> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|hop| !hop.is_empty())
        .map(|hop| {
            hop.parse::<IpAddr>()
                .ok()
                .or_else(|| hop.parse::<SocketAddr>().ok().map(|a| a.ip()))
        })
        .collect()
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

/// A per-replica limit's layer (tower_governor), answering like every other API error. The
/// limiter's state is pruned with the shared limits' rows (see [`Limiters::prune`]).
pub fn layer(
    limit: Limit,
    client_ip: ClientIp,
    limiters: &Limiters,
) -> GovernorLayer<
    ClientIp,
    governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
    Body,
> {
    let config = Arc::new(
        GovernorConfigBuilder::default()
            .period(limit.every)
            .burst_size(limit.burst)
            .key_extractor(client_ip)
            .finish()
            .expect("rate limits have a non-zero period and burst"),
    );
    limiters
        .0
        .lock()
        .expect("the list of limiters")
        .push(config.limiter().clone());
    GovernorLayer::new(config).error_handler(too_many)
}

type KeyedLimiter = governor::RateLimiter<
    IpAddr,
    governor::state::keyed::DefaultKeyedStateStore<IpAddr>,
    governor::clock::QuantaClock,
    governor::middleware::NoOpMiddleware<governor::clock::QuantaInstant>,
>;

/// The per-replica limiters of this server, kept so their state can be pruned.
#[derive(Clone, Default)]
pub struct Limiters(Arc<Mutex<Vec<Arc<KeyedLimiter>>>>);

impl Limiters {
    /// Forgets, in memory and in the database, every client whose bucket is full again.
    pub async fn prune(&self, db: &crate::db::Db) -> sqlx::Result<u64> {
        for limiter in self.0.lock().expect("the list of limiters").iter() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        crate::db::limits::prune(db, unix_ms()).await
    }
}

fn unix_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// A shared limit (counted in the database, so it holds across replicas), as a route layer:
/// `middleware::from_fn_with_state((state, limit), limits::shared)`. The bucket is the limit
/// and the route, so each limited route counts on its own as the per-replica layers do.
pub async fn shared(
    State((state, limit)): State<(AppState, Limit)>,
    request: Request,
    next: Next,
) -> Response {
    let key = limit_key(state.client_ip.client(&request)).to_string();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("", |p| p.as_str());
    let bucket = format!("{}:{route}", limit.name);
    let every_ms = i64::try_from(limit.every.as_millis()).unwrap_or(i64::MAX);
    match crate::db::limits::take(
        &state.writer,
        &bucket,
        &key,
        unix_ms(),
        every_ms,
        i64::from(limit.burst),
    )
    .await
    {
        Ok(Ok(())) => next.run(request).await,
        Ok(Err(wait_ms)) => too_many_for(u64::try_from(wait_ms).map_or(1, |ms| ms.div_ceil(1000))),
        Err(e) => ApiError::from(e).into_response(),
    }
}

fn too_many(error: GovernorError) -> Response {
    let wait = match error {
        GovernorError::TooManyRequests { wait_time, .. } => wait_time,
        _ => 1,
    };
    too_many_for(wait)
}

fn too_many_for(wait_secs: u64) -> Response {
    let wait = wait_secs.max(1);
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
        let mut builder = axum::http::Request::builder();
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
        let trusted = ClientIp {
            trust_proxy: true,
            ..ClientIp::default()
        };
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
        let direct = ClientIp::default();
        assert_eq!(direct.extract(&req).unwrap(), IpAddr::from([10, 0, 0, 2]));
        // A garbled header falls back to the peer.
        let garbled = request(&["not an address"]);
        assert_eq!(
            trusted.extract(&garbled).unwrap(),
            IpAddr::from([10, 0, 0, 2])
        );
    }

    #[test]
    fn behind_a_chain_of_our_proxies_their_hops_are_skipped_and_a_request_around_them_is_the_peers()
    {
        // A CDN (198.51.100.0/24) in front of our nginx (10.0.0.2, the peer).
        let chain = ClientIp::from_settings(true, "10.0.0.0/8, 198.51.100.0/24").unwrap();
        let req = request(&["1.2.3.4, 203.0.113.7, 198.51.100.20"]);
        assert_eq!(chain.client(&req), IpAddr::from([203, 0, 113, 7]));
        // Every hop ours: the peer is all there is.
        let ours = request(&["198.51.100.20"]);
        assert_eq!(chain.client(&ours), IpAddr::from([10, 0, 0, 2]));
        // A peer that is not one of our proxies wrote the header itself.
        let around = ClientIp::from_settings(true, "192.0.2.1").unwrap();
        assert_eq!(around.client(&req), IpAddr::from([10, 0, 0, 2]));
        // A garbled hop right of the client's stops the walk at the peer.
        let garbled = request(&["203.0.113.7, nonsense, 198.51.100.20"]);
        assert_eq!(chain.client(&garbled), IpAddr::from([10, 0, 0, 2]));
        let refused = ClientIp::from_settings(true, "10.0.0.0/33").unwrap_err();
        assert!(refused.to_string().contains("10.0.0.0/33"), "{refused}");
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
