//! Monte Carlo over perturbed weights for any index read through the generic model: how far
//! each unit's rank and band move when every weight of the framework (indicators and
//! aggregates alike) is multiplied by an independent uniform factor in
//! `[1 - spread, 1 + spread)`. Each draw is one full recompute by [`PreparedIndex::score`],
//! so every rule of the index (aggregation, coverage, the published-band fallback) applies
//! exactly as in its ranking ([`PreparedIndex::draw`] ranks as [`PreparedIndex::score`] does).

use super::definition::PreparedIndex;
use super::error::PipelineError;
use super::pipeline::aggregate::AggregateSpec;
use crate::rng::SplitMix64;
use crate::robustness::{percentile, McSettings};

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

impl PreparedIndex {
    /// Runs `mc.draws` draws around `weights` (one per framework node; `None`: the
    /// framework's). Draw d takes one factor per node, in node order, from
    /// `SplitMix64::new(mc.seed)`, so a run is reproducible anywhere. The standings are left
    /// at `weights`, as before the call.
    pub fn monte_carlo(
        &mut self,
        weights: Option<&[f64]>,
        spec: &AggregateSpec,
        mc: &McSettings,
    ) -> Result<Uncertainty, PipelineError> {
        self.score(weights, spec)?;
        let bands = self.scheme().map_or(0, |s| s.len());
        let base = weights.map_or_else(
            || self.prepared().framework_weights().to_vec(),
            <[f64]>::to_vec,
        );
        let spread = if mc.spread.is_nan() {
            0.0
        } else {
            mc.spread.clamp(0.0, 1.0)
        };
        let n = self.standings().units.len();
        let mut ranks = vec![0u32; n * n];
        let mut band_counts = vec![0u32; n * bands];
        let mut drawn = base.clone();
        let mut rng = SplitMix64::new(mc.seed);
        let (low, high) = (1.0 - spread, 1.0 + spread);
        for _ in 0..mc.draws {
            for (d, w) in drawn.iter_mut().zip(&base) {
                *d = w * rng.uniform(low, high);
            }
            let (unit_ranks, unit_bands) = self.draw(&drawn, spec)?;
            for (u, (r, b)) in unit_ranks.iter().zip(unit_bands).enumerate() {
                if let Some(r) = r {
                    if let Some(c) = ranks.get_mut(u * n + *r as usize - 1) {
                        *c += 1;
                    }
                }
                if let Some(b) = b.filter(|b| *b < bands) {
                    band_counts[u * bands + b] += 1;
                }
            }
        }
        self.score(weights, spec)?;
        let units = (0..n)
            .map(|u| {
                let histogram = &ranks[u * n..(u + 1) * n];
                let ranked: u32 = histogram.iter().sum();
                let seen = |i: usize| i as u32 + 1;
                UnitSpread {
                    ranked_draws: ranked,
                    median_rank: percentile(histogram, ranked, 1, 2),
                    p5_rank: percentile(histogram, ranked, 5, 100),
                    p95_rank: percentile(histogram, ranked, 95, 100),
                    best_rank: histogram.iter().position(|c| *c > 0).map(seen),
                    worst_rank: histogram.iter().rposition(|c| *c > 0).map(seen),
                    band_share: band_counts[u * bands..(u + 1) * bands]
                        .iter()
                        .map(|c| {
                            if mc.draws == 0 {
                                0.0
                            } else {
                                f64::from(*c) / f64::from(mc.draws)
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(Uncertainty {
            spread,
            draws: mc.draws,
            units,
        })
    }
}
