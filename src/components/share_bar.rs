//! Sharing and taking away: copy the link, export the current table as CSV, save or load the
//! whole view as a small JSON file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::explorer::use_explorer;
use crate::export::{self, FileError, ImportError};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The CSV of the table on screen, if the view has one: (file name, content).
    #[prop_or_default]
    pub csv: Option<(String, String)>,
    /// The chart on screen, if any: (svg element id, file stem).
    #[prop_or_default]
    pub chart: Option<(String, String)>,
    /// Offer the Embed dialog (it embeds the view, so one per view: a view with two charts
    /// gives it to the first bar only).
    #[prop_or(true)]
    pub embed: bool,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let announce = ctx.dispatch.reform(|t: String| Action::Announce(Some(t)));

    let oncopy = {
        let announce = announce.clone();
        let i18n = i18n.clone();
        Callback::from(move |_: MouseEvent| {
            let link = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let announce = announce.clone();
            let ok_text = i18n.t("share-copied");
            let fail_text = i18n.f("share-copy-failed", &[("link", &link)]);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = export::copy_text(&link).await;
                announce.emit(if ok { ok_text } else { fail_text });
            });
        })
    };
    let csv = props.csv.clone().map(|(name, content)| {
        let announce = announce.clone();
        let done = i18n.f("share-downloaded", &[("file", &name)]);
        let onclick = Callback::from(move |_: MouseEvent| {
            if export::download(&name, "text/csv;charset=utf-8", &content).is_ok() {
                announce.emit(done.clone());
            }
        });
        html! { <button type="button" class="secondary" {onclick} data-testid="export-csv">{ i18n.t("share-csv") }</button> }
    });
    let chart = props.chart.clone().map(|(id, stem)| {
        let failed = i18n.t("share-export-failed");
        let svg = {
            let (id, stem, announce, failed) = (id.clone(), stem.clone(), announce.clone(), failed.clone());
            Callback::from(move |_: MouseEvent| {
                if export::download_svg(&id, &format!("{stem}.svg")).is_err() {
                    announce.emit(failed.clone());
                }
            })
        };
        let png = {
            let announce = announce.clone();
            Callback::from(move |_: MouseEvent| {
                if export::download_png(&id, &format!("{stem}.png")).is_err() {
                    announce.emit(failed.clone());
                }
            })
        };
        html! {
            <>
                <button type="button" class="secondary" onclick={svg} data-testid="export-svg">{ i18n.t("share-svg") }</button>
                <button type="button" class="secondary" onclick={png} data-testid="export-png">{ i18n.t("share-png") }</button>
            </>
        }
    });
    let onsave = {
        let link = ctx.link().clone();
        let announce = announce.clone();
        let note = i18n.t("share-state-note");
        let done = i18n.f(
            "share-downloaded",
            &[("file", "torture-index-explorer-view.json")],
        );
        Callback::from(move |_: MouseEvent| {
            let file = export::state_file(&link, &crate::link::Limits::bundled(), &note);
            if export::download(
                "torture-index-explorer-view.json",
                "application/json",
                &export::state_json(&file),
            )
            .is_ok()
            {
                announce.emit(done.clone());
            }
        })
    };
    let onload = {
        let dispatch = ctx.dispatch.clone();
        let i18n = i18n.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let dispatch = dispatch.clone();
            let i18n = i18n.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let message = match export::chosen_file_text(input, export::STATE_LIMIT).await {
                    Err(FileError::NoFile) => return,
                    Err(FileError::TooLarge) => Err(ImportError::TooLarge),
                    Err(FileError::Unreadable) => Err(ImportError::NotJson),
                    Ok(text) => export::read_state_file(&text, &crate::link::Limits::bundled()),
                };
                match message {
                    Ok((link, issues)) => {
                        dispatch.emit(Action::Import(link));
                        let text = if issues.is_empty() {
                            i18n.t("share-imported")
                        } else {
                            i18n.t("share-imported-partly")
                        };
                        dispatch.emit(Action::Announce(Some(text)));
                    }
                    Err(e) => {
                        let key = match e {
                            ImportError::TooLarge => "import-too-large",
                            ImportError::NotJson => "import-not-json",
                            ImportError::NotOurs => "import-not-ours",
                            ImportError::NewerVersion(_) => "import-newer",
                        };
                        dispatch.emit(Action::Announce(Some(i18n.t(key))));
                    }
                }
            });
        })
    };
    html! {
        <div class="share-bar" role="group" aria-label={i18n.t("share-label")}>
            <button type="button" onclick={oncopy} data-testid="copy-link">{ i18n.t("share-copy") }</button>
            { for csv }
            { for chart }
            if props.embed {
                <crate::components::embed_dialog::EmbedDialog />
            }
            <button type="button" class="secondary" onclick={onsave} data-testid="save-state">{ i18n.t("share-save") }</button>
            <label class="file-button secondary">
                { i18n.t("share-load") }
                <input type="file" accept="application/json,.json" onchange={onload} data-testid="load-state" />
            </label>
        </div>
    }
}
