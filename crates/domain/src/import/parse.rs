//! Reading CSV and JSON files into rows, reporting every malformed cell.

use super::{COLUMNS, REQUIRED, Row, RowError, normalise_team};
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
/// checks can still run over every row) together with every problem found.
pub fn parse_all(bytes: &[u8], format: Format) -> (Vec<Row>, Vec<RowError>) {
    match parse_inner(bytes, format) {
        Ok(rows) => (rows, Vec::new()),
        Err((rows, errors)) => (rows, errors),
    }
}

type Parsed = Result<Vec<Row>, (Vec<Row>, Vec<RowError>)>;

fn parse_inner(bytes: &[u8], format: Format) -> Parsed {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((
            Vec::new(),
            vec![RowError::new(
                0,
                "file",
                "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)",
            )],
        ));
    }
    let bytes = strip_bom(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err((
            Vec::new(),
            vec![RowError::new(0, "file", "the file is empty")],
        ));
    }
    match format {
        Format::Csv => parse_csv(bytes),
        Format::Json => parse_json(bytes),
    }
}

fn parse_csv(bytes: &[u8]) -> Parsed {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(bytes);
    let mut errors = Vec::new();
    let header = match reader.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err((
                Vec::new(),
                vec![RowError::new(
                    1,
                    "header",
                    format!("cannot read the header: {e}"),
                )],
            ));
        }
    };
    let mut columns: Vec<Option<usize>> = Vec::with_capacity(header.len());
    let mut seen = [false; COLUMNS.len()];
    for raw in header.iter() {
        let name = String::from_utf8_lossy(raw).trim().to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(i) if seen[i] => {
                errors.push(RowError::new(1, &name, "column appears twice"));
                columns.push(None);
            }
            Some(i) => {
                seen[i] = true;
                columns.push(Some(i));
            }
            None => {
                let shown = if name.is_empty() {
                    "(blank)".to_string()
                } else {
                    name.clone()
                };
                errors.push(RowError::new(
                    1,
                    &shown,
                    format!("unknown column; expected some of: {}", COLUMNS.join(", ")),
                ));
                columns.push(None);
            }
        }
    }
    for req in REQUIRED {
        let i = COLUMNS.iter().position(|c| *c == req).unwrap_or(0);
        if !seen[i] {
            errors.push(RowError::new(
                1,
                req,
                "required column is missing from the header",
            ));
        }
    }
    if !errors.is_empty() {
        return Err((Vec::new(), errors));
    }
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                errors.push(RowError::new(
                    line,
                    "row",
                    format!("cannot read this row: {e}"),
                ));
                break;
            }
        }
        let line = record.position().map(|p| p.line() as usize).unwrap_or(line);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        if record.len() != columns.len() {
            errors.push(RowError::new(
                line,
                "row",
                format!(
                    "has {} fields but the header has {}",
                    record.len(),
                    columns.len()
                ),
            ));
            continue;
        }
        let mut cells: [&str; COLUMNS.len()] = [""; COLUMNS.len()];
        let mut bad_utf8 = false;
        for (field, col) in record.iter().zip(&columns) {
            if let Some(i) = col {
                match std::str::from_utf8(field) {
                    Ok(s) => cells[*i] = s,
                    Err(_) => {
                        errors.push(RowError::new(line, COLUMNS[*i], "is not valid UTF-8 text"));
                        bad_utf8 = true;
                    }
                }
            }
        }
        if !bad_utf8 {
            push_row(line, &cells, &mut rows, &mut errors);
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError::new(
            0,
            "file",
            "the file has a header but no people",
        ));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err((rows, errors))
    }
}

fn parse_json(bytes: &[u8]) -> Parsed {
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            return Err((
                Vec::new(),
                vec![RowError::new(
                    e.line(),
                    "file",
                    format!("is not valid JSON: {e}"),
                )],
            ));
        }
    };
    let Value::Array(items) = value else {
        return Err((
            Vec::new(),
            vec![RowError::new(0, "file", "must be a JSON array of objects")],
        ));
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = i + 1;
        let Value::Object(map) = item else {
            errors.push(RowError::new(line, "record", "must be an object"));
            continue;
        };
        let mut owned: [String; COLUMNS.len()] = Default::default();
        let mut ok = true;
        for (key, v) in map {
            let k = key.trim().to_ascii_lowercase();
            let Some(idx) = COLUMNS.iter().position(|c| *c == k) else {
                errors.push(RowError::new(
                    line,
                    key,
                    format!("unknown field; expected some of: {}", COLUMNS.join(", ")),
                ));
                ok = false;
                continue;
            };
            owned[idx] = match v {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => {
                    errors.push(RowError::new(line, &k, "must be a string"));
                    ok = false;
                    continue;
                }
            };
        }
        for req in REQUIRED {
            if !map.keys().any(|k| k.trim().eq_ignore_ascii_case(req)) {
                errors.push(RowError::new(line, req, "is required"));
                ok = false;
            }
        }
        let _ = ok;
        let cells: [&str; COLUMNS.len()] = std::array::from_fn(|i| owned[i].as_str());
        push_row(line, &cells, &mut rows, &mut errors);
    }
    if items.is_empty() {
        errors.push(RowError::new(0, "file", "the array is empty"));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err((rows, errors))
    }
}

/// Clean one row's cells, recording an error per bad cell.
fn push_row(
    line: usize,
    c: &[&str; COLUMNS.len()],
    rows: &mut Vec<Row>,
    errors: &mut Vec<RowError>,
) {
    let mut req = |field: &str, raw: &str, max: usize| match required_text(raw, max) {
        Ok(v) => v,
        Err(m) => {
            errors.push(RowError::new(line, field, m));
            String::new()
        }
    };
    let employee_id = req("employee_id", c[0], 64);
    let name = req("name", c[1], 200);
    let email = match normalise_email(c[2]) {
        Ok(e) => e,
        Err(m) => {
            errors.push(RowError::new(
                line,
                "email",
                format!("{m} (got {:?})", c[2].trim()),
            ));
            String::new()
        }
    };
    let mut opt = |field: &str, raw: &str, max: usize| match optional_text(raw, max) {
        Ok(v) => v,
        Err(m) => {
            errors.push(RowError::new(line, field, m));
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
                errors.push(RowError::new(
                    line,
                    "role_start_date",
                    format!("{m} (got {:?})", c[7].trim()),
                ));
                None
            }
        }
    };
    {
        rows.push(Row {
            line,
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
