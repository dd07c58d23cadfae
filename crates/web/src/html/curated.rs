//! The talent admins' page of curated moves: list, add (with role type-ahead or a code), change
//! a note, remove.

use crate::AppState;
use crate::assets;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Notice, NoticeQuery, Pairs, PathIds};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
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
    notice: Option<Notice>,
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
        q.notice,
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
    let result = state
        .app
        .add_curated_move(&s.actor, &input)
        .await
        .map_err(|e| match e {
            CoreError::Conflict { field } => CoreError::field(
                &field,
                "this move is curated already: change its note or remove it in the list below",
            ),
            e => e,
        });
    match result.form()? {
        Ok(_) => Ok(Notice::CuratedSaved.redirect("/admin/moves")),
        Err(errors) => curated_page(&state, &s, input, errors, NoteError::default(), None).await,
    }
}

/// Change the note of a curated move.
pub async fn update_note(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let note = Pairs(f).get("note").to_string();
    match state
        .app
        .update_curated_note(&s.actor, id, &note)
        .await
        .form()?
    {
        Ok(_) => Ok(Notice::CuratedSaved.redirect("/admin/moves")),
        Err(errors) => {
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
    }
}

/// Remove a curated move.
pub async fn remove(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    state.app.remove_curated_move(&s.actor, id).await?;
    Ok(Notice::CuratedRemoved.redirect("/admin/moves"))
}
