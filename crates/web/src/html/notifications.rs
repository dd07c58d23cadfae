//! The notifications page: the list (newest first, unread marked), marking one read on the way
//! to its thing, marking all read, and the person's channel for each kind.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Href, Notice, Pairs, PathIds, page_number, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use ladderless_core::auth::Session;
use ladderless_core::notifications::{NotificationPage, Preference, target};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::notify::Channel;
use ladderless_store::notifications::Notification;
use serde::Deserialize;
use time::OffsetDateTime;

/// One notification as the list shows it.
struct Row {
    id: String,
    title: String,
    detail: String,
    unread: bool,
    /// Where it leads (the button goes through marking it read).
    href: String,
    /// When, in words.
    when: String,
    /// When, machine-readable.
    datetime: String,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    page: Page,
    rows: Vec<Row>,
    list: NotificationPage,
    prefs: Vec<Preference>,
    channels: Vec<(&'static str, &'static str)>,
    errors: FieldErrors,
    /// Whether this server sends e-mail (SMTP set up).
    mail_on: bool,
}

/// When something happened, in words: today and yesterday by time, older by date (UTC).
fn when(at: OffsetDateTime, now: OffsetDateTime) -> String {
    let hm = format!("{:02}:{:02}", at.hour(), at.minute());
    let days = (now.date() - at.date()).whole_days();
    match days {
        0 => format!("Today at {hm}"),
        1 => format!("Yesterday at {hm}"),
        _ => format!("{} {} {}", at.day(), at.month(), at.year()),
    }
}

fn row(n: &Notification, now: OffsetDateTime) -> Row {
    Row {
        id: n.id.to_string(),
        title: n.title.clone(),
        detail: n.detail.clone(),
        unread: n.read_at.is_none(),
        href: target(n).href(),
        when: when(n.created_at, now),
        datetime: n
            .created_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
    }
}

async fn notifications_page(
    state: &AppState,
    s: &Session,
    page_no: i64,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let list = state.app.my_notifications(&s.actor, page_no).await?;
    let now = state.app.now();
    let rows = list.items.iter().map(|n| row(n, now)).collect();
    let mut page = Page::new(s, "Notifications", "/notifications").with_notice(notice);
    page.unread = list.unread;
    let view = NotificationsPage {
        page,
        rows,
        prefs: state.app.notification_preferences(&s.actor).await?,
        channels: Channel::ALL.iter().map(|c| (c.code(), c.label())).collect(),
        list,
        errors,
        mail_on: state.app.mail_enabled(),
    };
    Ok(render_status(status(&view.errors), &view))
}

/// `?page=` and `?notice=`.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// Page, from 1.
    #[serde(default)]
    page: Option<i64>,
    /// The notice to show.
    #[serde(default, deserialize_with = "crate::html::notice::from_query")]
    notice: Option<Notice>,
}

/// The actor's notifications, newest first, and their choices.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<ListQuery>,
) -> HtmlResult {
    notifications_page(
        &state,
        &s,
        page_number(q.page),
        FieldErrors::new(),
        q.notice,
    )
    .await
}

/// Mark one notification read and go to what it is about (someone else's: 404).
pub async fn read(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    let n = state.app.mark_notification_read(&s.actor, id).await?;
    Ok(Redirect::to(&target(&n).href()).into_response())
}

/// Mark every notification read.
pub async fn read_all(State(state): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    state.app.mark_all_notifications_read(&s.actor).await?;
    Ok(Notice::NotificationsRead.redirect("/notifications"))
}

/// Save the channel of each kind: the form sends `kind` and `channel` once per kind, in order.
pub async fn preferences(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Pairs>,
) -> HtmlResult {
    let kinds = f.all("kind");
    let channels = f.all("channel");
    let mut errors = FieldErrors::new();
    if kinds.is_empty() || kinds.len() != channels.len() {
        errors.add("kind", "and channel must come in pairs, one pair per kind");
    }
    if errors.is_empty() {
        for (kind, channel) in kinds.iter().zip(&channels) {
            if let Err(e) = state
                .app
                .set_notification_preference(&s.actor, kind, channel)
                .await
                .form()?
            {
                errors = e;
                break;
            }
        }
    }
    if errors.is_empty() {
        Ok(Notice::NotificationChoicesSaved.redirect("/notifications#choices"))
    } else {
        notifications_page(&state, &s, 1, errors, None).await
    }
}
