//! The career graph over the bundled catalogue: sensible moves for well-known roles,
//! invariants over every role, observed and curated moves, organisation roles, paths, output.
//!
//! One graph is built per test binary (building is the slow part in debug builds).

use std::collections::HashSet;
use std::sync::OnceLock;

use ladderless_catalogue::bundled;
use ladderless_graph::{
    CuratedAction, CuratedEdge, Error, Format, Graph, Inputs, MoveKind, OrgRoleInput, Source,
    write_moves,
};

mod fixture {
    use super::*;

    pub const OBSERVED_FROM: &str = "43-4051.00"; // Customer Service Representatives
    pub const OBSERVED_TO: &str = "13-1071.00"; // Human Resources Specialists
    pub const OBSERVED_COUNT: usize = 25;
    pub const ADDED_FROM: &str = "41-2031.00"; // Retail Salespersons
    pub const ADDED_TO: &str = "15-1252.00"; // Software Developers
    pub const REMOVED_FROM: &str = "53-3033.00"; // Light Truck Drivers
    pub const REMOVED_TO: &str = "53-3032.00"; // Heavy and Tractor-Trailer Truck Drivers
    pub const ANNOTATED_FROM: &str = "29-1141.00";
    pub const ANNOTATED_TO: &str = "29-1141.03";
    pub const ORG: &str = "ORG-PLATFORM-ENG";

    fn inputs() -> (Vec<(String, String)>, Vec<CuratedEdge>, Vec<OrgRoleInput>) {
        let mut observed = vec![(OBSERVED_FROM.to_owned(), OBSERVED_TO.to_owned()); OBSERVED_COUNT];
        observed.push(("99-9999.99".to_owned(), OBSERVED_TO.to_owned()));
        let curated = |from: &str, to: &str, action, note: Option<&str>| CuratedEdge {
            from: from.to_owned(),
            to: to.to_owned(),
            action,
            note: note.map(str::to_owned),
            score: None,
            kind: None,
        };
        let curated = vec![
            curated(
                ADDED_FROM,
                ADDED_TO,
                CuratedAction::Add,
                Some("Our coding bootcamp"),
            ),
            curated(REMOVED_FROM, REMOVED_TO, CuratedAction::Remove, None),
            curated(
                ANNOTATED_FROM,
                ANNOTATED_TO,
                CuratedAction::Annotate,
                Some("Ask the ICU lead"),
            ),
            curated(
                ANNOTATED_FROM,
                "53-3032.00",
                CuratedAction::Annotate,
                Some("no such move"),
            ),
        ];
        let catalogue = bundled();
        let skill_ids = [
            "cloud technologies",
            "DevOps",
            "Linux",
            "software design patterns",
        ]
        .iter()
        .filter_map(|q| catalogue.search_skills(q, 1).first().map(|s| s.id.clone()))
        .collect();
        let org = vec![
            OrgRoleInput {
                code: ORG.to_owned(),
                title: "Platform Engineer".to_owned(),
                description: "Builds and runs the internal developer platform: cloud \
                    infrastructure, deployment pipelines, monitoring of production systems, \
                    and the software tools other developers use."
                    .to_owned(),
                skill_ids,
            },
            OrgRoleInput {
                code: "PLATFORM".to_owned(),
                title: "No prefix".to_owned(),
                description: String::new(),
                skill_ids: Vec::new(),
            },
        ];
        (observed, curated, org)
    }

    /// The graph with the fixture's observed, curated and organisation inputs.
    pub fn graph() -> &'static Graph {
        static GRAPH: OnceLock<Graph> = OnceLock::new();
        GRAPH.get_or_init(|| {
            let (observed, curated, org_roles) = inputs();
            Graph::build(
                bundled(),
                &Inputs {
                    observed: &observed,
                    curated: &curated,
                    org_roles: &org_roles,
                },
            )
        })
    }
}

use fixture::graph;

fn top_codes(code: &str, top: usize) -> Vec<String> {
    graph()
        .neighbours(code, top)
        .expect("known role")
        .iter()
        .map(|n| n.to.to_owned())
        .collect()
}

fn codes(moves: &[ladderless_graph::Move]) -> Vec<&str> {
    moves.iter().map(|m| m.to.as_str()).collect()
}

fn family(code: &str) -> &str {
    &code[..2]
}

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
fn observed_moves_boost_and_are_counted() {
    let moves = graph().next_moves(fixture::OBSERVED_FROM, 50).unwrap();
    let m = moves
        .iter()
        .find(|m| m.to == fixture::OBSERVED_TO)
        .expect("observed move present");
    let similarity = m.sources.iter().find_map(|s| match s {
        Source::Similarity { score } => Some(*score),
        _ => None,
    });
    assert!(m.sources.contains(&Source::Observed {
        count: fixture::OBSERVED_COUNT as u32
    }));
    let expected = (similarity.unwrap_or(0.0) + 0.3).min(1.0);
    assert!(
        (m.score - expected).abs() < 1e-4,
        "{} vs {expected}",
        m.score
    );
    assert!(m.why.contains("25 people"), "{}", m.why);
    assert!(
        graph()
            .skipped()
            .iter()
            .any(|s| s.contains("1 observed moves")),
        "{:?}",
        graph().skipped()
    );
}

#[test]
fn curated_edges_add_remove_and_annotate() {
    let first = &graph().next_moves(fixture::ADDED_FROM, 1).unwrap()[0];
    assert_eq!(first.to, fixture::ADDED_TO);
    assert_eq!(first.score, 1.0);
    assert!(first.sources.contains(&Source::Curated {
        note: Some("Our coding bootcamp".into())
    }));
    assert!(first.why.contains("Our coding bootcamp"), "{}", first.why);
    assert!(!top_codes(fixture::REMOVED_FROM, 100).contains(&fixture::REMOVED_TO.to_owned()));
    let annotated = graph().next_moves(fixture::ANNOTATED_FROM, 10).unwrap();
    let m = annotated
        .iter()
        .find(|m| m.to == fixture::ANNOTATED_TO)
        .expect("annotated move kept");
    assert!(m.sources.contains(&Source::Curated {
        note: Some("Ask the ICU lead".into())
    }));
    assert!(
        graph().skipped().iter().any(|s| s.contains("no such move")),
        "{:?}",
        graph().skipped()
    );
}

#[test]
fn organisation_roles_get_moves_and_are_reachable() {
    let g = graph();
    assert!(g.contains(fixture::ORG));
    assert!(
        !g.contains("PLATFORM"),
        "a role without the ORG- prefix is skipped"
    );
    assert!(g.skipped().iter().any(|s| s.contains("`PLATFORM`")));
    let top = top_codes(fixture::ORG, 10);
    let computing = top
        .iter()
        .filter(|c| matches!(family(c), "15" | "17" | "11"))
        .count();
    assert!(computing >= 7, "{top:?}");
    let paths = g.paths("15-1252.00", fixture::ORG, 3, 4).unwrap();
    assert!(!paths.is_empty(), "the organisation role is reachable");
}

#[test]
fn paths_lead_to_the_target_with_gaps() {
    let paths = graph().paths("29-2061.00", "29-1171.00", 5, 4).unwrap();
    assert_eq!(paths.len(), 5);
    for p in &paths {
        assert_eq!(p.steps.first().unwrap().from, "29-2061.00");
        assert_eq!(p.steps.last().unwrap().to, "29-1171.00");
        assert!(p.steps.windows(2).all(|w| w[0].to == w[1].from));
        assert!(p.steps.len() <= 4);
        assert!(p.steps.iter().any(|s| !s.to_gain.is_empty()));
    }
    assert!(paths.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn csv_output_has_the_contract_header_and_ranks() {
    let mut out = Vec::new();
    write_moves(graph(), Some("53-3032.00"), 7, Format::Csv, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("from_code,to_code,rank,score,kind"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 7);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], "53-3032.00");
        assert_eq!(row[2], (i + 1).to_string());
        assert!(row[3].parse::<f32>().is_ok());
        assert!(["up", "sideways", "across"].contains(&row[4]), "{row:?}");
    }
    let mut all = Vec::new();
    write_moves(graph(), None, 2, Format::Csv, &mut all).unwrap();
    assert_eq!(
        String::from_utf8(all).unwrap().lines().count(),
        1 + 2 * graph().len()
    );
}

#[test]
fn json_and_table_output() {
    let mut out = Vec::new();
    write_moves(graph(), Some("15-1252.00"), 3, Format::Json, &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(value["from"], "15-1252.00");
    assert_eq!(value["moves"].as_array().map(Vec::len), Some(3));
    assert!(
        value["moves"][0]["why"]
            .as_str()
            .is_some_and(|w| !w.is_empty())
    );
    let mut table = Vec::new();
    write_moves(graph(), Some("15-1252.00"), 3, Format::Table, &mut table).unwrap();
    let table = String::from_utf8(table).unwrap();
    assert!(
        table.starts_with("Next moves from 15-1252.00 Software Developers"),
        "{table}"
    );
    assert_eq!(table.lines().count(), 5);
    let err = write_moves(graph(), Some("nope"), 3, Format::Csv, &mut Vec::new());
    assert!(matches!(err, Err(Error::UnknownRole(_))));
    assert!("xml".parse::<Format>().is_err());
}
