//! Methods and sources: the model in plain words, every source with its link, the conflicts
//! between sources and the data-quality flags.

use engine::consistency::Flag;
use engine::model::Band;
use yew::prelude::*;

use crate::data::{AppData, Shared};
use crate::i18n::{I18n, Messages};
use crate::labels;

#[derive(Properties, PartialEq)]
pub struct MethodsProps {
    pub data: Shared<AppData>,
}

fn publishers(data: &AppData, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            data.bundle
                .source(id)
                .map_or(id.clone(), |s| s.publisher.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn country_name(data: &AppData, i18n: &Messages, iso3: &str) -> String {
    crate::standings::units(data)
        .into_iter()
        .find(|(c, _)| c == iso3)
        .map_or(iso3.to_string(), |(c, name)| {
            i18n.country(&c, &name).to_string()
        })
}

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
            let band = |v: &str| Band::parse(v).map_or(v.to_string(), |b| labels::band(i18n, b));
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
pub fn flag_texts(data: &AppData, i18n: &Messages) -> Vec<String> {
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
        let band = |v: &str| Band::parse(v).map_or(v.to_string(), |b| labels::band(i18n, b));
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

/// The published distribution against the bands traced to a source, and the slots still open.
fn slots_section(data: &AppData, i18n: &Messages) -> Html {
    let gti = &data.bundle.gti;
    let Some(slots) = gti.band_slots() else {
        return html! {};
    };
    let rows = Band::ALL.iter().enumerate().map(|(i, b)| {
        let source = gti
            .distribution
            .iter()
            .find(|c| c.band == *b)
            .map(|c| publishers(data, &c.provenance.sources))
            .unwrap_or_default();
        html! {
            <tr>
                <th scope="row">{ crate::components::ranking_table::band_cell(i18n, Some(*b)) }</th>
                <td class="num">{ slots.published[i] }<span class="cell-note">{ source }</span></td>
                <td class="num">{ slots.known[i] }</td>
                <td class="num" data-testid={format!("open-{}", b.slug())}>{ slots.open[i] }</td>
            </tr>
        }
    });
    let named = slots
        .named_without_band
        .iter()
        .map(|c| country_name(data, i18n, c))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <section aria-labelledby="m-slots">
            <h2 id="m-slots">{ i18n.t("methods-slots-title") }</h2>
            <p>{ i18n.f("methods-slots-intro", &[("total", &slots.total().to_string())]) }</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="slots-caption">
            <table class="compact" data-testid="slots">
                <caption id="slots-caption">{ i18n.t("methods-slots-caption") }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("col-band") }</th>
                    <th scope="col" class="num">{ i18n.t("methods-col-published") }</th>
                    <th scope="col" class="num">{ i18n.t("methods-col-known") }</th>
                    <th scope="col" class="num">{ i18n.t("methods-col-open") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
            <p>{ i18n.f("methods-slots-named", &[("countries", &named), ("unidentified", &slots.unidentified.to_string())]) }</p>
        </section>
    }
}

fn record_text(data: &AppData, i18n: &Messages) -> String {
    let gti = &data.bundle.gti;
    let count = |f: &dyn Fn(&engine::data::GtiCountry) -> bool| {
        gti.countries.iter().filter(|c| f(c)).count().to_string()
    };
    let slots = gti.band_slots();
    i18n.f(
        "methods-gti-record",
        &[
            (
                "pillars",
                &count(&|c| c.pillars.iter().any(Option::is_some)),
            ),
            ("overall", &count(&|c| c.overall.is_some())),
            ("unbanded", &count(&|c| c.overall.is_none())),
            (
                "unidentified",
                &slots.as_ref().map_or(0, |s| s.unidentified).to_string(),
            ),
            (
                "total",
                &slots
                    .as_ref()
                    .map_or(gti.countries.len() as u32, |s| s.total())
                    .to_string(),
            ),
        ],
    )
}

#[component]
pub fn Methods(props: &MethodsProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let data = &props.data;
    let bands = Band::ALL.iter().map(|b| {
        let (lo, hi) = data.band_range(*b);
        let range = if *b == Band::Low {
            format!("{lo:.0}–{hi:.0}")
        } else {
            format!("{lo:.0}–<{hi:.0}")
        };
        html! {
            <tr>
                <th scope="row">{ crate::components::ranking_table::band_cell(&i18n, Some(*b)) }</th>
                <td class="num">{ range }</td>
                <td class="num">{ i18n.num(data.band_value(*b), 0) }</td>
            </tr>
        }
    });
    let flags = flag_texts(data, &i18n)
        .into_iter()
        .map(|f| html! { <li>{ f }</li> });
    let checks = data.change_checks.iter().map(|c| {
        let ok = c.consistent();
        html! {
            <tr>
                <th scope="row">{ country_name(data, &i18n, &c.iso3) }</th>
                <td class="num">{ c.year }</td>
                <td class="num">{ i18n.signed(c.stated, 2) }</td>
                <td class="num">{ c.computed.map_or("—".into(), |x| i18n.signed(x, 2)) }</td>
                <td>{ if ok { i18n.t("check-ok") } else { format!("⚠ {}", i18n.t("check-mismatch")) } }</td>
            </tr>
        }
    });
    let sources = data.bundle.sources.iter().map(|s| {
        let link = match &s.url {
            Some(url) => html! { <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ &s.title }</a> },
            None => html! { <>{ &s.title }{ format!(" ({})", i18n.t("source-no-address")) }</> },
        };
        html! {
            <tr>
                <td><code>{ &s.id }</code></td>
                <td>{ &s.publisher }</td>
                <td>{ link }{ for i18n.text_opt(s.note.as_deref()).map(|n| html! { <span class="cell-note">{ n.to_string() }</span> }) }</td>
                <td>{ labels::confidence(&i18n, s.kind) }</td>
                <td>{ &s.language }</td>
            </tr>
        }
    });
    html! {
        <article class="methods">
            <h1>{ i18n.t("methods-title") }</h1>
            <p class="intro">{ i18n.t("methods-intro") }</p>

            <section aria-labelledby="m-gti">
                <h2 id="m-gti">{ i18n.t("methods-gti-title") }</h2>
                <p>{ i18n.t("methods-gti-what") }</p>
                <p class="callout">{ i18n.t("methods-gti-not-official") }</p>
                <h3>{ i18n.t("methods-model-title") }</h3>
                <ol>
                    <li>{ i18n.t("methods-model-scale") }</li>
                    <li>{ i18n.t("methods-model-midpoint") }</li>
                    <li>{ i18n.t("methods-model-mean") }</li>
                    <li>{ i18n.t("methods-model-coverage") }</li>
                    <li>{ i18n.t("methods-model-bands") }</li>
                    <li>{ i18n.t("methods-model-rank") }</li>
                    <li>{ i18n.t("methods-model-reproduces") }</li>
                </ol>
                <div class="table-wrap" tabindex="0" role="region" aria-label={i18n.t("methods-bands-caption")}>
                <table class="compact">
                    <caption>{ i18n.t("methods-bands-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("col-band") }</th>
                        <th scope="col" class="num">{ i18n.t("methods-col-range") }</th>
                        <th scope="col" class="num">{ i18n.t("methods-col-midpoint") }</th>
                    </tr></thead>
                    <tbody>{ for bands }</tbody>
                </table>
                </div>
                <p>{ record_text(data, &i18n) }</p>
            </section>

            { slots_section(data, &i18n) }

            <section aria-labelledby="m-csp">
                <h2 id="m-csp">{ i18n.t("methods-csp-title") }</h2>
                <p>{ i18n.t("methods-csp-what") }</p>
                <p>{ i18n.t("methods-csp-score") }</p>
            </section>

            <section aria-labelledby="m-confidence">
                <h2 id="m-confidence">{ i18n.t("methods-confidence-title") }</h2>
                <ul>
                    <li><strong>{ labels::confidence(&i18n, engine::Confidence::Primary) }</strong>{ ": " }{ i18n.t("confidence-primary-def") }</li>
                    <li><strong>{ labels::confidence(&i18n, engine::Confidence::Secondary) }</strong>{ ": " }{ i18n.t("confidence-secondary-def") }</li>
                    <li><strong>{ labels::confidence(&i18n, engine::Confidence::Inferred) }</strong>{ ": " }{ i18n.t("confidence-inferred-def") }</li>
                </ul>
            </section>

            <section aria-labelledby="m-flags">
                <h2 id="m-flags">{ i18n.t("methods-flags-title") }</h2>
                <p>{ i18n.t("methods-flags-intro") }</p>
                <ul class="flags" data-testid="flags">{ for flags }</ul>
                <div class="table-wrap" tabindex="0" role="region" aria-label={i18n.t("methods-checks-caption")}>
                <table class="compact">
                    <caption>{ i18n.t("methods-checks-caption") }</caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("col-country") }</th>
                        <th scope="col" class="num">{ i18n.t("year") }</th>
                        <th scope="col" class="num">{ i18n.t("methods-col-stated") }</th>
                        <th scope="col" class="num">{ i18n.t("methods-col-computed") }</th>
                        <th scope="col">{ i18n.t("methods-col-result") }</th>
                    </tr></thead>
                    <tbody>{ for checks }</tbody>
                </table>
                </div>
            </section>

            <section aria-labelledby="m-sources">
                <h2 id="m-sources">{ i18n.t("methods-sources-title") }</h2>
                <p>{ i18n.t("methods-sources-intro") }</p>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="sources-caption">
                    <table class="compact sources-table">
                        <caption id="sources-caption">{ i18n.t("methods-sources-caption") }</caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("methods-col-id") }</th>
                            <th scope="col">{ i18n.t("methods-col-publisher") }</th>
                            <th scope="col">{ i18n.t("methods-col-title") }</th>
                            <th scope="col">{ i18n.t("methods-col-kind") }</th>
                            <th scope="col">{ i18n.t("methods-col-lang") }</th>
                        </tr></thead>
                        <tbody>{ for sources }</tbody>
                    </table>
                </div>
            </section>

            <section aria-labelledby="m-sim">
                <h2 id="m-sim">{ i18n.t("methods-sim-title") }</h2>
                <p>{ i18n.t("methods-sim-what") }</p>
                <p>{ i18n.t("methods-sim-path") }</p>
                <p>{ i18n.t("methods-robust") }</p>
                <p>{ i18n.t("methods-agg") }</p>
            </section>

            <section aria-labelledby="m-map">
                <h2 id="m-map">{ i18n.t("methods-map-title") }</h2>
                <p>{ i18n.t("methods-map") }</p>
            </section>

            <section aria-labelledby="m-workbench">
                <h2 id="m-workbench">{ i18n.t("methods-workbench-title") }</h2>
                <p>{ i18n.t("methods-workbench") }</p>
                <p>
                    <a href={match i18n.lang {
                        crate::link::Lang::En => "workbench/?index=open-indicators&view=agreement".to_string(),
                        lang => format!("workbench/?index=open-indicators&view=agreement&lang={}", lang.slug()),
                    }}>{ i18n.t("methods-workbench-agreement") }</a>
                </p>
            </section>

            <section aria-labelledby="m-privacy">
                <h2 id="m-privacy">{ i18n.t("methods-privacy-title") }</h2>
                <p>{ i18n.t("methods-privacy") }</p>
            </section>
        </article>
    }
}
