//! The opportunity board, one opportunity's page with its value proposition, and stage moves.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Notice, NoticeQuery, Pairs, PathIds, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::CoreError;
use ladderless_core::auth::Session;
use ladderless_core::directions::DirectionLine;
use ladderless_core::opportunities::{AUDIENCES, Column, OpportunityInput, OpportunityView};
use ladderless_core::pilots::PilotInput;
use ladderless_core::proposals::ProposalInput;
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::opportunity::{ProposalStatus, Stage};
use ladderless_store::Uuid;
use ladderless_store::conversations::Need;
use serde::Deserialize;

/// Build an opportunity input from form pairs (factors are checkboxes).
pub fn opportunity_input(pairs: &Pairs) -> OpportunityInput {
    OpportunityInput {
        title: pairs.get("title").to_string(),
        need_id: pairs.get("need_id").parse().ok(),
        need_text: pairs.get("need_text").to_string(),
        direction_id: pairs.get("direction_id").parse().ok(),
        audience: pairs.get("audience").to_string(),
        whose_goal: pairs.get("whose_goal").to_string(),
        problem: pairs.get("problem").to_string(),
        outcome: pairs.get("outcome").to_string(),
        measure: pairs.get("measure").to_string(),
        factors: pairs.all("factors"),
        skills: with_picked_skills(pairs.get("skills"), pairs),
        pitch: pairs.get("pitch").to_string(),
    }
}

/// The skills typed, followed by the compass suggestions ticked ("grow") not typed already.
fn with_picked_skills(typed: &str, pairs: &Pairs) -> String {
    let mut lines = ladderless_core::directions::split_list(typed);
    for (k, v) in &pairs.0 {
        let v = v.trim();
        if k == "grow" && !v.is_empty() && !lines.iter().any(|l| l.eq_ignore_ascii_case(v)) {
            lines.push(v.to_string());
        }
    }
    lines.join("\n")
}

#[derive(Template)]
#[template(path = "opportunities.html")]
struct BoardPage {
    page: Page,
    need: Option<Need>,
    columns: Vec<Column>,
    stages: Vec<(&'static str, &'static str)>,
    directions: Vec<DirectionLine>,
    form: OpportunityInput,
    errors: FieldErrors,
    board_js: String,
}

#[derive(Template)]
#[template(path = "opportunity.html")]
struct OpportunityPage {
    page: Page,
    view: OpportunityView,
    stages: Vec<(&'static str, &'static str)>,
    directions: Vec<DirectionLine>,
    form: OpportunityInput,
    proposal: ProposalInput,
    pilot: PilotInput,
    errors: FieldErrors,
    audiences: &'static [(&'static str, &'static str)],
    can_start_pilot: bool,
}

fn stages() -> Vec<(&'static str, &'static str)> {
    Stage::ALL.iter().map(|s| (s.code(), s.label())).collect()
}

/// What the board page can be seeded with from a link (a need discovered in a conversation).
#[derive(Debug, Default, Deserialize)]
pub struct BoardQuery {
    #[serde(default, deserialize_with = "crate::html::notice::from_query")]
    notice: Option<Notice>,
    /// Kept as text so that a malformed id is a field error rather than a bad request.
    need_id: Option<String>,
}

async fn board_page(
    state: &AppState,
    s: &Session,
    mut form: OpportunityInput,
    mut errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    // The need the form starts from, shown with its conversation (the owner's only).
    let need = match form.need_id {
        Some(id) => match state.app.own_unlinked_need(&s.actor, id).await {
            Ok(n) => Some(n),
            Err(CoreError::Invalid(f)) => {
                for (k, v) in f.0 {
                    errors.add(&k, v);
                }
                None
            }
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    if let Some(n) = &need
        && form.need_text.trim().is_empty()
    {
        form.need_text = n.need.clone();
    }
    let status = status(&errors);
    let page = BoardPage {
        need,
        page: Page::new(s, "Opportunities", "/opportunities").with_notice(notice),
        columns: state.app.board(&s.actor).await?,
        stages: stages(),
        directions: state.app.directions(&s.actor).await?,
        form,
        errors,
        board_js: crate::assets::url("board.js"),
    };
    Ok(render_status(status, &page))
}

/// The board of one's own opportunities, with a form to start one.
pub async fn board(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<BoardQuery>,
) -> HtmlResult {
    let mut errors = FieldErrors::new();
    let need_id = match q.need_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => raw
            .parse()
            .map_err(|_| errors.add("need_id", "is not a need from one of your conversations"))
            .ok(),
    };
    let form = OpportunityInput {
        need_id,
        ..Default::default()
    };
    board_page(&state, &s, form, errors, q.notice).await
}

/// Start an opportunity.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let input = opportunity_input(&pairs);
    match state
        .app
        .create_opportunity(&s.actor, &input)
        .await
        .form()?
    {
        Ok(o) => Ok(Notice::OpportunitySaved.redirect(&format!("/opportunities/{}", o.id))),
        Err(errors) => board_page(&state, &s, input, errors, None).await,
    }
}

/// Forms to keep on a re-rendered opportunity page.
#[derive(Default)]
pub struct Kept {
    /// The value proposition form.
    pub form: Option<OpportunityInput>,
    /// The proposal form.
    pub proposal: Option<ProposalInput>,
    /// The pilot form.
    pub pilot: Option<PilotInput>,
}

/// Render one opportunity's page, keeping any submitted input.
pub async fn opportunity_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    kept: Kept,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let view = state.app.opportunity_view(&s.actor, id).await?;
    let o = &view.opportunity;
    let form = kept.form.unwrap_or_else(|| OpportunityInput {
        title: o.title.clone(),
        need_id: o.need_id,
        need_text: o.need_text.clone(),
        direction_id: o.direction_id,
        audience: o.audience.code().to_string(),
        whose_goal: o.whose_goal.clone(),
        problem: o.problem.clone(),
        outcome: o.outcome.clone(),
        measure: o.measure.clone(),
        factors: o
            .factors
            .split(',')
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect(),
        skills: o.skills.clone(),
        pitch: o.pitch.clone(),
    });
    let can_start_pilot = view.is_owner
        && view.pilot.is_none()
        && view
            .proposals
            .iter()
            .any(|p| p.status == ProposalStatus::Support);
    let status = status(&errors);
    let title = o.title.clone();
    let page = OpportunityPage {
        page: Page::new(s, title, "/opportunities").with_notice(notice),
        stages: stages(),
        directions: state.app.directions(&s.actor).await?,
        form,
        proposal: kept.proposal.unwrap_or(ProposalInput {
            time_share: Some(20),
            duration_weeks: Some(12),
            ..Default::default()
        }),
        pilot: kept.pilot.unwrap_or_default(),
        errors,
        audiences: &AUDIENCES,
        can_start_pilot,
        view,
    };
    Ok(render_status(status, &page))
}

/// One opportunity: value proposition, coach, history, proposals, pilot.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    opportunity_page(
        &state,
        &s,
        id,
        Kept::default(),
        FieldErrors::new(),
        q.notice,
    )
    .await
}

/// Save the value proposition.
pub async fn update(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let input = opportunity_input(&pairs);
    match state
        .app
        .update_opportunity(&s.actor, id, &input)
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::OpportunitySaved.redirect(&format!("/opportunities/{id}#coach"))),
        Err(errors) => {
            opportunity_page(
                &state,
                &s,
                id,
                Kept {
                    form: Some(input),
                    ..Default::default()
                },
                errors,
                None,
            )
            .await
        }
    }
}

/// A stage move from the selector.
#[derive(Deserialize)]
pub struct MoveForm {
    stage: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    back: Option<String>,
}

/// Move an opportunity to another stage.
pub async fn move_stage(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<MoveForm>,
) -> HtmlResult {
    let to_board = f.back.as_deref() == Some("board");
    match state
        .app
        .move_opportunity(&s.actor, id, &f.stage, &f.reason)
        .await
        .form()?
    {
        Ok(()) if to_board => Ok(Notice::OpportunityMoved.redirect("/opportunities")),
        Ok(()) => Ok(Notice::OpportunityMoved.redirect(&format!("/opportunities/{id}"))),
        Err(errors) => opportunity_page(&state, &s, id, Kept::default(), errors, None).await,
    }
}

/// Delete one's own opportunity.
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    state.app.delete_opportunity(&s.actor, id).await?;
    Ok(Notice::OpportunityDeleted.redirect("/opportunities"))
}

impl BoardPage {
    /// Whether a direction is the chosen one.
    fn is_direction(&self, id: impl std::borrow::Borrow<Uuid>) -> bool {
        self.form.direction_id == Some(*id.borrow())
    }
}

impl OpportunityPage {
    /// Whether a direction is the chosen one.
    fn is_direction(&self, id: impl std::borrow::Borrow<Uuid>) -> bool {
        self.form.direction_id == Some(*id.borrow())
    }

    /// Whether a factor checkbox is ticked.
    fn has_factor(&self, code: &str) -> bool {
        self.form.factors.iter().any(|f| f == code)
    }

    /// A share as a whole percentage.
    fn pct(&self, share: &f32) -> String {
        format!("{:.0}%", share * 100.0)
    }

    /// The coach's label in words.
    fn coach_label(&self) -> &'static str {
        use ladderless_domain::coach::PitchLabel;
        match self.view.verdict.as_ref().map(|v| v.label) {
            Some(PitchLabel::Customer) => "Customer-focused",
            Some(PitchLabel::SelfFocused) => "Self-focused",
            Some(PitchLabel::Balanced) => "Balanced",
            Some(PitchLabel::Empty) => "Nothing to weigh yet",
            None => "",
        }
    }
}
