//! Reform simulation: the GTI with some pillar bands changed ("what if Kyrgyzstan ended
//! impunity?"), and the fewest one-band pillar improvements that lift a country to a target band.
//!
//! Everything here goes through [`GtiModel::outcome`], so a simulated score is computed exactly as
//! the explorer's ranking computes it, bit for bit, natively and on wasm32.

use std::fmt;

#[cfg(any(test, feature = "reference"))]
use crate::composite::path::for_each_with_total;
use crate::error::WeightError;
use crate::model::Band;
use crate::scoring::Basis;
#[cfg(any(test, feature = "reference"))]
use crate::scoring::{validate_weights, GtiModel, Settings, Unit};

/// One pillar of one country set to a band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub iso3: String,
    /// 0-based pillar position.
    pub pillar: usize,
    pub band: Band,
}

#[cfg(any(test, feature = "reference"))]
/// A named set of changes; a later change to the same country and pillar overrides an earlier one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scenario {
    pub name: String,
    pub changes: Vec<Change>,
}

#[cfg(any(test, feature = "reference"))]
impl Scenario {
    /// The model with this scenario's changes applied.
    pub fn apply(&self, model: &GtiModel) -> Result<GtiModel, WhatIfError> {
        model.with_changes(&self.changes)
    }
}

/// Why a what-if question cannot be asked.
#[derive(Debug, Clone, PartialEq)]
pub enum WhatIfError {
    /// No member has this ISO 3166-1 alpha-3 code.
    UnknownCountry(String),
    /// A change names a pillar the index does not have (0-based position).
    PillarOutOfRange {
        pillar: usize,
        pillars: usize,
    },
    Weights(WeightError),
}

impl From<WeightError> for WhatIfError {
    fn from(e: WeightError) -> Self {
        WhatIfError::Weights(e)
    }
}

impl fmt::Display for WhatIfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownCountry(c) => write!(f, "`{c}` is not a country of this index"),
            Self::PillarOutOfRange { pillar, pillars } => {
                write!(
                    f,
                    "pillar {} does not exist (the index has {pillars})",
                    pillar + 1
                )
            }
            Self::Weights(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for WhatIfError {}

#[cfg(any(test, feature = "reference"))]
impl GtiModel {
    /// A copy of the model in which each changed pillar counts as the new band's midpoint.
    ///
    /// A country without pillar data may be given some: with one pillar of seven it stays below
    /// the default 65% coverage and so keeps its published band, which is the model's rule, not
    /// an error.
    pub fn with_changes(&self, changes: &[Change]) -> Result<GtiModel, WhatIfError> {
        let mut model = self.clone();
        for change in changes {
            let index = self
                .index_of(&change.iso3)
                .ok_or_else(|| WhatIfError::UnknownCountry(change.iso3.clone()))?;
            if change.pillar >= self.pillar_count {
                return Err(WhatIfError::PillarOutOfRange {
                    pillar: change.pillar,
                    pillars: self.pillar_count,
                });
            }
            let midpoint = self.scheme.midpoint(change.band);
            let unit = &mut model.units[index];
            // Units built by `GtiModel::new` have a slot per pillar; hand-built ones may not.
            if unit.values.len() < self.pillar_count {
                unit.values.resize(self.pillar_count, None);
            }
            unit.values[change.pillar] = Some(midpoint);
            unit.estimated_from_band = true;
        }
        Ok(model)
    }
}

/// Why no pillar improvement can bring a country to the target band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unreachable {
    /// No pillar band is known: the published band stands whatever the pillars would be.
    NoPillarData,
    /// Too few pillars for the score to be recomputed, so the published band stands.
    CoverageTooLow {
        available: usize,
        pillars: usize,
        min_coverage: f64,
    },
    /// Every pillar with data has a zero weight: nothing to aggregate, the published band stands.
    NoWeightOnData,
    /// Even every weighted pillar at the lowest-risk band falls short; `best` is what it gives.
    /// (With the GTI's band scheme this cannot happen; it is kept so the search is total.)
    OutOfReach { best: Band },
}

/// What the search found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathStatus {
    /// The country is already in the target band or a better one: no step needed.
    AlreadyThere,
    /// `PathResult::solutions` holds every cheapest way there.
    Reachable,
    Unreachable(Unreachable),
}

/// One pillar raised in a solution, with the numbers that explain it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PillarMove {
    pub pillar: usize,
    pub from: Band,
    pub to: Band,
    /// The pillar's value before and after, on the 0-100 scale.
    pub from_value: f64,
    pub to_value: f64,
}

/// One cheapest set of improvements.
#[derive(Debug, Clone, PartialEq)]
pub struct PathSolution {
    /// One-band steps per pillar, in pillar order; they sum to `PathResult::steps`.
    pub steps: Vec<u32>,
    /// The raised pillars, in pillar order.
    pub moves: Vec<PillarMove>,
    /// The recomputed score and band after the moves.
    pub score: f64,
    pub band: Band,
}

/// The answer to "what is the least a country must improve to reach a band?".
#[derive(Debug, Clone, PartialEq)]
pub struct PathResult {
    pub iso3: String,
    pub target: Band,
    pub current_score: Option<f64>,
    pub current_band: Option<Band>,
    pub basis: Basis,
    pub status: PathStatus,
    /// Fewest one-band steps in total; 0 unless `status` is `Reachable`.
    pub steps: u32,
    /// Every solution with `steps` steps: highest resulting score first, then by step vector in
    /// lexicographic order (pillar 1 first). Empty unless `status` is `Reachable`.
    pub solutions: Vec<PathSolution>,
}

#[cfg(any(test, feature = "reference"))]
/// The fewest one-band pillar improvements that bring `iso3` to `target` or better.
///
/// Raising a pillar by one band is one step; a pillar may rise several steps, up to Low. Only
/// pillars with a known band and a positive weight are raised: a zero-weight pillar does not enter
/// the score, so a step on it never helps and never belongs to a cheapest solution.
///
/// Exact search: for k = 1, 2, ... every step vector with exactly k steps is scored with
/// [`GtiModel::outcome`]; the first k with a solution is the answer and all its solutions are
/// kept. The cost is at most one scoring per step vector (5^7 = 78,125 for seven pillars).
pub fn path_to_band(
    model: &GtiModel,
    iso3: &str,
    target: Band,
    weights: &[f64],
    settings: &Settings,
) -> Result<PathResult, WhatIfError> {
    path_to_band_within(model, iso3, target, weights, settings, u32::MAX)
}

#[cfg(any(test, feature = "reference"))]
/// [`path_to_band`] with each pillar raised by at most `max_per_pillar` bands. With 1 this is
/// the smallest *set* of pillars each improved by one band, the reading advocates usually
/// mean by "which pillars would it take?"; a target that needs more is reported unreachable
/// (`OutOfReach`), and [`path_to_band`] then answers with repeated steps.
pub fn path_to_band_within(
    model: &GtiModel,
    iso3: &str,
    target: Band,
    weights: &[f64],
    settings: &Settings,
    max_per_pillar: u32,
) -> Result<PathResult, WhatIfError> {
    validate_weights(weights, model.pillar_count)?;
    let index = model
        .index_of(iso3)
        .ok_or_else(|| WhatIfError::UnknownCountry(iso3.to_string()))?;
    let unit = &model.units[index];
    let now = model.outcome(unit, weights, settings);
    let mut result = PathResult {
        iso3: unit.iso3.clone(),
        target,
        current_score: now.score,
        current_band: now.band,
        basis: now.basis,
        status: PathStatus::AlreadyThere,
        steps: 0,
        solutions: Vec::new(),
    };
    if now.band.is_some_and(|b| b >= target) {
        return Ok(result);
    }
    if now.basis != Basis::Recomputed {
        result.status = PathStatus::Unreachable(why_not_recomputed(model, unit, settings));
        return Ok(result);
    }

    // Per pillar, the value after 0, 1, 2, ... steps: the current value, then the midpoints of
    // the better bands. Pillars that cannot or need not move have a ladder of length 1.
    let ladders: Vec<Vec<(f64, Band)>> = (0..model.pillar_count)
        .map(|i| match unit.values.get(i).copied().flatten() {
            Some(v) => {
                let band = model.scheme.band(v);
                let mut ladder = vec![(v, band)];
                if weights[i] > 0.0 {
                    ladder.extend(
                        Band::ALL[band.index() + 1..]
                            .iter()
                            .take(max_per_pillar as usize)
                            .map(|b| (model.scheme.midpoint(*b), *b)),
                    );
                }
                ladder
            }
            None => Vec::new(),
        })
        .collect();
    let caps: Vec<usize> = ladders.iter().map(|l| l.len().saturating_sub(1)).collect();
    let total_cap: usize = caps.iter().sum();

    let mut scratch: Unit = unit.clone();
    if scratch.values.len() < model.pillar_count {
        scratch.values.resize(model.pillar_count, None);
    }
    let mut steps = vec![0usize; caps.len()];
    let mut found: Vec<PathSolution> = Vec::new();
    let mut best_band = now.band.unwrap_or(Band::VeryHigh);
    for k in 1..=total_cap {
        for_each_with_total(&caps, k, &mut steps, &mut |steps| {
            for (i, s) in steps.iter().enumerate() {
                if let Some((v, _)) = ladders[i].get(*s) {
                    scratch.values[i] = Some(*v);
                }
            }
            let o = model.outcome(&scratch, weights, settings);
            let (Some(score), Some(band)) = (o.score, o.band) else {
                return;
            };
            best_band = best_band.max(band);
            if band >= target {
                found.push(solution(&ladders, steps, score, band));
            }
        });
        if !found.is_empty() {
            // A stable sort keeps the enumeration's lexicographic order among equal scores.
            found.sort_by(|a, b| b.score.total_cmp(&a.score));
            result.status = PathStatus::Reachable;
            result.steps = k as u32;
            result.solutions = found;
            return Ok(result);
        }
    }
    result.status = PathStatus::Unreachable(Unreachable::OutOfReach { best: best_band });
    Ok(result)
}

#[cfg(any(test, feature = "reference"))]
/// The reason a country's score is not recomputed: the same tests as [`GtiModel::outcome`].
fn why_not_recomputed(model: &GtiModel, unit: &Unit, settings: &Settings) -> Unreachable {
    let available = unit.values.iter().filter(|v| v.is_some()).count();
    if available == 0 {
        return Unreachable::NoPillarData;
    }
    let coverage = if model.pillar_count == 0 {
        0.0
    } else {
        available as f64 / model.pillar_count as f64
    };
    if coverage + 1e-12 < settings.min_coverage {
        Unreachable::CoverageTooLow {
            available,
            pillars: model.pillar_count,
            min_coverage: settings.min_coverage,
        }
    } else {
        Unreachable::NoWeightOnData
    }
}

#[cfg(any(test, feature = "reference"))]
fn solution(ladders: &[Vec<(f64, Band)>], steps: &[usize], score: f64, band: Band) -> PathSolution {
    let moves = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0)
        .filter_map(|(pillar, s)| {
            let ladder = ladders.get(pillar)?;
            let (from_value, from) = *ladder.first()?;
            let (to_value, to) = *ladder.get(*s)?;
            Some(PillarMove {
                pillar,
                from,
                to,
                from_value,
                to_value,
            })
        })
        .collect();
    PathSolution {
        steps: steps.iter().map(|s| *s as u32).collect(),
        moves,
        score,
        band,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use crate::rng::SplitMix64;
    use crate::scoring::{Aggregation, BandScheme};
    use crate::Bundle;

    fn gti() -> GtiModel {
        GtiModel::new(&Bundle::bundled().0.gti)
    }

    fn change(iso3: &str, pillar: usize, band: Band) -> Change {
        Change {
            iso3: iso3.to_string(),
            pillar,
            band,
        }
    }

    /// The steps of every solution, for comparing with a brute force.
    fn step_sets(r: &PathResult) -> Vec<Vec<u32>> {
        let mut s: Vec<Vec<u32>> = r.solutions.iter().map(|x| x.steps.clone()).collect();
        s.sort();
        s
    }

    #[test]
    fn changes_apply_in_order_and_are_checked() {
        let m = gti();
        let kgz = m.index_of("KGZ").expect("member");
        let changed = m
            .with_changes(&[change("KGZ", 4, Band::High), change("KGZ", 4, Band::Low)])
            .expect("valid changes");
        assert_eq!(changed.units[kgz].values[4], Some(90.0));
        // Nothing else moved.
        let mut back = changed.clone();
        back.units[kgz].values[4] = Some(10.0);
        assert_eq!(back, m);
        assert_eq!(
            m.with_changes(&[change("XXX", 0, Band::Low)]),
            Err(WhatIfError::UnknownCountry("XXX".into()))
        );
        assert_eq!(
            m.with_changes(&[change("KGZ", 7, Band::Low)]),
            Err(WhatIfError::PillarOutOfRange {
                pillar: 7,
                pillars: 7
            })
        );
        let scenario = Scenario {
            name: "End impunity".into(),
            changes: vec![change("KGZ", 3, Band::Moderate)],
        };
        let s = scenario.apply(&m).expect("valid");
        assert_eq!(s.units[kgz].values[3], Some(70.0));
    }

    #[test]
    fn a_single_pillar_for_a_band_only_country_keeps_its_published_band() {
        let m = gti();
        let changed = m
            .with_changes(&[change("TGO", 0, Band::Low)])
            .expect("allowed");
        let w = m.default_weights.clone();
        let s = Settings::default();
        let before = m.score(&w, &s).expect("valid");
        let after = changed.score(&w, &s).expect("valid");
        let tgo = m.index_of("TGO").expect("member");
        assert_eq!(after.outcomes[tgo].basis, Basis::PublishedBandOnly);
        assert!((after.outcomes[tgo].coverage - 1.0 / 7.0).abs() < 1e-12);
        assert_eq!(after.outcomes[tgo].score, before.outcomes[tgo].score);
        assert_eq!(after.order, before.order);
    }

    #[test]
    fn kyrgyzstan_to_moderate_at_official_weights() {
        // By hand: KGZ's pillars are 70, 50, 30, 30, 10, 50, 50 (Moderate, Considerable, High,
        // High, Very High, Considerable, Considerable): sum 290, score 290/7 = 41.43, Considerable.
        // Moderate needs a score of at least 60, so a sum of at least 420 over the seven equal
        // weights. Each one-band step adds 20 to the sum: 6 steps give 410 (58.57, short),
        // 7 give 430 (61.43). So 7 steps, and with equal weights EVERY way to spend 7 steps
        // works. The pillars can rise 1, 2, 3, 3, 4, 2, 2 bands; the number of step vectors with
        // those caps summing to 7 is the x^7 coefficient of
        // (1+x)(1+x+x^2)^3(1+x+x^2+x^3)^2(1+x+x^2+x^3+x^4)
        // = 1 + 7x + 27x^2 + 74x^3 + 159x^4 + 282x^5 + 425x^6 + 554x^7 + ...
        // (checked below with an independent count).
        let m = gti();
        let r = path_to_band(
            &m,
            "KGZ",
            Band::Moderate,
            &m.default_weights,
            &Settings::default(),
        )
        .expect("valid");
        assert_eq!(r.status, PathStatus::Reachable);
        assert_eq!(r.current_band, Some(Band::Considerable));
        assert_eq!(r.steps, 7);
        let caps = [1u32, 2, 3, 3, 4, 2, 2];
        let mut count = 0;
        let mut v = [0u32; 7];
        'outer: loop {
            if v.iter().sum::<u32>() == 7 {
                count += 1;
            }
            for i in 0..7 {
                if v[i] < caps[i] {
                    v[i] += 1;
                    continue 'outer;
                }
                v[i] = 0;
            }
            break;
        }
        assert_eq!(count, 554);
        assert_eq!(r.solutions.len(), 554);
        for s in &r.solutions {
            assert_eq!(s.score, 430.0 / 7.0);
            assert_eq!(s.band, Band::Moderate);
            assert!(s.steps.iter().zip(caps).all(|(x, c)| *x <= c));
            for mv in &s.moves {
                assert_eq!(mv.to.index() - mv.from.index(), s.steps[mv.pillar] as usize);
                assert_eq!(
                    mv.to_value - mv.from_value,
                    20.0 * s.steps[mv.pillar] as f64
                );
            }
        }
        // All scores tie, so the order is lexicographic: from p5-p7 raised fully to p1-p4 raised.
        assert_eq!(r.solutions[0].steps, vec![0, 0, 0, 0, 3, 2, 2]);
        assert_eq!(r.solutions[553].steps, vec![1, 2, 3, 1, 0, 0, 0]);
    }

    #[test]
    fn honduras_to_considerable_and_already_there() {
        // HND: 50, 30, 10, 10, 10, 30, 30 = 170, 24.29 (High). Considerable needs 280:
        // 5 steps give 270 (38.57), 6 give 290 (41.43). Caps 2, 3, 4, 4, 4, 3, 3: the x^6
        // coefficient of the product of (1 + ... + x^cap) is 735, all at 290/7.
        let m = gti();
        let w = m.default_weights.clone();
        let s = Settings::default();
        let r = path_to_band(&m, "HND", Band::Considerable, &w, &s).expect("valid");
        assert_eq!(r.steps, 6);
        assert_eq!(r.solutions.len(), 735);
        assert!(r.solutions.iter().all(|x| x.score == 290.0 / 7.0));
        let r = path_to_band(&m, "HND", Band::High, &w, &s).expect("valid");
        assert_eq!(r.status, PathStatus::AlreadyThere);
        assert_eq!((r.steps, r.solutions.len()), (0, 0));
        let r = path_to_band(&m, "ITA", Band::Moderate, &w, &s).expect("valid");
        assert_eq!(r.status, PathStatus::AlreadyThere);
        assert_eq!(r.current_score, Some(70.0));
        // A band-only country cannot move by its pillars.
        let r = path_to_band(&m, "ITA", Band::Low, &w, &s).expect("valid");
        assert_eq!(r.status, PathStatus::Unreachable(Unreachable::NoPillarData));
    }

    #[test]
    fn minimum_aggregation_raises_only_the_weak_pillars() {
        // Minimum: KGZ's weakest pillar is p5 (10). Considerable (>= 40) needs every weighted
        // pillar at 50 or more: p3 and p4 up one band (30 -> 50), p5 up two (10 -> 50).
        let m = gti();
        let s = Settings {
            aggregation: Aggregation::Minimum,
            ..Settings::default()
        };
        let w = m.default_weights.clone();
        let r = path_to_band(&m, "KGZ", Band::Considerable, &w, &s).expect("valid");
        assert_eq!(r.steps, 4);
        assert_eq!(step_sets(&r), vec![vec![0, 0, 1, 1, 2, 0, 0]]);
        assert_eq!(r.solutions[0].score, 50.0);
        // With no weight on p5 the minimum is 30 and p5 is never used.
        let mut w0 = w.clone();
        w0[4] = 0.0;
        let r = path_to_band(&m, "KGZ", Band::Considerable, &w0, &s).expect("valid");
        assert_eq!(step_sets(&r), vec![vec![0, 0, 1, 1, 0, 0, 0]]);
        // Arithmetic, zero weight on p5: p5 never appears in a solution.
        let r = path_to_band(&m, "KGZ", Band::Moderate, &w0, &Settings::default()).expect("valid");
        assert_eq!(r.status, PathStatus::Reachable);
        assert!(r.solutions.iter().all(|x| x.steps[4] == 0));
    }

    #[test]
    fn unreachable_cases_are_reasons_not_errors() {
        let m = gti();
        let w = m.default_weights.clone();
        let s = Settings::default();
        let r = path_to_band(&m, "BHR", Band::High, &w, &s).expect("valid");
        assert_eq!(r.status, PathStatus::Unreachable(Unreachable::NoPillarData));
        let r = path_to_band(&m, "HUN", Band::High, &w, &s).expect("valid");
        assert_eq!(r.status, PathStatus::Unreachable(Unreachable::NoPillarData));
        let one = m
            .with_changes(&[change("TGO", 0, Band::High)])
            .expect("valid");
        let r = path_to_band(&one, "TGO", Band::Moderate, &w, &s).expect("valid");
        assert_eq!(
            r.status,
            PathStatus::Unreachable(Unreachable::CoverageTooLow {
                available: 1,
                pillars: 7,
                min_coverage: 0.65
            })
        );
        let mut w0 = w.clone();
        w0[0] = 0.0;
        let any = Settings {
            min_coverage: 0.0,
            aggregation: Aggregation::Minimum,
        };
        let r = path_to_band(&one, "TGO", Band::Moderate, &w0, &any).expect("valid");
        assert_eq!(
            r.status,
            PathStatus::Unreachable(Unreachable::NoWeightOnData)
        );
        assert_eq!(
            path_to_band(&m, "XXX", Band::Low, &w, &s),
            Err(WhatIfError::UnknownCountry("XXX".into()))
        );
        assert_eq!(
            path_to_band(&m, "KGZ", Band::Low, &[0.0; 7], &s),
            Err(WhatIfError::Weights(WeightError::AllZero))
        );
    }

    /// Brute force over every step vector of every pillar with a band (zero-weight ones too):
    /// the fewest total steps and every vector with that total that reaches the target.
    fn brute_force(
        m: &GtiModel,
        unit: usize,
        target: Band,
        w: &[f64],
        s: &Settings,
        cap: u32,
    ) -> Option<(u32, Vec<Vec<u32>>)> {
        let u = &m.units[unit];
        let bands: Vec<Option<Band>> = u
            .values
            .iter()
            .map(|v| v.map(|v| m.scheme.band(v)))
            .collect();
        let caps: Vec<u32> = bands
            .iter()
            .map(|b| b.map_or(0, |b| (4 - b.index() as u32).min(cap)))
            .collect();
        let mut v = vec![0u32; caps.len()];
        let mut best: Option<(u32, Vec<Vec<u32>>)> = None;
        let mut scratch = u.clone();
        'outer: loop {
            for (i, b) in bands.iter().enumerate() {
                if let Some(b) = b {
                    scratch.values[i] = if v[i] == 0 {
                        u.values[i]
                    } else {
                        Band::from_index(b.index() + v[i] as usize).map(|x| m.scheme.midpoint(x))
                    };
                }
            }
            let o = m.outcome(&scratch, w, s);
            let total: u32 = v.iter().sum();
            if total > 0 && o.basis == Basis::Recomputed && o.band.is_some_and(|b| b >= target) {
                match &mut best {
                    Some((t, list)) if *t == total => list.push(v.clone()),
                    Some((t, _)) if *t < total => {}
                    _ => best = Some((total, vec![v.clone()])),
                }
            }
            for i in 0..v.len() {
                if v[i] < caps[i] {
                    v[i] += 1;
                    continue 'outer;
                }
                v[i] = 0;
            }
            break;
        }
        best.map(|(t, mut l)| {
            l.sort();
            (t, l)
        })
    }

    /// A small random index: pillar values at band midpoints or arbitrary, some missing; some
    /// countries with only a published band.
    pub(crate) fn random_model(rng: &mut SplitMix64, pillars: usize, units: usize) -> GtiModel {
        let scheme = BandScheme::GTI;
        let units = (0..units)
            .map(|u| {
                let kind = rng.next_u64() % 4;
                let values = (0..pillars)
                    .map(|_| {
                        let r = rng.next_u64();
                        match (kind, r % 8) {
                            (0, _) | (_, 0) => None,
                            (_, 1) => Some(rng.uniform(0.0, 100.0)),
                            _ => {
                                Band::from_index((r >> 8) as usize % 5).map(|b| scheme.midpoint(b))
                            }
                        }
                    })
                    .collect();
                let published = (!rng.next_u64().is_multiple_of(5))
                    .then(|| Band::from_index(rng.next_u64() as usize % 5))
                    .flatten();
                Unit {
                    iso3: format!("U{u:02}"),
                    name: format!("Unit {u:02}"),
                    values,
                    estimated_from_band: true,
                    published,
                }
            })
            .collect();
        GtiModel {
            scheme,
            pillar_count: pillars,
            units,
            default_weights: vec![1.0; pillars],
        }
    }

    pub(crate) fn random_weights(rng: &mut SplitMix64, pillars: usize) -> Vec<f64> {
        loop {
            let w: Vec<f64> = (0..pillars)
                .map(|_| match rng.next_u64() % 5 {
                    0 => 0.0,
                    1 => 1.0,
                    _ => rng.uniform(0.0, 10.0),
                })
                .collect();
            if w.iter().any(|x| *x > 0.0) {
                return w;
            }
        }
    }

    #[test]
    fn one_band_sets_are_minimal_and_match_brute_force() {
        let m = gti();
        let w = m.default_weights.clone();
        let s = Settings::default();
        // Kyrgyzstan needs every pillar one band better to reach Moderate (430/7 = 61.4).
        let r = path_to_band_within(&m, "KGZ", Band::Moderate, &w, &s, 1).expect("valid");
        assert_eq!(r.status, PathStatus::Reachable);
        assert_eq!((r.steps, r.solutions.len()), (7, 1));
        // Honduras reaches Considerable with any six of its seven pillars one band better.
        let r = path_to_band_within(&m, "HND", Band::Considerable, &w, &s, 1).expect("valid");
        assert_eq!((r.steps, r.solutions.len()), (6, 7));
        assert!(r.solutions.iter().all(|x| x.steps.iter().all(|k| *k <= 1)));
        // Two bands up in one step each is out of reach for Honduras.
        let r = path_to_band_within(&m, "HND", Band::Moderate, &w, &s, 1).expect("valid");
        assert!(matches!(
            r.status,
            PathStatus::Unreachable(Unreachable::OutOfReach { .. })
        ));
        let mut rng = SplitMix64::new(5);
        for round in 0..60 {
            let pillars = 3 + (rng.next_u64() % 4) as usize;
            let m = random_model(&mut rng, pillars, 4);
            let w = random_weights(&mut rng, pillars);
            let s = Settings {
                min_coverage: rng.uniform(0.0, 1.0),
                aggregation: Aggregation::ALL[round % 3],
            };
            for unit in 0..m.units.len() {
                let target = Band::ALL[1 + (rng.next_u64() % 4) as usize];
                let r =
                    path_to_band_within(&m, &m.units[unit].iso3, target, &w, &s, 1).expect("valid");
                if r.status == PathStatus::Reachable {
                    let (t, list) =
                        brute_force(&m, unit, target, &w, &s, 1).expect("brute force agrees");
                    assert_eq!(
                        (r.steps, step_sets(&r)),
                        (t, list),
                        "round {round} unit {unit}"
                    );
                }
            }
        }
    }

    #[test]
    fn search_equals_brute_force_on_random_models() {
        let mut rng = SplitMix64::new(11);
        // Fewer and smaller cases in the browser, where the debug build is slower.
        let rounds = if cfg!(target_arch = "wasm32") {
            40
        } else {
            150
        };
        let mut seen = [0usize; 3];
        for round in 0..rounds {
            let pillars = 3 + (rng.next_u64() % 4) as usize;
            let m = random_model(&mut rng, pillars, 4);
            let w = random_weights(&mut rng, pillars);
            let s = Settings {
                min_coverage: rng.uniform(0.0, 1.0),
                aggregation: Aggregation::ALL[round % 3],
            };
            for unit in 0..m.units.len() {
                let target = Band::ALL[1 + (rng.next_u64() % 4) as usize];
                let r = path_to_band(&m, &m.units[unit].iso3, target, &w, &s).expect("valid");
                let expected = brute_force(&m, unit, target, &w, &s, u32::MAX);
                match r.status {
                    PathStatus::AlreadyThere => {
                        seen[0] += 1;
                        assert!(r.current_band.is_some_and(|b| b >= target));
                    }
                    PathStatus::Reachable => {
                        seen[1] += 1;
                        let (t, list) = expected.expect("brute force finds it too");
                        assert_eq!(r.steps, t, "round {round} unit {unit}");
                        assert_eq!(step_sets(&r), list, "round {round} unit {unit}");
                        // Highest score first.
                        assert!(r.solutions.windows(2).all(|x| x[0].score >= x[1].score));
                        for sol in &r.solutions {
                            assert!(sol.band >= target);
                            assert_eq!(sol.steps.iter().sum::<u32>(), r.steps);
                            assert!(sol.steps.iter().zip(&w).all(|(s, w)| *s == 0 || *w > 0.0));
                        }
                    }
                    PathStatus::Unreachable(_) => {
                        seen[2] += 1;
                        assert_eq!(expected, None, "round {round} unit {unit}");
                    }
                }
            }
        }
        // Each kind of answer came up often enough for the comparison to mean something.
        assert!(seen.iter().all(|n| *n >= rounds / 10), "{seen:?}");
    }
}
