//! The command line `tie` on COINr's ASEM example and on bad input, run as a visitor would
//! (the built binary): COINr's example construction gives COINr's published index, the JSON
//! carries the engine's scores to the last bit, and a bad file is an error naming file, row
//! and column with exit code 2.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

fn asem(file: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/coinr-asem")
        .join(file);
    path.exists().then(|| path.to_string_lossy().into_owned())
}

fn tie(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tie"))
        .args(args)
        .output()
        .expect("tie runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const COINR_EXAMPLE: &str = "den,imp:group:EurAsia_group,scr:90,trt";

#[test]
fn coinr_s_example_comes_out_as_coinr_publishes_it() {
    let (Some(d), Some(m)) = (asem("asem_iData.csv"), asem("asem_iMeta.csv")) else {
        println!("skipped: COINr's ASEM example is not beside the workspace");
        return;
    };
    let (code, csv, err) = tie(&["--coinr", &d, &m, "--pipe", COINR_EXAMPLE]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0], ["Rank", "Code", "Unit", "Score"]);
    assert_eq!(rows.len(), 52);
    // COINr 1.1.14, build_example_coin(): CHE 68.38, NLD 64.82, DNK 64.80, NOR 64.47, BEL 63.54.
    let top: Vec<(&str, f64)> = rows[1..6]
        .iter()
        .map(|r| (r[1], r[3].parse().expect("a score")))
        .collect();
    for ((code, ours), (published_code, published)) in top.iter().zip([
        ("CHE", 68.38),
        ("NLD", 64.82),
        ("DNK", 64.80),
        ("NOR", 64.47),
        ("BEL", 63.54),
    ]) {
        assert_eq!(*code, published_code);
        assert!(
            (ours - published).abs() < 0.005,
            "{code}: {ours} vs {published}"
        );
    }
    // The JSON: every node, the engine's scores to the last bit.
    let (code, json, err) = tie(&["--coinr", &d, &m, "--pipe", COINR_EXAMPLE, "--json"]);
    assert_eq!(code, 0, "{err}");
    let args = tie_cli::parse_args(&[
        "--coinr".into(),
        d.clone(),
        m.clone(),
        "--pipe".into(),
        COINR_EXAMPLE.into(),
    ])
    .expect("arguments");
    let index = tie_cli::load(&args).expect("loads");
    let pipeline = args.pipe.pipeline();
    let results = pipeline.run(&index.data.dataset, 2018).expect("runs");
    let che = results
        .score(&index.data.dataset, "CHE", "Index")
        .expect("scored");
    assert!(
        json.contains(&format!(
            "\"code\":\"CHE\",\"name\":\"Switzerland\",\"score\":{che:?}"
        )),
        "{che:?}"
    );
    assert!(json.contains("\"pipe\":\"den,imp:group:EurAsia_group,scr:90,trt\""));
    assert!(json.contains("\"Conn\":"));
}

#[test]
fn a_wide_spreadsheet_table_and_bad_input() {
    let dir = std::env::temp_dir().join(format!("tie-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let good = dir.join("mine.csv");
    std::fs::write(
        &good,
        "\u{feff}code;name;Rights;Rule of law\r\nARM;Armenia;0,8;0,5\r\nGEO;=Georgia;0,2;0,9\r\n",
    )
    .expect("written");
    let (code, csv, err) = tie(&["--wide", &good.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    // Both at 50 (each best on one indicator): tied, listed by name; a formula-like name defused.
    assert_eq!(
        csv,
        "Rank,Code,Unit,Score\n1,GEO,\"'=Georgia\",50.0000\n1,ARM,Armenia,50.0000\n"
    );
    let bad = dir.join("broken.csv");
    std::fs::write(&bad, "code,Rights\nARM,0.8\nGEO,lots\n").expect("written");
    let (code, _, err) = tie(&["--wide", &bad.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.csv, row 3, field `Rights`"), "{err}");
    let (code, _, err) = tie(&["--wide", "/no/such/file.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/file.csv"), "{err}");
    let (code, _, err) = tie(&["--wide", &good.to_string_lossy(), "--pipe", "zzz"]);
    assert_eq!(code, 2);
    assert!(err.contains("`zzz` is not a construction"), "{err}");
    // The explorer's JSON of the same index gives the same ranking.
    let index = tie_cli::load(
        &tie_cli::parse_args(&["--wide".into(), good.to_string_lossy().into_owned()])
            .expect("arguments"),
    )
    .expect("loads");
    let json = dir.join("mine.json");
    std::fs::write(&json, engine::composite::import::to_json(&index)).expect("written");
    let (code, again, err) = tie(&["--from-json", &json.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(again, csv);
    let (code, _, err) = tie(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("usage: tie"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
