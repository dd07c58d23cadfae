//! `/api/v1/roles`: the role catalogue, and organisation roles added by talent admins.

use super::records::ToRecord;
use super::{ApiError, ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_catalogue::Role;
use ladderless_core::CoreError;
use serde::Deserialize;
use serde_json::{Value, json};

/// Role search.
#[derive(Debug, Deserialize)]
pub struct RolesQuery {
    q: Option<String>,
    limit: Option<usize>,
}

/// Search roles by title or alternate title.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    ApiQuery(q): ApiQuery<RolesQuery>,
) -> ApiResult<Json<Value>> {
    let limit = q.limit.unwrap_or(50).clamp(1, 2000);
    let items = state
        .app
        .search_roles(q.q.as_deref().unwrap_or(""), limit)
        .await?;
    Ok(Json(json!({ "items": items })))
}

fn role_json(app: &ladderless_core::App, r: &Role) -> Value {
    let rating = |v: &[ladderless_catalogue::Rating]| -> Vec<Value> {
        v.iter().map(|x| json!({ "id": x.element_id, "name": x.name, "importance": x.importance, "level": x.level })).collect()
    };
    let score = |v: &[ladderless_catalogue::Score]| -> Vec<Value> {
        v.iter()
            .map(|x| json!({ "id": x.element_id, "name": x.name, "value": x.value }))
            .collect()
    };
    json!({
        "code": r.code, "title": r.title, "description": r.description, "job_zone": r.job_zone,
        "family": r.family().name, "organisation": false,
        "education": r.education, "experience": r.experience,
        "alternate_titles": r.alternate_titles,
        "tasks": r.tasks.iter().map(|t| json!({ "text": t.text, "core": matches!(t.kind, ladderless_catalogue::TaskKind::Core) })).collect::<Vec<_>>(),
        "work_activities": r.dwas.iter().filter_map(|d| app.catalogue.dwa_title(*d)).collect::<Vec<_>>(),
        "skills": rating(&r.skills), "knowledge": rating(&r.knowledge),
        "work_values": score(&r.work_values), "interests": score(&r.interests),
        "technology": r.technology.iter().map(|t| json!({ "name": t.name, "hot": t.hot })).collect::<Vec<_>>(),
        "taxonomy_skills": r.esco_skills.iter().filter_map(|s| app.catalogue.skill(&s.skill_id).map(|k| json!({ "id": k.id, "label": k.label, "essential": s.essential, "weight": s.weight }))).collect::<Vec<_>>(),
    })
}

/// One role, catalogue or organisation.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(code): ApiPath<String>,
) -> ApiResult<Json<Value>> {
    if let Some(r) = state.app.catalogue.role(&code) {
        return Ok(Json(role_json(&state.app, r)));
    }
    let role = state
        .app
        .store
        .org_role(&code)
        .await?
        .ok_or_else(|| ApiError::from(CoreError::NotFound))?;
    let skills = state.app.store.org_role_skills(&code).await?;
    Ok(Json(
        json!({ "code": role.code, "title": role.title, "description": role.description, "organisation": true, "skills": skills, "created_at": role.created_at.to_string() }),
    ))
}

/// New organisation role.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRole {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    skills: Vec<String>,
}

/// Add an organisation role (talent admins).
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<NewRole>,
) -> ApiResult {
    let role = state
        .app
        .create_org_role(&actor, &body.title, &body.description, &body.skills)
        .await?;
    Ok((StatusCode::CREATED, Json(json!(role.record()))).into_response())
}
