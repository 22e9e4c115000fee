//! The fewest moves that bring a unit to a better band, for any index with bands: the generic
//! form of [`crate::whatif::path_to_band`], on an index definition and its data.
//!
//! Each indicator of the unit has a *ladder*: the values it can be moved to, one step each (a
//! band-valued indicator climbs one band per step, [`band_ladders`]; a number moves by the
//! reforms the framework names, or by whatever a caller lists). For k = 1, 2, ... every
//! combination of exactly k steps is scored through the index's own pipeline, so a move is
//! counted exactly as the ranking counts it, whatever the normalisation or aggregation; the
//! first k that reaches the target is the answer, with every solution of that size.

use super::definition::{IndexData, IndexDefinition, Standing};
use super::error::PipelineError;
use super::model::Value;
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

/// What the search found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathStatus {
    /// Already in the target band or a better one: no step needed.
    AlreadyThere,
    /// [`PathResult::solutions`] holds every cheapest way there.
    Reachable,
    /// The unit's score is not computed from its values (too few of them, or no weight on
    /// them), so no move of a value changes its band.
    NotComputed,
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
    let standing_of = |data: &IndexData| -> Result<Option<Standing>, PipelineError> {
        let mut prepared = definition.prepare(data, pipeline, period)?;
        let standings = prepared.score(weights, &pipeline.aggregate)?;
        Ok(u.and_then(|u| standings.units.get(u).copied()))
    };
    let current = standing_of(data)?.unwrap_or(Standing {
        score: None,
        band: None,
        basis: Basis::NotPublished,
        rank: None,
    });
    let mut result = PathResult {
        current,
        status: PathStatus::AlreadyThere,
        steps: 0,
        solutions: Vec::new(),
        scored: 0,
    };
    if current.band.is_some_and(|b| b >= target) {
        return Ok(result);
    }
    if current.basis != Basis::Recomputed {
        result.status = PathStatus::NotComputed;
        return Ok(result);
    }
    let caps: Vec<usize> = ladders.iter().map(|l| l.steps.len()).collect();
    let total: usize = caps.iter().sum();
    let mut scratch = data.clone();
    let mut steps = vec![0usize; caps.len()];
    let mut best = current.band;
    let mut failure: Option<PipelineError> = None;
    for k in 1..=total {
        let mut found: Vec<PathSolution> = Vec::new();
        let mut over = false;
        for_each_with_total(&caps, k, &mut steps, &mut |steps| {
            if failure.is_some() || over {
                return;
            }
            if result.scored >= limit {
                over = true;
                return;
            }
            for (ladder, s) in ladders.iter().zip(steps) {
                let value = match s {
                    0 => ladder.from,
                    s => ladder.steps[s - 1],
                };
                if let Err(e) = scratch
                    .dataset
                    .set(period, unit, &ladder.indicator, value, None)
                {
                    failure = Some(PipelineError::Model(e));
                    return;
                }
            }
            result.scored += 1;
            let standing = match standing_of(&scratch) {
                Ok(s) => s,
                Err(e) => {
                    failure = Some(e);
                    return;
                }
            };
            let Some(Standing {
                score: Some(score),
                band: Some(band),
                basis: Basis::Recomputed,
                ..
            }) = standing
            else {
                return;
            };
            best = best.max(Some(band));
            if band >= target {
                found.push(PathSolution {
                    steps: steps.iter().map(|s| *s as u32).collect(),
                    score,
                    band,
                });
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        if !found.is_empty() {
            // A stable sort keeps the enumeration's lexicographic order among equal scores.
            found.sort_by(|a, b| b.score.total_cmp(&a.score));
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
