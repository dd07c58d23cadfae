//! `/api/v1/compass`: one's own compass (every section), and `/api/v1/people/{id}/compass`:
//! someone else's, with only the sections they share with the caller.

use super::records::ToRecord;
use super::{ApiError, ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::compass::{FactorsInput, SkillInput};
use ladderless_domain::compass::Factor;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;

/// The caller's own compass.
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.app.compass_view(&actor, actor.id()).await?.record()
    )))
}

/// Someone's compass, with only what they share with the caller.
pub async fn person(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.app.compass_view(&actor, id).await?.record()
    )))
}

/// The caller's compass history.
pub async fn history(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state
            .app
            .compass_history(&actor, actor.id())
            .await?
            .record()
    )))
}

/// Someone's compass history, limited to what they share with the caller.
pub async fn person_history(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.app.compass_history(&actor, id).await?.record()
    )))
}

/// People who share part of their compass with the caller.
pub async fn shared(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "items": state.app.shared_with_me(&actor).await?.record() }),
    ))
}

/// The ranking and "met" answers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorsBody {
    ranking: Vec<String>,
    #[serde(default)]
    met: Option<HashMap<String, Option<String>>>,
}

/// Rank the four factors (and optionally say how well the job meets each).
pub async fn save_factors(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<FactorsBody>,
) -> ApiResult {
    if let Some(m) = &b.met
        && let Some(k) = m.keys().find(|k| Factor::from_code(k).is_none())
    {
        return Err(ApiError::from(ladderless_core::CoreError::field(
            "met",
            format!(
                "has an unknown factor “{}”",
                k.chars().take(40).collect::<String>()
            ),
        )));
    }
    let met = b
        .met
        .map(|m| Factor::ALL.map(|f| m.get(f.code()).cloned().flatten().unwrap_or_default()));
    state
        .app
        .save_factors(
            &actor,
            &FactorsInput {
                ranking: b.ranking,
                met,
                step: None,
            },
        )
        .await?;
    mine(State(state), ApiUser(actor))
        .await
        .map(IntoResponse::into_response)
}

/// A value to add.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueBody {
    value: String,
}

/// Add a value.
pub async fn add_value(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<ValueBody>,
) -> ApiResult {
    let v = state.app.add_value(&actor, &b.value).await?;
    Ok((StatusCode::CREATED, Json(json!(v.record()))).into_response())
}

/// Remove a value.
pub async fn remove_value(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult {
    state.app.remove_value(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A skill to add or change.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillBody {
    #[serde(default)]
    skill_id: Option<String>,
    #[serde(default)]
    label: String,
    #[serde(default)]
    new_skill: bool,
    level: i64,
    #[serde(default)]
    want_to_grow: bool,
    #[serde(default)]
    evidence: String,
}

/// Add or change a skill (by taxonomy id, exact label, or a new label with `new_skill`).
pub async fn save_skill(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<SkillBody>,
) -> ApiResult {
    let input = SkillInput {
        skill_id: b.skill_id,
        label: b.label,
        new_skill: b.new_skill,
        level: b.level.to_string(),
        want_to_grow: b.want_to_grow,
        evidence: b.evidence,
    };
    let id = state.app.save_skill(&actor, &input).await?;
    let view = state.app.compass_view(&actor, actor.id()).await?;
    let skill = view.skills.into_iter().flatten().find(|s| s.id == id);
    Ok(Json(json!(skill)).into_response())
}

/// Remove a skill.
pub async fn remove_skill(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> ApiResult {
    state.app.remove_skill(&actor, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Interests and aspirations.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspirationsBody {
    interests: String,
    aspirations: String,
}

/// Rewrite interests and aspirations.
pub async fn save_aspirations(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<AspirationsBody>,
) -> ApiResult {
    state
        .app
        .save_aspirations(&actor, &b.interests, &b.aspirations)
        .await?;
    mine(State(state), ApiUser(actor))
        .await
        .map(IntoResponse::into_response)
}

/// A target role, by code or exact title.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleBody {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    title: String,
}

/// Add a target role.
pub async fn add_role(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<RoleBody>,
) -> ApiResult {
    let r = state
        .app
        .add_target_role(&actor, b.code.as_deref(), &b.title)
        .await?;
    Ok((StatusCode::CREATED, Json(json!(r))).into_response())
}

/// Remove a target role.
pub async fn remove_role(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(code): ApiPath<String>,
) -> ApiResult {
    state.app.remove_target_role(&actor, &code).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Who sees a section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisibilityBody {
    section: String,
    audience: String,
}

/// Choose who sees one of one's compass sections.
pub async fn set_visibility(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<VisibilityBody>,
) -> ApiResult {
    state
        .app
        .set_compass_audience(&actor, &b.section, &b.audience)
        .await?;
    Ok(Json(json!({ "section": b.section, "audience": b.audience.trim() })).into_response())
}
