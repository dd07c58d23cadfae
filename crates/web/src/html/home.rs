//! The home page: what matters now, for each kind of person.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::NoticeQuery;
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Query, State};
use ladderless_store::import::ImportRun;
use ladderless_store::people::{OrgCounts, PersonCard};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    first_name: String,
    role_title: Option<String>,
    team: Option<String>,
    manager: Option<PersonCard>,
    reports: Vec<PersonCard>,
    is_admin: bool,
    is_facilitator: bool,
    counts: OrgCounts,
    imports: Vec<ImportRun>,
    follow_ups: Vec<ladderless_core::conversations::FollowUpLine>,
    person_id: String,
    plan: ladderless_core::plans::HomePlan,
    shared_plans: Vec<ladderless_core::plans::PlanSummary>,
}

/// The home page.
pub async fn home(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let app = &state.app;
    let view = app.person_view(&s.actor, s.actor.id()).await?;
    let is_admin = s.actor.is_talent_admin();
    let (counts, imports) = if is_admin {
        (app.org_counts().await?, app.import_runs(&s.actor, 3).await?)
    } else {
        (OrgCounts::default(), Vec::new())
    };
    let first_name = view.person.name.split(' ').next().unwrap_or("").to_string();
    Ok(render(&HomePage {
        page: Page::new(&s, "Home", "/").with_notice(q.notice),
        first_name,
        role_title: view.role_title,
        team: view.team.map(|t| t.path),
        manager: view.manager,
        reports: view.reports,
        is_admin,
        is_facilitator: s.actor.is_facilitator(),
        counts,
        imports,
        follow_ups: app.follow_ups_due(&s.actor, false).await?,
        person_id: s.actor.id().to_string(),
        plan: app.home_plan(&s.actor).await?,
        shared_plans: app.plans_shared_with_me(&s.actor).await?,
    }))
}
