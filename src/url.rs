//! The browser side of the URL state: read the query string, write it back with the History
//! API. The codec itself is pure and lives in [`crate::link`].

use crate::link::{self, Limits, LinkState, QueryIssue};

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The address a page is rendered for outside a browser (the pre-renderer, natively).
    pub static RENDERING: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The state in the current address, with the parameters that had to be ignored. A
/// pre-rendered page's path (`es/country/KGZ/`, below the site's root) says what its query
/// would; the query, if any, has the last word.
pub fn read() -> (LinkState, Vec<QueryIssue>) {
    #[cfg(not(target_arch = "wasm32"))]
    return link::parse_query(&RENDERING.with(|r| r.borrow().clone()), &Limits::bundled());
    #[allow(unreachable_code)]
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let from_path: Vec<String> = path_params(&page_path())
        .into_iter()
        .filter(|(k, _)| !has_param(&search, k))
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let query = match search.trim_start_matches('?') {
        "" => from_path.join("&"),
        own if from_path.is_empty() => own.to_string(),
        own => format!("{}&{own}", from_path.join("&")),
    };
    let (mut state, issues) = link::parse_query(&query, &Limits::bundled());
    state.lang = chosen_lang(&query, state.lang);
    (state, issues)
}

/// The path of the site's root: the folder of the document's base (a pre-rendered page sets
/// it to the root; elsewhere it is the page's own folder).
fn site_root(window: &web_sys::Window) -> Option<String> {
    let base = window.document()?.base_uri().ok()??;
    let path = web_sys::Url::new(&base).ok()?.pathname();
    Some(path[..path.rfind('/').map_or(0, |i| i + 1)].to_string())
}

/// The address's path below the site's root (the document's base, which a pre-rendered page
/// sets to the root): `es/country/KGZ/`; empty for the root itself.
fn page_path() -> String {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return String::new();
    };
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let here = document.url().unwrap_or_default();
    let here = here.split(['?', '#']).next().unwrap_or_default();
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let base = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    here.strip_prefix(base).unwrap_or_default().to_string()
}

/// The parameters a pre-rendered page's path stands for: `[lang/]country/<ISO3>/`,
/// `[lang/]csp/`, `[lang/]methods/`, `[lang/]map/`, `[lang/]`. Anything else stands for nothing.
pub fn path_params(path: &str) -> Vec<(&'static str, String)> {
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let mut out = Vec::new();
    if let Some(lang) = parts.first().and_then(|p| link::Lang::parse(p)) {
        out.push(("lang", lang.slug().to_string()));
        parts.remove(0);
    }
    match parts.as_slice() {
        [] => {}
        ["country", code] if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) => {
            out.push(("view", "country".into()));
            out.push(("country", (*code).to_string()));
        }
        ["csp"] => out.push(("index", "csp".into())),
        ["methods"] => out.push(("view", "methods".into())),
        ["map"] => out.push(("view", "map".into())),
        _ => return Vec::new(),
    }
    out
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

/// The language of a page whose query is `search` and read `parsed` from it: the link's, or
/// without `lang` the browser's preference (an invalid `lang` is reported, not replaced).
pub fn chosen_lang(search: &str, parsed: link::Lang) -> link::Lang {
    if has_param(search, "lang") {
        parsed
    } else {
        browser_lang()
    }
}

/// The browser's preferred language among the explorer's (`navigator.languages`), for a
/// link without `lang`; English if none.
fn browser_lang() -> link::Lang {
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
    let q = link::to_query(state, &Limits::bundled());
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
    let q = link::to_query(&s, &Limits::bundled());
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
    // From the site's root: a pre-rendered page's path (`es/country/KGZ/`) stands for a view,
    // which the state written now may no longer be.
    let path =
        site_root(&window).unwrap_or_else(|| window.location().pathname().unwrap_or_default());
    let q = link::to_query(state, &Limits::bundled());
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
mod path_tests {
    use super::path_params;

    #[test]
    fn a_pre_rendered_pages_path_stands_for_its_query() {
        let q = |p: &str| {
            path_params(p)
                .into_iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        };
        assert_eq!(q(""), "");
        assert_eq!(q("country/KGZ/"), "view=country&country=KGZ");
        assert_eq!(q("es/country/KGZ/"), "lang=es&view=country&country=KGZ");
        assert_eq!(q("ar/csp/"), "lang=ar&index=csp");
        assert_eq!(q("methods/"), "view=methods");
        assert_eq!(q("ru/map/"), "lang=ru&view=map");
        assert_eq!(q("fr/"), "lang=fr");
        // Anything else, a bad code included, stands for nothing.
        assert_eq!(q("country/<b>/"), "");
        assert_eq!(q("workbench/"), "");
        assert_eq!(q("es/nowhere/"), "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_paint_script_knows_every_language() {
        // index.html's inline script decides, before the app, whether the browser's language
        // is the page's: its list must be the explorer's.
        let page = include_str!("../index.html");
        let slugs: Vec<&str> = link::Lang::ALL.iter().map(|l| l.slug()).collect();
        assert!(
            page.contains(&format!("/^({})$/", slugs.join("|"))),
            "index.html's list of languages differs from Lang::ALL"
        );
    }

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
