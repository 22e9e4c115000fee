//! The tornado chart of the robustness view: one bar per weight, its length the derivative of
//! a country's score with respect to that weight, to the right if raising it helps.

use yew::prelude::*;

use super::chart_svg;

const WIDTH: f64 = 720.0;
/// The zero line, and the longest bar's length.
const MID: f64 = 460.0;
const HALF: f64 = 220.0;
/// Longest label, in characters.
const LABEL_CHARS: usize = 52;

/// One bar: (x where it starts, length), the longest bar `HALF` long.
pub fn bar(value: f64, max_abs: f64) -> (f64, f64) {
    let len = HALF * value.abs() / max_abs.max(1e-9);
    (if value >= 0.0 { MID } else { MID - len }, len)
}

/// The largest magnitude among `values`.
pub fn max_abs(values: impl Iterator<Item = f64>) -> f64 {
    values.map(f64::abs).fold(0.0, f64::max).max(1e-9)
}

fn shorten(label: &str) -> String {
    if label.chars().count() > LABEL_CHARS {
        format!(
            "{}…",
            label.chars().take(LABEL_CHARS - 1).collect::<String>()
        )
    } else {
        label.to_string()
    }
}

#[derive(Properties, PartialEq)]
pub struct TornadoProps {
    pub title: AttrValue,
    /// (label, value, the value as shown), largest magnitude first.
    pub items: Vec<(String, f64, String)>,
}

#[component]
pub fn Tornado(props: &TornadoProps) -> Html {
    let max = max_abs(props.items.iter().map(|i| i.1));
    let th = 20.0 + 24.0 * props.items.len() as f64;
    let bars = props.items.iter().enumerate().map(|(k, (label, v, text))| {
        let y = 10.0 + 24.0 * k as f64;
        let (bx, len) = bar(*v, max);
        let positive = *v >= 0.0;
        html! {
            <g>
                <text x="8" y={(y + 13.0).to_string()} font-size="11.5" fill="#1c1f24">{ shorten(label) }</text>
                <rect x={format!("{bx:.1}")} y={y.to_string()} width={format!("{len:.1}")} height="16" fill={if positive { "#2166ac" } else { "#b2182b" }} />
                <text x={format!("{:.1}", if positive { MID + len + 4.0 } else { MID - len - 4.0 })} y={(y + 13.0).to_string()}
                    text-anchor={if positive { "start" } else { "end" }} font-size="11" fill="#1c1f24">{ text }</text>
            </g>
        }
    });
    chart_svg(
        "tornado",
        &props.title,
        WIDTH,
        th,
        html! {
            <>
                <line x1={MID.to_string()} x2={MID.to_string()} y1="4" y2={(th - 4.0).to_string()} stroke="#4a515c" />
                { for bars }
            </>
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_grow_from_the_zero_line() {
        let max = max_abs([0.5, -1.0].into_iter());
        assert_eq!(bar(-1.0, max), (MID - HALF, HALF));
        assert_eq!(bar(0.5, max), (MID, HALF / 2.0));
        assert_eq!(bar(0.0, max_abs(std::iter::empty())), (MID, 0.0));
    }

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(shorten("short"), "short");
        assert_eq!(shorten(&"x".repeat(60)).chars().count(), LABEL_CHARS);
    }
}
