//! Role search by title, alternate titles and reported titles.

use std::cmp::Ordering;

use serde::Serialize;

use super::word_index::WordIndex;
use crate::catalogue::Catalogue;
use crate::load::OtherTitles;
use crate::role::Role;
use crate::text::{has_query_words, normalize, normalize_stemmed, stemmed, words};

/// A role found by [`Catalogue::search_roles`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleHit<'a> {
    /// The role found.
    pub role: &'a Role,
    /// The alternate or reported title that matched, when the role's own title did not.
    pub matched: Option<&'a str>,
    /// Relevance; higher is better. Own-title matches score 600–1099, other titles 200–499.
    pub score: f32,
}

/// How a title matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tier {
    Exact,
    Prefix,
    Words,
}

/// Marks an index entry that is the role's own title.
const OWN_TITLE: u32 = u32::MAX;

/// Normalised, stemmed titles of every role (own title, then alternate, then reported).
#[derive(Debug, Default)]
pub(crate) struct RoleIndex {
    texts: Vec<Box<str>>,
    /// For each text: the role's position.
    roles: Vec<u32>,
    /// For each text: [`OWN_TITLE`], or the index into alternate titles then reported titles.
    others: Vec<u32>,
    words: WordIndex,
}

impl RoleIndex {
    /// Indexes each role's own title and its (alternate, reported) titles.
    pub(crate) fn build<'a>(titles: impl Iterator<Item = &'a str>, others: &[OtherTitles]) -> Self {
        let mut index = Self::default();
        let mut scratch = String::new();
        for (i, (title, (alternate, reported))) in titles.zip(others).enumerate() {
            let role = i as u32;
            index.push(role, OWN_TITLE, normalize_stemmed(title, &mut scratch));
            for (j, other) in alternate.iter().chain(reported).enumerate() {
                index.push(role, j as u32, normalize_stemmed(other, &mut scratch));
            }
        }
        index.words = WordIndex::build(&index.texts);
        index
    }

    fn push(&mut self, role: u32, other: u32, text: String) {
        self.texts.push(text.into_boxed_str());
        self.roles.push(role);
        self.others.push(other);
    }
}

/// Matches stemmed `text` against the stemmed query: the tier and how much of the text the
/// query covers (0–1). The caller has already found one query word among the text's words.
fn match_title(text: &str, query: &str, query_words: &[&str]) -> Option<(Tier, f32)> {
    if text == query {
        return Some((Tier::Exact, 1.0));
    }
    let coverage = (query.len() as f32 / text.len().max(1) as f32).min(1.0);
    if text.starts_with(query) {
        return Some((Tier::Prefix, coverage));
    }
    has_query_words(text, query_words).then_some((Tier::Words, coverage))
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
    /// Roles whose title or alternate/reported titles match `query` (case-, accent- and
    /// plural-insensitive), best first, at most `limit`. Ranking: exact title > title prefix >
    /// all query words in the title (the last may be unfinished) > the same three on other titles; within a tier,
    /// titles the query covers more of rank higher. One hit per role.
    pub fn search_roles(&self, query: &str, limit: usize) -> Vec<RoleHit<'_>> {
        let query = stemmed(&normalize(query));
        let query_words: Vec<&str> = words(&query).collect();
        let Some(longest) = query_words.iter().copied().max_by_key(|w| w.len()) else {
            return Vec::new();
        };
        if limit == 0 {
            return Vec::new();
        }
        let index = &self.role_index;
        // Best (score, other-title index) per role.
        let mut best: Vec<Option<(f32, u32)>> = vec![None; self.roles.len()];
        let mut candidates: Vec<u32> = index.words.with_prefix(&index.texts, longest).collect();
        candidates.sort_unstable();
        candidates.dedup();
        for entry in candidates {
            let entry = entry as usize;
            let Some((tier, coverage)) = match_title(&index.texts[entry], &query, &query_words)
            else {
                continue;
            };
            let other = index.others[entry];
            let score = base_score(tier, other == OWN_TITLE) + 99.0 * coverage;
            let slot = &mut best[index.roles[entry] as usize];
            if slot.is_none_or(|(s, _)| score > s) {
                *slot = Some((score, other));
            }
        }
        let mut hits: Vec<RoleHit<'_>> = best
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| {
                let (score, other) = (*slot)?;
                let role = &self.roles[i];
                let matched = (other != OWN_TITLE).then(|| other_title(role, other as usize));
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
}

fn other_title(role: &Role, index: usize) -> &str {
    let alternates = role.alternate_titles.len();
    if index < alternates {
        &role.alternate_titles[index]
    } else {
        &role.reported_titles[index - alternates]
    }
}

/// Higher score first; then the generic `.00` occupation, the shorter title, the code.
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
