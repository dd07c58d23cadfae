//! HRIS import: parse CSV or JSON, validate the whole file, and plan an idempotent upsert.
//!
//! Nothing here touches storage: the caller passes in what exists and gets back either every
//! problem (with line, field and reason) or a plan to apply in one transaction.

mod lines;
mod parse;
mod plan;
mod report;
mod validate;

pub use lines::{MAX_CELL_BYTES, MAX_COLUMNS};
pub use parse::{Format, parse, parse_all};
pub use plan::{Existing, Plan, PlannedUpdate, plan};
pub use report::{MoreProblems, Problems, REPORT_LIMIT, Report, thousands};
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
    /// Physical line (1-based, as a text editor numbers it) where the record starts.
    pub line: usize,
    /// For a JSON array, the record's position in it (1-based); None for CSV.
    pub record: Option<usize>,
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
    /// Physical line in the file (as a text editor numbers it); 0 for the whole file.
    pub line: usize,
    /// For a JSON array, the record's position in it (1-based).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    /// The column at fault.
    pub field: String,
    /// Why it is wrong, in plain words.
    pub message: String,
    /// The kind of problem without values from the file, for counting what is not listed.
    #[serde(skip)]
    pub kind: String,
}

impl RowError {
    /// A new error whose message names no value from the file (so it is also its kind).
    pub fn new(line: usize, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        RowError {
            line,
            record: None,
            field: shown(field),
            kind: message.clone(),
            message,
        }
    }

    /// A new error about one row.
    pub fn at(row: &Row, field: &str, message: impl Into<String>) -> Self {
        RowError {
            record: row.record,
            ..RowError::new(row.line, field, message)
        }
    }

    /// The same error, counted under `kind` (a message with values from the file needs one).
    pub fn kind(mut self, kind: &str) -> Self {
        self.kind = kind.to_string();
        self
    }

    /// The same error, for record `record` of a JSON array.
    pub fn record(mut self, record: Option<usize>) -> Self {
        self.record = record;
        self
    }

    /// Where, in words: "line 3", "line 1 (record 2)" or "whole file".
    pub fn place(&self) -> String {
        match (self.line, self.record) {
            (0, _) => "whole file".into(),
            (l, Some(r)) => format!("line {l} (record {r})"),
            (l, None) => format!("line {l}"),
        }
    }
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.place(), self.field, self.message)
    }
}

/// A value from the file as shown in a report: at most 40 characters.
pub(crate) fn shown(raw: &str) -> String {
    let mut chars = raw.chars();
    let cut: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{cut}…")
    } else {
        cut
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

/// Parse and validate a whole file: the rows, or a report of its problems (cell and
/// whole-file), the first [`REPORT_LIMIT`] in full and the rest counted by kind.
pub fn check(
    bytes: &[u8],
    format: Format,
    existing: &[Existing],
    known_role: impl Fn(&str) -> bool,
) -> Result<Vec<Row>, Report> {
    let mut problems = Problems::new(REPORT_LIMIT);
    let (rows, readable) = parse::parse_into(bytes, format, &mut problems);
    if readable {
        validate::validate_into(&rows, existing, known_role, &mut problems);
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems.into_report())
    }
}

#[cfg(test)]
mod line_tests;
#[cfg(test)]
mod tests;
