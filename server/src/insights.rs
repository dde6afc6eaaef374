//! Owner insights: who the regulars are, when they come, what they spend. Every definition the
//! figures use is here or in a module below, and in the README's "Insights" section.
//!
//! - A **visit** is a shop-local day on which a card had at least one earning event that was not
//!   reversed or compensated ([`visits`]). Its purchase amount is the sum of that day's amounts.
//! - **Repeat-purchase rate**: of the members whose first visit fell in the period, the share
//!   with a second visit within 30 days of the first; and over all members, the share with at
//!   least two visits ever.
//! - **Active members**: members with at least one visit in the period. **Visits per active
//!   member** divides the two. **Average spend per visit**: the amounts recorded over the visits
//!   that recorded one (a shop that records no amounts is told so, not shown zero).
//! - **RFM** and the ten groups: [`rfm`]. **Top customers**: the best fifth of scored members by
//!   spend in the last 12 months (by visits where the shop records no amounts).
//! - Days, weekdays and hours are the shop's local time ([`local`]).
//! - **Predicted value** ([`clv`] the models, [`predicted`] the shop's fit and lists): BG/NBD
//!   and Gamma-Gamma fitted on the visits up to a day, in weeks.
//! - **NPS** ([`nps`]): of the answers given in the period to "How likely are you to recommend
//!   us?", the share of promoters (9-10) minus the share of detractors (0-6), -100 to 100.
//!
//! The summaries behind the pages ([`summaries`]) are written in the push transaction and can
//! be made again from the events (`regulars-server rebuild-summaries`), like the balances.

pub mod clv;
pub mod figures;
pub mod local;
pub mod nps;
pub mod predicted;
pub mod rfm;
pub mod segments;
pub mod summaries;
pub mod visits;

/// Bump when the visit rule or the summary tables change: start-up rebuilds every shop whose
/// summaries an older rule made.
pub const SUMMARIES_VERSION: i32 = 1;
