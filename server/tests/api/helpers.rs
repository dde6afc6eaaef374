//! `spawn_app()` starts the real server on port 0 with a fresh database (SQLite, or PostgreSQL
//! under `REGULARS_TEST_POSTGRES`: see `tests/common/database.rs`), and a typed
//! client built on the protocol crate talks to it.

use p256::ecdsa::SigningKey;
use regulars_protocol::wire::*;
use regulars_protocol::{
    CardCode, CardId, CardKey, DeviceId, Event, EventBody, EventId, ProgramKind, Reward, StaffId,
    card_code, staff::StaffSession,
};
use regulars_server::config::Settings;
use regulars_server::startup::Application;
use serde::Serialize;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

pub struct TestApp {
    pub address: String,
    pub db: sqlx::AnyPool,
    /// Anonymous client (no cookies).
    pub http: reqwest::Client,
    /// Tablets paired so far: each scans the phones at its own moment (see [`Till::step_offset`]).
    tills: std::cell::Cell<i64>,
    /// What the server was started with, so [`TestApp::replica`] can start another like it.
    settings: Settings,
    _dir: std::sync::Arc<tempfile::TempDir>,
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// [`spawn_app`] with changed settings (for example without rate limits, to test what lies
/// behind them).
pub async fn spawn_app_with(change: impl FnOnce(&mut Settings)) -> TestApp {
    // The server's errors, shown with the output of a test that fails.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("regulars_server=error")
        .with_test_writer()
        .try_init();
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    // The three pages a build writes, one per bundle.
    for bundle in regulars_protocol::pages::Bundle::ALL {
        std::fs::write(
            dist.join(bundle.page()),
            format!(
                "<!doctype html><title>Regulars</title><meta name=\"bundle\" content=\"{}\">",
                bundle.name()
            ),
        )
        .unwrap();
    }
    std::fs::write(
        dist.join("assets/regulars-0123456789abcdef.js"),
        "export default 1;",
    )
    .unwrap();
    // As the build writes it beside each asset (here not real brotli: the test reads it back).
    std::fs::write(
        dist.join("assets/regulars-0123456789abcdef.js.br"),
        "the build's brotli copy",
    )
    .unwrap();
    let mut settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().join("data"),
        database_url: crate::database::fresh().await,
        dist_dir: dist,
        max_body_bytes: 64 * 1024,
        ..Settings::default()
    };
    change(&mut settings);
    start(settings, std::sync::Arc::new(dir)).await
}

async fn start(settings: Settings, dir: std::sync::Arc<tempfile::TempDir>) -> TestApp {
    let app = Application::build(settings.clone())
        .await
        .expect("server starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.db();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        db,
        http: reqwest::Client::new(),
        tills: Default::default(),
        settings,
        _dir: dir,
    }
}

impl TestApp {
    /// Another server on the same database, as a second replica behind a load balancer: its
    /// own process state, its own port, nothing shared but the database.
    pub async fn replica(&self) -> TestApp {
        self.replica_with(|_| {}).await
    }

    /// The URL of the database this server runs on (for the operator's commands).
    pub fn database_url(&self) -> String {
        self.settings.database_url()
    }

    /// [`TestApp::replica`] with changed settings (a server restarted with another setting).
    pub async fn replica_with(&self, change: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = self.settings.clone();
        change(&mut settings);
        let replica = start(settings, self._dir.clone()).await;
        replica.tills.set(self.tills.get());
        replica
    }
}

/// An owner logged in through their own cookie jar.
pub struct Owner {
    pub client: reqwest::Client,
    pub shop: OwnerShop,
}

/// A paired tablet.
pub struct Till {
    pub token: String,
    pub device_id: DeviceId,
    pub staff_id: StaffId,
    pub program: TillProgram,
    pub next_seq: std::cell::Cell<i64>,
    /// The time step of the codes this tablet scans. A (card, step) belongs to the first tablet
    /// that shows it, so each tablet of a test scans the phones' codes of its own step, as the
    /// tills of a shop see customers at different moments.
    pub scan_step: u32,
}

impl Till {
    pub fn event(&self, card_id: CardId, body: EventBody) -> Event {
        let seq = self.next_seq.get();
        self.next_seq.set(seq + 1);
        Event {
            id: EventId(uuid::Uuid::now_v7()),
            card_id,
            device_id: self.device_id,
            device_seq: seq,
            staff_id: Some(self.staff_id),
            occurred_at: OffsetDateTime::now_utc().replace_nanosecond(0).unwrap(),
            body,
            // The till scanned the card's phone, when this test made one.
            code: CARD_KEYS.with(|keys| {
                keys.borrow()
                    .get(&card_id)
                    .map(|key| CardCode::sign_rotating(key, card_id, self.scan_step).encode())
            }),
            staff_proof: None,
            origin: regulars_protocol::Origin::Till,
            scanned_at: None,
        }
    }

    pub fn stamps(&self, card_id: CardId, count: i64) -> Event {
        self.event(
            card_id,
            EventBody::StampsIssued {
                count,
                amount_minor: None,
                category: None,
            },
        )
    }

    pub fn redeem(&self, card_id: CardId, reward: &Reward) -> Event {
        self.event(
            card_id,
            EventBody::RewardRedeemed {
                reward_id: reward.id,
                cost: reward.cost,
                offline: false,
            },
        )
    }
}

thread_local! {
    /// The staff sessions the tablets of a test were given (at pairing, at PIN switches), by
    /// tablet and member: [`TestApp::push`] proves events with them, as the till does.
    static SESSIONS: std::cell::RefCell<std::collections::HashMap<(DeviceId, StaffId), StaffSession>> = Default::default();
    /// The card keys of the phones a test made, by card.
    static CARD_KEYS: std::cell::RefCell<std::collections::HashMap<CardId, SigningKey>> = Default::default();
}

/// A random P-256 key, as WebCrypto makes on the phone.
pub fn new_card_key() -> SigningKey {
    loop {
        let mut bytes = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
        if let Ok(key) = SigningKey::from_slice(&bytes) {
            return key;
        }
    }
}

pub fn remember_key(card_id: CardId, key: SigningKey) {
    CARD_KEYS.with(|keys| keys.borrow_mut().insert(card_id, key));
}

/// The code the card's phone shows at `at`.
pub fn code_at(card_id: CardId, at: OffsetDateTime) -> String {
    let key = CARD_KEYS
        .with(|keys| keys.borrow().get(&card_id).cloned())
        .expect("a card joined in this test");
    CardCode::sign_rotating(&key, card_id, card_code::step_at(at)).encode()
}

/// The code the card's phone shows now.
pub fn live_code(card_id: CardId) -> String {
    code_at(card_id, OffsetDateTime::now_utc())
}

pub fn setup_request(email: &str, kind: ProgramKind, reward_cost: i64) -> SetupRequest {
    SetupRequest {
        email: email.into(),
        password: "correct horse battery".into(),
        shop_name: "Corner Café".into(),
        brand_color: Some("#225588".into()),
        program_kind: kind,
        reward_name: "Free coffee".into(),
        reward_cost: Some(reward_cost),
        points_per_unit: None,
        currency: None,
        time_zone: Some("Europe/Paris".into()),
    }
}

/// The CSRF token an answer sets (the `regulars_csrf` cookie).
pub fn csrf_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .find_map(|v| {
            let v = v.to_str().ok()?;
            v.strip_prefix("regulars_csrf=")
                .map(|rest| rest.split(';').next().unwrap_or_default().to_string())
        })
}

/// A client that acts as the owner's pages do: the session cookie in its jar and the CSRF
/// token in a header on every request.
pub fn owner_client(jar: std::sync::Arc<reqwest::cookie::Jar>, csrf: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-csrf-token", csrf.parse().unwrap());
    reqwest::Client::builder()
        .cookie_provider(jar)
        .default_headers(headers)
        .build()
        .unwrap()
}

pub async fn json<T: DeserializeOwned>(response: reqwest::Response, status: u16) -> T {
    let actual = response.status().as_u16();
    let text = response.text().await.unwrap();
    assert_eq!(actual, status, "unexpected status; body: {text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("bad body {text}: {e}"))
}

/// Checks an error answer: status, JSON `{code, message}` and returns it.
pub async fn error(response: reqwest::Response, status: u16) -> ApiErrorBody {
    let body: ApiErrorBody = json(response, status).await;
    assert!(!body.message.is_empty());
    body
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn post<B: Serialize>(
        &self,
        path: &str,
        token: Option<&str>,
        body: &B,
    ) -> reqwest::Response {
        let mut request = self.http.post(self.url(path)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap()
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> reqwest::Response {
        let mut request = self.http.get(self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap()
    }

    pub async fn setup(&self, email: &str, kind: ProgramKind, reward_cost: i64) -> Owner {
        self.setup_with(&setup_request(email, kind, reward_cost))
            .await
    }

    /// Sets a shop up as the owner asked, logged in through its own cookie jar.
    pub async fn setup_with(&self, request: &SetupRequest) -> Owner {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .build()
            .unwrap();
        let response = client
            .post(self.url("/api/v1/setup"))
            .json(request)
            .send()
            .await
            .unwrap();
        let csrf = csrf_cookie(&response).expect("setup sets the CSRF cookie");
        let shop: OwnerShop = json(response, 201).await;
        Owner {
            client: owner_client(jar, &csrf),
            shop,
        }
    }

    /// [`TestApp::setup_with`] for a shop open since 2020, so events dated in its past are
    /// facts (events before a shop existed are refused as impossible).
    pub async fn setup_open_for_years(&self, request: &SetupRequest) -> Owner {
        let owner = self.setup_with(request).await;
        sqlx::query("UPDATE shops SET created_at = '2020-01-01T00:00:00.000000Z' WHERE id = $1")
            .bind(owner.shop.shop.id.to_string())
            .execute(&self.db)
            .await
            .unwrap();
        owner
    }

    pub async fn pairing_code(&self, owner: &Owner) -> PairingCode {
        json(
            owner
                .client
                .post(self.url("/api/v1/owner/pairing-codes"))
                .send()
                .await
                .unwrap(),
            201,
        )
        .await
    }

    pub async fn pair(&self, owner: &Owner) -> Till {
        let code = self.pairing_code(owner).await;
        let paired: PairResponse = json(
            self.post(
                "/api/v1/devices/pair",
                None,
                &PairRequest {
                    code: code.code,
                    device_name: None,
                },
            )
            .await,
            201,
        )
        .await;
        if let Some(session) = paired.staff_session.clone() {
            keep_session(paired.device_id, session);
        }
        let n = self.tills.get();
        self.tills.set(n + 1);
        Till {
            token: paired.token,
            device_id: paired.device_id,
            staff_id: paired.till.default_staff_id,
            program: paired.till,
            next_seq: std::cell::Cell::new(1),
            // The step now, then one after, one before, ...: within the two steps a code is
            // accepted for as long as a test runs (under 30 seconds).
            scan_step: (i64::from(card_code::step_at(OffsetDateTime::now_utc()))
                + [0, 1, -1][(n % 3) as usize]) as u32,
        }
    }

    /// Joins like the phone does: with a fresh card key, kept by [`remember_key`] so
    /// [`live_code`] can sign the card's codes.
    pub async fn join(&self, owner: &Owner) -> JoinResponse {
        let key = new_card_key();
        let path = format!("/api/v1/shops/{}/join", owner.shop.shop.slug);
        let request = JoinRequest {
            public_key: Some(CardKey::from(&key).to_base64()),
            ..JoinRequest::default()
        };
        let joined: JoinResponse = json(self.post(&path, None, &request).await, 201).await;
        remember_key(joined.card.card.id, key);
        joined
    }

    pub async fn card(&self, token: &str) -> CardView {
        json(self.get("/api/v1/cards/me", Some(token)).await, 200).await
    }

    /// Pushes like the till does: an event that needs a role and has no proof yet is proved
    /// with the session the tablet was given for its staff member, if it has one.
    pub async fn push(&self, till: &Till, events: &[Event]) -> PushResponse {
        let events: Vec<Event> = events.iter().cloned().map(prove).collect();
        self.push_as_sent(till, &events).await
    }

    /// Pushes exactly these events, proved or not (a dishonest tablet).
    pub async fn push_as_sent(&self, till: &Till, events: &[Event]) -> PushResponse {
        let request = PushRequest {
            events: events.to_vec(),
            sent_at: Some(OffsetDateTime::now_utc()),
        };
        json(
            self.post("/api/v1/sync/push", Some(&till.token), &request)
                .await,
            200,
        )
        .await
    }

    pub async fn lookup(&self, till: &Till, code: &str) -> reqwest::Response {
        self.post(
            "/api/v1/till/lookup",
            Some(&till.token),
            &LookupRequest {
                code: code.into(),
                pending: vec![],
            },
        )
        .await
    }
}

// Staff and devices

/// The event as made by `staff_id` (the tablet switched to them).
pub fn by_staff(staff_id: StaffId, mut event: Event) -> Event {
    event.staff_id = Some(staff_id);
    event
}

/// A reversal of `original` by `staff_id`, made on `till` at the tablet's time `at`.
pub fn reversal_of(till: &Till, original: &Event, staff_id: StaffId, at: OffsetDateTime) -> Event {
    let mut event = till.event(
        original.card_id,
        EventBody::Reversal {
            reverses: original.id,
            delta: -original.body.delta(),
            reason: "Wrong card".into(),
        },
    );
    event.staff_id = Some(staff_id);
    event.occurred_at = at;
    event.code = None;
    event
}

impl TestApp {
    /// Adds a staff member with the owner's session.
    pub async fn add_staff(
        &self,
        owner: &Owner,
        name: &str,
        role: StaffRole,
        pin: &str,
    ) -> StaffAccount {
        let body = NewStaff {
            name: name.into(),
            role,
            pin: pin.into(),
        };
        json(
            owner
                .client
                .post(self.url("/api/v1/owner/staff"))
                .json(&body)
                .send()
                .await
                .unwrap(),
            201,
        )
        .await
    }

    /// Switches `till` to a staff member with a PIN (the raw answer; see [`TestApp::switch_in`]).
    pub async fn switch_staff(
        &self,
        till: &Till,
        staff_id: StaffId,
        pin: &str,
    ) -> reqwest::Response {
        self.post(
            "/api/v1/till/staff-session",
            Some(&till.token),
            &StaffSessionRequest {
                staff_id,
                pin: pin.into(),
            },
        )
        .await
    }

    /// Switches `till` to a staff member with the right PIN and keeps the session it is given,
    /// so [`TestApp::push`] proves that member's events on this tablet.
    pub async fn switch_in(&self, till: &Till, staff_id: StaffId, pin: &str) -> StaffSwitched {
        let switched: StaffSwitched = json(self.switch_staff(till, staff_id, pin).await, 200).await;
        keep_session(
            till.device_id,
            switched.session.clone().expect("a staff session"),
        );
        switched
    }

    /// Changes shop settings with the owner's session.
    pub async fn update_shop(&self, owner: &Owner, settings: &ShopSettings) -> reqwest::Response {
        owner
            .client
            .patch(self.url("/api/v1/owner/shop"))
            .json(settings)
            .send()
            .await
            .unwrap()
    }
}

pub fn keep_session(device_id: DeviceId, session: StaffSession) {
    SESSIONS.with(|s| {
        s.borrow_mut()
            .insert((device_id, session.staff_id), session)
    });
}

/// The session a tablet holds for a member, if any.
pub fn session_of(device_id: DeviceId, staff_id: StaffId) -> Option<StaffSession> {
    SESSIONS.with(|s| s.borrow().get(&(device_id, staff_id)).cloned())
}

/// Signs a redemption, reversal or adjustment with its tablet's session for its member.
pub fn prove(mut event: Event) -> Event {
    let needs_role = event.body.needs_staff_proof();
    if needs_role
        && event.staff_proof.is_none()
        && let Some(staff_id) = event.staff_id
        && let Some(session) = session_of(event.device_id, staff_id)
    {
        event.staff_proof = regulars_protocol::staff::sign_event(&session, &event);
    }
    event
}
