//! Engine micro-benchmarks (`make bench`): time per GTI recompute at random weights, the cost of
//! loading and validating the bundled data, and the robustness and what-if tools (Monte Carlo,
//! rank bounds, reform paths), and the open-indicators index (199 countries, 8 indicators, 3
//! levels) recomputed for one year, prepared once and as a one-shot pipeline run. Prints
//! numbers; asserts nothing.
//!
//! Method: batches of calls timed with `Instant`, per-call time = batch time / batch size;
//! weights drawn with a seeded generator so every run measures the same work.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use tie_engine::composite::definition::parse_band_schemes;
use tie_engine::composite::{IndexDefinition, IndexFolder};
use tie_engine::csp::year_table;
use tie_engine::data::{Files, BANDS_FILE};
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

/// The open-indicators folder, read from data/ (it is fetched at run time, not bundled).
fn open_indicators(bundle: &Bundle) -> tie_engine::composite::Index {
    let names = ["index.csv", "framework.csv", "countries.csv", "values.csv"];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/open-indicators");
    let texts = names.map(|n| std::fs::read_to_string(dir.join(n)).expect("a data file"));
    let folder = IndexFolder {
        path: "data/open-indicators",
        files: names
            .iter()
            .copied()
            .zip(texts.iter().map(String::as_str))
            .collect(),
    };
    let (schemes, _) = parse_band_schemes(BANDS_FILE, Files::bundled().bands);
    let sources: BTreeSet<String> = bundle.sources.iter().map(|s| s.id.clone()).collect();
    let (index, errors) = IndexDefinition::load(&folder, &schemes, &sources);
    assert!(errors.is_empty(), "open-indicators must load");
    index.expect("loads")
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
    let mut scorer =
        tie_engine::composite::gti::Scorer::new(&bundle.gti, &[]).expect("the GTI prepares");
    report(
        "  the same through the one model (explorer)",
        time_batches(200, 1000, |i| {
            let w = &weight_sets[i % weight_sets.len()];
            black_box(scorer.score(black_box(w), &settings).ok());
        }),
    );
    let open = open_indicators(&bundle);
    let (definition, data) = (&open.definition, &open.data);
    let nodes = data.dataset.hierarchy.nodes().len();
    let open_weights: Vec<Vec<f64>> = (0..1024)
        .map(|_| (0..nodes).map(|_| rng.uniform(0.0, 10.0)).collect())
        .collect();
    let pipeline = definition.pipeline();
    let mut prepared = definition
        .prepare(data, &pipeline, 2023)
        .expect("2023 prepares");
    report(
        "open indicators: recompute 2023 at random weights",
        time_batches(200, 1000, |i| {
            let w = &open_weights[i % open_weights.len()];
            black_box(prepared.score(Some(black_box(w)), &pipeline.aggregate).ok());
        }),
    );
    let mc = tie_engine::robustness::McSettings::default();
    report(
        "open indicators: Monte Carlo 10,000 draws, 199 countries",
        time_batches(5, 1, |_| {
            black_box(prepared.monte_carlo(None, &pipeline.aggregate, &mc).ok());
        }),
    );
    let mut one_shot = pipeline.clone();
    report(
        "  the same, one-shot run + standings",
        time_batches(50, 100, |i| {
            one_shot.weights = Some(open_weights[i % open_weights.len()].clone());
            let r = one_shot.run(&data.dataset, 2023).expect("runs");
            black_box(definition.standings(data, &r));
        }),
    );
    report(
        "  prepare 2023 (once per year shown)",
        time_batches(20, 10, |_| {
            black_box(definition.prepare(data, &pipeline, 2023).ok());
        }),
    );
    scale();
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
        "  the same through the one model",
        time_batches(50, 1, |i| {
            let mc = McSettings {
                seed: i as u64,
                ..mc
            };
            black_box(scorer.monte_carlo(black_box(w), &settings, &mc).ok());
        }),
    );
    let geometric = Settings {
        aggregation: tie_engine::Aggregation::Geometric,
        ..settings
    };
    report(
        "  the same under the geometric mean, one model",
        time_batches(20, 1, |i| {
            let mc = McSettings {
                seed: i as u64,
                ..mc
            };
            black_box(scorer.monte_carlo(black_box(w), &geometric, &mc).ok());
        }),
    );
    report(
        "rank_bounds (spread 0.5)",
        time_batches(200, 100, |_| {
            black_box(rank_bounds(&model, black_box(w), &settings, mc.spread).ok());
        }),
    );
    report(
        "  the same through the one model (explorer)",
        time_batches(200, 100, |_| {
            black_box(scorer.rank_bounds(black_box(w), &settings, mc.spread).ok());
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
    for (iso3, band) in [("KGZ", Band::Moderate), ("HND", Band::Considerable)] {
        report(
            &format!("  {iso3} through the one model (explorer)"),
            time_batches(100, 10, |_| {
                let found = scorer.path_to_band_within(iso3, band, black_box(w), &settings, 9);
                black_box(found.ok());
            }),
        );
    }
}

/// The import issue's scale: a synthetic index of 10,000 units x 100 indicators under ten
/// pillars (`scripts/gen-index.mjs`, written by `make bench` into target/scale/10k): reading
/// COINr's two tables, the whole construction (COINr's defaults; then with every step on),
/// and a recompute at new weights. Skipped if the files are not there.
fn scale() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/scale/10k");
    let (Ok(idata), Ok(imeta)) = (
        std::fs::read_to_string(dir.join("iData.csv")),
        std::fs::read_to_string(dir.join("iMeta.csv")),
    ) else {
        println!("scale: target/scale/10k not found (make bench writes it); skipped");
        return;
    };
    use tie_engine::composite::import::{from_coinr_files, Construction};
    let read = || {
        from_coinr_files(("iData.csv", &idata), ("iMeta.csv", &imeta), "")
            .expect("the synthetic index reads")
    };
    report(
        "10k x 100: read COINr's two tables",
        time_batches(5, 1, |_| {
            black_box(read());
        }),
    );
    let index = read();
    let data = &index.data;
    let period = *data.dataset.periods.last().expect("a period");
    for (what, pipe) in [
        ("10k x 100: whole construction, defaults", ""),
        (
            "10k x 100: whole construction, every step",
            "imp:mean,scr:90,trt,nrm:zscore,agg:geom",
        ),
    ] {
        let pipeline = Construction::parse(pipe)
            .expect("a construction")
            .pipeline();
        report(
            what,
            time_batches(5, 2, |_| {
                let mut p = index
                    .definition
                    .prepare(data, &pipeline, period)
                    .expect("prepares");
                black_box(p.score(None, &pipeline.aggregate).ok());
            }),
        );
    }
    let pipeline = Construction::default().pipeline();
    let mut prepared = index
        .definition
        .prepare(data, &pipeline, period)
        .expect("prepares");
    let nodes = data.dataset.hierarchy.nodes().len();
    let mut rng = SplitMix64::new(7);
    let weights: Vec<Vec<f64>> = (0..16)
        .map(|_| (0..nodes).map(|_| rng.uniform(0.0, 10.0)).collect())
        .collect();
    report(
        "10k x 100: recompute at new weights",
        time_batches(10, 5, |i| {
            let w = &weights[i % weights.len()];
            black_box(prepared.score(Some(w), &pipeline.aggregate).ok());
        }),
    );
}
