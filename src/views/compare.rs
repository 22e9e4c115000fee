//! Compare 2-4 countries side by side, from the standings: the index the weights apply to
//! (its published band, the explorer's score and band, each component's band and the other
//! ratings of each record), and the index with periods (the trend's) in every period.

use engine::model::Provenance;
use engine::{Band, Basis};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::captions::export_header;
use crate::captions::{all_countries, country_name};
use crate::components::charts::{LineChart, PALETTE};
use crate::components::link::link;
use crate::components::share_bar::ShareBar;
use crate::components::source_list::SourceList;
use crate::csv::Csv;
use crate::explorer::{use_explorer, Explorer};
use crate::labels;
use crate::labels::roman;
use crate::link::MAX_COMPARE;
use crate::state::Action;

fn compare_csv(ctx: &Explorer, chosen: &[String], sources: &[Vec<(String, Provenance)>]) -> String {
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

/// Where each chosen country's figures come from: its record in the index the weights apply
/// to, then in the index with periods.
fn sources(ctx: &Explorer, chosen: &[String]) -> Vec<Vec<(String, Provenance)>> {
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
type Row = (String, Vec<(String, Option<engine::Band>)>);

fn rows(ctx: &Explorer, chosen: &[String]) -> Vec<Row> {
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

#[component]
pub fn Compare() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let countries = all_countries(&ctx);
    let chosen: Vec<String> = ctx
        .link()
        .compare
        .iter()
        .filter(|c| countries.iter().any(|(i, _)| i == *c))
        .cloned()
        .collect();
    let onadd = {
        let chosen = chosen.clone();
        ctx.dispatch.reform(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let mut next = chosen.clone();
            let v = s.value();
            if !v.is_empty() && !next.contains(&v) && next.len() < MAX_COMPARE {
                next.push(v);
            }
            s.set_value("");
            Action::SetCompare(next)
        })
    };
    let chips = chosen.iter().map(|c| {
        let next: Vec<String> = chosen.iter().filter(|x| *x != c).cloned().collect();
        let name = country_name(&ctx, c);
        let onclick = ctx.dispatch.reform(move |_: MouseEvent| Action::SetCompare(next.clone()));
        html! {
            <li><button type="button" class="chip" {onclick} aria-label={i18n.f("compare-remove", &[("country", &name)])}>
                { name.clone() }<span aria-hidden="true">{ " ×" }</span></button></li>
        }
    });
    let full = chosen.len() >= MAX_COMPARE;
    let picker = html! {
        <div class="field">
            <label for="compare-add">{ i18n.t("compare-add") }</label>
            <select id="compare-add" onchange={onadd} disabled={full}>
                <option value="" selected=true>{ i18n.t(if full { "compare-full" } else { "compare-choose" }) }</option>
                { for countries.iter().filter(|(i, _)| !chosen.contains(i)).map(|(iso, name)| html! {
                    <option value={iso.clone()}>{ name }</option>
                }) }
            </select>
        </div>
    };
    let body = if chosen.len() < 2 {
        html! { <p class="notice" role="status">{ i18n.t("compare-need-two") }</p> }
    } else {
        let table = rows(&ctx, &chosen).into_iter().map(|(label, cells)| html! {
            <tr>
                <th scope="row">{ label }</th>
                { for cells.into_iter().map(|(text, band)| html! {
                    <td>
                        if let Some(b) = band {
                            <span class={classes!("swatch", format!("band-{}", b.slug()))} aria-hidden="true"></span>{ " " }
                        }
                        { text }
                    </td>
                }) }
            </tr>
        });
        // The chosen units' lines in the trend of the index with periods, if any has one.
        let chart = crate::standings::trend(&ctx.data, ctx.link()).and_then(|(index, trend)| {
            let (periods, units) = crate::standings::series(&ctx.data, index);
            let lines: Vec<_> = chosen
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let unit = units.iter().find(|s| s.iso3 == *c)?;
                    Some((
                        c.clone(),
                        country_name(&ctx, c),
                        PALETTE[i % PALETTE.len()],
                        unit.values.clone(),
                    ))
                })
                .collect();
            let title = trend.spanning(&i18n, trend.compare_key);
            let caption = vec![title.clone(), i18n.f("footer-data", &[("version", &ctx.data.version)])];
            (!lines.is_empty()).then(|| (
                (trend.compare_id.to_string(), trend.compare_file.to_string()),
                html! {
                    <figure>
                        <LineChart id={trend.compare_id} {title} years={periods} series={lines} {caption} />
                    </figure>
                },
            ))
        });
        let (share, figure) = chart.unzip();
        let names: Vec<String> = chosen.iter().map(|c| country_name(&ctx, c)).collect();
        let sources = sources(&ctx, &chosen);
        let csv = compare_csv(&ctx, &chosen, &sources);
        let source_cells = sources.into_iter().map(|items| html! {
            <td>{ if items.is_empty() { html! { "—" } } else { html! { <SourceList data={ctx.data.clone()} {items} /> } } }</td>
        });
        html! {
            <>
                <ShareBar csv={Some(("comparison.csv".to_string(), csv))}
                    chart={share} />
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="compare-caption">
                    <table class="ranking compare" id="compare-table">
                        <caption id="compare-caption"><span class="caption-text">{ i18n.f("compare-caption", &[("countries", &names.join(", "))]) }</span></caption>
                        <thead><tr>
                            <th scope="col">{ i18n.t("compare-measure") }</th>
                            { for chosen.iter().map(|c| {
                                let to = ctx.profile(c);
                                html! { <th scope="col">{ link(&ctx, to, country_name(&ctx, c)) }</th> }
                            }) }
                        </tr></thead>
                        <tbody>{ for table }
                            <tr class="sources-row"><th scope="row">{ i18n.t("col-sources") }</th>{ for source_cells }</tr>
                        </tbody>
                    </table>
                </div>
                { for figure }
            </>
        }
    };
    html! {
        <>
            <h1>{ i18n.t("compare-title") }</h1>
            <p class="intro">{ i18n.t("compare-intro") }</p>
            <div class="switcher">
                { picker }
                <ul class="chips" aria-label={i18n.t("compare-chosen")}>{ for chips }</ul>
            </div>
            { body }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{Limits, LinkState, View};

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
