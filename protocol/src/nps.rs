//! Net Promoter Score: the one-question survey a card asks after a visit ("How likely are you
//! to recommend {shop} to a friend?", 0 to 10), the rules an answer must keep, when the card
//! asks, and the score. The phone checks an answer with these rules before it keeps it, and the
//! server checks it again before it stores it, so both refuse the same answers for the same
//! reasons.

use time::{Duration, OffsetDateTime};

use crate::Refusal;

/// The highest answer; the lowest is 0.
pub const MAX_SCORE: i64 = 10;

/// The longest comment, in characters (Unicode scalar values, as a shopper counts them).
pub const MAX_COMMENT_CHARS: usize = 500;

/// A member answers at most once in this many days.
pub const ANSWER_EVERY_DAYS: i64 = 90;

/// After "Not now", the card waits for another visit and at least this many days.
pub const ASK_AGAIN_AFTER_DISMISS_DAYS: i64 = 14;

/// The three groups of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// 9 or 10.
    Promoter,
    /// 7 or 8.
    Passive,
    /// 0 to 6.
    Detractor,
}

impl Group {
    /// The group of a valid answer.
    pub fn of(score: i64) -> Group {
        match score {
            9.. => Group::Promoter,
            7 | 8 => Group::Passive,
            _ => Group::Detractor,
        }
    }
}

/// Answers counted by group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub promoters: i64,
    pub passives: i64,
    pub detractors: i64,
}

impl Tally {
    pub fn add(&mut self, score: i64) {
        match Group::of(score) {
            Group::Promoter => self.promoters += 1,
            Group::Passive => self.passives += 1,
            Group::Detractor => self.detractors += 1,
        }
    }

    pub fn answers(&self) -> i64 {
        self.promoters + self.passives + self.detractors
    }

    /// The score, -100 to 100: the share of promoters minus the share of detractors, in
    /// percent, rounded half away from zero; none without answers.
    pub fn score(&self) -> Option<i64> {
        let n = self.answers();
        (n > 0).then(|| {
            let diff = (self.promoters - self.detractors) * 100;
            // Round half away from zero in integers: no float rounding at the .5 boundary.
            let (q, r) = (diff / n, diff % n);
            if 2 * r.abs() >= n {
                q + diff.signum()
            } else {
                q
            }
        })
    }
}

/// Checks one answer on its own: the score is 0 to 10 and the comment at most
/// [`MAX_COMMENT_CHARS`].
pub fn check_answer(score: i64, comment: Option<&str>) -> Result<(), Refusal> {
    if !(0..=MAX_SCORE).contains(&score) {
        return Err(Refusal::InvalidScore);
    }
    if comment.is_some_and(|c| c.chars().count() > MAX_COMMENT_CHARS) {
        return Err(Refusal::CommentTooLong);
    }
    Ok(())
}

/// Whether an answer at `at` comes too soon after (or before) one at `earlier`: two answers of
/// one member are at least [`ANSWER_EVERY_DAYS`] apart.
pub fn too_close(at: OffsetDateTime, other: OffsetDateTime) -> bool {
    (at - other).abs() < Duration::days(ANSWER_EVERY_DAYS)
}

/// What the card knows when it decides whether to ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AskState {
    /// The member's last visit (an earning event), if any.
    pub last_visit: Option<OffsetDateTime>,
    /// The member's last answer, if any.
    pub last_answer: Option<OffsetDateTime>,
    /// The last time the member said "Not now", if ever.
    pub last_dismissed: Option<OffsetDateTime>,
}

impl AskState {
    /// Whether the card asks now: after a visit, once per [`ANSWER_EVERY_DAYS`], and after "Not
    /// now" only once there was another visit and [`ASK_AGAIN_AFTER_DISMISS_DAYS`] passed.
    pub fn due(&self, now: OffsetDateTime) -> bool {
        let Some(visit) = self.last_visit else {
            return false;
        };
        if self.last_answer.is_some_and(|a| too_close(now, a)) {
            return false;
        }
        match self.last_dismissed {
            Some(d) => visit > d && now - d >= Duration::days(ASK_AGAIN_AFTER_DISMISS_DAYS),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tally(scores: &[i64]) -> Tally {
        let mut t = Tally::default();
        for s in scores {
            t.add(*s);
        }
        t
    }

    #[test]
    fn the_groups_are_0_to_6_7_and_8_and_9_and_10() {
        let groups: Vec<Group> = (0..=10).map(Group::of).collect();
        assert!(groups[..7].iter().all(|g| *g == Group::Detractor));
        assert_eq!(groups[7..9], [Group::Passive, Group::Passive]);
        assert_eq!(groups[9..], [Group::Promoter, Group::Promoter]);
    }

    #[test]
    fn the_score_is_promoters_minus_detractors_in_percent() {
        assert_eq!(tally(&[]).score(), None);
        assert_eq!(tally(&[10, 10]).score(), Some(100));
        assert_eq!(tally(&[0, 6]).score(), Some(-100));
        assert_eq!(tally(&[7, 8]).score(), Some(0));
        // 2 promoters, 1 passive, 1 detractor: 50 % - 25 % = 25.
        assert_eq!(tally(&[9, 10, 8, 3]).score(), Some(25));
        // 1 promoter of 3: 33.3 -> 33; 2 of 3: 66.7 -> 67; a half rounds away from zero.
        assert_eq!(tally(&[9, 7, 7]).score(), Some(33));
        assert_eq!(tally(&[9, 9, 7]).score(), Some(67));
        assert_eq!(tally(&[1, 7, 7, 7, 7, 7, 7, 7]).score(), Some(-13));
        assert_eq!(tally(&[9, 7, 7, 7, 7, 7, 7, 7]).score(), Some(13));
    }

    #[test]
    fn answers_outside_the_scale_or_with_long_comments_are_refused() {
        assert_eq!(check_answer(-1, None), Err(Refusal::InvalidScore));
        assert_eq!(check_answer(11, None), Err(Refusal::InvalidScore));
        assert_eq!(check_answer(0, Some("")), Ok(()));
        assert_eq!(check_answer(10, Some(&"é".repeat(500))), Ok(()));
        assert_eq!(
            check_answer(10, Some(&"é".repeat(501))),
            Err(Refusal::CommentTooLong)
        );
    }

    #[test]
    fn the_card_asks_after_a_visit_once_per_90_days() {
        let t0 = OffsetDateTime::UNIX_EPOCH + Duration::days(20_000);
        let day = |n: i64| t0 + Duration::days(n);
        let nothing = AskState::default();
        assert!(!nothing.due(day(0)), "no visit yet");
        let visited = AskState {
            last_visit: Some(day(0)),
            ..nothing
        };
        assert!(visited.due(day(0)));
        let answered = AskState {
            last_answer: Some(day(1)),
            last_visit: Some(day(60)),
            ..nothing
        };
        assert!(!answered.due(day(90)));
        assert!(answered.due(day(91)));
        let dismissed = AskState {
            last_visit: Some(day(0)),
            last_dismissed: Some(day(1)),
            ..nothing
        };
        assert!(!dismissed.due(day(30)), "no visit since Not now");
        let came_back = AskState {
            last_visit: Some(day(5)),
            ..dismissed
        };
        assert!(!came_back.due(day(10)), "too soon after Not now");
        assert!(came_back.due(day(15)));
    }

    proptest! {
        #[test]
        fn the_score_stays_within_100_and_follows_the_groups(
            scores in proptest::collection::vec(0i64..=10, 1..200)
        ) {
            let t = tally(&scores);
            let s = t.score().unwrap();
            prop_assert!((-100..=100).contains(&s));
            let exact = (t.promoters - t.detractors) as f64 * 100.0 / scores.len() as f64;
            prop_assert!((s as f64 - exact).abs() <= 0.5);
        }

        #[test]
        fn too_close_is_symmetric(a in 0i64..1_000_000, b in 0i64..1_000_000) {
            let (a, b) = (
                OffsetDateTime::UNIX_EPOCH + Duration::minutes(a),
                OffsetDateTime::UNIX_EPOCH + Duration::minutes(b),
            );
            prop_assert_eq!(too_close(a, b), too_close(b, a));
        }
    }
}
