//! Bulk look-ups behind paths and plans: what in the product could close a skill gap, read
//! once per page rather than once per gap.

use crate::opportunities::Opportunity;
use crate::{Store, StoreResult, Uuid, on_db};

/// Someone who shares a skill with everyone.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SkillHolder {
    /// Person.
    pub person_id: Uuid,
    /// Their name.
    pub name: String,
    /// The skill.
    pub skill_id: String,
    /// Their level, 1–5.
    pub level: i32,
}

const OPEN_COLUMNS: &str = "o.id, o.owner_id, o.title, o.stage, o.need_id, o.need_text, o.direction_id, o.audience, o.whose_goal, o.problem, \
    o.outcome, o.measure, o.factors, o.skills, o.pitch, o.created_at, o.updated_at";

impl Store {
    /// Opportunities still open (not ended in an outcome) that `viewer` may see: their own,
    /// those shared with everyone, those shared with the team of someone they manage or whose
    /// team they are in, and those proposed to them. The same rule as the opportunity pages,
    /// in one query.
    pub async fn open_opportunities_visible_to(
        &self,
        viewer: Uuid,
        viewer_team: Option<Uuid>,
    ) -> StoreResult<Vec<Opportunity>> {
        let sql = format!(
            "SELECT {OPEN_COLUMNS} FROM opportunities o JOIN people w ON w.id = o.owner_id \
             WHERE o.stage NOT IN ('new_role', 'expanded_role', 'parked', 'dropped') AND ( \
               o.owner_id = $1 OR o.audience = 'everyone' \
               OR (o.audience = 'team' AND (w.manager_id = $1 OR (w.team_id IS NOT NULL AND w.team_id = $2))) \
               OR EXISTS (SELECT 1 FROM proposals pr WHERE pr.opportunity_id = o.id AND pr.sponsor_id = $1 AND pr.status <> 'withdrawn')) \
             ORDER BY o.updated_at DESC LIMIT 500"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(viewer).bind(viewer_team).fetch_all(p).await?),
        )
    }

    /// Active people who share their skills with everyone and hold one of `skill_ids` at
    /// `min_level` or above, strongest first.
    pub async fn public_skill_holders(
        &self,
        skill_ids: &[String],
        min_level: i32,
    ) -> StoreResult<Vec<SkillHolder>> {
        if skill_ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for chunk in skill_ids.chunks(400) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT ps.person_id, p.name, ps.skill_id, ps.level FROM person_skills ps \
                 JOIN people p ON p.id = ps.person_id \
                 JOIN visibility v ON v.person_id = ps.person_id AND v.section = 'skills' AND v.audience = 'everyone' \
                 WHERE p.active = TRUE AND ps.level >= $1 AND ps.skill_id IN ({}) ORDER BY ps.level DESC, p.name LIMIT 1000",
                marks.join(",")
            );
            let rows: Vec<SkillHolder> = on_db!(self, p => {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(min_level);
                for id in chunk { q = q.bind(id.clone()); }
                q.fetch_all(p).await?
            });
            out.extend(rows);
        }
        Ok(out)
    }

    /// Every (direction, role code) link.
    pub async fn direction_role_links(&self) -> StoreResult<Vec<(Uuid, String)>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT direction_id, role_code FROM direction_roles ORDER BY direction_id, role_code")
            .fetch_all(p).await?),
        )
    }
}
