//! The API's records for pilots, built from what core answers.

use super::ToRecord;
use ladderless_domain::opportunity::Stage;
use ladderless_store::Uuid;
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// A check-in note.
#[derive(Debug, Clone, Serialize)]
pub struct CheckIn {
    /// Id.
    pub id: Uuid,
    /// Pilot.
    pub pilot_id: Uuid,
    /// Who wrote it.
    pub author_id: Uuid,
    /// Their name.
    pub author_name: String,
    /// The note.
    pub note: String,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::pilots::CheckIn> for CheckIn {
    fn from(r: &ladderless_store::pilots::CheckIn) -> CheckIn {
        CheckIn {
            id: r.id,
            pilot_id: r.pilot_id,
            author_id: r.author_id,
            author_name: r.author_name.clone(),
            note: r.note.clone(),
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::pilots::CheckIn {
    type Record = CheckIn;
    fn record(&self) -> CheckIn {
        CheckIn::from(self)
    }
}

/// A pilot.
#[derive(Debug, Clone, Serialize)]
pub struct Pilot {
    /// Id.
    pub id: Uuid,
    /// The opportunity piloted.
    pub opportunity_id: Uuid,
    /// The supported proposal.
    pub proposal_id: Uuid,
    /// Who runs it.
    pub owner_id: Uuid,
    /// Who sponsors it.
    pub sponsor_id: Uuid,
    /// Extra responsibilities taken on.
    pub responsibilities: String,
    /// Agreed share of time, percent.
    pub time_share: i32,
    /// Start.
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub starts_on: Date,
    /// Planned end.
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub ends_on: Date,
    /// The outcome once ended.
    pub outcome: Option<Stage>,
    /// What the owner learned.
    pub reflection: String,
    /// The organisation role created, for a "new role" outcome.
    pub role_code: Option<String>,
    /// When it ended.
    #[serde(with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::pilots::Pilot> for Pilot {
    fn from(r: &ladderless_store::pilots::Pilot) -> Pilot {
        Pilot {
            id: r.id,
            opportunity_id: r.opportunity_id,
            proposal_id: r.proposal_id,
            owner_id: r.owner_id,
            sponsor_id: r.sponsor_id,
            responsibilities: r.responsibilities.clone(),
            time_share: r.time_share,
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            outcome: r.outcome,
            reflection: r.reflection.clone(),
            role_code: r.role_code.clone(),
            ended_at: r.ended_at,
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::pilots::Pilot {
    type Record = Pilot;
    fn record(&self) -> Pilot {
        Pilot::from(self)
    }
}

/// A pilot as lists show it: with its opportunity's title and both names.
#[derive(Debug, Clone, Serialize)]
pub struct PilotLine {
    /// The pilot.
    #[serde(flatten)]
    pub pilot: Pilot,
    /// The opportunity's title.
    pub title: String,
    /// Who runs it.
    pub owner_name: String,
    /// Who sponsors it.
    pub sponsor_name: String,
}

impl From<&ladderless_store::pilots::PilotLine> for PilotLine {
    fn from(r: &ladderless_store::pilots::PilotLine) -> PilotLine {
        PilotLine {
            pilot: (&r.pilot).into(),
            title: r.title.clone(),
            owner_name: r.owner_name.clone(),
            sponsor_name: r.sponsor_name.clone(),
        }
    }
}

impl ToRecord for ladderless_store::pilots::PilotLine {
    type Record = PilotLine;
    fn record(&self) -> PilotLine {
        PilotLine::from(self)
    }
}

/// One pilot's page.
#[derive(Debug, Clone, Serialize)]
pub struct PilotView {
    /// The pilot.
    pub pilot: Pilot,
    /// Opportunity title.
    pub title: String,
    /// Owner's name.
    pub owner_name: String,
    /// Sponsor's name.
    pub sponsor_name: String,
    /// Check-ins, oldest first.
    pub checkins: Vec<CheckIn>,
    /// The viewer runs it.
    pub is_owner: bool,
    /// The viewer sponsors it.
    pub is_sponsor: bool,
    /// Title of the role created, if any.
    pub role_title: Option<String>,
}

impl From<&ladderless_core::pilots::PilotView> for PilotView {
    fn from(r: &ladderless_core::pilots::PilotView) -> PilotView {
        PilotView {
            pilot: (&r.pilot).into(),
            title: r.title.clone(),
            owner_name: r.owner_name.clone(),
            sponsor_name: r.sponsor_name.clone(),
            checkins: r.checkins.iter().map(Into::into).collect(),
            is_owner: r.is_owner,
            is_sponsor: r.is_sponsor,
            role_title: r.role_title.clone(),
        }
    }
}

impl ToRecord for ladderless_core::pilots::PilotView {
    type Record = PilotView;
    fn record(&self) -> PilotView {
        PilotView::from(self)
    }
}
