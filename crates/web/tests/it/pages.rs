//! Every page renders for the people who may see it; errors are friendly; the API is described.

use ladderless_testkit::{PASSWORD, check, each_backend, person_id};

#[tokio::test]
async fn every_page_renders_for_an_admin() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("ann@example.org", PASSWORD).await?;
        let eve = person_id(&s.app, "eve@example.org").await?;
        let team = s
            .app
            .store
            .person(eve)
            .await?
            .team_id
            .ok_or_else(|| anyhow::anyhow!("team"))?;
        c.get("/admin/catalogue").await?;
        let r = c
            .post_form(
                "/admin/catalogue/skills",
                &[
                    ("label", "Incident command"),
                    ("description", "Running the response to an outage"),
                ],
            )
            .await?;
        check!(r.status == 303, "org skill: {}", r.status);
        c.get("/admin/catalogue").await?;
        let r = c
            .post_form(
                "/admin/catalogue/roles",
                &[
                    ("title", "Reliability Lead"),
                    ("description", "Keeps services up"),
                    ("skills", "Incident command"),
                ],
            )
            .await?;
        check!(
            r.status == 303,
            "org role: {} {}",
            r.status,
            r.body.chars().take(300).collect::<String>()
        );
        let code = r
            .location
            .clone()
            .unwrap_or_default()
            .trim_start_matches("/roles/")
            .split('?')
            .next()
            .unwrap_or("")
            .to_string();
        let dup = c
            .post_form(
                "/admin/catalogue/roles",
                &[("title", "Reliability Lead"), ("description", "")],
            )
            .await?;
        check!(
            dup.status == 422
                && dup.body.contains("already has this title")
                && dup.body.contains("value=\"Reliability Lead\""),
            "duplicate title re-renders with input kept"
        );
        let pages = [
            ("/", "Hello, Ann"),
            ("/people", "Eve Employee"),
            ("/people?q=platform", "Eve Employee"),
            ("/people?q=leeds", "Nia Nurse"),
            (&format!("/people/{eve}"), "Software Developer"),
            ("/org", "Engineering"),
            (&format!("/teams/{team}"), "Eve Employee"),
            ("/roles", "Registered Nurses"),
            ("/roles?q=RN", "Registered Nurses"),
            ("/roles/29-1141.00", "What the work involves"),
            (&format!("/roles/{code}"), "Incident command"),
            ("/roles?q=reliability", "Reliability Lead"),
            ("/account", "Personal API tokens"),
            ("/admin", "Import people"),
            ("/admin/import", "seed.csv"),
            ("/admin/audit", "import"),
            ("/about", "O*NET 29.3"),
        ];
        for (path, needle) in pages {
            let r = c.get(path).await?;
            check!(r.status == 200, "{path}: {}", r.status);
            check!(r.body.contains(needle), "{path} should show {needle:?}");
            let csp = r
                .headers
                .get("content-security-policy")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            check!(csp.contains("default-src 'self'"), "{path}: CSP");
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn errors_are_friendly_and_health_checks_answer() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("eve@example.org", PASSWORD).await?;
        let r = c.get("/no/such/page").await?;
        check!(
            r.status == 404 && r.body.contains("Page not found"),
            "404 page"
        );
        let r = c
            .get("/people/00000000-0000-0000-0000-000000000000")
            .await?;
        check!(
            r.status == 404 && r.body.contains("Page not found"),
            "unknown person"
        );
        check!(c.get("/healthz").await?.status == 200, "healthz");
        check!(c.get("/readyz").await?.status == 200, "readyz");
        let anon = s.client();
        check!(anon.get("/about").await?.status == 200, "about is public");
        check!(
            anon.get("/people").await?.status == 303,
            "directory needs sign-in"
        );
        let r = c.get("/static/app.css").await?;
        check!(
            r.status == 200
                && r.headers
                    .get("content-type")
                    .is_some_and(|v| v.to_str().unwrap_or("").starts_with("text/css")),
            "static css"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    each_backend(|s| async move {
        let c = s.client();
        let doc = c.get("/api/v1/openapi.json").await?.json();
        check!(doc["openapi"] == "3.0.3", "version");
        let paths = doc["paths"].as_object().cloned().unwrap_or_default();
        for (method, path) in [
            ("get", "/api/v1/me"),
            ("get", "/api/v1/people"),
            ("get", "/api/v1/people/{id}"),
            ("get", "/api/v1/teams"),
            ("get", "/api/v1/teams/{id}"),
            ("get", "/api/v1/roles"),
            ("post", "/api/v1/roles"),
            ("get", "/api/v1/roles/{code}"),
            ("get", "/api/v1/skills"),
            ("post", "/api/v1/skills"),
            ("get", "/api/v1/imports"),
            ("post", "/api/v1/imports"),
        ] {
            check!(
                paths.get(path).and_then(|p| p.get(method)).is_some(),
                "{method} {path} is documented"
            );
        }
        // Each documented route exists (a call without a token is refused, not missing).
        for path in paths.keys() {
            let concrete = path
                .replace("{id}", "00000000-0000-0000-0000-000000000000")
                .replace("{code}", "15-1252.00");
            let r = c.get(&concrete).await?;
            check!(
                r.status != 404 || r.json()["error"] != "not_found" || path.contains("{id}"),
                "{path} is routed"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_api_reads_people_teams_roles_and_skills() {
    each_backend(|s| async move {
        let c = s.client();
        let id = person_id(&s.app, "eve@example.org").await?;
        let (_, t) = s
            .app
            .create_api_token(id, "t")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let people = c.api_get("/api/v1/people?q=platform", &t).await?.json();
        check!(
            people["items"].as_array().is_some_and(|a| a.len() == 2),
            "two on Platform: {people}"
        );
        let paged = c
            .api_get("/api/v1/people?per_page=2&page=2", &t)
            .await?
            .json();
        check!(
            paged["items"].as_array().is_some_and(|a| a.len() == 2) && paged["page"] == 2,
            "paging: {paged}"
        );
        let teams = c.api_get("/api/v1/teams", &t).await?.json();
        check!(
            teams["items"].as_array().is_some_and(|a| !a.is_empty()),
            "teams"
        );
        let roles = c.api_get("/api/v1/roles?q=nurse&limit=5", &t).await?.json();
        check!(
            roles["items"][0]["title"]
                .as_str()
                .is_some_and(|x| x.contains("Nurse")),
            "roles: {roles}"
        );
        let role = c.api_get("/api/v1/roles/15-1252.00", &t).await?.json();
        check!(
            role["tasks"].as_array().is_some_and(|a| !a.is_empty()) && role["job_zone"] == 4,
            "role detail"
        );
        let skills = c.api_get("/api/v1/skills?q=python", &t).await?.json();
        check!(
            skills["items"].as_array().is_some_and(|a| !a.is_empty()),
            "skills"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_broad_search_says_so_and_suggests_another_word() {
    use ladderless_store::import::{Batch, NewPerson};
    use ladderless_store::search::RANKED_MATCHES;
    each_backend(|s| async move {
        // More people in Oslo than a search ranks.
        let n = RANKED_MATCHES as usize + 2;
        let creates: Vec<NewPerson> = (0..n)
            .map(|i| NewPerson {
                id: ladderless_store::new_id(),
                employee_id: format!("OSL{i:04}"),
                name: format!("Oslo Person {i:04}"),
                email: format!("oslo{i}@example.org"),
                job_title: "Analyst".into(),
                role_code: None,
                team: None,
                manager_id: None,
                role_start_date: None,
                location: "Oslo".into(),
            })
            .collect();
        let search_docs = creates
            .iter()
            .map(|p| (p.id, format!("{} | Analyst | Oslo", p.name)))
            .collect();
        s.app
            .store
            .apply_batch(
                &Batch {
                    creates,
                    search_docs,
                    ..Default::default()
                },
                s.app.now(),
            )
            .await?;
        let c = s.client();
        c.sign_in("eve@example.org", PASSWORD).await?;
        let broad = c.get("/people?q=oslo").await?;
        check!(
            broad.status == 200
                && broad
                    .body
                    .contains(&format!("More than {RANKED_MATCHES} people match")),
            "broad search hint"
        );
        check!(
            broad.body.contains("Oslo Person 0000") && broad.body.contains("rel=\"next\""),
            "first page in directory order, with a next page"
        );
        let narrow = c.get("/people?q=oslo+0007").await?;
        check!(
            narrow.body.contains("Oslo Person 0007") && !narrow.body.contains("More than"),
            "a narrow search is ranked, without the hint"
        );
        let api = c.get("/api/v1/people?q=oslo&per_page=5").await?;
        check!(
            api.status == 200 && api.json()["items"].as_array().map_or(0, Vec::len) == 5,
            "the API pages a broad search too"
        );
        Ok(())
    })
    .await;
}
