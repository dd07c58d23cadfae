//! The API's records for opportunities, built from what core answers.

use super::ToRecord;
use super::conversations::Need;
use super::pilots::Pilot;
use super::proposals::Proposal;
use ladderless_domain::coach::PitchVerdict;
use ladderless_domain::opportunity::{Stage, ValueToMe, Visibility};
use ladderless_store::Uuid;
use serde::Serialize;
use time::OffsetDateTime;

/// An opportunity with its value proposition.
#[derive(Debug, Clone, Serialize)]
pub struct Opportunity {
    /// Id.
    pub id: Uuid,
    /// Whose it is.
    pub owner_id: Uuid,
    /// Short title.
    pub title: String,
    /// Where it stands.
    pub stage: Stage,
    /// The need discovered in a conversation it came from, if any.
    pub need_id: Option<Uuid>,
    /// The need in words (copied, so it survives the conversation being deleted).
    pub need_text: String,
    /// The strategic direction it serves.
    pub direction_id: Option<Uuid>,
    /// Who may see it (the sponsor always sees a proposed one).
    pub audience: Visibility,
    /// Value to the business: whose goal it serves.
    pub whose_goal: String,
    /// The problem.
    pub problem: String,
    /// The outcome.
    pub outcome: String,
    /// How it would be measured.
    pub measure: String,
    /// Value to me: factor codes served, comma-separated.
    pub factors: String,
    /// Value to me: skills I would grow, one per line.
    pub skills: String,
    /// The pitch in the owner's words, for the pitch coach.
    pub pitch: String,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&ladderless_store::opportunities::Opportunity> for Opportunity {
    fn from(r: &ladderless_store::opportunities::Opportunity) -> Opportunity {
        Opportunity {
            id: r.id,
            owner_id: r.owner_id,
            title: r.title.clone(),
            stage: r.stage,
            need_id: r.need_id,
            need_text: r.need_text.clone(),
            direction_id: r.direction_id,
            audience: r.audience,
            whose_goal: r.whose_goal.clone(),
            problem: r.problem.clone(),
            outcome: r.outcome.clone(),
            measure: r.measure.clone(),
            factors: r.factors.clone(),
            skills: r.skills.clone(),
            pitch: r.pitch.clone(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl ToRecord for ladderless_store::opportunities::Opportunity {
    type Record = Opportunity;
    fn record(&self) -> Opportunity {
        Opportunity::from(self)
    }
}

/// Everything one opportunity's page shows.
#[derive(Debug, Clone, Serialize)]
pub struct OpportunityView {
    /// The opportunity.
    pub opportunity: Opportunity,
    /// Stage label.
    pub stage_label: &'static str,
    /// Owner's name.
    pub owner_name: String,
    /// The direction served: id and title.
    pub direction: Option<(Uuid, String)>,
    /// Stage history, oldest first.
    pub moves: Vec<StageMove>,
    /// Proposals the viewer may see.
    pub proposals: Vec<Proposal>,
    /// The pilot, if started.
    pub pilot: Option<Pilot>,
    /// The pitch coach's verdict on the value proposition.
    pub verdict: Option<PitchVerdict>,
    /// The viewer owns it.
    pub is_owner: bool,
    /// Labels of the four factors it serves, for every viewer.
    pub factors_served: Vec<&'static str>,
    /// The owner only: the need it came from, with its conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need: Option<Need>,
    /// The owner only: "value to me" read against their compass ranking.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_to_me: Option<ValueToMe>,
    /// The owner only: skills their compass says they want to grow, not yet listed here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grow_suggestions: Vec<String>,
}

impl From<&ladderless_core::opportunities::OpportunityView> for OpportunityView {
    fn from(r: &ladderless_core::opportunities::OpportunityView) -> OpportunityView {
        OpportunityView {
            opportunity: (&r.opportunity).into(),
            stage_label: r.stage_label,
            owner_name: r.owner_name.clone(),
            direction: r.direction.clone(),
            moves: r.moves.iter().map(Into::into).collect(),
            proposals: r.proposals.iter().map(Into::into).collect(),
            pilot: r.pilot.as_ref().map(Into::into),
            verdict: r.verdict.clone(),
            is_owner: r.is_owner,
            factors_served: r.factors_served.clone(),
            need: r.need.as_ref().map(Into::into),
            value_to_me: r.value_to_me.clone(),
            grow_suggestions: r.grow_suggestions.clone(),
        }
    }
}

impl ToRecord for ladderless_core::opportunities::OpportunityView {
    type Record = OpportunityView;
    fn record(&self) -> OpportunityView {
        OpportunityView::from(self)
    }
}

/// One move on the board.
#[derive(Debug, Clone, Serialize)]
pub struct StageMove {
    /// Id.
    pub id: Uuid,
    /// Opportunity.
    pub opportunity_id: Uuid,
    /// From (none for the first entry).
    pub from_stage: Option<Stage>,
    /// To.
    pub to_stage: Stage,
    /// Why.
    pub reason: String,
    /// Who moved it.
    pub actor_id: Option<Uuid>,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::opportunities::StageMove> for StageMove {
    fn from(r: &ladderless_store::opportunities::StageMove) -> StageMove {
        StageMove {
            id: r.id,
            opportunity_id: r.opportunity_id,
            from_stage: r.from_stage,
            to_stage: r.to_stage,
            reason: r.reason.clone(),
            actor_id: r.actor_id,
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::opportunities::StageMove {
    type Record = StageMove;
    fn record(&self) -> StageMove {
        StageMove::from(self)
    }
}
