//! Shared captions and names: the weights line every export and chart carries, the header
//! block of exports, and country names across both indices. Used by the full explorer and
//! the embed alike.

use crate::data::AppData;
use crate::explorer::Explorer;
use crate::i18n::Messages;
use crate::labels;
use crate::link::View;

/// Whether what the view shows holds scores the explorer computes at the weights in force,
/// and so depends on the weights, aggregation and coverage: every view of an index with
/// weights, and the views that always show the GTI's scores beside the CSP's (cross-index,
/// compare, simulator, robustness).
fn shows_weighted_scores(ctx: &Explorer) -> bool {
    match ctx.link().view {
        View::Cross | View::Compare | View::Simulate | View::Robustness => true,
        View::Rankings | View::Map | View::Country | View::Trends | View::Methods => {
            crate::standings::shape(&ctx.data, ctx.link()).weighted()
        }
    }
}

/// The header block every export starts with: what, which edition, which weights, which data.
pub fn export_header(ctx: &Explorer, what: &str) -> Vec<String> {
    let i18n = &ctx.i18n;
    let mut lines = vec![
        i18n.t("app-title"),
        what.to_string(),
        i18n.f("export-data-version", &[("version", &ctx.data.version)]),
    ];
    if shows_weighted_scores(ctx) {
        lines.push(weights_line(ctx));
        lines.push(i18n.t(if ctx.state.is_custom() {
            "weights-custom"
        } else {
            "weights-official"
        }));
        lines.push(i18n.t("export-model-note"));
    }
    lines
}

/// "Weights: I 1 · II 1 · …; arithmetic mean; minimum coverage 65 %".
pub fn weights_line(ctx: &Explorer) -> String {
    let i18n = &ctx.i18n;
    let weights = ctx.weights();
    let list: Vec<String> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{} {}", labels::roman(i + 1), i18n.num(*w, 1)))
        .collect();
    i18n.f(
        "export-weights",
        &[
            ("weights", &list.join(" · ")),
            (
                "aggregation",
                &i18n.t(&labels::aggregation_key(ctx.link().aggregation)),
            ),
            (
                "coverage",
                &ctx.link()
                    .min_coverage
                    .unwrap_or(crate::link::Limits::bundled().coverage)
                    .to_string(),
            ),
        ],
    )
}

/// Every country of any index, by localised name: (iso3, name).
pub fn all_countries(ctx: &Explorer) -> Vec<(String, String)> {
    let i18n = &ctx.i18n;
    let mut out: Vec<(String, String)> = crate::standings::units(&ctx.data)
        .into_iter()
        .map(|(iso3, name)| {
            let local = i18n.country(&iso3, &name).to_string();
            (iso3, local)
        })
        .collect();
    engine::sort::sort_by(&mut out, |a, b| a.1.cmp(&b.1));
    out
}

pub fn country_name(ctx: &Explorer, iso3: &str) -> String {
    unit_name(&ctx.data, &ctx.i18n, iso3)
}

/// The name of the unit `iso3` of any index in the chosen language (its code if no index has it).
pub fn unit_name(data: &AppData, i18n: &Messages, iso3: &str) -> String {
    crate::standings::units(data)
        .into_iter()
        .find(|(c, _)| c == iso3)
        .map_or(iso3.to_string(), |(c, name)| {
            i18n.country(&c, &name).to_string()
        })
}

pub fn country_title(ctx: &Explorer) -> String {
    match &ctx.link().country {
        Some(c) => country_name(ctx, c),
        None => ctx.i18n.t("profile-title"),
    }
}
