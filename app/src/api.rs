//! The typed client of the Regulars JSON API (`/api/v1`, same origin).
//!
//! Every call returns `Result<_, ApiError>`: an error answer is decoded from its JSON body
//! (`{code, message, field?}`) so pages can show the server's sentence, and a failed request
//! (no signal) is its own variant so pages can fall back to what IndexedDB holds.

use gloo_net::http::{Request, RequestBuilder, Response};
use regulars_protocol::wire::{
    ApiErrorBody, CardEvents, CardView, Customer, FlaggedEvent, JoinRequest, JoinResponse,
    LoginRequest, LookupRequest, OwnerShop, PairRequest, PairResponse, PairingCode, ProfileUpdate,
    PublicShop, PullResponse, PushRequest, PushResponse, RewardInput, SetupRequest, ShopSettings,
    TillProgram,
};
use regulars_protocol::wire::{
    CardKeyRequest, KnownRequest, KnownResponse, Member, PrintedCard, PrintedCardRequest,
    RecoverRequest, RecoveryCode,
};
use regulars_protocol::{CardId, RewardId};
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

    /// The server's machine-readable reason of an error answer, such as `card_revoked`.
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Api { body, .. } => Some(body.code.as_str()),
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

/// The owner session's CSRF token, from the readable cookie the server sets beside the
/// HttpOnly session cookie. Sent with every owner call; the server refuses changes without it.
fn csrf_token() -> Option<String> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?
        .document()?
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?;
    let cookies = document.cookie().ok()?;
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == "regulars_csrf" && !value.is_empty())
        .map(|(_, value)| value.to_string())
}

fn with_auth(builder: RequestBuilder, auth: Auth<'_>) -> RequestBuilder {
    let builder = builder.header("Accept", "application/json");
    match auth {
        Auth::Session => match csrf_token() {
            Some(token) => builder.header("X-CSRF-Token", &token),
            None => builder,
        },
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
        code: regulars_protocol::ErrorCode::parse(&format!("http_{status}")),
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

/// `POST /owner/password-reset`: a new password with the one-time code
/// `regulars-server reset-password` printed; starts a session like [`login`]. 403
/// `invalid_reset_code` for a wrong, used or expired code, 429 after too many tries.
pub async fn reset_password(
    body: &regulars_protocol::wire::PasswordReset,
) -> Result<OwnerShop, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/owner/password-reset")), Auth::Session),
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

/// `PUT /owner/password`: 403 `wrong_password` when the current one is wrong.
pub async fn change_password(
    body: &regulars_protocol::wire::PasswordChange,
) -> Result<(), ApiError> {
    send(with_json(
        with_auth(Request::put(&url("/owner/password")), Auth::Session),
        body,
    )?)
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

/// `GET /owner/cards`: the program's members, with balances.
pub async fn members() -> Result<Vec<Member>, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/cards")),
        Auth::Session,
    ))?)
    .await
}

/// `POST /owner/cards/{id}/revoke`: blocks a card; tills refuse it from then on.
pub async fn revoke_card(id: CardId) -> Result<Member, ApiError> {
    let path = url(&format!("/owner/cards/{id}/revoke"));
    send_json(empty(with_auth(Request::post(&path), Auth::Session))?).await
}

/// `POST /owner/printed-cards`: a card for a shopper without a smartphone, with its code.
pub async fn create_printed_card(body: &PrintedCardRequest) -> Result<PrintedCard, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/owner/printed-cards")), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/cards/{id}/printed-card`: the printed card of a member without a phone, with
/// the code it was made with, to print again. A member whose card is on their phone has none
/// (409 `not_a_printed_card`).
pub async fn printed_card(id: CardId) -> Result<PrintedCard, ApiError> {
    let path = url(&format!("/owner/cards/{id}/printed-card"));
    send_json(empty(with_auth(Request::post(&path), Auth::Session))?).await
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

/// `POST /cards/me/events`: the phone's own outbox (survey answers).
pub async fn push_card_events(
    token: &str,
    body: &regulars_protocol::card_events::CardEventsPush,
) -> Result<regulars_protocol::card_events::CardEventsPushResponse, ApiError> {
    let request = with_json(
        with_auth(Request::post(&url("/cards/me/events")), Auth::Bearer(token)),
        body,
    )?;
    send_json(request).await
}

/// `PATCH /cards/me`.
pub async fn update_profile(token: &str, body: &ProfileUpdate) -> Result<CardView, ApiError> {
    let request = with_json(
        with_auth(Request::patch(&url("/cards/me")), Auth::Bearer(token)),
        body,
    )?;
    send_json(request).await
}

/// `PUT /cards/me/key`: registers the phone's card key, for a card made before signed codes.
/// 409 if the card already has one.
pub async fn register_card_key(token: &str, body: &CardKeyRequest) -> Result<CardView, ApiError> {
    let request = with_json(
        with_auth(Request::put(&url("/cards/me/key")), Auth::Bearer(token)),
        body,
    )?;
    send_json(request).await
}

/// `POST /cards/me/recovery-code`: a new recovery code; the previous one stops working.
pub async fn new_recovery_code(token: &str) -> Result<RecoveryCode, ApiError> {
    send_json(empty(with_auth(
        Request::post(&url("/cards/me/recovery-code")),
        Auth::Bearer(token),
    ))?)
    .await
}

/// `POST /cards/recover`: moves a card to this phone. 401 `invalid_recovery_code` for a wrong
/// code, 429 after too many tries.
pub async fn recover(body: &RecoverRequest) -> Result<JoinResponse, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/cards/recover")), Auth::Session),
        body,
    )?)
    .await
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

/// `POST /sync/known`: which of these events the shop's ledger holds.
pub async fn known(token: &str, body: &KnownRequest) -> Result<KnownResponse, ApiError> {
    let request = with_json(
        with_auth(Request::post(&url("/sync/known")), Auth::Bearer(token)),
        body,
    )?;
    send_json(request).await
}

/// `GET /sync/pull?cursor=N`: the program and the directory changes after `cursor`.
pub async fn pull(token: &str, cursor: i64) -> Result<PullResponse, ApiError> {
    let path = url(&format!("/sync/pull?cursor={}", cursor.max(0)));
    send_json(empty(with_auth(Request::get(&path), Auth::Bearer(token)))?).await
}

// Staff and devices

/// `GET /owner/staff`: the shop's staff, the owner first.
pub async fn staff() -> Result<Vec<regulars_protocol::wire::StaffAccount>, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/staff")),
        Auth::Session,
    ))?)
    .await
}

/// `POST /owner/staff`: a new cashier or manager with their PIN.
pub async fn add_staff(
    body: &regulars_protocol::wire::NewStaff,
) -> Result<regulars_protocol::wire::StaffAccount, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/owner/staff")), Auth::Session),
        body,
    )?)
    .await
}

/// `PATCH /owner/staff/{id}`: name, role, PIN, or `active: true` to bring a member back.
pub async fn update_staff(
    id: regulars_protocol::StaffId,
    body: &regulars_protocol::wire::StaffChanges,
) -> Result<regulars_protocol::wire::StaffAccount, ApiError> {
    let path = url(&format!("/owner/staff/{id}"));
    send_json(with_json(
        with_auth(Request::patch(&path), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/staff/{id}/deactivate`.
pub async fn deactivate_staff(
    id: regulars_protocol::StaffId,
) -> Result<regulars_protocol::wire::StaffAccount, ApiError> {
    let path = url(&format!("/owner/staff/{id}/deactivate"));
    send_json(empty(with_auth(Request::post(&path), Auth::Session))?).await
}

/// `GET /owner/devices`: the shop's tablets with when they were last seen.
pub async fn devices() -> Result<Vec<regulars_protocol::wire::DeviceInfo>, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/devices")),
        Auth::Session,
    ))?)
    .await
}

/// `POST /owner/devices/{id}/revoke`: unpairs a tablet at once.
pub async fn revoke_device(
    id: regulars_protocol::DeviceId,
) -> Result<regulars_protocol::wire::DeviceInfo, ApiError> {
    let path = url(&format!("/owner/devices/{id}/revoke"));
    send_json(empty(with_auth(Request::post(&path), Auth::Session))?).await
}

/// `GET /owner/anomalies`: unusual cards and staff over the last 30 days.
pub async fn anomalies() -> Result<regulars_protocol::wire::Anomalies, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/anomalies")),
        Auth::Session,
    ))?)
    .await
}

/// `POST /till/staff-session`: switches the till to a staff member. 403 `wrong_pin`, 429 while
/// paused after wrong PINs, 401 once wrong PINs unpaired the tablet.
pub async fn staff_session(
    token: &str,
    body: &regulars_protocol::wire::StaffSessionRequest,
) -> Result<regulars_protocol::wire::StaffSwitched, ApiError> {
    let request = with_json(
        with_auth(
            Request::post(&url("/till/staff-session")),
            Auth::Bearer(token),
        ),
        body,
    )?;
    send_json(request).await
}

/// `POST /till/pin-failures`: wrong PINs typed while offline.
pub async fn report_pin_failures(
    token: &str,
    body: &regulars_protocol::wire::PinFailuresReport,
) -> Result<regulars_protocol::wire::PinStatus, ApiError> {
    let request = with_json(
        with_auth(
            Request::post(&url("/till/pin-failures")),
            Auth::Bearer(token),
        ),
        body,
    )?;
    send_json(request).await
}

// Insights (the owner's pages)

/// The query of a period: the last `days` days, or the days `from..=to` (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Period {
    Days(i64),
    Range(String, String),
}

impl Period {
    fn query(&self) -> String {
        match self {
            Period::Days(n) => format!("days={n}"),
            Period::Range(from, to) => format!("from={}&to={}", segment(from), segment(to)),
        }
    }
}

/// `GET /owner/insights/overview?days=N` (or `from`, `to`).
pub async fn insights_overview(
    period: &Period,
) -> Result<regulars_protocol::insights::Overview, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url(&format!(
            "/owner/insights/overview?{}",
            period.query()
        ))),
        Auth::Session,
    ))?)
    .await
}

/// `GET /owner/insights/nps?days=N` (or `from`, `to`).
pub async fn insights_nps(
    period: &Period,
) -> Result<regulars_protocol::insights::NpsReport, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url(&format!("/owner/insights/nps?{}", period.query()))),
        Auth::Session,
    ))?)
    .await
}

/// `GET /owner/insights/clv?list=top|drifting|all`, as of today or of the day given.
pub async fn insights_clv(
    list: &str,
    as_of: Option<&str>,
) -> Result<regulars_protocol::insights::ClvReport, ApiError> {
    let day = as_of
        .map(|d| format!("&as_of={}", segment(d)))
        .unwrap_or_default();
    send_json(empty(with_auth(
        Request::get(&url(&format!(
            "/owner/insights/clv?list={}{day}",
            segment(list)
        ))),
        Auth::Session,
    ))?)
    .await
}

/// The whole predicted-value list as CSV, for a download link.
pub fn clv_csv_path(list: &str) -> String {
    url(&format!(
        "/owner/insights/clv?list={}&format=csv",
        segment(list)
    ))
}

/// `GET /owner/insights/hours?days=N`.
pub async fn insights_hours(
    period: &Period,
) -> Result<regulars_protocol::insights::Hours, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url(&format!("/owner/insights/hours?{}", period.query()))),
        Auth::Session,
    ))?)
    .await
}

/// `GET /owner/insights/hours?days=N&segment=S`: one group's visits (or everyone's).
pub async fn insights_hours_of(
    period: &Period,
    segment: Option<&str>,
) -> Result<regulars_protocol::insights::Hours, ApiError> {
    let group = segment
        .map(|s| format!("&segment={}", self::segment(s)))
        .unwrap_or_default();
    send_json(empty(with_auth(
        Request::get(&url(&format!(
            "/owner/insights/hours?{}{group}",
            period.query()
        ))),
        Auth::Session,
    ))?)
    .await
}

/// `GET /owner/insights/segments?days=N`.
pub async fn insights_segments(
    period: &Period,
) -> Result<regulars_protocol::insights::Segments, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url(&format!(
            "/owner/insights/segments?{}",
            period.query()
        ))),
        Auth::Session,
    ))?)
    .await
}

/// The address of every member of the shop as a CSV file.
pub fn members_csv_path() -> String {
    url("/owner/cards?format=csv")
}

/// The address of one member's whole history as a CSV file.
pub fn member_history_csv_path(card: CardId) -> String {
    url(&format!(
        "/owner/insights/members/{card}/history?format=csv"
    ))
}

/// The address of a segment's members (`all`, `top` or a segment), a page or the CSV file.
pub fn segment_members_path(segment: &str, page: u32, csv: bool) -> String {
    let format = if csv { "&format=csv" } else { "" };
    url(&format!(
        "/owner/insights/segments/{}/members?page={page}{format}",
        self::segment(segment)
    ))
}

/// `GET /owner/insights/segments/{segment}/members?page=N`.
pub async fn segment_members(
    segment: &str,
    page: u32,
) -> Result<regulars_protocol::insights::SegmentMembers, ApiError> {
    send_json(empty(with_auth(
        Request::get(&segment_members_path(segment, page, false)),
        Auth::Session,
    ))?)
    .await
}

/// `GET /owner/insights/members/{id}`.
pub async fn member_insights(
    id: CardId,
) -> Result<regulars_protocol::insights::MemberInsights, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url(&format!("/owner/insights/members/{id}"))),
        Auth::Session,
    ))?)
    .await
}

/// `PUT /owner/insights/members/{id}/note`.
pub async fn save_member_note(
    id: CardId,
    note: &str,
) -> Result<regulars_protocol::insights::MemberNote, ApiError> {
    send_json(with_json(
        with_auth(
            Request::put(&url(&format!("/owner/insights/members/{id}/note"))),
            Auth::Session,
        ),
        &regulars_protocol::insights::MemberNote {
            note: note.to_owned(),
        },
    )?)
    .await
}

/// `PUT /owner/categories`.
pub async fn save_categories(
    body: &regulars_protocol::wire::CategoriesInput,
) -> Result<OwnerShop, ApiError> {
    send_json(with_json(
        with_auth(Request::put(&url("/owner/categories")), Auth::Session),
        body,
    )?)
    .await
}

// Imports of purchase history (the owner's pages)

/// `POST /owner/imports?file_name=`: the file itself as the body (the browser streams it from
/// disk). 201 with the job, checked at once when its header names the columns; 413 over
/// [`regulars_protocol::imports::MAX_IMPORT_BYTES`], 422 for a file that cannot be read.
pub async fn upload_import(
    file: &web_sys::File,
) -> Result<regulars_protocol::imports::ImportJob, ApiError> {
    let path = url(&format!(
        "/owner/imports?file_name={}",
        segment(&file.name())
    ));
    let request = with_auth(Request::post(&path), Auth::Session)
        .header("Content-Type", "text/csv")
        .body(wasm_bindgen::JsValue::from(file.clone()))
        .map_err(|e| ApiError::Decode(e.to_string()))?;
    send_json(request).await
}

/// `GET /owner/imports`: the shop's recent imports, newest first.
pub async fn imports() -> Result<regulars_protocol::imports::ImportList, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/imports")),
        Auth::Session,
    ))?)
    .await
}

/// `GET /owner/imports/{id}`: one import, its check and its progress.
pub async fn import_job(id: &str) -> Result<regulars_protocol::imports::ImportJob, ApiError> {
    let path = url(&format!("/owner/imports/{}", segment(id)));
    send_json(empty(with_auth(Request::get(&path), Auth::Session))?).await
}

/// `PUT /owner/imports/{id}/mapping`: which column holds each field; the file is checked again.
pub async fn set_import_mapping(
    id: &str,
    mapping: &regulars_protocol::imports::ColumnMapping,
) -> Result<regulars_protocol::imports::ImportJob, ApiError> {
    let path = url(&format!("/owner/imports/{}/mapping", segment(id)));
    send_json(with_json(
        with_auth(Request::put(&path), Auth::Session),
        mapping,
    )?)
    .await
}

/// `POST /owner/imports/{id}/start`: 202 with the running job; 409 `import_has_bad_rows`
/// without `skip_bad_rows` on a file with bad rows.
pub async fn start_import(
    id: &str,
    skip_bad_rows: bool,
) -> Result<regulars_protocol::imports::ImportJob, ApiError> {
    let path = url(&format!("/owner/imports/{}/start", segment(id)));
    send_json(with_json(
        with_auth(Request::post(&path), Auth::Session),
        &regulars_protocol::imports::StartImport { skip_bad_rows },
    )?)
    .await
}

// Offers (the owner's pages)

/// `GET /owner/offers`: every offer of the shop, newest first, with what members did with it.
pub async fn offers() -> Result<regulars_protocol::offers::OwnerOffers, ApiError> {
    send_json(empty(with_auth(
        Request::get(&url("/owner/offers")),
        Auth::Session,
    ))?)
    .await
}

/// `POST /owner/offers`: a new offer (201); 422 `invalid_field` naming the field at fault.
pub async fn create_offer(
    body: &regulars_protocol::offers::OfferInput,
) -> Result<regulars_protocol::offers::OwnerOffer, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/owner/offers")), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/offers/preview`: how many members an offer would reach, before saving it.
pub async fn preview_offer(
    body: &regulars_protocol::offers::OfferInput,
) -> Result<regulars_protocol::offers::OfferPreview, ApiError> {
    send_json(with_json(
        with_auth(Request::post(&url("/owner/offers/preview")), Auth::Session),
        body,
    )?)
    .await
}

/// `PUT /owner/offers/{id}`: a new version of an offer (its holdout stays the same members);
/// 404 `unknown_offer`.
pub async fn update_offer(
    id: regulars_protocol::OfferId,
    body: &regulars_protocol::offers::OfferInput,
) -> Result<regulars_protocol::offers::OwnerOffer, ApiError> {
    let path = url(&format!("/owner/offers/{id}"));
    send_json(with_json(
        with_auth(Request::put(&path), Auth::Session),
        body,
    )?)
    .await
}

/// `POST /owner/offers/{id}/status`: pause, resume (active) or end an offer.
pub async fn set_offer_status(
    id: regulars_protocol::OfferId,
    status: regulars_protocol::offers::OfferStatus,
) -> Result<regulars_protocol::offers::OwnerOffer, ApiError> {
    let path = url(&format!("/owner/offers/{id}/status"));
    send_json(with_json(
        with_auth(Request::post(&path), Auth::Session),
        &regulars_protocol::offers::OfferStatusChange { status },
    )?)
    .await
}
