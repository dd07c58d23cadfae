//! `/api/v1/placements`: placements the organisation posts. Anyone signed in browses open
//! ones; a draft is seen by its owner and talent admins; only the owner or a talent admin
//! changes or deletes one. Around them, the marketplace: recommendations with their reasons,
//! "not for me", interests (expressed by anyone who sees an open placement, answered by the
//! owner), invitations, candidates, the manager's view of the team's interests and each
//! person's profile. Answers are web-owned records, not store rows.

use super::records::ToRecord;
use super::records::placements::{MyPlacements, PlacementProfile};
use super::{ApiJson, ApiPath, ApiQuery, ApiResult};
use crate::AppState;
use crate::extract::ApiUser;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use ladderless_core::CoreError;
use ladderless_core::placements::{PlacementDetail, PlacementInput};
use ladderless_domain::placement::{InterestStatus, PlacementKind, SkillUse};
use ladderless_store::Uuid;
use ladderless_store::placements::{Placement, PlacementQuery};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

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

/// Delete one's own placement (or any, for a talent admin).
pub async fn delete(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult {
    state.app.delete_placement(&actor, id.into()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// How many recommendations to answer.
#[derive(Debug, Default, Deserialize)]
pub struct ForMeQuery {
    #[serde(default)]
    limit: Option<usize>,
}

/// Most recommendations answered at once.
pub const MAX_FOR_ME: usize = 20;

/// Open placements picked for the caller, best first, each with its reasons.
pub async fn for_me(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiQuery(q): ApiQuery<ForMeQuery>,
) -> ApiResult<Json<Value>> {
    let limit = q.limit.unwrap_or(10).clamp(1, MAX_FOR_ME);
    let recs = state.app.recommended_placements(&actor, limit).await?;
    Ok(Json(json!({ "items": recs.record() })))
}

/// Not-for-me body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotForMeBody {
    reason: String,
}

/// Mark a placement "not for me" with a reason; the next recommendations change at once.
pub async fn not_for_me(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<NotForMeBody>,
) -> ApiResult {
    state.app.not_for_me(&actor, id.into(), &b.reason).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// What I posted, my interests and my invitations.
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<MyPlacements>> {
    let posted = state.app.my_placements_with_waiting(&actor).await?;
    let (invitations, interests): (Vec<_>, Vec<_>) = state
        .app
        .my_interests(&actor)
        .await?
        .into_iter()
        .partition(|m| m.interest.status == InterestStatus::Invited);
    Ok(Json(MyPlacements {
        posted: posted.record(),
        interests: interests.record(),
        invitations: invitations.record(),
    }))
}

/// Interest body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestBody {
    note: String,
    #[serde(default)]
    confidential: bool,
}

/// Express interest in an open placement (or answer an invitation to it).
pub async fn express_interest(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<InterestBody>,
) -> ApiResult {
    let i = state
        .app
        .express_interest(&actor, id.into(), &b.note, b.confidential)
        .await?;
    Ok((StatusCode::CREATED, Json(i.record())).into_response())
}

/// The people interested in (or invited to) one's own placement.
pub async fn interests(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let list = state.app.placement_interests(&actor, id.into()).await?;
    Ok(Json(json!({ "items": list.record() })))
}

/// Discoverable people who would fit one's own placement.
pub async fn candidates(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult<Json<Value>> {
    let list = state.app.placement_candidates(&actor, id.into()).await?;
    Ok(Json(json!({ "items": list.record() })))
}

/// Invitation body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationBody {
    person_id: Uuid,
    note: String,
}

/// Invite someone to one's own open placement with a note they will read.
pub async fn invite(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<InvitationBody>,
) -> ApiResult {
    state
        .app
        .invite_to_placement(&actor, id.into(), b.person_id, &b.note)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Decision body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    accept: bool,
    #[serde(default)]
    reason: String,
}

/// Accept or decline an interest in one's own placement (a decline needs a reason).
pub async fn decide(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<DecisionBody>,
) -> ApiResult {
    state
        .app
        .decide_interest(&actor, id.into(), b.accept, &b.reason)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Take back one's own waiting interest.
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> ApiResult {
    state.app.withdraw_interest(&actor, id.into()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Confidential body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidentialBody {
    confidential: bool,
}

/// Keep one's own interest from one's manager, or let them see it.
pub async fn confidential(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<ConfidentialBody>,
) -> ApiResult {
    state
        .app
        .set_interest_confidential(&actor, id.into(), b.confidential)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The non-confidential interests of the caller's reports.
pub async fn team(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<Value>> {
    let list = state.app.team_interests(&actor).await?;
    Ok(Json(json!({ "items": list.record() })))
}

/// The caller's marketplace profile.
pub async fn profile(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
) -> ApiResult<Json<PlacementProfile>> {
    Ok(Json(state.app.my_placement_profile(&actor).await?.record()))
}

/// Profile body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileBody {
    discoverable: bool,
    #[serde(default)]
    hours_available: Option<i64>,
}

/// Save the caller's marketplace profile.
pub async fn save_profile(
    State(state): State<AppState>,
    ApiUser(actor): ApiUser,
    ApiJson(b): ApiJson<ProfileBody>,
) -> ApiResult<Json<PlacementProfile>> {
    let hours = b.hours_available.map(|h| h.to_string()).unwrap_or_default();
    let p = state
        .app
        .save_my_placement_profile(&actor, b.discoverable, &hours)
        .await?;
    Ok(Json(p.record()))
}
