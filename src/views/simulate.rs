//! The reform simulator.

use yew::prelude::*;

#[component]
pub fn Simulate() -> Html {
    html! {}
}
