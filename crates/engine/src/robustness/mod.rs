//! How much a ranking depends on its weights, in the terms every index's results are given in:
//! Monte Carlo settings and results, guaranteed rank bounds, and the checks and summaries the
//! one model's robustness ([`crate::composite`]) shares with the GTI's hand-written model.
//!
//! That model's own Monte Carlo, rank bounds, sensitivity and ranks per rule are in `gti`,
//! compiled only with the `reference` feature (the oracle the tests and benchmarks hold the one
//! model to); no build of the app carries them.

use std::fmt;

use crate::error::WeightError;
use crate::math;
use crate::model::Band;

#[cfg(any(test, feature = "reference"))]
pub mod gti;
#[cfg(any(test, feature = "reference"))]
pub use gti::{monte_carlo, rank_bounds, rank_changes, sensitivity};

const BANDS: usize = Band::ALL.len();

/// Monte Carlo settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct McSettings {
    /// Relative half-width of the weight perturbation: 0.5 multiplies each weight by a factor in
    /// [0.5, 1.5). Clamped to [0, 1]; NaN counts as 0.
    pub spread: f64,
    pub draws: u32,
    pub seed: u64,
}

impl McSettings {
    pub const DEFAULT_SPREAD: f64 = 0.5;
    pub const DEFAULT_DRAWS: u32 = 10_000;
    pub const DEFAULT_SEED: u64 = 2025;
}

impl Default for McSettings {
    fn default() -> Self {
        McSettings {
            spread: Self::DEFAULT_SPREAD,
            draws: Self::DEFAULT_DRAWS,
            seed: Self::DEFAULT_SEED,
        }
    }
}

/// One country's Monte Carlo distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct McUnit {
    /// `rank_histogram[r - 1]` = draws in which the country had rank `r`; one slot per unit.
    pub rank_histogram: Vec<u32>,
    /// Draws in which the country was ranked at all (every scored draw, except for a member
    /// without a published band whose only weighted pillars lost their weight at spread 1).
    pub ranked_draws: u32,
    /// Nearest-rank percentiles over the ranked draws: the smallest rank r with at least
    /// ceil(p * ranked_draws) draws at rank r or better. `None` if never ranked.
    pub median_rank: Option<u32>,
    pub p5_rank: Option<u32>,
    pub p95_rank: Option<u32>,
    /// Share of scored draws in each band, in `Band::ALL` order (Very High first).
    pub band_probability: [f64; BANDS],
}

/// The result of [`monte_carlo`], in the model's unit order.
#[derive(Debug, Clone, PartialEq)]
pub struct McResult {
    /// The spread actually used, after clamping.
    pub spread: f64,
    pub draws: u32,
    /// Draws in which every weight came out 0 (possible only at spread 1): not scored.
    pub skipped: u32,
    pub units: Vec<McUnit>,
}

impl McResult {
    pub fn scored_draws(&self) -> u32 {
        self.draws - self.skipped
    }
}

/// Guaranteed rank range of a country for every weight vector in a box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankBounds {
    /// `None` for a member that is never ranked.
    pub best: Option<u32>,
    pub worst: Option<u32>,
}

/// Why a sensitivity cannot be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum SensitivityError {
    UnknownCountry(String),
    Weights(WeightError),
}

impl From<WeightError> for SensitivityError {
    fn from(e: WeightError) -> Self {
        SensitivityError::Weights(e)
    }
}

impl fmt::Display for SensitivityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownCountry(c) => write!(f, "`{c}` is not a country of this index"),
            Self::Weights(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SensitivityError {}

/// Clamps a spread to [0, 1]; NaN means no perturbation.
pub(crate) fn clamp_spread(spread: f64) -> f64 {
    if spread.is_nan() {
        0.0
    } else {
        spread.clamp(0.0, 1.0)
    }
}

/// The magnitude of a model on a scale up to `max` whose units hold `values` (also the one
/// model's GTI's, [`crate::composite::gti::Scorer`]).
pub(crate) fn magnitude_of(max: f64, values: impl Iterator<Item = f64>) -> f64 {
    let mut m = max.abs();
    for v in values {
        m = m.max(v.abs());
        if v > 0.0 {
            m = m.max(math::ln(v).abs());
        }
    }
    1.0 + m
}

/// Weights so large that the perturbed sums would overflow cannot be scored reliably; they are
/// reported as not finite, at the pillar where the running sum overflows.
pub(crate) fn check_box(weights: &[f64], spread: f64, magnitude: f64) -> Result<(), WeightError> {
    let mut total = 0.0;
    for (pillar, w) in weights.iter().enumerate() {
        total += w * (1.0 + spread);
        if !(total * magnitude).is_finite() {
            return Err(WeightError::NotFinite { pillar });
        }
    }
    Ok(())
}

/// [`crate::composite::uncertainty`]).
pub(crate) fn percentile(histogram: &[u32], count: u32, num: u64, den: u64) -> Option<u32> {
    if count == 0 {
        return None;
    }
    let needed = (u64::from(count) * num).div_ceil(den).max(1);
    let mut seen = 0u64;
    for (i, c) in histogram.iter().enumerate() {
        seen += u64::from(*c);
        if seen >= needed {
            return Some(i as u32 + 1);
        }
    }
    None
}

/// one model's GTI's, [`crate::composite::gti::Scorer::monte_carlo`]).
pub(crate) fn summarise(
    draws: u32,
    skipped: u32,
    spread: f64,
    n: usize,
    ranks: &[u32],
    bands: &[u32],
) -> McResult {
    let scored = draws - skipped;
    let units = (0..n)
        .map(|unit| {
            let rank_histogram = ranks.get(unit * n..(unit + 1) * n).unwrap_or(&[]).to_vec();
            let ranked_draws = rank_histogram.iter().sum();
            let mut band_probability = [0.0; BANDS];
            for (p, c) in band_probability
                .iter_mut()
                .zip(bands.get(unit * BANDS..(unit + 1) * BANDS).unwrap_or(&[]))
            {
                if scored > 0 {
                    *p = f64::from(*c) / f64::from(scored);
                }
            }
            McUnit {
                median_rank: percentile(&rank_histogram, ranked_draws, 1, 2),
                p5_rank: percentile(&rank_histogram, ranked_draws, 5, 100),
                p95_rank: percentile(&rank_histogram, ranked_draws, 95, 100),
                rank_histogram,
                ranked_draws,
                band_probability,
            }
        })
        .collect();
    McResult {
        spread,
        draws,
        skipped,
        units,
    }
}
