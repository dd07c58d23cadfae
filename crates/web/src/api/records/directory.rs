//! The API's records for directory, built from what core answers.

use super::ToRecord;
use super::people::{Person, PersonCard, RoleHistoryEntry};
use super::teams::Team;
use ladderless_core::directory::SkillLine;
use ladderless_domain::org::Audience;
use serde::Serialize;

/// Everything a person's page shows, already filtered for the viewer.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    /// The person.
    pub person: Person,
    /// Their team's path.
    pub team: Option<Team>,
    /// Title of their catalogue role.
    pub role_title: Option<String>,
    /// Their manager.
    pub manager: Option<PersonCard>,
    /// Managers above, nearest first.
    pub chain: Vec<PersonCard>,
    /// Direct reports.
    pub reports: Vec<PersonCard>,
    /// Skills, when the viewer may see them (None: not shared with the viewer).
    pub skills: Option<Vec<SkillLine>>,
    /// Who the owner shares skills with (shown to the owner only).
    pub skills_audience: Option<Audience>,
    /// Role history, for the person, their manager and talent admins.
    pub history: Option<Vec<RoleHistoryEntry>>,
    /// The viewer is this person.
    pub is_self: bool,
    /// The viewer is this person's manager.
    pub is_manager: bool,
}

impl From<&ladderless_core::directory::PersonView> for PersonView {
    fn from(r: &ladderless_core::directory::PersonView) -> PersonView {
        PersonView {
            person: (&r.person).into(),
            team: r.team.as_ref().map(Into::into),
            role_title: r.role_title.clone(),
            manager: r.manager.as_ref().map(Into::into),
            chain: r.chain.iter().map(Into::into).collect(),
            reports: r.reports.iter().map(Into::into).collect(),
            skills: r.skills.clone(),
            skills_audience: r.skills_audience,
            history: r
                .history
                .as_ref()
                .map(|v| v.iter().map(Into::into).collect()),
            is_self: r.is_self,
            is_manager: r.is_manager,
        }
    }
}

impl ToRecord for ladderless_core::directory::PersonView {
    type Record = PersonView;
    fn record(&self) -> PersonView {
        PersonView::from(self)
    }
}

/// A team with its sub-teams, for the org chart.
#[derive(Debug, Clone, Serialize)]
pub struct TeamNode {
    /// The team.
    pub team: Team,
    /// Everyone in it and its sub-teams.
    pub total: i64,
    /// Sub-teams.
    pub children: Vec<TeamNode>,
}

impl From<&ladderless_core::directory::TeamNode> for TeamNode {
    fn from(r: &ladderless_core::directory::TeamNode) -> TeamNode {
        TeamNode {
            team: (&r.team).into(),
            total: r.total,
            children: r.children.iter().map(Into::into).collect(),
        }
    }
}

impl ToRecord for ladderless_core::directory::TeamNode {
    type Record = TeamNode;
    fn record(&self) -> TeamNode {
        TeamNode::from(self)
    }
}
