//! The country card of an embed: one section per index that covers the country, read from its
//! standings and record. An index with one period shows the explorer's score and band beside
//! the published band and the record's other ratings, then each component's band; an index
//! with periods shows the latest score the unit has. A scenario, if the link carries one, is
//! shown as a simulation of the index the weights apply to.

use yew::prelude::*;

use crate::components::model_card::model_card;
use crate::components::ranking_table::band_cell;
use crate::components::source_list::SourceList;
use crate::explorer::{use_explorer, Explorer};
use crate::labels;
use crate::labels::roman;
use crate::link::IndexId;
use crate::standings;

#[component]
pub fn Card() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let iso3 = ctx
        .link()
        .country
        .clone()
        .unwrap_or_else(|| crate::defaults::COUNTRY.to_string());
    let sections: Vec<Html> = IndexId::ALL
        .into_iter()
        .filter_map(|index| section(&ctx, index, &iso3))
        .collect();
    if sections.is_empty() {
        return html! { <p class="notice" role="status">{ i18n.f("notice-unknown-country", &[("code", &iso3)]) }</p> };
    }
    html! { <div class="card-body">{ for sections }</div> }
}

/// The unit's section for `index`, if the index covers it (with a score, for an index with
/// periods: the latest period it has one in).
fn section(ctx: &Explorer, index: IndexId, iso3: &str) -> Option<Html> {
    let (data, link, i18n) = (&ctx.data, ctx.link(), &ctx.i18n);
    let shape = standings::shape_of(data, index, link.year);
    let id = format!("card-{}", shape.table_stem);
    let heading = html! { <h2 id={id.clone()}>{ labels::index_name(i18n, index) }</h2> };
    if !shape.periods.is_empty() {
        let (period, row) = shape.periods.iter().find_map(|&p| {
            let row = standings::standings_of(data, index, p, None)
                .rows
                .into_iter()
                .find(|r| r.iso3 == iso3 && r.score.is_some())?;
            Some((p, row))
        })?;
        let score = row.score.map(|s| i18n.num(s, shape.decimals));
        let items = standings::record(i18n, data, index, iso3, Some(period)).sources;
        return Some(html! {
            <section class={id.clone()} aria-labelledby={id.clone()}>
                { heading }
                <p><span class="big">{ score }</span>{ format!(" ({period})") }</p>
                <SourceList data={data.clone()} {items} labelled=true />
            </section>
        });
    }
    let record = standings::record(i18n, data, index, iso3, None);
    if !record.member {
        return None;
    }
    // A scenario changes the values of the index the weights apply to, not its members.
    let weighted = index == standings::weighted_index(data, link);
    let simulated = weighted && !link.scenario.is_empty();
    let simulation = if simulated {
        ctx.simulation()
    } else {
        std::rc::Rc::new(None)
    };
    let scored = match simulation.as_ref() {
        Some(sim) => Some(&*sim.scored),
        None if weighted => ctx.scored().as_ref().ok().map(|s| &**s),
        None => None,
    };
    let standings = standings::standings_of(data, index, link.year, scored);
    let row = standings.rows.iter().find(|r| r.iso3 == iso3)?;
    let title = if simulated {
        "simulate-simulated"
    } else if weighted && ctx.is_custom() {
        "profile-model-custom"
    } else {
        "profile-model"
    };
    let components = shape.component_labels(i18n).into_iter().enumerate().map(|(i, name)| {
        let changed = link
            .scenario
            .iter()
            .rev()
            .find(|s| simulated && s.iso3 == iso3 && s.pillar == i);
        let band = changed.map(|s| s.band).or_else(|| record.components.get(i).copied().flatten());
        html! {
            <li><span class="pillar-name">{ format!("{}. {name}", roman(i + 1)) }</span>{ " " }{ band_cell(i18n, band) }</li>
        }
    });
    Some(html! {
        <section class={id.clone()} aria-labelledby={id.clone()}>
            { heading }
            <div class="cards">
                { model_card(i18n, &shape, row, title, "card-model", None) }
                if shape.official {
                    <div class="card" data-testid="card-official">
                        <h3>{ i18n.t("profile-official") }</h3>
                        <p class="big">{ band_cell(i18n, row.official) }</p>
                        { for record.ratings.iter().map(|(what, value)| html! {
                            <p>{ what }{ ": " }{ value.clone().unwrap_or_else(|| i18n.t("not-published")) }</p>
                        }) }
                    </div>
                }
            </div>
            if record.components.iter().any(Option::is_some) || simulated {
                <ul class="card-pillars">{ for components }</ul>
            }
            <SourceList data={data.clone()} items={record.sources.clone()} labelled=true />
        </section>
    })
}
