//! The public types: inputs to the graph, and the moves and paths it answers with.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The direction of a move relative to the role a person holds now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    /// More preparation (a higher job zone) or more seniority.
    Up,
    /// A similar level, different work, in the same family.
    Sideways,
    /// A similar level in another family (SOC major group).
    Across,
}

impl MoveKind {
    /// All kinds, in display order.
    pub const ALL: [MoveKind; 3] = [MoveKind::Up, MoveKind::Sideways, MoveKind::Across];

    /// The lower-case name used in CSV and JSON: `up`, `sideways` or `across`.
    pub fn as_str(self) -> &'static str {
        match self {
            MoveKind::Up => "up",
            MoveKind::Sideways => "sideways",
            MoveKind::Across => "across",
        }
    }
}

impl fmt::Display for MoveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for MoveKind {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "up" => Ok(MoveKind::Up),
            "sideways" => Ok(MoveKind::Sideways),
            "across" => Ok(MoveKind::Across),
            _ => Err(crate::Error::Invalid {
                field: "kind",
                reason: format!("`{s}` is not one of up, sideways, across"),
            }),
        }
    }
}

/// What talent admins do to an edge of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CuratedAction {
    /// Add the move (or pin an existing one), with an optional score and kind.
    Add,
    /// Remove the move, whatever suggested it.
    Remove,
    /// Attach a note to a move the graph already suggests.
    Annotate,
}

/// A move curated by a talent admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CuratedEdge {
    /// The role code the move starts from.
    pub from: String,
    /// The role code the move leads to.
    pub to: String,
    /// Add, remove or annotate.
    pub action: CuratedAction,
    /// A note shown with the move (why it is added, what helps).
    #[serde(default)]
    pub note: Option<String>,
    /// For `Add`: the score in [0, 1]; without one the move is pinned at 1 (first).
    #[serde(default)]
    pub score: Option<f32>,
    /// For `Add`: the kind, when the admin knows better than the job zones.
    #[serde(default)]
    pub kind: Option<MoveKind>,
}

/// A role of the organisation that is not in the catalogue (code `ORG-…`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgRoleInput {
    /// The role code; must start with `ORG-`.
    pub code: String,
    /// The role's title.
    pub title: String,
    /// What the role does.
    #[serde(default)]
    pub description: String,
    /// ESCO skill ids (UUIDs or concept URIs) the role needs.
    #[serde(default)]
    pub skill_ids: Vec<String>,
}

/// Everything the organisation adds to the catalogue when building a graph.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inputs<'a> {
    /// Observed internal moves as (from code, to code), one pair per person-move.
    pub observed: &'a [(String, String)],
    /// Edges curated by talent admins, applied in order.
    pub curated: &'a [CuratedEdge],
    /// Organisation-specific roles.
    pub org_roles: &'a [OrgRoleInput],
}

/// Why a move is suggested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Source {
    /// The roles are alike (tasks, skills, knowledge, titles, …), with this similarity in [0, 1].
    Similarity {
        /// The combined similarity.
        score: f32,
    },
    /// People in the organisation made this move this many times.
    Observed {
        /// How many moves were observed.
        count: u32,
    },
    /// A talent admin added or annotated the move.
    Curated {
        /// The admin's note, if any.
        note: Option<String>,
    },
}

/// Where a skill comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillArea {
    /// One of the 35 O*NET skills.
    OnetSkill,
    /// One of the 33 O*NET knowledge areas.
    OnetKnowledge,
    /// An ESCO skill, competence or knowledge concept.
    Esco,
}

/// A skill, named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillRef {
    /// O*NET skill, O*NET knowledge or ESCO.
    pub area: SkillArea,
    /// The O*NET element id (e.g. `2.A.2.b`) or the ESCO skill id.
    pub id: String,
    /// The skill's name.
    pub name: String,
}

/// A skill to gain on a move: what the target needs beyond the current role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// The skill.
    #[serde(flatten)]
    pub skill: SkillRef,
    /// O*NET level (0–7) in the current role; none for ESCO skills.
    pub current_level: Option<f32>,
    /// O*NET level (0–7) the target needs; none for ESCO skills.
    pub target_level: Option<f32>,
    /// O*NET importance (1–5) in the target, or the ESCO link weight (0–1).
    pub importance: f32,
    /// For ESCO skills: whether the target lists the skill as essential.
    pub essential: bool,
}

/// A suggested next move from a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Move {
    /// The code of the role to move to.
    pub to: String,
    /// Its title.
    pub title: String,
    /// Up, sideways or across.
    pub kind: MoveKind,
    /// How good a move it is, in [0, 1]; moves are sorted by it.
    pub score: f32,
    /// Skills that carry over (strongest for the target first).
    pub carried: Vec<SkillRef>,
    /// Skills to gain (biggest gaps first).
    pub to_gain: Vec<Gap>,
    /// What suggests the move: similarity, observed moves, curation.
    pub sources: Vec<Source>,
    /// A plain-English explanation.
    pub why: String,
}

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The role the step starts from.
    pub from: String,
    /// The role the step leads to.
    pub to: String,
    /// The title of `to`.
    pub title: String,
    /// Up, sideways or across.
    pub kind: MoveKind,
    /// The score of this move, in [0, 1].
    pub score: f32,
    /// Skills to gain on this step.
    pub to_gain: Vec<Gap>,
}

/// A path of moves to a target role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Path {
    /// The moves, in order; the last one reaches the target.
    pub steps: Vec<Step>,
    /// The product of the step scores with a small penalty per step, in (0, 1].
    pub score: f32,
}

/// A ranked neighbour without gaps or explanation (cheap; for lists and exports).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Neighbour<'a> {
    /// The code of the role to move to.
    pub to: &'a str,
    /// Up, sideways or across.
    pub kind: MoveKind,
    /// The move's score in [0, 1].
    pub score: f32,
}
