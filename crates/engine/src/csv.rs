//! A small RFC 4180 reader for the bundled data files: quoted fields, doubled quotes, CRLF or LF.
//!
//! The data files are edited by hand, so every record remembers its line number: validation
//! errors can then name the file, the row and the field.

use std::borrow::Cow;

use crate::error::{DataError, DataErrorKind};

/// One record of a CSV file, with the header it belongs to.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub file: &'a str,
    /// 1-based line number where the record starts.
    pub line: usize,
    header: &'a [String],
    fields: Vec<String>,
}

impl Record<'_> {
    /// The value of a column, trimmed; an error naming file, row and field if the column is absent.
    pub fn get(&self, column: &str) -> Result<&str, DataError> {
        let at = self
            .header
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| self.error(column, DataErrorKind::MissingColumn))?;
        Ok(self.fields.get(at).map(|s| s.trim()).unwrap_or(""))
    }

    /// A column that must not be empty.
    pub fn required(&self, column: &str) -> Result<&str, DataError> {
        let value = self.get(column)?;
        if value.is_empty() {
            Err(self.error(column, DataErrorKind::Empty))
        } else {
            Ok(value)
        }
    }

    /// An optional column: `None` when empty.
    pub fn optional(&self, column: &str) -> Result<Option<&str>, DataError> {
        let value = self.get(column)?;
        Ok((!value.is_empty()).then_some(value))
    }

    /// The header row's column names, in order.
    pub fn columns(&self) -> &[String] {
        self.header
    }

    /// A column that a file may leave out altogether (a translation): `None` if absent or empty.
    pub fn optional_column(&self, column: &str) -> Option<&str> {
        let at = self.header.iter().position(|h| h == column)?;
        self.fields
            .get(at)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    pub fn error(&self, field: &str, kind: DataErrorKind) -> DataError {
        DataError {
            file: self.file.to_string(),
            row: self.line,
            field: field.to_string(),
            kind,
        }
    }
}

/// A parsed file: its header and records.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file's path, as errors name it.
    pub file: String,
    pub header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Parses `text`. Malformed quoting or a row with too many fields is an error for that row;
    /// the other rows are still returned, so one bad line never hides the rest of a file.
    pub fn parse(file: &str, text: &str) -> (Table, Vec<DataError>) {
        let mut errors = Vec::new();
        let mut rows = split_records(text, file, &mut errors);
        let header = if rows.is_empty() {
            errors.push(DataError {
                file: file.to_string(),
                row: 1,
                field: String::new(),
                kind: DataErrorKind::NoHeader,
            });
            Vec::new()
        } else {
            rows.remove(0)
                .1
                .into_iter()
                .map(|h| h.trim().to_string())
                .collect()
        };
        let width = header.len();
        rows.retain(|(line, fields)| {
            if fields.len() > width {
                errors.push(DataError {
                    file: file.to_string(),
                    row: *line,
                    field: String::new(),
                    kind: DataErrorKind::TooManyFields {
                        expected: width,
                        found: fields.len(),
                    },
                });
                false
            } else {
                true
            }
        });
        let file = file.to_string();
        (Table { file, header, rows }, errors)
    }

    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.rows.iter().map(move |(line, fields)| Record {
            file: &self.file,
            line: *line,
            header: &self.header,
            fields: fields.clone(),
        })
    }
}

fn split_records(text: &str, file: &str, errors: &mut Vec<DataError>) -> Vec<(usize, Vec<String>)> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut quoted_field = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    let finish =
        |fields: &mut Vec<String>, field: &mut String, start: usize, records: &mut Vec<_>| {
            fields.push(std::mem::take(field));
            let record = std::mem::take(fields);
            let blank = record.len() == 1 && record[0].trim().is_empty();
            if !blank {
                records.push((start, record));
            }
        };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() && !quoted_field => {
                field.clear();
                in_quotes = true;
                quoted_field = true;
            }
            '"' => {
                errors.push(DataError {
                    file: file.to_string(),
                    row: line,
                    field: String::new(),
                    kind: DataErrorKind::BadQuote,
                });
                field.push(c);
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                finish(&mut fields, &mut field, start_line, &mut records);
                quoted_field = false;
                line += 1;
                start_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        errors.push(DataError {
            file: file.to_string(),
            row: start_line,
            field: String::new(),
            kind: DataErrorKind::UnclosedQuote,
        });
    }
    if !field.is_empty() || !fields.is_empty() {
        finish(&mut fields, &mut field, start_line, &mut records);
    }
    records
}

/// Writing CSV: one field escaped for a spreadsheet, as every export of the explorer and the
/// command line write it: quoted when it holds a comma, a quote or a line break, and a field
/// that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or carriage
/// return, unless it is a plain number) quoted with a leading `'`.
pub fn escape_field(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text);
    let quote = formula || text.contains([',', '"', '\n', '\r']);
    if !quote {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 3);
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&text.replace('"', "\"\""));
    out.push('"');
    Cow::Owned(out)
}

/// A plain decimal number, optionally signed: `12`, `-11.29`, `+3.50`, `-0.5`.
fn is_number(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn parses_quotes_commas_and_line_numbers() {
        let text = "a,b\n1,\"x, \"\"y\"\"\"\n\n2,\"multi\nline\"\n3,z\n";
        let (table, errors) = Table::parse("t.csv", text);
        assert!(errors.is_empty(), "{errors:?}");
        let rows: Vec<_> = table.records().collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].get("b").ok(), Some("x, \"y\""));
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].get("b").ok(), Some("multi\nline"));
        assert_eq!(rows[2].line, 6);
    }

    #[test]
    fn reports_bad_rows_and_keeps_the_rest() {
        let text = "a,b\n1,2,3\n4,5\n5,\"open\n";
        let (table, errors) = Table::parse("t.csv", text);
        assert_eq!(table.records().count(), 2);
        assert!(errors.iter().any(|e| e.row == 2));
        assert!(errors
            .iter()
            .any(|e| matches!(e.kind, DataErrorKind::UnclosedQuote)));
    }

    #[test]
    fn missing_column_names_file_row_field() {
        let (table, _) = Table::parse("f.csv", "a\n1\n");
        let rec = table.records().next().expect("one record");
        let err = rec.get("b").expect_err("no column b");
        assert_eq!(
            err.to_string(),
            "f.csv, row 2, field `b`: the column is missing"
        );
    }

    #[test]
    fn empty_file_is_an_error_not_a_panic() {
        let (table, errors) = Table::parse("e.csv", "");
        assert_eq!(table.records().count(), 0);
        assert_eq!(errors.len(), 1);
    }
}
