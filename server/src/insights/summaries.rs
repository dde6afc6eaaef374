//! Keeping the summaries: what one stored event changes (called by the ledger inside the push
//! transaction), and the rebuild from the events.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use regulars_protocol::{CardId, LocationId, ShopId};

use jiff::Span;

use super::local::{ShopClock, day_text, week_start};
use super::visits::{self, Day, Earning, Redemption};
use crate::db::{self, Tx, insights::DayDelta};

/// The summary writes of one push. A card's visit day is read and written at once (the next
/// event of the batch on that card reads it); the sums (shop days and hours, categories) only
/// add, so they are gathered here and written once per row before the commit, with the
/// summary of every member the push touched. A batch of 100 stamps at one till touches a few
/// shop rows, not 300.
pub struct Recorder {
    shop_id: ShopId,
    clock: ShopClock,
    touched: BTreeSet<CardId>,
    shop_days: BTreeMap<(Option<LocationId>, String), DayDelta>,
    shop_hours: BTreeMap<(Option<LocationId>, String, u8), i64>,
    member_categories: BTreeMap<(CardId, String), (i64, i64)>,
    shop_categories: BTreeMap<(String, String), (i64, i64)>,
    /// Members gained (+) or lost (-) by a week's active count, by the week's Monday.
    shop_weeks: BTreeMap<String, i64>,
    /// Visit days as this push last read or changed them (None: the member has no row that day).
    days: HashMap<(CardId, String), Option<Day>>,
    /// The days changed and not yet written: written together before anything reads visit days
    /// the cache does not hold ([`Recorder::write_days`]).
    dirty: BTreeSet<(CardId, String)>,
    /// Off (`Settings::insight_summaries`): nothing is written but the mark that the shop's
    /// summaries are stale.
    enabled: bool,
}

impl Recorder {
    pub fn new(shop_id: ShopId, time_zone: &str) -> Self {
        Self {
            shop_id,
            clock: ShopClock::or_utc(time_zone),
            touched: BTreeSet::new(),
            shop_days: BTreeMap::new(),
            shop_hours: BTreeMap::new(),
            member_categories: BTreeMap::new(),
            shop_categories: BTreeMap::new(),
            shop_weeks: BTreeMap::new(),
            days: HashMap::new(),
            dirty: BTreeSet::new(),
            enabled: true,
        }
    }

    /// A recorder that writes no summaries (see [`Recorder::enabled`]).
    pub fn disabled(shop_id: ShopId) -> Self {
        Self {
            enabled: false,
            ..Self::new(shop_id, "UTC")
        }
    }

    /// Reads at once the visit days of these members on the shop's day of `at` (the push's
    /// now), which its events will most likely add to, instead of one read an event.
    pub async fn expect(
        &mut self,
        tx: &mut Tx,
        cards: &[CardId],
        at: time::OffsetDateTime,
    ) -> anyhow::Result<()> {
        if !self.enabled {
            return Ok(());
        }
        let day = day_text(self.clock.moment(at).day);
        let mut found = db::insights::visit_days_on(tx, cards, &day).await?;
        for card_id in cards {
            self.days
                .insert((*card_id, day.clone()), found.remove(card_id));
        }
        Ok(())
    }

    /// An earning event stored (`sign` 1) or a reversal of one that stands (`sign` -1).
    pub async fn earning(&mut self, tx: &mut Tx, e: &Earning, sign: i64) -> anyhow::Result<()> {
        if !self.enabled {
            return Ok(());
        }
        let local_day = self.clock.moment(e.at).day;
        let day = day_text(local_day);
        let key = (e.card_id, day.clone());
        let before = match self.days.get(&key) {
            Some(known) => known.clone(),
            None => db::insights::visit_day(tx, e.card_id, &day).await?,
        };
        let after = visits::apply(before.clone(), e, &self.clock, sign);
        self.days.insert(key.clone(), Some(after.clone()));
        self.dirty.insert(key);
        let was_visit = before.as_ref().is_some_and(Day::is_visit);
        if let Some(old) = before.filter(Day::is_visit) {
            self.add_visit(&day, &old, -1);
        }
        if after.is_visit() {
            self.add_visit(&day, &after, 1);
        }
        if was_visit != after.is_visit() {
            // The member counts in the week's active members while any day of it is a visit.
            let monday = week_start(local_day);
            let sunday = monday.checked_add(Span::new().days(6)).unwrap_or(monday);
            let (monday, sunday) = (day_text(monday), day_text(sunday));
            // The database answers for the week's other days once none of them waits here.
            if self.dirty.iter().any(|(card, d)| {
                *card == e.card_id
                    && *d != day
                    && (monday.as_str()..=sunday.as_str()).contains(&d.as_str())
            }) {
                self.write_days(tx).await?;
            }
            if !db::insights::other_visit_in_week(tx, e.card_id, &monday, &sunday, &day).await? {
                *self.shop_weeks.entry(monday).or_default() += if was_visit { -1 } else { 1 };
            }
        }
        if let Some(category) = &e.category {
            let amount = sign * e.amount_minor.unwrap_or(0);
            let m = self
                .member_categories
                .entry((e.card_id, category.clone()))
                .or_default();
            m.0 += sign;
            m.1 += amount;
            let s = self
                .shop_categories
                .entry((day.clone(), category.clone()))
                .or_default();
            s.0 += sign;
            s.1 += amount;
        }
        self.touched.insert(e.card_id);
        Ok(())
    }

    /// Writes the visit days changed since the last write, in one statement per 1,000.
    async fn write_days(&mut self, tx: &mut Tx) -> anyhow::Result<()> {
        let dirty = std::mem::take(&mut self.dirty);
        let rows: Vec<(CardId, &str, &Day)> = dirty
            .iter()
            .filter_map(|(card, day)| {
                let row = self.days.get(&(*card, day.clone()))?.as_ref()?;
                Some((*card, day.as_str(), row))
            })
            .collect();
        db::insights::put_visit_days(tx, self.shop_id, &rows).await?;
        Ok(())
    }

    /// A redemption stored (`sign` 1) or a reversal of one that stands (`sign` -1).
    pub fn redemption(&mut self, r: &Redemption, sign: i64) {
        if !self.enabled {
            return;
        }
        let day = day_text(self.clock.moment(r.at).day);
        let d = self.shop_days.entry((r.location_id, day)).or_default();
        d.redemptions += sign;
        d.redeemed_value += sign * r.value_minor.unwrap_or(0);
    }

    fn add_visit(&mut self, day: &str, v: &Day, sign: i64) {
        let d = self
            .shop_days
            .entry((v.location_id, day.to_owned()))
            .or_default();
        d.visits += sign;
        // Visits that recorded an amount (not purchases: two coffees are one visit).
        d.amounts += sign * i64::from(v.amounts > 0);
        d.amount_minor += sign * v.amount_minor;
        if v.moment.hour == visits::NO_HOUR {
            return;
        }
        *self
            .shop_hours
            .entry((v.location_id, day.to_owned(), v.moment.hour))
            .or_default() += sign;
    }

    /// Writes the gathered sums (a row whose changes cancel out is not touched) and refreshes
    /// the summary of every member this push touched. Called once, before the commit.
    pub async fn finish(&mut self, tx: &mut Tx) -> anyhow::Result<()> {
        if !self.enabled {
            db::insights::set_summaries_version(tx, self.shop_id, 0).await?;
            return Ok(());
        }
        self.write_days(tx).await?;
        let shop_id = self.shop_id;
        for ((location, day), delta) in std::mem::take(&mut self.shop_days) {
            if delta != DayDelta::default() {
                db::insights::add_shop_day(tx, shop_id, location, &day, delta).await?;
            }
        }
        for ((location, day, hour), visits) in std::mem::take(&mut self.shop_hours) {
            if visits != 0 {
                db::insights::add_shop_hour(tx, shop_id, location, &day, hour, visits).await?;
            }
        }
        let member_categories: Vec<(CardId, String, i64, i64)> =
            std::mem::take(&mut self.member_categories)
                .into_iter()
                .filter(|(_, sums)| *sums != (0, 0))
                .map(|((card_id, category), (purchases, amount))| {
                    (card_id, category, purchases, amount)
                })
                .collect();
        db::insights::add_member_categories(tx, shop_id, &member_categories).await?;
        for ((day, category), (purchases, amount)) in std::mem::take(&mut self.shop_categories) {
            if (purchases, amount) != (0, 0) {
                db::insights::add_shop_category(tx, shop_id, &day, &category, purchases, amount)
                    .await?;
            }
        }
        for (week, active) in std::mem::take(&mut self.shop_weeks) {
            if active != 0 {
                db::insights::add_shop_week(tx, shop_id, &week, active).await?;
            }
        }
        let touched: Vec<CardId> = std::mem::take(&mut self.touched).into_iter().collect();
        db::insights::refresh_members(tx, shop_id, &touched).await?;
        Ok(())
    }
}

/// What a rebuild found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RebuildReport {
    pub rows: usize,
    /// Rows that were missing, extra or different before the rebuild.
    pub differences: usize,
    pub examples: Vec<String>,
}

/// Makes one shop's summaries again from its events, inside `tx` (which holds the shop lock),
/// and says how they differed from what was stored.
pub async fn rebuild(
    tx: &mut Tx,
    shop_id: ShopId,
    time_zone: &str,
) -> anyhow::Result<RebuildReport> {
    let before = db::insights::snapshot(tx, shop_id).await?;
    let clock = ShopClock::or_utc(time_zone);
    let facts = db::insights::facts(tx, shop_id).await?;
    let rebuilt = visits::rebuild(&facts, &clock);
    db::insights::clear(tx, shop_id).await?;
    // Every row is written once: shop days, hours and member summaries are summed here first.
    let mut shop_days: HashMap<(Option<LocationId>, &str), DayDelta> = HashMap::new();
    let mut shop_hours: HashMap<(Option<LocationId>, &str, u8), i64> = HashMap::new();
    let mut members: HashMap<CardId, Vec<(&str, i64, i64)>> = HashMap::new();
    let mut member_weeks: BTreeSet<(String, CardId)> = BTreeSet::new();
    for ((card_id, day), row) in &rebuilt.days {
        db::insights::put_visit_day(tx, shop_id, *card_id, day, row).await?;
        let days = members.entry(*card_id).or_default();
        if row.is_visit() {
            days.push((day.as_str(), row.amount_minor, row.amounts));
            member_weeks.insert((day_text(week_start(row.moment.day)), *card_id));
            let d = shop_days
                .entry((row.location_id, day.as_str()))
                .or_default();
            d.visits += 1;
            d.amounts += i64::from(row.amounts > 0);
            d.amount_minor += row.amount_minor;
            if row.moment.hour == visits::NO_HOUR {
                continue;
            }
            *shop_hours
                .entry((row.location_id, day.as_str(), row.moment.hour))
                .or_default() += 1;
        }
    }
    for ((location, day), (count, value)) in &rebuilt.redemptions {
        let d = shop_days.entry((*location, day.as_str())).or_default();
        d.redemptions += count;
        d.redeemed_value += value;
    }
    for ((location, day), delta) in &shop_days {
        db::insights::add_shop_day(tx, shop_id, *location, day, *delta).await?;
    }
    for ((location, day, hour), visits) in &shop_hours {
        db::insights::add_shop_hour(tx, shop_id, *location, day, *hour, *visits).await?;
    }
    let mut shop_weeks: BTreeMap<&str, i64> = BTreeMap::new();
    for (week, _) in &member_weeks {
        *shop_weeks.entry(week.as_str()).or_default() += 1;
    }
    for (week, active) in shop_weeks {
        db::insights::add_shop_week(tx, shop_id, week, active).await?;
    }
    let member_categories: Vec<(CardId, String, i64, i64)> = rebuilt
        .categories
        .iter()
        .map(|((card_id, category), tally)| {
            (
                *card_id,
                category.clone(),
                tally.purchases,
                tally.amount_minor,
            )
        })
        .collect();
    db::insights::add_member_categories(tx, shop_id, &member_categories).await?;
    for ((day, category), tally) in &rebuilt.shop_categories {
        db::insights::add_shop_category(
            tx,
            shop_id,
            day,
            category,
            tally.purchases,
            tally.amount_minor,
        )
        .await?;
    }
    for (card_id, days) in members {
        let totals = visits::member_totals(days);
        db::insights::put_member(tx, shop_id, card_id, &totals).await?;
    }
    db::insights::set_summaries_version(tx, shop_id, super::SUMMARIES_VERSION).await?;
    let after = db::insights::snapshot(tx, shop_id).await?;
    let before_set: BTreeSet<&String> = before.iter().collect();
    let after_set: BTreeSet<&String> = after.iter().collect();
    let differing: Vec<String> = before_set
        .symmetric_difference(&after_set)
        .map(|row| {
            if after_set.contains(row) {
                format!("missing: {row}")
            } else {
                format!("wrong:   {row}")
            }
        })
        .collect();
    Ok(RebuildReport {
        rows: after.len(),
        differences: differing.len(),
        examples: differing.into_iter().take(10).collect(),
    })
}
