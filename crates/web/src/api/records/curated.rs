//! The API's records for curated, built from what core answers.

use super::ToRecord;
use ladderless_store::Uuid;
use serde::Serialize;
use time::OffsetDateTime;

/// A curated move with the role titles, for lists.
#[derive(Debug, Clone, Serialize)]
pub struct CuratedLine {
    /// The stored move.
    #[serde(flatten)]
    pub curated: CuratedMove,
    /// Title of the role the move starts from.
    pub from_title: String,
    /// Title of the role the move leads to.
    pub to_title: String,
}

impl From<&ladderless_core::curated::CuratedLine> for CuratedLine {
    fn from(r: &ladderless_core::curated::CuratedLine) -> CuratedLine {
        CuratedLine {
            curated: (&r.curated).into(),
            from_title: r.from_title.clone(),
            to_title: r.to_title.clone(),
        }
    }
}

impl ToRecord for ladderless_core::curated::CuratedLine {
    type Record = CuratedLine;
    fn record(&self) -> CuratedLine {
        CuratedLine::from(self)
    }
}

/// A curated move from one role to another.
#[derive(Debug, Clone, Serialize)]
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
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&ladderless_store::curated::CuratedMove> for CuratedMove {
    fn from(r: &ladderless_store::curated::CuratedMove) -> CuratedMove {
        CuratedMove {
            id: r.id,
            from_code: r.from_code.clone(),
            to_code: r.to_code.clone(),
            action: r.action.clone(),
            kind: r.kind.clone(),
            note: r.note.clone(),
            created_by: r.created_by,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl ToRecord for ladderless_store::curated::CuratedMove {
    type Record = CuratedMove;
    fn record(&self) -> CuratedMove {
        CuratedMove::from(self)
    }
}
