//! Erasing a person (talent admins only): a review that says what will go, a typed-name
//! confirmation, then one transaction.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::{ClientIp, CurrentUser};
use crate::html::{FormOutcome, Notice, Pairs, PathIds, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::State;
use ladderless_core::auth::Session;
use ladderless_core::data_rights::ErasureReview;
use ladderless_domain::fields::FieldErrors;
use ladderless_store::Uuid;

#[derive(Template)]
#[template(path = "erase.html")]
struct ErasePage {
    page: Page,
    r: ErasureReview,
    errors: FieldErrors,
    typed: String,
}

async fn erase_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    errors: FieldErrors,
    typed: String,
) -> HtmlResult {
    let r = state.app.erasure_review(&s.actor, id).await?;
    let st = status(&errors);
    let page = ErasePage {
        page: Page::new(s, format!("Erase {}", r.person.name), "/admin"),
        r,
        errors,
        typed,
    };
    Ok(render_status(st, &page))
}

/// What erasing this person would do.
pub async fn review(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    erase_page(&state, &s, id, FieldErrors::new(), String::new()).await
}

/// Erase, when the name typed matches.
pub async fn erase(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    ClientIp(ip): ClientIp,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let typed = pairs.get("confirm_name").to_string();
    match state
        .app
        .erase_person(&s.actor, id, &typed, &ip)
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::PersonErased.redirect("/admin")),
        Err(errors) => erase_page(&state, &s, id, errors, typed).await,
    }
}
