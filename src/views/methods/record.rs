//! The methods page's account of the GTI's record: how many members have a band and pillar
//! bands, and the published distribution of bands against the bands traced to a source, with
//! the slots still open.

use engine::model::Band;
use yew::prelude::*;

use crate::data::AppData;
use crate::i18n::Messages;

use super::flags::{country_name, publishers};

/// The published distribution against the bands traced to a source, and the slots still open.
pub(super) fn slots_section(data: &AppData, i18n: &Messages) -> Html {
    let gti = &data.bundle.gti;
    let Some(slots) = gti.band_slots() else {
        return html! {};
    };
    let rows = Band::ALL.iter().enumerate().map(|(i, b)| {
        let source = gti
            .distribution
            .iter()
            .find(|c| c.band == *b)
            .map(|c| publishers(data, &c.provenance.sources))
            .unwrap_or_default();
        html! {
            <tr>
                <th scope="row">{ crate::components::ranking_table::band_cell(i18n, Some(*b)) }</th>
                <td class="num">{ slots.published[i] }<span class="cell-note">{ source }</span></td>
                <td class="num">{ slots.known[i] }</td>
                <td class="num" data-testid={format!("open-{}", b.slug())}>{ slots.open[i] }</td>
            </tr>
        }
    });
    let named = slots
        .named_without_band
        .iter()
        .map(|c| country_name(data, i18n, c))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <section aria-labelledby="m-slots">
            <h2 id="m-slots">{ i18n.t("methods-slots-title") }</h2>
            <p>{ i18n.f("methods-slots-intro", &[("total", &slots.total().to_string())]) }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="slots-caption">
            <table class="compact" data-testid="slots">
                <caption id="slots-caption">{ i18n.t("methods-slots-caption") }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("col-band") }</th>
                    <th scope="col" class="num">{ i18n.t("methods-col-published") }</th>
                    <th scope="col" class="num">{ i18n.t("methods-col-known") }</th>
                    <th scope="col" class="num">{ i18n.t("methods-col-open") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
            <p>{ i18n.f("methods-slots-named", &[("countries", &named), ("unidentified", &slots.unidentified.to_string())]) }</p>
        </section>
    }
}

pub(super) fn record_text(data: &AppData, i18n: &Messages) -> String {
    let gti = &data.bundle.gti;
    let count = |f: &dyn Fn(&engine::data::GtiCountry) -> bool| {
        gti.countries.iter().filter(|c| f(c)).count().to_string()
    };
    let slots = gti.band_slots();
    i18n.f(
        "methods-gti-record",
        &[
            (
                "pillars",
                &count(&|c| c.pillars.iter().any(Option::is_some)),
            ),
            ("overall", &count(&|c| c.overall.is_some())),
            ("unbanded", &count(&|c| c.overall.is_none())),
            (
                "unidentified",
                &slots.as_ref().map_or(0, |s| s.unidentified).to_string(),
            ),
            (
                "total",
                &slots
                    .as_ref()
                    .map_or(gti.countries.len() as u32, |s| s.total())
                    .to_string(),
            ),
        ],
    )
}
