//! What a profile says of a unit's record beyond its values ([`super::Record`]): where each
//! value comes from, what other sources report that differs, figures a source gives that the
//! explorer does not use, and what the published distribution leaves open where no source
//! gives the unit's band. Read per index, like the record.

use engine::data::{Fact, Recommendation};
use engine::model::Provenance;

use crate::data::AppData;
use crate::i18n::Messages;
use crate::labels;
use crate::link::IndexId;

/// The sources and caveats of a unit's record, for its profile.
#[derive(Default)]
pub struct Detail {
    /// Where the published band comes from.
    pub official: Option<Provenance>,
    /// Where each component's value comes from, in the shape's order (none without a value).
    pub components: Vec<Option<Provenance>>,
    /// Where each of the record's other ratings comes from, in the record's order.
    pub ratings: Vec<Option<Provenance>>,
    /// Values other sources give that differ from those the explorer uses: the component
    /// they concern (none: the published band), the value in the chosen language, and where
    /// it comes from.
    pub alternatives: Vec<(Option<usize>, String, Provenance)>,
    /// Figures a source gives that the explorer does not use, in words, with their source.
    pub unused: Vec<(String, Provenance)>,
    /// Where no source gives the unit's published band: what the published distribution of
    /// bands leaves open for it, in words.
    pub open: Option<String>,
}

/// The detail of `iso3`'s record in `index` (the GTI's; the CSP Index's totals carry their
/// sources in its standings' rows, and it has nothing more).
pub fn detail(i18n: &Messages, data: &AppData, index: IndexId, iso3: &str) -> Detail {
    match index {
        IndexId::Gti2025 => {
            let gti = &data.bundle.gti;
            let Some(c) = gti.country(iso3) else {
                return Detail::default();
            };
            let open = match (&c.overall, gti.band_slots()) {
                (None, Some(slots)) if slots.open_total() > 0 => Some(i18n.f(
                    "profile-slots",
                    &[("slots", &labels::open_slots(i18n, &slots))],
                )),
                _ => None,
            };
            Detail {
                official: c.overall.as_ref().map(|a| a.provenance.clone()),
                components: c
                    .pillars
                    .iter()
                    .map(|b| b.as_ref().map(|b| b.provenance.clone()))
                    .collect(),
                ratings: vec![c.transparency.as_ref().map(|t| t.provenance.clone())],
                alternatives: c
                    .alternatives
                    .iter()
                    .map(|a| {
                        let pillar = gti.pillars.iter().position(|p| p.id == a.measure);
                        (
                            pillar,
                            labels::reported(i18n, &a.value),
                            a.provenance.clone(),
                        )
                    })
                    .collect(),
                unused: c
                    .reported_score
                    .iter()
                    .map(|r| {
                        let text = i18n.f("reported-score", &[("score", &i18n.num(r.value, 0))]);
                        (text, r.provenance.clone())
                    })
                    .collect(),
                open,
            }
        }
        IndexId::Csp => Detail::default(),
    }
}

/// A unit's factsheet in an index that publishes them: its general information and key
/// figures, and its recommendations in their order.
pub struct Factsheet<'a> {
    pub facts: Vec<&'a Fact>,
    pub recommendations: Vec<&'a Recommendation>,
}

/// The factsheet of `iso3` in `index`, if the index covers the unit and publishes factsheets
/// (the GTI does, even where a member's holds nothing yet; the CSP Index does not).
pub fn factsheet<'a>(data: &'a AppData, index: IndexId, iso3: &str) -> Option<Factsheet<'a>> {
    match index {
        IndexId::Gti2025 => {
            let gti = &data.bundle.gti;
            gti.country(iso3)?;
            let mut recommendations: Vec<_> = gti
                .recommendations
                .iter()
                .filter(|r| r.iso3 == iso3)
                .collect();
            engine::sort::sort_by_key(&mut recommendations, |r| r.n);
            Some(Factsheet {
                facts: gti.facts.iter().filter(|f| f.iso3 == iso3).collect(),
                recommendations,
            })
        }
        IndexId::Csp => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_detail_names_where_each_value_comes_from_and_what_other_sources_say() {
        let data = AppData::load();
        let en = Messages::load(Lang::En);
        let gti = &data.bundle.gti;
        let record = crate::standings::record(&en, &data, IndexId::Gti2025, "KGZ", None);
        let kgz = detail(&en, &data, IndexId::Gti2025, "KGZ");
        let member = gti.country("KGZ").expect("a member");
        // One provenance per component and per rating, as the record holds the values.
        assert_eq!(kgz.components.len(), record.components.len());
        assert_eq!(kgz.ratings.len(), record.ratings.len());
        for (p, b) in kgz.components.iter().zip(&member.pillars) {
            assert_eq!(p.as_ref(), b.as_ref().map(|b| &b.provenance));
        }
        assert_eq!(
            kgz.official.as_ref(),
            member.overall.as_ref().map(|a| &a.provenance)
        );
        assert!(kgz.open.is_none(), "Kyrgyzstan's band is published");
        // India: an outlet disagrees on each pillar, none on the overall band.
        let ind = detail(&en, &data, IndexId::Gti2025, "IND");
        assert!(ind.alternatives.iter().all(|(c, _, _)| c.is_some()));
        let kashmir: Vec<_> = ind
            .alternatives
            .iter()
            .filter(|(_, v, _)| v == "Very high")
            .map(|(c, _, _)| c.expect("a pillar"))
            .collect();
        assert_eq!(kashmir, (0..7).collect::<Vec<_>>());
        // Mexico: another report on the overall band.
        let mex = detail(&en, &data, IndexId::Gti2025, "MEX");
        assert!(mex.alternatives.iter().any(|(c, _, _)| c.is_none()));
        // The Philippines: no band in any source, the open slots said.
        let phl = detail(&en, &data, IndexId::Gti2025, "PHL");
        assert!(phl.official.is_none());
        let open = phl.open.expect("open slots");
        assert!(
            open.contains("High: 3, Considerable: 1, Moderate: 1"),
            "{open}"
        );
        // A partner's score is named as not used, with its source.
        let reported: Vec<_> = gti
            .countries
            .iter()
            .filter(|c| c.reported_score.is_some())
            .collect();
        assert!(!reported.is_empty(), "Togo's partner score");
        for c in reported {
            let d = detail(&en, &data, IndexId::Gti2025, &c.iso3);
            assert_eq!(d.unused.len(), 1);
            assert!(
                d.unused[0].0.contains("does not use it"),
                "{}",
                d.unused[0].0
            );
        }
        // Outside the GTI, and in the CSP Index: nothing more.
        let arm = detail(&en, &data, IndexId::Gti2025, "ARM");
        assert!(arm.official.is_none() && arm.components.is_empty() && arm.open.is_none());
        let csp = detail(&en, &data, IndexId::Csp, "KGZ");
        assert!(csp.components.is_empty() && csp.alternatives.is_empty());
    }

    #[test]
    fn a_factsheet_holds_the_members_facts_and_recommendations_in_order() {
        let data = AppData::load();
        let gti = &data.bundle.gti;
        // Every fact and recommendation belongs to a member, so each is in a factsheet.
        for f in &gti.facts {
            assert!(gti.country(&f.iso3).is_some(), "{}", f.iso3);
        }
        for r in &gti.recommendations {
            assert!(gti.country(&r.iso3).is_some(), "{}", r.iso3);
        }
        let kgz = factsheet(&data, IndexId::Gti2025, "KGZ").expect("a member's factsheet");
        assert!(kgz.facts.iter().any(|f| f.id == "prison_rate"));
        assert!(kgz.facts.iter().all(|f| f.iso3 == "KGZ"));
        let numbers: Vec<u32> = kgz.recommendations.iter().map(|r| r.n).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4, 5]);
        // A member whose sources hold no factsheet still has one, empty.
        let empty = gti
            .countries
            .iter()
            .filter_map(|c| factsheet(&data, IndexId::Gti2025, &c.iso3))
            .filter(|s| s.facts.is_empty())
            .count();
        assert!(empty > 0);
        // Not a member, or an index without factsheets: none.
        assert!(factsheet(&data, IndexId::Gti2025, "ARM").is_none());
        assert!(factsheet(&data, IndexId::Csp, "KGZ").is_none());
    }
}
