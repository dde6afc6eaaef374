//! What the shop learned about its offers, kept per replica: each member's context (their
//! group in the shop's scoring and their predicted value), each offer's response by context,
//! and where every member's ranking puts each offer (the owner's "on N cards, first on M").
//!
//! Learning reads every member's reactions and ranks every member, so a replica keeps the
//! result for [`CACHE_FOR`] and answers with it while a fresher one is made in the background
//! (only a replica's first look at a shop waits). A member's own reactions are read fresh at
//! each ranking of their card (`offers::member_offers`); only the shop's experience is kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::civil::Date;
use regulars_protocol::{CardId, OfferId, ShopId};

use super::History;
use super::ranking::{self, Context, OfferStats, Value};
use crate::db::{self, offers::OfferRow, offers::ReactionRow};
use crate::insights::local::ShopClock;
use crate::insights::predicted::{Prediction, TOP_COUNT};
use crate::insights::segments::Scoring;
use crate::startup::AppState;

/// How long a replica answers with what it learned before learning again.
pub const CACHE_FOR: Duration = Duration::from_secs(300);

/// Where the shop's rankings put an offer now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Placement {
    /// Members whose card shows it.
    pub on_cards: i64,
    /// Members whose card shows it first.
    pub first: i64,
}

/// The shop's experience with its offers, as of one moment.
#[derive(Debug, Default)]
pub struct ShopResponses {
    pub contexts: HashMap<CardId, Context>,
    pub offers: HashMap<OfferId, OfferStats>,
    pub placements: HashMap<OfferId, Placement>,
    /// Members ranked, and how long learning and ranking took.
    pub members_ranked: usize,
    pub took: Duration,
}

static NOTHING_YET: std::sync::LazyLock<OfferStats> = std::sync::LazyLock::new(OfferStats::default);

impl ShopResponses {
    /// The member's context: a member the scoring has not met yet (no visit) has none.
    pub fn context(&self, card_id: CardId) -> Context {
        self.contexts.get(&card_id).copied().unwrap_or_default()
    }

    /// What the shop learned about an offer (nothing yet for one nobody was shown).
    pub fn stats(&self, offer_id: OfferId) -> &OfferStats {
        self.offers.get(&offer_id).unwrap_or(&NOTHING_YET)
    }

    /// Each offer's response by context and by whether members buy its category, from every
    /// member's reactions and purchases.
    pub fn learn(
        contexts: HashMap<CardId, Context>,
        offers: &[OfferRow],
        histories: &HashMap<CardId, History>,
        reactions: &[ReactionRow],
    ) -> Self {
        let inputs: HashMap<OfferId, &OfferRow> = offers.iter().map(|o| (o.id, o)).collect();
        let none = History::default();
        let mut learned: HashMap<OfferId, OfferStats> = HashMap::new();
        for r in reactions {
            let (Some(taken), Some(offer)) =
                (super::reaction(r).outcome(), inputs.get(&r.offer_id))
            else {
                continue;
            };
            let context = contexts.get(&r.card_id).copied().unwrap_or_default();
            let (visits, purchases) = histories.get(&r.card_id).unwrap_or(&none);
            let buys = ranking::buys(*visits, purchases, &offer.input);
            learned
                .entry(r.offer_id)
                .or_default()
                .add(context, buys, taken);
        }
        ShopResponses {
            contexts,
            offers: learned,
            ..ShopResponses::default()
        }
    }
}

/// Every scored member's context: their RFM group, and their predicted value when the shop's
/// prediction is made.
pub fn contexts(scoring: &Scoring, prediction: Option<&Prediction>) -> HashMap<CardId, Context> {
    let mut values: HashMap<CardId, Value> = HashMap::new();
    if let Some(p) = prediction {
        for (i, m) in p.members.iter().enumerate() {
            let value = if m.valuable && m.p_alive.is_some_and(|a| a < 0.5) {
                Value::Drifting
            } else if p.fit.is_some() && i < TOP_COUNT {
                Value::Top
            } else {
                continue;
            };
            values.insert(m.history.card_id, value);
        }
    }
    scoring
        .members
        .iter()
        .map(|m| {
            (
                m.card_id,
                Context {
                    segment: Some(m.segment),
                    value: values.get(&m.card_id).copied().unwrap_or_default(),
                },
            )
        })
        .collect()
}

/// Learns from every member's reactions and ranks every member's card: the whole shop's
/// ranking, made in the background (see the module's note).
pub async fn load(
    state: &AppState,
    shop_id: ShopId,
    clock: &ShopClock,
) -> anyhow::Result<ShopResponses> {
    let started = Instant::now();
    let now = db::now();
    let today: Date = clock.today(now);
    // The whole shop's reads side by side: the audiences (the largest, parsed on a thread of
    // their own) beside the scoring (made here on a replica's first look or a new day), the
    // reactions, the offers and the purchase histories on the pool's other connections.
    let audiences = tokio::spawn({
        let db = state.db.clone();
        async move { db::offers::audiences(&db, shop_id).await }
    });
    let (scoring, reactions, offers, mut histories) = tokio::try_join!(
        state.segments.as_of(&state.db, shop_id, today),
        db::offers::reactions(&state.db, shop_id, None),
        db::offers::list(&state.db, shop_id),
        db::offers::purchase_histories(&state.db, shop_id, None),
    )?;
    let audiences = audiences.await??;
    let prediction = state.predictions.kept(shop_id, today);
    if prediction.is_none() {
        state.predictions.make_soon(&state.db, shop_id, today);
    }
    let contexts = contexts(&scoring, prediction.as_deref());
    let day = crate::insights::local::day_text(today);
    tokio::task::spawn_blocking(move || {
        let mut learned = ShopResponses::learn(contexts, &offers, &histories, &reactions);
        let members = member_inputs(audiences, &mut histories, reactions);
        learned.placements = placements(&offers, &learned, &members, &day, now);
        learned.members_ranked = members.len();
        learned.took = started.elapsed();
        learned
    })
    .await
    .map_err(anyhow::Error::from)
}

/// What ranking each member of the audiences reads, gathered from the shop's reads.
pub fn member_inputs(
    audiences: HashMap<CardId, Vec<(OfferId, bool)>>,
    histories: &mut HashMap<CardId, History>,
    reactions: Vec<ReactionRow>,
) -> Vec<super::MemberInputs> {
    let mut by_card: HashMap<CardId, Vec<ReactionRow>> = HashMap::new();
    for r in reactions {
        by_card.entry(r.card_id).or_default().push(r);
    }
    audiences
        .into_iter()
        .map(|(card_id, audience)| super::MemberInputs {
            card_id,
            history: histories.remove(&card_id).unwrap_or_default(),
            audience,
            reactions: by_card.remove(&card_id).unwrap_or_default(),
        })
        .collect()
}

/// Ranks every member's card and counts where each offer lands: the members are split
/// between the machine's cores, each part ranked on its own thread.
pub fn placements(
    offers: &[OfferRow],
    learned: &ShopResponses,
    members: &[super::MemberInputs],
    day: &str,
    now: time::OffsetDateTime,
) -> HashMap<OfferId, Placement> {
    let shop = super::ShopOffers::new(offers, now);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let part = members.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = members
            .chunks(part)
            .map(|chunk| {
                let shop = &shop;
                scope.spawn(move || {
                    let mut counted: HashMap<OfferId, Placement> = HashMap::new();
                    for inputs in chunk {
                        for placed in super::place_in(shop, learned, inputs, day, now, false) {
                            let Some(place) = placed.place else { continue };
                            let p = counted.entry(placed.offer_id).or_default();
                            p.on_cards += 1;
                            p.first += i64::from(place == 1);
                        }
                    }
                    counted
                })
            })
            .collect();
        let mut all: HashMap<OfferId, Placement> = HashMap::new();
        for part in parts {
            for (id, p) in part
                .join()
                .expect("ranking a part of the shop does not panic")
            {
                let total = all.entry(id).or_default();
                total.on_cards += p.on_cards;
                total.first += p.first;
            }
        }
        all
    })
}

struct Entry {
    at: Instant,
    responses: Arc<ShopResponses>,
    refreshing: bool,
}

/// What each shop learned, kept per replica (see the module's note).
#[derive(Clone, Default)]
pub struct Cache {
    entries: Arc<Mutex<HashMap<ShopId, Entry>>>,
}

impl Cache {
    /// The shop's responses: kept, or learned now; a kept one older than [`CACHE_FOR`] is
    /// answered while a fresher one is learned in the background.
    pub async fn get(
        &self,
        state: &AppState,
        shop_id: ShopId,
        clock: &ShopClock,
    ) -> anyhow::Result<Arc<ShopResponses>> {
        let stale = {
            let mut entries = self.entries.lock().expect("not poisoned");
            match entries.get_mut(&shop_id) {
                Some(e) if e.at.elapsed() < CACHE_FOR => return Ok(e.responses.clone()),
                Some(e) => {
                    let start = !e.refreshing;
                    e.refreshing = true;
                    Some((e.responses.clone(), start))
                }
                None => None,
            }
        };
        match stale {
            Some((responses, start)) => {
                if start {
                    self.learn_soon(state, shop_id, clock);
                }
                Ok(responses)
            }
            None => self.learn(state, shop_id, clock).await,
        }
    }

    /// The shop's responses if this replica has learned them (fresh or not: a stale one starts
    /// learning again in the background); else nothing learned yet, while the first learning
    /// runs in the background. A member's card never waits for the whole shop to be learned.
    pub fn kept_or_nothing(
        &self,
        state: &AppState,
        shop_id: ShopId,
        clock: &ShopClock,
    ) -> Arc<ShopResponses> {
        let start = {
            let mut entries = self.entries.lock().expect("not poisoned");
            match entries.get_mut(&shop_id) {
                Some(e) if e.at.elapsed() < CACHE_FOR => return e.responses.clone(),
                Some(e) if e.refreshing => return e.responses.clone(),
                Some(e) => {
                    e.refreshing = true;
                    Some(e.responses.clone())
                }
                None => {
                    entries.insert(
                        shop_id,
                        Entry {
                            // Stale at once: the first real learning replaces it.
                            at: Instant::now()
                                .checked_sub(CACHE_FOR)
                                .unwrap_or_else(Instant::now),
                            responses: Arc::new(ShopResponses::default()),
                            refreshing: true,
                        },
                    );
                    None
                }
            }
        };
        self.learn_soon(state, shop_id, clock);
        start.unwrap_or_default()
    }

    /// Learns in the background (the caller marked the entry as refreshing); a failure clears
    /// the mark, so the next look tries again.
    fn learn_soon(&self, state: &AppState, shop_id: ShopId, clock: &ShopClock) {
        let (cache, state, clock) = (self.clone(), state.clone(), clock.clone());
        tokio::spawn(async move {
            if let Err(e) = cache.learn(&state, shop_id, &clock).await {
                tracing::warn!(error = %e, %shop_id, "learning offer responses");
                if let Some(e) = cache
                    .entries
                    .lock()
                    .expect("not poisoned")
                    .get_mut(&shop_id)
                {
                    e.refreshing = false;
                }
            }
        });
    }

    /// Learns now and keeps the result.
    pub async fn learn(
        &self,
        state: &AppState,
        shop_id: ShopId,
        clock: &ShopClock,
    ) -> anyhow::Result<Arc<ShopResponses>> {
        let responses = Arc::new(load(state, shop_id, clock).await?);
        self.entries.lock().expect("not poisoned").insert(
            shop_id,
            Entry {
                at: Instant::now(),
                responses: responses.clone(),
                refreshing: false,
            },
        );
        Ok(responses)
    }
}
