//! `/api/v1/roles/{code}/moves` and `/api/v1/paths`: the career graph.

use super::{ApiError, ApiPath, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_core::CoreError;
use serde::Deserialize;
use serde_json::{Value, json};

/// How many moves.
#[derive(Debug, Deserialize)]
pub struct MovesQuery {
    top: Option<usize>,
}

/// Next moves from a role, best first.
pub async fn moves(
    State(state): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(code): ApiPath<String>,
    ApiQuery(q): ApiQuery<MovesQuery>,
) -> ApiResult<Json<Value>> {
    let graph = state.app.graph()?;
    if !graph.contains(&code) {
        return Err(ApiError::from(CoreError::NotFound));
    }
    let top = q.top.unwrap_or(10).clamp(1, 50);
    let moves = graph
        .next_moves(&code, top)
        .map_err(|e| ApiError::from(CoreError::field("code", e.to_string())))?;
    Ok(Json(json!({ "from": code, "moves": moves })))
}

/// Path query.
#[derive(Debug, Deserialize)]
pub struct PathsQuery {
    from: Option<String>,
    to: Option<String>,
    k: Option<usize>,
}

/// Best paths between two roles.
pub async fn paths(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<PathsQuery>,
) -> ApiResult<Json<Value>> {
    let from = q.from.or(actor.person.role_code.clone()).ok_or_else(|| {
        ApiError::from(CoreError::field(
            "from",
            "is required (your role is not set)",
        ))
    })?;
    let to =
        q.to.ok_or_else(|| ApiError::from(CoreError::field("to", "is required")))?;
    let paths = state.app.paths_between(&from, &to, q.k.unwrap_or(5))?;
    let index = state.app.link_index(&actor, &paths).await?;
    let mut out = json!(paths);
    // Each gap lists what in the product could close it, limited to what the caller may see.
    for (p, path) in paths.iter().enumerate() {
        for (s, step) in path.steps.iter().enumerate() {
            for (g, gap) in step.to_gain.iter().enumerate() {
                out[p]["steps"][s]["to_gain"][g]["closers"] = json!(index.closers(gap));
            }
        }
    }
    Ok(Json(json!({ "from": from, "to": to, "paths": out })))
}

/// Roles the caller might aim for from their own role: named in their compass, then suggested
/// in the order their top-ranked factor favours.
pub async fn targets(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let t = state.app.suggest_targets(&actor).await?;
    Ok(Json(json!(t)))
}
