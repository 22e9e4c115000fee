//! The vocabulary of a composite index (COINr / the JRC-OECD Handbook): units, localised
//! names, indicator metadata, values with their provenance, and the data set that holds them
//! densely, one unit x indicator matrix per period.

use std::collections::BTreeMap;

use super::bands::BandScheme;
use super::error::ModelError;
use super::hierarchy::Hierarchy;
use crate::model::Provenance;

/// Text in several languages, keyed by language tag ("en", "ru" ...): a new language is data,
/// never a new field.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LocalText(pub BTreeMap<String, String>);

impl LocalText {
    /// English text only.
    pub fn en(text: &str) -> LocalText {
        LocalText::from_pairs(&[("en", text)])
    }

    pub fn from_pairs(pairs: &[(&str, &str)]) -> LocalText {
        LocalText(text_map(
            pairs
                .iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(l, t)| (l.to_string(), t.to_string())),
        ))
    }

    /// The text in `lang`, else English, else any language, else "".
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }
}

/// Texts by key (a language, a column, a group), inserted one by one, a later key replacing an
/// earlier one as `collect` does: collecting into a map compiles a sort of its own for each
/// kind of iterator (see [`crate::sort`]).
pub fn text_map(pairs: impl IntoIterator<Item = (String, String)>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (k, v) in pairs {
        out.insert(k, v);
    }
    out
}

/// A unit scored by the index: a country (ISO3) or any code the user chooses.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub code: String,
    pub name: LocalText,
    /// Grouping columns (COINr's `*_group`: income group, region ...), by group name.
    pub groups: BTreeMap<String, String>,
}

impl Unit {
    pub fn new(code: &str, name_en: &str) -> Unit {
        Unit {
            code: code.to_string(),
            name: LocalText::en(name_en),
            groups: BTreeMap::new(),
        }
    }
}

/// Whether a higher raw value is better (+1) or worse (-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Direction {
    #[default]
    Positive,
    Negative,
}

impl Direction {
    pub fn sign(self) -> f64 {
        match self {
            Direction::Positive => 1.0,
            Direction::Negative => -1.0,
        }
    }

    /// From COINr's `Direction` column: 1 or -1.
    pub fn from_sign(sign: f64) -> Option<Direction> {
        if sign == 1.0 {
            Some(Direction::Positive)
        } else if sign == -1.0 {
            Some(Direction::Negative)
        } else {
            None
        }
    }
}

/// What the pipeline needs to know about an indicator besides its place in the framework.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IndicatorMeta {
    pub direction: Direction,
    /// Unit of measurement, for display.
    pub unit: Option<String>,
    /// Lower and upper goalposts on the raw scale, before the direction is applied.
    pub goalposts: Option<(f64, f64)>,
    /// Code of the denominator column this indicator is divided by.
    pub denominator: Option<String>,
    pub target: Option<f64>,
}

/// One datum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Number(f64),
    /// Ordinal index in the data set's band scheme, 0 = worst.
    Band(usize),
    Missing,
}

/// A column-major matrix of `f64` with NaN for missing: column `c` is one contiguous slice,
/// so a step that works indicator by indicator reads memory in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    /// A matrix with every cell missing.
    pub fn missing(rows: usize, cols: usize) -> Matrix {
        Matrix {
            rows,
            cols,
            data: vec![f64::NAN; rows * cols],
        }
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// A cell; `None` when missing or out of range.
    pub fn get(&self, row: usize, col: usize) -> Option<f64> {
        if row >= self.rows {
            return None;
        }
        self.data
            .get(col * self.rows + row)
            .copied()
            .filter(|v| !v.is_nan())
    }

    /// The raw cell (NaN = missing); NaN when out of range.
    pub fn raw(&self, row: usize, col: usize) -> f64 {
        if row >= self.rows {
            return f64::NAN;
        }
        self.data
            .get(col * self.rows + row)
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// Sets a cell; out of range is ignored.
    pub fn set(&mut self, row: usize, col: usize, value: f64) {
        if row < self.rows {
            if let Some(cell) = self.data.get_mut(col * self.rows + row) {
                *cell = value;
            }
        }
    }

    /// Column `c` (empty if out of range).
    pub fn column(&self, c: usize) -> &[f64] {
        self.data
            .get(c * self.rows..(c + 1) * self.rows)
            .unwrap_or(&[])
    }

    pub fn column_mut(&mut self, c: usize) -> &mut [f64] {
        let rows = self.rows;
        self.data
            .get_mut(c * rows..(c + 1) * rows)
            .unwrap_or(&mut [])
    }

    /// The rows listed in `keep`, in that order.
    pub fn select_rows(&self, keep: &[usize]) -> Matrix {
        let mut out = Matrix::missing(keep.len(), self.cols);
        for c in 0..self.cols {
            let src = self.column(c);
            for (dst, &r) in out.column_mut(c).iter_mut().zip(keep) {
                *dst = src.get(r).copied().unwrap_or(f64::NAN);
            }
        }
        out
    }
}

/// The data of one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Units x indicators, in hierarchy indicator order.
    pub values: Matrix,
    /// Same layout: whether the cell holds a band index rather than a number.
    pub banded: Vec<bool>,
    /// Units x denominator columns (COINr's denominators: population, GDP ...).
    pub denominators: Matrix,
    /// Where each (unit, indicator) value comes from, for the cells that say.
    pub provenance: BTreeMap<(usize, usize), Provenance>,
}

/// An index's data: units, framework, metadata, optional band scheme, and one table per
/// period.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub units: Vec<Unit>,
    pub hierarchy: Hierarchy,
    /// Per indicator code; an indicator without an entry has the default metadata.
    pub meta: BTreeMap<String, IndicatorMeta>,
    /// Codes of the denominator columns.
    pub denominators: Vec<String>,
    pub bands: Option<BandScheme>,
    pub periods: Vec<i32>,
    tables: Vec<Table>,
}

impl Dataset {
    /// An empty data set (every value missing). Unit codes must be unique and non-empty,
    /// periods unique, metadata must name indicators, goalposts must be finite and distinct,
    /// and denominators must name a denominator column.
    pub fn new(
        units: Vec<Unit>,
        hierarchy: Hierarchy,
        meta: BTreeMap<String, IndicatorMeta>,
        denominators: Vec<String>,
        bands: Option<BandScheme>,
        periods: Vec<i32>,
    ) -> Result<Dataset, ModelError> {
        let mut seen = std::collections::HashSet::with_capacity(units.len());
        for u in &units {
            if u.code.trim().is_empty() {
                return Err(ModelError::EmptyCode);
            }
            if !seen.insert(u.code.as_str()) {
                return Err(ModelError::Duplicate(u.code.clone()));
            }
        }
        for (i, p) in periods.iter().enumerate() {
            if periods[..i].contains(p) {
                return Err(ModelError::Duplicate(p.to_string()));
            }
        }
        for (i, d) in denominators.iter().enumerate() {
            if denominators[..i].contains(d) {
                return Err(ModelError::Duplicate(d.clone()));
            }
        }
        for (code, m) in &meta {
            if hierarchy.indicator_column(code).is_none() {
                return Err(ModelError::Unknown(code.clone()));
            }
            if let Some((lo, hi)) = m.goalposts {
                if !lo.is_finite() || !hi.is_finite() || lo == hi {
                    return Err(ModelError::BadMeta {
                        indicator: code.clone(),
                        reason: "goalposts must be two different finite numbers",
                    });
                }
            }
            if let Some(d) = &m.denominator {
                if !denominators.contains(d) {
                    return Err(ModelError::BadMeta {
                        indicator: code.clone(),
                        reason: "the denominator is not a denominator column",
                    });
                }
            }
        }
        let (n, k, d) = (units.len(), hierarchy.indicator_count(), denominators.len());
        let tables = periods
            .iter()
            .map(|_| Table {
                values: Matrix::missing(n, k),
                banded: vec![false; n * k],
                denominators: Matrix::missing(n, d),
                provenance: BTreeMap::new(),
            })
            .collect();
        Ok(Dataset {
            units,
            hierarchy,
            meta,
            denominators,
            bands,
            periods,
            tables,
        })
    }

    /// The data set of one period only: its values, bands and denominators, without
    /// provenance (all a recompute reads, and cheap to copy); `None` for an unknown period.
    pub fn period_only(&self, period: i32) -> Option<Dataset> {
        let table = self.table(period)?;
        Some(Dataset {
            units: self.units.clone(),
            hierarchy: self.hierarchy.clone(),
            meta: self.meta.clone(),
            denominators: self.denominators.clone(),
            bands: self.bands.clone(),
            periods: vec![period],
            tables: vec![Table {
                values: table.values.clone(),
                banded: table.banded.clone(),
                denominators: table.denominators.clone(),
                provenance: BTreeMap::new(),
            }],
        })
    }

    pub fn unit_index(&self, code: &str) -> Option<usize> {
        self.units.iter().position(|u| u.code == code)
    }

    pub fn period_index(&self, period: i32) -> Option<usize> {
        self.periods.iter().position(|p| *p == period)
    }

    pub fn table(&self, period: i32) -> Option<&Table> {
        self.period_index(period).and_then(|i| self.tables.get(i))
    }

    /// The metadata of an indicator (the default if none was given).
    pub fn meta_of(&self, indicator: &str) -> IndicatorMeta {
        self.meta.get(indicator).cloned().unwrap_or_default()
    }

    fn locate(
        &self,
        period: i32,
        unit: &str,
        indicator: &str,
    ) -> Result<(usize, usize, usize), ModelError> {
        let p = self
            .period_index(period)
            .ok_or_else(|| ModelError::Unknown(period.to_string()))?;
        let u = self
            .unit_index(unit)
            .ok_or_else(|| ModelError::Unknown(unit.to_string()))?;
        let c = self
            .hierarchy
            .indicator_column(indicator)
            .ok_or_else(|| ModelError::Unknown(indicator.to_string()))?;
        Ok((p, u, c))
    }

    /// Sets one value, with its provenance if known.
    pub fn set(
        &mut self,
        period: i32,
        unit: &str,
        indicator: &str,
        value: Value,
        provenance: Option<Provenance>,
    ) -> Result<(), ModelError> {
        let (p, u, c) = self.locate(period, unit, indicator)?;
        self.set_cell((p, u, c), indicator, value, provenance)
    }

    /// Sets one value by position (period index, unit index, indicator column), for readers
    /// that fill whole tables: [`Dataset::set`] finds the positions by code.
    pub fn set_cell(
        &mut self,
        (p, u, c): (usize, usize, usize),
        indicator: &str,
        value: Value,
        provenance: Option<Provenance>,
    ) -> Result<(), ModelError> {
        if u >= self.units.len() {
            return Err(ModelError::Unknown(u.to_string()));
        }
        let (raw, banded) = match value {
            Value::Number(x) if x.is_finite() => (x, false),
            Value::Number(_) => {
                return Err(ModelError::NotFinite {
                    indicator: indicator.to_string(),
                })
            }
            Value::Band(b) => {
                if self.bands.as_ref().is_none_or(|s| b >= s.len()) {
                    return Err(ModelError::BandOutOfScheme {
                        indicator: indicator.to_string(),
                        band: b,
                    });
                }
                (b as f64, true)
            }
            Value::Missing => (f64::NAN, false),
        };
        let Some(table) = self.tables.get_mut(p) else {
            return Err(ModelError::Unknown(p.to_string()));
        };
        if c >= table.values.cols() {
            return Err(ModelError::Unknown(indicator.to_string()));
        }
        let rows = table.values.rows();
        table.values.set(u, c, raw);
        if let Some(flag) = table.banded.get_mut(c * rows + u) {
            *flag = banded;
        }
        match provenance {
            Some(pr) => table.provenance.insert((u, c), pr),
            None => table.provenance.remove(&(u, c)),
        };
        Ok(())
    }

    /// One value; `None` if the period, unit or indicator is unknown.
    pub fn value(&self, period: i32, unit: &str, indicator: &str) -> Option<Value> {
        let (p, u, c) = self.locate(period, unit, indicator).ok()?;
        let table = self.tables.get(p)?;
        let rows = table.values.rows();
        Some(match table.values.get(u, c) {
            None => Value::Missing,
            Some(x) if table.banded.get(c * rows + u).copied().unwrap_or(false) => {
                Value::Band(x as usize)
            }
            Some(x) => Value::Number(x),
        })
    }

    pub fn provenance(&self, period: i32, unit: &str, indicator: &str) -> Option<&Provenance> {
        let (p, u, c) = self.locate(period, unit, indicator).ok()?;
        self.tables.get(p)?.provenance.get(&(u, c))
    }

    /// Sets a denominator value by position (period index, unit index, denominator column),
    /// as [`Dataset::set_cell`] does for indicators; positions out of range are ignored.
    pub fn set_denominator_cell(&mut self, (p, u, d): (usize, usize, usize), value: f64) {
        if let Some(t) = self.tables.get_mut(p) {
            if u < t.denominators.rows() && d < t.denominators.cols() {
                t.denominators.set(u, d, value);
            }
        }
    }

    /// Sets a denominator value (NaN or `None` = missing).
    pub fn set_denominator(
        &mut self,
        period: i32,
        unit: &str,
        denominator: &str,
        value: Option<f64>,
    ) -> Result<(), ModelError> {
        let p = self
            .period_index(period)
            .ok_or_else(|| ModelError::Unknown(period.to_string()))?;
        let u = self
            .unit_index(unit)
            .ok_or_else(|| ModelError::Unknown(unit.to_string()))?;
        let d = self
            .denominators
            .iter()
            .position(|x| x == denominator)
            .ok_or_else(|| ModelError::Unknown(denominator.to_string()))?;
        if let Some(t) = self.tables.get_mut(p) {
            t.denominators.set(u, d, value.unwrap_or(f64::NAN));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::composite::hierarchy::Node;
    use crate::model::Confidence;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn local_text_falls_back_to_english_then_any() {
        let t = LocalText::from_pairs(&[("en", "Low"), ("ru", "Низкий")]);
        assert_eq!(t.get("ru"), "Низкий");
        assert_eq!(t.get("fr"), "Low");
        let only_ru = LocalText::from_pairs(&[("ru", "Низкий")]);
        assert_eq!(only_ru.get("en"), "Низкий");
        assert_eq!(LocalText::default().get("en"), "");
    }

    #[test]
    fn matrix_is_column_major_and_total() {
        let mut m = Matrix::missing(2, 3);
        m.set(1, 2, 5.0);
        assert!(m.column(2)[0].is_nan());
        assert_eq!(m.column(2)[1], 5.0);
        assert_eq!(m.get(1, 2), Some(5.0));
        assert_eq!(m.get(0, 2), None);
        assert_eq!(m.get(2, 0), None);
        assert!(m.column(3).is_empty());
        m.set(9, 9, 1.0);
        let s = m.select_rows(&[1]);
        assert_eq!(s.get(0, 2), Some(5.0));
    }

    /// One indicator `x` under one aggregate `I`.
    fn one_indicator() -> Hierarchy {
        Hierarchy::new(vec![
            Node::indicator("x", "I", 1.0),
            Node::aggregate("I", 2, "", 1.0),
        ])
        .expect("valid")
    }

    #[test]
    fn values_bands_and_provenance_round_trip() {
        let h = one_indicator();
        let mut d = Dataset::new(
            vec![Unit::new("KGZ", "Kyrgyzstan")],
            h,
            BTreeMap::new(),
            vec![],
            Some(BandScheme::gti()),
            vec![2025],
        )
        .expect("valid");
        assert_eq!(d.value(2025, "KGZ", "x"), Some(Value::Missing));
        let prov = Provenance {
            sources: vec!["omct".into()],
            confidence: Some(Confidence::Primary),
            ..Provenance::default()
        };
        d.set(2025, "KGZ", "x", Value::Band(2), Some(prov.clone()))
            .expect("in scheme");
        assert_eq!(d.value(2025, "KGZ", "x"), Some(Value::Band(2)));
        assert_eq!(d.provenance(2025, "KGZ", "x"), Some(&prov));
        d.set(2025, "KGZ", "x", Value::Number(41.5), None)
            .expect("number");
        assert_eq!(d.value(2025, "KGZ", "x"), Some(Value::Number(41.5)));
        assert_eq!(d.provenance(2025, "KGZ", "x"), None);
        assert!(d.set(2025, "KGZ", "x", Value::Band(5), None).is_err());
        assert!(d
            .set(2025, "KGZ", "x", Value::Number(f64::NAN), None)
            .is_err());
        assert!(d.set(2024, "KGZ", "x", Value::Missing, None).is_err());
        assert!(d.set(2025, "KGZ", "I", Value::Missing, None).is_err());
        assert_eq!(d.value(2025, "XXX", "x"), None);
    }

    #[test]
    fn datasets_are_validated() {
        let u = || vec![Unit::new("A", "A"), Unit::new("B", "B")];
        let new = |units, meta, dens: Vec<String>, periods| {
            Dataset::new(units, one_indicator(), meta, dens, None, periods)
        };
        assert!(new(u(), BTreeMap::new(), vec![], vec![1]).is_ok());
        let dup = vec![Unit::new("A", "A"), Unit::new("A", "B")];
        assert_eq!(
            new(dup, BTreeMap::new(), vec![], vec![1]),
            Err(ModelError::Duplicate("A".into()))
        );
        assert!(new(u(), BTreeMap::new(), vec![], vec![1, 1]).is_err());
        let meta = |m: IndicatorMeta| BTreeMap::from([("x".to_string(), m)]);
        let gp = IndicatorMeta {
            goalposts: Some((1.0, 1.0)),
            ..IndicatorMeta::default()
        };
        assert!(new(u(), meta(gp), vec![], vec![1]).is_err());
        let den = IndicatorMeta {
            denominator: Some("Population".into()),
            ..IndicatorMeta::default()
        };
        assert!(new(u(), meta(den.clone()), vec![], vec![1]).is_err());
        assert!(new(u(), meta(den), vec!["Population".into()], vec![1]).is_ok());
        let unknown = BTreeMap::from([("I".to_string(), IndicatorMeta::default())]);
        assert!(new(u(), unknown, vec![], vec![1]).is_err());
    }

    /// One period alone: its values, bands and denominators, without provenance.
    #[test]
    fn period_only_keeps_one_period_without_provenance() {
        let h = one_indicator();
        let units = vec![Unit::new("A", "A"), Unit::new("B", "B")];
        let mut d = Dataset::new(
            units,
            h,
            BTreeMap::new(),
            vec!["Pop".into()],
            None,
            vec![1, 2],
        )
        .expect("valid");
        let note = Provenance::default();
        d.set(1, "A", "x", Value::Number(3.0), Some(note))
            .expect("set");
        d.set(2, "B", "x", Value::Number(4.0), None).expect("set");
        d.set_denominator(2, "B", "Pop", Some(10.0)).expect("set");
        let two = d.period_only(2).expect("a period");
        assert_eq!(two.periods, vec![2]);
        assert_eq!(two.value(2, "B", "x"), Some(Value::Number(4.0)));
        assert_eq!(two.value(2, "A", "x"), Some(Value::Missing));
        assert_eq!(
            two.table(2).map(|t| t.denominators.get(1, 0)),
            Some(Some(10.0))
        );
        let one = d.period_only(1).expect("a period");
        assert_eq!(one.value(1, "A", "x"), Some(Value::Number(3.0)));
        assert_eq!(one.provenance(1, "A", "x"), None);
        assert!(d.period_only(3).is_none());
    }
}
