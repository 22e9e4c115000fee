//! "Explore your own index": the visitor's files (COINr's iData and iMeta, or one wide table)
//! read in the page, made into an index by the engine (`engine::composite::import`) and shown
//! in every view like the bundled ones. Nothing is sent anywhere; a problem with a file is
//! named (file, row, column) and what was on screen stays.

use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::load::{Agg, Construction, Entry, ImportFormat, Imported, Norm, SCREENS};
use super::route::Route;
use super::Navigate;
use crate::i18n::I18n;

/// Where an imported index is kept, when the visitor asks (localStorage of this origin).
const KEEP_KEY: &str = "tie-workbench-imported";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The index kept in this browser, if any: `Err` when what is kept cannot be read (it is left
/// for the visitor to delete).
pub fn kept() -> Option<Result<Imported, String>> {
    let text = storage()?.get_item(KEEP_KEY).ok().flatten()?;
    let read = js_sys::JSON::parse(&text)
        .map_err(|_| "it is not JSON".to_string())
        .and_then(|v| serde_wasm_bindgen::from_value::<Imported>(v).map_err(|e| e.to_string()));
    Some(read)
}

/// Keeps `imported` in this browser; `Err` names why it could not (storage full or off).
fn keep(imported: &Imported) -> Result<(), String> {
    let value = serde_wasm_bindgen::to_value(imported).map_err(|e| e.to_string())?;
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|t| t.as_string())
        .ok_or("it could not be written as JSON")?;
    storage()
        .ok_or("this browser keeps nothing for this page")?
        .set_item(KEEP_KEY, &text)
        .map_err(|_| "this browser's storage for the page is full or off".to_string())
}

fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEEP_KEY);
    }
}

/// Larger files are refused before they are read (a spreadsheet of 20 MB is far beyond any
/// composite index the explorer can draw).
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    pub on_import: Callback<Entry>,
    /// Deleting the kept index also takes it off the page.
    pub on_forget: Callback<()>,
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
    let (idata, imeta, table, name, keep_box) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    // What this browser keeps, read again on each render (the visitor may delete it).
    let kept_state = use_state(|| 0u32);
    let kept_now = use_memo(*kept_state, |_| {
        kept().map(|r| {
            r.map(|files| match files.files.first() {
                Some((file, _)) if files.name.is_empty() => file.clone(),
                _ => files.name.clone(),
            })
        })
    });
    let choose = |f: ImportFormat| {
        let format = format.clone();
        Callback::from(move |_: Event| format.set(f))
    };
    let onsubmit = {
        let (format, error, busy) = (format.clone(), error.clone(), busy.clone());
        let (idata, imeta, table, name) =
            (idata.clone(), imeta.clone(), table.clone(), name.clone());
        let (on_import, i18n) = (props.on_import.clone(), i18n.clone());
        let (keep_box, kept_state) = (keep_box.clone(), kept_state.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (format, error, busy) = (*format, error.clone(), busy.clone());
            let (idata, imeta, table) = (idata.clone(), imeta.clone(), table.clone());
            let (on_import, i18n) = (on_import.clone(), i18n.clone());
            let title = name
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let wanted = keep_box
                .cast::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let kept_state = kept_state.clone();
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
                    ImportFormat::Json => read(&table, &i18n.t("wb-import-json-file"), &i18n)
                        .await
                        .map(|t| vec![t]),
                };
                let result = files.and_then(|files| {
                    Imported {
                        format,
                        files,
                        name: title.trim().chars().take(120).collect(),
                        construction: Default::default(),
                    }
                    .entry()
                });
                busy.set(false);
                match result {
                    Ok(entry) => {
                        let kept = match (&entry.imported, wanted) {
                            (Some(files), true) => keep(files)
                                .err()
                                .map(|e| i18n.f("wb-import-not-kept", &[("reason", &e)])),
                            _ => None,
                        };
                        error.set(kept);
                        kept_state.set(*kept_state + 1);
                        on_import.emit(entry);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let forget_click = {
        let (kept_state, on_forget) = (kept_state.clone(), props.on_forget.clone());
        Callback::from(move |_| {
            forget();
            kept_state.set(*kept_state + 1);
            on_forget.emit(());
        })
    };
    let coinr = *format == ImportFormat::Coinr;
    let file_field = |id: &str, label: String, node: &NodeRef| {
        html! {
            <div class="field">
                <label for={id.to_string()}>{ label }</label>
                <input id={id.to_string()} type="file" accept=".csv,.txt,.json,text/csv,text/plain,application/json" ref={node.clone()} />
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
                        <input type="radio" name="wb-import-format" value="wide" checked={*format == ImportFormat::Wide}
                            onchange={choose(ImportFormat::Wide)} />
                        { i18n.t("wb-import-wide") }
                    </label>
                    <label class="choice">
                        <input type="radio" name="wb-import-format" value="json" checked={*format == ImportFormat::Json}
                            onchange={choose(ImportFormat::Json)} />
                        { i18n.t("wb-import-json") }
                    </label>
                </fieldset>
                if coinr {
                    { file_field("wb-import-idata", i18n.t("wb-import-idata"), &idata) }
                    { file_field("wb-import-imeta", i18n.t("wb-import-imeta"), &imeta) }
                } else if *format == ImportFormat::Json {
                    { file_field("wb-import-table", i18n.t("wb-import-json-file"), &table) }
                } else {
                    { file_field("wb-import-table", i18n.t("wb-import-table"), &table) }
                }
                <div class="field">
                    <label for="wb-import-name">{ i18n.t("wb-import-name") }</label>
                    <input id="wb-import-name" type="text" maxlength="120" ref={name.clone()} autocomplete="off" />
                </div>
                <label class="choice">
                    <input type="checkbox" id="wb-import-keep" ref={keep_box.clone()} />
                    { i18n.t("wb-import-keep") }
                </label>
                <button type="submit" disabled={*busy}>{ i18n.t("wb-import-submit") }</button>
            </form>
            if let Some(kept) = &*kept_now {
                <div class="notice" data-testid="wb-kept">
                    <p>{ match kept {
                        Ok(name) => i18n.f("wb-import-kept", &[("name", name)]),
                        Err(e) => i18n.f("wb-import-kept-unreadable", &[("reason", e)]),
                    } }</p>
                    <button type="button" class="secondary" onclick={forget_click}>{ i18n.t("wb-import-forget") }</button>
                </div>
            }
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

#[derive(Properties, PartialEq)]
pub struct ConstructionProps {
    pub route: Route,
    pub navigate: Navigate,
    pub i18n: I18n,
    /// The group columns the units carry (for imputation within a group).
    pub groups: Vec<String>,
    /// Whether the data name any denominator.
    pub denominators: bool,
    /// Downloads the index as the explorer writes it (JSON), built when asked for.
    pub download: Callback<MouseEvent>,
}

/// How an imported index is built, step by step in COINr's order; every change recomputes
/// every view and goes into the link (`pipe=`).
#[component]
pub fn ConstructionPanel(props: &ConstructionProps) -> Html {
    let i18n = &props.i18n;
    let c = &props.route.construction;
    let set = |f: fn(&mut Construction, String)| {
        let (navigate, route) = (props.navigate.clone(), props.route.clone());
        Callback::from(move |e: Event| {
            let value = match e.target_dyn_into::<HtmlInputElement>() {
                Some(input) if input.type_() == "checkbox" => input.checked().to_string(),
                Some(input) => input.value(),
                None => e
                    .target_dyn_into::<web_sys::HtmlSelectElement>()
                    .map(|s| s.value())
                    .unwrap_or_default(),
            };
            let mut next = route.clone();
            f(&mut next.construction, value);
            navigate.emit((next, false));
        })
    };
    let impute_value = match &c.impute {
        None => "none".to_string(),
        Some(None) => "mean".to_string(),
        Some(Some(g)) => format!("group:{g}"),
    };
    let option = |value: String, label: String, current: &str| {
        let selected = value == current;
        html! { <option {selected} {value}>{ label }</option> }
    };
    let screen_value = c.screen.map_or("none".to_string(), |s| s.to_string());
    let download = props.download.clone();
    html! {
        <details class="wb-construct" open=true>
            <summary><h3>{ i18n.t("wb-build-title") }</h3></summary>
            <p>{ i18n.t("wb-build-intro") }</p>
            <div class="wb-controls">
                <div class="field">
                    <label class="choice">
                        <input type="checkbox" id="wb-build-den" checked={c.denominate} disabled={!props.denominators}
                            onchange={set(|c, v| c.denominate = v == "true")} />
                        { i18n.t("wb-build-denominate") }
                    </label>
                    <label class="choice">
                        <input type="checkbox" id="wb-build-treat" checked={c.treat}
                            onchange={set(|c, v| c.treat = v == "true")} />
                        { i18n.t("wb-build-treat") }
                    </label>
                </div>
                <div class="field">
                    <label for="wb-build-impute">{ i18n.t("wb-build-impute") }</label>
                    <select id="wb-build-impute" onchange={set(|c, v| {
                        c.impute = match v.as_str() {
                            "none" => None,
                            "mean" => Some(None),
                            other => other.strip_prefix("group:").map(|g| Some(g.to_string())),
                        }
                    })}>
                        { option("none".into(), i18n.t("wb-build-impute-none"), &impute_value) }
                        { option("mean".into(), i18n.t("wb-build-impute-mean"), &impute_value) }
                        { for props.groups.iter().map(|g| option(format!("group:{g}"), i18n.f("wb-build-impute-group", &[("group", g)]), &impute_value)) }
                    </select>
                </div>
                <div class="field">
                    <label for="wb-build-screen">{ i18n.t("wb-build-screen") }</label>
                    <select id="wb-build-screen" onchange={set(|c, v| c.screen = v.parse().ok().filter(|p| SCREENS.contains(p)))}>
                        { option("none".into(), i18n.t("wb-build-screen-none"), &screen_value) }
                        { for SCREENS.iter().map(|p| option(p.to_string(), i18n.f("wb-build-screen-at", &[("percent", &p.to_string())]), &screen_value)) }
                    </select>
                </div>
                <div class="field">
                    <label for="wb-build-normalise">{ i18n.t("wb-build-normalise") }</label>
                    <select id="wb-build-normalise" onchange={set(|c, v| {
                        c.normalise = Norm::ALL.into_iter().find(|n| n.slug() == v).unwrap_or_default()
                    })}>
                        { for Norm::ALL.iter().map(|n| option(n.slug().into(), i18n.t(&format!("wb-build-nrm-{}", n.slug())), c.normalise.slug())) }
                    </select>
                </div>
                <div class="field">
                    <label for="wb-build-aggregate">{ i18n.t("wb-build-aggregate") }</label>
                    <select id="wb-build-aggregate" onchange={set(|c, v| {
                        c.aggregate = Agg::ALL.into_iter().find(|a| a.slug() == v).unwrap_or_default()
                    })}>
                        { for Agg::ALL.iter().map(|a| option(a.slug().into(), i18n.t(&format!("wb-build-agg-{}", a.slug())), c.aggregate.slug())) }
                    </select>
                </div>
            </div>
            <p>
                <button type="button" class="secondary" onclick={download}>{ i18n.t("wb-build-download") }</button>
                { " " }{ i18n.t("wb-build-download-note") }
            </p>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Messages;
    use crate::link::Lang;

    /// The construction's choices are named by keys built from their slugs.
    #[test]
    fn every_choice_has_a_name_in_both_languages() {
        for lang in Lang::ALL {
            let m = Messages::load(lang);
            let keys = Norm::ALL
                .iter()
                .map(|n| format!("wb-build-nrm-{}", n.slug()))
                .chain(
                    Agg::ALL
                        .iter()
                        .map(|a| format!("wb-build-agg-{}", a.slug())),
                );
            for key in keys {
                assert_ne!(m.t(&key), key, "{lang:?}");
            }
        }
    }

    /// Every construction the panel can make goes into a link and back.
    #[test]
    fn constructions_round_trip_through_the_link() {
        for norm in Norm::ALL {
            for agg in Agg::ALL {
                for screen in [None, Some(90)] {
                    let c = Construction {
                        denominate: screen.is_some(),
                        impute: Some(Some("EurAsia_group".into())),
                        screen,
                        treat: true,
                        normalise: norm,
                        aggregate: agg,
                    };
                    assert_eq!(Construction::parse(&c.format()), Some(c.clone()));
                }
            }
        }
        assert_eq!(Construction::default().format(), "");
    }
}
