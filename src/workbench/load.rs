//! Reading the indices the workbench shows. `data/indices.csv` names one folder per index
//! (and, optionally, a band scheme file and a sources file of the folder's own); each folder's
//! `index.csv` names its units and values files. Everything here is pure: the component fetches
//! the files and hands them over, so the same code is tested natively.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use engine::composite::bands::BandScheme;
use engine::composite::definition::{
    parse_band_schemes, Index, IndexDefinition, IndexFolder, FRAMEWORK_FILE, INDEX_FILE,
};
use engine::composite::import::{from_coinr_files, from_json, from_wide, IMPORTED_ID};
pub use engine::composite::import::{Agg, Construction, Norm, SCREENS};
use engine::composite::Pipeline;
use engine::data::parse_sources;
use engine::model::Source;
use serde::{Deserialize, Serialize};

/// The manifest's file, beside the bundled `bands.csv` and `sources.csv`.
pub const MANIFEST: &str = "indices.csv";
pub const BANDS: &str = "bands.csv";
pub const SOURCES: &str = "sources.csv";
/// Every index folder's definition and framework.
pub const INDEX: &str = INDEX_FILE;
pub const FRAMEWORK: &str = FRAMEWORK_FILE;

/// One row of the manifest.
#[derive(Debug, Clone, PartialEq)]
pub struct Folder {
    pub name: String,
    /// A band scheme file of the folder's own, if any.
    pub bands: Option<String>,
    /// A sources file of the folder's own, if any.
    pub sources: Option<String>,
}

/// A file name inside a folder: no path separators, no `..`, no query.
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Reads the manifest: `folder,bands,sources`. A bad row is reported and left out.
pub fn parse_manifest(text: &str) -> (Vec<Folder>, Vec<String>) {
    let mut folders = Vec::new();
    let mut problems = Vec::new();
    let mut lines = text.trim_start_matches('\u{feff}').lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.trim() == "folder,bands,sources" => {}
        _ => {
            problems.push(format!(
                "{MANIFEST}, row 1: the header must be `folder,bands,sources`"
            ));
            return (folders, problems);
        }
    }
    for (i, line) in lines {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let optional = |f: Option<&&str>| f.filter(|s| !s.is_empty()).map(|s| s.to_string());
        let folder = Folder {
            name: fields.first().map(|s| s.to_string()).unwrap_or_default(),
            bands: optional(fields.get(1)),
            sources: optional(fields.get(2)),
        };
        let names_ok = plain_name(&folder.name)
            && [&folder.bands, &folder.sources]
                .iter()
                .all(|f| f.as_deref().is_none_or(plain_name));
        if fields.len() != 3 || !names_ok {
            problems.push(format!(
                "{MANIFEST}, row {}: expected a folder name and two optional file names",
                i + 1
            ));
        } else if folders.iter().any(|f: &Folder| f.name == folder.name) {
            problems.push(format!(
                "{MANIFEST}, row {}: `{}` appears more than once",
                i + 1,
                folder.name
            ));
        } else {
            folders.push(folder);
        }
    }
    (folders, problems)
}

/// The data every index may draw on: the bundled band schemes and sources.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    pub schemes: BTreeMap<String, BandScheme>,
    pub sources: Vec<Source>,
}

impl Shared {
    pub fn parse(bands: &str, sources: &str) -> (Shared, Vec<String>) {
        let (schemes, e1) = parse_band_schemes(BANDS, bands);
        let (sources, e2) = parse_sources(SOURCES, sources);
        let problems = e1.iter().chain(&e2).map(|e| e.to_string()).collect();
        (Shared { schemes, sources }, problems)
    }
}

/// One index, loaded, with the sources its values may cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Where it was read from (the background Monte Carlo reads it again from there).
    pub folder: Folder,
    /// Shared: an imported index built another way keeps the same data.
    pub index: Rc<Index>,
    pub sources: Vec<Source>,
    /// The ids of the sources the index cites (its framework and its values), each once.
    pub cited: Vec<String>,
    /// Rows left out while loading (the rest loaded).
    pub problems: Vec<String>,
    /// For an index the visitor imported: its files, kept in this page only.
    pub imported: Option<Imported>,
    /// How the index is computed: its definition's pipeline, or for an imported index the
    /// construction the visitor chose.
    pub pipeline: Pipeline,
}

/// The layouts of files a visitor can import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportFormat {
    /// COINr's iData and iMeta tables.
    Coinr,
    /// One table: units as rows, indicators as columns.
    Wide,
    /// The explorer's JSON of an index (COINr's tables as records).
    Json,
}

/// Files a visitor imported (name and text of each, in the format's order), kept in memory
/// only: nothing is sent anywhere but to this page's own background thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub format: ImportFormat,
    pub files: Vec<(String, String)>,
    /// The index's name; empty: the file's.
    pub name: String,
    /// How it is built (in messages to the background thread, in its link form).
    #[serde(with = "construction_text")]
    pub construction: Construction,
}

/// A construction crosses to the background thread as its link text.
mod construction_text {
    use super::Construction;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(c: &Construction, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&c.format())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Construction, D::Error> {
        let text = String::deserialize(d)?;
        Construction::parse(&text)
            .ok_or_else(|| serde::de::Error::custom("an unknown construction"))
    }
}

impl Imported {
    /// The index the files describe, or what is wrong with them (file, row and column).
    pub fn entry(&self) -> Result<Entry, String> {
        let index = super::compute::timed("tie:import", || {
            match (self.format, self.files.as_slice()) {
                (ImportFormat::Coinr, [(dn, d), (mn, m)]) => {
                    from_coinr_files((dn, d), (mn, m), &self.name)
                }
                (ImportFormat::Wide, [(n, t)]) => from_wide(n, t, &self.name),
                (ImportFormat::Json, [(n, t)]) => from_json(n, t, &self.name),
                _ => return Err("the files do not match the chosen format".to_string()),
            }
            .map_err(|e| e.to_string())
        })?;
        Ok(self.entry_of(index))
    }

    /// The entry of `index`, read from these files.
    pub fn entry_of(&self, index: Index) -> Entry {
        Entry {
            folder: Folder {
                name: IMPORTED_ID.into(),
                bands: None,
                sources: None,
            },
            index: Rc::new(index),
            sources: Vec::new(),
            cited: Vec::new(),
            problems: Vec::new(),
            imported: Some(self.clone()),
            pipeline: self.construction.pipeline(),
        }
    }
}

impl Entry {
    /// This imported index built with another construction: the same data, read once (a
    /// change of construction recomputes; it does not read the files again). `None` for an
    /// index that was not imported.
    pub fn rebuilt(&self, construction: &Construction) -> Option<Entry> {
        let imported = self.imported.as_ref()?;
        Some(Entry {
            imported: Some(Imported {
                construction: construction.clone(),
                ..imported.clone()
            }),
            pipeline: construction.pipeline(),
            ..self.clone()
        })
    }

    /// Downloads the index as the explorer writes it (JSON, COINr's tables), as `name`.
    pub fn download_json(&self, name: &str) {
        let json = engine::composite::import::to_json(&self.index);
        let _ = crate::export::download(name, "application/json", &json);
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// The files of a folder that the definition names beyond `index.csv` and `framework.csv`:
/// what to fetch next. Errors if the definition itself does not parse.
pub fn data_files(
    folder: &Folder,
    index_csv: &str,
    framework_csv: &str,
    extra_bands: Option<&str>,
    shared: &Shared,
) -> Result<Vec<String>, Vec<String>> {
    let schemes = schemes_for(folder, extra_bands, shared).map_err(|e| vec![e])?;
    let names = IndexDefinition::data_files(index_csv);
    // Parse with the named files present (empty), so the definition's own errors show now.
    let mut files = vec![(INDEX_FILE, index_csv), (FRAMEWORK_FILE, framework_csv)];
    files.extend(names.iter().map(|n| (n.as_str(), "")));
    let files = IndexFolder {
        path: &folder.name,
        files,
    };
    IndexDefinition::parse(&files, &schemes.0)
        .map_err(|e| e.iter().map(|e| e.to_string()).collect::<Vec<_>>())?;
    match names.iter().find(|n| !plain_name(n)) {
        Some(bad) => Err(vec![format!(
            "{}/{INDEX_FILE}: `{bad}` is not a file name inside the folder",
            folder.name
        )]),
        None => Ok(names),
    }
}

fn schemes_for(
    folder: &Folder,
    extra_bands: Option<&str>,
    shared: &Shared,
) -> Result<(BTreeMap<String, BandScheme>, Vec<String>), String> {
    let mut schemes = shared.schemes.clone();
    let mut problems = Vec::new();
    if let (Some(name), Some(text)) = (&folder.bands, extra_bands) {
        let path = format!("{}/{name}", folder.name);
        let (own, errors) = parse_band_schemes(&path, text);
        problems.extend(errors.iter().map(|e| e.to_string()));
        for (id, scheme) in own {
            if schemes.contains_key(&id) {
                return Err(format!(
                    "{path}: the scheme `{id}` is already defined in {BANDS}"
                ));
            }
            schemes.insert(id, scheme);
        }
    }
    Ok((schemes, problems))
}

/// Builds one index from its folder's files (`files`: name and text). A row with a problem
/// is reported in [`Entry::problems`] and left out; a definition that cannot be read, or
/// values that cannot form a data set, are an error.
pub fn assemble(
    folder: &Folder,
    files: &[(String, String)],
    shared: &Shared,
) -> Result<Entry, Vec<String>> {
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    };
    let (schemes, mut problems) =
        schemes_for(folder, folder.bands.as_deref().and_then(file), shared).map_err(|e| vec![e])?;
    let mut sources = shared.sources.clone();
    if let Some(name) = &folder.sources {
        let path = format!("{}/{name}", folder.name);
        match file(name) {
            Some(text) => {
                let (own, errors) = parse_sources(&path, text);
                problems.extend(errors.iter().map(|e| e.to_string()));
                for s in own {
                    if sources.iter().any(|k| k.id == s.id) {
                        problems.push(format!(
                            "{path}: the source `{}` is already defined in {SOURCES}; the bundled one stands",
                            s.id
                        ));
                    } else {
                        sources.push(s);
                    }
                }
            }
            None => problems.push(format!("{path}: the file could not be read")),
        }
    }
    let known: BTreeSet<String> = sources.iter().map(|s| s.id.clone()).collect();
    let folder_files = IndexFolder {
        path: &folder.name,
        files: files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect(),
    };
    let (index, errors) = IndexDefinition::load(&folder_files, &schemes, &known);
    problems.extend(errors.iter().map(|e| e.to_string()));
    match index {
        Some(index) => Ok(Entry {
            folder: folder.clone(),
            cited: cited(&index),
            pipeline: index.definition.pipeline(),
            index: Rc::new(index),
            sources,
            problems,
            imported: None,
        }),
        None => Err(problems),
    }
}

/// The sources an index cites, in order of first citation: the framework's, then its values'.
fn cited(index: &Index) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |id: &String| {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    };
    for (list, _) in index.definition.sources.values() {
        list.iter().for_each(&mut add);
    }
    let d = &index.data.dataset;
    for period in &d.periods {
        if let Some(table) = d.table(*period) {
            for p in table.provenance.values() {
                p.sources.iter().for_each(&mut add);
            }
        }
    }
    ids
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const FIXTURE: &str = "crates/engine/tests/fixtures/three-level";

    fn read(path: &str) -> String {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
            .unwrap_or_default()
    }

    pub fn shared() -> Shared {
        let (shared, problems) = Shared::parse(&read("data/bands.csv"), &read("data/sources.csv"));
        assert!(problems.is_empty(), "{problems:?}");
        shared
    }

    /// Loads a folder the way the component does: the definition, then the files it names.
    pub fn load_folder(dir: &str, folder: &Folder, shared: &Shared) -> Result<Entry, Vec<String>> {
        let index = read(&format!("{dir}/{INDEX_FILE}"));
        let framework = read(&format!("{dir}/{FRAMEWORK_FILE}"));
        let bands = folder.bands.as_ref().map(|b| read(&format!("{dir}/{b}")));
        let names = data_files(folder, &index, &framework, bands.as_deref(), shared)?;
        let mut files = vec![
            (INDEX_FILE.to_string(), index),
            (FRAMEWORK_FILE.to_string(), framework),
        ];
        for name in names
            .iter()
            .chain(folder.bands.iter())
            .chain(folder.sources.iter())
        {
            files.push((name.clone(), read(&format!("{dir}/{name}"))));
        }
        assemble(folder, &files, shared)
    }

    pub fn fixture() -> Entry {
        let folder = Folder {
            name: "three-level".into(),
            bands: Some("bands.csv".into()),
            sources: Some("sources.csv".into()),
        };
        let entry = load_folder(FIXTURE, &folder, &shared());
        let entry = entry.unwrap_or_else(|e| panic!("{e:?}"));
        assert!(entry.problems.is_empty(), "{:?}", entry.problems);
        entry
    }

    #[test]
    fn the_bundled_manifest_loads_every_bundled_index() {
        let (folders, problems) = parse_manifest(&read(&format!("data/{MANIFEST}")));
        assert!(problems.is_empty(), "{problems:?}");
        let shared = shared();
        let ids: Vec<String> = folders
            .iter()
            .map(|f| {
                let e = load_folder(&format!("data/{}", f.name), f, &shared);
                let e = e.unwrap_or_else(|e| panic!("{}: {e:?}", f.name));
                assert!(e.problems.is_empty(), "{}: {:?}", f.name, e.problems);
                e.index.definition.id.clone()
            })
            .collect();
        assert_eq!(ids, ["gti-2025", "csp", "open-indicators"]);
    }

    #[test]
    fn the_fixture_loads_with_its_own_bands_and_sources() {
        let entry = fixture();
        assert_eq!(entry.index.definition.id, "three-level-demo");
        assert_eq!(entry.index.data.dataset.units.len(), 5);
        assert!(entry.source("demo-survey").is_some());
        assert!(entry.source("omct-gti").is_some());
        assert_eq!(entry.cited, ["demo-survey", "demo-press"]);
    }

    #[test]
    fn a_bad_manifest_is_reported_row_by_row() {
        let (folders, problems) = parse_manifest(
            "folder,bands,sources\ncsp,,\n../etc,,\ncsp,,\nx,a/b.csv,\n\ny,,z.csv\nonly-one\n",
        );
        let names: Vec<&str> = folders.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["csp", "y"]);
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(problems[0].contains("row 3"), "{problems:?}");
        let (folders, problems) = parse_manifest("nonsense");
        assert!(folders.is_empty() && problems.len() == 1);
    }

    #[test]
    fn a_broken_folder_is_an_error_and_a_bad_row_is_a_problem() {
        let shared = shared();
        let folder = Folder {
            name: "broken".into(),
            bands: None,
            sources: None,
        };
        // No framework at all.
        let e = assemble(
            &folder,
            &[("index.csv".into(), "key,value\n".into())],
            &shared,
        );
        assert!(e.is_err());
        // The fixture with one bad value row: loads, the row reported with its line.
        let mut files: Vec<(String, String)> = [
            "index.csv",
            "framework.csv",
            "countries.csv",
            "values.csv",
            "bands.csv",
            "sources.csv",
        ]
        .iter()
        .map(|n| (n.to_string(), read(&format!("{FIXTURE}/{n}"))))
        .collect();
        files[3]
            .1
            .push_str("ARM,legal,2024,abc,used,demo-survey,primary,\n");
        let folder = Folder {
            name: "three-level".into(),
            bands: Some("bands.csv".into()),
            sources: Some("sources.csv".into()),
        };
        let entry = assemble(&folder, &files, &shared).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(entry.problems.len(), 1, "{:?}", entry.problems);
        assert!(entry.problems[0].starts_with("three-level/values.csv, row"));
        // A scheme that would shadow a bundled one is refused.
        files[4].1 = read("data/bands.csv");
        assert!(assemble(&folder, &files, &shared).is_err());
    }
}
