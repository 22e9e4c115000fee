//! The workbench: every index the explorer holds (and any folder added to `data/indices.csv`)
//! read through the one composite model, in four views: ranking with live weights, profile,
//! map with its table, and simulator. Nothing here branches on which index it shows: names,
//! bands, scales and sources all come from the index's definition and data.
//!
//! Built as its own page (`workbench/index.html`, the `workbench` feature) so the explorer's
//! first load does not carry the generic model; the data are fetched from the page's own host.

pub mod compute;
// The robustness view's sensitivity and ranks per rule (not in the workbench's widget).
#[cfg_attr(feature = "composite-embed", allow(dead_code, unused_imports))]
mod effects;
pub mod embed;
mod import;
pub mod load;
pub mod route;
mod views;
mod window;
pub mod worker;

use std::rc::Rc;

use futures::future::join_all;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::I18n;
use crate::link::Lang;
use load::{Entry, Folder, Shared};
use route::{Ignored, Route};

/// Where the workbench page finds its data, relative to itself (the embed page, one folder
/// down, reads [`embed::DATA`]).
pub(crate) const DATA: &str = "data/";

/// What loading found.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub entries: Vec<Rc<Entry>>,
    /// Problems with files and rows; what could be loaded still is.
    pub problems: Vec<String>,
}

pub(crate) async fn fetch_text(path: &str) -> Result<String, String> {
    fetch_in(DATA, path).await
}

/// A data file, `base` being where the data folder is from the page.
async fn fetch_in(base: &str, path: &str) -> Result<String, String> {
    crate::fetch::text(&format!("{base}{path}")).await
}

/// At most this many problems are listed per folder; the rest are counted.
const MAX_PROBLEMS: usize = 25;

fn capped(folder: &str, problems: &[String]) -> Vec<String> {
    let mut out: Vec<String> = problems.iter().take(MAX_PROBLEMS).cloned().collect();
    if problems.len() > MAX_PROBLEMS {
        out.push(format!(
            "{folder}: {} more problems not listed",
            problems.len() - MAX_PROBLEMS
        ));
    }
    out
}

/// Fetches several files of a folder at once; the first that fails is the error.
async fn fetch_all(
    base: &str,
    folder: &Folder,
    names: Vec<String>,
) -> Result<Vec<(String, String)>, Vec<String>> {
    let texts = join_all(
        names
            .iter()
            .map(|name| fetch_owned(base, format!("{}/{name}", folder.name))),
    )
    .await;
    names
        .into_iter()
        .zip(texts)
        .map(|(name, text)| text.map(|t| (name, t)).map_err(|e| vec![e]))
        .collect()
}

async fn fetch_owned(base: &str, path: String) -> Result<String, String> {
    fetch_in(base, &path).await
}

/// One folder's index, its data read from `base`.
pub(crate) async fn load_folder(
    base: &str,
    folder: &Folder,
    shared: &Shared,
) -> Result<Entry, Vec<String>> {
    // The definition, the framework and the folder's own bands and sources at once; then the
    // units and values files the definition names, at once.
    let mut names = vec![load::INDEX.to_string(), load::FRAMEWORK.to_string()];
    names.extend(folder.bands.iter().chain(folder.sources.iter()).cloned());
    let mut files = fetch_all(base, folder, names).await?;
    let text = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
            .unwrap_or_default()
    };
    let bands = folder.bands.as_deref().map(text);
    let names = load::data_files(
        folder,
        text(load::INDEX),
        text(load::FRAMEWORK),
        bands,
        shared,
    )?;
    files.extend(fetch_all(base, folder, names).await?);
    load::assemble(folder, &files, shared)
}

/// Every index the manifest names, from the data folder at `base`; or, where `only` names one
/// of its folders, that index alone (the embed shows one index and fetches no other).
async fn load_all(base: &str, only: Option<&str>) -> Loaded {
    let mut loaded = Loaded::default();
    let fetched = futures::join!(
        fetch_in(base, load::MANIFEST),
        fetch_in(base, load::BANDS),
        fetch_in(base, load::SOURCES),
    );
    let (manifest, bands, sources) = match fetched {
        (Ok(m), Ok(b), Ok(s)) => (m, b, s),
        (m, b, s) => {
            loaded
                .problems
                .extend([m, b, s].into_iter().filter_map(Result::err));
            return loaded;
        }
    };
    let (shared, problems) = Shared::parse(&bands, &sources);
    loaded.problems.extend(problems);
    let (mut folders, problems) = load::parse_manifest(&manifest);
    loaded.problems.extend(problems);
    if let Some(only) = only {
        if folders.iter().any(|f| f.name == only) {
            folders.retain(|f| f.name == only);
        }
    }
    // Every folder at once; the results in manifest order.
    let results = join_all(folders.iter().map(|f| load_folder(base, f, &shared))).await;
    for (folder, result) in folders.iter().zip(results) {
        match result {
            Ok(entry) => {
                if loaded
                    .entries
                    .iter()
                    .any(|e| e.index.definition.id == entry.index.definition.id)
                {
                    loaded.problems.push(format!(
                        "{}/{}: the id `{}` is already taken by another index",
                        folder.name,
                        load::INDEX,
                        entry.index.definition.id
                    ));
                    continue;
                }
                loaded
                    .problems
                    .extend(capped(&folder.name, &entry.problems));
                loaded.entries.push(Rc::new(entry));
            }
            Err(problems) => {
                loaded.problems.push(format!(
                    "{}: the index could not be loaded; the others are shown",
                    folder.name
                ));
                loaded.problems.extend(capped(&folder.name, &problems));
            }
        }
    }
    loaded
}

fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The route in the address; without `lang`, in the browser's preferred language.
pub(crate) fn read_route() -> (Route, Vec<Ignored>) {
    let search = location_search();
    let (mut route, ignored) = Route::parse(&search);
    route.lang = crate::url::chosen_lang(&search, route.lang);
    (route, ignored)
}

/// Writes the route to the address bar: a new history entry for a new view, a replacement
/// for a slider's movement.
fn write_address(route: &Route, push: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let query = route.format();
    let url = if query.is_empty() {
        "./".to_string()
    } else {
        query
    };
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// What a page shows instead of an index: while loading, or when no index could be loaded
/// (with every problem); `None` once there is one to show.
fn not_ready(i18n: &I18n, loaded: Option<&Loaded>) -> Option<Html> {
    match loaded {
        None => Some(html! { <p class="notice" role="status">{ i18n.t("wb-loading") }</p> }),
        Some(l) if l.entries.is_empty() => Some(html! {
            <div class="notice notice-error" role="alert">
                <p>{ i18n.t("wb-nothing-loaded") }</p>
                <ul>{ for l.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            </div>
        }),
        Some(_) => None,
    }
}

/// A change of route: the new route, and whether it makes a history entry.
pub type Navigate = Callback<(Route, bool)>;

#[component]
pub fn Workbench() -> Html {
    let route = use_state(read_route);
    let loaded = use_state(|| None::<Rc<Loaded>>);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let mut all = load_all(DATA, None).await;
                // An index the visitor kept in this browser, read defensively: what cannot be
                // read is named, and the panel offers to delete it.
                if let Some(Ok(files)) = import::kept() {
                    match files.entry() {
                        Ok(entry) => all.entries.push(Rc::new(entry)),
                        Err(e) => all
                            .problems
                            .push(format!("the index kept in this browser: {e}")),
                    }
                }
                loaded.set(Some(Rc::new(all)));
            });
        });
    }
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "popstate", move |_| {
                    route.set(read_route());
                })
            });
            move || drop(listener)
        });
    }
    let (current, ignored) = (*route).clone();
    let chosen = crate::i18n::load::use_messages(current.lang);
    let messages_ready = chosen.ready;
    let i18n: I18n = chosen.i18n.clone();
    {
        let lang = current.lang;
        use_effect_with(lang, move |lang| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.slug());
                let _ = root.set_attribute("dir", lang.dir());
            }
        });
    }
    // A new view writes the address at once; a slider's movement writes it once the slider
    // rests (`defaults::ADDRESS_QUIET_MS`): writing the History API forces the browser to lay
    // out the page first (the last movement's 199 rows, before they were painted).
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    // One callback for the whole visit (a state handle sets the latest state), so that what
    // takes it as a property is not re-rendered for its sake.
    let navigate: Navigate = {
        let route = route.clone();
        use_callback((), move |(next, push): (Route, bool), _| {
            if push {
                pending.borrow_mut().take();
                write_address(&next, true);
            } else {
                let latest = next.clone();
                *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    crate::defaults::ADDRESS_QUIET_MS,
                    move || write_address(&latest, false),
                ));
            }
            route.set((next, Vec::new()));
        })
    };
    let onlang = {
        let navigate = navigate.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let lang = Lang::parse(&select.value()).unwrap_or_default();
            navigate.emit((
                Route {
                    lang,
                    ..current.clone()
                },
                false,
            ));
        })
    };
    // An index the visitor imports takes the place of any imported before, and is shown.
    // Stable while what they read is, so the import panel does not re-render with every
    // slider movement.
    let identity = (*loaded).as_ref().map(|l| Rc::as_ptr(l) as usize);
    let onimport = {
        let (loaded, navigate) = (loaded.clone(), navigate.clone());
        use_callback(
            (identity, current.lang),
            move |entry: load::Entry, &(_, lang)| {
                let mut next = (*loaded).as_deref().cloned().unwrap_or_default();
                next.entries
                    .retain(|e| e.index.definition.id != entry.index.definition.id);
                let id = entry.index.definition.id.clone();
                next.entries.push(Rc::new(entry));
                loaded.set(Some(Rc::new(next)));
                navigate.emit((
                    Route {
                        lang,
                        index: Some(id),
                        ..Route::default()
                    },
                    true,
                ));
            },
        )
    };
    // Deleting the kept index takes it off the page too.
    let onforget = {
        let (loaded, navigate) = (loaded.clone(), navigate.clone());
        use_callback(
            (identity, current.lang, current.index.clone()),
            move |(), (_, lang, showing)| {
                let lang = *lang;
                let mut next = (*loaded).as_deref().cloned().unwrap_or_default();
                next.entries
                    .retain(|e| e.index.definition.kind != engine::composite::IndexKind::Imported);
                loaded.set(Some(Rc::new(next)));
                if showing.as_deref() == Some(engine::composite::import::IMPORTED_ID) {
                    navigate.emit((
                        Route {
                            lang,
                            ..Route::default()
                        },
                        true,
                    ));
                }
            },
        )
    };
    if !messages_ready {
        // The chosen language's messages are on their way from this host.
        return html! { <main id="main" class="workbench" aria-busy="true"></main> };
    }
    let body = match (&*loaded, not_ready(&i18n, loaded.as_deref())) {
        (Some(l), None) => html! {
            <views::Bench loaded={l.clone()} route={current.clone()} navigate={navigate.clone()}
                i18n={i18n.clone()} />
        },
        (_, notice) => notice.unwrap_or_default(),
    };
    html! {
        <>
            <a class="skip-link" href="#main">{ i18n.t("wb-skip") }</a>
            <header class="site-header">
                <div class="brand">
                    <p class="site-title"><a href="../">{ i18n.t("wb-explorer") }</a></p>
                    <p class="tagline">{ i18n.t("wb-tagline") }</p>
                </div>
                <div class="lang">
                    <label for="lang-select">{ i18n.t("wb-language") }</label>
                    <select id="lang-select" onchange={onlang}>
                        { for Lang::ALL.into_iter().map(|l| html! {
                            <option value={l.slug()} lang={l.slug()} dir={l.dir()} selected={current.lang == l}>{ l.own_name() }</option>
                        }) }
                    </select>
                </div>
            </header>
            <main id="main" class="workbench">
                if let Some(problem) = &chosen.problem {
                    <p class="notice" role="alert" lang="en" dir="ltr">{ problem }</p>
                }
                <h1>{ i18n.t("wb-title") }</h1>
                if !ignored.is_empty() {
                    <div class="notice" role="status">
                        <p>{ i18n.f("wb-link-ignored", &[("names", &ignored.iter().map(|Ignored(n)| format!("`{n}`")).collect::<Vec<_>>().join(", "))]) }</p>
                    </div>
                }
                { body }
                if loaded.is_some() {
                    <import::ImportPanel on_import={onimport} on_forget={onforget} i18n={i18n.clone()} />
                }
            </main>
            <footer class="site-footer">
                <p>{ i18n.t("wb-footer") }</p>
            </footer>
        </>
    }
}

#[cfg(test)]
mod tests {
    /// The workbench's promise, checked on its source: outside the tests, no line names an
    /// index, an index's folder or the explorer's index-specific types. Everything it shows
    /// comes from the definitions it loads.
    #[test]
    fn no_code_outside_the_tests_names_an_index() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/workbench");
        // Every file of the folder and of its folders (views/ holds a file per view).
        let mut files = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                if entry.path().is_dir() {
                    dirs.push(entry.path());
                } else {
                    files.push(entry);
                }
            }
        }
        let mut checked = 0;
        for entry in files {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (n, line) in code.lines().enumerate() {
                let lower = line.to_lowercase();
                for word in ["gti", "csp", "open-indicators", "indexid", "band::", "omct"] {
                    assert!(
                        !lower.contains(word),
                        "{}:{}: `{word}` in {line}",
                        entry.path().display(),
                        n + 1
                    );
                }
            }
            checked += 1;
        }
        assert!(checked >= 15, "{checked} files");
    }
}
