//! Band schemes: named ranges of the score scale, worst first, for indices that publish bands
//! (as the GTI does) or that want to show them. An index may have none.

use super::error::ModelError;
use super::model::LocalText;

/// One band: from its `lower` bound (inclusive) up to the next band's.
#[derive(Debug, Clone, PartialEq)]
pub struct BandDef {
    /// A stable identifier for URLs, CSS classes and message keys.
    pub slug: String,
    /// The spelling used in data files ("Very High"), matched without regard to case.
    pub label: String,
    pub name: LocalText,
    pub lower: f64,
}

/// Bands ordered from the worst to the best on the score scale; index 0 is the worst.
#[derive(Debug, Clone, PartialEq)]
pub struct BandScheme {
    bands: Vec<BandDef>,
    /// The top of the scale: the end of the last band, inclusive.
    max: f64,
}

impl BandScheme {
    /// Validates: at least one band, unique slugs, finite bounds that strictly increase, and a
    /// top above the last bound.
    pub fn new(bands: Vec<BandDef>, max: f64) -> Result<BandScheme, ModelError> {
        let increasing = bands.windows(2).all(|w| w[0].lower < w[1].lower);
        let finite = bands.iter().all(|b| b.lower.is_finite()) && max.is_finite();
        let top_ok = bands.last().is_some_and(|b| b.lower < max);
        if !increasing || !finite || !top_ok {
            return Err(ModelError::BadBands);
        }
        for (i, b) in bands.iter().enumerate() {
            if b.slug.is_empty() {
                return Err(ModelError::EmptyCode);
            }
            if bands[..i].iter().any(|o| o.slug == b.slug) {
                return Err(ModelError::Duplicate(b.slug.clone()));
            }
        }
        Ok(BandScheme { bands, max })
    }

    /// The GTI's five equal bands over 0-100, higher meaning lower risk: [0,20) Very High,
    /// [20,40) High, [40,60) Considerable, [60,80) Moderate, [80,100] Low.
    pub fn gti() -> BandScheme {
        let band = |slug: &str, en: &str, lower: f64| BandDef {
            slug: slug.to_string(),
            label: en.to_string(),
            name: LocalText::en(en),
            lower,
        };
        BandScheme {
            bands: vec![
                band("very-high", "Very High", 0.0),
                band("high", "High", 20.0),
                band("considerable", "Considerable", 40.0),
                band("moderate", "Moderate", 60.0),
                band("low", "Low", 80.0),
            ],
            max: 100.0,
        }
    }

    pub fn bands(&self) -> &[BandDef] {
        &self.bands
    }

    pub fn len(&self) -> usize {
        self.bands.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bands.is_empty()
    }

    pub fn max(&self) -> f64 {
        self.max
    }

    /// The band a score falls in; scores below the first bound count in the first band and
    /// scores above the top in the last. `None` for NaN.
    pub fn band_of(&self, score: f64) -> Option<usize> {
        if score.is_nan() {
            return None;
        }
        // Same comparison as the GTI's scheme: count the bounds above the first that the
        // score reaches.
        Some(
            self.bands
                .iter()
                .skip(1)
                .take_while(|b| score >= b.lower)
                .count(),
        )
    }

    /// The score range `[lower, upper)` of band `i` (the last band includes its top).
    pub fn range(&self, i: usize) -> Option<(f64, f64)> {
        let lower = self.bands.get(i)?.lower;
        let upper = self.bands.get(i + 1).map_or(self.max, |b| b.lower);
        Some((lower, upper))
    }

    /// The value a datum known only as band `i` counts as.
    pub fn midpoint(&self, i: usize) -> Option<f64> {
        self.range(i).map(|(lower, upper)| (lower + upper) / 2.0)
    }

    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.bands.iter().position(|b| b.slug == slug)
    }

    /// The band a data file names, by its label (any case) or its slug.
    pub fn parse(&self, text: &str) -> Option<usize> {
        let text = text.trim();
        self.bands
            .iter()
            .position(|b| b.label.eq_ignore_ascii_case(text) || b.slug == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Band;
    use crate::scoring;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn gti_scheme_matches_the_engine_scheme_on_a_dense_grid() {
        let generic = BandScheme::gti();
        let gti = scoring::BandScheme::GTI;
        let mut scores: Vec<f64> = (-100..=11_000).map(|i| f64::from(i) * 0.01).collect();
        for b in [0.0f64, 20.0, 40.0, 60.0, 80.0, 100.0] {
            scores.extend([b, b.next_down(), b.next_up(), b + 1e-9]);
        }
        scores.extend([-0.0, 19.999_999_999, 79.999_999_999_999, f64::MAX, f64::MIN]);
        for s in scores {
            assert_eq!(generic.band_of(s), Some(gti.band(s).index()), "score {s}");
        }
        for b in Band::ALL {
            assert_eq!(generic.range(b.index()), Some(gti.range(b)));
            assert_eq!(generic.midpoint(b.index()), Some(gti.midpoint(b)));
            assert_eq!(generic.bands()[b.index()].slug, b.slug());
            assert_eq!(generic.bands()[b.index()].name.get("en"), b.label());
        }
        assert_eq!(generic.midpoint(5), None);
        assert_eq!(generic.band_of(f64::NAN), None);
    }

    #[test]
    fn schemes_are_validated() {
        let def = |slug: &str, lower: f64| BandDef {
            slug: slug.into(),
            label: slug.into(),
            name: LocalText::en(slug),
            lower,
        };
        assert!(BandScheme::new(vec![], 1.0).is_err());
        assert!(BandScheme::new(vec![def("a", 0.0), def("b", 0.0)], 1.0).is_err());
        assert!(BandScheme::new(vec![def("a", 0.0)], 0.0).is_err());
        assert!(BandScheme::new(vec![def("a", 0.0), def("a", 0.5)], 1.0).is_err());
        let s = BandScheme::new(vec![def("bad", 0.0), def("good", 0.5)], 1.0).expect("valid");
        assert_eq!(s.band_of(0.49), Some(0));
        assert_eq!(s.band_of(0.5), Some(1));
        assert_eq!(s.midpoint(1), Some(0.75));
        assert_eq!(s.index_of("good"), Some(1));
    }
}
