//! How a ranking depends on its construction, for any index read through the generic model:
//! the sensitivity of a unit's score to every weight of the framework, and every unit's rank
//! under each aggregation rule. The generic forms of [`crate::robustness::sensitivity`] and
//! [`crate::robustness::rank_changes`], which they equal on the GTI (tests).

use super::definition::PreparedIndex;
use super::error::PipelineError;
use super::hierarchy::Hierarchy;
use super::pipeline::aggregate::{AggregateSpec, Rule};
use crate::math;
use crate::scoring::Basis;

/// The rules in the order [`ranks_by_rule`] reports them.
pub const RULES: [Rule; 4] = [
    Rule::Arithmetic,
    Rule::Geometric,
    Rule::Harmonic,
    Rule::Minimum,
];

/// The partial derivative of `unit`'s index score with respect to each node's weight (one per
/// framework node, in node order), at `weights` (`None`: the framework's), from the scores of
/// the last [`PreparedIndex::score`] at those weights and with `spec`.
///
/// Level by level from the index down (the chain rule), with `W` the weight of an aggregate's
/// children with data and `s` its score:
/// - arithmetic mean: ds/dw_c = (a_c - s) / W, for every child with data (from the right for a
///   child weighted 0: a weight cannot go below 0); ds/da_c = w_c / W;
/// - geometric mean: ds/dw_c = s (ln a_c - ln s) / W, ds/da_c = s w_c / (W a_c); a weighted
///   child at 0 or below pins s to 0 (all 0), and such a child weighted 0 would drop s to 0
///   at any positive weight (negative infinity);
/// - harmonic mean: ds/dw_c = (s / W)(1 - s / a_c), ds/da_c = s² w_c / (W a_c²), with the same
///   rule for values at 0 or below;
/// - minimum: 0 for every weight (the minimum does not depend on the weights, except where a
///   weight crosses 0: a jump, not a slope); the weakest weighted child passes the
///   derivative on.
///
/// A unit whose score is not computed from its values (the fallback stands, or none) has all
/// zeros, as has the index node's own weight.
pub fn sensitivity(
    prepared: &PreparedIndex,
    hierarchy: &Hierarchy,
    weights: Option<&[f64]>,
    spec: &AggregateSpec,
    unit: usize,
) -> Vec<f64> {
    let nodes = hierarchy.nodes();
    let mut gradient = vec![0.0; nodes.len()];
    let recomputed = prepared
        .standings()
        .units
        .get(unit)
        .is_some_and(|s| s.basis == Basis::Recomputed);
    let (Some(row), Some(root), true) = (prepared.row(unit), prepared.root_column(), recomputed)
    else {
        return gradient;
    };
    let scores = prepared.prepared().scores();
    let score = |node: usize| scores.get(row, node).filter(|s| !s.is_nan());
    let framework = hierarchy.weights();
    let weight = |node: usize| match weights {
        Some(w) => w.get(node).copied().unwrap_or(0.0),
        None => framework.get(node).copied().unwrap_or(0.0),
    };
    // d(index score) / d(node's score), from the index down.
    let mut chain = vec![0.0; nodes.len()];
    chain[root] = 1.0;
    for &node in hierarchy.aggregation_order().iter().rev() {
        let g = chain[node];
        let (Some(s), Some(meta)) = (score(node), nodes.get(node)) else {
            continue;
        };
        if g == 0.0 {
            continue;
        }
        let with_data: Vec<(usize, f64, f64)> = hierarchy
            .children_of(node)
            .iter()
            .filter_map(|&c| score(c).map(|a| (c, a, weight(c))))
            .collect();
        let total: f64 = with_data.iter().map(|d| d.2).filter(|w| *w > 0.0).sum();
        if total <= 0.0 {
            continue;
        }
        match spec.rule_for(meta.level) {
            Rule::Arithmetic => {
                for &(c, a, w) in &with_data {
                    gradient[c] = g * ((a - s) / total);
                    if w > 0.0 {
                        chain[c] += g * (w / total);
                    }
                }
            }
            rule @ (Rule::Geometric | Rule::Harmonic) => {
                if with_data.iter().any(|(_, a, w)| *w > 0.0 && *a <= 0.0) {
                    continue;
                }
                // ln s from the same sums as the mean, rather than from s.
                let ln_s = with_data
                    .iter()
                    .filter(|d| d.2 > 0.0)
                    .map(|(_, a, w)| w * math::ln(*a))
                    .sum::<f64>()
                    / total;
                for &(c, a, w) in &with_data {
                    if a <= 0.0 {
                        gradient[c] = f64::NEG_INFINITY;
                        continue;
                    }
                    let (by_weight, by_value) = if rule == Rule::Geometric {
                        (s * (math::ln(a) - ln_s) / total, s * w / (total * a))
                    } else {
                        (s / total * (1.0 - s / a), s * s * w / (total * a * a))
                    };
                    gradient[c] = g * by_weight;
                    if w > 0.0 {
                        chain[c] += g * by_value;
                    }
                }
            }
            Rule::Minimum => {
                if let Some(&(c, ..)) = with_data.iter().find(|(_, a, w)| *w > 0.0 && *a == s) {
                    chain[c] += g;
                }
            }
        }
    }
    gradient
}

/// Every unit's rank (in data set order) under each rule of [`RULES`], applied at every
/// level, with `weights` and the rest of `spec` (coverage) unchanged: the rank change each
/// choice of aggregation causes. `prepared` is left scored with the last rule; score it again
/// to go on.
pub fn ranks_by_rule(
    prepared: &mut PreparedIndex,
    weights: Option<&[f64]>,
    spec: &AggregateSpec,
) -> Result<Vec<[Option<u32>; 4]>, PipelineError> {
    let units = prepared.standings().units.len();
    let mut ranks: Vec<[Option<u32>; 4]> = Vec::new();
    for (column, rule) in RULES.into_iter().enumerate() {
        let spec = AggregateSpec {
            rule,
            by_level: Default::default(),
            ..spec.clone()
        };
        let standings = prepared.score(weights, &spec)?;
        if ranks.is_empty() {
            ranks = vec![[None; 4]; standings.units.len().max(units)];
        }
        for (row, s) in ranks.iter_mut().zip(&standings.units) {
            row[column] = s.rank;
        }
    }
    Ok(ranks)
}
