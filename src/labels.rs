//! Localised names for the engine's vocabulary: bands, ratings, confidence, countries, pillars.

use engine::data::Pillar;
use engine::model::{Band, Confidence, Transparency};
use engine::query::{IndexId, Lang};

use crate::i18n::Messages;

pub fn band(i18n: &Messages, b: Band) -> String {
    i18n.t(match b {
        Band::VeryHigh => "band-very-high",
        Band::High => "band-high",
        Band::Considerable => "band-considerable",
        Band::Moderate => "band-moderate",
        Band::Low => "band-low",
    })
}

pub fn transparency(i18n: &Messages, t: Transparency) -> String {
    i18n.t(match t {
        Transparency::Suppressive => "transparency-suppressive",
        Transparency::Concealed => "transparency-concealed",
        Transparency::Circumscribed => "transparency-circumscribed",
        Transparency::Accessible => "transparency-accessible",
        Transparency::Transparent => "transparency-transparent",
    })
}

pub fn confidence(i18n: &Messages, c: Confidence) -> String {
    i18n.t(match c {
        Confidence::Primary => "confidence-primary",
        Confidence::Secondary => "confidence-secondary",
        Confidence::Inferred => "confidence-inferred",
    })
}

pub fn index_name(i18n: &Messages, index: IndexId) -> String {
    i18n.t(match index {
        IndexId::Gti2025 => "index-gti",
        IndexId::Csp => "index-csp",
    })
}

/// A name in the active language.
pub fn localised<'a>(i18n: &Messages, en: &'a str, ru: &'a str) -> &'a str {
    match i18n.lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// An optional text in the active language, falling back to English.
pub fn localised_opt<'a>(
    i18n: &Messages,
    en: Option<&'a str>,
    ru: Option<&'a str>,
) -> Option<&'a str> {
    match i18n.lang {
        Lang::Ru => ru.or(en),
        Lang::En => en,
    }
}

/// A value's note in the active language (the English one where no translation is given).
pub fn note<'a>(i18n: &Messages, p: &'a engine::model::Provenance) -> Option<&'a str> {
    localised_opt(i18n, p.note.as_deref(), p.note_ru.as_deref())
}

pub fn pillar(i18n: &Messages, p: &Pillar) -> String {
    localised(i18n, &p.name_en, &p.name_ru).to_string()
}

/// Roman numerals for the seven pillars, as OMCT numbers them.
pub fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or("")
}
