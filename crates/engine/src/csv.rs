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
    /// The table's field text, and this record's fields as byte ranges of it.
    text: &'a str,
    fields: &'a [(usize, usize)],
}

impl Record<'_> {
    fn field(&self, at: usize) -> Option<&str> {
        self.fields
            .get(at)
            .and_then(|&(a, b)| self.text.get(a..b))
            .map(str::trim)
    }

    /// The value of the column at `at` (a position from [`Table::column`]), trimmed; "" past
    /// the row's end. Reading a wide row by position costs one step per cell rather than a
    /// search of the header.
    pub fn at(&self, at: usize) -> &str {
        self.field(at).unwrap_or("")
    }

    /// The value of a column, trimmed; an error naming file, row and field if the column is absent.
    pub fn get(&self, column: &str) -> Result<&str, DataError> {
        let at = self
            .header
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| self.error(column, DataErrorKind::MissingColumn))?;
        Ok(self.at(at))
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
        self.field(at).filter(|s| !s.is_empty())
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

/// A parsed file: its header and records. Every field's text (unquoted) lies in one string,
/// each record a run of byte ranges of it, so that a file of millions of cells costs a few
/// allocations rather than one per cell.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file's path, as errors name it.
    pub file: String,
    pub header: Vec<String>,
    text: String,
    spans: Vec<(usize, usize)>,
    /// Each record's line and its run of `spans`.
    rows: Vec<(usize, std::ops::Range<usize>)>,
}

impl Table {
    /// Parses `text`. Malformed quoting or a row with too many fields is an error for that row;
    /// the other rows are still returned, so one bad line never hides the rest of a file.
    pub fn parse(file: &str, text: &str) -> (Table, Vec<DataError>) {
        let mut errors = Vec::new();
        let Split {
            text: fields_text,
            spans,
            mut rows,
        } = split_records(text, file, &mut errors);
        let header: Vec<String> = if rows.is_empty() {
            errors.push(DataError {
                file: file.to_string(),
                row: 1,
                field: String::new(),
                kind: DataErrorKind::NoHeader,
            });
            Vec::new()
        } else {
            let (_, run) = rows.remove(0);
            spans[run]
                .iter()
                .map(|&(a, b)| fields_text.get(a..b).unwrap_or("").trim().to_string())
                .collect()
        };
        let width = header.len();
        rows.retain(|(line, run)| {
            if run.len() > width {
                errors.push(DataError {
                    file: file.to_string(),
                    row: *line,
                    field: String::new(),
                    kind: DataErrorKind::TooManyFields {
                        expected: width,
                        found: run.len(),
                    },
                });
                false
            } else {
                true
            }
        });
        let file = file.to_string();
        let table = Table {
            file,
            header,
            text: fields_text,
            spans,
            rows,
        };
        (table, errors)
    }

    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        self.rows.iter().map(move |(line, run)| Record {
            file: &self.file,
            line: *line,
            header: &self.header,
            text: &self.text,
            fields: self.spans.get(run.clone()).unwrap_or(&[]),
        })
    }

    /// The position of a column in the header, for [`Record::at`].
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// The fields of a file: their text, each field's byte range of it, each record's line and
/// run of fields.
struct Split {
    text: String,
    spans: Vec<(usize, usize)>,
    rows: Vec<(usize, std::ops::Range<usize>)>,
}

fn split_records(text: &str, file: &str, errors: &mut Vec<DataError>) -> Split {
    let bytes = text.trim_start_matches('\u{feff}').as_bytes();
    // Unquoted field text: the input without its quoting (only ASCII bytes are dropped, so
    // the result is UTF-8 wherever the input was).
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(bytes.len() / 4);
    let mut rows = Vec::new();
    let mut field_start = 0usize;
    let mut record_start = 0usize;
    let mut in_quotes = false;
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut quoted_field = false;
    let blank = |s: &[u8]| s.iter().all(|b| b.is_ascii_whitespace());
    let mut finish = |spans: &mut Vec<(usize, usize)>,
                      out: &[u8],
                      field_start: usize,
                      record_start: usize,
                      start: usize| {
        spans.push((field_start, out.len()));
        let run = record_start..spans.len();
        if run.len() == 1 && blank(&out[field_start..]) {
            spans.truncate(record_start);
        } else {
            rows.push((start, run));
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if in_quotes {
            match c {
                b'"' if bytes.get(i) == Some(&b'"') => {
                    i += 1;
                    out.push(b'"');
                }
                b'"' => in_quotes = false,
                b'\n' => {
                    line += 1;
                    out.push(b'\n');
                }
                _ => out.push(c),
            }
            continue;
        }
        match c {
            b'"' if blank(&out[field_start..]) && !quoted_field => {
                out.truncate(field_start);
                in_quotes = true;
                quoted_field = true;
            }
            b'"' => {
                errors.push(DataError {
                    file: file.to_string(),
                    row: line,
                    field: String::new(),
                    kind: DataErrorKind::BadQuote,
                });
                out.push(c);
            }
            b',' => {
                spans.push((field_start, out.len()));
                field_start = out.len();
                quoted_field = false;
            }
            b'\r' if bytes.get(i) == Some(&b'\n') => {}
            b'\n' => {
                finish(&mut spans, &out, field_start, record_start, start_line);
                field_start = out.len();
                record_start = spans.len();
                quoted_field = false;
                line += 1;
                start_line = line;
            }
            _ => out.push(c),
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
    if out.len() > field_start || spans.len() > record_start {
        finish(&mut spans, &out, field_start, record_start, start_line);
    }
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Split { text, spans, rows }
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
