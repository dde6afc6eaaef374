//! A shop's loyalty program: how members earn, and what they can redeem.

use serde::{Deserialize, Serialize};

use crate::ids::RewardId;

/// How members earn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgramKind {
    /// A stamp per visit; rewards cost a number of stamps.
    #[default]
    Stamps,
    /// Points per unit of money spent; rewards are priced in points.
    Points,
}

impl ProgramKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ProgramKind::Stamps => "stamps",
            ProgramKind::Points => "points",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "stamps" => Some(ProgramKind::Stamps),
            "points" => Some(ProgramKind::Points),
            _ => None,
        }
    }
}

/// Something a member can redeem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reward {
    pub id: RewardId,
    pub name: String,
    /// Price in stamps or points.
    pub cost: i64,
    /// What the reward is worth to the shop, in minor units of its currency, if the owner said.
    #[serde(default)]
    pub value_minor: Option<i64>,
    /// Retired rewards stay for history but can no longer be redeemed.
    pub active: bool,
}

/// The earning rule and rewards, as of one version. Changing the rule makes a new version, so
/// older events keep the meaning they had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Program {
    pub version: i32,
    pub kind: ProgramKind,
    /// Stamps given per visit by default (stamp programs).
    pub stamps_per_visit: i64,
    /// Points per whole unit of currency spent (points programs).
    pub points_per_unit: i64,
    /// All rewards, active first, cheapest first.
    pub rewards: Vec<Reward>,
    /// Rewards costing at most this may be redeemed by a tablet without a connection. `None`:
    /// redemption is online only.
    #[serde(default)]
    pub offline_redemption_max_cost: Option<i64>,
    /// The shop's own purchase categories, in the order the till shows them (at most
    /// [`MAX_CATEGORIES`]). Older servers sent none.
    #[serde(default)]
    pub categories: Vec<Category>,
}

/// Most categories a shop names at once.
pub const MAX_CATEGORIES: usize = 12;

/// One of the shop's own purchase categories ("Pastries", "Beans", "Lunch"). Events carry the
/// id, which never changes, so renaming a category keeps its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    /// Stable: the five starting categories keep the tags tills used before (`coffee`, `food`,
    /// `drinks`, `retail`, `other`); new ones get `c-` and eight random characters.
    pub id: String,
    pub name: String,
}

impl Program {
    /// Points earned for a purchase of `amount_minor` in a currency with `minor_digits` decimals.
    /// Fractions of a point are dropped: 12.50 at 1 point per unit earns 12 points.
    pub fn points_for(&self, amount_minor: i64, minor_digits: u32) -> i64 {
        if amount_minor <= 0 {
            return 0;
        }
        let scale = 10_i64.pow(minor_digits);
        amount_minor.saturating_mul(self.points_per_unit) / scale
    }

    /// Rewards that can still be redeemed, cheapest first.
    pub fn active_rewards(&self) -> impl Iterator<Item = &Reward> {
        self.rewards.iter().filter(|r| r.active)
    }

    pub fn reward(&self, id: RewardId) -> Option<&Reward> {
        self.rewards.iter().find(|r| r.id == id)
    }

    /// The size of the stamp grid on the card: the cheapest active reward's cost.
    /// Whether a tablet without a connection may redeem this reward.
    pub fn redeemable_offline(&self, reward: &Reward) -> bool {
        reward.active
            && self
                .offline_redemption_max_cost
                .is_some_and(|max| reward.cost <= max)
    }

    pub fn grid_size(&self) -> i64 {
        self.active_rewards().map(|r| r.cost).min().unwrap_or(10)
    }
}

/// Decimal digits of a currency's minor unit (ISO 4217). Most have two.
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "ISK" | "CLP" | "VND" | "XOF" | "XAF" | "HUF" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" => 3,
        _ => 2,
    }
}

/// Formats an amount in minor units for people: `1250` EUR is `12.50 EUR`.
pub fn format_money(amount_minor: i64, currency: &str) -> String {
    let digits = minor_digits(currency);
    if digits == 0 {
        return format!("{amount_minor} {currency}");
    }
    let scale = 10_i64.pow(digits);
    let sign = if amount_minor < 0 { "-" } else { "" };
    let abs = amount_minor.unsigned_abs();
    format!(
        "{sign}{}.{:0width$} {currency}",
        abs / scale as u64,
        abs % scale as u64,
        width = digits as usize
    )
}

/// Parses an amount a cashier typed ("12", "12.5", "12,50") into minor units.
pub fn parse_money(input: &str, currency: &str) -> Option<i64> {
    let digits = minor_digits(currency) as usize;
    let s = input.trim().replace(',', ".");
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s.as_str(), ""),
    };
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if frac.len() > digits {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut frac_value: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    for _ in frac.len()..digits {
        frac_value *= 10;
    }
    whole
        .checked_mul(10_i64.pow(digits as u32))?
        .checked_add(frac_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points_program(per_unit: i64) -> Program {
        Program {
            version: 1,
            kind: ProgramKind::Points,
            stamps_per_visit: 1,
            points_per_unit: per_unit,
            rewards: vec![],
            offline_redemption_max_cost: None,
            categories: vec![],
        }
    }

    #[test]
    fn points_drop_fractions_of_a_point() {
        assert_eq!(points_program(1).points_for(1250, 2), 12);
        assert_eq!(points_program(10).points_for(1250, 2), 125);
        assert_eq!(points_program(1).points_for(99, 2), 0);
        assert_eq!(points_program(2).points_for(500, 0), 1000);
        assert_eq!(points_program(1).points_for(-500, 2), 0);
    }

    #[test]
    fn money_is_parsed_the_way_cashiers_type_it() {
        assert_eq!(parse_money("12", "EUR"), Some(1200));
        assert_eq!(parse_money("12.5", "EUR"), Some(1250));
        assert_eq!(parse_money("12,50", "EUR"), Some(1250));
        assert_eq!(parse_money(".5", "EUR"), Some(50));
        assert_eq!(parse_money("1200", "JPY"), Some(1200));
        assert_eq!(parse_money("12.505", "EUR"), None);
        assert_eq!(parse_money("-3", "EUR"), None);
        assert_eq!(parse_money("abc", "EUR"), None);
        assert_eq!(parse_money("", "EUR"), None);
        assert_eq!(parse_money(".", "EUR"), None);
    }

    #[test]
    fn money_is_formatted_with_the_currency_digits() {
        assert_eq!(format_money(1250, "EUR"), "12.50 EUR");
        assert_eq!(format_money(5, "EUR"), "0.05 EUR");
        assert_eq!(format_money(1200, "JPY"), "1200 JPY");
        assert_eq!(format_money(-150, "USD"), "-1.50 USD");
    }
}
