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
pub(crate) fn cost(score: f32) -> f32 {
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
    pub fn paths(
        &self,
        from: &str,
        to: &str,
        k: usize,
        max_steps: usize,
    ) -> Result<Vec<Path>, Error> {
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
        if k == 0 {
            return Ok(Vec::new());
        }
        let found = self.search(source, target, k, max_steps);
        Ok(found
            .into_iter()
            .map(|nodes| self.make_path(&nodes))
            .collect())
    }

    /// Node sequences of the best `k` simple paths, best first.
    fn search(&self, source: u32, target: u32, k: usize, max_steps: usize) -> Vec<Vec<u32>> {
        // Moves from the source look up at most `max_steps - 1` layers; the source itself
        // needs no bound (it is popped first), which saves the largest layer.
        let to_go = self.cost_to_go(target, max_steps - 1);
        let mut entries = vec![Entry {
            node: source,
            parent: u32::MAX,
            steps: 0,
            cost: 0.0,
        }];
        let mut heap = BinaryHeap::new();
        let mut found = Vec::new();
        heap.push(Candidate {
            priority: 0.0,
            entry: 0,
        });
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

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use crate::toy::{self, ToyRole};

    use super::*;

    fn role(code: &'static str) -> ToyRole {
        ToyRole {
            code,
            zone: 3,
            skills: &[],
            ratings: [(3.0, 3.0), (3.0, 3.0)],
        }
    }

    fn toy() -> Graph {
        let roles = [
            "15-0001.00",
            "15-0002.00",
            "15-0003.00",
            "15-0004.00",
            "15-0005.00",
        ];
        let [a, b, c, d, e] = roles;
        toy::graph(
            &roles.map(role),
            &[
                (a, b, 0.9),
                (b, e, 0.9),
                (a, e, 0.5),
                (a, c, 0.8),
                (c, d, 0.8),
                (d, e, 0.8),
                (b, c, 0.7),
                (c, e, 0.3),
                (b, a, 0.95),
            ],
        )
    }

    fn codes(path: &Path) -> String {
        let mut out = path.steps[0].from[6..7].to_owned();
        for s in &path.steps {
            out.push_str(&s.to[6..7]);
        }
        out
    }

    #[rstest]
    #[case::four_steps(5, 4, &["125", "15", "1345", "12345", "135"])]
    #[case::three_steps(5, 3, &["125", "15", "1345", "135", "1235"])]
    #[case::best_two(2, 4, &["125", "15"])]
    #[case::direct_only(5, 1, &["15"])]
    #[case::none_asked(0, 4, &[])]
    fn best_paths_in_order(#[case] k: usize, #[case] max: usize, #[case] expected: &[&str]) {
        let paths = toy().paths("15-0001.00", "15-0005.00", k, max).unwrap();
        let found: Vec<String> = paths.iter().map(codes).collect();
        assert_eq!(found, expected);
        assert!(paths.windows(2).all(|w| w[0].score >= w[1].score));
        for p in &paths {
            assert!(
                p.steps.windows(2).all(|w| w[0].to == w[1].from),
                "steps chain"
            );
            assert!(p.steps.len() <= max);
            let product: f32 = p
                .steps
                .iter()
                .map(|s| s.score * (-STEP_COST).exp())
                .product();
            assert!((p.score - product).abs() < 1e-4, "{} vs {product}", p.score);
        }
    }

    #[test]
    fn unreachable_target_has_no_path() {
        let paths = toy().paths("15-0005.00", "15-0001.00", 5, 4).unwrap();
        assert!(paths.is_empty());
    }

    #[rstest]
    #[case("15-0001.00", "15-0001.00", 4, "to")]
    #[case("15-0001.00", "15-0005.00", 0, "max_steps")]
    #[case("15-0001.00", "15-0005.00", 7, "max_steps")]
    fn bad_arguments(
        #[case] from: &str,
        #[case] to: &str,
        #[case] max: usize,
        #[case] field: &str,
    ) {
        match toy().paths(from, to, 3, max) {
            Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected invalid {field}, got {other:?}"),
        }
    }

    #[test]
    fn unknown_roles_are_named() {
        match toy().paths("15-0001.00", "99-9999.00", 3, 4) {
            Err(Error::UnknownRole(code)) => assert_eq!(code, "99-9999.00"),
            other => panic!("expected unknown role, got {other:?}"),
        }
    }
}
