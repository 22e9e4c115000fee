//! What the map shows for each country of the selected index: its fill, tooltip lines,
//! accessible name and the text of the alternative table.

use engine::model::Band;
use engine::Basis;

use crate::explorer::Explorer;
use crate::labels;
use crate::link::IndexId;
use crate::map::{band_fill, csp_fill};

/// What the map shows for one country of the index.
#[derive(Clone, PartialEq)]
pub struct Entry {
    pub iso3: String,
    pub name: String,
    pub fill: Option<&'static str>,
    /// Tooltip lines.
    pub lines: Vec<String>,
    /// Accessible name.
    pub label: String,
    /// Text of the alternative table: value and official value.
    pub value: String,
    pub official: Option<Band>,
}

pub fn entries(ctx: &Explorer) -> Vec<Entry> {
    let mut out = unsorted_entries(ctx);
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn unsorted_entries(ctx: &Explorer) -> Vec<Entry> {
    let i18n = &ctx.i18n;
    let data = &ctx.data;
    let publishers = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| data.bundle.source(id).map(|s| s.publisher.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match ctx.link().index {
        IndexId::Gti2025 => {
            let scored = ctx.scored().as_ref().ok();
            data.bundle
                .gti
                .countries
                .iter()
                .map(|c| {
                    let name = i18n.country(&c.iso3, &c.name_en).to_string();
                    let o = data
                        .member(&c.iso3)
                        .and_then(|i| scored?.outcomes.get(i).copied());
                    let official = c.overall.as_ref().map(|a| a.value);
                    let band = o.and_then(|o| o.band);
                    let score = o.and_then(|o| match (o.score, o.basis) {
                        (Some(s), Basis::Recomputed) => Some(i18n.num(s, 1)),
                        (Some(s), _) => {
                            Some(format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")))
                        }
                        _ => None,
                    });
                    let band_text =
                        band.map_or_else(|| i18n.t("not-published"), |b| labels::band(i18n, b));
                    let official_text =
                        official.map_or_else(|| i18n.t("not-published"), |b| labels::band(i18n, b));
                    let sources = c.overall.as_ref().map_or_else(
                        || publishers(&c.provenance.sources),
                        |a| publishers(&a.provenance.sources),
                    );
                    let mut lines = vec![name.clone()];
                    if let Some(s) = &score {
                        lines.push(format!("{}: {s}", i18n.t("col-score")));
                    }
                    lines.push(format!("{}: {band_text}", i18n.t("col-band")));
                    lines.push(format!("{}: {official_text}", i18n.t("col-official-band")));
                    lines.push(format!("{}: {sources}", i18n.t("col-sources")));
                    let label = lines.join("; ");
                    Entry {
                        iso3: c.iso3.clone(),
                        name,
                        fill: band.map(band_fill),
                        lines,
                        label,
                        value: match score {
                            Some(s) => format!("{s} · {band_text}"),
                            None => band_text,
                        },
                        official,
                    }
                })
                .collect()
        }
        IndexId::Csp => {
            let year = ctx.link().year;
            data.csp_year(year)
                .iter()
                .map(|r| {
                    let name = data
                        .bundle
                        .csp
                        .country(&r.iso3)
                        .map_or(r.name.clone(), |c| {
                            i18n.country(&c.iso3, &c.name_en).to_string()
                        });
                    let value = r
                        .value
                        .map_or_else(|| i18n.t("csp-missing"), |v| i18n.num(v, 2));
                    let mut lines = vec![
                        name.clone(),
                        format!("{} {year}: {value}", i18n.t("col-csp-score")),
                    ];
                    if let Some(rank) = r.rank {
                        lines.push(format!("{}: {rank}", i18n.t("col-rank")));
                    }
                    lines.push(format!(
                        "{}: {}",
                        i18n.t("col-sources"),
                        publishers(&r.provenance.sources)
                    ));
                    let label = lines.join("; ");
                    Entry {
                        iso3: r.iso3.clone(),
                        name,
                        fill: r.value.map(csp_fill),
                        lines,
                        label,
                        value,
                        official: None,
                    }
                })
                .collect()
        }
    }
}
