//! The explorer's own index, "Open indicators of torture risk" (data/open-indicators/, built by
//! scripts/build-open-data.mjs), loaded exactly as committed by the generic definition loader
//! (wide values, fixed goalposts, coverage by level; band scheme and sources in the shared
//! data/bands.csv and data/sources.csv) and scored for its latest year: every score on 0-100
//! with a band, checked against a hand computation; the prepared recompute checked against
//! the one-shot pipeline and timed (printed, not asserted:
//! `cargo test -p tie-engine --test open_indicators -- --nocapture`; `make bench` measures it).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use tie_engine::composite::definition::parse_band_schemes;
use tie_engine::composite::{
    Direction, Index, IndexDefinition, IndexFolder, IndexKind, Layout, Normalisation, Rule, Value,
};
use tie_engine::data::{Files, BANDS_FILE};
use tie_engine::Bundle;

const LATEST: i32 = 2023;
const FILES: [&str; 5] = [
    "index.csv",
    "framework.csv",
    "countries.csv",
    "values.csv",
    "treaties.csv",
];

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/open-indicators")
        .join(name);
    std::fs::read_to_string(path).expect("a file of data/open-indicators")
}

/// The folder as committed, with the bundle's band schemes and sources.
fn load() -> Index {
    let texts = FILES.map(read);
    let folder = IndexFolder {
        path: "data/open-indicators",
        files: FILES
            .iter()
            .copied()
            .zip(texts.iter().map(String::as_str))
            .collect(),
    };
    let (schemes, errors) = parse_band_schemes(BANDS_FILE, Files::bundled().bands);
    assert!(errors.is_empty(), "{errors:#?}");
    let (bundle, errors) = Bundle::bundled();
    assert!(errors.is_empty(), "{errors:#?}");
    let sources: BTreeSet<String> = bundle.sources.iter().map(|s| s.id.clone()).collect();
    let (index, errors) = IndexDefinition::load(&folder, &schemes, &sources);
    assert!(errors.is_empty(), "{errors:#?}");
    index.expect("the open-indicators folder loads")
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

#[test]
fn the_folder_loads_as_committed() {
    let Index { definition, data } = load();
    assert_eq!(definition.id, "open-indicators");
    assert_eq!(definition.kind, IndexKind::Explorer);
    assert_eq!(definition.periods, (1976..=LATEST).collect::<Vec<_>>());
    assert_eq!(definition.index_code(), "open");
    assert_eq!(definition.aggregation, Rule::Arithmetic);
    assert_eq!(
        definition.normalisation,
        Normalisation::Goalposts {
            lower: 0.0,
            upper: 100.0
        }
    );
    assert!(matches!(definition.values.layout, Layout::Wide { .. }));
    assert_eq!(definition.coverage.min, 0.3);
    assert_eq!(definition.coverage_by_level.get(&3), Some(&0.6));
    assert_eq!(data.dataset.hierarchy.levels(), 3);
    assert_eq!(data.dataset.hierarchy.indicator_count(), 8);
    // The explorer's bands, never named as OMCT's.
    assert_eq!(
        definition.bands.as_ref().map(|b| b.0.as_str()),
        Some("explorer-risk")
    );
    let scheme = definition.band_scheme().expect("five bands");
    let slugs: Vec<&str> = scheme.bands().iter().map(|b| b.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["very-high", "high", "considerable", "moderate", "low"]
    );
    assert!(scheme
        .bands()
        .iter()
        .all(|b| b.name.get("en").ends_with("(explorer)")));
    let meta = |code: &str| data.dataset.meta_of(code);
    for code in ["pts_a", "pts_h", "pts_s"] {
        assert_eq!(meta(code).direction, Direction::Negative);
        assert_eq!(meta(code).goalposts, Some((1.0, 5.0)));
    }
    assert_eq!(meta("civil_liberties").goalposts, Some((0.0, 1.0)));
    assert_eq!(meta("cat").goalposts, Some((0.0, 1.0)));
    assert!(data.dataset.units.len() >= 190);
    assert_eq!(data.dataset.units[0].name.get("en"), "Afghanistan");
    // Values as the raw files print them; an empty cell is missing; each value's sources are
    // its indicator's in the framework, defined in data/sources.csv.
    assert_eq!(
        data.dataset.value(2023, "AFG", "pts_s"),
        Some(Value::Number(5.0))
    );
    assert_eq!(data.dataset.value(1984, "AFG", "cat"), Some(Value::Missing));
    let p = data
        .dataset
        .provenance(2010, "COD", "pts_a")
        .expect("cited");
    assert_eq!(p.sources, ["pts-2024"]);
    let p = data
        .dataset
        .provenance(2020, "NOR", "opcat")
        .expect("cited");
    assert_eq!(p.sources, ["untc-2022"]);
}

/// Goalposts by hand for every country: PTS (5 - x) / 4, V-Dem and treaties x, each x 100; a
/// pillar is the mean of its indicators with data (one is enough); the index weighs the
/// pillars 2:2:1 over those with data, and needs two of the three.
#[test]
fn the_latest_year_matches_the_hand_computation() {
    let Index { definition, data } = load();
    let results = definition
        .pipeline()
        .run(&data.dataset, LATEST)
        .expect("runs");
    let standings = definition.standings(&data, &results);
    let scheme = definition.band_scheme().expect("bands");
    let number = |unit: &str, indicator: &str| match data.dataset.value(LATEST, unit, indicator) {
        Some(Value::Number(x)) => Some(x),
        _ => None,
    };
    let (mut scored, mut one_pillar) = (0, 0);
    for (u, unit) in data.dataset.units.iter().enumerate() {
        let get = |codes: &[&str], f: &dyn Fn(f64) -> f64| -> Option<f64> {
            let xs: Vec<f64> = codes
                .iter()
                .filter_map(|c| number(&unit.code, c))
                .map(f)
                .collect();
            mean(&xs)
        };
        let pillars = [
            (
                get(&["pts_a", "pts_h", "pts_s"], &|x| (5.0 - x) / 4.0 * 100.0),
                2.0,
            ),
            (
                get(&["civil_liberties", "rule_of_law"], &|x| x * 100.0),
                2.0,
            ),
            (get(&["cat", "opcat", "cped"], &|x| x * 100.0), 1.0),
        ];
        let with_data = pillars.iter().filter(|(p, _)| p.is_some()).count();
        let (sum, weight) = pillars
            .iter()
            .filter_map(|(p, w)| Some((p.as_ref()? * w, *w)))
            .fold((0.0, 0.0), |(s, t), (x, w)| (s + x, t + w));
        let want = (with_data >= 2).then(|| sum / weight);
        if with_data == 1 {
            one_pillar += 1;
        }
        let s = standings.units[u];
        assert_eq!(s.score.is_some(), want.is_some(), "{}", unit.code);
        if let (Some(g), Some(w)) = (s.score, want) {
            assert!((g - w).abs() < 1e-9, "{}: {g} against {w}", unit.code);
            assert!((0.0..=100.0).contains(&g), "{}", unit.code);
            let (lo, hi) = scheme
                .range(s.band.expect("a band"))
                .expect("in the scheme");
            assert!(lo <= g && g <= hi, "{}", unit.code);
            assert!(s.rank.is_some());
            scored += 1;
        }
    }
    assert!(
        (185..=200).contains(&scored),
        "{scored} countries scored in {LATEST}"
    );
    println!(
        "open-indicators {LATEST}: {scored} countries scored (two of three pillars); \
         {one_pillar} with one pillar only, unscored"
    );
    let band_of = |code: &str| {
        let u = data.dataset.unit_index(code).expect("a country");
        let b = standings.units[u].band.expect("banded");
        scheme.bands()[b].slug.clone()
    };
    assert_eq!(band_of("NOR"), "low");
    assert_eq!(band_of("PRK"), "very-high");
}

/// Node weights drawn from a small generator, so every run sees the same sets.
fn weight_sets(nodes: usize, n: usize) -> Vec<Vec<f64>> {
    let mut state = 7u64;
    (0..n)
        .map(|_| {
            (0..nodes)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (state >> 11) as f64 / (1u64 << 53) as f64 * 10.0
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_prepared_recompute_equals_the_pipeline_bit_for_bit_and_is_timed() {
    let Index { definition, data } = load();
    let nodes = data.dataset.hierarchy.nodes().len();
    let mut pipeline = definition.pipeline();
    let mut prepared = definition
        .prepare(&data, &pipeline, LATEST)
        .expect("prepares");
    let sets = weight_sets(nodes, 64);
    for (i, w) in sets.iter().enumerate() {
        pipeline.aggregate.rule = [Rule::Arithmetic, Rule::Geometric, Rule::Minimum][i % 3];
        pipeline.weights = Some(w.clone());
        let want = definition.standings(&data, &pipeline.run(&data.dataset, LATEST).expect("runs"));
        let got = prepared
            .score(Some(w), &pipeline.aggregate)
            .expect("scores");
        assert_eq!(got.order, want.order);
        for (a, b) in got.units.iter().zip(&want.units) {
            assert_eq!(a.score.map(f64::to_bits), b.score.map(f64::to_bits));
            assert_eq!((a.band, a.basis, a.rank), (b.band, b.basis, b.rank));
        }
    }
    let spec = definition.pipeline().aggregate;
    let runs = 20_000;
    let start = Instant::now();
    let mut checksum = 0.0;
    for i in 0..runs {
        let s = prepared
            .score(Some(&sets[i % sets.len()]), &spec)
            .expect("scores");
        checksum += s.units[i % s.units.len()].score.unwrap_or(0.0);
    }
    let us = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
    println!(
        "open-indicators recompute, {} countries x {} indicators: {us:.2} us per recompute \
         (scores, bands, ranks) over {runs} runs; budget 20 us native (checksum {checksum:.0})",
        data.dataset.units.len(),
        data.dataset.hierarchy.indicator_count(),
    );
}

/// Monte Carlo over every weight of the framework, over all 199 countries: at spread 0 every
/// draw is the ranking itself; otherwise each country's percentiles are ordered and inside the
/// ranks it was seen at, band shares sum to one for every country with a band, the run is
/// reproducible from its seed, and the standings are left as they were.
#[test]
fn monte_carlo_over_every_country() {
    use tie_engine::robustness::McSettings;
    let Index { definition, data } = load();
    let pipeline = definition.pipeline();
    let mut prepared = definition
        .prepare(&data, &pipeline, LATEST)
        .expect("prepares");
    let before = prepared
        .score(None, &pipeline.aggregate)
        .expect("scores")
        .clone();
    let still = McSettings {
        spread: 0.0,
        draws: 50,
        seed: 1,
    };
    let flat = prepared
        .monte_carlo(None, &pipeline.aggregate, &still)
        .expect("runs");
    assert_eq!(flat.units.len(), before.units.len());
    for (s, u) in before.units.iter().zip(&flat.units) {
        assert_eq!(u.median_rank, s.rank);
        assert_eq!((u.best_rank, u.worst_rank), (s.rank, s.rank));
        if let Some(b) = s.band {
            assert_eq!(u.band_share[b], 1.0);
        }
    }
    let mc = McSettings {
        spread: 0.5,
        draws: 2_000,
        seed: 2025,
    };
    let start = Instant::now();
    let run = prepared
        .monte_carlo(None, &pipeline.aggregate, &mc)
        .expect("runs");
    println!(
        "Monte Carlo, {} draws over {} countries: {:?}",
        mc.draws,
        run.units.len(),
        start.elapsed()
    );
    assert_eq!(prepared.standings(), &before);
    let mut moved = 0;
    for (s, u) in before.units.iter().zip(&run.units) {
        if s.rank.is_none() {
            assert_eq!(u.ranked_draws, 0);
            continue;
        }
        let (best, p5, median, p95, worst) = (
            u.best_rank.expect("ranked"),
            u.p5_rank.expect("ranked"),
            u.median_rank.expect("ranked"),
            u.p95_rank.expect("ranked"),
            u.worst_rank.expect("ranked"),
        );
        assert!(best <= p5 && p5 <= median && median <= p95 && p95 <= worst);
        assert_eq!(u.ranked_draws, mc.draws);
        if s.band.is_some() {
            let total: f64 = u.band_share.iter().sum();
            assert!((total - 1.0).abs() < 1e-9, "{total}");
        }
        if best != worst {
            moved += 1;
        }
    }
    assert!(moved > 150, "weights should move most countries: {moved}");
    let again = prepared
        .monte_carlo(None, &pipeline.aggregate, &mc)
        .expect("runs");
    assert_eq!(again, run);
}

/// Rank bounds over all 199 countries, in the latest year and in a year of sparser data: at
/// spread 0 they are the ranks; otherwise every rank seen in 2,000 draws of the Monte Carlo at
/// the same spread lies within them, they widen as the spread grows, and they are computed
/// pair by pair, in milliseconds.
#[test]
fn rank_bounds_hold_every_draw_over_every_country() {
    use tie_engine::composite::BoundsMethod;
    use tie_engine::robustness::McSettings;
    let Index { definition, data } = load();
    let pipeline = definition.pipeline();
    let spec = &pipeline.aggregate;
    for year in [LATEST, 1985] {
        let mut prepared = definition
            .prepare(&data, &pipeline, year)
            .expect("prepares");
        let before = prepared.score(None, spec).expect("scores").clone();
        let flat = prepared.rank_bounds(None, spec, 0.0).expect("bounds");
        for (b, s) in flat.units.iter().zip(&before.units) {
            assert_eq!((b.best, b.worst), (s.rank, s.rank));
        }
        let mut previous: Option<Vec<(u32, u32)>> = None;
        for spread in [0.1, 0.5, 1.0] {
            let start = Instant::now();
            let bounds = prepared.rank_bounds(None, spec, spread).expect("bounds");
            let took = start.elapsed();
            assert_eq!(bounds.method, BoundsMethod::Pairwise);
            assert_eq!(prepared.standings(), &before);
            let mc = McSettings {
                spread,
                draws: 2_000,
                seed: 11,
            };
            let run = prepared.monte_carlo(None, spec, &mc).expect("runs");
            let mut widths = Vec::new();
            for ((b, u), s) in bounds.units.iter().zip(&run.units).zip(&before.units) {
                match (b.best, b.worst, s.rank) {
                    (Some(best), Some(worst), Some(rank)) => {
                        assert!(best <= rank && rank <= worst);
                        let (seen_best, seen_worst) =
                            (u.best_rank.expect("ranked"), u.worst_rank.expect("ranked"));
                        assert!(
                            best <= seen_best && seen_worst <= worst,
                            "{year} spread {spread}: bounds {best}-{worst}, draws {seen_best}-{seen_worst}"
                        );
                        widths.push((best, worst));
                    }
                    (None, None, None) => assert_eq!(u.ranked_draws, 0),
                    other => panic!("{other:?}"),
                }
            }
            if let Some(p) = &previous {
                for (now, before) in widths.iter().zip(p) {
                    assert!(
                        now.0 <= before.0 && now.1 >= before.1,
                        "wider box, wider bounds"
                    );
                }
            }
            println!(
                "open-indicators {year}, spread {spread}: rank bounds for {} countries in {took:?}; \
                 mean width {:.1} ranks",
                widths.len(),
                widths.iter().map(|(b, w)| f64::from(w - b)).sum::<f64>() / widths.len() as f64
            );
            previous = Some(widths);
        }
    }
}

/// A Monte Carlo split into parts (as the workbench splits it between two background threads)
/// adds up to the whole run exactly.
#[test]
fn monte_carlo_parts_add_up_to_the_whole_run() {
    use tie_engine::robustness::McSettings;
    let Index { definition, data } = load();
    let pipeline = definition.pipeline();
    let mut prepared = definition
        .prepare(&data, &pipeline, LATEST)
        .expect("prepares");
    let mc = McSettings {
        spread: 0.5,
        draws: 1_000,
        seed: 2025,
    };
    let whole = prepared
        .monte_carlo(None, &pipeline.aggregate, &mc)
        .expect("runs");
    let mut first = prepared
        .monte_carlo_counts(None, &pipeline.aggregate, &mc, 0..400)
        .expect("runs");
    let second = prepared
        .monte_carlo_counts(None, &pipeline.aggregate, &mc, 400..1_000)
        .expect("runs");
    assert!(first.merge(&second));
    assert_eq!(first.draws, 1_000);
    assert_eq!(first.summarise(0.5), whole);
    let mut other = second.clone();
    other.units += 1;
    assert!(!first.merge(&other), "parts of another shape are refused");
}

/// The texts a catalog translates: the index's names, its nodes', bands' and reforms' names and
/// its regions, each once; not figures.
#[test]
fn the_texts_to_translate_name_the_framework_reforms_and_regions() {
    let index = load();
    let texts = index.texts();
    let has = |t: &str| texts.iter().any(|(x, c)| x == t && c.is_empty());
    assert!(has("Open indicators of torture risk"));
    assert!(has("Europe and Central Asia"));
    assert!(index
        .definition
        .reforms
        .values()
        .all(|r| has(r.text.get("en"))));
    assert!(index
        .definition
        .hierarchy
        .nodes()
        .iter()
        .all(|n| has(n.name.get("en"))));
    assert!(texts
        .iter()
        .all(|(t, _)| t.chars().any(char::is_alphabetic)));
}
