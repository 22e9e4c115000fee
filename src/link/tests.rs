//! The link codec's tests: examples, bad input, and (natively) round trips over every parameter
//! with proptest.

use engine::model::Band;
use engine::scoring::Aggregation;

use super::parse::is_origin;
use super::*;

/// The bundled limits.
fn l() -> Limits {
    Limits::bundled()
}

#[test]
fn empty_query_is_the_default_view() {
    let (s, issues) = parse_query("", &l());
    assert_eq!(s, LinkState::defaults(&l()));
    assert!(issues.is_empty());
    assert_eq!(to_query(&s, &l()), "");
}

#[test]
fn documented_example_parses() {
    let (s, issues) = parse_query(
        "?index=csp&year=2021&w=1,1,2,1,1,1,1&country=kgz&view=methods&lang=ru&cov=50",
        &l(),
    );
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(s.index, IndexId::Csp);
    assert_eq!(s.year, 2021);
    assert_eq!(s.weights, Some(vec![1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]));
    assert_eq!(s.country.as_deref(), Some("KGZ"));
    assert_eq!(s.view, View::Methods);
    assert_eq!(s.lang, Lang::Ru);
    assert_eq!(s.min_coverage, Some(50));
    assert_eq!(
        to_query(&s, &l()),
        "index=csp&year=2021&view=methods&country=KGZ&w=1,1,2,1,1,1,1&cov=50&lang=ru"
    );
}

#[test]
fn garbage_falls_back_with_issues() {
    let (s, issues) = parse_query(
        "index=nope&year=1999&w=1,2,NaN,1,1,1,1&w=1&country=<script>&view=x&lang=xx&cov=300&%%%&=&zzz",
        &l(),
    );
    assert_eq!(s, LinkState::defaults(&l()));
    let params: Vec<&str> = issues.iter().map(|i| i.param.as_str()).collect();
    assert_eq!(
        params,
        ["index", "year", "w", "w", "country", "view", "lang", "cov", "%%%", "", "zzz"]
    );
}

#[test]
fn weights_must_be_complete_in_range_and_not_all_zero() {
    for bad in [
        "w=1,1,1",
        "w=0,0,0,0,0,0,0",
        "w=-1,1,1,1,1,1,1",
        "w=11,1,1,1,1,1,1",
        "w=inf,1,1,1,1,1,1",
        "w=1,,1,1,1,1,1",
    ] {
        let (s, issues) = parse_query(bad, &l());
        assert_eq!(s.weights, None, "{bad}");
        assert_eq!(issues.len(), 1, "{bad}");
    }
}

#[test]
fn long_values_are_shortened_and_huge_queries_ignored() {
    let long = format!("view={}", "a".repeat(500));
    let (_, issues) = parse_query(&long, &l());
    assert_eq!(issues[0].value.chars().count(), ECHO_LIMIT + 1);
    let huge = "x".repeat(QUERY_LIMIT + 1);
    let (s, issues) = parse_query(&huge, &l());
    assert_eq!(s, LinkState::defaults(&l()));
    assert_eq!(issues.len(), 1);
}

#[test]
fn explorer_parameters_parse_and_round_trip() {
    let q = "view=simulate&country=KGZ&compare=KGZ,IND,HND&from=2019&to=2024&region=europe&agg=geometric&spread=30&draws=5000&seed=42&scenario=KGZ.5.high,KGZ.3.considerable&sname=Reform%20plan%20%E2%80%94%20A&target=moderate&theme=dark&allow=https%3A%2F%2Fpartner.example,http%3A%2F%2F127.0.0.1%3A8081&accent=%23C00&bg=%23ffffff&eid=w-1";
    let (s, issues) = parse_query(q, &l());
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(s.view, View::Simulate);
    assert_eq!(s.compare, ["KGZ", "IND", "HND"]);
    assert_eq!((s.from, s.to), (Some(2019), Some(2024)));
    assert_eq!(s.region, Region::Europe);
    assert_eq!(s.aggregation, Aggregation::Geometric);
    assert_eq!(
        (s.spread, s.draws, s.seed),
        (Some(30), Some(5000), Some(42))
    );
    assert_eq!(
        s.scenario,
        [
            ScenarioChange {
                iso3: "KGZ".into(),
                pillar: 4,
                band: Band::High
            },
            ScenarioChange {
                iso3: "KGZ".into(),
                pillar: 2,
                band: Band::Considerable
            },
        ]
    );
    assert_eq!(s.scenario_name.as_deref(), Some("Reform plan — A"));
    assert_eq!(s.target, Some(Band::Moderate));
    assert_eq!(s.theme, Theme::Dark);
    assert_eq!(
        s.allow,
        ["https://partner.example", "http://127.0.0.1:8081"]
    );
    let (back, issues) = parse_query(&to_query(&s, &l()), &l());
    assert!(issues.is_empty());
    assert_eq!(back, s);
}

#[test]
fn explorer_parameters_reject_bad_values() {
    for bad in [
        "compare=KGZ,KGZ",
        "compare=A,B",
        "compare=AAA,BBB,CCC,DDD,EEE",
        "from=2030",
        "region=mars",
        "agg=median",
        "spread=101",
        "draws=5",
        "draws=1000000",
        "seed=-1",
        "scenario=KGZ.8.high",
        "scenario=KGZ.1.extreme",
        "scenario=KGZ.1",
        "sname=",
        "target=worse",
        "theme=neon",
        "allow=javascript:alert(1)",
        "allow=https://a.example/path",
        "allow=https://a.example:99999",
        "accent=red",
        "bg=%23ggg",
        "ink=#1234",
        "eid=a%20b",
        "eid=",
    ] {
        let (s, issues) = parse_query(bad, &l());
        assert_eq!(issues.len(), 1, "{bad}");
        assert_eq!(s, LinkState::defaults(&l()), "{bad}");
    }
}

#[test]
fn repeated_scenario_changes_keep_the_last() {
    let (s, issues) = parse_query("scenario=KGZ.5.high,KGZ.3.low,KGZ.5.low", &l());
    assert!(issues.is_empty());
    let short: Vec<(usize, Band)> = s.scenario.iter().map(|c| (c.pillar, c.band)).collect();
    assert_eq!(short, [(2, Band::Low), (4, Band::Low)]);
}

#[test]
fn origins() {
    assert!(is_origin("https://partner.example"));
    assert!(is_origin("http://127.0.0.1:8081"));
    assert!(!is_origin("https://"));
    assert!(!is_origin("ftp://a.example"));
    assert!(!is_origin("https://a.example/"));
    assert!(!is_origin("https://user@a.example"));
}

#[test]
fn percent_decoding() {
    assert_eq!(decode("a%2Cb+c"), "a,b c");
    assert_eq!(decode("%"), "%");
    assert_eq!(decode("%zz"), "%zz");
    assert_eq!(decode("%e2%80%a6"), "…");
    assert_eq!(decode("%f0"), "\u{fffd}");
    let (s, _) = parse_query("w=1%2C1%2C2%2C1%2C1%2C1%2C1", &l());
    assert_eq!(s.weights, Some(vec![1.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0]));
}

#[test]
fn bundled_limits_are_the_bundled_definitions() {
    let (bundle, _) = engine::Bundle::bundled();
    let limits = Limits::bundled();
    assert_eq!(limits.pillars, bundle.gti.pillars.len());
    let years: Vec<u16> = bundle.csp.years().collect();
    assert_eq!(years.first(), Some(&limits.first_year));
    assert_eq!(years.last(), Some(&limits.last_year));
    let coverage = bundle.gti.default_settings().min_coverage;
    assert_eq!(f64::from(limits.coverage), (coverage * 100.0).round());
    assert_eq!(LinkState::defaults(&limits).year, limits.last_year);
}

/// Definitions with another framework and other periods give other limits, and links are read
/// against them: nothing the codec validates is a constant of its own.
#[test]
fn limits_follow_the_definitions() {
    let files = engine::data::Files {
        gti_index: "key,value\ncoverage.min,0.5\n",
        gti_framework:
            "code,level,parent,weight,name_en\na,1,i,1,A\nb,1,i,1,B\nc,1,i,1,C\ni,2,,1,I\n",
        csp_index: "key,value\nperiods,2019-2026\n",
        ..engine::data::Files::bundled()
    };
    let limits = Limits::of(&files.outline().0);
    assert_eq!(
        (limits.pillars, limits.first_year, limits.last_year),
        (3, 2019, 2026)
    );
    assert_eq!(limits.coverage, 50);
    let (s, issues) = parse_query("year=2026&w=1,2,3", &limits);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!((s.year, s.weights), (2026, Some(vec![1.0, 2.0, 3.0])));
    let (s, issues) = parse_query("year=2026&w=1,2,3", &l());
    assert_eq!(issues.len(), 2);
    assert_eq!((s.year, s.weights), (l().last_year, None));
    assert_eq!(LinkState::defaults(&limits).year, 2026);
}

/// Each parameter reads back what its writer wrote, and the writers are what links carry.
#[test]
fn each_parameter_formats_and_parses_once() {
    let w = vec![1.0, 0.5, 2.0, 10.0, 0.0, 1.25, 1.0];
    assert_eq!(format::weights(&w), "1,0.5,2,10,0,1.25,1");
    assert_eq!(parse::weights(&format::weights(&w), 7), Some(w.clone()));
    assert_eq!(parse::valid_weights(w.clone(), 7), Some(w));
    assert_eq!(parse::valid_weights(vec![f64::NAN; 7], 7), None);
    assert_eq!(parse::valid_weights(vec![0.0; 7], 7), None);
    assert_eq!(parse::valid_weights(vec![MAX_WEIGHT + 0.5; 7], 7), None);
    let changes = parse::scenario("kgz.5.high,KGZ.3.considerable", 7).expect("valid");
    assert_eq!(format::scenario(&changes), "KGZ.5.high,KGZ.3.considerable");
    assert_eq!(parse::scenario("", 7), None);
    assert_eq!(parse::country("kgz").as_deref(), Some("KGZ"));
    assert_eq!(parse::country("KG"), None);
    assert_eq!(parse::colour("#C00").as_deref(), Some("#c00"));
    assert_eq!(parse::colour("red"), None);
    assert_eq!(parse::year("2019", &l()), Some(2019));
    assert_eq!(parse::year("2018", &l()), None);
    assert_eq!(parse::scenario_name("  Plan A ").as_deref(), Some("Plan A"));
    assert_eq!(parse::scenario_name(&"x".repeat(MAX_NAME + 1)), None);
    assert_eq!(parse::eid("w-1").as_deref(), Some("w-1"));
    assert_eq!(parse::eid(&"x".repeat(MAX_EID + 1)), None);
    let allow = vec![
        "https://a.example".to_string(),
        "http://127.0.0.1:8081".into(),
    ];
    assert_eq!(parse::origins(&format::origins(&allow)), Some(allow));
    for t in Theme::ALL {
        assert_eq!(parse::theme(t.slug()), Some(t));
    }
    for v in View::ALL {
        assert_eq!(parse::view(v.slug()), Some(v));
    }
    for r in Region::ALL {
        assert_eq!(parse::region(r.slug()), Some(r));
    }
    for a in Aggregation::ALL {
        assert_eq!(parse::aggregation(a.slug()), Some(a));
    }
    for b in Band::ALL {
        assert_eq!(parse::target(b.slug()), Some(b));
    }
}

/// Round trips over every parameter (native only: proptest needs the host's std).
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn aggregation() -> impl Strategy<Value = Aggregation> {
        prop::sample::select(Aggregation::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn url_state_round_trips(
            (index, year, w, country, view, lang, cov) in (
                prop::sample::select(vec![IndexId::Gti2025, IndexId::Csp]),
                2019u16..=2024,
                prop::option::of(prop::collection::vec((0u32..=20).prop_map(|x| f64::from(x) / 2.0), 7)
                    .prop_filter("not all zero", |w| w.iter().any(|x| *x > 0.0))),
                prop::option::of("[A-Z]{3}"),
                prop::sample::select(View::ALL.to_vec()),
                prop::sample::select(Lang::ALL.to_vec()),
                prop::option::of(0u8..=100),
            ),
            (compare, from, to, region, agg, spread, draws, seed) in (
                prop::collection::btree_set("[A-Z]{3}", 0..=4).prop_map(|s| s.into_iter().collect::<Vec<_>>()),
                prop::option::of(2019u16..=2024),
                prop::option::of(2019u16..=2024),
                prop::sample::select(Region::ALL.to_vec()),
                aggregation(),
                prop::option::of(0u8..=100),
                prop::option::of(100u32..=50_000),
                prop::option::of(any::<u64>()),
            ),
            (colours, eid) in (
                prop::collection::vec(prop::option::of("#[0-9a-f]{6}|#[0-9a-f]{3}"), 3),
                prop::option::of("[A-Za-z0-9_-]{1,32}"),
            ),
            (scenario, name, target, dark, allow) in (
                prop::collection::btree_map(("[A-Z]{3}", 0usize..7), 0usize..5, 0..6)
                    .prop_map(|m| m.into_iter().map(|((iso, p), b)| (iso, p, b)).collect::<Vec<_>>()),
                prop::option::of("[a-zA-Zа-я0-9 ,.&%+=—-]{1,60}".prop_filter("trimmed", |s| s.trim() == s && !s.is_empty())),
                prop::option::of(0usize..5),
                any::<bool>(),
                prop::collection::vec("https?://[a-z0-9.-]{1,20}(:[0-9]{1,4})?", 0..3),
            ),
        ) {
            let state = LinkState {
                index, year, weights: w, country, view, lang, min_coverage: cov,
                compare, from, to, region, aggregation: agg, spread, draws, seed,
                scenario: scenario.into_iter().map(|(iso3, pillar, b)| ScenarioChange {
                    iso3, pillar, band: Band::from_index(b).unwrap_or(Band::Low),
                }).collect(),
                scenario_name: name,
                target: target.and_then(Band::from_index),
                theme: if dark { Theme::Dark } else { Theme::Light },
                allow,
                accent: colours[0].clone(),
                bg: colours[1].clone(),
                ink: colours[2].clone(),
                eid,
            };
            let text = to_query(&state, &Limits::bundled());
            let (back, issues) = parse_query(&text, &Limits::bundled());
            prop_assert!(issues.is_empty(), "{:?} from {}", issues, text);
            prop_assert_eq!(back, state);
        }

        #[test]
        fn any_query_string_parses_without_panic(q in ".{0,300}") {
            let (state, _) = parse_query(&q, &Limits::bundled());
            // Whatever came in, what goes out parses cleanly.
            let (again, issues) = parse_query(&to_query(&state, &Limits::bundled()), &Limits::bundled());
            prop_assert!(issues.is_empty());
            prop_assert_eq!(again, state);
        }

        #[test]
        fn weights_round_trip_through_their_own_format(
            w in prop::collection::vec(0.0f64..=MAX_WEIGHT, 7)
                .prop_filter("not all zero", |w| w.iter().any(|x| *x > 0.0)),
        ) {
            prop_assert_eq!(parse::weights(&format::weights(&w), 7), Some(w));
        }

        #[test]
        fn any_weights_validate_alike_as_numbers_and_as_text(
            w in prop::collection::vec(prop_oneof![-1.0f64..12.0, Just(f64::NAN), Just(f64::INFINITY), Just(-0.0)], 0..9),
        ) {
            // An embed's message gives numbers; a link gives text: one rule for both.
            prop_assert_eq!(
                parse::valid_weights(w.clone(), 7).is_some(),
                parse::weights(&format::weights(&w), 7).is_some()
            );
        }
    }
}
