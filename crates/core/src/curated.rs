//! Moves curated by talent admins: add a move the graph does not suggest (or pin one it does),
//! hide a move, or annotate one with a note people see on the map. Every change is audited and
//! the career graph is rebuilt before the call returns, so the map shows it at once.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_catalogue::normalize;
use ladderless_domain::fields::{FieldErrors, optional_text};
use ladderless_graph::{CuratedAction, CuratedEdge, MoveKind};
use ladderless_store::curated::CuratedMove;
use ladderless_store::{StoreError, Uuid, new_id};
use serde::{Deserialize, Serialize};

/// What a curated move can do, with the words the admin page uses.
pub const ACTIONS: [(&str, &str); 3] = [
    ("add", "Add the move (shown first in the role’s moves)"),
    ("annotate", "Keep the map’s own score and add a note"),
    ("remove", "Hide the move, whatever suggests it"),
];

/// The longest note.
pub const MAX_NOTE: usize = 500;

/// What a form or the API sends to curate a move.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct CuratedInput {
    /// The role the move starts from: a code or an exact title.
    #[serde(default)]
    pub from: String,
    /// A code picked from suggestions (wins over `from`).
    #[serde(default)]
    pub from_code: String,
    /// The role the move leads to: a code or an exact title.
    #[serde(default)]
    pub to: String,
    /// A code picked from suggestions (wins over `to`).
    #[serde(default)]
    pub to_code: String,
    /// `add` (default), `annotate` or `remove`.
    #[serde(default)]
    pub action: String,
    /// For `add`: `up`, `sideways` or `across`; blank to let the job zones decide.
    #[serde(default)]
    pub kind: String,
    /// The note shown with the move.
    #[serde(default)]
    pub note: String,
}

/// A curated move with the role titles, for lists.
#[derive(Debug, Clone)]
pub struct CuratedLine {
    /// The stored move.
    pub curated: CuratedMove,
    /// Title of the role the move starts from.
    pub from_title: String,
    /// Title of the role the move leads to.
    pub to_title: String,
}

/// The graph's form of a stored curated move.
pub fn graph_edge(m: &CuratedMove) -> CuratedEdge {
    let action = match m.action.as_str() {
        "remove" => CuratedAction::Remove,
        "annotate" => CuratedAction::Annotate,
        _ => CuratedAction::Add,
    };
    CuratedEdge {
        from: m.from_code.clone(),
        to: m.to_code.clone(),
        action,
        note: Some(m.note.trim())
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        score: None,
        kind: m.kind.as_deref().and_then(|k| k.parse::<MoveKind>().ok()),
    }
}

fn unknown_role() -> String {
    "is not a role in the catalogue or the organisation: type its code (e.g. 15-1252.00) or pick a title from the suggestions".into()
}

impl App {
    /// A role code and title from a picked code, a typed code or an exact title.
    async fn resolve_role(
        &self,
        code: &str,
        text: &str,
    ) -> CoreResult<Result<(String, String), String>> {
        for candidate in [code.trim(), text.trim()] {
            if candidate.is_empty() {
                continue;
            }
            if let Some(r) = self.catalogue.role(candidate) {
                return Ok(Ok((r.code.clone(), r.title.clone())));
            }
            if let Some(r) = self.store.org_role(candidate).await? {
                return Ok(Ok((r.code, r.title)));
            }
        }
        let text = text.trim();
        if text.is_empty() {
            return Ok(Err(if code.trim().is_empty() {
                "is required".into()
            } else {
                unknown_role()
            }));
        }
        let key = normalize(text);
        let hit = self
            .search_roles(text, 50)
            .await?
            .into_iter()
            .find(|r| normalize(&r.title) == key);
        Ok(hit.map(|r| (r.code, r.title)).ok_or_else(unknown_role))
    }

    /// Every curated move with role titles (talent admins).
    pub async fn curated_moves(&self, actor: &Actor) -> CoreResult<Vec<CuratedLine>> {
        actor.require_talent_admin()?;
        let mut out = Vec::new();
        for m in self.store.curated_moves().await? {
            let from_title = self
                .role_title(&m.from_code)
                .await?
                .unwrap_or_else(|| m.from_code.clone());
            let to_title = self
                .role_title(&m.to_code)
                .await?
                .unwrap_or_else(|| m.to_code.clone());
            out.push(CuratedLine {
                curated: m,
                from_title,
                to_title,
            });
        }
        Ok(out)
    }

    /// Curate a move (talent admins): checked, stored, audited, then the graph is rebuilt.
    pub async fn add_curated_move(
        &self,
        actor: &Actor,
        input: &CuratedInput,
    ) -> CoreResult<CuratedMove> {
        actor.require_talent_admin()?;
        let mut errors = FieldErrors::new();
        let from = self
            .resolve_role(&input.from_code, &input.from)
            .await?
            .map_err(|m| errors.add("from", m))
            .ok();
        let to = self
            .resolve_role(&input.to_code, &input.to)
            .await?
            .map_err(|m| errors.add("to", m))
            .ok();
        let action = match input.action.trim() {
            "" => "add",
            a => ACTIONS
                .iter()
                .map(|(code, _)| *code)
                .find(|c| *c == a)
                .unwrap_or_else(|| {
                    errors.add("action", "must be add, annotate or remove");
                    "add"
                }),
        };
        let kind = match input.kind.trim() {
            "" => None,
            k => match k.parse::<MoveKind>() {
                Ok(kind) if action == "add" => Some(kind.as_str().to_string()),
                Ok(_) => None,
                Err(_) => {
                    errors.add("kind", "must be up, sideways or across (or blank)");
                    None
                }
            },
        };
        let note = self.check_note(action, &input.note, &mut errors);
        let mut duplicate = false;
        if let (Some((f, _)), Some((t, _))) = (&from, &to) {
            if f == t {
                errors.add(
                    "to",
                    "must be another role than the one the move starts from",
                );
            } else if self
                .store
                .curated_moves()
                .await?
                .iter()
                .any(|m| &m.from_code == f && &m.to_code == t)
            {
                duplicate = true;
            } else if action == "annotate" && !self.graph_suggests(f, t)? {
                errors.add("action", "the map does not suggest this move, so there is nothing to annotate: choose “Add the move” instead");
            }
        }
        errors.into_result()?;
        if duplicate {
            return Err(CoreError::Conflict { field: "to".into() });
        }
        let (Some((from, from_title)), Some((to, to_title))) = (from, to) else {
            return Err(CoreError::Internal("curated move without roles".into()));
        };
        let now = self.now();
        let m = CuratedMove {
            id: new_id(),
            from_code: from,
            to_code: to,
            action: action.to_string(),
            kind,
            note,
            created_by: Some(actor.id()),
            created_at: now,
            updated_at: now,
        };
        self.store
            .insert_curated_move(&m)
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => CoreError::Conflict { field: "to".into() },
                other => other.into(),
            })?;
        let subject = format!("{from_title} → {to_title}");
        let detail = format!(
            "{}{}{}",
            m.action,
            if m.note.is_empty() { "" } else { ": " },
            m.note
        );
        self.store
            .audit(
                Some(actor.id()),
                "curated_move_add",
                &subject,
                &detail,
                "",
                now,
            )
            .await?;
        self.refresh_graph().await?;
        Ok(m)
    }

    /// Change the note of a curated move (talent admins).
    pub async fn update_curated_note(
        &self,
        actor: &Actor,
        id: Uuid,
        note: &str,
    ) -> CoreResult<CuratedMove> {
        actor.require_talent_admin()?;
        let m = self.store.curated_move(id).await?;
        let mut errors = FieldErrors::new();
        let note = self.check_note(&m.action, note, &mut errors);
        errors.into_result()?;
        let now = self.now();
        self.store
            .update_curated_move(id, &m.action, m.kind.as_deref(), &note, now)
            .await?;
        let subject = format!("{} → {}", m.from_code, m.to_code);
        self.store
            .audit(
                Some(actor.id()),
                "curated_move_note",
                &subject,
                &note,
                "",
                now,
            )
            .await?;
        self.refresh_graph().await?;
        Ok(CuratedMove {
            note,
            updated_at: now,
            ..m
        })
    }

    /// Remove a curated move (talent admins): the graph goes back to its own suggestion.
    pub async fn remove_curated_move(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        actor.require_talent_admin()?;
        let m = self.store.curated_move(id).await?;
        self.store.delete_curated_move(id).await?;
        let subject = format!("{} → {}", m.from_code, m.to_code);
        self.store
            .audit(
                Some(actor.id()),
                "curated_move_remove",
                &subject,
                &m.action,
                "",
                self.now(),
            )
            .await?;
        self.refresh_graph().await?;
        Ok(())
    }

    fn check_note(&self, action: &str, note: &str, errors: &mut FieldErrors) -> String {
        let note = optional_text(note, MAX_NOTE).unwrap_or_else(|m| {
            errors.add("note", m);
            String::new()
        });
        if action == "annotate" && note.is_empty() && errors.get("note").is_none() {
            errors.add(
                "note",
                "is required to annotate a move (it is what people see)",
            );
        }
        note
    }

    /// Whether the graph (when ready) suggests the move; when it is not ready yet, assume it does.
    fn graph_suggests(&self, from: &str, to: &str) -> CoreResult<bool> {
        let Some(graph) = self.graph.get() else {
            return Ok(true);
        };
        Ok(graph
            .move_between(from, to)
            .map(|m| m.is_some())
            .unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    fn row(action: &str, kind: Option<&str>, note: &str) -> CuratedMove {
        CuratedMove {
            id: new_id(),
            from_code: "15-1252.00".into(),
            to_code: "11-3021.00".into(),
            action: action.into(),
            kind: kind.map(str::to_string),
            note: note.into(),
            created_by: None,
            created_at: OffsetDateTime::UNIX_EPOCH,
            updated_at: OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn stored_moves_become_graph_edges() {
        let e = graph_edge(&row("add", Some("up"), "  Talk to Max  "));
        assert_eq!(
            (e.action, e.kind, e.note.as_deref(), e.score),
            (
                CuratedAction::Add,
                Some(MoveKind::Up),
                Some("Talk to Max"),
                None
            )
        );
        let e = graph_edge(&row("remove", None, ""));
        assert_eq!((e.action, e.note), (CuratedAction::Remove, None));
        assert_eq!(
            graph_edge(&row("annotate", None, "x")).action,
            CuratedAction::Annotate
        );
    }
}
