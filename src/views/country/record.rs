//! A profile's section for an index that has one (its shape's `profile`): the explorer's score
//! and band beside the published band, each component's band as a labelled bar with its source
//! and what other sources report, the record's other ratings, and every value's sources. Read
//! from the index's standings, its record and the record's detail: no branch on which index.

use engine::model::Confidence;
use yew::prelude::*;

use crate::components::model_card::model_card;
use crate::components::ranking_table::band_cell;
use crate::components::source_list::SourceList;
use crate::explorer::Explorer;
use crate::labels;
use crate::labels::roman;
use crate::link::IndexId;
use crate::standings;

use super::source_link;

pub(super) fn record_section(ctx: &Explorer, index: IndexId, iso3: &str) -> Option<Html> {
    let (i18n, data, link) = (&ctx.i18n, &ctx.data, ctx.link());
    let shape = standings::shape_of(data, index, link.year);
    let keys = shape.profile.clone()?;
    let id = format!("p-{}", shape.table_stem);
    let heading = html! { <h2 id={id.clone()}>{ labels::index_name(i18n, index) }</h2> };
    let record = standings::record(i18n, data, index, iso3, None);
    if !record.member {
        return Some(html! {
            <section aria-labelledby={id}>{ heading }<p>{ i18n.t(keys.absent) }</p></section>
        });
    }
    let detail = standings::detail(i18n, data, index, iso3);
    // The index the weights apply to is scored at the weights in force; weights refused, it
    // has no card of the explorer's.
    let weighted = index == standings::weighted_index(data, link);
    let scored = ctx.scored().as_ref().ok().map(|s| &**s);
    let standings = standings::standings_of(data, index, link.year, scored.filter(|_| weighted));
    let row = standings.rows.iter().find(|r| r.iso3 == iso3);
    let model = row.filter(|_| !weighted || scored.is_some()).map(|row| {
        let basis = match row.basis {
            engine::Basis::Recomputed => keys.basis[0],
            engine::Basis::PublishedBandOnly => keys.basis[1],
            engine::Basis::NotPublished => keys.basis[2],
        };
        let title = if weighted && ctx.is_custom() {
            "profile-model-custom"
        } else {
            "profile-model"
        };
        model_card(i18n, &shape, row, title, "model-card", Some(i18n.t(basis)))
    });
    let official = shape.official.then(|| {
        html! {
            <div class="card" data-testid="official-card">
                <h3>{ i18n.t("profile-official") }</h3>
                <p class="big">{ band_cell(i18n, row.and_then(|r| r.official)) }</p>
                { for detail.open.clone().map(|n| html! { <p class="hint" data-testid="open-slots">{ n }</p> }) }
                { for detail.official.as_ref().map(|p| html! {
                    <p class="hint">{ i18n.t("profile-source") }{ ": " }{ source_link(ctx, p) }
                        { format!(" ({})", p.confidence.map(|c| labels::confidence(i18n, c)).unwrap_or_default()) }</p>
                }) }
            </div>
        }
    });
    let components = shape.component_labels(i18n).into_iter().enumerate().map(|(i, name)| {
        let band = record.components.get(i).copied().flatten();
        let source = detail.components.get(i).and_then(Option::as_ref);
        let (width, class, label) = match band {
            Some(b) => (data.band_value(b), format!("bar band-{}", b.slug()), labels::band(i18n, b)),
            None => (0.0, "bar".to_string(), i18n.t("not-published")),
        };
        let mut marks = Vec::new();
        if band.is_some() && shape.banded {
            marks.push(i18n.t("profile-estimated"));
        }
        if source.is_some_and(|p| p.confidence == Some(Confidence::Inferred)) {
            marks.push(i18n.t("confidence-inferred"));
        }
        // Reports that disagree on this component, shown beside the value the explorer uses.
        let disagreeing = detail.alternatives.iter().filter(|a| a.0 == Some(i)).map(|(_, value, p)| {
            let who = standings::publishers(data, &p.sources);
            html! {
                <span class="pillar-alt" data-testid="pillar-alternative">
                    { format!("⚠ {}", i18n.f("profile-pillar-alternative", &[("who", &who), ("value", value)])) }
                    { " " }{ source_link(ctx, p) }
                </span>
            }
        });
        html! {
            <li class="pillar" data-testid="pillar">
                <span class="pillar-name">{ format!("{}. {name}", roman(i + 1)) }</span>
                <span class="pillar-bar" aria-hidden="true"><span class={classes!(class, format!("w{width:.0}"))}></span></span>
                <span class="pillar-band">{ label }
                    { for marks.iter().map(|m| html! { <span class="tag">{ m }</span> }) }
                    { for source.map(|p| html! { <span class="pillar-source">{ source_link(ctx, p) }</span> }) }
                    { for disagreeing }
                </span>
            </li>
        }
    });
    let ratings = record.ratings.iter().enumerate().map(|(k, (what, value))| {
        let source = detail.ratings.get(k).and_then(Option::as_ref);
        let value = match (value, source) {
            (Some(v), Some(p)) => html! { <>{ v }{ " · " }{ source_link(ctx, p) }</> },
            (Some(v), None) => html! { { v } },
            (None, _) => html! { <span class="muted">{ i18n.t("not-published") }</span> },
        };
        html! { <p><strong>{ what }{ ": " }</strong>{ value }</p> }
    });
    // What other sources say of the published band, and figures the explorer does not use.
    let flags: Vec<Html> = detail
        .alternatives
        .iter()
        .filter(|a| a.0.is_none())
        .map(|(_, value, p)| html! {
            <li>{ i18n.f("profile-alternative", &[("value", value)]) }{ " " }{ source_link(ctx, p) }</li>
        })
        .chain(detail.unused.iter().map(|(text, p)| html! {
            <li>{ text }{ " " }{ source_link(ctx, p) }</li>
        }))
        .collect();
    let has_components = record.components.iter().any(Option::is_some);
    Some(html! {
        <section class={id.clone()} aria-labelledby={id.clone()}>
            { heading }
            <div class="cards">{ for model }{ for official }</div>
            <h3>{ i18n.t(keys.components) }</h3>
            if !has_components {
                <p class="hint">{ i18n.t(keys.no_components) }</p>
            }
            <ul class="pillars">{ for components }</ul>
            { for ratings }
            if !flags.is_empty() {
                <ul class="flags">{ for flags }</ul>
            }
            <SourceList data={data.clone()} items={record.sources} labelled=true />
        </section>
    })
}
