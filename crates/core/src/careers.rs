//! The career graph in the running application: built in the background at start, rebuilt
//! when the organisation's observed moves or roles change, read by the map and path pages.

use crate::{App, CoreError, CoreResult};
use ladderless_graph::{Graph, Inputs, Move, OrgRoleInput, Path};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};

/// Holds the current graph, shared by every request.
#[derive(Default)]
pub struct GraphCell {
    graph: RwLock<Option<Arc<Graph>>>,
    building: AtomicBool,
    /// What the current graph was built from: (observed moves, organisation roles).
    built_from: RwLock<(usize, usize)>,
}

impl std::fmt::Debug for GraphCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphCell").field("ready", &self.get().is_some()).finish()
    }
}

impl GraphCell {
    /// The current graph, if one has been built.
    pub fn get(&self) -> Option<Arc<Graph>> {
        self.graph.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Next moves from a role, grouped for display.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct MoveGroups {
    /// More preparation or seniority.
    pub up: Vec<Move>,
    /// Similar level, same family.
    pub sideways: Vec<Move>,
    /// Similar level, another family.
    pub across: Vec<Move>,
}

impl App {
    /// Build (or rebuild) the graph from the catalogue plus the organisation's data, unless a
    /// build is already running or nothing changed since the last one. Runs off the async threads.
    pub async fn refresh_graph(&self) -> CoreResult<bool> {
        let observed = self.store.observed_moves().await?;
        let mut org_roles = Vec::new();
        for r in self.store.org_roles().await? {
            let skill_ids = self.store.org_role_skills(&r.code).await?;
            org_roles.push(OrgRoleInput { code: r.code, title: r.title, description: r.description, skill_ids });
        }
        let cell = self.graph.clone();
        let key = (observed.len(), org_roles.len());
        if cell.get().is_some() && *cell.built_from.read().unwrap_or_else(|e| e.into_inner()) == key {
            return Ok(false);
        }
        if cell.building.swap(true, Ordering::SeqCst) {
            return Ok(false);
        }
        let catalogue = self.catalogue;
        let built = tokio::task::spawn_blocking(move || {
            Graph::build(catalogue, &Inputs { observed: &observed, curated: &[], org_roles: &org_roles })
        })
        .await;
        cell.building.store(false, Ordering::SeqCst);
        let graph = built.map_err(|e| CoreError::Internal(format!("graph build failed: {e}")))?;
        tracing::info!(roles = graph.len(), ms = graph.build_time().as_millis() as u64, "career graph ready");
        *cell.graph.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(graph));
        *cell.built_from.write().unwrap_or_else(|e| e.into_inner()) = key;
        Ok(true)
    }

    /// The graph, or a clear "not ready yet" error.
    pub fn graph(&self) -> CoreResult<Arc<Graph>> {
        self.graph.get().ok_or_else(|| CoreError::field("graph", "the career map is still being prepared; try again in a few seconds"))
    }

    /// The best next moves from a role, grouped by kind (`per_kind` each).
    pub fn moves_from(&self, code: &str, per_kind: usize) -> CoreResult<MoveGroups> {
        let graph = self.graph()?;
        if !graph.contains(code) {
            return Err(CoreError::NotFound);
        }
        let moves = graph.next_moves(code, per_kind * 6).map_err(graph_error)?;
        let mut g = MoveGroups::default();
        for m in moves {
            let list = match m.kind {
                ladderless_graph::MoveKind::Up => &mut g.up,
                ladderless_graph::MoveKind::Sideways => &mut g.sideways,
                ladderless_graph::MoveKind::Across => &mut g.across,
            };
            if list.len() < per_kind {
                list.push(m);
            }
        }
        Ok(g)
    }

    /// The best `k` paths of up to four steps between two roles.
    pub fn paths_between(&self, from: &str, to: &str, k: usize) -> CoreResult<Vec<Path>> {
        let graph = self.graph()?;
        for (field, code) in [("from", from), ("to", to)] {
            if !graph.contains(code) {
                return Err(CoreError::field(field, format!("{code} is not a role in the catalogue")));
            }
        }
        graph.paths(from, to, k.clamp(1, 10), ladderless_graph::MAX_STEPS.min(4)).map_err(graph_error)
    }
}

fn graph_error(e: ladderless_graph::Error) -> CoreError {
    match e {
        ladderless_graph::Error::Invalid { field, reason } => CoreError::field(field, reason),
        other => CoreError::field("role", other.to_string()),
    }
}
