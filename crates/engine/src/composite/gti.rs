//! The GTI expressed in the generic model: seven band-valued indicators under one index, the
//! band scheme its definition names (`data/bands.csv`), and each pillar band's provenance. With [`Pipeline::band_midpoints`] it
//! scores exactly as [`crate::GtiModel`] does; [`Scorer`] is that recompute in the terms the
//! explorer's views read ([`Scored`]), and what the explorer scores the GTI with.

use std::collections::BTreeMap;
use std::fmt;

use super::definition::PreparedIndex;
use super::error::{ModelError, PipelineError};
use super::hierarchy::{Hierarchy, Node, NodeKind};
use super::model::{Dataset, LocalText, Unit, Value};
use super::path::{self, NormalisedLadder, NotComputed};
use super::pipeline::aggregate::{AggregateSpec, Rule};
use super::pipeline::Pipeline;
use crate::data::Gti;
use crate::error::WeightError;
use crate::model::Band;
use crate::robustness::{self, McResult, McSettings, RankBounds, SensitivityError};
use crate::scoring::{validate_weights, Aggregation, Outcome, Scored, Settings};
use crate::whatif::{self, Change, PillarMove, Unreachable, WhatIfError};

/// The code of the GTI's top node.
pub const INDEX: &str = "GTI";
/// The GTI 2025 edition's period.
pub const PERIOD: i32 = 2025;

/// Builds the GTI data set from the bundled data: pillars as indicators (official weights),
/// pillar bands as band values with their provenance, in the band scheme the definition names
/// (without one, the bands cannot be set: an error).
pub fn dataset(gti: &Gti) -> Result<Dataset, ModelError> {
    let mut nodes: Vec<Node> = gti
        .pillars
        .iter()
        .map(|p| Node {
            code: p.id.clone(),
            name: LocalText::en(&p.name_en),
            level: 1,
            parent: Some(INDEX.to_string()),
            weight: p.default_weight,
            kind: NodeKind::Indicator,
        })
        .collect();
    nodes.push(Node {
        code: INDEX.to_string(),
        name: LocalText::en("Global Torture Index"),
        level: 2,
        parent: None,
        weight: 1.0,
        kind: NodeKind::Aggregate,
    });
    let hierarchy = Hierarchy::new(nodes)?;
    let units = gti
        .countries
        .iter()
        .map(|c| Unit {
            code: c.iso3.clone(),
            name: LocalText::en(&c.name_en),
            groups: BTreeMap::new(),
        })
        .collect();
    let mut data = Dataset::new(
        units,
        hierarchy,
        BTreeMap::new(),
        Vec::new(),
        gti.band_scheme().cloned(),
        vec![PERIOD],
    )?;
    for c in &gti.countries {
        for (p, band) in gti.pillars.iter().zip(&c.pillars) {
            if let Some(b) = band {
                let value = Value::Band(b.value.index());
                data.set(PERIOD, &c.iso3, &p.id, value, Some(b.provenance.clone()))?;
            }
        }
    }
    Ok(data)
}

/// Why a [`Scorer`] could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum ScorerError {
    /// The data set could not be built from the tables.
    Model(ModelError),
    /// A scenario change names a country or pillar the index does not have.
    Change(WhatIfError),
    /// The steps before aggregation failed.
    Pipeline(PipelineError),
}

impl fmt::Display for ScorerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScorerError::Model(e) => e.fmt(f),
            ScorerError::Change(e) => e.fmt(f),
            ScorerError::Pipeline(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ScorerError {}

/// The GTI made ready for the explorer's recomputes through the one model: the data set of
/// [`dataset`] (with a scenario's changes), every pillar band at its midpoint, the published
/// band standing where too few pillars are known. [`Scorer::score`] gives what
/// [`crate::GtiModel::score`] gives, bit for bit (tested), from [`PreparedIndex::score`].
#[derive(Debug, Clone)]
pub struct Scorer {
    index: PreparedIndex,
    /// Per member: the share of pillars with a band (0-1).
    coverage: Vec<f64>,
    /// Per member: its ISO3 code, in the data set's order.
    codes: Vec<String>,
    pillars: usize,
    spec: AggregateSpec,
    /// The weights of every node: the pillars', then the index's (1).
    weights: Vec<f64>,
    /// The largest magnitude a score computation handles (the scale, the values and their
    /// logarithms), for the same overflow check as the GTI model's Monte Carlo.
    magnitude: f64,
}

impl Scorer {
    /// The GTI with `changes` applied (each sets a member's pillar to a band; a later change to
    /// the same pillar wins).
    pub fn new(gti: &Gti, changes: &[Change]) -> Result<Scorer, ScorerError> {
        let mut data = dataset(gti).map_err(ScorerError::Model)?;
        let pillars = gti.pillars.len();
        for change in changes {
            if gti.country(&change.iso3).is_none() {
                let e = WhatIfError::UnknownCountry(change.iso3.clone());
                return Err(ScorerError::Change(e));
            }
            let Some(pillar) = gti.pillars.get(change.pillar) else {
                let e = WhatIfError::PillarOutOfRange {
                    pillar: change.pillar,
                    pillars,
                };
                return Err(ScorerError::Change(e));
            };
            let value = Value::Band(change.band.index());
            data.set(PERIOD, &change.iso3, &pillar.id, value, None)
                .map_err(ScorerError::Model)?;
        }
        let scheme = data.bands.clone();
        let fallback = gti
            .countries
            .iter()
            .map(|c| {
                let band = c.overall.as_ref()?.value.index();
                Some((scheme.as_ref()?.midpoint(band)?, Some(band)))
            })
            .collect();
        let coverage = data
            .units
            .iter()
            .map(|u| {
                let known = gti
                    .pillars
                    .iter()
                    .filter(|p| {
                        !matches!(
                            data.value(PERIOD, &u.code, &p.id),
                            None | Some(Value::Missing)
                        )
                    })
                    .count();
                if pillars == 0 {
                    0.0
                } else {
                    known as f64 / pillars as f64
                }
            })
            .collect();
        let values: Vec<f64> = scheme
            .as_ref()
            .map(|scheme| {
                data.units
                    .iter()
                    .flat_map(|u| gti.pillars.iter().map(move |p| (u, p)))
                    .filter_map(|(u, p)| match data.value(PERIOD, &u.code, &p.id) {
                        Some(Value::Band(b)) => scheme.midpoint(b),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let top = scheme.as_ref().map_or(0.0, |s| s.max());
        let magnitude = robustness::magnitude_of(top, values.into_iter());
        let pipeline = Pipeline::band_midpoints(0.0);
        let prepared = Pipeline::prepare_normalised(&data, &pipeline.normalise, PERIOD)
            .map_err(ScorerError::Pipeline)?;
        let index = PreparedIndex::new(&data, prepared, INDEX, fallback);
        let codes = gti.countries.iter().map(|c| c.iso3.clone()).collect();
        Ok(Scorer {
            index,
            coverage,
            codes,
            pillars,
            spec: pipeline.aggregate,
            weights: Vec::with_capacity(pillars + 1),
            magnitude,
        })
    }

    /// The weights of every node and the aggregation, from the pillar `weights` and
    /// `settings`, once the weights are checked.
    fn set(&mut self, weights: &[f64], settings: &Settings) -> Result<(), WeightError> {
        validate_weights(weights, self.pillars)?;
        self.weights.clear();
        self.weights.extend_from_slice(weights);
        self.weights.push(1.0);
        self.spec.rule = Rule::from(settings.aggregation);
        self.spec.coverage.min = if settings.min_coverage.is_nan() {
            1.0
        } else {
            settings.min_coverage.clamp(0.0, 1.0)
        };
        Ok(())
    }

    /// The derivative of `iso3`'s score with respect to each pillar's weight, at `weights` and
    /// `settings` (all zeros where the published band stands): the one model's
    /// [`super::sensitivity::sensitivity`], which gives what
    /// [`crate::robustness::sensitivity`] gives (tested).
    pub fn sensitivity(
        &mut self,
        weights: &[f64],
        settings: &Settings,
        iso3: &str,
    ) -> Result<Vec<f64>, SensitivityError> {
        let unit = self
            .codes
            .iter()
            .position(|c| c == iso3)
            .ok_or_else(|| SensitivityError::UnknownCountry(iso3.to_string()))?;
        self.set(weights, settings)?;
        if self.index.score(Some(&self.weights), &self.spec).is_err() {
            return Err(SensitivityError::Weights(WeightError::AllZero));
        }
        let hierarchy = self.index.prepared().hierarchy();
        let gradient = super::sensitivity::sensitivity(
            &self.index,
            hierarchy,
            Some(&self.weights),
            &self.spec,
            unit,
        );
        // The pillars are the first nodes; the index's own weight does not move its score.
        Ok(gradient.into_iter().take(self.pillars).collect())
    }

    /// Every member's rank under each of the GTI model's rules ([`Aggregation::ALL`]), the
    /// weights and coverage unchanged: the one model's
    /// [`super::sensitivity::ranks_by_rule`], which gives what
    /// [`crate::robustness::rank_changes`] gives (tested).
    pub fn ranks_by_rule(
        &mut self,
        weights: &[f64],
        settings: &Settings,
    ) -> Result<Vec<[Option<u32>; 3]>, WeightError> {
        self.set(weights, settings)?;
        let Ok(all) =
            super::sensitivity::ranks_by_rule(&mut self.index, Some(&self.weights), &self.spec)
        else {
            return Err(WeightError::AllZero);
        };
        let column = |a: Aggregation| {
            super::sensitivity::RULES
                .iter()
                .position(|r| *r == Rule::from(a))
        };
        let columns = Aggregation::ALL.map(column);
        Ok(all
            .iter()
            .map(|ranks| columns.map(|c| c.and_then(|c| ranks.get(c).copied().flatten())))
            .collect())
    }

    /// Monte Carlo over perturbed pillar weights around `weights`, at `settings`: the one
    /// model's [`PreparedIndex::monte_carlo_counts`], in the GTI model's terms. It draws one
    /// factor per pillar from `mc.seed`, as [`crate::robustness::monte_carlo`] does, and gives
    /// what it gives (tested): a shared link shows the same figures.
    pub fn monte_carlo(
        &mut self,
        weights: &[f64],
        settings: &Settings,
        mc: &McSettings,
    ) -> Result<McResult, WeightError> {
        self.set(weights, settings)?;
        let spread = robustness::clamp_spread(mc.spread);
        robustness::check_box(weights, spread, self.magnitude)?;
        let Ok(counts) =
            self.index
                .monte_carlo_counts(Some(&self.weights), &self.spec, mc, 0..mc.draws)
        else {
            return Err(WeightError::AllZero);
        };
        Ok(robustness::summarise(
            counts.draws,
            counts.skipped,
            spread,
            counts.units,
            &counts.ranks,
            &counts.band_counts,
        ))
    }

    /// Every member's guaranteed best and worst rank for all pillar weights within `spread`
    /// of `weights`, at `settings`: the one model's [`PreparedIndex::rank_bounds`], which
    /// gives what [`crate::robustness::rank_bounds`] gives (tested).
    pub fn rank_bounds(
        &mut self,
        weights: &[f64],
        settings: &Settings,
        spread: f64,
    ) -> Result<Vec<RankBounds>, WeightError> {
        self.set(weights, settings)?;
        robustness::check_box(weights, robustness::clamp_spread(spread), self.magnitude)?;
        match self
            .index
            .rank_bounds(Some(&self.weights), &self.spec, spread)
        {
            Ok(bounds) => Ok(bounds.units),
            // The weights are checked and coverage counts pillars: the one model cannot refuse
            // them.
            Err(_) => Err(WeightError::AllZero),
        }
    }

    /// A member's position in the data set (the bundle's order), by ISO3 code.
    pub fn member(&self, iso3: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == iso3)
    }

    /// A member's pillar values as the one model scores them (each band's midpoint; `None`
    /// where the pillar has no band), in pillar order.
    pub fn pillar_values(&self, iso3: &str) -> Option<Vec<Option<f64>>> {
        let row = self.index.row(self.member(iso3)?)?;
        let prepared = self.index.prepared();
        let scores = prepared.scores();
        let columns = prepared.hierarchy().indicator_nodes();
        Some(columns.iter().map(|&c| scores.get(row, c)).collect())
    }

    /// The value a pillar takes in `band`: the band's midpoint.
    pub fn band_value(&self, band: Band) -> Option<f64> {
        self.index.scheme()?.midpoint(band.index())
    }

    /// The fewest one-band pillar improvements that bring `iso3` to `target` or better, each
    /// pillar raised by at most `max_per_pillar` bands: the one model's
    /// [`path::prepared_path_to_band`] on the member's own row, in the GTI model's terms. It
    /// gives what [`whatif::path_to_band_within`] gives (tested): the same solutions in the
    /// same order, the same scores bit for bit, the same reasons where there is no path.
    pub fn path_to_band_within(
        &mut self,
        iso3: &str,
        target: Band,
        weights: &[f64],
        settings: &Settings,
        max_per_pillar: u32,
    ) -> Result<whatif::PathResult, WhatIfError> {
        validate_weights(weights, self.pillars)?;
        let unit = self
            .member(iso3)
            .ok_or_else(|| WhatIfError::UnknownCountry(iso3.to_string()))?;
        self.set(weights, settings)?;
        let values = self.pillar_values(iso3).unwrap_or_default();
        let scheme = self.index.scheme().cloned();
        let band_of = |v: f64| scheme.as_ref().and_then(|s| s.band_of(v));
        let columns = self.index.prepared().hierarchy().indicator_nodes().to_vec();
        // Each pillar's band now (a ladder climbs from it one band a step).
        let from: Vec<Option<usize>> = values.iter().map(|v| v.and_then(band_of)).collect();
        // Per pillar with a band and a weight: the midpoints of the better bands. The others
        // cannot move (an empty ladder keeps the pillar's place in the step vectors).
        let ladders: Vec<NormalisedLadder> = columns
            .iter()
            .zip(&from)
            .zip(weights)
            .map(|((&node, from), &w)| {
                let from = from.filter(|_| w > 0.0);
                let better = from.map_or(0..0, |b| b + 1..scheme.as_ref().map_or(0, |s| s.len()));
                NormalisedLadder {
                    node,
                    steps: better
                        .take(max_per_pillar as usize)
                        .filter_map(|b| scheme.as_ref()?.midpoint(b))
                        .collect(),
                }
            })
            .collect();
        let found = path::prepared_path_to_band(
            &mut self.index,
            unit,
            &ladders,
            Some(&self.weights),
            &self.spec,
            target.index(),
            usize::MAX,
        )
        // The weights are checked and the coverage is a share: the one model cannot refuse
        // them.
        .map_err(|_| WhatIfError::Weights(WeightError::AllZero))?;
        let band = |b: Option<usize>| b.and_then(Band::from_index);
        let status = match found.status {
            path::PathStatus::AlreadyThere => whatif::PathStatus::AlreadyThere,
            path::PathStatus::Reachable => whatif::PathStatus::Reachable,
            path::PathStatus::NotComputed(why) => whatif::PathStatus::Unreachable(match why {
                NotComputed::NoData => Unreachable::NoPillarData,
                NotComputed::CoverageTooLow { available, of, .. } => Unreachable::CoverageTooLow {
                    available,
                    pillars: of,
                    min_coverage: settings.min_coverage,
                },
                NotComputed::NoWeightOnData => Unreachable::NoWeightOnData,
            }),
            path::PathStatus::OutOfReach { best } => {
                let best = band(best).unwrap_or(Band::VeryHigh);
                whatif::PathStatus::Unreachable(Unreachable::OutOfReach { best })
            }
            // No limit is set, so the search never stops short.
            path::PathStatus::TooLarge { .. } => {
                let best = band(found.current.band).unwrap_or(Band::VeryHigh);
                whatif::PathStatus::Unreachable(Unreachable::OutOfReach { best })
            }
        };
        let solutions = found
            .solutions
            .into_iter()
            .map(|sol| whatif::PathSolution {
                moves: sol
                    .steps
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| **s > 0)
                    .filter_map(|(pillar, &s)| {
                        let s = s as usize;
                        let from = from.get(pillar).copied().flatten()?;
                        Some(PillarMove {
                            pillar,
                            from: Band::from_index(from)?,
                            to: Band::from_index(from + s)?,
                            from_value: values.get(pillar).copied().flatten()?,
                            to_value: ladders.get(pillar)?.steps.get(s - 1).copied()?,
                        })
                    })
                    .collect(),
                steps: sol.steps,
                score: sol.score,
                band: band(Some(sol.band)).unwrap_or(Band::VeryHigh),
            })
            .collect();
        Ok(whatif::PathResult {
            iso3: iso3.to_string(),
            target,
            current_score: found.current.score,
            current_band: band(found.current.band),
            basis: found.current.basis,
            status,
            steps: found.steps,
            solutions,
        })
    }

    /// Scores and ranks every member at `weights` (one per pillar) and `settings`, as
    /// [`crate::GtiModel::score`] does. A minimum coverage outside 0-1 is taken as its nearest
    /// bound.
    pub fn score(&mut self, weights: &[f64], settings: &Settings) -> Result<Scored, WeightError> {
        self.set(weights, settings)?;
        // The weights are checked and the coverage is a share: the one model cannot refuse
        // them. Were it to, every member would be listed unranked rather than the app stopped.
        let Ok(standings) = self.index.score(Some(&self.weights), &self.spec) else {
            return Err(WeightError::AllZero);
        };
        let outcomes = standings
            .units
            .iter()
            .zip(&self.coverage)
            .map(|(s, &coverage)| Outcome {
                score: s.score,
                band: s.band.and_then(Band::from_index),
                basis: s.basis,
                coverage,
                rank: s.rank,
            })
            .collect();
        Ok(Scored {
            outcomes,
            order: standings.order.clone(),
        })
    }
}
