//! The embed's message protocol with its host page (documented in README.md, "Embedding").
//!
//! Host → widget: `{ "type": "tie:settings", … }` with any of `weights`, `country`, `view`,
//! `lang`, `index`, `year`, `theme`, `colors`. Every message is checked for shape, size and
//! values; anything else is ignored without error. Each value is checked by the link module's
//! parser for the same parameter, so a message can set nothing a link could not.
//!
//! Widget → host: `tie:ready`, `tie:height`, `tie:rank-changed`, `tie:band-changed`, each with
//! `source: "torture-index-explorer"` and the host's `eid`.
//!
//! Messages are read and written with `js_sys::Reflect` rather than serde: the embed is size
//! budgeted, and these few fields do not need a deserializer.

use wasm_bindgen::{JsCast, JsValue};

use crate::link::{parse, Limits, LinkState, View};

/// Largest message accepted, as JSON text.
pub const MAX_MESSAGE: usize = 4096;
pub const SOURCE: &str = "torture-index-explorer";
pub const PROTOCOL: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct Colors {
    pub accent: Option<String>,
    pub background: Option<String>,
    pub text: Option<String>,
}

/// Settings a host may send.
#[derive(Debug, Clone, PartialEq)]
pub struct HostSettings {
    pub kind: String,
    pub weights: Option<Vec<f64>>,
    pub country: Option<String>,
    pub view: Option<String>,
    pub lang: Option<String>,
    pub index: Option<String>,
    pub year: Option<u16>,
    pub theme: Option<String>,
    pub colors: Option<Colors>,
}

/// A field: absent is `Ok(None)`; present with the wrong type is an error.
fn field<T>(
    obj: &JsValue,
    key: &str,
    read: impl Fn(&JsValue) -> Option<T>,
) -> Result<Option<T>, ()> {
    let v = js_sys::Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| ())?;
    if v.is_undefined() {
        return Ok(None);
    }
    read(&v).map(Some).ok_or(())
}

impl HostSettings {
    /// Reads a message; `None` for anything that is not exactly a settings object.
    pub fn from_js(data: &JsValue) -> Option<HostSettings> {
        if !known_keys(data) {
            return None;
        }
        let string = |v: &JsValue| v.as_string();
        let colors = field(data, "colors", |c| {
            Some(Colors {
                accent: field(c, "accent", string).ok()?,
                background: field(c, "background", string).ok()?,
                text: field(c, "text", string).ok()?,
            })
        })
        .ok()?;
        Some(HostSettings {
            kind: field(data, "type", string).ok()??,
            weights: field(data, "weights", |w| {
                if !js_sys::Array::is_array(w) {
                    return None;
                }
                js_sys::Array::from(w).iter().map(|x| x.as_f64()).collect()
            })
            .ok()?,
            country: field(data, "country", string).ok()?,
            view: field(data, "view", string).ok()?,
            lang: field(data, "lang", string).ok()?,
            index: field(data, "index", string).ok()?,
            year: field(data, "year", |y| {
                y.as_f64()
                    .filter(|y| y.fract() == 0.0 && (0.0..=65535.0).contains(y))
                    .map(|y| y as u16)
            })
            .ok()?,
            theme: field(data, "theme", string).ok()?,
            colors,
        })
    }
}

/// Keys a settings message may have, and those of its `colors` object.
pub const KEYS: [&str; 9] = [
    "type", "weights", "country", "view", "lang", "index", "year", "theme", "colors",
];
pub const COLOR_KEYS: [&str; 3] = ["accent", "background", "text"];

/// Whether `data` is a plain object with only known keys (and `colors` likewise).
pub fn known_keys(data: &JsValue) -> bool {
    let Some(obj) = data.dyn_ref::<js_sys::Object>() else {
        return false;
    };
    if js_sys::Array::is_array(data) {
        return false;
    }
    let keys_ok = |o: &js_sys::Object, allowed: &[&str]| {
        js_sys::Object::keys(o)
            .iter()
            .all(|k| k.as_string().is_some_and(|k| allowed.contains(&k.as_str())))
    };
    if !keys_ok(obj, &KEYS) {
        return false;
    }
    match js_sys::Reflect::get(obj, &"colors".into()) {
        Ok(c) if c.is_undefined() => true,
        Ok(c) => c
            .dyn_ref::<js_sys::Object>()
            .is_some_and(|c| !js_sys::Array::is_array(c) && keys_ok(c, &COLOR_KEYS)),
        Err(_) => false,
    }
}

/// The view names an embed accepts (`card` is the country card).
pub fn view_param(name: &str) -> Option<View> {
    match name {
        "rankings" | "ranking" => Some(View::Rankings),
        "card" | "country" => Some(View::Country),
        "map" => Some(View::Map),
        "trend" | "trends" => Some(View::Trends),
        _ => None,
    }
}

impl HostSettings {
    /// Whether the message sets anything at all.
    fn sets_anything(&self) -> bool {
        self.weights.is_some()
            || self.country.is_some()
            || self.view.is_some()
            || self.lang.is_some()
            || self.index.is_some()
            || self.year.is_some()
            || self.theme.is_some()
            || self
                .colors
                .as_ref()
                .is_some_and(|c| c.accent.is_some() || c.background.is_some() || c.text.is_some())
    }

    /// The state these settings produce from `current`, or `None` if any value is invalid
    /// (then the whole message is ignored: half-applied settings would surprise the host).
    /// Each value is checked by the link's parser for that parameter.
    pub fn apply(&self, current: &LinkState, limits: &Limits) -> Option<LinkState> {
        if self.kind != "tie:settings" || !self.sets_anything() {
            return None;
        }
        let mut next = current.clone();
        if let Some(w) = &self.weights {
            next.weights = Some(parse::valid_weights(w.clone(), limits.pillars)?);
        }
        if let Some(c) = &self.country {
            next.country = Some(parse::country(c)?);
        }
        if let Some(v) = &self.view {
            next.view = view_param(v)?;
        }
        if let Some(l) = &self.lang {
            next.lang = parse::lang(l)?;
        }
        if let Some(i) = &self.index {
            next.index = parse::index(i)?;
        }
        if let Some(y) = self.year {
            next.year = Some(y).filter(|y| limits.has_year(*y))?;
        }
        if let Some(t) = &self.theme {
            next.theme = parse::theme(t)?;
        }
        if let Some(c) = &self.colors {
            for (value, slot) in [
                (&c.accent, &mut next.accent),
                (&c.background, &mut next.bg),
                (&c.text, &mut next.ink),
            ] {
                if let Some(v) = value {
                    *slot = Some(parse::colour(v)?);
                }
            }
        }
        Some(next)
    }
}

/// One country's rank or band before and after a change.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub iso3: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A message to the host.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub source: &'static str,
    pub kind: &'static str,
    pub eid: Option<String>,
    pub version: u32,
    pub height: Option<u32>,
    pub view: Option<String>,
    pub index: Option<String>,
    pub changes: Vec<Move>,
}

impl Event {
    pub fn new(kind: &'static str, eid: Option<String>) -> Event {
        Event {
            source: SOURCE,
            kind,
            eid,
            version: PROTOCOL,
            height: None,
            view: None,
            index: None,
            changes: Vec::new(),
        }
    }

    /// The plain object posted to the host.
    pub fn to_js(&self) -> JsValue {
        let obj = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), &v);
        };
        let opt = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
        set("source", JsValue::from_str(self.source));
        set("type", JsValue::from_str(self.kind));
        set("eid", opt(&self.eid));
        set("version", JsValue::from(self.version));
        if let Some(h) = self.height {
            set("height", JsValue::from(h));
        }
        if self.view.is_some() {
            set("view", opt(&self.view));
        }
        if self.index.is_some() {
            set("index", opt(&self.index));
        }
        if !self.changes.is_empty() {
            let list = js_sys::Array::new();
            for m in &self.changes {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"iso3".into(), &JsValue::from_str(&m.iso3));
                let _ = js_sys::Reflect::set(&o, &"from".into(), &opt(&m.from));
                let _ = js_sys::Reflect::set(&o, &"to".into(), &opt(&m.to));
                list.push(&o);
            }
            set("changes", list.into());
        }
        obj.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{self, IndexId, Lang, Theme};

    /// The bundled limits.
    fn l() -> Limits {
        Limits::bundled()
    }

    fn settings() -> HostSettings {
        HostSettings {
            kind: "tie:settings".into(),
            weights: None,
            country: None,
            view: None,
            lang: None,
            index: None,
            year: None,
            theme: None,
            colors: None,
        }
    }

    #[test]
    fn valid_settings_apply() {
        let base = LinkState::defaults(&l());
        let mut s = settings();
        s.weights = Some(vec![1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]);
        s.view = Some("card".into());
        s.country = Some("kgz".into());
        s.lang = Some("ru".into());
        s.theme = Some("dark".into());
        s.colors = Some(Colors {
            accent: Some("#C00".into()),
            background: None,
            text: None,
        });
        let next = s.apply(&base, &l()).expect("valid");
        assert_eq!(via_link(&s, &base).as_ref(), Some(&next));
        assert_eq!(next.weights, Some(vec![1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]));
        assert_eq!(next.view, View::Country);
        assert_eq!(next.country.as_deref(), Some("KGZ"));
        assert_eq!(next.lang, Lang::Ru);
        assert_eq!(next.theme, Theme::Dark);
        assert_eq!(next.accent.as_deref(), Some("#c00"));
        assert_eq!(next.index, IndexId::Gti2025, "untouched");
    }

    #[test]
    fn any_invalid_value_rejects_the_whole_message() {
        let base = LinkState::defaults(&l());
        let cases: Vec<HostSettings> = vec![
            HostSettings {
                kind: "other".into(),
                ..settings()
            },
            settings(),
            HostSettings {
                weights: Some(vec![1.0; 3]),
                ..settings()
            },
            HostSettings {
                weights: Some(vec![f64::NAN; 7]),
                ..settings()
            },
            HostSettings {
                view: Some("methods".into()),
                ..settings()
            },
            HostSettings {
                lang: Some("xx".into()),
                country: Some("KGZ".into()),
                ..settings()
            },
            HostSettings {
                year: Some(1990),
                ..settings()
            },
            HostSettings {
                colors: Some(Colors {
                    accent: Some("url(x)".into()),
                    background: None,
                    text: None,
                }),
                ..settings()
            },
            HostSettings {
                country: Some("<img>".into()),
                ..settings()
            },
        ];
        for c in cases {
            assert_eq!(c.apply(&base, &l()), None, "{c:?}");
            assert_eq!(via_link(&c, &base), None, "{c:?}");
        }
    }

    /// The message written as the equivalent link and read by the link codec: how messages
    /// were applied before each parameter had its own parser. `apply` must agree with it.
    fn via_link(s: &HostSettings, current: &LinkState) -> Option<LinkState> {
        if s.kind != "tie:settings" {
            return None;
        }
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(w) = &s.weights {
            pairs.push(("w", link::format::weights(w)));
        }
        if let Some(c) = &s.country {
            pairs.push(("country", c.clone()));
        }
        if let Some(v) = &s.view {
            pairs.push(("view", view_param(v)?.slug().to_string()));
        }
        if let Some(l) = &s.lang {
            pairs.push(("lang", l.clone()));
        }
        if let Some(i) = &s.index {
            pairs.push(("index", i.clone()));
        }
        if let Some(y) = s.year {
            pairs.push(("year", y.to_string()));
        }
        if let Some(t) = &s.theme {
            pairs.push(("theme", t.clone()));
        }
        if let Some(c) = &s.colors {
            for (k, v) in [
                ("accent", &c.accent),
                ("bg", &c.background),
                ("ink", &c.text),
            ] {
                if let Some(v) = v {
                    pairs.push((k, v.clone()));
                }
            }
        }
        if pairs.is_empty() {
            return None;
        }
        let q: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", link::encode(v)))
            .collect();
        let (parsed, issues) = link::parse_query(&q.join("&"), &l());
        if !issues.is_empty() {
            return None;
        }
        let mut next = current.clone();
        let has = |k: &str| pairs.iter().any(|(p, _)| *p == k);
        if has("w") {
            next.weights = parsed.weights;
        }
        if has("country") {
            next.country = parsed.country;
        }
        if has("view") {
            next.view = parsed.view;
        }
        if has("lang") {
            next.lang = parsed.lang;
        }
        if has("index") {
            next.index = parsed.index;
        }
        if has("year") {
            next.year = parsed.year;
        }
        if has("theme") {
            next.theme = parsed.theme;
        }
        if has("accent") {
            next.accent = parsed.accent;
        }
        if has("bg") {
            next.bg = parsed.bg;
        }
        if has("ink") {
            next.ink = parsed.ink;
        }
        Some(next)
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        fn text(valid: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
            prop::option::of(prop_oneof![
                prop::sample::select(valid).prop_map(str::to_string),
                ".{0,8}",
            ])
        }

        fn colour() -> impl Strategy<Value = Option<String>> {
            prop::option::of("#?[0-9a-fA-Fg]{0,7}|.{0,8}")
        }

        proptest! {
            #[test]
            fn messages_validate_exactly_as_links_do(
                kind in prop_oneof![Just("tie:settings".to_string()), ".{0,12}"],
                weights in prop::option::of(prop::collection::vec(
                    prop_oneof![0.0f64..=10.0, -2.0f64..12.0, Just(f64::NAN), Just(f64::INFINITY), Just(-0.0), Just(0.0)],
                    0..9,
                )),
                country in text(&["KGZ", "kgz", "Kgz", "IND", "<i>", "KG"]),
                view in text(&["ranking", "rankings", "card", "country", "map", "trend", "trends", "methods"]),
                lang in text(&["en", "ru", "fr"]),
                index in text(&["gti-2025", "gti", "csp", "cpi"]),
                year in prop::option::of(prop_oneof![2017u16..2027, any::<u16>()]),
                theme in text(&["light", "dark", "neon"]),
                colors in prop::option::of((colour(), colour(), colour())),
                dark_base in any::<bool>(),
            ) {
                let s = HostSettings {
                    kind, weights, country, view, lang, index, year, theme,
                    colors: colors.map(|(accent, background, text)| Colors { accent, background, text }),
                };
                let mut base = LinkState::defaults(&l());
                if dark_base {
                    base.theme = Theme::Dark;
                    base.country = Some("RUS".into());
                    base.accent = Some("#123".into());
                }
                prop_assert_eq!(s.apply(&base, &l()), via_link(&s, &base));
            }
        }
    }
}
