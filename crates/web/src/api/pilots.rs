//! `/api/v1/pilots`: the pilots one runs or sponsors, check-ins from both sides, and the end
//! with an outcome (a new role created, and moved into, in one transaction).

use super::{ApiJson, ApiResult, err};
use crate::AppState;
use crate::api::compass::ApiId;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::pilots::{EndInput, PilotInput};
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
        .await
        .map_err(err)?
        .into_iter()
        .partition(|l| l.pilot.owner_id == actor.id());
    Ok(Json(json!({ "mine": mine, "sponsored": sponsored })))
}

/// One pilot with its check-ins (owner and sponsor only; 404 for anyone else).
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<Value>> {
    let view = state.app.pilot_view(&actor, id).await.map_err(err)?;
    Ok(Json(json!(view)))
}

/// Start the pilot of one's own supported opportunity.
pub async fn start(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(opportunity): ApiId,
    ApiJson(body): ApiJson<PilotInput>,
) -> ApiResult {
    let pl = state
        .app
        .start_pilot(&actor, opportunity, &body)
        .await
        .map_err(err)?;
    let view = state.app.pilot_view(&actor, pl.id).await.map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(view))).into_response())
}

/// A check-in note.
#[derive(Debug, Deserialize)]
pub struct CheckInBody {
    #[serde(default)]
    note: String,
}

/// Add a check-in (owner or sponsor, while the pilot runs).
pub async fn check_in(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
    ApiJson(body): ApiJson<CheckInBody>,
) -> ApiResult {
    state
        .app
        .add_checkin(&actor, id, &body.note)
        .await
        .map_err(err)?;
    let view = state.app.pilot_view(&actor, id).await.map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(view))).into_response())
}

/// End the pilot with an outcome and a reflection (owner only; the sponsor gets 403).
pub async fn end(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
    ApiJson(body): ApiJson<EndInput>,
) -> ApiResult<Json<Value>> {
    state.app.end_pilot(&actor, id, &body).await.map_err(err)?;
    let view = state.app.pilot_view(&actor, id).await.map_err(err)?;
    Ok(Json(json!(view)))
}

/// Schemas of the request bodies, for the OpenAPI document.
pub fn schema(name: &str) -> Value {
    match name {
        "PilotInput" => {
            json!({ "type": "object", "required": ["responsibilities", "starts_on", "ends_on"], "properties": {
            "responsibilities": { "type": "string" },
            "time_share": { "type": "integer", "minimum": 10, "maximum": 50, "description": "percent; the supported proposal's share when absent" },
            "starts_on": { "type": "string", "format": "date" }, "ends_on": { "type": "string", "format": "date" } } })
        }
        "CheckIn" => {
            json!({ "type": "object", "required": ["note"], "properties": { "note": { "type": "string" } } })
        }
        "PilotEnd" => {
            json!({ "type": "object", "required": ["outcome", "reflection"], "properties": {
            "outcome": { "type": "string", "enum": ["new_role", "expanded_role", "parked", "dropped"] },
            "reflection": { "type": "string" },
            "role_title": { "type": "string", "description": "required for new_role" },
            "role_description": { "type": "string" },
            "role_skills": { "type": "array", "items": { "type": "string" }, "description": "skill ids exercised in the pilot" },
            "move_into_role": { "type": "boolean", "description": "new_role: move the owner into it now (recorded in their role history)" } } })
        }
        _ => json!({ "type": "object" }),
    }
}
