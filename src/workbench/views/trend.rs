//! A unit's trend over every period, and units compared.

use super::*;

#[component]
pub(crate) fn Trend(props: &ViewProps) -> Html {
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
