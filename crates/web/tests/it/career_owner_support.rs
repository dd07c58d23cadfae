//! Helpers shared by the career-owner HTTP tests: API tokens, any-method requests, sign-in,
//! dates relative to the server's today.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use ladderless_testkit::{Reply, TestServer, person_id};
pub use ladderless_testkit::{send, signed_in, token_for};
use time::Duration;

/// The start of a body, for failure messages.
pub fn excerpt(body: &str) -> String {
    body.chars().take(300).collect()
}

/// The server's today plus `offset` days, as YYYY-MM-DD.
pub fn day(s: &TestServer, offset: i64) -> String {
    (s.app.today() + Duration::days(offset)).to_string()
}

/// The id at the end of a redirect such as `/customers/ID?notice=…`.
pub fn id_from(r: &Reply, prefix: &str) -> String {
    r.location
        .as_deref()
        .unwrap_or("")
        .trim_start_matches(prefix)
        .split('?')
        .next()
        .unwrap_or("")
        .to_string()
}

/// The actor of a person, for calling the core directly.
pub async fn actor(s: &TestServer, email: &str) -> anyhow::Result<ladderless_core::Actor> {
    let person = s.app.store.person(person_id(&s.app, email).await?).await?;
    Ok(ladderless_core::Actor {
        person,
        is_manager: false,
    })
}
