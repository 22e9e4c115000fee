//! The workbench's derived state, computed in one place from the route: the weights in force,
//! the standings at those weights, every node's score, and the simulator's counterfactual. The
//! views only render what this returns. Nothing here knows which index it computes.

use engine::composite::path::{self, Ladder};
use engine::composite::sensitivity;
use engine::composite::{IndexData, Matrix, PreparedIndex, Standing, Standings, Value};
use engine::Basis;

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

/// Runs `f` and records how long it took as a User Timing measure called `name` (shown in the
/// browser's performance panel, read by `make bench`: `tie:import`, `tie:prepare`,
/// `tie:score`); natively it only runs `f`.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let performance = web_sys::window().and_then(|w| w.performance());
        let start = format!("{name}:start");
        if let Some(p) = &performance {
            let _ = p.mark(&start);
        }
        let out = f();
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark(name, &start);
            p.clear_marks_with_mark_name(&start);
        }
        out
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        f()
    }
}

/// Prepares a period for repeated recomputes (the sliders): every step of the construction
/// before aggregation.
pub fn prepare(entry: &Entry, period: i32) -> Result<PreparedIndex, String> {
    let d = &entry.index.definition;
    timed("tie:prepare", || {
        d.prepare(&entry.index.data, &entry.pipeline, period)
    })
    .map_err(|e| e.to_string())
}

/// Scores a prepared period at `weights`.
pub fn score(
    prepared: &mut PreparedIndex,
    entry: &Entry,
    weights: &[f64],
) -> Result<Computed, String> {
    let spec = &entry.pipeline.aggregate;
    let standings = timed("tie:score", || prepared.score(Some(weights), spec).cloned())
        .map_err(|e| e.to_string())?;
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

/// One period of an index's data, values only (no provenance): all a recompute needs, and
/// cheap to copy. Normalisation works period by period, so the standings are the same as
/// from the whole data set (a test checks it).
pub fn slice(entry: &Entry, period: i32) -> Result<IndexData, String> {
    let data = &entry.index.data;
    let dataset = data
        .dataset
        .period_only(period)
        .ok_or_else(|| format!("{period}: not a period of this index"))?;
    Ok(IndexData {
        dataset,
        published: data
            .published
            .iter()
            .filter(|((p, _), _)| *p == period)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    })
}

/// `base` (a [`slice`]) recomputed with some of one unit's indicator values changed (`edits`:
/// indicator code and value; a band-valued indicator takes the band's position). Every other
/// unit's values stay, so normalisations that depend on the whole data set move as they would.
pub fn simulate_on(
    base: &IndexData,
    entry: &Entry,
    period: i32,
    unit: &str,
    edits: &[(String, f64)],
    weights: &[f64],
) -> Result<Computed, String> {
    let mut data = base.clone();
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
            None => return Err(format!("{code}: not an indicator of {unit} in {period}")),
            _ => Value::Number(*x),
        };
        dataset
            .set(period, unit, code, value, None)
            .map_err(|e| e.to_string())?;
    }
    let d = &entry.index.definition;
    let mut prepared = d
        .prepare(&data, &entry.pipeline, period)
        .map_err(|e| e.to_string())?;
    score(&mut prepared, entry, weights)
}

/// [`simulate_on`] the period's [`slice`].
pub fn simulate(
    entry: &Entry,
    period: i32,
    unit: &str,
    edits: &[(String, f64)],
    weights: &[f64],
) -> Result<Computed, String> {
    simulate_on(&slice(entry, period)?, entry, period, unit, edits, weights)
}

/// A change the index can express for one unit: a reform the framework names (its
/// indicator's raw value now and after it), or a band-valued indicator one band better (the
/// band's position now and after, 0 = worst).
#[derive(Debug, Clone, PartialEq)]
pub struct Applicable {
    pub code: String,
    pub from: f64,
    pub to: f64,
    /// Whether `from` and `to` are band positions.
    pub band: bool,
}

/// The changes that can improve `unit`'s values in `period`, in framework order: a reform
/// moves a recorded number by its step, kept within the indicator's goalposts; a recorded
/// band rises by one band. One already at the end of its scale, or without a recorded value,
/// is left out.
pub fn reforms_for(entry: &Entry, period: i32, unit: &str) -> Vec<Applicable> {
    let d = &entry.index.definition;
    let data = &entry.index.data.dataset;
    let bands = data.bands.as_ref().map_or(0, |s| s.len());
    d.hierarchy
        .indicators()
        .filter_map(|node| match data.value(period, unit, &node.code)? {
            Value::Band(b) => (b + 1 < bands).then(|| Applicable {
                code: node.code.clone(),
                from: b as f64,
                to: (b + 1) as f64,
                band: true,
            }),
            Value::Number(from) => {
                let reform = d.reforms.get(&node.code)?;
                let mut to = from + reform.step;
                if let Some((a, b)) = d.meta.get(&node.code).and_then(|m| m.goalposts) {
                    to = to.clamp(a.min(b), a.max(b));
                }
                // Steps like 0.1 should not leave 0.30000000000000004 behind.
                let to = (to * 1e9).round() / 1e9;
                ((to - from).abs() > 1e-12).then(|| Applicable {
                    code: node.code.clone(),
                    from,
                    to,
                    band: false,
                })
            }
            Value::Missing => None,
        })
        .collect()
}

/// The fewest of `options` that together bring `unit` to band `target` or better (bands
/// counted from 0 = worst), every combination of that size listed (by position in
/// `options`, in the order of the options). Empty if none does, or if the unit is there
/// already. At most the first 12 options are searched (4,096 combinations): the engine's
/// path search ([`engine::composite::path`]), each reform a ladder of one step.
pub fn paths_to_band(
    entry: &Entry,
    period: i32,
    unit: &str,
    options: &[Applicable],
    weights: &[f64],
    target: usize,
) -> Vec<Vec<usize>> {
    let Ok(base) = slice(entry, period) else {
        return Vec::new();
    };
    let ladders: Vec<Ladder> = options
        .iter()
        .take(12)
        .map(|o| {
            let value = |x: f64| match o.band {
                true => Value::Band(x as usize),
                false => Value::Number(x),
            };
            Ladder {
                indicator: o.code.clone(),
                from: value(o.from),
                steps: vec![value(o.to)],
            }
        })
        .collect();
    let found = path::path_to_band(
        &entry.index.definition,
        &base,
        &entry.pipeline,
        period,
        unit,
        &ladders,
        Some(weights),
        target,
        1 << 12,
    );
    let Ok(found) = found else {
        return Vec::new();
    };
    let mut paths: Vec<Vec<usize>> = found
        .solutions
        .iter()
        .map(|s| {
            s.steps
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    paths.sort_by_key(|p| p.iter().map(|i| 1u32 << i).sum::<u32>());
    paths
}

/// The robustness view's answers beyond the Monte Carlo, at some weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Effects {
    /// Every unit's rank (in data set order) under each rule of
    /// [`engine::composite::sensitivity::RULES`], every aggregate computed with that rule and
    /// all else (coverage) as constructed.
    pub ranks: Vec<[Option<u32>; 4]>,
    /// The derivative of the unit's score with respect to each node's weight (node order):
    /// all zeros where its score is not computed from its values; empty without a unit.
    pub gradient: Vec<f64>,
    /// Whether the unit's score is computed from its values (else no weight moves it).
    pub scored: bool,
    /// The ranking's order at these weights, with the index's own rules.
    pub order: Vec<usize>,
    /// The weights these are for.
    pub weights: Vec<f64>,
}

/// [`Effects`] at `weights` for `unit`, from a prepared period (the one the ranking is
/// scored from: no second preparation). It is left scored with the last rule; the next
/// [`score`] recomputes it whole.
pub fn effects(
    prepared: &mut PreparedIndex,
    entry: &Entry,
    weights: &[f64],
    unit: Option<usize>,
) -> Result<Effects, String> {
    let spec = &entry.pipeline.aggregate;
    let standings = prepared
        .score(Some(weights), spec)
        .map_err(|e| e.to_string())?;
    let order = standings.order.clone();
    let scored = unit
        .and_then(|u| standings.units.get(u))
        .is_some_and(|s| s.basis == Basis::Recomputed);
    let hierarchy = &entry.index.data.dataset.hierarchy;
    let gradient = unit
        .map(|u| sensitivity::sensitivity(prepared, hierarchy, Some(weights), spec, u))
        .unwrap_or_default();
    let ranks =
        sensitivity::ranks_by_rule(prepared, Some(weights), spec).map_err(|e| e.to_string())?;
    Ok(Effects {
        ranks,
        gradient,
        scored,
        order,
        weights: weights.to_vec(),
    })
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

/// One unit in both indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Paired {
    pub code: String,
    /// The unit's index in each data set.
    pub units: (usize, usize),
    pub standings: (Standing, Standing),
}

/// How far two indices agree on the units both score.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// In the first index's rank order.
    pub pairs: Vec<Paired>,
    /// Spearman's rank correlation of the scores, each index's direction applied so that
    /// higher means better in both.
    pub rho: Option<f64>,
    /// With band schemes of the same length (positions 0 = worst in both): pairs in the same
    /// band, and within one band.
    pub bands: Option<(usize, usize)>,
}

/// The agreement of index `a` (as computed) with index `b` (as computed), on the units with a
/// score in both, matched by code.
pub fn agreement(a: &Entry, ca: &Computed, b: &Entry, cb: &Computed) -> Agreement {
    let (da, db) = (&a.index.data.dataset, &b.index.data.dataset);
    let pairs: Vec<Paired> = ca
        .standings
        .order
        .iter()
        .filter_map(|&ua| {
            let sa = *ca.standings.units.get(ua)?;
            let code = &da.units.get(ua)?.code;
            let ub = db.unit_index(code)?;
            let sb = *cb.standings.units.get(ub)?;
            (sa.score.is_some() && sb.score.is_some()).then(|| Paired {
                code: code.clone(),
                units: (ua, ub),
                standings: (sa, sb),
            })
        })
        .collect();
    let sign = |e: &Entry| e.index.definition.direction.sign();
    let xs: Vec<f64> = pairs
        .iter()
        .filter_map(|p| p.standings.0.score.map(|x| x * sign(a)))
        .collect();
    let ys: Vec<f64> = pairs
        .iter()
        .filter_map(|p| p.standings.1.score.map(|y| y * sign(b)))
        .collect();
    let same_scheme_length = match (
        a.index.definition.band_scheme(),
        b.index.definition.band_scheme(),
    ) {
        (Some(x), Some(y)) => x.len() == y.len(),
        _ => false,
    };
    let bands = same_scheme_length.then(|| {
        let banded: Vec<(usize, usize)> = pairs
            .iter()
            .filter_map(|p| Some((p.standings.0.band?, p.standings.1.band?)))
            .collect();
        (
            banded.iter().filter(|(x, y)| x == y).count(),
            banded.iter().filter(|(x, y)| x.abs_diff(*y) <= 1).count(),
        )
    });
    Agreement {
        rho: engine::math::spearman(&xs, &ys),
        pairs,
        bands,
    }
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

    #[test]
    fn an_index_agrees_with_itself_and_pairs_only_units_scored_in_both() {
        let entry = fixture();
        let w = weights(&entry, &Route::default());
        let mut p24 = prepare(&entry, 2024).unwrap_or_else(|e| panic!("{e}"));
        let c24 = score(&mut p24, &entry, &w).unwrap_or_else(|e| panic!("{e}"));
        let same = agreement(&entry, &c24, &entry, &c24);
        assert_eq!(same.pairs.len(), 5);
        assert_eq!(same.rho, Some(1.0));
        assert_eq!(same.bands, Some((5, 5)));
        // 2023 has one value each for Georgia, Armenia and Kazakhstan and none for the
        // others: the pairs are the units scored in both years, and only those.
        let mut p23 = prepare(&entry, 2023).unwrap_or_else(|e| panic!("{e}"));
        let c23 = score(&mut p23, &entry, &w).unwrap_or_else(|e| panic!("{e}"));
        let scored23 = c23
            .standings
            .units
            .iter()
            .filter(|s| s.score.is_some())
            .count();
        let across = agreement(&entry, &c24, &entry, &c23);
        assert_eq!(across.pairs.len(), scored23);
        assert!(scored23 < 5);
        assert!(across.pairs.iter().all(|p| p.standings.1.score.is_some()));
    }

    /// Spearman's rho by its textbook definition, written independently of the engine: each
    /// value's rank counts the values below it, ties taking the middle rank.
    fn textbook_rho(xs: &[f64], ys: &[f64]) -> f64 {
        let rank = |v: &[f64], x: f64| {
            let below = v.iter().filter(|y| **y < x).count() as f64;
            let equal = v.iter().filter(|y| **y == x).count() as f64;
            below + (equal + 1.0) / 2.0
        };
        let rx: Vec<f64> = xs.iter().map(|x| rank(xs, *x)).collect();
        let ry: Vec<f64> = ys.iter().map(|y| rank(ys, *y)).collect();
        let n = xs.len() as f64;
        let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
        let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
        let vx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
        let vy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
        cov / (vx * vy).sqrt()
    }

    /// The check: how far the open-indicators composite agrees with the GTI 2025 bands
    /// for the members that have one, computed by the engine and recomputed here.
    #[test]
    fn open_indicators_against_the_gti_bands() {
        use super::super::load::{tests as l, Folder};
        let shared = l::shared();
        let load = |name: &str| {
            let folder = Folder {
                name: name.into(),
                bands: None,
                sources: None,
            };
            l::load_folder(&format!("data/{name}"), &folder, &shared)
                .unwrap_or_else(|e| panic!("{e:?}"))
        };
        let (open, gti) = (load("open-indicators"), load("gti-2025"));
        // The units file's `group.region` columns are read as the units' groups.
        let kgz =
            &open.index.data.dataset.units[open.index.data.dataset.unit_index("KGZ").unwrap_or(0)];
        assert_eq!(
            kgz.groups.get("region").map(String::as_str),
            Some("Europe and Central Asia")
        );
        // Its name in another language comes from that language's catalog.
        let ru = crate::i18n::Messages::load(crate::link::Lang::Ru);
        assert_eq!(ru.text(&kgz.groups["region"]), "Европа и Центральная Азия");
        let at = |e: &Entry| {
            let route = Route::default();
            let p = period(e, &route).unwrap_or_default();
            let mut prepared = prepare(e, p).unwrap_or_else(|x| panic!("{x}"));
            score(&mut prepared, e, &weights(e, &route)).unwrap_or_else(|x| panic!("{x}"))
        };
        let (co, cg) = (at(&open), at(&gti));
        assert_eq!((co.period, cg.period), (2023, 2025));
        let a = agreement(&open, &co, &gti, &cg);
        // Every GTI member with a published band has open indicators.
        assert_eq!(
            a.pairs.len(),
            21,
            "{:?}",
            a.pairs.iter().map(|p| &p.code).collect::<Vec<_>>()
        );
        let xs: Vec<f64> = a.pairs.iter().filter_map(|p| p.standings.0.score).collect();
        let ys: Vec<f64> = a.pairs.iter().filter_map(|p| p.standings.1.score).collect();
        let rho = a.rho.unwrap_or(f64::NAN);
        assert!((rho - textbook_rho(&xs, &ys)).abs() < 1e-12, "{rho}");
        assert!(rho > -1.0 && rho < 1.0);
        let (same, near) = a.bands.unwrap_or_default();
        assert!(same <= near && near <= 21);
    }

    #[test]
    fn a_slice_scores_as_the_whole_data_set() {
        let entry = fixture();
        let w = weights(&entry, &Route::default());
        for period in [2023, 2024] {
            let mut full = prepare(&entry, period).unwrap_or_else(|e| panic!("{e}"));
            let full = score(&mut full, &entry, &w).unwrap_or_else(|e| panic!("{e}"));
            let one = simulate(&entry, period, "GEO", &[], &w).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(one.standings, full.standings, "{period}");
        }
    }

    #[test]
    fn reforms_apply_within_goalposts_and_the_path_search_finds_the_fewest() {
        let entry = fixture();
        let w = weights(&entry, &Route::default());
        // Kazakhstan: legal 40 -> 50, complaints 20 -> 15 (no goalposts in the fixture).
        let options = reforms_for(&entry, 2024, "KAZ");
        assert_eq!(
            options,
            [
                Applicable {
                    code: "legal".into(),
                    from: 40.0,
                    to: 50.0,
                    band: false
                },
                Applicable {
                    code: "complaints".into(),
                    from: 20.0,
                    to: 15.0,
                    band: false
                },
            ]
        );
        // Ukraine has no recorded convictions: the reforms still apply to what is recorded.
        assert_eq!(reforms_for(&entry, 2024, "UKR").len(), 2);
        // Ukraine (Weak, 35.4) reaches Middling (40) with either reform alone: legal 50 -> 60
        // lifts its safeguards to 41.7 and the index to 41.7; complaints 15 -> 10 lifts its
        // accountability to 83.3 and the index to 56.25. Both listed, each alone.
        let ukr = reforms_for(&entry, 2024, "UKR");
        let paths = paths_to_band(&entry, 2024, "UKR", &ukr, &w, 1);
        assert_eq!(paths, [vec![0], vec![1]]);
        for p in &paths {
            let edits: Vec<(String, f64)> = p
                .iter()
                .map(|&i| (ukr[i].code.clone(), ukr[i].to))
                .collect();
            let c = simulate(&entry, 2024, "UKR", &edits, &w).unwrap_or_else(|e| panic!("{e}"));
            let u = entry
                .index
                .data
                .dataset
                .unit_index("UKR")
                .unwrap_or(usize::MAX);
            assert_eq!(c.standings.units[u].band, Some(1), "{p:?}");
        }
        // Moldova (Middling, 60.0) cannot reach Strong with both: 69.0.
        let mda = reforms_for(&entry, 2024, "MDA");
        assert!(paths_to_band(&entry, 2024, "MDA", &mda, &w, 2).is_empty());
        // A band no reform reaches: nothing listed (Kazakhstan to Strong).
        let kaz = reforms_for(&entry, 2024, "KAZ");
        assert!(paths_to_band(&entry, 2024, "KAZ", &kaz, &w, 2).is_empty());
    }

    /// The GTI in the workbench: a pillar recorded as a band can rise one band, and the path
    /// search over those steps finds what the explorer's finds (`e2e/simulate.test.mjs`):
    /// Kyrgyzstan reaches Moderate with all seven pillars one band better, Honduras reaches
    /// Considerable with six of seven, in seven ways.
    #[test]
    fn band_valued_indicators_rise_one_band_and_the_path_matches_the_explorer_s() {
        use super::super::load::tests::{load_folder, shared};
        use super::super::load::Folder;
        let folder = Folder {
            name: "gti-2025".into(),
            bands: None,
            sources: None,
        };
        let entry =
            load_folder("data/gti-2025", &folder, &shared()).unwrap_or_else(|e| panic!("{e:?}"));
        let w = weights(&entry, &Route::default());
        let kgz = reforms_for(&entry, 2025, "KGZ");
        assert_eq!(kgz.len(), 7, "{kgz:?}");
        assert!(kgz.iter().all(|o| o.band && o.to == o.from + 1.0));
        // Kyrgyzstan is Considerable (2 of 0-4): Moderate is 3.
        assert_eq!(
            paths_to_band(&entry, 2025, "KGZ", &kgz, &w, 3),
            [vec![0, 1, 2, 3, 4, 5, 6]]
        );
        let hnd = reforms_for(&entry, 2025, "HND");
        let paths = paths_to_band(&entry, 2025, "HND", &hnd, &w, 2);
        assert_eq!(paths.len(), 7);
        assert!(paths.iter().all(|p| p.len() == 6));
        // A member without pillar bands has nothing to raise.
        assert!(reforms_for(&entry, 2025, "RUS").is_empty());
    }

    /// The robustness view's extra answers for any index: on the fixture (three levels,
    /// min-max), the arithmetic column is the ranking's, and a unit's sensitivity has an entry
    /// per node, 0 for the index's own weight.
    #[test]
    fn ranks_by_rule_and_sensitivity_for_any_index() {
        let entry = fixture();
        let w = weights(&entry, &Route::default());
        let geo = entry
            .index
            .data
            .dataset
            .unit_index("GEO")
            .unwrap_or(usize::MAX);
        let mut p = prepare(&entry, 2024).unwrap_or_else(|e| panic!("{e}"));
        let Effects {
            ranks,
            gradient: g,
            scored,
            order,
            ..
        } = effects(&mut p, &entry, &w, Some(geo)).unwrap_or_else(|e| panic!("{e}"));
        // The same prepared period scores the ranking again afterwards, as before.
        let c = score(&mut p, &entry, &w).unwrap_or_else(|e| panic!("{e}"));
        let fresh = score(
            &mut prepare(&entry, 2024).unwrap_or_else(|e| panic!("{e}")),
            &entry,
            &w,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.standings, fresh.standings);
        assert!(scored);
        assert_eq!(order, c.standings.order);
        let arithmetic: Vec<Option<u32>> = ranks.iter().map(|r| r[0]).collect();
        let now: Vec<Option<u32>> = c.standings.units.iter().map(|s| s.rank).collect();
        assert_eq!(arithmetic, now);
        let h = &entry.index.data.dataset.hierarchy;
        let root = h.roots()[0];
        assert_eq!(g[root], 0.0);
        // Georgia's safeguards and accountability pull its score in opposite directions.
        assert_eq!(g.len(), h.nodes().len());
        assert!(
            g.iter().any(|x| *x > 0.0) && g.iter().any(|x| *x < 0.0),
            "{g:?}"
        );
    }
}
