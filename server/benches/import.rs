//! Importing a shop's purchase history at scale: the insights benchmark's shop (100,000 members,
//! about 1,000,000 purchases over two years) written as a CSV file, uploaded through the API
//! (the upload answers once the whole file is checked), then committed by the import job in
//! chunks, on SQLite. In the same run: a till pushing one event at a time before the import
//! (the baseline) and while it runs (a push waits for one chunk at most), and a rebuild of every
//! summary from the events afterwards (what summarising the same purchases costs at once).
//!
//! Run: `bash bench/import.sh`, or `cargo bench -p regulars-server --bench import`.
//! `REGULARS_BENCH_MEMBERS` and `REGULARS_BENCH_VISITS` make a smaller shop.

mod common;

use std::time::{Duration, Instant};

use common::{Server, env, ms, percentile, start};
use regulars_protocol::imports::{ImportJob, ImportStatus, StartImport};
use regulars_protocol::wire::{PairResponse, PushRequest, PushResponse, PushStatus};
use regulars_protocol::{CardId, Event, EventBody, EventId, Origin};
use time::OffsetDateTime;

/// The shop's history as a CSV file: one row per purchase, times in UTC, amounts in euros
/// (0 where the purchase recorded none).
fn csv_file(members: usize, visits: usize) -> (String, usize) {
    // Up to yesterday: a purchase later today would lie in the future.
    let now = OffsetDateTime::now_utc() - time::Duration::days(1);
    let mut csv = String::with_capacity(visits * 48);
    csv.push_str("customer,date,amount,category\n");
    let mut rows = 0;
    for (n, member) in common::history(members, visits, now)
        .into_iter()
        .enumerate()
    {
        for (at, amount, category) in member.purchases {
            let amount = amount.unwrap_or(0);
            csv.push_str(&format!(
                "M{n:06},{:04}-{:02}-{:02}T{:02}:{:02}:00Z,{}.{:02},{category}\n",
                at.year(),
                u8::from(at.month()),
                at.day(),
                at.hour(),
                at.minute(),
                amount / 100,
                amount % 100
            ));
            rows += 1;
        }
    }
    (csv, rows)
}

/// One stamp pushed alone, as a till does right after a scan; its round trip.
async fn push_one(
    http: &reqwest::Client,
    server: &Server,
    till: &PairResponse,
    card: CardId,
    seq: i64,
) -> anyhow::Result<Duration> {
    let event = Event {
        id: EventId(uuid::Uuid::now_v7()),
        card_id: card,
        device_id: till.device_id,
        device_seq: seq,
        staff_id: Some(till.till.default_staff_id),
        occurred_at: OffsetDateTime::now_utc(),
        body: EventBody::StampsIssued {
            count: 1,
            amount_minor: Some(350),
            category: Some("coffee".into()),
        },
        code: None,
        staff_proof: None,
        origin: Origin::Till,
        scanned_at: None,
    };
    let t = Instant::now();
    let answer: PushResponse = http
        .post(format!("{}/api/v1/sync/push", server.base))
        .bearer_auth(&till.token)
        .json(&PushRequest {
            events: vec![event],
            sent_at: Some(OffsetDateTime::now_utc()),
        })
        .send()
        .await?
        .json()
        .await?;
    anyhow::ensure!(
        answer
            .results
            .iter()
            .all(|r| r.status == PushStatus::Accepted)
    );
    Ok(t.elapsed())
}

fn latencies(mut times: Vec<Duration>) -> String {
    times.sort();
    format!(
        "{} pushes, p50 {}, p95 {}, max {}",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().unwrap_or(&Duration::ZERO))
    )
}

async fn job(server: &Server, id: &str) -> anyhow::Result<ImportJob> {
    Ok(server
        .owner
        .get(format!("{}/api/v1/owner/imports/{id}", server.base))
        .send()
        .await?
        .json()
        .await?)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let members = env("REGULARS_BENCH_MEMBERS", 100_000);
    let visits = env("REGULARS_BENCH_VISITS", 1_000_000);
    let started = Instant::now();
    let server = start(true, false).await?;
    let http = reqwest::Client::new();
    let till = common::pair(&server).await?;
    let card = common::join(&server).await?;

    let t = Instant::now();
    let (csv, rows) = csv_file(members, visits);
    println!(
        "regulars import benchmark: SQLite (WAL), one shop of {members} members, {rows} purchases over {} days as a CSV file of {:.1} MB (written in {:.1} s)",
        common::DAYS,
        csv.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // The baseline: the till's pushes with nothing else running.
    let mut seq = 0;
    let mut idle = Vec::new();
    for _ in 0..200 {
        seq += 1;
        idle.push(push_one(&http, &server, &till, card, seq).await?);
    }

    let t = Instant::now();
    let uploaded = server
        .owner
        .post(format!(
            "{}/api/v1/owner/imports?file_name=history.csv",
            server.base
        ))
        .header("x-csrf-token", &server.csrf)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await?;
    anyhow::ensure!(uploaded.status() == 201, "upload: {}", uploaded.status());
    let uploaded: ImportJob = uploaded.json().await?;
    let upload = t.elapsed();
    anyhow::ensure!(
        uploaded.status == ImportStatus::Ready,
        "{:?}: {:?}",
        uploaded.status,
        uploaded.bad.first()
    );
    println!(
        "  upload and check of every row: {:.1} s ({} rows, {} bad)",
        upload.as_secs_f64(),
        uploaded.rows,
        uploaded.bad_rows
    );

    let t = Instant::now();
    let answer = server
        .owner
        .post(format!(
            "{}/api/v1/owner/imports/{}/start",
            server.base, uploaded.id
        ))
        .header("x-csrf-token", &server.csrf)
        .json(&StartImport::default())
        .send()
        .await?;
    anyhow::ensure!(answer.status() == 202, "start: {}", answer.status());
    let mut during = Vec::new();
    let done = loop {
        seq += 1;
        during.push(push_one(&http, &server, &till, card, seq).await?);
        // About four pushes a second, as a busy till.
        tokio::time::sleep(Duration::from_millis(250)).await;
        let now = job(&server, &uploaded.id).await?;
        match now.status {
            ImportStatus::Running => {}
            ImportStatus::Done => break now,
            other => anyhow::bail!("import ended {other:?}: {:?}", now.error),
        }
    };
    let commit = t.elapsed();
    println!(
        "  commit by the job (chunks of at most {} rows, kept near {} ms): {:.1} s, {:.0} purchases/s; {} added, {} new members",
        regulars_server::config::Settings::default().import_chunk_rows,
        regulars_server::config::Settings::default().import_chunk_millis,
        commit.as_secs_f64(),
        done.progress.purchases_added as f64 / commit.as_secs_f64(),
        done.progress.purchases_added,
        done.progress.new_members
    );
    println!(
        "  total import (upload, check, commit): {:.1} s",
        (upload + commit).as_secs_f64()
    );
    println!(
        "  a till's single-event push, idle:          {}",
        latencies(idle)
    );
    println!(
        "  a till's single-event push, during import: {}",
        latencies(during)
    );

    let t = Instant::now();
    let rebuilt = regulars_server::maintenance::rebuild_summaries(&server.db, false).await?;
    let differences: usize = rebuilt.iter().map(|r| r.report.differences).sum();
    println!(
        "  for comparison, rebuild-summaries of the shop from its events afterwards: {:.1} s ({differences} summary rows differed from what the import kept)",
        t.elapsed().as_secs_f64()
    );
    println!("total {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}
