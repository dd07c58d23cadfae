//! The change log of the matching index (`index_changes`): each change to a placement or to a
//! person's matching data adds a row; every server process polls for rows it has not seen and
//! re-reads just those entities.
//!
//! On PostgreSQL a sequence number is taken when a row is inserted but becomes visible at
//! commit, so two writers may commit out of order; readers therefore look back a few numbers
//! ([`Store::index_changes_since`] takes the lower bound) and re-applying a change is harmless.

use crate::{Store, StoreResult, Uuid, on_db};
use time::OffsetDateTime;

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// A placement: its fields, skills, directions, status or places taken.
    Placement,
    /// A person: skills, sharing, compass ranking, marketplace profile, or leaving.
    Person,
}

impl ChangeKind {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Placement => "placement",
            ChangeKind::Person => "person",
        }
    }

    /// From the stored code.
    pub fn from_code(code: &str) -> Option<ChangeKind> {
        match code {
            "placement" => Some(ChangeKind::Placement),
            "person" => Some(ChangeKind::Person),
            _ => None,
        }
    }
}

/// One logged change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexChange {
    /// Its place in the log.
    pub seq: i64,
    /// What changed (None: a kind this version does not know).
    pub kind: Option<ChangeKind>,
    /// Which one.
    pub entity_id: Uuid,
    /// When.
    pub at: OffsetDateTime,
}

impl Store {
    /// Log a change; returns its sequence number.
    pub async fn log_index_change(
        &self,
        kind: ChangeKind,
        id: Uuid,
        at: OffsetDateTime,
    ) -> StoreResult<i64> {
        let (seq,): (i64,) = on_db!(self, p => sqlx::query_as("INSERT INTO index_changes (entity_kind, entity_id, at) VALUES ($1, $2, $3) RETURNING seq")
            .bind(kind.code()).bind(id).bind(at).fetch_one(p).await?);
        Ok(seq)
    }

    /// The last sequence number logged (0: none).
    pub async fn last_index_change(&self) -> StoreResult<i64> {
        let (seq,): (Option<i64>,) = on_db!(self, p => sqlx::query_as("SELECT MAX(seq) FROM index_changes").fetch_one(p).await?);
        Ok(seq.unwrap_or(0))
    }

    /// Changes after `seq`, oldest first, at most `limit`.
    pub async fn index_changes_since(&self, seq: i64, limit: i64) -> StoreResult<Vec<IndexChange>> {
        let rows: Vec<(i64, String, Uuid, OffsetDateTime)> = on_db!(self, p => sqlx::query_as("SELECT seq, entity_kind, entity_id, at FROM index_changes WHERE seq > $1 ORDER BY seq LIMIT $2")
            .bind(seq).bind(limit).fetch_all(p).await?);
        Ok(rows
            .into_iter()
            .map(|(seq, kind, entity_id, at)| IndexChange {
                seq,
                kind: ChangeKind::from_code(&kind),
                entity_id,
                at,
            })
            .collect())
    }

    /// Forget changes logged before `before` (every running process has long applied them);
    /// returns how many went.
    pub async fn prune_index_changes(&self, before: OffsetDateTime) -> StoreResult<u64> {
        Ok(
            on_db!(self, p => sqlx::query("DELETE FROM index_changes WHERE at < $1").bind(before).execute(p).await?.rows_affected()),
        )
    }
}
