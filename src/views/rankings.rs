//! The rankings page: index choice, weights or period (as the index has them), the ranking
//! table and the notes under it, and sharing and export; for any index, from its shape
//! ([`crate::standings::Shape`]).

use engine::error::WeightError;
use yew::prelude::*;

use crate::components::index_switcher::IndexSwitcher;
use crate::components::ranking_table::RankingTable;
use crate::components::share_bar::ShareBar;
use crate::components::weights_panel::IndexWeights;
use crate::explorer::use_explorer;
use crate::i18n::Messages;
use crate::labels;
use crate::standings::{ranking_csv, record_notes};
use crate::state::Action;

pub fn weight_error(i18n: &Messages, e: WeightError) -> String {
    match e {
        WeightError::AllZero => i18n.t("error-weights-zero"),
        WeightError::NotFinite { .. }
        | WeightError::Negative { .. }
        | WeightError::WrongCount { .. } => i18n.t("error-weights-invalid"),
    }
}

#[component]
pub fn Rankings() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let link = ctx.link().clone();
    let d = ctx.dispatch.clone();
    let onindex = d.reform(Action::SetIndex);
    let onyear = d.reform(Action::SetYear);
    let shape = crate::standings::shape(&ctx.data, &link);
    let methods_href = ctx.href(&ctx.with(|s| s.view = crate::link::View::Methods));
    let custom = ctx.is_custom();
    // An index the explorer scores at the weights in force takes its scores, unless the
    // link's weights were refused: then the page says why, with the way back.
    let table = match (shape.weighted(), ctx.scored()) {
        (true, Err(e)) => html! {
            <div class="notice notice-error" role="alert" data-testid="weight-error">
                <p>{ weight_error(&i18n, *e) }</p>
                <button type="button" onclick={d.reform(|_: MouseEvent| Action::ResetWeights)}>{ i18n.t("weights-reset") }</button>
            </div>
        },
        (weighted, scored) => html! {
            <>
                <RankingTable data={ctx.data.clone()} index={link.index} year={link.year}
                    scored={scored.as_ref().ok().filter(|_| weighted).cloned()} {custom}
                    selected={link.country.clone()} />
                <ul class="table-notes">
                    { for shape.table_notes.iter().map(|(text, link)| html! {
                        <li>
                            { i18n.t(text) }
                            if let Some(link) = link {
                                { " " }<a href={methods_href.clone()}>{ i18n.t(link) }</a>
                            }
                        </li>
                    }) }
                    { for record_notes(&ctx).into_iter().map(|n| html! { <li data-testid="gti-record">{ n }</li> }) }
                </ul>
            </>
        },
    };
    let body = if shape.weighted() {
        html! {
            <div class="layout">
                <IndexWeights />
                <div class="results">{ table }</div>
            </div>
        }
    } else {
        html! {
            <>
                if let Some(hint) = shape.unweighted_key {
                    <p class="hint">{ i18n.t(hint) }</p>
                }
                { table }
            </>
        }
    };
    let csv = ranking_csv(&ctx);
    let intro = i18n.t(shape.intro_key);
    let years = shape.periods;
    html! {
        <>
            <h1>{ labels::index_name(&i18n, link.index) }</h1>
            <p class="intro">{ intro }</p>
            <IndexSwitcher index={link.index} year={link.year} {years} {onindex} {onyear} />
            <ShareBar {csv} />
            { body }
        </>
    }
}
