//! The pre-renderer: writes static pages of the explorer into a release (`make build` runs it
//! on dist/), rendered natively by Yew's server renderer from the same components as the app.
//! For each of the five languages: the GTI ranking at official weights, the CSP Index's
//! ranking, the Methods page and a profile per country, at path addresses (`country/KGZ/`,
//! `es/country/KGZ/`, `csp/`, `methods/`; English at the root). Each page is the release's own
//! page with the app's render of that view in `#app` (`<html data-page="<its query>">`): read
//! at once without JavaScript (tables, bands, sources and notes; links between the static
//! pages; above them, in `<noscript>`, the other languages and what needs JavaScript), and
//! taken over by the app where it stands when the address asks for that view (`mount` in
//! src/lib.rs). Writes `sitemap.xml` when `SITE_URL` is set.
//!
//! `prerender [dist]`

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use torture_index_explorer::app::App;
use torture_index_explorer::i18n::{self, Lang, Messages};
use torture_index_explorer::url::RENDERING;

/// A page: its path below the language's folder and the query the app reads for it.
struct Page {
    path: String,
    query: String,
}

fn pages() -> Vec<Page> {
    let (bundle, _) = engine::Bundle::bundled();
    let countries = bundle.country_codes();
    let mut out = vec![
        Page {
            path: String::new(),
            query: String::new(),
        },
        Page {
            path: "csp/".into(),
            query: "index=csp".into(),
        },
        Page {
            path: "methods/".into(),
            query: "view=methods".into(),
        },
        // Beside the map's geometry (map/world.tsv), which the page draws inline.
        Page {
            path: "map/".into(),
            query: "view=map".into(),
        },
    ];
    out.extend(countries.into_iter().map(|c| Page {
        path: format!("country/{c}/"),
        query: format!("view=country&country={c}"),
    }));
    out
}

fn lang_folder(lang: Lang) -> String {
    if lang == Lang::En {
        String::new()
    } else {
        format!("{}/", lang.slug())
    }
}

/// The static page an app link leads to, if there is one: `?view=country&amp;country=KGZ&amp;lang=es`
/// → `es/country/KGZ/` (relative to the site's root, the pages' base).
fn static_link(query: &str) -> Option<String> {
    let params: BTreeMap<&str, &str> = query
        .split("&amp;")
        .flat_map(|p| p.split('&'))
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let lang = params
        .get("lang")
        .and_then(|l| Lang::parse(l))
        .unwrap_or_default();
    let folder = lang_folder(lang);
    let only = |allowed: &[&str]| params.keys().all(|k| allowed.contains(k) || *k == "lang");
    let page = match (params.get("view").copied(), params.get("index").copied()) {
        (Some("country"), _) if only(&["view", "country", "index"]) => {
            format!("country/{}/", params.get("country")?)
        }
        // A chosen country rides along in the app's links; these static pages do without it.
        (Some("methods"), _) if only(&["view", "index", "country"]) => "methods/".into(),
        (Some("map"), None | Some("gti-2025")) if only(&["view", "index", "country"]) => {
            "map/".into()
        }
        (None | Some("rankings"), Some("csp")) if only(&["view", "index", "country"]) => {
            "csp/".into()
        }
        (None | Some("rankings"), None | Some("gti-2025"))
            if only(&["view", "index", "country"]) =>
        {
            String::new()
        }
        _ => return None,
    };
    let link = format!("{folder}{page}");
    Some(if link.is_empty() { "./".into() } else { link })
}

/// Every `href="?…"` that has a static page becomes a link to it.
fn rewrite_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("href=\"?") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 7..];
        let end = after.find('"').unwrap_or(after.len());
        match static_link(&after[..end]) {
            Some(link) => out.push_str(&format!("href=\"{link}\"")),
            None => out.push_str(&format!("href=\"?{}\"", &after[..end])),
        }
        rest = &after[(end + 1).min(after.len())..];
    }
    out.push_str(rest);
    out
}

fn render(query: &str) -> String {
    RENDERING.with(|r| *r.borrow_mut() = format!("?{query}"));
    futures::executor::block_on(
        yew::LocalServerRenderer::<App>::new()
            .hydratable(true)
            .render(),
    )
}

fn text_of(html: &str, tag: &str) -> String {
    let open = format!("<{tag}");
    let Some(start) = html.find(&open) else {
        return String::new();
    };
    let body = &html[start..];
    let Some(gt) = body.find('>') else {
        return String::new();
    };
    let end = body.find(&format!("</{tag}>")).unwrap_or(body.len());
    // Without the renderer's comments (the markers hydration finds components by).
    let mut inner = body[gt + 1..end].to_string();
    while let Some(at) = inner.find("<!--") {
        let close = inner[at..].find("-->").map_or(inner.len(), |e| at + e + 3);
        inner.replace_range(at..close, "");
    }
    let mut text = String::new();
    let mut inside = false;
    for c in inner.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => text.push(c),
            _ => {}
        }
    }
    text
}

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let template = fs::read_to_string(dist.join("index.html")).expect("dist/index.html");
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        i18n::load::keep(lang, read_lang(lang));
    }
    torture_index_explorer::map::keep_from_disk();
    let pages = pages();
    let mut written = Vec::new();
    for lang in Lang::ALL {
        let m = read_lang(lang);
        for page in &pages {
            let mut query = page.query.clone();
            if lang != Lang::En {
                query.push_str(if query.is_empty() { "" } else { "&" });
                query.push_str(&format!("lang={}", lang.slug()));
            }
            let body = rewrite_links(&render(&query));
            let rel = format!("{}{}", lang_folder(lang), page.path);
            let depth = rel.matches('/').count();
            let base = "../".repeat(depth);
            let languages: String = Lang::ALL
                .into_iter()
                .map(|l| {
                    let href = format!("{}{}", lang_folder(l), page.path);
                    let href = if href.is_empty() { "./".to_string() } else { href };
                    if l == lang {
                        format!("<li><a href=\"{href}\" lang=\"{}\" dir=\"{}\" aria-current=\"page\">{}</a></li>", l.slug(), l.dir(), l.own_name())
                    } else {
                        format!("<li><a href=\"{href}\" lang=\"{}\" dir=\"{}\" hreflang=\"{}\">{}</a></li>", l.slug(), l.dir(), l.slug(), l.own_name())
                    }
                })
                .collect();
            let title = format!("{} · {}", text_of(&body, "h1").trim(), m.t("app-title"));
            // Without JavaScript: the languages and what needs JavaScript, above the page.
            let extra = format!(
                "<noscript><div class=\"static-extra\"><nav class=\"static-languages\" aria-label=\"{}\"><ul>{languages}</ul></nav><p class=\"notice\">{}</p></div></noscript>",
                m.t("language"),
                m.t("nojs-note"),
            );
            // The page is the app's own render, which the app takes over (`mount`); nothing
            // may stand between `#app` and it, not even white space.
            let start = template.find("<div id=\"app\">").expect("#app in the page");
            let end = template[start..].find("</noscript>").expect("its noscript") + start;
            let end = template[end..].find("</div>").expect("the end of #app") + end + 6;
            let mut html = format!(
                "{}{extra}<div id=\"app\">{body}</div>{}",
                &template[..start],
                &template[end..]
            );
            html = html.replacen(
                "<html lang=\"en\">",
                &format!(
                    "<html lang=\"{}\" dir=\"{}\" data-page=\"{}\">",
                    lang.slug(),
                    lang.dir(),
                    query.replace('&', "&amp;")
                ),
                1,
            );
            if !base.is_empty() {
                html = html.replacen("<head>", &format!("<head>\n    <base href=\"{base}\">"), 1);
            }
            let old_title = text_of(&html, "title");
            html = html.replacen(
                &format!("<title>{old_title}</title>"),
                &format!(
                    "<title>{}</title>",
                    torture_index_explorer::markup::text(&title)
                ),
                1,
            );
            let dir = dist.join(&rel);
            fs::create_dir_all(&dir).expect("a folder for the page");
            fs::write(dir.join("index.html"), html).expect("the page written");
            written.push(rel);
        }
    }
    if let Ok(site) = std::env::var("SITE_URL") {
        let site = if site.ends_with('/') {
            site
        } else {
            format!("{site}/")
        };
        let urls: String = written
            .iter()
            .map(|p| format!("  <url><loc>{site}{p}</loc></url>\n"))
            .collect();
        fs::write(
            dist.join("sitemap.xml"),
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{urls}</urlset>\n"),
        )
        .expect("sitemap.xml");
    }
    println!(
        "prerender: {} pages in {} languages",
        written.len(),
        Lang::ALL.len()
    );
}

/// A language's messages, read from the repository's `i18n/<lang>/` as the app fetches them.
fn read_lang(lang: Lang) -> Messages {
    if lang == Lang::En {
        return Messages::english();
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("i18n")
        .join(lang.slug());
    let texts: Vec<(&str, String)> = i18n::files()
        .into_iter()
        .map(|f| (f, fs::read_to_string(dir.join(f)).expect("a language file")))
        .collect();
    let pairs: Vec<(&str, &str)> = texts.iter().map(|(a, b)| (*a, b.as_str())).collect();
    Messages::from_files(lang, &pairs).expect("the language reads")
}
