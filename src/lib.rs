//! Torture Index Explorer: the Yew app. `main.rs` only mounts; the app lives here.

pub mod app;
pub mod components;
pub mod ctx;
pub mod data;
pub mod export;
pub mod i18n;
pub mod labels;
pub mod map;
pub mod state;
pub mod storage;
pub mod url;
pub mod views;

/// Mounts the app into `#app`, falling back to the document body.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
