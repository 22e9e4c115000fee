//! What the engine's integration tests share: the three-level fixture index
//! (`fixtures/three-level/`), given as the bundled folders are, and loaded.
#![allow(dead_code)]

use std::collections::BTreeSet;

use tie_engine::composite::definition::parse_band_schemes;
use tie_engine::composite::{Index, IndexDefinition, IndexFolder};
use tie_engine::DataError;

/// The fixture folder, as the bundled folders are given: file names and texts.
pub fn fixture() -> (IndexFolder<'static>, &'static str) {
    let folder = IndexFolder {
        path: "tests/fixtures/three-level",
        files: vec![
            (
                "index.csv",
                include_str!("../fixtures/three-level/index.csv"),
            ),
            (
                "framework.csv",
                include_str!("../fixtures/three-level/framework.csv"),
            ),
            (
                "countries.csv",
                include_str!("../fixtures/three-level/countries.csv"),
            ),
            (
                "values.csv",
                include_str!("../fixtures/three-level/values.csv"),
            ),
        ],
    };
    (folder, include_str!("../fixtures/three-level/bands.csv"))
}

pub fn fixture_sources() -> BTreeSet<String> {
    ["demo-survey", "demo-press"].map(String::from).into()
}

pub fn load(folder: &IndexFolder, bands: &str) -> (Option<Index>, Vec<DataError>) {
    let (schemes, mut errors) = parse_band_schemes("tests/fixtures/three-level/bands.csv", bands);
    let (index, e) = IndexDefinition::load(folder, &schemes, &fixture_sources());
    errors.extend(e);
    (index, errors)
}

/// The fixture, loaded without error.
pub fn fixture_index() -> Index {
    let (folder, bands) = fixture();
    let (index, errors) = load(&folder, bands);
    assert!(errors.is_empty(), "{errors:#?}");
    index.expect("the fixture loads")
}
