//! The Merkle tree over the record log (RFC 6962 §2.1, RFC 9162 §2.1): leaf `i` is the 32-byte
//! chain hash of the entry with `seq = i + 1`. This module owns the tree's hashing, its storage
//! (every complete node in `log_tree`, appended in the writer's transaction, O(log n) work per
//! entry), the roots and proofs for any size, their verification, and the hashes the C2SP
//! tlog-tiles serve. Proofs reveal nothing of an entry: a leaf is already a hash.

use crate::{Ex, Result, StoreError, on};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// A SHA-256 hash.
pub type Hash = [u8; 32];

/// The hash of a leaf: `SHA-256(0x00 ‖ data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// The hash of an inner node: `SHA-256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The root of the empty tree: the hash of the empty string.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// A complete node: the root of leaves `index·2^level .. (index+1)·2^level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Node {
    /// Height above the leaves (0: a leaf).
    pub level: u32,
    /// Position among the nodes of its level.
    pub index: u64,
}

/// The largest power of two smaller than `n` (`n ≥ 2`): where RFC 6962 splits a tree.
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// The complete nodes that make up the subtree over leaves `lo..hi`, largest first. Every range
/// the RFC's recursion produces starts at a multiple of its first node's width, so the nodes
/// exist as stored; another range is an error.
fn range_nodes(lo: u64, hi: u64) -> Result<Vec<Node>> {
    let mut out = Vec::new();
    let mut start = lo;
    while start < hi {
        let level = 63 - (hi - start).leading_zeros();
        if !start.is_multiple_of(1 << level) {
            return Err(StoreError::Internal(format!(
                "leaves {lo}..{hi} are not a subtree of the log's tree"
            )));
        }
        out.push(Node {
            level,
            index: start >> level,
        });
        start += 1 << level;
    }
    Ok(out)
}

/// The hash of a subtree from its complete nodes, largest first: MTH splits off the largest
/// power of two, so the nodes fold from the right.
fn fold(hashes: &[Hash]) -> Hash {
    let mut it = hashes.iter().rev();
    let Some(last) = it.next() else {
        return empty_root();
    };
    it.fold(*last, |acc, h| node_hash(h, &acc))
}

/// RFC 9162 §2.1.3.1 PATH(m, D[lo:hi]): the subtrees whose hashes prove leaf `m`, deepest first.
fn path(m: u64, lo: u64, hi: u64, out: &mut Vec<(u64, u64)>) {
    let n = hi - lo;
    if n <= 1 {
        return;
    }
    let k = split(n);
    if m - lo < k {
        path(m, lo, lo + k, out);
        out.push((lo + k, hi));
    } else {
        path(m, lo + k, hi, out);
        out.push((lo, lo + k));
    }
}

/// RFC 9162 §2.1.4.1 SUBPROOF(m, D[lo:hi], b), `m` counted from `lo`.
fn subproof(m: u64, lo: u64, hi: u64, whole: bool, out: &mut Vec<(u64, u64)>) {
    let n = hi - lo;
    if m == n {
        if !whole {
            out.push((lo, hi));
        }
        return;
    }
    let k = split(n);
    if m <= k {
        subproof(m, lo, lo + k, whole, out);
        out.push((lo + k, hi));
    } else {
        subproof(m - k, lo + k, hi, false, out);
        out.push((lo, lo + k));
    }
}

/// The subtrees an inclusion proof of leaf `index` in a tree of `size` leaves is made of.
pub fn inclusion_ranges(index: u64, size: u64) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    if index < size {
        path(index, 0, size, &mut out);
    }
    out
}

/// The subtrees a consistency proof from `from` to `to` leaves is made of (`0 < from ≤ to`).
pub fn consistency_ranges(from: u64, to: u64) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    if 0 < from && from < to {
        subproof(from, 0, to, true, &mut out);
    }
    out
}

/// RFC 9162 §2.1.3.2: whether `proof` shows the leaf `leaf` at `index` in the tree of `size`
/// leaves with root `root`.
pub fn verify_inclusion(index: u64, size: u64, leaf: &Hash, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && r == *root
}

/// RFC 9162 §2.1.4.2: whether `proof` shows that the tree of `to` leaves with root `to_root`
/// extends the tree of `from` leaves with root `from_root`. Equal sizes need an empty proof
/// and equal roots.
pub fn verify_consistency(
    from: u64,
    to: u64,
    from_root: &Hash,
    to_root: &Hash,
    proof: &[Hash],
) -> bool {
    if from == 0 || from > to {
        return false;
    }
    if from == to {
        return proof.is_empty() && from_root == to_root;
    }
    if proof.is_empty() {
        return false;
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if from.is_power_of_two() {
        path.push(*from_root);
    }
    path.extend_from_slice(proof);
    let (mut f, mut s) = (from - 1, to - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (path[0], path[0]);
    for c in &path[1..] {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    fr == *from_root && sr == *to_root && s == 0
}

/// The tree's right edge as it grows: the root of each complete subtree still waiting for a
/// right sibling (at most one per level), and the nodes completed since the last
/// [`Appender::take`]. Memory is O(log n) however long the log.
#[derive(Debug, Clone, Default)]
pub struct Appender {
    size: u64,
    pending: Vec<Option<Hash>>,
    done: Vec<(Node, Hash)>,
}

impl Appender {
    /// An empty tree.
    pub fn new() -> Appender {
        Appender::default()
    }

    /// Leaves so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Adds the next leaf (an entry's chain hash).
    pub fn push(&mut self, data: &[u8]) {
        let mut h = leaf_hash(data);
        let mut node = Node {
            level: 0,
            index: self.size,
        };
        self.done.push((node, h));
        while node.index & 1 == 1 {
            let level = node.level as usize;
            let left = self.pending.get_mut(level).and_then(Option::take);
            // The left sibling of an odd node is always pending; a missing one means the edge
            // was loaded wrongly, and hashing on would store a wrong tree.
            let Some(left) = left else { break };
            h = node_hash(&left, &h);
            node = Node {
                level: node.level + 1,
                index: node.index >> 1,
            };
            self.done.push((node, h));
        }
        let level = node.level as usize;
        if self.pending.len() <= level {
            self.pending.resize(level + 1, None);
        }
        self.pending[level] = Some(h);
        self.size += 1;
    }

    /// The root of the tree so far.
    pub fn root(&self) -> Hash {
        let edge: Vec<Hash> = self.pending.iter().rev().flatten().copied().collect();
        fold(&edge)
    }

    /// The nodes completed since the last call.
    pub fn take(&mut self) -> Vec<(Node, Hash)> {
        std::mem::take(&mut self.done)
    }
}

/// Number of leaves in the stored tree.
pub async fn size(ex: &mut Ex<'_>) -> Result<u64> {
    let n: i64 = on!(ex, |c| sqlx::query_scalar(
        "SELECT COALESCE(MAX(idx) + 1, 0) FROM log_tree WHERE level = 0"
    )
    .fetch_one(c)
    .await)?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Most nodes read by one query (two parameters each).
const FETCH_NODES: usize = 200;

/// The stored hashes of `nodes`; a node the tree does not hold is an error naming it.
pub async fn fetch(ex: &mut Ex<'_>, nodes: &[Node]) -> Result<HashMap<Node, Hash>> {
    let mut out = HashMap::with_capacity(nodes.len());
    let mut wanted: Vec<Node> = nodes.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    for part in wanted.chunks(FETCH_NODES) {
        let cond: Vec<String> = (0..part.len())
            .map(|i| format!("(level = ${} AND idx = ${})", 2 * i + 1, 2 * i + 2))
            .collect();
        let sql = format!(
            "SELECT level, idx, hash FROM log_tree WHERE {}",
            cond.join(" OR ")
        );
        let rows: Vec<(i64, i64, Vec<u8>)> = on!(ex, |c| {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str()));
            for n in part {
                q = q.bind(i64::from(n.level)).bind(signed(n.index));
            }
            q.fetch_all(c).await
        })?;
        for (level, idx, hash) in rows {
            let node = Node {
                level: u32::try_from(level).map_err(StoreError::internal)?,
                index: u64::try_from(idx).map_err(StoreError::internal)?,
            };
            out.insert(node, to_hash(&hash)?);
        }
    }
    if let Some(n) = wanted.iter().find(|n| !out.contains_key(n)) {
        return Err(StoreError::Internal(format!(
            "the log's tree has no node {} at level {}: run `konbit rebuild`",
            n.index, n.level
        )));
    }
    Ok(out)
}

fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_hash(b: &[u8]) -> Result<Hash> {
    b.try_into()
        .map_err(|_| StoreError::Internal("a stored tree hash is not 32 bytes".into()))
}

/// The hashes of the subtrees `ranges`, in order, read in one go.
async fn subtree_hashes(ex: &mut Ex<'_>, ranges: &[(u64, u64)]) -> Result<Vec<Hash>> {
    let parts: Vec<Vec<Node>> = ranges
        .iter()
        .map(|(lo, hi)| range_nodes(*lo, *hi))
        .collect::<Result<_>>()?;
    let all: Vec<Node> = parts.iter().flatten().copied().collect();
    let got = fetch(ex, &all).await?;
    Ok(parts
        .iter()
        .map(|nodes| {
            let hashes: Vec<Hash> = nodes.iter().filter_map(|n| got.get(n).copied()).collect();
            fold(&hashes)
        })
        .collect())
}

/// The root of the tree over the first `size` leaves.
pub async fn root(ex: &mut Ex<'_>, size: u64) -> Result<Hash> {
    if size == 0 {
        return Ok(empty_root());
    }
    Ok(subtree_hashes(ex, &[(0, size)]).await?[0])
}

/// The inclusion proof of leaf `index` in the tree of `size` leaves.
pub async fn inclusion_proof(ex: &mut Ex<'_>, index: u64, size: u64) -> Result<Vec<Hash>> {
    subtree_hashes(ex, &inclusion_ranges(index, size)).await
}

/// The consistency proof from the tree of `from` leaves to the tree of `to` leaves.
pub async fn consistency_proof(ex: &mut Ex<'_>, from: u64, to: u64) -> Result<Vec<Hash>> {
    subtree_hashes(ex, &consistency_ranges(from, to)).await
}

/// The right edge of the stored tree of `size` leaves, ready to grow.
async fn load(ex: &mut Ex<'_>, size: u64) -> Result<Appender> {
    let edge = range_nodes(0, size)?;
    let got = fetch(ex, &edge).await?;
    let mut pending = vec![None; 64];
    for n in &edge {
        pending[n.level as usize] = got.get(n).copied();
    }
    Ok(Appender {
        size,
        pending,
        done: Vec::new(),
    })
}

/// Rows per multi-row INSERT of tree nodes (three parameters each).
const INSERT_NODES: usize = 1000;

async fn store(ex: &mut Ex<'_>, nodes: &[(Node, Hash)]) -> Result<()> {
    if let Some(held) = ex.held() {
        use crate::held::Val;
        for (n, h) in nodes {
            held.push(
                "log_tree",
                &[&["level", "idx", "hash"]],
                vec![
                    Val::Int(Some(i64::from(n.level))),
                    Val::Int(Some(signed(n.index))),
                    Val::Blob(Some(h.to_vec())),
                ],
            );
        }
        return Ok(());
    }
    for part in nodes.chunks(INSERT_NODES) {
        let sql = crate::values_sql(
            ex.is_sqlite(),
            "INSERT INTO log_tree (level, idx, hash) VALUES ",
            3,
            part.len(),
        );
        on!(ex, |c| {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
            for (n, h) in part {
                q = q
                    .bind(i64::from(n.level))
                    .bind(signed(n.index))
                    .bind(h.as_slice());
            }
            q.execute(c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Entries read at a time while the tree catches up.
const CATCH_UP_PAGE: i64 = 5000;

/// Brings the stored tree up to the log's `length` entries, reading only the entries it lacks
/// and the O(log n) nodes of its right edge. Runs in the writer's transaction before each
/// commit, so the tree never lags what is committed. Returns the tree's size.
pub async fn catch_up(ex: &mut Ex<'_>, length: i64) -> Result<u64> {
    let target = u64::try_from(length).unwrap_or(0);
    let have = size(ex).await?;
    if have == target {
        return Ok(have);
    }
    Ok(catch_up_from(ex, have, target).await?.size())
}

/// [`catch_up`], returning the tree's right edge for [`grow`] to go on from.
pub async fn catch_up_edge(ex: &mut Ex<'_>, length: i64) -> Result<Appender> {
    let target = u64::try_from(length).unwrap_or(0);
    let have = size(ex).await?;
    catch_up_from(ex, have, target).await
}

/// Adds the chain hashes of the entries that follow `tree`'s last leaf and stores the nodes
/// they complete: the writer keeps the edge of the tree it committed, and the leaves of its
/// batch are the entries it just appended, so this reads nothing.
pub async fn grow(ex: &mut Ex<'_>, tree: &mut Appender, leaves: &[Hash]) -> Result<()> {
    for leaf in leaves {
        tree.push(leaf);
    }
    store(ex, &tree.take()).await
}

async fn catch_up_from(ex: &mut Ex<'_>, have: u64, target: u64) -> Result<Appender> {
    if have > target {
        return Err(StoreError::Internal(format!(
            "the log's tree has {have} leaves but the log {target} entries: run `konbit rebuild`"
        )));
    }
    let mut tree = load(ex, have).await?;
    while tree.size() < target {
        let after = signed(tree.size());
        let rows: Vec<(i64, Vec<u8>)> = on!(ex, |c| sqlx::query_as(
            "SELECT seq, hash FROM log WHERE seq > $1 ORDER BY seq LIMIT $2"
        )
        .bind(after)
        .bind(CATCH_UP_PAGE)
        .fetch_all(c)
        .await)?;
        if rows.is_empty() {
            break;
        }
        for (seq, hash) in rows {
            if u64::try_from(seq).ok() != Some(tree.size() + 1) {
                return Err(StoreError::Internal(format!(
                    "entry {} is missing from the log",
                    tree.size() + 1
                )));
            }
            tree.push(&hash);
        }
        store(ex, &tree.take()).await?;
    }
    Ok(tree)
}

/// Empties the stored tree (a rebuild then writes it again with [`catch_up`]).
pub async fn clear(ex: &mut Ex<'_>) -> Result<()> {
    on!(ex, |c| sqlx::query("DELETE FROM log_tree")
        .execute(c)
        .await
        .map(|_| ()))?;
    Ok(())
}

/// The hashes of C2SP tlog-tiles tile `index` at tile level `tile_level` (tiles of height 8),
/// `width` of them: the nodes at tree level `8 · tile_level`. None when the tree does not yet
/// hold them all.
pub async fn tile(
    ex: &mut Ex<'_>,
    tile_level: u32,
    index: u64,
    width: u64,
) -> Result<Option<Vec<u8>>> {
    let level = i64::from(tile_level) * 8;
    let from = index.checked_mul(256).map(signed).unwrap_or(i64::MAX);
    let to = from.saturating_add(signed(width));
    let rows: Vec<Vec<u8>> = on!(ex, |c| sqlx::query_scalar(
        "SELECT hash FROM log_tree WHERE level = $1 AND idx >= $2 AND idx < $3 ORDER BY idx"
    )
    .bind(level)
    .bind(from)
    .bind(to)
    .fetch_all(c)
    .await)?;
    if u64::try_from(rows.len()).ok() != Some(width) {
        return Ok(None);
    }
    Ok(Some(rows.concat()))
}

/// The chain hashes of `width` entries from leaf `index · 256`: a C2SP tlog-tiles entry bundle
/// (each entry a big-endian u16 length and its bytes). None when the log is shorter.
pub async fn entry_bundle(ex: &mut Ex<'_>, index: u64, width: u64) -> Result<Option<Vec<u8>>> {
    let from = index.checked_mul(256).map(signed).unwrap_or(i64::MAX);
    let rows: Vec<Vec<u8>> = on!(ex, |c| sqlx::query_scalar(
        "SELECT hash FROM log WHERE seq > $1 AND seq <= $2 ORDER BY seq"
    )
    .bind(from)
    .bind(from.saturating_add(signed(width)))
    .fetch_all(c)
    .await)?;
    if u64::try_from(rows.len()).ok() != Some(width) {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(rows.len() * 34);
    for h in rows {
        out.extend_from_slice(&u16::try_from(h.len()).unwrap_or(u16::MAX).to_be_bytes());
        out.extend_from_slice(&h);
    }
    Ok(Some(out))
}

/// What the tree recomputed from the log's chain hashes (not from its stored nodes) came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recomputed {
    /// Leaves: the log's length.
    pub size: u64,
    /// The root at that size.
    pub root: Hash,
    /// The root at each size asked for that the log reaches, in the order asked.
    pub roots_at: Vec<(u64, Hash)>,
}

/// Recomputes the tree from the log's chain hashes, page by page (memory stays O(log n)),
/// noting the root at each of `sizes`.
pub async fn recompute(ex: &mut Ex<'_>, sizes: &[u64]) -> Result<Recomputed> {
    let mut tree = Appender::new();
    let mut at: HashMap<u64, Hash> = HashMap::new();
    let mut take_root = |tree: &Appender| {
        if sizes.contains(&tree.size()) {
            at.insert(tree.size(), tree.root());
        }
    };
    take_root(&tree);
    loop {
        let rows: Vec<Vec<u8>> = on!(ex, |c| sqlx::query_scalar(
            "SELECT hash FROM log WHERE seq > $1 ORDER BY seq LIMIT $2"
        )
        .bind(signed(tree.size()))
        .bind(CATCH_UP_PAGE)
        .fetch_all(c)
        .await)?;
        if rows.is_empty() {
            break;
        }
        for h in rows {
            tree.push(&h);
            // Only the right edge is needed to go on.
            tree.done.clear();
            take_root(&tree);
        }
    }
    Ok(Recomputed {
        size: tree.size(),
        root: tree.root(),
        roots_at: sizes
            .iter()
            .filter_map(|s| at.get(s).map(|r| (*s, *r)))
            .collect(),
    })
}

impl crate::Store {
    /// Recomputes the tree from the log's chain hashes, with its root at each of `sizes`.
    pub async fn recompute_tree(&self, sizes: &[u64]) -> Result<Recomputed> {
        recompute(&mut self.conn().await?.ex(), sizes).await
    }

    /// Leaves in the stored tree (the log's length once the writer has caught up).
    pub async fn tree_size(&self) -> Result<u64> {
        size(&mut self.conn().await?.ex()).await
    }

    /// The root of the tree over the first `size` entries.
    pub async fn tree_root(&self, size: u64) -> Result<Hash> {
        root(&mut self.conn().await?.ex(), size).await
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves.
    pub async fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>> {
        inclusion_proof(&mut self.conn().await?.ex(), index, size).await
    }

    /// The consistency proof from `from` to `to` leaves.
    pub async fn consistency_proof(&self, from: u64, to: u64) -> Result<Vec<Hash>> {
        consistency_proof(&mut self.conn().await?.ex(), from, to).await
    }

    /// A tlog-tiles hash tile, when the tree holds it whole.
    pub async fn tree_tile(&self, level: u32, index: u64, width: u64) -> Result<Option<Vec<u8>>> {
        tile(&mut self.conn().await?.ex(), level, index, width).await
    }

    /// A tlog-tiles entry bundle, when the log holds it whole.
    pub async fn tree_entries(&self, index: u64, width: u64) -> Result<Option<Vec<u8>>> {
        entry_bundle(&mut self.conn().await?.ex(), index, width).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(n: u64) -> Vec<Hash> {
        (0..n)
            .map(|i| Sha256::digest(i.to_be_bytes()).into())
            .collect()
    }

    /// MTH of RFC 6962 §2.1, by its recursive definition, over raw leaf data.
    fn mth(d: &[Hash]) -> Hash {
        match d.len() {
            0 => empty_root(),
            1 => leaf_hash(&d[0]),
            n => {
                let k = usize::try_from(split(n as u64)).expect("fits");
                node_hash(&mth(&d[..k]), &mth(&d[k..]))
            }
        }
    }

    /// Every node of the tree of `d`, as the appender stores them.
    fn stored(d: &[Hash]) -> HashMap<Node, Hash> {
        let mut a = Appender::new();
        let mut all = HashMap::new();
        for x in d {
            a.push(x);
            all.extend(a.take());
        }
        all
    }

    fn hashes(all: &HashMap<Node, Hash>, ranges: &[(u64, u64)]) -> Vec<Hash> {
        ranges
            .iter()
            .map(|(lo, hi)| {
                let nodes = range_nodes(*lo, *hi).expect("a subtree");
                fold(&nodes.iter().map(|n| all[n]).collect::<Vec<_>>())
            })
            .collect()
    }

    #[test]
    fn roots_follow_the_definition() {
        let d = leaves(70);
        let mut a = Appender::new();
        assert_eq!(a.root(), empty_root());
        let mut all = HashMap::new();
        for (i, x) in d.iter().enumerate() {
            a.push(x);
            all.extend(a.take());
            assert_eq!(a.root(), mth(&d[..=i]), "root at size {}", i + 1);
            assert_eq!(hashes(&all, &[(0, i as u64 + 1)])[0], a.root());
        }
        // Under two nodes per leaf: 70 leaves and the 70 − popcount(70) complete inner nodes.
        assert_eq!(all.len(), 70 + 67);
    }

    /// The proofs verify, by our verifier and by an independent implementation of the same RFC
    /// (the tlog crate, a port of Go's sumdb/tlog), and fail when anything is changed.
    #[test]
    fn proofs_verify_both_ways() {
        let d = leaves(40);
        let all = stored(&d);
        let roots: Vec<Hash> = (0..=40).map(|n| mth(&d[..n])).collect();
        for size in 1..=40u64 {
            for index in 0..size {
                let proof = hashes(&all, &inclusion_ranges(index, size));
                let leaf = leaf_hash(&d[index as usize]);
                let root = roots[size as usize];
                assert!(verify_inclusion(index, size, &leaf, &proof, &root));
                let theirs = proof.iter().map(|h| tlog_tiles::Hash(*h)).collect();
                tlog_tiles::check_record(
                    &theirs,
                    size,
                    tlog_tiles::Hash(root),
                    index,
                    tlog_tiles::Hash(leaf),
                )
                .expect("the tlog crate accepts our inclusion proof");
                assert!(!verify_inclusion(index, size, &leaf, &proof, &roots[0]));
                if let Some(first) = proof.first() {
                    let mut bad = proof.clone();
                    bad[0] = leaf_hash(first);
                    assert!(!verify_inclusion(index, size, &leaf, &bad, &root));
                }
            }
            for from in 1..=size {
                let proof = hashes(&all, &consistency_ranges(from, size));
                let (a, b) = (roots[from as usize], roots[size as usize]);
                assert!(
                    verify_consistency(from, size, &a, &b, &proof),
                    "{from}->{size}"
                );
                let theirs = proof.iter().map(|h| tlog_tiles::Hash(*h)).collect();
                tlog_tiles::check_tree(
                    &theirs,
                    size,
                    tlog_tiles::Hash(b),
                    from,
                    tlog_tiles::Hash(a),
                )
                .expect("the tlog crate accepts our consistency proof");
                if from < size {
                    let other = mth(&leaves(from + 1)[1..]);
                    assert!(!verify_consistency(from, size, &other, &b, &proof));
                }
            }
        }
    }

    #[test]
    fn a_proof_for_a_leaf_outside_the_tree_fails() {
        let leaf = leaf_hash(&[0; 32]);
        assert!(!verify_inclusion(3, 3, &leaf, &[], &leaf));
        assert!(!verify_consistency(0, 3, &leaf, &leaf, &[]));
        assert!(!verify_consistency(4, 3, &leaf, &leaf, &[]));
        assert!(range_nodes(1, 3).is_err());
    }
}
