//! The public link: the state a URL carries, and one codec from query string to state and back.
//!
//! Each parameter is parsed once ([`parse`]) and formatted once ([`format`]); the query-string
//! codec ([`parse_query`], [`to_query`]) and every other reader of a parameter (the embed's
//! messages, saved scenarios, the Embed dialog) use those same functions, so a value is valid
//! wherever it arrives exactly when it is valid in a link.
//!
//! Parsing is forgiving: every parameter that cannot be used is reported (for a notice) and
//! replaced by its default, and no input can fail or panic. Writing omits defaults, so the
//! official view has the shortest link. See README.md, "Shareable links".
//!
//! The codec is the app's, not the engine's: the engine knows indices; views, themes, embeds and
//! origins belong here. It takes the index facts it validates against (pillar count, years) as
//! [`Limits`].

pub mod format;
pub mod parse;
#[cfg(test)]
mod tests;

use engine::model::Band;
use engine::scoring::Aggregation;

pub use format::{encode, to_query};
pub use parse::{decode, parse_query};

/// Largest weight a slider or a link can set.
pub const MAX_WEIGHT: f64 = 10.0;
/// Longest value echoed back in a notice.
const ECHO_LIMIT: usize = 40;
/// Longest query the codec reads; anything longer is ignored with a notice.
const QUERY_LIMIT: usize = 4096;
/// Most countries compared side by side.
pub const MAX_COMPARE: usize = 4;
/// Most changes in one scenario.
pub const MAX_SCENARIO_CHANGES: usize = 28;
/// Longest scenario name, in characters.
pub const MAX_NAME: usize = 60;
/// Most origins in an embed's allowlist.
pub const MAX_ORIGINS: usize = 8;
/// Longest embed id, in bytes.
pub const MAX_EID: usize = 32;
/// Monte Carlo draws allowed in a link.
pub const DRAWS_RANGE: (u32, u32) = (100, 50_000);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum IndexId {
    #[default]
    Gti2025,
    Csp,
}

impl IndexId {
    /// Every bundled index, in the order pickers list them.
    pub const ALL: [IndexId; 2] = [IndexId::Gti2025, IndexId::Csp];

    pub fn slug(self) -> &'static str {
        match self {
            IndexId::Gti2025 => "gti-2025",
            IndexId::Csp => "csp",
        }
    }

    pub fn parse(text: &str) -> Option<IndexId> {
        match text {
            "gti-2025" | "gti" => Some(IndexId::Gti2025),
            "csp" => Some(IndexId::Csp),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Rankings,
    Map,
    Country,
    Trends,
    Compare,
    Cross,
    Simulate,
    Robustness,
    Methods,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Rankings,
        View::Map,
        View::Country,
        View::Trends,
        View::Compare,
        View::Cross,
        View::Simulate,
        View::Robustness,
        View::Methods,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            View::Rankings => "rankings",
            View::Map => "map",
            View::Country => "country",
            View::Trends => "trends",
            View::Compare => "compare",
            View::Cross => "cross",
            View::Simulate => "simulate",
            View::Robustness => "robustness",
            View::Methods => "methods",
        }
    }

    pub fn parse(text: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == text)
    }
}

/// Zoom presets of the world map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Region {
    #[default]
    World,
    /// Europe and Central Asia: the CSP Index's region.
    Europe,
    Americas,
    Africa,
    Asia,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::World,
        Region::Europe,
        Region::Americas,
        Region::Africa,
        Region::Asia,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Region::World => "world",
            Region::Europe => "europe",
            Region::Americas => "americas",
            Region::Africa => "africa",
            Region::Asia => "asia",
        }
    }

    pub fn parse(text: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.slug() == text)
    }
}

/// Colours of an embedded view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.slug() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Es,
    Fr,
    Ar,
}

impl Lang {
    /// In the order the language menus list them.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Es, Lang::Fr, Lang::Ru, Lang::Ar];

    pub fn slug(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself, as the language menus show it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Es => "Español",
            Lang::Fr => "Français",
            Lang::Ar => "العربية",
        }
    }

    /// Written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// `ltr` or `rtl`, for the document's `dir`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.slug() == text)
    }

    /// The first of the browser's preferred languages (`navigator.languages`: `es-MX`,
    /// `fr`, …) that the explorer speaks; English if none.
    pub fn preferred<S: AsRef<str>>(tags: &[S]) -> Lang {
        tags.iter()
            .find_map(|tag| {
                let primary = tag.as_ref().split(['-', '_']).next()?.to_ascii_lowercase();
                Lang::parse(&primary)
            })
            .unwrap_or_default()
    }
}

/// One pillar band changed in a reform scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioChange {
    pub iso3: String,
    /// 0-based pillar position.
    pub pillar: usize,
    pub band: Band,
}

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkState {
    pub index: IndexId,
    pub year: u16,
    /// `None`: the official (default) weights.
    pub weights: Option<Vec<f64>>,
    pub country: Option<String>,
    pub view: View,
    pub lang: Lang,
    /// Minimum pillar coverage in percent; `None`: the default ([`Limits::coverage`]).
    pub min_coverage: Option<u8>,
    /// Countries compared side by side (at most [`MAX_COMPARE`]).
    pub compare: Vec<String>,
    /// The two years of the CSP slope chart.
    pub from: Option<u16>,
    pub to: Option<u16>,
    pub region: Region,
    pub aggregation: Aggregation,
    /// Monte Carlo: weight spread in percent, number of draws, seed.
    pub spread: Option<u8>,
    pub draws: Option<u32>,
    pub seed: Option<u64>,
    /// The reform scenario being simulated, and its name.
    pub scenario: Vec<ScenarioChange>,
    pub scenario_name: Option<String>,
    /// The band a "path to the next band" aims at.
    pub target: Option<Band>,
    /// Embeds: colour theme and the parent origins allowed to send settings.
    pub theme: Theme,
    pub allow: Vec<String>,
    /// Embeds: colours (`#rgb` or `#rrggbb`) for accent, background and text.
    pub accent: Option<String>,
    pub bg: Option<String>,
    pub ink: Option<String>,
    /// Embeds: an id the host chose, echoed in every message so several embeds can coexist.
    pub eid: Option<String>,
}

/// Facts about the indices the codec needs to validate values and fill in defaults, derived
/// from the index definitions ([`engine::data::Outline`]), never written here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// GTI pillars: the length of `w`, the pillar numbers of `scenario`.
    pub pillars: usize,
    /// CSP years: the range of `year`, `from` and `to`; `last_year` is `year`'s default.
    pub first_year: u16,
    pub last_year: u16,
    /// The minimum pillar coverage, in percent, when a link sets none (`cov`).
    pub coverage: u8,
}

thread_local! {
    // The core files: the same definitions, without the factsheets the widget leaves out.
    static BUNDLED: Limits = Limits::of(&engine::data::Files::bundled_core().outline().0);
}

impl Limits {
    /// The limits of the definitions' outline: the GTI framework's pillars and minimum
    /// coverage, the CSP's periods.
    pub fn of(outline: &engine::data::Outline) -> Limits {
        let coverage = outline
            .gti_coverage
            .unwrap_or(engine::Settings::DEFAULT_MIN_COVERAGE);
        Limits {
            pillars: outline.pillars.len(),
            first_year: outline.csp_years.first().copied().unwrap_or_default(),
            last_year: outline.csp_years.last().copied().unwrap_or_default(),
            coverage: (coverage * 100.0).round().clamp(0.0, 100.0) as u8,
        }
    }

    /// The limits of the bundled definitions, read once.
    pub fn bundled() -> Limits {
        BUNDLED.with(|l| *l)
    }

    /// Whether `year` is one of the CSP years.
    pub fn has_year(&self, year: u16) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }
}

impl LinkState {
    pub fn defaults(limits: &Limits) -> LinkState {
        LinkState {
            index: IndexId::Gti2025,
            year: limits.last_year,
            weights: None,
            country: None,
            view: View::Rankings,
            lang: Lang::En,
            min_coverage: None,
            compare: Vec::new(),
            from: None,
            to: None,
            region: Region::World,
            aggregation: Aggregation::Arithmetic,
            spread: None,
            draws: None,
            seed: None,
            scenario: Vec::new(),
            scenario_name: None,
            target: None,
            theme: Theme::Light,
            allow: Vec::new(),
            accent: None,
            bg: None,
            ink: None,
            eid: None,
        }
    }
}

/// A parameter that was ignored, for the notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryIssue {
    pub param: String,
    /// The value as given, shortened for display.
    pub value: String,
}
