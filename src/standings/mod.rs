//! The standings of the index in view, in one shape for every index: what the index is like
//! ([`Shape`]: banded or scored on a scale, with a published band beside the computed one or
//! not, one period or several, weighted or not) and one [`Row`] per unit (score, band, the
//! published band, rank, sources). Views that show any index (the map, its legend, caption and
//! table) read these and render; they do not ask which index it is.
//!
//! [`shape`] is the one place the explorer maps its two bundled indices to what they are
//! like; the workbench reads the same facts from each index's definition.

use engine::model::{Band, Confidence};
use engine::{Basis, Scored};

use crate::data::AppData;
use crate::i18n::Messages;
use crate::link::{IndexId, LinkState};

#[cfg(feature = "full")]
mod detail;
#[cfg(feature = "full")]
mod export;
#[cfg(feature = "full")]
mod pair;
mod record;
mod table;

#[cfg(feature = "full")]
pub use detail::{detail, factsheet, Detail, Factsheet};
#[cfg(feature = "full")]
pub use export::{ranking_csv, record_notes};
#[cfg(feature = "full")]
pub use pair::{pair, Pair};
pub use record::{record, Record};
pub use table::{table_rows, TableRow};

/// What an index is like, as the views that show any index need to know it.
#[derive(Clone, PartialEq)]
pub struct Shape {
    /// Scores fall into bands (the figure a map colours by is the band); otherwise the score
    /// itself is the figure, on a scale of bins, and each unit's rank is named beside it.
    pub banded: bool,
    /// A published band stands beside the computed one (the "official band").
    pub official: bool,
    /// The components the visitor weights, by English name, in order (the GTI's pillars);
    /// none for an index without weights.
    pub components: Vec<String>,
    /// The periods the index covers, latest first, when there is more than one to choose.
    pub periods: Vec<u16>,
    /// The period shown, when there is a choice.
    pub period: Option<u16>,
    /// The message naming the score (`col-score`, …), and its decimals.
    pub score_key: &'static str,
    pub decimals: usize,
    /// The message for a unit without the figure the map colours by.
    pub missing_key: &'static str,
    /// The ranking page's introduction; the notes under its table (each message with the
    /// message of a link to the methods, if it has one); and, for an index without weights,
    /// the hint that says why there are none.
    pub intro_key: &'static str,
    pub table_notes: &'static [(&'static str, Option<&'static str>)],
    pub unweighted_key: Option<&'static str>,
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
    /// The CSV's column saying how each score came about, and its word for each [`Basis`]
    /// (recomputed, a published band standing, not published); and whether the CSV has a
    /// column for the confidence in each unit's record.
    pub csv_basis: (&'static str, [&'static str; 3]),
    pub csv_confidence: bool,
    /// What a view says of a unit the index does not cover, where it says more than "—".
    pub absent_key: Option<&'static str>,
    /// How a country's profile shows the index's record, where it has a section of its own
    /// (an index with periods is shown by its trend instead).
    pub profile: Option<ProfileKeys>,
}

/// The messages of an index's section in a country's profile.
#[derive(Clone, PartialEq)]
pub struct ProfileKeys {
    /// A country the index does not cover.
    pub absent: &'static str,
    /// The components' heading, and what is said when no component has a value.
    pub components: &'static str,
    pub no_components: &'static str,
    /// How the explorer's score came about: recomputed, a published band only, none.
    pub basis: [&'static str; 3],
}

/// The trend of an index with periods: its span, its messages, and its charts' ids and files.
pub struct Trend {
    /// The first and the last period, from the data.
    pub first: u16,
    pub last: u16,
    /// The trend page's title, the line chart's caption and the comparison's chart caption,
    /// each given the span (`first`, `last`); the slope chart's caption, given the two
    /// periods it joins (`from`, `to`).
    pub title_key: &'static str,
    pub line_key: &'static str,
    pub compare_key: &'static str,
    pub slope_key: &'static str,
    /// A unit's line (on its profile and in the widget), given the span and `country`.
    pub unit_key: &'static str,
    /// The ids of the line, slope and comparison charts; the comparison chart's file; the
    /// stem of the trend charts' files (`{file_stem}-2019-2024`).
    pub lines_id: &'static str,
    pub slope_id: &'static str,
    pub compare_id: &'static str,
    pub compare_file: &'static str,
    pub file_stem: &'static str,
    /// A profile's section: its id (and class), its table caption's id, and the stem of its
    /// chart's file (`{unit_file_stem}-KGZ`).
    pub profile_id: &'static str,
    pub profile_caption_id: &'static str,
    pub unit_file_stem: &'static str,
}

impl Trend {
    /// The messages the trend names: those the widget shows (its title, the line chart's
    /// caption and a unit's), then the explorer's.
    pub fn message_keys(&self) -> [&'static str; 5] {
        [
            self.title_key,
            self.line_key,
            self.unit_key,
            self.compare_key,
            self.slope_key,
        ]
    }

    /// The caption of `country`'s line over the trend's span.
    pub fn unit_caption(&self, i18n: &Messages, country: &str) -> String {
        let (first, last) = (self.first.to_string(), self.last.to_string());
        i18n.f(
            self.unit_key,
            &[("first", &first), ("last", &last), ("country", country)],
        )
    }

    /// The message `key` given the trend's span.
    pub fn spanning(&self, i18n: &Messages, key: &str) -> String {
        let (first, last) = (self.first.to_string(), self.last.to_string());
        i18n.f(key, &[("first", &first), ("last", &last)])
    }

    /// The slope chart's caption, from one period to another.
    #[cfg(feature = "full")]
    pub fn slope_caption(&self, i18n: &Messages, from: u16, to: u16) -> String {
        i18n.f(
            self.slope_key,
            &[("from", &from.to_string()), ("to", &to.to_string())],
        )
    }

    /// The name of a chart's file, from one period to another.
    #[cfg(feature = "full")]
    pub fn file(&self, from: u16, to: u16) -> String {
        format!("{}-{from}-{to}", self.file_stem)
    }
}

impl Shape {
    /// Whether the visitor weights the index: captions and exports then say which weights
    /// are in force.
    pub fn weighted(&self) -> bool {
        !self.components.is_empty()
    }

    /// The components' names in the chosen language, in order.
    pub fn component_labels(&self, i18n: &Messages) -> Vec<String> {
        self.components
            .iter()
            .map(|name| i18n.text(name).to_string())
            .collect()
    }

    /// The messages this shape names that the widget shows (its map and table).
    pub fn widget_message_keys(&self) -> [&'static str; 7] {
        [
            self.score_key,
            self.missing_key,
            self.caption_key,
            self.caption_custom_key,
            self.table_caption_key,
            self.table_caption_custom_key,
            self.table_caption_simulated_key,
        ]
    }

    /// Every message this shape names (the rankings page's too).
    pub fn message_keys(&self) -> Vec<&'static str> {
        let mut keys = self.widget_message_keys().to_vec();
        keys.push(self.intro_key);
        keys.extend(self.unweighted_key);
        for (text, link) in self.table_notes {
            keys.push(text);
            keys.extend(*link);
        }
        keys.extend(self.absent_key);
        if let Some(p) = &self.profile {
            keys.extend([p.absent, p.components, p.no_components]);
            keys.extend(p.basis);
        }
        keys
    }
}

/// The shape of every bundled index (tests of the messages they name).
#[cfg(test)]
pub fn every_shape(data: &AppData) -> Vec<(IndexId, Shape)> {
    IndexId::ALL
        .into_iter()
        .map(|index| {
            let mut link = LinkState::defaults(&crate::link::Limits::bundled());
            link.index = index;
            (index, shape(data, &link))
        })
        .collect()
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
    /// The ids of the sources behind the figure, and the confidence in them where the record
    /// says.
    pub sources: Vec<String>,
    pub confidence: Option<Confidence>,
    /// For a score aggregated from components: how many of them the unit has a value for,
    /// and how many the index has.
    pub components: Option<(usize, usize)>,
    /// The change against the previous period, where the index has periods and says it.
    pub change: Option<f64>,
}

/// The index in view: its shape and its units, in the data's order, with their order by rank.
pub struct Standings {
    pub index: IndexId,
    pub shape: Shape,
    pub rows: Vec<Row>,
    /// The rows' positions in rank order; none where the index is not scored (weights
    /// refused), so a ranking has nothing to list while the map still names every unit.
    pub order: Vec<usize>,
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
            components: data
                .bundle
                .gti
                .pillars
                .iter()
                .map(|p| p.name_en.clone())
                .collect(),
            periods: Vec::new(),
            period: None,
            score_key: "col-score",
            decimals: 1,
            missing_key: "not-published",
            intro_key: "gti-intro",
            table_notes: &[
                ("gti-note-model", Some("gti-note-model-link")),
                ("gti-note-differs", None),
            ],
            unweighted_key: None,
            table_stem: "gti",
            table_caption_key: "gti-caption-official",
            table_caption_custom_key: "gti-caption-custom",
            table_caption_simulated_key: "gti-caption-simulated",
            caption_key: "map-caption-gti",
            caption_custom_key: "map-caption-gti-custom",
            file_stem: "gti-2025".into(),
            csv_basis: (
                "basis",
                ["recomputed", "published band only", "not published"],
            ),
            csv_confidence: true,
            absent_key: Some("compare-not-in-gti"),
            profile: Some(ProfileKeys {
                absent: "profile-not-gti",
                components: "profile-pillars",
                no_components: "profile-no-pillars",
                basis: [
                    "profile-basis-recomputed",
                    "basis-published-only",
                    "basis-not-published",
                ],
            }),
        },
        IndexId::Csp => Shape {
            banded: false,
            official: false,
            components: Vec::new(),
            periods: data.bundle.csp.years().rev().collect(),
            period: Some(year),
            score_key: "col-csp-score",
            decimals: 2,
            missing_key: "csp-missing",
            intro_key: "csp-intro",
            table_notes: &[
                ("csp-note-scale", None),
                ("csp-note-missing", Some("csp-note-flags-link")),
            ],
            unweighted_key: Some("csp-no-weights"),
            table_stem: "csp",
            table_caption_key: "csp-caption",
            table_caption_custom_key: "csp-caption",
            table_caption_simulated_key: "csp-caption",
            caption_key: "map-caption-csp",
            caption_custom_key: "map-caption-csp",
            file_stem: format!("csp-index-{year}"),
            csv_basis: (
                "status",
                ["published", "published", "measured; value not found"],
            ),
            csv_confidence: false,
            absent_key: None,
            profile: None,
        },
    }
}

/// The standings of the index of `link`, scored as `scored` (the GTI at the weights in force;
/// `None` if the weights were refused: every member listed without a score).
pub fn standings(data: &AppData, link: &LinkState, scored: Option<&Scored>) -> Standings {
    standings_of(data, link.index, link.year, scored)
}

/// The standings of `index` (in `year`, where it has periods), scored as `scored` where the
/// explorer scores it.
pub fn standings_of(
    data: &AppData,
    index: IndexId,
    year: u16,
    scored: Option<&Scored>,
) -> Standings {
    let shape = shape_of(data, index, year);
    let (rows, order) = match index {
        IndexId::Gti2025 => {
            let gti = &data.bundle.gti;
            let rows = gti
                .countries
                .iter()
                .map(|c| {
                    let outcome = data
                        .member(&c.iso3)
                        .and_then(|i| scored?.outcomes.get(i).copied());
                    // The published band's record, else the membership's.
                    let record = c.overall.as_ref().map_or(&c.provenance, |a| &a.provenance);
                    Row {
                        iso3: c.iso3.clone(),
                        name_en: c.name_en.clone(),
                        score: outcome.and_then(|o| o.score),
                        basis: outcome.map_or(Basis::NotPublished, |o| o.basis),
                        band: outcome.and_then(|o| o.band),
                        official: c.overall.as_ref().map(|a| a.value),
                        rank: outcome.and_then(|o| o.rank),
                        sources: record.sources.clone(),
                        confidence: record.confidence,
                        components: Some((
                            c.pillars.iter().filter(|p| p.is_some()).count(),
                            gti.pillars.len(),
                        )),
                        change: None,
                    }
                })
                .collect();
            let order = scored.map_or_else(Vec::new, |s| s.order.clone());
            (rows, order)
        }
        IndexId::Csp => {
            let table = data.csp_year(year);
            let rows: Vec<Row> = table
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
                    confidence: r.provenance.confidence,
                    components: None,
                    change: r.change,
                })
                .collect();
            // The year's table is in rank order.
            let order = (0..rows.len()).collect();
            (rows, order)
        }
    };
    Standings {
        index,
        shape,
        rows,
        order,
    }
}

/// One unit of an index with periods, across them.
#[derive(Clone, PartialEq)]
pub struct Series {
    pub iso3: String,
    pub name_en: String,
    /// One score per period (oldest first); `None` where it has none.
    pub values: Vec<Option<f64>>,
}

/// The index a trend shows: the one of `link` where it has periods, else the first index
/// that has.
pub fn trend_index(data: &AppData, link: &LinkState) -> IndexId {
    index_with(data, link, |s| !s.periods.is_empty())
}

/// The index a trend shows and its trend; none only if no index has periods.
pub fn trend(data: &AppData, link: &LinkState) -> Option<(IndexId, Trend)> {
    let index = trend_index(data, link);
    Some((index, trend_of(data, index)?))
}

/// The trend of `index`, where it has periods: what it is called, over which span, and how
/// its charts are named.
pub fn trend_of(data: &AppData, index: IndexId) -> Option<Trend> {
    match index {
        IndexId::Gti2025 => None,
        IndexId::Csp => {
            let years = &data.bundle.csp.years;
            Some(Trend {
                first: *years.first()?,
                last: *years.last()?,
                title_key: "trends-title",
                line_key: "trends-line-caption",
                compare_key: "compare-csp-chart",
                slope_key: "trends-slope-caption",
                unit_key: "trend-caption",
                lines_id: "csp-lines",
                slope_id: "csp-slope",
                compare_id: "compare-csp",
                compare_file: "comparison-csp",
                file_stem: "csp-index",
                profile_id: "p-csp",
                profile_caption_id: "csp-profile-caption",
                unit_file_stem: "csp-trend",
            })
        }
    }
}

/// The index the weights apply to (the weights panel, the robustness view): the one of `link`
/// where the visitor weights it, else the first index that is weighted.
pub fn weighted_index(data: &AppData, link: &LinkState) -> IndexId {
    index_with(data, link, Shape::weighted)
}

/// The index of `link` if its shape is `wanted`, else the first index whose shape is.
fn index_with(data: &AppData, link: &LinkState, wanted: impl Fn(&Shape) -> bool) -> IndexId {
    let is = |i: IndexId| wanted(&shape_of(data, i, link.year));
    if is(link.index) {
        return link.index;
    }
    IndexId::ALL
        .into_iter()
        .find(|i| is(*i))
        .unwrap_or(link.index)
}

/// Every unit of `index` across its periods (oldest first, in [`Series::values`]) by code,
/// from each period's standings: the periods, and the series. Empty for an index without
/// periods.
pub fn series(data: &AppData, index: IndexId) -> (Vec<u16>, Vec<Series>) {
    let mut periods = shape_of(data, index, 0).periods;
    periods.reverse();
    let mut out: Vec<Series> = Vec::new();
    for (p, &period) in periods.iter().enumerate() {
        for row in standings_of(data, index, period, None).rows {
            let at = match out.binary_search_by(|s| s.iso3.as_str().cmp(&row.iso3)) {
                Ok(at) => at,
                Err(at) => {
                    out.insert(
                        at,
                        Series {
                            iso3: row.iso3.clone(),
                            name_en: row.name_en.clone(),
                            values: vec![None; periods.len()],
                        },
                    );
                    at
                }
            };
            if let Some(v) = out.get_mut(at).and_then(|s| s.values.get_mut(p)) {
                *v = row.score;
            }
        }
    }
    (periods, out)
}

/// Every unit of every bundled index, once, by code, with its English name in the data (the
/// first index's where two name it): the countries a profile, a card or a link may name.
pub fn units(data: &AppData) -> Vec<(String, String)> {
    let b = &data.bundle;
    let gti = b.gti.countries.iter().map(|c| (&c.iso3, &c.name_en));
    let csp = b.csp.countries.iter().map(|c| (&c.iso3, &c.name_en));
    let mut out: Vec<(String, String)> = Vec::new();
    for (iso3, name) in gti.chain(csp) {
        if !out.iter().any(|(c, _)| c == iso3) {
            out.push((iso3.clone(), name.clone()));
        }
    }
    out
}

/// The publishers of the sources `ids`, joined.
pub fn publishers(data: &AppData, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|s| data.bundle.source(s).map(|s| s.publisher.clone()))
        .collect::<Vec<_>>()
        .join(", ")
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
        assert!(s.shape.banded && s.shape.official && s.shape.weighted());
        assert_eq!(
            s.shape.components,
            data.bundle
                .gti
                .pillars
                .iter()
                .map(|p| p.name_en.clone())
                .collect::<Vec<_>>()
        );
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
        assert!(!s.shape.banded && !s.shape.official && !s.shape.weighted());
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
    fn an_index_s_series_are_its_units_in_every_period_and_trends_show_an_index_with_periods() {
        let data = AppData::load();
        let csp = &data.bundle.csp;
        let (years, series) = series(&data, IndexId::Csp);
        assert_eq!(years, csp.years().collect::<Vec<_>>());
        // Every country the index lists, by code, with each year's published total.
        assert_eq!(
            series.iter().map(|s| s.iso3.as_str()).collect::<Vec<_>>(),
            csp.countries
                .iter()
                .map(|c| c.iso3.as_str())
                .collect::<Vec<_>>()
        );
        for s in &series {
            let expected: Vec<Option<f64>> = years
                .iter()
                .map(|y| csp.value(&s.iso3, *y).and_then(|v| v.value))
                .collect();
            assert_eq!(s.values, expected, "{}", s.iso3);
        }
        assert!(
            series.iter().any(|s| s.values.contains(&None)),
            "gaps stay gaps"
        );
        // The GTI has one edition: no series; a trend asked for on it shows the CSP Index.
        assert!(super::series(&data, IndexId::Gti2025).1.is_empty());
        assert_eq!(trend_index(&data, &link(|_| {})), IndexId::Csp);
        assert_eq!(
            trend_index(&data, &link(|l| l.index = IndexId::Csp)),
            IndexId::Csp
        );
        // The weights apply to the GTI, whichever index is in view.
        assert_eq!(weighted_index(&data, &link(|_| {})), IndexId::Gti2025);
        assert_eq!(
            weighted_index(&data, &link(|l| l.index = IndexId::Csp)),
            IndexId::Gti2025
        );
    }

    #[test]
    fn a_trend_is_named_from_its_shape_and_spans_the_periods_in_the_data() {
        use crate::i18n::Lang;
        let mut data = AppData::load();
        let (index, trend) = super::trend(&data, &link(|_| {})).expect("a trend");
        assert_eq!(index, IndexId::Csp);
        // The span is the series' first and last period.
        let years = series(&data, index).0;
        assert_eq!(
            (trend.first, trend.last),
            (years[0], years[years.len() - 1])
        );
        assert_eq!((trend.first, trend.last), (2019, 2024));
        // The ids and files every test, export and bench already knows.
        assert_eq!((trend.lines_id, trend.slope_id), ("csp-lines", "csp-slope"));
        assert_eq!(trend.file(2020, 2024), "csp-index-2020-2024");
        let en = Messages::load(Lang::En);
        assert_eq!(
            trend.spanning(&en, trend.title_key),
            "CSP Index trends, 2019–2024"
        );
        assert_eq!(
            trend.spanning(&en, trend.line_key),
            "CSP Index on Torture: published totals by country, 2019–2024"
        );
        assert_eq!(
            trend.spanning(&en, trend.compare_key),
            "CSP Index on Torture: the compared countries, 2019–2024"
        );
        assert_eq!(
            trend.slope_caption(&en, 2020, 2024),
            "CSP Index on Torture: change from 2020 to 2024"
        );
        assert_eq!(
            trend.unit_caption(&en, "Kyrgyzstan"),
            "CSP Index on Torture, Kyrgyzstan, 2019–2024"
        );
        // Every language names both ends of the span, with nothing left unfilled.
        for lang in Lang::ALL {
            let m = Messages::load(lang);
            let unit = trend.unit_caption(&m, "KGZ");
            assert!(unit.contains("KGZ"), "{lang:?}: {unit}");
            for text in [trend.title_key, trend.line_key, trend.compare_key]
                .map(|key| trend.spanning(&m, key))
                .into_iter()
                .chain([unit])
            {
                assert!(text.contains("2019–2024"), "{lang:?}: {text}");
                assert!(!text.contains('$'), "{lang:?}: {text}");
            }
        }
        // A year fewer in the data moves the span; the messages are not edited.
        data.bundle.csp.years.retain(|y| *y >= 2020);
        let trend = trend_of(&data, IndexId::Csp).expect("a trend");
        assert_eq!(
            trend.spanning(&en, trend.title_key),
            "CSP Index trends, 2020–2024"
        );
        // The GTI has no periods, so no trend; nor has an index whose periods are gone.
        assert!(trend_of(&data, IndexId::Gti2025).is_none());
        data.bundle.csp.years.clear();
        assert!(trend_of(&data, IndexId::Csp).is_none());
    }

    #[test]
    fn the_units_are_every_member_of_every_index_once_with_its_name() {
        let data = AppData::load();
        let units = units(&data);
        let b = &data.bundle;
        for c in &b.gti.countries {
            assert!(units.contains(&(c.iso3.clone(), c.name_en.clone())));
        }
        for c in &b.csp.countries {
            assert!(units.iter().any(|(u, _)| *u == c.iso3), "{}", c.iso3);
        }
        let mut codes: Vec<&String> = units.iter().map(|(c, _)| c).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), units.len(), "each unit once");
        // Kyrgyzstan is in both; Armenia in the CSP Index only; Honduras in the GTI only.
        for code in ["KGZ", "ARM", "HND"] {
            assert!(units.iter().any(|(u, _)| u == code), "{code}");
        }
        assert!(units.len() < b.gti.countries.len() + b.csp.countries.len());
    }
}
