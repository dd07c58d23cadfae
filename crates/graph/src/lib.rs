//! The career graph: next moves from any role (up, sideways, across) and the best paths to a
//! target role, each move with the skills that carry over and the skills to gain.
//!
//! Moves come from three sources: similarity computed from everything the role catalogue
//! knows about two roles (tasks and work activities, skills, knowledge, titles, ESCO skills,
//! technology, interests, work values, job zone), moves observed inside the organisation, and
//! edges curated by talent admins. Organisation-specific roles (`ORG-…`) join through their
//! title, description and skills. Pure code: no I/O beyond [`write_moves`]'s writer.
//!
//! ```
//! use ladderless_graph::{Graph, Inputs};
//! let graph = Graph::build(ladderless_catalogue::bundled(), &Inputs::default());
//! let moves = graph.next_moves("29-1141.00", 10).unwrap();
//! assert_eq!(moves.len(), 10);
//! let paths = graph.paths("29-2061.00", "29-1171.00", 3, 4).unwrap();
//! assert!(!paths.is_empty());
//! ```

#![warn(missing_docs)]

mod build;
mod edges;
mod error;
mod explain;
mod features;
mod gaps;
mod graph;
mod kind;
mod model;
mod output;
mod paths;
mod profiles;
mod similarity;
mod sparse;
mod targets;
mod text;
#[cfg(test)]
mod toy;
mod weights;

pub use build::NEIGHBOURS;
pub use error::Error;
pub use graph::Graph;
pub use model::{
    CuratedAction, CuratedEdge, Gap, Inputs, Move, MoveKind, Neighbour, OrgRoleInput, Path,
    SkillArea, SkillRef, Source, Step,
};
pub use output::{CSV_HEADER, Format, write_moves};
pub use paths::MAX_STEPS;
pub use targets::Target;
pub use weights::Weights;
