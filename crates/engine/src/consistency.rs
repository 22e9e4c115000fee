//! Data-quality checks the app shows in its data notes: changes a release states in words,
//! recomputed from its table; releases and reports that disagree; values known to be missing.

use crate::csp::round2;
use crate::data::{Bundle, Csp};
use crate::model::Confidence;

/// A year-over-year change stated in words, set against the table.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeCheck {
    pub iso3: String,
    pub year: u16,
    pub stated: f64,
    /// `None` when either year's value is unknown.
    pub computed: Option<f64>,
    pub sources: Vec<String>,
}

impl ChangeCheck {
    pub fn consistent(&self) -> bool {
        self.computed
            .is_some_and(|c| (c - self.stated).abs() < 0.005)
    }
}

/// Something a reader should know about the data.
#[derive(Debug, Clone, PartialEq)]
pub enum Flag {
    /// A release's text states a change its own table does not give.
    StatedChangeMismatch(ChangeCheck),
    /// Two CSP releases print different totals for the same country and year.
    ReleasesDisagree {
        iso3: String,
        year: u16,
        used: f64,
        used_sources: Vec<String>,
        other: f64,
        other_sources: Vec<String>,
        /// Which of the two values a stated change of the following year supports.
        supported_by_stated_change: Option<f64>,
    },
    /// Reports disagree about a GTI value.
    GtiSourcesDisagree {
        iso3: String,
        measure: String,
        used: String,
        used_sources: Vec<String>,
        other: String,
        other_sources: Vec<String>,
    },
    /// A value the app uses is the project's reading of ambiguous wording.
    Inferred { iso3: String, measure: String },
    /// A CSP country was measured in a year, but no source we hold gives the value.
    CspValueMissing { iso3: String, year: u16 },
}

/// Recomputes every stated change from the table.
pub fn change_checks(csp: &Csp) -> Vec<ChangeCheck> {
    csp.stated_changes
        .iter()
        .map(|s| {
            let now = csp.value(&s.iso3, s.year).and_then(|v| v.value);
            let before = csp
                .value(&s.iso3, s.year.wrapping_sub(1))
                .and_then(|v| v.value);
            ChangeCheck {
                iso3: s.iso3.clone(),
                year: s.year,
                stated: s.change,
                computed: now.zip(before).map(|(a, b)| round2(a - b)),
                sources: s.provenance.sources.clone(),
            }
        })
        .collect()
}

/// Every flag, in a stable order: CSP first (by year, country), then GTI (by country).
pub fn flags(bundle: &Bundle) -> Vec<Flag> {
    let csp = &bundle.csp;
    let mut out: Vec<Flag> = change_checks(csp)
        .into_iter()
        .filter(|c| !c.consistent())
        .map(Flag::StatedChangeMismatch)
        .collect();
    for alt in &csp.alternatives {
        let (Some(used), Some(other)) = (csp.value(&alt.iso3, alt.year), alt.value) else {
            continue;
        };
        let Some(used_value) = used.value else {
            continue;
        };
        let next = csp.value(&alt.iso3, alt.year + 1).and_then(|v| v.value);
        let stated = csp
            .stated_changes
            .iter()
            .find(|s| s.iso3 == alt.iso3 && s.year == alt.year + 1);
        let supported = next.zip(stated).and_then(|(n, s)| {
            [used_value, other]
                .into_iter()
                .find(|candidate| (round2(n - candidate) - s.change).abs() < 0.005)
        });
        out.push(Flag::ReleasesDisagree {
            iso3: alt.iso3.clone(),
            year: alt.year,
            used: used_value,
            used_sources: used.provenance.sources.clone(),
            other,
            other_sources: alt.provenance.sources.clone(),
            supported_by_stated_change: supported,
        });
    }
    for v in csp.values.iter().filter(|v| v.value.is_none()) {
        out.push(Flag::CspValueMissing {
            iso3: v.iso3.clone(),
            year: v.year,
        });
    }
    for c in &bundle.gti.countries {
        for alt in &c.alternatives {
            let used = match alt.measure.as_str() {
                "overall" => c
                    .overall
                    .as_ref()
                    .map(|a| (a.value.label().to_string(), &a.provenance)),
                _ => None,
            };
            if let Some((used, prov)) = used {
                out.push(Flag::GtiSourcesDisagree {
                    iso3: c.iso3.clone(),
                    measure: alt.measure.clone(),
                    used,
                    used_sources: prov.sources.clone(),
                    other: alt.value.clone(),
                    other_sources: alt.provenance.sources.clone(),
                });
            }
        }
        for (i, p) in c.pillars.iter().enumerate() {
            if let Some(p) = p {
                if p.provenance.confidence == Some(Confidence::Inferred) {
                    let measure = bundle
                        .gti
                        .pillars
                        .get(i)
                        .map_or_else(|| format!("p{}", i + 1), |p| p.id.clone());
                    out.push(Flag::Inferred {
                        iso3: c.iso3.clone(),
                        measure,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn flags_kyrgyzstan_2024_and_kazakhstan_2023() {
        let (b, _) = Bundle::bundled();
        let flags = flags(&b);
        let kgz = flags.iter().find_map(|f| match f {
            Flag::StatedChangeMismatch(c) if c.iso3 == "KGZ" => Some(c.clone()),
            _ => None,
        });
        let kgz = kgz.expect("Kyrgyzstan 2024 is flagged");
        assert_eq!(kgz.year, 2024);
        assert_eq!(kgz.stated, -11.29);
        assert_eq!(kgz.computed, Some(-15.87));

        let kaz = flags.iter().find_map(|f| match f {
            Flag::ReleasesDisagree {
                iso3,
                year,
                used,
                other,
                supported_by_stated_change,
                ..
            } if iso3 == "KAZ" => Some((*year, *used, *other, *supported_by_stated_change)),
            _ => None,
        });
        assert_eq!(kaz, Some((2023, 122.51, 132.51, Some(122.51))));
    }

    #[test]
    fn every_other_stated_change_matches_its_table() {
        let (b, _) = Bundle::bundled();
        let checks = change_checks(&b.csp);
        assert_eq!(checks.len(), 6);
        let mismatched: Vec<&str> = checks
            .iter()
            .filter(|c| !c.consistent())
            .map(|c| c.iso3.as_str())
            .collect();
        assert_eq!(mismatched, ["KGZ"]);
    }

    #[test]
    fn conflicts_and_inferences_are_surfaced() {
        let (b, _) = Bundle::bundled();
        let flags = flags(&b);
        let disagree: Vec<&str> = flags
            .iter()
            .filter_map(|f| match f {
                Flag::GtiSourcesDisagree { iso3, .. } => Some(iso3.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(disagree, ["IND", "MEX", "TGO"]);
        assert!(flags.contains(&Flag::Inferred {
            iso3: "HND".into(),
            measure: "p7".into()
        }));
        let missing = flags
            .iter()
            .filter(|f| matches!(f, Flag::CspValueMissing { .. }))
            .count();
        assert_eq!(missing, 3);
    }
}
