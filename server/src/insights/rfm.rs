//! RFM: recency, frequency and monetary value, each scored 1-5 by quintile within the shop,
//! and the ten named groups of the R x FM grid.
//!
//! - **Recency**: days since the member's last visit (fewer is better).
//! - **Frequency**: visits in the 12 months up to the day.
//! - **Monetary**: spend in those 12 months; for a shop that records no amounts, visits again.
//!
//! **Scores with ties.** A value's score is `1 + floor(5 * below / n)`, where `below` counts the
//! members whose value is worse and `n` all scored members: equal values always get equal
//! scores, the worst value gets 1, and a score of 5 means at least four fifths of the shop do
//! worse. A shop where most members came once gives them all the same frequency score.
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
            1 + (5 * below / n) as u8
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
        // below: 0 for the ones; 7 for the twos (1 + 35/10 = 4); 9 for the five (1 + 45/10 = 5).
        assert_eq!(quintile_scores(&values), [1, 1, 1, 1, 1, 1, 1, 4, 4, 5]);
        assert_eq!(quintile_scores(&[3, 3, 3]), [1, 1, 1]);
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
        // Came three days ago, once: recent, and one visit beats the member who never came in
        // the 12 months (f = m = 1 + 5*1/5 = 2).
        assert_eq!(scores[3], Scores { r: 4, f: 2, m: 2 });
        assert_eq!(scores[3].segment(), Segment::Potential);
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
            // The smallest value always scores 1.
            let min = values.iter().min().unwrap();
            let at_min = values.iter().position(|v| v == min).unwrap();
            prop_assert_eq!(scores[at_min], 1);
            // Each score is the rule's, counted the slow way.
            for (i, v) in values.iter().enumerate() {
                let below = values.iter().filter(|x| *x < v).count();
                prop_assert_eq!(usize::from(scores[i]), 1 + 5 * below / values.len());
            }
        }
    }
}
