//! The job queue end to end: two servers on one database enqueue each scheduled slot once and
//! run it once; a job that fails its last attempt is dead and shown to talent admins, who
//! alone may retry it; `run_job_now` (behind `ladderless jobs run`) records its run.

use crate::career_owner_support::excerpt;
use ladderless_core::App;
use ladderless_core::jobs::{GRAPH_REFRESH, Outcome, SESSION_PURGE, Schedule};
use ladderless_domain::jobs::JobState;
use ladderless_store::jobs::{JobFilter, NewJob};
use ladderless_testkit::{TestDb, backends, check, each_backend, signed_in};
use time::Duration;

fn schedules() -> Vec<Schedule> {
    vec![
        Schedule {
            name: SESSION_PURGE.into(),
            every: Duration::hours(1),
        },
        Schedule {
            name: GRAPH_REFRESH.into(),
            every: Duration::minutes(5),
        },
    ]
}

#[tokio::test]
async fn two_servers_enqueue_and_run_each_scheduled_slot_once() {
    for b in backends() {
        let db = TestDb::new(b).await.expect("db");
        // Two servers: separate connection pools on one database, started at the same instant.
        let clock = std::sync::Arc::new(ladderless_core::FixedClock::new(
            time::OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("t"),
        ));
        let mut one = App::new(db.store().await.expect("store"));
        let mut two = App::new(db.store().await.expect("store"));
        one.clock = clock.clone();
        two.clock = clock.clone();
        let mut tasks = Vec::new();
        for (app, process) in [(one.clone(), "s1"), (two.clone(), "s2")] {
            for _ in 0..5 {
                let app = app.clone();
                tasks.push(tokio::spawn(async move {
                    app.enqueue_scheduled(process, &schedules())
                        .await
                        .expect("enqueue")
                }));
            }
        }
        let mut added = 0;
        for t in tasks {
            added += t.await.expect("task");
        }
        assert_eq!(
            added, 3,
            "{b:?}: one purge for the slot, one graph refresh per server"
        );
        let jobs = one.store.jobs(JobFilter::Recent, 50).await.expect("list");
        let purges = jobs.iter().filter(|j| j.name == SESSION_PURGE).count();
        assert_eq!(purges, 1, "{b:?}");
        let mut targets: Vec<_> = jobs
            .iter()
            .filter(|j| j.name == GRAPH_REFRESH)
            .filter_map(|j| j.target.clone())
            .collect();
        targets.sort();
        assert_eq!(targets, vec!["s1".to_string(), "s2".to_string()], "{b:?}");

        // Both servers' workers drain the queue at once: every job runs exactly once.
        let mut runs = Vec::new();
        for (app, process) in [(one.clone(), "s1"), (two.clone(), "s2")] {
            for w in 0..2 {
                let app = app.clone();
                runs.push(tokio::spawn(async move {
                    let worker = format!("{process}#{w}");
                    let mut done = Vec::new();
                    while let Some(o) = app.work_one(&worker, process).await.expect("work") {
                        done.push(o);
                    }
                    done
                }));
            }
        }
        let mut outcomes = Vec::new();
        for r in runs {
            outcomes.extend(r.await.expect("worker"));
        }
        assert_eq!(outcomes.len(), 3, "{b:?}: {outcomes:?}");
        assert!(
            outcomes.iter().all(|o| matches!(o, Outcome::Done { .. })),
            "{b:?}: {outcomes:?}"
        );
        let jobs = one.store.jobs(JobFilter::Recent, 50).await.expect("list");
        assert!(
            jobs.iter()
                .all(|j| j.state == JobState::Done && j.attempts == 1),
            "{b:?}"
        );
        // Later in the same slot nothing new is enqueued; the next slot enqueues again.
        clock.advance(Duration::minutes(1));
        assert_eq!(
            one.enqueue_scheduled("s1", &schedules())
                .await
                .expect("enqueue"),
            0
        );
        clock.advance(Duration::minutes(5));
        assert_eq!(
            two.enqueue_scheduled("s2", &schedules())
                .await
                .expect("enqueue"),
            1,
            "{b:?}: s2's next graph slot"
        );
        assert!(
            one.graph.get().is_some() && two.graph.get().is_some(),
            "each server built its own graph"
        );
        one.store.close().await;
        two.store.close().await;
    }
}

#[tokio::test]
async fn a_dead_job_is_listed_for_talent_admins_and_only_they_retry_it() {
    each_backend(|s| async move {
        let now = s.app.now();
        let job = NewJob {
            name: "no.such.job".into(),
            payload: "{}".into(),
            run_at: now,
            max_attempts: 1,
            target: None,
            idempotency_key: None,
        };
        let id = s.app.store.enqueue_job(&job, now).await?.expect("id");
        let outcome = s.app.work_one("w", "p").await?;
        check!(
            matches!(outcome, Some(Outcome::Dead { .. })),
            "dead after its only attempt: {outcome:?}"
        );

        let eve = signed_in(&s, "eve@example.org").await?;
        check!(
            eve.get("/admin/jobs").await?.status == 403,
            "an employee cannot see the queue"
        );
        let r = eve
            .post_form(&format!("/admin/jobs/{id}/retry"), &[])
            .await?;
        check!(r.status == 403, "an employee cannot retry: {}", r.status);
        check!(
            s.app.store.job(id).await?.map(|j| j.state) == Some(JobState::Dead),
            "still dead"
        );

        let ann = signed_in(&s, "ann@example.org").await?;
        let page = ann.get("/admin/jobs?show=failed").await?;
        check!(page.status == 200, "admin page: {}", page.status);
        check!(
            page.body.contains("no.such.job")
                && page.body.contains("no job is called")
                && page.body.contains("Failed (dead letter)"),
            "listed with its error: {}",
            excerpt(&page.body)
        );
        check!(
            page.body.contains(&format!("/admin/jobs/{id}/retry")),
            "a retry button"
        );
        let r = ann
            .post_form(&format!("/admin/jobs/{id}/retry"), &[])
            .await?;
        check!(
            r.status == 303
                && r.location
                    .as_deref()
                    .is_some_and(|l| l.contains("notice=job_retried")),
            "retried: {} {:?}",
            r.status,
            r.location
        );
        let j = s.app.store.job(id).await?.expect("job");
        check!(
            j.state == JobState::Queued && j.attempts == 0,
            "queued with fresh attempts: {j:?}"
        );
        let again = ann
            .post_form(&format!("/admin/jobs/{id}/retry"), &[])
            .await?;
        check!(
            again.status == 422 || again.status == 400,
            "a queued job cannot be retried: {}",
            again.status
        );
        let audit = ann.get("/admin/audit").await?;
        check!(audit.body.contains("job_retry"), "the retry is audited");
        let bad = ann.post_form("/admin/jobs/not-an-id/retry", &[]).await?;
        check!(bad.status == 404, "a malformed id: {}", bad.status);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_job_run_now_is_recorded_and_an_unknown_name_is_refused() {
    each_backend(|s| async move {
        let o = s.app.run_job_now(SESSION_PURGE).await?;
        check!(
            matches!(&o, Outcome::Done { summary, .. } if summary.contains("expired session")),
            "{o:?}"
        );
        let listed = s.app.jobs_for_operator(JobFilter::Recent, 10).await?;
        check!(
            listed.len() == 1
                && listed[0].state == JobState::Done
                && listed[0].name == SESSION_PURGE,
            "{listed:?}"
        );
        match s.app.run_job_now("nope").await {
            Err(ladderless_core::CoreError::Invalid(e)) => {
                check!(
                    e.get("name").is_some_and(|m| m.contains("sessions.purge")),
                    "names the jobs: {e:?}"
                );
            }
            other => anyhow::bail!("unknown job: {other:?}"),
        }
        Ok(())
    })
    .await;
}
