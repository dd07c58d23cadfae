//! The talent admins' page of curated moves: list, add (with role type-ahead or a code), change
//! a note, remove.

use crate::AppState;
use crate::assets;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::NoticeQuery;
use crate::html::compass::{PageId, Pairs};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use ladderless_core::CoreError;
use ladderless_core::auth::Session;
use ladderless_core::curated::{ACTIONS, CuratedInput, CuratedLine};
use ladderless_domain::fields::FieldErrors;

/// A note being edited that did not save, to show beside its row.
#[derive(Default)]
struct NoteError {
    id: String,
    message: String,
    kept: String,
}

#[derive(Template)]
#[template(path = "curated_moves.html")]
struct CuratedPage {
    page: Page,
    moves: Vec<CuratedLine>,
    form: CuratedInput,
    errors: FieldErrors,
    note_error: NoteError,
    actions: &'static [(&'static str, &'static str)],
    script: String,
}

impl CuratedPage {
    fn action_label(&self, code: &str) -> &'static str {
        match code {
            "add" => "Added",
            "remove" => "Hidden",
            _ => "Note only",
        }
    }

    fn checked(&self, code: &str) -> bool {
        let chosen = if self.form.action.is_empty() {
            "add"
        } else {
            self.form.action.as_str()
        };
        chosen == code
    }
}

async fn curated_page(
    state: &AppState,
    s: &Session,
    form: CuratedInput,
    errors: FieldErrors,
    note_error: NoteError,
    notice: Option<&str>,
) -> HtmlResult {
    let moves = state.app.curated_moves(&s.actor).await?;
    let status = if errors.is_empty() && note_error.message.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = CuratedPage {
        page: Page::new(s, "Curated moves", "/admin").with_notice(notice),
        moves,
        form,
        errors,
        note_error,
        actions: &ACTIONS,
        script: assets::url("compass.js"),
    };
    Ok(render_status(status, &page))
}

/// Curated moves and the form to add one.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    curated_page(
        &state,
        &s,
        CuratedInput::default(),
        FieldErrors::new(),
        NoteError::default(),
        q.notice.as_deref(),
    )
    .await
}

/// Curate a move; an invalid form comes back with its errors and what was typed.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let last = |name: &str| {
        f.all(name)
            .into_iter()
            .rev()
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    };
    let input = CuratedInput {
        from: f.get("from").into(),
        from_code: last("from_code"),
        to: f.get("to").into(),
        to_code: last("to_code"),
        action: f.get("action").into(),
        kind: f.get("kind").into(),
        note: f.get("note").into(),
    };
    match state.app.add_curated_move(&s.actor, &input).await {
        Ok(_) => Ok(Redirect::to("/admin/moves?notice=curated_saved").into_response()),
        Err(CoreError::Invalid(errors)) => {
            curated_page(&state, &s, input, errors, NoteError::default(), None).await
        }
        Err(CoreError::Conflict { field }) => {
            let mut errors = FieldErrors::new();
            errors.add(
                &field,
                "this move is curated already: change its note or remove it in the list below",
            );
            curated_page(&state, &s, input, errors, NoteError::default(), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Change the note of a curated move.
pub async fn update_note(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PageId(id): PageId,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let note = Pairs(f).get("note").to_string();
    match state.app.update_curated_note(&s.actor, id, &note).await {
        Ok(_) => Ok(Redirect::to("/admin/moves?notice=curated_saved").into_response()),
        Err(CoreError::Invalid(errors)) => {
            let message = errors.get("note").unwrap_or("is not valid").to_string();
            let note_error = NoteError {
                id: id.to_string(),
                message,
                kept: note,
            };
            curated_page(
                &state,
                &s,
                CuratedInput::default(),
                FieldErrors::new(),
                note_error,
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Remove a curated move.
pub async fn remove(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PageId(id): PageId,
) -> HtmlResult {
    state.app.remove_curated_move(&s.actor, id).await?;
    Ok(Redirect::to("/admin/moves?notice=curated_removed").into_response())
}
