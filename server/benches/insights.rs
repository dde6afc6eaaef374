//! Insights at scale: a shop of 100,000 members and about 1,000,000 purchases over two years
//! (most members rare, a few frequent; varied amounts, hours and categories), written into the
//! ledger as imported events, summarised by `rebuild-summaries`, then every Insights endpoint
//! timed through the real server on loopback (p50 and p95 of repeated requests, and the first,
//! cold request of those that score every member). Then the push rate with the summaries kept
//! in the push transaction, against the same run with them off, measured in the same process.
//!
//! Run: `bash bench/insights.sh`, or `cargo bench -p regulars-server --bench insights`.
//! `REGULARS_BENCH_MEMBERS` and `REGULARS_BENCH_VISITS` make a smaller shop;
//! `REGULARS_BENCH_PUSH_EVENTS` a shorter push run.

use std::time::{Duration, Instant};

use regulars_protocol::wire::{PushRequest, PushResponse, PushStatus};
use regulars_protocol::{CardId, Event, EventBody, EventId};
use regulars_server::db::ts;
use time::OffsetDateTime;

/// An imported purchase: event id, card, shop sequence, amount, category, time.
type Purchase = (String, String, i64, Option<i64>, &'static str, String);

mod common;

use common::{CATEGORIES, DAYS, Server, env, ms, percentile, start};

const REQUESTS: usize = 25;

/// Writes the members and their purchases straight into the ledger, as an import would.
async fn generate(server: &Server, members: usize, visits: usize) -> anyhow::Result<usize> {
    let shop_id = server.shop.shop.id.to_string();
    let now = OffsetDateTime::now_utc();
    sqlx::query("UPDATE shops SET created_at = $1 WHERE id = $2")
        .bind(ts(now - time::Duration::days(DAYS + 30)))
        .bind(&shop_id)
        .execute(&server.db)
        .await?;
    let mut tx = server.db.begin().await?;
    let mut seq: i64 = 0;
    let mut rows: Vec<Purchase> = Vec::new();
    let mut cards: Vec<(String, String, String)> = Vec::new();
    let mut events = 0usize;
    for member in common::history(members, visits, now) {
        let card = CardId::random().to_string();
        cards.push((
            card.clone(),
            uuid::Uuid::new_v4().to_string(),
            ts(now - time::Duration::days(member.first_days_ago + 1)),
        ));
        for (at, amount, category) in member.purchases {
            seq += 1;
            rows.push((
                EventId::random().to_string(),
                card.clone(),
                seq,
                amount,
                category,
                ts(at),
            ));
            events += 1;
        }
        // Cards go in before the purchases that name them.
        if cards.len() >= 500 || rows.len() >= 2000 {
            insert_cards(&mut tx, &shop_id, &cards).await?;
            cards.clear();
            insert_events(&mut tx, &shop_id, &rows).await?;
            rows.clear();
        }
    }
    insert_cards(&mut tx, &shop_id, &cards).await?;
    insert_events(&mut tx, &shop_id, &rows).await?;
    sqlx::query("UPDATE shops SET event_seq = $1, summaries_version = 0 WHERE id = $2")
        .bind(seq)
        .bind(&shop_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(events)
}

async fn insert_cards(
    tx: &mut regulars_server::db::Tx,
    shop_id: &str,
    cards: &[(String, String, String)],
) -> anyhow::Result<()> {
    for chunk in cards.chunks(200) {
        let marks: Vec<String> = (0..chunk.len())
            .map(|i| format!("(${}, $1, ${}, ${})", 3 * i + 2, 3 * i + 3, 3 * i + 4))
            .collect();
        let sql = format!(
            "INSERT INTO cards (id, shop_id, token_hash, created_at) VALUES {}",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql).bind(shop_id);
        for (id, token, at) in chunk {
            q = q.bind(id).bind(token).bind(at);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_events(
    tx: &mut regulars_server::db::Tx,
    shop_id: &str,
    rows: &[Purchase],
) -> anyhow::Result<()> {
    for chunk in rows.chunks(200) {
        let marks: Vec<String> = (0..chunk.len())
            .map(|i| {
                let n = 6 * i + 2;
                format!(
                    "(${n}, $1, ${}, ${}, 'import', 'stamps_issued', 1, ${}, ${}, '{{}}', '{{}}', ${}, ${})",
                    n + 1,
                    n + 2,
                    n + 3,
                    n + 4,
                    n + 5,
                    n + 5
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO events (id, shop_id, card_id, seq, origin, kind, delta, amount_minor, category, body, balance_after, occurred_at, recorded_at) VALUES {}",
            marks.join(", ")
        );
        let mut q = sqlx::query(&sql).bind(shop_id);
        for (id, card, seq, amount, category, at) in chunk {
            q = q
                .bind(id)
                .bind(card)
                .bind(*seq)
                .bind(*amount)
                .bind(*category)
                .bind(at);
        }
        q.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Times `REQUESTS` GETs of one path: the first (cold) and p50/p95 of all.
async fn time_get(
    server: &Server,
    path: &str,
) -> anyhow::Result<(Duration, Duration, Duration, usize)> {
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..REQUESTS {
        let t = Instant::now();
        let answer = server
            .owner
            .get(format!("{}{path}", server.base))
            .send()
            .await?;
        anyhow::ensure!(answer.status().is_success(), "{path}: {}", answer.status());
        bytes = answer.bytes().await?.len();
        times.push(t.elapsed());
    }
    let first = times[0];
    times.sort();
    Ok((
        first,
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        bytes,
    ))
}

/// Four tablets push `total` stamp events (with amounts and categories) in batches of 100.
async fn push_rate(server: &Server, total: usize) -> anyhow::Result<f64> {
    let http = reqwest::Client::new();
    let mut tablets = Vec::new();
    for _ in 0..4 {
        tablets.push(common::pair(server).await?);
    }
    let mut cards = Vec::new();
    for _ in 0..200 {
        cards.push(common::join(server).await?);
    }
    let per_tablet = total / tablets.len();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (n, tablet) in tablets.into_iter().enumerate() {
        let (http, base, cards) = (http.clone(), server.base.clone(), cards.clone());
        tasks.push(tokio::spawn(async move {
            let mut seq = 0i64;
            for b in 0..per_tablet.div_ceil(100) {
                let events: Vec<Event> = (0..100.min(per_tablet - b * 100))
                    .map(|i| {
                        seq += 1;
                        Event {
                            id: EventId(uuid::Uuid::now_v7()),
                            card_id: cards[(n * 7919 + b * 100 + i) % cards.len()],
                            device_id: tablet.device_id,
                            device_seq: seq,
                            staff_id: Some(tablet.till.default_staff_id),
                            occurred_at: OffsetDateTime::now_utc(),
                            body: EventBody::StampsIssued {
                                count: 1,
                                amount_minor: Some(350 + (i as i64 % 7) * 100),
                                category: Some(CATEGORIES[i % CATEGORIES.len()].into()),
                            },
                            code: None,
                            staff_proof: None,
                            origin: regulars_protocol::Origin::Till,
                            scanned_at: None,
                        }
                    })
                    .collect();
                let answer: PushResponse = http
                    .post(format!("{base}/api/v1/sync/push"))
                    .bearer_auth(&tablet.token)
                    .json(&PushRequest {
                        events,
                        sent_at: Some(OffsetDateTime::now_utc()),
                    })
                    .send()
                    .await
                    .expect("push")
                    .json()
                    .await
                    .expect("push answer");
                assert!(
                    answer
                        .results
                        .iter()
                        .all(|r| r.status == PushStatus::Accepted)
                );
            }
        }));
    }
    for task in tasks {
        task.await?;
    }
    Ok((per_tablet * 4) as f64 / started.elapsed().as_secs_f64())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let members = env("REGULARS_BENCH_MEMBERS", 100_000);
    let visits = env("REGULARS_BENCH_VISITS", 1_000_000);
    let push_events = env("REGULARS_BENCH_PUSH_EVENTS", 20_000);
    let started = Instant::now();

    let server = start(true, true).await?;
    let t = Instant::now();
    let events = generate(&server, members, visits).await?;
    let generated = t.elapsed();
    let t = Instant::now();
    let rebuilt = regulars_server::maintenance::rebuild_summaries(&server.db, false).await?;
    let rebuild = t.elapsed();
    let rows: usize = rebuilt.iter().map(|r| r.report.rows).sum();
    let visit_days: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM visit_days WHERE earnings > 0")
        .fetch_one(&server.db)
        .await?;
    let member: String =
        sqlx::query_scalar("SELECT card_id FROM member_summaries ORDER BY visits DESC LIMIT 1")
            .fetch_one(&server.db)
            .await?;

    println!(
        "regulars insights benchmark: SQLite (WAL), one shop of {members} members, {events} purchases ({visit_days} visits) over {DAYS} days"
    );
    println!(
        "  generated in {:.1} s; rebuild-summaries: {:.1} s ({rows} summary rows)",
        generated.as_secs_f64(),
        rebuild.as_secs_f64()
    );
    println!(
        "  {REQUESTS} requests each through the server on loopback; 'first' is the first request (for segments: the cold scoring of every member)"
    );
    println!(
        "  {:<64} {:>9} {:>9} {:>9} {:>9}",
        "endpoint", "first", "p50", "p95", "bytes"
    );
    let paths = [
        "/api/v1/owner/insights/overview?days=30".to_string(),
        "/api/v1/owner/insights/overview?days=365".to_string(),
        "/api/v1/owner/insights/hours?days=30".to_string(),
        "/api/v1/owner/insights/hours?days=365".to_string(),
        "/api/v1/owner/insights/segments?days=30".to_string(),
        "/api/v1/owner/insights/hours?days=30&segment=champions".to_string(),
        "/api/v1/owner/insights/segments/champions/members?days=30&page=1".to_string(),
        "/api/v1/owner/insights/segments/lost/members?days=30&page=3".to_string(),
        format!("/api/v1/owner/insights/members/{member}"),
        "/api/v1/owner/categories".to_string(),
        "/api/v1/owner/insights/clv?list=top".to_string(),
        "/api/v1/owner/insights/segments/all/members?days=30&format=csv".to_string(),
    ];
    let mut worst = Duration::ZERO;
    for path in &paths {
        let (first, p50, p95, bytes) = time_get(&server, path).await?;
        if !path.contains("format=csv") {
            worst = worst.max(p95);
        }
        println!(
            "  {:<64} {:>9} {:>9} {:>9} {:>9}",
            path.trim_start_matches("/api/v1/owner"),
            ms(first),
            ms(p50),
            ms(p95),
            bytes
        );
    }
    println!(
        "  worst p95 of the pages' endpoints (the CSV export aside): {} (goal: at most 300 ms)",
        ms(worst)
    );

    let on = start(true, false).await?;
    let with = push_rate(&on, push_events).await?;
    let off = start(false, false).await?;
    let without = push_rate(&off, push_events).await?;
    println!(
        "push, 4 tablets, batches of 100, {push_events} events each run: with summaries {with:.0} events/s, without {without:.0} events/s ({:+.0} %)",
        (with / without - 1.0) * 100.0
    );
    println!("total {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}
