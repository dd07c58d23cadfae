//! "Add to my plan" for a placement saved while window shopping.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::placements::{mine_page, shop_page};
use crate::html::{FormOutcome, Notice, PathIds};
use axum::Form;
use axum::extract::State;
use ladderless_core::saved_placements::AddedToPlan;
use ladderless_domain::ids::PlacementId;
use serde::Deserialize;

/// The add-to-plan form.
#[derive(Debug, Deserialize)]
pub struct AddForm {
    /// The plan chosen; blank for the current one.
    #[serde(default)]
    plan: String,
    /// The page to go back to: `shop` or `mine`.
    #[serde(default)]
    back: String,
}

/// Add the placement to one of my plans as a growth item, then go back where I was.
pub async fn add_to_plan(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<AddForm>,
) -> HtmlResult {
    let back = if f.back == "mine" {
        "/placements/mine#saved"
    } else {
        "/placements/shop#saved"
    };
    match state
        .app
        .add_placement_to_plan(&s.actor, PlacementId::from_uuid(id), Some(&f.plan))
        .await
        .form()?
    {
        Ok(AddedToPlan::Added(_)) => Ok(Notice::AddedToPlan.redirect(back)),
        Ok(AddedToPlan::AlreadyThere(_)) => Ok(Notice::AlreadyInPlan.redirect(back)),
        Err(errors) if f.back == "mine" => mine_page(&state, &s, errors, None).await,
        Err(errors) => shop_page(&state, &s, errors, None).await,
    }
}
