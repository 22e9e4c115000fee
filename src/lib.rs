//! Torture Index Explorer: the Yew app. `main.rs` only mounts; the app lives here.

pub mod app;
pub mod captions;
pub mod components;
#[cfg(any(feature = "full", feature = "workbench"))]
pub mod csv;
pub mod data;
pub mod defaults;
pub mod derive;
pub mod embed;
pub mod explorer;
#[cfg(any(feature = "full", feature = "workbench"))]
pub mod export;
pub mod fetch;
pub mod i18n;
pub mod labels;
pub mod link;
pub mod map;
pub mod markup;
pub mod standings;
pub mod state;
#[cfg(feature = "full")]
pub mod storage;
pub mod url;
pub mod views;
#[cfg(feature = "workbench")]
pub mod workbench;

/// Mounts the app into `#app`, falling back to the document body. The root's `data-mode`
/// chooses what: `embed` (embed/index.html) the embeddable widget, `workbench`
/// (workbench/index.html) the workbench, anything else the explorer. A build without a
/// feature falls back to the widget; the `composite-embed` build (workbench/embed/index.html)
/// is the workbench's widget and nothing else.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    let mode = root
        .as_ref()
        .and_then(|r| r.get_attribute("data-mode"))
        .unwrap_or_default();
    // The workbench's embed page is a build of its own: nothing else is linked into it.
    #[cfg(feature = "composite-embed")]
    {
        let _ = mode;
        render::<workbench::embed::CompositeEmbed>(root)
    }
    #[cfg(not(feature = "composite-embed"))]
    {
        #[cfg(feature = "workbench")]
        if mode == "workbench" {
            return render::<workbench::Workbench>(root);
        }
        #[cfg(feature = "full")]
        if mode != "embed" {
            return start_explorer(root);
        }
        let _ = mode;
        render::<embed::Embed>(root)
    }
}

/// The explorer. A pre-rendered page (src/bin/prerender.rs: `<html data-page="<its query>">`)
/// whose address and language ask for the view it was rendered for is taken over where it
/// stands (hydration: the app adopts the page's nodes, nothing is drawn twice), once its
/// language's messages are here; any other address draws afresh over the copy, which the
/// page's inline script has hidden meanwhile. Either way `<html>` ends `tie-live`.
#[cfg(feature = "full")]
fn start_explorer(root: Option<web_sys::Element>) {
    let html = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let rendered = html.as_ref().and_then(|h| h.get_attribute("data-page"));
    let (root, rendered) = match (root, rendered) {
        (Some(root), Some(rendered)) => (root, rendered),
        (root, _) => {
            render::<app::App>(root);
            return live(html.as_ref());
        }
    };
    let (state, issues) = url::read();
    let (page, _) = link::parse_query(&rendered, &crate::link::Limits::bundled());
    if !issues.is_empty() || state != page {
        root.set_inner_html("");
        render::<app::App>(Some(root));
        return live(html.as_ref());
    }
    // Tasks of their own, each short on a slow phone: the data; the language's files if not
    // English; the takeover.
    let (lang, view) = (state.lang, state.view);
    later(move || {
        data::AppData::preload();
        wasm_bindgen_futures::spawn_local(async move {
            // What the page was rendered with and the app fetches: the language's files, the
            // map's geometry. The copy stays on screen while they arrive; if one cannot be
            // read, the app draws afresh and says so.
            let messages = async {
                if lang == link::Lang::En {
                    return true;
                }
                i18n::load::fetch(lang)
                    .await
                    .map(|m| i18n::load::keep(lang, m))
                    .is_ok()
            };
            let world =
                async { view != link::View::Map || map::fetch_world(map::WORLD_URL).await.is_ok() };
            let (messages, world) = futures::join!(messages, world);
            let hydrate = messages && world;
            later(move || {
                if hydrate {
                    yew::Renderer::<app::App>::with_root(root).hydrate();
                } else {
                    root.set_inner_html("");
                    render::<app::App>(Some(root));
                }
                live(html.as_ref());
            });
        });
    });
}

/// Runs `f` in a task of its own, after whatever the browser has waiting (a paint, input).
#[cfg(feature = "full")]
fn later(f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, f).forget();
}

/// Marks the page as the app's: the copy's hiding ends, tests and scripts can tell.
#[cfg(feature = "full")]
fn live(html: Option<&web_sys::Element>) {
    if let Some(list) = html.map(web_sys::Element::class_list) {
        let _ = list.remove_1("tie-fresh");
        let _ = list.add_1("tie-live");
    }
}

fn render<C: yew::BaseComponent<Properties = ()>>(root: Option<web_sys::Element>) {
    match root {
        Some(root) => {
            yew::Renderer::<C>::with_root(root).render();
        }
        None => {
            yew::Renderer::<C>::new().render();
        }
    }
}
