//! The demo organisation: a believable company generated from the catalogue, the same for
//! the same seed and day.

mod activity;
mod career;
mod names;
mod shape;

use crate::auth::hash_password;
use crate::directory::SKILLS_SECTION;
use crate::search_doc::compose;
use crate::{App, CoreError, CoreResult};
use ladderless_catalogue::Catalogue;
use ladderless_domain::org::Audience;
use ladderless_domain::rng::Rng;
use ladderless_store::import::{Batch, NewHistory, NewPerson, NewSkill};
use ladderless_store::{Uuid, new_id};
use time::{Date, Duration};

pub use shape::{DEPARTMENTS, Department};

/// The demo sign-ins, fixed so documentation and tests can rely on them.
pub const DEMO_ADMIN: &str = "admin@example.com";
/// The demo manager (has reports, among them the demo employee).
pub const DEMO_MANAGER: &str = "manager@example.com";
/// The demo employee.
pub const DEMO_EMPLOYEE: &str = "employee@example.com";
/// The demo password, unless one is given.
pub const DEMO_PASSWORD: &str = "ladderless-demo";

/// One generated person.
#[derive(Debug, Clone)]
pub struct DemoPerson {
    /// Index of their manager in the list (always earlier).
    pub manager: Option<usize>,
    /// Employee id.
    pub employee_id: String,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Job title.
    pub job_title: String,
    /// Catalogue role code.
    pub role_code: String,
    /// Team path.
    pub team: String,
    /// Location.
    pub location: String,
    /// Start in current role.
    pub role_start: Date,
    /// Earlier roles: (code, title, from, to).
    pub history: Vec<(String, String, Date, Date)>,
    /// Skills: (skill id, level, want to grow).
    pub skills: Vec<(String, i32, bool)>,
    /// Who they share skills with (None: private).
    pub skills_audience: Option<Audience>,
}

/// Generate `n` people (at least 5), deterministic for `(seed, today)`.
pub fn generate(catalogue: &Catalogue, n: usize, seed: u64, today: Date) -> Vec<DemoPerson> {
    let mut rng = Rng::new(seed);
    let mut g = shape::Generator::new(catalogue, &mut rng, today);
    g.build(n.max(5));
    let mut people = g.into_people();
    assign_fixed_accounts(&mut people);
    people
}

/// Give the three demo sign-ins to a talent lead, a team manager and one of their reports.
fn assign_fixed_accounts(people: &mut [DemoPerson]) {
    let mut reports = vec![0usize; people.len()];
    let mut manages_managers = vec![false; people.len()];
    for p in people.iter() {
        if let Some(m) = p.manager {
            reports[m] += 1;
        }
    }
    for (i, p) in people.iter().enumerate() {
        if let Some(m) = p.manager
            && reports[i] > 0
        {
            manages_managers[m] = true;
        }
    }
    let admin = people.iter().position(|p| p.team == "People").unwrap_or(0);
    // A team manager: has reports, none of whom manage anyone.
    let leads_team = |i: usize| reports[i] > 0 && !manages_managers[i];
    let manager = (0..people.len())
        .find(|&i| people[i].team.starts_with("Engineering /") && leads_team(i))
        .or_else(|| (1..people.len()).find(|&i| leads_team(i) && i != admin))
        .or_else(|| (1..people.len()).find(|&i| reports[i] > 0 && i != admin))
        .unwrap_or(0);
    let employee = (0..people.len())
        .find(|&i| people[i].manager == Some(manager) && reports[i] == 0)
        .or_else(|| (0..people.len()).find(|&i| people[i].manager == Some(manager)))
        .unwrap_or(people.len() - 1);
    for (i, email, name) in [
        (admin, DEMO_ADMIN, "Priya Shah"),
        (manager, DEMO_MANAGER, "Sam Taylor"),
        (employee, DEMO_EMPLOYEE, "Jordan Lee"),
    ] {
        people[i].email = email.to_string();
        people[i].name = name.to_string();
    }
    people[employee].skills_audience = Some(Audience::Manager);
    // The employee wants to grow two of their skills, so the marketplace has something to
    // teach them: their two lowest, if they named fewer.
    let e = &mut people[employee];
    if e.skills.iter().filter(|s| s.2).count() < 2 {
        let mut order: Vec<usize> = (0..e.skills.len()).collect();
        order.sort_by_key(|&i| (e.skills[i].1, i));
        for i in order.into_iter().take(2) {
            e.skills[i].2 = true;
        }
    }
}

/// What a demo run created.
#[derive(Debug, Clone)]
pub struct DemoSummary {
    /// People created.
    pub people: usize,
    /// Teams created.
    pub teams: usize,
    /// Strategic directions published.
    pub directions: usize,
    /// Titles of the placements posted, in the order they were posted.
    pub placements: Vec<String>,
    /// Expressions of interest and invitations.
    pub interests: usize,
}

impl App {
    /// Create the demo organisation in an empty database.
    pub async fn create_demo(
        &self,
        n: usize,
        seed: u64,
        password: &str,
    ) -> CoreResult<DemoSummary> {
        if self.store.org_counts().await?.people > 0
            || !self.store.import_snapshot().await?.is_empty()
        {
            return Err(CoreError::field(
                "database",
                "already has people; the demo needs an empty database",
            ));
        }
        let now = self.now();
        let people = generate(self.catalogue, n, seed, now.date());
        let ids: Vec<Uuid> = people.iter().map(|_| new_id()).collect();
        let mut batch = Batch::default();
        let mut teams = std::collections::HashSet::new();
        for (i, p) in people.iter().enumerate() {
            let id = ids[i];
            teams.insert(p.team.clone());
            batch.creates.push(NewPerson {
                id,
                employee_id: p.employee_id.clone(),
                name: p.name.clone(),
                email: p.email.clone(),
                job_title: p.job_title.clone(),
                role_code: Some(p.role_code.clone()),
                team: Some(p.team.clone()),
                manager_id: p.manager.map(|m| ids[m]),
                role_start_date: Some(p.role_start),
                location: p.location.clone(),
            });
            for (code, title, from, to) in &p.history {
                batch
                    .history
                    .push(history(id, code, title, *from, Some(*to)));
            }
            batch
                .history
                .push(history(id, &p.role_code, &p.job_title, p.role_start, None));
            for (skill, level, grow) in &p.skills {
                batch.skills.push(NewSkill {
                    person_id: id,
                    skill_id: skill.clone(),
                    level: *level,
                    want_to_grow: *grow,
                });
            }
            if let Some(aud) = p.skills_audience {
                batch.visibility.push((id, SKILLS_SECTION, aud));
            }
            let public: Vec<&str> = if p.skills_audience == Some(Audience::Everyone) {
                p.skills
                    .iter()
                    .filter_map(|(s, _, _)| self.catalogue.skill(s).map(|s| s.label.as_str()))
                    .collect()
            } else {
                Vec::new()
            };
            let role_title = self.catalogue.role(&p.role_code).map(|r| r.title.as_str());
            batch.search_docs.push((
                id,
                compose(
                    &p.name,
                    &p.job_title,
                    Some(&p.team),
                    role_title,
                    &p.location,
                    &public,
                ),
            ));
        }
        let hash = hash_password(password)?;
        for (i, p) in people.iter().enumerate() {
            match p.email.as_str() {
                DEMO_ADMIN => batch.accounts.push((ids[i], hash.clone(), true, true)),
                DEMO_MANAGER | DEMO_EMPLOYEE => {
                    batch.accounts.push((ids[i], hash.clone(), false, false))
                }
                _ => {}
            }
        }
        self.store.apply_batch(&batch, now).await?;
        self.store
            .audit(
                None,
                "demo",
                "",
                &format!("people={} seed={seed}", people.len()),
                "",
                now,
            )
            .await?;
        let activity = activity::seed(self, &people, &ids, seed).await?;
        // Customers, conversations, plans and a proposal, so the career-owner pages start alive.
        career::seed(self, &people, &ids, &activity, seed).await?;
        // What the seeding did through the use cases is notified already; the scan adds what
        // is due (follow-ups, plan reviews, proposals waiting) so nobody starts with an empty list.
        self.scan_notifications().await?;
        Ok(DemoSummary {
            people: people.len(),
            teams: teams.len(),
            directions: activity.directions,
            placements: activity.placements,
            interests: activity.interests,
        })
    }
}

fn history(person_id: Uuid, code: &str, title: &str, from: Date, to: Option<Date>) -> NewHistory {
    NewHistory {
        person_id,
        role_code: Some(code.to_string()),
        job_title: title.to_string(),
        started_on: Some(from),
        ended_on: to,
        close_open: false,
        source: "demo",
    }
}

/// Days before `today`, as a date.
fn days_ago(today: Date, days: i64) -> Date {
    today - Duration::days(days)
}

#[cfg(test)]
mod tests;

/// The demo organisation as an import file (CSV with every column), for trying imports and
/// for benchmarks: `ladderless demo --people 100000 --csv people.csv`.
pub fn to_csv(people: &[DemoPerson]) -> String {
    let mut out = String::with_capacity(people.len() * 140);
    out.push_str(&ladderless_domain::import::COLUMNS.join(","));
    out.push('\n');
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    for p in people {
        let manager = p
            .manager
            .map(|m| people[m].employee_id.as_str())
            .unwrap_or("");
        let fields = [
            quote(&p.employee_id),
            quote(&p.name),
            quote(&p.email),
            quote(&p.job_title),
            quote(&p.role_code),
            quote(&p.team),
            quote(manager),
            p.role_start.to_string(),
            quote(&p.location),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}
