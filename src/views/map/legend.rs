//! The map's legend (a swatch and a name per band or bin, and the hatched and neutral fills)
//! and its caption, both drawn under the map in the same SVG so exports carry them; for any
//! index, from the shape of its standings ([`crate::standings::Shape`]).

use engine::model::Band;

use crate::captions::weights_line;
use crate::explorer::Explorer;
use crate::labels;
use crate::map::{band_fill, NEUTRAL_FILL, SCORE_BINS};
use crate::standings::Shape;

/// (fill, text) for every entry of the legend.
pub fn entries(ctx: &Explorer, shape: &Shape) -> Vec<(String, String)> {
    let i18n = &ctx.i18n;
    if shape.banded {
        Band::ALL
            .iter()
            .rev()
            .map(|b| (band_fill(*b).to_string(), labels::band(i18n, *b)))
            .chain([
                ("url(#hatch)".to_string(), i18n.t("map-legend-unpublished")),
                (NEUTRAL_FILL.to_string(), i18n.t("map-legend-not-named")),
            ])
            .collect()
    } else {
        SCORE_BINS
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
            .collect()
    }
}

/// The map's title, and the caption lines under it (the title first): the weights in force
/// where the index has weights to change.
pub fn caption(ctx: &Explorer, shape: &Shape) -> (String, Vec<String>) {
    let i18n = &ctx.i18n;
    let custom = shape.weighted() && ctx.is_custom();
    let key = if custom {
        shape.caption_custom_key
    } else {
        shape.caption_key
    };
    let title = match shape.period {
        Some(p) => i18n.f(key, &[("year", &p.to_string())]),
        None => i18n.t(key),
    };
    let mut caption = vec![title.clone()];
    if shape.weighted() {
        caption.push(weights_line(ctx));
        if custom {
            caption.push(i18n.t("weights-custom"));
        }
    }
    caption.push(i18n.t("map-attribution"));
    (title, caption)
}
