//! The explorer's score, band and rank for one unit of an index, the card that the profile and
//! the widget's country card put beside the published band.

use engine::Basis;
use yew::prelude::*;

use crate::components::ranking_table::band_cell;
use crate::i18n::Messages;
use crate::standings::{Row, Shape};

/// The card of `row` titled by the message `title`: its score (one standing at a published
/// band's midpoint says so), band, whether that differs from the published band, and rank;
/// then `basis`, how the score came about, where the view says it.
pub fn model_card(
    i18n: &Messages,
    shape: &Shape,
    row: &Row,
    title: &str,
    testid: &'static str,
    basis: Option<String>,
) -> Html {
    let score = match (row.score, row.basis) {
        (Some(s), Basis::Recomputed) => i18n.num(s, shape.decimals),
        (Some(s), _) => format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")),
        (None, _) => "—".into(),
    };
    let differs =
        row.basis == Basis::Recomputed && row.official.is_some() && row.band != row.official;
    html! {
        <div class="card" data-testid={testid}>
            <h3>{ i18n.t(title) }</h3>
            <p class="big">{ score }</p>
            <p>{ band_cell(i18n, row.band) }
                if differs { <span class="marker">{ i18n.t("differs-from-official") }</span> }</p>
            { for basis.map(|b| html! { <p class="hint">{ b }</p> }) }
            { for row.rank.map(|r| html! { <p class="hint">{ i18n.f("profile-rank", &[("rank", &r.to_string())]) }</p> }) }
        </div>
    }
}
