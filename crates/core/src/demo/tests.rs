use super::*;
use std::collections::{HashMap, HashSet};

fn today() -> Date {
    Date::from_calendar_date(2026, time::Month::November, 1).unwrap()
}

#[test]
fn every_department_role_is_in_the_catalogue() {
    let c = ladderless_catalogue::bundled();
    for d in DEPARTMENTS {
        for code in [d.head_role, d.manager_role]
            .into_iter()
            .chain(d.roles.iter().map(|r| r.0))
        {
            assert!(
                c.role(code).is_some(),
                "{} uses unknown role {code}",
                d.name
            );
        }
    }
}

#[test]
fn same_seed_same_company_different_seed_different_company() {
    let c = ladderless_catalogue::bundled();
    let a = generate(c, 300, 42, today());
    let b = generate(c, 300, 42, today());
    let x = generate(c, 300, 43, today());
    let names = |v: &[DemoPerson]| v.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
    assert_ne!(names(&a), names(&x));
}

#[test]
fn the_company_is_believable() {
    let c = ladderless_catalogue::bundled();
    let people = generate(c, 500, 1, today());
    assert_eq!(people.len(), 500);
    // Managers come before their reports; exactly one person has no manager.
    for (i, p) in people.iter().enumerate() {
        if let Some(m) = p.manager {
            assert!(m < i);
        }
    }
    assert_eq!(people.iter().filter(|p| p.manager.is_none()).count(), 1);
    // Unique ids and e-mails.
    assert_eq!(
        people
            .iter()
            .map(|p| &p.email)
            .collect::<HashSet<_>>()
            .len(),
        500
    );
    assert_eq!(
        people
            .iter()
            .map(|p| &p.employee_id)
            .collect::<HashSet<_>>()
            .len(),
        500
    );
    // Many individual contributors, few managers; spans of control are sensible.
    let mut reports: HashMap<usize, usize> = HashMap::new();
    for p in &people {
        if let Some(m) = p.manager {
            *reports.entry(m).or_default() += 1;
        }
    }
    let managers = reports.len();
    assert!(
        managers * 4 < people.len(),
        "{managers} managers of {}",
        people.len()
    );
    assert!(
        reports.values().all(|&n| n <= 12),
        "{:?}",
        reports.values().max()
    );
    // Fixed sign-ins exist: the employee reports to the manager.
    let find = |e: &str| people.iter().position(|p| p.email == e).unwrap();
    let (m, e) = (find(DEMO_MANAGER), find(DEMO_EMPLOYEE));
    assert_eq!(people[e].manager, Some(m));
    let _ = find(DEMO_ADMIN);
    // Skills come from the role's profile.
    let dev = people.iter().find(|p| p.role_code == "15-1252.00").unwrap();
    assert!(dev.skills.len() >= 6);
    let profile: HashSet<&str> = c
        .role("15-1252.00")
        .unwrap()
        .esco_skills
        .iter()
        .map(|s| s.skill_id.as_str())
        .collect();
    assert!(dev.skills.iter().all(|s| profile.contains(s.0.as_str())));
    assert!(dev.skills.iter().all(|s| (1..=5).contains(&s.1)));
}

#[test]
fn tiny_and_huge_companies_work() {
    let c = ladderless_catalogue::bundled();
    let tiny = generate(c, 5, 9, today());
    assert_eq!(tiny.len(), 5);
    let huge = generate(c, 100_000, 9, today());
    assert_eq!(huge.len(), 100_000);
    let execs = huge.iter().filter(|p| p.role_code == "11-1011.00").count();
    assert_eq!(execs, 1);
}

#[test]
fn the_demo_as_csv_is_a_valid_import() {
    let c = ladderless_catalogue::bundled();
    let people = generate(c, 200, 5, today());
    let csv = to_csv(&people);
    let rows = ladderless_domain::import::check(
        csv.as_bytes(),
        ladderless_domain::import::Format::Csv,
        &[],
        |code| c.role(code).is_some(),
    )
    .expect("the generated file imports cleanly");
    assert_eq!(rows.len(), 200);
    assert_eq!(rows[1].manager_employee_id.as_deref(), Some("E000001"));
}

/// A demo in a throwaway SQLite database, on a fixed day.
async fn demo_app(people: usize, seed: u64) -> (App, std::path::PathBuf, DemoSummary) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "ll_demo_test_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let store = ladderless_store::Store::open(&ladderless_store::Location::DataDir(dir.clone()))
        .await
        .expect("store");
    let mut app = App::new(store);
    let at = today().with_hms(9, 0, 0).unwrap().assume_utc();
    app.clock = std::sync::Arc::new(crate::FixedClock::new(at));
    let summary = app
        .create_demo(people, seed, "demo-password")
        .await
        .expect("demo");
    (app, dir, summary)
}

async fn actor(app: &App, email: &str) -> crate::Actor {
    let person = app
        .store
        .person_by_email(email)
        .await
        .expect("person")
        .expect("exists");
    let is_manager = !app
        .store
        .reports(person.id)
        .await
        .expect("reports")
        .is_empty();
    crate::Actor { person, is_manager }
}

#[tokio::test]
async fn the_demo_marketplace_is_alive() {
    use ladderless_domain::placement::{PlacementKind, PlacementStatus};
    use ladderless_store::placements::PlacementQuery;
    let started = std::time::Instant::now();
    let (app, dir, summary) = demo_app(500, 1).await;
    eprintln!("demo of 500 people took {:?}", started.elapsed());
    assert!(
        (4..=6).contains(&summary.directions),
        "{}",
        summary.directions
    );
    assert!(
        summary.placements.len() >= 36,
        "{}",
        summary.placements.len()
    );
    assert!(summary.interests >= 12, "{}", summary.interests);

    let admin = actor(&app, DEMO_ADMIN).await;
    let mut all = Vec::new();
    for status in [
        PlacementStatus::Open,
        PlacementStatus::Filled,
        PlacementStatus::Closed,
    ] {
        let q = PlacementQuery {
            status: Some(status),
            ..Default::default()
        };
        all.extend(app.browse_placements(&admin, &q, 100, 0).await.unwrap());
    }
    let open = all
        .iter()
        .filter(|p| p.status == PlacementStatus::Open)
        .count();
    assert!(open >= 30, "{open} open");
    assert!(all.iter().any(|p| p.status == PlacementStatus::Filled));
    assert!(all.iter().any(|p| p.status == PlacementStatus::Closed));
    for kind in PlacementKind::ALL {
        assert!(
            all.iter().filter(|p| p.kind == kind).count() >= 2,
            "{kind:?} appears fewer than twice"
        );
    }

    let employee = actor(&app, DEMO_EMPLOYEE).await;
    let recs = app.recommended_placements(&employee, 20).await.unwrap();
    assert!(recs.len() >= 5, "{} recommendations", recs.len());
    assert!(recs.iter().all(|r| !r.reasons.is_empty()));
    assert!(recs.iter().all(|r| r.placement.owner_id != employee.id()));
    // The best of them use skills the employee has, teach what they want to grow and serve
    // the direction they work towards.
    assert!(recs[..5].iter().all(|r| r.score > 0), "{recs:?}");
    let said = |words: &str| {
        recs.iter()
            .filter(|r| r.reasons.iter().any(|(s, _)| s.contains(words)))
            .count()
    };
    assert!(said("a skill you want to grow") >= 3, "{recs:?}");
    assert!(said("meets the level") >= 3, "{recs:?}");
    assert!(said("a direction you work towards") >= 1, "{recs:?}");
    let mine = app.my_interests(&employee).await.unwrap();
    assert!(mine.len() >= 3, "{} interests of the employee", mine.len());
    assert!(
        mine.iter()
            .any(|i| i.interest.status == ladderless_domain::placement::InterestStatus::Invited)
    );

    // Window shopping has started: enough reactions to reveal an order.
    let shop = app.shopping_view(&employee).await.unwrap();
    assert!(
        shop.reactions >= 8 && shop.revealed.is_some(),
        "{} reactions",
        shop.reactions
    );
    assert!(
        shop.likes > 0 && shop.likes < shop.reactions,
        "{} liked",
        shop.likes
    );

    let manager = actor(&app, DEMO_MANAGER).await;
    let mut best = 0;
    for p in app.my_placements(&manager).await.unwrap() {
        best = best.max(app.placement_interests(&manager, p.id).await.unwrap().len());
    }
    assert!(
        best >= 2,
        "the manager's placements have {best} interests at most"
    );

    // The demo people find notifications on first start, each leading somewhere; a second
    // scan the same day adds nothing.
    for who in [&employee, &manager] {
        let list = app.my_notifications(who, 1).await.unwrap();
        assert!(list.unread >= 1, "{} has no notification", who.person.name);
        assert!(list.items.iter().all(|n| !n.link_id.is_empty()));
    }
    assert!(
        app.my_notifications(&employee, 1)
            .await
            .unwrap()
            .items
            .iter()
            .any(|n| n.kind == ladderless_domain::notify::Kind::PlacementInvited),
        "the employee's invitation"
    );
    assert!(
        app.my_notifications(&manager, 1)
            .await
            .unwrap()
            .items
            .iter()
            .any(|n| n.kind == ladderless_domain::notify::Kind::InterestReceived),
        "interest in the manager's placement"
    );
    assert_eq!(app.scan_notifications().await.unwrap().created, 0);
    app.store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_same_seed_posts_the_same_placements() {
    let (a, da, sa) = demo_app(150, 7).await;
    let (b, db, sb) = demo_app(150, 7).await;
    assert_eq!(sa.placements, sb.placements);
    assert!(!sa.placements.is_empty());
    for (app, dir) in [(a, da), (b, db)] {
        app.store.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }
}

#[tokio::test]
async fn small_demos_still_seed_a_marketplace() {
    for n in [5, 12, 40] {
        let (app, dir, s) = demo_app(n, 3).await;
        assert!(!s.placements.is_empty(), "{n} people");
        let unique: HashSet<&String> = s.placements.iter().collect();
        assert_eq!(
            unique.len(),
            s.placements.len(),
            "{n} people: titles repeat"
        );
        app.store.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// Every notification of `who`, all pages.
async fn all_notifications(
    app: &App,
    who: &crate::Actor,
) -> Vec<ladderless_store::notifications::Notification> {
    let mut out = Vec::new();
    for page in 1.. {
        let p = app.my_notifications(who, page).await.unwrap();
        let more = p.has_next();
        out.extend(p.items);
        if !more {
            break;
        }
    }
    out
}

#[tokio::test]
async fn the_career_owner_pages_are_alive() {
    use ladderless_domain::compass::customers::Due;
    use ladderless_domain::notify::Kind;
    use ladderless_domain::opportunity::ProposalStatus;
    let (app, dir, _) = demo_app(500, 1).await;
    let employee = actor(&app, DEMO_EMPLOYEE).await;
    let manager = actor(&app, DEMO_MANAGER).await;

    let customers = app.customer_lines(&employee).await.unwrap();
    assert!(customers.len() >= 4, "{} customers", customers.len());
    assert!(customers.iter().all(|c| !c.customer.goals.is_empty()));
    assert!(customers.iter().any(|c| c.due == Due::Overdue));
    assert!(customers.iter().any(|c| c.due == Due::Soon));
    assert!(
        customers
            .iter()
            .any(|c| c.customer.person_id == Some(manager.id()))
    );

    let conversations = app.conversation_lines(&employee, None).await.unwrap();
    assert!(conversations.len() >= 3, "{}", conversations.len());
    assert!(conversations.iter().all(|c| !c.planned));
    let due = app.follow_ups_due(&employee, false).await.unwrap();
    assert!(
        due.iter().any(|f| f.due == Due::Overdue) && due.iter().any(|f| f.due == Due::Soon),
        "{due:?}"
    );

    let plans = app.my_plans(&employee).await.unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(app.plans_shared_with_me(&manager).await.unwrap().len(), 1);
    assert_eq!(app.my_plans(&manager).await.unwrap().len(), 1);

    let sent = app.proposals_sent(&employee).await.unwrap();
    let waiting: Vec<_> = sent
        .iter()
        .filter(|p| p.proposal.status == ProposalStatus::Awaiting)
        .collect();
    assert_eq!(waiting.len(), 1, "{sent:?}");
    assert_eq!(waiting[0].proposal.sponsor_id, manager.id());
    let opportunities = app.my_opportunities(&employee).await.unwrap();
    let from_need = opportunities
        .iter()
        .find(|o| o.id == waiting[0].proposal.opportunity_id)
        .expect("the proposed opportunity is the employee's");
    assert!(from_need.need_id.is_some() && !from_need.pitch.is_empty());
    assert!(
        app.inbox(&manager)
            .await
            .unwrap()
            .iter()
            .any(|p| p.proposal.owner_id == employee.id())
    );

    assert!(
        app.shared_with_me(&manager)
            .await
            .unwrap()
            .iter()
            .any(|s| s.person.id == employee.id() && s.is_report)
    );

    assert!(app.unread_notifications(&employee).await.unwrap() >= 2);
    assert!(app.unread_notifications(&manager).await.unwrap() >= 1);
    let mine = all_notifications(&app, &employee).await;
    for kind in [Kind::FollowUpDue, Kind::FollowUpOverdue] {
        assert!(
            mine.iter().any(|n| n.kind == kind && n.read_at.is_none()),
            "{kind:?}"
        );
    }
    assert!(
        all_notifications(&app, &manager)
            .await
            .iter()
            .any(|n| n.kind == Kind::ProposalReceived && n.read_at.is_none())
    );
    app.store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn small_demos_seed_what_their_people_allow() {
    for n in [5, 12, 40] {
        for seed in [3, 11] {
            let (app, dir, _) = demo_app(n, seed).await;
            let employee = actor(&app, DEMO_EMPLOYEE).await;
            assert!(
                !app.customer_lines(&employee).await.unwrap().is_empty(),
                "{n} people"
            );
            assert_eq!(app.my_plans(&employee).await.unwrap().len(), 1);
            app.store.close().await;
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
