//! Discovery conversations: who took part, the questions asked (each judged by the coach), what
//! was learned, needs discovered and follow-ups. Private to the owner.

use crate::customers::CustomerLine;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::coach::{Focus, Openness, QuestionVerdict, judge_question};
use ladderless_domain::compass::customers::{Due, relative_day};
use ladderless_store::conversations::{Conversation, FollowUp, Need};
use ladderless_store::{StoreError, Uuid};
use serde::Serialize;
use std::collections::HashMap;
use time::Duration;

mod input;

/// Most questions in one conversation.
pub const MAX_QUESTIONS: usize = 30;
/// Most needs or follow-ups in one conversation.
pub const MAX_ROWS: usize = 20;

/// A conversation as typed into a form or sent to the API.
#[derive(Debug, Clone, Default)]
pub struct ConversationInput {
    /// YYYY-MM-DD (today when empty).
    pub held_on: String,
    /// Kind code.
    pub kind: String,
    /// Title.
    pub title: String,
    /// What was learned.
    pub learned: String,
    /// Customer ids.
    pub customers: Vec<String>,
    /// Questions asked, one per line.
    pub questions: String,
    /// Bank question ids picked.
    pub bank: Vec<String>,
    /// Needs: (customer id or "", need, evidence); blank rows are skipped.
    pub needs: Vec<(String, String, String)>,
    /// Follow-ups: (customer id or "", action, due YYYY-MM-DD); blank rows are skipped.
    pub follow_ups: Vec<(String, String, String)>,
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

/// A question asked, with the coach's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct AskedQuestion {
    /// The question as written.
    pub text: String,
    /// The bank question it came from, if any.
    pub bank_id: String,
    /// The coach's verdict.
    pub verdict: QuestionVerdict,
    /// Open (not closed).
    pub open: bool,
    /// "About them", "About you" or "Neutral".
    pub about: &'static str,
    /// The coach would reword it (closed, self-focused, leading, blaming or several at once).
    pub reword: bool,
}

impl AskedQuestion {
    /// Judge a question asked.
    pub fn judge(text: String, bank_id: String) -> AskedQuestion {
        let verdict = judge_question(&text);
        let open = verdict.openness == Openness::Open;
        let about = match verdict.focus {
            Focus::Customer => "About them",
            Focus::SelfFocused => "About you",
            Focus::Neutral => "Neutral",
        };
        let reword = !open
            || verdict.focus == Focus::SelfFocused
            || verdict.leading
            || verdict.blaming
            || verdict.multiple;
        AskedQuestion {
            text,
            bank_id,
            verdict,
            open,
            about,
            reword,
        }
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

/// A need with its customer's name.
#[derive(Debug, Clone, Serialize)]
pub struct NeedLine {
    /// The record.
    #[serde(flatten)]
    pub need: Need,
    /// Customer name, if any.
    pub customer_name: String,
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

impl App {
    /// Log a conversation with everything in it, all or nothing.
    pub async fn create_conversation(
        &self,
        actor: &Actor,
        input: &ConversationInput,
    ) -> CoreResult<Uuid> {
        let c = self.check_conversation(actor, input).await?;
        self.store
            .create_conversation(actor.id(), &c, self.today(), self.now())
            .await
            .map_err(|e| match e {
                StoreError::NotFound => {
                    CoreError::field("customers", "must be customers in your map")
                }
                other => other.into(),
            })
    }

    /// The actor's conversations (with one customer when given), newest first.
    pub async fn conversation_lines(
        &self,
        actor: &Actor,
        customer_id: Option<Uuid>,
    ) -> CoreResult<Vec<ConversationLine>> {
        let list = self
            .store
            .conversations(actor.id(), customer_id, 500)
            .await?;
        let names: HashMap<Uuid, String> = self
            .store
            .customers(actor.id())
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let ids: Vec<Uuid> = list.iter().map(|c| c.id).collect();
        let mut who: HashMap<Uuid, Vec<String>> = HashMap::new();
        for (conv, cust) in self.store.conversation_customers(actor.id(), &ids).await? {
            if let Some(n) = names.get(&cust) {
                who.entry(conv).or_default().push(n.clone());
            }
        }
        let today = self.today();
        Ok(list
            .into_iter()
            .map(|c| ConversationLine {
                kind_label: c.kind.label(),
                customer_names: who.remove(&c.id).unwrap_or_default(),
                planned: c.held_on > today,
                conversation: c,
            })
            .collect())
    }

    /// One of the actor's conversations, its questions judged by the coach.
    pub async fn conversation_view(&self, actor: &Actor, id: Uuid) -> CoreResult<ConversationView> {
        let c = self.store.conversation(actor.id(), id).await?;
        let all = self.customer_lines(actor).await?;
        let ids: Vec<Uuid> = self
            .store
            .conversation_customers(actor.id(), &[id])
            .await?
            .into_iter()
            .map(|r| r.1)
            .collect();
        let customers: Vec<CustomerLine> = all
            .iter()
            .filter(|l| ids.contains(&l.customer.id))
            .cloned()
            .collect();
        let names: HashMap<Uuid, String> = all
            .into_iter()
            .map(|l| (l.customer.id, l.customer.name))
            .collect();
        let questions = self
            .store
            .conversation_questions(actor.id(), id)
            .await?
            .into_iter()
            .map(|(text, bank_id)| AskedQuestion::judge(text, bank_id))
            .collect();
        let needs = self.need_lines(actor, Some(id), None, &names).await?;
        let follow_ups = self.follow_up_lines(
            self.store.follow_ups(actor.id(), None, Some(id)).await?,
            &names,
        );
        let today = self.today();
        let line = ConversationLine {
            kind_label: c.kind.label(),
            customer_names: customers.iter().map(|l| l.customer.name.clone()).collect(),
            planned: c.held_on > today,
            conversation: c,
        };
        Ok(ConversationView {
            line,
            customers,
            questions,
            needs,
            follow_ups,
        })
    }

    /// Delete one of the actor's conversations.
    pub async fn delete_conversation(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        Ok(self.store.delete_conversation(actor.id(), id).await?)
    }

    /// The actor's needs (from one conversation or about one customer when given).
    pub async fn needs(
        &self,
        actor: &Actor,
        customer_id: Option<Uuid>,
    ) -> CoreResult<Vec<NeedLine>> {
        let names: HashMap<Uuid, String> = self
            .store
            .customers(actor.id())
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        self.need_lines(actor, None, customer_id, &names).await
    }

    async fn need_lines(
        &self,
        actor: &Actor,
        conv: Option<Uuid>,
        cust: Option<Uuid>,
        names: &HashMap<Uuid, String>,
    ) -> CoreResult<Vec<NeedLine>> {
        Ok(self
            .store
            .needs(actor.id(), conv, cust)
            .await?
            .into_iter()
            .map(|n| NeedLine {
                customer_name: n
                    .customer_id
                    .and_then(|c| names.get(&c).cloned())
                    .unwrap_or_default(),
                need: n,
            })
            .collect())
    }

    /// The actor's open follow-ups due within a week (or overdue); all open ones when `all`.
    pub async fn follow_ups_due(&self, actor: &Actor, all: bool) -> CoreResult<Vec<FollowUpLine>> {
        let by = (!all).then(|| {
            self.today() + Duration::days(ladderless_domain::compass::customers::DUE_SOON_DAYS)
        });
        let names: HashMap<Uuid, String> = self
            .store
            .customers(actor.id())
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        Ok(self.follow_up_lines(self.store.follow_ups(actor.id(), by, None).await?, &names))
    }

    fn follow_up_lines(
        &self,
        list: Vec<FollowUp>,
        names: &HashMap<Uuid, String>,
    ) -> Vec<FollowUpLine> {
        let today = self.today();
        list.into_iter()
            .map(|f| FollowUpLine {
                customer_name: f
                    .customer_id
                    .and_then(|c| names.get(&c).cloned())
                    .unwrap_or_default(),
                due: if f.done_at.is_some() {
                    Due::Later
                } else {
                    Due::of(Some(f.due_on), today)
                },
                due_text: relative_day(f.due_on, today),
                follow_up: f,
            })
            .collect()
    }

    /// Mark one of the actor's follow-ups done or open.
    pub async fn set_follow_up_done(&self, actor: &Actor, id: Uuid, done: bool) -> CoreResult<()> {
        Ok(self
            .store
            .set_follow_up_done(actor.id(), id, done, self.now())
            .await?)
    }
}
