//! Test helpers: a throwaway database on either backend, a real server on port 0, and a
//! client that signs in, follows the CSRF rules and calls the API like a person or script.

use anyhow::{Context, bail};
use ladderless_core::App;
use ladderless_store::{Location, Store};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// Which database a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite in a temporary directory.
    Sqlite,
    /// A fresh database on `LADDERLESS_TEST_POSTGRES_URL`.
    Postgres,
}

/// The backends to test: SQLite always; PostgreSQL when `LADDERLESS_TEST_POSTGRES_URL` is set.
/// Under CI (`CI=true`) a missing PostgreSQL URL is an error, so it can never be skipped silently.
pub fn backends() -> Vec<Backend> {
    match std::env::var("LADDERLESS_TEST_POSTGRES_URL") {
        Ok(u) if !u.is_empty() => vec![Backend::Sqlite, Backend::Postgres],
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
                panic!(
                    "CI must test PostgreSQL: set LADDERLESS_TEST_POSTGRES_URL (scripts/test does)"
                );
            }
            eprintln!("note: LADDERLESS_TEST_POSTGRES_URL is not set; testing SQLite only");
            vec![Backend::Sqlite]
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique_name() -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("ll_test_{}_{}_{}", std::process::id(), t % 1_000_000_000, n)
}

/// A throwaway database; the SQLite directory is removed when dropped.
pub struct TestDb {
    /// Where it is.
    pub location: Location,
    dir: Option<PathBuf>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(d) = &self.dir {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

impl TestDb {
    /// Create an empty database on `backend`.
    pub async fn new(backend: Backend) -> anyhow::Result<TestDb> {
        let name = unique_name();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(name);
                Ok(TestDb {
                    location: Location::DataDir(dir.clone()),
                    dir: Some(dir),
                })
            }
            Backend::Postgres => {
                let admin = std::env::var("LADDERLESS_TEST_POSTGRES_URL")
                    .context("LADDERLESS_TEST_POSTGRES_URL")?;
                let pool = sqlx::PgPool::connect(&admin)
                    .await
                    .context("connecting to the test PostgreSQL")?;
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&pool)
                    .await?;
                pool.close().await;
                let base = match admin.rsplit_once('/') {
                    Some((b, _)) => b.to_string(),
                    None => bail!("LADDERLESS_TEST_POSTGRES_URL has no database part"),
                };
                Ok(TestDb {
                    location: Location::Postgres(format!("{base}/{name}")),
                    dir: None,
                })
            }
        }
    }

    /// Open and migrate a store on it.
    pub async fn store(&self) -> anyhow::Result<Store> {
        Ok(Store::open(&self.location).await?)
    }
}

/// A running server and the application behind it.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The application (for arranging data directly).
    pub app: App,
    _db: TestDb,
}

/// Having a `Drop` makes closures and async blocks capture a `TestServer` whole. Without it,
/// a test body that only touches `s.app` captures just that field (edition 2021 precise
/// capture), the rest — the throwaway database — is dropped at once, and SQLite's directory
/// is deleted under the open pool (new connections then fail with "unable to open database
/// file").
impl Drop for TestServer {
    fn drop(&mut self) {}
}

impl TestServer {
    /// Start a server on port 0 over a fresh database of `backend`.
    pub async fn start(backend: Backend) -> anyhow::Result<TestServer> {
        let db = TestDb::new(backend).await?;
        let app = App::new(db.store().await?);
        Self::start_with(app, db).await
    }

    /// Start a server whose career graph is built before it answers.
    pub async fn start_with_graph(backend: Backend) -> anyhow::Result<TestServer> {
        let server = Self::start(backend).await?;
        server
            .app
            .refresh_graph()
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(server)
    }

    /// Start a server for an existing application.
    pub async fn start_with(app: App, db: TestDb) -> anyhow::Result<TestServer> {
        Self::start_configured(app, db, |_| {}).await
    }

    /// Start a server for an existing application, adjusting the test web settings first.
    pub async fn start_configured(
        app: App,
        db: TestDb,
        adjust: impl FnOnce(&mut ladderless_web::WebConfig),
    ) -> anyhow::Result<TestServer> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let base = format!("http://{addr}");
        let mut config = ladderless_web::WebConfig {
            base_url: base.clone(),
            max_body_bytes: 64 * 1024,
            max_upload_bytes: 4 * 1024 * 1024,
            ..Default::default()
        };
        adjust(&mut config);
        let router = ladderless_web::router(app.clone(), config);
        tokio::spawn(async move {
            let _ = axum_serve(listener, router).await;
        });
        Ok(TestServer { base, app, _db: db })
    }

    /// A client with its own cookie jar.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }
}

async fn axum_serve(
    listener: tokio::net::TcpListener,
    router: axum::Router,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// A browser-like client: cookies, CSRF tokens from forms, no automatic redirects.
pub struct Client {
    /// Base URL.
    pub base: String,
    /// The HTTP client.
    pub http: reqwest::Client,
    csrf: std::sync::Mutex<String>,
}

/// A response read whole.
#[derive(Debug)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Location header, if any.
    pub location: Option<String>,
    /// Body text.
    pub body: String,
    /// All headers.
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

impl Client {
    /// A new client for `base`.
    pub fn new(base: &str) -> Client {
        let http = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        Client {
            base: base.to_string(),
            http,
            csrf: std::sync::Mutex::new(String::new()),
        }
    }

    async fn read(resp: reqwest::Response) -> anyhow::Result<Reply> {
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = resp.text().await?;
        Ok(Reply {
            status,
            location,
            body,
            headers,
        })
    }

    /// GET a path; remembers any CSRF token found in the page.
    pub async fn get(&self, path: &str) -> anyhow::Result<Reply> {
        let r = Self::read(self.http.get(format!("{}{path}", self.base)).send().await?).await?;
        if let Some(t) = find_csrf(&r.body) {
            *self.csrf.lock().expect("csrf lock") = t;
        }
        Ok(r)
    }

    /// POST a form, adding the remembered CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> anyhow::Result<Reply> {
        let token = self.csrf.lock().expect("csrf lock").clone();
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", token.as_str()));
        self.post_form_raw(path, &all).await
    }

    /// POST a form exactly as given (no CSRF token added).
    pub async fn post_form_raw(
        &self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<Reply> {
        Self::read(
            self.http
                .post(format!("{}{path}", self.base))
                .form(fields)
                .send()
                .await?,
        )
        .await
    }

    /// POST JSON as the page scripts do: the session cookie with the CSRF token in a header.
    pub async fn post_json_with_csrf(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> anyhow::Result<Reply> {
        let token = self.csrf();
        Self::read(
            self.http
                .post(format!("{}{path}", self.base))
                .header("x-csrf-token", token)
                .json(body)
                .send()
                .await?,
        )
        .await
    }

    /// The CSRF token seen last.
    pub fn csrf(&self) -> String {
        self.csrf.lock().expect("csrf lock").clone()
    }

    /// Sign in through the form; fails unless it redirects home.
    pub async fn sign_in(&self, email: &str, password: &str) -> anyhow::Result<()> {
        let r = self
            .post_form_raw("/login", &[("email", email), ("password", password)])
            .await?;
        if r.status != 303 {
            bail!(
                "sign-in as {email} failed: {} {}",
                r.status,
                r.body.chars().take(200).collect::<String>()
            );
        }
        self.get("/").await?;
        Ok(())
    }

    /// GET with a bearer token.
    pub async fn api_get(&self, path: &str, token: &str) -> anyhow::Result<Reply> {
        Self::read(
            self.http
                .get(format!("{}{path}", self.base))
                .bearer_auth(token)
                .send()
                .await?,
        )
        .await
    }

    /// POST JSON with a bearer token.
    pub async fn api_post_json(
        &self,
        path: &str,
        token: &str,
        body: &serde_json::Value,
    ) -> anyhow::Result<Reply> {
        Self::read(
            self.http
                .post(format!("{}{path}", self.base))
                .bearer_auth(token)
                .json(body)
                .send()
                .await?,
        )
        .await
    }

    /// POST a raw body with a content type and a bearer token.
    pub async fn api_post_body(
        &self,
        path: &str,
        token: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> anyhow::Result<Reply> {
        Self::read(
            self.http
                .post(format!("{}{path}", self.base))
                .bearer_auth(token)
                .header("content-type", content_type)
                .body(body)
                .send()
                .await?,
        )
        .await
    }
}

fn find_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf\" value=\"")?;
    let rest = &html[i + 19..];
    Some(rest[..rest.find('"')?].to_string())
}

/// A small organisation as an import CSV: a CEO, two managers, five reports.
pub const SMALL_ORG_CSV: &str = "employee_id,name,email,job_title,role_code,team,manager_employee_id,role_start_date,location
E1,Cleo Boss,cleo@example.org,Chief Executive,11-1011.00,Leadership,,2019-01-01,London
E2,Max Manager,max@example.org,Engineering Manager,11-3021.00,Engineering,E1,2020-02-01,London
E3,Ann Admin,ann@example.org,People Partner,13-1071.00,People,E1,2021-03-01,Leeds
E4,Eve Employee,eve@example.org,Software Developer,15-1252.00,Engineering / Platform,E2,2022-04-01,Leeds
E5,Sid Sibling,sid@example.org,Software Developer,15-1252.00,Engineering / Platform,E2,2022-05-01,York
E6,Nia Nurse,nia@example.org,Occupational Nurse,29-1141.00,People,E3,2023-06-01,Leeds
";

/// The password every factory account gets.
pub const PASSWORD: &str = "correct horse battery";

/// Import the small organisation and give accounts to everyone; Ann becomes talent admin.
pub async fn seed_small_org(app: &App) -> anyhow::Result<()> {
    let opts = ladderless_core::import::ImportOptions {
        source: "seed.csv".into(),
        ..Default::default()
    };
    app.import_people(
        None,
        SMALL_ORG_CSV.as_bytes(),
        ladderless_domain_import_format(),
        &opts,
    )
    .await?;
    let hash = ladderless_core::auth::hash_password(PASSWORD)?;
    for p in app.store.import_snapshot().await? {
        app.store.set_password_hash(p.id, &hash, app.now()).await?;
    }
    let ann = app
        .store
        .person_by_email("ann@example.org")
        .await?
        .context("ann")?;
    app.store
        .set_access_roles(ann.id, true, false, app.now())
        .await?;
    Ok(())
}

fn ladderless_domain_import_format() -> ladderless_domain::import::Format {
    ladderless_domain::import::Format::Csv
}

/// The id of a person by e-mail.
pub async fn person_id(app: &App, email: &str) -> anyhow::Result<ladderless_store::Uuid> {
    Ok(app
        .store
        .person_by_email(email)
        .await?
        .context("no such person")?
        .id)
}

/// Run `test` against a fresh seeded server on every backend, naming the backend on failure.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(TestServer) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    for backend in backends() {
        let server = TestServer::start(backend)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: cannot start: {e:#}"));
        seed_small_org(&server.app)
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: cannot seed: {e:#}"));
        if let Err(e) = test(server).await {
            panic!("{backend:?}: {e:#}");
        }
    }
}

/// Fail with a message unless `cond` holds.
#[macro_export]
macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond { anyhow::bail!($($msg)+); }
    };
}

/// A personal API token for a person of the test organisation, found by e-mail.
pub async fn token_for(s: &TestServer, email: &str) -> anyhow::Result<String> {
    let id = person_id(&s.app, email).await?;
    Ok(s.app
        .create_api_token(id, "test")
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .1)
}

/// A client of `s` signed in as `email` with the test password.
pub async fn signed_in(s: &TestServer, email: &str) -> anyhow::Result<Client> {
    let c = s.client();
    c.sign_in(email, PASSWORD).await?;
    Ok(c)
}

/// Send a request with any method (`"PATCH"` or `reqwest::Method::PATCH`) and an optional
/// JSON body, as the holder of `token`.
pub async fn send(
    c: &Client,
    method: impl AsRef<str>,
    path: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> anyhow::Result<Reply> {
    let m = reqwest::Method::from_bytes(method.as_ref().as_bytes())?;
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
