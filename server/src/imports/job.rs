//! The import job: commits a validated file's purchases in chunks, each chunk one transaction
//! with the job's progress, so
//! - a till's push waits for one chunk at most, never for the whole file;
//! - a server stopped mid-import loses nothing and repeats nothing: the next run (on this server
//!   after a restart, or on another replica once the job's lease runs out) carries on after the
//!   last chunk that committed, and a chunk run twice adds nothing (the purchases' ids are the
//!   rows' keys, see [`super`]).
//!
//! Each server runs one worker. It wakes when an owner starts a job here, and every
//! `import_poll_secs` to take up jobs nobody holds.

use std::collections::HashMap;
use std::sync::Arc;

use regulars_protocol::imports::ImportProgress;
use regulars_protocol::{CardId, ShopId};
use time::OffsetDateTime;
use tokio::sync::Notify;

use super::{Purchase, Shop};
use crate::config::Settings;
use crate::db::{self, Db};
use crate::insights::local::ShopClock;
use crate::insights::summaries::Recorder;
use crate::insights::visits::Earning;

/// Wakes this server's worker (an owner started a job).
#[derive(Clone, Default)]
pub struct Jobs {
    wake: Arc<Notify>,
}

impl Jobs {
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Runs the worker until the server stops.
    pub async fn work(self, writer: Db, settings: Arc<Settings>) {
        let every = std::time::Duration::from_millis(settings.import_poll_ms.max(10));
        let mut chunks_left = settings.import_stop_after_chunks;
        loop {
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(every) => {}
            }
            let waiting = match db::imports::waiting(&writer).await {
                Ok(ids) => ids,
                Err(e) => {
                    tracing::warn!(error = %e, "looking for import jobs");
                    continue;
                }
            };
            for id in waiting {
                let lease = lease_until(&settings);
                match db::imports::claim(&writer, id, lease).await {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => {
                        tracing::warn!(error = %e, "taking an import job");
                        continue;
                    }
                }
                match run(&writer, &settings, id, &mut chunks_left).await {
                    Ok(Outcome::Done) => tracing::info!(%id, "import done"),
                    Ok(Outcome::Stopped) => {
                        tracing::warn!(%id, "import worker stopped as configured");
                        return;
                    }
                    Ok(Outcome::Lost) => tracing::info!(%id, "import no longer running here"),
                    Err(e) => {
                        tracing::error!(%id, error = ?e, "import failed");
                        let message =
                            format!("The import stopped: {e}. Start it again to carry on.");
                        if let Err(e) = db::imports::fail(&writer, id, &message).await {
                            tracing::warn!(error = %e, "marking an import failed");
                        }
                    }
                }
            }
        }
    }
}

fn lease_until(settings: &Settings) -> OffsetDateTime {
    db::now() + time::Duration::seconds(settings.import_lease_secs.max(1) as i64)
}

/// The fewest rows a chunk shrinks to: each commit waits for the disk (SQLite syncs every
/// commit), so a chunk much smaller than this spends its time committing.
const MIN_CHUNK_ROWS: usize = 100;

enum Outcome {
    Done,
    /// `import_stop_after_chunks` ran out: the worker stops as a killed server would, holding
    /// the job until its lease runs out.
    Stopped,
    /// The job stopped running (it failed elsewhere) under this run.
    Lost,
}

/// What the owner sees of members, as one run found them.
#[derive(Default)]
struct Members {
    /// Customer values resolved in this run, by e-mail (if the row had one) and value.
    cards: HashMap<(String, Option<String>), CardId>,
    /// Customer values already counted in the progress.
    counted: std::collections::HashSet<String>,
    /// Each customer's first purchase in the file: a new member joined then.
    first_seen: HashMap<String, OffsetDateTime>,
}

async fn run(
    writer: &Db,
    settings: &Settings,
    id: uuid::Uuid,
    chunks_left: &mut Option<u64>,
) -> anyhow::Result<Outcome> {
    let Some(job) = db::imports::running(writer, id).await? else {
        return Ok(Outcome::Lost);
    };
    let shop = shop(writer, job.shop_id).await?;
    let content: Arc<str> = job.content.into();
    let (columns, mapping) = (Arc::new(job.columns), Arc::new(job.mapping));
    let shop = Arc::new(shop);

    // The whole file is read again first: the shop's categories may have changed since it was
    // checked, and a new member joins at their first purchase in the file.
    let (report, first_seen) = {
        let (content, columns, mapping, shop) = (
            content.clone(),
            columns.clone(),
            mapping.clone(),
            shop.clone(),
        );
        tokio::task::spawn_blocking(move || {
            let mut first: HashMap<String, OffsetDateTime> = HashMap::new();
            let report = super::read(&content, &columns, &mapping, &shop, |p| {
                let at = first.entry(p.customer).or_insert(p.at);
                *at = (*at).min(p.at);
            });
            report.map(|r| (r, first))
        })
        .await?
        .map_err(|e| anyhow::anyhow!("the mapping no longer fits the file: {}", e.message))?
    };
    if report.bad_rows > 0 && !job.skip_bad_rows {
        anyhow::bail!(
            "the file now has {} bad rows (were categories changed?); check it again",
            report.bad_rows
        );
    }

    // The good rows, streamed in chunks from a blocking reader.
    let chunk_rows = settings.import_chunk_rows.max(1);
    let (send, mut chunks) = tokio::sync::mpsc::channel::<Vec<Purchase>>(2);
    let skip = job.rows_done;
    {
        let (content, columns, mapping, shop) = (
            content.clone(),
            columns.clone(),
            mapping.clone(),
            shop.clone(),
        );
        tokio::task::spawn_blocking(move || {
            let mut seen = 0u64;
            let mut chunk = Vec::with_capacity(chunk_rows);
            let _ = super::read(&content, &columns, &mapping, &shop, |p| {
                seen += 1;
                if seen <= skip {
                    return;
                }
                chunk.push(p);
                if chunk.len() == chunk_rows {
                    // A closed channel: the run stopped; the rest is not needed.
                    let _ = send.blocking_send(std::mem::take(&mut chunk));
                }
            });
            if !chunk.is_empty() {
                let _ = send.blocking_send(chunk);
            }
        });
    }

    let mut members = Members {
        first_seen,
        ..Default::default()
    };
    let mut progress = job.progress;
    // Each transaction is kept near `import_chunk_millis`: fewer rows when chunks run slow
    // (a big shop, a busy machine), more when they run fast, up to `import_chunk_rows`.
    let target = std::time::Duration::from_millis(settings.import_chunk_millis.max(1));
    let mut size = chunk_rows.min(200);
    while let Some(received) = chunks.recv().await {
        let mut rest: &[Purchase] = &received;
        while !rest.is_empty() {
            let (chunk, after) = rest.split_at(size.min(rest.len()));
            rest = after;
            if let Some(left) = chunks_left {
                if *left == 0 {
                    return Ok(Outcome::Stopped);
                }
                *left -= 1;
            }
            let started = std::time::Instant::now();
            // A chunk the database aborted (a deadlock with a push on PostgreSQL) wrote
            // nothing: it runs again.
            let mut attempt = 1;
            let committed = loop {
                match commit(writer, settings, &shop, id, chunk, &mut members, &progress).await {
                    Err(e) if attempt < db::engine::ATTEMPTS && db::engine::was_aborted(&e) => {
                        attempt += 1;
                    }
                    other => break other?,
                }
            };
            match committed {
                Some(after) => progress = after,
                None => return Ok(Outcome::Lost),
            }
            let took = started.elapsed();
            if took > target {
                size = (size / 2).max(MIN_CHUNK_ROWS.min(chunk_rows));
            } else if took < target / 2 {
                size = (size + size / 4 + 1).min(chunk_rows);
            }
            // A till's push waiting for the database goes before the next chunk.
            tokio::task::yield_now().await;
        }
    }
    db::imports::finish(writer, id).await?;
    Ok(Outcome::Done)
}

/// The shop as a file is read against it.
pub async fn shop(db: &Db, shop_id: ShopId) -> anyhow::Result<Shop> {
    let row = db::shops::find(db, shop_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("shop {shop_id} is gone"))?;
    Ok(Shop {
        id: shop_id,
        clock: ShopClock::or_utc(&row.time_zone),
        time_zone: row.time_zone,
        currency: row.currency,
        categories: db::insights::categories(db, shop_id).await?,
        now: db::now(),
    })
}

/// Commits one chunk: its customers' members, the purchases not stored before, the summaries
/// they change, and the job's progress, in one transaction. None when the job stopped running.
async fn commit(
    writer: &Db,
    settings: &Settings,
    shop: &Shop,
    id: uuid::Uuid,
    chunk: &[Purchase],
    members: &mut Members,
    before: &ImportProgress,
) -> anyhow::Result<Option<ImportProgress>> {
    let mut progress = before.clone();
    let mut tx = writer.begin().await?;
    db::events::lock_shop(&mut tx, shop.id).await?;
    let ids: Vec<_> = chunk.iter().map(|p| p.event_id).collect();
    let stored: std::collections::HashSet<_> = db::events::stored_among(&mut *tx, shop.id, &ids)
        .await?
        .into_iter()
        .collect();
    let mut recorder = if settings.insight_summaries {
        Recorder::new(shop.id, &shop.time_zone)
    } else {
        Recorder::disabled(shop.id)
    };
    let mut balances: HashMap<CardId, String> = HashMap::new();
    let fresh = chunk
        .iter()
        .filter(|p| !stored.contains(&p.event_id))
        .count() as i64;
    let mut seq = if fresh > 0 {
        db::events::reserve_seqs(&mut tx, shop.id, fresh).await?
    } else {
        0
    };
    // Resolutions made in this transaction only join the run's cache once it commits.
    let mut resolved: Vec<((String, Option<String>), CardId)> = Vec::new();
    let mut counted: Vec<String> = Vec::new();
    for p in chunk {
        if stored.contains(&p.event_id) {
            progress.purchases_already_there += 1;
            continue;
        }
        let key = (p.customer.clone(), p.email.clone());
        let cached = members
            .cards
            .get(&key)
            .copied()
            .or_else(|| resolved.iter().find(|(k, _)| *k == key).map(|(_, c)| *c));
        let card_id = match cached {
            Some(card) => card,
            None => {
                let first_time =
                    !members.counted.contains(&p.customer) && !counted.contains(&p.customer);
                let card = member_of(
                    &mut tx,
                    shop,
                    p,
                    members,
                    first_time.then_some(&mut progress),
                )
                .await?;
                if first_time {
                    counted.push(p.customer.clone());
                }
                resolved.push((key, card));
                card
            }
        };
        let balance = match balances.get(&card_id) {
            Some(b) => b.clone(),
            None => {
                let b = serde_json::to_string(&db::events::balance(&mut *tx, card_id).await?)?;
                balances.insert(card_id, b.clone());
                b
            }
        };
        seq += 1;
        let added = db::imports::insert_purchase(
            &mut tx,
            &db::imports::ImportedPurchase {
                id: p.event_id,
                shop_id: shop.id,
                seq: seq - 1,
                card_id,
                at: p.at,
                amount_minor: p.amount_minor,
                category: p.category.as_deref(),
                date_only: !p.has_time,
                balance: &balance,
            },
        )
        .await?;
        if !added {
            // Two rows of this chunk with one id cannot happen (occurrence numbers differ);
            // another run committed it since the check above.
            progress.purchases_already_there += 1;
            continue;
        }
        progress.purchases_added += 1;
        recorder
            .earning(
                &mut tx,
                &Earning {
                    card_id,
                    at: p.at,
                    location_id: None,
                    amount_minor: Some(p.amount_minor),
                    category: p.category.clone(),
                    date_only: !p.has_time,
                },
                1,
            )
            .await?;
    }
    recorder.finish(&mut tx).await?;
    progress.rows_done += chunk.len() as u64;
    if !db::imports::record_chunk(&mut tx, id, &progress, lease_until(settings)).await? {
        return Ok(None);
    }
    tx.commit().await?;
    members.cards.extend(resolved);
    members.counted.extend(counted);
    Ok(Some(progress))
}

/// The member a row's purchase goes to: the shop's member with the row's e-mail; else the
/// member an earlier import made for the customer value; else a new member without a phone
/// (a printed card can be made for them), who joined at the customer's first purchase.
/// `count` is given the first time the run meets the customer.
async fn member_of(
    tx: &mut db::Tx,
    shop: &Shop,
    p: &Purchase,
    members: &Members,
    count: Option<&mut ImportProgress>,
) -> anyhow::Result<CardId> {
    if let Some(email) = &p.email
        && let Some(card) = db::imports::card_by_email(tx, shop.id, email).await?
    {
        db::imports::remember_customer(tx, shop.id, &p.customer, card).await?;
        if let Some(c) = count {
            c.matched_by_email += 1;
        }
        return Ok(card);
    }
    if let Some(card) = db::imports::customer_card(tx, shop.id, &p.customer).await? {
        if let Some(c) = count {
            c.matched_by_customer += 1;
        }
        return Ok(card);
    }
    let card_id = CardId::random();
    // Nobody holds a token for this card: the shopper gets a printed card, or joins later
    // with the same e-mail.
    let unused_token = crate::auth::hash_token(&crate::auth::new_token());
    let seq = db::events::next_seq(tx, shop.id).await?;
    let joined = members.first_seen.get(&p.customer).copied().unwrap_or(p.at);
    db::cards::insert_at(
        tx,
        seq,
        &db::cards::NewCard {
            id: card_id,
            shop_id: shop.id,
            token_hash: &unused_token,
            first_name: p.first_name.as_deref(),
            email: p.email.as_deref(),
            public_key: None,
            recovery_hash: None,
            printed: true,
        },
        joined,
    )
    .await?;
    db::imports::remember_customer(tx, shop.id, &p.customer, card_id).await?;
    if let Some(c) = count {
        c.new_members += 1;
    }
    Ok(card_id)
}
