//! Career plans: my plans and those shared with me, a new plan (blank or drafted from a path),
//! one plan's page with its alignment, and the small forms that change it.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Href, Notice, NoticeQuery, Pairs, PathIds, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use ladderless_core::CoreError;
use ladderless_core::auth::Session;
use ladderless_core::plans::{ItemInput, MilestoneInput, PlanInput, PlanSummary, PlanView};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::plan::{Cadence, ItemKind, Sharing, StartEarly};
use ladderless_store::Uuid;
use serde::Deserialize;

/// Cadence choices for forms.
fn cadences() -> Vec<(&'static str, &'static str)> {
    Cadence::ALL.iter().map(|c| (c.code(), c.label())).collect()
}

/// Kind choices for the add-item form: (section, kind, label).
fn kinds() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = vec![
        ("goal", "role", "Goal: a role"),
        ("goal", "direction", "Goal: a direction"),
        ("goal", "experience", "Goal: an experience"),
    ];
    for k in [
        ItemKind::Skill,
        ItemKind::Experience,
        ItemKind::Opportunity,
        ItemKind::Pilot,
        ItemKind::Mentoring,
        ItemKind::Training,
        ItemKind::Placement,
    ] {
        out.push((
            "growth",
            k.code(),
            match k {
                ItemKind::Skill => "Growth: a skill",
                ItemKind::Experience => "Growth: an experience",
                ItemKind::Opportunity => "Growth: an opportunity",
                ItemKind::Pilot => "Growth: a pilot",
                ItemKind::Mentoring => "Growth: mentoring",
                ItemKind::Placement => "Growth: a placement",
                _ => "Growth: training",
            },
        ));
    }
    out
}

#[derive(Template)]
#[template(path = "plans.html")]
struct PlansPage {
    page: Page,
    mine: Vec<PlanSummary>,
    shared: Vec<PlanSummary>,
    start_early: Option<StartEarly>,
    form: PlanInput,
    errors: FieldErrors,
    cadences: Vec<(&'static str, &'static str)>,
}

async fn plans_page(
    state: &AppState,
    s: &Session,
    form: PlanInput,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let app = &state.app;
    let page = PlansPage {
        page: Page::new(s, "Career plans", "/plans").with_notice(notice),
        mine: app.my_plans(&s.actor).await?,
        shared: app.plans_shared_with_me(&s.actor).await?,
        start_early: app.home_plan(&s.actor).await?.start_early,
        cadences: cadences(),
        form,
        errors: errors.clone(),
    };
    Ok(render_status(status(&errors), &page))
}

/// My plans, plans shared with me, and a form to start one.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    plans_page(
        &state,
        &s,
        PlanInput {
            cadence: "quarterly".into(),
            ..Default::default()
        },
        FieldErrors::new(),
        q.notice,
    )
    .await
}

#[derive(Template)]
#[template(path = "plan_new.html")]
struct NewPlanPage {
    page: Page,
    form: PlanInput,
    errors: FieldErrors,
    cadences: Vec<(&'static str, &'static str)>,
}

impl NewPlanPage {
    fn encoded(&self, i: &ItemInput) -> String {
        encode_item(i)
    }
}

/// An item as one form value: `section:kind:reference:label`.
fn encode_item(i: &ItemInput) -> String {
    format!("{}:{}:{}:{}", i.section, i.kind, i.reference, i.label)
}

fn decode_item(v: &str) -> ItemInput {
    let mut parts = v.splitn(4, ':');
    let mut next = || parts.next().unwrap_or("").to_string();
    ItemInput {
        section: next(),
        kind: next(),
        reference: next(),
        label: next(),
    }
}

fn new_page(s: &Session, form: PlanInput, errors: FieldErrors) -> HtmlResult {
    let page = NewPlanPage {
        page: Page::new(s, "New career plan", "/plans"),
        cadences: cadences(),
        form,
        errors: errors.clone(),
    };
    Ok(render_status(status(&errors), &page))
}

/// Which path to draft a plan from.
#[derive(Debug, Default, Deserialize)]
pub struct DraftQuery {
    from: Option<String>,
    to: Option<String>,
    path: Option<usize>,
}

/// A new plan drafted from a path (goal and growth items ticked, ready to adjust).
pub async fn new(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<DraftQuery>,
) -> HtmlResult {
    let (Some(from), Some(to)) = (
        q.from.filter(|f| !f.is_empty()),
        q.to.filter(|t| !t.is_empty()),
    ) else {
        return Ok(Redirect::to("/plans").into_response());
    };
    match state
        .app
        .plan_draft(&s.actor, &from, &to, q.path.unwrap_or(1))
        .await
        .form()?
    {
        Ok(form) => new_page(&s, form, FieldErrors::new()),
        Err(e) => new_page(
            &s,
            PlanInput {
                cadence: "quarterly".into(),
                ..Default::default()
            },
            e,
        ),
    }
}

fn plan_input(f: &Pairs) -> PlanInput {
    let mut milestones = Vec::new();
    if !f.get("milestone_title").trim().is_empty() || !f.get("milestone_due").trim().is_empty() {
        milestones.push(MilestoneInput {
            title: f.get("milestone_title").into(),
            due_on: f.get("milestone_due").into(),
        });
    }
    PlanInput {
        title: f.get("title").into(),
        business_case: f.get("business_case").into(),
        cadence: f.get("cadence").into(),
        sharing: f.get("sharing").into(),
        items: f.all("item").iter().map(|v| decode_item(v)).collect(),
        milestones,
    }
}

/// Start a plan (from the list page or a draft).
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(pairs);
    let input = plan_input(&f);
    match state.app.create_plan(&s.actor, &input).await.form()? {
        Ok(p) => Ok(Notice::PlanSaved.redirect(&format!("/plans/{}", p.id))),
        Err(errors) if f.get("draft") == "1" => new_page(&s, input, errors),
        Err(errors) => plans_page(&state, &s, input, errors, None).await,
    }
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    page: Page,
    view: PlanView,
    form: PlanInput,
    item: ItemInput,
    milestone: MilestoneInput,
    note: String,
    errors: FieldErrors,
    cadences: Vec<(&'static str, &'static str)>,
    kinds: Vec<(&'static str, &'static str, &'static str)>,
}

impl PlanPage {
    fn pct(&self, share: impl std::borrow::Borrow<f32>) -> String {
        format!("{:.0}%", share.borrow() * 100.0)
    }

    fn kind_selected(&self, section: &str, kind: &str) -> bool {
        self.item.section == section && self.item.kind == kind
    }
}

/// Forms to keep on a re-rendered plan page.
#[derive(Default)]
struct Kept {
    form: Option<PlanInput>,
    item: ItemInput,
    milestone: MilestoneInput,
    note: String,
}

async fn plan_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    kept: Kept,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let view = state.app.plan_view(&s.actor, id.into()).await?;
    let p = &view.plan;
    let form = kept.form.unwrap_or_else(|| PlanInput {
        title: p.title.clone(),
        business_case: p.business_case.clone(),
        cadence: p.cadence.code().to_string(),
        sharing: p.sharing.code().to_string(),
        ..Default::default()
    });
    let title = if view.is_owner {
        p.title.clone()
    } else {
        format!("{}: {}", view.owner_name, p.title)
    };
    let page = PlanPage {
        page: Page::new(s, title, "/plans").with_notice(notice),
        view,
        form,
        item: kept.item,
        milestone: kept.milestone,
        note: kept.note,
        errors: errors.clone(),
        cadences: cadences(),
        kinds: kinds(),
    };
    Ok(render_status(status(&errors), &page))
}

/// One plan.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    plan_page(
        &state,
        &s,
        id,
        Kept::default(),
        FieldErrors::new(),
        q.notice,
    )
    .await
}

/// After a change: back to the plan with a notice, or the page again with the errors.
async fn after(
    state: &AppState,
    s: &Session,
    id: Uuid,
    result: Result<(), CoreError>,
    notice: Notice,
    kept: Kept,
) -> HtmlResult {
    match result.form()? {
        Ok(()) => Ok(notice.redirect(&format!("/plans/{id}"))),
        Err(errors) => plan_page(state, s, id, kept, errors, None).await,
    }
}

/// Change the title, business case, cadence and sharing.
pub async fn update(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    axum::Form(pairs): axum::Form<Vec<(String, String)>>,
) -> HtmlResult {
    let input = plan_input(&Pairs(pairs));
    let r = state
        .app
        .update_plan(&s.actor, id.into(), &input)
        .await
        .map(|_| ());
    after(
        &state,
        &s,
        id,
        r,
        Notice::PlanSaved,
        Kept {
            form: Some(input),
            ..Default::default()
        },
    )
    .await
}

/// The sharing form.
#[derive(Debug, Default, Deserialize)]
pub struct SharingForm {
    #[serde(default)]
    sharing: String,
}

/// Share with the manager, or make private again.
pub async fn sharing(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    axum::Form(f): axum::Form<SharingForm>,
) -> HtmlResult {
    let r = state
        .app
        .set_plan_sharing(&s.actor, id.into(), &f.sharing)
        .await;
    let notice = if r.as_ref().is_ok_and(|p| p.sharing == Sharing::Manager) {
        Notice::PlanShared
    } else {
        Notice::PlanPrivate
    };
    after(&state, &s, id, r.map(|_| ()), notice, Kept::default()).await
}

/// The add-item form: `kind` carries `section:kind`.
#[derive(Debug, Default, Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    reference: String,
    #[serde(default)]
    label: String,
}

/// Add a goal or growth item.
pub async fn add_item(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    axum::Form(f): axum::Form<ItemForm>,
) -> HtmlResult {
    let (section, kind) = f.kind.split_once(':').unwrap_or(("", f.kind.as_str()));
    let input = ItemInput {
        section: section.into(),
        kind: kind.into(),
        reference: f.reference.clone(),
        label: f.label.clone(),
    };
    let r = state
        .app
        .add_plan_item(&s.actor, id.into(), &input)
        .await
        .map(|_| ());
    after(
        &state,
        &s,
        id,
        r,
        Notice::PlanSaved,
        Kept {
            item: input,
            ..Default::default()
        },
    )
    .await
}

/// A done/not-done toggle.
#[derive(Debug, Default, Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    done: String,
}

/// Mark an item done or not.
pub async fn item_done(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, sub): PathIds,
    axum::Form(f): axum::Form<DoneForm>,
) -> HtmlResult {
    let sub = sub.ok_or(CoreError::NotFound)?;
    let r = state
        .app
        .set_plan_item_done(&s.actor, id.into(), sub.into(), f.done == "1")
        .await;
    after(&state, &s, id, r, Notice::PlanSaved, Kept::default()).await
}

/// Remove an item.
pub async fn remove_item(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, sub): PathIds,
) -> HtmlResult {
    let sub = sub.ok_or(CoreError::NotFound)?;
    let r = state
        .app
        .remove_plan_item(&s.actor, id.into(), sub.into())
        .await;
    after(&state, &s, id, r, Notice::PlanSaved, Kept::default()).await
}

/// Add a milestone.
pub async fn add_milestone(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    axum::Form(f): axum::Form<MilestoneInput>,
) -> HtmlResult {
    let r = state
        .app
        .add_milestone(&s.actor, id.into(), &f)
        .await
        .map(|_| ());
    after(
        &state,
        &s,
        id,
        r,
        Notice::PlanSaved,
        Kept {
            milestone: f,
            ..Default::default()
        },
    )
    .await
}

/// Mark a milestone done (today) or open again.
pub async fn milestone_done(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, sub): PathIds,
    axum::Form(f): axum::Form<DoneForm>,
) -> HtmlResult {
    let sub = sub.ok_or(CoreError::NotFound)?;
    let r = state
        .app
        .set_milestone_done(&s.actor, id.into(), sub.into(), f.done == "1")
        .await;
    after(&state, &s, id, r, Notice::PlanSaved, Kept::default()).await
}

/// Remove a milestone.
pub async fn remove_milestone(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, sub): PathIds,
) -> HtmlResult {
    let sub = sub.ok_or(CoreError::NotFound)?;
    let r = state
        .app
        .remove_milestone(&s.actor, id.into(), sub.into())
        .await;
    after(&state, &s, id, r, Notice::PlanSaved, Kept::default()).await
}

/// The review form.
#[derive(Debug, Default, Deserialize)]
pub struct ReviewForm {
    #[serde(default)]
    note: String,
}

/// Log a review (the owner, or the manager of a shared plan).
pub async fn add_review(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    axum::Form(f): axum::Form<ReviewForm>,
) -> HtmlResult {
    let r = state
        .app
        .add_review(&s.actor, id.into(), &f.note)
        .await
        .map(|_| ());
    after(
        &state,
        &s,
        id,
        r,
        Notice::ReviewSaved,
        Kept {
            note: f.note,
            ..Default::default()
        },
    )
    .await
}

/// Delete a plan.
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    state.app.delete_plan(&s.actor, id.into()).await?;
    Ok(Notice::PlanDeleted.redirect("/plans"))
}
