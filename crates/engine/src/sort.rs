//! Sorting through one instance of the standard library's sort.
//!
//! Every `slice::sort_by` with its own element type or comparator is compiled into its own copy
//! of the standard sort (about 4 KB of WebAssembly each, with its helpers). The explorer sorted
//! about twenty kinds of list (names, map entries, band counts, path solutions, chart labels),
//! which came to some 20 KiB of its gzipped download. Here every list is sorted the same way: its
//! positions are sorted by one instance of the sort, the comparator behind a reference, and the
//! list is then put in that order by swaps, the only code compiled per element type.
//!
//! The engine's hot paths (the packed ranking keys, normalisation by percentile rank) keep their
//! own sorts: they run on every recompute, where a comparator behind a reference would cost time.

use std::cmp::Ordering;

/// Sorts `order` (indices) by `cmp`, which must be a total order (so stability cannot matter:
/// every comparator here ends on the indices themselves).
pub fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// Sorts `v` by `cmp`, stably (equal elements keep their order), as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]).then(a.cmp(&b)));
    for (a, b) in swaps(&order) {
        v.swap(a, b);
    }
}

/// Sorts `v` by the key `f` gives, stably, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], f: impl Fn(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The swaps that put a list in `order` (`order[k]`: the position, before any swap, of the
/// element that belongs at `k`), applied first to last: at most one per position.
fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    let n = order.len();
    // `at[p]`: which original element is at position p now; `place[e]`: where element e is.
    let mut at: Vec<usize> = (0..n).collect();
    let mut place: Vec<usize> = (0..n).collect();
    let mut out = Vec::new();
    for (k, &wanted) in order.iter().enumerate() {
        let p = place[wanted];
        if p != k {
            out.push((k, p));
            let displaced = at[k];
            at.swap(k, p);
            place[wanted] = k;
            place[displaced] = p;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        let mut rng = SplitMix64::new(7);
        for n in [0, 1, 2, 3, 10, 57, 400] {
            // Keys with many ties, each element tagged with its position: stability shows.
            let v: Vec<(u64, usize)> = (0..n).map(|i| (rng.next_u64() % 5, i)).collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");

            let mut desc = v.clone();
            sort_by_key(&mut desc, |x| std::cmp::Reverse(x.0));
            let mut std_desc = v.clone();
            std_desc.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(desc, std_desc, "n = {n}");

            let mut whole = v.clone();
            sort(&mut whole);
            let mut std_whole = v;
            std_whole.sort();
            assert_eq!(whole, std_whole, "n = {n}");
        }
    }

    #[test]
    fn owned_values_are_moved_not_copied() {
        let mut names: Vec<String> = ["Russia", "Belarus", "Kyrgyzstan", "Belarus", "Armenia"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        sort(&mut names);
        assert_eq!(
            names,
            ["Armenia", "Belarus", "Belarus", "Kyrgyzstan", "Russia"]
        );
    }

    #[test]
    fn each_position_is_swapped_at_most_once() {
        let mut rng = SplitMix64::new(11);
        let mut order: Vec<usize> = (0..300).collect();
        // A random permutation (Fisher-Yates).
        for i in (1..order.len()).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let swaps = swaps(&order);
        assert!(swaps.len() < order.len());
        let mut v: Vec<usize> = (0..order.len()).collect();
        for (a, b) in swaps {
            v.swap(a, b);
        }
        assert_eq!(v, order);
    }
}
