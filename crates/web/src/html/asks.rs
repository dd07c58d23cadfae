//! Upward conversations: prepare an ask (what I want, what I offer, what I will ask, my
//! questions checked by the coach), record it, record the answer, ask again when nothing
//! moved. Only the asker and the person asked see an ask.

use super::{FormOutcome, Notice, NoticeQuery, Pairs, PathIds, status};
use crate::AppState;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::asks::{AskLine, AskView, UpwardPrep};
use ladderless_core::auth::Session;
use ladderless_core::conversations::AskedQuestion;
use ladderless_domain::ask::{AskInput, AskStatus, DEFAULT_WAIT_DAYS, MAX_QUESTIONS, WAIT_DAYS};
use ladderless_domain::fields::FieldErrors;
use ladderless_store::Uuid;

#[derive(Template)]
#[template(path = "asks.html")]
struct AsksPage {
    page: Page,
    mine: Vec<AskLine>,
    to_me: Vec<AskLine>,
    due: usize,
}

/// My asks (with the reminders) and the asks put to me.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let mine = state.app.my_asks(&s.actor).await?;
    let due = mine.iter().filter(|l| l.again_due).count();
    let page = AsksPage {
        page: Page::new(&s, "Asks", "/asks").with_notice(q.notice),
        to_me: state.app.asks_to_me(&s.actor).await?,
        mine,
        due,
    };
    Ok(render_status(status(&FieldErrors::new()), &page))
}

/// What was typed into the preparation form, kept when it is shown again.
#[derive(Debug, Clone, Default)]
struct Kept {
    asked_of: String,
    input: AskInput,
}

#[derive(Template)]
#[template(path = "ask_new.html")]
struct NewPage {
    page: Page,
    prep: UpwardPrep,
    kept: Kept,
    questions: Vec<(usize, String, Option<AskedQuestion>)>,
    errors: FieldErrors,
    default_wait: i32,
    wait_min: i32,
    wait_max: i32,
}

impl NewPage {
    fn err(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(str::to_string)
    }
}

async fn new_page(state: &AppState, s: &Session, kept: Kept, errors: FieldErrors) -> HtmlResult {
    let prep = state.app.upward_prep(&s.actor).await?;
    let mut kept = kept;
    if kept.asked_of.is_empty() {
        kept.asked_of = prep
            .chain
            .first()
            .map(|c| c.id.to_string())
            .unwrap_or_default();
    }
    let questions = (0..MAX_QUESTIONS)
        .map(|i| {
            let text = kept.input.questions.get(i).cloned().unwrap_or_default();
            let judged = (!text.trim().is_empty())
                .then(|| AskedQuestion::judge(text.clone(), String::new()));
            (i, text, judged)
        })
        .collect();
    let st = status(&errors);
    let page = NewPage {
        page: Page::new(s, "Prepare an ask", "/asks"),
        prep,
        kept,
        questions,
        errors,
        default_wait: DEFAULT_WAIT_DAYS,
        wait_min: WAIT_DAYS.0,
        wait_max: WAIT_DAYS.1,
    };
    Ok(render_status(st, &page))
}

/// Prepare an upward conversation.
pub async fn new(State(state): State<AppState>, CurrentUser(s): CurrentUser) -> HtmlResult {
    new_page(&state, &s, Kept::default(), FieldErrors::new()).await
}

fn kept_from(pairs: &Pairs) -> Kept {
    Kept {
        asked_of: pairs.get("asked_of").trim().to_string(),
        input: AskInput {
            what: pairs.get("what").to_string(),
            want: pairs.get("want").to_string(),
            offer: pairs.get("offer").to_string(),
            questions: (0..MAX_QUESTIONS)
                .map(|i| pairs.get(&format!("question_{i}")).to_string())
                .collect(),
            wait_days: pairs.get("wait_days").to_string(),
        },
    }
}

/// Record the ask; "check" only judges the questions and shows the form again.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let kept = kept_from(&pairs);
    if pairs.get("check") == "1" {
        return new_page(&state, &s, kept, FieldErrors::new()).await;
    }
    let asked_of = match kept.asked_of.as_str() {
        "" => Ok(None),
        t => t.parse::<Uuid>().map(Some),
    };
    let Ok(asked_of) = asked_of else {
        let mut e = FieldErrors::new();
        e.add("asked_of", "must be one of the people listed");
        return new_page(&state, &s, kept, e).await;
    };
    match state
        .app
        .create_ask(&s.actor, asked_of, &kept.input)
        .await
        .form()?
    {
        Ok(id) => Ok(Notice::AskRecorded.redirect(&format!("/asks/{id}"))),
        Err(errors) => new_page(&state, &s, kept, errors).await,
    }
}

#[derive(Template)]
#[template(path = "ask.html")]
struct AskPage {
    page: Page,
    v: AskView,
    answers: [AskStatus; 3],
    errors: FieldErrors,
    note: String,
}

impl AskPage {
    fn err(&self, field: &str) -> Option<String> {
        self.errors.get(field).map(str::to_string)
    }
}

async fn ask_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    errors: FieldErrors,
    note: String,
    notice: Option<Notice>,
) -> HtmlResult {
    let v = state.app.ask_view(&s.actor, id).await?;
    let st = status(&errors);
    let page = AskPage {
        page: Page::new(s, v.line.ask.what.clone(), "/asks").with_notice(notice),
        v,
        answers: AskStatus::ANSWERS,
        errors,
        note,
    };
    Ok(render_status(st, &page))
}

/// One ask with its history.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    ask_page(&state, &s, id, FieldErrors::new(), String::new(), q.notice).await
}

/// Record the answer.
pub async fn answer(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let note = pairs.get("note").to_string();
    match state
        .app
        .answer_ask(&s.actor, id, pairs.get("answer"), &note)
        .await
        .form()?
    {
        Ok(()) => Ok(Notice::AskAnswered.redirect(&format!("/asks/{id}"))),
        Err(errors) => ask_page(&state, &s, id, errors, note, None).await,
    }
}

/// Ask again.
pub async fn again(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(pairs): Form<Pairs>,
) -> HtmlResult {
    let note = pairs.get("note").to_string();
    match state.app.repeat_ask(&s.actor, id, &note).await.form()? {
        Ok(()) => Ok(Notice::AskRepeated.redirect(&format!("/asks/{id}"))),
        Err(errors) => ask_page(&state, &s, id, errors, note, None).await,
    }
}

/// Take the ask back.
pub async fn withdraw(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    match state.app.withdraw_ask(&s.actor, id).await.form()? {
        Ok(()) => Ok(Notice::AskWithdrawn.redirect("/asks")),
        Err(errors) => ask_page(&state, &s, id, errors, String::new(), None).await,
    }
}
