//! What the rankings page exports and notes for each index: its CSV (the columns the index
//! has, every field through the explorer's CSV builder) and what the public record says about
//! its membership.

use engine::Basis;

use crate::captions::export_header;
use crate::csv::Csv;
use crate::explorer::Explorer;
use crate::labels;
use crate::link::IndexId;

/// The ranking of the index in view as CSV, in rank order: its file name and text (none if
/// the weights were refused). Its columns follow the shape: rank, code, name and score; the
/// band and the published band where there are bands; the change where there are periods;
/// how the score came about; the confidence in the record where the index grades it; the
/// sources' addresses.
pub fn ranking_csv(ctx: &Explorer) -> Option<(String, String)> {
    let standings = ctx.derived.standings(&ctx.data, ctx.link());
    if standings.order.is_empty() {
        return None;
    }
    let (shape, i18n, data) = (&standings.shape, &ctx.i18n, &ctx.data);
    let name = labels::index_name(i18n, standings.index);
    let what = match shape.period {
        Some(p) => format!("{name} {p}"),
        None => name,
    };
    let (basis_column, basis_words) = shape.csv_basis;
    let mut header = vec!["rank", "iso3", "country", "score"];
    if shape.banded {
        header.push("band");
    }
    if shape.official {
        header.push("official_band");
    }
    if shape.period.is_some() {
        header.push("change");
    }
    header.push(basis_column);
    if shape.csv_confidence {
        header.push("confidence");
    }
    header.push("sources");
    let mut csv = Csv::new();
    csv.comments(export_header(ctx, &what)).row(header);
    for row in standings
        .order
        .iter()
        .filter_map(|&i| standings.rows.get(i))
    {
        let band =
            |b: Option<engine::model::Band>| b.map(|b| b.label().to_string()).unwrap_or_default();
        let sources: Vec<String> = row
            .sources
            .iter()
            .map(|s| {
                data.bundle
                    .source(s)
                    .and_then(|s| s.url.clone())
                    .unwrap_or_else(|| s.clone())
            })
            .collect();
        let mut fields = vec![
            row.rank.map(|r| r.to_string()).unwrap_or_default(),
            row.iso3.clone(),
            i18n.country(&row.iso3, &row.name_en).to_string(),
            row.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        ];
        if shape.banded {
            fields.push(band(row.band));
        }
        if shape.official {
            fields.push(band(row.official));
        }
        if shape.period.is_some() {
            fields.push(row.change.map(|c| format!("{c:+.2}")).unwrap_or_default());
        }
        fields.push(
            match row.basis {
                Basis::Recomputed => basis_words[0],
                Basis::PublishedBandOnly => basis_words[1],
                Basis::NotPublished => basis_words[2],
            }
            .to_string(),
        );
        if shape.csv_confidence {
            fields.push(
                row.confidence
                    .map(|c| c.slug().to_string())
                    .unwrap_or_default(),
            );
        }
        fields.push(sources.join(" "));
        csv.row(fields);
    }
    Some((format!("{}-ranking.csv", shape.file_stem), csv.finish()))
}

/// What the public record holds about the membership of the index in view, where it is
/// partial (the GTI's: members named and unidentified, bands still open).
pub fn record_notes(ctx: &Explorer) -> Vec<String> {
    match ctx.link().index {
        IndexId::Gti2025 => gti_record_notes(ctx),
        IndexId::Csp => Vec::new(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::AppData;
    use crate::link::{Limits, LinkState};

    fn csv_of(edit: impl FnOnce(&mut LinkState)) -> Option<(String, Vec<String>)> {
        let mut link = LinkState::defaults(&Limits::bundled());
        edit(&mut link);
        let (name, text) = ranking_csv(&Explorer::standalone(link))?;
        Some((name, text.lines().map(str::to_string).collect()))
    }

    fn table(lines: &[String]) -> Vec<Vec<String>> {
        let header = lines
            .iter()
            .position(|l| l.starts_with("rank,"))
            .expect("a header row");
        lines[header..]
            .iter()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn the_gti_csv_lists_every_scored_member_in_rank_order_with_band_basis_and_confidence() {
        let (name, lines) = csv_of(|_| {}).expect("the official weights score");
        assert_eq!(name, "gti-2025-ranking.csv");
        assert!(
            lines[1].contains("OMCT Global Torture Index 2025"),
            "{}",
            lines[1]
        );
        assert!(lines.iter().any(|l| l.starts_with("# Weights: I 1.0")));
        let rows = table(&lines);
        assert_eq!(
            rows[0].join(","),
            "rank,iso3,country,score,band,official_band,basis,confidence,sources"
        );
        let data = AppData::load();
        assert_eq!(rows.len() - 1, data.bundle.gti.countries.len());
        let kgz = rows.iter().find(|r| r[1] == "KGZ").expect("KGZ");
        assert_eq!(
            kgz[..8].join(","),
            "5,KGZ,Kyrgyzstan,41.43,Considerable,Considerable,recomputed,primary"
        );
        assert!(kgz[8].starts_with("https://"), "{kgz:?}");
        // Ranked members first, in rank order.
        let ranks: Vec<u32> = rows[1..].iter().filter_map(|r| r[0].parse().ok()).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
        // Weights that cannot be used: no CSV (the page says why).
        assert!(csv_of(|l| l.weights = Some(vec![0.0; 7])).is_none());
    }

    #[test]
    fn a_csp_year_s_csv_is_its_table_with_changes_and_status() {
        let data = AppData::load();
        for year in data.bundle.csp.years() {
            let (name, lines) = csv_of(|l| {
                l.index = IndexId::Csp;
                l.year = year;
            })
            .expect("a CSP year always exports");
            assert_eq!(name, format!("csp-index-{year}-ranking.csv"));
            let m = crate::i18n::Messages::load(crate::i18n::Lang::En);
            assert_eq!(lines[1], format!("# {} {year}", m.t("index-csp")));
            // Its scores are published: no weights line.
            assert!(!lines.iter().any(|l| l.starts_with("# Weights")));
            let rows = table(&lines);
            assert_eq!(
                rows[0].join(","),
                "rank,iso3,country,score,change,status,sources"
            );
            let expected = data.csp_year(year);
            assert_eq!(rows.len() - 1, expected.len());
            for (r, e) in rows[1..].iter().zip(expected.iter()) {
                assert_eq!(r[1], e.iso3);
                assert_eq!(r[0], e.rank.map(|r| r.to_string()).unwrap_or_default());
                assert_eq!(r[3], e.value.map(|v| format!("{v:.2}")).unwrap_or_default());
                assert_eq!(
                    r[4],
                    e.change.map(|c| format!("{c:+.2}")).unwrap_or_default()
                );
                let status = if e.value.is_some() {
                    "published"
                } else {
                    "measured; value not found"
                };
                assert_eq!(r[5], status, "{} {year}", e.iso3);
            }
        }
    }
}
