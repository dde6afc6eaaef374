//! Segments: every member's RFM scores and group as of a day, the groups' members, and the
//! heatmaps of each group and of the top customers over the 12 months to that day.
//!
//! Scoring ranks every member of the shop against the others, so it reads all of the shop's
//! visit days once and is kept per replica for [`CACHE_FOR`], then answered while a fresh one
//! is made (the pages say as of when; see [`Cache`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Span;
use jiff::civil::Date;
use regulars_protocol::insights::Segment;
use regulars_protocol::{CardId, ShopId};
use sqlx::Row;

use super::local::{day_text, parse_day};
use super::rfm::{self, Inputs, Scores};
use crate::db::{Db, parse_id};

/// How long a replica keeps a shop's scoring before reading the visits again.
pub const CACHE_FOR: Duration = Duration::from_secs(300);

/// The share of scored members who are the top customers.
pub const TOP_SHARE: f64 = 0.2;

/// One scored member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    pub card_id: CardId,
    pub inputs: Inputs,
    pub scores: Scores,
    pub segment: Segment,
    pub last_visit: Date,
    pub top: bool,
}

/// A shop's members scored as of one day.
#[derive(Debug, Clone)]
pub struct Scoring {
    pub as_of: Date,
    /// Best first: by spend, then visits, in the 12 months.
    pub members: Vec<Scored>,
    pub index: HashMap<CardId, usize>,
    /// Visits of the 12 months by weekday and hour, per group and for the top customers.
    pub hours: HashMap<Segment, [[i64; 24]; 7]>,
    pub top_hours: [[i64; 24]; 7],
}

impl Scoring {
    pub fn of(&self, card_id: CardId) -> Option<&Scored> {
        self.index.get(&card_id).map(|i| &self.members[*i])
    }

    pub fn count(&self, segment: Segment) -> i64 {
        self.members.iter().filter(|m| m.segment == segment).count() as i64
    }
}

/// A visit day as scoring reads it.
struct VisitRow {
    card: usize,
    day: Date,
    amount_minor: i64,
    weekday: u8,
    hour: u8,
}

/// The shop's visit days up to `until`, read once for several scorings.
pub struct Visits {
    cards: Vec<CardId>,
    rows: Vec<VisitRow>,
    has_amounts: bool,
}

pub async fn read_visits(db: &Db, shop_id: ShopId, until: Date) -> anyhow::Result<Visits> {
    let rows = sqlx::query(
        "SELECT card_id, day, amount_minor, amounts, weekday, hour FROM visit_days
         WHERE shop_id = $1 AND day <= $2 AND earnings > 0",
    )
    .bind(shop_id.to_string())
    .bind(day_text(until))
    .fetch_all(db)
    .await?;
    let mut cards = Vec::new();
    let mut numbers: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    let mut has_amounts = false;
    for r in &rows {
        let card: String = r.get("card_id");
        let number = match numbers.get(&card) {
            Some(n) => *n,
            None => {
                cards.push(parse_id(&card)?);
                numbers.insert(card, cards.len() - 1);
                cards.len() - 1
            }
        };
        let day: &str = r.get("day");
        has_amounts |= r.get::<i64, _>("amounts") > 0;
        out.push(VisitRow {
            card: number,
            day: parse_day(day).ok_or_else(|| anyhow::anyhow!("bad day {day}"))?,
            amount_minor: r.get("amount_minor"),
            weekday: r.get::<i32, _>("weekday").clamp(0, 6) as u8,
            hour: r.get::<i32, _>("hour").clamp(0, 23) as u8,
        });
    }
    Ok(Visits {
        cards,
        rows: out,
        has_amounts,
    })
}

/// Scores every member with a visit on or before `as_of`.
pub fn score(visits: &Visits, as_of: Date) -> Scoring {
    let window_start = as_of.checked_sub(Span::new().years(1)).unwrap_or(as_of);
    #[derive(Default, Clone, Copy)]
    struct Acc {
        last: Option<Date>,
        visits: i64,
        spend: i64,
    }
    let mut acc = vec![Acc::default(); visits.cards.len()];
    for row in visits.rows.iter().filter(|r| r.day <= as_of) {
        let a = &mut acc[row.card];
        a.last = Some(a.last.map_or(row.day, |l| l.max(row.day)));
        if row.day > window_start {
            a.visits += 1;
            a.spend += row.amount_minor;
        }
    }
    let scored_cards: Vec<usize> = (0..acc.len()).filter(|i| acc[*i].last.is_some()).collect();
    let inputs: Vec<Inputs> = scored_cards
        .iter()
        .map(|i| {
            let a = acc[*i];
            Inputs {
                recency_days: i64::from((as_of - a.last.expect("scored")).get_days()),
                visits_12m: a.visits,
                spend_12m_minor: a.spend,
            }
        })
        .collect();
    let scores = rfm::score(&inputs, visits.has_amounts);
    let mut members: Vec<Scored> = scored_cards
        .iter()
        .zip(inputs.iter().zip(scores))
        .map(|(i, (inputs, scores))| Scored {
            card_id: visits.cards[*i],
            inputs: *inputs,
            scores,
            segment: scores.segment(),
            last_visit: acc[*i].last.expect("scored"),
            top: false,
        })
        .collect();
    let value = |m: &Scored| {
        if visits.has_amounts {
            (m.inputs.spend_12m_minor, m.inputs.visits_12m)
        } else {
            (m.inputs.visits_12m, m.inputs.spend_12m_minor)
        }
    };
    members.sort_by(|a, b| value(b).cmp(&value(a)).then(a.card_id.0.cmp(&b.card_id.0)));
    let top_count = ((members.len() as f64) * TOP_SHARE).ceil() as usize;
    for m in members.iter_mut().take(top_count) {
        // A member with nothing in the 12 months is never a top customer.
        m.top = m.inputs.visits_12m > 0;
    }
    let index: HashMap<CardId, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.card_id, i))
        .collect();
    let by_number: HashMap<usize, (Segment, bool)> = scored_cards
        .iter()
        .map(|n| {
            let m = &members[index[&visits.cards[*n]]];
            (*n, (m.segment, m.top))
        })
        .collect();
    let mut hours: HashMap<Segment, [[i64; 24]; 7]> = HashMap::new();
    let mut top_hours = [[0i64; 24]; 7];
    for row in visits
        .rows
        .iter()
        .filter(|r| r.day <= as_of && r.day > window_start)
    {
        if let Some((segment, top)) = by_number.get(&row.card) {
            hours.entry(*segment).or_insert([[0; 24]; 7])[usize::from(row.weekday)]
                [usize::from(row.hour)] += 1;
            if *top {
                top_hours[usize::from(row.weekday)][usize::from(row.hour)] += 1;
            }
        }
    }
    Scoring {
        as_of,
        members,
        index,
        hours,
        top_hours,
    }
}

/// A shop's scorings now and at an earlier day, as one request needs them.
#[derive(Clone)]
pub struct Pair {
    pub now: Arc<Scoring>,
    pub then: Arc<Scoring>,
}

/// A shop and the two days it was scored as of.
type Key = (ShopId, Date, Date);

/// One kept scoring: when it was made, and whether a fresher one is being made.
struct Entry {
    at: Instant,
    pair: Pair,
    refreshing: bool,
}

/// Scorings kept per replica, by shop and the two days, with when they were made. A scoring
/// older than [`CACHE_FOR`] is still answered (it says as of when) while a fresh one is made
/// in the background, so only a replica's first look at a shop and day waits for the scoring;
/// one older than [`KEEP_FOR`] is dropped.
#[derive(Clone, Default)]
pub struct Cache {
    entries: Arc<Mutex<HashMap<Key, Entry>>>,
}

/// How long a stale scoring may still be answered while a fresh one is made.
pub const KEEP_FOR: Duration = Duration::from_secs(3600);

impl Cache {
    /// The scorings of the shop as of `as_of` and `then`: kept, or made now.
    pub async fn get(
        &self,
        db: &Db,
        shop_id: ShopId,
        as_of: Date,
        then: Date,
    ) -> anyhow::Result<Pair> {
        let key = (shop_id, as_of, then);
        let stale = {
            let mut entries = self.entries.lock().expect("not poisoned");
            match entries.get_mut(&key) {
                Some(e) if e.at.elapsed() < CACHE_FOR => return Ok(e.pair.clone()),
                Some(e) if e.at.elapsed() < KEEP_FOR => {
                    let start = !e.refreshing;
                    e.refreshing = true;
                    Some((e.pair.clone(), start))
                }
                _ => None,
            }
        };
        match stale {
            Some((pair, start_refresh)) => {
                if start_refresh {
                    let (cache, db) = (self.clone(), db.clone());
                    tokio::spawn(async move {
                        if let Err(e) = cache.make(&db, key).await {
                            tracing::warn!(error = %e, "refreshing a shop's scoring");
                            if let Some(e) =
                                cache.entries.lock().expect("not poisoned").get_mut(&key)
                            {
                                e.refreshing = false;
                            }
                        }
                    });
                }
                Ok(pair)
            }
            None => self.make(db, key).await,
        }
    }

    /// Scores the shop and keeps the result.
    async fn make(&self, db: &Db, key: Key) -> anyhow::Result<Pair> {
        let (shop_id, as_of, then) = key;
        let visits = read_visits(db, shop_id, as_of.max(then)).await?;
        let pair = tokio::task::spawn_blocking(move || Pair {
            now: Arc::new(score(&visits, as_of)),
            then: Arc::new(score(&visits, then)),
        })
        .await?;
        let mut entries = self.entries.lock().expect("not poisoned");
        entries.retain(|_, e| e.at.elapsed() < KEEP_FOR);
        entries.insert(
            key,
            Entry {
                at: Instant::now(),
                pair: pair.clone(),
                refreshing: false,
            },
        );
        Ok(pair)
    }

    /// Forgets a shop's scorings (after a rebuild or an import).
    pub fn forget(&self, shop_id: ShopId) {
        self.entries
            .lock()
            .expect("not poisoned")
            .retain(|(s, _, _), _| *s != shop_id);
    }
}

/// Whether `text` names a group, for query parameters.
pub fn parse_segment(text: &str) -> Option<Segment> {
    Segment::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visits(rows: &[(u128, &str, i64)]) -> Visits {
        let mut cards: Vec<CardId> = Vec::new();
        let mut out = Vec::new();
        for (card, day, amount) in rows {
            let id = CardId(uuid::Uuid::from_u128(*card));
            let n = cards.iter().position(|c| *c == id).unwrap_or_else(|| {
                cards.push(id);
                cards.len() - 1
            });
            out.push(VisitRow {
                card: n,
                day: parse_day(day).unwrap(),
                amount_minor: *amount,
                weekday: 1,
                hour: 12,
            });
        }
        Visits {
            cards,
            rows: out,
            has_amounts: true,
        }
    }

    #[test]
    fn scoring_as_of_a_day_ignores_later_visits_and_ranks_the_top_fifth() {
        let v = visits(&[
            (1, "2026-11-30", 5000),
            (1, "2026-11-02", 4000),
            (2, "2026-06-01", 300),
            (3, "2025-01-10", 900),
            (4, "2026-12-01", 200),
            (5, "2026-12-02", 100),
            (5, "2026-12-10", 99_999), // after the day scored
        ]);
        let s = score(&v, parse_day("2026-12-03").unwrap());
        assert_eq!(s.members.len(), 5);
        let first = &s.members[0];
        assert_eq!(first.card_id, CardId(uuid::Uuid::from_u128(1)));
        assert!(first.top);
        assert_eq!(s.members.iter().filter(|m| m.top).count(), 1);
        let five = s.of(CardId(uuid::Uuid::from_u128(5))).unwrap();
        assert_eq!(
            (five.inputs.visits_12m, five.inputs.spend_12m_minor),
            (1, 100)
        );
        // Card 3's only visit is more than a year old: nothing in the 12 months, lowest scores.
        let three = s.of(CardId(uuid::Uuid::from_u128(3))).unwrap();
        assert_eq!(three.inputs.visits_12m, 0);
        assert_eq!(three.segment, Segment::Lost);
        assert_eq!(s.top_hours[1][12], 2);
        let earlier = score(&v, parse_day("2026-07-01").unwrap());
        assert_eq!(earlier.members.len(), 2);
    }
}
