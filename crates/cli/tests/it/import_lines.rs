//! The three ways into an import — `ladderless import people`, the admin upload page and
//! `POST /api/v1/imports` — report the same physical lines, and the same bounded report.

use ladderless_core::App;
use ladderless_store::Location;
use ladderless_testkit::{
    Backend, PASSWORD, TestDb, TestServer, backends, person_id, seed_small_org,
};
use std::process::Command;

/// CRLF with a byte-order mark, a blank line, a quoted line break and a duplicate:
/// physical lines 1 header, 2 Ann, 3 blank, 4–5 Bo (quoted break), 6 duplicate of Ann's id,
/// 7 a bad e-mail, 8 an unclosed quote.
const FILE: &[u8] = b"\xEF\xBB\xBFemployee_id,name,email,job_title\r\n\
N1,Ann New,ann.new@example.org,Dev\r\n\
\r\n\
N2,Bo New,bo.new@example.org,\"Head of\r\nthings\"\r\n\
N1,Cy New,cy.new@example.org,Dev\r\n\
N3,Di New,not-an-email,Dev\r\n\
N4,\"Ed New,ed@example.org,Dev\r\n";

/// (line, field, start of message) every entry point must report.
const EXPECTED: &[(usize, &str, &str)] = &[
    (
        6,
        "employee_id",
        "N1 appears more than once (also on line 2)",
    ),
    (7, "email", "must look like"),
    (8, "row", "unclosed quote starting on line 8"),
];

fn cli_import(location: &Location, file: &std::path::Path) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ladderless"));
    cmd.args(["import", "people", "--dry-run"]).arg(file);
    cmd.env_remove("LADDERLESS_DATABASE_URL")
        .env_remove("LADDERLESS_DATABASE_URL_FILE")
        .env_remove("LADDERLESS_DATA_DIR");
    match location {
        Location::DataDir(d) => cmd.arg("--data-dir").arg(d),
        Location::Postgres(url) => cmd.arg("--database-url").arg(url),
    };
    let out = cmd.output().expect("run ladderless import");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

async fn server(backend: Backend) -> (TestServer, Location) {
    let db = TestDb::new(backend).await.expect("database");
    let location = db.location.clone();
    let app = App::new(db.store().await.expect("store"));
    seed_small_org(&app).await.expect("seed");
    let s = TestServer::start_with(app, db).await.expect("server");
    (s, location)
}

async fn api_rows(s: &TestServer, body: Vec<u8>) -> serde_json::Value {
    let id = person_id(&s.app, "ann@example.org").await.expect("admin");
    let (_, token) = s.app.create_api_token(id, "t").await.expect("token");
    let r = s
        .client()
        .api_post_body("/api/v1/imports?dry_run=true", &token, "text/csv", body)
        .await
        .expect("post");
    assert_eq!(r.status, 422, "{}", r.json());
    r.json()
}

async fn page_body(s: &TestServer, body: Vec<u8>) -> String {
    let c = s.client();
    c.sign_in("ann@example.org", PASSWORD)
        .await
        .expect("sign in");
    c.get("/admin/import").await.expect("form");
    let form = reqwest::multipart::Form::new()
        .text("csrf", c.csrf())
        .text("dry_run", "on")
        .part(
            "file",
            reqwest::multipart::Part::bytes(body).file_name("people.csv"),
        );
    let r = c
        .http
        .post(format!("{}/admin/import", s.base))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(r.status().as_u16(), 422);
    r.text().await.expect("body")
}

#[tokio::test]
async fn cli_page_and_api_report_the_same_physical_lines() {
    for backend in backends() {
        let (s, location) = server(backend).await;
        let path =
            std::env::temp_dir().join(format!("ll-lines-{}.csv", ladderless_store::new_id()));
        std::fs::write(&path, FILE).expect("write");

        let j = api_rows(&s, FILE.to_vec()).await;
        let rows = j["rows"].as_array().expect("rows").clone();
        let got: Vec<(u64, &str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r["line"].as_u64().unwrap_or(0),
                    r["field"].as_str().unwrap_or(""),
                    r["message"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(got.len(), EXPECTED.len(), "{backend:?} api: {got:?}");
        for ((line, field, msg), (el, ef, em)) in got.iter().zip(EXPECTED) {
            assert_eq!((*line as usize, *field), (*el, *ef), "{backend:?} api");
            assert!(msg.starts_with(em), "{backend:?} api: {msg}");
        }

        let body = page_body(&s, FILE.to_vec()).await;
        for (line, field, msg) in EXPECTED {
            assert!(
                body.contains(&format!("<td>{line}</td><td>{field}</td><td>{msg}")),
                "{backend:?} page lacks line {line} {field}: {body}"
            );
        }

        let (ok, stderr) = cli_import(&location, &path);
        assert!(!ok, "{backend:?}: the CLI refuses the file");
        for (line, field, msg) in EXPECTED {
            assert!(
                stderr.contains(&format!("line {line}: {field}: {msg}")),
                "{backend:?} cli lacks line {line} {field}: {stderr}"
            );
        }
        let _ = std::fs::remove_file(&path);
    }
}

#[tokio::test]
async fn cli_page_and_api_cap_the_report_the_same_way() {
    let mut file = String::from("employee_id,name,email\n");
    for i in 0..250 {
        file.push_str(&format!("X{i},Name {i},bad{i}\n"));
    }
    let wide = format!("{}\n", vec!["c"; 200_000].join(","));
    for backend in backends() {
        let (s, location) = server(backend).await;
        let path = std::env::temp_dir().join(format!("ll-cap-{}.csv", ladderless_store::new_id()));
        std::fs::write(&path, &file).expect("write");

        let j = api_rows(&s, file.clone().into_bytes()).await;
        assert_eq!(j["rows"].as_array().map(Vec::len), Some(100), "{backend:?}");
        assert_eq!(j["total"], 250);
        assert_eq!(j["more"][0]["field"], "email");
        assert_eq!(j["more"][0]["count"], 150);
        let sentence = "and 150 more: 150 × email: must look like name@example.com";
        assert!(
            j["message"].as_str().is_some_and(|m| m.contains(sentence)),
            "{j}"
        );

        let body = page_body(&s, file.clone().into_bytes()).await;
        assert!(body.contains("250 problems"), "{backend:?} page total");
        assert_eq!(body.matches("<td>email</td>").count(), 100, "{backend:?}");
        assert!(body.contains(sentence), "{backend:?} page counts the rest");

        let (ok, stderr) = cli_import(&location, &path);
        assert!(!ok);
        assert_eq!(
            stderr.matches(": email: ").count(),
            100,
            "{backend:?}: {stderr}"
        );
        assert!(stderr.contains(sentence), "{backend:?}: {stderr}");
        assert!(stderr.contains("250 problem(s)"), "{stderr}");

        // 200,000 columns: one short problem, not a 36 MB report.
        let j = api_rows(&s, wide.clone().into_bytes()).await;
        let text = j.to_string();
        assert!(text.len() < 2_000, "{backend:?}: {} bytes", text.len());
        assert_eq!(
            j["rows"][0]["message"],
            "has 200,000 columns; at most 64 are allowed"
        );
        let body = page_body(&s, wide.clone().into_bytes()).await;
        assert!(body.contains("has 200,000 columns; at most 64 are allowed"));
        assert!(
            body.len() < 40_000,
            "{backend:?}: page {} bytes",
            body.len()
        );
        let _ = std::fs::remove_file(&path);
    }
}
