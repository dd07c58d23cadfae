//! What in the product could close a path's skill gaps: strategic directions that need the
//! skill, open leadership opportunities and pilots that grow it, and colleagues who share it
//! with everyone (possible mentors). Read once per page, then matched in memory per gap.

use crate::plans::{ItemInput, PlanInput};
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::direction::DirectionStatus;
use ladderless_domain::plan::skills::{normalise, normalised_list, same_skill};
use ladderless_graph::{Gap, Path};
use ladderless_store::career_links::SkillHolder;
use ladderless_store::directions::Direction;
use ladderless_store::opportunities::Opportunity;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Lowest compass level (1–5) at which a colleague is suggested as a mentor.
const MENTOR_LEVEL: i32 = 3;

/// A page of the product something leads to. Core names the page; the web layer builds its
/// URL, so no address is written twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "page", content = "id", rename_all = "snake_case")]
pub enum PageRef {
    /// A role of the catalogue, by code.
    Role(String),
    /// A strategic direction, by id.
    Direction(String),
    /// An opportunity (or its pilot), by id.
    Opportunity(String),
    /// A person, by id.
    Person(String),
    /// A career plan, by id.
    Plan(String),
    /// A proposal, by id.
    Proposal(String),
    /// A conversation (with its follow-ups), by id.
    Conversation(String),
    /// A placement, by id.
    Placement(String),
}

/// One thing that could close a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closer {
    /// direction, opportunity, pilot or mentor.
    pub kind: &'static str,
    /// Id of the direction, opportunity or person.
    pub id: String,
    /// Title or name.
    pub label: String,
    /// Where it is in the product.
    pub target: PageRef,
    /// The equivalent skill it was found through, when its name differs from the gap's (an
    /// ESCO skill for an O*NET gap, or the other way round).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_as: Option<String>,
}

/// The look-ups for one page.
#[derive(Debug, Default)]
pub struct LinkIndex {
    directions: Vec<(Direction, Vec<String>)>,
    opportunities: Vec<(Opportunity, Vec<String>)>,
    holders: Vec<SkillHolder>,
    /// Open placements by others with what they teach: (id, title, skill ids, names).
    placements: Vec<(String, String, Vec<String>, Vec<String>)>,
    /// Gap skill id → the equivalent skills of the other taxonomy: (id, label).
    equivalents: HashMap<String, Vec<(String, String)>>,
    viewer: String,
}

impl LinkIndex {
    /// What could close one gap, directions first, at most a few of each kind.
    pub fn closers(&self, gap: &Gap) -> Vec<Closer> {
        let name = normalise(&gap.skill.name);
        let mut out = Vec::new();
        let mut served = Vec::new();
        for (d, skills) in &self.directions {
            if skills.iter().any(|s| same_skill(s, &name)) {
                served.push(d.id);
                if served.len() <= 2 {
                    out.push(Closer {
                        kind: "direction",
                        id: d.id.to_string(),
                        label: d.title.clone(),
                        target: PageRef::Direction(d.id.to_string()),
                        recorded_as: None,
                    });
                }
            }
        }
        let opps = self.opportunities.iter().filter(|(o, skills)| {
            skills.iter().any(|s| same_skill(s, &name))
                || o.direction_id.is_some_and(|d| served.contains(&d))
        });
        for (o, _) in opps.take(3) {
            let kind = if o.stage == ladderless_domain::opportunity::Stage::Piloting {
                "pilot"
            } else {
                "opportunity"
            };
            out.push(Closer {
                kind,
                id: o.id.to_string(),
                label: o.title.clone(),
                target: PageRef::Opportunity(o.id.to_string()),
                recorded_as: None,
            });
        }
        let equivalents = self
            .equivalents
            .get(&gap.skill.id)
            .map_or(&[][..], Vec::as_slice);
        // The equivalent `id` was recorded as, unless `id` is the gap's own skill.
        let through = |id: &str| -> Option<Option<String>> {
            if id == gap.skill.id {
                return Some(None);
            }
            let (_, label) = equivalents.iter().find(|(e, _)| e == id)?;
            Some((normalise(label) != name).then(|| label.clone()))
        };
        let mut teaching: Vec<(&String, &String, Option<String>)> = self
            .placements
            .iter()
            .filter_map(|(id, title, ids, names)| {
                let found = if names.iter().any(|n| same_skill(n, &name)) {
                    Some(None)
                } else {
                    ids.iter().find_map(|i| through(i))
                }?;
                Some((id, title, found))
            })
            .collect();
        // Placements recording the gap's own skill first.
        teaching.sort_by_key(|t| t.2.is_some());
        for (id, title, recorded_as) in teaching.into_iter().take(3) {
            out.push(Closer {
                kind: "placement",
                id: id.clone(),
                label: title.clone(),
                target: PageRef::Placement(id.clone()),
                recorded_as,
            });
        }
        let mut mentors: Vec<(&SkillHolder, Option<String>)> = self
            .holders
            .iter()
            .filter(|h| h.person_id.to_string() != self.viewer)
            .filter_map(|h| Some((h, through(&h.skill_id)?)))
            .collect();
        mentors.sort_by_key(|m| m.1.is_some());
        let mut seen = HashSet::new();
        for (h, recorded_as) in mentors {
            if seen.len() == 3 {
                break;
            }
            if !seen.insert(h.person_id) {
                continue;
            }
            out.push(Closer {
                kind: "mentor",
                id: h.person_id.to_string(),
                label: h.name.clone(),
                target: PageRef::Person(h.person_id.to_string()),
                recorded_as,
            });
        }
        out
    }
}

/// Every gap of every step, once.
fn gaps(paths: &[Path]) -> impl Iterator<Item = &Gap> {
    paths.iter().flat_map(|p| &p.steps).flat_map(|s| &s.to_gain)
}

impl App {
    /// Read what could close the gaps of `paths`, limited to what `actor` may see.
    pub async fn link_index(&self, actor: &Actor, paths: &[Path]) -> CoreResult<LinkIndex> {
        let directions = self
            .store
            .directions()
            .await?
            .into_iter()
            .filter(|d| d.status == DirectionStatus::Active)
            .map(|d| {
                let s = normalised_list(&d.skills);
                (d, s)
            })
            .collect();
        let opportunities = self
            .store
            .open_opportunities_visible_to(actor.id(), actor.person.team_id)
            .await?
            .into_iter()
            .map(|o| {
                let s = normalised_list(&o.skills);
                (o, s)
            })
            .collect();
        let mut ids: Vec<String> = gaps(paths)
            .map(|g| g.skill.id.clone())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        ids.sort();
        // Mentors and placements may record the skill in the other taxonomy.
        let mut equivalents = HashMap::new();
        let mut wanted = ids.clone();
        for id in &ids {
            let found: Vec<(String, String)> = self
                .catalogue
                .equivalent_skill_ids(id)
                .into_iter()
                .map(|e| {
                    let label = self
                        .catalogue
                        .skill(&e)
                        .map(|s| s.label.clone())
                        .or_else(|| self.catalogue.element_name(&e).map(str::to_string))
                        .unwrap_or_else(|| e.clone());
                    (e, label)
                })
                .collect();
            wanted.extend(found.iter().map(|f| f.0.clone()));
            equivalents.insert(id.clone(), found);
        }
        wanted.sort();
        wanted.dedup();
        let holders = self
            .store
            .public_skill_holders(&wanted, MENTOR_LEVEL)
            .await?;
        // What open placements teach (the skills one would learn), by id and by name.
        let mut teach: std::collections::HashMap<
            ladderless_domain::ids::PlacementId,
            (Vec<String>, Vec<String>),
        > = std::collections::HashMap::new();
        for s in self.store.open_placement_skills().await? {
            if s.skill_use == ladderless_domain::placement::SkillUse::Learn {
                let label = normalise(&self.skill_label(&s.skill_id).await?);
                let e = teach.entry(s.placement_id).or_default();
                e.0.push(s.skill_id);
                e.1.push(label);
            }
        }
        let placements = self
            .store
            .open_placements()
            .await?
            .into_iter()
            .filter(|p| p.owner_id != actor.id())
            .filter_map(|p| {
                teach
                    .remove(&p.id)
                    .map(|(ids, names)| (p.id.uuid().to_string(), p.title, ids, names))
            })
            .collect();
        Ok(LinkIndex {
            directions,
            opportunities,
            holders,
            placements,
            equivalents,
            viewer: actor.id().to_string(),
        })
    }

    /// A plan drafted from path `n` (1-based) between two roles: the target as the goal, the
    /// biggest gaps as skills to build, and what could close them as goals and experiences.
    pub async fn plan_draft(
        &self,
        actor: &Actor,
        from: &str,
        to: &str,
        n: usize,
    ) -> CoreResult<PlanInput> {
        let paths = self.paths_between(from, to, 5)?;
        let path = paths
            .into_iter()
            .nth(n.max(1) - 1)
            .ok_or_else(|| CoreError::field("path", "no such path between these roles"))?;
        let index = self.link_index(actor, std::slice::from_ref(&path)).await?;
        let to_title = self.role_title(to).await?.unwrap_or_else(|| to.to_string());
        let mut items = vec![ItemInput {
            section: "goal".into(),
            kind: "role".into(),
            reference: to.into(),
            label: to_title.clone(),
        }];
        let mut seen: HashSet<String> = HashSet::new();
        let mut linked: Vec<Closer> = Vec::new();
        for step in &path.steps {
            for gap in step.to_gain.iter().take(3) {
                if items.len() >= 9 || !seen.insert(normalise(&gap.skill.name)) {
                    continue;
                }
                items.push(ItemInput {
                    section: "growth".into(),
                    kind: "skill".into(),
                    reference: gap.skill.id.clone(),
                    label: gap.skill.name.clone(),
                });
                for c in index.closers(gap) {
                    if !linked.iter().any(|l| l.kind == c.kind && l.id == c.id) {
                        linked.push(c);
                    }
                }
            }
        }
        for c in linked.into_iter().take(6) {
            let (section, kind, label) = match c.kind {
                "direction" => ("goal", "direction", c.label),
                "mentor" => ("growth", "mentoring", format!("Mentoring from {}", c.label)),
                "placement" => ("growth", "placement", c.label),
                k => ("growth", k, c.label),
            };
            items.push(ItemInput {
                section: section.into(),
                kind: kind.into(),
                reference: c.id,
                label,
            });
        }
        Ok(PlanInput {
            title: format!("Towards {to_title}"),
            cadence: "quarterly".into(),
            sharing: "private".into(),
            items,
            ..Default::default()
        })
    }
}
