//! The API's records for customers, built from what core answers.

use super::ToRecord;
use ladderless_domain::compass::customers::{Due, Relationship};
use ladderless_store::Uuid;
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// An internal customer in someone's map.
#[derive(Debug, Clone, Serialize)]
pub struct Customer {
    /// Id.
    pub id: Uuid,
    /// The colleague, when the customer is a person in the directory.
    pub person_id: Option<Uuid>,
    /// The team, when the customer is a team.
    pub team_id: Option<Uuid>,
    /// Display name (the colleague's or team's current name).
    pub name: String,
    /// Their job title, for a colleague.
    pub job_title: String,
    /// How they relate to the owner.
    pub relationship: Relationship,
    /// What they are trying to achieve.
    pub goals: String,
    /// What stands in their way.
    pub obstacles: String,
    /// Notes.
    pub notes: String,
    /// Relationship strength 1–5.
    pub strength: i32,
    /// Last contact.
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub last_contact: Option<Date>,
    /// Next contact due.
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub next_contact: Option<Date>,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&ladderless_store::customers::Customer> for Customer {
    fn from(r: &ladderless_store::customers::Customer) -> Customer {
        Customer {
            id: r.id,
            person_id: r.person_id,
            team_id: r.team_id,
            name: r.name.clone(),
            job_title: r.job_title.clone(),
            relationship: r.relationship,
            goals: r.goals.clone(),
            obstacles: r.obstacles.clone(),
            notes: r.notes.clone(),
            strength: r.strength,
            last_contact: r.last_contact,
            next_contact: r.next_contact,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl ToRecord for ladderless_store::customers::Customer {
    type Record = Customer;
    fn record(&self) -> Customer {
        Customer::from(self)
    }
}

/// A customer as the owner's list shows it.
#[derive(Debug, Clone, Serialize)]
pub struct CustomerLine {
    /// The record.
    #[serde(flatten)]
    pub customer: Customer,
    /// Relationship label.
    pub relationship_label: &'static str,
    /// Strength label.
    pub strength_label: &'static str,
    /// Whether the next contact is overdue, soon, later or unplanned.
    pub due: Due,
    /// "in 3 days", "5 days ago" (empty when no next contact).
    pub due_text: String,
}

impl From<&ladderless_core::customers::CustomerLine> for CustomerLine {
    fn from(r: &ladderless_core::customers::CustomerLine) -> CustomerLine {
        CustomerLine {
            customer: (&r.customer).into(),
            relationship_label: r.relationship_label,
            strength_label: r.strength_label,
            due: r.due,
            due_text: r.due_text.clone(),
        }
    }
}

impl ToRecord for ladderless_core::customers::CustomerLine {
    type Record = CustomerLine;
    fn record(&self) -> CustomerLine {
        CustomerLine::from(self)
    }
}
