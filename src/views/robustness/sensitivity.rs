//! The sensitivity of one country's score to each weight: a tornado chart, its data table, and
//! a chip per recomputed country to choose which.

use yew::prelude::*;

use crate::components::charts::tornado::Tornado;
use crate::components::link::nav_link;
use crate::explorer::use_explorer;
use crate::labels::roman;

#[component]
pub fn Sensitivity() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let robustness = ctx.robustness();
    let Some(a) = robustness.as_ref() else {
        return html! {};
    };
    let units = super::units(&ctx);
    let name_of = |iso: &str| {
        units
            .iter()
            .find(|u| u.0 == iso)
            .map_or(iso.to_string(), |u| u.1.clone())
    };
    let components = crate::standings::shape_of(
        &ctx.data,
        crate::standings::weighted_index(&ctx.data, ctx.link()),
        ctx.link().year,
    )
    .component_labels(&i18n);
    let Some(focus) = a.focus(&units, ctx.link().country.as_deref()) else {
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
            components.get(p).map_or("", String::as_str)
        )
    };
    let name = name_of(&focus);
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
    let choose = a.recomputed.iter().filter_map(|i| units.get(*i)).map(|u| {
        let iso = u.0.clone();
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
