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
