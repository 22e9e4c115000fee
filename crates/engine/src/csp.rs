//! The CSP Index on Torture: the score is the published total; ranks and changes per year.
//! A year is ranked by the one model ([`crate::composite`]): its published totals are the one
//! indicator of an index, taken as they are (no normalisation), and the index ranks them.

use std::collections::BTreeMap;

use crate::composite::definition::PreparedIndex;
use crate::composite::error::ModelError;
use crate::composite::hierarchy::{Hierarchy, Node};
use crate::composite::model::{Dataset, LocalText, Unit, Value};
use crate::composite::pipeline::{NormaliseSpec, Pipeline};
use crate::composite::{AggregateSpec, Normalisation};
use crate::data::{Csp, CspValue};
use crate::model::Provenance;

/// One country in one year's table.
#[derive(Debug, Clone, PartialEq)]
pub struct CspRow {
    pub iso3: String,
    pub name: String,
    /// `None`: measured that year, value not in any source we hold.
    pub value: Option<f64>,
    pub rank: Option<u32>,
    /// Change against the previous year, when both values are known.
    pub change: Option<f64>,
    pub provenance: Provenance,
}

/// The code of the CSP index's top node, and of its one indicator, the published total (as in
/// `data/csp/framework.csv`).
const INDEX: &str = "csp";
const TOTAL: &str = "total";

/// One year of the CSP as the one model's data set: the countries measured that year (`rows`,
/// in order, with their English `names`), their published totals as the one indicator of the
/// index.
fn year_dataset(year: u16, rows: &[&CspValue], names: &[&str]) -> Result<Dataset, ModelError> {
    let hierarchy = Hierarchy::new(vec![
        Node::indicator(TOTAL, INDEX, 1.0),
        Node::aggregate(INDEX, 2, "", 1.0),
    ])?;
    let units = rows
        .iter()
        .zip(names)
        .map(|(v, name)| Unit {
            code: v.iso3.clone(),
            name: LocalText::en(name),
            groups: BTreeMap::new(),
        })
        .collect();
    let period = i32::from(year);
    let mut data = Dataset::new(
        units,
        hierarchy,
        BTreeMap::new(),
        Vec::new(),
        None,
        vec![period],
    )?;
    for v in rows {
        if let Some(x) = v.value {
            data.set(period, &v.iso3, TOTAL, Value::Number(x), None)?;
        }
    }
    Ok(data)
}

/// Each row's rank and the display order (ranked, best first, then the unranked; ties by
/// name), from the one model: the totals as they are, aggregated and ranked by the index.
fn ranking(
    year: u16,
    rows: &[&CspValue],
    names: &[&str],
) -> Option<(Vec<Option<u32>>, Vec<usize>)> {
    let data = year_dataset(year, rows, names).ok()?;
    let normalise = NormaliseSpec {
        default: Normalisation::None,
        by_indicator: BTreeMap::new(),
    };
    let prepared = Pipeline::prepare_normalised(&data, &normalise, i32::from(year)).ok()?;
    let mut index = PreparedIndex::new(&data, prepared, INDEX, vec![None; rows.len()]);
    let standings = index.score(None, &AggregateSpec::default()).ok()?;
    let ranks = standings.units.iter().map(|s| s.rank).collect();
    Some((ranks, standings.order.clone()))
}

/// The table of a year, in display order (ranked, then measured-but-missing).
pub fn year_table(csp: &Csp, year: u16) -> Vec<CspRow> {
    let rows: Vec<&CspValue> = csp.values.iter().filter(|v| v.year == year).collect();
    let names: Vec<&str> = rows
        .iter()
        .map(|v| {
            csp.country(&v.iso3)
                .map_or(v.iso3.as_str(), |c| c.name_en.as_str())
        })
        .collect();
    // The model cannot refuse a year of the bundled data (at most one value per country and
    // year, tested); were it to, the rows would be listed unranked, in file order.
    let (ranks, order) = ranking(year, &rows, &names)
        .unwrap_or_else(|| (vec![None; rows.len()], (0..rows.len()).collect()));
    order
        .iter()
        .filter_map(|&i| {
            let (v, name) = (rows.get(i)?, names.get(i)?);
            let previous = csp
                .value(&v.iso3, year.wrapping_sub(1))
                .and_then(|p| p.value);
            Some(CspRow {
                iso3: v.iso3.clone(),
                name: name.to_string(),
                value: v.value,
                rank: ranks.get(i).copied().flatten(),
                change: v
                    .value
                    .zip(previous)
                    .map(|(now, before)| round2(now - before)),
                provenance: v.provenance.clone(),
            })
        })
        .collect()
}

/// Totals are published with two decimals; differences are reported the same way.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Bundle;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn ranks_2024_and_changes() {
        let (b, _) = Bundle::bundled();
        let t = year_table(&b.csp, 2024);
        let order: Vec<&str> = t.iter().map(|r| r.iso3.as_str()).collect();
        assert_eq!(order, ["KAZ", "MDA", "ARM", "UKR", "KGZ", "RUS", "BLR"]);
        assert_eq!(t[0].rank, Some(1));
        assert_eq!(t[0].change, Some(12.14));
        assert_eq!(t[4].change, Some(-15.87));
    }

    #[test]
    fn missing_values_are_listed_unranked() {
        let (b, _) = Bundle::bundled();
        let t = year_table(&b.csp, 2022);
        let last = t.last().expect("rows");
        assert_eq!(last.value, None);
        assert_eq!(last.rank, None);
        assert_eq!(t.iter().filter(|r| r.value.is_none()).count(), 2);
        // Poland has no 2021 value: no change is computed for 2022 either way.
        let t2020 = year_table(&b.csp, 2020);
        let pol = t2020.iter().find(|r| r.iso3 == "POL").expect("Poland 2020");
        assert_eq!(pol.change, None);
    }

    #[test]
    fn the_one_model_ranks_every_year_as_competition_ranking_does() {
        use crate::model::Status;
        use crate::rank::competition_ranks;
        let (b, _) = Bundle::bundled();
        // The bundled years, and a made-up year of ties, negative totals, missing values and
        // names out of code order.
        let mut csp = b.csp.clone();
        let made_up = [
            ("AAA", "Zeta", Some(10.0)),
            ("BBB", "Alpha", Some(10.0)),
            ("CCC", "Mu", None),
            ("DDD", "Beta", Some(-3.5)),
            ("EEE", "Alpha", Some(0.1 + 0.2)),
            ("FFF", "Gamma", Some(0.3)),
            ("GGG", "Delta", None),
        ];
        for (iso3, name, value) in made_up {
            csp.countries.push(crate::data::CspCountry {
                iso3: iso3.into(),
                name_en: name.into(),
            });
            csp.values.push(CspValue {
                iso3: iso3.into(),
                year: 1999,
                value,
                status: Status::Used,
                provenance: Provenance {
                    sources: Vec::new(),
                    confidence: None,
                    note: None,
                },
            });
        }
        for year in b.csp.years().chain([1999]) {
            let rows: Vec<&CspValue> = csp.values.iter().filter(|v| v.year == year).collect();
            let scores: Vec<Option<f64>> = rows.iter().map(|v| v.value).collect();
            let names: Vec<&str> = rows
                .iter()
                .map(|v| {
                    csp.country(&v.iso3)
                        .map_or(v.iso3.as_str(), |c| c.name_en.as_str())
                })
                .collect();
            let expected = competition_ranks(&scores, &names);
            let table = year_table(&csp, year);
            let order: Vec<&str> = table.iter().map(|r| r.iso3.as_str()).collect();
            let want: Vec<&str> = expected
                .order
                .iter()
                .map(|&i| rows[i].iso3.as_str())
                .collect();
            assert_eq!(order, want, "{year}");
            for row in &table {
                let i = rows.iter().position(|v| v.iso3 == row.iso3).expect("a row");
                assert_eq!(row.rank, expected.ranks[i], "{year} {}", row.iso3);
            }
            assert!(table.iter().any(|r| r.rank == Some(1)), "{year}");
        }
        let made_up = year_table(&csp, 1999);
        let ranks: Vec<(&str, Option<u32>)> =
            made_up.iter().map(|r| (r.iso3.as_str(), r.rank)).collect();
        assert_eq!(
            ranks,
            [
                ("BBB", Some(1)),
                ("AAA", Some(1)),
                ("EEE", Some(3)),
                ("FFF", Some(3)),
                ("DDD", Some(5)),
                ("GGG", None),
                ("CCC", None),
            ]
        );
    }
}
