//! `ladderless moves`: works on a fresh data directory, and includes the organisation's
//! curated moves when the database has some.

use ladderless_store::curated::CuratedMove;
use ladderless_store::{Location, Store, new_id};
use std::process::Command;

fn moves(dir: &std::path::Path, from: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ladderless"))
        .args([
            "moves",
            "--from",
            from,
            "--top",
            "5",
            "--format",
            "csv",
            "--data-dir",
        ])
        .arg(dir)
        .env_remove("LADDERLESS_DATABASE_URL")
        .env_remove("LADDERLESS_DATABASE_URL_FILE")
        .output()
        .expect("run ladderless moves");
    assert!(
        out.status.success(),
        "moves failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[tokio::test]
async fn moves_include_curated_edges_from_the_database() {
    let dir = std::env::temp_dir().join(format!("ll-cli-moves-{}", new_id()));
    let fresh = moves(&dir, "15-1252.00");
    let lines: Vec<&str> = fresh.lines().collect();
    assert_eq!(lines[0], "from_code,to_code,rank,score,kind");
    assert_eq!(lines.len(), 6, "{fresh}");
    assert!(
        !fresh.contains("29-1141.00"),
        "nursing is not a developer's move by itself: {fresh}"
    );
    let hidden = lines[1].split(',').nth(1).expect("a target").to_string();

    let store = Store::open(&Location::DataDir(dir.clone()))
        .await
        .expect("store");
    let now = time::OffsetDateTime::now_utc();
    for (to, action) in [("29-1141.00", "add"), (hidden.as_str(), "remove")] {
        let m = CuratedMove {
            id: new_id(),
            from_code: "15-1252.00".into(),
            to_code: to.into(),
            action: action.into(),
            kind: Some("across".into()).filter(|_| action == "add"),
            note: String::new(),
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        store.insert_curated_move(&m).await.expect("curate");
    }
    store.close().await;

    let curated = moves(&dir, "15-1252.00");
    let first: Vec<&str> = curated.lines().nth(1).expect("a move").split(',').collect();
    assert_eq!(
        first,
        ["15-1252.00", "29-1141.00", "1", "1.0000", "across"],
        "{curated}"
    );
    assert!(
        !curated.contains(&format!(",{hidden},")),
        "the hidden move is gone: {curated}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
