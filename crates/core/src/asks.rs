//! Upward conversations: preparing an ask from one's own compass and opportunities, asking
//! one's manager (or someone above them), recording the answer, and asking again when
//! nothing moved.
//!
//! Rules:
//! - An ask is seen by the person who asks and the person asked, nobody else (not even a
//!   talent admin: it is the asker's own record).
//! - One asks someone in one's management chain; the nearest manager is the default.
//! - Either side records the answer (the manager in the product, or the asker writing down
//!   what was said); only the asker asks again or withdraws.
//! - The reminder to ask again comes due `wait_days` after the ask last moved, while the ask
//!   is waiting, partly answered or answered "not now" ([`ask_again_due`]).

use crate::compass::FactorLine;
use crate::conversations::AskedQuestion;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::ask::{
    AskEventKind, AskInput, AskStatus, ask_again_due, ask_again_on, check_answer, check_ask,
};
use ladderless_domain::fields::optional_text;
use ladderless_store::Uuid;
use ladderless_store::asks::{Ask, AskEvent, AskStep, NewAsk};
use ladderless_store::opportunities::Opportunity;
use ladderless_store::people::PersonCard;
use time::Date;

/// What the preparation page shows: what I want, what I offer, whom I can ask.
#[derive(Debug, Clone)]
pub struct UpwardPrep {
    /// My four factors in my order, with how well each is met.
    pub factors: Vec<FactorLine>,
    /// Whether I have ranked them (else the starting order).
    pub ranked: bool,
    /// My leadership opportunities (the value I offer), newest first.
    pub opportunities: Vec<Opportunity>,
    /// Whom I can ask: my managers, nearest first.
    pub chain: Vec<PersonCard>,
}

/// An ask in a list, with its reminder.
#[derive(Debug, Clone)]
pub struct AskLine {
    /// The ask.
    pub ask: Ask,
    /// When to ask again, while it is in play.
    pub again_on: Option<Date>,
    /// The reminder is due today.
    pub again_due: bool,
}

/// One ask, as one of its two people sees it.
#[derive(Debug, Clone)]
pub struct AskView {
    /// The ask and its reminder.
    pub line: AskLine,
    /// Its history, oldest first.
    pub events: Vec<AskEvent>,
    /// The viewer asked.
    pub is_asker: bool,
    /// The viewer was asked.
    pub is_asked: bool,
    /// The prepared questions, each judged by the coach.
    pub questions: Vec<AskedQuestion>,
}

impl App {
    fn ask_line(&self, ask: Ask) -> AskLine {
        let today = self.now().date();
        AskLine {
            again_on: ask_again_on(ask.status, ask.last_moved_on, ask.wait_days),
            again_due: ask_again_due(ask.status, ask.last_moved_on, ask.wait_days, today),
            ask,
        }
    }

    /// What I need to prepare an upward conversation.
    pub async fn upward_prep(&self, actor: &Actor) -> CoreResult<UpwardPrep> {
        let compass = self.compass_view(actor, actor.id()).await?;
        Ok(UpwardPrep {
            ranked: compass.ranked.unwrap_or(false),
            factors: compass.factors.unwrap_or_default(),
            opportunities: self.my_opportunities(actor).await?,
            chain: self.store.management_chain(actor.id()).await?,
        })
    }

    /// Record an ask of `asked_of` (default: my manager). Returns its id.
    pub async fn create_ask(
        &self,
        actor: &Actor,
        asked_of: Option<Uuid>,
        input: &AskInput,
    ) -> CoreResult<Uuid> {
        let checked = check_ask(input);
        let chain = self.store.management_chain(actor.id()).await?;
        let whom = match asked_of {
            None => chain.first().map(|c| c.id),
            Some(id) => chain.iter().find(|c| c.id == id).map(|c| c.id),
        };
        let mut errors = checked.clone().err().unwrap_or_default();
        if whom.is_none() {
            errors.add(
                "asked_of",
                if chain.is_empty() {
                    "you have no manager in the directory to ask"
                } else {
                    "must be your manager or someone above them"
                },
            );
        }
        let (Ok(c), Some(whom)) = (checked, whom) else {
            return Err(errors.into());
        };
        let id = self
            .store
            .insert_ask(
                &NewAsk {
                    person_id: actor.id(),
                    asked_of: whom,
                    what: c.what,
                    want: c.want,
                    offer: c.offer,
                    questions: c.questions,
                    wait_days: c.wait_days,
                },
                self.now(),
            )
            .await?;
        Ok(id)
    }

    /// An ask the actor made or was asked; anyone else gets "not found".
    async fn ask_for(&self, actor: &Actor, id: Uuid) -> CoreResult<Ask> {
        let ask = self.store.ask(id).await?;
        if ask.person_id == actor.id() || ask.asked_of == actor.id() {
            Ok(ask)
        } else {
            Err(CoreError::NotFound)
        }
    }

    /// One ask with its history.
    pub async fn ask_view(&self, actor: &Actor, id: Uuid) -> CoreResult<AskView> {
        let ask = self.ask_for(actor, id).await?;
        let events = self.store.ask_events(id).await?;
        let questions = ask
            .question_list()
            .into_iter()
            .map(|q| AskedQuestion::judge(q.to_string(), String::new()))
            .collect();
        Ok(AskView {
            is_asker: ask.person_id == actor.id(),
            is_asked: ask.asked_of == actor.id(),
            line: self.ask_line(ask),
            events,
            questions,
        })
    }

    /// My asks, newest first, each with its reminder.
    pub async fn my_asks(&self, actor: &Actor) -> CoreResult<Vec<AskLine>> {
        Ok(self
            .store
            .asks_by(actor.id())
            .await?
            .into_iter()
            .map(|a| self.ask_line(a))
            .collect())
    }

    /// Asks put to me, waiting ones first.
    pub async fn asks_to_me(&self, actor: &Actor) -> CoreResult<Vec<AskLine>> {
        Ok(self
            .store
            .asks_of(actor.id())
            .await?
            .into_iter()
            .map(|a| self.ask_line(a))
            .collect())
    }

    /// Record the answer to a waiting ask: yes, partly or not now, with a note.
    pub async fn answer_ask(
        &self,
        actor: &Actor,
        id: Uuid,
        answer: &str,
        note: &str,
    ) -> CoreResult<()> {
        let ask = self.ask_for(actor, id).await?;
        let (to, note) = check_answer(answer, note)?;
        if ask.status != AskStatus::Open {
            return Err(CoreError::field(
                "answer",
                "this ask is not waiting for an answer",
            ));
        }
        self.step(&ask, actor, AskEventKind::Answered, to, note)
            .await
    }

    /// Ask again (the asker only), with what changed since.
    pub async fn repeat_ask(&self, actor: &Actor, id: Uuid, note: &str) -> CoreResult<()> {
        let ask = self.ask_for(actor, id).await?;
        if ask.person_id != actor.id() {
            return Err(CoreError::Forbidden);
        }
        if !ask.status.in_play() {
            return Err(CoreError::field(
                "status",
                "a settled ask cannot be asked again",
            ));
        }
        let note = optional_text(note, ladderless_domain::ask::MAX_TEXT)
            .map_err(|m| CoreError::field("note", m))?;
        self.step(&ask, actor, AskEventKind::AskedAgain, AskStatus::Open, note)
            .await
    }

    /// Take an ask back (the asker only).
    pub async fn withdraw_ask(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        let ask = self.ask_for(actor, id).await?;
        if ask.person_id != actor.id() {
            return Err(CoreError::Forbidden);
        }
        if !ask.status.in_play() {
            return Err(CoreError::field(
                "status",
                "a settled ask cannot be withdrawn",
            ));
        }
        self.step(
            &ask,
            actor,
            AskEventKind::Withdrawn,
            AskStatus::Withdrawn,
            String::new(),
        )
        .await
    }

    async fn step(
        &self,
        ask: &Ask,
        actor: &Actor,
        kind: AskEventKind,
        to: AskStatus,
        note: String,
    ) -> CoreResult<()> {
        self.store
            .apply_ask_step(
                &AskStep {
                    ask_id: ask.id,
                    from: ask.status,
                    kind,
                    to,
                    by: actor.id(),
                    note,
                },
                self.now(),
            )
            .await?;
        Ok(())
    }
}
