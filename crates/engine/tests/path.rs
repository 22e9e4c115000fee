//! The generic path search (`composite::path`): on the bundled GTI definition it gives what the
//! GTI model's search gives, for every member; on the three-level fixture (numbers, min-max)
//! its answers are those of a brute force over every combination.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use tie_engine::composite::path::{band_ladders, path_to_band, Ladder, NotComputed, PathStatus};
use tie_engine::composite::{Index, Value};
use tie_engine::whatif::{self, PathStatus as GtiStatus, Unreachable};
use tie_engine::{Basis, Bundle, GtiModel};

fn gti() -> (Bundle, Index) {
    let (bundle, errors) = Bundle::bundled();
    assert!(errors.is_empty(), "{errors:#?}");
    let index = bundle.index("gti-2025").expect("the GTI").clone();
    (bundle, index)
}

/// For every member and every better band (one band per pillar, then any number), the generic
/// search on the GTI's definition finds what `whatif::path_to_band` finds on the GTI model:
/// the same status, step count, solutions in the same order, scores and bands bit for bit.
#[test]
fn on_the_gti_it_finds_what_the_gti_model_finds() {
    let (bundle, Index { definition, data }) = gti();
    let model = GtiModel::new(&bundle.gti);
    let weights = bundle.gti.default_weights();
    let settings = bundle.gti.default_settings();
    let pipeline = definition.pipeline();
    let period = definition.periods[0];
    let mut reachable = 0;
    for country in &bundle.gti.countries {
        let iso3 = &country.iso3;
        let now = model.outcome(
            &model.units[model.index_of(iso3).expect("a member")],
            &weights,
            &settings,
        );
        let next = now.band.map_or(1, |b| (b.index() + 1).min(4));
        for (target, per_pillar) in (next..5).flat_map(|t| [(t, 1), (t, u32::MAX)]) {
            let expected = whatif::path_to_band_within(
                &model,
                iso3,
                tie_engine::model::Band::ALL[target],
                &weights,
                &settings,
                per_pillar,
            )
            .expect("a member");
            let ladders = band_ladders(&definition, &data, period, iso3, None, per_pillar as usize);
            let found = path_to_band(
                &definition,
                &data,
                &pipeline,
                period,
                iso3,
                &ladders,
                None,
                target,
                usize::MAX,
            )
            .expect("scores");
            assert_eq!(found.current.score, now.score, "{iso3}");
            assert_eq!(found.current.basis, now.basis, "{iso3}");
            match expected.status {
                GtiStatus::AlreadyThere => assert_eq!(found.status, PathStatus::AlreadyThere),
                GtiStatus::Unreachable(Unreachable::OutOfReach { best }) => assert_eq!(
                    found.status,
                    PathStatus::OutOfReach {
                        best: Some(best.index())
                    },
                    "{iso3}"
                ),
                GtiStatus::Unreachable(why) => {
                    let why = match why {
                        Unreachable::NoPillarData => NotComputed::NoData,
                        Unreachable::CoverageTooLow {
                            available,
                            pillars,
                            min_coverage,
                        } => NotComputed::CoverageTooLow {
                            available,
                            of: pillars,
                            min: min_coverage,
                        },
                        Unreachable::NoWeightOnData => NotComputed::NoWeightOnData,
                        Unreachable::OutOfReach { .. } => unreachable!("matched above"),
                    };
                    assert_eq!(found.status, PathStatus::NotComputed(why), "{iso3}")
                }
                GtiStatus::Reachable => {
                    reachable += 1;
                    assert_eq!(found.status, PathStatus::Reachable, "{iso3}");
                    assert_eq!(found.steps, expected.steps, "{iso3}");
                    assert_eq!(found.solutions.len(), expected.solutions.len(), "{iso3}");
                    for (f, e) in found.solutions.iter().zip(&expected.solutions) {
                        // The GTI model's steps are per pillar; the ladders', per pillar with
                        // a band.
                        let per_pillar: Vec<u32> =
                            ladders
                                .iter()
                                .zip(&f.steps)
                                .fold(vec![0; 7], |mut v, (l, s)| {
                                    let p = definition
                                        .hierarchy
                                        .indicators()
                                        .position(|n| n.code == l.indicator)
                                        .expect("an indicator");
                                    v[p] = *s;
                                    v
                                });
                        assert_eq!(per_pillar, e.steps, "{iso3}");
                        assert_eq!(f.score, e.score, "{iso3}");
                        assert_eq!(f.band, e.band.index(), "{iso3}");
                    }
                }
            }
        }
    }
    // The members with pillar bands, each towards every better band (some only with
    // several bands per pillar).
    assert!(reachable >= 8, "{reachable} searches found a path");
}

/// A pillar weighted zero has no ladder: a step on it never helps.
#[test]
fn a_zero_weight_indicator_has_no_ladder() {
    let (_, Index { definition, data }) = gti();
    let period = definition.periods[0];
    let all = band_ladders(&definition, &data, period, "KGZ", None, usize::MAX);
    assert!(!all.is_empty());
    let mut weights = definition.hierarchy.weights();
    let first = definition
        .hierarchy
        .node_index(&all[0].indicator)
        .expect("a node");
    weights[first] = 0.0;
    let fewer = band_ladders(
        &definition,
        &data,
        period,
        "KGZ",
        Some(&weights),
        usize::MAX,
    );
    assert_eq!(fewer.len(), all.len() - 1);
    assert!(fewer.iter().all(|l| l.indicator != all[0].indicator));
    // One band at most: ladders of one step or none.
    let one = band_ladders(&definition, &data, period, "KGZ", None, 1);
    assert!(one.iter().all(|l| l.steps.len() <= 1));
}

/// On a three-level index of numbers normalised min-max (so a move changes every unit's
/// normalised values), the search's answer is a brute force's: the fewest steps, and every
/// combination of that size that reaches the band.
#[test]
fn on_a_three_level_index_it_is_exact() {
    let Index { definition, data } = common::fixture_index();
    let pipeline = definition.pipeline();
    let period = 2024;
    let bands = data.dataset.bands.as_ref().expect("bands").len();
    let mut checked = 0;
    for unit in data.dataset.units.iter().map(|u| u.code.clone()) {
        // Each recorded number may rise by 10 twice.
        let ladders: Vec<Ladder> = definition
            .hierarchy
            .indicators()
            .filter_map(|n| match data.dataset.value(period, &unit, &n.code)? {
                Value::Number(x) => Some(Ladder {
                    indicator: n.code.clone(),
                    from: Value::Number(x),
                    steps: vec![Value::Number(x + 10.0), Value::Number(x + 20.0)],
                }),
                _ => None,
            })
            .collect();
        for target in 0..bands {
            let found = path_to_band(
                &definition,
                &data,
                &pipeline,
                period,
                &unit,
                &ladders,
                None,
                target,
                usize::MAX,
            )
            .expect("scores");
            // Brute force: every step vector, scored afresh.
            let mut all: Vec<(u32, Vec<u32>, f64, usize)> = Vec::new();
            let combos = 3usize.pow(ladders.len() as u32);
            for code in 0..combos {
                let steps: Vec<u32> = (0..ladders.len())
                    .map(|i| (code / 3usize.pow(i as u32) % 3) as u32)
                    .collect();
                let mut moved = data.clone();
                for (l, s) in ladders.iter().zip(&steps) {
                    let v = if *s == 0 {
                        l.from
                    } else {
                        l.steps[*s as usize - 1]
                    };
                    moved
                        .dataset
                        .set(period, &unit, &l.indicator, v, None)
                        .expect("sets");
                }
                let mut p = definition
                    .prepare(&moved, &pipeline, period)
                    .expect("prepares");
                let u = moved.dataset.unit_index(&unit).expect("a unit");
                let s = p.score(None, &pipeline.aggregate).expect("scores").units[u];
                if let (Some(score), Some(band), Basis::Recomputed) = (s.score, s.band, s.basis) {
                    all.push((steps.iter().sum(), steps, score, band));
                }
            }
            let already = found.current.band.is_some_and(|b| b >= target);
            let best = all
                .iter()
                .filter(|(_, _, _, b)| *b >= target)
                .map(|(n, ..)| *n)
                .min();
            match found.status {
                PathStatus::AlreadyThere => assert!(already, "{unit} {target}"),
                PathStatus::Reachable => {
                    checked += 1;
                    assert_eq!(Some(found.steps), best, "{unit} {target}");
                    let mut want: Vec<Vec<u32>> = all
                        .iter()
                        .filter(|(n, _, _, b)| *n == found.steps && *b >= target)
                        .map(|(_, s, ..)| s.clone())
                        .collect();
                    let mut got: Vec<Vec<u32>> =
                        found.solutions.iter().map(|s| s.steps.clone()).collect();
                    want.sort();
                    got.sort();
                    assert_eq!(got, want, "{unit} {target}");
                    // Highest score first.
                    assert!(found.solutions.windows(2).all(|w| w[0].score >= w[1].score));
                }
                PathStatus::OutOfReach { .. } => assert_eq!(best, None, "{unit} {target}"),
                PathStatus::NotComputed(_) => {
                    assert_ne!(found.current.basis, Basis::Recomputed)
                }
                PathStatus::TooLarge { .. } => panic!("no limit was set"),
            }
        }
    }
    assert!(checked > 0, "some search found a path");

    // A limit stops a long search and says so.
    let unit = &data.dataset.units[0].code;
    let ladders = band_ladders(&definition, &data, period, unit, None, 2);
    assert!(ladders.is_empty(), "no band values in this index");
    let lowest = data
        .dataset
        .units
        .iter()
        .find(|u| {
            let found = path_to_band(
                &definition,
                &data,
                &pipeline,
                period,
                &u.code,
                &[],
                None,
                bands - 1,
                usize::MAX,
            )
            .expect("scores");
            found.status
                == PathStatus::OutOfReach {
                    best: found.current.band,
                }
                && found.current.band.is_some_and(|b| b + 1 < bands)
        })
        .map(|u| u.code.clone())
        .expect("a unit below the top band");
    let ladders: Vec<Ladder> = definition
        .hierarchy
        .indicators()
        .filter_map(|n| match data.dataset.value(period, &lowest, &n.code)? {
            Value::Number(x) => Some(Ladder {
                indicator: n.code.clone(),
                from: Value::Number(x),
                steps: vec![Value::Number(x)],
            }),
            _ => None,
        })
        .collect();
    let stopped = path_to_band(
        &definition,
        &data,
        &pipeline,
        period,
        &lowest,
        &ladders,
        None,
        bands - 1,
        2,
    )
    .expect("scores");
    assert_eq!(stopped.status, PathStatus::TooLarge { limit: 2 });
    assert_eq!(stopped.scored, 2);
}
