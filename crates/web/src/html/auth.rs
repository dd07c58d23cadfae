//! Signing in and out, and setting a password from an invitation.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::{ClientIp, CurrentUser, SESSION_COOKIE};
use crate::html::{Notice, NoticeQuery};
use crate::page::{Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use ladderless_core::CoreError;
use ladderless_domain::fields::FieldErrors;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    page: Page,
    email: String,
    error: Option<String>,
}

/// The sign-in form.
pub async fn login_form(Query(q): Query<NoticeQuery>) -> Response {
    render(&LoginPage {
        page: Page::anonymous("Sign in").with_notice(q.notice),
        email: String::new(),
        error: None,
    })
}

/// Fields of the sign-in form.
#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
}

/// A session cookie for `value`, or one that clears it.
pub fn session_cookie(value: &str, max_age_secs: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("ll_session=; Path=/; Max-Age=0"))
}

/// Check credentials and start a session.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Form(form): Form<LoginForm>,
) -> HtmlResult {
    match state.app.sign_in(&form.email, &form.password, &ip).await {
        Ok(session) => {
            let max_age = state.app.settings.session_days * 86400;
            let mut resp = Redirect::to("/").into_response();
            resp.headers_mut().insert(
                header::SET_COOKIE,
                session_cookie(&session.cookie, max_age, state.config.secure_cookies),
            );
            Ok(resp)
        }
        Err(e @ (CoreError::Unauthenticated | CoreError::TooManyAttempts { .. })) => {
            let retry_after = match e {
                CoreError::TooManyAttempts { retry_after_secs } => Some(retry_after_secs),
                _ => None,
            };
            let (status, message) = match retry_after {
                Some(secs) => (
                    StatusCode::TOO_MANY_REQUESTS,
                    format!(
                        "Too many failed attempts. Try again in {} minutes.",
                        (secs + 59) / 60
                    ),
                ),
                None => (
                    StatusCode::UNAUTHORIZED,
                    "That e-mail and password do not match an account.".to_string(),
                ),
            };
            let page = LoginPage {
                page: Page::anonymous("Sign in"),
                email: form.email,
                error: Some(message),
            };
            let mut resp = render_status(status, &page);
            if let Some(secs) = retry_after
                && let Ok(v) = HeaderValue::from_str(&secs.to_string())
            {
                resp.headers_mut().insert(header::RETRY_AFTER, v);
            }
            Ok(resp)
        }
        Err(e) => Err(e.into()),
    }
}

/// End the session.
pub async fn logout(
    State(state): State<AppState>,
    CurrentUser(session): CurrentUser,
) -> HtmlResult {
    state.app.sign_out(&session.id).await?;
    let mut resp = Notice::SignedOut.redirect("/login");
    resp.headers_mut().insert(
        header::SET_COOKIE,
        session_cookie("", 0, state.config.secure_cookies),
    );
    Ok(resp)
}

#[derive(Template)]
#[template(path = "invite.html")]
struct InvitePage {
    page: Page,
    token: String,
    valid: bool,
    errors: FieldErrors,
}

/// The set-password form of an invitation.
pub async fn invite_form(State(state): State<AppState>, Path(token): Path<String>) -> HtmlResult {
    let valid = state.app.invite_target(&token).await?.is_some();
    let page = InvitePage {
        page: Page::anonymous("Set your password"),
        token,
        valid,
        errors: FieldErrors::new(),
    };
    Ok(render_status(
        if valid {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        },
        &page,
    ))
}

/// Fields of the set-password form.
#[derive(Deserialize)]
pub struct InviteForm {
    password: String,
    confirm_password: String,
}

/// Set the password and sign in.
pub async fn accept_invite(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<InviteForm>,
) -> HtmlResult {
    match state
        .app
        .accept_invite(&token, &form.password, &form.confirm_password)
        .await
    {
        Ok(session) => {
            let max_age = state.app.settings.session_days * 86400;
            let mut resp = Notice::Welcome.redirect("/");
            resp.headers_mut().insert(
                header::SET_COOKIE,
                session_cookie(&session.cookie, max_age, state.config.secure_cookies),
            );
            Ok(resp)
        }
        Err(CoreError::Invalid(errors)) => {
            let valid = errors.get("token").is_none();
            let page = InvitePage {
                page: Page::anonymous("Set your password"),
                token,
                valid,
                errors,
            };
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}
