//! Career-conversation guides for managers, with a practice round judged by the coach. The
//! practice is a GET form, so it works without JavaScript and nothing drafted is stored.

use crate::AppState;
use crate::error::{HtmlResult, WebError};
use crate::extract::CurrentUser;
use crate::page::{Page, render};
use askama::Template;
use axum::extract::{Path, Query, State};
use ladderless_core::CoreError;
use ladderless_domain::coach::MAX_QUESTION_CHARS;
use ladderless_domain::guides::{
    GUIDES, Guide, LISTENING_BASICS, Practice, guide, judge_practice_for,
};
use serde::Deserialize;

/// How many questions one practice round takes on the page.
const SLOTS: usize = 3;

#[derive(Template)]
#[template(path = "guides.html")]
struct GuidesPage {
    page: Page,
    guides: &'static [Guide],
    listening: &'static [&'static str],
}

/// The list of guides.
pub async fn list(State(_): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    let page = Page::new(&s, "Career conversations", "/coach");
    Ok(render(&GuidesPage {
        page,
        guides: GUIDES,
        listening: LISTENING_BASICS,
    }))
}

/// The questions drafted in a practice round.
#[derive(Debug, Default, Deserialize)]
pub struct PracticeQuery {
    q1: Option<String>,
    q2: Option<String>,
    q3: Option<String>,
}

/// One practice slot on the page: what was typed and, when something was, its judgement.
struct Slot {
    n: usize,
    text: String,
    judged: Option<Practice>,
}

#[derive(Template)]
#[template(path = "guide.html")]
struct GuidePage {
    page: Page,
    g: &'static Guide,
    listening: &'static [&'static str],
    slots: Vec<Slot>,
    practised: usize,
    good: usize,
    max: usize,
}

/// One guide, and its practice round.
pub async fn show(
    State(_): State<AppState>,
    CurrentUser(s): CurrentUser,
    Path(slug): Path<String>,
    Query(q): Query<PracticeQuery>,
) -> HtmlResult {
    let g = guide(&slug).ok_or(WebError::Html(CoreError::NotFound))?;
    let slots: Vec<Slot> = [q.q1, q.q2, q.q3]
        .into_iter()
        .take(SLOTS)
        .enumerate()
        .map(|(i, t)| {
            let text: String = t
                .unwrap_or_default()
                .chars()
                .take(MAX_QUESTION_CHARS)
                .collect();
            let judged = (!text.trim().is_empty()).then(|| judge_practice_for(g, &text));
            Slot {
                n: i + 1,
                text,
                judged,
            }
        })
        .collect();
    let practised = slots.iter().filter(|s| s.judged.is_some()).count();
    let good = slots
        .iter()
        .filter(|s| s.judged.as_ref().is_some_and(Practice::is_good))
        .count();
    let page = Page::new(&s, g.title, "/coach");
    Ok(render(&GuidePage {
        page,
        g,
        listening: LISTENING_BASICS,
        slots,
        practised,
        good,
        max: MAX_QUESTION_CHARS,
    }))
}
