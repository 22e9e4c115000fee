//! The app context: the data, the current state, the derived GTI scores, the messages of the
//! chosen language and the dispatcher, shared with every view through one Yew context.

use std::rc::Rc;

use engine::error::WeightError;
use engine::{Scored, Settings};
use yew::prelude::*;

use crate::data::{AppData, Shared};
use crate::i18n::I18n;
use crate::link::{LinkState, DEFAULT_COVERAGE};
use crate::state::{Action, AppState};
use crate::url;

pub type ScoreResult = Result<Shared<Scored>, WeightError>;

#[derive(Clone)]
pub struct Explorer {
    pub data: Shared<AppData>,
    pub state: Rc<AppState>,
    pub scored: Rc<ScoreResult>,
    pub i18n: I18n,
    pub dispatch: Callback<Action>,
    /// Inside an embed: links leave for the full explorer in a new tab.
    pub embed: bool,
}

impl PartialEq for Explorer {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
            && Rc::ptr_eq(&self.state, &other.state)
            && Rc::ptr_eq(&self.scored, &other.scored)
            && Rc::ptr_eq(&self.i18n, &other.i18n)
            && self.embed == other.embed
    }
}

impl Explorer {
    pub fn link(&self) -> &LinkState {
        &self.state.link
    }

    /// The current state changed by `edit`: the target of a link.
    pub fn with(&self, edit: impl FnOnce(&mut LinkState)) -> LinkState {
        let mut next = self.state.link.clone();
        edit(&mut next);
        next
    }

    /// The current state showing a country's profile: the target of a country's name.
    pub fn profile(&self, iso3: &str) -> LinkState {
        self.with(|s| {
            s.view = crate::link::View::Country;
            s.country = Some(iso3.to_string());
        })
    }

    pub fn href(&self, target: &LinkState) -> String {
        if self.embed {
            url::full_href(target)
        } else {
            url::href(target)
        }
    }

    /// The settings the GTI is scored with.
    pub fn settings(&self) -> Settings {
        settings_of(&self.state.link)
    }

    pub fn weights(&self) -> Vec<f64> {
        self.state.weights()
    }
}

#[cfg(test)]
impl Explorer {
    /// The context `use_root_explorer` would give for `view`, outside any component: for unit
    /// tests of what views derive from it (exports, captions).
    pub fn standalone(view: LinkState) -> Explorer {
        let data = Shared::new(AppData::load());
        let state = AppState::new(view, Vec::new(), data.model.default_weights.clone());
        let scored = data
            .model
            .score(&state.weights(), &settings_of(&state.link))
            .map(Shared::new);
        Explorer {
            i18n: std::rc::Rc::new(crate::i18n::Messages::load(state.link.lang)),
            data,
            state: Rc::new(state),
            scored: Rc::new(scored),
            dispatch: Callback::noop(),
            embed: false,
        }
    }
}

pub fn settings_of(view: &LinkState) -> Settings {
    Settings {
        min_coverage: f64::from(view.min_coverage.unwrap_or(DEFAULT_COVERAGE)) / 100.0,
        aggregation: view.aggregation,
    }
}

#[hook]
pub fn use_explorer() -> Explorer {
    use_context::<Explorer>().expect("Explorer is provided by App")
}
