//! `/api/v1/plans`: career plans. Private to their owner unless shared with the owner's
//! manager; only the owner changes one; the manager of a shared plan may log reviews.

use super::records::ToRecord;
use super::{ApiError, ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::CoreError;
use ladderless_core::plans::{ItemInput, MilestoneInput, PlanInput};
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

async fn view(state: &AppState, actor: &ladderless_core::Actor, id: Uuid) -> ApiResult<Value> {
    Ok(json!(state.app.plan_view(actor, id.into()).await?.record()))
}

/// My plans, plans shared with me, and the start-early prompt.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let app = &state.app;
    let mine = app.my_plans(&actor).await?;
    let shared = app.plans_shared_with_me(&actor).await?;
    let home = app.home_plan(&actor).await?;
    Ok(Json(
        json!({ "mine": mine.record(), "shared_with_me": shared.record(), "start_early": home.start_early }),
    ))
}

/// Start a plan with its first items and milestones.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(input): ApiJson<PlanInput>,
) -> ApiResult {
    let plan = state.app.create_plan(&actor, &input).await?;
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
    ApiQuery(q): ApiQuery<DraftQuery>,
) -> ApiResult<Json<Value>> {
    let from = q.from.or(actor.person.role_code.clone()).ok_or_else(|| {
        ApiError::from(CoreError::field(
            "from",
            "is required (your role is not set)",
        ))
    })?;
    let to =
        q.to.ok_or_else(|| ApiError::from(CoreError::field("to", "is required")))?;
    Ok(Json(json!(
        state
            .app
            .plan_draft(&actor, &from, &to, q.path.unwrap_or(1))
            .await?
    )))
}

/// One plan with its alignment, milestones and reviews.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    Ok(Json(view(&state, &actor, id).await?))
}

/// Change the title, business case, cadence and sharing.
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<PlanInput>,
) -> ApiResult<Json<Value>> {
    state.app.update_plan(&actor, id.into(), &input).await?;
    Ok(Json(view(&state, &actor, id).await?))
}

/// Delete a plan.
pub async fn delete(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult {
    state.app.delete_plan(&actor, id.into()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Sharing body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharingBody {
    sharing: String,
}

/// Share with the manager or make private.
pub async fn sharing(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<SharingBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .set_plan_sharing(&actor, id.into(), &b.sharing)
        .await?;
    Ok(Json(view(&state, &actor, id).await?))
}

/// Add a goal or growth item.
pub async fn add_item(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<ItemInput>,
) -> ApiResult {
    let item = state.app.add_plan_item(&actor, id.into(), &input).await?;
    Ok((StatusCode::CREATED, Json(json!(item.record()))).into_response())
}

/// Done body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneBody {
    done: bool,
}

/// Mark an item done or not.
pub async fn item_done(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath((id, sub)): ApiPath<(Uuid, Uuid)>,
    ApiJson(b): ApiJson<DoneBody>,
) -> ApiResult {
    state
        .app
        .set_plan_item_done(&actor, id.into(), sub.into(), b.done)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Remove an item.
pub async fn remove_item(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath((id, sub)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult {
    state
        .app
        .remove_plan_item(&actor, id.into(), sub.into())
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Add a milestone.
pub async fn add_milestone(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<MilestoneInput>,
) -> ApiResult {
    let m = state.app.add_milestone(&actor, id.into(), &input).await?;
    Ok((StatusCode::CREATED, Json(json!(m.record()))).into_response())
}

/// Mark a milestone done (today) or open again.
pub async fn milestone_done(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath((id, sub)): ApiPath<(Uuid, Uuid)>,
    ApiJson(b): ApiJson<DoneBody>,
) -> ApiResult {
    state
        .app
        .set_milestone_done(&actor, id.into(), sub.into(), b.done)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Remove a milestone.
pub async fn remove_milestone(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath((id, sub)): ApiPath<(Uuid, Uuid)>,
) -> ApiResult {
    state
        .app
        .remove_milestone(&actor, id.into(), sub.into())
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Review body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    #[serde(default)]
    note: String,
}

/// Log a review (owner, or the manager of a shared plan).
pub async fn add_review(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<ReviewBody>,
) -> ApiResult {
    let r = state.app.add_review(&actor, id.into(), &b.note).await?;
    Ok((StatusCode::CREATED, Json(json!(r.record()))).into_response())
}
