//! HRIS import: parse CSV or JSON, validate the whole file, and plan an idempotent upsert.
//!
//! Nothing here touches storage: the caller passes in what exists and gets back either every
//! problem (with line, field and reason) or a plan to apply in one transaction.

mod parse;
mod plan;
mod validate;

pub use parse::{Format, parse, parse_all};
pub use plan::{Existing, Plan, PlannedUpdate, plan};
pub use validate::validate;

use serde::Serialize;

/// The columns an import understands, in their canonical order.
pub const COLUMNS: [&str; 9] = [
    "employee_id",
    "name",
    "email",
    "job_title",
    "role_code",
    "team",
    "manager_employee_id",
    "role_start_date",
    "location",
];

/// The columns every file must have.
pub const REQUIRED: [&str; 3] = ["employee_id", "name", "email"];

/// One person as the file describes them, after basic cleaning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Line in a CSV file (of the record's start), or record number in a JSON array (1-based).
    pub line: usize,
    /// The HRIS key.
    pub employee_id: String,
    /// Full name.
    pub name: String,
    /// E-mail, lower-cased.
    pub email: String,
    /// Job title as the HRIS has it.
    pub job_title: String,
    /// A role code from the catalogue.
    pub role_code: Option<String>,
    /// Team path, segments joined by " / ".
    pub team: Option<String>,
    /// The manager's employee id.
    pub manager_employee_id: Option<String>,
    /// When the person started in their current role.
    pub role_start_date: Option<time::Date>,
    /// Office or region.
    pub location: String,
}

/// A problem with the file or one of its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    /// Line (CSV) or record number (JSON); 0 for the whole file.
    pub line: usize,
    /// The column at fault.
    pub field: String,
    /// Why it is wrong, in plain words.
    pub message: String,
}

impl RowError {
    /// A new error.
    pub fn new(line: usize, field: &str, message: impl Into<String>) -> Self {
        RowError {
            line,
            field: field.to_string(),
            message: message.into(),
        }
    }
}

/// Normalise a team path: trims segments, drops empty ones, joins with " / ".
pub fn normalise_team(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw
        .split(['/', '>'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(" / "))
    }
}

/// Sort errors by line then field, for a readable report.
pub fn sort_errors(errors: &mut [RowError]) {
    errors.sort_by(|a, b| a.line.cmp(&b.line).then_with(|| a.field.cmp(&b.field)));
}

/// Parse and validate a whole file: the rows, or every problem in it (cell and whole-file).
pub fn check(
    bytes: &[u8],
    format: Format,
    existing: &[Existing],
    known_role: impl Fn(&str) -> bool,
) -> Result<Vec<Row>, Vec<RowError>> {
    let (rows, mut errors) = parse_all(bytes, format);
    let file_level = errors
        .iter()
        .any(|e| e.line <= 1 && (e.field == "file" || e.field == "header" || e.line == 1));
    if !file_level {
        for e in validate(&rows, existing, known_role) {
            if !errors
                .iter()
                .any(|x| x.line == e.line && x.field == e.field)
            {
                errors.push(e);
            }
        }
    }
    sort_errors(&mut errors);
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests;
