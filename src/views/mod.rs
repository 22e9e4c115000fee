//! The pages of the explorer, one per `view` value of the URL.

#[cfg(feature = "full")]
pub mod compare;
#[cfg(feature = "full")]
pub mod country;
#[cfg(feature = "full")]
pub mod cross;
pub mod map;
#[cfg(feature = "full")]
pub mod methods;
#[cfg(feature = "full")]
pub mod rankings;
#[cfg(feature = "full")]
pub mod robustness;
#[cfg(feature = "full")]
pub mod simulate;
#[cfg(feature = "full")]
pub mod trends;

#[cfg(feature = "full")]
use yew::prelude::*;

#[cfg(feature = "full")]
use crate::explorer::Explorer;
#[cfg(feature = "full")]
use crate::link::View;

/// The message key of each view's title.
#[cfg(feature = "full")]
pub fn view_title_key(view: View) -> &'static str {
    match view {
        View::Rankings => "nav-rankings",
        View::Map => "map-title",
        View::Country => "nav-rankings",
        View::Trends => "nav-trends",
        View::Compare => "compare-title",
        View::Cross => "cross-title",
        View::Simulate => "simulate-title",
        View::Robustness => "robustness-title",
        View::Methods => "methods-title",
    }
}

/// The page for the current view.
#[cfg(feature = "full")]
pub fn page(ctx: &Explorer) -> Html {
    match ctx.link().view {
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
