//! Indices as data: the bundled definitions (GTI, CSP) load and score exactly as the
//! index-specific code does; a third index, a test fixture of three levels, loads and scores
//! through the same code path with no code of its own; malformed definitions are typed
//! errors naming file, row and field, never a panic.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;
use common::{fixture, load};
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::{BTreeMap, BTreeSet};

use tie_engine::composite::definition::parse_band_schemes;
use tie_engine::composite::{
    BandScheme, Direction, Fallback, Index, IndexDefinition, IndexFolder, IndexKind, Normalisation,
    Pipeline, Rule, Value,
};
use tie_engine::csp::year_table;
use tie_engine::data::{Files, BANDS_FILE};
use tie_engine::{
    scoring, Aggregation, Basis, Bundle, DataError, DataErrorKind, GtiModel, Settings,
};

fn bundled() -> Bundle {
    let (bundle, errors) = Bundle::bundled();
    assert!(errors.is_empty(), "{errors:#?}");
    bundle
}

fn index<'a>(bundle: &'a Bundle, id: &str) -> &'a Index {
    bundle.index(id).expect("a bundled index")
}

#[test]
fn both_bundled_definitions_load_without_error() {
    let bundle = bundled();
    let ids: Vec<&str> = bundle
        .indices
        .iter()
        .map(|i| i.definition.id.as_str())
        .collect();
    assert_eq!(ids, ["gti-2025", "csp"]);

    let gti = &index(&bundle, "gti-2025").definition;
    assert_eq!(gti.kind, IndexKind::Published);
    assert_eq!(gti.periods, [2025]);
    assert_eq!(gti.name.get("en"), "OMCT Global Torture Index 2025");
    // English only in the data: other languages are the app's catalogs (i18n/<lang>/).
    assert_eq!(gti.short.get("ru"), "GTI 2025");
    assert_eq!(gti.short.0.len(), 1);
    assert_eq!(gti.scale, Some((0.0, 100.0)));
    assert_eq!(gti.normalisation, Normalisation::BandMidpoint);
    assert_eq!(gti.fallback, Fallback::PublishedBand);
    assert_eq!(gti.index_code(), "gti");
    assert_eq!(gti.hierarchy.indicator_count(), 7);
    assert!(gti.hierarchy.indicators().all(|n| n.weight == 1.0));
    let scheme = gti.band_scheme().expect("the GTI has bands");
    let mids: Vec<_> = (0..5).filter_map(|b| scheme.midpoint(b)).collect();
    assert_eq!(mids, [10.0, 30.0, 50.0, 70.0, 90.0]);
    // The same scheme as the one the engine has always used, and the same pipeline.
    assert_eq!(
        scoring::BandScheme::from_generic(scheme),
        Some(scoring::BandScheme::GTI)
    );
    assert_eq!(scheme, &BandScheme::gti());
    assert_eq!(gti.pipeline(), Pipeline::band_midpoints(0.65));
    assert_eq!(gti.default_settings(), Settings::default());
    assert_eq!(bundle.gti.default_settings(), Settings::default());
    // The app's pillars come from the framework, names and weights as before.
    assert_eq!(bundle.gti.pillars.len(), 7);
    assert_eq!(bundle.gti.pillars[0].name_en, "Political commitment");
    assert_eq!(
        bundle.gti.pillars[6].name_en,
        index(&bundle, "gti-2025").definition.hierarchy.nodes()[6]
            .name
            .get("en")
    );
    assert_eq!(bundle.gti.default_weights(), vec![1.0; 7]);

    let csp = &index(&bundle, "csp").definition;
    assert_eq!(csp.periods, (2019..=2024).collect::<Vec<_>>());
    assert_eq!(csp.band_scheme(), None);
    assert_eq!(csp.normalisation, Normalisation::None);
    assert_eq!(csp.fallback, Fallback::None);
    assert_eq!(csp.hierarchy.indicator_count(), 1);
}

/// The outline the app reads (without the generic model) says what the full definitions say.
#[test]
fn the_outline_is_the_definitions() {
    let bundle = bundled();
    let (outline, errors) = Files::bundled().outline();
    assert!(errors.is_empty(), "{errors:?}");
    let periods = &index(&bundle, "csp").definition.periods;
    let years: Vec<i32> = outline.csp_years.iter().copied().map(i32::from).collect();
    assert_eq!(&years, periods);
    let years: Vec<i32> = bundle.csp.years().map(i32::from).collect();
    assert_eq!(&years, periods);
    let gti = &index(&bundle, "gti-2025").definition;
    assert_eq!(outline.gti_coverage, Some(gti.coverage.min));
    assert_eq!(outline.pillars, bundle.gti.pillars);
    assert_eq!(outline.pillars.len(), gti.hierarchy.indicator_count());
    // What the app loads has the same default settings as the full model.
    let (tables, errors) = Bundle::load_tables(&Files::bundled());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(tables.gti.default_settings(), bundle.gti.default_settings());
    assert_eq!(tables.csp.years, bundle.csp.years);
}

/// Change the definitions and the outline follows: nothing about them is a constant.
#[test]
fn the_outline_follows_changed_definitions() {
    let files = Files {
        gti_index: "key,value\nid,gti-2025\ncoverage.min,0.5\n",
        gti_framework: "code,level,parent,weight,name_en\na,1,i,1,A\nb,1,i,2,B\ni,2,,1,I\n",
        csp_index: "key,value\nid,csp\nperiods,2019-2026\n",
        ..Files::bundled()
    };
    let (outline, _) = files.outline();
    assert_eq!(outline.pillars.len(), 2);
    assert_eq!(outline.pillars[1].default_weight, 2.0);
    assert_eq!(outline.gti_coverage, Some(0.5));
    assert_eq!(outline.csp_years, (2019..=2026).collect::<Vec<u16>>());
    // A coverage that is no share is not read.
    let files = Files {
        gti_index: "key,value\ncoverage.min,65\n",
        ..Files::bundled()
    };
    assert_eq!(files.outline().0.gti_coverage, None);
}

#[test]
fn the_gti_from_its_definition_scores_bit_for_bit_like_the_gti_model() {
    let bundle = bundled();
    let model = GtiModel::new(&bundle.gti);
    let Index { definition, data } = index(&bundle, "gti-2025");
    let weight_sets = [
        model.default_weights.clone(),
        vec![2.0, 1.0, 0.5, 3.0, 1.0, 0.0, 7.5],
        vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
        vec![10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    ];
    let mut compared = 0;
    for weights in &weight_sets {
        for aggregation in Aggregation::ALL {
            for min_coverage in [0.0, 0.5, 0.65, 1.0] {
                let settings = Settings {
                    min_coverage,
                    aggregation,
                };
                let scored = model.score(weights, &settings).expect("valid weights");
                let mut pipeline = definition.pipeline();
                pipeline.aggregate.rule = Rule::from(aggregation);
                pipeline.aggregate.coverage.min = min_coverage;
                pipeline.weights = Some(weights.iter().copied().chain([1.0]).collect());
                let results = pipeline.run(&data.dataset, 2025).expect("runs");
                let standings = definition.standings(data, &results);
                assert_eq!(standings.order, scored.order);
                // The prepared recompute gives the same standings, bit for bit.
                let mut prepared = definition
                    .prepare(data, &definition.pipeline(), 2025)
                    .expect("prepares");
                let again = prepared
                    .score(pipeline.weights.as_deref(), &pipeline.aggregate)
                    .expect("scores");
                assert_eq!(again.order, standings.order);
                for (a, b) in again.units.iter().zip(&standings.units) {
                    assert_eq!(a.score.map(f64::to_bits), b.score.map(f64::to_bits));
                    assert_eq!((a.band, a.basis, a.rank), (b.band, b.basis, b.rank));
                }
                for ((unit, o), s) in model
                    .units
                    .iter()
                    .zip(&scored.outcomes)
                    .zip(&standings.units)
                {
                    let why = format!("{} {aggregation:?} {min_coverage} {weights:?}", unit.iso3);
                    assert_eq!(
                        o.score.map(f64::to_bits),
                        s.score.map(f64::to_bits),
                        "{why}"
                    );
                    assert_eq!(o.band.map(|b| b.index()), s.band, "{why}");
                    assert_eq!(o.basis, s.basis, "{why}");
                    assert_eq!(o.rank, s.rank, "{why}");
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, weight_sets.len() * 3 * 4 * model.units.len());
    // Provenance travels with every value.
    let kgz = data
        .dataset
        .provenance(2025, "KGZ", "p1")
        .expect("KGZ has pillar bands");
    assert!(!kgz.sources.is_empty());
    assert_eq!(
        definition.published(data, 2025, "BLR"),
        Some(Value::Band(0))
    );
}

/// Every field of two scorings, the scores bit for bit.
fn assert_same_scored(a: &scoring::Scored, b: &scoring::Scored, why: &str) {
    assert_eq!(a.order, b.order, "{why}");
    assert_eq!(a.outcomes.len(), b.outcomes.len(), "{why}");
    for (x, y) in a.outcomes.iter().zip(&b.outcomes) {
        assert_eq!(
            x.score.map(f64::to_bits),
            y.score.map(f64::to_bits),
            "{why}"
        );
        assert_eq!(
            (x.band, x.basis, x.rank),
            (y.band, y.basis, y.rank),
            "{why}"
        );
        assert_eq!(x.coverage.to_bits(), y.coverage.to_bits(), "{why}");
    }
}

/// A scenario change: `iso3`'s pillar (0-based) set to `band`.
fn change(iso3: &str, pillar: usize, band: tie_engine::model::Band) -> tie_engine::whatif::Change {
    tie_engine::whatif::Change {
        iso3: iso3.to_string(),
        pillar,
        band,
    }
}

#[test]
fn the_explorer_scores_the_gti_through_the_one_model_as_the_gti_model_does() {
    use tie_engine::composite::gti::{Scorer, ScorerError};
    use tie_engine::model::Band;
    use tie_engine::whatif::WhatIfError;
    let bundle = bundled();
    let model = GtiModel::new(&bundle.gti);
    let scenarios = [
        vec![],
        // Kyrgyzstan two pillars better; Belarus (published band only) given pillars until it
        // is recomputed; a later change to the same pillar wins.
        vec![
            change("KGZ", 4, Band::Moderate),
            change("KGZ", 1, Band::Low),
            change("KGZ", 1, Band::Considerable),
        ],
        (0..7).map(|p| change("BLR", p, Band::High)).collect(),
    ];
    let weight_sets = [
        model.default_weights.clone(),
        vec![2.0, 1.0, 0.5, 3.0, 1.0, 0.0, 7.5],
        vec![10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    ];
    let mut compared = 0;
    for changes in &scenarios {
        let changed = model.with_changes(changes).expect("valid changes");
        let mut scorer = Scorer::new(&bundle.gti, changes).expect("builds");
        for weights in &weight_sets {
            for aggregation in Aggregation::ALL {
                for min_coverage in [0.0, 0.5, 0.65, 1.0] {
                    let settings = Settings {
                        min_coverage,
                        aggregation,
                    };
                    let why = format!("{changes:?} {weights:?} {aggregation:?} {min_coverage}");
                    let want = changed.score(weights, &settings).expect("valid");
                    let got = scorer.score(weights, &settings).expect("valid");
                    assert_same_scored(&got, &want, &why);
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 3 * 3 * 3 * 4);
    // The scenario changed what it says: Belarus is recomputed, Kyrgyzstan's score rose.
    let settings = bundle.gti.default_settings();
    let weights = &model.default_weights;
    let before = Scorer::new(&bundle.gti, &[])
        .expect("builds")
        .score(weights, &settings);
    let after = Scorer::new(&bundle.gti, &scenarios[2])
        .expect("builds")
        .score(weights, &settings);
    let blr = model.index_of("BLR").expect("a member");
    let (before, after) = (before.expect("valid"), after.expect("valid"));
    assert_eq!(before.outcomes[blr].basis, Basis::PublishedBandOnly);
    assert_eq!(after.outcomes[blr].basis, Basis::Recomputed);
    assert_eq!(after.outcomes[blr].band, Some(Band::High));
    // Bad weights and bad changes are the GTI model's errors.
    let mut scorer = Scorer::new(&bundle.gti, &[]).expect("builds");
    for bad in [
        vec![1.0; 6],
        vec![0.0; 7],
        vec![1.0, -1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    ] {
        assert_eq!(
            scorer.score(&bad, &settings).map(|_| ()),
            model.score(&bad, &settings).map(|_| ()),
            "{bad:?}"
        );
    }
    assert_eq!(
        Scorer::new(&bundle.gti, &[change("XXX", 0, Band::Low)]).map(|_| ()),
        Err(ScorerError::Change(WhatIfError::UnknownCountry(
            "XXX".into()
        )))
    );
    assert_eq!(
        Scorer::new(&bundle.gti, &[change("KGZ", 7, Band::Low)]).map(|_| ()),
        Err(ScorerError::Change(WhatIfError::PillarOutOfRange {
            pillar: 7,
            pillars: 7
        }))
    );
}

#[test]
fn the_explorer_s_sensitivity_and_ranks_per_rule_through_the_one_model_are_the_gti_model_s() {
    use tie_engine::composite::gti::Scorer;
    use tie_engine::robustness::{rank_changes, sensitivity, SensitivityError};
    let bundle = bundled();
    let model = GtiModel::new(&bundle.gti);
    let mut scorer = Scorer::new(&bundle.gti, &[]).expect("builds");
    let weight_sets = [
        model.default_weights.clone(),
        vec![2.0, 1.0, 0.5, 3.0, 1.0, 0.0, 7.5],
        vec![10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
    ];
    let mut nonzero = 0;
    for weights in &weight_sets {
        for aggregation in Aggregation::ALL {
            for min_coverage in [0.0, 0.65, 1.0] {
                let settings = Settings {
                    min_coverage,
                    aggregation,
                };
                let why = format!("{weights:?} {aggregation:?} {min_coverage}");
                assert_eq!(
                    scorer.ranks_by_rule(weights, &settings),
                    rank_changes(&model, weights, &settings),
                    "{why}"
                );
                for unit in &model.units {
                    let want = sensitivity(&model, weights, &settings, &unit.iso3).expect("valid");
                    let got = scorer
                        .sensitivity(weights, &settings, &unit.iso3)
                        .expect("valid");
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&got), bits(&want), "{} {why}", unit.iso3);
                    nonzero += usize::from(got.iter().any(|d| *d != 0.0));
                }
            }
        }
    }
    // Some derivatives are not zero (the recomputed members under the two means).
    assert!(nonzero >= 50, "{nonzero}");
    let settings = bundle.gti.default_settings();
    assert_eq!(
        scorer.sensitivity(&model.default_weights, &settings, "XXX"),
        Err(SensitivityError::UnknownCountry("XXX".into()))
    );
    assert_eq!(
        scorer.sensitivity(&[0.0; 7], &settings, "KGZ"),
        sensitivity(&model, &[0.0; 7], &settings, "KGZ")
    );
    assert_eq!(
        scorer.ranks_by_rule(&[1.0; 6], &settings),
        rank_changes(&model, &[1.0; 6], &settings)
    );
}

#[test]
fn the_explorer_s_monte_carlo_through_the_one_model_is_the_gti_model_s() {
    // The same seed gives the same draws, so a shared link shows the same figures: every rank
    // histogram, band share and percentile equal, bit for bit, over scenarios, weights, rules,
    // coverages, spreads (0, a weight that can reach 0, beyond 1) and seeds.
    use tie_engine::composite::gti::Scorer;
    use tie_engine::model::Band;
    use tie_engine::robustness::{monte_carlo, McSettings};
    use tie_engine::whatif::Change;
    let bundle = bundled();
    let model = GtiModel::new(&bundle.gti);
    let scenarios = [
        vec![],
        (0..7)
            .map(|pillar| Change {
                iso3: "BLR".into(),
                pillar,
                band: Band::High,
            })
            .collect(),
    ];
    let weight_sets = [
        model.default_weights.clone(),
        vec![2.0, 1.0, 0.5, 3.0, 1.0, 0.0, 7.5],
        // So small that a factor can round a weight to 0: such draws are skipped by both.
        vec![5e-324, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    ];
    let (mut compared, mut skipped, mut moved) = (0, 0, 0);
    for changes in &scenarios {
        let changed = model.with_changes(changes).expect("valid changes");
        let mut scorer = Scorer::new(&bundle.gti, changes).expect("builds");
        for weights in &weight_sets {
            for aggregation in Aggregation::ALL {
                for min_coverage in [0.0, 0.65, 1.0] {
                    for (spread, seed) in [(0.0, 1), (0.5, 2025), (1.0, 7), (3.0, 11)] {
                        let settings = Settings {
                            min_coverage,
                            aggregation,
                        };
                        let mc = McSettings {
                            spread,
                            draws: 300,
                            seed,
                        };
                        let why = format!(
                            "{changes:?} {weights:?} {aggregation:?} {min_coverage} {spread}"
                        );
                        let want = monte_carlo(&changed, weights, &settings, &mc).expect("valid");
                        let got = scorer.monte_carlo(weights, &settings, &mc).expect("valid");
                        assert_eq!(got, want, "{why}");
                        // Bit for bit (`==` on floats would let -0 pass for 0).
                        for (g, w) in got.units.iter().zip(&want.units) {
                            let bits =
                                |p: &[f64]| p.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                            assert_eq!(
                                bits(&g.band_probability),
                                bits(&w.band_probability),
                                "{why}"
                            );
                        }
                        skipped += got.skipped;
                        moved += got
                            .units
                            .iter()
                            .filter(|u| u.rank_histogram.iter().filter(|c| **c > 0).count() > 1)
                            .count();
                        compared += 1;
                    }
                }
            }
        }
    }
    assert_eq!(compared, 2 * 3 * 3 * 3 * 4);
    assert!(skipped > 0, "some draws rounded every weight to 0");
    assert!(moved > 500, "ranks move in many runs: {moved}");
    // The scorer's standings are left at the weights it was last asked for.
    let mut scorer = Scorer::new(&bundle.gti, &[]).expect("builds");
    let settings = bundle.gti.default_settings();
    let before = scorer
        .score(&model.default_weights, &settings)
        .expect("valid");
    scorer
        .monte_carlo(&model.default_weights, &settings, &McSettings::default())
        .expect("valid");
    let after = scorer
        .score(&model.default_weights, &settings)
        .expect("valid");
    assert_same_scored(&after, &before, "after a run");
    // Bad weights and weights whose perturbed sum overflows are the GTI model's errors.
    for bad in [
        vec![1.0; 6],
        vec![0.0; 7],
        vec![1.0, -1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        vec![f64::MAX, f64::MAX, 1.0, 1.0, 1.0, 1.0, 1.0],
    ] {
        let mc = McSettings::default();
        assert_eq!(
            scorer.monte_carlo(&bad, &settings, &mc).map(|_| ()),
            monte_carlo(&model, &bad, &settings, &mc).map(|_| ()),
            "{bad:?}"
        );
    }
}

#[test]
fn preparing_with_normalisation_alone_is_the_pipeline_s_preparation() {
    // The explorer prepares the GTI with `prepare_normalised`, which skips the code of the
    // steps a pipeline of normalisation alone does not run: on the fixture (min-max, three
    // levels, a missing value) and the GTI (bands), both give the same scores, bit for bit.
    let fixture_index = common::fixture_index();
    let bundle = bundled();
    for Index { definition, data } in [&fixture_index, index(&bundle, "gti-2025")] {
        let pipeline = definition.pipeline();
        for &period in &data.dataset.periods {
            let mut full = pipeline.prepare(&data.dataset, period).expect("prepares");
            let mut lean = Pipeline::prepare_normalised(&data.dataset, &pipeline.normalise, period)
                .expect("prepares");
            assert_eq!(lean.units(), full.units());
            let a = full
                .score(None, &pipeline.aggregate)
                .expect("scores")
                .clone();
            let b = lean
                .score(None, &pipeline.aggregate)
                .expect("scores")
                .clone();
            let bits = |m: &tie_engine::composite::Matrix| {
                (0..definition.hierarchy.nodes().len())
                    .flat_map(|c| m.column(c).iter().map(|x| x.to_bits()).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(&a), bits(&b), "{} {period}", definition.id);
            assert!(bits(&a).iter().any(|x| !f64::from_bits(*x).is_nan()));
        }
    }
}

#[test]
fn the_csp_from_its_definition_ranks_like_its_year_tables() {
    let bundle = bundled();
    let Index { definition, data } = index(&bundle, "csp");
    for year in bundle.csp.years() {
        let results = definition
            .pipeline()
            .run(&data.dataset, i32::from(year))
            .expect("runs");
        let standings = definition.standings(data, &results);
        let table = year_table(&bundle.csp, year);
        for row in &table {
            let u = data.dataset.unit_index(&row.iso3).expect("a CSP country");
            let s = standings.units[u];
            assert_eq!(
                s.score.map(f64::to_bits),
                row.value.map(f64::to_bits),
                "{} {year}",
                row.iso3
            );
            assert_eq!(s.rank, row.rank, "{} {year}", row.iso3);
        }
        let ranked = standings.units.iter().filter(|s| s.rank.is_some()).count();
        assert_eq!(
            ranked,
            table.iter().filter(|r| r.rank.is_some()).count(),
            "{year}"
        );
    }
}

fn minmax(values: &[f64], x: f64) -> f64 {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (x - lo) / (hi - lo) * 100.0
}

#[test]
fn a_third_index_is_a_folder_scored_end_to_end() {
    let (folder, bands) = fixture();
    let (index, errors) = load(&folder, bands);
    assert!(errors.is_empty(), "{errors:#?}");
    let Index { definition, data } = index.expect("the fixture loads");
    assert_eq!(definition.kind, IndexKind::Explorer);
    assert_eq!(definition.periods, [2023, 2024]);
    assert_eq!(data.dataset.hierarchy.levels(), 3);
    assert_eq!(
        data.dataset.meta_of("complaints").direction,
        Direction::Negative
    );
    assert_eq!(
        data.dataset.meta_of("convictions").unit.as_deref(),
        Some("%")
    );
    assert_eq!(data.dataset.units[3].name.get("ru"), "Молдова");
    // The alternative claim is not a value; the missing value is missing, with its source.
    assert_eq!(
        data.dataset.value(2024, "GEO", "legal"),
        Some(Value::Number(60.0))
    );
    assert_eq!(
        data.dataset.value(2024, "UKR", "convictions"),
        Some(Value::Missing)
    );
    assert!(data
        .dataset
        .provenance(2024, "UKR", "convictions")
        .is_some());

    let results = definition
        .pipeline()
        .run(&data.dataset, 2024)
        .expect("runs");
    let standings = definition.standings(&data, &results);
    // By hand: min-max per indicator (complaints reversed), then weighted means.
    let legal = |x| minmax(&[80.0, 60.0, 40.0, 70.0, 50.0], x);
    let access = |x| minmax(&[70.0, 90.0, 30.0, 60.0, 50.0], x);
    let complaints = |x: f64| minmax(&[-12.0, -8.0, -20.0, -10.0, -15.0], -x);
    let convictions = |x| minmax(&[40.0, 55.0, 10.0, 30.0], x);
    let index = |l, a, c, v: Option<f64>| {
        let safeguards = (legal(l) + access(a)) / 2.0;
        let accountability = match v {
            Some(v) => (complaints(c) + 2.0 * convictions(v)) / 3.0,
            None => complaints(c),
        };
        (safeguards + accountability) / 2.0
    };
    let want = [
        ("ARM", index(80.0, 70.0, 12.0, Some(40.0)), 2, "strong"),
        ("GEO", index(60.0, 90.0, 8.0, Some(55.0)), 1, "strong"),
        ("KAZ", index(40.0, 30.0, 20.0, Some(10.0)), 5, "weak"),
        ("MDA", index(70.0, 60.0, 10.0, Some(30.0)), 3, "middling"),
        ("UKR", index(50.0, 50.0, 15.0, None), 4, "weak"),
    ];
    let scheme = definition.band_scheme().expect("the fixture has bands");
    for (u, (code, score, rank, band)) in want.iter().enumerate() {
        let s = standings.units[u];
        let got = s.score.expect("scored");
        assert!((got - score).abs() < 1e-9, "{code}: {got} against {score}");
        assert_eq!(s.rank, Some(*rank), "{code}");
        assert_eq!(s.basis, Basis::Recomputed);
        assert_eq!(
            scheme.bands()[s.band.expect("banded")].slug,
            *band,
            "{code}"
        );
    }
    assert_eq!(standings.order, [1, 0, 3, 4, 2]);

    // What if Moldova's access to a lawyer rose from 60 to 90 (the best recorded)? The range
    // of the indicator is unchanged, so only Moldova moves: into the top band, still third.
    let mut what_if = data.clone();
    what_if
        .dataset
        .set(2024, "MDA", "access", Value::Number(90.0), None)
        .expect("a known cell");
    let after = definition
        .pipeline()
        .run(&what_if.dataset, 2024)
        .expect("runs");
    let after = definition.standings(&what_if, &after);
    let mda = after.units[3];
    let want_mda =
        ((legal(70.0) + 100.0) / 2.0 + (complaints(10.0) + 2.0 * convictions(30.0)) / 3.0) / 2.0;
    assert!((mda.score.expect("scored") - want_mda).abs() < 1e-9);
    assert_eq!(scheme.bands()[mda.band.expect("banded")].slug, "strong");
    assert_eq!(mda.rank, Some(3));
    for u in [0, 1, 2, 4] {
        assert_eq!(after.units[u], standings.units[u], "unit {u} unchanged");
    }

    // The other period: Armenia and Georgia have a legal score only (one of two indicators,
    // enough at 50% coverage); Kazakhstan's lone complaint figure has no spread to normalise.
    let r2023 = definition
        .pipeline()
        .run(&data.dataset, 2023)
        .expect("runs");
    let s2023 = definition.standings(&data, &r2023);
    assert_eq!(s2023.units[0].score, Some(100.0));
    assert_eq!(s2023.units[1].score, Some(0.0));
    assert_eq!(s2023.units[2].basis, Basis::NotPublished);
    assert_eq!(s2023.units.iter().filter(|s| s.rank.is_some()).count(), 2);
}

/// Replaces one file of the fixture and returns the errors of loading it.
fn errors_with(name: &str, text: &str) -> Vec<DataError> {
    let (mut folder, bands) = fixture();
    let bands = if name == "bands.csv" { text } else { bands };
    for f in &mut folder.files {
        if f.0 == name {
            f.1 = text;
        }
    }
    load(&folder, bands).1
}

fn located(errors: &[DataError]) -> Vec<(String, usize, String, DataErrorKind)> {
    errors
        .iter()
        .map(|e| {
            (
                e.file.rsplit('/').next().unwrap_or("").to_string(),
                e.row,
                e.field.clone(),
                e.kind.clone(),
            )
        })
        .collect()
}

#[test]
fn malformed_definitions_are_errors_naming_file_row_and_field() {
    let base = include_str!("fixtures/three-level/index.csv");
    let errs = errors_with(
        "index.csv",
        &base
            .replace("kind,explorer", "kind,official")
            .replace("periods,2023-2024", "periods,2024-2023")
            .replace("coverage.min,0.5", "coverage.min,1.5")
            .replace("bands,demo-3", "bands,demo-9")
            .replace("values.file,values.csv", "values.file,nowhere.csv")
            .replace(
                "publisher,Torture Index Explorer (test fixture)\n",
                "colour,blue\n",
            ),
    );
    let got = located(&errs);
    let row = |key: &str| {
        base.lines()
            .position(|l| l.starts_with(&format!("{key},")))
            .map(|i| i + 1)
            .expect("a key of the fixture")
    };
    for want in [
        (
            "index.csv",
            row("publisher"),
            "key",
            DataErrorKind::UnknownKey("colour".into()),
        ),
        ("index.csv", 1, "publisher", DataErrorKind::MissingKey),
        (
            "index.csv",
            row("kind"),
            "kind",
            DataErrorKind::NotOneOf {
                value: "official".into(),
                expected: "published, explorer",
            },
        ),
        (
            "index.csv",
            row("periods"),
            "periods",
            DataErrorKind::NotAYear("2024-2023".into()),
        ),
        (
            "index.csv",
            row("bands"),
            "bands",
            DataErrorKind::UnknownScheme("demo-9".into()),
        ),
        (
            "index.csv",
            row("values.file"),
            "values.file",
            DataErrorKind::UnknownFile("nowhere.csv".into()),
        ),
    ] {
        let want = (want.0.to_string(), want.1, want.2.to_string(), want.3);
        assert!(got.contains(&want), "{want:?} not in {got:#?}");
    }
    assert!(got.iter().any(|e| e.2 == "coverage.min"));
    assert_eq!(
        errs.iter().find(|e| e.field == "bands").map(ToString::to_string).as_deref(),
        Some("tests/fixtures/three-level/index.csv, row 12, field `bands`: `demo-9` is not a band scheme in bands.csv")
    );

    let framework = include_str!("fixtures/three-level/framework.csv");
    let errs = errors_with(
        "framework.csv",
        &framework.replace("complaints,1,accountability", "complaints,1,accountabilty"),
    );
    assert_eq!(located(&errs).len(), 1, "{errs:#?}");
    assert_eq!((errs[0].row, errs[0].field.as_str()), (4, "parent"));
    assert!(matches!(errs[0].kind, DataErrorKind::Framework(_)));
    let errs = errors_with(
        "framework.csv",
        &framework.replace("legal,1,safeguards,1", "legal,one,safeguards,-1"),
    );
    assert_eq!(located(&errs)[0].1, 2);
    assert_eq!(located(&errs)[0].2, "level");
    let errs = errors_with(
        "framework.csv",
        &framework.replace("demo,3,,1", "demo,3,safeguards,1"),
    );
    assert!(
        matches!(errs[0].kind, DataErrorKind::Framework(_)),
        "{errs:#?}"
    );

    let errs = errors_with(
        "bands.csv",
        &include_str!("fixtures/three-level/bands.csv").replace(",40,70,", ",45,70,"),
    );
    // The scheme is refused, and so the definition that names it.
    assert_eq!(
        located(&errs),
        [
            (
                "bands.csv".into(),
                3,
                "lower".into(),
                DataErrorKind::BadBands("a band must start where the previous one ends".into())
            ),
            (
                "index.csv".into(),
                12,
                "bands".into(),
                DataErrorKind::UnknownScheme("demo-3".into())
            ),
        ]
    );

    // Bad values: the row is left out and reported, the rest loads.
    let values = include_str!("fixtures/three-level/values.csv");
    let bad = values
        .replace("ARM,legal,2024,80,", "ARM,legl,2024,80,")
        .replace("GEO,access,2024,90,", "GEO,access,2031,90,")
        .replace(
            "KAZ,access,2024,30,used,demo-survey",
            "KAZ,access,2024,30,used,nowhere",
        )
        .replace("MDA,legal,2024,70,", "MDA,legal,2024,seventy,")
        .replace("UKR,legal,2024,50,", "XXX,legal,2024,50,");
    let (index, errs) = {
        let (mut folder, bands) = fixture();
        folder.files[3].1 = &bad;
        load(&folder, bands)
    };
    let got: Vec<(usize, String)> = errs.iter().map(|e| (e.row, e.field.clone())).collect();
    assert_eq!(
        got,
        [
            (2, "indicator".into()),
            (8, "year".into()),
            (12, "sources".into()),
            (15, "value".into()),
            (19, "iso3".into())
        ],
        "{errs:#?}"
    );
    assert_eq!(
        errs[3].kind,
        DataErrorKind::NotANumberOrBand {
            value: "seventy".into(),
            scheme: "demo-3".into()
        }
    );
    let data = index.expect("loads without the bad rows").data;
    assert_eq!(
        data.dataset.value(2024, "ARM", "access"),
        Some(Value::Number(70.0))
    );
    assert_eq!(
        data.dataset.value(2024, "ARM", "legal"),
        Some(Value::Missing)
    );
}

#[test]
fn a_missing_file_or_empty_folder_is_an_error_not_a_panic() {
    let empty = IndexFolder {
        path: "data/empty",
        files: vec![],
    };
    let errs = IndexDefinition::parse(&empty, &BTreeMap::new()).expect_err("nothing to read");
    assert_eq!(errs.len(), 2);
    assert_eq!(errs[0].file, "data/empty/index.csv");
    let (schemes, errs) = parse_band_schemes(BANDS_FILE, "");
    assert!(schemes.is_empty() && errs.len() == 1);
    // The bundled schemes parse cleanly.
    let (schemes, errs) = parse_band_schemes(BANDS_FILE, Files::bundled().bands);
    assert!(errs.is_empty(), "{errs:?}");
    // OMCT's scheme for the GTI, and the explorer's own for its open-indicators index, named
    // as the explorer's so that its bands are never read as OMCT's.
    assert_eq!(
        schemes.keys().collect::<Vec<_>>(),
        ["explorer-risk", "gti-risk"]
    );
    let explorer = &schemes["explorer-risk"];
    assert!(explorer
        .bands()
        .iter()
        .all(|b| b.name.get("en").ends_with("(explorer)") && !b.name.get("ru").is_empty()));
}

/// Loading the bundled folders directly gives what the bundle holds.
#[test]
fn bundled_folders_load_through_the_generic_path_alone() {
    let files = Files::bundled();
    let bundle = bundled();
    let (schemes, errs) = parse_band_schemes(BANDS_FILE, files.bands);
    assert!(errs.is_empty());
    let sources: BTreeSet<String> = bundle.sources.iter().map(|s| s.id.clone()).collect();
    for (folder, bundled) in files.index_folders().iter().zip(&bundle.indices) {
        let (index, errors) = IndexDefinition::load(folder, &schemes, &sources);
        assert!(errors.is_empty(), "{}: {errors:#?}", folder.path);
        let index = index.expect("loads");
        assert_eq!(index.definition, bundled.definition);
        assert_eq!(index.data.published, bundled.data.published);
        // Cell by cell: the matrices hold NaN for missing, which `==` never equates.
        let (a, b) = (&index.data.dataset, &bundled.data.dataset);
        assert_eq!(a.units, b.units);
        for &p in &a.periods {
            for u in &a.units {
                for n in a.hierarchy.indicators() {
                    let (code, i) = (&u.code, &n.code);
                    assert_eq!(a.value(p, code, i), b.value(p, code, i));
                    assert_eq!(a.provenance(p, code, i), b.provenance(p, code, i));
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Lines built from the format's own words, so that random rows reach deep into the
    /// parser rather than failing at the header.
    fn line() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "key",
            "value",
            "id",
            "kind",
            "periods",
            "2019-2024",
            "2024",
            "-1",
            "1",
            "0.5",
            "none",
            "band-midpoint",
            "min-max",
            "published",
            "explorer",
            "published-band",
            "bands",
            "demo-3",
            "coverage.min",
            "values.file",
            "values.csv",
            "units.file",
            "countries.csv",
            "code",
            "level",
            "parent",
            "weight",
            "name_en",
            "demo",
            "legal",
            "safeguards",
            "ARM",
            "Weak",
            "weak",
            "scheme",
            "lower",
            "upper",
            "\"",
            "\"\"",
            "",
            " ",
            "NaN",
            "inf",
            "1e308",
            "99999",
            "name.en",
            "values.indicator",
            "status",
            "missing",
            "used",
            "alternative",
            "\u{feff}",
            "\r",
            "é",
            "\u{0}",
        ]);
        prop::collection::vec(word, 0..8).prop_map(|w| w.join(","))
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::collection::vec(line(), 0..12).prop_map(|l| l.join("\n")),
            prop::collection::vec(any::<u8>(), 0..200)
                .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
            ".{0,300}",
        ]
    }

    /// Keeps the fixture's other files, so that a random file meets valid neighbours.
    fn mutated(which: usize, text: &str) -> Vec<DataError> {
        let names = [
            "index.csv",
            "framework.csv",
            "countries.csv",
            "values.csv",
            "bands.csv",
        ];
        errors_with(names[which % names.len()], text)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn random_definition_files_never_panic_and_errors_are_located(
            which in 0usize..5,
            text in text(),
            head in prop::bool::ANY,
        ) {
            // Half the time keep the real header, so rows are parsed field by field.
            let (folder, bands) = fixture();
            let name = ["index.csv", "framework.csv", "countries.csv", "values.csv", "bands.csv"][which];
            let original = if name == "bands.csv" { bands } else { folder.file(name).unwrap_or("") };
            let text = if head {
                format!("{}\n{text}", original.lines().next().unwrap_or(""))
            } else {
                text
            };
            let lines = text.lines().count().max(1) + 1;
            for e in mutated(which, &text) {
                prop_assert!(e.file.starts_with("tests/fixtures/three-level/"), "{e}");
                prop_assert!(e.row >= 1 && e.row <= lines.max(30), "{e}");
                let syntax = matches!(
                    e.kind,
                    DataErrorKind::NoHeader
                        | DataErrorKind::BadQuote
                        | DataErrorKind::UnclosedQuote
                        | DataErrorKind::TooManyFields { .. }
                        | DataErrorKind::UnknownFile(_)
                );
                prop_assert!(syntax || !e.field.is_empty(), "{e}");
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

#[test]
fn reforms_are_read_from_the_framework_and_a_bad_step_is_located() {
    let (folder, bands) = fixture();
    let (index, errors) = load(&folder, bands);
    assert!(errors.is_empty(), "{errors:?}");
    let d = index.expect("the fixture loads").definition;
    assert_eq!(d.reforms.len(), 2);
    let legal = &d.reforms["legal"];
    assert_eq!(legal.step, 10.0);
    assert_eq!(
        legal.text.get("en"),
        "Legal safeguards improve by 10 points"
    );
    assert_eq!(d.reforms["complaints"].step, -5.0);
    // A step of zero, or one without words, is an error naming the framework's row and column.
    for (bad, field) in [
        (",0,Nothing,", "reform_step"),
        (",abc,Words,", "reform_step"),
        (",5,,", "reform_en"),
    ] {
        let framework = include_str!("fixtures/three-level/framework.csv").replace(
            ",10,Legal safeguards improve by 10 points,Правовые гарантии улучшаются на 10 пунктов",
            bad,
        );
        let mut f = folder.clone();
        f.files[1].1 = Box::leak(framework.into_boxed_str());
        let (_, errors) = load(&f, bands);
        assert!(
            errors
                .iter()
                .any(|e| e.file.ends_with("framework.csv") && e.row == 2 && e.field == field),
            "{bad}: {errors:?}"
        );
    }
}

#[test]
fn the_one_model_s_rank_bounds_on_the_gti_are_the_gti_model_s() {
    // For every member, the generic bounds equal the GTI model's: under each rule, at every
    // coverage, at spreads up to 1 (where a weight can reach 0), with and without a scenario.
    // Members whose published band stands are compared on that score's key cell, as the
    // ranking compares them; the weakest pillar, and a geometric mean with a pillar at 0, do
    // not move with the weights; under the geometric mean two members with the same pillars
    // are compared in logarithms; at spread 1 a pillar can lose its weight.
    use tie_engine::composite::gti::{self, Scorer};
    use tie_engine::model::Band;
    use tie_engine::robustness::rank_bounds;
    use tie_engine::whatif::Change;
    let bundle = bundled();
    let model = GtiModel::new(&bundle.gti);
    let Index { definition, data } = index(&bundle, "gti-2025");
    let weight_sets = [
        model.default_weights.clone(),
        vec![2.0, 1.0, 0.5, 3.0, 1.0, 0.0, 7.5],
        vec![10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
        vec![10.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    ];
    let scenarios = [
        vec![],
        vec![
            Change {
                iso3: "KGZ".into(),
                pillar: 4,
                band: Band::Moderate,
            },
            Change {
                iso3: "HND".into(),
                pillar: 0,
                band: Band::Low,
            },
        ],
    ];
    let (mut equal, mut moving) = (0, 0);
    for changes in &scenarios {
        let changed = model.with_changes(changes).expect("valid changes");
        let mut scorer = Scorer::new(&bundle.gti, changes).expect("builds");
        for weights in &weight_sets {
            for aggregation in Aggregation::ALL {
                for min_coverage in [0.0, 0.65, 1.0] {
                    for spread in [0.0, 0.1, 0.3, 0.5, 0.9, 1.0] {
                        let settings = Settings {
                            min_coverage,
                            aggregation,
                        };
                        let why = format!(
                            "{changes:?} {weights:?} {aggregation:?} {min_coverage} {spread}"
                        );
                        let want =
                            rank_bounds(&changed, weights, &settings, spread).expect("valid");
                        let got = scorer
                            .rank_bounds(weights, &settings, spread)
                            .expect("valid");
                        assert_eq!(got, want, "{why}");
                        moving += got.iter().filter(|b| b.best != b.worst).count();
                        equal += 1;
                    }
                }
            }
        }
    }
    assert_eq!(equal, scenarios.len() * weight_sets.len() * 3 * 3 * 6);
    assert!(
        moving > 1_000,
        "many ranges are wider than one rank: {moving}"
    );
    // Bad weights, and weights whose perturbed sum overflows, are the GTI model's errors.
    let mut scorer = Scorer::new(&bundle.gti, &[]).expect("builds");
    let settings = bundle.gti.default_settings();
    for bad in [
        vec![1.0; 6],
        vec![0.0; 7],
        vec![f64::MAX, f64::MAX, 1.0, 1.0, 1.0, 1.0, 1.0],
    ] {
        assert_eq!(
            scorer.rank_bounds(&bad, &settings, 0.5),
            rank_bounds(&model, &bad, &settings, 0.5),
            "{bad:?}"
        );
    }
    // At the official weights and ±50 %, the eight members whose High band stands share rank
    // 7 whatever the weights: no recomputed member can pass their score, only reach it.
    // (The workbench reads the bundled definition: the same.)
    let w: Vec<f64> = model.default_weights.iter().copied().chain([1.0]).collect();
    let mut prepared = definition
        .prepare(data, &definition.pipeline(), gti::PERIOD)
        .expect("prepares");
    let spec = definition.pipeline().aggregate;
    let bounds = prepared.rank_bounds(Some(&w), &spec, 0.5).expect("bounds");
    let scored = model
        .score(&model.default_weights, &settings)
        .expect("valid");
    let standing: Vec<_> = scored
        .outcomes
        .iter()
        .zip(&bounds.units)
        .filter(|(o, _)| o.basis == Basis::PublishedBandOnly && o.rank == Some(7))
        .map(|(_, b)| (b.best, b.worst))
        .collect();
    assert_eq!(standing, vec![(Some(7), Some(7)); 8]);
}

#[test]
fn the_explorer_s_path_to_a_band_through_the_one_model_is_the_gti_model_s() {
    // For every member and every band, one band per pillar and any number, under each rule,
    // coverage and weight set, with and without a scenario: the one model's search on the
    // member's own row gives the GTI model's answer, equal in every field (solutions and
    // their order, scores bit for bit, the reason where there is no path).
    use tie_engine::composite::gti::Scorer;
    use tie_engine::model::Band;
    use tie_engine::whatif::{self, PathStatus, WhatIfError};
    let bundle = bundled();
    let model = GtiModel::new(&bundle.gti);
    let weight_sets = [
        model.default_weights.clone(),
        vec![2.0, 1.0, 0.5, 3.0, 1.0, 0.0, 7.5],
        vec![0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
    ];
    let scenarios = [
        vec![],
        // Togo, with no pillar band, given one: too few pillars, or (without the first
        // pillar's weight) no weight on its data.
        vec![
            change("KGZ", 4, Band::Moderate),
            change("HND", 0, Band::Low),
            change("TGO", 0, Band::High),
        ],
    ];
    let mut seen = BTreeMap::new();
    for changes in &scenarios {
        let changed = model.with_changes(changes).expect("valid changes");
        let mut scorer = Scorer::new(&bundle.gti, changes).expect("builds");
        for weights in &weight_sets {
            for aggregation in Aggregation::ALL {
                for min_coverage in [0.0, 0.65, 1.0] {
                    let settings = Settings {
                        min_coverage,
                        aggregation,
                    };
                    for country in &bundle.gti.countries {
                        for target in Band::ALL {
                            for per_pillar in [1, 2, u32::MAX] {
                                let iso3 = &country.iso3;
                                let want = whatif::path_to_band_within(
                                    &changed, iso3, target, weights, &settings, per_pillar,
                                );
                                let got = scorer.path_to_band_within(
                                    iso3, target, weights, &settings, per_pillar,
                                );
                                assert_eq!(
                                    got, want,
                                    "{changes:?} {weights:?} {settings:?} {iso3} {target:?} {per_pillar}"
                                );
                                let kind = match want.expect("a member").status {
                                    PathStatus::Unreachable(u) => format!("{u:?}")
                                        .split([' ', '{'])
                                        .next()
                                        .unwrap_or("")
                                        .to_string(),
                                    s => format!("{s:?}"),
                                };
                                *seen.entry(kind).or_insert(0) += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    // Every answer the simulator words differently came up.
    let kinds: Vec<&str> = seen.keys().map(String::as_str).collect();
    assert_eq!(
        kinds,
        [
            "AlreadyThere",
            "CoverageTooLow",
            "NoPillarData",
            "NoWeightOnData",
            "OutOfReach",
            "Reachable"
        ],
        "{seen:?}"
    );
    assert!(seen["Reachable"] > 1_000, "{seen:?}");
    // Unknown members and bad weights are the GTI model's errors.
    let mut scorer = Scorer::new(&bundle.gti, &[]).expect("builds");
    let settings = bundle.gti.default_settings();
    let w = &model.default_weights;
    for (iso3, weights) in [
        ("XXX", w.clone()),
        ("KGZ", vec![1.0; 6]),
        ("KGZ", vec![0.0; 7]),
        ("KGZ", vec![f64::NAN, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
    ] {
        let want = whatif::path_to_band_within(&model, iso3, Band::Low, &weights, &settings, 1);
        let got = scorer.path_to_band_within(iso3, Band::Low, &weights, &settings, 1);
        assert!(matches!(
            got,
            Err(WhatIfError::UnknownCountry(_) | WhatIfError::Weights(_))
        ));
        assert_eq!(got, want, "{iso3} {weights:?}");
    }
}
