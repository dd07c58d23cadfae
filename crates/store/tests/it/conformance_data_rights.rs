//! Storage conformance for data rights on SQLite and PostgreSQL: an export moves from queued
//! to ready with its zip, hands the zip out only until it expires and is then purged; a failed
//! one can be queued again; every export query runs and returns only the person's own rows;
//! erasure counts records, then removes them in one go, anonymises the person, ends their
//! sessions, revokes their tokens, takes them out of search and writes one audit entry.

use ladderless_domain::erasure::RecordCounts;
use ladderless_domain::placement::shopping::{CardKind, CardReaction};
use ladderless_store::auth::{ApiToken, SessionRow};
use ladderless_store::data_rights::{EXPORT_FILES, PERSON_ERASE, PRIVATE_VIEW};
use ladderless_store::import::Batch;
use ladderless_store::shopping::ReactionRow;
use ladderless_store::{Store, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::Duration;

use crate::support::{now, person};

async fn seed(s: &Store) -> (Uuid, Uuid) {
    let (a, b) = (person("a"), person("b"));
    let ids = (a.id, b.id);
    s.apply_batch(
        &Batch {
            creates: vec![a, b],
            ..Default::default()
        },
        now(),
    )
    .await
    .expect("seed");
    ids
}

fn reaction(key: &str) -> ReactionRow {
    ReactionRow {
        card_kind: CardKind::Role,
        card_ref: key.into(),
        reaction: CardReaction::Like,
        f_status: 0.5,
        f_autonomy: 0.0,
        f_meaning: -1.0,
        f_learning: 1.0,
        created_at: now(),
    }
}

#[tokio::test]
async fn an_export_is_made_kept_until_it_expires_then_purged() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let s = db.store().await.expect("open");
        let (a, b) = seed(&s).await;
        let e = s.create_export(a, now()).await.expect("create");
        assert_eq!((e.state.as_str(), e.files_done), ("queued", 0));
        assert_eq!(e.files_total as usize, EXPORT_FILES.len());
        assert_eq!(s.queued_exports().await.expect("queued"), vec![e.id]);
        s.export_progress(e.id, 3, now()).await.expect("progress");
        let run = s.export(e.id).await.expect("read").expect("there");
        assert_eq!((run.state.as_str(), run.files_done), ("running", 3));
        assert_eq!(
            s.export_archive(e.id, now()).await.expect("zip"),
            None,
            "not ready yet"
        );

        let later = now() + Duration::days(7);
        s.finish_export(e.id, b"PK-zip-bytes", now(), later)
            .await
            .expect("finish");
        let done = s.export(e.id).await.expect("read").expect("there");
        assert_eq!((done.state.as_str(), done.size_bytes), ("ready", 12));
        assert_eq!(done.files_done, done.files_total);
        assert_eq!(done.expires_at, Some(later));
        assert_eq!(
            s.export_archive(e.id, now()).await.expect("zip"),
            Some(b"PK-zip-bytes".to_vec())
        );
        assert_eq!(s.exports_of(a, 5).await.expect("mine").len(), 1);
        assert!(s.exports_of(b, 5).await.expect("theirs").is_empty());
        assert!(s.queued_exports().await.expect("queued").is_empty());

        assert_eq!(s.purge_exports(now()).await.expect("purge"), 0, "not yet");
        assert_eq!(s.purge_exports(later).await.expect("purge"), 1);
        assert_eq!(s.export_archive(e.id, now()).await.expect("zip"), None);
        assert_eq!(
            s.export(e.id).await.expect("read").expect("kept").state,
            "expired"
        );

        let f = s.create_export(b, now()).await.expect("create");
        assert!(
            !s.requeue_export(f.id, now()).await.expect("requeue"),
            "only failed ones"
        );
        s.fail_export(f.id, "disk full", now()).await.expect("fail");
        let failed = s.export(f.id).await.expect("read").expect("there");
        assert_eq!(
            (failed.state.as_str(), failed.error.as_str()),
            ("failed", "disk full")
        );
        assert!(s.requeue_export(f.id, now()).await.expect("requeue"));
        assert_eq!(
            s.export(f.id).await.expect("read").expect("there").state,
            "queued"
        );
    }
}

#[tokio::test]
async fn every_export_query_runs_and_returns_only_the_persons_rows() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let s = db.store().await.expect("open");
        let (a, b) = seed(&s).await;
        s.save_reaction(a, &reaction("15-1252.00"), now())
            .await
            .expect("a");
        s.save_reaction(b, &reaction("11-1021.00"), now())
            .await
            .expect("b");
        s.audit(
            Some(b),
            PRIVATE_VIEW,
            &a.to_string(),
            "compass",
            "10.0.0.9",
            now(),
        )
        .await
        .expect("audit");
        for f in EXPORT_FILES {
            let rows = s
                .export_rows(f, a, "a@x.org")
                .await
                .unwrap_or_else(|e| panic!("{}: {e}", f.name));
            let text = serde_json::to_string(&rows.rows).expect("json");
            assert!(
                !text.contains("b@x.org") && !text.contains("11-1021.00"),
                "{}: {text}",
                f.name
            );
        }
        let by_name = |n: &str| EXPORT_FILES.iter().find(|f| f.name == n).expect("file");
        let profile = s
            .export_rows(by_name("profile"), a, "a@x.org")
            .await
            .expect("profile");
        assert_eq!(profile.rows.len(), 1);
        assert_eq!(profile.rows[0]["email"], "a@x.org");
        assert_eq!(profile.rows[0]["id"], a.to_string());
        assert_eq!(profile.rows[0]["active"], true);
        let shop = s
            .export_rows(by_name("window_shopping"), a, "a@x.org")
            .await
            .expect("shop");
        assert_eq!(shop.rows.len(), 1);
        assert_eq!(shop.rows[0]["card_ref"], "15-1252.00");
        assert_eq!(shop.rows[0]["f_status"], 0.5);
        assert!(shop.columns.contains(&"reaction".to_string()));
        let audit = s
            .export_rows(by_name("audit"), a, "a@x.org")
            .await
            .expect("audit");
        assert_eq!(audit.rows.len(), 1);
        assert_eq!(
            audit.rows[0]["actor"], "Person b",
            "an active colleague is named"
        );
        assert_eq!(
            audit.rows[0]["ip"], "",
            "another person's address is not given"
        );
        let views = s.private_views_of(a, 10).await.expect("views");
        assert_eq!(views.len(), 1);
        assert_eq!(views[0].detail, "compass");
        assert!(s.private_views_of(b, 10).await.expect("views").is_empty());
    }
}

#[tokio::test]
async fn erasure_removes_a_persons_records_and_anonymises_them_in_one_go() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let s = db.store().await.expect("open");
        let (a, b) = seed(&s).await;
        s.save_reaction(a, &reaction("15-1252.00"), now())
            .await
            .expect("a");
        s.save_reaction(b, &reaction("15-1252.00"), now())
            .await
            .expect("b");
        s.set_search_doc(a, "Person a Zanzibarian developer")
            .await
            .expect("doc");
        s.set_search_doc(b, "Person b developer")
            .await
            .expect("doc");
        s.create_session(
            &SessionRow {
                id: "sess-a".into(),
                secret_hash: "h".into(),
                person_id: a,
                csrf_token: "c".into(),
                expires_at: now() + Duration::days(1),
                updated_at: now(),
            },
            now(),
        )
        .await
        .expect("session");
        let token = ApiToken {
            id: new_id(),
            person_id: a,
            name: "script".into(),
            prefix: "ll_abc".into(),
            last_used_at: None,
            revoked_at: None,
            created_at: now(),
        };
        s.create_api_token(&token, "hash-a").await.expect("token");
        s.audit(
            Some(b),
            "role_change",
            "a@x.org",
            "talent_admin=true",
            "",
            now(),
        )
        .await
        .expect("audit");
        s.create_export(a, now()).await.expect("export");

        let before = s.erasure_counts(a).await.expect("counts");
        assert_eq!(
            before,
            RecordCounts {
                reactions: 1,
                sessions: 1,
                api_tokens: 1,
                exports: 1,
                audit_entries: 1,
                ..Default::default()
            }
        );
        assert_eq!(
            s.search_people("Zanzibarian", 10, 0)
                .await
                .expect("search")
                .len(),
            1
        );

        s.erase_person(
            a,
            "Erased person",
            b,
            "profile=1 reactions=1",
            "10.0.0.1",
            now(),
        )
        .await
        .expect("erase");
        let p = s.person(a).await.expect("still there");
        assert_eq!(p.name, "Erased person");
        assert!(!p.active);
        assert!(!p.email.contains("a@x.org") && p.employee_id != "a");
        assert_eq!(s.erased_at(a).await.expect("erased"), Some(now()));
        assert_eq!(s.erased_at(b).await.expect("not erased"), None);
        let after = s.erasure_counts(a).await.expect("counts");
        assert_eq!(
            (
                after.reactions,
                after.sessions,
                after.api_tokens,
                after.exports
            ),
            (0, 0, 0, 0)
        );
        assert!(
            s.search_people("Zanzibarian", 10, 0)
                .await
                .expect("search")
                .is_empty()
        );
        assert_eq!(
            s.search_people("developer", 10, 0)
                .await
                .expect("search")
                .len(),
            1,
            "b stays"
        );
        let tokens = s.api_tokens(a).await.expect("tokens");
        assert!(
            tokens
                .iter()
                .all(|t| t.revoked_at.is_some() && t.name.is_empty())
        );
        let log = s.audit_entries(None, 10, 0).await.expect("log");
        assert!(
            log.iter()
                .all(|e| !e.subject.contains("a@x.org") && !e.detail.contains("talent_admin"))
        );
        let erase = log
            .iter()
            .find(|e| e.action == PERSON_ERASE)
            .expect("erase entry");
        assert_eq!(
            (erase.actor_id, erase.subject.as_str()),
            (Some(b), a.to_string().as_str())
        );
        assert_eq!(erase.detail, "profile=1 reactions=1");
        let other = s.erasure_counts(b).await.expect("b");
        assert_eq!(other.reactions, 1, "another person's records stay");
        assert!(
            s.erase_person(new_id(), "Erased person", b, "", "", now())
                .await
                .is_err()
        );
    }
}
