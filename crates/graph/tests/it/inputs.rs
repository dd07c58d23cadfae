//! What the organisation adds (observed moves, curated edges, its own roles), paths,
//! suggested targets and the `ladderless moves` output formats.

use crate::common;

use common::{family, graph, top_codes};
use ladderless_graph::{Error, Format, MoveKind, Source, write_moves};

#[test]
fn observed_moves_boost_and_are_counted() {
    let moves = graph().next_moves(common::OBSERVED_FROM, 50).unwrap();
    let m = moves
        .iter()
        .find(|m| m.to == common::OBSERVED_TO)
        .expect("observed move present");
    let similarity = m.sources.iter().find_map(|s| match s {
        Source::Similarity { score } => Some(*score),
        _ => None,
    });
    assert!(m.sources.contains(&Source::Observed {
        count: common::OBSERVED_COUNT as u32
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
    let first = &graph().next_moves(common::ADDED_FROM, 1).unwrap()[0];
    assert_eq!(first.to, common::ADDED_TO);
    assert_eq!(first.score, 1.0);
    assert!(first.sources.contains(&Source::Curated {
        note: Some("Our coding bootcamp".into())
    }));
    assert!(first.why.contains("Our coding bootcamp"), "{}", first.why);
    assert!(!top_codes(common::REMOVED_FROM, 100).contains(&common::REMOVED_TO.to_owned()));
    let annotated = graph().next_moves(common::ANNOTATED_FROM, 10).unwrap();
    let m = annotated
        .iter()
        .find(|m| m.to == common::ANNOTATED_TO)
        .expect("annotated move kept");
    assert!(m.sources.contains(&Source::Curated {
        note: Some("Ask the ICU lead".into())
    }));
    assert!(
        graph().skipped().iter().any(|s| s.contains("no such move")),
        "{:?}",
        graph().skipped()
    );
    let between = graph()
        .move_between(common::ANNOTATED_FROM, common::ANNOTATED_TO)
        .unwrap()
        .expect("annotated move");
    assert_eq!(&between, m);
    assert_eq!(
        graph()
            .move_between(common::REMOVED_FROM, common::REMOVED_TO)
            .unwrap(),
        None
    );
    let mut table = Vec::new();
    write_moves(
        graph(),
        Some(common::ADDED_FROM),
        2,
        Format::Table,
        &mut table,
    )
    .unwrap();
    let table = String::from_utf8(table).unwrap();
    let first = table.lines().nth(2).unwrap_or("");
    assert!(
        first.contains("15-1252.00") && first.ends_with("[curated: Our coding bootcamp]"),
        "{table}"
    );
}

#[test]
fn organisation_roles_get_moves_and_are_reachable() {
    let g = graph();
    assert!(g.contains(common::ORG));
    assert!(
        !g.contains("PLATFORM"),
        "a role without the ORG- prefix is skipped"
    );
    assert!(g.skipped().iter().any(|s| s.contains("`PLATFORM`")));
    let top = top_codes(common::ORG, 10);
    let computing = top
        .iter()
        .filter(|c| matches!(family(c), "15" | "17" | "11"))
        .count();
    assert!(computing >= 7, "{top:?}");
    let best = g.neighbours(common::ORG, 1).unwrap()[0].score;
    assert!(
        best >= 0.2,
        "scored like a catalogue role's best move, not {best}"
    );
    let computing_roles_with_it = g
        .codes()
        .filter(|c| c.starts_with("15-"))
        .filter(|c| top_codes(c, 25).iter().any(|t| t == common::ORG))
        .count();
    assert!(computing_roles_with_it >= 3, "{computing_roles_with_it}");
    let paths = g.paths("15-1252.00", common::ORG, 3, 4).unwrap();
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

#[test]
fn suggested_targets_are_steps_up_within_reach() {
    let targets = graph()
        .suggest_targets("29-2061.00", MoveKind::Up, 10, 3)
        .unwrap();
    let codes: Vec<&str> = targets.iter().map(|t| t.to.as_str()).collect();
    assert_eq!(targets.len(), 10, "{codes:?}");
    assert!(codes.contains(&"29-1141.00"), "LPN → RN: {codes:?}");
    assert!(
        targets
            .iter()
            .all(|t| t.kind == MoveKind::Up && t.via.len() < 3)
    );
    let ceo = graph()
        .suggest_targets("11-1011.00", MoveKind::Up, 10, 3)
        .unwrap();
    assert!(
        ceo.is_empty(),
        "nothing is above a chief executive: {ceo:?}"
    );
}

#[test]
fn an_organisation_role_without_evidence_gets_no_moves_but_does_not_break_the_graph() {
    let org = [ladderless_graph::OrgRoleInput {
        code: "ORG-X".to_owned(),
        title: "The".to_owned(),
        description: String::new(),
        skill_ids: Vec::new(),
    }];
    let g = ladderless_graph::Graph::build(
        ladderless_catalogue::bundled(),
        &ladderless_graph::Inputs {
            org_roles: &org,
            ..Default::default()
        },
    );
    assert!(g.contains("ORG-X"));
    assert!(g.next_moves("ORG-X", 10).unwrap().is_empty());
    assert_eq!(g.neighbours("15-1252.00", 10).unwrap().len(), 10);
}
