//! The reform simulator: change pillar bands of a country, see the new score, band and rank
//! beside the official and current ones with the difference explained; compose changes into
//! a named scenario (saved in this browser, exported, shared by link); and find the fewest
//! one-band improvements that reach a better band, with the arithmetic shown.
//!
//! The page lays out its parts; the simulated model and the path come from `derive.rs`.

mod editor;
mod export;
mod path;
mod results;
mod scenario;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::ranking_table::RankingTable;
use crate::components::share_bar::ShareBar;
use crate::explorer::{use_explorer, Explorer};
use crate::link::IndexId;
use crate::standings::{record, shape_of, standings_of, weighted_index, Record, Shape, Standings};
use crate::state::Action;

/// The index the simulator works on: the one the weights apply to.
fn index(ctx: &Explorer) -> IndexId {
    weighted_index(&ctx.data, ctx.link())
}

/// Its shape (the components a scenario changes).
pub(super) fn shape(ctx: &Explorer) -> Shape {
    shape_of(&ctx.data, index(ctx), ctx.link().year)
}

/// Its standings, scored at the weights in force, or as `scored` (a simulation).
pub(super) fn standings(ctx: &Explorer, scored: Option<&engine::Scored>) -> Standings {
    let now = ctx.scored();
    let scored = scored.or_else(|| now.as_ref().ok().map(|s| &**s));
    standings_of(&ctx.data, index(ctx), ctx.link().year, scored)
}

/// A unit's record in it: each component's published band.
pub(super) fn unit_record(ctx: &Explorer, iso3: &str) -> Record {
    record(&ctx.i18n, &ctx.data, index(ctx), iso3, None)
}

/// Units the simulator can work on: the index's, those with component values first.
fn simulable(ctx: &Explorer, standings: &Standings) -> Vec<(String, String, bool)> {
    let i18n = &ctx.i18n;
    let mut out: Vec<(String, String, bool)> = standings
        .rows
        .iter()
        .map(|r| {
            (
                r.iso3.clone(),
                i18n.country(&r.iso3, &r.name_en).to_string(),
                has_values(r),
            )
        })
        .collect();
    engine::sort::sort_by(&mut out, |a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    out
}

/// Whether a unit has a value for any component.
fn has_values(row: &crate::standings::Row) -> bool {
    row.components.is_some_and(|(n, _)| n > 0)
}

#[component]
pub fn Simulate() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let standings = standings(&ctx, None);
    let countries = simulable(&ctx, &standings);
    let iso3 = ctx
        .link()
        .country
        .clone()
        .filter(|c| countries.iter().any(|(i, _, _)| i == c))
        .unwrap_or_else(|| crate::defaults::COUNTRY.to_string());
    let Some(row) = standings.rows.iter().find(|r| r.iso3 == iso3) else {
        return html! {};
    };
    let name = i18n.country(&row.iso3, &row.name_en).to_string();
    let official = row.official;

    let onchoose = ctx.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetCountry(Some(s.value()))
    });
    let chooser = html! {
        <div class="field">
            <label for="sim-country">{ i18n.t("simulate-country") }</label>
            <select id="sim-country" onchange={onchoose}>
                { for countries.iter().map(|(c, n, has)| html! {
                    <option value={c.clone()} selected={*c == iso3}>
                        { if *has { n.clone() } else { format!("{n} ({})", i18n.t("simulate-no-pillars-short")) } }
                    </option>
                }) }
            </select>
        </div>
    };

    let scenario_name = ctx.link().scenario_name.clone().unwrap_or_default();
    let simulated_table = ctx.simulation().as_ref().as_ref().map(|sim| {
        html! {
            <section aria-labelledby="sim-ranking">
                <h2 id="sim-ranking">{ i18n.t("simulate-ranking") }</h2>
                <RankingTable data={ctx.data.clone()} index={index(&ctx)} year={ctx.link().year}
                    scored={Some(sim.scored.clone())} custom={ctx.is_custom()}
                    selected={Some(iso3.clone())} simulated={Some(if scenario_name.is_empty() { i18n.t("simulate-untitled") } else { scenario_name.clone() })} />
            </section>
        }
    });
    let iso3: AttrValue = iso3.into();
    let name: AttrValue = name.into();
    html! {
        <>
            <h1>{ i18n.t("simulate-title") }</h1>
            <p class="intro">{ i18n.t("simulate-intro") }</p>
            <p class="badge badge-custom" data-testid="simulation-label">{ i18n.t("simulate-label") }</p>
            <div class="switcher">{ chooser }</div>
            <ShareBar csv={export::simulation_csv(&ctx).map(|c| ("simulation.csv".to_string(), c))} />
            if !has_values(row) {
                <p class="notice" role="status">{ i18n.f("simulate-no-pillars", &[("country", &name)]) }</p>
            }
            <div class="sim-grid">
                <editor::ScenarioEditor iso3={iso3.clone()} name={name.clone()} />
                <results::SimResults iso3={iso3.clone()} name={name.clone()} {official} />
            </div>
            <scenario::ScenarioFile iso3={iso3.clone()} />
            <path::PathPanel iso3={iso3} name={name} />
            { for simulated_table }
        </>
    }
}
