//! Helpers shared by the career-owner HTTP tests: API tokens, any-method requests, sign-in,
//! dates relative to the server's today.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use ladderless_testkit::{Client, PASSWORD, Reply, TestServer, person_id};
use serde_json::Value;
use time::Duration;

/// A personal API token for a person of the seeded organisation.
pub async fn token_for(s: &TestServer, email: &str) -> anyhow::Result<String> {
    let id = person_id(&s.app, email).await?;
    Ok(s.app
        .create_api_token(id, "test")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .1)
}

/// Send a request with any method and an optional JSON body, as a token holder.
pub async fn send(
    c: &Client,
    method: &str,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> anyhow::Result<Reply> {
    let m = reqwest::Method::from_bytes(method.as_bytes())?;
    let mut req = c
        .http
        .request(m, format!("{}{path}", c.base))
        .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let resp = req.send().await?;
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    Ok(Reply {
        status,
        location: None,
        body: resp.text().await?,
        headers,
    })
}

/// A client signed in as `email`.
pub async fn signed_in(s: &TestServer, email: &str) -> anyhow::Result<Client> {
    let c = s.client();
    c.sign_in(email, PASSWORD).await?;
    Ok(c)
}

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
