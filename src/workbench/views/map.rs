//! The map and its table.

use super::*;

#[component]
pub(crate) fn MapView(props: &ViewProps) -> Html {
    let s = &props.shown;
    let i18n = &s.i18n;
    let world = crate::map::use_world(if s.embedded {
        crate::workbench::embed::WORLD
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
