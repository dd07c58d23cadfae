//! `/api/v1/settings/proposals`: the organisation's proposal settings (talent admins).

use super::{ApiJson, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_core::settings::ProposalSettings;
use serde::Deserialize;
use serde_json::Value;

/// The proposal settings (talent admins).
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<ProposalSettings>> {
    actor.require_talent_admin()?;
    Ok(Json(state.app.proposal_settings().await?))
}

/// New proposal settings; a missing field keeps its current value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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
    actor.require_talent_admin()?;
    let current = state.app.proposal_settings().await?;
    // Numbers and numeric strings are both accepted; anything else is a field error in core.
    let days = match b.ask_again_days {
        None => current.ask_again_days.to_string(),
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
    };
    let see = b.talent_admins_see.unwrap_or(current.talent_admins_see);
    Ok(Json(
        state.app.set_proposal_settings(&actor, &days, see).await?,
    ))
}
