//! What a unit's record rates beyond its score, for the explorer's views that set units side
//! by side (the comparison): read per index, like the evidence behind a table's row.

use engine::model::{Band, Provenance};

use crate::data::AppData;
use crate::i18n::Messages;
use crate::labels::roman;
use crate::link::IndexId;

/// What a unit's record rates beyond its score, for views that set units side by side: each
/// component's band, in the shape's order, and the other ratings the record carries (each
/// named, with its value in the chosen language, if the record has one).
pub struct Record {
    /// Whether the index covers the unit; if not, there are no values.
    pub member: bool,
    pub components: Vec<Option<Band>>,
    pub ratings: Vec<(String, Option<String>)>,
    /// Where each value of the record comes from, named (membership, published band, each
    /// component, each rating, each period's total), for a list of sources.
    pub sources: Vec<(String, Provenance)>,
}

/// The record of `iso3` in `index` (the GTI's pillar bands and transparency rating; the CSP
/// Index rates nothing beyond its totals), its sources those of `period` only where one is
/// given (an index with periods).
pub fn record(
    i18n: &Messages,
    data: &AppData,
    index: IndexId,
    iso3: &str,
    period: Option<u16>,
) -> Record {
    match index {
        IndexId::Gti2025 => {
            let gti = &data.bundle.gti;
            let member = gti.country(iso3);
            let mut sources = Vec::new();
            if let Some(c) = member {
                sources.push((i18n.t("value-membership"), c.provenance.clone()));
                if let Some(a) = &c.overall {
                    sources.push((i18n.t("value-official-band"), a.provenance.clone()));
                }
                for (i, b) in c.pillars.iter().enumerate() {
                    if let Some(b) = b {
                        let what = format!("{} {}", i18n.t("value-pillar"), roman(i + 1));
                        sources.push((what, b.provenance.clone()));
                    }
                }
                if let Some(t) = &c.transparency {
                    sources.push((i18n.t("value-transparency"), t.provenance.clone()));
                }
            }
            Record {
                member: member.is_some(),
                components: (0..gti.pillars.len())
                    .map(|i| Some(member?.pillars.get(i)?.as_ref()?.value))
                    .collect(),
                ratings: vec![(
                    i18n.t("value-transparency"),
                    member
                        .and_then(|c| c.transparency.as_ref())
                        .map(|t| crate::labels::transparency(i18n, t.value)),
                )],
                sources,
            }
        }
        IndexId::Csp => {
            let csp = &data.bundle.csp;
            let sources = csp
                .values
                .iter()
                .filter(|v| v.iso3 == iso3 && period.is_none_or(|p| p == v.year))
                .map(|v| {
                    let what = i18n.f("value-csp-total", &[("year", &v.year.to_string())]);
                    (what, v.provenance.clone())
                })
                .collect();
            Record {
                member: csp.country(iso3).is_some(),
                components: Vec::new(),
                ratings: Vec::new(),
                sources,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_rates_each_component_of_the_shape_and_says_when_the_index_does_not_cover_a_unit() {
        use crate::i18n::Lang;
        let data = AppData::load();
        let en = Messages::load(Lang::En);
        let gti = &data.bundle.gti;
        let kgz = record(&en, &data, IndexId::Gti2025, "KGZ", None);
        let member = gti.country("KGZ").expect("a member");
        assert!(kgz.member);
        // One band per component the shape names, as the record holds them.
        let shape = crate::standings::shape_of(&data, IndexId::Gti2025, 2025);
        assert_eq!(kgz.components.len(), shape.components.len());
        let bands: Vec<Option<Band>> = member
            .pillars
            .iter()
            .map(|p| p.as_ref().map(|b| b.value))
            .collect();
        assert_eq!(kgz.components, bands);
        assert!(kgz.components.iter().all(Option::is_some));
        assert_eq!(kgz.ratings.len(), 1);
        assert_eq!(kgz.ratings[0].0, en.t("value-transparency"));
        assert_eq!(
            kgz.ratings[0].1,
            member
                .transparency
                .as_ref()
                .map(|t| crate::labels::transparency(&en, t.value))
        );
        // Where each value comes from, named: membership, the published band, each pillar's
        // band, transparency.
        let mut expected = vec![(en.t("value-membership"), member.provenance.clone())];
        expected.extend(
            member
                .overall
                .iter()
                .map(|a| (en.t("value-official-band"), a.provenance.clone())),
        );
        for (i, b) in member.pillars.iter().enumerate() {
            let b = b.as_ref().expect("Kyrgyzstan has every pillar");
            expected.push((format!("Pillar {}", roman(i + 1)), b.provenance.clone()));
        }
        expected.extend(
            member
                .transparency
                .iter()
                .map(|t| (en.t("value-transparency"), t.provenance.clone())),
        );
        assert_eq!(kgz.sources, expected);
        assert!(kgz.sources.iter().all(|(_, p)| !p.sources.is_empty()));
        // Armenia is in the CSP Index only: no values, and the words for it.
        let arm = record(&en, &data, IndexId::Gti2025, "ARM", None);
        assert!(!arm.member && gti.country("ARM").is_none());
        assert!(arm.components.iter().all(Option::is_none));
        assert!(arm.ratings.iter().all(|(_, v)| v.is_none()));
        // The CSP Index rates nothing beyond its totals.
        let csp = record(&en, &data, IndexId::Csp, "ARM", None);
        assert!(csp.member && csp.components.is_empty() && csp.ratings.is_empty());
        assert!(arm.sources.is_empty());
        // Its sources: each year's total, named by its year.
        let years: Vec<&Provenance> = data
            .bundle
            .csp
            .values
            .iter()
            .filter(|v| v.iso3 == "ARM")
            .map(|v| &v.provenance)
            .collect();
        assert!(years.len() >= 2);
        assert_eq!(csp.sources.len(), years.len());
        assert!(csp.sources.iter().any(|(what, _)| what == "Total 2024"));
        assert!(csp.sources.iter().zip(&years).all(|((_, p), q)| p == *q));
        // One period's: its total only.
        let y2024 = record(&en, &data, IndexId::Csp, "ARM", Some(2024));
        assert_eq!(y2024.sources.len(), 1);
        assert_eq!(y2024.sources[0].0, "Total 2024");
        assert_eq!(
            Some(&y2024.sources[0].1),
            data.bundle.csp.value("ARM", 2024).map(|v| &v.provenance)
        );
    }
}
