//! The role catalogue: search, and a role's page.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::NoticeQuery;
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use ladderless_catalogue::Role;
use ladderless_core::catalogue::RoleSummary;
use ladderless_store::roles::OrgRole;
use serde::Deserialize;

/// Catalogue query.
#[derive(Debug, Default, Deserialize)]
pub struct RolesQuery {
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "roles.html")]
struct RolesPage {
    page: Page,
    q: String,
    roles: Vec<RoleSummary>,
    total: usize,
}

/// Search the catalogue by title or alternate title.
pub async fn roles(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<RolesQuery>,
) -> HtmlResult {
    let query = q.q.unwrap_or_default();
    let roles = state
        .app
        .search_roles(&query, if query.is_empty() { 2000 } else { 60 })
        .await?;
    let total = state.app.catalogue.roles().len();
    Ok(render(&RolesPage {
        page: Page::new(&s, "Roles", "/roles"),
        q: query,
        roles,
        total,
    }))
}

/// A bar in a chart: label, value, and width in pixels.
struct Bar {
    label: String,
    value: f32,
    width: u32,
}

#[derive(Template)]
#[template(path = "role.html")]
struct RolePage {
    page: Page,
    role: &'static Role,
    skills: Vec<Bar>,
    knowledge: Vec<Bar>,
    values: Vec<Bar>,
    interests: Vec<Bar>,
    esco: Vec<(String, bool)>,
    dwas: Vec<String>,
}

#[derive(Template)]
#[template(path = "org_role.html")]
struct OrgRolePage {
    page: Page,
    role: OrgRole,
    skills: Vec<String>,
}

fn bars(ratings: impl Iterator<Item = (String, f32)>, max: f32, top: usize) -> Vec<Bar> {
    let mut v: Vec<(String, f32)> = ratings.collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    v.truncate(top);
    v.into_iter()
        .map(|(label, value)| Bar {
            width: ((value / max).clamp(0.0, 1.0) * 200.0) as u32,
            label,
            value,
        })
        .collect()
}

/// One role: description, tasks, skills, knowledge, work values, interests.
pub async fn role(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(code): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let catalogue = state.app.catalogue;
    if let Some(role) = catalogue.role(&code) {
        let esco = role
            .esco_skills
            .iter()
            .take(30)
            .filter_map(|rs| {
                catalogue
                    .skill(&rs.skill_id)
                    .map(|sk| (sk.label.clone(), rs.essential))
            })
            .collect();
        let dwas = role
            .dwas
            .iter()
            .take(20)
            .filter_map(|d| catalogue.dwa_title(*d).map(str::to_string))
            .collect();
        let page = RolePage {
            page: Page::new(&s, role.title.clone(), "/roles").with_notice(q.notice),
            role,
            skills: bars(
                role.skills.iter().map(|r| (r.name.clone(), r.importance)),
                5.0,
                12,
            ),
            knowledge: bars(
                role.knowledge
                    .iter()
                    .map(|r| (r.name.clone(), r.importance)),
                5.0,
                10,
            ),
            values: bars(
                role.work_values.iter().map(|r| (r.name.clone(), r.value)),
                7.0,
                6,
            ),
            interests: bars(
                role.interests.iter().map(|r| (r.name.clone(), r.value)),
                7.0,
                6,
            ),
            esco,
            dwas,
        };
        return Ok(render(&page));
    }
    let (role, skill_ids) = state.app.org_role_with_skills(&code).await?;
    let mut skills = Vec::new();
    for id in skill_ids {
        skills.push(state.app.skill_label(&id).await?);
    }
    Ok(render(&OrgRolePage {
        page: Page::new(&s, role.title.clone(), "/roles").with_notice(q.notice),
        role,
        skills,
    }))
}
