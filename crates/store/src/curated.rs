//! Moves between roles curated by talent admins: added, hidden or annotated, one row per pair.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use time::OffsetDateTime;

/// A curated move from one role to another.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CuratedMove {
    /// Id.
    pub id: Uuid,
    /// The role code the move starts from.
    pub from_code: String,
    /// The role code the move leads to.
    pub to_code: String,
    /// `add` (pin the move), `remove` (hide it) or `annotate` (only a note).
    pub action: String,
    /// For `add`: `up`, `sideways` or `across` when the admin knows better than the job zones.
    pub kind: Option<String>,
    /// The note shown with the move (blank for none).
    pub note: String,
    /// Who curated it.
    pub created_by: Option<Uuid>,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
}

const COLUMNS: &str =
    "id, from_code, to_code, action, kind, note, created_by, created_at, updated_at";

/// The pair is unique; both backends name the violation differently, so name it once here.
fn pair_conflict(e: StoreError) -> StoreError {
    match e {
        StoreError::Conflict { .. } => StoreError::Conflict { field: "to".into() },
        other => other,
    }
}

impl Store {
    /// Every curated move, oldest first (the order the graph applies them in).
    pub async fn curated_moves(&self) -> StoreResult<Vec<CuratedMove>> {
        let sql = format!("SELECT {COLUMNS} FROM curated_edges ORDER BY created_at, id");
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(p).await?))
    }

    /// One curated move.
    pub async fn curated_move(&self, id: Uuid) -> StoreResult<CuratedMove> {
        let sql = format!("SELECT {COLUMNS} FROM curated_edges WHERE id = $1");
        let row: Option<CuratedMove> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        row.ok_or(StoreError::NotFound)
    }

    /// Add a curated move; a second one for the same pair is a conflict on `to`.
    pub async fn insert_curated_move(&self, m: &CuratedMove) -> StoreResult<()> {
        let r = on_db!(self, p => sqlx::query("INSERT INTO curated_edges (id, from_code, to_code, action, kind, note, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
            .bind(m.id).bind(&m.from_code).bind(&m.to_code).bind(&m.action).bind(&m.kind).bind(&m.note)
            .bind(m.created_by).bind(m.created_at).bind(m.updated_at).execute(p).await.map(|_| ()).map_err(StoreError::from));
        r.map_err(pair_conflict)
    }

    /// Change what a curated move does and its note.
    pub async fn update_curated_move(
        &self,
        id: Uuid,
        action: &str,
        kind: Option<&str>,
        note: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE curated_edges SET action = $2, kind = $3, note = $4, updated_at = $5 WHERE id = $1")
            .bind(id).bind(action).bind(kind).bind(note).bind(now).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Remove a curated move (the graph goes back to what it computes by itself).
    pub async fn delete_curated_move(&self, id: Uuid) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("DELETE FROM curated_edges WHERE id = $1").bind(id).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }
}
