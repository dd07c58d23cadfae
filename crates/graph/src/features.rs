//! Feature vectors per role: one sparse, unit-length vector per kind of evidence, so that
//! every similarity is a dot product.

use ladderless_catalogue::{Catalogue, Role, Score, TaskKind};

use crate::model::SkillArea;
use crate::profiles::Profiles;
use crate::sparse::{Counts, Sparse, Vocab, centred, dot, tfidf};
use crate::text;

/// The kinds of evidence compared between roles (the job zone is compared separately).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Comp {
    Tasks,
    Titles,
    Dwas,
    Iwas,
    Gwas,
    Esco,
    Technology,
    Skills,
    Knowledge,
    Interests,
    WorkValues,
}

/// For rating components, the distance (in root-mean-square profile lengths) at which two
/// profiles count as no more alike than unrelated ones.
pub(crate) const DISTANCE_SCALE: f32 = 1.7;

/// Number of [`Comp`] variants.
pub(crate) const N_COMP: usize = 11;

impl Comp {
    /// All components, in index order.
    pub(crate) const ALL: [Comp; N_COMP] = [
        Comp::Tasks,
        Comp::Titles,
        Comp::Dwas,
        Comp::Iwas,
        Comp::Gwas,
        Comp::Esco,
        Comp::Technology,
        Comp::Skills,
        Comp::Knowledge,
        Comp::Interests,
        Comp::WorkValues,
    ];
}

/// What an organisation-specific role brings: title, description and ESCO skill indexes.
pub(crate) struct OrgSource<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub skills: &'a [u32],
}

/// Where a node's features come from.
pub(crate) enum NodeSource<'a> {
    Role(&'a Role),
    Org(OrgSource<'a>),
}

/// Feature vectors of every node, by component.
pub(crate) struct Features {
    /// `vectors[c][node]`, unit length or empty when the node lacks that evidence.
    pub vectors: Vec<Vec<Sparse>>,
    /// `norms[c][node]`: the length of a rating vector before scaling to unit length (rating
    /// components only; empty for the others).
    pub norms: Vec<Vec<f32>>,
    /// `spread[c]`: for rating components, the distance that counts as similarity 0
    /// ([`DISTANCE_SCALE`] × the root-mean-square length); 0 for the cosine components.
    pub spread: Vec<f32>,
    /// `estimated[c][node]`: the node's evidence for component `c` was estimated by the
    /// catalogue from similar roles rather than rated (the job zone is the last entry).
    pub estimated: Vec<Vec<bool>>,
}

impl Features {
    /// Builds every component's vectors for the nodes, in node order.
    pub(crate) fn build(
        catalogue: &Catalogue,
        nodes: &[NodeSource<'_>],
        profiles: &Profiles,
        rating_distance: bool,
    ) -> Features {
        let mut vectors = vec![Vec::new(); N_COMP];
        let mut vocab = Vocab::default();
        let counts: Vec<[Counts; 2]> = nodes.iter().map(|n| text_counts(n, &mut vocab)).collect();
        vectors[Comp::Tasks as usize] = tfidf(counts.iter().map(|c| &c[0]));
        vectors[Comp::Titles as usize] = tfidf(counts.iter().map(|c| &c[1]));
        drop(counts);
        let mut groups = Vocab::default();
        let activities: Vec<[Counts; 3]> = nodes
            .iter()
            .map(|n| activity_counts(catalogue, n, &mut groups))
            .collect();
        for (k, comp) in [Comp::Dwas, Comp::Iwas, Comp::Gwas].into_iter().enumerate() {
            vectors[comp as usize] = tfidf(activities.iter().map(|a| &a[k]));
        }
        let esco: Vec<Counts> = nodes.iter().map(esco_counts).collect();
        vectors[Comp::Esco as usize] = tfidf(esco.iter());
        let mut tech_vocab = Vocab::default();
        let tech: Vec<Counts> = nodes
            .iter()
            .map(|n| technology_counts(n, &mut tech_vocab))
            .collect();
        vectors[Comp::Technology as usize] = tfidf(tech.iter());
        let n = nodes.len();
        let mut norms = vec![Vec::new(); N_COMP];
        let profiles_of = |area| (0..n).map(|i| profiles.weighted(i, area)).collect();
        for (comp, rows) in [
            (Comp::Skills, profiles_of(SkillArea::OnetSkill)),
            (Comp::Knowledge, profiles_of(SkillArea::OnetKnowledge)),
            (Comp::Interests, scores(nodes, |r| &r.interests)),
            (Comp::WorkValues, scores(nodes, |r| &r.work_values)),
        ] {
            let (v, norm) = centred(rows);
            vectors[comp as usize] = v;
            norms[comp as usize] = norm;
        }
        let spread = norms
            .iter()
            .map(|n: &Vec<f32>| {
                if !rating_distance {
                    return 0.0;
                }
                let rated: Vec<f32> = n.iter().copied().filter(|&x| x > 0.0).collect();
                let mean_square =
                    rated.iter().map(|x| x * x).sum::<f32>() / rated.len().max(1) as f32;
                DISTANCE_SCALE * mean_square.sqrt()
            })
            .collect();
        Features {
            vectors,
            norms,
            spread,
            estimated: estimated(nodes),
        }
    }

    /// Two nodes' similarity for one component (None when either lacks the evidence).
    pub(crate) fn similarity(&self, comp: Comp, a: usize, b: usize) -> Option<f32> {
        let va = &self.vectors[comp as usize][a];
        let vb = &self.vectors[comp as usize][b];
        (!va.is_empty() && !vb.is_empty()).then(|| self.similarity_of_dot(comp, a, b, dot(va, vb)))
    }

    /// Whether a component compares by distance (ratings) rather than by cosine (the rest).
    pub(crate) fn is_distance(&self, comp: Comp) -> bool {
        self.spread[comp as usize] > 0.0
    }

    /// A component's similarity from the dot product of the unit vectors: the cosine itself,
    /// or for ratings 1 − the Euclidean distance of the centred profiles / the spread, so that
    /// the level of the skills counts, not only their mix.
    pub(crate) fn similarity_of_dot(&self, comp: Comp, a: usize, b: usize, dot: f32) -> f32 {
        if !self.is_distance(comp) {
            return dot;
        }
        let (na, nb) = (self.norms[comp as usize][a], self.norms[comp as usize][b]);
        let d2 = (na * na + nb * nb - 2.0 * na * nb * dot).max(0.0);
        1.0 - d2.sqrt() / self.spread[comp as usize]
    }
}

/// Which components of each node hold estimated descriptors (see [`Features::estimated`]).
fn estimated(nodes: &[NodeSource<'_>]) -> Vec<Vec<bool>> {
    let mut out = vec![vec![false; nodes.len()]; N_COMP + 1];
    for (i, node) in nodes.iter().enumerate() {
        let NodeSource::Role(role) = node else {
            continue;
        };
        let e = &role.estimated;
        out[Comp::Skills as usize][i] = e.skills;
        out[Comp::Knowledge as usize][i] = e.knowledge;
        out[Comp::Interests as usize][i] = e.interests;
        out[Comp::WorkValues as usize][i] = e.work_values;
        out[N_COMP][i] = e.job_zone;
    }
    out
}

fn add_words(counts: &mut Counts, vocab: &mut Vocab, text: &str, weight: f32, bigrams: bool) {
    let words = text::words(text);
    for w in &words {
        *counts.entry(vocab.id(w)).or_default() += weight;
    }
    if bigrams {
        for pair in words.windows(2) {
            let id = vocab.id(&format!("{} {}", pair[0], pair[1]));
            *counts.entry(id).or_default() += weight;
        }
    }
}

/// Task-and-activity text counts, then title counts.
fn text_counts(node: &NodeSource<'_>, vocab: &mut Vocab) -> [Counts; 2] {
    let (mut work, mut titles) = (Counts::new(), Counts::new());
    match node {
        NodeSource::Role(role) => {
            add_words(&mut work, vocab, &role.description, 1.0, false);
            for task in &role.tasks {
                let weight = if task.kind == TaskKind::Core {
                    1.0
                } else {
                    0.5
                };
                add_words(&mut work, vocab, &task.text, weight, false);
            }
            add_words(&mut titles, vocab, &role.title, 3.0, true);
            for t in role.alternate_titles.iter().chain(&role.reported_titles) {
                add_words(&mut titles, vocab, t, 1.0, true);
            }
        }
        NodeSource::Org(org) => {
            add_words(&mut work, vocab, org.description, 1.0, false);
            add_words(&mut titles, vocab, org.title, 3.0, true);
        }
    }
    [work, titles]
}

/// Counts of detailed work activities, their intermediate (IWA) and general (GWA) groups.
fn activity_counts(
    catalogue: &Catalogue,
    node: &NodeSource<'_>,
    groups: &mut Vocab,
) -> [Counts; 3] {
    let mut out = [Counts::new(), Counts::new(), Counts::new()];
    let NodeSource::Role(role) = node else {
        return out;
    };
    for dwa in role.tasks.iter().flat_map(|t| t.dwas.iter()) {
        *out[0].entry(u32::from(dwa.0)).or_default() += 1.0;
        let Some(id) = catalogue.dwa(*dwa).map(|d| d.id.as_str()) else {
            continue;
        };
        // `4.A.2.a.4.I09.D03`: the IWA is `4.A.2.a.4.I09`, the GWA `4.A.2.a.4`.
        if let Some(iwa) = id.rsplit_once('.').map(|(iwa, _)| iwa) {
            *out[1].entry(groups.id(iwa)).or_default() += 1.0;
            if let Some((gwa, _)) = iwa.rsplit_once('.') {
                *out[2].entry(groups.id(gwa)).or_default() += 1.0;
            }
        }
    }
    out
}

fn esco_counts(node: &NodeSource<'_>) -> Counts {
    match node {
        NodeSource::Role(role) => role
            .esco_skills
            .iter()
            .map(|s| {
                (
                    s.skill_index,
                    s.weight * if s.essential { 1.0 } else { 0.7 },
                )
            })
            .collect(),
        NodeSource::Org(org) => org.skills.iter().map(|&i| (i, 1.0)).collect(),
    }
}

fn technology_counts(node: &NodeSource<'_>, vocab: &mut Vocab) -> Counts {
    let mut counts = Counts::new();
    if let NodeSource::Role(role) = node {
        for t in &role.technology {
            *counts.entry(vocab.id(&t.category)).or_default() += 1.0;
            *counts.entry(vocab.id(&t.name)).or_default() += 1.0;
        }
    }
    counts
}

/// Each node's scores (interests or work values) aligned by element id; empty when unrated.
fn scores(nodes: &[NodeSource<'_>], pick: fn(&Role) -> &[Score]) -> Vec<Vec<f32>> {
    let mut ids: Vec<&str> = nodes
        .iter()
        .filter_map(|n| match n {
            NodeSource::Role(r) => Some(pick(r)),
            NodeSource::Org(_) => None,
        })
        .flatten()
        .map(|s| s.element_id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    nodes
        .iter()
        .map(|n| match n {
            NodeSource::Role(r) if !pick(r).is_empty() => {
                let mut row = vec![0.0; ids.len()];
                for s in pick(r) {
                    if let Ok(i) = ids.binary_search(&s.element_id.as_str()) {
                        row[i] = s.value;
                    }
                }
                row
            }
            _ => Vec::new(),
        })
        .collect()
}
