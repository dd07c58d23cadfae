//! The API's records for directions, built from what core answers.

use super::ToRecord;
use super::people::PersonCard;
use ladderless_core::directions::LinkedRole;
use ladderless_domain::direction::DirectionStatus;
use ladderless_store::Uuid;
use serde::Serialize;
use time::OffsetDateTime;

/// A strategic direction or growth area.
#[derive(Debug, Clone, Serialize)]
pub struct Direction {
    /// Id.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// What it is trying to achieve.
    pub aim: String,
    /// When, e.g. "2027" or "next 18 months".
    pub horizon: String,
    /// The leader who owns it.
    pub owner_id: Option<Uuid>,
    /// Skills it needs, one per line.
    pub skills: String,
    /// Where it stands.
    pub status: DirectionStatus,
    /// Who published it.
    pub created_by: Option<Uuid>,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&ladderless_store::directions::Direction> for Direction {
    fn from(r: &ladderless_store::directions::Direction) -> Direction {
        Direction {
            id: r.id,
            title: r.title.clone(),
            aim: r.aim.clone(),
            horizon: r.horizon.clone(),
            owner_id: r.owner_id,
            skills: r.skills.clone(),
            status: r.status,
            created_by: r.created_by,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl ToRecord for ladderless_store::directions::Direction {
    type Record = Direction;
    fn record(&self) -> Direction {
        Direction::from(self)
    }
}

/// A direction with its owner's name, for lists.
#[derive(Debug, Clone, Serialize)]
pub struct DirectionLine {
    /// The direction.
    #[serde(flatten)]
    pub direction: Direction,
    /// Owner's name.
    pub owner_name: Option<String>,
    /// Skills as a list.
    pub skill_list: Vec<String>,
    /// Status label.
    pub status_label: &'static str,
}

impl From<&ladderless_core::directions::DirectionLine> for DirectionLine {
    fn from(r: &ladderless_core::directions::DirectionLine) -> DirectionLine {
        DirectionLine {
            direction: (&r.direction).into(),
            owner_name: r.owner_name.clone(),
            skill_list: r.skill_list.clone(),
            status_label: r.status_label,
        }
    }
}

impl ToRecord for ladderless_core::directions::DirectionLine {
    type Record = DirectionLine;
    fn record(&self) -> DirectionLine {
        DirectionLine::from(self)
    }
}

/// Everything the page of one direction shows to this viewer.
#[derive(Debug, Clone, Serialize)]
pub struct DirectionView {
    /// The direction.
    pub line: DirectionLine,
    /// Roles linked to it.
    pub roles: Vec<LinkedRole>,
    /// Opportunities serving it that the viewer may see.
    pub opportunities: Vec<ladderless_core::opportunities::OpportunityCard>,
    /// People working in this growth area, where their opportunity is shared with the viewer.
    pub people: Vec<PersonCard>,
}

impl From<&ladderless_core::directions::DirectionView> for DirectionView {
    fn from(r: &ladderless_core::directions::DirectionView) -> DirectionView {
        DirectionView {
            line: (&r.line).into(),
            roles: r.roles.clone(),
            opportunities: r.opportunities.clone(),
            people: r.people.iter().map(Into::into).collect(),
        }
    }
}

impl ToRecord for ladderless_core::directions::DirectionView {
    type Record = DirectionView;
    fn record(&self) -> DirectionView {
        DirectionView::from(self)
    }
}
