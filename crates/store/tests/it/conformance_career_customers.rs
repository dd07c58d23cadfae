//! Storage conformance for internal customers, conversations, needs and follow-ups: the same
//! behaviour on SQLite and PostgreSQL, and every query owner-scoped.

use ladderless_store::conversations::NewConversation;
use ladderless_store::customers::CustomerFields;
use ladderless_store::import::{Batch, NewPerson};
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{Date, Month, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

fn day(d: u8) -> Date {
    Date::from_calendar_date(2026, Month::March, d).expect("date")
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

fn fields(person: Option<Uuid>, strength: i32) -> CustomerFields {
    CustomerFields {
        person_id: person,
        team_id: None,
        name: "snapshot".into(),
        relationship: "peer".parse().unwrap(),
        goals: "Ship faster".into(),
        obstacles: String::new(),
        notes: String::new(),
        strength,
        last_contact: Some(day(1)),
        next_contact: Some(day(20)),
    }
}

/// An opportunity that comes from no need.
fn bare_opportunity(owner: Uuid) -> ladderless_store::opportunities::Opportunity {
    ladderless_store::opportunities::Opportunity {
        id: new_id(),
        owner_id: owner,
        title: "Linked later".into(),
        stage: "spotted".parse().unwrap(),
        need_id: None,
        need_text: String::new(),
        direction_id: None,
        audience: "private".parse().unwrap(),
        whose_goal: String::new(),
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

#[tokio::test]
async fn customers_are_owner_scoped_and_unique_per_colleague() {
    each(|s, [m, a, b]| async move {
        let c = s
            .create_customer(a, &fields(Some(m), 3), now())
            .await
            .expect("create");
        let dup = s.create_customer(a, &fields(Some(m), 2), now()).await;
        assert!(matches!(dup, Err(StoreError::Conflict { .. })), "{dup:?}");
        s.create_customer(b, &fields(Some(m), 2), now())
            .await
            .expect("b may add the same colleague");
        let got = s.customer(a, c).await.expect("read");
        assert_eq!(
            (got.name.as_str(), got.job_title.as_str(), got.strength),
            ("Person m", "Developer", 3),
            "live name"
        );
        assert_eq!(got.next_contact, Some(day(20)));
        assert!(matches!(s.customer(b, c).await, Err(StoreError::NotFound)));
        assert!(matches!(
            s.update_customer(b, c, &fields(None, 5), now()).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            s.delete_customer(b, c).await,
            Err(StoreError::NotFound)
        ));
        let mut f = fields(None, 5);
        f.next_contact = None;
        s.update_customer(a, c, &f, now()).await.expect("update");
        let got = s.customer(a, c).await.expect("read");
        assert_eq!(
            (got.strength, got.next_contact, got.person_id),
            (5, None, Some(m)),
            "who stays the same"
        );
        assert_eq!(
            s.customer_for(a, Some(m), None).await.expect("find"),
            Some(c)
        );
        assert_eq!(s.customer_for(a, Some(b), None).await.expect("find"), None);
        let t1 = s.teams().await.expect("teams")[0].id;
        let team = CustomerFields {
            person_id: None,
            team_id: Some(t1),
            ..fields(None, 1)
        };
        s.create_customer(a, &team, now())
            .await
            .expect("team customer");
        assert_eq!(s.customers(a).await.expect("list").len(), 2);
        s.delete_customer(a, c).await.expect("delete");
        assert_eq!(s.customers(a).await.expect("list").len(), 1);
    })
    .await;
}

#[tokio::test]
async fn conversations_write_whole_update_contact_and_stay_private() {
    each(|s, [m, a, b]| async move {
        let cm = s
            .create_customer(a, &fields(Some(m), 3), now())
            .await
            .expect("customer");
        let cb = s
            .create_customer(b, &fields(Some(m), 3), now())
            .await
            .expect("b's customer");
        let conv = NewConversation {
            held_on: Some(day(10)),
            kind: "discovery".parse().unwrap(),
            title: "Quarter goals".into(),
            learned: "Hiring is the bottleneck".into(),
            customers: vec![cm],
            questions: vec![
                ("What is in your way?".into(), String::new()),
                (
                    "What are you most trying to achieve this year?".into(),
                    "goals-this-year".into(),
                ),
            ],
            needs: vec![(
                Some(cm),
                "Faster onboarding".into(),
                "Two hires waited a month".into(),
            )],
            follow_ups: vec![
                (Some(cm), "Send the onboarding draft".into(), day(12)),
                (None, "Book a review".into(), day(30)),
            ],
        };
        let bad = NewConversation {
            customers: vec![cm, cb],
            ..conv.clone()
        };
        assert!(
            matches!(
                s.create_conversation(a, &bad, day(11), now()).await,
                Err(StoreError::NotFound)
            ),
            "b's customer refused"
        );
        assert!(
            s.conversations(a, None, 10).await.expect("list").is_empty(),
            "nothing half-written"
        );
        let id = s
            .create_conversation(a, &conv, day(11), now())
            .await
            .expect("create");
        assert_eq!(
            s.customer(a, cm).await.expect("c").last_contact,
            Some(day(10)),
            "last contact moved forward"
        );
        assert_eq!(
            s.customer(a, cm).await.expect("c").next_contact,
            Some(day(20)),
            "a later next contact stays"
        );
        let mut due_soon = fields(None, 3);
        due_soon.next_contact = Some(day(9));
        let cb2 = s
            .create_customer(
                a,
                &CustomerFields {
                    person_id: Some(b),
                    ..due_soon
                },
                now(),
            )
            .await
            .expect("b as a");
        let talk = NewConversation {
            customers: vec![cb2],
            needs: vec![],
            follow_ups: vec![],
            ..conv.clone()
        };
        let talk_id = s
            .create_conversation(a, &talk, day(11), now())
            .await
            .expect("talk");
        assert_eq!(
            s.customer(a, cb2).await.expect("c").next_contact,
            None,
            "the contact that was due has happened"
        );
        s.delete_conversation(a, talk_id).await.expect("tidy");
        s.delete_customer(a, cb2).await.expect("tidy");
        let planned = NewConversation {
            held_on: Some(day(25)),
            needs: vec![],
            follow_ups: vec![],
            ..conv.clone()
        };
        s.create_conversation(a, &planned, day(11), now())
            .await
            .expect("planned");
        assert_eq!(
            s.customer(a, cm).await.expect("c").last_contact,
            Some(day(10)),
            "a planned talk is not a contact"
        );
        assert_eq!(s.conversations(a, None, 10).await.expect("all").len(), 2);
        assert_eq!(
            s.conversations(a, Some(cm), 10)
                .await
                .expect("timeline")
                .len(),
            2
        );
        assert!(s.conversations(b, None, 10).await.expect("b").is_empty());
        assert!(matches!(
            s.conversation(b, id).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            s.conversation(a, id).await.expect("read").title,
            "Quarter goals"
        );
        let qs = s.conversation_questions(a, id).await.expect("questions");
        assert_eq!(
            qs[1],
            (
                "What are you most trying to achieve this year?".into(),
                "goals-this-year".into()
            )
        );
        assert!(s.conversation_questions(b, id).await.expect("b").is_empty());
        assert_eq!(
            s.conversation_customers(a, &[id]).await.expect("who"),
            vec![(id, cm)]
        );
        assert!(
            s.conversation_customers(b, &[id])
                .await
                .expect("b")
                .is_empty()
        );

        let needs = s.needs(a, None, Some(cm)).await.expect("needs");
        assert_eq!((needs.len(), needs[0].held_on), (1, day(10)));
        assert!(s.needs(b, None, None).await.expect("b").is_empty());
        let opp = bare_opportunity(a);
        s.insert_opportunity(&opp, a)
            .await
            .expect("a's opportunity");
        let theirs = bare_opportunity(b);
        s.insert_opportunity(&theirs, b)
            .await
            .expect("b's opportunity");
        assert!(matches!(
            s.link_need(b, needs[0].id, Some(theirs.id), now()).await,
            Err(StoreError::NotFound)
        ));
        assert!(
            matches!(
                s.link_need(a, needs[0].id, Some(theirs.id), now()).await,
                Err(StoreError::NotFound)
            ),
            "a need links only to its owner's opportunity"
        );
        s.link_need(a, needs[0].id, Some(opp.id), now())
            .await
            .expect("link");
        let linked = &s.needs(a, Some(id), None).await.expect("needs")[0];
        assert_eq!(
            (linked.opportunity_id, linked.opportunity_title.as_deref()),
            (Some(opp.id), Some("Linked later"))
        );

        let due = s.follow_ups(a, Some(day(15)), None).await.expect("due");
        assert_eq!(due.len(), 1, "only the one due by the 15th");
        assert_eq!(s.follow_ups(a, None, None).await.expect("open").len(), 2);
        assert!(matches!(
            s.set_follow_up_done(b, due[0].id, true, now()).await,
            Err(StoreError::NotFound)
        ));
        s.set_follow_up_done(a, due[0].id, true, now())
            .await
            .expect("done");
        assert!(
            s.follow_ups(a, Some(day(15)), None)
                .await
                .expect("due")
                .is_empty(),
            "done ones leave the due list"
        );
        assert_eq!(
            s.follow_ups(a, None, Some(id))
                .await
                .expect("in conversation")
                .len(),
            2,
            "the conversation keeps done ones"
        );

        assert!(matches!(
            s.delete_conversation(b, id).await,
            Err(StoreError::NotFound)
        ));
        s.delete_conversation(a, id).await.expect("delete");
        assert!(
            s.needs(a, None, None).await.expect("needs").is_empty(),
            "needs go with their conversation"
        );
        s.delete_customer(a, cm).await.expect("delete customer");
        assert_eq!(
            s.conversations(a, None, 10).await.expect("kept").len(),
            1,
            "conversations outlive a removed customer"
        );
    })
    .await;
}
