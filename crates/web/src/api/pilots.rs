//! `/api/v1/pilots`: the pilots one runs or sponsors, check-ins from both sides, and the end
//! with an outcome (a new role created, and moved into, in one transaction).

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::pilots::{EndInput, PilotInput};
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// Pilots the caller runs (`mine`) and sponsors (`sponsored`), running ones first.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let (mine, sponsored): (Vec<_>, Vec<_>) = state
        .app
        .my_pilots(&actor)
        .await?
        .into_iter()
        .partition(|l| l.pilot.owner_id == actor.id());
    Ok(Json(
        json!({ "mine": mine.record(), "sponsored": sponsored.record() }),
    ))
}

/// One pilot with its check-ins (owner and sponsor only; 404 for anyone else).
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let view = state.app.pilot_view(&actor, id).await?;
    Ok(Json(json!(view.record())))
}

/// Start the pilot of one's own supported opportunity.
pub async fn start(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(opportunity): ApiPath<Uuid>,
    ApiJson(body): ApiJson<PilotInput>,
) -> ApiResult {
    let pl = state.app.start_pilot(&actor, opportunity, &body).await?;
    let view = state.app.pilot_view(&actor, pl.id).await?;
    Ok((StatusCode::CREATED, Json(json!(view.record()))).into_response())
}

/// A check-in note.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInBody {
    #[serde(default)]
    note: String,
}

/// Add a check-in (owner or sponsor, while the pilot runs).
pub async fn check_in(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<CheckInBody>,
) -> ApiResult {
    state.app.add_checkin(&actor, id, &body.note).await?;
    let view = state.app.pilot_view(&actor, id).await?;
    Ok((StatusCode::CREATED, Json(json!(view.record()))).into_response())
}

/// End the pilot with an outcome and a reflection (owner only; the sponsor gets 403).
pub async fn end(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<EndInput>,
) -> ApiResult<Json<Value>> {
    state.app.end_pilot(&actor, id, &body).await?;
    let view = state.app.pilot_view(&actor, id).await?;
    Ok(Json(json!(view.record())))
}
