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
            return render::<app::App>(root);
        }
        let _ = mode;
        render::<embed::Embed>(root)
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
