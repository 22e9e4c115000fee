//! Denomination (COINr's `Denominate()`): an extensive indicator divided by a denominator
//! column (population, GDP, area ...) so that large and small units compare.

use crate::composite::model::Matrix;

/// Divides column `c` of `values` by column `by[c]` of `denominators`, where one is given.
/// A missing or zero denominator gives a missing value: COINr would give `Inf`, which no later
/// step can use.
pub fn denominate(values: &mut Matrix, denominators: &Matrix, by: &[Option<usize>]) {
    for (c, d) in by.iter().enumerate() {
        let Some(d) = *d else { continue };
        let den = denominators.column(d);
        for (v, q) in values.column_mut(c).iter_mut().zip(den) {
            let x = *v / *q;
            *v = if x.is_finite() { x } else { f64::NAN };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn divides_only_the_indicators_that_name_a_denominator() {
        let mut v = Matrix::missing(3, 2);
        let mut d = Matrix::missing(3, 1);
        for (r, (x, q)) in [(10.0, 2.0), (9.0, 0.0), (4.0, f64::NAN)]
            .iter()
            .enumerate()
        {
            v.set(r, 0, *x);
            v.set(r, 1, *x);
            d.set(r, 0, *q);
        }
        denominate(&mut v, &d, &[Some(0), None]);
        assert_eq!(v.get(0, 0), Some(5.0));
        assert_eq!(v.get(1, 0), None);
        assert_eq!(v.get(2, 0), None);
        assert_eq!(v.column(1), &[10.0, 9.0, 4.0]);
    }
}
