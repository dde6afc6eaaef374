//! An offer's effect, measured against its holdout: over the offer's window so far, visits and
//! spend per member of those who could see it (held out or not decided by the hash, before
//! anyone saw anything) against those held out, as intention to treat: a member counts whether
//! or not they opened it. The difference of means gets Welch's t interval (unequal variances,
//! Welch-Satterthwaite degrees of freedom, the t quantile from `statrs`), and a plain verdict.
//!
//! The interval is checked against scipy's `ttest_ind(equal_var=False).confidence_interval()`
//! on fixed data (`server/tests/data/effect/`, with the script that computed it).

use std::collections::HashMap;

use regulars_protocol::offers::{Difference, EffectVerdict, OfferEffect};
use regulars_protocol::{CardId, OfferId, ShopId};
use statrs::distribution::{ContinuousCDF, StudentsT};
use time::OffsetDateTime;

use crate::db::{self, Db, offers::OfferRow};
use crate::insights::local::{ShopClock, day_text};

/// The interval's level.
pub const LEVEL: f64 = 0.95;
/// Power the "more members needed" figure plans for.
pub const POWER: f64 = 0.8;
/// A share of dismissals at or above which an offer that adds nothing is said to annoy.
pub const ANNOYS_PERCENT: i64 = 40;

/// A group's size, mean and sample variance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub n: f64,
    pub mean: f64,
    pub variance: f64,
}

impl Sample {
    pub fn of(values: &[f64]) -> Self {
        let n = values.len() as f64;
        let mean = if n > 0.0 {
            values.iter().sum::<f64>() / n
        } else {
            0.0
        };
        let variance = if n > 1.0 {
            values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)
        } else {
            0.0
        };
        Sample { n, mean, variance }
    }
}

/// A difference of means with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
    pub standard_error: f64,
    pub degrees_of_freedom: f64,
}

/// Welch's interval for `treated.mean - control.mean` at [`LEVEL`]; `None` with fewer than two
/// members on a side.
pub fn welch(treated: &Sample, control: &Sample) -> Option<Interval> {
    if treated.n < 2.0 || control.n < 2.0 {
        return None;
    }
    let (a, b) = (treated.variance / treated.n, control.variance / control.n);
    let estimate = treated.mean - control.mean;
    let standard_error = (a + b).sqrt();
    if standard_error == 0.0 {
        // Every member alike on both sides: the difference is exact.
        return Some(Interval {
            estimate,
            low: estimate,
            high: estimate,
            standard_error,
            degrees_of_freedom: treated.n + control.n - 2.0,
        });
    }
    let degrees_of_freedom =
        (a + b).powi(2) / (a.powi(2) / (treated.n - 1.0) + b.powi(2) / (control.n - 1.0));
    let t = StudentsT::new(0.0, 1.0, degrees_of_freedom)
        .ok()?
        .inverse_cdf(1.0 - (1.0 - LEVEL) / 2.0);
    Some(Interval {
        estimate,
        low: estimate - t * standard_error,
        high: estimate + t * standard_error,
        standard_error,
        degrees_of_freedom,
    })
}

/// About how many members in all (same holdout share) would make an effect of `size` show at
/// [`LEVEL`] with [`POWER`], from the spread seen with `members` now.
pub fn members_needed(interval: &Interval, members: f64, size: f64) -> Option<f64> {
    if size <= 0.0 || interval.standard_error <= 0.0 {
        return None;
    }
    let normal = statrs::distribution::Normal::standard();
    let z = normal.inverse_cdf(1.0 - (1.0 - LEVEL) / 2.0) + normal.inverse_cdf(POWER);
    // The standard error shrinks with the square root of the members.
    Some(members * (interval.standard_error * z / size).powi(2))
}

/// The plain verdict, and the more members needed when there is no effect yet.
pub fn verdict(
    visits: Option<&Interval>,
    control_visits: f64,
    members: f64,
    dismissed_percent: i64,
) -> (EffectVerdict, Option<i64>) {
    let Some(visits) = visits else {
        return (EffectVerdict::TooFewMembers, None);
    };
    if visits.low > 0.0 {
        return (EffectVerdict::Adds, None);
    }
    if dismissed_percent >= ANNOYS_PERCENT {
        return (EffectVerdict::Annoys, None);
    }
    if visits.high < 0.0 {
        return (EffectVerdict::Reduces, None);
    }
    let size = visits.estimate.abs().max(control_visits * 0.1);
    let more = members_needed(visits, members, size)
        .map(|needed| (needed - members).ceil().max(0.0) as i64);
    (EffectVerdict::NoEffectYet, more)
}

fn fixed(interval: Option<&Interval>, scale: f64) -> Difference {
    interval.map_or(Difference::default(), |i| Difference {
        estimate: (i.estimate * scale).round() as i64,
        low: (i.low * scale).round() as i64,
        high: (i.high * scale).round() as i64,
    })
}

/// How long after an offer's window closes its result is kept for good: late offline visits
/// from its last days have had time to arrive.
pub const KEEP_AFTER: time::Duration = time::Duration::days(2);

/// The days an offer's effect is measured over so far, and when its window closes: `None`
/// before it starts.
struct Window {
    first_day: String,
    last_day: String,
    days: i64,
    closes: OffsetDateTime,
}

impl Window {
    fn of(offer: &OfferRow, clock: &ShopClock, now: OffsetDateTime) -> Option<Window> {
        let start = offer.input.starts_at;
        if now < start {
            return None;
        }
        let closes = offer
            .ended_at
            .map_or(offer.input.ends_at, |ended| ended.min(offer.input.ends_at))
            .max(start);
        let (first, last) = (clock.moment(start).day, clock.moment(closes.min(now)).day);
        Some(Window {
            first_day: day_text(first),
            last_day: day_text(last),
            days: (last - first).get_days() as i64 + 1,
            closes,
        })
    }
}

/// The offer's effect so far, or `None` before it starts. A finished offer's result, once kept,
/// is answered as kept; one whose window closed [`KEEP_AFTER`] ago is kept now.
pub async fn of_offer(
    db: &Db,
    shop_id: ShopId,
    offer: &OfferRow,
    clock: &ShopClock,
    now: OffsetDateTime,
) -> anyhow::Result<Option<OfferEffect>> {
    if let Some(kept) = offer.result {
        return Ok(Some(kept));
    }
    let Some(window) = Window::of(offer, clock, now) else {
        return Ok(None);
    };
    let members = db::offers::members(db, offer.id, None).await?;
    let visits =
        db::offers::visits_in(db, shop_id, offer.id, &window.first_day, &window.last_day).await?;
    let dismissed = db::offers::dismissed_by(db, offer.id).await?;
    let effect = measure(
        &members,
        |card| visits.get(card).copied(),
        dismissed,
        &window,
        now,
    );
    if effect.finished {
        db::offers::keep_result(db, offer.id, &effect).await?;
    }
    Ok(Some(effect))
}

/// [`of_offer`] for many offers of the shop (the owner's list): the visits of every offer's
/// window are read once for all of them, and each offer's members and visits are matched in
/// memory.
pub async fn of_offers(
    db: &Db,
    shop_id: ShopId,
    offers: &[&OfferRow],
    clock: &ShopClock,
    now: OffsetDateTime,
) -> anyhow::Result<HashMap<OfferId, Option<OfferEffect>>> {
    let mut out = HashMap::new();
    let mut measured = vec![];
    for offer in offers {
        match (offer.result, Window::of(offer, clock, now)) {
            (Some(kept), _) => {
                out.insert(offer.id, Some(kept));
            }
            (None, None) => {
                out.insert(offer.id, None);
            }
            (None, Some(window)) => measured.push((*offer, window)),
        }
    }
    let (Some(first), Some(last)) = (
        measured.iter().map(|(_, w)| w.first_day.clone()).min(),
        measured.iter().map(|(_, w)| w.last_day.clone()).max(),
    ) else {
        return Ok(out);
    };
    let visits = db::offers::visit_days_between(db, shop_id, &first, &last).await?;
    let dismissed = db::offers::dismissed_by_offer(db, shop_id).await?;
    for (offer, window) in measured {
        let members = db::offers::members(db, offer.id, None).await?;
        let in_window = |card: &CardId| {
            let days = visits.get(card)?;
            let mut sum = (0, 0);
            for (day, spend) in days {
                if (window.first_day.as_str()..=window.last_day.as_str()).contains(&day.as_str()) {
                    sum = (sum.0 + 1, sum.1 + spend);
                }
            }
            Some(sum)
        };
        let dismissed = dismissed.get(&offer.id).copied().unwrap_or(0);
        let effect = measure(&members, in_window, dismissed, &window, now);
        if effect.finished {
            db::offers::keep_result(db, offer.id, &effect).await?;
        }
        out.insert(offer.id, Some(effect));
    }
    Ok(out)
}

/// The effect over `window` of an offer whose audience (past and present) is `members`, with
/// each member's visits and spend in the window and how many members dismissed it.
fn measure(
    members: &HashMap<CardId, db::offers::Membership>,
    visits: impl Fn(&CardId) -> Option<(i64, i64)>,
    dismissed: i64,
    window: &Window,
    now: OffsetDateTime,
) -> OfferEffect {
    let (mut seen_visits, mut seen_spend, mut out_visits, mut out_spend) =
        (vec![], vec![], vec![], vec![]);
    for (card, membership) in members {
        let (v, s) = visits(card).unwrap_or((0, 0));
        if membership.held_out {
            out_visits.push(v as f64);
            out_spend.push(s as f64);
        } else {
            seen_visits.push(v as f64);
            seen_spend.push(s as f64);
        }
    }
    let (treated, control) = (Sample::of(&seen_visits), Sample::of(&out_visits));
    let visit_interval = welch(&treated, &control);
    let spend_interval = welch(&Sample::of(&seen_spend), &Sample::of(&out_spend));
    let dismissed_percent = if seen_visits.is_empty() {
        0
    } else {
        (dismissed as f64 * 100.0 / seen_visits.len() as f64).round() as i64
    };
    let (verdict, more_members) = verdict(
        visit_interval.as_ref(),
        control.mean,
        members.len() as f64,
        dismissed_percent,
    );
    OfferEffect {
        members: seen_visits.len() as i64,
        held_out: out_visits.len() as i64,
        days: window.days,
        visits: fixed(visit_interval.as_ref(), 1000.0),
        spend_minor: fixed(spend_interval.as_ref(), 1.0),
        dismissed_percent,
        verdict,
        more_members,
        finished: now >= window.closes + KEEP_AFTER,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference figures from scipy (`server/tests/data/effect/reference.py`, which writes
    /// `reference.json`): Welch's interval on fixed samples.
    #[test]
    fn welchs_interval_matches_scipy() {
        let text = include_str!("../../tests/data/effect/reference.json");
        let cases: serde_json::Value = serde_json::from_str(text).unwrap();
        for case in cases.as_array().unwrap() {
            let values = |k: &str| -> Vec<f64> {
                case[k]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_f64().unwrap())
                    .collect()
            };
            let interval = welch(
                &Sample::of(&values("treated")),
                &Sample::of(&values("control")),
            )
            .unwrap();
            let close = |ours: f64, theirs: &serde_json::Value| {
                let theirs = theirs.as_f64().unwrap();
                assert!(
                    (ours - theirs).abs() <= 1e-9 * theirs.abs().max(1.0),
                    "{}: ours {ours}, scipy {theirs}",
                    case["name"]
                );
            };
            close(interval.estimate, &case["estimate"]);
            close(interval.low, &case["low"]);
            close(interval.high, &case["high"]);
            close(interval.degrees_of_freedom, &case["df"]);
        }
    }

    fn interval(estimate: f64, half: f64) -> Interval {
        Interval {
            estimate,
            low: estimate - half,
            high: estimate + half,
            standard_error: half / 1.96,
            degrees_of_freedom: 100.0,
        }
    }

    #[test]
    fn verdicts_follow_the_interval_and_the_dismissals() {
        assert_eq!(verdict(None, 1.0, 10.0, 0).0, EffectVerdict::TooFewMembers);
        assert_eq!(
            verdict(Some(&interval(0.3, 0.2)), 1.0, 500.0, 50).0,
            EffectVerdict::Adds
        );
        assert_eq!(
            verdict(Some(&interval(-0.3, 0.2)), 1.0, 500.0, 0).0,
            EffectVerdict::Reduces
        );
        assert_eq!(
            verdict(Some(&interval(0.0, 0.2)), 1.0, 500.0, 45).0,
            EffectVerdict::Annoys
        );
        let (v, more) = verdict(Some(&interval(0.1, 0.2)), 1.0, 500.0, 0);
        assert_eq!(v, EffectVerdict::NoEffectYet);
        // The standard error halves with four times the members: an effect of 0.1 with a
        // half-width of 0.2 needs (0.2 / 1.96 * 2.80 / 0.1)^2 = 8.2 times the members.
        let more = more.unwrap() as f64;
        assert!((more - 500.0 * (8.16 - 1.0)).abs() < 100.0, "{more}");
    }

    #[test]
    fn too_few_members_on_a_side_give_no_interval() {
        let one = Sample::of(&[1.0]);
        let many = Sample::of(&[1.0, 2.0, 3.0]);
        assert!(welch(&one, &many).is_none());
        assert!(welch(&many, &one).is_none());
        let same = Sample::of(&[2.0, 2.0]);
        let exact = welch(&same, &Sample::of(&[1.0, 1.0])).unwrap();
        assert_eq!((exact.low, exact.estimate, exact.high), (1.0, 1.0, 1.0));
    }
}
