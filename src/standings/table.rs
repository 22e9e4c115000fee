//! The ranking table's rows for any index, in the chosen language ([`TableRow`]): what a
//! [`super::Row`] holds, and what the table says about it (how the score came about, the
//! sources of every value, other sources' values and data-quality flags).

use engine::consistency::Flag;
use engine::model::{Band, Provenance};
use engine::{Basis, Scored};

use super::publishers;
use crate::data::AppData;
use crate::i18n::Messages;
use crate::labels;
use crate::link::IndexId;

/// One row of a ranking table, in the chosen language: what [`Row`] holds, and what the table
/// says about it (how the score came about, the sources of every value, notes and flags).
#[derive(PartialEq)]
pub struct TableRow {
    pub iso3: String,
    pub name: String,
    pub rank: Option<u32>,
    pub score: Option<f64>,
    pub basis: Basis,
    /// A data-quality flag on the score, shown beside it.
    pub score_flag: Option<String>,
    pub band: Option<Band>,
    /// The band computed differs from the published one.
    pub differs: bool,
    pub official: Option<Band>,
    /// How the score was obtained (for an index with weights).
    pub basis_text: String,
    /// The change against the previous period, and a flag on it (for an index with periods).
    pub change: Option<f64>,
    pub change_flag: Option<String>,
    /// Every value shown, with what it is and its provenance; notes (other sources' values,
    /// flags, what a release says).
    pub items: Vec<(String, Provenance)>,
    pub notes: Vec<String>,
}

/// The rows of the ranking of `index` (in `year`, for an index with periods) in rank order,
/// scored as `scored` where the explorer scores it (none if the weights were refused).
pub fn table_rows(
    i18n: &Messages,
    data: &AppData,
    index: IndexId,
    year: u16,
    scored: Option<&Scored>,
) -> Vec<TableRow> {
    match index {
        IndexId::Gti2025 => scored.map_or_else(Vec::new, |s| gti_rows(i18n, data, s)),
        IndexId::Csp => csp_rows(i18n, data, year),
    }
}

fn gti_rows(i18n: &Messages, data: &AppData, scored: &Scored) -> Vec<TableRow> {
    let gti = &data.bundle.gti;
    let pillar_count = gti.pillars.len();
    scored
        .order
        .iter()
        .filter_map(|&i| {
            let country = gti.countries.get(i)?;
            let o = scored.outcomes.get(i)?;
            let official = country.overall.as_ref().map(|a| a.value);
            let available = country.pillars.iter().filter(|p| p.is_some()).count();
            let (n, total) = (available.to_string(), pillar_count.to_string());
            let basis_text = match o.basis {
                Basis::Recomputed => i18n.f("basis-recomputed", &[("n", &n), ("total", &total)]),
                Basis::PublishedBandOnly if available > 0 => {
                    i18n.f("basis-below-coverage", &[("n", &n), ("total", &total)])
                }
                Basis::PublishedBandOnly => i18n.t("basis-published-only"),
                Basis::NotPublished => i18n.t("basis-not-published"),
            };
            let mut items = vec![(i18n.t("value-membership"), country.provenance.clone())];
            if let Some(a) = &country.overall {
                items.push((i18n.t("value-official-band"), a.provenance.clone()));
            }
            for (p, (band, pillar)) in country.pillars.iter().zip(&gti.pillars).enumerate() {
                if let Some(b) = band {
                    items.push((
                        format!(
                            "{} {}: {}",
                            i18n.t("value-pillar"),
                            p + 1,
                            labels::pillar(i18n, pillar)
                        ),
                        b.provenance.clone(),
                    ));
                }
            }
            if let Some(t) = &country.transparency {
                items.push((
                    format!(
                        "{}: {}",
                        i18n.t("value-transparency"),
                        labels::transparency(i18n, t.value)
                    ),
                    t.provenance.clone(),
                ));
            }
            let mut notes: Vec<String> = country
                .alternatives
                .iter()
                .map(|a| {
                    let value = Band::parse(&a.value)
                        .map_or_else(|| a.value.clone(), |b| labels::band(i18n, b));
                    let who = publishers(data, &a.provenance.sources);
                    i18n.f("conflict-gti", &[("value", &value), ("who", &who)])
                })
                .collect();
            if let Some(r) = &country.reported_score {
                notes.push(i18n.f("reported-score", &[("score", &i18n.num(r.value, 0))]));
            }
            if country.membership == engine::data::Membership::ReportedIndirectly {
                notes.push(i18n.t("membership-indirect"));
            }
            Some(TableRow {
                iso3: country.iso3.clone(),
                name: i18n.country(&country.iso3, &country.name_en).to_string(),
                rank: o.rank,
                score: o.score,
                basis: o.basis,
                score_flag: None,
                band: o.band,
                differs: o.basis == Basis::Recomputed && official.is_some() && o.band != official,
                official,
                basis_text,
                change: None,
                change_flag: None,
                items,
                notes,
            })
        })
        .collect()
}

fn csp_rows(i18n: &Messages, data: &AppData, year: u16) -> Vec<TableRow> {
    data.csp_year(year)
        .iter()
        .map(|row| {
            let country = data.bundle.csp.country(&row.iso3);
            let name = country.map_or_else(
                || row.name.clone(),
                |c| i18n.country(&c.iso3, &c.name_en).to_string(),
            );
            let mut notes = Vec::new();
            let (mut score_flag, mut change_flag) = (None, None);
            for flag in &data.flags {
                match flag {
                    Flag::ReleasesDisagree {
                        iso3,
                        year: y,
                        other,
                        supported_by_stated_change,
                        ..
                    } if *iso3 == row.iso3 && *y == year => {
                        let text =
                            i18n.f("flag-releases-short", &[("other", &i18n.num(*other, 2))]);
                        score_flag = Some(text.clone());
                        notes.push(text);
                        if supported_by_stated_change.is_some() {
                            notes.push(i18n.t("flag-releases-supported"));
                        }
                    }
                    Flag::StatedChangeMismatch(c) if c.iso3 == row.iso3 && c.year == year => {
                        let text = i18n.f(
                            "flag-stated-short",
                            &[("stated", &i18n.signed(c.stated, 2))],
                        );
                        change_flag = Some(text.clone());
                        notes.push(text);
                    }
                    _ => {}
                }
            }
            if let Some(s) = data
                .bundle
                .csp
                .stated_changes
                .iter()
                .find(|s| s.iso3 == row.iso3 && s.year == year)
            {
                notes.push(i18n.f(
                    "release-explains",
                    &[("text", i18n.text(&s.explanation_en))],
                ));
            }
            TableRow {
                iso3: row.iso3.clone(),
                name,
                rank: row.rank,
                score: row.value,
                basis: if row.value.is_some() {
                    Basis::Recomputed
                } else {
                    Basis::NotPublished
                },
                score_flag,
                band: None,
                differs: false,
                official: None,
                basis_text: String::new(),
                change: row.change,
                change_flag,
                items: vec![(
                    i18n.f("value-csp-total", &[("year", &year.to_string())]),
                    row.provenance.clone(),
                )],
                notes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::settings_of;
    use crate::link::{Limits, LinkState};

    #[test]
    fn the_gti_table_rows_are_in_rank_order_with_every_value_s_source_and_note() {
        let data = AppData::load();
        let m = Messages::load(crate::i18n::Lang::En);
        let l = LinkState::defaults(&Limits::bundled());
        let scored = data
            .score(&data.bundle.gti.default_weights(), &settings_of(&l))
            .expect("scores");
        let rows = table_rows(&m, &data, IndexId::Gti2025, l.year, Some(&scored));
        assert_eq!(rows.len(), scored.order.len());
        let ranks: Vec<u32> = rows.iter().filter_map(|r| r.rank).collect();
        assert!(
            ranks.windows(2).all(|w| w[0] <= w[1]) && ranks[0] == 1,
            "{ranks:?}"
        );
        for r in &rows {
            let c = data
                .bundle
                .gti
                .countries
                .iter()
                .find(|c| c.iso3 == r.iso3)
                .expect("a member");
            // Membership, the published band, each pillar recorded, the transparency rating.
            let pillars = c.pillars.iter().flatten().count();
            let expected = 1
                + usize::from(c.overall.is_some())
                + pillars
                + usize::from(c.transparency.is_some());
            assert_eq!(r.items.len(), expected, "{}", r.iso3);
            assert_eq!(r.items[0].0, m.t("value-membership"));
            assert!(
                r.notes.len() >= c.alternatives.len(),
                "{}: other sources' values",
                r.iso3
            );
            assert_eq!(
                r.differs,
                r.basis == Basis::Recomputed && r.official.is_some() && r.band != r.official
            );
            assert!(!r.basis_text.is_empty() && r.change.is_none());
        }
        let kgz = rows.iter().find(|r| r.iso3 == "KGZ").expect("KGZ");
        assert_eq!(
            kgz.basis_text,
            m.f("basis-recomputed", &[("n", "7"), ("total", "7")])
        );
        assert!(
            rows.iter().any(|r| !r.notes.is_empty()),
            "some member has another source's value"
        );
        // Weights refused: no rows to rank (the page says why instead).
        assert!(table_rows(&m, &data, IndexId::Gti2025, l.year, None).is_empty());
    }

    #[test]
    fn a_csp_year_s_table_rows_carry_its_changes_and_flags() {
        let data = AppData::load();
        let m = Messages::load(crate::i18n::Lang::En);
        let mut flagged = 0;
        for year in data.bundle.csp.years() {
            let rows = table_rows(&m, &data, IndexId::Csp, year, None);
            let table = data.csp_year(year);
            assert_eq!(rows.len(), table.len());
            for (r, t) in rows.iter().zip(table.iter()) {
                assert_eq!(
                    (&r.iso3, r.score, r.rank, r.change),
                    (&t.iso3, t.value, t.rank, t.change)
                );
                assert_eq!(r.items.len(), 1);
                let releases = data.flags.iter().any(|f| {
                    matches!(f,
                    Flag::ReleasesDisagree { iso3, year: y, .. } if *iso3 == r.iso3 && *y == year)
                });
                let stated = data.flags.iter().any(|f| {
                    matches!(f,
                    Flag::StatedChangeMismatch(c) if c.iso3 == r.iso3 && c.year == year)
                });
                assert_eq!(r.score_flag.is_some(), releases, "{} {year}", r.iso3);
                assert_eq!(r.change_flag.is_some(), stated, "{} {year}", r.iso3);
                flagged += usize::from(releases || stated);
                assert!(r.band.is_none() && r.official.is_none() && r.basis_text.is_empty());
            }
        }
        assert!(flagged > 0, "the bundle has flags");
    }
}
