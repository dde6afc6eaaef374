//! A simulated shop, to prove the ranking and the effect estimate on members whose preferences
//! are known: the test (`server/tests/api/offers_simulation.rs`) runs it small, the benchmark
//! (`bench/offers.sh`) large.
//!
//! - **Members** have hidden preferences: a favourite category (most of their purchases are in
//!   it, so their history shows it, noisily), a kind of gift they like, and their own rate of
//!   visits (a Gamma mix: most come now and then, a few often).
//! - **Offers** are each about a category and give one kind of gift. A member shown an offer
//!   takes it up with a chance the simulation alone knows: small, larger when the offer is
//!   about their favourite category, larger again when they like its kind; one who does not
//!   may dismiss it.
//! - **Two offers are special.** The *working* offer truly adds visits: every member who could
//!   see it (not held out) comes [`Config::working_effect`] more times a week on average, twice
//!   that for members whose favourite is its category. The *do-nothing* offer changes nothing.
//!   The true effect of each is therefore known.
//! - **Each week** members visit and buy, and those who came look at the first
//!   [`Config::looked_at`] offers of their card, placed by the product's own code (`offers::place`: holdout, dismissals,
//!   suppression, uses, the ranking) from what the shop has learned so far
//!   (`ShopResponses::learn`, as the server's cache does), or in a random order for the
//!   comparison.
//! - **At the end** each special offer's effect is estimated as the owner's list does
//!   (`effect::welch` and `effect::verdict` on visits per member, could-see against held out).
//!
//! Members have no RFM group here (the shop's scoring needs the database): every member is in
//! the same context, so the ranking learns from categories, kinds and the shop's responses.

use std::collections::HashMap;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_distr::{Distribution, Gamma, Poisson};
use regulars_protocol::offers::{Audience, EffectVerdict, Gift, OfferInput, OfferStatus};
use regulars_protocol::{CardId, OfferId, ShopId};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::effect::{self, Interval, Sample};
use super::responses::ShopResponses;
use super::{MemberInputs, place};
use crate::db::offers::{OfferRow, ReactionRow};

/// A member's chance of taking up an offer they look at: a little for any offer, more when it
/// is about their favourite category, a little more when it gives the kind of gift they like.
pub const BASE_CHANCE: f64 = 0.02;
pub const FAVOURITE_CHANCE: f64 = 0.40;
pub const LIKED_KIND_CHANCE: f64 = 0.15;
/// A member who does not take an offer up dismisses it with this chance times their chance of
/// not wanting it.
pub const DISMISS_CHANCE: f64 = 0.1;

/// The kinds of gift the simulated offers give.
const KINDS: [&str; 3] = ["free_item", "percent_off", "extra_stamps"];

/// The simulated shop.
#[derive(Debug, Clone)]
pub struct Config {
    pub members: usize,
    pub weeks: usize,
    pub categories: usize,
    /// Offers in all, the working and the do-nothing offer included (at least 2).
    pub offers: usize,
    pub holdout_percent: i64,
    /// Extra visits a week, on average over members, for a member who could see the working
    /// offer.
    pub working_effect: f64,
    /// How many offers at the top of their card a member looks at each week.
    pub looked_at: usize,
    /// The share of a member's purchases in their favourite category.
    pub loyalty: f64,
    /// Uses of each offer a member has.
    pub uses_per_member: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            members: 2_000,
            weeks: 8,
            categories: 4,
            offers: 8,
            holdout_percent: 10,
            working_effect: 0.1,
            looked_at: 2,
            loyalty: 0.6,
            uses_per_member: 5,
        }
    }
}

/// Who orders the offers on the cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// The product's ranking.
    Ranking,
    /// The same offers in a random order: the baseline.
    Random,
    /// The same offers ordered by each member's true chance of taking them up, which only the
    /// simulation knows: the ceiling.
    Oracle,
}

/// What the owner's list would say of one offer, next to the truth.
#[derive(Debug, Clone, Copy)]
pub struct Estimated {
    /// The true extra visits per member over the window.
    pub true_effect: f64,
    pub interval: Option<Interval>,
    pub verdict: EffectVerdict,
}

impl Estimated {
    /// Whether the interval holds the true effect.
    pub fn covers(&self) -> bool {
        self.interval
            .is_some_and(|i| i.low <= self.true_effect && self.true_effect <= i.high)
    }
}

/// One run's outcome.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    /// Offers looked at, and of those taken up (saved or used).
    pub looked: i64,
    pub taken: i64,
    pub working: Estimated,
    pub do_nothing: Estimated,
}

impl Outcome {
    pub fn use_rate(&self) -> f64 {
        if self.looked == 0 {
            0.0
        } else {
            self.taken as f64 / self.looked as f64
        }
    }
}

struct SimMember {
    card_id: CardId,
    favourite: usize,
    liked_kind: usize,
    rate: f64,
    inputs: MemberInputs,
    visits_in_window: HashMap<OfferId, f64>,
    /// Visited this week (members look at their card when they come in).
    visited: bool,
}

fn category(i: usize) -> String {
    format!("category-{i}")
}

fn uuid(rng: &mut StdRng) -> Uuid {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Runs the shop once with `seed`: the same seed gives the same members, offers and visits
/// whatever the policy, so two policies compare on one shop.
pub fn run(config: &Config, seed: u64, policy: Policy) -> Outcome {
    assert!(config.offers >= 2 && config.categories >= 2);
    let mut world = StdRng::seed_from_u64(seed);
    let start = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
    let shop_id = ShopId(uuid(&mut world));
    let offers: Vec<OfferRow> = (0..config.offers)
        .map(|i| OfferRow {
            id: OfferId(uuid(&mut world)),
            shop_id,
            version: 1,
            status: OfferStatus::Active,
            created_at: start,
            ended_at: None,
            result: None,
            input: OfferInput {
                title: format!("Offer {i}"),
                text: String::new(),
                gift: match KINDS[i % KINDS.len()] {
                    "free_item" => Gift::FreeItem {
                        item: "A treat".into(),
                    },
                    "percent_off" => Gift::PercentOff { percent: 10 },
                    _ => Gift::ExtraStamps { count: 1 },
                },
                starts_at: start,
                ends_at: start + Duration::weeks(config.weeks as i64 + 1),
                weekdays: vec![],
                hours: None,
                audience: Audience {
                    everyone: true,
                    category: Some(category(i % config.categories)),
                    ..Audience::default()
                },
                holdout_percent: config.holdout_percent,
                uses_per_member: config.uses_per_member,
            },
        })
        .collect();
    let (working, do_nothing) = (offers[0].id, offers[1].id);
    let working_category = 0usize;
    // Members whose favourite is the working offer's category gain twice the average; the
    // others, so that the average over all members is `working_effect`.
    let c = config.categories as f64;
    let others_weight = (1.0 - 2.0 / c) / (1.0 - 1.0 / c);
    let gamma = Gamma::new(2.0, 0.5).expect("a valid Gamma");
    let mut members: Vec<SimMember> = (0..config.members)
        .map(|_| {
            let card_id = CardId(uuid(&mut world));
            let audience = offers
                .iter()
                .map(|o| {
                    let out =
                        regulars_protocol::offers::held_out(o.id, card_id, o.input.holdout_percent);
                    (o.id, out)
                })
                .collect();
            SimMember {
                card_id,
                favourite: world.random_range(0..config.categories),
                liked_kind: world.random_range(0..KINDS.len()),
                rate: f64::max(gamma.sample(&mut world), 0.01),
                inputs: MemberInputs {
                    card_id,
                    history: (0, HashMap::new()),
                    audience,
                    reactions: vec![],
                },
                visits_in_window: HashMap::new(),
                visited: false,
            }
        })
        .collect();
    // The display's own randomness (takes, dismissals, the random order) is apart from the
    // world's, so both policies meet the same members and visits.
    let mut display = StdRng::seed_from_u64(seed ^ 0x5eed_d15b_1a70_0000);
    let (mut looked, mut taken) = (0i64, 0i64);
    for week in 0..config.weeks {
        let now = start + Duration::weeks(week as i64) + Duration::hours(12);
        let day = format!("week-{week}");
        for m in members.iter_mut() {
            let sees_working = m
                .inputs
                .audience
                .iter()
                .any(|(id, out)| *id == working && !out);
            let weight = if m.favourite == working_category {
                2.0
            } else {
                others_weight
            };
            let rate = m.rate
                + if sees_working {
                    config.working_effect * weight
                } else {
                    0.0
                };
            let visits = Poisson::new(rate).map_or(0.0, |p| p.sample(&mut world));
            m.visited = visits > 0.0;
            for (id, _) in &m.inputs.audience {
                *m.visits_in_window.entry(*id).or_default() += visits;
            }
            for _ in 0..visits as usize {
                let bought = if world.random_bool(config.loyalty) {
                    m.favourite
                } else {
                    world.random_range(0..config.categories)
                };
                m.inputs.history.0 += 1;
                *m.inputs.history.1.entry(category(bought)).or_default() += 1;
            }
        }
        // What the shop learned by the start of the week (the server's cache).
        let all: Vec<ReactionRow> = members
            .iter()
            .flat_map(|m| m.inputs.reactions.iter().copied())
            .collect();
        let histories: HashMap<CardId, super::History> = members
            .iter()
            .map(|m| (m.card_id, m.inputs.history.clone()))
            .collect();
        let learned = ShopResponses::learn(HashMap::new(), &offers, &histories, &all);
        for m in members.iter_mut().filter(|m| m.visited) {
            let placed = place(&offers, &learned, &m.inputs, &day, now, false);
            let chance = |id: &OfferId| {
                let index = offers.iter().position(|x| x.id == *id).expect("listed");
                let mut chance = BASE_CHANCE;
                if index % config.categories == m.favourite {
                    chance += FAVOURITE_CHANCE;
                }
                if index % KINDS.len() == m.liked_kind {
                    chance += LIKED_KIND_CHANCE;
                }
                chance
            };
            let open = || {
                placed
                    .iter()
                    .filter(|p| {
                        p.place.is_some()
                            || p.withheld == Some(regulars_protocol::offers::Withheld::NoRoom)
                    })
                    .map(|p| p.offer_id)
                    .collect::<Vec<OfferId>>()
            };
            let mut card: Vec<OfferId> = match policy {
                Policy::Ranking => placed
                    .iter()
                    .filter(|p| p.place.is_some())
                    .map(|p| p.offer_id)
                    .collect(),
                Policy::Random => {
                    let mut open = open();
                    open.shuffle(&mut display);
                    open
                }
                Policy::Oracle => {
                    let mut open = open();
                    open.sort_by(|a, b| chance(b).total_cmp(&chance(a)));
                    open
                }
            };
            card.truncate(config.looked_at);
            for id in card {
                let o = offers
                    .iter()
                    .find(|o| o.id == id)
                    .expect("a simulated offer");
                let chance = chance(&id);
                let takes = display.random_bool(chance);
                let dismisses = !takes && display.random_bool(DISMISS_CHANCE * (1.0 - chance));
                looked += 1;
                taken += i64::from(takes);
                let r = match m.inputs.reactions.iter_mut().find(|r| r.offer_id == id) {
                    Some(r) => r,
                    None => {
                        m.inputs.reactions.push(ReactionRow {
                            offer_id: id,
                            card_id: m.card_id,
                            shown: false,
                            saved: false,
                            dismissed_at: None,
                            uses: 0,
                        });
                        m.inputs.reactions.last_mut().expect("just pushed")
                    }
                };
                r.shown = true;
                if takes {
                    r.uses = (r.uses + 1).min(o.input.uses_per_member);
                } else if dismisses {
                    r.dismissed_at = Some(now);
                }
            }
        }
    }
    let estimate = |offer: OfferId, true_weekly: f64| {
        let (mut could_see, mut held_out) = (vec![], vec![]);
        let mut dismissed = 0;
        for m in &members {
            let visits = m.visits_in_window.get(&offer).copied().unwrap_or(0.0);
            let out = m
                .inputs
                .audience
                .iter()
                .any(|(id, out)| *id == offer && *out);
            if out {
                held_out.push(visits);
            } else {
                could_see.push(visits);
                dismissed += i64::from(
                    m.inputs
                        .reactions
                        .iter()
                        .any(|r| r.offer_id == offer && r.dismissed_at.is_some()),
                );
            }
        }
        let (treated, control) = (Sample::of(&could_see), Sample::of(&held_out));
        let interval = effect::welch(&treated, &control);
        let dismissed_percent = if could_see.is_empty() {
            0
        } else {
            (dismissed as f64 * 100.0 / could_see.len() as f64).round() as i64
        };
        let (verdict, _) = effect::verdict(
            interval.as_ref(),
            control.mean,
            (could_see.len() + held_out.len()) as f64,
            dismissed_percent,
        );
        Estimated {
            true_effect: true_weekly * config.weeks as f64,
            interval,
            verdict,
        }
    };
    Outcome {
        looked,
        taken,
        working: estimate(working, config.working_effect),
        do_nothing: estimate(do_nothing, 0.0),
    }
}

/// Many runs' figures: the use rates of both policies, and how the working and the do-nothing
/// offers' intervals and verdicts came out.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub runs: usize,
    pub ranking_use_rate: f64,
    pub random_use_rate: f64,
    /// Ordered by the true chances only the simulation knows: the ceiling.
    pub oracle_use_rate: f64,
    /// Runs whose interval for the working offer holds its true effect.
    pub working_covered: usize,
    /// Runs that call the working offer working ("adds").
    pub working_found: usize,
    /// Runs whose interval for the do-nothing offer holds zero.
    pub do_nothing_covered: usize,
    /// Runs that call the do-nothing offer working.
    pub do_nothing_called_working: usize,
}

/// `runs` runs with seeds from `first_seed` under the ranking and, with `against_random`, each
/// again under random order on the same shop.
pub fn summarize(config: &Config, first_seed: u64, runs: usize, against_random: bool) -> Summary {
    let mut s = Summary {
        runs,
        ..Summary::default()
    };
    let (mut ranked, mut random, mut oracle) = ((0i64, 0i64), (0i64, 0i64), (0i64, 0i64));
    for seed in first_seed..first_seed + runs as u64 {
        let ours = run(config, seed, Policy::Ranking);
        ranked = (ranked.0 + ours.taken, ranked.1 + ours.looked);
        if against_random {
            let baseline = run(config, seed, Policy::Random);
            random = (random.0 + baseline.taken, random.1 + baseline.looked);
            let best = run(config, seed, Policy::Oracle);
            oracle = (oracle.0 + best.taken, oracle.1 + best.looked);
        }
        s.working_covered += usize::from(ours.working.covers());
        s.working_found += usize::from(ours.working.verdict == EffectVerdict::Adds);
        s.do_nothing_covered += usize::from(ours.do_nothing.covers());
        s.do_nothing_called_working += usize::from(ours.do_nothing.verdict == EffectVerdict::Adds);
    }
    s.ranking_use_rate = ranked.0 as f64 / ranked.1.max(1) as f64;
    s.random_use_rate = random.0 as f64 / random.1.max(1) as f64;
    s.oracle_use_rate = oracle.0 as f64 / oracle.1.max(1) as f64;
    s
}
