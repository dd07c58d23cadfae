//! The career map (next moves around a role) and paths to a target role.

use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::Href;
use crate::page::{Page, render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use ladderless_core::CoreError;
use ladderless_core::careers::{MoveGroups, TargetSuggestions};
use ladderless_core::catalogue::RoleSummary;
use ladderless_core::growth::Growth;
use ladderless_core::path_links::{Closer, LinkIndex};
use ladderless_graph::{Move, MoveKind, Path, Source};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Which role to centre on.
#[derive(Debug, Default, Deserialize)]
pub struct MapQuery {
    role: Option<String>,
}

/// A node placed on the map picture.
struct Node {
    code: String,
    /// The full title (the label may be shortened).
    title: String,
    label: String,
    kind: &'static str,
    x: i32,
    y: i32,
    score: String,
    /// Marked by a talent admin, with the note if any.
    curated: Option<String>,
    /// Titles of the strategic directions the role grows with.
    grows_with: Vec<String>,
}

impl Node {
    /// What the node's badge line says ("" for none).
    fn badge(&self) -> String {
        let mut parts = Vec::new();
        if self.curated.is_some() {
            parts.push("recommended");
        }
        if !self.grows_with.is_empty() {
            parts.push("growth area");
        }
        parts.join(" · ")
    }

    /// The accessible name: the role, the move, and why it is marked.
    fn name(&self) -> String {
        let mut name = format!("{}, {} move, {} match", self.title, self.kind, self.score);
        if let Some(note) = &self.curated {
            name.push_str(", recommended by the talent team");
            if !note.is_empty() {
                name.push_str(": ");
                name.push_str(note);
            }
        }
        if !self.grows_with.is_empty() {
            name.push_str(", grows with: ");
            name.push_str(&self.grows_with.join(", "));
        }
        name
    }
}

/// A move in the list view, with what curation and strategy say about it.
struct MoveLine {
    m: Move,
    /// Marked by a talent admin, with the note if any.
    curated: Option<String>,
    growth: Vec<Growth>,
}

/// One group of moves in the list view.
struct Section {
    heading: &'static str,
    kind: &'static str,
    moves: Vec<MoveLine>,
}

#[derive(Template)]
#[template(path = "map.html")]
struct MapPage {
    page: Page,
    code: String,
    title: String,
    is_mine: bool,
    sections: Vec<Section>,
    nodes: Vec<Node>,
    preparing: bool,
    /// The centre role's growth areas.
    centre_growth: Vec<Growth>,
    /// Whether any role on the map is highlighted.
    any_growth: bool,
    /// Titles of the active directions (for the legend).
    directions: Vec<String>,
    /// Where the viewer might aim (on their own role's map).
    targets: TargetSuggestions,
}

/// The curator's note of a move, when a talent admin curated it ("" for a mark without a note).
fn curated_note(m: &Move) -> Option<String> {
    m.sources.iter().find_map(|s| match s {
        Source::Curated { note } => Some(note.clone().unwrap_or_default()),
        _ => None,
    })
}

/// The map's lists, in the order the viewer's own ranking suggests (`order`), or strongest
/// first when they have not ranked the factors: never "up" first by assumption.
fn sections(
    g: MoveGroups,
    growth: &BTreeMap<String, Vec<Growth>>,
    order: Option<[MoveKind; 3]>,
) -> Vec<Section> {
    let lines = |moves: Vec<Move>| -> Vec<MoveLine> {
        moves
            .into_iter()
            .map(|m| MoveLine {
                curated: curated_note(&m),
                growth: growth.get(&m.to).cloned().unwrap_or_default(),
                m,
            })
            .collect()
    };
    let best = |moves: &[Move]| moves.iter().map(|m| m.score).fold(f32::MIN, f32::max);
    let mut ranked = [
        (MoveKind::Sideways, best(&g.sideways)),
        (MoveKind::Across, best(&g.across)),
        (MoveKind::Up, best(&g.up)),
    ];
    match order {
        Some(order) => ranked.sort_by_key(|(k, _)| order.iter().position(|o| o == k)),
        None => ranked.sort_by(|a, b| b.1.total_cmp(&a.1)),
    }
    let mut sections = vec![
        Section {
            heading: "Up",
            kind: "up",
            moves: lines(g.up),
        },
        Section {
            heading: "Sideways",
            kind: "sideways",
            moves: lines(g.sideways),
        },
        Section {
            heading: "Across",
            kind: "across",
            moves: lines(g.across),
        },
    ];
    sections.sort_by_key(|s| ranked.iter().position(|(k, _)| k.as_str() == s.kind));
    sections
}

fn short(label: &str) -> String {
    let mut s: String = label.chars().take(24).collect();
    if label.chars().count() > 24 {
        s.push('…');
    }
    s
}

/// Place up moves above, sideways to the sides and across below the centre.
fn layout(g: &MoveGroups, growth: &BTreeMap<String, Vec<Growth>>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut place =
        |moves: &[Move], kind: &'static str, spots: &dyn Fn(usize, usize) -> (i32, i32)| {
            for (i, m) in moves.iter().enumerate() {
                let (x, y) = spots(i, moves.len());
                let grows_with = growth
                    .get(&m.to)
                    .map(|g| g.iter().map(|g| g.direction.clone()).collect())
                    .unwrap_or_default();
                out.push(Node {
                    code: m.to.clone(),
                    title: m.title.clone(),
                    label: short(&m.title),
                    kind,
                    x,
                    y,
                    score: format!("{:.0}%", m.score * 100.0),
                    curated: curated_note(m),
                    grows_with,
                });
            }
        };
    // Up to three boxes (210 wide) share a line of the 900-wide picture; more are staggered over
    // two lines, neighbours on a line 264 apart, so no two boxes overlap.
    let row = |y: i32, second: i32| {
        move |i: usize, n: usize| {
            if n <= 3 {
                (((i as i32) * 2 + 1) * 900 / (2 * n.max(1) as i32), y)
            } else {
                (
                    120 + (i as i32) * 660 / (n as i32 - 1),
                    if i.is_multiple_of(2) { y } else { second },
                )
            }
        }
    };
    place(&g.up, "up", &row(40, 105));
    place(&g.across, "across", &row(480, 415));
    place(&g.sideways, "sideways", &|i, _| {
        (
            if i.is_multiple_of(2) { 120 } else { 780 },
            170 + (i as i32 / 2) * 80,
        )
    });
    out
}

/// Every role code on the map: the centre and its neighbours.
fn codes_on_map(code: &str, g: &MoveGroups) -> Vec<String> {
    std::iter::once(code.to_string())
        .chain(
            g.up.iter()
                .chain(&g.sideways)
                .chain(&g.across)
                .map(|m| m.to.clone()),
        )
        .collect()
}

/// The map centred on a role (the viewer's own by default).
pub async fn map(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<MapQuery>,
) -> HtmlResult {
    let mine = s.actor.person.role_code.clone();
    let code = q.role.filter(|c| !c.trim().is_empty()).or(mine.clone());
    let Some(code) = code else {
        let page = MapPage {
            page: Page::new(&s, "Career map", "/map"),
            code: String::new(),
            title: String::new(),
            is_mine: false,
            sections: Vec::new(),
            nodes: Vec::new(),
            preparing: false,
            centre_growth: Vec::new(),
            any_growth: false,
            directions: Vec::new(),
            targets: TargetSuggestions::default(),
        };
        return Ok(render(&page));
    };
    let title = state
        .app
        .role_title(&code)
        .await?
        .ok_or(CoreError::NotFound)?;
    let (groups, preparing) = match state.app.moves_from(&code, 6) {
        Ok(g) => (Some(g), false),
        Err(CoreError::Invalid(_)) => (None, true),
        Err(e) => return Err(e.into()),
    };
    let on_map = groups
        .as_ref()
        .map_or_else(|| vec![code.clone()], |g| codes_on_map(&code, g));
    let growth = state.app.growth_areas(&on_map).await?;
    let mut directions: Vec<String> = growth
        .values()
        .flatten()
        .map(|g| g.direction.clone())
        .collect();
    directions.sort();
    directions.dedup();
    let nodes = groups
        .as_ref()
        .map(|g| layout(g, &growth))
        .unwrap_or_default();
    let order = state.app.move_order(&s.actor).await?;
    let sections = groups
        .map(|g| sections(g, &growth, order))
        .unwrap_or_default();
    let is_mine = mine.as_deref() == Some(code.as_str());
    let targets = if is_mine && !preparing {
        state.app.suggest_targets(&s.actor).await?
    } else {
        TargetSuggestions::default()
    };
    let page = MapPage {
        page: Page::new(&s, format!("Career map: {title}"), "/map"),
        is_mine,
        targets,
        centre_growth: growth.get(&code).cloned().unwrap_or_default(),
        any_growth: !growth.is_empty(),
        directions,
        code,
        title,
        sections,
        nodes,
        preparing,
    };
    Ok(render_status(
        if preparing {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::OK
        },
        &page,
    ))
}

/// Path query: from a role to a target, or a search for the target.
#[derive(Debug, Default, Deserialize)]
pub struct PathQuery {
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "map_path.html")]
struct PathPage {
    page: Page,
    from: String,
    from_title: String,
    to: String,
    to_title: String,
    q: String,
    candidates: Vec<RoleSummary>,
    paths: Vec<PathView>,
    error: Option<String>,
}

/// A path as the page shows it: each gap with what could close it.
struct PathView {
    score: f32,
    steps: Vec<StepView>,
}

/// One move of a path.
struct StepView {
    to: String,
    title: String,
    kind: String,
    gaps: Vec<GapView>,
}

/// One skill gap and what in the product could close it.
struct GapView {
    name: String,
    levels: Option<String>,
    closers: Vec<Closer>,
}

/// Shape paths for the page, with the look-ups done once for all of them.
fn path_views(paths: Vec<Path>, index: &LinkIndex) -> Vec<PathView> {
    paths
        .into_iter()
        .map(|p| PathView {
            score: p.score,
            steps: p
                .steps
                .into_iter()
                .map(|st| StepView {
                    gaps: st
                        .to_gain
                        .iter()
                        .take(6)
                        .map(|g| GapView {
                            name: g.skill.name.clone(),
                            levels: g
                                .current_level
                                .zip(g.target_level)
                                .map(|(c, t)| format!("{c:.1} → {t:.1} of 7")),
                            closers: index.closers(g),
                        })
                        .collect(),
                    to: st.to,
                    title: st.title,
                    kind: st.kind.to_string(),
                })
                .collect(),
        })
        .collect()
}

/// Paths of up to four steps from a role to a target, each step with the skills to gain.
pub async fn path(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<PathQuery>,
) -> HtmlResult {
    let from = q
        .from
        .or(s.actor.person.role_code.clone())
        .unwrap_or_default();
    let from_title = state.app.role_title(&from).await?.unwrap_or_default();
    let query = q.q.unwrap_or_default();
    let to = q.to.unwrap_or_default();
    let candidates = if to.is_empty() && !query.trim().is_empty() {
        state.app.search_roles(&query, 15).await?
    } else {
        Vec::new()
    };
    let (paths, error, to_title) = if to.is_empty() || from.is_empty() {
        (Vec::new(), None, String::new())
    } else {
        let to_title = state
            .app
            .role_title(&to)
            .await?
            .unwrap_or_else(|| to.clone());
        match state.app.paths_between(&from, &to, 5) {
            Ok(p) => {
                let index = state.app.link_index(&s.actor, &p).await?;
                (path_views(p, &index), None, to_title)
            }
            Err(CoreError::Invalid(f)) => (Vec::new(), f.0.values().next().cloned(), to_title),
            Err(e) => return Err(e.into()),
        }
    };
    let page = PathPage {
        page: Page::new(&s, "Paths to a role", "/map"),
        from,
        from_title,
        to,
        to_title,
        q: query,
        candidates,
        paths,
        error,
    };
    Ok(render(&page))
}
