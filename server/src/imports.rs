//! Importing a shop's purchase history from a CSV file: how a file is read, what makes a row
//! bad, and what identifies a row. The job that commits the rows is [`job`]; the wire types are
//! in `regulars_protocol::imports`.
//!
//! A row is one purchase: a `customer` (the value the shop's old system knew them by), a `date`
//! (ISO 8601 date or date-time; without an offset it is taken in the shop's time zone, and a
//! date alone is read as noon), an `amount` in major units, and optionally a `category` (one of
//! the shop's, by name or id), an `email` and a `first_name`.
//!
//! **Idempotency.** A row's key is its content (customer, time, amount, category) and its
//! occurrence number among the file's rows with the same content, so importing the same file
//! again adds nothing while two coffees bought on one day, two identical rows, are both kept.
//! The purchase's event id is derived from the shop and that key.

pub mod job;

use std::collections::HashMap;

use jiff::civil::DateTime;
use regulars_protocol::imports::{
    BadRow, ColumnMapping, MAX_IMPORT_ROWS, MAX_REPORTED_BAD_ROWS, PREVIEW_ROWS, PreviewRow,
};
use regulars_protocol::{EventId, ShopId, ledger, program};
use time::OffsetDateTime;

use crate::db::insights::CategoryRow;
use crate::domain::{self, Invalid};
use crate::insights::local::ShopClock;

/// The namespace of imported purchases' event ids (UUIDv5 of the shop and the row's key).
const IMPORT_NAMESPACE: uuid::Uuid = uuid::uuid!("6f1c2a8e-3b7d-5e90-9a4c-1d2e3f405162");

/// Longest `customer` value.
pub const MAX_CUSTOMER_CHARS: usize = 100;

/// What a file is read against: the shop's clock, currency and categories, and now (no
/// purchase may lie in the future).
pub struct Shop {
    pub id: ShopId,
    pub clock: ShopClock,
    pub time_zone: String,
    pub currency: String,
    pub categories: Vec<CategoryRow>,
    pub now: OffsetDateTime,
}

/// A good row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purchase {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub customer: String,
    pub at: OffsetDateTime,
    /// Whether the file gave a time of day (a date alone is read as noon).
    pub has_time: bool,
    pub amount_minor: i64,
    /// The shop's category id.
    pub category: Option<String>,
    pub email: Option<String>,
    pub first_name: Option<String>,
    /// The purchase's event id: the shop, the row's content and its occurrence number.
    pub event_id: EventId,
}

/// Why a file cannot be read at all (as opposed to a bad row).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Unreadable(pub String);

/// The file's text: UTF-8, without a byte-order mark.
pub fn text(bytes: &[u8]) -> Result<&str, Unreadable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        return Err(Unreadable(format!(
            "The file is not text (it has a NUL byte at position {at}): export it as CSV and upload it again."
        )));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        Unreadable(format!(
            "The file is not UTF-8 text (a byte at position {} is not): save it as \"CSV UTF-8\" and upload it again.",
            e.valid_up_to()
        ))
    })
}

/// The separator: a comma, or the semicolon or tab a spreadsheet in some languages writes,
/// whichever the header line has most of.
fn delimiter(content: &str) -> u8 {
    let header = content.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (header.matches(char::from(*d)).count(), *d == b','))
        .unwrap_or(b',')
}

fn reader(content: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter(content))
        .flexible(true)
        .from_reader(content.as_bytes())
}

/// The header's column names. A file without a header, with an empty or repeated column name,
/// or with more than [`MAX_IMPORT_ROWS`] rows cannot be read.
pub fn columns(content: &str) -> Result<Vec<String>, Unreadable> {
    let mut reader = reader(content);
    let header = reader
        .headers()
        .map_err(|e| Unreadable(format!("The header row cannot be read: {e}.")))?;
    let columns: Vec<String> = header.iter().map(|c| c.trim().to_owned()).collect();
    if columns.iter().all(String::is_empty) {
        return Err(Unreadable(
            "The file is empty: its first line must name the columns (customer, date, amount...)."
                .into(),
        ));
    }
    for (i, c) in columns.iter().enumerate() {
        if c.is_empty() {
            return Err(Unreadable(format!(
                "Column {} of the header has no name.",
                i + 1
            )));
        }
        if columns[..i].iter().any(|o| o.eq_ignore_ascii_case(c)) {
            return Err(Unreadable(format!("Two columns are called \"{c}\".")));
        }
    }
    let rows = content
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    if rows > MAX_IMPORT_ROWS {
        return Err(Unreadable(format!(
            "The file has {rows} rows; an import takes at most {MAX_IMPORT_ROWS}: split it in parts."
        )));
    }
    Ok(columns)
}

/// The mapping the header's names give by themselves (case aside), if they name the required
/// columns.
pub fn guess_mapping(columns: &[String]) -> Option<ColumnMapping> {
    let find = |name: &str| {
        columns
            .iter()
            .find(|c| c.eq_ignore_ascii_case(name))
            .cloned()
    };
    Some(ColumnMapping {
        customer: find("customer")?,
        date: find("date")?,
        amount: find("amount")?,
        category: find("category"),
        email: find("email").or_else(|| find("e-mail")),
        first_name: find("first_name"),
    })
}

/// Where each mapped field is in a row.
struct Positions {
    customer: usize,
    date: usize,
    amount: usize,
    category: Option<usize>,
    email: Option<usize>,
    first_name: Option<usize>,
}

/// Checks that the mapping names columns of the file, the required ones given, no column used
/// for two fields.
fn positions(columns: &[String], mapping: &ColumnMapping) -> Result<Positions, Invalid> {
    let mut used: Vec<usize> = Vec::new();
    let mut position = |field: &'static str, name: &str| -> Result<usize, Invalid> {
        if name.trim().is_empty() {
            return Err(Invalid {
                field,
                message: format!("Say which column holds the {field}."),
            });
        }
        let at = columns
            .iter()
            .position(|c| c == name.trim())
            .ok_or_else(|| Invalid {
                field,
                message: format!("The file has no column \"{name}\"."),
            })?;
        if used.contains(&at) {
            return Err(Invalid {
                field,
                message: format!("The column \"{name}\" is already used for another field."),
            });
        }
        used.push(at);
        Ok(at)
    };
    Ok(Positions {
        customer: position("customer", &mapping.customer)?,
        date: position("date", &mapping.date)?,
        amount: position("amount", &mapping.amount)?,
        category: mapping
            .category
            .as_deref()
            .map(|c| position("category", c))
            .transpose()?,
        email: mapping
            .email
            .as_deref()
            .map(|c| position("email", c))
            .transpose()?,
        first_name: mapping
            .first_name
            .as_deref()
            .map(|c| position("first_name", c))
            .transpose()?,
    })
}

/// Checks a mapping against the file's columns.
pub fn check_mapping(columns: &[String], mapping: &ColumnMapping) -> Result<(), Invalid> {
    positions(columns, mapping).map(|_| ())
}

/// What reading the whole file found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    /// Purchase rows (the header and blank lines aside).
    pub rows: u64,
    pub bad_rows: u64,
    /// The first [`MAX_REPORTED_BAD_ROWS`] bad rows.
    pub bad: Vec<BadRow>,
    /// The first good rows, as they will be read.
    pub preview: Vec<PreviewRow>,
}

/// Reads every row of the file, in order, handing each good one to `good` (bad rows are
/// counted and the first of them kept in the report). Occurrence numbers count good rows only.
pub fn read(
    content: &str,
    columns: &[String],
    mapping: &ColumnMapping,
    shop: &Shop,
    mut good: impl FnMut(Purchase),
) -> Result<Report, Invalid> {
    let at = positions(columns, mapping)?;
    let mut report = Report::default();
    let mut occurrences: HashMap<String, u32> = HashMap::new();
    let mut reader = reader(content);
    let mut record = csv::StringRecord::new();
    let bad = |report: &mut Report, line: u64, column: &str, reason: String| {
        report.bad_rows += 1;
        if report.bad.len() < MAX_REPORTED_BAD_ROWS {
            report.bad.push(BadRow {
                line,
                column: column.to_owned(),
                reason,
            });
        }
    };
    // The header is read before the first row, so its line is not taken for a row's.
    reader.headers().map_err(|e| Invalid {
        field: "file",
        message: format!("The header row cannot be read: {e}."),
    })?;
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                report.rows += 1;
                bad(
                    &mut report,
                    line,
                    "",
                    format!("The row cannot be read: {e}."),
                );
                continue;
            }
        }
        let line = record.position().map_or(line, csv::Position::line);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.rows += 1;
        match purchase(&record, line, &at, columns, shop) {
            Ok((mut p, content_key)) => {
                let n = occurrences.entry(content_key.clone()).or_default();
                *n += 1;
                p.event_id = event_id(shop.id, &content_key, *n);
                if report.preview.len() < PREVIEW_ROWS {
                    report.preview.push(preview(&p, &shop.clock));
                }
                good(p);
            }
            Err((column, reason)) => bad(&mut report, line, &column, reason),
        }
    }
    Ok(report)
}

/// The event id of the `occurrence`th row (from 1) with this content.
fn event_id(shop_id: ShopId, content_key: &str, occurrence: u32) -> EventId {
    let name = format!("{shop_id}\u{1f}{content_key}\u{1f}{occurrence}");
    EventId(uuid::Uuid::new_v5(&IMPORT_NAMESPACE, name.as_bytes()))
}

/// One row read, or the column at fault and why. With the row's content key.
fn purchase(
    record: &csv::StringRecord,
    line: u64,
    at: &Positions,
    columns: &[String],
    shop: &Shop,
) -> Result<(Purchase, String), (String, String)> {
    let field = |i: usize| record.get(i).map(str::trim).unwrap_or("");
    let fault = |i: usize, reason: String| (columns[i].clone(), reason);
    if record.len() < columns.len() {
        let missing = &columns[record.len()];
        return Err((
            missing.clone(),
            format!(
                "The row has {} fields and the header {}: is a separator missing?",
                record.len(),
                columns.len()
            ),
        ));
    }

    let customer = field(at.customer);
    if customer.is_empty() {
        return Err(fault(at.customer, "The customer is empty.".into()));
    }
    if customer.chars().count() > MAX_CUSTOMER_CHARS || customer.chars().any(char::is_control) {
        return Err(fault(
            at.customer,
            format!(
                "A customer value has at most {MAX_CUSTOMER_CHARS} characters and no control characters."
            ),
        ));
    }

    let (when, has_time) =
        time_of(field(at.date), &shop.clock).map_err(|reason| fault(at.date, reason))?;
    if when > shop.now {
        return Err(fault(at.date, "The date is in the future.".into()));
    }
    if when.year() < 1990 {
        return Err(fault(at.date, "The date is before 1990.".into()));
    }

    let amount_text = field(at.amount);
    let amount_minor = parse_amount(amount_text, &shop.currency).ok_or_else(|| {
        fault(
            at.amount,
            format!(
                "\"{amount_text}\" is not an amount in {} (write it like 4.50, without a currency sign).",
                shop.currency
            ),
        )
    })?;
    if !(0..=ledger::MAX_AMOUNT_MINOR).contains(&amount_minor) {
        return Err(fault(at.amount, "The amount is out of range.".into()));
    }

    let category = match at.category.map(field).filter(|c| !c.is_empty()) {
        None => None,
        Some(name) => Some(
            shop.categories
                .iter()
                .find(|c| c.id == name || c.name.eq_ignore_ascii_case(name))
                .map(|c| c.id.clone())
                .ok_or_else(|| {
                    fault(
                        at.category.unwrap_or_default(),
                        format!("The shop has no category \"{name}\": add it under Categories, or leave the category column out."),
                    )
                })?,
        ),
    };
    let email = match at.email.map(field) {
        None => None,
        Some(e) => {
            domain::optional_email(e).map_err(|e| fault(at.email.unwrap_or_default(), e.message))?
        }
    };
    let first_name = match at.first_name.map(field) {
        None => None,
        Some(n) => domain::first_name(n)
            .map_err(|e| fault(at.first_name.unwrap_or_default(), e.message))?,
    };
    let content_key = format!(
        "{customer}\u{1f}{}\u{1f}{amount_minor}\u{1f}{}",
        crate::db::ts(when),
        category.as_deref().unwrap_or("")
    );
    Ok((
        Purchase {
            line,
            customer: customer.to_owned(),
            at: when,
            has_time,
            amount_minor,
            category,
            email,
            first_name,
            event_id: EventId(uuid::Uuid::nil()),
        },
        content_key,
    ))
}

/// An amount in major units: digits with at most the currency's decimals after a point (or a
/// decimal comma). No sign, no currency symbol, no thousands separators.
fn parse_amount(text: &str, currency: &str) -> Option<i64> {
    let ok = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && text.matches(['.', ',']).count() <= 1;
    if !ok {
        return None;
    }
    program::parse_money(text, currency)
}

/// A purchase time: `YYYY-MM-DD` (noon, shop time), `YYYY-MM-DD[T ]HH:MM[:SS]` (shop time), or
/// with an offset or `Z` (that instant). Returns whether a time of day was given.
fn time_of(text: &str, clock: &ShopClock) -> Result<(OffsetDateTime, bool), String> {
    let unreadable = || {
        format!(
            "\"{text}\" is not a date: write it as 2026-03-31, 2026-03-31 14:05 or 2026-03-31T14:05:00+01:00."
        )
    };
    if text.is_empty() {
        return Err("The date is empty.".into());
    }
    if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        let at = OffsetDateTime::from_unix_timestamp_nanos(ts.as_nanosecond())
            .map_err(|_| unreadable())?;
        return Ok((at, true));
    }
    // (jiff reads the date of a date-time as a date too: only a bare date is one.)
    if text.len() == 10
        && let Ok(day) = text.parse::<jiff::civil::Date>()
    {
        return Ok((clock.at_local(day.at(12, 0, 0, 0)), false));
    }
    let local: DateTime = text
        .replacen(' ', "T", 1)
        .parse()
        .map_err(|_| unreadable())?;
    Ok((clock.at_local(local), true))
}

fn preview(p: &Purchase, clock: &ShopClock) -> PreviewRow {
    PreviewRow {
        line: p.line,
        customer: p.customer.clone(),
        local_time: clock.local_text(p.at),
        amount_minor: p.amount_minor,
        category: p.category.clone(),
        email: p.email.clone(),
        first_name: p.first_name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn shop() -> Shop {
        Shop {
            id: ShopId(uuid::Uuid::from_u128(7)),
            clock: ShopClock::new("Europe/Amsterdam").unwrap(),
            time_zone: "Europe/Amsterdam".into(),
            currency: "EUR".into(),
            categories: vec![CategoryRow {
                id: "coffee".into(),
                name: "Coffee".into(),
                retired: false,
            }],
            now: datetime!(2026-12-07 12:00 UTC),
        }
    }

    fn read_all(content: &str) -> (Report, Vec<Purchase>) {
        let columns = columns(content).unwrap();
        let mapping = guess_mapping(&columns).unwrap();
        let mut out = Vec::new();
        let report = read(content, &columns, &mapping, &shop(), |p| out.push(p)).unwrap();
        (report, out)
    }

    #[test]
    fn a_row_reads_in_the_shops_time_zone_and_currency() {
        let (report, rows) = read_all(
            "customer,date,amount,category,email,first_name\n\
             C1,2026-03-31,4.50,coffee,Ann@Example.org,Ann\n\
             C2,2026-07-01 08:15,12,Coffee,,\n\
             C3,2026-07-01T08:15:00Z,0.5,,,\n",
        );
        assert_eq!((report.rows, report.bad_rows), (3, 0));
        // Noon in Amsterdam (summer time) is 10:00 UTC.
        assert_eq!(rows[0].at, datetime!(2026-03-31 10:00 UTC));
        assert!(!rows[0].has_time);
        assert_eq!(rows[0].amount_minor, 450);
        assert_eq!(rows[0].email.as_deref(), Some("ann@example.org"));
        assert_eq!(rows[1].at, datetime!(2026-07-01 06:15 UTC));
        assert_eq!(rows[1].category.as_deref(), Some("coffee"));
        assert_eq!(rows[2].at, datetime!(2026-07-01 08:15 UTC));
        assert_eq!(rows[2].amount_minor, 50);
        assert_eq!(report.preview[1].local_time, "2026-07-01 08:15");
        assert_eq!(report.preview[0].line, 2);
    }

    #[test]
    fn identical_rows_are_both_kept_and_the_same_file_gives_the_same_ids() {
        let file = "customer,date,amount\nC1,2026-03-31,3\nC1,2026-03-31,3\nC1,2026-03-31,4\n";
        let (_, first) = read_all(file);
        let (_, again) = read_all(file);
        let ids: Vec<EventId> = first.iter().map(|p| p.event_id).collect();
        assert_eq!(ids, again.iter().map(|p| p.event_id).collect::<Vec<_>>());
        assert_ne!(ids[0], ids[1], "two coffees on one day are two purchases");
        // A longer export that starts with the same rows adds only what is new.
        let (_, longer) = read_all(&format!("{file}C1,2026-03-31,3\n"));
        assert_eq!(
            &longer[..3].iter().map(|p| p.event_id).collect::<Vec<_>>(),
            &ids
        );
        assert!(!ids.contains(&longer[3].event_id));
    }

    #[test]
    fn each_bad_row_is_reported_with_its_line_column_and_reason() {
        let (report, rows) = read_all(
            "customer,date,amount,category,email\n\
             ,2026-03-31,3,,\n\
             C2,31/03/2026,3,,\n\
             C3,2026-03-31,€3,,\n\
             C4,2026-03-31,-3,,\n\
             C5,2027-01-01,3,,\n\
             C6,2026-03-31,3,Cake,\n\
             C7,2026-03-31,3,,not-an-email\n\
             C8,2026-03-31\n\
             C9,2026-03-31,3.999,,\n\
             OK,2026-03-31,3,,\n",
        );
        assert_eq!((report.rows, report.bad_rows), (10, 9));
        assert_eq!(rows.len(), 1);
        let got: Vec<(u64, &str)> = report
            .bad
            .iter()
            .map(|b| (b.line, b.column.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (2, "customer"),
                (3, "date"),
                (4, "amount"),
                (5, "amount"),
                (6, "date"),
                (7, "category"),
                (8, "email"),
                (9, "amount"),
                (10, "amount"),
            ]
        );
        assert!(report.bad[4].reason.contains("future"));
        assert!(report.bad[5].reason.contains("Cake"));
    }

    #[test]
    fn a_file_that_cannot_be_read_says_why() {
        assert!(text(b"customer,date\n\xff\xfe").is_err());
        assert!(text(b"customer,date\n\0").is_err());
        assert_eq!(text(b"\xEF\xBB\xBFcustomer").unwrap(), "customer");
        assert!(columns("").is_err());
        assert!(columns("customer,customer\n").is_err());
        assert!(columns("customer,,amount\n").is_err());
        let columns = columns("Client;Day;Total\n").unwrap();
        assert_eq!(columns, ["Client", "Day", "Total"]);
        assert_eq!(guess_mapping(&columns), None);
        let mapping = ColumnMapping {
            customer: "Client".into(),
            date: "Day".into(),
            amount: "Client".into(),
            ..Default::default()
        };
        assert_eq!(
            check_mapping(&columns, &mapping).unwrap_err().field,
            "amount"
        );
    }

    #[test]
    fn a_mapping_names_the_columns_when_the_header_uses_other_words() {
        let content = "Client;Day;Total;Mail\nK-1;2026-01-05;2,50;a@b.nl\n";
        let columns = columns(content).unwrap();
        let mapping = ColumnMapping {
            customer: "Client".into(),
            date: "Day".into(),
            amount: "Total".into(),
            email: Some("Mail".into()),
            ..Default::default()
        };
        let mut rows = Vec::new();
        let report = read(content, &columns, &mapping, &shop(), |p| rows.push(p)).unwrap();
        assert_eq!(report.bad_rows, 0);
        assert_eq!(rows[0].amount_minor, 250);
        assert_eq!(rows[0].customer, "K-1");
    }
}
