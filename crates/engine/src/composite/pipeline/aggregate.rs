//! Aggregation, level by level (COINr's `Aggregate()`): each aggregate from its available
//! children, weights rescaled over them, with a minimum-coverage rule.
//!
//! The arithmetic and geometric rules repeat `scoring::aggregate` operation for operation, so
//! the GTI computed here equals the GTI computed there bit for bit. The matrices are
//! column-major and the scratch buffers are reused, so a recompute allocates nothing.

use std::collections::BTreeMap;

use crate::composite::hierarchy::{Hierarchy, NodeKind};
use crate::composite::model::Matrix;
use crate::math;
use crate::scoring::Aggregation;

/// How the children of an aggregate combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Rule {
    /// Weighted arithmetic mean: fully compensatory.
    #[default]
    Arithmetic,
    /// Weighted geometric mean: partly compensatory; any value <= 0 gives 0.
    Geometric,
    /// Weighted harmonic mean: less compensatory still; any value <= 0 gives 0.
    Harmonic,
    /// The weakest child with a positive weight: no compensation.
    Minimum,
}

impl From<Aggregation> for Rule {
    fn from(a: Aggregation) -> Rule {
        match a {
            Aggregation::Arithmetic => Rule::Arithmetic,
            Aggregation::Geometric => Rule::Geometric,
            Aggregation::Minimum => Rule::Minimum,
        }
    }
}

/// The GTI model's rules are the generic ones less the harmonic mean, which it does not have.
impl TryFrom<Rule> for Aggregation {
    type Error = Rule;

    fn try_from(rule: Rule) -> Result<Aggregation, Rule> {
        match rule {
            Rule::Arithmetic => Ok(Aggregation::Arithmetic),
            Rule::Geometric => Ok(Aggregation::Geometric),
            Rule::Minimum => Ok(Aggregation::Minimum),
            Rule::Harmonic => Err(rule),
        }
    }
}

/// What the coverage share is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum CoverageBasis {
    /// Children with data / children (COINr's `dat_thresh`, the GTI's rule).
    #[default]
    Count,
    /// Weight of the children with data / weight of all children.
    Weight,
}

/// Below `min` (0-1) of its children with data, an aggregate is missing.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Coverage {
    pub basis: CoverageBasis,
    pub min: f64,
}

/// The aggregation step's parameters.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AggregateSpec {
    pub rule: Rule,
    /// A different rule for the aggregates of some levels.
    pub by_level: BTreeMap<u8, Rule>,
    pub coverage: Coverage,
    /// A different minimum share (0-1) for the aggregates of some levels, on the same basis:
    /// an index can ask for two of three pillars while a pillar needs one indicator.
    pub coverage_by_level: BTreeMap<u8, f64>,
}

impl AggregateSpec {
    pub fn rule_for(&self, level: u8) -> Rule {
        self.by_level.get(&level).copied().unwrap_or(self.rule)
    }

    /// The minimum coverage share of the aggregates of `level`.
    pub fn coverage_for(&self, level: u8) -> f64 {
        self.coverage_by_level
            .get(&level)
            .copied()
            .unwrap_or(self.coverage.min)
    }
}

/// Per-unit accumulators, kept between calls so that a recompute allocates nothing.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    acc: Vec<f64>,
    /// Weight of the children with data (only positive weights add to it).
    total: Vec<f64>,
    count: Vec<f64>,
    zero: Vec<bool>,
    /// The logarithm of each indicator column a geometric mean has read, by node (empty: not
    /// yet taken): a scratch belongs to one [`super::Prepared`], whose indicator columns never
    /// change, so a recompute at new weights takes logarithms of the aggregates only.
    logs: Vec<Vec<f64>>,
    /// Take every logarithm afresh: for a matrix whose indicator cells change between calls
    /// ([`Scratch::uncached`]).
    uncached: bool,
}

impl Scratch {
    /// A scratch for a matrix whose indicator cells change between calls (the path search's
    /// one row): it keeps no logarithm from one call to the next.
    pub(crate) fn uncached() -> Scratch {
        Scratch {
            uncached: true,
            ..Scratch::default()
        }
    }

    fn reset(&mut self, rows: usize, start: f64) {
        for v in [&mut self.total, &mut self.count] {
            v.clear();
            v.resize(rows, 0.0);
        }
        self.acc.clear();
        self.acc.resize(rows, start);
        self.zero.clear();
        self.zero.resize(rows, false);
    }
}

/// Computes every aggregate column of `scores` (units x nodes, indicator columns filled) in
/// the hierarchy's order. `weights` has one entry per node; a missing entry counts as 0.
pub fn aggregate(
    scores: &mut Matrix,
    hierarchy: &Hierarchy,
    weights: &[f64],
    spec: &AggregateSpec,
    scratch: &mut Scratch,
) {
    let rows = scores.rows();
    for &node in hierarchy.aggregation_order() {
        let Some(meta) = hierarchy.nodes().get(node) else {
            continue;
        };
        let rule = spec.rule_for(meta.level);
        let min_coverage = spec.coverage_for(meta.level);
        let children = hierarchy.children_of(node);
        let start = if rule == Rule::Minimum {
            f64::INFINITY
        } else {
            0.0
        };
        scratch.reset(rows, start);
        let mut all_weight = 0.0;
        for &child in children {
            let w = weights.get(child).copied().unwrap_or(0.0);
            all_weight += w;
            let col = scores.column(child);
            let s = &mut *scratch;
            if w <= 0.0 {
                // A child without weight counts towards coverage only.
                for (&v, count) in col.iter().zip(&mut s.count) {
                    *count += f64::from(u8::from(!v.is_nan()));
                }
                continue;
            }
            if rule == Rule::Minimum {
                // Branch-free as well: `min` passes over a missing value (NaN).
                let cells = col
                    .iter()
                    .zip(&mut s.count)
                    .zip(&mut s.total)
                    .zip(&mut s.acc);
                for (((&v, count), total), acc) in cells {
                    let known = !v.is_nan();
                    *count += f64::from(u8::from(known));
                    *total += if known { w } else { 0.0 };
                    *acc = acc.min(v);
                }
                continue;
            }
            if rule == Rule::Arithmetic {
                // Branch-free, so that it vectorises: a missing value adds nothing.
                let cells = col
                    .iter()
                    .zip(&mut s.count)
                    .zip(&mut s.total)
                    .zip(&mut s.acc);
                for (((&v, count), total), acc) in cells {
                    let known = !v.is_nan();
                    *count += f64::from(u8::from(known));
                    *total += if known { w } else { 0.0 };
                    *acc += if known { v * w } else { 0.0 };
                }
                continue;
            }
            let cells = col
                .iter()
                .zip(&mut s.count)
                .zip(&mut s.total)
                .zip(&mut s.acc)
                .zip(&mut s.zero);
            // One loop per rule, so that the per-cell work has no dispatch.
            macro_rules! each {
                (|$v:ident, $acc:ident, $zero:ident| $body:expr) => {
                    for ((((&$v, count), total), $acc), $zero) in cells {
                        if $v.is_nan() {
                            continue;
                        }
                        *count += 1.0;
                        *total += w;
                        $body;
                    }
                };
            }
            match rule {
                Rule::Arithmetic | Rule::Minimum => {}
                Rule::Geometric
                    if !s.uncached
                        && hierarchy
                            .nodes()
                            .get(child)
                            .is_some_and(|n| n.kind == NodeKind::Indicator) =>
                {
                    if s.logs.len() <= child {
                        s.logs.resize(child + 1, Vec::new());
                    }
                    if s.logs[child].len() != rows {
                        // The same logarithm as below, taken once: the results are identical.
                        s.logs[child] = col
                            .iter()
                            .map(|&v| if v > 0.0 { math::ln(v) } else { 0.0 })
                            .collect();
                    }
                    for (((((&v, count), total), acc), zero), &ln) in cells.zip(&s.logs[child]) {
                        if v.is_nan() {
                            continue;
                        }
                        *count += 1.0;
                        *total += w;
                        if v <= 0.0 {
                            *zero = true
                        } else {
                            *acc += w * ln
                        }
                    }
                }
                Rule::Geometric => each!(|v, acc, zero| if v <= 0.0 {
                    *zero = true
                } else {
                    *acc += w * math::ln(v)
                }),
                Rule::Harmonic => each!(|v, acc, zero| if v <= 0.0 {
                    *zero = true
                } else {
                    *acc += w / v
                }),
            }
        }
        let n = children.len() as f64;
        let s = &*scratch;
        let out = scores.column_mut(node);
        // The coverage share's numerator and denominator, decided once per aggregate so that
        // the per-unit loops below have no dispatch.
        let (by_count, denominator) = match spec.coverage.basis {
            CoverageBasis::Count => (true, n),
            CoverageBasis::Weight => (false, all_weight),
        };
        let cells = out
            .iter_mut()
            .zip(&s.count)
            .zip(&s.total)
            .zip(&s.acc)
            .zip(&s.zero);
        macro_rules! finish {
            (|$acc:ident, $total:ident, $zero:ident| $value:expr) => {
                for ((((cell, &count), &$total), &$acc), &$zero) in cells {
                    let share = if denominator > 0.0 {
                        (if by_count { count } else { $total }) / denominator
                    } else {
                        0.0
                    };
                    // The same tolerance as the GTI model, so that 65% of 7 pillars means 5.
                    let covered = count > 0.0 && share + 1e-12 >= min_coverage;
                    *cell = if !covered || $total <= 0.0 {
                        f64::NAN
                    } else {
                        $value
                    };
                }
            };
        }
        match rule {
            Rule::Arithmetic => finish!(|acc, total, _z| acc / total),
            Rule::Geometric => {
                finish!(|acc, total, zero| if zero { 0.0 } else { math::exp(acc / total) })
            }
            Rule::Harmonic => finish!(|acc, total, zero| if zero { 0.0 } else { total / acc }),
            Rule::Minimum => finish!(|acc, _t, _z| acc),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::composite::hierarchy::Node;
    use crate::scoring;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// Three indicators under one index; node columns: a, b, c, IDX.
    fn setup(rows: &[[f64; 3]]) -> (Hierarchy, Matrix) {
        let h = Hierarchy::new(vec![
            Node::indicator("a", "IDX", 1.0),
            Node::indicator("b", "IDX", 5.0),
            Node::indicator("c", "IDX", 3.0),
            Node::aggregate("IDX", 2, "", 1.0),
        ])
        .expect("valid");
        let mut m = Matrix::missing(rows.len(), 4);
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                m.set(r, c, *v);
            }
        }
        (h, m)
    }

    fn run(rows: &[[f64; 3]], weights: &[f64], spec: &AggregateSpec) -> Vec<f64> {
        let (h, mut m) = setup(rows);
        aggregate(&mut m, &h, weights, spec, &mut Scratch::default());
        m.column(3).to_vec()
    }

    #[test]
    fn rules_agree_with_the_gti_engine() {
        let rows = [
            [10.0, f64::NAN, 90.0],
            [0.0, 50.0, 20.0],
            [30.0, 30.0, 30.0],
        ];
        let w = [1.0, 5.0, 3.0, 1.0];
        for agg in Aggregation::ALL {
            let spec = AggregateSpec {
                rule: agg.into(),
                ..AggregateSpec::default()
            };
            let got = run(&rows, &w, &spec);
            for (r, row) in rows.iter().enumerate() {
                let opt: Vec<Option<f64>> =
                    row.iter().map(|v| (!v.is_nan()).then_some(*v)).collect();
                let want = scoring::aggregate(&opt, &w[..3], agg);
                assert_eq!(
                    want.map(f64::to_bits),
                    Some(got[r].to_bits()),
                    "{agg:?} {r}"
                );
            }
        }
    }

    /// A scratch reused at new weights (the geometric mean's logarithms of the indicators
    /// taken once) gives, bit for bit, what a fresh one gives, for every rule.
    #[test]
    fn a_reused_scratch_gives_what_a_fresh_one_gives() {
        let rows = [
            [10.0, f64::NAN, 90.0],
            [0.0, 50.0, 20.0],
            [30.0, 30.0, 30.0],
            [f64::NAN, f64::NAN, f64::NAN],
        ];
        for agg in Aggregation::ALL {
            let spec = AggregateSpec {
                rule: agg.into(),
                ..AggregateSpec::default()
            };
            let (h, mut m) = setup(&rows);
            let mut scratch = Scratch::default();
            for w in [
                [1.0, 5.0, 3.0, 1.0],
                [2.0, 0.5, 0.0, 1.0],
                [0.1, 9.0, 4.0, 1.0],
            ] {
                aggregate(&mut m, &h, &w, &spec, &mut scratch);
                let fresh = run(&rows, &w, &spec);
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(m.column(3)), bits(&fresh), "{agg:?} {w:?}");
            }
        }
    }

    #[test]
    fn harmonic_and_zero_weights() {
        let spec = AggregateSpec {
            rule: Rule::Harmonic,
            ..AggregateSpec::default()
        };
        let got = run(&[[10.0, 40.0, f64::NAN]], &[1.0, 1.0, 1.0, 1.0], &spec);
        assert_eq!(got[0], 2.0 / (1.0 / 10.0 + 1.0 / 40.0));
        let got = run(&[[0.0, 40.0, 5.0]], &[1.0, 1.0, 1.0, 1.0], &spec);
        assert_eq!(got[0], 0.0);
        // No positive weight meets data: missing, as in the GTI engine.
        let got = run(
            &[[f64::NAN, 40.0, f64::NAN]],
            &[1.0, 0.0, 1.0, 1.0],
            &AggregateSpec::default(),
        );
        assert!(got[0].is_nan());
    }

    #[test]
    fn coverage_by_count_and_by_weight() {
        let rows = [[10.0, f64::NAN, f64::NAN], [10.0, 20.0, f64::NAN]];
        let w = [1.0, 5.0, 3.0, 1.0];
        let count = AggregateSpec {
            coverage: Coverage {
                basis: CoverageBasis::Count,
                min: 0.6,
            },
            ..AggregateSpec::default()
        };
        let got = run(&rows, &w, &count);
        assert!(got[0].is_nan());
        assert_eq!(got[1], (10.0 + 20.0 * 5.0) / 6.0);
        let weight = AggregateSpec {
            coverage: Coverage {
                basis: CoverageBasis::Weight,
                min: 0.7,
            },
            ..AggregateSpec::default()
        };
        let got = run(&rows, &w, &weight);
        assert!(
            got[0].is_nan() && got[1].is_nan(),
            "6/9 of the weight < 0.7"
        );
        // A share for the index's level overrides the general one.
        let by_level = AggregateSpec {
            coverage_by_level: BTreeMap::from([(2, 0.1)]),
            ..weight
        };
        let got = run(&rows, &w, &by_level);
        assert_eq!(got[0], 10.0);
        let other_level = AggregateSpec {
            coverage_by_level: BTreeMap::from([(3, 0.0)]),
            ..count
        };
        assert!(run(&rows, &w, &other_level)[0].is_nan());
        let all_missing = run(&[[f64::NAN; 3]], &w, &AggregateSpec::default());
        assert!(all_missing[0].is_nan());
    }
}
