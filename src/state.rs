//! The app's inputs, held in one reducer: what the user chose (the URL state) and the notices
//! not yet dismissed. Everything derived (scores, bands, ranks) is computed from these with
//! `use_memo` and never stored here.

use std::rc::Rc;

use engine::model::Band;
use engine::Aggregation;
use yew::Reducible;

use crate::link::{IndexId, Lang, LinkState, QueryIssue, Region, ScenarioChange, View};

/// How a change reaches the address bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Not at all (the change came from the address bar).
    Keep,
    /// A new entry: Back returns to the previous view.
    Push,
    /// In place: dragging a slider does not flood the history.
    Replace,
    /// In place, once the control rests: a slider in motion writes the address once, when it
    /// stops, not on every step (writing it makes the browser lay out the last update first).
    Settle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub link: LinkState,
    pub history: History,
    /// Parameters of the address that were ignored.
    pub query_issues: Vec<QueryIssue>,
    pub notice_dismissed: bool,
    /// A short message for the polite live region ("Link copied").
    pub announcement: Option<String>,
    /// The official weights, for reset and for "custom" detection.
    pub official_weights: Rc<Vec<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetIndex(IndexId),
    SetYear(u16),
    SetView(View),
    SetLang(Lang),
    SetWeight(usize, f64),
    ResetWeights,
    SetMinCoverage(u8),
    DismissNotice,
    /// Go to another view or selection (a link was followed).
    Navigate(LinkState),
    SetCountry(Option<String>),
    SetCompare(Vec<String>),
    SetSlope(Option<u16>, Option<u16>),
    SetRegion(Region),
    SetAggregation(Aggregation),
    SetSpread(u8),
    SetDraws(u32),
    SetSeed(u64),
    SetScenario(Vec<ScenarioChange>),
    SetScenarioName(Option<String>),
    SetTarget(Option<Band>),
    /// A view state read from an imported file.
    Import(LinkState),
    Announce(Option<String>),
    /// The address changed under us (Back/Forward).
    Restore(LinkState, Vec<QueryIssue>),
}

impl AppState {
    pub fn new(link: LinkState, query_issues: Vec<QueryIssue>, official: Vec<f64>) -> AppState {
        AppState {
            link,
            history: History::Replace,
            query_issues,
            notice_dismissed: false,
            announcement: None,
            official_weights: Rc::new(official),
        }
    }

    /// The weights in force: custom ones, or the official ones.
    pub fn weights(&self) -> Vec<f64> {
        self.link
            .weights
            .clone()
            .unwrap_or_else(|| self.official_weights.to_vec())
    }

    /// Whether the weights differ in proportion from the official ones (scaling them all
    /// changes no result, so 2,2,2,2,2,2,2 is still the official weighting).
    pub fn is_custom(&self) -> bool {
        if self.link.aggregation != Aggregation::Arithmetic {
            return true;
        }
        let Some(w) = &self.link.weights else {
            return false;
        };
        let total: f64 = w.iter().sum();
        let official_total: f64 = self.official_weights.iter().sum();
        if total <= 0.0 || official_total <= 0.0 {
            return true;
        }
        w.iter()
            .zip(self.official_weights.iter())
            .any(|(a, b)| (a / total - b / official_total).abs() > 1e-9)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.history = History::Push;
        next.announcement = None;
        match action {
            Action::SetIndex(i) => next.link.index = i,
            Action::SetYear(y) => next.link.year = y,
            Action::SetView(v) => next.link.view = v,
            Action::SetLang(l) => next.link.lang = l,
            Action::SetWeight(pillar, value) => {
                let mut w = next.weights();
                if let Some(slot) = w.get_mut(pillar) {
                    *slot = value;
                }
                next.link.weights = (w != *next.official_weights).then_some(w);
                next.history = History::Settle;
            }
            Action::ResetWeights => {
                next.link.weights = None;
                next.link.aggregation = Aggregation::Arithmetic;
                next.link.min_coverage = None;
            }
            Action::SetMinCoverage(c) => {
                next.link.min_coverage =
                    (c != crate::link::Limits::bundled().coverage).then_some(c);
                next.history = History::Settle;
            }
            // Neither touches the address; keep whatever this batch of actions already asked.
            Action::DismissNotice => {
                next.notice_dismissed = true;
                next.history = self.history;
            }
            Action::Navigate(view) | Action::Import(view) => next.link = view,
            Action::SetCountry(c) => next.link.country = c,
            Action::SetCompare(c) => next.link.compare = c,
            Action::SetSlope(from, to) => {
                next.link.from = from;
                next.link.to = to;
            }
            Action::SetRegion(r) => next.link.region = r,
            Action::SetAggregation(a) => next.link.aggregation = a,
            Action::SetSpread(x) => {
                next.link.spread = Some(x.min(100));
                next.history = History::Replace;
            }
            Action::SetDraws(n) => {
                next.link.draws = Some(n);
                next.history = History::Replace;
            }
            Action::SetSeed(n) => next.link.seed = Some(n),
            Action::SetScenario(c) => next.link.scenario = c,
            Action::SetScenarioName(n) => {
                next.link.scenario_name = n;
                next.history = History::Replace;
            }
            Action::SetTarget(b) => next.link.target = b,
            Action::Announce(text) => {
                next.announcement = text;
                next.history = self.history;
            }
            Action::Restore(link, issues) => {
                next.link = link;
                next.query_issues = issues;
                next.notice_dismissed = false;
                next.history = History::Keep;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Limits;

    fn initial() -> Rc<AppState> {
        Rc::new(AppState::new(
            LinkState::defaults(&Limits::bundled()),
            Vec::new(),
            vec![1.0; 7],
        ))
    }

    #[test]
    fn weights_back_at_official_are_not_custom() {
        let s = initial().reduce(Action::SetWeight(2, 3.0));
        assert!(s.is_custom());
        assert_eq!(s.link.weights.as_ref().map(|w| w[2]), Some(3.0));
        assert_eq!(s.history, History::Settle);
        let s = s.reduce(Action::SetWeight(2, 1.0));
        assert_eq!(s.link.weights, None);
        assert!(!s.is_custom());
    }

    #[test]
    fn proportional_weights_are_official() {
        let mut s = (*initial()).clone();
        s.link.weights = Some(vec![2.0; 7]);
        assert!(!s.is_custom());
    }

    #[test]
    fn navigation_pushes_and_restore_keeps() {
        let s = initial().reduce(Action::SetView(View::Methods));
        assert_eq!(s.history, History::Push);
        let restored = s.reduce(Action::Restore(
            LinkState::defaults(&Limits::bundled()),
            Vec::new(),
        ));
        assert_eq!(restored.history, History::Keep);
        assert_eq!(restored.link.view, View::Rankings);
    }
}
