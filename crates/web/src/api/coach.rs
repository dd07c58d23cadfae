//! `/api/v1/coach/question`, `/api/v1/coach/pitch` and `/api/v1/questions`: the coaches and the
//! question bank. Nothing is stored.

use super::{ApiJson, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_core::conversations::AskedQuestion;
use serde::Deserialize;
use serde_json::{Value, json};

/// Text to judge.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextBody {
    text: String,
}

/// Judge a question: openness, focus, leading, multiple, reasons and a reframe.
pub async fn question(
    ApiUser(_): ApiUser,
    ApiJson(b): ApiJson<TextBody>,
) -> ApiResult<Json<Value>> {
    let q = AskedQuestion::judge(b.text, String::new());
    let mut v = json!(q.verdict);
    v["open"] = json!(q.open);
    v["about"] = json!(q.about);
    v["reword"] = json!(q.reword);
    Ok(Json(v))
}

/// Judge a pitch: self versus customer share, phrases to reconsider, a suggested opening.
pub async fn pitch(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    ApiJson(b): ApiJson<TextBody>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(state.app.coach_pitch(&b.text))))
}

/// Which theme.
#[derive(Debug, Deserialize)]
pub struct ThemeQuery {
    theme: Option<String>,
}

/// The question bank by theme.
pub async fn bank(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    ApiQuery(q): ApiQuery<ThemeQuery>,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "themes": state.app.question_bank(q.theme.as_deref())? }),
    ))
}
