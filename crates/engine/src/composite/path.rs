//! The fewest moves that bring a unit to a better band, for any index with bands: the generic
//! form of [`crate::whatif::path_to_band`], on an index definition and its data.
//!
//! Each indicator of the unit has a *ladder*: the values it can be moved to, one step each (a
//! band-valued indicator climbs one band per step, [`band_ladders`]; a number moves by the
//! reforms the framework names, or by whatever a caller lists). For k = 1, 2, ... every
//! combination of exactly k steps is scored, so a move is counted exactly as the ranking
//! counts it; the first k that reaches the target is the answer, with every solution of that
//! size. [`path_to_band`] scores each combination through the index's whole pipeline, whatever
//! the normalisation; [`prepared_path_to_band`] re-aggregates the unit's own row of a
//! [`PreparedIndex`], for values already normalised one unit at a time (band midpoints, fixed
//! goalposts): what the explorer's simulator runs on every change.

use super::definition::{IndexData, IndexDefinition, PreparedIndex, Standing};
use super::error::PipelineError;
use super::hierarchy::Hierarchy;
use super::model::{Matrix, Value};
use super::pipeline::aggregate::{self, AggregateSpec, CoverageBasis, Scratch};
use super::pipeline::Pipeline;
use crate::scoring::Basis;

/// The values one indicator of one unit can be moved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    pub indicator: String,
    /// The value now.
    pub from: Value,
    /// The value after 1, 2, ... steps.
    pub steps: Vec<Value>,
}

/// A ladder on normalised values, for [`prepared_path_to_band`].
#[derive(Debug, Clone, PartialEq)]
pub struct NormalisedLadder {
    /// The indicator's column: its node's position in the framework.
    pub node: usize,
    /// The normalised value after 1, 2, ... steps.
    pub steps: Vec<f64>,
}

/// Why a unit's score is not computed from its values, so that no move of a value changes its
/// band (the published band, or none, stands).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NotComputed {
    /// The unit has no indicator value.
    NoData,
    /// Too few of the index's components have data: `available` of `of`, under a minimum
    /// share of `min`.
    CoverageTooLow {
        available: usize,
        of: usize,
        min: f64,
    },
    /// Enough components have data, but none of them has a weight.
    NoWeightOnData,
}

/// What the search found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathStatus {
    /// Already in the target band or a better one: no step needed.
    AlreadyThere,
    /// [`PathResult::solutions`] holds every cheapest way there.
    Reachable,
    /// The unit's score is not computed from its values, so no move of a value changes its
    /// band.
    NotComputed(NotComputed),
    /// Every ladder climbed to its top falls short; `best` is the best band reached.
    OutOfReach { best: Option<usize> },
    /// The search stopped after `limit` scorings without an answer.
    TooLarge { limit: usize },
}

/// One cheapest combination of steps.
#[derive(Debug, Clone, PartialEq)]
pub struct PathSolution {
    /// Steps per ladder, in the ladders' order; they sum to [`PathResult::steps`].
    pub steps: Vec<u32>,
    /// The unit's score and band after the moves.
    pub score: f64,
    pub band: usize,
}

/// The answer to "what is the least this unit must improve to reach a band?".
#[derive(Debug, Clone, PartialEq)]
pub struct PathResult {
    /// The unit's standing now.
    pub current: Standing,
    pub status: PathStatus,
    /// Fewest steps in total; 0 unless `status` is `Reachable`.
    pub steps: u32,
    /// Every solution with `steps` steps: highest resulting score first, then by step vector in
    /// lexicographic order (first ladder first).
    pub solutions: Vec<PathSolution>,
    /// How many combinations were scored.
    pub scored: usize,
}

/// Per indicator of `unit` with a band value and a positive weight (its own and every
/// aggregate's above it; `weights` one per framework node, `None`: the framework's), in
/// framework order: the better bands, at most `max_steps`. An indicator already in the best
/// band has an empty ladder.
pub fn band_ladders(
    definition: &IndexDefinition,
    data: &IndexData,
    period: i32,
    unit: &str,
    weights: Option<&[f64]>,
    max_steps: usize,
) -> Vec<Ladder> {
    let dataset = &data.dataset;
    let bands = dataset.bands.as_ref().map_or(0, |s| s.len());
    let hierarchy = &definition.hierarchy;
    let nodes = hierarchy.nodes();
    let weight_of =
        |i: usize| weights.map_or(nodes[i].weight, |w| w.get(i).copied().unwrap_or(0.0));
    let weighted = |code: &str| {
        let mut at = hierarchy.node_index(code);
        while let Some(i) = at {
            let node = &nodes[i];
            let Some(parent) = node.parent.as_deref() else {
                return true;
            };
            if weight_of(i) <= 0.0 {
                return false;
            }
            at = hierarchy.node_index(parent);
        }
        false
    };
    hierarchy
        .indicators()
        .filter(|node| weighted(&node.code))
        .filter_map(|node| match dataset.value(period, unit, &node.code)? {
            Value::Band(b) => Some(Ladder {
                indicator: node.code.clone(),
                from: Value::Band(b),
                steps: (b + 1..bands).take(max_steps).map(Value::Band).collect(),
            }),
            _ => None,
        })
        .collect()
}

/// The fewest steps on `ladders` that bring `unit` to band `target` (0 = worst) or better in
/// `period`, scored with `pipeline` at `weights` (one per framework node; `None`: the
/// framework's). Every other unit's values stay, so a normalisation that depends on the whole
/// data set moves as it would. At most `limit` combinations are scored.
#[allow(clippy::too_many_arguments)]
pub fn path_to_band(
    definition: &IndexDefinition,
    data: &IndexData,
    pipeline: &Pipeline,
    period: i32,
    unit: &str,
    ladders: &[Ladder],
    weights: Option<&[f64]>,
    target: usize,
    limit: usize,
) -> Result<PathResult, PipelineError> {
    let u = data.dataset.unit_index(unit);
    let mut prepared = definition.prepare(data, pipeline, period)?;
    let current = match start(&mut prepared, u, weights, &pipeline.aggregate, target)? {
        Ok(current) => current,
        Err(stopped) => return Ok(stopped),
    };
    let caps: Vec<usize> = ladders.iter().map(|l| l.steps.len()).collect();
    let mut scratch = data.clone();
    search(current, &caps, target, limit, &mut |batch, out| {
        for steps in batch.chunks(ladders.len().max(1)) {
            for (ladder, s) in ladders.iter().zip(steps) {
                let value = match s {
                    0 => ladder.from,
                    s => ladder.steps[s - 1],
                };
                scratch
                    .dataset
                    .set(period, unit, &ladder.indicator, value, None)
                    .map_err(PipelineError::Model)?;
            }
            let mut prepared = definition.prepare(&scratch, pipeline, period)?;
            let standings = prepared.score(weights, &pipeline.aggregate)?;
            out.push(match u.and_then(|u| standings.units.get(u)) {
                Some(Standing {
                    score: Some(score),
                    band: Some(band),
                    basis: Basis::Recomputed,
                    ..
                }) => Some((*score, *band)),
                _ => None,
            });
        }
        Ok(())
    })
}

/// [`path_to_band`] on an index already prepared, for values normalised one unit at a time
/// (band midpoints, fixed goalposts), which a move of this unit's values leaves alone for
/// every other unit: each combination is a copy of `unit`'s own row with its moves (`unit` in
/// the data set's order; `ladders` on normalised values), and all the combinations of one size
/// are aggregated together, a row each, which gives the score the ranking gives, bit for bit.
/// At most `limit` combinations are scored.
pub fn prepared_path_to_band(
    index: &mut PreparedIndex,
    unit: usize,
    ladders: &[NormalisedLadder],
    weights: Option<&[f64]>,
    spec: &AggregateSpec,
    target: usize,
    limit: usize,
) -> Result<PathResult, PipelineError> {
    let current = match start(index, Some(unit), weights, spec, target)? {
        Ok(current) => current,
        Err(stopped) => return Ok(stopped),
    };
    let (Some(row), Some(root)) = (index.row(unit), index.root_column()) else {
        return Ok(PathResult::stopped(current, PathStatus::AlreadyThere));
    };
    let prepared = index.prepared();
    let hierarchy = prepared.hierarchy();
    let weights = weights.unwrap_or(prepared.framework_weights());
    let scores = prepared.scores();
    let base: Vec<f64> = (0..scores.cols()).map(|c| scores.raw(row, c)).collect();
    let mut scratch = Scratch::uncached();
    let scheme = index.scheme();
    let caps: Vec<usize> = ladders.iter().map(|l| l.steps.len()).collect();
    search(current, &caps, target, limit, &mut |batch, out| {
        let rows = batch.len() / ladders.len().max(1);
        let mut m = Matrix::missing(rows, base.len());
        for &c in hierarchy.indicator_nodes() {
            m.column_mut(c).fill(base[c]);
        }
        for (i, ladder) in ladders.iter().enumerate() {
            let column = m.column_mut(ladder.node);
            for (cell, steps) in column.iter_mut().zip(batch.chunks(ladders.len())) {
                match steps.get(i) {
                    Some(&s) if s > 0 => *cell = ladder.steps[s - 1],
                    _ => {}
                }
            }
        }
        aggregate::aggregate(&mut m, hierarchy, weights, spec, &mut scratch);
        out.extend(m.column(root).iter().map(|&score| {
            scheme
                .and_then(|x| x.band_of(score))
                .map(|band| (score, band))
        }));
        Ok(())
    })
}

/// `unit`'s standing in `index` at `weights` and `spec` (none for a unit the data set lacks);
/// or, if it is below `target` and its score is not computed from its values, the answer that
/// says why, with no search.
fn start(
    index: &mut PreparedIndex,
    unit: Option<usize>,
    weights: Option<&[f64]>,
    spec: &AggregateSpec,
    target: usize,
) -> Result<Result<Standing, PathResult>, PipelineError> {
    let current = match unit {
        Some(u) => index.score(weights, spec)?.units.get(u).copied(),
        None => None,
    };
    let current = current.unwrap_or(Standing {
        score: None,
        band: None,
        basis: Basis::NotPublished,
        rank: None,
    });
    if current.band.is_none_or(|b| b < target) && current.basis != Basis::Recomputed {
        let why = unit
            .and_then(|u| not_computed(index, u, weights, spec))
            .unwrap_or(NotComputed::NoData);
        return Ok(Err(PathResult::stopped(
            current,
            PathStatus::NotComputed(why),
        )));
    }
    Ok(Ok(current))
}

/// Why `unit`'s score is missing from the last recompute of `index` (at `weights` and `spec`):
/// the aggregation's own tests, read back from the unit's row (`None` if it has no row or the
/// framework no single top node).
fn not_computed(
    index: &PreparedIndex,
    unit: usize,
    weights: Option<&[f64]>,
    spec: &AggregateSpec,
) -> Option<NotComputed> {
    let row = index.row(unit)?;
    let prepared = index.prepared();
    let hierarchy: &Hierarchy = prepared.hierarchy();
    let scores = prepared.scores();
    let known = |c: &usize| !scores.raw(row, *c).is_nan();
    if !hierarchy.indicator_nodes().iter().any(known) {
        return Some(NotComputed::NoData);
    }
    let &[root] = hierarchy.roots() else {
        return None;
    };
    let weights = weights.unwrap_or(prepared.framework_weights());
    let weight = |c: &usize| weights.get(*c).copied().unwrap_or(0.0);
    let children = hierarchy.children_of(root);
    let available = children.iter().filter(|c| known(c)).count();
    let min = spec.coverage_for(hierarchy.nodes()[root].level);
    let (part, whole) = match spec.coverage.basis {
        CoverageBasis::Count => (available as f64, children.len() as f64),
        CoverageBasis::Weight => (
            children.iter().filter(|c| known(c)).map(weight).sum(),
            children.iter().map(weight).sum(),
        ),
    };
    let share = if whole > 0.0 { part / whole } else { 0.0 };
    // The aggregation's test, with its tolerance.
    Some(if available == 0 || share + 1e-12 < min {
        NotComputed::CoverageTooLow {
            available,
            of: children.len(),
            min,
        }
    } else {
        NotComputed::NoWeightOnData
    })
}

impl PathResult {
    /// A result with no search: `current` and why there was none.
    fn stopped(current: Standing, status: PathStatus) -> PathResult {
        PathResult {
            current,
            status,
            steps: 0,
            solutions: Vec::new(),
            scored: 0,
        }
    }
}

/// The search's scoring of a batch of step vectors (one after another, a step count per
/// ladder each): pushes, for each in order, the unit's score and band after those steps
/// (`None`: not computed).
type Scoring<'a> =
    dyn FnMut(&[usize], &mut Vec<Option<(f64, usize)>>) -> Result<(), PipelineError> + 'a;

/// The search itself, for any way of scoring: for k = 1, 2, ... every step vector within
/// `caps` that sums to k is scored, all those of one k in one batch (`score`); the first k
/// that reaches `target` is the answer. At most `limit` scorings.
fn search(
    current: Standing,
    caps: &[usize],
    target: usize,
    limit: usize,
    score: &mut Scoring<'_>,
) -> Result<PathResult, PipelineError> {
    let mut result = PathResult::stopped(current, PathStatus::AlreadyThere);
    if current.band.is_some_and(|b| b >= target) {
        return Ok(result);
    }
    let total: usize = caps.iter().sum();
    let mut steps = vec![0usize; caps.len()];
    let mut best = current.band;
    let (mut batch, mut scored) = (Vec::new(), Vec::new());
    for k in 1..=total {
        // Every vector of this size, in order, up to the limit.
        batch.clear();
        let room = limit.saturating_sub(result.scored);
        let mut count = 0;
        let mut over = false;
        for_each_with_total(caps, k, &mut steps, &mut |steps| {
            if count == room {
                over = true;
                return;
            }
            count += 1;
            batch.extend_from_slice(steps);
        });
        scored.clear();
        if count > 0 {
            score(&batch, &mut scored)?;
        }
        result.scored += count;
        let mut found: Vec<PathSolution> = Vec::new();
        let vectors = batch.chunks(caps.len().max(1)).take(count);
        for (steps, outcome) in vectors.zip(&scored) {
            let Some((score, band)) = *outcome else {
                continue;
            };
            best = best.max(Some(band));
            if band >= target {
                found.push(PathSolution {
                    steps: steps.iter().map(|s| *s as u32).collect(),
                    score,
                    band,
                });
            }
        }
        if !found.is_empty() {
            // A stable sort keeps the enumeration's lexicographic order among equal scores.
            crate::sort::sort_by(&mut found, |a, b| b.score.total_cmp(&a.score));
            result.status = PathStatus::Reachable;
            result.steps = k as u32;
            result.solutions = found;
            return Ok(result);
        }
        if over {
            result.status = PathStatus::TooLarge { limit };
            return Ok(result);
        }
    }
    result.status = PathStatus::OutOfReach { best };
    Ok(result)
}

/// Calls `visit` with every vector `s` with `s[i] <= caps[i]` and `sum(s) == total`, in
/// lexicographic order.
pub(crate) fn for_each_with_total(
    caps: &[usize],
    total: usize,
    steps: &mut [usize],
    visit: &mut dyn FnMut(&[usize]),
) {
    // room[i] = how many steps ladders i.. can take together, to prune dead branches.
    let mut room = vec![0usize; caps.len() + 1];
    for i in (0..caps.len()).rev() {
        room[i] = room[i + 1] + caps[i];
    }
    if total > room[0] {
        return;
    }
    fill(caps, &room, 0, total, steps, visit);
}

fn fill(
    caps: &[usize],
    room: &[usize],
    i: usize,
    remaining: usize,
    steps: &mut [usize],
    visit: &mut dyn FnMut(&[usize]),
) {
    if i == caps.len() {
        if remaining == 0 {
            visit(steps);
        }
        return;
    }
    let low = remaining.saturating_sub(room[i + 1]);
    let high = caps[i].min(remaining);
    for s in low..=high {
        steps[i] = s;
        fill(caps, room, i + 1, remaining - s, steps, visit);
    }
    steps[i] = 0;
}
