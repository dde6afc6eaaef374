//! The whole route table. Handlers live in `routes/<resource>.rs`, named by verb.

pub mod anomalies;
pub mod cards;
pub mod devices;
pub mod health;
pub mod imports;
pub mod insights;
pub mod members;
pub mod offers;
pub mod owner;
pub mod shops;
pub mod staff;
pub mod sync;
pub mod till;

use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, patch, post, put};
use regulars_protocol::pages::{Bundle, bundle_for_path};
use regulars_protocol::wire::ApiErrorBody;
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::db::engine;
use crate::error::ApiError;
use crate::limits;
use crate::openapi;
use crate::startup::AppState;

pub fn router(state: AppState) -> Router {
    let settings = state.settings.clone();
    // Rate limits per client IP on what a stranger can hammer (see `limits`): the ones that
    // guard secrets counted in the database, the others in this replica's memory.
    let limited = |route: MethodRouter<AppState>, limit: limits::Limit| {
        if !settings.rate_limits {
            return route;
        }
        match limit.scope {
            limits::Scope::Shared => route.layer(middleware::from_fn_with_state(
                (state.clone(), limit),
                limits::shared,
            )),
            limits::Scope::PerReplica => route.layer(limits::layer(
                limit,
                state.client_ip.clone(),
                &state.limiters,
            )),
        }
    };
    let api = Router::new()
        .route("/setup", limited(post(owner::setup), limits::LOGIN))
        .route("/owner/login", limited(post(owner::login), limits::LOGIN))
        .route("/owner/logout", post(owner::logout))
        .route(
            "/owner/password-reset",
            limited(post(owner::reset_password), limits::LOGIN),
        )
        .route(
            "/owner/password",
            limited(put(owner::change_password), limits::LOGIN),
        )
        .route("/owner/shop", get(owner::show).patch(owner::update))
        .route("/owner/rewards", post(owner::create_reward))
        .route("/owner/rewards/{id}", put(owner::update_reward))
        .route("/owner/pairing-codes", post(devices::create_pairing_code))
        .route("/owner/review", get(owner::review))
        .route("/owner/anomalies", get(anomalies::list))
        .route("/owner/staff", get(staff::list).post(staff::create))
        .route("/owner/staff/{id}", patch(staff::update))
        .route("/owner/staff/{id}/deactivate", post(staff::deactivate))
        .route("/owner/devices", get(devices::list))
        .route("/owner/devices/{id}/revoke", post(devices::revoke))
        .route("/owner/cards", get(members::list))
        .route(
            "/owner/categories",
            get(insights::categories).put(insights::save_categories),
        )
        .route("/owner/insights/overview", get(insights::overview))
        .route("/owner/insights/nps", get(insights::nps))
        .route("/owner/insights/clv", get(insights::clv))
        .route("/owner/insights/hours", get(insights::hours))
        .route("/owner/insights/segments", get(insights::segments))
        .route(
            "/owner/insights/segments/{segment}/members",
            get(insights::segment_members),
        )
        .route("/owner/insights/members/{id}", get(insights::member))
        .route(
            "/owner/insights/members/{id}/history",
            get(insights::member_history),
        )
        .route(
            "/owner/insights/members/{id}/note",
            put(insights::save_note),
        )
        .route("/owner/offers", get(offers::list).post(offers::create))
        .route("/owner/offers/preview", post(offers::preview))
        .route("/owner/offers/{id}", put(offers::update))
        .route("/owner/offers/{id}/status", post(offers::set_status))
        .route("/owner/imports", get(imports::list))
        .route("/owner/imports/{id}", get(imports::show))
        .route("/owner/imports/{id}/mapping", put(imports::set_mapping))
        .route("/owner/imports/{id}/start", post(imports::start))
        .route("/owner/cards/{id}/revoke", post(members::revoke))
        .route("/owner/printed-cards", post(members::create_printed))
        .route(
            "/owner/cards/{id}/printed-card",
            post(members::printed_card),
        )
        .route("/shops/{slug}", get(shops::show))
        .route(
            "/shops/{slug}/join",
            limited(post(cards::join), limits::JOIN),
        )
        .route("/cards/me", get(cards::show).patch(cards::update))
        .route(
            "/cards/me/events",
            get(cards::events).post(cards::push_events),
        )
        .route("/cards/me/offers", get(offers::mine))
        .route("/cards/me/key", put(cards::register_key))
        .route("/cards/me/recovery-code", post(cards::new_recovery_code))
        .route(
            "/cards/recover",
            limited(post(cards::recover), limits::RECOVERY),
        )
        .route(
            "/devices/pair",
            limited(post(devices::pair), limits::PAIRING),
        )
        .route("/till/program", get(till::program))
        .route(
            "/till/lookup",
            limited(post(till::lookup), limits::CODE_CHECKS),
        )
        .route(
            "/till/staff-session",
            limited(post(staff::switch), limits::PIN),
        )
        .route(
            "/till/pin-failures",
            limited(post(staff::report_pin_failures), limits::PIN),
        )
        .route("/sync/push", post(sync::push))
        .route("/sync/pull", get(sync::pull))
        .route("/sync/known", post(sync::known))
        .route("/openapi.json", get(openapi::document))
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(middleware::from_fn_with_state(
            settings.max_body_bytes,
            retry_aborted,
        ))
        // A history file has its own size limit (and is not read twice: its job is made once).
        .merge(
            Router::new()
                .route("/owner/imports", post(imports::upload))
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-store"),
                ))
                .layer(DefaultBodyLimit::max(
                    regulars_protocol::imports::MAX_IMPORT_BYTES,
                )),
        );

    let timeout = Duration::from_secs(settings.request_timeout_secs);
    // Any other address is a page of the app: the page of the bundle it belongs to (which
    // preloads that bundle), or `index.html` (the shopper's, also before a build with three).
    let dist = settings.dist_dir.clone();
    let pages = tower::service_fn(move |request: Request| {
        let own = dist.join(bundle_for_path(request.uri().path()).page());
        let page = if own.is_file() {
            own
        } else {
            dist.join(Bundle::Shopper.page())
        };
        ServeFile::new(page).oneshot(request)
    });
    // The build writes each asset's brotli (-q11) and gzip copies beside it; a browser that
    // takes them gets those rather than the smaller effort of compressing on the fly.
    let app = ServeDir::new(&settings.dist_dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(pages);

    Router::new()
        .route("/healthz", get(health::check))
        .nest("/api/v1", api)
        .fallback_service(app)
        .layer(middleware::from_fn(cache_static_files))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(middleware::from_fn_with_state(timeout, time_limit))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Everything from this origin only; WebAssembly may be compiled (`'wasm-unsafe-eval'`) but no
/// JavaScript `eval` and no inline script or style attribute; QR codes and camera frames may be
/// `data:`/`blob:` images; no framing, no plugins, no form posts elsewhere.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; \
    worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
    form-action 'self'; object-src 'none'";

/// How long an upload of a history file may take: 50 MB on a slow shop connection.
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// Cuts off a request that takes longer than `timeout` (an upload of a history file, longer
/// than [`UPLOAD_TIMEOUT`]) with a JSON 408, like every API error.
async fn time_limit(
    axum::extract::State(timeout): axum::extract::State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    let limit = if request.method() == axum::http::Method::POST
        && request.uri().path() == "/api/v1/owner/imports"
    {
        UPLOAD_TIMEOUT.max(timeout)
    } else {
        timeout
    };
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => timed_out(),
    }
}

fn timed_out() -> Response {
    let body = ApiErrorBody {
        code: regulars_protocol::ErrorCode::Timeout,
        message: "The server took too long to answer. Please try again.".into(),
        field: None,
    };
    (StatusCode::REQUEST_TIMEOUT, axum::Json(body)).into_response()
}

/// A request whose transaction the database aborted to break a deadlock or a serialization
/// conflict (PostgreSQL under concurrent replicas; see `db::engine::is_retryable`) runs again
/// from the start, up to `engine::ATTEMPTS` times, instead of answering 500: the aborted
/// transaction wrote nothing, so running it again is what the client would do anyway.
async fn retry_aborted(
    axum::extract::State(max_body_bytes): axum::extract::State<usize>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, max_body_bytes).await else {
        return ApiError::PayloadTooLarge.into_response();
    };
    let mut attempt = 1;
    loop {
        let request = Request::from_parts(parts.clone(), axum::body::Body::from(bytes.clone()));
        let response = next.clone().run(request).await;
        if response.extensions().get::<engine::Aborted>().is_none() || attempt >= engine::ATTEMPTS {
            return response;
        }
        tracing::info!(attempt, path = %parts.uri.path(), "running an aborted request again");
        attempt += 1;
        // A little apart, so the transactions that met do not meet again at once.
        tokio::time::sleep(Duration::from_millis(5 * u64::from(attempt))).await;
    }
}

/// Built files carry a content hash in their name under `/assets/`, so they are cached for a
/// year; everything else (index.html above all) is revalidated on every load.
async fn cache_static_files(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if path.starts_with("/api/") {
        return response;
    }
    let value = if path.starts_with("/assets/") && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

async fn api_not_found() -> ApiError {
    ApiError::not_found("no_such_endpoint", "There is no such API endpoint.")
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
