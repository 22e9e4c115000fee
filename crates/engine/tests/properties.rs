//! Property tests (native only: proptest needs the host's std). The wasm32 side of "native and
//! wasm32 agree" is the digest test in golden.rs.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tie_engine::rank::competition_ranks;
use tie_engine::scoring::{aggregate, Aggregation};
use tie_engine::{Bundle, GtiModel, Settings};

fn model() -> GtiModel {
    GtiModel::new(&Bundle::bundled().0.gti)
}

fn weights() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.0f64..10.0, 7)
        .prop_filter("not all zero", |w| w.iter().any(|x| *x > 0.0))
}

fn aggregation() -> impl Strategy<Value = Aggregation> {
    prop::sample::select(Aggregation::ALL.to_vec())
}

proptest! {
    #[test]
    fn ranks_form_a_competition_ranking(scores in prop::collection::vec(prop::option::of(-100.0f64..200.0), 0..40)) {
        let names: Vec<String> = (0..scores.len()).map(|i| format!("c{i:02}")).collect();
        let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let r = competition_ranks(&scores, &name_refs);
        // Order is a permutation.
        let mut sorted = r.order.clone();
        sorted.sort_unstable();
        prop_assert_eq!(sorted, (0..scores.len()).collect::<Vec<_>>());
        // Each rank is 1 + the number of strictly better scores; unscored entries are unranked.
        for (i, s) in scores.iter().enumerate() {
            match s {
                None => prop_assert_eq!(r.ranks[i], None),
                Some(x) => {
                    let key = |v: f64| (v * 1e6).round() as i64;
                    let better = scores.iter().flatten().filter(|y| key(**y) > key(*x)).count();
                    prop_assert_eq!(r.ranks[i], Some(better as u32 + 1));
                }
            }
        }
        // Display order: ranks never decrease, and the unranked come last.
        let ranks: Vec<Option<u32>> = r.order.iter().map(|&i| r.ranks[i]).collect();
        let ranked = ranks.iter().take_while(|x| x.is_some()).count();
        prop_assert!(ranks[ranked..].iter().all(Option::is_none));
        prop_assert!(ranks[..ranked].windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn scaling_all_weights_changes_nothing(w in weights(), k in 0.01f64..100.0, agg in aggregation()) {
        let m = model();
        let settings = Settings { aggregation: agg, ..Settings::default() };
        let a = m.score(&w, &settings).expect("valid");
        let scaled: Vec<f64> = w.iter().map(|x| x * k).collect();
        let b = m.score(&scaled, &settings).expect("valid");
        prop_assert_eq!(&a.order, &b.order);
        for (x, y) in a.outcomes.iter().zip(&b.outcomes) {
            prop_assert_eq!(x.rank, y.rank);
            prop_assert_eq!(x.band, y.band);
            match (x.score, y.score) {
                (Some(p), Some(q)) => prop_assert!((p - q).abs() < 1e-9, "{} vs {}", p, q),
                (p, q) => prop_assert_eq!(p, q),
            }
        }
    }

    #[test]
    fn raising_one_pillar_never_lowers_the_score(
        values in prop::collection::vec(prop::option::of(0.0f64..100.0), 7),
        w in weights(),
        pillar in 0usize..7,
        raise in 0.0f64..50.0,
        agg in aggregation(),
    ) {
        let before = aggregate(&values, &w, agg);
        let mut raised = values.clone();
        if let Some(v) = raised[pillar].as_mut() {
            *v = (*v + raise).min(100.0);
        }
        let after = aggregate(&raised, &w, agg);
        if let (Some(b), Some(a)) = (before, after) {
            prop_assert!(a >= b - 1e-9, "{} -> {}", b, a);
        }
    }

    #[test]
    fn scores_stay_on_the_scale_and_bands_match_scores(w in weights(), agg in aggregation(), cov in 0.0f64..1.0) {
        let m = model();
        let s = m.score(&w, &Settings { min_coverage: cov, aggregation: agg }).expect("valid");
        for o in &s.outcomes {
            if let Some(score) = o.score {
                prop_assert!((0.0..=100.0).contains(&score));
                prop_assert_eq!(o.band, Some(m.scheme.band(score)));
            }
        }
    }

    #[test]
    fn any_csv_text_loads_without_panic(text in "[a-zA-Z0-9,\"\n\r ]{0,200}") {
        let mut files = tie_engine::Files::bundled();
        files.csp_values = Box::leak(text.clone().into_boxed_str());
        let _ = Bundle::load(&files);
    }
}

#[test]
fn zero_weights_nan_and_infinity_are_typed_errors() {
    let m = model();
    let s = Settings::default();
    assert!(m.score(&[0.0; 7], &s).is_err());
    assert!(m
        .score(&[1.0, 1.0, 1.0, f64::NAN, 1.0, 1.0, 1.0], &s)
        .is_err());
    assert!(m
        .score(&[1.0, 1.0, 1.0, f64::INFINITY, 1.0, 1.0, 1.0], &s)
        .is_err());
    assert!(m.score(&[1.0; 6], &s).is_err());
}

#[test]
fn coverage_threshold_controls_recomputation() {
    let m = model();
    let w = m.default_weights.clone();
    let kgz = m.index_of("KGZ").expect("member");
    let full = m
        .score(
            &w,
            &Settings {
                min_coverage: 1.0,
                ..Settings::default()
            },
        )
        .expect("valid");
    assert_eq!(full.outcomes[kgz].basis, tie_engine::Basis::Recomputed);
    let bhr = m.index_of("BHR").expect("member");
    let zero = m
        .score(
            &w,
            &Settings {
                min_coverage: 0.0,
                ..Settings::default()
            },
        )
        .expect("valid");
    // No pillar data at all: the published band stands whatever the threshold.
    assert_eq!(
        zero.outcomes[bhr].basis,
        tie_engine::Basis::PublishedBandOnly
    );
    assert_eq!(zero.outcomes[bhr].score, Some(10.0));
}
