//! The multi-series line chart (CSP trends, compare, profiles): missing years break the line,
//! and each series is labelled directly at its last known value.

use yew::prelude::*;

use super::scale::{gap_path, nice_range, spread_labels, ticks};
use super::{caption, chart_svg};

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub years: Vec<u16>,
    /// (iso3, name, colour, values)
    pub series: Vec<(String, String, &'static str, Vec<Option<f64>>)>,
    pub caption: Vec<String>,
    #[prop_or_default]
    pub highlight: Option<String>,
}

/// A multi-series line chart; missing years break the line. In a right-to-left language the
/// chart is mirrored so that time runs in the reading direction (the latest year on the left,
/// the value axis and the series' names on the right).
#[component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let i18n = use_context::<crate::i18n::I18n>();
    let rtl = i18n.as_ref().is_some_and(|m| m.lang.is_rtl());
    // Values in the page's language (1 234,5 in French).
    let num = |v: f64, d: usize| i18n.as_ref().map_or(format!("{v:.d$}"), |m| m.num(v, d));
    let (w, h) = (760.0, 380.0);
    // Every horizontal position goes through `mx`; text anchors flip with it.
    let mx = |v: f64| if rtl { w - v } else { v };
    let (start, end) = if rtl {
        ("end", "start")
    } else {
        ("start", "end")
    };
    let (left, right, top, bottom) = (56.0, 150.0, 16.0, 40.0);
    let caption_h = 18.0 + 16.0 * props.caption.len() as f64;
    let (lo, hi) = nice_range(
        props
            .series
            .iter()
            .flat_map(|s| s.3.iter().flatten().copied()),
    );
    let n = props.years.len().max(2) as f64;
    let x = |i: usize| mx(left + (w - left - right) * i as f64 / (n - 1.0));
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let ticks = ticks(lo, hi);
    let grid = ticks.iter().map(|t| html! {
        <g>
            <line x1={mx(left).to_string()} x2={mx(w - right).to_string()} y1={y(*t).to_string()} y2={y(*t).to_string()}
                stroke={if *t == 0.0 { "#4a515c" } else { "#d5d9e0" }} stroke-width="1" />
            <text x={mx(left - 6.0).to_string()} y={(y(*t) + 4.0).to_string()} text-anchor={end} font-size="12" fill="#4a515c">{ num(*t, 0) }</text>
        </g>
    });
    // Every year labelled up to 16 years; beyond, every k-th counted back from the last, so
    // none overlap and the latest year is always named.
    let every = props.years.len().div_ceil(16).max(1);
    let last = props.years.len().saturating_sub(1);
    let xlabels = props
        .years
        .iter()
        .enumerate()
        .filter(|(i, _)| (last - i).is_multiple_of(every))
        .map(|(i, yr)| html! {
        <text x={x(i).to_string()} y={(h - bottom + 18.0).to_string()} text-anchor="middle" font-size="12" fill="#4a515c">{ yr }</text>
    });
    // Direct labels at each series' last known value, spread apart so none overlap.
    let label_y = spread_labels(
        props
            .series
            .iter()
            .enumerate()
            .filter_map(|(si, s)| s.3.iter().rev().find_map(|v| *v).map(|v| (si, y(v) + 4.0)))
            .collect(),
        13.0,
    );
    let lines = props.series.iter().enumerate().map(|(si, (iso3, name, color, values))| {
        // Break the line at gaps: one path per run of known values.
        let d = gap_path(values, x, y);
        let dots = values.iter().enumerate().filter_map(|(i, v)| v.map(|v| html! {
            <circle cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(v))} r="3.5" fill={*color}>
                <title>{ format!("{name} {}: {}", props.years.get(i).copied().unwrap_or_default(), num(v, 2)) }</title>
            </circle>
        }));
        let last = values.iter().enumerate().rev().find_map(|(i, v)| v.map(|_| i));
        let ly = label_y.iter().find(|(i, _)| *i == si).map(|(_, y)| *y);
        let label = last.zip(ly).map(|(i, ly)| html! {
            <text x={(x(i) + if rtl { -8.0 } else { 8.0 }).to_string()} y={format!("{ly:.1}")} text-anchor={start} font-size="12" fill={*color} font-weight="600">{ name.clone() }</text>
        });
        let emphasis = props.highlight.as_deref() == Some(iso3.as_str());
        html! {
            <g class="series" data-iso3={iso3.clone()}>
                <path d={d} fill="none" stroke={*color} stroke-width={if emphasis { "4" } else { "2.2" }} />
                { for dots }
                { for label }
            </g>
        }
    }).collect::<Html>();
    let body = html! {
        <>
            { for grid }
            { for xlabels }
            { lines }
            { caption(&props.caption, h + 12.0, rtl.then_some(w)) }
        </>
    };
    chart_svg(&props.id, &props.title, w, h + caption_h, body)
}
