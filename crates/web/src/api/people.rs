//! `/api/v1/people`: the directory and a person, filtered for the caller.

use super::{ApiPath, ApiQuery, ApiResult, Paging};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// Directory query (fields listed, not flattened: serde's flatten cannot parse numbers from
/// a query string).
#[derive(Debug, Deserialize)]
pub struct PeopleQuery {
    q: Option<String>,
    page: Option<i64>,
    per_page: Option<i64>,
}

/// Search or list people.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<PeopleQuery>,
) -> ApiResult<Json<Value>> {
    let (page, per_page) = Paging {
        page: q.page,
        per_page: q.per_page,
    }
    .get();
    let items = state
        .app
        .directory(&actor, q.q.as_deref().unwrap_or(""), page, per_page)
        .await?;
    Ok(Json(
        json!({ "items": items, "page": page, "per_page": per_page }),
    ))
}

/// One person, with only what the caller may see.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let v = state.app.person_view(&actor, id).await?;
    Ok(Json(json!(v)))
}
