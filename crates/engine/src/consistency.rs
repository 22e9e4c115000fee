//! Data-quality checks the app shows in its data notes: changes a release states in words,
//! recomputed from its table; a release's summary set against its table; releases and reports
//! that disagree (on a band, a pillar or a count); factsheet figures that contradict each other;
//! values known to be missing.

use crate::csp::round2;
use crate::data::{Bundle, Csp, Fact, Gti, ReleaseClaimKind};
use crate::model::{Band, Confidence};

/// A change of at least this many points in a year is not "hardly changed" on the CSP's scale
/// (totals span about -95 to 160).
pub const LARGE_CSP_CHANGE: f64 = 10.0;

/// A printed rate further than this share from the rate its own figures imply is flagged
/// (the population is printed to one decimal of a million, so rounding alone stays within 1%).
pub const RATE_TOLERANCE: f64 = 0.10;

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
    /// A release's summary says scores hardly changed in a year, while its own table shows
    /// changes of [`LARGE_CSP_CHANGE`] points or more (country, change), largest first.
    ReleaseSummaryContradicted {
        year: u16,
        sources: Vec<String>,
        changes: Vec<(String, f64)>,
    },
    /// Reports disagree about a GTI value: the overall band (`measure` "overall") or a
    /// pillar's band (`measure` a pillar id).
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
    /// A factsheet figure the app shows is the project's reading of a general statement.
    InferredFact { iso3: String, fact: String },
    /// Sources disagree on how many members fall in a band.
    BandCountsDisagree {
        band: Band,
        used: u32,
        used_sources: Vec<String>,
        other: u32,
        other_sources: Vec<String>,
    },
    /// More members carry a band than the published distribution allows.
    BandCountExceeded {
        band: Band,
        published: u32,
        known: u32,
    },
    /// A factsheet's printed prison population rate against the rate its own figures imply
    /// (people deprived of liberty per 100,000 of the population).
    PrisonRateMismatch {
        iso3: String,
        printed: f64,
        computed: f64,
        sources: Vec<String>,
    },
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

/// The year's changes of [`LARGE_CSP_CHANGE`] points or more, largest first (then by code).
pub fn large_changes(csp: &Csp, year: u16) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = csp
        .countries
        .iter()
        .filter_map(|c| {
            let now = csp.value(&c.iso3, year).and_then(|v| v.value)?;
            let before = csp
                .value(&c.iso3, year.wrapping_sub(1))
                .and_then(|v| v.value)?;
            let change = round2(now - before);
            (change.abs() >= LARGE_CSP_CHANGE).then(|| (c.iso3.clone(), change))
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0))
    });
    out
}

fn fact_number(facts: &[&Fact], id: &str) -> Option<(f64, Option<String>)> {
    let f = facts.iter().find(|f| f.id == id)?;
    let v = f.value.replace(',', "").trim().parse::<f64>().ok()?;
    v.is_finite().then(|| (v, f.unit.clone()))
}

/// The factsheet check: the printed prison population rate against people deprived of liberty
/// per 100,000 of the population, for every country whose facts give all three.
pub fn prison_rate_checks(gti: &Gti) -> Vec<Flag> {
    let mut out = Vec::new();
    for c in &gti.countries {
        let facts: Vec<&Fact> = gti.facts.iter().filter(|f| f.iso3 == c.iso3).collect();
        let (Some((printed, _)), Some((people, _)), Some((population, unit))) = (
            fact_number(&facts, "prison_rate"),
            fact_number(&facts, "deprived_of_liberty"),
            fact_number(&facts, "population"),
        ) else {
            continue;
        };
        let scale = match unit.as_deref() {
            Some("million") => 1e6,
            Some("thousand") => 1e3,
            _ => 1.0,
        };
        let population = population * scale;
        if population <= 0.0 {
            continue;
        }
        let computed = people / population * 1e5;
        if (printed - computed).abs() > RATE_TOLERANCE * computed {
            let sources = facts
                .iter()
                .find(|f| f.id == "prison_rate")
                .map(|f| f.provenance.sources.clone())
                .unwrap_or_default();
            out.push(Flag::PrisonRateMismatch {
                iso3: c.iso3.clone(),
                printed,
                computed,
                sources,
            });
        }
    }
    out
}

/// Every flag, in a stable order: CSP first (by year, country; then the releases' summaries),
/// then GTI (by country; then the distribution and the factsheets).
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
    for claim in &csp.release_claims {
        match claim.kind {
            ReleaseClaimKind::LargelyUnchanged => {
                let changes = large_changes(csp, claim.year);
                if !changes.is_empty() {
                    out.push(Flag::ReleaseSummaryContradicted {
                        year: claim.year,
                        sources: claim.provenance.sources.clone(),
                        changes,
                    });
                }
            }
        }
    }
    let pillars = &bundle.gti.pillars;
    for c in &bundle.gti.countries {
        for alt in &c.alternatives {
            let used = match alt.measure.as_str() {
                "overall" => c.overall.as_ref(),
                m => pillars
                    .iter()
                    .position(|p| p.id == m)
                    .and_then(|i| c.pillars.get(i))
                    .and_then(Option::as_ref),
            }
            .map(|a| (a.value.label().to_string(), &a.provenance));
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
        for f in bundle.gti.facts.iter().filter(|f| f.iso3 == c.iso3) {
            if f.provenance.confidence == Some(Confidence::Inferred) {
                out.push(Flag::InferredFact {
                    iso3: c.iso3.clone(),
                    fact: f.id.clone(),
                });
            }
        }
    }
    let gti = &bundle.gti;
    for alt in &gti.distribution_alternatives {
        if let Some(used) = gti.distribution.iter().find(|u| u.band == alt.band) {
            out.push(Flag::BandCountsDisagree {
                band: alt.band,
                used: used.count,
                used_sources: used.provenance.sources.clone(),
                other: alt.count,
                other_sources: alt.provenance.sources.clone(),
            });
        }
    }
    if let Some(slots) = gti.band_slots() {
        for (i, band) in Band::ALL.iter().enumerate() {
            if slots.known[i] > slots.published[i] {
                out.push(Flag::BandCountExceeded {
                    band: *band,
                    published: slots.published[i],
                    known: slots.known[i],
                });
            }
        }
    }
    out.extend(prison_rate_checks(gti));
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
        // India: one outlet against the factsheet on each of the seven pillars.
        assert_eq!(
            disagree,
            ["IND", "IND", "IND", "IND", "IND", "IND", "IND", "MEX", "TGO"]
        );
        let india: Vec<(&str, &str, &str)> = flags
            .iter()
            .filter_map(|f| match f {
                Flag::GtiSourcesDisagree {
                    iso3,
                    measure,
                    used,
                    other,
                    ..
                } if iso3 == "IND" => Some((measure.as_str(), used.as_str(), other.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(india[0], ("p1", "Considerable", "Very High"));
        assert_eq!(india[6], ("p7", "High", "Very High"));
        assert!(flags.contains(&Flag::InferredFact {
            iso3: "TUN".into(),
            fact: "uncat".into()
        }));
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

    #[test]
    fn the_sixth_release_summary_is_set_against_its_table() {
        let (b, _) = Bundle::bundled();
        let claim = flags(&b).into_iter().find_map(|f| match f {
            Flag::ReleaseSummaryContradicted {
                year,
                changes,
                sources,
            } => Some((year, changes, sources)),
            _ => None,
        });
        let (year, changes, sources) = claim.expect("flagged");
        assert_eq!(year, 2024);
        assert_eq!(sources, ["csp-2025-sixth"]);
        assert_eq!(
            changes,
            [
                ("KGZ".to_string(), -15.87),
                ("KAZ".to_string(), 12.14),
                ("UKR".to_string(), -11.25)
            ]
        );
    }

    #[test]
    fn a_count_conflict_is_flagged_as_such() {
        let (b, _) = Bundle::bundled();
        let counts: Vec<Flag> = flags(&b)
            .into_iter()
            .filter(|f| {
                matches!(
                    f,
                    Flag::BandCountsDisagree { .. } | Flag::BandCountExceeded { .. }
                )
            })
            .collect();
        assert_eq!(
            counts,
            [Flag::BandCountsDisagree {
                band: Band::High,
                used: 13,
                used_sources: vec!["elmundo-sv".into()],
                other: 11,
                other_sources: vec!["dialogojerez".into()],
            }]
        );
    }

    #[test]
    fn kyrgyzstan_printed_prison_rate_is_computed_as_inconsistent() {
        let (b, _) = Bundle::bundled();
        let checks = prison_rate_checks(&b.gti);
        assert_eq!(checks.len(), 1);
        let Flag::PrisonRateMismatch {
            iso3,
            printed,
            computed,
            sources,
        } = &checks[0]
        else {
            panic!("a prison-rate flag");
        };
        assert_eq!(iso3, "KGZ");
        assert_eq!(*printed, 1125.0);
        // 7,728 people in 7.3 million: about 106 per 100,000.
        assert!((computed - 105.863).abs() < 0.001, "{computed}");
        assert_eq!(sources, &["omct-kgz-factsheet"]);
        assert!(flags(&b).contains(&checks[0]));
    }

    #[test]
    fn a_consistent_rate_and_a_too_many_band_are_handled() {
        let (mut b, _) = Bundle::bundled();
        for f in b.gti.facts.iter_mut() {
            if f.iso3 == "KGZ" && f.id == "prison_rate" {
                f.value = "106".into();
            }
        }
        assert!(prison_rate_checks(&b.gti).is_empty());
        // Every unbanded member given Very High: more than the six published.
        for c in b.gti.countries.iter_mut() {
            if c.iso3 == "HUN" {
                c.overall = c
                    .pillars
                    .first()
                    .cloned()
                    .flatten()
                    .or(Some(crate::model::Attested {
                        value: Band::VeryHigh,
                        provenance: Default::default(),
                    }));
            }
        }
        assert!(flags(&b).contains(&Flag::BandCountExceeded {
            band: Band::VeryHigh,
            published: 6,
            known: 7
        }));
    }
}
