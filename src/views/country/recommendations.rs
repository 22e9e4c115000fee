//! The profile's recommendations, summarised in our words with a link to the factsheet.

use engine::model::Confidence;
use yew::prelude::*;

use crate::explorer::Explorer;
use crate::labels;

use super::source_link;

pub(super) fn recommendations_section(ctx: &Explorer, iso3: &str) -> Html {
    let i18n = &ctx.i18n;
    let mut recs: Vec<_> = ctx
        .data
        .bundle
        .gti
        .recommendations
        .iter()
        .filter(|r| r.iso3 == iso3)
        .collect();
    if ctx.data.bundle.gti.country(iso3).is_none() {
        return html! {};
    }
    recs.sort_by_key(|r| r.n);
    // A factsheet's own list is cited once; press reports are cited item by item.
    let all_primary = recs
        .iter()
        .all(|r| r.provenance.confidence == Some(Confidence::Primary));
    html! {
        <section class="p-recs" aria-labelledby="p-recs">
            <h2 id="p-recs">{ i18n.t("profile-recs") }</h2>
            if recs.is_empty() {
                <p class="hint">{ i18n.t("profile-no-recs") }</p>
            } else if all_primary {
                <p class="hint">{ i18n.t("profile-recs-intro") }{ " " }{ source_link(ctx, &recs[0].provenance) }</p>
                <ol class="recs">{ for recs.iter().map(|r| html! {
                    <li>{ i18n.text(&r.summary_en) }</li>
                }) }</ol>
            } else {
                <p class="hint">{ i18n.t("profile-recs-reported") }</p>
                <ol class="recs" data-testid="reported-recs">{ for recs.iter().map(|r| html! {
                    <li>{ i18n.text(&r.summary_en) }
                        <span class="rec-source">{ " — " }{ source_link(ctx, &r.provenance) }
                        { for r.provenance.confidence.map(|c| html! { <span class="tag">{ labels::confidence(i18n, c) }</span> }) }</span>
                    </li>
                }) }</ol>
            }
        </section>
    }
}
