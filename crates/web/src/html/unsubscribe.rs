//! One-click unsubscribe from e-mail links: no sign-in; the signed token in the URL is the
//! authority, for its person and kind only. GET asks, POST (the button, or a mail client's
//! `List-Unsubscribe=One-Click`) turns that kind off. A wrong token is not found.

use crate::AppState;
use crate::error::HtmlResult;
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Path, State};
use ladderless_domain::notify::Channel;

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    page: Page,
    kind: String,
    action: String,
    done: bool,
    already_off: bool,
}

/// The confirmation page.
pub async fn confirm(
    State(state): State<AppState>,
    Path((person, kind, token)): Path<(String, String, String)>,
) -> HtmlResult {
    let u = state.app.check_unsubscribe(&person, &kind, &token).await?;
    Ok(render(&UnsubscribePage {
        page: Page::anonymous("Stop these e-mails"),
        kind: u.kind.label().to_string(),
        action: format!("/unsubscribe/{person}/{kind}/{token}"),
        done: false,
        already_off: u.channel == Channel::Off,
    }))
}

/// Turn the kind off.
pub async fn unsubscribe(
    State(state): State<AppState>,
    Path((person, kind, token)): Path<(String, String, String)>,
) -> HtmlResult {
    let u = state.app.unsubscribe(&person, &kind, &token).await?;
    Ok(render(&UnsubscribePage {
        page: Page::anonymous("Stopped"),
        kind: u.kind.label().to_string(),
        action: String::new(),
        done: true,
        already_off: true,
    }))
}
