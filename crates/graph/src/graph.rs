//! The built graph and its queries: next moves from a role, ranked neighbours, lookups.

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use crate::build::resolve;
use crate::edges::Edge;
use crate::error::Error;
use crate::features::Features;
use crate::kind::Meta;
use crate::model::{Move, MoveKind, Neighbour, Source};
use crate::profiles::Profiles;
use crate::weights::Weights;

/// An ESCO skill of a node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NodeSkill {
    pub index: u32,
    pub weight: f32,
    pub essential: bool,
}

/// A role in the graph: a catalogue occupation or an organisation role.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub code: String,
    pub title: String,
    pub meta: Meta,
    /// ESCO skills, strongest first.
    pub skills: Vec<NodeSkill>,
    /// Detailed work activities (indexes), sorted.
    pub dwas: Vec<u16>,
}

/// The career graph: every role's next moves (up, sideways, across) and paths between roles.
///
/// Build it once with [`Graph::build`] (about a second for the whole catalogue) and share
/// it; every query is read-only.
pub struct Graph {
    pub(crate) nodes: Vec<Node>,
    pub(crate) index: HashMap<String, u32>,
    pub(crate) edges: Vec<Vec<Edge>>,
    pub(crate) incoming: Vec<Vec<(u32, f32)>>,
    pub(crate) profiles: Profiles,
    pub(crate) features: Features,
    /// ESCO skills by catalogue index: (id, label).
    pub(crate) skills: Vec<(String, String)>,
    pub(crate) weights: Weights,
    pub(crate) skipped: Vec<String>,
    pub(crate) build_time: Duration,
}

impl fmt::Debug for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Graph")
            .field("roles", &self.nodes.len())
            .field("moves", &self.edges.iter().map(Vec::len).sum::<usize>())
            .field("skipped", &self.skipped.len())
            .field("build_time", &self.build_time)
            .finish()
    }
}

impl Graph {
    /// The node index of a role code (a bare SOC code such as `15-1252` finds `.00`).
    pub(crate) fn node(&self, code: &str) -> Result<u32, Error> {
        resolve(&self.index, code).ok_or_else(|| Error::UnknownRole(code.trim().to_owned()))
    }

    /// The best `top` next moves from a role, best first, with skills and explanations.
    pub fn next_moves(&self, code: &str, top: usize) -> Result<Vec<Move>, Error> {
        let from = self.node(code)?;
        Ok(self.edges[from as usize]
            .iter()
            .take(top)
            .map(|e| self.make_move(from, e))
            .collect())
    }

    /// The best `top` next moves of one kind (up, sideways or across) from a role.
    pub fn next_moves_of_kind(
        &self,
        code: &str,
        kind: MoveKind,
        top: usize,
    ) -> Result<Vec<Move>, Error> {
        let from = self.node(code)?;
        Ok(self.edges[from as usize]
            .iter()
            .filter(|e| e.kind == kind)
            .take(top)
            .map(|e| self.make_move(from, e))
            .collect())
    }

    /// The move from one role to another, if the graph suggests it (after curation).
    pub fn move_between(&self, from: &str, to: &str) -> Result<Option<Move>, Error> {
        let (a, b) = (self.node(from)?, self.node(to)?);
        Ok(self.edges[a as usize]
            .iter()
            .find(|e| e.to == b)
            .map(|e| self.make_move(a, e)))
    }

    /// The best `top` next moves from a role as codes, kinds and scores only (cheap).
    pub fn neighbours(&self, code: &str, top: usize) -> Result<Vec<Neighbour<'_>>, Error> {
        let from = self.node(code)?;
        Ok(self.edges[from as usize]
            .iter()
            .take(top)
            .map(|e| Neighbour {
                to: &self.nodes[e.to as usize].code,
                kind: e.kind,
                score: e.score,
            })
            .collect())
    }

    /// Every role code in the graph: the catalogue's in code order, then the organisation's.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.nodes.iter().map(|n| n.code.as_str())
    }

    /// The title of a role, if the graph has it.
    pub fn title(&self, code: &str) -> Option<&str> {
        let i = self.node(code).ok()?;
        Some(&self.nodes[i as usize].title)
    }

    /// Whether the graph has a role with this code.
    pub fn contains(&self, code: &str) -> bool {
        self.node(code).is_ok()
    }

    /// The number of roles (catalogue and organisation).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the graph has no roles.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Inputs that were ignored while building (unknown codes, bad organisation roles, …).
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// How long building took.
    pub fn build_time(&self) -> Duration {
        self.build_time
    }

    /// The weights the graph was built with.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// A full move (skills, sources, explanation) from an edge.
    pub(crate) fn make_move(&self, from: u32, edge: &Edge) -> Move {
        let target = &self.nodes[edge.to as usize];
        let mut sources = Vec::new();
        if edge.similarity > 0.0 {
            sources.push(Source::Similarity {
                score: edge.similarity,
            });
        }
        if edge.observed > 0 {
            sources.push(Source::Observed {
                count: edge.observed,
            });
        }
        if edge.curated {
            sources.push(Source::Curated {
                note: edge.note.clone(),
            });
        }
        Move {
            to: target.code.clone(),
            title: target.title.clone(),
            kind: edge.kind,
            score: edge.score,
            carried: self.carried(from, edge.to),
            to_gain: self.gaps(from, edge.to),
            sources,
            why: self.why(from, edge),
        }
    }
}
