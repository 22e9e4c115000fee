//! `tie`: the same engine as the browser, on the command line. It reads an index from COINr's
//! two tables or from one wide table (the files the workbench imports, read by the same code),
//! builds it with the same construction (`--pipe`, the link's `pipe=` syntax), and writes every
//! unit's rank and score as CSV (the rows of the browser's ranking download, byte for byte) or
//! as JSON (every node's score, at full precision).

use engine::composite::import::{from_coinr_files, from_json, from_wide, Construction};
use engine::composite::Index;
use engine::csv::escape_field;
use engine::json::Json;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Args {
    pub coinr: Option<(String, String)>,
    pub wide: Option<String>,
    pub from_json: Option<String>,
    pub pipe: Construction,
    pub json: bool,
    pub period: Option<i32>,
    pub name: String,
}

pub const USAGE: &str = "usage: tie (--coinr iData.csv iMeta.csv | --wide table.csv | --from-json index.json) [--pipe STEPS] [--period P] [--name NAME] [--json]

  --coinr D M   COINr's two tables: iData (one row per unit) and iMeta (the framework)
  --wide T      one table: a column of unit codes, optional names and years, one column per indicator
  --from-json J an index as the workbench downloads it (JSON: COINr's tables as records)
  --pipe STEPS  the construction, as in the workbench's links: den, imp:mean, imp:group:<column>,
                scr:50|75|90|100, trt, nrm:minmax|zscore|rank, agg:arith|geom|harm|min
                (default: min-max onto 0-100, weighted arithmetic mean, other steps off)
  --period P    the period to compute (default: the latest)
  --name NAME   the index's name (default: the file's)
  --json        JSON with every node's score at full precision, instead of the ranking as CSV
";

/// Reads the arguments (without the program's name).
pub fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |what: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs {what}"))
        };
        match a.as_str() {
            "--coinr" => {
                let d = value("two files")?;
                let m = value("two files")?;
                out.coinr = Some((d, m));
            }
            "--wide" => out.wide = Some(value("a file")?),
            "--from-json" => out.from_json = Some(value("a file")?),
            "--pipe" => {
                let text = value("the steps")?;
                out.pipe = Construction::parse(&text)
                    .ok_or_else(|| format!("--pipe: `{text}` is not a construction"))?;
            }
            "--period" => {
                let p = value("a period")?;
                out.period = Some(
                    p.parse()
                        .map_err(|_| format!("--period: `{p}` is not a period"))?,
                );
            }
            "--name" => out.name = value("a name")?,
            "--json" => out.json = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n\n{USAGE}")),
        }
    }
    let given = [
        out.coinr.is_some(),
        out.wide.is_some(),
        out.from_json.is_some(),
    ];
    if given.iter().filter(|g| **g).count() == 1 {
        Ok(out)
    } else {
        Err(format!(
            "give one of --coinr, --wide or --from-json\n\n{USAGE}"
        ))
    }
}

fn read(path: &str) -> Result<String, String> {
    // UTF-8 is taken as it is (no copy); other bytes become U+FFFD, as a browser reads them.
    std::fs::read(path)
        .map(|b| {
            String::from_utf8(b)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        })
        .map_err(|e| format!("{path}: {e}"))
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Reads the index the arguments name.
pub fn load(args: &Args) -> Result<Index, String> {
    let index = match (&args.coinr, &args.wide, &args.from_json) {
        (Some((d, m)), _, _) => {
            let (dt, mt) = (read(d)?, read(m)?);
            from_coinr_files((file_name(d), &dt), (file_name(m), &mt), &args.name)
        }
        (None, Some(w), _) => from_wide(file_name(w), &read(w)?, &args.name),
        (None, None, Some(j)) => from_json(file_name(j), &read(j)?, &args.name),
        (None, None, None) => return Err(USAGE.to_string()),
    };
    index.map_err(|e| e.to_string())
}

/// Computes the index and writes the output.
pub fn run(args: &Args) -> Result<String, String> {
    let index = load(args)?;
    let d = &index.definition;
    let period = match args.period {
        Some(p) if d.periods.contains(&p) => p,
        Some(p) => return Err(format!("--period: the data have no period {p}")),
        None => *d.periods.last().ok_or("the data have no period")?,
    };
    let pipeline = args.pipe.pipeline();
    let mut prepared = d
        .prepare(&index.data, &pipeline, period)
        .map_err(|e| e.to_string())?;
    let standings = prepared
        .score(None, &pipeline.aggregate)
        .map_err(|e| e.to_string())?
        .clone();
    let units = &index.data.dataset.units;
    let mut out = String::new();
    if args.json {
        let h = &d.hierarchy;
        let p = prepared.prepared();
        let number = |x: Option<f64>| x.filter(|x| x.is_finite()).map_or(Json::Null, Json::Num);
        let mut rows = Vec::new();
        for &u in &standings.order {
            let (Some(st), Some(unit)) = (standings.units.get(u), units.get(u)) else {
                continue;
            };
            let row = p.units().iter().position(|x| *x == u);
            let nodes = h
                .nodes()
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let v = row.and_then(|r| p.scores().get(r, i));
                    (n.code.clone(), number(v))
                })
                .collect();
            rows.push(Json::Obj(vec![
                ("rank".into(), number(st.rank.map(f64::from))),
                ("code".into(), Json::Str(unit.code.clone())),
                ("name".into(), Json::Str(unit.name.get("en").to_string())),
                ("score".into(), number(st.score)),
                ("nodes".into(), Json::Obj(nodes)),
            ]));
        }
        out = Json::Obj(vec![
            ("index".into(), Json::Str(d.name.get("en").to_string())),
            ("period".into(), Json::Num(f64::from(period))),
            ("pipe".into(), Json::Str(args.pipe.format())),
            ("units".into(), Json::Arr(rows)),
        ])
        .write();
    } else {
        out.push_str("Rank,Code,Unit,Score\n");
        for &u in &standings.order {
            let (Some(st), Some(unit)) = (standings.units.get(u), units.get(u)) else {
                continue;
            };
            let cells = [
                st.rank.map(|r| r.to_string()).unwrap_or_default(),
                unit.code.clone(),
                unit.name.get("en").to_string(),
                st.score.map(|x| format!("{x:.4}")).unwrap_or_default(),
            ];
            let cells: Vec<String> = cells.iter().map(|c| escape_field(c).into_owned()).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    }
    Ok(out)
}
