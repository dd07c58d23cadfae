//! The all-pairs similarity matrix (sparse dot products through inverted lists, rows split
//! over threads) and the adjusted top-K neighbours of each node.

use std::thread;

use crate::features::{Comp, Features, N_COMP};
use crate::kind::{self, Meta};
use crate::sparse::Sparse;
use crate::weights::Weights;

/// A dense, row-major n × n matrix of combined similarities (the diagonal is 0).
pub(crate) struct Matrix {
    pub n: usize,
    pub data: Vec<f32>,
}

impl Matrix {
    /// Row `i`.
    pub(crate) fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.n..(i + 1) * self.n]
    }
}

/// An inverted list per dimension: (node, value).
type Postings = Vec<Vec<(u32, f32)>>;

fn postings(vectors: &[Sparse]) -> Postings {
    let dims = vectors
        .iter()
        .filter_map(|v| v.last())
        .map(|&(d, _)| d as usize + 1)
        .max()
        .unwrap_or(0);
    let mut lists: Postings = vec![Vec::new(); dims];
    for (node, v) in (0u32..).zip(vectors) {
        for &(d, x) in v {
            lists[d as usize].push((node, x));
        }
    }
    lists
}

/// Combined similarity of every pair: the weighted mean of the components both nodes have.
pub(crate) fn matrix(features: &Features, zones: &[Option<u8>], w: &Weights) -> Matrix {
    let n = zones.len();
    let rows = Rows {
        features,
        comps: Comp::ALL
            .iter()
            .map(|&c| (c, w.comp(c)))
            .filter(|&(_, weight)| weight > 0.0)
            .map(|(c, weight)| (c, weight, postings(&features.vectors[c as usize])))
            .collect(),
        zones,
        w,
    };
    let mut data = vec![0.0_f32; n * n];
    if n == 0 {
        return Matrix { n, data };
    }
    let threads = thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let rows_per_thread = n.div_ceil(threads);
    thread::scope(|scope| {
        for (chunk_index, chunk) in data.chunks_mut(rows_per_thread * n).enumerate() {
            let rows = &rows;
            scope.spawn(move || {
                let (mut acc, mut den) = (vec![0.0_f32; n], vec![0.0_f32; n]);
                for (k, out) in chunk.chunks_mut(n).enumerate() {
                    rows.row(chunk_index * rows_per_thread + k, out, &mut acc, &mut den);
                }
            });
        }
    });
    Matrix { n, data }
}

/// What every row of the matrix is computed from.
struct Rows<'a> {
    features: &'a Features,
    /// The weighted components with their inverted lists.
    comps: Vec<(Comp, f32, Postings)>,
    zones: &'a [Option<u8>],
    w: &'a Weights,
}

impl Rows<'_> {
    /// Row `i` into `num`, with `acc` and `den` as scratch space (all of length n).
    fn row(&self, i: usize, num: &mut [f32], acc: &mut [f32], den: &mut [f32]) {
        let (features, w) = (self.features, self.w);
        num.fill(0.0);
        den.fill(0.0);
        for (c, weight, lists) in &self.comps {
            let vectors = &features.vectors[*c as usize];
            if vectors[i].is_empty() {
                continue;
            }
            acc.fill(0.0);
            for &(d, x) in &vectors[i] {
                for &(j, y) in &lists[d as usize] {
                    acc[j as usize] += x * y;
                }
            }
            if features.is_distance(*c) {
                for (j, x) in acc.iter_mut().enumerate() {
                    *x = features.similarity_of_dot(*c, i, j, *x);
                }
            }
            let estimated = &features.estimated[*c as usize];
            for (j, v) in vectors.iter().enumerate() {
                if !v.is_empty() {
                    let weight = weight * trust(estimated, i, j, w);
                    num[j] += weight * acc[j];
                    den[j] += weight;
                }
            }
        }
        if let (true, Some(zi)) = (w.job_zone > 0.0, self.zones[i]) {
            let estimated = &features.estimated[N_COMP];
            for (j, zj) in self.zones.iter().enumerate() {
                if let Some(zj) = zj {
                    let d = (f32::from(zi) - f32::from(*zj)).abs();
                    let weight = w.job_zone * trust(estimated, i, j, w);
                    num[j] += weight * (1.0 - d / 4.0);
                    den[j] += weight;
                }
            }
        }
        for (j, (x, d)) in num.iter_mut().zip(den.iter()).enumerate() {
            *x = if j == i || *d <= 0.0 { 0.0 } else { *x / *d };
        }
    }
}

/// Each node's mean similarity to its `k` nearest other nodes (how much of a hub it is).
pub(crate) fn hubness(m: &Matrix, k: usize) -> Vec<f32> {
    let mut scratch = Vec::with_capacity(m.n);
    (0..m.n)
        .map(|i| {
            scratch.clear();
            scratch.extend(
                m.row(i)
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &x)| x),
            );
            let k = k.min(scratch.len());
            if k == 0 {
                return 0.0;
            }
            scratch.select_nth_unstable_by(k - 1, |a, b| b.total_cmp(a));
            scratch[..k].iter().sum::<f32>() / k as f32
        })
        .collect()
}

/// The adjusted score of the move `i → j` (may be negative; callers clamp for display).
pub(crate) fn adjusted(
    m: &Matrix,
    targets: &[f32],
    meta: &[Meta],
    w: &Weights,
    i: usize,
    j: usize,
) -> f32 {
    m.row(i)[j] - targets[j] - kind::penalty(&meta[i], &meta[j], w)
}

/// What each node loses as a target for being alike to everything: `hub` × its mean
/// similarity to its ten nearest nodes.
pub(crate) fn target_penalties(m: &Matrix, w: &Weights) -> Vec<f32> {
    let targets: Vec<f32> = hubness(m, 10).iter().map(|r| w.hub * r).collect();
    targets
}

/// The `k` best targets of every node by adjusted score: (target, adjusted score), best first.
pub(crate) fn top_k(
    m: &Matrix,
    targets: &[f32],
    meta: &[Meta],
    w: &Weights,
    k: usize,
) -> Vec<Vec<(u32, f32)>> {
    let mut scored: Vec<(u32, f32)> = Vec::with_capacity(m.n);
    (0..m.n)
        .map(|i| {
            scored.clear();
            scored.extend(
                // No shared evidence at all (similarity 0) is no reason for a move.
                (0..m.n)
                    .filter(|&j| j != i && m.row(i)[j] > 0.0)
                    .map(|j| (j as u32, adjusted(m, targets, meta, w, i, j))),
            );
            let k = k.min(scored.len());
            if k == 0 {
                return Vec::new();
            }
            scored.select_nth_unstable_by(k - 1, |a, b| b.1.total_cmp(&a.1));
            let mut best = scored[..k].to_vec();
            best.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            best
        })
        .collect()
}

/// Each component's similarity for one pair (None where either node lacks the evidence).
pub(crate) fn components(features: &Features, i: usize, j: usize) -> [Option<f32>; N_COMP] {
    Comp::ALL.map(|c| features.similarity(c, i, j))
}

/// How far to trust a comparison: estimated descriptors are averages of similar roles', so
/// they look more alike than rated ones and count less.
fn trust(estimated: &[bool], i: usize, j: usize, w: &Weights) -> f32 {
    match (estimated[i], estimated[j]) {
        (false, false) => 1.0,
        (true, true) => w.estimated * w.estimated,
        _ => w.estimated,
    }
}
