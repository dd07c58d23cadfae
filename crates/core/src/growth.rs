//! Growth areas: which roles grow with the organisation's active strategic directions, because
//! the role needs skills a direction needs (or a talent admin linked the role to it).

use crate::directions::split_list;
use crate::{App, CoreResult};
use ladderless_catalogue::{Role, normalize};
use ladderless_domain::direction::DirectionStatus;
use serde::Serialize;
use std::collections::BTreeMap;

/// O*NET skills and knowledge count as a role's when at least this important (of 5).
const MIN_IMPORTANCE: f32 = 3.0;

/// A direction a role grows with, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Growth {
    /// The direction's title.
    pub direction: String,
    /// The direction's skills the role also needs, as the direction names them.
    pub skills: Vec<String>,
    /// A talent admin linked the role to the direction.
    pub linked: bool,
}

/// An active direction, prepared for matching.
struct Need {
    title: String,
    /// (as written, normalised) for each skill it needs.
    skills: Vec<(String, String)>,
    roles: Vec<String>,
}

/// Whether a normalised skill name mentions a normalised phrase as whole words.
fn mentions(name: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    name == phrase || format!(" {name} ").contains(&format!(" {phrase} "))
}

/// The normalised names of what a catalogue role needs: its ESCO skills, its important O*NET
/// skills and knowledge, and the technology it uses.
fn role_vocabulary(catalogue: &ladderless_catalogue::Catalogue, role: &Role) -> Vec<String> {
    let skills = catalogue.skills();
    let esco = role
        .esco_skills
        .iter()
        .filter_map(|s| skills.get(s.skill_index as usize))
        .map(|s| normalize(&s.label));
    let onet = role
        .skills
        .iter()
        .chain(&role.knowledge)
        .filter(|r| r.importance >= MIN_IMPORTANCE)
        .map(|r| normalize(&r.name));
    let tech = role.technology.iter().map(|t| normalize(&t.name));
    esco.chain(onet).chain(tech).collect()
}

impl App {
    /// For each role code given, the active directions it grows with (roles with none are left out).
    pub async fn growth_areas(
        &self,
        codes: &[String],
    ) -> CoreResult<BTreeMap<String, Vec<Growth>>> {
        let mut needs = Vec::new();
        for d in self
            .store
            .directions()
            .await?
            .into_iter()
            .filter(|d| d.status == DirectionStatus::Active)
        {
            let skills = split_list(&d.skills)
                .into_iter()
                .map(|s| {
                    let n = normalize(&s);
                    (s, n)
                })
                .collect();
            let roles = self.store.direction_roles(d.id).await?;
            needs.push(Need {
                title: d.title,
                skills,
                roles,
            });
        }
        let mut out = BTreeMap::new();
        if needs.is_empty() {
            return Ok(out);
        }
        for code in codes {
            if out.contains_key(code) {
                continue;
            }
            let vocabulary = self.vocabulary(code).await?;
            let found: Vec<Growth> = needs
                .iter()
                .filter_map(|n| {
                    let skills: Vec<String> = n
                        .skills
                        .iter()
                        .filter(|(_, p)| vocabulary.iter().any(|v| mentions(v, p)))
                        .map(|(s, _)| s.clone())
                        .collect();
                    let linked = n.roles.iter().any(|r| r == code);
                    (linked || !skills.is_empty()).then(|| Growth {
                        direction: n.title.clone(),
                        skills,
                        linked,
                    })
                })
                .collect();
            if !found.is_empty() {
                out.insert(code.clone(), found);
            }
        }
        Ok(out)
    }

    /// The normalised skill names of any role, catalogue or organisation.
    async fn vocabulary(&self, code: &str) -> CoreResult<Vec<String>> {
        if let Some(role) = self.catalogue.role(code) {
            return Ok(role_vocabulary(self.catalogue, role));
        }
        let mut out = Vec::new();
        for id in self.store.org_role_skills(code).await? {
            out.push(normalize(&self.skill_label(&id).await?));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(mentions("sales and marketing", "sales"));
        assert!(mentions("german", "german"));
        assert!(mentions("use machine learning", "machine learning"));
        assert!(!mentions("salesforce", "sales"));
        assert!(!mentions("programming", "gram"));
        assert!(!mentions("anything", ""));
    }

    #[test]
    fn a_software_developer_needs_programming_and_a_nurse_does_not() {
        let catalogue = ladderless_catalogue::bundled();
        let has = |code: &str, phrase: &str| {
            let role = catalogue.role(code).expect("role");
            role_vocabulary(catalogue, role)
                .iter()
                .any(|v| mentions(v, &normalize(phrase)))
        };
        assert!(has("15-1252.00", "Programming"));
        assert!(!has("29-1141.00", "Programming"));
        assert!(has("29-1141.00", "Medicine and Dentistry"));
    }
}
