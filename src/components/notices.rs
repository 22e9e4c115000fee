//! Notices about input the app could not use: ignored URL parameters, an unknown country,
//! invalid bundled data. They say what happened and what the app did instead.

use engine::DataError;
use yew::prelude::*;

use crate::i18n::I18n;
use crate::link::QueryIssue;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub query_issues: Vec<QueryIssue>,
    pub unknown_country: Option<String>,
    pub data_errors: Vec<DataError>,
    pub dismissed: bool,
    pub ondismiss: Callback<()>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let i18n = use_context::<I18n>().expect("I18n context is provided by App");
    let url_notice = (!props.dismissed
        && (!props.query_issues.is_empty() || props.unknown_country.is_some()))
    .then(|| {
        let items = props.query_issues.iter().map(|q| {
            let text = if q.param == "?" {
                i18n.t("notice-query-too-long")
            } else {
                i18n.f("notice-param", &[("param", &q.param), ("value", &q.value)])
            };
            html! { <li>{ text }</li> }
        });
        let country = props.unknown_country.as_ref().map(|c| {
            html! { <li>{ i18n.f("notice-unknown-country", &[("code", c)]) }</li> }
        });
        let ondismiss = props.ondismiss.reform(|_: MouseEvent| ());
        html! {
            <div class="notice" role="status" data-testid="url-notice">
                <p><strong>{ i18n.t("notice-url-title") }</strong>{ " " }{ i18n.t("notice-url-body") }</p>
                <ul>{ for items }{ for country }</ul>
                <button type="button" class="secondary" onclick={ondismiss}>{ i18n.t("notice-dismiss") }</button>
            </div>
        }
    });
    let data_notice = (!props.data_errors.is_empty()).then(|| {
        let items = props.data_errors.iter().map(|e| html! { <li><code>{ e.to_string() }</code></li> });
        html! {
            <div class="notice notice-error" role="alert" data-testid="data-notice">
                <p><strong>{ i18n.t("notice-data-title") }</strong>{ " " }{ i18n.t("notice-data-body") }</p>
                <ul>{ for items }</ul>
            </div>
        }
    });
    html! { <>{ for url_notice }{ for data_notice }</> }
}
