//! Building a [`Catalogue`] from the bundled files.

use std::collections::HashMap;

use crate::catalogue::Catalogue;
use crate::error::LoadError;
use crate::role::{
    Dwa, DwaIndex, EscoMatch, EscoOccupation, Estimated, Rating, Role, Score, Task, TaskKind,
    Technology,
};
use crate::search::{RoleIndex, SkillIndex};
use crate::skill::{Collection, ReuseLevel, RoleSkill, Skill, SkillKind};
use crate::tsv::{Row, Table};

/// The compressed data files a catalogue is parsed from (see `tools/build_data.py`).
#[derive(Debug, Clone, Copy)]
pub struct DataFiles<'a> {
    /// `roles.tsv.gz`: code, title, job zone, education, experience, training, ESCO match,
    /// estimated fields, estimated from, description.
    pub roles: &'a [u8],
    /// `tasks.tsv.gz`: code, task id, type, DWA indexes, task.
    pub tasks: &'a [u8],
    /// `dwas.tsv.gz`: DWA id, title.
    pub dwas: &'a [u8],
    /// `elements.tsv.gz`: kind, element id, name.
    pub elements: &'a [u8],
    /// `ratings.tsv.gz`: code, kind, element id, value, level.
    pub ratings: &'a [u8],
    /// `titles.tsv.gz`: code, kind, title.
    pub titles: &'a [u8],
    /// `technology.tsv.gz`: code, name, hot, in demand, category.
    pub technology: &'a [u8],
    /// `esco_skills.tsv.gz`: id, label, kind, reuse, transversal, collections, description, alt text.
    pub esco_skills: &'a [u8],
    /// `role_skills.tsv.gz`: code, skill index, relation, weight.
    pub role_skills: &'a [u8],
    /// `role_esco.tsv.gz`: code, ESCO occupation id, label.
    pub role_esco: &'a [u8],
}

impl DataFiles<'static> {
    /// The files embedded in this crate.
    pub const BUNDLED: DataFiles<'static> = DataFiles {
        roles: include_bytes!("../data/roles.tsv.gz"),
        tasks: include_bytes!("../data/tasks.tsv.gz"),
        dwas: include_bytes!("../data/dwas.tsv.gz"),
        elements: include_bytes!("../data/elements.tsv.gz"),
        ratings: include_bytes!("../data/ratings.tsv.gz"),
        titles: include_bytes!("../data/titles.tsv.gz"),
        technology: include_bytes!("../data/technology.tsv.gz"),
        esco_skills: include_bytes!("../data/esco_skills.tsv.gz"),
        role_skills: include_bytes!("../data/role_skills.tsv.gz"),
        role_esco: include_bytes!("../data/role_esco.tsv.gz"),
    };

    /// Total compressed size of the embedded files, in bytes.
    pub fn bundled_size() -> usize {
        let f = Self::BUNDLED;
        [
            f.roles,
            f.tasks,
            f.dwas,
            f.elements,
            f.ratings,
            f.titles,
            f.technology,
            f.esco_skills,
            f.role_skills,
            f.role_esco,
        ]
        .iter()
        .map(|b| b.len())
        .sum()
    }
}

impl Catalogue {
    /// Parses a catalogue from compressed data files. The ESCO taxonomy is parsed on a second
    /// thread while the O*NET roles are parsed on this one.
    pub fn parse(files: &DataFiles<'_>) -> Result<Catalogue, LoadError> {
        let (skills, roles) = std::thread::scope(|scope| {
            let skills = scope.spawn(|| parse_skills(files.esco_skills));
            let roles = parse_roles(files);
            (
                skills.join().unwrap_or_else(|_| {
                    Err(LoadError::new("esco_skills.tsv.gz", 0, "parser panicked"))
                }),
                roles,
            )
        });
        let skills = skills?;
        let (mut roles, dwas) = roles?;
        attach_role_skills(files, &mut roles, &skills)?;
        let role_index = RoleIndex::build(&roles);
        let skill_index = SkillIndex::build(&skills);
        Ok(Catalogue {
            roles,
            skills,
            dwas,
            role_index,
            skill_index,
        })
    }
}

fn parse_skills(bytes: &[u8]) -> Result<Vec<Skill>, LoadError> {
    let table = Table::from_gzip("esco_skills.tsv.gz", bytes)?;
    let mut skills = Vec::with_capacity(14_000);
    for row in table.rows(8) {
        let row = row?;
        skills.push(Skill {
            id: row.string(0),
            label: row.string(1),
            kind: SkillKind::from_code(row.str(2)),
            reuse: ReuseLevel::from_label(row.str(3)),
            transversal: row.str(4) == "T",
            collections: row
                .str(5)
                .chars()
                .filter_map(Collection::from_code)
                .collect(),
            description: row.string(6),
            alt_text: row.string(7),
        });
        if skills.len() > 1 && skills[skills.len() - 2].id >= skills[skills.len() - 1].id {
            return Err(row.error("skills must be sorted by id"));
        }
    }
    Ok(skills)
}

fn parse_roles(files: &DataFiles<'_>) -> Result<(Vec<Role>, Vec<Dwa>), LoadError> {
    let mut roles = Vec::with_capacity(1_100);
    let table = Table::from_gzip("roles.tsv.gz", files.roles)?;
    for row in table.rows(10) {
        let row = row?;
        let optional = |i: usize| {
            Some(row.str(i))
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        roles.push(Role {
            code: row.string(0),
            title: row.string(1),
            job_zone: row.opt_num(2)?,
            education: optional(3),
            experience: optional(4),
            training: optional(5),
            esco_match: EscoMatch::from_code(row.str(6)),
            estimated: Estimated::parse(row.str(7), row.str(8)),
            description: row.string(9),
            tasks: Vec::new(),
            dwas: Vec::new(),
            skills: Vec::new(),
            knowledge: Vec::new(),
            work_values: Vec::new(),
            interests: Vec::new(),
            alternate_titles: Vec::new(),
            reported_titles: Vec::new(),
            technology: Vec::new(),
            esco_occupations: Vec::new(),
            esco_skills: Vec::new(),
        });
        if roles.len() > 1 && roles[roles.len() - 2].code >= roles[roles.len() - 1].code {
            return Err(row.error("roles must be sorted by code"));
        }
    }
    let positions: HashMap<String, usize> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.clone(), i))
        .collect();
    let mut lookup = RoleLookup {
        positions: &positions,
        last: None,
    };

    let dwas_table = Table::from_gzip("dwas.tsv.gz", files.dwas)?;
    let mut dwas = Vec::with_capacity(2_100);
    for row in dwas_table.rows(2) {
        let row = row?;
        dwas.push(Dwa {
            id: row.string(0),
            title: row.string(1),
        });
    }

    let table = Table::from_gzip("tasks.tsv.gz", files.tasks)?;
    for row in table.rows(5) {
        let row = row?;
        let role = &mut roles[lookup.find(&row)?];
        let mut task_dwas = Vec::new();
        for part in row.str(3).split(',').filter(|p| !p.is_empty()) {
            let index: u16 = part
                .parse()
                .map_err(|_| row.error(format!("bad DWA index {part:?}")))?;
            if usize::from(index) >= dwas.len() {
                return Err(row.error(format!("DWA index {index} out of range")));
            }
            task_dwas.push(DwaIndex(index));
        }
        let kind = match row.str(2) {
            "C" => TaskKind::Core,
            "S" => TaskKind::Supplemental,
            _ => TaskKind::Unrated,
        };
        role.dwas.extend_from_slice(&task_dwas);
        role.tasks.push(Task {
            id: row.num(1)?,
            text: row.string(4),
            kind,
            dwas: task_dwas,
        });
    }
    for role in &mut roles {
        role.dwas.sort_unstable();
        role.dwas.dedup();
    }

    let table = Table::from_gzip("elements.tsv.gz", files.elements)?;
    let mut names: HashMap<(String, String), String> = HashMap::new();
    for row in table.rows(3) {
        let row = row?;
        names.insert((row.string(0), row.string(1)), row.string(2));
    }
    let table = Table::from_gzip("ratings.tsv.gz", files.ratings)?;
    for row in table.rows(5) {
        let row = row?;
        let role = &mut roles[lookup.find(&row)?];
        let kind = row.str(1);
        let element_id = row.string(2);
        let name = names
            .get(&(kind.to_owned(), element_id.clone()))
            .cloned()
            .ok_or_else(|| row.error(format!("unknown element {kind} {element_id}")))?;
        let value: f32 = row.num(3)?;
        match kind {
            "S" | "K" => {
                let rating = Rating {
                    element_id,
                    name,
                    importance: value,
                    level: row.opt_num(4)?.unwrap_or(0.0),
                };
                if kind == "S" {
                    role.skills.push(rating)
                } else {
                    role.knowledge.push(rating)
                }
            }
            "V" => role.work_values.push(Score {
                element_id,
                name,
                value,
            }),
            "I" => role.interests.push(Score {
                element_id,
                name,
                value,
            }),
            other => return Err(row.error(format!("unknown rating kind {other:?}"))),
        }
    }

    let table = Table::from_gzip("titles.tsv.gz", files.titles)?;
    for row in table.rows(3) {
        let row = row?;
        let role = &mut roles[lookup.find(&row)?];
        match row.str(1) {
            "R" => role.reported_titles.push(row.string(2)),
            _ => role.alternate_titles.push(row.string(2)),
        }
    }

    let table = Table::from_gzip("technology.tsv.gz", files.technology)?;
    for row in table.rows(5) {
        let row = row?;
        let role = &mut roles[lookup.find(&row)?];
        role.technology.push(Technology {
            name: row.string(1),
            hot: row.flag(2),
            in_demand: row.flag(3),
            category: row.string(4),
        });
    }

    let table = Table::from_gzip("role_esco.tsv.gz", files.role_esco)?;
    for row in table.rows(3) {
        let row = row?;
        let role = &mut roles[lookup.find(&row)?];
        role.esco_occupations.push(EscoOccupation {
            id: row.string(1),
            label: row.string(2),
        });
    }
    Ok((roles, dwas))
}

fn attach_role_skills(
    files: &DataFiles<'_>,
    roles: &mut [Role],
    skills: &[Skill],
) -> Result<(), LoadError> {
    let positions: HashMap<String, usize> = roles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.clone(), i))
        .collect();
    let mut lookup = RoleLookup {
        positions: &positions,
        last: None,
    };
    let table = Table::from_gzip("role_skills.tsv.gz", files.role_skills)?;
    for row in table.rows(4) {
        let row = row?;
        let role = &mut roles[lookup.find(&row)?];
        let skill_index: u32 = row.num(1)?;
        let skill = skills
            .get(skill_index as usize)
            .ok_or_else(|| row.error("skill index out of range"))?;
        role.esco_skills.push(RoleSkill {
            skill_id: skill.id.clone(),
            skill_index,
            essential: row.str(2) == "E",
            weight: row.num(3)?,
        });
    }
    Ok(())
}

/// Finds the role a record belongs to; records come grouped by code, so the last hit is cached.
struct RoleLookup<'a> {
    positions: &'a HashMap<String, usize>,
    last: Option<(String, usize)>,
}

impl RoleLookup<'_> {
    fn find(&mut self, row: &Row<'_>) -> Result<usize, LoadError> {
        let code = row.str(0);
        if let Some((last_code, index)) = &self.last
            && last_code == code
        {
            return Ok(*index);
        }
        let index = *self
            .positions
            .get(code)
            .ok_or_else(|| row.error(format!("unknown role code {code:?}")))?;
        self.last = Some((code.to_owned(), index));
        Ok(index)
    }
}
