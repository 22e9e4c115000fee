//! Charts drawn as SVG by hand (no charting library): the CSP line chart, the slope chart and
//! a small single-country trend. Each draws gaps as gaps, labels lines directly (colour is
//! never the only cue), and carries a caption inside the SVG so exported files keep it.

use engine::data::Csp;
use yew::prelude::*;

use crate::i18n::Messages;
use crate::labels;

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
    /// One value per year, `None` where missing or not measured.
    pub values: Vec<Option<f64>>,
}

/// Every CSP country as a series over the index's years, in a stable colour.
pub fn csp_series(csp: &Csp, i18n: &Messages) -> Vec<Series> {
    csp.countries
        .iter()
        .enumerate()
        .map(|(i, c)| Series {
            iso3: c.iso3.clone(),
            name: labels::localised(i18n, &c.name_en, &c.name_ru).to_string(),
            color: PALETTE[i % PALETTE.len()],
            values: csp
                .years()
                .map(|y| csp.value(&c.iso3, y).and_then(|v| v.value))
                .collect(),
        })
        .collect()
}

fn nice_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    let lo = (lo / 50.0).floor() * 50.0;
    let hi = (hi / 50.0).ceil() * 50.0;
    if hi > lo {
        (lo, hi)
    } else {
        (lo - 50.0, hi + 50.0)
    }
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
fn caption(lines: &[String], y: f64) -> Html {
    html! {
        <g class="svg-caption">
            { for lines.iter().enumerate().map(|(i, l)| html! {
                <text x="8" y={(y + 16.0 * i as f64).to_string()} font-size="12" fill="#4a515c">{ l }</text>
            }) }
        </g>
    }
}

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

/// A multi-series line chart; missing years break the line.
#[component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let (w, h) = (760.0, 380.0);
    let (left, right, top, bottom) = (56.0, 150.0, 16.0, 40.0);
    let caption_h = 18.0 + 16.0 * props.caption.len() as f64;
    let (lo, hi) = nice_range(
        props
            .series
            .iter()
            .flat_map(|s| s.3.iter().flatten().copied()),
    );
    let n = props.years.len().max(2) as f64;
    let x = |i: usize| left + (w - left - right) * i as f64 / (n - 1.0);
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let ticks: Vec<f64> = {
        let step = if hi - lo > 200.0 { 50.0 } else { 25.0 };
        let mut t = lo;
        let mut out = Vec::new();
        while t <= hi + 1e-9 {
            out.push(t);
            t += step;
        }
        out
    };
    let grid = ticks.iter().map(|t| html! {
        <g>
            <line x1={left.to_string()} x2={(w - right).to_string()} y1={y(*t).to_string()} y2={y(*t).to_string()}
                stroke={if *t == 0.0 { "#4a515c" } else { "#d5d9e0" }} stroke-width="1" />
            <text x={(left - 6.0).to_string()} y={(y(*t) + 4.0).to_string()} text-anchor="end" font-size="12" fill="#4a515c">{ format!("{t:.0}") }</text>
        </g>
    });
    let xlabels = props.years.iter().enumerate().map(|(i, yr)| html! {
        <text x={x(i).to_string()} y={(h - bottom + 18.0).to_string()} text-anchor="middle" font-size="12" fill="#4a515c">{ yr }</text>
    });
    // Direct labels at each series' last known value, spread apart so none overlap.
    let mut label_y: Vec<(usize, f64)> = props
        .series
        .iter()
        .enumerate()
        .filter_map(|(si, s)| s.3.iter().rev().find_map(|v| *v).map(|v| (si, y(v) + 4.0)))
        .collect();
    label_y.sort_by(|a, b| a.1.total_cmp(&b.1));
    for i in 1..label_y.len() {
        if label_y[i].1 - label_y[i - 1].1 < 13.0 {
            label_y[i].1 = label_y[i - 1].1 + 13.0;
        }
    }
    let lines = props.series.iter().enumerate().map(|(si, (iso3, name, color, values))| {
        // Break the line at gaps: one path per run of known values.
        let mut d = String::new();
        let mut pen_down = false;
        for (i, v) in values.iter().enumerate() {
            match v {
                Some(v) => {
                    d.push_str(&format!("{}{:.1},{:.1} ", if pen_down { "L" } else { "M" }, x(i), y(*v)));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        let dots = values.iter().enumerate().filter_map(|(i, v)| v.map(|v| html! {
            <circle cx={format!("{:.1}", x(i))} cy={format!("{:.1}", y(v))} r="3.5" fill={*color}>
                <title>{ format!("{name} {}: {v:.2}", props.years.get(i).copied().unwrap_or_default()) }</title>
            </circle>
        }));
        let last = values.iter().enumerate().rev().find_map(|(i, v)| v.map(|_| i));
        let ly = label_y.iter().find(|(i, _)| *i == si).map(|(_, y)| *y);
        let label = last.zip(ly).map(|(i, ly)| html! {
            <text x={(x(i) + 8.0).to_string()} y={format!("{ly:.1}")} font-size="12" fill={*color} font-weight="600">{ name.clone() }</text>
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
            { caption(&props.caption, h + 12.0) }
        </>
    };
    chart_svg(&props.id, &props.title, w, h + caption_h, body)
}

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

/// Two columns of values joined by a line per country.
#[component]
pub fn SlopeChart(props: &SlopeChartProps) -> Html {
    let (w, h) = (640.0, 400.0);
    let (lx, rx, top, bottom) = (200.0, 440.0, 30.0, 20.0);
    let caption_h = 18.0 + 16.0 * props.caption.len() as f64;
    let (lo, hi) = nice_range(props.rows.iter().flat_map(|r| [r.2, r.3]));
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let spread = |mut ys: Vec<(usize, f64)>| {
        ys.sort_by(|a, b| a.1.total_cmp(&b.1));
        for i in 1..ys.len() {
            if ys[i].1 - ys[i - 1].1 < 14.0 {
                ys[i].1 = ys[i - 1].1 + 14.0;
            }
        }
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
            <text x={(lx - 10.0).to_string()} y={format!("{:.1}", left_y[i] + 4.0)} text-anchor="end" font-size="12" fill={*color} font-weight="600">{ format!("{name} {a:.2}") }</text>
            <text x={(rx + 10.0).to_string()} y={format!("{:.1}", right_y[i] + 4.0)} font-size="12" fill={*color} font-weight="600">{ format!("{b:.2} {name}") }</text>
        </g>
    });
    let body = html! {
        <>
            <text x={lx.to_string()} y="16" text-anchor="middle" font-size="13" font-weight="700">{ props.from }</text>
            <text x={rx.to_string()} y="16" text-anchor="middle" font-size="13" font-weight="700">{ props.to }</text>
            <line x1={lx.to_string()} x2={lx.to_string()} y1={top.to_string()} y2={(h - bottom).to_string()} stroke="#d5d9e0" />
            <line x1={rx.to_string()} x2={rx.to_string()} y1={top.to_string()} y2={(h - bottom).to_string()} stroke="#d5d9e0" />
            { for rows }
            { caption(&props.caption, h + 12.0) }
        </>
    };
    chart_svg(&props.id, &props.title, w, h + caption_h, body)
}
