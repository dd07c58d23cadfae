//! `/api/v1/imports`: run an HRIS import (CSV or JSON body) and list past imports.

use super::extract::bytes_rejection;
use super::records::ToRecord;
use super::{ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use ladderless_core::import::ImportOptions;
use ladderless_domain::import::Format;
use serde::Deserialize;
use serde_json::{Value, json};

/// Past imports (talent admins).
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    actor.require_talent_admin()?;
    let runs = state.app.store.import_runs(100).await?;
    Ok(Json(json!({ "items": runs.record() })))
}

/// Import options.
#[derive(Debug, Default, Deserialize)]
pub struct ImportQuery {
    #[serde(default)]
    dry_run: bool,
    #[serde(default)]
    deactivate_missing: bool,
    /// `csv` or `json`; otherwise taken from Content-Type.
    format: Option<String>,
}

/// Import people from the request body (talent admins).
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<ImportQuery>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult {
    actor.require_talent_admin()?;
    let body = body.map_err(bytes_rejection)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let format = match q.format.as_deref() {
        Some("csv") => Format::Csv,
        Some("json") => Format::Json,
        Some(_) => {
            return Err(super::ApiError::field("format", "must be csv or json"));
        }
        None => Format::guess(content_type, &body),
    };
    let opts = ImportOptions {
        dry_run: q.dry_run,
        deactivate_missing: q.deactivate_missing,
        source: "api".into(),
    };
    let summary = state
        .app
        .import_people(Some(&actor), &body, format, &opts)
        .await?;
    let status = if q.dry_run {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(json!(summary))).into_response())
}
