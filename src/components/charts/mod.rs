//! Charts drawn as SVG by hand (no charting library), one file per kind: the CSP line chart,
//! the slope chart, the map overlays, and the robustness view's rank intervals, band
//! probabilities and tornado.
//! Each draws gaps as gaps, labels directly (colour is never the only cue), and carries a
//! caption inside the SVG so exported files keep it. The geometry (scales, ticks, label
//! spreading, bar and path coordinates) is in pure functions, tested natively.

// The robustness view's charts are the full explorer's only.
#[cfg(feature = "full")]
pub mod band_bars;
pub mod line;
pub mod map_layout;
#[cfg(feature = "full")]
pub mod rank_intervals;
pub mod scale;
pub mod slope;
#[cfg(any(feature = "full", feature = "workbench"))]
pub mod tornado;

pub use line::LineChart;
pub use slope::SlopeChart;

use yew::prelude::*;

use crate::data::AppData;
use crate::i18n::Messages;
use crate::link::IndexId;

/// A categorical palette that stays distinguishable for common colour-vision deficiencies
/// (Okabe-Ito), darkened where needed for contrast on white.
pub const PALETTE: [&str; 9] = [
    "#0072B2", "#B84A00", "#007A5A", "#A8457F", "#6B5E00", "#1F6F99", "#882255", "#333333",
    "#8F5F00",
];

pub struct Series {
    pub iso3: String,
    pub name: String,
    pub color: &'static str,
    /// One value per period, `None` where missing or not measured.
    pub values: Vec<Option<f64>>,
}

/// Every unit of `index` as a series over its periods (oldest first), in a stable colour:
/// the periods, and the series.
pub fn series(data: &AppData, index: IndexId, i18n: &Messages) -> (Vec<u16>, Vec<Series>) {
    let (periods, units) = crate::standings::series(data, index);
    let series = units
        .into_iter()
        .enumerate()
        .map(|(i, s)| Series {
            name: i18n.country(&s.iso3, &s.name_en).to_string(),
            iso3: s.iso3,
            color: PALETTE[i % PALETTE.len()],
            values: s.values,
        })
        .collect();
    (periods, series)
}

/// The frame every chart shares: a standalone SVG (namespaced, system fonts, white
/// background) named by its title, so an exported file keeps both.
pub fn chart_svg(id: &str, title: &str, width: f64, height: f64, body: Html) -> Html {
    let title_id = format!("{id}-svg-title");
    html! {
        <svg id={id.to_string()} class="chart" viewBox={format!("0 0 {width} {height}")} role="img"
            aria-labelledby={title_id.clone()} xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">
            <title id={title_id}>{ title }</title>
            <rect width={width.to_string()} height={height.to_string()} fill="#ffffff" />
            { body }
        </svg>
    }
}

/// Caption lines drawn at the bottom of a chart's SVG.
/// `right_to` aligns the lines to the right edge of a chart that wide (a right-to-left
/// language), else they start at the left.
pub fn caption(lines: &[String], y: f64, right_to: Option<f64>) -> Html {
    let (x, anchor) = match right_to {
        Some(w) => (w - 8.0, "end"),
        None => (8.0, "start"),
    };
    html! {
        <g class="svg-caption">
            { for lines.iter().enumerate().map(|(i, l)| html! {
                <text x={x.to_string()} y={(y + 16.0 * i as f64).to_string()} text-anchor={anchor} font-size="12" fill="#4a515c">{ l }</text>
            }) }
        </g>
    }
}
