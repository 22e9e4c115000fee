//! Imputation of missing values (COINr's `Impute()` with `i_mean` and `i_mean_grp`): an
//! indicator's mean over all units, or over the units of the same group.

use std::collections::BTreeMap;

/// How missing indicator values are filled.
#[derive(Debug, Clone, PartialEq)]
pub enum Imputation {
    /// The indicator's mean over the units that have it.
    Mean,
    /// The indicator's mean over the units of the same group (a group column such as
    /// `EurAsia_group`). A unit with no group, or a group with no value, stays missing.
    GroupMean { group: String },
}

/// Fills the missing values of `col` with its mean; returns how many were filled.
pub fn mean(col: &mut [f64]) -> usize {
    let (sum, n) = col
        .iter()
        .filter(|v| !v.is_nan())
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 {
        return 0;
    }
    let m = sum / n as f64;
    let mut filled = 0;
    for v in col.iter_mut().filter(|v| v.is_nan()) {
        *v = m;
        filled += 1;
    }
    filled
}

/// Fills the missing values of `col` with the mean of its group (`groups[row]`, `None` for a
/// unit without a group); returns how many were filled.
pub fn group_mean(col: &mut [f64], groups: &[Option<usize>]) -> usize {
    let mut acc: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    for (v, g) in col.iter().zip(groups) {
        if let (false, Some(g)) = (v.is_nan(), g) {
            let e = acc.entry(*g).or_insert((0.0, 0));
            e.0 += v;
            e.1 += 1;
        }
    }
    let mut filled = 0;
    for (v, g) in col.iter_mut().zip(groups) {
        if !v.is_nan() {
            continue;
        }
        if let Some((s, n)) = g.and_then(|g| acc.get(&g)) {
            *v = s / *n as f64;
            filled += 1;
        }
    }
    filled
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn mean_fills_every_gap() {
        let mut c = [1.0, f64::NAN, 3.0, f64::NAN];
        assert_eq!(mean(&mut c), 2);
        assert_eq!(c, [1.0, 2.0, 3.0, 2.0]);
        let mut empty = [f64::NAN, f64::NAN];
        assert_eq!(mean(&mut empty), 0);
        assert!(empty.iter().all(|v| v.is_nan()));
    }

    #[test]
    fn group_mean_uses_the_group_and_leaves_empty_groups_missing() {
        // Groups: 0 = Europe, 1 = Asia, 2 = a group with no data.
        let mut c = [1.0, 3.0, f64::NAN, 10.0, f64::NAN, f64::NAN, f64::NAN];
        let g = [Some(0), Some(0), Some(0), Some(1), Some(1), Some(2), None];
        assert_eq!(group_mean(&mut c, &g), 2);
        assert_eq!(&c[..5], &[1.0, 3.0, 2.0, 10.0, 10.0]);
        assert!(c[5].is_nan() && c[6].is_nan());
    }
}
