//! `/api/v1/customers`: the caller's own map of internal customers (nobody else's, ever).

use super::records::ToRecord;
use super::{ApiJson, ApiPath, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::customers::CustomerInput;
use ladderless_store::Uuid;
use serde::Deserialize;
use serde_json::{Value, json};

/// The caller's customers, next contact soonest first.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        json!({ "items": state.app.customer_lines(&actor).await?.record() }),
    ))
}

/// One customer with the conversations, needs and open follow-ups about them.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let c = state.app.customer_line(&actor, id).await?;
    let conversations = state.app.conversation_lines(&actor, Some(id)).await?;
    let needs = state.app.needs(&actor, Some(id)).await?;
    let follow_ups: Vec<_> = state
        .app
        .follow_ups_due(&actor, true)
        .await?
        .into_iter()
        .filter(|f| f.follow_up.customer_id == Some(id))
        .collect();
    Ok(Json(
        json!({ "customer": c.record(), "conversations": conversations.record(), "needs": needs.record(), "follow_ups": follow_ups.record() }),
    ))
}

/// A customer as sent to the API.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerBody {
    #[serde(default)]
    person_id: Option<Uuid>,
    #[serde(default)]
    person: String,
    #[serde(default)]
    team_id: Option<Uuid>,
    relationship: String,
    #[serde(default)]
    goals: String,
    #[serde(default)]
    obstacles: String,
    #[serde(default)]
    notes: String,
    strength: i64,
    #[serde(default, deserialize_with = "super::extract::iso_date_text_opt")]
    last_contact: Option<String>,
    #[serde(default, deserialize_with = "super::extract::iso_date_text_opt")]
    next_contact: Option<String>,
}

impl CustomerBody {
    fn input(self) -> CustomerInput {
        CustomerInput {
            person: self.person,
            person_id: self.person_id.map(|id| id.to_string()),
            team_id: self.team_id.map(|id| id.to_string()),
            relationship: self.relationship,
            goals: self.goals,
            obstacles: self.obstacles,
            notes: self.notes,
            strength: self.strength.to_string(),
            last_contact: self.last_contact.unwrap_or_default(),
            next_contact: self.next_contact.unwrap_or_default(),
        }
    }
}

/// Add a customer: a colleague (`person_id`, or `person` as an e-mail or exact name) or a team.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<CustomerBody>,
) -> ApiResult {
    let id = state.app.create_customer(&actor, &b.input()).await?;
    let c = state.app.customer_line(&actor, id).await?;
    Ok((StatusCode::CREATED, Json(json!(c.record()))).into_response())
}

/// Change a customer (who they are stays the same).
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<CustomerBody>,
) -> ApiResult {
    state.app.update_customer(&actor, id, &b.input()).await?;
    let c = state.app.customer_line(&actor, id).await?;
    Ok(Json(json!(c.record())).into_response())
}

/// Remove a customer.
pub async fn delete(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult {
    state.app.delete_customer(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
