//! Lists as CSV downloads. Every list the owner sees (the members, a segment's members, a
//! member's history) downloads as a spreadsheet with `?format=csv`: one writer (the `csv`
//! crate), one answer shape (`text/csv`, an attachment named for the list and the day).
//!
//! Text a shopper typed (a first name, an e-mail) is written so a spreadsheet shows it as text:
//! a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would otherwise be read as
//! a formula (CSV injection), so such a cell gets a leading `'`.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// How a list answers: JSON (the pages) or CSV (the download).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    /// `?format=`: absent or `json`, or `csv`; anything else is a clear error.
    pub fn parse(format: Option<&str>) -> Result<Self, ApiError> {
        match format {
            None | Some("json") => Ok(Self::Json),
            Some("csv") => Ok(Self::Csv),
            Some(_) => Err(ApiError::validation("format", "format is json or csv.")),
        }
    }
}

/// A CSV file being written: a header, then rows.
pub struct Table {
    writer: csv::Writer<Vec<u8>>,
}

impl Table {
    pub fn new(header: &[&str]) -> anyhow::Result<Self> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(header)?;
        Ok(Self { writer })
    }

    pub fn row<I, S>(&mut self, fields: I) -> anyhow::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<[u8]>,
    {
        Ok(self.writer.write_record(fields)?)
    }

    /// The download: `regulars-{name}.csv`.
    pub fn into_response(self, name: &str) -> anyhow::Result<Response> {
        let body = self
            .writer
            .into_inner()
            .map_err(|e| anyhow::anyhow!("writing the CSV: {e}"))?;
        let mut response = body.into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        );
        let name: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        headers.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&format!("attachment; filename=\"regulars-{name}.csv\""))?,
        );
        Ok(response)
    }
}

/// Text someone typed, safe to open in a spreadsheet (see the module's note).
pub fn text(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_that_a_spreadsheet_would_run_is_kept_as_text() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("+31 6"), "'+31 6");
        assert_eq!(text("-1"), "'-1");
        assert_eq!(text("@me"), "'@me");
        assert_eq!(text("Ana"), "Ana");
        assert_eq!(text(""), "");
    }

    #[test]
    fn a_format_is_json_or_csv() {
        assert_eq!(Format::parse(None).unwrap(), Format::Json);
        assert_eq!(Format::parse(Some("csv")).unwrap(), Format::Csv);
        assert!(Format::parse(Some("xlsx")).is_err());
    }
}
