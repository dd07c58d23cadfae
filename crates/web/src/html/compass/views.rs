//! Someone else's compass, the history with its charts, and who shares with the viewer.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{NoticeQuery, PathIds};
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use ladderless_core::compass::{CompassView, HistoryView, SharedCompass};

#[derive(Template)]
#[template(path = "compass_person.html")]
struct PersonCompassPage {
    page: Page,
    v: CompassView,
}

/// Someone's compass, with only what they share with the viewer.
pub async fn person_compass(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    if id == s.actor.id() {
        return Ok(Redirect::to("/compass").into_response());
    }
    let v = state.app.compass_view(&s.actor, id).await?;
    let title = format!("{}’s compass", v.person.name);
    Ok(render(&PersonCompassPage {
        page: Page::new(&s, title, "/compass"),
        v,
    }))
}

#[derive(Template)]
#[template(path = "compass_history.html")]
struct HistoryPage {
    page: Page,
    h: HistoryView,
}

/// One's own compass history.
pub async fn history(State(state): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    let h = state.app.compass_history(&s.actor, s.actor.id()).await?;
    Ok(render(&HistoryPage {
        page: Page::new(&s, "Compass history", "/compass"),
        h,
    }))
}

/// Someone's compass history, limited to what they share with the viewer.
pub async fn person_history(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    let h = state.app.compass_history(&s.actor, id).await?;
    let title = format!("{}’s compass history", h.person.name);
    Ok(render(&HistoryPage {
        page: Page::new(&s, title, "/compass"),
        h,
    }))
}

#[derive(Template)]
#[template(path = "compass_shared.html")]
struct SharedPage {
    page: Page,
    people: Vec<SharedCompass>,
}

/// People who share part of their compass with the viewer.
pub async fn shared(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let people = state.app.shared_with_me(&s.actor).await?;
    Ok(render(&SharedPage {
        page: Page::new(&s, "Shared with you", "/compass").with_notice(q.notice),
        people,
    }))
}
