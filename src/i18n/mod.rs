//! The i18n layer: every user-facing string comes from a message file, written in a small
//! subset of Project Fluent's syntax. `*-common.ftl` holds what the embed needs too;
//! `*-app.ftl` the rest of the explorer (left out of the embed build to keep it small):
//!
//! ```text
//! # comment
//! key = Text with a { $placeable }
//!     and a continuation line
//! ```
//!
//! The subset keeps the bundle small (no ICU data); strings are phrased to need no plural
//! rules. Tests check that both languages define exactly the same keys and placeables.

use std::collections::HashMap;
use std::rc::Rc;

pub use crate::link::Lang;

const EN_COMMON: &str = include_str!("en-common.ftl");
const RU_COMMON: &str = include_str!("ru-common.ftl");
#[cfg(feature = "full")]
const EN_APP: &str = include_str!("en-app.ftl");
#[cfg(feature = "full")]
const RU_APP: &str = include_str!("ru-app.ftl");
#[cfg(feature = "workbench")]
const EN_WORKBENCH: &str = include_str!("en-workbench.ftl");
#[cfg(feature = "workbench")]
const RU_WORKBENCH: &str = include_str!("ru-workbench.ftl");

/// The messages of one language. `Eq`, so that comparing two handles (`Rc`) is a pointer
/// comparison first: properties carrying the messages compare in no time.
#[derive(Debug, PartialEq, Eq)]
pub struct Messages {
    pub lang: Lang,
    map: HashMap<String, String>,
}

/// Shared handle passed through a context.
pub type I18n = Rc<Messages>;

impl Messages {
    pub fn load(lang: Lang) -> Messages {
        let common = match lang {
            Lang::En => EN_COMMON,
            Lang::Ru => RU_COMMON,
        };
        #[allow(unused_mut)]
        let mut map = parse(common);
        #[cfg(feature = "full")]
        map.extend(parse(match lang {
            Lang::En => EN_APP,
            Lang::Ru => RU_APP,
        }));
        #[cfg(feature = "workbench")]
        map.extend(parse(match lang {
            Lang::En => EN_WORKBENCH,
            Lang::Ru => RU_WORKBENCH,
        }));
        Messages { lang, map }
    }

    /// The message for `key`; the key itself if missing, so a gap is visible, never a crash.
    pub fn t(&self, key: &str) -> String {
        self.map
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// The message for `key` with its `{ $name }` placeables filled in.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.t(key);
        for (name, value) in args {
            text = text.replace(&format!("{{ ${name} }}"), value);
        }
        text
    }

    /// A number in the language's style: digit groups (1,125 / 1 125), a decimal comma in
    /// Russian, a true minus sign.
    pub fn num(&self, x: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, x.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let (group, point) = match self.lang {
            Lang::En => (",", "."),
            Lang::Ru => ("\u{a0}", ","),
        };
        let mut grouped = String::new();
        // Four-digit numbers stay ungrouped in Russian typography; group from five digits.
        let min_group = if self.lang == Lang::Ru { 5 } else { 4 };
        for (i, c) in int.chars().enumerate() {
            if int.len() >= min_group && i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(c);
        }
        let text = if frac.is_empty() {
            grouped
        } else {
            format!("{grouped}{point}{frac}")
        };
        if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            format!("\u{2212}{text}")
        } else {
            text
        }
    }

    /// A signed change: "+12.14", "−15.87".
    pub fn signed(&self, x: f64, decimals: usize) -> String {
        let text = self.num(x, decimals);
        if x > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    }
}

/// Parses the Fluent subset into a key → text map.
pub fn parse(text: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.starts_with(' ') && !line.trim().is_empty() {
            if let Some((_, value)) = current.as_mut() {
                if !value.is_empty() {
                    value.push(' ');
                }
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = current.take() {
            map.insert(k, v);
        }
        if let Some((key, value)) = line.split_once('=') {
            let key = key.trim();
            if !key.is_empty() {
                current = Some((key.to_string(), value.trim().to_string()));
            }
        }
    }
    if let Some((k, v)) = current {
        map.insert(k, v);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeables(text: &str) -> BTreeSet<String> {
        text.split("{ $")
            .skip(1)
            .filter_map(|s| s.split_once(" }").map(|(name, _)| name.to_string()))
            .collect()
    }

    fn same_keys(en: &HashMap<String, String>, ru: &HashMap<String, String>) {
        let en_keys: BTreeSet<_> = en.keys().collect();
        let ru_keys: BTreeSet<_> = ru.keys().collect();
        let missing_ru: Vec<_> = en_keys.difference(&ru_keys).collect();
        let missing_en: Vec<_> = ru_keys.difference(&en_keys).collect();
        assert!(missing_ru.is_empty(), "missing in Russian: {missing_ru:?}");
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        for (k, v) in en {
            assert!(!v.is_empty(), "empty message {k}");
            assert_eq!(
                placeables(v),
                placeables(&ru[k]),
                "placeables differ in {k}"
            );
        }
    }

    #[test]
    fn both_languages_have_the_same_keys_and_placeables() {
        for (en, ru) in [(EN_COMMON, RU_COMMON), (EN_APP, RU_APP)] {
            same_keys(&parse(en), &parse(ru));
        }
        #[cfg(feature = "workbench")]
        {
            same_keys(&parse(EN_WORKBENCH), &parse(RU_WORKBENCH));
            let mut others = parse(EN_COMMON);
            others.extend(parse(EN_APP));
            assert!(
                parse(EN_WORKBENCH).keys().all(|k| !others.contains_key(k)),
                "a workbench key also in the explorer's files"
            );
        }
        let common = parse(EN_COMMON);
        assert!(
            parse(EN_APP).keys().all(|k| !common.contains_key(k)),
            "a key in both files"
        );
    }

    fn rust_sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/mod.rs")
            {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap_or_default(),
                ));
            }
        }
    }

    fn used_keys(src: &str) -> Vec<String> {
        let mut out = Vec::new();
        for call in [".t(", ".f("] {
            for piece in src.split(call).skip(1) {
                let Some(rest) = piece.trim_start().strip_prefix('"') else {
                    continue;
                };
                out.push(rest.split('"').next().unwrap_or_default().to_string());
            }
        }
        out
    }

    fn sources() -> Vec<(String, String)> {
        let mut out = Vec::new();
        rust_sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        assert!(out.len() > 20);
        out
    }

    #[test]
    fn every_key_used_in_the_source_exists() {
        let mut en = parse(EN_COMMON);
        en.extend(parse(EN_APP));
        #[cfg(feature = "workbench")]
        en.extend(parse(EN_WORKBENCH));
        let mut missing = std::collections::BTreeSet::new();
        for (path, src) in &sources() {
            if cfg!(not(feature = "workbench")) && path.contains("workbench") {
                continue;
            }
            for key in used_keys(src) {
                if !en.contains_key(&key) {
                    missing.insert(key);
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages used but not defined: {missing:?}"
        );
    }

    /// Keys the code builds at run time (`agg-{slug}`, `region-{slug}`, `embed-kind-{kind}`) or
    /// picks by value (a view's title, a band's name) are invisible to the scan above: build
    /// them from the same functions, for every value, and check each exists in both languages.
    #[test]
    fn generated_keys_exist_in_both_languages() {
        use crate::labels;
        use crate::link::{IndexId, Region, View};
        use engine::model::{Band, Confidence, Transparency};
        use engine::Aggregation;

        let mut keys: Vec<String> = Vec::new();
        keys.extend(Aggregation::ALL.map(labels::aggregation_key));
        keys.extend(Region::ALL.map(labels::region_key));
        keys.extend(crate::components::embed_dialog::generated_message_keys());
        keys.extend(View::ALL.map(|v| crate::views::view_title_key(v).to_string()));
        assert_eq!(keys.len(), 3 + 5 + 4 + 9);
        #[cfg(feature = "workbench")]
        keys.extend(crate::workbench::embed::generated_message_keys());
        for lang in Lang::ALL {
            let m = Messages::load(lang);
            let missing: Vec<&String> = keys.iter().filter(|k| !m.map.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang:?}: no message for {missing:?}");
            // The label functions choose a key by value; a missing one would echo the key.
            let mut labels: Vec<String> = Vec::new();
            labels.extend(Band::ALL.map(|b| labels::band(&m, b)));
            labels.extend(Transparency::ALL.map(|t| labels::transparency(&m, t)));
            labels.extend(
                [
                    Confidence::Primary,
                    Confidence::Secondary,
                    Confidence::Inferred,
                ]
                .map(|c| labels::confidence(&m, c)),
            );
            labels.extend([IndexId::Gti2025, IndexId::Csp].map(|i| labels::index_name(&m, i)));
            for text in labels {
                assert!(
                    m.map.values().any(|v| *v == text),
                    "{lang:?}: {text} is not a message"
                );
            }
        }
    }

    /// Modules compiled into the embed (without the `full` feature) use only common messages.
    #[test]
    fn the_embed_uses_only_common_messages() {
        let common = parse(EN_COMMON);
        let embed_files = [
            "embed/",
            "gti_table.rs",
            "csp_table.rs",
            "source_list.rs",
            "components/charts/",
            "link.rs",
            "views/map/",
            "captions.rs",
            "labels.rs",
            "derive.rs",
            "defaults.rs",
            "explorer.rs",
        ];
        let mut missing = std::collections::BTreeSet::new();
        for (path, src) in &sources() {
            if embed_files.iter().any(|f| path.contains(f)) {
                for key in used_keys(src) {
                    if !common.contains_key(&key) {
                        missing.insert(format!("{path}: {key}"));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "embed modules use app-only messages: {missing:?}"
        );
    }

    #[test]
    fn continuation_lines_comments_and_placeables() {
        let m = parse("# c\na = one\n  two\nb = x { $n } y\n");
        assert_eq!(m["a"], "one two");
        let msgs = Messages {
            lang: Lang::En,
            map: m,
        };
        assert_eq!(msgs.f("b", &[("n", "3")]), "x 3 y");
        assert_eq!(msgs.t("nope"), "nope");
    }

    #[test]
    fn numbers_follow_the_language() {
        let en = Messages::load(Lang::En);
        let ru = Messages::load(Lang::Ru);
        assert_eq!(en.num(-94.2, 2), "\u{2212}94.20");
        assert_eq!(ru.num(41.428, 1), "41,4");
        assert_eq!(en.signed(12.14, 2), "+12.14");
        assert_eq!(en.signed(-0.001, 2), "0.00");
        assert_eq!(en.num(7728.0, 0), "7,728");
        assert_eq!(en.num(300000.0, 0), "300,000");
        assert_eq!(ru.num(7728.0, 0), "7728");
        assert_eq!(ru.num(300000.0, 0), "300\u{a0}000");
        assert_eq!(en.num(-1234.5, 1), "\u{2212}1,234.5");
    }
}
