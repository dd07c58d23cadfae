//! Storage conformance for career plans on SQLite and PostgreSQL: plans with items,
//! milestones and reviews; plans shared with a manager; the bulk look-ups behind paths.

use ladderless_domain::compass::Section;
use ladderless_domain::ids::PlanId;
use ladderless_domain::org::Audience;
use ladderless_store::import::{Batch, NewPerson, NewSkill};
use ladderless_store::opportunities::Opportunity;
use ladderless_store::plans::{Milestone, Plan, PlanItem, Review};
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{Duration, OffsetDateTime, macros::date};

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
        team: None,
        manager_id: manager,
        role_start_date: None,
        location: String::new(),
    }
}

/// Runs `f` with a manager `m`, their report `a` and an unrelated person `o`.
async fn each<F, Fut>(f: F)
where
    F: Fn(Store, Uuid, Uuid, Uuid) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for b in backends() {
        let db = TestDb::new(b).await.expect("test database");
        let store = db.store().await.expect("open");
        let m = person("m", None);
        let a = person("a", Some(m.id));
        let o = person("o", None);
        let ids = (m.id, a.id, o.id);
        let skills = vec![
            NewSkill {
                person_id: o.id,
                skill_id: "esco-sql".into(),
                level: 4,
                want_to_grow: false,
            },
            NewSkill {
                person_id: m.id,
                skill_id: "esco-sql".into(),
                level: 5,
                want_to_grow: false,
            },
            NewSkill {
                person_id: a.id,
                skill_id: "esco-sql".into(),
                level: 2,
                want_to_grow: true,
            },
        ];
        let visibility = vec![
            (o.id, Section::Skills, Audience::Everyone),
            (a.id, Section::Skills, Audience::Everyone),
        ];
        let batch = Batch {
            creates: vec![m, a, o],
            skills,
            visibility,
            ..Default::default()
        };
        store.apply_batch(&batch, now()).await.expect("seed");
        f(store.clone(), ids.0, ids.1, ids.2).await;
        store.close().await;
    }
}

fn plan(owner: Uuid, sharing: &str) -> Plan {
    Plan {
        id: new_id().into(),
        owner_id: owner,
        title: "Towards data science".into(),
        business_case: "The analytics team needs people who know the product.".into(),
        cadence: "quarterly".parse().unwrap(),
        sharing: sharing.parse().unwrap(),
        from_role: Some("15-1252.00".into()),
        started_on: date!(2026 - 09 - 21),
        created_at: now(),
        updated_at: now(),
    }
}

fn item(plan: PlanId, section: &str, kind: &str, label: &str, position: i32) -> PlanItem {
    PlanItem {
        id: new_id().into(),
        plan_id: plan,
        section: section.parse().unwrap(),
        kind: kind.parse().unwrap(),
        reference: String::new(),
        label: label.into(),
        done: false,
        position,
    }
}

#[tokio::test]
async fn plans_round_trip_with_items_and_milestones_in_order() {
    each(|store, _, a, _| async move {
        let p = plan(a, "private");
        let items = vec![
            item(p.id, "goal", "role", "Data Scientists", 1),
            item(p.id, "growth", "skill", "Statistics", 2),
        ];
        let later = Milestone {
            id: new_id().into(),
            plan_id: p.id,
            title: "Ship a model".into(),
            due_on: date!(2027 - 03 - 01),
            done_on: None,
        };
        let sooner = Milestone {
            id: new_id().into(),
            plan_id: p.id,
            title: "Finish a course".into(),
            due_on: date!(2026 - 12 - 01),
            done_on: None,
        };
        store
            .insert_plan(&p, &items, &[later.clone(), sooner.clone()])
            .await
            .expect("insert");
        assert_eq!(store.plan(p.id).await.expect("get"), p);
        assert_eq!(store.plan_items(p.id).await.expect("items"), items);
        assert_eq!(
            store.milestones(p.id).await.expect("milestones"),
            vec![sooner.clone(), later]
        );
        assert_eq!(store.plans_of(a).await.expect("mine"), vec![p.clone()]);

        let extra = item(p.id, "growth", "training", "Statistics course", 0);
        store.add_plan_item(&extra, now()).await.expect("add item");
        let got = store.plan_items(p.id).await.expect("items");
        assert_eq!(
            (got.len(), got[2].label.as_str(), got[2].position),
            (3, "Statistics course", 3),
            "added at the end"
        );
        store
            .set_plan_item_done(p.id, extra.id, true, now())
            .await
            .expect("done");
        assert!(store.plan_items(p.id).await.expect("items")[2].done);
        store
            .remove_plan_item(p.id, items[0].id)
            .await
            .expect("remove");
        assert_eq!(store.plan_items(p.id).await.expect("items").len(), 2);
        assert!(matches!(
            store.remove_plan_item(p.id, items[0].id).await,
            Err(StoreError::NotFound)
        ));
        assert!(
            matches!(
                store.remove_plan_item(new_id().into(), extra.id).await,
                Err(StoreError::NotFound)
            ),
            "an item of another plan"
        );

        store
            .set_milestone_done(p.id, sooner.id, Some(date!(2026 - 11 - 30)), now())
            .await
            .expect("milestone done");
        assert_eq!(
            store.milestones(p.id).await.expect("m")[0].done_on,
            Some(date!(2026 - 11 - 30))
        );
        store
            .set_milestone_done(p.id, sooner.id, None, now())
            .await
            .expect("open again");
        assert_eq!(store.milestones(p.id).await.expect("m")[0].done_on, None);
        let m3 = Milestone {
            id: new_id().into(),
            plan_id: p.id,
            title: "Present".into(),
            due_on: date!(2026 - 10 - 01),
            done_on: None,
        };
        store
            .add_milestone(&m3, now())
            .await
            .expect("add milestone");
        assert_eq!(store.milestones(p.id).await.expect("m")[0].title, "Present");
        store
            .remove_milestone(p.id, m3.id)
            .await
            .expect("remove milestone");
        assert!(matches!(
            store.set_milestone_done(p.id, m3.id, None, now()).await,
            Err(StoreError::NotFound)
        ));

        let changed = Plan {
            title: "Towards ML engineering".into(),
            cadence: "monthly".parse().unwrap(),
            sharing: "manager".parse().unwrap(),
            updated_at: now() + Duration::hours(1),
            ..p.clone()
        };
        store.update_plan(&changed).await.expect("update");
        assert_eq!(store.plan(p.id).await.expect("get"), changed);
        assert!(matches!(
            store.update_plan(&plan(a, "private")).await,
            Err(StoreError::NotFound)
        ));

        store.delete_plan(p.id).await.expect("delete");
        assert!(matches!(store.plan(p.id).await, Err(StoreError::NotFound)));
        assert!(
            store.plan_items(p.id).await.expect("items").is_empty(),
            "items go with the plan"
        );
        assert!(
            store.milestones(p.id).await.expect("m").is_empty(),
            "milestones go with the plan"
        );
    })
    .await;
}

#[tokio::test]
async fn only_shared_plans_of_direct_reports_reach_the_manager_and_reviews_come_newest_first() {
    each(|store, m, a, o| async move {
        let private = plan(a, "private");
        let shared = plan(a, "manager");
        let elsewhere = plan(o, "manager");
        for p in [&private, &shared, &elsewhere] {
            store.insert_plan(p, &[], &[]).await.expect("insert");
        }
        let got: Vec<PlanId> = store
            .plans_shared_with_manager(m)
            .await
            .expect("shared")
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(got, vec![shared.id]);
        assert!(
            store
                .plans_shared_with_manager(o)
                .await
                .expect("none")
                .is_empty()
        );

        let first = Review {
            id: new_id().into(),
            plan_id: shared.id,
            author_id: a,
            note: "On track".into(),
            created_at: now(),
        };
        let second = Review {
            id: new_id().into(),
            plan_id: shared.id,
            author_id: m,
            note: "Agreed: add a stretch goal".into(),
            created_at: now() + Duration::days(30),
        };
        store.add_review(&first).await.expect("review");
        store.add_review(&second).await.expect("review");
        assert_eq!(
            store.reviews(shared.id).await.expect("reviews"),
            vec![second, first]
        );
        assert!(store.reviews(private.id).await.expect("none").is_empty());
    })
    .await;
}

fn opportunity(owner: Uuid, audience: &str, stage: &str) -> Opportunity {
    Opportunity {
        id: new_id(),
        owner_id: owner,
        title: format!("{audience} {stage}"),
        stage: stage.parse().unwrap(),
        need_id: None,
        need_text: String::new(),
        direction_id: None,
        audience: audience.parse().unwrap(),
        whose_goal: String::new(),
        problem: String::new(),
        outcome: String::new(),
        measure: String::new(),
        factors: String::new(),
        skills: "SQL".into(),
        pitch: String::new(),
        created_at: now(),
        updated_at: now(),
    }
}

#[tokio::test]
async fn open_opportunities_follow_the_visibility_rule_and_skill_holders_share_with_everyone() {
    each(|store, m, a, o| async move {
        let mine = opportunity(a, "private", "exploring");
        let public = opportunity(o, "everyone", "piloting");
        let hidden = opportunity(o, "private", "spotted");
        let ended = opportunity(o, "everyone", "dropped");
        let team = opportunity(a, "team", "spotted");
        for opp in [&mine, &public, &hidden, &ended, &team] {
            store
                .insert_opportunity(opp, opp.owner_id)
                .await
                .expect("insert");
        }
        let titles = |v: Vec<Opportunity>| {
            let mut t: Vec<String> = v.into_iter().map(|o| o.title).collect();
            t.sort();
            t
        };
        assert_eq!(
            titles(
                store
                    .open_opportunities_visible_to(a, None)
                    .await
                    .expect("a")
            ),
            ["everyone piloting", "private exploring", "team spotted"]
        );
        assert_eq!(
            titles(
                store
                    .open_opportunities_visible_to(m, None)
                    .await
                    .expect("m")
            ),
            ["everyone piloting", "team spotted"],
            "the manager sees the team one"
        );
        assert_eq!(
            titles(
                store
                    .open_opportunities_visible_to(o, None)
                    .await
                    .expect("o")
            ),
            ["everyone piloting", "private spotted"]
        );

        let holders = store
            .public_skill_holders(&["esco-sql".into(), "esco-none".into()], 3)
            .await
            .expect("holders");
        let names: Vec<&str> = holders.iter().map(|h| h.name.as_str()).collect();
        // m holds it at 5 but shares skills with nobody; a shares but is below the level asked.
        assert_eq!(names, ["Person o"]);
        assert!(
            store
                .public_skill_holders(&[], 1)
                .await
                .expect("none")
                .is_empty()
        );
        assert!(
            store
                .direction_role_links()
                .await
                .expect("links")
                .is_empty()
        );
    })
    .await;
}

/// Overwrite one column of one row with raw SQL, as a damaged or hand-edited database would.
async fn corrupt(store: &Store, sql: &'static str, code: &str, id: impl Into<Uuid>) {
    let id: Uuid = id.into();
    ladderless_store::on_db!(store, p => {
        let n = sqlx::query(sql).bind(code).bind(id).execute(p).await.expect("corrupt").rows_affected();
        assert_eq!(n, 1, "{sql} changed one row");
    });
}

/// The read failed with a decode error naming the column, the code found and what was expected.
fn assert_decode_error<T: std::fmt::Debug>(
    got: Result<T, StoreError>,
    column: &str,
    code: &str,
    what: &str,
) {
    match got {
        Err(StoreError::Decode { column: c, reason }) => {
            assert_eq!(c, column, "{reason}");
            assert!(reason.contains(&format!("{code:?}")), "{reason}");
            assert!(reason.contains(what), "{reason}");
            let message = StoreError::Decode { column: c, reason }.to_string();
            assert!(message.contains(column), "{message}");
        }
        other => panic!("expected a decode error on {column}, got {other:?}"),
    }
}

#[tokio::test]
async fn unknown_codes_read_from_the_database_are_errors_never_defaults() {
    each(|store, _, a, _| async move {
        // (update, code written, column, what the column holds)
        let plan_cases: [(&'static str, &str, &str, &str); 2] = [
            (
                "UPDATE career_plans SET cadence = $1 WHERE id = $2",
                "fortnightly",
                "cadence",
                "plan review cadence",
            ),
            (
                "UPDATE career_plans SET sharing = $1 WHERE id = $2",
                "friends",
                "sharing",
                "plan sharing",
            ),
        ];
        for (sql, code, column, what) in plan_cases {
            let p = plan(a, "private");
            store.insert_plan(&p, &[], &[]).await.expect("plan");
            corrupt(&store, sql, code, p.id).await;
            assert_decode_error(store.plan(p.id).await, column, code, what);
            assert_decode_error(store.plans_of(a).await, column, code, what);
            store.delete_plan(p.id).await.expect("clean up");
        }

        let p = plan(a, "private");
        let it = item(p.id, "goal", "role", "Data Scientists", 1);
        store
            .insert_plan(&p, std::slice::from_ref(&it), &[])
            .await
            .expect("plan");
        for (sql, code, column, what) in [
            (
                "UPDATE career_plan_items SET kind = $1 WHERE id = $2",
                "hobby",
                "kind",
                "plan item kind",
            ),
            (
                "UPDATE career_plan_items SET section = $1 WHERE id = $2",
                "Goal",
                "section",
                "plan section",
            ),
        ] {
            corrupt(&store, sql, code, it.id).await;
            assert_decode_error(store.plan_items(p.id).await, column, code, what);
            corrupt(
                &store,
                sql,
                if column == "kind" { "role" } else { "goal" },
                it.id,
            )
            .await;
        }
        assert_eq!(store.plan_items(p.id).await.expect("repaired"), vec![it]);

        for (sql, code, column, what) in [
            (
                "UPDATE opportunities SET stage = $1 WHERE id = $2",
                "hatching",
                "stage",
                "opportunity stage",
            ),
            (
                "UPDATE opportunities SET audience = $1 WHERE id = $2",
                "world",
                "audience",
                "opportunity audience",
            ),
            (
                "UPDATE opportunities SET stage = $1 WHERE id = $2",
                "",
                "stage",
                "opportunity stage",
            ),
        ] {
            let o = opportunity(a, "private", "spotted");
            store.insert_opportunity(&o, a).await.expect("opportunity");
            corrupt(&store, sql, code, o.id).await;
            assert_decode_error(store.opportunity(o.id).await, column, code, what);
            store.delete_opportunity(o.id).await.expect("clean up");
        }

        // A sharing choice: blank is not "private" when read back, it is damage.
        corrupt(
            &store,
            "UPDATE visibility SET audience = $1 WHERE person_id = $2 AND section = 'skills'",
            "",
            a,
        )
        .await;
        assert_decode_error(
            store.audience(a, Section::Skills).await,
            "audience",
            "",
            "sharing audience",
        );
    })
    .await;
}
