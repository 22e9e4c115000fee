//! Outlier treatment, as COINr's `Treat()` does it by default (R/treat.R in bluefoxr/COINr:
//! `Treat.numeric`, `winsorise`, `check_SkewKurt`, `skew`, `kurt`, `log_CT`, `log_CT_plus`).
//!
//! An indicator passes when |skewness| < 2 OR kurtosis < 3.5 (sample skewness and excess
//! kurtosis of type 2, as Excel and e1071 compute them). One that fails is Winsorised: the most
//! extreme value on the side of the skew, with its ties, takes the next value inward, and the
//! check is repeated, until it passes or the count of Winsorised points reaches `winmax`. If it
//! still fails, the Winsorisation is discarded and the original values are log-transformed.
//! Where skewness or kurtosis cannot be computed (too few values, no spread) the indicator is
//! left as it is, as COINr does.

use crate::math;

/// The nonlinear transformation applied when Winsorisation is not enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFallback {
    /// Keep the Winsorised values even though they fail the check.
    None,
    /// COINr's default `log_CT`: `ln(x - min + 0.01 (max - min))`, whatever the skew's sign.
    #[default]
    LogCt,
    /// COINr's `log_CT_plus`: as `LogCt` for positive skew; `-ln(max + a - x)` otherwise.
    LogCtPlus,
}

/// Parameters of the treatment; the default is COINr's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TreatSpec {
    pub winmax: usize,
    pub skew_thresh: f64,
    pub kurt_thresh: f64,
    pub fallback: LogFallback,
}

impl Default for TreatSpec {
    fn default() -> Self {
        TreatSpec {
            winmax: 5,
            skew_thresh: 2.0,
            kurt_thresh: 3.5,
            fallback: LogFallback::LogCt,
        }
    }
}

/// What was done to one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreatAction {
    /// Passed the check as it was.
    Accepted,
    /// Passed after Winsorising this many points at the top and at the bottom.
    Winsorised { high: usize, low: usize },
    /// Winsorisation was not enough and there is no fallback: the Winsorised values stand.
    WinsorisedFailing { high: usize, low: usize },
    /// Winsorisation was not enough: the original values were log-transformed (`reflected`:
    /// the negative-skew form of `LogCtPlus`).
    LogTransformed { reflected: bool },
    /// Skewness or kurtosis could not be computed at some stage: the original values stand.
    NotAssessed,
}

/// The record of one indicator's treatment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Treatment {
    pub action: TreatAction,
    pub skew_before: Option<f64>,
    pub kurt_before: Option<f64>,
    pub skew_after: Option<f64>,
    pub kurt_after: Option<f64>,
    /// Whether the values returned pass the check (`None`: not computable).
    pub passes: Option<bool>,
}

/// Skewness (e1071 type 2) of the non-missing values; `None` below 3 values or without spread.
pub fn skew(x: &[f64]) -> Option<f64> {
    let (n, s2, s3, _) = central_sums(x)?;
    if n < 3.0 {
        return None;
    }
    let y = n.sqrt() * s3 / (s2 * s2.sqrt());
    let y = y * (n * (n - 1.0)).sqrt() / (n - 2.0);
    (!y.is_nan()).then_some(y)
}

/// Excess kurtosis (e1071 type 2) of the non-missing values; `None` below 4 values or
/// without spread.
pub fn kurt(x: &[f64]) -> Option<f64> {
    let (n, s2, _, s4) = central_sums(x)?;
    if n < 4.0 {
        return None;
    }
    let r = n * s4 / (s2 * s2);
    let y = ((n + 1.0) * (r - 3.0) + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
    (!y.is_nan()).then_some(y)
}

/// Count and the sums of squared, cubed and fourth-power deviations from the mean.
fn central_sums(x: &[f64]) -> Option<(f64, f64, f64, f64)> {
    let (sum, n) = x
        .iter()
        .filter(|v| !v.is_nan())
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let mean = sum / n;
    let (mut s2, mut s3, mut s4) = (0.0, 0.0, 0.0);
    for v in x.iter().filter(|v| !v.is_nan()) {
        let d = v - mean;
        let d2 = d * d;
        s2 += d2;
        s3 += d2 * d;
        s4 += d2 * d2;
    }
    Some((n, s2, s3, s4))
}

/// COINr's `check_SkewKurt`: `|skew| < t_s | kurt < t_k` in R's three-valued logic.
pub fn passes(x: &[f64], spec: &TreatSpec) -> Option<bool> {
    let a = skew(x).map(|s| s.abs() < spec.skew_thresh);
    let b = kurt(x).map(|k| k < spec.kurt_thresh);
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

fn extreme(x: &[f64], high: bool, skip: Option<f64>) -> Option<f64> {
    x.iter()
        .copied()
        .filter(|v| !v.is_nan() && Some(*v) != skip)
        .reduce(|a, b| if (b > a) == high { b } else { a })
}

/// COINr's `winsorise`; `None` where R would stop (the check or the skew is NA). Returns the
/// number of points Winsorised at the top and the bottom, counted as COINr counts them: the
/// last set of tied extremes on each side, which grows by one point per step.
fn winsorise(x: &mut [f64], spec: &TreatSpec) -> Option<(usize, usize)> {
    let mut passing = passes(x, spec)?;
    let (mut high, mut low) = (0usize, 0usize);
    let mut nwin = 0usize;
    while !passing && nwin < spec.winmax {
        let up = skew(x)? >= 0.0;
        let top = extreme(x, up, None)?;
        let next = extreme(x, up, Some(top))?;
        let mut count = 0;
        for v in x.iter_mut().filter(|v| **v == top) {
            *v = next;
            count += 1;
        }
        if up {
            high = count;
        } else {
            low = count;
        }
        nwin = high + low;
        passing = passes(x, spec)?;
    }
    Some((high, low))
}

fn log_ct(x: &mut [f64], reflect: bool) {
    let (Some(min), Some(max)) = (extreme(x, false, None), extreme(x, true, None)) else {
        return;
    };
    let a = 0.01 * (max - min);
    for v in x.iter_mut().filter(|v| !v.is_nan()) {
        *v = if reflect {
            -math::ln(max + a - *v)
        } else {
            math::ln(*v - min + a)
        };
    }
}

/// Treats one indicator column in place (missing values stay missing) and says what was done.
pub fn treat(col: &mut [f64], spec: &TreatSpec) -> Treatment {
    let (skew_before, kurt_before) = (skew(col), kurt(col));
    let record = |action, x: &[f64], passes| Treatment {
        action,
        skew_before,
        kurt_before,
        skew_after: skew(x),
        kurt_after: kurt(x),
        passes,
    };
    let untouched = |x: &[f64]| record(TreatAction::NotAssessed, x, None);
    match passes(col, spec) {
        None => return untouched(col),
        Some(true) => return record(TreatAction::Accepted, col, Some(true)),
        Some(false) => {}
    }
    let mut win = col.to_vec();
    let Some((high, low)) = winsorise(&mut win, spec) else {
        return untouched(col);
    };
    match passes(&win, spec) {
        None => return untouched(col),
        Some(true) => {
            col.copy_from_slice(&win);
            return record(TreatAction::Winsorised { high, low }, col, Some(true));
        }
        Some(false) => {}
    }
    let reflect = match spec.fallback {
        LogFallback::None => {
            col.copy_from_slice(&win);
            return record(
                TreatAction::WinsorisedFailing { high, low },
                col,
                Some(false),
            );
        }
        LogFallback::LogCt => false,
        // log_CT_plus takes the positive form only for skew > 0 (not >= 0).
        LogFallback::LogCtPlus => skew(col).is_none_or(|s| s <= 0.0),
    };
    let mut logged = col.to_vec();
    log_ct(&mut logged, reflect);
    match passes(&logged, spec) {
        None => untouched(col),
        ok => {
            col.copy_from_slice(&logged);
            record(TreatAction::LogTransformed { reflected: reflect }, col, ok)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn moments_match_e1071_type_2() {
        // Hand-computed: x = 1..5 is symmetric (skew 0), kurtosis -1.2.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!(close(skew(&x), 0.0));
        assert!(close(kurt(&x), -1.2));
        // x = 1, 2, 3, 10: mean 4, deviations -3 -2 -1 6, s2 = 50, s3 = 180, s4 = 1394.
        // g1 = 2 * 180 / 50^1.5 = 1.01823..., G1 = g1 * sqrt(12) / 2.
        let y = [1.0, 2.0, f64::NAN, 3.0, 10.0];
        let g1 = 2.0 * 180.0 / 50f64.powf(1.5);
        assert!(close(skew(&y), g1 * 12f64.sqrt() / 2.0));
        let r = 4.0 * 1394.0 / 2500.0;
        assert!(close(kurt(&y), ((5.0 * (r - 3.0) + 6.0) * 3.0) / 2.0));
        assert_eq!(skew(&[1.0, 2.0]), None);
        assert_eq!(kurt(&[1.0, 2.0, 3.0]), None);
        assert_eq!(skew(&[2.0, 2.0, 2.0, 2.0]), None);
    }

    #[test]
    fn a_well_behaved_indicator_is_accepted() {
        let mut x: Vec<f64> = (1..=10).map(f64::from).collect();
        let t = treat(&mut x, &TreatSpec::default());
        assert_eq!(t.action, TreatAction::Accepted);
        assert_eq!(x, (1..=10).map(f64::from).collect::<Vec<_>>());
    }

    /// 1..20 then 60, 80, 100: two steps pass (100 -> 80, then both 80s -> 60).
    fn skewed() -> Vec<f64> {
        (1..=20).map(f64::from).chain([60.0, 80.0, 100.0]).collect()
    }

    #[test]
    fn high_outliers_are_winsorised_one_step_at_a_time() {
        let spec = TreatSpec::default();
        let mut x = skewed();
        assert_eq!(passes(&x, &spec), Some(false));
        let mut one = x.clone();
        one[22] = 80.0;
        assert_eq!(passes(&one, &spec), Some(false), "one step is not enough");
        let t = treat(&mut x, &spec);
        // COINr counts the last set of ties replaced: the two 80s.
        assert_eq!(t.action, TreatAction::Winsorised { high: 2, low: 0 });
        assert_eq!(&x[19..], &[20.0, 60.0, 60.0, 60.0]);
        assert_eq!(t.passes, Some(true));
        assert!(t.skew_before.is_some_and(|s| s >= 2.0));
    }

    #[test]
    fn tied_extremes_are_winsorised_together() {
        let mut x: Vec<f64> = (1..=20).map(f64::from).chain([100.0, 100.0]).collect();
        let t = treat(&mut x, &TreatSpec::default());
        assert_eq!(t.action, TreatAction::Winsorised { high: 2, low: 0 });
        assert_eq!(&x[20..], &[20.0, 20.0]);
    }

    #[test]
    fn low_outliers_are_winsorised_at_the_bottom() {
        let mut x: Vec<f64> = skewed().iter().map(|v| -v).collect();
        let t = treat(&mut x, &TreatSpec::default());
        assert_eq!(t.action, TreatAction::Winsorised { high: 0, low: 2 });
        assert_eq!(&x[20..], &[-60.0, -60.0, -60.0]);
    }

    #[test]
    fn when_winsorising_is_not_enough_the_original_is_logged() {
        let orig = skewed();
        let spec = TreatSpec {
            winmax: 1,
            ..TreatSpec::default()
        };
        let mut x = orig.clone();
        let t = treat(&mut x, &spec);
        assert_eq!(t.action, TreatAction::LogTransformed { reflected: false });
        let (min, max) = (1.0, 100.0);
        for (got, o) in x.iter().zip(&orig) {
            assert_eq!(*got, math::ln(o - min + 0.01 * (max - min)));
        }
        let mut kept = orig.clone();
        let none = TreatSpec {
            fallback: LogFallback::None,
            ..spec
        };
        let t = treat(&mut kept, &none);
        assert_eq!(t.action, TreatAction::WinsorisedFailing { high: 1, low: 0 });
        assert_eq!(kept[22], 80.0);
    }

    #[test]
    fn log_ct_plus_reflects_negative_skew() {
        let orig: Vec<f64> = skewed().iter().map(|v| -v).collect();
        let spec = TreatSpec {
            winmax: 1,
            fallback: LogFallback::LogCtPlus,
            ..TreatSpec::default()
        };
        let mut x = orig.clone();
        let t = treat(&mut x, &spec);
        assert_eq!(t.action, TreatAction::LogTransformed { reflected: true });
        let (min, max) = (-100.0, -1.0);
        let a = 0.01 * (max - min);
        assert_eq!(x[0], -math::ln(max + a - orig[0]));
    }

    #[test]
    fn indicators_without_spread_are_left_alone() {
        let mut x = [5.0, 5.0, 5.0, 5.0, f64::NAN];
        let t = treat(&mut x, &TreatSpec::default());
        assert_eq!(t.action, TreatAction::NotAssessed);
        assert_eq!(&x[..4], &[5.0; 4]);
    }
}
