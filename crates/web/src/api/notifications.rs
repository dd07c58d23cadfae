//! `/api/v1/notifications`: the caller's notifications, marking read, and their channel per
//! kind.

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// `?page=`.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    page: Option<i64>,
}

/// The caller's notifications, newest first, a page at a time, with the unread count.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Value>> {
    let l = state
        .app
        .my_notifications(&actor, q.page.unwrap_or(1))
        .await?;
    Ok(Json(json!({
        "items": l.items.record(),
        "page": l.page,
        "per_page": l.per_page,
        "total": l.total,
        "unread": l.unread,
    })))
}

/// Mark one of the caller's notifications read (anyone else's: 404).
pub async fn read(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let n = state.app.mark_notification_read(&actor, id).await?;
    Ok(Json(json!(n.record())))
}

/// Mark every notification of the caller read.
pub async fn read_all(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let marked = state.app.mark_all_notifications_read(&actor).await?;
    Ok(Json(json!({ "marked": marked })))
}

/// The caller's channel for every kind.
pub async fn preferences(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let prefs = state.app.notification_preferences(&actor).await?;
    Ok(Json(json!({ "items": prefs.record() })))
}

/// One choice.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreferenceBody {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    channel: String,
}

/// Choose where one kind goes; answers every kind's channel.
pub async fn set_preference(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<PreferenceBody>,
) -> ApiResult<Json<Value>> {
    state
        .app
        .set_notification_preference(&actor, &body.kind, &body.channel)
        .await?;
    preferences(State(state), ApiUser(actor)).await
}
