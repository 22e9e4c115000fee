//! Indices that visitors bring from their own files: COINr's pair of tables (iData and iMeta,
//! read by [`super::coinr`]) or a single wide CSV (units as rows, indicators as columns, a flat
//! framework), made into an [`Index`] that every view reads like a bundled one. Files come from
//! spreadsheets as they are: a byte-order mark, `;` separators with decimal commas, CRLF and
//! quoted fields are all read ([`tidy_csv`]). A bad file is an error naming the file, row and
//! column; nothing here panics on any input.

use std::collections::BTreeMap;

use super::coinr::{cell_number, from_coinr};
use super::definition::{
    Fallback, Index, IndexData, IndexDefinition, IndexKind, Layout, UnitsLayout, ValuesLayout,
};
use super::error::ModelError;
use super::hierarchy::{Hierarchy, Node};
use super::model::{Dataset, Direction, IndicatorMeta, LocalText, Unit, Value};
use super::pipeline::aggregate::{Coverage, CoverageBasis, Rule};
use super::pipeline::impute::Imputation;
use super::pipeline::normalise::Normalisation;
use super::pipeline::treat::TreatSpec;
use super::pipeline::Pipeline;
use crate::csv::Table;
use crate::error::{DataError, DataErrorKind};
use crate::json::Json;

/// The id every imported index takes (one at a time).
pub const IMPORTED_ID: &str = "imported";

/// Splits one line of `sep`-separated text into fields, quotes respected (a field may not
/// span lines here: this is only for counting and re-writing).
fn fields(line: &str, sep: char) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let (mut field, mut quoted, mut in_quotes) = (String::new(), false, false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if in_quotes && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => {
                in_quotes = !in_quotes;
                quoted = true;
            }
            c if c == sep && !in_quotes => {
                out.push((std::mem::take(&mut field), quoted));
                quoted = false;
            }
            c => field.push(c),
        }
    }
    out.push((field, quoted));
    out
}

/// A number written with a decimal comma (`-12,5`, `0,25`), as a spreadsheet in a comma-decimal
/// locale saves it.
fn decimal_comma(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix('-').unwrap_or(t);
    match t.split_once(',') {
        Some((whole, frac)) => {
            !whole.is_empty()
                && !frac.is_empty()
                && whole.chars().all(|c| c.is_ascii_digit())
                && frac.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// The text of a CSV file as the engine's reader takes it: without a byte-order mark, and
/// where the header is separated by `;` rather than `,` (a comma-decimal spreadsheet's
/// export), re-written with commas and decimal points.
pub fn tidy_csv(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let semicolons = fields(header, ';').len();
    let commas = fields(header, ',').len();
    if semicolons <= commas {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let row: Vec<String> = fields(line, ';')
            .into_iter()
            .map(|(f, quoted)| {
                if !quoted && decimal_comma(&f) {
                    f.trim().replace(',', ".")
                } else {
                    quote(&f)
                }
            })
            .collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    std::borrow::Cow::Owned(out)
}

/// How an imported index is built unless the visitor changes it: COINr's defaults (min-max
/// onto 0-100 with each indicator's direction, weighted arithmetic mean level by level over
/// the components with data), no bands, every unit with any data scored.
pub fn imported_definition(dataset: &Dataset, name: &str) -> IndexDefinition {
    let name = if name.trim().is_empty() {
        "Imported index"
    } else {
        name.trim()
    };
    IndexDefinition {
        id: IMPORTED_ID.to_string(),
        name: LocalText::en(name),
        short: LocalText::en(name),
        publisher: String::new(),
        kind: IndexKind::Imported,
        periods: dataset.periods.clone(),
        scale: Some((0.0, 100.0)),
        direction: Direction::Positive,
        bands: None,
        normalisation: Normalisation::default(),
        aggregation: Rule::Arithmetic,
        coverage: Coverage {
            basis: CoverageBasis::Count,
            min: 0.0,
        },
        coverage_by_level: BTreeMap::new(),
        fallback: Fallback::None,
        hierarchy: dataset.hierarchy.clone(),
        meta: dataset
            .hierarchy
            .indicators()
            .map(|n| (n.code.clone(), dataset.meta_of(&n.code).clone()))
            .collect(),
        sources: BTreeMap::new(),
        reforms: BTreeMap::new(),
        units: UnitsLayout {
            file: String::new(),
            code: "uCode".into(),
        },
        values: ValuesLayout {
            file: String::new(),
            unit: "uCode".into(),
            layout: Layout::Wide {
                columns: Vec::new(),
            },
            period: None,
            status: None,
            sources: None,
            confidence: None,
            note: None,
            published: None,
            other: Vec::new(),
        },
    }
}

fn index(dataset: Dataset, name: &str) -> Index {
    Index {
        definition: imported_definition(&dataset, name),
        data: IndexData {
            dataset,
            published: BTreeMap::new(),
        },
    }
}

/// An error's file name made the visitor's own.
fn renamed(e: ModelError, from: &str, to: &str) -> ModelError {
    match e {
        ModelError::Csv(mut d) if d.file == from => {
            d.file = to.to_string();
            ModelError::Csv(d)
        }
        other => other,
    }
}

/// COINr's two tables, as the visitor's files `idata_file` and `imeta_file`.
pub fn from_coinr_files(
    (idata_file, idata): (&str, &str),
    (imeta_file, imeta): (&str, &str),
    name: &str,
) -> Result<Index, ModelError> {
    let dataset = from_coinr(&tidy_csv(idata), &tidy_csv(imeta)).map_err(|e| {
        renamed(
            renamed(e, super::coinr::IDATA_FILE, idata_file),
            super::coinr::IMETA_FILE,
            imeta_file,
        )
    })?;
    Ok(index(dataset, name))
}

const CODE_COLUMNS: [&str; 6] = ["uCode", "code", "Code", "iso3", "ISO3", "iso3c"];
const NAME_COLUMNS: [&str; 6] = ["uName", "name", "Name", "country", "Country", "unit"];
const PERIOD_COLUMNS: [&str; 6] = ["Time", "time", "year", "Year", "period", "Period"];

/// A code usable in a link: letters, digits, `-`, `_` and `.`; others become `_`.
fn code_of(header: &str) -> String {
    let code: String = header
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(48)
        .collect();
    if code.is_empty() {
        "x".into()
    } else {
        code
    }
}

/// One wide table: a column of unit codes (`uCode`, `code`, `iso3`..., else the first column),
/// optionally their names (`uName`, `name`, `country`...) and a period (`Time`, `year`...),
/// and every other column an indicator, weighted 1, higher is better, under one index.
pub fn from_wide(file: &str, text: &str, name: &str) -> Result<Index, ModelError> {
    let text = tidy_csv(text);
    let (table, errors) = Table::parse(file, &text);
    if let Some(e) = errors.into_iter().next() {
        return Err(e.into());
    }
    let header: Vec<String> = table.header.iter().map(|h| h.trim().to_string()).collect();
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let code_at = find(&CODE_COLUMNS).unwrap_or(0);
    let name_at = find(&NAME_COLUMNS).filter(|i| *i != code_at);
    let period_at = find(&PERIOD_COLUMNS).filter(|i| *i != code_at);
    let mut indicators: Vec<(usize, String, String)> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        if i == code_at || Some(i) == name_at || Some(i) == period_at || h.is_empty() {
            continue;
        }
        let mut code = code_of(h);
        let base = code.clone();
        let mut n = 2;
        while indicators.iter().any(|(_, c, _)| *c == code) || code == "index" {
            code = format!("{base}_{n}");
            n += 1;
        }
        indicators.push((i, code, h.clone()));
    }
    if indicators.is_empty() {
        return Err(ModelError::EmptyHierarchy);
    }
    let index_name = if name.trim().is_empty() { file } else { name };
    let mut nodes: Vec<Node> = indicators
        .iter()
        .map(|(_, code, label)| Node {
            name: LocalText::en(label),
            ..Node::indicator(code, "index", 1.0)
        })
        .collect();
    nodes.push(Node {
        name: LocalText::en(index_name),
        ..Node::aggregate("index", 2, "", 1.0)
    });
    let hierarchy = Hierarchy::new(nodes)?;
    let column = |i: usize| header.get(i).map(String::as_str).unwrap_or("");
    let mut position: BTreeMap<String, usize> = BTreeMap::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut periods: Vec<i32> = Vec::new();
    let mut rows = Vec::new();
    for r in table.records() {
        let code = r.required(column(code_at))?.to_string();
        let period = match period_at {
            Some(p) => {
                let t = r.required(column(p))?;
                t.parse::<i32>()
                    .map_err(|_| r.error(column(p), DataErrorKind::NotAYear(t.into())))?
            }
            None => 0,
        };
        if !periods.contains(&period) {
            periods.push(period);
        }
        if !position.contains_key(&code) {
            position.insert(code.clone(), units.len());
            let label = name_at
                .and_then(|n| r.optional_column(column(n)))
                .unwrap_or(&code)
                .to_string();
            units.push(Unit::new(&code, &label));
        }
        rows.push((code, period, r));
    }
    if units.is_empty() {
        return Err(ModelError::EmptyCode);
    }
    periods.sort_unstable();
    let metas = indicators
        .iter()
        .map(|(_, code, _)| {
            (
                code.clone(),
                IndicatorMeta {
                    direction: Direction::Positive,
                    unit: None,
                    goalposts: None,
                    denominator: None,
                    target: None,
                },
            )
        })
        .collect();
    let mut data = Dataset::new(units, hierarchy, metas, Vec::new(), None, periods)?;
    for (code, period, r) in &rows {
        let p = data.period_index(*period).unwrap_or_default();
        let u = position.get(code).copied().unwrap_or_default();
        for (c, (i, ind, _)) in indicators.iter().enumerate() {
            let v = cell_number(r, r.at(*i), column(*i))?.map_or(Value::Missing, Value::Number);
            data.set_cell((p, u, c), ind, v, None)?;
        }
    }
    Ok(index(data, index_name))
}

/// The `format` member of the explorer's JSON of an index.
pub const JSON_FORMAT: &str = "torture-index-explorer/coinr-tables/1";

fn record(cells: Vec<(&str, Json)>) -> Json {
    Json::Obj(
        cells
            .into_iter()
            .filter(|(_, v)| *v != Json::Null)
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn text_or_null(t: Option<&str>) -> Json {
    t.map_or(Json::Null, |t| Json::Str(t.to_string()))
}

/// An index as JSON: COINr's two tables as arrays of records (`iMeta`, then `iData`, one
/// record per unit and period, raw values), its name and the format's name. What the
/// workbench downloads for an imported index, and reads back ([`from_json`]).
pub fn to_json(index: &Index) -> String {
    let d = &index.data.dataset;
    let mut meta: Vec<Json> = d
        .hierarchy
        .nodes()
        .iter()
        .map(|n| {
            let indicator = n.kind == super::hierarchy::NodeKind::Indicator;
            let m = d.meta_of(&n.code);
            record(vec![
                ("Level", Json::Num(f64::from(n.level))),
                ("iCode", Json::Str(n.code.clone())),
                ("iName", Json::Str(n.name.get("en").to_string())),
                (
                    "Direction",
                    if indicator {
                        Json::Num(m.direction.sign())
                    } else {
                        Json::Null
                    },
                ),
                ("Weight", Json::Num(n.weight)),
                (
                    "Unit",
                    if indicator {
                        text_or_null(m.unit.as_deref())
                    } else {
                        Json::Null
                    },
                ),
                (
                    "Target",
                    if indicator {
                        m.target.map_or(Json::Null, Json::Num)
                    } else {
                        Json::Null
                    },
                ),
                (
                    "Denominator",
                    if indicator {
                        text_or_null(m.denominator.as_deref())
                    } else {
                        Json::Null
                    },
                ),
                (
                    "GoalLower",
                    m.goalposts
                        .filter(|_| indicator)
                        .map_or(Json::Null, |g| Json::Num(g.0)),
                ),
                (
                    "GoalUpper",
                    m.goalposts
                        .filter(|_| indicator)
                        .map_or(Json::Null, |g| Json::Num(g.1)),
                ),
                ("Parent", text_or_null(n.parent.as_deref())),
                (
                    "Type",
                    Json::Str(if indicator { "Indicator" } else { "Aggregate" }.into()),
                ),
            ])
        })
        .collect();
    let groups: std::collections::BTreeSet<&String> =
        d.units.iter().flat_map(|u| u.groups.keys()).collect();
    for g in &groups {
        meta.push(record(vec![
            ("iCode", Json::Str((*g).clone())),
            ("Type", Json::Str("Group".into())),
        ]));
    }
    for den in &d.denominators {
        meta.push(record(vec![
            ("iCode", Json::Str(den.clone())),
            ("Type", Json::Str("Denominator".into())),
        ]));
    }
    let timed = d.periods != [0];
    let mut data = Vec::new();
    for &period in &d.periods {
        let Some(table) = d.table(period) else {
            continue;
        };
        for (u, unit) in d.units.iter().enumerate() {
            let mut cells: Vec<(String, Json)> = vec![
                ("uCode".into(), Json::Str(unit.code.clone())),
                ("uName".into(), Json::Str(unit.name.get("en").to_string())),
            ];
            for (k, v) in &unit.groups {
                cells.push((k.clone(), Json::Str(v.clone())));
            }
            if timed {
                cells.push(("Time".into(), Json::Num(f64::from(period))));
            }
            for (c, den) in d.denominators.iter().enumerate() {
                if let Some(x) = table.denominators.get(u, c) {
                    cells.push((den.clone(), Json::Num(x)));
                }
            }
            for (c, n) in d.hierarchy.indicators().enumerate() {
                if let Some(x) = table.values.get(u, c) {
                    cells.push((n.code.clone(), Json::Num(x)));
                }
            }
            data.push(Json::Obj(cells));
        }
    }
    Json::Obj(vec![
        ("format".into(), Json::Str(JSON_FORMAT.into())),
        (
            "name".into(),
            Json::Str(index.definition.name.get("en").to_string()),
        ),
        ("iMeta".into(), Json::Arr(meta)),
        ("iData".into(), Json::Arr(data)),
    ])
    .write()
}

/// An array of records as CSV text: columns in order of first appearance.
fn records_csv(file: &str, key: &str, records: &[Json]) -> Result<String, ModelError> {
    let wrong = |what: String| {
        ModelError::Csv(DataError {
            file: file.to_string(),
            row: 1,
            field: key.to_string(),
            kind: DataErrorKind::NotJson(what),
        })
    };
    let mut columns: Vec<&str> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let Json::Obj(members) = r else {
            return Err(wrong(format!(
                "record {} of `{key}` is not an object",
                i + 1
            )));
        };
        for (k, _) in members {
            if !columns.contains(&k.as_str()) {
                columns.push(k);
            }
        }
    }
    let mut out = columns
        .iter()
        .map(|c| quote(c))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for (i, r) in records.iter().enumerate() {
        let cells: Result<Vec<String>, ModelError> = columns
            .iter()
            .map(|c| match r.get(c) {
                None | Some(Json::Null) => Ok(String::new()),
                Some(Json::Num(x)) => Ok(crate::json::number_text(*x)),
                Some(Json::Str(t)) => Ok(quote(t)),
                Some(Json::Bool(b)) => Ok(b.to_string()),
                Some(_) => Err(wrong(format!(
                    "record {} of `{key}`: `{c}` holds a list or an object, not a value",
                    i + 1
                ))),
            })
            .collect();
        out.push_str(&cells?.join(","));
        out.push('\n');
    }
    Ok(out)
}

/// Reads the explorer's JSON of an index ([`to_json`]), or any JSON of the same shape: an
/// object with `iMeta` and `iData` arrays of records (COINr's columns) and an optional `name`.
/// A problem names the file and, inside a table, the record (counted from 1) and column.
pub fn from_json(file: &str, text: &str, name: &str) -> Result<Index, ModelError> {
    let json = crate::json::parse(text).map_err(|e| {
        ModelError::Csv(DataError {
            file: file.to_string(),
            row: e.line,
            field: format!("column {}", e.column),
            kind: DataErrorKind::NotJson(e.what.to_string()),
        })
    })?;
    let table = |key: &str| match json.get(key) {
        Some(Json::Arr(records)) => records_csv(file, key, records),
        _ => Err(ModelError::Csv(DataError {
            file: file.to_string(),
            row: 1,
            field: key.to_string(),
            kind: DataErrorKind::NotJson(format!("the file has no `{key}` list of records")),
        })),
    };
    let (meta, data) = (table("iMeta")?, table("iData")?);
    let own = match json.get("name") {
        Some(Json::Str(n)) if name.trim().is_empty() => n.clone(),
        _ => name.to_string(),
    };
    // Rows of the tables' CSV are records + 1 (the header): a row is named by its record,
    // counted from 1 in its table (`x.json: iData, row 3` is the third record of `iData`).
    let located = |e: ModelError| match e {
        ModelError::Csv(mut d) if d.file == "iData" || d.file == "iMeta" => {
            d.file = format!("{file}: {}", d.file);
            d.row = d.row.saturating_sub(1);
            ModelError::Csv(d)
        }
        other => other,
    };
    from_coinr_files(("iData", &data), ("iMeta", &meta), &own).map_err(located)
}

/// How a visitor's imported index is built, step by step in COINr's order; the default is
/// COINr's defaults (min-max onto 0-100, arithmetic mean, the other steps off). In the link
/// (and the command line's `--pipe`) as `pipe=`, e.g. `den,imp:group:EurAsia_group,scr:90,trt,nrm:zscore,agg:geom`
/// (`nrm:` takes `minmax`, `zscore`, `rank` or `goal`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Construction {
    /// Divide each indicator by the denominator its metadata names.
    pub denominate: bool,
    /// `None`, or `Some(None)` for the indicator's mean, `Some(Some(group))` for the mean
    /// within a group column.
    pub impute: Option<Option<String>>,
    /// Keep only units with at least this percentage of indicator values.
    pub screen: Option<u8>,
    /// COINr's outlier treatment (Winsorise up to 5 points, else log).
    pub treat: bool,
    pub normalise: Norm,
    pub aggregate: Agg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Norm {
    #[default]
    MinMax,
    ZScore,
    Rank,
    /// Onto 0-100 between each indicator's goalposts (iMeta's `GoalLower`, `GoalUpper`).
    Goalposts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Agg {
    #[default]
    Arithmetic,
    Geometric,
    Harmonic,
    Minimum,
}

impl Norm {
    pub const ALL: [Norm; 4] = [Norm::MinMax, Norm::ZScore, Norm::Rank, Norm::Goalposts];
    pub fn slug(self) -> &'static str {
        match self {
            Norm::MinMax => "minmax",
            Norm::ZScore => "zscore",
            Norm::Rank => "rank",
            Norm::Goalposts => "goal",
        }
    }
}

impl Agg {
    pub const ALL: [Agg; 4] = [Agg::Arithmetic, Agg::Geometric, Agg::Harmonic, Agg::Minimum];
    pub fn slug(self) -> &'static str {
        match self {
            Agg::Arithmetic => "arith",
            Agg::Geometric => "geom",
            Agg::Harmonic => "harm",
            Agg::Minimum => "min",
        }
    }
}

/// A group column's name as the link carries it.
fn group_ok(g: &str) -> bool {
    !g.is_empty()
        && g.len() <= 64
        && g.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The screening thresholds offered, in percent.
pub const SCREENS: [u8; 4] = [50, 75, 90, 100];

impl Construction {
    /// The engine's pipeline for these choices.
    pub fn pipeline(&self) -> Pipeline {
        let mut p = Pipeline {
            denominate: self.denominate,
            impute: self.impute.as_ref().map(|g| match g {
                None => Imputation::Mean,
                Some(group) => Imputation::GroupMean {
                    group: group.clone(),
                },
            }),
            screen: self.screen.map(|s| f64::from(s) / 100.0),
            treat: self.treat.then(TreatSpec::default),
            ..Pipeline::default()
        };
        p.normalise.default = match self.normalise {
            Norm::MinMax => Normalisation::default(),
            Norm::ZScore => Normalisation::ZScore { mean: 0.0, sd: 1.0 },
            Norm::Rank => Normalisation::PercentileRank {
                lower: 0.0,
                upper: 100.0,
            },
            Norm::Goalposts => Normalisation::Goalposts {
                lower: 0.0,
                upper: 100.0,
            },
        };
        p.aggregate.rule = match self.aggregate {
            Agg::Arithmetic => Rule::Arithmetic,
            Agg::Geometric => Rule::Geometric,
            Agg::Harmonic => Rule::Harmonic,
            Agg::Minimum => Rule::Minimum,
        };
        p
    }

    /// Reads `pipe=`; `None` if any part is not understood.
    pub fn parse(text: &str) -> Option<Construction> {
        let mut c = Construction::default();
        for part in text.split(',').filter(|p| !p.is_empty()) {
            let mut bits = part.splitn(3, ':');
            match (bits.next()?, bits.next(), bits.next()) {
                ("den", None, None) => c.denominate = true,
                ("trt", None, None) => c.treat = true,
                ("imp", Some("mean"), None) => c.impute = Some(None),
                ("imp", Some("group"), Some(g)) if group_ok(g) => {
                    c.impute = Some(Some(g.to_string()))
                }
                ("scr", Some(p), None) => {
                    c.screen = Some(p.parse().ok().filter(|p| SCREENS.contains(p))?)
                }
                ("nrm", Some(n), None) => {
                    c.normalise = Norm::ALL.into_iter().find(|x| x.slug() == n)?
                }
                ("agg", Some(a), None) => {
                    c.aggregate = Agg::ALL.into_iter().find(|x| x.slug() == a)?
                }
                _ => return None,
            }
        }
        Some(c)
    }

    /// The link's form; empty for the defaults.
    pub fn format(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.denominate {
            parts.push("den".into());
        }
        match &self.impute {
            Some(None) => parts.push("imp:mean".into()),
            Some(Some(g)) => parts.push(format!("imp:group:{g}")),
            None => {}
        }
        if let Some(s) = self.screen {
            parts.push(format!("scr:{s}"));
        }
        if self.treat {
            parts.push("trt".into());
        }
        if self.normalise != Norm::MinMax {
            parts.push(format!("nrm:{}", self.normalise.slug()));
        }
        if self.aggregate != Agg::Arithmetic {
            parts.push(format!("agg:{}", self.aggregate.slug()));
        }
        parts.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn spreadsheet_csv_is_tidied() {
        // A byte-order mark, semicolons, decimal commas, a quoted field with `;` and `,`, CRLF.
        let text = "\u{feff}code;name;GDP per head;Rights\r\nARM;\"Armenia; Rep., of\";4,5;-0,25\r\nGEO;Georgia;12;NA\r\n";
        assert_eq!(
            tidy_csv(text),
            "code,name,GDP per head,Rights\nARM,\"Armenia; Rep., of\",4.5,-0.25\nGEO,Georgia,12,NA\n"
        );
        // Comma-separated text is left as it is (less the mark).
        assert_eq!(tidy_csv("\u{feff}a,b\n1,2\n"), "a,b\n1,2\n");
        assert_eq!(tidy_csv(""), "");
    }

    #[test]
    fn a_wide_table_is_an_index_with_one_level() {
        let text = "Country;code;GDP per head;Rights;year\nArmenia;ARM;4,5;0,8;2024\nGeorgia;GEO;12;0,2;2024\nMoldova;MDA;;0,5;2024\n";
        let index = from_wide("mine.csv", text, "").expect("reads");
        let d = &index.data.dataset;
        assert_eq!(index.definition.id, IMPORTED_ID);
        assert_eq!(index.definition.kind, IndexKind::Imported);
        assert_eq!(index.definition.name.get("en"), "mine.csv");
        assert_eq!(d.units.len(), 3);
        assert_eq!(d.units[0].name.get("en"), "Armenia");
        assert_eq!(d.periods, vec![2024]);
        let codes: Vec<&str> = d.hierarchy.indicators().map(|n| n.code.as_str()).collect();
        assert_eq!(codes, ["GDP_per_head", "Rights"]);
        assert_eq!(
            d.hierarchy.node("GDP_per_head").map(|n| n.name.get("en")),
            Some("GDP per head")
        );
        assert_eq!(
            d.value(2024, "ARM", "GDP_per_head"),
            Some(Value::Number(4.5))
        );
        assert_eq!(d.value(2024, "MDA", "GDP_per_head"), Some(Value::Missing));
        // Scored by the default pipeline: min-max per indicator, mean of what is there.
        let p = index.definition.pipeline();
        let mut prepared = index
            .definition
            .prepare(&index.data, &p, 2024)
            .expect("prepares");
        let s = prepared.score(None, &p.aggregate).expect("scores");
        let score = |u: usize| s.units[u].score.expect("scored");
        // Armenia: lowest GDP per head (0), highest rights (100).
        assert!((score(0) - 50.0).abs() < 1e-9);
        assert!((score(2) - 50.0).abs() < 1e-9, "Moldova: its one indicator");
    }

    #[test]
    fn bad_files_are_errors_naming_the_visitor_s_file_row_and_column() {
        match from_wide("mine.csv", "code,a\nARM,1\nGEO,lots\n", "") {
            Err(ModelError::Csv(e)) => {
                assert_eq!(
                    (e.file.as_str(), e.row, e.field.as_str()),
                    ("mine.csv", 3, "a")
                )
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            from_wide("mine.csv", "code\nARM\n", "").map(|_| ()),
            Err(ModelError::EmptyHierarchy)
        );
        let meta = "Level,iCode,iName,Direction,Weight,Parent,Type\n1,a,A,1,1,I,Indicator\n2,I,Index,1,1,,Aggregate\n";
        match from_coinr_files(("d.csv", "uCode,a\nARM,x\n"), ("m.csv", meta), "") {
            Err(ModelError::Csv(e)) => assert_eq!((e.file.as_str(), e.row), ("d.csv", 2)),
            other => panic!("{other:?}"),
        }
        match from_coinr_files(
            ("d.csv", "uCode,a\nARM,1\n"),
            ("m.csv", "Level,iCode\n1,a\n"),
            "",
        ) {
            Err(ModelError::Csv(e)) => assert_eq!(e.file, "m.csv"),
            other => panic!("{other:?}"),
        }
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use crate::composite::coinr::tests::META;

    const DATA: &str = "uName,uCode,Region_group,Time,Pop,a,b
\"Aland, \"\"the\"\"\",ALA,N,2020,10,5,NA
Bland,BLA,S,2020,20,0.1,3.5
Cland,CLA,S,2021,30,7,1e-7
";

    /// The explorer's JSON of an imported index reads back as the same data set, and scores
    /// the same under any construction.
    #[test]
    fn an_index_round_trips_through_its_json() {
        let index = from_coinr_files(("d.csv", DATA), ("m.csv", META), "Mine").expect("reads");
        let json = to_json(&index);
        assert!(json.contains(JSON_FORMAT));
        let back = from_json("mine.json", &json, "").expect("reads back");
        assert_eq!(back.definition.name.get("en"), "Mine");
        let (a, b) = (&back.data.dataset, &index.data.dataset);
        assert_eq!(
            (&a.units, &a.hierarchy, &a.meta, &a.denominators, &a.periods),
            (&b.units, &b.hierarchy, &b.meta, &b.denominators, &b.periods)
        );
        // Every value and denominator, at full precision (missing ones left out).
        assert_eq!(to_json(&back), json);
        assert_eq!(a.value(2021, "CLA", "b"), Some(Value::Number(1e-7)));
        let wide = from_wide("w.csv", "code,x,y\nA,1,2\nB,3,\n", "").expect("reads");
        let again = from_json("w.json", &to_json(&wide), "").expect("reads back");
        assert_eq!(again.data.dataset.units, wide.data.dataset.units);
        assert_eq!(again.data.dataset.value(0, "B", "y"), Some(Value::Missing));
        assert_eq!(
            again.data.dataset.value(0, "A", "x"),
            Some(Value::Number(1.0))
        );
    }

    #[test]
    fn bad_json_is_located() {
        let e = |text: &str| {
            from_json("x.json", text, "")
                .map(|_| ())
                .expect_err("an error")
                .to_string()
        };
        assert_eq!(
            e("{\n \"iMeta\": [01]}"),
            "x.json, row 2, field `column 12`: not a number JSON can hold"
        );
        assert!(
            e("{}").contains("no `iMeta` list of records"),
            "{}",
            e("{}")
        );
        assert!(
            e("{\"iMeta\": [1], \"iData\": []}").contains("record 1 of `iMeta` is not an object")
        );
        let meta = "[{\"Level\":1,\"iCode\":\"a\",\"Direction\":1,\"Weight\":1,\"Parent\":\"I\",\"Type\":\"Indicator\"},{\"Level\":2,\"iCode\":\"I\",\"Weight\":1,\"Type\":\"Aggregate\"}]";
        let text = format!("{{\"iMeta\":{meta},\"iData\":[{{\"uCode\":\"A\",\"a\":1}},{{\"uCode\":\"B\",\"a\":\"lots\"}}]}}");
        assert!(
            e(&text).starts_with("x.json: iData, row 2, field `a`"),
            "{}",
            e(&text)
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Cells a spreadsheet might hold, good and bad.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("NA".to_string()),
            (-1e6f64..1e6).prop_map(|x| x.to_string()),
            (-999i32..999, 0u32..99).prop_map(|(a, b)| format!("{a},{b}")),
            "[A-Za-z ;,\"\u{feff}\r\n=+@-]{0,8}",
            Just("1e999".to_string()),
        ]
    }

    fn table(columns: usize) -> impl Strategy<Value = String> {
        let header = prop::collection::vec(
            prop_oneof![
                Just("uCode".to_string()),
                Just("uName".to_string()),
                Just("Time".to_string()),
                "[A-Za-z_ ]{0,6}"
            ],
            1..=columns,
        );
        let sep = prop_oneof![Just(","), Just(";")];
        let eol = prop_oneof![Just("\n"), Just("\r\n")];
        (
            header,
            prop::collection::vec(prop::collection::vec(cell(), 0..=columns + 1), 0..8),
            sep,
            eol,
            any::<bool>(),
        )
            .prop_map(|(h, rows, sep, eol, bom)| {
                let mut out = String::new();
                if bom {
                    out.push('\u{feff}');
                }
                out.push_str(&h.join(sep));
                for r in rows {
                    out.push_str(eol);
                    out.push_str(&r.join(sep));
                }
                out
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        /// 10,000 generated wide files: each is an index or a typed error, never a panic; an
        /// index has at least one unit and one indicator.
        #[test]
        fn wide_files_never_panic(text in table(6)) {
            if let Ok(index) = from_wide("fuzz.csv", &text, "") {
                prop_assert!(!index.data.dataset.units.is_empty());
                prop_assert!(index.data.dataset.hierarchy.indicator_count() > 0);
            }
        }

        /// 10,000 generated pairs of COINr tables, the metadata built from plausible rows.
        #[test]
        fn coinr_pairs_never_panic(
            data in table(5),
            meta in prop::collection::vec(
                (prop_oneof![Just("1"), Just("2"), Just("x"), Just("")],
                 prop_oneof![Just("a"), Just("b"), Just("I"), Just("uCode")],
                 prop_oneof![Just("1"), Just("-1"), Just("0"), Just("")],
                 prop_oneof![Just("1"), Just("0"), Just("-2"), Just("NA")],
                 prop_oneof![Just("I"), Just(""), Just("a"), Just("zz")],
                 prop_oneof![Just("Indicator"), Just("Aggregate"), Just("Group"), Just("Other")]),
                0..6),
        ) {
            let mut m = String::from("Level,iCode,iName,Direction,Weight,Parent,Type\n");
            for (level, code, dir, w, parent, kind) in meta {
                m.push_str(&format!("{level},{code},{code},{dir},{w},{parent},{kind}\n"));
            }
            let _ = from_coinr_files(("d.csv", &data), ("m.csv", &m), "");
        }

        /// 10,000 generated JSON files: the explorer's own JSON of a small index with one
        /// character changed, cut short or doubled; each reads or fails with a located error.
        #[test]
        fn json_files_never_panic(at in 0usize..2000, byte in prop_oneof![Just(b'"'), Just(b','), Just(b'{'), Just(b']'), Just(b'1'), Just(b'x'), Just(b'-')], cut in any::<bool>()) {
            let index = from_wide("f.csv", "code,name,x,y\nA,Al,1,2\nB,Be,3,\n", "F").expect("reads");
            let mut bytes = to_json(&index).into_bytes();
            let at = at % bytes.len();
            if cut { bytes.truncate(at) } else { bytes[at] = byte }
            let text = String::from_utf8_lossy(&bytes);
            match from_json("fuzz.json", &text, "") {
                Ok(i) => prop_assert!(i.data.dataset.hierarchy.indicator_count() > 0),
                Err(ModelError::Csv(e)) => prop_assert!(e.file.starts_with("fuzz.json")),
                Err(_) => {}
            }
        }
    }

    /// Goalpost scaling: each indicator onto 0-100 between its goalposts, clipped, reversed
    /// for a negative direction; an indicator without goalposts is named; the goalposts go
    /// through the JSON download and back.
    #[test]
    fn goalposts_scale_an_imported_index() {
        let meta = "Level,iCode,Direction,Weight,GoalLower,GoalUpper,Parent,Type
1,a,1,1,0,10,I,Indicator
1,b,-1,1,0,4,I,Indicator
2,I,1,1,,,,Aggregate
";
        let data = "uCode,a,b\nALA,5,1\nBLA,12,3\n";
        let index = from_coinr_files(("d.csv", data), ("m.csv", meta), "").expect("reads");
        let c = Construction::parse("nrm:goal").expect("understood");
        assert_eq!(c.normalise, Norm::Goalposts);
        assert_eq!(c.format(), "nrm:goal");
        let p = c.pipeline();
        let mut prepared = index
            .definition
            .prepare(&index.data, &p, index.data.dataset.periods[0])
            .expect("prepares");
        let s = prepared.score(None, &p.aggregate).expect("scores");
        let score = |u: usize| s.units[u].score.expect("scored");
        // ALA: a 5 of 0-10 = 50; b 1 of 0-4, lower is better = 75. BLA: a clipped to 100; b 25.
        assert!((score(0) - 62.5).abs() < 1e-9, "{}", score(0));
        assert!((score(1) - 62.5).abs() < 1e-9, "{}", score(1));
        let back = from_json("i.json", &to_json(&index), "").expect("reads back");
        assert_eq!(back.data.dataset.meta_of("b").goalposts, Some((0.0, 4.0)));
        let bare = meta.replace("0,4", ",");
        let index = from_coinr_files(("d.csv", data), ("m.csv", &bare), "").expect("reads");
        let err = index
            .definition
            .prepare(&index.data, &p, index.data.dataset.periods[0])
            .map(|_| ())
            .expect_err("b has no goalposts");
        assert!(err.to_string().contains('b'), "{err}");
    }
}
