//! The root component: holds the reducer, derives scores with `use_memo`, keeps the address
//! bar in step with the state (and the state with Back/Forward), and lays out the page.

use engine::query::{IndexId, View};
use engine::Settings;
use gloo::events::EventListener;
use yew::prelude::*;

use crate::components::header::Header;
use crate::components::notices::Notices;
use crate::data::{Data, Shared};
use crate::i18n::{I18n, Messages};
use crate::state::{Action, AppState, History};
use crate::url;
use crate::views::methods::Methods;
use crate::views::rankings::Rankings;

#[component]
pub fn App() -> Html {
    let data = use_memo((), |_| Shared::new(Data::load()));
    let data: Shared<Data> = (*data).clone();
    let state = {
        let official = data.model.default_weights.clone();
        use_reducer(move || {
            let (view, issues) = url::read();
            AppState::new(view, issues, official)
        })
    };
    let i18n: I18n = (*use_memo(state.view.lang, |l| std::rc::Rc::new(Messages::load(*l)))).clone();

    // Derived: the GTI scored at the current weights and settings.
    let weights = state.weights();
    let min_coverage = state.view.min_coverage.unwrap_or(65);
    let scored = {
        let data = data.clone();
        use_memo((weights.clone(), min_coverage), move |(w, cov)| {
            let settings = Settings {
                min_coverage: f64::from(*cov) / 100.0,
                ..Settings::default()
            };
            data.model.score(w, &settings).map(Shared::new)
        })
    };

    // The address bar follows every change.
    use_effect_with(
        (state.view.clone(), state.history),
        |(view, history)| match history {
            History::Push => url::write(view, true),
            History::Replace => url::write(view, false),
            History::Keep => {}
        },
    );

    // Back and Forward restore the state from the address.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "popstate", move |_| {
                    let (view, issues) = url::read();
                    dispatcher.dispatch(Action::Restore(view, issues));
                })
            });
            move || drop(listener)
        });
    }

    // The document speaks the chosen language and names the view.
    {
        let title = match (state.view.view, state.view.index) {
            (View::Methods, _) => i18n.t("methods-title"),
            (View::Rankings, IndexId::Gti2025) => i18n.t("index-gti"),
            (View::Rankings, IndexId::Csp) => i18n.t("index-csp"),
        };
        let title = format!("{title} · {}", i18n.t("app-title"));
        use_effect_with((state.view.lang, title), |(lang, title)| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(title);
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.slug());
                }
            }
        });
    }

    let ondispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let links: Vec<(View, String)> = View::ALL
        .iter()
        .map(|v| {
            let mut s = state.view.clone();
            s.view = *v;
            (*v, url::href(&s))
        })
        .collect();
    let methods_href = links
        .iter()
        .find(|(v, _)| *v == View::Methods)
        .map(|(_, h)| h.clone())
        .unwrap_or_default();

    let unknown_country = state
        .view
        .country
        .clone()
        .filter(|c| match state.view.index {
            IndexId::Gti2025 => data.bundle.gti.country(c).is_none(),
            IndexId::Csp => data.bundle.csp.country(c).is_none(),
        });
    let selected = state
        .view
        .country
        .clone()
        .filter(|c| Some(c) != unknown_country.as_ref());

    let page = match state.view.view {
        View::Rankings => html! {
            <Rankings data={data.clone()} index={state.view.index} year={state.view.year}
                weights={weights.clone()} custom={state.is_custom()} {min_coverage} {selected}
                scored={(*scored).clone()} {methods_href} ondispatch={ondispatch.clone()} />
        },
        View::Methods => html! { <Methods data={data.clone()} /> },
    };

    html! {
        <ContextProvider<I18n> context={i18n.clone()}>
            <a class="skip-link" href="#main">{ i18n.t("skip-to-content") }</a>
            <Header view={state.view.view} lang={state.view.lang} {links}
                onview={ondispatch.reform(Action::SetView)} onlang={ondispatch.reform(Action::SetLang)} />
            <main id="main" tabindex="-1">
                <Notices query_issues={state.query_issues.clone()} {unknown_country}
                    data_errors={data.errors.clone()} dismissed={state.notice_dismissed}
                    ondismiss={ondispatch.reform(|_| Action::DismissNotice)} />
                { page }
            </main>
            <footer class="site-footer">
                <p>{ i18n.t("footer-privacy") }</p>
                <p>{ i18n.t("footer-model") }</p>
            </footer>
        </ContextProvider<I18n>>
    }
}
