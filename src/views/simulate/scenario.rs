//! The named scenario: its name, saving it in this browser, clearing it, and the saved
//! scenarios (loaded, deleted, exported and imported as a JSON file).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::explorer::use_explorer;
use crate::export;
use crate::state::Action;
use crate::storage::{self, Problem, SavedScenario};

use super::export::scenario_summary;

#[derive(Properties, PartialEq)]
pub struct ScenarioFileProps {
    pub iso3: AttrValue,
}

#[component]
pub fn ScenarioFile(props: &ScenarioFileProps) -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let link = ctx.link().clone();
    let saved = use_state(|| storage::load(&crate::link::Limits::bundled()));
    let scenario = link.scenario.clone();
    let iso3 = props.iso3.to_string();
    // Scenario name, saving, loading.
    let onname = ctx.dispatch.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let v = input.value();
        let v: String = v
            .chars()
            .filter(|c| !c.is_control())
            .take(crate::link::MAX_NAME)
            .collect();
        // Kept as typed, spaces included; the link codec trims it when a link is read.
        Action::SetScenarioName((!v.trim().is_empty()).then_some(v))
    });
    let scenario_name = link.scenario_name.clone().unwrap_or_default();
    let onsave = {
        let saved = saved.clone();
        let dispatch = ctx.dispatch.clone();
        let i18n = i18n.clone();
        let scenario = scenario.clone();
        let name = if scenario_name.is_empty() {
            i18n.t("simulate-untitled")
        } else {
            scenario_name.clone()
        };
        let iso3 = iso3.clone();
        Callback::from(move |_: MouseEvent| {
            let mut items = saved.0.clone();
            items.retain(|s| s.name != name);
            items.insert(
                0,
                SavedScenario {
                    name: name.clone(),
                    scenario: storage::encode_changes(&scenario),
                    country: iso3.clone(),
                },
            );
            items.truncate(storage::MAX_SAVED);
            let ok = storage::save(&items);
            saved.set((items, None));
            dispatch.emit(Action::Announce(Some(if ok {
                i18n.f("simulate-saved", &[("name", &name)])
            } else {
                i18n.t("simulate-save-failed")
            })));
        })
    };
    let onclear = ctx
        .dispatch
        .reform(|_: MouseEvent| Action::SetScenario(Vec::new()));
    let saved_list = saved.0.iter().map(|s| {
        let load = {
            let dispatch = ctx.dispatch.clone();
            let s = s.clone();
            let link = link.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(changes) = storage::changes(&s, &crate::link::Limits::bundled()) {
                    let mut next = link.clone();
                    next.scenario = changes;
                    next.scenario_name = Some(s.name.clone());
                    if !s.country.is_empty() {
                        next.country = Some(s.country.clone());
                    }
                    dispatch.emit(Action::Navigate(next));
                }
            })
        };
        let delete = {
            let saved = saved.clone();
            let name = s.name.clone();
            Callback::from(move |_: MouseEvent| {
                let items: Vec<SavedScenario> = saved.0.iter().filter(|x| x.name != name).cloned().collect();
                storage::save(&items);
                saved.set((items, None));
            })
        };
        html! {
            <li data-testid="saved-scenario">
                <span class="saved-name">{ &s.name }</span>
                <span class="hint">{ format!(" ({})", s.scenario.split(',').count()) }</span>
                <button type="button" class="secondary" onclick={load} aria-label={i18n.f("simulate-load-named", &[("name", &s.name)])}>{ i18n.t("simulate-load") }</button>
                <button type="button" class="secondary" onclick={delete} aria-label={i18n.f("simulate-delete-named", &[("name", &s.name)])}>{ i18n.t("simulate-delete") }</button>
            </li>
        }
    });
    let storage_notice = saved.1.map(|p| {
        let key = match p {
            Problem::Unreadable => "simulate-storage-unreadable",
            Problem::SomeSkipped => "simulate-storage-skipped",
            Problem::Unavailable => "simulate-storage-unavailable",
        };
        html! { <p class="notice" role="status" data-testid="storage-notice">{ i18n.t(key) }</p> }
    });
    let onexport = {
        let items = saved.0.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = export::download(
                "torture-index-explorer-scenarios.json",
                "application/json",
                &storage::to_json(&items),
            );
        })
    };
    let onimport = {
        let saved = saved.clone();
        let dispatch = ctx.dispatch.clone();
        let i18n = i18n.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let saved = saved.clone();
            let dispatch = dispatch.clone();
            let i18n = i18n.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = match export::chosen_file_text(input, storage::LIMIT).await {
                    Err(export::FileError::NoFile) => return,
                    other => other.ok(),
                };
                let message =
                    match text.map(|t| storage::parse(&t, &crate::link::Limits::bundled())) {
                        Some(Ok((items, skipped))) => {
                            let mut all = items.clone();
                            for s in saved.0.iter() {
                                if !all.iter().any(|x| x.name == s.name) {
                                    all.push(s.clone());
                                }
                            }
                            all.truncate(storage::MAX_SAVED);
                            storage::save(&all);
                            saved.set((all, None));
                            i18n.f(
                                if skipped {
                                    "simulate-imported-skipped"
                                } else {
                                    "simulate-imported"
                                },
                                &[("n", &items.len().to_string())],
                            )
                        }
                        _ => i18n.t("simulate-import-bad"),
                    };
                dispatch.emit(Action::Announce(Some(message)));
            });
        })
    };

    html! {
        <section aria-labelledby="sim-scenario">
            <h2 id="sim-scenario">{ i18n.t("simulate-scenario") }</h2>
            <div class="field scenario-name">
                <label for="scenario-name">{ i18n.t("simulate-name") }</label>
                <input id="scenario-name" type="text" maxlength="60" value={scenario_name.clone()} oninput={onname} />
            </div>
            <p>{ scenario_summary(&ctx) }</p>
            <div class="share-bar">
                <button type="button" onclick={onsave} disabled={scenario.is_empty()}>{ i18n.t("simulate-save") }</button>
                <button type="button" class="secondary" onclick={onclear} disabled={scenario.is_empty()}>{ i18n.t("simulate-clear") }</button>
                <button type="button" class="secondary" onclick={onexport} disabled={saved.0.is_empty()}>{ i18n.t("simulate-export") }</button>
                <label class="file-button secondary">{ i18n.t("simulate-import") }
                    <input type="file" accept="application/json,.json" onchange={onimport} data-testid="import-scenarios" /></label>
            </div>
            { for storage_notice }
            if !saved.0.is_empty() {
                <h3>{ i18n.t("simulate-saved-list") }</h3>
                <ul class="saved">{ for saved_list }</ul>
            }
        </section>
    }
}
