//! Offers: what the owner gives whom and when, the holdout every offer keeps, and when an offer
//! can be used. The server targets and stores them (`server/src/offers.rs`); the phone shows a
//! member's offers offline and the till applies them offline, with the rules here.
//!
//! - **Holdout** ([`held_out`]): a share of an offer's eligible members (10 % by default, 5 to
//!   50 %) never sees it, so its effect can be measured against them. The draw is a hash of the
//!   offer's id and the card's, so every replica and device agrees, and an edit (a new version)
//!   keeps the same members out.
//! - **Using an offer** is a ledger event naming the offer and its version: an
//!   [`crate::EventBody::OfferUsed`] (extra stamps, a free item, an amount or percentage off), or
//!   a [`crate::EventBody::PointsEarned`] with a multiplier, whose points the server computes
//!   again from the program version and the offer ([`Gift::points`]).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::ids::{CardId, OfferId};
use crate::insights::Segment;

/// The default share of eligible members held out, in percent.
pub const DEFAULT_HOLDOUT_PERCENT: i64 = 10;
/// The smallest and largest holdout an owner may choose, in percent.
pub const HOLDOUT_PERCENT: std::ops::RangeInclusive<i64> = 5..=50;
/// A multiplier, in tenths: from x1.1 to x5.
pub const MULTIPLIER_TENTHS: std::ops::RangeInclusive<i64> = 11..=50;
/// Most extra stamps an offer gives.
pub const MAX_EXTRA_STAMPS: i64 = 20;
/// Most uses of one offer by one member.
pub const MAX_USES_PER_MEMBER: i64 = 100;
/// Longest title, and longest line of text.
pub const MAX_TITLE_CHARS: usize = 60;
pub const MAX_TEXT_CHARS: usize = 200;
/// Longest an offer may run.
pub const MAX_DAYS: i64 = 366;
/// At most this many offers are shown prominently on a card, and this many in all.
pub const PROMINENT: usize = 2;
pub const SHOWN_AT_MOST: usize = 6;
/// A member who dismissed this many offers of one kind, or of one category, within
/// [`SUPPRESS_DAYS`] is not shown that kind, or that category, for [`SUPPRESS_DAYS`] after.
pub const SUPPRESS_AFTER: usize = 2;
pub const SUPPRESS_DAYS: i64 = 60;

/// Whether a member is in the offer's holdout, for a holdout of `percent` %: the first eight
/// bytes of SHA-256 over a fixed label, the offer's id and the card's id, as a number below
/// 10,000, compared with the share in hundredths of a percent.
pub fn held_out(offer: OfferId, card: CardId, percent: i64) -> bool {
    let mut hash = Sha256::new();
    hash.update(b"regulars offer holdout v1");
    hash.update(offer.0.as_bytes());
    hash.update(card.0.as_bytes());
    let digest = hash.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    let draw = u64::from_be_bytes(first) % 10_000;
    draw < (percent.clamp(0, 100) as u64) * 100
}

/// What an offer gives, on the visit it is used. On the wire an object with its kind under
/// `type`; read through [`RawGift`] (see [`crate::ledger`] for why: serde's reader for tagged
/// enums costs every bundle tens of kilobytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Gift {
    /// Extra stamps on top of the visit's (stamp programs).
    ExtraStamps { count: i64 },
    /// The purchase's points multiplied, in tenths (20: double points; points programs).
    PointsMultiplier { times_tenths: i64 },
    /// Points multiplied for purchases in one category only.
    CategoryMultiplier { category: String, times_tenths: i64 },
    /// Something handed over free, in the owner's words.
    FreeItem { item: String },
    /// An amount off the bill, in minor units.
    AmountOff { amount_minor: i64 },
    /// A percentage off the bill.
    PercentOff { percent: i64 },
}

/// A gift as read: the kind and every field any kind has.
#[derive(Deserialize)]
struct RawGift {
    #[serde(rename = "type")]
    kind: String,
    count: Option<i64>,
    times_tenths: Option<i64>,
    category: Option<String>,
    item: Option<String>,
    amount_minor: Option<i64>,
    percent: Option<i64>,
}

impl<'de> Deserialize<'de> for Gift {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let raw = RawGift::deserialize(deserializer)?;
        let need =
            |v: Option<i64>, name: &'static str| v.ok_or_else(|| D::Error::missing_field(name));
        Ok(match raw.kind.as_str() {
            "extra_stamps" => Gift::ExtraStamps {
                count: need(raw.count, "count")?,
            },
            "points_multiplier" => Gift::PointsMultiplier {
                times_tenths: need(raw.times_tenths, "times_tenths")?,
            },
            "category_multiplier" => Gift::CategoryMultiplier {
                category: raw
                    .category
                    .ok_or_else(|| D::Error::missing_field("category"))?,
                times_tenths: need(raw.times_tenths, "times_tenths")?,
            },
            "free_item" => Gift::FreeItem {
                item: raw.item.ok_or_else(|| D::Error::missing_field("item"))?,
            },
            "amount_off" => Gift::AmountOff {
                amount_minor: need(raw.amount_minor, "amount_minor")?,
            },
            "percent_off" => Gift::PercentOff {
                percent: need(raw.percent, "percent")?,
            },
            _ => return Err(D::Error::custom("gift: unknown type")),
        })
    }
}

impl Gift {
    /// The kind of gift, for suppression: a member who dismisses two free items is not shown
    /// free items for a while.
    pub fn kind(&self) -> &'static str {
        match self {
            Gift::ExtraStamps { .. } => "extra_stamps",
            Gift::PointsMultiplier { .. } => "points_multiplier",
            Gift::CategoryMultiplier { .. } => "category_multiplier",
            Gift::FreeItem { .. } => "free_item",
            Gift::AmountOff { .. } => "amount_off",
            Gift::PercentOff { .. } => "percent_off",
        }
    }

    /// Stamps the use adds to the card (an [`crate::EventBody::OfferUsed`]'s `count`).
    pub fn extra_stamps(&self) -> i64 {
        match self {
            Gift::ExtraStamps { count } => *count,
            _ => 0,
        }
    }

    /// The multiplier for a purchase in `category`, in tenths, if the gift multiplies it.
    pub fn multiplier(&self, category: Option<&str>) -> Option<i64> {
        match self {
            Gift::PointsMultiplier { times_tenths } => Some(*times_tenths),
            Gift::CategoryMultiplier {
                category: wanted,
                times_tenths,
            } if category == Some(wanted.as_str()) => Some(*times_tenths),
            _ => None,
        }
    }

    /// Whether the gift multiplies points (and so is used with a points event).
    pub fn multiplies(&self) -> bool {
        matches!(
            self,
            Gift::PointsMultiplier { .. } | Gift::CategoryMultiplier { .. }
        )
    }

    /// The points of a purchase that earned `base` points without the offer, for a purchase
    /// in `category`: rounded down, never below `base`.
    pub fn points(&self, base: i64, category: Option<&str>) -> i64 {
        match self.multiplier(category) {
            Some(tenths) => (base.saturating_mul(tenths) / 10).max(base),
            None => base,
        }
    }
}

/// Who an offer is for. `everyone`, or members in any of `segments` (none: any segment) who
/// also meet every rule set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Audience {
    #[serde(default)]
    pub everyone: bool,
    #[serde(default)]
    pub segments: Vec<Segment>,
    /// At least this many visits ever.
    #[serde(default)]
    pub min_visits: Option<i64>,
    /// At least this much spent ever, in minor units.
    #[serde(default)]
    pub min_spend_minor: Option<i64>,
    /// Not seen for at least this many days.
    #[serde(default)]
    pub lapsed_days: Option<i64>,
    /// Later than their own usual rhythm: more than one and a half of their average gap
    /// between visits since their last (members with at least three visits).
    #[serde(default)]
    pub overdue: bool,
    /// Bought in this category (its id).
    #[serde(default)]
    pub category: Option<String>,
    /// Among the shop's top customers (the best fifth by spend and visits in 12 months).
    #[serde(default)]
    pub top_customers: bool,
}

impl Audience {
    /// Whether the audience targets by history (anything but everyone), which needs the
    /// member's consent.
    pub fn is_targeted(&self) -> bool {
        !self.everyone
    }

    fn has_rules(&self) -> bool {
        self.min_visits.is_some()
            || self.min_spend_minor.is_some()
            || self.lapsed_days.is_some()
            || self.overdue
            || self.category.is_some()
            || self.top_customers
    }

    /// Whether a member with these facts is in the audience (consent aside).
    pub fn includes(&self, member: &MemberFacts) -> bool {
        if self.everyone {
            return true;
        }
        if !self.segments.is_empty() && !member.segment.is_some_and(|s| self.segments.contains(&s))
        {
            return false;
        }
        if self.min_visits.is_some_and(|n| member.visits < n) {
            return false;
        }
        if self.min_spend_minor.is_some_and(|n| member.spend_minor < n) {
            return false;
        }
        if let Some(days) = self.lapsed_days
            && member.days_since_last.is_none_or(|d| d < days)
        {
            return false;
        }
        if self.overdue && !member.overdue() {
            return false;
        }
        if let Some(category) = &self.category
            && !member.categories.iter().any(|c| c == category)
        {
            return false;
        }
        if self.top_customers && !member.top {
            return false;
        }
        true
    }
}

/// What targeting knows of a member.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberFacts {
    pub card_id: CardId,
    pub visits: i64,
    pub spend_minor: i64,
    /// Days from the first visit to the last.
    pub active_days: Option<i64>,
    pub days_since_last: Option<i64>,
    pub categories: Vec<String>,
    pub segment: Option<Segment>,
    pub top: bool,
    /// Chose that offers may be picked for them from their history.
    pub consent: bool,
}

impl MemberFacts {
    /// Later than their own rhythm: with at least three visits, the days since the last are
    /// more than one and a half of their average gap.
    pub fn overdue(&self) -> bool {
        match (self.active_days, self.days_since_last) {
            (Some(span), Some(since)) if self.visits >= 3 => {
                let gap = span as f64 / (self.visits - 1) as f64;
                since as f64 > 1.5 * gap.max(1.0)
            }
            _ => false,
        }
    }
}

/// An hour range in the shop's local time: from `from` (0-23) up to, not including, `to`
/// (1-24).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hours {
    pub from: u8,
    pub to: u8,
}

/// An offer as the owner writes it: the body of a create or an edit, and what a version keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferInput {
    /// What the shopper reads first: 1 to 60 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 60))]
    pub title: String,
    /// A line under it: at most 200 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub text: String,
    pub gift: Gift,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub starts_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub ends_at: OffsetDateTime,
    /// Days of the week it may be used, 1 (Monday) to 7 (Sunday), in the shop's time zone;
    /// none: every day.
    #[serde(default)]
    pub weekdays: Vec<u8>,
    /// Hours of the day it may be used, in the shop's time zone; none: all day.
    #[serde(default)]
    pub hours: Option<Hours>,
    pub audience: Audience,
    /// The share of eligible members held out, in percent (5 to 50).
    #[serde(default = "default_holdout")]
    pub holdout_percent: i64,
    /// How many times one member may use it.
    #[serde(default = "one")]
    pub uses_per_member: i64,
}

impl OfferInput {
    /// The category the offer is about, if any: the one its gift multiplies, or the one its
    /// audience bought.
    pub fn category(&self) -> Option<&str> {
        match &self.gift {
            Gift::CategoryMultiplier { category, .. } => Some(category),
            _ => self.audience.category.as_deref(),
        }
    }
}

/// The items that occur at least [`SUPPRESS_AFTER`] times, once each.
fn repeated<T: Ord + Clone>(mut items: Vec<T>) -> Vec<T> {
    items.sort();
    let mut out: Vec<T> = vec![];
    for item in &items {
        if !out.contains(item) && items.iter().filter(|x| *x == item).count() >= SUPPRESS_AFTER {
            out.push(item.clone());
        }
    }
    out
}

/// What a member's recent dismissals hold back: the kinds and the categories they dismissed
/// [`SUPPRESS_AFTER`] offers of within [`SUPPRESS_DAYS`] of `now`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Suppressed {
    pub kinds: Vec<&'static str>,
    pub categories: Vec<String>,
}

impl Suppressed {
    /// From the offers the member dismissed and when.
    pub fn from_dismissals<'a>(
        dismissed: impl IntoIterator<Item = (&'a OfferInput, OffsetDateTime)>,
        now: OffsetDateTime,
    ) -> Self {
        let since = now - time::Duration::days(SUPPRESS_DAYS);
        let mut kinds: Vec<&'static str> = vec![];
        let mut categories: Vec<String> = vec![];
        for (offer, at) in dismissed {
            if at < since {
                continue;
            }
            kinds.push(offer.gift.kind());
            if let Some(c) = offer.category() {
                categories.push(c.to_owned());
            }
        }
        Suppressed {
            kinds: repeated(kinds),
            categories: repeated(categories),
        }
    }

    /// Whether the offer is held back.
    pub fn holds_back(&self, offer: &OfferInput) -> bool {
        self.kinds.contains(&offer.gift.kind())
            || offer
                .category()
                .is_some_and(|c| self.categories.iter().any(|s| s == c))
    }
}

fn default_holdout() -> i64 {
    DEFAULT_HOLDOUT_PERCENT
}

fn one() -> i64 {
    1
}

/// An offer that is wrong on its own: the field at fault and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidOffer {
    pub field: &'static str,
    pub message: String,
}

fn invalid(field: &'static str, message: impl Into<String>) -> Result<(), InvalidOffer> {
    Err(InvalidOffer {
        field,
        message: message.into(),
    })
}

impl OfferInput {
    /// Checks the offer on its own; `points_program` says whether the shop collects points.
    pub fn validate(&self, points_program: bool) -> Result<(), InvalidOffer> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            return invalid("title", "a title is 1 to 60 characters");
        }
        if self.text.chars().count() > MAX_TEXT_CHARS {
            return invalid("text", "the text is at most 200 characters");
        }
        if self
            .title
            .chars()
            .chain(self.text.chars())
            .any(char::is_control)
        {
            return invalid("title", "the title and text cannot hold control characters");
        }
        match &self.gift {
            Gift::ExtraStamps { count } => {
                if points_program {
                    return invalid(
                        "gift",
                        "this shop collects points: extra stamps do not apply",
                    );
                }
                if !(1..=MAX_EXTRA_STAMPS).contains(count) {
                    return invalid("gift.count", "extra stamps are 1 to 20");
                }
            }
            Gift::PointsMultiplier { times_tenths }
            | Gift::CategoryMultiplier { times_tenths, .. } => {
                if !points_program {
                    return invalid(
                        "gift",
                        "this shop collects stamps: a points multiplier does not apply",
                    );
                }
                if !MULTIPLIER_TENTHS.contains(times_tenths) {
                    return invalid(
                        "gift.times_tenths",
                        "a multiplier is from x1.1 to x5 (11 to 50 tenths)",
                    );
                }
                if let Gift::CategoryMultiplier { category, .. } = &self.gift
                    && (category.trim().is_empty() || category.chars().count() > 40)
                {
                    return invalid("gift.category", "name the category (1 to 40 characters)");
                }
            }
            Gift::FreeItem { item } => {
                if item.trim().is_empty()
                    || item.chars().count() > 60
                    || item.chars().any(char::is_control)
                {
                    return invalid("gift.item", "name the free item (1 to 60 characters)");
                }
            }
            Gift::AmountOff { amount_minor } => {
                if !(1..=crate::ledger::MAX_AMOUNT_MINOR).contains(amount_minor) {
                    return invalid("gift.amount_minor", "the amount off must be above zero");
                }
            }
            Gift::PercentOff { percent } => {
                if !(1..=90).contains(percent) {
                    return invalid("gift.percent", "a percentage off is 1 to 90");
                }
            }
        }
        if crate::ledger::utc_time(self.starts_at).is_err() {
            return invalid("starts_at", "the start cannot be represented");
        }
        if crate::ledger::utc_time(self.ends_at).is_err() {
            return invalid("ends_at", "the end cannot be represented");
        }
        if self.ends_at <= self.starts_at {
            return invalid("ends_at", "the end must come after the start");
        }
        if self.ends_at - self.starts_at > time::Duration::days(MAX_DAYS) {
            return invalid("ends_at", "an offer runs at most a year");
        }
        if self.weekdays.iter().any(|d| !(1..=7).contains(d)) {
            return invalid("weekdays", "days are 1 (Monday) to 7 (Sunday)");
        }
        if let Some(hours) = self.hours
            && (hours.from > 23 || hours.to > 24 || hours.from >= hours.to)
        {
            return invalid("hours", "hours run from 0-23 to a later hour up to 24");
        }
        let a = &self.audience;
        if !a.everyone && a.segments.is_empty() && !a.has_rules() {
            return invalid(
                "audience",
                "choose who it is for: everyone, a segment or a rule",
            );
        }
        if a.segments.contains(&Segment::Unknown) {
            return invalid("audience.segments", "a segment is not known");
        }
        for (field, value) in [
            ("audience.min_visits", a.min_visits),
            ("audience.min_spend_minor", a.min_spend_minor),
            ("audience.lapsed_days", a.lapsed_days),
        ] {
            if value.is_some_and(|v| !(1..=crate::ledger::MAX_AMOUNT_MINOR).contains(&v)) {
                return invalid(field, "a rule's figure must be above zero");
            }
        }
        if a.category
            .as_ref()
            .is_some_and(|c| c.trim().is_empty() || c.chars().count() > 40)
        {
            return invalid(
                "audience.category",
                "name the category (1 to 40 characters)",
            );
        }
        if !HOLDOUT_PERCENT.contains(&self.holdout_percent) {
            return invalid("holdout_percent", "the holdout is 5 to 50 percent");
        }
        if !(1..=MAX_USES_PER_MEMBER).contains(&self.uses_per_member) {
            return invalid("uses_per_member", "each member may use it 1 to 100 times");
        }
        Ok(())
    }
}

/// Where an offer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    Active,
    Paused,
    Ended,
    #[serde(other)]
    Unknown,
}

impl OfferStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OfferStatus::Active => "active",
            OfferStatus::Paused => "paused",
            OfferStatus::Ended => "ended",
            OfferStatus::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Self {
        match text {
            "active" => OfferStatus::Active,
            "paused" => OfferStatus::Paused,
            "ended" => OfferStatus::Ended,
            _ => OfferStatus::Unknown,
        }
    }
}

/// An offer as the phone and the till see it: one version, with the shop's UTC offset so its
/// days and hours can be judged offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferView {
    pub id: OfferId,
    pub version: i32,
    pub title: String,
    pub text: String,
    pub gift: Gift,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub starts_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub ends_at: OffsetDateTime,
    #[serde(default)]
    pub weekdays: Vec<u8>,
    #[serde(default)]
    pub hours: Option<Hours>,
    pub uses_per_member: i64,
    /// The shop's offset from UTC now, in minutes, for `weekdays` and `hours`.
    #[serde(default)]
    pub utc_offset_minutes: i32,
}

impl OfferView {
    /// Whether the offer can be used at `at`: within its dates, on one of its days, in its
    /// hours (in the shop's time).
    pub fn usable_at(&self, at: OffsetDateTime) -> bool {
        if at < self.starts_at || at >= self.ends_at {
            return false;
        }
        let offset = time::UtcOffset::from_whole_seconds(self.utc_offset_minutes * 60)
            .unwrap_or(time::UtcOffset::UTC);
        let Some(local) = at.checked_to_offset(offset) else {
            return false;
        };
        if !self.weekdays.is_empty()
            && !self
                .weekdays
                .contains(&local.weekday().number_from_monday())
        {
            return false;
        }
        match self.hours {
            Some(hours) => (hours.from..hours.to).contains(&local.hour()),
            None => true,
        }
    }

    /// Whether the offer is over at `at` (a card stops showing it).
    pub fn expired_at(&self, at: OffsetDateTime) -> bool {
        at >= self.ends_at
    }
}

/// One of a member's offers, as their phone keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberOffer {
    pub offer: OfferView,
    /// The member saved it.
    #[serde(default)]
    pub saved: bool,
    /// Uses so far.
    #[serde(default)]
    pub used: i64,
}

/// Why an offer stands where it does on a member's card (the member page says it in words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// The member saved it.
    Saved,
    /// `count` of the member's `of` visits had a purchase in the offer's category `name`.
    Buys,
    /// The member took up `count` of the `of` offers of this kind (`name`) they were shown.
    TookKind,
    /// The member took up none of the `of` offers of this kind (`name`) they were shown.
    SkippedKind,
    /// Members who buy the offer's category `name` took it up `count` % of the time, against
    /// `of` % over all members.
    Buyers,
    /// Members in the member's group (`name`, a segment) took it up `count` % of the time,
    /// against `of` % over all members.
    Peers,
    /// Shown to only `count` members so far: it still gets its chance.
    New,
    /// Taken up by `count` of the `of` members shown it.
    TakenUp,
    #[serde(other)]
    Unknown,
}

/// One reason, with its figures (what `count`, `of` and `name` mean depends on the code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferReason {
    pub code: ReasonCode,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub count: i64,
    #[serde(default)]
    pub of: i64,
}

/// Why a running offer in the member's audience is not on their card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Withheld {
    /// In the offer's holdout: never shown, so the offer's effect can be measured.
    HeldOut,
    /// The member dismissed it.
    Dismissed,
    /// The member dismissed two offers of its kind or category lately.
    Suppressed,
    /// No uses left.
    UsedUp,
    /// Six offers ranked above it.
    NoRoom,
    #[serde(other)]
    Unknown,
}

/// A running offer the member is in the audience of, on the member page: its place on their
/// card (1 is first) or why it is not there, and why it stands where it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberOfferPlace {
    pub offer_id: OfferId,
    pub title: String,
    #[serde(default)]
    pub place: Option<i64>,
    #[serde(default)]
    pub withheld: Option<Withheld>,
    #[serde(default)]
    pub reasons: Vec<OfferReason>,
}

/// One of a member's offers in a till's directory: the offer is in the till's program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardOffer {
    pub offer_id: OfferId,
    #[serde(default)]
    pub saved: bool,
    #[serde(default)]
    pub used: i64,
}

/// What a good barista remembers: the one line the till shows about a customer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegularLine {
    pub visits: i64,
    /// The category they buy most (its name).
    #[serde(default)]
    pub favourite: Option<String>,
    /// Their last visit's day, `YYYY-MM-DD` in the shop's time zone.
    #[serde(default)]
    pub last_visit: Option<String>,
}

/// `GET /api/v1/cards/me/offers`: the member's offers now, best first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberOffers {
    pub offers: Vec<MemberOffer>,
}

/// The owner's view of one offer, with what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OwnerOffer {
    pub id: OfferId,
    pub version: i32,
    pub status: OfferStatus,
    pub input: OfferInput,
    #[serde(with = "time::serde::rfc3339")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub created_at: OffsetDateTime,
    pub counts: OfferCounts,
    /// What it changed against its holdout, once it has started.
    #[serde(default)]
    pub effect: Option<OfferEffect>,
}

/// What an offer changed, measured against its holdout over its window so far (intention to
/// treat: every member who could see it, whether or not they opened it, against every member
/// held out). Figures are fixed-point so the type stays exact on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferEffect {
    /// Members who could see it, and members held out.
    pub members: i64,
    pub held_out: i64,
    /// Shop days measured: from its start to its end, or to today.
    pub days: i64,
    /// Visits per member, those who could see it minus the holdout, in thousandths of a visit.
    pub visits: Difference,
    /// Spend per member, in minor units.
    pub spend_minor: Difference,
    /// Of those who could see it, the share who dismissed it, in percent.
    pub dismissed_percent: i64,
    pub verdict: EffectVerdict,
    /// With `no_effect_yet`: about how many more members would show an effect of the size seen
    /// so far (or of a tenth of the holdout's visits), if it is there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_members: Option<i64>,
    /// The offer's window closed and this result is kept: it no longer changes.
    #[serde(default)]
    pub finished: bool,
}

/// A difference with its 95 % confidence interval (Welch's t interval).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Difference {
    pub estimate: i64,
    pub low: i64,
    pub high: i64,
}

/// The plain verdict on an offer's effect on visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EffectVerdict {
    /// Too few members on one side to say anything.
    TooFewMembers,
    /// Adds visits, and that is unlikely to be chance (the interval is above zero).
    Adds,
    /// Fewer visits (the interval is below zero).
    Reduces,
    /// The interval holds zero: no measurable effect yet.
    NoEffectYet,
    /// Dismissed by 40 % or more without adding visits: it annoys more than it helps.
    Annoys,
    #[serde(other)]
    Unknown,
}

/// `GET /api/v1/owner/offers`: every offer of the shop, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OwnerOffers {
    pub offers: Vec<OwnerOffer>,
}

/// An offer's members and what they did with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferCounts {
    /// Members in its audience now, held out included.
    pub eligible: i64,
    /// Of them, held out (never shown it).
    pub held_out: i64,
    /// Members whose card showed it, opened it, saved it, dismissed it.
    pub shown: i64,
    pub opened: i64,
    pub saved: i64,
    pub dismissed: i64,
    /// Uses (ledger events naming it that stand).
    pub used: i64,
    /// Members whose card shows it now (the ranking and the limit of six decide), and whose
    /// card shows it first, as of the shop's latest ranking (a few minutes old at most).
    #[serde(default)]
    pub on_cards: i64,
    #[serde(default)]
    pub first_on: i64,
}

/// `POST /api/v1/owner/offers/preview`: how many members an offer would reach.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferPreview {
    /// Members in the audience (held out included).
    pub eligible: i64,
    /// Of them, the holdout.
    pub held_out: i64,
    /// Of them, members who did not consent to offers picked from their history (a targeted
    /// offer does not reach them).
    pub without_consent: i64,
}

/// `POST /api/v1/owner/offers/{id}/status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferStatusChange {
    pub status: OfferStatus,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::datetime;
    use uuid::Uuid;

    fn input() -> OfferInput {
        OfferInput {
            title: "A second pastry on us".into(),
            text: "This week only".into(),
            gift: Gift::FreeItem {
                item: "Pastry".into(),
            },
            starts_at: datetime!(2026-12-01 00:00 UTC),
            ends_at: datetime!(2026-12-08 00:00 UTC),
            weekdays: vec![],
            hours: None,
            audience: Audience {
                everyone: true,
                ..Audience::default()
            },
            holdout_percent: 10,
            uses_per_member: 1,
        }
    }

    /// Card ids as phones make them: random 128-bit values (a fixed generator, so the test
    /// reads the same ids every run).
    fn cards(n: usize, seed: u64) -> Vec<CardId> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                let mut next = || {
                    s = s
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    s
                };
                let (hi, lo) = (next() as u128, next() as u128);
                CardId(Uuid::from_u128((hi << 64) | lo))
            })
            .collect()
    }

    /// On 10,000 members the share held out is a binomial draw: its standard deviation is at
    /// most 0.5 percentage points (at 50 %), so within 1 point is two deviations. Over forty
    /// offers the average share must be within a quarter point.
    #[test]
    fn holdout_is_deterministic_and_near_its_share_on_ten_thousand_members() {
        let members = cards(10_000, 24301);
        for (n, percent) in [(1u128, 5), (2, 10), (3, 25), (4, 50)] {
            let offer = OfferId(Uuid::from_u128(0xABCD_0000 + n));
            let out = members
                .iter()
                .filter(|c| held_out(offer, **c, percent))
                .count();
            let share = out as f64 / 100.0;
            assert!(
                (share - percent as f64).abs() <= 1.0,
                "{percent} % asked, {share} % held out"
            );
            // The same draw every time, anywhere.
            let again = members
                .iter()
                .filter(|c| held_out(offer, **c, percent))
                .count();
            assert_eq!(out, again);
        }
        let offers = 40;
        let total: usize = (0..offers)
            .map(|n| {
                let offer = OfferId(Uuid::from_u128(0x5EED_0000 + n as u128));
                members.iter().filter(|c| held_out(offer, **c, 10)).count()
            })
            .sum();
        let mean = total as f64 / (offers as f64 * 100.0);
        assert!((mean - 10.0).abs() <= 0.25, "mean share {mean} %");
    }

    #[test]
    fn a_larger_holdout_keeps_everyone_a_smaller_one_held() {
        let offer = OfferId(Uuid::from_u128(77));
        for i in 0..2_000u128 {
            let card = CardId(Uuid::from_u128(i));
            if held_out(offer, card, 10) {
                assert!(held_out(offer, card, 20), "card {i}");
            }
        }
    }

    proptest! {
        #[test]
        fn the_draw_depends_on_the_offer_and_card_only(a in any::<u128>(), b in any::<u128>(), p in 5..=50i64) {
            let (offer, card) = (OfferId(Uuid::from_u128(a)), CardId(Uuid::from_u128(b)));
            prop_assert_eq!(held_out(offer, card, p), held_out(offer, card, p));
            prop_assert!(!held_out(offer, card, 0));
            prop_assert!(held_out(offer, card, 100));
        }
    }

    #[test]
    fn bad_offers_name_their_field() {
        let field = |f: &dyn Fn(&mut OfferInput), points: bool| {
            let mut o = input();
            f(&mut o);
            o.validate(points).err().map(|e| e.field)
        };
        assert_eq!(field(&|_| {}, false), None);
        assert_eq!(
            field(
                &|o| o.ends_at = o.starts_at - time::Duration::hours(1),
                false
            ),
            Some("ends_at")
        );
        assert_eq!(
            field(&|o| o.audience = Audience::default(), false),
            Some("audience")
        );
        assert_eq!(
            field(&|o| o.holdout_percent = 4, false),
            Some("holdout_percent")
        );
        assert_eq!(
            field(&|o| o.holdout_percent = 51, false),
            Some("holdout_percent")
        );
        assert_eq!(field(&|o| o.holdout_percent = 50, false), None);
        assert_eq!(
            field(
                &|o| o.gift = Gift::PointsMultiplier { times_tenths: 60 },
                true
            ),
            Some("gift.times_tenths")
        );
        assert_eq!(
            field(
                &|o| o.gift = Gift::PointsMultiplier { times_tenths: 10 },
                true
            ),
            Some("gift.times_tenths")
        );
        assert_eq!(
            field(
                &|o| o.gift = Gift::PointsMultiplier { times_tenths: 20 },
                false
            ),
            Some("gift")
        );
        assert_eq!(
            field(&|o| o.gift = Gift::ExtraStamps { count: 2 }, true),
            Some("gift")
        );
        assert_eq!(field(&|o| o.title = " ".into(), false), Some("title"));
        assert_eq!(field(&|o| o.weekdays = vec![0], false), Some("weekdays"));
        assert_eq!(
            field(&|o| o.hours = Some(Hours { from: 18, to: 9 }), false),
            Some("hours")
        );
        assert_eq!(
            field(&|o| o.uses_per_member = 0, false),
            Some("uses_per_member")
        );
    }

    fn member() -> MemberFacts {
        MemberFacts {
            card_id: CardId(Uuid::from_u128(1)),
            visits: 6,
            spend_minor: 4_500,
            active_days: Some(50),
            days_since_last: Some(12),
            categories: vec!["coffee".into()],
            segment: Some(Segment::Loyal),
            top: false,
            consent: true,
        }
    }

    #[test]
    fn targeting_rules_each_decide() {
        let m = member();
        let with = |f: &dyn Fn(&mut Audience)| {
            let mut a = Audience::default();
            f(&mut a);
            a.includes(&m)
        };
        assert!(with(&|a| a.everyone = true));
        assert!(with(&|a| a.segments = vec![Segment::Loyal, Segment::AtRisk]));
        assert!(!with(&|a| a.segments = vec![Segment::Champions]));
        assert!(with(&|a| a.min_visits = Some(6)));
        assert!(!with(&|a| a.min_visits = Some(7)));
        assert!(with(&|a| a.min_spend_minor = Some(4_500)));
        assert!(!with(&|a| a.min_spend_minor = Some(4_501)));
        assert!(with(&|a| a.lapsed_days = Some(12)));
        assert!(!with(&|a| a.lapsed_days = Some(13)));
        // Every 10 days on average (50 days, 6 visits): 12 days is not yet 1.5 gaps.
        assert!(!with(&|a| a.overdue = true));
        assert!(with(&|a| a.category = Some("coffee".into())));
        assert!(!with(&|a| a.category = Some("food".into())));
        assert!(!with(&|a| a.top_customers = true));
        // Rules combine: a segment and a rule must both hold.
        assert!(!with(&|a| {
            a.segments = vec![Segment::Loyal];
            a.min_visits = Some(10);
        }));
        let mut late = member();
        late.days_since_last = Some(16);
        assert!(late.overdue());
        let mut never = member();
        never.days_since_last = None;
        let lapsed = Audience {
            lapsed_days: Some(5),
            ..Audience::default()
        };
        assert!(
            !lapsed.includes(&never),
            "a member who never visited has not lapsed"
        );
    }

    #[test]
    fn gifts_read_what_they_write() {
        for gift in [
            Gift::ExtraStamps { count: 2 },
            Gift::PointsMultiplier { times_tenths: 20 },
            Gift::CategoryMultiplier {
                category: "coffee".into(),
                times_tenths: 15,
            },
            Gift::FreeItem {
                item: "Pastry".into(),
            },
            Gift::AmountOff { amount_minor: 250 },
            Gift::PercentOff { percent: 10 },
        ] {
            let json = serde_json::to_string(&gift).unwrap();
            assert!(json.starts_with(r#"{"type":""#), "{json}");
            assert_eq!(serde_json::from_str::<Gift>(&json).unwrap(), gift);
        }
        let lacking = serde_json::from_str::<Gift>(r#"{"type":"extra_stamps"}"#)
            .unwrap_err()
            .to_string();
        assert!(lacking.contains("count"), "{lacking}");
        assert!(serde_json::from_str::<Gift>(r#"{"type":"gold"}"#).is_err());
    }

    #[test]
    fn two_dismissals_of_a_kind_or_a_category_hold_it_back_for_sixty_days() {
        let now = datetime!(2026-12-07 12:00 UTC);
        let free = input();
        let mut coffee = input();
        coffee.gift = Gift::PercentOff { percent: 10 };
        coffee.audience.category = Some("coffee".into());
        let mut coffee_double = input();
        coffee_double.gift = Gift::CategoryMultiplier {
            category: "coffee".into(),
            times_tenths: 20,
        };
        let mut money = input();
        money.gift = Gift::AmountOff { amount_minor: 200 };
        // One free item dismissed: nothing held back.
        let once = Suppressed::from_dismissals([(&free, now)], now);
        assert!(!once.holds_back(&free));
        // Two: free items are, for 60 days; other kinds are not.
        let twice = Suppressed::from_dismissals(
            [(&free, now - time::Duration::days(3)), (&free, now)],
            now,
        );
        assert!(twice.holds_back(&free));
        assert!(!twice.holds_back(&money));
        let long_ago = Suppressed::from_dismissals(
            [(&free, now - time::Duration::days(61)), (&free, now)],
            now,
        );
        assert!(
            !long_ago.holds_back(&free),
            "a dismissal over 60 days old is forgotten"
        );
        // Two offers about coffee, of different kinds: coffee is held back, whatever the kind.
        let coffee_twice =
            Suppressed::from_dismissals([(&coffee, now), (&coffee_double, now)], now);
        assert_eq!(coffee_twice.categories, vec!["coffee".to_string()]);
        assert!(coffee_twice.holds_back(&coffee_double));
        assert!(!coffee_twice.holds_back(&free));
    }

    #[test]
    fn multiplied_points_round_down_and_a_category_multiplier_needs_its_category() {
        let double = Gift::PointsMultiplier { times_tenths: 20 };
        assert_eq!(double.points(12, None), 24);
        let half_more = Gift::PointsMultiplier { times_tenths: 15 };
        assert_eq!(half_more.points(5, None), 7);
        let coffee = Gift::CategoryMultiplier {
            category: "coffee".into(),
            times_tenths: 30,
        };
        assert_eq!(coffee.points(4, Some("coffee")), 12);
        assert_eq!(coffee.points(4, Some("food")), 4);
        assert_eq!(coffee.points(4, None), 4);
    }

    #[test]
    fn an_offer_is_usable_on_its_days_and_hours_in_the_shops_time() {
        let view = OfferView {
            id: OfferId(Uuid::from_u128(5)),
            version: 1,
            title: "Happy hour".into(),
            text: String::new(),
            gift: Gift::PercentOff { percent: 10 },
            starts_at: datetime!(2026-12-01 00:00 UTC),
            ends_at: datetime!(2026-12-31 00:00 UTC),
            weekdays: vec![5],
            hours: Some(Hours { from: 16, to: 18 }),
            uses_per_member: 1,
            utc_offset_minutes: 60,
        };
        // Friday 4 December 2026, 16:30 in the shop (15:30 UTC).
        assert!(view.usable_at(datetime!(2026-12-04 15:30 UTC)));
        // 18:00 in the shop: the hours are over.
        assert!(!view.usable_at(datetime!(2026-12-04 17:00 UTC)));
        // Thursday.
        assert!(!view.usable_at(datetime!(2026-12-03 15:30 UTC)));
        assert!(!view.usable_at(datetime!(2027-01-01 15:30 UTC)));
        assert!(view.expired_at(datetime!(2026-12-31 00:00 UTC)));
    }
}
