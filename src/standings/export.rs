//! What the rankings page exports and notes for each index: its CSV (the columns the index
//! has, every field through the explorer's CSV builder) and what the public record says about
//! its membership.

use engine::Basis;

use crate::captions::export_header;
use crate::csv::Csv;
use crate::explorer::Explorer;
use crate::labels;
use crate::link::IndexId;

/// The ranking of the index in view as CSV: its file name and text (none if the weights were
/// refused).
pub fn ranking_csv(ctx: &Explorer) -> Option<(String, String)> {
    let view = ctx.link();
    match view.index {
        IndexId::Gti2025 => gti_csv(ctx).map(|c| ("gti-2025-ranking.csv".to_string(), c)),
        IndexId::Csp => Some((format!("csp-index-{}.csv", view.year), csp_csv(ctx))),
    }
}

/// What the public record holds about the membership of the index in view, where it is
/// partial (the GTI's: members named and unidentified, bands still open).
pub fn record_notes(ctx: &Explorer) -> Vec<String> {
    match ctx.link().index {
        IndexId::Gti2025 => gti_record_notes(ctx),
        IndexId::Csp => Vec::new(),
    }
}

fn gti_csv(ctx: &Explorer) -> Option<String> {
    let scored = ctx.scored().as_ref().ok()?;
    let i18n = &ctx.i18n;
    let data = &ctx.data;
    let mut csv = Csv::new();
    csv.comments(export_header(ctx, &i18n.t("index-gti"))).row([
        "rank",
        "iso3",
        "country",
        "score",
        "band",
        "official_band",
        "basis",
        "confidence",
        "sources",
    ]);
    for &i in &scored.order {
        let (Some(c), Some(o)) = (data.bundle.gti.countries.get(i), scored.outcomes.get(i)) else {
            continue;
        };
        let name = i18n.country(&c.iso3, &c.name_en).to_string();
        let prov = c.overall.as_ref().map(|a| a.provenance.clone());
        let sources: Vec<String> = prov
            .iter()
            .flat_map(|p| p.sources.iter())
            .map(|s| {
                data.bundle
                    .source(s)
                    .and_then(|s| s.url.clone())
                    .unwrap_or_else(|| s.clone())
            })
            .collect();
        let basis = match o.basis {
            Basis::Recomputed => "recomputed",
            Basis::PublishedBandOnly => "published band only",
            Basis::NotPublished => "not published",
        };
        csv.row([
            o.rank.map(|r| r.to_string()).unwrap_or_default(),
            c.iso3.clone(),
            name,
            o.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
            o.band.map(|b| b.label().to_string()).unwrap_or_default(),
            c.overall
                .as_ref()
                .map(|a| a.value.label().to_string())
                .unwrap_or_default(),
            basis.to_string(),
            prov.and_then(|p| p.confidence)
                .map(|c| c.slug().to_string())
                .unwrap_or_default(),
            sources.join(" "),
        ]);
    }
    Some(csv.finish())
}

fn csp_csv(ctx: &Explorer) -> String {
    let i18n = &ctx.i18n;
    let year = ctx.link().year;
    let mut csv = Csv::new();
    csv.comments(export_header(
        ctx,
        &format!("{} {year}", i18n.t("index-csp")),
    ))
    .row([
        "rank", "iso3", "country", "score", "change", "status", "sources",
    ]);
    for row in ctx.data.csp_year(year).iter() {
        let name = ctx
            .data
            .bundle
            .csp
            .country(&row.iso3)
            .map_or(row.name.clone(), |c| {
                i18n.country(&c.iso3, &c.name_en).to_string()
            });
        let sources: Vec<String> = row
            .provenance
            .sources
            .iter()
            .map(|s| {
                ctx.data
                    .bundle
                    .source(s)
                    .and_then(|s| s.url.clone())
                    .unwrap_or_else(|| s.clone())
            })
            .collect();
        csv.row([
            row.rank.map(|r| r.to_string()).unwrap_or_default(),
            row.iso3.clone(),
            name,
            row.value.map(|v| format!("{v:.2}")).unwrap_or_default(),
            row.change.map(|c| format!("{c:+.2}")).unwrap_or_default(),
            if row.value.is_some() {
                "published"
            } else {
                "measured; value not found"
            }
            .to_string(),
            sources.join(" "),
        ]);
    }
    csv.finish()
}

/// What the public record holds about the GTI's membership: how many members are named, how
/// many unidentified, and which bands remain open for those without one.
fn gti_record_notes(ctx: &Explorer) -> Vec<String> {
    let i18n = &ctx.i18n;
    let gti = &ctx.data.bundle.gti;
    let Some(slots) = gti.band_slots() else {
        return Vec::new();
    };
    let mut notes = vec![i18n.f(
        "gti-note-unidentified",
        &[
            ("total", &slots.total().to_string()),
            ("named", &gti.countries.len().to_string()),
            ("unidentified", &slots.unidentified.to_string()),
        ],
    )];
    if slots.open_total() > 0 {
        notes.push(i18n.f(
            "gti-note-slots",
            &[
                ("open", &slots.open_total().to_string()),
                ("slots", &labels::open_slots(i18n, &slots)),
            ],
        ));
    }
    notes
}
