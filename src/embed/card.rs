//! The country card of an embed: the explorer's band beside the official one, the pillars,
//! transparency, the CSP's latest score; a scenario, if the link carries one, is shown as a
//! simulation.

use engine::Basis;
use yew::prelude::*;

use crate::components::ranking_table::band_cell;
use crate::components::source_list::SourceList;
use crate::explorer::use_explorer;
use crate::labels;
use crate::labels::roman;

#[component]
pub fn Card() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let view = ctx.link().clone();
    let iso3 = view
        .country
        .clone()
        .unwrap_or_else(|| crate::defaults::COUNTRY.to_string());
    let gti = ctx.data.bundle.gti.country(&iso3);
    let csp_latest = ctx.data.bundle.csp.years().rev().find_map(|y| {
        ctx.data
            .bundle
            .csp
            .value(&iso3, y)
            .and_then(|v| v.value.map(|x| (y, x, v.provenance.clone())))
    });
    if gti.is_none() && csp_latest.is_none() {
        return html! { <p class="notice" role="status">{ i18n.f("notice-unknown-country", &[("code", &iso3)]) }</p> };
    }
    // A scenario in the link is simulated and labelled as such.
    let simulated = !view.scenario.is_empty();
    let simulation = if simulated {
        ctx.simulation()
    } else {
        std::rc::Rc::new(None)
    };
    // A scenario changes values, not members: the simulation keeps the members' order.
    let member = ctx.data.member(&iso3);
    let outcome = match simulation.as_ref() {
        Some(sim) => member.and_then(|i| sim.scored.outcomes.get(i).copied()),
        None => member.and_then(|i| ctx.scored().as_ref().ok()?.outcomes.get(i).copied()),
    };
    let gti_part = gti.map(|c| {
        let official = c.overall.as_ref().map(|a| a.value);
        let score = outcome.and_then(|o| match (o.score, o.basis) {
            (Some(s), Basis::Recomputed) => Some(i18n.num(s, 1)),
            (Some(s), _) => Some(format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint"))),
            _ => None,
        });
        let differs = outcome.is_some_and(|o| o.basis == Basis::Recomputed && o.band != official && official.is_some());
        let pillars = ctx.data.bundle.gti.pillars.iter().enumerate().map(|(i, p)| {
            let band = view
                .scenario
                .iter()
                .rev()
                .find(|s| s.iso3 == iso3 && s.pillar == i)
                .map(|s| s.band)
                .or_else(|| c.pillars.get(i).and_then(|b| b.as_ref()).map(|b| b.value));
            html! {
                <li><span class="pillar-name">{ format!("{}. {}", roman(i + 1), labels::pillar(&i18n, p)) }</span>{ " " }{ band_cell(&i18n, band) }</li>
            }
        });
        let mut items = vec![(i18n.t("value-membership"), c.provenance.clone())];
        if let Some(a) = &c.overall {
            items.push((i18n.t("value-official-band"), a.provenance.clone()));
        }
        html! {
            <section class="card-gti" aria-labelledby="card-gti">
                <h2 id="card-gti">{ i18n.t("index-gti") }</h2>
                <div class="cards">
                    <div class="card" data-testid="card-model">
                        <h3>{ i18n.t(if simulated { "simulate-simulated" } else if ctx.is_custom() { "profile-model-custom" } else { "profile-model" }) }</h3>
                        <p class="big">{ score.unwrap_or_else(|| "—".into()) }</p>
                        <p>{ band_cell(&i18n, outcome.and_then(|o| o.band)) }
                            if differs { <span class="marker">{ i18n.t("differs-from-official") }</span> }</p>
                        { for outcome.and_then(|o| o.rank).map(|r| html! { <p class="hint">{ i18n.f("profile-rank", &[("rank", &r.to_string())]) }</p> }) }
                    </div>
                    <div class="card" data-testid="card-official">
                        <h3>{ i18n.t("profile-official") }</h3>
                        <p class="big">{ band_cell(&i18n, official) }</p>
                        <p>{ i18n.t("value-transparency") }{ ": " }{ c.transparency.as_ref().map_or_else(|| i18n.t("not-published"), |t| labels::transparency(&i18n, t.value)) }</p>
                    </div>
                </div>
                if c.pillars.iter().any(Option::is_some) || simulated {
                    <ul class="card-pillars">{ for pillars }</ul>
                }
                <SourceList data={ctx.data.clone()} {items} labelled=true />
            </section>
        }
    });
    let csp_part = csp_latest.map(|(year, value, prov)| html! {
        <section class="card-csp" aria-labelledby="card-csp">
            <h2 id="card-csp">{ i18n.t("index-csp") }</h2>
            <p><span class="big">{ i18n.num(value, 2) }</span>{ format!(" ({year})") }</p>
            <SourceList data={ctx.data.clone()} labelled=true items={vec![(i18n.f("value-csp-total", &[("year", &year.to_string())]), prov)]} />
        </section>
    });
    html! { <div class="card-body">{ for gti_part }{ for csp_part }</div> }
}
