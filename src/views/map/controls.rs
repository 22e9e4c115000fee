//! The map's controls: which index, which period (for an index with more than one), and the
//! zoom preset.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::explorer::Explorer;
use crate::labels;
use crate::link::{IndexId, Region};
use crate::state::Action;

/// A plain function rather than a component: the map is in the widget, which stays small.
pub fn map_controls(ctx: &Explorer) -> Html {
    let i18n = ctx.i18n.clone();
    let link = ctx.link().clone();
    let shape = crate::standings::shape(&ctx.data, ctx.link());
    let onindex = ctx.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetIndex(crate::link::IndexId::parse(&s.value()).unwrap_or_default())
    });
    let default_year = crate::defaults::year(&ctx.data);
    let onyear = ctx.dispatch.reform(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetYear(s.value().parse().unwrap_or(default_year))
    });
    let regions = Region::ALL.iter().map(|r| {
        let region = *r;
        let onchange = ctx.dispatch.reform(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if input.checked() { Action::SetRegion(region) } else { Action::SetRegion(Region::World) }
        });
        let id = format!("region-{}", r.slug());
        html! {
            <div class="radio">
                <input type="radio" name="region" id={id.clone()} checked={link.region == *r} {onchange} />
                <label for={id}>{ i18n.t(&labels::region_key(*r)) }</label>
            </div>
        }
    });
    html! {
            <div class="switcher">
                <div class="field">
                    <label for="map-index">{ i18n.t("index-choice") }</label>
                    <select id="map-index" onchange={onindex}>
                        { for IndexId::ALL.iter().map(|i| html! {
                            <option value={i.slug()} selected={link.index == *i}>{ labels::index_name(&i18n, *i) }</option>
                        }) }
                    </select>
                </div>
                if !shape.periods.is_empty() {
                    <div class="field">
                        <label for="map-year">{ i18n.t("year") }</label>
                        <select id="map-year" onchange={onyear}>
                            { for shape.periods.iter().map(|y| html! { <option value={y.to_string()} selected={*y == link.year}>{ y }</option> }) }
                        </select>
                    </div>
                }
                <fieldset>
                    <legend>{ i18n.t("map-zoom") }</legend>
                    { for regions }
                </fieldset>
            </div>
    }
}
