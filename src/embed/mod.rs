//! The embeddable widget: a compact ranking, country card, map or CSP trend for partner
//! websites, served at `embed/` and mounted when `#app` carries `data-mode="embed"`.
//!
//! It reports its height to the host page whenever it changes (so no iframe crops it or leaves
//! blank space), announces itself and rank or band changes, and accepts validated settings
//! from the host (see messages.rs). Links open the full explorer in a new tab.

pub mod card;
pub mod messages;

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::use_root_explorer;
use crate::components::charts::{series, LineChart};
use crate::components::ranking_table::RankingTable;
use crate::explorer::Explorer;
use crate::i18n::I18n;
use crate::link::{Theme, View};
use crate::state::Action;
use crate::url;
use crate::views::map::MapView;
use messages::{Event, HostSettings, Move, MAX_MESSAGE};

/// Posts `event` to the parent page: to each allowed origin, or to any if no allowlist.
pub(crate) fn post(event: &Event, allow: &[String]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let value = event.to_js();
    if allow.is_empty() {
        let _ = parent.post_message(&value, "*");
    } else {
        for origin in allow {
            let _ = parent.post_message(&value, origin);
        }
    }
}

/// The height the host should give the iframe.
pub(crate) fn content_height() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(0, |e| e.scroll_height().max(0) as u32)
}

/// Applies the theme and colours to the document root.
pub(crate) fn apply_theme(theme: Theme, colours: &[(&str, Option<String>)]) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("data-theme", theme.slug());
    if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
        let style = el.style();
        for (prop, value) in colours {
            // CSSOM, not a style attribute: allowed by the page's Content-Security-Policy.
            let _ = match value {
                Some(v) => style.set_property(prop, v),
                None => style.remove_property(prop).map(|_| ()),
            };
        }
    }
}

/// Rank and band of every unit of the index the weights apply to, to tell the host what
/// changed.
fn standings(ctx: &Explorer) -> Vec<(String, Option<u32>, Option<engine::Band>)> {
    let Ok(scored) = ctx.scored() else {
        return Vec::new();
    };
    let (data, link) = (&ctx.data, ctx.link());
    let index = crate::standings::weighted_index(data, link);
    crate::standings::standings_of(data, index, link.year, Some(scored))
        .rows
        .into_iter()
        .map(|r| (r.iso3, r.rank, r.band))
        .collect()
}

#[component]
pub fn Embed() -> Html {
    let ctx = use_root_explorer(true);
    let i18n = ctx.i18n.clone();
    let link = ctx.link().clone();

    // Theme and colours.
    use_effect_with(
        (
            link.theme,
            link.accent.clone(),
            link.bg.clone(),
            link.ink.clone(),
            link.lang,
        ),
        |(theme, accent, bg, ink, lang)| {
            apply_theme(
                *theme,
                &[
                    ("--accent", accent.clone()),
                    ("--paper", bg.clone()),
                    ("--ink", ink.clone()),
                ],
            );
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.slug());
                let _ = root.set_attribute("dir", lang.dir());
            }
        },
    );

    // Settings from the host page.
    {
        let dispatch = ctx.dispatch.clone();
        // The listener outlives renders: it reads the latest state through this cell.
        let latest = use_mut_ref(|| link.clone());
        *latest.borrow_mut() = link.clone();
        let allow = link.allow.clone();
        use_effect_with(allow, move |allow| {
            let allow = allow.clone();
            let listener = web_sys::window().map(|w| {
                let parent = w.parent().ok().flatten();
                EventListener::new(&w, "message", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    // Only the parent page, and only from an allowed origin if there is a list.
                    let from_parent = match (&parent, e.source()) {
                        (Some(p), Some(s)) => js_sys::Object::is(p, &s),
                        _ => false,
                    };
                    if !from_parent || (!allow.is_empty() && !allow.contains(&e.origin())) {
                        return;
                    }
                    let data = e.data();
                    let size = js_sys::JSON::stringify(&data)
                        .ok()
                        .and_then(|s| s.as_string())
                        .map_or(usize::MAX, |s| s.len());
                    if size > MAX_MESSAGE {
                        return;
                    }
                    let Some(settings) = HostSettings::from_js(&data) else {
                        return;
                    };
                    let current = latest.borrow().clone();
                    if let Some(next) = settings.apply(&current, &crate::link::Limits::bundled()) {
                        dispatch.emit(Action::Navigate(next));
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Ready, once.
    {
        let eid = link.eid.clone();
        let allow = link.allow.clone();
        let v = link.view.slug().to_string();
        let index = link.index.slug().to_string();
        // Once the chosen language's messages are there: the content is then drawn.
        use_effect_with(ctx.messages_ready, move |ready| {
            if *ready {
                let mut e = Event::new("tie:ready", eid);
                e.view = Some(v);
                e.index = Some(index);
                e.height = Some(content_height());
                post(&e, &allow);
            }
        });
    }

    // Height: whenever the content's size changes.
    {
        let eid = link.eid.clone();
        let allow = link.allow.clone();
        use_effect_with((eid, allow), |(eid, allow)| {
            let last = Rc::new(RefCell::new(0u32));
            let (eid, allow) = (eid.clone(), allow.clone());
            let callback = Closure::<dyn FnMut()>::new(move || {
                let h = content_height();
                if h != *last.borrow() {
                    *last.borrow_mut() = h;
                    let mut e = Event::new("tie:height", eid.clone());
                    e.height = Some(h);
                    post(&e, &allow);
                }
            });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(root)) = (
                &observer,
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.body()),
            ) {
                o.observe(&root);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }

    // Rank and band changes.
    {
        let previous = use_mut_ref(Vec::<(String, Option<u32>, Option<engine::Band>)>::new);
        let now = standings(&ctx);
        let eid = link.eid.clone();
        let allow = link.allow.clone();
        use_effect_with(now, move |now| {
            let before = previous.borrow().clone();
            if !before.is_empty() {
                let rank: Vec<Move> = now
                    .iter()
                    .zip(&before)
                    .filter(|(a, b)| a.0 == b.0 && a.1 != b.1)
                    .map(|(a, b)| Move {
                        iso3: a.0.clone(),
                        from: b.1.map(|r| r.to_string()),
                        to: a.1.map(|r| r.to_string()),
                    })
                    .collect();
                let band: Vec<Move> = now
                    .iter()
                    .zip(&before)
                    .filter(|(a, b)| a.0 == b.0 && a.2 != b.2)
                    .map(|(a, b)| Move {
                        iso3: a.0.clone(),
                        from: b.2.map(|x| x.slug().to_string()),
                        to: a.2.map(|x| x.slug().to_string()),
                    })
                    .collect();
                if !rank.is_empty() {
                    let mut e = Event::new("tie:rank-changed", eid.clone());
                    e.changes = rank;
                    post(&e, &allow);
                }
                if !band.is_empty() {
                    let mut e = Event::new("tie:band-changed", eid);
                    e.changes = band;
                    post(&e, &allow);
                }
            }
            *previous.borrow_mut() = now.clone();
        });
    }

    if !ctx.messages_ready {
        return html! { <main class="embed" id="main" aria-busy="true"></main> };
    }
    let shape = crate::standings::shape(&ctx.data, &link);
    let title = match link.view {
        View::Country => crate::captions::country_title(&ctx),
        View::Map | View::Rankings => {
            let name = crate::labels::index_name(&i18n, link.index);
            match shape.period {
                Some(period) => format!("{name} {period}"),
                None => name,
            }
        }
        View::Trends => match crate::standings::trend(&ctx.data, &link) {
            Some((_, trend)) => trend.spanning(&i18n, trend.title_key),
            None => i18n.t("app-title"),
        },
        _ => i18n.t("app-title"),
    };
    let content = match link.view {
        View::Country => html! { <card::Card /> },
        View::Map => html! { <MapView compact=true /> },
        View::Trends => trend(&ctx),
        // An index the explorer scores at the weights in force takes its scores, unless the
        // link's weights were refused.
        View::Rankings => match (shape.weighted(), ctx.scored()) {
            (true, Err(_)) => {
                html! { <p class="notice notice-error" role="alert">{ i18n.t("error-weights-invalid") }</p> }
            }
            (weighted, scored) => html! {
                <RankingTable data={ctx.data.clone()} index={link.index} year={link.year}
                    scored={scored.as_ref().ok().filter(|_| weighted).cloned()} custom={ctx.is_custom()}
                    selected={link.country.clone()} />
            },
        },
        _ => html! { <p class="notice">{ i18n.t("embed-unsupported") }</p> },
    };
    let full = url::full_href(&link);
    let custom = ctx.is_custom()
        && matches!(link.view, View::Rankings | View::Map | View::Country)
        && shape.weighted()
        || !link.scenario.is_empty();
    html! {
        <ContextProvider<Explorer> context={ctx.clone()}>
            <ContextProvider<I18n> context={i18n.clone()}>
                <main class="embed" id="main">
                    if let Some(problem) = &ctx.messages_problem {
                        <p class="notice" role="alert" lang="en" dir="ltr">{ problem }</p>
                    }
                    <header class="embed-head">
                        <h1>{ title }</h1>
                        if custom {
                            <p class="badge badge-custom" data-testid="custom-badge">{
                                i18n.t(if link.scenario.is_empty() { "weights-custom" } else { "simulate-label" })
                            }</p>
                        }
                    </header>
                    { content }
                    <footer class="embed-foot">
                        <a href={full} target="_blank" rel="noopener" data-testid="full-view">{ i18n.t("embed-open-full") }</a>
                        <span>{ " · " }{ i18n.t("embed-model-note") }</span>
                    </footer>
                </main>
            </ContextProvider<I18n>>
        </ContextProvider<Explorer>>
    }
}

/// The trend of the index with periods: every unit, or the chosen one.
fn trend(ctx: &Explorer) -> Html {
    let i18n = &ctx.i18n;
    let Some((index, trend)) = crate::standings::trend(&ctx.data, ctx.link()) else {
        return html! { <p class="notice">{ i18n.t("embed-unsupported") }</p> };
    };
    let (years, all) = series(&ctx.data, index, i18n);
    let chosen = ctx
        .link()
        .country
        .as_ref()
        .and_then(|c| all.iter().find(|s| s.iso3 == *c))
        .map(|s| (s.iso3.clone(), s.name.clone()));
    let series: Vec<_> = all
        .into_iter()
        .filter(|s| chosen.as_ref().is_none_or(|(c, _)| *c == s.iso3))
        .map(|s| (s.iso3, s.name, s.color, s.values))
        .collect();
    let title = match &chosen {
        Some((_, name)) => trend.unit_caption(i18n, name),
        None => trend.spanning(i18n, trend.line_key),
    };
    let rows = series.iter().map(|(_, name, _, values)| html! {
        <tr><th scope="row">{ name }</th>{ for values.iter().map(|v| html! { <td class="num">{ v.map_or("—".into(), |x| i18n.num(x, 2)) }</td> }) }</tr>
    });
    html! {
        <>
            <figure>
                <LineChart id="embed-trend" title={title.clone()} years={years.clone()} series={series.clone()}
                    caption={vec![title.clone(), i18n.f("footer-data", &[("version", &ctx.data.version)])]} />
            </figure>
            <details class="data-table">
                <summary>{ i18n.t("trends-table") }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="embed-trend-caption">
                    <table class="compact">
                        <caption id="embed-trend-caption">{ title }</caption>
                        <thead><tr><th scope="col">{ i18n.t("col-country") }</th>{ for years.iter().map(|y| html! { <th scope="col" class="num">{ y }</th> }) }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
        </>
    }
}
