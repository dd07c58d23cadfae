//! `/api/v1/directions`: strategic directions everyone may read; talent admins publish.

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::directions::DirectionInput;
use ladderless_store::Uuid;
use serde_json::{Value, json};

/// Every direction.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let items = state.app.directions(&actor).await?;
    Ok(Json(json!({ "items": items.record() })))
}

/// One direction with its roles, and the opportunities and people shared with the caller.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let view = state.app.direction_view(&actor, id).await?;
    Ok(Json(json!(view.record())))
}

/// Publish a direction (talent admins).
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<DirectionInput>,
) -> ApiResult {
    let d = state.app.create_direction(&actor, &body).await?;
    Ok((StatusCode::CREATED, Json(json!(d.record()))).into_response())
}

/// Change a direction (talent admins).
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<DirectionInput>,
) -> ApiResult<Json<Value>> {
    let d = state.app.update_direction(&actor, id, &body).await?;
    Ok(Json(json!(d.record())))
}
