//! The profile's general information and key figures from an index's factsheet, with units,
//! periods, sources and flags.

use engine::consistency::Flag;
use engine::data::Fact;
use yew::prelude::*;

use crate::explorer::Explorer;
use crate::labels;

use super::source_link;

/// The facts of a unit's factsheet (`stem` tells apart the ids of each index's).
pub(super) fn facts_section(ctx: &Explorer, facts: &[&Fact], stem: &str) -> Html {
    let i18n = &ctx.i18n;
    let (id, caption) = (format!("p-facts-{stem}"), format!("facts-caption-{stem}"));
    if facts.is_empty() {
        return html! {
            <section class="p-facts" aria-labelledby={id.clone()}>
                <h2 id={id.clone()}>{ i18n.t("profile-facts") }</h2>
                <p class="hint">{ i18n.t("profile-no-facts") }</p>
            </section>
        };
    }
    let rows = facts.iter().map(|f| {
        let number = |t: &str| t.parse::<f64>().ok().map(|v| i18n.num(v, if v.fract() == 0.0 { 0 } else { 1 }));
        let value = match (number(&f.value), f.value.split_once('-')) {
            (Some(v), _) => v,
            (None, Some((a, b))) => match (number(a), number(b)) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => f.value.clone(),
            },
            _ => i18n.text_in(&f.value, &f.id).to_string(),
        };
        let unit = f.unit.as_deref().map(|u| i18n.text(u).to_string());
        let computed_flag = ctx.data.flags.iter().find_map(|flag| match flag {
            Flag::PrisonRateMismatch { iso3: c, computed, .. } if *c == f.iso3 && f.id == "prison_rate" => {
                Some(i18n.f("flag-prison-rate-short", &[("computed", &i18n.num(*computed, 0))]))
            }
            _ => None,
        });
        let flagged = f.provenance.note.is_some() || computed_flag.is_some();
        html! {
            <tr class={classes!(flagged.then_some("flagged"))}>
                <th scope="row">{ i18n.text(&f.label_en) }</th>
                <td class="num">{ value }{ for unit.map(|u| html! { <span class="unit">{ format!(" {u}") }</span> }) }</td>
                <td>{ f.period.clone().unwrap_or_default() }</td>
                <td>{ source_link(ctx, &f.provenance) }
                    <span class="cell-note">{ f.provenance.confidence.map(|c| labels::confidence(i18n, c)).unwrap_or_default() }</span></td>
                <td>{ for labels::note(i18n, &f.provenance).map(|n| html! { <span class="flag-note">{ format!("⚠ {n}") }</span> }) }
                    { for computed_flag.map(|n| html! { <span class="flag-note" data-testid="computed-flag">{ format!("⚠ {n}") }</span> }) }</td>
            </tr>
        }
    });
    html! {
        <section class="p-facts" aria-labelledby={id.clone()}>
            <h2 id={id}>{ i18n.t("profile-facts") }</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby={caption.clone()}>
                <table class="compact facts">
                    <caption id={caption}><span class="caption-text">{ i18n.t("profile-facts-caption") }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("profile-col-indicator") }</th>
                        <th scope="col" class="num">{ i18n.t("profile-col-value") }</th>
                        <th scope="col">{ i18n.t("profile-col-period") }</th>
                        <th scope="col">{ i18n.t("col-sources") }</th>
                        <th scope="col">{ i18n.t("profile-col-note") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="hint">{ i18n.t("profile-facts-note") }</p>
        </section>
    }
}
