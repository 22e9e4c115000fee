//! The site header: title, navigation between views (real links), and the language choice.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::link::{link, nav_link};
use crate::explorer::use_explorer;
use crate::link::{Lang, View};
use crate::state::Action;

/// The views listed in the navigation (a country profile is reached from its name).
pub const NAV: [(View, &str); 8] = [
    (View::Rankings, "nav-rankings"),
    (View::Map, "nav-map"),
    (View::Trends, "nav-trends"),
    (View::Compare, "nav-compare"),
    (View::Cross, "nav-cross"),
    (View::Simulate, "nav-simulate"),
    (View::Robustness, "nav-robustness"),
    (View::Methods, "nav-methods"),
];

#[component]
pub fn Header() -> Html {
    let ctx = use_explorer();
    let i18n = &ctx.i18n;
    let current = ctx.link().view;
    let nav = NAV.iter().map(|(view, key)| {
        let to = ctx.with(|s| s.view = *view);
        html! { <li>{ nav_link(&ctx, to, *view == current, i18n.t(key)) }</li> }
    });
    let onlang = ctx.dispatch.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::SetLang(Lang::parse(&select.value()).unwrap_or_default())
    });
    let lang = ctx.link().lang;
    let home = ctx.with(|s| s.view = View::Rankings);
    html! {
        <header class="site-header">
            <div class="brand">
                <p class="site-title">{ link(&ctx, home, i18n.t("app-title")) }</p>
                <p class="tagline">{ i18n.t("app-tagline") }</p>
            </div>
            <nav aria-label={i18n.t("nav-label")}>
                <ul>{ for nav }</ul>
            </nav>
            <div class="lang">
                <label for="lang-select">{ i18n.t("language") }</label>
                <select id="lang-select" onchange={onlang}>
                    { for Lang::ALL.into_iter().map(|l| html! {
                        <option value={l.slug()} lang={l.slug()} dir={l.dir()} selected={lang == l}>{ l.own_name() }</option>
                    }) }
                </select>
            </div>
        </header>
    }
}
