//! The terms every weighted index is scored in (settings, outcomes, the basis of a score, the
//! weights' check, a five-band scheme) and, with the `reference` feature only, the GTI's
//! hand-written model ([`GtiModel`]: bands onto a 0-100 scale, weighting, aggregation, the
//! coverage threshold and banding).
//!
//! OMCT publishes bands, not numbers, and its weights and cut-offs are not public. The model is
//! the explorer's own; at equal weights it reproduces every published overall band for the
//! countries whose pillar bands are known (see tests/golden.rs). The explorer scores the GTI
//! through the one model of every index ([`crate::composite`]); `GtiModel` is kept as the oracle
//! the tests and benchmarks hold the one model to, and no build of the app carries it.

use crate::composite::BandScheme as GenericBands;
#[cfg(any(test, feature = "reference"))]
use crate::data::Gti;
use crate::error::WeightError;
#[cfg(any(test, feature = "reference"))]
use crate::math;
use crate::model::Band;
#[cfg(any(test, feature = "reference"))]
use crate::rank::competition_ranks;

/// The five risk bands of [`Band`] over a score scale on which higher means lower risk.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandScheme {
    /// The bottom of the scale: where Very High starts.
    pub min: f64,
    /// Upper bounds (exclusive) of Very High, High, Considerable and Moderate; Low runs to `max`.
    pub cutoffs: [f64; 4],
    pub max: f64,
}

impl BandScheme {
    /// The GTI's bands as `data/bands.csv` defines them (scheme `gti-risk`): the value the
    /// model falls back on when a [`Gti`] carries no definition.
    pub const GTI: BandScheme = BandScheme {
        min: 0.0,
        cutoffs: [20.0, 40.0, 60.0, 80.0],
        max: 100.0,
    };

    /// The scheme of a definition, if it has exactly the five bands of [`Band`], in order (by
    /// slug): the only schemes this model, whose bands are that type, can use.
    pub fn from_generic(scheme: &GenericBands) -> Option<BandScheme> {
        let bands = scheme.bands();
        let same = bands.len() == Band::ALL.len()
            && bands.iter().zip(Band::ALL).all(|(d, b)| d.slug == b.slug());
        if !same {
            return None;
        }
        let mut cutoffs = [0.0; 4];
        for (c, d) in cutoffs.iter_mut().zip(&bands[1..]) {
            *c = d.lower;
        }
        Some(BandScheme {
            min: bands[0].lower,
            cutoffs,
            max: scheme.max(),
        })
    }

    /// The band a score falls in: [0,20) Very High ... [80,100] Low.
    pub fn band(&self, score: f64) -> Band {
        let i = self.cutoffs.iter().take_while(|c| score >= **c).count();
        Band::from_index(i).unwrap_or(Band::Low)
    }

    /// The score range `[lower, upper)` of a band.
    pub fn range(&self, band: Band) -> (f64, f64) {
        let i = band.index();
        let lower = if i == 0 {
            self.min
        } else {
            self.cutoffs[i - 1]
        };
        let upper = self.cutoffs.get(i).copied().unwrap_or(self.max);
        (lower, upper)
    }

    /// The value a pillar known only as a band counts as.
    pub fn midpoint(&self, band: Band) -> f64 {
        let (lower, upper) = self.range(band);
        (lower + upper) / 2.0
    }
}

/// How pillar scores combine into a country score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Aggregation {
    /// Weighted arithmetic mean: fully compensatory.
    #[default]
    Arithmetic,
    /// Weighted geometric mean: partly compensatory.
    Geometric,
    /// The weakest pillar with a positive weight: no compensation.
    Minimum,
}

impl Aggregation {
    pub const ALL: [Aggregation; 3] = [
        Aggregation::Arithmetic,
        Aggregation::Geometric,
        Aggregation::Minimum,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Aggregation::Arithmetic => "arithmetic",
            Aggregation::Geometric => "geometric",
            Aggregation::Minimum => "minimum",
        }
    }

    pub fn parse(text: &str) -> Option<Aggregation> {
        Aggregation::ALL.into_iter().find(|a| a.slug() == text)
    }
}

/// User-adjustable settings besides the weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Share of pillars (0-1) a country needs for its score to be recomputed.
    pub min_coverage: f64,
    pub aggregation: Aggregation,
}

impl Settings {
    /// The JRC COIN rule of thumb: at least 65% of the pillars. The bundled GTI definition
    /// (`data/gti-2025/index.csv`, `coverage.min`) says the same, and a test holds them equal;
    /// prefer [`Gti::default_settings`], which reads the definition.
    pub const DEFAULT_MIN_COVERAGE: f64 = 0.65;
}

/// Without a definition to read them from: the bundled GTI's defaults.
impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_coverage: Self::DEFAULT_MIN_COVERAGE,
            aggregation: Aggregation::Arithmetic,
        }
    }
}

/// How a country's score was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Aggregated from pillar values with the current weights.
    Recomputed,
    /// Too few pillars (or no weight on them): the published band stands, at its midpoint.
    PublishedBandOnly,
    /// A member with no published band: listed, not ranked.
    NotPublished,
}

/// The scoring input for one country: pillar values on the 0-100 scale.
#[cfg(any(test, feature = "reference"))]
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub iso3: String,
    /// English name: the tie-break order.
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// Whether any value is a band midpoint rather than a published number.
    pub estimated_from_band: bool,
    pub published: Option<Band>,
}

/// The GTI prepared for fast, repeated scoring.
#[cfg(any(test, feature = "reference"))]
#[derive(Debug, Clone, PartialEq)]
pub struct GtiModel {
    pub scheme: BandScheme,
    pub pillar_count: usize,
    pub units: Vec<Unit>,
    pub default_weights: Vec<f64>,
}

/// The result for one country, in the model's unit order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub score: Option<f64>,
    pub band: Option<Band>,
    pub basis: Basis,
    /// Share of pillars with data (0-1).
    pub coverage: f64,
    /// Competition rank, 1 = lowest risk; `None` for unranked members.
    pub rank: Option<u32>,
}

/// A scored index: outcomes in unit order, and the display order (ranked first, then unranked).
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub outcomes: Vec<Outcome>,
    pub order: Vec<usize>,
}

/// Checks weights: as many as pillars, finite, non-negative, not all zero.
pub fn validate_weights(weights: &[f64], pillars: usize) -> Result<(), WeightError> {
    if weights.len() != pillars {
        return Err(WeightError::WrongCount {
            expected: pillars,
            found: weights.len(),
        });
    }
    for (pillar, w) in weights.iter().enumerate() {
        if !w.is_finite() {
            return Err(WeightError::NotFinite { pillar });
        }
        if *w < 0.0 {
            return Err(WeightError::Negative { pillar });
        }
    }
    if weights.iter().all(|w| *w == 0.0) {
        return Err(WeightError::AllZero);
    }
    Ok(())
}

/// Aggregates the available `values` with `weights`; `None` when no positive weight meets data.
#[cfg(any(test, feature = "reference"))]
pub fn aggregate(values: &[Option<f64>], weights: &[f64], rule: Aggregation) -> Option<f64> {
    let pairs = values
        .iter()
        .zip(weights)
        .filter_map(|(v, w)| v.map(|v| (v, *w)))
        .filter(|(_, w)| *w > 0.0);
    match rule {
        Aggregation::Arithmetic => {
            let (sum, total) = pairs.fold((0.0, 0.0), |(s, t), (v, w)| (s + v * w, t + w));
            (total > 0.0).then(|| sum / total)
        }
        Aggregation::Geometric => {
            let mut total = 0.0;
            let mut log_sum = 0.0;
            let mut zero = false;
            for (v, w) in pairs {
                total += w;
                if v <= 0.0 {
                    zero = true;
                } else {
                    log_sum += w * math::ln(v);
                }
            }
            (total > 0.0).then(|| {
                if zero {
                    0.0
                } else {
                    math::exp(log_sum / total)
                }
            })
        }
        Aggregation::Minimum => pairs.map(|(v, _)| v).reduce(f64::min),
    }
}

#[cfg(any(test, feature = "reference"))]
impl GtiModel {
    /// Normalises the GTI data: each pillar band counts as its midpoint. The pillars and their
    /// weights come from the definition's framework (through [`Gti::pillars`]) and the
    /// midpoints from the band scheme it names ([`Gti::band_scheme`]); a [`Gti`] without one
    /// that has the five bands of [`Band`] falls back on [`BandScheme::GTI`]. The default settings are [`Gti::default_settings`].
    pub fn new(gti: &Gti) -> GtiModel {
        let scheme = gti
            .band_scheme()
            .and_then(BandScheme::from_generic)
            .unwrap_or(BandScheme::GTI);
        let units = gti
            .countries
            .iter()
            .map(|c| Unit {
                iso3: c.iso3.clone(),
                name: c.name_en.clone(),
                values: c
                    .pillars
                    .iter()
                    .map(|p| p.as_ref().map(|a| scheme.midpoint(a.value)))
                    .collect(),
                estimated_from_band: c.pillars.iter().any(Option::is_some),
                published: c.overall.as_ref().map(|a| a.value),
            })
            .collect();
        GtiModel {
            scheme,
            pillar_count: gti.pillars.len(),
            units,
            default_weights: gti.default_weights(),
        }
    }

    /// The outcome for one unit, without its rank.
    pub fn outcome(&self, unit: &Unit, weights: &[f64], settings: &Settings) -> Outcome {
        let available = unit.values.iter().filter(|v| v.is_some()).count();
        let coverage = if self.pillar_count == 0 {
            0.0
        } else {
            available as f64 / self.pillar_count as f64
        };
        let recomputed = (available > 0 && coverage + 1e-12 >= settings.min_coverage)
            .then(|| aggregate(&unit.values, weights, settings.aggregation))
            .flatten();
        let (score, band, basis) = match (recomputed, unit.published) {
            (Some(s), _) => (Some(s), Some(self.scheme.band(s)), Basis::Recomputed),
            (None, Some(b)) => (
                Some(self.scheme.midpoint(b)),
                Some(b),
                Basis::PublishedBandOnly,
            ),
            (None, None) => (None, None, Basis::NotPublished),
        };
        Outcome {
            score,
            band,
            basis,
            coverage,
            rank: None,
        }
    }

    /// Scores and ranks every country.
    pub fn score(&self, weights: &[f64], settings: &Settings) -> Result<Scored, WeightError> {
        validate_weights(weights, self.pillar_count)?;
        let mut outcomes: Vec<Outcome> = self
            .units
            .iter()
            .map(|u| self.outcome(u, weights, settings))
            .collect();
        let scores: Vec<Option<f64>> = outcomes.iter().map(|o| o.score).collect();
        let names: Vec<&str> = self.units.iter().map(|u| u.name.as_str()).collect();
        let ranking = competition_ranks(&scores, &names);
        for (o, r) in outcomes.iter_mut().zip(ranking.ranks) {
            o.rank = r;
        }
        Ok(Scored {
            outcomes,
            order: ranking.order,
        })
    }

    pub fn index_of(&self, iso3: &str) -> Option<usize> {
        self.units.iter().position(|u| u.iso3 == iso3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn band_scheme_cutoffs_and_midpoints() {
        let s = BandScheme::GTI;
        assert_eq!(s.band(0.0), Band::VeryHigh);
        assert_eq!(s.band(19.999), Band::VeryHigh);
        assert_eq!(s.band(20.0), Band::High);
        assert_eq!(s.band(59.99), Band::Considerable);
        assert_eq!(s.band(60.0), Band::Moderate);
        assert_eq!(s.band(80.0), Band::Low);
        assert_eq!(s.band(100.0), Band::Low);
        let mids: Vec<f64> = Band::ALL.iter().map(|b| s.midpoint(*b)).collect();
        assert_eq!(mids, vec![10.0, 30.0, 50.0, 70.0, 90.0]);
    }

    #[test]
    fn weights_are_validated() {
        assert_eq!(
            validate_weights(&[1.0], 2),
            Err(WeightError::WrongCount {
                expected: 2,
                found: 1
            })
        );
        assert_eq!(
            validate_weights(&[1.0, f64::NAN], 2),
            Err(WeightError::NotFinite { pillar: 1 })
        );
        assert_eq!(
            validate_weights(&[f64::INFINITY, 1.0], 2),
            Err(WeightError::NotFinite { pillar: 0 })
        );
        assert_eq!(
            validate_weights(&[-1.0, 1.0], 2),
            Err(WeightError::Negative { pillar: 0 })
        );
        assert_eq!(validate_weights(&[0.0, 0.0], 2), Err(WeightError::AllZero));
        assert_eq!(validate_weights(&[0.0, 2.0], 2), Ok(()));
    }

    #[test]
    fn aggregation_rules() {
        let v = [Some(10.0), None, Some(90.0)];
        let w = [1.0, 5.0, 3.0];
        assert_eq!(aggregate(&v, &w, Aggregation::Arithmetic), Some(70.0));
        let g = aggregate(&v, &w, Aggregation::Geometric).expect("weights meet data");
        assert!((g - (10f64.ln() * 0.25 + 90f64.ln() * 0.75).exp()).abs() < 1e-10);
        assert_eq!(aggregate(&v, &w, Aggregation::Minimum), Some(10.0));
        assert_eq!(
            aggregate(&v, &[0.0, 1.0, 0.0], Aggregation::Arithmetic),
            None
        );
        assert_eq!(
            aggregate(
                &[Some(0.0), Some(50.0)],
                &[1.0, 1.0],
                Aggregation::Geometric
            ),
            Some(0.0)
        );
    }
}
