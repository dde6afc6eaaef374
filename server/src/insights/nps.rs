//! The owner's NPS panel: the period's score against the period before, the trend by month and
//! the comments, detractors first. The score's rule is [`regulars_protocol::nps`]'s, the same
//! the phone knows; answers are read by their shop-local day.

use std::collections::BTreeMap;

use jiff::civil::Date;
use regulars_protocol::ShopId;
use regulars_protocol::insights::{NpsAnswer, NpsFigures, NpsMonth, NpsReport};
use regulars_protocol::nps::Tally;

use super::figures::Period;
use super::local::{day_text, parse_day};
use crate::db::card_events::Answer;
use crate::db::{self, Db};

/// The most comments one report lists.
pub const MAX_COMMENTS: usize = 200;

/// How many months the trend shows, the period's last month included.
pub const TREND_MONTHS: i8 = 12;

fn figures(tally: &Tally) -> NpsFigures {
    NpsFigures {
        score: tally.score(),
        answers: tally.answers(),
        promoters: tally.promoters,
        passives: tally.passives,
        detractors: tally.detractors,
    }
}

fn month_of(day: &str) -> &str {
    day.get(..7).unwrap_or(day)
}

/// The first day of the trend: the first of the month [`TREND_MONTHS`] - 1 months before the
/// period's last.
fn trend_start(to: Date) -> Date {
    let first = to.first_of_month();
    first
        .checked_sub(jiff::Span::new().months(i64::from(TREND_MONTHS - 1)))
        .unwrap_or(first)
}

/// The report from the answers of `[min(previous.from, trend start), p.to]`.
pub fn report(
    p: Period,
    answers: &[Answer],
    names: &dyn Fn(&Answer) -> Option<String>,
) -> NpsReport {
    let previous = p.previous();
    let inside =
        |a: &Answer, q: Period| parse_day(&a.day).is_some_and(|d| d >= q.from && d <= q.to);
    let mut current = Tally::default();
    let mut before = Tally::default();
    let start = trend_start(p.to);
    let mut months: BTreeMap<String, Tally> = BTreeMap::new();
    let mut month = start;
    while month <= p.to {
        months.insert(day_text(month)[..7].to_owned(), Tally::default());
        match month.checked_add(jiff::Span::new().months(1)) {
            Ok(next) => month = next,
            Err(_) => break,
        }
    }
    let mut comments = Vec::new();
    for a in answers {
        if inside(a, p) {
            current.add(a.score);
            if a.comment.as_deref().is_some_and(|c| !c.trim().is_empty()) {
                comments.push(a);
            }
        }
        if inside(a, previous) {
            before.add(a.score);
        }
        if let Some(t) = months.get_mut(month_of(&a.day))
            && parse_day(&a.day).is_some_and(|d| d <= p.to)
        {
            t.add(a.score);
        }
    }
    // Detractors first: the lowest score first, the newest first within a score.
    comments.sort_by(|a, b| {
        a.score
            .cmp(&b.score)
            .then(b.answered_at.cmp(&a.answered_at))
    });
    NpsReport {
        from: day_text(p.from),
        to: day_text(p.to),
        current: figures(&current),
        previous: figures(&before),
        months: months
            .iter()
            .map(|(month, t)| NpsMonth {
                month: month.clone(),
                figures: figures(t),
            })
            .collect(),
        comments: comments
            .into_iter()
            .take(MAX_COMMENTS)
            .map(|a| answer(a, names(a)))
            .collect(),
    }
}

/// One stored answer as the owner's pages show it.
pub fn answer(a: &Answer, first_name: Option<String>) -> NpsAnswer {
    NpsAnswer {
        card_id: a.card_id,
        first_name,
        score: a.score,
        comment: a.comment.clone(),
        day: a.day.clone(),
    }
}

/// `GET /owner/insights/nps`: reads the answers the report needs and the commenters' names.
pub async fn read_report(db: &Db, shop_id: ShopId, p: Period) -> anyhow::Result<NpsReport> {
    let from = p.previous().from.min(trend_start(p.to));
    let answers = db::card_events::answers(db, shop_id, &day_text(from), &day_text(p.to)).await?;
    let commenters: Vec<_> = answers
        .iter()
        .filter(|a| a.comment.is_some())
        .map(|a| a.card_id)
        .collect();
    let listed = db::insights::listed(db, shop_id, &commenters).await?;
    Ok(report(p, &answers, &|a| {
        listed.get(&a.card_id).and_then(|l| l.first_name.clone())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use regulars_protocol::CardId;
    use time::OffsetDateTime;

    fn answer(day: &str, score: i64, comment: Option<&str>) -> Answer {
        let at = OffsetDateTime::parse(
            &format!("{day}T12:00:00Z"),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        Answer {
            card_id: CardId::random(),
            score,
            comment: comment.map(str::to_owned),
            answered_at: at,
            day: day.to_owned(),
        }
    }

    #[test]
    fn the_report_counts_the_period_the_one_before_and_each_month() {
        let p = Period {
            from: parse_day("2026-11-08").unwrap(),
            to: parse_day("2026-12-07").unwrap(),
        };
        let answers = vec![
            answer("2026-01-15", 0, None), // before the trend's first month (2026-01 is in it)
            answer("2025-12-31", 10, None), // before the trend
            answer("2026-10-20", 10, None), // the period before
            answer("2026-10-21", 3, None), // the period before
            answer("2026-11-08", 9, Some("Great coffee")),
            answer("2026-11-20", 2, Some("Rude at the till")),
            answer("2026-12-01", 5, Some("Slow")),
            answer("2026-12-02", 5, Some("   ")),
            answer("2026-12-07", 8, None),
        ];
        let r = report(p, &answers, &|_| None);
        // 1 promoter, 1 passive, 3 detractors of 5: 20 - 60 = -40.
        assert_eq!(
            r.current,
            NpsFigures {
                score: Some(-40),
                answers: 5,
                promoters: 1,
                passives: 1,
                detractors: 3
            }
        );
        assert_eq!(r.previous.score, Some(0));
        assert_eq!(r.months.len(), 12);
        assert_eq!(r.months[0].month, "2026-01");
        assert_eq!(r.months[0].figures.score, Some(-100));
        assert_eq!(r.months[11].month, "2026-12");
        assert_eq!(r.months[11].figures.answers, 3);
        assert_eq!(r.months[10].figures.answers, 2);
        assert_eq!(r.months[9].figures.answers, 2);
        assert_eq!(r.months[5].figures.score, None);
        let said: Vec<_> = r
            .comments
            .iter()
            .map(|c| c.comment.clone().unwrap())
            .collect();
        assert_eq!(said, ["Rude at the till", "Slow", "Great coffee"]);
    }
}
