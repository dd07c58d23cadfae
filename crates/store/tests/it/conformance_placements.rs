//! Storage conformance for placements on SQLite and PostgreSQL: posting with skills,
//! directions and a search document; full-text search with filters; interests and their
//! answers (acceptance records history and can fill the placement); "not for me"; profiles.

use ladderless_domain::ids::{InterestId, PlacementId};
use ladderless_domain::placement::{
    InterestStatus, NotForMe, Offer, PlacementKind, PlacementStatus, SkillUse, WorkMode,
};
use ladderless_store::directions::Direction;
use ladderless_store::import::{Batch, NewPerson};
use ladderless_store::placements::{
    HistoryEntry, Interest, Placement, PlacementQuery, PlacementSkill, Profile,
};
use ladderless_store::{Store, StoreError, Uuid, new_id};
use ladderless_testkit::{TestDb, backends};
use time::{OffsetDateTime, macros::date};

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

fn person(n: &str, manager: Option<Uuid>) -> NewPerson {
    NewPerson {
        id: new_id(),
        employee_id: n.into(),
        name: format!("Person {n}"),
        email: format!("{n}@x.org"),
        job_title: "Analyst".into(),
        role_code: None,
        team: None,
        manager_id: manager,
        role_start_date: None,
        location: String::new(),
    }
}

/// Runs `f` with an owner `o`, a person `a` who reports to `o`, and a third person `b`.
async fn each<F, Fut>(f: F)
where
    F: Fn(Store, Uuid, Uuid, Uuid) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("test database");
        let store = db.store().await.expect("open");
        let o = person("o", None);
        let a = person("a", Some(o.id));
        let b = person("b", None);
        let ids = (o.id, a.id, b.id);
        let batch = Batch {
            creates: vec![o, a, b],
            ..Default::default()
        };
        store.apply_batch(&batch, now()).await.expect("seed");
        f(store.clone(), ids.0, ids.1, ids.2).await;
        store.close().await;
    }
}

fn placement(owner: Uuid, title: &str, kind: PlacementKind) -> Placement {
    Placement {
        id: PlacementId::new(),
        owner_id: owner,
        kind,
        status: PlacementStatus::Open,
        title: title.into(),
        description: "Help the billing team clean its customer data.".into(),
        offers_status: Offer::Neutral,
        offers_autonomy: Offer::Strong,
        offers_meaning: Offer::Some,
        offers_learning: Offer::Lowers,
        hours_per_week: 8,
        duration_weeks: 6,
        location: "Leeds".into(),
        work_mode: WorkMode::Hybrid,
        places: 1,
        closes_on: Some(date!(2027 - 01 - 31)),
        created_at: now(),
        updated_at: now(),
    }
}

fn skill(p: PlacementId, u: SkillUse, id: &str, level: i32, position: i32) -> PlacementSkill {
    PlacementSkill {
        placement_id: p,
        skill_use: u,
        skill_id: id.into(),
        level,
        position,
    }
}

async fn direction(store: &Store, title: &str) -> Uuid {
    let d = Direction {
        id: new_id(),
        title: title.into(),
        aim: String::new(),
        horizon: String::new(),
        owner_id: None,
        skills: String::new(),
        status: "active".parse().unwrap(),
        created_by: None,
        created_at: now(),
        updated_at: now(),
    };
    store.insert_direction(&d).await.expect("direction");
    d.id
}

#[tokio::test]
async fn placements_round_trip_with_skills_and_directions() {
    each(|store, o, _, _| async move {
        let dir = direction(&store, "Grow the north").await;
        let p = placement(o, "Data quality sprint", PlacementKind::Project);
        let skills = [
            skill(p.id, SkillUse::Needed, "esco-sql", 3, 1),
            skill(p.id, SkillUse::Learn, "esco-python", 0, 1),
        ];
        store
            .insert_placement(&p, &skills, &[dir], "data quality sprint sql python")
            .await
            .unwrap();
        assert_eq!(store.placement(p.id).await.unwrap(), p);
        assert_eq!(store.placement_skills(p.id).await.unwrap(), skills.to_vec());
        assert_eq!(store.placement_directions(p.id).await.unwrap(), vec![dir]);
        assert_eq!(store.placements_of(o).await.unwrap(), vec![p.clone()]);
        assert_eq!(
            store.placements_for_direction(dir).await.unwrap(),
            vec![p.clone()]
        );
        assert_eq!(store.open_placement_skills().await.unwrap().len(), 2);
        assert_eq!(
            store.open_placement_directions().await.unwrap(),
            vec![(p.id, dir)]
        );

        let mut changed = p.clone();
        changed.title = "Data quality month".into();
        changed.status = PlacementStatus::Closed;
        changed.closes_on = None;
        store
            .update_placement(&changed, &skills[..1], &[], "data quality month")
            .await
            .unwrap();
        assert_eq!(store.placement(p.id).await.unwrap(), changed);
        assert_eq!(store.placement_skills(p.id).await.unwrap().len(), 1);
        assert!(store.placement_directions(p.id).await.unwrap().is_empty());
        assert!(store.open_placements().await.unwrap().is_empty());

        store
            .set_placement_status(p.id, PlacementStatus::Open, now())
            .await
            .unwrap();
        assert_eq!(store.open_placements().await.unwrap().len(), 1);
        store.delete_placement(p.id).await.unwrap();
        assert!(matches!(
            store.placement(p.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.delete_placement(p.id).await,
            Err(StoreError::NotFound)
        ));
        let ghost = placement(o, "Ghost", PlacementKind::Gig);
        assert!(matches!(
            store.update_placement(&ghost, &[], &[], "ghost").await,
            Err(StoreError::NotFound)
        ));
    })
    .await;
}

#[tokio::test]
async fn search_finds_words_and_word_starts_and_applies_every_filter() {
    each(|store, o, _, _| async move {
        let dir = direction(&store, "Grow the north").await;
        let a = placement(o, "Billing data clean-up", PlacementKind::Project);
        let mut b = placement(o, "Shadow the payments lead", PlacementKind::Shadowing);
        b.location = "Bristol".into();
        b.work_mode = WorkMode::Onsite;
        b.hours_per_week = 2;
        let mut c = placement(o, "Mentoring in data science", PlacementKind::Mentoring);
        c.status = PlacementStatus::Draft;
        c.work_mode = WorkMode::Remote;
        store
            .insert_placement(
                &a,
                &[skill(a.id, SkillUse::Needed, "esco-sql", 3, 1)],
                &[dir],
                "billing data clean-up project sql leeds",
            )
            .await
            .unwrap();
        store
            .insert_placement(&b, &[], &[], "shadow the payments lead shadowing bristol")
            .await
            .unwrap();
        store
            .insert_placement(&c, &[], &[], "mentoring in data science remote")
            .await
            .unwrap();
        let find = |q: PlacementQuery| {
            let store = store.clone();
            async move {
                let mut ids: Vec<PlacementId> = store
                    .search_placements(&q, 50, 0)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|p| p.id)
                    .collect();
                ids.sort();
                ids
            }
        };
        let mut ac = vec![a.id, c.id];
        ac.sort();
        assert_eq!(
            find(PlacementQuery {
                q: "data".into(),
                ..Default::default()
            })
            .await,
            ac
        );
        assert_eq!(
            find(PlacementQuery {
                q: "pay".into(),
                ..Default::default()
            })
            .await,
            vec![b.id]
        );
        assert_eq!(
            find(PlacementQuery {
                q: "data billing".into(),
                ..Default::default()
            })
            .await,
            vec![a.id]
        );
        assert!(
            find(PlacementQuery {
                q: "\"OR\" *".into(),
                ..Default::default()
            })
            .await
            .is_empty()
        );
        let open = Some(PlacementStatus::Open);
        assert_eq!(
            find(PlacementQuery {
                q: "data".into(),
                status: open,
                ..Default::default()
            })
            .await,
            vec![a.id]
        );
        assert_eq!(
            find(PlacementQuery {
                kind: Some(PlacementKind::Shadowing),
                ..Default::default()
            })
            .await,
            vec![b.id]
        );
        assert_eq!(
            find(PlacementQuery {
                direction: Some(dir),
                ..Default::default()
            })
            .await,
            vec![a.id]
        );
        assert_eq!(
            find(PlacementQuery {
                skill: Some("esco-sql".into()),
                ..Default::default()
            })
            .await,
            vec![a.id]
        );
        assert_eq!(
            find(PlacementQuery {
                location: Some("bris".into()),
                ..Default::default()
            })
            .await,
            vec![b.id]
        );
        assert!(
            find(PlacementQuery {
                location: Some("%".into()),
                ..Default::default()
            })
            .await
            .is_empty()
        );
        assert_eq!(
            find(PlacementQuery {
                work_mode: Some(WorkMode::Remote),
                ..Default::default()
            })
            .await,
            vec![c.id]
        );
        assert_eq!(
            find(PlacementQuery {
                max_hours: Some(4),
                ..Default::default()
            })
            .await,
            vec![b.id]
        );
        assert_eq!(find(PlacementQuery::default()).await.len(), 3);
        let page = store
            .search_placements(&PlacementQuery::default(), 2, 2)
            .await
            .unwrap();
        assert_eq!(page.len(), 1);
    })
    .await;
}

fn interest(p: PlacementId, person: Uuid, confidential: bool) -> Interest {
    Interest {
        id: InterestId::new(),
        placement_id: p,
        person_id: person,
        note: "I cleaned the CRM data last year.".into(),
        status: InterestStatus::Pending,
        reason: String::new(),
        confidential,
        decided_at: None,
        created_at: now(),
    }
}

#[tokio::test]
async fn interests_are_answered_and_acceptance_records_history() {
    each(|store, o, a, b| async move {
        let p = placement(o, "Billing data clean-up", PlacementKind::Project);
        store.insert_placement(&p, &[], &[], "billing").await.unwrap();
        let ia = interest(p.id, a, true);
        let ib = interest(p.id, b, false);
        store.insert_interest(&ia).await.unwrap();
        store.insert_interest(&ib).await.unwrap();
        let again = interest(p.id, a, false);
        assert!(matches!(store.insert_interest(&again).await, Err(StoreError::Conflict { field }) if field == "placement"));
        assert_eq!(store.interest(ia.id).await.unwrap(), ia);
        assert_eq!(store.interests_in(p.id).await.unwrap().len(), 2);
        assert_eq!(store.interests_of(a).await.unwrap(), vec![ia.clone()]);
        // a reports to o, but a's interest is confidential: o as manager sees none of it.
        assert!(store.interests_of_reports(o).await.unwrap().is_empty());
        store.update_interest_by_person(ia.id, false, InterestStatus::Pending, now()).await.unwrap();
        assert_eq!(store.interests_of_reports(o).await.unwrap().len(), 1);

        let mut accepted = ia.clone();
        accepted.status = InterestStatus::Accepted;
        let h = HistoryEntry {
            placement_id: Some(p.id),
            kind: p.kind,
            title: p.title.clone(),
            accepted_on: date!(2026 - 09 - 22),
        };
        store.decide_interest(&accepted, Some(&h), true, now()).await.unwrap();
        assert_eq!(store.interest(ia.id).await.unwrap().status, InterestStatus::Accepted);
        assert!(store.interest(ia.id).await.unwrap().decided_at.is_some());
        assert_eq!(store.accepted_count(p.id).await.unwrap(), 1);
        assert_eq!(store.placement(p.id).await.unwrap().status, PlacementStatus::Filled);
        assert_eq!(store.placement_history(a).await.unwrap(), vec![h]);

        let mut declined = ib.clone();
        declined.status = InterestStatus::Declined;
        declined.reason = "We need someone on site.".into();
        store.decide_interest(&declined, None, false, now()).await.unwrap();
        let got = store.interest(ib.id).await.unwrap();
        assert_eq!((got.status, got.reason.as_str()), (InterestStatus::Declined, "We need someone on site."));
        assert!(store.placement_history(b).await.unwrap().is_empty());

        store.delete_placement(p.id).await.unwrap();
        assert!(matches!(store.interest(ia.id).await, Err(StoreError::NotFound)));
        assert_eq!(store.placement_history(a).await.unwrap()[0].placement_id, None, "history outlives the placement");
    })
    .await;
}

#[tokio::test]
async fn not_for_me_and_profiles_are_kept() {
    each(|store, o, a, b| async move {
        let p = placement(o, "Billing data clean-up", PlacementKind::Coaching);
        store
            .insert_placement(&p, &[], &[], "billing")
            .await
            .unwrap();
        store
            .set_not_for_me(a, p.id, NotForMe::NoTime, now())
            .await
            .unwrap();
        store
            .set_not_for_me(a, p.id, NotForMe::NotThisKind, now())
            .await
            .unwrap();
        let marks = store.not_for_me_of(a).await.unwrap();
        assert_eq!(marks.len(), 1);
        assert_eq!(
            (marks[0].reason, marks[0].kind, marks[0].hours_per_week),
            (NotForMe::NotThisKind, PlacementKind::Coaching, 8)
        );
        assert!(store.not_for_me_of(b).await.unwrap().is_empty());
        store.clear_not_for_me(a, p.id).await.unwrap();
        assert!(store.not_for_me_of(a).await.unwrap().is_empty());

        assert_eq!(
            store.placement_profile(a).await.unwrap(),
            Profile::default()
        );
        assert!(
            store.discoverable_people().await.unwrap().is_empty(),
            "nobody is discoverable by default"
        );
        let mine = Profile {
            discoverable: true,
            hours_available: Some(6),
        };
        store.save_placement_profile(a, mine, now()).await.unwrap();
        store
            .save_placement_profile(
                b,
                Profile {
                    discoverable: false,
                    hours_available: None,
                },
                now(),
            )
            .await
            .unwrap();
        assert_eq!(store.placement_profile(a).await.unwrap(), mine);
        assert_eq!(
            store.discoverable_people().await.unwrap(),
            vec![(a, Some(6))]
        );
    })
    .await;
}

#[tokio::test]
async fn unknown_placement_codes_are_errors_never_defaults() {
    each(|store, o, a, _| async move {
        let p = placement(o, "Billing", PlacementKind::Gig);
        store
            .insert_placement(&p, &[], &[], "billing")
            .await
            .unwrap();
        let i = interest(p.id, a, false);
        store.insert_interest(&i).await.unwrap();
        let pid: Uuid = p.id.into();
        let iid: Uuid = i.id.into();
        for (sql, code, column, id) in [
            (
                "UPDATE placements SET kind = $1 WHERE id = $2",
                "job",
                "kind",
                pid,
            ),
            (
                "UPDATE placements SET kind = 'gig', status = $1 WHERE id = $2",
                "live",
                "status",
                pid,
            ),
            (
                "UPDATE placements SET status = 'open', offers_meaning = $1 WHERE id = $2",
                "lots",
                "offers_meaning",
                pid,
            ),
            (
                "UPDATE placement_interests SET status = $1 WHERE id = $2",
                "maybe",
                "status",
                iid,
            ),
        ] {
            ladderless_store::on_db!(store, pool => {
                sqlx::query(sql).bind(code).bind(id).execute(pool).await.expect("corrupt");
            });
            let err = if column == "status" && id == iid {
                store.interest(i.id).await.map(|_| ()).unwrap_err()
            } else {
                store.placement(p.id).await.map(|_| ()).unwrap_err()
            };
            match err {
                StoreError::Decode { column: c, reason } => {
                    assert_eq!(c, column);
                    assert!(reason.contains(code), "{reason}");
                }
                other => panic!("expected a decode error on {column}, got {other:?}"),
            }
        }
    })
    .await;
}

#[tokio::test]
async fn an_open_role_keeps_its_role_until_changed_cleared_or_deleted() {
    each(|store, o, _, _| async move {
        let p = placement(o, "Lead the platform team", PlacementKind::OpenRole);
        let other = placement(o, "Team lead, billing", PlacementKind::OpenRole);
        for x in [&p, &other] {
            store.insert_placement(x, &[], &[], "lead").await.unwrap();
        }
        assert_eq!(store.placement_role(p.id).await.unwrap(), None);
        store
            .set_placement_role(p.id, Some("11-3021.00"), now())
            .await
            .unwrap();
        store
            .set_placement_role(other.id, Some("11-1021.00"), now())
            .await
            .unwrap();
        store
            .set_placement_role(p.id, Some("11-9041.00"), now())
            .await
            .unwrap();
        assert_eq!(
            store.placement_role(p.id).await.unwrap().as_deref(),
            Some("11-9041.00")
        );
        assert_eq!(
            store.placement_role(other.id).await.unwrap().as_deref(),
            Some("11-1021.00")
        );
        store.set_placement_role(p.id, None, now()).await.unwrap();
        assert_eq!(store.placement_role(p.id).await.unwrap(), None);
        store.delete_placement(other.id).await.unwrap();
        assert_eq!(store.placement_role(other.id).await.unwrap(), None);
    })
    .await;
}
