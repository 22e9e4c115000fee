//! The generic composite model end to end: the GTI rebuilt in it (bit for bit against
//! `GtiModel`), a three-level index built here, COINr's ASEM example against COINr's published
//! results, and properties of the pipeline steps.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::collections::BTreeMap;

use tie_engine::composite::{
    gti, Coverage, CoverageBasis, Dataset, Hierarchy, Imputation, IndicatorMeta, Node,
    Normalisation, Pipeline, Rule, Unit, Value,
};
use tie_engine::{Aggregation, Basis, Bundle, GtiModel, Settings};

fn gti_model() -> (Bundle, GtiModel, Dataset) {
    let (bundle, errors) = Bundle::bundled();
    assert!(errors.is_empty(), "{errors:?}");
    let model = GtiModel::new(&bundle.gti);
    let data = gti::dataset(&bundle.gti).expect("the bundled GTI fits the generic model");
    (bundle, model, data)
}

/// Node weights for the generic pipeline: the pillar weights, then the index's.
fn node_weights(pillars: &[f64]) -> Vec<f64> {
    pillars.iter().copied().chain([1.0]).collect()
}

#[test]
fn the_gti_rebuilt_generically_scores_bit_for_bit_as_the_gti_model() {
    let (_, model, data) = gti_model();
    let mut weight_sets = vec![model.default_weights.clone()];
    weight_sets.push(vec![2.0, 1.0, 0.5, 3.0, 1.0, 0.0, 7.5]);
    weight_sets.push(vec![0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    weight_sets.push(vec![10.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]);
    let mut compared = 0;
    for weights in &weight_sets {
        for agg in Aggregation::ALL {
            let settings = Settings {
                aggregation: agg,
                ..Settings::default()
            };
            let scored = model.score(weights, &settings).expect("valid weights");
            let pipeline = Pipeline {
                weights: Some(node_weights(weights)),
                aggregate: tie_engine::composite::AggregateSpec {
                    rule: Rule::from(agg),
                    ..Pipeline::band_midpoints(settings.min_coverage).aggregate
                },
                ..Pipeline::band_midpoints(settings.min_coverage)
            };
            let results = pipeline.run(&data, gti::PERIOD).expect("runs");
            for (unit, outcome) in model.units.iter().zip(&scored.outcomes) {
                let generic = results.score(&data, &unit.iso3, gti::INDEX);
                if outcome.basis == Basis::Recomputed {
                    let (a, b) = (outcome.score.map(f64::to_bits), generic.map(f64::to_bits));
                    assert_eq!(a, b, "{} {agg:?} {weights:?}", unit.iso3);
                    let band = generic.and_then(|s| data.bands.as_ref()?.band_of(s));
                    assert_eq!(band, outcome.band.map(|b| b.index()));
                    compared += 1;
                } else {
                    assert_eq!(generic, None, "{} has too few pillars", unit.iso3);
                }
            }
        }
    }
    // Kyrgyzstan, India and Honduras have their pillar bands, in every run.
    assert!(compared >= 3 * 3 * weight_sets.len(), "{compared}");
}

#[test]
fn the_generic_gti_gives_the_published_examples() {
    let (_, model, data) = gti_model();
    let results = Pipeline::band_midpoints(0.65)
        .run(&data, gti::PERIOD)
        .expect("runs");
    let scheme = data.bands.as_ref().expect("the GTI has bands");
    for (iso3, score, band) in [
        ("KGZ", 41.43, "considerable"),
        ("IND", 32.86, "high"),
        ("HND", 24.29, "high"),
    ] {
        let s = results.score(&data, iso3, gti::INDEX).expect("recomputed");
        assert!((s - score).abs() < 0.005, "{iso3} {s}");
        let b = scheme.band_of(s).expect("a band");
        assert_eq!(scheme.bands()[b].slug, band);
    }
    // Every country the GTI model recomputes is ranked here too.
    let scored = model
        .score(&model.default_weights, &Settings::default())
        .expect("valid");
    for (unit, outcome) in model.units.iter().zip(&scored.outcomes) {
        if outcome.basis == Basis::Recomputed {
            let generic = results.rank(&data, &unit.iso3);
            assert!(generic.is_some(), "{} ranked", unit.iso3);
        }
    }
    // Provenance travels with each value.
    let kgz = data.provenance(gti::PERIOD, "KGZ", &data.hierarchy.nodes()[0].code);
    assert!(kgz.is_some_and(|p| !p.sources.is_empty()));
}

/// Three levels: six indicators, three pillars, one index; five units, one gap.
fn fixture() -> Dataset {
    let h = Hierarchy::new(vec![
        Node::indicator("lit", "Edu", 1.0),
        Node::indicator("enr", "Edu", 1.0),
        Node::indicator("life", "Health", 2.0),
        Node::indicator("mort", "Health", 1.0),
        Node::indicator("gdp", "Econ", 1.0),
        Node::indicator("unemp", "Econ", 1.0),
        Node::aggregate("Edu", 2, "Index", 1.0),
        Node::aggregate("Health", 2, "Index", 1.0),
        Node::aggregate("Econ", 2, "Index", 2.0),
        Node::aggregate("Index", 3, "", 1.0),
    ])
    .expect("valid framework");
    let negative = IndicatorMeta {
        direction: tie_engine::composite::Direction::Negative,
        ..IndicatorMeta::default()
    };
    let meta = BTreeMap::from([
        ("mort".to_string(), negative.clone()),
        ("unemp".to_string(), negative),
    ]);
    let units = ["A", "B", "C", "D", "E"]
        .iter()
        .map(|c| Unit::new(c, &format!("Unit {c}")))
        .collect();
    let mut d = Dataset::new(units, h, meta, vec![], None, vec![2024]).expect("valid");
    let rows: [(&str, [f64; 6]); 5] = [
        ("A", [90.0, 80.0, 70.0, 10.0, 40.0, 5.0]),
        ("B", [50.0, 60.0, 80.0, 20.0, 30.0, 10.0]),
        ("C", [70.0, f64::NAN, 60.0, 30.0, 20.0, 15.0]),
        ("D", [10.0, 20.0, 50.0, 40.0, 10.0, 20.0]),
        ("E", [90.0, 80.0, 70.0, 10.0, 40.0, 5.0]),
    ];
    let codes = ["lit", "enr", "life", "mort", "gdp", "unemp"];
    for (unit, values) in rows {
        for (code, v) in codes.iter().zip(values) {
            let value = if v.is_nan() {
                Value::Missing
            } else {
                Value::Number(v)
            };
            d.set(2024, unit, code, value, None).expect("known cell");
        }
    }
    d
}

#[test]
fn a_three_level_index_runs_end_to_end() {
    let data = fixture();
    let pipeline = Pipeline {
        impute: Some(Imputation::Mean),
        ..Pipeline::default()
    };
    let r = pipeline.run(&data, 2024).expect("runs");
    assert_eq!(r.imputed, vec![0, 1, 0, 0, 0, 0]);
    let score = |u: &str, n: &str| r.score(&data, u, n).expect("scored");
    // C's missing enrolment is the mean of the others: (80+60+20+80)/4 = 60, which min-max
    // puts at (60-20)/(80-20) = 2/3 of the way.
    assert!((score("C", "enr") - 200.0 / 3.0).abs() < 1e-12);
    // Negative direction: the lowest mortality scores 100.
    assert_eq!(score("A", "mort"), 100.0);
    assert_eq!(score("D", "mort"), 0.0);
    // Pillars and index by hand for A: Edu (100+100)/2, Health (2*(20/30*100)+100)/3,
    // Econ (100+100)/2; Index (Edu + Health + 2 Econ)/4.
    let health = (2.0 * (20.0 / 30.0 * 100.0) + 100.0) / 3.0;
    assert!((score("A", "Health") - health).abs() < 1e-12);
    assert!((score("A", "Index") - (100.0 + health + 200.0) / 4.0).abs() < 1e-12);
    assert_eq!(score("D", "Index"), 0.0 + score("D", "Health") / 4.0);
    // A and E are identical: they share rank 1, listed by name; D is last.
    let ranking = r.ranking.as_ref().expect("one index");
    assert_eq!(r.rank(&data, "A"), Some(1));
    assert_eq!(r.rank(&data, "E"), Some(1));
    assert_eq!(r.rank(&data, "D"), Some(5));
    assert_eq!(ranking.order[0], 0);
    assert_eq!(ranking.order[1], 4);

    // Without imputation and with a coverage rule of 100%, C's education pillar is missing
    // and the index renormalises over the two pillars it has.
    let strict = Pipeline {
        aggregate: tie_engine::composite::AggregateSpec {
            coverage: Coverage {
                basis: CoverageBasis::Count,
                min: 1.0,
            },
            ..Default::default()
        },
        ..Pipeline::default()
    };
    let r = strict.run(&data, 2024).expect("runs");
    assert_eq!(r.score(&data, "C", "Edu"), None);
    let c = |n: &str| r.score(&data, "C", n).expect("scored");
    assert_eq!(
        r.score(&data, "C", "Index"),
        None,
        "the index needs all pillars"
    );
    assert!(c("Health") > 0.0);
    // Screening at 100% drops C, and C alone.
    let screened = Pipeline {
        screen: Some(1.0),
        ..Pipeline::default()
    };
    let r = screened.run(&data, 2024).expect("runs");
    assert_eq!(r.screened_out, vec!["C".to_string()]);
    assert_eq!(r.units, vec![0, 1, 3, 4]);
    assert_eq!(r.rank(&data, "C"), None);
    // Bad parameters are errors, not panics.
    let bad = Pipeline {
        screen: Some(1.5),
        ..Pipeline::default()
    };
    assert!(bad.run(&data, 2024).is_err());
    assert!(Pipeline::default().run(&data, 1999).is_err());
    let wrong = Pipeline {
        weights: Some(vec![1.0; 3]),
        ..Pipeline::default()
    };
    assert!(wrong.run(&data, 2024).is_err());
    let group = Pipeline {
        impute: Some(Imputation::GroupMean {
            group: "nope".into(),
        }),
        ..Pipeline::default()
    };
    assert!(group.run(&data, 2024).is_err());
    let minmax_bands = Pipeline {
        normalise: tie_engine::composite::NormaliseSpec {
            default: Normalisation::BandMidpoint,
            ..Default::default()
        },
        ..Pipeline::default()
    };
    // Band-to-midpoint on numbers leaves them as they are.
    let r = minmax_bands.run(&data, 2024).expect("runs");
    assert_eq!(r.score(&data, "A", "lit"), Some(90.0));
}

#[cfg(not(target_arch = "wasm32"))]
mod asem {
    use super::*;
    use tie_engine::composite::coinr::from_coinr;
    use tie_engine::composite::{Direction, TreatAction, TreatSpec};

    const DIR: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/coinr-asem/"
    );

    /// COINr's `build_example_coin()`, as printed in its "Presenting Results" vignette
    /// (`head(get_results(coin, dset = "Aggregated", tab_type = "Aggs"))`, COINr 1.1.14 on
    /// CRAN): unit, Index, Conn, Sust, Physical, ConEcFin, Political, Instit, P2P, Environ.
    const PUBLISHED: [(&str, [f64; 10]); 6] = [
        (
            "CHE",
            [
                68.38,
                62.79,
                73.98,
                63.41,
                32.87,
                74.78,
                85.94,
                56.93,
                77.21,
                f64::NAN,
            ],
        ),
        (
            "NLD",
            [
                64.82,
                61.94,
                67.70,
                64.87,
                46.62,
                84.55,
                71.74,
                41.92,
                58.73,
                f64::NAN,
            ],
        ),
        (
            "DNK",
            [
                64.80,
                57.10,
                72.51,
                50.52,
                30.43,
                78.13,
                75.35,
                51.04,
                69.83,
                f64::NAN,
            ],
        ),
        (
            "NOR",
            [
                64.47,
                57.44,
                71.50,
                58.18,
                25.70,
                80.03,
                89.46,
                33.80,
                70.90,
                f64::NAN,
            ],
        ),
        (
            "BEL",
            [
                63.54,
                63.99,
                63.09,
                71.97,
                48.22,
                80.84,
                75.60,
                43.32,
                53.01,
                f64::NAN,
            ],
        ),
        (
            "SWE",
            [
                63.00,
                53.87,
                72.12,
                51.51,
                23.87,
                80.98,
                74.51,
                38.50,
                66.37,
                f64::NAN,
            ],
        ),
    ];
    const COLUMNS: [&str; 9] = [
        "Index",
        "Conn",
        "Sust",
        "Physical",
        "ConEcFin",
        "Political",
        "Instit",
        "P2P",
        "Environ",
    ];

    fn load() -> Option<Dataset> {
        let read = |f: &str| std::fs::read_to_string(format!("{DIR}{f}")).ok();
        let (Some(idata), Some(imeta)) = (read("asem_iData.csv"), read("asem_iMeta.csv")) else {
            println!("skipped: COINr's ASEM example is not at {DIR}");
            return None;
        };
        Some(from_coinr(&idata, &imeta).expect("the ASEM tables load"))
    }

    /// COINr's example pipeline: denominate, impute by EurAsia_group mean, screen at 0.9,
    /// treat (defaults, winmax 5), min-max onto 0-100, arithmetic mean with iMeta weights.
    fn coinr_example() -> Pipeline {
        Pipeline {
            denominate: true,
            impute: Some(Imputation::GroupMean {
                group: "EurAsia_group".into(),
            }),
            screen: Some(0.9),
            treat: Some(TreatSpec::default()),
            ..Pipeline::default()
        }
    }

    #[test]
    fn coinr_asem_example_builds_and_matches_the_published_results() {
        let Some(data) = load() else { return };
        assert_eq!(data.units.len(), 51);
        assert_eq!(data.hierarchy.indicator_count(), 49);
        assert_eq!(data.hierarchy.levels(), 4);
        assert_eq!(data.periods, vec![2018]);
        assert_eq!(data.denominators.len(), 4);
        let metas = || data.hierarchy.indicators().map(|n| data.meta_of(&n.code));
        let negative = metas()
            .filter(|m| m.direction == Direction::Negative)
            .count();
        assert_eq!(negative, 14);
        assert_eq!(metas().filter(|m| m.denominator.is_some()).count(), 17);
        let groups = &data.units[0].groups;
        assert_eq!(
            groups.get("EurAsia_group").map(String::as_str),
            Some("Europe")
        );
        let table = data.table(2018).expect("one period");
        let missing = table.values.column(0).len() * 49
            - (0..49)
                .map(|c| {
                    table
                        .values
                        .column(c)
                        .iter()
                        .filter(|v| !v.is_nan())
                        .count()
                })
                .sum::<usize>();
        assert_eq!(missing, 63, "the README's count of empty cells");

        let r = coinr_example().run(&data, 2018).expect("runs");
        assert!(r.screened_out.is_empty(), "{:?}", r.screened_out);
        assert_eq!(r.units.len(), 51);
        assert!(r.imputed.iter().sum::<usize>() > 0);
        let index = data.hierarchy.node_index("Index").expect("the index");
        let scores = r.scores.column(index);
        assert!(
            scores.iter().all(|s| (0.0..=100.0).contains(s)),
            "{scores:?}"
        );
        let count =
            |f: fn(&TreatAction) -> bool| r.treatment.iter().filter(|t| f(&t.action)).count();
        let winsorised = count(|a| matches!(a, TreatAction::Winsorised { .. }));
        let logged = count(|a| matches!(a, TreatAction::LogTransformed { .. }));
        println!("ASEM treatment: {winsorised} Winsorised, {logged} log-transformed");

        let mut worst: f64 = 0.0;
        for (unit, values) in PUBLISHED {
            for (code, published) in COLUMNS.iter().zip(values) {
                let ours = r.score(&data, unit, code).expect("scored");
                let diff = (ours - published).abs();
                println!("{unit} {code:<9} ours {ours:8.4} COINr {published:6.2} diff {diff:.4}");
                worst = worst.max(diff);
            }
        }
        println!("largest difference from COINr's published (2-decimal) figures: {worst:.4}");
        assert!(worst <= 0.005 + 1e-9, "{worst}");
        let top: Vec<&str> = r
            .ranking
            .as_ref()
            .expect("ranked")
            .order
            .iter()
            .take(6)
            .map(|&row| data.units[r.units[row]].code.as_str())
            .collect();
        assert_eq!(top, vec!["CHE", "NLD", "DNK", "NOR", "BEL", "SWE"]);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;
    use tie_engine::composite::pipeline::aggregate::{aggregate, AggregateSpec, Scratch};
    use tie_engine::composite::pipeline::normalise::normalise;
    use tie_engine::composite::{Direction, Hierarchy, Matrix, Node, Normalisation, Rule};
    use tie_engine::rank::competition_ranks;

    fn rule() -> impl Strategy<Value = Rule> {
        prop::sample::select(vec![
            Rule::Arithmetic,
            Rule::Geometric,
            Rule::Harmonic,
            Rule::Minimum,
        ])
    }

    fn one_level(n: usize) -> Hierarchy {
        let mut nodes: Vec<Node> = (0..n)
            .map(|i| Node::indicator(&format!("i{i}"), "IDX", 1.0))
            .collect();
        nodes.push(Node::aggregate("IDX", 2, "", 1.0));
        Hierarchy::new(nodes).expect("valid")
    }

    fn run(values: &[f64], weights: &[f64], rule: Rule) -> f64 {
        let h = one_level(values.len());
        let mut m = Matrix::missing(1, values.len() + 1);
        for (c, v) in values.iter().enumerate() {
            m.set(0, c, *v);
        }
        let spec = AggregateSpec {
            rule,
            ..AggregateSpec::default()
        };
        let mut w = weights.to_vec();
        w.push(1.0);
        aggregate(&mut m, &h, &w, &spec, &mut Scratch::default());
        m.raw(0, values.len())
    }

    proptest! {
        #[test]
        fn min_max_output_is_in_range(
            x in prop::collection::vec(prop::option::of(-1e6f64..1e6), 2..40),
            lower in -100.0f64..100.0,
            width in 0.1f64..1000.0,
            negative in any::<bool>(),
        ) {
            let mut col: Vec<f64> = x.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
            let upper = lower + width;
            let dir = if negative { Direction::Negative } else { Direction::Positive };
            let flags = vec![false; col.len()];
            normalise(&mut col, &flags, Normalisation::MinMax { lower, upper }, dir, None, None, "x")
                .expect("valid");
            for (v, orig) in col.iter().zip(&x) {
                prop_assert_eq!(v.is_nan(), orig.is_none() || col.iter().all(|c| c.is_nan()));
                if !v.is_nan() {
                    prop_assert!(*v >= lower - 1e-9 && *v <= upper + 1e-9, "{} not in [{}, {}]", v, lower, upper);
                }
            }
        }

        #[test]
        fn aggregating_equal_values_gives_that_value(
            v in 0.001f64..100.0,
            weights in prop::collection::vec(0.01f64..10.0, 1..10),
            rule in rule(),
        ) {
            let values = vec![v; weights.len()];
            let got = run(&values, &weights, rule);
            prop_assert!((got - v).abs() <= 1e-12 * v.max(1.0), "{:?}: {} vs {}", rule, got, v);
        }

        #[test]
        fn scaling_weights_changes_nothing(
            values in prop::collection::vec(prop::option::of(0.0f64..100.0), 1..10),
            k in 0.01f64..100.0,
            rule in rule(),
        ) {
            let values: Vec<f64> = values.iter().map(|v| v.unwrap_or(f64::NAN)).collect();
            let weights: Vec<f64> = (0..values.len()).map(|i| 1.0 + i as f64).collect();
            let scaled: Vec<f64> = weights.iter().map(|w| w * k).collect();
            let (a, b) = (run(&values, &weights, rule), run(&values, &scaled, rule));
            prop_assert_eq!(a.is_nan(), b.is_nan());
            if !a.is_nan() {
                prop_assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{} vs {}", a, b);
            }
        }

        #[test]
        fn aggregates_lie_between_the_extremes(
            values in prop::collection::vec(0.0f64..100.0, 1..10),
            rule in rule(),
        ) {
            let weights = vec![1.0; values.len()];
            let got = run(&values, &weights, rule);
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(got >= lo - 1e-9 && got <= hi + 1e-9, "{} outside [{}, {}]", got, lo, hi);
        }

        #[test]
        fn equal_scores_share_a_rank(scores in prop::collection::vec(0u8..5, 1..20)) {
            let s: Vec<Option<f64>> = scores.iter().map(|v| Some(f64::from(*v))).collect();
            let names: Vec<String> = (0..s.len()).map(|i| format!("u{i:02}")).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let r = competition_ranks(&s, &refs);
            for i in 0..s.len() {
                for j in 0..s.len() {
                    prop_assert_eq!(scores[i] == scores[j], r.ranks[i] == r.ranks[j]);
                }
            }
        }
    }
}
