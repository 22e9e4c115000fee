//! Robustness analysis.

use yew::prelude::*;

#[component]
pub fn Robustness() -> Html {
    html! {}
}
