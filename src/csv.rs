//! The one CSV writer every export uses: a header block of `# ` lines, then rows, each field
//! escaped.
//!
//! Escaping follows RFC 4180 (a field holding the separator, a quote, CR or LF is quoted, its
//! quotes doubled) and guards against formula injection in spreadsheets: a field starting with
//! `=`, `+`, `-`, `@` (or a tab or CR) is prefixed with an apostrophe inside quotes, so a
//! country name, a source address or a scenario name from a shared link can never run as a
//! formula. Plain numbers are data, not formulas: `-11.29` or `+3.50` stay as they are.

/// The field separator.
pub const SEPARATOR: char = ',';

/// A CSV document being written.
#[derive(Debug, Default)]
pub struct Csv {
    text: String,
}

impl Csv {
    pub fn new() -> Csv {
        Csv::default()
    }

    /// A line of the header block: `# line`, as one field.
    pub fn comment(&mut self, line: &str) -> &mut Csv {
        self.row([format!("# {line}")])
    }

    /// Several header lines.
    pub fn comments<S: AsRef<str>>(&mut self, lines: impl IntoIterator<Item = S>) -> &mut Csv {
        for line in lines {
            self.comment(line.as_ref());
        }
        self
    }

    /// One row; every field is escaped.
    pub fn row<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) -> &mut Csv {
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.text.push(SEPARATOR);
            }
            self.text.push_str(&field(f.as_ref()));
        }
        self.text.push('\n');
        self
    }

    /// The document's text.
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.text)
    }
}

/// One field, escaped: quoted when needed, and a would-be formula made plain text (the
/// engine's, shared with the command line `tie`).
pub use engine::csv::escape_field as field;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_as_they_are() {
        for f in [
            "KGZ",
            "Kyrgyzstan",
            "Türkiye",
            "",
            "60.67",
            "published band only",
        ] {
            assert_eq!(field(f), f);
        }
    }

    #[test]
    fn separators_quotes_and_line_breaks_are_quoted() {
        assert_eq!(field("Korea, Republic of"), "\"Korea, Republic of\"");
        assert_eq!(field("the \"new\" law"), "\"the \"\"new\"\" law\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(field("=1+1"), "\"'=1+1\"");
        assert_eq!(field("+cmd"), "\"'+cmd\"");
        assert_eq!(field("-2+3"), "\"'-2+3\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field("\tx"), "\"'\tx\"");
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("-"), "\"'-\"");
        assert_eq!(field("- 1"), "\"'- 1\"");
        // Only the start matters.
        assert_eq!(field("a=b"), "a=b");
    }

    #[test]
    fn numbers_stay_numeric() {
        // Negative CSP totals and changes are data: the KGZ 2024 change as stated, for one.
        for n in [
            "-11.29", "-0.5", "-15.87", "+12.14", "+3.50", "-94", "0", "2024",
        ] {
            assert_eq!(field(n), n);
        }
        // A sign alone, or a sign before what is not a plain number, is a would-be formula.
        assert_eq!(field("+"), "\"'+\"");
        assert_eq!(field("-1."), "\"'-1.\"");
        assert_eq!(field("-."), "\"'-.\"");
    }

    #[test]
    fn a_document_has_its_header_block_then_rows() {
        let text = Csv::new()
            .comments(["Torture Index Explorer", "Weights: I 1,0 · II 1,0"])
            .comment("Scenario name: A,=1+1")
            .row(["rank", "iso3", "country", "change"])
            .row(["1", "KGZ", "=cmd()", "-11.29"])
            .row(Vec::<String>::new())
            .finish();
        assert_eq!(
            text,
            "# Torture Index Explorer\n\"# Weights: I 1,0 · II 1,0\"\n\"# Scenario name: A,=1+1\"\n\
             rank,iso3,country,change\n1,KGZ,\"'=cmd()\",-11.29\n\n"
        );
    }
}
