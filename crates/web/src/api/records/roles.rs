//! The API's records for roles, built from what core answers.

use super::ToRecord;
use ladderless_store::Uuid;
use serde::Serialize;
use time::OffsetDateTime;

/// A role the organisation defined itself (code starts with `ORG-`).
#[derive(Debug, Clone, Serialize)]
pub struct OrgRole {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// What the role is for.
    pub description: String,
    /// Who added it.
    pub created_by: Option<Uuid>,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::roles::OrgRole> for OrgRole {
    fn from(r: &ladderless_store::roles::OrgRole) -> OrgRole {
        OrgRole {
            code: r.code.clone(),
            title: r.title.clone(),
            description: r.description.clone(),
            created_by: r.created_by,
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::roles::OrgRole {
    type Record = OrgRole;
    fn record(&self) -> OrgRole {
        OrgRole::from(self)
    }
}

/// A skill the organisation defined itself (id starts with `org-`).
#[derive(Debug, Clone, Serialize)]
pub struct OrgSkill {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Description.
    pub description: String,
}

impl From<&ladderless_store::roles::OrgSkill> for OrgSkill {
    fn from(r: &ladderless_store::roles::OrgSkill) -> OrgSkill {
        OrgSkill {
            id: r.id.clone(),
            label: r.label.clone(),
            description: r.description.clone(),
        }
    }
}

impl ToRecord for ladderless_store::roles::OrgSkill {
    type Record = OrgSkill;
    fn record(&self) -> OrgSkill {
        OrgSkill::from(self)
    }
}
