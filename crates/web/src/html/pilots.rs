//! A pilot's page (check-ins from both sides, the outcome) and a sponsor's record.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::opportunities::{Kept, opportunity_page};
use crate::html::{FormOutcome, Notice, NoticeQuery, PathIds, status};
use crate::page::{Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::auth::Session;
use ladderless_core::directions::split_list;
use ladderless_core::pilots::{EndInput, PilotInput, PilotView};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::opportunity::SponsorStats;
use ladderless_store::Uuid;
use serde::Deserialize;

/// The outcomes a pilot can end with.
const OUTCOMES: [(&str, &str); 4] = [
    ("new_role", "A new role"),
    ("expanded_role", "An expanded role"),
    ("parked", "Parked for now"),
    ("dropped", "Dropped"),
];

#[derive(Template)]
#[template(path = "pilot.html")]
struct PilotPage {
    page: Page,
    view: PilotView,
    errors: FieldErrors,
    note: String,
    end: EndForm,
    outcomes: &'static [(&'static str, &'static str)],
}

/// The end-of-pilot form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EndForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    reflection: String,
    #[serde(default)]
    role_title: String,
    #[serde(default)]
    role_description: String,
    #[serde(default)]
    role_skills: String,
    #[serde(default)]
    move_into_role: Option<String>,
}

async fn pilot_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    errors: FieldErrors,
    note: String,
    end: EndForm,
    notice: Option<Notice>,
) -> HtmlResult {
    let view = state.app.pilot_view(&s.actor, id).await?;
    let status = status(&errors);
    let title = format!("Pilot: {}", view.title);
    let page = PilotPage {
        page: Page::new(s, title, "/opportunities").with_notice(notice),
        view,
        errors,
        note,
        end,
        outcomes: &OUTCOMES,
    };
    Ok(render_status(status, &page))
}

/// A pilot.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    pilot_page(
        &state,
        &s,
        id,
        FieldErrors::new(),
        String::new(),
        EndForm::default(),
        q.notice,
    )
    .await
}

/// A check-in note.
#[derive(Deserialize)]
pub struct CheckInForm {
    #[serde(default)]
    note: String,
}

/// Add a check-in (owner or sponsor).
pub async fn checkin(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<CheckInForm>,
) -> HtmlResult {
    match state.app.add_checkin(&s.actor, id, &f.note).await.form()? {
        Ok(()) => Ok(Notice::CheckinSaved.redirect(&format!("/pilots/{id}"))),
        Err(errors) => pilot_page(&state, &s, id, errors, f.note, EndForm::default(), None).await,
    }
}

/// End the pilot with an outcome.
pub async fn end(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<EndForm>,
) -> HtmlResult {
    let input = EndInput {
        outcome: f.outcome.clone(),
        reflection: f.reflection.clone(),
        role_title: f.role_title.clone(),
        role_description: f.role_description.clone(),
        role_skills: split_list(&f.role_skills),
        move_into_role: f.move_into_role.is_some(),
    };
    match state.app.end_pilot(&s.actor, id, &input).await.form()? {
        Ok(_) => Ok(Notice::PilotEnded.redirect(&format!("/pilots/{id}"))),
        Err(errors) => pilot_page(&state, &s, id, errors, String::new(), f, None).await,
    }
}

#[derive(Template)]
#[template(path = "sponsor.html")]
struct SponsorPage {
    page: Page,
    name: String,
    stats: SponsorStats,
    is_self: bool,
}

impl SponsorPage {
    /// Median response time in words.
    fn median(&self) -> String {
        match self.stats.median_response_hours {
            None => "No answers yet".into(),
            Some(h) if h < 48.0 => format!("{h:.0} hours"),
            Some(h) => format!("{:.1} days", h / 24.0),
        }
    }

    /// Support rate in words.
    fn rate(&self) -> String {
        self.stats
            .support_rate
            .map(|r| format!("{:.0}%", r * 100.0))
            .unwrap_or_else(|| "No decisions yet".into())
    }
}

/// A sponsor's record: for the sponsor, their manager and talent admins.
pub async fn sponsor(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    let stats = state.app.sponsor_record(&s.actor, id).await?;
    let name = state.app.person(id).await?.name;
    let page = SponsorPage {
        page: Page::new(&s, format!("Sponsor record: {name}"), "/inbox"),
        name,
        stats,
        is_self: id == s.actor.id(),
    };
    Ok(render(&page))
}

/// The pilot form's fields.
#[derive(Deserialize)]
pub struct PilotForm {
    #[serde(default)]
    responsibilities: String,
    #[serde(default)]
    time_share: String,
    #[serde(default)]
    starts_on: String,
    #[serde(default)]
    ends_on: String,
}

/// Start the pilot of a supported opportunity.
pub async fn start_pilot(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<PilotForm>,
) -> HtmlResult {
    let time_share = f.time_share.trim().parse().ok();
    let input = PilotInput {
        responsibilities: f.responsibilities,
        time_share,
        starts_on: f.starts_on,
        ends_on: f.ends_on,
    };
    match state.app.start_pilot(&s.actor, id, &input).await.form()? {
        Ok(p) => Ok(Notice::PilotStarted.redirect(&format!("/pilots/{}", p.id))),
        Err(errors) => {
            opportunity_page(
                &state,
                &s,
                id,
                Kept {
                    pilot: Some(input),
                    ..Default::default()
                },
                errors,
                None,
            )
            .await
        }
    }
}
