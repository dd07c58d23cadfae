//! Next moves over the bundled catalogue: sensible moves for well-known roles, invariants
//! over every role, kinds, skills and explanations.

use crate::common;

use std::collections::HashSet;

use common::{codes, family, graph, top_codes};
use ladderless_catalogue::bundled;
use ladderless_graph::{Error, MoveKind, Source};

#[test]
fn registered_nurse_moves_into_nursing_and_health() {
    let top = top_codes("29-1141.00", 10);
    let health = top
        .iter()
        .filter(|c| matches!(family(c), "29" | "31") || c.starts_with("11-9111"))
        .count();
    assert!(health >= 9, "{top:?}");
    let nursing = [
        "29-1171.00",
        "29-2061.00",
        "29-1141.01",
        "29-1141.03",
        "29-1141.04",
    ];
    assert!(
        nursing
            .iter()
            .filter(|c| top.contains(&c.to_string()))
            .count()
            >= 3,
        "{top:?}"
    );
    let up = graph()
        .next_moves_of_kind("29-1141.00", MoveKind::Up, 10)
        .unwrap();
    assert!(
        up.iter().any(|m| m.to == "29-1171.00"),
        "nurse practitioner is a step up: {:?}",
        codes(&up)
    );
}

#[test]
fn software_developer_moves_within_computing() {
    let top = top_codes("15-1252.00", 10);
    let computing = top
        .iter()
        .filter(|c| family(c) == "15" || c.starts_with("17-2061") || c.starts_with("11-3021"))
        .count();
    assert!(computing >= 9, "{top:?}");
    assert!(
        ["15-1251.00", "15-1253.00", "15-1254.00", "15-1211.00"]
            .iter()
            .any(|c| top.contains(&c.to_string())),
        "{top:?}"
    );
    let up = graph()
        .next_moves_of_kind("15-1252.00", MoveKind::Up, 20)
        .unwrap();
    assert!(
        up.iter()
            .any(|m| m.to.starts_with("11-3021") || m.to.starts_with("15-1221")),
        "{:?}",
        codes(&up)
    );
}

#[test]
fn heavy_truck_driver_moves_to_driving_and_operating() {
    let top = top_codes("53-3032.00", 10);
    assert!(
        top.contains(&"53-3033.00".to_owned()),
        "light truck drivers: {top:?}"
    );
    let transport = top
        .iter()
        .filter(|c| matches!(family(c), "53" | "47" | "49"))
        .count();
    assert!(transport >= 9, "{top:?}");
}

#[test]
fn chief_executive_has_few_up_moves_and_executive_sideways() {
    let moves = graph().next_moves("11-1011.00", 10).unwrap();
    let codes: Vec<&str> = moves.iter().map(|m| m.to.as_str()).collect();
    let up = moves.iter().filter(|m| m.kind == MoveKind::Up).count();
    assert!(up <= 2, "{up} up moves: {codes:?}");
    let management = codes.iter().filter(|c| c.starts_with("11-")).count();
    assert!(management >= 8, "{codes:?}");
    let sideways: Vec<String> = graph()
        .next_moves_of_kind("11-1011.00", MoveKind::Sideways, 10)
        .unwrap()
        .into_iter()
        .map(|m| m.to)
        .collect();
    assert!(
        sideways
            .iter()
            .any(|c| c == "11-1021.00" || c == "11-1011.03"),
        "general and operations managers or another chief: {sideways:?}"
    );
    assert!(
        sideways.iter().filter(|c| c.starts_with("11-")).count() >= 8,
        "{sideways:?}"
    );
}

#[test]
fn every_role_has_ten_ranked_moves_and_no_one_dominates() {
    let g = graph();
    let mut seen = HashSet::new();
    let mut appearances = std::collections::HashMap::<String, usize>::new();
    for code in g.codes() {
        let moves = g.neighbours(code, 10).unwrap();
        assert_eq!(moves.len(), 10, "{code}");
        assert!(moves.iter().all(|m| m.to != code), "{code} moves to itself");
        assert!(
            moves.iter().all(|m| (0.0..=1.0).contains(&m.score)),
            "{code}"
        );
        assert!(
            moves.windows(2).all(|w| w[0].score >= w[1].score),
            "{code} not sorted"
        );
        let targets: HashSet<&str> = moves.iter().map(|m| m.to).collect();
        assert_eq!(targets.len(), 10, "{code} repeats a target");
        for m in moves {
            seen.insert(m.to.to_owned());
            *appearances.entry(m.to.to_owned()).or_default() += 1;
        }
    }
    assert!(
        seen.len() >= 800,
        "only {} distinct roles in all top-10 lists",
        seen.len()
    );
    let most = appearances.values().max().copied().unwrap_or(0);
    assert!(most <= 60, "one role is in {most} top-10 lists");
}

#[test]
fn up_moves_need_more_preparation_or_seniority() {
    let catalogue = bundled();
    for role in catalogue.roles().iter().step_by(7) {
        for m in graph().next_moves(&role.code, 10).unwrap() {
            let Some(target) = catalogue.role(&m.to) else {
                continue;
            };
            let more_senior = target.seniority() < role.seniority();
            let more_prep = matches!((role.job_zone, target.job_zone), (Some(a), Some(b)) if b > a)
                && target.seniority() == role.seniority();
            let is_up = more_senior || more_prep;
            assert_eq!(m.kind == MoveKind::Up, is_up, "{} → {}", role.code, m.to);
            if !is_up {
                let same_family = target.family() == role.family();
                let expected = if same_family {
                    MoveKind::Sideways
                } else {
                    MoveKind::Across
                };
                assert_eq!(m.kind, expected, "{} → {}", role.code, m.to);
            }
        }
    }
}

#[test]
fn moves_carry_skills_name_gaps_and_explain_themselves() {
    let moves = graph().next_moves("29-2061.00", 10).unwrap();
    let np = graph()
        .next_moves_of_kind("29-2061.00", MoveKind::Up, 20)
        .unwrap();
    for m in moves.iter().chain(&np) {
        assert!(!m.why.is_empty() && m.why.ends_with('.'), "{}", m.why);
        assert!(
            m.sources
                .iter()
                .any(|s| matches!(s, Source::Similarity { .. }))
        );
        assert!(!m.carried.is_empty(), "{} carries nothing", m.to);
    }
    let up = np.first().expect("an up move from LPN");
    assert!(
        !up.to_gain.is_empty(),
        "a step up needs something new: {up:?}"
    );
    assert!(up.why.contains("step up"), "{}", up.why);
}

#[test]
fn unknown_roles_are_errors_and_bare_soc_codes_resolve() {
    assert!(
        matches!(graph().next_moves("99-9999.00", 5), Err(Error::UnknownRole(c)) if c == "99-9999.00")
    );
    assert_eq!(top_codes("15-1252", 3), top_codes("15-1252.00", 3));
    assert_eq!(graph().title("15-1252"), Some("Software Developers"));
}

#[test]
fn the_graph_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync + 'static>() {}
    shareable::<ladderless_graph::Graph>();
    let g = graph();
    let lists: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = ["29-1141.00", "15-1252.00"]
            .iter()
            .map(|code| s.spawn(move || g.next_moves(code, 5).unwrap().len()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(lists, [5, 5]);
}
