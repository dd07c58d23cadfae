//! Strategic directions and growth areas the organisation publishes.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::direction::DirectionStatus;
use time::OffsetDateTime;

/// A strategic direction or growth area.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
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
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
}

const COLUMNS: &str =
    "id, title, aim, horizon, owner_id, skills, status, created_by, created_at, updated_at";

fn unique_title(e: StoreError) -> StoreError {
    match e {
        StoreError::Conflict { .. } => StoreError::Conflict {
            field: "title".into(),
        },
        other => other,
    }
}

impl Store {
    /// Every direction, active first, then by title.
    pub async fn directions(&self) -> StoreResult<Vec<Direction>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM directions ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, title"
        );
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(p).await?))
    }

    /// One direction.
    pub async fn direction(&self, id: Uuid) -> StoreResult<Direction> {
        let sql = format!("SELECT {COLUMNS} FROM directions WHERE id = $1");
        let d: Option<Direction> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        d.ok_or(StoreError::NotFound)
    }

    /// Publish a direction.
    pub async fn insert_direction(&self, d: &Direction) -> StoreResult<()> {
        let r = on_db!(self, p => sqlx::query("INSERT INTO directions (id, title, aim, horizon, owner_id, skills, status, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
            .bind(d.id).bind(&d.title).bind(&d.aim).bind(&d.horizon).bind(d.owner_id).bind(&d.skills).bind(d.status)
            .bind(d.created_by).bind(d.created_at).bind(d.updated_at).execute(p).await.map(|_| ()).map_err(StoreError::from));
        r.map_err(unique_title)
    }

    /// Change a direction's text, owner and status.
    pub async fn update_direction(&self, d: &Direction) -> StoreResult<()> {
        let r = on_db!(self, p => sqlx::query("UPDATE directions SET title = $2, aim = $3, horizon = $4, owner_id = $5, skills = $6, status = $7, updated_at = $8 WHERE id = $1")
            .bind(d.id).bind(&d.title).bind(&d.aim).bind(&d.horizon).bind(d.owner_id).bind(&d.skills).bind(d.status).bind(d.updated_at)
            .execute(p).await.map(|r| r.rows_affected()).map_err(StoreError::from));
        match r.map_err(unique_title)? {
            0 => Err(StoreError::NotFound),
            _ => Ok(()),
        }
    }

    /// Link a role (catalogue or organisation code) to a direction.
    pub async fn link_direction_role(
        &self,
        direction: Uuid,
        role_code: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO direction_roles (direction_id, role_code, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING")
            .bind(direction).bind(role_code).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Unlink a role from a direction.
    pub async fn unlink_direction_role(&self, direction: Uuid, role_code: &str) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("DELETE FROM direction_roles WHERE direction_id = $1 AND role_code = $2")
            .bind(direction).bind(role_code).execute(p).await?; });
        Ok(())
    }

    /// Role codes linked to a direction.
    pub async fn direction_roles(&self, direction: Uuid) -> StoreResult<Vec<String>> {
        let rows: Vec<(String,)> = on_db!(self, p => sqlx::query_as("SELECT role_code FROM direction_roles WHERE direction_id = $1 ORDER BY role_code")
            .bind(direction).fetch_all(p).await?);
        Ok(rows.into_iter().map(|r| r.0).collect())
    }
}
