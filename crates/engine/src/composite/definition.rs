//! Index definitions: an index is a folder of data, read by one generic model.
//!
//! A folder holds `index.csv` (key,value rows: names, periods, scale, band scheme, default
//! normalisation, aggregation and coverage, fallback rule, and where the units and values
//! are), `framework.csv` (the hierarchy: indicators, aggregates, weights, localised names),
//! a units file and a values file. Band schemes live in a shared `bands.csv`. Reading them
//! gives an [`IndexDefinition`], which builds the generic [`Dataset`] ([`IndexDefinition::dataset`])
//! and its default [`Pipeline`] ([`IndexDefinition::pipeline`]). Every problem is a
//! [`DataError`] naming file, row and field; nothing here panics on data. The format is
//! described in data/README.md ("Adding an index is adding a folder").

use std::collections::{BTreeMap, BTreeSet};

use super::bands::{BandDef, BandScheme};
use super::error::{ModelError, PipelineError};
use super::hierarchy::{Hierarchy, Node, NodeKind};
use super::model::{text_map, Dataset, Direction, IndicatorMeta, LocalText, Unit, Value};
use super::pipeline::aggregate::{AggregateSpec, Coverage, CoverageBasis, Rule};
use super::pipeline::normalise::Normalisation;
use super::pipeline::{NormaliseSpec, Pipeline, Prepared, Results};
use super::rank::{name_order, rank_keys_into};
use crate::csv::{Record, Table};
use crate::data::row_provenance;
use crate::error::{DataError, DataErrorKind};
use crate::model::{Attested, Status};
use crate::rank::{competition_ranks, key, Ranking};
use crate::scoring::{Aggregation, Basis, Settings};

/// The definition's own file in an index folder.
pub const INDEX_FILE: &str = "index.csv";
/// The framework's file in an index folder.
pub const FRAMEWORK_FILE: &str = "framework.csv";

/// Periods are years (or any positive number below 10,000); a range may span this many.
const MAX_PERIODS: i32 = 1000;

/// The files of one index folder, by name, and the folder's path (errors name
/// `path/name`).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexFolder<'a> {
    pub path: &'a str,
    pub files: Vec<(&'a str, &'a str)>,
}

impl<'a> IndexFolder<'a> {
    /// The text of a file of the folder.
    pub fn file(&self, name: &str) -> Option<&'a str> {
        self.files.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// A file's path as errors name it.
    pub fn path_of(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}/{}", self.path.trim_end_matches('/'), name)
        }
    }
}

/// Whether the index is published by its authors or composed by the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndexKind {
    /// Published by its authors (OMCT's GTI, the CSP's index): the explorer shows and models it.
    Published,
    /// One of the explorer's own composites.
    Explorer,
    /// Brought by the visitor from their own files; it never leaves their browser.
    Imported,
}

/// What stands for a unit whose index score cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fallback {
    /// Nothing: the unit is listed without a score.
    None,
    /// The published value of the index (`values.published`) stands, a band at its midpoint.
    PublishedBand,
}

/// Where the units file keeps what: one row per unit, `name_<language>` columns for names.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitsLayout {
    pub file: String,
    /// The column holding the unit's code (ISO3 for countries).
    pub code: String,
}

/// How the values file lays out its values (`values.layout`).
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    /// One row per unit, indicator and period (`values.layout,long`, the default).
    Long {
        /// The column naming the indicator; `None`: every row is the framework's only
        /// indicator.
        indicator: Option<String>,
        /// The column holding the value.
        value: String,
    },
    /// One row per unit and period, one column per indicator (`values.layout,wide`): each
    /// indicator's code and its column, in framework order. An empty cell is a missing value.
    Wide { columns: Vec<(String, String)> },
}

/// Where the values file keeps what.
#[derive(Debug, Clone, PartialEq)]
pub struct ValuesLayout {
    pub file: String,
    pub unit: String,
    pub layout: Layout,
    /// The column naming the period; `None`: every row is the definition's only period.
    pub period: Option<String>,
    /// `used` / `alternative` / `missing`; `None`: every row is used.
    pub status: Option<String>,
    /// Space-separated source ids, each defined in `data/sources.csv`; `None`: each value's
    /// sources are its indicator's in the framework ([`IndexDefinition::sources`]).
    pub sources: Option<String>,
    pub confidence: Option<String>,
    /// A note (in English; its translations are in each language's catalog).
    pub note: Option<String>,
    /// The indicator value naming the index's own published value (the fallback reads it).
    pub published: Option<String>,
    /// Indicator values in the file that index-specific code reads; the model skips them.
    pub other: Vec<String>,
}

/// A reform the framework names for an indicator (`reform_step`, `reform_<language>`): a
/// change of its raw value, in the words an advocate uses ("ratify OPCAT"). The simulator
/// applies it within the indicator's goalposts, if it has them.
#[derive(Debug, Clone, PartialEq)]
pub struct Reform {
    /// Added to the raw value (negative: the value falls).
    pub step: f64,
    pub text: LocalText,
}

/// One index, as its folder defines it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDefinition {
    /// A stable identifier (`gti-2025`, `csp`): lower-case letters, digits and hyphens.
    pub id: String,
    pub name: LocalText,
    /// A short name; the full name where none is given.
    pub short: LocalText,
    pub publisher: String,
    pub kind: IndexKind,
    /// In increasing order.
    pub periods: Vec<i32>,
    /// The score scale's bounds, where known (the CSP does not publish its range).
    pub scale: Option<(f64, f64)>,
    /// Whether a higher value is better: the default direction of every indicator.
    pub direction: Direction,
    /// The band scheme's id and the scheme, if the index has bands.
    pub bands: Option<(String, BandScheme)>,
    pub normalisation: Normalisation,
    pub aggregation: Rule,
    pub coverage: Coverage,
    /// A different minimum share for the aggregates of some levels (`coverage.min.<level>`).
    pub coverage_by_level: BTreeMap<u8, f64>,
    pub fallback: Fallback,
    pub hierarchy: Hierarchy,
    /// Per indicator: direction, unit and goalposts, from the framework.
    pub meta: BTreeMap<String, IndicatorMeta>,
    /// Per indicator: the sources the framework names for all its values
    /// (`framework.sources`), and the framework row that names them.
    pub sources: BTreeMap<String, (Vec<String>, usize)>,
    /// Per indicator: the reform the framework names for it, if any.
    pub reforms: BTreeMap<String, Reform>,
    pub units: UnitsLayout,
    pub values: ValuesLayout,
}

/// An index's data: the generic data set, and the index's published values where the values
/// file gives them (the fallback reads them).
#[derive(Debug, Clone, PartialEq)]
pub struct IndexData {
    pub dataset: Dataset,
    /// By period and unit code.
    pub published: BTreeMap<(i32, String), Attested<Value>>,
}

/// An index with its data: what [`crate::Bundle`] lists for every bundled folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub definition: IndexDefinition,
    pub data: IndexData,
}

impl Index {
    /// The English texts of the index that a language's catalog translates (see
    /// [`crate::Bundle::texts`]): its names, its nodes', bands' and reforms' names, its
    /// indicators' units, the
    /// notes of its published values and its units' group values. Sorted, each once.
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut add = |text: &str| crate::data::add_text(&mut out, text, "");
        let d = &self.definition;
        add(d.name.get("en"));
        add(d.short.get("en"));
        for node in d.hierarchy.nodes() {
            add(node.name.get("en"));
        }
        for band in d.bands.iter().flat_map(|(_, scheme)| scheme.bands()) {
            add(band.name.get("en"));
        }
        for reform in d.reforms.values() {
            add(reform.text.get("en"));
        }
        for meta in d.meta.values() {
            add(meta.unit.as_deref().unwrap_or(""));
        }
        for attested in self.data.published.values() {
            add(attested.provenance.note.as_deref().unwrap_or(""));
        }
        for unit in &self.data.dataset.units {
            for value in unit.groups.values() {
                add(value);
            }
        }
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }
}

/// One unit's standing on the index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub score: Option<f64>,
    /// Position in the band scheme (0 = worst), if the index has bands.
    pub band: Option<usize>,
    pub basis: Basis,
    /// Competition rank, 1 = best; `None` without a score.
    pub rank: Option<u32>,
}

/// Every unit's standing, in data set order, and the display order.
#[derive(Debug, Clone, PartialEq)]
pub struct Standings {
    pub units: Vec<Standing>,
    pub order: Vec<usize>,
}

/// The band schemes of a `bands.csv`, by scheme id. A scheme with a bad row is left out.
pub fn parse_band_schemes(
    file: &str,
    text: &str,
) -> (BTreeMap<String, BandScheme>, Vec<DataError>) {
    let (table, mut errors) = Table::parse(file, text);
    // Rows grouped by scheme, in file order, each with its upper bound and line.
    let mut rows: BTreeMap<String, Vec<(BandDef, f64, usize)>> = BTreeMap::new();
    let mut broken = BTreeSet::new();
    for r in table.records() {
        let parsed = (|| -> Result<(String, BandDef, f64), DataError> {
            let scheme = r.required("scheme")?.to_string();
            let slug = r.required("slug")?.to_string();
            let label = r.required("label")?.to_string();
            let lower = number(&r, "lower")?;
            let upper = number(&r, "upper")?;
            if upper <= lower {
                return Err(r.error(
                    "upper",
                    DataErrorKind::OutOfRange {
                        value: upper.to_string(),
                        range: "above the band's lower bound",
                    },
                ));
            }
            let name = local_columns(&r, "name_");
            if !name.0.contains_key("en") {
                return Err(r.error("name_en", DataErrorKind::Empty));
            }
            Ok((
                scheme,
                BandDef {
                    slug,
                    label,
                    name,
                    lower,
                },
                upper,
            ))
        })();
        match parsed {
            Ok((scheme, def, upper)) => {
                rows.entry(scheme).or_default().push((def, upper, r.line));
            }
            Err(e) => {
                if let Ok(s) = r.get("scheme") {
                    broken.insert(s.to_string());
                }
                errors.push(e);
            }
        }
    }
    let mut schemes = BTreeMap::new();
    for (id, bands) in rows {
        if broken.contains(&id) {
            continue;
        }
        let bad = |line: usize, field: &str, why: &str| DataError {
            file: table.file.clone(),
            row: line,
            field: field.to_string(),
            kind: DataErrorKind::BadBands(why.to_string()),
        };
        let gap = bands
            .windows(2)
            .find(|w| w[0].1 != w[1].0.lower)
            .map(|w| w[1].2);
        if let Some(line) = gap {
            errors.push(bad(
                line,
                "lower",
                "a band must start where the previous one ends",
            ));
            continue;
        }
        let line = bands.first().map_or(1, |b| b.2);
        let max = bands.last().map_or(0.0, |b| b.1);
        let lines: Vec<usize> = bands.iter().map(|b| b.2).collect();
        match BandScheme::new(bands.into_iter().map(|b| b.0).collect(), max) {
            Ok(s) => {
                schemes.insert(id, s);
            }
            Err(ModelError::Duplicate(slug)) => {
                let at = lines.last().copied().unwrap_or(line);
                errors.push(DataError {
                    file: table.file.clone(),
                    row: at,
                    field: "slug".into(),
                    kind: DataErrorKind::Duplicate(slug),
                });
            }
            Err(e) => errors.push(bad(line, "scheme", &e.to_string())),
        }
    }
    (schemes, errors)
}

impl IndexDefinition {
    /// Reads `index.csv` and `framework.csv` of `folder`; `schemes` are the band schemes the
    /// definition may name. Every problem found is returned; any problem means no definition.
    pub fn parse(
        folder: &IndexFolder,
        schemes: &BTreeMap<String, BandScheme>,
    ) -> Result<IndexDefinition, Vec<DataError>> {
        let index_path = folder.path_of(INDEX_FILE);
        let framework_path = folder.path_of(FRAMEWORK_FILE);
        let missing_file = |path: &str| DataError {
            file: path.to_string(),
            row: 1,
            field: String::new(),
            kind: DataErrorKind::UnknownFile(path.to_string()),
        };
        let mut errors = Vec::new();
        let index_text = folder.file(INDEX_FILE);
        let framework_text = folder.file(FRAMEWORK_FILE);
        if index_text.is_none() {
            errors.push(missing_file(&index_path));
        }
        if framework_text.is_none() {
            errors.push(missing_file(&framework_path));
        }
        let (Some(index_text), Some(framework_text)) = (index_text, framework_text) else {
            return Err(errors);
        };
        let keys = Keys::parse(&index_path, index_text, &mut errors);
        let framework = parse_framework(&framework_path, framework_text, &mut errors);
        let definition = build(folder, &keys, framework, schemes, &mut errors);
        match definition {
            Some(d) if errors.is_empty() => Ok(d),
            _ => Err(errors),
        }
    }

    /// The files `index.csv` names beyond itself and the framework (the units file, then the
    /// values file if it is another): what a reader that fetches files one by one asks for
    /// next. Empty if `index.csv` names none.
    pub fn data_files(index_csv: &str) -> Vec<String> {
        let keys = Keys::parse(INDEX_FILE, index_csv, &mut Vec::new());
        let mut files: Vec<String> = Vec::new();
        for key in ["units.file", "values.file"] {
            if let Some(name) = keys.optional(key).filter(|n| !n.is_empty()) {
                if !files.iter().any(|f| f == name) {
                    files.push(name.to_string());
                }
            }
        }
        files
    }

    /// The code of the framework's top node: the index.
    pub fn index_code(&self) -> &str {
        self.hierarchy
            .roots()
            .first()
            .and_then(|&i| self.hierarchy.nodes().get(i))
            .map_or("", |n| n.code.as_str())
    }

    /// The band scheme, if the index has one.
    pub fn band_scheme(&self) -> Option<&BandScheme> {
        self.bands.as_ref().map(|(_, s)| s)
    }

    /// The default construction: the definition's normalisation, aggregation and coverage,
    /// with the framework's weights.
    pub fn pipeline(&self) -> Pipeline {
        Pipeline {
            normalise: NormaliseSpec {
                default: self.normalisation,
                by_indicator: BTreeMap::new(),
            },
            aggregate: AggregateSpec {
                rule: self.aggregation,
                by_level: BTreeMap::new(),
                coverage: self.coverage,
                coverage_by_level: self.coverage_by_level.clone(),
            },
            ..Pipeline::default()
        }
    }

    /// The default settings of the GTI model ([`crate::GtiModel`]): the definition's minimum
    /// coverage and aggregation (the harmonic mean, which that model lacks, as arithmetic).
    pub fn default_settings(&self) -> Settings {
        Settings {
            min_coverage: self.coverage.min,
            aggregation: Aggregation::try_from(self.aggregation).unwrap_or_default(),
        }
    }

    /// Builds the data set from the folder's units and values files. `sources` are the source
    /// ids values may cite. A row with a problem is reported and left out; the rest loads.
    /// `None` only if the data set itself cannot be built (reported as an error).
    pub fn dataset(
        &self,
        folder: &IndexFolder,
        sources: &BTreeSet<String>,
    ) -> (Option<IndexData>, Vec<DataError>) {
        let mut errors = Vec::new();
        let units = self.read_units(folder, &mut errors);
        let dataset = Dataset::new(
            units,
            self.hierarchy.clone(),
            self.meta.clone(),
            Vec::new(),
            self.band_scheme().cloned(),
            self.periods.clone(),
        );
        let mut dataset = match dataset {
            Ok(d) => d,
            Err(e) => {
                errors.push(DataError {
                    file: folder.path_of(&self.units.file),
                    row: 1,
                    field: self.units.code.clone(),
                    kind: DataErrorKind::Framework(e.to_string()),
                });
                return (None, errors);
            }
        };
        let published = self.read_values(folder, sources, &mut dataset, &mut errors);
        (Some(IndexData { dataset, published }), errors)
    }

    /// Parses the definition and builds its data in one step.
    pub fn load(
        folder: &IndexFolder,
        schemes: &BTreeMap<String, BandScheme>,
        sources: &BTreeSet<String>,
    ) -> (Option<Index>, Vec<DataError>) {
        match IndexDefinition::parse(folder, schemes) {
            Ok(definition) => {
                let (data, errors) = definition.dataset(folder, sources);
                (data.map(|data| Index { definition, data }), errors)
            }
            Err(errors) => (None, errors),
        }
    }

    fn read_units(&self, folder: &IndexFolder, errors: &mut Vec<DataError>) -> Vec<Unit> {
        let path = folder.path_of(&self.units.file);
        let Some(text) = folder.file(&self.units.file) else {
            errors.push(DataError {
                file: folder.path_of(INDEX_FILE),
                row: 1,
                field: "units.file".into(),
                kind: DataErrorKind::UnknownFile(self.units.file.clone()),
            });
            return Vec::new();
        };
        let (table, e) = Table::parse(&path, text);
        errors.extend(e);
        let mut units: Vec<Unit> = Vec::new();
        for r in table.records() {
            let parsed = (|| -> Result<Unit, DataError> {
                let code = r.required(&self.units.code)?.to_string();
                let name = local_columns(&r, "name_");
                if !name.0.contains_key("en") {
                    return Err(r.error("name_en", DataErrorKind::Empty));
                }
                if units.iter().any(|u| u.code == code) {
                    return Err(r.error(&self.units.code, DataErrorKind::Duplicate(code)));
                }
                // `group.<key>` columns: the unit's group for that key (a region, an income
                // group), and `group.<key>.<lang>` its name in a language.
                let groups = text_map(r.columns().iter().filter_map(|c| {
                    let key = c.strip_prefix("group.")?;
                    let value = r.optional_column(c)?;
                    (!key.is_empty()).then(|| (key.to_string(), value.to_string()))
                }));
                Ok(Unit { code, name, groups })
            })();
            match parsed {
                Ok(u) => units.push(u),
                Err(e) => errors.push(e),
            }
        }
        units
    }

    fn read_values(
        &self,
        folder: &IndexFolder,
        sources: &BTreeSet<String>,
        data: &mut Dataset,
        errors: &mut Vec<DataError>,
    ) -> BTreeMap<(i32, String), Attested<Value>> {
        let layout = &self.values;
        let mut published = BTreeMap::new();
        let Some(text) = folder.file(&layout.file) else {
            errors.push(DataError {
                file: folder.path_of(INDEX_FILE),
                row: 1,
                field: "values.file".into(),
                kind: DataErrorKind::UnknownFile(layout.file.clone()),
            });
            return published;
        };
        // The framework's sources are checked once, where the framework names them.
        let framework_path = folder.path_of(FRAMEWORK_FILE);
        for (ids, line) in self.sources.values() {
            if let Some(bad) = ids.iter().find(|s| !sources.contains(*s)) {
                errors.push(DataError {
                    file: framework_path.clone(),
                    row: *line,
                    field: "sources".into(),
                    kind: DataErrorKind::UnknownSource(bad.clone()),
                });
            }
        }
        let (table, e) = Table::parse(&folder.path_of(&layout.file), text);
        errors.extend(e);
        let mut wide_columns: Vec<(&str, &str)> = Vec::new();
        if let Layout::Wide { columns } = &layout.layout {
            for (code, column) in columns {
                if table.header.iter().any(|h| h == column) {
                    wide_columns.push((code, column));
                } else {
                    errors.push(DataError {
                        file: table.file.clone(),
                        row: 1,
                        field: column.clone(),
                        kind: DataErrorKind::MissingColumn,
                    });
                }
            }
        }
        let only_indicator = self.hierarchy.indicators().next().map(|n| n.code.clone());
        let mut seen: BTreeSet<(i32, String, String)> = BTreeSet::new();
        for r in table.records() {
            let result = (|| -> Result<(), DataError> {
                let unit = r.required(&layout.unit)?.to_string();
                if data.unit_index(&unit).is_none() {
                    return Err(r.error(&layout.unit, DataErrorKind::UnknownCountry(unit)));
                }
                let period = match &layout.period {
                    Some(col) => {
                        let text = r.required(col)?;
                        text.parse::<i32>()
                            .ok()
                            .filter(|p| self.periods.contains(p))
                            .ok_or_else(|| r.error(col, DataErrorKind::NotAYear(text.into())))?
                    }
                    None => self.periods.first().copied().unwrap_or_default(),
                };
                let row = row_provenance(
                    &r,
                    sources,
                    layout.sources.as_deref(),
                    layout.confidence.as_deref(),
                    layout.note.as_deref(),
                )?;
                // A value's sources are its row's, else its indicator's in the framework.
                let provenance_of = |code: &str| {
                    let mut p = row.clone();
                    if p.sources.is_empty() {
                        if let Some((ids, _)) = self.sources.get(code) {
                            p.sources.clone_from(ids);
                        }
                    }
                    p
                };
                let (indicator, value_col) = match &layout.layout {
                    Layout::Long { indicator, value } => (indicator, value),
                    Layout::Wide { .. } => {
                        // One row per unit and period; every non-empty cell is a used value.
                        if !seen.insert((period, unit.clone(), String::new())) {
                            let field = layout.period.as_deref().unwrap_or(&layout.unit);
                            return Err(r.error(
                                field,
                                DataErrorKind::Duplicate(format!("{unit} {period}")),
                            ));
                        }
                        let mut cells = Vec::new();
                        for (code, column) in &wide_columns {
                            if r.optional(column)?.is_some() {
                                cells.push((*code, self.parse_value(&r, column)?));
                            }
                        }
                        for (code, value) in cells {
                            data.set(period, &unit, code, value, Some(provenance_of(code)))
                                .map_err(|e| {
                                    r.error(code, DataErrorKind::Framework(e.to_string()))
                                })?;
                        }
                        return Ok(());
                    }
                };
                let measure = match indicator {
                    Some(col) => r.required(col)?.to_string(),
                    None => only_indicator.clone().unwrap_or_default(),
                };
                let measure_col = indicator.as_deref().unwrap_or(value_col);
                if layout.other.contains(&measure) {
                    return Ok(());
                }
                let is_published = layout.published.as_deref() == Some(measure.as_str());
                if !is_published && self.hierarchy.indicator_column(&measure).is_none() {
                    return Err(r.error(measure_col, DataErrorKind::UnknownMeasure(measure)));
                }
                let status = match &layout.status {
                    Some(col) => {
                        let text = r.required(col)?;
                        Status::parse(text)
                            .ok_or_else(|| r.error(col, DataErrorKind::NotAStatus(text.into())))?
                    }
                    None => Status::Used,
                };
                let provenance = provenance_of(&measure);
                let value = match status {
                    Status::Missing => {
                        if r.optional(value_col)?.is_some() {
                            return Err(r.error(value_col, DataErrorKind::ValueWithMissingStatus));
                        }
                        Value::Missing
                    }
                    _ => self.parse_value(&r, value_col)?,
                };
                // Alternatives are claims shown beside the used value; the model reads only
                // used and missing values.
                if status == Status::Alternative {
                    return Ok(());
                }
                if !seen.insert((period, unit.clone(), measure.clone())) {
                    let what = match &layout.period {
                        Some(_) => format!("{unit} {period}"),
                        None => format!("{unit} {measure}"),
                    };
                    let field = layout.period.as_deref().unwrap_or(measure_col);
                    return Err(r.error(field, DataErrorKind::Duplicate(what)));
                }
                if is_published {
                    published.insert((period, unit), Attested { value, provenance });
                    return Ok(());
                }
                data.set(period, &unit, &measure, value, Some(provenance))
                    .map_err(|e| r.error(value_col, DataErrorKind::Framework(e.to_string())))
            })();
            if let Err(e) = result {
                errors.push(e);
            }
        }
        published
    }

    /// A value: a finite number, or a band of the index's scheme by label or slug.
    fn parse_value(&self, r: &Record, column: &str) -> Result<Value, DataError> {
        let text = r.required(column)?;
        if let Some(b) = self.band_scheme().and_then(|s| s.parse(text)) {
            return Ok(Value::Band(b));
        }
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Value::Number(x)),
            _ => match &self.bands {
                Some((scheme, _)) => Err(r.error(
                    column,
                    DataErrorKind::NotANumberOrBand {
                        value: text.into(),
                        scheme: scheme.clone(),
                    },
                )),
                None => Err(r.error(column, DataErrorKind::NotANumber(text.into()))),
            },
        }
    }

    /// Every unit's index score, band, basis and rank from a pipeline's `results`, the
    /// fallback applied where the score cannot be computed. Ties are broken by English name,
    /// as everywhere in the engine.
    pub fn standings(&self, data: &IndexData, results: &Results) -> Standings {
        let d = &data.dataset;
        let root = d.hierarchy.node_index(self.index_code());
        let scheme = self.band_scheme();
        let units: Vec<Standing> = d
            .units
            .iter()
            .enumerate()
            .map(|(u, unit)| {
                let computed = root.and_then(|c| results.scores.get(results.row_of(u)?, c));
                let (score, basis) = match computed {
                    Some(s) => (Some(s), Basis::Recomputed),
                    None => match self.fallback_score(data, results.period, &unit.code) {
                        Some(s) => (Some(s), Basis::PublishedBandOnly),
                        None => (None, Basis::NotPublished),
                    },
                };
                let band = match (basis, self.published(data, results.period, &unit.code)) {
                    (Basis::PublishedBandOnly, Some(Value::Band(b))) => Some(b),
                    _ => score.and_then(|s| scheme?.band_of(s)),
                };
                Standing {
                    score,
                    band,
                    basis,
                    rank: None,
                }
            })
            .collect();
        let scores: Vec<Option<f64>> = units.iter().map(|s| s.score).collect();
        let names: Vec<&str> = d.units.iter().map(|u| u.name.get("en")).collect();
        let Ranking { ranks, order } = competition_ranks(&scores, &names);
        let units = units
            .into_iter()
            .zip(ranks)
            .map(|(s, rank)| Standing { rank, ..s })
            .collect();
        Standings { units, order }
    }

    /// Makes one period ready to recompute at changing weights and rules: `pipeline`'s steps
    /// before aggregation, the fallback of every unit and the order of names, once. Then
    /// [`PreparedIndex::score`] gives the same standings as [`Pipeline::run`] followed by
    /// [`IndexDefinition::standings`], bit for bit, without copying the data.
    pub fn prepare(
        &self,
        data: &IndexData,
        pipeline: &Pipeline,
        period: i32,
    ) -> Result<PreparedIndex, PipelineError> {
        let d = &data.dataset;
        let scheme = self.band_scheme();
        let fallback = d
            .units
            .iter()
            .map(|unit| {
                let score = self.fallback_score(data, period, &unit.code)?;
                let band = match self.published(data, period, &unit.code) {
                    Some(Value::Band(b)) => Some(b),
                    _ => scheme.and_then(|s| s.band_of(score)),
                };
                Some((score, band))
            })
            .collect();
        let prepared = pipeline.prepare(d, period)?;
        Ok(PreparedIndex::new(d, prepared, self.index_code(), fallback))
    }

    /// The index's published value for a unit and period, if the values file gives one.
    pub fn published(&self, data: &IndexData, period: i32, unit: &str) -> Option<Value> {
        data.published
            .get(&(period, unit.to_string()))
            .map(|a| a.value)
    }

    /// What stands for a unit whose score cannot be computed, by the fallback rule.
    pub fn fallback_score(&self, data: &IndexData, period: i32, unit: &str) -> Option<f64> {
        match self.fallback {
            Fallback::None => None,
            Fallback::PublishedBand => match self.published(data, period, unit)? {
                Value::Band(b) => self.band_scheme()?.midpoint(b),
                Value::Number(x) => Some(x),
                Value::Missing => None,
            },
        }
    }
}

/// One draw's ranks and bands, per unit of the data set.
pub(crate) type Draw<'a> = (&'a [Option<u32>], &'a [Option<usize>]);

/// One period of an index made ready for recomputes ([`IndexDefinition::prepare`]): what the
/// explorer's sliders call on every movement.
#[derive(Debug, Clone)]
pub struct PreparedIndex {
    prepared: Prepared,
    /// The index node's column.
    root: Option<usize>,
    /// Per unit of the data set: its row of the prepared scores (`None`: screened out).
    rows: Vec<Option<usize>>,
    /// Per unit: the fallback's score and band, for when its score cannot be computed.
    fallback: Vec<Option<(f64, Option<usize>)>>,
    scheme: Option<BandScheme>,
    /// Per unit: its place in name order, which breaks ties.
    name_place: Vec<u32>,
    keys: Vec<Option<i64>>,
    ranks: Vec<Option<u32>>,
    standings: Standings,
    /// Scratch of [`PreparedIndex::draw`] and of the ranking.
    draw_bands: Vec<Option<usize>>,
    draw_order: Vec<usize>,
    packed: Vec<u64>,
}

impl PreparedIndex {
    /// Makes a period of `data`, `prepared` by a pipeline's steps before aggregation, ready
    /// to recompute, with the order of names, once. `index` is the code of the node that
    /// ranks, `fallback` what stands, per unit of the data set, for a unit whose score cannot
    /// be computed (its score and band). [`IndexDefinition::prepare`] reads the fallback from
    /// the definition.
    pub fn new(
        data: &Dataset,
        prepared: Prepared,
        index: &str,
        fallback: Vec<Option<(f64, Option<usize>)>>,
    ) -> PreparedIndex {
        let n = data.units.len();
        let mut rows = vec![None; n];
        for (row, &u) in prepared.units().iter().enumerate() {
            if let Some(r) = rows.get_mut(u) {
                *r = Some(row);
            }
        }
        let mut fallback = fallback;
        fallback.resize(n, None);
        let names: Vec<&str> = data.units.iter().map(|u| u.name.get("en")).collect();
        PreparedIndex {
            prepared,
            root: data.hierarchy.node_index(index),
            rows,
            fallback,
            scheme: data.bands.clone(),
            name_place: name_order(&names),
            keys: vec![None; n],
            ranks: vec![None; n],
            draw_bands: Vec::with_capacity(n),
            draw_order: Vec::with_capacity(n),
            packed: Vec::with_capacity(n),
            standings: Standings {
                units: Vec::with_capacity(n),
                order: Vec::with_capacity(n),
            },
        }
    }

    /// Recomputes every unit's score, band, basis and rank at `weights` (one per framework
    /// node, in node order; `None`: the framework's) and with `spec`.
    pub fn score(
        &mut self,
        weights: Option<&[f64]>,
        spec: &AggregateSpec,
    ) -> Result<&Standings, PipelineError> {
        let scores = self.prepared.score(weights, spec)?;
        let column = self.root.map(|r| scores.column(r)).unwrap_or(&[]);
        let units = &mut self.standings.units;
        units.clear();
        for (u, (row, fallback)) in self.rows.iter().zip(&self.fallback).enumerate() {
            let computed = row
                .and_then(|r| column.get(r).copied())
                .filter(|s| !s.is_nan());
            let standing = match (computed, fallback) {
                (Some(s), _) => Standing {
                    score: Some(s),
                    band: self.scheme.as_ref().and_then(|x| x.band_of(s)),
                    basis: Basis::Recomputed,
                    rank: None,
                },
                (None, Some((s, band))) => Standing {
                    score: Some(*s),
                    band: *band,
                    basis: Basis::PublishedBandOnly,
                    rank: None,
                },
                (None, None) => Standing {
                    score: None,
                    band: None,
                    basis: Basis::NotPublished,
                    rank: None,
                },
            };
            if let Some(k) = self.keys.get_mut(u) {
                *k = standing.score.map(key);
            }
            units.push(standing);
        }
        rank_keys_into(
            &self.keys,
            &self.name_place,
            &mut self.standings.order,
            &mut self.ranks,
            &mut self.packed,
        );
        for (s, r) in self.standings.units.iter_mut().zip(&self.ranks) {
            s.rank = *r;
        }
        Ok(&self.standings)
    }

    /// One draw of a Monte Carlo: every unit's rank and band at `weights`, exactly as
    /// [`PreparedIndex::score`] gives them, without building the standings (left untouched).
    #[inline(never)]
    pub(crate) fn draw(
        &mut self,
        weights: &[f64],
        spec: &AggregateSpec,
    ) -> Result<Draw<'_>, PipelineError> {
        let scores = self.prepared.score(Some(weights), spec)?;
        let column = self.root.map(|r| scores.column(r)).unwrap_or(&[]);
        self.draw_bands.clear();
        for ((row, fallback), k) in self.rows.iter().zip(&self.fallback).zip(&mut self.keys) {
            let computed = row
                .and_then(|r| column.get(r).copied())
                .filter(|s| !s.is_nan());
            let (score, band) = match (computed, fallback) {
                (Some(s), _) => (Some(s), self.scheme.as_ref().and_then(|x| x.band_of(s))),
                (None, Some((s, band))) => (Some(*s), *band),
                (None, None) => (None, None),
            };
            *k = score.map(key);
            self.draw_bands.push(band);
        }
        rank_keys_into(
            &self.keys,
            &self.name_place,
            &mut self.draw_order,
            &mut self.ranks,
            &mut self.packed,
        );
        Ok((&self.ranks, &self.draw_bands))
    }

    /// The index node's column of the prepared scores.
    pub(crate) fn root_column(&self) -> Option<usize> {
        self.root
    }

    /// What stands for a unit whose score cannot be computed: the fallback's score and band.
    pub(crate) fn fallback_of(&self, unit: usize) -> Option<(f64, Option<usize>)> {
        self.fallback.get(unit).copied().flatten()
    }

    /// A unit's row of the prepared scores (`None`: screened out).
    pub(crate) fn row(&self, unit: usize) -> Option<usize> {
        self.rows.get(unit).copied().flatten()
    }

    /// The standings of the last [`PreparedIndex::score`] (empty before the first).
    pub fn standings(&self) -> &Standings {
        &self.standings
    }

    /// The index's band scheme, if it has one.
    pub fn scheme(&self) -> Option<&BandScheme> {
        self.scheme.as_ref()
    }

    /// The pipeline's side: every node's score of the last recompute, by row.
    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }
}

/// The key,value rows of `index.csv`, each with its line.
struct Keys {
    file: String,
    map: BTreeMap<String, (String, usize)>,
}

/// The keys of the format; `name.*` and `short.*` take any language tag.
const KEYS: &[&str] = &[
    "id",
    "publisher",
    "kind",
    "periods",
    "scale.min",
    "scale.max",
    "direction",
    "bands",
    "normalisation",
    "aggregation",
    "coverage.basis",
    "coverage.min",
    "fallback",
    "units.file",
    "units.code",
    "values.file",
    "values.layout",
    "values.columns",
    "values.unit",
    "values.indicator",
    "values.period",
    "values.value",
    "values.status",
    "values.sources",
    "values.confidence",
    "values.note",
    "values.published",
    "values.other",
    "framework.sources",
];

/// `coverage.min.<level>`: the share for the aggregates of one level (2 and above).
fn coverage_level(key: &str) -> Option<u8> {
    key.strip_prefix("coverage.min.")?
        .parse::<u8>()
        .ok()
        .filter(|l| *l >= 2)
}

fn language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 16
        && tag.starts_with(|c: char| c.is_ascii_lowercase())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl Keys {
    fn parse(file: &str, text: &str, errors: &mut Vec<DataError>) -> Keys {
        let (table, e) = Table::parse(file, text);
        errors.extend(e);
        let mut map = BTreeMap::new();
        for r in table.records() {
            let parsed = (|| -> Result<(String, String), DataError> {
                let key = r.required("key")?;
                let known = KEYS.contains(&key)
                    || coverage_level(key).is_some()
                    || ["name.", "short."]
                        .iter()
                        .any(|p| key.strip_prefix(p).is_some_and(language_tag));
                if !known {
                    return Err(r.error("key", DataErrorKind::UnknownKey(key.into())));
                }
                if map.contains_key(key) {
                    return Err(r.error("key", DataErrorKind::Duplicate(key.into())));
                }
                Ok((key.to_string(), r.get("value")?.to_string()))
            })();
            match parsed {
                Ok((k, v)) => {
                    map.insert(k, (v, r.line));
                }
                Err(e) => errors.push(e),
            }
        }
        Keys {
            file: file.to_string(),
            map,
        }
    }

    fn error(&self, key: &str, kind: DataErrorKind) -> DataError {
        DataError {
            file: self.file.clone(),
            row: self.map.get(key).map_or(1, |(_, line)| *line),
            field: key.to_string(),
            kind,
        }
    }

    /// A key's value; `None` when absent or empty.
    fn optional(&self, key: &str) -> Option<&str> {
        self.map
            .get(key)
            .map(|(v, _)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    fn required(&self, key: &str) -> Result<&str, DataError> {
        self.optional(key).ok_or_else(|| match self.map.get(key) {
            Some(_) => self.error(key, DataErrorKind::Empty),
            None => self.error(key, DataErrorKind::MissingKey),
        })
    }

    /// A word from a closed list.
    fn choice<T: Copy>(
        &self,
        key: &str,
        default: Option<T>,
        options: &[(&str, T)],
        expected: &'static str,
    ) -> Result<T, DataError> {
        let text = match (self.optional(key), default) {
            (None, Some(d)) => return Ok(d),
            (None, None) => self.required(key)?,
            (Some(t), _) => t,
        };
        options
            .iter()
            .find(|(w, _)| *w == text)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                self.error(
                    key,
                    DataErrorKind::NotOneOf {
                        value: text.into(),
                        expected,
                    },
                )
            })
    }

    fn number(&self, key: &str) -> Result<Option<f64>, DataError> {
        let Some(text) = self.optional(key) else {
            return Ok(None);
        };
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(self.error(key, DataErrorKind::NotANumber(text.into()))),
        }
    }

    fn local(&self, prefix: &str) -> LocalText {
        LocalText(text_map(self.map.iter().filter_map(|(k, (v, _))| {
            let tag = k.strip_prefix(prefix)?;
            (!v.is_empty()).then(|| (tag.to_string(), v.clone()))
        })))
    }
}

/// Localised columns (`name_en`, `name_ru` ...) of a row, keyed by language tag.
fn local_columns(r: &Record, prefix: &str) -> LocalText {
    LocalText(text_map(r.columns().iter().filter_map(|c| {
        let tag = c.strip_prefix(prefix)?;
        let text = r.optional_column(c)?;
        language_tag(tag).then(|| (tag.to_string(), text.to_string()))
    })))
}

fn number(r: &Record, column: &str) -> Result<f64, DataError> {
    let text = r.required(column)?;
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| r.error(column, DataErrorKind::NotANumber(text.to_string())))
}

/// A definition's `periods`: `2025`, `2019-2024`, or several of either separated by spaces
/// (`2019-2024 2026`); increasing, no repeats, at most [`MAX_PERIODS`]; `None` otherwise.
/// The outline ([`crate::data::Files::outline`]) reads the key with it too.
pub(crate) fn parse_periods(text: &str) -> Option<Vec<i32>> {
    let year = |t: &str| t.parse::<i32>().ok().filter(|y| (1..10_000).contains(y));
    let mut periods = Vec::new();
    for token in text.split_whitespace() {
        match token.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (year(a)?, year(b)?);
                if b < a || b - a >= MAX_PERIODS {
                    return None;
                }
                periods.extend(a..=b);
            }
            None => periods.push(year(token)?),
        }
    }
    let increasing = periods.windows(2).all(|w| w[0] < w[1]);
    (!periods.is_empty() && increasing && periods.len() <= MAX_PERIODS as usize).then_some(periods)
}

/// One framework row, with its line, for errors.
struct FrameworkRow {
    node: Node,
    line: usize,
    direction: Option<Direction>,
    unit: Option<String>,
    goalposts: Option<(f64, f64)>,
    /// Every non-empty cell, by column: the definition names further columns to read.
    cells: BTreeMap<String, String>,
}

/// A parsed framework: the hierarchy, its rows in file order, and the file's columns.
struct Framework {
    hierarchy: Hierarchy,
    rows: Vec<FrameworkRow>,
    columns: Vec<String>,
}

fn parse_framework(file: &str, text: &str, errors: &mut Vec<DataError>) -> Option<Framework> {
    let (table, e) = Table::parse(file, text);
    let clean = e.is_empty();
    errors.extend(e);
    let mut rows = Vec::new();
    let mut ok = clean;
    for r in table.records() {
        let parsed = (|| -> Result<FrameworkRow, DataError> {
            let code = r.required("code")?.to_string();
            let level_text = r.required("level")?;
            let level = level_text
                .parse::<u8>()
                .ok()
                .filter(|l| *l >= 1)
                .ok_or_else(|| {
                    r.error(
                        "level",
                        DataErrorKind::OutOfRange {
                            value: level_text.into(),
                            range: "a level from 1 (indicators) to 255",
                        },
                    )
                })?;
            let weight = number(&r, "weight")?;
            if weight < 0.0 {
                return Err(r.error(
                    "weight",
                    DataErrorKind::OutOfRange {
                        value: weight.to_string(),
                        range: "a weight of 0 or more",
                    },
                ));
            }
            let name = local_columns(&r, "name_");
            if !name.0.contains_key("en") {
                return Err(r.error("name_en", DataErrorKind::Empty));
            }
            let direction = match r.optional_column("direction") {
                None => None,
                Some("1") => Some(Direction::Positive),
                Some("-1") => Some(Direction::Negative),
                Some(other) => {
                    return Err(r.error(
                        "direction",
                        DataErrorKind::NotOneOf {
                            value: other.into(),
                            expected: "1, -1",
                        },
                    ))
                }
            };
            let goal = |column: &str| -> Result<Option<f64>, DataError> {
                r.optional_column(column)
                    .map(|_| number(&r, column))
                    .transpose()
            };
            let goalposts = match (goal("goal_lower")?, goal("goal_upper")?) {
                (None, None) => None,
                (Some(lo), Some(hi)) if lo != hi => Some((lo, hi)),
                (Some(lo), Some(_)) => {
                    return Err(r.error(
                        "goal_upper",
                        DataErrorKind::OutOfRange {
                            value: lo.to_string(),
                            range: "a goalpost other than goal_lower",
                        },
                    ))
                }
                (None, Some(_)) => return Err(r.error("goal_lower", DataErrorKind::Empty)),
                (Some(_), None) => return Err(r.error("goal_upper", DataErrorKind::Empty)),
            };
            let parent = r.optional("parent")?.map(str::to_string);
            let kind = if level == 1 {
                NodeKind::Indicator
            } else {
                NodeKind::Aggregate
            };
            Ok(FrameworkRow {
                node: Node {
                    code,
                    name,
                    level,
                    parent,
                    weight,
                    kind,
                },
                line: r.line,
                direction,
                unit: r.optional_column("unit").map(str::to_string),
                goalposts,
                cells: text_map(
                    r.columns()
                        .iter()
                        .filter_map(|c| Some((c.clone(), r.optional_column(c)?.to_string()))),
                ),
            })
        })();
        match parsed {
            Ok(row) => rows.push(row),
            Err(e) => {
                ok = false;
                errors.push(e);
            }
        }
    }
    if !ok {
        return None;
    }
    let framework_error = |line: usize, field: &str, why: String| DataError {
        file: file.to_string(),
        row: line,
        field: field.to_string(),
        kind: DataErrorKind::Framework(why),
    };
    match Hierarchy::new(rows.iter().map(|r| r.node.clone()).collect()) {
        Ok(h) if h.roots().len() == 1 => Some(Framework {
            hierarchy: h,
            rows,
            columns: table.header.clone(),
        }),
        Ok(h) => {
            let line = h
                .roots()
                .get(1)
                .and_then(|&i| rows.get(i))
                .map_or(1, |r| r.line);
            errors.push(framework_error(
                line,
                "parent",
                format!(
                    "an index has one top node (a row with no parent); this framework has {}",
                    h.roots().len()
                ),
            ));
            None
        }
        Err(e) => {
            let (code, field) = match &e {
                ModelError::Duplicate(c) | ModelError::EmptyAggregate(c) => (Some(c), "code"),
                ModelError::UnknownParent { node, .. }
                | ModelError::LevelNotIncreasing { node, .. } => (Some(node), "parent"),
                ModelError::IndicatorWithChildren(c) => (Some(c), "level"),
                ModelError::Cycle(c) => (Some(c), "parent"),
                ModelError::WrongLevel { node, .. } => (Some(node), "level"),
                ModelError::BadWeight { node, .. } => (Some(node), "weight"),
                _ => (None, "code"),
            };
            // The last row with the code: for a duplicate, the repeat.
            let line = code
                .and_then(|c| rows.iter().rev().find(|r| &r.node.code == c))
                .map_or(1, |r| r.line);
            errors.push(framework_error(line, field, e.to_string()));
            None
        }
    }
}

fn build(
    folder: &IndexFolder,
    keys: &Keys,
    framework: Option<Framework>,
    schemes: &BTreeMap<String, BandScheme>,
    errors: &mut Vec<DataError>,
) -> Option<IndexDefinition> {
    // Each key is checked on its own, so that one pass reports every problem.
    let mut check = |r: Result<(), DataError>| {
        if let Err(e) = r {
            errors.push(e);
        }
    };
    let mut id = None;
    check(keys.required("id").and_then(|v| {
        let slug = v
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !slug {
            return Err(keys.error(
                "id",
                DataErrorKind::NotOneOf {
                    value: v.into(),
                    expected: "lower-case letters, digits and hyphens",
                },
            ));
        }
        id = Some(v.to_string());
        Ok(())
    }));
    let name = keys.local("name.");
    if !name.0.contains_key("en") {
        check(keys.required("name.en").map(|_| ()));
    }
    let short = keys.local("short.");
    let mut publisher = None;
    check(
        keys.required("publisher")
            .map(|p| publisher = Some(p.to_string())),
    );
    let mut kind = None;
    check(
        keys.choice(
            "kind",
            None,
            &[
                ("published", IndexKind::Published),
                ("explorer", IndexKind::Explorer),
            ],
            "published, explorer",
        )
        .map(|k| kind = Some(k)),
    );
    let mut periods = None;
    check(keys.required("periods").and_then(|text| {
        periods = parse_periods(text);
        match periods {
            Some(_) => Ok(()),
            None => Err(keys.error("periods", DataErrorKind::NotAYear(text.into()))),
        }
    }));
    let mut scale = None;
    check((|| {
        match (keys.number("scale.min")?, keys.number("scale.max")?) {
            (Some(lo), Some(hi)) if lo < hi => scale = Some((lo, hi)),
            (None, None) => {}
            (_, hi) => {
                return Err(keys.error(
                    "scale.max",
                    DataErrorKind::OutOfRange {
                        value: hi.map_or(String::new(), |h| h.to_string()),
                        range: "given with scale.min, and above it",
                    },
                ))
            }
        }
        Ok(())
    })());
    let mut direction = Direction::Positive;
    check(
        keys.choice(
            "direction",
            Some(Direction::Positive),
            &[
                ("higher-is-better", Direction::Positive),
                ("lower-is-better", Direction::Negative),
            ],
            "higher-is-better, lower-is-better",
        )
        .map(|d| direction = d),
    );
    let mut bands = None;
    let mut bands_ok = true;
    if let Some(scheme) = keys.optional("bands").filter(|s| *s != "none") {
        match schemes.get(scheme) {
            Some(s) => bands = Some((scheme.to_string(), s.clone())),
            None => {
                bands_ok = false;
                check(Err(
                    keys.error("bands", DataErrorKind::UnknownScheme(scheme.into()))
                ));
            }
        }
    }
    let (lo, hi) = scale.unwrap_or((0.0, 100.0));
    let mut normalisation = None;
    check(
        keys.choice(
            "normalisation",
            None,
            &[
                ("none", Normalisation::None),
                ("band-midpoint", Normalisation::BandMidpoint),
                (
                    "min-max",
                    Normalisation::MinMax {
                        lower: lo,
                        upper: hi,
                    },
                ),
                (
                    "percentile-rank",
                    Normalisation::PercentileRank {
                        lower: lo,
                        upper: hi,
                    },
                ),
                (
                    "goalposts",
                    Normalisation::Goalposts {
                        lower: lo,
                        upper: hi,
                    },
                ),
            ],
            "none, band-midpoint, min-max, percentile-rank, goalposts",
        )
        .and_then(|n| {
            if n == Normalisation::BandMidpoint && bands.is_none() && bands_ok {
                return Err(keys.error(
                    "normalisation",
                    DataErrorKind::NotOneOf {
                        value: "band-midpoint".into(),
                        expected:
                            "none, min-max, percentile-rank, goalposts (the index has no bands)",
                    },
                ));
            }
            normalisation = Some(n);
            Ok(())
        }),
    );
    let mut aggregation = None;
    check(
        keys.choice(
            "aggregation",
            None,
            &[
                ("arithmetic", Rule::Arithmetic),
                ("geometric", Rule::Geometric),
                ("harmonic", Rule::Harmonic),
                ("minimum", Rule::Minimum),
            ],
            "arithmetic, geometric, harmonic, minimum",
        )
        .map(|a| aggregation = Some(a)),
    );
    let mut basis = CoverageBasis::Count;
    check(
        keys.choice(
            "coverage.basis",
            Some(CoverageBasis::Count),
            &[
                ("count", CoverageBasis::Count),
                ("weight", CoverageBasis::Weight),
            ],
            "count, weight",
        )
        .map(|b| basis = b),
    );
    let share = |key: &str, text: &str| match text.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(keys.error(
            key,
            DataErrorKind::OutOfRange {
                value: text.into(),
                range: "a share from 0 to 1",
            },
        )),
    };
    let mut min_coverage = None;
    check(
        keys.required("coverage.min")
            .and_then(|text| share("coverage.min", text))
            .map(|x| min_coverage = Some(x)),
    );
    let mut coverage_by_level = BTreeMap::new();
    for (key, (text, _)) in &keys.map {
        let Some(level) = coverage_level(key) else {
            continue;
        };
        let levels = framework.as_ref().map_or(u8::MAX, |f| f.hierarchy.levels());
        if level > levels {
            check(Err(keys.error(
                key,
                DataErrorKind::OutOfRange {
                    value: level.to_string(),
                    range: "a level of the framework's aggregates",
                },
            )));
            continue;
        }
        check(share(key, text).map(|x| {
            coverage_by_level.insert(level, x);
        }));
    }
    let mut fallback = Fallback::None;
    check(
        keys.choice(
            "fallback",
            Some(Fallback::None),
            &[
                ("none", Fallback::None),
                ("published-band", Fallback::PublishedBand),
            ],
            "none, published-band",
        )
        .and_then(|f| {
            if f == Fallback::PublishedBand && keys.optional("values.published").is_none() {
                return Err(keys.error("values.published", DataErrorKind::MissingKey));
            }
            fallback = f;
            Ok(())
        }),
    );
    let file_key = |key: &str, errors: &mut Vec<DataError>| -> Option<String> {
        match keys.required(key) {
            Ok(name) if folder.file(name).is_some() => Some(name.to_string()),
            Ok(name) => {
                errors.push(keys.error(key, DataErrorKind::UnknownFile(name.into())));
                None
            }
            Err(e) => {
                errors.push(e);
                None
            }
        }
    };
    let units_file = file_key("units.file", errors);
    let values_file = file_key("values.file", errors);
    let wide = match keys.choice(
        "values.layout",
        Some(false),
        &[("long", false), ("wide", true)],
        "long, wide",
    ) {
        Ok(w) => w,
        Err(e) => {
            errors.push(e);
            false
        }
    };
    let mut column = |key: &str| -> Option<String> {
        match keys.required(key) {
            Ok(c) => Some(c.to_string()),
            Err(e) => {
                errors.push(e);
                None
            }
        }
    };
    let units_code = column("units.code");
    let values_unit = column("values.unit");
    let opt = |key: &str| keys.optional(key).map(str::to_string);
    let values_value = if wide { None } else { column("values.value") };
    let framework_sources = opt("framework.sources");
    let values_sources = match framework_sources {
        Some(_) => opt("values.sources"),
        None => column("values.sources"),
    };
    let values_indicator = opt("values.indicator");
    let values_period = opt("values.period");
    let values_columns = opt("values.columns");
    let Framework {
        hierarchy,
        rows,
        columns,
    } = framework?;
    let framework_path = folder.path_of(FRAMEWORK_FILE);
    let framework_error = |line: usize, field: &str, kind: DataErrorKind| DataError {
        file: framework_path.clone(),
        row: line,
        field: field.to_string(),
        kind,
    };
    // Keys that name framework columns name columns the framework has.
    for key in ["framework.sources", "values.columns"] {
        if let Some(c) = keys
            .optional(key)
            .filter(|c| !columns.iter().any(|h| h == *c))
        {
            errors.push(framework_error(1, c, DataErrorKind::MissingColumn));
        }
    }
    // The wide layout has no indicator, value or status column and no published or other
    // indicator values: a key of the long layout there would be silently ignored.
    if wide {
        let long_only = [
            "values.indicator",
            "values.value",
            "values.status",
            "values.published",
            "values.other",
        ];
        for key in long_only.into_iter().filter(|k| keys.optional(k).is_some()) {
            errors.push(keys.error(
                key,
                DataErrorKind::NotOneOf {
                    value: keys.optional(key).unwrap_or_default().into(),
                    expected: "no value: the key belongs to values.layout long",
                },
            ));
        }
    } else if values_columns.is_some() {
        errors.push(keys.error(
            "values.columns",
            DataErrorKind::NotOneOf {
                value: values_columns.clone().unwrap_or_default(),
                expected: "no value: the key belongs to values.layout wide",
            },
        ));
    }
    // Without an indicator column every row is the only indicator; without a period column,
    // the only period.
    if !wide && values_indicator.is_none() && hierarchy.indicator_count() != 1 {
        errors.push(keys.error("values.indicator", DataErrorKind::MissingKey));
    }
    if values_period.is_none() && periods.as_ref().is_some_and(|p| p.len() != 1) {
        errors.push(keys.error("values.period", DataErrorKind::MissingKey));
    }
    let indicator_rows: Vec<&FrameworkRow> = rows
        .iter()
        .filter(|r| r.node.kind == NodeKind::Indicator)
        .collect();
    let goalposts_needed = matches!(normalisation, Some(Normalisation::Goalposts { .. }));
    let mut meta = BTreeMap::new();
    let mut sources = BTreeMap::new();
    let mut reforms = BTreeMap::new();
    let mut wide_columns = Vec::new();
    for r in &indicator_rows {
        if let Some(step) = r.cells.get("reform_step") {
            let text = LocalText(text_map(r.cells.iter().filter_map(|(c, v)| {
                let tag = c.strip_prefix("reform_")?;
                (tag != "step" && language_tag(tag)).then(|| (tag.to_string(), v.clone()))
            })));
            match step.parse::<f64>() {
                Ok(x) if x.is_finite() && x != 0.0 && text.0.contains_key("en") => {
                    reforms.insert(r.node.code.clone(), Reform { step: x, text });
                }
                Ok(x) if x.is_finite() && x != 0.0 => {
                    errors.push(framework_error(r.line, "reform_en", DataErrorKind::Empty));
                }
                _ => errors.push(framework_error(
                    r.line,
                    "reform_step",
                    DataErrorKind::OutOfRange {
                        value: step.clone(),
                        range: "a change of the raw value other than 0",
                    },
                )),
            }
        }
        if goalposts_needed && r.goalposts.is_none() {
            errors.push(framework_error(r.line, "goal_lower", DataErrorKind::Empty));
        }
        let m = IndicatorMeta {
            direction: r.direction.unwrap_or(direction),
            unit: r.unit.clone(),
            goalposts: r.goalposts,
            ..IndicatorMeta::default()
        };
        meta.insert(r.node.code.clone(), m);
        if let Some(col) = &framework_sources {
            match r.cells.get(col) {
                Some(ids) => {
                    let ids = ids.split_whitespace().map(str::to_string).collect();
                    sources.insert(r.node.code.clone(), (ids, r.line));
                }
                // Without sources in its values file, a value must have them here.
                None if values_sources.is_none() && columns.contains(col) => {
                    errors.push(framework_error(r.line, col, DataErrorKind::Empty));
                }
                None => {}
            }
        }
        let column = values_columns
            .as_ref()
            .and_then(|c| r.cells.get(c))
            .unwrap_or(&r.node.code);
        wide_columns.push((r.node.code.clone(), column.clone()));
    }
    let layout = if wide {
        Layout::Wide {
            columns: wide_columns,
        }
    } else {
        Layout::Long {
            indicator: values_indicator,
            value: values_value?,
        }
    };
    Some(IndexDefinition {
        id: id?,
        short: if short.0.is_empty() {
            name.clone()
        } else {
            short
        },
        name,
        publisher: publisher?,
        kind: kind?,
        periods: periods?,
        scale,
        direction,
        bands,
        normalisation: normalisation?,
        aggregation: aggregation?,
        coverage: Coverage {
            basis,
            min: min_coverage?,
        },
        coverage_by_level,
        fallback,
        hierarchy,
        meta,
        sources,
        reforms,
        units: UnitsLayout {
            file: units_file?,
            code: units_code?,
        },
        values: ValuesLayout {
            file: values_file?,
            unit: values_unit?,
            layout,
            period: values_period,
            status: opt("values.status"),
            sources: values_sources,
            confidence: opt("values.confidence"),
            note: opt("values.note"),
            published: opt("values.published"),
            other: keys
                .optional("values.other")
                .map(|v| v.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
        },
    })
}
