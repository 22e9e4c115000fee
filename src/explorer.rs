//! The explorer as every view sees it: the data, the current state, everything derived from
//! it (`derive.rs`), the messages of the chosen language and the dispatcher, shared through
//! one Yew context.

use std::rc::Rc;

use engine::Settings;
use yew::prelude::*;

use crate::data::{AppData, Shared};
pub use crate::derive::ScoreResult;
use crate::derive::{Derived, Simulation};
use crate::i18n::I18n;
use crate::link::LinkState;
use crate::state::{Action, AppState};
use crate::url;

#[derive(Clone)]
pub struct Explorer {
    pub data: Shared<AppData>,
    pub state: Rc<AppState>,
    /// Everything computed from the state: read it, never recompute it.
    pub derived: Derived,
    pub i18n: I18n,
    pub dispatch: Callback<Action>,
    /// Inside an embed: links leave for the full explorer in a new tab.
    pub embed: bool,
    /// The chosen language's messages are here (else English stands in while they load).
    pub messages_ready: bool,
    /// Why the chosen language could not be loaded, if it could not (English is shown).
    pub messages_problem: Option<String>,
}

impl PartialEq for Explorer {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
            && Rc::ptr_eq(&self.state, &other.state)
            && self.derived == other.derived
            && Rc::ptr_eq(&self.i18n, &other.i18n)
            && self.embed == other.embed
            && self.messages_ready == other.messages_ready
            && self.messages_problem == other.messages_problem
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

    /// The scored GTI at the current weights and settings.
    pub fn scored(&self) -> &ScoreResult {
        &self.derived.scored
    }

    /// The settings the GTI is scored with.
    pub fn settings(&self) -> Settings {
        self.derived.settings
    }

    /// The weights in force.
    pub fn weights(&self) -> Vec<f64> {
        self.derived.weights.to_vec()
    }

    /// Whether the result is not the official weighting.
    pub fn is_custom(&self) -> bool {
        self.derived.custom
    }

    /// The link's scenario, simulated (computed on first request, memoised).
    pub fn simulation(&self) -> Rc<Option<Simulation>> {
        self.derived.simulation(&self.data, &self.link().scenario)
    }
}

#[cfg(feature = "full")]
impl Explorer {
    /// The path from `iso3`'s band to the link's target (memoised).
    pub fn path(&self, iso3: &str) -> Rc<Option<crate::derive::PathAnswer>> {
        self.derived.path(&self.data, iso3, self.link().target)
    }

    /// The Monte Carlo spread, draws and seed of the link, or their defaults.
    pub fn monte_carlo_settings(&self) -> (u8, u32, u64) {
        use crate::defaults;
        let link = self.link();
        (
            link.spread.unwrap_or(defaults::SPREAD),
            link.draws.unwrap_or(defaults::DRAWS),
            link.seed.unwrap_or(defaults::SEED),
        )
    }

    /// The robustness results at the settled weights (memoised): the current ones, unless a
    /// slider is moving on the robustness view ([`Explorer::robustness_pending`]).
    pub fn robustness(&self) -> Rc<Option<crate::derive::Robustness>> {
        self.derived
            .robustness(&self.data, self.monte_carlo_settings())
    }

    /// Whether the robustness results are still for the weights before a slider started to
    /// move (they follow once it has been still for `defaults::RESULTS_QUIET_MS`).
    pub fn robustness_pending(&self) -> bool {
        self.derived.robustness_pending()
    }

    /// The sensitivity of `iso3`'s score to each weight, largest first (memoised).
    pub fn sensitivity(&self, iso3: &str) -> Rc<Option<crate::derive::Sensitivities>> {
        self.derived.sensitivity(&self.data, iso3)
    }
}

#[cfg(test)]
impl Explorer {
    /// The context `use_root_explorer` would give for `link`, outside any component: for unit
    /// tests of what views derive from it (exports, captions).
    pub fn standalone(link: LinkState) -> Explorer {
        let data = Shared::new(AppData::load());
        let state = AppState::new(link, Vec::new(), data.official_weights());
        Explorer {
            i18n: std::rc::Rc::new(crate::i18n::Messages::load(state.link.lang)),
            derived: Derived::new(&data, &state),
            data,
            state: Rc::new(state),
            dispatch: Callback::noop(),
            embed: false,
            messages_ready: true,
            messages_problem: None,
        }
    }
}

#[hook]
pub fn use_explorer() -> Explorer {
    use_context::<Explorer>().expect("Explorer is provided by App")
}
