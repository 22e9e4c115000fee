//! The world map: a choropleth of the selected index (GTI bands, or CSP scores on a diverging
//! scale), drawn as SVG from build-time geometry. Coloured countries are focusable; hover or
//! focus shows a tooltip, click or Enter opens the profile. The table below is its text
//! alternative.

use engine::csp::year_table;
use engine::model::Band;
use engine::Basis;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::captions::weights_line;
use crate::components::gti_table::band_cell;
use crate::components::link::Link;
#[cfg(feature = "full")]
use crate::components::share_bar::ShareBar;
use crate::explorer::{use_explorer, Explorer};
use crate::labels;
use crate::link::{IndexId, Region};
use crate::map::{self, band_fill, csp_fill, region_viewbox, CSP_BINS, NEUTRAL_FILL};
use crate::state::Action;

/// What the map shows for one country of the index.
#[derive(Clone, PartialEq)]
struct Entry {
    iso3: String,
    name: String,
    fill: Option<&'static str>,
    /// Tooltip lines.
    lines: Vec<String>,
    /// Accessible name.
    label: String,
    /// Text of the alternative table: value and official value.
    value: String,
    official: Option<Band>,
}

fn entries(ctx: &Explorer) -> Vec<Entry> {
    let mut out = unsorted_entries(ctx);
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn unsorted_entries(ctx: &Explorer) -> Vec<Entry> {
    let i18n = &ctx.i18n;
    let data = &ctx.data;
    let publishers = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| data.bundle.source(id).map(|s| s.publisher.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match ctx.link().index {
        IndexId::Gti2025 => {
            let scored = ctx.scored().as_ref().ok();
            data.bundle
                .gti
                .countries
                .iter()
                .map(|c| {
                    let name = labels::localised(i18n, &c.name_en, &c.name_ru).to_string();
                    let o = data
                        .model
                        .index_of(&c.iso3)
                        .and_then(|i| scored?.outcomes.get(i).copied());
                    let official = c.overall.as_ref().map(|a| a.value);
                    let band = o.and_then(|o| o.band);
                    let score = o.and_then(|o| match (o.score, o.basis) {
                        (Some(s), Basis::Recomputed) => Some(i18n.num(s, 1)),
                        (Some(s), _) => {
                            Some(format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")))
                        }
                        _ => None,
                    });
                    let band_text =
                        band.map_or_else(|| i18n.t("not-published"), |b| labels::band(i18n, b));
                    let official_text =
                        official.map_or_else(|| i18n.t("not-published"), |b| labels::band(i18n, b));
                    let sources = c.overall.as_ref().map_or_else(
                        || publishers(&c.provenance.sources),
                        |a| publishers(&a.provenance.sources),
                    );
                    let mut lines = vec![name.clone()];
                    if let Some(s) = &score {
                        lines.push(format!("{}: {s}", i18n.t("col-score")));
                    }
                    lines.push(format!("{}: {band_text}", i18n.t("col-band")));
                    lines.push(format!("{}: {official_text}", i18n.t("col-official-band")));
                    lines.push(format!("{}: {sources}", i18n.t("col-sources")));
                    let label = lines.join("; ");
                    Entry {
                        iso3: c.iso3.clone(),
                        name,
                        fill: band.map(band_fill),
                        lines,
                        label,
                        value: match score {
                            Some(s) => format!("{s} · {band_text}"),
                            None => band_text,
                        },
                        official,
                    }
                })
                .collect()
        }
        IndexId::Csp => {
            let year = ctx.link().year;
            year_table(&data.bundle.csp, year)
                .into_iter()
                .map(|r| {
                    let name = data
                        .bundle
                        .csp
                        .country(&r.iso3)
                        .map_or(r.name.clone(), |c| {
                            labels::localised(i18n, &c.name_en, &c.name_ru).to_string()
                        });
                    let value = r
                        .value
                        .map_or_else(|| i18n.t("csp-missing"), |v| i18n.num(v, 2));
                    let mut lines = vec![
                        name.clone(),
                        format!("{} {year}: {value}", i18n.t("col-csp-score")),
                    ];
                    if let Some(rank) = r.rank {
                        lines.push(format!("{}: {rank}", i18n.t("col-rank")));
                    }
                    lines.push(format!(
                        "{}: {}",
                        i18n.t("col-sources"),
                        publishers(&r.provenance.sources)
                    ));
                    let label = lines.join("; ");
                    Entry {
                        iso3: r.iso3.clone(),
                        name,
                        fill: r.value.map(csp_fill),
                        lines,
                        label,
                        value,
                        official: None,
                    }
                })
                .collect()
        }
    }
}

/// Sharing and export under the map, in the full explorer only.
#[cfg(feature = "full")]
fn share_bar(compact: bool, stem: String) -> Html {
    if compact {
        html! {}
    } else {
        html! { <ShareBar chart={Some(("world-map".to_string(), stem))} /> }
    }
}

#[cfg(not(feature = "full"))]
fn share_bar(_compact: bool, _stem: String) -> Html {
    html! {}
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The embed's map: no page heading, intro, share bar or expanded table.
    #[prop_or_default]
    pub compact: bool,
}

#[component]
pub fn MapView(props: &MapProps) -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let view = ctx.link().clone();
    let active = use_state(|| None::<String>);
    let entries = entries(&ctx);
    let shapes = map::shapes();
    let (vx, vy, vw, vh) = region_viewbox(view.region);

    let neutral = shapes.iter().filter(|s| !entries.iter().any(|e| e.iso3 == s.iso3)).map(|s| html! {
        <path d={s.path} fill={NEUTRAL_FILL} stroke="#ffffff" stroke-width="0.6" vector-effect="non-scaling-stroke" />
    });
    let coloured = entries.iter().filter_map(|e| {
        let shape = shapes.iter().find(|s| s.iso3 == e.iso3)?;
        let profile = ctx.profile(&e.iso3);
        let open = {
            let dispatch = ctx.dispatch.clone();
            let profile = profile.clone();
            move || dispatch.emit(Action::Navigate(profile.clone()))
        };
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open())
        };
        let onkeydown = Callback::from(move |ev: KeyboardEvent| {
            if ev.key() == "Enter" || ev.key() == " " {
                ev.prevent_default();
                open();
            }
        });
        let show = {
            let active = active.clone();
            let iso = e.iso3.clone();
            move || active.set(Some(iso.clone()))
        };
        let hide = {
            let active = active.clone();
            move || active.set(None)
        };
        let (onfocus, onmouseenter) = {
            let (a, b) = (show.clone(), show);
            (Callback::from(move |_: FocusEvent| a()), Callback::from(move |_: MouseEvent| b()))
        };
        let (onblur, onmouseleave) = {
            let (a, b) = (hide.clone(), hide);
            (Callback::from(move |_: FocusEvent| a()), Callback::from(move |_: MouseEvent| b()))
        };
        let fill = e.fill.unwrap_or("url(#hatch)");
        Some(html! {
            <path key={e.iso3.clone()} d={shape.path} fill={fill} stroke="#1c1f24" stroke-width="0.8" vector-effect="non-scaling-stroke" class="country"
                tabindex="0" role="link" aria-label={e.label.clone()} data-iso3={e.iso3.clone()}
                {onclick} {onkeydown} {onfocus} {onblur} {onmouseenter} {onmouseleave} />
        })
    });
    // The tooltip, drawn last so it sits above every shape; placed above the country, flipped
    // below when too close to the top, and kept inside the visible region.
    let tooltip = (*active).as_ref().and_then(|iso| {
        let e = entries.iter().find(|e| e.iso3 == *iso)?;
        let shape = shapes.iter().find(|s| s.iso3 == *iso)?;
        // Long lines (many sources) are shortened on the map; the accessible name keeps all.
        let lines: Vec<String> = e
            .lines
            .iter()
            .map(|l| if l.chars().count() > 52 { format!("{}…", l.chars().take(51).collect::<String>()) } else { l.clone() })
            .collect();
        let scale = vw / 1000.0;
        let line_h = 14.0 * scale.max(0.35);
        let font = 11.0 * scale.max(0.35);
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(10) as f64 * font * 0.56 + 12.0 * scale.max(0.35);
        let height = line_h * lines.len() as f64 + 8.0 * scale.max(0.35);
        let cx = (shape.bbox[0] + shape.bbox[2]) / 2.0;
        let x = (cx - width / 2.0).clamp(vx + 2.0, vx + vw - width - 2.0);
        let above = shape.bbox[1] - height - 4.0;
        let y = if above > vy + 2.0 { above } else { (shape.bbox[3] + 4.0).min(vy + vh - height - 2.0) };
        Some(html! {
            <g class="tooltip" pointer-events="none" data-testid="map-tooltip">
                <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{width:.1}")} height={format!("{height:.1}")}
                    rx={format!("{:.1}", 3.0 * scale)} fill="#ffffff" stroke="#1c1f24" stroke-width={format!("{:.2}", 0.6 * scale.max(0.35))} />
                { for lines.iter().enumerate().map(|(i, l)| html! {
                    <text x={format!("{:.1}", x + 6.0 * scale.max(0.35))} y={format!("{:.1}", y + line_h * (i as f64 + 1.0))}
                        font-size={format!("{font:.2}")} font-weight={if i == 0 { "700" } else { "400" }} fill="#1c1f24">{ l }</text>
                }) }
            </g>
        })
    });

    let legend: Vec<(String, String)> = match view.index {
        IndexId::Gti2025 => Band::ALL
            .iter()
            .rev()
            .map(|b| (band_fill(*b).to_string(), labels::band(&i18n, *b)))
            .chain([
                ("url(#hatch)".to_string(), i18n.t("map-legend-unpublished")),
                (NEUTRAL_FILL.to_string(), i18n.t("map-legend-not-named")),
            ])
            .collect(),
        IndexId::Csp => CSP_BINS
            .iter()
            .rev()
            .map(|(lo, hi, fill)| {
                let text = match (lo.is_finite(), hi.is_finite()) {
                    (false, _) => i18n.f("map-bin-below", &[("value", &i18n.num(*hi, 0))]),
                    (_, false) => i18n.f("map-bin-above", &[("value", &i18n.num(*lo, 0))]),
                    _ => i18n.f(
                        "map-bin",
                        &[("from", &i18n.num(*lo, 0)), ("to", &i18n.num(*hi, 0))],
                    ),
                };
                (fill.to_string(), text)
            })
            .chain([
                ("url(#hatch)".to_string(), i18n.t("map-legend-missing")),
                (NEUTRAL_FILL.to_string(), i18n.t("map-legend-outside")),
            ])
            .collect(),
    };
    let title = match view.index {
        IndexId::Gti2025 => i18n.t(if ctx.is_custom() {
            "map-caption-gti-custom"
        } else {
            "map-caption-gti"
        }),
        IndexId::Csp => i18n.f("map-caption-csp", &[("year", &view.year.to_string())]),
    };
    let mut caption = vec![title.clone()];
    if view.index == IndexId::Gti2025 {
        caption.push(weights_line(&ctx));
        if ctx.is_custom() {
            caption.push(i18n.t("weights-custom"));
        }
    }
    caption.push(i18n.t("map-attribution"));
    // The legend and caption sit under the map in the same SVG, so exports carry them.
    let legend_h = 18.0 * legend.len().div_ceil(3) as f64 + 16.0 * caption.len() as f64 + 16.0;
    let scale = vw / 1000.0;
    let svg_legend = html! {
        <g transform={format!("translate({vx} {}) scale({scale})", vy + vh)} class="legend" pointer-events="none">
            <rect x="0" y="0" width="1000" height={legend_h.to_string()} fill="#ffffff" />
            { for legend.iter().enumerate().map(|(i, (fill, text))| {
                let (col, row) = (i % 3, i / 3);
                let (x, y) = (10.0 + 330.0 * col as f64, 8.0 + 18.0 * row as f64);
                html! {
                    <g>
                        <rect x={x.to_string()} y={y.to_string()} width="14" height="12" fill={fill.clone()} stroke="#1c1f24" stroke-width="0.5" />
                        <text x={(x + 20.0).to_string()} y={(y + 11.0).to_string()} font-size="12" fill="#1c1f24">{ text }</text>
                    </g>
                }
            }) }
            { for caption.iter().enumerate().map(|(i, l)| {
                let y = 18.0 * legend.len().div_ceil(3) as f64 + 22.0 + 16.0 * i as f64;
                html! { <text x="10" y={y.to_string()} font-size="12" fill="#4a515c">{ l }</text> }
            }) }
        </g>
    };
    let total_h = vh + legend_h * scale;

    let onindex = ctx.dispatch.reform(|e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetIndex(crate::link::IndexId::parse(&s.value()).unwrap_or_default())
    });
    let default_year = crate::defaults::year(&ctx.data);
    let onyear = ctx.dispatch.reform(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetYear(s.value().parse().unwrap_or(default_year))
    });
    let regions = Region::ALL.iter().map(|r| {
        let region = *r;
        let onchange = ctx.dispatch.reform(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if input.checked() { Action::SetRegion(region) } else { Action::SetRegion(Region::World) }
        });
        let id = format!("region-{}", r.slug());
        html! {
            <div class="radio">
                <input type="radio" name="region" id={id.clone()} checked={view.region == *r} {onchange} />
                <label for={id}>{ i18n.t(&labels::region_key(*r)) }</label>
            </div>
        }
    });
    let table_rows = entries.iter().map(|e| {
        let to = ctx.profile(&e.iso3);
        html! {
            <tr>
                <th scope="row"><Link {to}>{ e.name.clone() }</Link></th>
                <td>{ e.value.clone() }</td>
                if view.index == IndexId::Gti2025 {
                    <td>{ band_cell(&i18n, e.official) }</td>
                }
            </tr>
        }
    });
    let stem = match view.index {
        IndexId::Gti2025 => "gti-2025-map".to_string(),
        IndexId::Csp => format!("csp-index-{}-map", view.year),
    };
    let compact = props.compact;
    html! {
        <>
            if !compact {
                <h1>{ i18n.t("map-title") }</h1>
                <p class="intro">{ i18n.t("map-intro") }</p>
            }
            <div class="switcher">
                <div class="field">
                    <label for="map-index">{ i18n.t("index-choice") }</label>
                    <select id="map-index" onchange={onindex}>
                        <option value="gti-2025" selected={view.index == IndexId::Gti2025}>{ i18n.t("index-gti") }</option>
                        <option value="csp" selected={view.index == IndexId::Csp}>{ i18n.t("index-csp") }</option>
                    </select>
                </div>
                if view.index == IndexId::Csp {
                    <div class="field">
                        <label for="map-year">{ i18n.t("year") }</label>
                        <select id="map-year" onchange={onyear}>
                            { for ctx.data.bundle.csp.years().rev().map(|y| html! { <option value={y.to_string()} selected={y == view.year}>{ y }</option> }) }
                        </select>
                    </div>
                }
                <fieldset>
                    <legend>{ i18n.t("map-zoom") }</legend>
                    { for regions }
                </fieldset>
            </div>
            { share_bar(compact, stem) }
            <figure class="map-figure">
                <svg id="world-map" class="map" viewBox={format!("{vx} {vy} {vw} {total_h:.1}")} role="group"
                    aria-labelledby="world-map-title" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
                    <title id="world-map-title">{ title.clone() }</title>
                    <defs>
                        <pattern id="hatch" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
                            <rect width="4" height="4" fill="#ffffff" />
                            <line x1="0" y1="0" x2="0" y2="4" stroke="#5b6270" stroke-width="1.6" />
                        </pattern>
                    </defs>
                    <rect x={vx.to_string()} y={vy.to_string()} width={vw.to_string()} height={total_h.to_string()} fill="#f7f9fc" />
                    <g class="neutral" aria-hidden="true">{ for neutral }</g>
                    <g class="coloured">{ for coloured }</g>
                    { svg_legend }
                    { for tooltip }
                </svg>
                <figcaption class="hint">{ i18n.t("map-keyboard") }</figcaption>
            </figure>
            <details class="data-table" open={!compact}>
                <summary>{ i18n.t("map-table") }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="map-table-caption">
                    <table class="compact" id="map-table">
                        <caption id="map-table-caption"><span class="caption-text">{ title }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("col-country") }</th>
                            <th scope="col">{ i18n.t(if view.index == IndexId::Gti2025 { "col-band" } else { "col-csp-score" }) }</th>
                            if view.index == IndexId::Gti2025 {
                                <th scope="col">{ i18n.t("col-official-band") }</th>
                            }
                        </tr></thead>
                        <tbody>{ for table_rows }</tbody>
                    </table>
                </div>
            </details>
        </>
    }
}
