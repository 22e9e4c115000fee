//! The profile's CSP trend: each year's score, rank and change, and the release's explanation.

use engine::model::Provenance;
use yew::prelude::*;

use crate::components::charts::LineChart;
use crate::explorer::Explorer;
use crate::link::View;

use super::source_link;

pub(super) fn csp_section(ctx: &Explorer, iso3: &str) -> Html {
    let i18n = &ctx.i18n;
    let csp = &ctx.data.bundle.csp;
    let Some(country) = csp.country(iso3) else {
        return html! {};
    };
    let name = i18n.country(&country.iso3, &country.name_en).to_string();
    let years: Vec<u16> = csp.years().collect();
    let values: Vec<Option<f64>> = years
        .iter()
        .map(|y| csp.value(iso3, *y).and_then(|v| v.value))
        .collect();
    let rows = years.iter().filter_map(|y| {
        let table = ctx.data.csp_year(*y);
        let row = table.iter().find(|r| r.iso3 == iso3)?;
        let explanation = csp.stated_changes.iter().find(|s| s.iso3 == iso3 && s.year == *y);
        let flag = ctx.data.change_checks.iter().find(|c| c.iso3 == iso3 && c.year == *y && !c.consistent());
        let alt = csp.alternatives.iter().find(|a| a.iso3 == iso3 && a.year == *y);
        Some(html! {
            <tr>
                <th scope="row">{ y }</th>
                <td class="num">{ match row.value { Some(v) => i18n.num(v, 2), None => i18n.t("csp-missing") } }
                    { for alt.and_then(|a| a.value).map(|v| html! { <span class="flag-inline">{ format!("⚠ {}", i18n.f("flag-releases-short", &[("other", &i18n.num(v, 2))])) }</span> }) }</td>
                <td class="num">{ row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()) }</td>
                <td class="num">{ row.change.map(|c| i18n.signed(c, 2)).unwrap_or_else(|| "—".into()) }
                    { for flag.map(|c| html! { <span class="flag-inline">{ format!("⚠ {}", i18n.f("flag-stated-short", &[("stated", &i18n.signed(c.stated, 2))])) }</span> }) }</td>
                <td>{ explanation.map(|e| i18n.text(&e.explanation_en).to_string()).unwrap_or_default() }</td>
                <td>{ source_link(ctx, &row.provenance) }</td>
            </tr>
        })
    });
    let caption = vec![
        i18n.f("trend-caption", &[("country", &name)]),
        i18n.f("footer-data", &[("version", &ctx.data.version)]),
    ];
    // Every source of this country's values, for one line under the table.
    let mut csp_provenance = Provenance::default();
    for v in csp
        .values
        .iter()
        .chain(&csp.alternatives)
        .filter(|v| v.iso3 == iso3)
    {
        for s in &v.provenance.sources {
            if !csp_provenance.sources.contains(s) {
                csp_provenance.sources.push(s.clone());
            }
        }
    }
    let link_csp = ctx.with(|s| {
        s.view = View::Trends;
    });
    html! {
        <section class="p-csp" aria-labelledby="p-csp">
            <h2 id="p-csp">{ i18n.t("index-csp") }</h2>
            <figure>
                <LineChart id={format!("trend-{iso3}")} title={i18n.f("trend-caption", &[("country", &name)])}
                    years={years.clone()} series={vec![(iso3.to_string(), name.clone(), "#0b5cad", values)]} {caption} />
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="csp-profile-caption">
                <table class="compact">
                    <caption id="csp-profile-caption"><span class="caption-text">{ i18n.f("trend-caption", &[("country", &name)]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("year") }</th>
                        <th scope="col" class="num">{ i18n.t("col-csp-score") }</th>
                        <th scope="col" class="num">{ i18n.t("col-rank") }</th>
                        <th scope="col" class="num">{ i18n.t("col-change-first") }</th>
                        <th scope="col">{ i18n.t("profile-col-explanation") }</th>
                        <th scope="col">{ i18n.t("col-sources") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="csp-sources">{ i18n.t("profile-source") }{ ": " }{ source_link(ctx, &csp_provenance) }</p>
            <p class="no-print">{ crate::components::link::link(ctx, link_csp, i18n.t("profile-all-trends")) }</p>
        </section>
    }
}
