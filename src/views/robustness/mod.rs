//! Robustness of the ranking: Monte Carlo weight perturbation (seeded, reproducible), exact
//! rank bounds over the same weight box, sensitivity of a country's score to each weight, and
//! the rank each aggregation rule gives. Recomputes live as weights move.

use engine::model::Band;
use engine::robustness::{self, McSettings};
use engine::Basis;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::charts::chart_svg;
use crate::components::link::Link;
use crate::components::share_bar::ShareBar;
use crate::components::weights_panel::GtiWeights;
use crate::explorer::{use_explorer, Explorer};
use crate::labels;
use crate::labels::roman;
use crate::map::band_fill;
use crate::state::Action;

pub const DEFAULT_SEED: u64 = 2025;
pub const DEFAULT_SPREAD: u8 = 50;
pub const DEFAULT_DRAWS: u32 = 10_000;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Everything computed for the view, with how long the Monte Carlo took.
#[derive(PartialEq)]
struct Analysis {
    mc: robustness::McResult,
    bounds: Vec<robustness::RankBounds>,
    ranks: Vec<[Option<u32>; 3]>,
    current: engine::Scored,
    millis: f64,
}

fn analyse(ctx: &Explorer, spread: f64, draws: u32, seed: u64) -> Option<Analysis> {
    let model = &ctx.data.model;
    let w = ctx.weights();
    let s = ctx.settings();
    let start = now_ms();
    let mc = robustness::monte_carlo(
        model,
        &w,
        &s,
        &McSettings {
            spread,
            draws,
            seed,
        },
    )
    .ok()?;
    let millis = now_ms() - start;
    let bounds = robustness::rank_bounds(model, &w, &s, spread).ok()?;
    let ranks = robustness::rank_changes(model, &w, &s).ok()?;
    let current = model.score(&w, &s).ok()?;
    Some(Analysis {
        mc,
        bounds,
        ranks,
        current,
        millis,
    })
}

#[component]
pub fn Robustness() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let view = ctx.link().clone();
    let spread = view.spread.unwrap_or(DEFAULT_SPREAD);
    let draws = view.draws.unwrap_or(DEFAULT_DRAWS);
    let seed = view.seed.unwrap_or(DEFAULT_SEED);
    // The seed is always in the link, so a shared analysis reproduces exactly.
    {
        let dispatch = ctx.dispatch.clone();
        let has_seed = view.seed.is_some();
        use_effect_with(has_seed, move |has| {
            if !*has {
                dispatch.emit(Action::SetSeed(DEFAULT_SEED));
            }
        });
    }
    let analysis = {
        let ctx2 = ctx.clone();
        use_memo(
            (
                ctx.weights(),
                view.min_coverage,
                view.aggregation,
                spread,
                draws,
                seed,
            ),
            move |_| analyse(&ctx2, f64::from(spread) / 100.0, draws, seed),
        )
    };
    let d = ctx.dispatch.clone();
    let weights_panel = html! {
        <GtiWeights />
    };
    let onspread = d.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetSpread(input.value().parse().unwrap_or(DEFAULT_SPREAD))
    });
    let ondraws = d.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetDraws(s.value().parse().unwrap_or(DEFAULT_DRAWS))
    });
    let onseed = d.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetSeed(input.value().trim().parse().unwrap_or(DEFAULT_SEED))
    });
    let onnewseed = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            // A fresh seed from the clock: reproducible afterwards, since it goes in the link.
            let n = (js_sys::Date::now() as u64) % 1_000_000;
            d.emit(Action::SetSeed(n));
        })
    };
    let controls = html! {
        <div class="rob-controls">
            <div class="slider">
                <label for="mc-spread">{ i18n.t("robust-spread") }</label>
                <div class="slider-row">
                    <input type="range" id="mc-spread" min="0" max="100" step="5" value={spread.to_string()} oninput={onspread}
                        aria-describedby="mc-spread-value" />
                    <output id="mc-spread-value" for="mc-spread">{ format!("± {spread} %") }</output>
                </div>
            </div>
            <div class="field">
                <label for="mc-draws">{ i18n.t("robust-draws") }</label>
                <select id="mc-draws" onchange={ondraws}>
                    { for [1_000u32, 10_000, 50_000].iter().map(|n| html! {
                        <option value={n.to_string()} selected={*n == draws}>{ i18n.num(f64::from(*n), 0) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="mc-seed">{ i18n.t("robust-seed") }</label>
                <div class="inline">
                    <input id="mc-seed" type="number" min="0" step="1" inputmode="numeric" value={seed.to_string()} onchange={onseed} />
                    <button type="button" class="secondary" onclick={onnewseed}>{ i18n.t("robust-new-seed") }</button>
                </div>
            </div>
        </div>
    };
    let Some(a) = analysis.as_ref() else {
        return html! {
            <>
                <h1>{ i18n.t("robustness-title") }</h1>
                <div class="layout">{ weights_panel }<div class="results">{ controls }
                    <p class="notice notice-error" role="alert">{ i18n.t("error-weights-zero") }</p></div></div>
            </>
        };
    };
    let model = &ctx.data.model;
    let name_of = |i: usize| {
        model
            .units
            .get(i)
            .and_then(|u| ctx.data.bundle.gti.country(&u.iso3))
            .map_or(String::new(), |c| {
                labels::localised(&i18n, &c.name_en, &c.name_ru).to_string()
            })
    };
    // Ranked countries in current order.
    let order: Vec<usize> = a
        .current
        .order
        .iter()
        .copied()
        .filter(|i| a.current.outcomes[*i].rank.is_some())
        .collect();
    let n = order.len() as f64;
    let pct = |x: f64| format!("{:.0} %", x * 100.0);
    let rows = order.iter().map(|&i| {
        let u = &a.mc.units[i];
        let b = a.bounds[i];
        let o = a.current.outcomes[i];
        let iso3 = model.units[i].iso3.clone();
        let to = ctx.profile(&iso3);
        let fixed = o.basis != Basis::Recomputed;
        html! {
            <tr data-iso3={iso3.clone()}>
                <th scope="row"><Link {to}>{ name_of(i) }</Link>
                    if fixed { <abbr class="fixed-mark" title={i18n.t("robust-fixed")}>{ " †" }<span class="visually-hidden">{ i18n.t("robust-fixed") }</span></abbr> }</th>
                <td class="num">{ o.rank.map(|r| r.to_string()).unwrap_or_default() }</td>
                <td class="num" data-testid="median">{ u.median_rank.map(|r| r.to_string()).unwrap_or_default() }</td>
                <td class="num" data-testid="interval">{ format!("{}–{}", u.p5_rank.unwrap_or(0), u.p95_rank.unwrap_or(0)) }</td>
                <td class="num" data-testid="bounds">{ format!("{}–{}", b.best.unwrap_or(0), b.worst.unwrap_or(0)) }</td>
                { for Band::ALL.iter().map(|band| html! { <td class="num">{ pct(u.band_probability[band.index()]) }</td> }) }
            </tr>
        }
    });
    // Dot plot: ranks on x, countries on y; bar = exact bounds, thick = 5-95 %, dot = median.
    let (w, row_h, left) = (720.0, 22.0, 170.0);
    let h = 30.0 + row_h * n;
    let x = |r: f64| left + (w - left - 20.0) * (r - 1.0) / (n - 1.0).max(1.0);
    let dots = order.iter().enumerate().map(|(k, &i)| {
        let u = &a.mc.units[i];
        let b = a.bounds[i];
        let y = 20.0 + row_h * k as f64 + row_h / 2.0;
        let best = f64::from(b.best.unwrap_or(1));
        let worst = f64::from(b.worst.unwrap_or(1));
        let p5 = f64::from(u.p5_rank.unwrap_or(1));
        let p95 = f64::from(u.p95_rank.unwrap_or(1));
        let med = f64::from(u.median_rank.unwrap_or(1));
        html! {
            <g>
                <text x={(left - 8.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end" font-size="12" fill="#1c1f24">{ name_of(i) }</text>
                <line x1={format!("{:.1}", x(best))} x2={format!("{:.1}", x(worst))} y1={y.to_string()} y2={y.to_string()} stroke="#9aa3b0" stroke-width="2" />
                <line x1={format!("{:.1}", x(best))} x2={format!("{:.1}", x(best))} y1={(y - 5.0).to_string()} y2={(y + 5.0).to_string()} stroke="#9aa3b0" stroke-width="2" />
                <line x1={format!("{:.1}", x(worst))} x2={format!("{:.1}", x(worst))} y1={(y - 5.0).to_string()} y2={(y + 5.0).to_string()} stroke="#9aa3b0" stroke-width="2" />
                <line x1={format!("{:.1}", x(p5))} x2={format!("{:.1}", x(p95))} y1={y.to_string()} y2={y.to_string()} stroke="#0b5cad" stroke-width="6" stroke-linecap="round" />
                <circle cx={format!("{:.1}", x(med))} cy={y.to_string()} r="5" fill="#ffffff" stroke="#1c1f24" stroke-width="2" />
            </g>
        }
    });
    let ticks = (1..=order.len()).map(|r| html! {
        <text x={format!("{:.1}", x(r as f64))} y="12" text-anchor="middle" font-size="11" fill="#4a515c">{ r }</text>
    });
    let caption = [
        i18n.f(
            "robust-dot-caption",
            &[
                ("spread", &spread.to_string()),
                ("draws", &i18n.num(f64::from(draws), 0)),
                ("seed", &seed.to_string()),
            ],
        ),
        crate::captions::weights_line(&ctx),
        i18n.t(if ctx.state.is_custom() {
            "weights-custom"
        } else {
            "weights-official"
        }),
    ];
    let dot_plot = chart_svg(
        "rank-intervals",
        &caption[0],
        w,
        h + 20.0 + 16.0 * caption.len() as f64,
        html! {
            <>
                { for ticks }
                { for dots }
                { for caption.iter().enumerate().map(|(k, l)| html! {
                    <text x="8" y={(h + 16.0 + 16.0 * k as f64).to_string()} font-size="12" fill="#4a515c">{ l }</text>
                }) }
            </>
        },
    );
    // Band probability bars.
    let bar_w = 420.0;
    let bars = order.iter().enumerate().map(|(k, &i)| {
        let u = &a.mc.units[i];
        let y = 10.0 + row_h * k as f64;
        let mut x0 = left;
        let segs = Band::ALL.iter().filter_map(|b| {
            let p = u.band_probability[b.index()];
            (p > 0.0).then(|| {
                let wseg = bar_w * p;
                let seg = html! {
                    <rect x={format!("{x0:.1}")} y={y.to_string()} width={format!("{wseg:.1}")} height={(row_h - 6.0).to_string()} fill={band_fill(*b)}>
                        <title>{ format!("{}: {}", labels::band(&i18n, *b), pct(p)) }</title>
                    </rect>
                };
                x0 += wseg;
                seg
            })
        }).collect::<Vec<_>>();
        html! {
            <g>
                <text x={(left - 8.0).to_string()} y={(y + 12.0).to_string()} text-anchor="end" font-size="12" fill="#1c1f24">{ name_of(i) }</text>
                { for segs }
            </g>
        }
    });
    let legend = Band::ALL.iter().rev().enumerate().map(|(k, b)| html! {
        <g>
            <rect x={(left + 90.0 * k as f64).to_string()} y={(h).to_string()} width="12" height="12" fill={band_fill(*b)} stroke="#1c1f24" stroke-width="0.5" />
            <text x={(left + 16.0 + 90.0 * k as f64).to_string()} y={(h + 10.0).to_string()} font-size="11" fill="#1c1f24">{ labels::band(&i18n, *b) }</text>
        </g>
    });
    let band_chart = chart_svg(
        "band-probabilities",
        &i18n.t("robust-bands-caption"),
        w,
        h + 24.0,
        html! { <>{ for bars }{ for legend }</> },
    );
    // Sensitivity tornado for the selected country (default: the first recomputed one).
    let recomputed: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| a.current.outcomes[*i].basis == Basis::Recomputed)
        .collect();
    let focus_iso = view
        .country
        .clone()
        .filter(|c| recomputed.iter().any(|i| model.units[*i].iso3 == *c))
        .or_else(|| recomputed.first().map(|i| model.units[*i].iso3.clone()));
    let tornado = focus_iso.as_ref().and_then(|iso| {
        let sens = robustness::sensitivity(model, &ctx.weights(), &ctx.settings(), iso).ok()?;
        let mut items: Vec<(usize, f64)> = sens.iter().copied().enumerate().collect();
        items.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        let max = items.iter().map(|(_, v)| v.abs()).fold(0.0, f64::max).max(1e-9);
        let (tw, mid) = (720.0, 460.0);
        let th = 20.0 + 24.0 * items.len() as f64;
        let bars = items.iter().enumerate().map(|(k, (p, v))| {
            let y = 10.0 + 24.0 * k as f64;
            let len = 220.0 * v.abs() / max;
            let (bx, fill) = if *v >= 0.0 { (mid, "#2166ac") } else { (mid - len, "#b2182b") };
            let pname = ctx.data.bundle.gti.pillars.get(*p).map(|x| labels::pillar(&i18n, x)).unwrap_or_default();
            let label = format!("{}. {}", roman(p + 1), pname);
            let short: String = if label.chars().count() > 52 { format!("{}…", label.chars().take(51).collect::<String>()) } else { label };
            html! {
                <g>
                    <text x="8" y={(y + 13.0).to_string()} font-size="11.5" fill="#1c1f24">{ short }</text>
                    <rect x={format!("{bx:.1}")} y={y.to_string()} width={format!("{len:.1}")} height="16" fill={fill} />
                    <text x={format!("{:.1}", if *v >= 0.0 { mid + len + 4.0 } else { mid - len - 4.0 })} y={(y + 13.0).to_string()}
                        text-anchor={if *v >= 0.0 { "start" } else { "end" }} font-size="11" fill="#1c1f24">{ i18n.signed(*v, 2) }</text>
                </g>
            }
        });
        let name = ctx.data.bundle.gti.country(iso).map_or(iso.clone(), |c| labels::localised(&i18n, &c.name_en, &c.name_ru).to_string());
        let rows = items.iter().map(|(p, v)| html! {
            <tr><th scope="row">{ format!("{}. {}", roman(p + 1), ctx.data.bundle.gti.pillars.get(*p).map(|x| labels::pillar(&i18n, x)).unwrap_or_default()) }</th>
                <td class="num">{ i18n.signed(*v, 3) }</td></tr>
        });
        let choose = recomputed.iter().map(|i| {
            let iso = model.units[*i].iso3.clone();
            let to = ctx.with(|s| s.country = Some(iso.clone()));
            html! { <li><Link {to} current={Some(&iso) == focus_iso.as_ref()}>{ name_of(*i) }</Link></li> }
        });
        Some(html! {
            <section aria-labelledby="tornado-title">
                <h2 id="tornado-title">{ i18n.f("robust-tornado-title", &[("country", &name)]) }</h2>
                <p class="hint">{ i18n.t("robust-tornado-intro") }</p>
                <ul class="chips">{ for choose }</ul>
                { chart_svg(
                    "tornado",
                    &i18n.f("robust-tornado-title", &[("country", &name)]),
                    tw,
                    th,
                    html! {
                        <>
                            <line x1={mid.to_string()} x2={mid.to_string()} y1="4" y2={(th - 4.0).to_string()} stroke="#4a515c" />
                            { for bars }
                        </>
                    },
                ) }
                <details class="data-table"><summary>{ i18n.t("trends-table") }</summary>
                    <table class="compact" id="tornado-table">
                        <caption>{ i18n.f("robust-tornado-title", &[("country", &name)]) }</caption>
                        <thead><tr><th scope="col">{ i18n.t("simulate-pillar") }</th><th scope="col" class="num">{ i18n.t("robust-derivative") }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </details>
            </section>
        })
    });
    let agg_rows = order.iter().map(|&i| {
        let r = a.ranks[i];
        let cell = |x: Option<u32>| x.map_or("—".to_string(), |v| v.to_string());
        let base = r[0];
        let delta = |x: Option<u32>| match (base, x) {
            (Some(b), Some(v)) if v != b => format!(
                " ({})",
                if v < b {
                    format!("▲{}", b - v)
                } else {
                    format!("▼{}", v - b)
                }
            ),
            _ => String::new(),
        };
        html! {
            <tr>
                <th scope="row">{ name_of(i) }</th>
                <td class="num">{ cell(r[0]) }</td>
                <td class="num">{ format!("{}{}", cell(r[1]), delta(r[1])) }</td>
                <td class="num">{ format!("{}{}", cell(r[2]), delta(r[2])) }</td>
            </tr>
        }
    });
    html! {
        <>
            <h1>{ i18n.t("robustness-title") }</h1>
            <p class="intro">{ i18n.t("robust-intro") }</p>
            <div class="layout">
                { weights_panel }
                <div class="results">
                    { controls }
                    <p class="hint" data-testid="mc-timing">{ i18n.f("robust-timing", &[
                        ("draws", &i18n.num(f64::from(a.mc.scored_draws()), 0)),
                        ("ms", &i18n.num(a.millis, 1)),
                    ]) }</p>
                    <ShareBar chart={Some(("rank-intervals".to_string(), format!("gti-2025-rank-intervals-seed-{seed}")))} />
                    <figure>{ dot_plot }<figcaption class="hint">{ i18n.t("robust-dot-legend") }</figcaption></figure>
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
                    <figure>{ band_chart }</figure>
                </div>
            </div>
            { for tornado }
            <section aria-labelledby="agg-title">
                <h2 id="agg-title">{ i18n.t("robust-agg-title") }</h2>
                <p>{ i18n.t("robust-agg-intro") }</p>
                <ul>
                    <li><strong>{ i18n.t("agg-arithmetic") }</strong>{ ": " }{ i18n.t("robust-agg-arithmetic") }</li>
                    <li><strong>{ i18n.t("agg-geometric") }</strong>{ ": " }{ i18n.t("robust-agg-geometric") }</li>
                    <li><strong>{ i18n.t("agg-minimum") }</strong>{ ": " }{ i18n.t("robust-agg-minimum") }</li>
                </ul>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="agg-caption">
                    <table class="compact" id="agg-table">
                        <caption id="agg-caption"><span class="caption-text">{ i18n.t("robust-agg-caption") }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("col-country") }</th>
                            <th scope="col" class="num">{ i18n.t("agg-arithmetic") }</th>
                            <th scope="col" class="num">{ i18n.t("agg-geometric") }</th>
                            <th scope="col" class="num">{ i18n.t("agg-minimum") }</th>
                        </tr></thead>
                        <tbody>{ for agg_rows }</tbody>
                    </table>
                </div>
            </section>
        </>
    }
}
