//! Property tests of the generic model's rank bounds (`PreparedIndex::rank_bounds`) on random
//! two-level indices read from COINr tables (native only: proptest needs the host's std).
//!
//! Every index has two anchor units, one at every indicator's minimum and one at its maximum,
//! so that min-max scaling leaves the two random units anywhere in between, the anchors rank
//! first and last whatever the weights, and the random units' ranks depend on their pair alone.
//! Then the bounds can be checked against the truth, found by trying every vertex of the box
//! of weights (where the extremes of nested weighted means lie).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tie_engine::composite::import::from_coinr_files;
use tie_engine::composite::{BoundsMethod, Rule};
use tie_engine::rng::SplitMix64;
use tie_engine::robustness::McSettings;

const META: &str = "Level,iCode,iName,Direction,Weight,Parent,Type
1,a,A,1,1,P,Indicator
1,b,B,1,1,P,Indicator
1,c,C,1,1,Q,Indicator
1,d,D,1,1,Q,Indicator
2,P,P,1,1,I,Aggregate
2,Q,Q,1,1,I,Aggregate
3,I,Index,1,1,,Aggregate
";

fn cell(v: Option<f64>) -> String {
    v.map_or(String::new(), |x| format!("{x}"))
}

/// COINr's iData: the anchors LO (all 0) and HI (all 10), then X and Y.
fn idata(x: &[Option<f64>; 4], y: &[Option<f64>; 4]) -> String {
    let row = |code: &str, v: &[Option<f64>; 4]| {
        let cells: Vec<String> = v.iter().map(|c| cell(*c)).collect();
        format!("{code},{code},{}\n", cells.join(","))
    };
    format!(
        "uCode,uName,a,b,c,d\n{}{}{}{}",
        row("LO", &[Some(0.0); 4]),
        row("HI", &[Some(10.0); 4]),
        row("X", x),
        row("Y", y)
    )
}

fn values() -> impl Strategy<Value = [Option<f64>; 4]> {
    let v = prop_oneof![1 => Just(None), 6 => (0.5f64..9.5).prop_map(Some)];
    [v.clone(), v.clone(), v.clone(), v]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn bounds_hold_every_draw_and_are_exact_where_the_data_match(
        x in values(),
        y in values(),
        weights in prop::collection::vec(0.2f64..3.0, 7),
        spread in prop::sample::select(vec![0.1, 0.25, 0.5, 0.75, 1.0]),
        geometric in any::<bool>(),
    ) {
        let index = from_coinr_files(("d.csv", &idata(&x, &y)), ("m.csv", META), "")
            .expect("reads");
        let d = &index.data.dataset;
        let mut pipeline = index.definition.pipeline();
        if geometric {
            pipeline.aggregate.rule = Rule::Geometric;
        }
        let period = d.periods[0];
        let mut prepared = index
            .definition
            .prepare(&index.data, &pipeline, period)
            .expect("prepares");
        let spec = pipeline.aggregate.clone();
        let before = prepared.score(Some(&weights), &spec).expect("scores").clone();
        let bounds = prepared.rank_bounds(Some(&weights), &spec, spread).expect("bounds");
        prop_assert_eq!(prepared.standings(), &before);
        prop_assert_eq!(bounds.method, BoundsMethod::Pairwise);
        // The truth: ranks at every vertex of the box.
        let n = d.units.len();
        let mut seen = vec![(u32::MAX, 0u32); n];
        let mut near_tie = false;
        let mut w = weights.clone();
        for mask in 0u32..(1 << weights.len()) {
            for (i, (wi, base)) in w.iter_mut().zip(&weights).enumerate() {
                // A weight of exactly 0 drops its component, which no draw does (a factor
                // is never 0 in practice): the lowest vertex is just above it.
                let f = if mask & (1 << i) != 0 { 1.0 + spread } else { (1.0 - spread).max(1e-9) };
                *wi = base * f;
            }
            let Ok(s) = prepared.score(Some(&w), &spec) else { continue };
            let scores: Vec<Option<f64>> = s.units.iter().map(|u| u.score).collect();
            if let (Some(a), Some(b)) = (scores[2], scores[3]) {
                near_tie |= (a - b).abs() < 1e-4;
            }
            for (u, st) in s.units.iter().enumerate() {
                if let Some(r) = st.rank {
                    seen[u] = (seen[u].0.min(r), seen[u].1.max(r));
                }
            }
        }
        // Random draws lie inside the bounds.
        let mut rng = SplitMix64::new(7);
        for _ in 0..50 {
            for (wi, base) in w.iter_mut().zip(&weights) {
                *wi = base * rng.uniform(1.0 - spread, 1.0 + spread);
            }
            let s = prepared.score(Some(&w), &spec).expect("scores");
            for (u, st) in s.units.iter().enumerate() {
                if let Some(r) = st.rank {
                    seen[u] = (seen[u].0.min(r), seen[u].1.max(r));
                }
            }
        }
        for (u, b) in bounds.units.iter().enumerate() {
            let (Some(best), Some(worst)) = (b.best, b.worst) else {
                prop_assert_eq!(seen[u], (u32::MAX, 0), "unit {} never ranked", u);
                continue;
            };
            prop_assert!(best <= seen[u].0 && seen[u].1 <= worst,
                "unit {}: bounds {}-{}, seen {:?}", u, best, worst, seen[u]);
        }
        // Exact: the anchors first and last, the pair in between as the vertices show, when
        // both have data for the same indicators and the rule is the arithmetic mean.
        let same_data = x.iter().zip(&y).all(|(a, b)| a.is_some() == b.is_some());
        let scored = bounds.units.iter().all(|b| b.best.is_some());
        if same_data && !geometric && !near_tie && scored {
            for (u, b) in bounds.units.iter().enumerate() {
                prop_assert_eq!((b.best, b.worst), (Some(seen[u].0), Some(seen[u].1)),
                    "unit {} exact", u);
            }
        }
    }
}

/// At spread 0 the bounds are the ranks; a pair with identical data always ties.
#[test]
fn spread_zero_gives_the_ranks_and_equal_data_tie() {
    let same = [Some(3.0), Some(4.0), None, Some(8.0)];
    let index =
        from_coinr_files(("d.csv", &idata(&same, &same)), ("m.csv", META), "").expect("reads");
    let pipeline = index.definition.pipeline();
    let period = index.data.dataset.periods[0];
    let mut prepared = index
        .definition
        .prepare(&index.data, &pipeline, period)
        .expect("prepares");
    let ranks: Vec<Option<u32>> = prepared
        .score(None, &pipeline.aggregate)
        .expect("scores")
        .units
        .iter()
        .map(|u| u.rank)
        .collect();
    let flat = prepared
        .rank_bounds(None, &pipeline.aggregate, 0.0)
        .expect("bounds");
    for (b, r) in flat.units.iter().zip(&ranks) {
        assert_eq!((b.best, b.worst), (*r, *r));
    }
    let wide = prepared
        .rank_bounds(None, &pipeline.aggregate, 1.0)
        .expect("bounds");
    // X and Y: always tied with each other, between the anchors.
    assert_eq!(
        (wide.units[2].best, wide.units[2].worst),
        (Some(2), Some(2))
    );
    assert_eq!(
        (wide.units[3].best, wide.units[3].worst),
        (Some(2), Some(2))
    );
    assert_eq!(
        (wide.units[0].best, wide.units[0].worst),
        (Some(4), Some(4))
    );
    assert_eq!(
        (wide.units[1].best, wide.units[1].worst),
        (Some(1), Some(1))
    );
    // Coverage by weight: not computed, with a reason.
    let mut by_weight = pipeline.aggregate.clone();
    by_weight.coverage.basis = tie_engine::composite::CoverageBasis::Weight;
    assert!(prepared.rank_bounds(None, &by_weight, 0.5).is_err());
    // Monte Carlo settings are not needed, but the same spread gives draws inside the bounds.
    let mc = prepared
        .monte_carlo(
            None,
            &pipeline.aggregate,
            &McSettings {
                spread: 1.0,
                draws: 500,
                seed: 3,
            },
        )
        .expect("runs");
    for (m, b) in mc.units.iter().zip(&wide.units) {
        assert!(b.best <= m.best_rank && m.worst_rank <= b.worst);
    }
}
