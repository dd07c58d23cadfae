//! Architecture invariants, checked on the source: the web crate reaches data only through
//! core's use cases (it may name the store's types, never call the store), and core builds no
//! URLs (it names pages with `path_links::PageRef`; the web layer writes the addresses).

use std::path::{Path, PathBuf};

/// Files that still call the store, each owned by work in progress elsewhere. Move the call
/// behind a core use case, then delete the file from this list; nothing may be added to it.
const NOT_YET_MOVED: &[&str] = &[
    "api/imports.rs",
    "api/opportunities.rs",
    "api/roles.rs",
    "html/account.rs",
    "routes.rs",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources(crate_dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(crate_dir)
        .join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).expect("read source"))
        })
        .collect()
}

/// Whether `text` calls the store: `.store.x(` or `.store` ending a line (a method chain).
fn calls_store(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim();
        !l.starts_with("//") && (l.contains(".store.") || l.ends_with(".store") || l == ".store")
    })
}

#[test]
fn the_web_crate_never_calls_the_store() {
    let files = sources("web");
    assert!(files.len() > 20, "found the web sources");
    let offenders: Vec<&str> = files
        .iter()
        .filter(|(rel, text)| calls_store(text) && !NOT_YET_MOVED.contains(&rel.as_str()))
        .map(|(rel, _)| rel.as_str())
        .collect();
    assert!(
        offenders.is_empty(),
        "these web files call the store directly; add a core use case instead: {offenders:?}"
    );
}

#[test]
fn the_check_sees_a_store_call() {
    assert!(calls_store("    let t = state.app.store.teams().await?;"));
    assert!(calls_store("        .store\n        .teams()"));
    assert!(!calls_store("use ladderless_store::teams::Team;"));
    assert!(!calls_store("    let t = state.app.teams().await?;"));
}

#[test]
fn core_builds_no_urls() {
    let files = sources("core");
    assert!(files.len() > 20, "found the core sources");
    let mut offenders = Vec::new();
    for (rel, text) in &files {
        for (n, line) in text.lines().enumerate() {
            let code = line.trim();
            if code.starts_with("//") {
                continue;
            }
            let link_literal = code.contains("\"/")
                && [
                    "roles",
                    "plans",
                    "people",
                    "opportunities",
                    "directions",
                    "customers",
                    "pilots",
                    "proposals",
                    "compass",
                    "map",
                    "teams",
                    "admin",
                ]
                .iter()
                .any(|p| code.contains(&format!("\"/{p}")));
            if link_literal || code.contains("href") {
                offenders.push(format!("{rel}:{}: {code}", n + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "core names pages with path_links::PageRef; the web crate builds URLs: {offenders:#?}"
    );
}
