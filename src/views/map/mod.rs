//! The world map: a choropleth of the selected index (by band, or by score on a diverging
//! scale for an index without bands), drawn as SVG from build-time geometry, from the
//! standings every index takes ([`crate::standings`]). Coloured countries are focusable;
//! hover or focus shows a tooltip, click or Enter opens the profile. The table below is its
//! text alternative.

use yew::prelude::*;

use crate::components::charts::map_layout::{
    caption_y, legend_cell, legend_height, shorten, tooltip_box, TooltipBox,
};
use crate::components::ranking_table::band_cell;
#[cfg(feature = "full")]
use crate::components::share_bar::ShareBar;
use crate::explorer::use_explorer;
use crate::map::{self, region_viewbox, NEUTRAL_FILL};
use crate::state::Action;

use controls::map_controls;
use entries::entries;

mod controls;
mod entries;
mod legend;

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
    let link = ctx.link().clone();
    let active = use_state_eq(|| None::<String>);
    let shape = ctx.derived.standings(&ctx.data, ctx.link()).shape.clone();
    let entries = entries(&ctx);
    let world = map::use_world(map::WORLD_URL);
    let shapes: &[map::Shape] = match world {
        map::World::Ready(shapes) => shapes,
        _ => &[],
    };
    let (vx, vy, vw, vh) = region_viewbox(link.region);

    // The countries without a figure: about 175 shapes that do nothing, written as one piece
    // of markup (the app adopts a pre-rendered map's without touching each shape again).
    let neutral: String = shapes
        .iter()
        .filter(|s| !entries.iter().any(|e| e.iso3 == s.iso3))
        .map(|s| {
            format!(
                "<path d=\"{}\" fill=\"{NEUTRAL_FILL}\" stroke=\"#ffffff\" stroke-width=\"0.6\" vector-effect=\"non-scaling-stroke\"></path>",
                crate::markup::attribute(s.path)
            )
        })
        .collect();
    let neutral = Html::from_html_unchecked(neutral.into());
    // The countries with a figure, also written as one piece of markup: each shape is a link
    // (focusable, named, `data-iso3`), and the group listens for all of them (a click or Enter
    // opens the profile; hover or focus shows the tooltip), so the app adopts a pre-rendered
    // map's shapes whole instead of re-applying each one's geometry and six listeners.
    let coloured: String = entries
        .iter()
        .filter_map(|e| {
            let shape = shapes.iter().find(|s| s.iso3 == e.iso3)?;
            Some(format!(
                "<path d=\"{}\" fill=\"{}\" stroke=\"#1c1f24\" stroke-width=\"0.8\" vector-effect=\"non-scaling-stroke\" class=\"country\" tabindex=\"0\" role=\"link\" aria-label=\"{}\" data-iso3=\"{}\"></path>",
                crate::markup::attribute(shape.path),
                crate::markup::attribute(e.fill.unwrap_or("url(#hatch)")),
                crate::markup::attribute(&e.label),
                crate::markup::attribute(&e.iso3),
            ))
        })
        .collect();
    let coloured = Html::from_html_unchecked(coloured.into());
    // The shape an event came from, by its code.
    fn country_of(e: &Event) -> Option<String> {
        use wasm_bindgen::JsCast;
        let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
        target
            .closest("[data-iso3]")
            .ok()??
            .get_attribute("data-iso3")
    }
    let open = {
        let dispatch = ctx.dispatch.clone();
        let ctx = ctx.clone();
        move |iso: &str| dispatch.emit(Action::Navigate(ctx.profile(iso)))
    };
    let onclick = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(iso) = country_of(&e) {
                open(&iso);
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(iso) = country_of(&e) {
                e.prevent_default();
                open(&iso);
            }
        }
    });
    let show = {
        let active = active.clone();
        move |e: &Event| {
            if let Some(iso) = country_of(e) {
                active.set(Some(iso));
            }
        }
    };
    let (onfocusin, onmouseover) = {
        let (a, b) = (show.clone(), show);
        (
            Callback::from(move |e: FocusEvent| a(&e)),
            Callback::from(move |e: MouseEvent| b(&e)),
        )
    };
    let (onfocusout, onmouseout) = {
        let (a, b) = (active.clone(), active.clone());
        (
            Callback::from(move |_: FocusEvent| a.set(None)),
            Callback::from(move |_: MouseEvent| b.set(None)),
        )
    };
    // The tooltip, drawn last so it sits above every shape; placed above the country, flipped
    // below when too close to the top, and kept inside the visible region.
    let tooltip = (*active).as_ref().and_then(|iso| {
        let e = entries.iter().find(|e| e.iso3 == *iso)?;
        let shape = shapes.iter().find(|s| s.iso3 == *iso)?;
        // Long lines (many sources) are shortened on the map; the accessible name keeps all.
        let lines: Vec<String> = e.lines.iter().map(|l| shorten(l)).collect();
        let TooltipBox { x, y, width, height, line_h, font, scale, min_scale } =
            tooltip_box(shape.bbox, (vx, vy, vw, vh), &lines);
        Some(html! {
            <g class="tooltip" pointer-events="none" data-testid="map-tooltip">
                <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{width:.1}")} height={format!("{height:.1}")}
                    rx={format!("{:.1}", 3.0 * scale)} fill="#ffffff" stroke="#1c1f24" stroke-width={format!("{:.2}", 0.6 * min_scale)} />
                { for lines.iter().enumerate().map(|(i, l)| html! {
                    <text x={format!("{:.1}", x + 6.0 * min_scale)} y={format!("{:.1}", y + line_h * (i as f64 + 1.0))}
                        font-size={format!("{font:.2}")} font-weight={if i == 0 { "700" } else { "400" }} fill="#1c1f24">{ l }</text>
                }) }
            </g>
        })
    });

    let legend = legend::entries(&ctx, &shape);
    let (title, caption) = legend::caption(&ctx, &shape);
    // The legend and caption sit under the map in the same SVG, so exports carry them.
    let legend_h = legend_height(legend.len(), caption.len());
    let scale = vw / 1000.0;
    let svg_legend = html! {
        <g transform={format!("translate({vx} {}) scale({scale})", vy + vh)} class="legend" pointer-events="none">
            <rect x="0" y="0" width="1000" height={legend_h.to_string()} fill="#ffffff" />
            { for legend.iter().enumerate().map(|(i, (fill, text))| {
                let (x, y) = legend_cell(i);
                html! {
                    <g>
                        <rect x={x.to_string()} y={y.to_string()} width="14" height="12" fill={fill.clone()} stroke="#1c1f24" stroke-width="0.5" />
                        <text x={(x + 20.0).to_string()} y={(y + 11.0).to_string()} font-size="12" fill="#1c1f24">{ text }</text>
                    </g>
                }
            }) }
            { for caption.iter().enumerate().map(|(i, l)| {
                let y = caption_y(legend.len(), i);
                html! { <text x="10" y={y.to_string()} font-size="12" fill="#4a515c">{ l }</text> }
            }) }
        </g>
    };
    let total_h = vh + legend_h * scale;

    let table_rows = entries.iter().map(|e| {
        let to = ctx.profile(&e.iso3);
        html! {
            <tr>
                <th scope="row">{ crate::components::link::link(&ctx, to, e.name.clone()) }</th>
                <td>{ e.value.clone() }</td>
                if shape.official {
                    <td>{ band_cell(&i18n, e.official) }</td>
                }
            </tr>
        }
    });
    let stem = format!("{}-map", shape.file_stem);
    let compact = props.compact;
    html! {
        <>
            if !compact {
                <h1>{ i18n.t("map-title") }</h1>
                <p class="intro">{ i18n.t("map-intro") }</p>
            }
            { map_controls(&ctx) }
            if matches!(world, map::World::Ready(_)) {
                { share_bar(compact, stem.clone()) }
            }
            // While the shapes load, the share bar's place and the map's are kept (the bar
            // unseen, the map an empty frame of its final size with the status over it), so
            // nothing below moves when they arrive.
            if world == map::World::Loading {
                <div class="map-pending">{ share_bar(compact, stem) }</div>
                <figure class="map-figure map-loading">
                    <p class="map-status" role="status">{ i18n.t("map-loading") }</p>
                    <svg class="map" viewBox={format!("{vx} {vy} {vw} {total_h:.1}")} aria-hidden="true"
                        xmlns="http://www.w3.org/2000/svg"></svg>
                    <figcaption class="hint">{ i18n.t("map-keyboard") }</figcaption>
                </figure>
            }
            if world == map::World::Failed {
                <p class="notice" role="alert">{ i18n.t("map-failed") }</p>
            }
            if matches!(world, map::World::Ready(_)) {
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
                    <g class="neutral" aria-hidden="true">{ neutral }</g>
                    <g class="coloured" {onclick} {onkeydown} {onfocusin} {onfocusout} {onmouseover} {onmouseout}>{ coloured }</g>
                    { svg_legend }
                    { for tooltip }
                </svg>
                <figcaption class="hint">{ i18n.t("map-keyboard") }</figcaption>
            </figure>
            }
            <details class="data-table" open={!compact}>
                <summary>{ i18n.t("map-table") }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="map-table-caption">
                    <table class="compact" id="map-table">
                        <caption id="map-table-caption"><span class="caption-text">{ title }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("col-country") }</th>
                            <th scope="col">{ i18n.t(if shape.banded { "col-band" } else { shape.score_key }) }</th>
                            if shape.official {
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
