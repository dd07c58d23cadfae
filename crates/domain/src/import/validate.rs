//! Whole-file checks across rows: duplicates, managers, reporting cycles, role codes.

use super::{Existing, Problems, Row, RowError};
use crate::org::nodes_on_cycles;
use std::collections::HashMap;

/// Check rows against each other and against the people who already exist.
///
/// `known_role` says whether a role code exists in the catalogue. Returns every problem found,
/// sorted by line; an empty list means the file may be applied.
pub fn validate(
    rows: &[Row],
    existing: &[Existing],
    known_role: impl Fn(&str) -> bool,
) -> Vec<RowError> {
    let mut problems = Problems::unbounded();
    validate_into(rows, existing, known_role, &mut problems);
    problems.into_report().problems
}

/// [`validate`], recording into a bounded collector.
pub(super) fn validate_into(
    rows: &[Row],
    existing: &[Existing],
    known_role: impl Fn(&str) -> bool,
    errors: &mut Problems,
) {
    let mut by_id: HashMap<&str, &Row> = HashMap::with_capacity(rows.len());
    let mut by_email: HashMap<&str, &Row> = HashMap::with_capacity(rows.len());
    for row in rows {
        if row.employee_id.is_empty() || row.email.is_empty() {
            // Already reported as a bad cell; skip the cross-row checks that need it.
            if !row.employee_id.is_empty() {
                by_id.entry(&row.employee_id).or_insert(row);
            }
            continue;
        }
        if let Some(first) = by_id.insert(&row.employee_id, row) {
            errors.push(
                RowError::at(
                    row,
                    "employee_id",
                    format!(
                        "{} appears more than once (also on {})",
                        row.employee_id,
                        also(first)
                    ),
                )
                .kind("appears more than once"),
            );
            by_id.insert(&first.employee_id, first);
        }
        if let Some(first) = by_email.insert(&row.email, row) {
            errors.push(
                RowError::at(
                    row,
                    "email",
                    format!(
                        "{} appears more than once (also on {})",
                        row.email,
                        also(first)
                    ),
                )
                .kind("appears more than once"),
            );
            by_email.insert(&first.email, first);
        }
        if let Some(code) = &row.role_code
            && !known_role(code)
        {
            errors.push(
                RowError::at(
                    row,
                    "role_code",
                    format!("{code} is not in the role catalogue"),
                )
                .kind("is not in the role catalogue"),
            );
        }
    }
    let existing_by_id: HashMap<&str, &Existing> = existing
        .iter()
        .map(|e| (e.employee_id.as_str(), e))
        .collect();
    for e in existing {
        if let Some(row) = by_email.get(e.email.as_str())
            && row.employee_id != e.employee_id
            && by_id
                .get(e.employee_id.as_str())
                .is_none_or(|r| r.email == e.email)
        {
            errors.push(
                RowError::at(
                    row,
                    "email",
                    format!(
                        "{} already belongs to employee {}",
                        row.email, e.employee_id
                    ),
                )
                .kind("already belongs to another employee"),
            );
        }
    }
    for row in rows {
        if let Some(m) = &row.manager_employee_id {
            if m == &row.employee_id {
                errors.push(RowError::at(
                    row,
                    "manager_employee_id",
                    "a person cannot manage themselves",
                ));
            } else if !by_id.contains_key(m.as_str()) && !existing_by_id.contains_key(m.as_str()) {
                errors.push(
                    RowError::at(
                        row,
                        "manager_employee_id",
                        format!("{m} is neither in this file nor an existing person"),
                    )
                    .kind("is neither in this file nor an existing person"),
                );
            }
        }
    }
    for e in cycle_errors(rows, existing, &by_id) {
        errors.push(e);
    }
}

/// Where the first occurrence is: "line 3" (CSV) or "line 1, record 2" (JSON).
fn also(first: &Row) -> String {
    match first.record {
        Some(r) => format!("line {}, record {r}", first.line),
        None => format!("line {}", first.line),
    }
}

/// Reporting lines after the import: the file's links override the existing ones.
fn cycle_errors(rows: &[Row], existing: &[Existing], by_id: &HashMap<&str, &Row>) -> Vec<RowError> {
    let mut links: HashMap<&str, &str> = HashMap::with_capacity(rows.len() + existing.len());
    for e in existing {
        if !by_id.contains_key(e.employee_id.as_str())
            && let Some(m) = &e.manager_employee_id
        {
            links.insert(&e.employee_id, m);
        }
    }
    for r in rows {
        if let Some(m) = &r.manager_employee_id
            && m != &r.employee_id
        {
            links.insert(&r.employee_id, m);
        }
    }
    let mut errors = Vec::new();
    for cycle in nodes_on_cycles(&links) {
        let mut shown: Vec<&str> = cycle.clone();
        shown.push(cycle[0]);
        let chain = shown.join(" → ");
        for id in &cycle {
            if let Some(row) = by_id.get(id) {
                errors.push(
                    RowError::at(
                        row,
                        "manager_employee_id",
                        format!("reporting lines form a cycle: {chain}"),
                    )
                    .kind("reporting lines form a cycle"),
                );
            }
        }
    }
    errors
}
