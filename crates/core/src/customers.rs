//! Internal customers: a person's own map of the colleagues and teams they serve, with when
//! each is due for contact and a network picture. Private to the owner.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::compass::customers::{
    Due, Relationship, check_contact_dates, check_strength, relative_day, strength_label,
};
use ladderless_domain::compass::network::{self, Placed};
use ladderless_domain::fields::{FieldErrors, optional_text, parse_date};
use ladderless_store::customers::{Customer, CustomerFields};
use ladderless_store::{StoreError, Uuid};
use time::Date;

/// A customer as the owner's list shows it.
#[derive(Debug, Clone)]
pub struct CustomerLine {
    /// The record.
    pub customer: Customer,
    /// Relationship label.
    pub relationship_label: &'static str,
    /// Strength label.
    pub strength_label: &'static str,
    /// Whether the next contact is overdue, soon, later or unplanned.
    pub due: Due,
    /// "in 3 days", "5 days ago" (empty when no next contact).
    pub due_text: String,
}

/// One node of the network picture.
#[derive(Debug, Clone)]
pub struct NetworkNode {
    /// The customer.
    pub line: CustomerLine,
    /// Where it is drawn.
    pub at: Placed,
    /// The label drawn beside it.
    pub short_name: String,
}

/// A customer, as typed into a form or sent to the API.
#[derive(Debug, Clone, Default)]
pub struct CustomerInput {
    /// A colleague: `"Name <email>"`, an e-mail address or an exact name (new customers only).
    pub person: String,
    /// A colleague's id (wins over `person`).
    pub person_id: Option<String>,
    /// A team's id (new customers only).
    pub team_id: Option<String>,
    /// Relationship code.
    pub relationship: String,
    /// What they are trying to achieve.
    pub goals: String,
    /// What stands in their way.
    pub obstacles: String,
    /// Notes.
    pub notes: String,
    /// Strength 1–5, as typed.
    pub strength: String,
    /// Last contact, YYYY-MM-DD or empty.
    pub last_contact: String,
    /// Next contact due, YYYY-MM-DD or empty.
    pub next_contact: String,
}

/// Most customers in one map.
pub const MAX_CUSTOMERS: usize = 200;

impl App {
    /// Today, by the clock.
    pub fn today(&self) -> Date {
        self.now().date()
    }

    /// The actor's customers with due dates worked out.
    pub async fn customer_lines(&self, actor: &Actor) -> CoreResult<Vec<CustomerLine>> {
        let today = self.today();
        Ok(self
            .store
            .customers(actor.id())
            .await?
            .into_iter()
            .map(|c| line(c, today))
            .collect())
    }

    /// One of the actor's customers (NotFound for anyone else's).
    pub async fn customer_line(&self, actor: &Actor, id: Uuid) -> CoreResult<CustomerLine> {
        Ok(line(
            self.store.customer(actor.id(), id).await?,
            self.today(),
        ))
    }

    /// The network picture: the actor in the centre, customers around, strongest first placed.
    pub fn network(&self, lines: &[CustomerLine]) -> Vec<NetworkNode> {
        let strengths: Vec<i32> = lines.iter().map(|l| l.customer.strength).collect();
        network::layout(&strengths)
            .into_iter()
            .map(|at| {
                let line = lines[at.index].clone();
                NetworkNode {
                    short_name: network::short_label(&line.customer.name, 18),
                    line,
                    at,
                }
            })
            .collect()
    }

    /// Add a customer to the actor's map.
    pub async fn create_customer(&self, actor: &Actor, input: &CustomerInput) -> CoreResult<Uuid> {
        let mut errors = FieldErrors::new();
        let who = self.resolve_customer(actor, input, &mut errors).await?;
        let fields = self.customer_fields(input, who, &mut errors);
        errors.into_result()?;
        if self.store.customers(actor.id()).await?.len() >= MAX_CUSTOMERS {
            return Err(CoreError::field(
                "person",
                format!("cannot be added: your map already has {MAX_CUSTOMERS} customers"),
            ));
        }
        let field = if fields.team_id.is_some() {
            "team_id"
        } else {
            "person"
        };
        if self
            .store
            .customer_for(actor.id(), fields.person_id, fields.team_id)
            .await?
            .is_some()
        {
            return Err(CoreError::field(field, "is already in your map"));
        }
        self.store
            .create_customer(actor.id(), &fields, self.now())
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => CoreError::field(field, "is already in your map"),
                other => other.into(),
            })
    }

    /// Change one of the actor's customers (who they are stays).
    pub async fn update_customer(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &CustomerInput,
    ) -> CoreResult<()> {
        let existing = self.store.customer(actor.id(), id).await?;
        let mut errors = FieldErrors::new();
        let who = (existing.person_id, existing.team_id, existing.name);
        let fields = self.customer_fields(input, who, &mut errors);
        errors.into_result()?;
        Ok(self
            .store
            .update_customer(actor.id(), id, &fields, self.now())
            .await?)
    }

    /// Remove one of the actor's customers.
    pub async fn delete_customer(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        Ok(self.store.delete_customer(actor.id(), id).await?)
    }

    fn customer_fields(
        &self,
        input: &CustomerInput,
        who: (Option<Uuid>, Option<Uuid>, String),
        errors: &mut FieldErrors,
    ) -> CustomerFields {
        let mut text = |field: &str, raw: &str, max: usize| {
            optional_text(raw, max).unwrap_or_else(|e| {
                errors.add(field, e);
                String::new()
            })
        };
        let goals = text("goals", &input.goals, 2000);
        let obstacles = text("obstacles", &input.obstacles, 2000);
        let notes = text("notes", &input.notes, 4000);
        let relationship = match Relationship::from_code(&input.relationship) {
            Some(r) => r,
            None => {
                errors.add(
                    "relationship",
                    "must be one of manager, peer, stakeholder, sponsor, mentor or partner",
                );
                // Never stored: the error above refuses the input.
                Relationship::Peer
            }
        };
        let strength = check_strength(&input.strength).unwrap_or_else(|e| {
            errors.add("strength", e);
            0
        });
        let mut date = |field: &str, raw: &str| -> Option<Date> {
            if raw.trim().is_empty() {
                return None;
            }
            parse_date(raw).map_err(|e| errors.add(field, e)).ok()
        };
        let last_contact = date("last_contact", &input.last_contact);
        let next_contact = date("next_contact", &input.next_contact);
        if last_contact.is_some_and(|d| d > self.today()) {
            errors.add("last_contact", "must not be in the future");
        }
        if let Err(e) = check_contact_dates(last_contact, next_contact) {
            errors.add("next_contact", e);
        }
        let (person_id, team_id, name) = who;
        CustomerFields {
            person_id,
            team_id,
            name,
            relationship,
            goals,
            obstacles,
            notes,
            strength,
            last_contact,
            next_contact,
        }
    }

    /// Who a new customer is: exactly one colleague (not oneself) or one team.
    async fn resolve_customer(
        &self,
        actor: &Actor,
        input: &CustomerInput,
        errors: &mut FieldErrors,
    ) -> CoreResult<(Option<Uuid>, Option<Uuid>, String)> {
        let team = input
            .team_id
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let person_id = input
            .person_id
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let typed = input.person.trim();
        let has_person = person_id.is_some() || !typed.is_empty();
        match (has_person, team) {
            (true, Some(_)) => {
                errors.add("person", "choose a colleague or a team, not both");
                return Ok((None, None, String::new()));
            }
            (false, None) => {
                errors.add("person", "is required: choose a colleague or a team");
                return Ok((None, None, String::new()));
            }
            (false, Some(t)) => {
                return match Uuid::parse_str(t).ok() {
                    Some(id) => match self.store.team(id).await {
                        Ok(team) => Ok((None, Some(team.id), team.path)),
                        Err(StoreError::NotFound) => {
                            errors.add("team_id", "is not a team");
                            Ok((None, None, String::new()))
                        }
                        Err(e) => Err(e.into()),
                    },
                    None => {
                        errors.add("team_id", "is not a team");
                        Ok((None, None, String::new()))
                    }
                };
            }
            (true, None) => {}
        }
        let found = match person_id {
            Some(id) => match Uuid::parse_str(id).ok() {
                Some(id) => self
                    .store
                    .cards(&[id])
                    .await?
                    .into_iter()
                    .find(|c| c.active)
                    .map(|c| (c.id, c.name)),
                None => None,
            },
            None => self.find_colleague(actor, typed, errors).await?,
        };
        match found {
            Some((id, _)) if id == actor.id() => {
                errors.add("person", "is you; your customers are the people you serve");
                Ok((None, None, String::new()))
            }
            Some((id, name)) => Ok((Some(id), None, name)),
            None => {
                if errors.get("person").is_none() {
                    errors.add("person", "is not an active person in the directory");
                }
                Ok((None, None, String::new()))
            }
        }
    }

    /// Find one active colleague from "Name <email>", an e-mail address or an exact name.
    async fn find_colleague(
        &self,
        actor: &Actor,
        typed: &str,
        errors: &mut FieldErrors,
    ) -> CoreResult<Option<(Uuid, String)>> {
        let email = match (typed.rfind('<'), typed.rfind('>')) {
            (Some(a), Some(b)) if a < b => Some(typed[a + 1..b].trim()),
            _ if typed.contains('@') => Some(typed),
            _ => None,
        };
        if let Some(email) = email {
            return Ok(self
                .store
                .person_by_email(email)
                .await?
                .filter(|p| p.active)
                .map(|p| (p.id, p.name)));
        }
        let hits = self.directory(actor, typed, 1, 20).await?;
        let exact: Vec<_> = hits
            .iter()
            .filter(|c| c.name.eq_ignore_ascii_case(typed))
            .collect();
        match exact.as_slice() {
            [one] => Ok(Some((one.id, one.name.clone()))),
            [] if hits.len() == 1 => Ok(Some((hits[0].id, hits[0].name.clone()))),
            [] if hits.is_empty() => {
                errors.add("person", "matches nobody in the directory");
                Ok(None)
            }
            _ => {
                let names: Vec<String> = hits
                    .iter()
                    .take(5)
                    .map(|c| format!("{} ({})", c.name, c.job_title))
                    .collect();
                errors.add(
                    "person",
                    format!(
                        "matches several people: {}. Type more of the name, or their e-mail",
                        names.join(", ")
                    ),
                );
                Ok(None)
            }
        }
    }
}

fn line(customer: Customer, today: Date) -> CustomerLine {
    let due = Due::of(customer.next_contact, today);
    CustomerLine {
        relationship_label: customer.relationship.label(),
        strength_label: strength_label(customer.strength),
        due,
        due_text: customer
            .next_contact
            .map(|d| relative_day(d, today))
            .unwrap_or_default(),
        customer,
    }
}
