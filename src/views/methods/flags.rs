//! The methods page's data-quality flags in words: each conflict between sources, each value
//! we inferred, each figure that does not add up; and the names they give.

use engine::consistency::Flag;

use crate::data::AppData;
use crate::i18n::Messages;
use crate::labels;

pub(super) fn publishers(data: &AppData, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            data.bundle
                .source(id)
                .map_or(id.clone(), |s| s.publisher.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) use crate::captions::unit_name as country_name;

fn flag_text(data: &AppData, i18n: &Messages, flag: &Flag) -> String {
    match flag {
        Flag::StatedChangeMismatch(c) => i18n.f(
            "flag-stated",
            &[
                ("country", &country_name(data, i18n, &c.iso3)),
                ("year", &c.year.to_string()),
                ("stated", &i18n.signed(c.stated, 2)),
                (
                    "computed",
                    &c.computed.map_or("—".into(), |x| i18n.signed(x, 2)),
                ),
                ("who", &publishers(data, &c.sources)),
            ],
        ),
        Flag::ReleasesDisagree {
            iso3,
            year,
            used,
            other,
            supported_by_stated_change,
            ..
        } => {
            let mut text = i18n.f(
                "flag-releases",
                &[
                    ("country", &country_name(data, i18n, iso3)),
                    ("year", &year.to_string()),
                    ("used", &i18n.num(*used, 2)),
                    ("other", &i18n.num(*other, 2)),
                ],
            );
            if let Some(v) = supported_by_stated_change {
                text.push(' ');
                text.push_str(&i18n.f("flag-releases-which", &[("value", &i18n.num(*v, 2))]));
            }
            text
        }
        Flag::GtiSourcesDisagree {
            iso3,
            used,
            used_sources,
            other,
            other_sources,
            ..
        } => {
            let band = |v: &str| labels::reported(i18n, v);
            i18n.f(
                "flag-gti",
                &[
                    ("country", &country_name(data, i18n, iso3)),
                    ("used", &band(used)),
                    ("used_who", &publishers(data, used_sources)),
                    ("other", &band(other)),
                    ("other_who", &publishers(data, other_sources)),
                ],
            )
        }
        Flag::Inferred { iso3, measure } => {
            let pillar = data
                .bundle
                .gti
                .pillars
                .iter()
                .find(|p| p.id == *measure)
                .map_or(measure.clone(), |p| labels::pillar(i18n, p));
            i18n.f(
                "flag-inferred",
                &[
                    ("country", &country_name(data, i18n, iso3)),
                    ("pillar", &pillar),
                ],
            )
        }
        Flag::CspValueMissing { iso3, year } => i18n.f(
            "flag-missing",
            &[
                ("country", &country_name(data, i18n, iso3)),
                ("year", &year.to_string()),
            ],
        ),
        Flag::ReleaseSummaryContradicted {
            year,
            sources,
            changes,
        } => {
            let changes = changes
                .iter()
                .map(|(iso3, change)| {
                    format!(
                        "{} ({})",
                        i18n.signed(*change, 2),
                        country_name(data, i18n, iso3)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            i18n.f(
                "flag-release-summary",
                &[
                    ("year", &year.to_string()),
                    ("changes", &changes),
                    ("who", &publishers(data, sources)),
                ],
            )
        }
        Flag::InferredFact { iso3, fact } => {
            let label = data
                .bundle
                .gti
                .facts
                .iter()
                .find(|f| f.iso3 == *iso3 && f.id == *fact)
                .map_or(fact.clone(), |f| i18n.text(&f.label_en).to_string());
            i18n.f(
                "flag-inferred-fact",
                &[
                    ("country", &country_name(data, i18n, iso3)),
                    ("fact", &label),
                ],
            )
        }
        Flag::BandCountsDisagree {
            band,
            used,
            used_sources,
            other,
            other_sources,
        } => i18n.f(
            "flag-band-counts",
            &[
                ("band", &labels::band(i18n, *band)),
                ("used", &used.to_string()),
                ("used_who", &publishers(data, used_sources)),
                ("other", &other.to_string()),
                ("other_who", &publishers(data, other_sources)),
            ],
        ),
        Flag::BandCountExceeded {
            band,
            published,
            known,
        } => i18n.f(
            "flag-band-exceeded",
            &[
                ("band", &labels::band(i18n, *band)),
                ("published", &published.to_string()),
                ("known", &known.to_string()),
            ],
        ),
        Flag::PrisonRateMismatch {
            iso3,
            printed,
            computed,
            ..
        } => i18n.f(
            "flag-prison-rate",
            &[
                ("country", &country_name(data, i18n, iso3)),
                ("printed", &i18n.num(*printed, 0)),
                ("computed", &i18n.num(*computed, 0)),
            ],
        ),
    }
}

/// The pillar a GTI measure names (1-based), if it is a pillar.
fn pillar_number(data: &AppData, measure: &str) -> Option<usize> {
    data.bundle
        .gti
        .pillars
        .iter()
        .position(|p| p.id == measure)
        .map(|i| i + 1)
}

/// Every flag as a sentence. A report that disagrees with the factsheet on several pillars of
/// one country makes one sentence ("India, pillars I–VII: …"), not one per pillar.
pub(super) fn flag_texts(data: &AppData, i18n: &Messages) -> Vec<String> {
    let mut out = Vec::new();
    let flags = &data.flags;
    let mut i = 0;
    while i < flags.len() {
        let Flag::GtiSourcesDisagree {
            iso3,
            measure,
            used_sources,
            other,
            other_sources,
            ..
        } = &flags[i]
        else {
            out.push(flag_text(data, i18n, &flags[i]));
            i += 1;
            continue;
        };
        if pillar_number(data, measure).is_none() {
            out.push(flag_text(data, i18n, &flags[i]));
            i += 1;
            continue;
        }
        let mut group: Vec<(usize, String)> = Vec::new();
        while let Some(Flag::GtiSourcesDisagree {
            iso3: c,
            measure: m,
            used: u,
            other: o,
            other_sources: os,
            ..
        }) = flags.get(i)
        {
            match pillar_number(data, m) {
                Some(n) if c == iso3 && o == other && os == other_sources => {
                    group.push((n, u.clone()));
                    i += 1;
                }
                _ => break,
            }
        }
        let band = |v: &str| labels::reported(i18n, v);
        // The used bands, runs of the same band together: "Considerable (I), High (II–VII)".
        let mut used_runs: Vec<(String, Vec<usize>)> = Vec::new();
        for (n, u) in &group {
            match used_runs.last_mut() {
                Some((b, ns)) if *b == *u => ns.push(*n),
                _ => used_runs.push((u.clone(), vec![*n])),
            }
        }
        let used = used_runs
            .iter()
            .map(|(b, ns)| format!("{} ({})", band(b), labels::pillar_runs(ns)))
            .collect::<Vec<_>>()
            .join(", ");
        let numbers: Vec<usize> = group.iter().map(|(n, _)| *n).collect();
        out.push(i18n.f(
            "flag-gti-pillars",
            &[
                ("country", &country_name(data, i18n, iso3)),
                ("pillars", &labels::pillar_runs(&numbers)),
                ("other", &band(other)),
                ("other_who", &publishers(data, other_sources)),
                ("used", &used),
                ("used_who", &publishers(data, used_sources)),
            ],
        ));
    }
    out
}
