//! RFM: recency, frequency and monetary value, each scored 1-5 by quintile within the shop,
//! and the ten named groups of the R x FM grid.
//!
//! - **Recency**: days since the member's last visit (fewer is better).
//! - **Frequency**: visits in the 12 months up to the day.
//! - **Monetary**: spend in those 12 months; for a shop that records no amounts, visits again.
//!
//! **Scores with ties.** A value's score is `min(5, 1 + floor(5 * p))` with its mid-rank
//! percentile `p = (below + equal / 2) / n`: `below` counts the members whose value is worse,
//! `equal` those with the same value (itself included), `n` all scored members. Equal values
//! always get equal scores; distinct values split into fifths; and a value everyone shares sits
//! in the middle (3), so a new shop whose members all came once is not called "lost".
//!
//! **The grid** (FM is the floor of the mean of F and M):
//!
//! | FM \ R | 1 | 2 | 3 | 4 | 5 |
//! |---|---|---|---|---|---|
//! | 5 | can't lose | at risk | loyal | loyal | champions |
//! | 4 | can't lose | at risk | loyal | loyal | champions |
//! | 3 | at risk | at risk | need attention | potential | potential |
//! | 2 | hibernating | hibernating | need attention | potential | potential |
//! | 1 | lost | hibernating | promising | promising | new |

use regulars_protocol::insights::Segment;

/// Scores 1-5 for each value, higher for larger values (pass `-days` for recency).
pub fn quintile_scores(values: &[i64]) -> Vec<u8> {
    let n = values.len();
    if n == 0 {
        return Vec::new();
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    values
        .iter()
        .map(|v| {
            let below = sorted.partition_point(|x| x < v);
            let equal = sorted.partition_point(|x| x <= v) - below;
            // 1 + floor(5 * (below + equal / 2) / n), in integers: (10 * below + 5 * equal) / (2n).
            (1 + (10 * below + 5 * equal) / (2 * n)).min(5) as u8
        })
        .collect()
}

/// One member's scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scores {
    pub r: u8,
    pub f: u8,
    pub m: u8,
}

impl Scores {
    pub fn fm(self) -> u8 {
        ((self.f + self.m) / 2).clamp(1, 5)
    }

    pub fn segment(self) -> Segment {
        use Segment::*;
        const GRID: [[Segment; 5]; 5] = [
            // FM = 1, R = 1..5
            [Lost, Hibernating, Promising, Promising, New],
            [
                Hibernating,
                Hibernating,
                NeedAttention,
                Potential,
                Potential,
            ],
            [AtRisk, AtRisk, NeedAttention, Potential, Potential],
            [CantLose, AtRisk, Loyal, Loyal, Champions],
            [CantLose, AtRisk, Loyal, Loyal, Champions],
        ];
        GRID[usize::from(self.fm().clamp(1, 5) - 1)][usize::from(self.r.clamp(1, 5) - 1)]
    }
}

/// What scoring needs of one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inputs {
    pub recency_days: i64,
    pub visits_12m: i64,
    pub spend_12m_minor: i64,
}

/// Scores every member of a shop against the others. `has_amounts`: whether the shop records
/// purchase amounts; without them monetary is frequency again.
pub fn score(members: &[Inputs], has_amounts: bool) -> Vec<Scores> {
    let r = quintile_scores(&members.iter().map(|m| -m.recency_days).collect::<Vec<_>>());
    let f = quintile_scores(&members.iter().map(|m| m.visits_12m).collect::<Vec<_>>());
    let m = if has_amounts {
        quintile_scores(
            &members
                .iter()
                .map(|m| m.spend_12m_minor)
                .collect::<Vec<_>>(),
        )
    } else {
        f.clone()
    };
    (0..members.len())
        .map(|i| Scores {
            r: r[i],
            f: f[i],
            m: m[i],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ten_distinct_values_make_two_of_each_score() {
        let values: Vec<i64> = (1..=10).collect();
        assert_eq!(quintile_scores(&values), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    }

    #[test]
    fn ties_share_a_score_and_a_shop_of_one_timers_is_all_ones() {
        // Seven members came once, two twice, one five times.
        let values = [1, 1, 1, 1, 1, 1, 1, 2, 2, 5];
        // The ones: p = 3.5/10, score 2; the twos: p = 8/10, score 5; the five: 9.5/10, 5.
        assert_eq!(quintile_scores(&values), [2, 2, 2, 2, 2, 2, 2, 5, 5, 5]);
        // Everyone alike sits in the middle.
        assert_eq!(quintile_scores(&[3, 3, 3]), [3, 3, 3]);
        assert_eq!(quintile_scores(&[]), Vec::<u8>::new());
    }

    #[test]
    fn recency_scores_recent_members_highest() {
        let members = [
            Inputs {
                recency_days: 1,
                visits_12m: 20,
                spend_12m_minor: 90_00,
            },
            Inputs {
                recency_days: 400,
                visits_12m: 0,
                spend_12m_minor: 0,
            },
            Inputs {
                recency_days: 200,
                visits_12m: 1,
                spend_12m_minor: 4_50,
            },
            Inputs {
                recency_days: 3,
                visits_12m: 1,
                spend_12m_minor: 3_00,
            },
            Inputs {
                recency_days: 30,
                visits_12m: 8,
                spend_12m_minor: 40_00,
            },
        ];
        let scores = score(&members, true);
        assert_eq!(scores[0], Scores { r: 5, f: 5, m: 5 });
        assert_eq!(scores[0].segment(), Segment::Champions);
        assert_eq!(scores[1], Scores { r: 1, f: 1, m: 1 });
        assert_eq!(scores[1].segment(), Segment::Lost);
        // Came three days ago, once: recent, an ordinary frequency (two members came once:
        // p = (1 + 1)/5, score 3), little spend: a potential loyalist.
        assert_eq!(scores[3], Scores { r: 4, f: 3, m: 2 });
        assert_eq!(scores[3].segment(), Segment::Potential);
        // Half a year ago, once: at risk.
        assert_eq!(scores[2], Scores { r: 2, f: 3, m: 3 });
        assert_eq!(scores[2].segment(), Segment::AtRisk);
        // Without amounts, monetary follows frequency.
        let no_amounts = score(&members, false);
        assert!(no_amounts.iter().all(|s| s.m == s.f));
    }

    #[test]
    fn the_grid_corners() {
        let s = |r, f, m| Scores { r, f, m }.segment();
        assert_eq!(s(5, 5, 5), Segment::Champions);
        assert_eq!(s(1, 5, 5), Segment::CantLose);
        assert_eq!(s(1, 1, 1), Segment::Lost);
        assert_eq!(s(5, 1, 1), Segment::New);
        assert_eq!(s(3, 3, 2), Segment::NeedAttention);
        assert_eq!(s(2, 4, 3), Segment::AtRisk);
        assert_eq!(s(4, 4, 5), Segment::Loyal);
    }

    proptest! {
        #[test]
        fn scores_are_one_to_five_monotone_and_equal_for_equal_values(
            values in proptest::collection::vec(0i64..50, 1..200)
        ) {
            let scores = quintile_scores(&values);
            for (i, a) in values.iter().enumerate() {
                prop_assert!((1..=5).contains(&scores[i]));
                for (j, b) in values.iter().enumerate() {
                    if a == b { prop_assert_eq!(scores[i], scores[j]); }
                    if a < b { prop_assert!(scores[i] <= scores[j]); }
                }
            }
            // Each score is the rule's, counted the slow way in floating point.
            for (i, v) in values.iter().enumerate() {
                let below = values.iter().filter(|x| *x < v).count() as f64;
                let equal = values.iter().filter(|x| *x == v).count() as f64;
                let p = (below + equal / 2.0) / values.len() as f64;
                let expected = (1.0 + (5.0 * p + 1e-9).floor()).min(5.0);
                prop_assert_eq!(f64::from(scores[i]), expected);
            }
        }
    }
}
