//! The generic sensitivity and ranks per rule (`composite::sensitivity`): on the bundled GTI
//! definition they give what the GTI model's robustness functions give; on the three-level
//! fixture the derivatives are those of the scores themselves (finite differences).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use tie_engine::composite::sensitivity::{ranks_by_rule, sensitivity, RULES};
use tie_engine::composite::{Index, NodeKind, Rule};
use tie_engine::rng::SplitMix64;
use tie_engine::{robustness, Aggregation, Bundle, GtiModel, Settings};

/// Per framework node, from the GTI's per-pillar weights (the index node: 1).
fn node_weights(index: &Index, pillars: &[f64]) -> Vec<f64> {
    let h = &index.definition.hierarchy;
    let mut indicator = 0;
    h.nodes()
        .iter()
        .map(|n| match n.kind {
            NodeKind::Indicator => {
                indicator += 1;
                pillars[indicator - 1]
            }
            NodeKind::Aggregate => 1.0,
        })
        .collect()
}

/// A unit's place in the index's data set.
fn unit(index: &Index, code: &str) -> usize {
    index.data.dataset.unit_index(code).expect("a unit")
}

#[test]
fn on_the_gti_they_are_the_gti_model_s() {
    let (bundle, errors) = Bundle::bundled();
    assert!(errors.is_empty(), "{errors:#?}");
    let index = bundle.index("gti-2025").expect("the GTI").clone();
    let model = GtiModel::new(&bundle.gti);
    let d = &index.definition;
    let period = d.periods[0];
    let mut rng = SplitMix64::new(7);
    let mut weight_sets = vec![bundle.gti.default_weights()];
    for _ in 0..6 {
        let mut w: Vec<f64> = (0..7).map(|_| rng.uniform(0.0, 3.0)).collect();
        w[(rng.uniform(0.0, 7.0) as usize).min(6)] = 0.0;
        weight_sets.push(w);
    }
    let mut nonzero = 0;
    for aggregation in Aggregation::ALL {
        let settings = Settings {
            aggregation,
            ..bundle.gti.default_settings()
        };
        let mut pipeline = d.pipeline();
        pipeline.aggregate.rule = Rule::from(aggregation);
        let mut prepared = d.prepare(&index.data, &pipeline, period).expect("prepares");
        for w in &weight_sets {
            let nodes = node_weights(&index, w);
            prepared
                .score(Some(&nodes), &pipeline.aggregate)
                .expect("scores");
            for country in &bundle.gti.countries {
                let u = unit(&index, &country.iso3);
                let expected =
                    robustness::sensitivity(&model, w, &settings, &country.iso3).expect("a member");
                let got = sensitivity(
                    &prepared,
                    &d.hierarchy,
                    Some(&nodes),
                    &pipeline.aggregate,
                    u,
                );
                let got: Vec<f64> = d
                    .hierarchy
                    .nodes()
                    .iter()
                    .zip(&got)
                    .filter(|(n, _)| n.kind == NodeKind::Indicator)
                    .map(|(_, g)| *g)
                    .collect();
                assert_eq!(got, expected, "{} {aggregation:?} {w:?}", country.iso3);
                nonzero += usize::from(got.iter().any(|g| *g != 0.0));
            }
            // Ranks per rule: arithmetic, geometric and minimum are the GTI model's.
            let expected = robustness::rank_changes(&model, w, &settings).expect("valid");
            let got =
                ranks_by_rule(&mut prepared, Some(&nodes), &pipeline.aggregate).expect("scores");
            for country in &bundle.gti.countries {
                let u = unit(&index, &country.iso3);
                let m = model.index_of(&country.iso3).expect("a member");
                let [a, g, _, min] = got[u];
                assert_eq!([a, g, min], expected[m], "{} {w:?}", country.iso3);
            }
        }
    }
    assert!(nonzero > 20, "{nonzero} countries with a sensitivity");
}

/// Through three levels and every mean, each derivative is what moving that one weight does
/// to the score (a central difference; from the right at 0), and the minimum's are 0.
#[test]
fn on_three_levels_they_are_the_scores_derivatives() {
    let index = common::fixture_index();
    let d = &index.definition;
    let framework = d.hierarchy.weights();
    let root = d.hierarchy.roots()[0];
    let mut checked = 0;
    for rule in RULES {
        let mut pipeline = d.pipeline();
        pipeline.aggregate.rule = rule;
        let mut prepared = d.prepare(&index.data, &pipeline, 2024).expect("prepares");
        let mut weights = framework.clone();
        // One indicator weighted 0: its derivative is taken from the right.
        let zero = d
            .hierarchy
            .nodes()
            .iter()
            .position(|n| n.kind == NodeKind::Indicator)
            .expect("an indicator");
        weights[zero] = 0.0;
        prepared
            .score(Some(&weights), &pipeline.aggregate)
            .expect("scores");
        let units = index.data.dataset.units.len();
        for u in 0..units {
            let standing = prepared.standings().units[u];
            let got = sensitivity(
                &prepared,
                &d.hierarchy,
                Some(&weights),
                &pipeline.aggregate,
                u,
            );
            let Some(s) = standing
                .score
                .filter(|_| standing.basis == tie_engine::Basis::Recomputed)
            else {
                assert!(got.iter().all(|g| *g == 0.0));
                continue;
            };
            for node in 0..weights.len() {
                if node == root {
                    assert_eq!(got[node], 0.0);
                    continue;
                }
                if rule == Rule::Minimum && weights[node] == 0.0 {
                    // A child joining the minimum is a jump, not a slope: 0, as the GTI's.
                    assert_eq!(got[node], 0.0);
                    continue;
                }
                let h = 1e-6;
                let at = |w: f64| {
                    let mut moved = weights.clone();
                    moved[node] = w;
                    let mut p = d.prepare(&index.data, &pipeline, 2024).expect("prepares");
                    p.score(Some(&moved), &pipeline.aggregate)
                        .expect("scores")
                        .units[u]
                        .score
                        .expect("still scored")
                };
                let numeric = if weights[node] == 0.0 {
                    (at(h) - s) / h
                } else {
                    (at(weights[node] + h) - at(weights[node] - h)) / (2.0 * h)
                };
                let tolerance = 1e-4 * (1.0 + numeric.abs());
                assert!(
                    (got[node] - numeric).abs() <= tolerance,
                    "{rule:?} unit {u} node {node}: {} vs {numeric}",
                    got[node]
                );
                if rule == Rule::Minimum && weights[node] > 0.0 {
                    assert_eq!(got[node], 0.0);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "{checked} derivatives checked");
}
