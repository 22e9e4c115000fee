//! An internal link: a real `<a href>` (open in a new tab, copy, share) that, on a plain
//! click, changes the view without reloading.

use yew::prelude::*;

use crate::explorer::use_explorer;
use crate::link::LinkState;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: LinkState,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Link(props: &LinkProps) -> Html {
    let ctx = use_explorer();
    let href = ctx.href(&props.to);
    if ctx.embed {
        // In an embed, a link opens the full explorer beside the host page.
        return html! {
            <a {href} class={props.class.clone()} target="_blank" rel="noopener"
                aria-label={props.label.clone()}>{ props.children.clone() }</a>
        };
    }
    let onclick = {
        let dispatch = ctx.dispatch.clone();
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0) {
                e.prevent_default();
                dispatch.emit(Action::Navigate(to.clone()));
            }
        })
    };
    html! {
        <a {href} class={props.class.clone()} aria-current={props.current.then_some("page")}
            aria-label={props.label.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
