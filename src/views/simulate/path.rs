//! "Path to a better band": the fewest one-band improvements that reach the target, every tie
//! listed with its arithmetic. The search itself is `derive.rs`'s (memoised).

use engine::model::Band;
use engine::whatif::{PathStatus, Unreachable};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::explorer::use_explorer;
use crate::labels;
use crate::labels::roman;
use crate::state::Action;

/// Solutions listed; the rest are counted.
const SHOWN: usize = 12;

#[derive(Properties, PartialEq)]
pub struct PathPanelProps {
    pub iso3: AttrValue,
    pub name: AttrValue,
}

#[component]
pub fn PathPanel(props: &PathPanelProps) -> Html {
    let ctx = use_explorer();
    let i18n = &ctx.i18n;
    let name = props.name.as_str();
    let answer = ctx.path(&props.iso3);
    let Some(answer) = answer.as_ref() else {
        return html! {};
    };
    let target = answer.target;
    let components = super::shape(&ctx).component_labels(i18n);
    let ontarget = ctx.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetTarget(Band::parse(&s.value()))
    });
    let select = html! {
        <div class="field">
            <label for="path-target">{ i18n.t("path-target") }</label>
            <select id="path-target" onchange={ontarget} disabled={answer.choices.is_empty()}>
                { for answer.choices.iter().map(|b| html! { <option value={b.slug()} selected={Some(*b) == target}>{ labels::band(i18n, *b) }</option> }) }
            </select>
        </div>
    };
    let body = match (target, &answer.result) {
        (None, _) | (_, None) => html! { <p>{ i18n.t("path-at-best") }</p> },
        (Some(_), Some(Err(_))) => html! { <p>{ i18n.t("simulate-no-result") }</p> },
        (Some(t), Some(Ok(r))) => match r.status {
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
                let items = r.solutions.iter().zip(&answer.terms).take(SHOWN).map(|(sol, terms)| {
                    let moves: Vec<String> = sol.moves.iter().map(|m| {
                        let p = components.get(m.pillar).map_or("", String::as_str);
                        format!("{} {}: {} → {}", roman(m.pillar + 1), p, labels::band(i18n, m.from), labels::band(i18n, m.to))
                    }).collect();
                    // The arithmetic: Σ w·value / Σ w with the raised values.
                    let sum = if answer.arithmetic && answer.total_weight > 0.0 {
                        let terms: Vec<String> = terms.iter().map(|(w, raised)| {
                            if (w - 1.0).abs() < 1e-12 { i18n.num(*raised, 0) } else { format!("{}×{}", i18n.num(*w, 1), i18n.num(*raised, 0)) }
                        }).collect();
                        format!("({}) / {} = {}", terms.join(" + "), i18n.num(answer.total_weight, 1), i18n.num(sol.score, 2))
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
                let more = r.solutions.len().saturating_sub(SHOWN);
                html! {
                    <div data-testid="path-result">
                        <p>{ i18n.f(if answer.repeated { "path-found-repeated" } else { "path-found" }, &[
                            ("country", name),
                            ("steps", &r.steps.to_string()),
                            ("target", &labels::band(i18n, t)),
                            ("count", &r.solutions.len().to_string()),
                            ("from", &i18n.num(r.current_score.unwrap_or(0.0), 2)),
                        ]) }</p>
                        <ol class="paths">{ for items }</ol>
                        if more > 0 {
                            <p class="hint">{ i18n.count("path-more", "n", more) }</p>
                        }
                        <p class="hint">{ i18n.t("path-method") }</p>
                    </div>
                }
            }
        },
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
