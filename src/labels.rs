//! Localised names for the engine's vocabulary: bands, ratings, confidence, countries, pillars.

use engine::data::Pillar;
use engine::model::{Band, Confidence, Transparency};
use engine::Aggregation;

use crate::i18n::Messages;
use crate::link::{IndexId, Region};

/// A value a source reports, in words: a band's name if it names one, else as written.
pub fn reported(i18n: &Messages, value: &str) -> String {
    Band::parse(value).map_or_else(|| value.to_string(), |b| band(i18n, b))
}

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

/// The message key naming an aggregation rule: `agg-arithmetic`, ….
pub fn aggregation_key(a: Aggregation) -> String {
    format!("agg-{}", a.slug())
}

/// The message key naming a map region: `region-world`, ….
pub fn region_key(r: Region) -> String {
    format!("region-{}", r.slug())
}

/// A value's note in the active language (the English one where no translation is given).
pub fn note<'a>(i18n: &'a Messages, p: &'a engine::model::Provenance) -> Option<&'a str> {
    i18n.text_opt(p.note.as_deref())
}

pub fn pillar(i18n: &Messages, p: &Pillar) -> String {
    i18n.text(&p.name_en).to_string()
}

/// Roman numerals for the seven pillars, as OMCT numbers them.
pub fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        .get(n.wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The open slots of the published distribution in words, worst band first ("High: 3,
/// Considerable: 1, Moderate: 1"); bands without an open slot are left out.
pub fn open_slots(i18n: &Messages, slots: &engine::data::BandSlots) -> String {
    Band::ALL
        .iter()
        .zip(slots.open)
        .filter(|(_, n)| *n > 0)
        .map(|(b, n)| {
            i18n.f(
                "slot-item",
                &[("band", &band(i18n, *b)), ("count", &n.to_string())],
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Consecutive pillars as Roman numerals, runs joined with a dash: [1, 2, 3, 5] -> "I–III, V".
pub fn pillar_runs(pillars: &[usize]) -> String {
    let mut sorted = pillars.to_vec();
    engine::sort::sort(&mut sorted);
    sorted.dedup();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for p in sorted {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == p => *end = p,
            _ => runs.push((p, p)),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                roman(a).to_string()
            } else {
                format!("{}–{}", roman(a), roman(b))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pillar_runs_compress_consecutive_numerals() {
        assert_eq!(pillar_runs(&[1, 2, 3, 4, 5, 6, 7]), "I–VII");
        assert_eq!(pillar_runs(&[5, 1, 2, 3]), "I–III, V");
        assert_eq!(pillar_runs(&[4]), "IV");
        assert_eq!(pillar_runs(&[]), "");
    }
}
