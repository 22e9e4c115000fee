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
    // Written as one piece of markup: nothing in it responds to anything but the browser's
    // own disclosure, and the app adopts a pre-rendered page's many rows of it at once rather
    // than node by node (src/markup.rs).
    use crate::markup::{attribute, text};
    let values: String = props
        .items
        .iter()
        .map(|(what, p)| {
            let conf = p
                .confidence
                .map(|c| labels::confidence(&i18n, c))
                .unwrap_or_default();
            let note = labels::note(&i18n, p)
                .map(|n| format!("<span class=\"note\">{}</span>", text(&format!(" — {n}"))))
                .unwrap_or_default();
            format!("<li>{}{note}</li>", text(&format!("{what}: {conf}")))
        })
        .collect();
    let links: String = ids
        .iter()
        .map(|id| match props.data.bundle.source(id) {
            Some(s) => {
                let name = text(&format!("{} — {}", s.publisher, s.title));
                match &s.url {
                    Some(url) => format!(
                        "<li><a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{name}</a><span class=\"visually-hidden\">{}</span></li>",
                        attribute(url),
                        text(&format!(" ({})", i18n.t("opens-new-tab")))
                    ),
                    None => format!(
                        "<li>{name}{}</li>",
                        text(&format!(" ({})", i18n.t("source-no-address")))
                    ),
                }
            }
            None => format!("<li>{}</li>", text(id)),
        })
        .collect();
    let notes: String = props
        .notes
        .iter()
        .map(|n| format!("<li class=\"flag\">{}</li>", text(n)))
        .collect();
    let notes = if notes.is_empty() {
        notes
    } else {
        format!("<ul class=\"notes\">{notes}</ul>")
    };
    let prefix_class = if props.labelled {
        String::new()
    } else {
        " class=\"visually-hidden\"".to_string()
    };
    let markup = format!(
        "<details class=\"sources\"><summary><span{prefix_class}>{} </span>{}<span class=\"conf {}\"></span></summary><div class=\"sources-body\"><ul class=\"values\">{values}</ul><ul class=\"links\">{links}</ul>{notes}</div></details>",
        text(&i18n.t("sources-prefix")),
        text(&summary),
        weakest.slug()
    );
    Html::from_html_unchecked(markup.into())
}
