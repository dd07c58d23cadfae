//! HRIS import over HTTP: all or nothing, every bad row reported, idempotent, limits.

use ladderless_testkit::{PASSWORD, check, each_backend, person_id};

const TWO_BAD: &str = "employee_id,name,email,manager_employee_id,role_start_date
N1,New One,new1@example.org,E2,2024-01-01
N2,New Two,not-an-email,E2,2024-01-01
N3,New Three,new3@example.org,E404,2024-01-01
";

async fn admin_token(s: &ladderless_testkit::TestServer) -> anyhow::Result<String> {
    let id = person_id(&s.app, "ann@example.org").await?;
    Ok(s.app
        .create_api_token(id, "test")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .1)
}

#[tokio::test]
async fn a_file_with_bad_rows_is_reported_whole_and_nothing_is_written() {
    each_backend(|s| async move {
        let t = admin_token(&s).await?;
        let c = s.client();
        let before = s.app.store.org_counts().await?.people;
        let r = c
            .api_post_body(
                "/api/v1/imports",
                &t,
                "text/csv",
                TWO_BAD.as_bytes().to_vec(),
            )
            .await?;
        check!(r.status == 422, "status {}", r.status);
        let j = r.json();
        check!(j["error"] == "import_rejected", "{j}");
        let rows = j["rows"].as_array().cloned().unwrap_or_default();
        check!(rows.len() == 2, "two problems: {rows:?}");
        check!(
            rows[0]["line"] == 3 && rows[0]["field"] == "email",
            "{rows:?}"
        );
        check!(
            rows[1]["line"] == 4 && rows[1]["field"] == "manager_employee_id",
            "{rows:?}"
        );
        check!(
            s.app.store.org_counts().await?.people == before,
            "nothing written"
        );
        check!(
            s.app
                .store
                .person_by_email("new1@example.org")
                .await?
                .is_none(),
            "not even the good row"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_admin_upload_page_lists_every_problem_with_its_line() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("ann@example.org", PASSWORD).await?;
        c.get("/admin/import").await?;
        let form = reqwest::multipart::Form::new().text("csrf", c.csrf()).part(
            "file",
            reqwest::multipart::Part::bytes(TWO_BAD.as_bytes().to_vec()).file_name("people.csv"),
        );
        let r = c
            .http
            .post(format!("{}/admin/import", s.base))
            .multipart(form)
            .send()
            .await?;
        check!(r.status().as_u16() == 422, "status {}", r.status());
        let body = r.text().await?;
        check!(
            body.contains("2 problems") && body.contains("Nothing was imported"),
            "summary shown"
        );
        check!(
            body.contains("<td>3</td><td>email</td>")
                && body.contains("<td>4</td><td>manager_employee_id</td>"),
            "lines shown"
        );
        // Without the CSRF field the upload is refused.
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(b"x".to_vec()).file_name("a.csv"),
        );
        let r = c
            .http
            .post(format!("{}/admin/import", s.base))
            .multipart(form)
            .send()
            .await?;
        check!(r.status().as_u16() == 403, "no csrf: {}", r.status());
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_good_upload_imports_and_reimporting_changes_nothing() {
    each_backend(|s| async move {
        let c = s.client();
        c.sign_in("ann@example.org", PASSWORD).await?;
        let good = "employee_id,name,email,job_title,role_code,team,manager_employee_id,role_start_date\nN1,Nora New,nora@example.org,Nurse,29-1141.00,People / Care,E3,2024-01-01\n";
        for (i, expect) in [("created", 1), ("unchanged", 1)].into_iter().enumerate() {
            c.get("/admin/import").await?;
            let form = reqwest::multipart::Form::new()
                .text("csrf", c.csrf())
                .part("file", reqwest::multipart::Part::bytes(good.as_bytes().to_vec()).file_name("n.csv"));
            let r = c.http.post(format!("{}/admin/import", s.base)).multipart(form).send().await?;
            let body = r.text().await?;
            check!(body.contains(&format!("<dt>{}</dt><dd>{}</dd>", capitalise(expect.0), expect.1)), "run {i}: {}", expect.0);
        }
        let nora = s.app.store.person_by_email("nora@example.org").await?.ok_or_else(|| anyhow::anyhow!("imported"))?;
        let team = s.app.store.team(nora.team_id.ok_or_else(|| anyhow::anyhow!("team"))?).await?;
        check!(team.path == "People / Care", "nested team: {}", team.path);
        let ann = person_id(&s.app, "ann@example.org").await?;
        check!(nora.manager_id == Some(ann), "manager linked");
        Ok(())
    })
    .await;
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[tokio::test]
async fn api_import_dry_run_role_changes_and_deactivation() {
    each_backend(|s| async move {
        let t = admin_token(&s).await?;
        let c = s.client();
        let changed = ladderless_testkit::SMALL_ORG_CSV.replace("E5,Sid Sibling,sid@example.org,Software Developer,15-1252.00", "E5,Sid Sibling,sid@example.org,QA Analyst,15-1253.00");
        let dry = c.api_post_body("/api/v1/imports?dry_run=true", &t, "text/csv", changed.clone().into_bytes()).await?;
        check!(dry.status == 200 && dry.json()["updated"] == 1 && dry.json()["dry_run"] == true, "dry: {}", dry.body);
        let sid = person_id(&s.app, "sid@example.org").await?;
        check!(s.app.store.person(sid).await?.role_code.as_deref() == Some("15-1252.00"), "dry run wrote nothing");
        let real = c.api_post_body("/api/v1/imports", &t, "text/csv", changed.into_bytes()).await?;
        check!(real.status == 201 && real.json()["updated"] == 1 && real.json()["unchanged"] == 5, "real: {}", real.body);
        let history = s.app.store.role_history(sid).await?;
        check!(history.len() == 2 && history.iter().any(|h| h.role_code.as_deref() == Some("15-1253.00") && h.ended_on.is_none()), "history: {history:?}");
        check!(history.iter().any(|h| h.role_code.as_deref() == Some("15-1252.00") && h.ended_on.is_some()), "old role closed");
        // JSON works too, and missing people are only deactivated when asked.
        let json = serde_json::json!([
            {"employee_id": "E1", "name": "Cleo Boss", "email": "cleo@example.org", "job_title": "Chief Executive", "role_code": "11-1011.00", "team": "Leadership", "location": "London"},
            {"employee_id": "E3", "name": "Ann Admin", "email": "ann@example.org", "job_title": "People Partner", "role_code": "13-1071.00", "team": "People", "manager_employee_id": "E1", "location": "Leeds"}
        ]);
        let r = c.api_post_body("/api/v1/imports?deactivate_missing=true", &t, "application/json", serde_json::to_vec(&json)?).await?;
        check!(r.status == 201 && r.json()["deactivated"] == 4 && r.json()["unchanged"] == 2, "deactivate: {}", r.body);
        let runs = c.api_get("/api/v1/imports", &t).await?.json();
        check!(runs["items"].as_array().map(|a| a.len()) == Some(3), "three runs recorded (seed + 2): {runs}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn oversized_bodies_get_413_and_unknown_ids_404_in_one_error_shape() {
    each_backend(|s| async move {
        let t = admin_token(&s).await?;
        let c = s.client();
        let big = vec![b'a'; 5 * 1024 * 1024];
        let r = c
            .api_post_body("/api/v1/imports", &t, "text/csv", big)
            .await?;
        check!(
            r.status == 413 && r.json()["error"] == "payload_too_large",
            "import 413: {} {}",
            r.status,
            r.body
        );
        let json_big = serde_json::json!({"label": "x".repeat(100_000)});
        let r = c.api_post_json("/api/v1/skills", &t, &json_big).await?;
        check!(r.status == 413, "json 413: {}", r.status);
        for path in [
            "/api/v1/people/00000000-0000-0000-0000-000000000000",
            "/api/v1/roles/99-9999.99",
            "/api/v1/teams/00000000-0000-0000-0000-000000000000",
            "/api/v1/nothing",
        ] {
            let r = c.api_get(path, &t).await?;
            let j = r.json();
            check!(
                r.status == 404
                    && j["error"] == "not_found"
                    && j["message"].is_string()
                    && j["fields"].is_object(),
                "{path}: {} {}",
                r.status,
                r.body
            );
        }
        let bad = c
            .api_post_json("/api/v1/skills", &t, &serde_json::json!({"label": ""}))
            .await?;
        check!(
            bad.status == 422 && bad.json()["fields"]["label"].is_string(),
            "field error: {}",
            bad.body
        );
        let wrong_type = c
            .api_post_json("/api/v1/skills", &t, &serde_json::json!({"label": 5}))
            .await?;
        check!(
            wrong_type.status == 422 && wrong_type.json()["error"] == "invalid",
            "wrong type: {}",
            wrong_type.body
        );
        Ok(())
    })
    .await;
}
