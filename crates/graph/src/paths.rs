//! The best few paths to a target role: an exact cost-to-go table computed backwards from the
//! target (at most `max_steps` layers), then a best-first search over simple paths that pops
//! complete paths in order of cost.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::edges::Edge;
use crate::error::Error;
use crate::graph::Graph;
use crate::model::{Path, Step};

/// The longest path one may ask for.
pub const MAX_STEPS: usize = 6;
/// Extra cost per step, so that of two paths with equal moves the shorter wins.
const STEP_COST: f32 = 0.1;
/// Scores below this count as this (a curated score of 0 must not make a path impossible).
const MIN_SCORE: f32 = 0.01;

/// The cost of taking a move: −ln(score) plus the step cost.
fn cost(score: f32) -> f32 {
    -score.max(MIN_SCORE).ln() + STEP_COST
}

/// Incoming edges per node with their costs, for the backward pass.
pub(crate) fn incoming(edges: &[Vec<Edge>]) -> Vec<Vec<(u32, f32)>> {
    let mut incoming = vec![Vec::new(); edges.len()];
    for (from, list) in (0u32..).zip(edges) {
        for e in list {
            incoming[e.to as usize].push((from, cost(e.score)));
        }
    }
    incoming
}

/// A partial path in the search: its node, the previous entry, its length and cost.
#[derive(Clone, Copy)]
struct Entry {
    node: u32,
    parent: u32,
    steps: u8,
    cost: f32,
}

#[derive(PartialEq)]
struct Candidate {
    priority: f32,
    entry: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        // Min-heap on priority; ties broken by insertion order for determinism.
        other
            .priority
            .total_cmp(&self.priority)
            .then(other.entry.cmp(&self.entry))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Graph {
    /// The best `k` paths of at most `max_steps` moves from one role to another, best first,
    /// each step with its skills to gain. Empty when the target is out of reach.
    pub fn paths(&self, from: &str, to: &str, k: usize, max_steps: usize) -> Result<Vec<Path>, Error> {
        let (source, target) = (self.node(from)?, self.node(to)?);
        if source == target {
            return Err(Error::Invalid {
                field: "to",
                reason: "the target is the role you start from".to_owned(),
            });
        }
        if max_steps == 0 || max_steps > MAX_STEPS {
            return Err(Error::Invalid {
                field: "max_steps",
                reason: format!("must be between 1 and {MAX_STEPS}"),
            });
        }
        let found = self.search(source, target, k, max_steps);
        Ok(found.into_iter().map(|nodes| self.make_path(&nodes)).collect())
    }

    /// Node sequences of the best `k` simple paths, best first.
    fn search(&self, source: u32, target: u32, k: usize, max_steps: usize) -> Vec<Vec<u32>> {
        let to_go = self.cost_to_go(target, max_steps);
        let mut entries = vec![Entry {
            node: source,
            parent: u32::MAX,
            steps: 0,
            cost: 0.0,
        }];
        let mut heap = BinaryHeap::new();
        let mut found = Vec::new();
        if to_go[max_steps][source as usize].is_finite() {
            heap.push(Candidate {
                priority: to_go[max_steps][source as usize],
                entry: 0,
            });
        }
        while let Some(Candidate { entry, .. }) = heap.pop() {
            let current = entries[entry as usize];
            if current.node == target {
                found.push(self.trace(&entries, entry));
                if found.len() >= k {
                    break;
                }
                continue;
            }
            let steps = usize::from(current.steps);
            if steps >= max_steps {
                continue;
            }
            let left = max_steps - steps - 1;
            for edge in &self.edges[current.node as usize] {
                let h = to_go[left][edge.to as usize];
                if !h.is_finite() || on_path(&entries, entry, edge.to) {
                    continue;
                }
                let cost = current.cost + cost(edge.score);
                entries.push(Entry {
                    node: edge.to,
                    parent: entry,
                    steps: current.steps + 1,
                    cost,
                });
                heap.push(Candidate {
                    priority: cost + h,
                    entry: (entries.len() - 1) as u32,
                });
            }
        }
        found
    }

    /// `to_go[s][v]`: the least cost from `v` to the target in at most `s` moves.
    fn cost_to_go(&self, target: u32, max_steps: usize) -> Vec<Vec<f32>> {
        let n = self.nodes.len();
        let mut layers = vec![vec![f32::INFINITY; n]];
        layers[0][target as usize] = 0.0;
        let mut frontier = vec![target];
        for s in 1..=max_steps {
            let mut next = layers[s - 1].clone();
            let mut changed = Vec::new();
            for &v in &frontier {
                let base = layers[s - 1][v as usize];
                for &(u, c) in &self.incoming[v as usize] {
                    if base + c < next[u as usize] {
                        if next[u as usize] == layers[s - 1][u as usize] {
                            changed.push(u);
                        }
                        next[u as usize] = base + c;
                    }
                }
            }
            changed.sort_unstable();
            changed.dedup();
            layers.push(next);
            frontier = changed;
        }
        layers
    }

    fn trace(&self, entries: &[Entry], mut entry: u32) -> Vec<u32> {
        let mut nodes = Vec::new();
        while entry != u32::MAX {
            nodes.push(entries[entry as usize].node);
            entry = entries[entry as usize].parent;
        }
        nodes.reverse();
        nodes
    }

    fn make_path(&self, nodes: &[u32]) -> Path {
        let steps: Vec<Step> = nodes
            .windows(2)
            .filter_map(|pair| {
                let (a, b) = (pair[0], pair[1]);
                let edge = self.edges[a as usize].iter().find(|e| e.to == b)?;
                let target = &self.nodes[b as usize];
                Some(Step {
                    from: self.nodes[a as usize].code.clone(),
                    to: target.code.clone(),
                    title: target.title.clone(),
                    kind: edge.kind,
                    score: edge.score,
                    to_gain: self.gaps(a, b),
                })
            })
            .collect();
        let total: f32 = steps.iter().map(|s| cost(s.score)).sum();
        Path {
            steps,
            score: (-total).exp(),
        }
    }
}

/// Whether `node` is already on the partial path ending at `entry`.
fn on_path(entries: &[Entry], mut entry: u32, node: u32) -> bool {
    while entry != u32::MAX {
        if entries[entry as usize].node == node {
            return true;
        }
        entry = entries[entry as usize].parent;
    }
    false
}
