//! A small hand-made graph for unit tests of the queries (paths, gaps, explanations).

use std::collections::HashMap;
use std::time::Duration;

use ladderless_catalogue::{Family, Seniority};

use crate::edges::Edge;
use crate::features::{Features, N_COMP};
use crate::graph::{Graph, Node, NodeSkill};
use crate::kind::{Meta, classify};
use crate::model::SkillArea;
use crate::paths;
use crate::profiles::{Element, Level, Profiles};
use crate::weights::Weights;

/// A toy role: code, job zone, ESCO skill indexes, (importance, level) of two O*NET skills.
pub(crate) struct ToyRole {
    pub code: &'static str,
    pub zone: u8,
    pub skills: &'static [u32],
    pub ratings: [(f32, f32); 2],
}

/// Builds a graph from toy roles and scored edges (from code, to code, score).
pub(crate) fn graph(roles: &[ToyRole], edges: &[(&str, &str, f32)]) -> Graph {
    let nodes: Vec<Node> = roles
        .iter()
        .map(|r| Node {
            code: r.code.to_owned(),
            title: format!("Role {}", r.code),
            meta: Meta {
                job_zone: Some(r.zone),
                seniority: Seniority::IndividualContributor,
                family: Family::of_code(r.code).unwrap_or(Family::UNKNOWN),
                residual: false,
            },
            skills: r
                .skills
                .iter()
                .map(|&index| NodeSkill {
                    index,
                    weight: 1.0 / (1.0 + index as f32),
                    essential: index % 2 == 0,
                })
                .collect(),
            dwas: Vec::new(),
        })
        .collect();
    let index: HashMap<String, u32> = (0u32..)
        .zip(&nodes)
        .map(|(i, n)| (n.code.clone(), i))
        .collect();
    let mut out: Vec<Vec<Edge>> = vec![Vec::new(); nodes.len()];
    for &(from, to, score) in edges {
        let (a, b) = (index[from], index[to]);
        out[a as usize].push(Edge {
            to: b,
            score,
            similarity: score,
            kind: classify(&nodes[a as usize].meta, &nodes[b as usize].meta),
            observed: 0,
            curated: false,
            note: None,
        });
    }
    for list in &mut out {
        list.sort_by(|a, b| b.score.total_cmp(&a.score));
    }
    let profiles = Profiles {
        elements: vec![
            element("2.A.1.a", "Reading Comprehension", SkillArea::OnetSkill),
            element(
                "2.C.1.a",
                "Administration and Management",
                SkillArea::OnetKnowledge,
            ),
        ],
        rows: roles
            .iter()
            .map(|r| {
                r.ratings
                    .iter()
                    .map(|&(importance, level)| Some(Level { importance, level }))
                    .collect()
            })
            .collect(),
    };
    let skills = (0..10)
        .map(|i| (format!("skill-{i}"), format!("Skill {i}")))
        .collect();
    Graph {
        incoming: paths::incoming(&out),
        features: Features {
            vectors: vec![vec![Vec::new(); nodes.len()]; N_COMP],
            norms: vec![Vec::new(); N_COMP],
            spread: vec![0.0; N_COMP],
            estimated: vec![vec![false; nodes.len()]; N_COMP + 1],
        },
        nodes,
        index,
        edges: out,
        profiles,
        skills,
        weights: Weights::default(),
        skipped: Vec::new(),
        build_time: Duration::ZERO,
    }
}

fn element(id: &str, name: &str, area: SkillArea) -> Element {
    Element {
        id: id.to_owned(),
        name: name.to_owned(),
        area,
    }
}
