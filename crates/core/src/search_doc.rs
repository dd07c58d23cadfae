//! The directory-search document of a person: what anyone may find them by.
//!
//! Only organisation facts (name, title, team, role, location) and skills the person shares
//! with everyone go in, so private data cannot be found through search.

/// Compose a search document.
pub fn compose(
    name: &str,
    job_title: &str,
    team: Option<&str>,
    role_title: Option<&str>,
    location: &str,
    public_skills: &[&str],
) -> String {
    let mut doc = String::with_capacity(128);
    for part in [
        name,
        job_title,
        team.unwrap_or(""),
        role_title.unwrap_or(""),
        location,
    ] {
        if !part.is_empty() {
            doc.push_str(part);
            doc.push_str(" | ");
        }
    }
    doc.push_str(&public_skills.join(" | "));
    doc
}

#[cfg(test)]
mod tests {
    #[test]
    fn includes_only_what_it_is_given() {
        let d = super::compose(
            "Ada Obi",
            "Nurse",
            Some("Care / Ward 3"),
            Some("Registered Nurses"),
            "Leeds",
            &["triage"],
        );
        assert!(
            d.contains("Ada Obi")
                && d.contains("Ward 3")
                && d.contains("triage")
                && d.contains("Leeds")
        );
    }
}
