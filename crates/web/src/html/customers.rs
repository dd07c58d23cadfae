//! Internal customers: one's map (list and network picture), a customer's page with their
//! conversations, and the forms to add, change and remove them.

use crate::AppState;
use crate::assets;
use crate::error::HtmlResult;
use crate::extract::CurrentUser;
use crate::html::{FormOutcome, Notice, NoticeQuery, Pairs, PathIds, status};
use crate::page::{Page, render_status};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use ladderless_core::auth::Session;
use ladderless_core::conversations::{ConversationLine, FollowUpLine, NeedLine};
use ladderless_core::customers::{CustomerInput, CustomerLine, NetworkNode};
use ladderless_domain::compass::customers::{Relationship, STRENGTHS};
use ladderless_domain::compass::network::{HEIGHT, WIDTH, centre};
use ladderless_domain::fields::FieldErrors;
use ladderless_store::Uuid;
use ladderless_store::teams::Team;

/// The customer form's fields, as typed or saved.
#[derive(Default)]
pub struct CustomerForm {
    person: String,
    team_id: String,
    relationship: String,
    goals: String,
    obstacles: String,
    notes: String,
    strength: String,
    last_contact: String,
    next_contact: String,
}

impl CustomerForm {
    fn from_pairs(f: &Pairs) -> CustomerForm {
        CustomerForm {
            person: f.get("person").into(),
            team_id: f.get("team_id").into(),
            relationship: f.get("relationship").into(),
            goals: f.get("goals").into(),
            obstacles: f.get("obstacles").into(),
            notes: f.get("notes").into(),
            strength: f.get("strength").into(),
            last_contact: f.get("last_contact").into(),
            next_contact: f.get("next_contact").into(),
        }
    }

    fn input(&self, person_id: &str) -> CustomerInput {
        CustomerInput {
            person: self.person.clone(),
            person_id: Some(person_id.to_string()).filter(|p| !p.is_empty()),
            team_id: Some(self.team_id.clone()).filter(|t| !t.is_empty()),
            relationship: self.relationship.clone(),
            goals: self.goals.clone(),
            obstacles: self.obstacles.clone(),
            notes: self.notes.clone(),
            strength: self.strength.clone(),
            last_contact: self.last_contact.clone(),
            next_contact: self.next_contact.clone(),
        }
    }

    fn from_line(l: &CustomerLine) -> CustomerForm {
        let c = &l.customer;
        CustomerForm {
            person: String::new(),
            team_id: String::new(),
            relationship: c.relationship.code().to_string(),
            goals: c.goals.clone(),
            obstacles: c.obstacles.clone(),
            notes: c.notes.clone(),
            strength: c.strength.to_string(),
            last_contact: c.last_contact.map(|d| d.to_string()).unwrap_or_default(),
            next_contact: c.next_contact.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// Choices the customer form offers.
pub struct Choices {
    relationships: Vec<(&'static str, &'static str)>,
    strengths: Vec<(usize, &'static str)>,
}

fn choices() -> Choices {
    Choices {
        relationships: Relationship::ALL
            .iter()
            .map(|r| (r.code(), r.label()))
            .collect(),
        strengths: STRENGTHS
            .iter()
            .enumerate()
            .map(|(i, s)| (i + 1, *s))
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "customers.html")]
struct CustomersPage {
    page: Page,
    lines: Vec<CustomerLine>,
    nodes: Vec<NetworkNode>,
    overdue: usize,
    teams: Vec<Team>,
    form: CustomerForm,
    choices: Choices,
    errors: FieldErrors,
    size: (f32, f32, f32, f32),
    script: String,
}

async fn customers_page(
    state: &AppState,
    s: &Session,
    form: CustomerForm,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let lines = state.app.customer_lines(&s.actor).await?;
    let nodes = state.app.network(&lines);
    let overdue = lines.iter().filter(|l| l.due.code() == "overdue").count();
    let teams = state.app.teams().await?;
    let status = status(&errors);
    let (cx, cy) = centre();
    let page = CustomersPage {
        page: Page::new(s, "Your internal customers", "/customers").with_notice(notice),
        lines,
        nodes,
        overdue,
        teams,
        form,
        choices: choices(),
        errors,
        size: (WIDTH, HEIGHT, cx, cy),
        script: assets::url("compass.js"),
    };
    Ok(render_status(status, &page))
}

/// One's map of internal customers.
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    let form = CustomerForm {
        relationship: "peer".into(),
        strength: "2".into(),
        ..Default::default()
    };
    customers_page(&state, &s, form, FieldErrors::new(), q.notice).await
}

/// Add a customer.
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let f = Pairs(f);
    let form = CustomerForm::from_pairs(&f);
    match state
        .app
        .create_customer(&s.actor, &form.input(f.get("person_id")))
        .await
        .form()?
    {
        Ok(id) => Ok(Notice::CustomerAdded.redirect(&format!("/customers/{id}"))),
        Err(errors) => customers_page(&state, &s, form, errors, None).await,
    }
}

#[derive(Template)]
#[template(path = "customer.html")]
struct CustomerPage {
    page: Page,
    c: CustomerLine,
    conversations: Vec<ConversationLine>,
    needs: Vec<NeedLine>,
    follow_ups: Vec<FollowUpLine>,
    form: CustomerForm,
    choices: Choices,
    errors: FieldErrors,
}

async fn customer_page(
    state: &AppState,
    s: &Session,
    id: Uuid,
    form: Option<CustomerForm>,
    errors: FieldErrors,
    notice: Option<Notice>,
) -> HtmlResult {
    let c = state.app.customer_line(&s.actor, id).await?;
    let conversations = state.app.conversation_lines(&s.actor, Some(id)).await?;
    let needs = state.app.needs(&s.actor, Some(id)).await?;
    let follow_ups = state
        .app
        .follow_ups_due(&s.actor, true)
        .await?
        .into_iter()
        .filter(|f| f.follow_up.customer_id == Some(id))
        .collect();
    let status = status(&errors);
    let page = CustomerPage {
        page: Page::new(s, c.customer.name.clone(), "/customers").with_notice(notice),
        form: form.unwrap_or_else(|| CustomerForm::from_line(&c)),
        c,
        conversations,
        needs,
        follow_ups,
        choices: choices(),
        errors,
    };
    Ok(render_status(status, &page))
}

/// A customer's page: what they want, the conversations with them, needs and follow-ups.
pub async fn show(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Query(q): Query<NoticeQuery>,
) -> HtmlResult {
    customer_page(&state, &s, id, None, FieldErrors::new(), q.notice).await
}

/// Change a customer.
pub async fn update(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
    Form(f): Form<Vec<(String, String)>>,
) -> HtmlResult {
    let form = CustomerForm::from_pairs(&Pairs(f));
    match state
        .app
        .update_customer(&s.actor, id, &form.input(""))
        .await
        .form()?
    {
        Ok(()) => Ok(Notice::CustomerSaved.redirect(&format!("/customers/{id}"))),
        Err(errors) => customer_page(&state, &s, id, Some(form), errors, None).await,
    }
}

/// Remove a customer from the map.
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(s): CurrentUser,
    PathIds(id, _): PathIds,
) -> HtmlResult {
    state.app.delete_customer(&s.actor, id).await?;
    Ok(Notice::CustomerDeleted.redirect("/customers"))
}
