//! `/api/v1/skills`: the skills taxonomy (type-ahead) and organisation skills.

use super::records::ToRecord;
use super::{ApiJson, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::{Value, json};

/// Skill search.
#[derive(Debug, Deserialize)]
pub struct SkillsQuery {
    q: Option<String>,
    limit: Option<usize>,
}

/// Search skills by label.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    ApiQuery(q): ApiQuery<SkillsQuery>,
) -> ApiResult<Json<Value>> {
    let limit = q.limit.unwrap_or(20).clamp(1, 200);
    let items = state
        .app
        .search_skills(q.q.as_deref().unwrap_or(""), limit)
        .await?;
    Ok(Json(json!({ "items": items })))
}

/// New organisation skill.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSkill {
    label: String,
    #[serde(default)]
    description: String,
}

/// Add an organisation skill (talent admins).
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<NewSkill>,
) -> ApiResult {
    let skill = state
        .app
        .create_org_skill(&actor, &body.label, &body.description)
        .await?;
    Ok((StatusCode::CREATED, Json(json!(skill.record()))).into_response())
}
