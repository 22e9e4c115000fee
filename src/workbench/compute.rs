//! The workbench's derived state, computed in one place from the route: the weights in force,
//! the standings at those weights, every node's score, and the simulator's counterfactual. The
//! views only render what this returns. Nothing here knows which index it computes.

use engine::composite::{Matrix, PreparedIndex, Standing, Standings, Value};

use super::load::Entry;
use super::route::Route;

/// One period of one index, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub period: i32,
    pub standings: Standings,
    /// Every node's score, by row of the pipeline (see `rows`) and node.
    pub scores: Matrix,
    /// Per unit of the data set: its row of `scores` (`None`: screened out).
    pub rows: Vec<Option<usize>>,
}

impl Computed {
    /// A unit's score on one node (by node index), if computed.
    pub fn node_score(&self, unit: usize, node: usize) -> Option<f64> {
        let row = (*self.rows.get(unit)?)?;
        self.scores.get(row, node)
    }

    /// How many units have a rank.
    pub fn ranked(&self) -> usize {
        self.standings
            .units
            .iter()
            .filter(|s| s.rank.is_some())
            .count()
    }
}

/// The weights in force: the framework's, with the route's changes, one per node.
pub fn weights(entry: &Entry, route: &Route) -> Vec<f64> {
    entry
        .index
        .definition
        .hierarchy
        .nodes()
        .iter()
        .map(|n| route.weight(&n.code).unwrap_or(n.weight))
        .collect()
}

/// The period shown: the route's if the index has it, else the latest period in which any
/// unit has a value.
pub fn period(entry: &Entry, route: &Route) -> Option<i32> {
    let d = &entry.index.definition;
    if let Some(p) = route.period.filter(|p| d.periods.contains(p)) {
        return Some(p);
    }
    let data = &entry.index.data.dataset;
    d.periods
        .iter()
        .rev()
        .find(|p| {
            data.table(**p).is_some_and(|t| {
                (0..t.values.cols()).any(|c| t.values.column(c).iter().any(|x| !x.is_nan()))
            }) || entry.index.data.published.keys().any(|(q, _)| q == *p)
        })
        .or(d.periods.last())
        .copied()
}

/// Prepares a period for repeated recomputes (the sliders).
pub fn prepare(entry: &Entry, period: i32) -> Result<PreparedIndex, String> {
    let d = &entry.index.definition;
    d.prepare(&entry.index.data, &d.pipeline(), period)
        .map_err(|e| e.to_string())
}

/// Scores a prepared period at `weights`.
pub fn score(
    prepared: &mut PreparedIndex,
    entry: &Entry,
    weights: &[f64],
) -> Result<Computed, String> {
    let spec = entry.index.definition.pipeline().aggregate;
    let standings = prepared
        .score(Some(weights), &spec)
        .map_err(|e| e.to_string())?
        .clone();
    let p = prepared.prepared();
    let mut rows = vec![None; entry.index.data.dataset.units.len()];
    for (row, &u) in p.units().iter().enumerate() {
        if let Some(r) = rows.get_mut(u) {
            *r = Some(row);
        }
    }
    Ok(Computed {
        period: p.period(),
        standings,
        scores: p.scores().clone(),
        rows,
    })
}

/// The index recomputed with some of one unit's indicator values changed (`edits`: indicator
/// code and value; a band-valued indicator takes the band's position). Every other unit's
/// values stay, so normalisations that depend on the whole data set move as they would.
pub fn simulate(
    entry: &Entry,
    period: i32,
    unit: &str,
    edits: &[(String, f64)],
    weights: &[f64],
) -> Result<Computed, String> {
    let mut data = entry.index.data.clone();
    for (code, x) in edits {
        let dataset = &mut data.dataset;
        let value = match dataset.value(period, unit, code) {
            Some(Value::Band(_)) => {
                let band = x.round();
                if band < 0.0
                    || dataset
                        .bands
                        .as_ref()
                        .is_none_or(|s| band >= s.len() as f64)
                {
                    return Err(format!("{code}: {x} is not a band of the scheme"));
                }
                Value::Band(band as usize)
            }
            _ => Value::Number(*x),
        };
        let provenance = dataset.provenance(period, unit, code).cloned();
        dataset
            .set(period, unit, code, value, provenance)
            .map_err(|e| e.to_string())?;
    }
    let d = &entry.index.definition;
    let mut prepared = d
        .prepare(&data, &d.pipeline(), period)
        .map_err(|e| e.to_string())?;
    score(&mut prepared, entry, weights)
}

/// One unit's standing in every period of the index at `weights` (the trend): per period,
/// the standing of each of `units` (`None` where the period cannot be computed).
pub fn trend(entry: &Entry, units: &[usize], weights: &[f64]) -> Vec<(i32, Vec<Option<Standing>>)> {
    entry
        .index
        .definition
        .periods
        .iter()
        .map(|&period| {
            let standings = prepare(entry, period)
                .and_then(|mut p| score(&mut p, entry, weights))
                .ok();
            let row = units
                .iter()
                .map(|&u| {
                    standings
                        .as_ref()
                        .and_then(|c| c.standings.units.get(u).copied())
                })
                .collect();
            (period, row)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::load::tests::fixture;
    use super::*;

    fn standing(
        c: &Computed,
        entry: &Entry,
        code: &str,
    ) -> (Option<f64>, Option<usize>, Option<u32>) {
        let u = entry
            .index
            .data
            .dataset
            .unit_index(code)
            .unwrap_or(usize::MAX);
        let s = c.standings.units.get(u).copied();
        s.map_or((None, None, None), |s| (s.score, s.band, s.rank))
    }

    #[test]
    fn the_fixture_scores_at_framework_weights_as_the_engine_does() {
        let entry = fixture();
        let route = Route::default();
        let p = period(&entry, &route).unwrap_or_default();
        assert_eq!(p, 2024);
        let mut prepared = prepare(&entry, p).unwrap_or_else(|e| panic!("{e}"));
        let c = score(&mut prepared, &entry, &weights(&entry, &route))
            .unwrap_or_else(|e| panic!("{e}"));
        // The engine's own run of the same pipeline (tests/definitions.rs checks it by hand).
        let d = &entry.index.definition;
        let results = d
            .pipeline()
            .run(&entry.index.data.dataset, p)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.standings, d.standings(&entry.index.data, &results));
        assert!(c.ranked() >= 4);
        // Node scores are there for every level.
        let geo = entry
            .index
            .data
            .dataset
            .unit_index("GEO")
            .unwrap_or(usize::MAX);
        for node in 0..d.hierarchy.nodes().len() {
            assert!(c.node_score(geo, node).is_some(), "node {node}");
        }
    }

    #[test]
    fn weights_from_the_route_change_the_scores() {
        let entry = fixture();
        let mut route = Route::default();
        let mut prepared = prepare(&entry, 2024).unwrap_or_else(|e| panic!("{e}"));
        let base = score(&mut prepared, &entry, &weights(&entry, &route))
            .unwrap_or_else(|e| panic!("{e}"));
        route.set_weight("accountability", 0.0, 1.0);
        let w = weights(&entry, &route);
        let only_safeguards = score(&mut prepared, &entry, &w).unwrap_or_else(|e| panic!("{e}"));
        let h = &entry.index.definition.hierarchy;
        let (root, safeguards) = (
            h.node_index("demo").unwrap_or(usize::MAX),
            h.node_index("safeguards").unwrap_or(usize::MAX),
        );
        for u in 0..entry.index.data.dataset.units.len() {
            assert_eq!(
                only_safeguards.node_score(u, root),
                only_safeguards.node_score(u, safeguards)
            );
        }
        assert_ne!(base.standings, only_safeguards.standings);
    }

    #[test]
    fn simulating_a_value_moves_the_unit_and_only_through_the_model() {
        let entry = fixture();
        let route = Route::default();
        let w = weights(&entry, &route);
        let mut prepared = prepare(&entry, 2024).unwrap_or_else(|e| panic!("{e}"));
        let base = score(&mut prepared, &entry, &w).unwrap_or_else(|e| panic!("{e}"));
        // Kazakhstan's legal safeguards to the best in the data set.
        let sim = simulate(&entry, 2024, "KAZ", &[("legal".into(), 80.0)], &w)
            .unwrap_or_else(|e| panic!("{e}"));
        let (before, _, rank_before) = standing(&base, &entry, "KAZ");
        let (after, _, rank_after) = standing(&sim, &entry, "KAZ");
        assert!(after > before, "{before:?} -> {after:?}");
        assert!(rank_after <= rank_before);
        // No edit: the same standings.
        let same = simulate(&entry, 2024, "KAZ", &[], &w).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(same.standings, base.standings);
        // An unknown indicator is an error, not a panic.
        assert!(simulate(&entry, 2024, "KAZ", &[("nope".into(), 1.0)], &w).is_err());
    }

    #[test]
    fn the_trend_scores_every_period_and_leaves_gaps_as_gaps() {
        let entry = fixture();
        let w = weights(&entry, &Route::default());
        let d = &entry.index.data.dataset;
        let units: Vec<usize> = ["GEO", "UKR"]
            .iter()
            .filter_map(|c| d.unit_index(c))
            .collect();
        let t = trend(&entry, &units, &w);
        assert_eq!(t.iter().map(|(p, _)| *p).collect::<Vec<_>>(), [2023, 2024]);
        let mut prepared = prepare(&entry, 2024).unwrap_or_else(|e| panic!("{e}"));
        let c = score(&mut prepared, &entry, &w).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t[1].1[0], c.standings.units.get(units[0]).copied());
        // 2023 has one indicator for Georgia, none for Ukraine: no score, not zero.
        assert_eq!(t[0].1[1].and_then(|s| s.score), None);
    }
}
