//! The comparison's rows, from the standings: for the index the weights apply to, the published
//! band, the explorer's score and band, each component's band and the record's other ratings;
//! and where each chosen country's figures come from.

use engine::model::Provenance;
use engine::{Band, Basis};

use crate::explorer::Explorer;
use crate::labels;
use crate::labels::roman;

/// Where each chosen country's figures come from: its record in the index the weights apply
/// to, then in the index with periods.
pub(super) fn sources(ctx: &Explorer, chosen: &[String]) -> Vec<Vec<(String, Provenance)>> {
    let (data, link, i18n) = (&ctx.data, ctx.link(), &ctx.i18n);
    let weighted = crate::standings::weighted_index(data, link);
    let periods = crate::standings::trend_index(data, link);
    chosen
        .iter()
        .map(|c| {
            let mut items = crate::standings::record(i18n, data, weighted, c, None).sources;
            if periods != weighted {
                items.extend(crate::standings::record(i18n, data, periods, c, None).sources);
            }
            items
        })
        .collect()
}

/// (row label, per country: (text, band for colouring))
pub(super) type Row = (String, Vec<(String, Option<engine::Band>)>);

pub(super) fn rows(ctx: &Explorer, chosen: &[String]) -> Vec<Row> {
    let i18n = &ctx.i18n;
    let data = &ctx.data;
    let mut out: Vec<Row> = Vec::new();
    // The index the weights apply to: its published band, the explorer's score and band at
    // the weights in force, each component's band and the other ratings of its record.
    let index = crate::standings::weighted_index(data, ctx.link());
    let scored = ctx.scored();
    let standings = crate::standings::standings_of(
        data,
        index,
        ctx.link().year,
        scored.as_ref().ok().map(|s| &**s),
    );
    let shape = &standings.shape;
    let records: Vec<_> = chosen
        .iter()
        .map(|c| {
            let row = standings.rows.iter().find(|r| r.iso3 == *c);
            (row, crate::standings::record(i18n, data, index, c, None))
        })
        .collect();
    let absent = shape
        .absent_key
        .map_or_else(|| "—".to_string(), |k| i18n.t(k));
    let band = |b: Option<Band>, record: &crate::standings::Record| match b {
        Some(b) => (labels::band(i18n, b), Some(b)),
        None if record.member => (i18n.t("not-published"), None),
        None => ("—".to_string(), None),
    };
    if shape.official {
        out.push((
            i18n.t("col-official-band"),
            records
                .iter()
                .map(|(row, record)| match row {
                    Some(row) => band(row.official, record),
                    None => (absent.clone(), None),
                })
                .collect(),
        ));
    }
    out.push((
        i18n.t(if ctx.is_custom() {
            "profile-model-custom"
        } else {
            "profile-model"
        }),
        records
            .iter()
            .map(|(row, _)| match row.filter(|_| scored.is_ok()) {
                Some(row) => match (row.score, row.band) {
                    (Some(s), Some(b)) => {
                        let score = if row.basis == Basis::Recomputed {
                            i18n.num(s, shape.decimals)
                        } else {
                            format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint"))
                        };
                        (format!("{score} · {}", labels::band(i18n, b)), Some(b))
                    }
                    _ => (i18n.t("not-published"), None),
                },
                None => ("—".to_string(), None),
            })
            .collect(),
    ));
    for (i, name) in shape.components.iter().enumerate() {
        out.push((
            format!("{}. {}", roman(i + 1), i18n.text(name)),
            records
                .iter()
                .map(|(_, record)| band(record.components.get(i).copied().flatten(), record))
                .collect(),
        ));
    }
    let rated = records.first().map_or(0, |(_, r)| r.ratings.len());
    for k in 0..rated {
        out.push((
            records[0].1.ratings[k].0.clone(),
            records
                .iter()
                .map(
                    |(_, record)| match record.ratings.get(k).and_then(|r| r.1.clone()) {
                        Some(text) => (text, None),
                        None if record.member => (i18n.t("not-published"), None),
                        None => ("—".to_string(), None),
                    },
                )
                .collect(),
        ));
    }
    // The index with periods, a row a period: the score, the index's word for a unit
    // measured without a figure, or a dash for a unit not in that period.
    let Some((index, _)) = crate::standings::trend(data, ctx.link()) else {
        return out;
    };
    let name = labels::index_name(i18n, index);
    let periods = crate::standings::shape_of(data, index, ctx.link().year).periods;
    for period in periods.into_iter().rev() {
        let standings = crate::standings::standings_of(data, index, period, None);
        let shape = &standings.shape;
        out.push((
            format!("{name} {period}"),
            chosen
                .iter()
                .map(|c| match standings.rows.iter().find(|r| r.iso3 == *c) {
                    Some(row) => (
                        row.score.map_or_else(
                            || i18n.t(shape.missing_key),
                            |x| i18n.num(x, shape.decimals),
                        ),
                        None,
                    ),
                    None => ("—".to_string(), None),
                })
                .collect(),
        ));
    }
    out
}
