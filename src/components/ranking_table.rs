//! The ranking of any index as a real table: rank, country, score, then what the index has
//! (the band, with a marker where it differs from the published band; the published band; how
//! the score was obtained; the change against the previous period, with its flags), and the
//! sources of every value. The columns follow the index's shape ([`crate::standings::Shape`]),
//! the rows come from [`crate::standings::table_rows`]: nothing here asks which index it is.

use engine::model::Band;
use engine::{Basis, Scored};
use yew::prelude::*;

use crate::components::link::link;
use crate::components::source_list::SourceList;
use crate::data::{AppData, Shared};
use crate::explorer::use_explorer;
use crate::i18n::{I18n, Messages};
use crate::labels;
use crate::link::IndexId;
use crate::standings::{standings_of, table_rows, TableRow};

#[derive(Properties, PartialEq)]
pub struct RankingTableProps {
    pub data: Shared<AppData>,
    /// The index shown, and its period where it has periods.
    pub index: IndexId,
    pub year: u16,
    /// Its scores, where the explorer scores it at the weights in force.
    #[prop_or_default]
    pub scored: Option<Shared<Scored>>,
    #[prop_or_default]
    pub custom: bool,
    pub selected: Option<String>,
    /// The name of the scenario, when the table shows a simulation.
    #[prop_or_default]
    pub simulated: Option<String>,
}

pub fn band_cell(i18n: &Messages, band: Option<Band>) -> Html {
    match band {
        Some(b) => html! {
            <span class="band-label">
                <span class={classes!("swatch", format!("band-{}", b.slug()))} aria-hidden="true"></span>
                { labels::band(i18n, b) }
            </span>
        },
        None => html! { <span class="muted">{ i18n.t("not-published") }</span> },
    }
}

#[component]
pub fn RankingTable(props: &RankingTableProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let ctx = use_explorer();
    let standings = standings_of(
        &props.data,
        props.index,
        props.year,
        props.scored.as_deref(),
    );
    let rows = table_rows(&i18n, &props.data, &standings);
    let shape = &standings.shape;
    let row = |r: &TableRow| {
        let rank = match r.rank {
            Some(rank) => html! { { rank } },
            None => {
                html! { <span class="muted" title={i18n.t("unranked")}>{ "—" }<span class="visually-hidden">{ i18n.t("unranked") }</span></span> }
            }
        };
        // Where the band is the figure, its cell says when there is none; where the score is,
        // the score's cell says it.
        let score = match (r.score, r.basis) {
            (Some(s), Basis::Recomputed) => html! { { i18n.num(s, shape.decimals) } },
            (Some(s), _) => {
                html! { <>{ i18n.num(s, 0) }<span class="cell-note">{ i18n.t("score-midpoint") }</span></> }
            }
            (None, _) if shape.banded => {
                html! { <span class="muted">{ "—" }<span class="visually-hidden">{ i18n.t(shape.missing_key) }</span></span> }
            }
            (None, _) => html! { <span class="muted">{ i18n.t(shape.missing_key) }</span> },
        };
        let change = match r.change {
            Some(c) => html! { { i18n.signed(c, shape.decimals) } },
            None => {
                html! { <span class="muted">{ "—" }<span class="visually-hidden">{ i18n.t("no-change-known") }</span></span> }
            }
        };
        let selected = props.selected.as_deref() == Some(r.iso3.as_str());
        html! {
            <tr key={r.iso3.clone()} data-iso3={r.iso3.clone()} class={classes!(selected.then_some("selected"))}
                aria-current={selected.then_some("true")}>
                <td class="num">{ rank }</td>
                <th scope="row">{ link(&ctx, ctx.profile(&r.iso3), r.name.clone()) }</th>
                <td class="num" data-testid="score">
                    { score }
                    if let Some(f) = &r.score_flag { <span class="flag-inline">{ format!("⚠ {f}") }</span> }
                </td>
                if shape.banded {
                    <td data-testid="band">
                        { band_cell(&i18n, r.band) }
                        if r.differs {
                            <span class="marker" data-testid="differs">{ i18n.t("differs-from-official") }</span>
                        }
                    </td>
                }
                if shape.official {
                    <td data-testid="official">{ band_cell(&i18n, r.official) }</td>
                }
                if shape.weighted() {
                    <td class="basis">{ r.basis_text.clone() }</td>
                }
                if shape.period.is_some() {
                    <td class="num">
                        { change }
                        if let Some(f) = &r.change_flag { <span class="flag-inline">{ format!("⚠ {f}") }</span> }
                    </td>
                }
                <td><SourceList data={props.data.clone()} items={r.items.clone()} notes={r.notes.clone()} /></td>
            </tr>
        }
    };
    let year = props.year.to_string();
    let caption = match (&props.simulated, shape.period) {
        (Some(name), _) => i18n.f(shape.table_caption_simulated_key, &[("name", name)]),
        (None, Some(_)) => i18n.f(shape.table_caption_key, &[("year", &year)]),
        (None, None) if props.custom => i18n.t(shape.table_caption_custom_key),
        (None, None) => i18n.t(shape.table_caption_key),
    };
    // The change's column names the period before, unless this is the first.
    let change_header = match shape.periods.last() {
        Some(first) if props.year > *first => i18n.f(
            "col-change",
            &[("year", &props.year.saturating_sub(1).to_string())],
        ),
        _ => i18n.t("col-change-first"),
    };
    let stem = if props.simulated.is_some() {
        "sim"
    } else {
        shape.table_stem
    };
    let (table_id, caption_id) = (format!("{stem}-table"), format!("{stem}-caption"));
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby={caption_id.clone()}>
            <table class="ranking" id={table_id}>
                <caption id={caption_id}><span class="caption-text">{ caption }</span></caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{ i18n.t("col-rank") }</th>
                        <th scope="col">{ i18n.t("col-country") }</th>
                        <th scope="col" class="num">{ i18n.t(shape.score_key) }</th>
                        if shape.banded {
                            <th scope="col">{ i18n.t("col-band") }</th>
                        }
                        if shape.official {
                            <th scope="col">{ i18n.t("col-official-band") }</th>
                        }
                        if shape.weighted() {
                            <th scope="col">{ i18n.t("col-basis") }</th>
                        }
                        if shape.period.is_some() {
                            <th scope="col" class="num">{ change_header }</th>
                        }
                        <th scope="col">{ i18n.t("col-sources") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows.iter().map(row) }</tbody>
            </table>
        </div>
    }
}
