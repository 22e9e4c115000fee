//! The "Embed" dialog: builds both snippets (custom element and plain iframe) for the current
//! view, with a live preview, for partners to paste into their pages.

use web_sys::{HtmlDialogElement, HtmlSelectElement};
use yew::prelude::*;

use crate::captions::all_countries;
use crate::explorer::use_explorer;
use crate::export;
use crate::link::{self, IndexId, Lang, LinkState, Theme, View};
use crate::state::Action;

/// Which compact view to embed.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Ranking,
    Card,
    Map,
    Trend,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Ranking, Kind::Card, Kind::Map, Kind::Trend];

    fn of(view: View) -> Kind {
        match view {
            View::Country | View::Simulate => Kind::Card,
            View::Map => Kind::Map,
            View::Trends => Kind::Trend,
            _ => Kind::Ranking,
        }
    }
    fn attr(self) -> &'static str {
        match self {
            Kind::Ranking => "ranking",
            Kind::Card => "card",
            Kind::Map => "map",
            Kind::Trend => "trend",
        }
    }
    /// Its name in the dialog and in the frame's title.
    fn message_key(self) -> String {
        format!("embed-kind-{}", self.attr())
    }
    fn view(self) -> View {
        match self {
            Kind::Ranking => View::Rankings,
            Kind::Card => View::Country,
            Kind::Map => View::Map,
            Kind::Trend => View::Trends,
        }
    }
}

#[component]
pub fn EmbedDialog() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let current = ctx.link().clone();
    let dialog = use_node_ref();
    let kind = use_state(|| Kind::of(current.view));
    let theme = use_state(|| Theme::Light);
    // Whether it is open: its contents, the live preview above all, exist only then.
    let is_open = use_state(|| false);
    let open = {
        let kind = kind.clone();
        let view = current.view;
        let is_open = is_open.clone();
        Callback::from(move |_: MouseEvent| {
            kind.set(Kind::of(view));
            is_open.set(true);
        })
    };
    // The dialog's contents exist only while it is open (a closed dialog is an empty element
    // on every page that offers it, nothing for the app to adopt or keep up to date); it is
    // shown once they are drawn, so that its first control takes the focus.
    {
        let dialog = dialog.clone();
        use_effect_with(*is_open, move |open| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                if *open && !d.open() {
                    let _ = d.show_modal();
                }
            }
        });
    }
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    // Escape closes a modal dialog natively; its `close` event keeps the state in step.
    let onclose = {
        let is_open = is_open.clone();
        Callback::from(move |_: Event| is_open.set(false))
    };
    let button = html! {
        <button type="button" class="secondary" onclick={open} data-testid="embed-open">{ i18n.t("embed-button") }</button>
    };
    if !*is_open {
        return html! {
            <>
                { button }
                <dialog ref={dialog} class="embed-dialog" {onclose}></dialog>
            </>
        };
    }
    // The embedded state: what the visitor sees now, in the chosen compact view.
    let mut state = LinkState::defaults(&crate::link::Limits::bundled());
    state.view = kind.view();
    state.index = current.index;
    state.year = current.year;
    state.weights = current.weights.clone();
    state.min_coverage = current.min_coverage;
    state.aggregation = current.aggregation;
    state.lang = current.lang;
    state.theme = *theme;
    state.region = current.region;
    state.scenario = if *kind == Kind::Card {
        current.scenario.clone()
    } else {
        Vec::new()
    };
    state.country = match *kind {
        Kind::Card => Some(
            current
                .country
                .clone()
                .unwrap_or_else(|| crate::defaults::COUNTRY.to_string()),
        ),
        // A trend names a country only if the index it shows has its series.
        Kind::Trend => {
            let index = crate::standings::trend_index(&ctx.data, &current);
            let (_, series) = crate::standings::series(&ctx.data, index);
            current
                .country
                .clone()
                .filter(|c| series.iter().any(|s| s.iso3 == *c))
        }
        _ => current.country.clone(),
    };
    if *kind == Kind::Trend {
        state.index = crate::standings::trend_index(&ctx.data, &current);
    }
    let q = link::to_query(&state, &crate::link::Limits::bundled());
    let base = export::page_folder();
    let frame_src = format!(
        "{base}embed/{}",
        if q.is_empty() {
            String::new()
        } else {
            format!("?{q}")
        }
    );
    let title = i18n.f(
        "embed-frame-title",
        &[("what", &i18n.t(&kind.message_key()))],
    );
    let mut attrs = vec![format!("view=\"{}\"", kind.attr())];
    // The loader's attributes carry the link's values, written by the link's own formatters.
    if state.index != IndexId::default() {
        attrs.push(format!("index=\"{}\"", state.index.slug()));
    }
    let periods = crate::standings::shape(&ctx.data, &state).periods;
    if !periods.is_empty() && state.year != crate::link::Limits::bundled().last_year {
        attrs.push(format!("year=\"{}\"", state.year));
    }
    if let Some(c) = &state.country {
        attrs.push(format!("country=\"{c}\""));
    }
    if let Some(w) = &state.weights {
        attrs.push(format!("weights=\"{}\"", link::format::weights(w)));
    }
    if state.lang != Lang::En {
        attrs.push(format!("lang=\"{}\"", state.lang.slug()));
    }
    if state.theme != Theme::Light {
        attrs.push(format!("theme=\"{}\"", state.theme.slug()));
    }
    attrs.push(format!("title=\"{}\"", crate::markup::attribute(&title)));
    let element = format!(
        "<script src=\"{base}embed.js\" defer></script>\n<torture-index-embed {}></torture-index-embed>",
        attrs.join(" ")
    );
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" style=\"border:0\" loading=\"lazy\"></iframe>",
        crate::markup::attribute(&frame_src),
        crate::markup::attribute(&title)
    );
    let copy = |text: String| {
        let dispatch = ctx.dispatch.clone();
        let ok = i18n.t("embed-copied");
        let fail = i18n.t("embed-copy-failed");
        Callback::from(move |_: MouseEvent| {
            let (text, dispatch, ok, fail) =
                (text.clone(), dispatch.clone(), ok.clone(), fail.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let done = export::copy_text(&text).await;
                dispatch.emit(Action::Announce(Some(if done { ok } else { fail })));
            });
        })
    };
    let onkind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let value = s.value();
            kind.set(
                Kind::ALL
                    .into_iter()
                    .find(|k| k.attr() == value)
                    .unwrap_or(Kind::Ranking),
            );
        })
    };
    let ontheme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            theme.set(link::parse::theme(&s.value()).unwrap_or_default());
        })
    };
    let oncountry = ctx.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetCountry(Some(s.value()))
    });
    let countries = all_countries(&ctx);
    html! {
        <>
            { button }
            <dialog ref={dialog} class="embed-dialog" aria-labelledby="embed-dialog-title" {onclose}>
                <h2 id="embed-dialog-title">{ i18n.t("embed-title") }</h2>
                <p class="hint">{ i18n.t("embed-intro") }</p>
                <div class="switcher">
                    <div class="field">
                        <label for="embed-kind">{ i18n.t("embed-what") }</label>
                        <select id="embed-kind" onchange={onkind}>
                            { for Kind::ALL.iter().map(|k| html! {
                                <option value={k.attr()} selected={*k == *kind}>{ i18n.t(&k.message_key()) }</option>
                            }) }
                        </select>
                    </div>
                    if matches!(*kind, Kind::Card | Kind::Trend) {
                        <div class="field">
                            <label for="embed-country">{ i18n.t("profile-choose") }</label>
                            <select id="embed-country" onchange={oncountry}>
                                { for countries.iter().map(|(iso, name)| html! {
                                    <option value={iso.clone()} selected={state.country.as_deref() == Some(iso.as_str())}>{ name }</option>
                                }) }
                            </select>
                        </div>
                    }
                    <div class="field">
                        <label for="embed-theme">{ i18n.t("embed-theme") }</label>
                        <select id="embed-theme" onchange={ontheme}>
                            <option value={Theme::Light.slug()} selected={*theme == Theme::Light}>{ i18n.t("embed-theme-light") }</option>
                            <option value={Theme::Dark.slug()} selected={*theme == Theme::Dark}>{ i18n.t("embed-theme-dark") }</option>
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for="embed-code-element">{ i18n.t("embed-code-element") }</label>
                    <textarea id="embed-code-element" readonly=true rows="3" value={element.clone()} data-testid="embed-element" />
                    <button type="button" class="secondary" onclick={copy(element)}>{ i18n.t("embed-copy-element") }</button>
                </div>
                <div class="field">
                    <label for="embed-code-iframe">{ i18n.t("embed-code-iframe") }</label>
                    <textarea id="embed-code-iframe" readonly=true rows="3" value={iframe.clone()} data-testid="embed-iframe" />
                    <button type="button" class="secondary" onclick={copy(iframe)}>{ i18n.t("embed-copy-iframe") }</button>
                </div>
                <p class="hint">{ i18n.t("embed-hint") }</p>
                <h3>{ i18n.t("embed-preview") }</h3>
                <iframe class="embed-preview" src={frame_src} title={title} data-testid="embed-preview"></iframe>
                <div class="dialog-actions">
                    <button type="button" onclick={close}>{ i18n.t("embed-close") }</button>
                </div>
            </dialog>
        </>
    }
}

/// The message keys the dialog builds at run time, for the i18n tests.
#[cfg(test)]
pub(crate) fn generated_message_keys() -> Vec<String> {
    Kind::ALL.into_iter().map(Kind::message_key).collect()
}
