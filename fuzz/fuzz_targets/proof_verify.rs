//! Fuzzes the RFC 9162 proof checks that a mirror, a witness or a reader runs on what a log
//! sends: `verify_inclusion` and `verify_consistency` on any sizes, indexes, hashes and proofs
//! read from the bytes (u64 edges included) — never a panic, never a hang. And the proofs the
//! log would serve for those sizes hold: the subtrees `inclusion_ranges` and
//! `consistency_ranges` name, hashed, verify against the tree's root — for any size in a tree
//! whose leaves are all the same (a subtree's hash then depends on its width only, so even a
//! tree of 2^64 − 1 leaves is hashed in a few dozen steps), and for small trees of distinct
//! leaves. An inclusion proof has at most ⌈log2 size⌉ hashes, a consistency proof one more (so
//! up to 65: the 63 a witness reads only fall short for trees of more than 2^62 leaves).
//!
//! Bytes: three little-endian u64 (`a`, `b`, `c`), then 32-byte hashes: a leaf, two roots and
//! the proof.
#![no_main]

use konbit_store::tree::{
    Hash, consistency_ranges, inclusion_ranges, leaf_hash, node_hash, verify_consistency,
    verify_inclusion,
};
use libfuzzer_sys::fuzz_target;
use std::{collections::HashMap, sync::LazyLock};

/// The roots of perfect trees of 2^level leaves that are all `leaf_hash(b"")`, by level.
static PERFECT: LazyLock<[Hash; 64]> = LazyLock::new(|| {
    let mut perfect = [leaf_hash(b""); 64];
    for i in 1..64 {
        perfect[i] = node_hash(&perfect[i - 1], &perfect[i - 1]);
    }
    perfect
});

fn u64_at(data: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    for (i, x) in b.iter_mut().enumerate() {
        *x = data.get(at + i).copied().unwrap_or(0);
    }
    u64::from_le_bytes(b)
}

/// The largest power of two smaller than `n` (`n ≥ 2`), where RFC 6962 splits a tree.
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// MTH of `n ≥ 1` leaves that are all `leaf_hash(b"")`.
fn uniform_root(n: u64, perfect: &[Hash; 64]) -> Hash {
    if n.is_power_of_two() {
        return perfect[n.trailing_zeros() as usize];
    }
    let k = split(n);
    node_hash(
        &perfect[k.trailing_zeros() as usize],
        &uniform_root(n - k, perfect),
    )
}

/// MTH of leaves `lo..hi` (`lo < hi`) where leaf `i` is `leaf_hash(i as little-endian bytes)`.
fn distinct_root(lo: u64, hi: u64, memo: &mut HashMap<(u64, u64), Hash>) -> Hash {
    if hi - lo == 1 {
        return leaf_hash(&lo.to_le_bytes());
    }
    if let Some(h) = memo.get(&(lo, hi)) {
        return *h;
    }
    let k = split(hi - lo);
    let h = node_hash(
        &distinct_root(lo, lo + k, memo),
        &distinct_root(lo + k, hi, memo),
    );
    memo.insert((lo, hi), h);
    h
}

/// The largest tree of distinct leaves hashed.
const SMALL: u64 = 300;

fuzz_target!(|data: &[u8]| {
    let (a, b, c) = (u64_at(data, 0), u64_at(data, 8), u64_at(data, 16));
    let hashes: Vec<Hash> = data
        .get(24..)
        .unwrap_or_default()
        .chunks_exact(32)
        .take(3 + 80)
        .map(|h| h.try_into().expect("32 bytes"))
        .collect();
    let zero = [0u8; 32];
    let leaf = hashes.first().unwrap_or(&zero);
    let root = hashes.get(1).unwrap_or(&zero);
    let other = hashes.get(2).unwrap_or(&zero);
    let proof = hashes.get(3..).unwrap_or_default();

    // Whatever a log sends.
    let _ = verify_inclusion(a, b, leaf, proof, root);
    let _ = verify_inclusion(c, b, leaf, proof, root);
    let _ = verify_consistency(a, b, root, other, proof);
    let _ = verify_consistency(b, c, root, other, proof);
    let _ = verify_consistency(a, a, root, other, proof);

    // What the log serves, for sizes built from the same bytes.
    let size = b;
    if size == 0 {
        return;
    }
    let index = a % size;
    let from = c % size + 1;
    let perfect = &*PERFECT;
    // The tree's height: ⌈log2 size⌉.
    let height = (64 - (size - 1).leading_zeros()) as usize;
    let ranges = inclusion_ranges(index, size);
    assert!(
        ranges.len() <= height,
        "{} hashes to prove {index} in {size}",
        ranges.len()
    );
    let incl: Vec<Hash> = ranges
        .iter()
        .map(|&(lo, hi)| uniform_root(hi - lo, perfect))
        .collect();
    let root_size = uniform_root(size, perfect);
    assert!(
        verify_inclusion(index, size, &perfect[0], &incl, &root_size),
        "inclusion of {index} in {size} (uniform leaves) does not verify: ranges {ranges:?}"
    );
    let ranges = consistency_ranges(from, size);
    assert!(
        ranges.len() <= height + 1,
        "{} hashes from {from} to {size}",
        ranges.len()
    );
    let cons: Vec<Hash> = ranges
        .iter()
        .map(|&(lo, hi)| uniform_root(hi - lo, perfect))
        .collect();
    let root_from = uniform_root(from, perfect);
    assert!(
        verify_consistency(from, size, &root_from, &root_size, &cons),
        "consistency {from} → {size} (uniform leaves) does not verify: ranges {ranges:?}"
    );

    if size <= SMALL {
        let mut memo = HashMap::new();
        let root_size = distinct_root(0, size, &mut memo);
        let incl: Vec<Hash> = inclusion_ranges(index, size)
            .iter()
            .map(|&(lo, hi)| distinct_root(lo, hi, &mut memo))
            .collect();
        let leaf = leaf_hash(&index.to_le_bytes());
        assert!(
            verify_inclusion(index, size, &leaf, &incl, &root_size),
            "inclusion of {index} in {size} does not verify"
        );
        if size > 1 {
            let elsewhere = (index + 1) % size;
            assert!(
                !verify_inclusion(elsewhere, size, &leaf, &incl, &root_size),
                "the proof of {index} in {size} also proves it at {elsewhere}"
            );
        }
        let cons: Vec<Hash> = consistency_ranges(from, size)
            .iter()
            .map(|&(lo, hi)| distinct_root(lo, hi, &mut memo))
            .collect();
        let root_from = distinct_root(0, from, &mut memo);
        assert!(
            verify_consistency(from, size, &root_from, &root_size, &cons),
            "consistency {from} → {size} does not verify"
        );
        if from < size {
            assert!(
                !verify_consistency(from, size, &root_size, &root_size, &cons),
                "consistency {from} → {size} verifies with the wrong old root"
            );
        }
    }
});
