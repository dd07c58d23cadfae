//! Suggested targets: roles a step up from where a person is, reachable in a few moves.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::graph::Graph;
use crate::kind::classify;
use crate::model::MoveKind;
use crate::paths::{MAX_STEPS, cost};

/// A role worth aiming for, with the best way there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// The target role's code.
    pub to: String,
    /// Its title.
    pub title: String,
    /// The kind of the whole move from the current role (up, sideways or across).
    pub kind: MoveKind,
    /// The score of the best path there, in (0, 1].
    pub score: f32,
    /// The roles in between on the best path (empty for a direct move).
    pub via: Vec<String>,
}

impl Graph {
    /// The best `top` targets of one kind (usually [`MoveKind::Up`]) reachable from a role in
    /// at most `max_steps` moves, best path first. Use [`Graph::paths`] for the alternatives
    /// and skill gaps of a chosen target.
    pub fn suggest_targets(
        &self,
        code: &str,
        kind: MoveKind,
        top: usize,
        max_steps: usize,
    ) -> Result<Vec<Target>, Error> {
        let source = self.node(code)?;
        if max_steps == 0 || max_steps > MAX_STEPS {
            return Err(Error::Invalid {
                field: "max_steps",
                reason: format!("must be between 1 and {MAX_STEPS}"),
            });
        }
        // Layer l: the least cost of reaching each node in at most l moves, and from where.
        let n = self.nodes.len();
        let mut best = vec![vec![f32::INFINITY; n]];
        let mut previous = vec![vec![u32::MAX; n]];
        best[0][source as usize] = 0.0;
        let mut frontier = vec![source];
        for layer in 1..=max_steps {
            let (mut costs, mut from) = (best[layer - 1].clone(), previous[layer - 1].clone());
            let mut next = Vec::new();
            for &v in &frontier {
                for edge in &self.edges[v as usize] {
                    let c = best[layer - 1][v as usize] + cost(edge.score);
                    if c < costs[edge.to as usize] {
                        costs[edge.to as usize] = c;
                        from[edge.to as usize] = v;
                        next.push(edge.to);
                    }
                }
            }
            next.sort_unstable();
            next.dedup();
            frontier = next;
            best.push(costs);
            previous.push(from);
        }
        let best_costs = &best[max_steps];
        let from = &self.nodes[source as usize].meta;
        let mut found: Vec<(f32, u32)> = (0u32..)
            .zip(best_costs)
            .filter(|&(v, c)| v != source && c.is_finite())
            .filter(|&(v, _)| classify(from, &self.nodes[v as usize].meta) == kind)
            .map(|(v, &c)| (c, v))
            .collect();
        found.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Ok(found
            .into_iter()
            .take(top)
            .map(|(c, v)| {
                let mut via = Vec::new();
                let (mut at, mut layer) = (previous[max_steps][v as usize], max_steps - 1);
                while at != source && at != u32::MAX && layer > 0 {
                    via.push(self.nodes[at as usize].code.clone());
                    at = previous[layer][at as usize];
                    layer -= 1;
                }
                via.reverse();
                let node = &self.nodes[v as usize];
                Target {
                    to: node.code.clone(),
                    title: node.title.clone(),
                    kind,
                    score: (-c).exp(),
                    via,
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::toy::{self, ToyRole};

    use super::*;

    fn role(code: &'static str, zone: u8) -> ToyRole {
        ToyRole {
            code,
            zone,
            skills: &[],
            ratings: [(3.0, 3.0), (3.0, 3.0)],
        }
    }

    #[test]
    fn up_targets_by_best_path() {
        let roles = [
            role("15-0001.00", 2),
            role("15-0002.00", 2),
            role("15-0003.00", 3),
            role("15-0004.00", 4),
            role("15-0005.00", 5),
        ];
        let g = toy::graph(
            &roles,
            &[
                ("15-0001.00", "15-0002.00", 0.9),
                ("15-0002.00", "15-0003.00", 0.9),
                ("15-0003.00", "15-0004.00", 0.9),
                ("15-0004.00", "15-0005.00", 0.9),
                ("15-0001.00", "15-0004.00", 0.2),
            ],
        );
        let targets = g.suggest_targets("15-0001.00", MoveKind::Up, 5, 3).unwrap();
        let found: Vec<(&str, usize)> =
            targets.iter().map(|t| (&t.to[6..7], t.via.len())).collect();
        // 3 via 2; then 4 via 2 and 3 (0.9³ beats the direct 0.2); 5 via 4 (the direct move
        // to 4 leaves room for one more step).
        assert_eq!(found, [("3", 1), ("4", 2), ("5", 1)]);
        assert_eq!(targets[1].via, ["15-0002.00", "15-0003.00"]);
        assert!(targets.windows(2).all(|w| w[0].score >= w[1].score));
        let sideways = g
            .suggest_targets("15-0001.00", MoveKind::Sideways, 5, 3)
            .unwrap();
        assert_eq!(sideways.len(), 1);
        assert!(g.suggest_targets("15-0001.00", MoveKind::Up, 5, 0).is_err());
    }
}
