//! The GTI's hand-written model ([`GtiModel`]): Monte Carlo over randomly perturbed weights,
//! guaranteed rank bounds over a whole box of weights, the score's sensitivity to each weight,
//! and the ranks each aggregation rule gives. Compiled only with the `reference` feature.
//!
//! Scores and ranks follow [`GtiModel::score`] exactly (competition ranks on scores rounded to
//! 1e-6, unranked members stay unranked), and only `crate::math` is used for `ln`/`exp`, so
//! results are identical natively and on wasm32.

use super::*;
use crate::rank::{cell, key};
use crate::rng::SplitMix64;
use crate::scoring::{validate_weights, Aggregation, Basis, GtiModel, Outcome, Settings, Unit};

/// The largest magnitude a score computation handles in this model: values, their logarithms
/// (geometric mean) and the scale. It sizes the floating-point margins of [`rank_bounds`] and
/// the overflow check.
fn magnitude(model: &GtiModel) -> f64 {
    magnitude_of(
        model.scheme.max,
        model
            .units
            .iter()
            .flat_map(|u| u.values.iter().flatten().copied()),
    )
}

/// The pillars a unit's score aggregates (data and a positive weight), with their values.
fn weighted_pillars(values: &[Option<f64>], weights: &[f64]) -> (Vec<usize>, Vec<f64>) {
    values
        .iter()
        .zip(weights)
        .enumerate()
        .filter_map(|(i, (v, w))| v.filter(|_| *w > 0.0).map(|v| (i, v)))
        .unzip()
}

/// A unit whose score moves with the weights in a draw.
struct Live {
    unit: usize,
    pillars: Vec<usize>,
    /// Pillar values (arithmetic) or their `math::ln` (geometric), as `aggregate` uses them.
    terms: Vec<f64>,
}

/// What stays fixed over all draws, computed once.
struct Plan {
    rule: Aggregation,
    live: Vec<Live>,
    /// Units with a score that no draw changes: (unit, key, band index).
    constants: Vec<(usize, i64, usize)>,
    /// For each constant unit, how many constant units have a strictly higher key.
    constant_ahead: Vec<u32>,
    /// Constant keys, highest first, to count those above a live key by binary search.
    constant_keys_desc: Vec<i64>,
    /// Positively weighted pillars whose perturbed weight can reach 0 (spread 1): a draw that
    /// zeroes one may change which pillars count, so it is scored by the slow path.
    vanishing: Vec<usize>,
}

impl Plan {
    fn new(model: &GtiModel, weights: &[f64], settings: &Settings, spread: f64) -> Plan {
        let rule = settings.aggregation;
        let mut live = Vec::new();
        let mut constants = Vec::new();
        for (unit, u) in model.units.iter().enumerate() {
            let o = model.outcome(u, weights, settings);
            let Some(score) = o.score else { continue };
            let (pillars, values) = weighted_pillars(&u.values, weights);
            // Under the minimum, and under the geometric mean with a pillar at 0, the score is
            // the same for every positive weight vector on the same pillars.
            let moves = o.basis == Basis::Recomputed
                && match rule {
                    Aggregation::Arithmetic => true,
                    Aggregation::Geometric => values.iter().all(|v| *v > 0.0),
                    Aggregation::Minimum => false,
                };
            if moves {
                let terms = match rule {
                    Aggregation::Geometric => values.iter().map(|v| math::ln(*v)).collect(),
                    _ => values,
                };
                live.push(Live {
                    unit,
                    pillars,
                    terms,
                });
            } else {
                constants.push((unit, key(score), model.scheme.band(score).index()));
            }
        }
        let constant_ahead = constants
            .iter()
            .map(|(_, k, _)| constants.iter().filter(|(_, o, _)| o > k).count() as u32)
            .collect();
        let mut constant_keys_desc: Vec<i64> = constants.iter().map(|c| c.1).collect();
        constant_keys_desc.sort_unstable_by(|a, b| b.cmp(a));
        let vanishing = weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > 0.0 && **w * (1.0 - spread) == 0.0)
            .map(|(i, _)| i)
            .collect();
        Plan {
            rule,
            live,
            constants,
            constant_ahead,
            constant_keys_desc,
            vanishing,
        }
    }
}

/// Running counts of a Monte Carlo run.
struct Tally {
    n: usize,
    /// `n * n` rank counts, row per unit.
    ranks: Vec<u32>,
    /// `n * BANDS` band counts.
    bands: Vec<u32>,
    /// Draws scored by the fast path, in which every constant unit has its constant band.
    fast: u32,
    skipped: u32,
}

impl Tally {
    fn new(n: usize) -> Tally {
        Tally {
            n,
            ranks: vec![0; n * n],
            bands: vec![0; n * BANDS],
            fast: 0,
            skipped: 0,
        }
    }

    fn rank(&mut self, unit: usize, rank: u32) {
        let slot = unit * self.n + (rank as usize).saturating_sub(1);
        if let Some(c) = self.ranks.get_mut(slot) {
            *c += 1;
        }
    }

    fn band(&mut self, unit: usize, band: usize) {
        if let Some(c) = self.bands.get_mut(unit * BANDS + band) {
            *c += 1;
        }
    }
}

/// Scratch space reused by every draw, so that the loop does not allocate.
struct Scratch {
    weights: Vec<f64>,
    live_keys: Vec<i64>,
}

/// Scores one draw with the precomputed plan: bit for bit what `GtiModel::score` gives.
fn fast_draw(plan: &Plan, scheme_band: impl Fn(f64) -> usize, s: &mut Scratch, t: &mut Tally) {
    for (k, l) in plan.live.iter().enumerate() {
        // The same operations in the same order as `scoring::aggregate`.
        let score = match plan.rule {
            Aggregation::Geometric => {
                let (mut total, mut log_sum) = (0.0, 0.0);
                for (&i, &ln_v) in l.pillars.iter().zip(&l.terms) {
                    let w = s.weights[i];
                    total += w;
                    log_sum += w * ln_v;
                }
                math::exp(log_sum / total)
            }
            _ => {
                let (mut sum, mut total) = (0.0, 0.0);
                for (&i, &v) in l.pillars.iter().zip(&l.terms) {
                    let w = s.weights[i];
                    sum += v * w;
                    total += w;
                }
                sum / total
            }
        };
        s.live_keys[k] = key(score);
        t.band(l.unit, scheme_band(score));
    }
    // Rank = 1 + the number of units with a strictly higher key (competition ranking).
    for (k, l) in plan.live.iter().enumerate() {
        let own = s.live_keys[k];
        let above_constant = plan.constant_keys_desc.partition_point(|c| *c > own);
        let above_live = s.live_keys.iter().filter(|o| **o > own).count();
        t.rank(l.unit, 1 + (above_constant + above_live) as u32);
    }
    for ((unit, own, _), ahead) in plan.constants.iter().zip(&plan.constant_ahead) {
        let above_live = s.live_keys.iter().filter(|o| **o > *own).count() as u32;
        t.rank(*unit, 1 + ahead + above_live);
    }
    t.fast += 1;
}

/// Scores a draw in full, for the rare draws (spread 1) in which a weight came out exactly 0.
fn slow_draw(model: &GtiModel, settings: &Settings, weights: &[f64], t: &mut Tally) {
    let Ok(scored) = model.score(weights, settings) else {
        // Every weight is 0: nothing to score.
        t.skipped += 1;
        return;
    };
    for (unit, o) in scored.outcomes.iter().enumerate() {
        if let (Some(rank), Some(band)) = (o.rank, o.band) {
            t.rank(unit, rank);
            t.band(unit, band.index());
        }
    }
}

/// Nearest-rank percentile `num/den` of a rank histogram (also the generic model's, in
/// Monte Carlo over perturbed weights: each draw multiplies every weight by an independent
/// uniform factor in [1 - spread, 1 + spread), then scores and ranks as [`GtiModel::score`].
///
/// Draw d takes `pillar_count` consecutive numbers from `SplitMix64::new(seed)`, one factor per
/// pillar in order (`uniform(1 - spread, 1 + spread)`), so a run is reproducible anywhere.
/// Only units recomputed from pillars are rescored in a draw; published-band scores, and scores
/// under the minimum rule, do not depend on the weights and are ranked once.
pub fn monte_carlo(
    model: &GtiModel,
    weights: &[f64],
    settings: &Settings,
    mc: &McSettings,
) -> Result<McResult, WeightError> {
    validate_weights(weights, model.pillar_count)?;
    let spread = clamp_spread(mc.spread);
    check_box(weights, spread, magnitude(model))?;
    let plan = Plan::new(model, weights, settings, spread);
    let n = model.units.len();
    let mut tally = Tally::new(n);
    let mut scratch = Scratch {
        weights: vec![0.0; weights.len()],
        live_keys: vec![0; plan.live.len()],
    };
    let band = |score: f64| model.scheme.band(score).index();
    let (low, high) = (1.0 - spread, 1.0 + spread);
    let mut rng = SplitMix64::new(mc.seed);
    for _ in 0..mc.draws {
        for (d, w) in scratch.weights.iter_mut().zip(weights) {
            *d = w * rng.uniform(low, high);
        }
        if plan.vanishing.iter().any(|i| scratch.weights[*i] == 0.0) {
            slow_draw(model, settings, &scratch.weights, &mut tally);
        } else {
            fast_draw(&plan, band, &mut scratch, &mut tally);
        }
    }
    for (unit, _, b) in &plan.constants {
        if let Some(c) = tally.bands.get_mut(unit * BANDS + b) {
            *c += tally.fast;
        }
    }
    Ok(summarise(
        mc.draws,
        tally.skipped,
        spread,
        tally.n,
        &tally.ranks,
        &tally.bands,
    ))
}

/// The result of a run of `draws` draws (`skipped` of them not scored) over `n` units, from
/// their rank counts (`n` x `n`, a row per unit) and band counts (`n` x [`BANDS`]) (also the
/// A unit's score as a function of the weights in the box, for [`rank_bounds`].
enum Profile {
    Unranked,
    /// The same score, bit for bit, for every weight vector in the box.
    Const(f64),
    /// Recomputed with the arithmetic or geometric mean over a fixed set of pillars whose
    /// weights stay positive in the box.
    Live {
        pillars: Vec<usize>,
        values: Vec<f64>,
        /// `math::ln` of the values (geometric mean only; all values are then positive).
        logs: Vec<f64>,
    },
    /// Some of its pillars can lose their weight (spread 1): only a score range is known, and
    /// with `may_vanish` the unit may drop out of the ranking.
    Loose {
        lo: f64,
        hi: f64,
        may_vanish: bool,
    },
}

/// The box [w(1 - spread), w(1 + spread)] and the floating-point margins of the comparisons.
struct Bounds<'a> {
    rule: Aggregation,
    lower: &'a [f64],
    upper: &'a [f64],
    /// Bound on the difference between a computed score and the exact one, with room to spare:
    /// a score more than `eps` past a key boundary is on that side of it once computed.
    eps: f64,
    /// A real score difference above `step` is certain to give a strictly higher key: one key
    /// unit (1e-6) plus `eps`.
    step: f64,
}

impl Bounds<'_> {
    /// min over the box of sum_k w[pillars[k]] * coef[k]: each weight at the end that minimises
    /// its own term, since the sum is linear.
    fn min_sum(&self, pillars: &[usize], coef: impl Fn(usize) -> f64) -> f64 {
        pillars
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let c = coef(k);
                if c > 0.0 {
                    self.lower[i] * c
                } else {
                    self.upper[i] * c
                }
            })
            .sum()
    }

    fn max_sum(&self, pillars: &[usize], coef: impl Fn(usize) -> f64) -> f64 {
        -self.min_sum(pillars, |k| -coef(k))
    }

    /// The exact range over the box of the weighted mean of `xs`: a ratio of linear functions,
    /// extreme at a vertex where the largest weights sit on the smallest (for the minimum) or
    /// largest (for the maximum) values; all thresholds of the sorted values are tried.
    fn mean_range(&self, pillars: &[usize], xs: &[f64]) -> (f64, f64) {
        let mut order: Vec<usize> = (0..xs.len()).collect();
        order.sort_by(|a, b| xs[*a].total_cmp(&xs[*b]));
        let mean = |heavy_below: usize, heavy_low: bool| {
            let (mut sum, mut total) = (0.0, 0.0);
            for (rank, &k) in order.iter().enumerate() {
                let i = pillars[k];
                let heavy = (rank < heavy_below) == heavy_low;
                let w = if heavy { self.upper[i] } else { self.lower[i] };
                sum += w * xs[k];
                total += w;
            }
            sum / total
        };
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for t in 0..=xs.len() {
            lo = lo.min(mean(t, true));
            hi = hi.max(mean(t, false));
        }
        (lo, hi)
    }

    /// A range containing every score the unit can take in the box.
    fn range(&self, p: &Profile) -> (f64, f64) {
        match p {
            Profile::Unranked => (f64::NAN, f64::NAN),
            Profile::Const(x) => (*x, *x),
            Profile::Live {
                pillars,
                values,
                logs,
            } => match self.rule {
                Aggregation::Geometric => {
                    let (lo, hi) = self.mean_range(pillars, logs);
                    (math::exp(lo), math::exp(hi))
                }
                _ => self.mean_range(pillars, values),
            },
            Profile::Loose { lo, hi, .. } => (*lo, *hi),
        }
    }

    /// (min, max) over the box of a quantity with the sign of s - t, for a live score s: for the
    /// arithmetic mean sum w (a_i - t) (= W (s - t)), for the geometric mean
    /// sum w (ln a_i - ln t). Linear in w, so each extreme takes every weight at one end.
    /// `None` when t <= 0 under the geometric mean, whose live scores are all positive.
    fn side(&self, pillars: &[usize], values: &[f64], logs: &[f64], t: f64) -> Option<(f64, f64)> {
        if self.rule == Aggregation::Geometric {
            if t <= 0.0 {
                return None;
            }
            let lt = math::ln(t);
            Some((
                self.min_sum(pillars, |k| logs[k] - lt),
                self.max_sum(pillars, |k| logs[k] - lt),
            ))
        } else {
            Some((
                self.min_sum(pillars, |k| values[k] - t),
                self.max_sum(pillars, |k| values[k] - t),
            ))
        }
    }

    /// (certainly, possibly): whether `b` has a strictly higher key than `a` for every / for
    /// some weight vector in the box.
    fn ahead(&self, b: &Profile, a: &Profile) -> (bool, bool) {
        use Profile::{Const, Live, Loose, Unranked};
        match (a, b) {
            (Unranked, _) | (_, Unranked) => return (false, false),
            (Const(x), Const(y)) => {
                let k = key(*y) > key(*x);
                return (k, k);
            }
            _ => {}
        }
        // Two scores that equal the same number v whatever the weights differ only by rounding
        // noise; if no key boundary lies within that noise of v they always tie.
        if let (Some(x), Some(y)) = (flat(a), flat(b)) {
            if x == y && key(x - self.eps) == key(x + self.eps) {
                return (false, false);
            }
        }
        let (eps, step) = (self.eps, self.step);
        let b_always_ranked = !matches!(
            b,
            Loose {
                may_vanish: true,
                ..
            }
        );
        match (a, b) {
            (
                Live {
                    pillars,
                    values,
                    logs,
                },
                Const(c),
            ) => {
                // c ahead of a <=> key(s_a) < key(c) <=> s_a below the bottom of c's key cell.
                let bottom = cell(*c).0;
                let certain = self
                    .side(pillars, values, logs, bottom - eps)
                    .is_some_and(|(_, max)| max < 0.0);
                let possible = self
                    .side(pillars, values, logs, bottom + eps)
                    .is_some_and(|(min, _)| min < 0.0);
                (certain, possible)
            }
            (
                Const(c),
                Live {
                    pillars,
                    values,
                    logs,
                },
            ) => {
                // b ahead of c <=> s_b above the top of c's key cell.
                let top = cell(*c).1;
                let certain = self
                    .side(pillars, values, logs, top + eps)
                    .is_none_or(|(min, _)| min > 0.0);
                let possible = self
                    .side(pillars, values, logs, top - eps)
                    .is_none_or(|(_, max)| max > 0.0);
                (certain, possible)
            }
            (
                Live {
                    pillars: pa,
                    values: va,
                    logs: la,
                },
                Live {
                    pillars: pb,
                    values: vb,
                    logs: lb,
                },
            ) if pa == pb => {
                if va == vb {
                    // The same numbers through the same operations: the same bits.
                    return (false, false);
                }
                if self.rule == Aggregation::Geometric {
                    // s_b - s_a > d follows from s_b > s_a (1 + d / m), m = min a_i <= s_a;
                    // s_b - s_a > -e implies s_b > s_a (1 - e / m). Both are linear in ln.
                    let m = va.iter().copied().fold(f64::INFINITY, f64::min);
                    let up = math::ln(1.0 + step / m);
                    let certain = self.min_sum(pa, |k| lb[k] - la[k] - up) > 0.0;
                    let possible = eps >= m || {
                        let down = math::ln(1.0 - eps / m);
                        self.max_sum(pa, |k| lb[k] - la[k] - down) > 0.0
                    };
                    (certain, possible)
                } else {
                    // s_b - s_a - t = sum w (b_i - a_i - t) / W: the sign of a linear function.
                    (
                        self.min_sum(pa, |k| vb[k] - va[k] - step) > 0.0,
                        self.max_sum(pa, |k| vb[k] - va[k] + eps) > 0.0,
                    )
                }
            }
            // Different pillar sets, or a unit that may lose pillars: the two score ranges over
            // the box are compared independently. Sound but conservative, since it ignores that
            // both depend on the same weights.
            (_, Const(c)) => {
                let (lo_a, hi_a) = self.range(a);
                let bottom = cell(*c).0;
                (hi_a < bottom - eps, lo_a < bottom + eps)
            }
            (Const(c), _) => {
                let (lo_b, hi_b) = self.range(b);
                let top = cell(*c).1;
                (b_always_ranked && lo_b > top + eps, hi_b > top - eps)
            }
            _ => {
                let (lo_a, hi_a) = self.range(a);
                let (lo_b, hi_b) = self.range(b);
                (b_always_ranked && lo_b - hi_a > step, hi_b - lo_a > -eps)
            }
        }
    }
}

/// The number v a profile's score equals whatever the weights, if any.
fn flat(p: &Profile) -> Option<f64> {
    match p {
        Profile::Const(x) => Some(*x),
        Profile::Live { values, .. } => {
            let first = *values.first()?;
            values.iter().all(|v| *v == first).then_some(first)
        }
        Profile::Loose { lo, hi, .. } => (lo == hi).then_some(*lo),
        Profile::Unranked => None,
    }
}

/// Guaranteed best and worst rank of every unit for all weights in the box
/// [w_i (1 - spread), w_i (1 + spread)] (spread clamped to [0, 1]).
///
/// best = 1 + the number of units certainly strictly ahead (for every weight vector in the box),
/// worst = 1 + the number possibly strictly ahead (for some). "Ahead" means a strictly higher
/// ranking key (score rounded to 1e-6), so ties are handled as the ranking handles them.
///
/// How a pair is decided:
/// - two scores fixed in the box (published bands; the minimum rule; a geometric mean with a
///   pillar at 0): their keys are compared exactly;
/// - a recomputed score against a fixed one, or two recomputed over the same pillars: the sign of
///   s_b - s_a - t is the sign of a linear function of w (in ln space for the geometric mean), so
///   its extremes over the box are at a vertex chosen per coordinate;
/// - otherwise (different pillar sets, or pillars that can lose their weight at spread 1): the
///   two score ranges over the box are compared independently, which is conservative.
///
/// Each comparison keeps a margin for floating-point rounding (about 1e-9 of the largest value)
/// and for the key rounding, so that the rank in every draw of [`monte_carlo`] with the same
/// spread lies within the bounds. At spread 0 the bounds are the ranks of [`GtiModel::score`].
pub fn rank_bounds(
    model: &GtiModel,
    weights: &[f64],
    settings: &Settings,
    spread: f64,
) -> Result<Vec<RankBounds>, WeightError> {
    validate_weights(weights, model.pillar_count)?;
    let spread = clamp_spread(spread);
    let magnitude = magnitude(model);
    check_box(weights, spread, magnitude)?;
    let scored = model.score(weights, settings)?;
    if spread == 0.0 {
        return Ok(scored
            .outcomes
            .iter()
            .map(|o| RankBounds {
                best: o.rank,
                worst: o.rank,
            })
            .collect());
    }
    let lower: Vec<f64> = weights.iter().map(|w| w * (1.0 - spread)).collect();
    let upper: Vec<f64> = weights.iter().map(|w| w * (1.0 + spread)).collect();
    let profiles: Vec<Profile> = model
        .units
        .iter()
        .zip(&scored.outcomes)
        .map(|(u, o)| profile(model, u, o, weights, &lower, settings))
        .collect();
    let eps = 1e-9 * magnitude;
    let bounds = Bounds {
        rule: settings.aggregation,
        lower: &lower,
        upper: &upper,
        eps,
        step: 1e-6 + eps,
    };
    Ok(profiles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if matches!(a, Profile::Unranked) {
                return RankBounds {
                    best: None,
                    worst: None,
                };
            }
            let (mut certain, mut possible) = (0u32, 0u32);
            for (j, b) in profiles.iter().enumerate() {
                if i != j {
                    let (c, p) = bounds.ahead(b, a);
                    certain += u32::from(c);
                    possible += u32::from(p);
                }
            }
            RankBounds {
                best: Some(1 + certain),
                worst: Some(1 + possible),
            }
        })
        .collect())
}

fn profile(
    model: &GtiModel,
    unit: &Unit,
    o: &Outcome,
    weights: &[f64],
    lower: &[f64],
    settings: &Settings,
) -> Profile {
    let Some(score) = o.score else {
        // Weights only shrink towards 0 in the box, so an unscored unit never gains a score.
        return Profile::Unranked;
    };
    if o.basis != Basis::Recomputed {
        // Too few pillars, or none weighted: it stays so, at the published band's midpoint.
        return Profile::Const(score);
    }
    let (pillars, values) = weighted_pillars(&unit.values, weights);
    let keeps = pillars.iter().filter(|i| lower[**i] > 0.0).count();
    if keeps < pillars.len() {
        // Some pillars can lose their weight: the score is then a mean (or the minimum) of a
        // non-empty subset of the values, so within their range; if all can go, the published
        // band stands, or with none the unit drops out of the ranking.
        let clip = |v: f64| match settings.aggregation {
            // A geometric mean with a value at or below 0 is 0.
            Aggregation::Geometric => v.max(0.0),
            _ => v,
        };
        let mut lo = values
            .iter()
            .map(|v| clip(*v))
            .fold(f64::INFINITY, f64::min);
        let mut hi = values
            .iter()
            .map(|v| clip(*v))
            .fold(f64::NEG_INFINITY, f64::max);
        let mut may_vanish = false;
        if keeps == 0 {
            match unit.published {
                Some(band) => {
                    let c = model.scheme.midpoint(band);
                    lo = lo.min(c);
                    hi = hi.max(c);
                }
                None => may_vanish = true,
            }
        }
        return Profile::Loose { lo, hi, may_vanish };
    }
    match settings.aggregation {
        Aggregation::Minimum => Profile::Const(score),
        Aggregation::Geometric if values.iter().any(|v| *v <= 0.0) => Profile::Const(score),
        rule => {
            let logs = if rule == Aggregation::Geometric {
                values.iter().map(|v| math::ln(*v)).collect()
            } else {
                Vec::new()
            };
            Profile::Live {
                pillars,
                values,
                logs,
            }
        }
    }
}

/// The partial derivative of a country's score with respect to each weight, at `weights`.
///
/// - Arithmetic mean s = sum w a / W: ds/dw_j = (a_j - s) / W for each pillar j with data,
///   where W sums the positive weights on pillars with data. For a pillar with data and weight 0
///   this is the derivative from the right (a weight cannot go below 0).
/// - Geometric mean s = exp(sum w ln a / W): ds/dw_j = s (ln a_j - ln s) / W, with
///   `crate::math::ln`. A pillar at 0 or below pins s to 0 (derivative 0), and if such a pillar
///   has weight 0, any positive weight drops s to 0: its entry is negative infinity.
/// - Minimum: 0 (the minimum does not depend on the weights, except where a weight crosses 0).
/// - Countries whose score is not recomputed (published band only, unranked): all 0.
pub fn sensitivity(
    model: &GtiModel,
    weights: &[f64],
    settings: &Settings,
    iso3: &str,
) -> Result<Vec<f64>, SensitivityError> {
    validate_weights(weights, model.pillar_count)?;
    let index = model
        .index_of(iso3)
        .ok_or_else(|| SensitivityError::UnknownCountry(iso3.to_string()))?;
    let unit = &model.units[index];
    let o = model.outcome(unit, weights, settings);
    let mut gradient = vec![0.0; model.pillar_count];
    let (Some(s), Basis::Recomputed) = (o.score, o.basis) else {
        return Ok(gradient);
    };
    let data: Vec<(usize, f64, f64)> = unit
        .values
        .iter()
        .zip(weights)
        .enumerate()
        .filter_map(|(i, (v, w))| v.map(|v| (i, v, *w)))
        .collect();
    let total: f64 = data.iter().map(|d| d.2).filter(|w| *w > 0.0).sum();
    match settings.aggregation {
        Aggregation::Arithmetic => {
            for (i, v, _) in &data {
                gradient[*i] = (v - s) / total;
            }
        }
        Aggregation::Geometric => {
            if data.iter().any(|(_, v, w)| *w > 0.0 && *v <= 0.0) {
                return Ok(gradient);
            }
            // ln s, taken from the same sums rather than from the rounded s.
            let ln_s = data
                .iter()
                .filter(|d| d.2 > 0.0)
                .map(|(_, v, w)| w * math::ln(*v))
                .sum::<f64>()
                / total;
            for (i, v, _) in &data {
                gradient[*i] = if *v <= 0.0 {
                    f64::NEG_INFINITY
                } else {
                    s * (math::ln(*v) - ln_s) / total
                };
            }
        }
        Aggregation::Minimum => {}
    }
    Ok(gradient)
}

/// Each unit's rank under the arithmetic mean, the geometric mean and the minimum (in
/// `Aggregation::ALL` order), with the same weights and minimum coverage: the rank change each
/// choice of aggregation causes.
pub fn rank_changes(
    model: &GtiModel,
    weights: &[f64],
    settings: &Settings,
) -> Result<Vec<[Option<u32>; 3]>, WeightError> {
    let mut ranks = vec![[None; 3]; model.units.len()];
    for (column, aggregation) in Aggregation::ALL.into_iter().enumerate() {
        let scored = model.score(
            weights,
            &Settings {
                aggregation,
                ..*settings
            },
        )?;
        for (row, o) in ranks.iter_mut().zip(&scored.outcomes) {
            row[column] = o.rank;
        }
    }
    Ok(ranks)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use crate::whatif::tests::{random_model, random_weights};
    use crate::Bundle;

    fn gti() -> GtiModel {
        GtiModel::new(&Bundle::bundled().0.gti)
    }

    /// Monte Carlo the slow, obvious way: every draw through `GtiModel::score`.
    fn reference(
        m: &GtiModel,
        w: &[f64],
        s: &Settings,
        mc: &McSettings,
    ) -> (Vec<Vec<u32>>, Vec<[u32; BANDS]>, u32) {
        let spread = clamp_spread(mc.spread);
        let mut rng = SplitMix64::new(mc.seed);
        let n = m.units.len();
        let mut ranks = vec![vec![0u32; n]; n];
        let mut bands = vec![[0u32; BANDS]; n];
        let mut skipped = 0;
        for _ in 0..mc.draws {
            let drawn: Vec<f64> = w
                .iter()
                .map(|x| x * rng.uniform(1.0 - spread, 1.0 + spread))
                .collect();
            let Ok(scored) = m.score(&drawn, s) else {
                skipped += 1;
                continue;
            };
            for (u, o) in scored.outcomes.iter().enumerate() {
                if let (Some(r), Some(b)) = (o.rank, o.band) {
                    ranks[u][r as usize - 1] += 1;
                    bands[u][b.index()] += 1;
                }
            }
        }
        (ranks, bands, skipped)
    }

    fn check_against_reference(m: &GtiModel, w: &[f64], s: &Settings, mc: &McSettings) {
        let got = monte_carlo(m, w, s, mc).expect("valid");
        let (ranks, bands, skipped) = reference(m, w, s, mc);
        assert_eq!(got.skipped, skipped);
        let scored = got.scored_draws();
        for (u, unit) in got.units.iter().enumerate() {
            assert_eq!(unit.rank_histogram, ranks[u], "unit {u} {s:?} {mc:?}");
            for (p, c) in unit.band_probability.iter().zip(bands[u]) {
                assert_eq!(*p, f64::from(c) / f64::from(scored.max(1)));
            }
        }
    }

    #[test]
    fn monte_carlo_is_exactly_repeated_scoring() {
        let m = gti();
        let draws = if cfg!(target_arch = "wasm32") {
            100
        } else {
            400
        };
        for aggregation in Aggregation::ALL {
            for spread in [0.0, 0.3, 0.5, 1.0, 7.0] {
                let s = Settings {
                    aggregation,
                    ..Settings::default()
                };
                let mc = McSettings {
                    spread,
                    draws,
                    seed: 9,
                };
                check_against_reference(&m, &m.default_weights, &s, &mc);
            }
        }
        let mut rng = SplitMix64::new(3);
        for round in 0..30 {
            let pillars = 2 + (rng.next_u64() % 6) as usize;
            let m = random_model(&mut rng, pillars, 10);
            let w = random_weights(&mut rng, pillars);
            let s = Settings {
                min_coverage: rng.next_f64(),
                aggregation: Aggregation::ALL[round % 3],
            };
            let mc = McSettings {
                spread: rng.next_f64(),
                draws: 50,
                seed: round as u64,
            };
            check_against_reference(&m, &w, &s, &mc);
        }
    }

    #[test]
    fn monte_carlo_summaries() {
        let m = gti();
        let s = Settings::default();
        let mc = McSettings {
            draws: 2000,
            ..McSettings::default()
        };
        let a = monte_carlo(&m, &m.default_weights, &s, &mc).expect("valid");
        assert_eq!(
            a,
            monte_carlo(&m, &m.default_weights, &s, &mc).expect("valid")
        );
        assert_eq!((a.draws, a.skipped, a.spread), (2000, 0, 0.5));
        let other = McSettings { seed: 1, ..mc };
        assert_ne!(
            a,
            monte_carlo(&m, &m.default_weights, &s, &other).expect("valid")
        );
        for (unit, u) in m.units.iter().zip(&a.units) {
            let total: f64 = u.band_probability.iter().sum();
            if unit.published.is_some() || unit.values.iter().any(Option::is_some) {
                assert!((total - 1.0).abs() < 1e-12, "{}", unit.iso3);
                assert_eq!(u.ranked_draws, 2000);
                let (p5, p50, p95) = (u.p5_rank, u.median_rank, u.p95_rank);
                assert!(p5 <= p50 && p50 <= p95, "{}", unit.iso3);
            } else {
                assert_eq!(total, 0.0);
                assert_eq!((u.ranked_draws, u.median_rank), (0, None));
            }
        }
        // Italy ties Spain at the top whatever the weights; Togo's published band is fixed.
        let ita = &a.units[m.index_of("ITA").expect("member")];
        assert_eq!(ita.rank_histogram[0], 2000);
        let tgo = &a.units[m.index_of("TGO").expect("member")];
        assert_eq!(tgo.band_probability[Band::Considerable.index()], 1.0);
        // Kyrgyzstan stays Considerable at +-50%: the weighted mean of its pillars cannot reach 60.
        let kgz = &a.units[m.index_of("KGZ").expect("member")];
        assert!(kgz.band_probability[Band::Considerable.index()] > 0.5);
        // No draws: nothing to summarise, no division by zero.
        let none =
            monte_carlo(&m, &m.default_weights, &s, &McSettings { draws: 0, ..mc }).expect("valid");
        assert!(none
            .units
            .iter()
            .all(|u| u.median_rank.is_none() && u.band_probability == [0.0; BANDS]));
        assert_eq!(
            monte_carlo(&m, &[0.0; 7], &s, &mc),
            Err(WeightError::AllZero)
        );
        assert_eq!(
            monte_carlo(&m, &[f64::MAX; 7], &s, &mc),
            Err(WeightError::NotFinite { pillar: 0 })
        );
        // Spread is clamped; NaN means no perturbation.
        let clamped = monte_carlo(
            &m,
            &m.default_weights,
            &s,
            &McSettings { spread: 3.0, ..mc },
        )
        .expect("valid");
        assert_eq!(clamped.spread, 1.0);
        let nan = monte_carlo(
            &m,
            &m.default_weights,
            &s,
            &McSettings {
                spread: f64::NAN,
                ..mc
            },
        )
        .expect("valid");
        assert_eq!(nan.spread, 0.0);
    }

    #[test]
    fn a_draw_with_every_weight_zero_is_skipped() {
        // Only reachable at spread 1 with probability 2^-53 per weight, so tested directly.
        let m = gti();
        let mut t = Tally::new(m.units.len());
        slow_draw(&m, &Settings::default(), &[0.0; 7], &mut t);
        assert_eq!(t.skipped, 1);
        assert!(t.ranks.iter().all(|c| *c == 0));
        let summary = summarise(1, t.skipped, 1.0, t.n, &t.ranks, &t.bands);
        assert_eq!(summary.scored_draws(), 0);
        assert!(summary
            .units
            .iter()
            .all(|u| u.band_probability == [0.0; BANDS]));
    }

    #[test]
    fn nearest_rank_percentiles() {
        let h = [1, 0, 3, 6];
        assert_eq!(percentile(&h, 10, 5, 100), Some(1));
        assert_eq!(percentile(&h, 10, 1, 10), Some(1));
        assert_eq!(percentile(&h, 10, 11, 100), Some(3));
        assert_eq!(percentile(&h, 10, 1, 2), Some(4));
        assert_eq!(percentile(&h, 10, 4, 10), Some(3));
        assert_eq!(percentile(&h, 10, 95, 100), Some(4));
        assert_eq!(percentile(&[0, 0], 0, 1, 2), None);
    }

    /// Every rank of every Monte Carlo draw lies within the bounds for the same spread, and so
    /// does the rank at every vertex of the box, where the extremes of the linear comparisons
    /// lie (and where ties such as Honduras's 30 at +-50% occur).
    fn check_bounds_hold(m: &GtiModel, w: &[f64], s: &Settings, spread: f64, draws: u32) {
        let bounds = rank_bounds(m, w, s, spread).expect("valid");
        let spread_c = clamp_spread(spread);
        for corner in 0..1u32 << w.len() {
            let v: Vec<f64> = w
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    if corner >> i & 1 == 1 {
                        x * (1.0 + spread_c)
                    } else {
                        x * (1.0 - spread_c)
                    }
                })
                .collect();
            let Ok(scored) = m.score(&v, s) else { continue };
            for (u, (o, b)) in scored.outcomes.iter().zip(&bounds).enumerate() {
                if let Some(r) = o.rank {
                    let (best, worst) = (b.best.unwrap_or(0), b.worst.unwrap_or(0));
                    assert!(
                        best <= r && r <= worst,
                        "unit {u}: vertex rank {r} outside [{best}, {worst}] ({s:?}, {spread})"
                    );
                }
            }
        }
        let mc = monte_carlo(
            m,
            w,
            s,
            &McSettings {
                spread,
                draws,
                seed: 5,
            },
        )
        .expect("valid");
        for (u, (b, r)) in bounds.iter().zip(&mc.units).enumerate() {
            let ranks: Vec<u32> = (1..=r.rank_histogram.len() as u32)
                .filter(|k| r.rank_histogram[*k as usize - 1] > 0)
                .collect();
            match (b.best, b.worst) {
                (Some(best), Some(worst)) => {
                    assert!(best <= worst);
                    for k in ranks {
                        assert!(
                            best <= k && k <= worst,
                            "unit {u}: rank {k} outside [{best}, {worst}] ({s:?}, spread {spread})"
                        );
                    }
                }
                _ => assert!(ranks.is_empty(), "unit {u} is ranked but has no bounds"),
            }
        }
    }

    #[test]
    fn monte_carlo_ranks_stay_within_the_bounds() {
        let m = gti();
        for aggregation in Aggregation::ALL {
            let s = Settings {
                aggregation,
                ..Settings::default()
            };
            for spread in [0.0, 0.1, 0.5, 0.9, 1.0] {
                check_bounds_hold(&m, &m.default_weights, &s, spread, 300);
            }
        }
        let mut rng = SplitMix64::new(17);
        let rounds = if cfg!(target_arch = "wasm32") {
            60
        } else {
            300
        };
        for round in 0..rounds {
            let pillars = 1 + (rng.next_u64() % 6) as usize;
            let units = 3 + (rng.next_u64() % 10) as usize;
            let m = random_model(&mut rng, pillars, units);
            let w = random_weights(&mut rng, pillars);
            let s = Settings {
                min_coverage: rng.next_f64(),
                aggregation: Aggregation::ALL[round % 3],
            };
            // Round spreads with weights of 1 and band midpoints make exact ties at vertices.
            let spread = match round % 6 {
                0 => 1.0,
                1 => 1e-9,
                2 => 0.5,
                3 => 0.25,
                _ => rng.next_f64(),
            };
            check_bounds_hold(&m, &w, &s, spread, 200);
        }
    }

    #[test]
    fn bounds_at_spread_zero_are_the_ranks() {
        let mut rng = SplitMix64::new(23);
        let m = gti();
        for round in 0..30 {
            let w = random_weights(&mut rng, 7);
            let s = Settings {
                min_coverage: rng.next_f64(),
                aggregation: Aggregation::ALL[round % 3],
            };
            let scored = m.score(&w, &s).expect("valid");
            let bounds = rank_bounds(&m, &w, &s, 0.0).expect("valid");
            for (o, b) in scored.outcomes.iter().zip(&bounds) {
                assert_eq!((b.best, b.worst), (o.rank, o.rank));
            }
        }
    }

    #[test]
    fn bounds_on_the_gti() {
        let m = gti();
        let w = m.default_weights.clone();
        let table = |s: &Settings| -> Vec<(String, Option<u32>, Option<u32>)> {
            let b = rank_bounds(&m, &w, s, 0.5).expect("valid");
            let order = m.score(&w, s).expect("valid").order;
            order
                .iter()
                .map(|&i| (m.units[i].iso3.clone(), b[i].best, b[i].worst))
                .collect()
        };
        let expect = |rows: &[(&str, u32, u32)]| -> Vec<(String, Option<u32>, Option<u32>)> {
            let mut v: Vec<_> = rows
                .iter()
                .map(|(c, b, w)| (c.to_string(), Some(*b), Some(*w)))
                .collect();
            for c in ["HUN", "PHL"] {
                v.push((c.to_string(), None, None));
            }
            v
        };
        // Arithmetic, weights 1 +- 50%. Kyrgyzstan (70, 50, 30, 30, 10, 50, 50) ranges over
        // [33.1, 48.7] and India (50, 30 x 6) over [31.1, 36.7]: the ranges overlap, but on the
        // same pillars KGZ - IND = sum w d / W with d = (20, 20, 0, 0, -20, 20, 20), which stays
        // positive (at worst 0.5 * 80 - 1.5 * 20 > 0): KGZ is always 5th, India 6th. Honduras's
        // best case puts 1.5 on its 50, 30, 30, 30 and 0.5 on its three 10s:
        // (1.5 * 140 + 0.5 * 30) / 7.5 = 30 exactly, a tie with the eight band-only countries at
        // 30, so rank 7 at best, never 6.
        assert_eq!(
            table(&Settings::default()),
            expect(&[
                ("ITA", 1, 1),
                ("ESP", 1, 1),
                ("ARG", 3, 3),
                ("TGO", 3, 3),
                ("KGZ", 5, 5),
                ("IND", 6, 6),
                ("CMR", 7, 7),
                ("COL", 7, 7),
                ("COD", 7, 7),
                ("MYS", 7, 7),
                ("MEX", 7, 7),
                ("PAK", 7, 7),
                ("TUN", 7, 7),
                ("TUR", 7, 7),
                ("HND", 7, 15),
                ("BHR", 16, 16),
                ("BLR", 16, 16),
                ("SLV", 16, 16),
                ("ETH", 16, 16),
                ("LBY", 16, 16),
                ("RUS", 16, 16),
            ])
        );
        // Geometric: Kyrgyzstan's 10 weighs more; with 1.5 on its 10, 30, 30 and 0.5 on the rest
        // its mean falls to about 28, below the 30s and India.
        assert_eq!(
            table(&Settings {
                aggregation: Aggregation::Geometric,
                ..Settings::default()
            }),
            expect(&[
                ("ITA", 1, 1),
                ("ESP", 1, 1),
                ("ARG", 3, 3),
                ("TGO", 3, 3),
                ("KGZ", 5, 14),
                ("IND", 5, 6),
                ("CMR", 6, 7),
                ("COL", 6, 7),
                ("COD", 6, 7),
                ("MYS", 6, 7),
                ("MEX", 6, 7),
                ("PAK", 6, 7),
                ("TUN", 6, 7),
                ("TUR", 6, 7),
                ("HND", 15, 15),
                ("BHR", 16, 16),
                ("BLR", 16, 16),
                ("SLV", 16, 16),
                ("ETH", 16, 16),
                ("LBY", 16, 16),
                ("RUS", 16, 16),
            ])
        );
        // Under the minimum rule nothing moves in the box: the bounds are the ranks.
        let min = Settings {
            aggregation: Aggregation::Minimum,
            ..Settings::default()
        };
        let scored = m.score(&w, &min).expect("valid");
        let b = rank_bounds(&m, &w, &min, 0.5).expect("valid");
        for (o, b) in scored.outcomes.iter().zip(&b) {
            assert_eq!((b.best, b.worst), (o.rank, o.rank));
        }
        assert_eq!(
            rank_bounds(&m, &[1.0; 6], &Settings::default(), 0.5),
            Err(WeightError::WrongCount {
                expected: 7,
                found: 6
            })
        );
    }

    #[test]
    fn sensitivity_matches_finite_differences() {
        let mut rng = SplitMix64::new(29);
        let m = gti();
        let mut checked = 0;
        for round in 0..60 {
            let w: Vec<f64> = (0..7).map(|_| rng.uniform(0.5, 5.0)).collect();
            let s = Settings {
                aggregation: Aggregation::ALL[round % 2],
                ..Settings::default()
            };
            for iso in ["KGZ", "IND", "HND"] {
                let g = sensitivity(&m, &w, &s, iso).expect("valid");
                let unit = &m.units[m.index_of(iso).expect("member")];
                let at = |w: &[f64]| m.outcome(unit, w, &s).score.expect("scored");
                for j in 0..7 {
                    let h = 1e-5 * w[j];
                    let mut up = w.clone();
                    up[j] += h;
                    let mut down = w.clone();
                    down[j] -= h;
                    let numeric = (at(&up) - at(&down)) / (2.0 * h);
                    assert!(
                        (numeric - g[j]).abs() < 1e-6 * (1.0 + g[j].abs()),
                        "{iso} pillar {j}: {numeric} vs {}",
                        g[j]
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 60 * 3 * 7);
        // A zero weight: the derivative from the right.
        let mut w = m.default_weights.clone();
        w[2] = 0.0;
        let kgz = &m.units[m.index_of("KGZ").expect("member")];
        let g = sensitivity(&m, &w, &Settings::default(), "KGZ").expect("valid");
        let base = m
            .outcome(kgz, &w, &Settings::default())
            .score
            .expect("scored");
        let mut up = w.clone();
        up[2] = 1e-7;
        let moved = m
            .outcome(kgz, &up, &Settings::default())
            .score
            .expect("scored");
        assert!(((moved - base) / 1e-7 - g[2]).abs() < 1e-5);
        // The minimum and band-only countries do not move.
        let min = Settings {
            aggregation: Aggregation::Minimum,
            ..Settings::default()
        };
        assert_eq!(sensitivity(&m, &w, &min, "KGZ"), Ok(vec![0.0; 7]));
        assert_eq!(
            sensitivity(&m, &w, &Settings::default(), "TGO"),
            Ok(vec![0.0; 7])
        );
        assert_eq!(
            sensitivity(&m, &w, &Settings::default(), "CMR"),
            Ok(vec![0.0; 7])
        );
        assert_eq!(
            sensitivity(&m, &w, &Settings::default(), "XXX"),
            Err(SensitivityError::UnknownCountry("XXX".into()))
        );
        // Official weights, arithmetic, KGZ: (a_j - 290/7) / 7 for each pillar.
        let g = sensitivity(&m, &m.default_weights, &Settings::default(), "KGZ").expect("ok");
        for (gj, a) in g.iter().zip([70.0, 50.0, 30.0, 30.0, 10.0, 50.0, 50.0]) {
            assert!((gj - (a - 290.0 / 7.0) / 7.0).abs() < 1e-12);
        }
    }

    #[test]
    fn rank_changes_per_aggregation() {
        let m = gti();
        let w = m.default_weights.clone();
        let table = rank_changes(&m, &w, &Settings::default()).expect("valid");
        for (column, aggregation) in Aggregation::ALL.into_iter().enumerate() {
            let s = Settings {
                aggregation,
                ..Settings::default()
            };
            let scored = m.score(&w, &s).expect("valid");
            for (row, o) in table.iter().zip(&scored.outcomes) {
                assert_eq!(row[column], o.rank);
            }
        }
        let kgz = table[m.index_of("KGZ").expect("member")];
        // 5th under the means; under the minimum its Very High pillar (10) puts it in the tie
        // of those scored 10, behind the thirteen scored 30 or more.
        assert_eq!(kgz, [Some(5), Some(5), Some(14)]);
        assert!(rank_changes(&m, &[0.0; 7], &Settings::default()).is_err());
    }
}
