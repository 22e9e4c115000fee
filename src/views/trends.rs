//! The trend of the index with periods: every unit in every period as a line chart, a slope
//! chart between two chosen periods, the biggest movers, each with a data table; missing
//! periods stay gaps. Its titles, chart ids and file names come from the index's shape.

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
    let Some((index, trend)) = crate::standings::trend(&ctx.data, ctx.link()) else {
        // No index has periods (the data holds none): the page says only what it is for.
        return html! { <h1>{ i18n.t("nav-trends") }</h1> };
    };
    let (years, series) = series(&ctx.data, index, &i18n);
    let title = trend.spanning(&i18n, trend.title_key);
    let line_title = trend.spanning(&i18n, trend.line_key);
    let (lines_id, slope_id) = (trend.lines_id, trend.slope_id);
    let first = years
        .first()
        .copied()
        .unwrap_or(crate::link::Limits::bundled().first_year);
    let last = crate::defaults::year(&ctx.data);
    let from = ctx.link().from.unwrap_or(first);
    let to = ctx.link().to.unwrap_or(last);
    let line_caption = vec![
        line_title.clone(),
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
    engine::sort::sort_by(&mut movers, |a, b| {
        b.4.abs().total_cmp(&a.4.abs()).then(a.1.cmp(&b.1))
    });
    let slope_title = trend.slope_caption(&i18n, from, to);
    let slope_caption = vec![
        slope_title.clone(),
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
            <h1>{ title }</h1>
            <p class="intro">{ i18n.t("trends-intro") }</p>
            <ShareBar chart={Some((lines_id.to_string(), trend.file(trend.first, trend.last)))} />
            <figure>
                <LineChart id={lines_id} title={line_title.clone()} years={years.clone()} series={line_series} caption={line_caption} />
                <figcaption class="hint">{ i18n.t("trends-gaps") }</figcaption>
            </figure>
            <details class="data-table">
                <summary>{ i18n.t("trends-table") }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="trends-caption">
                    <table class="compact">
                        <caption id="trends-caption"><span class="caption-text">{ line_title }</span></caption>
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
            <ShareBar chart={Some((slope_id.to_string(), trend.file(from, to)))} embed=false />
            <figure>
                <SlopeChart id={slope_id} title={slope_title}
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
