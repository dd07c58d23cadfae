//! Checking a conversation as typed: dates, kind, customers, questions (typed or from the
//! bank), needs and follow-ups, each error naming its field (and row).

use super::{ConversationInput, MAX_QUESTIONS, MAX_ROWS};
use crate::{Actor, App, CoreResult};
use ladderless_domain::coach::bank_question;
use ladderless_domain::compass::customers::ConversationKind;
use ladderless_domain::fields::{FieldErrors, optional_text, parse_date};
use ladderless_store::Uuid;
use ladderless_store::conversations::NewConversation;
use std::collections::HashMap;
use time::Duration;

impl App {
    pub(super) async fn check_conversation(
        &self,
        actor: &Actor,
        input: &ConversationInput,
    ) -> CoreResult<NewConversation> {
        let mut e = FieldErrors::new();
        let today = self.today();
        let held_on = if input.held_on.trim().is_empty() {
            Some(today)
        } else {
            parse_date(&input.held_on)
                .map_err(|m| e.add("held_on", m))
                .ok()
        };
        if held_on.is_some_and(|d| d > today + Duration::days(366)) {
            e.add("held_on", "must be within a year from today");
        }
        let kind = ConversationKind::from_code(&input.kind).unwrap_or_else(|| {
            e.add("kind", "must be one of discovery, career or follow_up");
            // Never stored: the error above refuses the input.
            ConversationKind::Discovery
        });
        let title = optional_text(&input.title, 120).unwrap_or_else(|m| {
            e.add("title", m);
            String::new()
        });
        let learned = optional_text(&input.learned, 4000).unwrap_or_else(|m| {
            e.add("learned", m);
            String::new()
        });
        let mine: HashMap<Uuid, String> = self
            .store
            .customers(actor.id())
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let mut customers = Vec::new();
        for raw in input
            .customers
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            match Uuid::parse_str(raw).ok().filter(|id| mine.contains_key(id)) {
                Some(id) if !customers.contains(&id) => customers.push(id),
                Some(_) => {}
                None => e.add("customers", "must be customers in your map"),
            }
        }
        if customers.is_empty() && e.get("customers").is_none() {
            e.add(
                "customers",
                "choose at least one customer (add them to your map first)",
            );
        }
        let questions = questions(input, &mut e);
        let row_customer =
            |raw: &str, e: &mut FieldErrors, field: &str, n: usize| -> Option<Uuid> {
                let raw = raw.trim();
                if raw.is_empty() {
                    return (customers.len() == 1).then(|| customers[0]);
                }
                let id = Uuid::parse_str(raw)
                    .ok()
                    .filter(|id| customers.contains(id));
                if id.is_none() {
                    e.add(
                        field,
                        format!("row {n}: the customer must be one who took part"),
                    );
                }
                id
            };
        let mut needs = Vec::new();
        for (i, (cust, need, evidence)) in input.needs.iter().enumerate() {
            let (need, evidence) = (need.trim(), evidence.trim());
            if need.is_empty() && evidence.is_empty() {
                continue;
            }
            let n = i + 1;
            if need.is_empty() {
                e.add(
                    "needs",
                    format!("row {n}: write the need as well as the evidence"),
                );
            }
            match (optional_text(need, 1000), optional_text(evidence, 2000)) {
                (Ok(need), Ok(evidence)) => {
                    needs.push((row_customer(cust, &mut e, "needs", n), need, evidence))
                }
                (Err(m), _) | (_, Err(m)) => e.add("needs", format!("row {n}: {m}")),
            }
        }
        let mut follow_ups = Vec::new();
        for (i, (cust, action, due)) in input.follow_ups.iter().enumerate() {
            let (action, due) = (action.trim(), due.trim());
            if action.is_empty() && due.is_empty() {
                continue;
            }
            let n = i + 1;
            let due = match parse_date(due) {
                Ok(d) => Some(d),
                Err(_) if due.is_empty() => {
                    e.add("follow_ups", format!("row {n}: give a due date"));
                    None
                }
                Err(m) => {
                    e.add("follow_ups", format!("row {n}: the due date {m}"));
                    None
                }
            };
            let action = match optional_text(action, 500) {
                Ok(a) if a.is_empty() => {
                    e.add("follow_ups", format!("row {n}: say what you will do"));
                    continue;
                }
                Ok(a) => a,
                Err(m) => {
                    e.add("follow_ups", format!("row {n}: {m}"));
                    continue;
                }
            };
            let cust = row_customer(cust, &mut e, "follow_ups", n);
            if let Some(due) = due {
                follow_ups.push((cust, action, due));
            }
        }
        if needs.len() > MAX_ROWS || follow_ups.len() > MAX_ROWS {
            e.add(
                "needs",
                format!("at most {MAX_ROWS} needs and {MAX_ROWS} follow-ups per conversation"),
            );
        }
        e.into_result()?;
        Ok(NewConversation {
            held_on,
            kind,
            title,
            learned,
            customers,
            questions,
            needs,
            follow_ups,
        })
    }
}

/// Questions from the text box (one per line) then the bank picks, without repeats.
fn questions(input: &ConversationInput, e: &mut FieldErrors) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for l in input
        .questions
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match optional_text(l, 500) {
            Ok(q) if !out.iter().any(|(t, _)| *t == q) => out.push((q, String::new())),
            Ok(_) => {}
            Err(m) => e.add("questions", format!("each question {m}")),
        }
    }
    for id in input
        .bank
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        match bank_question(id) {
            Some(q) if !out.iter().any(|(t, _)| t == q.text) => {
                out.push((q.text.to_string(), q.id.to_string()))
            }
            Some(_) => {}
            None => e.add(
                "questions",
                format!(
                    "“{}” is not in the question bank",
                    id.chars().take(40).collect::<String>()
                ),
            ),
        }
    }
    if out.len() > MAX_QUESTIONS {
        e.add(
            "questions",
            format!("at most {MAX_QUESTIONS} questions per conversation"),
        );
    }
    out
}
