//! Import of COINr's two input tables, iData (one row per unit and period) and iMeta (one row
//! per indicator, aggregate, group or denominator column), read with the engine's CSV reader.
//! Groundwork for loading any COINr index into the explorer.

use std::collections::BTreeMap;

use super::error::ModelError;
use super::hierarchy::{Hierarchy, Node, NodeKind};
use super::model::{Dataset, Direction, IndicatorMeta, LocalText, Unit, Value};
use crate::csv::{Record, Table};
use crate::error::DataErrorKind;

pub const IDATA_FILE: &str = "iData.csv";
pub const IMETA_FILE: &str = "iMeta.csv";

fn parse_table(file: &'static str, text: &str) -> Result<Table, ModelError> {
    let (table, errors) = Table::parse(file, text);
    match errors.into_iter().next() {
        Some(e) => Err(e.into()),
        None => Ok(table),
    }
}

/// A number, or `None` for an empty cell or R's `NA`.
pub(crate) fn number(r: &Record, column: &str) -> Result<Option<f64>, ModelError> {
    cell_number(r, r.get(column)?, column)
}

/// The number in `text`, a cell of `column` in `r`: `None` for an empty cell or R's `NA`.
pub(crate) fn cell_number(r: &Record, text: &str, column: &str) -> Result<Option<f64>, ModelError> {
    match text {
        "" | "NA" => Ok(None),
        t => match t.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(r.error(column, DataErrorKind::NotANumber(t.into())).into()),
        },
    }
}

/// An indicator's optional goalposts, iMeta's `GoalLower` and `GoalUpper` columns (the
/// explorer's own, beside COINr's: COINr passes goalposts to `Normalise()` as a parameter):
/// both or neither.
fn goalposts(r: &Record) -> Result<Option<(f64, f64)>, ModelError> {
    let read = |column: &str| match r.optional_column(column) {
        Some(_) => number(r, column),
        None => Ok(None),
    };
    match (read("GoalLower")?, read("GoalUpper")?) {
        (Some(lo), Some(hi)) => Ok(Some((lo, hi))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(r.error("GoalUpper", DataErrorKind::Empty).into()),
        (None, Some(_)) => Err(r.error("GoalLower", DataErrorKind::Empty).into()),
    }
}

/// Builds a data set from the text of iData and iMeta. Periods come from iData's `Time`
/// column (period 0 without one); a unit absent from a period has missing values there.
pub fn from_coinr(idata: &str, imeta: &str) -> Result<Dataset, ModelError> {
    let meta_table = parse_table(IMETA_FILE, imeta)?;
    let mut nodes = Vec::new();
    let mut metas = BTreeMap::new();
    let mut groups = Vec::new();
    let mut denominators = Vec::new();
    for r in meta_table.records() {
        let code = r.required("iCode")?.to_string();
        let kind = r.required("Type")?;
        let kind = match kind {
            "Indicator" => NodeKind::Indicator,
            "Aggregate" => NodeKind::Aggregate,
            "Group" => {
                groups.push(code);
                continue;
            }
            "Denominator" => {
                denominators.push(code);
                continue;
            }
            _ => continue,
        };
        let level_text = r.required("Level")?;
        let level = level_text
            .parse::<u8>()
            .map_err(|_| r.error("Level", DataErrorKind::NotANumber(level_text.into())))?;
        let weight =
            number(&r, "Weight")?.ok_or_else(|| r.error("Weight", DataErrorKind::Empty))?;
        if kind == NodeKind::Indicator {
            let sign = number(&r, "Direction")?.unwrap_or(1.0);
            let direction = Direction::from_sign(sign)
                .ok_or_else(|| r.error("Direction", DataErrorKind::NotANumber(sign.to_string())))?;
            metas.insert(
                code.clone(),
                IndicatorMeta {
                    direction,
                    unit: r.optional_column("Unit").map(str::to_string),
                    goalposts: goalposts(&r)?,
                    denominator: r.optional_column("Denominator").map(str::to_string),
                    target: match r.optional_column("Target") {
                        Some(_) => number(&r, "Target")?,
                        None => None,
                    },
                },
            );
        }
        nodes.push(Node {
            name: LocalText::en(r.optional_column("iName").unwrap_or(&code)),
            code,
            level,
            parent: r.optional_column("Parent").map(str::to_string),
            weight,
            kind,
        });
    }
    let hierarchy = Hierarchy::new(nodes)?;

    let data_table = parse_table(IDATA_FILE, idata)?;
    let indicators: Vec<String> = hierarchy.indicators().map(|n| n.code.clone()).collect();
    for column in &data_table.header {
        let known = ["uCode", "uName", "Time"].contains(&column.as_str())
            || groups.contains(column)
            || denominators.contains(column)
            || indicators.contains(column);
        if !known {
            return Err(ModelError::Unknown(column.clone()));
        }
    }
    let has_time = data_table.header.iter().any(|h| h == "Time");
    // Each unit's position, so that reading n units costs n lookups, not n^2 comparisons.
    let mut position: BTreeMap<String, usize> = BTreeMap::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut periods: Vec<i32> = Vec::new();
    let mut rows = Vec::new();
    for r in data_table.records() {
        let code = r.required("uCode")?.to_string();
        let period = if has_time {
            let t = r.required("Time")?;
            t.parse::<i32>()
                .map_err(|_| r.error("Time", DataErrorKind::NotAYear(t.into())))?
        } else {
            0
        };
        if !periods.contains(&period) {
            periods.push(period);
        }
        if !position.contains_key(&code) {
            position.insert(code.clone(), units.len());
            let name = r.optional_column("uName").unwrap_or(&code).to_string();
            let mut unit = Unit::new(&code, &name);
            for g in &groups {
                if let Some(v) = r.optional_column(g) {
                    unit.groups.insert(g.clone(), v.to_string());
                }
            }
            units.push(unit);
        }
        rows.push((code, period, r));
    }
    periods.sort_unstable();
    let mut data = Dataset::new(units, hierarchy, metas, denominators.clone(), None, periods)?;
    let columns: Vec<(usize, &String)> = indicators
        .iter()
        .filter_map(|i| Some((data.hierarchy.indicator_column(i)?, i)))
        .collect();
    // Each column's position in iData, found once: a row is then read cell by cell.
    let at = |name: &str| data_table.column(name);
    let columns: Vec<(usize, usize, &String)> = columns
        .into_iter()
        .filter_map(|(c, i)| Some((c, at(i)?, i)))
        .collect();
    let denominator_columns: Vec<(usize, usize, &String)> = denominators
        .iter()
        .enumerate()
        .filter_map(|(k, d)| Some((k, at(d)?, d)))
        .collect();
    for (code, period, r) in &rows {
        let row = position.get(code).copied().unwrap_or_default();
        let p = data.period_index(*period).unwrap_or_default();
        for &(c, field, i) in &columns {
            let v = cell_number(r, r.at(field), i)?.map_or(Value::Missing, Value::Number);
            data.set_cell((p, row, c), i, v, None)?;
        }
        for &(k, field, d) in &denominator_columns {
            if let Some(x) = cell_number(r, r.at(field), d)? {
                data.set_denominator_cell((p, row, k), x);
            }
        }
    }
    Ok(data)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    pub(crate) const META: &str =
        "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type
1,a,Alpha,1,1,USD,,Pop,P,Indicator
1,b,Beta,-1,2,,,,P,Indicator
2,P,Pillar,1,1,,,,,Aggregate
,Region_group,Region,,,,,,,Group
,Pop,Population,,,,,,,Denominator
";

    #[test]
    fn reads_both_tables() {
        let data = "uName,uCode,Region_group,Time,Pop,a,b
Aland,ALA,N,2020,10,5,NA
Bland,BLA,S,2020,20,,3.5
";
        let d = from_coinr(data, META).expect("valid");
        assert_eq!(d.units.len(), 2);
        assert_eq!(
            d.units[1].groups.get("Region_group").map(String::as_str),
            Some("S")
        );
        assert_eq!(d.periods, vec![2020]);
        assert_eq!(d.value(2020, "ALA", "a"), Some(Value::Number(5.0)));
        assert_eq!(d.value(2020, "ALA", "b"), Some(Value::Missing));
        assert_eq!(d.value(2020, "BLA", "a"), Some(Value::Missing));
        assert_eq!(d.meta_of("b").direction, Direction::Negative);
        assert_eq!(d.meta_of("a").denominator.as_deref(), Some("Pop"));
        assert_eq!(d.hierarchy.node("b").map(|n| n.weight), Some(2.0));
    }

    /// Goalposts from iMeta's `GoalLower` and `GoalUpper`; one without the other is named.
    #[test]
    fn goalposts_are_read_from_imeta() {
        let meta = "Level,iCode,Direction,Weight,GoalLower,GoalUpper,Parent,Type
1,a,1,1,0,10,P,Indicator
1,b,-1,1,,,P,Indicator
2,P,1,1,,,,Aggregate
";
        let data = "uCode,a,b\nALA,5,1\nBLA,12,2\n";
        let d = from_coinr(data, meta).expect("valid");
        assert_eq!(d.meta_of("a").goalposts, Some((0.0, 10.0)));
        assert_eq!(d.meta_of("b").goalposts, None);
        let half = meta.replace("1,a,1,1,0,10,P", "1,a,1,1,0,,P");
        match from_coinr(data, &half) {
            Err(ModelError::Csv(e)) => {
                assert_eq!(
                    (e.file.as_str(), e.row, e.field.as_str()),
                    ("iMeta.csv", 2, "GoalUpper")
                )
            }
            other => panic!("expected a located error, got {other:?}"),
        }
    }

    #[test]
    fn bad_cells_are_located() {
        let data = "uCode,Time,Pop,a,b\nALA,2020,10,five,1\n";
        match from_coinr(data, META) {
            Err(ModelError::Csv(e)) => {
                assert_eq!(
                    (e.file.as_str(), e.row, e.field.as_str()),
                    ("iData.csv", 2, "a")
                )
            }
            other => panic!("expected a located error, got {other:?}"),
        }
        let unknown = "uCode,Time,Pop,a,b,zzz\nALA,2020,10,1,1,1\n";
        assert_eq!(
            from_coinr(unknown, META).map(|_| ()),
            Err(ModelError::Unknown("zzz".into()))
        );
    }
}
