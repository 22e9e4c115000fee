//! The scenario editor: one select per pillar of the chosen country, "as published" or a band.

use engine::model::Band;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::captions::weights_line;
use crate::components::link::link;
use crate::components::ranking_table::band_cell;
use crate::explorer::use_explorer;
use crate::labels;
use crate::labels::roman;
use crate::link::{ScenarioChange, View};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ScenarioEditorProps {
    pub iso3: AttrValue,
    pub name: AttrValue,
}

#[component]
pub fn ScenarioEditor(props: &ScenarioEditorProps) -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let iso3 = props.iso3.to_string();
    let record = super::unit_record(&ctx, &iso3);
    if !record.member {
        return html! {};
    }
    let scenario = ctx.link().scenario.clone();
    let labels = super::shape(&ctx).component_labels(&i18n);
    let editors = labels.iter().enumerate().map(|(i, label)| {
        let published = record.components.get(i).copied().flatten();
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
                <th scope="row"><label for={id.clone()}>{ format!("{}. {}", roman(i + 1), label) }</label></th>
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
    let rankings = ctx.with(|s| s.view = View::Rankings);
    html! {
        <section aria-labelledby="sim-edit">
            <h2 id="sim-edit">{ i18n.f("simulate-edit", &[("country", &props.name)]) }</h2>
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
            <p class="hint">{ weights_line(&ctx) }{ " " }{ link(&ctx, rankings, i18n.t("simulate-change-weights")) }</p>
        </section>
    }
}
