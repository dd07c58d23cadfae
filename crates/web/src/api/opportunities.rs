//! `/api/v1/opportunities`: one's own opportunities, their value propositions and stage moves.

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::opportunities::OpportunityInput;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// The caller's own opportunities.
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let items = state.app.my_opportunities(&actor).await?;
    Ok(Json(json!({ "items": items.record() })))
}

/// Start an opportunity.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<OpportunityInput>,
) -> ApiResult {
    let o = state.app.create_opportunity(&actor, &body).await?;
    Ok((StatusCode::CREATED, Json(json!(o.record()))).into_response())
}

/// One opportunity the caller may see, with history, proposals, pilot and the coach's verdict.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let view = state.app.opportunity_view(&actor, id).await?;
    Ok(Json(json!(view.record())))
}

/// Change the value proposition (owner only).
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<OpportunityInput>,
) -> ApiResult<Json<Value>> {
    let o = state.app.update_opportunity(&actor, id, &body).await?;
    Ok(Json(json!(o.record())))
}

/// A stage move.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    stage: String,
    #[serde(default)]
    reason: String,
}

/// Move an opportunity (owner only); refused moves are 422 with the reason on `stage` or `reason`.
pub async fn move_stage(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<Move>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .move_opportunity(&actor, id, &body.stage, &body.reason)
        .await?;
    let o = state.app.store.opportunity(id).await?;
    Ok(Json(json!(o.record())))
}
