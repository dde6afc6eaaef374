//! Every SQL statement of the server, one file per aggregate. Functions take an executor (the
//! pool or an open transaction); a write that touches several rows runs in one transaction.
//!
//! Ids are stored as hyphenated UUID text and times as RFC 3339 text in UTC, and parameters are
//! written `$1`, so the same SQL runs on SQLite and PostgreSQL through `sqlx::Any`. What must
//! differ between the engines (connecting, the migrations folder, which errors are retried)
//! lives in [`engine`], and nowhere else.

pub mod card_events;
pub mod cards;
pub mod devices;
pub mod engine;
pub mod events;
pub mod imports;
pub mod insights;
pub mod keys;
pub mod limits;
pub mod offers;
pub mod owners;
pub mod shops;
pub mod staff;

use std::str::FromStr;

use anyhow::Context;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

pub use engine::Engine;

pub type Db = sqlx::AnyPool;
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// A timestamp as stored: RFC 3339 in UTC with fixed precision, so text order is time order.
pub fn ts(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.microsecond()
    )
}

/// `n` numbered parameters from `$first` on, comma-separated, for an `IN (...)` list: both
/// engines read numbered parameters (sqlx's `QueryBuilder` writes `?` for `Any`).
pub fn parameters(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `rows` tuples of `columns` numbered parameters from `$first` on, for a multi-row
/// `VALUES` list: `($1, $2), ($3, $4)`.
pub fn value_rows(first: usize, rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|r| format!("({})", parameters(first + r * columns, columns)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Most rows one multi-row statement writes: under SQLite's 32,766 parameters with room for
/// a dozen columns.
pub const ROWS_PER_STATEMENT: usize = 2000;

/// A BOOLEAN column, selected as `CASE WHEN c THEN 1 ELSE 0 END AS c`: `sqlx::Any` reads no
/// SQLite BOOLEAN, and both engines give that expression as an integer.
pub fn flag(r: &sqlx::any::AnyRow, column: &str) -> bool {
    use sqlx::Row;
    r.get::<i64, _>(column) != 0
}

pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

pub fn parse_ts(s: &str) -> anyhow::Result<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).with_context(|| format!("bad timestamp in database: {s}"))
}

/// The items of a list aggregated in SQL with `string_agg(x, ',')` (both engines have it;
/// SQLite since 3.44). A whole shop's audiences or reactions are read this way: one row per
/// offer instead of one per member, as `sqlx` costs far more per row than the query itself.
pub fn list_items(list: Option<&str>) -> impl Iterator<Item = &str> {
    list.unwrap_or_default()
        .split(',')
        .filter(|item| !item.is_empty())
}

/// An item of a list aggregated as `string_agg(id || ':' || CAST(n AS TEXT), ',')`: the id and
/// its count.
pub fn id_and_count<T: FromStr>(item: &str) -> anyhow::Result<(T, i64)>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    let (id, n) = item
        .split_once(':')
        .with_context(|| format!("bad list item in database: {item}"))?;
    Ok((
        parse_id(id)?,
        n.parse()
            .with_context(|| format!("bad count in database: {item}"))?,
    ))
}

pub fn parse_id<T: FromStr>(s: &str) -> anyhow::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    s.parse::<T>()
        .with_context(|| format!("bad id in database: {s}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_rows_number_their_parameters_in_order() {
        assert_eq!(parameters(2, 3), "$2, $3, $4");
        assert_eq!(value_rows(1, 2, 2), "($1, $2), ($3, $4)");
        assert_eq!(value_rows(3, 1, 3), "($3, $4, $5)");
    }

    #[test]
    fn timestamps_sort_as_text() {
        let a = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let b = a + time::Duration::microseconds(1);
        assert!(ts(a) < ts(b));
        assert_eq!(parse_ts(&ts(b)).unwrap(), b);
    }

    #[test]
    fn aggregated_lists_read_back_item_by_item() {
        assert_eq!(list_items(None).count(), 0);
        assert_eq!(list_items(Some("")).count(), 0);
        assert_eq!(list_items(Some("a,b")).collect::<Vec<_>>(), ["a", "b"]);
        let (id, n): (uuid::Uuid, i64) =
            id_and_count("0190d4a6-1b2c-7d3e-8f40-123456789abc:12").unwrap();
        assert_eq!(
            (id.to_string().as_str(), n),
            ("0190d4a6-1b2c-7d3e-8f40-123456789abc", 12)
        );
        assert!(id_and_count::<uuid::Uuid>("no-count").is_err());
        assert!(id_and_count::<uuid::Uuid>("0190d4a6-1b2c-7d3e-8f40-123456789abc:x").is_err());
    }
}
