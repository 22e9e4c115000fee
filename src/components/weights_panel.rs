//! One slider per pillar, with its weight and effective share; the coverage threshold; reset.
//! Every `input` event recomputes: there is no apply button.

use engine::Aggregation;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::I18n;
use crate::labels::{self, roman};
use crate::link::MAX_WEIGHT;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct WeightsPanelProps {
    pub pillars: Vec<String>,
    pub weights: Vec<f64>,
    pub custom: bool,
    pub min_coverage: u8,
    pub onweight: Callback<(usize, f64)>,
    pub oncoverage: Callback<u8>,
    pub onreset: Callback<()>,
    pub aggregation: Aggregation,
    pub onaggregation: Callback<Aggregation>,
}

#[component]
pub fn WeightsPanel(props: &WeightsPanelProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let total: f64 = props.weights.iter().sum();
    let sliders = props.pillars.iter().enumerate().map(|(i, name)| {
        let w = props.weights.get(i).copied().unwrap_or_default();
        let share = if total > 0.0 { w / total * 100.0 } else { 0.0 };
        let onweight = props.onweight.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<f64>() {
                if v.is_finite() {
                    onweight.emit((i, v.clamp(0.0, MAX_WEIGHT)));
                }
            }
        });
        let id = format!("weight-{}", i + 1);
        let out_id = format!("{id}-value");
        let args = [("weight", i18n.num(w, 1)), ("share", i18n.num(share, 1))];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let value_text = i18n.f("weight-value", &args);
        let value_long = i18n.f("weight-valuetext", &args);
        html! {
            <div class="slider">
                <label for={id.clone()}>{ format!("{}. {}", roman(i + 1), name) }</label>
                <div class="slider-row">
                    <input type="range" id={id.clone()} min="0" max={MAX_WEIGHT.to_string()} step="0.5"
                        value={w.to_string()} aria-describedby={out_id.clone()}
                        aria-valuetext={value_long} {oninput} />
                    <output id={out_id} for={id}>{ value_text }</output>
                </div>
            </div>
        }
    });
    let oncoverage = {
        let cb = props.oncoverage.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<u8>() {
                cb.emit(v.min(100));
            }
        })
    };
    let onreset = props.onreset.reform(|_: MouseEvent| ());
    let onagg = props.onaggregation.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Aggregation::parse(&s.value()).unwrap_or_default()
    });
    let agg_hint = i18n.t(match props.aggregation {
        Aggregation::Arithmetic => "robust-agg-arithmetic",
        Aggregation::Geometric => "robust-agg-geometric",
        Aggregation::Minimum => "robust-agg-minimum",
    });
    let status = if props.custom {
        html! { <p class="badge badge-custom" data-testid="custom-badge">{ i18n.t("weights-custom") }</p> }
    } else {
        html! { <p class="badge badge-official">{ i18n.t("weights-official") }</p> }
    };
    let coverage_text = format!("{} %", props.min_coverage);
    html! {
        <section class="weights" aria-labelledby="weights-title">
            <h2 id="weights-title">{ i18n.t("weights-title") }</h2>
            <p class="hint">{ i18n.t("weights-hint") }</p>
            { status }
            <fieldset>
                <legend class="visually-hidden">{ i18n.t("weights-title") }</legend>
                { for sliders }
            </fieldset>
            <div class="slider">
                <label for="min-coverage">{ i18n.t("coverage-label") }</label>
                <div class="slider-row">
                    <input type="range" id="min-coverage" min="0" max="100" step="5"
                        value={props.min_coverage.to_string()} aria-describedby="min-coverage-hint"
                        oninput={oncoverage} />
                    <output for="min-coverage">{ coverage_text }</output>
                </div>
                <p class="hint" id="min-coverage-hint">{ i18n.t("coverage-hint") }</p>
            </div>
            <div class="field">
                <label for="aggregation">{ i18n.t("robust-aggregation") }</label>
                <select id="aggregation" onchange={onagg} aria-describedby="aggregation-hint">
                    { for Aggregation::ALL.iter().map(|a| html! {
                        <option value={a.slug()} selected={*a == props.aggregation}>{ i18n.t(&labels::aggregation_key(*a)) }</option>
                    }) }
                </select>
                <p class="hint" id="aggregation-hint">{ agg_hint }</p>
            </div>
            <button type="button" onclick={onreset} disabled={!props.custom && props.min_coverage == 65}>
                { i18n.t("weights-reset") }
            </button>
        </section>
    }
}

/// The weights panel of the index the weights apply to
/// ([`crate::standings::weighted_index`]), wired to the explorer's state, as the rankings and
/// robustness views use it: one slider per component its shape names.
#[component]
pub fn IndexWeights() -> Html {
    let ctx = crate::explorer::use_explorer();
    let link = ctx.link();
    let d = ctx.dispatch.clone();
    let index = crate::standings::weighted_index(&ctx.data, link);
    let shape = crate::standings::shape_of(&ctx.data, index, link.year);
    let pillars = shape.component_labels(&ctx.i18n);
    html! {
        <WeightsPanel {pillars} weights={ctx.weights()} custom={ctx.is_custom()}
            min_coverage={link.min_coverage.unwrap_or(65)}
            onweight={d.reform(|(i, v)| Action::SetWeight(i, v))}
            oncoverage={d.reform(Action::SetMinCoverage)}
            onreset={d.reform(|_| Action::ResetWeights)}
            aggregation={link.aggregation} onaggregation={d.reform(Action::SetAggregation)} />
    }
}
