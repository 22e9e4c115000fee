//! The explorer's defaults in one place: what a link leaves out. Where a default is a fact of
//! the data (the minimum coverage of the GTI's definition, the CSP's latest year) it is read
//! from the definitions ([`crate::link::Limits::bundled`]: `coverage`, `last_year`); a default
//! that is a choice (the country, Monte Carlo's settings) is here, with a test holding it to
//! the data where it must agree.

use crate::data::AppData;

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

/// How long the weights must rest, in ms, once they have started moving on the robustness
/// view, before its Monte Carlo, bounds and ranks per rule are computed again (a change after
/// such a rest, a click or a key, is answered at once): a dragged slider costs no draws per
/// frame. The workbench's robustness view waits as long.
pub const RESULTS_QUIET_MS: u32 = 150;

/// The country the simulator, the embed card and the Embed dialog show when the link names
/// none: a GTI member with pillar data (a test checks it is one).
pub const COUNTRY: &str = "KGZ";

/// The CSP year shown when a link sets none: the last year of the bundled data.
pub fn year(data: &AppData) -> u16 {
    data.bundle
        .csp
        .years()
        .next_back()
        .unwrap_or(crate::link::Limits::bundled().last_year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_agree_with_the_data() {
        let data = AppData::load();
        let settings = data.bundle.gti.default_settings();
        let limits = crate::link::Limits::bundled();
        assert_eq!(
            (settings.min_coverage * 100.0).round(),
            f64::from(limits.coverage),
            "the GTI definition's coverage"
        );
        assert_eq!(year(&data), limits.last_year);
        let country = data.bundle.gti.country(COUNTRY).expect("a GTI member");
        assert!(country.pillars.iter().any(Option::is_some));
    }
}
