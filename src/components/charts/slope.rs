//! The slope chart: two columns of values (two CSP years) joined by a line per country.

use yew::prelude::*;

use super::scale::{nice_range, spread_labels};
use super::{caption, chart_svg};

#[derive(Properties, PartialEq)]
pub struct SlopeChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub from: u16,
    pub to: u16,
    /// (name, colour, from value, to value): only countries with both values.
    pub rows: Vec<(String, &'static str, f64, f64)>,
    pub caption: Vec<String>,
}

/// Two columns of values joined by a line per country. In a right-to-left language the later
/// year is on the left: time runs in the reading direction.
#[component]
pub fn SlopeChart(props: &SlopeChartProps) -> Html {
    let i18n = use_context::<crate::i18n::I18n>();
    let rtl = i18n.as_ref().is_some_and(|m| m.lang.is_rtl());
    // Values in the page's language (1 234,5 in French).
    let num = |v: f64| i18n.as_ref().map_or(format!("{v:.2}"), |m| m.num(v, 2));
    let (w, h) = (640.0, 400.0);
    let (top, bottom) = (30.0, 20.0);
    // `lx` is the earlier year's column, `rx` the later's; mirrored (the page is 640 wide) in
    // a right-to-left language.
    let (lx, rx) = if rtl { (440.0, 200.0) } else { (200.0, 440.0) };
    let outward = if rtl { -10.0 } else { 10.0 };
    let (from_anchor, to_anchor) = if rtl {
        ("start", "end")
    } else {
        ("end", "start")
    };
    let caption_h = 18.0 + 16.0 * props.caption.len() as f64;
    let (lo, hi) = nice_range(props.rows.iter().flat_map(|r| [r.2, r.3]));
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let spread = |ys: Vec<(usize, f64)>| {
        let ys = spread_labels(ys, 14.0);
        let mut out = vec![0.0; ys.len()];
        for (i, v) in ys {
            out[i] = v;
        }
        out
    };
    let left_y = spread(
        props
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i, y(r.2)))
            .collect(),
    );
    let right_y = spread(
        props
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i, y(r.3)))
            .collect(),
    );
    let rows = props.rows.iter().enumerate().map(|(i, (name, color, a, b))| html! {
        <g>
            <line x1={lx.to_string()} x2={rx.to_string()} y1={format!("{:.1}", y(*a))} y2={format!("{:.1}", y(*b))} stroke={*color} stroke-width="2.5" />
            <circle cx={lx.to_string()} cy={format!("{:.1}", y(*a))} r="4" fill={*color} />
            <circle cx={rx.to_string()} cy={format!("{:.1}", y(*b))} r="4" fill={*color} />
            <text x={(lx - outward).to_string()} y={format!("{:.1}", left_y[i] + 4.0)} text-anchor={from_anchor} font-size="12" fill={*color} font-weight="600">{ if rtl { format!("{} {name}", num(*a)) } else { format!("{name} {}", num(*a)) } }</text>
            <text x={(rx + outward).to_string()} y={format!("{:.1}", right_y[i] + 4.0)} text-anchor={to_anchor} font-size="12" fill={*color} font-weight="600">{ if rtl { format!("{name} {}", num(*b)) } else { format!("{} {name}", num(*b)) } }</text>
        </g>
    });
    let body = html! {
        <>
            <text x={lx.to_string()} y="16" text-anchor="middle" font-size="13" font-weight="700">{ props.from }</text>
            <text x={rx.to_string()} y="16" text-anchor="middle" font-size="13" font-weight="700">{ props.to }</text>
            <line x1={lx.to_string()} x2={lx.to_string()} y1={top.to_string()} y2={(h - bottom).to_string()} stroke="#d5d9e0" />
            <line x1={rx.to_string()} x2={rx.to_string()} y1={top.to_string()} y2={(h - bottom).to_string()} stroke="#d5d9e0" />
            { for rows }
            { caption(&props.caption, h + 12.0, rtl.then_some(w)) }
        </>
    };
    chart_svg(&props.id, &props.title, w, h + caption_h, body)
}
