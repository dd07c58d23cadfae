//! Plain-English explanations of moves.

use ladderless_catalogue::job_zone_label;

use crate::edges::Edge;
use crate::features::Comp;
use crate::graph::Graph;
use crate::kind::{Meta, seniority_rank};
use crate::model::MoveKind;
use crate::similarity;

/// What each kind of evidence is called in an explanation.
fn phrase(c: Comp) -> &'static str {
    match c {
        Comp::Tasks => "similar tasks",
        Comp::Titles => "related job titles",
        Comp::Dwas | Comp::Iwas | Comp::Gwas => "shared work activities",
        Comp::Esco => "shared skills",
        Comp::Technology => "the same tools and technology",
        Comp::Skills => "a similar skill profile",
        Comp::Knowledge => "similar knowledge",
        Comp::Interests => "similar interests",
        Comp::WorkValues => "similar work values",
    }
}

impl Graph {
    /// Why the move along `edge` is suggested, in a few sentences.
    pub(crate) fn why(&self, from: u32, edge: &Edge) -> String {
        let (i, j) = (from as usize, edge.to as usize);
        let mut parts = Vec::new();
        if edge.similarity > 0.0 {
            parts.push(self.similarity_sentence(i, j));
        }
        parts.push(kind_sentence(
            edge.kind,
            &self.nodes[i].meta,
            &self.nodes[j].meta,
        ));
        match edge.observed {
            0 => {}
            1 => parts.push("One person in your organisation made this move.".to_owned()),
            n => parts.push(format!("{n} people in your organisation made this move.")),
        }
        if edge.curated {
            parts.push(match &edge.note {
                Some(note) if !note.trim().is_empty() => {
                    format!("Recommended by your talent team: {}", note.trim())
                }
                _ => "Recommended by your talent team.".to_owned(),
            });
        }
        parts.join(" ")
    }

    fn similarity_sentence(&self, i: usize, j: usize) -> String {
        let sims = similarity::components(&self.features, i, j);
        let mut scored: Vec<(f32, Comp)> = Comp::ALL
            .iter()
            .zip(sims)
            .filter_map(|(&c, s)| Some((s? * self.weights.comp(c), c)))
            .filter(|&(s, _)| s > 0.05)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut phrases: Vec<&str> = Vec::new();
        for (_, c) in scored {
            let p = phrase(c);
            if !phrases.contains(&p) {
                phrases.push(p);
            }
        }
        phrases.truncate(3);
        let shared = shared_sorted(&self.nodes[i].dwas, &self.nodes[j].dwas);
        let mut sentence = match phrases.as_slice() {
            [] => "Some overlap in the work".to_owned(),
            [a] => capitalise(a),
            [a, b] => format!("{} and {b}", capitalise(a)),
            [a, b, c, ..] => format!("{}, {b} and {c}", capitalise(a)),
        };
        if shared > 0 {
            let total = self.nodes[j].dwas.len();
            sentence.push_str(&format!(
                " ({shared} of the {total} work activities of the new role are already yours)"
            ));
        }
        sentence.push('.');
        sentence
    }
}

/// How the move changes level or family.
fn kind_sentence(kind: MoveKind, from: &Meta, to: &Meta) -> String {
    let zone = |z: Option<u8>| z.and_then(job_zone_label).unwrap_or("unknown preparation");
    let up_seniority = seniority_rank(to.seniority) > seniority_rank(from.seniority);
    match kind {
        MoveKind::Up if up_seniority => format!(
            "A step up in responsibility: from {} to {}.",
            from.seniority.label(),
            to.seniority.label()
        ),
        MoveKind::Up => format!(
            "A step up: more preparation ({} rather than {}).",
            zone(to.job_zone).to_lowercase(),
            zone(from.job_zone).to_lowercase()
        ),
        MoveKind::Sideways => format!(
            "Sideways: a similar level in the same family ({}).",
            from.family.name
        ),
        MoveKind::Across => format!(
            "Across: into another family ({}, from {}).",
            to.family.name, from.family.name
        ),
    }
}

/// How many values two sorted lists share.
fn shared_sorted(a: &[u16], b: &[u16]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
