//! `/api/v1/guides`: the career-conversation guides, and a practice round judged by the coach.
//! Nothing is stored.

use super::{ApiJson, ApiPath, ApiResult};
use crate::extract::ApiUser;
use axum::Json;
use ladderless_core::CoreError;
use ladderless_domain::coach::MAX_QUESTION_CHARS;
use ladderless_domain::guides::{GUIDES, PRACTICE_SLOTS, guide, judge_practice_for};
use serde::Deserialize;
use serde_json::{Value, json};

/// Every guide.
pub async fn list(ApiUser(_): ApiUser) -> ApiResult<Json<Value>> {
    Ok(Json(json!({ "items": GUIDES })))
}

/// One guide.
pub async fn get(ApiUser(_): ApiUser, ApiPath(slug): ApiPath<String>) -> ApiResult<Json<Value>> {
    let g = guide(&slug).ok_or(CoreError::NotFound)?;
    Ok(Json(json!(g)))
}

/// Questions drafted for practice.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeBody {
    questions: Vec<String>,
}

/// Judge up to five drafted questions against the guide's topic.
pub async fn practice(
    ApiUser(_): ApiUser,
    ApiPath(slug): ApiPath<String>,
    ApiJson(b): ApiJson<PracticeBody>,
) -> ApiResult<Json<Value>> {
    let g = guide(&slug).ok_or(CoreError::NotFound)?;
    let questions: Vec<&String> = b
        .questions
        .iter()
        .filter(|q| !q.trim().is_empty())
        .collect();
    if questions.is_empty() || questions.len() > PRACTICE_SLOTS {
        return Err(CoreError::field(
            "questions",
            format!("must hold between 1 and {PRACTICE_SLOTS} questions"),
        )
        .into());
    }
    if questions
        .iter()
        .any(|q| q.chars().count() > MAX_QUESTION_CHARS)
    {
        return Err(CoreError::field(
            "questions",
            format!("each must be at most {MAX_QUESTION_CHARS} characters"),
        )
        .into());
    }
    let items: Vec<Value> = questions
        .iter()
        .map(|q| {
            let p = judge_practice_for(g, q);
            let pitfalls: Vec<Value> = p
                .pitfalls
                .iter()
                .map(|f| json!({ "pitfall": f, "label": f.label(), "advice": f.advice() }))
                .collect();
            json!({ "text": p.text, "good": p.is_good(), "pitfalls": pitfalls,
                    "instead": p.instead, "verdict": p.verdict })
        })
        .collect();
    let good = items.iter().filter(|v| v["good"] == json!(true)).count();
    Ok(Json(json!({ "good": good, "items": items })))
}
