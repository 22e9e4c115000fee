//! A country profile: the GTI bands (custom and official side by side, pillar by pillar),
//! general information and key figures with their sources, recommendations, and for CSP
//! countries the 2019-2024 trend. Prints as a one-page brief.

use engine::consistency::Flag;
use engine::csp::year_table;
use engine::model::{Band, Confidence, Provenance};
use engine::scoring::BandScheme;
use engine::Basis;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::captions::weights_line;
use crate::captions::{all_countries, country_name};
use crate::components::charts::LineChart;
use crate::components::gti_table::band_cell;
use crate::components::share_bar::ShareBar;
use crate::components::source_list::SourceList;
use crate::explorer::{use_explorer, Explorer};
use crate::labels;
use crate::labels::roman;
use crate::link::View;
use crate::state::Action;

fn source_link(ctx: &Explorer, p: &Provenance) -> Html {
    let links = p.sources.iter().filter_map(|id| ctx.data.bundle.source(id)).map(|s| match &s.url {
        Some(url) => html! { <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ &s.publisher }</a> },
        None => html! { <span>{ &s.publisher }</span> },
    });
    let mut out = Vec::new();
    for (i, l) in links.enumerate() {
        if i > 0 {
            out.push(html! { { ", " } });
        }
        out.push(l);
    }
    html! { <>{ for out }</> }
}

#[component]
pub fn CountryProfile() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let countries = all_countries(&ctx);
    let selected = ctx
        .link()
        .country
        .clone()
        .filter(|c| countries.iter().any(|(i, _)| i == c));
    let onchoose = ctx.dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let v = select.value();
        Action::SetCountry((!v.is_empty()).then_some(v))
    });
    let chooser = html! {
        <div class="field chooser">
            <label for="country-select">{ i18n.t("profile-choose") }</label>
            <select id="country-select" onchange={onchoose}>
                <option value="" selected={selected.is_none()}>{ i18n.t("profile-choose-none") }</option>
                { for countries.iter().map(|(iso, name)| html! {
                    <option value={iso.clone()} selected={selected.as_deref() == Some(iso.as_str())}>{ name }</option>
                }) }
            </select>
        </div>
    };
    let Some(iso3) = selected else {
        return html! {
            <>
                <h1>{ i18n.t("profile-title") }</h1>
                <p class="intro">{ i18n.t("profile-intro") }</p>
                { chooser }
            </>
        };
    };
    let name = country_name(&ctx, &iso3);
    let gti = gti_section(&ctx, &iso3);
    let facts = facts_section(&ctx, &iso3);
    let recs = recommendations_section(&ctx, &iso3);
    let csp = csp_section(&ctx, &iso3);
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let chart = ctx
        .data
        .bundle
        .csp
        .country(&iso3)
        .map(|_| (format!("trend-{iso3}"), format!("csp-trend-{iso3}")));
    html! {
        <article class="profile">
            <div class="no-print">{ chooser }</div>
            <h1>{ name }</h1>
            <div class="no-print share-row">
                <ShareBar {chart} />
                <button type="button" class="secondary" onclick={onprint}>{ i18n.t("profile-print") }</button>
            </div>
            { gti }
            { facts }
            { recs }
            { csp }
            <p class="print-only p-foot">{ weights_line(&ctx) }{ " · " }{ i18n.f("footer-data", &[("version", &ctx.data.version)]) }{ " · " }{ i18n.t("footer-model") }</p>
        </article>
    }
}

fn gti_section(ctx: &Explorer, iso3: &str) -> Html {
    let i18n = &ctx.i18n;
    let data = &ctx.data;
    let Some(country) = data.bundle.gti.country(iso3) else {
        return html! {
            <section aria-labelledby="p-gti"><h2 id="p-gti">{ i18n.t("index-gti") }</h2>
                <p>{ i18n.t("profile-not-gti") }</p></section>
        };
    };
    let idx = data.model.index_of(iso3);
    let outcome = match (ctx.scored(), idx) {
        (Ok(s), Some(i)) => s.outcomes.get(i).copied(),
        _ => None,
    };
    let scheme = BandScheme::GTI;
    let model_card = match outcome {
        Some(o) => {
            let score = match (o.score, o.basis) {
                (Some(s), Basis::Recomputed) => i18n.num(s, 1),
                (Some(s), _) => format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")),
                (None, _) => "—".to_string(),
            };
            let basis = match o.basis {
                Basis::Recomputed => i18n.t("profile-basis-recomputed"),
                Basis::PublishedBandOnly => i18n.t("basis-published-only"),
                Basis::NotPublished => i18n.t("basis-not-published"),
            };
            html! {
                <div class="card" data-testid="model-card">
                    <h3>{ i18n.t(if ctx.is_custom() { "profile-model-custom" } else { "profile-model" }) }</h3>
                    <p class="big">{ score }</p>
                    <p>{ band_cell(i18n, o.band) }</p>
                    <p class="hint">{ basis }</p>
                    { for o.rank.map(|r| html! { <p class="hint">{ i18n.f("profile-rank", &[("rank", &r.to_string())]) }</p> }) }
                </div>
            }
        }
        None => html! {},
    };
    let slots_note = match (&country.overall, data.bundle.gti.band_slots()) {
        (None, Some(slots)) if slots.open_total() > 0 => Some(i18n.f(
            "profile-slots",
            &[("slots", &labels::open_slots(i18n, &slots))],
        )),
        _ => None,
    };
    let official = html! {
        <div class="card" data-testid="official-card">
            <h3>{ i18n.t("profile-official") }</h3>
            <p class="big">{ band_cell(i18n, country.overall.as_ref().map(|a| a.value)) }</p>
            { for slots_note.map(|n| html! { <p class="hint" data-testid="open-slots">{ n }</p> }) }
            { for country.overall.as_ref().map(|a| html! {
                <p class="hint">{ i18n.t("profile-source") }{ ": " }{ source_link(ctx, &a.provenance) }
                    { format!(" ({})", a.provenance.confidence.map(|c| labels::confidence(i18n, c)).unwrap_or_default()) }</p>
            }) }
        </div>
    };
    let pillars = data.bundle.gti.pillars.iter().enumerate().map(|(i, p)| {
        let band = country.pillars.get(i).and_then(|b| b.as_ref());
        let (width, class, label) = match band {
            Some(b) => (
                scheme.midpoint(b.value),
                format!("bar band-{}", b.value.slug()),
                labels::band(i18n, b.value),
            ),
            None => (0.0, "bar".to_string(), i18n.t("not-published")),
        };
        let mut marks = Vec::new();
        if let Some(b) = band {
            marks.push(i18n.t("profile-estimated"));
            if b.provenance.confidence == Some(Confidence::Inferred) {
                marks.push(i18n.t("confidence-inferred"));
            }
        }
        // Reports that disagree on this pillar, shown beside the band the explorer uses.
        let disagreeing = country.alternatives.iter().filter(|a| a.measure == p.id).map(|a| {
            let value = Band::parse(&a.value).map_or(a.value.clone(), |b| labels::band(i18n, b));
            let who = a
                .provenance
                .sources
                .iter()
                .filter_map(|id| ctx.data.bundle.source(id))
                .map(|s| s.publisher.clone())
                .collect::<Vec<_>>()
                .join(", ");
            html! {
                <span class="pillar-alt" data-testid="pillar-alternative">
                    { format!("⚠ {}", i18n.f("profile-pillar-alternative", &[("who", &who), ("value", &value)])) }
                    { " " }{ source_link(ctx, &a.provenance) }
                </span>
            }
        });
        html! {
            <li class="pillar" data-testid="pillar">
                <span class="pillar-name">{ format!("{}. {}", roman(i + 1), labels::pillar(i18n, p)) }</span>
                <span class="pillar-bar" aria-hidden="true"><span class={classes!(class, format!("w{width:.0}"))}></span></span>
                <span class="pillar-band">{ label }
                    { for marks.iter().map(|m| html! { <span class="tag">{ m }</span> }) }
                    { for band.map(|b| html! { <span class="pillar-source">{ source_link(ctx, &b.provenance) }</span> }) }
                    { for disagreeing }
                </span>
            </li>
        }
    });
    let transparency = match &country.transparency {
        Some(t) => {
            html! { <>{ labels::transparency(i18n, t.value) }{ " · " }{ source_link(ctx, &t.provenance) }</> }
        }
        None => html! { <span class="muted">{ i18n.t("not-published") }</span> },
    };
    let is_pillar = |m: &str| data.bundle.gti.pillars.iter().any(|p| p.id == m);
    let overall_alternatives: Vec<_> = country
        .alternatives
        .iter()
        .filter(|a| !is_pillar(&a.measure))
        .collect();
    let alternatives = overall_alternatives.iter().map(|a| {
        let value = Band::parse(&a.value).map_or(a.value.clone(), |b| labels::band(i18n, b));
        html! { <li>{ i18n.f("profile-alternative", &[("value", &value)]) }{ " " }{ source_link(ctx, &a.provenance) }</li> }
    });
    let reported = country.reported_score.as_ref().map(|r| html! {
        <li>{ i18n.f("reported-score", &[("score", &i18n.num(r.value, 0))]) }{ " " }{ source_link(ctx, &r.provenance) }</li>
    });
    let has_pillars = country.pillars.iter().any(Option::is_some);
    let mut items = vec![(i18n.t("value-membership"), country.provenance.clone())];
    if let Some(a) = &country.overall {
        items.push((i18n.t("value-official-band"), a.provenance.clone()));
    }
    html! {
        <section class="p-gti" aria-labelledby="p-gti">
            <h2 id="p-gti">{ i18n.t("index-gti") }</h2>
            <div class="cards">{ model_card }{ official }</div>
            <h3>{ i18n.t("profile-pillars") }</h3>
            if !has_pillars {
                <p class="hint">{ i18n.t("profile-no-pillars") }</p>
            }
            <ul class="pillars">{ for pillars }</ul>
            <p><strong>{ i18n.t("value-transparency") }{ ": " }</strong>{ transparency }</p>
            if !overall_alternatives.is_empty() || reported.is_some() {
                <ul class="flags">{ for alternatives }{ for reported }</ul>
            }
            <SourceList data={ctx.data.clone()} {items} labelled=true />
        </section>
    }
}

fn facts_section(ctx: &Explorer, iso3: &str) -> Html {
    let i18n = &ctx.i18n;
    let facts: Vec<_> = ctx
        .data
        .bundle
        .gti
        .facts
        .iter()
        .filter(|f| f.iso3 == iso3)
        .collect();
    if facts.is_empty() {
        if ctx.data.bundle.gti.country(iso3).is_none() {
            return html! {};
        }
        return html! {
            <section aria-labelledby="p-facts">
                <h2 id="p-facts">{ i18n.t("profile-facts") }</h2>
                <p class="hint">{ i18n.t("profile-no-facts") }</p>
            </section>
        };
    }
    let rows = facts.iter().map(|f| {
        let number = |t: &str| t.parse::<f64>().ok().map(|v| i18n.num(v, if v.fract() == 0.0 { 0 } else { 1 }));
        let value = match (number(&f.value), f.value.split_once('-')) {
            (Some(v), _) => v,
            (None, Some((a, b))) => match (number(a), number(b)) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => f.value.clone(),
            },
            _ => match (i18n.lang, &f.value_ru) {
                (crate::link::Lang::Ru, Some(v)) => v.clone(),
                _ => f.value.clone(),
            },
        };
        let unit = match i18n.lang {
            crate::link::Lang::Ru => f.unit_ru.clone().or_else(|| f.unit.clone()),
            crate::link::Lang::En => f.unit.clone(),
        };
        let computed_flag = ctx.data.flags.iter().find_map(|flag| match flag {
            Flag::PrisonRateMismatch { iso3: c, computed, .. } if *c == f.iso3 && f.id == "prison_rate" => {
                Some(i18n.f("flag-prison-rate-short", &[("computed", &i18n.num(*computed, 0))]))
            }
            _ => None,
        });
        let flagged = f.provenance.note.is_some() || computed_flag.is_some();
        html! {
            <tr class={classes!(flagged.then_some("flagged"))}>
                <th scope="row">{ labels::localised(i18n, &f.label_en, &f.label_ru) }</th>
                <td class="num">{ value }{ for unit.map(|u| html! { <span class="unit">{ format!(" {u}") }</span> }) }</td>
                <td>{ f.period.clone().unwrap_or_default() }</td>
                <td>{ source_link(ctx, &f.provenance) }
                    <span class="cell-note">{ f.provenance.confidence.map(|c| labels::confidence(i18n, c)).unwrap_or_default() }</span></td>
                <td>{ for labels::note(i18n, &f.provenance).map(|n| html! { <span class="flag-note">{ format!("⚠ {n}") }</span> }) }
                    { for computed_flag.map(|n| html! { <span class="flag-note" data-testid="computed-flag">{ format!("⚠ {n}") }</span> }) }</td>
            </tr>
        }
    });
    html! {
        <section class="p-facts" aria-labelledby="p-facts">
            <h2 id="p-facts">{ i18n.t("profile-facts") }</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="facts-caption">
                <table class="compact facts">
                    <caption id="facts-caption"><span class="caption-text">{ i18n.t("profile-facts-caption") }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("profile-col-indicator") }</th>
                        <th scope="col" class="num">{ i18n.t("profile-col-value") }</th>
                        <th scope="col">{ i18n.t("profile-col-period") }</th>
                        <th scope="col">{ i18n.t("col-sources") }</th>
                        <th scope="col">{ i18n.t("profile-col-note") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="hint">{ i18n.t("profile-facts-note") }</p>
        </section>
    }
}

fn recommendations_section(ctx: &Explorer, iso3: &str) -> Html {
    let i18n = &ctx.i18n;
    let mut recs: Vec<_> = ctx
        .data
        .bundle
        .gti
        .recommendations
        .iter()
        .filter(|r| r.iso3 == iso3)
        .collect();
    if ctx.data.bundle.gti.country(iso3).is_none() {
        return html! {};
    }
    recs.sort_by_key(|r| r.n);
    // A factsheet's own list is cited once; press reports are cited item by item.
    let all_primary = recs
        .iter()
        .all(|r| r.provenance.confidence == Some(Confidence::Primary));
    html! {
        <section class="p-recs" aria-labelledby="p-recs">
            <h2 id="p-recs">{ i18n.t("profile-recs") }</h2>
            if recs.is_empty() {
                <p class="hint">{ i18n.t("profile-no-recs") }</p>
            } else if all_primary {
                <p class="hint">{ i18n.t("profile-recs-intro") }{ " " }{ source_link(ctx, &recs[0].provenance) }</p>
                <ol class="recs">{ for recs.iter().map(|r| html! {
                    <li>{ labels::localised(i18n, &r.summary_en, &r.summary_ru) }</li>
                }) }</ol>
            } else {
                <p class="hint">{ i18n.t("profile-recs-reported") }</p>
                <ol class="recs" data-testid="reported-recs">{ for recs.iter().map(|r| html! {
                    <li>{ labels::localised(i18n, &r.summary_en, &r.summary_ru) }
                        <span class="rec-source">{ " — " }{ source_link(ctx, &r.provenance) }
                        { for r.provenance.confidence.map(|c| html! { <span class="tag">{ labels::confidence(i18n, c) }</span> }) }</span>
                    </li>
                }) }</ol>
            }
        </section>
    }
}

fn csp_section(ctx: &Explorer, iso3: &str) -> Html {
    let i18n = &ctx.i18n;
    let csp = &ctx.data.bundle.csp;
    let Some(country) = csp.country(iso3) else {
        return html! {};
    };
    let name = labels::localised(i18n, &country.name_en, &country.name_ru).to_string();
    let years: Vec<u16> = csp.years().collect();
    let values: Vec<Option<f64>> = years
        .iter()
        .map(|y| csp.value(iso3, *y).and_then(|v| v.value))
        .collect();
    let rows = years.iter().filter_map(|y| {
        let row = year_table(csp, *y).into_iter().find(|r| r.iso3 == iso3)?;
        let explanation = csp.stated_changes.iter().find(|s| s.iso3 == iso3 && s.year == *y);
        let flag = ctx.data.change_checks.iter().find(|c| c.iso3 == iso3 && c.year == *y && !c.consistent());
        let alt = csp.alternatives.iter().find(|a| a.iso3 == iso3 && a.year == *y);
        Some(html! {
            <tr>
                <th scope="row">{ y }</th>
                <td class="num">{ match row.value { Some(v) => i18n.num(v, 2), None => i18n.t("csp-missing") } }
                    { for alt.and_then(|a| a.value).map(|v| html! { <span class="flag-inline">{ format!("⚠ {}", i18n.f("flag-releases-short", &[("other", &i18n.num(v, 2))])) }</span> }) }</td>
                <td class="num">{ row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()) }</td>
                <td class="num">{ row.change.map(|c| i18n.signed(c, 2)).unwrap_or_else(|| "—".into()) }
                    { for flag.map(|c| html! { <span class="flag-inline">{ format!("⚠ {}", i18n.f("flag-stated-short", &[("stated", &i18n.signed(c.stated, 2))])) }</span> }) }</td>
                <td>{ explanation.map(|e| labels::localised(i18n, &e.explanation_en, &e.explanation_ru).to_string()).unwrap_or_default() }</td>
                <td>{ source_link(ctx, &row.provenance) }</td>
            </tr>
        })
    });
    let caption = vec![
        i18n.f("trend-caption", &[("country", &name)]),
        i18n.f("footer-data", &[("version", &ctx.data.version)]),
    ];
    // Every source of this country's values, for one line under the table.
    let mut csp_provenance = Provenance::default();
    for v in csp
        .values
        .iter()
        .chain(&csp.alternatives)
        .filter(|v| v.iso3 == iso3)
    {
        for s in &v.provenance.sources {
            if !csp_provenance.sources.contains(s) {
                csp_provenance.sources.push(s.clone());
            }
        }
    }
    let link_csp = ctx.with(|s| {
        s.view = View::Trends;
    });
    html! {
        <section class="p-csp" aria-labelledby="p-csp">
            <h2 id="p-csp">{ i18n.t("index-csp") }</h2>
            <figure>
                <LineChart id={format!("trend-{iso3}")} title={i18n.f("trend-caption", &[("country", &name)])}
                    years={years.clone()} series={vec![(iso3.to_string(), name.clone(), "#0b5cad", values)]} {caption} />
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="csp-profile-caption">
                <table class="compact">
                    <caption id="csp-profile-caption"><span class="caption-text">{ i18n.f("trend-caption", &[("country", &name)]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("year") }</th>
                        <th scope="col" class="num">{ i18n.t("col-csp-score") }</th>
                        <th scope="col" class="num">{ i18n.t("col-rank") }</th>
                        <th scope="col" class="num">{ i18n.t("col-change-first") }</th>
                        <th scope="col">{ i18n.t("profile-col-explanation") }</th>
                        <th scope="col">{ i18n.t("col-sources") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="csp-sources">{ i18n.t("profile-source") }{ ": " }{ source_link(ctx, &csp_provenance) }</p>
            <p class="no-print"><crate::components::link::Link to={link_csp}>{ i18n.t("profile-all-trends") }</crate::components::link::Link></p>
        </section>
    }
}
