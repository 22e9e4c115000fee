//! The world map (filled in with the map geometry).

use yew::prelude::*;

#[component]
pub fn MapView() -> Html {
    html! {}
}
