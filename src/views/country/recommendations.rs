//! The profile's recommendations from an index's factsheet, summarised in our words with a link
//! to the factsheet.

use engine::data::Recommendation;
use engine::model::Confidence;
use yew::prelude::*;

use crate::explorer::Explorer;
use crate::labels;

use super::source_link;

/// The recommendations of a unit's factsheet, in order (`stem` tells apart each index's ids).
pub(super) fn recommendations_section(
    ctx: &Explorer,
    recs: &[&Recommendation],
    stem: &str,
) -> Html {
    let i18n = &ctx.i18n;
    let id = format!("p-recs-{stem}");
    // A factsheet's own list is cited once; press reports are cited item by item.
    let all_primary = recs
        .iter()
        .all(|r| r.provenance.confidence == Some(Confidence::Primary));
    html! {
        <section class="p-recs" aria-labelledby={id.clone()}>
            <h2 id={id}>{ i18n.t("profile-recs") }</h2>
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
