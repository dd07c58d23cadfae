//! Extractors: the signed-in person (page or API), the client address, cookies.

use crate::AppState;
use crate::error::{WebError, json_error};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, header, request::Parts};
use axum::response::{IntoResponse, Response};
use ladderless_core::auth::Session;
use ladderless_core::{Actor, CoreError};
use std::net::SocketAddr;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "ll_session";

/// A cookie's value from the request headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == name).then(|| v.to_string())
        })
}

/// The signed-in person of a page; unauthenticated visitors are sent to sign in.
pub struct CurrentUser(pub Session);

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Session>()
            .cloned()
            .map(CurrentUser)
            .ok_or(WebError::Html(CoreError::Unauthenticated))
    }
}

/// The caller of the JSON API: a personal API token (Bearer) or a signed-in browser.
pub struct ApiUser(pub Actor);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(auth) = parts.headers.get(header::AUTHORIZATION) {
            let value = auth.to_str().unwrap_or("");
            let Some(token) = value.strip_prefix("Bearer ").map(str::trim) else {
                return Err(json_error(&CoreError::Unauthenticated));
            };
            let ip = client_ip(parts);
            return match state.app.actor_for_token(token, &ip).await {
                Ok(Some(actor)) => Ok(ApiUser(actor)),
                Ok(None) => Err(json_error(&CoreError::Unauthenticated)),
                Err(e) => Err(json_error(&e)),
            };
        }
        match parts.extensions.get::<Session>() {
            Some(s) => Ok(ApiUser(s.actor.clone())),
            None => Err(json_error(&CoreError::Unauthenticated).into_response()),
        }
    }
}

/// The client's address as the server saw it.
pub fn client_ip(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The client's address, as an extractor.
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(parts)))
    }
}
