//! Monte Carlo over perturbed weights for any index read through the generic model: how far
//! each unit's rank and band move when every weight of the framework (indicators and
//! aggregates alike) is multiplied by an independent uniform factor in
//! `[1 - spread, 1 + spread)`. Each draw is one full recompute by [`PreparedIndex::score`],
//! so every rule of the index (aggregation, coverage, the published-band fallback) applies
//! exactly as in its ranking ([`PreparedIndex::draw`] ranks as [`PreparedIndex::score`] does).

use super::definition::PreparedIndex;
use super::error::PipelineError;
use super::pipeline::aggregate::AggregateSpec;
use super::pipeline::aggregate::{CoverageBasis, Rule};
use crate::rank::key;
use crate::rng::SplitMix64;
use crate::robustness::{clamp_spread, percentile, McSettings};

/// One unit's distribution over the draws.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSpread {
    /// Draws in which the unit had a rank.
    pub ranked_draws: u32,
    /// Nearest-rank percentiles of its rank over the ranked draws (`None`: never ranked).
    pub median_rank: Option<u32>,
    pub p5_rank: Option<u32>,
    pub p95_rank: Option<u32>,
    /// The best and worst rank seen in any draw.
    pub best_rank: Option<u32>,
    pub worst_rank: Option<u32>,
    /// Share of the draws in each band of the index's scheme (empty without bands).
    pub band_share: Vec<f64>,
}

/// The result of [`PreparedIndex::monte_carlo`], in data set order.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    /// The spread used, clamped to [0, 1].
    pub spread: f64,
    pub draws: u32,
    pub units: Vec<UnitSpread>,
}

/// The raw tallies of some draws of a Monte Carlo ([`PreparedIndex::monte_carlo_counts`]):
/// parts of one run, drawn apart, add up to the whole run ([`McCounts::merge`]) and give the
/// same [`Uncertainty`] ([`McCounts::summarise`]).
#[derive(Debug, Clone, PartialEq)]
pub struct McCounts {
    pub draws: u32,
    /// Draws in which every drawn weight came out 0 (possible only at spread 1, or with
    /// weights so small that a factor rounds them to 0): not scored, as in the GTI model's.
    pub skipped: u32,
    /// Units of the data set.
    pub units: usize,
    /// Bands of the scheme (0 without one).
    pub bands: usize,
    /// `units` x `units`: how many draws gave unit u rank r + 1, at `u * units + r`.
    pub ranks: Vec<u32>,
    /// `units` x `bands`: how many draws put unit u in band b, at `u * bands + b`.
    pub band_counts: Vec<u32>,
}

impl McCounts {
    /// Adds another part of the same run; `false` (and nothing added) if its shape differs.
    pub fn merge(&mut self, other: &McCounts) -> bool {
        let same = (
            self.units,
            self.bands,
            self.ranks.len(),
            self.band_counts.len(),
        ) == (
            other.units,
            other.bands,
            other.ranks.len(),
            other.band_counts.len(),
        );
        if !same {
            return false;
        }
        self.draws += other.draws;
        self.skipped += other.skipped;
        for (a, b) in self.ranks.iter_mut().zip(&other.ranks) {
            *a += b;
        }
        for (a, b) in self.band_counts.iter_mut().zip(&other.band_counts) {
            *a += b;
        }
        true
    }

    /// Each unit's percentiles, extremes and band shares; `spread` (that of the run) is
    /// recorded clamped to [0, 1], as the run used it.
    pub fn summarise(&self, spread: f64) -> Uncertainty {
        let (n, bands) = (self.units, self.bands);
        let units = (0..n)
            .map(|u| {
                let histogram = self.ranks.get(u * n..(u + 1) * n).unwrap_or(&[]);
                let ranked: u32 = histogram.iter().sum();
                let seen = |i: usize| i as u32 + 1;
                UnitSpread {
                    ranked_draws: ranked,
                    median_rank: percentile(histogram, ranked, 1, 2),
                    p5_rank: percentile(histogram, ranked, 5, 100),
                    p95_rank: percentile(histogram, ranked, 95, 100),
                    best_rank: histogram.iter().position(|c| *c > 0).map(seen),
                    worst_rank: histogram.iter().rposition(|c| *c > 0).map(seen),
                    band_share: self
                        .band_counts
                        .get(u * bands..(u + 1) * bands)
                        .unwrap_or(&[])
                        .iter()
                        .map(|c| {
                            let scored = self.draws.saturating_sub(self.skipped);
                            if scored == 0 {
                                0.0
                            } else {
                                f64::from(*c) / f64::from(scored)
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        Uncertainty {
            spread: clamp_spread(spread),
            draws: self.draws,
            units,
        }
    }
}

impl PreparedIndex {
    /// Runs `mc.draws` draws around `weights` (one per framework node; `None`: the
    /// framework's). Draw d takes one factor per node that has a parent, in node order, from
    /// `SplitMix64::new(mc.seed)`, so a run is reproducible anywhere; a top node's weight
    /// enters no mean and is not drawn. (On the GTI that is one factor per pillar, as the GTI
    /// model's Monte Carlo draws: the same seed gives the same draws.) The standings are left
    /// at `weights`, as before the call.
    pub fn monte_carlo(
        &mut self,
        weights: Option<&[f64]>,
        spec: &AggregateSpec,
        mc: &McSettings,
    ) -> Result<Uncertainty, PipelineError> {
        Ok(self
            .monte_carlo_counts(weights, spec, mc, 0..mc.draws)?
            .summarise(mc.spread))
    }

    /// The tallies of draws `draws` (a part of the run [`PreparedIndex::monte_carlo`] makes
    /// with `mc`: the same draws, as the sequence is skipped to the first).
    pub fn monte_carlo_counts(
        &mut self,
        weights: Option<&[f64]>,
        spec: &AggregateSpec,
        mc: &McSettings,
        draws: std::ops::Range<u32>,
    ) -> Result<McCounts, PipelineError> {
        self.score(weights, spec)?;
        let bands = self.scheme().map_or(0, |s| s.len());
        let base = weights.map_or_else(
            || self.prepared().framework_weights().to_vec(),
            <[f64]>::to_vec,
        );
        let spread = clamp_spread(mc.spread);
        let n = self.standings().units.len();
        let mut ranks = vec![0u32; n * n];
        let mut band_counts = vec![0u32; n * bands];
        let mut drawn = base.clone();
        let hierarchy = self.prepared().hierarchy();
        let moved: Vec<usize> = (0..base.len())
            .filter(|&i| hierarchy.nodes().get(i).is_some_and(|n| n.parent.is_some()))
            .collect();
        let mut rng = SplitMix64::new(mc.seed);
        rng.skip(u64::from(draws.start) * moved.len() as u64);
        let (low, high) = (1.0 - spread, 1.0 + spread);
        let mut linear = Linear::plan(self, &base, spec);
        let mut skipped = 0;
        // The loop only calls functions: a WebAssembly engine compiles a long-running function
        // once, with its quick baseline compiler, and optimises only functions called often,
        // so the work of a draw must sit in functions called once per draw.
        for _ in draws.clone() {
            perturb(&mut drawn, &base, &moved, &mut rng, low, high);
            if moved
                .iter()
                .all(|&i| drawn.get(i).is_none_or(|w| *w == 0.0))
            {
                skipped += 1;
                continue;
            }
            let fast = linear
                .as_mut()
                .and_then(|plan| plan.fits(&drawn).then_some(plan));
            match fast {
                Some(plan) => plan.draw_counted(&drawn, &mut ranks, &mut band_counts),
                None => {
                    let (unit_ranks, unit_bands) = self.draw(&drawn, spec)?;
                    tally(unit_ranks, unit_bands, &mut ranks, &mut band_counts, bands);
                }
            }
        }
        self.score(weights, spec)?;
        Ok(McCounts {
            draws: draws.end.saturating_sub(draws.start),
            skipped,
            units: n,
            bands,
            ranks,
            band_counts,
        })
    }
}

/// One draw's weights: each base weight of the nodes `moved` times its own uniform factor,
/// in node order (the others keep their base weight, already in `drawn`).
#[inline(never)]
fn perturb(
    drawn: &mut [f64],
    base: &[f64],
    moved: &[usize],
    rng: &mut SplitMix64,
    low: f64,
    high: f64,
) {
    for &i in moved {
        if let (Some(d), Some(w)) = (drawn.get_mut(i), base.get(i)) {
            *d = w * rng.uniform(low, high);
        }
    }
}

/// Adds one draw to the rank histograms (`n` x `n`) and band counts (`n` x `bands`).
#[inline(never)]
fn tally(
    unit_ranks: &[Option<u32>],
    unit_bands: &[Option<usize>],
    ranks: &mut [u32],
    band_counts: &mut [u32],
    bands: usize,
) {
    let n = unit_ranks.len();
    for (u, (r, b)) in unit_ranks.iter().zip(unit_bands).enumerate() {
        if let Some(r) = r {
            if let Some(c) = ranks.get_mut(u * n + *r as usize - 1) {
                *c += 1;
            }
        }
        if let Some(b) = b.filter(|b| *b < bands) {
            if let Some(c) = band_counts.get_mut(u * bands + b) {
                *c += 1;
            }
        }
    }
}

/// A shortcut through the draws for the common case where every aggregate is a weighted
/// arithmetic mean and coverage counts components (the explorer's open indicators, COINr's
/// default): which components count for each unit then does not depend on the weights, so
/// each draw is one pass over each unit's components with data, in the same order as
/// [`super::pipeline::aggregate::aggregate`], multiplying by the reciprocal of the weights'
/// sum (shared by every unit with the same components) where it divides by the sum (so a
/// score can differ from the full recompute's in its last bit), then a sort of packed integer
/// keys. Ties share a rank, as in the ranking; names are not needed,
/// as only ranks are counted.
struct Linear {
    rows: usize,
    /// Column-major, one column per node: the indicators (a missing value as 0, as it adds
    /// nothing) and the aggregates, written per draw (0 where a unit lacks the coverage, so
    /// that its parent adds nothing; the index itself NaN there).
    values: Vec<f64>,
    /// The aggregates in aggregation order, each with its children that carry weight.
    aggregates: Vec<(usize, Vec<usize>)>,
    /// Per aggregate (in that order) and row: the row's group, the children it has data for.
    group_of: Vec<usize>,
    /// Per group: its children with data (`kids[start..end]`), or none when the unit lacks the
    /// coverage; and whether it belongs to the index itself.
    groups: Vec<(usize, usize, bool, bool)>,
    kids: Vec<usize>,
    /// Per group, this draw: 1 / the sum of its children's weights (0, or NaN for the index
    /// itself, without coverage). Rows with the same children share it: one division per
    /// group and draw, not per unit.
    inverse: Vec<f64>,
    acc: Vec<f64>,
    /// The nodes whose base weight is positive (a draw that puts one at exactly 0 changes
    /// which components count, and takes the full recompute).
    weighted: Vec<bool>,
    root: usize,
    /// The units whose score moves with the weights: unit, row, and what stands for it
    /// should its score be missing.
    live: Vec<(usize, usize, Fallback)>,
    /// The units whose score no draw the plan takes changes (a published band standing, a
    /// row without the coverage): their packed keys ([`packed`]), ascending, and every such
    /// unit with its band (`None`: unranked, or no band).
    fixed: Vec<u64>,
    fixed_bands: Vec<(usize, Option<usize>)>,
    /// The band scheme's lower bounds above the first.
    bounds: Vec<f64>,
    keys: Vec<u64>,
    spare: Vec<u64>,
}

/// What stands for a unit whose score is missing: a score and its band.
type Fallback = Option<(f64, Option<usize>)>;

/// A ranked unit's sort key: higher scores first (the ranking key's order reversed), then
/// the unit.
fn packed(score: f64, unit: usize) -> u64 {
    let descending = !((key(score) as i32 as u32) ^ (1 << 31));
    u64::from(descending) << 32 | unit as u64
}

/// Up to this many keys, [`bucket_sort`] is a plain sort.
const SMALL: usize = 64;

/// Sorts packed keys (`key << 32 | unit`): one counting pass into 256 buckets by the top
/// byte of the keys' range, then an insertion sort of what is left out of order (little, as
/// most buckets hold a key or two). For a few hundred keys, faster than a comparison sort.
fn bucket_sort(keys: &mut Vec<u64>, spare: &mut Vec<u64>) {
    if keys.len() <= SMALL {
        // A few dozen keys: the buckets would cost more than they save.
        keys.sort_unstable();
        return;
    }
    let (Some(low), Some(high)) = (
        keys.iter().map(|k| k >> 32).min(),
        keys.iter().map(|k| k >> 32).max(),
    ) else {
        return;
    };
    let shift = (64 - (high - low).leading_zeros()).saturating_sub(8);
    let digit = |k: u64| (((k >> 32) - low) >> shift) as usize & 0xff;
    let mut count = [0u32; 257];
    for &k in keys.iter() {
        count[digit(k) + 1] += 1;
    }
    for i in 1..257 {
        count[i] += count[i - 1];
    }
    spare.clear();
    spare.resize(keys.len(), 0);
    for &k in keys.iter() {
        let d = digit(k);
        spare[count[d] as usize] = k;
        count[d] += 1;
    }
    for i in 1..spare.len() {
        let k = spare[i];
        let mut j = i;
        while j > 0 && spare[j - 1] > k {
            spare[j] = spare[j - 1];
            j -= 1;
        }
        spare[j] = k;
    }
    std::mem::swap(keys, spare);
}

#[derive(Clone, Copy)]
enum Stand {
    Row(usize, Option<(f64, Option<usize>)>),
    Fixed(f64, Option<usize>),
    Unranked,
}

impl Linear {
    /// The plan, if the index qualifies and the standings are at `base` (scores within
    /// +-2,000, so that keys pack into 32 bits).
    fn plan(index: &PreparedIndex, base: &[f64], spec: &super::AggregateSpec) -> Option<Linear> {
        let prepared = index.prepared();
        let hierarchy = prepared.hierarchy();
        let nodes = hierarchy.nodes();
        let arithmetic = hierarchy.aggregation_order().iter().all(|&n| {
            nodes
                .get(n)
                .is_some_and(|m| spec.rule_for(m.level) == Rule::Arithmetic)
        });
        let root = index.root_column()?;
        if !arithmetic || spec.coverage.basis != CoverageBasis::Count || base.len() != nodes.len() {
            return None;
        }
        let scores = prepared.scores();
        let (rows, width) = (scores.rows(), nodes.len());
        let small = |x: f64| x.is_nan() || x.abs() < 2_000.0;
        let mut values = vec![0.0; rows * width];
        for node in 0..width {
            for row in 0..rows {
                let v = scores.raw(row, node);
                if !small(v) {
                    return None;
                }
                if hierarchy.children_of(node).is_empty() && !v.is_nan() {
                    values[node * rows + row] = v;
                }
            }
        }
        let weighted: Vec<bool> = base.iter().map(|w| *w > 0.0).collect();
        let (mut kids, mut groups, mut group_of, mut aggregates) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut known: std::collections::BTreeMap<(Option<Vec<usize>>, bool), usize> =
            Default::default();
        for &node in hierarchy.aggregation_order() {
            let children: Vec<usize> = hierarchy
                .children_of(node)
                .iter()
                .copied()
                .filter(|&c| weighted.get(c).copied().unwrap_or(false))
                .collect();
            for row in 0..rows {
                // Covered at the base weights, so at any positive weights.
                let mine = (!scores.raw(row, node).is_nan()).then(|| {
                    children
                        .iter()
                        .copied()
                        .filter(|&c| !scores.raw(row, c).is_nan())
                        .collect::<Vec<usize>>()
                });
                let group = *known
                    .entry((mine, node == root))
                    .or_insert_with_key(|(mine, top)| {
                        let start = kids.len();
                        kids.extend_from_slice(mine.as_deref().unwrap_or(&[]));
                        groups.push((start, kids.len(), mine.is_some(), *top));
                        groups.len() - 1
                    });
                group_of.push(group);
            }
            aggregates.push((node, children));
        }
        let n = index.standings().units.len();
        let units: Vec<Stand> = (0..n)
            .map(|u| match (index.row(u), index.fallback_of(u)) {
                (Some(r), f) => Stand::Row(r, f),
                (None, Some((s, b))) => Stand::Fixed(s, b),
                (None, None) => Stand::Unranked,
            })
            .collect();
        let fixed_small = units.iter().all(|s| match s {
            Stand::Row(_, Some((x, _))) | Stand::Fixed(x, _) => small(*x),
            _ => true,
        });
        if !fixed_small || n >= 1 << 31 {
            return None;
        }
        let bounds: Vec<f64> = index
            .scheme()
            .map(|s| {
                (1..s.len())
                    .filter_map(|b| s.range(b).map(|r| r.0))
                    .collect()
            })
            .unwrap_or_default();
        // A row whose index lacks the coverage at the base weights lacks it at any positive
        // weights: its fallback stands in every draw the plan takes.
        let top = aggregates.iter().position(|(node, _)| *node == root);
        let covered = |r: usize| {
            top.and_then(|a| group_of.get(a * rows + r))
                .and_then(|g| groups.get(*g))
                .is_some_and(|g| g.2)
        };
        let (mut live, mut fixed, mut fixed_bands) = (Vec::new(), Vec::new(), Vec::new());
        for (u, stand) in units.iter().enumerate() {
            match *stand {
                Stand::Row(r, f) if covered(r) => live.push((u, r, f)),
                Stand::Row(_, Some((x, b))) | Stand::Fixed(x, b) => {
                    fixed.push(packed(x, u));
                    fixed_bands.push((u, b));
                }
                Stand::Row(_, None) | Stand::Unranked => fixed_bands.push((u, None)),
            }
        }
        fixed.sort_unstable();
        Some(Linear {
            rows,
            values,
            aggregates,
            group_of,
            inverse: vec![0.0; groups.len()],
            groups,
            kids,
            acc: vec![0.0; rows],
            weighted,
            root,
            live,
            fixed,
            fixed_bands,
            bounds,
            keys: Vec::with_capacity(n),
            spare: Vec::with_capacity(n),
        })
    }

    /// Whether this draw's weights leave every weighted node with a positive weight, and every
    /// sum of weights with a finite reciprocal (weights so small that it overflows take the
    /// full recompute, which divides); if so, the reciprocals are set for [`Linear::draw_with`].
    fn fits(&mut self, weights: &[f64]) -> bool {
        let positive = weights.len() == self.weighted.len()
            && weights
                .iter()
                .zip(&self.weighted)
                .all(|(w, p)| *w > 0.0 || !p);
        if !positive {
            return false;
        }
        for (inverse, &(start, end, covered, top)) in self.inverse.iter_mut().zip(&self.groups) {
            *inverse = match (covered, top) {
                (true, _) => {
                    let total: f64 = self.kids[start..end].iter().map(|&c| weights[c]).sum();
                    let r = 1.0 / total;
                    if !r.is_finite() {
                        return false;
                    }
                    r
                }
                (false, true) => f64::NAN,
                (false, false) => 0.0,
            };
        }
        true
    }

    /// Every unit's rank and band at `weights` (one per node, positive where the base is).
    #[cfg(test)]
    fn draw(&mut self, weights: &[f64]) -> (Vec<Option<u32>>, Vec<Option<usize>>) {
        assert!(self.fits(weights), "weights the shortcut takes");
        let n = self.units();
        let (mut ranks, mut bands) = (vec![None; n], vec![None; n]);
        self.draw_with(weights, |u, b| bands[u] = b, |u, r| ranks[u] = Some(r));
        (ranks, bands)
    }

    /// One draw added to the tallies of [`PreparedIndex::monte_carlo_counts`] directly.
    fn draw_counted(&mut self, weights: &[f64], ranks: &mut [u32], band_counts: &mut [u32]) {
        let n = self.units();
        let bands = band_counts.len().checked_div(n).unwrap_or(0);
        self.draw_with(
            weights,
            |u, b| {
                if let Some(c) = b
                    .filter(|b| *b < bands)
                    .and_then(|b| band_counts.get_mut(u * bands + b))
                {
                    *c += 1;
                }
            },
            |u, r| {
                if let Some(c) = ranks.get_mut(u * n + r as usize - 1) {
                    *c += 1;
                }
            },
        );
    }

    /// Computes a draw whose weights [`Linear::fits`] has accepted, telling `band` each
    /// unit's band and `rank` each ranked unit's rank.
    #[inline(never)]
    fn draw_with(
        &mut self,
        weights: &[f64],
        mut band: impl FnMut(usize, Option<usize>),
        mut rank: impl FnMut(usize, u32),
    ) {
        let rows = self.rows;
        // Whole columns at a time, each child in the framework's order, as the full recompute
        // adds them (a missing value adds 0 there too).
        for (a, (node, children)) in self.aggregates.iter().enumerate() {
            self.acc.iter_mut().for_each(|x| *x = 0.0);
            for &c in children {
                let w = weights[c];
                let column = &self.values[c * rows..(c + 1) * rows];
                for (acc, v) in self.acc.iter_mut().zip(column) {
                    *acc += v * w;
                }
            }
            let groups = &self.group_of[a * rows..(a + 1) * rows];
            let out = &mut self.values[node * rows..(node + 1) * rows];
            for ((out, acc), g) in out.iter_mut().zip(&self.acc).zip(groups) {
                // Within a unit in the last place of the full recompute's `acc / total`.
                *out = acc * self.inverse[*g];
            }
        }
        self.keys.clear();
        let scheme = !self.bounds.is_empty();
        for &(u, r, fallback) in &self.live {
            // The score, and the band if it is the fallback's.
            let s = self.values[self.root * rows + r];
            let (score, fixed) = match (s.is_nan(), fallback) {
                (false, _) => (Some(s), None),
                (true, Some((x, b))) => (Some(x), Some(b)),
                (true, None) => (None, None),
            };
            band(
                u,
                match (score, fixed) {
                    (_, Some(b)) => b,
                    // The bounds ascend: counting those reached is counting until one is not.
                    (Some(s), None) if scheme => {
                        Some(self.bounds.iter().map(|l| usize::from(s >= *l)).sum())
                    }
                    _ => None,
                },
            );
            if let Some(s) = score {
                self.keys.push(packed(s, u));
            }
        }
        for &(u, b) in &self.fixed_bands {
            band(u, b);
        }
        bucket_sort(&mut self.keys, &mut self.spare);
        // The moving keys and the fixed ones, merged in order: competition ranks.
        let (mut i, mut j) = (0, 0);
        let mut previous = (u64::MAX, 0u32);
        let mut position = 0u32;
        loop {
            let next = match (self.keys.get(i), self.fixed.get(j)) {
                (Some(&a), Some(&b)) if a <= b => {
                    i += 1;
                    a
                }
                (_, Some(&b)) => {
                    j += 1;
                    b
                }
                (Some(&a), None) => {
                    i += 1;
                    a
                }
                (None, None) => break,
            };
            position += 1;
            let k = next >> 32;
            let r = if k == previous.0 {
                previous.1
            } else {
                position
            };
            rank((next & 0xffff_ffff) as usize, r);
            previous = (k, r);
        }
    }

    /// The units of the data set.
    fn units(&self) -> usize {
        self.live.len() + self.fixed_bands.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::composite::import::from_coinr_files;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// `index` prepared for `period` and scored once at its framework weights: the prepared
    /// index, its aggregation and those weights.
    fn scored(
        index: &crate::composite::Index,
        period: i32,
    ) -> (PreparedIndex, AggregateSpec, Vec<f64>) {
        let pipeline = index.definition.pipeline();
        let mut prepared = index
            .definition
            .prepare(&index.data, &pipeline, period)
            .expect("prepares");
        let spec = pipeline.aggregate.clone();
        prepared.score(None, &spec).expect("scores");
        let base = prepared.prepared().framework_weights().to_vec();
        (prepared, spec, base)
    }

    /// 500 random draws of `index` in `period` through the shortcut and the full recompute:
    /// the same ranks and bands each time. Returns how many bands the draws gave.
    fn same_draws(index: &crate::composite::Index, period: i32) -> usize {
        let (mut prepared, spec, base) = scored(index, period);
        let mut plan = Linear::plan(&prepared, &base, &spec).expect("arithmetic, by count");
        let (mut rng, mut w, mut banded) = (SplitMix64::new(5), base.clone(), 0);
        for _ in 0..500 {
            for (x, b) in w.iter_mut().zip(&base) {
                *x = b * rng.uniform(0.0, 2.0);
            }
            let (ranks, bands) = plan.draw(&w);
            let (want_ranks, want_bands) = prepared.draw(&w, &spec).expect("draws");
            assert_eq!(ranks, want_ranks);
            assert_eq!(bands, want_bands);
            banded += bands.iter().flatten().count();
        }
        banded
    }

    /// The shortcut gives every draw exactly the ranks and bands of the full recompute, on an
    /// index with missing values, a unit below the coverage rule and ties.
    #[test]
    fn the_linear_shortcut_draws_exactly_as_the_full_recompute() {
        let meta = "Level,iCode,iName,Direction,Weight,Parent,Type
1,a,A,1,1,P,Indicator
1,b,B,-1,2,P,Indicator
1,c,C,1,1,Q,Indicator
1,d,D,1,0,Q,Indicator
2,P,P,1,1,I,Aggregate
2,Q,Q,1,3,I,Aggregate
3,I,Index,1,1,,Aggregate
";
        let data = "uCode,uName,a,b,c,d
AAA,A,1,2,3,4
BBB,B,2,,5,1
CCC,C,,,,7
DDD,D,4,1,2,2
EEE,E,4,1,2,2
FFF,F,0.5,3,,
GGG,G,3,3,3,3
";
        let index = from_coinr_files(("d.csv", data), ("m.csv", meta), "").expect("reads");
        let period = index.data.dataset.periods[0];
        same_draws(&index, period);
        // The GTI through the generic model: bands, and members standing at their published
        // band (the fallback).
        let (bundle, _) = crate::Bundle::bundled();
        let gti = bundle.index("gti-2025").expect("bundled");
        assert!(same_draws(gti, 2025) > 0, "some draws have bands");
        let (prepared, spec, base) = scored(&index, period);
        let mut plan = Linear::plan(&prepared, &base, &spec).expect("arithmetic, by count");
        // A weight drawn at exactly 0 changes which components count, and weights whose sum
        // has no finite reciprocal cannot be multiplied by it: the full recompute.
        let mut zero = base.clone();
        zero[0] = 0.0;
        let tiny: Vec<f64> = base.iter().map(|w| w * 5e-324).collect();
        assert!(plan.fits(&base) && !plan.fits(&zero) && !plan.fits(&tiny));
        // Other rules take the full recompute.
        let mut geometric = spec.clone();
        geometric.rule = Rule::Geometric;
        assert!(Linear::plan(&prepared, &base, &geometric).is_none());
    }
}
