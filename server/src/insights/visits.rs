//! The visit rule, written once for the push (one event at a time) and for the rebuild (every
//! event of a shop at once).
//!
//! A **visit** is a shop-local day on which a card had at least one earning event (stamps given,
//! points earned) that was not reversed or compensated. Its **purchase amount** is the sum of
//! that day's amounts. Its hour and weekday (and location) are those of the day's first earning
//! event the server did not balance at once, reversed or not: the shopper was in the shop then.
//!
//! A purchase imported with a date alone (no time of day) makes a visit of that day at no hour,
//! [`NO_HOUR`]: the hour x weekday figures leave it out, unless the day also has a purchase with
//! a time (the day's hour is then the first such purchase's).
//!
//! A card's day is kept as a [`Day`] even when every earning event of it has been reversed (it
//! then counts as no visit), so the push and the rebuild, which see the events in different
//! orders, arrive at the same rows.

use std::collections::HashMap;

use regulars_protocol::{CardId, EventId, LocationId};
use time::OffsetDateTime;

use super::local::{Moment, ShopClock};

/// The hour of a visit whose time of day is unknown (an imported purchase with a date alone).
pub const NO_HOUR: u8 = 24;

/// An earning event as the summaries see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earning {
    pub card_id: CardId,
    pub at: OffsetDateTime,
    pub location_id: Option<LocationId>,
    pub amount_minor: Option<i64>,
    pub category: Option<String>,
    /// Imported with a date alone: its time (noon) stands for the day, not an hour.
    pub date_only: bool,
}

/// One card's shop-local day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// The day's first earning event the server did not balance at once.
    pub first_at: OffsetDateTime,
    pub moment: Moment,
    pub location_id: Option<LocationId>,
    /// Earning events of the day that stand (neither reversed nor compensated).
    pub earnings: i64,
    pub amount_minor: i64,
    /// Standing earning events that recorded an amount.
    pub amounts: i64,
}

impl Day {
    pub fn is_visit(&self) -> bool {
        self.earnings > 0
    }
}

/// `+1` when an earning event is stored (and not balanced by the server), `-1` when a reversal
/// of it is stored (and stands).
pub fn apply(day: Option<Day>, earning: &Earning, clock: &ShopClock, sign: i64) -> Day {
    let mut moment = clock.moment(earning.at);
    if earning.date_only {
        moment.hour = NO_HOUR;
    }
    let amount = earning.amount_minor.unwrap_or(0);
    let amounts = i64::from(earning.amount_minor.is_some());
    match day {
        None => Day {
            first_at: earning.at,
            moment,
            location_id: earning.location_id,
            earnings: sign,
            amount_minor: sign * amount,
            amounts: sign * amounts,
        },
        Some(mut day) => {
            // The first earning with a time of day, else the first of the day.
            let before =
                (earning.date_only, earning.at) < (day.moment.hour == NO_HOUR, day.first_at);
            if sign > 0 && before {
                day.first_at = earning.at;
                day.moment = moment;
                day.location_id = earning.location_id;
            }
            day.earnings += sign;
            day.amount_minor = day.amount_minor.saturating_add(sign * amount);
            day.amounts += sign * amounts;
            day
        }
    }
}

/// A member's summary from their visit days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberTotals {
    pub first_day: Option<String>,
    /// Days from the first visit to the second.
    pub second_gap_days: Option<i32>,
    pub last_day: Option<String>,
    pub visits: i64,
    pub amount_minor: i64,
    /// Visits that recorded an amount.
    pub amounts: i64,
}

/// Sums a member's days (`(day, amount, amounts)`, any order) that are visits.
pub fn member_totals<'a>(days: impl IntoIterator<Item = (&'a str, i64, i64)>) -> MemberTotals {
    let mut visits: Vec<(&str, i64, i64)> = days.into_iter().collect();
    visits.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let gap = match (visits.first(), visits.get(1)) {
        (Some(a), Some(b)) => match (super::local::parse_day(a.0), super::local::parse_day(b.0)) {
            (Some(a), Some(b)) => Some((b - a).get_days()),
            _ => None,
        },
        _ => None,
    };
    MemberTotals {
        first_day: visits.first().map(|v| v.0.to_owned()),
        second_gap_days: gap,
        last_day: visits.last().map(|v| v.0.to_owned()),
        visits: visits.len() as i64,
        amount_minor: visits.iter().map(|v| v.1).sum(),
        amounts: visits.iter().filter(|v| v.2 > 0).count() as i64,
    }
}

/// What one card buys in one category.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryTally {
    pub purchases: i64,
    pub amount_minor: i64,
}

/// A redemption as the summaries see it (the shop's day, and what the reward is worth).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redemption {
    pub at: OffsetDateTime,
    pub location_id: Option<LocationId>,
    pub value_minor: Option<i64>,
}

/// An event of the ledger, reduced to what the rebuild needs.
#[derive(Debug, Clone)]
pub enum Fact {
    Earning(EventId, Earning),
    Redemption(EventId, Redemption),
    /// A reversal that stands (not itself compensated) of the event it names.
    Reversal(EventId),
    /// The server balanced the event it names as it stored it.
    Compensation(EventId),
}

/// Every summary row of one shop, as the rebuild computes it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rebuilt {
    pub days: HashMap<(CardId, String), Day>,
    pub categories: HashMap<(CardId, String), CategoryTally>,
    /// Per local day and category, over the whole shop.
    pub shop_categories: HashMap<(String, String), CategoryTally>,
    /// Redemptions that stand, by (location, local day): count and value.
    pub redemptions: HashMap<(Option<LocationId>, String), (i64, i64)>,
}

/// Folds a shop's events into its summaries by the rule above.
pub fn rebuild(facts: &[Fact], clock: &ShopClock) -> Rebuilt {
    let compensated: std::collections::HashSet<EventId> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Compensation(id) => Some(*id),
            _ => None,
        })
        .collect();
    let reversed: std::collections::HashSet<EventId> = facts
        .iter()
        .filter_map(|f| match f {
            Fact::Reversal(id) => Some(*id),
            _ => None,
        })
        .collect();
    let mut out = Rebuilt::default();
    for fact in facts {
        match fact {
            Fact::Earning(id, earning) if !compensated.contains(id) => {
                let key = (
                    earning.card_id,
                    super::local::day_text(clock.moment(earning.at).day),
                );
                let day = out.days.remove(&key);
                let mut day = apply(day, earning, clock, 1);
                if reversed.contains(id) {
                    day = apply(Some(day), earning, clock, -1);
                } else if let Some(category) = &earning.category {
                    let amount = earning.amount_minor.unwrap_or(0);
                    let tally = out
                        .categories
                        .entry((earning.card_id, category.clone()))
                        .or_default();
                    tally.purchases += 1;
                    tally.amount_minor += amount;
                    let tally = out
                        .shop_categories
                        .entry((key.1.clone(), category.clone()))
                        .or_default();
                    tally.purchases += 1;
                    tally.amount_minor += amount;
                }
                out.days.insert(key, day);
            }
            Fact::Redemption(id, r) if !compensated.contains(id) && !reversed.contains(id) => {
                let key = (
                    r.location_id,
                    super::local::day_text(clock.moment(r.at).day),
                );
                let entry = out.redemptions.entry(key).or_default();
                entry.0 += 1;
                entry.1 += r.value_minor.unwrap_or(0);
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    fn earning(card: u128, at: OffsetDateTime, amount: Option<i64>) -> Earning {
        Earning {
            card_id: CardId(uuid::Uuid::from_u128(card)),
            at,
            location_id: None,
            amount_minor: amount,
            category: Some("coffee".into()),
            date_only: false,
        }
    }

    fn id(n: u128) -> EventId {
        EventId(uuid::Uuid::from_u128(n))
    }

    fn visits(rebuilt: &Rebuilt) -> usize {
        rebuilt.days.values().filter(|d| d.is_visit()).count()
    }

    #[test]
    fn a_purchase_with_a_date_alone_gives_its_day_no_hour_unless_one_with_a_time_shares_it() {
        let clock = ShopClock::new("Europe/London").unwrap();
        let imported = Earning {
            date_only: true,
            ..earning(1, datetime!(2026-07-01 11:00 UTC), Some(300))
        };
        let timed = earning(1, datetime!(2026-07-01 15:10 UTC), Some(200));
        let alone = apply(None, &imported, &clock, 1);
        assert_eq!(alone.moment.hour, NO_HOUR);
        assert!(alone.is_visit());
        // Either order: the day's hour is the purchase with a time (16:10 in London), though
        // the imported one is earlier.
        let a = apply(Some(alone), &timed, &clock, 1);
        let b = apply(Some(apply(None, &timed, &clock, 1)), &imported, &clock, 1);
        assert_eq!(a, b);
        assert_eq!((a.moment.hour, a.earnings, a.amount_minor), (16, 2, 500));
    }

    #[test]
    fn two_purchases_on_one_local_day_are_one_visit_with_both_amounts() {
        let clock = ShopClock::new("Europe/London").unwrap();
        let facts = [
            Fact::Earning(
                id(1),
                earning(1, datetime!(2026-07-01 07:30 UTC), Some(350)),
            ),
            Fact::Earning(
                id(2),
                earning(1, datetime!(2026-07-01 16:00 UTC), Some(1200)),
            ),
            // 23:30 UTC is 00:30 the next day in London (summer time): another visit.
            Fact::Earning(id(3), earning(1, datetime!(2026-07-01 23:30 UTC), None)),
        ];
        let rebuilt = rebuild(&facts, &clock);
        assert_eq!(visits(&rebuilt), 2);
        let first = &rebuilt.days[&(CardId(uuid::Uuid::from_u128(1)), "2026-07-01".into())];
        assert_eq!(
            (first.earnings, first.amount_minor, first.amounts),
            (2, 1550, 2)
        );
        assert_eq!((first.moment.hour, first.moment.weekday), (8, 2));
        assert!(
            rebuilt
                .days
                .contains_key(&(CardId(uuid::Uuid::from_u128(1)), "2026-07-02".into()))
        );
    }

    #[test]
    fn a_reversed_or_compensated_earning_is_no_visit_and_the_day_keeps_its_hour() {
        let clock = ShopClock::new("UTC").unwrap();
        let facts = [
            Fact::Earning(
                id(1),
                earning(1, datetime!(2026-07-01 09:00 UTC), Some(500)),
            ),
            Fact::Earning(
                id(2),
                earning(1, datetime!(2026-07-01 11:00 UTC), Some(700)),
            ),
            Fact::Reversal(id(1)),
            Fact::Earning(
                id(3),
                earning(2, datetime!(2026-07-01 10:00 UTC), Some(900)),
            ),
            Fact::Compensation(id(3)),
        ];
        let rebuilt = rebuild(&facts, &clock);
        assert_eq!(visits(&rebuilt), 1);
        let day = &rebuilt.days[&(CardId(uuid::Uuid::from_u128(1)), "2026-07-01".into())];
        assert_eq!(
            (day.earnings, day.amount_minor, day.moment.hour),
            (1, 700, 9)
        );
        assert!(
            !rebuilt
                .days
                .contains_key(&(CardId(uuid::Uuid::from_u128(2)), "2026-07-01".into()))
        );
        // Only the standing purchase counts in the categories.
        assert_eq!(rebuilt.categories.len(), 1);
    }

    proptest! {
        /// The push applies events one by one in arrival order (and a reversal after its
        /// event); the rebuild sees them all at once: both make the same days.
        #[test]
        fn the_push_and_the_rebuild_agree_whatever_the_order(
            events in proptest::collection::vec((0u128..3, 0i64..72, proptest::option::of(0i64..2000), any::<bool>()), 1..40),
            order in any::<u64>(),
        ) {
            let clock = ShopClock::new("Europe/Paris").unwrap();
            let base = datetime!(2026-03-28 12:00 UTC);
            let earnings: Vec<Earning> = events.iter()
                .map(|(card, hours, amount, _)| earning(*card, base + time::Duration::hours(*hours), *amount))
                .collect();
            let mut facts: Vec<Fact> = earnings.iter().enumerate()
                .map(|(i, e)| Fact::Earning(id(i as u128), e.clone())).collect();
            facts.extend(events.iter().enumerate().filter(|(_, e)| e.3).map(|(i, _)| Fact::Reversal(id(i as u128))));
            let expected = rebuild(&facts, &clock);

            // Arrival order: a rotation of the events, each reversal right after its event.
            let n = earnings.len();
            let start = (order as usize) % n;
            let mut days: HashMap<(CardId, String), Day> = HashMap::new();
            for k in 0..n {
                let i = (start + k) % n;
                let e = &earnings[i];
                let key = (e.card_id, super::super::local::day_text(clock.moment(e.at).day));
                let day = apply(days.remove(&key), e, &clock, 1);
                let day = if events[i].3 { apply(Some(day), e, &clock, -1) } else { day };
                days.insert(key, day);
            }
            prop_assert_eq!(days, expected.days);
        }
    }
}
