//! The reform simulator: change pillar bands of a country, see the new score, band and rank
//! beside the official and current ones with the difference explained; compose changes into
//! a named scenario (saved in this browser, exported, shared by link); and find the fewest
//! one-band improvements that reach a better band, with the arithmetic shown.

use engine::model::Band;
use engine::whatif::{self, Change, PathStatus, Unreachable};
use engine::{Basis, GtiModel, Scored};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::captions::weights_line;
use crate::components::gti_table::{band_cell, GtiTable};
use crate::components::link::Link;
use crate::components::share_bar::ShareBar;
use crate::csv::Csv;
use crate::data::Shared;
use crate::explorer::{use_explorer, Explorer};
use crate::export;
use crate::labels;
use crate::labels::roman;
use crate::link::{ScenarioChange, View};
use crate::state::Action;
use crate::storage::{self, Problem, SavedScenario};
use crate::url;

/// Countries the simulator can work on: GTI members, pillar data first.
fn simulable(ctx: &Explorer) -> Vec<(String, String, bool)> {
    let i18n = &ctx.i18n;
    let mut out: Vec<(String, String, bool)> = ctx
        .data
        .bundle
        .gti
        .countries
        .iter()
        .map(|c| {
            let has = c.pillars.iter().any(Option::is_some);
            (
                c.iso3.clone(),
                labels::localised(i18n, &c.name_en, &c.name_ru).to_string(),
                has,
            )
        })
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    out
}

fn to_changes(s: &[ScenarioChange]) -> Vec<Change> {
    s.iter()
        .map(|c| Change {
            iso3: c.iso3.clone(),
            pillar: c.pillar,
            band: c.band,
        })
        .collect()
}

/// The simulated model and its scores, if the scenario and weights are usable.
fn simulate(ctx: &Explorer) -> Option<(GtiModel, Scored)> {
    let model = ctx
        .data
        .model
        .with_changes(&to_changes(&ctx.link().scenario))
        .ok()?;
    let scored = model.score(&ctx.weights(), &ctx.settings()).ok()?;
    Some((model, scored))
}

#[component]
pub fn Simulate() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let view = ctx.link().clone();
    let saved = use_state(|| storage::load(&url::LIMITS));
    let countries = simulable(&ctx);
    let iso3 = view
        .country
        .clone()
        .filter(|c| countries.iter().any(|(i, _, _)| i == c))
        .unwrap_or_else(|| "KGZ".to_string());
    let Some(country) = ctx.data.bundle.gti.country(&iso3) else {
        return html! {};
    };
    let name = labels::localised(&i18n, &country.name_en, &country.name_ru).to_string();
    let idx = ctx.data.model.index_of(&iso3);

    let onchoose = ctx.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetCountry(Some(s.value()))
    });
    let chooser = html! {
        <div class="field">
            <label for="sim-country">{ i18n.t("simulate-country") }</label>
            <select id="sim-country" onchange={onchoose}>
                { for countries.iter().map(|(c, n, has)| html! {
                    <option value={c.clone()} selected={*c == iso3}>
                        { if *has { n.clone() } else { format!("{n} ({})", i18n.t("simulate-no-pillars-short")) } }
                    </option>
                }) }
            </select>
        </div>
    };

    // Pillar editors: one select per pillar, "as published" or a band.
    let scenario = view.scenario.clone();
    let editors = ctx.data.bundle.gti.pillars.iter().enumerate().map(|(i, p)| {
        let published = country.pillars.get(i).and_then(|b| b.as_ref()).map(|b| b.value);
        let current = scenario.iter().rev().find(|c| c.iso3 == iso3 && c.pillar == i).map(|c| c.band);
        let id = format!("sim-pillar-{}", i + 1);
        let onchange = {
            let scenario = scenario.clone();
            let iso3 = iso3.clone();
            ctx.dispatch.reform(move |e: Event| {
                let s: HtmlSelectElement = e.target_unchecked_into();
                let mut next: Vec<ScenarioChange> =
                    scenario.iter().filter(|c| !(c.iso3 == iso3 && c.pillar == i)).cloned().collect();
                if let Some(b) = Band::parse(&s.value()) {
                    if Some(b) != published {
                        next.push(ScenarioChange { iso3: iso3.clone(), pillar: i, band: b });
                    }
                }
                Action::SetScenario(next)
            })
        };
        html! {
            <tr>
                <th scope="row"><label for={id.clone()}>{ format!("{}. {}", roman(i + 1), labels::pillar(&i18n, p)) }</label></th>
                <td>{ band_cell(&i18n, published) }</td>
                <td>
                    <select id={id} {onchange} class={classes!(current.is_some().then_some("changed"))}>
                        <option value="" selected={current.is_none()}>{ i18n.t("simulate-as-published") }</option>
                        { for Band::ALL.iter().rev().map(|b| html! {
                            <option value={b.slug()} selected={current == Some(*b)}>{ labels::band(&i18n, *b) }</option>
                        }) }
                    </select>
                </td>
            </tr>
        }
    });

    let sim = simulate(&ctx);
    let official = country.overall.as_ref().map(|a| a.value);
    let now = idx.and_then(|i| ctx.scored.as_ref().as_ref().ok()?.outcomes.get(i).copied());
    let after = sim
        .as_ref()
        .and_then(|(_, s)| s.outcomes.get(idx?).copied());
    let score_text =
        |o: Option<engine::Outcome>| match o.and_then(|o| o.score.map(|s| (s, o.basis))) {
            Some((s, Basis::Recomputed)) => i18n.num(s, 1),
            Some((s, _)) => format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")),
            None => "—".into(),
        };
    let rank_text = |o: Option<engine::Outcome>| {
        o.and_then(|o| o.rank)
            .map_or("—".to_string(), |r| r.to_string())
    };
    let my_changes: Vec<&ScenarioChange> = scenario.iter().filter(|c| c.iso3 == iso3).collect();
    let explanation = explain(&ctx, &iso3, now, after, &my_changes);
    let results = html! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sim-results-caption">
            <table class="ranking sim-results" data-testid="sim-results">
                <caption id="sim-results-caption"><span class="caption-text">{ i18n.f("simulate-results-caption", &[("country", &name)]) }</span></caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("compare-measure") }</th>
                    <th scope="col">{ i18n.t("simulate-official") }</th>
                    <th scope="col">{ i18n.t(if ctx.state.is_custom() { "simulate-current-custom" } else { "simulate-current" }) }</th>
                    <th scope="col">{ i18n.t("simulate-simulated") }</th>
                </tr></thead>
                <tbody>
                    <tr><th scope="row">{ i18n.t("col-score") }</th><td>{ "—" }</td><td class="num">{ score_text(now) }</td><td class="num" data-testid="sim-score">{ score_text(after) }</td></tr>
                    <tr><th scope="row">{ i18n.t("col-band") }</th><td>{ band_cell(&i18n, official) }</td><td>{ band_cell(&i18n, now.and_then(|o| o.band)) }</td><td data-testid="sim-band">{ band_cell(&i18n, after.and_then(|o| o.band)) }</td></tr>
                    <tr><th scope="row">{ i18n.t("col-rank") }</th><td>{ "—" }</td><td class="num">{ rank_text(now) }</td><td class="num" data-testid="sim-rank">{ rank_text(after) }</td></tr>
                </tbody>
            </table>
        </div>
    };

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
    let scenario_name = view.scenario_name.clone().unwrap_or_default();
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
            let view = view.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(changes) = storage::changes(&s, &url::LIMITS) {
                    let mut next = view.clone();
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
                let message = match text.map(|t| storage::parse(&t, &url::LIMITS)) {
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

    let path = path_section(&ctx, &iso3, &name);
    let simulated_table = sim.map(|(_, scored)| {
        html! {
            <section aria-labelledby="sim-ranking">
                <h2 id="sim-ranking">{ i18n.t("simulate-ranking") }</h2>
                <GtiTable data={ctx.data.clone()} scored={Shared::new(scored)} custom={ctx.state.is_custom()}
                    selected={Some(iso3.clone())} simulated={Some(if scenario_name.is_empty() { i18n.t("simulate-untitled") } else { scenario_name.clone() })} />
            </section>
        }
    });
    let rankings = ctx.with(|s| s.view = View::Rankings);
    html! {
        <>
            <h1>{ i18n.t("simulate-title") }</h1>
            <p class="intro">{ i18n.t("simulate-intro") }</p>
            <p class="badge badge-custom" data-testid="simulation-label">{ i18n.t("simulate-label") }</p>
            <div class="switcher">{ chooser }</div>
            <ShareBar csv={simulation_csv(&ctx).map(|c| ("simulation.csv".to_string(), c))} />
            if !country.pillars.iter().any(Option::is_some) {
                <p class="notice" role="status">{ i18n.f("simulate-no-pillars", &[("country", &name)]) }</p>
            }
            <div class="sim-grid">
                <section aria-labelledby="sim-edit">
                    <h2 id="sim-edit">{ i18n.f("simulate-edit", &[("country", &name)]) }</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-label={i18n.t("simulate-editor-table")}>
                        <table class="compact sim-editor">
                            <thead><tr>
                                <th scope="col">{ i18n.t("simulate-pillar") }</th>
                                <th scope="col">{ i18n.t("simulate-official") }</th>
                                <th scope="col">{ i18n.t("simulate-scenario-band") }</th>
                            </tr></thead>
                            <tbody>{ for editors }</tbody>
                        </table>
                    </div>
                    <p class="hint">{ weights_line(&ctx) }{ " " }<Link to={rankings}>{ i18n.t("simulate-change-weights") }</Link></p>
                </section>
                <section aria-labelledby="sim-result">
                    <h2 id="sim-result">{ i18n.t("simulate-result") }</h2>
                    { results }
                    <div class="explanation" data-testid="sim-explanation" aria-live="polite">{ explanation }</div>
                </section>
            </div>
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
            { path }
            { for simulated_table }
        </>
    }
}

/// The simulated ranking as CSV, labelled as a simulation in its header block.
fn simulation_csv(ctx: &Explorer) -> Option<String> {
    let (model, scored) = simulate(ctx)?;
    let i18n = &ctx.i18n;
    let mut lines = crate::captions::export_header(ctx, &i18n.t("index-gti"));
    lines.insert(1, i18n.t("simulate-label"));
    if let Some(name) = &ctx.link().scenario_name {
        lines.insert(2, format!("{}: {name}", i18n.t("simulate-name")));
    }
    lines.push(scenario_summary(ctx));
    let mut csv = Csv::new();
    csv.comments(lines).row([
        "rank",
        "iso3",
        "country",
        "simulated_score",
        "simulated_band",
        "official_band",
    ]);
    for &i in &scored.order {
        let (Some(u), Some(o)) = (model.units.get(i), scored.outcomes.get(i)) else {
            continue;
        };
        csv.row([
            o.rank.map(|r| r.to_string()).unwrap_or_default(),
            u.iso3.clone(),
            u.name.clone(),
            o.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
            o.band.map(|b| b.label().to_string()).unwrap_or_default(),
            u.published
                .map(|b| b.label().to_string())
                .unwrap_or_default(),
        ]);
    }
    Some(csv.finish())
}

/// "Victims' rights Very high → High" for every change in the scenario.
fn scenario_summary(ctx: &Explorer) -> String {
    let i18n = &ctx.i18n;
    let scenario = &ctx.link().scenario;
    if scenario.is_empty() {
        return i18n.t("simulate-empty");
    }
    let items: Vec<String> = scenario
        .iter()
        .map(|c| {
            let country = ctx.data.bundle.gti.country(&c.iso3);
            let name = country.map_or(c.iso3.clone(), |g| {
                labels::localised(i18n, &g.name_en, &g.name_ru).to_string()
            });
            let from = country
                .and_then(|g| g.pillars.get(c.pillar).cloned().flatten())
                .map_or_else(|| i18n.t("not-published"), |b| labels::band(i18n, b.value));
            format!(
                "{name}, {} {}: {from} → {}",
                i18n.t("value-pillar"),
                roman(c.pillar + 1),
                labels::band(i18n, c.band)
            )
        })
        .collect();
    i18n.f("simulate-changes", &[("changes", &items.join("; "))])
}

/// The difference in words: each change's contribution, then the band and rank outcome.
fn explain(
    ctx: &Explorer,
    iso3: &str,
    now: Option<engine::Outcome>,
    after: Option<engine::Outcome>,
    changes: &[&ScenarioChange],
) -> Html {
    let i18n = &ctx.i18n;
    let (Some(now), Some(after)) = (now, after) else {
        return html! { <p>{ i18n.t("simulate-no-result") }</p> };
    };
    if changes.is_empty() {
        return html! { <p>{ i18n.t("simulate-pick") }</p> };
    }
    if after.basis != Basis::Recomputed {
        return html! { <p>{ i18n.t("simulate-not-recomputed") }</p> };
    }
    let weights = ctx.weights();
    let unit = ctx
        .data
        .model
        .index_of(iso3)
        .and_then(|i| ctx.data.model.units.get(i));
    let total: f64 = weights
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            unit.is_some_and(|u| u.values.get(*i).copied().flatten().is_some())
                || changes.iter().any(|c| c.pillar == *i)
        })
        .map(|(_, w)| *w)
        .sum();
    let arithmetic = ctx.link().aggregation == engine::Aggregation::Arithmetic;
    let parts = changes.iter().map(|c| {
        let from = unit.and_then(|u| u.values.get(c.pillar).copied().flatten());
        let to = engine::scoring::BandScheme::GTI.midpoint(c.band);
        let w = weights.get(c.pillar).copied().unwrap_or(0.0);
        let pillar = ctx
            .data
            .bundle
            .gti
            .pillars
            .get(c.pillar)
            .map(|p| labels::pillar(i18n, p))
            .unwrap_or_default();
        let text = match (from, arithmetic && total > 0.0) {
            (Some(f), true) => i18n.f(
                "simulate-part",
                &[
                    ("pillar", &pillar),
                    ("from", &i18n.num(f, 0)),
                    ("to", &i18n.num(to, 0)),
                    ("weight", &i18n.num(w, 1)),
                    ("total", &i18n.num(total, 1)),
                    ("delta", &i18n.signed((to - f) * w / total, 2)),
                ],
            ),
            _ => i18n.f(
                "simulate-part-plain",
                &[("pillar", &pillar), ("to", &labels::band(i18n, c.band))],
            ),
        };
        html! { <li>{ text }</li> }
    });
    let delta = after.score.unwrap_or(0.0) - now.score.unwrap_or(0.0);
    let band_text = match (now.band, after.band) {
        (Some(a), Some(b)) if a == b => {
            i18n.f("simulate-band-same", &[("band", &labels::band(i18n, b))])
        }
        (Some(a), Some(b)) => i18n.f(
            "simulate-band-moves",
            &[
                ("from", &labels::band(i18n, a)),
                ("to", &labels::band(i18n, b)),
            ],
        ),
        _ => String::new(),
    };
    let rank_text = match (now.rank, after.rank) {
        (Some(a), Some(b)) if a == b => i18n.f("simulate-rank-same", &[("rank", &b.to_string())]),
        (Some(a), Some(b)) => i18n.f(
            "simulate-rank-moves",
            &[("from", &a.to_string()), ("to", &b.to_string())],
        ),
        _ => String::new(),
    };
    html! {
        <>
            <p>{ i18n.f("simulate-summary", &[
                ("delta", &i18n.signed(delta, 2)),
                ("from", &i18n.num(now.score.unwrap_or(0.0), 2)),
                ("to", &i18n.num(after.score.unwrap_or(0.0), 2)),
            ]) }</p>
            <ul>{ for parts }</ul>
            <p>{ band_text }{ " " }{ rank_text }</p>
            if !arithmetic {
                <p class="hint">{ i18n.t("simulate-nonlinear") }</p>
            }
        </>
    }
}

/// "Path to the next band": the fewest one-band improvements that reach the target.
fn path_section(ctx: &Explorer, iso3: &str, name: &str) -> Html {
    let i18n = &ctx.i18n;
    let Some(i) = ctx.data.model.index_of(iso3) else {
        return html! {};
    };
    let unit = &ctx.data.model.units[i];
    let weights = ctx.weights();
    let settings = ctx.settings();
    let current = ctx.data.model.outcome(unit, &weights, &settings);
    let default_target = current.band.and_then(Band::better);
    let target = ctx
        .link()
        .target
        .filter(|t| current.band.is_none_or(|b| *t > b))
        .or(default_target);
    let choices: Vec<Band> = Band::ALL
        .iter()
        .copied()
        .filter(|b| current.band.is_none_or(|c| *b > c))
        .collect();
    let ontarget = ctx.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetTarget(Band::parse(&s.value()))
    });
    let select = html! {
        <div class="field">
            <label for="path-target">{ i18n.t("path-target") }</label>
            <select id="path-target" onchange={ontarget} disabled={choices.is_empty()}>
                { for choices.iter().map(|b| html! { <option value={b.slug()} selected={Some(*b) == target}>{ labels::band(i18n, *b) }</option> }) }
            </select>
        </div>
    };
    let body = match target {
        None => html! { <p>{ i18n.t("path-at-best") }</p> },
        Some(t) => {
            let one = whatif::path_to_band_within(&ctx.data.model, iso3, t, &weights, &settings, 1);
            let (result, repeated) = match one {
                Ok(r)
                    if matches!(
                        r.status,
                        PathStatus::Unreachable(Unreachable::OutOfReach { .. })
                    ) =>
                {
                    (
                        whatif::path_to_band(&ctx.data.model, iso3, t, &weights, &settings),
                        true,
                    )
                }
                other => (other, false),
            };
            match result {
                Err(_) => html! { <p>{ i18n.t("simulate-no-result") }</p> },
                Ok(r) => match r.status {
                    PathStatus::AlreadyThere => html! { <p>{ i18n.t("path-already") }</p> },
                    PathStatus::Unreachable(u) => {
                        let key = match u {
                            Unreachable::NoPillarData => "path-no-data",
                            Unreachable::CoverageTooLow { .. } => "path-coverage",
                            Unreachable::NoWeightOnData => "path-no-weight",
                            Unreachable::OutOfReach { .. } => "path-out-of-reach",
                        };
                        html! { <p data-testid="path-result">{ i18n.f(key, &[("country", name)]) }</p> }
                    }
                    PathStatus::Reachable => {
                        let shown = 12;
                        let arithmetic = settings.aggregation == engine::Aggregation::Arithmetic;
                        let total_w: f64 = weights
                            .iter()
                            .zip(&unit.values)
                            .filter(|(_, v)| v.is_some())
                            .map(|(w, _)| *w)
                            .sum();
                        let items = r.solutions.iter().take(shown).map(|sol| {
                            let moves: Vec<String> = sol.moves.iter().map(|m| {
                                let p = ctx.data.bundle.gti.pillars.get(m.pillar).map(|p| labels::pillar(i18n, p)).unwrap_or_default();
                                format!("{} {}: {} → {}", roman(m.pillar + 1), p, labels::band(i18n, m.from), labels::band(i18n, m.to))
                            }).collect();
                            // The arithmetic: Σ w·value / Σ w with the raised values.
                            let sum = if arithmetic && total_w > 0.0 {
                                let terms: Vec<String> = unit.values.iter().enumerate().filter_map(|(k, v)| {
                                    let v = (*v)?;
                                    let raised = sol.moves.iter().find(|m| m.pillar == k).map_or(v, |m| m.to_value);
                                    let w = weights.get(k).copied().unwrap_or(0.0);
                                    Some(if (w - 1.0).abs() < 1e-12 { i18n.num(raised, 0) } else { format!("{}×{}", i18n.num(w, 1), i18n.num(raised, 0)) })
                                }).collect();
                                format!("({}) / {} = {}", terms.join(" + "), i18n.num(total_w, 1), i18n.num(sol.score, 2))
                            } else {
                                i18n.f("path-score", &[("score", &i18n.num(sol.score, 2))])
                            };
                            html! {
                                <li>
                                    <span>{ moves.join("; ") }</span>
                                    <span class="arith">{ sum }{ " → " }{ labels::band(i18n, sol.band) }</span>
                                </li>
                            }
                        });
                        let more = r.solutions.len().saturating_sub(shown);
                        html! {
                            <div data-testid="path-result">
                                <p>{ i18n.f(if repeated { "path-found-repeated" } else { "path-found" }, &[
                                    ("country", name),
                                    ("steps", &r.steps.to_string()),
                                    ("target", &labels::band(i18n, t)),
                                    ("count", &r.solutions.len().to_string()),
                                    ("from", &i18n.num(r.current_score.unwrap_or(0.0), 2)),
                                ]) }</p>
                                <ol class="paths">{ for items }</ol>
                                if more > 0 {
                                    <p class="hint">{ i18n.f("path-more", &[("n", &more.to_string())]) }</p>
                                }
                                <p class="hint">{ i18n.t("path-method") }</p>
                            </div>
                        }
                    }
                },
            }
        }
    };
    html! {
        <section aria-labelledby="path-title">
            <h2 id="path-title">{ i18n.t("path-title") }</h2>
            <p class="hint">{ i18n.f("path-intro", &[("country", name)]) }</p>
            <div class="switcher">{ select }</div>
            { body }
        </section>
    }
}
