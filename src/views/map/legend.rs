//! The map's legend (a swatch and a name per band or bin, and the hatched and neutral fills)
//! and its caption, both drawn under the map in the same SVG so exports carry them.

use engine::model::Band;

use crate::captions::weights_line;
use crate::explorer::Explorer;
use crate::labels;
use crate::link::IndexId;
use crate::map::{band_fill, CSP_BINS, NEUTRAL_FILL};

/// (fill, text) for every entry of the legend.
pub fn entries(ctx: &Explorer) -> Vec<(String, String)> {
    let i18n = &ctx.i18n;
    match ctx.link().index {
        IndexId::Gti2025 => Band::ALL
            .iter()
            .rev()
            .map(|b| (band_fill(*b).to_string(), labels::band(i18n, *b)))
            .chain([
                ("url(#hatch)".to_string(), i18n.t("map-legend-unpublished")),
                (NEUTRAL_FILL.to_string(), i18n.t("map-legend-not-named")),
            ])
            .collect(),
        IndexId::Csp => CSP_BINS
            .iter()
            .rev()
            .map(|(lo, hi, fill)| {
                let text = match (lo.is_finite(), hi.is_finite()) {
                    (false, _) => i18n.f("map-bin-below", &[("value", &i18n.num(*hi, 0))]),
                    (_, false) => i18n.f("map-bin-above", &[("value", &i18n.num(*lo, 0))]),
                    _ => i18n.f(
                        "map-bin",
                        &[("from", &i18n.num(*lo, 0)), ("to", &i18n.num(*hi, 0))],
                    ),
                };
                (fill.to_string(), text)
            })
            .chain([
                ("url(#hatch)".to_string(), i18n.t("map-legend-missing")),
                (NEUTRAL_FILL.to_string(), i18n.t("map-legend-outside")),
            ])
            .collect(),
    }
}

/// The map's title, and the caption lines under it (the title first).
pub fn caption(ctx: &Explorer) -> (String, Vec<String>) {
    let i18n = &ctx.i18n;
    let title = match ctx.link().index {
        IndexId::Gti2025 => i18n.t(if ctx.is_custom() {
            "map-caption-gti-custom"
        } else {
            "map-caption-gti"
        }),
        IndexId::Csp => i18n.f("map-caption-csp", &[("year", &ctx.link().year.to_string())]),
    };
    let mut caption = vec![title.clone()];
    if ctx.link().index == IndexId::Gti2025 {
        caption.push(weights_line(ctx));
        if ctx.is_custom() {
            caption.push(i18n.t("weights-custom"));
        }
    }
    caption.push(i18n.t("map-attribution"));
    (title, caption)
}
