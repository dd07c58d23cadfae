//! Organisation-specific roles and skills, added by talent admins beside the bundled catalogue.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use time::OffsetDateTime;

/// A role the organisation defined itself (code starts with `ORG-`).
#[derive(Debug, Clone, sqlx::FromRow)]
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
    pub created_at: OffsetDateTime,
}

/// A skill the organisation defined itself (id starts with `org-`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgSkill {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Description.
    pub description: String,
}

/// Inside a transaction: insert an organisation role and its skills.
macro_rules! org_role_in_tx {
    ($tx:expr, $role:expr, $skills:expr) => {
        sqlx::query("INSERT INTO org_roles (code, title, description, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(&$role.code).bind(&$role.title).bind(&$role.description).bind($role.created_by).bind($role.created_at)
            .execute(&mut *$tx).await?;
        for s in $skills {
            sqlx::query("INSERT INTO org_role_skills (role_code, skill_id, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING")
                .bind(&$role.code).bind(s).bind($role.created_at).execute(&mut *$tx).await?;
        }
    };
}

impl Store {
    /// Every organisation role, by title.
    pub async fn org_roles(&self) -> StoreResult<Vec<OrgRole>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT code, title, description, created_by, created_at FROM org_roles ORDER BY title")
            .fetch_all(p).await?),
        )
    }

    /// One organisation role.
    pub async fn org_role(&self, code: &str) -> StoreResult<Option<OrgRole>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT code, title, description, created_by, created_at FROM org_roles WHERE code = $1")
            .bind(code).fetch_optional(p).await?),
        )
    }

    /// Add an organisation role with its skills.
    pub async fn create_org_role(&self, role: &OrgRole, skills: &[String]) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            org_role_in_tx!(tx, role, skills);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Skills of an organisation role.
    pub async fn org_role_skills(&self, code: &str) -> StoreResult<Vec<String>> {
        let rows: Vec<(String,)> = on_db!(self, p => sqlx::query_as("SELECT skill_id FROM org_role_skills WHERE role_code = $1 ORDER BY skill_id")
            .bind(code).fetch_all(p).await?);
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Delete an organisation role nobody holds.
    pub async fn delete_org_role(&self, code: &str) -> StoreResult<()> {
        let (held,): (i64,) = on_db!(self, p => sqlx::query_as("SELECT COUNT(*) FROM people WHERE role_code = $1").bind(code).fetch_one(p).await?);
        if held > 0 {
            return Err(StoreError::Conflict {
                field: "code".into(),
            });
        }
        let n = on_db!(self, p => sqlx::query("DELETE FROM org_roles WHERE code = $1").bind(code).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Every organisation skill, by label.
    pub async fn org_skills(&self) -> StoreResult<Vec<OrgSkill>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, label, description FROM org_skills ORDER BY label").fetch_all(p).await?),
        )
    }

    /// Add an organisation skill.
    pub async fn create_org_skill(
        &self,
        skill: &OrgSkill,
        by: Option<Uuid>,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO org_skills (id, label, description, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(&skill.id).bind(&skill.label).bind(&skill.description).bind(by).bind(now).execute(p).await?; });
        Ok(())
    }
}
