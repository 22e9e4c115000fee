//! The standings of the index in view, in one shape for every index: what the index is like
//! ([`Shape`]: banded or scored on a scale, with a published band beside the computed one or
//! not, one period or several, weighted or not) and one [`Row`] per unit (score, band, the
//! published band, rank, sources). Views that show any index (the map, its legend, caption and
//! table) read these and render; they do not ask which index it is.
//!
//! [`shape`] is the one place the explorer maps its two bundled indices to what they are
//! like; the workbench reads the same facts from each index's definition.

use engine::consistency::Flag;
use engine::model::{Band, Provenance};
use engine::{Basis, Scored};

use crate::data::AppData;
use crate::i18n::Messages;
use crate::labels;
use crate::link::{IndexId, LinkState};

/// What an index is like, as the views that show any index need to know it.
#[derive(Clone, PartialEq)]
pub struct Shape {
    /// Scores fall into bands (the figure a map colours by is the band); otherwise the score
    /// itself is the figure, on a scale of bins, and each unit's rank is named beside it.
    pub banded: bool,
    /// A published band stands beside the computed one (the "official band").
    pub official: bool,
    /// More weights than one: captions say which weights are in force.
    pub weighted: bool,
    /// The periods the index covers, latest first, when there is more than one to choose.
    pub periods: Vec<u16>,
    /// The period shown, when there is a choice.
    pub period: Option<u16>,
    /// The message naming the score (`col-score`, …), and its decimals.
    pub score_key: &'static str,
    pub decimals: usize,
    /// The message for a unit without the figure the map colours by.
    pub missing_key: &'static str,
    /// The ranking page's introduction.
    pub intro_key: &'static str,
    /// The ranking table: its ids' stem (`{stem}-table`, `{stem}-caption`), and its caption at the official weights, at others and
    /// for a simulation.
    pub table_stem: &'static str,
    pub table_caption_key: &'static str,
    pub table_caption_custom_key: &'static str,
    pub table_caption_simulated_key: &'static str,
    /// The map's caption (its title), at the official weights and at others.
    pub caption_key: &'static str,
    pub caption_custom_key: &'static str,
    /// Downloads are named after this (`gti-2025`, `csp-index-2024`).
    pub file_stem: String,
}

/// One unit of the index in view.
pub struct Row {
    pub iso3: String,
    /// The English name in the data (views show the chosen language's, where there is one).
    pub name_en: String,
    pub score: Option<f64>,
    /// How the score came about: recomputed, or a published band standing at its midpoint.
    pub basis: Basis,
    pub band: Option<Band>,
    /// The published band, where the index publishes one.
    pub official: Option<Band>,
    pub rank: Option<u32>,
    /// The ids of the sources behind the figure.
    pub sources: Vec<String>,
}

/// The index in view: its shape and its units, in the data's order.
pub struct Standings {
    pub shape: Shape,
    pub rows: Vec<Row>,
}

/// What the index of `link` is like.
pub fn shape(data: &AppData, link: &LinkState) -> Shape {
    shape_of(data, link.index, link.year)
}

/// What `index` is like, shown for `year` where it has periods.
pub fn shape_of(data: &AppData, index: IndexId, year: u16) -> Shape {
    match index {
        IndexId::Gti2025 => Shape {
            banded: true,
            official: true,
            weighted: true,
            periods: Vec::new(),
            period: None,
            score_key: "col-score",
            decimals: 1,
            missing_key: "not-published",
            intro_key: "gti-intro",
            table_stem: "gti",
            table_caption_key: "gti-caption-official",
            table_caption_custom_key: "gti-caption-custom",
            table_caption_simulated_key: "gti-caption-simulated",
            caption_key: "map-caption-gti",
            caption_custom_key: "map-caption-gti-custom",
            file_stem: "gti-2025".into(),
        },
        IndexId::Csp => Shape {
            banded: false,
            official: false,
            weighted: false,
            periods: data.bundle.csp.years().rev().collect(),
            period: Some(year),
            score_key: "col-csp-score",
            decimals: 2,
            missing_key: "csp-missing",
            intro_key: "csp-intro",
            table_stem: "csp",
            table_caption_key: "csp-caption",
            table_caption_custom_key: "csp-caption",
            table_caption_simulated_key: "csp-caption",
            caption_key: "map-caption-csp",
            caption_custom_key: "map-caption-csp",
            file_stem: format!("csp-index-{year}"),
        },
    }
}

/// The standings of the index of `link`, scored as `scored` (the GTI at the weights in force;
/// `None` if the weights were refused: every member listed without a score).
pub fn standings(data: &AppData, link: &LinkState, scored: Option<&Scored>) -> Standings {
    let shape = shape(data, link);
    let rows = match link.index {
        IndexId::Gti2025 => data
            .bundle
            .gti
            .countries
            .iter()
            .map(|c| {
                let outcome = data
                    .member(&c.iso3)
                    .and_then(|i| scored?.outcomes.get(i).copied());
                Row {
                    iso3: c.iso3.clone(),
                    name_en: c.name_en.clone(),
                    score: outcome.and_then(|o| o.score),
                    basis: outcome.map_or(Basis::NotPublished, |o| o.basis),
                    band: outcome.and_then(|o| o.band),
                    official: c.overall.as_ref().map(|a| a.value),
                    rank: outcome.and_then(|o| o.rank),
                    sources: c
                        .overall
                        .as_ref()
                        .map_or(&c.provenance, |a| &a.provenance)
                        .sources
                        .clone(),
                }
            })
            .collect(),
        IndexId::Csp => data
            .csp_year(link.year)
            .iter()
            .map(|r| Row {
                iso3: r.iso3.clone(),
                name_en: data
                    .bundle
                    .csp
                    .country(&r.iso3)
                    .map_or_else(|| r.name.clone(), |c| c.name_en.clone()),
                score: r.value,
                basis: if r.value.is_some() {
                    Basis::Recomputed
                } else {
                    Basis::NotPublished
                },
                band: None,
                official: None,
                rank: r.rank,
                sources: r.provenance.sources.clone(),
            })
            .collect(),
    };
    Standings { shape, rows }
}

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

/// The publishers of the sources `ids`, joined.
pub fn publishers(data: &AppData, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|s| data.bundle.source(s).map(|s| s.publisher.clone()))
        .collect::<Vec<_>>()
        .join(", ")
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

    fn link(edit: impl FnOnce(&mut LinkState)) -> LinkState {
        let mut l = LinkState::defaults(&crate::link::Limits::bundled());
        edit(&mut l);
        l
    }

    #[test]
    fn the_gti_rows_are_its_members_as_scored_with_the_published_band_and_its_sources() {
        let data = AppData::load();
        let l = link(|_| {});
        let scored = data
            .score(&data.bundle.gti.default_weights(), &settings_of(&l))
            .expect("scores");
        let s = standings(&data, &l, Some(&scored));
        assert!(s.shape.banded && s.shape.official && s.shape.weighted);
        assert_eq!(s.rows.len(), data.bundle.gti.countries.len());
        for (row, (c, o)) in s
            .rows
            .iter()
            .zip(data.bundle.gti.countries.iter().zip(&scored.outcomes))
        {
            assert_eq!(row.iso3, c.iso3);
            assert_eq!(
                (row.score, row.band, row.rank, row.basis),
                (o.score, o.band, o.rank, o.basis)
            );
            assert_eq!(row.official, c.overall.as_ref().map(|a| a.value));
            assert!(!row.sources.is_empty(), "{} cites a source", row.iso3);
        }
        let kgz = s.rows.iter().find(|r| r.iso3 == "KGZ").expect("KGZ");
        assert_eq!(format!("{:.1}", kgz.score.expect("scored")), "41.4");
        assert_eq!(
            (kgz.band, kgz.official),
            (Some(Band::Considerable), Some(Band::Considerable))
        );
        // A member without a published band, and weights refused: listed, unscored.
        let phl = s.rows.iter().find(|r| r.iso3 == "PHL").expect("PHL");
        assert_eq!((phl.band, phl.official), (None, None));
        let refused = standings(&data, &l, None);
        assert_eq!(refused.rows.len(), s.rows.len());
        assert!(refused
            .rows
            .iter()
            .all(|r| r.score.is_none() && r.band.is_none()));
    }

    #[test]
    fn a_csp_year_is_its_ranking_on_the_scale_with_every_year_to_choose() {
        let data = AppData::load();
        let l = link(|l| {
            l.index = IndexId::Csp;
            l.year = 2021;
        });
        let s = standings(&data, &l, None);
        assert!(!s.shape.banded && !s.shape.official && !s.shape.weighted);
        assert_eq!(s.shape.period, Some(2021));
        assert_eq!(
            s.shape.periods,
            data.bundle.csp.years().rev().collect::<Vec<_>>()
        );
        assert_eq!(s.shape.file_stem, "csp-index-2021");
        let table = data.csp_year(2021);
        assert_eq!(s.rows.len(), table.len());
        for (row, r) in s.rows.iter().zip(table.iter()) {
            assert_eq!((&row.iso3, row.score, row.rank), (&r.iso3, r.value, r.rank));
            assert_eq!((row.band, row.official), (None, None));
            assert_eq!(row.sources, r.provenance.sources);
        }
        assert!(s.rows.iter().any(|r| r.score.is_some()));
    }
    #[test]
    fn the_gti_table_rows_are_in_rank_order_with_every_value_s_source_and_note() {
        let data = AppData::load();
        let m = Messages::load(crate::i18n::Lang::En);
        let l = link(|_| {});
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
