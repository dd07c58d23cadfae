//! The moves out of each node: the nearest roles by similarity, boosted by observed internal
//! moves, then curated by talent admins (add, remove, annotate).

use std::collections::HashMap;

use crate::kind::{self, Meta};
use crate::model::{CuratedAction, CuratedEdge, MoveKind};

/// Weight of observed moves: a move made [`OBSERVED_SATURATION`] times or more adds this much.
pub(crate) const OBSERVED_WEIGHT: f32 = 0.3;
/// How many observed moves give the full boost; fewer give a logarithmic share of it.
pub(crate) const OBSERVED_SATURATION: f32 = 20.0;

/// A move out of a node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Edge {
    /// The target node.
    pub to: u32,
    /// The final score in [0, 1]: similarity, plus the observed boost, or as curated.
    pub score: f32,
    /// The similarity score alone, clamped to [0, 1].
    pub similarity: f32,
    /// Up, sideways or across.
    pub kind: MoveKind,
    /// How many times the move was observed.
    pub observed: u32,
    /// Whether a talent admin added or annotated the move.
    pub curated: bool,
    /// The admin's note.
    pub note: Option<String>,
}

/// The boost observed moves give: logarithmic in their count, saturating.
pub(crate) fn observed_boost(count: u32) -> f32 {
    if count == 0 {
        return 0.0;
    }
    let share = (1.0 + count as f32).ln() / (1.0 + OBSERVED_SATURATION).ln();
    OBSERVED_WEIGHT * share.min(1.0)
}

/// A curated edge resolved to node indexes.
pub(crate) struct Curation<'a> {
    pub from: u32,
    pub to: u32,
    pub edge: &'a CuratedEdge,
}

/// Everything the edges are assembled from.
pub(crate) struct EdgeInputs<'a> {
    /// Nearest targets by adjusted similarity, per node, best first.
    pub nearest: Vec<Vec<(u32, f32)>>,
    /// The adjusted similarity of any pair.
    pub similarity: &'a dyn Fn(usize, usize) -> f32,
    /// Node levels and families.
    pub meta: &'a [Meta],
    /// Observed move counts by (from, to).
    pub observed: HashMap<(u32, u32), u32>,
    /// Curated edges in the order given.
    pub curated: Vec<Curation<'a>>,
}

/// Builds every node's out-edges, best first; returns them and notes on curations that did
/// not apply.
pub(crate) fn assemble(inputs: EdgeInputs<'_>) -> (Vec<Vec<Edge>>, Vec<String>) {
    let meta = inputs.meta;
    let make = |i: u32, j: u32, sim: f32| Edge {
        to: j,
        score: sim.clamp(0.0, 1.0),
        similarity: sim.clamp(0.0, 1.0),
        kind: kind::classify(&meta[i as usize], &meta[j as usize]),
        observed: 0,
        curated: false,
        note: None,
    };
    let mut edges: Vec<Vec<Edge>> = (0u32..)
        .zip(&inputs.nearest)
        .map(|(i, near)| near.iter().map(|&(j, s)| make(i, j, s)).collect())
        .collect();
    let mut observed: Vec<((u32, u32), u32)> = inputs.observed.into_iter().collect();
    observed.sort_unstable();
    for ((i, j), count) in observed {
        let list = &mut edges[i as usize];
        let at = match list.iter().position(|e| e.to == j) {
            Some(at) => at,
            None => {
                list.push(make(i, j, (inputs.similarity)(i as usize, j as usize)));
                list.len() - 1
            }
        };
        let edge = &mut list[at];
        edge.observed = count;
        edge.score = (edge.similarity + observed_boost(count)).min(1.0);
    }
    let mut skipped = Vec::new();
    for c in inputs.curated {
        let list = &mut edges[c.from as usize];
        let at = list.iter().position(|e| e.to == c.to);
        match (c.edge.action, at) {
            (CuratedAction::Remove, Some(at)) => {
                list.remove(at);
            }
            (CuratedAction::Remove, None) => {}
            (CuratedAction::Add, at) => {
                let at = at.unwrap_or_else(|| {
                    list.push(make(
                        c.from,
                        c.to,
                        (inputs.similarity)(c.from as usize, c.to as usize),
                    ));
                    list.len() - 1
                });
                let edge = &mut list[at];
                edge.score = c.edge.score.unwrap_or(1.0).clamp(0.0, 1.0);
                edge.kind = c.edge.kind.unwrap_or(edge.kind);
                edge.curated = true;
                edge.note = c.edge.note.clone().or(edge.note.take());
            }
            (CuratedAction::Annotate, Some(at)) => {
                list[at].curated = true;
                list[at].note = c.edge.note.clone();
            }
            (CuratedAction::Annotate, None) => skipped.push(format!(
                "curated annotation {} → {}: the graph has no such move (add it instead)",
                c.edge.from, c.edge.to
            )),
        }
    }
    for list in &mut edges {
        list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.to.cmp(&b.to)));
    }
    (edges, skipped)
}

#[cfg(test)]
mod tests {
    use ladderless_catalogue::{Family, Seniority};
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case(0, 0.0)]
    #[case(1, 0.068)]
    #[case(5, 0.177)]
    #[case(20, 0.3)]
    #[case(1000, 0.3)]
    fn observed_boost_grows_and_saturates(#[case] count: u32, #[case] expected: f32) {
        let boost = observed_boost(count);
        assert!((boost - expected).abs() < 0.002, "{count}: {boost}");
    }

    fn meta(zone: u8) -> Meta {
        Meta {
            job_zone: Some(zone),
            seniority: Seniority::IndividualContributor,
            family: Family::from_code(15).unwrap_or(Family::UNKNOWN),
            residual: false,
        }
    }

    fn curated(from: u32, to: u32, action: CuratedAction, score: Option<f32>) -> CuratedEdge {
        CuratedEdge {
            from: format!("n{from}"),
            to: format!("n{to}"),
            action,
            note: Some(format!("note {from}->{to}")),
            score,
            kind: None,
        }
    }

    /// Node 0 has similarity edges to 1 (0.6) and 2 (0.4); node 3 is far (0.1 to anything).
    fn assemble_with(
        observed: &[((u32, u32), u32)],
        curations: &[CuratedEdge],
    ) -> (Vec<Vec<Edge>>, Vec<String>) {
        let metas = [meta(3), meta(3), meta(4), meta(2)];
        let similarity = |_: usize, _: usize| 0.1;
        let curated = curations
            .iter()
            .map(|e| Curation {
                from: e.from[1..].parse().unwrap(),
                to: e.to[1..].parse().unwrap(),
                edge: e,
            })
            .collect();
        assemble(EdgeInputs {
            nearest: vec![
                vec![(1, 0.6), (2, 0.4)],
                vec![(0, 0.6)],
                vec![(0, 0.4)],
                vec![],
            ],
            similarity: &similarity,
            meta: &metas,
            observed: observed.iter().copied().collect(),
            curated,
        })
    }

    fn targets(edges: &[Edge]) -> Vec<(u32, f32)> {
        edges
            .iter()
            .map(|e| (e.to, (e.score * 1000.0).round() / 1000.0))
            .collect()
    }

    #[rstest]
    #[case::similarity_only(&[], vec![(1, 0.6), (2, 0.4)])]
    #[case::observed_boosts_existing(&[((0, 2), 20)], vec![(2, 0.7), (1, 0.6)])]
    #[case::observed_adds_new(&[((0, 3), 1)], vec![(1, 0.6), (2, 0.4), (3, 0.168)])]
    fn observed_moves(#[case] observed: &[((u32, u32), u32)], #[case] expected: Vec<(u32, f32)>) {
        let (edges, skipped) = assemble_with(observed, &[]);
        assert_eq!(targets(&edges[0]), expected);
        assert!(skipped.is_empty());
        assert!(edges[0].iter().all(|e| e.similarity <= e.score));
    }

    #[rstest]
    #[case::add_pins_first(curated(0, 3, CuratedAction::Add, None), vec![(3, 1.0), (1, 0.6), (2, 0.4)])]
    #[case::add_with_score(curated(0, 3, CuratedAction::Add, Some(0.5)), vec![(1, 0.6), (3, 0.5), (2, 0.4)])]
    #[case::add_existing_rescored(curated(0, 2, CuratedAction::Add, Some(0.9)), vec![(2, 0.9), (1, 0.6)])]
    #[case::remove(curated(0, 1, CuratedAction::Remove, None), vec![(2, 0.4)])]
    #[case::annotate(curated(0, 2, CuratedAction::Annotate, None), vec![(1, 0.6), (2, 0.4)])]
    fn curated_moves(#[case] edge: CuratedEdge, #[case] expected: Vec<(u32, f32)>) {
        let (edges, skipped) = assemble_with(&[], std::slice::from_ref(&edge));
        assert_eq!(targets(&edges[0]), expected);
        assert!(skipped.is_empty());
        let touched = edges[0].iter().find(|e| e.to.to_string() == edge.to[1..]);
        if let Some(e) = touched {
            assert!(e.curated);
            assert_eq!(e.note.as_deref(), edge.note.as_deref());
        } else {
            assert_eq!(edge.action, CuratedAction::Remove);
        }
    }

    #[test]
    fn removal_beats_observation_and_annotating_nothing_is_reported() {
        let (edges, skipped) = assemble_with(
            &[((0, 1), 50)],
            &[
                curated(0, 1, CuratedAction::Remove, None),
                curated(0, 3, CuratedAction::Annotate, None),
            ],
        );
        assert_eq!(targets(&edges[0]), vec![(2, 0.4)]);
        assert_eq!(skipped.len(), 1, "{skipped:?}");
    }

    #[test]
    fn kinds_follow_the_job_zones_unless_curated() {
        let mut edge = curated(0, 3, CuratedAction::Add, None);
        let (edges, _) = assemble_with(&[], std::slice::from_ref(&edge));
        let kind =
            |edges: &[Vec<Edge>], to: u32| edges[0].iter().find(|e| e.to == to).map(|e| e.kind);
        assert_eq!(kind(&edges, 2), Some(MoveKind::Up));
        assert_eq!(kind(&edges, 1), Some(MoveKind::Sideways));
        assert_eq!(kind(&edges, 3), Some(MoveKind::Sideways));
        edge.kind = Some(MoveKind::Across);
        let (edges, _) = assemble_with(&[], &[edge]);
        assert_eq!(kind(&edges, 3), Some(MoveKind::Across));
    }
}
