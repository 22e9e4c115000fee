//! A small JSON reader and writer (RFC 8259) for the one JSON format the explorer reads and
//! writes: an index as COINr's two tables of records ([`crate::composite::import`]). Errors
//! name the line and column; nesting is limited so that no input can exhaust the stack.

use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Members in file order.
    Obj(Vec<(String, Json)>),
}

/// Where a text stops being JSON, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub what: &'static str,
}

const MAX_DEPTH: usize = 64;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, what: &'static str) -> JsonError {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        JsonError { line, column, what }
    }

    fn space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.space();
        match self.bytes.get(self.at) {
            None => Err(self.error("the text ends where a value was expected")),
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.eat(b"}") {
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.space();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return Err(self.error("a member name in quotes was expected"));
                    }
                    let key = self.string()?;
                    self.space();
                    if !self.eat(b":") {
                        return Err(self.error("`:` was expected after a member name"));
                    }
                    let value = self.value(depth + 1)?;
                    members.push((key, value));
                    self.space();
                    if self.eat(b"}") {
                        return Ok(Json::Obj(members));
                    }
                    if !self.eat(b",") {
                        return Err(self.error("`,` or `}` was expected"));
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.eat(b"]") {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    if self.eat(b"]") {
                        return Ok(Json::Arr(items));
                    }
                    if !self.eat(b",") {
                        return Err(self.error("`,` or `]` was expected"));
                    }
                }
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') if self.eat(b"true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat(b"false") => Ok(Json::Bool(false)),
            Some(b'n') if self.eat(b"null") => Ok(Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("a value was expected")),
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
        {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
        // JSON's grammar: no leading `+`, no leading zeros, digits on both sides of `.`.
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (mantissa, _) = digits.split_once(['e', 'E']).unwrap_or((digits, ""));
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
        let ok = !int.is_empty()
            && !frac.is_empty()
            && (int == "0" || !int.starts_with('0'))
            && int.bytes().all(|b| b.is_ascii_digit())
            && frac.bytes().all(|b| b.is_ascii_digit());
        match text.parse::<f64>() {
            Ok(x) if ok && x.is_finite() => Ok(Json::Num(x)),
            _ => {
                self.at = start;
                Err(self.error("not a number JSON can hold"))
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error("`\\u` needs four hexadecimal digits"))?;
        self.at += 4;
        Ok(digits)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while self
                .bytes
                .get(self.at)
                .is_some_and(|b| *b != b'"' && *b != b'\\' && *b >= 0x20)
            {
                self.at += 1;
            }
            out.push_str(&String::from_utf8_lossy(&self.bytes[start..self.at]));
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.bytes.get(self.at).copied();
                    self.at += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let first = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&first) && self.eat(b"\\u") {
                                let second = self.hex4()?;
                                0x10000 + ((first - 0xD800) << 10) + second.wrapping_sub(0xDC00)
                            } else {
                                first
                            };
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => return Err(self.error("an unknown escape in a string")),
                    }
                }
                Some(_) => return Err(self.error("a control character inside a string")),
                None => return Err(self.error("a string is not closed")),
            }
        }
    }
}

/// Reads a JSON text (a byte-order mark is allowed).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = r.value(0)?;
    r.space();
    if r.at < r.bytes.len() {
        return Err(r.error("more text after the JSON value"));
    }
    Ok(value)
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number as JSON writes it: integers without a fraction, others at full precision.
pub fn number_text(x: f64) -> String {
    if !x.is_finite() {
        "null".into()
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x:?}")
    }
}

impl Json {
    /// The text, one member of the top object or array per line.
    pub fn write(&self) -> String {
        let mut out = String::new();
        self.write_into(&mut out, 0);
        out.push('\n');
        out
    }

    fn write_into(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(x) => out.push_str(&number_text(*x)),
            Json::Str(s) => write_string(out, s),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if depth < 2 {
                        out.push_str("\n ");
                    }
                    item.write_into(out, depth + 1);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    if depth < 1 {
                        out.push_str("\n ");
                    }
                    write_string(out, k);
                    out.push(':');
                    v.write_into(out, depth + 1);
                }
                out.push('}');
            }
        }
    }

    /// A member of an object, by name.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn reads_and_writes_every_kind_of_value() {
        let text = "\u{feff}{\"a\": [1, -2.5, 1e3, true, false, null],\n \"b\": \"q\\\"\\\\\\n\\u00e9\\ud83d\\ude00\", \"c\": {}}";
        let v = parse(text).expect("JSON");
        assert_eq!(
            v.get("a"),
            Some(&Json::Arr(vec![
                Json::Num(1.0),
                Json::Num(-2.5),
                Json::Num(1000.0),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(v.get("b"), Some(&Json::Str("q\"\\\né😀".into())));
        assert_eq!(parse(&v.write()), Ok(v));
        assert_eq!(number_text(0.1), "0.1");
        assert_eq!(number_text(2018.0), "2018");
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = parse("{\n  \"a\": 01\n}").expect_err("a leading zero");
        assert_eq!((e.line, e.column), (2, 8));
        for bad in [
            "",
            "[1,]",
            "{\"a\" 1}",
            "\"open",
            "[1] 2",
            "nul",
            "1.",
            ".5",
            "+1",
            "1e999",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(
            parse(&deep).map(|_| ()).map_err(|e| e.what),
            Err("nested too deeply")
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        /// Any text: a value or a located error, never a panic; what is written reads back.
        #[test]
        fn any_text_reads_or_fails_cleanly(text in "[\\[\\]{}\",:0-9.eE+\\-a-z \\\\\n\u{e9}]{0,40}") {
            match parse(&text) {
                Ok(v) => prop_assert_eq!(parse(&v.write()), Ok(v)),
                Err(e) => prop_assert!(e.line >= 1 && e.column >= 1),
            }
        }
    }
}
