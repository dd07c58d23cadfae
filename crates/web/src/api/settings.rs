//! `/api/v1/settings/proposals`: the organisation's proposal settings (talent admins).

use super::{ApiJson, ApiResult, err};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_core::settings::ProposalSettings;
use serde::Deserialize;
use serde_json::{Value, json};

/// The proposal settings (talent admins).
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<ProposalSettings>> {
    actor.require_talent_admin().map_err(err)?;
    Ok(Json(state.app.proposal_settings().await.map_err(err)?))
}

/// New proposal settings; a missing field keeps its current value.
#[derive(Debug, Deserialize)]
pub struct SettingsBody {
    #[serde(default)]
    ask_again_days: Option<Value>,
    #[serde(default)]
    talent_admins_see: Option<bool>,
}

/// Change the proposal settings (talent admins).
pub async fn put(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<SettingsBody>,
) -> ApiResult<Json<ProposalSettings>> {
    actor.require_talent_admin().map_err(err)?;
    let current = state.app.proposal_settings().await.map_err(err)?;
    // Numbers and numeric strings are both accepted; anything else is a field error in core.
    let days = match b.ask_again_days {
        None => current.ask_again_days.to_string(),
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
    };
    let see = b.talent_admins_see.unwrap_or(current.talent_admins_see);
    Ok(Json(
        state
            .app
            .set_proposal_settings(&actor, &days, see)
            .await
            .map_err(err)?,
    ))
}

/// The request body's schema, for the OpenAPI document.
pub fn schema() -> Value {
    json!({ "type": "object", "properties": {
        "ask_again_days": { "type": "integer", "minimum": 0, "maximum": 90, "description": "days without an answer before the owner is prompted to ask again; 0 never prompts" },
        "talent_admins_see": { "type": "boolean", "description": "talent admins may read every proposal" } } })
}
