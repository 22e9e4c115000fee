//! Guaranteed rank bounds for any index read through the generic model: the best and worst
//! rank each unit can take for *every* weight vector in the box the Monte Carlo draws from
//! (each node's weight `w` anywhere in `[w (1 - spread), w (1 + spread)]`), where the Monte
//! Carlo only shows the ranks its draws happened to hit.
//!
//! A unit's rank is 1 + the number of units with a strictly higher ranking key. So its best
//! rank is 1 + the units *certainly* ahead (for every weight vector in the box) and its worst
//! is 1 + the units *possibly* ahead (for some), decided pair by pair from the extremes of
//! `s_b - s_a` over the box:
//!
//! - Where both units have data for the same components of an arithmetic aggregate, the
//!   difference of their means is `sum W_c d_c / sum W_c`, and each child's difference `d_c`
//!   depends on the weights below that child only. So the extremes of the difference are the
//!   extremes of a weighted mean of the children's extremes over a box of weights, which a
//!   sort finds exactly (the optimum puts every value above the optimum at its upper weight
//!   and every value below at its lower one). Applied level by level this is exact: the
//!   bounds are the extremes any weights in the box reach, pair by pair.
//! - Where the index aggregates indicators directly (the GTI's shape):
//!   - the weakest indicator, and a geometric or harmonic mean with an indicator at or below 0,
//!     do not move while every weight stays positive: such scores are compared on their keys,
//!     as published bands are;
//!   - under the geometric mean, two units with data for the same indicators (all above 0)
//!     are compared in logarithms, where each threshold is the sign of a linear function of
//!     the weights;
//!   - at spread 1, where an indicator can lose its weight, a unit's score is within the range
//!     of its indicators (and its published band's, if all can go; with none it may drop out).
//!
//!   These are the GTI model's own tests ([`crate::robustness::rank_bounds`]); on the GTI the
//!   two give the same bounds (tested).
//! - Otherwise (different components with data, geometric or harmonic means deeper in the
//!   framework, a score that stands at its published band), the difference is bounded by the
//!   two units' own score ranges, each computed exactly level by level. This is safe (every
//!   rank in the box lies within the bounds) but can be wider than the truth.
//! - Two scores whose ranges stay within one key cell, rounding noise included, always tie.
//!
//! Comparisons keep a margin for the ranking key's rounding (scores are compared to 1e-6) and
//! for floating-point noise, so the rank in every draw of
//! [`super::PreparedIndex::monte_carlo`] at the same spread lies within the bounds (tested).
//! At spread 0 the bounds are the ranks of [`super::PreparedIndex::score`].

use super::definition::PreparedIndex;
use super::error::PipelineError;
use super::pipeline::aggregate::{AggregateSpec, CoverageBasis, Rule};
use crate::math;
use crate::rank::{cell, key};
use crate::robustness::clamp_spread;
pub use crate::robustness::RankBounds;
use crate::scoring::Basis;

/// Above this much work (units² × indicators) the pairs are not compared one by one and every
/// unit's bounds come from score ranges alone: safe, faster, possibly wider.
pub const PAIRWISE_WORK: usize = 20_000_000;

/// How the bounds were decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundsMethod {
    /// Pair by pair (exact where two units share their components with data).
    Pairwise,
    /// From each unit's score range alone (a large index).
    Ranges,
}

/// The result of [`PreparedIndex::rank_bounds`], in data set order.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    pub spread: f64,
    pub method: BoundsMethod,
    pub units: Vec<RankBounds>,
    /// Each unit's lowest and highest score over the box (`None`: never scored).
    pub scores: Vec<Option<(f64, f64)>>,
}

/// One weight and its value in a weighted mean over a box of weights.
#[derive(Clone, Copy)]
struct Term {
    value: f64,
    lower: f64,
    upper: f64,
}

/// The largest weighted mean of `terms` with each weight anywhere in `[lower, upper]`
/// (`lower >= 0`, some `upper > 0`): values in descending order, the first k at their upper
/// weight and the rest at their lower one, the best k. `None` if no weight can be positive.
fn max_mean(terms: &mut [Term]) -> Option<f64> {
    crate::sort::sort_by(terms, |a, b| b.value.total_cmp(&a.value));
    let (mut rest_wv, mut rest_w) = (0.0, 0.0);
    for t in terms.iter() {
        rest_wv += t.lower * t.value;
        rest_w += t.lower;
    }
    let (mut top_wv, mut top_w) = (0.0, 0.0);
    let mut best: Option<f64> = None;
    for t in terms.iter() {
        top_wv += t.upper * t.value;
        top_w += t.upper;
        rest_wv -= t.lower * t.value;
        rest_w -= t.lower;
        let w = top_w + rest_w.max(0.0);
        if w > 0.0 {
            let m = (top_wv + rest_wv) / w;
            best = Some(best.map_or(m, |b: f64| b.max(m)));
        }
    }
    best
}

/// The smallest weighted mean, by [`max_mean`] of the negated values.
fn min_mean(terms: &mut [Term]) -> Option<f64> {
    for t in terms.iter_mut() {
        t.value = -t.value;
    }
    let m = max_mean(terms).map(|m| -m);
    for t in terms.iter_mut() {
        t.value = -t.value;
    }
    m
}

/// The box and the data it is evaluated on.
struct BoxModel<'a> {
    lower: Vec<f64>,
    upper: Vec<f64>,
    rules: Vec<Rule>,
    /// Per node, its children with a positive weight.
    children: Vec<Vec<usize>>,
    order: &'a [usize],
    /// Rows x nodes at the base weights (which components have data does not depend on the
    /// weights when coverage counts components).
    scores: &'a super::model::Matrix,
    /// Per node x row: the lowest and highest value over the box (NaN: no data).
    lo: Vec<f64>,
    hi: Vec<f64>,
    rows: usize,
}

impl BoxModel<'_> {
    fn known(&self, node: usize, row: usize) -> bool {
        !self.scores.raw(row, node).is_nan()
    }

    /// Every node's range for every row, children before parents.
    fn ranges(&mut self, terms: &mut Vec<Term>) {
        let rows = self.rows;
        for node in 0..self.children.len() {
            for row in 0..rows {
                let v = self.scores.raw(row, node);
                self.lo[node * rows + row] = v;
                self.hi[node * rows + row] = v;
            }
        }
        for &node in self.order {
            for row in 0..rows {
                if !self.known(node, row) {
                    continue;
                }
                let (lo, hi) = self.range(node, row, terms);
                self.lo[node * rows + row] = lo;
                self.hi[node * rows + row] = hi;
            }
        }
    }

    /// The terms of one aggregate for one row: each child with data, its value from `from`
    /// mapped by `f`, and its weight's range.
    fn gather(
        &self,
        node: usize,
        row: usize,
        from: &[f64],
        f: fn(f64) -> f64,
        terms: &mut Vec<Term>,
    ) {
        terms.clear();
        for &c in self.children[node].iter().filter(|&&c| self.known(c, row)) {
            terms.push(Term {
                value: f(from[c * self.rows + row]),
                lower: self.lower[c],
                upper: self.upper[c],
            });
        }
    }

    /// One aggregate's range for one row, from its children's ranges.
    fn range(&self, node: usize, row: usize, terms: &mut Vec<Term>) -> (f64, f64) {
        let rows = self.rows;
        let kids = || {
            self.children[node]
                .iter()
                .filter(move |&&c| self.known(c, row))
                .map(move |&c| c * rows + row)
        };
        let nan = f64::NAN;
        let same = |v: f64| v;
        let inverse = |v: f64| 1.0 / v;
        match self.rules[node] {
            Rule::Arithmetic => {
                self.gather(node, row, &self.lo, same, terms);
                let lo = min_mean(terms).unwrap_or(nan);
                self.gather(node, row, &self.hi, same, terms);
                let hi = max_mean(terms).unwrap_or(nan);
                (lo, hi)
            }
            Rule::Geometric | Rule::Harmonic => {
                // Any value at or below 0 gives 0.
                let any = |from: &[f64]| kids().any(|i| from[i] <= 0.0);
                let geometric = self.rules[node] == Rule::Geometric;
                // The lowest score from the children's lowest values and the highest from
                // their highest: a weighted mean of ln v (geometric) or of 1 / v (harmonic,
                // which turns the order round), mapped back.
                let mut extreme = |from: &[f64], highest: bool| {
                    if any(from) {
                        0.0
                    } else if geometric {
                        self.gather(node, row, from, math::ln, terms);
                        let m = if highest {
                            max_mean(terms)
                        } else {
                            min_mean(terms)
                        };
                        m.map_or(nan, math::exp)
                    } else {
                        self.gather(node, row, from, inverse, terms);
                        let m = if highest {
                            min_mean(terms)
                        } else {
                            max_mean(terms)
                        };
                        m.map_or(nan, |m| 1.0 / m)
                    }
                };
                let lo = extreme(&self.lo, false);
                let hi = extreme(&self.hi, true);
                (lo, hi)
            }
            Rule::Minimum => {
                // The weakest component: the range of the smallest value.
                let lo = kids().map(|i| self.lo[i]).fold(f64::INFINITY, f64::min);
                let hi = kids().map(|i| self.hi[i]).fold(f64::INFINITY, f64::min);
                if lo.is_finite() && hi.is_finite() {
                    (lo, hi)
                } else {
                    (nan, nan)
                }
            }
        }
    }

    /// The range of `s_b - s_a` at every node, for two rows, children before parents; `exact`
    /// says where it came from matching components (so a zero range means equal data).
    fn difference(
        &self,
        a: usize,
        b: usize,
        diff: &mut [(f64, f64, bool)],
        terms: &mut Vec<Term>,
    ) -> (f64, f64, bool) {
        let rows = self.rows;
        let own = |node: usize| {
            (
                self.lo[node * rows + b] - self.hi[node * rows + a],
                self.hi[node * rows + b] - self.lo[node * rows + a],
                false,
            )
        };
        for (node, d) in diff.iter_mut().enumerate() {
            if self.children[node].is_empty() {
                let v = self.scores.raw(b, node) - self.scores.raw(a, node);
                *d = (v, v, true);
            }
        }
        let mut last = (f64::NAN, f64::NAN, false);
        for &node in self.order {
            let kids = &self.children[node];
            let matching = self.rules[node] == Rule::Arithmetic
                && kids.iter().all(|&c| self.known(c, a) == self.known(c, b));
            let d = if !matching {
                own(node)
            } else {
                let mut exact = true;
                terms.clear();
                for &c in kids.iter().filter(|&&c| self.known(c, a)) {
                    exact &= diff[c].2;
                    terms.push(Term {
                        value: diff[c].0,
                        lower: self.lower[c],
                        upper: self.upper[c],
                    });
                }
                let lo = min_mean(terms);
                // (The extremes sort the terms: gather them again.)
                terms.clear();
                for &c in kids.iter().filter(|&&c| self.known(c, a)) {
                    terms.push(Term {
                        value: diff[c].1,
                        lower: self.lower[c],
                        upper: self.upper[c],
                    });
                }
                match (lo, max_mean(terms)) {
                    (Some(lo), Some(hi)) => (lo, hi, exact),
                    _ => own(node),
                }
            };
            diff[node] = d;
            last = d;
        }
        last
    }
}

impl PreparedIndex {
    /// Every unit's guaranteed best and worst rank for all weights in the box around
    /// `weights` (one per node; `None`: the framework's) with relative half-width `spread`
    /// (clamped to [0, 1]), as the module describes. The standings are left at `weights`.
    ///
    /// Coverage measured by weight makes which components count depend on the weights; the
    /// bounds are then not computed (an error says so).
    pub fn rank_bounds(
        &mut self,
        weights: Option<&[f64]>,
        spec: &AggregateSpec,
        spread: f64,
    ) -> Result<Bounds, PipelineError> {
        if spec.coverage.basis == CoverageBasis::Weight {
            return Err(PipelineError::BadParameter {
                step: "rank bounds",
                reason: "when coverage is measured by weight, which components count depends \
                         on the weights, so rank bounds are not computed",
            });
        }
        let spread = clamp_spread(spread);
        let standings = self.score(weights, spec)?.clone();
        let n = standings.units.len();
        let base: Vec<f64> = weights.map_or_else(
            || self.prepared().framework_weights().to_vec(),
            <[f64]>::to_vec,
        );
        let hierarchy = self.prepared().hierarchy();
        let nodes = hierarchy.nodes();
        let children: Vec<Vec<usize>> = (0..nodes.len())
            .map(|i| {
                hierarchy
                    .children_of(i)
                    .iter()
                    .copied()
                    .filter(|c| base.get(*c).copied().unwrap_or(0.0) > 0.0)
                    .collect()
            })
            .collect();
        let scores = self.prepared().scores();
        let rows = scores.rows();
        let mut model = BoxModel {
            lower: base.iter().map(|w| w * (1.0 - spread)).collect(),
            upper: base.iter().map(|w| w * (1.0 + spread)).collect(),
            rules: nodes.iter().map(|m| spec.rule_for(m.level)).collect(),
            children,
            order: hierarchy.aggregation_order(),
            scores,
            lo: vec![f64::NAN; nodes.len() * rows],
            hi: vec![f64::NAN; nodes.len() * rows],
            rows,
        };
        let mut terms = Vec::new();
        model.ranges(&mut terms);
        let root = self.root_column();
        // Per unit: its row if its score is recomputed (so it moves with the weights), else
        // the score it stands at, if any.
        #[derive(Clone, Copy)]
        enum Who {
            Live(usize),
            Fixed(f64),
            /// A unit whose indicators can lose their weight (spread 1): its score is then a
            /// mean, or the weakest, of a subset of them, so within their range; if all can go,
            /// the published band stands, or with none the unit may drop out (`true`).
            Loose(f64, f64, bool),
            Unranked,
        }
        // Where the index aggregates indicators directly, some recomputed scores do not move
        // with the weights while every weight stays positive: the weakest indicator, and a
        // geometric or harmonic mean with an indicator at or below 0 (exactly 0). Those stand
        // as fixed scores, compared on their keys.
        let leaves = root.filter(|&r| {
            model.children[r]
                .iter()
                .all(|&c| hierarchy.children_of(c).is_empty())
        });
        let flat = leaves.filter(|&r| model.children[r].iter().all(|&c| model.lower[c] > 0.0));
        let m = &model;
        let loose = |unit: usize, row: usize| -> Option<Who> {
            let r = leaves?;
            let kids = || {
                m.children[r]
                    .iter()
                    .copied()
                    .filter(move |&c| m.known(c, row))
            };
            let keeps = kids().filter(|&c| model.lower[c] > 0.0).count();
            if keeps == kids().count() {
                return None;
            }
            // A geometric or harmonic mean with a value at or below 0 is 0.
            let clip = match model.rules[r] {
                Rule::Geometric | Rule::Harmonic => |v: f64| v.max(0.0),
                _ => |v: f64| v,
            };
            let values = || kids().map(|c| clip(model.scores.raw(row, c)));
            let mut lo = values().fold(f64::INFINITY, f64::min);
            let mut hi = values().fold(f64::NEG_INFINITY, f64::max);
            let mut may_vanish = false;
            if keeps == 0 {
                match self.fallback_of(unit) {
                    Some((x, _)) => (lo, hi) = (lo.min(x), hi.max(x)),
                    None => may_vanish = true,
                }
            }
            Some(Who::Loose(lo, hi, may_vanish))
        };
        let stays = |row: usize| {
            flat.is_some_and(|r| match model.rules[r] {
                Rule::Minimum => true,
                Rule::Geometric | Rule::Harmonic => model.children[r]
                    .iter()
                    .any(|&c| model.scores.raw(row, c) <= 0.0),
                Rule::Arithmetic => false,
            })
        };
        let who: Vec<Who> = standings
            .units
            .iter()
            .enumerate()
            .map(|(u, s)| match (s.basis, s.score, self.row(u)) {
                (Basis::Recomputed, Some(x), Some(r)) if stays(r) => Who::Fixed(x),
                (Basis::Recomputed, Some(_), Some(r)) => loose(u, r).unwrap_or(Who::Live(r)),
                (_, Some(x), _) => Who::Fixed(x),
                _ => Who::Unranked,
            })
            .collect();
        let range = |w: Who| match (w, root) {
            (Who::Live(r), Some(c)) => Some((model.lo[c * rows + r], model.hi[c * rows + r])),
            (Who::Fixed(x), _) => Some((x, x)),
            (Who::Loose(lo, hi, _), _) => Some((lo, hi)),
            _ => None,
        };
        let ranges: Vec<Option<(f64, f64)>> = who.iter().map(|w| range(*w)).collect();
        let magnitude = 1.0
            + ranges
                .iter()
                .flatten()
                .fold(0.0f64, |m, (lo, hi)| m.max(lo.abs()).max(hi.abs()));
        let eps = 1e-9 * magnitude;
        let step = 1e-6 + eps;
        let indicators = hierarchy.indicator_count().max(1);
        let method = if n.saturating_mul(n).saturating_mul(indicators) <= PAIRWISE_WORK {
            BoundsMethod::Pairwise
        } else {
            BoundsMethod::Ranges
        };
        if spread == 0.0 {
            return Ok(Bounds {
                spread,
                method,
                units: standings
                    .units
                    .iter()
                    .map(|s| RankBounds {
                        best: s.rank,
                        worst: s.rank,
                    })
                    .collect(),
                scores: ranges,
            });
        }
        let units = match method {
            BoundsMethod::Pairwise => {
                let mut diff = vec![(0.0, 0.0, false); nodes.len()];
                // A range of s_b - s_a over the box as the pair's decision: whether b is
                // certainly and possibly ahead of a, then whether a is.
                let decide = |lo: f64, hi: f64| [lo > step, hi > -step, -hi > step, -lo > -step];
                // Under a geometric mean of indicators that both units have, all above 0:
                // ln s_b - ln s_a is a weighted mean of the indicators' differences of
                // logarithms, so each threshold is the sign of a linear function of the
                // weights, whose extremes over the box take each weight at one end (the
                // GTI model's test, so the two give the same bounds).
                let geometric = flat.filter(|&r| model.rules[r] == Rule::Geometric);
                let log_terms = |ra: usize, rb: usize, logs: &mut Vec<(usize, f64, f64)>| {
                    logs.clear();
                    let Some(r) = geometric else { return false };
                    for &c in &model.children[r] {
                        let (x, y) = (model.scores.raw(ra, c), model.scores.raw(rb, c));
                        match (x.is_nan(), y.is_nan()) {
                            (true, true) => {}
                            (false, false) if x > 0.0 && y > 0.0 => {
                                logs.push((c, math::ln(x), math::ln(y)));
                            }
                            _ => return false,
                        }
                    }
                    !logs.is_empty()
                };
                // Whether the second unit of `logs` is certainly, then possibly, ahead of the
                // first (`m`: the first's smallest indicator, at or below its score).
                let log_ahead = |logs: &[(usize, f64, f64)], m: f64, flip: bool| {
                    let sum = |t: f64, lowest: bool| {
                        logs.iter()
                            .map(|&(c, la, lb)| {
                                let d = if flip { la - lb } else { lb - la } - t;
                                if (d > 0.0) == lowest {
                                    model.lower[c] * d
                                } else {
                                    model.upper[c] * d
                                }
                            })
                            .sum::<f64>()
                    };
                    let certain = sum(math::ln(1.0 + step / m), true) > 0.0;
                    let possible = eps >= m || sum(math::ln(1.0 - eps / m), false) > 0.0;
                    (certain, possible)
                };
                let mut logs = Vec::new();
                // The decision for a pair, or `None` when the two are never ranked together
                // or always tie; each pair is looked at once.
                let mut between = |a: Who, b: Who| -> Option<[bool; 4]> {
                    let (lo, hi, exact) = match (a, b) {
                        (Who::Unranked, _) | (_, Who::Unranked) => return None,
                        (Who::Fixed(x), Who::Fixed(y)) => {
                            // Compared by their keys exactly.
                            let (ahead, behind) = (key(y) > key(x), key(y) < key(x));
                            return (ahead || behind).then_some([ahead, ahead, behind, behind]);
                        }
                        (Who::Live(ra), Who::Live(rb)) => {
                            let (Some((la, ha)), Some((lb, hb))) = (range(a), range(b)) else {
                                return None;
                            };
                            // Two scores that stay within one key cell, noise included, tie.
                            if key(la.min(lb) - eps) == key(ha.max(hb) + eps) {
                                return None;
                            }
                            // Most pairs are decided by the two score ranges alone.
                            if lb - ha > step || hb - la <= -step {
                                return Some(decide(lb - ha, hb - la));
                            }
                            if log_terms(ra, rb, &mut logs) {
                                if logs.iter().all(|(_, la, lb)| la == lb) {
                                    // The same numbers through the same operations: a tie.
                                    return None;
                                }
                                let smallest = |r: usize| {
                                    model.children[geometric.unwrap_or(0)]
                                        .iter()
                                        .map(|&c| model.scores.raw(r, c))
                                        .filter(|v| !v.is_nan())
                                        .fold(f64::INFINITY, f64::min)
                                };
                                let (c_b, p_b) = log_ahead(&logs, smallest(ra), false);
                                let (c_a, p_a) = log_ahead(&logs, smallest(rb), true);
                                return Some([c_b, p_b, c_a, p_a]);
                            }
                            model.difference(ra, rb, &mut diff, &mut terms)
                        }
                        _ => match (range(a), range(b)) {
                            (Some((la, ha)), Some((lb, hb))) => (lb - ha, hb - la, false),
                            _ => return None,
                        },
                    };
                    if exact && lo == 0.0 && hi == 0.0 {
                        // The same data: always the same score, so a tie.
                        return None;
                    }
                    let [c_b, p_b, c_a, p_a] = decide(lo, hi);
                    // A unit that may drop out of the ranking is never certainly ahead.
                    let ranked = |w: Who| !matches!(w, Who::Loose(_, _, true));
                    Some([c_b && ranked(b), p_b, c_a && ranked(a), p_a])
                };
                // A recomputed unit against one whose score stands: decided on the standing
                // score's key cell, as the ranking compares keys (a score that reaches the
                // cell but not past it ties). For (live, fixed): whether the fixed one is
                // certainly and possibly ahead, then whether the live one is.
                let live_fixed = |live: Who, y: f64| -> Option<[bool; 4]> {
                    let (l, h) = range(live)?;
                    let (bottom, top) = cell(y);
                    let ranked = !matches!(live, Who::Loose(_, _, true));
                    Some([
                        h < bottom - eps,
                        l < bottom + eps,
                        ranked && l > top + eps,
                        h > top - eps,
                    ])
                };
                let (mut certain, mut possible) = (vec![0u32; n], vec![0u32; n]);
                for i in 0..n {
                    for j in i + 1..n {
                        let decided = match (who[i], who[j]) {
                            (live @ (Who::Live(_) | Who::Loose(..)), Who::Fixed(y)) => {
                                live_fixed(live, y).map(|d| (i, j, d))
                            }
                            (Who::Fixed(y), live @ (Who::Live(_) | Who::Loose(..))) => {
                                live_fixed(live, y).map(|d| (j, i, d))
                            }
                            _ => None,
                        };
                        if let Some((live, fixed, [c_fixed, p_fixed, c_live, p_live])) = decided {
                            // `certain[x]` counts the units certainly ahead of x.
                            certain[live] += u32::from(c_fixed);
                            possible[live] += u32::from(p_fixed);
                            certain[fixed] += u32::from(c_live);
                            possible[fixed] += u32::from(p_live);
                            continue;
                        }
                        let Some([c_j, p_j, c_i, p_i]) = between(who[i], who[j]) else {
                            continue;
                        };
                        certain[i] += u32::from(c_j);
                        possible[i] += u32::from(p_j);
                        certain[j] += u32::from(c_i);
                        possible[j] += u32::from(p_i);
                    }
                }
                (0..n)
                    .map(|i| match who[i] {
                        Who::Unranked => RankBounds {
                            best: None,
                            worst: None,
                        },
                        _ => RankBounds {
                            best: Some(1 + certain[i]),
                            worst: Some(1 + possible[i]),
                        },
                    })
                    .collect()
            }
            BoundsMethod::Ranges => {
                let mut lows: Vec<f64> = ranges.iter().flatten().map(|r| r.0).collect();
                let mut highs: Vec<f64> = ranges.iter().flatten().map(|r| r.1).collect();
                crate::sort::sort_by(&mut lows, f64::total_cmp);
                crate::sort::sort_by(&mut highs, f64::total_cmp);
                // How many of `sorted` are strictly above `x`.
                let above = |sorted: &[f64], x: f64| {
                    (sorted.len() - sorted.partition_point(|v| *v <= x)) as u32
                };
                ranges
                    .iter()
                    .map(|r| match r {
                        None => RankBounds {
                            best: None,
                            worst: None,
                        },
                        Some((lo, hi)) => RankBounds {
                            // Certainly ahead: lowest score above this one's highest (never
                            // itself, as lo <= hi).
                            best: Some(1 + above(&lows, hi + step)),
                            // Possibly ahead: highest score above this one's lowest, less
                            // itself.
                            worst: Some(above(&highs, lo - step).max(1)),
                        },
                    })
                    .collect()
            }
        };
        Ok(Bounds {
            spread,
            method,
            units,
            scores: ranges,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn terms(v: &[(f64, f64, f64)]) -> Vec<Term> {
        v.iter()
            .map(|&(value, lower, upper)| Term {
                value,
                lower,
                upper,
            })
            .collect()
    }

    /// Every vertex of the box, for comparison.
    fn vertices(t: &[Term]) -> (f64, f64) {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for mask in 0u32..(1 << t.len()) {
            let (mut wv, mut w) = (0.0, 0.0);
            for (i, x) in t.iter().enumerate() {
                let weight = if mask & (1 << i) != 0 {
                    x.upper
                } else {
                    x.lower
                };
                wv += weight * x.value;
                w += weight;
            }
            if w > 0.0 {
                lo = lo.min(wv / w);
                hi = hi.max(wv / w);
            }
        }
        (lo, hi)
    }

    #[test]
    fn extreme_means_are_those_of_the_best_vertex() {
        let cases = [
            vec![(1.0, 0.5, 1.5), (5.0, 1.0, 3.0), (2.0, 0.0, 2.0)],
            vec![
                (-3.0, 0.9, 1.1),
                (4.0, 0.9, 1.1),
                (0.5, 1.8, 2.2),
                (4.0, 0.1, 0.3),
            ],
            vec![(7.0, 0.0, 2.0)],
            vec![(1.0, 1.0, 1.0), (1.0, 0.0, 5.0)],
        ];
        for case in cases {
            let mut t = terms(&case);
            let (lo, hi) = vertices(&t);
            let got_hi = max_mean(&mut t).expect("some weight");
            let got_lo = min_mean(&mut t).expect("some weight");
            assert!((got_hi - hi).abs() < 1e-12, "{case:?}: {got_hi} vs {hi}");
            assert!((got_lo - lo).abs() < 1e-12, "{case:?}: {got_lo} vs {lo}");
        }
        assert_eq!(max_mean(&mut terms(&[(1.0, 0.0, 0.0)])), None);
        assert_eq!(max_mean(&mut []), None);
    }
}
