//! `/api/v1/people`: the directory and a person, filtered for the caller.
//!
//! Talent admins (and their API tokens) also get each person's `employee_id` and `email`, and
//! may look people up by them exactly (`?employee_id=` / `?email=`, the e-mail in any case);
//! anyone else who uses those filters gets 403.

use super::records::ToRecord;
use super::{ApiError, ApiPath, ApiQuery, ApiResult, Paging};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use ladderless_core::{App, CoreError};
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
    employee_id: Option<String>,
    email: Option<String>,
}

/// Search or list people, or (talent admins) find them by employee id or e-mail.
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
    let items = if q.employee_id.is_some() || q.email.is_some() {
        actor.require_talent_admin()?;
        if q.q.is_some() {
            return Err(ApiError::from(CoreError::field(
                "q",
                "cannot be combined with employee_id or email",
            )));
        }
        let cards = state
            .app
            .find_people_by_keys(&actor, q.employee_id.as_deref(), q.email.as_deref())
            .await?;
        let from = ((page - 1) * per_page) as usize;
        cards
            .into_iter()
            .skip(from)
            .take(per_page as usize)
            .collect()
    } else {
        state
            .app
            .directory(&actor, q.q.as_deref().unwrap_or(""), page, per_page)
            .await?
    };
    let ids: Vec<Uuid> = items.iter().map(|c| c.id).collect();
    let keys = state.app.person_keys(&actor, &ids).await?;
    let items: Vec<Value> = items
        .iter()
        .map(|c| {
            let mut v = json!(c.record());
            if let Some(k) = keys.as_ref().and_then(|k| k.get(&c.id)) {
                v["employee_id"] = json!(k.employee_id);
                v["email"] = json!(k.email);
            }
            v
        })
        .collect();
    Ok(Json(
        json!({ "items": items, "page": page, "per_page": per_page }),
    ))
}

/// One person, with only what the caller may see (HRIS keys for talent admins only).
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let v = state.app.person_view(&actor, id).await?;
    let mut body = json!(v.record());
    if !App::sees_person_keys(&actor)
        && let Some(person) = body.get_mut("person").and_then(Value::as_object_mut)
    {
        person.remove("employee_id");
        person.remove("email");
    }
    Ok(Json(body))
}
