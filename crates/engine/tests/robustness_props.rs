//! Property tests of the what-if and robustness modules on random small indices (native only:
//! proptest needs the host's std; the seeded versions in the modules also run on wasm32).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tie_engine::model::Band;
use tie_engine::rng::SplitMix64;
use tie_engine::robustness::{monte_carlo, rank_bounds, sensitivity, McSettings};
use tie_engine::scoring::{BandScheme, Unit};
use tie_engine::whatif::{path_to_band, PathStatus};
use tie_engine::{Aggregation, Basis, Bundle, GtiModel, Settings};

fn gti() -> GtiModel {
    GtiModel::new(&Bundle::bundled().0.gti)
}

fn band() -> impl Strategy<Value = Band> {
    prop::sample::select(Band::ALL.to_vec())
}

/// A pillar value: mostly a band midpoint (so ties are common), sometimes any number.
fn value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        2 => Just(None),
        5 => band().prop_map(|b| Some(BandScheme::GTI.midpoint(b))),
        1 => (0.0f64..100.0).prop_map(Some),
    ]
}

fn index(pillars: usize) -> impl Strategy<Value = GtiModel> {
    let unit = (
        prop::collection::vec(value(), pillars),
        prop::option::of(band()),
    );
    prop::collection::vec(unit, 2..10).prop_map(move |units| GtiModel {
        scheme: BandScheme::GTI,
        pillar_count: pillars,
        units: units
            .into_iter()
            .enumerate()
            .map(|(i, (values, published))| Unit {
                iso3: format!("U{i:02}"),
                name: format!("Unit {i:02}"),
                values,
                estimated_from_band: true,
                published,
            })
            .collect(),
        default_weights: vec![1.0; pillars],
    })
}

fn weights(pillars: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        prop_oneof![1 => Just(0.0), 2 => Just(1.0), 3 => 0.0f64..10.0],
        pillars,
    )
    .prop_filter("not all zero", |w| w.iter().any(|x| *x > 0.0))
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop::sample::select(Aggregation::ALL.to_vec()),
        prop_oneof![Just(0.0), Just(0.65), 0.0f64..1.0],
    )
        .prop_map(|(aggregation, min_coverage)| Settings {
            min_coverage,
            aggregation,
        })
}

fn spread() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(1.0),
        Just(0.5),
        Just(0.25),
        0.0f64..1.0,
        1.0f64..3.0
    ]
}

/// A model, weights for it and settings.
fn case() -> impl Strategy<Value = (GtiModel, Vec<f64>, Settings)> {
    (1usize..7).prop_flat_map(|p| (index(p), weights(p), settings()))
}

/// Ranks at every vertex of the weight box and in every Monte Carlo draw lie within the bounds.
fn bounds_hold(
    m: &GtiModel,
    w: &[f64],
    s: &Settings,
    spread: f64,
    seed: u64,
) -> Result<(), String> {
    let bounds = rank_bounds(m, w, s, spread).map_err(|e| e.to_string())?;
    let within = |u: usize, r: u32, what: &str| {
        let (best, worst) = (bounds[u].best.unwrap_or(0), bounds[u].worst.unwrap_or(0));
        if best <= r && r <= worst {
            Ok(())
        } else {
            Err(format!(
                "unit {u}: {what} rank {r} outside [{best}, {worst}]"
            ))
        }
    };
    let c = if spread.is_nan() {
        0.0
    } else {
        spread.clamp(0.0, 1.0)
    };
    for corner in 0..1u32 << w.len() {
        let v: Vec<f64> = w
            .iter()
            .enumerate()
            .map(|(i, x)| {
                x * if corner >> i & 1 == 1 {
                    1.0 + c
                } else {
                    1.0 - c
                }
            })
            .collect();
        let Ok(scored) = m.score(&v, s) else { continue };
        for (u, o) in scored.outcomes.iter().enumerate() {
            if let Some(r) = o.rank {
                within(u, r, "vertex")?;
            }
        }
    }
    let mc = McSettings {
        spread,
        draws: 100,
        seed,
    };
    let r = monte_carlo(m, w, s, &mc).map_err(|e| e.to_string())?;
    for (u, unit) in r.units.iter().enumerate() {
        for (k, count) in unit.rank_histogram.iter().enumerate() {
            if *count > 0 {
                within(u, k as u32 + 1, "draw")?;
            }
        }
    }
    Ok(())
}

/// The fewest steps and every cheapest step vector, by trying every step vector.
fn brute_force(
    m: &GtiModel,
    unit: usize,
    target: Band,
    w: &[f64],
    s: &Settings,
) -> Option<(u32, Vec<Vec<u32>>)> {
    let u = &m.units[unit];
    let bands: Vec<Option<Band>> = u
        .values
        .iter()
        .map(|v| v.map(|v| m.scheme.band(v)))
        .collect();
    let caps: Vec<u32> = bands
        .iter()
        .map(|b| b.map_or(0, |b| 4 - b.index() as u32))
        .collect();
    let mut v = vec![0u32; caps.len()];
    let mut best: Option<(u32, Vec<Vec<u32>>)> = None;
    let mut scratch = u.clone();
    loop {
        for (i, b) in bands.iter().enumerate() {
            if let Some(b) = b {
                scratch.values[i] = if v[i] == 0 {
                    u.values[i]
                } else {
                    Band::from_index(b.index() + v[i] as usize).map(|x| m.scheme.midpoint(x))
                };
            }
        }
        let o = m.outcome(&scratch, w, s);
        let total: u32 = v.iter().sum();
        if total > 0 && o.basis == Basis::Recomputed && o.band.is_some_and(|b| b >= target) {
            match &mut best {
                Some((t, list)) if *t == total => list.push(v.clone()),
                Some((t, _)) if *t < total => {}
                _ => best = Some((total, vec![v.clone()])),
            }
        }
        let Some(i) = (0..v.len()).find(|i| v[*i] < caps[*i]) else {
            break;
        };
        v[i] += 1;
        for x in &mut v[..i] {
            *x = 0;
        }
    }
    best.map(|(t, mut l)| {
        l.sort();
        (t, l)
    })
}

proptest! {
    #[test]
    fn ranks_stay_within_bounds_on_random_indices((m, w, s) in case(), spread in spread(), seed in any::<u64>()) {
        prop_assert_eq!(bounds_hold(&m, &w, &s, spread, seed), Ok(()));
    }

    #[test]
    fn ranks_stay_within_bounds_on_the_gti(w in weights(7), s in settings(), spread in spread(), seed in any::<u64>()) {
        prop_assert_eq!(bounds_hold(&gti(), &w, &s, spread, seed), Ok(()));
    }

    #[test]
    fn bounds_at_spread_zero_are_the_ranks((m, w, s) in case()) {
        let scored = m.score(&w, &s).expect("valid");
        let bounds = rank_bounds(&m, &w, &s, 0.0).expect("valid");
        for (o, b) in scored.outcomes.iter().zip(&bounds) {
            prop_assert_eq!((b.best, b.worst), (o.rank, o.rank));
        }
    }

    #[test]
    fn monte_carlo_equals_repeated_scoring((m, w, s) in case(), spread in spread(), seed in any::<u64>()) {
        let mc = McSettings { spread, draws: 40, seed };
        let r = monte_carlo(&m, &w, &s, &mc).expect("valid");
        let c = spread.clamp(0.0, 1.0);
        let mut rng = SplitMix64::new(seed);
        let n = m.units.len();
        let mut ranks = vec![vec![0u32; n]; n];
        for _ in 0..40 {
            let v: Vec<f64> = w.iter().map(|x| x * rng.uniform(1.0 - c, 1.0 + c)).collect();
            let scored = m.score(&v, &s).expect("no zero draw here");
            for (u, o) in scored.outcomes.iter().enumerate() {
                if let Some(k) = o.rank {
                    ranks[u][k as usize - 1] += 1;
                }
            }
        }
        for (u, unit) in r.units.iter().enumerate() {
            prop_assert_eq!(&unit.rank_histogram, &ranks[u]);
        }
    }

    #[test]
    fn path_search_equals_brute_force((m, w, s) in case(), target in band(), unit in 0usize..10) {
        let unit = unit % m.units.len();
        let r = path_to_band(&m, &m.units[unit].iso3, target, &w, &s).expect("valid");
        let expected = brute_force(&m, unit, target, &w, &s);
        match r.status {
            PathStatus::AlreadyThere => prop_assert!(r.current_band.is_some_and(|b| b >= target)),
            PathStatus::Reachable => {
                let (t, list) = expected.expect("brute force finds it too");
                prop_assert_eq!(r.steps, t);
                let mut got: Vec<Vec<u32>> = r.solutions.iter().map(|x| x.steps.clone()).collect();
                got.sort();
                prop_assert_eq!(got, list);
            }
            PathStatus::Unreachable(_) => prop_assert_eq!(expected, None),
        }
    }

    #[test]
    fn path_search_equals_brute_force_on_the_gti(w in weights(7), s in settings(), target in band(), iso in prop::sample::select(vec!["KGZ", "IND", "HND"])) {
        let m = gti();
        let unit = m.index_of(iso).expect("member");
        let r = path_to_band(&m, iso, target, &w, &s).expect("valid");
        let expected = brute_force(&m, unit, target, &w, &s);
        match r.status {
            PathStatus::AlreadyThere => prop_assert!(r.current_band.is_some_and(|b| b >= target)),
            PathStatus::Reachable => {
                let (t, list) = expected.expect("brute force finds it too");
                prop_assert_eq!(r.steps, t);
                let mut got: Vec<Vec<u32>> = r.solutions.iter().map(|x| x.steps.clone()).collect();
                got.sort();
                prop_assert_eq!(got, list);
            }
            PathStatus::Unreachable(_) => prop_assert_eq!(expected, None),
        }
    }

    #[test]
    fn sensitivity_is_the_derivative(
        (m, _, s) in case(),
        w in prop::collection::vec(0.5f64..5.0, 6),
        unit in 0usize..10,
    ) {
        let w = &w[..m.pillar_count];
        let unit = unit % m.units.len();
        let g = sensitivity(&m, w, &s, &m.units[unit].iso3).expect("valid");
        let at = |w: &[f64]| m.outcome(&m.units[unit], w, &s).score;
        for j in 0..w.len() {
            let h = 1e-5 * w[j];
            let mut up = w.to_vec();
            up[j] += h;
            let mut down = w.to_vec();
            down[j] -= h;
            match (at(&up), at(&down)) {
                (Some(a), Some(b)) => {
                    let numeric = (a - b) / (2.0 * h);
                    prop_assert!((numeric - g[j]).abs() < 1e-5 * (1.0 + g[j].abs()), "{} vs {}", numeric, g[j]);
                }
                _ => prop_assert_eq!(g[j], 0.0),
            }
        }
    }
}
