//! `/api/v1/teams`: the team tree and a team.

use super::records::ToRecord;
use super::{ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_store::Uuid;
use serde_json::{Value, json};

/// Every team, nested, with head counts.
pub async fn list(State(state): State<AppState>, ApiUser(_): ApiUser) -> ApiResult<Json<Value>> {
    let tree = state.app.org_chart().await?;
    Ok(Json(json!({ "items": tree.record() })))
}

/// One team with its members and sub-teams.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let (team, members, children) = state.app.team_view(id).await?;
    Ok(Json(
        json!({ "team": team.record(), "members": members.record(), "children": children.record() }),
    ))
}
