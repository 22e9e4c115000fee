//! The site header: title, navigation between views (real links), and the language choice.

use engine::query::{Lang, View};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::I18n;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub view: View,
    pub lang: Lang,
    /// The link to each view, keeping the rest of the state.
    pub links: Vec<(View, String)>,
    pub onview: Callback<View>,
    pub onlang: Callback<Lang>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let nav = props.links.iter().map(|(view, href)| {
        let label = i18n.t(match view {
            View::Rankings => "nav-rankings",
            View::Methods => "nav-methods",
        });
        let onview = props.onview.clone();
        let view = *view;
        let onclick = Callback::from(move |e: MouseEvent| {
            // Let modified clicks open a new tab as usual.
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
                e.prevent_default();
                onview.emit(view);
            }
        });
        let current = (view == props.view).then_some("page");
        html! { <li><a href={href.clone()} aria-current={current} {onclick}>{label}</a></li> }
    });
    let onlang = {
        let onlang = props.onlang.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::parse(&select.value()) {
                onlang.emit(lang);
            }
        })
    };
    html! {
        <header class="site-header">
            <div class="brand">
                <p class="site-title">{ i18n.t("app-title") }</p>
                <p class="tagline">{ i18n.t("app-tagline") }</p>
            </div>
            <nav aria-label={i18n.t("nav-label")}>
                <ul>{ for nav }</ul>
            </nav>
            <div class="lang">
                <label for="lang-select">{ i18n.t("language") }</label>
                <select id="lang-select" onchange={onlang}>
                    <option value="en" lang="en" selected={props.lang == Lang::En}>{ "English" }</option>
                    <option value="ru" lang="ru" selected={props.lang == Lang::Ru}>{ "Русский" }</option>
                </select>
            </div>
        </header>
    }
}
