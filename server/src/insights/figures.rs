//! The headline figures of a period against the period before, with a weekly trend, and the
//! hour x weekday counts. Everything here reads the summaries, never the ledger.

use std::collections::HashMap;

use jiff::Span;
use jiff::civil::Date;
use regulars_protocol::ShopId;
use regulars_protocol::insights::{CategoryShare, Figures, Heatmap, Overview, Pattern, Slot, Week};
use serde::Deserialize;
use sqlx::Row;

use super::local::{ShopClock, day_text, parse_day, week_start};
use crate::db::{Db, ts};
use crate::error::ApiError;

/// The longest period one request may ask for (ten years).
pub const MAX_PERIOD_DAYS: i64 = 3660;

/// `?days=7|30|90|365` (ending today), or `?from=YYYY-MM-DD&to=YYYY-MM-DD` (inclusive).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// The last N days up to today: 7, 30, 90 or 365 (default 30).
    pub days: Option<i64>,
    /// First day, `YYYY-MM-DD` in the shop's time zone (with `to`).
    pub from: Option<String>,
    /// Last day, inclusive.
    pub to: Option<String>,
}

/// Inclusive local days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    pub fn days(&self) -> i64 {
        i64::from((self.to - self.from).get_days()) + 1
    }

    /// The two days a scoring of the period is made as of: its last day, and the day before it
    /// began (segment moves are counted between them; the heatmaps cover the days between).
    pub fn scoring_days(&self) -> (Date, Date) {
        (self.to, self.from.yesterday().unwrap_or(self.from))
    }

    /// The same number of days just before.
    pub fn previous(&self) -> Period {
        let to = self.from.yesterday().unwrap_or(self.from);
        let from = to
            .checked_sub(Span::new().days(self.days() - 1))
            .unwrap_or(to);
        Period { from, to }
    }

    pub fn parse(q: &PeriodQuery, today: Date) -> Result<Period, ApiError> {
        match (&q.from, &q.to, q.days) {
            (None, None, days) => {
                let days = days.unwrap_or(30);
                if ![7, 30, 90, 365].contains(&days) {
                    return Err(ApiError::validation(
                        "days",
                        "days must be 7, 30, 90 or 365.",
                    ));
                }
                let from = today
                    .checked_sub(Span::new().days(days - 1))
                    .map_err(|_| ApiError::validation("days", "days reach before the calendar"))?;
                Ok(Period { from, to: today })
            }
            (Some(from), Some(to), None) => {
                let day = |field: &str, text: &str| {
                    parse_day(text).ok_or_else(|| {
                        ApiError::validation(
                            field,
                            format!("{field} must be a date as YYYY-MM-DD."),
                        )
                    })
                };
                let period = Period {
                    from: day("from", from)?,
                    to: day("to", to)?,
                };
                if period.to < period.from {
                    return Err(ApiError::validation(
                        "to",
                        "The period ends before it starts.",
                    ));
                }
                if period.days() > MAX_PERIOD_DAYS {
                    return Err(ApiError::validation(
                        "from",
                        format!("A period is at most {MAX_PERIOD_DAYS} days."),
                    ));
                }
                Ok(period)
            }
            _ => Err(ApiError::validation(
                "from",
                "Give days, or both from and to (not both kinds).",
            )),
        }
    }
}

fn next_day(day: Date) -> Date {
    day.tomorrow().unwrap_or(day)
}

/// Cards that joined in `[start, end)` (instants).
async fn joined(db: &Db, shop_id: ShopId, start: Option<String>, end: String) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM cards WHERE shop_id = $1 AND created_at >= $2 AND created_at < $3",
    )
    .bind(shop_id.to_string())
    .bind(start.unwrap_or_default())
    .bind(end)
    .fetch_one(db)
    .await
}

/// How many of a period's visit days cost about as much to read as one seek on a member's own
/// days (measured on the insights bench: about 0.6 us a row against 3.5 to 6 us a seek).
const ROWS_PER_SEEK: i64 = 8;

/// Members with a visit in `[from, to]`. Those whose last visit falls in the period were active
/// (a count of index entries). Of those whose last visit came after it, each is looked up in
/// their own visit days when they are few, or the period's visit days are counted once per
/// member when those are fewer (`visits` is their number): whichever reads less. For a period
/// ending today nobody came later, so the usual question counts index entries only.
async fn active(db: &Db, shop_id: ShopId, p: Period, visits: i64) -> sqlx::Result<i64> {
    let shop = shop_id.to_string();
    let (from, to) = (day_text(p.from), day_text(p.to));
    let ended: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM member_summaries WHERE shop_id = $1 AND last_day >= $2 AND last_day <= $3",
    )
    .bind(&shop)
    .bind(&from)
    .bind(&to)
    .fetch_one(db)
    .await?;
    let later: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM member_summaries WHERE shop_id = $1 AND last_day > $2",
    )
    .bind(&shop)
    .bind(&to)
    .fetch_one(db)
    .await?;
    if later == 0 {
        return Ok(ended);
    }
    if later.saturating_mul(ROWS_PER_SEEK) < visits {
        let came_back: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM member_summaries m
             WHERE m.shop_id = $1 AND m.last_day > $3 AND m.first_day <= $3
               AND EXISTS (SELECT 1 FROM visit_days v
                   WHERE v.card_id = m.card_id AND v.day >= $2 AND v.day <= $3 AND v.earnings > 0)",
        )
        .bind(&shop)
        .bind(&from)
        .bind(&to)
        .fetch_one(db)
        .await?;
        Ok(ended + came_back)
    } else {
        distinct_visitors(db, shop_id, p.from, p.to).await
    }
}

/// Members with a visit in `[from, to]`, counted once each from the period's visit days.
async fn distinct_visitors(db: &Db, shop_id: ShopId, from: Date, to: Date) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(DISTINCT card_id) FROM visit_days
         WHERE shop_id = $1 AND day >= $2 AND day <= $3 AND earnings > 0",
    )
    .bind(shop_id.to_string())
    .bind(day_text(from))
    .bind(day_text(to))
    .fetch_one(db)
    .await
}

/// Active members of each week of `[from, to]` (weeks start on Monday and are cut to the
/// period), keyed by the week's first day in the period. A whole week is read from
/// `shop_weeks`, kept by the push; the cut first and last weeks (a few days each) count their
/// visit days once per member.
async fn weekly_active(
    db: &Db,
    shop_id: ShopId,
    weeks: &[(Date, Date)],
) -> anyhow::Result<HashMap<Date, i64>> {
    let whole = |(start, end): &(Date, Date)| {
        week_start(*start) == *start && (*end - *start).get_days() == 6
    };
    let mut out = HashMap::new();
    if let (Some(first), Some(last)) = (
        weeks.iter().find(|w| whole(w)),
        weeks.iter().rev().find(|w| whole(w)),
    ) {
        let rows = sqlx::query(
            "SELECT week, active FROM shop_weeks WHERE shop_id = $1 AND week >= $2 AND week <= $3",
        )
        .bind(shop_id.to_string())
        .bind(day_text(first.0))
        .bind(day_text(last.0))
        .fetch_all(db)
        .await?;
        for r in &rows {
            let week: String = r.get("week");
            let week = parse_day(&week).ok_or_else(|| anyhow::anyhow!("bad week {week}"))?;
            out.insert(week, r.get::<i64, _>("active"));
        }
    }
    for (start, end) in weeks.iter().filter(|w| !whole(w)) {
        out.insert(*start, distinct_visitors(db, shop_id, *start, *end).await?);
    }
    Ok(out)
}

/// One day's sums from `shop_days`.
#[derive(Debug, Default, Clone, Copy)]
struct DaySums {
    visits: i64,
    amounts: i64,
    amount_minor: i64,
    redemptions: i64,
    redeemed_value: i64,
}

async fn day_sums(db: &Db, shop_id: ShopId, p: Period) -> anyhow::Result<Vec<(Date, DaySums)>> {
    let rows = sqlx::query(
        "SELECT day, CAST(SUM(visits) AS BIGINT) AS visits, CAST(SUM(amounts) AS BIGINT) AS amounts,
                CAST(SUM(amount_minor) AS BIGINT) AS amount_minor,
                CAST(SUM(redemptions) AS BIGINT) AS redemptions,
                CAST(SUM(redeemed_value) AS BIGINT) AS redeemed_value
         FROM shop_days WHERE shop_id = $1 AND day >= $2 AND day <= $3 GROUP BY day ORDER BY day",
    )
    .bind(shop_id.to_string())
    .bind(day_text(p.from))
    .bind(day_text(p.to))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| {
            let day: String = r.get("day");
            Ok((
                parse_day(&day).ok_or_else(|| anyhow::anyhow!("bad day {day}"))?,
                DaySums {
                    visits: r.get("visits"),
                    amounts: r.get("amounts"),
                    amount_minor: r.get("amount_minor"),
                    redemptions: r.get("redemptions"),
                    redeemed_value: r.get("redeemed_value"),
                },
            ))
        })
        .collect()
}

async fn figures(
    db: &Db,
    shop_id: ShopId,
    clock: &ShopClock,
    p: Period,
) -> anyhow::Result<(Figures, Vec<(Date, DaySums)>)> {
    let end = ts(clock.start_of(next_day(p.to)));
    let start = ts(clock.start_of(p.from));
    let days = day_sums(db, shop_id, p).await?;
    let visits = days.iter().map(|(_, d)| d.visits).sum();
    let mut f = Figures {
        members: joined(db, shop_id, None, end.clone()).await?,
        new_members: joined(db, shop_id, Some(start), end).await?,
        active_members: active(db, shop_id, p, visits).await?,
        ..Figures::default()
    };
    for (_, d) in &days {
        f.visits += d.visits;
        f.visits_with_amount += d.amounts;
        f.revenue_minor += d.amount_minor;
        f.rewards_redeemed += d.redemptions;
        f.rewards_value_minor += d.redeemed_value;
    }
    let row = sqlx::query(
        "SELECT COUNT(*) AS firsts,
                CAST(COALESCE(SUM(CASE WHEN second_gap_days <= 30 THEN 1 ELSE 0 END), 0) AS BIGINT) AS repeats
         FROM member_summaries WHERE shop_id = $1 AND first_day >= $2 AND first_day <= $3",
    )
    .bind(shop_id.to_string())
    .bind(day_text(p.from))
    .bind(day_text(p.to))
    .fetch_one(db)
    .await?;
    f.first_visits = row.get("firsts");
    let repeats: i64 = row.get("repeats");
    f.repeat_rate_30d = (f.first_visits > 0).then(|| repeats as f64 / f.first_visits as f64);
    Ok((f, days))
}

/// `GET /owner/insights/overview`.
pub async fn overview(
    db: &Db,
    shop_id: ShopId,
    clock: &ShopClock,
    currency: &str,
    p: Period,
) -> anyhow::Result<Overview> {
    let previous = p.previous();
    let (current, days) = figures(db, shop_id, clock, p).await?;
    let (before, _) = figures(db, shop_id, clock, previous).await?;
    let members: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cards WHERE shop_id = $1")
        .bind(shop_id.to_string())
        .fetch_one(db)
        .await?;
    let repeaters: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM member_summaries WHERE shop_id = $1 AND visits >= 2",
    )
    .bind(shop_id.to_string())
    .fetch_one(db)
    .await?;
    let has_amounts: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM shop_days WHERE shop_id = $1 AND amounts > 0 LIMIT 1")
            .bind(shop_id.to_string())
            .fetch_optional(db)
            .await?;

    // Weeks start on Monday; the first and last are cut to the period.
    let mut spans = Vec::new();
    let mut start = p.from;
    while start <= p.to {
        let end = week_start(start)
            .checked_add(Span::new().days(6))
            .unwrap_or(p.to)
            .min(p.to);
        spans.push((start, end));
        if end == p.to {
            break;
        }
        start = next_day(end);
    }
    let weekly = weekly_active(db, shop_id, &spans).await?;
    let mut weeks = Vec::new();
    for (start, end) in spans {
        let mut week = Week {
            start: day_text(start),
            new_members: joined(
                db,
                shop_id,
                Some(ts(clock.start_of(start))),
                ts(clock.start_of(next_day(end))),
            )
            .await?,
            active_members: weekly.get(&start).copied().unwrap_or(0),
            visits: 0,
            visits_with_amount: 0,
            revenue_minor: 0,
            rewards_redeemed: 0,
        };
        for (_, d) in days.iter().filter(|(day, _)| *day >= start && *day <= end) {
            week.visits += d.visits;
            week.visits_with_amount += d.amounts;
            week.revenue_minor += d.amount_minor;
            week.rewards_redeemed += d.redemptions;
        }
        weeks.push(week);
    }
    let names = crate::db::insights::category_names(db, shop_id).await?;
    let categories =
        crate::db::insights::shop_categories(db, shop_id, &day_text(p.from), &day_text(p.to))
            .await?
            .into_iter()
            .map(|(id, purchases, amount_minor)| CategoryShare {
                name: names.get(&id).cloned().unwrap_or_else(|| id.clone()),
                category_id: id,
                purchases,
                amount_minor,
            })
            .collect();
    Ok(Overview {
        from: day_text(p.from),
        to: day_text(p.to),
        previous_from: day_text(previous.from),
        previous_to: day_text(previous.to),
        currency: currency.to_owned(),
        current,
        previous: before,
        repeat_rate_ever: (members > 0).then(|| repeaters as f64 / members as f64),
        has_amounts: has_amounts.is_some(),
        weeks,
        categories,
    })
}

/// The visits of all members by weekday and hour over the period.
pub async fn shop_hours(db: &Db, shop_id: ShopId, p: Period) -> anyhow::Result<Heatmap> {
    let rows = sqlx::query(
        "SELECT day, hour, CAST(SUM(visits) AS BIGINT) AS visits FROM shop_hours
         WHERE shop_id = $1 AND day >= $2 AND day <= $3 GROUP BY day, hour",
    )
    .bind(shop_id.to_string())
    .bind(day_text(p.from))
    .bind(day_text(p.to))
    .fetch_all(db)
    .await?;
    let mut counts = [[0i64; 24]; 7];
    for r in &rows {
        let day: String = r.get("day");
        let day = parse_day(&day).ok_or_else(|| anyhow::anyhow!("bad day {day}"))?;
        let hour = r.get::<i32, _>("hour").clamp(0, 23) as usize;
        counts[day.weekday().to_monday_zero_offset() as usize][hour] += r.get::<i64, _>("visits");
    }
    Ok(heatmap(counts))
}

/// A heatmap with its busiest slot and pattern.
pub fn heatmap(counts: [[i64; 24]; 7]) -> Heatmap {
    let total: i64 = counts.iter().flatten().sum();
    let busiest = (total > 0).then(|| {
        let mut best = Slot {
            weekday: 0,
            hour: 0,
        };
        for (w, row) in counts.iter().enumerate() {
            for (h, c) in row.iter().enumerate() {
                if *c > counts[usize::from(best.weekday)][usize::from(best.hour)] {
                    best = Slot {
                        weekday: w as u8,
                        hour: h as u8,
                    };
                }
            }
        }
        best
    });
    Heatmap {
        counts: counts.iter().map(|r| r.to_vec()).collect(),
        total,
        busiest,
        pattern: pattern(&counts),
    }
}

/// The run of one to three weekdays and of one to three hours that hold the most visits for
/// their length, judged by visits per slot against the average: the shortest runs that hold
/// at least half the visits of the busiest runs of that size.
pub fn pattern(counts: &[[i64; 24]; 7]) -> Option<Pattern> {
    let total: i64 = counts.iter().flatten().sum();
    if total == 0 {
        return None;
    }
    let by_day: Vec<i64> = counts.iter().map(|r| r.iter().sum()).collect();
    let by_hour: Vec<i64> = (0..24).map(|h| counts.iter().map(|r| r[h]).sum()).collect();
    // The densest run: the one whose share per slot is highest, preferring longer runs when
    // they lose less than a quarter of the density.
    fn run(values: &[i64], max_len: usize) -> (usize, usize) {
        let mut best = (0, 0, 0.0_f64);
        for len in 1..=max_len {
            for start in 0..=values.len() - len {
                let sum: i64 = values[start..start + len].iter().sum();
                let density = sum as f64 / len as f64;
                let better = if len > best.1 - best.0 + 1 {
                    density >= best.2 * 0.75
                } else {
                    density > best.2
                };
                if better || best.2 == 0.0 {
                    best = (start, start + len - 1, density);
                }
            }
        }
        (best.0, best.1)
    }
    let (first_day, last_day) = run(&by_day, 3);
    let (first_hour, last_hour) = run(&by_hour, 3);
    let inside: i64 = counts[first_day..=last_day]
        .iter()
        .map(|r| r[first_hour..=last_hour].iter().sum::<i64>())
        .sum();
    Some(Pattern {
        first_weekday: first_day as u8,
        last_weekday: last_day as u8,
        from_hour: first_hour as u8,
        to_hour: (last_hour + 1) as u8,
        share: inside as f64 / total as f64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        parse_day("2026-12-03").unwrap()
    }

    #[test]
    fn periods_and_the_one_before() {
        let p = Period::parse(
            &PeriodQuery {
                days: Some(7),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
        assert_eq!(
            (day_text(p.from), day_text(p.to)),
            ("2026-11-27".into(), "2026-12-03".into())
        );
        let before = p.previous();
        assert_eq!(
            (day_text(before.from), day_text(before.to)),
            ("2026-11-20".into(), "2026-11-26".into())
        );
        let q = PeriodQuery {
            from: Some("2026-02-01".into()),
            to: Some("2026-02-28".into()),
            days: None,
        };
        let feb = Period::parse(&q, today()).unwrap();
        assert_eq!(feb.days(), 28);
        assert_eq!(day_text(feb.previous().from), "2026-01-04");
    }

    #[test]
    fn bad_periods_are_refused_with_the_field() {
        let bad = [
            PeriodQuery {
                days: Some(8),
                ..Default::default()
            },
            PeriodQuery {
                from: Some("2026-03-02".into()),
                to: Some("2026-03-01".into()),
                days: None,
            },
            PeriodQuery {
                from: Some("2026-13-01".into()),
                to: Some("2026-12-01".into()),
                days: None,
            },
            PeriodQuery {
                from: Some("2026-01-01".into()),
                to: None,
                days: None,
            },
            PeriodQuery {
                from: Some("1900-01-01".into()),
                to: Some("2026-01-01".into()),
                days: None,
            },
        ];
        for q in bad {
            assert!(Period::parse(&q, today()).is_err(), "{q:?}");
        }
    }

    #[test]
    fn the_pattern_names_the_lunch_hours_midweek() {
        let mut counts = [[0i64; 24]; 7];
        for day in &mut counts[1..=3] {
            day[12] = 30;
            day[13] = 25;
        }
        counts[5][10] = 8; // Saturday morning
        counts[0][17] = 5;
        let p = pattern(&counts).unwrap();
        assert_eq!((p.first_weekday, p.last_weekday), (1, 3));
        assert_eq!((p.from_hour, p.to_hour), (12, 14));
        assert!(p.share > 0.9);
        let map = heatmap(counts);
        assert_eq!(
            map.busiest,
            Some(Slot {
                weekday: 1,
                hour: 12
            })
        );
        assert_eq!(map.total, 178);
        assert!(heatmap([[0; 24]; 7]).pattern.is_none());
    }
}
