//! Proposals to sponsors: the ask, the answer, "ask again", and sponsors' records.
//!
//! A proposal is visible to its owner and its sponsor only, plus talent admins where the
//! organisation's setting `proposals.talent_admins_see` is `true`.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::fields::{FieldErrors, optional_text};
use ladderless_domain::opportunity::{
    Answer, ProposalStatus, Response, SponsorStats, Stage, TIME_SHARE_RANGE, ask_again_due,
    ask_again_timing, check_answer, check_ask, sponsor_stats,
};
use ladderless_store::proposals::{Ask, Proposal};
use ladderless_store::{StoreError, Uuid};
use serde::{Deserialize, Serialize};

/// Setting: days without an answer before the owner is prompted to ask again.
pub const ASK_AGAIN_DAYS: &str = "proposals.ask_again_days";
/// Setting: whether talent admins may read every proposal.
pub const ADMINS_SEE: &str = "proposals.talent_admins_see";

/// What a form or the API sends to propose an opportunity.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ProposalInput {
    /// The opportunity.
    #[serde(default)]
    pub opportunity_id: Option<Uuid>,
    /// The sponsor's e-mail.
    #[serde(default)]
    pub sponsor_email: String,
    /// Share of working time, percent (10–50).
    #[serde(default)]
    pub time_share: Option<i32>,
    /// Duration in weeks.
    #[serde(default)]
    pub duration_weeks: Option<i32>,
    /// Other resources.
    #[serde(default)]
    pub resources: String,
    /// A note to the sponsor.
    #[serde(default)]
    pub message: String,
}

/// A proposal with whether the owner should ask again.
#[derive(Debug, Clone)]
pub struct ProposalLine {
    /// The proposal.
    pub proposal: Proposal,
    /// Status label.
    pub status_label: &'static str,
    /// No answer for the configured number of days.
    pub ask_again: bool,
}

/// One proposal's page.
#[derive(Debug, Clone)]
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

impl App {
    /// Days without an answer before "ask again" (setting; default 7).
    pub async fn ask_again_days(&self) -> CoreResult<i64> {
        Ok(self
            .store
            .setting(ASK_AGAIN_DAYS)
            .await?
            .and_then(|v| v.parse().ok())
            .unwrap_or(7))
    }

    fn line(&self, p: Proposal, days: i64) -> ProposalLine {
        let ask_again = p.status == ProposalStatus::Awaiting
            && ask_again_due(false, p.last_asked_at, self.now(), days);
        ProposalLine {
            status_label: p.status.label(),
            ask_again,
            proposal: p,
        }
    }

    /// Send a proposal (owner only): validates the ask, records it and moves the opportunity to proposed.
    pub async fn propose(&self, actor: &Actor, input: &ProposalInput) -> CoreResult<Proposal> {
        let id = input
            .opportunity_id
            .ok_or_else(|| CoreError::field("opportunity_id", "is required"))?;
        let o = self.owned_opportunity(actor, id).await?;
        let stage = o.stage;
        let mut errors = FieldErrors::new();
        if matches!(stage, Stage::Piloting) || stage.is_outcome() {
            errors.add(
                "opportunity_id",
                format!("is already at {}; take it up again first", stage.label()),
            );
        }
        let sponsor = match self
            .store
            .person_by_email(&input.sponsor_email.trim().to_lowercase())
            .await?
        {
            Some(p) if p.active && p.id != actor.id() => Some(p),
            Some(p) if p.id == actor.id() => {
                errors.add(
                    "sponsor_email",
                    "must be someone else: a manager or leader who can say yes",
                );
                None
            }
            _ => {
                errors.add(
                    "sponsor_email",
                    if input.sponsor_email.trim().is_empty() {
                        "is required"
                    } else {
                        "is not the e-mail of anyone in the organisation"
                    },
                );
                None
            }
        };
        if input.time_share.is_none() {
            errors.add("time_share", "is required: the share of your time, 10–50%");
        }
        if input.duration_weeks.is_none() {
            errors.add("duration_weeks", "is required: how many weeks");
        }
        // Missing values are reported above; check the others against the rules.
        let (t, d) = (
            input.time_share.unwrap_or(TIME_SHARE_RANGE.0),
            input.duration_weeks.unwrap_or(1),
        );
        check_ask(t, d)
            .into_iter()
            .for_each(|(f, m)| errors.add(f, m));
        let resources = optional_text(&input.resources, 2000).unwrap_or_else(|m| {
            errors.add("resources", m);
            String::new()
        });
        let message = optional_text(&input.message, 4000).unwrap_or_else(|m| {
            errors.add("message", m);
            String::new()
        });
        errors.into_result()?;
        let sponsor = sponsor.ok_or_else(|| CoreError::Internal("sponsor checked above".into()))?;
        let now = self.now();
        let p = Proposal {
            id: ladderless_store::new_id(),
            opportunity_id: o.id,
            opportunity_title: o.title.clone(),
            owner_id: actor.id(),
            owner_name: actor.person.name.clone(),
            sponsor_id: sponsor.id,
            sponsor_name: sponsor.name,
            time_share: input.time_share.unwrap_or_default(),
            duration_weeks: input.duration_weeks.unwrap_or_default(),
            resources,
            message,
            status: ProposalStatus::Awaiting,
            answer_reason: String::new(),
            answered_at: None,
            last_asked_at: now,
            created_at: now,
        };
        let move_from = (stage != Stage::Proposed).then_some(stage);
        self.store
            .insert_proposal(&p, move_from)
            .await
            .map_err(moved_meanwhile)?;
        self.notify_now(crate::notifications::proposal_received(&p))
            .await;
        Ok(p)
    }

    /// Whether the viewer may read a proposal.
    async fn may_read_proposal(&self, actor: &Actor, p: &Proposal) -> CoreResult<bool> {
        if p.owner_id == actor.id() || p.sponsor_id == actor.id() {
            return Ok(true);
        }
        Ok(actor.is_talent_admin()
            && self.store.setting(ADMINS_SEE).await?.as_deref() == Some("true"))
    }

    /// One proposal, for its owner, its sponsor (and talent admins where allowed).
    pub async fn proposal_view(&self, actor: &Actor, id: Uuid) -> CoreResult<ProposalView> {
        let p = self.store.proposal(id).await?;
        if !self.may_read_proposal(actor, &p).await? {
            return Err(CoreError::NotFound);
        }
        let asks = self.store.proposal_asks(id).await?;
        let (is_owner, is_sponsor) = (p.owner_id == actor.id(), p.sponsor_id == actor.id());
        let opportunity = self.store.opportunity(p.opportunity_id).await?;
        let opportunity_visible = self.may_see_opportunity(actor, &opportunity).await?;
        let days = self.ask_again_days().await?;
        let timing_advice = (is_owner && p.status == ProposalStatus::Awaiting)
            .then(|| ask_again_timing(p.last_asked_at, self.now(), days))
            .flatten();
        Ok(ProposalView {
            opportunity_visible,
            timing_advice,
            line: self.line(p, days),
            asks,
            is_owner,
            is_sponsor,
        })
    }

    /// Proposals sent to the actor: their inbox.
    pub async fn inbox(&self, actor: &Actor) -> CoreResult<Vec<ProposalLine>> {
        let days = self.ask_again_days().await?;
        Ok(self
            .store
            .proposals_received(actor.id())
            .await?
            .into_iter()
            .map(|p| self.line(p, days))
            .collect())
    }

    /// Every proposal in the organisation, newest first (at most 500), for a talent admin when
    /// the organisation's setting lets talent admins read proposals; `None` for everyone else.
    pub async fn organisation_proposals(
        &self,
        actor: &Actor,
    ) -> CoreResult<Option<Vec<ProposalLine>>> {
        if !actor.is_talent_admin()
            || self.store.setting(ADMINS_SEE).await?.as_deref() != Some("true")
        {
            return Ok(None);
        }
        let days = self.ask_again_days().await?;
        Ok(Some(
            self.store
                .all_proposals(500)
                .await?
                .into_iter()
                .map(|p| self.line(p, days))
                .collect(),
        ))
    }

    /// Proposals the actor sent.
    pub async fn proposals_sent(&self, actor: &Actor) -> CoreResult<Vec<ProposalLine>> {
        let days = self.ask_again_days().await?;
        Ok(self
            .store
            .proposals_sent(actor.id())
            .await?
            .into_iter()
            .map(|p| self.line(p, days))
            .collect())
    }

    /// Answer a proposal (its sponsor only): support, tell me more, or not now with a reason.
    pub async fn answer_proposal(
        &self,
        actor: &Actor,
        id: Uuid,
        answer: &str,
        reason: &str,
    ) -> CoreResult<()> {
        let p = self.store.proposal(id).await?;
        if !self.may_read_proposal(actor, &p).await? {
            return Err(CoreError::NotFound);
        }
        if p.sponsor_id != actor.id() {
            return Err(CoreError::Forbidden);
        }
        let answer = Answer::from_code(answer.trim()).ok_or_else(|| {
            CoreError::field("answer", "must be support, tell_me_more or not_now")
        })?;
        let reason = optional_text(reason, 2000).map_err(|m| CoreError::field("reason", m))?;
        check_answer(answer, &reason).map_err(|m| CoreError::field("reason", m))?;
        let now = self.now();
        self.store.answer_proposal(id, answer, &reason, now).await.map_err(|e| match e {
            StoreError::Conflict { .. } => CoreError::field("answer", "this proposal is already answered; it can be answered again when they ask again"),
            other => other.into(),
        })?;
        let answered = self.store.proposal(id).await?;
        self.notify_now(crate::notifications::answer_received(&answered, now))
            .await;
        Ok(())
    }

    /// Ask again (owner only), at any time: the page advises on timing within the usual wait
    /// ([`ProposalView::timing_advice`]) but never refuses; after "tell me more" a note is required.
    pub async fn ask_again(&self, actor: &Actor, id: Uuid, note: &str) -> CoreResult<()> {
        let p = self.store.proposal(id).await?;
        if !self.may_read_proposal(actor, &p).await? {
            return Err(CoreError::NotFound);
        }
        if p.owner_id != actor.id() {
            return Err(CoreError::Forbidden);
        }
        let note = optional_text(note, 4000).map_err(|m| CoreError::field("note", m))?;
        if p.status == ProposalStatus::TellMeMore && note.is_empty() {
            return Err(CoreError::field("note", "is required: tell them more"));
        }
        self.store
            .ask_again(id, &note, self.now())
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => CoreError::field(
                    "note",
                    "this proposal cannot be asked again (supported or withdrawn)",
                ),
                other => other.into(),
            })?;
        let asked = self.store.proposal(id).await?;
        self.notify_now(crate::notifications::proposal_received(&asked))
            .await;
        Ok(())
    }

    /// Withdraw a proposal that is not supported (owner only).
    pub async fn withdraw_proposal(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        let p = self.store.proposal(id).await?;
        if p.owner_id != actor.id() {
            return Err(if p.sponsor_id == actor.id() {
                CoreError::Forbidden
            } else {
                CoreError::NotFound
            });
        }
        self.store
            .withdraw_proposal(id, self.now())
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => {
                    CoreError::field("status", "a supported proposal cannot be withdrawn")
                }
                other => other.into(),
            })
    }

    /// A sponsor's record, for the sponsor, their manager and talent admins.
    pub async fn sponsor_record(&self, actor: &Actor, sponsor: Uuid) -> CoreResult<SponsorStats> {
        let rel = self.relation(actor, sponsor).await?;
        if !(rel.is_self || rel.is_manager || rel.is_talent_admin) {
            return Err(CoreError::Forbidden);
        }
        let responses: Vec<Response> = self
            .store
            .proposals_received(sponsor)
            .await?
            .into_iter()
            .map(|p| Response {
                sent: p.last_asked_at,
                answer: p
                    .answered_at
                    .and_then(|at| p.status.answer().map(|a| (a, at))),
            })
            .collect();
        let pilots = self.store.pilots_sponsored(sponsor).await?;
        Ok(sponsor_stats(
            &responses,
            usize::try_from(pilots).unwrap_or(0),
        ))
    }
}

fn moved_meanwhile(e: StoreError) -> CoreError {
    match e {
        StoreError::Conflict { .. } => CoreError::field(
            "opportunity_id",
            "the opportunity moved meanwhile; reload and try again",
        ),
        other => other.into(),
    }
}
