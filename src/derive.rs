//! Everything computed from the state, in one place, read by every view: the weights in force,
//! the settings, the scored GTI, the simulated model of the scenario, the path to a better band
//! and the robustness results (Monte Carlo, rank bounds, sensitivity, rank per aggregation).
//!
//! The scores every view reads are memoised at the root with `use_memo` on the weights and
//! settings. The costly results only some views read are memoised lazily: each is computed the
//! first time a view asks for it and kept until its own inputs change, so moving a slider on
//! the rankings view scores the GTI once and computes no simulation, path or Monte Carlo.

use std::cell::RefCell;
use std::rc::Rc;

use engine::error::WeightError;
use engine::model::Band;
use engine::whatif::Change;
#[cfg(feature = "full")]
use engine::{
    robustness::{McResult, McSettings, RankBounds},
    whatif::{PathResult, PathStatus, Unreachable, WhatIfError},
    Basis,
};
use engine::{Aggregation, Outcome, Scored, Settings};
use yew::prelude::*;

use crate::data::{AppData, Shared};
use crate::link::{IndexId, LinkState, ScenarioChange};
use crate::standings::{standings, Standings};
use crate::state::AppState;

pub type ScoreResult = Result<Shared<Scored>, WeightError>;

/// The settings the GTI is scored with, from a link.
pub fn settings_of(link: &LinkState) -> Settings {
    Settings {
        min_coverage: f64::from(
            link.min_coverage
                .unwrap_or(crate::link::Limits::bundled().coverage),
        ) / 100.0,
        aggregation: link.aggregation,
    }
}

/// A memo computed on request: the last inputs and what they gave.
struct Lazy<K, V>(RefCell<Option<(K, Rc<V>)>>);

impl<K, V> Default for Lazy<K, V> {
    fn default() -> Self {
        Lazy(RefCell::new(None))
    }
}

impl<K: PartialEq, V> Lazy<K, V> {
    fn get(&self, key: K, compute: impl FnOnce() -> V) -> Rc<V> {
        if let Some((k, v)) = &*self.0.borrow() {
            if *k == key {
                return Rc::clone(v);
            }
        }
        let value = Rc::new(compute());
        *self.0.borrow_mut() = Some((key, Rc::clone(&value)));
        value
    }
}

/// The inputs of every score: the weights in force and the settings.
type ScoreKey = (Vec<f64>, Settings);
/// Each pillar's position and the derivative of a score with respect to its weight.
pub type Sensitivities = Vec<(usize, f64)>;

#[derive(Default)]
struct Lazies {
    standings: Lazy<(IndexId, u16, ScoreKey), Standings>,
    simulation: Lazy<(Vec<ScenarioChange>, ScoreKey), Option<Simulation>>,
    #[cfg(feature = "full")]
    path: Lazy<(String, Option<Band>, ScoreKey), Option<PathAnswer>>,
    #[cfg(feature = "full")]
    sensitivity: Lazy<(String, ScoreKey), Option<Sensitivities>>,
}

/// Everything derived from the state. Cheap to clone: shared pointers.
#[derive(Clone)]
pub struct Derived {
    /// The weights in force: custom ones, or the official ones.
    pub weights: Rc<Vec<f64>>,
    pub settings: Settings,
    /// Whether the result is not the official weighting.
    pub custom: bool,
    /// The GTI scored at the weights and settings.
    pub scored: Rc<ScoreResult>,
    lazy: Rc<Lazies>,
    /// The weights and settings the robustness results are for: the current ones, except
    /// while the weights move on the robustness view ([`use_settled`]).
    #[cfg(feature = "full")]
    settled: Rc<ScoreKey>,
    /// The robustness results, kept across changes of the weights (they are keyed on the
    /// settled weights, which lag behind while a slider moves).
    #[cfg(feature = "full")]
    robustness: Rc<RobustnessMemo>,
}

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.weights, &other.weights)
            && self.settings == other.settings
            && self.custom == other.custom
            && Rc::ptr_eq(&self.scored, &other.scored)
            && Rc::ptr_eq(&self.lazy, &other.lazy)
            && self.settled_eq(other)
    }
}

impl Derived {
    #[cfg(feature = "full")]
    fn settled_eq(&self, other: &Self) -> bool {
        self.settled == other.settled
    }

    #[cfg(not(feature = "full"))]
    fn settled_eq(&self, _: &Self) -> bool {
        true
    }
}

/// The robustness results' memo, kept across changes of the weights.
#[cfg(feature = "full")]
type RobustnessMemo = Lazy<(ScoreKey, u8, u32, u64), Option<Robustness>>;

/// A value that follows its input at once after a rest, and otherwise once the input has been
/// still for [`RESULTS_QUIET_MS`](crate::defaults::RESULTS_QUIET_MS): the weights and
/// settings the robustness results are for.
#[cfg_attr(not(feature = "full"), allow(dead_code))]
struct Settling<K> {
    seen: K,
    changed_at: f64,
    settled: Rc<K>,
}

#[cfg_attr(not(feature = "full"), allow(dead_code))]
impl<K: Clone + PartialEq> Settling<K> {
    fn new(key: &K) -> Settling<K> {
        Settling {
            seen: key.clone(),
            changed_at: f64::NEG_INFINITY,
            settled: Rc::new(key.clone()),
        }
    }

    /// Takes `key` as seen at `now` (ms): a change after a rest, or any change unless `hold`,
    /// settles at once; a change within the quiet time of the one before waits. Returns
    /// whether `key` waits (the caller calls [`Settling::settle`] once it has been still).
    fn see(&mut self, key: &K, hold: bool, now: f64) -> bool {
        if self.seen != *key {
            let quiet = now - self.changed_at >= f64::from(crate::defaults::RESULTS_QUIET_MS);
            self.seen = key.clone();
            self.changed_at = now;
            if quiet {
                self.settle();
            }
        }
        if !hold {
            self.settle();
        }
        *self.settled != *key
    }

    /// The last key seen is settled.
    fn settle(&mut self) {
        if *self.settled != self.seen {
            self.settled = Rc::new(self.seen.clone());
        }
    }
}

/// The score inputs the robustness results are for ([`Settling`]: `hold` while the robustness
/// view is open), and their memo. The root renders again when a held key settles.
#[cfg(feature = "full")]
#[hook]
fn use_settled(key: &ScoreKey, hold: bool) -> (Rc<ScoreKey>, Rc<RobustnessMemo>) {
    struct Held {
        settling: Settling<ScoreKey>,
        timer: Option<gloo::timers::callback::Timeout>,
        memo: Rc<RobustnessMemo>,
    }
    let held = use_mut_ref(|| Held {
        settling: Settling::new(key),
        timer: None,
        memo: Rc::default(),
    });
    let update = use_force_update();
    let mut h = held.borrow_mut();
    let changed = h.settling.seen != *key;
    // The clock is read only for a change (a page rendered ahead of time, natively, has none).
    let now = if changed { now_ms() } else { 0.0 };
    if h.settling.see(key, hold, now) {
        if changed {
            // Replacing the timer cancels the one before: it fires once `key` is still.
            let weak = Rc::downgrade(&held);
            h.timer = Some(gloo::timers::callback::Timeout::new(
                crate::defaults::RESULTS_QUIET_MS,
                move || {
                    if let Some(held) = weak.upgrade() {
                        held.borrow_mut().settling.settle();
                    }
                    update.force_update();
                },
            ));
        }
    } else {
        h.timer = None;
    }
    (Rc::clone(&h.settling.settled), Rc::clone(&h.memo))
}

/// The root's memo of everything derived: the scores on (weights, coverage, aggregation). The
/// lazy results start afresh with them, since every one of them depends on both.
#[hook]
pub fn use_derived(data: &Shared<AppData>, state: &AppState) -> Derived {
    let weights = state.weights();
    let settings = settings_of(&state.link);
    let memo = {
        let data = data.clone();
        use_memo(
            (
                weights,
                settings.min_coverage.to_bits(),
                settings.aggregation,
            ),
            move |(w, _, _)| {
                (
                    Rc::new(w.clone()),
                    Rc::new(data.score(w, &settings).map(Shared::new)),
                    Rc::new(Lazies::default()),
                )
            },
        )
    };
    let (weights, scored, lazy) = (*memo).clone();
    #[cfg(feature = "full")]
    let (settled, robustness) = use_settled(
        &(weights.to_vec(), settings),
        state.link.view == crate::link::View::Robustness,
    );
    Derived {
        weights,
        settings,
        custom: state.is_custom(),
        scored,
        lazy,
        #[cfg(feature = "full")]
        settled,
        #[cfg(feature = "full")]
        robustness,
    }
}

impl Derived {
    /// The same, outside any component (unit tests, exports).
    pub fn new(data: &AppData, state: &AppState) -> Derived {
        let weights = state.weights();
        let settings = settings_of(&state.link);
        Derived {
            scored: Rc::new(data.score(&weights, &settings).map(Shared::new)),
            #[cfg(feature = "full")]
            settled: Rc::new((weights.clone(), settings)),
            #[cfg(feature = "full")]
            robustness: Rc::default(),
            weights: Rc::new(weights),
            settings,
            custom: state.is_custom(),
            lazy: Rc::new(Lazies::default()),
        }
    }

    fn key(&self) -> ScoreKey {
        (self.weights.to_vec(), self.settings)
    }

    /// Whether the robustness results are for other weights or settings than the current ones
    /// (the weights are moving: [`use_settled`]).
    #[cfg(feature = "full")]
    pub fn robustness_pending(&self) -> bool {
        *self.settled != self.key()
    }

    /// The standings of the index in view, in the shape every index takes: inputs are the
    /// index, its period, the weights and the settings.
    pub fn standings(&self, data: &AppData, link: &LinkState) -> Rc<Standings> {
        self.lazy
            .standings
            .get((link.index, link.year, self.key()), || {
                standings(data, link, self.scored.as_ref().as_ref().ok().map(|s| &**s))
            })
    }

    /// The scenario simulated: inputs are the scenario, the weights and the settings.
    pub fn simulation(
        &self,
        data: &AppData,
        scenario: &[ScenarioChange],
    ) -> Rc<Option<Simulation>> {
        self.lazy
            .simulation
            .get((scenario.to_vec(), self.key()), || {
                Simulation::new(data, scenario, &self.weights, &self.settings)
            })
    }

    /// The path to a better band for `iso3`: inputs are the country, the target in the link,
    /// the weights and the settings.
    #[cfg(feature = "full")]
    pub fn path(&self, data: &AppData, iso3: &str, target: Option<Band>) -> Rc<Option<PathAnswer>> {
        self.lazy
            .path
            .get((iso3.to_string(), target, self.key()), || {
                let scored = self.scored.as_ref().as_ref().ok()?;
                PathAnswer::new(data, scored, iso3, target, &self.weights, &self.settings)
            })
    }

    /// Monte Carlo, rank bounds and rank per aggregation: inputs are the settled weights and
    /// settings ([`use_settled`]) and the link's spread, draws and seed.
    #[cfg(feature = "full")]
    pub fn robustness(&self, data: &AppData, mc: (u8, u32, u64)) -> Rc<Option<Robustness>> {
        let (spread, draws, seed) = mc;
        let (weights, settings) = &*self.settled;
        self.robustness
            .get(((*self.settled).clone(), spread, draws, seed), || {
                Robustness::new(
                    data,
                    weights,
                    settings,
                    f64::from(spread) / 100.0,
                    draws,
                    seed,
                )
            })
    }

    /// The sensitivity of `iso3`'s score to each weight, largest first: inputs are the
    /// country, the weights and the settings.
    #[cfg(feature = "full")]
    pub fn sensitivity(&self, data: &AppData, iso3: &str) -> Rc<Option<Sensitivities>> {
        self.lazy
            .sensitivity
            .get((iso3.to_string(), self.key()), || {
                let s = data.sensitivity(&self.weights, &self.settings, iso3).ok()?;
                let mut items: Vec<(usize, f64)> = s.into_iter().enumerate().collect();
                engine::sort::sort_by(&mut items, |a, b| b.1.abs().total_cmp(&a.1.abs()));
                Some(items)
            })
    }
}

/// The changes of a scenario as the engine takes them.
pub fn to_changes(s: &[ScenarioChange]) -> Vec<Change> {
    s.iter()
        .map(|c| Change {
            iso3: c.iso3.clone(),
            pillar: c.pillar,
            band: c.band,
        })
        .collect()
}

/// The weighted index with a scenario's changes, scored through the one model.
pub struct Simulation {
    pub scored: Shared<Scored>,
}

impl Simulation {
    /// `None` if the scenario or the weights are unusable.
    fn new(
        data: &AppData,
        scenario: &[ScenarioChange],
        weights: &[f64],
        settings: &Settings,
    ) -> Option<Simulation> {
        let scored = data.score_changed(&to_changes(scenario), weights, settings)?;
        Some(Simulation {
            scored: Shared::new(scored),
        })
    }

    /// A country's simulated outcome, by its position in the bundled model.
    pub fn outcome(&self, index: Option<usize>) -> Option<Outcome> {
        self.scored.outcomes.get(index?).copied()
    }
}

/// What one scenario change does to a country's score, for the explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEffect {
    pub pillar: usize,
    pub band: Band,
    /// The pillar's value before and after (the band's midpoint), and its weight.
    pub from: Option<f64>,
    pub to: f64,
    pub weight: f64,
    /// The change in the score, where the arithmetic mean makes it one term.
    pub delta: Option<f64>,
}

/// The difference between the current and the simulated score, change by change.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub effects: Vec<ChangeEffect>,
    /// The weights of the pillars that enter the score.
    pub total_weight: f64,
    pub score_delta: f64,
    pub arithmetic: bool,
}

impl Explanation {
    pub fn new(
        data: &AppData,
        derived: &Derived,
        iso3: &str,
        changes: &[&ScenarioChange],
        now: Outcome,
        after: Outcome,
    ) -> Explanation {
        let weights = &derived.weights;
        let values = data.pillar_values(iso3).unwrap_or_default();
        let value = |pillar: usize| values.get(pillar).copied().flatten();
        let total_weight: f64 = weights
            .iter()
            .enumerate()
            .filter(|(i, _)| value(*i).is_some() || changes.iter().any(|c| c.pillar == *i))
            .map(|(_, w)| *w)
            .sum();
        let arithmetic = derived.settings.aggregation == Aggregation::Arithmetic;
        let effects = changes
            .iter()
            .map(|c| {
                let from = value(c.pillar);
                let to = data.band_value(c.band);
                let weight = weights.get(c.pillar).copied().unwrap_or(0.0);
                let delta = from
                    .filter(|_| arithmetic && total_weight > 0.0)
                    .map(|f| (to - f) * weight / total_weight);
                ChangeEffect {
                    pillar: c.pillar,
                    band: c.band,
                    from,
                    to,
                    weight,
                    delta,
                }
            })
            .collect();
        Explanation {
            effects,
            total_weight,
            score_delta: after.score.unwrap_or(0.0) - now.score.unwrap_or(0.0),
            arithmetic,
        }
    }
}

/// "Path to a better band" for one country under the current weights and settings.
#[cfg(feature = "full")]
pub struct PathAnswer {
    pub current: Outcome,
    /// The bands better than the current one: the targets offered.
    pub choices: Vec<Band>,
    /// The target: the link's, if better than the current band, else the next better band.
    pub target: Option<Band>,
    /// `None` without a target (already in the best band).
    pub result: Option<Result<PathResult, WhatIfError>>,
    /// Whether one band per pillar was not enough and repeated steps were searched.
    pub repeated: bool,
    pub arithmetic: bool,
    /// The weights of the pillars with data.
    pub total_weight: f64,
    /// For each solution, the terms of its score: (weight, pillar value after the moves).
    pub terms: Vec<Vec<(f64, f64)>>,
}

#[cfg(feature = "full")]
impl PathAnswer {
    /// `scored`: the GTI at `weights` and `settings`, which gives the member's outcome now.
    fn new(
        data: &AppData,
        scored: &Scored,
        iso3: &str,
        target: Option<Band>,
        weights: &[f64],
        settings: &Settings,
    ) -> Option<PathAnswer> {
        let current = *scored.outcomes.get(data.member(iso3)?)?;
        let values = data.pillar_values(iso3)?;
        let better = |b: Band| current.band.is_none_or(|c| b > c);
        let target = target
            .filter(|t| better(*t))
            .or(current.band.and_then(Band::better));
        let choices: Vec<Band> = Band::ALL.iter().copied().filter(|b| better(*b)).collect();
        let search =
            |t: Band, per_pillar: u32| data.path_to_band(iso3, t, weights, settings, per_pillar);
        let (result, repeated) = match target {
            None => (None, false),
            Some(t) => match search(t, 1)? {
                Ok(r)
                    if matches!(
                        r.status,
                        PathStatus::Unreachable(Unreachable::OutOfReach { .. })
                    ) =>
                {
                    (Some(search(t, u32::MAX)?), true)
                }
                other => (Some(other), false),
            },
        };
        let total_weight: f64 = weights
            .iter()
            .zip(&values)
            .filter(|(_, v)| v.is_some())
            .map(|(w, _)| *w)
            .sum();
        let terms = match &result {
            Some(Ok(r)) => r
                .solutions
                .iter()
                .map(|sol| {
                    values
                        .iter()
                        .enumerate()
                        .filter_map(|(k, v)| {
                            let v = (*v)?;
                            let raised = sol
                                .moves
                                .iter()
                                .find(|m| m.pillar == k)
                                .map_or(v, |m| m.to_value);
                            Some((weights.get(k).copied().unwrap_or(0.0), raised))
                        })
                        .collect()
                })
                .collect(),
            _ => Vec::new(),
        };
        Some(PathAnswer {
            current,
            choices,
            target,
            result,
            repeated,
            arithmetic: settings.aggregation == Aggregation::Arithmetic,
            total_weight,
            terms,
        })
    }
}

/// The page's clock in milliseconds (none natively: the pre-renderer and the tests).
#[cfg(feature = "full")]
fn now_ms() -> f64 {
    if !cfg!(target_arch = "wasm32") {
        return 0.0;
    }
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The robustness of the ranking at the current weights, with how long the Monte Carlo took.
#[cfg(feature = "full")]
pub struct Robustness {
    pub mc: McResult,
    pub bounds: Vec<RankBounds>,
    /// Each country's rank under the arithmetic, geometric and weakest-pillar rules.
    pub ranks: Vec<[Option<u32>; 3]>,
    pub current: Scored,
    pub millis: f64,
    /// The ranked countries in the current order.
    pub order: Vec<usize>,
    /// Those of them whose score is recomputed (the others stand at a published band).
    pub recomputed: Vec<usize>,
}

#[cfg(feature = "full")]
impl Robustness {
    fn new(
        data: &AppData,
        w: &[f64],
        s: &Settings,
        spread: f64,
        draws: u32,
        seed: u64,
    ) -> Option<Robustness> {
        let start = now_ms();
        let mc = data.monte_carlo(
            w,
            s,
            &McSettings {
                spread,
                draws,
                seed,
            },
        )?;
        let millis = now_ms() - start;
        let bounds = data.rank_bounds(w, s, spread)?;
        let ranks = data.ranks_by_rule(w, s).ok()?;
        let current = data.score(w, s).ok()?;
        let order: Vec<usize> = current
            .order
            .iter()
            .copied()
            .filter(|i| current.outcomes[*i].rank.is_some())
            .collect();
        let recomputed = order
            .iter()
            .copied()
            .filter(|i| current.outcomes[*i].basis == Basis::Recomputed)
            .collect();
        Some(Robustness {
            mc,
            bounds,
            ranks,
            current,
            millis,
            order,
            recomputed,
        })
    }

    /// The country whose sensitivity is shown: the link's, if recomputed, else the first
    /// recomputed one; `units` are the index's (code, name), in the order of its scores.
    pub fn focus(&self, units: &[(String, String)], country: Option<&str>) -> Option<String> {
        let member = |i: &usize| units.get(*i).map(|u| u.0.as_str());
        country
            .filter(|c| self.recomputed.iter().any(|i| member(i) == Some(*c)))
            .or_else(|| self.recomputed.first().and_then(member))
            .map(str::to_string)
    }
}

/// How far `other` moves a rank from `base`: positive is up (a better rank).
pub fn rank_shift(base: Option<u32>, other: Option<u32>) -> Option<i64> {
    match (base, other) {
        (Some(b), Some(v)) if v != b => Some(i64::from(b) - i64::from(v)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Limits;

    #[test]
    fn a_change_after_a_rest_settles_at_once_and_a_drag_waits_until_it_rests() {
        let quiet = f64::from(crate::defaults::RESULTS_QUIET_MS);
        let mut s = Settling::new(&1);
        // The first change (a click, a key) is taken at once.
        assert!(!s.see(&2, true, 1000.0));
        assert_eq!(*s.settled, 2);
        // Changes a frame apart (a drag) wait; the settled value stays the first.
        for (i, k) in [3, 4, 5].iter().enumerate() {
            assert!(s.see(k, true, 1016.0 + 16.0 * i as f64));
            assert_eq!(*s.settled, 2);
        }
        // Seen again without a change (another render), it still waits.
        assert!(s.see(&5, true, 1060.0));
        // Once still, the caller settles it: the last value seen.
        s.settle();
        assert_eq!(*s.settled, 5);
        assert!(!s.see(&5, true, 1300.0));
        // After a rest, the next change is taken at once again.
        assert!(!s.see(&6, true, 1048.0 + quiet));
        assert_eq!(*s.settled, 6);
        // Without `hold` (another view) nothing waits.
        assert!(!s.see(&7, false, 1050.0 + quiet));
        assert!(!s.see(&8, false, 1051.0 + quiet));
        assert_eq!(*s.settled, 8);
        // A change while waiting that returns to the settled value waits for nothing.
        assert!(!s.see(&9, true, 2000.0));
        assert!(s.see(&10, true, 2010.0));
        assert!(!s.see(&9, true, 2020.0));
        assert_eq!(*s.settled, 9);
        // Leaving the view while held settles the last value.
        assert!(s.see(&11, true, 2030.0));
        assert!(!s.see(&11, false, 2040.0));
        assert_eq!(*s.settled, 11);
    }

    fn state(edit: impl FnOnce(&mut LinkState)) -> AppState {
        let data = AppData::load();
        let mut link = LinkState::defaults(&Limits::bundled());
        edit(&mut link);
        AppState::new(link, Vec::new(), data.official_weights())
    }

    #[test]
    fn lazy_results_are_kept_until_their_inputs_change() {
        let data = AppData::load();
        let derived = Derived::new(&data, &state(|_| {}));
        let scenario = vec![ScenarioChange {
            iso3: "KGZ".into(),
            pillar: 4,
            band: Band::High,
        }];
        let a = derived.simulation(&data, &scenario);
        let b = derived.simulation(&data, &scenario);
        assert!(Rc::ptr_eq(&a, &b));
        let c = derived.simulation(&data, &[]);
        assert!(!Rc::ptr_eq(&a, &c));
        assert!(a.is_some() && c.is_some());
    }

    #[test]
    fn explanation_splits_the_score_change_by_pillar() {
        let data = AppData::load();
        let derived = Derived::new(&data, &state(|_| {}));
        let change = ScenarioChange {
            iso3: "KGZ".into(),
            pillar: 4,
            band: Band::Low,
        };
        let sim = derived.simulation(&data, std::slice::from_ref(&change));
        let i = data.member("KGZ");
        let now = derived
            .scored
            .as_ref()
            .as_ref()
            .ok()
            .and_then(|s| s.outcomes.get(i?).copied())
            .expect("scored");
        let after = (*sim)
            .as_ref()
            .and_then(|s| s.outcome(i))
            .expect("simulated");
        let e = Explanation::new(&data, &derived, "KGZ", &[&change], now, after);
        let sum: f64 = e.effects.iter().filter_map(|x| x.delta).sum();
        assert!(
            (sum - e.score_delta).abs() < 1e-9,
            "{sum} vs {}",
            e.score_delta
        );
    }

    #[cfg(feature = "full")]
    #[test]
    fn the_sensitivity_focuses_on_the_links_country_if_recomputed_else_the_first_that_is() {
        let data = AppData::load();
        let link = LinkState::defaults(&Limits::bundled());
        let w = data.official_weights();
        let r = Robustness::new(&data, &w, &settings_of(&link), 0.25, 20, 1).expect("results");
        let units: Vec<(String, String)> =
            crate::standings::standings_of(&data, link.index, link.year, None)
                .rows
                .into_iter()
                .map(|row| (row.iso3, row.name_en))
                .collect();
        let first = units[r.recomputed[0]].0.clone();
        assert_eq!(r.focus(&units, Some("KGZ")).as_deref(), Some("KGZ"));
        // Russia has no pillar band: its score is not recomputed.
        assert!(!r.recomputed.iter().any(|i| units[*i].0 == "RUS"));
        assert_eq!(r.focus(&units, Some("RUS")), Some(first.clone()));
        assert_eq!(r.focus(&units, None), Some(first));
    }

    #[test]
    fn rank_shift_is_positive_when_the_rank_improves() {
        assert_eq!(rank_shift(Some(5), Some(3)), Some(2));
        assert_eq!(rank_shift(Some(3), Some(5)), Some(-2));
        assert_eq!(rank_shift(Some(3), Some(3)), None);
        assert_eq!(rank_shift(None, Some(3)), None);
    }
}
