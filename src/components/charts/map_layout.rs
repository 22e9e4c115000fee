//! The geometry of the world map's overlays, in map units: the tooltip box beside a country
//! (above it, flipped below near the top, kept inside the visible region) and the legend grid
//! drawn under the map in the same SVG.

/// Longest tooltip line, in characters, before it is shortened.
const TOOLTIP_CHARS: usize = 52;
/// Legend entries per row.
const LEGEND_COLUMNS: usize = 3;

/// A tooltip's box and type size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TooltipBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub line_h: f64,
    pub font: f64,
    /// The map's zoom: 1 for the world, smaller when zoomed in.
    pub scale: f64,
    /// The scale below which text stops shrinking.
    pub min_scale: f64,
}

/// A line shortened for the map (the accessible name keeps it whole).
pub fn shorten(line: &str) -> String {
    if line.chars().count() > TOOLTIP_CHARS {
        format!(
            "{}…",
            line.chars().take(TOOLTIP_CHARS - 1).collect::<String>()
        )
    } else {
        line.to_string()
    }
}

/// Where the tooltip for a country with bounding box `bbox` ([x0, y0, x1, y1]) goes, within
/// the view box `(vx, vy, vw, vh)`, for `lines`.
pub fn tooltip_box(bbox: [f64; 4], view: (f64, f64, f64, f64), lines: &[String]) -> TooltipBox {
    let (vx, vy, vw, vh) = view;
    let scale = vw / 1000.0;
    let min_scale = scale.max(0.35);
    let line_h = 14.0 * min_scale;
    let font = 11.0 * min_scale;
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(10) as f64 * font * 0.56
        + 12.0 * min_scale;
    let height = line_h * lines.len() as f64 + 8.0 * min_scale;
    let cx = (bbox[0] + bbox[2]) / 2.0;
    let x = (cx - width / 2.0).clamp(vx + 2.0, vx + vw - width - 2.0);
    let above = bbox[1] - height - 4.0;
    let y = if above > vy + 2.0 {
        above
    } else {
        (bbox[3] + 4.0).min(vy + vh - height - 2.0)
    };
    TooltipBox {
        x,
        y,
        width,
        height,
        line_h,
        font,
        scale,
        min_scale,
    }
}

/// The legend's height, in units of a 1000-wide map, for its entries and caption lines.
pub fn legend_height(entries: usize, caption_lines: usize) -> f64 {
    legend_rows_height(entries) + 16.0 * caption_lines as f64 + 16.0
}

fn legend_rows_height(entries: usize) -> f64 {
    18.0 * entries.div_ceil(LEGEND_COLUMNS) as f64
}

/// The top-left corner of the `i`-th legend entry.
pub fn legend_cell(i: usize) -> (f64, f64) {
    let (col, row) = (i % LEGEND_COLUMNS, i / LEGEND_COLUMNS);
    (10.0 + 330.0 * col as f64, 8.0 + 18.0 * row as f64)
}

/// The baseline of the `i`-th caption line under a legend of `entries`.
pub fn caption_y(entries: usize, i: usize) -> f64 {
    legend_rows_height(entries) + 22.0 + 16.0 * i as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORLD: (f64, f64, f64, f64) = (0.0, 0.0, 1000.0, 462.0);

    #[test]
    fn tooltips_sit_above_and_flip_below_near_the_top() {
        let lines = vec!["Kyrgyzstan".to_string(), "Band: High".to_string()];
        let t = tooltip_box([400.0, 200.0, 440.0, 230.0], WORLD, &lines);
        assert!(t.y + t.height < 200.0);
        let t = tooltip_box([400.0, 5.0, 440.0, 30.0], WORLD, &lines);
        assert_eq!(t.y, 34.0);
    }

    #[test]
    fn tooltips_stay_inside_the_view() {
        let lines = vec!["x".repeat(40)];
        let t = tooltip_box([0.0, 200.0, 10.0, 210.0], WORLD, &lines);
        assert_eq!(t.x, 2.0);
        let t = tooltip_box([990.0, 200.0, 1000.0, 210.0], WORLD, &lines);
        assert!((t.x + t.width - 998.0).abs() < 1e-9);
    }

    #[test]
    fn the_legend_fills_rows_of_three() {
        assert_eq!(legend_cell(0), (10.0, 8.0));
        assert_eq!(legend_cell(4), (340.0, 26.0));
        assert_eq!(legend_height(7, 2), 18.0 * 3.0 + 32.0 + 16.0);
        assert_eq!(caption_y(7, 1), 54.0 + 22.0 + 16.0);
        assert_eq!(shorten(&"y".repeat(60)).chars().count(), 52);
    }
}
