//! Talent admins find people by employee id or e-mail through the API and see both keys;
//! nobody else sees them or may filter by them (403).

use ladderless_testkit::{TestServer, check, each_backend, person_id};

async fn token(s: &TestServer, email: &str) -> anyhow::Result<String> {
    let id = person_id(&s.app, email).await?;
    Ok(s.app
        .create_api_token(id, "keys")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .1)
}

#[tokio::test]
async fn a_talent_admin_finds_people_by_employee_id_or_email_exactly() {
    each_backend(|s| async move {
        let admin = token(&s, "ann@example.org").await?;
        let c = s.client();
        let r = c.api_get("/api/v1/people?employee_id=E4", &admin).await?;
        check!(r.status == 200, "status {}", r.status);
        let items = r.json()["items"].as_array().cloned().unwrap_or_default();
        check!(items.len() == 1, "exactly one: {items:?}");
        check!(
            items[0]["name"] == "Eve Employee"
                && items[0]["employee_id"] == "E4"
                && items[0]["email"] == "eve@example.org",
            "{items:?}"
        );
        // E-mail in any case; employee ids exactly (E4 is not E44 or e4).
        let r = c
            .api_get("/api/v1/people?email=EVE%40Example.ORG", &admin)
            .await?;
        let items = r.json()["items"].as_array().cloned().unwrap_or_default();
        check!(
            items.len() == 1 && items[0]["employee_id"] == "E4",
            "{items:?}"
        );
        for q in [
            "employee_id=e4",
            "employee_id=E",
            "email=eve%40example",
            "employee_id=E4&email=max%40example.org",
        ] {
            let r = c.api_get(&format!("/api/v1/people?{q}"), &admin).await?;
            check!(r.status == 200, "{q}: {}", r.status);
            check!(
                r.json()["items"] == serde_json::json!([]),
                "{q}: {}",
                r.json()
            );
        }
        let r = c
            .api_get(
                "/api/v1/people?employee_id=E4&email=eve%40example.org",
                &admin,
            )
            .await?;
        check!(
            r.json()["items"].as_array().map(Vec::len) == Some(1),
            "both keys"
        );
        // The admin's plain search and a person's page carry the keys too.
        let r = c.api_get("/api/v1/people?q=Eve", &admin).await?;
        check!(
            r.json()["items"][0]["email"] == "eve@example.org",
            "{}",
            r.json()
        );
        let eve = person_id(&s.app, "eve@example.org").await?;
        let r = c.api_get(&format!("/api/v1/people/{eve}"), &admin).await?;
        let j = r.json();
        check!(
            j["person"]["employee_id"] == "E4" && j["person"]["email"] == "eve@example.org",
            "{j}"
        );
        // Bad filters are 422 naming the field.
        let r = c.api_get("/api/v1/people?employee_id=%20", &admin).await?;
        check!(
            r.status == 422 && r.json()["fields"]["employee_id"].is_string(),
            "{}",
            r.json()
        );
        let r = c.api_get("/api/v1/people?email=a%00b", &admin).await?;
        check!(
            r.status == 422 && r.json()["fields"]["email"].is_string(),
            "{}",
            r.json()
        );
        let r = c
            .api_get("/api/v1/people?employee_id=E4&q=Eve", &admin)
            .await?;
        check!(
            r.status == 422 && r.json()["fields"]["q"].is_string(),
            "{}",
            r.json()
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn nobody_else_sees_the_keys_or_may_filter_by_them() {
    each_backend(|s| async move {
        let eve_token = token(&s, "eve@example.org").await?;
        let max_token = token(&s, "max@example.org").await?;
        let c = s.client();
        for t in [&eve_token, &max_token] {
            for q in [
                "employee_id=E4",
                "email=eve%40example.org",
                "employee_id=NOPE",
            ] {
                let r = c.api_get(&format!("/api/v1/people?{q}"), t).await?;
                check!(r.status == 403, "{q}: {}", r.status);
                check!(r.json()["error"] == "forbidden", "{}", r.json());
            }
            let r = c.api_get("/api/v1/people?q=Eve", t).await?;
            let items = r.json()["items"].as_array().cloned().unwrap_or_default();
            check!(!items.is_empty(), "search still works");
            check!(
                items
                    .iter()
                    .all(|i| i.get("email").is_none() && i.get("employee_id").is_none()),
                "{items:?}"
            );
            let eve = person_id(&s.app, "eve@example.org").await?;
            let r = c.api_get(&format!("/api/v1/people/{eve}"), t).await?;
            let j = r.json();
            check!(
                r.status == 200 && j["person"]["name"] == "Eve Employee",
                "{j}"
            );
            check!(
                j["person"].get("email").is_none() && j["person"].get("employee_id").is_none(),
                "{j}"
            );
        }
        Ok(())
    })
    .await;
}
