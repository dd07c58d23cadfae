//! O*NET skill and knowledge ratings per node, aligned on one element table so that two roles
//! can be compared element by element.

use std::collections::HashMap;

use ladderless_catalogue::{Rating, Role};

use crate::model::SkillArea;

/// A rated O*NET element (skill or knowledge area).
#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub id: String,
    pub name: String,
    pub area: SkillArea,
}

/// Importance (1–5) and level (0–7) of one element in one role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Level {
    pub importance: f32,
    pub level: f32,
}

/// The element table and each node's ratings on it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profiles {
    pub elements: Vec<Element>,
    /// Per node, aligned with `elements`; empty when the node has no ratings.
    pub rows: Vec<Vec<Option<Level>>>,
}

impl Profiles {
    /// Collects the ratings of the given roles (`None` for nodes without a catalogue role).
    pub(crate) fn build<'a>(roles: impl Iterator<Item = Option<&'a Role>> + Clone) -> Profiles {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut elements = Vec::new();
        for role in roles.clone().flatten() {
            let rated = role
                .skills
                .iter()
                .map(|r| (r, SkillArea::OnetSkill))
                .chain(role.knowledge.iter().map(|r| (r, SkillArea::OnetKnowledge)));
            for (rating, area) in rated {
                index.entry(rating.element_id.clone()).or_insert_with(|| {
                    elements.push(Element {
                        id: rating.element_id.clone(),
                        name: rating.name.clone(),
                        area,
                    });
                    elements.len() - 1
                });
            }
        }
        let rows = roles
            .map(|role| {
                let Some(role) = role.filter(|r| !r.skills.is_empty() || !r.knowledge.is_empty())
                else {
                    return Vec::new();
                };
                let mut row = vec![None; elements.len()];
                for r in role.skills.iter().chain(&role.knowledge) {
                    row[index[&r.element_id]] = Some(level(r));
                }
                row
            })
            .collect();
        Profiles { elements, rows }
    }

    /// Importance × level of one area's elements for a node (missing elements count 0);
    /// empty when the node has no ratings.
    pub(crate) fn weighted(&self, node: usize, area: SkillArea) -> Vec<f32> {
        let row = &self.rows[node];
        if row.is_empty() {
            return Vec::new();
        }
        self.elements
            .iter()
            .zip(row)
            .filter(|(e, _)| e.area == area)
            .map(|(_, l)| l.map_or(0.0, |l| l.importance * l.level))
            .collect()
    }
}

fn level(r: &Rating) -> Level {
    Level {
        importance: r.importance,
        level: r.level,
    }
}
