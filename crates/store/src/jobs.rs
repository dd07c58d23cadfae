//! The job queue: enqueue (idempotently), claim one ready job for a worker, finish, fail
//! (retry later or dead-letter), retry a dead job, list.
//!
//! Claiming is one statement on both databases: `UPDATE … WHERE id = (SELECT … LIMIT 1)
//! RETURNING`. PostgreSQL's inner select takes `FOR UPDATE SKIP LOCKED`, so concurrent
//! workers pass over each other's rows; SQLite has one writer at a time and an UPDATE takes
//! the write lock before it reads, so the select and the update cannot interleave with
//! another claim. A running job whose lease (`locked_until`) ran out is claimable again: its
//! worker is presumed dead.

use crate::{Dialect, Store, StoreResult, Uuid, new_id, on_db};
use ladderless_domain::jobs::JobState;
use time::OffsetDateTime;

/// A job as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Job {
    /// Id.
    pub id: Uuid,
    /// What to run, e.g. `graph.refresh`.
    pub name: String,
    /// Its arguments, JSON.
    pub payload: String,
    /// Where it is in its life.
    pub state: JobState,
    /// Not before.
    pub run_at: OffsetDateTime,
    /// Attempts started so far (the current one included while running).
    pub attempts: i32,
    /// Attempts allowed before the dead-letter state.
    pub max_attempts: i32,
    /// While running: the lease; past it the job may be claimed again.
    pub locked_until: Option<OffsetDateTime>,
    /// The worker that claimed it last.
    pub locked_by: Option<String>,
    /// Only a worker of this process may claim it (jobs about one process's memory); None: any.
    pub target: Option<String>,
    /// Why the last attempt failed.
    pub last_error: String,
    /// Enqueuing the same key again does nothing.
    pub idempotency_key: Option<String>,
    /// When it was done or dead.
    pub finished_at: Option<OffsetDateTime>,
    /// When enqueued.
    pub created_at: OffsetDateTime,
    /// Last change.
    pub updated_at: OffsetDateTime,
}

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// What to run.
    pub name: String,
    /// Its arguments, JSON.
    pub payload: String,
    /// Not before.
    pub run_at: OffsetDateTime,
    /// Attempts allowed.
    pub max_attempts: i32,
    /// Only this process may run it.
    pub target: Option<String>,
    /// Enqueue at most once per key.
    pub idempotency_key: Option<String>,
}

/// Which jobs a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobFilter {
    /// Every job, newest first.
    Recent,
    /// Jobs whose last attempt failed: dead, or queued again after an error.
    Failed,
    /// Dead jobs only.
    Dead,
}

const COLUMNS: &str = "id, name, payload, state, run_at, attempts, max_attempts, locked_until, locked_by, \
    target, last_error, idempotency_key, finished_at, created_at, updated_at";

impl Store {
    /// Enqueue a job. With an idempotency key already used, nothing is added and `None` comes
    /// back; otherwise the new job's id.
    pub async fn enqueue_job(
        &self,
        job: &NewJob,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Uuid>> {
        let id = new_id();
        let n = on_db!(self, p => sqlx::query(
            "INSERT INTO jobs (id, name, payload, state, run_at, attempts, max_attempts, target, last_error, idempotency_key, created_at, updated_at) \
             VALUES ($1, $2, $3, 'queued', $4, 0, $5, $6, '', $7, $8, $8) ON CONFLICT (idempotency_key) DO NOTHING")
            .bind(id).bind(&job.name).bind(&job.payload).bind(job.run_at).bind(job.max_attempts.max(1))
            .bind(&job.target).bind(&job.idempotency_key).bind(now)
            .execute(p).await?.rows_affected());
        Ok((n == 1).then_some(id))
    }

    /// Claim the ready job that has waited longest for `worker` (of process `process`), leasing
    /// it until `lease_until`: queued with `run_at` reached, or running with its lease expired
    /// and attempts left. The claim counts as an attempt. `None` when nothing is ready.
    pub async fn claim_job(
        &self,
        worker: &str,
        process: &str,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
    ) -> StoreResult<Option<Job>> {
        let lock = match self.dialect() {
            Dialect::Postgres => " FOR UPDATE SKIP LOCKED",
            Dialect::Sqlite => "",
        };
        let sql = format!(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_until = $1, locked_by = $2, updated_at = $3 \
             WHERE id = (SELECT id FROM jobs WHERE (target IS NULL OR target = $4) \
               AND ((state = 'queued' AND run_at <= $3) OR (state = 'running' AND locked_until < $3 AND attempts < max_attempts)) \
               ORDER BY run_at, id LIMIT 1{lock}) \
             RETURNING {COLUMNS}"
        );
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(lease_until).bind(worker).bind(now).bind(process)
            .fetch_optional(p).await?))
    }

    /// Claim one queued job by id (running it at once from the command line).
    pub async fn claim_job_by_id(
        &self,
        id: Uuid,
        worker: &str,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
    ) -> StoreResult<Option<Job>> {
        let sql = format!(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_until = $1, locked_by = $2, updated_at = $3 \
             WHERE id = $4 AND state = 'queued' RETURNING {COLUMNS}"
        );
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(lease_until).bind(worker).bind(now).bind(id)
            .fetch_optional(p).await?))
    }

    /// Dead-letter running jobs whose lease ran out on their last attempt (their worker died
    /// every time). Returns how many.
    pub async fn reap_jobs(&self, now: OffsetDateTime) -> StoreResult<u64> {
        Ok(on_db!(self, p => sqlx::query(
            "UPDATE jobs SET state = 'dead', locked_until = NULL, finished_at = $1, updated_at = $1, \
             last_error = CASE WHEN last_error = '' THEN 'the worker stopped before finishing (lease expired)' ELSE last_error END \
             WHERE state = 'running' AND locked_until < $1 AND attempts >= max_attempts")
            .bind(now).execute(p).await?.rows_affected()))
    }

    /// Mark a job done, if `worker` still holds it. False when the lease was lost (another
    /// worker reclaimed it).
    pub async fn finish_job(
        &self,
        id: Uuid,
        worker: &str,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let n = on_db!(self, p => sqlx::query(
            "UPDATE jobs SET state = 'done', locked_until = NULL, finished_at = $3, updated_at = $3, last_error = '' \
             WHERE id = $1 AND locked_by = $2 AND state = 'running'")
            .bind(id).bind(worker).bind(now).execute(p).await?.rows_affected());
        Ok(n == 1)
    }

    /// Record a failed attempt by `worker`: queue the job again at `retry_at`, or (None)
    /// dead-letter it. False when the worker no longer held it.
    pub async fn fail_job(
        &self,
        id: Uuid,
        worker: &str,
        error: &str,
        retry_at: Option<OffsetDateTime>,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let error: String = error.chars().take(2000).collect();
        let n = match retry_at {
            Some(at) => on_db!(self, p => sqlx::query(
                "UPDATE jobs SET state = 'queued', run_at = $4, locked_until = NULL, last_error = $3, updated_at = $5 \
                 WHERE id = $1 AND locked_by = $2 AND state = 'running'")
                .bind(id).bind(worker).bind(&error).bind(at).bind(now).execute(p).await?.rows_affected()),
            None => on_db!(self, p => sqlx::query(
                "UPDATE jobs SET state = 'dead', locked_until = NULL, last_error = $3, finished_at = $4, updated_at = $4 \
                 WHERE id = $1 AND locked_by = $2 AND state = 'running'")
                .bind(id).bind(worker).bind(&error).bind(now).execute(p).await?.rows_affected()),
        };
        Ok(n == 1)
    }

    /// Give a dead job a fresh set of attempts, to run now. False unless it was dead.
    pub async fn retry_job(&self, id: Uuid, now: OffsetDateTime) -> StoreResult<bool> {
        let n = on_db!(self, p => sqlx::query(
            "UPDATE jobs SET state = 'queued', attempts = 0, run_at = $2, locked_until = NULL, locked_by = NULL, \
             finished_at = NULL, updated_at = $2 WHERE id = $1 AND state = 'dead'")
            .bind(id).bind(now).execute(p).await?.rows_affected());
        Ok(n == 1)
    }

    /// One job.
    pub async fn job(&self, id: Uuid) -> StoreResult<Option<Job>> {
        let sql = format!("SELECT {COLUMNS} FROM jobs WHERE id = $1");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?),
        )
    }

    /// Jobs newest first.
    pub async fn jobs(&self, filter: JobFilter, limit: i64) -> StoreResult<Vec<Job>> {
        let cond = match filter {
            JobFilter::Recent => "TRUE",
            JobFilter::Failed => "(state = 'dead' OR last_error <> '')",
            JobFilter::Dead => "state = 'dead'",
        };
        let sql = format!(
            "SELECT {COLUMNS} FROM jobs WHERE {cond} ORDER BY created_at DESC, id DESC LIMIT $1"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit.clamp(1, 1000)).fetch_all(p).await?),
        )
    }

    /// How many jobs are in each state, in the order of [`JobState::ALL`].
    pub async fn job_counts(&self) -> StoreResult<Vec<(JobState, i64)>> {
        let rows: Vec<(JobState, i64)> = on_db!(self, p => sqlx::query_as(
            "SELECT state, COUNT(*) FROM jobs GROUP BY state").fetch_all(p).await?);
        Ok(JobState::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    rows.iter().find(|r| r.0 == *s).map(|r| r.1).unwrap_or(0),
                )
            })
            .collect())
    }

    /// Remove finished (done) jobs last changed before `before`, and queued jobs meant for
    /// one process that nobody claimed by then (that process is gone). Dead jobs stay until
    /// a talent admin retries them. Returns how many were removed.
    pub async fn purge_jobs(&self, before: OffsetDateTime) -> StoreResult<u64> {
        Ok(on_db!(self, p => sqlx::query(
            "DELETE FROM jobs WHERE updated_at < $1 AND (state = 'done' OR (state = 'queued' AND target IS NOT NULL))")
            .bind(before).execute(p).await?.rows_affected()))
    }
}
