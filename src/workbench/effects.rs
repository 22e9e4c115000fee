//! The robustness view's answers beyond the Monte Carlo, for any index: how one unit's score
//! responds to each weight (a tornado chart and its table) and every unit's rank under each
//! aggregation rule. Computed on the page from the period the ranking is prepared from
//! ([`compute::effects`]: five recomputes, no second preparation) once the weights have been
//! still for a moment, and drawn from that answer (marked busy while the weights move), so a
//! slider's movement costs neither the recomputes nor the tables.

use std::rc::Rc;

use engine::composite::sensitivity::RULES;
use engine::composite::Rule;
use yew::prelude::*;

use super::compute::{self, Effects};
use super::views::{short_number, unit_picker, Shown, ViewProps};
use super::window::{use_rows_in_view, RowsInView};
use crate::components::charts::tornado::Tornado;

/// How long the weights must be still before the answers are recomputed, in ms.
const QUIET_MS: u32 = 150;

/// The message key of a rule's name.
fn rule_key(rule: Rule) -> &'static str {
    match rule {
        Rule::Arithmetic => "wb-build-agg-arith",
        Rule::Geometric => "wb-build-agg-geom",
        Rule::Harmonic => "wb-build-agg-harm",
        Rule::Minimum => "wb-build-agg-min",
    }
}

#[component]
pub fn ConstructionEffects(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let computed = (*s.computed).as_ref().ok();
    let period = computed.map(|c| c.period);
    // The unit in focus: the route's, else the top-ranked.
    let unit = s
        .route
        .unit
        .as_deref()
        .and_then(|code| s.entry.index.data.dataset.unit_index(code))
        .or_else(|| computed.and_then(|c| c.standings.order.first().copied()));
    // The weights the answers are for: the current ones once still for QUIET_MS.
    let settled = use_state(|| (*s.weights).clone());
    {
        let settled = settled.clone();
        use_effect_with((*s.weights).clone(), move |weights| {
            let weights = weights.clone();
            let timer = gloo::timers::callback::Timeout::new(QUIET_MS, move || {
                settled.set(weights);
            });
            move || drop(timer)
        });
    }
    let answer: Rc<Option<Result<Effects, String>>> = {
        let (entry, prepared) = (s.entry.clone(), s.prepared.clone());
        let key = (
            Rc::as_ptr(&prepared) as usize,
            period,
            (*settled).clone(),
            unit,
        );
        use_memo(key, move |(_, _, weights, unit)| {
            match &mut *prepared.borrow_mut() {
                Some(Ok(p)) => Some(compute::effects(p, &entry, weights, *unit)),
                Some(Err(e)) => Some(Err(e.clone())),
                None => None,
            }
        })
    };
    let rows = match &*answer {
        Some(Ok(a)) => a.order.len(),
        _ => 0,
    };
    let in_view = use_rows_in_view(rows);
    // The tables, drawn again only for a new answer (what it is for, not where it is: a new
    // answer may take the old one's place in memory), language or window of rows.
    let tables = {
        let key = (
            Rc::as_ptr(&s.prepared) as usize,
            period,
            (*settled).clone(),
            unit,
            s.route.lang,
            Rc::as_ptr(&s.entry) as usize,
            in_view.range.clone(),
        );
        let (shown, answer, in_view) = (s.clone(), answer.clone(), in_view.clone());
        use_memo(key, move |_| match &*answer {
            Some(Ok(a)) => Some((
                sensitivity_table(&shown, a, unit),
                rules_table(&shown, a, &in_view),
            )),
            _ => None,
        })
    };
    let (Some(c), Some(answer)) = (computed, answer.as_ref()) else {
        return html! {};
    };
    if let Err(e) = answer {
        return html! { <p class="notice notice-error" role="alert">{ e.clone() }</p> };
    }
    let Some((sensitivity, rules)) = (*tables).clone() else {
        return html! {};
    };
    let busy = (*settled != *s.weights).to_string();
    let own = s.entry.index.definition.aggregation;
    html! {
        <>
            if let Some(u) = unit {
                <section aria-labelledby="wb-sens-title" class="wb-effects">
                    <h3 id="wb-sens-title">{ i18n.f("wb-sens-title", &[("unit", &s.unit_name(u))]) }</h3>
                    <p class="hint">{ i18n.t("wb-sens-intro") }</p>
                    <div class="wb-controls">{ unit_picker(s, "wb-sens-unit", Some(u)) }</div>
                    <div aria-busy={busy.clone()}>{ sensitivity }</div>
                </section>
            }
            <section aria-labelledby="wb-rules-title" class="wb-effects">
                <h3 id="wb-rules-title">{ i18n.t("wb-rules-title") }</h3>
                <p class="hint">{ i18n.f("wb-rules-intro", &[("rule", &i18n.t(rule_key(own)))]) }</p>
                <div class="table-wrap wb-sticky" tabindex="0" role="region" aria-labelledby="wb-rules-caption" aria-busy={busy}
                    ref={in_view.wrap.clone()} onscroll={in_view.onscroll.clone()}>
                    <table id="wb-rules-table" class={classes!(in_view.windowed().then_some("wb-windowed"))} aria-rowcount={in_view.row_count()}>
                        <caption id="wb-rules-caption"><span class="caption-text">{ i18n.f("wb-rules-caption", &[
                            ("index", s.entry.index.definition.short.get(s.lang())),
                            ("period", &c.period.to_string()),
                        ]) }</span></caption>
                        { rules }
                    </table>
                </div>
            </section>
        </>
    }
}

/// The unit's sensitivity: a tornado chart and its table, largest first; or why there is none.
fn sensitivity_table(s: &Shown, a: &Effects, unit: Option<usize>) -> Html {
    let i18n = &s.i18n;
    let Some(u) = unit else {
        return html! {};
    };
    let name = s.unit_name(u);
    if !a.scored {
        return html! { <p data-testid="wb-sens-none">{ i18n.f("wb-sens-none", &[("unit", &name)]) }</p> };
    }
    let h = &s.entry.index.data.dataset.hierarchy;
    let title = i18n.f("wb-sens-title", &[("unit", &name)]);
    let mut items: Vec<(usize, f64)> = a
        .gradient
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| h.nodes().get(*i).is_some_and(|n| n.parent.is_some()))
        .collect();
    items.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()).then(x.0.cmp(&y.0)));
    let label = |i: usize| {
        h.nodes()
            .get(i)
            .map(|n| i18n.local(&n.name).to_string())
            .unwrap_or_default()
    };
    let bars: Vec<(String, f64, String)> = items
        .iter()
        .filter(|(_, x)| x.is_finite())
        .map(|(i, x)| (label(*i), *x, i18n.signed(*x, 2)))
        .collect();
    let rows = items.iter().map(|(i, x)| {
        let parent = h
            .nodes()
            .get(*i)
            .and_then(|n| n.parent.as_deref())
            .and_then(|p| h.node(p))
            .map(|p| i18n.local(&p.name).to_string())
            .unwrap_or_default();
        let weight = a.weights.get(*i).copied().unwrap_or(0.0);
        let value = if x.is_finite() {
            i18n.signed(*x, 3)
        } else {
            "−∞".to_string()
        };
        html! {
            <tr>
                <th scope="row">{ label(*i) }</th>
                <td>{ parent }</td>
                <td class="num">{ short_number(i18n, weight, 2) }</td>
                <td class="num">{ value }</td>
            </tr>
        }
    });
    html! {
        <>
            <Tornado title={title} items={bars} />
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="wb-sens-caption">
                <table id="wb-sens-table">
                    <caption id="wb-sens-caption"><span class="caption-text">{ i18n.f("wb-sens-caption", &[("unit", &name), ("period", &s.computed.as_ref().as_ref().map_or(String::new(), |c| c.period.to_string()))]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("wb-sens-col-component") }</th>
                        <th scope="col">{ i18n.t("wb-sens-col-parent") }</th>
                        <th scope="col" class="num">{ i18n.t("wb-sens-col-weight") }</th>
                        <th scope="col" class="num">{ i18n.t("wb-sens-col-derivative") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}

/// The head and rows of the ranks per rule, in the ranking's order at the answer's weights
/// (the rows in view of a long table).
fn rules_table(s: &Shown, a: &Effects, in_view: &RowsInView) -> Html {
    let i18n = &s.i18n;
    let first = in_view.range.start;
    let drawn = a.order.get(in_view.range.clone()).unwrap_or_default();
    let rank = |r: Option<u32>| r.map_or_else(|| "–".to_string(), |r| r.to_string());
    let rows = drawn.iter().enumerate().filter_map(|(i, &u)| {
        let ranks = a.ranks.get(u)?;
        let code = s.units().get(u)?.code.clone();
        let known: Vec<u32> = ranks.iter().flatten().copied().collect();
        let spread = match (known.iter().min(), known.iter().max()) {
            (Some(lo), Some(hi)) => (hi - lo).to_string(),
            _ => "–".to_string(),
        };
        Some(html! {
            <tr key={first + i} aria-rowindex={in_view.row_index(first + i).map(|x| x.to_string())} data-unit={code}>
                <th scope="row">{ s.unit_name(u) }</th>
                { for ranks.iter().map(|r| html! { <td class="num">{ rank(*r) }</td> }) }
                <td class="num">{ spread }</td>
            </tr>
        })
    });
    let columns = 2 + RULES.len();
    html! {
        <>
            <thead><tr>
                <th scope="col">{ i18n.t("wb-col-unit") }</th>
                { for RULES.iter().map(|r| html! { <th scope="col" class="num">{ i18n.t(rule_key(*r)) }</th> }) }
                <th scope="col" class="num">{ i18n.t("wb-rules-col-spread") }</th>
            </tr></thead>
            <tbody>
                { in_view.before(columns) }
                <>{ for rows }</>
                { in_view.after(columns) }
            </tbody>
        </>
    }
}
