//! What the conformance tests share: a fixed clock and a minimal person to seed.

use ladderless_store::import::NewPerson;
use ladderless_store::new_id;
use time::OffsetDateTime;

/// The fixed "now" of a test.
pub fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time")
}

/// A person with only what the store requires: employee id `n`, e-mail `n@x.org`.
pub fn person(n: &str) -> NewPerson {
    NewPerson {
        id: new_id(),
        employee_id: n.into(),
        name: format!("Person {n}"),
        email: format!("{n}@x.org"),
        job_title: "Developer".into(),
        role_code: None,
        team: None,
        manager_id: None,
        role_start_date: None,
        location: String::new(),
    }
}
