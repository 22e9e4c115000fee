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

#[component]
pub(crate) fn Ranking(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let query = use_state(String::new);
    // Group filters (a region, an income group): key -> chosen value, for this visit.
    let groups = use_state(std::collections::BTreeMap::<String, String>::new);
    let c = match &*s.computed {
        Ok(c) => c,
        Err(e) => return error_notice(i18n, e),
    };
    let d = &s.entry.index.definition;
    let needle = query.trim().to_lowercase();
    let any_basis = c
        .standings
        .units
        .iter()
        .any(|x| x.basis != Basis::Recomputed);
    // A unit's link is this route with its code. Rows carry it without the weights, so that
    // moving a slider does not rewrite every row's address (199 attributes per movement, the
    // bulk of a slider's cost); the weights are written into a link the moment it is pointed
    // at, focused, pressed or touched, before it can be opened or copied (`complete` below).
    let profile = Rc::new(s.with(|r| {
        r.tab = Tab::Profile;
        r.unit = None;
        r.edits.clear();
    }));
    let full = profile.format();
    let stable = {
        let mut r = (*profile).clone();
        r.weights.clear();
        r.format()
    };
    let complete = {
        let page = s.href("");
        move |e: &Event| {
            if let Some((a, code)) = unit_link(e) {
                let sep = if full.is_empty() { "?" } else { "&" };
                a.set_href(&format!("{page}{full}{sep}unit={code}"));
            }
        }
    };
    let complete = Rc::new(complete);
    fn on<E: AsRef<Event> + 'static>(c: &Rc<dyn Fn(&Event)>) -> Callback<E> {
        let c = c.clone();
        Callback::from(move |e: E| c(e.as_ref()))
    }
    let complete: Rc<dyn Fn(&Event)> = complete;
    let onclick = {
        let (navigate, profile) = (s.navigate.clone(), profile.clone());
        let embedded = s.embedded;
        Callback::from(move |e: MouseEvent| {
            // Embedded, a link opens the full workbench in a new tab, as the browser does it.
            let plain = !(embedded || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
                && e.button() == 0;
            if let (true, Some((_, code))) = (plain, unit_link(&e)) {
                e.prevent_default();
                let mut to = (*profile).clone();
                to.unit = Some(code);
                navigate.emit((to, true));
            }
        })
    };
    // What a row shows that weights do not change, built once per index, language and
    // address: a slider's movement then makes only each row's rank and score text.
    let fixed = {
        let stable = stable.clone();
        let shown = s.clone();
        use_memo(
            (Rc::as_ptr(&s.entry) as usize, s.route.lang, stable.clone()),
            move |_| {
                let units: Vec<(AttrValue, AttrValue, AttrValue)> = shown
                    .units()
                    .iter()
                    .enumerate()
                    .map(|(u, x)| {
                        let sep = if stable.is_empty() { "?" } else { "&" };
                        (
                            AttrValue::from(x.code.clone()),
                            AttrValue::from(shown.href(&format!("{stable}{sep}unit={}", x.code))),
                            AttrValue::from(shown.unit_name(u).to_string()),
                        )
                    })
                    .collect();
                let bands: Vec<(&'static str, AttrValue)> = (0..shown.band_count())
                    .map(|b| {
                        (
                            FILL_STEPS[ramp_step(b, shown.band_count())],
                            AttrValue::from(shown.band_name(b)),
                        )
                    })
                    .collect();
                (units, bands)
            },
        )
    };
    let (units, bands) = &*fixed;
    let no_score = i18n.t("wb-no-score");
    // The units the search and the group filters let through, in rank order.
    let matched: Vec<usize> = c
        .standings
        .order
        .iter()
        .copied()
        .filter(|&u| {
            needle.is_empty()
                || s.unit_name(u).to_lowercase().contains(&needle)
                || s.units()
                    .get(u)
                    .is_some_and(|x| x.code.to_lowercase() == needle)
        })
        .filter(|&u| {
            groups.iter().all(|(key, value)| {
                s.units()
                    .get(u)
                    .is_some_and(|x| x.groups.get(key) == Some(value))
            })
        })
        .collect();
    // Which of them are drawn: all of a short ranking, else the rows in view.
    let in_view = super::window::use_rows_in_view(matched.len());
    let first_drawn = in_view.range.start;
    let rows: Vec<Html> = matched[in_view.range.clone()]
        .iter()
        .enumerate()
        .filter_map(|(i, &u)| {
            let st = c.standings.units.get(u)?;
            let (code, href, name) = units.get(u)?.clone();
            let score = st
                .score
                .map_or_else(|| no_score.clone(), |x| i18n.num(x, s.decimals()));
            let band = st.band.and_then(|b| bands.get(b).cloned());
            Some(html! {
                <RankRow key={first_drawn + i} {code} {href} {name}
                    rank={st.rank}
                    position={in_view.row_index(first_drawn + i)}
                    external={s.embedded}
                    score={AttrValue::from(score)}
                    banded={d.bands.is_some()}
                    {band}
                    basis={any_basis.then(|| AttrValue::from(s.basis_text(st.basis)))} />
            })
        })
        .collect();
    let matched_count = matched.len();
    let columns = 3 + usize::from(d.bands.is_some()) + usize::from(any_basis);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    let weights_state = s.weights_state();
    let download = download_csv(s, &d.id, c.period);
    html! {
        <div class="layout">
            if !s.embedded { <Weights shown={s.clone()} /> }
            <section aria-labelledby="wb-ranking-title">
                <h2 id="wb-ranking-title">{ i18n.t("wb-tab-ranking") }</h2>
                <div class="wb-controls">
                    <div class="field">
                        <label for="wb-search">{ i18n.t("wb-search") }</label>
                        <input id="wb-search" type="search" value={(*query).clone()} {oninput} autocomplete="off" />
                    </div>
                    { for group_filters(s, &groups) }
                </div>
                if !s.embedded {
                    <div class="share-bar">
                        <button type="button" class="secondary" onclick={download}>{ i18n.t("wb-download-csv") }</button>
                        { embed_button(s) }
                    </div>
                }
                <p role="status">{ i18n.f("wb-ranked", &[
                    ("ranked", &i18n.num(c.ranked() as f64, 0)),
                    ("units", &i18n.num(s.units().len() as f64, 0)),
                    ("shown", &i18n.num(matched_count as f64, 0)),
                ]) }</p>
                <div class="table-wrap wb-sticky" tabindex="0" role="region" aria-labelledby="wb-ranking-caption"
                    ref={in_view.wrap.clone()} onscroll={in_view.onscroll.clone()}>
                    <table class={classes!(in_view.windowed().then_some("wb-windowed"))}
                        aria-rowcount={in_view.row_count()}>
                        <caption id="wb-ranking-caption"><span class="caption-text">{ format!("{}, {}: {}", d.short.get(s.lang()), c.period, weights_state) }</span></caption>
                        <thead><tr>
                            <th scope="col" class="num">{ i18n.t("wb-col-rank") }</th>
                            <th scope="col">{ i18n.t("wb-col-unit") }</th>
                            <th scope="col" class="num">{ i18n.t("wb-col-score") }</th>
                            if d.bands.is_some() { <th scope="col">{ i18n.t("wb-col-band") }</th> }
                            if any_basis { <th scope="col">{ i18n.t("wb-col-basis") }</th> }
                        </tr></thead>
                        <tbody {onclick} onmouseover={on(&complete)} onfocusin={on(&complete)}
                            onmousedown={on(&complete)} oncontextmenu={on(&complete)}
                            ontouchstart={on(&complete)}>
                            { in_view.before(columns) }
                            // Its own keyed list, so that the rows are matched by key
                            // when the window moves, not aligned with the spacers.
                            <>{ for rows }</>
                            { in_view.after(columns) }
                        </tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}

/// Downloads the ranking as CSV, built on request, not on every recompute (the embed build,
/// which offers no download, leaves the CSV writer out).
fn download_csv(s: &Shown, id: &str, period: i32) -> Callback<MouseEvent> {
    #[cfg(not(feature = "composite-embed"))]
    {
        let shown = s.clone();
        let name = format!("{id}-{period}-ranking.csv");
        Callback::from(move |_| {
            if let Ok(c) = &*shown.computed {
                let text = ranking_csv(&shown, c);
                let _ = crate::export::download(&name, "text/csv;charset=utf-8", &text);
            }
        })
    }
    #[cfg(feature = "composite-embed")]
    {
        let _ = (s, id, period);
        Callback::noop()
    }
}

/// The Embed… button and dialog (not in the embed build itself).
fn embed_button(s: &Shown) -> Html {
    #[cfg(not(feature = "composite-embed"))]
    {
        html! { <super::embed::EmbedDialog shown={s.clone()} /> }
    }
    #[cfg(feature = "composite-embed")]
    {
        let _ = s;
        html! {}
    }
}

/// The unit link an event happened in, if any (a row's link: `tr[data-code] th a`), and its
/// unit's code.
fn unit_link(e: &Event) -> Option<(web_sys::HtmlAnchorElement, String)> {
    use wasm_bindgen::JsCast;
    let a = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("tr[data-code] th a")
        .ok()??;
    let code = a
        .closest("tr[data-code]")
        .ok()??
        .get_attribute("data-code")?;
    Some((a.dyn_into::<web_sys::HtmlAnchorElement>().ok()?, code))
}

/// A band's swatch by ramp step, as a `data-fill` value (a class would be parsed again on
/// every render).
const FILL_STEPS: [&str; 5] = ["0", "1", "2", "3", "4"];

#[derive(Properties, PartialEq)]
struct RankRowProps {
    code: AttrValue,
    /// The profile's address without the weights (added when the link is used).
    href: AttrValue,
    name: AttrValue,
    rank: Option<u32>,
    /// The row's place in a windowed table (`aria-rowindex`; the header is row 1).
    position: Option<usize>,
    /// The link opens in a new tab (the embed page).
    external: bool,
    score: AttrValue,
    /// Whether the index has bands (a band column).
    banded: bool,
    /// The unit's band: its swatch's ramp step and its name.
    band: Option<(&'static str, AttrValue)>,
    /// The basis cell, where some unit's score is not recomputed.
    basis: Option<AttrValue>,
}

/// One row of the ranking: a component per position in rank order, re-rendered only when its
/// figures change. Not keyed by unit: a slider reorders most rows, and moving table rows in the
/// document cost more than rewriting the cells that changed (measured on the 199 rows: moves
/// were 30% of a slider's time; p50 11-12.5 -> 9.5-11 ms), once the address was no longer
/// written on every movement (which forced a layout inside each input). Keyed by position
/// instead: the same, and when a long ranking's window moves, the row at a place keeps its
/// element, so a focused link stays on its unit while the rows around it are drawn.
#[function_component]
fn RankRow(p: &RankRowProps) -> Html {
    html! {
        <tr data-code={p.code.clone()} aria-rowindex={p.position.map(|i| i.to_string())}>
            <td class="num">{ p.rank.map_or_else(|| "–".to_string(), |r| r.to_string()) }</td>
            <th scope="row"><a href={p.href.clone()}
                target={p.external.then_some("_blank")} rel={p.external.then_some("noopener")}>{ p.name.clone() }</a></th>
            <td class="num">{ p.score.clone() }</td>
            if p.banded {
                <td>
                    if let Some((fill, name)) = &p.band {
                        <span class="band-label"><span class="swatch" data-fill={*fill} aria-hidden="true"></span>{ name.clone() }</span>
                    }
                </td>
            }
            if let Some(basis) = &p.basis { <td class="basis">{ basis.clone() }</td> }
        </tr>
    }
}

/// The robustness table: `answered`'s figures against the standings it was asked for.
fn robust_table(
    s: &Shown,
    answered: &(String, i32, Reply, Standings),
    waiting: bool,
    in_view: &super::window::RowsInView,
) -> Html {
    let i18n = &s.i18n;
    let (_, _, reply, (standings, weights)) = answered;
    let (Ok(answer), Ok(c)) = (&reply.result, &**standings) else {
        return html! {};
    };
    let d = &s.entry.index.definition;
    let banded = d.bands.is_some();
    let bounded = answer.bounds.is_ok();
    let share = |x: f64| i18n.f("wb-share", &[("percent", &i18n.num(x * 100.0, 0))]);
    let range = |a: Option<u32>, b: Option<u32>| match (a, b) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "–".to_string(),
    };
    let fraction = |x: f64| short_number(i18n, x, 2);
    let columns = 5 + usize::from(bounded) + 2 * usize::from(banded);
    let first = in_view.range.start;
    let drawn = c
        .standings
        .order
        .get(in_view.range.clone())
        .unwrap_or_default();
    let rows = drawn.iter().enumerate().filter_map(|(i, &u)| {
        let st = c.standings.units.get(u)?;
        let row = answer.units.get(u)?;
        let likely = row
            .bands
            .iter()
            .enumerate()
            .filter(|(_, x)| **x > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .map(|(b, _)| b);
        Some(html! {
            <RobustRow key={first + i} position={in_view.row_index(first + i)}
                code={AttrValue::from(s.units().get(u)?.code.clone())}
                rank={AttrValue::from(st.rank.map_or_else(|| "–".to_string(), |r| r.to_string()))}
                name={AttrValue::from(s.unit_name(u))}
                median={AttrValue::from(row.median.map_or_else(|| "–".to_string(), |r| r.to_string()))}
                p90={AttrValue::from(range(row.p5, row.p95))}
                seen={AttrValue::from(range(row.best, row.worst))}
                bounds={bounded.then(|| AttrValue::from(range(row.bound_best, row.bound_worst)))}
                banded={banded.then(|| (
                    AttrValue::from(st.band.and_then(|b| row.bands.get(b)).map_or_else(|| "–".to_string(), |x| share(*x))),
                    likely.map(|b| (AttrValue::from(s.band_class(b)), AttrValue::from(s.band_name(b)))),
                ))} />
        })
    });
    html! {
        <div class="table-wrap wb-sticky" tabindex="0" role="region" aria-labelledby="wb-robust-caption" aria-busy={waiting.to_string()}
            ref={in_view.wrap.clone()} onscroll={in_view.onscroll.clone()}>
            <table class={classes!(in_view.windowed().then_some("wb-windowed"))} aria-rowcount={in_view.row_count()}>
                <caption id="wb-robust-caption"><span class="caption-text">{ i18n.f("wb-robust-caption", &[
                    ("index", d.short.get(s.lang())),
                    ("period", &c.period.to_string()),
                    ("weights", weights),
                    ("low", &fraction(1.0 - answer.spread)),
                    ("high", &fraction(1.0 + answer.spread)),
                ]) }</span></caption>
                <thead><tr>
                    <th scope="col" class="num">{ i18n.t("wb-robust-col-rank") }</th>
                    <th scope="col">{ i18n.t("wb-col-unit") }</th>
                    <th scope="col" class="num">{ i18n.t("wb-robust-col-median") }</th>
                    <th scope="col" class="num">{ i18n.t("wb-robust-col-p90") }</th>
                    <th scope="col" class="num">{ i18n.t("wb-robust-col-seen") }</th>
                    if bounded {
                        <th scope="col" class="num">{ i18n.t("wb-robust-col-bounds") }</th>
                    }
                    if banded {
                        <th scope="col" class="num">{ i18n.t("wb-robust-col-same-band") }</th>
                        <th scope="col">{ i18n.t("wb-robust-col-likely") }</th>
                    }
                </tr></thead>
                <tbody>
                    { in_view.before(columns) }
                    <>{ for rows }</>
                    { in_view.after(columns) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RobustRowProps {
    code: AttrValue,
    /// The row's place in a windowed table (`aria-rowindex`).
    position: Option<usize>,
    rank: AttrValue,
    name: AttrValue,
    median: AttrValue,
    p90: AttrValue,
    seen: AttrValue,
    /// The guaranteed range, where the index has them.
    bounds: Option<AttrValue>,
    /// For an index with bands: the share of draws in the unit's band, and the likeliest band
    /// (its swatch's class and name).
    banded: Option<(AttrValue, Option<(AttrValue, AttrValue)>)>,
}

/// One row of the robustness table, a component per position: a new answer re-renders only
/// the rows whose figures changed.
#[function_component]
fn RobustRow(p: &RobustRowProps) -> Html {
    html! {
        <tr data-code={p.code.clone()} aria-rowindex={p.position.map(|i| i.to_string())}>
            <td class="num">{ p.rank.clone() }</td>
            <th scope="row">{ p.name.clone() }</th>
            <td class="num" data-col="median">{ p.median.clone() }</td>
            <td class="num" data-col="p90">{ p.p90.clone() }</td>
            <td class="num" data-col="seen">{ p.seen.clone() }</td>
            if let Some(bounds) = &p.bounds {
                <td class="num" data-col="bounds">{ bounds.clone() }</td>
            }
            if let Some((same, likely)) = &p.banded {
                <td class="num" data-col="same-band">{ same.clone() }</td>
                <td>
                    if let Some((class, name)) = likely {
                        <span class="band-label"><span class={class.clone()} aria-hidden="true"></span>{ name.clone() }</span>
                    }
                </td>
            }
        </tr>
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

/// A value as the profile and simulator show it: a band by name, a number with its unit.
fn value_text(s: &Shown, value: Option<Value>, indicator: &str) -> String {
    match value {
        Some(Value::Band(b)) => s.band_name(b),
        Some(Value::Number(x)) => {
            let unit = s
                .entry
                .index
                .definition
                .meta
                .get(indicator)
                .and_then(|m| m.unit.as_deref())
                .filter(|u| !u.is_empty())
                .map(|u| s.i18n.text(u).to_string());
            match unit {
                Some(u) => format!("{} ({u})", short_number(&s.i18n, x, 3)),
                None => short_number(&s.i18n, x, 3),
            }
        }
        _ => s.i18n.t("wb-missing"),
    }
}

/// The framework's nodes, root first, each followed by its components (depth first), with
/// their depth.
fn tree(h: &engine::composite::Hierarchy) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, usize)> = h.roots().iter().rev().map(|&r| (r, 0)).collect();
    while let Some((node, depth)) = stack.pop() {
        out.push((node, depth));
        for &c in h.children_of(node).iter().rev() {
            stack.push((c, depth + 1));
        }
    }
    out
}

#[component]
pub(crate) fn Profile(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let (c, u, unit) = match s.unit_view() {
        Ok(x) => x,
        Err(html) => return html,
    };
    let d = &s.entry.index.definition;
    let data = &s.entry.index.data.dataset;
    let st = c.standings.units.get(u).copied();
    let h = &d.hierarchy;
    let rows = tree(h).into_iter().filter_map(|(n, depth)| {
        let node = h.nodes().get(n)?;
        let indicator = node.kind == NodeKind::Indicator;
        let raw = indicator.then(|| data.value(c.period, &unit.code, &node.code)).flatten();
        let weight = s.weights.get(n).copied().unwrap_or(node.weight);
        Some(html! {
            <tr>
                <th scope="row" class={format!("wb-depth-{}", depth.min(5))}>{ i18n.local(&node.name) }</th>
                <td class="num">{ if depth == 0 { String::new() } else { short_number(i18n, weight, 2) } }</td>
                <td class="num">{ c.node_score(u, n).map_or_else(|| i18n.t("wb-missing"), |x| i18n.num(x, 1)) }</td>
                <td>{ if indicator { value_text(s, raw, &node.code) } else { String::new() } }</td>
                <td>{ if indicator && raw.is_some_and(|v| v != Value::Missing) { s.sources_of(c.period, &unit.code, &node.code) } else { html! {} } }</td>
            </tr>
        })
    });
    let ranked = c.ranked();
    html! {
        <section aria-labelledby="wb-profile-title">
            <h2 id="wb-profile-title">{ format!("{} · {}", i18n.unit(unit), i18n.local(&d.short)) }</h2>
            { unit_picker(s, "wb-profile-unit", Some(u)) }
            if let Some(st) = st {
                <dl class="wb-headline">
                    <div><dt>{ i18n.t("wb-col-score") }</dt><dd>{ s.score_text(st.score) }</dd></div>
                    if d.bands.is_some() {
                        <div><dt>{ i18n.t("wb-col-band") }</dt><dd>{ if st.band.is_some() { s.band_cell(st.band) } else { html! { i18n.t("wb-missing") } } }</dd></div>
                    }
                    <div><dt>{ i18n.t("wb-col-rank") }</dt><dd>{ st.rank.map_or_else(|| i18n.t("wb-unranked"), |r| i18n.f("wb-rank-of", &[("rank", &r.to_string()), ("count", &ranked.to_string())])) }</dd></div>
                </dl>
                if st.basis != Basis::Recomputed { <p class="callout">{ s.basis_text(st.basis) }</p> }
            }
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-profile-caption">
                <table>
                    <caption id="wb-profile-caption"><span class="caption-text">{ i18n.f("wb-profile-caption", &[("unit", &i18n.unit(unit)), ("period", &c.period.to_string())]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("wb-col-component") }</th>
                        <th scope="col" class="num">{ i18n.t("wb-col-weight") }</th>
                        <th scope="col" class="num">{ i18n.t("wb-col-normalised") }</th>
                        <th scope="col">{ i18n.t("wb-col-value") }</th>
                        <th scope="col">{ i18n.t("wb-col-sources") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="table-notes">{ i18n.t("wb-profile-note") }</p>
            if !s.embedded { { elsewhere(s, &unit.code) } }
        </section>
    }
}

#[component]
pub(crate) fn MapView(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let world = crate::map::use_world(if s.embedded {
        super::embed::WORLD
    } else {
        "data/map/world.tsv"
    });
    let c = match &*s.computed {
        Ok(c) => c,
        Err(e) => return error_notice(i18n, e),
    };
    let d = &s.entry.index.definition;
    let shapes: &[crate::map::Shape] = match world {
        crate::map::World::Ready(shapes) => shapes,
        _ => &[],
    };
    let banded = d.bands.is_some();
    // Without bands, scores are binned into five equal steps of the observed range.
    let (lo, hi) = c
        .standings
        .units
        .iter()
        .filter_map(|x| x.score)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
    let higher_better = d.direction == engine::composite::Direction::Positive;
    let fill_of = |u: usize| -> &'static str {
        let Some(st) = c.standings.units.get(u) else {
            return NO_DATA;
        };
        match (banded, st.band, st.score) {
            (true, Some(b), _) => RAMP[ramp_step(b, s.band_count())],
            (false, _, Some(x)) if hi > lo => {
                let step = (((x - lo) / (hi - lo)) * 4.0).round() as usize;
                RAMP[if higher_better {
                    step.min(4)
                } else {
                    4 - step.min(4)
                }]
            }
            (false, _, Some(_)) => RAMP[2],
            _ => NO_DATA,
        }
    };
    let data = &s.entry.index.data.dataset;
    let paths = shapes.iter().map(|shape| {
        let unit = data.unit_index(shape.iso3);
        let fill = unit.map_or(NO_DATA, fill_of);
        let title = match unit.and_then(|u| Some((u, c.standings.units.get(u)?))) {
            Some((u, st)) => {
                let band = st
                    .band
                    .map(|b| format!(", {}", s.band_name(b)))
                    .unwrap_or_default();
                format!("{}: {}{band}", s.unit_name(u), s.score_text(st.score))
            }
            None => format!("{}: {}", shape.name, i18n.t("wb-not-in-index")),
        };
        html! { <path class="country" d={shape.path} fill={fill}><title>{ title }</title></path> }
    });
    let (x, y, w, hgt) = crate::map::VIEWBOX;
    let legend: Vec<Html> = if banded {
        (0..s.band_count())
            .map(|b| html! { <li>{ s.band_cell(Some(b)) }</li> })
            .collect()
    } else if hi > lo {
        (0..5)
            .map(|k| {
                let (a, b) = (lo + (hi - lo) * (k as f64 - 0.5).max(0.0) / 4.0, lo + (hi - lo) * (k as f64 + 0.5).min(4.0) / 4.0);
                let step = if higher_better { k } else { 4 - k };
                html! { <li><span class="band-label"><span class={format!("swatch wb-fill-{step}")} aria-hidden="true"></span>{ format!("{} – {}", i18n.num(a, s.decimals()), i18n.num(b, s.decimals())) }</span></li> }
            })
            .collect()
    } else {
        Vec::new()
    };
    let on_map: Vec<usize> = c
        .standings
        .order
        .iter()
        .copied()
        .filter(|&u| {
            data.units
                .get(u)
                .is_some_and(|x| shapes.iter().any(|sh| sh.iso3 == x.code))
        })
        .collect();
    let off_map: Vec<String> = (0..data.units.len())
        .filter(|u| !on_map.contains(u))
        .map(|u| s.unit_name(u))
        .collect();
    let rows = on_map.iter().filter_map(|&u| {
        let st = c.standings.units.get(u)?;
        Some(html! {
            <tr data-code={data.units.get(u).map(|x| x.code.clone()).unwrap_or_default()}>
                <th scope="row">{ s.unit_name(u) }</th>
                <td>{ data.units.get(u).map(|x| x.code.clone()).unwrap_or_default() }</td>
                <td class="num">{ s.score_text(st.score) }</td>
                if banded { <td>{ s.band_cell(st.band) }</td> }
            </tr>
        })
    });
    html! {
        <section aria-labelledby="wb-map-title">
            <h2 id="wb-map-title">{ format!("{} · {}, {}", i18n.t("wb-tab-map"), i18n.local(&d.short), c.period) }</h2>
            if world == crate::map::World::Failed {
                <p class="notice" role="alert">{ i18n.t("map-failed") }</p>
            }
            // While the shapes load, the status sits over the map's frame (already its final
            // size), so nothing moves when they arrive.
            <figure class={classes!("map-figure", (world == crate::map::World::Loading).then_some("map-loading"))}>
                if world == crate::map::World::Loading {
                    <p class="map-status" role="status">{ i18n.t("map-loading") }</p>
                }
                <svg class="map" viewBox={format!("{x} {y} {w} {hgt}")} role="img"
                    aria-label={i18n.f("wb-map-label", &[("index", &i18n.local(&d.short)), ("period", &c.period.to_string())])}>
                    { for paths }
                </svg>
                <figcaption>
                    <ul class="wb-legend" aria-label={i18n.t("wb-legend")}>
                        { for legend }
                        <li><span class="band-label"><span class="swatch wb-fill-none" aria-hidden="true"></span>{ i18n.t("wb-not-in-index") }</span></li>
                    </ul>
                </figcaption>
            </figure>
            <details class="data-table" open={on_map.len() <= 30}>
            <summary>{ i18n.t("wb-map-table") }</summary>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-map-caption">
                <table>
                    <caption id="wb-map-caption"><span class="caption-text">{ i18n.f("wb-map-caption", &[("index", &i18n.local(&d.short)), ("period", &c.period.to_string())]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("wb-col-unit") }</th>
                        <th scope="col">{ i18n.t("wb-col-code") }</th>
                        <th scope="col" class="num">{ i18n.t("wb-col-score") }</th>
                        if banded { <th scope="col">{ i18n.t("wb-col-band") }</th> }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            </details>
            if !off_map.is_empty() {
                <p class="table-notes">{ i18n.f("wb-off-map", &[("units", &off_map.join(", "))]) }</p>
            }
        </section>
    }
}

#[component]
fn Simulate(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let (c, u, unit) = match s.unit_view() {
        Ok(x) => x,
        Err(html) => return html,
    };
    let d = &s.entry.index.definition;
    let data = &s.entry.index.data.dataset;
    let h = &d.hierarchy;
    let edits = s.route.edits.clone();
    // Recomputed on each render: this view renders when the route (the edits) changes.
    let sim = compute::simulate(&s.entry, c.period, &unit.code, &edits, &s.weights);
    let set_edit = |code: String, current: Option<f64>| {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        move |text: String| {
            let text = text.trim().replace(',', ".").replace('\u{2212}', "-");
            let value = if text.is_empty() {
                None
            } else {
                match text.parse::<f64>() {
                    Ok(v) if v.is_finite() => Some(v),
                    _ => return,
                }
            };
            let mut next = route.clone();
            next.set_edit(&code, value.filter(|v| Some(*v) != current));
            navigate.emit((next, false));
        }
    };
    let inputs = h.indicator_nodes().iter().filter_map(|&n| {
        let node = h.nodes().get(n)?;
        let raw = data.value(c.period, &unit.code, &node.code);
        let current = match raw {
            Some(Value::Number(x)) => Some(x),
            Some(Value::Band(b)) => Some(b as f64),
            _ => None,
        };
        let edit = s.route.edits.iter().find(|(k, _)| *k == node.code).map(|(_, v)| *v);
        let id = format!("wb-sim-{}", node.code);
        let control = if let (Some(Value::Band(b)), Some(scheme)) = (raw, d.band_scheme()) {
            let apply = set_edit(node.code.clone(), current);
            let onchange = Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                apply(select.value());
            });
            let chosen = edit.map_or(b, |v| v as usize);
            html! {
                <select id={id.clone()} {onchange} class={classes!((chosen != b).then_some("changed"))}>
                    { for scheme.bands().iter().enumerate().map(|(i, band)| html! {
                        <option value={i.to_string()} selected={i == chosen}>{ i18n.local(&band.name) }</option>
                    }) }
                </select>
            }
        } else {
            let apply = set_edit(node.code.clone(), current);
            let onchange = Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                apply(input.value());
            });
            let value = edit.or(current).map(|v| v.to_string()).unwrap_or_default();
            html! { <input id={id.clone()} type="text" inputmode="decimal" {value} {onchange} size="8"
                class={classes!(edit.is_some().then_some("changed"))} /> }
        };
        Some(html! {
            <tr>
                <th scope="row"><label for={id}>{ i18n.local(&node.name) }</label></th>
                <td>{ value_text(s, raw, &node.code) }</td>
                <td>{ control }</td>
            </tr>
        })
    });
    let before = c.standings.units.get(u).copied();
    let result = match (&sim, before) {
        (Ok(after), Some(before)) => {
            let a = after.standings.units.get(u).copied().unwrap_or(before);
            let change = match (before.score, a.score) {
                (Some(x), Some(y)) => format!(" ({})", i18n.signed(y - x, s.decimals())),
                _ => String::new(),
            };
            let rank = |r: Option<u32>| r.map_or_else(|| i18n.t("wb-unranked"), |r| r.to_string());
            let band =
                |b: Option<usize>| b.map_or_else(|| i18n.t("wb-missing"), |b| s.band_name(b));
            let root = h.roots().first().copied();
            let parts = root.map(|r| h.children_of(r).to_vec()).unwrap_or_default();
            let total_w: f64 = parts
                .iter()
                .map(|&p| s.weights.get(p).copied().unwrap_or(0.0))
                .sum();
            let arithmetic = d.aggregation == Rule::Arithmetic;
            let part_rows = parts.iter().filter_map(|&p| {
                let node = h.nodes().get(p)?;
                let w = s.weights.get(p).copied().unwrap_or(node.weight);
                let (x, y) = (c.node_score(u, p), after.node_score(u, p));
                Some(html! {
                    <tr>
                        <th scope="row">{ i18n.local(&node.name) }</th>
                        <td class="num">{ if total_w > 0.0 { format!("{} %", i18n.num(100.0 * w / total_w, 1)) } else { String::new() } }</td>
                        <td class="num">{ x.map_or_else(|| i18n.t("wb-missing"), |x| i18n.num(x, 1)) }</td>
                        <td class="num">{ y.map_or_else(|| i18n.t("wb-missing"), |y| i18n.num(y, 1)) }</td>
                        <td class="num">{ match (x, y) { (Some(x), Some(y)) => i18n.signed(y - x, 1), _ => String::new() } }</td>
                    </tr>
                })
            });
            html! {
                <>
                    <dl class="wb-headline" aria-live="polite">
                        <div><dt>{ i18n.t("wb-col-score") }</dt><dd>{ format!("{} → {}{change}", s.score_text(before.score), s.score_text(a.score)) }</dd></div>
                        if d.bands.is_some() {
                            <div><dt>{ i18n.t("wb-col-band") }</dt><dd>{ format!("{} → {}", band(before.band), band(a.band)) }</dd></div>
                        }
                        <div><dt>{ i18n.t("wb-col-rank") }</dt><dd>{ format!("{} → {}", rank(before.rank), rank(a.rank)) }</dd></div>
                    </dl>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-sim-parts-caption">
                        <table class="sim-results">
                            <caption id="wb-sim-parts-caption"><span class="caption-text">{ i18n.t("wb-sim-parts") }</span></caption>
                            <thead><tr>
                                <th scope="col">{ i18n.t("wb-col-component") }</th>
                                <th scope="col" class="num">{ i18n.t("wb-col-share") }</th>
                                <th scope="col" class="num">{ i18n.t("wb-col-before") }</th>
                                <th scope="col" class="num">{ i18n.t("wb-col-after") }</th>
                                <th scope="col" class="num">{ i18n.t("wb-col-change") }</th>
                            </tr></thead>
                            <tbody>{ for part_rows }</tbody>
                        </table>
                    </div>
                    <p class="table-notes">{ if arithmetic { i18n.t("wb-sim-arithmetic") } else { i18n.t("wb-sim-other-rule") } }</p>
                </>
            }
        }
        (Err(e), _) => error_notice(i18n, e),
        _ => html! {},
    };
    let reset = {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        Callback::from(move |_| {
            let mut next = route.clone();
            next.edits.clear();
            navigate.emit((next, false));
        })
    };
    html! {
        <>
        <div class="sim-grid">
            <section aria-labelledby="wb-sim-title" class="sim-editor">
                <h2 id="wb-sim-title">{ i18n.t("wb-tab-simulate") }</h2>
                <p>{ i18n.t("wb-sim-help") }</p>
                { unit_picker(s, "wb-sim-unit", Some(u)) }
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-sim-caption">
                    <table>
                        <caption id="wb-sim-caption"><span class="caption-text">{ i18n.f("wb-sim-caption", &[("unit", &i18n.unit(unit)), ("period", &c.period.to_string())]) }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("wb-col-indicator") }</th>
                            <th scope="col">{ i18n.t("wb-col-recorded") }</th>
                            <th scope="col">{ i18n.t("wb-col-simulated") }</th>
                        </tr></thead>
                        <tbody>{ for inputs }</tbody>
                    </table>
                </div>
                <button type="button" class="secondary" onclick={reset} disabled={edits.is_empty()}>{ i18n.t("wb-sim-reset") }</button>
            </section>
            <section aria-labelledby="wb-sim-result-title">
                <h2 id="wb-sim-result-title">{ i18n.f("wb-sim-result", &[("unit", &i18n.unit(unit))]) }</h2>
                { result }
            </section>
        </div>
        // Reforms the framework names, and band values that can rise a band.
        if !d.reforms.is_empty() || data.table(c.period).is_some_and(|t| t.banded.contains(&true)) {
            <Reforms shown={s.clone()} unit={u} period={c.period} />
        }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReformsProps {
    shown: Shown,
    unit: usize,
    period: i32,
}

/// The reforms the index's framework names, each applied alone to the unit's recorded
/// values, and on request the fewest of them that reach the next better band.
#[component]
fn Reforms(props: &ReformsProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let (u, period) = (props.unit, props.period);
    let d = &s.entry.index.definition;
    let data = &s.entry.index.data.dataset;
    let code = data
        .units
        .get(u)
        .map(|x| x.code.clone())
        .unwrap_or_default();
    let weights: Vec<f64> = (*s.weights).clone();
    // The path search runs on request (it tries every combination), kept for its inputs.
    let requested = use_state(|| None::<(String, i32, Vec<f64>, usize)>);
    let found = {
        let entry = s.entry.clone();
        use_memo((*requested).clone(), move |req| {
            req.as_ref().map(|(unit, period, weights, target)| {
                let options = compute::reforms_for(&entry, *period, unit);
                let paths =
                    compute::paths_to_band(&entry, *period, unit, &options, weights, *target);
                (options, paths)
            })
        })
    };
    let Ok(c) = &*s.computed else {
        return html! {};
    };
    let options = compute::reforms_for(&s.entry, period, &code);
    let name = s.unit_name(u).to_string();
    let before = c.standings.units.get(u).copied();
    let base = compute::slice(&s.entry, period).ok();
    let apply = |edits: Vec<(String, f64)>| {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = route.clone();
            for (code, v) in &edits {
                next.set_edit(code, Some(*v));
            }
            navigate.emit((next, false));
        })
    };
    // A reform by the framework's words; a band step by the indicator's name.
    let is_band = |code: &str| options.iter().any(|o| o.code == code && o.band);
    let text_of = |code: &str| match d.hierarchy.node(code) {
        Some(node) if is_band(code) => {
            i18n.f("wb-band-step", &[("indicator", &i18n.local(&node.name))])
        }
        _ => d
            .reforms
            .get(code)
            .map(|r| i18n.local(&r.text).to_string())
            .unwrap_or_default(),
    };
    let value_of = |code: &str, x: f64| {
        let value = match is_band(code) {
            true => Value::Band(x as usize),
            false => Value::Number(x),
        };
        value_text(s, Some(value), code)
    };
    let rows = options.iter().map(|o| {
        let after = base
            .as_ref()
            .and_then(|b| compute::simulate_on(b, &s.entry, period, &code, &[(o.code.clone(), o.to)], &weights).ok())
            .and_then(|x| x.standings.units.get(u).copied());
        let change = match (before.and_then(|b| b.score), after.and_then(|a| a.score)) {
            (Some(x), Some(y)) => format!("{} ({})", s.score_text(Some(y)), i18n.signed(y - x, s.decimals())),
            _ => i18n.t("wb-no-score"),
        };
        let applied = s.route.edits.iter().any(|(k, v)| *k == o.code && (*v - o.to).abs() < 1e-12);
        html! {
            <tr>
                <th scope="row">{ text_of(&o.code) }</th>
                <td>{ format!("{} → {}", value_of(&o.code, o.from), value_of(&o.code, o.to)) }</td>
                <td class="num">{ change }</td>
                if d.bands.is_some() { <td>{ s.band_cell(after.and_then(|a| a.band)) }</td> }
                <td class="num">{ after.and_then(|a| a.rank).map(|r| r.to_string()).unwrap_or_default() }</td>
                <td>
                    if applied { { i18n.t("wb-applied") } }
                    else {
                        <button type="button" class="secondary" onclick={apply(vec![(o.code.clone(), o.to)])}
                            aria-label={i18n.f("wb-apply-this", &[("reform", &text_of(&o.code))])}>{ i18n.t("wb-apply") }</button>
                    }
                </td>
            </tr>
        }
    });
    // The path to the next better band (0 = worst), from the recorded values.
    let target = before.and_then(|b| b.band).map(|b| b + 1);
    let band_count = s.band_count();
    let path = match target {
        Some(t) if t < band_count => {
            let key = (code.clone(), period, weights.clone(), t);
            let band = s.band_name(t);
            let onfind = {
                let requested = requested.clone();
                let key = key.clone();
                Callback::from(move |_: MouseEvent| requested.set(Some(key.clone())))
            };
            let answer = match (&*found, (*requested).as_ref() == Some(&key)) {
                (Some((options, paths)), true) if paths.is_empty() => html! {
                    <p role="status">{ i18n.f("wb-path-none", &[("band", &band)]) }</p>
                },
                (Some((options, paths)), true) => {
                    let ways = paths.iter().map(|p| {
                        let edits: Vec<(String, f64)> = p.iter().filter_map(|&i| options.get(i).map(|o| (o.code.clone(), o.to))).collect();
                        let words: Vec<String> = p.iter().filter_map(|&i| options.get(i)).map(|o| text_of(&o.code)).collect();
                        let label = i18n.f("wb-apply-this", &[("reform", &words.join(" + "))]);
                        html! {
                            <li>
                                { words.join(" + ") }{ " " }
                                <button type="button" class="secondary" onclick={apply(edits)} aria-label={label}>{ i18n.t("wb-apply") }</button>
                            </li>
                        }
                    });
                    html! {
                        <div role="status">
                            <p>{ i18n.f("wb-path-found", &[("band", &band), ("count", &paths.first().map_or(0, Vec::len).to_string())]) }</p>
                            <ul class="paths">{ for ways }</ul>
                        </div>
                    }
                }
                _ => html! {
                    <button type="button" onclick={onfind}>{ i18n.f("wb-path-find", &[("band", &band)]) }</button>
                },
            };
            html! {
                <section aria-labelledby="wb-path-title">
                    <h3 id="wb-path-title">{ i18n.t("wb-path-title") }</h3>
                    { answer }
                </section>
            }
        }
        Some(_) => html! { <p>{ i18n.f("wb-path-best", &[("unit", &name)]) }</p> },
        None => html! {},
    };
    html! {
        <section aria-labelledby="wb-reforms-title" class="wb-reforms">
            <h2 id="wb-reforms-title">{ i18n.t("wb-reforms") }</h2>
            <p>
                { i18n.f("wb-reforms-help", &[("unit", &name)]) }
                if options.iter().any(|o| o.band) { { " " }{ i18n.t("wb-reforms-bands") } }
            </p>
            if options.is_empty() {
                <p>{ i18n.f("wb-reforms-none", &[("unit", &name)]) }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-reforms-caption">
                    <table>
                        <caption id="wb-reforms-caption"><span class="caption-text">{ i18n.f("wb-reforms-caption", &[("unit", &name), ("period", &period.to_string())]) }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("wb-col-reform") }</th>
                            <th scope="col">{ i18n.t("wb-col-reform-value") }</th>
                            <th scope="col" class="num">{ i18n.t("wb-col-score") }</th>
                            if d.bands.is_some() { <th scope="col">{ i18n.t("wb-col-band") }</th> }
                            <th scope="col" class="num">{ i18n.t("wb-col-rank") }</th>
                            <th scope="col"><span class="visually-hidden">{ i18n.t("wb-apply") }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                { path }
            }
        </section>
    }
}

/// How long the weights must be still before the robustness view starts a run, in ms.
const QUIET_MS: u32 = 150;

/// The request in flight: its id, the folder and period it is for, and the standings and
/// weights caption it was made at (the table shows its answer against those).
type Pending = Option<(u32, String, i32, Standings)>;

/// The standings a run was asked for, and how its caption names the weights.
type Standings = (Rc<Result<Computed, String>>, String);

/// Robustness: where each unit lands when every weight of the framework moves at random
/// (Monte Carlo, run in a background thread so the page stays responsive).
#[component]
fn Robustness(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    // The last answer, with the folder and period it is for.
    let reply = use_state(|| None::<(String, i32, Reply, Standings)>);
    let pending = use_mut_ref(|| None::<(u32, String, i32, Standings)>);
    let counter = use_mut_ref(|| 0u32);
    let waiting = use_state(|| false);
    let runner = use_mut_ref(|| None::<Result<Runner, String>>);
    let spread = s.route.spread.unwrap_or(DEFAULT_SPREAD);
    let period = (*s.computed).as_ref().ok().map(|c| c.period);
    let folder = s.entry.folder.clone();
    let imported = s.entry.imported.clone();
    {
        let (reply, pending, counter, waiting, runner) = (
            reply.clone(),
            pending.clone(),
            counter.clone(),
            waiting.clone(),
            runner.clone(),
        );
        let key = (
            folder.clone(),
            period,
            (*s.weights).clone(),
            spread,
            imported,
        );
        let at = (s.computed.clone(), s.weights_state());
        use_effect_with(key, move |(folder, period, weights, spread, imported)| {
            let (folder, period, weights, spread, imported) = (
                folder.clone(),
                *period,
                weights.clone(),
                *spread,
                imported.clone(),
            );
            // A run starts once the weights have been still for a moment, so that moving a
            // slider is not slowed by draws that the next movement makes obsolete (on a
            // machine with two cores, both run the draws); the table keeps the last figures,
            // marked busy, meanwhile.
            let post = move || {
                if let Some(period) = period {
                    let mut slot = runner.borrow_mut();
                    if slot.is_none() {
                        let (reply, pending, waiting) =
                            (reply.clone(), pending.clone(), waiting.clone());
                        *slot = Some(Runner::start(move |r: Reply| {
                            let current: Pending = pending.borrow().clone();
                            if let Some((id, folder, period, at)) = current {
                                if r.id == id || r.id == 0 {
                                    *pending.borrow_mut() = None;
                                    waiting.set(false);
                                    reply.set(Some((folder, period, r, at)));
                                }
                            }
                        }));
                    }
                    let id = {
                        let mut c = counter.borrow_mut();
                        *c += 1;
                        *c
                    };
                    match slot.as_ref() {
                        Some(Ok(runner)) => {
                            let request = Request {
                                id,
                                folder: folder.name.clone(),
                                bands: folder.bands.clone(),
                                sources: folder.sources.clone(),
                                period,
                                weights: weights.clone(),
                                spread: f64::from(spread) / 100.0,
                                draws: DRAWS,
                                seed: SEED,
                                from: 0,
                                to: DRAWS,
                                bounds: true,
                                imported: imported.clone(),
                            };
                            *pending.borrow_mut() =
                                Some((id, folder.name.clone(), period, at.clone()));
                            match runner.post(&request) {
                                Ok(()) => waiting.set(true),
                                Err(e) => {
                                    *pending.borrow_mut() = None;
                                    reply.set(Some((
                                        folder.name.clone(),
                                        period,
                                        Reply { id, result: Err(e) },
                                        at.clone(),
                                    )));
                                }
                            }
                        }
                        Some(Err(e)) => {
                            reply.set(Some((
                                folder.name.clone(),
                                period,
                                Reply {
                                    id,
                                    result: Err(e.clone()),
                                },
                                at.clone(),
                            )));
                        }
                        None => {}
                    }
                }
            };
            let timer = gloo::timers::callback::Timeout::new(QUIET_MS, post);
            move || drop(timer)
        });
    }
    // The table shows the last answer against the standings it was asked for, and is not
    // redrawn while the weights move (marked busy until the next answer): a slider's movement
    // on this view costs its own output and the status line, not 199 rows.
    let answered = reply
        .as_ref()
        .filter(|(f, p, _, _)| *f == folder.name && Some(*p) == period)
        .cloned();
    // A long table draws the rows in view (as the ranking does).
    let rows = answered
        .as_ref()
        .and_then(|(_, _, _, (standings, _))| (**standings).as_ref().ok())
        .map_or(0, |c| c.standings.order.len());
    let in_view = super::window::use_rows_in_view(rows);
    let table = {
        let key = (
            answered
                .as_ref()
                .map(|(_, _, r, at)| (r.id, Rc::as_ptr(&at.0) as usize)),
            *waiting,
            s.route.lang,
            Rc::as_ptr(&s.entry) as usize,
            in_view.range.clone(),
        );
        let (shown, answered, waiting) = (s.clone(), answered.clone(), *waiting);
        let in_view = in_view.clone();
        use_memo(key, move |_| {
            answered
                .as_ref()
                .map(|a| robust_table(&shown, a, waiting, &in_view))
                .unwrap_or_default()
        })
    };
    if let Err(e) = &*s.computed {
        return error_notice(i18n, e);
    }
    let units = i18n.num(s.units().len() as f64, 0);
    let draws = i18n.num(f64::from(DRAWS), 0);
    let fraction = |x: f64| short_number(i18n, x, 2);
    let spread_f = f64::from(spread) / 100.0;
    let onspread = {
        let (navigate, route) = (s.navigate.clone(), s.route.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = route.clone();
            next.spread = select.value().parse().ok().filter(|p| *p != DEFAULT_SPREAD);
            navigate.emit((next, false));
        })
    };
    // The answer for what is shown (another index's or period's is not shown).
    let current = answered.as_ref().map(|(_, _, r, _)| &r.result);
    let status = match (*waiting, current) {
        (true, _) => i18n.f("wb-robust-running", &[("draws", &draws), ("units", &units)]),
        (false, Some(Ok(a))) => i18n.f(
            if a.threads > 1 {
                "wb-robust-done-parallel"
            } else {
                "wb-robust-done"
            },
            &[
                ("draws", &draws),
                ("units", &units),
                ("ms", &i18n.num(a.millis, 0)),
            ],
        ),
        _ => String::new(),
    };
    let failure = match current {
        Some(Err(e)) if !*waiting => Some(e.clone()),
        _ => None,
    };
    let bounds_note = match current {
        Some(Ok(a)) => Some(match &a.bounds {
            Ok(true) => i18n.t("wb-robust-bounds-pairwise"),
            Ok(false) => i18n.t("wb-robust-bounds-ranges"),
            Err(e) => i18n.f("wb-robust-bounds-none", &[("reason", e)]),
        }),
        _ => None,
    };
    html! {
        <div class="layout">
            <Weights shown={s.clone()} />
            <section aria-labelledby="wb-robust-title">
                <h2 id="wb-robust-title">{ i18n.t("wb-tab-robustness") }</h2>
                <p>{ i18n.f("wb-robust-intro", &[
                    ("draws", &draws),
                    ("low", &fraction(1.0 - spread_f)),
                    ("high", &fraction(1.0 + spread_f)),
                ]) }</p>
                <div class="wb-controls">
                    <div class="field">
                        <label for="wb-spread">{ i18n.t("wb-robust-spread") }</label>
                        <select id="wb-spread" onchange={onspread}>
                            { for SPREADS.iter().map(|p| html! {
                                <option value={p.to_string()} selected={*p == spread}>
                                    { i18n.f("wb-robust-spread-option", &[
                                        ("low", &fraction(1.0 - f64::from(*p) / 100.0)),
                                        ("high", &fraction(1.0 + f64::from(*p) / 100.0)),
                                    ]) }
                                </option>
                            }) }
                        </select>
                    </div>
                </div>
                <p role="status" data-testid="wb-robust-status">{ status }</p>
                if let Some(e) = failure {
                    <div class="notice notice-error" role="alert">
                        <p>{ i18n.t("wb-robust-failed") }</p>
                        <p>{ e }</p>
                    </div>
                }
                { (*table).clone() }
                <p class="hint">{ i18n.t("wb-robust-reading") }</p>
                if let Some(note) = bounds_note {
                    <p class="hint" data-testid="wb-robust-bounds-note">{ note }</p>
                }
                <super::effects::ConstructionEffects shown={s.clone()} />
            </section>
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

/// The ranking as CSV: a header block naming the index, period and weights, then one row per
/// unit in rank order.
#[cfg_attr(feature = "composite-embed", allow(dead_code))]
pub fn ranking_csv(s: &Shown, c: &Computed) -> String {
    let d = &s.entry.index.definition;
    let i18n = &s.i18n;
    let mut csv = crate::csv::Csv::new();
    csv.comment(&i18n.local(&d.name));
    if !d.publisher.is_empty() {
        csv.comment(&i18n.f("wb-publisher", &[("publisher", &d.publisher)]));
    }
    if d.kind == engine::composite::IndexKind::Explorer {
        csv.comment(&i18n.t("wb-own-index"));
    }
    if d.kind == engine::composite::IndexKind::Imported {
        csv.comment(&i18n.t("wb-imported-callout"));
    }
    if s.modelled() {
        csv.comment(&i18n.t("wb-model-scores"));
    }
    csv.comment(&format!("{}: {}", i18n.t("wb-period"), c.period));
    let h = &d.hierarchy;
    let weights: Vec<String> = h
        .nodes()
        .iter()
        .enumerate()
        .filter(|(i, n)| s.route.weight(&n.code).is_some() && *i < s.weights.len())
        .map(|(i, n)| format!("{} {}", i18n.local(&n.name), s.weights[i]))
        .collect();
    csv.comment(&if weights.is_empty() {
        format!("{}: {}", i18n.t("wb-weights"), s.weights_state())
    } else {
        format!(
            "{} ({}): {}",
            i18n.t("wb-weights"),
            s.weights_state(),
            weights.join("; ")
        )
    });
    csv.comment(&i18n.t("wb-csv-sources"));
    for id in &s.entry.cited {
        if let Some(src) = s.entry.source(id) {
            csv.comment(&format!(
                "{} ({}) {}",
                src.title,
                src.publisher,
                src.url.clone().unwrap_or_default()
            ));
        }
    }
    csv.row([
        i18n.t("wb-col-rank"),
        i18n.t("wb-col-code"),
        i18n.t("wb-col-unit"),
        i18n.t("wb-col-score"),
        i18n.t("wb-col-band"),
        i18n.t("wb-col-basis"),
    ]);
    for &u in &c.standings.order {
        let (Some(st), Some(unit)) = (c.standings.units.get(u), s.units().get(u)) else {
            continue;
        };
        csv.row([
            st.rank.map(|r| r.to_string()).unwrap_or_default(),
            unit.code.clone(),
            i18n.unit(unit).to_string(),
            st.score.map(|x| format!("{x:.4}")).unwrap_or_default(),
            st.band.map(|b| s.band_name(b)).unwrap_or_default(),
            s.basis_text(st.basis),
        ]);
    }
    csv.finish()
}

#[component]
fn Trend(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let d = &s.entry.index.definition;
    let data = &s.entry.index.data.dataset;
    if d.periods.len() < 2 {
        return html! { <p>{ i18n.t("wb-one-period") }</p> };
    }
    let Some(u) = s.focus_unit() else {
        return html! { <p>{ i18n.t("wb-no-units") }</p> };
    };
    let mut units = vec![u];
    units.extend(
        s.route
            .compare
            .iter()
            .filter_map(|c| data.unit_index(c))
            .filter(|x| *x != u),
    );
    let trend = compute::trend(&s.entry, &units, &s.weights);
    let years: Vec<u16> = trend
        .iter()
        .map(|(p, _)| u16::try_from(*p).unwrap_or_default())
        .collect();
    let palette = crate::components::charts::PALETTE;
    let series: Vec<(String, String, &'static str, Vec<Option<f64>>)> = units
        .iter()
        .enumerate()
        .map(|(k, &x)| {
            (
                data.units
                    .get(x)
                    .map(|v| v.code.clone())
                    .unwrap_or_default(),
                s.unit_name(x).to_string(),
                palette[k % palette.len()],
                trend
                    .iter()
                    .map(|(_, row)| row.get(k).copied().flatten().and_then(|st| st.score))
                    .collect(),
            )
        })
        .collect();
    let names: Vec<String> = units.iter().map(|&x| s.unit_name(x)).collect();
    let title = i18n.f(
        "wb-trend-title",
        &[
            ("units", &names.join(", ")),
            ("index", &i18n.local(&d.short)),
        ],
    );
    let weights_state = s.weights_state();
    let caption = vec![
        format!("{} · {}", i18n.local(&d.name), weights_state),
        i18n.t("wb-trend-gaps"),
    ];
    let add = {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let code = select.value();
            if code.is_empty() {
                return;
            }
            let mut next = route.clone();
            if !next.compare.contains(&code) && next.compare.len() < MAX_COMPARE {
                next.compare.push(code);
            }
            navigate.emit((next, true));
        })
    };
    let chips = s.route.compare.iter().filter_map(|code| {
        let x = data.unit_index(code)?;
        let to = s.with(|r| r.compare.retain(|c| c != code));
        Some(html! { <li>{ s.link(to, i18n.f("wb-trend-remove", &[("unit", &s.unit_name(x))]), false) }</li> })
    });
    let head = units
        .iter()
        .map(|&x| html! { <th scope="col" class="num">{ s.unit_name(x) }</th> });
    let rows = trend.iter().rev().map(|(period, row)| {
        let cells = row.iter().map(|st| {
            let text = match st {
                Some(st) if st.score.is_some() => {
                    let band = st
                        .band
                        .map(|b| format!(", {}", s.band_name(b)))
                        .unwrap_or_default();
                    let rank = st
                        .rank
                        .map(|r| format!(", {}", i18n.f("wb-rank-n", &[("rank", &r.to_string())])))
                        .unwrap_or_default();
                    format!("{}{band}{rank}", s.score_text(st.score))
                }
                _ => i18n.t("wb-missing"),
            };
            html! { <td class="num">{ text }</td> }
        });
        html! { <tr><th scope="row">{ period }</th>{ for cells }</tr> }
    });
    let full = s.route.compare.len() >= MAX_COMPARE;
    let options = s
        .units_by_name()
        .into_iter()
        .filter(|x| !units.contains(x))
        .filter_map(|x| {
            let unit = data.units.get(x)?;
            Some(html! { <option value={unit.code.clone()}>{ s.unit_name(x) }</option> })
        });
    html! {
        <section aria-labelledby="wb-trend-heading">
            <h2 id="wb-trend-heading">{ i18n.t("wb-tab-trend") }</h2>
            <div class="wb-controls">
                { unit_picker(s, "wb-trend-unit", Some(u)) }
                <div class="field">
                    <label for="wb-trend-add">{ i18n.t("wb-trend-add") }</label>
                    <select id="wb-trend-add" onchange={add} disabled={full}>
                        <option value="" selected=true>{ if full { i18n.t("wb-trend-full") } else { i18n.t("wb-trend-choose") } }</option>
                        { for options }
                    </select>
                </div>
            </div>
            if !s.route.compare.is_empty() {
                <ul class="chips" aria-label={i18n.t("wb-trend-compared")}>{ for chips }</ul>
            }
            <figure>
                <crate::components::charts::LineChart id="wb-trend-chart" title={title.clone()} {years} {series} {caption} />
            </figure>
            <details class="data-table" open={d.periods.len() <= 12}>
                <summary>{ i18n.t("wb-trend-table") }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-trend-caption">
                    <table>
                        <caption id="wb-trend-caption"><span class="caption-text">{ title }</span></caption>
                        <thead><tr><th scope="col">{ i18n.t("wb-period") }</th>{ for head }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}

/// The same unit in every other index that lists it: its standing there (latest period,
/// framework weights), with a link to its profile in that index.
fn elsewhere(s: &Shown, code: &str) -> Html {
    let i18n = &s.i18n;
    let items: Vec<Html> = s
        .loaded
        .entries
        .iter()
        .filter(|e| !Rc::ptr_eq(e, &s.entry))
        .filter_map(|e| {
            let u = e.index.data.dataset.unit_index(code)?;
            let c = other_standings(e, None)?;
            let st = c.standings.units.get(u)?;
            let d = &e.index.definition;
            let band = st
                .band
                .and_then(|b| d.band_scheme()?.bands().get(b))
                .map(|b| format!(", {}", i18n.local(&b.name)))
                .unwrap_or_default();
            let decimals = if d.scale.is_some() { 1 } else { 2 };
            let text = match st.score {
                Some(x) => format!(
                    "{}{band}{}",
                    i18n.num(x, decimals),
                    st.rank
                        .map(|r| format!(", {}", i18n.f("wb-rank-n", &[("rank", &r.to_string())])))
                        .unwrap_or_default()
                ),
                None => i18n.t("wb-no-score"),
            };
            let to = Route {
                lang: s.route.lang,
                index: Some(d.id.clone()),
                tab: Tab::Profile,
                unit: Some(code.to_string()),
                ..Route::default()
            };
            Some(html! {
                <li>
                    { s.link(to, format!("{}, {}", i18n.local(&d.name), c.period), false) }
                    { format!(": {text}") }
                </li>
            })
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="wb-elsewhere-title">
            <h3 id="wb-elsewhere-title">{ i18n.t("wb-elsewhere") }</h3>
            <ul>{ for items }</ul>
        </section>
    }
}

/// The other index's standings at its framework weights, in `period` (or its latest).
fn other_standings(other: &Entry, period: Option<i32>) -> Option<Computed> {
    let route = Route {
        period,
        ..Route::default()
    };
    let p = compute::period(other, &route)?;
    let mut prepared = compute::prepare(other, p).ok()?;
    compute::score(
        &mut prepared,
        other,
        &compute::weights(other, &Route::default()),
    )
    .ok()
}

#[component]
fn AgreementView(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let c = match &*s.computed {
        Ok(c) => c,
        Err(e) => return error_notice(i18n, e),
    };
    let this = &s.entry;
    let others: Vec<&Rc<Entry>> = s
        .loaded
        .entries
        .iter()
        .filter(|e| !Rc::ptr_eq(e, this))
        .collect();
    if others.is_empty() {
        return html! { <p>{ i18n.t("wb-agree-none") }</p> };
    }
    // The route's other index, else the first that scores at least three of the same units.
    let chosen = s
        .route
        .other
        .as_ref()
        .and_then(|id| others.iter().find(|e| &e.index.definition.id == id))
        .or_else(|| {
            others.iter().find(|e| {
                other_standings(e, None)
                    .is_some_and(|oc| compute::agreement(this, c, e, &oc).pairs.len() >= 3)
            })
        })
        .or(others.first())
        .copied();
    let Some(other) = chosen else {
        return html! {};
    };
    let od = &other.index.definition;
    let oc = other_standings(other, s.route.other_period);
    let onother = {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = route.clone();
            next.other = Some(select.value());
            next.other_period = None;
            navigate.emit((next, false));
        })
    };
    let onperiod = {
        let navigate = s.navigate.clone();
        let route = s.route.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let mut next = route.clone();
            next.other_period = select.value().parse().ok();
            navigate.emit((next, false));
        })
    };
    let controls = pickers(
        (
            "wb-agree-index",
            i18n.t("wb-agree-with"),
            "wb-agree-period",
            i18n.t("wb-agree-period"),
        ),
        others.iter().map(|e| &***e),
        od,
        oc.as_ref().map(|x| x.period),
        i18n,
        (onother, onperiod),
    );
    let Some(oc) = oc else {
        return html! { <section>{ controls }{ error_notice(i18n, "") }</section> };
    };
    let a = compute::agreement(this, c, other, &oc);
    let band_of = |e: &Entry, b: Option<usize>| {
        b.and_then(|b| e.index.definition.band_scheme()?.bands().get(b))
            .map(|x| i18n.local(&x.name).to_string())
            .unwrap_or_default()
    };
    let decimals = |e: &Entry| {
        if e.index.definition.scale.is_some() {
            1
        } else {
            2
        }
    };
    let cell = |e: &Entry, st: &engine::composite::Standing| {
        let band = band_of(e, st.band);
        let score = st
            .score
            .map_or_else(String::new, |x| i18n.num(x, decimals(e)));
        if band.is_empty() {
            score
        } else {
            format!("{score}, {band}")
        }
    };
    let rows = a.pairs.iter().map(|p| {
        let name = s.unit_name(p.units.0);
        html! {
            <tr data-code={p.code.clone()}>
                <th scope="row">{ name }</th>
                <td class="num">{ cell(this, &p.standings.0) }</td>
                <td class="num">{ p.standings.0.rank.map(|r| r.to_string()).unwrap_or_default() }</td>
                <td class="num">{ cell(other, &p.standings.1) }</td>
                <td class="num">{ p.standings.1.rank.map(|r| r.to_string()).unwrap_or_default() }</td>
            </tr>
        }
    });
    let (a_name, b_name) = (
        i18n.local(&this.index.definition.short),
        i18n.local(&od.short),
    );
    let caption = i18n.f(
        "wb-agree-caption",
        &[
            ("a", &a_name),
            ("period", &c.period.to_string()),
            ("b", &b_name),
            ("otherperiod", &oc.period.to_string()),
        ],
    );
    let total = a.pairs.len().to_string();
    html! {
        <section aria-labelledby="wb-agree-title">
            <h2 id="wb-agree-title">{ i18n.t("wb-tab-agreement") }</h2>
            { controls }
            <dl class="wb-headline" data-testid="agreement">
                <div><dt>{ i18n.t("wb-agree-common") }</dt><dd>{ a.pairs.len() }</dd></div>
                <div><dt>{ i18n.t("wb-agree-rho") }</dt><dd data-testid="rho">{ a.rho.map_or_else(|| i18n.t("wb-agree-no-rho"), |r| i18n.num(r, 3)) }</dd></div>
                if let Some((same, near)) = a.bands {
                    <div><dt>{ i18n.t("wb-agree-same-band") }</dt><dd>{ i18n.f("wb-of", &[("n", &same.to_string()), ("total", &total)]) }</dd></div>
                    <div><dt>{ i18n.t("wb-agree-near-band") }</dt><dd>{ i18n.f("wb-of", &[("n", &near.to_string()), ("total", &total)]) }</dd></div>
                }
            </dl>
            <p>{ i18n.t("wb-agree-explain") }</p>
            if a.pairs.is_empty() {
                <p>{ i18n.t("wb-agree-no-common") }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-agree-caption">
                    <table>
                        <caption id="wb-agree-caption"><span class="caption-text">{ caption }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("wb-col-unit") }</th>
                            <th scope="col" class="num">{ format!("{a_name}, {}", c.period) }</th>
                            <th scope="col" class="num">{ i18n.f("wb-agree-rank-in", &[("index", &a_name)]) }</th>
                            <th scope="col" class="num">{ format!("{b_name}, {}", oc.period) }</th>
                            <th scope="col" class="num">{ i18n.f("wb-agree-rank-in", &[("index", &b_name)]) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </section>
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
