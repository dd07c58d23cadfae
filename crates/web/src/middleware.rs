//! Request middleware: decide who is calling, guard against cross-site requests, refuse text
//! that cannot be stored, security headers.

use crate::AppState;
use crate::error::json_error;
use crate::extract::{
    BadCredentials, ClientAddr, SESSION_COOKIE, TokenActor, bearer_token, cookie_value,
    resolve_client,
};
use crate::page::{ErrorPage, Page};
use askama::Template;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, FromRequestParts, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use ladderless_core::CoreError;
use ladderless_core::auth::{Session, constant_time_eq};
use ladderless_domain::fields::FieldErrors;
use std::net::SocketAddr;

/// Decide once who is calling. A request is authenticated EITHER by a valid bearer API token
/// (then its session cookie is not even read) OR by the session cookie (then [`csrf_guard`]
/// demands the CSRF token on every unsafe method). An `Authorization` header that is not a
/// valid bearer token grants and exempts nothing. Also fixes the client's address (behind
/// trusted proxies, the forwarded one). Signed-in responses are marked `no-store`.
pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let client = resolve_client(req.headers(), peer, &state.config.trusted_proxies);
    if let Some(ip) = client {
        req.extensions_mut().insert(ClientAddr(ip));
    }
    let ip = client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    let authorization = req
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| v.to_str().ok().and_then(bearer_token).map(str::to_string));
    let mut signed_in = false;
    match authorization {
        Some(Some(token)) => match state.app.actor_for_token(&token, &ip).await {
            Ok(Some(actor)) => {
                req.extensions_mut().insert(TokenActor(actor));
                signed_in = true;
            }
            Ok(None) => {
                req.extensions_mut().insert(BadCredentials);
            }
            Err(e) => return unavailable(&req, e),
        },
        Some(None) => {
            req.extensions_mut().insert(BadCredentials);
        }
        None => {}
    }
    if !signed_in && let Some(cookie) = cookie_value(req.headers(), SESSION_COOKIE) {
        match state.app.session(&cookie).await {
            Ok(Some(session)) => {
                req.extensions_mut().insert(session);
                signed_in = true;
            }
            Ok(None) => {}
            Err(e) => return unavailable(&req, e),
        }
    }
    let mut resp = next.run(req).await;
    if signed_in && !resp.headers().contains_key(header::CACHE_CONTROL) {
        resp.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

fn unavailable(req: &Request, e: CoreError) -> Response {
    tracing::error!(error = %e, "authentication lookup failed");
    if is_api(req.uri().path()) {
        json_error(&CoreError::Internal("authentication lookup failed".into()))
    } else {
        ErrorPage::for_status(StatusCode::SERVICE_UNAVAILABLE).into_response()
    }
}

/// Marks a multipart request whose CSRF token the handler must check itself.
#[derive(Clone)]
pub struct CsrfInBody(pub String);

/// Every state-changing request authenticated by the session cookie must carry the session's
/// CSRF token, in the `X-CSRF-Token` header or a `csrf` form field (compared in constant
/// time), whatever other headers it has. Only a request authenticated by a bearer token (whose
/// cookie was therefore ignored) needs none.
pub async fn csrf_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // Unsubscribe links carry a signed token, which is their authority (mail clients post
    // them one-click, without a session or a CSRF token).
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req.extensions().get::<TokenActor>().is_some()
        || req.uri().path().starts_with("/unsubscribe/")
    {
        return next.run(req).await;
    }
    let Some(session) = req.extensions().get::<Session>().cloned() else {
        return next.run(req).await;
    };
    let expected = session.csrf_token.clone();
    if let Some(v) = req.headers().get("x-csrf-token") {
        return if v.to_str().is_ok_and(|v| constant_time_eq(v, &expected)) {
            next.run(req).await
        } else {
            forbidden()
        };
    }
    let content_type = content_type(&req);
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let (parts, body) = req.into_parts();
        let bytes = match to_bytes(body, state.config.max_body_bytes).await {
            Ok(b) => b,
            Err(e) => return body_error(&parts, e),
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

fn content_type(req: &Request) -> String {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// A body that could not be read: too large (413) or too slow (408).
fn body_error(parts: &Parts, e: axum::Error) -> Response {
    let inner = e.into_inner();
    let too_large = inner
        .downcast_ref::<http_body_util::LengthLimitError>()
        .is_some()
        || inner
            .source()
            .is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
    let status = if too_large {
        StatusCode::PAYLOAD_TOO_LARGE
    } else {
        StatusCode::REQUEST_TIMEOUT
    };
    if is_api(parts.uri.path()) {
        let message = if too_large {
            "the request body is too large"
        } else {
            "the request body did not arrive in time"
        };
        let body = serde_json::json!({
            "error": if too_large { "too_large" } else { "timeout" },
            "message": message,
            "fields": {},
        });
        (status, axum::Json(body)).into_response()
    } else {
        ErrorPage::for_status(status).into_response()
    }
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

const NUL: &str = "contains a NUL character, which cannot be stored";
const NOT_UTF8: &str = "is not valid UTF-8 text";

/// Text from the path, the query string and url-encoded forms must be valid UTF-8 without NUL
/// characters (PostgreSQL cannot store NUL; SQLite can, so without this check the two databases
/// would answer differently). Anything else is a 422 naming the field: the JSON error shape
/// under `/api`, a page listing the fields elsewhere. JSON bodies are checked by the API.
pub async fn input_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let mut errors = FieldErrors::new();
    match RawPathParams::from_request_parts(&mut parts, &state).await {
        Ok(params) => {
            for (key, value) in &params {
                if value.contains('\0') {
                    errors.add(key, NUL);
                }
            }
        }
        Err(axum::extract::rejection::RawPathParamsRejection::InvalidUtf8InPathParam(e)) => {
            // The rejection names the parameter only in its text: "Invalid UTF-8 in `key`".
            let text = e.body_text();
            let key = text.split('`').nth(1).unwrap_or("path");
            errors.add(key, NOT_UTF8);
        }
        Err(_) => {}
    }
    if let Some(q) = parts.uri.query() {
        check_urlencoded(q.as_bytes(), &mut errors);
    }
    let body = if !matches!(parts.method, Method::GET | Method::HEAD)
        && parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| {
                c.to_ascii_lowercase()
                    .starts_with("application/x-www-form-urlencoded")
            }) {
        let bytes = match to_bytes(body, state.config.max_body_bytes).await {
            Ok(b) => b,
            Err(e) => return body_error(&parts, e),
        };
        check_urlencoded(&bytes, &mut errors);
        Body::from(bytes)
    } else {
        body
    };
    if errors.is_empty() {
        return next.run(Request::from_parts(parts, body)).await;
    }
    if is_api(parts.uri.path()) {
        return json_error(&CoreError::Invalid(errors));
    }
    let page = match parts.extensions.get::<Session>() {
        Some(s) => Page::new(s, "Check what you sent", ""),
        None => Page::anonymous("Check what you sent"),
    };
    let page = InvalidInputPage {
        page,
        fields: errors.0.into_iter().collect(),
    };
    crate::page::render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

/// Record a field error for every `key=value` pair that does not decode to storable text.
fn check_urlencoded(raw: &[u8], errors: &mut FieldErrors) {
    for pair in raw.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (k, v) = match pair.iter().position(|b| *b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &b""[..]),
        };
        let key = percent_decode(k);
        let name = String::from_utf8_lossy(&key).replace('\0', "\u{FFFD}");
        for part in [key, percent_decode(v)] {
            match std::str::from_utf8(&part) {
                Err(_) => errors.add(&name, NOT_UTF8),
                Ok(t) if t.contains('\0') => errors.add(&name, NUL),
                Ok(_) => {}
            }
        }
    }
}

/// Decode `application/x-www-form-urlencoded` bytes (`+` is a space; a stray `%` stays).
fn percent_decode(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                raw.get(i + 1).copied().and_then(hex),
                raw.get(i + 2).copied().and_then(hex),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% extends "base.html" %}
{% block content %}
<h1>Check what you sent</h1>
<p>Some of it cannot be stored:</p>
<ul class="errors">
{% for (field, message) in fields %}<li><strong>{{ field }}</strong> {{ message }}</li>
{% endfor %}</ul>
<p>Go back, correct it and try again.</p>
{% endblock %}"#
)]
struct InvalidInputPage {
    page: Page,
    fields: Vec<(String, String)>,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% extends "base.html" %}
{% block content %}
<h1>That file is too large</h1>
<p>The largest upload this server accepts is {{ limit }}. Split the file, or ask your
administrator to raise the limit (<code>--max-upload-mib</code>).</p>
<p><a href="/admin/import">Back to the import page</a></p>
{% endblock %}"#
)]
struct TooLargePage {
    page: Page,
    limit: String,
}

/// An upload whose declared length is over the limit gets a 413 page stating the limit, before
/// any of it is read.
pub async fn upload_limit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = state.config.max_upload_bytes;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_none_or(|n| n <= limit as u64) {
        return next.run(req).await;
    }
    let page = match req.extensions().get::<Session>() {
        Some(s) => Page::new(s, "Too large", "/admin"),
        None => Page::anonymous("Too large"),
    };
    let page = TooLargePage {
        page,
        limit: human_size(limit),
    };
    let mut resp = crate::page::render_status(StatusCode::PAYLOAD_TOO_LARGE, &page);
    // The rest of the body is not read; tell the client not to reuse the connection.
    resp.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    resp
}

/// `32 MiB`, `512 KiB`, `100 bytes`.
pub fn human_size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= 1024 {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Security headers on every response; HSTS when the site is served over https.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
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
    if state.config.hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_and_field_checks() {
        assert_eq!(percent_decode(b"a%20b+c"), b"a b c");
        assert_eq!(percent_decode(b"100%"), b"100%");
        assert_eq!(percent_decode(b"%4"), b"%4");
        assert_eq!(percent_decode(b"%zz"), b"%zz");
        assert_eq!(percent_decode(b"a%00"), b"a\0");
        let mut e = FieldErrors::new();
        check_urlencoded(b"email=a%00b&ok=fine&name=%FF&flag", &mut e);
        assert_eq!(e.get("email"), Some(NUL));
        assert_eq!(e.get("name"), Some(NOT_UTF8));
        assert_eq!(e.get("ok"), None);
        assert_eq!(e.0.len(), 2);
    }

    #[test]
    fn sizes_read_like_people_write_them() {
        assert_eq!(human_size(32 * 1024 * 1024), "32 MiB");
        assert_eq!(human_size(4 * 1024 * 1024 + 512 * 1024), "4.5 MiB");
        assert_eq!(human_size(64 * 1024), "64 KiB");
        assert_eq!(human_size(10), "10 bytes");
    }
}
