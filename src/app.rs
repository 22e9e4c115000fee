//! The root component: holds the reducer, derives scores with `use_memo`, keeps the address
//! bar in step with the state (and the state with Back/Forward), and lays out the page.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

#[cfg(feature = "full")]
use crate::components::{header::Header, notices::Notices};
use crate::data::{AppData, Shared};
use crate::derive::use_derived;
use crate::explorer::Explorer;
use crate::i18n::I18n;
#[cfg(feature = "full")]
use crate::link::View;
use crate::state::{Action, AppState, History};
use crate::url;
#[cfg(feature = "full")]
use crate::views;

/// Loads the data once, and holds the state of one explorer (full page or embed).
#[hook]
pub fn use_root_explorer(embed: bool) -> Explorer {
    let data = use_memo((), |_| Shared::new(AppData::loaded()));
    let data: Shared<AppData> = (*data).clone();
    let state = {
        let official = data.official_weights();
        use_reducer(move || {
            let (link, issues) = url::read();
            AppState::new(link, issues, official)
        })
    };
    let chosen = crate::i18n::load::use_messages(state.link.lang);
    let messages_ready = chosen.ready;
    let i18n: I18n = chosen.i18n.clone();

    // Everything derived, memoised on its inputs.
    let derived = use_derived(&data, &state);

    // The address bar follows every change; a slider's, once it rests.
    let settling = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(
        (state.link.clone(), state.history),
        move |(link, history)| {
            // Whatever comes next supersedes a movement still settling.
            let pending = settling.borrow_mut().take();
            match history {
                History::Push => url::write(link, true),
                History::Replace => url::write(link, false),
                History::Settle => {
                    let link = link.clone();
                    *settling.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                        crate::defaults::ADDRESS_QUIET_MS,
                        move || url::write(&link, false),
                    ));
                }
                // Back or Forward: the address is already the state's.
                History::Keep => drop(pending),
            }
        },
    );

    // Back and Forward restore the state from the address.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| {
                    let (link, issues) = url::read();
                    dispatcher.dispatch(Action::Restore(link, issues));
                })
            });
            move || drop(listener)
        });
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    Explorer {
        data,
        state: Rc::new((*state).clone()),
        derived,
        i18n,
        dispatch,
        embed,
        messages_ready,
        messages_problem: chosen.problem,
    }
}

#[cfg(feature = "full")]
#[component]
pub fn App() -> Html {
    let ctx = use_root_explorer(false);
    let i18n = ctx.i18n.clone();
    let link = ctx.link().clone();

    // The document speaks the chosen language and names the view.
    {
        let title = match (link.view, link.index) {
            (View::Rankings, index) => crate::labels::index_name(&i18n, index),
            (View::Country, _) => crate::captions::country_title(&ctx),
            (View::Trends, _) => match crate::standings::trend(&ctx.data, &link) {
                Some((_, trend)) => trend.spanning(&i18n, trend.title_key),
                None => i18n.t(views::view_title_key(View::Trends)),
            },
            (v, _) => i18n.t(views::view_title_key(v)),
        };
        let title = format!("{title} · {}", i18n.t("app-title"));
        use_effect_with((link.lang, title), |(lang, title)| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(title);
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.slug());
                    let _ = root.set_attribute("dir", lang.dir());
                }
            }
        });
    }
    // Move focus to the new page's heading on navigation, as a page load would.
    {
        use_effect_with((link.view, link.country.clone()), |_| {
            if let Some(main) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("main"))
            {
                let active_in_main = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| main.contains(Some(&a)));
                if active_in_main {
                    if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                        let _ = h.focus();
                    }
                }
            }
        });
    }

    // A newer release, installed by the service worker and waiting (static/sw-register.js).
    let update_ready = use_state(|| false);
    {
        let update_ready = update_ready.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "tie-update-ready", move |_| update_ready.set(true))
            });
            move || drop(listener)
        });
    }
    let onupdate = Callback::from(|_: MouseEvent| {
        if let (Some(w), Ok(e)) = (web_sys::window(), web_sys::Event::new("tie-update-apply")) {
            let _ = w.dispatch_event(&e);
        }
    });

    let unknown_country = link.country.clone().filter(|c| {
        !crate::standings::units(&ctx.data)
            .iter()
            .any(|(u, _)| u == c)
    });
    if !ctx.messages_ready {
        // The chosen language's messages are on their way (a few kilobytes from this host).
        return html! { <main id="main" tabindex="-1" aria-busy="true"></main> };
    }
    let page = views::page(&ctx);
    let announcement = ctx.state.announcement.clone().unwrap_or_default();
    html! {
        <ContextProvider<Explorer> context={ctx.clone()}>
            <ContextProvider<I18n> context={i18n.clone()}>
                <a class="skip-link" href="#main">{ i18n.t("skip-to-content") }</a>
                <Header />
                <main id="main" tabindex="-1">
                    if *update_ready {
                        <div class="notice notice-update" role="status" data-testid="update">
                            <p>{ i18n.t("update-available") }{ " " }
                                <button type="button" onclick={onupdate}>{ i18n.t("update-reload") }</button></p>
                        </div>
                    }
                    if let Some(problem) = &ctx.messages_problem {
                        <p class="notice" role="alert" lang="en" dir="ltr">{ problem }</p>
                    }
                    <Notices query_issues={ctx.state.query_issues.clone()} {unknown_country}
                        data_errors={ctx.data.errors.clone()} dismissed={ctx.state.notice_dismissed}
                        ondismiss={ctx.dispatch.reform(|_| Action::DismissNotice)} />
                    { page }
                </main>
                <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcement">{ announcement }</p>
                <footer class="site-footer">
                    <p>{ i18n.t("footer-privacy") }</p>
                    <p>{ i18n.t("footer-model") }</p>
                    <p>
                        <a href={crate::url::workbench_href(ctx.link().lang)}>
                            { i18n.t("footer-workbench") }
                        </a>
                        { " " }{ i18n.t("footer-workbench-about") }
                    </p>
                    <p>{ i18n.f("footer-data", &[("version", &ctx.data.version)]) }</p>
                </footer>
            </ContextProvider<I18n>>
        </ContextProvider<Explorer>>
    }
}
