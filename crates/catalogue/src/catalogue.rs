//! The parsed catalogue and its lookups.

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
}
