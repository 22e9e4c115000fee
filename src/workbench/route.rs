//! The workbench's address: which index, period, view and unit, and the visitor's weights and
//! simulated values, so a link reproduces what was on screen. Parsing never fails: a bad
//! parameter is dropped and named in a message; the rest of the link still applies.

use super::load::Construction;
use crate::link::Lang;

/// The workbench's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Ranking,
    Profile,
    Map,
    Trend,
    Simulate,
    Robustness,
    Agreement,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Ranking,
        Tab::Profile,
        Tab::Map,
        Tab::Trend,
        Tab::Simulate,
        Tab::Robustness,
        Tab::Agreement,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Tab::Ranking => "ranking",
            Tab::Profile => "profile",
            Tab::Map => "map",
            Tab::Trend => "trend",
            Tab::Simulate => "simulate",
            Tab::Robustness => "robustness",
            Tab::Agreement => "agreement",
        }
    }

    /// The message key of the view's name.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Ranking => "wb-tab-ranking",
            Tab::Profile => "wb-tab-profile",
            Tab::Map => "wb-tab-map",
            Tab::Trend => "wb-tab-trend",
            Tab::Simulate => "wb-tab-simulate",
            Tab::Robustness => "wb-tab-robustness",
            Tab::Agreement => "wb-tab-agreement",
        }
    }

    pub fn parse(text: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.slug() == text)
    }
}

/// Everything the address carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Route {
    pub lang: Lang,
    /// An index id (a definition's `id`); `None`: the first loaded.
    pub index: Option<String>,
    pub period: Option<i32>,
    pub tab: Tab,
    /// A unit code; `None`: the top-ranked unit where a view needs one.
    pub unit: Option<String>,
    /// Framework nodes whose weight differs from the framework's.
    pub weights: Vec<(String, f64)>,
    /// Simulated indicator values of `unit` (the simulator).
    pub edits: Vec<(String, f64)>,
    /// Units drawn beside `unit` on the trend (at most [`MAX_COMPARE`]).
    pub compare: Vec<String>,
    /// The other index of the agreement view, and its period.
    pub other: Option<String>,
    pub other_period: Option<i32>,
    /// The robustness view's weight spread, in percent (`None`: [`DEFAULT_SPREAD`]).
    pub spread: Option<u8>,
    /// How an imported index is built (other indices keep their definition's).
    pub construction: Construction,
}

/// The robustness view's spread without one in the link: every weight between half and one
/// and a half times its value, as on the explorer's robustness view.
pub const DEFAULT_SPREAD: u8 = 50;

/// The spreads the robustness view offers, in percent.
pub const SPREADS: [u8; 5] = [10, 25, 50, 75, 100];

/// How many units the trend draws beside the one in focus.
pub const MAX_COMPARE: usize = 3;

/// The largest weight a link may set (the sliders go to 10).
pub const MAX_WEIGHT: f64 = 10.0;

/// A parameter of the link that was not understood, by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Ignored(pub String);

fn code_ok(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 64
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// `code:number` pairs separated by `;`; `None` if any pair is malformed.
fn pairs(text: &str, accept: impl Fn(f64) -> bool) -> Option<Vec<(String, f64)>> {
    let mut out: Vec<(String, f64)> = Vec::new();
    for pair in text.split(';').filter(|p| !p.is_empty()) {
        let (code, value) = pair.split_once(':')?;
        let value: f64 = value
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && accept(*v))?;
        if !code_ok(code) || out.iter().any(|(c, _)| c == code) || out.len() >= 500 {
            return None;
        }
        out.push((code.to_string(), value));
    }
    Some(out)
}

fn decode(text: &str) -> String {
    // Codes and numbers need no escapes; `%3A` / `%3B` are what a browser may turn `:` `;` into.
    text.replace("%3A", ":")
        .replace("%3a", ":")
        .replace("%3B", ";")
        .replace("%3b", ";")
}

impl Route {
    /// Reads a query string (with or without its `?`).
    pub fn parse(query: &str) -> (Route, Vec<Ignored>) {
        let mut route = Route::default();
        let mut ignored = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let value = decode(value);
            let ok = match key {
                "lang" => Lang::parse(&value).map(|l| route.lang = l).is_some(),
                "index" => code_ok(&value)
                    .then(|| route.index = Some(value.clone()))
                    .is_some(),
                "period" => value
                    .parse::<i32>()
                    .ok()
                    .filter(|p| (1..10_000).contains(p))
                    .map(|p| route.period = Some(p))
                    .is_some(),
                "view" => Tab::parse(&value).map(|t| route.tab = t).is_some(),
                "unit" => code_ok(&value)
                    .then(|| route.unit = Some(value.clone()))
                    .is_some(),
                "w" => pairs(&value, |w| (0.0..=MAX_WEIGHT).contains(&w))
                    .map(|w| route.weights = w)
                    .is_some(),
                "set" => pairs(&value, |_| true).map(|e| route.edits = e).is_some(),
                "vs" => code_ok(&value)
                    .then(|| route.other = Some(value.clone()))
                    .is_some(),
                "vsperiod" => value
                    .parse::<i32>()
                    .ok()
                    .filter(|p| (1..10_000).contains(p))
                    .map(|p| route.other_period = Some(p))
                    .is_some(),
                "pipe" => Construction::parse(&value)
                    .map(|c| route.construction = c)
                    .is_some(),
                "spread" => value
                    .parse::<u8>()
                    .ok()
                    .filter(|p| SPREADS.contains(p))
                    .map(|p| route.spread = Some(p))
                    .is_some(),
                "cmp" => {
                    let codes: Vec<String> = value
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect();
                    let distinct = codes
                        .iter()
                        .enumerate()
                        .all(|(i, c)| !codes[..i].contains(c));
                    (codes.len() <= MAX_COMPARE && distinct && codes.iter().all(|c| code_ok(c)))
                        .then(|| route.compare = codes)
                        .is_some()
                }
                _ => false,
            };
            if !ok {
                ignored.push(Ignored(key.chars().take(40).collect()));
            }
        }
        (route, ignored)
    }

    /// The query string, `?` included; defaults are left out.
    pub fn format(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.lang != Lang::En {
            parts.push(format!("lang={}", self.lang.slug()));
        }
        if let Some(i) = &self.index {
            parts.push(format!("index={i}"));
        }
        if let Some(p) = self.period {
            parts.push(format!("period={p}"));
        }
        if self.tab != Tab::Ranking {
            parts.push(format!("view={}", self.tab.slug()));
        }
        if let Some(u) = &self.unit {
            parts.push(format!("unit={u}"));
        }
        let join = |pairs: &[(String, f64)]| {
            pairs
                .iter()
                .map(|(c, v)| format!("{c}:{v}"))
                .collect::<Vec<_>>()
                .join(";")
        };
        if !self.weights.is_empty() {
            parts.push(format!("w={}", join(&self.weights)));
        }
        if !self.edits.is_empty() {
            parts.push(format!("set={}", join(&self.edits)));
        }
        if !self.compare.is_empty() {
            parts.push(format!("cmp={}", self.compare.join(",")));
        }
        if let Some(o) = &self.other {
            parts.push(format!("vs={o}"));
        }
        if let Some(p) = self.other_period {
            parts.push(format!("vsperiod={p}"));
        }
        if let Some(p) = self.spread {
            parts.push(format!("spread={p}"));
        }
        let pipe = self.construction.format();
        if !pipe.is_empty() {
            parts.push(format!("pipe={pipe}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The weight the link gives `code`, if any.
    pub fn weight(&self, code: &str) -> Option<f64> {
        self.weights
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, w)| *w)
    }

    /// Sets (or, at the framework's weight, clears) a node's weight.
    pub fn set_weight(&mut self, code: &str, weight: f64, framework: f64) {
        self.weights.retain(|(c, _)| c != code);
        if (weight - framework).abs() > 1e-12 {
            self.weights.push((code.to_string(), weight));
        }
    }

    /// Sets (or clears, with `None`) a simulated value.
    pub fn set_edit(&mut self, code: &str, value: Option<f64>) {
        self.edits.retain(|(c, _)| c != code);
        if let Some(v) = value {
            self.edits.push((code.to_string(), v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_link_round_trips() {
        let route = Route {
            lang: Lang::Ru,
            index: Some("three-level-demo".into()),
            period: Some(2024),
            tab: Tab::Simulate,
            unit: Some("GEO".into()),
            weights: vec![("safeguards".into(), 2.5), ("legal".into(), 0.0)],
            edits: vec![("complaints".into(), -3.25)],
            compare: vec!["ARM".into(), "KAZ".into()],
            other: Some("gti-2025".into()),
            other_period: Some(2025),
            spread: Some(25),
            construction: Construction::parse(
                "den,imp:group:EurAsia_group,scr:90,trt,nrm:rank,agg:geom",
            )
            .expect("a construction"),
        };
        let text = route.format();
        assert_eq!(
            text,
            "?lang=ru&index=three-level-demo&period=2024&view=simulate&unit=GEO\
             &w=safeguards:2.5;legal:0&set=complaints:-3.25&cmp=ARM,KAZ&vs=gti-2025&vsperiod=2025&spread=25\
             &pipe=den,imp:group:EurAsia_group,scr:90,trt,nrm:rank,agg:geom"
        );
        assert_eq!(Route::parse(&text), (route, vec![]));
        assert_eq!(Route::default().format(), "");
    }

    #[test]
    fn bad_parameters_are_named_and_the_rest_applies() {
        let (route, ignored) = Route::parse(
            "?index=csp&view=nope&period=-4&w=a:1;a:2&set=x:NaN&unit=%3Cscript%3E&zzz=1&lang=xx",
        );
        assert_eq!(route.index.as_deref(), Some("csp"));
        assert_eq!(route.tab, Tab::Ranking);
        assert_eq!(route.period, None);
        assert!(route.weights.is_empty() && route.edits.is_empty());
        assert_eq!(route.unit, None);
        let names: Vec<&str> = ignored.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(names, ["view", "period", "w", "set", "unit", "zzz", "lang"]);
        // Too many or repeated units to compare.
        assert_eq!(Route::parse("cmp=A,B,C,D").1.len(), 1);
        assert_eq!(Route::parse("cmp=A,A").1.len(), 1);
        // Construction steps that do not exist, or a threshold not offered.
        for bad in [
            "pipe=zzz",
            "pipe=scr:33",
            "pipe=imp:group:a%20b",
            "pipe=nrm:",
        ] {
            assert_eq!(Route::parse(bad).1.len(), 1, "{bad}");
        }
        // A spread the view does not offer.
        assert_eq!(
            Route::parse("spread=33"),
            (Route::default(), vec![Ignored("spread".into())])
        );
        // Weights outside the sliders' range, and encoded separators.
        let (route, ignored) = Route::parse("w=a:11");
        assert!(route.weights.is_empty() && ignored.len() == 1);
        let (route, ignored) = Route::parse("w=a%3A2%3Bb%3A0.5");
        assert_eq!(route.weights, vec![("a".into(), 2.0), ("b".into(), 0.5)]);
        assert!(ignored.is_empty());
    }

    #[test]
    fn weights_at_the_framework_value_leave_the_link() {
        let mut route = Route::default();
        route.set_weight("a", 2.0, 1.0);
        assert_eq!(route.weight("a"), Some(2.0));
        route.set_weight("a", 1.0, 1.0);
        assert_eq!(route.weight("a"), None);
        route.set_edit("x", Some(3.0));
        route.set_edit("x", None);
        assert!(route.edits.is_empty());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Any text at all parses without panicking, and what it keeps formats back to a link
        /// that parses to the same route.
        #[test]
        fn any_query_parses_and_what_is_kept_round_trips(q in ".{0,200}") {
            let (route, _) = Route::parse(&q);
            let (again, ignored) = Route::parse(&route.format());
            prop_assert!(ignored.is_empty());
            prop_assert_eq!(again, route);
        }
    }
}

#[cfg(test)]
mod messages {
    use super::*;
    use crate::i18n::Messages;

    /// The views' names are chosen by value, invisible to the scan of the source for message keys.
    #[test]
    fn every_view_has_a_name_in_both_languages() {
        for lang in Lang::ALL {
            let m = Messages::load(lang);
            for tab in Tab::ALL {
                assert_ne!(m.t(tab.key()), tab.key(), "{lang:?}");
            }
        }
    }
}
