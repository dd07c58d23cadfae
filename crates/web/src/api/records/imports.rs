//! The API's records for imports, built from what core answers.

use super::ToRecord;
use ladderless_store::Uuid;
use serde::Serialize;
use time::OffsetDateTime;

/// A finished import, as listed to admins.
#[derive(Debug, Clone, Serialize)]
pub struct ImportRun {
    /// Id.
    pub id: Uuid,
    /// Who ran it (None: the command line).
    pub actor_id: Option<Uuid>,
    /// File name or "cli".
    pub source: String,
    /// People created.
    pub created_count: i32,
    /// People updated.
    pub updated_count: i32,
    /// People unchanged.
    pub unchanged_count: i32,
    /// People deactivated.
    pub deactivated_count: i32,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::import::ImportRun> for ImportRun {
    fn from(r: &ladderless_store::import::ImportRun) -> ImportRun {
        ImportRun {
            id: r.id,
            actor_id: r.actor_id,
            source: r.source.clone(),
            created_count: r.created_count,
            updated_count: r.updated_count,
            unchanged_count: r.unchanged_count,
            deactivated_count: r.deactivated_count,
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::import::ImportRun {
    type Record = ImportRun;
    fn record(&self) -> ImportRun {
        ImportRun::from(self)
    }
}
