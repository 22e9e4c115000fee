//! "Explore your own index": the visitor's files (COINr's iData and iMeta, or one wide table)
//! read in the page, made into an index by the engine (`engine::composite::import`) and shown
//! in every view like the bundled ones. Nothing is sent anywhere; a problem with a file is
//! named (file, row, column) and what was on screen stays.

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::load::{Entry, ImportFormat, Imported};
use crate::i18n::I18n;

/// Larger files are refused before they are read (a spreadsheet of 20 MB is far beyond any
/// composite index the explorer can draw).
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub on_import: Callback<Entry>,
    pub i18n: I18n,
}

/// The name and text of the file chosen in `input`, or what is wrong.
async fn read(input: &NodeRef, label: &str, i18n: &I18n) -> Result<(String, String), String> {
    let file = input
        .cast::<HtmlInputElement>()
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
        .ok_or_else(|| i18n.f("wb-import-choose", &[("field", label)]))?;
    let name = file.name();
    if file.size() > MAX_BYTES {
        return Err(i18n.f("wb-import-too-large", &[("file", &name)]));
    }
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| i18n.f("wb-import-unreadable", &[("file", &name)]))?;
    Ok((name, text))
}

#[component]
pub fn ImportPanel(props: &ImportProps) -> Html {
    let i18n = &props.i18n;
    let format = use_state(|| ImportFormat::Coinr);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let (idata, imeta, table, name) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    let choose = |f: ImportFormat| {
        let format = format.clone();
        Callback::from(move |_: Event| format.set(f))
    };
    let onsubmit = {
        let (format, error, busy) = (format.clone(), error.clone(), busy.clone());
        let (idata, imeta, table, name) =
            (idata.clone(), imeta.clone(), table.clone(), name.clone());
        let (on_import, i18n) = (props.on_import.clone(), i18n.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (format, error, busy) = (*format, error.clone(), busy.clone());
            let (idata, imeta, table) = (idata.clone(), imeta.clone(), table.clone());
            let (on_import, i18n) = (on_import.clone(), i18n.clone());
            let title = name
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let files = match format {
                    ImportFormat::Coinr => {
                        let d = read(&idata, &i18n.t("wb-import-idata"), &i18n).await;
                        let m = read(&imeta, &i18n.t("wb-import-imeta"), &i18n).await;
                        d.and_then(|d| m.map(|m| vec![d, m]))
                    }
                    ImportFormat::Wide => read(&table, &i18n.t("wb-import-table"), &i18n)
                        .await
                        .map(|t| vec![t]),
                };
                let result = files.and_then(|files| {
                    Imported {
                        format,
                        files,
                        name: title.trim().chars().take(120).collect(),
                    }
                    .entry()
                });
                busy.set(false);
                match result {
                    Ok(entry) => {
                        error.set(None);
                        on_import.emit(entry);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let coinr = *format == ImportFormat::Coinr;
    let file_field = |id: &str, label: String, node: &NodeRef| {
        html! {
            <div class="field">
                <label for={id.to_string()}>{ label }</label>
                <input id={id.to_string()} type="file" accept=".csv,.txt,text/csv,text/plain" ref={node.clone()} />
            </div>
        }
    };
    html! {
        <details class="wb-import">
            <summary><h2>{ i18n.t("wb-import-title") }</h2></summary>
            <p>{ i18n.t("wb-import-intro") }</p>
            <form {onsubmit} aria-describedby="wb-import-privacy">
                <fieldset>
                    <legend>{ i18n.t("wb-import-format") }</legend>
                    <label class="choice">
                        <input type="radio" name="wb-import-format" value="coinr" checked={coinr}
                            onchange={choose(ImportFormat::Coinr)} />
                        { i18n.t("wb-import-coinr") }
                    </label>
                    <label class="choice">
                        <input type="radio" name="wb-import-format" value="wide" checked={!coinr}
                            onchange={choose(ImportFormat::Wide)} />
                        { i18n.t("wb-import-wide") }
                    </label>
                </fieldset>
                if coinr {
                    { file_field("wb-import-idata", i18n.t("wb-import-idata"), &idata) }
                    { file_field("wb-import-imeta", i18n.t("wb-import-imeta"), &imeta) }
                } else {
                    { file_field("wb-import-table", i18n.t("wb-import-table"), &table) }
                }
                <div class="field">
                    <label for="wb-import-name">{ i18n.t("wb-import-name") }</label>
                    <input id="wb-import-name" type="text" maxlength="120" ref={name.clone()} autocomplete="off" />
                </div>
                <button type="submit" disabled={*busy}>{ i18n.t("wb-import-submit") }</button>
            </form>
            if *busy {
                <p role="status">{ i18n.t("wb-import-reading") }</p>
            }
            if let Some(e) = &*error {
                <div class="notice notice-error" role="alert">
                    <p>{ i18n.t("wb-import-failed") }</p>
                    <p>{ e }</p>
                </div>
            }
            <p id="wb-import-privacy" class="hint">{ i18n.t("wb-import-privacy") }</p>
            <p class="hint">{ i18n.t("wb-import-excel") }</p>
        </details>
    }
}
