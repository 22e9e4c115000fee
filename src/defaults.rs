//! The explorer's defaults in one place: what a link leaves out. Where a default is a fact of
//! the data (the minimum coverage of the GTI's definition, the CSP's latest year, a country
//! with pillar data) it is read from the bundle, or held equal to it by a test where the link
//! codec needs it as a constant.

use crate::data::AppData;

/// The minimum pillar coverage, in percent, when a link sets none: the GTI definition's
/// `coverage` (`data/gti-2025/index.csv`); the codec needs it as a constant, and a test below
/// holds the two equal.
pub const COVERAGE: u8 = 65;

/// Monte Carlo: the weight spread in percent, the number of draws and the seed when a link
/// sets none, and the draw counts offered.
pub const SPREAD: u8 = 50;
pub const DRAWS: u32 = 10_000;
pub const SEED: u64 = 2025;
pub const DRAW_CHOICES: [u32; 3] = [1_000, 10_000, 50_000];

/// How long a slider rests, in ms, before its position is written into the address (the
/// explorer's and the workbench's): writing the History API makes the browser lay out the
/// last update inside the input, and Safari refuses more than 100 writes in 30 seconds.
pub const ADDRESS_QUIET_MS: u32 = 120;

/// The country the simulator, the embed card and the Embed dialog show when the link names
/// none: a GTI member with pillar data (a test checks it is one).
pub const COUNTRY: &str = "KGZ";

/// The CSP year shown when a link sets none: the last year of the bundled data.
pub fn year(data: &AppData) -> u16 {
    data.bundle
        .csp
        .years()
        .next_back()
        .unwrap_or(engine::data::Csp::LAST_YEAR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_agree_with_the_data() {
        let data = AppData::load();
        let settings = data.bundle.gti.default_settings();
        assert_eq!(
            (settings.min_coverage * 100.0).round(),
            f64::from(COVERAGE),
            "the GTI definition's coverage"
        );
        assert_eq!(year(&data), crate::link::Limits::BUNDLED.last_year);
        let country = data.bundle.gti.country(COUNTRY).expect("a GTI member");
        assert!(country.pillars.iter().any(Option::is_some));
    }
}
