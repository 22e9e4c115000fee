//! Engine micro-benchmarks (`make bench`): time per GTI recompute at random weights, the cost of
//! loading and validating the bundled data, and the robustness and what-if tools (Monte Carlo,
//! rank bounds, reform paths). Prints numbers; asserts nothing.
//!
//! Method: batches of calls timed with `Instant`, per-call time = batch time / batch size;
//! weights drawn with a seeded generator so every run measures the same work.

use std::hint::black_box;
use std::time::Instant;

use tie_engine::csp::year_table;
use tie_engine::model::Band;
use tie_engine::rng::SplitMix64;
use tie_engine::robustness::{monte_carlo, rank_bounds, McSettings};
use tie_engine::whatif::path_to_band;
use tie_engine::{Bundle, GtiModel, Settings};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, mut per_call_ns: Vec<f64>) {
    per_call_ns.sort_by(f64::total_cmp);
    let mean = per_call_ns.iter().sum::<f64>() / per_call_ns.len() as f64;
    println!(
        "{name:<38} mean {:>9.1} ns   p50 {:>9.1} ns   p95 {:>9.1} ns   ({} batches)",
        mean,
        percentile(&per_call_ns, 0.5),
        percentile(&per_call_ns, 0.95),
        per_call_ns.len()
    );
}

fn time_batches(batches: usize, batch: usize, mut f: impl FnMut(usize)) -> Vec<f64> {
    (0..batches)
        .map(|b| {
            let start = Instant::now();
            for i in 0..batch {
                f(b * batch + i);
            }
            start.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect()
}

fn main() {
    let (bundle, errors) = Bundle::bundled();
    assert!(errors.is_empty(), "bundled data must be valid");
    let model = GtiModel::new(&bundle.gti);
    let settings = Settings::default();
    let mut rng = SplitMix64::new(7);
    let weight_sets: Vec<Vec<f64>> = (0..1024)
        .map(|_| {
            (0..model.pillar_count)
                .map(|_| rng.uniform(0.0, 10.0))
                .collect()
        })
        .collect();

    println!("engine benchmarks (native, release profile)");
    report(
        "GTI recompute (22 countries, ranked)",
        time_batches(200, 1000, |i| {
            let w = &weight_sets[i % weight_sets.len()];
            black_box(model.score(black_box(w), &settings).ok());
        }),
    );
    report(
        "CSP year table (ranked, with changes)",
        time_batches(200, 1000, |i| {
            black_box(year_table(&bundle.csp, 2019 + (i % 6) as u16));
        }),
    );
    report(
        "load + validate bundled data",
        time_batches(50, 10, |_| {
            black_box(Bundle::bundled());
        }),
    );

    // Robustness and what-if, at the official weights under the arithmetic mean.
    let w = &model.default_weights;
    let mc = McSettings::default();
    report(
        "Monte Carlo 10,000 draws (spread 0.5)",
        time_batches(50, 1, |i| {
            let mc = McSettings {
                seed: i as u64,
                ..mc
            };
            black_box(monte_carlo(&model, black_box(w), &settings, &mc).ok());
        }),
    );
    report(
        "rank_bounds (spread 0.5)",
        time_batches(200, 100, |_| {
            black_box(rank_bounds(&model, black_box(w), &settings, mc.spread).ok());
        }),
    );
    report(
        "path_to_band KGZ -> Moderate",
        time_batches(100, 10, |_| {
            black_box(path_to_band(&model, "KGZ", Band::Moderate, black_box(w), &settings).ok());
        }),
    );
    report(
        "path_to_band HND -> Considerable",
        time_batches(100, 10, |_| {
            black_box(
                path_to_band(&model, "HND", Band::Considerable, black_box(w), &settings).ok(),
            );
        }),
    );
}
