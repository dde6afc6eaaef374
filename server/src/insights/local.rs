//! The shop's own calendar: which local day, weekday and hour an instant falls on, with the
//! time-zone data bundled in `jiff` (never the machine's), so daylight-saving days bucket right
//! on every server.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use time::OffsetDateTime;

/// Where an instant falls in the shop's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub day: Date,
    /// 0 = Monday.
    pub weekday: u8,
    pub hour: u8,
}

/// A shop's time zone.
#[derive(Debug, Clone)]
pub struct ShopClock {
    tz: TimeZone,
}

impl ShopClock {
    /// The zone by its IANA name. A name the bundled database does not know is an error (setup
    /// and settings refuse it; a shop made before that check falls back to UTC, see
    /// [`ShopClock::or_utc`]).
    pub fn new(name: &str) -> Result<Self, jiff::Error> {
        Ok(Self {
            tz: jiff::tz::db().get(name)?,
        })
    }

    pub fn or_utc(name: &str) -> Self {
        Self::new(name).unwrap_or_else(|_| {
            tracing::warn!(time_zone = name, "unknown time zone; figures use UTC");
            Self { tz: TimeZone::UTC }
        })
    }

    pub fn moment(&self, at: OffsetDateTime) -> Moment {
        let ts = jiff::Timestamp::from_nanosecond(at.unix_timestamp_nanos())
            .expect("an event time the ledger accepted is in jiff's range");
        let zoned = ts.to_zoned_datetime(self.tz.clone());
        Moment {
            day: zoned.date(),
            weekday: zoned.weekday().to_monday_zero_offset() as u8,
            hour: zoned.hour() as u8,
        }
    }

    /// The zone's offset from UTC at `at`, in minutes.
    pub fn offset_minutes(&self, at: OffsetDateTime) -> i32 {
        jiff::Timestamp::from_second(at.unix_timestamp())
            .map(|ts| self.tz.to_offset(ts).seconds() / 60)
            .unwrap_or(0)
    }

    pub fn today(&self, now: OffsetDateTime) -> Date {
        self.moment(now).day
    }

    /// The instant of a shop-local date and time (on a clock change, the earlier of two
    /// readings, or the time just after a skipped hour).
    pub fn at_local(&self, local: jiff::civil::DateTime) -> OffsetDateTime {
        let ts = self
            .tz
            .to_ambiguous_timestamp(local)
            .compatible()
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        OffsetDateTime::from_unix_timestamp_nanos(ts.as_nanosecond()).expect("in range")
    }

    /// An instant as the shop reads it: `YYYY-MM-DD HH:MM`.
    pub fn local_text(&self, at: OffsetDateTime) -> String {
        let ts = jiff::Timestamp::from_nanosecond(at.unix_timestamp_nanos())
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        ts.to_zoned_datetime(self.tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// The instant a local day starts (the first instant that exists on it, on a day whose
    /// midnight a clock change skips).
    pub fn start_of(&self, day: Date) -> OffsetDateTime {
        let zoned = day
            .to_zoned_datetime(self.tz.clone())
            .expect("a day between the years 1000 and 9000 starts in every zone");
        OffsetDateTime::from_unix_timestamp_nanos(zoned.timestamp().as_nanosecond())
            .expect("in range")
    }
}

/// A day as stored and sent: `YYYY-MM-DD`, so text order is day order.
pub fn day_text(day: Date) -> String {
    day.to_string()
}

/// A day from text, for query parameters and stored rows.
pub fn parse_day(text: &str) -> Option<Date> {
    let day: Date = text.parse().ok()?;
    (1000..=9000).contains(&day.year()).then_some(day)
}

/// The Monday of the day's week.
pub fn week_start(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(jiff::Span::new().days(back)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn at(clock: &ShopClock, t: OffsetDateTime) -> (String, u8, u8) {
        let m = clock.moment(t);
        (day_text(m.day), m.weekday, m.hour)
    }

    #[test]
    fn the_spring_change_in_paris_skips_two_oclock() {
        let paris = ShopClock::new("Europe/Paris").unwrap();
        // 2026-03-29: 02:00 CET becomes 03:00 CEST (00:59 and 01:00 UTC are an hour apart in
        // UTC and also on the wall clock, by two hours).
        assert_eq!(
            at(&paris, datetime!(2026-03-29 00:59 UTC)),
            ("2026-03-29".into(), 6, 1)
        );
        assert_eq!(
            at(&paris, datetime!(2026-03-29 01:00 UTC)),
            ("2026-03-29".into(), 6, 3)
        );
        // The day has 23 hours: the next day starts at 22:00 UTC.
        assert_eq!(
            paris.start_of(parse_day("2026-03-30").unwrap()),
            datetime!(2026-03-29 22:00 UTC)
        );
        assert_eq!(at(&paris, datetime!(2026-03-29 21:59 UTC)).0, "2026-03-29");
        assert_eq!(at(&paris, datetime!(2026-03-29 22:00 UTC)).0, "2026-03-30");
    }

    #[test]
    fn the_autumn_change_in_new_york_counts_one_oclock_twice() {
        let ny = ShopClock::new("America/New_York").unwrap();
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST; both 05:30 and 06:30 UTC are 01:30.
        assert_eq!(
            at(&ny, datetime!(2026-11-01 05:30 UTC)),
            ("2026-11-01".into(), 6, 1)
        );
        assert_eq!(
            at(&ny, datetime!(2026-11-01 06:30 UTC)),
            ("2026-11-01".into(), 6, 1)
        );
        // A 25-hour day: it starts at 04:00 UTC and the next at 05:00 UTC.
        assert_eq!(
            ny.start_of(parse_day("2026-11-01").unwrap()),
            datetime!(2026-11-01 04:00 UTC)
        );
        assert_eq!(
            ny.start_of(parse_day("2026-11-02").unwrap()),
            datetime!(2026-11-02 05:00 UTC)
        );
        // Late evening local is the previous day in UTC terms and the right one here.
        assert_eq!(
            at(&ny, datetime!(2026-11-02 04:30 UTC)),
            ("2026-11-01".into(), 6, 23)
        );
    }

    #[test]
    fn a_zone_without_daylight_saving_and_unknown_names() {
        let kolkata = ShopClock::new("Asia/Kolkata").unwrap();
        assert_eq!(
            at(&kolkata, datetime!(2026-06-01 18:29 UTC)),
            ("2026-06-01".into(), 0, 23)
        );
        assert_eq!(
            at(&kolkata, datetime!(2026-06-01 18:30 UTC)),
            ("2026-06-02".into(), 1, 0)
        );
        assert!(ShopClock::new("Mars/Olympus_Mons").is_err());
        let fallback = ShopClock::or_utc("Mars/Olympus_Mons");
        assert_eq!(at(&fallback, datetime!(2026-06-01 18:30 UTC)).2, 18);
    }

    #[test]
    fn days_parse_in_range_and_weeks_start_on_monday() {
        assert!(parse_day("2026-02-30").is_none());
        assert!(parse_day("0000-01-01").is_none());
        assert!(parse_day("tomorrow").is_none());
        let thursday = parse_day("2026-12-03").unwrap();
        assert_eq!(day_text(week_start(thursday)), "2026-11-30");
        assert_eq!(
            week_start(parse_day("2026-11-30").unwrap()),
            parse_day("2026-11-30").unwrap()
        );
    }
}
