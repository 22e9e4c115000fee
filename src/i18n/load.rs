//! Fetching a language's files from the page's own host when it is chosen: English is
//! compiled in, the others are read from `i18n/<lang>/` ([`super::files`]) once per page and
//! kept. The fetch is the only cost of a language: the first load carries English alone.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::future::join_all;
use yew::prelude::*;

use super::{files, I18n, Lang, Messages};

thread_local! {
    static LOADED: RefCell<HashMap<Lang, I18n>> = RefCell::new(HashMap::new());
}

/// Where the language folders are from the page: beside it, or one folder up for the
/// workbench's widget (served from `workbench/embed/`, its files in `workbench/`).
const BASE: &str = if cfg!(feature = "composite-embed") {
    "../i18n/"
} else {
    "i18n/"
};

fn kept(lang: Lang) -> Option<I18n> {
    if lang == Lang::En {
        return Some(LOADED.with(|l| {
            l.borrow_mut()
                .entry(Lang::En)
                .or_insert_with(|| Rc::new(Messages::english()))
                .clone()
        }));
    }
    LOADED.with(|l| l.borrow().get(&lang).cloned())
}

/// Keeps a language read elsewhere (the pre-renderer reads the files from disk): pages
/// rendered afterwards have it at once.
pub fn keep(lang: Lang, messages: Messages) {
    LOADED.with(|l| l.borrow_mut().insert(lang, Rc::new(messages)));
}

/// A language's files, read from the host.
pub async fn fetch(lang: Lang) -> Result<Messages, String> {
    let names = files();
    let texts = join_all(names.iter().map(|name| async move {
        crate::fetch::text(&format!("{BASE}{}/{name}", lang.slug())).await
    }))
    .await;
    let texts: Vec<String> = texts.into_iter().collect::<Result<_, _>>()?;
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .copied()
        .zip(texts.iter().map(String::as_str))
        .collect();
    Messages::from_files(lang, &pairs)
}

/// The messages to show for `lang`.
#[derive(Clone, PartialEq)]
pub struct Chosen {
    /// `None` only while the first language of the page is being fetched; when the language
    /// changes later, the previous one is shown until the new one is there.
    pub i18n: Option<I18n>,
    /// The language could not be read (offline, a file missing or broken): English is shown
    /// and this says why, in English.
    pub problem: Option<String>,
}

/// The messages for `lang`: at once for English or a language already read, else after a
/// fetch from the host.
#[hook]
pub fn use_messages(lang: Lang) -> Chosen {
    let shown = use_state(|| None::<I18n>);
    let problem = use_state(|| None::<(Lang, String)>);
    {
        let shown = shown.clone();
        let problem = problem.clone();
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            if let Some(m) = kept(lang) {
                shown.set(Some(m));
            } else {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch(lang).await {
                        Ok(m) => {
                            let m = Rc::new(m);
                            LOADED.with(|l| l.borrow_mut().insert(lang, m.clone()));
                            shown.set(Some(m));
                        }
                        Err(e) => {
                            problem.set(Some((lang, e)));
                            shown.set(kept(Lang::En));
                        }
                    }
                });
            }
        });
    }
    let i18n = kept(lang).or_else(|| (*shown).clone());
    let problem = (*problem)
        .as_ref()
        .filter(|(l, _)| *l == lang)
        .and_then(|(l, e)| {
            kept(Lang::En).map(|en| {
                en.f(
                    "lang-unavailable",
                    &[("lang", l.own_name()), ("problem", e)],
                )
            })
        });
    Chosen { i18n, problem }
}
