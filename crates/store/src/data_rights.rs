//! Data rights: each person's data exports (their state, progress and zip), the queries that
//! read one person's own records for an export, counting and erasing a person's records in one
//! transaction, "who looked at my data" entries, and the retention purges.
//!
//! The export queries return rows as JSON objects decoded from whatever column types each
//! database has, so one list of queries serves both. Each query binds the person's id as `$1`
//! (and, for the audit file, the id as text and the e-mail as `$2` and `$3`). A colleague
//! another record names is given by name only while they are in the directory (active).

use crate::{Pools, Store, StoreError, StoreResult, Uuid, new_id, on_db};
use ladderless_domain::erasure::RecordCounts;
use serde_json::{Map, Value};
use sqlx::{Column, Row, TypeInfo, ValueRef};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The audit action written when a talent admin views someone's private data.
pub const PRIVATE_VIEW: &str = "private_view";
/// The audit action written when a talent admin erases a person.
pub const PERSON_ERASE: &str = "person_erase";

/// An export as stored (the zip itself is read separately, by [`Store::export_archive`]).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DataExport {
    /// Id.
    pub id: Uuid,
    /// Whose data.
    pub person_id: Uuid,
    /// `queued`, `running`, `ready`, `failed` or `expired`.
    pub state: String,
    /// Files written so far.
    pub files_done: i32,
    /// Files in all.
    pub files_total: i32,
    /// Why it failed.
    pub error: String,
    /// Size of the zip in bytes.
    pub size_bytes: i64,
    /// When it finished.
    pub finished_at: Option<OffsetDateTime>,
    /// When the zip is removed.
    pub expires_at: Option<OffsetDateTime>,
    /// When asked for.
    pub created_at: OffsetDateTime,
}

const EXPORT_COLUMNS: &str = "id, person_id, state, files_done, files_total, error, size_bytes, finished_at, expires_at, created_at";

/// One file of an export: its name, what it holds (for the README) and its query.
#[derive(Debug, Clone, Copy)]
pub struct ExportFile {
    /// File name without extension (`.json` and `.csv` are written).
    pub name: &'static str,
    /// What it holds, one line.
    pub about: &'static str,
    /// The query; `$1` is the person's id.
    sql: &'static str,
    /// Whether the query also takes `$2` (the id as text) and `$3` (the e-mail).
    subject_binds: bool,
}

macro_rules! file {
    ($name:literal, $about:literal, $sql:literal) => {
        ExportFile {
            name: $name,
            about: $about,
            sql: $sql,
            subject_binds: false,
        }
    };
}

/// Every file of an export, in the order they are written.
pub const EXPORT_FILES: &[ExportFile] = &[
    file!(
        "profile",
        "Your directory record: name, e-mail, employee id, title, role, team, location, manager (by name while they are in the directory), access roles.",
        "SELECT p.id, p.employee_id, p.name, p.email, p.job_title, p.role_code, t.name AS team, p.location, p.role_start_date, \
         CASE WHEN m.active THEN m.name END AS manager_name, p.active, p.is_talent_admin, p.is_facilitator, p.created_at, p.updated_at \
         FROM people p LEFT JOIN teams t ON t.id = p.team_id LEFT JOIN people m ON m.id = p.manager_id WHERE p.id = $1"
    ),
    file!(
        "role_history",
        "The roles you have held, from the HR import or your own entries.",
        "SELECT id, role_code, job_title, started_on, ended_on, source, created_at FROM role_history WHERE person_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "skills",
        "Your skills with their level, whether you want to grow them and your evidence.",
        "SELECT skill_id, level, want_to_grow, evidence, created_at, updated_at FROM person_skills WHERE person_id = $1 ORDER BY skill_id"
    ),
    file!(
        "sharing",
        "Who you share each section of your profile with.",
        "SELECT section, audience, updated_at FROM visibility WHERE person_id = $1 ORDER BY section"
    ),
    file!(
        "compass",
        "Your compass: the ranking of status, autonomy, meaning and learning, how well each is met, your interests and aspirations.",
        "SELECT ranking, met_status, met_autonomy, met_meaning, met_learning, interests, aspirations, created_at, updated_at FROM compasses WHERE person_id = $1"
    ),
    file!(
        "compass_values",
        "The values you named in your compass.",
        "SELECT id, label, created_at FROM compass_values WHERE person_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "compass_target_roles",
        "Roles you aim for.",
        "SELECT role_code, created_at FROM compass_target_roles WHERE person_id = $1 ORDER BY role_code"
    ),
    file!(
        "compass_history",
        "Every change to your compass over time.",
        "SELECT id, section, kind, subject, value, created_at FROM compass_changes WHERE person_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "customers",
        "Your customers: who they are to you, their goals and obstacles, your notes; a colleague's name while they are in the directory.",
        "SELECT c.id, c.name, c.relationship, c.person_id AS colleague_id, CASE WHEN o.active THEN o.name END AS colleague_name, t.name AS team, \
         c.goals, c.obstacles, c.notes, c.strength, c.last_contact, c.next_contact, c.created_at, c.updated_at \
         FROM customers c LEFT JOIN people o ON o.id = c.person_id LEFT JOIN teams t ON t.id = c.team_id WHERE c.owner_id = $1 ORDER BY c.created_at, c.id"
    ),
    file!(
        "conversations",
        "Your conversations and what you learned.",
        "SELECT id, held_on, kind, title, learned, created_at, updated_at FROM conversations WHERE owner_id = $1 ORDER BY held_on, id"
    ),
    file!(
        "conversation_customers",
        "Which customers each conversation was with.",
        "SELECT cc.conversation_id, cc.customer_id FROM conversation_customers cc JOIN conversations c ON c.id = cc.conversation_id WHERE c.owner_id = $1 ORDER BY cc.conversation_id"
    ),
    file!(
        "conversation_questions",
        "The questions you asked in each conversation.",
        "SELECT q.id, q.conversation_id, q.position, q.text, q.bank_id FROM conversation_questions q JOIN conversations c ON c.id = q.conversation_id \
         WHERE c.owner_id = $1 ORDER BY q.conversation_id, q.position"
    ),
    file!(
        "follow_ups",
        "Follow-ups from your conversations, with when they are due and when done.",
        "SELECT id, conversation_id, customer_id, action, due_on, done_at, created_at FROM follow_ups WHERE owner_id = $1 ORDER BY due_on, id"
    ),
    file!(
        "needs",
        "Needs you heard in conversations, with your evidence.",
        "SELECT id, conversation_id, customer_id, need, evidence, opportunity_id, created_at FROM needs WHERE owner_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "opportunities",
        "Your leadership opportunities and their value proposition.",
        "SELECT id, title, stage, need_id, need_text, direction_id, audience, whose_goal, problem, outcome, measure, factors, skills, pitch, created_at, updated_at \
         FROM opportunities WHERE owner_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "opportunity_moves",
        "How each of your opportunities moved between stages.",
        "SELECT m.id, m.opportunity_id, m.from_stage, m.to_stage, m.reason, m.created_at FROM opportunity_moves m JOIN opportunities o ON o.id = m.opportunity_id \
         WHERE o.owner_id = $1 ORDER BY m.created_at, m.id"
    ),
    file!(
        "proposals",
        "Proposals you sent, with the sponsor (by name while they are in the directory) and their answer.",
        "SELECT pr.id, pr.opportunity_id, pr.sponsor_id, CASE WHEN s.active THEN s.name END AS sponsor_name, pr.time_share, pr.duration_weeks, pr.resources, \
         pr.message, pr.status, pr.answer_reason, pr.answered_at, pr.last_asked_at, pr.created_at FROM proposals pr LEFT JOIN people s ON s.id = pr.sponsor_id \
         WHERE pr.owner_id = $1 ORDER BY pr.created_at, pr.id"
    ),
    file!(
        "proposal_asks",
        "Each time you asked a sponsor again.",
        "SELECT a.id, a.proposal_id, a.note, a.created_at FROM proposal_asks a JOIN proposals pr ON pr.id = a.proposal_id WHERE pr.owner_id = $1 ORDER BY a.created_at, a.id"
    ),
    file!(
        "pilots",
        "Pilots you ran, with their outcome and your reflection.",
        "SELECT pl.id, pl.opportunity_id, pl.proposal_id, pl.sponsor_id, CASE WHEN s.active THEN s.name END AS sponsor_name, pl.responsibilities, pl.time_share, \
         pl.starts_on, pl.ends_on, pl.outcome, pl.reflection, pl.role_code, pl.ended_at, pl.created_at FROM pilots pl LEFT JOIN people s ON s.id = pl.sponsor_id \
         WHERE pl.owner_id = $1 ORDER BY pl.created_at, pl.id"
    ),
    file!(
        "pilot_checkins",
        "Check-ins on your pilots, and check-ins you wrote on pilots you sponsor.",
        "SELECT c.id, c.pilot_id, CASE WHEN c.author_id = $1 THEN 'you' WHEN a.active THEN a.name END AS author, c.note, c.created_at \
         FROM pilot_checkins c JOIN pilots pl ON pl.id = c.pilot_id LEFT JOIN people a ON a.id = c.author_id \
         WHERE pl.owner_id = $1 OR c.author_id = $1 ORDER BY c.created_at, c.id"
    ),
    file!(
        "plans",
        "Your career plans and their business case.",
        "SELECT id, title, business_case, cadence, sharing, from_role, started_on, created_at, updated_at FROM career_plans WHERE owner_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "plan_items",
        "The steps of your plans.",
        "SELECT i.id, i.plan_id, i.section, i.kind, i.reference, i.label, i.done, i.position FROM career_plan_items i JOIN career_plans c ON c.id = i.plan_id \
         WHERE c.owner_id = $1 ORDER BY i.plan_id, i.position"
    ),
    file!(
        "plan_milestones",
        "The milestones of your plans.",
        "SELECT m.id, m.plan_id, m.title, m.due_on, m.done_on FROM career_plan_milestones m JOIN career_plans c ON c.id = m.plan_id \
         WHERE c.owner_id = $1 ORDER BY m.plan_id, m.due_on"
    ),
    file!(
        "plan_reviews",
        "Reviews of your plans, and reviews you wrote on plans shared with you.",
        "SELECT r.id, r.plan_id, CASE WHEN r.author_id = $1 THEN 'you' WHEN a.active THEN a.name END AS author, r.note, r.created_at \
         FROM career_plan_reviews r JOIN career_plans c ON c.id = r.plan_id LEFT JOIN people a ON a.id = r.author_id \
         WHERE c.owner_id = $1 OR r.author_id = $1 ORDER BY r.created_at, r.id"
    ),
    file!(
        "placements_posted",
        "Placements you posted.",
        "SELECT id, kind, status, title, description, offers_status, offers_autonomy, offers_meaning, offers_learning, hours_per_week, duration_weeks, \
         location, work_mode, places, closes_on, created_at, updated_at FROM placements WHERE owner_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "placement_interests",
        "Your interest in placements, with your note and the answer.",
        "SELECT i.id, i.placement_id, pl.title AS placement_title, i.note, i.status, i.reason, i.confidential, i.decided_at, i.created_at \
         FROM placement_interests i JOIN placements pl ON pl.id = i.placement_id WHERE i.person_id = $1 ORDER BY i.created_at, i.id"
    ),
    file!(
        "placement_not_for_me",
        "Placements you marked as not for you, with why.",
        "SELECT placement_id, reason, created_at FROM placement_not_for_me WHERE person_id = $1 ORDER BY created_at"
    ),
    file!(
        "placement_profile",
        "Your placement profile: whether owners may find you and the hours you have.",
        "SELECT discoverable, hours_available, created_at, updated_at FROM placement_profiles WHERE person_id = $1"
    ),
    file!(
        "placement_history",
        "Placements you took part in.",
        "SELECT id, placement_id, kind, title, accepted_on, created_at FROM placement_history WHERE person_id = $1 ORDER BY accepted_on, id"
    ),
    file!(
        "window_shopping",
        "Your window-shopping reactions and what each told us about your factors.",
        "SELECT card_kind, card_ref, reaction, f_status, f_autonomy, f_meaning, f_learning, created_at FROM shopping_reactions WHERE person_id = $1 ORDER BY created_at"
    ),
    file!(
        "asks",
        "What you asked your manager (or someone above them) for, with what you offered and the last answer.",
        "SELECT a.id, b.name AS asked_of, a.what, a.want, a.offer, a.questions, a.status, a.answer, a.wait_days, a.times_asked, a.last_moved_on, a.created_at \
         FROM asks a JOIN people b ON b.id = a.asked_of WHERE a.person_id = $1 ORDER BY a.created_at, a.id"
    ),
    file!(
        "ask_history",
        "Each step of your asks: asked, answered, asked again, withdrawn.",
        "SELECT e.ask_id, e.kind, e.status, e.note, e.created_at FROM ask_events e JOIN asks a ON a.id = e.ask_id \
         WHERE a.person_id = $1 ORDER BY e.created_at, e.id"
    ),
    file!(
        "notifications",
        "Your notifications, read or not.",
        "SELECT id, kind, title, detail, link_kind, link_id, read_at, created_at FROM notifications WHERE person_id = $1 ORDER BY created_at, id"
    ),
    file!(
        "notification_preferences",
        "Where you chose each kind of notification to go (kinds not listed go to their default).",
        "SELECT kind, channel, updated_at FROM notification_preferences WHERE person_id = $1 ORDER BY kind"
    ),
    file!(
        "api_tokens",
        "Your API tokens (names and prefixes only; the secrets are never stored).",
        "SELECT id, name, prefix, last_used_at, revoked_at, created_at FROM api_tokens WHERE person_id = $1 ORDER BY created_at"
    ),
    ExportFile {
        name: "audit",
        about: "Audit entries by you or about you, including when a talent admin viewed your private data (who, what, when).",
        sql: "SELECT a.id, a.action, CASE WHEN a.actor_id = $1 THEN 'you' WHEN ap.active THEN ap.name END AS actor, a.subject, a.detail, \
              CASE WHEN a.actor_id = $1 THEN a.ip ELSE '' END AS ip, a.created_at FROM audit_log a LEFT JOIN people ap ON ap.id = a.actor_id \
              WHERE a.actor_id = $1 OR a.subject = $2 OR a.subject = $3 ORDER BY a.created_at, a.id",
        subject_binds: true,
    },
];

/// The rows of one export file: column names in order, and one JSON object per row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportRows {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<Map<String, Value>>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn time_text(t: OffsetDateTime) -> Value {
    Value::String(t.format(&Rfc3339).unwrap_or_else(|_| t.to_string()))
}

fn sqlite_value(row: &sqlx::sqlite::SqliteRow, i: usize) -> StoreResult<Value> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let actual = raw.type_info().name().to_ascii_uppercase();
    let declared = row.column(i).type_info().name().to_ascii_uppercase();
    let name = row.column(i).name();
    Ok(match actual.as_str() {
        "INTEGER" if declared == "BOOLEAN" => Value::Bool(row.try_get_unchecked::<i64, _>(i)? != 0),
        "INTEGER" => Value::from(row.try_get_unchecked::<i64, _>(i)?),
        "REAL" => Value::from(row.try_get_unchecked::<f64, _>(i)?),
        "BLOB" => {
            let b: Vec<u8> = row.try_get_unchecked(i)?;
            match Uuid::from_slice(&b) {
                Ok(u) => Value::String(u.to_string()),
                Err(_) => Value::String(hex(&b)),
            }
        }
        _ => {
            if name.ends_with("_at")
                && let Ok(t) = row.try_get_unchecked::<OffsetDateTime, _>(i)
            {
                time_text(t)
            } else {
                Value::String(row.try_get_unchecked::<String, _>(i)?)
            }
        }
    })
}

fn pg_value(row: &sqlx::postgres::PgRow, i: usize) -> StoreResult<Value> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let ty = row.column(i).type_info().name().to_ascii_uppercase();
    Ok(match ty.as_str() {
        "UUID" => Value::String(row.try_get::<Uuid, _>(i)?.to_string()),
        "BOOL" => Value::Bool(row.try_get(i)?),
        "INT2" => Value::from(row.try_get::<i16, _>(i)?),
        "INT4" => Value::from(row.try_get::<i32, _>(i)?),
        "INT8" => Value::from(row.try_get::<i64, _>(i)?),
        "FLOAT4" => Value::from(row.try_get::<f32, _>(i)?),
        "FLOAT8" => Value::from(row.try_get::<f64, _>(i)?),
        "TIMESTAMPTZ" => time_text(row.try_get(i)?),
        "DATE" => Value::String(row.try_get::<time::Date, _>(i)?.to_string()),
        "BYTEA" => Value::String(hex(&row.try_get::<Vec<u8>, _>(i)?)),
        _ => Value::String(row.try_get::<String, _>(i).map_err(|e| {
            StoreError::Config(format!(
                "export column {}: type {ty}: {e}",
                row.column(i).name()
            ))
        })?),
    })
}

impl Store {
    /// Ask for an export: a new `queued` row.
    pub async fn create_export(
        &self,
        person_id: Uuid,
        now: OffsetDateTime,
    ) -> StoreResult<DataExport> {
        let id = new_id();
        let total = EXPORT_FILES.len() as i32;
        on_db!(self, p => { sqlx::query("INSERT INTO data_exports (id, person_id, state, files_total, created_at, updated_at) VALUES ($1, $2, 'queued', $3, $4, $4)")
            .bind(id).bind(person_id).bind(total).bind(now).execute(p).await?; });
        self.export(id).await?.ok_or(StoreError::NotFound)
    }

    /// One export.
    pub async fn export(&self, id: Uuid) -> StoreResult<Option<DataExport>> {
        let sql = format!("SELECT {EXPORT_COLUMNS} FROM data_exports WHERE id = $1");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?),
        )
    }

    /// A person's exports, newest first.
    pub async fn exports_of(&self, person_id: Uuid, limit: i64) -> StoreResult<Vec<DataExport>> {
        let sql = format!(
            "SELECT {EXPORT_COLUMNS} FROM data_exports WHERE person_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(person_id).bind(limit).fetch_all(p).await?),
        )
    }

    /// Exports waiting to be made, oldest first.
    pub async fn queued_exports(&self) -> StoreResult<Vec<Uuid>> {
        let v: Vec<(Uuid,)> = on_db!(self, p => sqlx::query_as("SELECT id FROM data_exports WHERE state IN ('queued', 'running') ORDER BY created_at, id")
            .fetch_all(p).await?);
        Ok(v.into_iter().map(|v| v.0).collect())
    }

    /// Record progress: `running`, with `done` files written.
    pub async fn export_progress(
        &self,
        id: Uuid,
        done: i32,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("UPDATE data_exports SET state = 'running', files_done = $2, error = '', updated_at = $3 WHERE id = $1")
            .bind(id).bind(done).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Store the finished zip, kept until `expires_at`.
    pub async fn finish_export(
        &self,
        id: Uuid,
        archive: &[u8],
        now: OffsetDateTime,
        expires_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let size = archive.len() as i64;
        on_db!(self, p => { sqlx::query("UPDATE data_exports SET state = 'ready', files_done = files_total, archive = $2, size_bytes = $3, finished_at = $4, expires_at = $5, updated_at = $4 WHERE id = $1")
            .bind(id).bind(archive).bind(size).bind(now).bind(expires_at).execute(p).await?; });
        Ok(())
    }

    /// Record that an export failed, with why.
    pub async fn fail_export(&self, id: Uuid, error: &str, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("UPDATE data_exports SET state = 'failed', error = $2, finished_at = $3, updated_at = $3 WHERE id = $1")
            .bind(id).bind(error).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Put a failed export back in the queue.
    pub async fn requeue_export(&self, id: Uuid, now: OffsetDateTime) -> StoreResult<bool> {
        let n = on_db!(self, p => sqlx::query("UPDATE data_exports SET state = 'queued', files_done = 0, error = '', finished_at = NULL, updated_at = $2 WHERE id = $1 AND state = 'failed'")
            .bind(id).bind(now).execute(p).await?.rows_affected());
        Ok(n == 1)
    }

    /// The zip of a ready export that has not expired.
    pub async fn export_archive(
        &self,
        id: Uuid,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Vec<u8>>> {
        let v: Option<(Option<Vec<u8>>,)> = on_db!(self, p => sqlx::query_as("SELECT archive FROM data_exports WHERE id = $1 AND state = 'ready' AND expires_at > $2")
            .bind(id).bind(now).fetch_optional(p).await?);
        Ok(v.and_then(|v| v.0))
    }

    /// Remove the zips of exports past their time (the row stays, marked `expired`); returns
    /// how many.
    pub async fn purge_exports(&self, now: OffsetDateTime) -> StoreResult<u64> {
        Ok(
            on_db!(self, p => sqlx::query("UPDATE data_exports SET state = 'expired', archive = NULL, updated_at = $1 WHERE state = 'ready' AND expires_at <= $1")
            .bind(now).execute(p).await?.rows_affected()),
        )
    }

    /// Remove audit entries older than `before`; returns how many.
    pub async fn purge_audit(&self, before: OffsetDateTime) -> StoreResult<u64> {
        Ok(
            on_db!(self, p => sqlx::query("DELETE FROM audit_log WHERE created_at < $1").bind(before).execute(p).await?.rows_affected()),
        )
    }

    /// Remove notifications read before `before`; returns how many.
    pub async fn purge_read_notifications(&self, before: OffsetDateTime) -> StoreResult<u64> {
        Ok(
            on_db!(self, p => sqlx::query("DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < $1").bind(before).execute(p).await?.rows_affected()),
        )
    }

    /// The rows of one export file for a person (`email` is theirs, for audit entries that
    /// name them by address).
    pub async fn export_rows(
        &self,
        file: &ExportFile,
        person_id: Uuid,
        email: &str,
    ) -> StoreResult<ExportRows> {
        let id_text = person_id.to_string();
        let mut out = ExportRows::default();
        macro_rules! collect {
            ($pool:expr, $decode:ident) => {{
                let mut q = sqlx::query(file.sql).bind(person_id);
                if file.subject_binds {
                    q = q.bind(id_text.as_str()).bind(email);
                }
                let rows = q.fetch_all($pool).await?;
                if let Some(first) = rows.first() {
                    out.columns = first
                        .columns()
                        .iter()
                        .map(|c| c.name().to_string())
                        .collect();
                }
                for row in &rows {
                    let mut m = Map::new();
                    for (i, c) in row.columns().iter().enumerate() {
                        m.insert(c.name().to_string(), $decode(row, i)?);
                    }
                    out.rows.push(m);
                }
            }};
        }
        match self.pools() {
            Pools::Sqlite(p) => collect!(p, sqlite_value),
            Pools::Postgres(p) => collect!(p, pg_value),
        }
        Ok(out)
    }

    /// Audit entries of talent admins viewing this person's private data, newest first.
    pub async fn private_views_of(
        &self,
        person_id: Uuid,
        limit: i64,
    ) -> StoreResult<Vec<crate::audit::AuditEntry>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT a.id, a.actor_id, CASE WHEN p.active THEN p.name END AS actor_name, a.action, a.subject, a.detail, '' AS ip, a.created_at \
             FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id \
             WHERE a.action = $1 AND a.subject = $2 ORDER BY a.created_at DESC, a.id DESC LIMIT $3")
            .bind(PRIVATE_VIEW).bind(person_id.to_string()).bind(limit).fetch_all(p).await?))
    }

    /// When a person was erased (None: not erased).
    pub async fn erased_at(&self, person_id: Uuid) -> StoreResult<Option<OffsetDateTime>> {
        let v: Option<(Option<OffsetDateTime>,)> = on_db!(self, p => sqlx::query_as("SELECT erased_at FROM people WHERE id = $1")
            .bind(person_id).fetch_optional(p).await?);
        Ok(v.and_then(|v| v.0))
    }

    /// How many records of each kind a person has, for the erasure plan.
    pub async fn erasure_counts(&self, person_id: Uuid) -> StoreResult<RecordCounts> {
        let id_text = person_id.to_string();
        #[derive(sqlx::FromRow)]
        struct Row {
            compass_entries: i64,
            compass_changes: i64,
            customers: i64,
            conversations: i64,
            follow_ups: i64,
            needs: i64,
            opportunities: i64,
            proposals: i64,
            pilots: i64,
            plans: i64,
            notes_on_others: i64,
            answers_given: i64,
            placements_posted: i64,
            placement_records: i64,
            reactions: i64,
            notifications: i64,
            exports: i64,
            sessions: i64,
            api_tokens: i64,
            role_history: i64,
            audit_entries: i64,
        }
        let sql = "SELECT \
            (SELECT COUNT(*) FROM compasses WHERE person_id = $1) + (SELECT COUNT(*) FROM compass_values WHERE person_id = $1) \
              + (SELECT COUNT(*) FROM compass_target_roles WHERE person_id = $1) + (SELECT COUNT(*) FROM person_skills WHERE person_id = $1) \
              + (SELECT COUNT(*) FROM visibility WHERE person_id = $1) AS compass_entries, \
            (SELECT COUNT(*) FROM compass_changes WHERE person_id = $1) AS compass_changes, \
            (SELECT COUNT(*) FROM customers WHERE owner_id = $1) AS customers, \
            (SELECT COUNT(*) FROM conversations WHERE owner_id = $1) AS conversations, \
            (SELECT COUNT(*) FROM follow_ups WHERE owner_id = $1) AS follow_ups, \
            (SELECT COUNT(*) FROM needs WHERE owner_id = $1) AS needs, \
            (SELECT COUNT(*) FROM opportunities WHERE owner_id = $1) AS opportunities, \
            (SELECT COUNT(*) FROM proposals WHERE owner_id = $1) AS proposals, \
            (SELECT COUNT(*) FROM pilots WHERE owner_id = $1) AS pilots, \
            (SELECT COUNT(*) FROM career_plans WHERE owner_id = $1) AS plans, \
            (SELECT COUNT(*) FROM career_plan_reviews r JOIN career_plans c ON c.id = r.plan_id WHERE r.author_id = $1 AND c.owner_id <> $1) \
              + (SELECT COUNT(*) FROM pilot_checkins k JOIN pilots pl ON pl.id = k.pilot_id WHERE k.author_id = $1 AND pl.owner_id <> $1) AS notes_on_others, \
            (SELECT COUNT(*) FROM proposals WHERE sponsor_id = $1 AND owner_id <> $1 AND answer_reason <> '') AS answers_given, \
            (SELECT COUNT(*) FROM placements WHERE owner_id = $1) AS placements_posted, \
            (SELECT COUNT(*) FROM placement_interests WHERE person_id = $1) + (SELECT COUNT(*) FROM placement_not_for_me WHERE person_id = $1) \
              + (SELECT COUNT(*) FROM placement_profiles WHERE person_id = $1) + (SELECT COUNT(*) FROM placement_history WHERE person_id = $1) AS placement_records, \
            (SELECT COUNT(*) FROM shopping_reactions WHERE person_id = $1) AS reactions, \
            (SELECT COUNT(*) FROM notifications WHERE person_id = $1) + (SELECT COUNT(*) FROM notification_preferences WHERE person_id = $1) AS notifications, \
            (SELECT COUNT(*) FROM data_exports WHERE person_id = $1) AS exports, \
            (SELECT COUNT(*) FROM sessions WHERE person_id = $1) AS sessions, \
            (SELECT COUNT(*) FROM api_tokens WHERE person_id = $1 AND revoked_at IS NULL) AS api_tokens, \
            (SELECT COUNT(*) FROM role_history WHERE person_id = $1) AS role_history, \
            (SELECT COUNT(*) FROM audit_log WHERE actor_id = $1 OR subject = $2 OR subject = (SELECT email FROM people WHERE id = $1)) AS audit_entries";
        let r: Row = on_db!(self, p => sqlx::query_as(sql).bind(person_id).bind(id_text.as_str()).fetch_one(p).await?);
        Ok(RecordCounts {
            compass_entries: r.compass_entries,
            compass_changes: r.compass_changes,
            customers: r.customers,
            conversations: r.conversations,
            follow_ups: r.follow_ups,
            needs: r.needs,
            opportunities: r.opportunities,
            proposals: r.proposals,
            pilots: r.pilots,
            plans: r.plans,
            notes_on_others: r.notes_on_others,
            answers_given: r.answers_given,
            placements_posted: r.placements_posted,
            placement_records: r.placement_records,
            reactions: r.reactions,
            notifications: r.notifications,
            exports: r.exports,
            sessions: r.sessions,
            api_tokens: r.api_tokens,
            role_history: r.role_history,
            audit_entries: r.audit_entries,
        })
    }

    /// Erase a person in one transaction: their private records deleted, the free text they
    /// wrote on others' records removed, placements they posted kept without description,
    /// sessions ended and tokens revoked, their search document removed, audit entries about
    /// them stripped of detail, and their record anonymised (name `anon_name`, address and
    /// employee id replaced by placeholders, inactive, no password, no access roles). Role
    /// history, team and role stay for the counts and the career graph. An audit entry by
    /// `actor` with `summary` (counts only) is written in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn erase_person(
        &self,
        person_id: Uuid,
        anon_name: &str,
        actor: Uuid,
        summary: &str,
        ip: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        const BY_ID: &[&str] = &[
            "DELETE FROM compasses WHERE person_id = $1",
            "DELETE FROM compass_values WHERE person_id = $1",
            "DELETE FROM compass_target_roles WHERE person_id = $1",
            "DELETE FROM compass_changes WHERE person_id = $1",
            "DELETE FROM person_skills WHERE person_id = $1",
            "DELETE FROM visibility WHERE person_id = $1",
            "DELETE FROM follow_ups WHERE owner_id = $1",
            "DELETE FROM needs WHERE owner_id = $1",
            "DELETE FROM conversations WHERE owner_id = $1",
            "UPDATE customers SET person_id = NULL WHERE person_id = $1",
            "DELETE FROM customers WHERE owner_id = $1",
            "DELETE FROM pilots WHERE owner_id = $1",
            "DELETE FROM proposals WHERE owner_id = $1",
            "DELETE FROM opportunities WHERE owner_id = $1",
            "DELETE FROM career_plans WHERE owner_id = $1",
            "DELETE FROM career_plan_reviews WHERE author_id = $1",
            "DELETE FROM pilot_checkins WHERE author_id = $1",
            "UPDATE proposals SET answer_reason = '' WHERE sponsor_id = $1",
            "UPDATE opportunity_moves SET reason = '', actor_id = NULL WHERE actor_id = $1",
            "UPDATE placements SET description = '' WHERE owner_id = $1",
            "UPDATE placement_docs SET doc = (SELECT pl.title FROM placements pl WHERE pl.id = placement_docs.placement_id) \
             WHERE placement_id IN (SELECT id FROM placements WHERE owner_id = $1)",
            "DELETE FROM placement_interests WHERE person_id = $1",
            "DELETE FROM placement_not_for_me WHERE person_id = $1",
            "DELETE FROM placement_profiles WHERE person_id = $1",
            "DELETE FROM placement_history WHERE person_id = $1",
            "DELETE FROM shopping_reactions WHERE person_id = $1",
            "DELETE FROM notifications WHERE person_id = $1",
            "DELETE FROM notification_preferences WHERE person_id = $1",
            "DELETE FROM data_exports WHERE person_id = $1",
            "DELETE FROM asks WHERE person_id = $1",
            "DELETE FROM mail_outbox WHERE person_id = $1",
            "DELETE FROM sessions WHERE person_id = $1",
            "DELETE FROM invites WHERE person_id = $1",
            "DELETE FROM search_docs WHERE person_id = $1",
            "UPDATE audit_log SET detail = '', ip = '' WHERE actor_id = $1",
        ];
        let id_text = person_id.to_string();
        let placeholder = person_id.simple().to_string();
        let email = format!("erased-{placeholder}@erased.invalid");
        let employee_id = format!("erased-{placeholder}");
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let old: Option<(String,)> = sqlx::query_as("SELECT email FROM people WHERE id = $1")
                .bind(person_id).fetch_optional(&mut *tx).await?;
            let Some((old_email,)) = old else { return Err(StoreError::NotFound) };
            for sql in BY_ID {
                sqlx::query(*sql).bind(person_id).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $2), name = '', updated_at = $2 WHERE person_id = $1")
                .bind(person_id).bind(now).execute(&mut *tx).await?;
            sqlx::query("UPDATE audit_log SET subject = $1, detail = '' WHERE subject = $2 OR subject = $1")
                .bind(id_text.as_str()).bind(old_email.as_str()).execute(&mut *tx).await?;
            sqlx::query("UPDATE people SET name = $2, email = $3, employee_id = $4, job_title = '', location = '', role_start_date = NULL, \
                 password_hash = NULL, active = FALSE, is_talent_admin = FALSE, is_facilitator = FALSE, erased_at = $5, updated_at = $5 WHERE id = $1")
                .bind(person_id).bind(anon_name).bind(email.as_str()).bind(employee_id.as_str()).bind(now).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO audit_log (id, actor_id, action, subject, detail, ip, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                .bind(new_id()).bind(actor).bind(PERSON_ERASE).bind(id_text.as_str()).bind(summary).bind(ip).bind(now)
                .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }
}
