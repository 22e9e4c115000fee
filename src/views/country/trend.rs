//! The profile's trend, for a unit of the index with periods: its line over every period, and
//! each period's score, rank and change with what the record says about them (a release's
//! explanation, data-quality flags, the sources), from the standings of each period.

use engine::model::Provenance;
use yew::prelude::*;

use crate::components::charts::LineChart;
use crate::explorer::Explorer;
use crate::labels;
use crate::link::View;
use crate::standings::{standings_of, table_rows};

use super::source_link;

/// The section, and its chart's id and file name for the share bar; nothing for a unit the
/// index with periods does not cover.
pub(super) fn trend_section(ctx: &Explorer, iso3: &str) -> Option<(Html, (String, String))> {
    let i18n = &ctx.i18n;
    let data = &ctx.data;
    let (index, trend) = crate::standings::trend(data, ctx.link())?;
    let (periods, units) = crate::standings::series(data, index);
    let unit = units.into_iter().find(|s| s.iso3 == iso3)?;
    let name = i18n.country(&unit.iso3, &unit.name_en).to_string();
    let title = trend.unit_caption(i18n, &name);
    // Every source of the unit's values (and of other releases' values), for one line under
    // the table.
    let mut all_sources = Provenance::default();
    let mut others: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut shape = None;
    for &period in &periods {
        let standings = standings_of(data, index, period, None);
        let Some(row) = table_rows(i18n, data, &standings)
            .into_iter()
            .find(|r| r.iso3 == iso3)
        else {
            continue;
        };
        let mut sources = Provenance::default();
        add_new(
            &mut sources.sources,
            row.items.iter().flat_map(|(_, p)| &p.sources),
        );
        add_new(&mut all_sources.sources, &sources.sources);
        others.extend(row.other_sources.iter().cloned());
        let flag = |text: &Option<String>| {
            html! { <>{ for text.iter().map(|t| html! { <span class="flag-inline">{ format!("⚠ {t}") }</span> }) }</> }
        };
        let s = &standings.shape;
        rows.push(html! {
            <tr>
                <th scope="row">{ period }</th>
                <td class="num">{ match row.score { Some(v) => i18n.num(v, s.decimals), None => i18n.t(s.missing_key) } }
                    { flag(&row.score_flag) }</td>
                <td class="num">{ row.rank.map_or_else(|| "—".into(), |r| r.to_string()) }</td>
                <td class="num">{ row.change.map_or_else(|| "—".into(), |c| i18n.signed(c, s.decimals)) }
                    { flag(&row.change_flag) }</td>
                <td>{ row.explanation.clone().unwrap_or_default() }</td>
                <td>{ source_link(ctx, &sources) }</td>
            </tr>
        });
        shape = Some(standings.shape);
    }
    add_new(&mut all_sources.sources, &others);
    let score_key = shape.map_or("col-score", |s| s.score_key);
    let caption = vec![
        title.clone(),
        i18n.f("footer-data", &[("version", &data.version)]),
    ];
    let chart_id = format!("trend-{iso3}");
    let all = ctx.with(|s| {
        s.view = View::Trends;
    });
    let section = html! {
        <section class={trend.profile_id} aria-labelledby={trend.profile_id}>
            <h2 id={trend.profile_id}>{ labels::index_name(i18n, index) }</h2>
            <figure>
                <LineChart id={chart_id.clone()} title={title.clone()}
                    years={periods} series={vec![(unit.iso3.clone(), name, "#0b5cad", unit.values)]} {caption} />
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby={trend.profile_caption_id}>
                <table class="compact">
                    <caption id={trend.profile_caption_id}><span class="caption-text">{ title }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("year") }</th>
                        <th scope="col" class="num">{ i18n.t(score_key) }</th>
                        <th scope="col" class="num">{ i18n.t("col-rank") }</th>
                        <th scope="col" class="num">{ i18n.t("col-change-first") }</th>
                        <th scope="col">{ i18n.t("profile-col-explanation") }</th>
                        <th scope="col">{ i18n.t("col-sources") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="csp-sources">{ i18n.t("profile-source") }{ ": " }{ source_link(ctx, &all_sources) }</p>
            <p class="no-print">{ crate::components::link::link(ctx, all, i18n.t("profile-all-trends")) }</p>
        </section>
    };
    Some((
        section,
        (chart_id, format!("{}-{iso3}", trend.unit_file_stem)),
    ))
}

/// Appends to `list` each of `ids` it does not hold yet, in order.
fn add_new<'a>(list: &mut Vec<String>, ids: impl IntoIterator<Item = &'a String>) {
    for id in ids {
        if !list.contains(id) {
            list.push(id.clone());
        }
    }
}
