//! Storage conformance for notifications on SQLite and PostgreSQL: one per person and dedupe
//! key, a person's list newest first and paged, the unread count, marking read only one's
//! own, mark all read, preferences, and unknown codes read back as errors.

use ladderless_domain::notify::{Channel, Kind, dedupe_key};
use ladderless_store::import::Batch;
use ladderless_store::notifications::NewNotification;
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::Duration;

use crate::support::{now, person};

fn note(person: Uuid, kind: Kind, thing: &str) -> NewNotification {
    NewNotification {
        person_id: person,
        kind,
        title: format!("About {thing}"),
        detail: String::new(),
        link_id: thing.into(),
        dedupe_key: dedupe_key(kind, thing, now().date()),
    }
}

/// Runs `f` with two people `a` and `b`.
async fn each<F, Fut>(f: F)
where
    F: Fn(Store, Uuid, Uuid) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let store = db.store().await.expect("open");
        let (a, b) = (person("a"), person("b"));
        let ids = (a.id, b.id);
        let batch = Batch {
            creates: vec![a, b],
            ..Default::default()
        };
        store.apply_batch(&batch, now()).await.expect("seed");
        f(store.clone(), ids.0, ids.1).await;
        store.close().await;
    }
}

#[tokio::test]
async fn one_notification_per_person_and_dedupe_key() {
    each(|s, a, b| async move {
        let n = note(a, Kind::AskAgain, "p1");
        assert!(s.insert_notification(&n, now()).await.expect("insert"));
        assert!(
            !s.insert_notification(&n, now() + Duration::hours(1))
                .await
                .expect("again")
        );
        // The same key for someone else is theirs.
        let mut other = n.clone();
        other.person_id = b;
        assert!(s.insert_notification(&other, now()).await.expect("b"));
        // Another kind or thing is another notification.
        assert!(
            s.insert_notification(&note(a, Kind::AnswerReceived, "p1"), now())
                .await
                .expect("kind")
        );
        assert!(
            s.insert_notification(&note(a, Kind::AskAgain, "p2"), now())
                .await
                .expect("thing")
        );
        assert_eq!(s.unread_notifications(a).await.expect("count"), 3);
        assert_eq!(s.unread_notifications(b).await.expect("count"), 1);
        assert_eq!(s.notification_total(a).await.expect("total"), 3);
    })
    .await;
}

#[tokio::test]
async fn a_list_is_newest_first_and_paged() {
    each(|s, a, b| async move {
        for i in 0..5 {
            let n = note(a, Kind::FollowUpDue, &format!("f{i}"));
            s.insert_notification(&n, now() + Duration::minutes(i))
                .await
                .expect("insert");
        }
        s.insert_notification(&note(b, Kind::FollowUpDue, "fb"), now())
            .await
            .expect("b");
        let first = s.notifications_of(a, 2, 0).await.expect("page 1");
        let titles: Vec<&str> = first.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(titles, ["About f4", "About f3"]);
        let rest = s.notifications_of(a, 10, 2).await.expect("page 2");
        assert_eq!(rest.len(), 3);
        assert_eq!(rest[2].title, "About f0");
        assert!(rest.iter().chain(&first).all(|n| n.person_id == a));
        assert_eq!(first[0].kind, Kind::FollowUpDue);
        assert_eq!(first[0].link_kind, Kind::FollowUpDue.link_kind());
        assert_eq!(first[0].link_id, "f4");
        assert_eq!(first[0].read_at, None);
    })
    .await;
}

#[tokio::test]
async fn only_the_owner_marks_read_and_mark_all_counts() {
    each(|s, a, b| async move {
        s.insert_notification(&note(a, Kind::AskAgain, "p1"), now())
            .await
            .expect("1");
        s.insert_notification(&note(a, Kind::AskAgain, "p2"), now())
            .await
            .expect("2");
        s.insert_notification(&note(b, Kind::AskAgain, "p3"), now())
            .await
            .expect("3");
        let mine = s.notifications_of(a, 10, 0).await.expect("list");
        let id = mine[0].id;
        assert!(
            !s.mark_notification_read(b, id, now())
                .await
                .expect("b tries")
        );
        assert_eq!(s.unread_notifications(a).await.expect("count"), 2);
        assert!(
            !s.mark_notification_read(a, new_id(), now())
                .await
                .expect("none")
        );
        assert!(
            s.mark_notification_read(a, id, now())
                .await
                .expect("a reads")
        );
        assert_eq!(s.unread_notifications(a).await.expect("count"), 1);
        // Reading again keeps the first read time.
        assert!(
            s.mark_notification_read(a, id, now() + Duration::days(1))
                .await
                .expect("again")
        );
        let read = s.notifications_of(a, 10, 0).await.expect("list");
        let it = read.iter().find(|n| n.id == id).expect("it");
        assert_eq!(
            it.read_at.map(|t| t.unix_timestamp()),
            Some(now().unix_timestamp())
        );
        assert_eq!(
            s.mark_all_notifications_read(a, now()).await.expect("all"),
            1
        );
        assert_eq!(s.unread_notifications(a).await.expect("count"), 0);
        assert_eq!(s.unread_notifications(b).await.expect("b untouched"), 1);
    })
    .await;
}

#[tokio::test]
async fn preferences_are_set_replaced_and_listed_per_kind() {
    each(|s, a, b| async move {
        assert!(
            s.notification_preferences(a)
                .await
                .expect("none")
                .is_empty()
        );
        s.set_notification_preference(a, Kind::AskAgain, Channel::Off, now())
            .await
            .expect("set");
        s.set_notification_preference(a, Kind::AskAgain, Channel::Digest, now())
            .await
            .expect("replace");
        s.set_notification_preference(a, Kind::PlanReviewDue, Channel::Off, now())
            .await
            .expect("set");
        s.set_notification_preference(b, Kind::AskAgain, Channel::Off, now())
            .await
            .expect("b");
        let mut mine = s.notification_preferences(a).await.expect("list");
        mine.sort_by_key(|(k, _)| k.code());
        assert_eq!(
            mine,
            [
                (Kind::AskAgain, Channel::Digest),
                (Kind::PlanReviewDue, Channel::Off)
            ]
        );
        let mut choices = s
            .notification_choices(Kind::AskAgain)
            .await
            .expect("choices");
        choices.sort_by_key(|(p, _)| *p);
        let mut want = vec![(a, Channel::Digest), (b, Channel::Off)];
        want.sort_by_key(|(p, _)| *p);
        assert_eq!(choices, want);
    })
    .await;
}

#[tokio::test]
async fn unknown_codes_are_errors_never_defaults() {
    each(|s, a, _| async move {
        s.insert_notification(&note(a, Kind::AskAgain, "p1"), now()).await.expect("insert");
        ladderless_store::on_db!(s, p => {
            sqlx::query("UPDATE notifications SET kind = 'gossip' WHERE person_id = $1").bind(a).execute(p).await.expect("corrupt");
        });
        match s.notifications_of(a, 10, 0).await {
            Err(StoreError::Decode { column, reason }) => {
                assert_eq!(column, "kind");
                assert!(reason.contains("gossip") && reason.contains("notification kind"), "{reason}");
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        s.set_notification_preference(a, Kind::AskAgain, Channel::Off, now()).await.expect("set");
        ladderless_store::on_db!(s, p => {
            sqlx::query("UPDATE notification_preferences SET channel = 'pigeon' WHERE person_id = $1").bind(a).execute(p).await.expect("corrupt");
        });
        assert!(matches!(s.notification_preferences(a).await, Err(StoreError::Decode { .. })));
    })
    .await;
}
