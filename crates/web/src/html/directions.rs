//! Strategic directions: a list everyone reads, a page per direction, admin forms.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Notice, NoticeQuery, PathIds, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::auth::Session;
use ladderless_core::directions::{DirectionInput, DirectionLine, DirectionView, STATUSES};
use ladderless_domain::fields::FieldErrors;
use ladderless_store::Uuid;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "directions.html")]
struct DirectionsPage {
    page: Page,
    directions: Vec<DirectionLine>,
    is_admin: bool,
    form: DirectionInput,
    errors: FieldErrors,
    statuses: &'static [(&'static str, &'static str)],
}

#[derive(Template)]
#[template(path = "direction.html")]
struct DirectionPage {
    page: Page,
    view: DirectionView,
    placements: Vec<ladderless_core::placements::PlacementLine>,
    is_admin: bool,
    form: DirectionInput,
    errors: FieldErrors,
    statuses: &'static [(&'static str, &'static str)],
}

async fn list_page(
    state: &AppState,
    s: &Session,
    form: DirectionInput,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let directions = state.app.directions(&s.actor).await?;
    let code = status(&errors);
    let page = DirectionsPage {
        page: Page::new(s, "Strategic directions", "/directions").with_notice(notice),
        directions,
        is_admin: s.actor.is_talent_admin(),
        form,
        errors,
        statuses: &STATUSES,
    };
    Ok(render_status(code, &page))
}

/// Every strategic direction, and (for talent admins) a form to publish one.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    list_page(
        &state,
        &s,
        DirectionInput::default(),
        FieldErrors::new(),
        q.notice,
    )
    .await
}

/// Publish a direction.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<DirectionInput>,
) -> HtmlResult {
    match state.app.create_direction(&s.actor, &f).await.form()? {
        Ok(d) => Ok(Notice::DirectionSaved.redirect(&format!("/directions/{}", d.id))),
        Err(errors) => list_page(&state, &s, f, errors, None).await,
    }
}

async fn one_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    form: Option<DirectionInput>,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let view = state.app.direction_view(&s.actor, id).await?;
    let form = form.unwrap_or_else(|| {
        let d = &view.line.direction;
        DirectionInput {
            title: d.title.clone(),
            aim: d.aim.clone(),
            horizon: d.horizon.clone(),
            owner_email: String::new(),
            skills: d.skills.clone(),
            status: d.status.code().to_string(),
        }
    });
    let mut form = form;
    if form.owner_email.is_empty()
        && let Some(o) = view.line.direction.owner_id
    {
        form.owner_email = state.app.person(o).await?.email;
    }
    let code = status(&errors);
    let title = view.line.direction.title.clone();
    let page = DirectionPage {
        page: Page::new(s, title, "/directions").with_notice(notice),
        placements: state.app.direction_placements(&s.actor, id).await?,
        view,
        is_admin: s.actor.is_talent_admin(),
        form,
        errors,
        statuses: &STATUSES,
    };
    Ok(render_status(code, &page))
}

/// One direction: what it aims at, its roles, opportunities and people (as shared).
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    one_page(&state, &s, id, None, FieldErrors::new(), q.notice).await
}

/// Change a direction.
pub async fn update(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<DirectionInput>,
) -> HtmlResult {
    match state.app.update_direction(&s.actor, id, &f).await.form()? {
        Ok(_) => Ok(Notice::DirectionSaved.redirect(&format!("/directions/{id}"))),
        Err(errors) => one_page(&state, &s, id, Some(f), errors, None).await,
    }
}

/// Link or unlink a role.
#[derive(Deserialize)]
pub struct RoleLinkForm {
    role_code: String,
    #[serde(default)]
    unlink: Option<String>,
}

/// Link a role to a direction, or unlink it.
pub async fn link_role(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<RoleLinkForm>,
) -> HtmlResult {
    match state
        .app
        .link_direction_role(&s.actor, id, &f.role_code, f.unlink.is_none())
        .await
        .form()?
    {
        Ok(()) => Ok(Notice::DirectionSaved.redirect(&format!("/directions/{id}"))),
        Err(errors) => one_page(&state, &s, id, None, errors, None).await,
    }
}
