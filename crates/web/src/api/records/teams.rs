//! The API's records for teams, built from what core answers.

use super::ToRecord;
use ladderless_store::Uuid;
use serde::Serialize;

/// A team with how many active people belong to it directly.
#[derive(Debug, Clone, Serialize)]
pub struct Team {
    /// Id.
    pub id: Uuid,
    /// Last segment of the path.
    pub name: String,
    /// Full path.
    pub path: String,
    /// Parent team.
    pub parent_id: Option<Uuid>,
    /// Active members directly in this team.
    pub members: i64,
}

impl From<&ladderless_store::teams::Team> for Team {
    fn from(r: &ladderless_store::teams::Team) -> Team {
        Team {
            id: r.id,
            name: r.name.clone(),
            path: r.path.clone(),
            parent_id: r.parent_id,
            members: r.members,
        }
    }
}

impl ToRecord for ladderless_store::teams::Team {
    type Record = Team;
    fn record(&self) -> Team {
        Team::from(self)
    }
}
