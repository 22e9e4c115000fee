//! The explorer's own index, "Open indicators of torture risk" (data/open-indicators/, built by
//! scripts/build-open-data.mjs), read by the generic definition loader and scored for its
//! latest year: about 190 countries, every score on 0-100 with a band; the fixed goalposts of
//! its framework checked against a hand computation; the recompute timed (printed, not
//! asserted: `cargo test -p tie-engine --test open_indicators -- --nocapture`).
//!
//! Two things the definition format cannot say yet are bridged here, as the engine would:
//! the values file is wide (a column per indicator, each indicator's sources in the framework),
//! reshaped to the long rows the loader reads; and the goalposts (framework columns
//! `goal_lower`, `goal_upper`) are set on the indicator metadata, which the pipeline supports.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Instant;

use tie_engine::composite::definition::parse_band_schemes;
use tie_engine::composite::{
    Direction, Index, IndexDefinition, IndexFolder, IndexKind, Normalisation, Pipeline, Results,
    Rule, Value,
};

const LATEST: i32 = 2023;

fn folder_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/open-indicators")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(folder_path().join(name)).expect("a file of data/open-indicators")
}

/// The fields of one CSV line (the converter writes no line breaks inside fields).
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = out.last_mut().expect("a field");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => field.push(c),
        }
    }
    out
}

/// Rows of a CSV text as maps from column to field.
fn rows(name: &str, text: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = text.lines();
    let header = fields(lines.next().unwrap_or_default());
    lines
        .map(|line| {
            let f = fields(line);
            assert_eq!(f.len(), header.len(), "{name}: {line}");
            header.iter().cloned().zip(f).collect()
        })
        .collect()
}

/// The wide values file as the long rows the loader reads: `iso3,indicator,year,value,source`,
/// one per non-empty cell, the source taken from the framework's `sources` column.
fn long_values(wide: &str, framework: &str) -> String {
    let sources: BTreeMap<String, String> = rows("framework.csv", framework)
        .into_iter()
        .filter(|r| r["level"] == "1")
        .map(|r| (r["code"].clone(), r["sources"].clone()))
        .collect();
    let mut out = String::from("iso3,indicator,year,value,source\n");
    for r in rows("values.csv", wide) {
        for (indicator, source) in &sources {
            let value = &r[indicator];
            if !value.is_empty() {
                out += &format!("{},{indicator},{},{value},{source}\n", r["iso3"], r["year"]);
            }
        }
    }
    out
}

struct Loaded {
    index: Index,
    /// Per indicator code: the goalposts of the framework.
    goalposts: BTreeMap<String, (f64, f64)>,
}

fn load() -> Loaded {
    let [index, framework, countries, wide, bands, sources] = [
        "index.csv",
        "framework.csv",
        "countries.csv",
        "values.csv",
        "bands.csv",
        "sources.csv",
    ]
    .map(read);
    let values = long_values(&wide, &framework);
    let folder = IndexFolder {
        path: "data/open-indicators",
        files: vec![
            ("index.csv", &index),
            ("framework.csv", &framework),
            ("countries.csv", &countries),
            ("values.csv", &values),
        ],
    };
    let (schemes, errors) = parse_band_schemes("data/open-indicators/bands.csv", &bands);
    assert!(errors.is_empty(), "{errors:#?}");
    let source_ids: BTreeSet<String> = rows("sources.csv", &sources)
        .into_iter()
        .map(|r| r["id"].clone())
        .collect();
    let (loaded, errors) = IndexDefinition::load(&folder, &schemes, &source_ids);
    assert!(errors.is_empty(), "{errors:#?}");
    let goalposts = rows("framework.csv", &framework)
        .into_iter()
        .filter(|r| r["level"] == "1")
        .map(|r| {
            let g = |c: &str| r[c].parse::<f64>().expect("a goalpost");
            (r["code"].clone(), (g("goal_lower"), g("goal_upper")))
        })
        .collect();
    Loaded {
        index: loaded.expect("the open-indicators folder loads"),
        goalposts,
    }
}

/// The intended construction: the definition's pipeline with the framework's fixed goalposts.
fn goalposts_pipeline(loaded: &mut Loaded) -> Pipeline {
    let dataset = &mut loaded.index.data.dataset;
    for (code, g) in &loaded.goalposts {
        dataset.meta.entry(code.clone()).or_default().goalposts = Some(*g);
    }
    let mut pipeline = loaded.index.definition.pipeline();
    pipeline.normalise.default = Normalisation::Goalposts {
        lower: 0.0,
        upper: 100.0,
    };
    pipeline
}

fn number(loaded: &Loaded, unit: &str, indicator: &str) -> Option<f64> {
    match loaded.index.data.dataset.value(LATEST, unit, indicator) {
        Some(Value::Number(x)) => Some(x),
        _ => None,
    }
}

fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

#[test]
fn the_definition_loads_through_the_generic_loader() {
    let Loaded { index, goalposts } = load();
    let Index { definition, data } = &index;
    assert_eq!(definition.id, "open-indicators");
    assert_eq!(definition.kind, IndexKind::Explorer);
    assert_eq!(definition.periods, (1976..=LATEST).collect::<Vec<_>>());
    assert_eq!(definition.index_code(), "open");
    assert_eq!(definition.aggregation, Rule::Arithmetic);
    assert_eq!(data.dataset.hierarchy.levels(), 3);
    assert_eq!(data.dataset.hierarchy.indicator_count(), 8);
    let scheme = definition.band_scheme().expect("five bands");
    let slugs: Vec<&str> = scheme.bands().iter().map(|b| b.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["very-high", "high", "considerable", "moderate", "low"]
    );
    assert_eq!(
        definition.bands.as_ref().map(|b| b.0.as_str()),
        Some("explorer-risk")
    );
    for code in ["pts_a", "pts_h", "pts_s"] {
        assert_eq!(data.dataset.meta_of(code).direction, Direction::Negative);
        assert_eq!(goalposts[code], (1.0, 5.0));
    }
    assert_eq!(goalposts["civil_liberties"], (0.0, 1.0));
    assert_eq!(goalposts["cat"], (0.0, 1.0));
    assert!(
        data.dataset.units.len() >= 190,
        "{}",
        data.dataset.units.len()
    );
    // Values as the raw files print them, with their sources.
    assert_eq!(
        data.dataset.value(2023, "AFG", "pts_s"),
        Some(Value::Number(5.0))
    );
    assert_eq!(data.dataset.value(1984, "AFG", "cat"), Some(Value::Missing));
    assert!(data.dataset.provenance(2010, "COD", "pts_a").is_some());
    assert_eq!(data.dataset.units[0].name.get("en"), "Afghanistan");
}

fn check_latest(loaded: &Loaded, results: &Results, label: &str) -> usize {
    let Index { definition, data } = &loaded.index;
    let standings = definition.standings(data, results);
    let scheme = definition.band_scheme().expect("bands");
    let mut scored = 0;
    for (unit, s) in data.dataset.units.iter().zip(&standings.units) {
        let Some(score) = s.score else { continue };
        scored += 1;
        assert!(
            (0.0..=100.0).contains(&score),
            "{label} {}: {score}",
            unit.code
        );
        let band = s.band.expect("a band for every score");
        let (lo, hi) = scheme.range(band).expect("a band of the scheme");
        assert!(lo <= score && score <= hi, "{label} {}", unit.code);
        assert!(s.rank.is_some());
    }
    scored
}

#[test]
fn the_latest_year_scores_about_190_countries_on_0_100_with_bands() {
    let mut loaded = load();
    let min_max = loaded
        .index
        .definition
        .pipeline()
        .run(&loaded.index.data.dataset, LATEST)
        .expect("runs");
    let n_min_max = check_latest(&loaded, &min_max, "min-max");
    let pipeline = goalposts_pipeline(&mut loaded);
    let results = pipeline
        .run(&loaded.index.data.dataset, LATEST)
        .expect("runs");
    let n = check_latest(&loaded, &results, "goalposts");
    assert!((185..=200).contains(&n), "{n} countries scored in {LATEST}");
    assert_eq!(
        n, n_min_max,
        "the coverage rule does not depend on normalisation"
    );

    // Goalposts by hand for every country: PTS (5 - x) / 4, V-Dem and treaties x, each x 100;
    // a pillar is the mean of its indicators with data; the index weighs the pillars 2:2:1 over
    // the pillars with data.
    let Index { definition, data } = &loaded.index;
    let standings = definition.standings(data, &results);
    let mut max_gap: f64 = 0.0;
    let mut two_pillars = 0;
    for (u, unit) in data.dataset.units.iter().enumerate() {
        let get = |codes: &[&str], f: &dyn Fn(f64) -> f64| -> Option<f64> {
            let xs: Vec<f64> = codes
                .iter()
                .filter_map(|c| number(&loaded, &unit.code, c))
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
        let (sum, weight) = pillars
            .iter()
            .filter_map(|(p, w)| Some((p.as_ref()? * w, *w)))
            .fold((0.0, 0.0), |(s, t), (x, w)| (s + x, t + w));
        let want = (weight > 0.0).then(|| sum / weight);
        let got = standings.units[u].score;
        assert_eq!(got.is_some(), want.is_some(), "{}", unit.code);
        if let (Some(g), Some(w)) = (got, want) {
            assert!((g - w).abs() < 1e-9, "{}: {g} against {w}", unit.code);
        }
        if let (Some(a), Some(b)) = (got, min_max.score(&data.dataset, &unit.code, "open")) {
            max_gap = max_gap.max((a - b).abs());
        }
        if pillars.iter().filter(|(p, _)| p.is_some()).count() >= 2 {
            two_pillars += 1;
        }
    }
    println!(
        "open-indicators {LATEST}: {n} countries scored (at least one indicator in a pillar and one \
         pillar); {two_pillars} with at least two of three pillars; goalposts against min-max: \
         largest difference {max_gap:.2} points"
    );
    // A few countries by hand above; and where they land.
    let band_of = |code: &str| {
        let u = data.dataset.unit_index(code).expect("a country");
        let b = standings.units[u].band.expect("banded");
        definition.band_scheme().expect("bands").bands()[b]
            .slug
            .clone()
    };
    assert_eq!(band_of("NOR"), "low");
    assert_eq!(band_of("PRK"), "very-high");
}

#[test]
fn recompute_timing() {
    let mut loaded = load();
    let pipeline = goalposts_pipeline(&mut loaded);
    let Index { definition, data } = &loaded.index;
    let nodes = data.dataset.hierarchy.nodes().len();
    let mut weighted = pipeline.clone();
    // Warm up, then time recomputes at changing weights (pillars and indicators).
    let mut checksum = 0.0;
    for _ in 0..50 {
        let r = pipeline.run(&data.dataset, LATEST).expect("runs");
        checksum += definition.standings(data, &r).units.len() as f64;
    }
    let runs = 2000;
    let start = Instant::now();
    for i in 0..runs {
        let w = 1.0 + (i % 7) as f64 * 0.25;
        weighted.weights = Some(
            (0..nodes)
                .map(|n| if n % 2 == 0 { w } else { 1.0 })
                .collect(),
        );
        let r = weighted.run(&data.dataset, LATEST).expect("runs");
        let s = definition.standings(data, &r);
        checksum += s.units.iter().filter_map(|s| s.score).sum::<f64>();
    }
    let mean_us = start.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
    // The pipeline alone (normalise, aggregate, rank), without the standings' fallback pass.
    let start = Instant::now();
    for i in 0..runs {
        let w = 1.0 + (i % 7) as f64 * 0.25;
        weighted.weights = Some(
            (0..nodes)
                .map(|n| if n % 2 == 0 { w } else { 1.0 })
                .collect(),
        );
        let r = weighted.run(&data.dataset, LATEST).expect("runs");
        checksum += r.scores.rows() as f64;
    }
    let run_us = start.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
    println!(
        "open-indicators recompute, {} countries x {} indicators: {mean_us:.1} us mean \
         (pipeline + standings), {run_us:.1} us (pipeline alone), over {runs} runs; \
         budget 20 us native (checksum {checksum:.0})",
        data.dataset.units.len(),
        data.dataset.hierarchy.indicator_count(),
    );
    assert!(checksum.is_finite());
}
