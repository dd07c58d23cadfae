//! `/api/v1/conversations`, `/api/v1/follow-ups` and `/api/v1/needs`: the caller's own
//! discovery conversations and what came out of them.

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::conversations::ConversationInput;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// The caller's conversations, newest first.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "items": state.app.conversation_lines(&actor, None).await?.record() }),
    ))
}

/// One conversation, each question judged by the coach.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state.app.conversation_view(&actor, id).await?.record()
    )))
}

/// A need in a new conversation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedBody {
    #[serde(default)]
    customer_id: Option<Uuid>,
    need: String,
    #[serde(default)]
    evidence: String,
}

/// A follow-up in a new conversation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpBody {
    #[serde(default)]
    customer_id: Option<Uuid>,
    action: String,
    due_on: String,
}

/// A new conversation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationBody {
    #[serde(default, deserialize_with = "super::extract::iso_date_text_opt")]
    held_on: Option<String>,
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    learned: String,
    customers: Vec<Uuid>,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    bank: Vec<String>,
    #[serde(default)]
    needs: Vec<NeedBody>,
    #[serde(default)]
    follow_ups: Vec<FollowUpBody>,
}

/// Log a conversation with everything in it, all or nothing.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<ConversationBody>,
) -> ApiResult {
    let input = ConversationInput {
        held_on: b.held_on.unwrap_or_default(),
        kind: b.kind,
        title: b.title,
        learned: b.learned,
        customers: b.customers.iter().map(Uuid::to_string).collect(),
        questions: b
            .questions
            .iter()
            .map(|q| q.replace(['\r', '\n'], " "))
            .collect::<Vec<_>>()
            .join("\n"),
        bank: b.bank,
        needs: b
            .needs
            .into_iter()
            .map(|n| (id_text(n.customer_id), n.need, n.evidence))
            .collect(),
        follow_ups: b
            .follow_ups
            .into_iter()
            .map(|f| (id_text(f.customer_id), f.action, f.due_on))
            .collect(),
    };
    let id = state.app.create_conversation(&actor, &input).await?;
    let v = state.app.conversation_view(&actor, id).await?;
    Ok((StatusCode::CREATED, Json(json!(v.record()))).into_response())
}

/// An optional id as core reads it: blank when absent.
fn id_text(id: Option<Uuid>) -> String {
    id.map(|id| id.to_string()).unwrap_or_default()
}

/// Delete a conversation.
pub async fn delete(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult {
    state.app.delete_conversation(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Which follow-ups.
#[derive(Debug, Deserialize)]
pub struct FollowUpsQuery {
    #[serde(default)]
    all: bool,
}

/// Open follow-ups due within a week (or overdue); every open one with `?all=true`.
pub async fn follow_ups(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<FollowUpsQuery>,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "items": state.app.follow_ups_due(&actor, q.all).await?.record() }),
    ))
}

/// Done or not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneBody {
    done: bool,
}

/// Mark a follow-up done (or open again).
pub async fn set_follow_up(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<DoneBody>,
) -> ApiResult {
    state.app.set_follow_up_done(&actor, id, b.done).await?;
    Ok(Json(json!({ "id": id, "done": b.done })).into_response())
}

/// The caller's needs discovered, newest first.
pub async fn needs(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "items": state.app.needs(&actor, None).await?.record() }),
    ))
}
