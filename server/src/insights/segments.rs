//! Segments: every member's RFM scores and group as of a day, the groups' members, and the
//! heatmaps of each group and of the top customers over a period ending that day.
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
    /// Visits by weekday and hour after `hours_after` up to `as_of`, per group and for the top
    /// customers.
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

/// One member as a scoring reads them: their last visit on or before the day scored, their
/// visits and spend in the 12 months to it, and the weekday x 24 + hour of each visit in the
/// heatmap's period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub card_id: CardId,
    pub last: Date,
    pub visits_12m: i64,
    pub spend_12m_minor: i64,
    pub slots: Vec<u8>,
}

/// The members of a shop as of two days, read in one pass.
pub struct Members {
    pub now: Vec<Member>,
    pub then: Vec<Member>,
    pub has_amounts: bool,
}

fn year_before(day: Date) -> Date {
    day.checked_sub(Span::new().years(1)).unwrap_or(day)
}

/// Every member with a visit on or before `as_of`, as of `as_of` and as of `then` (which is
/// before it), with the slots of their visits after `then`. The database sums each member's
/// visit days (a large shop has a million of them; every column is in the
/// visit_days_by_shop_day index), so a hundred thousand rows reach the server, not a million.
pub async fn read_members(
    db: &Db,
    shop_id: ShopId,
    as_of: Date,
    then: Date,
) -> anyhow::Result<Members> {
    use futures::TryStreamExt;
    let has_amounts: Option<i32> = sqlx::query_scalar(
        "SELECT 1 FROM shop_days WHERE shop_id = $1 AND day <= $2 AND amounts > 0 LIMIT 1",
    )
    .bind(shop_id.to_string())
    .bind(day_text(as_of))
    .fetch_optional(db)
    .await?;
    let mut stream = sqlx::query(
        "SELECT card_id,
            MAX(day) AS last_now,
            CAST(SUM(CASE WHEN day > $3 THEN 1 ELSE 0 END) AS BIGINT) AS visits_now,
            CAST(SUM(CASE WHEN day > $3 THEN amount_minor ELSE 0 END) AS BIGINT) AS spend_now,
            MAX(CASE WHEN day <= $4 THEN day END) AS last_then,
            CAST(SUM(CASE WHEN day > $5 AND day <= $4 THEN 1 ELSE 0 END) AS BIGINT) AS visits_then,
            CAST(SUM(CASE WHEN day > $5 AND day <= $4 THEN amount_minor ELSE 0 END) AS BIGINT) AS spend_then,
            string_agg(CASE WHEN day > $4 AND hour < 24 THEN CAST(weekday * 24 + hour AS TEXT) END, ',') AS slots
         FROM visit_days WHERE shop_id = $1 AND day <= $2 AND earnings > 0
         GROUP BY card_id",
    )
    .bind(shop_id.to_string())
    .bind(day_text(as_of))
    .bind(day_text(year_before(as_of)))
    .bind(day_text(then))
    .bind(day_text(year_before(then)))
    .fetch(db);
    let mut days: HashMap<String, Date> = HashMap::new();
    let mut day = |text: &str| -> anyhow::Result<Date> {
        if let Some(d) = days.get(text) {
            return Ok(*d);
        }
        let d = parse_day(text).ok_or_else(|| anyhow::anyhow!("bad day {text}"))?;
        days.insert(text.to_owned(), d);
        Ok(d)
    };
    let mut out = Members {
        now: Vec::new(),
        then: Vec::new(),
        has_amounts: has_amounts.is_some(),
    };
    while let Some(r) = stream.try_next().await? {
        let card_id: CardId = parse_id(r.try_get::<&str, _>("card_id")?)?;
        let slots = r
            .try_get::<Option<&str>, _>("slots")?
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.parse::<u8>().ok())
            .filter(|s| *s < 7 * 24)
            .collect();
        out.now.push(Member {
            card_id,
            last: day(r.try_get("last_now")?)?,
            visits_12m: r.try_get("visits_now")?,
            spend_12m_minor: r.try_get("spend_now")?,
            slots,
        });
        if let Some(last) = r.try_get::<Option<&str>, _>("last_then")? {
            out.then.push(Member {
                card_id,
                last: day(last)?,
                visits_12m: r.try_get("visits_then")?,
                spend_12m_minor: r.try_get("spend_then")?,
                slots: Vec::new(),
            });
        }
    }
    Ok(out)
}

/// Scores the members as of `as_of` against each other, and counts their slots by group.
pub fn score(members: Vec<Member>, as_of: Date, has_amounts: bool) -> Scoring {
    let inputs: Vec<Inputs> = members
        .iter()
        .map(|m| Inputs {
            recency_days: i64::from((as_of - m.last).get_days()),
            visits_12m: m.visits_12m,
            spend_12m_minor: m.spend_12m_minor,
        })
        .collect();
    let scores = rfm::score(&inputs, has_amounts);
    let mut scored: Vec<(Scored, Vec<u8>)> = members
        .into_iter()
        .zip(inputs.into_iter().zip(scores))
        .map(|(m, (inputs, scores))| {
            (
                Scored {
                    card_id: m.card_id,
                    inputs,
                    scores,
                    segment: scores.segment(),
                    last_visit: m.last,
                    top: false,
                },
                m.slots,
            )
        })
        .collect();
    let value = |m: &Scored| {
        if has_amounts {
            (m.inputs.spend_12m_minor, m.inputs.visits_12m)
        } else {
            (m.inputs.visits_12m, m.inputs.spend_12m_minor)
        }
    };
    scored.sort_by(|(a, _), (b, _)| value(b).cmp(&value(a)).then(a.card_id.0.cmp(&b.card_id.0)));
    let top_count = ((scored.len() as f64) * TOP_SHARE).ceil() as usize;
    for (m, _) in scored.iter_mut().take(top_count) {
        // A member with nothing in the 12 months is never a top customer.
        m.top = m.inputs.visits_12m > 0;
    }
    let mut hours: HashMap<Segment, [[i64; 24]; 7]> = HashMap::new();
    let mut top_hours = [[0i64; 24]; 7];
    for (m, slots) in &scored {
        for slot in slots {
            let (weekday, hour) = (usize::from(slot / 24), usize::from(slot % 24));
            hours.entry(m.segment).or_insert([[0; 24]; 7])[weekday][hour] += 1;
            if m.top {
                top_hours[weekday][hour] += 1;
            }
        }
    }
    let members: Vec<Scored> = scored.into_iter().map(|(m, _)| m).collect();
    let index: HashMap<CardId, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.card_id, i))
        .collect();
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

    /// The shop's members scored as of `as_of`, for a page that shows one member's scores
    /// and no period: any kept scoring as of that day will do (the scores of a day do not
    /// depend on the period the heatmaps cover), so the member page does not wait for a
    /// scoring of its own after the Insights pages (or start-up) made one.
    pub async fn as_of(
        &self,
        db: &Db,
        shop_id: ShopId,
        as_of: Date,
    ) -> anyhow::Result<Arc<Scoring>> {
        let kept = {
            let entries = self.entries.lock().expect("not poisoned");
            entries
                .iter()
                .filter(|((s, day, _), e)| {
                    *s == shop_id && *day == as_of && e.at.elapsed() < CACHE_FOR
                })
                .max_by_key(|(_, e)| e.at)
                .map(|(_, e)| e.pair.now.clone())
        };
        match kept {
            Some(now) => Ok(now),
            None => {
                let then = as_of.yesterday().unwrap_or(as_of);
                Ok(self.get(db, shop_id, as_of, then).await?.now)
            }
        }
    }

    /// Scores the shop and keeps the result.
    async fn make(&self, db: &Db, key: Key) -> anyhow::Result<Pair> {
        let (shop_id, as_of, then) = key;
        // The heatmaps of now cover the period (the day after `then` to `as_of`).
        let read = read_members(db, shop_id, as_of, then.min(as_of)).await?;
        let pair = tokio::task::spawn_blocking(move || Pair {
            now: Arc::new(score(read.now, as_of, read.has_amounts)),
            then: Arc::new(score(read.then, then, read.has_amounts)),
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

    /// Scores every shop that has visits for the default period (the 30 days to today), one
    /// shop after another, so the first look after a start does not wait. Start-up runs it in
    /// the background.
    pub async fn warm(&self, db: &Db) -> anyhow::Result<()> {
        use super::figures::{Period, PeriodQuery};
        for (shop_id, clock) in crate::db::insights::shops_with_visits(db).await? {
            let period = Period::parse(&PeriodQuery::default(), clock.today(crate::db::now()))?;
            let (as_of, then) = period.scoring_days();
            self.get(db, shop_id, as_of, then).await?;
        }
        Ok(())
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

    fn member(card: u128, last: &str, visits: i64, spend: i64, slots: &[u8]) -> Member {
        Member {
            card_id: CardId(uuid::Uuid::from_u128(card)),
            last: parse_day(last).unwrap(),
            visits_12m: visits,
            spend_12m_minor: spend,
            slots: slots.to_vec(),
        }
    }

    #[test]
    fn scoring_ranks_the_top_fifth_and_counts_each_groups_visits() {
        // Tuesday (weekday 1) at noon is slot 36.
        let members = vec![
            member(2, "2026-06-01", 1, 300, &[]),
            member(1, "2026-11-30", 2, 9000, &[36, 36]),
            member(3, "2025-01-10", 0, 0, &[]),
            member(4, "2026-12-01", 1, 200, &[37]),
            member(5, "2026-12-02", 1, 100, &[36]),
        ];
        let s = score(members, parse_day("2026-12-03").unwrap(), true);
        assert_eq!(s.members.len(), 5);
        let first = &s.members[0];
        assert_eq!(first.card_id, CardId(uuid::Uuid::from_u128(1)));
        assert!(first.top);
        assert_eq!(first.inputs.recency_days, 3);
        assert_eq!(s.members.iter().filter(|m| m.top).count(), 1);
        assert_eq!(s.top_hours[1][12], 2);
        assert_eq!(s.top_hours[1][13], 0);
        let visits: i64 = s.hours.values().flatten().flatten().sum();
        assert_eq!(visits, 4);
        assert_eq!(
            s.hours[&first.segment][1][12],
            2 + i64::from(s.of(CardId(uuid::Uuid::from_u128(5))).unwrap().segment == first.segment)
        );
        // Card 3's only visit is more than a year old: nothing in the 12 months, lowest scores,
        // and never a top customer.
        let three = s.of(CardId(uuid::Uuid::from_u128(3))).unwrap();
        assert_eq!(three.segment, Segment::Lost);
        assert!(!three.top);
        // Without amounts, visits rank the members.
        let by_visits = score(
            vec![
                member(1, "2026-11-30", 1, 9000, &[]),
                member(2, "2026-11-30", 3, 0, &[]),
            ],
            parse_day("2026-12-03").unwrap(),
            false,
        );
        assert_eq!(
            by_visits.members[0].card_id,
            CardId(uuid::Uuid::from_u128(2))
        );
    }

    /// A kept scoring past its five minutes is answered at once while a fresh one is made; when
    /// making it fails (here the database is gone), the kept one is still answered and the next
    /// request tries again.
    #[tokio::test]
    async fn a_refresh_that_fails_keeps_the_stale_scoring_and_tries_again() {
        let dir = tempfile::tempdir().unwrap();
        let pools = crate::db::engine::open(&format!(
            "sqlite://{}",
            dir.path().join("regulars.db").display()
        ))
        .await
        .unwrap();
        let day = parse_day("2026-12-03").unwrap();
        let shop = ShopId(uuid::Uuid::from_u128(7));
        let key = (shop, day, day);
        let kept = score(vec![member(1, "2026-12-01", 1, 100, &[36])], day, true);
        let pair = Pair {
            now: Arc::new(kept.clone()),
            then: Arc::new(kept),
        };
        let cache = Cache::default();
        let long_ago = Instant::now()
            .checked_sub(CACHE_FOR + Duration::from_secs(1))
            .unwrap();
        cache.entries.lock().unwrap().insert(
            key,
            Entry {
                at: long_ago,
                pair,
                refreshing: false,
            },
        );
        pools.db.close().await;
        let refreshing = || cache.entries.lock().unwrap()[&key].refreshing;
        for attempt in 0..2 {
            let answered = cache.get(&pools.db, shop, day, day).await.unwrap();
            assert_eq!(answered.now.members.len(), 1, "attempt {attempt}");
            assert!(refreshing(), "attempt {attempt}: a refresh was started");
            // The refresh fails in the background and says so; until then nothing else starts.
            tokio::time::timeout(Duration::from_secs(30), async {
                while refreshing() {
                    tokio::task::yield_now().await;
                }
            })
            .await
            .expect("the failed refresh gives up");
            assert_eq!(cache.entries.lock().unwrap()[&key].at, long_ago);
        }
    }
}
