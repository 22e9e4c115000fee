//! Files the visitor takes away: CSV tables (written by [`crate::csv`]), SVG and PNG charts,
//! the view state as JSON; and the clipboard. Everything is made in the browser; nothing is
//! uploaded.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

use crate::link::{self, Limits, LinkState, QueryIssue};

/// Offers `content` as a file download.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(filename, &blob)
}

fn download_blob(filename: &str, blob: &Blob) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Revoke after the click has been handled.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// The markup of the `<svg>` with this id, standalone (namespaced, with its styles inlined).
pub fn svg_markup(id: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let svg = document.get_element_by_id(id)?;
    let text = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&svg)
        .ok()?;
    Some(if text.contains("xmlns=") {
        text
    } else {
        text.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1)
    })
}

/// Downloads the `<svg>` with this id as an SVG file.
pub fn download_svg(id: &str, filename: &str) -> Result<(), JsValue> {
    let markup = svg_markup(id).ok_or_else(|| JsValue::from_str("no such chart"))?;
    download(filename, "image/svg+xml", &markup)
}

/// Renders the `<svg>` with this id into a PNG (twice its size, white background) and
/// downloads it.
pub fn download_png(id: &str, filename: &str) -> Result<(), JsValue> {
    let markup = svg_markup(id).ok_or_else(|| JsValue::from_str("no such chart"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let (width, height) = svg_size(&markup).unwrap_or((1000.0, 600.0));
    let parts = js_sys::Array::of1(&JsValue::from_str(&markup));
    let options = BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let image = HtmlImageElement::new()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let scale = 2.0;
    canvas.set_width((width * scale) as u32);
    canvas.set_height((height * scale) as u32);
    let filename = filename.to_string();
    let img = image.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = (|| -> Result<(), JsValue> {
            let context: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("no 2d context"))?
                .dyn_into()?;
            context.set_fill_style_str("#ffffff");
            context.fill_rect(0.0, 0.0, width * scale, height * scale);
            context.draw_image_with_html_image_element_and_dw_and_dh(
                &img,
                0.0,
                0.0,
                width * scale,
                height * scale,
            )?;
            let _ = Url::revoke_object_url(&source);
            let done = Closure::once_into_js(move |blob: Option<Blob>| {
                if let Some(blob) = blob {
                    let _ = download_blob(&filename, &blob);
                }
            });
            canvas.to_blob(done.unchecked_ref())
        })();
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// Width and height from the root element's `viewBox`.
fn svg_size(markup: &str) -> Option<(f64, f64)> {
    let start = markup.find("viewBox=\"")? + 9;
    let end = start + markup[start..].find('"')?;
    let numbers: Vec<f64> = markup[start..end]
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    (numbers.len() == 4).then(|| (numbers[2], numbers[3]))
}

/// Copies text to the clipboard; resolves to whether it worked.
/// The folder the page is served from, e.g. `https://example.org/explorer/`: where the
/// Embed dialogs' snippets point.
pub fn page_folder() -> String {
    // Rendered outside a browser (the pre-renderer): no address yet; the app fills it in.
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    format!("{origin}{dir}/")
}

pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The view-state file: small, versioned, readable. The state itself travels as the same
/// query string a link carries, so importing validates it with the same codec.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct StateFile {
    pub app: String,
    pub version: u32,
    pub query: String,
    #[serde(default)]
    pub note: String,
}

pub const STATE_APP: &str = "torture-index-explorer";
pub const STATE_VERSION: u32 = 1;
/// Largest state file read, in bytes.
pub const STATE_LIMIT: usize = 16 * 1024;

pub fn state_file(state: &LinkState, limits: &Limits, note: &str) -> StateFile {
    StateFile {
        app: STATE_APP.to_string(),
        version: STATE_VERSION,
        query: link::to_query(state, limits),
        note: note.to_string(),
    }
}

/// Why an imported file was refused.
#[derive(Debug, PartialEq)]
pub enum ImportError {
    TooLarge,
    NotJson,
    NotOurs,
    NewerVersion(u32),
}

/// Reads a state file's text: the state, and any parameters that had to be ignored.
pub fn read_state_file(
    text: &str,
    limits: &Limits,
) -> Result<(LinkState, Vec<QueryIssue>), ImportError> {
    if text.len() > STATE_LIMIT {
        return Err(ImportError::TooLarge);
    }
    let value = js_sys::JSON::parse(text).map_err(|_| ImportError::NotJson)?;
    let file: StateFile =
        serde_wasm_bindgen::from_value(value).map_err(|_| ImportError::NotOurs)?;
    if file.app != STATE_APP {
        return Err(ImportError::NotOurs);
    }
    if file.version > STATE_VERSION {
        return Err(ImportError::NewerVersion(file.version));
    }
    Ok(link::parse_query(&file.query, limits))
}

/// Any serialisable value as indented JSON text (empty if it cannot be serialised).
pub fn pretty_json<T: Serialize>(value: &T) -> String {
    serde_wasm_bindgen::to_value(value)
        .ok()
        .and_then(|v| {
            js_sys::JSON::stringify_with_replacer_and_space(&v, &JsValue::NULL, &JsValue::from(2))
                .ok()
        })
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The state file as pretty JSON text.
pub fn state_json(file: &StateFile) -> String {
    pretty_json(file)
}

/// Why a chosen file's text is not available.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FileError {
    NoFile,
    TooLarge,
    Unreadable,
}

/// The text of the file chosen in a file input, which is then cleared (so choosing the same
/// file again fires again). Files over `limit` bytes are not read.
pub async fn chosen_file_text(
    input: web_sys::HtmlInputElement,
    limit: usize,
) -> Result<String, FileError> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or(FileError::NoFile)?;
    input.set_value("");
    if file.size() > limit as f64 {
        return Err(FileError::TooLarge);
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(FileError::Unreadable)
}
