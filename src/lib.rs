//! Torture Index Explorer: the Yew app. `main.rs` only mounts; the app lives here.

pub mod app;
pub mod captions;
pub mod components;
#[cfg(feature = "full")]
pub mod csv;
pub mod data;
pub mod defaults;
pub mod derive;
pub mod embed;
pub mod explorer;
#[cfg(feature = "full")]
pub mod export;
pub mod i18n;
pub mod labels;
pub mod link;
pub mod map;
pub mod state;
#[cfg(feature = "full")]
pub mod storage;
pub mod url;
pub mod views;

/// Mounts the app into `#app`, falling back to the document body. `<div id="app"
/// data-mode="embed">` (embed/index.html) mounts the embeddable widget instead.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    let embed = root
        .as_ref()
        .and_then(|r| r.get_attribute("data-mode"))
        .is_some_and(|m| m == "embed");
    match (root, embed) {
        (Some(root), true) => {
            yew::Renderer::<embed::Embed>::with_root(root).render();
        }
        #[cfg(feature = "full")]
        (Some(root), false) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        #[cfg(feature = "full")]
        (None, _) => {
            yew::Renderer::<app::App>::new().render();
        }
        // A build without the full explorer (the embed page) mounts only the widget.
        #[cfg(not(feature = "full"))]
        (root, _) => match root {
            Some(root) => {
                yew::Renderer::<embed::Embed>::with_root(root).render();
            }
            None => {
                yew::Renderer::<embed::Embed>::new().render();
            }
        },
    }
}
