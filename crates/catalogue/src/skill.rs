//! The ESCO 1.2.0 skills taxonomy and the skills linked to each role.

use serde::Serialize;

/// An ESCO skill, competence, knowledge area or language skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skill {
    /// The UUID at the end of the ESCO concept URI.
    pub id: String,
    /// ESCO preferred label, e.g. `Python (computer programming)`.
    pub label: String,
    /// Skill/competence, knowledge or language.
    pub kind: SkillKind,
    /// How widely the skill applies, when ESCO says.
    pub reuse: Option<ReuseLevel>,
    /// Whether ESCO lists it under transversal skills (useful across occupations).
    pub transversal: bool,
    /// ESCO collections it belongs to.
    pub collections: Vec<Collection>,
    /// Short description (trimmed to about 300 characters; empty when ESCO gives none).
    pub description: String,
    /// Alternative labels run together as one text (trimmed); used for search.
    pub alt_text: String,
}

impl Skill {
    /// The full ESCO concept URI of this skill.
    pub fn uri(&self) -> String {
        format!("http://data.europa.eu/esco/skill/{}", self.id)
    }
}

/// The kind of an ESCO skill concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillKind {
    /// Something one can do (ESCO "skill/competence").
    SkillCompetence,
    /// Something one knows (ESCO "knowledge").
    Knowledge,
    /// A language skill (understanding, speaking or writing a language).
    Language,
    /// ESCO gives no type.
    Unknown,
}

impl SkillKind {
    pub(crate) fn from_code(code: &str) -> Self {
        match code {
            "S" => Self::SkillCompetence,
            "K" => Self::Knowledge,
            "L" => Self::Language,
            _ => Self::Unknown,
        }
    }

    /// A short English label, e.g. `skill/competence`.
    pub fn label(self) -> &'static str {
        match self {
            Self::SkillCompetence => "skill/competence",
            Self::Knowledge => "knowledge",
            Self::Language => "language",
            Self::Unknown => "unspecified",
        }
    }
}

/// ESCO reuse level: how many occupations a skill is relevant to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReuseLevel {
    /// Relevant to a broad range of occupations and sectors.
    Transversal,
    /// Relevant across several sectors.
    CrossSector,
    /// Relevant within one sector.
    SectorSpecific,
    /// Relevant to one occupation or a few.
    OccupationSpecific,
}

impl ReuseLevel {
    pub(crate) fn from_label(label: &str) -> Option<Self> {
        match label {
            "transversal" => Some(Self::Transversal),
            "cross-sector" => Some(Self::CrossSector),
            "sector-specific" => Some(Self::SectorSpecific),
            "occupation-specific" => Some(Self::OccupationSpecific),
            _ => None,
        }
    }
}

/// An ESCO skill collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    /// Digital skills (DigComp).
    Digital,
    /// Green skills.
    Green,
    /// Language skills.
    Language,
    /// Research skills.
    Research,
    /// Transversal skills.
    Transversal,
}

impl Collection {
    pub(crate) fn from_code(code: char) -> Option<Self> {
        match code {
            'D' => Some(Self::Digital),
            'G' => Some(Self::Green),
            'L' => Some(Self::Language),
            'R' => Some(Self::Research),
            'T' => Some(Self::Transversal),
            _ => None,
        }
    }
}

/// An ESCO skill linked to an O*NET role through its crosswalked ESCO occupations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleSkill {
    /// The ESCO skill id (UUID).
    pub skill_id: String,
    /// Index of the skill in [`crate::Catalogue::skills`].
    pub skill_index: u32,
    /// Whether most linked ESCO occupations listing it call it essential (else optional).
    pub essential: bool,
    /// Strength in (0, 1]: the share of linked ESCO occupations listing the skill, an optional
    /// listing counting half. Role skills are sorted by it, strongest first.
    pub weight: f32,
}
