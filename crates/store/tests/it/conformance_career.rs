//! Storage conformance for the compass tables (factors, values, target roles, history, sharing):
//! the same behaviour on SQLite and PostgreSQL, and every write owner-scoped.

use ladderless_domain::compass::Section;
use ladderless_domain::org::Audience;
use ladderless_store::compass::NewChange;
use ladderless_store::import::{Batch, NewPerson};
use ladderless_store::skills::PersonSkill;
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{Duration, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

fn person(n: &str, manager: Option<Uuid>) -> NewPerson {
    NewPerson {
        id: new_id(),
        employee_id: n.into(),
        name: format!("Person {n}"),
        email: format!("{n}@x.org"),
        job_title: "Developer".into(),
        role_code: None,
        team: Some("Eng".into()),
        manager_id: manager,
        role_start_date: None,
        location: String::new(),
    }
}

/// A fresh store per backend with a manager (m) and two reports (a, b).
async fn each<F, Fut>(f: F)
where
    F: Fn(Store, [Uuid; 3]) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let store = db.store().await.expect("open");
        let m = person("m", None);
        let a = person("a", Some(m.id));
        let b = person("b", Some(m.id));
        let ids = [m.id, a.id, b.id];
        store
            .apply_batch(
                &Batch {
                    creates: vec![m, a, b],
                    ..Default::default()
                },
                now(),
            )
            .await
            .expect("seed");
        f(store.clone(), ids).await;
        store.close().await;
    }
}

fn ch(section: &str, kind: &str, subject: &str, value: &str) -> NewChange {
    (
        section.parse().expect("a compass section"),
        kind.parse().expect("a change kind"),
        subject.into(),
        value.into(),
    )
}

#[tokio::test]
async fn compass_rows_values_roles_and_history() {
    each(|s, [_, a, b]| async move {
        assert_eq!(s.compass(a).await.expect("read"), None);
        s.save_factors(
            a,
            "autonomy,learning,meaning,status",
            ["met", "", "partly", "not_met"],
            &[ch(
                "factors",
                "ranked",
                "",
                "autonomy,learning,meaning,status",
            )],
            now(),
        )
        .await
        .expect("factors");
        s.save_aspirations(
            a,
            "Data",
            "Lead a team",
            &[ch("aspirations", "aspirations", "", "")],
            now() + Duration::seconds(1),
        )
        .await
        .expect("asp");
        let row = s.compass(a).await.expect("read").expect("row");
        assert_eq!(
            (
                row.ranking.as_str(),
                row.met_status.as_str(),
                row.met_learning.as_str()
            ),
            ("autonomy,learning,meaning,status", "met", "not_met")
        );
        assert_eq!(
            (row.interests.as_str(), row.aspirations.as_str()),
            ("Data", "Lead a team")
        );
        s.save_factors(
            a,
            "learning,autonomy,meaning,status",
            ["met", "", "partly", "not_met"],
            &[],
            now(),
        )
        .await
        .expect("again");
        assert_eq!(
            s.compass(a).await.expect("read").expect("row").interests,
            "Data",
            "saving factors keeps aspirations"
        );

        let v = s
            .add_value(
                a,
                "Honesty",
                &[ch("values", "value_added", "Honesty", "")],
                now(),
            )
            .await
            .expect("value");
        let dup = s
            .add_value(
                a,
                "HONESTY",
                &[ch("values", "value_added", "HONESTY", "")],
                now(),
            )
            .await;
        assert!(
            matches!(dup, Err(StoreError::Conflict { .. })),
            "values are unique ignoring case: {dup:?}"
        );
        s.add_value(b, "Honesty", &[], now())
            .await
            .expect("another person may hold the same value");
        assert!(
            matches!(
                s.remove_value(b, v.id, &[], now()).await,
                Err(StoreError::NotFound)
            ),
            "not b's value"
        );
        assert_eq!(s.compass_values(a).await.expect("values").len(), 1);
        s.remove_value(
            a,
            v.id,
            &[ch("values", "value_removed", "Honesty", "")],
            now(),
        )
        .await
        .expect("remove");
        assert!(s.compass_values(a).await.expect("values").is_empty());

        s.add_target_role(
            a,
            "15-1252.00",
            &[ch("aspirations", "role_added", "15-1252.00", "")],
            now(),
        )
        .await
        .expect("role");
        assert!(matches!(
            s.add_target_role(a, "15-1252.00", &[], now()).await,
            Err(StoreError::Conflict { .. })
        ));
        assert_eq!(
            s.target_roles(a).await.expect("roles"),
            vec!["15-1252.00".to_string()]
        );
        assert!(matches!(
            s.remove_target_role(b, "15-1252.00", &[], now()).await,
            Err(StoreError::NotFound)
        ));

        let all = s
            .compass_changes(
                a,
                &[Section::Factors, Section::Values, Section::Aspirations],
                100,
            )
            .await
            .expect("changes");
        assert_eq!(all.len(), 5, "{all:?}");
        assert_eq!(all[0].kind.code(), "ranked", "oldest first");
        let only = s
            .compass_changes(a, &[Section::Values], 100)
            .await
            .expect("values only");
        assert!(only.iter().all(|c| c.section.code() == "values") && only.len() == 2);
        let latest = s
            .compass_changes(
                a,
                &[Section::Factors, Section::Values, Section::Aspirations],
                2,
            )
            .await
            .expect("latest");
        assert_eq!(latest.len(), 2);
        assert_eq!(
            (latest[0].kind.code(), latest[1].kind.code()),
            ("role_added", "aspirations"),
            "the limit keeps the latest, oldest first"
        );
        assert!(
            s.compass_changes(a, &[], 10)
                .await
                .expect("none")
                .is_empty()
        );
        assert!(
            s.compass_changes(b, &[Section::Values], 10)
                .await
                .expect("b")
                .is_empty(),
            "b's failed removal kept nothing"
        );
    })
    .await;
}

fn skill(id: &str, level: i32, want_to_grow: bool, evidence: &str) -> PersonSkill {
    PersonSkill {
        skill_id: id.into(),
        level,
        want_to_grow,
        evidence: evidence.into(),
    }
}

#[tokio::test]
async fn skills_keep_history_and_failed_writes_keep_nothing() {
    each(|s, [_, a, b]| async move {
        s.save_person_skill(
            a,
            &skill("org-x", 2, true, "Ran the retro"),
            &[ch("skills", "skill_set", "org-x", "2+grow")],
            now(),
        )
        .await
        .expect("skill");
        s.save_person_skill(
            a,
            &skill("org-x", 3, false, ""),
            &[ch("skills", "skill_set", "org-x", "3")],
            now(),
        )
        .await
        .expect("update");
        let held = s.person_skills(a).await.expect("skills");
        assert_eq!(
            (held.len(), held[0].level, held[0].want_to_grow),
            (1, 3, false)
        );
        assert!(matches!(
            s.remove_person_skill(
                b,
                "org-x",
                &[ch("skills", "skill_removed", "org-x", "")],
                now()
            )
            .await,
            Err(StoreError::NotFound)
        ));
        assert!(
            s.compass_changes(b, &[Section::Skills], 10)
                .await
                .expect("b")
                .is_empty(),
            "rolled back"
        );
        s.remove_person_skill(
            a,
            "org-x",
            &[ch("skills", "skill_removed", "org-x", "")],
            now(),
        )
        .await
        .expect("remove");
        assert_eq!(
            s.compass_changes(a, &[Section::Skills], 10)
                .await
                .expect("a")
                .len(),
            3
        );
    })
    .await;
}

#[tokio::test]
async fn shared_sections_follow_audience_and_reporting_line() {
    each(|s, [m, a, b]| async move {
        let sections = Section::ALL;
        s.set_audience(a, Section::Factors, Audience::Manager, now())
            .await
            .expect("share");
        s.set_audience(a, Section::Values, Audience::TalentTeam, now())
            .await
            .expect("share");
        s.set_audience(b, Section::Skills, Audience::Everyone, now())
            .await
            .expect("share");
        s.set_audience(b, Section::Values, Audience::Private, now())
            .await
            .expect("share");
        let for_manager = s
            .shared_sections(m, false, &sections, 100)
            .await
            .expect("manager");
        let got: Vec<(String, String, bool)> = for_manager
            .iter()
            .map(|r| {
                (
                    r.person.name.clone(),
                    r.section.code().to_string(),
                    r.is_report,
                )
            })
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|g| g.2), "all are reports: {got:?}");
        let for_peer = s
            .shared_sections(b, false, &sections, 100)
            .await
            .expect("peer");
        assert!(
            for_peer.is_empty(),
            "a shares nothing with everyone: {for_peer:?}"
        );
        let for_a = s
            .shared_sections(a, false, &sections, 100)
            .await
            .expect("a");
        assert_eq!(for_a.len(), 1);
        assert_eq!(
            (for_a[0].section.code(), for_a[0].is_report),
            ("skills", false)
        );
        let for_admin = s
            .shared_sections(b, true, &sections, 100)
            .await
            .expect("admin");
        assert_eq!(
            for_admin
                .iter()
                .map(|r| r.section.code())
                .collect::<Vec<_>>(),
            vec!["values"],
            "talent team sees a's values"
        );
    })
    .await;
}
