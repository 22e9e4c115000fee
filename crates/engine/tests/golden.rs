//! Golden tests against the published figures. They run natively and, in headless Chromium,
//! on wasm32 (`make test` runs both).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use tie_engine::csp::year_table;
use tie_engine::model::Band;
use tie_engine::rng::SplitMix64;
use tie_engine::{Basis, Bundle, GtiModel, Settings};

fn model() -> (Bundle, GtiModel) {
    let (bundle, errors) = Bundle::bundled();
    assert!(errors.is_empty(), "{errors:?}");
    let model = GtiModel::new(&bundle.gti);
    (bundle, model)
}

#[test]
fn default_weights_reproduce_every_published_band_with_pillar_data() {
    let (bundle, model) = model();
    let scored = model
        .score(&model.default_weights, &Settings::default())
        .expect("official weights are valid");
    let mut recomputed = Vec::new();
    for (unit, outcome) in model.units.iter().zip(&scored.outcomes) {
        let country = bundle.gti.country(&unit.iso3).expect("unit from data");
        if country.pillars.iter().any(Option::is_some) {
            assert_eq!(outcome.basis, Basis::Recomputed, "{}", unit.iso3);
            assert_eq!(outcome.band, unit.published, "{}", unit.iso3);
            recomputed.push(unit.iso3.as_str());
        } else if let Some(published) = unit.published {
            assert_eq!(outcome.basis, Basis::PublishedBandOnly, "{}", unit.iso3);
            assert_eq!(outcome.band, Some(published));
        } else {
            assert_eq!(outcome.basis, Basis::NotPublished, "{}", unit.iso3);
            assert_eq!(outcome.rank, None);
        }
    }
    recomputed.sort_unstable();
    assert_eq!(recomputed, ["HND", "IND", "KGZ"]);
}

#[test]
fn default_scores_are_the_band_midpoint_means() {
    let (_, model) = model();
    let scored = model
        .score(&model.default_weights, &Settings::default())
        .expect("valid");
    let score = |iso: &str| {
        scored.outcomes[model.index_of(iso).expect("member")]
            .score
            .expect("scored")
    };
    // Kyrgyzstan: Moderate 70, Considerable 50, High 30, High 30, Very High 10, 50, 50.
    assert!((score("KGZ") - 290.0 / 7.0).abs() < 1e-12);
    // India: Considerable 50 and High 30 on six pillars.
    assert!((score("IND") - 230.0 / 7.0).abs() < 1e-12);
    // Honduras: 50, 30, 10, 10, 10, 30, 30.
    assert!((score("HND") - 170.0 / 7.0).abs() < 1e-12);
    assert_eq!(score("TGO"), 50.0);
}

#[test]
fn default_ranking() {
    let (_, model) = model();
    let scored = model
        .score(&model.default_weights, &Settings::default())
        .expect("valid");
    let table: Vec<(String, Option<u32>, Option<Band>)> = scored
        .order
        .iter()
        .map(|&i| {
            let o = scored.outcomes[i];
            (model.units[i].iso3.clone(), o.rank, o.band)
        })
        .collect();
    let expect = [
        ("ITA", Some(1)),
        ("ESP", Some(1)),
        ("ARG", Some(3)),
        ("TGO", Some(3)),
        ("KGZ", Some(5)),
        ("IND", Some(6)),
        ("CMR", Some(7)),
        ("COL", Some(7)),
        ("COD", Some(7)),
        ("MYS", Some(7)),
        ("MEX", Some(7)),
        ("PAK", Some(7)),
        ("TUN", Some(7)),
        ("TUR", Some(7)),
        ("HND", Some(15)),
        ("BHR", Some(16)),
        ("BLR", Some(16)),
        ("SLV", Some(16)),
        ("ETH", Some(16)),
        ("LBY", Some(16)),
        ("RUS", Some(16)),
        ("HUN", None),
        ("PHL", None),
    ];
    let got: Vec<(&str, Option<u32>)> = table.iter().map(|(c, r, _)| (c.as_str(), *r)).collect();
    assert_eq!(got, expect);
}

/// The bands reported in 2025-2026 for members known only by their overall band: they stand at
/// the band's midpoint whatever the weights, and rank with the other High members.
#[test]
fn bands_reported_later_stand_as_published() {
    let (bundle, model) = model();
    let scored = model
        .score(&[3.0, 1.0, 0.5, 2.0, 1.0, 1.0, 7.0], &Settings::default())
        .expect("valid");
    for iso in ["CMR", "COD", "MYS", "PAK"] {
        let country = bundle.gti.country(iso).expect("member");
        assert_eq!(
            country.overall.as_ref().map(|a| a.value),
            Some(Band::High),
            "{iso}"
        );
        let o = scored.outcomes[model.index_of(iso).expect("member")];
        assert_eq!(o.basis, Basis::PublishedBandOnly, "{iso}");
        assert_eq!((o.score, o.band), (Some(30.0), Some(Band::High)), "{iso}");
    }
    // 23 named members, 21 with a band: 6 Very High, 10 High, 3 Considerable, 2 Moderate.
    let slots = bundle
        .gti
        .band_slots()
        .expect("the distribution is complete");
    assert_eq!(bundle.gti.countries.len(), 23);
    assert_eq!(slots.known, [6, 10, 3, 2, 0]);
    assert_eq!(slots.published, [6, 13, 4, 3, 0]);
    assert_eq!(slots.open, [0, 3, 1, 1, 0]);
    assert_eq!(slots.named_without_band, ["HUN", "PHL"]);
    assert_eq!(slots.unidentified, 3);
    assert_eq!(slots.open_total(), slots.unidentified + 2);
}

/// The sixth release's table, as printed.
const CSP_TABLE: [(u16, [f64; 7]); 6] = [
    (2019, [93.77, -94.2, -3.04, 9.45, 121.26, 0.81, 107.83]),
    (2020, [104.0, -70.1, 27.25, 23.08, 122.21, -27.97, 161.1]),
    (2021, [84.08, -92.8, 107.17, 31.42, 161.50, -26.64, 145.57]),
    (2022, [111.57, -95.02, 120.44, 34.75, 144.49, 21.58, 121.02]),
    (2023, [131.53, -93.83, 122.51, 80.36, 128.91, 21.61, 92.02]),
    (2024, [127.46, -95.02, 134.65, 64.49, 129.33, 19.89, 80.77]),
];
const CSP_COLUMNS: [&str; 7] = ["ARM", "BLR", "KAZ", "KGZ", "MDA", "RUS", "UKR"];

#[test]
fn csp_totals_and_yearly_order_match_the_sixth_release() {
    let (bundle, _) = model();
    for (year, values) in CSP_TABLE {
        let table = year_table(&bundle.csp, year);
        for (iso, expected) in CSP_COLUMNS.iter().zip(values) {
            let row = table.iter().find(|r| r.iso3 == *iso).expect("measured");
            assert_eq!(row.value, Some(expected), "{iso} {year}");
        }
        let mut expected_order: Vec<(&str, f64)> =
            CSP_COLUMNS.iter().copied().zip(values).collect();
        if year == 2020 {
            expected_order.push(("POL", 82.67));
        }
        expected_order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let ranked: Vec<&str> = table
            .iter()
            .filter(|r| r.rank.is_some())
            .map(|r| r.iso3.as_str())
            .collect();
        let expected: Vec<&str> = expected_order.iter().map(|(c, _)| *c).collect();
        assert_eq!(ranked, expected, "{year}");
    }
}

/// A digest of many scorings at seeded random weights and settings: every score's bits, every
/// rank. The same constant is asserted natively and on wasm32, so the two platforms are proven
/// to give identical results, bit for bit.
pub fn scoring_digest() -> u64 {
    let (_, model) = model();
    let mut rng = SplitMix64::new(2025);
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |x: u64| {
        digest ^= x;
        digest = digest.wrapping_mul(0x0100_0000_01b3);
    };
    for round in 0..500 {
        let weights: Vec<f64> = (0..model.pillar_count)
            .map(|_| rng.uniform(0.0, 10.0))
            .collect();
        let settings = Settings {
            min_coverage: rng.next_f64(),
            aggregation: tie_engine::Aggregation::ALL[round % 3],
        };
        let scored = model.score(&weights, &settings).expect("positive weights");
        for o in &scored.outcomes {
            mix(o.score.map_or(u64::MAX, f64::to_bits));
            mix(u64::from(o.rank.unwrap_or(u32::MAX)));
        }
    }
    digest
}

pub const EXPECTED_DIGEST: u64 = 0x38b9_0ea5_46c0_39f0;

#[test]
fn native_and_wasm32_give_identical_results() {
    assert_eq!(scoring_digest(), EXPECTED_DIGEST, "{:#x}", scoring_digest());
}
