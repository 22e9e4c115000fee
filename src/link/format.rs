//! Writing a link: the text of each parameter whose value is not a plain slug or number, and the
//! query string as a whole (defaults left out). Every parameter written here reads back with
//! the matching function of [`super::parse`] (the round-trip tests check it).

use std::fmt::Write;

use super::{Limits, LinkState, ScenarioChange};

/// `w`: the weights, comma-separated, each in Rust's shortest exact form (`1`, `2.5`).
pub fn weights(weights: &[f64]) -> String {
    let mut text = String::new();
    for (i, x) in weights.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        let _ = write!(text, "{x}");
    }
    text
}

/// `compare`: the codes, comma-separated.
pub fn countries(codes: &[String]) -> String {
    codes.join(",")
}

/// `scenario`: `KGZ.5.high,KGZ.3.considerable` (1-based pillars).
pub fn scenario(changes: &[ScenarioChange]) -> String {
    changes
        .iter()
        .map(|c| format!("{}.{}.{}", c.iso3, c.pillar + 1, c.band.slug()))
        .collect::<Vec<_>>()
        .join(",")
}

/// `allow`: the origins, comma-separated.
pub fn origins(origins: &[String]) -> String {
    origins.join(",")
}

/// Writes the query string (without `?`), omitting defaults; empty for the default view.
pub fn to_query(state: &LinkState, limits: &Limits) -> String {
    let defaults = LinkState::defaults(limits);
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
        put("w", &weights(w));
    }
    if let Some(c) = state.min_coverage {
        put("cov", &c.to_string());
    }
    if !state.compare.is_empty() {
        put("compare", &countries(&state.compare));
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
        put("scenario", &scenario(&state.scenario));
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
        put("allow", &encode(&origins(&state.allow)));
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
