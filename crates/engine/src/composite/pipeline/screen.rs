//! Unit screening (COINr's `Screen()` with `unit_screen = "byNA"`): units with too little data
//! are left out of the index rather than scored on a few indicators.

use crate::composite::model::Matrix;

/// Which rows to keep: those whose share of non-missing indicator values, computed as COINr
/// does (`1 - n_missing / n_indicators`), is at least `min_share`.
pub fn keep(values: &Matrix, min_share: f64) -> Vec<bool> {
    let cols = values.cols();
    let mut missing = vec![0usize; values.rows()];
    for c in 0..cols {
        for (m, v) in missing.iter_mut().zip(values.column(c)) {
            if v.is_nan() {
                *m += 1;
            }
        }
    }
    missing
        .iter()
        .map(|&m| {
            let share = if cols == 0 {
                0.0
            } else {
                1.0 - m as f64 / cols as f64
            };
            share >= min_share
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn keeps_units_at_or_above_the_threshold() {
        // 10 indicators; unit 0 has all, unit 1 misses one (90%), unit 2 misses two (80%).
        let mut m = Matrix::missing(3, 10);
        for c in 0..10 {
            m.set(0, c, 1.0);
            if c != 0 {
                m.set(1, c, 1.0);
            }
            if c > 1 {
                m.set(2, c, 1.0);
            }
        }
        assert_eq!(keep(&m, 0.9), vec![true, true, false]);
        assert_eq!(keep(&m, 0.0), vec![true, true, true]);
        assert_eq!(keep(&m, 1.0), vec![true, false, false]);
    }
}
