//! One small sort for the few short lists ClaimLens orders: a sentence's
//! candidate claims and occurrences, a piece's candidate matches, the card
//! shards a page needs.
//!
//! The standard library's sorts are faster on long inputs, but every call
//! site instantiates a few kilobytes of them (pattern-defeating quicksort,
//! driftsort, their small-sort networks), and readers download each copy.
//! Heapsort is a dozen lines per instantiation and `O(n log n)` in the worst
//! case. It is not stable, so callers order by a total order: equal
//! elements are then indistinguishable and the result is the one a stable
//! sort would give.

/// Sorts `v` so that no element is `less` than the one before it.
pub(crate) fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let len = v.len();
    // Moves `v[node]` down the max-heap held in `v[..end]`.
    let mut sift_down = |v: &mut [T], mut node: usize, end: usize| loop {
        let mut child = 2 * node + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[node], &v[child]) {
            break;
        }
        v.swap(node, child);
        node = child;
    };
    for node in (0..len / 2).rev() {
        sift_down(v, node, len);
    }
    for end in (1..len).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Sorts `v` in ascending order.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small xorshift generator: deterministic lists of every shape.
    fn lists() -> impl Iterator<Item = Vec<(u8, u16)>> {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..2_000).map(move |i| {
            let len = (i % 70) as usize;
            // Few distinct keys in some lists, so that ties are common.
            let keys = if i % 3 == 0 { 3 } else { 256 };
            (0..len)
                .map(|_| ((next() % keys) as u8, next() as u16))
                .collect()
        })
    }

    #[test]
    fn sorts_like_the_standard_library() {
        for list in lists() {
            let mut expected = list.clone();
            expected.sort();
            let mut got = list.clone();
            sort(&mut got);
            assert_eq!(got, expected, "input {list:?}");
        }
    }

    #[test]
    fn a_total_order_by_key_gives_the_stable_result() {
        for list in lists() {
            let mut expected = list.clone();
            expected.sort_by_key(|&(key, _)| key);
            // Ties broken by the original position: what stability means.
            let mut got: Vec<(usize, (u8, u16))> = list.iter().copied().enumerate().collect();
            sort_by(&mut got, |a, b| (a.1 .0, a.0) < (b.1 .0, b.0));
            let got: Vec<(u8, u16)> = got.into_iter().map(|(_, x)| x).collect();
            assert_eq!(got, expected, "input {list:?}");
        }
    }

    #[test]
    fn reverse_order_and_edge_lengths() {
        let mut empty: Vec<u32> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut descending: Vec<u32> = (0..1_000).rev().collect();
        sort(&mut descending);
        assert_eq!(descending, (0..1_000).collect::<Vec<u32>>());
    }
}
