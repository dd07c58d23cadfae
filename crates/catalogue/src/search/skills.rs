//! Type-ahead search of the ESCO skills taxonomy.

use super::word_index::WordIndex;
use crate::catalogue::Catalogue;
use crate::skill::Skill;
use crate::text::{has_query_words, normalize, words};

/// Normalised skill labels and alternative-label texts, plus a word index of the labels.
#[derive(Debug, Default)]
pub(crate) struct SkillIndex {
    labels: Vec<Box<str>>,
    alt_texts: Vec<Box<str>>,
    words: WordIndex,
}

impl SkillIndex {
    /// Indexes the skills' labels and alternative-label texts.
    pub(crate) fn build(skills: &[Skill]) -> Self {
        let labels: Vec<Box<str>> = skills.iter().map(|s| normalize(&s.label).into()).collect();
        let alt_texts = skills
            .iter()
            .map(|s| normalize(&s.alt_text).into())
            .collect();
        let words = WordIndex::build(&labels);
        Self {
            labels,
            alt_texts,
            words,
        }
    }
}

/// Match groups, best first.
const EXACT: u8 = 0;
const LABEL_PREFIX: u8 = 1;
const WORD_PREFIXES: u8 = 2;
const LABEL_CONTAINS: u8 = 3;
const ALT_CONTAINS: u8 = 4;

impl Catalogue {
    /// Type-ahead search of the ESCO skills, at most `limit`: first labels whose words start
    /// with every query word (the exact label, then labels starting with the query, then any
    /// word order), then labels containing the query, then skills whose alternative labels
    /// contain it; shorter labels first within each group.
    pub fn search_skills(&self, query: &str, limit: usize) -> Vec<&Skill> {
        let query = normalize(query);
        let query_words: Vec<&str> = words(&query).collect();
        let Some(longest) = query_words.iter().copied().max_by_key(|w| w.len()) else {
            return Vec::new();
        };
        if limit == 0 {
            return Vec::new();
        }
        let index = &self.skill_index;
        let mut seen = vec![false; self.skills.len()];
        let mut found: Vec<(u8, u32)> = Vec::new();
        for skill in index.words.with_prefix(&index.labels, longest) {
            let i = skill as usize;
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let label = index.labels[i].as_ref();
            let group = if label == query {
                EXACT
            } else if label.starts_with(query.as_str()) {
                LABEL_PREFIX
            } else if has_query_words(label, &query_words) {
                WORD_PREFIXES
            } else {
                continue;
            };
            found.push((group, skill));
        }
        for (group, texts) in [
            (LABEL_CONTAINS, &index.labels),
            (ALT_CONTAINS, &index.alt_texts),
        ] {
            if found.len() >= limit {
                break;
            }
            for (i, text) in texts.iter().enumerate() {
                if !seen[i] && text.contains(query.as_str()) {
                    seen[i] = true;
                    found.push((group, i as u32));
                }
            }
        }
        let key = |&(group, i): &(u8, u32)| (group, index.labels[i as usize].len(), i);
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
