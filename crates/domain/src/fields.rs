//! Field-level validation shared by forms, the API and imports.

use serde::Serialize;
use std::collections::BTreeMap;

/// Errors keyed by field name, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Record an error for `field` (the first one wins).
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    /// Whether no error was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The error for one field.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// Check an e-mail address well enough to catch typos; returns it lower-cased.
pub fn normalise_email(raw: &str) -> Result<String, &'static str> {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err("is required");
    }
    if email.len() > 254 {
        return Err("is longer than 254 characters");
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces");
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err("must look like name@example.com");
    };
    if local.is_empty() || domain.contains('@') {
        return Err("must look like name@example.com");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
    {
        return Err("must have a domain such as example.com");
    }
    Ok(email)
}

/// Parse an ISO date (YYYY-MM-DD).
pub fn parse_date(raw: &str) -> Result<time::Date, &'static str> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(raw.trim(), fmt).map_err(|_| "must be a date written YYYY-MM-DD")
}

/// Trim a required text field and check its length.
pub fn required_text(raw: &str, max: usize) -> Result<String, String> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("is required".into());
    }
    optional_text(t, max)
}

/// Trim an optional text field and check its length.
pub fn optional_text(raw: &str, max: usize) -> Result<String, String> {
    let t = raw.trim();
    if t.chars().count() > max {
        return Err(format!("must be at most {max} characters"));
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err("contains control characters".into());
    }
    Ok(t.to_string())
}

/// Check a new password: long enough, not absurdly long.
pub fn check_password(pw: &str) -> Result<(), &'static str> {
    let n = pw.chars().count();
    if n < 10 {
        return Err("must be at least 10 characters");
    }
    if n > 200 {
        return Err("must be at most 200 characters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("Ana@Example.COM", Ok("ana@example.com"))]
    #[case(" bo@x.org ", Ok("bo@x.org"))]
    #[case("", Err("is required"))]
    #[case("no-at-sign", Err("must look like name@example.com"))]
    #[case("a@b", Err("must have a domain such as example.com"))]
    #[case("a b@x.org", Err("must not contain spaces"))]
    #[case("a@@x.org", Err("must look like name@example.com"))]
    #[case("a@x..org", Err("must have a domain such as example.com"))]
    fn emails(#[case] raw: &str, #[case] want: Result<&str, &str>) {
        assert_eq!(normalise_email(raw).as_deref().map_err(|e| *e), want);
    }

    #[rstest]
    #[case("2024-02-29", true)]
    #[case("2023-02-29", false)]
    #[case("29/02/2024", false)]
    #[case("", false)]
    fn dates(#[case] raw: &str, #[case] ok: bool) {
        assert_eq!(parse_date(raw).is_ok(), ok);
    }

    #[test]
    fn passwords_and_text() {
        assert!(check_password("short").is_err());
        assert!(check_password("a much longer one").is_ok());
        assert_eq!(required_text("  x ", 5).unwrap(), "x");
        assert!(required_text("   ", 5).is_err());
        assert!(optional_text("abcdef", 5).is_err());
        assert!(optional_text("bell\u{7}", 50).is_err());
    }

    #[test]
    fn field_errors_keep_first() {
        let mut e = FieldErrors::new();
        e.add("email", "first");
        e.add("email", "second");
        assert_eq!(e.get("email"), Some("first"));
        assert!(e.into_result().is_err());
    }
}
