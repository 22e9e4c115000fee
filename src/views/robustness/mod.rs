//! Robustness of the ranking: Monte Carlo weight perturbation (seeded, reproducible), exact
//! rank bounds over the same weight box, sensitivity of a country's score to each weight, and
//! the rank each aggregation rule gives. Recomputes as weights move: at once for a change made
//! after a quiet moment (a click, a key), and once a dragged slider rests
//! (`defaults::RESULTS_QUIET_MS`), the results meanwhile marked busy, so a drag costs no Monte
//! Carlo per frame.
//!
//! The page lays out its parts; the results come from `derive.rs` (memoised on the settled
//! weights and settings, spread, draws and seed), the charts from `components/charts`.

mod aggregation;
mod controls;
mod sensitivity;

use engine::model::Band;
use engine::Basis;
use yew::prelude::*;

use crate::components::charts::band_bars::BandBars;
use crate::components::charts::rank_intervals::{RankIntervals, RankRow};
use crate::components::link::link;
use crate::components::share_bar::ShareBar;
use crate::components::weights_panel::IndexWeights;
use crate::explorer::{use_explorer, Explorer};
use crate::labels;
use crate::state::Action;

/// The units of the index the weights apply to, in the order of its scores: each code and
/// name in the chosen language.
fn units(ctx: &Explorer) -> Vec<(String, String)> {
    let index = crate::standings::weighted_index(&ctx.data, ctx.link());
    crate::standings::standings_of(&ctx.data, index, ctx.link().year, None)
        .rows
        .into_iter()
        .map(|r| {
            let name = ctx.i18n.country(&r.iso3, &r.name_en).to_string();
            (r.iso3, name)
        })
        .collect()
}

fn percent(x: f64) -> String {
    format!("{:.0} %", x * 100.0)
}

#[component]
pub fn Robustness() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let (spread, draws, seed) = ctx.monte_carlo_settings();
    // The seed is always in the link, so a shared analysis reproduces exactly.
    {
        let dispatch = ctx.dispatch.clone();
        let has_seed = ctx.link().seed.is_some();
        use_effect_with(has_seed, move |has| {
            if !*has {
                dispatch.emit(Action::SetSeed(crate::defaults::SEED));
            }
        });
    }
    let robustness = ctx.robustness();
    let Some(a) = robustness.as_ref() else {
        return html! {
            <>
                <h1>{ i18n.t("robustness-title") }</h1>
                <div class="layout"><IndexWeights /><div class="results"><controls::McControls />
                    <p class="notice notice-error" role="alert">{ i18n.t("error-weights-zero") }</p></div></div>
            </>
        };
    };
    let units = units(&ctx);
    let name_of = |i: usize| units.get(i).map_or(String::new(), |u| u.1.clone());
    let rows = a.order.iter().map(|&i| {
        let u = &a.mc.units[i];
        let b = a.bounds[i];
        let o = a.current.outcomes[i];
        let iso3 = units.get(i).map(|u| u.0.clone()).unwrap_or_default();
        let to = ctx.profile(&iso3);
        let fixed = o.basis != Basis::Recomputed;
        html! {
            <tr data-iso3={iso3.clone()}>
                <th scope="row">{ link(&ctx, to, name_of(i)) }
                    if fixed { <abbr class="fixed-mark" title={i18n.t("robust-fixed")}>{ " †" }<span class="visually-hidden">{ i18n.t("robust-fixed") }</span></abbr> }</th>
                <td class="num">{ o.rank.map(|r| r.to_string()).unwrap_or_default() }</td>
                <td class="num" data-testid="median">{ u.median_rank.map(|r| r.to_string()).unwrap_or_default() }</td>
                <td class="num" data-testid="interval">{ format!("{}–{}", u.p5_rank.unwrap_or(0), u.p95_rank.unwrap_or(0)) }</td>
                <td class="num" data-testid="bounds">{ format!("{}–{}", b.best.unwrap_or(0), b.worst.unwrap_or(0)) }</td>
                { for Band::ALL.iter().map(|band| html! { <td class="num">{ percent(u.band_probability[band.index()]) }</td> }) }
            </tr>
        }
    });
    let intervals: Vec<RankRow> = a
        .order
        .iter()
        .map(|&i| {
            let u = &a.mc.units[i];
            RankRow {
                name: name_of(i),
                best: a.bounds[i].best,
                worst: a.bounds[i].worst,
                p5: u.p5_rank,
                p95: u.p95_rank,
                median: u.median_rank,
            }
        })
        .collect();
    let caption = vec![
        i18n.f(
            "robust-dot-caption",
            &[
                ("spread", &spread.to_string()),
                ("draws", &i18n.num(f64::from(draws), 0)),
                ("seed", &seed.to_string()),
            ],
        ),
        crate::captions::weights_line(&ctx),
        i18n.t(if ctx.is_custom() {
            "weights-custom"
        } else {
            "weights-official"
        }),
    ];
    let probabilities: Vec<(String, [f64; 5])> = a
        .order
        .iter()
        .map(|&i| (name_of(i), a.mc.units[i].band_probability))
        .collect();
    let band_names: Vec<String> = Band::ALL.iter().map(|b| labels::band(&i18n, *b)).collect();
    let busy = ctx.robustness_pending().to_string();
    html! {
        <>
            <h1>{ i18n.t("robustness-title") }</h1>
            <p class="intro">{ i18n.t("robust-intro") }</p>
            <div class="layout">
                <IndexWeights />
                <div class="results" aria-busy={busy}>
                    <controls::McControls />
                    <p class="hint" data-testid="mc-timing">{ i18n.f("robust-timing", &[
                        ("draws", &i18n.num(f64::from(a.mc.scored_draws()), 0)),
                        ("ms", &i18n.num(a.millis, 1)),
                    ]) }</p>
                    <ShareBar chart={Some(("rank-intervals".to_string(), format!("gti-2025-rank-intervals-seed-{seed}")))} />
                    <figure><RankIntervals rows={intervals} {caption} /><figcaption class="hint">{ i18n.t("robust-dot-legend") }</figcaption></figure>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="robust-caption">
                        <table class="ranking" id="robust-table">
                            <caption id="robust-caption"><span class="caption-text">{ i18n.f("robust-table-caption", &[("spread", &spread.to_string()), ("draws", &i18n.num(f64::from(draws), 0)), ("seed", &seed.to_string())]) }</span></caption>
                            <thead><tr>
                                <th scope="col">{ i18n.t("col-country") }</th>
                                <th scope="col" class="num">{ i18n.t("robust-col-rank") }</th>
                                <th scope="col" class="num">{ i18n.t("robust-col-median") }</th>
                                <th scope="col" class="num">{ i18n.t("robust-col-interval") }</th>
                                <th scope="col" class="num">{ i18n.t("robust-col-bounds") }</th>
                                { for Band::ALL.iter().map(|b| html! { <th scope="col" class="num">{ labels::band(&i18n, *b) }</th> }) }
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    <p class="hint">{ "† " }{ i18n.t("robust-fixed-note") }</p>
                    <h2>{ i18n.t("robust-bands-title") }</h2>
                    <figure><BandBars title={i18n.t("robust-bands-caption")} rows={probabilities} {band_names} percent={Callback::from(percent)} /></figure>
                </div>
            </div>
            <sensitivity::Sensitivity />
            <aggregation::AggregationRanks />
        </>
    }
}
