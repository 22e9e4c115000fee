//! The browser side of the URL state: read the query string, write it back with the History
//! API. The codec itself is pure and lives in [`crate::link`].

use crate::link::{self, Limits, LinkState, QueryIssue};

pub const LIMITS: Limits = Limits::BUNDLED;

/// The state in the current address, with the parameters that had to be ignored.
pub fn read() -> (LinkState, Vec<QueryIssue>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (mut state, issues) = link::parse_query(&search, &LIMITS);
    if !has_param(&search, "lang") {
        state.lang = browser_lang();
    }
    (state, issues)
}

/// Whether the query string names `key` (valid or not: an invalid `lang` is reported, and
/// the browser's preference does not silently replace it).
pub fn has_param(search: &str, key: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some(key))
}

/// The workbench, in `lang`.
pub fn workbench_href(lang: link::Lang) -> String {
    if lang == link::Lang::En {
        "workbench/".to_string()
    } else {
        format!("workbench/?lang={}", lang.slug())
    }
}

/// The browser's preferred language among the explorer's (`navigator.languages`), for a
/// link without `lang`; English if none.
pub fn browser_lang() -> link::Lang {
    let tags: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    link::Lang::preferred(&tags)
}

/// A relative link to `state` (for `href`s: open in a new tab, copy, share).
pub fn href(state: &LinkState) -> String {
    let q = link::to_query(state, &LIMITS);
    if q.is_empty() {
        "?".to_string()
    } else {
        format!("?{q}")
    }
}

/// A link from an embed (served at `…/embed/`) to the same state in the full explorer,
/// without the embed-only parameters.
pub fn full_href(state: &LinkState) -> String {
    let mut s = state.clone();
    s.theme = link::Theme::Light;
    s.allow.clear();
    s.accent = None;
    s.bg = None;
    s.ink = None;
    s.eid = None;
    let q = link::to_query(&s, &LIMITS);
    if q.is_empty() {
        "../".to_string()
    } else {
        format!("../?{q}")
    }
}

/// The explorer's composite of open indicators for every country lives in the workbench: its
/// ranking, or, with a country code, that country's profile there (in the page's language).
pub fn open_indicators_href(lang: link::Lang, country: Option<&str>) -> String {
    let mut href = "workbench/?index=open-indicators".to_string();
    if let Some(code) = country.and_then(link::parse::country) {
        href.push_str("&view=profile&unit=");
        href.push_str(&code);
    }
    if lang != link::Lang::En {
        href.push_str("&lang=");
        href.push_str(lang.slug());
    }
    href
}

/// Writes `state` into the address bar: a new history entry, or in place.
pub fn write(state: &LinkState, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let q = link::to_query(state, &LIMITS);
    let url = if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    };
    let current = format!(
        "{}{}",
        window.location().pathname().unwrap_or_default(),
        window.location().search().unwrap_or_default()
    );
    if current == url {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_indicators_link_names_a_valid_country_only() {
        use link::Lang;
        assert_eq!(
            open_indicators_href(Lang::En, None),
            "workbench/?index=open-indicators"
        );
        assert_eq!(
            open_indicators_href(Lang::Ru, Some("fra")),
            "workbench/?index=open-indicators&view=profile&unit=FRA&lang=ru"
        );
        assert_eq!(
            open_indicators_href(Lang::En, Some("<script>")),
            "workbench/?index=open-indicators"
        );
    }
}
