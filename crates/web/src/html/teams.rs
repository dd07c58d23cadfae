//! The org chart (a tree of teams) and a team's page.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use ladderless_core::directory::{TeamNode, build_tree};
use ladderless_store::Uuid;
use ladderless_store::people::PersonCard;
use ladderless_store::teams::Team;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// How many levels of the tree are always shown; deeper teams open on demand.
const SHOWN_LEVELS: usize = 2;

/// A flattened tree row.
struct Row {
    node_id: Uuid,
    name: String,
    total: i64,
    members: i64,
    /// Sub-teams, shown nested (the row opens a list that a later row closes).
    expanded: bool,
    /// How many sub-teams the row has (shown or behind a link).
    children: usize,
    /// How many nested lists close after this row.
    closes: usize,
}

#[derive(Template)]
#[template(path = "org.html")]
struct OrgPage {
    page: Page,
    rows: Vec<Row>,
    teams: usize,
}

/// Which team the org chart opens (besides the viewer's own).
#[derive(Debug, Default, Deserialize)]
pub struct OrgQuery {
    team: Option<String>,
}

/// The rows of the top [`SHOWN_LEVELS`] levels, and of the branches in `open` (team ids whose
/// sub-teams to show); every other team's sub-teams are one link away, so a tree of thousands of
/// teams renders a few dozen rows.
fn flatten(nodes: &[TeamNode], depth: usize, open: &HashSet<Uuid>, out: &mut Vec<Row>) {
    for n in nodes {
        let expanded =
            !n.children.is_empty() && (depth + 1 < SHOWN_LEVELS || open.contains(&n.team.id));
        out.push(Row {
            node_id: n.team.id,
            name: n.team.name.clone(),
            total: n.total,
            members: n.team.members,
            expanded,
            children: n.children.len(),
            closes: 0,
        });
        if expanded {
            flatten(&n.children, depth + 1, open, out);
            if let Some(last) = out.last_mut() {
                last.closes += 1;
            }
        }
    }
}

fn count(nodes: &[TeamNode]) -> usize {
    nodes.iter().map(|n| 1 + count(&n.children)).sum()
}

/// A team and its ancestors, from the flat list of teams.
fn with_ancestors(teams: &[Team], id: Uuid, open: &mut HashSet<Uuid>) {
    let parents: HashMap<Uuid, Option<Uuid>> = teams.iter().map(|t| (t.id, t.parent_id)).collect();
    let mut cur = parents.contains_key(&id).then_some(id);
    while let Some(id) = cur {
        if !open.insert(id) {
            break;
        }
        cur = parents.get(&id).copied().flatten();
    }
}

/// The org chart: the top levels of the team tree with head counts, the viewer's own branch and
/// the team asked for (`?team=ID`) opened; other branches open with a link (no JavaScript).
pub async fn org_chart(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<OrgQuery>,
) -> HtmlResult {
    let teams = state.app.teams().await?;
    let mut open = HashSet::new();
    for id in [
        s.actor.person.team_id,
        q.team.as_deref().and_then(|t| t.parse().ok()),
    ]
    .into_iter()
    .flatten()
    {
        with_ancestors(&teams, id, &mut open);
    }
    let tree = build_tree(teams);
    let mut rows = Vec::new();
    flatten(&tree, 0, &open, &mut rows);
    Ok(render(&OrgPage {
        page: Page::new(&s, "Org chart", "/org"),
        rows,
        teams: count(&tree),
    }))
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
pub async fn team(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(id): Path<Uuid>,
) -> HtmlResult {
    let (team, members, children) = state.app.team_view(id).await?;
    let parent = match team.parent_id {
        Some(p) => Some(state.app.team(p).await?),
        None => None,
    };
    Ok(render(&TeamPage {
        page: Page::new(&s, team.path.clone(), "/org"),
        team,
        members,
        children,
        parent,
    }))
}
