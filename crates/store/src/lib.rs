//! Ladderless storage: one concrete [`Store`] over SQLite (default) or PostgreSQL.
//!
//! Queries are written once in portable SQL with `$N` placeholders (SQLite accepts them too);
//! the few dialect differences (full-text search, bulk upserts) live beside the code that needs
//! them, behind `Store::dialect()`. The `on_db!` macro expands one query body for each pool.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

pub mod asks;
pub mod audit;
pub mod auth;
pub mod career_links;
pub mod compass;
pub mod conversations;
pub mod curated;
pub mod customers;
pub mod data_rights;
pub mod directions;
mod error;
pub mod import;
pub mod index_changes;
pub mod jobs;
pub mod mail;
pub mod notifications;
pub mod opportunities;
// `people` and `roles` hold the in-transaction macros `pilots` reuses, so they come first.
#[macro_use]
pub mod people;
#[macro_use]
pub mod roles;
pub mod pilots;
pub mod placement_roles;
pub mod placements;
pub mod plans;
pub mod proposals;
pub mod search;
pub mod shopping;
pub mod skills;
pub mod teams;

pub use error::{StoreError, StoreResult};
pub use sqlx::types::Uuid;
pub use time::{Date, OffsetDateTime};

/// Which SQL dialect a store speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Embedded SQLite in a data directory.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

#[derive(Clone, Debug)]
enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The one storage handle: cheap to clone, shared by all requests.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
}

/// Expand `$body` once per backend with `$pool` bound to the concrete pool.
#[macro_export]
#[doc(hidden)]
macro_rules! on_db {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store.pools() {
            $crate::Pools::Sqlite($pool) => $body,
            $crate::Pools::Postgres($pool) => $body,
        }
    };
}

/// Borrowed pools, for the `on_db!` macro.
#[doc(hidden)]
pub enum Pools<'a> {
    /// SQLite pool.
    Sqlite(&'a SqlitePool),
    /// PostgreSQL pool.
    Postgres(&'a PgPool),
}

/// Where the data lives, decided from the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// `DIR/ladderless.db`, created if missing.
    DataDir(std::path::PathBuf),
    /// A `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl Location {
    /// Parse a database URL, refusing anything ambiguous rather than creating an empty database.
    pub fn from_url(url: &str) -> StoreResult<Location> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Location::Postgres(url.to_string()));
        }
        if let Some(path) = url.strip_prefix("sqlite://") {
            let p = Path::new(path);
            let dir = if path.ends_with(".db") {
                p.parent().unwrap_or(Path::new("."))
            } else {
                p
            };
            return Ok(Location::DataDir(dir.to_path_buf()));
        }
        Err(StoreError::Config(format!(
            "database URL must start with postgres:// or postgresql:// (or sqlite://DIR); got {:?}",
            redact_url(url)
        )))
    }

    /// A human-readable description with any password masked.
    pub fn describe(&self) -> String {
        match self {
            Location::DataDir(d) => format!("sqlite:{}", d.join("ladderless.db").display()),
            Location::Postgres(u) => redact_url(u),
        }
    }
}

/// Mask the password in a URL such as `postgres://user:secret@host/db`.
pub fn redact_url(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((creds, host)) = rest.split_once('@')
        && let Some((user, _)) = creds.split_once(':')
    {
        return format!("{scheme}://{user}:****@{host}");
    }
    url.to_string()
}

/// SQLite connections, each on its own thread. On 2 cores 8 served the most pages a second
/// (2, 4 and 8 measured with bench/foundation.sh); `LADDERLESS_SQLITE_POOL` overrides it.
fn sqlite_pool_size() -> u32 {
    std::env::var("LADDERLESS_SQLITE_POOL")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(8)
}

impl Store {
    /// Open (creating the SQLite file if needed) and migrate.
    pub async fn open(location: &Location) -> StoreResult<Store> {
        let store = Store::connect(location).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Open without running migrations.
    pub async fn connect(location: &Location) -> StoreResult<Store> {
        let db = match location {
            Location::DataDir(dir) => {
                std::fs::create_dir_all(dir).map_err(|e| {
                    StoreError::Config(format!(
                        "cannot create data directory {}: {e}",
                        dir.display()
                    ))
                })?;
                let opts = SqliteConnectOptions::new()
                    .filename(dir.join("ladderless.db"))
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
                    .pragma("cache_size", "-32000")
                    .pragma("temp_store", "memory");
                let pool = SqlitePoolOptions::new()
                    .max_connections(sqlite_pool_size())
                    .min_connections(1)
                    .connect_with(opts)
                    .await?;
                Db::Sqlite(pool)
            }
            Location::Postgres(url) => {
                let opts = PgConnectOptions::from_str(url)?;
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(opts)
                    .await?;
                Db::Postgres(pool)
            }
        };
        Ok(Store { db })
    }

    /// Whether migrations were ever applied here (an existing Ladderless database, not an
    /// empty one), so commands that read data can refuse rather than create a schema.
    pub async fn has_schema(&self) -> StoreResult<bool> {
        let n: (i64,) = match &self.db {
            Db::Sqlite(p) => sqlx::query_as("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'").fetch_one(p).await?,
            Db::Postgres(p) => sqlx::query_as("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'").fetch_one(p).await?,
        };
        Ok(n.0 > 0)
    }

    /// Apply the embedded migrations for this backend.
    pub async fn migrate(&self) -> StoreResult<()> {
        match &self.db {
            Db::Sqlite(p) => sqlx::migrate!("./migrations/sqlite").run(p).await?,
            Db::Postgres(p) => sqlx::migrate!("./migrations/postgres").run(p).await?,
        }
        Ok(())
    }

    /// The dialect of this store.
    pub fn dialect(&self) -> Dialect {
        match self.db {
            Db::Sqlite(_) => Dialect::Sqlite,
            Db::Postgres(_) => Dialect::Postgres,
        }
    }

    /// The pools, for `on_db!`.
    #[doc(hidden)]
    pub fn pools(&self) -> Pools<'_> {
        match &self.db {
            Db::Sqlite(p) => Pools::Sqlite(p),
            Db::Postgres(p) => Pools::Postgres(p),
        }
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("SELECT 1").execute(p).await?; });
        Ok(())
    }

    /// Copy the SQLite database to `path` with `VACUUM INTO` (PostgreSQL: use pg_dump).
    pub async fn backup(&self, path: &Path) -> StoreResult<()> {
        match &self.db {
            Db::Sqlite(p) => {
                if path.exists() {
                    return Err(StoreError::Config(format!("{} already exists", path.display())));
                }
                let target = path.to_string_lossy().to_string();
                sqlx::query("VACUUM INTO $1").bind(target).execute(p).await?;
                Ok(())
            }
            Db::Postgres(_) => Err(StoreError::Config(
                "backup of a PostgreSQL database: use pg_dump, which keeps it consistent while the server runs".into(),
            )),
        }
    }

    /// Close all connections.
    pub async fn close(&self) {
        match &self.db {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }

    /// Read a setting.
    pub async fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        let v: Option<(String,)> = on_db!(self, p => sqlx::query_as("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(p).await?);
        Ok(v.map(|v| v.0))
    }

    /// Write a setting.
    pub async fn set_setting(
        &self,
        key: &str,
        value: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        self.set_settings(&[(key, value)], now).await
    }

    /// Write several settings in one transaction.
    pub async fn set_settings(
        &self,
        pairs: &[(&str, &str)],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            for (key, value) in pairs {
                sqlx::query("INSERT INTO settings (key, value, created_at, updated_at) VALUES ($1, $2, $3, $3) \
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
                    .bind(*key).bind(*value).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }
}

/// A new time-ordered id.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}
