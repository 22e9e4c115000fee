//! Robustness and what-if results on the bundled GTI, natively and, in headless Chromium, on
//! wasm32: a digest of seeded Monte Carlo runs, rank bounds, sensitivities and reform paths is
//! asserted to the same constant on both platforms, so they agree bit for bit.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use tie_engine::model::Band;
use tie_engine::rng::SplitMix64;
use tie_engine::robustness::{monte_carlo, rank_bounds, sensitivity, McSettings};
use tie_engine::whatif::{path_to_band, PathStatus};
use tie_engine::{Aggregation, Bundle, GtiModel, Settings};

fn model() -> GtiModel {
    GtiModel::new(&Bundle::bundled().0.gti)
}

struct Digest(u64);

impl Digest {
    fn mix(&mut self, x: u64) {
        self.0 ^= x;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }

    fn opt(&mut self, x: Option<u32>) {
        self.mix(u64::from(x.unwrap_or(u32::MAX)));
    }
}

/// Seeded runs of everything the robustness and what-if modules compute, folded into one
/// number: every histogram count, every probability's and score's bits, every bound.
pub fn robustness_digest() -> u64 {
    let m = model();
    let mut rng = SplitMix64::new(77);
    let mut d = Digest(0xcbf2_9ce4_8422_2325);
    for round in 0..12 {
        let weights: Vec<f64> = (0..m.pillar_count)
            .map(|_| rng.uniform(0.0, 10.0))
            .collect();
        let settings = Settings {
            min_coverage: rng.next_f64(),
            aggregation: Aggregation::ALL[round % 3],
        };
        let spread = [0.25, 0.5, 1.0][round / 3 % 3];
        let mc = McSettings {
            spread,
            draws: 1000,
            seed: round as u64,
        };
        let r = monte_carlo(&m, &weights, &settings, &mc).expect("valid");
        d.mix(u64::from(r.skipped));
        for u in &r.units {
            for c in &u.rank_histogram {
                d.mix(u64::from(*c));
            }
            for p in u.band_probability {
                d.mix(p.to_bits());
            }
            d.opt(u.median_rank);
            d.opt(u.p5_rank);
            d.opt(u.p95_rank);
        }
        for b in rank_bounds(&m, &weights, &settings, spread).expect("valid") {
            d.opt(b.best);
            d.opt(b.worst);
        }
        for iso in ["KGZ", "IND", "HND"] {
            for g in sensitivity(&m, &weights, &settings, iso).expect("valid") {
                d.mix(g.to_bits());
            }
            let p = path_to_band(&m, iso, Band::Moderate, &weights, &settings).expect("valid");
            d.mix(u64::from(p.steps));
            for s in &p.solutions {
                d.mix(s.score.to_bits());
                for x in &s.steps {
                    d.mix(u64::from(*x));
                }
            }
        }
    }
    d.0
}

pub const EXPECTED_DIGEST: u64 = 0x20c9_42d8_d29c_1a98;

#[test]
fn robustness_results_are_identical_natively_and_on_wasm32() {
    assert_eq!(
        robustness_digest(),
        EXPECTED_DIGEST,
        "{:#x}",
        robustness_digest()
    );
}

#[test]
fn official_weights_paths() {
    let m = model();
    let w = m.default_weights.clone();
    let s = Settings::default();
    let kgz = path_to_band(&m, "KGZ", Band::Moderate, &w, &s).expect("valid");
    assert_eq!((kgz.status, kgz.steps), (PathStatus::Reachable, 7));
    let hnd = path_to_band(&m, "HND", Band::Considerable, &w, &s).expect("valid");
    assert_eq!((hnd.status, hnd.steps), (PathStatus::Reachable, 6));
    // India (50, 30 x 6 = 230) needs 420 for Moderate: 10 steps of 20 give 430.
    let ind = path_to_band(&m, "IND", Band::Moderate, &w, &s).expect("valid");
    assert_eq!(ind.steps, 10);
    assert!(ind.solutions.iter().all(|x| x.score == 430.0 / 7.0));
}

#[test]
fn default_monte_carlo_on_the_gti() {
    let m = model();
    let r = monte_carlo(
        &m,
        &m.default_weights,
        &Settings::default(),
        &McSettings::default(),
    )
    .expect("valid");
    assert_eq!((r.draws, r.skipped), (10_000, 0));
    let kgz = &r.units[m.index_of("KGZ").expect("member")];
    // Kyrgyzstan is 5th in every draw at +-50% (see the bounds test in src/robustness/gti.rs).
    assert_eq!(kgz.rank_histogram[4], 10_000);
    assert_eq!(kgz.median_rank, Some(5));
    // ... but its band is not settled: its score crosses 40 in some draws.
    let p = kgz.band_probability;
    assert!(p[Band::High.index()] > 0.05 && p[Band::Considerable.index()] > 0.5);
    assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}
