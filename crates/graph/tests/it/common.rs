//! The graph shared by the integration tests: the bundled catalogue plus observed moves,
//! curated edges and organisation roles that touch few roles, built once per test binary.

#![allow(dead_code)]

use std::sync::OnceLock;

use ladderless_catalogue::bundled;
use ladderless_graph::{CuratedAction, CuratedEdge, Graph, Inputs, OrgRoleInput};

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

pub fn top_codes(code: &str, top: usize) -> Vec<String> {
    graph()
        .neighbours(code, top)
        .expect("known role")
        .iter()
        .map(|n| n.to.to_owned())
        .collect()
}

pub fn codes(moves: &[ladderless_graph::Move]) -> Vec<&str> {
    moves.iter().map(|m| m.to.as_str()).collect()
}

pub fn family(code: &str) -> &str {
    &code[..2]
}
