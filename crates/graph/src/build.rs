//! Building a [`Graph`]: nodes from the catalogue and the organisation, features, the
//! similarity matrix, the nearest neighbours, then observed and curated moves.

use std::collections::HashMap;
use std::time::Instant;

use ladderless_catalogue::{Catalogue, Family, Seniority};

use crate::edges::{self, Curation, EdgeInputs};
use crate::features::{Features, NodeSource, OrgSource};
use crate::graph::{Graph, Node, NodeSkill};
use crate::kind::Meta;
use crate::model::{CuratedEdge, Inputs, OrgRoleInput};
use crate::paths;
use crate::profiles::Profiles;
use crate::similarity;
use crate::weights::Weights;

/// How many nearest roles by similarity each role keeps as moves (observed and curated
/// moves come on top).
pub const NEIGHBOURS: usize = 50;

/// The most an organisation role's similarities are scaled up by (see `calibrate_org_roles`).
const MAX_ORG_GAIN: f32 = 5.0;

/// How many nearest catalogue roles an organisation role takes its job zone and family from.
const ORG_ANCHORS: usize = 5;

impl Graph {
    /// Builds the graph of the whole catalogue plus the organisation's inputs, with the
    /// default (tuned) weights.
    pub fn build(catalogue: &Catalogue, inputs: &Inputs<'_>) -> Graph {
        Graph::build_with(catalogue, inputs, &Weights::default())
    }

    /// Builds the graph with explicit weights (for evaluation and baselines).
    pub fn build_with(catalogue: &Catalogue, inputs: &Inputs<'_>, weights: &Weights) -> Graph {
        let started = Instant::now();
        let mut skipped = Vec::new();
        let org = org_roles(catalogue, inputs.org_roles, &mut skipped);
        let (profiles, features) = features(catalogue, &org, weights);
        let zones: Vec<Option<u8>> = catalogue
            .roles()
            .iter()
            .map(|r| r.job_zone)
            .chain(org.iter().map(|_| None))
            .collect();
        let mut matrix = similarity::matrix(&features, &zones, weights);
        let n_roles = catalogue.roles().len();
        calibrate_org_roles(&mut matrix, n_roles);
        let mut nodes: Vec<Node> = catalogue.roles().iter().map(Node::of_role).collect();
        for (i, (o, skills)) in org.iter().enumerate() {
            let meta = org_meta(&matrix, &nodes[..n_roles], n_roles + i, &o.title);
            nodes.push(Node::of_org(o, skills, meta));
        }
        let meta: Vec<Meta> = nodes.iter().map(|n| n.meta).collect();
        let targets = similarity::target_penalties(&matrix, weights);
        let adjusted =
            |i: usize, j: usize| similarity::adjusted(&matrix, &targets, &meta, weights, i, j);
        let index: HashMap<String, u32> = (0u32..)
            .zip(&nodes)
            .map(|(i, n)| (n.code.clone(), i))
            .collect();
        let observed = observed_counts(&index, inputs.observed, &mut skipped);
        let curated = resolve_curated(&index, inputs.curated, &mut skipped);
        let mut nearest = similarity::top_k(&matrix, &targets, &meta, weights, NEIGHBOURS);
        link_org_roles(&mut nearest, n_roles, &matrix, &adjusted);
        let (edges, notes) = edges::assemble(EdgeInputs {
            nearest,
            similarity: &adjusted,
            meta: &meta,
            observed,
            curated,
        });
        skipped.extend(notes);
        let incoming = paths::incoming(&edges);
        Graph {
            nodes,
            index,
            edges,
            incoming,
            profiles,
            features,
            skills: catalogue
                .skills()
                .iter()
                .map(|s| (s.id.clone(), s.label.clone()))
                .collect(),
            weights: weights.clone(),
            skipped,
            build_time: started.elapsed(),
        }
    }
}

/// The O*NET profiles and feature vectors of the catalogue roles, then the organisation's.
fn features(
    catalogue: &Catalogue,
    org: &[(&OrgRoleInput, Vec<u32>)],
    weights: &Weights,
) -> (Profiles, Features) {
    let sources: Vec<NodeSource<'_>> = catalogue
        .roles()
        .iter()
        .map(NodeSource::Role)
        .chain(org.iter().map(|(o, skills)| {
            NodeSource::Org(OrgSource {
                title: &o.title,
                description: &o.description,
                skills,
            })
        }))
        .collect();
    let profiles = Profiles::build(sources.iter().map(|s| match s {
        NodeSource::Role(r) => Some(*r),
        NodeSource::Org(_) => None,
    }));
    let features = Features::build(catalogue, &sources, &profiles, weights.rating_distance);
    (profiles, features)
}

/// Observed moves counted by (from, to) node; moves naming unknown roles are noted.
fn observed_counts(
    index: &HashMap<String, u32>,
    observed: &[(String, String)],
    skipped: &mut Vec<String>,
) -> HashMap<(u32, u32), u32> {
    let mut counts: HashMap<(u32, u32), u32> = HashMap::new();
    let mut unknown = 0usize;
    for (from, to) in observed {
        match (resolve(index, from), resolve(index, to)) {
            (Some(a), Some(b)) if a != b => *counts.entry((a, b)).or_default() += 1,
            (Some(_), Some(_)) => {}
            _ => unknown += 1,
        }
    }
    if unknown > 0 {
        skipped.push(format!(
            "{unknown} observed moves name an unknown role and were ignored"
        ));
    }
    counts
}

/// Curated edges resolved to nodes; edges naming unknown roles (or a role itself) are noted.
fn resolve_curated<'a>(
    index: &HashMap<String, u32>,
    curated: &'a [CuratedEdge],
    skipped: &mut Vec<String>,
) -> Vec<Curation<'a>> {
    let mut out = Vec::new();
    for edge in curated {
        match (resolve(index, &edge.from), resolve(index, &edge.to)) {
            (Some(from), Some(to)) if from != to => out.push(Curation { from, to, edge }),
            _ => skipped.push(format!(
                "curated edge {} → {}: unknown role or a move to itself",
                edge.from, edge.to
            )),
        }
    }
    out
}

/// Rescales the similarities of each organisation role so that its best catalogue match
/// scores like a typical catalogue role's best match: it is known by a title, a description
/// and a few skills only, so its raw similarities are low, which would bury its moves.
fn calibrate_org_roles(matrix: &mut similarity::Matrix, n_roles: usize) {
    let n = matrix.n;
    if n == n_roles {
        return;
    }
    let best =
        |m: &similarity::Matrix, i: usize| m.row(i)[..n_roles].iter().copied().fold(0.0, f32::max);
    let mut tops: Vec<f32> = (0..n_roles).map(|i| best(matrix, i)).collect();
    tops.sort_unstable_by(f32::total_cmp);
    let typical = tops.get(n_roles / 2).copied().unwrap_or(0.0);
    let gains: Vec<f32> = (0..n)
        .map(|i| {
            let top = best(matrix, i);
            if i < n_roles || top <= 0.0 {
                1.0
            } else {
                (typical / top).clamp(1.0, MAX_ORG_GAIN)
            }
        })
        .collect();
    for i in 0..n {
        for j in 0..n {
            let gain = gains[i].max(gains[j]);
            if gain != 1.0 {
                matrix.data[i * n + j] *= gain;
            }
        }
    }
}

/// Makes every organisation role a move from the [`ORG_ANCHORS`] × 2 roles it suits best,
/// so that paths can reach it even when its scores (from fewer kinds of evidence) are lower.
fn link_org_roles(
    nearest: &mut [Vec<(u32, f32)>],
    n_roles: usize,
    matrix: &similarity::Matrix,
    adjusted: &dyn Fn(usize, usize) -> f32,
) {
    for org in n_roles..nearest.len() {
        let mut sources: Vec<(usize, f32)> = (0..nearest.len())
            .filter(|&i| i != org && matrix.row(i)[org] > 0.0)
            .map(|i| (i, adjusted(i, org)))
            .collect();
        sources.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        for &(i, score) in sources.iter().take(ORG_ANCHORS * 2) {
            if !nearest[i].iter().any(|&(j, _)| j as usize == org) {
                nearest[i].push((org as u32, score));
            }
        }
    }
}

/// The node index of a code; a bare six-digit SOC code finds its `.00` occupation.
pub(crate) fn resolve(index: &HashMap<String, u32>, code: &str) -> Option<u32> {
    let code = code.trim();
    index
        .get(code)
        .or_else(|| {
            (code.len() == 7)
                .then(|| index.get(&format!("{code}.00")))
                .flatten()
        })
        .copied()
}

/// Valid organisation roles with their ESCO skill indexes; notes what was left out.
fn org_roles<'a>(
    catalogue: &Catalogue,
    roles: &'a [OrgRoleInput],
    skipped: &mut Vec<String>,
) -> Vec<(&'a OrgRoleInput, Vec<u32>)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for role in roles {
        if !role.code.starts_with("ORG-") || role.title.trim().is_empty() {
            skipped.push(format!(
                "organisation role `{}`: the code must start with ORG- and the title must not be empty",
                role.code
            ));
            continue;
        }
        if !seen.insert(role.code.as_str()) {
            skipped.push(format!("organisation role `{}`: duplicate code", role.code));
            continue;
        }
        let mut skills = Vec::new();
        for id in &role.skill_ids {
            match catalogue.skill(id) {
                Some(skill) => {
                    let at = catalogue.skills().binary_search_by(|s| s.id.cmp(&skill.id));
                    skills.extend(at.ok().and_then(|i| u32::try_from(i).ok()));
                }
                None => skipped.push(format!(
                    "organisation role `{}`: unknown ESCO skill `{id}`",
                    role.code
                )),
            }
        }
        skills.sort_unstable();
        skills.dedup();
        out.push((role, skills));
    }
    out
}

/// An organisation role's level and family: the similarity-weighted job zone and the family
/// of its nearest catalogue roles; seniority from its title.
fn org_meta(matrix: &similarity::Matrix, roles: &[Node], node: usize, title: &str) -> Meta {
    let row = &matrix.row(node)[..roles.len()];
    let mut nearest: Vec<(usize, f32)> = row.iter().copied().enumerate().collect();
    nearest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
    nearest.truncate(ORG_ANCHORS);
    let (mut zone_sum, mut weight_sum) = (0.0, 0.0);
    for &(j, s) in &nearest {
        if let (Some(z), true) = (roles[j].meta.job_zone, s > 0.0) {
            zone_sum += f32::from(z) * s;
            weight_sum += s;
        }
    }
    Meta {
        job_zone: (weight_sum > 0.0).then(|| (zone_sum / weight_sum).round().clamp(1.0, 5.0) as u8),
        seniority: Seniority::of_title(title),
        family: nearest
            .first()
            .filter(|&&(_, s)| s > 0.0)
            .map_or(Family::UNKNOWN, |&(j, _)| roles[j].meta.family),
        residual: false,
    }
}

impl Node {
    fn of_role(role: &ladderless_catalogue::Role) -> Node {
        Node {
            code: role.code.clone(),
            title: role.title.clone(),
            meta: Meta {
                job_zone: role.job_zone,
                seniority: role.seniority(),
                family: role.family(),
                residual: role.title.contains("All Other"),
            },
            skills: role
                .esco_skills
                .iter()
                .map(|s| NodeSkill {
                    index: s.skill_index,
                    weight: s.weight,
                    essential: s.essential,
                })
                .collect(),
            dwas: role.dwas.iter().map(|d| d.0).collect(),
        }
    }

    fn of_org(role: &OrgRoleInput, skills: &[u32], meta: Meta) -> Node {
        Node {
            code: role.code.clone(),
            title: role.title.trim().to_owned(),
            meta,
            skills: skills
                .iter()
                .map(|&index| NodeSkill {
                    index,
                    weight: 1.0,
                    essential: true,
                })
                .collect(),
            dwas: Vec::new(),
        }
    }
}
