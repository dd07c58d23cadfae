//! Extractors: the signed-in person (page or API), the client address, cookies.
//!
//! A request is authenticated either by a bearer API token or by the session cookie, never
//! both: the middleware decides once and leaves [`TokenActor`] or a `Session` in the
//! extensions.

use crate::AppState;
use crate::error::{WebError, json_error};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::{HeaderMap, header, request::Parts};
use axum::response::{IntoResponse, Response};
use ipnet::IpNet;
use ladderless_core::auth::Session;
use ladderless_core::{Actor, CoreError};
use std::net::{IpAddr, SocketAddr};

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

/// Set by the authentication middleware when the request carries a valid bearer API token;
/// the session cookie of such a request is never read.
#[derive(Clone)]
pub struct TokenActor(pub Actor);

/// Set when the request carries an `Authorization` header that is not a valid bearer token.
/// It grants nothing and exempts from nothing: the API answers 401.
#[derive(Clone, Copy)]
pub struct BadCredentials;

/// The caller of the JSON API: a personal API token (Bearer) or a signed-in browser.
pub struct ApiUser(pub Actor);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(TokenActor(actor)) = parts.extensions.get::<TokenActor>() {
            return Ok(ApiUser(actor.clone()));
        }
        if parts.extensions.get::<BadCredentials>().is_some() {
            return Err(json_error(&CoreError::Unauthenticated));
        }
        match parts.extensions.get::<Session>() {
            Some(s) => Ok(ApiUser(s.actor.clone())),
            None => Err(json_error(&CoreError::Unauthenticated).into_response()),
        }
    }
}

/// The bearer token of an `Authorization` header (scheme compared case-insensitively).
pub fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The client's address, decided once per request by the authentication middleware.
#[derive(Clone)]
pub struct ClientAddr(pub IpAddr);

/// The client's address: the socket's peer, or, when that peer is a trusted proxy, the
/// rightmost address in `Forwarded` (or else `X-Forwarded-For`) that is not a trusted proxy.
pub fn resolve_client(
    headers: &HeaderMap,
    peer: Option<IpAddr>,
    trusted: &[IpNet],
) -> Option<IpAddr> {
    let peer = peer?;
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let chain = forwarded_chain(headers);
    let mut client = peer;
    for hop in chain.iter().rev() {
        let Some(ip) = hop else {
            // An entry we cannot read (obfuscated, "unknown", garbage): stop at the last
            // address a trusted proxy vouched for.
            break;
        };
        client = *ip;
        if !is_trusted(ip) {
            break;
        }
    }
    Some(client)
}

/// The addresses a request passed through, leftmost first; `None` for unreadable entries.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let forwarded: Vec<&str> = headers
        .get_all(header::FORWARDED)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    if !forwarded.is_empty() {
        return forwarded
            .iter()
            .flat_map(|v| v.split(','))
            .map(|element| {
                element.split(';').find_map(|pair| {
                    let (k, v) = pair.trim().split_once('=')?;
                    k.trim().eq_ignore_ascii_case("for").then(|| parse_node(v))
                })?
            })
            .collect();
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(parse_node)
        .collect()
}

/// An address as proxies write it: `1.2.3.4`, `1.2.3.4:5678`, `"[2001:db8::1]:80"`, `2001:db8::1`.
fn parse_node(raw: &str) -> Option<IpAddr> {
    let v = raw.trim().trim_matches('"');
    if let Ok(ip) = v.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(sa) = v.parse::<SocketAddr>() {
        return Some(sa.ip());
    }
    v.strip_prefix('[')?.split(']').next()?.parse().ok()
}

/// Parse a comma- or space-separated list of CIDR blocks or single addresses.
pub fn parse_trusted_proxies(list: &str) -> Result<Vec<IpNet>, String> {
    list.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<IpNet>()
                .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("{s:?} is not an address or CIDR block like 10.0.0.0/8"))
        })
        .collect()
}

/// The client's address as the server decided it (see [`resolve_client`]).
pub fn client_ip(parts: &Parts) -> String {
    if let Some(ClientAddr(ip)) = parts.extensions.get::<ClientAddr>() {
        return ip.to_string();
    }
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
