//! The CSP Index for one year: published totals, ranks, changes against the year before, and
//! the data-quality flags that concern each row.

use engine::consistency::Flag;
use engine::model::Provenance;
use yew::prelude::*;

use crate::components::link::link;
use crate::components::source_list::SourceList;
use crate::data::{AppData, Shared};
use crate::explorer::use_explorer;
use crate::i18n::I18n;

#[derive(Properties, PartialEq)]
pub struct CspTableProps {
    pub data: Shared<AppData>,
    pub year: u16,
    pub selected: Option<String>,
}

#[component]
pub fn CspTable(props: &CspTableProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let ctx = use_explorer();
    let data = &props.data;
    let year = props.year;
    let rows = data.csp_year(year);
    let rows = rows.iter().map(|row| {
        let country = data.bundle.csp.country(&row.iso3);
        let name = country.map_or(row.name.clone(), |c| i18n.country(&c.iso3, &c.name_en).to_string());
        let mut notes = Vec::new();
        let mut score_flag = None;
        let mut change_flag = None;
        for flag in &data.flags {
            match flag {
                Flag::ReleasesDisagree { iso3, year: y, other, supported_by_stated_change, .. }
                    if *iso3 == row.iso3 && *y == year =>
                {
                    let text = i18n.f("flag-releases-short", &[("other", &i18n.num(*other, 2))]);
                    score_flag = Some(text.clone());
                    notes.push(text);
                    if supported_by_stated_change.is_some() {
                        notes.push(i18n.t("flag-releases-supported"));
                    }
                }
                Flag::StatedChangeMismatch(c) if c.iso3 == row.iso3 && c.year == year => {
                    let text = i18n.f("flag-stated-short", &[("stated", &i18n.signed(c.stated, 2))]);
                    change_flag = Some(text.clone());
                    notes.push(text);
                }
                _ => {}
            }
        }
        if let Some(s) = data.bundle.csp.stated_changes.iter().find(|s| s.iso3 == row.iso3 && s.year == year) {
            notes.push(i18n.f(
                "release-explains",
                &[("text", i18n.text(&s.explanation_en))],
            ));
        }
        let rank = match row.rank {
            Some(r) => html! { { r } },
            None => html! { <span class="muted">{ "—" }<span class="visually-hidden">{ i18n.t("unranked") }</span></span> },
        };
        let score = match row.value {
            Some(v) => html! { { i18n.num(v, 2) } },
            None => html! { <span class="muted">{ i18n.t("csp-missing") }</span> },
        };
        let change = match row.change {
            Some(c) => html! { { i18n.signed(c, 2) } },
            None => html! { <span class="muted">{ "—" }<span class="visually-hidden">{ i18n.t("no-change-known") }</span></span> },
        };
        let items: Vec<(String, Provenance)> = vec![(i18n.f("value-csp-total", &[("year", &year.to_string())]), row.provenance.clone())];
        let selected = props.selected.as_deref() == Some(row.iso3.as_str());
        html! {
            <tr key={row.iso3.clone()} data-iso3={row.iso3.clone()} class={classes!(selected.then_some("selected"))}
                aria-current={selected.then_some("true")}>
                <td class="num">{ rank }</td>
                <th scope="row">{ link(&ctx, ctx.profile(&row.iso3), name) }</th>
                <td class="num" data-testid="score">
                    { score }
                    if let Some(f) = score_flag { <span class="flag-inline">{ format!("⚠ {f}") }</span> }
                </td>
                <td class="num">
                    { change }
                    if let Some(f) = change_flag { <span class="flag-inline">{ format!("⚠ {f}") }</span> }
                </td>
                <td><SourceList data={props.data.clone()} {items} {notes} /></td>
            </tr>
        }
    });
    let previous = year.saturating_sub(1);
    let change_header = if props
        .data
        .bundle
        .csp
        .years()
        .next()
        .is_some_and(|first| year > first)
    {
        i18n.f("col-change", &[("year", &previous.to_string())])
    } else {
        i18n.t("col-change-first")
    };
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="csp-caption">
            <table class="ranking" id="csp-table">
                <caption id="csp-caption"><span class="caption-text">{ i18n.f("csp-caption", &[("year", &year.to_string())]) }</span></caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{ i18n.t("col-rank") }</th>
                        <th scope="col">{ i18n.t("col-country") }</th>
                        <th scope="col" class="num">{ i18n.t("col-csp-score") }</th>
                        <th scope="col" class="num">{ change_header }</th>
                        <th scope="col">{ i18n.t("col-sources") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
