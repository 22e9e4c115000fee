//! `ln` and `exp` from the four basic operations only, and rank correlation (Spearman).
//!
//! The standard library's `ln`/`exp` call the platform's libm, whose last bits differ between
//! glibc and wasm32; basic IEEE 754 arithmetic is correctly rounded everywhere. Computing the
//! geometric mean with these keeps native and browser results identical bit for bit (the
//! digest test in tests/golden.rs caught the difference).

const LN2: f64 = std::f64::consts::LN_2;

/// Natural logarithm for finite `x > 0` (relative error below 1e-15); NaN otherwise.
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 || !x.is_finite() {
        return f64::NAN;
    }
    // x = m * 2^e with m in [1, 2); subnormals are scaled up first.
    let (mut x, mut e) = (x, 0i64);
    if x < f64::MIN_POSITIVE {
        x *= 2f64.powi(54);
        e -= 54;
    }
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172.
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut term = s;
    let mut sum = 0.0;
    let mut k = 1.0;
    while k < 40.0 {
        sum += term / k;
        term *= s2;
        k += 2.0;
    }
    e as f64 * LN2 + 2.0 * sum
}

/// Exponential for finite `x` (relative error below 1e-15), saturating to 0 and infinity.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x > 709.0 {
        return f64::INFINITY;
    }
    if x < -708.0 {
        return 0.0;
    }
    // x = k ln2 + r, |r| <= ln2 / 2.
    let k = (x / LN2).round();
    let r = x - k * LN2;
    let mut term = 1.0;
    let mut sum = 1.0;
    let mut n = 1.0;
    while n < 20.0 {
        term *= r / n;
        sum += term;
        n += 1.0;
    }
    let scale = f64::from_bits(((k as i64 + 1023) as u64) << 52);
    sum * scale
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn agrees_with_libm_closely() {
        let mut x = 1e-300;
        while x < 1e300 {
            let rel = (ln(x) - x.ln()).abs() / x.ln().abs().max(1.0);
            assert!(rel < 1e-14, "ln({x}) = {} vs {}", ln(x), x.ln());
            x *= 1.37;
        }
        let mut y = -700.0;
        while y < 700.0 {
            let rel = (exp(y) - y.exp()).abs() / y.exp();
            assert!(rel < 1e-13, "exp({y}) = {} vs {}", exp(y), y.exp());
            y += 0.731;
        }
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(ln(1.0), 0.0);
        assert!(ln(0.0).is_nan() && ln(-1.0).is_nan());
        assert!((exp(ln(50.0)) - 50.0).abs() < 1e-12);
    }
}

/// Ranks of `xs` (1 = smallest), ties sharing the mean of the ranks they span.
pub fn average_ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut ranks = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        // Positions i..=j (0-based) hold equal values: each gets the mean rank.
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = rank;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rank correlation of paired values: Pearson's correlation of their average ranks
/// (so ties are handled). `None` with fewer than three pairs, unequal lengths, a value that is
/// not finite, or no variation on either side.
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 3 || !xs.iter().chain(ys).all(|v| v.is_finite()) {
        return None;
    }
    let (rx, ry) = (average_ranks(xs), average_ranks(ys));
    let n = xs.len() as f64;
    let mean = (n + 1.0) / 2.0;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        let (dx, dy) = (a - mean, b - mean);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod spearman_tests {
    use super::*;

    #[test]
    fn average_ranks_share_ties() {
        assert_eq!(
            average_ranks(&[10.0, 30.0, 20.0, 30.0]),
            [1.0, 3.5, 2.0, 3.5]
        );
    }

    #[test]
    fn spearman_matches_known_values() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(spearman(&x, &[2.0, 4.0, 6.0, 8.0, 10.0]), Some(1.0));
        assert_eq!(spearman(&x, &[5.0, 4.0, 3.0, 2.0, 1.0]), Some(-1.0));
        // With a tie: SciPy's spearmanr gives 0.8207826816681233.
        let r = spearman(&x, &[5.0, 6.0, 7.0, 8.0, 7.0]).unwrap_or(f64::NAN);
        assert!((r - 0.820_782_681_668_123_3).abs() < 1e-12, "{r}");
        assert_eq!(spearman(&x[..2], &x[..2]), None);
        assert_eq!(spearman(&x, &[1.0; 5]), None);
        assert_eq!(spearman(&x, &[1.0, f64::NAN, 3.0, 4.0, 5.0]), None);
    }
}
