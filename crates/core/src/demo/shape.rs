//! The shape of the demo company: departments, layers of management, teams.

use super::names::{FAMILY, GIVEN, LOCATIONS};
use super::{DemoPerson, days_ago};
use ladderless_catalogue::Catalogue;
use ladderless_domain::org::Audience;
use ladderless_domain::rng::Rng;
use std::collections::HashSet;
use time::Date;

/// A department: its share of the company, who leads it and the roles people hold in it.
#[derive(Debug, Clone, Copy)]
pub struct Department {
    /// Name (the top of its team paths).
    pub name: &'static str,
    /// Share of the company.
    pub share: f64,
    /// Role of the department head and directors.
    pub head_role: &'static str,
    /// Role of team managers.
    pub manager_role: &'static str,
    /// Individual-contributor roles with weights.
    pub roles: &'static [(&'static str, f64)],
    /// Names for teams.
    pub teams: &'static [&'static str],
}

/// The departments, in the order small companies get them.
pub const DEPARTMENTS: &[Department] = &[
    Department {
        name: "Engineering",
        share: 0.22,
        head_role: "11-3021.00",
        manager_role: "11-3021.00",
        roles: &[
            ("15-1252.00", 5.0),
            ("15-1253.00", 2.0),
            ("15-1254.00", 1.5),
            ("15-1244.00", 1.0),
            ("15-1212.00", 1.0),
            ("15-1255.00", 1.0),
            ("15-1241.00", 0.5),
            ("15-1299.08", 0.5),
        ],
        teams: &[
            "Platform",
            "Payments",
            "Mobile",
            "Web",
            "Infrastructure",
            "Security",
            "Search",
            "Identity",
            "Billing",
            "Growth",
        ],
    },
    Department {
        name: "People",
        share: 0.04,
        head_role: "11-3121.00",
        manager_role: "11-3121.00",
        roles: &[
            ("13-1071.00", 3.0),
            ("13-1151.00", 2.0),
            ("13-1141.00", 1.0),
            ("43-4161.00", 1.0),
        ],
        teams: &[
            "Talent",
            "Learning",
            "Reward",
            "People Partners",
            "Recruiting",
        ],
    },
    Department {
        name: "Sales",
        share: 0.16,
        head_role: "11-2022.00",
        manager_role: "41-1012.00",
        roles: &[
            ("41-4011.00", 3.0),
            ("41-4012.00", 3.0),
            ("41-3091.00", 2.0),
            ("41-9031.00", 1.0),
        ],
        teams: &[
            "Enterprise",
            "Mid-Market",
            "Public Sector",
            "Partnerships",
            "EMEA North",
            "EMEA South",
        ],
    },
    Department {
        name: "Customer Support",
        share: 0.14,
        head_role: "11-1021.00",
        manager_role: "43-1011.00",
        roles: &[
            ("43-4051.00", 6.0),
            ("15-1232.00", 3.0),
            ("43-9061.00", 1.0),
        ],
        teams: &[
            "Frontline",
            "Technical Support",
            "Onboarding",
            "Escalations",
            "Service Desk",
        ],
    },
    Department {
        name: "Operations",
        share: 0.14,
        head_role: "11-3071.00",
        manager_role: "53-1043.00",
        roles: &[
            ("53-3032.00", 3.0),
            ("53-7062.00", 3.0),
            ("43-5071.00", 2.0),
            ("13-1081.00", 1.0),
            ("13-1023.00", 1.0),
        ],
        teams: &[
            "Fleet",
            "Warehouse",
            "Logistics",
            "Procurement",
            "Fulfilment",
        ],
    },
    Department {
        name: "Finance",
        share: 0.06,
        head_role: "11-3031.00",
        manager_role: "11-3031.01",
        roles: &[
            ("13-2011.00", 3.0),
            ("13-2051.00", 2.0),
            ("43-3031.00", 2.0),
            ("13-2031.00", 1.0),
            ("13-2082.00", 0.5),
        ],
        teams: &["Accounting", "FP&A", "Tax", "Treasury", "Payroll"],
    },
    Department {
        name: "Data",
        share: 0.06,
        head_role: "11-3021.00",
        manager_role: "11-3021.00",
        roles: &[
            ("15-2051.00", 3.0),
            ("15-1243.00", 1.0),
            ("15-2041.00", 1.0),
            ("15-1242.00", 1.0),
            ("15-2031.00", 1.0),
        ],
        teams: &["Analytics", "Data Platform", "Insights", "Machine Learning"],
    },
    Department {
        name: "Marketing",
        share: 0.05,
        head_role: "11-2021.00",
        manager_role: "11-2021.00",
        roles: &[
            ("13-1161.00", 3.0),
            ("13-1161.01", 1.0),
            ("27-3031.00", 1.0),
            ("27-3043.00", 1.0),
            ("27-1024.00", 1.0),
        ],
        teams: &[
            "Brand",
            "Content",
            "Demand Generation",
            "Communications",
            "Events",
        ],
    },
    Department {
        name: "Product and Design",
        share: 0.05,
        head_role: "11-2021.00",
        manager_role: "15-1299.09",
        roles: &[
            ("15-1299.09", 2.0),
            ("15-1255.00", 2.0),
            ("27-1024.00", 1.0),
            ("27-1021.00", 1.0),
            ("19-3022.00", 0.5),
        ],
        teams: &["Core Product", "Design System", "Research", "New Ventures"],
    },
    Department {
        name: "Facilities and Health",
        share: 0.06,
        head_role: "11-3013.00",
        manager_role: "37-1011.00",
        roles: &[
            ("37-2011.00", 2.0),
            ("49-9071.00", 2.0),
            ("29-1141.00", 1.5),
            ("33-9032.00", 1.0),
            ("19-5011.00", 1.0),
        ],
        teams: &[
            "Workplace",
            "Occupational Health",
            "Maintenance",
            "Security",
        ],
    },
    Department {
        name: "Legal",
        share: 0.02,
        head_role: "23-1011.00",
        manager_role: "23-1011.00",
        roles: &[
            ("23-1011.00", 2.0),
            ("23-2011.00", 2.0),
            ("13-1041.00", 1.0),
        ],
        teams: &["Commercial", "Compliance", "Privacy"],
    },
];

const CEO_ROLE: &str = "11-1011.00";

/// Names for teams inside a department's teams.
const SQUADS: &[&str] = &[
    "Atlas", "Beacon", "Compass", "Delta", "Ember", "Falcon", "Granite", "Harbour", "Iris",
    "Juniper", "Kestrel", "Lumen",
];

/// Builds people top-down so every manager precedes their reports.
pub(super) struct Generator<'a> {
    catalogue: &'a Catalogue,
    rng: &'a mut Rng,
    today: Date,
    people: Vec<DemoPerson>,
    emails: HashSet<String>,
}

impl<'a> Generator<'a> {
    pub(super) fn new(catalogue: &'a Catalogue, rng: &'a mut Rng, today: Date) -> Self {
        Generator {
            catalogue,
            rng,
            today,
            people: Vec::new(),
            emails: HashSet::new(),
        }
    }

    pub(super) fn into_people(self) -> Vec<DemoPerson> {
        self.people
    }

    /// Build a company of `n` people.
    pub(super) fn build(&mut self, n: usize) {
        let ceo = self.person(
            None,
            CEO_ROLE,
            "Chief Executive Officer".into(),
            "Leadership".into(),
            0,
        );
        let k = (n / 40).clamp(2, DEPARTMENTS.len()).min(n - 1);
        let depts = &DEPARTMENTS[..k];
        let total_share: f64 = depts.iter().map(|d| d.share).sum();
        let mut remaining = n - 1;
        for (i, d) in depts.iter().enumerate() {
            let size = if i + 1 == k {
                remaining
            } else {
                (((n - 1) as f64 * d.share / total_share).round() as usize)
                    .clamp(1, remaining - (k - 1 - i))
            };
            remaining -= size;
            let title = format!("Head of {}", d.name);
            let head = self.person(Some(ceo), d.head_role, title, d.name.to_string(), 1);
            self.subtree(d, head, d.name.to_string(), size - 1, 1);
        }
    }

    /// Fill `count` people below `boss`, whose own team is `path`.
    fn subtree(&mut self, d: &Department, boss: usize, path: String, count: usize, depth: usize) {
        if count == 0 {
            return;
        }
        if count <= 9 {
            for _ in 0..count {
                self.individual(d, boss, &path);
            }
            return;
        }
        if count <= 70 {
            let teams = count.div_ceil(8);
            let mut left = count;
            for t in 0..teams {
                let size = left.div_ceil(teams - t);
                left -= size;
                let team = format!("{path} / {}", self.team_name(d, t, depth));
                let title = format!("{} Manager", short_name(d.name));
                let mgr = self.person(Some(boss), d.manager_role, title, team.clone(), 2);
                for _ in 1..size {
                    self.individual(d, mgr, &team);
                }
            }
            return;
        }
        let groups = 6.min(count / 12).max(2);
        let mut left = count;
        for g in 0..groups {
            let size = left.div_ceil(groups - g);
            left -= size;
            let team = format!("{path} / {}", self.team_name(d, g, depth));
            let title = if depth == 1 {
                format!("Director of {}", d.name)
            } else {
                format!("Senior {} Manager", short_name(d.name))
            };
            let lead = self.person(Some(boss), d.head_role, title, team.clone(), 2);
            self.subtree(d, lead, team, size - 1, depth + 1);
        }
    }

    /// Department-level teams take the department's names; teams inside them, squad names.
    fn team_name(&mut self, d: &Department, i: usize, depth: usize) -> String {
        let names = if depth == 1 { d.teams } else { SQUADS };
        let base = names[i % names.len()];
        let round = i / names.len();
        if round == 0 {
            base.to_string()
        } else {
            format!("{base} {}", round + 1)
        }
    }

    fn individual(&mut self, d: &Department, boss: usize, team: &str) -> usize {
        let weights: Vec<f64> = d.roles.iter().map(|r| r.1).collect();
        let code = d.roles[self.rng.weighted(&weights)].0;
        let base = job_title(self.catalogue, code);
        let title = if self.rng.chance(0.25) {
            format!("Senior {base}")
        } else {
            base
        };
        self.person(Some(boss), code, title, team.to_string(), 3)
    }

    /// Create one person; `level` 0 = CEO … 3 = individual contributor.
    fn person(
        &mut self,
        manager: Option<usize>,
        code: &str,
        title: String,
        team: String,
        level: u8,
    ) -> usize {
        let code = if self.catalogue.role(code).is_some() {
            code
        } else {
            CEO_ROLE
        };
        let given = *self.rng.pick(GIVEN);
        let family = *self.rng.pick(FAMILY);
        let email = self.unique_email(given, family);
        let weights: Vec<f64> = LOCATIONS.iter().map(|l| l.1).collect();
        let location = LOCATIONS[self.rng.weighted(&weights)].0.to_string();
        let tenure = self.rng.range(20, 2200);
        let role_start = days_ago(self.today, tenure);
        let history = self.history(code, role_start, level);
        let skills = self.skills(code, tenure);
        let skills_audience = match self.rng.below(20) {
            0..=6 => Some(Audience::Everyone),
            7..=11 => Some(Audience::Manager),
            12..=13 => Some(Audience::TalentTeam),
            _ => None,
        };
        let idx = self.people.len();
        self.people.push(DemoPerson {
            manager,
            employee_id: format!("E{:06}", idx + 1),
            name: format!("{given} {family}"),
            email,
            job_title: title,
            role_code: code.to_string(),
            team,
            location,
            role_start,
            history,
            skills,
            skills_audience,
        });
        idx
    }

    fn unique_email(&mut self, given: &str, family: &str) -> String {
        let local: String = format!("{given}.{family}")
            .to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
            .collect();
        let mut email = format!("{local}@example.com");
        let mut n = 1;
        while self.emails.contains(&email) {
            n += 1;
            email = format!("{local}{n}@example.com");
        }
        self.emails.insert(email.clone());
        email
    }

    /// Earlier roles: managers usually came up from a related role, others moved sideways.
    fn history(&mut self, code: &str, start: Date, level: u8) -> Vec<(String, String, Date, Date)> {
        let moves = if level == 0 { 2 } else { self.rng.below(3) };
        let mut out = Vec::new();
        let mut end = start;
        for _ in 0..moves {
            let prev = self.previous_role(code, level);
            let span = self.rng.range(300, 1500);
            let from = days_ago(end, span);
            out.push((prev.clone(), job_title(self.catalogue, &prev), from, end));
            end = from;
        }
        out
    }

    fn previous_role(&mut self, code: &str, level: u8) -> String {
        let dept = DEPARTMENTS.iter().find(|d| {
            d.head_role == code || d.manager_role == code || d.roles.iter().any(|r| r.0 == code)
        });
        match dept {
            Some(d) if level <= 1 => d.manager_role.to_string(),
            Some(d) => d.roles[self.rng.below(d.roles.len())].0.to_string(),
            None => DEPARTMENTS[self.rng.below(DEPARTMENTS.len())]
                .head_role
                .to_string(),
        }
    }

    /// Six to ten skills from the role's profile, levels rising with strength and tenure.
    fn skills(&mut self, code: &str, tenure_days: i64) -> Vec<(String, i32, bool)> {
        let Some(role) = self.catalogue.role(code) else {
            return Vec::new();
        };
        let pool: Vec<_> = role.esco_skills.iter().take(25).collect();
        if pool.is_empty() {
            return Vec::new();
        }
        let want = self.rng.range(6, 10) as usize;
        let mut weights: Vec<f64> = pool.iter().map(|s| f64::from(s.weight) + 0.05).collect();
        let mut out = Vec::new();
        while out.len() < want.min(pool.len()) {
            let i = self.rng.weighted(&weights);
            weights[i] = 0.0;
            let s = pool[i];
            let base = 1.0
                + f64::from(s.weight) * 2.0
                + (tenure_days as f64 / 1000.0)
                + self.rng.unit() * 1.5;
            let level = (base.round() as i32).clamp(1, 5);
            out.push((s.skill_id.clone(), level, self.rng.chance(0.15)));
            if weights.iter().all(|w| *w == 0.0) {
                break;
            }
        }
        out
    }
}

/// A person's job title from a catalogue role: the first name of the role, in the singular.
pub fn job_title(catalogue: &Catalogue, code: &str) -> String {
    let Some(role) = catalogue.role(code) else {
        return "Specialist".into();
    };
    let first = role.title.split([',', ';']).next().unwrap_or(&role.title);
    // "Accountants and Auditors" → "Accountant", but "Web and Digital Interface Designers" stays whole.
    let head = first.split(" and ").next().unwrap_or(first).trim();
    let single_adjective = !head.contains(' ') && !head.ends_with('s');
    singular(if single_adjective { first.trim() } else { head })
}

fn singular(title: &str) -> String {
    let mut words: Vec<String> = title.split(' ').map(str::to_string).collect();
    // "First-Line Supervisors of X": the head noun is the word before "of".
    let head = words
        .iter()
        .position(|w| w == "of")
        .map(|i| i.saturating_sub(1))
        .unwrap_or(words.len() - 1);
    let w = &words[head];
    let s = if let Some(stem) = w.strip_suffix("ies") {
        format!("{stem}y")
    } else if w.ends_with("sses") || w.ends_with("ches") || w.ends_with("shes") {
        w[..w.len() - 2].to_string()
    } else if let Some(stem) = w.strip_suffix('s') {
        if w.ends_with("ss") || w.ends_with("is") || w.ends_with("us") {
            w.clone()
        } else {
            stem.to_string()
        }
    } else {
        w.clone()
    };
    words[head] = s;
    words.join(" ")
}

fn short_name(dept: &str) -> &str {
    dept.split(" and ").next().unwrap_or(dept)
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn titles_become_singular() {
        assert_eq!(singular("Software Developers"), "Software Developer");
        assert_eq!(singular("Registered Nurses"), "Registered Nurse");
        assert_eq!(singular("Secretaries"), "Secretary");
        assert_eq!(
            singular("First-Line Supervisors of Office Workers"),
            "First-Line Supervisor of Office Workers"
        );
        assert_eq!(singular("Chief Executives"), "Chief Executive");
        assert_eq!(singular("Business Analysis"), "Business Analysis");
    }
}
