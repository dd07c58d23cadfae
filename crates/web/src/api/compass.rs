//! `/api/v1/compass`: one's own compass (every section), and `/api/v1/people/{id}/compass`:
//! someone else's, with only the sections they share with the caller.

use super::{ApiJson, ApiResult, err};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ladderless_core::compass::{FactorsInput, SkillInput};
use ladderless_domain::compass::Factor;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;

/// An id from the path; a malformed one is a JSON 404, like an unknown one.
pub struct ApiId(pub Uuid);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ApiId {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let not_found = || err(ladderless_core::CoreError::NotFound);
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        raw.parse().map(ApiId).map_err(|_| not_found())
    }
}

/// The caller's own compass.
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state
            .app
            .compass_view(&actor, actor.id())
            .await
            .map_err(err)?
    )))
}

/// Someone's compass, with only what they share with the caller.
pub async fn person(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.app.compass_view(&actor, id).await.map_err(err)?
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
            .await
            .map_err(err)?
    )))
}

/// Someone's compass history, limited to what they share with the caller.
pub async fn person_history(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.app.compass_history(&actor, id).await.map_err(err)?
    )))
}

/// People who share part of their compass with the caller.
pub async fn shared(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "items": state.app.shared_with_me(&actor).await.map_err(err)? }),
    ))
}

/// The ranking and "met" answers.
#[derive(Debug, Deserialize)]
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
        return Err(err(ladderless_core::CoreError::field(
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
        .await
        .map_err(err)?;
    mine(State(state), ApiUser(actor))
        .await
        .map(IntoResponse::into_response)
}

/// A value to add.
#[derive(Debug, Deserialize)]
pub struct ValueBody {
    value: String,
}

/// Add a value.
pub async fn add_value(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<ValueBody>,
) -> ApiResult {
    let v = state.app.add_value(&actor, &b.value).await.map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(v))).into_response())
}

/// Remove a value.
pub async fn remove_value(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult {
    state.app.remove_value(&actor, id).await.map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A skill to add or change.
#[derive(Debug, Deserialize)]
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
    let id = state.app.save_skill(&actor, &input).await.map_err(err)?;
    let view = state
        .app
        .compass_view(&actor, actor.id())
        .await
        .map_err(err)?;
    let skill = view.skills.into_iter().flatten().find(|s| s.id == id);
    Ok(Json(json!(skill)).into_response())
}

/// Remove a skill.
pub async fn remove_skill(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Path(id): Path<String>,
) -> ApiResult {
    state.app.remove_skill(&actor, &id).await.map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Interests and aspirations.
#[derive(Debug, Deserialize)]
pub struct AspirationsBody {
    #[serde(default)]
    interests: String,
    #[serde(default)]
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
        .await
        .map_err(err)?;
    mine(State(state), ApiUser(actor))
        .await
        .map(IntoResponse::into_response)
}

/// A target role, by code or exact title.
#[derive(Debug, Deserialize)]
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
        .await
        .map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(r))).into_response())
}

/// Remove a target role.
pub async fn remove_role(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Path(code): Path<String>,
) -> ApiResult {
    state
        .app
        .remove_target_role(&actor, &code)
        .await
        .map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Who sees a section.
#[derive(Debug, Deserialize)]
pub struct VisibilityBody {
    section: String,
    audience: String,
}

/// Choose who sees one of one's compass sections.
pub async fn set_visibility(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<VisibilityBody>,
) -> Result<Response, Response> {
    state
        .app
        .set_compass_audience(&actor, &b.section, &b.audience)
        .await
        .map_err(err)?;
    Ok(Json(json!({ "section": b.section, "audience": b.audience.trim() })).into_response())
}

/// The JSON schemas of the career-owner request bodies, for the OpenAPI document.
pub fn schema(name: &str) -> Value {
    match name {
        "Factors" => {
            json!({ "type": "object", "required": ["ranking"], "properties": { "ranking": { "type": "array", "items": { "type": "string", "enum": ["status", "autonomy", "meaning", "learning"] }, "minItems": 4, "maxItems": 4 }, "met": { "type": "object", "additionalProperties": { "type": "string", "enum": ["met", "partly", "not_met", ""] } } } })
        }
        "Value" => {
            json!({ "type": "object", "required": ["value"], "properties": { "value": { "type": "string", "maxLength": 80 } } })
        }
        "CompassSkill" => {
            json!({ "type": "object", "required": ["level"], "properties": { "skill_id": { "type": "string" }, "label": { "type": "string" }, "new_skill": { "type": "boolean" }, "level": { "type": "integer", "minimum": 1, "maximum": 5 }, "want_to_grow": { "type": "boolean" }, "evidence": { "type": "string" } } })
        }
        "Aspirations" => {
            json!({ "type": "object", "properties": { "interests": { "type": "string" }, "aspirations": { "type": "string" } } })
        }
        "TargetRole" => {
            json!({ "type": "object", "properties": { "code": { "type": "string" }, "title": { "type": "string" } } })
        }
        "Visibility" => {
            json!({ "type": "object", "required": ["section", "audience"], "properties": { "section": { "type": "string", "enum": ["factors", "values", "skills", "aspirations"] }, "audience": { "type": "string", "enum": ["private", "manager", "talent_team", "everyone"] } } })
        }
        "Customer" => {
            json!({ "type": "object", "required": ["relationship", "strength"], "properties": { "person_id": { "type": "string", "format": "uuid" }, "person": { "type": "string", "description": "e-mail or exact name" }, "team_id": { "type": "string", "format": "uuid" }, "relationship": { "type": "string", "enum": ["manager", "peer", "stakeholder", "sponsor", "mentor", "partner"] }, "goals": { "type": "string" }, "obstacles": { "type": "string" }, "notes": { "type": "string" }, "strength": { "type": "integer", "minimum": 1, "maximum": 5 }, "last_contact": { "type": "string", "format": "date" }, "next_contact": { "type": "string", "format": "date" } } })
        }
        "Conversation" => {
            json!({ "type": "object", "required": ["kind", "customers"], "properties": { "held_on": { "type": "string", "format": "date" }, "kind": { "type": "string", "enum": ["discovery", "career", "follow_up"] }, "title": { "type": "string" }, "learned": { "type": "string" }, "customers": { "type": "array", "items": { "type": "string", "format": "uuid" } }, "questions": { "type": "array", "items": { "type": "string" } }, "bank": { "type": "array", "items": { "type": "string" } }, "needs": { "type": "array", "items": { "type": "object", "required": ["need"], "properties": { "customer_id": { "type": "string" }, "need": { "type": "string" }, "evidence": { "type": "string" } } } }, "follow_ups": { "type": "array", "items": { "type": "object", "required": ["action", "due_on"], "properties": { "customer_id": { "type": "string" }, "action": { "type": "string" }, "due_on": { "type": "string", "format": "date" } } } } } })
        }
        "Done" => {
            json!({ "type": "object", "required": ["done"], "properties": { "done": { "type": "boolean" } } })
        }
        "Text" => {
            json!({ "type": "object", "required": ["text"], "properties": { "text": { "type": "string" } } })
        }
        _ => json!({ "type": "object" }),
    }
}
