//! Cross-index: the units two indices both cover, side by side (the one the weights apply
//! to, its published band and the explorer's score, beside the one with periods, its score
//! and rank in the chosen period: `standings::pair`), with what each index measures and why
//! they can disagree.

use engine::Basis;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::captions::export_header;
use crate::components::link::link;
use crate::components::ranking_table::band_cell;
use crate::components::share_bar::ShareBar;
use crate::csv::Csv;
use crate::explorer::{use_explorer, Explorer};
use crate::standings::{pair, Pair};
use crate::state::Action;

/// The pair of the link, the first index at the weights in force.
fn pair_of(ctx: &Explorer) -> Pair {
    let scored = ctx.scored();
    pair(&ctx.data, ctx.link(), scored.as_ref().ok().map(|s| &**s))
}

/// The cross-index table as CSV: the explorer's scores beside the other index's, so its
/// header block carries the weights.
fn cross_csv(ctx: &Explorer, p: &Pair) -> String {
    let i18n = &ctx.i18n;
    let year = p.period;
    let mut csv = Csv::new();
    csv.comments(export_header(
        ctx,
        &format!("{} / {} {year}", i18n.t("index-gti"), i18n.t("index-csp")),
    ));
    csv.row([
        "iso3",
        "country",
        "gti_official_band",
        "explorer_score",
        "explorer_band",
        "csp_year",
        "csp_score",
        "csp_rank",
    ]);
    for (i, j) in &p.shared {
        let g = &p.weighted.rows[*i];
        let c = j.and_then(|j| p.periods.rows.get(j));
        csv.row([
            g.iso3.clone(),
            g.name_en.clone(),
            g.official
                .map(|b| b.label().to_string())
                .unwrap_or_default(),
            g.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
            g.band.map(|b| b.label().to_string()).unwrap_or_default(),
            year.to_string(),
            c.and_then(|c| c.score)
                .map(|v| format!("{v:.2}"))
                .unwrap_or_default(),
            c.and_then(|c| c.rank)
                .map(|r| r.to_string())
                .unwrap_or_default(),
        ]);
    }
    csv.finish()
}

#[component]
pub fn CrossIndex() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let p = pair_of(&ctx);
    let year = p.period;
    let ranked = p.ranked();
    let csv = cross_csv(&ctx, &p);
    let rows = p.shared.iter().map(|(i, j)| {
        let g = &p.weighted.rows[*i];
        let c = j.and_then(|j| p.periods.rows.get(j));
        let name = i18n.country(&g.iso3, &g.name_en).to_string();
        let to = ctx.profile(&g.iso3);
        html! {
            <tr data-iso3={g.iso3.clone()}>
                <th scope="row">{ link(&ctx, to, name) }</th>
                <td>{ band_cell(&i18n, g.official) }</td>
                <td class="num">{ match (g.score, g.basis) {
                    (Some(s), Basis::Recomputed) => i18n.num(s, 1),
                    (Some(s), _) => format!("{} ({})", i18n.num(s, 0), i18n.t("score-midpoint")),
                    (None, _) => "—".into(),
                } }</td>
                <td class="num">{ c.and_then(|c| c.score).map_or_else(|| i18n.t("csp-missing"), |v| i18n.num(v, 2)) }</td>
                <td class="num">{ c.and_then(|c| c.rank).map_or_else(|| "—".to_string(), |r| i18n.f("cross-rank-of", &[("rank", &r.to_string()), ("n", &ranked.to_string())])) }</td>
            </tr>
        }
    }).collect::<Vec<_>>();
    let default_year = crate::defaults::year(&ctx.data);
    let onyear = ctx.dispatch.reform(move |e: Event| {
        let s: HtmlSelectElement = e.target_unchecked_into();
        Action::SetYear(s.value().parse().unwrap_or(default_year))
    });
    html! {
        <>
            <h1>{ i18n.t("cross-title") }</h1>
            <p class="intro">{ i18n.t("cross-intro") }</p>
            <div class="switcher">
                <div class="field">
                    <label for="cross-year">{ i18n.t("cross-year") }</label>
                    <select id="cross-year" onchange={onyear}>
                        { for p.choices.iter().map(|&y| html! { <option value={y.to_string()} selected={y == year}>{ y }</option> }) }
                    </select>
                </div>
            </div>
            <ShareBar csv={Some((format!("cross-index-{year}.csv"), csv))} />
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cross-caption">
                <table class="ranking" id="cross-table">
                    <caption id="cross-caption"><span class="caption-text">{ i18n.f("cross-caption", &[("year", &year.to_string())]) }</span></caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("col-country") }</th>
                        <th scope="col">{ i18n.t("cross-col-gti") }</th>
                        <th scope="col" class="num">{ i18n.t("cross-col-model") }</th>
                        <th scope="col" class="num">{ i18n.f("cross-col-csp", &[("year", &year.to_string())]) }</th>
                        <th scope="col" class="num">{ i18n.t("cross-col-csp-rank") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <section aria-labelledby="cross-why">
                <h2 id="cross-why">{ i18n.t("cross-why-title") }</h2>
                <ul>
                    <li><strong>{ i18n.t("index-gti") }</strong>{ ": " }{ i18n.t("cross-gti-measures") }</li>
                    <li><strong>{ i18n.t("index-csp") }</strong>{ ": " }{ i18n.t("cross-csp-measures") }</li>
                </ul>
                <p>{ i18n.t("cross-disagree") }</p>
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{IndexId, Lang, LinkState};

    fn csv_for(edit: impl FnOnce(&mut LinkState)) -> String {
        let mut link = LinkState::defaults(&crate::link::Limits::bundled());
        link.view = crate::link::View::Cross;
        edit(&mut link);
        let ctx = Explorer::standalone(link);
        cross_csv(&ctx, &pair_of(&ctx))
    }

    /// The cross-index CSV holds the explorer's GTI scores: whichever index was chosen last and
    /// in either language, its header names the weights they were computed with.
    #[test]
    fn the_cross_index_csv_names_its_weights() {
        for index in IndexId::ALL {
            for lang in [Lang::En, Lang::Ru] {
                let text = csv_for(|v| {
                    v.index = index;
                    v.lang = lang;
                    v.weights = Some(vec![2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]);
                });
                let weights = match lang {
                    Lang::En => "# Weights: I 2.0 · II 1.0",
                    _ => "\"# Веса: I 2,0 · II 1,0",
                };
                assert!(text.contains(weights), "{index:?} {lang:?}:\n{text}");
                let custom = match lang {
                    Lang::En => "# Custom weighting: not the official index\n",
                    _ => "# Свои веса: это не официальный индекс\n",
                };
                assert!(text.contains(custom), "{index:?} {lang:?}:\n{text}");
            }
        }
        let official = csv_for(|v| v.index = IndexId::Csp);
        assert!(official.contains("# Weights: I 1.0 · II 1.0"), "{official}");
        assert!(official.contains("\niso3,country,gti_official_band,explorer_score,"));
        assert!(official.contains("\nKGZ,Kyrgyzstan,"), "{official}");
    }
}
