//! One's own account: password and personal API tokens.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::auth::session_cookie;
use crate::html::{Notice, NoticeQuery};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use ladderless_core::CoreError;
use ladderless_core::auth::Session;
use ladderless_domain::fields::FieldErrors;
use ladderless_store::Uuid;
use ladderless_store::auth::ApiToken;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Page,
    email: String,
    roles: Vec<&'static str>,
    tokens: Vec<ApiToken>,
    errors: FieldErrors,
    new_token: Option<String>,
    exports: Vec<ladderless_store::data_rights::DataExport>,
}

async fn account_page(
    state: &AppState,
    s: &Session,
    errors: FieldErrors,
    new_token: Option<String>,
    notice: Option<Notice>,
) -> HtmlResult {
    let tokens = state
        .app
        .store
        .api_tokens(s.actor.id())
        .await
        .map_err(CoreError::from)?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = AccountPage {
        page: Page::new(s, "Account", "/account").with_notice(notice),
        email: s.actor.person.email.clone(),
        roles: s.actor.roles().into_iter().map(|r| r.label()).collect(),
        tokens,
        errors,
        new_token,
        exports: state.app.my_exports(&s.actor).await?,
    };
    Ok(render_status(status, &page))
}

/// The account page.
pub async fn account(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    account_page(&state, &s, FieldErrors::new(), None, q.notice).await
}

/// Password change fields.
#[derive(Deserialize)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
    confirm_password: String,
}

/// Change one's password.
pub async fn change_password(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<PasswordForm>,
) -> HtmlResult {
    match state
        .app
        .change_password(
            &s.actor,
            &f.current_password,
            &f.new_password,
            &f.confirm_password,
        )
        .await
    {
        Ok(session) => {
            let mut resp = Notice::PasswordChanged.redirect("/account");
            let max_age = state.app.settings.session_days * 86400;
            resp.headers_mut().insert(
                header::SET_COOKIE,
                session_cookie(&session.cookie, max_age, state.config.secure_cookies),
            );
            Ok(resp)
        }
        Err(CoreError::Invalid(errors)) => account_page(&state, &s, errors, None, None).await,
        Err(e) => Err(e.into()),
    }
}

/// New token fields.
#[derive(Deserialize)]
pub struct TokenForm {
    name: String,
}

/// Create a personal API token and show it once.
pub async fn create_token(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<TokenForm>,
) -> HtmlResult {
    match state.app.create_api_token(s.actor.id(), &f.name).await {
        Ok((_, secret)) => account_page(&state, &s, FieldErrors::new(), Some(secret), None).await,
        Err(CoreError::Invalid(errors)) => account_page(&state, &s, errors, None, None).await,
        Err(e) => Err(e.into()),
    }
}

/// Revoke one of one's tokens.
pub async fn revoke_token(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<Uuid>,
) -> HtmlResult {
    state.app.revoke_api_token(&s.actor, id).await?;
    Ok(Notice::TokenRevoked.redirect("/account"))
}

/// Ask for a zip of all one's own data; a job makes it and the Account page shows progress.
pub async fn request_export(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
) -> HtmlResult {
    state.app.request_export(&s.actor).await?;
    Ok(Notice::ExportRequested.redirect("/account#data"))
}

/// Try a failed export again.
pub async fn retry_export(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<Uuid>,
) -> HtmlResult {
    state.app.retry_export(&s.actor, id).await?;
    Ok(Notice::ExportRequested.redirect("/account#data"))
}

/// Download one's own ready export (anyone else's: not found).
pub async fn download_export(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<Uuid>,
) -> HtmlResult {
    use axum::response::IntoResponse;
    let bytes = state.app.download_export(&s.actor, id).await?;
    let name = format!("ladderless-my-data-{}.zip", state.app.now().date());
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}
