//! Searching roles by title and skills by label (case- and accent-insensitive).

use std::cmp::Ordering;

use crate::catalogue::Catalogue;
use crate::role::Role;
use crate::skill::Skill;
use crate::text::{normalize, stemmed, words};

/// A role found by [`Catalogue::search_roles`].
#[derive(Debug, Clone, PartialEq)]
pub struct RoleHit<'a> {
    /// The role found.
    pub role: &'a Role,
    /// The alternate or reported title that matched, when the role's own title did not.
    pub matched: Option<&'a str>,
    /// Relevance; higher is better. Title matches score 600–1000, other titles 200–500.
    pub score: f32,
}

/// How a title matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Exact,
    Prefix,
    Words,
}

/// Normalised, stemmed titles of every role (own title first, then other titles).
#[derive(Debug, Default)]
pub(crate) struct RoleIndex {
    entries: Vec<RoleEntry>,
}

#[derive(Debug)]
struct RoleEntry {
    role: u32,
    /// `None` for the role's own title; else the index into alternate titles, then reported.
    other: Option<u32>,
    stem: Box<str>,
}

impl RoleIndex {
    pub(crate) fn build(roles: &[Role]) -> Self {
        let mut entries = Vec::with_capacity(70_000);
        for (i, role) in roles.iter().enumerate() {
            let role_no = i as u32;
            entries.push(RoleEntry {
                role: role_no,
                other: None,
                stem: stemmed(&normalize(&role.title)).into(),
            });
            let others = role.alternate_titles.iter().chain(&role.reported_titles);
            for (j, title) in others.enumerate() {
                entries.push(RoleEntry {
                    role: role_no,
                    other: Some(j as u32),
                    stem: stemmed(&normalize(title)).into(),
                });
            }
        }
        Self { entries }
    }
}

/// Matches stemmed `text` against the stemmed query; returns the tier and how much of the
/// text the query covers (0–1).
fn match_title(text: &str, query: &str, query_words: &[&str]) -> Option<(Tier, f32)> {
    let coverage = (query.len() as f32 / text.len().max(1) as f32).min(1.0);
    if text == query {
        return Some((Tier::Exact, 1.0));
    }
    if text.starts_with(query) {
        return Some((Tier::Prefix, coverage));
    }
    let all = query_words
        .iter()
        .all(|q| words(text).any(|w| w.starts_with(q)));
    all.then_some((Tier::Words, coverage))
}

fn base_score(tier: Tier, own_title: bool) -> f32 {
    match (own_title, tier) {
        (true, Tier::Exact) => 1000.0,
        (true, Tier::Prefix) => 800.0,
        (true, Tier::Words) => 600.0,
        (false, Tier::Exact) => 400.0,
        (false, Tier::Prefix) => 300.0,
        (false, Tier::Words) => 200.0,
    }
}

impl Catalogue {
    /// Roles whose title or alternate/reported titles match `query`, best first, at most
    /// `limit`. Ranking: exact title > title prefix > all query words in the title > the same
    /// tiers on other titles; within a tier, titles the query covers more of rank higher.
    pub fn search_roles(&self, query: &str, limit: usize) -> Vec<RoleHit<'_>> {
        let query = stemmed(&normalize(query));
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query_words: Vec<&str> = words(&query).collect();
        // Best (score, matched other-title index) per role.
        let mut best: Vec<Option<(f32, Option<u32>)>> = vec![None; self.roles.len()];
        for entry in &self.role_index.entries {
            let Some((tier, coverage)) = match_title(&entry.stem, &query, &query_words) else {
                continue;
            };
            let score = base_score(tier, entry.other.is_none()) + 99.0 * coverage;
            let slot = &mut best[entry.role as usize];
            if slot.is_none_or(|(s, _)| score > s) {
                *slot = Some((score, entry.other));
            }
        }
        let mut hits: Vec<RoleHit<'_>> = best
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| {
                let (score, other) = (*slot)?;
                let role = &self.roles[i];
                let matched = other.map(|j| {
                    let j = j as usize;
                    let alt = role.alternate_titles.len();
                    if j < alt {
                        role.alternate_titles[j].as_str()
                    } else {
                        role.reported_titles[j - alt].as_str()
                    }
                });
                Some(RoleHit {
                    role,
                    matched,
                    score,
                })
            })
            .collect();
        hits.sort_by(compare_hits);
        hits.truncate(limit);
        hits
    }

    /// Type-ahead search of the ESCO skills: labels whose words start with the query words
    /// first (exact label, then label prefix, then any word order), then labels containing the
    /// query, then skills whose alternative labels contain it; shorter labels first in each group.
    pub fn search_skills(&self, query: &str, limit: usize) -> Vec<&Skill> {
        let query = normalize(query);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let index = &self.skill_index;
        let query_words: Vec<&str> = words(&query).collect();
        let Some(longest) = query_words.iter().copied().max_by_key(|w| w.len()) else {
            return Vec::new();
        };
        let mut seen = vec![false; self.skills.len()];
        let mut found: Vec<(u8, u32)> = Vec::new();
        let start = index.words.partition_point(|(w, _)| w.as_ref() < longest);
        for (word, skill) in &index.words[start..] {
            if !word.starts_with(longest) {
                break;
            }
            let i = *skill as usize;
            if seen[i] {
                continue;
            }
            seen[i] = true;
            let label = index.labels[i].as_ref();
            let tier = if label == query {
                0
            } else if label.starts_with(query.as_str()) {
                1
            } else if query_words
                .iter()
                .all(|q| words(label).any(|w| w.starts_with(q)))
            {
                2
            } else {
                continue;
            };
            found.push((tier, *skill));
        }
        if found.len() < limit {
            for (i, label) in index.labels.iter().enumerate() {
                if !seen[i] && label.contains(query.as_str()) {
                    seen[i] = true;
                    found.push((3, i as u32));
                }
            }
        }
        if found.len() < limit {
            for (i, alt) in index.alt_texts.iter().enumerate() {
                if !seen[i] && alt.contains(query.as_str()) {
                    seen[i] = true;
                    found.push((4, i as u32));
                }
            }
        }
        let key = |&(tier, i): &(u8, u32)| (tier, index.labels[i as usize].len(), i);
        if found.len() > limit {
            found.select_nth_unstable_by_key(limit - 1, key);
            found.truncate(limit);
        }
        found.sort_unstable_by_key(key);
        found
            .into_iter()
            .map(|(_, i)| &self.skills[i as usize])
            .collect()
    }
}

fn compare_hits(a: &RoleHit<'_>, b: &RoleHit<'_>) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| {
            b.role
                .code
                .ends_with(".00")
                .cmp(&a.role.code.ends_with(".00"))
        })
        .then_with(|| a.role.title.len().cmp(&b.role.title.len()))
        .then_with(|| a.role.code.cmp(&b.role.code))
}

/// Normalised skill labels and alternative-label texts, plus a sorted word index.
#[derive(Debug, Default)]
pub(crate) struct SkillIndex {
    labels: Vec<Box<str>>,
    alt_texts: Vec<Box<str>>,
    /// Every word of every label with its skill, sorted by word.
    words: Vec<(Box<str>, u32)>,
}

impl SkillIndex {
    pub(crate) fn build(skills: &[Skill]) -> Self {
        let labels: Vec<Box<str>> = skills.iter().map(|s| normalize(&s.label).into()).collect();
        let alt_texts = skills
            .iter()
            .map(|s| normalize(&s.alt_text).into())
            .collect();
        let mut index: Vec<(Box<str>, u32)> = Vec::with_capacity(labels.len() * 3);
        for (i, label) in labels.iter().enumerate() {
            for word in words(label) {
                index.push((word.into(), i as u32));
            }
        }
        index.sort_unstable();
        index.dedup();
        Self {
            labels,
            alt_texts,
            words: index,
        }
    }
}
