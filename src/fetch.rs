//! Fetching a text file from the page's own host (the only host the app talks to).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `url` (relative to the page). Errors name the address and say what went wrong.
pub async fn text(url: &str) -> Result<String, String> {
    // A page or a worker (the workbench's background Monte Carlo): both fetch from their host.
    let promise = match web_sys::window() {
        Some(window) => window.fetch_with_str(url),
        None => js_sys::global()
            .dyn_into::<web_sys::WorkerGlobalScope>()
            .map_err(|_| format!("{url}: neither a page nor a worker"))?
            .fetch_with_str(url),
    };
    let response = JsFuture::from(promise)
        .await
        .map_err(|_| format!("{url}: the file could not be fetched"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: the answer was not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: the server answered {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| format!("{url}: the file could not be read"))?;
    let text = JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{url}: the file is not text"))?;
    // A server that answers every address with a page (a single-page fallback) sends HTML
    // for a file that is not there; no file the app reads starts with `<`.
    if text.trim_start().starts_with('<') {
        return Err(format!(
            "{url}: the server sent a web page, not the file: is the file there?"
        ));
    }
    Ok(text)
}
