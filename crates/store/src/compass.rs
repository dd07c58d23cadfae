//! The career compass: factors, values, interests and aspirations, target roles, and the
//! history of every change. Skills live in `person_skills` (see `skills.rs`); changing them here
//! also keeps their history. Each write and its history entry go in one transaction.

use crate::people::{CARD_COLUMNS, PersonCard};
use crate::skills::PersonSkill;
use crate::{Store, StoreError, StoreResult, Uuid, new_id, on_db};
use ladderless_domain::compass::Section;
use ladderless_domain::compass::history::ChangeKind;
use ladderless_domain::org::Audience;
use time::OffsetDateTime;

/// A person's compass row (absent until they first save something).
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct CompassRow {
    /// Ranking, stored as "autonomy,learning,meaning,status"; empty when not ranked yet.
    pub ranking: String,
    /// How well the job meets status and recognition (met, partly, not_met or empty).
    pub met_status: String,
    /// The same for autonomy.
    pub met_autonomy: String,
    /// The same for meaningful work.
    pub met_meaning: String,
    /// The same for continued learning.
    pub met_learning: String,
    /// Interests, free text.
    pub interests: String,
    /// Aspirations, free text.
    pub aspirations: String,
}

/// A personal value.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ValueRow {
    /// Id.
    pub id: Uuid,
    /// The value in the owner's words.
    pub label: String,
}

/// A kept change, as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ChangeRow {
    /// The section it belongs to.
    pub section: Section,
    /// What kind of change.
    pub kind: ChangeKind,
    /// What it is about.
    pub subject: String,
    /// New value.
    pub value: String,
    /// When.
    pub created_at: OffsetDateTime,
}

/// A change to keep: (section, kind, subject, value).
pub type NewChange = (Section, ChangeKind, String, String);

/// A person who shares part of their compass with a viewer, and which part.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SharedSection {
    /// Who.
    #[sqlx(flatten)]
    pub person: PersonCard,
    /// The section shared.
    pub section: Section,
    /// With whom.
    pub audience: Audience,
    /// The viewer is their manager.
    pub is_report: bool,
}

/// Insert kept changes inside a transaction.
macro_rules! keep_changes {
    ($tx:expr, $person:expr, $changes:expr, $now:expr) => {
        for (section, kind, subject, value) in $changes {
            sqlx::query("INSERT INTO compass_changes (id, person_id, section, kind, subject, value, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                .bind(new_id()).bind($person).bind(section).bind(kind).bind(subject).bind(value).bind($now)
                .execute(&mut *$tx).await?;
        }
    };
}

impl Store {
    /// A person's compass row, if they have saved one.
    pub async fn compass(&self, person_id: Uuid) -> StoreResult<Option<CompassRow>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT ranking, met_status, met_autonomy, met_meaning, met_learning, interests, aspirations \
             FROM compasses WHERE person_id = $1").bind(person_id).fetch_optional(p).await?))
    }

    /// Save the ranking and "met" answers, keeping `changes`.
    pub async fn save_factors(
        &self,
        person_id: Uuid,
        ranking: &str,
        met: [&str; 4],
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO compasses (person_id, ranking, met_status, met_autonomy, met_meaning, met_learning, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (person_id) DO UPDATE SET ranking = excluded.ranking, \
                 met_status = excluded.met_status, met_autonomy = excluded.met_autonomy, met_meaning = excluded.met_meaning, \
                 met_learning = excluded.met_learning, updated_at = excluded.updated_at")
                .bind(person_id).bind(ranking).bind(met[0]).bind(met[1]).bind(met[2]).bind(met[3]).bind(now)
                .execute(&mut *tx).await?;
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Save interests and aspirations, keeping `changes`.
    pub async fn save_aspirations(
        &self,
        person_id: Uuid,
        interests: &str,
        aspirations: &str,
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO compasses (person_id, interests, aspirations, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
                 ON CONFLICT (person_id) DO UPDATE SET interests = excluded.interests, aspirations = excluded.aspirations, updated_at = excluded.updated_at")
                .bind(person_id).bind(interests).bind(aspirations).bind(now).execute(&mut *tx).await?;
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// A person's values, oldest first.
    pub async fn compass_values(&self, person_id: Uuid) -> StoreResult<Vec<ValueRow>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, label FROM compass_values WHERE person_id = $1 ORDER BY created_at, id")
            .bind(person_id).fetch_all(p).await?),
        )
    }

    /// Add a value (unique per person, ignoring case), keeping `changes`.
    pub async fn add_value(
        &self,
        person_id: Uuid,
        label: &str,
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<ValueRow> {
        let id = new_id();
        let key = label.to_lowercase();
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO compass_values (id, person_id, label, label_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
                .bind(id).bind(person_id).bind(label).bind(&key).bind(now).execute(&mut *tx).await?;
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(ValueRow {
            id,
            label: label.to_string(),
        })
    }

    /// Remove one of a person's values (NotFound when it is not theirs), keeping `changes`.
    pub async fn remove_value(
        &self,
        person_id: Uuid,
        id: Uuid,
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("DELETE FROM compass_values WHERE id = $1 AND person_id = $2").bind(id).bind(person_id)
                .execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Add or change one of a person's skills, keeping `changes`.
    pub async fn save_person_skill(
        &self,
        person_id: Uuid,
        skill: &PersonSkill,
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO person_skills (person_id, skill_id, level, want_to_grow, evidence, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (person_id, skill_id) DO UPDATE SET level = excluded.level, \
                 want_to_grow = excluded.want_to_grow, evidence = excluded.evidence, updated_at = excluded.updated_at")
                .bind(person_id).bind(&skill.skill_id).bind(skill.level).bind(skill.want_to_grow).bind(&skill.evidence).bind(now)
                .execute(&mut *tx).await?;
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Remove one of a person's skills (NotFound when they do not hold it), keeping `changes`.
    pub async fn remove_person_skill(
        &self,
        person_id: Uuid,
        skill_id: &str,
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("DELETE FROM person_skills WHERE person_id = $1 AND skill_id = $2").bind(person_id).bind(skill_id)
                .execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// A person's target roles, oldest first.
    pub async fn target_roles(&self, person_id: Uuid) -> StoreResult<Vec<String>> {
        let rows: Vec<(String,)> = on_db!(self, p => sqlx::query_as("SELECT role_code FROM compass_target_roles WHERE person_id = $1 ORDER BY created_at, role_code")
            .bind(person_id).fetch_all(p).await?);
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Add a target role (Conflict when already there), keeping `changes`.
    pub async fn add_target_role(
        &self,
        person_id: Uuid,
        role_code: &str,
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO compass_target_roles (person_id, role_code, created_at, updated_at) VALUES ($1, $2, $3, $3)")
                .bind(person_id).bind(role_code).bind(now).execute(&mut *tx).await?;
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Remove a target role (NotFound when not there), keeping `changes`.
    pub async fn remove_target_role(
        &self,
        person_id: Uuid,
        role_code: &str,
        changes: &[NewChange],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("DELETE FROM compass_target_roles WHERE person_id = $1 AND role_code = $2").bind(person_id).bind(role_code)
                .execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            keep_changes!(tx, person_id, changes, now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Kept changes of the given sections, oldest first (at most `limit`, the latest ones).
    pub async fn compass_changes(
        &self,
        person_id: Uuid,
        sections: &[Section],
        limit: i64,
    ) -> StoreResult<Vec<ChangeRow>> {
        if sections.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (0..sections.len()).map(|i| format!("${}", i + 3)).collect();
        let sql = format!(
            "SELECT section, kind, subject, value, created_at FROM (SELECT section, kind, subject, value, created_at, id FROM compass_changes \
             WHERE person_id = $1 AND section IN ({}) ORDER BY created_at DESC, id DESC LIMIT $2) recent ORDER BY created_at, id",
            marks.join(",")
        );
        Ok(on_db!(self, p => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(person_id).bind(limit);
            for s in sections { q = q.bind(s); }
            q.fetch_all(p).await?
        }))
    }

    /// Active people (not the viewer) who share a compass section with the viewer: their
    /// reports (manager or wider audiences), the talent team (when `talent_admin`), or everyone.
    pub async fn shared_sections(
        &self,
        viewer: Uuid,
        talent_admin: bool,
        sections: &[Section],
        limit: i64,
    ) -> StoreResult<Vec<SharedSection>> {
        if sections.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (0..sections.len()).map(|i| format!("${}", i + 4)).collect();
        let sql = format!(
            "SELECT {CARD_COLUMNS}, v.section, v.audience, (p.manager_id IS NOT NULL AND p.manager_id = $1) AS is_report \
             FROM visibility v JOIN people p ON p.id = v.person_id LEFT JOIN teams t ON t.id = p.team_id \
             WHERE p.active = TRUE AND p.id <> $1 AND v.section IN ({}) AND ( \
               (p.manager_id = $1 AND v.audience IN ('manager', 'talent_team', 'everyone')) \
               OR ($2 AND v.audience IN ('talent_team', 'everyone')) OR v.audience = 'everyone') \
             ORDER BY is_report DESC, p.name, p.id, v.section LIMIT $3",
            marks.join(",")
        );
        Ok(on_db!(self, p => {
            let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(viewer).bind(talent_admin).bind(limit);
            for s in sections { q = q.bind(s); }
            q.fetch_all(p).await?
        }))
    }
}
