//! The public URL state: one codec from query string to view state and back.
//!
//! Parsing is forgiving: every parameter that cannot be used is reported (for a notice) and
//! replaced by its default, and no input can fail or panic. Writing omits defaults, so the
//! official view has the shortest link. See README.md, "Shareable links".

use std::fmt::Write;

/// Largest weight a slider or a link can set.
pub const MAX_WEIGHT: f64 = 10.0;
/// Longest value echoed back in a notice.
const ECHO_LIMIT: usize = 40;
/// Longest query the codec reads; anything longer is ignored with a notice.
const QUERY_LIMIT: usize = 4096;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IndexId {
    #[default]
    Gti2025,
    Csp,
}

impl IndexId {
    pub fn slug(self) -> &'static str {
        match self {
            IndexId::Gti2025 => "gti-2025",
            IndexId::Csp => "csp",
        }
    }

    pub fn parse(text: &str) -> Option<IndexId> {
        match text {
            "gti-2025" | "gti" => Some(IndexId::Gti2025),
            "csp" => Some(IndexId::Csp),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Rankings,
    Methods,
}

impl View {
    pub const ALL: [View; 2] = [View::Rankings, View::Methods];

    pub fn slug(self) -> &'static str {
        match self {
            View::Rankings => "rankings",
            View::Methods => "methods",
        }
    }

    pub fn parse(text: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    pub fn slug(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.slug() == text)
    }
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub index: IndexId,
    pub year: u16,
    /// `None`: the official (default) weights.
    pub weights: Option<Vec<f64>>,
    pub country: Option<String>,
    pub view: View,
    pub lang: Lang,
    /// Minimum pillar coverage in percent; `None`: the default (65).
    pub min_coverage: Option<u8>,
}

/// Facts about the indices the codec needs to validate values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub pillars: usize,
    pub first_year: u16,
    pub last_year: u16,
}

impl Limits {
    pub const BUNDLED: Limits = Limits {
        pillars: 7,
        first_year: 2019,
        last_year: 2024,
    };
}

impl ViewState {
    pub fn defaults(limits: &Limits) -> ViewState {
        ViewState {
            index: IndexId::Gti2025,
            year: limits.last_year,
            weights: None,
            country: None,
            view: View::Rankings,
            lang: Lang::En,
            min_coverage: None,
        }
    }
}

/// A parameter that was ignored, for the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryIssue {
    pub param: String,
    /// The value as given, shortened for display.
    pub value: String,
}

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str, limits: &Limits) -> (ViewState, Vec<QueryIssue>) {
    let mut state = ViewState::defaults(limits);
    let mut issues = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > QUERY_LIMIT {
        issues.push(QueryIssue {
            param: "?".into(),
            value: echo(query),
        });
        return (state, issues);
    }
    let mut seen: Vec<String> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(raw_key);
        let value = decode(raw_value);
        let mut bad = || {
            issues.push(QueryIssue {
                param: echo(&key),
                value: echo(&value),
            })
        };
        if seen.contains(&key) {
            bad();
            continue;
        }
        seen.push(key.clone());
        match key.as_str() {
            "index" => match IndexId::parse(&value) {
                Some(i) => state.index = i,
                None => bad(),
            },
            "year" => match value.parse::<u16>() {
                Ok(y) if (limits.first_year..=limits.last_year).contains(&y) => state.year = y,
                _ => bad(),
            },
            "w" => match parse_weights(&value, limits.pillars) {
                Some(w) => state.weights = Some(w),
                None => bad(),
            },
            "country" => {
                let code = value.to_ascii_uppercase();
                if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                    state.country = Some(code);
                } else {
                    bad();
                }
            }
            "view" => match View::parse(&value) {
                Some(v) => state.view = v,
                None => bad(),
            },
            "lang" => match Lang::parse(&value) {
                Some(l) => state.lang = l,
                None => bad(),
            },
            "cov" => match value.parse::<u8>() {
                Ok(c) if c <= 100 => state.min_coverage = Some(c),
                _ => bad(),
            },
            _ => bad(),
        }
    }
    (state, issues)
}

fn parse_weights(text: &str, pillars: usize) -> Option<Vec<f64>> {
    let weights: Vec<f64> = text
        .split(',')
        .map(|w| w.trim().parse::<f64>().ok())
        .collect::<Option<_>>()?;
    let valid = weights.len() == pillars
        && weights
            .iter()
            .all(|w| w.is_finite() && (0.0..=MAX_WEIGHT).contains(w))
        && weights.iter().any(|w| *w > 0.0);
    valid.then_some(weights)
}

/// Writes the query string (without `?`), omitting defaults; empty for the default view.
pub fn to_query(state: &ViewState, limits: &Limits) -> String {
    let defaults = ViewState::defaults(limits);
    let mut out = String::new();
    let mut put = |k: &str, v: &str| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    };
    if state.index != defaults.index {
        put("index", state.index.slug());
    }
    if state.year != defaults.year {
        put("year", &state.year.to_string());
    }
    if state.view != defaults.view {
        put("view", state.view.slug());
    }
    if let Some(c) = &state.country {
        put("country", c);
    }
    if let Some(w) = &state.weights {
        let mut text = String::new();
        for (i, x) in w.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            let _ = write!(text, "{x}");
        }
        put("w", &text);
    }
    if let Some(c) = state.min_coverage {
        put("cov", &c.to_string());
    }
    if state.lang != defaults.lang {
        put("lang", state.lang.slug());
    }
    out
}

fn echo(text: &str) -> String {
    let mut s: String = text.chars().take(ECHO_LIMIT).collect();
    if text.chars().count() > ECHO_LIMIT {
        s.push('…');
    }
    s
}

/// Percent-decoding with `+` as space; malformed escapes stay as they are.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const L: Limits = Limits::BUNDLED;

    #[test]
    fn empty_query_is_the_default_view() {
        let (s, issues) = parse("", &L);
        assert_eq!(s, ViewState::defaults(&L));
        assert!(issues.is_empty());
        assert_eq!(to_query(&s, &L), "");
    }

    #[test]
    fn documented_example_parses() {
        let (s, issues) = parse(
            "?index=csp&year=2021&w=1,1,2,1,1,1,1&country=kgz&view=methods&lang=ru&cov=50",
            &L,
        );
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.index, IndexId::Csp);
        assert_eq!(s.year, 2021);
        assert_eq!(s.weights, Some(vec![1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]));
        assert_eq!(s.country.as_deref(), Some("KGZ"));
        assert_eq!(s.view, View::Methods);
        assert_eq!(s.lang, Lang::Ru);
        assert_eq!(s.min_coverage, Some(50));
        assert_eq!(
            to_query(&s, &L),
            "index=csp&year=2021&view=methods&country=KGZ&w=1,1,2,1,1,1,1&cov=50&lang=ru"
        );
    }

    #[test]
    fn garbage_falls_back_with_issues() {
        let (s, issues) = parse(
            "index=nope&year=1999&w=1,2,NaN,1,1,1,1&w=1&country=<script>&view=x&lang=xx&cov=300&%%%&=&zzz",
            &L,
        );
        assert_eq!(s, ViewState::defaults(&L));
        let params: Vec<&str> = issues.iter().map(|i| i.param.as_str()).collect();
        assert_eq!(
            params,
            ["index", "year", "w", "w", "country", "view", "lang", "cov", "%%%", "", "zzz"]
        );
    }

    #[test]
    fn weights_must_be_complete_in_range_and_not_all_zero() {
        for bad in [
            "w=1,1,1",
            "w=0,0,0,0,0,0,0",
            "w=-1,1,1,1,1,1,1",
            "w=11,1,1,1,1,1,1",
            "w=inf,1,1,1,1,1,1",
            "w=1,,1,1,1,1,1",
        ] {
            let (s, issues) = parse(bad, &L);
            assert_eq!(s.weights, None, "{bad}");
            assert_eq!(issues.len(), 1, "{bad}");
        }
    }

    #[test]
    fn long_values_are_shortened_and_huge_queries_ignored() {
        let long = format!("view={}", "a".repeat(500));
        let (_, issues) = parse(&long, &L);
        assert_eq!(issues[0].value.chars().count(), ECHO_LIMIT + 1);
        let huge = "x".repeat(QUERY_LIMIT + 1);
        let (s, issues) = parse(&huge, &L);
        assert_eq!(s, ViewState::defaults(&L));
        assert_eq!(issues.len(), 1);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(decode("a%2Cb+c"), "a,b c");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%e2%80%a6"), "…");
        assert_eq!(decode("%f0"), "\u{fffd}");
        let (s, _) = parse("w=1%2C1%2C2%2C1%2C1%2C1%2C1", &L);
        assert_eq!(s.weights, Some(vec![1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]));
    }
}
