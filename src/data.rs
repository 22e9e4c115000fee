//! The bundled data as the app holds it: loaded and validated once at start, with the derived
//! model and data-quality flags, shared by pointer.

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use engine::composite::gti::{Scorer, ScorerError};
use engine::consistency::{self, ChangeCheck, Flag};
use engine::csp::{year_table, CspRow};
use engine::error::WeightError;
use engine::model::Band;
#[cfg(feature = "full")]
use engine::robustness::{McResult, McSettings, RankBounds, SensitivityError};
#[cfg(feature = "full")]
use engine::whatif::{PathResult, WhatIfError};
use engine::{Basis, Bundle, DataError, Outcome, Scored, Settings};

pub struct AppData {
    pub bundle: Bundle,
    /// The GTI prepared once in the one model, which every score, path and bound goes through
    /// ([`AppData::score`]). The bundled data always builds (tested).
    scorer: Result<RefCell<Scorer>, ScorerError>,
    pub flags: Vec<Flag>,
    pub change_checks: Vec<ChangeCheck>,
    /// Problems found while loading; the rows concerned are left out.
    pub errors: Vec<DataError>,
    /// Fingerprint of the bundled data, for exports.
    pub version: String,
    /// The CSP Index's table of each year asked for so far ([`AppData::csp_year`]).
    csp_years: RefCell<Vec<(u16, Rc<Vec<CspRow>>)>>,
}

thread_local! {
    /// Data loaded ahead of the first render ([`AppData::preload`]).
    static PRELOADED: std::cell::RefCell<Option<AppData>> = const { std::cell::RefCell::new(None) };
}

impl AppData {
    /// Loads the data now, for the first render to take ([`AppData::loaded`]): the explorer
    /// does it in a task of its own before taking over a pre-rendered page, so that neither
    /// task blocks a slow phone for long.
    pub fn preload() {
        let data = AppData::load();
        PRELOADED.with(|p| *p.borrow_mut() = Some(data));
    }

    /// The data preloaded, else loaded now.
    pub fn loaded() -> AppData {
        PRELOADED
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(AppData::load)
    }

    pub fn load() -> AppData {
        // The embed build shows no factsheets: it loads the data without them.
        #[cfg(feature = "full")]
        let files = engine::Files::bundled();
        #[cfg(not(feature = "full"))]
        let files = engine::Files::bundled_core();
        let (bundle, errors) = Bundle::load_tables(&files);
        let version = files.version();
        let scorer = Scorer::new(&bundle.gti, &[]).map(RefCell::new);
        let flags = consistency::flags(&bundle);
        let change_checks = consistency::change_checks(&bundle.csp);
        AppData {
            bundle,
            scorer,
            flags,
            change_checks,
            errors,
            version,
            csp_years: RefCell::default(),
        }
    }
}

impl AppData {
    /// The CSP Index's ranking of `year` through the one model (empty for a year it does not
    /// cover), computed the first time a view asks for it and kept: the years' tables never
    /// change.
    pub fn csp_year(&self, year: u16) -> Rc<Vec<CspRow>> {
        let mut years = self.csp_years.borrow_mut();
        if let Some((_, table)) = years.iter().find(|(y, _)| *y == year) {
            return Rc::clone(table);
        }
        let table = Rc::new(year_table(&self.bundle.csp, year));
        years.push((year, Rc::clone(&table)));
        table
    }

    /// The official weights of the index the visitor weights (the GTI's, from its definition).
    pub fn official_weights(&self) -> Vec<f64> {
        self.bundle.gti.default_weights()
    }

    /// The GTI with `changes` to its members' component bands (a scenario), scored at
    /// `weights` and `settings` through the one model; `None` if the changes or the weights
    /// are unusable.
    pub fn score_changed(
        &self,
        changes: &[engine::whatif::Change],
        weights: &[f64],
        settings: &Settings,
    ) -> Option<Scored> {
        Scorer::new(&self.bundle.gti, changes)
            .ok()?
            .score(weights, settings)
            .ok()
    }

    /// The GTI scored and ranked at `weights` and `settings`, through the one model
    /// ([`Scorer`]: the data set prepared once, the aggregates recomputed). Were the data set
    /// not to build (the bundled data always does: tested), every member would be listed
    /// without a score rather than the app stopped.
    pub fn score(&self, weights: &[f64], settings: &Settings) -> Result<Scored, WeightError> {
        match &self.scorer {
            Ok(scorer) => scorer.borrow_mut().score(weights, settings),
            Err(_) => {
                let members = self.bundle.gti.countries.len();
                let outcome = Outcome {
                    score: None,
                    band: None,
                    basis: Basis::NotPublished,
                    coverage: 0.0,
                    rank: None,
                };
                Ok(Scored {
                    outcomes: vec![outcome; members],
                    order: (0..members).collect(),
                })
            }
        }
    }

    /// A member's position in the bundle's order (the order of every score list).
    pub fn member(&self, iso3: &str) -> Option<usize> {
        self.bundle
            .gti
            .countries
            .iter()
            .position(|c| c.iso3 == iso3)
    }

    /// A member's pillar values as they are scored (each band's midpoint), in pillar order.
    pub fn pillar_values(&self, iso3: &str) -> Option<Vec<Option<f64>>> {
        self.scorer.as_ref().ok()?.borrow().pillar_values(iso3)
    }

    /// The value a pillar takes in `band`: the band's midpoint in the GTI's band scheme, as
    /// `data/bands.csv` defines it (0 were the scheme not to read, which the bundled data
    /// always does: tested).
    pub fn band_value(&self, band: Band) -> f64 {
        let (lower, upper) = self.band_range(band);
        (lower + upper) / 2.0
    }

    /// The score range `[lower, upper)` of `band` in the GTI's band scheme (`data/bands.csv`).
    pub fn band_range(&self, band: Band) -> (f64, f64) {
        let scheme = self.bundle.gti.band_scheme();
        scheme
            .and_then(|s| s.range(band.index()))
            .unwrap_or_default()
    }

    /// The fewest one-band pillar improvements that bring `iso3` to `target`, each pillar
    /// raised by at most `max_per_pillar` bands, through the one model (the GTI model's
    /// answer, tested). `None` if the data set did not build, which the bundled data always
    /// does (tested).
    #[cfg(feature = "full")]
    pub fn path_to_band(
        &self,
        iso3: &str,
        target: Band,
        weights: &[f64],
        settings: &Settings,
        max_per_pillar: u32,
    ) -> Option<Result<PathResult, WhatIfError>> {
        let scorer = self.scorer.as_ref().ok()?;
        let mut scorer = scorer.borrow_mut();
        Some(scorer.path_to_band_within(iso3, target, weights, settings, max_per_pillar))
    }

    /// The derivative of `iso3`'s score with respect to each pillar's weight, through the one
    /// model (the GTI model's figures: tested).
    #[cfg(feature = "full")]
    pub fn sensitivity(
        &self,
        weights: &[f64],
        settings: &Settings,
        iso3: &str,
    ) -> Result<Vec<f64>, SensitivityError> {
        match &self.scorer {
            Ok(scorer) => scorer.borrow_mut().sensitivity(weights, settings, iso3),
            Err(_) => Err(SensitivityError::UnknownCountry(iso3.to_string())),
        }
    }

    /// Monte Carlo over perturbed pillar weights, through the one model (`Scorer::monte_carlo`:
    /// the GTI model's figures, draw for draw: tested); `None` if the weights are unusable.
    #[cfg(feature = "full")]
    pub fn monte_carlo(
        &self,
        weights: &[f64],
        settings: &Settings,
        mc: &McSettings,
    ) -> Option<McResult> {
        let scorer = self.scorer.as_ref().ok()?;
        let result = scorer.borrow_mut().monte_carlo(weights, settings, mc);
        result.ok()
    }

    /// Every member's guaranteed rank range for all weights within `spread` of `weights`,
    /// through the one model (the GTI model's bounds, tested). `None` if the weights are
    /// unusable (or the data set did not build, which the bundled data always does: tested).
    #[cfg(feature = "full")]
    pub fn rank_bounds(
        &self,
        weights: &[f64],
        settings: &Settings,
        spread: f64,
    ) -> Option<Vec<RankBounds>> {
        let scorer = self.scorer.as_ref().ok()?;
        let bounds = scorer.borrow_mut().rank_bounds(weights, settings, spread);
        bounds.ok()
    }

    /// Every member's rank under the arithmetic mean, the geometric mean and the weakest
    /// pillar, through the one model (the GTI model's ranks: tested).
    #[cfg(feature = "full")]
    pub fn ranks_by_rule(
        &self,
        weights: &[f64],
        settings: &Settings,
    ) -> Result<Vec<[Option<u32>; 3]>, WeightError> {
        match &self.scorer {
            Ok(scorer) => scorer.borrow_mut().ranks_by_rule(weights, settings),
            Err(_) => Err(WeightError::AllZero),
        }
    }
}

/// An `Rc` whose equality is identity: cheap to compare as a Yew prop.
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_pillar_values_are_the_gti_model_s() {
        // The views moved from the GTI model's units to these: the same positions and values.
        let data = AppData::load();
        assert!(
            data.scorer.is_ok(),
            "the bundled GTI builds in the one model"
        );
        let model = engine::GtiModel::new(&data.bundle.gti);
        for (i, unit) in model.units.iter().enumerate() {
            assert_eq!(data.member(&unit.iso3), Some(i), "{}", unit.iso3);
            assert_eq!(data.bundle.gti.countries[i].iso3, unit.iso3);
            let mut values = unit.values.clone();
            values.resize(model.pillar_count, None);
            assert_eq!(
                data.pillar_values(&unit.iso3),
                Some(values),
                "{}",
                unit.iso3
            );
        }
        assert_eq!(data.member("XXX"), None);
        assert_eq!(data.pillar_values("XXX"), None);
        for band in engine::Band::ALL {
            assert_eq!(data.band_value(band), model.scheme.midpoint(band));
            assert_eq!(data.band_range(band), model.scheme.range(band));
        }
        assert_eq!(data.bundle.gti.default_weights(), model.default_weights);
        // The Monte Carlo through the one model gives the GTI model's figures.
        let (w, s) = (data.official_weights(), data.bundle.gti.default_settings());
        let mc = McSettings {
            spread: 0.25,
            draws: 200,
            seed: 7,
        };
        let ours = data.monte_carlo(&w, &s, &mc).expect("results");
        let gti = engine::robustness::monte_carlo(&model, &w, &s, &mc).expect("results");
        assert_eq!(ours, gti);
    }

    #[test]
    fn each_csp_year_is_computed_once_and_is_the_engine_s_table() {
        let data = AppData::load();
        let years: Vec<u16> = data.bundle.csp.years().collect();
        assert!(years.len() >= 6, "{years:?}");
        for year in years.iter().copied().chain([1990]) {
            let first = data.csp_year(year);
            assert_eq!(*first, year_table(&data.bundle.csp, year), "{year}");
            assert!(Rc::ptr_eq(&first, &data.csp_year(year)), "kept: {year}");
        }
        assert!(data.csp_year(1990).is_empty());
    }

    #[test]
    fn a_scenario_is_scored_with_its_changes_and_none_is_the_index_as_it_stands() {
        let data = AppData::load();
        let (w, s) = (data.official_weights(), data.bundle.gti.default_settings());
        assert_eq!(w, data.bundle.gti.default_weights());
        let plain = data.score(&w, &s).expect("scores");
        assert_eq!(data.score_changed(&[], &w, &s).as_ref(), Some(&plain));
        // Kyrgyzstan's victims' rights (pillar V) from Very high to Low: its score rises.
        let change = engine::whatif::Change {
            iso3: "KGZ".into(),
            pillar: 4,
            band: Band::Low,
        };
        let changed = data.score_changed(&[change], &w, &s).expect("scores");
        let kgz = data.member("KGZ").expect("a member");
        let (before, after) = (plain.outcomes[kgz].score, changed.outcomes[kgz].score);
        assert!(after > before, "{before:?} -> {after:?}");
        // A change to a country the index does not cover is refused.
        let unknown = engine::whatif::Change {
            iso3: "ARM".into(),
            pillar: 0,
            band: Band::Low,
        };
        assert!(data.score_changed(&[unknown], &w, &s).is_none());
    }
}
