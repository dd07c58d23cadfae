//! The parsed catalogue and its lookups.

use crate::equivalence::Equivalence;
use crate::role::{Dwa, DwaIndex, Role};
use crate::search::{RoleIndex, SkillIndex};
use crate::skill::{RoleSkill, Skill};

/// The role catalogue (O*NET 29.3) and skills taxonomy (ESCO 1.2.0), parsed and indexed.
#[derive(Debug)]
pub struct Catalogue {
    pub(crate) roles: Vec<Role>,
    pub(crate) skills: Vec<Skill>,
    pub(crate) dwas: Vec<Dwa>,
    pub(crate) role_index: RoleIndex,
    pub(crate) skill_index: SkillIndex,
    pub(crate) equivalence: Equivalence,
}

impl Catalogue {
    /// All roles, sorted by O*NET-SOC code.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The role with this O*NET-SOC code (e.g. `15-1252.00`); a bare six-digit SOC code
    /// (`15-1252`) finds its `.00` occupation.
    pub fn role(&self, code: &str) -> Option<&Role> {
        let code = code.trim();
        let find = |c: &str| {
            self.roles
                .binary_search_by(|r| r.code.as_str().cmp(c))
                .ok()
                .map(|i| &self.roles[i])
        };
        if code.len() == 7 {
            find(&format!("{code}.00"))
        } else {
            find(code)
        }
    }

    /// All ESCO skills, sorted by id.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The ESCO skill with this id (the UUID, or the full concept URI).
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        let id = id.trim();
        let id = id.rsplit('/').next().unwrap_or(id);
        self.skills
            .binary_search_by(|s| s.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.skills[i])
    }

    /// The skill at an index from [`RoleSkill::skill_index`].
    pub fn skill_at(&self, index: u32) -> Option<&Skill> {
        self.skills.get(index as usize)
    }

    /// ESCO skills for an O*NET role, strongest first; empty for unknown codes.
    pub fn role_skills(&self, code: &str) -> &[RoleSkill] {
        self.role(code)
            .map(|r| r.esco_skills.as_slice())
            .unwrap_or(&[])
    }

    /// ESCO skills for an O*NET role paired with their skill records.
    pub fn role_skills_detailed(&self, code: &str) -> impl Iterator<Item = (&Skill, &RoleSkill)> {
        self.role_skills(code)
            .iter()
            .filter_map(|rs| Some((self.skill_at(rs.skill_index)?, rs)))
    }

    /// The shared table of detailed work activities.
    pub fn dwas(&self) -> &[Dwa] {
        &self.dwas
    }

    /// A detailed work activity by index.
    pub fn dwa(&self, index: DwaIndex) -> Option<&Dwa> {
        self.dwas.get(usize::from(index.0))
    }

    /// The title of a detailed work activity.
    pub fn dwa_title(&self, index: DwaIndex) -> Option<&str> {
        self.dwa(index).map(|d| d.title.as_str())
    }

    /// The index of a detailed work activity by its O*NET id (e.g. `4.A.2.a.4.I09.D03`).
    pub fn dwa_index(&self, id: &str) -> Option<DwaIndex> {
        let i = self.dwas.binary_search_by(|d| d.id.as_str().cmp(id)).ok()?;
        u16::try_from(i).ok().map(DwaIndex)
    }

    /// Roles that perform a detailed work activity.
    pub fn roles_with_dwa(&self, index: DwaIndex) -> impl Iterator<Item = &Role> {
        self.roles
            .iter()
            .filter(move |r| r.dwas.binary_search(&index).is_ok())
    }

    /// ESCO skills equivalent to an O*NET skill or knowledge element (by element id, e.g.
    /// `2.B.3.e` Programming), best supported first; the rule is in `equivalence.rs`.
    pub fn esco_equivalents(&self, element_id: &str) -> impl Iterator<Item = &Skill> {
        self.equivalence
            .esco_for(element_id.trim())
            .iter()
            .filter_map(|&i| self.skill_at(i))
    }

    /// O*NET skill or knowledge element ids equivalent to an ESCO skill (id or URI).
    pub fn onet_equivalents(&self, esco_id: &str) -> &[String] {
        let id = esco_id.trim();
        let id = id.rsplit('/').next().unwrap_or(id);
        self.skills
            .binary_search_by(|s| s.id.as_str().cmp(id))
            .map_or(&[], |i| self.equivalence.onet_for(i as u32))
    }

    /// The name of an O*NET skill or knowledge element, e.g. `Programming`.
    pub fn element_name(&self, element_id: &str) -> Option<&str> {
        self.equivalence.name(element_id.trim())
    }

    /// Ids of the skills equivalent to `id` in the other taxonomy: ESCO skill ids for an
    /// O*NET element id, O*NET element ids for an ESCO skill id; empty when there are none.
    pub fn equivalent_skill_ids(&self, id: &str) -> Vec<String> {
        let from_onet: Vec<String> = self.esco_equivalents(id).map(|s| s.id.clone()).collect();
        if from_onet.is_empty() {
            self.onet_equivalents(id).to_vec()
        } else {
            from_onet
        }
    }
}
