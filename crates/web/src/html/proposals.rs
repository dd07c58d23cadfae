//! The inbox (proposals to answer and proposals sent) and one proposal's page.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::opportunities::{Kept, opportunity_page};
use crate::html::{FormOutcome, Notice, NoticeQuery, PathIds, status};
use crate::page::{Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::CoreError;
use ladderless_core::auth::Session;
use ladderless_core::proposals::{ProposalInput, ProposalLine, ProposalView};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::opportunity::ProposalStatus;
use ladderless_store::Uuid;
use ladderless_store::pilots::PilotLine;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "proposals.html")]
struct InboxPage {
    page: Page,
    received: Vec<ProposalLine>,
    sent: Vec<ProposalLine>,
    days: i64,
    pilots: Vec<PilotLine>,
    organisation: Option<Vec<ProposalLine>>,
}

impl InboxPage {
    /// Where a pilot stands, in words.
    fn pilot_status(&self, l: &PilotLine) -> &'static str {
        l.pilot.outcome.map_or("Running", |s| s.label())
    }
}

#[derive(Template)]
#[template(path = "proposal.html")]
struct ProposalPage {
    page: Page,
    view: ProposalView,
    errors: FieldErrors,
    answer: String,
    reason: String,
    note: String,
}

/// Proposals awaiting my answer, and those I sent (with "ask again" prompts).
pub async fn inbox(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let page = InboxPage {
        page: Page::new(&s, "Inbox", "/inbox").with_notice(q.notice),
        received: state.app.inbox(&s.actor).await?,
        sent: state.app.proposals_sent(&s.actor).await?,
        days: state.app.ask_again_days().await?,
        pilots: state.app.my_pilots(&s.actor).await?,
        organisation: state.app.organisation_proposals(&s.actor).await?,
    };
    Ok(render(&page))
}

async fn proposal_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    errors: FieldErrors,
    kept: (String, String, String),
    notice: Option<Notice>,
) -> HtmlResult {
    let view = state.app.proposal_view(&s.actor, id).await?;
    let status = status(&errors);
    let title = format!("Proposal: {}", view.line.proposal.opportunity_title);
    let (answer, reason, note) = kept;
    let page = ProposalPage {
        page: Page::new(s, title, "/inbox").with_notice(notice),
        view,
        errors,
        answer,
        reason,
        note,
    };
    Ok(render_status(status, &page))
}

/// One proposal.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    proposal_page(
        &state,
        &s,
        id,
        FieldErrors::new(),
        Default::default(),
        q.notice,
    )
    .await
}

/// The sponsor's answer.
#[derive(Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    reason: String,
}

/// Answer a proposal: support, tell me more, not now.
pub async fn answer(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<AnswerForm>,
) -> HtmlResult {
    match state
        .app
        .answer_proposal(&s.actor, id, &f.answer, &f.reason)
        .await
        .form()?
    {
        Ok(()) => Ok(Notice::ProposalAnswered.redirect(&format!("/proposals/{id}"))),
        Err(errors) => {
            proposal_page(
                &state,
                &s,
                id,
                errors,
                (f.answer, f.reason, String::new()),
                None,
            )
            .await
        }
    }
}

/// Asking again.
#[derive(Deserialize)]
pub struct AskForm {
    #[serde(default)]
    note: String,
}

/// Ask again, with a note.
pub async fn ask_again(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<AskForm>,
) -> HtmlResult {
    match state.app.ask_again(&s.actor, id, &f.note).await.form()? {
        Ok(()) => Ok(Notice::AskedAgain.redirect(&format!("/proposals/{id}"))),
        Err(errors) => {
            proposal_page(
                &state,
                &s,
                id,
                errors,
                (String::new(), String::new(), f.note),
                None,
            )
            .await
        }
    }
}

/// Withdraw a proposal.
pub async fn withdraw(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    match state.app.withdraw_proposal(&s.actor, id).await.form()? {
        Ok(()) => Ok(Notice::ProposalWithdrawn.redirect("/inbox")),
        Err(errors) => proposal_page(&state, &s, id, errors, Default::default(), None).await,
    }
}

/// The proposal form's fields.
#[derive(Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    sponsor_email: String,
    #[serde(default)]
    time_share: String,
    #[serde(default)]
    duration_weeks: String,
    #[serde(default)]
    resources: String,
    #[serde(default)]
    message: String,
}

/// Propose an opportunity to a sponsor.
pub async fn propose(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<ProposeForm>,
) -> HtmlResult {
    let mut errors = FieldErrors::new();
    let mut number = |name: &str, raw: &str| -> Option<i32> {
        let r = raw.trim().parse().ok();
        if r.is_none() && !raw.trim().is_empty() {
            errors.add(name, "must be a whole number");
        }
        r
    };
    let input = ProposalInput {
        opportunity_id: Some(id),
        time_share: number("time_share", &f.time_share),
        duration_weeks: number("duration_weeks", &f.duration_weeks),
        sponsor_email: f.sponsor_email,
        resources: f.resources,
        message: f.message,
    };
    let result = if errors.is_empty() {
        state.app.propose(&s.actor, &input).await
    } else {
        Err(CoreError::Invalid(errors))
    };
    match result.form()? {
        Ok(p) => Ok(Notice::ProposalSent.redirect(&format!("/proposals/{}", p.id))),
        Err(errors) => {
            opportunity_page(
                &state,
                &s,
                id,
                Kept {
                    proposal: Some(input),
                    ..Default::default()
                },
                errors,
                None,
            )
            .await
        }
    }
}
