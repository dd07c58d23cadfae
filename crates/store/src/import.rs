//! Applying an import (or a generated demo organisation) in one transaction, in batches.

use crate::teams::ancestry;
use crate::{Store, StoreResult, Uuid, new_id, on_db};
use ladderless_domain::compass::Section;
use ladderless_domain::import::Existing;
use ladderless_domain::org::Audience;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

/// A person to insert.
#[derive(Debug, Clone)]
pub struct NewPerson {
    /// Pre-assigned id (so reports can point at new managers).
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
    /// Team path.
    pub team: Option<String>,
    /// Manager (inserted earlier or existing).
    pub manager_id: Option<Uuid>,
    /// Start in current role.
    pub role_start_date: Option<Date>,
    /// Office or region.
    pub location: String,
}

/// A role-history entry to add.
#[derive(Debug, Clone)]
pub struct NewHistory {
    /// Person.
    pub person_id: Uuid,
    /// Role held.
    pub role_code: Option<String>,
    /// Title held.
    pub job_title: String,
    /// From.
    pub started_on: Option<Date>,
    /// Until (None: current).
    pub ended_on: Option<Date>,
    /// Close the person's open entry at `started_on` first.
    pub close_open: bool,
    /// import, demo, pilot.
    pub source: &'static str,
}

/// A skill a person holds.
#[derive(Debug, Clone)]
pub struct NewSkill {
    /// Person.
    pub person_id: Uuid,
    /// Skill id (catalogue or organisation).
    pub skill_id: String,
    /// Level 1–5.
    pub level: i32,
    /// Wants to grow it.
    pub want_to_grow: bool,
}

/// Everything one import or demo run writes.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// New people, managers first.
    pub creates: Vec<NewPerson>,
    /// Changed people (same shape; `id` is the existing id).
    pub updates: Vec<NewPerson>,
    /// People to deactivate.
    pub deactivate: Vec<Uuid>,
    /// Role-history entries.
    pub history: Vec<NewHistory>,
    /// Skills.
    pub skills: Vec<NewSkill>,
    /// Sharing choices: (person, section, audience).
    pub visibility: Vec<(Uuid, Section, Audience)>,
    /// Directory search documents.
    pub search_docs: Vec<(Uuid, String)>,
    /// Accounts: (person, password hash, talent admin, facilitator).
    pub accounts: Vec<(Uuid, String, bool, bool)>,
    /// The run to record, when this is an import.
    pub run: Option<ImportRun>,
}

/// A finished import, as listed to admins.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ImportRun {
    /// Id.
    pub id: Uuid,
    /// Who ran it (None: the command line).
    pub actor_id: Option<Uuid>,
    /// File name or "cli".
    pub source: String,
    /// People created.
    pub created_count: i32,
    /// People updated.
    pub updated_count: i32,
    /// People unchanged.
    pub unchanged_count: i32,
    /// People deactivated.
    pub deactivated_count: i32,
    /// When.
    pub created_at: OffsetDateTime,
}

const CHUNK: usize = 400;

#[derive(sqlx::FromRow)]
struct ExistingRow {
    id: Uuid,
    employee_id: String,
    name: String,
    email: String,
    job_title: String,
    role_code: Option<String>,
    team: Option<String>,
    manager_employee_id: Option<String>,
    role_start_date: Option<Date>,
    location: String,
    active: bool,
}

/// A person's HRIS keys, for reconciling records with another system.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonKeys {
    /// Stored id.
    pub id: Uuid,
    /// HRIS employee id.
    pub employee_id: String,
    /// E-mail, lower-cased.
    pub email: String,
}

impl Store {
    /// The HRIS keys of these people (order not kept; unknown ids left out).
    pub async fn person_keys(&self, ids: &[Uuid]) -> StoreResult<Vec<PersonKeys>> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT id, employee_id, email FROM people WHERE id IN ({})",
                marks.join(",")
            );
            let rows: Vec<PersonKeys> = on_db!(self, p => {
                let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
                for id in chunk { q = q.bind(*id); }
                q.fetch_all(p).await?
            });
            out.extend(rows);
        }
        Ok(out)
    }

    /// Ids of the people (active or not) whose employee id and e-mail are exactly these;
    /// a `None` key matches anyone. The e-mail must already be lower-cased.
    pub async fn people_by_keys(
        &self,
        employee_id: Option<&str>,
        email: Option<&str>,
    ) -> StoreResult<Vec<Uuid>> {
        let rows: Vec<(Uuid,)> = on_db!(self, p => sqlx::query_as(
            "SELECT id FROM people WHERE ($1 IS NULL OR employee_id = $1) \
             AND ($2 IS NULL OR email = $2) ORDER BY name, id LIMIT 200",
        )
        .bind(employee_id)
        .bind(email)
        .fetch_all(p)
        .await?);
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Everyone, in the terms an import compares against.
    pub async fn import_snapshot(&self) -> StoreResult<Vec<Existing>> {
        let rows: Vec<ExistingRow> = on_db!(self, p => sqlx::query_as(
            "SELECT p.id, p.employee_id, p.name, p.email, p.job_title, p.role_code, t.path AS team, \
             m.employee_id AS manager_employee_id, p.role_start_date, p.location, p.active \
             FROM people p LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN people m ON m.id = p.manager_id")
            .fetch_all(p).await?);
        Ok(rows
            .into_iter()
            .map(|r| Existing {
                id: r.id,
                employee_id: r.employee_id,
                name: r.name,
                email: r.email,
                job_title: r.job_title,
                role_code: r.role_code,
                team: r.team,
                manager_employee_id: r.manager_employee_id,
                role_start_date: r.role_start_date,
                location: r.location,
                active: r.active,
            })
            .collect())
    }

    /// Past import runs, newest first.
    pub async fn import_runs(&self, limit: i64) -> StoreResult<Vec<ImportRun>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT id, actor_id, source, created_count, updated_count, unchanged_count, deactivated_count, created_at \
             FROM import_runs ORDER BY created_at DESC LIMIT $1").bind(limit).fetch_all(p).await?))
    }

    /// Write a whole batch atomically: all of it or none of it.
    pub async fn apply_batch(&self, batch: &Batch, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            // Teams: make every path (and its ancestors) exist.
            let existing: Vec<(Uuid, String)> = sqlx::query_as("SELECT id, path FROM teams").fetch_all(&mut *tx).await?;
            let mut team_ids: HashMap<String, Uuid> = existing.into_iter().map(|(id, path)| (path, id)).collect();
            let mut paths: Vec<&str> = batch.creates.iter().chain(&batch.updates).filter_map(|n| n.team.as_deref()).collect();
            paths.sort_unstable();
            paths.dedup();
            for path in paths {
                for (full, name, parent) in ancestry(path) {
                    if team_ids.contains_key(&full) { continue; }
                    let id = new_id();
                    let parent_id = parent.and_then(|pp| team_ids.get(&pp).copied());
                    sqlx::query("INSERT INTO teams (id, name, path, parent_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
                        .bind(id).bind(&name).bind(&full).bind(parent_id).bind(now).execute(&mut *tx).await?;
                    team_ids.insert(full, id);
                }
            }
            let team_of = |n: &NewPerson| n.team.as_ref().and_then(|t| team_ids.get(t).copied());
            for chunk in batch.creates.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO people (id, employee_id, name, email, job_title, role_code, team_id, \
                    manager_id, role_start_date, location, active, is_talent_admin, is_facilitator, created_at, updated_at) ");
                qb.push_values(chunk, |mut b, n| {
                    b.push_bind(n.id).push_bind(&n.employee_id).push_bind(&n.name).push_bind(&n.email)
                        .push_bind(&n.job_title).push_bind(&n.role_code).push_bind(team_of(n)).push_bind(n.manager_id)
                        .push_bind(n.role_start_date).push_bind(&n.location).push_bind(true).push_bind(false)
                        .push_bind(false).push_bind(now).push_bind(now);
                });
                qb.build().execute(&mut *tx).await?;
            }
            for n in &batch.updates {
                sqlx::query("UPDATE people SET employee_id = $2, name = $3, email = $4, job_title = $5, role_code = $6, team_id = $7, \
                    manager_id = $8, role_start_date = COALESCE($9, role_start_date), location = $10, active = TRUE, updated_at = $11 WHERE id = $1")
                    .bind(n.id).bind(&n.employee_id).bind(&n.name).bind(&n.email).bind(&n.job_title).bind(&n.role_code)
                    .bind(team_of(n)).bind(n.manager_id).bind(n.role_start_date).bind(&n.location).bind(now)
                    .execute(&mut *tx).await?;
            }
            for id in &batch.deactivate {
                sqlx::query("UPDATE people SET active = FALSE, updated_at = $2 WHERE id = $1").bind(id).bind(now).execute(&mut *tx).await?;
                sqlx::query("DELETE FROM sessions WHERE person_id = $1").bind(id).execute(&mut *tx).await?;
            }
            for h in batch.history.iter().filter(|h| h.close_open) {
                let end = h.started_on.unwrap_or(now.date());
                sqlx::query("UPDATE role_history SET ended_on = $2, updated_at = $3 WHERE person_id = $1 AND ended_on IS NULL")
                    .bind(h.person_id).bind(end).bind(now).execute(&mut *tx).await?;
            }
            for chunk in batch.history.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO role_history (id, person_id, role_code, job_title, started_on, ended_on, source, created_at, updated_at) ");
                qb.push_values(chunk, |mut b, h| {
                    b.push_bind(new_id()).push_bind(h.person_id).push_bind(&h.role_code).push_bind(&h.job_title)
                        .push_bind(h.started_on).push_bind(h.ended_on).push_bind(h.source).push_bind(now).push_bind(now);
                });
                qb.build().execute(&mut *tx).await?;
            }
            for chunk in batch.skills.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO person_skills (person_id, skill_id, level, want_to_grow, evidence, created_at, updated_at) ");
                qb.push_values(chunk, |mut b, s| {
                    b.push_bind(s.person_id).push_bind(&s.skill_id).push_bind(s.level).push_bind(s.want_to_grow)
                        .push_bind("").push_bind(now).push_bind(now);
                });
                qb.push(" ON CONFLICT (person_id, skill_id) DO UPDATE SET level = excluded.level, want_to_grow = excluded.want_to_grow, updated_at = excluded.updated_at");
                qb.build().execute(&mut *tx).await?;
            }
            for chunk in batch.visibility.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO visibility (person_id, section, audience, created_at, updated_at) ");
                qb.push_values(chunk, |mut b, (pid, section, audience)| {
                    b.push_bind(*pid).push_bind(section).push_bind(audience).push_bind(now).push_bind(now);
                });
                qb.push(" ON CONFLICT (person_id, section) DO UPDATE SET audience = excluded.audience, updated_at = excluded.updated_at");
                qb.build().execute(&mut *tx).await?;
            }
            for chunk in batch.search_docs.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::new("INSERT INTO search_docs (person_id, doc) ");
                qb.push_values(chunk, |mut b, (pid, doc)| { b.push_bind(*pid).push_bind(doc); });
                qb.push(" ON CONFLICT (person_id) DO UPDATE SET doc = excluded.doc");
                qb.build().execute(&mut *tx).await?;
            }
            for (pid, hash, admin, facilitator) in &batch.accounts {
                sqlx::query("UPDATE people SET password_hash = $2, is_talent_admin = $3, is_facilitator = $4, updated_at = $5 WHERE id = $1")
                    .bind(pid).bind(hash).bind(admin).bind(facilitator).bind(now).execute(&mut *tx).await?;
            }
            if let Some(r) = &batch.run {
                sqlx::query("INSERT INTO import_runs (id, actor_id, source, created_count, updated_count, unchanged_count, deactivated_count, created_at, updated_at) \
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)")
                    .bind(r.id).bind(r.actor_id).bind(&r.source).bind(r.created_count).bind(r.updated_count)
                    .bind(r.unchanged_count).bind(r.deactivated_count).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
