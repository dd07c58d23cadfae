//! Storage conformance for leadership opportunities on SQLite and PostgreSQL: directions,
//! opportunities with stage history, proposals with every ask, pilots with check-ins.

use ladderless_domain::opportunity::{Answer, Stage};
use ladderless_store::directions::Direction;
use ladderless_store::import::{Batch, NewPerson};
use ladderless_store::opportunities::Opportunity;
use ladderless_store::pilots::Pilot;
use ladderless_store::proposals::Proposal;
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{Date, Duration, Month, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

fn person(n: &str) -> NewPerson {
    NewPerson {
        id: new_id(),
        employee_id: n.into(),
        name: format!("Person {n}"),
        email: format!("{n}@x.org"),
        job_title: "Developer".into(),
        role_code: None,
        team: None,
        manager_id: None,
        role_start_date: None,
        location: String::new(),
    }
}

async fn each<F, Fut>(f: F)
where
    F: Fn(Store, Uuid, Uuid) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for b in backends() {
        let db = TestDb::new(b).await.expect("test database");
        let store = db.store().await.expect("open");
        let (a, s) = (person("a"), person("s"));
        let ids = (a.id, s.id);
        store
            .apply_batch(
                &Batch {
                    creates: vec![a, s],
                    ..Default::default()
                },
                now(),
            )
            .await
            .expect("seed");
        f(store.clone(), ids.0, ids.1).await;
        store.close().await;
    }
}

fn direction(title: &str) -> Direction {
    Direction {
        id: new_id(),
        title: title.into(),
        aim: "Grow".into(),
        horizon: "2027".into(),
        owner_id: None,
        skills: "Rust\nSales".into(),
        status: "active".parse().unwrap(),
        created_by: None,
        created_at: now(),
        updated_at: now(),
    }
}

fn opportunity(owner: Uuid, direction: Option<Uuid>) -> Opportunity {
    Opportunity {
        id: new_id(),
        owner_id: owner,
        title: "Faster onboarding".into(),
        stage: "spotted".parse().unwrap(),
        need_id: None,
        need_text: "New joiners wait a week for access".into(),
        direction_id: direction,
        audience: "private".parse().unwrap(),
        whose_goal: "Head of Support".into(),
        problem: "Slow".into(),
        outcome: "Fast".parse().unwrap(),
        measure: "Days to first ticket".into(),
        factors: "learning,autonomy".into(),
        skills: "Automation".into(),
        pitch: String::new(),
        created_at: now(),
        updated_at: now(),
    }
}

fn proposal(o: &Opportunity, sponsor: Uuid, at: OffsetDateTime) -> Proposal {
    Proposal {
        id: new_id(),
        opportunity_id: o.id,
        opportunity_title: o.title.clone(),
        owner_id: o.owner_id,
        owner_name: String::new(),
        sponsor_id: sponsor,
        sponsor_name: "Person s".into(),
        time_share: 20,
        duration_weeks: 12,
        resources: "A test account".into(),
        message: "Could we try?".into(),
        status: "awaiting".parse().unwrap(),
        answer_reason: String::new(),
        answered_at: None,
        last_asked_at: at,
        created_at: at,
    }
}

#[tokio::test]
async fn directions_round_trip_and_titles_are_unique() {
    each(|store, _, _| async move {
        let d = direction("Self-service");
        store.insert_direction(&d).await.expect("insert");
        assert_eq!(store.direction(d.id).await.expect("get"), d);
        let dup = store.insert_direction(&direction("Self-service")).await;
        assert!(
            matches!(dup, Err(StoreError::Conflict { ref field }) if field == "title"),
            "{dup:?}"
        );
        let changed = Direction {
            status: "paused".parse().unwrap(),
            aim: "Grow more".into(),
            ..d.clone()
        };
        store.update_direction(&changed).await.expect("update");
        assert_eq!(store.direction(d.id).await.expect("get").aim, "Grow more");
        store
            .link_direction_role(d.id, "15-1252.00", now())
            .await
            .expect("link");
        store
            .link_direction_role(d.id, "15-1252.00", now())
            .await
            .expect("link twice is fine");
        assert_eq!(
            store.direction_roles(d.id).await.expect("roles"),
            vec!["15-1252.00".to_string()]
        );
        store
            .unlink_direction_role(d.id, "15-1252.00")
            .await
            .expect("unlink");
        assert!(store.direction_roles(d.id).await.expect("roles").is_empty());
        assert!(matches!(
            store.direction(new_id()).await,
            Err(StoreError::NotFound)
        ));
    })
    .await;
}

#[tokio::test]
async fn opportunities_keep_their_history_and_refuse_stale_moves() {
    each(|store, a, _| async move {
        let d = direction("Growth");
        store.insert_direction(&d).await.expect("direction");
        let o = opportunity(a, Some(d.id));
        store.insert_opportunity(&o, a).await.expect("insert");
        assert_eq!(store.opportunity(o.id).await.expect("get"), o);
        assert_eq!(store.opportunities_of(a).await.expect("mine").len(), 1);
        assert_eq!(
            store
                .opportunities_for_direction(d.id)
                .await
                .expect("by direction")
                .len(),
            1
        );
        let later = now() + Duration::hours(1);
        store
            .move_opportunity(o.id, Stage::Spotted, Stage::Exploring, "", a, later)
            .await
            .expect("move");
        let stale = store
            .move_opportunity(o.id, Stage::Spotted, Stage::Dropped, "why", a, later)
            .await;
        assert!(
            matches!(stale, Err(StoreError::Conflict { .. })),
            "a move from a stage it left is refused: {stale:?}"
        );
        let moves = store.opportunity_moves(o.id).await.expect("moves");
        assert_eq!(moves.len(), 2);
        assert_eq!(
            (
                moves[0].from_stage.map(Stage::code),
                moves[0].to_stage.code()
            ),
            (None, "spotted")
        );
        assert_eq!(
            (
                moves[1].from_stage.map(Stage::code),
                moves[1].to_stage.code()
            ),
            (Some("spotted"), "exploring")
        );
        let edited = Opportunity {
            pitch: "Support's goal first.".into(),
            audience: "team".parse().unwrap(),
            updated_at: later,
            ..store.opportunity(o.id).await.expect("get")
        };
        store.update_opportunity(&edited).await.expect("update");
        assert_eq!(store.opportunity(o.id).await.expect("get"), edited);
        store.delete_opportunity(o.id).await.expect("delete");
        assert!(
            store
                .opportunity_moves(o.id)
                .await
                .expect("moves")
                .is_empty(),
            "history goes with it"
        );
        assert!(matches!(
            store.delete_opportunity(o.id).await,
            Err(StoreError::NotFound)
        ));
    })
    .await;
}

#[tokio::test]
async fn proposals_record_every_ask_and_one_answer_per_ask() {
    each(|store, a, s| async move {
        let o = opportunity(a, None);
        store.insert_opportunity(&o, a).await.expect("insert");
        let p = proposal(&o, s, now());
        store
            .insert_proposal(&p, Some(Stage::Spotted))
            .await
            .expect("propose");
        assert_eq!(
            store.opportunity(o.id).await.expect("get").stage.code(),
            "proposed"
        );
        let got = store.proposal(p.id).await.expect("get");
        assert_eq!(
            (
                got.owner_name.as_str(),
                got.sponsor_name.as_str(),
                got.time_share
            ),
            ("Person a", "Person s", 20)
        );
        assert_eq!(store.proposals_received(s).await.expect("inbox").len(), 1);
        assert_eq!(store.proposals_sent(a).await.expect("sent").len(), 1);
        assert!(store.proposals_received(a).await.expect("none").is_empty());
        let again = now() + Duration::days(8);
        store
            .ask_again(p.id, "A reminder", again)
            .await
            .expect("ask again");
        let asks = store.proposal_asks(p.id).await.expect("asks");
        assert_eq!(
            asks.iter().map(|x| x.note.as_str()).collect::<Vec<_>>(),
            vec!["Could we try?", "A reminder"]
        );
        assert_eq!(
            store.proposal(p.id).await.expect("get").last_asked_at,
            again
        );
        store
            .answer_proposal(
                p.id,
                Answer::TellMeMore,
                "Which teams?",
                again + Duration::hours(5),
            )
            .await
            .expect("answer");
        let twice = store
            .answer_proposal(p.id, Answer::Support, "", again + Duration::hours(6))
            .await;
        assert!(
            matches!(twice, Err(StoreError::Conflict { .. })),
            "an answered ask cannot be answered again: {twice:?}"
        );
        store
            .ask_again(p.id, "Support and Sales", again + Duration::days(1))
            .await
            .expect("tell more");
        store
            .answer_proposal(p.id, Answer::Support, "", again + Duration::days(2))
            .await
            .expect("support");
        let done = store.proposal(p.id).await.expect("get");
        assert_eq!(
            (done.status.code(), done.answered_at),
            ("support", Some(again + Duration::days(2)))
        );
        assert!(
            matches!(
                store.ask_again(p.id, "", again).await,
                Err(StoreError::Conflict { .. })
            ),
            "no asking a supported proposal"
        );
        assert!(
            matches!(
                store.withdraw_proposal(p.id, again).await,
                Err(StoreError::Conflict { .. })
            ),
            "no withdrawing a supported one"
        );
        let stale = store
            .insert_proposal(&proposal(&o, s, now()), Some(Stage::Spotted))
            .await;
        assert!(
            matches!(stale, Err(StoreError::Conflict { .. })),
            "{stale:?}"
        );
        assert_eq!(
            store
                .proposals_for_opportunity(o.id)
                .await
                .expect("list")
                .len(),
            1,
            "the stale proposal was not half-written"
        );
    })
    .await;
}

#[tokio::test]
async fn pilots_start_check_in_and_end_in_one_transaction_each() {
    each(|store, a, s| async move {
        let o = opportunity(a, None);
        store.insert_opportunity(&o, a).await.expect("insert");
        let p = proposal(&o, s, now());
        store
            .insert_proposal(&p, Some(Stage::Spotted))
            .await
            .expect("propose");
        store
            .answer_proposal(p.id, Answer::Support, "", now())
            .await
            .expect("support");
        let day = |d: u8| Date::from_calendar_date(2026, Month::October, d).expect("date");
        let pl = Pilot {
            id: new_id(),
            opportunity_id: o.id,
            proposal_id: p.id,
            owner_id: a,
            sponsor_id: s,
            responsibilities: "Run onboarding".into(),
            time_share: 20,
            starts_on: day(1),
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
        assert_eq!(store.pilot(pl.id).await.expect("get"), pl);
        assert_eq!(
            store.pilot_for_opportunity(o.id).await.expect("by opp"),
            Some(pl.clone())
        );
        assert_eq!(
            store.opportunity(o.id).await.expect("get").stage.code(),
            "piloting"
        );
        let second = Pilot {
            id: new_id(),
            ..pl.clone()
        };
        assert!(
            store
                .insert_pilot(&second, Stage::Piloting, a)
                .await
                .is_err(),
            "one pilot per opportunity"
        );
        store
            .add_checkin(pl.id, a, "Week one went well", now())
            .await
            .expect("checkin");
        store
            .add_checkin(pl.id, s, "Agreed", now() + Duration::minutes(1))
            .await
            .expect("checkin");
        let notes = store.checkins(pl.id).await.expect("checkins");
        assert_eq!(
            notes
                .iter()
                .map(|c| c.author_name.as_str())
                .collect::<Vec<_>>(),
            vec!["Person a", "Person s"]
        );
        assert_eq!(store.pilots_sponsored(s).await.expect("count"), 1);
        store
            .end_pilot(&pl, Stage::ExpandedRole, "Learned a lot", None, a, now())
            .await
            .expect("end");
        let ended = store.pilot(pl.id).await.expect("get");
        assert_eq!(
            (ended.outcome.map(Stage::code), ended.reflection.as_str()),
            (Some("expanded_role"), "Learned a lot")
        );
        assert_eq!(
            store.opportunity(o.id).await.expect("get").stage.code(),
            "expanded_role"
        );
        let again = store
            .end_pilot(&pl, Stage::Dropped, "x", None, a, now())
            .await;
        assert!(
            matches!(again, Err(StoreError::Conflict { .. })),
            "a pilot ends once: {again:?}"
        );
        let moves = store.opportunity_moves(o.id).await.expect("moves");
        let path: Vec<&str> = moves.iter().map(|m| m.to_stage.code()).collect();
        assert_eq!(
            path,
            vec!["spotted", "proposed", "piloting", "expanded_role"]
        );
    })
    .await;
}
