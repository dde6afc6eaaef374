//! Input becomes a domain type here, at the edge, or is refused with the field at fault.

use regulars_protocol::ProgramKind;

/// A field that failed to parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct Invalid {
    pub field: &'static str,
    pub message: String,
}

fn invalid(field: &'static str, message: impl Into<String>) -> Invalid {
    Invalid {
        field,
        message: message.into(),
    }
}

/// Trims and checks a line of text a person typed: length in characters, no control characters.
fn text(
    field: &'static str,
    label: &str,
    input: &str,
    min: usize,
    max: usize,
) -> Result<String, Invalid> {
    let value = input.trim();
    let len = value.chars().count();
    if len < min {
        return Err(invalid(field, format!("{label} is required.")));
    }
    if len > max {
        return Err(invalid(
            field,
            format!("{label} can be at most {max} characters."),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(invalid(
            field,
            format!("{label} cannot contain control characters."),
        ));
    }
    Ok(value.to_string())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &'static str, input: &str) -> Result<Self, Invalid> {
        let value = text(field, "E-mail", input, 1, 254)?.to_lowercase();
        let valid = match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !value.contains(char::is_whitespace)
            }
            None => false,
        };
        if !valid {
            return Err(invalid(
                field,
                "Enter an e-mail address like name@example.com.",
            ));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new owner password: 10 to 200 characters.
pub struct Password(String);

impl Password {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let len = input.chars().count();
        if len < 10 {
            return Err(invalid(
                "password",
                "The password needs at least 10 characters.",
            ));
        }
        if len > 200 {
            return Err(invalid(
                "password",
                "The password can be at most 200 characters.",
            ));
        }
        Ok(Self(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(..)")
    }
}

pub fn shop_name(input: &str) -> Result<String, Invalid> {
    text("shop_name", "Shop name", input, 1, 80)
}

pub fn reward_name(field: &'static str, input: &str) -> Result<String, Invalid> {
    text(field, "Reward name", input, 1, 60)
}

/// A card's public key in its wire form (see `regulars_protocol::CardKey`).
pub fn card_key(input: &str) -> Result<String, Invalid> {
    regulars_protocol::CardKey::from_base64(input)
        .map(|key| key.to_base64())
        .map_err(|_| {
            invalid(
                "public_key",
                "This is not a P-256 public key from the card.",
            )
        })
}

pub fn first_name(input: &str) -> Result<Option<String>, Invalid> {
    let value = text("first_name", "First name", input, 0, 50)?;
    Ok((!value.is_empty()).then_some(value))
}

pub fn optional_email(input: &str) -> Result<Option<String>, Invalid> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    Email::parse("email", input).map(|e| Some(e.0))
}

/// `#rrggbb`, stored in lower case.
pub fn brand_color(input: &str) -> Result<String, Invalid> {
    let value = input.trim();
    let ok = value.len() == 7
        && value.starts_with('#')
        && value[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !ok {
        return Err(invalid(
            "brand_color",
            "Brand colour must look like #b4532a.",
        ));
    }
    Ok(value.to_ascii_lowercase())
}

/// An ISO 4217 code such as EUR.
pub fn currency(input: &str) -> Result<String, Invalid> {
    let value = input.trim().to_ascii_uppercase();
    if value.len() != 3 || !value.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(invalid(
            "currency",
            "Currency must be a three-letter code such as EUR.",
        ));
    }
    Ok(value)
}

/// An IANA time zone name such as Europe/Paris.
pub fn time_zone(input: &str) -> Result<String, Invalid> {
    let value = input.trim();
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_+-".contains(c))
        && !value.starts_with('/')
        && !value.ends_with('/');
    if !ok {
        return Err(invalid(
            "time_zone",
            "Time zone must be a name such as Europe/Paris.",
        ));
    }
    Ok(value.to_string())
}

/// A reward's price in stamps or points: 1 to 1,000,000.
pub fn reward_cost(field: &'static str, kind: ProgramKind, cost: i64) -> Result<i64, Invalid> {
    const MAX: i64 = 1_000_000;
    if !(1..=MAX).contains(&cost) {
        return Err(invalid(
            field,
            format!("A reward costs between 1 and {MAX} {}.", kind.as_str()),
        ));
    }
    Ok(cost)
}

pub fn value_minor(value: Option<i64>) -> Result<Option<i64>, Invalid> {
    match value {
        Some(v) if !(0..=100_000_000).contains(&v) => Err(invalid(
            "value_minor",
            "The reward's value is out of range.",
        )),
        other => Ok(other),
    }
}

pub fn stamps_per_visit(value: i64) -> Result<i64, Invalid> {
    if !(1..=10).contains(&value) {
        return Err(invalid(
            "stamps_per_visit",
            "Stamps per visit must be between 1 and 10.",
        ));
    }
    Ok(value)
}

pub fn points_per_unit(value: i64) -> Result<i64, Invalid> {
    if !(1..=1000).contains(&value) {
        return Err(invalid(
            "points_per_unit",
            "Points per unit spent must be between 1 and 1000.",
        ));
    }
    Ok(value)
}

/// A shop's short name for its join link: lower-case letters, digits and dashes, plus a random
/// suffix so two shops of the same name never collide.
pub fn slug(name: &str, suffix: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 30 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("shop-{suffix}")
    } else {
        format!("{slug}-{suffix}")
    }
}

/// A staff member's name as the till and the staff page show it: 1 to 60 characters.
pub fn staff_name(input: &str) -> Result<String, Invalid> {
    text("name", "Name", input, 1, 60)
}

/// A staff PIN: 4 to 6 digits. Never shown in `Debug` output.
pub struct Pin(String);

impl Pin {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        if !regulars_protocol::staff::is_valid_pin(input) {
            return Err(invalid("pin", "The PIN must be 4 to 6 digits."));
        }
        Ok(Self(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(..)")
    }
}

/// The shop's list of categories as the owner sent it, checked: at most
/// [`regulars_protocol::program::MAX_CATEGORIES`], names 1-40 characters and different from each
/// other (case aside), ids only of the shop's own categories (retired ones may come back). A
/// new category gets a fresh id.
pub fn categories(
    input: &regulars_protocol::wire::CategoriesInput,
    known: &[crate::db::insights::CategoryRow],
) -> Result<Vec<regulars_protocol::Category>, Invalid> {
    use regulars_protocol::program::MAX_CATEGORIES;
    if input.categories.len() > MAX_CATEGORIES {
        return Err(invalid(
            "categories",
            format!("A shop has at most {MAX_CATEGORIES} categories."),
        ));
    }
    let mut out: Vec<regulars_protocol::Category> = Vec::new();
    for (i, c) in input.categories.iter().enumerate() {
        let name = text("categories", "Category name", &c.name, 1, 40)
            .map_err(|e| invalid("categories", format!("Category {}: {}", i + 1, e.message)))?;
        if out
            .iter()
            .any(|o| o.name.to_lowercase() == name.to_lowercase())
        {
            return Err(invalid(
                "categories",
                format!("Category {}: two categories are called {name:?}.", i + 1),
            ));
        }
        let id = match &c.id {
            Some(id) if known.iter().any(|k| k.id == *id) => {
                if out.iter().any(|o| o.id == *id) {
                    return Err(invalid(
                        "categories",
                        format!("Category {}: this category is listed twice.", i + 1),
                    ));
                }
                id.clone()
            }
            Some(_) => {
                return Err(invalid(
                    "categories",
                    format!(
                        "Category {}: this shop has no category with this id.",
                        i + 1
                    ),
                ));
            }
            None => format!(
                "c-{}",
                &crate::auth::new_token()[..8]
                    .to_lowercase()
                    .replace(['-', '_'], "x")
            ),
        };
        out.push(regulars_protocol::Category { id, name });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_and_lower_cased() {
        assert_eq!(
            Email::parse("email", " Ana@Example.com ").unwrap().as_str(),
            "ana@example.com"
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "a b@example.com",
            "a@b@c.com",
        ] {
            assert!(Email::parse("email", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn colours_currencies_and_zones_are_parsed() {
        assert_eq!(brand_color("#B4532A").unwrap(), "#b4532a");
        assert!(brand_color("red").is_err());
        assert!(brand_color("#12345g").is_err());
        assert_eq!(currency("eur").unwrap(), "EUR");
        assert!(currency("EURO").is_err());
        assert!(time_zone("Europe/Paris").is_ok());
        assert!(time_zone("../etc").is_err());
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Café Olé & Co.", "x7k2"), "caf-ol-co-x7k2");
        assert_eq!(slug("!!!", "x7k2"), "shop-x7k2");
    }

    #[test]
    fn names_have_limits() {
        assert!(shop_name("  ").is_err());
        assert!(shop_name(&"a".repeat(81)).is_err());
        assert_eq!(first_name(" ").unwrap(), None);
        assert_eq!(first_name(" Ana ").unwrap(), Some("Ana".into()));
        assert!(reward_cost("reward_cost", ProgramKind::Stamps, 0).is_err());
        assert!(reward_cost("reward_cost", ProgramKind::Points, 1_000_001).is_err());
    }
}
