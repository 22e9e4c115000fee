//! The workbench's embeddable widget (`workbench/embed/`, the `composite-embed` build): one
//! index's ranking, map or unit card for a partner's page, read through the same model and
//! drawn by the same views as the workbench, for any index the workbench holds (the open
//! indicators above all: the explorer's own widget knows only the two indices it bundles).
//!
//! It fetches only the folder of the index it shows, reports its height to the host page as
//! the explorer's widget does (`tie:ready`, `tie:height`, the same protocol), and its links open
//! the full workbench in a new tab. Settings come from the link alone: the loader (`embed.js`)
//! reloads the frame when the host changes an attribute, so no message from the host is read.
//! The Embed dialog below writes its snippets.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlSelectElement};
use yew::prelude::*;

use super::route::{Ignored, Route, Tab};
use super::views::{self, Shown};
use super::{load_all, location_search, Loaded, Navigate};
use crate::embed::messages::Event as HostEvent;
use crate::embed::{apply_theme, content_height, post};
use crate::i18n::I18n;
use crate::link::{parse, Lang, Theme};

/// Where the embed page (one folder below the workbench) finds the data.
pub const DATA: &str = "../data/";
/// The world map's shapes, from the embed page.
pub const WORLD: &str = "../data/map/world.tsv";

/// The name the Embed dialog proposes for an imported index's JSON on the partner's site.
const IMPORTED_FILE: &str = "my-index.json";

/// The views a partner can embed: the ranking, the map and one unit's card (its profile).
pub const KINDS: [Tab; 3] = [Tab::Ranking, Tab::Map, Tab::Profile];

/// What the embed page's link carries beyond the workbench's route: who embeds it and how it
/// should look (the explorer widget's parameters, read by the link module's parsers).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    pub eid: Option<String>,
    /// Origins the widget reports to; empty: any.
    pub allow: Vec<String>,
    pub theme: Theme,
    pub accent: Option<String>,
    pub bg: Option<String>,
    pub ink: Option<String>,
    /// An index of the partner's own, as the workbench downloads it (JSON), at this path on
    /// the widget's own host (`file=`): what an imported index needs to be embedded, since
    /// its data live only in the browser that imported it.
    pub file: Option<String>,
}

/// A path on the widget's own host to a JSON file: letters, digits and `._~/-`, ending in
/// `.json`, neither a scheme nor another host (`//`); `None` otherwise.
pub fn own_file(path: &str) -> Option<String> {
    let ok = !path.is_empty()
        && path.len() <= 200
        && !path.starts_with("//")
        && path.ends_with(".json")
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '~' | '/' | '-'));
    ok.then(|| path.to_string())
}

/// A file named as the loader reads it (beside embed.js, or from the host's root with a
/// leading `/`) as the widget's own link reads it: from the widget's folder, workbench/embed/,
/// two below embed.js.
fn widget_path(file: &str) -> String {
    if file.starts_with('/') {
        file.to_string()
    } else {
        format!("../../{file}")
    }
}

impl Frame {
    /// Splits the embed page's query into the route and the frame's settings; a parameter
    /// neither understands is named, as everywhere.
    pub fn parse(query: &str) -> (Route, Frame, Vec<Ignored>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut frame = Frame::default();
        let mut rest: Vec<&str> = Vec::new();
        let mut ignored = Vec::new();
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let value = decode(value);
            let ok = match key {
                "eid" => parse::eid(&value).map(|e| frame.eid = Some(e)).is_some(),
                "allow" => parse::origins(&value).map(|o| frame.allow = o).is_some(),
                "theme" => parse::theme(&value).map(|t| frame.theme = t).is_some(),
                "accent" => parse::colour(&value)
                    .map(|c| frame.accent = Some(c))
                    .is_some(),
                "bg" => parse::colour(&value).map(|c| frame.bg = Some(c)).is_some(),
                "ink" => parse::colour(&value).map(|c| frame.ink = Some(c)).is_some(),
                "file" => own_file(&value).map(|f| frame.file = Some(f)).is_some(),
                _ => {
                    rest.push(part);
                    continue;
                }
            };
            if !ok {
                ignored.push(Ignored(key.chars().take(40).collect()));
            }
        }
        let (route, more) = Route::parse(&rest.join("&"));
        ignored.extend(more);
        (route, frame, ignored)
    }

    /// The frame's settings as query parameters (for the Embed dialog's snippets).
    fn query(&self) -> String {
        let mut parts = Vec::new();
        if self.theme != Theme::Light {
            parts.push(format!("theme={}", self.theme.slug()));
        }
        if let Some(f) = &self.file {
            parts.push(format!("file={f}"));
        }
        parts.join("&")
    }
}

/// Reads the percent-escapes of a link's value (an origin list or a colour carries a few).
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(b'%'), Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let byte = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                out.push(
                    char::from_u32(byte)
                        .filter(char::is_ascii)
                        .unwrap_or('\u{fffd}'),
                );
                i += 3;
            }
            (Some(_), _, _) => {
                // A multi-byte character is copied whole.
                let len = text[i..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&text[i..i + len]);
                i += len;
            }
            _ => break,
        }
    }
    out
}

/// A partner's own index from `file` on this host (the workbench's JSON of an imported
/// index), built with `construction`; what is wrong with it is named instead.
async fn own_index(file: &str, construction: super::load::Construction) -> Loaded {
    // Read as JSON only (not through `Imported::entry`, which would bring every importer into
    // the widget).
    let name = file.rsplit('/').next().unwrap_or(file).to_string();
    let read = crate::fetch::text(file).await.and_then(|text| {
        let index =
            engine::composite::import::from_json(&name, &text, "").map_err(|e| e.to_string())?;
        Ok(super::load::Imported {
            format: super::load::ImportFormat::Json,
            files: vec![(name, text)],
            name: String::new(),
            construction,
        }
        .entry_of(index))
    });
    match read {
        Ok(entry) => Loaded {
            entries: vec![Rc::new(entry)],
            problems: Vec::new(),
        },
        Err(e) => Loaded {
            entries: Vec::new(),
            problems: vec![format!("{file}: {e}")],
        },
    }
}

/// The embed page: loads the one index its link names and shows one view of it.
#[component]
pub fn CompositeEmbed() -> Html {
    let parsed = use_memo((), |_| {
        let search = location_search();
        let (mut route, frame, ignored) = Frame::parse(&search);
        route.lang = crate::url::chosen_lang(&search, route.lang);
        (route, frame, ignored)
    });
    let (first, frame, ignored) = (*parsed).clone();
    // A unit picked in the card changes the view in place: no history entry in the host's page.
    let route = use_state(|| first.clone());
    let navigate: Navigate = {
        let route = route.clone();
        Callback::from(move |(next, _push): (Route, bool)| route.set(next))
    };
    let loaded = use_state(|| None::<Rc<Loaded>>);
    {
        let loaded = loaded.clone();
        let only = first.index.clone();
        let (file, construction) = (frame.file.clone(), first.construction.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let found = match file {
                    Some(file) => own_index(&file, construction).await,
                    None => load_all(DATA, only.as_deref()).await,
                };
                loaded.set(Some(Rc::new(found)));
            });
        });
    }
    let chosen = crate::i18n::load::use_messages(route.lang);
    let messages_ready = chosen.ready;
    let i18n: I18n = chosen.i18n.clone();
    {
        let colours = (
            frame.theme,
            frame.accent.clone(),
            frame.bg.clone(),
            frame.ink.clone(),
        );
        let lang = route.lang;
        use_effect_with((colours, lang), |((theme, accent, bg, ink), lang)| {
            apply_theme(
                *theme,
                &[
                    ("--accent", accent.clone()),
                    ("--paper", bg.clone()),
                    ("--ink", ink.clone()),
                ],
            );
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.slug());
                let _ = root.set_attribute("dir", lang.dir());
            }
        });
    }
    // Ready once the index is shown (or could not be), then the height whenever it changes.
    {
        let (eid, allow) = (frame.eid.clone(), frame.allow.clone());
        let (view, index) = (first.tab.slug().to_string(), first.index.clone());
        use_effect_with(loaded.is_some() && messages_ready, move |done| {
            if *done {
                let mut e = HostEvent::new("tie:ready", eid);
                e.view = Some(view);
                e.index = index;
                e.height = Some(content_height());
                post(&e, &allow);
            }
        });
    }
    {
        let (eid, allow) = (frame.eid.clone(), frame.allow.clone());
        use_effect_with((), move |_| {
            let last = std::cell::Cell::new(0u32);
            let callback = Closure::<dyn FnMut()>::new(move || {
                let h = content_height();
                if h != last.get() {
                    last.set(h);
                    let mut e = HostEvent::new("tie:height", eid.clone());
                    e.height = Some(h);
                    post(&e, &allow);
                }
            });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(body)) = (&observer, gloo::utils::document().body()) {
                o.observe(&body);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(callback);
            }
        });
    }
    if !messages_ready {
        return html! { <main class="embed wb-embed" id="main" aria-busy="true"></main> };
    }
    let body = match (&*loaded, super::not_ready(&i18n, loaded.as_deref())) {
        (Some(l), None) => html! {
            <Embedded loaded={l.clone()} route={(*route).clone()} {navigate} i18n={i18n.clone()} />
        },
        (_, notice) => notice.unwrap_or_default(),
    };
    html! {
        <main class="embed wb-embed" id="main">
            if let Some(problem) = &chosen.problem {
                <p class="notice" role="alert" lang="en" dir="ltr">{ problem }</p>
            }
            if !ignored.is_empty() {
                <p class="notice" role="status">{ i18n.f("wb-link-ignored", &[("names", &ignored.iter().map(|Ignored(n)| format!("`{n}`")).collect::<Vec<_>>().join(", "))]) }</p>
            }
            { body }
        </main>
    }
}

#[derive(Properties)]
struct EmbeddedProps {
    loaded: Rc<Loaded>,
    route: Route,
    navigate: Navigate,
    i18n: I18n,
}

impl PartialEq for EmbeddedProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.route == other.route
            && self.navigate == other.navigate
            && Rc::ptr_eq(&self.i18n, &other.i18n)
    }
}

/// One index, one view, its honesty notes and its sources, compactly.
#[component]
fn Embedded(props: &EmbeddedProps) -> Html {
    let EmbeddedProps {
        loaded,
        route,
        navigate,
        i18n,
    } = props;
    let Some((shown, found)) = views::use_shown(loaded, route, navigate, i18n, true) else {
        return html! {};
    };
    let entry = &shown.entry;
    let d = &entry.index.definition;
    let period = match &*shown.computed {
        Ok(c) => format!(", {}", c.period),
        Err(_) => String::new(),
    };
    let view = match route.tab {
        Tab::Ranking => html! { <views::Ranking shown={shown.clone()} /> },
        Tab::Map => html! { <views::MapView shown={shown.clone()} /> },
        Tab::Profile => html! { <views::Profile shown={shown.clone()} /> },
        _ => html! { <p class="notice">{ i18n.t("embed-unsupported") }</p> },
    };
    let full = {
        let mut r = route.clone();
        if r.index.is_none() {
            r.index = Some(d.id.clone());
        }
        format!("../{}", r.format())
    };
    let published = d.kind == engine::composite::IndexKind::Published;
    html! {
        <>
            <header class="embed-head">
                <h1>{ format!("{}{period}", i18n.local(&d.name)) }</h1>
                if !route.weights.is_empty() {
                    <p class="badge badge-custom" data-testid="custom-badge">{ i18n.t(if published { "wb-custom-weights" } else { "wb-your-weights" }) }</p>
                }
            </header>
            if route.index.is_some() && !found {
                <p class="notice" role="status">{ i18n.t("wb-unknown-index") }</p>
            }
            if d.kind == engine::composite::IndexKind::Explorer {
                <p class="callout">{ i18n.t("wb-own-index") }</p>
            }
            if shown.modelled() {
                <p class="callout">{ i18n.t("wb-model-scores") }</p>
            }
            { view }
            <footer class="embed-foot">
                <a href={full} target="_blank" rel="noopener" data-testid="full-view">{ i18n.t("embed-open-full") }</a>
                if !entry.cited.is_empty() {
                    <details class="sources">
                        <summary>{ i18n.f("wb-index-sources", &[("count", &entry.cited.len().to_string())]) }</summary>
                        <div class="sources-body">
                            <ul>{ for entry.cited.iter().map(|id| views::source_item(entry, id, i18n)) }</ul>
                        </div>
                    </details>
                }
            </footer>
        </>
    }
}

/// The embed's link for `route` shown as `kind`, with the frame's settings.
pub fn embed_query(route: &Route, index: &str, kind: Tab, frame: &Frame) -> String {
    let r = Route {
        lang: route.lang,
        index: Some(index.to_string()),
        period: route.period,
        tab: kind,
        unit: (kind == Tab::Profile).then(|| route.unit.clone()).flatten(),
        weights: route.weights.clone(),
        construction: route.construction.clone(),
        ..Route::default()
    };
    let mut query = r.format();
    let more = frame.query();
    if !more.is_empty() {
        query.push(if query.is_empty() { '?' } else { '&' });
        query.push_str(&more);
    }
    query
}

/// The loader's attributes for the same embed (`embed.js` maps them to the link).
pub fn element_attributes(route: &Route, index: &str, kind: Tab, frame: &Frame) -> Vec<String> {
    let view = match kind {
        Tab::Profile => "card",
        Tab::Map => "map",
        _ => "ranking",
    };
    let mut attrs = vec![format!("index=\"{index}\""), format!("view=\"{view}\"")];
    if let Some(p) = route.period {
        attrs.push(format!("year=\"{p}\""));
    }
    if let (Tab::Profile, Some(u)) = (kind, &route.unit) {
        attrs.push(format!("country=\"{u}\""));
    }
    if !route.weights.is_empty() {
        let w: Vec<String> = route
            .weights
            .iter()
            .map(|(c, v)| format!("{c}:{v}"))
            .collect();
        attrs.push(format!("weights=\"{}\"", w.join(";")));
    }
    if route.lang != Lang::En {
        attrs.push(format!("lang=\"{}\"", route.lang.slug()));
    }
    if frame.theme != Theme::Light {
        attrs.push(format!("theme=\"{}\"", frame.theme.slug()));
    }
    let pipe = route.construction.format();
    if !pipe.is_empty() {
        attrs.push(format!("pipe=\"{pipe}\""));
    }
    attrs
}

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub shown: Shown,
}

/// "Embed…": the snippets (the resizing widget and a plain iframe) for this index in the
/// chosen view, with a live preview, as the explorer's own Embed dialog writes them.
#[component]
pub fn EmbedDialog(props: &DialogProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let dialog = use_node_ref();
    let initial = if KINDS.contains(&s.route.tab) {
        s.route.tab
    } else {
        Tab::Ranking
    };
    let kind = use_state(|| initial);
    let theme = use_state(Theme::default);
    // An imported index is embedded from a copy of its JSON on the partner's site, beside
    // embed.js: its name there.
    let file = use_state(|| IMPORTED_FILE.to_string());
    let is_open = use_state(|| false);
    let status = use_state(String::new);
    let open = {
        let (dialog, kind, is_open) = (dialog.clone(), kind.clone(), is_open.clone());
        Callback::from(move |_: MouseEvent| {
            kind.set(initial);
            is_open.set(true);
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let onclose = {
        let is_open = is_open.clone();
        Callback::from(move |_: Event| is_open.set(false))
    };
    // Closed, the dialog is an empty element: the snippets are written only while it is open
    // (not on every slider movement of the ranking it sits on).
    if !*is_open {
        return html! {
            <>
                <button type="button" class="secondary" onclick={open} data-testid="wb-embed-open">{ i18n.t("wb-embed-button") }</button>
                <dialog ref={dialog} class="embed-dialog" {onclose}></dialog>
            </>
        };
    }
    let d = &s.entry.index.definition;
    let mut route = s.route.clone();
    if *kind == Tab::Profile && route.unit.is_none() {
        route.unit = s.focus_code();
    }
    let imported = s.entry.imported.is_some();
    let file_name = own_file(&file).unwrap_or_else(|| IMPORTED_FILE.to_string());
    let frame = Frame {
        theme: *theme,
        file: imported.then(|| widget_path(&file_name)),
        ..Frame::default()
    };
    let here = crate::export::page_folder();
    let src = format!("{here}embed/{}", embed_query(&route, &d.id, *kind, &frame));
    let what = i18n.t(&kind_key(*kind));
    let title = i18n.f(
        "wb-embed-frame-title",
        &[("what", &what), ("index", d.short.get(s.route.lang.slug()))],
    );
    let mut attrs = element_attributes(&route, &d.id, *kind, &frame);
    if imported {
        // The loader reads `file` from embed.js's folder.
        attrs.push(format!("file=\"{file_name}\""));
    }
    attrs.push(format!("title=\"{}\"", crate::markup::attribute(&title)));
    // embed.js sits beside the explorer, one folder above the workbench.
    let loader = here
        .strip_suffix("workbench/")
        .map_or_else(|| format!("{here}../"), str::to_string);
    let element = format!(
        "<script src=\"{loader}embed.js\" defer></script>\n<torture-index-embed {}></torture-index-embed>",
        attrs.join(" ")
    );
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" style=\"border:0\" loading=\"lazy\"></iframe>",
        crate::markup::attribute(&src),
        crate::markup::attribute(&title)
    );
    let copy = |text: String| {
        let (ok, fail) = (i18n.t("wb-embed-copied"), i18n.t("wb-embed-copy-failed"));
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (text, ok, fail, status) = (text.clone(), ok.clone(), fail.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let done = crate::export::copy_text(&text).await;
                status.set(if done { ok } else { fail });
            });
        })
    };
    let onkind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            kind.set(
                Tab::parse(&select.value())
                    .filter(|t| KINDS.contains(t))
                    .unwrap_or_default(),
            );
        })
    };
    let ontheme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            theme.set(parse::theme(&select.value()).unwrap_or_default());
        })
    };
    let onfile = {
        let file = file.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            file.set(input.value());
        })
    };
    // Saved under the name's last part (a browser saves a download in one folder).
    let saved = file_name
        .rsplit('/')
        .next()
        .unwrap_or(IMPORTED_FILE)
        .to_string();
    let download = {
        let (entry, name) = (s.entry.clone(), saved.clone());
        Callback::from(move |_: MouseEvent| {
            entry.download_json(&name);
        })
    };
    html! {
        <>
            <button type="button" class="secondary" onclick={open} data-testid="wb-embed-open">{ i18n.t("wb-embed-button") }</button>
            <dialog ref={dialog} class="embed-dialog" aria-labelledby="wb-embed-title" {onclose}>
                <h2 id="wb-embed-title">{ i18n.t("wb-embed-title") }</h2>
                <p class="hint">{ i18n.t("wb-embed-intro") }</p>
                if imported {
                    <p class="callout" data-testid="wb-embed-imported">{ i18n.t("wb-embed-imported") }</p>
                    <div class="field">
                        <label for="wb-embed-file">{ i18n.t("wb-embed-file") }</label>
                        <input id="wb-embed-file" type="text" value={(*file).clone()} oninput={onfile}
                            autocomplete="off" spellcheck="false" aria-describedby="wb-embed-file-hint" />
                        <p class="hint" id="wb-embed-file-hint">{
                            if own_file(&file).is_some() { i18n.t("wb-embed-file-hint") } else { i18n.t("wb-embed-file-bad") }
                        }</p>
                        <button type="button" class="secondary" onclick={download}>{ i18n.f("wb-embed-file-download", &[("file", &saved)]) }</button>
                    </div>
                }
                <div class="switcher">
                    <div class="field">
                        <label for="wb-embed-kind">{ i18n.t("wb-embed-what") }</label>
                        <select id="wb-embed-kind" onchange={onkind}>
                            { for KINDS.iter().map(|k| html! {
                                <option value={k.slug()} selected={*k == *kind}>{ i18n.t(&kind_key(*k)) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="wb-embed-theme">{ i18n.t("wb-embed-theme") }</label>
                        <select id="wb-embed-theme" onchange={ontheme}>
                            <option value={Theme::Light.slug()} selected={*theme == Theme::Light}>{ i18n.t("wb-embed-theme-light") }</option>
                            <option value={Theme::Dark.slug()} selected={*theme == Theme::Dark}>{ i18n.t("wb-embed-theme-dark") }</option>
                        </select>
                    </div>
                </div>
                if *kind == Tab::Profile {
                    <p class="hint">{ i18n.f("wb-embed-card-of", &[("unit", &route.unit.as_deref().and_then(|c| s.entry.index.data.dataset.unit_index(c)).map_or(String::new(), |u| s.unit_name(u)))]) }</p>
                }
                <div class="field">
                    <label for="wb-embed-element">{ i18n.t("wb-embed-code-element") }</label>
                    <textarea id="wb-embed-element" readonly=true rows="3" value={element.clone()} data-testid="wb-embed-element" />
                    <button type="button" class="secondary" onclick={copy(element)}>{ i18n.t("wb-embed-copy-element") }</button>
                </div>
                <div class="field">
                    <label for="wb-embed-iframe">{ i18n.t("wb-embed-code-iframe") }</label>
                    <textarea id="wb-embed-iframe" readonly=true rows="3" value={iframe.clone()} data-testid="wb-embed-iframe" />
                    <button type="button" class="secondary" onclick={copy(iframe)}>{ i18n.t("wb-embed-copy-iframe") }</button>
                </div>
                <p role="status" class="hint">{ (*status).clone() }</p>
                <p class="hint">{ i18n.t("wb-embed-hint") }</p>
                <h3>{ i18n.t("wb-embed-preview") }</h3>
                if imported {
                    <p class="hint" data-testid="wb-embed-no-preview">{ i18n.t("wb-embed-no-preview") }</p>
                } else {
                    <iframe class="embed-preview" src={src} title={title} data-testid="wb-embed-preview"></iframe>
                }
                <div class="dialog-actions">
                    <button type="button" onclick={close}>{ i18n.t("wb-embed-close") }</button>
                </div>
            </dialog>
        </>
    }
}

/// The message key of a kind's name in the dialog.
fn kind_key(kind: Tab) -> String {
    format!("wb-embed-kind-{}", kind.slug())
}

/// The message keys built at run time, for the i18n tests.
#[cfg(test)]
pub(crate) fn generated_message_keys() -> Vec<String> {
    KINDS.into_iter().map(kind_key).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_takes_its_own_parameters_and_leaves_the_route_to_the_route() {
        let (route, frame, ignored) = Frame::parse(
            "?index=open-indicators&view=map&eid=tie-1&allow=https%3A%2F%2Fpartner.example&theme=dark&accent=%23aa0000&period=2020",
        );
        assert_eq!(route.index.as_deref(), Some("open-indicators"));
        assert_eq!(route.tab, Tab::Map);
        assert_eq!(route.period, Some(2020));
        assert_eq!(frame.eid.as_deref(), Some("tie-1"));
        assert_eq!(frame.allow, vec!["https://partner.example".to_string()]);
        assert_eq!(frame.theme, Theme::Dark);
        assert_eq!(frame.accent.as_deref(), Some("#aa0000"));
        assert!(ignored.is_empty(), "{ignored:?}");
    }

    #[test]
    fn bad_frame_parameters_are_named_and_the_rest_applies() {
        let (route, frame, ignored) = Frame::parse(
            "index=open-indicators&eid=<x>&allow=javascript:1&theme=neon&bg=red&zz=1&unit=KGZ",
        );
        assert_eq!(route.unit.as_deref(), Some("KGZ"));
        assert_eq!(frame, Frame::default());
        let names: Vec<&str> = ignored.iter().map(|Ignored(n)| n.as_str()).collect();
        assert_eq!(names, ["eid", "allow", "theme", "bg", "zz"]);
    }

    /// A partner's own index: a JSON file on the widget's host, never another host's.
    #[test]
    fn the_file_is_a_json_path_on_this_host() {
        let (route, frame, ignored) =
            Frame::parse("?index=imported&file=%2Fsite%2Fpartner%2Fasem.json&pipe=nrm:zscore");
        assert_eq!(frame.file.as_deref(), Some("/site/partner/asem.json"));
        assert_eq!(route.construction.format(), "nrm:zscore");
        assert!(ignored.is_empty(), "{ignored:?}");
        for bad in [
            "https://elsewhere.example/x.json",
            "//elsewhere.example/x.json",
            "x.csv",
            "a b.json",
            "javascript:x.json",
            "",
        ] {
            assert_eq!(own_file(bad), None, "{bad}");
        }
        assert_eq!(
            own_file("../../my-index.json").as_deref(),
            Some("../../my-index.json")
        );
        let (_, frame, ignored) = Frame::parse("file=https%3A%2F%2Felsewhere.example%2Fx.json");
        assert_eq!(frame.file, None);
        assert_eq!(ignored, vec![Ignored("file".into())]);
    }

    /// The iframe's link finds the file where the loader does: beside embed.js, or at the
    /// host's root for a path that starts with `/` (not `../..//`, another host's form).
    #[test]
    fn the_iframe_reads_the_file_where_the_loader_does() {
        assert_eq!(widget_path("my-index.json"), "../../my-index.json");
        assert_eq!(widget_path("partner/asem.json"), "../../partner/asem.json");
        assert_eq!(widget_path("/indices/asem.json"), "/indices/asem.json");
        assert!(own_file(&widget_path("/indices/asem.json")).is_some());
    }

    /// The snippets of an imported index carry its construction and its file.
    #[test]
    fn an_imported_index_snippet_carries_its_construction_and_file() {
        let (route, _) = Route::parse("?index=imported&pipe=nrm:zscore,agg:geom");
        let frame = Frame {
            file: Some("../../my-index.json".into()),
            ..Frame::default()
        };
        let query = embed_query(&route, "imported", Tab::Ranking, &frame);
        assert!(
            query.contains("pipe=nrm:zscore,agg:geom") || query.contains("pipe=nrm%3Azscore"),
            "{query}"
        );
        assert!(query.ends_with("file=../../my-index.json"), "{query}");
        let attrs = element_attributes(&route, "imported", Tab::Ranking, &frame);
        assert!(
            attrs.contains(&"pipe=\"nrm:zscore,agg:geom\"".to_string()),
            "{attrs:?}"
        );
    }

    #[test]
    fn decode_reads_escapes_and_keeps_everything_else() {
        assert_eq!(decode("https%3A%2F%2Fa.example%2Cb"), "https://a.example,b");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("страна%20"), "страна ");
        assert_eq!(decode("%E2"), "\u{fffd}");
    }

    #[test]
    fn snippets_carry_the_view_the_card_s_unit_and_the_weights() {
        let (route, _) = Route::parse(
            "?index=open-indicators&view=profile&unit=KGZ&w=pts:2;rol:0.5&lang=ru&period=2020",
        );
        let frame = Frame {
            theme: Theme::Dark,
            ..Frame::default()
        };
        let q = embed_query(&route, "open-indicators", Tab::Profile, &frame);
        assert_eq!(
            q,
            "?lang=ru&index=open-indicators&period=2020&view=profile&unit=KGZ&w=pts:2;rol:0.5&theme=dark"
        );
        let (back, f, ignored) = Frame::parse(&q);
        assert!(ignored.is_empty());
        assert_eq!(
            (back.tab, back.unit.as_deref(), f.theme),
            (Tab::Profile, Some("KGZ"), Theme::Dark)
        );
        // The ranking and the map take no unit.
        let q = embed_query(&route, "open-indicators", Tab::Map, &Frame::default());
        assert!(!q.contains("unit=") && q.contains("view=map"), "{q}");
        let attrs = element_attributes(&route, "open-indicators", Tab::Profile, &frame).join(" ");
        assert_eq!(
            attrs,
            "index=\"open-indicators\" view=\"card\" year=\"2020\" country=\"KGZ\" weights=\"pts:2;rol:0.5\" lang=\"ru\" theme=\"dark\""
        );
    }
}
