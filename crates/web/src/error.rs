//! One mapping from core errors to responses: friendly HTML pages or the JSON error shape.

use crate::page::ErrorPage;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ladderless_core::CoreError;
use serde_json::json;

/// An error on its way to the client, as HTML or JSON.
#[derive(Debug)]
pub enum WebError {
    /// For a page: render a friendly error page.
    Html(CoreError),
    /// For the API: the JSON error shape.
    Json(CoreError),
}

impl WebError {
    /// The status and a snake_case code for an error.
    pub fn status_code(e: &CoreError) -> (StatusCode, &'static str) {
        match e {
            CoreError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            CoreError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            CoreError::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
            CoreError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            CoreError::ImportRejected(_) => (StatusCode::UNPROCESSABLE_ENTITY, "import_rejected"),
            CoreError::Conflict { .. } => (StatusCode::CONFLICT, "conflict"),
            CoreError::TooManyAttempts { .. } => {
                (StatusCode::TOO_MANY_REQUESTS, "too_many_attempts")
            }
            CoreError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

fn log_internal(e: &CoreError) {
    if let CoreError::Internal(detail) = e {
        tracing::error!(error = %detail, "internal error");
    }
}

/// The JSON body of an error.
pub fn json_error(e: &CoreError) -> Response {
    log_internal(e);
    let (status, code) = WebError::status_code(e);
    let fields = match e {
        CoreError::Invalid(f) => json!(f.0),
        CoreError::Conflict { field } => json!({ field: "is already taken" }),
        _ => json!({}),
    };
    let mut body = json!({ "error": code, "message": e.to_string(), "fields": fields });
    if let CoreError::ImportRejected(report) = e {
        // The first problems in full (`rows`), then counts of the rest by field and kind.
        body["rows"] = json!(report.problems);
        body["total"] = json!(report.total);
        body["more"] = json!(report.more);
        if let Some(more) = report.more_sentence() {
            body["message"] = json!(format!("{e}; {more}"));
        }
    }
    let mut resp = (status, Json(body)).into_response();
    if let CoreError::TooManyAttempts { retry_after_secs } = e
        && let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string())
    {
        resp.headers_mut().insert(header::RETRY_AFTER, v);
    }
    resp
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::Json(e) => json_error(&e),
            WebError::Html(CoreError::Unauthenticated) => {
                axum::response::Redirect::to("/login").into_response()
            }
            WebError::Html(e) => {
                log_internal(&e);
                let (status, _) = WebError::status_code(&e);
                ErrorPage::for_status(status).into_response()
            }
        }
    }
}

impl From<CoreError> for WebError {
    fn from(e: CoreError) -> Self {
        WebError::Html(e)
    }
}

/// Result of an HTML handler.
pub type HtmlResult<T = Response> = Result<T, WebError>;
