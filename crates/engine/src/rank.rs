//! Competition ranking ("1, 2, 2, 4"): rank 1 is the best score; ties share a rank and are
//! listed by name; entries without a score are listed after, by name, unranked.

use std::cmp::Ordering;

/// Scores are compared at a fixed precision so that arithmetic noise never splits a tie.
pub(crate) fn key(score: f64) -> i64 {
    (score * 1e6).round() as i64
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking {
    /// Rank of each entry, in input order.
    pub ranks: Vec<Option<u32>>,
    /// Input indices in display order.
    pub order: Vec<usize>,
}

/// Ranks `scores` (higher is better); `names` break ties and order the unranked.
pub fn competition_ranks(scores: &[Option<f64>], names: &[&str]) -> Ranking {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| {
        let by_score = match (scores[a], scores[b]) {
            (Some(x), Some(y)) => key(y).cmp(&key(x)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_score
            .then_with(|| names.get(a).cmp(&names.get(b)))
            .then(a.cmp(&b))
    });
    let mut ranks = vec![None; scores.len()];
    let mut previous: Option<(i64, u32)> = None;
    for (position, &i) in order.iter().enumerate() {
        let Some(score) = scores[i] else { continue };
        let k = key(score);
        let rank = match previous {
            Some((pk, pr)) if pk == k => pr,
            _ => position as u32 + 1,
        };
        ranks[i] = Some(rank);
        previous = Some((k, rank));
    }
    Ranking { ranks, order }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

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
