//! The simulated result beside the official and current ones, and the difference in words.

use engine::{Basis, Outcome};
use yew::prelude::*;

use crate::components::ranking_table::band_cell;
use crate::derive::Explanation;
use crate::explorer::{use_explorer, Explorer};
use crate::labels;
use crate::link::ScenarioChange;

#[derive(Properties, PartialEq)]
pub struct SimResultsProps {
    pub iso3: AttrValue,
    pub name: AttrValue,
    /// The unit's published band, where the index publishes one.
    pub official: Option<engine::Band>,
}

#[component]
pub fn SimResults(props: &SimResultsProps) -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let iso3 = props.iso3.as_str();
    let name = props.name.as_str();
    let official = props.official;
    let idx = ctx.data.member(iso3);
    let now = idx.and_then(|i| ctx.scored().as_ref().ok()?.outcomes.get(i).copied());
    let after = ctx
        .simulation()
        .as_ref()
        .as_ref()
        .and_then(|s| s.outcome(idx));
    let score_text = |o: Option<Outcome>| match o.and_then(|o| o.score.map(|s| (s, o.basis))) {
        Some((s, Basis::Recomputed)) => i18n.num(s, 1),
        Some((s, _)) => format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")),
        None => "—".into(),
    };
    let rank_text = |o: Option<Outcome>| {
        o.and_then(|o| o.rank)
            .map_or("—".to_string(), |r| r.to_string())
    };
    let my_changes: Vec<&ScenarioChange> = ctx
        .link()
        .scenario
        .iter()
        .filter(|c| c.iso3 == iso3)
        .collect();
    let explanation = explain(&ctx, iso3, now, after, &my_changes);
    html! {
        <section aria-labelledby="sim-result">
            <h2 id="sim-result">{ i18n.t("simulate-result") }</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sim-results-caption">
                <table class="ranking sim-results" data-testid="sim-results">
                    <caption id="sim-results-caption"><span class="caption-text">{ i18n.f("simulate-results-caption", &[("country", name)]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("compare-measure") }</th>
                        <th scope="col">{ i18n.t("simulate-official") }</th>
                        <th scope="col">{ i18n.t(if ctx.is_custom() { "simulate-current-custom" } else { "simulate-current" }) }</th>
                        <th scope="col">{ i18n.t("simulate-simulated") }</th>
                    </tr></thead>
                    <tbody>
                        <tr><th scope="row">{ i18n.t("col-score") }</th><td>{ "—" }</td><td class="num">{ score_text(now) }</td><td class="num" data-testid="sim-score">{ score_text(after) }</td></tr>
                        <tr><th scope="row">{ i18n.t("col-band") }</th><td>{ band_cell(&i18n, official) }</td><td>{ band_cell(&i18n, now.and_then(|o| o.band)) }</td><td data-testid="sim-band">{ band_cell(&i18n, after.and_then(|o| o.band)) }</td></tr>
                        <tr><th scope="row">{ i18n.t("col-rank") }</th><td>{ "—" }</td><td class="num">{ rank_text(now) }</td><td class="num" data-testid="sim-rank">{ rank_text(after) }</td></tr>
                    </tbody>
                </table>
            </div>
            <div class="explanation" data-testid="sim-explanation" aria-live="polite">{ explanation }</div>
        </section>
    }
}

/// The difference in words: each change's contribution, then the band and rank outcome.
fn explain(
    ctx: &Explorer,
    iso3: &str,
    now: Option<Outcome>,
    after: Option<Outcome>,
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
    let e = Explanation::new(&ctx.data, &ctx.derived, iso3, changes, now, after);
    let labels = super::shape(ctx).component_labels(i18n);
    let parts = e.effects.iter().map(|c| {
        let pillar = labels.get(c.pillar).cloned().unwrap_or_default();
        let text = match (c.from, c.delta) {
            (Some(f), Some(delta)) => i18n.f(
                "simulate-part",
                &[
                    ("pillar", &pillar),
                    ("from", &i18n.num(f, 0)),
                    ("to", &i18n.num(c.to, 0)),
                    ("weight", &i18n.num(c.weight, 1)),
                    ("total", &i18n.num(e.total_weight, 1)),
                    ("delta", &i18n.signed(delta, 2)),
                ],
            ),
            _ => i18n.f(
                "simulate-part-plain",
                &[("pillar", &pillar), ("to", &labels::band(i18n, c.band))],
            ),
        };
        html! { <li>{ text }</li> }
    });
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
                ("delta", &i18n.signed(e.score_delta, 2)),
                ("from", &i18n.num(now.score.unwrap_or(0.0), 2)),
                ("to", &i18n.num(after.score.unwrap_or(0.0), 2)),
            ]) }</p>
            <ul>{ for parts }</ul>
            <p>{ band_text }{ " " }{ rank_text }</p>
            if !e.arithmetic {
                <p class="hint">{ i18n.t("simulate-nonlinear") }</p>
            }
        </>
    }
}
