//! Normalisation (COINr's `Normalise()`): bringing indicators onto one scale, oriented so that
//! higher is better. Direction is applied first, by multiplying by -1, as COINr does.

use crate::composite::bands::BandScheme;
use crate::composite::error::PipelineError;
use crate::composite::model::Direction;

/// A normalisation method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Normalisation {
    /// Values multiplied by the direction, nothing else.
    None,
    /// COINr's `n_minmax`: `(x - min) / (max - min) * (upper - lower) + lower`. An indicator
    /// with no spread becomes missing (COINr returns NaN).
    MinMax { lower: f64, upper: f64 },
    /// COINr's `n_goalposts`: `(x - lo) / (hi - lo)` (reversed for negative direction), clipped
    /// to [0, 1], then mapped onto `[lower, upper]`. The goalposts come from the metadata.
    Goalposts { lower: f64, upper: f64 },
    /// COINr's `n_zscore`: `(x - mean) / sd * sd_target + mean_target` (sample sd).
    ZScore { mean: f64, sd: f64 },
    /// COINr's `n_prank` (ties take the lowest rank) mapped onto `[lower, upper]`.
    PercentileRank { lower: f64, upper: f64 },
    /// A value known only as a band counts as the band's midpoint; numbers in the same column
    /// are taken to be on the score scale already. Bands are ordered worst to best, so the
    /// direction does not apply.
    BandMidpoint,
}

impl Default for Normalisation {
    /// COINr's default: min-max onto [0, 100].
    fn default() -> Self {
        Normalisation::MinMax {
            lower: 0.0,
            upper: 100.0,
        }
    }
}

const STEP: &str = "normalisation";

fn bad(reason: &'static str) -> PipelineError {
    PipelineError::BadParameter { step: STEP, reason }
}

/// Minimum and maximum of the non-missing values (`f64::min` and `max` skip NaN).
fn range(col: &[f64]) -> Option<(f64, f64)> {
    let (lo, hi) = col
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    (lo <= hi).then_some((lo, hi))
}

/// Normalises one indicator column in place. `banded[row]` marks cells holding band indices.
pub fn normalise(
    col: &mut [f64],
    banded: &[bool],
    method: Normalisation,
    direction: Direction,
    goalposts: Option<(f64, f64)>,
    bands: Option<&BandScheme>,
    indicator: &str,
) -> Result<(), PipelineError> {
    let has_bands = col.iter().zip(banded).any(|(v, b)| *b && !v.is_nan());
    if method == Normalisation::BandMidpoint {
        if !has_bands {
            return Ok(());
        }
        let scheme = bands.ok_or_else(|| bad("band values need a band scheme"))?;
        for (v, b) in col.iter_mut().zip(banded) {
            if *b && !v.is_nan() {
                *v = scheme.midpoint(*v as usize).unwrap_or(f64::NAN);
            }
        }
        return Ok(());
    }
    if has_bands {
        return Err(PipelineError::BandValue {
            step: STEP,
            indicator: indicator.to_string(),
        });
    }
    let sign = direction.sign();
    if direction == Direction::Negative {
        for v in col.iter_mut() {
            *v *= sign;
        }
    }
    match method {
        Normalisation::None | Normalisation::BandMidpoint => {}
        Normalisation::MinMax { lower, upper } => {
            if !lower.is_finite() || !upper.is_finite() {
                return Err(bad("the output range must be finite"));
            }
            let Some((min, max)) = range(col) else {
                return Ok(());
            };
            for v in col.iter_mut() {
                *v = (*v - min) / (max - min) * (upper - lower) + lower;
            }
        }
        Normalisation::Goalposts { lower, upper } => {
            if !lower.is_finite() || !upper.is_finite() {
                return Err(bad("the output range must be finite"));
            }
            let (lo, hi) = goalposts.ok_or_else(|| PipelineError::NoGoalposts(indicator.into()))?;
            // The values arrive multiplied by the direction, so the goalposts are too.
            let (g1, g2) = (lo * sign, hi * sign);
            for v in col.iter_mut().filter(|v| !v.is_nan()) {
                let y = match direction {
                    Direction::Positive => (*v - g1) / (g2 - g1),
                    Direction::Negative => (*v - g2) / (g1 - g2),
                };
                *v = y.clamp(0.0, 1.0) * (upper - lower) + lower;
            }
        }
        Normalisation::ZScore { mean, sd } => {
            if !mean.is_finite() || !sd.is_finite() || sd <= 0.0 {
                return Err(bad("the z-score target needs a finite mean and an sd > 0"));
            }
            let values = col.iter().filter(|v| !v.is_nan());
            let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
            let m = sum / n as f64;
            let ss: f64 = col
                .iter()
                .filter(|v| !v.is_nan())
                .map(|v| (v - m) * (v - m))
                .sum();
            let s = (ss / (n as f64 - 1.0)).sqrt();
            for v in col.iter_mut() {
                *v = (*v - m) / s * sd + mean;
                if !v.is_finite() {
                    *v = f64::NAN;
                }
            }
        }
        Normalisation::PercentileRank { lower, upper } => {
            if !lower.is_finite() || !upper.is_finite() {
                return Err(bad("the output range must be finite"));
            }
            // One sort of (value, row); then each run of equal values takes the number of
            // values strictly below it: rank(ties = "min") - 1.
            let mut sorted: Vec<(f64, usize)> = col
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_nan())
                .map(|(i, v)| (*v, i))
                .collect();
            sorted.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
            let n = sorted.len() as f64;
            let mut below = 0;
            for (k, &(v, i)) in sorted.iter().enumerate() {
                if k > 0 && sorted[k - 1].0 < v {
                    below = k;
                }
                col[i] = below as f64 / (n - 1.0) * (upper - lower) + lower;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn run(x: &[f64], method: Normalisation, dir: Direction, gp: Option<(f64, f64)>) -> Vec<f64> {
        let mut c = x.to_vec();
        normalise(&mut c, &vec![false; x.len()], method, dir, gp, None, "x").expect("valid");
        c
    }

    #[test]
    fn min_max_with_direction() {
        let x = [2.0, 4.0, f64::NAN, 10.0];
        let up = run(&x, Normalisation::default(), Direction::Positive, None);
        assert_eq!(up[0], 0.0);
        assert_eq!(up[1], 25.0);
        assert!(up[2].is_nan());
        assert_eq!(up[3], 100.0);
        let down = run(&x, Normalisation::default(), Direction::Negative, None);
        assert_eq!((down[0], down[1], down[3]), (100.0, 75.0, 0.0));
        let flat = run(
            &[3.0, 3.0],
            Normalisation::default(),
            Direction::Positive,
            None,
        );
        assert!(flat.iter().all(|v| v.is_nan()));
        let scaled = run(
            &x,
            Normalisation::MinMax {
                lower: 1.0,
                upper: 2.0,
            },
            Direction::Positive,
            None,
        );
        assert_eq!(scaled[1], 1.25);
    }

    #[test]
    fn goalposts_clip_and_follow_direction() {
        let x = [-5.0, 0.0, 5.0, 10.0, 20.0];
        let m = Normalisation::Goalposts {
            lower: 0.0,
            upper: 100.0,
        };
        let up = run(&x, m, Direction::Positive, Some((0.0, 10.0)));
        assert_eq!(up, vec![0.0, 0.0, 50.0, 100.0, 100.0]);
        let down = run(&x, m, Direction::Negative, Some((0.0, 10.0)));
        assert_eq!(down, vec![100.0, 100.0, 50.0, 0.0, 0.0]);
        let mut c = x.to_vec();
        let err = normalise(&mut c, &[false; 5], m, Direction::Positive, None, None, "x");
        assert_eq!(err, Err(PipelineError::NoGoalposts("x".into())));
    }

    #[test]
    fn z_scores_and_percentile_ranks() {
        let z = run(
            &[1.0, 2.0, 3.0],
            Normalisation::ZScore { mean: 0.0, sd: 1.0 },
            Direction::Positive,
            None,
        );
        assert_eq!(z, vec![-1.0, 0.0, 1.0]);
        let p = run(
            &[10.0, 30.0, 30.0, f64::NAN, 40.0],
            Normalisation::PercentileRank {
                lower: 0.0,
                upper: 1.0,
            },
            Direction::Positive,
            None,
        );
        assert_eq!((p[0], p[1], p[2], p[4]), (0.0, 1.0 / 3.0, 1.0 / 3.0, 1.0));
        assert!(p[3].is_nan());
    }

    /// Percentile ranks from one sort equal the count of values strictly below each value
    /// (ties at the minimum rank, -0 tied with 0), in any order and with gaps.
    #[test]
    fn percentile_ranks_count_the_values_below() {
        let x = [5.0, -0.0, 3.0, 5.0, f64::NAN, 0.0, 9.0, 3.0, 5.0, -2.0];
        let p = run(
            &x,
            Normalisation::PercentileRank {
                lower: 0.0,
                upper: 100.0,
            },
            Direction::Positive,
            None,
        );
        let n = x.iter().filter(|v| !v.is_nan()).count() as f64;
        for (v, got) in x.iter().zip(&p) {
            if v.is_nan() {
                assert!(got.is_nan());
            } else {
                let below = x.iter().filter(|w| !w.is_nan() && *w < v).count() as f64;
                assert_eq!(*got, below / (n - 1.0) * 100.0, "{v}");
            }
        }
    }

    #[test]
    fn bands_become_midpoints_and_nothing_else_accepts_them() {
        let scheme = BandScheme::gti();
        let mut c = [2.0, 55.5, f64::NAN, 4.0];
        let banded = [true, false, false, true];
        normalise(
            &mut c,
            &banded,
            Normalisation::BandMidpoint,
            Direction::Negative,
            None,
            Some(&scheme),
            "p",
        )
        .expect("scheme given");
        assert_eq!((c[0], c[1], c[3]), (50.0, 55.5, 90.0));
        let mut c = [2.0];
        let err = normalise(
            &mut c,
            &[true],
            Normalisation::default(),
            Direction::Positive,
            None,
            Some(&scheme),
            "p",
        );
        assert!(matches!(err, Err(PipelineError::BandValue { .. })));
        let err = normalise(
            &mut c,
            &[true],
            Normalisation::BandMidpoint,
            Direction::Positive,
            None,
            None,
            "p",
        );
        assert!(err.is_err());
    }
}
