//! The API's records for asks: an ask with its reminder, and its history.

use super::ToRecord;
use ladderless_core::asks::{AskLine, AskView};
use ladderless_domain::ask::{AskEventKind, AskStatus};
use ladderless_store::Uuid;
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// An ask as its two people see it.
#[derive(Debug, Clone, Serialize)]
pub struct AskRecord {
    /// Id.
    pub id: Uuid,
    /// Who asks.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// Whom.
    pub asked_of: Uuid,
    /// Their name.
    pub asked_of_name: String,
    /// What is asked for.
    pub what: String,
    /// Why it matters to the asker.
    pub want: String,
    /// What the asker offers in return.
    pub offer: String,
    /// Prepared questions.
    pub questions: Vec<String>,
    /// Where it stands.
    pub status: AskStatus,
    /// The last answer's note.
    pub answer: String,
    /// Days to wait before asking again.
    pub wait_days: i32,
    /// How many times it was asked.
    pub times_asked: i32,
    /// When it last moved.
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub last_moved_on: Date,
    /// When to ask again, while in play.
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub ask_again_on: Option<Date>,
    /// The reminder is due.
    pub ask_again_due: bool,
    /// When first asked.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl ToRecord for AskLine {
    type Record = AskRecord;
    fn record(&self) -> AskRecord {
        let a = &self.ask;
        AskRecord {
            id: a.id,
            person_id: a.person_id,
            person_name: a.person_name.clone(),
            asked_of: a.asked_of,
            asked_of_name: a.asked_of_name.clone(),
            what: a.what.clone(),
            want: a.want.clone(),
            offer: a.offer.clone(),
            questions: a.question_list().into_iter().map(str::to_string).collect(),
            status: a.status,
            answer: a.answer.clone(),
            wait_days: a.wait_days,
            times_asked: a.times_asked,
            last_moved_on: a.last_moved_on,
            ask_again_on: self.again_on,
            ask_again_due: self.again_due,
            created_at: a.created_at,
        }
    }
}

/// One step of an ask's history.
#[derive(Debug, Clone, Serialize)]
pub struct AskEventRecord {
    /// What happened.
    pub kind: AskEventKind,
    /// Who did it.
    pub by_person: Option<Uuid>,
    /// Their name.
    pub by_name: String,
    /// Status after it.
    pub status: AskStatus,
    /// Note.
    pub note: String,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// An ask with its history.
#[derive(Debug, Clone, Serialize)]
pub struct AskDetail {
    /// The ask.
    pub ask: AskRecord,
    /// Its history, oldest first.
    pub history: Vec<AskEventRecord>,
}

impl ToRecord for AskView {
    type Record = AskDetail;
    fn record(&self) -> AskDetail {
        AskDetail {
            ask: self.line.record(),
            history: self
                .events
                .iter()
                .map(|e| AskEventRecord {
                    kind: e.kind,
                    by_person: e.by_person,
                    by_name: e.by_name.clone(),
                    status: e.status,
                    note: e.note.clone(),
                    created_at: e.created_at,
                })
                .collect(),
        }
    }
}
