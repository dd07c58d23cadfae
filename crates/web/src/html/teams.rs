//! The org chart (a tree of teams) and a team's page.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Path, State};
use ladderless_core::directory::TeamNode;
use ladderless_store::Uuid;
use ladderless_store::people::PersonCard;
use ladderless_store::teams::Team;

/// A flattened tree row: depth and whether it opens a nested list.
struct Row {
    node_id: Uuid,
    name: String,
    total: i64,
    members: i64,
    /// Number of nested lists this row opens (1) or closes after it (closes).
    has_children: bool,
    closes: usize,
    open: bool,
}

#[derive(Template)]
#[template(path = "org.html")]
struct OrgPage {
    page: Page,
    rows: Vec<Row>,
    teams: usize,
}

fn flatten(nodes: &[TeamNode], depth: usize, open_ids: &[Uuid], out: &mut Vec<Row>) {
    for (i, n) in nodes.iter().enumerate() {
        out.push(Row {
            node_id: n.team.id,
            name: n.team.name.clone(),
            total: n.total,
            members: n.team.members,
            has_children: !n.children.is_empty(),
            closes: 0,
            open: depth == 0 || open_ids.contains(&n.team.id),
        });
        if !n.children.is_empty() {
            flatten(&n.children, depth + 1, open_ids, out);
            if let Some(last) = out.last_mut() {
                last.closes += 1;
            }
        }
        let _ = i;
    }
}

/// The org chart: every team, nested, with head counts; the viewer's own team opened.
pub async fn org_chart(State(state): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    let tree = state.app.org_chart().await?;
    let mut open = Vec::new();
    if let Some(team_id) = s.actor.person.team_id {
        let teams = state.app.store.teams().await.map_err(ladderless_core::CoreError::from)?;
        let mut cur = Some(team_id);
        while let Some(id) = cur {
            open.push(id);
            cur = teams.iter().find(|t| t.id == id).and_then(|t| t.parent_id);
            if open.len() > 32 {
                break;
            }
        }
    }
    let mut rows = Vec::new();
    flatten(&tree, 0, &open, &mut rows);
    let teams = rows.len();
    Ok(render(&OrgPage { page: Page::new(&s, "Org chart", "/org"), rows, teams }))
}

#[derive(Template)]
#[template(path = "team.html")]
struct TeamPage {
    page: Page,
    team: Team,
    members: Vec<PersonCard>,
    children: Vec<Team>,
    parent: Option<Team>,
}

/// One team: its members and sub-teams.
pub async fn team(State(state): State<AppState>, CurrentUser(s): CurrentUser, Path(id): Path<Uuid>) -> HtmlResult {
    let (team, members, children) = state.app.team_view(id).await?;
    let parent = match team.parent_id {
        Some(p) => Some(state.app.store.team(p).await.map_err(ladderless_core::CoreError::from)?),
        None => None,
    };
    Ok(render(&TeamPage { page: Page::new(&s, team.path.clone(), "/org"), team, members, children, parent }))
}
