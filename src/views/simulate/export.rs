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
    // A scenario changes values, not members: the index's rows, at the simulated scores.
    let standings = super::standings(ctx, Some(scored));
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
    for &i in &standings.order {
        let Some(r) = standings.rows.get(i) else {
            continue;
        };
        csv.row([
            r.rank.map(|r| r.to_string()).unwrap_or_default(),
            r.iso3.clone(),
            r.name_en.clone(),
            r.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
            r.band.map(|b| b.label().to_string()).unwrap_or_default(),
            r.official
                .map(|b| b.label().to_string())
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
            let name = crate::captions::country_name(ctx, &c.iso3);
            let from = super::unit_record(ctx, &c.iso3)
                .components
                .get(c.pillar)
                .copied()
                .flatten()
                .map_or_else(|| i18n.t("not-published"), |b| labels::band(i18n, b));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{Limits, LinkState, ScenarioChange, View};
    use engine::Band;

    /// The simulation's CSV and summary, read from the standings at the simulated scores:
    /// every member of the bundle once, in the simulated order, with its published band.
    #[test]
    fn the_simulation_csv_lists_every_member_at_its_simulated_score_with_its_published_band() {
        let mut link = LinkState::defaults(&Limits::bundled());
        link.view = View::Simulate;
        // Kyrgyzstan's victims' rights (pillar V) from Very high to Moderate.
        link.scenario = vec![ScenarioChange {
            iso3: "KGZ".into(),
            pillar: 4,
            band: Band::Moderate,
        }];
        let ctx = Explorer::standalone(link);
        let gti = &ctx.data.bundle.gti;
        let kgz = gti.country("KGZ").expect("a member");
        let from = kgz.pillars[4].as_ref().expect("a published band").value;
        let summary = scenario_summary(&ctx);
        assert!(
            summary.contains(&format!(
                "Kyrgyzstan, Pillar V: {} → Moderate",
                labels::band(&ctx.i18n, from)
            )),
            "{summary}"
        );
        let csv = simulation_csv(&ctx).expect("a simulation");
        assert!(csv.contains(&summary), "{csv}");
        let sim = ctx.simulation();
        let scored = &sim.as_ref().as_ref().expect("simulated").scored;
        let rows: Vec<&str> = csv
            .lines()
            .skip_while(|l| !l.starts_with("rank,"))
            .skip(1)
            .collect();
        assert_eq!(rows.len(), scored.order.len());
        for (line, &i) in rows.iter().zip(&scored.order) {
            let (member, outcome) = (&gti.countries[i], scored.outcomes[i]);
            let official = member.overall.as_ref().map_or("", |a| a.value.label());
            let rank = outcome.rank.map(|r| r.to_string()).unwrap_or_default();
            assert!(
                line.starts_with(&format!("{rank},{},", member.iso3)),
                "{line}"
            );
            assert!(line.ends_with(&format!(",{official}")), "{line}");
        }
        // The scenario moves Kyrgyzstan's simulated score above its current one.
        let i = gti
            .countries
            .iter()
            .position(|c| c.iso3 == "KGZ")
            .expect("KGZ");
        let now = ctx.scored().as_ref().as_ref().expect("scored").outcomes[i].score;
        assert!(
            scored.outcomes[i].score > now,
            "{:?} {now:?}",
            scored.outcomes[i]
        );
    }
}
