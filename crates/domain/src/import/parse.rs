//! Reading CSV and JSON files into rows, reporting every malformed cell.

use super::lines::{MAX_CELL_BYTES, MAX_COLUMNS, Next, Reader, json_element_starts, lines_of};
use super::{COLUMNS, Problems, REQUIRED, Row, RowError, normalise_team, shown, thousands};
use crate::fields::{normalise_email, optional_text, parse_date, required_text};
use serde_json::Value;

/// The file formats an import accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
}

impl Format {
    /// Guess from a file name or content type; CSV unless it says JSON.
    pub fn guess(name_or_type: &str, bytes: &[u8]) -> Format {
        let n = name_or_type.to_ascii_lowercase();
        if n.ends_with(".json") || n.contains("json") {
            return Format::Json;
        }
        let first = strip_bom(bytes).iter().find(|b| !b.is_ascii_whitespace());
        if n.is_empty() && first == Some(&b'[') {
            Format::Json
        } else {
            Format::Csv
        }
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(bytes)
}

/// Parse a whole file; every problem is reported, not just the first.
pub fn parse(bytes: &[u8], format: Format) -> Result<Vec<Row>, Vec<RowError>> {
    let (rows, errors) = parse_all(bytes, format);
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Parse a whole file, returning the rows read (bad cells left blank, so later whole-file
/// checks can still run over every row) together with every problem found, by line.
pub fn parse_all(bytes: &[u8], format: Format) -> (Vec<Row>, Vec<RowError>) {
    let mut problems = Problems::unbounded();
    let (rows, _) = parse_into(bytes, format, &mut problems);
    (rows, problems.into_report().problems)
}

/// Parse into a collector. Returns the rows and whether the file as a whole could be read
/// (false when the header, encoding or JSON structure is wrong: then no row checks follow).
pub(super) fn parse_into(bytes: &[u8], format: Format, out: &mut Problems) -> (Vec<Row>, bool) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        out.push(RowError::new(
            0,
            "file",
            "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)",
        ));
        return (Vec::new(), false);
    }
    let bytes = strip_bom(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        out.push(RowError::new(0, "file", "the file is empty"));
        return (Vec::new(), false);
    }
    match format {
        Format::Csv => parse_csv(bytes, out),
        Format::Json => parse_json(bytes, out),
    }
}

fn unclosed(line: usize, quote_line: usize, field: &str) -> RowError {
    RowError::new(
        line,
        field,
        format!("unclosed quote starting on line {quote_line}; add the closing \""),
    )
    .kind("unclosed quote")
}

/// Read the header: which canonical column each position is, or None after reporting why not.
fn read_header(reader: &mut Reader<'_>, out: &mut Problems) -> Option<Vec<usize>> {
    let header = match reader.next_record() {
        Next::Record(r) => r,
        Next::UnclosedQuote { line, quote_line } => {
            out.push(unclosed(line, quote_line, "header"));
            return None;
        }
        Next::End => {
            out.push(RowError::new(0, "file", "the file is empty"));
            return None;
        }
    };
    let line = header.line;
    if header.count > MAX_COLUMNS {
        out.push(
            RowError::new(
                line,
                "header",
                format!(
                    "has {} columns; at most {MAX_COLUMNS} are allowed",
                    thousands(header.count)
                ),
            )
            .kind(&format!("more than {MAX_COLUMNS} columns")),
        );
        return None;
    }
    let before = out.total();
    let mut columns = Vec::with_capacity(header.count);
    let mut seen = [false; COLUMNS.len()];
    for raw in &header.fields {
        let name = String::from_utf8_lossy(raw).trim().to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(i) if seen[i] => out.push(RowError::new(line, &name, "column appears twice")),
            Some(i) => {
                seen[i] = true;
                columns.push(i);
            }
            None => {
                let shown = if name.is_empty() { "(blank)" } else { &name };
                out.push(RowError::new(
                    line,
                    shown,
                    format!("unknown column; expected some of: {}", COLUMNS.join(", ")),
                ));
            }
        }
    }
    for (i, req) in COLUMNS.iter().enumerate() {
        if REQUIRED.contains(req) && !seen[i] {
            out.push(RowError::new(
                line,
                req,
                "required column is missing from the header",
            ));
        }
    }
    (before == out.total()).then_some(columns)
}

fn parse_csv(bytes: &[u8], out: &mut Problems) -> (Vec<Row>, bool) {
    let mut reader = Reader::new(bytes);
    let Some(columns) = read_header(&mut reader, out) else {
        return (Vec::new(), false);
    };
    let mut rows = Vec::new();
    loop {
        let record = match reader.next_record() {
            Next::End => break,
            Next::UnclosedQuote { line, quote_line } => {
                out.push(unclosed(line, quote_line, "row"));
                break;
            }
            Next::Record(r) => r,
        };
        let line = record.line;
        if record.is_blank() && record.count <= MAX_COLUMNS {
            continue;
        }
        if record.count != columns.len() {
            out.push(
                RowError::new(
                    line,
                    "row",
                    format!(
                        "has {} fields but the header has {}",
                        thousands(record.count),
                        columns.len()
                    ),
                )
                .kind("wrong number of fields"),
            );
            continue;
        }
        let mut cells: [&str; COLUMNS.len()] = [""; COLUMNS.len()];
        let mut bad = false;
        for (pos, (field, &col)) in record.fields.iter().zip(&columns).enumerate() {
            if record.too_long.contains(&pos) {
                out.push(RowError::new(
                    line,
                    COLUMNS[col],
                    format!("is longer than {MAX_CELL_BYTES} bytes"),
                ));
                bad = true;
                continue;
            }
            match std::str::from_utf8(field) {
                Ok(s) => cells[col] = s,
                Err(_) => {
                    out.push(RowError::new(line, COLUMNS[col], "is not valid UTF-8 text"));
                    bad = true;
                }
            }
        }
        if !bad {
            push_row(line, None, &cells, &mut rows, out);
        }
    }
    if rows.is_empty() && out.is_empty() {
        out.push(RowError::new(
            0,
            "file",
            "the file has a header but no people",
        ));
    }
    (rows, true)
}

fn parse_json(bytes: &[u8], out: &mut Problems) -> (Vec<Row>, bool) {
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            out.push(
                RowError::new(e.line(), "file", format!("is not valid JSON: {e}"))
                    .kind("is not valid JSON"),
            );
            return (Vec::new(), false);
        }
    };
    let Value::Array(items) = value else {
        out.push(RowError::new(0, "file", "must be a JSON array of objects"));
        return (Vec::new(), false);
    };
    if items.is_empty() {
        out.push(RowError::new(0, "file", "the array is empty"));
        return (Vec::new(), false);
    }
    let lines = lines_of(bytes, &json_element_starts(bytes));
    let mut rows = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let record = Some(i + 1);
        let line = lines.get(i).copied().unwrap_or(1);
        let err = |field: &str, message: String| RowError::new(line, field, message).record(record);
        let Value::Object(map) = item else {
            out.push(err("record", "must be an object".into()));
            continue;
        };
        if map.len() > MAX_COLUMNS {
            out.push(
                err(
                    "record",
                    format!(
                        "has {} fields; at most {MAX_COLUMNS} are allowed",
                        map.len()
                    ),
                )
                .kind(&format!("more than {MAX_COLUMNS} fields")),
            );
            continue;
        }
        let mut owned: [String; COLUMNS.len()] = Default::default();
        for (key, v) in map {
            let k = key.trim().to_ascii_lowercase();
            let Some(idx) = COLUMNS.iter().position(|c| *c == k) else {
                out.push(err(
                    key,
                    format!("unknown field; expected some of: {}", COLUMNS.join(", ")),
                ));
                continue;
            };
            owned[idx] = match v {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => {
                    out.push(err(&k, "must be a string".into()));
                    continue;
                }
            };
        }
        for req in REQUIRED {
            if !map.keys().any(|k| k.trim().eq_ignore_ascii_case(req)) {
                out.push(err(req, "is required".into()));
            }
        }
        let cells: [&str; COLUMNS.len()] = std::array::from_fn(|i| owned[i].as_str());
        push_row(line, record, &cells, &mut rows, out);
    }
    (rows, true)
}

/// Clean one row's cells, recording an error per bad cell.
fn push_row(
    line: usize,
    record: Option<usize>,
    c: &[&str; COLUMNS.len()],
    rows: &mut Vec<Row>,
    errors: &mut Problems,
) {
    let mut req = |field: &str, raw: &str, max: usize| match required_text(raw, max) {
        Ok(v) => v,
        Err(m) => {
            errors.push(RowError::new(line, field, m).record(record));
            String::new()
        }
    };
    let employee_id = req("employee_id", c[0], 64);
    let name = req("name", c[1], 200);
    let email = match normalise_email(c[2]) {
        Ok(e) => e,
        Err(m) => {
            errors.push(
                RowError::new(line, "email", format!("{m} (got {:?})", shown(c[2].trim())))
                    .kind(m)
                    .record(record),
            );
            String::new()
        }
    };
    let mut opt = |field: &str, raw: &str, max: usize| match optional_text(raw, max) {
        Ok(v) => v,
        Err(m) => {
            errors.push(RowError::new(line, field, m).record(record));
            String::new()
        }
    };
    let job_title = opt("job_title", c[3], 200);
    let role_code = opt("role_code", c[4], 64);
    let team = opt("team", c[5], 300);
    let manager = opt("manager_employee_id", c[6], 64);
    let location = opt("location", c[8], 200);
    let role_start_date = if c[7].trim().is_empty() {
        None
    } else {
        match parse_date(c[7]) {
            Ok(d) => Some(d),
            Err(m) => {
                errors.push(
                    RowError::new(
                        line,
                        "role_start_date",
                        format!("{m} (got {:?})", shown(c[7].trim())),
                    )
                    .kind(m)
                    .record(record),
                );
                None
            }
        }
    };
    {
        rows.push(Row {
            line,
            record,
            employee_id,
            name,
            email,
            job_title,
            role_code: Some(role_code).filter(|s| !s.is_empty()),
            team: normalise_team(&team),
            manager_employee_id: Some(manager).filter(|s| !s.is_empty()),
            role_start_date,
            location,
        });
    }
}
