//! Storage conformance for the matching index's change log on SQLite and PostgreSQL: sequence
//! numbers grow, reading after a number gives later rows oldest first with their kind, id and
//! time, a limit holds, the last number survives reopening, and pruning removes old rows only.

use ladderless_store::Uuid;
use ladderless_store::index_changes::ChangeKind;
use ladderless_testkit::{TestDb, backends};
use time::Duration;

use crate::support::now;

#[tokio::test]
async fn changes_are_logged_in_order_read_after_a_number_and_pruned_by_age() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let s = db.store().await.expect("open");
        assert_eq!(s.last_index_change().await.expect("last"), 0, "{backend:?}");
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let old = now() - Duration::days(3);
        let s1 = s
            .log_index_change(ChangeKind::Placement, a, old)
            .await
            .expect("log");
        let s2 = s
            .log_index_change(ChangeKind::Person, b, now())
            .await
            .expect("log");
        let s3 = s
            .log_index_change(ChangeKind::Placement, a, now())
            .await
            .expect("log");
        assert!(s1 < s2 && s2 < s3, "{backend:?}: {s1} {s2} {s3}");
        let all = s.index_changes_since(0, 10).await.expect("read");
        assert_eq!(
            all.iter().map(|c| c.seq).collect::<Vec<_>>(),
            [s1, s2, s3],
            "{backend:?}"
        );
        assert_eq!(all[1].kind, Some(ChangeKind::Person), "{backend:?}");
        assert_eq!(all[1].entity_id, b, "{backend:?}");
        assert_eq!(all[0].at, old, "{backend:?}");
        let after = s.index_changes_since(s1, 1).await.expect("read");
        assert_eq!(after.len(), 1, "{backend:?}: the limit holds");
        assert_eq!(after[0].seq, s2, "{backend:?}");

        // Another handle on the same database (another process) sees the same log.
        let other = db.store().await.expect("open again");
        assert_eq!(
            other.last_index_change().await.expect("last"),
            s3,
            "{backend:?}"
        );

        assert_eq!(
            s.prune_index_changes(now() - Duration::days(1))
                .await
                .expect("prune"),
            1,
            "{backend:?}"
        );
        let left = s.index_changes_since(0, 10).await.expect("read");
        assert_eq!(
            left.iter().map(|c| c.seq).collect::<Vec<_>>(),
            [s2, s3],
            "{backend:?}"
        );
        assert_eq!(
            s.last_index_change().await.expect("last"),
            s3,
            "{backend:?}"
        );
    }
}
