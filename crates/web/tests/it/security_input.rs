//! Text that cannot be stored (NUL characters, invalid UTF-8) in paths, queries and forms gets
//! the same 422 naming the field on both databases; oversized uploads get a 413 that states the
//! limit; stored markup comes back escaped.

use ladderless_testkit::{
    Backend, Client, PASSWORD, Reply, TestDb, TestServer, backends, check, each_backend, person_id,
    seed_small_org,
};

async fn token_for(s: &TestServer, email: &str) -> anyhow::Result<String> {
    let id = person_id(&s.app, email).await?;
    Ok(s.app.create_api_token(id, "test").await?.1)
}

/// POST a url-encoded body exactly as given (bytes), with the client's cookies.
async fn post_raw(c: &Client, path: &str, body: Vec<u8>) -> anyhow::Result<Reply> {
    let r = c
        .http
        .post(format!("{}{path}", c.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await?;
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    Ok(Reply {
        status,
        location: None,
        body: r.text().await?,
        headers,
    })
}

fn is_html(r: &Reply) -> bool {
    r.headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// A 422 page that names the field and says why.
fn names_field(r: &Reply, field: &str, why: &str) -> bool {
    r.status == 422
        && is_html(r)
        && r.body.contains(&format!("<strong>{field}</strong>"))
        && r.body.contains(why)
}

#[tokio::test]
async fn nul_characters_are_refused_naming_the_field_on_both_databases() {
    each_backend(|s| async move {
        // Before signing in.
        let anon = s.client();
        let r = post_raw(&anon, "/login", b"email=a%00b&password=whatever".to_vec()).await?;
        check!(
            names_field(&r, "email", "NUL"),
            "login: {} {}",
            r.status,
            r.body
        );

        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        for (path, field) in [
            ("/roles/a%00b", "code"),
            ("/map?role=a%00b", "role"),
            ("/map/path?from=a%00b", "from"),
            ("/people?q=a%00b", "q"),
        ] {
            let r = eve.get(path).await?;
            check!(
                names_field(&r, field, "NUL"),
                "{path}: {} {}",
                r.status,
                r.body
            );
        }
        // The API answers in its JSON error shape.
        let token = token_for(&s, "eve@example.org").await?;
        for (path, field) in [
            ("/api/v1/roles/a%00b", "code"),
            ("/api/v1/roles/a%00b/moves", "code"),
            ("/api/v1/people?q=a%00b", "q"),
        ] {
            let r = eve.api_get(path, &token).await?;
            let j = r.json();
            check!(
                r.status == 422
                    && j["error"] == "invalid"
                    && j["fields"][field]
                        .as_str()
                        .is_some_and(|m| m.contains("NUL")),
                "{path}: {} {}",
                r.status,
                r.body
            );
        }
        // A form field: refused whole, nothing stored.
        eve.get("/compass").await?;
        let body = format!("value=Craft%00manship&csrf={}", eve.csrf());
        let r = post_raw(&eve, "/compass/values", body.into_bytes()).await?;
        check!(
            names_field(&r, "value", "NUL"),
            "form: {} {}",
            r.status,
            r.body
        );
        let eve_id = person_id(&s.app, "eve@example.org").await?;
        check!(
            s.app.store.compass_values(eve_id).await?.is_empty(),
            "nothing stored"
        );
        // The same text without the NUL is stored (the guard refuses only what it must).
        let body = format!("value=Craft+%3Cmanship%3E&csrf={}", eve.csrf());
        let r = post_raw(&eve, "/compass/values", body.into_bytes()).await?;
        check!(r.status == 303, "plain text: {} {}", r.status, r.body);
        check!(
            s.app.store.compass_values(eve_id).await?.len() == 1,
            "stored once"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn invalid_utf8_in_a_form_is_a_field_error_not_a_plain_text_rejection() {
    each_backend(|s| async move {
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        eve.get("/compass").await?;
        let encoded = format!("value=caf%E9&csrf={}", eve.csrf());
        let r = post_raw(&eve, "/compass/values", encoded.into_bytes()).await?;
        check!(
            names_field(&r, "value", "not valid UTF-8"),
            "percent-encoded Latin-1: {} {}",
            r.status,
            r.body
        );
        let mut raw = b"value=caf\xe9&csrf=".to_vec();
        raw.extend_from_slice(eve.csrf().as_bytes());
        let r = post_raw(&eve, "/compass/values", raw).await?;
        check!(
            names_field(&r, "value", "not valid UTF-8"),
            "raw Latin-1: {} {}",
            r.status,
            r.body
        );
        let r = eve.get("/map?role=%FF").await?;
        check!(
            names_field(&r, "role", "not valid UTF-8"),
            "query: {}",
            r.status
        );
        let r = eve.get("/roles/%FF").await?;
        check!(
            names_field(&r, "code", "not valid UTF-8"),
            "path: {}",
            r.status
        );
        Ok(())
    })
    .await;
}

async fn start_small_uploads(backend: Backend) -> anyhow::Result<TestServer> {
    let db = TestDb::new(backend).await?;
    let app = ladderless_core::App::new(db.store().await?);
    seed_small_org(&app).await?;
    TestServer::start_configured(app, db, |c| c.max_upload_bytes = 64 * 1024).await
}

#[tokio::test]
async fn an_oversized_upload_on_the_import_page_is_a_413_stating_the_limit() {
    for backend in backends() {
        let run = async {
            let s = start_small_uploads(backend).await?;
            let ann = s.client();
            ann.sign_in("ann@example.org", PASSWORD).await?;
            ann.get("/admin/import").await?;
            let big = vec![b'x'; 100 * 1024];
            let form = reqwest::multipart::Form::new()
                .text("csrf", ann.csrf())
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(big).file_name("people.csv"),
                );
            let r = ann
                .http
                .post(format!("{}/admin/import", s.base))
                .multipart(form)
                .send()
                .await?;
            let status = r.status().as_u16();
            let body = r.text().await?;
            check!(
                status == 413 && body.contains("64 KiB"),
                "413 with the limit: {status} {body}"
            );
            // A file under the limit still goes through to the import.
            let form = reqwest::multipart::Form::new()
                .text("csrf", ann.csrf())
                .text("dry_run", "on")
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(ladderless_testkit::SMALL_ORG_CSV.as_bytes())
                        .file_name("people.csv"),
                );
            let r = ann
                .http
                .post(format!("{}/admin/import", s.base))
                .multipart(form)
                .send()
                .await?;
            check!(r.status().as_u16() == 200, "small upload: {}", r.status());
            anyhow::Ok(())
        };
        if let Err(e) = run.await {
            panic!("{backend:?}: {e:#}");
        }
    }
}

#[tokio::test]
async fn stored_script_and_sql_come_back_escaped() {
    each_backend(|s| async move {
        let eve = s.client();
        eve.sign_in("eve@example.org", PASSWORD).await?;
        eve.get("/compass").await?;
        let nasty = "<script>alert(1)</script>'; DROP TABLE people; --";
        let r = eve
            .post_form("/compass/values", &[("value", nasty)])
            .await?;
        check!(r.status == 303, "stored: {}", r.status);
        let page = eve.get("/compass").await?;
        check!(
            !page.body.contains("<script>alert(1)</script>")
                && (page.body.contains("&lt;script&gt;alert(1)")
                    || page.body.contains("&#60;script&#62;alert(1)")),
            "the script is escaped: {}",
            page.body
                .find("alert(1)")
                .map(|i| &page.body[i.saturating_sub(80)..(i + 80).min(page.body.len())])
                .unwrap_or("(not on the page)")
        );
        check!(
            page.body.contains("DROP TABLE people"),
            "the SQL is shown as text"
        );
        check!(
            s.app
                .store
                .person_by_email("eve@example.org")
                .await?
                .is_some(),
            "people still there"
        );
        Ok(())
    })
    .await;
}
