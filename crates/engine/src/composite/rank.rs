//! Competition ranking ("1, 2, 2, 4") of composite scores: the rule of [`crate::rank`] (scores
//! compared at 1e-6, ties listed by name, missing scores unranked and last), with each score's
//! key computed once rather than in every comparison, which matters for 10,000 units.

use std::cmp::Ordering;

use crate::rank::{key, Ranking};
use crate::sort::sort_indices;

/// Ranks `scores` (higher is better; NaN = no score); `names` break ties.
pub fn rank_by_score(scores: &[f64], names: &[&str]) -> Ranking {
    let keys: Vec<Option<i64>> = scores
        .iter()
        .map(|s| (!s.is_nan()).then(|| key(*s)))
        .collect();
    let mut order = Vec::new();
    let mut ranks = Vec::new();
    rank_keys_into(
        &keys,
        &name_order(names),
        &mut order,
        &mut ranks,
        &mut Vec::new(),
    );
    Ranking { ranks, order }
}

/// Each entry's place in name order (ties between equal names by position): computed once, it
/// breaks score ties as [`rank_by_score`] and [`crate::rank::competition_ranks`] do, by
/// comparing two integers instead of two strings.
pub fn name_order(names: &[&str]) -> Vec<u32> {
    let mut by_name: Vec<usize> = (0..names.len()).collect();
    sort_indices(&mut by_name, &|a, b| names[a].cmp(names[b]).then(a.cmp(&b)));
    let mut place = vec![0; names.len()];
    for (p, &i) in by_name.iter().enumerate() {
        place[i] = p as u32;
    }
    place
}

/// Competition ranks of `keys` (each score's [`key`]; `None`: no score) into `ranks` and the
/// display order into `order`, ties broken by `name_place` ([`name_order`]). The buffers are
/// reused (`packed` is scratch): nothing is allocated once they have grown.
pub(crate) fn rank_keys_into(
    keys: &[Option<i64>],
    name_place: &[u32],
    order: &mut Vec<usize>,
    ranks: &mut Vec<Option<u32>>,
    packed: &mut Vec<u64>,
) {
    order.clear();
    let fits32 = |k: &Option<i64>| k.is_none_or(|k| i32::try_from(k).is_ok());
    if keys.len() == name_place.len() && keys.len() < 1 << 15 && keys.iter().all(fits32) {
        // Scores within +-2147 and fewer than 32,768 entries (every index we know) pack into
        // 64 bits: missing (1), the score descending (32), name place (16), position (15).
        packed.clear();
        packed.extend(
            keys.iter()
                .zip(name_place)
                .enumerate()
                .map(|(i, (k, &place))| {
                    let (missing, descending) = match k {
                        Some(k) => (0u64, u64::from(!((*k as i32 as u32) ^ (1 << 31)))),
                        None => (1u64, 0),
                    };
                    missing << 63 | descending << 31 | u64::from(place & 0xffff) << 15 | i as u64
                }),
        );
        packed.sort_unstable();
        order.extend(packed.iter().map(|p| (*p & 0x7fff) as usize));
    } else {
        // Otherwise (wider scores, more entries) by comparison, each key computed already.
        let place = |i: usize| name_place.get(i).copied().unwrap_or(u32::MAX);
        order.extend(0..keys.len());
        sort_indices(order, &|a, b| {
            let by_score = match (keys[a], keys[b]) {
                (Some(x), Some(y)) => y.cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            by_score
                .then_with(|| place(a).cmp(&place(b)))
                .then(a.cmp(&b))
        });
    }
    ranks.clear();
    ranks.resize(keys.len(), None);
    let mut previous: Option<(i64, u32)> = None;
    for (position, &i) in order.iter().enumerate() {
        let Some(k) = keys[i] else { continue };
        let rank = match previous {
            Some((pk, pr)) if pk == k => pr,
            _ => position as u32 + 1,
        };
        ranks[i] = Some(rank);
        previous = Some((k, rank));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rank::competition_ranks;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn agrees_with_the_engine_ranking() {
        let scores = [50.0, 70.0, f64::NAN, 50.0, 10.0, 0.1 + 0.2, 0.3, f64::NAN];
        let names = [
            "Togo",
            "Italy",
            "Malaysia",
            "Argentina",
            "Libya",
            "B",
            "A",
            "C",
        ];
        let opt: Vec<Option<f64>> = scores.iter().map(|s| (!s.is_nan()).then_some(*s)).collect();
        assert_eq!(
            rank_by_score(&scores, &names),
            competition_ranks(&opt, &names)
        );
        let keys: Vec<Option<i64>> = opt.iter().map(|s| s.map(key)).collect();
        let (mut order, mut ranks) = (Vec::new(), Vec::new());
        rank_keys_into(
            &keys,
            &name_order(&names),
            &mut order,
            &mut ranks,
            &mut Vec::new(),
        );
        assert_eq!(Ranking { ranks, order }, competition_ranks(&opt, &names));
        let r = rank_by_score(&scores, &names);
        assert_eq!(r.ranks[..5], [Some(2), Some(1), None, Some(2), Some(4)]);
        assert_eq!(r.ranks[5], r.ranks[6]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The packed-integer sort orders as the comparison does, negative scores, missing
        /// scores and equal names included.
        #[test]
        fn packed_order_is_the_compared_order(
            keys in proptest::collection::vec(proptest::option::of(-3i64..3), 0..60),
            names in proptest::collection::vec(0u8..4, 60),
        ) {
            let names: Vec<String> = names[..keys.len()].iter().map(|n| n.to_string()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let place = name_order(&names);
            let (mut order, mut ranks) = (Vec::new(), Vec::new());
            rank_keys_into(&keys, &place, &mut order, &mut ranks, &mut Vec::new());
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| (keys[i].is_none(), std::cmp::Reverse(keys[i]), place[i], i));
            proptest::prop_assert_eq!(&order, &expected);
            let scale: Vec<Option<i64>> = keys.iter().map(|k| k.map(|k| k * (i64::MAX / 4))).collect();
            // Keys beyond 32 bits are sorted by comparison; the same order and ranks.
            let (mut order2, mut ranks2) = (Vec::new(), Vec::new());
            rank_keys_into(&scale, &place, &mut order2, &mut ranks2, &mut Vec::new());
            proptest::prop_assert_eq!(&order2, &order);
            proptest::prop_assert_eq!(ranks2, ranks);
        }
    }
}
