//! The rank-interval dot plot of the robustness view: ranks across, countries down; a thin bar
//! for the exact best-to-worst bounds, a thick one for the 5-95 % interval, a dot at the median.

use yew::prelude::*;

use super::chart_svg;
use super::scale::Linear;

const WIDTH: f64 = 720.0;
/// Height of one country's row, and the room for names on the left.
pub const ROW_H: f64 = 22.0;
pub const LEFT: f64 = 170.0;

/// One country's ranks (`None` is drawn at rank 1, as a missing rank cannot be placed).
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    pub name: String,
    pub best: Option<u32>,
    pub worst: Option<u32>,
    pub p5: Option<u32>,
    pub p95: Option<u32>,
    pub median: Option<u32>,
}

/// The plot's height without captions, for `n` countries.
pub fn plot_height(n: usize) -> f64 {
    30.0 + ROW_H * n as f64
}

/// Rank 1 at the left edge of the plot, rank `n` at the right.
pub fn rank_scale(n: usize) -> Linear {
    Linear {
        d0: 1.0,
        d1: 1.0 + (n as f64 - 1.0).max(1.0),
        r0: LEFT,
        r1: WIDTH - 20.0,
    }
}

/// The centre line of the `k`-th row.
pub fn row_y(k: usize) -> f64 {
    20.0 + ROW_H * k as f64 + ROW_H / 2.0
}

#[derive(Properties, PartialEq)]
pub struct RankIntervalsProps {
    pub rows: Vec<RankRow>,
    /// The first line is the chart's title.
    pub caption: Vec<String>,
}

#[component]
pub fn RankIntervals(props: &RankIntervalsProps) -> Html {
    let n = props.rows.len();
    let h = plot_height(n);
    let scale = rank_scale(n);
    let x = |r: Option<u32>| format!("{:.1}", scale.at(f64::from(r.unwrap_or(1))));
    let dots = props.rows.iter().enumerate().map(|(k, row)| {
        let y = row_y(k);
        html! {
            <g>
                <text x={(LEFT - 8.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end" font-size="12" fill="#1c1f24">{ &row.name }</text>
                <line x1={x(row.best)} x2={x(row.worst)} y1={y.to_string()} y2={y.to_string()} stroke="#9aa3b0" stroke-width="2" />
                <line x1={x(row.best)} x2={x(row.best)} y1={(y - 5.0).to_string()} y2={(y + 5.0).to_string()} stroke="#9aa3b0" stroke-width="2" />
                <line x1={x(row.worst)} x2={x(row.worst)} y1={(y - 5.0).to_string()} y2={(y + 5.0).to_string()} stroke="#9aa3b0" stroke-width="2" />
                <line x1={x(row.p5)} x2={x(row.p95)} y1={y.to_string()} y2={y.to_string()} stroke="#0b5cad" stroke-width="6" stroke-linecap="round" />
                <circle cx={x(row.median)} cy={y.to_string()} r="5" fill="#ffffff" stroke="#1c1f24" stroke-width="2" />
            </g>
        }
    });
    let ticks = (1..=n).map(|r| html! {
        <text x={format!("{:.1}", scale.at(r as f64))} y="12" text-anchor="middle" font-size="11" fill="#4a515c">{ r }</text>
    });
    let caption = &props.caption;
    chart_svg(
        "rank-intervals",
        caption.first().map_or("", String::as_str),
        WIDTH,
        h + 20.0 + 16.0 * caption.len() as f64,
        html! {
            <>
                { for ticks }
                { for dots }
                { for caption.iter().enumerate().map(|(k, l)| html! {
                    <text x="8" y={(h + 16.0 + 16.0 * k as f64).to_string()} font-size="12" fill="#4a515c">{ l }</text>
                }) }
            </>
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_span_the_plot() {
        let s = rank_scale(21);
        assert_eq!(s.at(1.0), LEFT);
        assert_eq!(s.at(21.0), WIDTH - 20.0);
        // One country: rank 1 at the left, no division by zero.
        assert_eq!(rank_scale(1).at(1.0), LEFT);
        assert_eq!(row_y(0), 31.0);
        assert_eq!(plot_height(2), 74.0);
    }
}
