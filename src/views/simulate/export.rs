//! The simulation as text: the scenario in words, and the simulated ranking as CSV.

use crate::csv::Csv;
use crate::derive::Simulation;
use crate::explorer::Explorer;
use crate::labels;
use crate::labels::roman;

/// The simulated ranking as CSV, labelled as a simulation in its header block.
pub fn simulation_csv(ctx: &Explorer) -> Option<String> {
    let simulation = ctx.simulation();
    let Simulation { scored } = simulation.as_ref().as_ref()?;
    // A scenario changes values, not members: the members are the bundle's, in order.
    let members = &ctx.data.bundle.gti.countries;
    let i18n = &ctx.i18n;
    let mut lines = crate::captions::export_header(ctx, &i18n.t("index-gti"));
    lines.insert(1, i18n.t("simulate-label"));
    if let Some(name) = &ctx.link().scenario_name {
        lines.insert(2, format!("{}: {name}", i18n.t("simulate-name")));
    }
    lines.push(scenario_summary(ctx));
    let mut csv = Csv::new();
    csv.comments(lines).row([
        "rank",
        "iso3",
        "country",
        "simulated_score",
        "simulated_band",
        "official_band",
    ]);
    for &i in &scored.order {
        let (Some(u), Some(o)) = (members.get(i), scored.outcomes.get(i)) else {
            continue;
        };
        csv.row([
            o.rank.map(|r| r.to_string()).unwrap_or_default(),
            u.iso3.clone(),
            u.name_en.clone(),
            o.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
            o.band.map(|b| b.label().to_string()).unwrap_or_default(),
            u.overall
                .as_ref()
                .map(|a| a.value.label().to_string())
                .unwrap_or_default(),
        ]);
    }
    Some(csv.finish())
}

/// "Victims' rights Very high → High" for every change in the scenario.
pub fn scenario_summary(ctx: &Explorer) -> String {
    let i18n = &ctx.i18n;
    let scenario = &ctx.link().scenario;
    if scenario.is_empty() {
        return i18n.t("simulate-empty");
    }
    let items: Vec<String> = scenario
        .iter()
        .map(|c| {
            let country = ctx.data.bundle.gti.country(&c.iso3);
            let name = country.map_or(c.iso3.clone(), |g| {
                i18n.country(&g.iso3, &g.name_en).to_string()
            });
            let from = country
                .and_then(|g| g.pillars.get(c.pillar).cloned().flatten())
                .map_or_else(|| i18n.t("not-published"), |b| labels::band(i18n, b.value));
            format!(
                "{name}, {} {}: {from} → {}",
                i18n.t("value-pillar"),
                roman(c.pillar + 1),
                labels::band(i18n, c.band)
            )
        })
        .collect();
    i18n.f("simulate-changes", &[("changes", &items.join("; "))])
}
