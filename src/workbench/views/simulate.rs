//! The simulator: a unit recomputed with changed values, and the reforms the framework names.

use super::*;

#[component]
pub(crate) fn Simulate(props: &ViewProps) -> Html {
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
pub(crate) struct ReformsProps {
    shown: Shown,
    unit: usize,
    period: i32,
}

/// The reforms the index's framework names, each applied alone to the unit's recorded
/// values, and on request the fewest of them that reach the next better band.
#[component]
pub(crate) fn Reforms(props: &ReformsProps) -> Html {
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
