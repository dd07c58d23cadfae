//! The API's records for people, built from what core answers.

use super::ToRecord;
use ladderless_store::Uuid;
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// A person as stored (without credentials).
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    /// Id.
    pub id: Uuid,
    /// HRIS key.
    pub employee_id: String,
    /// Full name.
    pub name: String,
    /// E-mail, lower-cased.
    pub email: String,
    /// Job title.
    pub job_title: String,
    /// Catalogue role code.
    pub role_code: Option<String>,
    /// Team.
    pub team_id: Option<Uuid>,
    /// Manager.
    pub manager_id: Option<Uuid>,
    /// Start in current role.
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub role_start_date: Option<Date>,
    /// Office or region.
    pub location: String,
    /// Active in the organisation.
    pub active: bool,
    /// May administer the organisation.
    pub is_talent_admin: bool,
    /// Runs the programme.
    pub is_facilitator: bool,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&ladderless_store::people::Person> for Person {
    fn from(r: &ladderless_store::people::Person) -> Person {
        Person {
            id: r.id,
            employee_id: r.employee_id.clone(),
            name: r.name.clone(),
            email: r.email.clone(),
            job_title: r.job_title.clone(),
            role_code: r.role_code.clone(),
            team_id: r.team_id,
            manager_id: r.manager_id,
            role_start_date: r.role_start_date,
            location: r.location.clone(),
            active: r.active,
            is_talent_admin: r.is_talent_admin,
            is_facilitator: r.is_facilitator,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl ToRecord for ladderless_store::people::Person {
    type Record = Person;
    fn record(&self) -> Person {
        Person::from(self)
    }
}

/// A person with the names a page needs next to them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCard {
    /// Id.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// Job title.
    pub job_title: String,
    /// Team path, if any.
    pub team: Option<String>,
    /// Role code.
    pub role_code: Option<String>,
    /// Location.
    pub location: String,
    /// Active flag.
    pub active: bool,
}

impl From<&ladderless_store::people::PersonCard> for PersonCard {
    fn from(r: &ladderless_store::people::PersonCard) -> PersonCard {
        PersonCard {
            id: r.id,
            name: r.name.clone(),
            job_title: r.job_title.clone(),
            team: r.team.clone(),
            role_code: r.role_code.clone(),
            location: r.location.clone(),
            active: r.active,
        }
    }
}

impl ToRecord for ladderless_store::people::PersonCard {
    type Record = PersonCard;
    fn record(&self) -> PersonCard {
        PersonCard::from(self)
    }
}

/// One entry of a person's role history.
#[derive(Debug, Clone, Serialize)]
pub struct RoleHistoryEntry {
    /// Id.
    pub id: Uuid,
    /// Person.
    pub person_id: Uuid,
    /// Role code held.
    pub role_code: Option<String>,
    /// Title held.
    pub job_title: String,
    /// From.
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub started_on: Option<Date>,
    /// Until (open when current).
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub ended_on: Option<Date>,
    /// Where the entry came from: import, demo, pilot.
    pub source: String,
}

impl From<&ladderless_store::people::RoleHistoryEntry> for RoleHistoryEntry {
    fn from(r: &ladderless_store::people::RoleHistoryEntry) -> RoleHistoryEntry {
        RoleHistoryEntry {
            id: r.id,
            person_id: r.person_id,
            role_code: r.role_code.clone(),
            job_title: r.job_title.clone(),
            started_on: r.started_on,
            ended_on: r.ended_on,
            source: r.source.clone(),
        }
    }
}

impl ToRecord for ladderless_store::people::RoleHistoryEntry {
    type Record = RoleHistoryEntry;
    fn record(&self) -> RoleHistoryEntry {
        RoleHistoryEntry::from(self)
    }
}
