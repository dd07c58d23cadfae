//! Storage conformance for the e-mail outbox on SQLite and PostgreSQL: one message per
//! idempotency key, claims (never one message to two senders, even concurrently), sent /
//! retry / failed, reconciling a message left in "sending", and the server secret kept.

use crate::support::now;
use ladderless_domain::mail::{INTERRUPTED, OutboxState};
use ladderless_store::Store;
use ladderless_store::mail::NewMail;
use ladderless_testkit::{TestDb, backends};
use std::collections::HashSet;
use time::Duration;

fn mail(key: &str) -> NewMail {
    NewMail {
        idempotency_key: key.into(),
        person_id: None,
        recipient: "ada@x.org".into(),
        subject: format!("About {key}"),
        text_body: "text".into(),
        html_body: "<p>html</p>".into(),
        list_unsubscribe: String::new(),
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

fn lease() -> time::OffsetDateTime {
    now() + Duration::minutes(5)
}

#[tokio::test]
async fn a_key_is_queued_once() {
    each(|s| async move {
        assert!(s.queue_mail(&mail("k1"), now()).await.expect("queue"));
        assert!(!s.queue_mail(&mail("k1"), now()).await.expect("queue"));
        assert!(s.queue_mail(&mail("k2"), now()).await.expect("queue"));
        assert_eq!(s.outbox(100).await.expect("list").len(), 2);
        let m = s.mail_by_key("k1").await.expect("get").expect("there");
        assert_eq!(m.state, OutboxState::Pending);
        assert_eq!(m.attempts, 0);
    })
    .await;
}

#[tokio::test]
async fn a_claim_marks_sending_and_sent_or_retry_follow() {
    each(|s| async move {
        s.queue_mail(&mail("a"), now()).await.expect("queue");
        s.queue_mail(&mail("b"), now() + Duration::seconds(1))
            .await
            .expect("queue");
        let a = s
            .claim_mail("s1", now() + Duration::seconds(2), lease())
            .await
            .expect("claim")
            .expect("a");
        assert_eq!(a.idempotency_key, "a", "the oldest first");
        assert_eq!(a.state, OutboxState::Sending);
        assert_eq!(a.attempts, 1);
        assert!(
            !s.mail_sent(a.id, "someone else", "250", now())
                .await
                .expect("sent"),
            "only its sender records it"
        );
        assert!(
            s.mail_sent(a.id, "s1", "250 ok", now())
                .await
                .expect("sent")
        );
        let a = s.mail_by_key("a").await.expect("get").expect("a");
        assert_eq!((a.state, a.answer.as_str()), (OutboxState::Sent, "250 ok"));
        assert!(a.sent_at.is_some());

        let b = s
            .claim_mail("s1", now() + Duration::seconds(2), lease())
            .await
            .expect("claim")
            .expect("b");
        let later = now() + Duration::minutes(1);
        assert!(
            s.mail_failed(b.id, "s1", "421 busy", Some(later), now())
                .await
                .expect("fail")
        );
        assert!(
            s.claim_mail("s1", now() + Duration::seconds(30), lease())
                .await
                .expect("claim")
                .is_none(),
            "not before its next attempt"
        );
        let b2 = s
            .claim_mail("s1", later, lease())
            .await
            .expect("claim")
            .expect("b again");
        assert_eq!((b2.id, b2.attempts), (b.id, 2));
        assert!(
            s.mail_failed(b2.id, "s1", "550 no such user", None, now())
                .await
                .expect("fail")
        );
        let b = s.mail_by_key("b").await.expect("get").expect("b");
        assert_eq!(
            (b.state, b.answer.as_str()),
            (OutboxState::Failed, "550 no such user")
        );
        assert!(
            s.claim_mail("s1", later + Duration::hours(1), lease())
                .await
                .expect("claim")
                .is_none(),
            "sent and failed are never claimed"
        );
    })
    .await;
}

#[tokio::test]
async fn two_senders_never_claim_one_message() {
    each(|s| async move {
        for i in 0..40 {
            s.queue_mail(&mail(&format!("m{i}")), now())
                .await
                .expect("queue");
        }
        let at = now() + Duration::seconds(1);
        let claim_all = |who: &'static str, s: Store| async move {
            let mut got = Vec::new();
            while let Some(m) = s
                .claim_mail(who, at, at + Duration::minutes(5))
                .await
                .expect("claim")
            {
                got.push(m.id);
            }
            got
        };
        let (x, y) = tokio::join!(claim_all("x", s.clone()), claim_all("y", s.clone()));
        let all: HashSet<_> = x.iter().chain(y.iter()).copied().collect();
        assert_eq!(x.len() + y.len(), 40, "every message claimed");
        assert_eq!(all.len(), 40, "no message claimed twice");
    })
    .await;
}

#[tokio::test]
async fn a_message_left_sending_is_marked_failed_not_resent() {
    each(|s| async move {
        s.queue_mail(&mail("crash"), now()).await.expect("queue");
        let held = s
            .claim_mail("dead sender", now(), lease())
            .await
            .expect("claim")
            .expect("m");
        assert_eq!(held.state, OutboxState::Sending);
        assert_eq!(
            s.reconcile_mail(now() + Duration::minutes(1))
                .await
                .expect("reconcile"),
            0,
            "its lease still runs"
        );
        assert_eq!(
            s.reconcile_mail(lease() + Duration::seconds(1))
                .await
                .expect("reconcile"),
            1
        );
        let m = s
            .mail_by_key("crash")
            .await
            .expect("get")
            .map(|x| (x.id, x.state, x.answer))
            .expect("m");
        assert_eq!(m, (m.0, OutboxState::Failed, INTERRUPTED.to_string()));
        assert!(
            s.claim_mail(
                "s2",
                lease() + Duration::hours(2),
                lease() + Duration::hours(3)
            )
            .await
            .expect("claim")
            .is_none()
        );
        assert!(
            !s.mail_sent(m.0, "dead sender", "250", now())
                .await
                .expect("sent"),
            "a late answer does not revive it"
        );
    })
    .await;
}

#[tokio::test]
async fn the_server_secret_is_made_once() {
    each(|s| async move {
        let a = s
            .server_secret("unsubscribe", "first", now())
            .await
            .expect("secret");
        let b = s
            .server_secret("unsubscribe", "second", now())
            .await
            .expect("secret");
        assert_eq!((a.as_str(), b.as_str()), ("first", "first"));
        assert_eq!(
            s.server_secret("other", "x", now()).await.expect("secret"),
            "x"
        );
    })
    .await;
}
