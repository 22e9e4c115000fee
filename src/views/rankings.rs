//! The rankings page: index choice, weights (GTI) or year (CSP), and the ranking table.

use engine::error::WeightError;
use engine::query::IndexId;
use engine::Scored;
use yew::prelude::*;

use crate::components::csp_table::CspTable;
use crate::components::gti_table::GtiTable;
use crate::components::index_switcher::IndexSwitcher;
use crate::components::weights_panel::WeightsPanel;
use crate::data::{Data, Shared};
use crate::i18n::{I18n, Messages};
use crate::labels;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct RankingsProps {
    pub data: Shared<Data>,
    pub index: IndexId,
    pub year: u16,
    pub weights: Vec<f64>,
    pub custom: bool,
    pub min_coverage: u8,
    pub selected: Option<String>,
    pub scored: Result<Shared<Scored>, WeightError>,
    pub methods_href: String,
    pub ondispatch: Callback<Action>,
}

fn weight_error(i18n: &Messages, e: WeightError) -> String {
    match e {
        WeightError::AllZero => i18n.t("error-weights-zero"),
        WeightError::NotFinite { .. }
        | WeightError::Negative { .. }
        | WeightError::WrongCount { .. } => i18n.t("error-weights-invalid"),
    }
}

#[component]
pub fn Rankings(props: &RankingsProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let d = props.ondispatch.clone();
    let onindex = d.reform(Action::SetIndex);
    let onyear = d.reform(Action::SetYear);
    let onweight = d.reform(|(i, v)| Action::SetWeight(i, v));
    let oncoverage = d.reform(Action::SetMinCoverage);
    let onreset = d.reform(|_| Action::ResetWeights);
    let years: Vec<u16> = props.data.bundle.csp.years().collect();
    let pillars: Vec<String> = props
        .data
        .bundle
        .gti
        .pillars
        .iter()
        .map(|p| labels::pillar(&i18n, p))
        .collect();
    let body = match props.index {
        IndexId::Gti2025 => {
            let results = match &props.scored {
                Ok(scored) => html! {
                    <>
                        <GtiTable data={props.data.clone()} scored={scored.clone()} custom={props.custom}
                            selected={props.selected.clone()} />
                        <ul class="table-notes">
                            <li>{ i18n.t("gti-note-model") }{ " " }<a href={props.methods_href.clone()}>{ i18n.t("gti-note-model-link") }</a></li>
                            <li>{ i18n.t("gti-note-differs") }</li>
                            <li>{ i18n.t("gti-note-unidentified") }</li>
                        </ul>
                    </>
                },
                Err(e) => html! {
                    <div class="notice notice-error" role="alert" data-testid="weight-error">
                        <p>{ weight_error(&i18n, *e) }</p>
                        <button type="button" onclick={d.reform(|_: MouseEvent| Action::ResetWeights)}>{ i18n.t("weights-reset") }</button>
                    </div>
                },
            };
            html! {
                <div class="layout">
                    <WeightsPanel {pillars} weights={props.weights.clone()} custom={props.custom}
                        min_coverage={props.min_coverage} {onweight} {oncoverage} {onreset} />
                    <div class="results" aria-live="off">{ results }</div>
                </div>
            }
        }
        IndexId::Csp => html! {
            <>
                <p class="hint">{ i18n.t("csp-no-weights") }</p>
                <CspTable data={props.data.clone()} year={props.year} selected={props.selected.clone()} />
                <ul class="table-notes">
                    <li>{ i18n.t("csp-note-scale") }</li>
                    <li>{ i18n.t("csp-note-missing") }{ " " }<a href={props.methods_href.clone()}>{ i18n.t("csp-note-flags-link") }</a></li>
                </ul>
            </>
        },
    };
    let intro = i18n.t(match props.index {
        IndexId::Gti2025 => "gti-intro",
        IndexId::Csp => "csp-intro",
    });
    html! {
        <>
            <h1>{ labels::index_name(&i18n, props.index) }</h1>
            <p class="intro">{ intro }</p>
            <IndexSwitcher index={props.index} year={props.year} {years} {onindex} {onyear} />
            { body }
        </>
    }
}
