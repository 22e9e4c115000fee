//! Each country's rank under the three aggregation rules, with how far it moves.

use yew::prelude::*;

use crate::derive::rank_shift;
use crate::explorer::use_explorer;

#[component]
pub fn AggregationRanks() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let robustness = ctx.robustness();
    let Some(a) = robustness.as_ref() else {
        return html! {};
    };
    let units = super::units(&ctx);
    let name_of = |i: usize| units.get(i).map_or(String::new(), |u| u.1.clone());
    let rows = a.order.iter().map(|&i| {
        let r = a.ranks[i];
        let cell = |x: Option<u32>| x.map_or("—".to_string(), |v| v.to_string());
        let delta = |x: Option<u32>| match rank_shift(r[0], x) {
            Some(up) if up > 0 => format!(" (▲{up})"),
            Some(down) => format!(" (▼{})", -down),
            None => String::new(),
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
        <section aria-labelledby="agg-title" aria-busy={ctx.robustness_pending().to_string()}>
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
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
