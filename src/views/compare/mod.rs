//! Compare 2-4 countries side by side, from the standings: the index the weights apply to
//! (its published band, the explorer's score and band, each component's band and the other
//! ratings of each record: rows.rs), and the index with periods (the trend's) in every period;
//! its CSV (export.rs).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::captions::{all_countries, country_name};
use crate::components::charts::{LineChart, PALETTE};
use crate::components::link::link;
use crate::components::share_bar::ShareBar;
use crate::components::source_list::SourceList;
use crate::explorer::use_explorer;
use crate::link::MAX_COMPARE;
use crate::state::Action;

use export::compare_csv;
use rows::{rows, sources};

mod export;
mod rows;

#[component]
pub fn Compare() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let countries = all_countries(&ctx);
    let chosen: Vec<String> = ctx
        .link()
        .compare
        .iter()
        .filter(|c| countries.iter().any(|(i, _)| i == *c))
        .cloned()
        .collect();
    let onadd = {
        let chosen = chosen.clone();
        ctx.dispatch.reform(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let mut next = chosen.clone();
            let v = s.value();
            if !v.is_empty() && !next.contains(&v) && next.len() < MAX_COMPARE {
                next.push(v);
            }
            s.set_value("");
            Action::SetCompare(next)
        })
    };
    let chips = chosen.iter().map(|c| {
        let next: Vec<String> = chosen.iter().filter(|x| *x != c).cloned().collect();
        let name = country_name(&ctx, c);
        let onclick = ctx.dispatch.reform(move |_: MouseEvent| Action::SetCompare(next.clone()));
        html! {
            <li><button type="button" class="chip" {onclick} aria-label={i18n.f("compare-remove", &[("country", &name)])}>
                { name.clone() }<span aria-hidden="true">{ " ×" }</span></button></li>
        }
    });
    let full = chosen.len() >= MAX_COMPARE;
    let picker = html! {
        <div class="field">
            <label for="compare-add">{ i18n.t("compare-add") }</label>
            <select id="compare-add" onchange={onadd} disabled={full}>
                <option value="" selected=true>{ i18n.t(if full { "compare-full" } else { "compare-choose" }) }</option>
                { for countries.iter().filter(|(i, _)| !chosen.contains(i)).map(|(iso, name)| html! {
                    <option value={iso.clone()}>{ name }</option>
                }) }
            </select>
        </div>
    };
    let body = if chosen.len() < 2 {
        html! { <p class="notice" role="status">{ i18n.t("compare-need-two") }</p> }
    } else {
        let table = rows(&ctx, &chosen).into_iter().map(|(label, cells)| html! {
            <tr>
                <th scope="row">{ label }</th>
                { for cells.into_iter().map(|(text, band)| html! {
                    <td>
                        if let Some(b) = band {
                            <span class={classes!("swatch", format!("band-{}", b.slug()))} aria-hidden="true"></span>{ " " }
                        }
                        { text }
                    </td>
                }) }
            </tr>
        });
        // The chosen units' lines in the trend of the index with periods, if any has one.
        let chart = crate::standings::trend(&ctx.data, ctx.link()).and_then(|(index, trend)| {
            let (periods, units) = crate::standings::series(&ctx.data, index);
            let lines: Vec<_> = chosen
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let unit = units.iter().find(|s| s.iso3 == *c)?;
                    Some((
                        c.clone(),
                        country_name(&ctx, c),
                        PALETTE[i % PALETTE.len()],
                        unit.values.clone(),
                    ))
                })
                .collect();
            let title = trend.spanning(&i18n, trend.compare_key);
            let caption = vec![title.clone(), i18n.f("footer-data", &[("version", &ctx.data.version)])];
            (!lines.is_empty()).then(|| (
                (trend.compare_id.to_string(), trend.compare_file.to_string()),
                html! {
                    <figure>
                        <LineChart id={trend.compare_id} {title} years={periods} series={lines} {caption} />
                    </figure>
                },
            ))
        });
        let (share, figure) = chart.unzip();
        let names: Vec<String> = chosen.iter().map(|c| country_name(&ctx, c)).collect();
        let sources = sources(&ctx, &chosen);
        let csv = compare_csv(&ctx, &chosen, &sources);
        let source_cells = sources.into_iter().map(|items| html! {
            <td>{ if items.is_empty() { html! { "—" } } else { html! { <SourceList data={ctx.data.clone()} {items} /> } } }</td>
        });
        html! {
            <>
                <ShareBar csv={Some(("comparison.csv".to_string(), csv))}
                    chart={share} />
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-caption">
                    <table class="ranking compare" id="compare-table">
                        <caption id="compare-caption"><span class="caption-text">{ i18n.f("compare-caption", &[("countries", &names.join(", "))]) }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("compare-measure") }</th>
                            { for chosen.iter().map(|c| {
                                let to = ctx.profile(c);
                                html! { <th scope="col">{ link(&ctx, to, country_name(&ctx, c)) }</th> }
                            }) }
                        </tr></thead>
                        <tbody>{ for table }
                            <tr class="sources-row"><th scope="row">{ i18n.t("col-sources") }</th>{ for source_cells }</tr>
                        </tbody>
                    </table>
                </div>
                { for figure }
            </>
        }
    };
    html! {
        <>
            <h1>{ i18n.t("compare-title") }</h1>
            <p class="intro">{ i18n.t("compare-intro") }</p>
            <div class="switcher">
                { picker }
                <ul class="chips" aria-label={i18n.t("compare-chosen")}>{ for chips }</ul>
            </div>
            { body }
        </>
    }
}
