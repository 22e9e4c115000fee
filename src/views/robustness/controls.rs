//! The Monte Carlo settings: weight spread, number of draws and seed (with a fresh one on
//! request). All three are in the link, so a shared analysis reproduces exactly.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::defaults;
use crate::explorer::use_explorer;
use crate::state::Action;

#[component]
pub fn McControls() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let (spread, draws, seed) = ctx.monte_carlo_settings();
    let d = ctx.dispatch.clone();
    let onspread = d.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetSpread(input.value().parse().unwrap_or(defaults::SPREAD))
    });
    let ondraws = d.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetDraws(s.value().parse().unwrap_or(defaults::DRAWS))
    });
    let onseed = d.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::SetSeed(input.value().trim().parse().unwrap_or(defaults::SEED))
    });
    let onnewseed = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            // A fresh seed from the clock: reproducible afterwards, since it goes in the link.
            let n = (js_sys::Date::now() as u64) % 1_000_000;
            d.emit(Action::SetSeed(n));
        })
    };
    html! {
        <div class="rob-controls">
            <div class="slider">
                <label for="mc-spread">{ i18n.t("robust-spread") }</label>
                <div class="slider-row">
                    <input type="range" id="mc-spread" min="0" max="100" step="5" value={spread.to_string()} oninput={onspread}
                        aria-describedby="mc-spread-value" />
                    <output id="mc-spread-value" for="mc-spread">{ format!("± {spread} %") }</output>
                </div>
            </div>
            <div class="field">
                <label for="mc-draws">{ i18n.t("robust-draws") }</label>
                <select id="mc-draws" onchange={ondraws}>
                    { for defaults::DRAW_CHOICES.iter().map(|n| html! {
                        <option value={n.to_string()} selected={*n == draws}>{ i18n.num(f64::from(*n), 0) }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="mc-seed">{ i18n.t("robust-seed") }</label>
                <div class="inline">
                    <input id="mc-seed" type="number" min="0" step="1" inputmode="numeric" value={seed.to_string()} onchange={onseed} />
                    <button type="button" class="secondary" onclick={onnewseed}>{ i18n.t("robust-new-seed") }</button>
                </div>
            </div>
        </div>
    }
}
