//! The career graph in the running application: built in the background at start, rebuilt
//! when the organisation's observed moves, roles or curated moves change, read by the map and
//! path pages.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::compass::{Factor, Ranking};
use ladderless_graph::MoveKind;
use ladderless_graph::{CuratedEdge, Graph, Inputs, Move, OrgRoleInput, Path};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, RwLock};

/// Holds the current graph, shared by every request.
#[derive(Default)]
pub struct GraphCell {
    graph: RwLock<Option<Arc<Graph>>>,
    /// Held while a build runs; holds a fingerprint of what the current graph was built from.
    /// Builds queue on it, so a change made during a build is never lost.
    built_from: tokio::sync::Mutex<Option<u64>>,
}

impl std::fmt::Debug for GraphCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphCell")
            .field("ready", &self.get().is_some())
            .finish()
    }
}

impl GraphCell {
    /// The current graph, if one has been built.
    pub fn get(&self) -> Option<Arc<Graph>> {
        self.graph.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Everything the organisation adds to the catalogue's graph, read from storage.
#[derive(Debug, Clone, Default)]
pub struct GraphInputs {
    /// Observed moves (from code, to code).
    pub observed: Vec<(String, String)>,
    /// Curated moves, in the order they were made.
    pub curated: Vec<CuratedEdge>,
    /// Organisation roles.
    pub org_roles: Vec<OrgRoleInput>,
}

impl GraphInputs {
    /// Read them from a store (the server and `ladderless moves` build from the same).
    pub async fn load(store: &ladderless_store::Store) -> CoreResult<GraphInputs> {
        let observed = store.observed_moves().await?;
        let curated = store
            .curated_moves()
            .await?
            .iter()
            .map(crate::curated::graph_edge)
            .collect();
        let mut org_roles = Vec::new();
        for r in store.org_roles().await? {
            let skill_ids = store.org_role_skills(&r.code).await?;
            org_roles.push(OrgRoleInput {
                code: r.code,
                title: r.title,
                description: r.description,
                skill_ids,
            });
        }
        Ok(GraphInputs {
            observed,
            curated,
            org_roles,
        })
    }

    /// Build the graph of the bundled catalogue plus these inputs.
    pub fn build(&self, catalogue: &ladderless_catalogue::Catalogue) -> Graph {
        Graph::build(
            catalogue,
            &Inputs {
                observed: &self.observed,
                curated: &self.curated,
                org_roles: &self.org_roles,
            },
        )
    }

    /// A fingerprint: equal inputs give equal graphs.
    fn fingerprint(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.observed.hash(&mut h);
        for c in &self.curated {
            (&c.from, &c.to, c.action, &c.note, c.kind).hash(&mut h);
        }
        for o in &self.org_roles {
            (&o.code, &o.title, &o.description, &o.skill_ids).hash(&mut h);
        }
        h.finish()
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
    /// Build (or rebuild) the graph from the catalogue plus the organisation's data, unless
    /// nothing changed since the last build. Runs off the async threads; concurrent calls queue,
    /// and each returns once the graph reflects the data it saw.
    pub async fn refresh_graph(&self) -> CoreResult<bool> {
        let cell = self.graph.clone();
        let mut built_from = cell.built_from.lock().await;
        let inputs = GraphInputs::load(&self.store).await?;
        let key = inputs.fingerprint();
        if cell.get().is_some() && *built_from == Some(key) {
            return Ok(false);
        }
        let catalogue = self.catalogue;
        let built = tokio::task::spawn_blocking(move || inputs.build(catalogue)).await;
        let graph = built.map_err(|e| CoreError::Internal(format!("graph build failed: {e}")))?;
        tracing::info!(
            roles = graph.len(),
            ms = graph.build_time().as_millis() as u64,
            "career graph ready"
        );
        for note in graph.skipped() {
            tracing::debug!(%note, "career graph input skipped");
        }
        *cell.graph.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(graph));
        *built_from = Some(key);
        Ok(true)
    }

    /// The graph, or a clear "not ready yet" error.
    pub fn graph(&self) -> CoreResult<Arc<Graph>> {
        self.graph.get().ok_or_else(|| {
            CoreError::field(
                "graph",
                "the career map is still being prepared; try again in a few seconds",
            )
        })
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
                return Err(CoreError::field(
                    field,
                    format!("{code} is not a role in the catalogue"),
                ));
            }
        }
        graph
            .paths(from, to, k.clamp(1, 10), ladderless_graph::MAX_STEPS.min(4))
            .map_err(graph_error)
    }
}

fn graph_error(e: ladderless_graph::Error) -> CoreError {
    match e {
        ladderless_graph::Error::Invalid { field, reason } => CoreError::field(field, reason),
        other => CoreError::field("role", other.to_string()),
    }
}

/// A role worth aiming for, suggested from the viewer's compass and the career graph.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SuggestedTarget {
    /// Role code.
    pub code: String,
    /// Title.
    pub title: String,
    /// `up`, `sideways` or `across` from the viewer's role ("" for a target they named).
    pub kind: &'static str,
    /// Titles of the roles in between on the best path (empty for a direct move).
    pub via: Vec<String>,
}

/// Targets to aim for: the ones the person named in their compass, then the graph's best
/// reachable roles, in the order their top-ranked factor suggests.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct TargetSuggestions {
    /// Target roles named in the compass (aspirations).
    pub named: Vec<SuggestedTarget>,
    /// Why the suggestions come in this order ("" when the compass is not ranked).
    pub why: String,
    /// The graph's suggestions, best first within each kind, kinds in the order of `why`.
    pub suggested: Vec<SuggestedTarget>,
}

/// The kinds of move to suggest first for someone whose top-ranked factor is `top`, and why.
pub fn kinds_for(top: Option<Factor>) -> ([MoveKind; 3], &'static str) {
    use MoveKind::{Across, Sideways, Up};
    match top {
        Some(Factor::Status) => (
            [Up, Across, Sideways],
            "You rank status and recognition first. A step up is one way to more of it; a visible role in another part of the organisation is another, so both come before moves at your level.",
        ),
        // Autonomy is earned by how someone works, not handed out with rank.
        Some(Factor::Autonomy) => (
            [Sideways, Across, Up],
            "You rank autonomy first. Say over how the work is done is earned by showing you need little direction, not by rank, so roles close to what you already do well, where you can show that quickly, come first.",
        ),
        Some(Factor::Meaning) => (
            [Sideways, Across, Up],
            "You rank meaningful work first, so roles at your level with different work come first: look for work that fits your values.",
        ),
        Some(Factor::Learning) => (
            [Across, Sideways, Up],
            "You rank continued learning first, so roles in other families of work, with the most to learn, come first.",
        ),
        // Unranked: no kind is assumed to be wanted most (not "up" for everyone).
        None => ([Sideways, Across, Up], ""),
    }
}

impl App {
    /// The kinds of move in the order the actor's own compass ranking suggests; `None` when they
    /// have not ranked the factors (then show the strongest moves first, whatever their kind).
    pub async fn move_order(&self, actor: &Actor) -> CoreResult<Option<[MoveKind; 3]>> {
        let top = self
            .store
            .compass(actor.id())
            .await?
            .and_then(|c| Ranking::from_stored(&c.ranking))
            .map(|r| r.0[0]);
        Ok(top.map(|f| kinds_for(Some(f)).0))
    }
}

impl App {
    /// Where the viewer might aim from their own role: targets named in their compass, and
    /// roles reachable in up to three moves beyond the next moves the map shows, three of each kind,
    /// the kinds ordered by what they rank first in their compass.
    pub async fn suggest_targets(&self, actor: &Actor) -> CoreResult<TargetSuggestions> {
        let Some(code) = actor.person.role_code.clone() else {
            return Ok(TargetSuggestions::default());
        };
        let graph = self.graph()?;
        if !graph.contains(&code) {
            return Ok(TargetSuggestions::default());
        }
        let title = |c: &str| graph.title(c).map(str::to_string);
        let mut named = Vec::new();
        for target in self.store.target_roles(actor.id()).await? {
            if target == code {
                continue;
            }
            let Some(t) = title(&target).or(self.role_title(&target).await?) else {
                continue;
            };
            let best = graph
                .paths(&code, &target, 1, ladderless_graph::MAX_STEPS.min(4))
                .ok()
                .and_then(|p| p.into_iter().next());
            let via = best
                .map(|p| {
                    p.steps
                        .iter()
                        .take(p.steps.len().saturating_sub(1))
                        .map(|s| s.title.clone())
                        .collect()
                })
                .unwrap_or_default();
            named.push(SuggestedTarget {
                code: target,
                title: t,
                kind: "",
                via,
            });
        }
        let top = self
            .store
            .compass(actor.id())
            .await?
            .and_then(|c| Ranking::from_stored(&c.ranking))
            .map(|r| r.0[0]);
        let (kinds, why) = kinds_for(top);
        // Further than the next moves the map already shows.
        let next = self.moves_from(&code, 6)?;
        let shown: Vec<&str> = next
            .up
            .iter()
            .chain(&next.sideways)
            .chain(&next.across)
            .map(|m| m.to.as_str())
            .collect();
        let mut suggested: Vec<SuggestedTarget> = Vec::new();
        for kind in kinds {
            let mut taken = 0;
            for t in graph
                .suggest_targets(&code, kind, 30, 3)
                .map_err(graph_error)?
            {
                if taken == 3
                    || shown.contains(&t.to.as_str())
                    || named.iter().chain(&suggested).any(|s| s.code == t.to)
                {
                    continue;
                }
                taken += 1;
                let via = t.via.iter().filter_map(|c| title(c)).collect();
                suggested.push(SuggestedTarget {
                    code: t.to,
                    title: t.title,
                    kind: t.kind.as_str(),
                    via,
                });
            }
        }
        Ok(TargetSuggestions {
            named,
            why: why.to_string(),
            suggested,
        })
    }
}

#[cfg(test)]
mod target_tests {
    use super::*;

    #[test]
    fn the_top_factor_orders_the_kinds_of_move() {
        assert_eq!(kinds_for(Some(Factor::Status)).0[0], MoveKind::Up);
        assert_eq!(kinds_for(Some(Factor::Learning)).0[0], MoveKind::Across);
        assert_eq!(kinds_for(Some(Factor::Meaning)).0[0], MoveKind::Sideways);
        // autonomy is earned by behaviour, not rank; and nobody is assumed to want up
        assert_ne!(kinds_for(Some(Factor::Autonomy)).0[0], MoveKind::Up);
        assert!(!kinds_for(Some(Factor::Autonomy)).1.contains("senior roles"));
        assert_ne!(kinds_for(None).0[0], MoveKind::Up);
        assert!(
            kinds_for(None).1.is_empty(),
            "no reason claimed without a ranking"
        );
        for f in Factor::ALL {
            let (kinds, why) = kinds_for(Some(f));
            assert!(!why.is_empty());
            for k in MoveKind::ALL {
                assert!(kinds.contains(&k), "every kind is suggested for {f:?}");
            }
        }
    }
}
