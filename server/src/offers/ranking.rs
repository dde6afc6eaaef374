//! The order of a member's offers on their card: Thompson sampling over each offer's response
//! among members like them, weighted by the member's own history. Pure: the server loads the
//! inputs (`offers::responses`), the simulation (`offers::simulation`) makes them up.
//!
//! - **The response model.** A member shown an offer takes it up (saves or uses it) or not
//!   (dismisses it, or leaves it alone). The chance that a member takes an offer up is the
//!   offer's rate among members in the same *context*, times what the member's own history
//!   says:
//!   - the **context** is the member's group in the shop's scoring (how recently and how often
//!     they come, and what they spend: the RFM groups) and their predicted value (among the most
//!     valuable, drifting away, or neither), so an offer that brings back members at risk rises
//!     for members at risk;
//!   - the **category**: one plus the share of the member's visits with a purchase in the
//!     offer's category (a member who buys pastries on 6 of 8 visits sees the pastry offer
//!     first);
//!   - the **kind**: what the member did with earlier offers of the same kind (a member who used
//!     two free items and left percentages alone sees free items first).
//! - **Thompson sampling.** The offer's rate in the context has a Beta posterior whose prior is
//!   the offer's rate among all members (worth at most [`PRIOR_WEIGHT`] members, less while the
//!   offer is new), so a context with few members leans on the whole shop. Each ranking draws
//!   one rate from every posterior and orders by draw × the member's weights. An offer that
//!   works rises; a new offer, whose posterior is wide, still draws high now and then and gets a
//!   fair chance, with no exploration rate to tune. It was chosen for that, and because it needs
//!   nothing but counts the server already keeps.
//! - **Stable for a day.** The draws are seeded by the card and the shop's day: the card's order
//!   does not change at every sync, and changes from one day to the next.
//! - **Saved offers stay first** (the member chose them), whatever the draws.
//! - **Explained.** Each ranked offer carries its reasons, the weights that moved it, for the
//!   member page.

use std::borrow::Cow;
use std::collections::HashMap;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand_distr::{Beta, Distribution};
use regulars_protocol::insights::Segment;
use regulars_protocol::offers::{OfferInput, OfferReason, ReasonCode};
use regulars_protocol::{CardId, OfferId};
use sha2::{Digest, Sha256};

/// The most members the shop-wide rate counts for in a context's prior.
pub const PRIOR_WEIGHT: f64 = 10.0;
/// An offer shown to fewer members than this is "new" in the explanation.
pub const NEW_BELOW: i64 = 20;
/// Members of a context shown the offer before the explanation compares them with the shop.
pub const PEERS_AT_LEAST: i64 = 10;
/// The share of a member's visits with a purchase in a category from which they count as buying
/// it.
pub const BUYER_SHARE: f64 = 1.0 / 3.0;

/// Members taking an offer up or not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Response {
    pub taken: i64,
    pub not_taken: i64,
}

impl Response {
    pub fn add(&mut self, taken: bool) {
        if taken {
            self.taken += 1;
        } else {
            self.not_taken += 1;
        }
    }

    pub fn shown(&self) -> i64 {
        self.taken + self.not_taken
    }

    /// The share taken up, in percent (0 when none was shown).
    pub fn percent(&self) -> i64 {
        if self.shown() == 0 {
            0
        } else {
            (self.taken as f64 * 100.0 / self.shown() as f64).round() as i64
        }
    }
}

/// What one member did with one offer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reaction {
    pub shown: bool,
    pub saved: bool,
    pub dismissed: bool,
    pub used: bool,
}

impl Reaction {
    /// Taken up (saved or used), not taken (dismissed, or shown and left alone), or nothing to
    /// learn from (never shown).
    pub fn outcome(&self) -> Option<bool> {
        if self.saved || self.used {
            Some(true)
        } else if self.shown || self.dismissed {
            Some(false)
        } else {
            None
        }
    }
}

/// Where the shop's prediction puts a member.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Value {
    /// Among the most valuable, and likely still coming.
    Top,
    /// Valuable, and their chance of still coming fell below one half.
    Drifting,
    #[default]
    Other,
}

/// The members an offer's response is learned among.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Context {
    pub segment: Option<Segment>,
    pub value: Value,
}

/// What the shop learned about one offer: members taking it up, in all, among members who buy
/// its category and those who do not (see [`Member::buys`]), and by context within those.
#[derive(Debug, Clone, Default)]
pub struct OfferStats {
    pub all: Response,
    /// Members who do not buy its category, and members who do.
    pub by_buyer: [Response; 2],
    pub by_context: HashMap<(Context, bool), Response>,
}

impl OfferStats {
    pub fn add(&mut self, context: Context, buys: bool, taken: bool) {
        self.all.add(taken);
        self.by_buyer[usize::from(buys)].add(taken);
        self.by_context
            .entry((context, buys))
            .or_default()
            .add(taken);
    }

    /// The Beta posterior of the offer's rate for a member in `context` who buys its category
    /// or not. Three levels, each the prior of the next, worth at most [`PRIOR_WEIGHT`]
    /// members (less while there is less behind it): the rate over all members, among buyers
    /// (or non-buyers) of its category, and among those in the member's context.
    pub fn posterior(&self, context: &Context, buys: bool) -> (f64, f64) {
        let level = |(mean, weight): (f64, f64), r: Response| {
            let n = r.shown() as f64;
            (
                (weight * mean + r.taken as f64) / (weight + n),
                (weight + n).min(PRIOR_WEIGHT),
            )
        };
        let all = level((0.5, 2.0), self.all);
        let buyers = level(all, self.by_buyer[usize::from(buys)]);
        let own = self
            .by_context
            .get(&(*context, buys))
            .copied()
            .unwrap_or_default();
        let (mean, weight) = buyers;
        (
            weight * mean + own.taken as f64,
            weight * (1.0 - mean) + own.not_taken as f64,
        )
    }
}

/// A member as the ranking sees them.
#[derive(Debug, Clone, Default)]
pub struct Member<'a> {
    pub context: Context,
    /// Visits with a purchase.
    pub visits: i64,
    /// Visits with a purchase in each category (borrowed from the member's history when a
    /// whole shop is ranked).
    pub purchases: Cow<'a, HashMap<String, i64>>,
    /// What they did with earlier offers, by kind of gift.
    pub kinds: HashMap<&'static str, Response>,
}

impl Member<'_> {
    /// The share of the member's visits with a purchase in the offer's category (0 when it has
    /// none, or the member has no visits), and the purchases behind it.
    pub fn affinity(&self, offer: &OfferInput) -> (f64, i64) {
        affinity(self.visits, &self.purchases, offer)
    }

    /// Whether the member buys the offer's category (see [`buys`]).
    pub fn buys(&self, offer: &OfferInput) -> bool {
        buys(self.visits, &self.purchases, offer)
    }

    /// Two times the member's own rate with this kind of gift, from a uniform prior: 1 with no
    /// history, up to 2 for a member who takes every one, down toward 0 for one who takes none.
    pub fn kind_weight(&self, offer: &OfferInput) -> f64 {
        let r = self
            .kinds
            .get(offer.gift.kind())
            .copied()
            .unwrap_or_default();
        2.0 * (1.0 + r.taken as f64) / (2.0 + r.shown() as f64)
    }
}

/// The share of `visits` with a purchase in the offer's category, and those purchases (0 when
/// it has none, or there are no visits).
pub fn affinity(visits: i64, purchases: &HashMap<String, i64>, offer: &OfferInput) -> (f64, i64) {
    match offer.category() {
        Some(category) if visits > 0 => {
            let n = purchases.get(category).copied().unwrap_or(0);
            ((n as f64 / visits as f64).min(1.0), n)
        }
        _ => (0.0, 0),
    }
}

/// Whether a member buys the offer's category: on at least [`BUYER_SHARE`] of their visits,
/// twice or more.
pub fn buys(visits: i64, purchases: &HashMap<String, i64>, offer: &OfferInput) -> bool {
    let (share, n) = affinity(visits, purchases, offer);
    n >= 2 && share >= BUYER_SHARE
}

/// An offer the member could be shown.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub id: OfferId,
    pub input: &'a OfferInput,
    pub stats: &'a OfferStats,
    pub saved: bool,
}

/// An offer in its place, with its score and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub id: OfferId,
    pub score: f64,
    pub saved: bool,
    pub reasons: Vec<OfferReason>,
}

/// The seed of a card's draws on a shop day.
pub fn seed(card_id: CardId, day: &str) -> u64 {
    let digest = Sha256::new()
        .chain_update(b"regulars offer ranking v1")
        .chain_update(card_id.0.as_bytes())
        .chain_update(day.as_bytes())
        .finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// The member's offers best first: saved ones, then by score (a draw from the offer's posterior
/// in the member's context, times one plus the category affinity, times the kind weight); ties
/// by id. Draws are made in the order given, so callers pass candidates in a fixed order.
pub fn rank(candidates: &[Candidate], member: &Member, seed: u64) -> Vec<Ranked> {
    order(candidates, member, seed)
        .into_iter()
        .map(|(i, score)| {
            let c = &candidates[i];
            Ranked {
                id: c.id,
                score,
                saved: c.saved,
                reasons: reasons(c, member),
            }
        })
        .collect()
}

/// [`rank`] without the reasons (a card shows none; the whole shop's ranking only counts
/// places): each candidate's index in `candidates` and its score, best first.
pub fn order(candidates: &[Candidate], member: &Member, seed: u64) -> Vec<(usize, f64)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut scored: Vec<(usize, f64)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (a, b) = c.stats.posterior(&member.context, member.buys(c.input));
            let draw = Beta::new(a, b)
                .map(|beta| beta.sample(&mut rng))
                .unwrap_or(a / (a + b));
            let (affinity, _) = member.affinity(c.input);
            (i, draw * (1.0 + affinity) * member.kind_weight(c.input))
        })
        .collect();
    scored.sort_by(|(i, x), (j, y)| {
        let (a, b) = (&candidates[*i], &candidates[*j]);
        b.saved
            .cmp(&a.saved)
            .then(y.total_cmp(x))
            .then(a.id.cmp(&b.id))
    });
    scored
}

/// Why an offer stands where it does for the member, the strongest reasons first.
pub fn reasons(c: &Candidate, member: &Member) -> Vec<OfferReason> {
    let reason = |code, name: Option<String>, count, of| OfferReason {
        code,
        name,
        count,
        of,
    };
    let mut out = vec![];
    if c.saved {
        out.push(reason(ReasonCode::Saved, None, 0, 0));
    }
    let (_, purchases) = member.affinity(c.input);
    if purchases > 0 {
        let category = c.input.category().map(str::to_owned);
        out.push(reason(ReasonCode::Buys, category, purchases, member.visits));
    }
    let kind = c.input.gift.kind();
    if let Some(r) = member.kinds.get(kind).filter(|r| r.shown() > 0) {
        let code = if r.taken > 0 {
            ReasonCode::TookKind
        } else {
            ReasonCode::SkippedKind
        };
        out.push(reason(code, Some(kind.to_owned()), r.taken, r.shown()));
    }
    let buys = member.buys(c.input);
    let buyers = c.stats.by_buyer[usize::from(buys)];
    let peers = c
        .stats
        .by_context
        .get(&(member.context, buys))
        .copied()
        .unwrap_or_default();
    let all = c.stats.all;
    if all.shown() < NEW_BELOW {
        out.push(reason(ReasonCode::New, None, all.shown(), 0));
    } else if buys && buyers.shown() >= PEERS_AT_LEAST {
        let category = c.input.category().map(str::to_owned);
        out.push(reason(
            ReasonCode::Buyers,
            category,
            buyers.percent(),
            all.percent(),
        ));
    } else if peers.shown() >= PEERS_AT_LEAST && member.context.segment.is_some() {
        let segment = member.context.segment.map(|s| s.as_str().to_owned());
        out.push(reason(
            ReasonCode::Peers,
            segment,
            peers.percent(),
            all.percent(),
        ));
    } else {
        out.push(reason(ReasonCode::TakenUp, None, all.taken, all.shown()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regulars_protocol::offers::{Audience, Gift};
    use time::macros::datetime;
    use uuid::Uuid;

    fn offer(category: Option<&str>, gift: Gift) -> OfferInput {
        OfferInput {
            title: "An offer".into(),
            text: String::new(),
            gift,
            starts_at: datetime!(2026-12-01 00:00 UTC),
            ends_at: datetime!(2026-12-31 00:00 UTC),
            weekdays: vec![],
            hours: None,
            audience: Audience {
                everyone: category.is_none(),
                category: category.map(str::to_owned),
                ..Audience::default()
            },
            holdout_percent: 10,
            uses_per_member: 1,
        }
    }

    fn percent_off() -> Gift {
        Gift::PercentOff { percent: 10 }
    }

    /// An offer's responses, in the default context: each member alternately a buyer of its
    /// category and not, so both groups take it up at the same rate.
    fn stats(taken: i64, not_taken: i64) -> OfferStats {
        let mut stats = OfferStats::default();
        for i in 0..taken {
            stats.add(Context::default(), i % 2 == 0, true);
        }
        for i in 0..not_taken {
            stats.add(Context::default(), i % 2 == 0, false);
        }
        stats
    }

    fn id(n: u128) -> OfferId {
        OfferId(Uuid::from_u128(n))
    }

    /// How often each offer comes first over `runs` seeds.
    fn firsts(candidates: &[Candidate], member: &Member, runs: u64) -> HashMap<OfferId, u64> {
        let mut wins = HashMap::new();
        for s in 0..runs {
            *wins.entry(rank(candidates, member, s)[0].id).or_insert(0) += 1;
        }
        wins
    }

    #[test]
    fn the_offer_matching_the_members_categories_comes_first_most_days() {
        let pastry = offer(Some("pastries"), percent_off());
        let coffee = offer(Some("coffee"), percent_off());
        let same = stats(20, 80);
        let candidates = [
            Candidate {
                id: id(1),
                input: &pastry,
                stats: &same,
                saved: false,
            },
            Candidate {
                id: id(2),
                input: &coffee,
                stats: &same,
                saved: false,
            },
        ];
        let member = Member {
            visits: 8,
            purchases: Cow::Owned(HashMap::from([
                ("pastries".to_string(), 6),
                ("coffee".to_string(), 1),
            ])),
            ..Member::default()
        };
        let wins = firsts(&candidates, &member, 1_000);
        assert!(wins[&id(1)] > 800, "{wins:?}");
        // And the member page says why.
        let first = &rank(&candidates, &member, 7)[0];
        assert_eq!(first.reasons[0].code, ReasonCode::Buys);
        assert_eq!(
            (
                first.reasons[0].name.as_deref(),
                first.reasons[0].count,
                first.reasons[0].of
            ),
            (Some("pastries"), 6, 8)
        );
        // With no history, neither is preferred.
        let wins = firsts(&candidates, &Member::default(), 1_000);
        assert!((350..650).contains(&wins[&id(1)]), "{wins:?}");
    }

    #[test]
    fn a_new_offer_still_gets_a_chance_and_a_poor_one_sinks() {
        let input = offer(None, percent_off());
        let (proven, new, poor) = (stats(30, 70), stats(0, 0), stats(1, 99));
        let candidates = [
            Candidate {
                id: id(1),
                input: &input,
                stats: &proven,
                saved: false,
            },
            Candidate {
                id: id(2),
                input: &input,
                stats: &new,
                saved: false,
            },
            Candidate {
                id: id(3),
                input: &input,
                stats: &poor,
                saved: false,
            },
        ];
        let wins = firsts(&candidates, &Member::default(), 2_000);
        let n = |i| wins.get(&id(i)).copied().unwrap_or(0);
        assert!(n(2) > 200, "the new offer explores: {wins:?}");
        assert!(n(1) > 200, "the proven offer holds its place: {wins:?}");
        assert!(n(3) < 20, "{wins:?}");
        let ranked = rank(&candidates, &Member::default(), 1);
        let new_one = ranked.iter().find(|r| r.id == id(2)).unwrap();
        assert_eq!(new_one.reasons[0].code, ReasonCode::New);
    }

    #[test]
    fn what_members_like_them_did_moves_the_offer_for_them() {
        let input = offer(None, percent_off());
        let at_risk = Context {
            segment: Some(Segment::AtRisk),
            value: Value::Drifting,
        };
        let loyal = Context {
            segment: Some(Segment::Loyal),
            value: Value::Top,
        };
        // The comeback offer works for members at risk and not for the loyal; the treat the
        // other way round. Both are as good over the whole shop.
        let mut comeback = OfferStats::default();
        let mut treat = OfferStats::default();
        for i in 0..200 {
            comeback.add(at_risk, false, i % 10 < 4);
            comeback.add(loyal, false, i % 10 < 1);
            treat.add(at_risk, false, i % 10 < 1);
            treat.add(loyal, false, i % 10 < 4);
        }
        let candidates = [
            Candidate {
                id: id(1),
                input: &input,
                stats: &comeback,
                saved: false,
            },
            Candidate {
                id: id(2),
                input: &input,
                stats: &treat,
                saved: false,
            },
        ];
        let member = |context| Member {
            context,
            ..Member::default()
        };
        assert!(firsts(&candidates, &member(at_risk), 500)[&id(1)] > 490);
        assert!(firsts(&candidates, &member(loyal), 500)[&id(2)] > 490);
        let why = rank(&candidates, &member(at_risk), 3);
        assert_eq!(why[0].reasons[0].code, ReasonCode::Peers);
        assert_eq!((why[0].reasons[0].count, why[0].reasons[0].of), (40, 25));
        // A context the offer has not met leans on the whole shop: neither comes first always.
        let wins = firsts(&candidates, &member(Context::default()), 1_000);
        assert!((200..800).contains(&wins[&id(1)]), "{wins:?}");
    }

    #[test]
    fn the_members_own_response_to_a_kind_counts_and_saved_offers_stay_first() {
        let free = offer(
            None,
            Gift::FreeItem {
                item: "A coffee".into(),
            },
        );
        let percent = offer(None, percent_off());
        let same = stats(20, 80);
        let mut candidates = vec![
            Candidate {
                id: id(1),
                input: &free,
                stats: &same,
                saved: false,
            },
            Candidate {
                id: id(2),
                input: &percent,
                stats: &same,
                saved: false,
            },
        ];
        let member = Member {
            kinds: HashMap::from([
                (
                    "free_item",
                    Response {
                        taken: 3,
                        not_taken: 0,
                    },
                ),
                (
                    "percent_off",
                    Response {
                        taken: 0,
                        not_taken: 4,
                    },
                ),
            ]),
            ..Member::default()
        };
        assert!(firsts(&candidates, &member, 1_000)[&id(1)] > 900);
        let ranked = rank(&candidates, &member, 5);
        let skipped = ranked.iter().find(|r| r.id == id(2)).unwrap();
        assert_eq!(skipped.reasons[0].code, ReasonCode::SkippedKind);
        candidates[1].saved = true;
        for s in 0..100 {
            assert_eq!(rank(&candidates, &member, s)[0].id, id(2));
        }
    }

    #[test]
    fn a_cards_order_holds_for_a_day_and_changes_with_it() {
        let card = CardId(Uuid::from_u128(42));
        assert_eq!(seed(card, "2026-12-07"), seed(card, "2026-12-07"));
        assert_ne!(seed(card, "2026-12-07"), seed(card, "2026-12-08"));
        let r = Reaction {
            shown: true,
            ..Reaction::default()
        };
        assert_eq!(r.outcome(), Some(false));
        assert_eq!(Reaction::default().outcome(), None);
        let used = Reaction {
            used: true,
            ..Reaction::default()
        };
        assert_eq!(used.outcome(), Some(true));
    }
}
