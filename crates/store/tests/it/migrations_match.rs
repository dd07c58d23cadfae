//! The SQLite and PostgreSQL migrations must end with the same tables and columns, so that
//! one query text works on both and neither dialect quietly drifts.

use ladderless_store::Location;
use ladderless_testkit::{Backend, TestDb};
use std::collections::{BTreeMap, BTreeSet};

type Schema = BTreeMap<String, BTreeSet<String>>;

/// Tables that exist in one dialect by design: the migration ledger and SQLite's full-text
/// index with its shadow tables (PostgreSQL keeps a `tsvector` column instead).
fn dialect_only(table: &str) -> bool {
    table == "_sqlx_migrations" || table.contains("_fts") || table.starts_with("sqlite_")
}

/// Columns that exist in one dialect by design (PostgreSQL's full-text vectors).
fn dialect_only_column(column: &str) -> bool {
    column == "tsv" || column.ends_with("_tsv")
}

async fn sqlite_schema(db: &TestDb) -> Schema {
    let Location::DataDir(dir) = &db.location else {
        panic!("expected a data directory")
    };
    let url = format!("sqlite:{}", dir.join("ladderless.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.expect("sqlite");
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table'",
    )
    .fetch_all(&pool)
    .await
    .expect("sqlite schema");
    pool.close().await;
    collect(rows)
}

async fn postgres_schema(db: &TestDb) -> Schema {
    let Location::Postgres(url) = &db.location else {
        panic!("expected a PostgreSQL URL")
    };
    let pool = sqlx::PgPool::connect(url).await.expect("postgres");
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text FROM information_schema.columns c \
         JOIN information_schema.tables t \
           ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'",
    )
    .fetch_all(&pool)
    .await
    .expect("postgres schema");
    pool.close().await;
    collect(rows)
}

fn collect(rows: Vec<(String, String)>) -> Schema {
    let mut schema = Schema::new();
    for (table, column) in rows {
        if dialect_only(&table) || dialect_only_column(&column) {
            continue;
        }
        schema.entry(table).or_default().insert(column);
    }
    schema
}

#[tokio::test]
async fn sqlite_and_postgres_migrations_end_with_the_same_tables_and_columns() {
    if !ladderless_testkit::backends().contains(&Backend::Postgres) {
        eprintln!("note: PostgreSQL not configured; nothing to compare");
        return;
    }
    let lite = TestDb::new(Backend::Sqlite).await.expect("sqlite db");
    lite.store().await.expect("migrate sqlite").close().await;
    let pg = TestDb::new(Backend::Postgres).await.expect("postgres db");
    pg.store().await.expect("migrate postgres").close().await;

    let (a, b) = (sqlite_schema(&lite).await, postgres_schema(&pg).await);
    assert!(
        a.len() > 10,
        "expected the whole schema, got {:?}",
        a.keys()
    );
    let tables_a: BTreeSet<_> = a.keys().collect();
    let tables_b: BTreeSet<_> = b.keys().collect();
    assert_eq!(
        tables_a,
        tables_b,
        "tables differ: only SQLite {:?}, only PostgreSQL {:?}",
        tables_a.difference(&tables_b).collect::<Vec<_>>(),
        tables_b.difference(&tables_a).collect::<Vec<_>>()
    );
    for (table, cols) in &a {
        assert_eq!(cols, &b[table], "columns of {table} differ");
    }
}
