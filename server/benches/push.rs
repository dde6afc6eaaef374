//! Sync push throughput: four simulated tablets push 100,000 stamp events in batches of 100 to a
//! real server on loopback with SQLite, re-sending 5 % of the batches as a tablet would after a
//! lost answer. Prints events per second, p50/p99 batch latency and the final event count,
//! against a baseline of a trivial GET (`/healthz`) measured in the same run.
//!
//! Run: `cargo bench -p regulars-server --bench push` (set `REGULARS_BENCH_EVENTS` for a smaller run).

use std::time::{Duration, Instant};

use regulars_protocol::wire::{
    JoinRequest, JoinResponse, OwnerShop, PairRequest, PairResponse, PairingCode, PushRequest,
    PushResponse, PushStatus, SetupRequest,
};
use regulars_protocol::{CardId, DeviceId, Event, EventBody, EventId, ProgramKind, StaffId};
use regulars_server::config::Settings;
use regulars_server::startup::Application;

const DEVICES: usize = 4;
const BATCH: usize = 100;
const CARDS: usize = 200;
/// One batch in twenty is sent twice.
const RETRY_EVERY: usize = 20;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let total: usize = std::env::var("REGULARS_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir()?;
    let settings = Settings {
        listen: "127.0.0.1:0".parse()?,
        data_dir: dir.path().to_path_buf(),
        dist_dir: dir.path().join("dist"),
        log: "warn".into(),
        max_body_bytes: 1024 * 1024,
        // The benchmark joins its cards as fast as it can: not what the per-IP limits are for.
        rate_limits: false,
        ..Settings::default()
    };
    let app = Application::build(settings).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let db = app.db();
    tokio::spawn(app.run_until_stopped());

    // A shop, its tablets and its members.
    let owner = reqwest::Client::builder().cookie_store(true).build()?;
    let setup = SetupRequest {
        email: "bench@example.com".into(),
        password: "correct horse battery".into(),
        shop_name: "Bench Café".into(),
        brand_color: None,
        program_kind: ProgramKind::Stamps,
        reward_name: "Free coffee".into(),
        reward_cost: Some(10),
        points_per_unit: None,
        currency: None,
        time_zone: None,
    };
    let answer = owner
        .post(format!("{base}/api/v1/setup"))
        .json(&setup)
        .send()
        .await?;
    // The owner's changes carry the session's CSRF token, as the owner's pages send it.
    let csrf = answer
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| {
            v.to_str()
                .ok()?
                .strip_prefix("regulars_csrf=")
                .map(|v| v.split(';').next().unwrap_or_default().to_string())
        })
        .next()
        .unwrap_or_default();
    let shop: OwnerShop = answer.json().await?;
    let http = reqwest::Client::new();
    let mut tablets = Vec::new();
    for _ in 0..DEVICES {
        let code: PairingCode = owner
            .post(format!("{base}/api/v1/owner/pairing-codes"))
            .header("x-csrf-token", &csrf)
            .send()
            .await?
            .json()
            .await?;
        let paired: PairResponse = http
            .post(format!("{base}/api/v1/devices/pair"))
            .json(&PairRequest {
                code: code.code,
                device_name: None,
            })
            .send()
            .await?
            .json()
            .await?;
        tablets.push(paired);
    }
    let mut cards: Vec<CardId> = Vec::new();
    for _ in 0..CARDS {
        let joined: JoinResponse = http
            .post(format!("{base}/api/v1/shops/{}/join", shop.shop.slug))
            .json(&JoinRequest::default())
            .send()
            .await?
            .json()
            .await?;
        cards.push(joined.card.card.id);
    }

    // Baseline: a trivial GET, from four concurrent clients.
    let baseline_requests = 2_000;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..DEVICES {
        let (http, base) = (http.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            for _ in 0..baseline_requests / DEVICES {
                let t = Instant::now();
                let response = http
                    .get(format!("{base}/healthz"))
                    .send()
                    .await
                    .expect("healthz");
                assert!(response.status().is_success());
                response.bytes().await.expect("body");
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut baseline = Vec::new();
    for task in tasks {
        baseline.extend(task.await?);
    }
    let baseline_secs = started.elapsed().as_secs_f64();
    baseline.sort();

    // The push run.
    let per_device = total / DEVICES;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (n, tablet) in tablets.into_iter().enumerate() {
        let (http, base, cards) = (http.clone(), base.clone(), cards.clone());
        tasks.push(tokio::spawn(async move {
            let device_id: DeviceId = tablet.device_id;
            let staff_id: StaffId = tablet.till.default_staff_id;
            let mut latencies = Vec::new();
            let mut retries = 0usize;
            let mut seq = 0i64;
            let batches = per_device.div_ceil(BATCH);
            for b in 0..batches {
                let size = BATCH.min(per_device - b * BATCH);
                let events: Vec<Event> = (0..size)
                    .map(|i| {
                        seq += 1;
                        Event {
                            id: EventId(uuid::Uuid::now_v7()),
                            card_id: cards[(n * 7919 + b * BATCH + i) % cards.len()],
                            device_id,
                            device_seq: seq,
                            staff_id: Some(staff_id),
                            occurred_at: time::OffsetDateTime::now_utc(),
                            body: EventBody::StampsIssued {
                                count: 1,
                                amount_minor: None,
                                category: None,
                            },
                            // No scanned code: stored and marked unverified, as from an older till.
                            code: None,
                            staff_proof: None,
                            origin: regulars_protocol::Origin::Till,
                            scanned_at: None,
                        }
                    })
                    .collect();
                let request = PushRequest {
                    events,
                    sent_at: Some(time::OffsetDateTime::now_utc()),
                };
                let sends = if b % RETRY_EVERY == RETRY_EVERY - 1 {
                    2
                } else {
                    1
                };
                for attempt in 0..sends {
                    let t = Instant::now();
                    let response: PushResponse = http
                        .post(format!("{base}/api/v1/sync/push"))
                        .bearer_auth(&tablet.token)
                        .json(&request)
                        .send()
                        .await
                        .expect("push")
                        .json()
                        .await
                        .expect("push answer");
                    latencies.push(t.elapsed());
                    let expected = if attempt == 0 {
                        PushStatus::Accepted
                    } else {
                        PushStatus::Duplicate
                    };
                    assert!(
                        response.results.iter().all(|r| r.status == expected),
                        "unexpected answer"
                    );
                    if attempt > 0 {
                        retries += 1;
                    }
                }
            }
            (latencies, retries)
        }));
    }
    let mut latencies = Vec::new();
    let mut retries = 0;
    for task in tasks {
        let (l, r) = task.await?;
        latencies.extend(l);
        retries += r;
    }
    let secs = started.elapsed().as_secs_f64();
    latencies.sort();
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&db)
        .await?;
    let expected = (per_device * DEVICES) as i64;

    println!(
        "regulars push benchmark: {DEVICES} devices, batches of {BATCH}, SQLite (WAL) on loopback"
    );
    println!(
        "baseline GET /healthz: {} requests in {:.2} s = {:.0} req/s, p50 {}, p99 {}",
        baseline.len(),
        baseline_secs,
        baseline.len() as f64 / baseline_secs,
        ms(percentile(&baseline, 0.50)),
        ms(percentile(&baseline, 0.99))
    );
    println!(
        "push: {} events in {} batches (+{} retried) in {:.2} s = {:.0} events/s, batch p50 {}, p99 {}",
        expected,
        latencies.len() - retries,
        retries,
        secs,
        expected as f64 / secs,
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.99))
    );
    println!(
        "final event count: {stored} (expected {expected}) {}",
        if stored == expected { "OK" } else { "MISMATCH" }
    );
    anyhow::ensure!(stored == expected, "event count mismatch");
    Ok(())
}
