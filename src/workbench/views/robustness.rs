//! The robustness view: the Monte Carlo table drawn from the background thread's answers, its rows, and the sensitivity and ranks per rule below it.

use super::*;

/// The robustness table: `answered`'s figures against the standings it was asked for.
pub(crate) fn robust_table(
    s: &Shown,
    answered: &(String, i32, Reply, Standings),
    waiting: bool,
    in_view: &crate::workbench::window::RowsInView,
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
pub(crate) struct RobustRowProps {
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
pub(crate) fn RobustRow(p: &RobustRowProps) -> Html {
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

/// How long the weights must be still before the robustness view starts a run, in ms.
pub(crate) const QUIET_MS: u32 = 150;

/// The request in flight: its id, the folder and period it is for, and the standings and
/// weights caption it was made at (the table shows its answer against those).
pub(crate) type Pending = Option<(u32, String, i32, Standings)>;

/// The standings a run was asked for, and how its caption names the weights.
pub(crate) type Standings = (Rc<Result<Computed, String>>, String);

/// Robustness: where each unit lands when every weight of the framework moves at random
/// (Monte Carlo, run in a background thread so the page stays responsive).
#[component]
pub(crate) fn Robustness(props: &ViewProps) -> Html {
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
    let in_view = crate::workbench::window::use_rows_in_view(rows);
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
                <crate::workbench::effects::ConstructionEffects shown={s.clone()} />
            </section>
        </div>
    }
}
