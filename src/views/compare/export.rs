//! The comparison as CSV: its rows, then each country's sources by publisher.

use engine::model::Provenance;

use crate::captions::export_header;
use crate::csv::Csv;
use crate::explorer::Explorer;

use super::rows::rows;

pub(super) fn compare_csv(
    ctx: &Explorer,
    chosen: &[String],
    sources: &[Vec<(String, Provenance)>],
) -> String {
    let i18n = &ctx.i18n;
    let mut csv = Csv::new();
    csv.comments(export_header(ctx, &i18n.t("compare-title")))
        .row(std::iter::once("measure").chain(chosen.iter().map(String::as_str)));
    for (label, cells) in rows(ctx, chosen) {
        csv.row(std::iter::once(label).chain(cells.into_iter().map(|c| c.0)));
    }
    // Each country's sources, by publisher.
    let publishers = sources.iter().map(|items| {
        let mut ids: Vec<String> = Vec::new();
        for id in items.iter().flat_map(|(_, p)| &p.sources) {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        crate::standings::publishers(&ctx.data, &ids)
    });
    csv.row(std::iter::once(i18n.t("col-sources")).chain(publishers));
    csv.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{Limits, LinkState, View};
    use crate::views::compare::rows::sources;

    /// The comparison's CSV ends with each country's sources, by publisher: the OMCT's for a
    /// GTI member, the Civic Solidarity Platform's for a country of the CSP Index, both for a
    /// country in both.
    #[test]
    fn the_comparison_names_the_sources_of_each_country() {
        let mut link = LinkState::defaults(&Limits::bundled());
        link.view = View::Compare;
        let chosen: Vec<String> = ["KGZ", "IND", "ARM"].map(String::from).to_vec();
        link.compare = chosen.clone();
        let ctx = Explorer::standalone(link);
        let sources = sources(&ctx, &chosen);
        assert_eq!(sources.len(), 3);
        // Kyrgyzstan: the GTI's record (membership, published band, seven pillars,
        // transparency) and a total a year in the CSP Index.
        let kgz = &sources[0];
        assert!(kgz.iter().any(|(w, _)| w == "Pillar VII"));
        let years = ctx
            .data
            .bundle
            .csp
            .values
            .iter()
            .filter(|v| v.iso3 == "KGZ")
            .count();
        let csp = kgz.iter().filter(|(w, _)| w.starts_with("Total ")).count();
        assert_eq!(csp, years);
        // India is in the GTI only, Armenia in the CSP Index only.
        assert!(!sources[1].is_empty());
        assert!(sources[1].iter().all(|(w, _)| !w.starts_with("Total ")));
        assert!(!sources[2].is_empty());
        assert!(sources[2].iter().all(|(w, _)| w.starts_with("Total ")));
        let csv = compare_csv(&ctx, &chosen, &sources);
        let last = csv.lines().last().expect("a last row");
        assert!(last.starts_with("Sources,"), "{last}");
        let cells: Vec<&str> = last.splitn(2, ',').collect();
        assert!(
            cells[1].contains("OMCT") && cells[1].contains("Civic Solidarity Platform"),
            "{last}"
        );
    }
}
