//! The band-probability bars of the robustness view: one stacked bar per country, a segment
//! per band in proportion to its probability, with a legend naming every band.

use engine::model::Band;
use yew::prelude::*;

use super::chart_svg;
use super::rank_intervals::{plot_height, LEFT, ROW_H};
use crate::map::band_fill;

const WIDTH: f64 = 720.0;
const BAR_WIDTH: f64 = 420.0;

/// The segments of one bar: (band, x, width, probability), bands of zero probability left out.
pub fn segments(probabilities: &[f64; 5], x0: f64, width: f64) -> Vec<(Band, f64, f64, f64)> {
    let mut x = x0;
    Band::ALL
        .iter()
        .filter_map(|b| {
            let p = probabilities[b.index()];
            (p > 0.0).then(|| {
                let w = width * p;
                let seg = (*b, x, w, p);
                x += w;
                seg
            })
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct BandBarsProps {
    pub title: AttrValue,
    /// (country, probability of each band in `Band::ALL` order)
    pub rows: Vec<(String, [f64; 5])>,
    /// Each band's name, in `Band::ALL` order.
    pub band_names: Vec<String>,
    /// A probability as shown in a tooltip.
    pub percent: Callback<f64, String>,
}

#[component]
pub fn BandBars(props: &BandBarsProps) -> Html {
    let h = plot_height(props.rows.len());
    let name = |b: Band| props.band_names.get(b.index()).cloned().unwrap_or_default();
    let bars = props.rows.iter().enumerate().map(|(k, (country, probs))| {
        let y = 10.0 + ROW_H * k as f64;
        let segs = segments(probs, LEFT, BAR_WIDTH).into_iter().map(|(b, x, w, p)| html! {
            <rect x={format!("{x:.1}")} y={y.to_string()} width={format!("{w:.1}")} height={(ROW_H - 6.0).to_string()} fill={band_fill(b)}>
                <title>{ format!("{}: {}", name(b), props.percent.emit(p)) }</title>
            </rect>
        });
        html! {
            <g>
                <text x={(LEFT - 8.0).to_string()} y={(y + 12.0).to_string()} text-anchor="end" font-size="12" fill="#1c1f24">{ country }</text>
                { for segs }
            </g>
        }
    });
    let legend = Band::ALL.iter().rev().enumerate().map(|(k, b)| html! {
        <g>
            <rect x={(LEFT + 90.0 * k as f64).to_string()} y={(h).to_string()} width="12" height="12" fill={band_fill(*b)} stroke="#1c1f24" stroke-width="0.5" />
            <text x={(LEFT + 16.0 + 90.0 * k as f64).to_string()} y={(h + 10.0).to_string()} font-size="11" fill="#1c1f24">{ name(*b) }</text>
        </g>
    });
    chart_svg(
        "band-probabilities",
        &props.title,
        WIDTH,
        h + 24.0,
        html! { <>{ for bars }{ for legend }</> },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_fill_the_bar_in_band_order() {
        let mut p = [0.0; 5];
        p[Band::High.index()] = 0.25;
        p[Band::Considerable.index()] = 0.75;
        let s = segments(&p, 100.0, 400.0);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].1, 100.0);
        assert_eq!(s[0].1 + s[0].2, s[1].1);
        assert_eq!(s[1].1 + s[1].2, 500.0);
    }
}
