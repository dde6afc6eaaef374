//! `spawn_app()` starts the real server on port 0 with a fresh SQLite database, and a typed
//! client built on the protocol crate talks to it.

use regulars_protocol::wire::*;
use regulars_protocol::{CardId, DeviceId, Event, EventBody, EventId, ProgramKind, Reward, StaffId};
use regulars_server::config::Settings;
use regulars_server::startup::Application;
use serde::Serialize;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

pub struct TestApp {
    pub address: String,
    pub db: sqlx::SqlitePool,
    /// Anonymous client (no cookies).
    pub http: reqwest::Client,
    _dir: tempfile::TempDir,
}

pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(dist.join("assets")).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>Regulars</title>").unwrap();
    std::fs::write(dist.join("assets/regulars-0123456789abcdef.js"), "export default 1;").unwrap();
    let settings = Settings {
        listen: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().join("data"),
        database_url: None,
        dist_dir: dist,
        max_body_bytes: 64 * 1024,
        ..Settings::default()
    };
    let app = Application::build(settings).await.expect("server starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let db = app.db();
    tokio::spawn(app.run_until_stopped());
    TestApp { address, db, http: reqwest::Client::new(), _dir: dir }
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
            code: None,
        }
    }

    pub fn stamps(&self, card_id: CardId, count: i64) -> Event {
        self.event(card_id, EventBody::StampsIssued { count, amount_minor: None, category: None })
    }

    pub fn redeem(&self, card_id: CardId, reward: &Reward) -> Event {
        self.event(card_id, EventBody::RewardRedeemed { reward_id: reward.id, cost: reward.cost, offline: false })
    }
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

    pub async fn post<B: Serialize>(&self, path: &str, token: Option<&str>, body: &B) -> reqwest::Response {
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
        let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
        let response = client
            .post(self.url("/api/v1/setup"))
            .json(&setup_request(email, kind, reward_cost))
            .send()
            .await
            .unwrap();
        let shop: OwnerShop = json(response, 201).await;
        Owner { client, shop }
    }

    pub async fn pairing_code(&self, owner: &Owner) -> PairingCode {
        json(owner.client.post(self.url("/api/v1/owner/pairing-codes")).send().await.unwrap(), 201).await
    }

    pub async fn pair(&self, owner: &Owner) -> Till {
        let code = self.pairing_code(owner).await;
        let paired: PairResponse =
            json(self.post("/api/v1/devices/pair", None, &PairRequest { code: code.code, device_name: None }).await, 201)
                .await;
        Till {
            token: paired.token,
            device_id: paired.device_id,
            staff_id: paired.till.default_staff_id,
            program: paired.till,
            next_seq: std::cell::Cell::new(1),
        }
    }

    pub async fn join(&self, owner: &Owner) -> JoinResponse {
        let path = format!("/api/v1/shops/{}/join", owner.shop.shop.slug);
        json(self.post(&path, None, &JoinRequest::default()).await, 201).await
    }

    pub async fn card(&self, token: &str) -> CardView {
        json(self.get("/api/v1/cards/me", Some(token)).await, 200).await
    }

    pub async fn push(&self, till: &Till, events: &[Event]) -> PushResponse {
        let request = PushRequest { events: events.to_vec(), sent_at: Some(OffsetDateTime::now_utc()) };
        json(self.post("/api/v1/sync/push", Some(&till.token), &request).await, 200).await
    }

    pub async fn lookup(&self, till: &Till, code: &str) -> reqwest::Response {
        self.post("/api/v1/till/lookup", Some(&till.token), &LookupRequest { code: code.into() }).await
    }
}
