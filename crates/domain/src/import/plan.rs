//! Diffing a validated file against the people who exist: creates, updates, deactivations.

use super::Row;
use crate::org::depths;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// A person as stored, in the terms an import speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    /// Stored id.
    pub id: Uuid,
    /// The HRIS key.
    pub employee_id: String,
    /// Full name.
    pub name: String,
    /// E-mail, lower-cased.
    pub email: String,
    /// Job title.
    pub job_title: String,
    /// Role code.
    pub role_code: Option<String>,
    /// Team path.
    pub team: Option<String>,
    /// Manager's employee id.
    pub manager_employee_id: Option<String>,
    /// Start in current role.
    pub role_start_date: Option<time::Date>,
    /// Office or region.
    pub location: String,
    /// Whether the person is active.
    pub active: bool,
}

/// One existing person whose record changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedUpdate {
    /// Stored id.
    pub id: Uuid,
    /// The new values.
    pub row: Row,
    /// Role code or job title changed: a dated role-history entry is due.
    pub role_changed: bool,
    /// The names of the fields that changed.
    pub changed: Vec<&'static str>,
}

/// What applying a file will do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// New people, managers before their reports.
    pub creates: Vec<Row>,
    /// Existing people whose records change.
    pub updates: Vec<PlannedUpdate>,
    /// Existing people the file leaves as they are.
    pub unchanged: usize,
    /// Active people missing from the file, deactivated only when asked.
    pub deactivate: Vec<Uuid>,
}

/// Plan the upsert of validated `rows` (keyed by employee id).
pub fn plan(rows: &[Row], existing: &[Existing], deactivate_missing: bool) -> Plan {
    let by_emp: HashMap<&str, &Existing> = existing
        .iter()
        .map(|e| (e.employee_id.as_str(), e))
        .collect();
    let mut out = Plan::default();
    let mut in_file: HashSet<&str> = HashSet::with_capacity(rows.len());
    for row in rows {
        in_file.insert(&row.employee_id);
        match by_emp.get(row.employee_id.as_str()) {
            None => out.creates.push(row.clone()),
            Some(e) => {
                let changed = changes(e, row);
                if changed.is_empty() {
                    out.unchanged += 1;
                } else {
                    let role_changed =
                        changed.contains(&"role_code") || changed.contains(&"job_title");
                    out.updates.push(PlannedUpdate {
                        id: e.id,
                        row: row.clone(),
                        role_changed,
                        changed,
                    });
                }
            }
        }
    }
    if deactivate_missing {
        out.deactivate = existing
            .iter()
            .filter(|e| e.active && !in_file.contains(e.employee_id.as_str()))
            .map(|e| e.id)
            .collect();
    }
    order_managers_first(&mut out.creates);
    out
}

fn changes(e: &Existing, r: &Row) -> Vec<&'static str> {
    let mut c = Vec::new();
    if e.name != r.name {
        c.push("name");
    }
    if e.email != r.email {
        c.push("email");
    }
    if e.job_title != r.job_title {
        c.push("job_title");
    }
    if e.role_code != r.role_code {
        c.push("role_code");
    }
    if e.team != r.team {
        c.push("team");
    }
    if e.manager_employee_id != r.manager_employee_id {
        c.push("manager_employee_id");
    }
    if e.role_start_date != r.role_start_date && r.role_start_date.is_some() {
        c.push("role_start_date");
    }
    if e.location != r.location {
        c.push("location");
    }
    if !e.active {
        c.push("active");
    }
    c
}

/// Stable sort so every new manager is inserted before the new people reporting to them.
fn order_managers_first(creates: &mut [Row]) {
    let links: HashMap<String, String> = creates
        .iter()
        .filter_map(|r| {
            r.manager_employee_id
                .clone()
                .map(|m| (r.employee_id.clone(), m))
        })
        .collect();
    let ids: Vec<String> = creates.iter().map(|r| r.employee_id.clone()).collect();
    let depth = depths(&links, &ids);
    creates.sort_by_key(|r| depth.get(&r.employee_id).copied().unwrap_or(0));
}
