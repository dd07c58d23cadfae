//! Storage conformance on SQLite and PostgreSQL for what ties opportunities to the rest: a need
//! turned into an opportunity (linked in the same transaction, owner-scoped, once), the pilots a
//! person runs or sponsors, and a pilot ending in a new role as one transaction that leaves
//! nothing written when any part fails.

use ladderless_domain::opportunity::{Answer, Stage};
use ladderless_store::conversations::NewConversation;
use ladderless_store::import::{Batch, NewPerson};
use ladderless_store::opportunities::Opportunity;
use ladderless_store::pilots::{NewRole, Pilot};
use ladderless_store::proposals::Proposal;
use ladderless_store::roles::OrgRole;
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{Date, Month, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

fn day(d: u8) -> Date {
    Date::from_calendar_date(2026, Month::October, d).expect("date")
}

fn person(n: &str) -> NewPerson {
    NewPerson {
        id: new_id(),
        employee_id: n.into(),
        name: format!("Person {n}"),
        email: format!("{n}@x.org"),
        job_title: "Developer".into(),
        role_code: Some("15-1252.00".into()),
        team: None,
        manager_id: None,
        role_start_date: Some(day(1)),
        location: String::new(),
    }
}

/// A fresh store per backend with an owner (a), a sponsor (s) and a colleague (b).
async fn each<F, Fut>(f: F)
where
    F: Fn(Store, [Uuid; 3]) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for b in backends() {
        let db = TestDb::new(b).await.expect("test database");
        let store = db.store().await.expect("open");
        let people = [person("a"), person("s"), person("b")];
        let ids = [people[0].id, people[1].id, people[2].id];
        store
            .apply_batch(
                &Batch {
                    creates: people.to_vec(),
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

fn opportunity(owner: Uuid, need: Option<Uuid>) -> Opportunity {
    Opportunity {
        id: new_id(),
        owner_id: owner,
        title: "Faster onboarding".into(),
        stage: "spotted".parse().unwrap(),
        need_id: need,
        need_text: "New joiners wait a week".into(),
        direction_id: None,
        audience: "private".parse().unwrap(),
        whose_goal: "Head of Support".into(),
        problem: String::new(),
        outcome: String::new(),
        measure: String::new(),
        factors: String::new(),
        skills: String::new(),
        pitch: String::new(),
        created_at: now(),
        updated_at: now(),
    }
}

/// Log a conversation with the given needs; returns the needs' ids in order.
async fn needs_of(store: &Store, owner: Uuid, needs: &[&str]) -> Vec<Uuid> {
    let conv = NewConversation {
        held_on: Some(day(2)),
        kind: "discovery".parse().unwrap(),
        title: "Support goals".into(),
        needs: needs
            .iter()
            .map(|n| (None, n.to_string(), String::new()))
            .collect(),
        ..Default::default()
    };
    let id = store
        .create_conversation(owner, &conv, day(3), now())
        .await
        .expect("conversation");
    let mut found = store.needs(owner, Some(id), None).await.expect("needs");
    found.sort_by_key(|n| needs.iter().position(|x| *x == n.need));
    found.into_iter().map(|n| n.id).collect()
}

#[tokio::test]
async fn a_need_becomes_one_opportunity_in_the_same_transaction() {
    each(|store, [a, _, b]| async move {
        let ids = needs_of(&store, a, &["Faster onboarding", "Fewer handovers"]).await;
        let (n1, n2) = (ids[0], ids[1]);
        let o = opportunity(a, Some(n1));
        store.insert_opportunity(&o, a).await.expect("insert");
        let need = store.need(a, n1).await.expect("need");
        assert_eq!(
            (need.opportunity_id, need.opportunity_title.as_deref()),
            (Some(o.id), Some("Faster onboarding"))
        );
        assert_eq!(need.conversation_title, "Support goals");
        assert_eq!(
            store
                .need_of_opportunity(a, o.id)
                .await
                .expect("back link")
                .map(|n| n.id),
            Some(n1)
        );

        let again = opportunity(a, Some(n1));
        let r = store.insert_opportunity(&again, a).await;
        assert!(
            matches!(r, Err(StoreError::Conflict { ref field }) if field == "need_id"),
            "a need becomes one opportunity: {r:?}"
        );
        assert!(
            matches!(store.opportunity(again.id).await, Err(StoreError::NotFound)),
            "the refused opportunity is not half-written"
        );
        assert!(
            store
                .opportunity_moves(again.id)
                .await
                .expect("moves")
                .is_empty()
        );

        let theirs = opportunity(b, Some(n2));
        let r = store.insert_opportunity(&theirs, b).await;
        assert!(
            matches!(r, Err(StoreError::NotFound)),
            "a colleague cannot start an opportunity from my need: {r:?}"
        );
        assert!(matches!(
            store.opportunity(theirs.id).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(store.need(a, n2).await.expect("need").opportunity_id, None);
        assert!(
            matches!(store.need(b, n1).await, Err(StoreError::NotFound)),
            "nor read it"
        );
        assert_eq!(
            store.need_of_opportunity(b, o.id).await.expect("query"),
            None,
            "nor find it from my opportunity"
        );
        let b_need = needs_of(&store, b, &["B's need"]).await[0];
        let mine_from_theirs = opportunity(a, Some(b_need));
        assert!(matches!(
            store.insert_opportunity(&mine_from_theirs, a).await,
            Err(StoreError::NotFound)
        ));

        let unlinked = opportunity(a, None);
        store
            .insert_opportunity(&unlinked, a)
            .await
            .expect("a fresh idea");
        assert!(
            matches!(
                store.link_need(a, n2, Some(o.id), now()).await,
                Err(StoreError::Conflict { .. })
            ),
            "the database keeps one need per opportunity"
        );

        store.delete_opportunity(o.id).await.expect("delete");
        assert_eq!(
            store.need(a, n1).await.expect("need").opportunity_id,
            None,
            "deleting the opportunity frees its need"
        );
        let anew = opportunity(a, Some(n1));
        store
            .insert_opportunity(&anew, a)
            .await
            .expect("the need can start another");
    })
    .await;
}

/// An opportunity of `a` with a proposal `s` supported and a running pilot.
async fn running_pilot(store: &Store, a: Uuid, s: Uuid) -> Pilot {
    let o = opportunity(a, None);
    store.insert_opportunity(&o, a).await.expect("insert");
    let p = Proposal {
        id: new_id(),
        opportunity_id: o.id,
        opportunity_title: o.title.clone(),
        owner_id: a,
        owner_name: String::new(),
        sponsor_id: s,
        sponsor_name: "Person s".into(),
        time_share: 20,
        duration_weeks: 8,
        resources: String::new(),
        message: String::new(),
        status: "awaiting".parse().unwrap(),
        answer_reason: String::new(),
        answered_at: None,
        last_asked_at: now(),
        created_at: now(),
    };
    store
        .insert_proposal(&p, Some(Stage::Spotted))
        .await
        .expect("propose");
    store
        .answer_proposal(p.id, Answer::Support, "", now())
        .await
        .expect("support");
    let pl = Pilot {
        id: new_id(),
        opportunity_id: o.id,
        proposal_id: p.id,
        owner_id: a,
        sponsor_id: s,
        responsibilities: "Run onboarding".into(),
        time_share: 20,
        starts_on: day(5),
        ends_on: day(30),
        outcome: None,
        reflection: String::new(),
        role_code: None,
        ended_at: None,
        created_at: now(),
    };
    store
        .insert_pilot(&pl, Stage::Proposed, a)
        .await
        .expect("start");
    pl
}

fn org_role(code: &str, title: &str) -> OrgRole {
    OrgRole {
        code: code.into(),
        title: title.into(),
        description: "Gets joiners working on day one".into(),
        created_by: None,
        created_at: now(),
    }
}

/// Nothing of the outcome is written: no role, pilot running, opportunity piloting, same history.
async fn assert_nothing_written(store: &Store, pl: &Pilot, code: &str, before: usize, why: &str) {
    assert!(
        store.org_role(code).await.expect("role").is_none(),
        "{why}: no role"
    );
    assert!(
        store
            .org_role_skills(code)
            .await
            .expect("skills")
            .is_empty(),
        "{why}: no role skills"
    );
    let now_pl = store.pilot(pl.id).await.expect("pilot");
    assert_eq!(
        (now_pl.outcome, now_pl.role_code),
        (None, None),
        "{why}: pilot still running"
    );
    let o = store.opportunity(pl.opportunity_id).await.expect("opp");
    assert_eq!(o.stage.code(), "piloting", "{why}: opportunity not moved");
    let moves = store.opportunity_moves(o.id).await.expect("moves");
    assert_eq!(
        moves.last().map(|m| m.to_stage.code()),
        Some("piloting"),
        "{why}: no move recorded"
    );
    let history = store.role_history(pl.owner_id).await.expect("history");
    assert_eq!(history.len(), before, "{why}: role history unchanged");
    let person = store.person(pl.owner_id).await.expect("person");
    assert_eq!(
        person.role_code.as_deref(),
        Some("15-1252.00"),
        "{why}: role unchanged"
    );
}

#[tokio::test]
async fn ending_a_pilot_as_a_new_role_is_one_transaction() {
    each(|store, [a, s, _]| async move {
        let pl = running_pilot(&store, a, s).await;
        let before = store.role_history(a).await.expect("history").len();
        let skills = vec!["2.B.1.a".to_string(), "org-onboarding".to_string()];
        let role = org_role("ORG-ONBOARD1", "Onboarding Lead");

        // The last write (moving the person into the role) fails: the person does not exist.
        let r = store
            .end_pilot(
                &pl,
                Stage::NewRole,
                "It worked",
                Some(NewRole {
                    role: &role,
                    skills: &skills,
                    move_person: Some(new_id()),
                }),
                a,
                now(),
            )
            .await;
        assert!(
            matches!(r, Err(StoreError::NotFound)),
            "the move fails: {r:?}"
        );
        assert_nothing_written(&store, &pl, "ORG-ONBOARD1", before, "failed move").await;

        // The first write fails: an organisation role already has the title.
        store
            .create_org_role(&org_role("ORG-TAKEN1", "Taken title"), &[])
            .await
            .expect("existing role");
        let clash = org_role("ORG-CLASH1", "Taken title");
        let r = store
            .end_pilot(
                &pl,
                Stage::NewRole,
                "It worked",
                Some(NewRole {
                    role: &clash,
                    skills: &skills,
                    move_person: Some(a),
                }),
                a,
                now(),
            )
            .await;
        assert!(
            matches!(r, Err(StoreError::Conflict { ref field }) if field == "title"),
            "title taken: {r:?}"
        );
        assert_nothing_written(&store, &pl, "ORG-CLASH1", before, "title clash").await;

        store
            .end_pilot(
                &pl,
                Stage::NewRole,
                "It worked",
                Some(NewRole {
                    role: &role,
                    skills: &skills,
                    move_person: Some(a),
                }),
                a,
                now(),
            )
            .await
            .expect("end");
        assert_eq!(
            store
                .org_role("ORG-ONBOARD1")
                .await
                .expect("role")
                .map(|r| r.title),
            Some("Onboarding Lead".to_string())
        );
        assert_eq!(
            store.org_role_skills("ORG-ONBOARD1").await.expect("skills"),
            skills
        );
        let ended = store.pilot(pl.id).await.expect("pilot");
        assert_eq!(
            (ended.outcome.map(Stage::code), ended.role_code.as_deref()),
            (Some("new_role"), Some("ORG-ONBOARD1"))
        );
        assert_eq!(
            store
                .opportunity(pl.opportunity_id)
                .await
                .expect("opp")
                .stage
                .code(),
            "new_role"
        );
        let history = store.role_history(a).await.expect("history");
        assert_eq!(history.len(), before + 1);
        let open: Vec<_> = history.iter().filter(|h| h.ended_on.is_none()).collect();
        assert_eq!(open.len(), 1, "one current role: {history:?}");
        assert_eq!(
            (
                open[0].role_code.as_deref(),
                open[0].job_title.as_str(),
                open[0].source.as_str()
            ),
            (Some("ORG-ONBOARD1"), "Onboarding Lead", "pilot")
        );
        assert_eq!(
            store.person(a).await.expect("person").role_code.as_deref(),
            Some("ORG-ONBOARD1")
        );
    })
    .await;
}

#[tokio::test]
async fn a_new_role_without_the_move_leaves_the_role_history_alone() {
    each(|store, [a, s, _]| async move {
        let pl = running_pilot(&store, a, s).await;
        let before = store.role_history(a).await.expect("history");
        let role = org_role("ORG-LATER1", "Onboarding Coach");
        store
            .end_pilot(
                &pl,
                Stage::NewRole,
                "Someone else should hold it",
                Some(NewRole {
                    role: &role,
                    skills: &[],
                    move_person: None,
                }),
                a,
                now(),
            )
            .await
            .expect("end");
        assert!(store.org_role("ORG-LATER1").await.expect("role").is_some());
        assert_eq!(store.role_history(a).await.expect("history"), before);
    })
    .await;
}

#[tokio::test]
async fn pilots_are_listed_for_their_owner_and_sponsor_only() {
    each(|store, [a, s, b]| async move {
        let pl = running_pilot(&store, a, s).await;
        let mine = store.pilots_of(a).await.expect("mine");
        assert_eq!(mine.len(), 1);
        assert_eq!(
            (
                mine[0].pilot.id,
                mine[0].title.as_str(),
                mine[0].owner_name.as_str(),
                mine[0].sponsor_name.as_str()
            ),
            (pl.id, "Faster onboarding", "Person a", "Person s")
        );
        assert_eq!(mine[0].pilot, pl);
        assert_eq!(store.pilots_of(s).await.expect("sponsored").len(), 1);
        assert!(store.pilots_of(b).await.expect("colleague").is_empty());
    })
    .await;
}
