//! The i18n layer: every user-facing string comes from a message file, written in a small
//! subset of Project Fluent's syntax; the data's own texts (notes, names, units) from a
//! catalog; country names from CLDR. One folder per language, `i18n/<lang>/`:
//!
//! - `common.ftl` (what the embed needs too), `app.ftl` (the rest of the explorer),
//!   `workbench.ftl` (the workbench);
//! - `data.csv`: `en,context,text`, the data's English text (and, where grammar depends on
//!   it, the factsheet line) → its translation;
//! - `countries.csv`: `iso3,name`, written from CLDR by `scripts/country-names.mjs`.
//!
//! ```text
//! # comment
//! key = Text with a { $placeable }
//!     and a continuation line
//! count = { $n ->
//!     [one] { $n } country
//!    *[other] { $n } countries
//! }
//! ```
//!
//! A select chooses its variant by the CLDR plural category of the number (or an exact
//! match such as `[0]`), `*` marking the default. English is compiled in; another language
//! is fetched from the page's host when chosen ([`load`]), its missing messages falling back
//! to English. Tests check that every language defines exactly the same keys and placeables.

use std::collections::HashMap;
use std::rc::Rc;

pub use crate::link::Lang;
use engine::composite::LocalText;

pub mod load;
pub mod plural;

const EN_COMMON: &str = include_str!("../../i18n/en/common.ftl");
#[cfg(feature = "full")]
const EN_APP: &str = include_str!("../../i18n/en/app.ftl");
#[cfg(feature = "workbench")]
const EN_WORKBENCH: &str = include_str!("../../i18n/en/workbench.ftl");

/// The files of a language this build reads, in `i18n/<lang>/`.
pub fn files() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut out = vec!["common.ftl"];
    #[cfg(feature = "full")]
    out.push("app.ftl");
    #[cfg(feature = "workbench")]
    out.push("workbench.ftl");
    out.extend(["data.csv", "countries.csv"]);
    out
}

/// The messages of one language. `Eq`, so that comparing two handles (`Rc`) is a pointer
/// comparison first: properties carrying the messages compare in no time.
#[derive(Debug, PartialEq, Eq)]
pub struct Messages {
    pub lang: Lang,
    map: HashMap<String, String>,
    /// The data's texts: English → its translations, by context (`""` for any).
    data: HashMap<String, Vec<(String, String)>>,
    /// Country names by ISO 3166-1 alpha-3 code.
    countries: HashMap<String, String>,
}

/// Shared handle passed through a context.
pub type I18n = Rc<Messages>;

impl Messages {
    /// English, compiled in.
    pub fn english() -> Messages {
        #[allow(unused_mut)]
        let mut map = parse(EN_COMMON);
        #[cfg(feature = "full")]
        map.extend(parse(EN_APP));
        #[cfg(feature = "workbench")]
        map.extend(parse(EN_WORKBENCH));
        Messages {
            lang: Lang::En,
            map,
            data: HashMap::new(),
            countries: HashMap::new(),
        }
    }

    /// A language from its files (name, text), as [`files`] names them: messages missing
    /// from them fall back to English. An error names the file and what is wrong with it.
    pub fn from_files(lang: Lang, files: &[(&str, &str)]) -> Result<Messages, String> {
        let mut m = Messages::english();
        m.lang = lang;
        for (name, text) in files {
            let file = format!("i18n/{}/{name}", lang.slug());
            if name.ends_with(".ftl") {
                let parsed = parse(text);
                if parsed.is_empty() {
                    return Err(format!("{file}: no messages in the file"));
                }
                m.map.extend(parsed);
            } else if *name == "data.csv" {
                m.data.clear();
                for row in read_catalog(&file, text, &["en", "context", "text"])? {
                    let [en, context, text]: [String; 3] = row.try_into().unwrap_or_default();
                    m.data.entry(en).or_default().push((context, text));
                }
            } else if *name == "countries.csv" {
                m.countries = read_catalog(&file, text, &["iso3", "name"])?
                    .into_iter()
                    .map(|r| (r[0].clone(), r[1].clone()))
                    .collect();
            }
        }
        Ok(m)
    }

    /// English, or (in tests, where every language's files are compiled in) any language.
    /// The app fetches the others: [`load::use_messages`].
    pub fn load(lang: Lang) -> Messages {
        #[cfg(test)]
        if lang != Lang::En {
            return tests::bundled(lang);
        }
        let _ = lang;
        Messages::english()
    }

    /// The message for `key`; the key itself if missing, so a gap is visible, never a crash.
    pub fn t(&self, key: &str) -> String {
        match self.map.get(key) {
            Some(text) if text.contains(" ->") => self.f(key, &[]),
            Some(text) => text.clone(),
            None => key.to_string(),
        }
    }

    /// The message for `key` with its `{ $name }` placeables filled in, and its selects
    /// resolved by the plural category of their number.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let Some(text) = self.map.get(key) else {
            return key.to_string();
        };
        let mut text = self.select(text, args);
        for (name, value) in args {
            text = text.replace(&format!("{{ ${name} }}"), value);
        }
        text
    }

    /// A count in a message: the number formatted in the language's style, the variant
    /// chosen by its plural category ("1 страна", "3 страны", "5 стран").
    pub fn count(&self, key: &str, name: &str, n: usize) -> String {
        self.f(key, &[(name, &self.num(n as f64, 0))])
    }

    /// The data's `text` (English) in this language; itself where no translation exists.
    pub fn text<'a>(&'a self, text: &'a str) -> &'a str {
        self.text_in(text, "")
    }

    /// As [`Messages::text`], preferring the translation made for `context` (a factsheet
    /// line's id, where grammar depends on it).
    pub fn text_in<'a>(&'a self, text: &'a str, context: &str) -> &'a str {
        let Some(translations) = self.data.get(text.trim()) else {
            return text;
        };
        let made_for = |c: &str| translations.iter().find(|(x, _)| x == c);
        made_for(context)
            .or_else(|| made_for(""))
            .map_or(text, |(_, t)| t.as_str())
    }

    /// An optional data text in this language.
    pub fn text_opt<'a>(&'a self, text: Option<&'a str>) -> Option<&'a str> {
        text.map(|t| self.text(t))
    }

    /// A text that carries its own languages (an imported index's `name_es`), else the
    /// catalog's translation of its English, else the English.
    pub fn local(&self, text: &LocalText) -> String {
        match text.0.get(self.lang.slug()) {
            Some(own) => own.clone(),
            None => self.text(text.get("en")).to_string(),
        }
    }

    /// A unit's name: its own in this language (an imported file's `name_es`), else the
    /// country's (CLDR) where its code is one, else the catalog's translation, else English.
    pub fn unit(&self, unit: &engine::composite::Unit) -> String {
        match unit.name.0.get(self.lang.slug()) {
            Some(own) => own.clone(),
            None => match self.countries.get(&unit.code) {
                Some(name) => name.clone(),
                None => self.text(unit.name.get("en")).to_string(),
            },
        }
    }

    /// A country's name in this language (CLDR), `english` where none is known.
    pub fn country<'a>(&'a self, iso3: &str, english: &'a str) -> &'a str {
        self.countries.get(iso3).map_or(english, String::as_str)
    }

    /// Chooses each select's variant (`{ $n -> [one] … *[other] … }`).
    fn select(&self, text: &str, args: &[(&str, &str)]) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("{ $") {
            let after = &rest[start + 3..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            let Some(body) = after[name_len..].strip_prefix(" ->") else {
                out.push_str(&rest[..start + 3]);
                rest = after;
                continue;
            };
            let mut depth = 1;
            let mut end = None;
            for (i, c) in body.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(end) = end else {
                break;
            };
            out.push_str(&rest[..start]);
            let value = args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
            out.push_str(self.variant(&body[..end], value).trim());
            rest = &body[end + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The variant of a select's body for `value`: an exact numeric key, else the value's
    /// plural category, else the default (`*`).
    fn variant<'a>(&self, body: &'a str, value: Option<&str>) -> &'a str {
        let variants = variants(body);
        let operand = value.and_then(|v| self.operand(v));
        let exact = operand.and_then(|(n, _)| {
            variants
                .iter()
                .find(|(key, _, _)| key.parse::<f64>().ok() == Some(n))
        });
        let by_category = operand.and_then(|(n, decimals)| {
            let category = plural::category(self.lang, n, decimals);
            variants.iter().find(|(key, _, _)| *key == category)
        });
        exact
            .or(by_category)
            .or_else(|| variants.iter().find(|(_, default, _)| *default))
            .map_or("", |(_, _, text)| text)
    }

    /// A number as this language writes it ("1 234,5") → its value and visible decimals.
    fn operand(&self, text: &str) -> Option<(f64, usize)> {
        let point = self.decimal_point();
        let mut digits = String::new();
        let mut decimals = None;
        for c in text.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                if let Some(d) = decimals.as_mut() {
                    *d += 1;
                }
            } else if c.to_string() == point && decimals.is_none() {
                digits.push('.');
                decimals = Some(0);
            }
        }
        digits.parse().ok().map(|n| (n, decimals.unwrap_or(0)))
    }

    fn decimal_point(&self) -> &'static str {
        match self.lang {
            Lang::En | Lang::Ar => ".",
            Lang::Ru | Lang::Es | Lang::Fr => ",",
        }
    }

    /// A number in the language's style (CLDR's): digit groups (1,125 / 1 125 / 1.125), a
    /// decimal comma in Russian, Spanish and French, Western digits in Arabic (as CLDR's `ar`
    /// has them), a true minus sign. Never used for CSV data columns.
    pub fn num(&self, x: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, x.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let (group, min_group) = match self.lang {
            Lang::En | Lang::Ar => (",", 4),
            // Four-digit numbers stay ungrouped in Russian and Spanish typography.
            Lang::Ru => ("\u{a0}", 5),
            Lang::Es => (".", 5),
            Lang::Fr => ("\u{202f}", 4),
        };
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if int.len() >= min_group && i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(c);
        }
        let text = if frac.is_empty() {
            grouped
        } else {
            format!("{grouped}{}{frac}", self.decimal_point())
        };
        if x < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            format!("{}\u{2212}{text}", self.sign_mark())
        } else {
            text
        }
    }

    /// A signed change: "+12.14", "−15.87".
    pub fn signed(&self, x: f64, decimals: usize) -> String {
        let text = self.num(x, decimals);
        if x > 0.0 {
            format!("{}+{text}", self.sign_mark())
        } else {
            text
        }
    }

    /// Arabic keeps a sign before its number in right-to-left text with a left-to-right
    /// mark, as CLDR's `ar` number formats do.
    fn sign_mark(&self) -> &'static str {
        if self.lang == Lang::Ar {
            "\u{200e}"
        } else {
            ""
        }
    }
}

/// A select's variants: (key, is default, text).
fn variants(body: &str) -> Vec<(&str, bool, &str)> {
    let mut out: Vec<(&str, bool, &str)> = Vec::new();
    let mut depth = 0;
    let mut starts: Vec<(usize, usize, usize, bool)> = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            b'[' if depth == 0 => {
                let default = i > 0 && bytes[i - 1] == b'*';
                if let Some(close) = body[i..].find(']') {
                    starts.push((if default { i - 1 } else { i }, i + 1, i + close, default));
                    i += close;
                }
            }
            _ => {}
        }
        i += 1;
    }
    for (n, &(_, key_start, key_end, default)) in starts.iter().enumerate() {
        let text_end = starts.get(n + 1).map_or(body.len(), |s| s.0);
        out.push((
            &body[key_start..key_end],
            default,
            &body[key_end + 1..text_end],
        ));
    }
    out
}

/// A catalog's rows, checked to have `columns` (in any order) and no empty first column.
fn read_catalog(file: &str, text: &str, columns: &[&str]) -> Result<Vec<Vec<String>>, String> {
    let (table, errors) = engine::csv::Table::parse(file, text);
    if let Some(e) = errors.first() {
        return Err(e.to_string());
    }
    let at: Vec<usize> = columns
        .iter()
        .map(|c| {
            table
                .column(c)
                .ok_or_else(|| format!("{file}: no column “{c}”"))
        })
        .collect::<Result<_, _>>()?;
    Ok(table
        .records()
        .map(|r| at.iter().map(|&i| r.at(i).to_string()).collect::<Vec<_>>())
        .filter(|r| !r[0].is_empty())
        .collect())
}

/// Parses the Fluent subset into a key → text map.
pub fn parse(text: &str) -> HashMap<String, String> {
    let mut map = HashMap::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if (line.starts_with(' ') || line.starts_with('}')) && !line.trim().is_empty() {
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

    /// Every language's files, compiled into the tests: (language, file, text).
    macro_rules! language_files {
        ($($lang:literal),*) => {
            &[$(
                ($lang, "common.ftl", include_str!(concat!("../../i18n/", $lang, "/common.ftl"))),
                ($lang, "app.ftl", include_str!(concat!("../../i18n/", $lang, "/app.ftl"))),
                ($lang, "workbench.ftl", include_str!(concat!("../../i18n/", $lang, "/workbench.ftl"))),
                ($lang, "data.csv", include_str!(concat!("../../i18n/", $lang, "/data.csv"))),
                ($lang, "countries.csv", include_str!(concat!("../../i18n/", $lang, "/countries.csv"))),
            )*]
        };
    }
    pub(super) const FILES: &[(&str, &str, &str)] = language_files!("ru", "es", "fr", "ar");

    fn file(lang: Lang, name: &str) -> &'static str {
        FILES
            .iter()
            .find(|(l, n, _)| *l == lang.slug() && *n == name)
            .map_or("", |(_, _, text)| text)
    }

    /// A language as the app would have it after fetching this build's files.
    pub(super) fn bundled(lang: Lang) -> Messages {
        let names = files();
        let texts: Vec<(&str, &str)> = names.iter().map(|n| (*n, file(lang, n))).collect();
        Messages::from_files(lang, &texts).expect("the language's files read")
    }

    /// The names of a message's placeables and selectors.
    fn placeables(text: &str) -> BTreeSet<String> {
        text.split("{ $")
            .skip(1)
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect()
            })
            .collect()
    }

    fn same_keys(lang: Lang, en: &HashMap<String, String>, other: &HashMap<String, String>) {
        let en_keys: BTreeSet<_> = en.keys().collect();
        let other_keys: BTreeSet<_> = other.keys().collect();
        let missing: Vec<_> = en_keys.difference(&other_keys).collect();
        let extra: Vec<_> = other_keys.difference(&en_keys).collect();
        assert!(missing.is_empty(), "missing in {lang:?}: {missing:?}");
        assert!(extra.is_empty(), "in {lang:?}, not in English: {extra:?}");
        for (k, v) in en {
            assert!(!v.is_empty() && !other[k].is_empty(), "empty message {k}");
            assert_eq!(
                placeables(v),
                placeables(&other[k]),
                "{lang:?}: placeables differ in {k}"
            );
        }
    }

    #[test]
    fn every_language_has_the_same_keys_and_placeables() {
        let english = [
            ("common.ftl", EN_COMMON),
            ("app.ftl", EN_APP),
            ("workbench.ftl", include_str!("../../i18n/en/workbench.ftl")),
        ];
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            for (name, en) in english {
                same_keys(lang, &parse(en), &parse(file(lang, name)));
            }
        }
        #[cfg(feature = "workbench")]
        {
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

    /// Every select has a default, and only the categories its language has.
    #[test]
    fn selects_use_their_languages_plural_categories() {
        for lang in Lang::ALL {
            let texts: Vec<&str> = if lang == Lang::En {
                vec![
                    EN_COMMON,
                    EN_APP,
                    include_str!("../../i18n/en/workbench.ftl"),
                ]
            } else {
                ["common.ftl", "app.ftl", "workbench.ftl"]
                    .iter()
                    .map(|n| file(lang, n))
                    .collect()
            };
            for text in texts {
                for (key, message) in parse(text) {
                    let Some(at) = message.find(" ->") else {
                        continue;
                    };
                    let body = &message[at + 3..];
                    let vs = variants(body);
                    assert!(
                        vs.iter().filter(|v| v.1).count() == 1,
                        "{lang:?} {key}: one default"
                    );
                    for (k, _, _) in vs {
                        assert!(
                            k.parse::<f64>().is_ok() || plural::categories(lang).contains(&k),
                            "{lang:?} {key}: [{k}] is not a category of the language"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn selects_choose_by_plural_category() {
        let mut m = Messages::english();
        m.map.insert(
            "n".into(),
            "{ $n -> [0] none [one] { $n } country *[other] { $n } countries }".into(),
        );
        assert_eq!(m.f("n", &[("n", "1")]), "1 country");
        assert_eq!(m.f("n", &[("n", "1,234")]), "1,234 countries");
        assert_eq!(m.f("n", &[("n", "0")]), "none");
        assert_eq!(m.t("n"), "{ $n } countries");
        let ru = bundled(Lang::Ru);
        let ar = bundled(Lang::Ar);
        let sources = |m: &Messages, n: usize| {
            m.f(
                "sources-summary",
                &[("count", &m.num(n as f64, 0)), ("confidence", "x")],
            )
        };
        assert_eq!(sources(&ru, 1), "1 источник · x");
        assert_eq!(sources(&ru, 3), "3 источника · x");
        assert_eq!(sources(&ru, 5), "5 источников · x");
        assert_eq!(sources(&ru, 21), "21 источник · x");
        assert_eq!(sources(&Messages::english(), 1), "1 source · x");
        assert_eq!(sources(&bundled(Lang::Fr), 0), "0 source · x");
        assert_eq!(sources(&ar, 2), "مصدران · x");
        assert_ne!(sources(&ar, 3), sources(&ar, 11));
        assert_ne!(sources(&ar, 11), sources(&ar, 100));
        assert_eq!(
            ru.count("path-more", "n", 2),
            "И ещё 2 сочетания того же размера."
        );
    }

    /// Every text of the bundled data and of the open indicators has a translation in every
    /// language's catalog, and every catalog row is still used.
    #[test]
    fn every_data_text_has_a_translation_in_every_language() {
        let (bundle, _) = engine::Bundle::bundled();
        let mut texts = bundle.texts();
        texts.extend(open_indicators().texts());
        texts.sort();
        texts.dedup();
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let m = bundled(lang);
            let rows: Vec<(String, String)> = m
                .data
                .iter()
                .flat_map(|(en, ts)| ts.iter().map(move |(c, _)| (en.clone(), c.clone())))
                .collect();
            let missing: Vec<_> = texts.iter().filter(|k| !rows.contains(k)).collect();
            assert!(
                missing.is_empty(),
                "{lang:?}: no translation for {missing:#?}"
            );
            let unused: Vec<_> = rows.iter().filter(|k| !texts.contains(k)).collect();
            assert!(
                unused.is_empty(),
                "{lang:?}: catalog rows no text uses: {unused:#?}"
            );
        }
    }

    fn open_indicators() -> engine::composite::Index {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/open-indicators");
        let names = ["index.csv", "framework.csv", "countries.csv", "values.csv"];
        let texts: Vec<String> = names
            .iter()
            .map(|n| std::fs::read_to_string(dir.join(n)).unwrap_or_default())
            .collect();
        let folder = engine::composite::IndexFolder {
            path: "data/open-indicators",
            files: names
                .iter()
                .copied()
                .zip(texts.iter().map(String::as_str))
                .collect(),
        };
        let files = engine::Files::bundled();
        let (schemes, _) =
            engine::composite::definition::parse_band_schemes("bands.csv", files.bands);
        let (bundle, _) = engine::Bundle::bundled();
        let sources = bundle.sources.iter().map(|s| s.id.clone()).collect();
        let (index, errors) = engine::composite::IndexDefinition::load(&folder, &schemes, &sources);
        assert!(errors.is_empty(), "{errors:?}");
        index.expect("the open indicators load")
    }

    /// Every country of every index has a name in every language.
    #[test]
    fn every_country_has_a_name_in_every_language() {
        let (bundle, _) = engine::Bundle::bundled();
        let mut codes: BTreeSet<String> = bundle.country_codes().into_iter().collect();
        codes.extend(
            open_indicators()
                .data
                .dataset
                .units
                .iter()
                .map(|u| u.code.clone()),
        );
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let m = bundled(lang);
            let missing: Vec<_> = codes
                .iter()
                .filter(|c| !m.countries.contains_key(*c))
                .collect();
            assert!(missing.is_empty(), "{lang:?}: no name for {missing:?}");
        }
        let ru = bundled(Lang::Ru);
        assert_eq!(ru.country("KGZ", "Kyrgyzstan"), "Кыргызстан");
        assert_eq!(bundled(Lang::Es).country("MEX", "Mexico"), "México");
        assert_eq!(Messages::english().country("MEX", "Mexico"), "Mexico");
    }

    /// The embed loader names its frame in the widget's language when the partner gives no
    /// title: its table is each language's `app-title`.
    #[test]
    fn the_loaders_default_titles_are_each_languages_app_title() {
        let loader = include_str!("../../static/embed.js");
        for lang in Lang::ALL {
            let title = Messages::load(lang).t("app-title");
            assert!(
                loader.contains(&format!("{}: '{title}'", lang.slug())),
                "{lang:?}: {title}"
            );
        }
    }

    #[test]
    fn a_broken_catalog_is_named_and_a_missing_message_falls_back_to_english() {
        let err = Messages::from_files(Lang::Es, &[("data.csv", "en,text\nx,y\n")])
            .err()
            .unwrap_or_default();
        assert!(
            err.contains("i18n/es/data.csv") && err.contains("context"),
            "{err}"
        );
        let err = Messages::from_files(Lang::Es, &[("common.ftl", "")])
            .err()
            .unwrap_or_default();
        assert!(err.contains("i18n/es/common.ftl"), "{err}");
        let m = Messages::from_files(Lang::Es, &[("common.ftl", "year = Año\n")]).expect("read");
        assert_eq!(m.t("year"), "Año");
        assert_eq!(m.t("app-title"), "Torture Index Explorer");
        assert_eq!(m.text("Low"), "Low");
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
        // What each index's shape names by key (its score, a missing figure, its captions).
        let data = crate::data::AppData::load();
        for (index, shape) in crate::standings::every_shape(&data) {
            keys.extend(shape.message_keys().into_iter().map(String::from));
            // And its trend's, where it has periods.
            let trend = crate::standings::trend_of(&data, index);
            keys.extend(
                trend
                    .iter()
                    .flat_map(|t| t.message_keys().map(String::from)),
            );
        }
        #[cfg(feature = "workbench")]
        keys.extend(crate::workbench::embed::generated_message_keys());
        for lang in Lang::ALL {
            let m = Messages::load(lang);
            let own = if lang == Lang::En {
                m.map.clone()
            } else {
                ["common.ftl", "app.ftl", "workbench.ftl"]
                    .iter()
                    .flat_map(|n| parse(file(lang, n)))
                    .collect()
            };
            let missing: Vec<&String> = keys.iter().filter(|k| !own.contains_key(*k)).collect();
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
            labels.extend(IndexId::ALL.map(|i| labels::index_name(&m, i)));
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
            "standings/mod.rs",
            "standings/table.rs",
            "standings/record.rs",
            "ranking_table.rs",
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
        // The keys each index's shape names for the widget's map and table.
        let data = crate::data::AppData::load();
        for (index, shape) in crate::standings::every_shape(&data) {
            let trend = crate::standings::trend_of(&data, index);
            // The widget's trend shows its title, its line chart's caption and a unit's.
            let trend_keys = trend
                .iter()
                .flat_map(|t| t.message_keys().into_iter().take(3));
            for key in shape.widget_message_keys().into_iter().chain(trend_keys) {
                if !common.contains_key(key) {
                    missing.insert(format!("{index:?}'s shape: {key}"));
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
            data: HashMap::new(),
            countries: HashMap::new(),
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
        // As Intl.NumberFormat (CLDR) writes them, with a true minus sign.
        let es = Messages::load(Lang::Es);
        let fr = Messages::load(Lang::Fr);
        let ar = Messages::load(Lang::Ar);
        assert_eq!(es.num(1234.5, 1), "1234,5");
        assert_eq!(es.num(12345.25, 2), "12.345,25");
        assert_eq!(fr.num(1234.5, 1), "1\u{202f}234,5");
        assert_eq!(ar.num(12345.25, 2), "12,345.25");
        assert_eq!(ar.num(-1.5, 1), "\u{200e}\u{2212}1.5");
        assert_eq!(ar.signed(12.0, 0), "\u{200e}+12");
    }
}
