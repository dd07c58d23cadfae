//! Request middleware: load the session, guard against cross-site requests, security headers.

use crate::AppState;
use crate::extract::{SESSION_COOKIE, cookie_value};
use crate::page::ErrorPage;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ladderless_core::auth::{Session, constant_time_eq};

/// Resolve the session cookie once per request and keep it in the request's extensions.
pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if let Some(cookie) = cookie_value(req.headers(), SESSION_COOKIE) {
        match state.app.session(&cookie).await {
            Ok(Some(session)) => {
                req.extensions_mut().insert(session);
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return ErrorPage::for_status(StatusCode::SERVICE_UNAVAILABLE).into_response();
            }
        }
    }
    next.run(req).await
}

/// Marks a multipart request whose CSRF token the handler must check itself.
#[derive(Clone)]
pub struct CsrfInBody(pub String);

/// Every state-changing request made with the session cookie must carry the session's CSRF
/// token, in the `X-CSRF-Token` header or a `csrf` form field (compared in constant time).
/// Requests with an API token carry no cookie authority and need none.
pub async fn csrf_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req.headers().contains_key(header::AUTHORIZATION)
    {
        return next.run(req).await;
    }
    let Some(session) = req.extensions().get::<Session>().cloned() else {
        return next.run(req).await;
    };
    let expected = session.csrf_token.clone();
    if let Some(v) = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        return if constant_time_eq(v, &expected) {
            next.run(req).await
        } else {
            forbidden()
        };
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let (parts, body) = req.into_parts();
        let Ok(bytes) = to_bytes(body, state.config.max_body_bytes).await else {
            return ErrorPage::for_status(StatusCode::PAYLOAD_TOO_LARGE).into_response();
        };
        let token = form_urlencoded_field(&bytes, "csrf");
        if !token.is_some_and(|t| constant_time_eq(&t, &expected)) {
            return forbidden();
        }
        return next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
    }
    if content_type.starts_with("multipart/form-data") {
        let mut req = req;
        req.extensions_mut().insert(CsrfInBody(expected));
        return next.run(req).await;
    }
    forbidden()
}

fn form_urlencoded_field(bytes: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(bytes)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

fn forbidden() -> Response {
    let mut resp = ErrorPage::for_status(StatusCode::FORBIDDEN).into_response();
    resp.headers_mut()
        .insert("x-reason", HeaderValue::from_static("csrf"));
    resp
}

/// Security headers on every response.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    resp
}
