//! A value's sources and confidence, folded into a disclosure so every row keeps them in reach.

use engine::model::Provenance;
use engine::Confidence;
use yew::prelude::*;

use crate::data::{AppData, Shared};
use crate::i18n::I18n;
use crate::labels;

#[derive(Properties, PartialEq)]
pub struct SourceListProps {
    pub data: Shared<AppData>,
    /// The provenance of each value shown, with what it is for ("overall band", "pillar II").
    pub items: Vec<(String, Provenance)>,
    /// Extra lines (conflicts, flags), already localised.
    #[prop_or_default]
    pub notes: Vec<String>,
    /// Outside a "Sources" column, say "Sources:" visibly.
    #[prop_or_default]
    pub labelled: bool,
}

#[component]
pub fn SourceList(props: &SourceListProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let mut ids: Vec<&str> = Vec::new();
    for (_, p) in &props.items {
        for s in &p.sources {
            if !ids.contains(&s.as_str()) {
                ids.push(s);
            }
        }
    }
    // The weakest confidence among the values shown summarises the row.
    let weakest = props
        .items
        .iter()
        .filter_map(|(_, p)| p.confidence)
        .max()
        .unwrap_or(Confidence::Secondary);
    let summary = i18n.f(
        "sources-summary",
        &[
            ("count", &ids.len().to_string()),
            ("confidence", &labels::confidence(&i18n, weakest)),
        ],
    );
    let values = props.items.iter().map(|(what, p)| {
        let conf = p
            .confidence
            .map(|c| labels::confidence(&i18n, c))
            .unwrap_or_default();
        let note = labels::note(&i18n, p)
            .map(|n| html! { <span class="note">{ format!(" — {n}") }</span> });
        html! { <li>{ format!("{what}: {conf}") }{ for note }</li> }
    });
    let links = ids.iter().map(|id| match props.data.bundle.source(id) {
        Some(s) => {
            let text = format!("{} — {}", s.publisher, s.title);
            match &s.url {
                Some(url) => html! {
                    <li><a href={url.clone()} rel="noopener noreferrer" target="_blank">{ text }</a>
                        <span class="visually-hidden">{ format!(" ({})", i18n.t("opens-new-tab")) }</span></li>
                },
                None => html! { <li>{ text }{ format!(" ({})", i18n.t("source-no-address")) }</li> },
            }
        }
        None => html! { <li>{ *id }</li> },
    });
    let notes = props
        .notes
        .iter()
        .map(|n| html! { <li class="flag">{ n }</li> });
    html! {
        <details class="sources">
            <summary><span class={classes!((!props.labelled).then_some("visually-hidden"))}>{ i18n.t("sources-prefix") }{ " " }</span>{ summary }<span class={classes!("conf", weakest.slug())}></span></summary>
            <div class="sources-body">
                <ul class="values">{ for values }</ul>
                <ul class="links">{ for links }</ul>
                if !props.notes.is_empty() {
                    <ul class="notes">{ for notes }</ul>
                }
            </div>
        </details>
    }
}
