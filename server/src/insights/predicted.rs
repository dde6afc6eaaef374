//! Predicted value per shop: each member's visits up to a day, summarised as the models read
//! them ([`super::clv`]: repeat visits, weeks from the first visit to the last and to the day),
//! the shop's fit, every member's predictions, the top customers and the drifting list. A fit
//! is kept per replica for the shop and the day, with the ledger's state it was made from (the
//! shop's event counter): see [`Cache`].

use std::sync::{Arc, Mutex};

use jiff::civil::Date;
use regulars_protocol::insights::{
    BgNbdParams, ClvCheck, ClvCheckWeek, ClvFit, ClvWarning, GammaGammaParams,
};
use regulars_protocol::{CardId, ShopId};

use super::clv::{self, BgNbd, Customer, GammaGamma};
use crate::db::Db;

/// A fit needs at least this many members who came back.
pub const MIN_REPEAT_CUSTOMERS: i64 = 50;

/// Spend is fitted when at least this many repeat members recorded amounts.
pub const MIN_SPENDERS: i64 = 20;

/// The top customers: the number of relationships one person keeps up.
pub const TOP_COUNT: usize = 150;

/// The share of members, by spend so far (visits where the shop records no amounts), who count
/// as valuable for the drifting list.
pub const VALUABLE_SHARE: f64 = 0.2;

/// One member's visits up to the day, from the visit summaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub card_id: CardId,
    pub first: Date,
    pub last: Date,
    /// Visits (shop-local days) up to the day.
    pub visits: i64,
    pub spend_minor: i64,
    /// Spend and visits with an amount, the first visit left out (the spend model reads repeat
    /// visits only).
    pub repeat_spend_minor: i64,
    pub repeat_with_amount: i64,
}

fn weeks(from: Date, to: Date) -> f64 {
    f64::from((to - from).get_days()) / 7.0
}

impl History {
    /// The member as the models read them, as of `as_of`.
    pub fn customer(&self, as_of: Date) -> Customer {
        Customer {
            x: (self.visits - 1).max(0) as f64,
            t_x: weeks(self.first, self.last),
            t: weeks(self.first, as_of),
            mean_spend: (self.repeat_with_amount > 0)
                .then(|| self.repeat_spend_minor as f64 / self.repeat_with_amount as f64),
        }
    }
}

/// One member with their predictions (none where the shop could not be fitted).
#[derive(Debug, Clone, PartialEq)]
pub struct Predicted {
    pub history: History,
    pub p_alive: Option<f64>,
    pub expected_visits_90d: Option<f64>,
    pub predicted_spend_12m_minor: Option<f64>,
    /// Valuable by what they did so far (the best [`VALUABLE_SHARE`]).
    pub valuable: bool,
}

impl Predicted {
    /// What ranks the top customers: predicted spend, or expected visits without amounts.
    fn value(&self) -> f64 {
        self.predicted_spend_12m_minor
            .or(self.expected_visits_90d)
            .unwrap_or(0.0)
    }
}

/// A shop's predictions as of a day.
#[derive(Debug, Clone)]
pub struct Prediction {
    pub as_of: Date,
    pub customers: i64,
    pub repeat_customers: i64,
    pub fit: Option<ClvFit>,
    pub warning: Option<ClvWarning>,
    /// Every member, the most valuable first (by predicted value, then spend so far).
    pub members: Vec<Predicted>,
}

impl Prediction {
    /// The top customers, most valuable first.
    pub fn top(&self) -> Vec<&Predicted> {
        if self.fit.is_none() {
            return Vec::new();
        }
        self.members.iter().take(TOP_COUNT).collect()
    }

    /// Valuable members whose probability of being active fell below one half, the biggest
    /// spenders first.
    pub fn drifting(&self) -> Vec<&Predicted> {
        let mut out: Vec<&Predicted> = self
            .members
            .iter()
            .filter(|m| m.valuable && m.p_alive.is_some_and(|p| p < 0.5))
            .collect();
        out.sort_by(|a, b| {
            (b.history.spend_minor, b.history.visits)
                .cmp(&(a.history.spend_minor, a.history.visits))
        });
        out
    }

    /// A member, their place among the most valuable (from 1, when they are one of the top
    /// customers), and whether they are drifting.
    pub fn of(&self, card_id: CardId) -> Option<(&Predicted, Option<i64>, bool)> {
        let (i, m) = self
            .members
            .iter()
            .enumerate()
            .find(|(_, m)| m.history.card_id == card_id)?;
        let top = (self.fit.is_some() && i < TOP_COUNT).then_some(i as i64 + 1);
        let drifting = m.valuable && m.p_alive.is_some_and(|p| p < 0.5);
        Some((m, top, drifting))
    }
}

/// Fits the shop's models on `histories` and predicts every member. Pure and CPU-bound: run it
/// off the async runtime.
pub fn predict(histories: Vec<History>, as_of: Date) -> Prediction {
    let customers: Vec<Customer> = histories.iter().map(|h| h.customer(as_of)).collect();
    let repeat = customers.iter().filter(|c| c.x > 0.0).count() as i64;
    let spenders = customers
        .iter()
        .filter(|c| c.x > 0.0 && c.mean_spend.is_some_and(|m| m > 0.0))
        .count() as i64;
    let mut warning = None;
    let bg = if repeat < MIN_REPEAT_CUSTOMERS {
        warning = Some(ClvWarning::TooFewRepeatCustomers {
            have: repeat,
            need: MIN_REPEAT_CUSTOMERS,
        });
        None
    } else {
        match clv::fit_bg_nbd(&customers) {
            Ok(fit) if fit.converged && sane(&fit.params) => Some(fit),
            Ok(_) | Err(_) => {
                warning = Some(ClvWarning::NotConverged);
                None
            }
        }
    };
    let gg = match &bg {
        Some(_) if spenders >= MIN_SPENDERS => clv::fit_gamma_gamma(&customers)
            .ok()
            .filter(|f| f.converged && f.params.q > 1.0),
        Some(_) => {
            warning = Some(ClvWarning::NoAmounts {
                have: spenders,
                need: MIN_SPENDERS,
            });
            None
        }
        None => None,
    };
    // Valuable by what they did so far: the best fifth by spend, or by visits.
    let has_amounts = histories.iter().any(|h| h.spend_minor > 0);
    let mut by_value: Vec<(i64, i64)> = histories
        .iter()
        .map(|h| {
            if has_amounts {
                (h.spend_minor, h.visits)
            } else {
                (h.visits, 0)
            }
        })
        .collect();
    by_value.sort_unstable_by(|a, b| b.cmp(a));
    let cut = ((histories.len() as f64 * VALUABLE_SHARE).ceil() as usize).max(1);
    let threshold = by_value
        .get(cut - 1)
        .copied()
        .unwrap_or((i64::MAX, i64::MAX));
    let mut members: Vec<Predicted> = histories
        .into_iter()
        .zip(&customers)
        .map(|(history, c)| {
            let key = if has_amounts {
                (history.spend_minor, history.visits)
            } else {
                (history.visits, 0)
            };
            let bg = bg.as_ref().map(|f| f.params);
            let visits_90 = bg.map(|m| m.expected_visits(90.0 / 7.0, c));
            let spend = match (bg, &gg) {
                (Some(m), Some(g)) => {
                    Some(m.expected_visits(52.0, c) * g.params.expected_spend(c.x, c.mean_spend))
                }
                _ => None,
            };
            Predicted {
                p_alive: bg.map(|m| m.p_alive(c)),
                expected_visits_90d: visits_90,
                predicted_spend_12m_minor: spend,
                valuable: key >= threshold && key.0 > 0,
                history,
            }
        })
        .collect();
    members.sort_by(|a, b| {
        b.value()
            .total_cmp(&a.value())
            .then(b.history.spend_minor.cmp(&a.history.spend_minor))
            .then(b.history.visits.cmp(&a.history.visits))
    });
    Prediction {
        as_of,
        customers: customers.len() as i64,
        repeat_customers: repeat,
        fit: bg.map(|f| ClvFit {
            bg_nbd: params(&f.params),
            log_likelihood: f.log_likelihood,
            converged: f.converged,
            iterations: f.iterations,
            gamma_gamma: gg.as_ref().map(|g| gg_params(&g.params)),
            gamma_gamma_log_likelihood: gg.as_ref().map(|g| g.log_likelihood),
        }),
        warning,
        members,
    }
}

/// The most weeks a check covers.
pub const CHECK_WEEKS: i64 = 52;

/// The fit's check: for each whole week after `as_of` up to `today` (at most [`CHECK_WEEKS`]),
/// the visits the fitted members were expected to make by its end, and those they made
/// (`visits_after`: their visit days after `as_of`, by day). None without a fit or a whole week.
pub fn check(
    prediction: &Prediction,
    today: Date,
    visits_after: &[(Date, i64)],
) -> Option<ClvCheck> {
    let fit = prediction.fit.as_ref()?;
    let weeks = (i64::from((today - prediction.as_of).get_days()) / 7).min(CHECK_WEEKS);
    if weeks < 1 {
        return None;
    }
    let model = BgNbd {
        r: fit.bg_nbd.r,
        alpha: fit.bg_nbd.alpha,
        a: fit.bg_nbd.a,
        b: fit.bg_nbd.b,
    };
    // Members with the same history expect the same: each history once, times its members.
    let customers: Vec<Customer> = prediction
        .members
        .iter()
        .map(|m| m.history.customer(prediction.as_of))
        .collect();
    let histories = clv::same_histories(&customers);
    let out = (1..=weeks)
        .map(|week| {
            let horizon = week as f64;
            let end = prediction
                .as_of
                .checked_add(jiff::Span::new().days(week * 7))
                .unwrap_or(today);
            ClvCheckWeek {
                week,
                predicted: histories
                    .iter()
                    .map(|(c, n)| n * model.expected_visits(horizon, c))
                    .sum(),
                actual: visits_after
                    .iter()
                    .filter(|(day, _)| *day <= end)
                    .map(|(_, n)| n)
                    .sum(),
            }
        })
        .collect();
    Some(ClvCheck { weeks: out })
}

/// Parameters that give finite predictions (a = 1 makes the expectation's first factor blow up).
fn sane(m: &BgNbd) -> bool {
    [m.r, m.alpha, m.a, m.b]
        .iter()
        .all(|v| v.is_finite() && *v > 0.0)
        && (m.a - 1.0).abs() > 1e-6
}

fn params(m: &BgNbd) -> BgNbdParams {
    BgNbdParams {
        r: m.r,
        alpha: m.alpha,
        a: m.a,
        b: m.b,
    }
}

fn gg_params(g: &GammaGamma) -> GammaGammaParams {
    GammaGammaParams {
        p: g.p,
        q: g.q,
        gamma: g.gamma,
    }
}

/// A kept prediction: the ledger's state it was made from, and when.
struct Kept {
    shop_id: ShopId,
    as_of: Date,
    version: i64,
    made: std::time::Instant,
    prediction: Arc<Prediction>,
}

/// Predictions kept per replica, the newest [`KEEP`]. One is answered again while the shop's
/// ledger has not moved, and for [`FRESH_FOR`] after it was made even when it has (a busy
/// shop's every stamp would otherwise refit the models at each look).
#[derive(Clone, Default)]
pub struct Cache {
    entries: Arc<Mutex<Vec<Kept>>>,
}

/// How many predictions a replica keeps.
const KEEP: usize = 16;

/// How long a prediction stands while new events arrive.
pub const FRESH_FOR: std::time::Duration = std::time::Duration::from_secs(600);

impl Cache {
    /// A prediction kept for the shop and the day, however old, without making one: for pages
    /// that show a member's prediction beside other things and must not wait for a fit.
    pub fn kept(&self, shop_id: ShopId, as_of: Date) -> Option<Arc<Prediction>> {
        self.entries
            .lock()
            .expect("not poisoned")
            .iter()
            .find(|k| k.shop_id == shop_id && k.as_of == as_of)
            .map(|k| k.prediction.clone())
    }

    /// Makes the shop's prediction in the background (a page that did not wait for it finds it
    /// next time).
    pub fn make_soon(&self, db: &Db, shop_id: ShopId, as_of: Date) {
        let (cache, db) = (self.clone(), db.clone());
        tokio::spawn(async move {
            if let Err(e) = cache.get(&db, shop_id, as_of).await {
                tracing::warn!(error = %e, "predicting a shop's members");
            }
        });
    }

    /// Predicts every shop with visits as of its today, one after another, so the first look
    /// after a start does not wait. Start-up runs it in the background.
    pub async fn warm(&self, db: &Db) -> anyhow::Result<()> {
        for (shop_id, clock) in crate::db::insights::shops_with_visits(db).await? {
            self.get(db, shop_id, clock.today(crate::db::now())).await?;
        }
        Ok(())
    }

    /// The shop's prediction as of `as_of`: kept, or made now.
    pub async fn get(
        &self,
        db: &Db,
        shop_id: ShopId,
        as_of: Date,
    ) -> anyhow::Result<Arc<Prediction>> {
        let version = crate::db::insights::ledger_version(db, shop_id).await?;
        if let Some(kept) = self.entries.lock().expect("not poisoned").iter().find(|k| {
            k.shop_id == shop_id
                && k.as_of == as_of
                && (k.version == version || k.made.elapsed() < FRESH_FOR)
        }) {
            return Ok(kept.prediction.clone());
        }
        let histories = crate::db::insights::histories(db, shop_id, as_of).await?;
        let made = Arc::new(tokio::task::spawn_blocking(move || predict(histories, as_of)).await?);
        let mut entries = self.entries.lock().expect("not poisoned");
        entries.retain(|k| !(k.shop_id == shop_id && k.as_of == as_of));
        entries.push(Kept {
            shop_id,
            as_of,
            version,
            made: std::time::Instant::now(),
            prediction: made.clone(),
        });
        if entries.len() > KEEP {
            entries.remove(0);
        }
        Ok(made)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn history(first: &str, last: &str, visits: i64, spend: i64) -> History {
        History {
            card_id: CardId::random(),
            first: day(first),
            last: day(last),
            visits,
            spend_minor: spend,
            repeat_spend_minor: spend / visits.max(1) * (visits - 1),
            repeat_with_amount: visits - 1,
        }
    }

    #[test]
    fn a_member_is_read_in_weeks_with_repeat_visits_only() {
        let h = History {
            card_id: CardId::random(),
            first: day("2026-01-05"),
            last: day("2026-03-02"),
            visits: 4,
            spend_minor: 4_000,
            repeat_spend_minor: 2_400,
            repeat_with_amount: 2,
        };
        let c = h.customer(day("2026-03-30"));
        assert_eq!(c.x, 3.0);
        assert_eq!(c.t_x, 8.0);
        assert_eq!(c.t, 12.0);
        assert_eq!(c.mean_spend, Some(1_200.0));
        let once = history("2026-03-01", "2026-03-01", 1, 500).customer(day("2026-03-08"));
        assert_eq!(
            (once.x, once.t_x, once.t, once.mean_spend),
            (0.0, 0.0, 1.0, None)
        );
    }

    #[test]
    fn a_thin_history_gives_a_warning_and_no_numbers() {
        let histories: Vec<History> = (0..40)
            .map(|i| history("2026-01-05", "2026-02-02", 1 + i % 3, 1_000))
            .collect();
        let p = predict(histories, day("2026-06-01"));
        assert_eq!(
            p.warning,
            Some(ClvWarning::TooFewRepeatCustomers { have: 26, need: 50 })
        );
        assert!(p.fit.is_none());
        assert!(p.members.iter().all(|m| m.p_alive.is_none()));
        assert!(p.top().is_empty() && p.drifting().is_empty());
    }
}
