//! Storage conformance for the job queue on SQLite and PostgreSQL: idempotent enqueueing,
//! claims (never one job to two workers, even concurrently), retries with a run time,
//! dead letters, reclaiming a job whose worker's lease ran out, and per-process jobs.

use ladderless_domain::jobs::{AfterFailure, JobState, after_failure};
use ladderless_store::Store;
use ladderless_store::jobs::{JobFilter, NewJob};
use ladderless_testkit::{TestDb, backends};
use std::collections::HashSet;
use time::{Duration, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

fn job(name: &str, key: Option<&str>) -> NewJob {
    NewJob {
        name: name.into(),
        payload: "{}".into(),
        run_at: now(),
        max_attempts: 3,
        target: None,
        idempotency_key: key.map(str::to_string),
    }
}

async fn each<F, Fut>(f: F)
where
    F: Fn(Store) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for b in backends() {
        let db = TestDb::new(b).await.expect("test database");
        let store = db.store().await.expect("open");
        f(store.clone()).await;
        store.close().await;
    }
}

#[tokio::test]
async fn an_idempotency_key_enqueues_once() {
    each(|s| async move {
        let first = s
            .enqueue_job(&job("a", Some("schedule:a:1")), now())
            .await
            .expect("enqueue");
        let again = s
            .enqueue_job(&job("a", Some("schedule:a:1")), now())
            .await
            .expect("enqueue");
        let other = s
            .enqueue_job(&job("a", Some("schedule:a:2")), now())
            .await
            .expect("enqueue");
        let unkeyed1 = s
            .enqueue_job(&job("a", None), now())
            .await
            .expect("enqueue");
        let unkeyed2 = s
            .enqueue_job(&job("a", None), now())
            .await
            .expect("enqueue");
        assert!(first.is_some() && other.is_some());
        assert_eq!(again, None, "the same key is not enqueued twice");
        assert!(
            unkeyed1.is_some() && unkeyed2.is_some(),
            "jobs without a key never collide"
        );
        assert_eq!(s.jobs(JobFilter::Recent, 100).await.expect("list").len(), 4);
    })
    .await;
}

#[tokio::test]
async fn a_claim_takes_the_oldest_ready_job_and_counts_an_attempt() {
    each(|s| async move {
        let mut later = job("later", None);
        later.run_at = now() + Duration::minutes(5);
        s.enqueue_job(&later, now()).await.expect("enqueue");
        let ready = s
            .enqueue_job(&job("ready", None), now())
            .await
            .expect("enqueue")
            .expect("id");
        let lease = now() + Duration::minutes(10);
        let got = s
            .claim_job("w1", "p1", now(), lease)
            .await
            .expect("claim")
            .expect("a job");
        assert_eq!(got.id, ready);
        assert_eq!(got.state, JobState::Running);
        assert_eq!(got.attempts, 1);
        assert_eq!(got.locked_by.as_deref(), Some("w1"));
        assert_eq!(got.locked_until, Some(lease));
        assert!(
            s.claim_job("w2", "p1", now(), lease)
                .await
                .expect("claim")
                .is_none(),
            "the other job is not due yet and the ready one is taken"
        );
        let at_five = now() + Duration::minutes(5);
        let next = s
            .claim_job("w2", "p1", at_five, at_five + Duration::minutes(10))
            .await
            .expect("claim")
            .expect("due now");
        assert_eq!(next.name, "later");
    })
    .await;
}

#[tokio::test]
async fn two_workers_never_claim_the_same_job_concurrently() {
    each(|s| async move {
        for i in 0..40 {
            s.enqueue_job(&job(&format!("j{i}"), None), now())
                .await
                .expect("enqueue");
        }
        let mut handles = Vec::new();
        for w in 0..6 {
            let s = s.clone();
            handles.push(tokio::spawn(async move {
                let worker = format!("w{w}");
                let mut mine = Vec::new();
                loop {
                    let claimed = s
                        .claim_job(&worker, "p", now(), now() + Duration::minutes(10))
                        .await
                        .expect("claim");
                    match claimed {
                        Some(j) => {
                            assert_eq!(j.locked_by.as_deref(), Some(worker.as_str()));
                            mine.push(j.id);
                            assert!(s.finish_job(j.id, &worker, now()).await.expect("finish"));
                        }
                        None => break,
                    }
                }
                mine
            }));
        }
        let mut all = Vec::new();
        for h in handles {
            all.extend(h.await.expect("worker"));
        }
        let distinct: HashSet<_> = all.iter().collect();
        assert_eq!(all.len(), 40, "every job claimed once");
        assert_eq!(distinct.len(), 40, "no job claimed twice");
        let counts = s.job_counts().await.expect("counts");
        assert_eq!(
            counts.iter().find(|c| c.0 == JobState::Done).map(|c| c.1),
            Some(40)
        );
    })
    .await;
}

#[tokio::test]
async fn a_failure_waits_for_its_backoff_then_dies_after_the_last_attempt() {
    each(|s| async move {
        let id = s
            .enqueue_job(&job("flaky", None), now())
            .await
            .expect("enqueue")
            .expect("id");
        let mut t = now();
        for attempt in 1..=3 {
            let j = s
                .claim_job("w", "p", t, t + Duration::minutes(10))
                .await
                .expect("claim")
                .expect("ready");
            assert_eq!((j.id, j.attempts), (id, attempt));
            let retry_at = match after_failure(j.attempts, j.max_attempts, t) {
                AfterFailure::RetryAt(at) => Some(at),
                AfterFailure::Dead => None,
            };
            assert!(
                s.fail_job(id, "w", "boom", retry_at, t)
                    .await
                    .expect("fail")
            );
            let stored = s.job(id).await.expect("read").expect("there");
            assert_eq!(stored.last_error, "boom");
            match retry_at {
                Some(at) => {
                    assert_eq!(stored.state, JobState::Queued);
                    assert_eq!(stored.run_at, at);
                    assert!(
                        s.claim_job("w", "p", at - Duration::seconds(1), at)
                            .await
                            .expect("claim")
                            .is_none(),
                        "not before its backoff"
                    );
                    t = at;
                }
                None => {
                    assert_eq!(attempt, 3);
                    assert_eq!(stored.state, JobState::Dead);
                    assert!(stored.finished_at.is_some());
                }
            }
        }
        let later = t + Duration::days(1);
        assert!(
            s.claim_job("w", "p", later, later)
                .await
                .expect("claim")
                .is_none(),
            "a dead job is never claimed"
        );
        let dead = s.jobs(JobFilter::Dead, 10).await.expect("dead");
        assert_eq!(dead.iter().map(|j| j.id).collect::<Vec<_>>(), vec![id]);
        assert_eq!(
            s.jobs(JobFilter::Failed, 10).await.expect("failed").len(),
            1
        );

        assert!(s.retry_job(id, later).await.expect("retry"));
        assert!(
            !s.retry_job(id, later).await.expect("retry"),
            "only a dead job can be retried"
        );
        let again = s
            .claim_job("w", "p", later, later + Duration::minutes(1))
            .await
            .expect("claim")
            .expect("retried");
        assert_eq!(
            (again.id, again.attempts),
            (id, 1),
            "a retry gets fresh attempts"
        );
    })
    .await;
}

#[tokio::test]
async fn an_expired_lease_lets_another_worker_reclaim_and_the_first_cannot_finish() {
    each(|s| async move {
        let id = s
            .enqueue_job(&job("long", None), now())
            .await
            .expect("enqueue")
            .expect("id");
        let lease = now() + Duration::minutes(10);
        s.claim_job("crashed", "p1", now(), lease)
            .await
            .expect("claim")
            .expect("ready");
        assert!(
            s.claim_job("w2", "p2", lease - Duration::seconds(1), lease)
                .await
                .expect("claim")
                .is_none(),
            "a live lease is respected"
        );
        let after = lease + Duration::seconds(1);
        let j = s
            .claim_job("w2", "p2", after, after + Duration::minutes(10))
            .await
            .expect("claim")
            .expect("reclaimed");
        assert_eq!(
            (j.id, j.attempts, j.locked_by.as_deref()),
            (id, 2, Some("w2"))
        );
        assert!(
            !s.finish_job(id, "crashed", after).await.expect("finish"),
            "the old worker lost it"
        );
        assert!(s.finish_job(id, "w2", after).await.expect("finish"));
        assert_eq!(
            s.job(id).await.expect("read").expect("there").state,
            JobState::Done
        );
    })
    .await;
}

#[tokio::test]
async fn a_lease_expiring_on_the_last_attempt_is_reaped_as_dead() {
    each(|s| async move {
        let mut one = job("once", None);
        one.max_attempts = 1;
        let id = s
            .enqueue_job(&one, now())
            .await
            .expect("enqueue")
            .expect("id");
        let lease = now() + Duration::minutes(10);
        s.claim_job("crashed", "p", now(), lease)
            .await
            .expect("claim")
            .expect("ready");
        let after = lease + Duration::seconds(1);
        assert!(
            s.claim_job("w", "p", after, after)
                .await
                .expect("claim")
                .is_none(),
            "no attempts left"
        );
        assert_eq!(s.reap_jobs(after).await.expect("reap"), 1);
        let j = s.job(id).await.expect("read").expect("there");
        assert_eq!(j.state, JobState::Dead);
        assert!(j.last_error.contains("lease expired"), "{}", j.last_error);
    })
    .await;
}

#[tokio::test]
async fn a_job_for_one_process_is_claimed_only_there_and_purged_when_abandoned() {
    each(|s| async move {
        let mut mine = job("graph.refresh", None);
        mine.target = Some("p1".into());
        let id = s
            .enqueue_job(&mine, now())
            .await
            .expect("enqueue")
            .expect("id");
        let lease = now() + Duration::minutes(10);
        assert!(
            s.claim_job("w", "p2", now(), lease)
                .await
                .expect("claim")
                .is_none()
        );
        let j = s
            .claim_job("w", "p1", now(), lease)
            .await
            .expect("claim")
            .expect("its own");
        assert_eq!(j.id, id);
        assert!(s.finish_job(id, "w", now()).await.expect("finish"));
        let mut abandoned = job("graph.refresh", None);
        abandoned.target = Some("gone".into());
        s.enqueue_job(&abandoned, now()).await.expect("enqueue");
        let x = s
            .enqueue_job(&job("x", None), now())
            .await
            .expect("enqueue")
            .expect("id");
        let c = s
            .claim_job("w", "p1", now(), lease)
            .await
            .expect("claim")
            .expect("x");
        assert_eq!(c.id, x, "a job for another process is passed over");
        assert!(s.fail_job(x, "w", "no", None, now()).await.expect("fail"));
        let removed = s
            .purge_jobs(now() + Duration::seconds(1))
            .await
            .expect("purge");
        assert_eq!(removed, 2, "the done job and the abandoned one");
        let left = s.jobs(JobFilter::Recent, 10).await.expect("list");
        assert_eq!(
            left.iter().map(|j| (j.id, j.state)).collect::<Vec<_>>(),
            vec![(x, JobState::Dead)],
            "dead jobs stay for an admin"
        );
    })
    .await;
}

#[tokio::test]
async fn an_unknown_state_is_an_error_not_a_default() {
    each(|s| async move {
        let id = s.enqueue_job(&job("a", None), now()).await.expect("enqueue").expect("id");
        ladderless_store::on_db!(s, p => {
            sqlx::query("UPDATE jobs SET state = 'paused' WHERE id = $1").bind(id).execute(p).await.expect("raw");
        });
        let e = s.job(id).await.expect_err("unknown state");
        assert!(e.to_string().contains("paused"), "{e}");
    })
    .await;
}
