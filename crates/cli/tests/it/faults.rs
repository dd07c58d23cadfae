//! Faults, with the real binary: `kill -9` under concurrent writers loses no acknowledged write
//! (SQLite and PostgreSQL), `backup` under write load is consistent, slow clients are
//! disconnected, and SIGTERM exits within the shutdown deadline whatever clients do.

use crate::support;

use ladderless_core::App;
use ladderless_store::{Location, Store};
use ladderless_testkit::{TestDb, backends, person_id, seed_small_org};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::{Served, run};

const WRITERS: usize = 8;

/// A seeded database and a talent admin's API token (skills are created by talent admins).
async fn prepared(db: &TestDb) -> String {
    let app = App::new(db.store().await.expect("store"));
    seed_small_org(&app).await.expect("seed");
    let ann = person_id(&app, "ann@example.org").await.expect("ann");
    let (_, token) = app.create_api_token(ann, "faults").await.expect("token");
    app.store.close().await;
    token
}

/// Eight writers creating skills until `stop`, or until the server goes away. Returns the
/// labels whose creation was acknowledged (201).
async fn write_until(base: &str, token: &str, stop: Instant, tag: &str) -> Vec<String> {
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let mut set = tokio::task::JoinSet::new();
    for w in 0..WRITERS {
        let (base, token, tag) = (base.to_string(), token.to_string(), tag.to_string());
        let acknowledged = acknowledged.clone();
        set.spawn(async move {
            let http = reqwest::Client::new();
            let mut n = 0u64;
            while Instant::now() < stop {
                let label = format!("{tag}-w{w}-{n}");
                n += 1;
                let sent = http
                    .post(format!("{base}/api/v1/skills"))
                    .bearer_auth(&token)
                    .json(&serde_json::json!({ "label": label }))
                    .timeout(Duration::from_secs(10))
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().as_u16() == 201 => {
                        acknowledged.lock().expect("lock").push(label);
                    }
                    Ok(r) => panic!("write {label}: {}", r.status()),
                    Err(_) => break, // the server is gone
                }
            }
        });
    }
    while let Some(r) = set.join_next().await {
        r.expect("writer");
    }
    Arc::try_unwrap(acknowledged)
        .expect("writers done")
        .into_inner()
        .expect("lock")
}

async fn stored_labels(location: &Location) -> std::collections::HashSet<String> {
    let store = Store::open(location).await.expect("reopen");
    let labels = store
        .org_skills()
        .await
        .expect("skills")
        .into_iter()
        .map(|s| s.label)
        .collect();
    store.close().await;
    labels
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_under_concurrent_writers_loses_no_acknowledged_write() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("db");
        let token = prepared(&db).await;
        let mut served = Served::start(&db.location, &[]);
        let base = served.base.clone();
        let writing = {
            let token = token.clone();
            tokio::spawn(async move {
                write_until(
                    &base,
                    &token,
                    Instant::now() + Duration::from_secs(30),
                    "k9",
                )
                .await
            })
        };
        tokio::time::sleep(Duration::from_secs(3)).await;
        served.child.kill().expect("kill -9"); // std sends SIGKILL
        served.child.wait().expect("reaped");
        let acknowledged = writing.await.expect("writers");
        assert!(
            acknowledged.len() >= 20,
            "{backend:?}: too few writes to mean anything: {}",
            acknowledged.len()
        );
        // Restart on the same database: it opens, and every acknowledged write is there.
        let restarted = Served::start(&db.location, &[]);
        let health = reqwest::get(format!("{}/readyz", restarted.base))
            .await
            .expect("readyz");
        assert_eq!(health.status().as_u16(), 200, "{backend:?}: ready again");
        drop(restarted);
        let stored = stored_labels(&db.location).await;
        let lost: Vec<&String> = acknowledged
            .iter()
            .filter(|l| !stored.contains(*l))
            .collect();
        eprintln!(
            "{backend:?}: {} acknowledged writes before kill -9, {} lost",
            acknowledged.len(),
            lost.len()
        );
        assert!(lost.is_empty(), "{backend:?}: lost {lost:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_under_write_load_opens_and_is_consistent() {
    let db = TestDb::new(ladderless_testkit::Backend::Sqlite)
        .await
        .expect("db");
    let token = prepared(&db).await;
    let served = Served::start(&db.location, &[]);
    let base = served.base.clone();
    let stop = Instant::now() + Duration::from_secs(4);
    let writing = {
        let token = token.clone();
        tokio::spawn(async move { write_until(&base, &token, stop, "bk").await })
    };
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let out_dir = std::env::temp_dir().join(format!("ll-backup-{}", ladderless_store::new_id()));
    std::fs::create_dir_all(&out_dir).expect("backup dir");
    let file = out_dir.join("ladderless.db");
    let location = db.location.clone();
    let file_arg = file.to_string_lossy().to_string();
    let out = tokio::task::spawn_blocking(move || run(&location, &["backup", &file_arg]))
        .await
        .expect("backup");
    assert!(
        out.status.success(),
        "backup under load: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let acknowledged = writing.await.expect("writers");
    assert!(
        acknowledged.len() >= 20,
        "writes during the backup: {}",
        acknowledged.len()
    );
    drop(served);

    let url = format!("sqlite://{}?mode=ro", file.display());
    let pool = sqlx::SqlitePool::connect(&url)
        .await
        .expect("open the backup");
    let integrity: (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .expect("integrity_check");
    assert_eq!(integrity.0, "ok", "integrity_check");
    let dangling: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(&pool)
        .await
        .expect("foreign_key_check");
    assert!(dangling.is_empty(), "foreign keys: {dangling:?}");
    let (copied,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM org_skills WHERE label LIKE 'bk-%'")
            .fetch_one(&pool)
            .await
            .expect("count");
    pool.close().await;
    assert!(
        copied > 0 && copied as usize <= acknowledged.len() + WRITERS,
        "the copy holds a prefix of the writes: {copied} of {}",
        acknowledged.len()
    );
    // The copy is a Ladderless database the server can start on.
    let restored = Served::start(&Location::DataDir(out_dir.clone()), &[]);
    let health = reqwest::get(format!("{}/readyz", restored.base))
        .await
        .expect("readyz");
    assert_eq!(health.status().as_u16(), 200, "serves the backup");
    drop(restored);
    let _ = std::fs::remove_dir_all(out_dir);
}

/// Read until the server closes the connection; how long that took (None: still open).
fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .expect("timeout");
    let mut buf = [0u8; 4096];
    while started.elapsed() < limit {
        match stream.read(&mut buf) {
            Ok(0) => return Some(started.elapsed()),
            Ok(_) => {} // e.g. a 408 before the close
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return Some(started.elapsed()), // reset
        }
    }
    None
}

fn connect(base: &str) -> TcpStream {
    TcpStream::connect(base.trim_start_matches("http://")).expect("connect")
}

#[tokio::test]
async fn slow_clients_are_disconnected_and_sigterm_exits_within_the_deadline() {
    let db = TestDb::new(ladderless_testkit::Backend::Sqlite)
        .await
        .expect("db");
    prepared(&db).await;
    // Half a request head: disconnected after the header timeout.
    {
        let served = Served::start(&db.location, &["--header-timeout-secs", "1"]);
        let mut half = connect(&served.base);
        half.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
            .expect("write");
        let took = closed_within(&mut half, Duration::from_secs(6));
        assert!(
            took.is_some_and(|t| t >= Duration::from_millis(800)),
            "half a header must be cut off after about 1 s: {took:?}"
        );
        // A connection that sends nothing at all is cut off the same way.
        let mut silent = connect(&served.base);
        let took = closed_within(&mut silent, Duration::from_secs(6));
        assert!(took.is_some(), "a silent connection must be cut off");
        // A kept-alive connection that goes quiet after a request is cut off too.
        let mut idle = connect(&served.base);
        idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .expect("write");
        let took = closed_within(&mut idle, Duration::from_secs(6));
        assert!(
            took.is_some(),
            "an idle kept-alive connection must be cut off"
        );
        // A body that never finishes: cut off after the body timeout.
        let served_body = Served::start(&db.location, &["--body-timeout-secs", "1"]);
        let mut slow = connect(&served_body.base);
        slow.write_all(
            b"POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=a",
        )
        .expect("write");
        let took = closed_within(&mut slow, Duration::from_secs(6));
        assert!(took.is_some(), "an unfinished body must be cut off");
        drop(served);
        drop(served_body);
    }
    // SIGTERM with clients hanging on: the process exits within the shutdown deadline.
    let mut served = Served::start(
        &db.location,
        &[
            "--header-timeout-secs",
            "120",
            "--body-timeout-secs",
            "120",
            "--shutdown-timeout-secs",
            "2",
        ],
    );
    let mut half = connect(&served.base);
    half.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        .expect("write");
    let mut in_flight = connect(&served.base);
    in_flight
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=a",
        )
        .expect("write");
    std::thread::sleep(Duration::from_millis(300));
    served.terminate();
    let took = served.wait_exit(Duration::from_secs(10));
    assert!(
        took.is_some_and(|t| t < Duration::from_secs(5)),
        "SIGTERM with a 2 s deadline: exited after {took:?}"
    );
    assert!(
        closed_within(&mut in_flight, Duration::from_secs(1)).is_some(),
        "the in-flight connection was closed"
    );
}
