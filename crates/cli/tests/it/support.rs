//! Running the real `ladderless` binary: `serve` as a child process, and one-shot commands.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use ladderless_store::Location;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary with the database flags for `location` and no inherited database settings.
pub fn ladderless(location: &Location) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ladderless"));
    for var in [
        "LADDERLESS_DATA_DIR",
        "LADDERLESS_DATABASE_URL",
        "LADDERLESS_DATABASE_URL_FILE",
        "LADDERLESS_BIND",
        "LADDERLESS_BASE_URL",
        "LADDERLESS_SECURE_COOKIES",
        "LADDERLESS_TRUSTED_PROXIES",
    ] {
        c.env_remove(var);
    }
    c.env("LADDERLESS_LOG", "warn");
    match location {
        Location::DataDir(d) => c.arg("--data-dir").arg(d),
        Location::Postgres(u) => c.arg("--database-url").arg(u),
    };
    c
}

/// Run a one-shot command.
pub fn run(location: &Location, args: &[&str]) -> Output {
    ladderless(location)
        .args(args)
        .output()
        .expect("run ladderless")
}

/// A `serve` child process.
pub struct Served {
    /// The process.
    pub child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Served {
    /// Start `serve` on a free loopback port and wait until it says it is ready.
    pub fn start(location: &Location, extra: &[&str]) -> Served {
        let mut child = ladderless(location)
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut sent = false;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if !sent && let Some(rest) = line.split("ready at ").nth(1) {
                    let addr = rest.split_whitespace().next().unwrap_or("").to_string();
                    let _ = tx.send(addr);
                    sent = true;
                }
            }
        });
        let base = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("serve did not become ready");
        Served { child, base }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Send SIGTERM.
    pub fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .expect("kill -TERM")
            .success();
        assert!(ok, "kill -TERM failed");
    }

    /// Wait up to `limit` for the process to exit; how long it took, or None.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<Duration> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(_)) = self.child.try_wait() {
                return Some(started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
