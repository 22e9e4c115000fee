//! The pages of the explorer, one per `view` value of the URL.

pub mod compare;
pub mod country;
pub mod cross;
pub mod map;
pub mod methods;
pub mod rankings;
pub mod robustness;
pub mod simulate;
pub mod trends;

use engine::query::View;
use yew::prelude::*;

use crate::ctx::Ctx;

/// The message key of each view's title.
pub fn view_title_key(view: View) -> &'static str {
    match view {
        View::Rankings => "nav-rankings",
        View::Map => "map-title",
        View::Country => "nav-rankings",
        View::Trends => "trends-title",
        View::Compare => "compare-title",
        View::Cross => "cross-title",
        View::Simulate => "simulate-title",
        View::Robustness => "robustness-title",
        View::Methods => "methods-title",
    }
}

/// The page for the current view.
pub fn page(ctx: &Ctx) -> Html {
    match ctx.view().view {
        View::Rankings => html! { <rankings::Rankings /> },
        View::Map => html! { <map::MapView compact=false /> },
        View::Country => html! { <country::CountryProfile /> },
        View::Trends => html! { <trends::Trends /> },
        View::Compare => html! { <compare::Compare /> },
        View::Cross => html! { <cross::CrossIndex /> },
        View::Simulate => html! { <simulate::Simulate /> },
        View::Robustness => html! { <robustness::Robustness /> },
        View::Methods => html! { <methods::Methods data={ctx.data.clone()} /> },
    }
}
