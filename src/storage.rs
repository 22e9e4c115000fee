//! Scenarios saved in this browser (localStorage), and their export and import as JSON.
//!
//! Storage is read defensively: anything that is not exactly our format (another app's data,
//! a hand-edited or truncated value) is ignored with a notice, never trusted and never a crash.
//! Each scenario travels as the same text a link's `scenario` carries, read and written by the
//! link module's functions for that parameter.

use serde::{Deserialize, Serialize};

use crate::link::{self, Limits, ScenarioChange};

pub const KEY: &str = "torture-index-explorer.scenarios.v1";
const KIND: &str = "scenarios";
/// Most scenarios kept.
pub const MAX_SAVED: usize = 50;
/// Largest stored or imported value read, in bytes.
pub const LIMIT: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub name: String,
    /// `KGZ.5.high,KGZ.3.considerable`, as in a link.
    pub scenario: String,
    #[serde(default)]
    pub country: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    app: String,
    kind: String,
    version: u32,
    items: Vec<SavedScenario>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Problem {
    /// Stored data could not be read; it was ignored.
    Unreadable,
    /// Some entries were invalid and were skipped.
    SomeSkipped,
    /// Storage is not available (private mode, disabled).
    Unavailable,
}

/// The changes a saved scenario describes, if it is valid.
pub fn changes(s: &SavedScenario, limits: &Limits) -> Option<Vec<ScenarioChange>> {
    link::parse::scenario(&s.scenario, limits.pillars).filter(|c| !c.is_empty())
}

/// The text a saved scenario stores: the link's `scenario` value.
pub fn encode_changes(changes: &[ScenarioChange]) -> String {
    link::format::scenario(changes)
}

fn valid(s: &SavedScenario, limits: &Limits) -> bool {
    let name_ok = !s.name.trim().is_empty()
        && s.name.chars().count() <= link::MAX_NAME
        && !s.name.chars().any(char::is_control);
    name_ok && changes(s, limits).is_some()
}

/// Parses the JSON text of a stored value or an imported file.
pub fn parse(text: &str, limits: &Limits) -> Result<(Vec<SavedScenario>, bool), Problem> {
    if text.len() > LIMIT {
        return Err(Problem::Unreadable);
    }
    let value = js_sys::JSON::parse(text).map_err(|_| Problem::Unreadable)?;
    let file: File = serde_wasm_bindgen::from_value(value).map_err(|_| Problem::Unreadable)?;
    if file.app != crate::export::STATE_APP || file.kind != KIND || file.version != 1 {
        return Err(Problem::Unreadable);
    }
    let total = file.items.len();
    let items: Vec<SavedScenario> = file
        .items
        .into_iter()
        .filter(|s| valid(s, limits))
        .take(MAX_SAVED)
        .collect();
    let skipped = items.len() < total;
    Ok((items, skipped))
}

/// The JSON text for `items`.
pub fn to_json(items: &[SavedScenario]) -> String {
    let file = File {
        app: crate::export::STATE_APP.to_string(),
        kind: KIND.to_string(),
        version: 1,
        items: items.to_vec(),
    };
    crate::export::pretty_json(&file)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The scenarios saved in this browser, and what went wrong reading them.
pub fn load(limits: &Limits) -> (Vec<SavedScenario>, Option<Problem>) {
    let Some(storage) = local_storage() else {
        return (Vec::new(), None);
    };
    match storage.get_item(KEY) {
        Ok(None) => (Vec::new(), None),
        Ok(Some(text)) => match parse(&text, limits) {
            Ok((items, skipped)) => (items, skipped.then_some(Problem::SomeSkipped)),
            Err(p) => (Vec::new(), Some(p)),
        },
        Err(_) => (Vec::new(), Some(Problem::Unavailable)),
    }
}

/// Stores `items`; false if the browser refused (storage full or disabled).
pub fn save(items: &[SavedScenario]) -> bool {
    local_storage().is_some_and(|s| s.set_item(KEY, &to_json(items)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(scenario: &str) -> SavedScenario {
        SavedScenario {
            name: "Plan".into(),
            scenario: scenario.into(),
            country: "KGZ".into(),
        }
    }

    #[test]
    fn saved_scenarios_are_validated_like_a_link() {
        let l = Limits::bundled();
        let c = changes(&saved("KGZ.5.high,kgz.3.considerable,KGZ.5.low"), &l).expect("valid");
        assert_eq!(encode_changes(&c), "KGZ.3.considerable,KGZ.5.low");
        for bad in [
            "",
            "KGZ.8.high",
            "KGZ.1.extreme",
            "KGZ.1",
            "KGZ.1.high,",
            "a b",
        ] {
            assert_eq!(changes(&saved(bad), &l), None, "{bad}");
        }
        assert!(valid(&saved("KGZ.1.low"), &l));
        let long = SavedScenario {
            name: "x".repeat(link::MAX_NAME + 1),
            ..saved("KGZ.1.low")
        };
        assert!(!valid(&long, &l));
    }
}
