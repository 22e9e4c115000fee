//! The construction pipeline of a composite index, in COINr's order: denominate, impute,
//! screen, treat, normalise, aggregate, then rank. Every step is optional and parametrised,
//! and each is a pure function from matrices to matrices in its own file.

pub mod aggregate;
pub mod denominate;
pub mod impute;
pub mod normalise;
pub mod screen;
pub mod treat;

use std::collections::BTreeMap;

use super::error::PipelineError;
use super::hierarchy::Hierarchy;
use super::model::{Dataset, Matrix};
use super::rank::rank_by_score;
use crate::rank::Ranking;

use aggregate::{AggregateSpec, Coverage, CoverageBasis, Scratch};
use impute::Imputation;
use normalise::Normalisation;
use treat::{TreatSpec, Treatment};

/// Normalisation for every indicator, with exceptions by indicator code.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NormaliseSpec {
    pub default: Normalisation,
    pub by_indicator: BTreeMap<String, Normalisation>,
}

/// Which steps run and with what parameters. The default is COINr's defaults for the steps it
/// runs unasked (min-max onto 0-100, arithmetic mean, no coverage rule); the others are off.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pipeline {
    /// Divide indicators by the denominator their metadata names.
    pub denominate: bool,
    pub impute: Option<Imputation>,
    /// Keep only units with at least this share (0-1) of indicator values.
    pub screen: Option<f64>,
    pub treat: Option<TreatSpec>,
    pub normalise: NormaliseSpec,
    pub aggregate: AggregateSpec,
    /// One weight per node of the framework, in node order, replacing the framework's.
    pub weights: Option<Vec<f64>>,
}

/// What a pipeline produced for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub period: i32,
    /// The data set's unit index of each row (units screened out have no row).
    pub units: Vec<usize>,
    /// Codes of the units screened out, in data set order.
    pub screened_out: Vec<String>,
    /// Per indicator column: how many values imputation filled.
    pub imputed: Vec<usize>,
    /// Per indicator column: what outlier treatment did (empty if the step was off).
    pub treatment: Vec<Treatment>,
    /// Rows x nodes: normalised indicators and aggregate scores, columns in node order.
    pub scores: Matrix,
    /// Competition ranks on the index (the single top node); `None` with several top nodes.
    pub ranking: Option<Ranking>,
}

impl Results {
    /// The row of a data set unit, if it was not screened out.
    pub fn row_of(&self, unit: usize) -> Option<usize> {
        self.units.iter().position(|u| *u == unit)
    }

    /// The score of a unit on a node (indicator or aggregate), by codes.
    pub fn score(&self, data: &Dataset, unit: &str, node: &str) -> Option<f64> {
        let row = self.row_of(data.unit_index(unit)?)?;
        self.scores.get(row, data.hierarchy.node_index(node)?)
    }

    /// The rank of a unit on the index.
    pub fn rank(&self, data: &Dataset, unit: &str) -> Option<u32> {
        let row = self.row_of(data.unit_index(unit)?)?;
        *self.ranking.as_ref()?.ranks.get(row)?
    }
}

impl Pipeline {
    /// The GTI's construction: every pillar band at its midpoint, weighted arithmetic mean,
    /// at least `min_coverage` of the pillars.
    pub fn band_midpoints(min_coverage: f64) -> Pipeline {
        Pipeline {
            normalise: NormaliseSpec {
                default: Normalisation::BandMidpoint,
                by_indicator: BTreeMap::new(),
            },
            aggregate: AggregateSpec {
                coverage: Coverage {
                    basis: CoverageBasis::Count,
                    min: min_coverage,
                },
                ..AggregateSpec::default()
            },
            ..Pipeline::default()
        }
    }

    fn check(&self, data: &Dataset) -> Result<(), PipelineError> {
        let share = |s: f64| s.is_finite() && (0.0..=1.0).contains(&s);
        if self.screen.is_some_and(|s| !share(s)) {
            return Err(PipelineError::BadParameter {
                step: "screening",
                reason: "the data share must be between 0 and 1",
            });
        }
        let shares = self.aggregate.coverage_by_level.values();
        if !share(self.aggregate.coverage.min) || !shares.copied().all(share) {
            return Err(PipelineError::BadParameter {
                step: "aggregation",
                reason: "the minimum coverage must be between 0 and 1",
            });
        }
        if let Some(w) = &self.weights {
            let ok = w.len() == data.hierarchy.nodes().len()
                && w.iter().all(|x| x.is_finite() && *x >= 0.0);
            if !ok {
                return Err(PipelineError::BadWeights);
            }
        }
        Ok(())
    }

    /// Runs every step on one period of `data`.
    pub fn run(&self, data: &Dataset, period: i32) -> Result<Results, PipelineError> {
        let mut prepared = self.prepare(data, period)?;
        prepared.score(self.weights.as_deref(), &self.aggregate)?;
        Ok(prepared.into_results(data))
    }

    /// Runs every step that does not depend on weights or on the aggregation rule
    /// (denominate, impute, screen, treat, normalise) on one period of `data`, once: the
    /// [`Prepared`] result then recomputes the aggregates at any weights and rule without
    /// copying or allocating.
    pub fn prepare(&self, data: &Dataset, period: i32) -> Result<Prepared, PipelineError> {
        self.check(data)?;
        let table = data
            .table(period)
            .ok_or(PipelineError::UnknownPeriod(period))?;
        let h = &data.hierarchy;
        let codes: Vec<&str> = h.indicators().map(|n| n.code.as_str()).collect();
        let metas: Vec<_> = codes.iter().map(|c| data.meta_of(c)).collect();
        let mut values = table.values.clone();
        // Most indices hold numbers only: then the band flags are not copied or consulted.
        let mut banded = if table.banded.contains(&true) {
            table.banded.clone()
        } else {
            Vec::new()
        };
        let banded_col = |banded: &[bool], rows: usize, c: usize| -> bool {
            banded
                .get(c * rows..(c + 1) * rows)
                .is_some_and(|b| b.iter().any(|x| *x))
        };
        let numbers_only = |banded: &[bool], rows: usize, step: &'static str| match (0..codes.len())
            .find(|&c| banded_col(banded, rows, c))
        {
            Some(c) => Err(PipelineError::BandValue {
                step,
                indicator: codes[c].to_string(),
            }),
            None => Ok(()),
        };

        if self.denominate {
            let by: Vec<Option<usize>> = metas
                .iter()
                .map(|m| {
                    m.denominator
                        .as_ref()
                        .and_then(|d| data.denominators.iter().position(|x| x == d))
                })
                .collect();
            numbers_only(&banded, values.rows(), "denomination")?;
            denominate::denominate(&mut values, &table.denominators, &by);
        }

        let mut imputed = vec![0; codes.len()];
        if let Some(how) = &self.impute {
            numbers_only(&banded, values.rows(), "imputation")?;
            match how {
                Imputation::Mean => {
                    for (c, n) in imputed.iter_mut().enumerate() {
                        *n = impute::mean(values.column_mut(c));
                    }
                }
                Imputation::GroupMean { group } => {
                    let mut names: Vec<&str> = Vec::new();
                    let groups: Vec<Option<usize>> = data
                        .units
                        .iter()
                        .map(|u| {
                            let g = u.groups.get(group)?;
                            Some(match names.iter().position(|n| *n == g) {
                                Some(i) => i,
                                None => {
                                    names.push(g);
                                    names.len() - 1
                                }
                            })
                        })
                        .collect();
                    if names.is_empty() {
                        return Err(PipelineError::UnknownGroup(group.clone()));
                    }
                    for (c, n) in imputed.iter_mut().enumerate() {
                        *n = impute::group_mean(values.column_mut(c), &groups);
                    }
                }
            }
        }

        let mut units: Vec<usize> = (0..data.units.len()).collect();
        let mut screened_out = Vec::new();
        if let Some(min_share) = self.screen {
            let keep = screen::keep(&values, min_share);
            if keep.iter().any(|k| !k) {
                units.retain(|&u| keep.get(u).copied().unwrap_or(false));
                screened_out = data
                    .units
                    .iter()
                    .zip(&keep)
                    .filter(|(_, k)| !**k)
                    .map(|(u, _)| u.code.clone())
                    .collect();
                let rows = values.rows();
                values = values.select_rows(&units);
                if !banded.is_empty() {
                    banded = (0..codes.len())
                        .flat_map(|c| units.iter().map(move |&u| c * rows + u))
                        .map(|i| banded.get(i).copied().unwrap_or(false))
                        .collect();
                }
            }
        }
        let rows = values.rows();

        let mut treatment = Vec::new();
        if let Some(spec) = &self.treat {
            numbers_only(&banded, rows, "outlier treatment")?;
            treatment = (0..codes.len())
                .map(|c| treat::treat(values.column_mut(c), spec))
                .collect();
        }

        normalised(
            data,
            &self.normalise,
            Steps {
                period,
                units,
                screened_out,
                imputed,
                treatment,
            },
            values,
            &banded,
        )
    }

    /// [`Pipeline::prepare`] for a pipeline that only normalises, as the GTI's does (every
    /// band at its midpoint): the same result, without the code of the steps it skips, which
    /// keeps the explorer's widget small.
    pub fn prepare_normalised(
        data: &Dataset,
        normalise: &NormaliseSpec,
        period: i32,
    ) -> Result<Prepared, PipelineError> {
        let table = data
            .table(period)
            .ok_or(PipelineError::UnknownPeriod(period))?;
        let columns = data.hierarchy.indicators().count();
        let steps = Steps {
            period,
            units: (0..data.units.len()).collect(),
            screened_out: Vec::new(),
            imputed: vec![0; columns],
            treatment: Vec::new(),
        };
        let banded = if table.banded.contains(&true) {
            table.banded.as_slice()
        } else {
            &[]
        };
        normalised(data, normalise, steps, table.values.clone(), banded)
    }
}

/// What the steps before normalisation left: the period, the rows kept and what was done.
struct Steps {
    period: i32,
    units: Vec<usize>,
    screened_out: Vec<String>,
    imputed: Vec<usize>,
    treatment: Vec<Treatment>,
}

/// The last step before aggregation: normalises `values` (the rows `steps` kept, one column
/// per indicator; `banded` flags band values, or is empty) and lays them out for aggregation.
fn normalised(
    data: &Dataset,
    spec: &NormaliseSpec,
    steps: Steps,
    mut values: Matrix,
    banded: &[bool],
) -> Result<Prepared, PipelineError> {
    let h = &data.hierarchy;
    let rows = values.rows();
    for (c, node) in h.indicators().enumerate() {
        let code = node.code.as_str();
        let method = spec.by_indicator.get(code).copied().unwrap_or(spec.default);
        let flags = banded.get(c * rows..(c + 1) * rows).unwrap_or(&[]);
        let meta = data.meta_of(code);
        normalise::normalise(
            values.column_mut(c),
            flags,
            method,
            meta.direction,
            meta.goalposts,
            data.bands.as_ref(),
            code,
        )?;
    }
    let mut scores = Matrix::missing(rows, h.nodes().len());
    for (c, &node) in h.indicator_nodes().iter().enumerate() {
        scores.column_mut(node).copy_from_slice(values.column(c));
    }
    Ok(Prepared {
        period: steps.period,
        units: steps.units,
        screened_out: steps.screened_out,
        imputed: steps.imputed,
        treatment: steps.treatment,
        scores,
        hierarchy: h.clone(),
        framework_weights: h.weights(),
        scratch: Scratch::default(),
    })
}

/// One period of a data set with every step before aggregation done ([`Pipeline::prepare`]):
/// the normalised indicators, ready to be aggregated again and again. Aggregation writes the
/// aggregate columns only, so the indicator columns are never copied again.
#[derive(Debug, Clone)]
pub struct Prepared {
    period: i32,
    units: Vec<usize>,
    screened_out: Vec<String>,
    imputed: Vec<usize>,
    treatment: Vec<Treatment>,
    /// Rows x nodes: normalised indicators; aggregates as the last [`Prepared::score`] left them.
    scores: Matrix,
    hierarchy: Hierarchy,
    framework_weights: Vec<f64>,
    scratch: Scratch,
}

impl Prepared {
    pub fn period(&self) -> i32 {
        self.period
    }

    /// The data set's unit index of each row (units screened out have no row).
    pub fn units(&self) -> &[usize] {
        &self.units
    }

    /// The framework the scores follow.
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// The framework's weight of every node, in node order.
    pub fn framework_weights(&self) -> &[f64] {
        &self.framework_weights
    }

    /// Rows x nodes, columns in node order: the normalised indicators and the aggregates of
    /// the last [`Prepared::score`] (missing before the first).
    pub fn scores(&self) -> &Matrix {
        &self.scores
    }

    /// Recomputes every aggregate with `weights` (one per node, in node order; `None`: the
    /// framework's) and `spec`. Allocates nothing once the scratch buffers have grown.
    pub fn score(
        &mut self,
        weights: Option<&[f64]>,
        spec: &AggregateSpec,
    ) -> Result<&Matrix, PipelineError> {
        let share = |s: f64| s.is_finite() && (0.0..=1.0).contains(&s);
        if !share(spec.coverage.min) || !spec.coverage_by_level.values().copied().all(share) {
            return Err(PipelineError::BadParameter {
                step: "aggregation",
                reason: "the minimum coverage must be between 0 and 1",
            });
        }
        let weights = weights.unwrap_or(&self.framework_weights);
        let ok = weights.len() == self.hierarchy.nodes().len()
            && weights.iter().all(|x| x.is_finite() && *x >= 0.0);
        if !ok {
            return Err(PipelineError::BadWeights);
        }
        aggregate::aggregate(
            &mut self.scores,
            &self.hierarchy,
            weights,
            spec,
            &mut self.scratch,
        );
        Ok(&self.scores)
    }

    /// The results of the last [`Prepared::score`], ranked on the index (the single top node).
    pub fn into_results(self, data: &Dataset) -> Results {
        let ranking = match self.hierarchy.roots() {
            [root] => {
                let names: Vec<&str> = self
                    .units
                    .iter()
                    .map(|&u| data.units.get(u).map_or("", |x| x.name.get("en")))
                    .collect();
                Some(rank_by_score(self.scores.column(*root), &names))
            }
            _ => None,
        };
        Results {
            period: self.period,
            units: self.units,
            screened_out: self.screened_out,
            imputed: self.imputed,
            treatment: self.treatment,
            scores: self.scores,
            ranking,
        }
    }
}
