//! A country profile: a section per index that has one (record.rs; the GTI's: custom and
//! official bands side by side, component by component), general information and key figures
//! with their sources, recommendations, and for a unit of the index with periods (the CSP
//! Index) its trend. Prints as a one-page brief.

use engine::model::Provenance;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::captions::weights_line;
use crate::captions::{all_countries, country_name};
use crate::components::share_bar::ShareBar;
use crate::explorer::{use_explorer, Explorer};
use crate::state::Action;

use facts::facts_section;
use recommendations::recommendations_section;
use record::record_section;
use trend::trend_section;

mod facts;
mod recommendations;
mod record;
mod trend;

pub(super) fn source_link(ctx: &Explorer, p: &Provenance) -> Html {
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
    let lang = ctx.link().lang;
    let Some(iso3) = selected else {
        // A country neither index covers still has its open indicators (the workbench).
        let elsewhere = ctx.link().country.clone().map(|code| {
            html! {
                <p class="callout" data-testid="open-indicators-elsewhere">
                    { i18n.f("profile-not-covered", &[("code", &code)]) }{ " " }
                    <a href={crate::url::open_indicators_href(lang, Some(&code))}>{ i18n.t("profile-open-indicators") }</a>
                </p>
            }
        });
        return html! {
            <>
                <h1>{ i18n.t("profile-title") }</h1>
                <p class="intro">{ i18n.t("profile-intro") }</p>
                { for elsewhere }
                { chooser }
            </>
        };
    };
    let name = country_name(&ctx, &iso3);
    // A section per index that has one in a profile; an index with periods has its trend.
    let records: Vec<Html> = crate::link::IndexId::ALL
        .into_iter()
        .filter_map(|index| record_section(&ctx, index, &iso3))
        .collect();
    // Each index's factsheet of the unit, where the index publishes them.
    let sheets: Vec<_> = crate::link::IndexId::ALL
        .into_iter()
        .filter_map(|index| {
            let stem = crate::standings::shape_of(&ctx.data, index, 0).table_stem;
            Some((stem, crate::standings::factsheet(&ctx.data, index, &iso3)?))
        })
        .collect();
    let facts = sheets
        .iter()
        .map(|(stem, s)| facts_section(&ctx, &s.facts, stem));
    let recs = sheets
        .iter()
        .map(|(stem, s)| recommendations_section(&ctx, &s.recommendations, stem));
    let (trend, chart) = trend_section(&ctx, &iso3).unzip();
    let onprint = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <article class="profile">
            <div class="no-print">{ chooser }</div>
            <h1>{ name }</h1>
            <p class="no-print"><a href={crate::url::open_indicators_href(lang, Some(&iso3))} data-testid="open-indicators-profile">{ i18n.t("profile-open-indicators") }</a></p>
            <div class="no-print share-row">
                <ShareBar {chart} />
                <button type="button" class="secondary" onclick={onprint}>{ i18n.t("profile-print") }</button>
            </div>
            { for records }
            { for facts }
            { for recs }
            { for trend }
            <p class="print-only p-foot">{ weights_line(&ctx) }{ " · " }{ i18n.f("footer-data", &[("version", &ctx.data.version)]) }{ " · " }{ i18n.t("footer-model") }</p>
        </article>
    }
}
