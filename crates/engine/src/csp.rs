//! The CSP Index on Torture: the score is the published total; ranks and changes per year.

use crate::data::Csp;
use crate::model::Provenance;
use crate::rank::competition_ranks;

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

/// The table of a year, in display order (ranked, then measured-but-missing).
pub fn year_table(csp: &Csp, year: u16) -> Vec<CspRow> {
    let rows: Vec<_> = csp.values.iter().filter(|v| v.year == year).collect();
    let scores: Vec<Option<f64>> = rows.iter().map(|v| v.value).collect();
    let names: Vec<&str> = rows
        .iter()
        .map(|v| {
            csp.country(&v.iso3)
                .map_or(v.iso3.as_str(), |c| c.name_en.as_str())
        })
        .collect();
    let ranking = competition_ranks(&scores, &names);
    ranking
        .order
        .iter()
        .map(|&i| {
            let v = rows[i];
            let previous = csp
                .value(&v.iso3, year.wrapping_sub(1))
                .and_then(|p| p.value);
            CspRow {
                iso3: v.iso3.clone(),
                name: names[i].to_string(),
                value: v.value,
                rank: ranking.ranks[i],
                change: v
                    .value
                    .zip(previous)
                    .map(|(now, before)| round2(now - before)),
                provenance: v.provenance.clone(),
            }
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
}
