//! The API's extractors: a JSON body, path parameters and a query string, each rejecting in
//! the API's error shape and naming the field that is wrong.

use super::ApiError;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON object body, deserialised strictly: the body must be a JSON object, no string in it
/// may hold a NUL character (PostgreSQL cannot store one), and a missing, unknown or mistyped
/// field is a 422 naming the field's path (`items[0].label`).
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(&req) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(bytes_rejection)?;
        let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_json",
                format!("the body is not valid JSON: {e}"),
            )
        })?;
        if !value.is_object() {
            return Err(ApiError::field("body", "must be a JSON object"));
        }
        if let Some(path) = nul_path(&value, String::new()) {
            return Err(ApiError::field(
                path,
                "must not contain the NUL character (\\u0000)",
            ));
        }
        serde_path_to_error::deserialize::<_, T>(value)
            .map(ApiJson)
            .map_err(|e| data_error(&e.path().to_string(), &e.inner().to_string()))
    }
}

fn is_json(req: &Request) -> bool {
    let Some(ct) = req.headers().get(header::CONTENT_TYPE) else {
        return false;
    };
    let mime = ct.to_str().unwrap_or("").split(';').next().unwrap_or("");
    let mime = mime.trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// The path of the first string (or object key) holding a NUL character.
fn nul_path(v: &Value, at: String) -> Option<String> {
    match v {
        Value::String(s) if s.contains('\0') => Some(or_body(at)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| nul_path(x, format!("{at}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, x)| {
            let here = join(&at, k);
            if k.contains('\0') {
                Some(here)
            } else {
                nul_path(x, here)
            }
        }),
        _ => None,
    }
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

fn or_body(at: String) -> String {
    if at.is_empty() { "body".into() } else { at }
}

/// A serde error at a path, as a 422 naming the field: a missing or unknown field is named
/// itself (`items[0].label`), not its parent.
fn data_error(path: &str, message: &str) -> ApiError {
    let at = if path == "." { "" } else { path };
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(|name| join(at, name))
    };
    if let Some(field) = named("missing field `") {
        return ApiError::field(field, "is required");
    }
    if let Some(name) = named("unknown field `").and(message.split('`').nth(1)) {
        // The path of an unknown field already ends with the field itself.
        let field = if at.is_empty() {
            name.to_string()
        } else {
            at.to_string()
        };
        let expected = message
            .split_once(", expected ")
            .map(|(_, e)| e)
            .unwrap_or("");
        return ApiError::field(
            field,
            format!("is not a field of this body (expected {expected})"),
        );
    }
    let reason = message.split(" at line ").next().unwrap_or(message);
    ApiError::field(or_body(at.to_string()), reason.to_string())
}

/// Map a body-reading failure, such as a body over the size limit, to the error shape.
pub fn bytes_rejection(rej: BytesRejection) -> ApiError {
    let status = rej.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return ApiError::new(
            status,
            "payload_too_large",
            "the request body is larger than this server accepts",
        );
    }
    ApiError::new(status, "bad_request", rej.body_text())
}

/// Path parameters (`ApiPath(id): ApiPath<Uuid>`, `ApiPath((id, sub)): ApiPath<(Uuid, Uuid)>`,
/// `ApiPath(code): ApiPath<String>`). Anything that cannot name a resource (a malformed id,
/// bad percent-encoding, a NUL character) is a JSON 404, like an unknown one.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let not_found = || ApiError::from(ladderless_core::CoreError::NotFound);
        let Path(raw) = Path::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        if raw.iter().any(|(_, v)| v.contains('\0')) {
            return Err(not_found());
        }
        let Path(v) = Path::<T>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        Ok(ApiPath(v))
    }
}

/// A query string, deserialised with the parameter named on failure
/// (`?per_page=null` is a 422 with `fields.per_page`); a NUL character is refused likewise.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        if let Some((name, _)) = form_urlencoded::parse(query.as_bytes())
            .find(|(k, v)| k.contains('\0') || v.contains('\0'))
        {
            return Err(ApiError::field(
                name.replace('\0', ""),
                "must not contain the NUL character",
            ));
        }
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize::<_, T>(de)
            .map(ApiQuery)
            .map_err(|e| {
                let path = e.path().to_string();
                let message = e.inner().to_string();
                data_error(&path, &message)
            })
    }
}

/// Deserialise an optional date sent as `YYYY-MM-DD` (`null` or absent: none) into the text
/// core parses, refusing anything else (a blank string included) where it is read, so the
/// field is named in the 422.
pub fn iso_date_text_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    let text = <Option<String> as serde::Deserialize>::deserialize(d)?;
    if let Some(t) = &text {
        check_iso_date(t).map_err(serde::de::Error::custom)?;
    }
    Ok(text)
}

fn check_iso_date(text: &str) -> Result<(), &'static str> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &format)
        .map(|_| ())
        .map_err(|_| "must be a date written YYYY-MM-DD")
}
