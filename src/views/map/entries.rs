//! What the map shows for each unit of the index in view: its fill, tooltip lines, accessible
//! name and the text of the alternative table, from the standings ([`crate::standings`]) for
//! any index: a banded index's units are coloured by band, with the published band beside it;
//! an index on a scale, by bins of the score, with the rank beside it.

use engine::model::Band;
use engine::Basis;

use crate::explorer::Explorer;
use crate::labels;
use crate::map::{band_fill, bin_fill};
use crate::standings::{publishers, Row, Shape};

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
    let standings = ctx.derived.standings(&ctx.data, ctx.link());
    let mut out: Vec<Entry> = standings
        .rows
        .iter()
        .map(|row| entry(ctx, &standings.shape, row))
        .collect();
    engine::sort::sort_by(&mut out, |a, b| a.name.cmp(&b.name));
    out
}

fn entry(ctx: &Explorer, shape: &Shape, row: &Row) -> Entry {
    let i18n = &ctx.i18n;
    let name = i18n.country(&row.iso3, &row.name_en).to_string();
    let sources = publishers(&ctx.data, &row.sources);
    let mut lines = vec![name.clone()];
    let (fill, value) = if shape.banded {
        // The band is the figure; the score beside it, marked where a published band stands
        // at its midpoint.
        let score = row.score.map(|s| match row.basis {
            Basis::Recomputed => i18n.num(s, shape.decimals),
            _ => format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")),
        });
        let band_text = row
            .band
            .map_or_else(|| i18n.t(shape.missing_key), |b| labels::band(i18n, b));
        if let Some(s) = &score {
            lines.push(format!("{}: {s}", i18n.t(shape.score_key)));
        }
        lines.push(format!("{}: {band_text}", i18n.t("col-band")));
        if shape.official {
            let official = row
                .official
                .map_or_else(|| i18n.t(shape.missing_key), |b| labels::band(i18n, b));
            lines.push(format!("{}: {official}", i18n.t("col-official-band")));
        }
        let value = match score {
            Some(s) => format!("{s} · {band_text}"),
            None => band_text,
        };
        (row.band.map(band_fill), value)
    } else {
        // The score is the figure, on bins; the rank beside it.
        let value = row.score.map_or_else(
            || i18n.t(shape.missing_key),
            |v| i18n.num(v, shape.decimals),
        );
        let label = match shape.period {
            Some(p) => format!("{} {p}", i18n.t(shape.score_key)),
            None => i18n.t(shape.score_key),
        };
        lines.push(format!("{label}: {value}"));
        if let Some(rank) = row.rank {
            lines.push(format!("{}: {rank}", i18n.t("col-rank")));
        }
        (row.score.map(bin_fill), value)
    };
    lines.push(format!("{}: {sources}", i18n.t("col-sources")));
    let label = lines.join("; ");
    Entry {
        iso3: row.iso3.clone(),
        name,
        fill,
        lines,
        label,
        value,
        official: row.official,
    }
}
