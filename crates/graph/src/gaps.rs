//! Skills that carry over on a move, and skills to gain.

use crate::graph::{Graph, NodeSkill};
use crate::model::{Gap, SkillArea, SkillRef};
use crate::profiles::Level;

/// O*NET elements count for gaps and carried skills only when the target rates them at least
/// this important (3 = "important" on O*NET's 1–5 scale).
const IMPORTANT: f32 = 3.0;
/// A level difference (0–7 scale) below this is not a gap.
const MIN_LEVEL_GAP: f32 = 0.5;
/// At most this many O*NET gaps and this many ESCO gaps per move.
const MAX_GAPS: usize = 8;
/// At most this many carried skills per move.
const MAX_CARRIED: usize = 10;

impl Graph {
    /// Skills to gain moving from `from` to `to`: O*NET skills and knowledge whose level the
    /// target needs above the current one (largest importance-weighted gap first), then the
    /// target's ESCO skills the current role lacks (essential, then strongest, first).
    pub(crate) fn gaps(&self, from: u32, to: u32) -> Vec<Gap> {
        let mut gaps = self.onet_gaps(from as usize, to as usize);
        let have = &self.nodes[from as usize].skills;
        // Rank first, name only what is kept: labels are the expensive part.
        let mut esco: Vec<&NodeSkill> = self.nodes[to as usize]
            .skills
            .iter()
            .filter(|s| !have.iter().any(|h| h.index == s.index))
            .collect();
        esco.sort_by(|a, b| {
            b.essential
                .cmp(&a.essential)
                .then(b.weight.total_cmp(&a.weight))
        });
        let esco = esco.into_iter().take(MAX_GAPS).map(|s| Gap {
            skill: self.esco_ref(s.index),
            current_level: None,
            target_level: None,
            importance: s.weight,
            essential: s.essential,
        });
        gaps.extend(esco);
        gaps
    }

    fn onet_gaps(&self, from: usize, to: usize) -> Vec<Gap> {
        let (current, target) = (&self.profiles.rows[from], &self.profiles.rows[to]);
        if current.is_empty() || target.is_empty() {
            return Vec::new();
        }
        let mut ranked: Vec<(f32, usize, f32, Level)> = current
            .iter()
            .zip(target)
            .enumerate()
            .filter_map(|(e, (c, t))| {
                let t = (*t)?;
                let have = c.map_or(0.0, |c| c.level);
                let diff = t.level - have;
                (t.importance >= IMPORTANT && diff >= MIN_LEVEL_GAP).then_some((
                    diff * t.importance,
                    e,
                    have,
                    t,
                ))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked
            .into_iter()
            .take(MAX_GAPS)
            .map(|(_, e, have, t)| Gap {
                skill: self.element_ref(e),
                current_level: Some(have),
                target_level: Some(t.level),
                importance: t.importance,
                essential: false,
            })
            .collect()
    }

    /// Skills that carry over from `from` to `to`: ESCO skills both roles have (strongest
    /// for the target first), then important O*NET skills and knowledge already at the
    /// target's level.
    pub(crate) fn carried(&self, from: u32, to: u32) -> Vec<SkillRef> {
        let have = &self.nodes[from as usize].skills;
        let mut carried: Vec<SkillRef> = self.nodes[to as usize]
            .skills
            .iter()
            .filter(|s| have.iter().any(|h| h.index == s.index))
            .take(MAX_CARRIED / 2)
            .map(|s| self.esco_ref(s.index))
            .collect();
        let (current, target) = (
            &self.profiles.rows[from as usize],
            &self.profiles.rows[to as usize],
        );
        if !current.is_empty() && !target.is_empty() {
            let mut onet: Vec<(f32, usize)> = current
                .iter()
                .zip(target)
                .enumerate()
                .filter_map(|(e, (c, t))| {
                    let (c, t) = ((*c)?, (*t)?);
                    (t.importance >= IMPORTANT && c.level + 0.25 >= t.level)
                        .then_some((t.importance, e))
                })
                .collect();
            onet.sort_by(|a, b| b.0.total_cmp(&a.0));
            let room = MAX_CARRIED - carried.len();
            carried.extend(
                onet.into_iter()
                    .take(room)
                    .map(|(_, e)| self.element_ref(e)),
            );
        }
        carried
    }

    fn element_ref(&self, e: usize) -> SkillRef {
        let element = &self.profiles.elements[e];
        SkillRef {
            area: element.area,
            id: element.id.clone(),
            name: element.name.clone(),
        }
    }

    fn esco_ref(&self, index: u32) -> SkillRef {
        let (id, name) = self
            .skills
            .get(index as usize)
            .cloned()
            .unwrap_or_else(|| (index.to_string(), String::new()));
        SkillRef {
            area: SkillArea::Esco,
            id,
            name,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::SkillArea;
    use crate::toy::{self, ToyRole};

    fn toy() -> crate::Graph {
        let roles = [
            ToyRole {
                code: "15-0001.00",
                zone: 3,
                skills: &[0, 1, 2],
                ratings: [(4.0, 3.0), (2.0, 1.0)],
            },
            ToyRole {
                code: "15-0002.00",
                zone: 4,
                skills: &[1, 3, 4],
                ratings: [(4.5, 5.0), (3.5, 4.0)],
            },
            ToyRole {
                code: "15-0003.00",
                zone: 3,
                skills: &[0, 1],
                ratings: [(4.0, 3.2), (2.5, 6.0)],
            },
        ];
        toy::graph(&roles, &[])
    }

    #[test]
    fn onet_gaps_by_weighted_difference_then_esco_essential_first() {
        let gaps = toy().gaps(0, 1);
        let names: Vec<&str> = gaps.iter().map(|g| g.skill.name.as_str()).collect();
        // Knowledge: (4 − 1) × 3.5 = 10.5 beats reading: (5 − 3) × 4.5 = 9.
        assert_eq!(
            names,
            [
                "Administration and Management",
                "Reading Comprehension",
                "Skill 4",
                "Skill 3"
            ]
        );
        assert_eq!(gaps[0].skill.area, SkillArea::OnetKnowledge);
        assert_eq!(gaps[0].current_level, Some(1.0));
        assert_eq!(gaps[0].target_level, Some(4.0));
        assert!(gaps[2].essential && !gaps[3].essential);
        assert_eq!(gaps[2].skill.id, "skill-4");
    }

    #[test]
    fn small_or_unimportant_differences_are_not_gaps() {
        // Reading 3.0 → 3.2 is under half a level; knowledge is not important (2.5) to the target.
        let gaps = toy().gaps(0, 2);
        assert!(
            gaps.iter().all(|g| g.skill.area == SkillArea::Esco),
            "{gaps:?}"
        );
    }

    #[test]
    fn carried_skills_are_shared_or_already_at_level() {
        let carried = toy().carried(2, 0);
        let names: Vec<&str> = carried.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Skill 0", "Skill 1", "Reading Comprehension"]);
        let carried_up = toy().carried(0, 1);
        let names: Vec<&str> = carried_up.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["Skill 1"],
            "no O*NET skill is already at the target's level"
        );
    }
}
