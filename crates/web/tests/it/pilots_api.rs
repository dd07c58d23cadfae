//! `/api/v1/pilots` and starting a pilot through the API: what the pilot pages can do, with
//! the one error shape and the same authorisation (owner and sponsor only; only the owner ends).

use crate::career_owner_support;

use career_owner_support::{send, signed_in, token_for};
use ladderless_testkit::{Client, check, each_backend, person_id};
use serde_json::json;

/// Eve's opportunity proposed to Max and supported by him; returns its id.
async fn supported(api: &Client, eve: &str, max: &str) -> anyhow::Result<String> {
    let o = send(
        api,
        "POST",
        "/api/v1/opportunities",
        eve,
        Some(json!({"title": "Accounts on day one"})),
    )
    .await?;
    check!(o.status == 201, "create: {}", o.body);
    let id = o.json()["id"].as_str().unwrap_or_default().to_string();
    let p = send(api, "POST", "/api/v1/proposals", eve, Some(json!({"opportunity_id": id, "sponsor_email": "max@example.org", "time_share": 20, "duration_weeks": 8}))).await?;
    check!(p.status == 201, "propose: {}", p.body);
    let pid = p.json()["id"].as_str().unwrap_or_default().to_string();
    let a = send(
        api,
        "POST",
        &format!("/api/v1/proposals/{pid}/answer"),
        max,
        Some(json!({"answer": "support"})),
    )
    .await?;
    check!(a.status == 200, "support: {}", a.body);
    Ok(id)
}

#[tokio::test]
async fn the_pilot_api_mirrors_the_pilot_pages_with_their_authorisation() {
    each_backend(|s| async move {
        let api = s.client();
        let (eve, max, sid, ann) = (
            token_for(&s, "eve@example.org").await?,
            token_for(&s, "max@example.org").await?,
            token_for(&s, "sid@example.org").await?,
            token_for(&s, "ann@example.org").await?,
        );
        let opp = supported(&api, &eve, &max).await?;
        let start = format!("/api/v1/opportunities/{opp}/pilot");

        let bad = send(&api, "POST", &start, &eve, Some(json!({"time_share": 80, "starts_on": "2026-13-01"}))).await?;
        let f = bad.json();
        check!(bad.status == 422 && f["error"] == "invalid", "bad input: {}", bad.body);
        for field in ["responsibilities", "time_share", "starts_on", "ends_on"] {
            check!(f["fields"][field].is_string(), "{field} named: {f}");
        }
        let good = json!({"responsibilities": "Prepare accounts for each intake", "starts_on": "2026-11-02", "ends_on": "2026-12-21"});
        check!(send(&api, "POST", &start, &sid, Some(good.clone())).await?.status == 404, "a colleague cannot start it");
        check!(send(&api, "POST", &start, &max, Some(good.clone())).await?.status == 403, "nor the sponsor");
        let r = send(&api, "POST", &start, &eve, Some(good.clone())).await?;
        check!(r.status == 201 && r.json()["pilot"]["time_share"] == 20 && r.json()["is_owner"] == true, "start: {}", r.body);
        let id = r.json()["pilot"]["id"].as_str().unwrap_or_default().to_string();
        check!(send(&api, "POST", &start, &eve, Some(good)).await?.status == 422, "one pilot per opportunity");

        let mine = send(&api, "GET", "/api/v1/pilots", &eve, None).await?.json();
        check!(mine["mine"][0]["id"] == id.as_str() && mine["mine"][0]["title"] == "Accounts on day one" && mine["sponsored"].as_array().is_some_and(|a| a.is_empty()), "Eve runs it: {mine}");
        let theirs = send(&api, "GET", "/api/v1/pilots", &max, None).await?.json();
        check!(theirs["sponsored"][0]["id"] == id.as_str() && theirs["sponsored"][0]["owner_name"] == "Eve Employee" && theirs["mine"].as_array().is_some_and(|a| a.is_empty()), "Max sponsors it: {theirs}");
        let none = send(&api, "GET", "/api/v1/pilots", &sid, None).await?.json();
        check!(none["mine"].as_array().is_some_and(|a| a.is_empty()) && none["sponsored"].as_array().is_some_and(|a| a.is_empty()), "not Sid's: {none}");
        check!(api.get("/api/v1/pilots").await?.status == 401, "no token: 401");

        let one = format!("/api/v1/pilots/{id}");
        check!(send(&api, "GET", &one, &eve, None).await?.status == 200, "owner reads it");
        let r = send(&api, "GET", &one, &max, None).await?;
        check!(r.status == 200 && r.json()["is_sponsor"] == true && r.json()["sponsor_name"] == "Max Manager", "sponsor reads it: {}", r.body);
        for (who, t) in [("colleague", &sid), ("talent admin", &ann)] {
            let r = send(&api, "GET", &one, t, None).await?;
            check!(r.status == 404 && r.json()["error"] == "not_found", "{who} cannot read it: {} {}", r.status, r.body);
            let r = send(&api, "POST", &format!("{one}/check-ins"), t, Some(json!({"note": "Looks good"}))).await?;
            check!(r.status == 404, "{who} cannot add a check-in: {}", r.status);
            let r = send(&api, "POST", &format!("{one}/end"), t, Some(json!({"outcome": "dropped", "reflection": "x"}))).await?;
            check!(r.status == 404, "{who} cannot end it: {}", r.status);
        }
        for path in ["/api/v1/pilots/not-a-uuid", "/api/v1/pilots/0190a4c2-0000-7000-8000-000000000000"] {
            let r = send(&api, "GET", path, &eve, None).await?;
            check!(r.status == 404 && r.json()["error"] == "not_found", "{path}: {} {}", r.status, r.body);
        }
        let r = send(&api, "POST", "/api/v1/pilots/42/check-ins", &eve, Some(json!({"note": "x"}))).await?;
        check!(r.status == 404 && r.json()["error"] == "not_found", "malformed id on a write: {}", r.body);

        let empty = send(&api, "POST", &format!("{one}/check-ins"), &eve, Some(json!({"note": "  "}))).await?;
        check!(empty.status == 422 && empty.json()["fields"]["note"].is_string(), "an empty note: {}", empty.body);
        let r = send(&api, "POST", &format!("{one}/check-ins"), &eve, Some(json!({"note": "First intake: all five answered a customer"}))).await?;
        check!(r.status == 201, "owner check-in: {}", r.body);
        let r = send(&api, "POST", &format!("{one}/check-ins"), &max, Some(json!({"note": "Support leads ask to keep it"}))).await?;
        check!(r.status == 201 && r.json()["checkins"].as_array().is_some_and(|a| a.len() == 2), "sponsor check-in: {}", r.body);
        check!(r.json()["checkins"][1]["author_name"] == "Max Manager", "authors named: {}", r.body);

        let end = format!("{one}/end");
        let r = send(&api, "POST", &end, &max, Some(json!({"outcome": "new_role", "reflection": "x", "role_title": "Sponsor's idea"}))).await?;
        check!(r.status == 403 && r.json()["error"] == "forbidden", "the sponsor cannot end it as the owner: {} {}", r.status, r.body);
        let r = send(&api, "POST", &end, &eve, Some(json!({"outcome": "promoted"}))).await?;
        check!(r.status == 422 && r.json()["fields"]["outcome"].is_string() && r.json()["fields"]["reflection"].is_string(), "bad outcome: {}", r.body);
        let r = send(&api, "POST", &end, &eve, Some(json!({"outcome": "new_role", "reflection": "It worked"}))).await?;
        check!(r.status == 422 && r.json()["fields"]["role_title"] == "is required for a new role", "a new role needs a title: {}", r.body);
        let r = send(&api, "POST", &end, &eve, Some(json!({"outcome": "new_role", "reflection": "It worked", "role_title": "Onboarding Lead", "role_skills": ["no-such-skill"]}))).await?;
        check!(r.status == 422 && r.json()["fields"]["role_skills"].is_string(), "unknown skills: {}", r.body);
        check!(s.app.store.org_roles().await?.is_empty(), "nothing written by refused ends");

        let r = send(&api, "POST", &end, &eve, Some(json!({"outcome": "new_role", "reflection": "Onboarding is a job of its own",
            "role_title": "Onboarding Lead", "role_description": "Gets every joiner working on day one", "move_into_role": true}))).await?;
        check!(r.status == 200, "end: {} {}", r.status, r.body);
        let v = r.json();
        check!(v["pilot"]["outcome"] == "new_role" && v["role_title"] == "Onboarding Lead", "the outcome and the role: {v}");
        let code = v["pilot"]["role_code"].as_str().unwrap_or_default().to_string();
        let role = send(&api, "GET", &format!("/api/v1/roles/{code}"), &sid, None).await?;
        check!(role.status == 200 && role.body.contains("Onboarding Lead"), "the role is in the catalogue: {} {}", role.status, role.body);
        let history = s.app.store.role_history(person_id(&s.app, "eve@example.org").await?).await?;
        check!(history.iter().any(|h| h.role_code.as_deref() == Some(code.as_str()) && h.source == "pilot" && h.ended_on.is_none()), "moved into it: {history:?}");
        let o = send(&api, "GET", &format!("/api/v1/opportunities/{opp}"), &eve, None).await?.json();
        check!(o["opportunity"]["stage"] == "new_role", "the opportunity's outcome: {o}");

        let r = send(&api, "POST", &format!("{one}/check-ins"), &max, Some(json!({"note": "Late note"}))).await?;
        check!(r.status == 422 && r.json()["fields"]["note"] == "the pilot has ended", "no check-ins after the end: {}", r.body);
        let r = send(&api, "POST", &end, &eve, Some(json!({"outcome": "dropped", "reflection": "again"}))).await?;
        check!(r.status == 422 && r.json()["fields"]["outcome"] == "the pilot has already ended", "ends once: {}", r.body);
        let listed = send(&api, "GET", "/api/v1/pilots", &eve, None).await?.json();
        check!(listed["mine"][0]["outcome"] == "new_role", "the list shows the outcome: {listed}");
        let page = signed_in(&s, "max@example.org").await?.get(&format!("/pilots/{id}")).await?;
        check!(page.status == 200 && page.body.contains("Onboarding Lead"), "the page agrees");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_lists_the_pilot_routes() {
    each_backend(|s| async move {
        let doc = s.client().get("/api/v1/openapi.json").await?.json();
        for (method, path) in [
            ("post", "/api/v1/opportunities/{id}/pilot"),
            ("get", "/api/v1/pilots"),
            ("get", "/api/v1/pilots/{id}"),
            ("post", "/api/v1/pilots/{id}/check-ins"),
            ("post", "/api/v1/pilots/{id}/end"),
        ] {
            check!(
                doc["paths"][path][method].is_object(),
                "{method} {path} is documented"
            );
        }
        for schema in ["PilotInput", "CheckIn", "PilotEnd"] {
            check!(
                doc["components"]["schemas"][schema]["properties"].is_object(),
                "schema {schema}"
            );
        }
        Ok(())
    })
    .await;
}
