//! Commands that read data refuse when there is no database, say where they looked, and never
//! create one; `ladderless config` shows the server settings as `serve` would use them.

use crate::support;

use ladderless_store::{Location, Store};
use ladderless_testkit::{Backend, TestDb, backends};
use support::run;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

#[test]
fn a_mistyped_data_directory_is_refused_and_left_uncreated() {
    let dir = std::env::temp_dir().join(format!("ll-typo-{}", ladderless_store::new_id()));
    let location = Location::DataDir(dir.clone());
    let target =
        std::env::temp_dir().join(format!("ll-typo-backup-{}.db", ladderless_store::new_id()));
    let target_arg = target.to_string_lossy().to_string();
    for args in [
        vec!["backup", target_arg.as_str()],
        vec!["token", "create", "--email", "ann@example.org"],
    ] {
        let out = run(&location, &args);
        let err = stderr(&out);
        assert!(
            !out.status.success(),
            "{args:?} must fail on a missing database"
        );
        assert!(
            err.contains("no Ladderless database")
                && err.contains(&dir.join("ladderless.db").display().to_string())
                && err.contains("--data-dir"),
            "{args:?} says where it looked: {err}"
        );
        assert!(!dir.exists(), "{args:?} created {}", dir.display());
        assert!(!target.exists(), "{args:?} wrote a backup");
    }
    // `moves` needs no organisation data: the catalogue alone, and nothing is created.
    let out = run(
        &location,
        &[
            "moves",
            "--from",
            "15-1252.00",
            "--top",
            "3",
            "--format",
            "csv",
        ],
    );
    assert!(out.status.success(), "moves: {}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 4, "{}", stdout(&out));
    assert!(stderr(&out).contains("catalogue alone"), "{}", stderr(&out));
    assert!(!dir.exists(), "moves created {}", dir.display());
    // `config` reports that there is no database there, without creating one.
    let out = run(&location, &["config"]);
    assert!(out.status.success(), "config: {}", stderr(&out));
    assert!(
        stdout(&out).contains("database_exists = false"),
        "{}",
        stdout(&out)
    );
    assert!(!dir.exists(), "config created {}", dir.display());
}

#[tokio::test]
async fn an_empty_postgres_database_is_refused_without_migrating_it() {
    if !backends().contains(&Backend::Postgres) {
        return;
    }
    let db = TestDb::new(Backend::Postgres).await.expect("db");
    let location = db.location.clone();
    let out = tokio::task::spawn_blocking({
        let location = location.clone();
        move || {
            run(
                &location,
                &["token", "create", "--email", "ann@example.org"],
            )
        }
    })
    .await
    .expect("token create");
    assert!(!out.status.success(), "token create on an empty database");
    assert!(
        stderr(&out).contains("no Ladderless database") && stderr(&out).contains("--database-url"),
        "{}",
        stderr(&out)
    );
    let out = tokio::task::spawn_blocking({
        let location = location.clone();
        move || run(&location, &["backup", "/tmp/never-written.db"])
    })
    .await
    .expect("backup");
    assert!(
        !out.status.success() && stderr(&out).contains("pg_dump"),
        "backup on PostgreSQL: {}",
        stderr(&out)
    );
    let store = Store::connect(&location).await.expect("connect");
    assert!(
        !store.has_schema().await.expect("schema"),
        "nothing was migrated"
    );
    store.close().await;
}

#[tokio::test]
async fn an_existing_database_is_backed_up_and_a_token_created() {
    for backend in backends() {
        let db = TestDb::new(backend).await.expect("db");
        let app = ladderless_core::App::new(db.store().await.expect("store"));
        ladderless_testkit::seed_small_org(&app)
            .await
            .expect("seed");
        app.store.close().await;
        let location = db.location.clone();
        let out = tokio::task::spawn_blocking({
            let location = location.clone();
            move || {
                run(
                    &location,
                    &["token", "create", "--email", "ann@example.org"],
                )
            }
        })
        .await
        .expect("token");
        assert!(out.status.success(), "{backend:?}: token: {}", stderr(&out));
        assert!(
            stdout(&out).trim().starts_with("ll_"),
            "{backend:?}: a token"
        );
        if let Location::DataDir(_) = location {
            let file = std::env::temp_dir()
                .join(format!("ll-ok-backup-{}.db", ladderless_store::new_id()));
            let arg = file.to_string_lossy().to_string();
            let out = run(&location, &["backup", &arg]);
            assert!(out.status.success(), "backup: {}", stderr(&out));
            assert!(file.is_file(), "the backup exists");
            let _ = std::fs::remove_file(file);
        }
    }
}

fn config(args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let dir = std::env::temp_dir().join("ll-config-never-created");
    let mut c = support::ladderless(&Location::DataDir(dir));
    c.arg("config").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("config");
    (out.status.success(), stdout(&out), stderr(&out))
}

#[test]
fn config_shows_the_server_settings_with_their_defaults() {
    let (ok, out, _) = config(&[], &[]);
    assert!(ok);
    for line in [
        "secure_cookies = false",
        "hsts = false",
        "trusted_proxies = \n",
        "header_timeout_secs = 10",
        "body_timeout_secs = 30",
        "shutdown_timeout_secs = 30",
    ] {
        assert!(out.contains(line), "default {line:?} in:\n{out}");
    }
    // Not on loopback: Secure cookies unless told otherwise.
    let (_, out, _) = config(&["--bind", "0.0.0.0:8080"], &[]);
    assert!(out.contains("secure_cookies = true"), "{out}");
    let (_, out, _) = config(&["--bind", "0.0.0.0:8080", "--secure-cookies=false"], &[]);
    assert!(out.contains("secure_cookies = false"), "{out}");
    let (_, out, _) = config(&["--base-url", "https://careers.example.com"], &[]);
    assert!(
        out.contains("secure_cookies = true") && out.contains("hsts = true"),
        "{out}"
    );
    let (_, out, _) = config(
        &[],
        &[
            ("LADDERLESS_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.1"),
            ("LADDERLESS_SHUTDOWN_TIMEOUT_SECS", "7"),
            ("LADDERLESS_HEADER_TIMEOUT_SECS", "3"),
        ],
    );
    assert!(
        out.contains("trusted_proxies = 10.0.0.0/8,192.168.1.1/32")
            && out.contains("shutdown_timeout_secs = 7")
            && out.contains("header_timeout_secs = 3"),
        "{out}"
    );
    let (ok, _, err) = config(&["--trusted-proxies", "10.0.0.0/33"], &[]);
    assert!(
        !ok && err.contains("--trusted-proxies") && err.contains("10.0.0.0/33"),
        "{err}"
    );
}
