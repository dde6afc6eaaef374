//! What the server benchmarks share: a server on loopback with a shop set up, and the history
//! of the insights benchmark's shop (most members rare, a few frequent; varied amounts, hours
//! and categories), which the insights benchmark writes into the ledger and the import
//! benchmark imports from a CSV file.

#![allow(dead_code)]

use std::time::Duration;

use rand::{Rng, SeedableRng};
use regulars_protocol::wire::{
    JoinRequest, JoinResponse, OwnerShop, PairRequest, PairResponse, PairingCode, SetupRequest,
};
use regulars_protocol::{CardId, ProgramKind};
use regulars_server::config::Settings;
use regulars_server::db::Db;
use regulars_server::startup::Application;
use time::OffsetDateTime;

pub const CATEGORIES: [&str; 5] = ["coffee", "food", "drinks", "retail", "other"];
/// The history spans this many days up to now.
pub const DAYS: i64 = 730;

pub fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub struct Server {
    pub base: String,
    pub db: Db,
    pub owner: reqwest::Client,
    pub csrf: String,
    pub shop: OwnerShop,
    _dir: tempfile::TempDir,
}

pub async fn start(summaries: bool, keep: bool) -> anyhow::Result<Server> {
    let dir = tempfile::tempdir()?;
    // REGULARS_BENCH_DATA_DIR keeps the database of the big shop for a look afterwards.
    let data_dir = match std::env::var_os("REGULARS_BENCH_DATA_DIR") {
        Some(kept) if keep => std::path::PathBuf::from(kept),
        _ => dir.path().to_path_buf(),
    };
    let settings = Settings {
        listen: "127.0.0.1:0".parse()?,
        data_dir,
        dist_dir: dir.path().join("dist"),
        log: "warn".into(),
        max_body_bytes: 1024 * 1024,
        request_timeout_secs: 120,
        rate_limits: false,
        insight_summaries: summaries,
        ..Settings::default()
    };
    let app = Application::build(settings).await?;
    let base = format!("http://127.0.0.1:{}", app.port());
    let db = app.db();
    tokio::spawn(app.run_until_stopped());
    let owner = reqwest::Client::builder().cookie_store(true).build()?;
    let answer = owner
        .post(format!("{base}/api/v1/setup"))
        .json(&SetupRequest {
            email: "bench@example.com".into(),
            password: "correct horse battery".into(),
            shop_name: "Bench Bakery".into(),
            brand_color: None,
            program_kind: ProgramKind::Stamps,
            reward_name: "Free loaf".into(),
            reward_cost: Some(10),
            points_per_unit: None,
            currency: None,
            time_zone: Some("Europe/Paris".into()),
        })
        .send()
        .await?;
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
    Ok(Server {
        base,
        db,
        owner,
        csrf,
        shop,
        _dir: dir,
    })
}

/// How many purchases each member makes: a heavy tail (Pareto, alpha 1.2), most members a few,
/// some hundreds, summing to `visits`.
pub fn purchases_per_member(rng: &mut impl Rng, members: usize, visits: usize) -> Vec<usize> {
    let mut counts: Vec<usize> = (0..members)
        .map(|_| {
            let u: f64 = rng.random_range(1e-6..1.0);
            ((1.0 / u.powf(1.0 / 1.2)).ceil() as usize).min(500)
        })
        .collect();
    let mut total: usize = counts.iter().sum();
    while total > visits {
        let i = rng.random_range(0..members);
        if counts[i] > 1 {
            counts[i] -= 1;
            total -= 1;
        }
    }
    while total < visits {
        // Extra purchases go to members who already come more than once: the regulars.
        let i = rng.random_range(0..members);
        if counts[i] > 1 {
            counts[i] += 1;
            total += 1;
        }
    }
    counts
}

/// One member of the shop's history: their first purchase (days before now) and every
/// purchase (time, amount if recorded, category).
pub struct MemberHistory {
    pub first_days_ago: i64,
    pub purchases: Vec<(OffsetDateTime, Option<i64>, &'static str)>,
}

/// The insights benchmark's shop: `members` members and `visits` purchases over [`DAYS`] days
/// up to `now`, the same for the same arguments.
pub fn history(members: usize, visits: usize, now: OffsetDateTime) -> Vec<MemberHistory> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x1A51_6475);
    let counts = purchases_per_member(&mut rng, members, visits);
    counts
        .into_iter()
        .map(|count| {
            // The member's first purchase falls anywhere in the two years; the rest after it.
            let first = rng.random_range(0..DAYS);
            let purchases = (0..count)
                .map(|_| {
                    let days_ago = rng.random_range(0..=first);
                    let hour: i64 = match rng.random_range(0..10) {
                        0..=2 => rng.random_range(7..10),
                        3..=6 => rng.random_range(11..14),
                        _ => rng.random_range(15..19),
                    };
                    let at = (now - time::Duration::days(days_ago))
                        .replace_time(time::Time::MIDNIGHT)
                        + time::Duration::hours(hour - 1)
                        + time::Duration::minutes(rng.random_range(0..60));
                    let amount = (rng.random_range(0..10) < 8)
                        .then(|| 250 + (rng.random_range(0.0f64..1.0).powi(2) * 4000.0) as i64);
                    let category = CATEGORIES[rng.random_range(0..CATEGORIES.len())];
                    (at, amount, category)
                })
                .collect();
            MemberHistory {
                first_days_ago: first,
                purchases,
            }
        })
        .collect()
}

/// A tablet paired to the shop.
pub async fn pair(server: &Server) -> anyhow::Result<PairResponse> {
    let code: PairingCode = server
        .owner
        .post(format!("{}/api/v1/owner/pairing-codes", server.base))
        .header("x-csrf-token", &server.csrf)
        .send()
        .await?
        .json()
        .await?;
    Ok(reqwest::Client::new()
        .post(format!("{}/api/v1/devices/pair", server.base))
        .json(&PairRequest {
            code: code.code,
            device_name: None,
        })
        .send()
        .await?
        .json()
        .await?)
}

/// A member who joined on their phone.
pub async fn join(server: &Server) -> anyhow::Result<CardId> {
    let joined: JoinResponse = reqwest::Client::new()
        .post(format!(
            "{}/api/v1/shops/{}/join",
            server.base, server.shop.shop.slug
        ))
        .json(&JoinRequest::default())
        .send()
        .await?
        .json()
        .await?;
    Ok(joined.card.card.id)
}
