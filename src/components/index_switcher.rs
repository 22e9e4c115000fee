//! Choice of index (every bundled one) and, for an index with more than one period, of the
//! period; and the way to the open indicators of every country (in the workbench).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::I18n;
use crate::labels;
use crate::link::IndexId;

#[derive(Properties, PartialEq)]
pub struct IndexSwitcherProps {
    pub index: IndexId,
    pub year: u16,
    /// The periods to choose from, latest first (none: the index has one, and no picker).
    pub years: Vec<u16>,
    pub onindex: Callback<IndexId>,
    pub onyear: Callback<u16>,
}

#[component]
pub fn IndexSwitcher(props: &IndexSwitcherProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let radio = |index: IndexId| {
        let onindex = props.onindex.clone();
        let onchange = Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if input.checked() {
                onindex.emit(index);
            }
        });
        let id = format!("index-{}", index.slug());
        html! {
            <div class="radio">
                <input type="radio" name="index" id={id.clone()} value={index.slug()}
                    checked={props.index == index} {onchange} />
                <label for={id}>{ labels::index_name(&i18n, index) }</label>
            </div>
        }
    };
    let onyear = {
        let onyear = props.onyear.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = select.value().parse() {
                onyear.emit(y);
            }
        })
    };
    let year = (!props.years.is_empty()).then(|| {
        let options = props.years.iter().map(|y| {
            html! { <option value={y.to_string()} selected={*y == props.year}>{ y }</option> }
        });
        html! {
            <div class="field">
                <label for="year-select">{ i18n.t("year") }</label>
                <select id="year-select" onchange={onyear}>{ for options }</select>
            </div>
        }
    });
    html! {
        <div class="switcher">
            <fieldset>
                <legend>{ i18n.t("index-choice") }</legend>
                { for IndexId::ALL.into_iter().map(radio) }
            </fieldset>
            // The worldwide layer lives in the workbench: named beside the two, for every
            // visitor whose country neither covers.
            <p class="switcher-more">
                <a href={crate::url::open_indicators_href(i18n.lang, None)} data-testid="open-indicators-link">{ i18n.t("index-open-link") }</a>
                { " " }{ i18n.t("index-open-about") }
            </p>
            { for year }
        </div>
    }
}
