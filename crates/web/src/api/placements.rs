//! `/api/v1/placements`: placements the organisation posts. Anyone signed in browses open
//! ones; a draft is seen by its owner and talent admins; only the owner or a talent admin
//! changes one. Answers are web-owned records, not store rows.

use super::{ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::CoreError;
use ladderless_core::placements::{PlacementDetail, PlacementInput};
use ladderless_domain::placement::{PlacementKind, SkillUse};
use ladderless_store::Uuid;
use ladderless_store::placements::{Placement, PlacementQuery};
use serde::{Deserialize, Serialize};

/// A skill of a placement.
#[derive(Debug, Serialize)]
pub struct PlacementSkillJson {
    skill_id: String,
    level: i32,
}

/// A placement as the API answers it.
#[derive(Debug, Serialize)]
pub struct PlacementJson {
    id: Uuid,
    owner_id: Uuid,
    kind: &'static str,
    status: &'static str,
    title: String,
    description: String,
    offers_status: &'static str,
    offers_autonomy: &'static str,
    offers_meaning: &'static str,
    offers_learning: &'static str,
    hours_per_week: i32,
    duration_weeks: i32,
    location: String,
    work_mode: &'static str,
    places: i32,
    closes_on: Option<String>,
    skills_needed: Vec<PlacementSkillJson>,
    skills_to_learn: Vec<PlacementSkillJson>,
    directions: Vec<Uuid>,
}

fn json_of(p: &Placement, detail: Option<&PlacementDetail>) -> PlacementJson {
    let skills = |u: SkillUse| {
        detail
            .map(|d| {
                d.skills
                    .iter()
                    .filter(|s| s.skill_use == u)
                    .map(|s| PlacementSkillJson {
                        skill_id: s.skill_id.clone(),
                        level: s.level,
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    PlacementJson {
        id: p.id.uuid(),
        owner_id: p.owner_id,
        kind: p.kind.code(),
        status: p.status.code(),
        title: p.title.clone(),
        description: p.description.clone(),
        offers_status: p.offers_status.code(),
        offers_autonomy: p.offers_autonomy.code(),
        offers_meaning: p.offers_meaning.code(),
        offers_learning: p.offers_learning.code(),
        hours_per_week: p.hours_per_week,
        duration_weeks: p.duration_weeks,
        location: p.location.clone(),
        work_mode: p.work_mode.code(),
        places: p.places,
        closes_on: p.closes_on.map(|d| d.to_string()),
        skills_needed: skills(SkillUse::Needed),
        skills_to_learn: skills(SkillUse::Learn),
        directions: detail.map(|d| d.directions.clone()).unwrap_or_default(),
    }
}

/// Search and filters of the list.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    skill: Option<String>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    max_hours: Option<i32>,
    #[serde(default)]
    page: Option<i64>,
}

/// Open placements, searched and filtered.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<serde_json::Value>> {
    let kind = match q.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        None => None,
        Some(k) => Some(PlacementKind::parse_code(k).map_err(|_| {
            CoreError::field(
                "kind",
                format!("must be one of {}", PlacementKind::CODES.join(", ")),
            )
        })?),
    };
    let query = PlacementQuery {
        q: q.q,
        kind,
        skill: q.skill.filter(|s| !s.trim().is_empty()),
        location: q.location,
        max_hours: q.max_hours,
        ..Default::default()
    };
    let page = q.page.unwrap_or(1).clamp(1, super::MAX_PAGE);
    let rows = state
        .app
        .browse_placements(&actor, &query, 50, (page - 1) * 50)
        .await?;
    let items: Vec<PlacementJson> = rows.iter().map(|p| json_of(p, None)).collect();
    Ok(Json(serde_json::json!({ "items": items })))
}

/// One placement with its skills and directions.
pub async fn get(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<PlacementJson>> {
    let d = state.app.placement_detail(&actor, id.into()).await?;
    Ok(Json(json_of(&d.placement, Some(&d))))
}

/// Post a placement.
pub async fn create(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(input): ApiJson<PlacementInput>,
) -> ApiResult {
    let p = state.app.create_placement(&actor, &input).await?;
    let d = state.app.placement_detail(&actor, p.id).await?;
    Ok((StatusCode::CREATED, Json(json_of(&d.placement, Some(&d)))).into_response())
}

/// Change one's own placement (or any, for a talent admin).
pub async fn update(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<PlacementInput>,
) -> ApiResult<Json<PlacementJson>> {
    state
        .app
        .update_placement(&actor, id.into(), &input)
        .await?;
    let d = state.app.placement_detail(&actor, id.into()).await?;
    Ok(Json(json_of(&d.placement, Some(&d))))
}
