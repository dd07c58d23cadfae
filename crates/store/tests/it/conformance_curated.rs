//! Storage conformance for curated moves: the same behaviour on SQLite and PostgreSQL.

use ladderless_store::curated::CuratedMove;
use ladderless_store::import::{Batch, NewPerson};
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{Duration, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

/// A fresh store per backend with one talent admin, whose id is passed in.
async fn each<F, Fut>(f: F)
where
    F: Fn(Store, Uuid) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let store = db.store().await.expect("open");
        let admin = NewPerson {
            id: new_id(),
            employee_id: "T1".into(),
            name: "Tara Talent".into(),
            email: "tara@x.org".into(),
            job_title: "People Partner".into(),
            role_code: None,
            team: None,
            manager_id: None,
            role_start_date: None,
            location: String::new(),
        };
        let id = admin.id;
        store
            .apply_batch(
                &Batch {
                    creates: vec![admin],
                    ..Default::default()
                },
                now(),
            )
            .await
            .expect("seed");
        f(store.clone(), id).await;
        store.close().await;
    }
}

fn curated(from: &str, to: &str, action: &str, by: Uuid, at: OffsetDateTime) -> CuratedMove {
    CuratedMove {
        id: new_id(),
        from_code: from.into(),
        to_code: to.into(),
        action: action.into(),
        kind: None,
        note: format!("{action} {from} to {to}"),
        created_by: Some(by),
        created_at: at,
        updated_at: at,
    }
}

#[tokio::test]
async fn curated_moves_round_trip_in_the_order_they_were_made() {
    each(|s, admin| async move {
        assert!(s.curated_moves().await.expect("empty").is_empty());
        let mut add = curated("15-1252.00", "11-3021.00", "add", admin, now());
        add.kind = Some("up".into());
        let hide = curated(
            "15-1252.00",
            "15-1253.00",
            "remove",
            admin,
            now() + Duration::minutes(1),
        );
        let note = curated(
            "ORG-ABC",
            "29-1141.00",
            "annotate",
            admin,
            now() + Duration::minutes(2),
        );
        // Inserted out of order: the list is by creation time, which is the order the graph applies.
        for m in [&note, &add, &hide] {
            s.insert_curated_move(m).await.expect("insert");
        }
        let all = s.curated_moves().await.expect("list");
        assert_eq!(all, vec![add.clone(), hide.clone(), note.clone()]);
        assert_eq!(s.curated_move(add.id).await.expect("one"), add);
        assert_eq!(all[0].kind.as_deref(), Some("up"));
        assert_eq!(all[1].kind, None);
    })
    .await;
}

#[tokio::test]
async fn a_pair_is_curated_once_and_the_conflict_names_the_target() {
    each(|s, admin| async move {
        let first = curated("15-1252.00", "11-3021.00", "add", admin, now());
        s.insert_curated_move(&first).await.expect("first");
        let again = curated("15-1252.00", "11-3021.00", "remove", admin, now());
        match s.insert_curated_move(&again).await {
            Err(StoreError::Conflict { field }) => assert_eq!(field, "to"),
            other => panic!("expected a conflict on `to`, got {other:?}"),
        }
        // The reverse direction is another move.
        let reverse = curated("11-3021.00", "15-1252.00", "add", admin, now());
        s.insert_curated_move(&reverse).await.expect("reverse");
        assert_eq!(s.curated_moves().await.expect("list").len(), 2);
    })
    .await;
}

#[tokio::test]
async fn notes_change_and_moves_are_removed_and_unknown_ids_are_not_found() {
    each(|s, admin| async move {
        let m = curated("15-1252.00", "11-3021.00", "add", admin, now());
        s.insert_curated_move(&m).await.expect("insert");
        let later = now() + Duration::hours(1);
        s.update_curated_move(m.id, "annotate", None, "Ask the platform lead first", later)
            .await
            .expect("update");
        let got = s.curated_move(m.id).await.expect("read");
        assert_eq!(
            (got.action.as_str(), got.note.as_str()),
            ("annotate", "Ask the platform lead first")
        );
        assert_eq!((got.created_at, got.updated_at), (now(), later));
        let missing = new_id();
        assert!(matches!(
            s.update_curated_move(missing, "add", None, "", later).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            s.curated_move(missing).await,
            Err(StoreError::NotFound)
        ));
        s.delete_curated_move(m.id).await.expect("delete");
        assert!(matches!(
            s.delete_curated_move(m.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(s.curated_moves().await.expect("list").is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_database_refuses_a_move_to_the_same_role_or_an_unknown_action() {
    each(|s, admin| async move {
        let same = curated("15-1252.00", "15-1252.00", "add", admin, now());
        assert!(s.insert_curated_move(&same).await.is_err(), "from = to");
        let odd = curated("15-1252.00", "11-3021.00", "promote", admin, now());
        assert!(s.insert_curated_move(&odd).await.is_err(), "unknown action");
        assert!(s.curated_moves().await.expect("list").is_empty());
    })
    .await;
}
