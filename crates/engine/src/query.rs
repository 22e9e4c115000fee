//! The public URL state: one codec from query string to view state and back.
//!
//! Parsing is forgiving: every parameter that cannot be used is reported (for a notice) and
//! replaced by its default, and no input can fail or panic. Writing omits defaults, so the
//! official view has the shortest link. See README.md, "Shareable links".

use std::fmt::Write;

use crate::model::Band;
use crate::scoring::Aggregation;

/// Largest weight a slider or a link can set.
pub const MAX_WEIGHT: f64 = 10.0;
/// Longest value echoed back in a notice.
const ECHO_LIMIT: usize = 40;
/// Longest query the codec reads; anything longer is ignored with a notice.
const QUERY_LIMIT: usize = 4096;
/// Most countries compared side by side.
pub const MAX_COMPARE: usize = 4;
/// Most changes in one scenario.
pub const MAX_SCENARIO_CHANGES: usize = 28;
/// Longest scenario name, in characters.
pub const MAX_NAME: usize = 60;
/// Most origins in an embed's allowlist.
pub const MAX_ORIGINS: usize = 8;
/// Monte Carlo draws allowed in a link.
pub const DRAWS_RANGE: (u32, u32) = (100, 50_000);

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
    Map,
    Country,
    Trends,
    Compare,
    Cross,
    Simulate,
    Robustness,
    Methods,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Rankings,
        View::Map,
        View::Country,
        View::Trends,
        View::Compare,
        View::Cross,
        View::Simulate,
        View::Robustness,
        View::Methods,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            View::Rankings => "rankings",
            View::Map => "map",
            View::Country => "country",
            View::Trends => "trends",
            View::Compare => "compare",
            View::Cross => "cross",
            View::Simulate => "simulate",
            View::Robustness => "robustness",
            View::Methods => "methods",
        }
    }

    pub fn parse(text: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == text)
    }
}

/// Zoom presets of the world map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Region {
    #[default]
    World,
    /// Europe and Central Asia: the CSP Index's region.
    Europe,
    Americas,
    Africa,
    Asia,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::World,
        Region::Europe,
        Region::Americas,
        Region::Africa,
        Region::Asia,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Region::World => "world",
            Region::Europe => "europe",
            Region::Americas => "americas",
            Region::Africa => "africa",
            Region::Asia => "asia",
        }
    }

    pub fn parse(text: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.slug() == text)
    }
}

/// Colours of an embedded view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// One pillar band changed in a reform scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioChange {
    pub iso3: String,
    /// 0-based pillar position.
    pub pillar: usize,
    pub band: Band,
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
    /// Countries compared side by side (at most [`MAX_COMPARE`]).
    pub compare: Vec<String>,
    /// The two years of the CSP slope chart.
    pub from: Option<u16>,
    pub to: Option<u16>,
    pub region: Region,
    pub aggregation: Aggregation,
    /// Monte Carlo: weight spread in percent, number of draws, seed.
    pub spread: Option<u8>,
    pub draws: Option<u32>,
    pub seed: Option<u64>,
    /// The reform scenario being simulated, and its name.
    pub scenario: Vec<ScenarioChange>,
    pub scenario_name: Option<String>,
    /// The band a "path to the next band" aims at.
    pub target: Option<Band>,
    /// Embeds: colour theme and the parent origins allowed to send settings.
    pub theme: Theme,
    pub allow: Vec<String>,
    /// Embeds: colours (`#rgb` or `#rrggbb`) for accent, background and text.
    pub accent: Option<String>,
    pub bg: Option<String>,
    pub ink: Option<String>,
    /// Embeds: an id the host chose, echoed in every message so several embeds can coexist.
    pub eid: Option<String>,
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
            compare: Vec::new(),
            from: None,
            to: None,
            region: Region::World,
            aggregation: Aggregation::Arithmetic,
            spread: None,
            draws: None,
            seed: None,
            scenario: Vec::new(),
            scenario_name: None,
            target: None,
            theme: Theme::Light,
            allow: Vec::new(),
            accent: None,
            bg: None,
            ink: None,
            eid: None,
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
            "compare" => match parse_countries(&value) {
                Some(c) => state.compare = c,
                None => bad(),
            },
            "from" | "to" => match value.parse::<u16>() {
                Ok(y) if (limits.first_year..=limits.last_year).contains(&y) => {
                    if key == "from" {
                        state.from = Some(y);
                    } else {
                        state.to = Some(y);
                    }
                }
                _ => bad(),
            },
            "region" => match Region::parse(&value) {
                Some(r) => state.region = r,
                None => bad(),
            },
            "agg" => match Aggregation::parse(&value) {
                Some(a) => state.aggregation = a,
                None => bad(),
            },
            "spread" => match value.parse::<u8>() {
                Ok(x) if x <= 100 => state.spread = Some(x),
                _ => bad(),
            },
            "draws" => match value.parse::<u32>() {
                Ok(n) if (DRAWS_RANGE.0..=DRAWS_RANGE.1).contains(&n) => state.draws = Some(n),
                _ => bad(),
            },
            "seed" => match value.parse::<u64>() {
                Ok(n) => state.seed = Some(n),
                _ => bad(),
            },
            "scenario" => match parse_scenario(&value, limits.pillars) {
                Some(c) => state.scenario = c,
                None => bad(),
            },
            "sname" => {
                let name = value.trim();
                if !name.is_empty()
                    && name.chars().count() <= MAX_NAME
                    && !name.chars().any(char::is_control)
                {
                    state.scenario_name = Some(name.to_string());
                } else {
                    bad();
                }
            }
            "target" => match Band::parse(&value) {
                Some(b) => state.target = Some(b),
                None => bad(),
            },
            "theme" => match Theme::parse(&value) {
                Some(t) => state.theme = t,
                None => bad(),
            },
            "allow" => match parse_origins(&value) {
                Some(o) => state.allow = o,
                None => bad(),
            },
            "accent" | "bg" | "ink" => {
                if is_colour(&value) {
                    let v = Some(value.to_ascii_lowercase());
                    match key.as_str() {
                        "accent" => state.accent = v,
                        "bg" => state.bg = v,
                        _ => state.ink = v,
                    }
                } else {
                    bad();
                }
            }
            "eid" => {
                if !value.is_empty()
                    && value.len() <= 32
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                {
                    state.eid = Some(value.clone());
                } else {
                    bad();
                }
            }
            _ => bad(),
        }
    }
    (state, issues)
}

fn is_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn parse_countries(text: &str) -> Option<Vec<String>> {
    let codes: Vec<String> = text
        .split(',')
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    (codes.len() <= MAX_COMPARE && unique.len() == codes.len() && codes.iter().all(|c| is_code(c)))
        .then_some(codes)
}

/// `KGZ.5.high,KGZ.3.considerable`: country, 1-based pillar, band slug.
fn parse_scenario(text: &str, pillars: usize) -> Option<Vec<ScenarioChange>> {
    let changes: Vec<ScenarioChange> = text
        .split(',')
        .map(|item| {
            let mut parts = item.split('.');
            let iso3 = parts.next()?.to_ascii_uppercase();
            let pillar = parts.next()?.parse::<usize>().ok()?;
            let band = Band::parse(parts.next()?)?;
            let valid = parts.next().is_none() && is_code(&iso3) && (1..=pillars).contains(&pillar);
            valid.then(|| ScenarioChange {
                iso3,
                pillar: pillar - 1,
                band,
            })
        })
        .collect::<Option<_>>()?;
    if changes.len() > MAX_SCENARIO_CHANGES {
        return None;
    }
    // A later change to the same country and pillar replaces an earlier one.
    let mut unique: Vec<ScenarioChange> = Vec::with_capacity(changes.len());
    for c in changes {
        unique.retain(|u| !(u.iso3 == c.iso3 && u.pillar == c.pillar));
        unique.push(c);
    }
    Some(unique)
}

/// `https://a.example,http://127.0.0.1:8081`: scheme, host and optional port only.
fn parse_origins(text: &str) -> Option<Vec<String>> {
    let origins: Vec<String> = text.split(',').map(|o| o.trim().to_string()).collect();
    let valid = origins.len() <= MAX_ORIGINS && origins.iter().all(|o| is_origin(o));
    valid.then_some(origins)
}

/// Whether `text` is a colour the embed accepts: `#rgb` or `#rrggbb`.
pub fn is_colour(text: &str) -> bool {
    text.strip_prefix('#').is_some_and(|hex| {
        (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Whether `text` is a web origin: `http(s)://host[:port]`, nothing after.
pub fn is_origin(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    !host.is_empty()
        && host.len() <= 253
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.parse::<u16>().is_ok())
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
    if !state.compare.is_empty() {
        put("compare", &state.compare.join(","));
    }
    if let Some(y) = state.from {
        put("from", &y.to_string());
    }
    if let Some(y) = state.to {
        put("to", &y.to_string());
    }
    if state.region != defaults.region {
        put("region", state.region.slug());
    }
    if state.aggregation != defaults.aggregation {
        put("agg", state.aggregation.slug());
    }
    if let Some(x) = state.spread {
        put("spread", &x.to_string());
    }
    if let Some(n) = state.draws {
        put("draws", &n.to_string());
    }
    if let Some(n) = state.seed {
        put("seed", &n.to_string());
    }
    if !state.scenario.is_empty() {
        let text: Vec<String> = state
            .scenario
            .iter()
            .map(|c| format!("{}.{}.{}", c.iso3, c.pillar + 1, c.band.slug()))
            .collect();
        put("scenario", &text.join(","));
    }
    if let Some(name) = &state.scenario_name {
        put("sname", &encode(name));
    }
    if let Some(b) = state.target {
        put("target", b.slug());
    }
    if state.theme != defaults.theme {
        put("theme", state.theme.slug());
    }
    if !state.allow.is_empty() {
        put("allow", &encode(&state.allow.join(",")));
    }
    for (k, v) in [
        ("accent", &state.accent),
        ("bg", &state.bg),
        ("ink", &state.ink),
    ] {
        if let Some(c) = v {
            put(k, &encode(c));
        }
    }
    if let Some(e) = &state.eid {
        put("eid", e);
    }
    if state.lang != defaults.lang {
        put("lang", state.lang.slug());
    }
    out
}

/// Percent-encoding of everything but unreserved characters (RFC 3986) and commas.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b',') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
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
    fn explorer_parameters_parse_and_round_trip() {
        let q = "view=simulate&country=KGZ&compare=KGZ,IND,HND&from=2019&to=2024&region=europe&agg=geometric&spread=30&draws=5000&seed=42&scenario=KGZ.5.high,KGZ.3.considerable&sname=Reform%20plan%20%E2%80%94%20A&target=moderate&theme=dark&allow=https%3A%2F%2Fpartner.example,http%3A%2F%2F127.0.0.1%3A8081&accent=%23C00&bg=%23ffffff&eid=w-1";
        let (s, issues) = parse(q, &L);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.view, View::Simulate);
        assert_eq!(s.compare, ["KGZ", "IND", "HND"]);
        assert_eq!((s.from, s.to), (Some(2019), Some(2024)));
        assert_eq!(s.region, Region::Europe);
        assert_eq!(s.aggregation, Aggregation::Geometric);
        assert_eq!(
            (s.spread, s.draws, s.seed),
            (Some(30), Some(5000), Some(42))
        );
        assert_eq!(
            s.scenario,
            [
                ScenarioChange {
                    iso3: "KGZ".into(),
                    pillar: 4,
                    band: Band::High
                },
                ScenarioChange {
                    iso3: "KGZ".into(),
                    pillar: 2,
                    band: Band::Considerable
                },
            ]
        );
        assert_eq!(s.scenario_name.as_deref(), Some("Reform plan — A"));
        assert_eq!(s.target, Some(Band::Moderate));
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(
            s.allow,
            ["https://partner.example", "http://127.0.0.1:8081"]
        );
        let (back, issues) = parse(&to_query(&s, &L), &L);
        assert!(issues.is_empty());
        assert_eq!(back, s);
    }

    #[test]
    fn explorer_parameters_reject_bad_values() {
        for bad in [
            "compare=KGZ,KGZ",
            "compare=A,B",
            "compare=AAA,BBB,CCC,DDD,EEE",
            "from=2030",
            "region=mars",
            "agg=median",
            "spread=101",
            "draws=5",
            "draws=1000000",
            "seed=-1",
            "scenario=KGZ.8.high",
            "scenario=KGZ.1.extreme",
            "scenario=KGZ.1",
            "sname=",
            "target=worse",
            "theme=neon",
            "allow=javascript:alert(1)",
            "allow=https://a.example/path",
            "allow=https://a.example:99999",
            "accent=red",
            "bg=%23ggg",
            "ink=#1234",
            "eid=a%20b",
            "eid=",
        ] {
            let (s, issues) = parse(bad, &L);
            assert_eq!(issues.len(), 1, "{bad}");
            assert_eq!(s, ViewState::defaults(&L), "{bad}");
        }
    }

    #[test]
    fn repeated_scenario_changes_keep_the_last() {
        let (s, issues) = parse("scenario=KGZ.5.high,KGZ.3.low,KGZ.5.low", &L);
        assert!(issues.is_empty());
        let short: Vec<(usize, Band)> = s.scenario.iter().map(|c| (c.pillar, c.band)).collect();
        assert_eq!(short, [(2, Band::Low), (4, Band::Low)]);
    }

    #[test]
    fn origins() {
        assert!(is_origin("https://partner.example"));
        assert!(is_origin("http://127.0.0.1:8081"));
        assert!(!is_origin("https://"));
        assert!(!is_origin("ftp://a.example"));
        assert!(!is_origin("https://a.example/"));
        assert!(!is_origin("https://user@a.example"));
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
