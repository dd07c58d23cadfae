//! `/api/v1/proposals`: proposals sent and received, sending, answering and asking again.

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::proposals::ProposalInput;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// Proposals the caller sent and received.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let sent = state.app.proposals_sent(&actor).await?;
    let received = state.app.inbox(&actor).await?;
    let mut body = json!({ "sent": sent.record(), "received": received.record() });
    if let Some(all) = state.app.organisation_proposals(&actor).await? {
        body["organisation"] = json!(all.record());
    }
    Ok(Json(body))
}

/// Send a proposal for one of the caller's opportunities.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<ProposalInput>,
) -> ApiResult {
    let p = state.app.propose(&actor, &body).await?;
    Ok((StatusCode::CREATED, Json(json!(p.record()))).into_response())
}

/// One proposal (owner and sponsor only).
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let view = state.app.proposal_view(&actor, id).await?;
    Ok(Json(json!(view.record())))
}

/// A sponsor's answer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    answer: String,
    #[serde(default)]
    reason: String,
}

/// Answer a proposal (its sponsor only).
pub async fn answer(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AnswerBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .answer_proposal(&actor, id, &body.answer, &body.reason)
        .await?;
    get(State(state), ApiUser(actor), ApiPath(id)).await
}

/// Asking again.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskBody {
    #[serde(default)]
    note: String,
}

/// Ask again (owner only).
pub async fn ask_again(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AskBody>,
) -> ApiResult<Json<Value>> {
    state.app.ask_again(&actor, id, &body.note).await?;
    get(State(state), ApiUser(actor), ApiPath(id)).await
}

/// A sponsor's record (the sponsor, their manager, talent admins).
pub async fn sponsor(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let stats = state.app.sponsor_record(&actor, id).await?;
    Ok(Json(json!(stats)))
}
