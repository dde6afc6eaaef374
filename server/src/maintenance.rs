//! Commands an operator runs by hand on the server binary: `rebuild-balances`,
//! `rebuild-summaries`, `reset-password`, and (in their own modules) `backup` and `migrate-to`.

pub mod backup;
pub mod move_to_postgres;

use std::collections::BTreeMap;

use regulars_protocol::ledger::fold;
use regulars_protocol::{Balance, CardId, Event};

use crate::db::{self, Db};

/// One card whose cached balance differed from the fold of its ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub card_id: CardId,
    pub cached: Balance,
    pub folded: Balance,
}

#[derive(Debug, Default)]
pub struct RebuildReport {
    pub cards: usize,
    pub events: usize,
    pub differences: Vec<Difference>,
}

/// Folds every card's ledger, compares it with the balance cache, and repairs the cache where
/// they differ. The ledger is the truth; the cache is only a cache. Each shop is rebuilt in one
/// write transaction under the shop's lock, so no push of that shop runs in between, and each
/// repaired card is marked changed under a new shop sequence number, so tablets pull it.
pub async fn rebuild_balances(db: &Db) -> anyhow::Result<RebuildReport> {
    let mut report = RebuildReport::default();
    for shop_id in db::shops::all_ids(db).await? {
        let mut tx = db.begin().await?;
        if !db::events::lock_shop(&mut tx, shop_id).await? {
            continue;
        }
        let events = db::events::for_rebuild(&mut tx, shop_id).await?;
        let mut by_card: BTreeMap<CardId, Vec<Event>> = BTreeMap::new();
        for (card_id, event) in events {
            by_card.entry(card_id).or_default().push(event);
            report.events += 1;
        }
        let cached = db::events::shop_balances(&mut tx, shop_id).await?;
        report.cards += cached.len();
        for (card_id, cached) in cached {
            let folded = by_card.get(&card_id).map(fold).unwrap_or_default();
            if folded != cached {
                let seq = db::events::next_seq(&mut tx, shop_id).await?;
                db::events::set_balance(&mut tx, card_id, &folded, seq).await?;
                db::cards::mark_changed(&mut tx, card_id, seq).await?;
                report.differences.push(Difference {
                    card_id,
                    cached,
                    folded,
                });
            }
        }
        tx.commit().await?;
    }
    Ok(report)
}

/// What `rebuild-summaries` did for one shop.
#[derive(Debug)]
pub struct SummariesRebuilt {
    pub shop_id: regulars_protocol::ShopId,
    pub report: crate::insights::summaries::RebuildReport,
}

/// Makes the insight summaries again from the events, each shop in one write transaction under
/// its lock. `stale_only`: just the shops an older rule summarised (what start-up does; replicas
/// starting together skip a shop another one has just done).
pub async fn rebuild_summaries(db: &Db, stale_only: bool) -> anyhow::Result<Vec<SummariesRebuilt>> {
    let version = crate::insights::SUMMARIES_VERSION;
    let shops = if stale_only {
        db::insights::stale_shops(db, version).await?
    } else {
        db::shops::all_ids(db).await?
    };
    let mut out = Vec::new();
    for shop_id in shops {
        let mut tx = db.begin().await?;
        if !db::events::lock_shop(&mut tx, shop_id).await? {
            continue;
        }
        if stale_only
            && !db::insights::stale_shops(&mut *tx, version)
                .await?
                .contains(&shop_id)
        {
            continue;
        }
        let time_zone = db::shops::time_zone(&mut *tx, shop_id).await?;
        let report = crate::insights::summaries::rebuild(&mut tx, shop_id, &time_zone).await?;
        tx.commit().await?;
        out.push(SummariesRebuilt { shop_id, report });
    }
    Ok(out)
}

/// How long a password reset code works.
pub const RESET_CODE_HOURS: i64 = 1;

/// A one-time password reset code for the owner with this e-mail, for the operator to pass on
/// (there is no e-mail sending). Every session of the owner ends now; an earlier code stops
/// working. Answers the code and until when it works.
pub async fn start_password_reset(
    db: &Db,
    email: &str,
) -> anyhow::Result<(String, time::OffsetDateTime)> {
    let email = crate::domain::Email::parse("email", email)
        .map_err(|e| anyhow::anyhow!("{email:?} is not an e-mail address: {}", e.message))?;
    let Some(owner) = db::owners::find_by_email(db, email.as_str()).await? else {
        anyhow::bail!("no owner has the e-mail {}", email.as_str());
    };
    let code = crate::auth::new_reset_code();
    let expires_at = db::now() + time::Duration::hours(RESET_CODE_HOURS);
    let mut tx = db.begin().await?;
    db::owners::start_reset(
        &mut tx,
        owner.id,
        &crate::auth::hash_reset_code(&code),
        expires_at,
    )
    .await?;
    tx.commit().await?;
    Ok((code, expires_at))
}
