//! The question coach, the pitch coach and the question bank. The coaches answer a GET form
//! (so they work without JavaScript); `coach.js` makes them live through the JSON API.

use crate::AppState;
use crate::assets;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::page::{Page, render, render_status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use ladderless_core::CoreError;
use ladderless_core::coach::ThemeGroup;
use ladderless_core::conversations::AskedQuestion;
use ladderless_domain::coach::{MAX_PITCH_CHARS, MAX_QUESTION_CHARS, PitchVerdict, Theme};
use serde::Deserialize;

/// The text to judge.
#[derive(Debug, Default, Deserialize)]
pub struct CoachQuery {
    text: Option<String>,
}

#[derive(Template)]
#[template(path = "coach.html")]
struct QuestionPage {
    page: Page,
    text: String,
    judged: Option<AskedQuestion>,
    max: usize,
    script: String,
}

/// The question coach.
pub async fn question(
    State(_): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<CoachQuery>,
) -> HtmlResult {
    let text = q.text.unwrap_or_default();
    let judged =
        (!text.trim().is_empty()).then(|| AskedQuestion::judge(text.clone(), String::new()));
    let page = Page::new(&s, "Question coach", "/coach");
    Ok(render(&QuestionPage {
        page,
        text,
        judged,
        max: MAX_QUESTION_CHARS,
        script: assets::url("coach.js"),
    }))
}

/// A pitch verdict with percentages ready to show.
pub struct PitchShown {
    v: PitchVerdict,
    self_pct: u32,
    customer_pct: u32,
    label: &'static str,
}

#[derive(Template)]
#[template(path = "coach_pitch.html")]
struct PitchPage {
    page: Page,
    text: String,
    judged: Option<PitchShown>,
    max: usize,
    script: String,
}

/// The pitch coach.
pub async fn pitch(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<CoachQuery>,
) -> HtmlResult {
    let text = q.text.unwrap_or_default();
    let judged = (!text.trim().is_empty()).then(|| {
        let v = state.app.coach_pitch(&text);
        let label = match v.label {
            ladderless_domain::coach::PitchLabel::Customer => {
                "Leads with the customer and the business"
            }
            ladderless_domain::coach::PitchLabel::SelfFocused => "Mostly about you",
            ladderless_domain::coach::PitchLabel::Balanced => "A mix of both",
            ladderless_domain::coach::PitchLabel::Empty => "Nothing to weigh yet",
        };
        PitchShown {
            self_pct: pct(v.self_share),
            customer_pct: pct(v.customer_share),
            label,
            v,
        }
    });
    let page = Page::new(&s, "Pitch coach", "/coach");
    Ok(render(&PitchPage {
        page,
        text,
        judged,
        max: MAX_PITCH_CHARS,
        script: assets::url("coach.js"),
    }))
}

fn pct(share: f32) -> u32 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// Which theme of the bank to show.
#[derive(Debug, Default, Deserialize)]
pub struct BankQuery {
    theme: Option<String>,
}

#[derive(Template)]
#[template(path = "coach_questions.html")]
struct BankPage {
    page: Page,
    groups: Vec<ThemeGroup>,
    themes: Vec<(&'static str, &'static str, bool)>,
    total: usize,
    error: Option<String>,
}

/// Browse the question bank by theme and pick questions for a conversation.
pub async fn questions(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<BankQuery>,
) -> HtmlResult {
    let chosen = q.theme.unwrap_or_default();
    let (groups, error, status) = match state.app.question_bank(Some(&chosen)) {
        Ok(g) => (g, None, StatusCode::OK),
        Err(CoreError::Invalid(e)) => (
            state.app.question_bank(None)?,
            e.get("theme").map(|m| format!("Theme {m}")),
            StatusCode::BAD_REQUEST,
        ),
        Err(e) => return Err(e.into()),
    };
    let themes = Theme::all()
        .iter()
        .map(|t| (t.slug(), t.label(), t.slug() == chosen))
        .collect();
    let total = ladderless_domain::coach::question_bank().len();
    let page = Page::new(&s, "Question bank", "/coach");
    Ok(render_status(
        status,
        &BankPage {
            page,
            groups,
            themes,
            total,
            error,
        },
    ))
}
