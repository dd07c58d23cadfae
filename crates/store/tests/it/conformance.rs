//! Storage conformance: the same behaviour on SQLite and PostgreSQL, table by table.

use ladderless_domain::compass::Section;
use ladderless_domain::org::Audience;
use ladderless_store::auth::{ApiToken, SessionRow, Throttle};
use ladderless_store::import::{Batch, ImportRun, NewHistory, NewPerson, NewSkill};
use ladderless_store::roles::{OrgRole, OrgSkill};
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{Date, Duration, Month, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

fn person(employee_id: &str, email: &str, team: Option<&str>, manager: Option<Uuid>) -> NewPerson {
    NewPerson {
        id: new_id(),
        employee_id: employee_id.into(),
        name: format!("Person {employee_id}"),
        email: email.into(),
        job_title: "Developer".into(),
        role_code: Some("15-1252.00".into()),
        team: team.map(Into::into),
        manager_id: manager,
        role_start_date: Some(Date::from_calendar_date(2024, Month::March, 1).expect("date")),
        location: "Leeds".into(),
    }
}

/// Run a test body against a fresh store of every backend.
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

async fn seed(store: &Store) -> (Uuid, Uuid, Uuid) {
    let boss = person("B1", "boss@x.org", Some("Eng"), None);
    let a = person("A1", "a@x.org", Some("Eng / Platform"), Some(boss.id));
    let b = person("A2", "b@x.org", Some("Eng / Platform"), Some(boss.id));
    let ids = (boss.id, a.id, b.id);
    let batch = Batch {
        history: vec![NewHistory {
            person_id: a.id,
            role_code: Some("15-1252.00".into()),
            job_title: "Developer".into(),
            started_on: a.role_start_date,
            ended_on: None,
            close_open: false,
            source: "import",
        }],
        search_docs: vec![
            (a.id, "Person A1 | Developer | Eng / Platform | rust".into()),
            (b.id, "Person A2 | Developer | Eng / Platform".into()),
            (boss.id, "Person B1 | Boss".into()),
        ],
        creates: vec![boss, a, b],
        run: Some(ImportRun {
            id: new_id(),
            actor_id: None,
            source: "seed.csv".into(),
            created_count: 3,
            updated_count: 0,
            unchanged_count: 0,
            deactivated_count: 0,
            created_at: now(),
        }),
        ..Default::default()
    };
    store.apply_batch(&batch, now()).await.expect("apply");
    ids
}

#[tokio::test]
async fn people_teams_and_reporting_lines_round_trip() {
    each(|s| async move {
        let (boss, a, _) = seed(&s).await;
        let p = s.person(a).await.expect("person");
        assert_eq!(p.email, "a@x.org");
        assert_eq!(p.manager_id, Some(boss));
        assert_eq!(
            p.role_start_date,
            Some(Date::from_calendar_date(2024, Month::March, 1).expect("date"))
        );
        assert_eq!(p.created_at, now());
        assert!(p.active && !p.is_talent_admin);
        assert_eq!(s.reports(boss).await.expect("reports").len(), 2);
        assert_eq!(s.report_count(boss).await.expect("count"), 2);
        assert!(s.is_manager_of(boss, a).await.expect("is manager"));
        assert!(!s.is_manager_of(a, boss).await.expect("is manager"));
        let teams = s.teams().await.expect("teams");
        assert_eq!(
            teams.iter().map(|t| t.path.as_str()).collect::<Vec<_>>(),
            vec!["Eng", "Eng / Platform"]
        );
        let platform = teams
            .iter()
            .find(|t| t.path == "Eng / Platform")
            .expect("platform");
        assert_eq!(platform.members, 2);
        assert_eq!(platform.parent_id, Some(teams[0].id));
        assert_eq!(s.management_chain(a).await.expect("chain")[0].id, boss);
        assert!(s.management_chain(boss).await.expect("chain").is_empty());
        let (p, manages) = s
            .person_with_manager_flag(boss)
            .await
            .expect("person and flag");
        assert!(p.id == boss && manages);
        assert!(
            !s.person_with_manager_flag(a)
                .await
                .expect("person and flag")
                .1
        );
        assert!(matches!(
            s.person_with_manager_flag(new_id()).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            s.person(new_id()).await,
            Err(StoreError::NotFound)
        ));
        assert!(
            s.person_by_email("A@X.ORG")
                .await
                .expect("by email")
                .is_some()
        );
        assert_eq!(s.org_counts().await.expect("counts").people, 3);
    })
    .await;
}

#[tokio::test]
async fn unique_violations_name_the_field_and_write_nothing() {
    each(|s| async move {
        seed(&s).await;
        let dup = Batch { creates: vec![person("Z1", "z@x.org", None, None), person("Z2", "a@x.org", None, None)], ..Default::default() };
        match s.apply_batch(&dup, now()).await {
            Err(StoreError::Conflict { field }) => assert_eq!(field, "email"),
            other => panic!("expected a conflict on email, got {other:?}"),
        }
        assert!(s.person_by_email("z@x.org").await.expect("lookup").is_none(), "the batch rolled back whole");
        let dup_id = Batch { creates: vec![person("A1", "new@x.org", None, None)], ..Default::default() };
        assert!(matches!(s.apply_batch(&dup_id, now()).await, Err(StoreError::Conflict { field }) if field == "employee_id"));
    })
    .await;
}

#[tokio::test]
async fn import_snapshot_updates_history_and_deactivation() {
    each(|s| async move {
        let (boss, a, b) = seed(&s).await;
        let snap = s.import_snapshot().await.expect("snapshot");
        let a_row = snap.iter().find(|e| e.id == a).expect("a");
        assert_eq!(a_row.manager_employee_id.as_deref(), Some("B1"));
        assert_eq!(a_row.team.as_deref(), Some("Eng / Platform"));
        let mut upd = person("A1", "a@x.org", Some("Sales"), Some(boss));
        upd.id = a;
        upd.role_code = Some("41-4011.00".into());
        let start = Date::from_calendar_date(2025, Month::June, 2).expect("date");
        upd.role_start_date = Some(start);
        let batch = Batch {
            updates: vec![upd],
            deactivate: vec![b],
            history: vec![NewHistory {
                person_id: a,
                role_code: Some("41-4011.00".into()),
                job_title: "Seller".into(),
                started_on: Some(start),
                ended_on: None,
                close_open: true,
                source: "import",
            }],
            ..Default::default()
        };
        s.apply_batch(&batch, now()).await.expect("apply");
        let p = s.person(a).await.expect("a");
        assert_eq!(p.role_code.as_deref(), Some("41-4011.00"));
        let hist = s.role_history(a).await.expect("history");
        assert_eq!(hist.len(), 2);
        assert_eq!(hist[0].started_on, Some(start));
        assert_eq!(
            hist[1].ended_on,
            Some(start),
            "the previous entry is closed on the new start date"
        );
        assert_eq!(
            s.observed_moves().await.expect("moves"),
            vec![("15-1252.00".to_string(), "41-4011.00".to_string())]
        );
        assert!(!s.person(b).await.expect("b").active);
        assert_eq!(
            s.teams().await.expect("teams").len(),
            3,
            "Sales was created"
        );
        assert_eq!(s.import_runs(10).await.expect("runs").len(), 1);
    })
    .await;
}

#[tokio::test]
async fn directory_search_matches_prefixes_and_hides_inactive_people() {
    each(|s| async move {
        let (_, a, b) = seed(&s).await;
        let hits = s.search_people("plat", 10, 0).await.expect("search");
        assert_eq!(hits.len(), 2);
        let hits = s
            .search_people("rust platform", 10, 0)
            .await
            .expect("search");
        assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![a]);
        assert!(
            s.search_people("\"; DROP TABLE people; --", 10, 0)
                .await
                .expect("hostile query")
                .is_empty()
        );
        s.set_search_doc(a, "Person A1 | Developer")
            .await
            .expect("update doc");
        assert!(
            s.search_people("rust", 10, 0)
                .await
                .expect("search")
                .is_empty(),
            "the old document is gone"
        );
        s.apply_batch(
            &Batch {
                deactivate: vec![b],
                ..Default::default()
            },
            now(),
        )
        .await
        .expect("deactivate");
        assert_eq!(
            s.search_people("platform", 10, 0)
                .await
                .expect("search")
                .len(),
            0
        );
        assert_eq!(s.list_people(10, 0).await.expect("list").len(), 2);
    })
    .await;
}

#[tokio::test]
async fn management_chains_come_nearest_first_in_one_query() {
    each(|s| async move {
        let top = person("T", "t@x.org", None, None);
        let mid = person("M", "m@x.org", None, Some(top.id));
        let low = person("L", "l@x.org", None, Some(mid.id));
        let ids = [top.id, mid.id, low.id];
        s.apply_batch(
            &Batch {
                creates: vec![top, mid, low],
                ..Default::default()
            },
            now(),
        )
        .await
        .expect("apply");
        let chain: Vec<Uuid> = s
            .management_chain(ids[2])
            .await
            .expect("chain")
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(chain, vec![ids[1], ids[0]]);
    })
    .await;
}

#[tokio::test]
async fn broad_searches_list_whole_word_matches_in_directory_order_and_narrow_ones_rank() {
    use ladderless_store::search::RANKED_MATCHES;
    each(|s| async move {
        // More people in Lisbon than a search ranks, one in "Lisboa", one named Lisbon.
        let n = RANKED_MATCHES as usize + 5;
        let mut creates = Vec::new();
        let mut docs = Vec::new();
        for i in 0..n {
            let p = person(&format!("E{i:04}"), &format!("e{i}@x.org"), None, None);
            docs.push((p.id, format!("Person E{i:04} | Developer | Lisbon")));
            creates.push(p);
        }
        let other = person("X1", "x1@x.org", None, None);
        docs.push((other.id, "Person X1 | Nurse | Lisboa".to_string()));
        let named = person("X2", "x2@x.org", None, None);
        docs.push((named.id, "Lisbon Lisbon | Lisbon nurse".to_string()));
        let (first, other_id, named_id) = (creates[0].id, other.id, named.id);
        creates.extend([other, named]);
        s.apply_batch(
            &Batch {
                creates,
                search_docs: docs,
                ..Default::default()
            },
            now(),
        )
        .await
        .expect("apply");

        // Broad: whole-word matches only, in the order documents were written.
        let page = s
            .search_people("lisbon", 10, 0)
            .await
            .expect("broad search");
        assert_eq!(page.len(), 10);
        assert_eq!(page[0].id, first, "directory order, not relevance");
        let all = s
            .search_people("lisbon", 1000, 0)
            .await
            .expect("broad search");
        assert_eq!(all.len(), n + 1);
        assert!(
            !all.iter().any(|c| c.id == other_id),
            "a prefix-only match is left out of a broad search"
        );
        // Narrow: prefixes count, and the best match comes first.
        let hits = s
            .search_people("lisbo nurse", 10, 0)
            .await
            .expect("narrow search");
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().any(|c| c.id == other_id));
        let hits = s
            .search_people("lisbon nurse", 10, 0)
            .await
            .expect("narrow search");
        assert_eq!(hits[0].id, named_id, "ranked by relevance");
        // Past the last page: nothing, without an error.
        assert!(
            s.search_people("lisbon", 10, 10_000)
                .await
                .expect("far page")
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn sessions_tokens_invites_and_throttles() {
    each(|s| async move {
        let (_, a, _) = seed(&s).await;
        let row = SessionRow {
            id: "sid1".into(),
            secret_hash: "h".into(),
            person_id: a,
            csrf_token: "c".into(),
            expires_at: now() + Duration::days(1),
            updated_at: now(),
        };
        s.create_session(&row, now()).await.expect("session");
        assert_eq!(
            s.session("sid1")
                .await
                .expect("get")
                .expect("found")
                .person_id,
            a
        );
        s.touch_session("sid1", now() + Duration::days(2), now())
            .await
            .expect("touch");
        assert_eq!(
            s.purge_sessions(now() + Duration::days(3))
                .await
                .expect("purge"),
            1
        );
        assert!(s.session("sid1").await.expect("get").is_none());
        let row = SessionRow {
            id: "sid2".into(),
            ..row
        };
        s.create_session(&row, now()).await.expect("session");
        let (got, p, manages) = s
            .session_with_person("sid2")
            .await
            .expect("get")
            .expect("found");
        assert_eq!(
            (got.person_id, got.csrf_token.as_str(), got.expires_at),
            (a, "c", row.expires_at)
        );
        assert_eq!(p.email, "a@x.org");
        assert!(!manages, "a manages nobody");
        assert!(s.session_with_person("nope").await.expect("get").is_none());

        let t = ApiToken {
            id: new_id(),
            person_id: a,
            name: "n".into(),
            prefix: "ll_abc".into(),
            last_used_at: None,
            revoked_at: None,
            created_at: now(),
        };
        s.create_api_token(&t, "hash1").await.expect("token");
        assert!(s.api_token_by_hash("hash1").await.expect("get").is_some());
        assert!(
            matches!(
                s.revoke_api_token(new_id(), t.id, now()).await,
                Err(StoreError::NotFound)
            ),
            "only the owner revokes"
        );
        s.revoke_api_token(a, t.id, now()).await.expect("revoke");
        assert!(s.api_token_by_hash("hash1").await.expect("get").is_none());

        s.create_invite(a, "inv", now() + Duration::days(7), None, now())
            .await
            .expect("invite");
        assert_eq!(s.invite_person("inv", now()).await.expect("get"), Some(a));
        assert_eq!(
            s.invite_person("inv", now() + Duration::days(8))
                .await
                .expect("get"),
            None,
            "expired"
        );
        assert_eq!(
            s.redeem_invite("inv", "pw", now()).await.expect("redeem"),
            Some(a)
        );
        assert_eq!(
            s.redeem_invite("inv", "pw2", now()).await.expect("redeem"),
            None,
            "one use only"
        );
        assert_eq!(
            s.password_hash(a).await.expect("hash").as_deref(),
            Some("pw")
        );

        let th = Throttle {
            failures: 3,
            window_start: now(),
            locked_until: Some(now() + Duration::minutes(5)),
        };
        s.save_throttle("account:a", &th, now())
            .await
            .expect("save");
        let got = s.throttle("account:a").await.expect("get").expect("found");
        assert_eq!((got.failures, got.locked_until), (3, th.locked_until));
        s.clear_throttle("account:a").await.expect("clear");
        assert!(s.throttle("account:a").await.expect("get").is_none());
    })
    .await;
}

#[tokio::test]
async fn audit_roles_skills_visibility_settings_and_backup() {
    each(|s| async move {
        let (_, a, _) = seed(&s).await;
        s.audit(Some(a), "sign_in", "", "", "127.0.0.1", now()).await.expect("audit");
        s.audit(None, "import", "f.csv", "created=3", "", now() + Duration::seconds(1)).await.expect("audit");
        let all = s.audit_entries(None, 10, 0).await.expect("entries");
        assert_eq!(all[0].action, "import", "newest first");
        assert_eq!(all[1].actor_name.as_deref(), Some("Person A1"));
        assert_eq!(s.audit_entries(Some("sign_in"), 10, 0).await.expect("filtered").len(), 1);

        let role = OrgRole { code: "ORG-1".into(), title: "Pilot Lead".into(), description: "d".into(), created_by: Some(a), created_at: now() };
        s.create_org_role(&role, &["skill-1".into()]).await.expect("role");
        assert_eq!(s.org_role_skills("ORG-1").await.expect("skills"), vec!["skill-1".to_string()]);
        let dup = OrgRole { code: "ORG-2".into(), ..role.clone() };
        assert!(matches!(s.create_org_role(&dup, &[]).await, Err(StoreError::Conflict { field }) if field == "title"));
        s.delete_org_role("ORG-1").await.expect("delete");
        assert!(s.org_role("ORG-1").await.expect("get").is_none());
        s.create_org_skill(&OrgSkill { id: "org-x".into(), label: "Kanban".into(), description: String::new() }, None, now()).await.expect("skill");
        assert_eq!(s.org_skills().await.expect("skills").len(), 1);

        s.apply_batch(&Batch { skills: vec![NewSkill { person_id: a, skill_id: "s1".into(), level: 3, want_to_grow: true }], ..Default::default() }, now()).await.expect("skills");
        assert_eq!(s.person_skills(a).await.expect("skills")[0].level, 3);
        assert_eq!(s.audience(a, Section::Skills).await.expect("aud"), None, "private by default");
        s.set_audience(a, Section::Skills, Audience::Manager, now()).await.expect("set");
        s.set_audience(a, Section::Skills, Audience::Everyone, now()).await.expect("set again");
        assert_eq!(s.audience(a, Section::Skills).await.expect("aud").map(Audience::code), Some("everyone"));

        s.set_setting("k", "v1", now()).await.expect("setting");
        s.set_setting("k", "v2", now()).await.expect("setting");
        assert_eq!(s.setting("k").await.expect("get").as_deref(), Some("v2"));
        s.ping().await.expect("ping");

        let target = std::env::temp_dir().join(format!("ll-backup-{}.db", new_id()));
        match s.dialect() {
            ladderless_store::Dialect::Sqlite => {
                s.backup(&target).await.expect("backup");
                assert!(std::fs::metadata(&target).expect("file").len() > 0);
                assert!(s.backup(&target).await.is_err(), "refuses to overwrite");
                let _ = std::fs::remove_file(&target);
            }
            ladderless_store::Dialect::Postgres => assert!(s.backup(&target).await.is_err(), "PostgreSQL backups use pg_dump"),
        }
    })
    .await;
}

#[test]
fn ambiguous_database_urls_are_refused() {
    use ladderless_store::Location;
    assert!(matches!(
        Location::from_url("postgres://u:p@h/db"),
        Ok(Location::Postgres(_))
    ));
    assert!(matches!(
        Location::from_url("sqlite:///tmp/x"),
        Ok(Location::DataDir(_))
    ));
    for bad in ["mysql://h/db", "/tmp/data", "postgres:/missing-slash", ""] {
        assert!(Location::from_url(bad).is_err(), "{bad} must be refused");
    }
    assert_eq!(
        ladderless_store::redact_url("postgres://me:secret@h/db"),
        "postgres://me:****@h/db"
    );
}
