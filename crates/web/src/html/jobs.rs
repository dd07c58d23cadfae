//! The talent admins' view of the job queue: counts per state, recent or failed jobs, and a
//! Retry button on each dead one.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::{ClientIp, CurrentUser};
use crate::html::{Notice, NoticeQuery, PathIds};
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Query, State};
use ladderless_core::jobs::KNOWN;
use ladderless_domain::jobs::JobState;
use ladderless_store::jobs::{Job, JobFilter};
use serde::Deserialize;

/// `?show=failed` (or `dead`); anything else is every recent job.
#[derive(Debug, Default, Deserialize)]
pub struct JobsQuery {
    show: Option<String>,
    #[serde(flatten)]
    notice: NoticeQuery,
}

#[derive(Template)]
#[template(path = "jobs.html")]
struct JobsPage {
    page: Page,
    jobs: Vec<Job>,
    counts: Vec<(JobState, i64)>,
    show: &'static str,
    known: &'static [(&'static str, &'static str)],
}

fn when(t: &time::OffsetDateTime) -> String {
    format!(
        "{} {:02}:{:02}:{:02}",
        t.date(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

impl JobsPage {
    fn when(&self, t: &time::OffsetDateTime) -> String {
        when(t)
    }
    fn when_opt(&self, t: &Option<time::OffsetDateTime>) -> String {
        t.as_ref().map(when).unwrap_or_default()
    }
}

/// The queue.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<JobsQuery>,
) -> HtmlResult {
    let (filter, show) = match q.show.as_deref() {
        Some("failed") => (JobFilter::Failed, "failed"),
        Some("dead") => (JobFilter::Dead, "dead"),
        _ => (JobFilter::Recent, "recent"),
    };
    let (jobs, counts) = state.app.jobs_overview(&s.actor, filter, 100).await?;
    Ok(render(&JobsPage {
        page: Page::new(&s, "Jobs", "/admin").with_notice(q.notice.notice),
        jobs,
        counts,
        show,
        known: KNOWN,
    }))
}

/// Retry a dead job.
pub async fn retry(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    ClientIp(ip): ClientIp,
) -> HtmlResult {
    state.app.retry_dead_job(&s.actor, id, &ip).await?;
    Ok(Notice::JobRetried.redirect("/admin/jobs?show=failed"))
}
