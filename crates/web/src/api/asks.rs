//! `/api/v1/asks`: asks of one's manager (or someone above), their answers and asking again.
//! Only the asker and the person asked see an ask.

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use ladderless_domain::ask::AskInput;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// My asks and the asks put to me.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let mine = state.app.my_asks(&actor).await?;
    let to_me = state.app.asks_to_me(&actor).await?;
    Ok(Json(
        json!({ "mine": mine.record(), "asked_of_me": to_me.record() }),
    ))
}

/// A new ask.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAskBody {
    what: String,
    #[serde(default)]
    asked_of: Option<Uuid>,
    #[serde(default)]
    want: String,
    #[serde(default)]
    offer: String,
    #[serde(default)]
    questions: Vec<String>,
    #[serde(default)]
    wait_days: Option<i32>,
}

/// Record an ask (of my manager unless `asked_of` names someone above them).
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<NewAskBody>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let input = AskInput {
        what: b.what,
        want: b.want,
        offer: b.offer,
        questions: b.questions,
        wait_days: b.wait_days.map(|d| d.to_string()).unwrap_or_default(),
    };
    let id = state.app.create_ask(&actor, b.asked_of, &input).await?;
    let v = state.app.ask_view(&actor, id).await?;
    Ok((StatusCode::CREATED, Json(json!(v.record()))))
}

/// One ask with its history.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(state.app.ask_view(&actor, id).await?.record())))
}

/// An answer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskAnswerBody {
    answer: String,
    #[serde(default)]
    note: String,
}

/// Record the answer (either of its two people).
pub async fn answer(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<AskAnswerBody>,
) -> ApiResult<Json<Value>> {
    state.app.answer_ask(&actor, id, &b.answer, &b.note).await?;
    get(State(state), ApiUser(actor), ApiPath(id)).await
}

/// What changed since, when asking again.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskAgainBody {
    #[serde(default)]
    note: String,
}

/// Ask again (the asker only).
pub async fn again(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<AskAgainBody>,
) -> ApiResult<Json<Value>> {
    state.app.repeat_ask(&actor, id, &b.note).await?;
    get(State(state), ApiUser(actor), ApiPath(id)).await
}

/// Withdraw (the asker only).
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    state.app.withdraw_ask(&actor, id).await?;
    get(State(state), ApiUser(actor), ApiPath(id)).await
}
