//! The sensitivity of one country's score to each weight: a tornado chart, its data table, and
//! a chip per recomputed country to choose which.

use yew::prelude::*;

use crate::components::charts::tornado::Tornado;
use crate::components::link::nav_link;
use crate::explorer::use_explorer;
use crate::labels;
use crate::labels::roman;

#[component]
pub fn Sensitivity() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let robustness = ctx.robustness();
    let Some(a) = robustness.as_ref() else {
        return html! {};
    };
    let gti = &ctx.data.bundle.gti;
    let name_of = |iso: &str| labels::gti_country(&i18n, gti, iso);
    let Some(focus) = a.focus(&ctx.data, ctx.link().country.as_deref()) else {
        return html! {};
    };
    let sensitivity = ctx.sensitivity(&focus);
    let Some(items) = sensitivity.as_ref() else {
        return html! {};
    };
    let pillar = |p: usize| {
        format!(
            "{}. {}",
            roman(p + 1),
            gti.pillars
                .get(p)
                .map(|x| labels::pillar(&i18n, x))
                .unwrap_or_default()
        )
    };
    let name = gti.country(&focus).map_or(focus.clone(), |c| {
        i18n.country(&c.iso3, &c.name_en).to_string()
    });
    let title = i18n.f("robust-tornado-title", &[("country", &name)]);
    let bars: Vec<(String, f64, String)> = items
        .iter()
        .map(|(p, v)| (pillar(*p), *v, i18n.signed(*v, 2)))
        .collect();
    let rows = items.iter().map(|(p, v)| {
        html! {
            <tr><th scope="row">{ pillar(*p) }</th>
                <td class="num">{ i18n.signed(*v, 3) }</td></tr>
        }
    });
    let choose = a
        .recomputed
        .iter()
        .filter_map(|i| gti.countries.get(*i))
        .map(|c| {
            let iso = c.iso3.clone();
            let to = ctx.with(|s| s.country = Some(iso.clone()));
            html! { <li>{ nav_link(&ctx, to, iso == focus, name_of(&iso)) }</li> }
        });
    html! {
        <section aria-labelledby="tornado-title">
            <h2 id="tornado-title">{ title.clone() }</h2>
            <p class="hint">{ i18n.t("robust-tornado-intro") }</p>
            <ul class="chips">{ for choose }</ul>
            <Tornado title={title.clone()} items={bars} />
            <details class="data-table"><summary>{ i18n.t("trends-table") }</summary>
                <table class="compact" id="tornado-table">
                    <caption>{ title }</caption>
                    <thead><tr><th scope="col">{ i18n.t("simulate-pillar") }</th><th scope="col" class="num">{ i18n.t("robust-derivative") }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </details>
        </section>
    }
}
