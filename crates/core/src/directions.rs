//! Strategic directions: talent admins publish them, everyone reads them.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::direction::DirectionStatus;
use ladderless_domain::fields::{FieldErrors, optional_text, required_text};
use ladderless_store::directions::Direction;
use ladderless_store::people::PersonCard;
use ladderless_store::{StoreError, Uuid};
use serde::{Deserialize, Serialize};

/// The statuses a direction can have.
pub const STATUSES: [(&str, &str); 3] = DirectionStatus::OPTIONS;

/// What a form or the API sends to publish or change a direction.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct DirectionInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// What it is trying to achieve.
    #[serde(default)]
    pub aim: String,
    /// Horizon.
    #[serde(default)]
    pub horizon: String,
    /// Owner's e-mail (blank for none).
    #[serde(default)]
    pub owner_email: String,
    /// Skills it needs, one per line or comma-separated.
    #[serde(default)]
    pub skills: String,
    /// active, paused or done (default active).
    #[serde(default)]
    pub status: String,
}

/// A direction with its owner's name, for lists.
#[derive(Debug, Clone)]
pub struct DirectionLine {
    /// The direction.
    pub direction: Direction,
    /// Owner's name.
    pub owner_name: Option<String>,
    /// Skills as a list.
    pub skill_list: Vec<String>,
    /// Status label.
    pub status_label: &'static str,
}

/// A role linked to a direction.
#[derive(Debug, Clone, Serialize)]
pub struct LinkedRole {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
}

/// Everything the page of one direction shows to this viewer.
#[derive(Debug, Clone)]
pub struct DirectionView {
    /// The direction.
    pub line: DirectionLine,
    /// Roles linked to it.
    pub roles: Vec<LinkedRole>,
    /// Opportunities serving it that the viewer may see.
    pub opportunities: Vec<crate::opportunities::OpportunityCard>,
    /// People working in this growth area, where their opportunity is shared with the viewer.
    pub people: Vec<PersonCard>,
}

/// Split a list typed one per line or comma-separated.
pub fn split_list(raw: &str) -> Vec<String> {
    raw.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl App {
    async fn direction_line(&self, d: Direction) -> CoreResult<DirectionLine> {
        let owner_name = match d.owner_id {
            Some(id) => Some(self.store.person(id).await?.name),
            None => None,
        };
        let status_label = d.status.label();
        Ok(DirectionLine {
            skill_list: split_list(&d.skills),
            owner_name,
            status_label,
            direction: d,
        })
    }

    /// Every direction (every signed-in person may read them).
    pub async fn directions(&self, _actor: &Actor) -> CoreResult<Vec<DirectionLine>> {
        let mut out = Vec::new();
        for d in self.store.directions().await? {
            out.push(self.direction_line(d).await?);
        }
        Ok(out)
    }

    /// One direction with what is linked to it, filtered by what the viewer may see.
    pub async fn direction_view(&self, actor: &Actor, id: Uuid) -> CoreResult<DirectionView> {
        let d = self.store.direction(id).await?;
        let mut roles = Vec::new();
        for code in self.store.direction_roles(id).await? {
            let title = self
                .role_title(&code)
                .await?
                .unwrap_or_else(|| code.clone());
            roles.push(LinkedRole { code, title });
        }
        let mut opportunities = Vec::new();
        let mut owners: Vec<Uuid> = Vec::new();
        for o in self.store.opportunities_for_direction(id).await? {
            if self.may_see_opportunity(actor, &o).await? {
                if !owners.contains(&o.owner_id) {
                    owners.push(o.owner_id);
                }
                opportunities.push(self.opportunity_card(o).await?);
            }
        }
        let people = self.store.cards(&owners).await?;
        Ok(DirectionView {
            line: self.direction_line(d).await?,
            roles,
            opportunities,
            people,
        })
    }

    async fn direction_from_input(
        &self,
        input: &DirectionInput,
    ) -> CoreResult<(
        String,
        String,
        String,
        Option<Uuid>,
        String,
        DirectionStatus,
    )> {
        let mut errors = FieldErrors::new();
        let title = required_text(&input.title, 120).unwrap_or_else(|m| {
            errors.add("title", m);
            String::new()
        });
        let aim = required_text(&input.aim, 4000).unwrap_or_else(|m| {
            errors.add("aim", m);
            String::new()
        });
        let horizon = optional_text(&input.horizon, 60).unwrap_or_else(|m| {
            errors.add("horizon", m);
            String::new()
        });
        let skills = split_list(&input.skills).join("\n");
        if skills.chars().count() > 2000 {
            errors.add("skills", "is longer than 2000 characters");
        }
        let status = DirectionStatus::from_code(&input.status).unwrap_or_else(|| {
            errors.add("status", "must be active, paused or done");
            // Never stored: the error above refuses the input.
            DirectionStatus::Active
        });
        let owner = input.owner_email.trim();
        let owner_id = if owner.is_empty() {
            None
        } else {
            match self.store.person_by_email(&owner.to_lowercase()).await? {
                Some(p) if p.active => Some(p.id),
                _ => {
                    errors.add(
                        "owner_email",
                        "is not the e-mail of anyone in the organisation",
                    );
                    None
                }
            }
        };
        errors.into_result()?;
        Ok((title, aim, horizon, owner_id, skills, status))
    }

    /// Publish a direction (talent admins).
    pub async fn create_direction(
        &self,
        actor: &Actor,
        input: &DirectionInput,
    ) -> CoreResult<Direction> {
        actor.require_talent_admin()?;
        let (title, aim, horizon, owner_id, skills, status) =
            self.direction_from_input(input).await?;
        let now = self.now();
        let d = Direction {
            id: ladderless_store::new_id(),
            title,
            aim,
            horizon,
            owner_id,
            skills,
            status,
            created_by: Some(actor.id()),
            created_at: now,
            updated_at: now,
        };
        self.store.insert_direction(&d).await.map_err(title_taken)?;
        self.store
            .audit(
                Some(actor.id()),
                "direction_create",
                &d.id.to_string(),
                &d.title,
                "",
                now,
            )
            .await?;
        Ok(d)
    }

    /// Change a direction (talent admins).
    pub async fn update_direction(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &DirectionInput,
    ) -> CoreResult<Direction> {
        actor.require_talent_admin()?;
        let old = self.store.direction(id).await?;
        let (title, aim, horizon, owner_id, skills, status) =
            self.direction_from_input(input).await?;
        let d = Direction {
            title,
            aim,
            horizon,
            owner_id,
            skills,
            status,
            updated_at: self.now(),
            ..old
        };
        self.store.update_direction(&d).await.map_err(title_taken)?;
        self.store
            .audit(
                Some(actor.id()),
                "direction_update",
                &d.id.to_string(),
                &d.title,
                "",
                d.updated_at,
            )
            .await?;
        Ok(d)
    }

    /// Link a role to a direction, or unlink it (talent admins).
    pub async fn link_direction_role(
        &self,
        actor: &Actor,
        id: Uuid,
        role_code: &str,
        link: bool,
    ) -> CoreResult<()> {
        actor.require_talent_admin()?;
        self.store.direction(id).await?;
        let code = role_code.trim();
        if link {
            if self.role_title(code).await?.is_none() {
                return Err(CoreError::field(
                    "role_code",
                    "is not a role in the catalogue",
                ));
            }
            self.store.link_direction_role(id, code, self.now()).await?;
        } else {
            self.store.unlink_direction_role(id, code).await?;
        }
        Ok(())
    }
}

fn title_taken(e: StoreError) -> CoreError {
    match e {
        StoreError::Conflict { .. } => {
            CoreError::field("title", "another direction already has this title")
        }
        other => other.into(),
    }
}
