//! `/api/v1/curated-moves`: moves between roles added, hidden or annotated by talent admins.

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::curated::CuratedInput;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// Every curated move with role titles (talent admins).
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "items": state.app.curated_moves(&actor).await?.record() }),
    ))
}

/// Curate a move: `from` and `to` are role codes (or exact titles); `action` is add (default),
/// annotate or remove.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(body): ApiJson<CuratedInput>,
) -> ApiResult {
    let m = state.app.add_curated_move(&actor, &body).await?;
    Ok((StatusCode::CREATED, Json(json!(m.record()))).into_response())
}

/// A new note.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteBody {
    #[serde(default)]
    note: String,
}

/// Change the note of a curated move.
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<NoteBody>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        state
            .app
            .update_curated_note(&actor, id, &body.note)
            .await?
            .record()
    )))
}

/// Remove a curated move: the map goes back to its own suggestion.
pub async fn delete(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult {
    state.app.remove_curated_move(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
