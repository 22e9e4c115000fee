//! Methods and sources: the model in plain words, every source with its link, the conflicts
//! between sources and the data-quality flags (flags.rs), and the GTI's record (record.rs).

use engine::model::Band;
use yew::prelude::*;

use crate::data::{AppData, Shared};
use crate::i18n::I18n;
use crate::labels;

use flags::{country_name, flag_texts};
use record::{record_text, slots_section};

mod flags;
mod record;

#[derive(Properties, PartialEq)]
pub struct MethodsProps {
    pub data: Shared<AppData>,
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
