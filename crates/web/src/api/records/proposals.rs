//! The API's records for proposals, built from what core answers.

use super::ToRecord;
use ladderless_domain::opportunity::ProposalStatus;
use ladderless_store::Uuid;
use serde::Serialize;
use time::OffsetDateTime;

/// One ask (the first sending, or asking again).
#[derive(Debug, Clone, Serialize)]
pub struct Ask {
    /// Id.
    pub id: Uuid,
    /// The proposal.
    pub proposal_id: Uuid,
    /// What the owner added.
    pub note: String,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::proposals::Ask> for Ask {
    fn from(r: &ladderless_store::proposals::Ask) -> Ask {
        Ask {
            id: r.id,
            proposal_id: r.proposal_id,
            note: r.note.clone(),
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::proposals::Ask {
    type Record = Ask;
    fn record(&self) -> Ask {
        Ask::from(self)
    }
}

/// A proposal with the names a page needs.
#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// Id.
    pub id: Uuid,
    /// The opportunity proposed.
    pub opportunity_id: Uuid,
    /// Its title.
    pub opportunity_title: String,
    /// Who proposes.
    pub owner_id: Uuid,
    /// Their name.
    pub owner_name: String,
    /// Who is asked.
    pub sponsor_id: Uuid,
    /// Their name.
    pub sponsor_name: String,
    /// Share of working time asked, percent.
    pub time_share: i32,
    /// Duration asked, weeks.
    pub duration_weeks: i32,
    /// Other resources asked.
    pub resources: String,
    /// A note to the sponsor.
    pub message: String,
    /// awaiting, support, tell_me_more, not_now or withdrawn.
    pub status: ProposalStatus,
    /// The sponsor's reason or question.
    pub answer_reason: String,
    /// When answered.
    #[serde(with = "time::serde::rfc3339::option")]
    pub answered_at: Option<OffsetDateTime>,
    /// When last asked (sent or asked again).
    #[serde(with = "time::serde::rfc3339")]
    pub last_asked_at: OffsetDateTime,
    /// When first sent.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::proposals::Proposal> for Proposal {
    fn from(r: &ladderless_store::proposals::Proposal) -> Proposal {
        Proposal {
            id: r.id,
            opportunity_id: r.opportunity_id,
            opportunity_title: r.opportunity_title.clone(),
            owner_id: r.owner_id,
            owner_name: r.owner_name.clone(),
            sponsor_id: r.sponsor_id,
            sponsor_name: r.sponsor_name.clone(),
            time_share: r.time_share,
            duration_weeks: r.duration_weeks,
            resources: r.resources.clone(),
            message: r.message.clone(),
            status: r.status,
            answer_reason: r.answer_reason.clone(),
            answered_at: r.answered_at,
            last_asked_at: r.last_asked_at,
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::proposals::Proposal {
    type Record = Proposal;
    fn record(&self) -> Proposal {
        Proposal::from(self)
    }
}

/// A proposal with whether the owner should ask again.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalLine {
    /// The proposal.
    #[serde(flatten)]
    pub proposal: Proposal,
    /// Status label.
    pub status_label: &'static str,
    /// No answer for the configured number of days.
    pub ask_again: bool,
}

impl From<&ladderless_core::proposals::ProposalLine> for ProposalLine {
    fn from(r: &ladderless_core::proposals::ProposalLine) -> ProposalLine {
        ProposalLine {
            proposal: (&r.proposal).into(),
            status_label: r.status_label,
            ask_again: r.ask_again,
        }
    }
}

impl ToRecord for ladderless_core::proposals::ProposalLine {
    type Record = ProposalLine;
    fn record(&self) -> ProposalLine {
        ProposalLine::from(self)
    }
}

/// One proposal's page.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalView {
    /// The proposal.
    pub line: ProposalLine,
    /// Every ask, oldest first.
    pub asks: Vec<Ask>,
    /// The viewer owns it.
    pub is_owner: bool,
    /// The viewer is its sponsor.
    pub is_sponsor: bool,
    /// For the owner, while a proposal awaits an answer within the usual wait: advice on timing
    /// (asking again is allowed at any time).
    pub timing_advice: Option<String>,
    /// The viewer may open the opportunity (a talent admin reading proposals, or the sponsor
    /// of a withdrawn one, may not).
    pub opportunity_visible: bool,
}

impl From<&ladderless_core::proposals::ProposalView> for ProposalView {
    fn from(r: &ladderless_core::proposals::ProposalView) -> ProposalView {
        ProposalView {
            line: (&r.line).into(),
            asks: r.asks.iter().map(Into::into).collect(),
            is_owner: r.is_owner,
            is_sponsor: r.is_sponsor,
            timing_advice: r.timing_advice.clone(),
            opportunity_visible: r.opportunity_visible,
        }
    }
}

impl ToRecord for ladderless_core::proposals::ProposalView {
    type Record = ProposalView;
    fn record(&self) -> ProposalView {
        ProposalView::from(self)
    }
}
