//! The world map's geometry: Natural Earth shapes, projected (Equal Earth) and simplified at
//! build time by scripts/build-map.mjs into data/map/world.tsv. The file is not compiled in:
//! it is fetched from the page's own host the first time a map is shown ([`use_world`]), so
//! a visit that never opens the map does not download it. Parsed once, kept for the visit.

use std::sync::OnceLock;

use engine::model::Band;
use yew::prelude::*;

use crate::link::Region;

/// Where the explorer and the widget find the geometry, relative to their page (Trunk copies
/// data/map/ beside each page).
pub const WORLD_URL: &str = "map/world.tsv";

/// The full map's viewBox.
pub const VIEWBOX: (f64, f64, f64, f64) = (0.0, 0.0, 1000.0, 462.0);

#[derive(Debug, PartialEq)]
pub struct Shape {
    pub iso3: &'static str,
    pub name: &'static str,
    /// x0, y0, x1, y1 in view units.
    pub bbox: [f64; 4],
    pub path: &'static str,
}

static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();

/// Reads world.tsv (a header, then `iso3, name, bbox, path` by tabs); a malformed line is
/// skipped.
pub fn parse(text: &'static str) -> Vec<Shape> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (iso3, name, bbox, path) = (f.next()?, f.next()?, f.next()?, f.next()?);
            let b: Vec<f64> = bbox.split(',').filter_map(|n| n.parse().ok()).collect();
            (b.len() == 4).then(|| Shape {
                iso3,
                name,
                bbox: [b[0], b[1], b[2], b[3]],
                path,
            })
        })
        .collect()
}

/// Keeps the geometry read from `text` (world.tsv) for the visit; false if it holds no shape.
pub fn keep(text: &'static str) -> bool {
    let shapes = parse(text);
    if shapes.is_empty() {
        return loaded().is_some();
    }
    let _ = SHAPES.set(shapes);
    true
}

/// The map's geometry for the pre-renderer (natively, from data/map/).
#[cfg(not(target_arch = "wasm32"))]
pub fn keep_from_disk() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/map/world.tsv");
    if let Ok(text) = std::fs::read_to_string(path) {
        keep(Box::leak(text.into_boxed_str()));
    }
}

/// Fetches the geometry from the page's host and keeps it: whether the map can be drawn.
pub async fn fetch_world(url: &str) -> Result<(), String> {
    let text = crate::fetch::text(url).await?;
    // Kept for the whole visit: the shapes borrow from it.
    let text: &'static str = Box::leak(text.into_boxed_str());
    if keep(text) {
        Ok(())
    } else {
        Err(format!("{url} holds no shape"))
    }
}

/// The geometry, once loaded.
pub fn loaded() -> Option<&'static [Shape]> {
    SHAPES.get().map(Vec::as_slice)
}

/// The geometry's state for a view that draws the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum World {
    Loading,
    Ready(&'static [Shape]),
    /// The file could not be fetched or holds no shape: the map's table still has the figures.
    Failed,
}

/// The map's geometry, fetched from `url` on first use (once per visit, whichever view asks).
#[hook]
pub fn use_world(url: &'static str) -> World {
    let state = use_state(|| loaded().map_or(World::Loading, World::Ready));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if *state == World::Loading {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_world(url).await {
                        Ok(()) => state.set(loaded().map_or(World::Failed, World::Ready)),
                        Err(e) => {
                            gloo::console::warn!(e);
                            state.set(World::Failed);
                        }
                    }
                });
            }
        });
    }
    *state
}

/// The viewBox of each zoom preset (letterboxed into the map's frame).
pub fn region_viewbox(region: Region) -> (f64, f64, f64, f64) {
    match region {
        Region::World => VIEWBOX,
        Region::Europe => (395.0, 2.0, 300.0, 150.0),
        Region::Americas => (120.0, 0.0, 260.0, 462.0),
        Region::Africa => (390.0, 108.0, 230.0, 290.0),
        Region::Asia => (510.0, 45.0, 370.0, 262.0),
    }
}

/// Band fills, the same as the stylesheet's (inline, so exported SVGs keep them).
pub fn band_fill(band: Band) -> &'static str {
    match band {
        Band::VeryHigh => "#7a0019",
        Band::High => "#c8372d",
        Band::Considerable => "#ee8a3c",
        Band::Moderate => "#f6d35b",
        Band::Low => "#8cc58a",
    }
}

/// The diverging scale of an index without bands (the CSP's published totals run from -95 to
/// 161.5 in the bundle): bins of scores around 0, lowest first, with their fills.
pub const SCORE_BINS: [(f64, f64, &str); 5] = [
    (f64::NEG_INFINITY, -50.0, "#b2182b"),
    (-50.0, 0.0, "#ef8a62"),
    (0.0, 50.0, "#c6dbef"),
    (50.0, 100.0, "#6baed6"),
    (100.0, f64::INFINITY, "#2166ac"),
];

pub fn bin_fill(value: f64) -> &'static str {
    SCORE_BINS
        .iter()
        .find(|(lo, hi, _)| value >= *lo && value < *hi)
        .map_or("#2166ac", |b| b.2)
}

pub const NEUTRAL_FILL: &str = "#e4e6ea";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_parses_and_holds_every_country_of_the_data() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/map/world.tsv"),
        )
        .unwrap_or_default();
        let shapes = parse(Box::leak(text.into_boxed_str()));
        assert!(shapes.len() > 150);
        let data = crate::data::AppData::load();
        for (iso, _) in crate::standings::units(&data) {
            let s = shapes.iter().find(|s| s.iso3 == iso);
            let s = s.unwrap_or_else(|| panic!("{iso} has no shape"));
            assert!(s.path.starts_with('m') || s.path.starts_with('M'));
            assert!(s.bbox[2] > s.bbox[0] && s.bbox[3] > s.bbox[1]);
        }
    }

    #[test]
    fn csp_bins_cover_the_line() {
        assert_eq!(bin_fill(-95.0), "#b2182b");
        assert_eq!(bin_fill(0.0), "#c6dbef");
        assert_eq!(bin_fill(134.65), "#2166ac");
    }
}
