//! Competition ranking ("1, 2, 2, 4"): rank 1 is the best score; ties share a rank and are
//! listed by name; entries without a score are listed after, by name, unranked.

use crate::composite::rank::{name_order, rank_keys_into};

/// Scores are compared at a fixed precision so that arithmetic noise never splits a tie.
pub(crate) fn key(score: f64) -> i64 {
    let x = score * 1e6;
    // `x.round() as i64`, without the library call `round` is in WebAssembly and on x86-64's
    // baseline: below 2^52, `x - trunc(x)` is exact, so the half step is decided exactly.
    if x.is_nan() || x.abs() >= 4_503_599_627_370_496.0 {
        return x.round() as i64;
    }
    let whole = x as i64;
    let rest = x - whole as f64;
    // Branch-free: the half step falls either way at random.
    whole + i64::from(rest >= 0.5) - i64::from(rest <= -0.5)
}

/// The scores whose ranking key is key(c): [bottom, top), up to the rounding of the key itself.
/// A score above `top` has a higher key, one below `bottom` a lower key.
pub(crate) fn cell(c: f64) -> (f64, f64) {
    let k = key(c) as f64;
    ((k - 0.5) / 1e6, (k + 0.5) / 1e6)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    /// Rank of each entry, in input order.
    pub ranks: Vec<Option<u32>>,
    /// Input indices in display order.
    pub order: Vec<usize>,
}

/// Ranks `scores` (higher is better); `names` break ties and order the unranked. The ranking
/// of the composite model ([`crate::composite::rank_by_score`]), on optional scores.
pub fn competition_ranks(scores: &[Option<f64>], names: &[&str]) -> Ranking {
    let keys: Vec<Option<i64>> = scores.iter().map(|s| s.map(key)).collect();
    let mut ranking = Ranking {
        ranks: Vec::new(),
        order: Vec::new(),
    };
    rank_keys_into(
        &keys,
        &name_order(names),
        &mut ranking.order,
        &mut ranking.ranks,
        &mut Vec::new(),
    );
    ranking
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The key is `(score * 1e6).round() as i64`, exactly, on edge cases and on a sweep of
    /// scores around every half step (natively and in wasm32).
    #[test]
    fn key_rounds_as_the_standard_rounding() {
        let edge = [
            0.0,
            -0.0,
            5e-7,
            -5e-7,
            1.5e-6,
            2.5e-6,
            -2.5e-6,
            0.5f64.next_down() / 1e6,
            -0.5f64.next_down() / 1e6,
            4_503_599_627_370_495.5 / 1e6,
            4_503_599_627_370_497.0 / 1e6,
            9_007_199_254_740_993.0 / 1e6,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for x in edge {
            assert_eq!(key(x), (x * 1e6).round() as i64, "{x}");
        }
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for i in 0..200_000u64 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let score = (state % 200_000_001) as f64 / 1e6 - 100.0 + (i % 3) as f64 * 5e-7;
            assert_eq!(key(score), (score * 1e6).round() as i64, "{score}");
            let half = (state % 2_000_001) as f64 - 1e6 + 0.5;
            assert_eq!(key(half / 1e6), (half / 1e6 * 1e6).round() as i64, "{half}");
        }
    }

    #[test]
    fn ties_share_a_rank_and_sort_by_name() {
        let scores = [Some(50.0), Some(70.0), None, Some(50.0), Some(10.0)];
        let names = ["Togo", "Italy", "Malaysia", "Argentina", "Libya"];
        let r = competition_ranks(&scores, &names);
        assert_eq!(r.ranks, vec![Some(2), Some(1), None, Some(2), Some(4)]);
        assert_eq!(r.order, vec![1, 3, 0, 4, 2]);
    }

    #[test]
    fn arithmetic_noise_does_not_split_ties() {
        let a = 0.1 + 0.2;
        let r = competition_ranks(&[Some(a), Some(0.3)], &["B", "A"]);
        assert_eq!(r.ranks, vec![Some(1), Some(1)]);
        assert_eq!(r.order, vec![1, 0]);
    }
}
