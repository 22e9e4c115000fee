//! Reading a link: one function per parameter, from its text (already percent-decoded) to its
//! value, `None` when the value cannot be used; and the query string as a whole.
//!
//! Everything that reads a parameter from outside (the address, a saved view, a saved scenario,
//! an embed's host message) validates it with these functions and nothing else.

use engine::model::Band;
use engine::scoring::Aggregation;

use super::{
    IndexId, Lang, Limits, LinkState, QueryIssue, Region, ScenarioChange, Theme, View, DRAWS_RANGE,
    ECHO_LIMIT, MAX_COMPARE, MAX_EID, MAX_NAME, MAX_ORIGINS, MAX_SCENARIO_CHANGES, MAX_WEIGHT,
    QUERY_LIMIT,
};

/// `index`: `gti-2025` (or `gti`), `csp`.
pub fn index(text: &str) -> Option<IndexId> {
    IndexId::parse(text)
}

/// `year`, `from`, `to`: a year of the CSP Index.
pub fn year(text: &str, limits: &Limits) -> Option<u16> {
    text.parse::<u16>().ok().filter(|y| limits.has_year(*y))
}

/// `w`: one weight per pillar, comma-separated.
pub fn weights(text: &str, pillars: usize) -> Option<Vec<f64>> {
    let weights: Vec<f64> = text
        .split(',')
        .map(|w| w.trim().parse::<f64>().ok())
        .collect::<Option<_>>()?;
    valid_weights(weights, pillars)
}

/// Weights as numbers (an embed's message): one per pillar, each 0-[`MAX_WEIGHT`], not all
/// zero.
pub fn valid_weights(weights: Vec<f64>, pillars: usize) -> Option<Vec<f64>> {
    let valid = weights.len() == pillars
        && weights
            .iter()
            .all(|w| w.is_finite() && (0.0..=MAX_WEIGHT).contains(w))
        && weights.iter().any(|w| *w > 0.0);
    valid.then_some(weights)
}

fn is_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// `country`: an ISO 3166-1 alpha-3 code, in either case; read as upper case.
pub fn country(text: &str) -> Option<String> {
    let code = text.to_ascii_uppercase();
    is_code(&code).then_some(code)
}

/// `compare`: up to [`MAX_COMPARE`] distinct codes, comma-separated.
pub fn countries(text: &str) -> Option<Vec<String>> {
    let codes: Vec<String> = text
        .split(',')
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    let mut unique = codes.clone();
    engine::sort::sort(&mut unique);
    unique.dedup();
    (codes.len() <= MAX_COMPARE && unique.len() == codes.len() && codes.iter().all(|c| is_code(c)))
        .then_some(codes)
}

/// `view`.
pub fn view(text: &str) -> Option<View> {
    View::parse(text)
}

/// `lang`.
pub fn lang(text: &str) -> Option<Lang> {
    Lang::parse(text)
}

/// A percentage, `0` … `100`.
fn percent(text: &str) -> Option<u8> {
    text.parse::<u8>().ok().filter(|x| *x <= 100)
}

/// `cov`: the minimum pillar coverage in percent.
pub fn coverage(text: &str) -> Option<u8> {
    percent(text)
}

/// `region`.
pub fn region(text: &str) -> Option<Region> {
    Region::parse(text)
}

/// `agg`.
pub fn aggregation(text: &str) -> Option<Aggregation> {
    Aggregation::parse(text)
}

/// `spread`: the Monte Carlo weight spread in percent.
pub fn spread(text: &str) -> Option<u8> {
    percent(text)
}

/// `draws`: the number of Monte Carlo draws, within [`DRAWS_RANGE`].
pub fn draws(text: &str) -> Option<u32> {
    text.parse::<u32>()
        .ok()
        .filter(|n| (DRAWS_RANGE.0..=DRAWS_RANGE.1).contains(n))
}

/// `seed`: any unsigned 64-bit integer.
pub fn seed(text: &str) -> Option<u64> {
    text.parse::<u64>().ok()
}

/// `scenario`: `KGZ.5.high,KGZ.3.considerable`: country, 1-based pillar, band slug. A later
/// change to the same country and pillar replaces an earlier one.
pub fn scenario(text: &str, pillars: usize) -> Option<Vec<ScenarioChange>> {
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
    let mut unique: Vec<ScenarioChange> = Vec::with_capacity(changes.len());
    for c in changes {
        unique.retain(|u| !(u.iso3 == c.iso3 && u.pillar == c.pillar));
        unique.push(c);
    }
    Some(unique)
}

/// `sname`: a scenario's name, trimmed: 1-[`MAX_NAME`] characters, no control characters.
pub fn scenario_name(text: &str) -> Option<String> {
    let name = text.trim();
    (!name.is_empty() && name.chars().count() <= MAX_NAME && !name.chars().any(char::is_control))
        .then(|| name.to_string())
}

/// `target`: a band slug.
pub fn target(text: &str) -> Option<Band> {
    Band::parse(text)
}

/// `theme`.
pub fn theme(text: &str) -> Option<Theme> {
    Theme::parse(text)
}

/// `allow`: `https://a.example,http://127.0.0.1:8081`: up to [`MAX_ORIGINS`] origins.
pub fn origins(text: &str) -> Option<Vec<String>> {
    let origins: Vec<String> = text.split(',').map(|o| o.trim().to_string()).collect();
    let valid = origins.len() <= MAX_ORIGINS && origins.iter().all(|o| is_origin(o));
    valid.then_some(origins)
}

/// `accent`, `bg`, `ink`: a colour, read in lower case.
pub fn colour(text: &str) -> Option<String> {
    is_colour(text).then(|| text.to_ascii_lowercase())
}

/// `eid`: 1-[`MAX_EID`] letters, digits, `-` or `_`.
pub fn eid(text: &str) -> Option<String> {
    let valid = !text.is_empty()
        && text.len() <= MAX_EID
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    valid.then(|| text.to_string())
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

/// Stores `value` in `slot` if there is one; whether it did.
fn set<T>(slot: &mut T, value: Option<T>) -> bool {
    value.map(|v| *slot = v).is_some()
}

/// Parses a query string (with or without the leading `?`): the state, with defaults for
/// everything absent or unusable, and the parameters that were ignored.
pub fn parse_query(query: &str, limits: &Limits) -> (LinkState, Vec<QueryIssue>) {
    let mut state = LinkState::defaults(limits);
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
        let duplicate = seen.contains(&key);
        seen.push(key.clone());
        let s = &mut state;
        let v = value.as_str();
        let used = !duplicate
            && match key.as_str() {
                "index" => set(&mut s.index, index(v)),
                "year" => set(&mut s.year, year(v, limits)),
                "w" => set(&mut s.weights, weights(v, limits.pillars).map(Some)),
                "country" => set(&mut s.country, country(v).map(Some)),
                "view" => set(&mut s.view, view(v)),
                "lang" => set(&mut s.lang, lang(v)),
                "cov" => set(&mut s.min_coverage, coverage(v).map(Some)),
                "compare" => set(&mut s.compare, countries(v)),
                "from" => set(&mut s.from, year(v, limits).map(Some)),
                "to" => set(&mut s.to, year(v, limits).map(Some)),
                "region" => set(&mut s.region, region(v)),
                "agg" => set(&mut s.aggregation, aggregation(v)),
                "spread" => set(&mut s.spread, spread(v).map(Some)),
                "draws" => set(&mut s.draws, draws(v).map(Some)),
                "seed" => set(&mut s.seed, seed(v).map(Some)),
                "scenario" => set(&mut s.scenario, scenario(v, limits.pillars)),
                "sname" => set(&mut s.scenario_name, scenario_name(v).map(Some)),
                "target" => set(&mut s.target, target(v).map(Some)),
                "theme" => set(&mut s.theme, theme(v)),
                "allow" => set(&mut s.allow, origins(v)),
                "accent" => set(&mut s.accent, colour(v).map(Some)),
                "bg" => set(&mut s.bg, colour(v).map(Some)),
                "ink" => set(&mut s.ink, colour(v).map(Some)),
                "eid" => set(&mut s.eid, eid(v).map(Some)),
                _ => false,
            };
        if !used {
            issues.push(QueryIssue {
                param: echo(&key),
                value: echo(&value),
            });
        }
    }
    (state, issues)
}

/// A value shortened for a notice.
pub(super) fn echo(text: &str) -> String {
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
