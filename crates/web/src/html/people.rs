//! The people directory and a person's page.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{Notice, NoticeQuery, page_number};
use crate::page::{Page, render};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use ladderless_core::CoreError;
use ladderless_core::auth::Session;
use ladderless_core::directory::{PersonView, SKILLS_SECTION};
use ladderless_domain::org::Audience;
use ladderless_store::Uuid;
use ladderless_store::people::PersonCard;
use serde::Deserialize;

const PER_PAGE: i64 = 50;

/// Directory query.
#[derive(Debug, Default, Deserialize)]
pub struct DirectoryQuery {
    q: Option<String>,
    page: Option<i64>,
}

#[derive(Template)]
#[template(path = "people.html")]
struct DirectoryPage {
    page: Page,
    q: String,
    people: Vec<PersonCard>,
    page_no: i64,
    has_next: bool,
    broad: bool,
    ranked_limit: i64,
}

/// Search or browse people.
pub async fn directory(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<DirectoryQuery>,
) -> HtmlResult {
    let query = q.q.unwrap_or_default();
    let page_no = page_number(q.page);
    let found = state
        .app
        .directory_page(&s.actor, &query, page_no, PER_PAGE + 1)
        .await?;
    let mut people = found.people;
    let has_next = people.len() as i64 > PER_PAGE;
    people.truncate(PER_PAGE as usize);
    let title = if query.is_empty() {
        "People".to_string()
    } else {
        format!("People matching “{query}”")
    };
    let broad = found.broad;
    Ok(render(&DirectoryPage {
        page: Page::new(&s, title, "/people"),
        q: query,
        people,
        page_no,
        has_next,
        broad,
        ranked_limit: ladderless_store::search::RANKED_MATCHES,
    }))
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    page: Page,
    v: PersonView,
    audiences: Vec<(&'static str, &'static str, bool)>,
    viewer_is_admin: bool,
    invite_link: Option<String>,
    /// The invitation just made was also sent by e-mail (SMTP is set up).
    invite_mailed: bool,
    placements: Vec<ladderless_store::placements::HistoryEntry>,
}

/// A person's page, filtered for the viewer.
pub async fn person(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<Uuid>,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    person_page(&state, &s, id, None, q.notice).await
}

/// Render a person's page; `invite_link` is shown once, right after it was made.
pub async fn person_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    invite_link: Option<String>,
    notice: Option<Notice>,
) -> HtmlResult {
    let v = state.app.person_view(&s.actor, id).await?;
    let current = v.skills_audience.unwrap_or_default();
    let audiences = Audience::ALL
        .iter()
        .map(|a| (a.code(), a.label(), *a == current))
        .collect();
    let viewer_is_admin = s.actor.is_talent_admin();
    let title = v.person.name.clone();
    Ok(render(&PersonPage {
        page: Page::new(s, title, "/people").with_notice(notice),
        v,
        audiences,
        viewer_is_admin,
        invite_mailed: invite_link.is_some() && state.app.mail_enabled(),
        invite_link,
        placements: state.app.placement_history_of(&s.actor, id).await?,
    }))
}

/// Visibility choice.
#[derive(Deserialize)]
pub struct VisibilityForm {
    section: String,
    audience: String,
}

/// Change who sees one's skills.
pub async fn set_visibility(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<VisibilityForm>,
) -> HtmlResult {
    if f.section != SKILLS_SECTION.code() {
        return Err(CoreError::field("section", "is not a section you can share").into());
    }
    let audience = Audience::from_code(&f.audience)
        .ok_or_else(|| CoreError::field("audience", "is not a known audience"))?;
    state
        .app
        .set_audience(&s.actor, SKILLS_SECTION, audience)
        .await?;
    Ok(Redirect::to(&format!("/people/{}", s.actor.id())).into_response())
}
