//! An internal link: a real `<a href>` (open in a new tab, copy, share) that, on a plain
//! click, changes the view without reloading.
//!
//! A function rather than a component: a ranking holds a link per row, and a pre-rendered
//! page's links are adopted with the page; as components each would be created, rendered
//! twice and compared on every change of the explorer's state.

use yew::prelude::*;

use crate::explorer::Explorer;
use crate::link::LinkState;
use crate::state::Action;

/// A link to `to` showing `children`.
pub fn link(ctx: &Explorer, to: LinkState, children: impl Into<Html>) -> Html {
    nav_link(ctx, to, false, children)
}

/// A link to `to`, marked `aria-current="page"` when it is the view on screen.
pub fn nav_link(ctx: &Explorer, to: LinkState, current: bool, children: impl Into<Html>) -> Html {
    let href = ctx.href(&to);
    let children = children.into();
    if ctx.embed {
        // In an embed, a link opens the full explorer beside the host page.
        return html! { <a {href} target="_blank" rel="noopener">{ children }</a> };
    }
    let dispatch = ctx.dispatch.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0) {
            e.prevent_default();
            dispatch.emit(Action::Navigate(to.clone()));
        }
    });
    html! {
        <a {href} aria-current={current.then_some("page")} {onclick}>{ children }</a>
    }
}
