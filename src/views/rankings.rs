//! The rankings page: index choice, weights (GTI) or year (CSP), the ranking table, and
//! sharing and export.

use engine::error::WeightError;
use engine::Basis;
use yew::prelude::*;

use crate::captions::export_header;
use crate::components::index_switcher::IndexSwitcher;
use crate::components::ranking_table::RankingTable;
use crate::components::share_bar::ShareBar;
use crate::components::weights_panel::GtiWeights;
use crate::csv::Csv;
use crate::explorer::{use_explorer, Explorer};
use crate::i18n::Messages;
use crate::labels;
use crate::link::IndexId;
use crate::state::Action;

pub fn weight_error(i18n: &Messages, e: WeightError) -> String {
    match e {
        WeightError::AllZero => i18n.t("error-weights-zero"),
        WeightError::NotFinite { .. }
        | WeightError::Negative { .. }
        | WeightError::WrongCount { .. } => i18n.t("error-weights-invalid"),
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

#[component]
pub fn Rankings() -> Html {
    let ctx = use_explorer();
    let i18n = ctx.i18n.clone();
    let view = ctx.link().clone();
    let d = ctx.dispatch.clone();
    let onindex = d.reform(Action::SetIndex);
    let onyear = d.reform(Action::SetYear);
    let shape = crate::standings::shape(&ctx.data, &view);
    let methods_href = ctx.href(&ctx.with(|s| s.view = crate::link::View::Methods));
    let custom = ctx.is_custom();
    let (body, csv) = match view.index {
        IndexId::Gti2025 => {
            let results = match ctx.scored() {
                Ok(scored) => html! {
                    <>
                        <RankingTable data={ctx.data.clone()} index={view.index} year={view.year}
                            scored={Some(scored.clone())} {custom} selected={view.country.clone()} />
                        <ul class="table-notes">
                            <li>{ i18n.t("gti-note-model") }{ " " }<a href={methods_href.clone()}>{ i18n.t("gti-note-model-link") }</a></li>
                            <li>{ i18n.t("gti-note-differs") }</li>
                            { for gti_record_notes(&ctx).into_iter().map(|n| html! { <li data-testid="gti-record">{ n }</li> }) }
                        </ul>
                    </>
                },
                Err(e) => html! {
                    <div class="notice notice-error" role="alert" data-testid="weight-error">
                        <p>{ weight_error(&i18n, *e) }</p>
                        <button type="button" onclick={d.reform(|_: MouseEvent| Action::ResetWeights)}>{ i18n.t("weights-reset") }</button>
                    </div>
                },
            };
            let csv = gti_csv(&ctx).map(|c| ("gti-2025-ranking.csv".to_string(), c));
            (
                html! {
                    <div class="layout">
                        <GtiWeights />
                        <div class="results">{ results }</div>
                    </div>
                },
                csv,
            )
        }
        IndexId::Csp => (
            html! {
                <>
                    <p class="hint">{ i18n.t("csp-no-weights") }</p>
                    <RankingTable data={ctx.data.clone()} index={view.index} year={view.year} selected={view.country.clone()} />
                    <ul class="table-notes">
                        <li>{ i18n.t("csp-note-scale") }</li>
                        <li>{ i18n.t("csp-note-missing") }{ " " }<a href={methods_href}>{ i18n.t("csp-note-flags-link") }</a></li>
                    </ul>
                </>
            },
            Some((format!("csp-index-{}.csv", view.year), csp_csv(&ctx))),
        ),
    };
    let intro = i18n.t(shape.intro_key);
    let years = shape.periods;
    html! {
        <>
            <h1>{ labels::index_name(&i18n, view.index) }</h1>
            <p class="intro">{ intro }</p>
            <IndexSwitcher index={view.index} year={view.year} {years} {onindex} {onyear} />
            <ShareBar {csv} />
            { body }
        </>
    }
}
