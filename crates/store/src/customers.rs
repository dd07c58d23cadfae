//! Internal customers: each person's own map of colleagues and teams they serve. Every query is
//! scoped to the owner, so one person's map can never be read or changed through another's id.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::compass::customers::Relationship;
use time::{Date, OffsetDateTime};

/// An internal customer in someone's map.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
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
    pub last_contact: Option<Date>,
    /// Next contact due.
    pub next_contact: Option<Date>,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
}

/// The fields of a customer that the owner writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerFields {
    /// The colleague (one of person or team).
    pub person_id: Option<Uuid>,
    /// The team.
    pub team_id: Option<Uuid>,
    /// Name at the time of writing (kept if the colleague or team disappears).
    pub name: String,
    /// How they relate to the owner.
    pub relationship: Relationship,
    /// What they are trying to achieve.
    pub goals: String,
    /// What stands in their way.
    pub obstacles: String,
    /// Notes.
    pub notes: String,
    /// Strength 1–5.
    pub strength: i32,
    /// Last contact.
    pub last_contact: Option<Date>,
    /// Next contact due.
    pub next_contact: Option<Date>,
}

const CUSTOMER_SELECT: &str = "SELECT c.id, c.person_id, c.team_id, COALESCE(p.name, t.path, c.name) AS name, \
    COALESCE(p.job_title, '') AS job_title, c.relationship, c.goals, c.obstacles, c.notes, c.strength, \
    c.last_contact, c.next_contact, c.created_at, c.updated_at \
    FROM customers c LEFT JOIN people p ON p.id = c.person_id LEFT JOIN teams t ON t.id = c.team_id";

impl Store {
    /// An owner's customers: those with a next contact first (soonest first), then by name.
    pub async fn customers(&self, owner_id: Uuid) -> StoreResult<Vec<Customer>> {
        let sql = format!(
            "{CUSTOMER_SELECT} WHERE c.owner_id = $1 \
             ORDER BY CASE WHEN c.next_contact IS NULL THEN 1 ELSE 0 END, c.next_contact, name, c.id LIMIT 1000"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(owner_id).fetch_all(p).await?),
        )
    }

    /// One of an owner's customers (NotFound when it is someone else's).
    pub async fn customer(&self, owner_id: Uuid, id: Uuid) -> StoreResult<Customer> {
        let sql = format!("{CUSTOMER_SELECT} WHERE c.owner_id = $1 AND c.id = $2");
        on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(owner_id).bind(id).fetch_optional(p).await?)
            .ok_or(StoreError::NotFound)
    }

    /// Add a customer (Conflict when the colleague or team is already in the map).
    pub async fn create_customer(
        &self,
        owner_id: Uuid,
        f: &CustomerFields,
        now: OffsetDateTime,
    ) -> StoreResult<Uuid> {
        let id = crate::new_id();
        on_db!(self, p => { sqlx::query("INSERT INTO customers (id, owner_id, person_id, team_id, name, relationship, goals, obstacles, notes, \
             strength, last_contact, next_contact, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)")
            .bind(id).bind(owner_id).bind(f.person_id).bind(f.team_id).bind(&f.name).bind(f.relationship).bind(&f.goals)
            .bind(&f.obstacles).bind(&f.notes).bind(f.strength).bind(f.last_contact).bind(f.next_contact).bind(now)
            .execute(p).await?; });
        Ok(id)
    }

    /// Change one of an owner's customers (who they are stays the same).
    pub async fn update_customer(
        &self,
        owner_id: Uuid,
        id: Uuid,
        f: &CustomerFields,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE customers SET relationship = $3, goals = $4, obstacles = $5, notes = $6, strength = $7, \
             last_contact = $8, next_contact = $9, updated_at = $10 WHERE owner_id = $1 AND id = $2")
            .bind(owner_id).bind(id).bind(f.relationship).bind(&f.goals).bind(&f.obstacles).bind(&f.notes).bind(f.strength)
            .bind(f.last_contact).bind(f.next_contact).bind(now).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Remove one of an owner's customers; conversations stay, needs lose the link.
    pub async fn delete_customer(&self, owner_id: Uuid, id: Uuid) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("DELETE FROM customers WHERE owner_id = $1 AND id = $2")
            .bind(owner_id).bind(id).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// The customer in an owner's map for a colleague or team, if any.
    pub async fn customer_for(
        &self,
        owner_id: Uuid,
        person_id: Option<Uuid>,
        team_id: Option<Uuid>,
    ) -> StoreResult<Option<Uuid>> {
        let row: Option<(Uuid,)> = on_db!(self, p => sqlx::query_as(
            "SELECT id FROM customers WHERE owner_id = $1 AND ((person_id = $2) OR (team_id = $3))")
            .bind(owner_id).bind(person_id).bind(team_id).fetch_optional(p).await?);
        Ok(row.map(|r| r.0))
    }
}
