//! The trend of the index with periods (the CSP Index): every country in every year as a line chart, a slope chart between two chosen
//! years, the biggest movers, each with a data table; missing years stay gaps.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::charts::{series, LineChart, SlopeChart};
use crate::components::link::link;
use crate::components::share_bar::ShareBar;
use crate::explorer::use_explorer;
use crate::state::Action;

#[component]
pub fn Trends() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let index = crate::standings::trend_index(&ctx.data, ctx.link());
    let (years, series) = series(&ctx.data, index, &i18n);
    let first = years
        .first()
        .copied()
        .unwrap_or(crate::link::Limits::bundled().first_year);
    let last = crate::defaults::year(&ctx.data);
    let from = ctx.link().from.unwrap_or(first);
    let to = ctx.link().to.unwrap_or(last);
    let line_caption = vec![
        i18n.t("trends-line-caption"),
        i18n.f("footer-data", &[("version", &ctx.data.version)]),
    ];
    let line_series: Vec<_> = series
        .iter()
        .map(|s| (s.iso3.clone(), s.name.clone(), s.color, s.values.clone()))
        .collect();
    let idx = |y: u16| years.iter().position(|x| *x == y);
    let (fi, ti) = (idx(from), idx(to));
    let mut slope_rows = Vec::new();
    let mut not_both = Vec::new();
    let mut movers = Vec::new();
    for s in &series {
        match (fi.and_then(|i| s.values[i]), ti.and_then(|i| s.values[i])) {
            (Some(a), Some(b)) => {
                slope_rows.push((s.name.clone(), s.color, a, b));
                movers.push((s.iso3.clone(), s.name.clone(), a, b, b - a));
            }
            _ => not_both.push(s.name.clone()),
        }
    }
    movers.sort_by(|a, b| b.4.abs().total_cmp(&a.4.abs()).then(a.1.cmp(&b.1)));
    let slope_caption = vec![
        i18n.f(
            "trends-slope-caption",
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
        i18n.f("footer-data", &[("version", &ctx.data.version)]),
    ];
    let select = |id: &'static str, label: String, value: u16, is_from: bool| {
        let other = if is_from { to } else { from };
        let onchange = ctx.dispatch.reform(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let y = s.value().parse().ok();
            if is_from {
                Action::SetSlope(y, Some(other))
            } else {
                Action::SetSlope(Some(other), y)
            }
        });
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <select id={id} {onchange}>
                    { for years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == value}>{ y }</option> }) }
                </select>
            </div>
        }
    };
    let table_rows = series.iter().map(|s| {
        let to = ctx.profile(&s.iso3);
        html! {
            <tr>
                <th scope="row">{ link(&ctx, to, &s.name) }</th>
                { for s.values.iter().map(|v| html! {
                    <td class="num">{ match v { Some(v) => i18n.num(*v, 2), None => "—".into() } }</td>
                }) }
            </tr>
        }
    });
    let mover_rows = movers.iter().map(|(iso3, name, a, b, d)| {
        let to = ctx.profile(iso3);
        html! {
            <tr>
                <th scope="row">{ link(&ctx, to, name) }</th>
                <td class="num">{ i18n.num(*a, 2) }</td>
                <td class="num">{ i18n.num(*b, 2) }</td>
                <td class="num">{ i18n.signed(*d, 2) }</td>
            </tr>
        }
    });
    html! {
        <>
            <h1>{ i18n.t("trends-title") }</h1>
            <p class="intro">{ i18n.t("trends-intro") }</p>
            <ShareBar chart={Some(("csp-lines".to_string(), "csp-index-2019-2024".to_string()))} />
            <figure>
                <LineChart id="csp-lines" title={i18n.t("trends-line-caption")} years={years.clone()} series={line_series} caption={line_caption} />
                <figcaption class="hint">{ i18n.t("trends-gaps") }</figcaption>
            </figure>
            <details class="data-table">
                <summary>{ i18n.t("trends-table") }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="trends-caption">
                    <table class="compact">
                        <caption id="trends-caption"><span class="caption-text">{ i18n.t("trends-line-caption") }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("col-country") }</th>
                            { for years.iter().map(|y| html! { <th scope="col" class="num">{ y }</th> }) }
                        </tr></thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                </div>
            </details>

            <h2>{ i18n.t("trends-slope-title") }</h2>
            <div class="switcher">
                { select("slope-from", i18n.t("trends-from"), from, true) }
                { select("slope-to", i18n.t("trends-to"), to, false) }
            </div>
            <ShareBar chart={Some(("csp-slope".to_string(), format!("csp-index-{from}-{to}")))} embed=false />
            <figure>
                <SlopeChart id="csp-slope" title={i18n.f("trends-slope-caption", &[("from", &from.to_string()), ("to", &to.to_string())])}
                    {from} {to} rows={slope_rows} caption={slope_caption} />
                if !not_both.is_empty() {
                    <figcaption class="hint">{ i18n.f("trends-not-both", &[("countries", &not_both.join(", "))]) }</figcaption>
                }
            </figure>
            <h2>{ i18n.t("trends-movers") }</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="movers-caption">
                <table class="compact" id="movers">
                    <caption id="movers-caption"><span class="caption-text">{ i18n.f("trends-movers-caption", &[("from", &from.to_string()), ("to", &to.to_string())]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("col-country") }</th>
                        <th scope="col" class="num">{ from }</th>
                        <th scope="col" class="num">{ to }</th>
                        <th scope="col" class="num">{ i18n.t("col-change-first") }</th>
                    </tr></thead>
                    <tbody>{ for mover_rows }</tbody>
                </table>
            </div>
        </>
    }
}
