//! The load test's driver (issue 18). `bench/load.sh` runs it in sub-modes around wrk, which
//! sends the requests; see that script for what is measured and how to run it. Running this
//! bench alone (`cargo bench --bench load`) only says so.
//!
//! - `prepare`: shops, their paired tablets and their members' cards (each with a P-256 key,
//!   as a phone makes it) through the real HTTP API of a running server; writes a state file.
//! - `fixture`: the Lua table wrk's script reads: each tablet's token and cards, with the
//!   rotating code each card's phone shows at every 30-second step of the coming run.
//! - `inprocess`: floor (a), the push transaction itself: `ledger::push` called from many tasks
//!   in this process, with the bodies wrk sends, and no HTTP, authentication or body reading.
//! - `direct`: floor (c), the rows a 100-event push writes, written directly: the shop's
//!   counter taken once, a plain INSERT per event and an UPSERT of each card's balance, in one
//!   transaction, with no ledger rules.
//! - `bare`: floor (b), a bare axum handler on the server's runtime settings, for wrk.
//! - `count`: events of one run (its range of device numbers) in the database, and flagged.
//! - `table`: the one table, from the result files of wrk and of the floors.
//! - `port`, `wait`: a free loopback port; wait for a server to answer `/healthz`.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use p256::ecdsa::SigningKey;
use regulars_protocol::card_code;
use regulars_protocol::wire::{
    JoinRequest, JoinResponse, OwnerShop, PairRequest, PairResponse, PairingCode, PushStatus,
    SetupRequest,
};
use regulars_protocol::{
    Balance, CardCode, CardId, CardKey, DeviceId, Event, EventBody, EventId, LocationId, Origin,
    ProgramKind, ShopId, StaffId,
};
use regulars_server::auth::{DeviceAuth, PushingDevice};
use regulars_server::config::Settings;
use regulars_server::db::{Db, engine, ts};
use regulars_server::ledger::{self, RawPush};
use regulars_server::startup::{AppState, ServerKeys};
use serde::{Deserialize, Serialize};
use sqlx::Row as _;
use time::OffsetDateTime;

const USAGE: &str = "\
The load test runs from bench/load.sh (bash bench/load.sh); this is its driver:
  load prepare --server URL --shops N --tablets N --cards N --state FILE
  load fixture --state FILE --seconds N --out FILE.lua
  load inprocess --database URL --state FILE --events 1|100 --seconds N --tasks N --seq-base N --out FILE [--meta K=V ...]
  load direct --database URL --state FILE --seconds N --tasks N --seq-base N --out FILE [--meta K=V ...]
  load bare --listen ADDR
  load count --database URL --seq-base N
  load table DIR
  load port | load wait --server URL";

/// Each run numbers its events from its own base, so a run's events are counted by range.
const RUN_SPAN: i64 = 100_000_000;

/// The percentiles a result file keeps (the table merges the two wrk processes of the two
/// replicas from them): every quarter up to 99, then every 0.02.
fn grid() -> Vec<f64> {
    let mut grid: Vec<f64> = (1..=396).map(|i| f64::from(i) * 0.25).collect();
    grid.extend((1..=50).map(|i| 99.0 + f64::from(i) * 0.02));
    grid
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The server's own runtime: tokio's multi-threaded default, a worker per core.
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    match runtime.block_on(run(args)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("load: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Vec<String>) -> anyhow::Result<()> {
    let Some((mode, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    let flags = Flags::parse(rest)?;
    match mode.as_str() {
        "prepare" => {
            let state = prepare(
                flags.get("server")?,
                flags.num("shops")?,
                flags.num("tablets")?,
                flags.num("cards")?,
            )
            .await?;
            write_json(&flags.path("state")?, &state)
        }
        "fixture" => {
            let state: State = read_json(&flags.path("state")?)?;
            let codes = Codes::sign(&state, flags.num("seconds")?);
            tokio::fs::write(flags.path("out")?, lua_fixture(&state, &codes))
                .await
                .context("writing the fixture")
        }
        "inprocess" => {
            let result = in_process(
                flags.get("database")?,
                &read_json(&flags.path("state")?)?,
                flags.num("events")?,
                Load::from_flags(&flags)?,
            )
            .await?;
            result.write(&flags.path("out")?, &flags.all("meta"))
        }
        "direct" => {
            let result = direct(
                flags.get("database")?,
                &read_json(&flags.path("state")?)?,
                Load::from_flags(&flags)?,
            )
            .await?;
            result.write(&flags.path("out")?, &flags.all("meta"))
        }
        "bare" => bare(flags.get("listen")?.parse()?).await,
        "count" => {
            let (stored, flagged) = count(flags.get("database")?, flags.num("seq-base")?).await?;
            println!("stored={stored}\nflagged_stored={flagged}");
            Ok(())
        }
        "table" => table(Path::new(rest.first().context("load table DIR")?)),
        "port" => {
            let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
            println!("{}", listener.local_addr()?.port());
            Ok(())
        }
        "wait" => wait(flags.get("server")?).await,
        // `cargo bench` runs every bench with `--bench`: this one only explains itself.
        _ => {
            println!("{USAGE}");
            Ok(())
        }
    }
}

/// `--name value` pairs; a name may repeat.
struct Flags(Vec<(String, String)>);

impl Flags {
    fn parse(args: &[String]) -> anyhow::Result<Self> {
        let mut pairs = Vec::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(name) = arg.strip_prefix("--") else {
                continue;
            };
            match args.next() {
                Some(value) => pairs.push((name.to_owned(), value.clone())),
                // `--bench`, as cargo passes it.
                None => pairs.push((name.to_owned(), String::new())),
            }
        }
        Ok(Self(pairs))
    }

    fn get(&self, name: &str) -> anyhow::Result<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .with_context(|| format!("--{name} is missing\n{USAGE}"))
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    fn num<T: std::str::FromStr>(&self, name: &str) -> anyhow::Result<T> {
        self.get(name)?
            .parse()
            .ok()
            .with_context(|| format!("--{name} must be a number"))
    }

    fn path(&self, name: &str) -> anyhow::Result<PathBuf> {
        Ok(PathBuf::from(self.get(name)?))
    }
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<T> {
    let text = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(serde_json::from_slice(&text)?)
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> anyhow::Result<()> {
    std::fs::write(path, serde_json::to_vec(value)?)
        .with_context(|| format!("writing {}", path.display()))
}

// The shops, tablets and cards

/// What `prepare` made: every tablet with its shop, its staff member and the cards it serves
/// (a shop's cards are shared out among its tablets, so a card's code is shown at one till).
#[derive(Serialize, Deserialize)]
struct State {
    tablets: Vec<Tablet>,
}

#[derive(Serialize, Deserialize, Clone)]
struct Tablet {
    shop_id: ShopId,
    device_id: DeviceId,
    location_id: LocationId,
    staff_id: StaffId,
    token: String,
    cards: Vec<Card>,
}

#[derive(Serialize, Deserialize, Clone)]
struct Card {
    id: CardId,
    /// The phone's private key (hex): the load test signs the codes its phone would show.
    key: String,
}

impl Card {
    fn signing_key(&self) -> SigningKey {
        let bytes = hex::decode(&self.key).expect("a hex key");
        SigningKey::from_slice(&bytes).expect("a P-256 key")
    }
}

fn new_card_key() -> SigningKey {
    loop {
        let mut bytes = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
        if let Ok(key) = SigningKey::from_slice(&bytes) {
            return key;
        }
    }
}

async fn prepare(base: &str, shops: usize, tablets: usize, cards: usize) -> anyhow::Result<State> {
    let started = Instant::now();
    let run = rand::random::<u32>();
    let mut tasks = Vec::new();
    for n in 0..shops {
        let base = base.to_owned();
        tasks.push(tokio::spawn(async move {
            prepare_shop(&base, &format!("load{n}-{run:08x}"), tablets, cards).await
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await??);
    }
    eprintln!(
        "load: {shops} shops, {} tablets, {} cards made through the API in {:.1} s",
        all.len(),
        shops * cards,
        started.elapsed().as_secs_f64()
    );
    Ok(State { tablets: all })
}

/// One shop set up by its owner, its tablets paired and its members joined on their phones.
async fn prepare_shop(
    base: &str,
    name: &str,
    tablets: usize,
    cards: usize,
) -> anyhow::Result<Vec<Tablet>> {
    let owner = reqwest::Client::builder().cookie_store(true).build()?;
    let answer = owner
        .post(format!("{base}/api/v1/setup"))
        .json(&SetupRequest {
            email: format!("{name}@example.com"),
            password: "correct horse battery".into(),
            shop_name: format!("Café {name}"),
            brand_color: None,
            program_kind: ProgramKind::Stamps,
            reward_name: "Free coffee".into(),
            reward_cost: Some(10),
            points_per_unit: None,
            currency: None,
            time_zone: Some("Europe/Paris".into()),
        })
        .send()
        .await?
        .error_for_status()
        .context("setting up a shop")?;
    let csrf = answer
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .find_map(|v| {
            v.to_str()
                .ok()?
                .strip_prefix("regulars_csrf=")
                .map(|v| v.split(';').next().unwrap_or_default().to_string())
        })
        .context("no CSRF cookie")?;
    let shop: OwnerShop = answer.json().await?;
    let http = reqwest::Client::new();
    let mut paired = Vec::new();
    for _ in 0..tablets {
        let code: PairingCode = owner
            .post(format!("{base}/api/v1/owner/pairing-codes"))
            .header("x-csrf-token", &csrf)
            .send()
            .await?
            .error_for_status()
            .context("making a pairing code")?
            .json()
            .await?;
        let tablet: PairResponse = http
            .post(format!("{base}/api/v1/devices/pair"))
            .json(&PairRequest {
                code: code.code,
                device_name: None,
            })
            .send()
            .await?
            .error_for_status()
            .context("pairing a tablet")?
            .json()
            .await?;
        paired.push(Tablet {
            shop_id: shop.shop.id,
            device_id: tablet.device_id,
            location_id: tablet.till.location_id,
            staff_id: tablet.till.default_staff_id,
            token: tablet.token,
            cards: Vec::new(),
        });
    }
    for n in 0..cards {
        let key = new_card_key();
        let joined: JoinResponse = http
            .post(format!("{base}/api/v1/shops/{}/join", shop.shop.slug))
            .json(&JoinRequest {
                public_key: Some(CardKey::from(&key).to_base64()),
                ..JoinRequest::default()
            })
            .send()
            .await?
            .error_for_status()
            .context("joining")?
            .json()
            .await?;
        paired[n % tablets].cards.push(Card {
            id: joined.card.card.id,
            key: hex::encode(key.to_bytes()),
        });
    }
    Ok(paired)
}

/// The rotating code each card's phone shows at each step from `step0` on.
struct Codes {
    step0: u32,
    by_card: HashMap<CardId, Vec<String>>,
}

impl Codes {
    /// Codes for the steps of the next `seconds` (and a few seconds more, for wrk's start).
    fn sign(state: &State, seconds: i64) -> Self {
        let now = OffsetDateTime::now_utc();
        let step0 = card_code::step_at(now);
        let last = card_code::step_at(now + time::Duration::seconds(seconds + 5));
        let mut by_card = HashMap::new();
        for card in state.tablets.iter().flat_map(|t| &t.cards) {
            let key = card.signing_key();
            let codes = (step0..=last)
                .map(|step| CardCode::sign_rotating(&key, card.id, step).encode())
                .collect();
            by_card.insert(card.id, codes);
        }
        Self { step0, by_card }
    }

    fn at(&self, card: CardId, at: OffsetDateTime) -> &str {
        let codes = &self.by_card[&card];
        let index = card_code::step_at(at).saturating_sub(self.step0) as usize;
        &codes[index.min(codes.len() - 1)]
    }
}

/// The Lua table `bench/load/till.lua` reads. Tokens, ids and codes (base45) hold no quote or
/// backslash.
fn lua_fixture(state: &State, codes: &Codes) -> String {
    let mut out = format!("return {{\n  step0 = {},\n  tablets = {{\n", codes.step0);
    for (n, tablet) in state.tablets.iter().enumerate() {
        let _ = writeln!(
            out,
            "    {{ index = {n}, id = \"{}\", staff = \"{}\", token = \"{}\", cards = {{",
            tablet.device_id, tablet.staff_id, tablet.token
        );
        for card in &tablet.cards {
            let list = codes.by_card[&card.id]
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                out,
                "      {{ id = \"{}\", codes = {{ {list} }} }},",
                card.id
            );
        }
        out.push_str("    } },\n");
    }
    out.push_str("  },\n}\n");
    out
}

// The floors

/// How long a floor runs, from how many tasks, numbering its events from where.
#[derive(Clone, Copy)]
struct Load {
    seconds: u64,
    tasks: usize,
    seq_base: i64,
}

impl Load {
    fn from_flags(flags: &Flags) -> anyhow::Result<Self> {
        Ok(Self {
            seconds: flags.num("seconds")?,
            tasks: flags.num("tasks")?,
            seq_base: flags.num("seq-base")?,
        })
    }
}

/// What one task of a floor saw.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    events: u64,
    errors: u64,
}

/// One measure, as the table reads it.
struct Measured {
    tally: Tally,
    requests: u64,
    seconds: f64,
}

impl Measured {
    fn from_tasks(tallies: Vec<Tally>, elapsed: Duration) -> Self {
        let mut tally = Tally::default();
        for t in tallies {
            tally.latencies.extend(t.latencies);
            tally.events += t.events;
            tally.errors += t.errors;
        }
        tally.latencies.sort();
        Self {
            requests: tally.latencies.len() as u64,
            tally,
            seconds: elapsed.as_secs_f64(),
        }
    }

    /// The result file: `key=value` lines (`meta` adds the table's labels), then `q P US`.
    fn write(&self, path: &Path, meta: &[String]) -> anyhow::Result<()> {
        let mut out = String::new();
        for m in meta {
            let _ = writeln!(out, "{m}");
        }
        let _ = writeln!(out, "count={}", self.tally.events);
        let _ = writeln!(out, "requests={}", self.requests);
        let _ = writeln!(out, "errors={}", self.tally.errors);
        let _ = writeln!(out, "seconds={:.3}", self.seconds);
        if !self.tally.latencies.is_empty() {
            for p in grid() {
                let d = common::percentile(&self.tally.latencies, p / 100.0);
                let _ = writeln!(out, "q {p:.2} {}", d.as_micros());
            }
        }
        std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))
    }
}

/// The tablets task `k` of `tasks` drives: every `tasks`-th, as wrk shares them out.
fn share(state: &State, k: usize, tasks: usize) -> Vec<Tablet> {
    state
        .tablets
        .iter()
        .enumerate()
        .filter(|(n, _)| n % tasks == k)
        .map(|(_, t)| t.clone())
        .collect()
}

/// A tablet as the load drives it: its next event number and next card.
struct Till {
    tablet: Tablet,
    seq: i64,
    next_card: usize,
}

impl Till {
    fn new(tablet: Tablet, seq_base: i64) -> Self {
        Self {
            tablet,
            seq: seq_base,
            next_card: 0,
        }
    }

    /// The next stamp, as `bench/load/till.lua` makes it: the card's code scanned now, an amount
    /// and a category.
    fn stamp(&mut self, codes: &Codes, now: OffsetDateTime) -> Event {
        self.seq += 1;
        let card = &self.tablet.cards[self.next_card % self.tablet.cards.len()];
        self.next_card += 1;
        Event {
            id: EventId(uuid::Uuid::now_v7()),
            card_id: card.id,
            device_id: self.tablet.device_id,
            device_seq: self.seq,
            staff_id: Some(self.tablet.staff_id),
            occurred_at: now,
            body: EventBody::StampsIssued {
                count: 1,
                amount_minor: Some(250 + (self.seq * 37) % 1500),
                category: Some(
                    common::CATEGORIES[self.seq as usize % common::CATEGORIES.len()].into(),
                ),
            },
            code: Some(codes.at(card.id, now).to_owned()),
            staff_proof: None,
            origin: Origin::Till,
            scanned_at: Some(now),
        }
    }
}

/// Floor (a): the push transaction, called in this process from `load.tasks` tasks, each with
/// its share of the tablets in turn, on the server's pools and settings.
async fn in_process(
    url: &str,
    state: &State,
    events: usize,
    load: Load,
) -> anyhow::Result<Measured> {
    let pools = engine::open(url).await?;
    let keys = ServerKeys {
        staff_sessions: regulars_server::db::keys::get_or_create(
            &pools.writer,
            ledger::staff::KEY_NAME,
        )
        .await?
        .into(),
        recovery_codes: regulars_server::db::keys::get_or_create(&pools.writer, "recovery_codes")
            .await?
            .into(),
    };
    let app = AppState {
        db: pools.db.clone(),
        writer: pools.writer.clone(),
        engine: pools.engine,
        client_ip: Default::default(),
        limiters: Default::default(),
        settings: Arc::new(Settings {
            database_url: Some(url.to_owned()),
            rate_limits: false,
            log: "warn".into(),
            ..Settings::default()
        }),
        keys: Arc::new(keys),
        segments: Default::default(),
        offer_responses: Default::default(),
        predictions: Default::default(),
        imports: Default::default(),
    };
    let codes = Arc::new(Codes::sign(state, load.seconds as i64));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(load.seconds);
    let mut tasks = Vec::new();
    for k in 0..load.tasks {
        let (app, codes) = (app.clone(), codes.clone());
        let mut tills: Vec<Till> = share(state, k, load.tasks)
            .into_iter()
            .map(|t| Till::new(t, load.seq_base))
            .collect();
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            let mut turn = 0;
            while Instant::now() < deadline {
                let n = tills.len();
                let till = &mut tills[turn % n];
                turn += 1;
                let now = OffsetDateTime::now_utc();
                let batch: Vec<Event> = (0..events).map(|_| till.stamp(&codes, now)).collect();
                let body = serde_json::to_vec(&serde_json::json!({
                    "events": batch,
                    "sent_at": now.format(&time::format_description::well_known::Rfc3339)?,
                }))?;
                let raw = RawPush::from_json(&body)?;
                let pushing = PushingDevice {
                    auth: DeviceAuth {
                        device_id: till.tablet.device_id,
                        shop_id: till.tablet.shop_id,
                        location_id: till.tablet.location_id,
                    },
                    revoked_at: None,
                };
                let t = Instant::now();
                let results = ledger::push(&app, &pushing, raw).await?;
                tally.latencies.push(t.elapsed());
                let accepted = results
                    .iter()
                    .filter(|r| r.status == PushStatus::Accepted && r.flags.is_empty())
                    .count();
                tally.events += accepted as u64;
                tally.errors += (results.len() - accepted) as u64;
            }
            anyhow::Ok(tally)
        }));
    }
    let mut tallies = Vec::new();
    for task in tasks {
        tallies.push(task.await??);
    }
    let measured = Measured::from_tasks(tallies, started.elapsed());
    pools.db.close().await;
    pools.writer.close().await;
    Ok(measured)
}

/// Floor (c): what a push of 100 stamps writes, written directly in one transaction: the
/// shop's counter taken once for the batch, a plain INSERT of each event row (the columns and
/// values the ledger stores) and an UPSERT of each card's balance, with no ledger rules.
async fn direct(url: &str, state: &State, load: Load) -> anyhow::Result<Measured> {
    const BATCH: usize = 100;
    let pools = engine::open(url).await?;
    let codes = Arc::new(Codes::sign(state, load.seconds as i64));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(load.seconds);
    let mut tasks = Vec::new();
    for k in 0..load.tasks {
        let (writer, codes) = (pools.writer.clone(), codes.clone());
        let mut tills: Vec<Till> = share(state, k, load.tasks)
            .into_iter()
            .map(|t| Till::new(t, load.seq_base))
            .collect();
        tasks.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            let mut turn = 0;
            while Instant::now() < deadline {
                let n = tills.len();
                let till = &mut tills[turn % n];
                turn += 1;
                let now = OffsetDateTime::now_utc();
                let batch: Vec<Event> = (0..BATCH).map(|_| till.stamp(&codes, now)).collect();
                let t = Instant::now();
                insert_and_upsert(&writer, &till.tablet, &batch).await?;
                tally.latencies.push(t.elapsed());
                tally.events += BATCH as u64;
            }
            anyhow::Ok(tally)
        }));
    }
    let mut tallies = Vec::new();
    for task in tasks {
        tallies.push(task.await??);
    }
    let measured = Measured::from_tasks(tallies, started.elapsed());
    pools.db.close().await;
    pools.writer.close().await;
    Ok(measured)
}

async fn insert_and_upsert(writer: &Db, tablet: &Tablet, batch: &[Event]) -> anyhow::Result<()> {
    let mut tx = writer.begin().await?;
    let last: i64 = sqlx::query_scalar(
        "UPDATE shops SET event_seq = event_seq + $2 WHERE id = $1 RETURNING event_seq",
    )
    .bind(tablet.shop_id.to_string())
    .bind(batch.len() as i64)
    .fetch_one(&mut *tx)
    .await?;
    let mut seq = last - batch.len() as i64;
    let mut balances: BTreeMap<String, (Balance, i64)> = BTreeMap::new();
    for event in batch {
        seq += 1;
        let (balance, last_seq) = balances.entry(event.card_id.to_string()).or_default();
        balance.apply(&event.body);
        *last_seq = seq;
        sqlx::query(
            "INSERT INTO events (id, shop_id, seq, card_id, origin, device_id, device_seq, staff_id, location_id, kind, delta,
                                 amount_minor, category, reward_id, body, balance_after, occurred_at, claimed_at, recorded_at,
                                 flags, redemption_ordinal, compensates)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)",
        )
        .bind(event.id.to_string())
        .bind(tablet.shop_id.to_string())
        .bind(seq)
        .bind(event.card_id.to_string())
        .bind(event.origin.as_str())
        .bind(event.device_id.to_string())
        .bind(event.device_seq)
        .bind(event.staff_id.map(|s| s.to_string()))
        .bind(tablet.location_id.to_string())
        .bind(event.body.kind())
        .bind(event.body.delta())
        .bind(event.body.amount_minor())
        .bind(event.body.category())
        .bind(None::<String>)
        .bind(serde_json::to_string(event)?)
        .bind(serde_json::to_string(&*balance)?)
        .bind(ts(event.occurred_at))
        .bind(None::<String>)
        .bind(ts(OffsetDateTime::now_utc()))
        .bind(None::<String>)
        .bind(None::<i64>)
        .bind(None::<String>)
        .execute(&mut *tx)
        .await?;
    }
    for (card_id, (added, last_seq)) in &balances {
        sqlx::query(
            "INSERT INTO balances (card_id, shop_id, balance, earned, redeemed, rewards_redeemed, visits, last_seq, updated_at)
             VALUES ($1, $2, $3, $4, 0, 0, $5, $6, $7)
             ON CONFLICT (card_id) DO UPDATE SET balance = balances.balance + excluded.balance,
                 earned = balances.earned + excluded.earned, visits = balances.visits + excluded.visits,
                 last_seq = excluded.last_seq, updated_at = excluded.updated_at",
        )
        .bind(card_id)
        .bind(tablet.shop_id.to_string())
        .bind(added.balance)
        .bind(added.earned)
        .bind(added.visits)
        .bind(*last_seq)
        .bind(ts(OffsetDateTime::now_utc()))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Floor (b): the least an axum server on this runtime does for a POST: read the body, answer
/// a few bytes of JSON.
async fn bare(listen: std::net::SocketAddr) -> anyhow::Result<()> {
    use axum::routing::{get, post};
    let app = axum::Router::new()
        .route(
            "/",
            post(|body: axum::body::Bytes| async move {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    format!("{{\"bytes\":{}}}", body.len()),
                )
            }),
        )
        .route("/healthz", get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind(listen).await?;
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("SIGTERM handler");
            tokio::select! {
                _ = term.recv() => {},
                _ = tokio::signal::ctrl_c() => {},
            }
        })
        .await?;
    Ok(())
}

async fn wait(base: &str) -> anyhow::Result<()> {
    let http = reqwest::Client::new();
    let until = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(answer) = http.get(format!("{base}/healthz")).send().await
            && answer.status().is_success()
        {
            return Ok(());
        }
        if Instant::now() > until {
            bail!("{base} did not answer /healthz within a minute");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The till events of the run numbered from `seq_base`, and how many of them were flagged.
async fn count(url: &str, seq_base: i64) -> anyhow::Result<(i64, i64)> {
    let pools = engine::open(url).await?;
    let row = sqlx::query(
        "SELECT COUNT(*) AS stored, COUNT(flags) AS flagged FROM events
         WHERE origin = 'till' AND device_seq > $1 AND device_seq <= $2",
    )
    .bind(seq_base)
    .bind(seq_base + RUN_SPAN)
    .fetch_one(&pools.db)
    .await?;
    let counted = (row.get("stored"), row.get("flagged"));
    pools.db.close().await;
    pools.writer.close().await;
    Ok(counted)
}

// The table

/// One measure's result files merged (the two replicas' wrk processes are two files).
#[derive(Default)]
struct Line {
    meta: BTreeMap<String, String>,
    count: f64,
    rate: f64,
    requests: f64,
    errors: f64,
    flagged: f64,
    stored: Option<f64>,
    flagged_stored: f64,
    in_flight: f64,
    /// (latency in microseconds, weight) from each file's percentiles.
    quantiles: Vec<(f64, f64)>,
}

impl Line {
    fn text(&self, key: &str) -> &str {
        self.meta.get(key).map(String::as_str).unwrap_or("")
    }

    /// The latency below which `p` % of requests finished, over every file of the measure.
    fn percentile(&self, p: f64) -> Option<f64> {
        let total: f64 = self.quantiles.iter().map(|q| q.1).sum();
        if total == 0.0 {
            return None;
        }
        let mut sorted = self.quantiles.clone();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut seen = 0.0;
        for (us, weight) in &sorted {
            seen += weight;
            if seen >= total * p / 100.0 - 1e-9 {
                return Some(*us);
            }
        }
        sorted.last().map(|q| q.0)
    }
}

fn read_rows(dir: &Path) -> anyhow::Result<Vec<Line>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "res"))
        .collect();
    files.sort();
    let mut order: Vec<String> = Vec::new();
    let mut rows: HashMap<String, Line> = HashMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file)?;
        let mut meta = BTreeMap::new();
        let mut numbers: HashMap<String, f64> = HashMap::new();
        let mut grid = Vec::new();
        for line in text.lines() {
            if let Some(q) = line.strip_prefix("q ") {
                let mut parts = q.split_whitespace().map(str::parse::<f64>);
                if let (Some(Ok(p)), Some(Ok(us))) = (parts.next(), parts.next()) {
                    grid.push((p, us));
                }
            } else if let Some((key, value)) = line.split_once('=') {
                match value.parse::<f64>() {
                    Ok(n) if !matches!(key, "id" | "title" | "engine" | "unit") => {
                        numbers.insert(key.to_owned(), n);
                    }
                    _ => {
                        meta.insert(key.to_owned(), value.to_owned());
                    }
                }
            }
        }
        let id = meta
            .get("id")
            .cloned()
            .with_context(|| format!("{} has no id", file.display()))?;
        if !rows.contains_key(&id) {
            order.push(id.clone());
        }
        let row = rows.entry(id).or_default();
        for (k, v) in meta {
            row.meta.entry(k).or_insert(v);
        }
        let n = |k: &str| numbers.get(k).copied().unwrap_or(0.0);
        let count = n("count");
        let seconds = n("seconds");
        row.count += count;
        if seconds > 0.0 {
            row.rate += count / seconds;
        }
        row.requests += n("requests");
        row.errors += n("errors");
        row.flagged += n("flagged");
        row.in_flight += n("in_flight");
        row.flagged_stored += n("flagged_stored");
        if let Some(stored) = numbers.get("stored") {
            *row.stored.get_or_insert(0.0) += stored;
        }
        // Each percentile point stands for the requests between it and the one before.
        let requests = n("requests");
        let mut before = 0.0;
        for (p, us) in grid {
            row.quantiles.push((us, (p - before) / 100.0 * requests));
            before = p;
        }
    }
    Ok(order
        .into_iter()
        .filter_map(|id| rows.remove(&id))
        .collect())
}

fn thousands(n: f64) -> String {
    let digits = format!("{:.0}", n.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn millis(us: Option<f64>) -> String {
    match us {
        Some(us) if us < 10_000.0 => format!("{:.2} ms", us / 1000.0),
        Some(us) => format!("{:.1} ms", us / 1000.0),
        None => "-".into(),
    }
}

/// Whether the measure's answers and the database agree: every answer a 200, every pushed
/// event accepted without a flag, and the database holding each accepted event (and at most
/// the events of the requests still in flight when wrk stopped).
fn check(row: &Line) -> String {
    let mut problems = Vec::new();
    if row.errors > 0.0 {
        problems.push(format!("{} failed", thousands(row.errors)));
    }
    if row.flagged > 0.0 || row.flagged_stored > 0.0 {
        problems.push(format!(
            "{} flagged",
            thousands(row.flagged.max(row.flagged_stored))
        ));
    }
    if let Some(stored) = row.stored
        && (stored < row.count || stored > row.count + row.in_flight)
    {
        problems.push(format!(
            "db holds {} of {}",
            thousands(stored),
            thousands(row.count)
        ));
    }
    if row.count == 0.0 {
        problems.push("nothing done".into());
    }
    match (problems.is_empty(), row.stored) {
        (true, Some(_)) => "ok, in db".into(),
        (true, None) => "ok".into(),
        (false, _) => problems.join(", "),
    }
}

fn table(dir: &Path) -> anyhow::Result<()> {
    let rows = read_rows(dir)?;
    let by_id: HashMap<&str, &Line> = rows.iter().map(|r| (r.text("id"), r)).collect();
    let mut lines = vec![[
        "measure".to_string(),
        "engine".into(),
        "rate".into(),
        "p50".into(),
        "p99".into(),
        "check".into(),
        "against its floor (goal)".into(),
    ]];
    for row in &rows {
        let mut ratios = Vec::new();
        for floor in row.text("floors").split(',').filter(|f| !f.is_empty()) {
            let (floor, goal) = match floor.split_once(':') {
                Some((f, g)) => (f, g.parse::<f64>().ok()),
                None => (floor, None),
            };
            let Some(base) = by_id.get(floor) else {
                ratios.push(format!("{floor} missing"));
                continue;
            };
            let ratio = row.rate / base.rate;
            let mut text = format!("{:.0} % of {}", ratio * 100.0, base.text("tag"));
            if let Some(goal) = goal {
                let verdict = if ratio >= goal { "met" } else { "NOT met" };
                let _ = write!(text, " (goal >= {:.0} %: {verdict})", goal * 100.0);
            }
            ratios.push(text);
        }
        let tag = row.text("tag");
        let title = if tag.is_empty() {
            row.text("title").to_owned()
        } else {
            format!("{tag} {}", row.text("title"))
        };
        lines.push([
            title,
            row.text("engine").into(),
            format!("{} {}/s", thousands(row.rate), row.text("unit")),
            millis(row.percentile(50.0)),
            millis(row.percentile(99.0)),
            check(row),
            ratios.join("; "),
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|c| {
            lines
                .iter()
                .map(|l| l[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for (n, line) in lines.iter().enumerate() {
        let mut out = String::new();
        for (c, cell) in line.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            // Numbers right-aligned, words left-aligned.
            if (2..=4).contains(&c) {
                let _ = write!(out, "{}{cell}  ", " ".repeat(pad));
            } else if c < 6 {
                let _ = write!(out, "{cell}{}  ", " ".repeat(pad));
            } else {
                out.push_str(cell);
            }
        }
        println!("{}", out.trim_end());
        if n == 0 {
            println!("{}", "-".repeat(widths.iter().sum::<usize>() + 12));
        }
    }
    Ok(())
}
