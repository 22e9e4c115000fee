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

/// English, compiled in: one handle for the page.
fn english() -> I18n {
    LOADED.with(|l| {
        l.borrow_mut()
            .entry(Lang::En)
            .or_insert_with(|| Rc::new(Messages::english()))
            .clone()
    })
}

fn kept(lang: Lang) -> Option<I18n> {
    if lang == Lang::En {
        return Some(english());
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
    /// The messages to show: when the language changes, the previous one until the new one is
    /// there; English while the page's first language is being fetched (not `ready`).
    pub i18n: I18n,
    /// False only while the page's first language is being fetched: the page waits (draws
    /// nothing) rather than flash English.
    pub ready: bool,
    /// The language could not be read (offline, a file missing or broken): English is shown
    /// and this says why, in English.
    pub problem: Option<String>,
}

/// The messages for `lang`: at once for English or a language already read, else after a
/// fetch from the host.
#[hook]
pub fn use_messages(lang: Lang) -> Chosen {
    let shown = use_state(|| kept(lang));
    let problem = use_state(|| None::<(Lang, String)>);
    {
        let shown = shown.clone();
        let problem = problem.clone();
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            if let Some(m) = kept(lang) {
                // Already shown (the first render had it): no second render for nothing.
                if !(*shown).as_ref().is_some_and(|s| Rc::ptr_eq(s, &m)) {
                    shown.set(Some(m));
                }
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
                            shown.set(Some(english()));
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
        .map(|(l, e)| {
            english().f(
                "lang-unavailable",
                &[("lang", l.own_name()), ("problem", e)],
            )
        });
    Chosen {
        ready: i18n.is_some(),
        i18n: i18n.unwrap_or_else(english),
        problem,
    }
}
