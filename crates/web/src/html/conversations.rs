//! Discovery conversations: the list (with follow-ups due and needs), the form to log or
//! prepare one with questions from the bank, and one conversation with the coach's verdicts.

use crate::AppState;
use crate::assets;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Notice, NoticeQuery, Pairs, PathIds, status};
use crate::page::{Page, render, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::auth::Session;
use ladderless_core::coach::ThemeGroup;
use ladderless_core::conversations::{
    ConversationInput, ConversationLine, ConversationView, FollowUpLine, NeedLine,
};
use ladderless_core::customers::CustomerLine;
use ladderless_domain::compass::customers::ConversationKind;
use ladderless_domain::fields::FieldErrors;
use ladderless_store::Uuid;

/// Blank rows of needs and follow-ups the form offers (JavaScript can add more).
const BLANK_ROWS: usize = 3;

#[derive(Template)]
#[template(path = "conversations.html")]
struct ListPage {
    page: Page,
    conversations: Vec<ConversationLine>,
    follow_ups: Vec<FollowUpLine>,
    needs: Vec<NeedLine>,
    has_customers: bool,
}

/// One's conversations, follow-ups and needs.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let conversations = state.app.conversation_lines(&s.actor, None).await?;
    let follow_ups = state.app.follow_ups_due(&s.actor, true).await?;
    let needs = state.app.needs(&s.actor, None).await?;
    let has_customers = !state.app.customer_lines(&s.actor).await?.is_empty();
    let page = Page::new(&s, "Conversations", "/customers").with_notice(q.notice);
    Ok(render(&ListPage {
        page,
        conversations,
        follow_ups,
        needs,
        has_customers,
    }))
}

/// The conversation form as typed.
#[derive(Default)]
pub struct Typed {
    held_on: String,
    kind: String,
    title: String,
    learned: String,
    customers: Vec<String>,
    questions: String,
    bank: Vec<String>,
    needs: Vec<(String, String, String)>,
    follow_ups: Vec<(String, String, String)>,
}

impl Typed {
    fn from_pairs(f: &Pairs) -> Typed {
        let rows = |a: &str, b: &str, c: &str| -> Vec<(String, String, String)> {
            let (xs, ys, zs) = (f.all(a), f.all(b), f.all(c));
            (0..xs.len().max(ys.len()).max(zs.len()))
                .map(|i| {
                    let at = |v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
                    (at(&xs), at(&ys), at(&zs))
                })
                .collect()
        };
        Typed {
            held_on: f.get("held_on").into(),
            kind: f.get("kind").into(),
            title: f.get("title").into(),
            learned: f.get("learned").into(),
            customers: f.all("customer"),
            questions: f.get("questions").into(),
            bank: f.all("bank"),
            needs: rows("need_customer", "need", "need_evidence"),
            follow_ups: rows("follow_customer", "follow_action", "follow_due"),
        }
    }

    fn input(&self) -> ConversationInput {
        ConversationInput {
            held_on: self.held_on.clone(),
            kind: self.kind.clone(),
            title: self.title.clone(),
            learned: self.learned.clone(),
            customers: self.customers.clone(),
            questions: self.questions.clone(),
            bank: self.bank.clone(),
            needs: self.needs.clone(),
            follow_ups: self.follow_ups.clone(),
        }
    }

    fn has_customer(&self, id: &Uuid) -> bool {
        let id = id.to_string();
        self.customers.contains(&id)
    }

    fn has_bank(&self, id: &str) -> bool {
        self.bank.iter().any(|b| b == id)
    }

    fn padded(mut self) -> Typed {
        let blank = (String::new(), String::new(), String::new());
        while self.needs.len() < BLANK_ROWS {
            self.needs.push(blank.clone());
        }
        while self.follow_ups.len() < BLANK_ROWS {
            self.follow_ups.push(blank.clone());
        }
        self
    }
}

#[derive(Template)]
#[template(path = "conversation_new.html")]
struct NewPage {
    page: Page,
    t: Typed,
    customers: Vec<CustomerLine>,
    kinds: Vec<(&'static str, &'static str)>,
    bank: Vec<ThemeGroup>,
    errors: FieldErrors,
    script: String,
}

async fn new_page(state: &AppState, s: &Session, t: Typed, errors: FieldErrors) -> HtmlResult {
    let customers = state.app.customer_lines(&s.actor).await?;
    let status = status(&errors);
    let page = NewPage {
        page: Page::new(s, "Log a conversation", "/customers"),
        t: t.padded(),
        customers,
        kinds: ConversationKind::ALL
            .iter()
            .map(|k| (k.code(), k.label()))
            .collect(),
        bank: state.app.question_bank(None)?,
        errors,
        script: assets::url("coach.js"),
    };
    Ok(render_status(status, &page))
}

/// The form to log (or prepare) a conversation; `?customer=ID` and `?bank=ID` pre-fill it.
pub async fn new(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(q): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let q = Pairs(q);
    let t = Typed {
        held_on: state.app.today().to_string(),
        kind: "discovery".into(),
        customers: q.all("customer"),
        bank: q.all("bank"),
        ..Default::default()
    };
    new_page(&state, &s, t, FieldErrors::new()).await
}

/// Save a conversation with everything in it.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let t = Typed::from_pairs(&Pairs(f));
    match state
        .app
        .create_conversation(&s.actor, &t.input())
        .await
        .form()?
    {
        Ok(id) => Ok(Notice::ConversationSaved.redirect(&format!("/conversations/{id}"))),
        Err(errors) => new_page(&state, &s, t, errors).await,
    }
}

#[derive(Template)]
#[template(path = "conversation.html")]
struct ShowPage {
    page: Page,
    v: ConversationView,
}

/// One conversation, each question judged by the coach.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let v = state.app.conversation_view(&s.actor, id).await?;
    let title = if v.line.conversation.title.is_empty() {
        v.line.kind_label.to_string()
    } else {
        v.line.conversation.title.clone()
    };
    Ok(render(&ShowPage {
        page: Page::new(&s, title, "/customers").with_notice(q.notice),
        v,
    }))
}

/// Delete a conversation.
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    state.app.delete_conversation(&s.actor, id).await?;
    Ok(Notice::ConversationDeleted.redirect("/conversations"))
}

/// Mark a follow-up done (or open again with `done=0`), then go back where the form was.
pub async fn follow_up_done(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let done = f.get("done") != "0";
    state.app.set_follow_up_done(&s.actor, id, done).await?;
    Ok(Notice::FollowUpDone.redirect(safe_back(f.get("back"))))
}

/// Only local paths (never another site) are followed back to.
fn safe_back(back: &str) -> &str {
    let local = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains(['\\', '?', '#', '\r', '\n']);
    if local { back } else { "/conversations" }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed_back() {
        assert_eq!(super::safe_back("/customers/1"), "/customers/1");
        assert_eq!(super::safe_back("//evil.example"), "/conversations");
        assert_eq!(super::safe_back("https://evil.example"), "/conversations");
        assert_eq!(super::safe_back("/\\evil"), "/conversations");
        assert_eq!(super::safe_back(""), "/conversations");
    }
}
