//! Background work on the database-backed queue: the jobs Ladderless knows, the worker pool
//! `serve` runs, the schedules that enqueue runs, and the talent-admin view of the queue.
//!
//! Each schedule run is enqueued with the idempotency key of its name and slot
//! ([`ladderless_domain::jobs::schedule_key`]), so however many servers share the database a
//! slot is enqueued once, and the claim gives it to one worker. The graph lives in each
//! process's memory, so its refresh is enqueued per process (`target`), and only that
//! process's workers take it.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::jobs::{
    AfterFailure, DEFAULT_MAX_ATTEMPTS, after_failure, schedule_key, slot,
};
use ladderless_store::Uuid;
use ladderless_store::jobs::{Job, JobFilter, NewJob};
use std::time::Duration as StdDuration;
use time::{Duration, OffsetDateTime};

/// Rebuild this process's career graph when the organisation's data changed.
pub const GRAPH_REFRESH: &str = "graph.refresh";
/// Remove expired sessions and old finished jobs.
pub const SESSION_PURGE: &str = "sessions.purge";

/// Create the notifications that are due (idempotent per day).
pub const NOTIFY_SCAN: &str = "notify.scan";

/// Every job name this version runs, with what it does, for `ladderless jobs list` and the
/// admin page.
pub const KNOWN: &[(&str, &str)] = &[
    (
        GRAPH_REFRESH,
        "rebuild the career graph when the organisation's data changed",
    ),
    (
        SESSION_PURGE,
        "remove expired sessions, finished jobs older than a week, expired data exports, and audit entries and read notifications past their retention",
    ),
    (
        NOTIFY_SCAN,
        "create notifications for follow-ups, plan reviews, proposals and placement interests",
    ),
    (
        crate::mail::MAIL_SEND,
        "send the e-mails waiting in the outbox (retrying later when the mail server fails)",
    ),
    (
        crate::mail::MAIL_DIGEST,
        "queue each person's weekly digest of last week's notifications",
    ),
    (
        crate::data_rights::DATA_EXPORT,
        "make the data exports people asked for (a zip of their own data)",
    ),
];

/// How long a worker holds a job before another may presume it dead and take it over.
pub const LEASE: Duration = Duration::minutes(10);
/// Finished jobs are kept this long.
pub const KEEP_DONE: Duration = Duration::days(7);

/// A schedule: run `name` every `every`.
#[derive(Debug, Clone)]
pub struct Schedule {
    /// The job.
    pub name: String,
    /// How often.
    pub every: Duration,
}

/// The worker pool's settings.
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// This process's name in `locked_by` and `target` (unique per running server).
    pub process: String,
    /// Workers (0: none; jobs then wait for another server or the CLI).
    pub workers: usize,
    /// What to enqueue when.
    pub schedules: Vec<Schedule>,
    /// How long an idle worker sleeps before looking again.
    pub poll: StdDuration,
}

/// A name for this process, unique enough among servers sharing a database.
pub fn process_name(prefix: &str) -> String {
    let id = ladderless_store::new_id().simple().to_string();
    format!("{prefix}-{}-{}", std::process::id(), &id[id.len() - 8..])
}

/// What one worker did with one claimed job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It ran and finished.
    Done {
        /// The job.
        id: Uuid,
        /// What it reported.
        summary: String,
    },
    /// It failed and will be tried again.
    Retry {
        /// The job.
        id: Uuid,
        /// Why.
        error: String,
        /// When.
        at: OffsetDateTime,
    },
    /// It failed its last attempt.
    Dead {
        /// The job.
        id: Uuid,
        /// Why.
        error: String,
    },
    /// Another worker took it over while it ran (its lease ran out); nothing recorded.
    LostLease {
        /// The job.
        id: Uuid,
    },
}

impl App {
    /// Run the body of job `name`; the text says what it did.
    async fn execute(&self, name: &str, payload: &str) -> Result<String, String> {
        match name {
            GRAPH_REFRESH => match self.refresh_graph().await {
                Ok(true) => Ok("career graph rebuilt".into()),
                Ok(false) => Ok("career graph unchanged".into()),
                Err(e) => Err(e.to_string()),
            },
            SESSION_PURGE => {
                let now = self.now();
                let sessions = self
                    .store
                    .purge_sessions(now)
                    .await
                    .map_err(|e| e.to_string())?;
                let jobs = self
                    .store
                    .purge_jobs(now - KEEP_DONE)
                    .await
                    .map_err(|e| e.to_string())?;
                let kept = self.purge_retained().await.map_err(|e| e.to_string())?;
                Ok(format!(
                    "{sessions} expired session(s) and {jobs} old job(s) removed; {} export(s) expired, {} audit entries and {} read notification(s) past retention removed",
                    kept.exports, kept.audit, kept.notifications
                ))
            }
            NOTIFY_SCAN => {
                let r = self.scan_notifications().await.map_err(|e| e.to_string())?;
                Ok(format!(
                    "{} notification(s) created, {} already there, {} turned off",
                    r.created, r.existing, r.off
                ))
            }
            crate::mail::MAIL_SEND => {
                let r = self
                    .send_outbox(&process_name("mail"))
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(if self.mail_enabled() {
                    format!(
                        "{} e-mail(s) sent, {} to retry, {} refused, {} interrupted earlier (not resent)",
                        r.sent, r.retrying, r.failed, r.interrupted
                    )
                } else {
                    "e-mail is off (no SMTP settings); nothing sent".into()
                })
            }
            crate::mail::MAIL_DIGEST => {
                let r = self.queue_digests().await.map_err(|e| e.to_string())?;
                Ok(if self.mail_enabled() {
                    format!(
                        "{} digest(s) queued, {} already queued this week",
                        r.queued, r.existing
                    )
                } else {
                    "e-mail is off (no SMTP settings); no digest queued".into()
                })
            }
            crate::data_rights::DATA_EXPORT => self.run_data_export(payload).await,
            other => Err(format!("no job is called {other:?}")),
        }
    }

    /// Enqueue job `name` to run now (or when a worker is free).
    pub async fn enqueue_job(
        &self,
        name: &str,
        payload: &str,
        target: Option<&str>,
        idempotency_key: Option<String>,
    ) -> CoreResult<Option<Uuid>> {
        let now = self.now();
        let job = NewJob {
            name: name.to_string(),
            payload: payload.to_string(),
            run_at: now,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            target: target.map(str::to_string),
            idempotency_key,
        };
        Ok(self.store.enqueue_job(&job, now).await?)
    }

    /// Enqueue every schedule's run for the slot `now` falls in (a no-op for slots already
    /// enqueued, by this server or another). Returns how many were new.
    pub async fn enqueue_scheduled(
        &self,
        process: &str,
        schedules: &[Schedule],
    ) -> CoreResult<usize> {
        let now = self.now();
        let mut added = 0;
        for s in schedules {
            let n = slot(now, s.every);
            let (key, target) = if s.name == GRAPH_REFRESH {
                (
                    schedule_key(&format!("{}@{process}", s.name), n),
                    Some(process),
                )
            } else {
                (schedule_key(&s.name, n), None)
            };
            if self
                .enqueue_job(&s.name, "{}", target, Some(key))
                .await?
                .is_some()
            {
                added += 1;
            }
        }
        Ok(added)
    }

    /// Claim one ready job for `worker` and run it; `None` when nothing was ready.
    pub async fn work_one(&self, worker: &str, process: &str) -> CoreResult<Option<Outcome>> {
        let now = self.now();
        let reaped = self.store.reap_jobs(now).await?;
        if reaped > 0 {
            tracing::warn!(
                jobs = reaped,
                "jobs dead-lettered: their workers stopped on the last attempt"
            );
        }
        let Some(job) = self
            .store
            .claim_job(worker, process, now, now + LEASE)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(self.run_claimed(&job, worker).await?))
    }

    async fn run_claimed(&self, job: &Job, worker: &str) -> CoreResult<Outcome> {
        let started = std::time::Instant::now();
        let result = self.execute(&job.name, &job.payload).await;
        let now = self.now();
        let outcome = match result {
            Ok(summary) => {
                if !self.store.finish_job(job.id, worker, now).await? {
                    return Ok(Outcome::LostLease { id: job.id });
                }
                tracing::debug!(job = %job.name, ms = started.elapsed().as_millis() as u64, %summary, "job done");
                Outcome::Done {
                    id: job.id,
                    summary,
                }
            }
            Err(error) => match after_failure(job.attempts, job.max_attempts, now) {
                AfterFailure::RetryAt(at) => {
                    if !self
                        .store
                        .fail_job(job.id, worker, &error, Some(at), now)
                        .await?
                    {
                        return Ok(Outcome::LostLease { id: job.id });
                    }
                    tracing::warn!(job = %job.name, attempt = job.attempts, %error, "job failed; will retry");
                    Outcome::Retry {
                        id: job.id,
                        error,
                        at,
                    }
                }
                AfterFailure::Dead => {
                    if !self
                        .store
                        .fail_job(job.id, worker, &error, None, now)
                        .await?
                    {
                        return Ok(Outcome::LostLease { id: job.id });
                    }
                    tracing::error!(job = %job.name, attempts = job.attempts, %error, "job failed its last attempt");
                    Outcome::Dead { id: job.id, error }
                }
            },
        };
        Ok(outcome)
    }

    /// Run job `name` once, now, in this process (`ladderless jobs run NAME`): it is recorded
    /// in the queue like any other run, so it shows in the list with its result.
    pub async fn run_job_now(&self, name: &str) -> CoreResult<Outcome> {
        if !KNOWN.iter().any(|(n, _)| *n == name) {
            let names: Vec<&str> = KNOWN.iter().map(|(n, _)| *n).collect();
            return Err(CoreError::field(
                "name",
                format!(
                    "no job is called {name:?}; the jobs are {}",
                    names.join(", ")
                ),
            ));
        }
        let process = process_name("cli");
        let now = self.now();
        let job = NewJob {
            name: name.to_string(),
            payload: "{}".into(),
            run_at: now,
            max_attempts: 1,
            target: Some(process.clone()),
            idempotency_key: None,
        };
        let id = self
            .store
            .enqueue_job(&job, now)
            .await?
            .ok_or_else(|| CoreError::Internal("job not enqueued".into()))?;
        let Some(claimed) = self
            .store
            .claim_job_by_id(id, &process, now, now + LEASE)
            .await?
        else {
            return Err(CoreError::Internal(
                "the job just enqueued could not be claimed".into(),
            ));
        };
        self.run_claimed(&claimed, &process).await
    }

    /// The queue for a talent admin: jobs by filter, newest first, and counts per state.
    pub async fn jobs_overview(
        &self,
        actor: &Actor,
        filter: JobFilter,
        limit: i64,
    ) -> CoreResult<(Vec<Job>, Vec<(ladderless_domain::jobs::JobState, i64)>)> {
        actor.require_talent_admin()?;
        let jobs = self.store.jobs(filter, limit).await?;
        let counts = self.store.job_counts().await?;
        Ok((jobs, counts))
    }

    /// A talent admin retries a dead job: a fresh set of attempts, now. Audited.
    pub async fn retry_dead_job(&self, actor: &Actor, id: Uuid, ip: &str) -> CoreResult<()> {
        actor.require_talent_admin()?;
        let now = self.now();
        let job = self.store.job(id).await?.ok_or(CoreError::NotFound)?;
        if !self.store.retry_job(id, now).await? {
            return Err(CoreError::field(
                "job",
                format!(
                    "only a failed (dead) job can be retried; this one is {}",
                    job.state.label().to_lowercase()
                ),
            ));
        }
        self.store
            .audit(
                Some(actor.id()),
                "job_retry",
                &job.name,
                &id.to_string(),
                ip,
                now,
            )
            .await?;
        Ok(())
    }

    /// All jobs for the command line (no actor: the operator).
    pub async fn jobs_for_operator(&self, filter: JobFilter, limit: i64) -> CoreResult<Vec<Job>> {
        Ok(self.store.jobs(filter, limit).await?)
    }
}

/// Start the worker pool and the scheduler; they run until the runtime stops. The graph is
/// built at once (a targeted job), whatever its schedule.
pub fn spawn_pool(app: App, config: PoolConfig) {
    let process = config.process.clone();
    let first = app.clone();
    let p = process.clone();
    tokio::spawn(async move {
        if let Err(e) = first.enqueue_job(GRAPH_REFRESH, "{}", Some(&p), None).await {
            tracing::warn!(error = %e, "cannot enqueue the first career graph build");
        }
    });
    if !config.schedules.is_empty() {
        let sched = app.clone();
        let schedules = config.schedules.clone();
        let p = process.clone();
        let tick = schedules
            .iter()
            .map(|s| s.every.whole_seconds())
            .min()
            .unwrap_or(60)
            .clamp(1, 15) as u64;
        tokio::spawn(async move {
            let mut interval = tokio::time::interval(StdDuration::from_secs(tick));
            loop {
                interval.tick().await;
                if let Err(e) = sched.enqueue_scheduled(&p, &schedules).await {
                    tracing::warn!(error = %e, "cannot enqueue scheduled jobs");
                }
            }
        });
    }
    for n in 0..config.workers {
        let app = app.clone();
        let process = process.clone();
        let worker = format!("{process}#{n}");
        let poll = config.poll;
        tokio::spawn(async move {
            loop {
                match app.work_one(&worker, &process).await {
                    Ok(Some(_)) => {}
                    Ok(None) => tokio::time::sleep(poll).await,
                    Err(e) => {
                        tracing::warn!(error = %e, %worker, "job worker cannot reach the queue");
                        tokio::time::sleep(poll * 5).await;
                    }
                }
            }
        });
    }
}
