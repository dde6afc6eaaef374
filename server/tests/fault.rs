//! Fault injection against the real server process: three simulated tablets work a day of
//! customers (stamps at a café, points at a bookshop, online and offline redemptions, undos and
//! a manager's reversals, codes scanned up to ten minutes before the event) and push from
//! their own tasks at once, while answers are lost after the server committed, pushes are cut
//! mid-request or abandoned, the operator runs `rebuild-balances` beside the server, the server
//! is killed with SIGKILL mid-batch and started again on the same data and port, and the owner
//! unpairs the bookshop's tablet while its outbox holds events and pairs it again.
//!
//! Afterwards the database is read directly: every event any tablet made is in exactly one
//! of the ledger and that tablet's refused list, none is in the ledger twice, every card's
//! cached balance is the fold of its events and of what the tablets foresaw, every outbox is
//! empty, and every event carries the flags (and the compensation) the rules give it (the
//! rules foreseen are listed in `fault/expect.rs`).
//!
//! On PostgreSQL (`REGULARS_TEST_POSTGRES`, set by `cargo xtask test --only postgres`) two replicas
//! share the database, the tablets' requests go to each in turn as through a load balancer, and
//! each kill strikes the next replica while the other serves on.
//!
//! The default size suits CI (200 events per tablet, 2 kills). The large run:
//! `REGULARS_FAULT_EVENTS=1000 cargo test -p regulars-server --test fault -- --nocapture`.
//! Every random choice comes from one seed, printed at the start; `REGULARS_FAULT_SEED=<seed>`
//! replays the same choices (the timing of the tasks is the machine's).

#[path = "fault/api.rs"]
mod api;
#[path = "fault/audit.rs"]
mod audit;
#[path = "fault/chaos.rs"]
mod chaos;
#[path = "common/database.rs"]
mod database;
#[path = "fault/expect.rs"]
mod expect;
#[path = "fault/process.rs"]
mod process;
#[path = "fault/shop.rs"]
mod shop;
#[path = "fault/tablet.rs"]
mod tablet;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use rand::SeedableRng;
use rand::rngs::StdRng;
use regulars_protocol::{ProgramKind, StaffRole};

use api::Api;
use chaos::{Plan, Progress};
use process::ServerProcess;
use shop::{Owner, Phone};
use tablet::{Crew, Pairing, ShopInfo, Tablet};

/// Events each tablet makes unless `REGULARS_FAULT_EVENTS` says otherwise.
const CI_EVENTS: usize = 200;

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}"))
    })
}

fn shop_info(owner: &Owner) -> ShopInfo {
    let program = &owner.shop.program;
    ShopInfo {
        kind: program.kind,
        reward: program.rewards[0].clone(),
        program_version: program.version,
        points_per_unit: program.points_per_unit,
    }
}

async fn phones(api: &Api, owner: &Owner, n: usize, rng: &mut StdRng) -> Vec<Arc<Phone>> {
    let mut phones = Vec::with_capacity(n);
    for _ in 0..n {
        phones.push(Arc::new(shop::join(api, owner.slug(), rng).await));
    }
    phones
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tablets_lose_no_event_and_count_none_twice_through_kills_lost_answers_and_cut_pushes() {
    let events = env_number("REGULARS_FAULT_EVENTS").map_or(CI_EVENTS, |n| n as usize);
    assert!(
        events >= 20,
        "REGULARS_FAULT_EVENTS: at least 20 events per tablet"
    );
    let seed = env_number("REGULARS_FAULT_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("a clock after 1970")
            .as_nanos() as u64
    });
    let kills = (events / 100).clamp(2, 10);
    let rebuilds = (events / 250).clamp(2, 6);
    let database = database::fresh().await;
    let replicas = if database.is_some() { 2 } else { 1 };
    eprintln!(
        "fault run: seed {seed} (replay: REGULARS_FAULT_SEED={seed}), 3 tablets x {events} \
         events, {kills} kills, {rebuilds} rebuild-balances runs, on {}",
        if database.is_some() {
            "PostgreSQL with 2 replicas"
        } else {
            "SQLite"
        }
    );
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut servers = Vec::new();
    for replica in 0..replicas {
        let root = dir.path().join(format!("replica-{replica}"));
        servers.push(ServerProcess::start(&root, database.clone()).await);
    }
    let api = Arc::new(Api::new(servers.iter().map(ServerProcess::port).collect()));

    // A café collecting stamps with two tablets, a bookshop collecting points with one.
    let cafe = Arc::new(
        Owner::set_up(
            &api,
            "cafe@example.com",
            "Corner Café",
            ProgramKind::Stamps,
            5,
        )
        .await,
    );
    let books = Arc::new(
        Owner::set_up(
            &api,
            "books@example.com",
            "Book Nook",
            ProgramKind::Points,
            60,
        )
        .await,
    );
    let ada = cafe.add_staff("Ada", StaffRole::Cashier, "1357").await;
    let ben = cafe.add_staff("Ben", StaffRole::Cashier, "2468").await;
    let mia = cafe.add_staff("Mia", StaffRole::Manager, "9753").await;
    let cal = books.add_staff("Cal", StaffRole::Cashier, "1122").await;
    let max = books.add_staff("Max", StaffRole::Manager, "3344").await;
    // Each tablet serves some cards alone; the café's two tablets also share a few regulars.
    let front_own = phones(&api, &cafe, 4, &mut rng).await;
    let terrace_own = phones(&api, &cafe, 4, &mut rng).await;
    let shared = phones(&api, &cafe, 3, &mut rng).await;
    let books_own = phones(&api, &books, 5, &mut rng).await;
    let cards = front_own.len() + terrace_own.len() + shared.len() + books_own.len();

    let progress = Progress::new(3);
    let mut tablets = Vec::new();
    for (i, (name, owner, cashier, manager, own, shared)) in [
        ("Café front", &cafe, &ada, &mia, front_own, shared.clone()),
        ("Café terrace", &cafe, &ben, &mia, terrace_own, shared),
        ("Bookshop", &books, &cal, &max, books_own, vec![]),
    ]
    .into_iter()
    .enumerate()
    {
        let pairing = Pairing::open(&api, owner, name, &[cashier, manager], i as u32).await;
        let crew = Crew {
            owner: pairing.default_staff,
            cashier: cashier.clone(),
            manager: manager.clone(),
        };
        tablets.push(Tablet::new(
            name,
            api.clone(),
            owner.clone(),
            shop_info(owner),
            crew,
            pairing,
            own,
            shared,
            progress.clone(),
            seed.wrapping_add(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1)),
            events,
        ));
    }

    let chaos = tokio::spawn(chaos::run(
        servers,
        Plan::spread(3 * events, kills, rebuilds),
        progress.clone(),
        cards,
        StdRng::seed_from_u64(seed ^ 0x00c4_a05c_4a05),
    ));
    let mut working = Vec::new();
    for (i, tablet) in tablets.into_iter().enumerate() {
        // The bookshop's tablet is unpaired a third of the way through its day.
        let unpair_at = (i == 2).then_some(events * 35 / 100);
        working.push(tokio::spawn(tablet.work(events, unpair_at)));
    }
    let mut tablets = Vec::new();
    for work in working {
        tablets.push(work.await.expect("a tablet's day"));
    }
    let (mut servers, chaos) = chaos.await.expect("the chaos");
    for server in &mut servers {
        server.stop().await;
    }
    let ledger = audit::Ledger::read(&servers[0].database()).await;
    let mut failures = chaos.problems.clone();
    failures.extend(audit::audit(&ledger, &tablets));

    // The figures of the run.
    let total =
        |f: fn(&tablet::Counts) -> usize| tablets.iter().map(|t| f(&t.counts)).sum::<usize>();
    let mut refused_by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for t in &tablets {
        for code in t.refused.values() {
            *refused_by_code.entry(code.as_str()).or_default() += 1;
        }
    }
    let made: Vec<String> = tablets
        .iter()
        .map(|t| format!("{} {}", t.name, t.counts.made))
        .collect();
    println!("fault run summary (seed {seed})");
    println!(
        "  events made      {} ({})",
        total(|c| c.made),
        made.join(", ")
    );
    println!(
        "  in the ledger    {} till events, {} compensations",
        ledger.till_events(),
        ledger.compensations()
    );
    println!(
        "  refused          {} {refused_by_code:?}",
        refused_by_code.values().sum::<usize>()
    );
    println!(
        "  answers          {} accepted, {} duplicate, {} rejected; {} pushes, {} without an \
         answer, {} batches split",
        total(|c| c.accepted),
        total(|c| c.duplicates),
        total(|c| c.rejected),
        total(|c| c.pushes),
        total(|c| c.no_answer),
        total(|c| c.splits)
    );
    println!(
        "  faults           {} kills ({} mid-push), {} answers lost after commit, {} pushes cut, \
         {} abandoned, {} rebuild-balances runs, {} earlier events settled by /sync/known",
        chaos.kills,
        chaos.kills_mid_push,
        total(|c| c.lost_answers),
        total(|c| c.cut_pushes),
        total(|c| c.abandoned_pushes),
        chaos.rebuilds.len(),
        total(|c| c.settled_by_known)
    );
    println!(
        "  server starts    {} ({} replica(s)); elapsed {:.1} s",
        servers.iter().map(|s| s.starts).sum::<usize>(),
        servers.len(),
        started.elapsed().as_secs_f64()
    );

    assert_eq!(chaos.kills, kills, "every planned kill struck");
    assert!(
        failures.is_empty(),
        "{} failures (seed {seed}; lines starting SERVER: are the server's doing):\n{}\n\
         server logs:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n"),
        servers
            .iter()
            .map(|s| s.log_tail(30))
            .collect::<Vec<_>>()
            .join("\n---\n")
    );
}
