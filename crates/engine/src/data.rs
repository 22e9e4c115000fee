//! The bundled indices: loading the CSV files of `data/` into typed structures, with validation.
//!
//! Loading never panics and never stops at the first problem: a row that fails validation is
//! reported (file, row, field) and left out, and every other row is kept, so the app can show
//! what is sound and say what is not.

use std::collections::{BTreeMap, BTreeSet};

use crate::composite::definition::{
    parse_band_schemes, Index, IndexDefinition, IndexFolder, FRAMEWORK_FILE, INDEX_FILE,
};
use crate::composite::{BandDef, BandScheme, LocalText};
use crate::csv::{Record, Table};
use crate::error::{DataError, DataErrorKind};
use crate::model::{is_iso3, Attested, Band, Confidence, Provenance, Source, Status, Transparency};
use crate::scoring::Settings;

/// The text of every data file, keyed by its path in the repository.
#[derive(Debug, Clone, Copy)]
pub struct Files {
    pub sources: &'static str,
    /// The band schemes index definitions name (`data/bands.csv`).
    pub bands: &'static str,
    /// The GTI's definition (`index.csv`) and framework (`framework.csv`: its pillars).
    pub gti_index: &'static str,
    pub gti_framework: &'static str,
    pub gti_countries: &'static str,
    pub gti_values: &'static str,
    pub gti_factsheet: &'static str,
    pub gti_recommendations: &'static str,
    pub gti_distribution: &'static str,
    pub csp_index: &'static str,
    pub csp_framework: &'static str,
    pub csp_countries: &'static str,
    pub csp_values: &'static str,
    pub csp_stated_changes: &'static str,
    pub csp_release_claims: &'static str,
}

pub const SOURCES_FILE: &str = "data/sources.csv";
pub const BANDS_FILE: &str = "data/bands.csv";
/// The folders of the bundled indices.
pub const GTI_FOLDER: &str = "data/gti-2025";
pub const CSP_FOLDER: &str = "data/csp";
pub const GTI_INDEX_FILE: &str = "data/gti-2025/index.csv";
pub const GTI_FRAMEWORK_FILE: &str = "data/gti-2025/framework.csv";
pub const CSP_INDEX_FILE: &str = "data/csp/index.csv";
pub const CSP_FRAMEWORK_FILE: &str = "data/csp/framework.csv";
pub const GTI_COUNTRIES_FILE: &str = "data/gti-2025/countries.csv";
pub const GTI_VALUES_FILE: &str = "data/gti-2025/values.csv";
pub const GTI_FACTSHEET_FILE: &str = "data/gti-2025/factsheet.csv";
pub const GTI_RECOMMENDATIONS_FILE: &str = "data/gti-2025/recommendations.csv";
pub const CSP_COUNTRIES_FILE: &str = "data/csp/countries.csv";
pub const CSP_VALUES_FILE: &str = "data/csp/values.csv";
pub const CSP_STATED_CHANGES_FILE: &str = "data/csp/stated-changes.csv";
pub const GTI_DISTRIBUTION_FILE: &str = "data/gti-2025/distribution.csv";
pub const CSP_RELEASE_CLAIMS_FILE: &str = "data/csp/release-claims.csv";

const BUNDLED: Files = Files {
    sources: include_str!("../../../data/sources.csv"),
    bands: include_str!("../../../data/bands.csv"),
    gti_index: include_str!("../../../data/gti-2025/index.csv"),
    gti_framework: include_str!("../../../data/gti-2025/framework.csv"),
    gti_countries: include_str!("../../../data/gti-2025/countries.csv"),
    gti_values: include_str!("../../../data/gti-2025/values.csv"),
    gti_factsheet: include_str!("../../../data/gti-2025/factsheet.csv"),
    gti_recommendations: include_str!("../../../data/gti-2025/recommendations.csv"),
    gti_distribution: include_str!("../../../data/gti-2025/distribution.csv"),
    csp_index: include_str!("../../../data/csp/index.csv"),
    csp_framework: include_str!("../../../data/csp/framework.csv"),
    csp_countries: include_str!("../../../data/csp/countries.csv"),
    csp_values: include_str!("../../../data/csp/values.csv"),
    csp_stated_changes: include_str!("../../../data/csp/stated-changes.csv"),
    csp_release_claims: include_str!("../../../data/csp/release-claims.csv"),
};

/// FNV-1a over every file, each followed by 0xff; evaluated at compile time.
const fn fingerprint(files: &Files) -> u64 {
    let texts = [
        files.sources,
        files.bands,
        files.gti_index,
        files.gti_framework,
        files.gti_countries,
        files.gti_values,
        files.gti_factsheet,
        files.gti_recommendations,
        files.gti_distribution,
        files.csp_index,
        files.csp_framework,
        files.csp_countries,
        files.csp_values,
        files.csp_stated_changes,
        files.csp_release_claims,
    ];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut t = 0;
    while t < texts.len() {
        let bytes = texts[t].as_bytes();
        let mut i = 0;
        while i <= bytes.len() {
            let b = if i < bytes.len() { bytes[i] } else { 0xff };
            hash ^= b as u64;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        t += 1;
    }
    hash
}

/// The bundled data's fingerprint, computed when the engine is compiled.
const BUNDLED_FINGERPRINT: u64 = fingerprint(&BUNDLED);

impl Files {
    /// A short fingerprint of the bundled data (FNV-1a over every file), shown in exports so a
    /// figure can be traced to the exact data it came from. The same in every build.
    pub fn version(&self) -> String {
        format!("{:08x}", BUNDLED_FINGERPRINT >> 32)
    }

    /// The files compiled into the engine.
    pub fn bundled() -> Files {
        BUNDLED
    }

    /// Every index folder, with its files by name: what the generic index model reads
    /// ([`IndexDefinition`]). The GTI first, then the CSP.
    pub fn index_folders(&self) -> Vec<IndexFolder<'static>> {
        vec![
            IndexFolder {
                path: GTI_FOLDER,
                files: vec![
                    (INDEX_FILE, self.gti_index),
                    (FRAMEWORK_FILE, self.gti_framework),
                    ("countries.csv", self.gti_countries),
                    ("values.csv", self.gti_values),
                    ("factsheet.csv", self.gti_factsheet),
                    ("recommendations.csv", self.gti_recommendations),
                    ("distribution.csv", self.gti_distribution),
                ],
            },
            IndexFolder {
                path: CSP_FOLDER,
                files: vec![
                    (INDEX_FILE, self.csp_index),
                    (FRAMEWORK_FILE, self.csp_framework),
                    ("countries.csv", self.csp_countries),
                    ("values.csv", self.csp_values),
                    ("stated-changes.csv", self.csp_stated_changes),
                    ("release-claims.csv", self.csp_release_claims),
                ],
            },
        ]
    }

    /// The bundled files without factsheets and recommendations: what an embedded ranking,
    /// card, map or trend shows. Leaving them out keeps the embed small; the fingerprint
    /// ([`Files::version`]) stays that of the full data.
    pub fn bundled_core() -> Files {
        Files {
            gti_factsheet: "iso3,id,label_en,value,unit,period,sources,confidence,note\n",
            gti_recommendations: "iso3,n,summary_en,sources,confidence\n",
            ..BUNDLED
        }
    }
}

/// What the explorer needs of the bundled definitions beyond their values, read from the
/// indices' `index.csv` and `framework.csv` alone (no generic model): the GTI's pillars and
/// default minimum coverage, the CSP's years. The link codec's limits and the app's defaults
/// are derived from it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    /// The GTI framework's indicators (level 1), in order.
    pub pillars: Vec<Pillar>,
    /// The GTI definition's `coverage.min`, if it gives a valid share (0 to 1).
    pub gti_coverage: Option<f64>,
    /// The CSP definition's `periods`, in order.
    pub csp_years: Vec<u16>,
    /// The band scheme the GTI definition names (`bands`), as `data/bands.csv` defines it.
    pub gti_bands: Option<BandScheme>,
}

impl Files {
    /// The definitions' outline ([`Outline`]), with the problems found reading it.
    pub fn outline(&self) -> (Outline, Vec<DataError>) {
        let mut errors = Vec::new();
        let (framework, e) = Table::parse(GTI_FRAMEWORK_FILE, self.gti_framework);
        errors.extend(e);
        let pillars = framework
            .records()
            .filter(|r| r.get("level").is_ok_and(|l| l.trim() == "1"))
            .filter_map(|r| {
                let parsed = (|| -> Result<Pillar, DataError> {
                    Ok(Pillar {
                        id: r.required("code")?.to_string(),
                        name_en: r.required("name_en")?.to_string(),
                        default_weight: number(&r, "weight")?,
                    })
                })();
                parsed.map_err(|e| errors.push(e)).ok()
            })
            .collect();
        let key = |file: &'static str, text: &str, key: &str, errors: &mut Vec<DataError>| {
            let (index, e) = Table::parse(file, text);
            errors.extend(e);
            let value = index
                .records()
                .find(|r| r.get("key").is_ok_and(|k| k.trim() == key))
                .and_then(|r| r.get("value").ok().map(|v| v.trim().to_string()));
            value.unwrap_or_default()
        };
        let gti_coverage = key(GTI_INDEX_FILE, self.gti_index, "coverage.min", &mut errors)
            .parse::<f64>()
            .ok()
            .filter(|c| (0.0..=1.0).contains(c));
        let scheme = key(GTI_INDEX_FILE, self.gti_index, "bands", &mut errors);
        let gti_bands = outline_bands(self.bands, &scheme, &mut errors);
        let periods = key(CSP_INDEX_FILE, self.csp_index, "periods", &mut errors);
        // Read as the definition reads it: the outline and the definition cannot disagree.
        let csp_years: Vec<u16> = crate::composite::definition::parse_periods(&periods)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|y| u16::try_from(y).ok())
            .collect();
        let outline = Outline {
            pillars,
            gti_coverage,
            csp_years,
            gti_bands,
        };
        (outline, errors)
    }
}

/// The band scheme `scheme` of the bands file (`data/bands.csv`), read as the outline reads
/// files: its rows in order, each band starting where the previous one ends. `None`, with the
/// problem reported, if a row or the scheme cannot be used; `None` alone if no row names it.
/// (The full load reads every scheme with [`parse_band_schemes`], which says more about each
/// problem but would put the generic model's parsers in the app's WebAssembly.)
fn outline_bands(text: &str, scheme: &str, errors: &mut Vec<DataError>) -> Option<BandScheme> {
    let (table, e) = Table::parse(BANDS_FILE, text);
    errors.extend(e);
    let mut bands = Vec::new();
    let mut top: Option<(f64, usize)> = None;
    for r in table
        .records()
        .filter(|r| r.get("scheme").is_ok_and(|s| s.trim() == scheme))
    {
        let parsed = (|| -> Result<(BandDef, f64), DataError> {
            let band = BandDef {
                slug: r.required("slug")?.to_string(),
                label: r.required("label")?.to_string(),
                name: LocalText::en(r.required("name_en")?),
                lower: number(&r, "lower")?,
            };
            Ok((band, number(&r, "upper")?))
        })();
        let bad = |why: &str| r.error("lower", DataErrorKind::BadBands(why.to_string()));
        match parsed {
            Ok((band, upper)) => {
                if top.is_some_and(|(t, _)| t != band.lower) {
                    errors.push(bad("a band must start where the previous one ends"));
                    return None;
                }
                top = Some((upper, r.line));
                bands.push(band);
            }
            Err(e) => {
                errors.push(e);
                return None;
            }
        }
    }
    let (max, line) = top?;
    match BandScheme::new(bands, max) {
        Ok(s) => Some(s),
        Err(_) => {
            errors.push(DataError {
                file: BANDS_FILE.to_string(),
                row: line,
                field: "scheme".into(),
                kind: DataErrorKind::BadBands(scheme.to_string()),
            });
            None
        }
    }
}

/// Adds `text` (trimmed) to a list of texts to translate, unless it is empty or a figure.
pub(crate) fn add_text(out: &mut Vec<(String, String)>, text: &str, context: &str) {
    let text = text.trim();
    let is_figure = text
        .chars()
        .all(|c| c.is_ascii_digit() || " .,%-+()/".contains(c));
    if !is_figure {
        out.push((text.to_string(), context.to_string()));
    }
}

/// A thematic pillar of the GTI framework: an indicator of `data/gti-2025/framework.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Pillar {
    pub id: String,
    pub name_en: String,
    pub default_weight: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    /// Named as one of the 26 by OMCT or by reports quoting the index.
    Confirmed,
    /// Inferred from reports that compare it with members.
    ReportedIndirectly,
}

/// A claim that disagrees with the value the app uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub measure: String,
    pub value: String,
    pub provenance: Provenance,
}

/// A GTI 2025 member with everything the sources say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct GtiCountry {
    pub iso3: String,
    pub name_en: String,
    pub membership: Membership,
    pub provenance: Provenance,
    pub overall: Option<Attested<Band>>,
    /// One entry per pillar, in framework order.
    pub pillars: Vec<Option<Attested<Band>>>,
    pub transparency: Option<Attested<Transparency>>,
    /// A 0-100 score reported by a partner (not published by OMCT).
    pub reported_score: Option<Attested<f64>>,
    pub alternatives: Vec<Alternative>,
}

/// A line of a factsheet's general information or key figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub iso3: String,
    pub id: String,
    pub label_en: String,
    pub value: String,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub provenance: Provenance,
}

/// A recommendation, summarised in the project's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub iso3: String,
    pub n: u32,
    pub summary_en: String,
    pub provenance: Provenance,
}

/// How many members a source says fall in a band (the published distribution).
#[derive(Debug, Clone, PartialEq)]
pub struct BandCount {
    pub band: Band,
    pub count: u32,
    pub provenance: Provenance,
}

/// Which bands the members without a band must still fill, by the published distribution.
/// The explorer reports the open slots; it never assigns them to a country.
#[derive(Debug, Clone, PartialEq)]
pub struct BandSlots {
    /// Members per band as published, in [`Band::ALL`] order (worst first).
    pub published: [u32; 5],
    /// Members per band whose band a source we hold gives.
    pub known: [u32; 5],
    /// Slots still open per band (`published - known`, never below zero).
    pub open: [u32; 5],
    /// Named members without a band, by ISO3 code.
    pub named_without_band: Vec<String>,
    /// Members not named in any source we hold (the published total less the named ones).
    pub unidentified: u32,
}

impl BandSlots {
    pub fn total(&self) -> u32 {
        self.published.iter().sum()
    }

    pub fn open_total(&self) -> u32 {
        self.open.iter().sum()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gti {
    pub pillars: Vec<Pillar>,
    pub countries: Vec<GtiCountry>,
    pub facts: Vec<Fact>,
    pub recommendations: Vec<Recommendation>,
    /// The published number of members per band (one used count per band).
    pub distribution: Vec<BandCount>,
    /// Counts from other sources that disagree with the used one.
    pub distribution_alternatives: Vec<BandCount>,
    /// The GTI's index definition (`data/gti-2025/`), if it loaded: the model reads its band
    /// scheme and default settings.
    pub definition: Option<IndexDefinition>,
    /// The definition's minimum coverage where only its outline was read
    /// ([`Bundle::load_tables`]).
    pub min_coverage: Option<f64>,
    /// The band scheme the definition names (`data/bands.csv`) where only its outline was read.
    pub bands: Option<BandScheme>,
}

impl Gti {
    pub fn country(&self, iso3: &str) -> Option<&GtiCountry> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    pub fn default_weights(&self) -> Vec<f64> {
        self.pillars.iter().map(|p| p.default_weight).collect()
    }

    /// The definition's default minimum coverage and aggregation; without the definition, its
    /// outline's coverage ([`Bundle::load_tables`]), else [`Settings::default`].
    pub fn default_settings(&self) -> Settings {
        match &self.definition {
            Some(d) => d.default_settings(),
            None => Settings {
                min_coverage: self.min_coverage.unwrap_or(Settings::DEFAULT_MIN_COVERAGE),
                ..Settings::default()
            },
        }
    }

    /// The band scheme the definition names, in `data/bands.csv`: from the definition where it
    /// loaded, else from its outline; `None` if neither names one that reads.
    pub fn band_scheme(&self) -> Option<&BandScheme> {
        match &self.definition {
            Some(d) => d.band_scheme(),
            None => self.bands.as_ref(),
        }
    }

    /// The published count of members in `band`, if a source gives it.
    pub fn published_count(&self, band: Band) -> Option<u32> {
        self.distribution
            .iter()
            .find(|c| c.band == band)
            .map(|c| c.count)
    }

    /// The slots of the published distribution that the members without a band must fill.
    /// `None` when the distribution is not complete (a band without a published count).
    pub fn band_slots(&self) -> Option<BandSlots> {
        let mut published = [0; 5];
        for (i, b) in Band::ALL.iter().enumerate() {
            published[i] = self.published_count(*b)?;
        }
        let mut known = [0; 5];
        for c in &self.countries {
            if let Some(a) = &c.overall {
                known[a.value.index()] += 1;
            }
        }
        let mut open = [0; 5];
        for i in 0..5 {
            open[i] = published[i].saturating_sub(known[i]);
        }
        let named_without_band: Vec<String> = self
            .countries
            .iter()
            .filter(|c| c.overall.is_none())
            .map(|c| c.iso3.clone())
            .collect();
        let total: u32 = published.iter().sum();
        let named = u32::try_from(self.countries.len()).unwrap_or(u32::MAX);
        Some(BandSlots {
            published,
            known,
            open,
            named_without_band,
            unidentified: total.saturating_sub(named),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CspCountry {
    pub iso3: String,
    pub name_en: String,
}

/// One published (or known-missing) CSP total.
#[derive(Debug, Clone, PartialEq)]
pub struct CspValue {
    pub iso3: String,
    pub year: u16,
    /// `None`: measured, but no source we hold gives the value.
    pub value: Option<f64>,
    pub status: Status,
    pub provenance: Provenance,
}

/// A year-over-year change that a release states in words.
#[derive(Debug, Clone, PartialEq)]
pub struct StatedChange {
    pub iso3: String,
    pub year: u16,
    pub change: f64,
    pub provenance: Provenance,
    pub explanation_en: String,
}

/// What a release's summary claims about a year as a whole, checked against its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseClaimKind {
    /// The summary says scores hardly changed.
    LargelyUnchanged,
}

impl ReleaseClaimKind {
    pub fn parse(text: &str) -> Option<ReleaseClaimKind> {
        match text.trim() {
            "largely-unchanged" => Some(ReleaseClaimKind::LargelyUnchanged),
            _ => None,
        }
    }
}

/// A claim a release makes about a whole year (see [`ReleaseClaimKind`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseClaim {
    pub year: u16,
    pub kind: ReleaseClaimKind,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Csp {
    pub countries: Vec<CspCountry>,
    /// Used and missing values: at most one per country and year.
    pub values: Vec<CspValue>,
    /// Values from other releases that disagree with the used one.
    pub alternatives: Vec<CspValue>,
    pub stated_changes: Vec<StatedChange>,
    pub release_claims: Vec<ReleaseClaim>,
    /// The index's years, in order, from its definition (`periods` in `data/csp/index.csv`).
    pub years: Vec<u16>,
}

impl Csp {
    /// The index's years, in order.
    pub fn years(&self) -> impl DoubleEndedIterator<Item = u16> {
        self.years.clone().into_iter()
    }

    pub fn country(&self, iso3: &str) -> Option<&CspCountry> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    /// The row for a country and year, if the country was measured that year.
    pub fn value(&self, iso3: &str, year: u16) -> Option<&CspValue> {
        self.values
            .iter()
            .find(|v| v.iso3 == iso3 && v.year == year)
    }
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bundle {
    pub sources: Vec<Source>,
    pub gti: Gti,
    pub csp: Csp,
    /// Every bundled index as the generic model reads it (definition and data), in
    /// [`Files::index_folders`] order: callers can go through the indices without naming them.
    pub indices: Vec<Index>,
}

impl Bundle {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The codes of every country either bundled index names (GTI members, countries the CSP
    /// measured in some year), sorted, each once.
    pub fn country_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.gti.countries.iter().map(|c| c.iso3.clone()).collect();
        codes.extend(self.csp.countries.iter().map(|c| c.iso3.clone()));
        crate::sort::sort(&mut codes);
        codes.dedup();
        codes
    }

    /// A bundled index by its definition's id (`gti-2025`, `csp`).
    pub fn index(&self, id: &str) -> Option<&Index> {
        self.indices.iter().find(|i| i.definition.id == id)
    }

    /// Every English text of the data that a language's catalog translates, with its context
    /// (a factsheet line's id for its text value, where grammar may depend on the line; else
    /// empty): notes, source notes, names of indices, nodes and bands, factsheet labels, text
    /// values and units, recommendations, stated changes' explanations, reforms and the
    /// units' group values. Sorted, each once. Figures, units such as `%`, publishers and
    /// source titles are not translated.
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut add = |text: &str, context: &str| add_text(&mut out, text, context);
        let mut notes: Vec<&Provenance> = Vec::new();
        for c in &self.gti.countries {
            notes.push(&c.provenance);
            notes.extend(c.overall.iter().map(|a| &a.provenance));
            notes.extend(c.pillars.iter().flatten().map(|a| &a.provenance));
            notes.extend(c.transparency.iter().map(|a| &a.provenance));
            notes.extend(c.reported_score.iter().map(|a| &a.provenance));
            notes.extend(c.alternatives.iter().map(|a| &a.provenance));
        }
        notes.extend(self.gti.facts.iter().map(|f| &f.provenance));
        notes.extend(
            self.gti
                .distribution
                .iter()
                .chain(&self.gti.distribution_alternatives)
                .map(|c| &c.provenance),
        );
        notes.extend(self.csp.release_claims.iter().map(|c| &c.provenance));
        notes.extend(
            self.csp
                .values
                .iter()
                .chain(&self.csp.alternatives)
                .map(|v| &v.provenance),
        );
        notes.extend(self.csp.stated_changes.iter().map(|c| &c.provenance));
        for p in notes {
            add(p.note.as_deref().unwrap_or(""), "");
        }
        for s in &self.sources {
            add(s.note.as_deref().unwrap_or(""), "");
        }
        for p in &self.gti.pillars {
            add(&p.name_en, "");
        }
        for f in &self.gti.facts {
            add(&f.label_en, "");
            add(&f.value, &f.id);
            add(f.unit.as_deref().unwrap_or(""), "");
        }
        for r in &self.gti.recommendations {
            add(&r.summary_en, "");
        }
        for c in &self.csp.stated_changes {
            add(&c.explanation_en, "");
        }
        for index in &self.indices {
            out.extend(index.texts());
        }
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }

    /// Loads and validates the files compiled into the engine.
    pub fn bundled() -> (Bundle, Vec<DataError>) {
        Bundle::load(&Files::bundled())
    }

    /// Loads and validates `files`, index definitions and the generic model's data included
    /// ([`Bundle::indices`]). Rows with errors are left out and reported.
    pub fn load(files: &Files) -> (Bundle, Vec<DataError>) {
        let mut errors = Vec::new();
        // The index definitions first: the GTI's framework gives its pillars, the CSP's
        // periods its years.
        let (schemes, e) = parse_band_schemes(BANDS_FILE, files.bands);
        errors.extend(e);
        let folders = files.index_folders();
        let definitions: Vec<Option<IndexDefinition>> = folders
            .iter()
            .map(|f| match IndexDefinition::parse(f, &schemes) {
                Ok(d) => Some(d),
                Err(e) => {
                    errors.extend(e);
                    None
                }
            })
            .collect();
        let definition_of = |folder: &str| {
            folders
                .iter()
                .zip(&definitions)
                .find(|(f, _)| f.path == folder)
                .and_then(|(_, d)| d.clone())
        };
        let gti_definition = definition_of(GTI_FOLDER);
        let csp_years: Vec<u16> = definition_of(CSP_FOLDER)
            .map(|d| {
                d.periods
                    .iter()
                    .filter_map(|p| u16::try_from(*p).ok())
                    .collect()
            })
            .unwrap_or_default();
        let pillars = gti_definition.as_ref().map(pillars_of).unwrap_or_default();
        let mut bundle = Bundle::load_typed(files, pillars, csp_years, &mut errors);
        bundle.gti.definition = gti_definition;

        // The generic model's data. The index-specific loaders have validated the same
        // values files, so a row they reported is not reported twice.
        let known = ids(&bundle.sources, |s| &s.id);
        for (folder, definition) in folders.iter().zip(definitions) {
            let Some(definition) = definition else {
                continue;
            };
            let (data, e) = definition.dataset(folder, &known);
            for e in e {
                if !errors.iter().any(|x| x.file == e.file && x.row == e.row) {
                    errors.push(e);
                }
            }
            if let Some(data) = data {
                bundle.indices.push(Index { definition, data });
            }
        }
        (bundle, errors)
    }

    /// Loads and validates the typed tables the explorer shows (sources, the GTI, the CSP),
    /// reading the GTI's pillars and minimum coverage and the CSP's years from the definitions'
    /// outline ([`Files::outline`]), but without the generic model ([`Bundle::indices`] stays
    /// empty and [`Gti::definition`] `None`; the GTI's band scheme is read from `data/bands.csv`
    /// as the definition names it, [`Gti::bands`]). This is what the app and the widget load: it
    /// keeps the generic model's parsers out of their WebAssembly, within the size budgets.
    pub fn load_tables(files: &Files) -> (Bundle, Vec<DataError>) {
        let (outline, mut errors) = files.outline();
        let mut bundle = Bundle::load_typed(files, outline.pillars, outline.csp_years, &mut errors);
        bundle.gti.min_coverage = outline.gti_coverage;
        bundle.gti.bands = outline.gti_bands;
        (bundle, errors)
    }

    /// The typed tables, given the GTI's pillars and the CSP's years.
    fn load_typed(
        files: &Files,
        pillars: Vec<Pillar>,
        csp_years: Vec<u16>,
        sink: &mut Vec<DataError>,
    ) -> Bundle {
        let mut errors = Vec::new();
        let mut table = |file: &'static str, text: &str| {
            let (t, e) = Table::parse(file, text);
            errors.extend(e);
            t
        };
        let sources_t = table(SOURCES_FILE, files.sources);
        let gti_countries_t = table(GTI_COUNTRIES_FILE, files.gti_countries);
        let gti_values_t = table(GTI_VALUES_FILE, files.gti_values);
        let facts_t = table(GTI_FACTSHEET_FILE, files.gti_factsheet);
        let recs_t = table(GTI_RECOMMENDATIONS_FILE, files.gti_recommendations);
        let csp_countries_t = table(CSP_COUNTRIES_FILE, files.csp_countries);
        let csp_values_t = table(CSP_VALUES_FILE, files.csp_values);
        let stated_t = table(CSP_STATED_CHANGES_FILE, files.csp_stated_changes);
        let distribution_t = table(GTI_DISTRIBUTION_FILE, files.gti_distribution);
        let claims_t = table(CSP_RELEASE_CLAIMS_FILE, files.csp_release_claims);

        let sources = collect(&sources_t, &mut errors, parse_source);
        reject_duplicates(&sources_t, "id", &mut errors);
        let known = ids(&sources, |s| &s.id);

        let ctx = Ctx {
            known: &known,
            years: &csp_years,
        };

        let mut countries = collect(&gti_countries_t, &mut errors, |r| {
            parse_gti_country(r, &ctx, pillars.len())
        });
        reject_duplicates(&gti_countries_t, "iso3", &mut errors);
        dedup_by_key(&mut countries, |c| c.iso3.clone());
        apply_gti_values(&gti_values_t, &ctx, &pillars, &mut countries, &mut errors);

        let gti_isos = ids(&countries, |c| &c.iso3);
        let facts = collect(&facts_t, &mut errors, |r| parse_fact(r, &ctx, &gti_isos));
        let recommendations = collect(&recs_t, &mut errors, |r| {
            parse_recommendation(r, &ctx, &gti_isos)
        });
        let (distribution, distribution_alternatives) =
            parse_distribution(&distribution_t, &ctx, &mut errors);

        let mut csp_countries = collect(&csp_countries_t, &mut errors, parse_csp_country);
        reject_duplicates(&csp_countries_t, "iso3", &mut errors);
        dedup_by_key(&mut csp_countries, |c| c.iso3.clone());
        let csp_isos = ids(&csp_countries, |c| &c.iso3);
        let (values, alternatives) = parse_csp_values(&csp_values_t, &ctx, &csp_isos, &mut errors);
        let stated_changes = collect(&stated_t, &mut errors, |r| {
            parse_stated_change(r, &ctx, &csp_isos)
        });
        let release_claims = collect(&claims_t, &mut errors, |r| parse_release_claim(r, &ctx));

        sink.extend(errors);
        Bundle {
            sources,
            gti: Gti {
                pillars,
                countries,
                facts,
                recommendations,
                distribution,
                distribution_alternatives,
                definition: None,
                min_coverage: None,
                bands: None,
            },
            csp: Csp {
                countries: csp_countries,
                values,
                alternatives,
                stated_changes,
                release_claims,
                years: csp_years,
            },
            indices: Vec::new(),
        }
    }
}

struct Ctx<'a> {
    known: &'a BTreeSet<String>,
    /// The CSP's years, from its definition.
    years: &'a [u16],
}

impl Ctx<'_> {
    fn provenance(
        &self,
        r: &Record,
        sources_col: &str,
        confidence_col: Option<&str>,
        note_col: Option<&str>,
    ) -> Result<Provenance, DataError> {
        provenance(r, self.known, sources_col, confidence_col, note_col)
    }
}

/// The provenance of a row: its sources (each one of `known`), its confidence and its note.
pub(crate) fn provenance(
    r: &Record,
    known: &BTreeSet<String>,
    sources_col: &str,
    confidence_col: Option<&str>,
    note_col: Option<&str>,
) -> Result<Provenance, DataError> {
    row_provenance(r, known, Some(sources_col), confidence_col, note_col)
}

/// As [`provenance`], for files whose rows may leave the sources to someone else (an index
/// framework that names each indicator's sources): without `sources_col` the sources are empty.
pub(crate) fn row_provenance(
    r: &Record,
    known: &BTreeSet<String>,
    sources_col: Option<&str>,
    confidence_col: Option<&str>,
    note_col: Option<&str>,
) -> Result<Provenance, DataError> {
    let mut sources = Vec::new();
    if let Some(col) = sources_col {
        sources = r
            .required(col)?
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if let Some(bad) = sources.iter().find(|s| !known.contains(*s)) {
            return Err(r.error(col, DataErrorKind::UnknownSource(bad.clone())));
        }
    }
    let confidence = match confidence_col {
        Some(col) => {
            let text = r.required(col)?;
            Some(
                Confidence::parse(text)
                    .ok_or_else(|| r.error(col, DataErrorKind::NotAConfidence(text.into())))?,
            )
        }
        None => None,
    };
    let note = match note_col {
        Some(col) => r.optional(col)?.map(str::to_string),
        None => None,
    };
    Ok(Provenance {
        sources,
        confidence,
        note,
    })
}

/// The sources of a `sources.csv` (the bundled one, or an index folder's own): rows with
/// a problem are left out and reported, as are repeated ids.
pub fn parse_sources(file: &str, text: &str) -> (Vec<Source>, Vec<DataError>) {
    let (table, mut errors) = Table::parse(file, text);
    let sources = collect(&table, &mut errors, parse_source);
    reject_duplicates(&table, "id", &mut errors);
    (sources, errors)
}

fn collect<T>(
    table: &Table,
    errors: &mut Vec<DataError>,
    mut parse: impl FnMut(&Record) -> Result<T, DataError>,
) -> Vec<T> {
    table
        .records()
        .filter_map(|r| parse(&r).map_err(|e| errors.push(e)).ok())
        .collect()
}

fn reject_duplicates(table: &Table, column: &str, errors: &mut Vec<DataError>) {
    let mut seen = BTreeSet::new();
    for r in table.records() {
        if let Ok(v) = r.get(column) {
            if !v.is_empty() && !seen.insert(v.to_string()) {
                errors.push(r.error(column, DataErrorKind::Duplicate(v.to_string())));
            }
        }
    }
}

fn dedup_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> String) {
    let mut seen = BTreeSet::new();
    items.retain(|i| seen.insert(key(i)));
}

fn iso3(r: &Record, column: &str) -> Result<String, DataError> {
    let code = r.required(column)?;
    if is_iso3(code) {
        Ok(code.to_string())
    } else {
        Err(r.error(column, DataErrorKind::NotIso3(code.to_string())))
    }
}

/// The set of the items' ids, inserted one by one: collecting into a set would compile a sort
/// of its own into the explorer (see [`crate::sort`]).
fn ids<T>(items: &[T], id: impl Fn(&T) -> &String) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for item in items {
        out.insert(id(item).clone());
    }
    out
}

fn member_iso3(r: &Record, known: &BTreeSet<String>) -> Result<String, DataError> {
    let code = iso3(r, "iso3")?;
    if known.contains(&code) {
        Ok(code)
    } else {
        Err(r.error("iso3", DataErrorKind::UnknownCountry(code)))
    }
}

fn number(r: &Record, column: &str) -> Result<f64, DataError> {
    let text = r.required(column)?;
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| r.error(column, DataErrorKind::NotANumber(text.to_string())))
}

fn year(r: &Record, column: &str, years: &[u16]) -> Result<u16, DataError> {
    let text = r.required(column)?;
    text.parse::<u16>()
        .ok()
        .filter(|y| years.contains(y))
        .ok_or_else(|| r.error(column, DataErrorKind::NotAYear(text.to_string())))
}

fn parse_source(r: &Record) -> Result<Source, DataError> {
    let kind_text = r.required("kind")?;
    let kind = Confidence::parse(kind_text)
        .filter(|c| *c != Confidence::Inferred)
        .ok_or_else(|| r.error("kind", DataErrorKind::NotAConfidence(kind_text.into())))?;
    Ok(Source {
        id: r.required("id")?.to_string(),
        publisher: r.required("publisher")?.to_string(),
        title: r.required("title")?.to_string(),
        url: r.optional("url")?.map(str::to_string),
        kind,
        language: r.required("language")?.to_string(),
        note: r.optional("note")?.map(str::to_string),
    })
}

/// The GTI's pillars: the indicators of its framework, in order, with their weights.
fn pillars_of(definition: &IndexDefinition) -> Vec<Pillar> {
    definition
        .hierarchy
        .indicators()
        .map(|n| Pillar {
            id: n.code.clone(),
            name_en: n.name.get("en").to_string(),
            default_weight: n.weight,
        })
        .collect()
}

fn parse_gti_country(r: &Record, ctx: &Ctx, pillars: usize) -> Result<GtiCountry, DataError> {
    let membership = match r.required("membership")? {
        "confirmed" => Membership::Confirmed,
        "reported-indirectly" => Membership::ReportedIndirectly,
        other => {
            return Err(r.error("membership", DataErrorKind::NotAStatus(other.to_string())));
        }
    };
    Ok(GtiCountry {
        iso3: iso3(r, "iso3")?,
        name_en: r.required("name_en")?.to_string(),
        membership,
        provenance: ctx.provenance(r, "sources", Some("confidence"), Some("note"))?,
        overall: None,
        pillars: vec![None; pillars],
        transparency: None,
        reported_score: None,
        alternatives: Vec::new(),
    })
}

fn apply_gti_values(
    table: &Table,
    ctx: &Ctx,
    pillars: &[Pillar],
    countries: &mut [GtiCountry],
    errors: &mut Vec<DataError>,
) {
    let mut used: BTreeSet<(String, String)> = BTreeSet::new();
    let mut pending_alternatives = Vec::new();
    for r in table.records() {
        let result = (|| -> Result<(), DataError> {
            let code = iso3(&r, "iso3")?;
            let Some(country) = countries.iter_mut().find(|c| c.iso3 == code) else {
                return Err(r.error("iso3", DataErrorKind::UnknownCountry(code)));
            };
            let measure = r.required("measure")?.to_string();
            let value = r.required("value")?.to_string();
            let status_text = r.required("status")?;
            let status = Status::parse(status_text)
                .filter(|s| *s != Status::Missing)
                .ok_or_else(|| r.error("status", DataErrorKind::NotAStatus(status_text.into())))?;
            let provenance = ctx.provenance(&r, "sources", Some("confidence"), Some("note"))?;
            let pillar = pillars.iter().position(|p| p.id == measure);
            // Validate the value against the measure's scale whatever its status.
            match (measure.as_str(), pillar) {
                ("overall", _) | (_, Some(_)) => {
                    Band::parse(&value)
                        .ok_or_else(|| r.error("value", DataErrorKind::NotABand(value.clone())))?;
                }
                ("transparency", _) => {
                    Transparency::parse(&value).ok_or_else(|| {
                        r.error(
                            "value",
                            DataErrorKind::NotATransparencyRating(value.clone()),
                        )
                    })?;
                }
                ("reported_score", _) => {
                    let v = number(&r, "value")?;
                    if !(0.0..=100.0).contains(&v) {
                        return Err(r.error("value", DataErrorKind::NotANumber(value.clone())));
                    }
                }
                _ => return Err(r.error("measure", DataErrorKind::UnknownMeasure(measure))),
            }
            if status == Status::Alternative {
                pending_alternatives.push((r.line, code, measure, value, provenance));
                return Ok(());
            }
            if !used.insert((code.clone(), measure.clone())) {
                return Err(r.error(
                    "measure",
                    DataErrorKind::Duplicate(format!("{code} {measure}")),
                ));
            }
            match (measure.as_str(), pillar) {
                (_, Some(i)) => {
                    country.pillars[i] = Band::parse(&value).map(|b| Attested {
                        value: b,
                        provenance,
                    });
                }
                ("overall", _) => {
                    country.overall = Band::parse(&value).map(|b| Attested {
                        value: b,
                        provenance,
                    });
                }
                ("transparency", _) => {
                    country.transparency = Transparency::parse(&value).map(|t| Attested {
                        value: t,
                        provenance,
                    });
                }
                _ => {
                    country.reported_score = value.parse::<f64>().ok().map(|v| Attested {
                        value: v,
                        provenance,
                    });
                }
            }
            Ok(())
        })();
        if let Err(e) = result {
            errors.push(e);
        }
    }
    let pending = pending_alternatives
        .into_iter()
        .map(|(line, code, measure, value, provenance)| ((code, measure, value, provenance), line))
        .collect();
    let kept = beside_used(table, pending, errors, |(code, measure, _, _)| {
        used.contains(&(code.clone(), measure.clone()))
    });
    for (code, measure, value, provenance) in kept {
        if let Some(c) = countries.iter_mut().find(|c| c.iso3 == code) {
            c.alternatives.push(Alternative {
                measure,
                value,
                provenance,
            });
        }
    }
}

fn parse_fact(r: &Record, ctx: &Ctx, members: &BTreeSet<String>) -> Result<Fact, DataError> {
    Ok(Fact {
        iso3: member_iso3(r, members)?,
        id: r.required("id")?.to_string(),
        label_en: r.required("label_en")?.to_string(),
        value: r.required("value")?.to_string(),
        unit: r.optional("unit")?.map(str::to_string),
        period: r.optional("period")?.map(str::to_string),
        provenance: ctx.provenance(r, "sources", Some("confidence"), Some("note"))?,
    })
}

fn parse_recommendation(
    r: &Record,
    ctx: &Ctx,
    members: &BTreeSet<String>,
) -> Result<Recommendation, DataError> {
    let n_text = r.required("n")?;
    Ok(Recommendation {
        iso3: member_iso3(r, members)?,
        n: n_text
            .parse()
            .map_err(|_| r.error("n", DataErrorKind::NotANumber(n_text.into())))?,
        summary_en: r.required("summary_en")?.to_string(),
        provenance: ctx.provenance(r, "sources", Some("confidence"), None)?,
    })
}

fn parse_csp_country(r: &Record) -> Result<CspCountry, DataError> {
    Ok(CspCountry {
        iso3: iso3(r, "iso3")?,
        name_en: r.required("name_en")?.to_string(),
    })
}

fn parse_csp_values(
    table: &Table,
    ctx: &Ctx,
    members: &BTreeSet<String>,
    errors: &mut Vec<DataError>,
) -> (Vec<CspValue>, Vec<CspValue>) {
    let mut values: Vec<CspValue> = Vec::new();
    let mut alternatives = Vec::new();
    let mut seen = BTreeMap::new();
    for r in table.records() {
        let parsed = (|| -> Result<(CspValue, usize), DataError> {
            let code = member_iso3(&r, members)?;
            let year = year(&r, "year", ctx.years)?;
            let status_text = r.required("status")?;
            let status = Status::parse(status_text)
                .ok_or_else(|| r.error("status", DataErrorKind::NotAStatus(status_text.into())))?;
            let value = match status {
                Status::Missing => {
                    if r.optional("value")?.is_some() {
                        return Err(r.error("value", DataErrorKind::ValueWithMissingStatus));
                    }
                    None
                }
                _ => Some(number(&r, "value")?),
            };
            let provenance = ctx.provenance(&r, "source", Some("confidence"), Some("note"))?;
            Ok((
                CspValue {
                    iso3: code,
                    year,
                    value,
                    status,
                    provenance,
                },
                r.line,
            ))
        })();
        match parsed {
            Ok((v, line)) if v.status == Status::Alternative => alternatives.push((v, line)),
            Ok((v, _)) => {
                let key = (v.iso3.clone(), v.year);
                if seen.insert(key.clone(), ()).is_some() {
                    errors.push(r.error(
                        "year",
                        DataErrorKind::Duplicate(format!("{} {}", key.0, key.1)),
                    ));
                } else {
                    values.push(v);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let alternatives = beside_used(table, alternatives, errors, |v| {
        seen.contains_key(&(v.iso3.clone(), v.year))
    });
    (values, alternatives)
}

/// Keeps the alternatives (each with its row) that stand beside a used value; reports the
/// others as [`DataErrorKind::NoUsedValue`] on their row.
fn beside_used<T>(
    table: &Table,
    alternatives: Vec<(T, usize)>,
    errors: &mut Vec<DataError>,
    has_used: impl Fn(&T) -> bool,
) -> Vec<T> {
    alternatives
        .into_iter()
        .filter_map(|(v, line)| {
            if has_used(&v) {
                Some(v)
            } else {
                errors.push(DataError {
                    file: table.file.to_string(),
                    row: line,
                    field: "status".into(),
                    kind: DataErrorKind::NoUsedValue,
                });
                None
            }
        })
        .collect()
}

/// Band counts: one used count per band; alternatives only beside a used count.
fn parse_distribution(
    table: &Table,
    ctx: &Ctx,
    errors: &mut Vec<DataError>,
) -> (Vec<BandCount>, Vec<BandCount>) {
    let mut used: Vec<BandCount> = Vec::new();
    let mut alternatives = Vec::new();
    for r in table.records() {
        let parsed = (|| -> Result<(BandCount, Status), DataError> {
            let text = r.required("band")?;
            let band = Band::parse(text)
                .ok_or_else(|| r.error("band", DataErrorKind::NotABand(text.into())))?;
            let count_text = r.required("count")?;
            let count = count_text
                .parse::<u32>()
                .map_err(|_| r.error("count", DataErrorKind::NotANumber(count_text.into())))?;
            let status_text = r.required("status")?;
            let status = Status::parse(status_text)
                .filter(|s| *s != Status::Missing)
                .ok_or_else(|| r.error("status", DataErrorKind::NotAStatus(status_text.into())))?;
            let provenance = ctx.provenance(&r, "sources", Some("confidence"), Some("note"))?;
            Ok((
                BandCount {
                    band,
                    count,
                    provenance,
                },
                status,
            ))
        })();
        match parsed {
            Ok((c, Status::Alternative)) => alternatives.push((c, r.line)),
            Ok((c, _)) => {
                if used.iter().any(|u| u.band == c.band) {
                    errors.push(r.error("band", DataErrorKind::Duplicate(c.band.label().into())));
                } else {
                    used.push(c);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let alternatives = beside_used(table, alternatives, errors, |c| {
        used.iter().any(|u| u.band == c.band)
    });
    crate::sort::sort_by_key(&mut used, |c| c.band.index());
    (used, alternatives)
}

fn parse_release_claim(r: &Record, ctx: &Ctx) -> Result<ReleaseClaim, DataError> {
    let text = r.required("claim")?;
    Ok(ReleaseClaim {
        year: year(r, "year", ctx.years)?,
        kind: ReleaseClaimKind::parse(text)
            .ok_or_else(|| r.error("claim", DataErrorKind::UnknownMeasure(text.into())))?,
        provenance: ctx.provenance(r, "source", None, Some("note"))?,
    })
}

fn parse_stated_change(
    r: &Record,
    ctx: &Ctx,
    members: &BTreeSet<String>,
) -> Result<StatedChange, DataError> {
    Ok(StatedChange {
        iso3: member_iso3(r, members)?,
        year: year(r, "year", ctx.years)?,
        change: number(r, "stated_change")?,
        provenance: ctx.provenance(r, "source", None, None)?,
        explanation_en: r.required("explanation_en")?.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn bundled_data_is_valid() {
        let (bundle, errors) = Bundle::bundled();
        assert!(errors.is_empty(), "{:#?}", errors);
        assert_eq!(bundle.gti.pillars.len(), 7);
        assert_eq!(bundle.gti.countries.len(), 23);
        assert_eq!(bundle.csp.countries.len(), 9);
        assert_eq!(bundle.gti.recommendations.len(), 13);
        assert_eq!(bundle.gti.distribution.len(), 5);
        assert_eq!(bundle.gti.distribution_alternatives.len(), 1);
        assert_eq!(bundle.csp.release_claims.len(), 1);
        assert_eq!(bundle.gti.facts.len(), 33);
        // Every bundled folder is an index definition the generic model reads.
        assert_eq!(bundle.indices.len(), Files::bundled().index_folders().len());
        assert!(bundle.gti.definition.is_some());
        assert_eq!(bundle.csp.years().count(), 6);
    }

    #[test]
    fn a_broken_definition_is_reported_and_the_rest_loads() {
        let errors = with(|f| f.csp_index = "key,value\nid,csp\n");
        assert!(errors
            .iter()
            .any(|e| e.file == CSP_INDEX_FILE && e.kind == DataErrorKind::MissingKey));
        let (b, _) = Bundle::load(&Files {
            csp_index: "key,value\n",
            ..Files::bundled()
        });
        assert_eq!(b.indices.len(), 1, "the GTI still loads");
        assert_eq!(b.gti.countries.len(), 23);
    }

    fn with(edit: impl FnOnce(&mut Files)) -> Vec<DataError> {
        let mut files = Files::bundled();
        edit(&mut files);
        Bundle::load(&files).1
    }

    #[test]
    fn unknown_source_is_named_by_file_row_field() {
        let errors = with(|f| {
            f.gti_values = "iso3,measure,value,status,sources,confidence,note\nKGZ,p1,Low,used,nowhere,primary,\n"
        });
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "data/gti-2025/values.csv, row 2, field `sources`: `nowhere` is not a source id in data/sources.csv"
        );
    }

    #[test]
    fn bad_band_bad_iso_and_duplicates_are_reported() {
        let errors = with(|f| {
            f.gti_values = "iso3,measure,value,status,sources,confidence,note\n\
                KGZ,p1,Extreme,used,omct-gti,primary,\n\
                XYZ,p1,Low,used,omct-gti,primary,\n\
                KGZ,p2,Low,used,omct-gti,primary,\n\
                KGZ,p2,High,used,omct-gti,primary,\n\
                KGZ,p9,High,used,omct-gti,primary,\n"
        });
        let kinds: Vec<_> = errors.iter().map(|e| (e.row, e.kind.clone())).collect();
        assert!(kinds.contains(&(2, DataErrorKind::NotABand("Extreme".into()))));
        assert!(kinds.contains(&(3, DataErrorKind::NotIso3("XYZ".into()))));
        assert!(kinds.contains(&(5, DataErrorKind::Duplicate("KGZ p2".into()))));
        assert!(kinds.contains(&(6, DataErrorKind::UnknownMeasure("p9".into()))));
    }

    /// Every text the bundled data gives in English for a catalog to translate: notes, names,
    /// labels, text values (with their factsheet line as context), units and group values.
    #[test]
    fn the_texts_to_translate_cover_every_note_name_and_text_value() {
        let (b, _) = Bundle::bundled();
        let texts = b.texts();
        let has = |t: &str, c: &str| texts.iter().any(|(x, y)| x == t && y == c);
        assert!(has("Political commitment", ""));
        assert!(has("Ratified", "uncat") && has("Ratified", "opcat"));
        assert!(!has("12", "") && !has("%", ""));
        assert!(b
            .sources
            .iter()
            .filter_map(|s| s.note.as_deref())
            .all(|n| has(n, "")));
        assert!(b.gti.recommendations.iter().all(|r| has(&r.summary_en, "")));
        let mut sorted = texts.clone();
        sorted.dedup();
        assert_eq!(sorted, texts, "sorted, each once");
    }

    #[test]
    fn the_core_files_load_cleanly_with_the_same_version() {
        let (core, errors) = Bundle::load(&Files::bundled_core());
        assert!(errors.is_empty(), "{errors:?}");
        assert!(core.gti.facts.is_empty() && core.gti.recommendations.is_empty());
        assert_eq!(core.gti.countries.len(), 23);
        assert_eq!(Files::bundled_core().version(), Files::bundled().version());
        assert_eq!(Files::bundled().version().len(), 8);
    }

    /// Read straight from the files, not through the loader (which drops a bad row): every
    /// source id any row cites is defined in sources.csv, and every source has an address.
    #[test]
    fn every_cited_source_is_defined_and_has_an_address() {
        let files = Files::bundled();
        let (sources, errors) = Table::parse(SOURCES_FILE, files.sources);
        assert!(errors.is_empty(), "{errors:?}");
        let mut ids = BTreeSet::new();
        for r in sources.records() {
            let id = r.get("id").expect("id column").to_string();
            let url = r.get("url").expect("url column");
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{id}: no address"
            );
            ids.insert(id);
        }
        let cited = [
            (GTI_COUNTRIES_FILE, files.gti_countries, "sources"),
            (GTI_VALUES_FILE, files.gti_values, "sources"),
            (GTI_FACTSHEET_FILE, files.gti_factsheet, "sources"),
            (
                GTI_RECOMMENDATIONS_FILE,
                files.gti_recommendations,
                "sources",
            ),
            (GTI_DISTRIBUTION_FILE, files.gti_distribution, "sources"),
            (CSP_VALUES_FILE, files.csp_values, "source"),
            (CSP_STATED_CHANGES_FILE, files.csp_stated_changes, "source"),
            (CSP_RELEASE_CLAIMS_FILE, files.csp_release_claims, "source"),
        ];
        let mut checked = 0;
        for (file, text, column) in cited {
            let (table, errors) = Table::parse(file, text);
            assert!(errors.is_empty(), "{errors:?}");
            for r in table.records() {
                let cell = r.get(column).expect("source column");
                assert!(!cell.trim().is_empty(), "{file} row {}: no source", r.line);
                for id in cell.split_whitespace() {
                    assert!(
                        ids.contains(id),
                        "{file} row {}: `{id}` is not in sources.csv",
                        r.line
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 150, "{checked}");
        // And the check bites: an undefined id is an error naming file, row and field.
        let errors = with(|f| {
            f.gti_recommendations =
                "iso3,n,summary_en,sources,confidence\nSLV,1,a,edh-sv nowhere,secondary\n"
        });
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].kind,
            DataErrorKind::UnknownSource("nowhere".into())
        );
    }

    #[test]
    fn distribution_rows_are_validated() {
        let errors = with(|f| {
            f.gti_distribution = "band,count,status,sources,confidence,note\n\
                Extreme,1,used,elmundo-sv,secondary,\n\
                High,x,used,elmundo-sv,secondary,\n\
                High,13,used,elmundo-sv,secondary,\n\
                High,12,used,elmundo-sv,secondary,\n\
                Low,2,alternative,elmundo-sv,secondary,\n"
        });
        let kinds: Vec<_> = errors.iter().map(|e| (e.row, e.kind.clone())).collect();
        assert_eq!(
            kinds,
            [
                (2, DataErrorKind::NotABand("Extreme".into())),
                (3, DataErrorKind::NotANumber("x".into())),
                (5, DataErrorKind::Duplicate("High".into())),
                (6, DataErrorKind::NoUsedValue),
            ]
        );
        let (b, _) = Bundle::load(&Files {
            gti_distribution:
                "band,count,status,sources,confidence,note\nHigh,13,used,elmundo-sv,secondary,\n",
            ..Files::bundled()
        });
        assert_eq!(
            b.gti.band_slots(),
            None,
            "an incomplete distribution has no slots"
        );
    }

    /// The app's light load reads the same tables as the full one, and its constants (the
    /// model's band midpoints, the default settings) equal what the definitions say.
    #[test]
    fn the_light_load_matches_the_full_one() {
        let (full, e1) = Bundle::load(&Files::bundled());
        let (light, e2) = Bundle::load_tables(&Files::bundled());
        assert!(e1.is_empty() && e2.is_empty(), "{e1:?} {e2:?}");
        assert_eq!(light.sources, full.sources);
        assert_eq!(light.gti.pillars, full.gti.pillars);
        assert_eq!(light.gti.countries, full.gti.countries);
        assert_eq!(light.gti.facts, full.gti.facts);
        assert_eq!(light.gti.recommendations, full.gti.recommendations);
        assert_eq!(light.gti.distribution, full.gti.distribution);
        assert_eq!(light.csp.values, full.csp.values);
        assert_eq!(light.csp.years, full.csp.years);
        assert!(light.indices.is_empty() && light.gti.definition.is_none());
        assert!(!full.indices.is_empty() && full.gti.definition.is_some());
        assert_eq!(light.gti.default_settings(), full.gti.default_settings());
        let (a, b) = (
            crate::GtiModel::new(&light.gti),
            crate::GtiModel::new(&full.gti),
        );
        let settings = full.gti.default_settings();
        let (sa, sb) = (
            a.score(&a.default_weights, &settings).expect("valid"),
            b.score(&b.default_weights, &settings).expect("valid"),
        );
        assert_eq!(sa.order, sb.order);
        for (x, y) in sa.outcomes.iter().zip(&sb.outcomes) {
            assert_eq!(x.score.map(f64::to_bits), y.score.map(f64::to_bits));
            assert_eq!((x.band, x.rank), (y.band, y.rank));
        }
    }

    /// The light load reads the GTI's band scheme from `data/bands.csv`, as the definition
    /// names it: other cut-offs there are the model's and the one model's, and no constant.
    #[test]
    fn the_light_load_reads_the_gti_s_bands_from_the_data() {
        let (light, _) = Bundle::load_tables(&Files::bundled());
        let (full, _) = Bundle::load(&Files::bundled());
        assert_eq!(light.gti.band_scheme(), full.gti.band_scheme());
        assert!(light.gti.band_scheme().is_some());
        // Cut-offs at 10, 30, 50 and 70 instead of 20, 40, 60 and 80.
        let bands = Files::bundled()
            .bands
            .replace(
                "gti-risk,very-high,Very High,0,20,",
                "gti-risk,very-high,Very High,0,10,",
            )
            .replace("gti-risk,high,High,20,40,", "gti-risk,high,High,10,30,")
            .replace(
                "gti-risk,considerable,Considerable,40,60,",
                "gti-risk,considerable,Considerable,30,50,",
            )
            .replace(
                "gti-risk,moderate,Moderate,60,80,",
                "gti-risk,moderate,Moderate,50,70,",
            )
            .replace("gti-risk,low,Low,80,100,", "gti-risk,low,Low,70,100,");
        let bands: &'static str = Box::leak(bands.into_boxed_str());
        let (moved, errors) = Bundle::load_tables(&Files {
            bands,
            ..Files::bundled()
        });
        assert!(errors.is_empty(), "{errors:?}");
        let scheme = moved.gti.band_scheme().expect("read");
        assert_eq!(scheme.range(0), Some((0.0, 10.0)));
        assert_eq!(scheme.range(4), Some((70.0, 100.0)));
        let model = crate::GtiModel::new(&moved.gti);
        assert_eq!(model.scheme.midpoint(Band::VeryHigh), 5.0);
        assert_eq!(model.scheme.midpoint(Band::Low), 85.0);
        let scorer = crate::composite::gti::Scorer::new(&moved.gti, &[]).expect("builds");
        assert_eq!(scorer.band_value(Band::Considerable), Some(40.0));
        // A definition naming a scheme the file does not have: no bands, said so.
        let index: &'static str = Box::leak(
            Files::bundled()
                .gti_index
                .replace("bands,gti-risk", "bands,no-such-scheme")
                .into_boxed_str(),
        );
        let (none, _) = Bundle::load_tables(&Files {
            gti_index: index,
            ..Files::bundled()
        });
        assert_eq!(none.gti.band_scheme(), None);
        assert!(crate::composite::gti::Scorer::new(&none.gti, &[]).is_err());
        // A gap between two bands: reported where it is, and no scheme.
        let gap: &'static str = Box::leak(
            Files::bundled()
                .bands
                .replace("gti-risk,high,High,20,40,", "gti-risk,high,High,25,40,")
                .into_boxed_str(),
        );
        let (broken, errors) = Bundle::load_tables(&Files {
            bands: gap,
            ..Files::bundled()
        });
        assert_eq!(broken.gti.band_scheme(), None);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].file.as_str(), errors[0].row), (BANDS_FILE, 3));
        assert!(matches!(errors[0].kind, DataErrorKind::BadBands(_)));
    }

    #[test]
    fn csp_missing_is_never_zero() {
        let (bundle, _) = Bundle::bundled();
        let tjk = bundle.csp.value("TJK", 2019).expect("recorded as missing");
        assert_eq!(tjk.value, None);
        assert_eq!(tjk.status, Status::Missing);
        let pol = bundle.csp.value("POL", 2022).expect("recorded as missing");
        assert_eq!(pol.value, None);
        assert!(
            bundle.csp.value("POL", 2019).is_none(),
            "not measured at all"
        );
    }

    #[test]
    fn malformed_files_do_not_panic() {
        let errors = with(|f| {
            f.csp_values = "\"\n,,,\nnot,a,csv,\"file";
            f.sources = "";
            f.gti_framework = "code\n\u{0}\n";
            f.bands = "scheme,slug\n\"";
        });
        assert!(!errors.is_empty());
    }

    #[test]
    fn csp_value_with_missing_status_is_rejected() {
        let errors = with(|f| {
            f.csp_values = "iso3,year,value,status,source,confidence,note\nARM,2019,1,missing,csp-2025-sixth,primary,\nARM,2031,1,used,csp-2025-sixth,primary,\n";
        });
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].kind, DataErrorKind::ValueWithMissingStatus);
        assert_eq!(errors[1].kind, DataErrorKind::NotAYear("2031".into()));
    }
}
