//! Role families (SOC 2018 major groups) and seniority hints for building believable orgs.

use serde::Serialize;

use crate::text::normalize;

/// A SOC major group: the first two digits of an O*NET-SOC code and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Family {
    /// The two-digit major-group code, e.g. 29.
    pub code: u8,
    /// The major-group name, e.g. `Healthcare Practitioners and Technical`.
    pub name: &'static str,
}

const FAMILIES: [(u8, &str); 23] = [
    (11, "Management"),
    (13, "Business and Financial Operations"),
    (15, "Computer and Mathematical"),
    (17, "Architecture and Engineering"),
    (19, "Life, Physical, and Social Science"),
    (21, "Community and Social Service"),
    (23, "Legal"),
    (25, "Educational Instruction and Library"),
    (27, "Arts, Design, Entertainment, Sports, and Media"),
    (29, "Healthcare Practitioners and Technical"),
    (31, "Healthcare Support"),
    (33, "Protective Service"),
    (35, "Food Preparation and Serving Related"),
    (37, "Building and Grounds Cleaning and Maintenance"),
    (39, "Personal Care and Service"),
    (41, "Sales and Related"),
    (43, "Office and Administrative Support"),
    (45, "Farming, Fishing, and Forestry"),
    (47, "Construction and Extraction"),
    (49, "Installation, Maintenance, and Repair"),
    (51, "Production"),
    (53, "Transportation and Material Moving"),
    (55, "Military Specific"),
];

impl Family {
    /// Placeholder for a code outside the SOC major groups.
    pub const UNKNOWN: Family = Family {
        code: 0,
        name: "Unknown",
    };

    /// All 23 SOC major groups in code order.
    pub fn all() -> impl Iterator<Item = Family> {
        FAMILIES.iter().map(|&(code, name)| Family { code, name })
    }

    /// The family with this two-digit code.
    pub fn from_code(code: u8) -> Option<Family> {
        FAMILIES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|&(code, name)| Family { code, name })
    }

    /// The family of an O*NET-SOC or SOC code such as `29-1141.00`.
    pub fn of_code(soc: &str) -> Option<Family> {
        soc.get(..2)?.parse().ok().and_then(Self::from_code)
    }
}

/// How senior a role is, as a hint for shaping organisations (few executives, many
/// individual contributors). Ordered from most to least senior.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Seniority {
    /// Top executives: chief executives and officers, presidents.
    Executive,
    /// Managers and directors of a function or unit.
    Manager,
    /// First-line supervisors and team leads.
    Supervisor,
    /// Everyone else: professionals, technicians, workers.
    IndividualContributor,
}

impl Seniority {
    /// Whether people usually report to this role.
    pub fn leads_people(self) -> bool {
        self != Seniority::IndividualContributor
    }

    /// A short English label, e.g. `individual contributor`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Executive => "executive",
            Self::Manager => "manager",
            Self::Supervisor => "supervisor",
            Self::IndividualContributor => "individual contributor",
        }
    }

    /// The seniority of an O*NET role, from its SOC code and title.
    ///
    /// SOC 11-1011 (chief executives) is executive and the rest of SOC 11 management; the
    /// "supervisors of …" minor groups (33-1 … 53-1, 55-2) are supervisors; military officers
    /// (55-1) are managers; other codes fall back to [`Seniority::of_title`].
    pub fn of_role(code: &str, title: &str) -> Seniority {
        let major = code.get(..2).unwrap_or("");
        let minor = code.get(3..4).unwrap_or("");
        if code.starts_with("11-1011") {
            return Seniority::Executive;
        }
        let by_title = Self::of_title(title);
        if major == "11" {
            return by_title.min(Seniority::Manager);
        }
        if major == "55" && minor == "1" {
            return by_title.min(Seniority::Manager);
        }
        let supervisory_group = matches!(
            major,
            "33" | "35" | "37" | "39" | "41" | "43" | "45" | "47" | "49" | "51" | "53"
        ) && minor == "1";
        if supervisory_group || (major == "55" && minor == "2") {
            return by_title.min(Seniority::Supervisor);
        }
        by_title
    }

    /// The seniority suggested by a job title alone, e.g. `Chief Financial Officer` →
    /// executive, `Engineering Manager` → manager, `Shift Supervisor` → supervisor.
    pub fn of_title(title: &str) -> Seniority {
        let norm = normalize(title);
        let words: Vec<&str> = norm.split(' ').collect();
        let has = |w: &str| words.contains(&w);
        let starts = |w: &str| words.first() == Some(&w);
        if starts("chief")
            || has("ceo")
            || has("cfo")
            || has("coo")
            || has("cto")
            || has("cio")
            || has("president")
            || has("vp")
            || norm.contains("chief executive")
            || norm.contains("executive director")
        {
            return Seniority::Executive;
        }
        if has("manager")
            || has("managers")
            || has("director")
            || has("directors")
            || norm.starts_with("head of")
        {
            return Seniority::Manager;
        }
        if has("supervisor")
            || has("supervisors")
            || has("foreman")
            || has("forewoman")
            || has("superintendent")
            || norm.contains("team lead")
            || norm.contains("team leader")
            || norm.contains("shift lead")
            || starts("head")
            || starts("lead")
        {
            return Seniority::Supervisor;
        }
        Seniority::IndividualContributor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_by_code() {
        assert_eq!(
            Family::of_code("29-1141.00").map(|f| f.name),
            Some("Healthcare Practitioners and Technical")
        );
        assert_eq!(Family::of_code("15-1252.00").map(|f| f.code), Some(15));
        assert_eq!(Family::of_code("99-0000.00"), None);
        assert_eq!(Family::of_code("x"), None);
        assert_eq!(Family::all().count(), 23);
    }

    #[test]
    fn seniority_by_code_and_title() {
        assert_eq!(
            Seniority::of_role("11-1011.00", "Chief Executives"),
            Seniority::Executive
        );
        assert_eq!(
            Seniority::of_role("11-3021.00", "Computer and Information Systems Managers"),
            Seniority::Manager
        );
        assert_eq!(
            Seniority::of_role("11-9041.00", "Architectural and Engineering Managers"),
            Seniority::Manager
        );
        assert_eq!(
            Seniority::of_role(
                "43-1011.00",
                "First-Line Supervisors of Office and Administrative Support Workers"
            ),
            Seniority::Supervisor
        );
        assert_eq!(
            Seniority::of_role("15-1252.00", "Software Developers"),
            Seniority::IndividualContributor
        );
        assert_eq!(
            Seniority::of_role(
                "43-6011.00",
                "Executive Secretaries and Executive Administrative Assistants"
            ),
            Seniority::IndividualContributor
        );
        assert_eq!(
            Seniority::of_role("15-1299.09", "Information Technology Project Managers"),
            Seniority::Manager
        );
        assert_eq!(
            Seniority::of_title("Chief Financial Officer (CFO)"),
            Seniority::Executive
        );
        assert_eq!(
            Seniority::of_title("Head of Engineering"),
            Seniority::Manager
        );
        assert_eq!(
            Seniority::of_title("Night Shift Supervisor"),
            Seniority::Supervisor
        );
        assert!(Seniority::Executive < Seniority::IndividualContributor);
        assert!(!Seniority::IndividualContributor.leads_people());
    }
}
