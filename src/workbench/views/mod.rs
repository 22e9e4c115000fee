//! The workbench's views. They read the derived state ([`super::compute`]) and the index's
//! definition, and format; they compute nothing of their own.

use std::cell::RefCell;
use std::rc::Rc;

use engine::composite::{NodeKind, Rule, Value};
use engine::Basis;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::Messages;

use super::compute::{self, Computed};
use super::load::Entry;
use super::route::{Route, Tab, DEFAULT_SPREAD, MAX_COMPARE, MAX_WEIGHT, SPREADS};
use super::worker::{Reply, Request, Runner, DRAWS, SEED};
use super::{Loaded, Navigate};
use crate::i18n::I18n;
use engine::composite::import::IMPORTED_ID;

mod agreement;
mod map;
mod profile;
mod ranking;
mod robustness;
mod simulate;
mod trend;

pub(crate) use agreement::*;
pub(crate) use map::*;
pub(crate) use profile::*;
pub(crate) use ranking::*;
pub(crate) use robustness::*;
pub(crate) use simulate::*;
pub(crate) use trend::*;

/// Fills of a band scheme's bands, worst first (the explorer's five band colours; a scheme
/// with fewer bands takes colours spread across them).
const RAMP: [&str; 5] = ["#7a0019", "#c8372d", "#ee8a3c", "#f6d35b", "#8cc58a"];
const NO_DATA: &str = "#e4e6ea";

/// The ramp position of band `i` of `n` (0 = worst).
pub fn ramp_step(i: usize, n: usize) -> usize {
    if n <= 1 {
        return 4;
    }
    ((i * 4 + (n - 1) / 2) / (n - 1)).min(4)
}

/// A number as the page shows it: at most `max` decimals, trailing zeros dropped.
pub(crate) fn short_number(i18n: &I18n, x: f64, max: usize) -> String {
    let text = format!("{x:.max$}");
    let decimals = text
        .split_once('.')
        .map_or(0, |(_, f)| f.trim_end_matches('0').len());
    i18n.num(x, decimals)
}

#[derive(Properties)]
pub struct BenchProps {
    pub loaded: Rc<Loaded>,
    pub route: Route,
    pub navigate: Navigate,
    pub i18n: I18n,
}

impl PartialEq for BenchProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &other.loaded)
            && self.route == other.route
            && self.navigate == other.navigate
            && Rc::ptr_eq(&self.i18n, &other.i18n)
    }
}

/// A prepared period, shared: `None` without a period.
pub type Prepared = Rc<RefCell<Option<Result<engine::composite::PreparedIndex, String>>>>;

/// What every view reads: the index shown, the route, and the derived state.
#[derive(Clone)]
pub struct Shown {
    /// Every index loaded (the agreement view compares two).
    pub loaded: Rc<Loaded>,
    pub entry: Rc<Entry>,
    pub route: Route,
    pub computed: Rc<Result<Computed, String>>,
    /// The period prepared for recomputes, which `computed` was scored from (the robustness
    /// view's sensitivity and ranks per rule score it too).
    pub prepared: Prepared,
    pub weights: Rc<Vec<f64>>,
    pub navigate: Navigate,
    pub i18n: I18n,
    /// Shown in the embed page: links open the full workbench in a new tab.
    pub embedded: bool,
}

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.entry, &other.entry)
            && Rc::ptr_eq(&self.loaded, &other.loaded)
            && Rc::ptr_eq(&self.computed, &other.computed)
            && Rc::ptr_eq(&self.prepared, &other.prepared)
            && self.route == other.route
            && self.navigate == other.navigate
            && Rc::ptr_eq(&self.i18n, &other.i18n)
            && self.embedded == other.embedded
    }
}

impl Shown {
    pub(crate) fn lang(&self) -> &'static str {
        self.route.lang.slug()
    }

    pub(crate) fn units(&self) -> &[engine::composite::Unit] {
        &self.entry.index.data.dataset.units
    }

    pub(crate) fn unit_name(&self, u: usize) -> String {
        self.units()
            .get(u)
            .map_or(String::new(), |x| self.i18n.unit(x))
    }

    fn decimals(&self) -> usize {
        if self.entry.index.definition.scale.is_some() {
            1
        } else {
            2
        }
    }

    fn score_text(&self, score: Option<f64>) -> String {
        score.map_or_else(
            || self.i18n.t("wb-no-score"),
            |s| self.i18n.num(s, self.decimals()),
        )
    }

    fn band_count(&self) -> usize {
        self.entry
            .index
            .definition
            .band_scheme()
            .map_or(0, |s| s.len())
    }

    fn band_name(&self, band: usize) -> String {
        self.entry
            .index
            .definition
            .band_scheme()
            .and_then(|s| s.bands().get(band))
            .map_or_else(String::new, |b| self.i18n.local(&b.name))
    }

    fn band_class(&self, band: usize) -> String {
        format!("swatch wb-fill-{}", ramp_step(band, self.band_count()))
    }

    fn band_cell(&self, band: Option<usize>) -> Html {
        match band {
            Some(b) => html! {
                <span class="band-label"><span class={self.band_class(b)} aria-hidden="true"></span>{ self.band_name(b) }</span>
            },
            None => html! {},
        }
    }

    fn basis_text(&self, basis: Basis) -> String {
        match basis {
            Basis::Recomputed => String::new(),
            Basis::PublishedBandOnly => self.i18n.t("wb-basis-published"),
            Basis::NotPublished => self.i18n.t("wb-basis-none"),
        }
    }

    /// Whether the scores are the explorer's model of a published index (computed from its
    /// components, as for an index that publishes bands), not figures its publisher gives.
    pub(crate) fn modelled(&self) -> bool {
        let d = &self.entry.index.definition;
        d.kind == engine::composite::IndexKind::Published
            && d.normalisation != engine::composite::Normalisation::None
    }

    /// Which weights the scores use, as captions and exports say it; other weights than the
    /// framework's on a published index make a variant, never the official index.
    fn weights_state(&self) -> String {
        let published = self.entry.index.definition.kind == engine::composite::IndexKind::Published;
        match (self.route.weights.is_empty(), published) {
            (true, _) => self.i18n.t("wb-framework-weights"),
            (false, true) => self.i18n.t("wb-custom-weights"),
            (false, false) => self.i18n.t("wb-your-weights"),
        }
    }

    /// The route with one change.
    fn with(&self, f: impl FnOnce(&mut Route)) -> Route {
        let mut r = self.route.clone();
        f(&mut r);
        r
    }

    /// A real link to another route that, on a plain click, changes view without reloading.
    fn link(&self, to: Route, text: String, current: bool) -> Html {
        let href = self.href(&to.format());
        if self.embedded {
            return html! { <a {href} target="_blank" rel="noopener">{ text }</a> };
        }
        let navigate = self.navigate.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0) {
                e.prevent_default();
                navigate.emit((to.clone(), true));
            }
        });
        html! { <a {href} {onclick} aria-current={current.then_some("page")}>{ text }</a> }
    }

    /// The address of a query: on this page, or, embedded, on the full workbench one folder up.
    fn href(&self, query: &str) -> String {
        let page = if self.embedded { "../" } else { "./" };
        format!("{page}{query}")
    }

    /// The code of the unit a view is about.
    pub(crate) fn focus_code(&self) -> Option<String> {
        self.units().get(self.focus_unit()?).map(|u| u.code.clone())
    }

    /// The unit a view is about: the route's, else the top-ranked one.
    fn focus_unit(&self) -> Option<usize> {
        let d = &self.entry.index.data.dataset;
        self.route
            .unit
            .as_deref()
            .and_then(|c| d.unit_index(c))
            .or_else(|| match &*self.computed {
                Ok(c) => c.standings.order.first().copied(),
                Err(_) => None,
            })
            .or((!d.units.is_empty()).then_some(0))
    }

    /// What a view about one unit needs: the scores, the unit's position and the unit; or
    /// what to show instead (the scores cannot be computed, or the index has no unit).
    fn unit_view(&self) -> Result<(&Computed, usize, &engine::composite::Unit), Html> {
        let c = self
            .computed
            .as_ref()
            .as_ref()
            .map_err(|e| error_notice(&self.i18n, e))?;
        let u = self
            .focus_unit()
            .ok_or_else(|| html! { <p>{ self.i18n.t("wb-no-units") }</p> })?;
        let unit = self
            .units()
            .get(u)
            .ok_or_else(|| html! { <p>{ self.i18n.t("wb-no-units") }</p> })?;
        Ok((c, u, unit))
    }

    /// Units in name order (for pickers).
    fn units_by_name(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.units().len()).collect();
        order.sort_by_cached_key(|a| self.unit_name(*a));
        order
    }

    fn sources_of(&self, period: i32, unit: &str, indicator: &str) -> Html {
        let d = &self.entry.index;
        let provenance = d.data.dataset.provenance(period, unit, indicator);
        let ids: Vec<String> = match provenance {
            Some(p) if !p.sources.is_empty() => p.sources.clone(),
            _ => d
                .definition
                .sources
                .get(indicator)
                .map(|(ids, _)| ids.clone())
                .unwrap_or_default(),
        };
        let note =
            provenance.and_then(|p| self.i18n.text_opt(p.note.as_deref()).map(str::to_string));
        let links = ids.iter().map(|id| match self.entry.source(id) {
            Some(s) => match &s.url {
                Some(url) => html! { <li><a href={url.clone()} rel="noreferrer">{ &s.title }</a>{ format!(" ({})", s.publisher) }</li> },
                None => html! { <li>{ format!("{} ({})", s.title, s.publisher) }</li> },
            },
            None => html! { <li>{ id }</li> },
        });
        html! {
            <>
                <ul class="wb-sources">{ for links }</ul>
                if let Some(n) = note { <p class="cell-note">{ n }</p> }
            </>
        }
    }
}

/// The derived state every view reads, for the index the route names (else the first
/// loaded), and whether the route's index was found; `None` if nothing is loaded. Links in an
/// `embedded` view open the full workbench in a new tab.
#[hook]
pub fn use_shown(
    loaded: &Rc<Loaded>,
    route: &Route,
    navigate: &Navigate,
    i18n: &I18n,
    embedded: bool,
) -> Option<(Shown, bool)> {
    let found = route.index.as_ref().and_then(|id| {
        loaded
            .entries
            .iter()
            .position(|e| &e.index.definition.id == id)
    });
    let pos = found.unwrap_or(0);
    // Only rendered with at least one index, and `loaded` never changes under a component.
    let entry = loaded.entries.get(pos).cloned()?;
    // An imported index is rebuilt with the construction the link asks for (the embed build
    // shows bundled indices only, and carries no importer).
    #[cfg(not(feature = "composite-embed"))]
    let entry = {
        let base = entry.clone();
        let rebuilt = use_memo(
            (Rc::as_ptr(&base) as usize, route.construction.clone()),
            move |(_, construction)| match &base.imported {
                Some(files) if files.construction != *construction => {
                    base.rebuilt(construction).map(Rc::new)
                }
                _ => None,
            },
        );
        (*rebuilt).clone().unwrap_or(entry)
    };
    let period = compute::period(&entry, route);
    let weights = compute::weights(&entry, route);
    // Which entry, not only where: an index imported again takes the same place.
    let identity = Rc::as_ptr(&entry) as usize;
    let prepared = {
        let entry = entry.clone();
        use_memo((pos, identity, period), move |(_, _, period)| {
            RefCell::new(period.map(|p| compute::prepare(&entry, p)))
        })
    };
    let computed = {
        let entry = entry.clone();
        let prepared = prepared.clone();
        use_memo(
            (pos, identity, period, weights.clone()),
            move |(_, _, _, weights)| match &mut *prepared.borrow_mut() {
                Some(Ok(p)) => compute::score(p, &entry, weights),
                Some(Err(e)) => Err(e.clone()),
                None => Err(String::new()),
            },
        )
    };
    let shown = Shown {
        loaded: loaded.clone(),
        entry,
        route: route.clone(),
        computed,
        prepared,
        weights: Rc::new(weights),
        navigate: navigate.clone(),
        i18n: i18n.clone(),
        embedded,
    };
    Some((shown, found.is_some()))
}

#[component]
pub fn Bench(props: &BenchProps) -> Html {
    let BenchProps {
        loaded,
        route,
        navigate,
        i18n,
    } = props;
    let Some((shown, found)) = use_shown(loaded, route, navigate, i18n, false) else {
        return html! {};
    };
    let entry = shown.entry.clone();
    // An imported index as the explorer writes it (JSON), built when it is asked for (a large
    // index's text takes a while to write, and most visits never download it).
    let download = {
        let entry = entry.clone();
        (*use_memo(Rc::as_ptr(&entry) as usize, move |_| {
            Callback::from(move |_: MouseEvent| {
                entry.download_json("imported-index.json");
            })
        }))
        .clone()
    };
    let period = compute::period(&entry, route);
    let d = &entry.index.definition;
    {
        let title = format!(
            "{} · {} · {}",
            i18n.t(route.tab.key()),
            i18n.local(&d.short),
            i18n.t("wb-title")
        );
        use_effect_with(title, |t| gloo::utils::document().set_title(t));
    }
    let onindex = {
        let navigate = navigate.clone();
        let route = route.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let next = Route {
                lang: route.lang,
                tab: route.tab,
                index: Some(select.value()),
                ..Route::default()
            };
            navigate.emit((next, true));
        })
    };
    let onperiod = {
        let navigate = navigate.clone();
        let route = route.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = route.clone();
            next.period = select.value().parse().ok();
            next.edits.clear();
            navigate.emit((next, false));
        })
    };
    let tabs = Tab::ALL
        .iter()
        .filter(|t| **t != Tab::Trend || d.periods.len() > 1)
        .filter(|t| **t != Tab::Agreement || loaded.entries.len() > 1)
        .map(|t| {
            let to = shown.with(|r| r.tab = *t);
            html! { <li>{ shown.link(to, i18n.t(t.key()), *t == route.tab) }</li> }
        });
    let own = d.kind == engine::composite::IndexKind::Explorer;
    let view = match route.tab {
        Tab::Ranking => html! { <Ranking shown={shown.clone()} /> },
        Tab::Profile => html! { <Profile shown={shown.clone()} /> },
        Tab::Map => html! { <MapView shown={shown.clone()} /> },
        Tab::Trend => html! { <Trend shown={shown.clone()} /> },
        Tab::Agreement => html! { <AgreementView shown={shown.clone()} /> },
        Tab::Simulate => html! { <Simulate shown={shown.clone()} /> },
        Tab::Robustness => html! { <Robustness shown={shown.clone()} /> },
    };
    html! {
            <>
                if route.index.as_deref() == Some(IMPORTED_ID) && !found {
                    <div class="notice" role="status"><p>{ i18n.t("wb-imported-missing") }</p></div>
                } else if route.index.is_some() && !found {
                    <div class="notice" role="status"><p>{ i18n.t("wb-unknown-index") }</p></div>
                }
                if !loaded.problems.is_empty() {
                    <details class="notice notice-error wb-problems">
                        <summary>{ i18n.f("wb-problems", &[("count", &loaded.problems.len().to_string())]) }</summary>
                        <ul>{ for loaded.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    </details>
                }
                { pickers(
                    ("wb-index", i18n.t("wb-index"), "wb-period", i18n.t("wb-period")),
                    loaded.entries.iter().map(|e| &**e),
                    d,
                    period,
                    i18n,
                    (onindex, onperiod),
                ) }
                <section class="wb-about" aria-labelledby="wb-index-name">
                    <h2 id="wb-index-name">{ i18n.local(&d.name) }</h2>
                    <p>
                        if !d.publisher.is_empty() {
                            { i18n.f("wb-publisher", &[("publisher", &d.publisher)]) }
                            { " " }
                        }
                        { i18n.f("wb-shape", &[
                            ("units", &entry.index.data.dataset.units.len().to_string()),
                            ("indicators", &d.hierarchy.indicator_count().to_string()),
                            ("levels", &d.hierarchy.levels().to_string()),
                        ]) }
                    </p>
                    if own {
                        <p class="callout">{ i18n.t("wb-own-index") }</p>
                    }
                    if d.kind == engine::composite::IndexKind::Imported {
                        <p class="callout" data-testid="imported">{ i18n.t("wb-imported-callout") }</p>
                    }
                    if shown.modelled() {
                        <p class="callout" data-testid="model-scores">{ i18n.t("wb-model-scores") }</p>
                    }
                    if entry.imported.is_some() {
                        <super::import::ConstructionPanel route={route.clone()} navigate={navigate.clone()} i18n={i18n.clone()}
                            groups={entry.index.data.dataset.units.iter().flat_map(|u| u.groups.keys().cloned()).collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>()}
                            denominators={!entry.index.data.dataset.denominators.is_empty()}
                        {download} />
                    }
    if !entry.cited.is_empty() {
                                    <details class="sources">
                        <summary>{ i18n.f("wb-index-sources", &[("count", &entry.cited.len().to_string())]) }</summary>
                        <div class="sources-body">
                            <ul>{ for entry.cited.iter().map(|id| source_item(&entry, id, i18n)) }</ul>
                        </div>
                    </details>
                    }
                </section>
                <nav class="chips" aria-label={i18n.t("wb-views")}><ul>{ for tabs }</ul></nav>
                // The ranking's share bar has its own; the map and a profile can be embedded too.
                if matches!(route.tab, Tab::Map | Tab::Profile) {
                    <div class="share-bar">{ embed_button(&shown) }</div>
                }
                { view }
            </>
        }
}

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub shown: Shown,
}

/// The weight sliders: one fieldset per aggregate with more than one component.
#[component]
fn Weights(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let h = &s.entry.index.definition.hierarchy;
    // The top of the framework first, then level by level down to the indicators.
    let mut parents: Vec<(usize, &engine::composite::Node)> = h
        .nodes()
        .iter()
        .enumerate()
        .filter(|(i, n)| n.kind != NodeKind::Indicator && h.children_of(*i).len() > 1)
        .collect();
    parents.sort_by_key(|(i, n)| (std::cmp::Reverse(n.level), *i));
    let top = h.roots().first().copied();
    let groups: Vec<Html> = parents
        .into_iter()
        .map(|(i, parent)| {
            let sliders = h.children_of(i).iter().filter_map(|&c| {
                let node = h.nodes().get(c)?;
                let value = s.weights.get(c).copied().unwrap_or(node.weight);
                let id = format!("wb-w-{}", node.code);
                let oninput = {
                    let navigate = s.navigate.clone();
                    let route = s.route.clone();
                    let (code, framework) = (node.code.clone(), node.weight);
                    Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        if let Ok(w) = input.value().parse::<f64>() {
                            let mut next = route.clone();
                            next.set_weight(&code, w.clamp(0.0, MAX_WEIGHT), framework);
                            navigate.emit((next, false));
                        }
                    })
                };
                Some(html! {
                    <div class="slider">
                        <label for={id.clone()}>{ i18n.local(&node.name) }</label>
                        <div class="slider-row">
                            <input type="range" id={id.clone()} min="0" max={MAX_WEIGHT.to_string()} step="0.5"
                                value={value.to_string()} {oninput} />
                            <output for={id}>{ short_number(i18n, value, 2) }</output>
                        </div>
                    </div>
                })
            });
            html! {
                <fieldset>
                    <legend>{ if Some(i) == top { i18n.t("wb-weights-top") } else { i18n.f("wb-weights-of", &[("name", &i18n.local(&parent.name))]) } }</legend>
                    { for sliders }
                </fieldset>
            }
        })
        .collect();
    let reset = {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        Callback::from(move |_| {
            let mut next = route.clone();
            next.weights.clear();
            navigate.emit((next, false));
        })
    };
    html! {
        <aside class="weights" aria-labelledby="wb-weights-title">
            <h2 id="wb-weights-title">{ i18n.t("wb-weights") }</h2>
            if groups.is_empty() {
                <p>{ i18n.t("wb-no-weights") }</p>
            } else {
                <p>{ i18n.t("wb-weights-help") }</p>
                { for groups }
                <button type="button" class="secondary" onclick={reset}
                    disabled={s.route.weights.is_empty()}>{ i18n.t("wb-reset-weights") }</button>
            }
        </aside>
    }
}

fn error_notice(i18n: &I18n, e: &str) -> Html {
    html! {
        <div class="notice notice-error" role="alert">
            <p>{ i18n.t("wb-cannot-compute") }</p>
            if !e.is_empty() { <p>{ e }</p> }
        </div>
    }
}

/// One select per group key the units carry (`group.<key>` in the units file): every value,
/// named in the page's language where the data give a name (`group.<key>.<lang>`).
fn group_filters(
    s: &Shown,
    chosen: &UseStateHandle<std::collections::BTreeMap<String, String>>,
) -> Vec<Html> {
    let i18n = &s.i18n;
    let lang = s.lang();
    let mut keys: Vec<&str> = s
        .units()
        .iter()
        .flat_map(|u| u.groups.keys())
        .map(String::as_str)
        .filter(|k| !k.contains('.'))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|key| {
            // value -> its name in this language
            let mut values: Vec<(String, String)> = s
                .units()
                .iter()
                .filter_map(|u| {
                    let v = u.groups.get(key)?;
                    // A file's own `group.<key>.<lang>` column, else the catalog's.
                    let name = u
                        .groups
                        .get(&format!("{key}.{lang}"))
                        .map_or_else(|| i18n.text(v).to_string(), String::clone);
                    Some((v.clone(), name))
                })
                .collect();
            values.sort_by(|a, b| a.1.cmp(&b.1));
            values.dedup();
            let label_key = format!("wb-group-{key}");
            let label = match i18n.t(&label_key) {
                t if t == label_key => key.to_string(),
                t => t,
            };
            let id = format!("wb-group-{key}");
            let current = chosen.get(key).cloned().unwrap_or_default();
            let onchange = {
                let chosen = chosen.clone();
                let key = key.to_string();
                Callback::from(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    let mut next = (*chosen).clone();
                    match select.value() {
                        v if v.is_empty() => next.remove(&key),
                        v => next.insert(key.clone(), v),
                    };
                    chosen.set(next);
                })
            };
            html! {
                <div class="field">
                    <label for={id.clone()}>{ label }</label>
                    <select {id} {onchange}>
                        <option value="" selected={current.is_empty()}>{ i18n.t("wb-group-all") }</option>
                        { for values.into_iter().map(|(v, name)| html! {
                            <option value={v.clone()} selected={v == current}>{ name }</option>
                        }) }
                    </select>
                </div>
            }
        })
        .collect()
}

/// A choice of index and, if it has more than one, of its period: (index select's id and
/// label, period select's id and label), the indices offered, the one chosen and its period.
fn pickers<'a>(
    (index_id, index_label, period_id, period_label): (&str, String, &str, String),
    indices: impl Iterator<Item = &'a Entry>,
    chosen: &engine::composite::IndexDefinition,
    period: Option<i32>,
    i18n: &Messages,
    (onindex, onperiod): (Callback<Event>, Callback<Event>),
) -> Html {
    let index_options = indices.map(|e| {
        let id = e.index.definition.id.clone();
        html! { <option value={id.clone()} selected={id == chosen.id}>{ i18n.local(&e.index.definition.name) }</option> }
    });
    let period_options = chosen.periods.iter().rev().map(|p| {
        html! { <option value={p.to_string()} selected={Some(*p) == period}>{ p }</option> }
    });
    html! {
        <div class="wb-controls">
            <div class="field">
                <label for={index_id.to_string()}>{ index_label }</label>
                <select id={index_id.to_string()} onchange={onindex}>{ for index_options }</select>
            </div>
            if chosen.periods.len() > 1 {
                <div class="field">
                    <label for={period_id.to_string()}>{ period_label }</label>
                    <select id={period_id.to_string()} onchange={onperiod}>{ for period_options }</select>
                </div>
            }
        </div>
    }
}

/// A picker of units for the profile and the simulator.
pub(crate) fn unit_picker(s: &Shown, id: &str, current: Option<usize>) -> Html {
    let onchange = {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = route.clone();
            next.unit = Some(select.value());
            next.edits.clear();
            navigate.emit((next, true));
        })
    };
    let options = s.units_by_name().into_iter().filter_map(|u| {
        let unit = s.units().get(u)?;
        Some(html! { <option value={unit.code.clone()} selected={Some(u) == current}>{ s.unit_name(u) }</option> })
    });
    html! {
        <div class="field">
            <label for={id.to_string()}>{ s.i18n.t("wb-unit") }</label>
            <select id={id.to_string()} {onchange}>{ for options }</select>
        </div>
    }
}

pub(crate) fn source_item(entry: &Entry, id: &str, i18n: &Messages) -> Html {
    match entry.source(id) {
        Some(src) => {
            let note = i18n.text_opt(src.note.as_deref());
            html! {
                <li>
                    if let Some(url) = &src.url {
                        <a href={url.clone()} rel="noreferrer">{ &src.title }</a>
                    } else {
                        { &src.title }
                    }
                    { format!(" ({})", src.publisher) }
                    if let Some(n) = note { <span class="note">{ format!(" {n}") }</span> }
                </li>
            }
        }
        None => html! { <li>{ id }</li> },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_steps_spread_over_the_five_colours() {
        assert_eq!(
            (0..5).map(|i| ramp_step(i, 5)).collect::<Vec<_>>(),
            [0, 1, 2, 3, 4]
        );
        assert_eq!(
            (0..3).map(|i| ramp_step(i, 3)).collect::<Vec<_>>(),
            [0, 2, 4]
        );
        assert_eq!(ramp_step(0, 1), 4);
        assert_eq!(ramp_step(1, 2), 4);
    }
}
