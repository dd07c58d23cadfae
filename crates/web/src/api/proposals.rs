//! `/api/v1/proposals`: proposals sent and received, sending, answering and asking again.

use super::{ApiJson, ApiResult, err};
use crate::AppState;
use crate::api::compass::ApiId;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::proposals::ProposalInput;
use serde::Deserialize;
use serde_json::{Value, json};

/// Proposals the caller sent and received.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let sent = state.app.proposals_sent(&actor).await.map_err(err)?;
    let received = state.app.inbox(&actor).await.map_err(err)?;
    let mut body = json!({ "sent": sent, "received": received });
    if let Some(all) = state
        .app
        .organisation_proposals(&actor)
        .await
        .map_err(err)?
    {
        body["organisation"] = json!(all);
    }
    Ok(Json(body))
}

/// Send a proposal for one of the caller's opportunities.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<ProposalInput>,
) -> ApiResult {
    let p = state.app.propose(&actor, &body).await.map_err(err)?;
    Ok((StatusCode::CREATED, Json(json!(p))).into_response())
}

/// One proposal (owner and sponsor only).
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<Value>> {
    let view = state.app.proposal_view(&actor, id).await.map_err(err)?;
    Ok(Json(json!(view)))
}

/// A sponsor's answer.
#[derive(Debug, Deserialize)]
pub struct AnswerBody {
    answer: String,
    #[serde(default)]
    reason: String,
}

/// Answer a proposal (its sponsor only).
pub async fn answer(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
    ApiJson(body): ApiJson<AnswerBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .answer_proposal(&actor, id, &body.answer, &body.reason)
        .await
        .map_err(err)?;
    get(State(state), ApiUser(actor), ApiId(id)).await
}

/// Asking again.
#[derive(Debug, Deserialize)]
pub struct AskBody {
    #[serde(default)]
    note: String,
}

/// Ask again (owner only).
pub async fn ask_again(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
    ApiJson(body): ApiJson<AskBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .ask_again(&actor, id, &body.note)
        .await
        .map_err(err)?;
    get(State(state), ApiUser(actor), ApiId(id)).await
}

/// A sponsor's record (the sponsor, their manager, talent admins).
pub async fn sponsor(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<Value>> {
    let stats = state.app.sponsor_record(&actor, id).await.map_err(err)?;
    Ok(Json(json!(stats)))
}
