//! The GTI ranking as a real table: rank, country, the explorer's score and band, the
//! published band, how the score was obtained, and the sources of every value.

use engine::model::{Band, Provenance};
use engine::{Basis, Scored};
use yew::prelude::*;

use crate::components::link::link;
use crate::components::source_list::SourceList;
use crate::data::{AppData, Shared};
use crate::explorer::use_explorer;
use crate::i18n::{I18n, Messages};
use crate::labels;

#[derive(Properties, PartialEq)]
pub struct GtiTableProps {
    pub data: Shared<AppData>,
    pub scored: Shared<Scored>,
    pub custom: bool,
    pub selected: Option<String>,
    /// The name of the scenario, when the table shows a simulation.
    #[prop_or_default]
    pub simulated: Option<String>,
}

pub fn band_cell(i18n: &Messages, band: Option<Band>) -> Html {
    match band {
        Some(b) => html! {
            <span class="band-label">
                <span class={classes!("swatch", format!("band-{}", b.slug()))} aria-hidden="true"></span>
                { labels::band(i18n, b) }
            </span>
        },
        None => html! { <span class="muted">{ i18n.t("not-published") }</span> },
    }
}

#[component]
pub fn GtiTable(props: &GtiTableProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let ctx = use_explorer();
    let data = &props.data;
    let gti = &data.bundle.gti;
    let pillar_count = gti.pillars.len();
    let rows = props.scored.order.iter().filter_map(|&i| {
        let country = gti.countries.get(i)?;
        let o = props.scored.outcomes.get(i)?;
        let name = i18n.country(&country.iso3, &country.name_en);
        let rank = match o.rank {
            Some(r) => html! { { r } },
            None => html! { <span class="muted" title={i18n.t("unranked")}>{ "—" }<span class="visually-hidden">{ i18n.t("unranked") }</span></span> },
        };
        let score = match (o.score, o.basis) {
            (Some(s), Basis::Recomputed) => html! { { i18n.num(s, 1) } },
            (Some(s), _) => html! { <>{ i18n.num(s, 0) }<span class="cell-note">{ i18n.t("score-midpoint") }</span></> },
            (None, _) => html! { <span class="muted">{ "—" }<span class="visually-hidden">{ i18n.t("not-published") }</span></span> },
        };
        let official = country.overall.as_ref().map(|a| a.value);
        let differs = o.basis == Basis::Recomputed && official.is_some() && o.band != official;
        let band = html! {
            <>
                { band_cell(&i18n, o.band) }
                if differs {
                    <span class="marker" data-testid="differs">{ i18n.t("differs-from-official") }</span>
                }
            </>
        };
        let available = country.pillars.iter().filter(|p| p.is_some()).count();
        let basis = match o.basis {
            Basis::Recomputed => i18n.f(
                "basis-recomputed",
                &[("n", &available.to_string()), ("total", &pillar_count.to_string())],
            ),
            Basis::PublishedBandOnly if available > 0 => i18n.f(
                "basis-below-coverage",
                &[("n", &available.to_string()), ("total", &pillar_count.to_string())],
            ),
            Basis::PublishedBandOnly => i18n.t("basis-published-only"),
            Basis::NotPublished => i18n.t("basis-not-published"),
        };
        let mut items: Vec<(String, Provenance)> = vec![(i18n.t("value-membership"), country.provenance.clone())];
        if let Some(a) = &country.overall {
            items.push((i18n.t("value-official-band"), a.provenance.clone()));
        }
        for (p, (band, pillar)) in country.pillars.iter().zip(&gti.pillars).enumerate() {
            if let Some(b) = band {
                items.push((
                    format!("{} {}: {}", i18n.t("value-pillar"), p + 1, labels::pillar(&i18n, pillar)),
                    b.provenance.clone(),
                ));
            }
        }
        if let Some(t) = &country.transparency {
            items.push((
                format!("{}: {}", i18n.t("value-transparency"), labels::transparency(&i18n, t.value)),
                t.provenance.clone(),
            ));
        }
        let mut notes: Vec<String> = country
            .alternatives
            .iter()
            .map(|a| {
                let value = engine::Band::parse(&a.value).map_or(a.value.clone(), |b| labels::band(&i18n, b));
                let who = a
                    .provenance
                    .sources
                    .iter()
                    .filter_map(|s| data.bundle.source(s).map(|s| s.publisher.clone()))
                    .collect::<Vec<_>>()
                    .join(", ");
                i18n.f("conflict-gti", &[("value", &value), ("who", &who)])
            })
            .collect();
        if let Some(r) = &country.reported_score {
            notes.push(i18n.f("reported-score", &[("score", &i18n.num(r.value, 0))]));
        }
        if country.membership == engine::data::Membership::ReportedIndirectly {
            notes.push(i18n.t("membership-indirect"));
        }
        let selected = props.selected.as_deref() == Some(country.iso3.as_str());
        Some(html! {
            <tr key={country.iso3.clone()} data-iso3={country.iso3.clone()} class={classes!(selected.then_some("selected"))}
                aria-current={selected.then_some("true")}>
                <td class="num">{ rank }</td>
                <th scope="row">{ link(&ctx, ctx.profile(&country.iso3), name) }</th>
                <td class="num" data-testid="score">{ score }</td>
                <td data-testid="band">{ band }</td>
                <td data-testid="official">{ band_cell(&i18n, official) }</td>
                <td class="basis">{ basis }</td>
                <td><SourceList data={props.data.clone()} {items} {notes} /></td>
            </tr>
        })
    });
    let caption = match &props.simulated {
        Some(name) => i18n.f("gti-caption-simulated", &[("name", name)]),
        None => i18n.t(if props.custom {
            "gti-caption-custom"
        } else {
            "gti-caption-official"
        }),
    };
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby={if props.simulated.is_some() { "sim-caption" } else { "gti-caption" }}>
            <table class="ranking" id={if props.simulated.is_some() { "sim-table" } else { "gti-table" }}>
                <caption id={if props.simulated.is_some() { "sim-caption" } else { "gti-caption" }}><span class="caption-text">{ caption }</span></caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{ i18n.t("col-rank") }</th>
                        <th scope="col">{ i18n.t("col-country") }</th>
                        <th scope="col" class="num">{ i18n.t("col-score") }</th>
                        <th scope="col">{ i18n.t("col-band") }</th>
                        <th scope="col">{ i18n.t("col-official-band") }</th>
                        <th scope="col">{ i18n.t("col-basis") }</th>
                        <th scope="col">{ i18n.t("col-sources") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
