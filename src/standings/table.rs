//! The ranking table's rows for any index, in the chosen language ([`TableRow`]): what a
//! [`super::Row`] holds, and what the table says about it (how the score came about, the
//! sources of every value, other sources' values and data-quality flags).

use engine::consistency::Flag;
use engine::model::{Band, Provenance};
use engine::Basis;

use super::{publishers, Row, Standings};
use crate::data::AppData;
use crate::i18n::Messages;
use crate::labels;
use crate::link::IndexId;

/// One row of a ranking table, in the chosen language: what a [`Row`] holds, and what the table
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
    /// What the source says about the figure in its own words (a release's explanation of a
    /// change), in the chosen language; the sources of other values for it.
    pub explanation: Option<String>,
    pub other_sources: Vec<String>,
}

/// The rows of a ranking table of `standings`, in rank order (none where the index is not
/// scored: the page says why instead).
pub fn table_rows(i18n: &Messages, data: &AppData, standings: &Standings) -> Vec<TableRow> {
    let shape = &standings.shape;
    standings
        .order
        .iter()
        .filter_map(|&i| {
            let row = standings.rows.get(i)?;
            let Evidence {
                items,
                notes,
                score_flag,
                change_flag,
                explanation,
                other_sources,
            } = evidence(i18n, data, standings, row);
            Some(TableRow {
                iso3: row.iso3.clone(),
                name: i18n.country(&row.iso3, &row.name_en).to_string(),
                rank: row.rank,
                score: row.score,
                basis: row.basis,
                score_flag,
                band: row.band,
                differs: row.basis == Basis::Recomputed
                    && row.official.is_some()
                    && row.band != row.official,
                official: row.official,
                basis_text: if shape.weighted() {
                    basis_text(i18n, row)
                } else {
                    String::new()
                },
                change: row.change,
                change_flag,
                items,
                notes,
                explanation,
                other_sources,
            })
        })
        .collect()
}

/// How a row's score came about, counting the components it has a value for.
fn basis_text(i18n: &Messages, row: &Row) -> String {
    let (available, total) = row.components.unwrap_or_default();
    let (n, total) = (available.to_string(), total.to_string());
    match row.basis {
        Basis::Recomputed => i18n.f("basis-recomputed", &[("n", &n), ("total", &total)]),
        Basis::PublishedBandOnly if available > 0 => {
            i18n.f("basis-below-coverage", &[("n", &n), ("total", &total)])
        }
        Basis::PublishedBandOnly => i18n.t("basis-published-only"),
        Basis::NotPublished => i18n.t("basis-not-published"),
    }
}

/// What a table says about a row beyond its figures: every value with what it is and its
/// provenance, notes (other sources' values, what a release says), and data-quality flags on
/// the score and on the change.
#[derive(Default)]
struct Evidence {
    items: Vec<(String, Provenance)>,
    notes: Vec<String>,
    score_flag: Option<String>,
    change_flag: Option<String>,
    explanation: Option<String>,
    other_sources: Vec<String>,
}

/// The record behind a row is each index's own (the GTI's members with their pillars and
/// other sources' bands; the CSP Index's yearly totals with the releases' flags).
fn evidence(i18n: &Messages, data: &AppData, standings: &Standings, row: &Row) -> Evidence {
    match standings.index {
        IndexId::Gti2025 => gti_evidence(i18n, data, &row.iso3),
        IndexId::Csp => csp_evidence(
            i18n,
            data,
            standings.shape.period.unwrap_or_default(),
            &row.iso3,
        ),
    }
}

fn gti_evidence(i18n: &Messages, data: &AppData, iso3: &str) -> Evidence {
    let gti = &data.bundle.gti;
    let Some(country) = gti.countries.iter().find(|c| c.iso3 == iso3) else {
        return Evidence::default();
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
            let value = labels::reported(i18n, &a.value);
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
    Evidence {
        items,
        notes,
        ..Evidence::default()
    }
}

fn csp_evidence(i18n: &Messages, data: &AppData, year: u16, iso3: &str) -> Evidence {
    let table = data.csp_year(year);
    let Some(row) = table.iter().find(|r| r.iso3 == iso3) else {
        return Evidence::default();
    };
    let mut evidence = Evidence {
        items: vec![(
            i18n.f("value-csp-total", &[("year", &year.to_string())]),
            row.provenance.clone(),
        )],
        ..Evidence::default()
    };
    for flag in &data.flags {
        match flag {
            Flag::ReleasesDisagree {
                iso3: flagged,
                year: y,
                other,
                other_sources,
                supported_by_stated_change,
                ..
            } if flagged == iso3 && *y == year => {
                evidence.other_sources.extend(other_sources.iter().cloned());
                let text = i18n.f("flag-releases-short", &[("other", &i18n.num(*other, 2))]);
                evidence.score_flag = Some(text.clone());
                evidence.notes.push(text);
                if supported_by_stated_change.is_some() {
                    evidence.notes.push(i18n.t("flag-releases-supported"));
                }
            }
            Flag::StatedChangeMismatch(c) if c.iso3 == iso3 && c.year == year => {
                let text = i18n.f(
                    "flag-stated-short",
                    &[("stated", &i18n.signed(c.stated, 2))],
                );
                evidence.change_flag = Some(text.clone());
                evidence.notes.push(text);
            }
            _ => {}
        }
    }
    if let Some(s) = data
        .bundle
        .csp
        .stated_changes
        .iter()
        .find(|s| s.iso3 == iso3 && s.year == year)
    {
        let text = i18n.text(&s.explanation_en);
        evidence
            .notes
            .push(i18n.f("release-explains", &[("text", text)]));
        evidence.explanation = Some(text.to_string());
    }
    evidence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::settings_of;
    use crate::link::{Limits, LinkState};
    use crate::standings::{standings, standings_of};

    #[test]
    fn the_gti_table_rows_are_in_rank_order_with_every_value_s_source_and_note() {
        let data = AppData::load();
        let m = Messages::load(crate::i18n::Lang::En);
        let l = LinkState::defaults(&Limits::bundled());
        let scored = data
            .score(&data.bundle.gti.default_weights(), &settings_of(&l))
            .expect("scores");
        let rows = table_rows(&m, &data, &standings(&data, &l, Some(&scored)));
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
        assert!(table_rows(&m, &data, &standings(&data, &l, None)).is_empty());
    }

    #[test]
    fn a_csp_year_s_table_rows_carry_its_changes_and_flags() {
        let data = AppData::load();
        let m = Messages::load(crate::i18n::Lang::En);
        let mut flagged = 0;
        for year in data.bundle.csp.years() {
            let rows = table_rows(&m, &data, &standings_of(&data, IndexId::Csp, year, None));
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
                // A release's own explanation of the change, where it gives one, verbatim
                // beside the note that quotes it.
                let explained = data
                    .bundle
                    .csp
                    .stated_changes
                    .iter()
                    .find(|s| s.iso3 == r.iso3 && s.year == year);
                assert_eq!(
                    r.explanation.as_deref(),
                    explained.map(|s| s.explanation_en.as_str()),
                    "{} {year}",
                    r.iso3
                );
                // The sources of the values another release prints, where one disagrees.
                let others: Vec<&String> = data
                    .bundle
                    .csp
                    .alternatives
                    .iter()
                    .filter(|a| a.iso3 == r.iso3 && a.year == year)
                    .flat_map(|a| &a.provenance.sources)
                    .collect();
                assert_eq!(r.other_sources.iter().collect::<Vec<_>>(), others);
            }
        }
        assert!(flagged > 0, "the bundle has flags");
        let in_2023 = table_rows(&m, &data, &standings_of(&data, IndexId::Csp, 2023, None));
        let kaz = in_2023.iter().find(|r| r.iso3 == "KAZ").expect("KAZ");
        assert_eq!(kaz.other_sources, ["csp-2024-fifth"]);
        let in_2024 = table_rows(&m, &data, &standings_of(&data, IndexId::Csp, 2024, None));
        let kgz = in_2024.iter().find(|r| r.iso3 == "KGZ").expect("KGZ");
        assert!(kgz
            .explanation
            .as_deref()
            .is_some_and(|e| e.starts_with("Small gains")));
    }
}
