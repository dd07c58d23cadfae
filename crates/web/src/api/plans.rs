//! `/api/v1/plans`: career plans. Private to their owner unless shared with the owner's
//! manager; only the owner changes one; the manager of a shared plan may log reviews.

use super::{ApiJson, ApiResult, err};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ladderless_core::CoreError;
use ladderless_core::plans::{ItemInput, MilestoneInput, PlanInput};
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Ids from the path (`{id}` and an item's or milestone's `{sub}`); malformed ones are a JSON 404.
pub struct Ids(pub Uuid, pub Option<Uuid>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Ids {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let not_found = || err(CoreError::NotFound);
        let axum::extract::Path(raw) =
            axum::extract::Path::<HashMap<String, String>>::from_request_parts(parts, state)
                .await
                .map_err(|_| not_found())?;
        let id = raw
            .get("id")
            .and_then(|v| v.parse().ok())
            .ok_or_else(not_found)?;
        let sub = match raw.get("sub") {
            Some(v) => Some(v.parse().map_err(|_| not_found())?),
            None => None,
        };
        Ok(Ids(id, sub))
    }
}

async fn view(state: &AppState, actor: &ladderless_core::Actor, id: Uuid) -> ApiResult<Value> {
    Ok(json!(
        state.app.plan_view(actor, id.into()).await.map_err(err)?
    ))
}

/// My plans, plans shared with me, and the start-early prompt.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let app = &state.app;
    let mine = app.my_plans(&actor).await.map_err(err)?;
    let shared = app.plans_shared_with_me(&actor).await.map_err(err)?;
    let home = app.home_plan(&actor).await.map_err(err)?;
    Ok(Json(
        json!({ "mine": mine, "shared_with_me": shared, "start_early": home.start_early }),
    ))
}

/// Start a plan with its first items and milestones.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(input): ApiJson<PlanInput>,
) -> ApiResult {
    let plan = state.app.create_plan(&actor, &input).await.map_err(err)?;
    Ok((
        StatusCode::CREATED,
        Json(view(&state, &actor, plan.id.uuid()).await?),
    )
        .into_response())
}

/// Which path to draft from.
#[derive(Debug, Deserialize)]
pub struct DraftQuery {
    from: Option<String>,
    to: Option<String>,
    path: Option<usize>,
}

/// A plan drafted from a path (not saved): POST it to /plans to start it.
pub async fn draft(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Query(q): Query<DraftQuery>,
) -> ApiResult<Json<Value>> {
    let from = q.from.or(actor.person.role_code.clone()).ok_or_else(|| {
        err(CoreError::field(
            "from",
            "is required (your role is not set)",
        ))
    })?;
    let to =
        q.to.ok_or_else(|| err(CoreError::field("to", "is required")))?;
    Ok(Json(json!(
        state
            .app
            .plan_draft(&actor, &from, &to, q.path.unwrap_or(1))
            .await
            .map_err(err)?
    )))
}

/// One plan with its alignment, milestones and reviews.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, _): Ids,
) -> ApiResult<Json<Value>> {
    Ok(Json(view(&state, &actor, id).await?))
}

/// Change the title, business case, cadence and sharing.
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, _): Ids,
    ApiJson(input): ApiJson<PlanInput>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .update_plan(&actor, id.into(), &input)
        .await
        .map_err(err)?;
    Ok(Json(view(&state, &actor, id).await?))
}

/// Delete a plan.
pub async fn delete(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, _): Ids,
) -> ApiResult {
    state
        .app
        .delete_plan(&actor, id.into())
        .await
        .map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Sharing body.
#[derive(Debug, Deserialize)]
pub struct SharingBody {
    #[serde(default)]
    sharing: String,
}

/// Share with the manager or make private.
pub async fn sharing(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, _): Ids,
    ApiJson(b): ApiJson<SharingBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .set_plan_sharing(&actor, id.into(), &b.sharing)
        .await
        .map_err(err)?;
    Ok(Json(view(&state, &actor, id).await?))
}

/// Add a goal or growth item.
pub async fn add_item(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, _): Ids,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult {
    let item = state
        .app
        .add_plan_item(&actor, id.into(), &input)
        .await
        .map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(item))).into_response())
}

/// Done body.
#[derive(Debug, Deserialize)]
pub struct DoneBody {
    done: bool,
}

/// Mark an item done or not.
pub async fn item_done(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, sub): Ids,
    ApiJson(b): ApiJson<DoneBody>,
) -> ApiResult {
    let sub = sub.ok_or_else(|| err(CoreError::NotFound))?;
    state
        .app
        .set_plan_item_done(&actor, id.into(), sub.into(), b.done)
        .await
        .map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Remove an item.
pub async fn remove_item(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, sub): Ids,
) -> ApiResult {
    let sub = sub.ok_or_else(|| err(CoreError::NotFound))?;
    state
        .app
        .remove_plan_item(&actor, id.into(), sub.into())
        .await
        .map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Add a milestone.
pub async fn add_milestone(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, _): Ids,
    ApiJson(input): ApiJson<MilestoneInput>,
) -> ApiResult {
    let m = state
        .app
        .add_milestone(&actor, id.into(), &input)
        .await
        .map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(m))).into_response())
}

/// Mark a milestone done (today) or open again.
pub async fn milestone_done(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, sub): Ids,
    ApiJson(b): ApiJson<DoneBody>,
) -> ApiResult {
    let sub = sub.ok_or_else(|| err(CoreError::NotFound))?;
    state
        .app
        .set_milestone_done(&actor, id.into(), sub.into(), b.done)
        .await
        .map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Remove a milestone.
pub async fn remove_milestone(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, sub): Ids,
) -> ApiResult {
    let sub = sub.ok_or_else(|| err(CoreError::NotFound))?;
    state
        .app
        .remove_milestone(&actor, id.into(), sub.into())
        .await
        .map_err(err)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Review body.
#[derive(Debug, Deserialize)]
pub struct ReviewBody {
    #[serde(default)]
    note: String,
}

/// Log a review (owner, or the manager of a shared plan).
pub async fn add_review(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    Ids(id, _): Ids,
    ApiJson(b): ApiJson<ReviewBody>,
) -> ApiResult {
    let r = state
        .app
        .add_review(&actor, id.into(), &b.note)
        .await
        .map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(r))).into_response())
}

/// The JSON schemas of the request bodies, for the OpenAPI document.
pub fn schema(name: &str) -> Value {
    let item = json!({ "type": "object", "required": ["section", "kind", "label"], "properties": {
        "section": { "type": "string", "enum": ["goal", "growth"] },
        "kind": { "type": "string", "enum": ["role", "direction", "experience", "skill", "opportunity", "pilot", "mentoring", "training"] },
        "reference": { "type": "string", "description": "role code, or the id of a direction, opportunity, pilot's opportunity, skill or mentor" },
        "label": { "type": "string" } } });
    let milestone = json!({ "type": "object", "required": ["title", "due_on"], "properties": {
        "title": { "type": "string" }, "due_on": { "type": "string", "format": "date" } } });
    match name {
        "PlanInput" => json!({ "type": "object", "required": ["title"], "properties": {
            "title": { "type": "string" }, "business_case": { "type": "string" },
            "cadence": { "type": "string", "enum": ["monthly", "quarterly", "half_yearly"] },
            "sharing": { "type": "string", "enum": ["private", "manager"] },
            "items": { "type": "array", "items": item, "description": "on create only" },
            "milestones": { "type": "array", "items": milestone, "description": "on create only" } } }),
        "PlanItem" => item,
        "Milestone" => milestone,
        "PlanSharing" => {
            json!({ "type": "object", "required": ["sharing"], "properties": { "sharing": { "type": "string", "enum": ["private", "manager"] } } })
        }
        "DoneFlag" => {
            json!({ "type": "object", "required": ["done"], "properties": { "done": { "type": "boolean" } } })
        }
        _ => {
            json!({ "type": "object", "required": ["note"], "properties": { "note": { "type": "string" } } })
        }
    }
}
