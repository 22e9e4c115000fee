//! The profile's GTI section: the explorer's score and band beside the official band, the
//! pillar bands as labelled bars, and transparency.

use engine::model::{Band, Confidence};
use engine::Basis;
use yew::prelude::*;

use crate::components::ranking_table::band_cell;
use crate::components::source_list::SourceList;
use crate::explorer::Explorer;
use crate::labels;
use crate::labels::roman;

use super::source_link;

pub(super) fn gti_section(ctx: &Explorer, iso3: &str) -> Html {
    let i18n = &ctx.i18n;
    let data = &ctx.data;
    let Some(country) = data.bundle.gti.country(iso3) else {
        return html! {
            <section aria-labelledby="p-gti"><h2 id="p-gti">{ i18n.t("index-gti") }</h2>
                <p>{ i18n.t("profile-not-gti") }</p></section>
        };
    };
    let idx = data.member(iso3);
    let outcome = match (ctx.scored(), idx) {
        (Ok(s), Some(i)) => s.outcomes.get(i).copied(),
        _ => None,
    };
    let model_card = match outcome {
        Some(o) => {
            let score = match (o.score, o.basis) {
                (Some(s), Basis::Recomputed) => i18n.num(s, 1),
                (Some(s), _) => format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")),
                (None, _) => "—".to_string(),
            };
            let basis = match o.basis {
                Basis::Recomputed => i18n.t("profile-basis-recomputed"),
                Basis::PublishedBandOnly => i18n.t("basis-published-only"),
                Basis::NotPublished => i18n.t("basis-not-published"),
            };
            html! {
                <div class="card" data-testid="model-card">
                    <h3>{ i18n.t(if ctx.is_custom() { "profile-model-custom" } else { "profile-model" }) }</h3>
                    <p class="big">{ score }</p>
                    <p>{ band_cell(i18n, o.band) }</p>
                    <p class="hint">{ basis }</p>
                    { for o.rank.map(|r| html! { <p class="hint">{ i18n.f("profile-rank", &[("rank", &r.to_string())]) }</p> }) }
                </div>
            }
        }
        None => html! {},
    };
    let slots_note = match (&country.overall, data.bundle.gti.band_slots()) {
        (None, Some(slots)) if slots.open_total() > 0 => Some(i18n.f(
            "profile-slots",
            &[("slots", &labels::open_slots(i18n, &slots))],
        )),
        _ => None,
    };
    let official = html! {
        <div class="card" data-testid="official-card">
            <h3>{ i18n.t("profile-official") }</h3>
            <p class="big">{ band_cell(i18n, country.overall.as_ref().map(|a| a.value)) }</p>
            { for slots_note.map(|n| html! { <p class="hint" data-testid="open-slots">{ n }</p> }) }
            { for country.overall.as_ref().map(|a| html! {
                <p class="hint">{ i18n.t("profile-source") }{ ": " }{ source_link(ctx, &a.provenance) }
                    { format!(" ({})", a.provenance.confidence.map(|c| labels::confidence(i18n, c)).unwrap_or_default()) }</p>
            }) }
        </div>
    };
    let pillars = data.bundle.gti.pillars.iter().enumerate().map(|(i, p)| {
        let band = country.pillars.get(i).and_then(|b| b.as_ref());
        let (width, class, label) = match band {
            Some(b) => (
                data.band_value(b.value),
                format!("bar band-{}", b.value.slug()),
                labels::band(i18n, b.value),
            ),
            None => (0.0, "bar".to_string(), i18n.t("not-published")),
        };
        let mut marks = Vec::new();
        if let Some(b) = band {
            marks.push(i18n.t("profile-estimated"));
            if b.provenance.confidence == Some(Confidence::Inferred) {
                marks.push(i18n.t("confidence-inferred"));
            }
        }
        // Reports that disagree on this pillar, shown beside the band the explorer uses.
        let disagreeing = country.alternatives.iter().filter(|a| a.measure == p.id).map(|a| {
            let value = Band::parse(&a.value).map_or(a.value.clone(), |b| labels::band(i18n, b));
            let who = a
                .provenance
                .sources
                .iter()
                .filter_map(|id| ctx.data.bundle.source(id))
                .map(|s| s.publisher.clone())
                .collect::<Vec<_>>()
                .join(", ");
            html! {
                <span class="pillar-alt" data-testid="pillar-alternative">
                    { format!("⚠ {}", i18n.f("profile-pillar-alternative", &[("who", &who), ("value", &value)])) }
                    { " " }{ source_link(ctx, &a.provenance) }
                </span>
            }
        });
        html! {
            <li class="pillar" data-testid="pillar">
                <span class="pillar-name">{ format!("{}. {}", roman(i + 1), labels::pillar(i18n, p)) }</span>
                <span class="pillar-bar" aria-hidden="true"><span class={classes!(class, format!("w{width:.0}"))}></span></span>
                <span class="pillar-band">{ label }
                    { for marks.iter().map(|m| html! { <span class="tag">{ m }</span> }) }
                    { for band.map(|b| html! { <span class="pillar-source">{ source_link(ctx, &b.provenance) }</span> }) }
                    { for disagreeing }
                </span>
            </li>
        }
    });
    let transparency = match &country.transparency {
        Some(t) => {
            html! { <>{ labels::transparency(i18n, t.value) }{ " · " }{ source_link(ctx, &t.provenance) }</> }
        }
        None => html! { <span class="muted">{ i18n.t("not-published") }</span> },
    };
    let is_pillar = |m: &str| data.bundle.gti.pillars.iter().any(|p| p.id == m);
    let overall_alternatives: Vec<_> = country
        .alternatives
        .iter()
        .filter(|a| !is_pillar(&a.measure))
        .collect();
    let alternatives = overall_alternatives.iter().map(|a| {
        let value = Band::parse(&a.value).map_or(a.value.clone(), |b| labels::band(i18n, b));
        html! { <li>{ i18n.f("profile-alternative", &[("value", &value)]) }{ " " }{ source_link(ctx, &a.provenance) }</li> }
    });
    let reported = country.reported_score.as_ref().map(|r| html! {
        <li>{ i18n.f("reported-score", &[("score", &i18n.num(r.value, 0))]) }{ " " }{ source_link(ctx, &r.provenance) }</li>
    });
    let has_pillars = country.pillars.iter().any(Option::is_some);
    // Every value of the record, named: membership, the published band, each pillar,
    // transparency.
    let index = crate::standings::weighted_index(data, ctx.link());
    let items = crate::standings::record(i18n, data, index, iso3, None).sources;
    html! {
        <section class="p-gti" aria-labelledby="p-gti">
            <h2 id="p-gti">{ i18n.t("index-gti") }</h2>
            <div class="cards">{ model_card }{ official }</div>
            <h3>{ i18n.t("profile-pillars") }</h3>
            if !has_pillars {
                <p class="hint">{ i18n.t("profile-no-pillars") }</p>
            }
            <ul class="pillars">{ for pillars }</ul>
            <p><strong>{ i18n.t("value-transparency") }{ ": " }</strong>{ transparency }</p>
            if !overall_alternatives.is_empty() || reported.is_some() {
                <ul class="flags">{ for alternatives }{ for reported }</ul>
            }
            <SourceList data={ctx.data.clone()} {items} labelled=true />
        </section>
    }
}
