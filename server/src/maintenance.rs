//! Commands an operator runs by hand: `regulars-server rebuild-balances`.

use std::collections::{BTreeMap, BTreeSet};

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
/// they differ. The ledger is the truth; the cache is only a cache.
pub async fn rebuild_balances(db: &Db) -> anyhow::Result<RebuildReport> {
    let events = db::events::all_for_rebuild(db).await?;
    let mut by_card: BTreeMap<CardId, Vec<Event>> = BTreeMap::new();
    for (card_id, event) in &events {
        by_card.entry(*card_id).or_default().push(event.clone());
    }
    let cached = db::events::all_balances(db).await?;
    let mut report = RebuildReport {
        cards: cached.len(),
        events: events.len(),
        differences: vec![],
    };
    let mut seen = BTreeSet::new();
    for (card_id, cached) in cached {
        seen.insert(card_id);
        let folded = by_card
            .get(&card_id)
            .map(|events| fold(events))
            .unwrap_or_default();
        if folded != cached {
            db::events::repair_balance(db, card_id, &folded).await?;
            report.differences.push(Difference {
                card_id,
                cached,
                folded,
            });
        }
    }
    Ok(report)
}
