//! Which ESCO skills correspond to an O*NET skill or knowledge area, computed once at load.
//!
//! The rule (also in docs/architecture.md): an ESCO skill is equivalent to an O*NET element
//! when both hold —
//! 1. **the names agree**: every content word of the element's name, or of one part of it
//!    split at "and" (so "Economics and Accounting" has the parts "economics" and
//!    "accounting"), appears, stemmed, in the ESCO preferred label; or a part of two words or
//!    more appears as a phrase in the ESCO alternative labels;
//! 2. **the crosswalk agrees**: the O*NET roles the skill is linked to (through crosswalked
//!    ESCO occupations) rate the element important — a mean importance of at least
//!    [`MIN_IMPORTANCE`] that is above the element's mean over all roles.
//!
//! Names alone would pair "Physics" with "build a product's physical model" in any sector;
//! the crosswalk alone would pair every skill of software developers with "Programming".
//! Each element keeps its [`MAX_PER_ELEMENT`] best-supported ESCO skills.

use std::collections::HashMap;

use crate::role::Role;
use crate::skill::Skill;

/// Mean importance (O*NET's 1–5 scale) the linked roles must give the element; 3 is
/// "important".
const MIN_IMPORTANCE: f32 = 3.0;
/// At most this many ESCO skills per O*NET element, best supported first.
const MAX_PER_ELEMENT: usize = 25;

/// Words that carry no meaning of their own in a skill's name.
const STOP: &[&str] = &[
    "and", "of", "the", "a", "an", "to", "in", "for", "with", "on", "or",
];
/// Suffixes stripped, longest first and repeatedly, so "actively" and "active" meet.
const SUFFIXES: &[&str] = &[
    "ically", "ations", "ation", "ively", "ments", "ings", "ions", "ally", "ical", "ates", "ment",
    "ing", "ion", "ive", "ics", "ate", "al", "ly", "ed", "es", "s", "e",
];

/// The precomputed equivalence between O*NET elements and ESCO skills, both ways.
#[derive(Debug, Default)]
pub(crate) struct Equivalence {
    /// O*NET element id → ESCO skill indexes, best supported first.
    by_element: HashMap<String, Vec<u32>>,
    /// ESCO skill index → O*NET element ids.
    by_skill: HashMap<u32, Vec<String>>,
    /// O*NET element id → its name.
    names: HashMap<String, String>,
}

impl Equivalence {
    /// Builds the equivalence from the parsed roles and skills.
    pub(crate) fn build(roles: &[Role], skills: &[Skill]) -> Self {
        let mut elements: Vec<(&str, &str)> = roles
            .iter()
            .flat_map(|r| r.skills.iter().chain(&r.knowledge))
            .map(|r| (r.element_id.as_str(), r.name.as_str()))
            .collect();
        elements.sort_unstable();
        elements.dedup_by_key(|e| e.0);
        let mut linked: Vec<Vec<usize>> = vec![Vec::new(); skills.len()];
        for (i, role) in roles.iter().enumerate() {
            for rs in &role.esco_skills {
                if let Some(l) = linked.get_mut(rs.skill_index as usize) {
                    l.push(i);
                }
            }
        }
        let labels: Vec<Vec<String>> = skills.iter().map(|s| stems(&s.label)).collect();
        let alt: Vec<String> = skills.iter().map(|s| s.alt_text.to_lowercase()).collect();
        let importance = |role: &Role, id: &str| {
            role.skills
                .iter()
                .chain(&role.knowledge)
                .find(|r| r.element_id == id)
                .map_or(0.0, |r| r.importance)
        };
        let mut out = Self::default();
        for (id, name) in elements {
            out.names.insert(id.to_string(), name.to_string());
            let lower = name.to_lowercase();
            let parts: Vec<&str> = lower
                .split([','])
                .flat_map(|p| p.split(" and "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let part_stems: Vec<Vec<String>> = parts.iter().map(|p| stems(p)).collect();
            let overall =
                roles.iter().map(|r| importance(r, id)).sum::<f32>() / roles.len().max(1) as f32;
            let mut found: Vec<(f32, u32)> = Vec::new();
            for (s, label) in labels.iter().enumerate() {
                let named = part_stems
                    .iter()
                    .any(|p| !p.is_empty() && p.iter().all(|w| label.contains(w)))
                    || parts
                        .iter()
                        .any(|p| p.contains(' ') && contains_phrase(&alt[s], p));
                if !named || linked[s].is_empty() {
                    continue;
                }
                let mean = linked[s]
                    .iter()
                    .map(|&r| importance(&roles[r], id))
                    .sum::<f32>()
                    / linked[s].len() as f32;
                if mean >= MIN_IMPORTANCE && mean > overall {
                    found.push((mean, s as u32));
                }
            }
            found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            found.truncate(MAX_PER_ELEMENT);
            for &(_, s) in &found {
                out.by_skill.entry(s).or_default().push(id.to_string());
            }
            if !found.is_empty() {
                out.by_element
                    .insert(id.to_string(), found.into_iter().map(|f| f.1).collect());
            }
        }
        out
    }

    /// ESCO skill indexes equivalent to an O*NET element.
    pub(crate) fn esco_for(&self, element_id: &str) -> &[u32] {
        self.by_element.get(element_id).map_or(&[], Vec::as_slice)
    }

    /// The name of an O*NET skill or knowledge element.
    pub(crate) fn name(&self, element_id: &str) -> Option<&str> {
        self.names.get(element_id).map(String::as_str)
    }

    /// O*NET element ids equivalent to an ESCO skill index.
    pub(crate) fn onet_for(&self, skill_index: u32) -> &[String] {
        self.by_skill.get(&skill_index).map_or(&[], Vec::as_slice)
    }
}

/// The stemmed content words of a name.
fn stems(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !STOP.contains(w))
        .map(stem)
        .collect()
}

/// A crude suffix-stripping stem: enough for skill names, where "negotiation" must meet
/// "negotiate" and "critically" must meet "critical".
fn stem(word: &str) -> String {
    let mut w = word;
    'strip: loop {
        for s in SUFFIXES {
            if w.len() >= s.len() + 4 && w.ends_with(s) {
                w = &w[..w.len() - s.len()];
                continue 'strip;
            }
        }
        return w.to_string();
    }
}

/// Whether `phrase` occurs in `text` on word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_across_word_forms() {
        assert_eq!(stem("actively"), stem("active"));
        assert_eq!(stem("negotiation"), stem("negotiate"));
        assert_eq!(stem("critically"), stem("critical"));
        assert_eq!(stem("programming"), "programm");
        assert_ne!(stem("physics"), stem("physiotherapy"));
        assert_ne!(stem("transportation"), stem("translated"));
    }

    #[test]
    fn phrases_need_word_boundaries() {
        assert!(contains_phrase(
            "solve complex problems quickly",
            "complex problems"
        ));
        assert!(!contains_phrase("xcomplex problems", "complex problems"));
    }
}
