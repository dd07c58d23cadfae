//! The API's records for conversations, built from what core answers.

use super::ToRecord;
use super::customers::CustomerLine;
use ladderless_core::conversations::AskedQuestion;
use ladderless_domain::compass::customers::{ConversationKind, Due};
use ladderless_store::Uuid;
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// A conversation as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Conversation {
    /// Id.
    pub id: Uuid,
    /// When it was held (or is planned).
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub held_on: Date,
    /// What it was for.
    pub kind: ConversationKind,
    /// A short title.
    pub title: String,
    /// What was learned.
    pub learned: String,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::conversations::Conversation> for Conversation {
    fn from(r: &ladderless_store::conversations::Conversation) -> Conversation {
        Conversation {
            id: r.id,
            held_on: r.held_on,
            kind: r.kind,
            title: r.title.clone(),
            learned: r.learned.clone(),
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::conversations::Conversation {
    type Record = Conversation;
    fn record(&self) -> Conversation {
        Conversation::from(self)
    }
}

/// A conversation as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct ConversationLine {
    /// The record.
    #[serde(flatten)]
    pub conversation: Conversation,
    /// Kind label.
    pub kind_label: &'static str,
    /// Names of the customers who took part.
    pub customer_names: Vec<String>,
    /// Held in the future: being prepared.
    pub planned: bool,
}

impl From<&ladderless_core::conversations::ConversationLine> for ConversationLine {
    fn from(r: &ladderless_core::conversations::ConversationLine) -> ConversationLine {
        ConversationLine {
            conversation: (&r.conversation).into(),
            kind_label: r.kind_label,
            customer_names: r.customer_names.clone(),
            planned: r.planned,
        }
    }
}

impl ToRecord for ladderless_core::conversations::ConversationLine {
    type Record = ConversationLine;
    fn record(&self) -> ConversationLine {
        ConversationLine::from(self)
    }
}

/// Everything in one conversation.
#[derive(Debug, Clone, Serialize)]
pub struct ConversationView {
    /// The conversation.
    pub line: ConversationLine,
    /// The customers who took part.
    pub customers: Vec<CustomerLine>,
    /// Questions asked, each judged.
    pub questions: Vec<AskedQuestion>,
    /// Needs discovered.
    pub needs: Vec<NeedLine>,
    /// Follow-ups (done or not).
    pub follow_ups: Vec<FollowUpLine>,
}

impl From<&ladderless_core::conversations::ConversationView> for ConversationView {
    fn from(r: &ladderless_core::conversations::ConversationView) -> ConversationView {
        ConversationView {
            line: (&r.line).into(),
            customers: r.customers.iter().map(Into::into).collect(),
            questions: r.questions.clone(),
            needs: r.needs.iter().map(Into::into).collect(),
            follow_ups: r.follow_ups.iter().map(Into::into).collect(),
        }
    }
}

impl ToRecord for ladderless_core::conversations::ConversationView {
    type Record = ConversationView;
    fn record(&self) -> ConversationView {
        ConversationView::from(self)
    }
}

/// A follow-up promised in a conversation.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    /// Id.
    pub id: Uuid,
    /// The conversation it came from.
    pub conversation_id: Uuid,
    /// Who it is for.
    pub customer_id: Option<Uuid>,
    /// What to do.
    pub action: String,
    /// By when.
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub due_on: Date,
    /// When it was done.
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
}

impl From<&ladderless_store::conversations::FollowUp> for FollowUp {
    fn from(r: &ladderless_store::conversations::FollowUp) -> FollowUp {
        FollowUp {
            id: r.id,
            conversation_id: r.conversation_id,
            customer_id: r.customer_id,
            action: r.action.clone(),
            due_on: r.due_on,
            done_at: r.done_at,
        }
    }
}

impl ToRecord for ladderless_store::conversations::FollowUp {
    type Record = FollowUp;
    fn record(&self) -> FollowUp {
        FollowUp::from(self)
    }
}

/// A follow-up with its customer's name and when it is due.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUpLine {
    /// The record.
    #[serde(flatten)]
    pub follow_up: FollowUp,
    /// Customer name, if any.
    pub customer_name: String,
    /// Overdue, soon or later.
    pub due: Due,
    /// "in 3 days".
    pub due_text: String,
}

impl From<&ladderless_core::conversations::FollowUpLine> for FollowUpLine {
    fn from(r: &ladderless_core::conversations::FollowUpLine) -> FollowUpLine {
        FollowUpLine {
            follow_up: (&r.follow_up).into(),
            customer_name: r.customer_name.clone(),
            due: r.due,
            due_text: r.due_text.clone(),
        }
    }
}

impl ToRecord for ladderless_core::conversations::FollowUpLine {
    type Record = FollowUpLine;
    fn record(&self) -> FollowUpLine {
        FollowUpLine::from(self)
    }
}

/// A need discovered in a conversation.
#[derive(Debug, Clone, Serialize)]
pub struct Need {
    /// Id.
    pub id: Uuid,
    /// The conversation it came from.
    pub conversation_id: Uuid,
    /// Whose need it is.
    pub customer_id: Option<Uuid>,
    /// The need.
    pub need: String,
    /// What showed it.
    pub evidence: String,
    /// The opportunity it became, once linked.
    pub opportunity_id: Option<Uuid>,
    /// That opportunity's title.
    pub opportunity_title: Option<String>,
    /// When the conversation was held.
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub held_on: Date,
    /// The conversation's title.
    pub conversation_title: String,
}

impl From<&ladderless_store::conversations::Need> for Need {
    fn from(r: &ladderless_store::conversations::Need) -> Need {
        Need {
            id: r.id,
            conversation_id: r.conversation_id,
            customer_id: r.customer_id,
            need: r.need.clone(),
            evidence: r.evidence.clone(),
            opportunity_id: r.opportunity_id,
            opportunity_title: r.opportunity_title.clone(),
            held_on: r.held_on,
            conversation_title: r.conversation_title.clone(),
        }
    }
}

impl ToRecord for ladderless_store::conversations::Need {
    type Record = Need;
    fn record(&self) -> Need {
        Need::from(self)
    }
}

/// A need with its customer's name.
#[derive(Debug, Clone, Serialize)]
pub struct NeedLine {
    /// The record.
    #[serde(flatten)]
    pub need: Need,
    /// Customer name, if any.
    pub customer_name: String,
}

impl From<&ladderless_core::conversations::NeedLine> for NeedLine {
    fn from(r: &ladderless_core::conversations::NeedLine) -> NeedLine {
        NeedLine {
            need: (&r.need).into(),
            customer_name: r.customer_name.clone(),
        }
    }
}

impl ToRecord for ladderless_core::conversations::NeedLine {
    type Record = NeedLine;
    fn record(&self) -> NeedLine {
        NeedLine::from(self)
    }
}
