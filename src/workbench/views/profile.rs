//! A unit's profile: every node of the framework with its value and sources.

use super::*;

/// A value as the profile and simulator show it: a band by name, a number with its unit.
pub(crate) fn value_text(s: &Shown, value: Option<Value>, indicator: &str) -> String {
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
pub(crate) fn tree(h: &engine::composite::Hierarchy) -> Vec<(usize, usize)> {
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
