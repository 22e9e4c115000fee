//! The ranking: every unit with its rank, score, band and basis, its rows, its download and Embed button, and the ranking as CSV.

use super::*;

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
    let in_view = crate::workbench::window::use_rows_in_view(matched.len());
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
pub(crate) fn download_csv(s: &Shown, id: &str, period: i32) -> Callback<MouseEvent> {
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
pub(crate) fn embed_button(s: &Shown) -> Html {
    #[cfg(not(feature = "composite-embed"))]
    {
        html! { <crate::workbench::embed::EmbedDialog shown={s.clone()} /> }
    }
    #[cfg(feature = "composite-embed")]
    {
        let _ = s;
        html! {}
    }
}

/// The unit link an event happened in, if any (a row's link: `tr[data-code] th a`), and its
/// unit's code.
pub(crate) fn unit_link(e: &Event) -> Option<(web_sys::HtmlAnchorElement, String)> {
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
pub(crate) const FILL_STEPS: [&str; 5] = ["0", "1", "2", "3", "4"];

#[derive(Properties, PartialEq)]
pub(crate) struct RankRowProps {
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
pub(crate) fn RankRow(p: &RankRowProps) -> Html {
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
