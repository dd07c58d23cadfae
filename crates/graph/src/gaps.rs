//! Skills that carry over on a move, and skills to gain.

use crate::graph::Graph;
use crate::model::{Gap, SkillArea, SkillRef};

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
        let mut esco: Vec<Gap> = self.nodes[to as usize]
            .skills
            .iter()
            .filter(|s| !have.iter().any(|h| h.index == s.index))
            .map(|s| Gap {
                skill: self.esco_ref(s.index),
                current_level: None,
                target_level: None,
                importance: s.weight,
                essential: s.essential,
            })
            .collect();
        esco.sort_by(|a, b| {
            b.essential
                .cmp(&a.essential)
                .then(b.importance.total_cmp(&a.importance))
        });
        esco.truncate(MAX_GAPS);
        gaps.extend(esco);
        gaps
    }

    fn onet_gaps(&self, from: usize, to: usize) -> Vec<Gap> {
        let (current, target) = (&self.profiles.rows[from], &self.profiles.rows[to]);
        if current.is_empty() || target.is_empty() {
            return Vec::new();
        }
        let mut gaps: Vec<(f32, Gap)> = self
            .profiles
            .elements
            .iter()
            .zip(current.iter().zip(target))
            .filter_map(|(element, (c, t))| {
                let t = (*t)?;
                let c_level = c.map_or(0.0, |c| c.level);
                let diff = t.level - c_level;
                (t.importance >= IMPORTANT && diff >= MIN_LEVEL_GAP).then(|| {
                    let gap = Gap {
                        skill: SkillRef {
                            area: element.area,
                            id: element.id.clone(),
                            name: element.name.clone(),
                        },
                        current_level: Some(c_level),
                        target_level: Some(t.level),
                        importance: t.importance,
                        essential: false,
                    };
                    (diff * t.importance, gap)
                })
            })
            .collect();
        gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
        gaps.into_iter().take(MAX_GAPS).map(|(_, g)| g).collect()
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
            let mut onet: Vec<(f32, SkillRef)> = self
                .profiles
                .elements
                .iter()
                .zip(current.iter().zip(target))
                .filter_map(|(element, (c, t))| {
                    let (c, t) = ((*c)?, (*t)?);
                    (t.importance >= IMPORTANT && c.level + 0.25 >= t.level).then(|| {
                        let skill = SkillRef {
                            area: element.area,
                            id: element.id.clone(),
                            name: element.name.clone(),
                        };
                        (t.importance, skill)
                    })
                })
                .collect();
            onet.sort_by(|a, b| b.0.total_cmp(&a.0));
            let room = MAX_CARRIED - carried.len();
            carried.extend(onet.into_iter().take(room).map(|(_, s)| s));
        }
        carried
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
