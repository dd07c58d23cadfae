//! Skills people hold, and who they share each section of their profile with.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::compass::Section;
use ladderless_domain::org::Audience;
use time::OffsetDateTime;

/// A skill a person holds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonSkill {
    /// Skill id.
    pub skill_id: String,
    /// Level 1–5.
    pub level: i32,
    /// Wants to grow it.
    pub want_to_grow: bool,
    /// Evidence in the owner's words.
    pub evidence: String,
}

impl Store {
    /// A person's skills, highest level first.
    pub async fn person_skills(&self, person_id: Uuid) -> StoreResult<Vec<PersonSkill>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT skill_id, level, want_to_grow, evidence FROM person_skills WHERE person_id = $1 ORDER BY level DESC, skill_id")
            .bind(person_id).fetch_all(p).await?),
        )
    }

    /// Who a person shares a section with (None: never chosen, so private).
    pub async fn audience(
        &self,
        person_id: Uuid,
        section: Section,
    ) -> StoreResult<Option<Audience>> {
        let row: Option<(String,)> = on_db!(self, p => sqlx::query_as("SELECT audience FROM visibility WHERE person_id = $1 AND section = $2")
            .bind(person_id).bind(section).fetch_optional(p).await?);
        row.map(|(code,)| {
            Audience::parse_code(&code).map_err(|e| StoreError::decode("audience", e))
        })
        .transpose()
    }

    /// Set who a person shares a section with.
    pub async fn set_audience(
        &self,
        person_id: Uuid,
        section: Section,
        audience: Audience,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO visibility (person_id, section, audience, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (person_id, section) DO UPDATE SET audience = excluded.audience, updated_at = excluded.updated_at")
            .bind(person_id).bind(section).bind(audience).bind(now).execute(p).await?; });
        Ok(())
    }
}
