//! Which time an event is judged by. A tablet's clock is its own word: the server keeps it when
//! it is possible, and uses its own receive time when it is not.

use regulars_protocol::Flag;
use time::{Duration, OffsetDateTime};

/// A batch whose `sent_at` is further off than this marks its events `clock_skew`.
pub const MAX_CLOCK_SKEW: Duration = Duration::minutes(5);
/// An event more than this ahead of the server's clock is impossible.
pub const MAX_AHEAD: Duration = Duration::days(1);
/// An event this much older than the tablet's previous push was made before that push, which
/// an honest outbox would have sent then: backdating (to slip under the daily and hourly
/// limits) would explain it.
pub const BACKDATED_AFTER: Duration = Duration::minutes(15);
/// Tablets paired at set-up may run a little behind the server.
const BEFORE_SHOP_SLACK: Duration = Duration::minutes(10);

/// The time the rules and figures use for an event, and what to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timing {
    pub at: OffsetDateTime,
    /// The tablet's time, kept when it was not used.
    pub claimed: Option<OffsetDateTime>,
    pub flags: Vec<Flag>,
}

/// What the server knows when it judges an event's time.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub now: OffsetDateTime,
    pub shop_created: OffsetDateTime,
    /// The tablet's previous push, if it pushed before.
    pub last_push: Option<OffsetDateTime>,
    /// The tablet's clock when it sent the batch.
    pub sent_at: Option<OffsetDateTime>,
}

/// Judges a (representable, UTC) event time.
pub fn judge(claimed: OffsetDateTime, cx: &Context) -> Timing {
    let mut flags = vec![];
    if cx
        .sent_at
        .is_some_and(|sent| (sent - cx.now).abs() > MAX_CLOCK_SKEW)
    {
        flags.push(Flag::ClockSkew);
    }
    if claimed < cx.shop_created - BEFORE_SHOP_SLACK || claimed > cx.now + MAX_AHEAD {
        flags.push(Flag::BadClock);
        return Timing {
            at: cx.now,
            claimed: Some(claimed),
            flags,
        };
    }
    if claimed > cx.now + MAX_CLOCK_SKEW && !flags.contains(&Flag::ClockSkew) {
        flags.push(Flag::ClockSkew);
    }
    if cx
        .last_push
        .is_some_and(|last| claimed < last - BACKDATED_AFTER)
    {
        flags.push(Flag::Backdated);
    }
    Timing {
        at: claimed,
        claimed: None,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;

    fn cx() -> Context {
        Context {
            now: datetime!(2026-12-02 12:00 UTC),
            shop_created: datetime!(2026-01-01 09:00 UTC),
            last_push: Some(datetime!(2026-12-02 11:00 UTC)),
            sent_at: Some(datetime!(2026-12-02 12:00 UTC)),
        }
    }

    #[test]
    fn an_honest_offline_event_keeps_its_own_time() {
        let at = datetime!(2026-12-02 11:30 UTC);
        assert_eq!(
            judge(at, &cx()),
            Timing {
                at,
                claimed: None,
                flags: vec![]
            }
        );
    }

    #[test]
    fn a_time_before_the_shop_or_days_ahead_is_replaced_by_the_servers() {
        for claimed in [
            datetime!(1999-05-01 10:00 UTC),
            datetime!(2026-12-04 12:00 UTC),
        ] {
            let timing = judge(claimed, &cx());
            assert_eq!(timing.at, cx().now, "{claimed}");
            assert_eq!(timing.claimed, Some(claimed));
            assert_eq!(timing.flags, [Flag::BadClock]);
        }
    }

    #[test]
    fn an_event_made_long_before_the_last_push_is_backdated() {
        let timing = judge(datetime!(2026-12-01 08:00 UTC), &cx());
        assert_eq!(timing.flags, [Flag::Backdated]);
        assert_eq!(timing.at, datetime!(2026-12-01 08:00 UTC));
    }

    #[test]
    fn a_skewed_batch_marks_its_events() {
        let mut skewed = cx();
        skewed.sent_at = Some(datetime!(2026-12-02 12:30 UTC));
        assert_eq!(
            judge(datetime!(2026-12-02 11:50 UTC), &skewed).flags,
            [Flag::ClockSkew]
        );
    }

    proptest! {
        #[test]
        fn the_time_used_is_never_before_the_shop_nor_a_day_ahead(secs in -4_000_000_000i64..4_000_000_000i64) {
            let claimed = cx().now + Duration::seconds(secs);
            let timing = judge(claimed, &cx());
            prop_assert!(timing.at >= cx().shop_created - BEFORE_SHOP_SLACK);
            prop_assert!(timing.at <= cx().now + MAX_AHEAD);
            prop_assert_eq!(timing.claimed.is_some(), timing.flags.contains(&Flag::BadClock));
        }
    }
}
