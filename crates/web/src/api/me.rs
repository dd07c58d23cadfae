//! `GET /api/v1/me`: who the token or session belongs to.

use super::records::ToRecord;
use crate::extract::ApiUser;
use axum::Json;
use serde_json::{Value, json};

/// The caller.
pub async fn me(ApiUser(actor): ApiUser) -> Json<Value> {
    Json(json!({ "person": actor.person.record(), "roles": actor.roles() }))
}
