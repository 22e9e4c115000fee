//! This index beside another: the units both score, their ranks and bands side by side.

use super::*;

/// The same unit in every other index that lists it: its standing there (latest period,
/// framework weights), with a link to its profile in that index.
pub(crate) fn elsewhere(s: &Shown, code: &str) -> Html {
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
pub(crate) fn other_standings(other: &Entry, period: Option<i32>) -> Option<Computed> {
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
pub(crate) fn AgreementView(props: &ViewProps) -> Html {
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
