//! The typed client of the Regulars JSON API (`/api/v1`, same origin).
//!
//! Every call returns `Result<_, ApiError>`: an error answer is decoded from its JSON body
//! (`{code, message, field?}`) so pages can show the server's sentence, and a failed request
//! (no signal) is its own variant so pages can fall back to what IndexedDB holds.

use gloo_net::http::{Request, RequestBuilder, Response};
use regulars_protocol::RewardId;
use regulars_protocol::wire::{
    ApiErrorBody, CardEvents, CardView, Customer, JoinRequest, JoinResponse, LoginRequest, LookupRequest,
    OwnerShop, PairRequest, PairResponse, PairingCode, ProfileUpdate, PublicShop, PullResponse, PushRequest,
    PushResponse, RewardInput, SetupRequest, ShopSettings, TillProgram, FlaggedEvent};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::i18n::{Msg, t};

const BASE: &str = "/api/v1";

/// Why an API call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The server answered with an error.
    #[error("{} ({status})", body.message)]
    Api { status: u16, body: ApiErrorBody },
    /// No answer at all: offline, or the server is down.
    #[error("network error: {0}")]
    Network(String),
    /// An answer that is not what the API promises.
    #[error("unexpected answer: {0}")]
    Decode(String),
}

impl ApiError {
    /// The HTTP status of an error answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The credential (session, card or device token) was not accepted.
    pub fn is_unauthorized(&self) -> bool {
        self.status() == Some(401)
    }

    /// The request got no answer.
    pub fn is_network(&self) -> bool {
        matches!(self, ApiError::Network(_))
    }

    /// A sentence for people: the server's own message, or ours when it could not answer.
    pub fn user_message(&self) -> String {
        match self {
            ApiError::Api { body, .. } => body.message.clone(),
            ApiError::Network(_) => t(Msg::NetworkDown),
            ApiError::Decode(_) => t(Msg::UnexpectedAnswer),
        }
    }
}

/// Who is calling: the owner's session cookie travels by itself (same origin).
#[derive(Debug, Clone, Copy)]
enum Auth<'a> {
    Session,
    Bearer(&'a str),
}

fn url(path: &str) -> String {
    format!("{BASE}{path}")
}

fn segment(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

fn with_auth(builder: RequestBuilder, auth: Auth<'_>) -> RequestBuilder {
    let builder = builder.header("Accept", "application/json");
    match auth {
        Auth::Session => builder,
        Auth::Bearer(token) => builder.header("Authorization", &format!("Bearer {token}")),
    }
}

fn with_json<B: Serialize>(builder: RequestBuilder, body: &B) -> Result<Request, ApiError> {
    builder
        .json(body)
        .map_err(|e| ApiError::Decode(e.to_string()))
}

fn empty(builder: RequestBuilder) -> Result<Request, ApiError> {
    builder.build().map_err(|e| ApiError::Decode(e.to_string()))
}

async fn send(request: Request) -> Result<Response, ApiError> {
    let response = request
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    let body = serde_json::from_str::<ApiErrorBody>(&text).unwrap_or_else(|_| ApiErrorBody {
        code: format!("http_{status}"),
        message: if status >= 500 || status == 0 {
            t(Msg::NetworkDown)
        } else {
            t(Msg::UnexpectedAnswer)
        },
        field: None,
    });
    Err(ApiError::Api { status, body })
}

async fn send_json<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    let response = send(request).await?;
    let text = response
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))
}

// Owner

/// `POST /setup`: account, shop and program at once; starts a session.
pub async fn setup(body: &SetupRequest) -> Result<OwnerShop, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/setup")), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/login`: starts a session.
pub async fn login(body: &LoginRequest) -> Result<OwnerShop, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/owner/login")), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/logout`.
pub async fn logout() -> Result<(), ApiError> {
    send(empty(with_auth(
        Request::post(&url("/owner/logout")),
        Auth::Session,
    ))?)
    .await?;
    Ok(())
}

/// `GET /owner/shop`: 401 without a session.
pub async fn owner_shop() -> Result<OwnerShop, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/shop")),
        Auth::Session,
    ))?)
    .await
}

/// `GET /owner/review`: events the owner should look at, newest first.
pub async fn review() -> Result<Vec<FlaggedEvent>, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/review")),
        Auth::Session,
    ))?)
    .await
}

/// `PATCH /owner/shop`.
pub async fn update_shop(body: &ShopSettings) -> Result<OwnerShop, ApiError> {
    send_json(with_json(
        with_auth(Request::patch(&url("/owner/shop")), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/rewards`.
pub async fn add_reward(body: &RewardInput) -> Result<OwnerShop, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/owner/rewards")), Auth::Session),
        body,
    )?)
    .await
}

/// `PUT /owner/rewards/{id}` (retire with `active: false`).
pub async fn update_reward(id: RewardId, body: &RewardInput) -> Result<OwnerShop, ApiError> {
    let path = url(&format!("/owner/rewards/{id}"));
    send_json(with_json(
        with_auth(Request::put(&path), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/pairing-codes`.
pub async fn create_pairing_code() -> Result<PairingCode, ApiError> {
    send_json(empty(with_auth(
        Request::post(&url("/owner/pairing-codes")),
        Auth::Session,
    ))?)
    .await
}

// Shopper

/// `GET /shops/{slug}`.
pub async fn public_shop(slug: &str) -> Result<PublicShop, ApiError> {
    let path = url(&format!("/shops/{}", segment(slug)));
    send_json(empty(with_auth(Request::get(&path), Auth::Session))?).await
}

/// `POST /shops/{slug}/join`.
pub async fn join(slug: &str, body: &JoinRequest) -> Result<JoinResponse, ApiError> {
    let path = url(&format!("/shops/{}/join", segment(slug)));
    send_json(with_json(
        with_auth(Request::post(&path), Auth::Session),
        body,
    )?)
    .await
}

/// `GET /cards/me`.
pub async fn my_card(token: &str) -> Result<CardView, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/cards/me")),
        Auth::Bearer(token),
    ))?)
    .await
}

/// `GET /cards/me/events?after=N`: the card's events after its cursor.
pub async fn card_events(token: &str, after: i64) -> Result<CardEvents, ApiError> {
    let path = url(&format!("/cards/me/events?after={}", after.max(0)));
    send_json(empty(with_auth(Request::get(&path), Auth::Bearer(token)))?).await
}

/// `PATCH /cards/me`.
pub async fn update_profile(token: &str, body: &ProfileUpdate) -> Result<CardView, ApiError> {
    let request = with_json(
        with_auth(Request::patch(&url("/cards/me")), Auth::Bearer(token)),
        body,
    )?;
    send_json(request).await
}

// Till

/// `POST /devices/pair`.
pub async fn pair(body: &PairRequest) -> Result<PairResponse, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/devices/pair")), Auth::Session),
        body,
    )?)
    .await
}

/// `GET /till/program`.
pub async fn till_program(token: &str) -> Result<TillProgram, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/till/program")),
        Auth::Bearer(token),
    ))?)
    .await
}

/// `POST /till/lookup`: 404 for an unknown card, 422 for a malformed code.
pub async fn lookup(token: &str, body: &LookupRequest) -> Result<Customer, ApiError> {
    let request = with_json(
        with_auth(Request::post(&url("/till/lookup")), Auth::Bearer(token)),
        body,
    )?;
    send_json(request).await
}

/// `POST /sync/push`.
pub async fn push(token: &str, body: &PushRequest) -> Result<PushResponse, ApiError> {
    let request = with_json(
        with_auth(Request::post(&url("/sync/push")), Auth::Bearer(token)),
        body,
    )?;
    send_json(request).await
}

/// `GET /sync/pull?cursor=N`: the program and the directory changes after `cursor`.
pub async fn pull(token: &str, cursor: i64) -> Result<PullResponse, ApiError> {
    let path = url(&format!("/sync/pull?cursor={}", cursor.max(0)));
    send_json(empty(with_auth(Request::get(&path), Auth::Bearer(token)))?).await
}
