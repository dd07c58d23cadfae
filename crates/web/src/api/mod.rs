//! The JSON API under `/api/v1`: one module per resource, one error shape.

pub mod careers;
pub mod coach;
pub mod compass;
pub mod conversations;
pub mod curated;
pub mod customers;
pub mod directions;
pub mod imports;
pub mod me;
pub mod openapi;
pub mod opportunities;
pub mod people;
pub mod pilots;
pub mod plans;
pub mod proposals;
pub mod roles;
pub mod settings;
pub mod skills;
pub mod teams;

use crate::error::json_error;
use axum::Json;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ladderless_core::CoreError;
use serde::de::DeserializeOwned;
use serde_json::json;

/// Result of an API handler.
pub type ApiResult<T = Response> = Result<T, Response>;

/// Map a core error to the JSON error response.
pub fn err(e: CoreError) -> Response {
    json_error(&e)
}

/// A JSON error with a given status and code.
pub fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "error": code, "message": message, "fields": {} })),
    )
        .into_response()
}

/// The JSON 404 for unknown API paths.
pub async fn not_found() -> Response {
    error_response(StatusCode::NOT_FOUND, "not_found", "no such API route")
}

/// A JSON body whose rejections (bad JSON, wrong type, too large) use the API's error shape.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(rej) => Err(json_rejection(rej)),
        }
    }
}

fn json_rejection(rej: JsonRejection) -> Response {
    match rej {
        JsonRejection::JsonDataError(e) => {
            error_response(StatusCode::UNPROCESSABLE_ENTITY, "invalid", &e.body_text())
        }
        JsonRejection::JsonSyntaxError(e) => {
            error_response(StatusCode::BAD_REQUEST, "bad_json", &e.body_text())
        }
        JsonRejection::MissingJsonContentType(_) => error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send Content-Type: application/json",
        ),
        JsonRejection::BytesRejection(b) => bytes_rejection(b),
        other => error_response(other.status(), "bad_request", &other.body_text()),
    }
}

/// Map a body-reading failure, such as a body over the size limit, to the error shape.
pub fn bytes_rejection(rej: BytesRejection) -> Response {
    let status = rej.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return error_response(
            status,
            "payload_too_large",
            "the request body is larger than this server accepts",
        );
    }
    error_response(status, "bad_request", &rej.body_text())
}

/// Pagination query shared by list endpoints.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Paging {
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Items per page, 1–200 (default 50).
    pub per_page: Option<i64>,
}

impl Paging {
    /// (page, per_page) with defaults and bounds.
    pub fn get(&self) -> (i64, i64) {
        (
            self.page.unwrap_or(1).max(1),
            self.per_page.unwrap_or(50).clamp(1, 200),
        )
    }
}
