//! Behaviour of the bundled catalogue: counts, known roles, well-formed data, role skills.

use std::time::Instant;

use ladderless_catalogue::{
    ATTRIBUTION, Catalogue, DataFiles, EscoMatch, Family, Seniority, SkillKind, TaskKind, bundled,
};

#[test]
fn parse_time_is_reported() {
    // Informational only (run with --release --nocapture); the benchmark states the target.
    let mut times = Vec::new();
    let mut catalogue = None;
    for _ in 0..3 {
        let start = Instant::now();
        catalogue = Some(Catalogue::parse(&DataFiles::BUNDLED).expect("bundled data parse"));
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let catalogue = catalogue.expect("parsed");
    println!(
        "catalogue parse: first {:.1} ms, best of 3 {:.1} ms ({} roles, {} skills, {:.2} MiB compressed)",
        times[0],
        times.iter().copied().fold(f64::INFINITY, f64::min),
        catalogue.roles().len(),
        catalogue.skills().len(),
        DataFiles::bundled_size() as f64 / 1024.0 / 1024.0
    );
}

#[test]
fn has_every_onet_occupation_and_esco_skill() {
    let c = bundled();
    assert_eq!(c.roles().len(), 1016);
    assert_eq!(
        c.skills().len(),
        13_931,
        "8 unlabelled ESCO concepts are left out"
    );
    assert!(c.dwas().len() > 2_000);
    assert!(c.roles().windows(2).all(|w| w[0].code < w[1].code));
}

#[test]
fn software_developers_are_complete() {
    let c = bundled();
    let dev = c.role("15-1252.00").expect("Software Developers");
    assert_eq!(dev.title, "Software Developers");
    assert_eq!(dev.job_zone, Some(4));
    assert!(dev.description.contains("software"));
    assert!(dev.tasks.len() >= 10, "tasks: {}", dev.tasks.len());
    assert!(dev.tasks.iter().filter(|t| !t.dwas.is_empty()).count() >= 10);
    assert_eq!(dev.skills.len(), 35);
    assert_eq!(dev.knowledge.len(), 33);
    assert_eq!(dev.work_values.len(), 6);
    assert_eq!(dev.interests.len(), 6);
    assert!(!dev.dwas.is_empty());
    for &dwa in &dev.dwas {
        assert!(c.dwa_title(dwa).is_some_and(|t| !t.is_empty()));
    }
    let programming = dev.skill_rating("2.B.3.e").expect("Programming skill");
    assert_eq!(programming.name, "Programming");
    assert!(programming.importance >= 3.0, "{programming:?}");
    let rated = c.role("15-1251.00").expect("Computer Programmers");
    assert!(!rated.estimated.any());
    let rated_programming = rated.skill_rating("2.B.3.e").expect("Programming skill");
    assert!(rated_programming.importance >= 4.0, "{rated_programming:?}");
    assert!(dev.technology.iter().any(|t| t.hot));
    assert!(
        dev.alternate_titles
            .iter()
            .any(|t| t.contains("Developer") || t.contains("Engineer"))
    );
    assert_eq!(dev.family().name, "Computer and Mathematical");
    assert_eq!(dev.seniority(), Seniority::IndividualContributor);
    assert_eq!(dev.esco_match, EscoMatch::Direct);
    assert!(dev.education.is_some());
    assert!(
        dev.estimated.skills && dev.estimated.knowledge,
        "O*NET 29.3 does not rate it"
    );
    assert!(!dev.estimated.job_zone && !dev.estimated.interests);
    assert!(dev.estimated.from.iter().any(|c| c.starts_with("15-")));
    assert!(c.role("15-1252").is_some_and(|r| r.code == "15-1252.00"));
}

#[test]
fn unknown_codes_find_nothing() {
    let c = bundled();
    assert!(c.role("99-9999.99").is_none());
    assert!(c.role("").is_none());
    assert!(c.role_skills("nope").is_empty());
    assert!(c.skill("not-a-uuid").is_none());
}

#[test]
fn every_role_is_well_formed() {
    let c = bundled();
    for role in c.roles() {
        assert_eq!(role.code.len(), 10, "{}", role.code);
        assert!(
            !role.title.is_empty() && !role.description.is_empty(),
            "{}",
            role.code
        );
        assert!(Family::of_code(&role.code).is_some(), "{}", role.code);
        if let Some(zone) = role.job_zone {
            assert!((1..=5).contains(&zone), "{} zone {zone}", role.code);
        }
        for r in role.skills.iter().chain(&role.knowledge) {
            assert!((1.0..=5.0).contains(&r.importance), "{} {:?}", role.code, r);
            assert!((0.0..=7.0).contains(&r.level), "{} {:?}", role.code, r);
            assert!(!r.name.is_empty() && !r.element_id.is_empty());
        }
        for s in role.work_values.iter().chain(&role.interests) {
            assert!((1.0..=7.0).contains(&s.value), "{} {:?}", role.code, s);
        }
        for t in &role.tasks {
            assert!(!t.text.is_empty());
            for &d in &t.dwas {
                assert!(c.dwa(d).is_some());
            }
        }
        let mut last = f32::INFINITY;
        for rs in &role.esco_skills {
            assert!(
                rs.weight > 0.0 && rs.weight <= 1.0,
                "{} {:?}",
                role.code,
                rs
            );
            assert!(rs.weight <= last, "{} role skills not sorted", role.code);
            last = rs.weight;
            assert_eq!(
                c.skill_at(rs.skill_index).map(|s| s.id.as_str()),
                Some(rs.skill_id.as_str())
            );
        }
        assert!(role.esco_skills.len() <= 60);
        assert_eq!(
            role.esco_match == EscoMatch::None,
            role.esco_occupations.is_empty(),
            "{}",
            role.code
        );
    }
}

#[test]
fn most_roles_have_ratings_and_tasks() {
    let c = bundled();
    let n = c.roles().len() as f64;
    let rated = c.roles().iter().filter(|r| r.skills.len() == 35).count() as f64;
    let tasked = c.roles().iter().filter(|r| !r.tasks.is_empty()).count() as f64;
    let zoned = c.roles().iter().filter(|r| r.job_zone.is_some()).count() as f64;
    println!(
        "roles with 35 skill ratings: {:.1}%, tasks: {:.1}%, job zone: {:.1}%",
        100.0 * rated / n,
        100.0 * tasked / n,
        100.0 * zoned / n
    );
    assert!(rated / n > 0.85);
    assert!(tasked / n > 0.9);
    assert!(zoned / n > 0.85);
    assert!(
        c.roles()
            .iter()
            .flat_map(|r| &r.tasks)
            .any(|t| t.kind == TaskKind::Supplemental)
    );
}

#[test]
fn most_roles_have_esco_skills() {
    let c = bundled();
    let n = c.roles().len() as f64;
    let with = c
        .roles()
        .iter()
        .filter(|r| !c.role_skills(&r.code).is_empty())
        .count() as f64;
    let count = |m: EscoMatch| c.roles().iter().filter(|r| r.esco_match == m).count();
    println!(
        "roles with ESCO skills: {:.1}% (direct {}, same SOC {}, ISCO {}, none {})",
        100.0 * with / n,
        count(EscoMatch::Direct),
        count(EscoMatch::SameSoc),
        count(EscoMatch::Isco),
        count(EscoMatch::None)
    );
    assert!(with / n > 0.9, "share {:.3}", with / n);
    let nurse_skills: Vec<&str> = c
        .role_skills_detailed("29-1141.00")
        .map(|(s, _)| s.label.as_str())
        .collect();
    assert!(
        nurse_skills.iter().any(|l| l.contains("nursing")),
        "{nurse_skills:?}"
    );
    let dev = c.role_skills("15-1252.00");
    assert!(dev.iter().any(|rs| rs.essential));
    assert!(
        dev[0].essential,
        "essential skills should lead: {:?}",
        dev[0]
    );
}

#[test]
fn skills_are_well_formed() {
    let c = bundled();
    assert!(c.skills().windows(2).all(|w| w[0].id < w[1].id));
    for s in c.skills() {
        assert_eq!(s.id.len(), 36, "{}", s.id);
        assert!(!s.label.is_empty(), "{}", s.id);
        assert!(s.description.chars().count() <= 300, "{}", s.id);
    }
    let knowledge = c
        .skills()
        .iter()
        .filter(|s| s.kind == SkillKind::Knowledge)
        .count();
    let competences = c
        .skills()
        .iter()
        .filter(|s| s.kind == SkillKind::SkillCompetence)
        .count();
    let languages = c
        .skills()
        .iter()
        .filter(|s| s.kind == SkillKind::Language)
        .count();
    assert!(
        knowledge > 2_500 && competences > 9_000 && languages > 100,
        "{knowledge} {competences} {languages}"
    );
    let described = c
        .skills()
        .iter()
        .filter(|s| !s.description.is_empty())
        .count();
    println!(
        "skills with a description: {described} of {}",
        c.skills().len()
    );
    let python = c
        .skill("ccd0a1d9-afda-43d9-b901-96344886e14d")
        .expect("Python");
    assert_eq!(python.label, "Python (computer programming)");
    assert_eq!(c.skill(&python.uri()).map(|s| &s.id), Some(&python.id));
}

#[test]
fn attribution_carries_the_required_credits() {
    assert!(ATTRIBUTION.contains(
        "This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, \
         Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a \
         trademark of USDOL/ETA."
    ));
    assert!(ATTRIBUTION.contains("ESCO, European Commission (https://esco.ec.europa.eu)"));
    assert!(ATTRIBUTION.contains("modified"));
}

#[test]
fn families_and_seniority_shape_an_org() {
    let c = bundled();
    let execs = c
        .roles()
        .iter()
        .filter(|r| r.seniority() == Seniority::Executive)
        .count();
    let managers = c
        .roles()
        .iter()
        .filter(|r| r.seniority() == Seniority::Manager)
        .count();
    let supervisors = c
        .roles()
        .iter()
        .filter(|r| r.seniority() == Seniority::Supervisor)
        .count();
    let ics = c
        .roles()
        .iter()
        .filter(|r| r.seniority() == Seniority::IndividualContributor)
        .count();
    println!(
        "seniority: executive {execs}, manager {managers}, supervisor {supervisors}, IC {ics}"
    );
    assert!(execs >= 2 && execs < managers && managers < ics && supervisors > 20);
    assert_eq!(
        c.role("11-1011.00").map(|r| r.seniority()),
        Some(Seniority::Executive)
    );
    assert_eq!(c.role("29-1141.00").map(|r| r.family().code), Some(29));
    let families: std::collections::HashSet<u8> =
        c.roles().iter().map(|r| r.family().code).collect();
    assert_eq!(families.len(), 23);
}

#[test]
fn roles_and_skills_serialise_to_json() {
    let c = bundled();
    let nurse = c.role("29-1141.00").expect("Registered Nurses");
    let json = serde_json::to_value(nurse).expect("role serialises");
    assert_eq!(json["code"], "29-1141.00");
    assert_eq!(json["esco_match"], "direct");
    assert!(json["skills"].as_array().is_some_and(|a| a.len() == 35));
    let python = c.search_skills("python", 1);
    let json = serde_json::to_value(python[0]).expect("skill serialises");
    assert_eq!(json["kind"], "knowledge");
    let hits = c.search_roles("RN", 1);
    let json = serde_json::to_value(&hits[0]).expect("hit serialises");
    assert_eq!(json["matched"], "RN");
    assert_eq!(
        serde_json::to_value(Seniority::IndividualContributor).ok(),
        Some("individual_contributor".into())
    );
}

#[test]
fn job_zones_have_onet_names() {
    let c = bundled();
    assert_eq!(
        c.role("29-1141.00").and_then(|r| r.job_zone_label()),
        Some("Considerable Preparation Needed")
    );
    assert_eq!(
        ladderless_catalogue::job_zone_label(1),
        Some("Little or No Preparation Needed")
    );
    assert_eq!(ladderless_catalogue::job_zone_label(6), None);
}

#[test]
fn estimates_fill_only_what_onet_leaves_out() {
    let c = bundled();
    let estimated: Vec<_> = c.roles().iter().filter(|r| r.estimated.any()).collect();
    println!("roles with estimated descriptors: {}", estimated.len());
    assert!(estimated.len() < 150);
    for role in &estimated {
        for from in &role.estimated.from {
            let source = c.role(from).expect("estimates come from catalogue roles");
            assert!(
                !source.estimated.skills,
                "{} estimated from estimated {}",
                role.code, from
            );
        }
        if role.estimated.skills {
            assert!(!role.skills.is_empty(), "{}", role.code);
        }
    }
    // "All Other" roles borrow from their SOC group.
    let other = c
        .role("15-1299.00")
        .expect("Computer Occupations, All Other");
    assert!(other.estimated.skills && other.estimated.job_zone);
    assert!(other.estimated.from.iter().all(|f| f.starts_with("15-1")));
    // Rated roles are untouched.
    let nurse = c.role("29-1141.00").expect("Registered Nurses");
    assert!(!nurse.estimated.any());
}
