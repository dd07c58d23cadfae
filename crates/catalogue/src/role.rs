//! Occupations (roles) of the O*NET 29.3 catalogue and their descriptors.

use serde::Serialize;

use crate::family::{Family, Seniority};
use crate::skill::RoleSkill;

/// One O*NET-SOC 2019 occupation with everything the catalogue bundles about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Role {
    /// O*NET-SOC 2019 code, e.g. `15-1252.00`.
    pub code: String,
    /// Occupation title, e.g. `Software Developers`.
    pub title: String,
    /// O*NET's one-paragraph description.
    pub description: String,
    /// Job zone 1–5 (how much preparation the role needs), when O*NET rates it.
    pub job_zone: Option<u8>,
    /// The required level of education most respondents reported, e.g. `Bachelor's Degree`.
    pub education: Option<String>,
    /// The related work experience most respondents reported, e.g. `Over 2 years, up to and including 4 years`.
    pub experience: Option<String>,
    /// The on-the-job training most respondents reported.
    pub training: Option<String>,
    /// Task statements, core tasks first.
    pub tasks: Vec<Task>,
    /// Detailed work activities performed in this role (deduplicated over its tasks).
    pub dwas: Vec<DwaIndex>,
    /// The 35 O*NET skills: importance (1–5) and level (0–7).
    pub skills: Vec<Rating>,
    /// The 33 O*NET knowledge areas: importance (1–5) and level (0–7).
    pub knowledge: Vec<Rating>,
    /// Work values (extent, 1–7): Achievement, Working Conditions, Recognition, …
    pub work_values: Vec<Score>,
    /// RIASEC interests (occupational interest, 1–7): Realistic, Investigative, …
    pub interests: Vec<Score>,
    /// Alternate titles (including O*NET's short forms such as `RN`).
    pub alternate_titles: Vec<String>,
    /// Titles incumbents reported, as sampled by O*NET.
    pub reported_titles: Vec<String>,
    /// Software and technology used, in-demand and hot ones first.
    pub technology: Vec<Technology>,
    /// ESCO occupations this role was linked to, and how.
    pub esco_occupations: Vec<EscoOccupation>,
    /// How the ESCO occupations (and so [`Role::esco_skills`]) were found.
    pub esco_match: EscoMatch,
    /// ESCO skills for this role, strongest first (at most 60).
    pub esco_skills: Vec<RoleSkill>,
    /// Which descriptors were estimated from similar roles because O*NET does not rate them.
    pub estimated: Estimated,
}

impl Role {
    /// The SOC major group ("family") this role belongs to.
    pub fn family(&self) -> Family {
        Family::of_code(&self.code).unwrap_or(Family::UNKNOWN)
    }

    /// Whether this is an executive, manager, supervisor or individual-contributor role.
    pub fn seniority(&self) -> Seniority {
        Seniority::of_role(&self.code, &self.title)
    }

    /// O*NET's name for the role's job zone, e.g. `Considerable Preparation Needed`.
    pub fn job_zone_label(&self) -> Option<&'static str> {
        job_zone_label(self.job_zone?)
    }

    /// The six-digit SOC code without the O*NET suffix, e.g. `15-1252`.
    pub fn soc_code(&self) -> &str {
        self.code.get(..7).unwrap_or(&self.code)
    }

    /// The O*NET skill with this element id (e.g. `2.A.2.b` Active Learning).
    pub fn skill_rating(&self, element_id: &str) -> Option<&Rating> {
        self.skills.iter().find(|r| r.element_id == element_id)
    }

    /// The O*NET knowledge area with this element id.
    pub fn knowledge_rating(&self, element_id: &str) -> Option<&Rating> {
        self.knowledge.iter().find(|r| r.element_id == element_id)
    }

    /// Core tasks only.
    pub fn core_tasks(&self) -> impl Iterator<Item = &Task> {
        self.tasks.iter().filter(|t| t.kind == TaskKind::Core)
    }

    /// The three highest RIASEC interests, strongest first (Holland code order).
    pub fn top_interests(&self) -> Vec<&Score> {
        let mut sorted: Vec<&Score> = self.interests.iter().collect();
        sorted.sort_by(|a, b| b.value.total_cmp(&a.value));
        sorted.truncate(3);
        sorted
    }
}

/// Descriptors of a role that O*NET does not rate and the build estimated from the most
/// similar rated roles (by shared detailed work activities, else the same SOC group).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Estimated {
    /// Skill ratings are estimated.
    pub skills: bool,
    /// Knowledge ratings are estimated.
    pub knowledge: bool,
    /// Work values are estimated.
    pub work_values: bool,
    /// Interests are estimated.
    pub interests: bool,
    /// The job zone is estimated.
    pub job_zone: bool,
    /// Education, experience and training are the nearest rated role's.
    pub education: bool,
    /// The rated roles the estimates come from, most similar first.
    pub from: Vec<String>,
}

impl Estimated {
    pub(crate) fn parse(flags: &str, from: &str) -> Self {
        Self {
            skills: flags.contains('S'),
            knowledge: flags.contains('K'),
            work_values: flags.contains('V'),
            interests: flags.contains('I'),
            job_zone: flags.contains('Z'),
            education: flags.contains('E'),
            from: from
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }

    /// Whether anything about the role was estimated.
    pub fn any(&self) -> bool {
        !self.from.is_empty()
    }
}

/// O*NET's name for a job zone (1–5): how much preparation a role needs.
pub fn job_zone_label(zone: u8) -> Option<&'static str> {
    Some(match zone {
        1 => "Little or No Preparation Needed",
        2 => "Some Preparation Needed",
        3 => "Medium Preparation Needed",
        4 => "Considerable Preparation Needed",
        5 => "Extensive Preparation Needed",
        _ => return None,
    })
}

/// One task statement of a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// O*NET task id.
    pub id: u32,
    /// The task statement.
    pub text: String,
    /// Whether O*NET rates the task core or supplemental.
    pub kind: TaskKind,
    /// The detailed work activities this task maps to.
    pub dwas: Vec<DwaIndex>,
}

/// O*NET's task category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// Critical to the occupation (relevance ≥ 67% and importance ≥ 3).
    Core,
    /// Less relevant or important.
    Supplemental,
    /// Not rated by O*NET.
    Unrated,
}

/// An importance/level rating of an O*NET skill or knowledge area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rating {
    /// O*NET content-model element id, e.g. `2.A.1.a`.
    pub element_id: String,
    /// Element name, e.g. `Reading Comprehension`.
    pub name: String,
    /// Importance, 1 (not important) to 5 (extremely important).
    pub importance: f32,
    /// Level, 0 to 7; 0 when O*NET marks the level not relevant or suppresses it.
    pub level: f32,
}

/// A single-scale O*NET score (work value extent or interest), 1–7.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// O*NET content-model element id, e.g. `1.B.1.a`.
    pub element_id: String,
    /// Element name, e.g. `Realistic`.
    pub name: String,
    /// The score, 1–7.
    pub value: f32,
}

/// A piece of software or technology used in a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Technology {
    /// Product or technology name, e.g. `Microsoft Excel`.
    pub name: String,
    /// UNSPSC commodity title, e.g. `Spreadsheet software`.
    pub category: String,
    /// O*NET "hot technology": frequently listed in job postings.
    pub hot: bool,
    /// O*NET "in demand": among the most-posted for this occupation.
    pub in_demand: bool,
}

/// A detailed work activity: an index into [`crate::Catalogue::dwas`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DwaIndex(pub u16);

/// A detailed work activity from O*NET's shared table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dwa {
    /// DWA id, e.g. `4.A.2.a.4.I09.D03`.
    pub id: String,
    /// DWA title, e.g. `Analyze impact of legal or regulatory changes.`
    pub title: String,
}

/// An ESCO occupation linked to a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EscoOccupation {
    /// The UUID at the end of the ESCO occupation URI.
    pub id: String,
    /// ESCO preferred label, e.g. `software architect`.
    pub label: String,
}

/// How a role's ESCO occupations were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EscoMatch {
    /// The ESCO–O*NET crosswalk (Nesta) maps them to this role directly.
    Direct,
    /// Borrowed from crosswalked roles with the same six-digit SOC code.
    SameSoc,
    /// Through ISCO-08: ESCO occupations in the role's ISCO unit group(s), preferring those
    /// whose labels share words with the role's titles. Broadest, least precise.
    Isco,
    /// No ESCO occupation could be linked.
    None,
}

impl EscoMatch {
    pub(crate) fn from_code(code: &str) -> Self {
        match code {
            "D" => Self::Direct,
            "O" => Self::SameSoc,
            "I" => Self::Isco,
            _ => Self::None,
        }
    }
}
