//! Two indices side by side (the cross-index view): the one the weights apply to beside the
//! one with periods, in a period, over the units both cover.

use engine::Scored;

use super::{series, standings_of, trend_index, weighted_index, Standings};
use crate::data::AppData;
use crate::link::LinkState;

/// The index the weights apply to and the index with periods in `period`, with the units the
/// first covers that the second covers in any period, by English name: each unit's row in
/// the first, and in the second where it has one in that period.
pub struct Pair {
    pub weighted: Standings,
    pub periods: Standings,
    /// Every period of the second index, newest first.
    pub choices: Vec<u16>,
    pub period: u16,
    pub shared: Vec<(usize, Option<usize>)>,
}

impl Pair {
    /// How many units the second index ranks in the period.
    pub fn ranked(&self) -> usize {
        self.periods
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .count()
    }
}

/// The pair of `link` in its period, the first scored as `scored`.
pub fn pair(data: &AppData, link: &LinkState, scored: Option<&Scored>) -> Pair {
    let second = trend_index(data, link);
    let weighted = standings_of(data, weighted_index(data, link), link.year, scored);
    let periods = standings_of(data, second, link.year, None);
    let (mut choices, every) = series(data, second);
    choices.reverse();
    let mut shared: Vec<(usize, Option<usize>)> = weighted
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| every.iter().any(|s| s.iso3 == r.iso3))
        .map(|(i, r)| (i, periods.rows.iter().position(|p| p.iso3 == r.iso3)))
        .collect();
    engine::sort::sort_by(&mut shared, |a, b| {
        weighted.rows[a.0].name_en.cmp(&weighted.rows[b.0].name_en)
    });
    Pair {
        weighted,
        periods,
        choices,
        period: link.year,
        shared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{IndexId, Limits};

    #[test]
    fn the_pair_is_the_gti_beside_the_csp_index_over_the_countries_in_both() {
        let data = AppData::load();
        let limits = Limits::bundled();
        let gti = &data.bundle.gti;
        let csp = &data.bundle.csp;
        for index in IndexId::ALL {
            for &year in &csp.years {
                let mut link = LinkState::defaults(&limits);
                link.index = index;
                link.year = year;
                let p = pair(&data, &link, None);
                assert_eq!(p.weighted.index, IndexId::Gti2025);
                assert_eq!(p.periods.index, IndexId::Csp);
                assert_eq!(p.period, year);
                let years: Vec<u16> = csp.years().rev().collect();
                assert_eq!(p.choices, years);
                // The GTI's members the CSP Index covers in any year, by English name.
                let mut expected: Vec<(&str, &str)> = gti
                    .countries
                    .iter()
                    .filter(|c| csp.country(&c.iso3).is_some())
                    .map(|c| (c.name_en.as_str(), c.iso3.as_str()))
                    .collect();
                expected.sort();
                let got: Vec<(&str, &str)> = p
                    .shared
                    .iter()
                    .map(|(i, _)| {
                        let r = &p.weighted.rows[*i];
                        (r.name_en.as_str(), r.iso3.as_str())
                    })
                    .collect();
                assert_eq!(got, expected, "{year}");
                assert!(!got.is_empty());
                // The second row is the year's figure, where the year has one.
                let table = data.csp_year(year);
                for (i, j) in &p.shared {
                    let iso3 = &p.weighted.rows[*i].iso3;
                    let row = table.iter().find(|r| r.iso3 == *iso3);
                    let second = j.map(|j| &p.periods.rows[j]);
                    assert_eq!(
                        row.map(|r| (r.value, r.rank)),
                        second.map(|s| (s.score, s.rank)),
                        "{iso3} {year}"
                    );
                }
                assert_eq!(
                    p.ranked(),
                    table.iter().filter(|r| r.rank.is_some()).count()
                );
            }
        }
    }
}
