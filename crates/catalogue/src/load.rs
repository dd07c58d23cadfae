//! Building a [`Catalogue`] from the bundled files.
//!
//! The role table is read first; the other tables are then decompressed and parsed on three
//! threads (ESCO skills and their search index; tasks, technology and ESCO links; ratings,
//! titles and the role search index), and finally moved into the roles.

use std::collections::HashMap;
use std::thread;

use crate::catalogue::Catalogue;
use crate::data_files::DataFiles;
use crate::equivalence::Equivalence;
use crate::error::LoadError;
use crate::role::{
    Dwa, DwaIndex, EscoMatch, EscoOccupation, Estimated, Rating, Role, Score, Task, TaskKind,
    Technology,
};
use crate::search::{RoleIndex, SkillIndex};
use crate::skill::{Collection, ReuseLevel, RoleSkill, Skill, SkillKind};
use crate::tsv::{Row, Table};

/// Per-role lists, indexed like the role table.
type PerRole<T> = Vec<Vec<T>>;

/// A role's alternate titles and reported titles.
pub(crate) type OtherTitles = (Vec<String>, Vec<String>);

/// Role skills before skill ids are attached: (skill index, essential, weight).
type RawRoleSkill = (u32, bool, f32);

impl Catalogue {
    /// Parses a catalogue from compressed data files.
    pub fn parse(files: &DataFiles<'_>) -> Result<Catalogue, LoadError> {
        let mut roles = parse_roles(files.roles)?;
        let positions: HashMap<&str, usize> = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.code.as_str(), i))
            .collect();
        let n = roles.len();
        let joined = thread::scope(|scope| {
            let esco = scope.spawn(|| -> Result<_, LoadError> {
                let skills = parse_skills(files.esco_skills)?;
                let index = SkillIndex::build(&skills);
                Ok((skills, index))
            });
            let work = scope.spawn(|| -> Result<_, LoadError> {
                let (dwas, tasks) = parse_tasks(files, &positions)?;
                let technology = parse_technology(files.technology, &positions)?;
                let esco_occupations = parse_role_esco(files.role_esco, &positions)?;
                let role_skills = parse_role_skills(files.role_skills, &positions)?;
                Ok((dwas, tasks, technology, esco_occupations, role_skills))
            });
            let ratings = parse_ratings(files, &positions);
            let titles = parse_titles(files.titles, &positions).map(|titles| {
                let index = RoleIndex::build(roles.iter().map(|r| r.title.as_str()), &titles);
                (titles, index)
            });
            let panicked = |file| LoadError::new(file, 0, "parser thread panicked");
            let esco = esco
                .join()
                .unwrap_or_else(|_| Err(panicked("esco_skills.tsv.gz")));
            let work = work
                .join()
                .unwrap_or_else(|_| Err(panicked("tasks.tsv.gz")));
            (esco, work, ratings, titles)
        });
        drop(positions);
        let (esco, work, ratings, titles) = joined;
        let (skills, skill_index) = esco?;
        let (dwas, tasks, technology, esco_occupations, role_skills) = work?;
        let ratings = ratings?;
        let (titles, role_index) = titles?;
        debug_assert!(tasks.len() == n && technology.len() == n && ratings.len() == n);

        let per_role = tasks
            .into_iter()
            .zip(technology)
            .zip(esco_occupations)
            .zip(role_skills);
        for ((role, ratings), (alternate, reported)) in roles.iter_mut().zip(ratings).zip(titles) {
            (
                role.skills,
                role.knowledge,
                role.work_values,
                role.interests,
            ) = ratings;
            role.alternate_titles = alternate;
            role.reported_titles = reported;
        }
        for (role, (((tasks, technology), esco_occupations), raw_skills)) in
            roles.iter_mut().zip(per_role)
        {
            role.dwas = tasks
                .iter()
                .flat_map(|t: &Task| t.dwas.iter().copied())
                .collect();
            role.dwas.sort_unstable();
            role.dwas.dedup();
            role.tasks = tasks;
            role.technology = technology;
            role.esco_occupations = esco_occupations;
            role.esco_skills = Vec::with_capacity(raw_skills.len());
            for (skill_index, essential, weight) in raw_skills {
                let skill = skills.get(skill_index as usize).ok_or_else(|| {
                    LoadError::new("role_skills.tsv.gz", 0, format!("no skill {skill_index}"))
                })?;
                role.esco_skills.push(RoleSkill {
                    skill_id: skill.id.clone(),
                    skill_index,
                    essential,
                    weight,
                });
            }
        }
        let equivalence = Equivalence::build(&roles, &skills);
        Ok(Catalogue {
            roles,
            skills,
            dwas,
            role_index,
            skill_index,
            equivalence,
        })
    }
}

fn parse_roles(bytes: &[u8]) -> Result<Vec<Role>, LoadError> {
    let table = Table::from_gzip("roles.tsv.gz", bytes)?;
    let mut roles: Vec<Role> = Vec::with_capacity(1_100);
    for row in table.rows(10) {
        let row = row?;
        let optional = |i: usize| {
            Some(row.str(i))
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let role = Role {
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
        };
        if roles.last().is_some_and(|last| last.code >= role.code) {
            return Err(row.error("roles must be sorted by code"));
        }
        roles.push(role);
    }
    Ok(roles)
}

fn parse_skills(bytes: &[u8]) -> Result<Vec<Skill>, LoadError> {
    let table = Table::from_gzip("esco_skills.tsv.gz", bytes)?;
    let mut skills: Vec<Skill> = Vec::with_capacity(14_000);
    for row in table.rows(8) {
        let row = row?;
        if skills
            .last()
            .is_some_and(|last| last.id.as_str() >= row.str(0))
        {
            return Err(row.error("skills must be sorted by id"));
        }
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
    }
    Ok(skills)
}

fn parse_tasks(
    files: &DataFiles<'_>,
    positions: &HashMap<&str, usize>,
) -> Result<(Vec<Dwa>, PerRole<Task>), LoadError> {
    let table = Table::from_gzip("dwas.tsv.gz", files.dwas)?;
    let mut dwas = Vec::with_capacity(2_100);
    for row in table.rows(2) {
        let row = row?;
        dwas.push(Dwa {
            id: row.string(0),
            title: row.string(1),
        });
    }
    let mut tasks = per_role(positions);
    let mut lookup = RoleLookup::new(positions);
    let table = Table::from_gzip("tasks.tsv.gz", files.tasks)?;
    for row in table.rows(5) {
        let row = row?;
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
        let task = Task {
            id: row.num(1)?,
            text: row.string(4),
            kind,
            dwas: task_dwas,
        };
        tasks[lookup.find(&row)?].push(task);
    }
    Ok((dwas, tasks))
}

/// Skills, knowledge, work values and interests of one role.
type RoleRatings = (Vec<Rating>, Vec<Rating>, Vec<Score>, Vec<Score>);

fn parse_ratings(
    files: &DataFiles<'_>,
    positions: &HashMap<&str, usize>,
) -> Result<Vec<RoleRatings>, LoadError> {
    let elements = Table::from_gzip("elements.tsv.gz", files.elements)?;
    let mut names: HashMap<(&str, &str), &str> = HashMap::new();
    for row in elements.rows(3) {
        let row = row?;
        names.insert((row.str(0), row.str(1)), row.str(2));
    }
    let mut out: Vec<RoleRatings> = positions.iter().map(|_| Default::default()).collect();
    let mut lookup = RoleLookup::new(positions);
    let table = Table::from_gzip("ratings.tsv.gz", files.ratings)?;
    for row in table.rows(5) {
        let row = row?;
        let (skills, knowledge, values, interests) = &mut out[lookup.find(&row)?];
        let kind = row.str(1);
        let name = *names
            .get(&(kind, row.str(2)))
            .ok_or_else(|| row.error(format!("unknown element {kind} {}", row.str(2))))?;
        let element_id = row.string(2);
        let name = name.to_owned();
        let value: f32 = row.num(3)?;
        match kind {
            "S" | "K" => {
                let level = row.opt_num(4)?.unwrap_or(0.0);
                let rating = Rating {
                    element_id,
                    name,
                    importance: value,
                    level,
                };
                if kind == "S" {
                    skills.push(rating)
                } else {
                    knowledge.push(rating)
                }
            }
            "V" => values.push(Score {
                element_id,
                name,
                value,
            }),
            "I" => interests.push(Score {
                element_id,
                name,
                value,
            }),
            other => return Err(row.error(format!("unknown rating kind {other:?}"))),
        }
    }
    Ok(out)
}

fn parse_titles(
    bytes: &[u8],
    positions: &HashMap<&str, usize>,
) -> Result<Vec<OtherTitles>, LoadError> {
    let mut out: Vec<OtherTitles> = positions.iter().map(|_| Default::default()).collect();
    let mut lookup = RoleLookup::new(positions);
    let table = Table::from_gzip("titles.tsv.gz", bytes)?;
    for row in table.rows(3) {
        let row = row?;
        let (alternate, reported) = &mut out[lookup.find(&row)?];
        match row.str(1) {
            "R" => reported.push(row.string(2)),
            _ => alternate.push(row.string(2)),
        }
    }
    Ok(out)
}

fn parse_technology(
    bytes: &[u8],
    positions: &HashMap<&str, usize>,
) -> Result<PerRole<Technology>, LoadError> {
    let mut out = per_role(positions);
    let mut lookup = RoleLookup::new(positions);
    let table = Table::from_gzip("technology.tsv.gz", bytes)?;
    for row in table.rows(5) {
        let row = row?;
        out[lookup.find(&row)?].push(Technology {
            name: row.string(1),
            hot: row.flag(2),
            in_demand: row.flag(3),
            category: row.string(4),
        });
    }
    Ok(out)
}

fn parse_role_esco(
    bytes: &[u8],
    positions: &HashMap<&str, usize>,
) -> Result<PerRole<EscoOccupation>, LoadError> {
    let mut out = per_role(positions);
    let mut lookup = RoleLookup::new(positions);
    let table = Table::from_gzip("role_esco.tsv.gz", bytes)?;
    for row in table.rows(3) {
        let row = row?;
        out[lookup.find(&row)?].push(EscoOccupation {
            id: row.string(1),
            label: row.string(2),
        });
    }
    Ok(out)
}

fn parse_role_skills(
    bytes: &[u8],
    positions: &HashMap<&str, usize>,
) -> Result<PerRole<RawRoleSkill>, LoadError> {
    let mut out = per_role(positions);
    let mut lookup = RoleLookup::new(positions);
    let table = Table::from_gzip("role_skills.tsv.gz", bytes)?;
    for row in table.rows(4) {
        let row = row?;
        let skill = (row.num(1)?, row.str(2) == "E", row.num(3)?);
        out[lookup.find(&row)?].push(skill);
    }
    Ok(out)
}

fn per_role<T>(positions: &HashMap<&str, usize>) -> PerRole<T> {
    positions.iter().map(|_| Vec::new()).collect()
}

/// Finds the role a record belongs to; records come grouped by code, so the last hit is cached.
struct RoleLookup<'p, 'a> {
    positions: &'p HashMap<&'a str, usize>,
    last: Option<(&'a str, usize)>,
}

impl<'p, 'a> RoleLookup<'p, 'a> {
    fn new(positions: &'p HashMap<&'a str, usize>) -> Self {
        Self {
            positions,
            last: None,
        }
    }

    fn find(&mut self, row: &Row<'_>) -> Result<usize, LoadError> {
        let code = row.str(0);
        if let Some((last_code, index)) = self.last
            && last_code == code
        {
            return Ok(index);
        }
        let (key, index) = self
            .positions
            .get_key_value(code)
            .ok_or_else(|| row.error(format!("unknown role code {code:?}")))?;
        self.last = Some((*key, *index));
        Ok(*index)
    }
}
