//! What the owner's Insights pages read: headline figures for a period against the one before,
//! visits by hour and weekday, RFM segments and one member's page. The definitions behind the
//! numbers live on the server (`server/src/insights.rs`) and in the README; these are the shapes.
//!
//! Dates are the shop's local calendar days as `YYYY-MM-DD`; amounts are minor units of the
//! shop's currency.

use serde::{Deserialize, Serialize};

use crate::CardId;

/// The ten RFM groups, from the R x FM grid in `server/src/insights/rfm.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Champions,
    Loyal,
    Potential,
    New,
    Promising,
    NeedAttention,
    AtRisk,
    CantLose,
    Hibernating,
    Lost,
    /// A group a newer server knows.
    #[serde(other)]
    Unknown,
}

impl Segment {
    /// Every group, best first (the order lists and charts use).
    pub const ALL: [Segment; 10] = [
        Segment::Champions,
        Segment::Loyal,
        Segment::Potential,
        Segment::New,
        Segment::Promising,
        Segment::NeedAttention,
        Segment::AtRisk,
        Segment::CantLose,
        Segment::Hibernating,
        Segment::Lost,
    ];

    /// The name in URLs and CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            Segment::Champions => "champions",
            Segment::Loyal => "loyal",
            Segment::Potential => "potential",
            Segment::New => "new",
            Segment::Promising => "promising",
            Segment::NeedAttention => "need_attention",
            Segment::AtRisk => "at_risk",
            Segment::CantLose => "cant_lose",
            Segment::Hibernating => "hibernating",
            Segment::Lost => "lost",
            Segment::Unknown => "unknown",
        }
    }

    pub fn parse(text: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// The headline figures of one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    /// Members who had joined by the period's last day.
    pub members: i64,
    /// Members who joined in the period.
    pub new_members: i64,
    /// Members with at least one visit in the period.
    pub active_members: i64,
    pub visits: i64,
    /// Of the members whose first visit fell in the period, the share with a second visit within
    /// 30 days of the first (`None`: nobody's first visit fell in it).
    pub repeat_rate_30d: Option<f64>,
    /// Members whose first visit fell in the period (the rate's denominator).
    pub first_visits: i64,
    /// Visits with a purchase amount recorded; spend figures stand on these alone.
    pub visits_with_amount: i64,
    /// Sum of the amounts recorded in the period.
    pub revenue_minor: i64,
    pub rewards_redeemed: i64,
    /// What the redeemed rewards are worth to the shop, for rewards whose value the owner gave.
    pub rewards_value_minor: i64,
}

impl Figures {
    pub fn visits_per_active_member(&self) -> Option<f64> {
        (self.active_members > 0).then(|| self.visits as f64 / self.active_members as f64)
    }

    /// Average spend per visit with an amount (`None` when no amount was recorded).
    pub fn average_spend_minor(&self) -> Option<f64> {
        (self.visits_with_amount > 0)
            .then(|| self.revenue_minor as f64 / self.visits_with_amount as f64)
    }
}

/// One week of the trend charts (weeks start on Monday; the first and last may be partial).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Week {
    /// The week's first day inside the period.
    pub start: String,
    pub new_members: i64,
    pub active_members: i64,
    pub visits: i64,
    pub visits_with_amount: i64,
    pub revenue_minor: i64,
    pub rewards_redeemed: i64,
}

/// `GET /api/v1/owner/insights/overview`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    pub from: String,
    pub to: String,
    pub previous_from: String,
    pub previous_to: String,
    pub currency: String,
    pub current: Figures,
    pub previous: Figures,
    /// Over all members: the share with at least two visits ever.
    pub repeat_rate_ever: Option<f64>,
    /// Whether the shop has recorded any purchase amount at all (the spend figures need them).
    pub has_amounts: bool,
    pub weeks: Vec<Week>,
    /// Purchases per category in the period (the shop's current names), most bought first.
    #[serde(default)]
    pub categories: Vec<CategoryShare>,
}

/// A weekday (0 = Monday) and an hour (0-23) of the shop's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    pub weekday: u8,
    pub hour: u8,
}

/// When most visits of a group fall: the busiest run of weekdays and of hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pattern {
    /// First and last weekday of the run (0 = Monday), inclusive.
    pub first_weekday: u8,
    pub last_weekday: u8,
    /// Start of the busiest hours, inclusive, and their end, exclusive (`12` and `14`: 12:00-14:00).
    pub from_hour: u8,
    pub to_hour: u8,
    /// Share of the group's visits inside both runs.
    pub share: f64,
}

/// Visits by hour and weekday of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Heatmap {
    /// Seven rows (Monday first) of 24 counts (hour 0 first).
    pub counts: Vec<Vec<i64>>,
    pub total: i64,
    pub busiest: Option<Slot>,
    pub pattern: Option<Pattern>,
}

/// `GET /api/v1/owner/insights/hours`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hours {
    pub from: String,
    pub to: String,
    pub time_zone: String,
    /// The group asked for: all members when absent.
    pub segment: Option<Segment>,
    pub members: Heatmap,
    /// The top customers (the best fifth by spend over the last 12 months, by visits where the
    /// shop records no amounts), over the same days.
    pub top_customers: Heatmap,
}

/// One group's count now and at the period's start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SegmentCount {
    pub segment: Segment,
    pub members: i64,
    /// Members in the group as of the previous date.
    pub previous: i64,
    /// Members in the group now who were in another group (or none) then.
    pub moved_in: i64,
    /// Members in the group then who are in another group now.
    pub moved_out: i64,
}

/// `GET /api/v1/owner/insights/segments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Segments {
    pub as_of: String,
    pub previous_as_of: String,
    pub groups: Vec<SegmentCount>,
    /// Members without a visit yet (not scored).
    pub without_visits: i64,
    /// Members who changed group between the two dates.
    pub moved: i64,
}

/// A member as the lists show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberRow {
    pub card_id: CardId,
    pub first_name: Option<String>,
    pub segment: Option<Segment>,
    /// Scores 1-5 (recency, frequency, monetary).
    pub r: u8,
    pub f: u8,
    pub m: u8,
    pub last_visit: Option<String>,
    pub visits_12m: i64,
    pub spend_12m_minor: i64,
    pub visits: i64,
}

/// `GET /api/v1/owner/insights/segments/{segment}/members?page=N`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SegmentMembers {
    pub segment: Segment,
    pub as_of: String,
    /// Pages count from 1.
    pub page: u32,
    pub pages: u32,
    pub total: i64,
    pub members: Vec<MemberRow>,
}

/// A category's share of one member's purchases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryShare {
    pub category_id: String,
    /// The category's current name (its id when the shop no longer has it).
    pub name: String,
    pub purchases: i64,
    pub amount_minor: i64,
}

/// One month of a member's visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthVisits {
    /// `YYYY-MM`.
    pub month: String,
    pub visits: i64,
    pub amount_minor: i64,
}

/// One event of a member's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryItem {
    pub id: crate::EventId,
    /// RFC 3339, UTC.
    pub occurred_at: String,
    pub kind: String,
    pub delta: i64,
    pub amount_minor: Option<i64>,
    pub category: Option<String>,
    pub flags: Vec<crate::Flag>,
}

/// `GET /api/v1/owner/insights/members/{card_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberInsights {
    pub row: MemberRow,
    pub joined: String,
    pub first_visit: Option<String>,
    pub spend_minor: i64,
    pub visits_with_amount: i64,
    pub months: Vec<MonthVisits>,
    pub categories: Vec<CategoryShare>,
    /// The latest events first (at most 100).
    pub history: Vec<HistoryItem>,
    pub note: String,
    /// The member's answers to the recommend question, newest first.
    #[serde(default)]
    pub nps: Vec<NpsAnswer>,
    /// The member's predicted value as of today (none before a first visit).
    #[serde(default)]
    pub predicted: Option<MemberPrediction>,
    /// The running offers the member is in the audience of: where each stands on their card,
    /// and why.
    #[serde(default)]
    pub offers: Vec<crate::offers::MemberOfferPlace>,
}

/// One member's predictions, and where they stand among the shop's members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberPrediction {
    pub member: ClvMember,
    /// Their place among the most valuable (1 is the first), when they are one of them.
    #[serde(default)]
    pub top_rank: Option<i64>,
    /// A valuable member whose probability of being active fell below one half.
    #[serde(default)]
    pub drifting: bool,
    /// Why there are no numbers, when there are none.
    #[serde(default)]
    pub warning: Option<ClvWarning>,
}

/// One answer to "How likely are you to recommend us to a friend?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsAnswer {
    pub card_id: CardId,
    #[serde(default)]
    pub first_name: Option<String>,
    /// 0 to 10.
    pub score: i64,
    #[serde(default)]
    pub comment: Option<String>,
    /// The shop-local day it was given.
    pub day: String,
}

/// The score and its three groups for a stretch of time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsFigures {
    /// -100 to 100 (promoters minus detractors, in percent); none without answers.
    pub score: Option<i64>,
    pub answers: i64,
    pub promoters: i64,
    pub passives: i64,
    pub detractors: i64,
}

/// One month of the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub figures: NpsFigures,
}

/// `GET /api/v1/owner/insights/nps`: the period's score against the period before, the 12
/// months to the period's end, and the comments, detractors first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NpsReport {
    pub from: String,
    pub to: String,
    pub current: NpsFigures,
    pub previous: NpsFigures,
    /// Oldest first; months without answers included.
    pub months: Vec<NpsMonth>,
    /// The period's answers with a comment: detractors first (lowest score first), then
    /// passives and promoters, newest first within a score (at most 200).
    pub comments: Vec<NpsAnswer>,
}

/// `PUT /api/v1/owner/insights/members/{card_id}/note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberNote {
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: String,
}

/// BG/NBD parameters (time unit: weeks): purchase rates Gamma(r, alpha), dropout Beta(a, b).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BgNbdParams {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

/// Gamma-Gamma parameters of spend per visit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GammaGammaParams {
    pub p: f64,
    pub q: f64,
    pub gamma: f64,
}

/// The shop's fitted models.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClvFit {
    pub bg_nbd: BgNbdParams,
    pub log_likelihood: f64,
    pub converged: bool,
    pub iterations: u64,
    /// None when the shop records too few amounts to fit spend.
    #[serde(default)]
    pub gamma_gamma: Option<GammaGammaParams>,
    #[serde(default)]
    pub gamma_gamma_log_likelihood: Option<f64>,
}

/// Why the report shows no predictions (or no spend predictions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ClvWarning {
    /// Fewer repeat customers than a fit needs.
    TooFewRepeatCustomers { have: i64, need: i64 },
    /// The optimizer did not converge on the shop's visits.
    NotConverged,
    /// Visits are predicted, spend is not: too few repeat visits with an amount.
    NoAmounts { have: i64, need: i64 },
}

/// One member's predicted value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClvMember {
    pub card_id: CardId,
    #[serde(default)]
    pub first_name: Option<String>,
    /// Visits up to `as_of`.
    pub visits: i64,
    pub spend_minor: i64,
    pub first_visit: String,
    pub last_visit: String,
    #[serde(default)]
    pub favourite_category: Option<String>,
    /// The probability that the member is still active (0 to 1); none without a fit.
    #[serde(default)]
    pub p_alive: Option<f64>,
    /// Expected visits in the 90 days after `as_of`.
    #[serde(default)]
    pub expected_visits_90d: Option<f64>,
    /// Predicted spend in the 12 months after `as_of` (undiscounted), minor units.
    #[serde(default)]
    pub predicted_spend_12m_minor: Option<i64>,
}

/// `GET /api/v1/owner/insights/clv`: the models fitted on the visits up to `as_of`, and one page
/// of a list of members with their predictions (`top`: the most valuable by predicted value;
/// `drifting`: valuable members whose probability of being active fell below one half; `all`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClvReport {
    pub as_of: String,
    /// Always `week`.
    pub time_unit: String,
    /// Members with a visit up to `as_of`, and those with two visits or more.
    pub customers: i64,
    pub repeat_customers: i64,
    #[serde(default)]
    pub fit: Option<ClvFit>,
    #[serde(default)]
    pub warning: Option<ClvWarning>,
    pub list: String,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
    pub members: Vec<ClvMember>,
    /// When `as_of` is at least a week ago: what the fit predicted for the weeks after it
    /// against what happened.
    #[serde(default)]
    pub check: Option<ClvCheck>,
}

/// The model's check: the repeat visits of the members fitted on, week by week after `as_of`
/// (cumulative), as predicted and as they came.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClvCheck {
    pub weeks: Vec<ClvCheckWeek>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClvCheckWeek {
    /// Weeks after `as_of`, from 1.
    pub week: i64,
    /// Visits the model expected by the end of the week, all the fitted members together.
    pub predicted: f64,
    /// Visits they made by the end of the week.
    pub actual: i64,
}
