//! Pilots: extra responsibilities tried out with a sponsor's support, check-ins from both
//! sides, and an outcome; "new role" adds an organisation role and can move the person into it.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::fields::{FieldErrors, optional_text, parse_date, required_text};
use ladderless_domain::opportunity::{ProposalStatus, Stage, TIME_SHARE_RANGE, check_move};
use ladderless_store::pilots::{CheckIn, NewRole, Pilot, PilotLine};
use ladderless_store::{StoreError, Uuid};
use serde::{Deserialize, Serialize};

/// What the owner agrees with the sponsor to start a pilot.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct PilotInput {
    /// Extra responsibilities.
    #[serde(default)]
    pub responsibilities: String,
    /// Agreed time share, percent.
    #[serde(default)]
    pub time_share: Option<i32>,
    /// Start, YYYY-MM-DD.
    #[serde(default)]
    pub starts_on: String,
    /// End, YYYY-MM-DD.
    #[serde(default)]
    pub ends_on: String,
}

/// How a pilot ends.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct EndInput {
    /// new_role, expanded_role, parked or dropped.
    #[serde(default)]
    pub outcome: String,
    /// What was learned.
    #[serde(default)]
    pub reflection: String,
    /// New role: title.
    #[serde(default)]
    pub role_title: String,
    /// New role: description.
    #[serde(default)]
    pub role_description: String,
    /// New role: skill ids exercised in the pilot.
    #[serde(default)]
    pub role_skills: Vec<String>,
    /// New role: move the owner into it now.
    #[serde(default)]
    pub move_into_role: bool,
}

/// One pilot's page.
#[derive(Debug, Clone)]
pub struct PilotView {
    /// The pilot.
    pub pilot: Pilot,
    /// Opportunity title.
    pub title: String,
    /// Owner's name.
    pub owner_name: String,
    /// Sponsor's name.
    pub sponsor_name: String,
    /// Check-ins, oldest first.
    pub checkins: Vec<CheckIn>,
    /// The viewer runs it.
    pub is_owner: bool,
    /// The viewer sponsors it.
    pub is_sponsor: bool,
    /// Title of the role created, if any.
    pub role_title: Option<String>,
}

impl App {
    /// Start the pilot of a supported opportunity (owner only).
    pub async fn start_pilot(
        &self,
        actor: &Actor,
        opportunity: Uuid,
        input: &PilotInput,
    ) -> CoreResult<Pilot> {
        let o = self.owned_opportunity(actor, opportunity).await?;
        let from = o.stage;
        let facts = self.move_facts(o.id).await?;
        check_move(from, Stage::Piloting, facts, "pilot started")
            .map_err(|e| CoreError::field("stage", e.to_string()))?;
        let proposal = self
            .store
            .proposals_for_opportunity(o.id)
            .await?
            .into_iter()
            .find(|p| p.status == ProposalStatus::Support)
            .ok_or_else(|| {
                CoreError::field("stage", "a pilot needs a proposal a sponsor supported")
            })?;
        let mut errors = FieldErrors::new();
        let responsibilities = required_text(&input.responsibilities, 4000).unwrap_or_else(|m| {
            errors.add("responsibilities", m);
            String::new()
        });
        let (lo, hi) = TIME_SHARE_RANGE;
        let time_share = input.time_share.unwrap_or(proposal.time_share);
        if !(lo..=hi).contains(&time_share) {
            errors.add(
                "time_share",
                format!("must be between {lo}% and {hi}% of working time"),
            );
        }
        let starts = parse_date(&input.starts_on)
            .map_err(|m| errors.add("starts_on", m))
            .ok();
        let ends = parse_date(&input.ends_on)
            .map_err(|m| errors.add("ends_on", m))
            .ok();
        if let (Some(s), Some(e)) = (starts, ends)
            && e <= s
        {
            errors.add("ends_on", "must be after the start");
        }
        errors.into_result()?;
        let (Some(starts_on), Some(ends_on)) = (starts, ends) else {
            return Err(CoreError::Internal("dates checked above".into()));
        };
        let pl = Pilot {
            id: ladderless_store::new_id(),
            opportunity_id: o.id,
            proposal_id: proposal.id,
            owner_id: actor.id(),
            sponsor_id: proposal.sponsor_id,
            responsibilities,
            time_share,
            starts_on,
            ends_on,
            outcome: None,
            reflection: String::new(),
            role_code: None,
            ended_at: None,
            created_at: self.now(),
        };
        self.store
            .insert_pilot(&pl, o.stage, actor.id())
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => CoreError::field(
                    "stage",
                    "the opportunity moved meanwhile, or its pilot already started",
                ),
                other => other.into(),
            })?;
        Ok(pl)
    }

    /// The pilot, for its owner and sponsor only.
    async fn pilot_for(&self, actor: &Actor, id: Uuid) -> CoreResult<Pilot> {
        let pl = self.store.pilot(id).await?;
        if pl.owner_id == actor.id() || pl.sponsor_id == actor.id() {
            Ok(pl)
        } else {
            Err(CoreError::NotFound)
        }
    }

    /// One pilot's page.
    pub async fn pilot_view(&self, actor: &Actor, id: Uuid) -> CoreResult<PilotView> {
        let pl = self.pilot_for(actor, id).await?;
        let role_title = match &pl.role_code {
            Some(c) => self.role_title(c).await?,
            None => None,
        };
        Ok(PilotView {
            title: self.store.opportunity(pl.opportunity_id).await?.title,
            owner_name: self.store.person(pl.owner_id).await?.name,
            sponsor_name: self.store.person(pl.sponsor_id).await?.name,
            checkins: self.store.checkins(id).await?,
            is_owner: pl.owner_id == actor.id(),
            is_sponsor: pl.sponsor_id == actor.id(),
            role_title,
            pilot: pl,
        })
    }

    /// Add a check-in note (owner or sponsor).
    pub async fn add_checkin(&self, actor: &Actor, id: Uuid, note: &str) -> CoreResult<()> {
        let pl = self.pilot_for(actor, id).await?;
        if pl.outcome.is_some() {
            return Err(CoreError::field("note", "the pilot has ended"));
        }
        let note = required_text(note, 4000).map_err(|m| CoreError::field("note", m))?;
        Ok(self
            .store
            .add_checkin(id, actor.id(), &note, self.now())
            .await?)
    }

    /// End a pilot with an outcome and a reflection (owner only).
    pub async fn end_pilot(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &EndInput,
    ) -> CoreResult<Option<String>> {
        let pl = self.pilot_for(actor, id).await?;
        if pl.owner_id != actor.id() {
            return Err(CoreError::Forbidden);
        }
        let mut errors = FieldErrors::new();
        let outcome = Stage::from_code(input.outcome.trim()).filter(|s| s.is_outcome());
        if outcome.is_none() {
            errors.add(
                "outcome",
                "must be new_role, expanded_role, parked or dropped",
            );
        }
        let reflection = required_text(&input.reflection, 4000).unwrap_or_else(|m| {
            errors.add("reflection", m);
            String::new()
        });
        if pl.outcome.is_some() {
            errors.add("outcome", "the pilot has already ended");
        }
        if outcome == Some(Stage::NewRole) && input.role_title.trim().is_empty() {
            errors.add("role_title", "is required for a new role");
        }
        if let Err(m) = optional_text(&input.role_description, 4000) {
            errors.add("role_description", m);
        }
        errors.into_result()?;
        let outcome = outcome.unwrap_or(Stage::Parked);
        let mut skills: Vec<String> = Vec::new();
        let wanted = input
            .role_skills
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty());
        for s in wanted.filter(|_| outcome == Stage::NewRole) {
            // A skill id, or a skill's exact name; anything else is refused by the role check.
            let id = if self.skill_exists(s).await? {
                s.to_string()
            } else {
                self.exact_skill(s).await?.unwrap_or_else(|| s.to_string())
            };
            if !skills.contains(&id) {
                skills.push(id);
            }
        }
        let role = if outcome == Stage::NewRole {
            let draft = self
                .org_role_draft(
                    Some(actor),
                    &input.role_title,
                    &input.role_description,
                    &skills,
                )
                .await
                .map_err(|e| match e {
                    CoreError::Invalid(f) => CoreError::Invalid(prefix_role_fields(f)),
                    other => other,
                })?;
            Some(draft)
        } else {
            None
        };
        let new_role = role.as_ref().map(|r| NewRole {
            role: r,
            skills: &skills,
            move_person: input.move_into_role.then_some(pl.owner_id),
        });
        let now = self.now();
        self.store
            .end_pilot(&pl, outcome, &reflection, new_role, actor.id(), now)
            .await
            .map_err(|e| match e {
                StoreError::Conflict { field } if field == "title" => {
                    CoreError::field("role_title", "an organisation role already has this title")
                }
                StoreError::Conflict { field } if field == "outcome" => {
                    CoreError::field("outcome", "the pilot has already ended")
                }
                StoreError::Conflict { .. } => CoreError::field(
                    "outcome",
                    "the opportunity moved meanwhile; reload and try again",
                ),
                other => other.into(),
            })?;
        // Written only once everything above is committed: the audit trail and search text.
        if let Some(r) = &role {
            self.store
                .audit(
                    Some(actor.id()),
                    "org_role_create",
                    &r.code,
                    &format!("{} (from a pilot)", r.title),
                    "",
                    now,
                )
                .await?;
            if input.move_into_role {
                self.refresh_search_doc(pl.owner_id).await?;
            }
        }
        Ok(role.map(|r| r.code))
    }

    /// Pilots the actor runs or sponsors, running ones first.
    pub async fn my_pilots(&self, actor: &Actor) -> CoreResult<Vec<PilotLine>> {
        Ok(self.store.pilots_of(actor.id()).await?)
    }
}

/// Role errors from the catalogue name their fields `title`, `description`, `skills`.
fn prefix_role_fields(f: FieldErrors) -> FieldErrors {
    let mut out = FieldErrors::new();
    for (k, v) in f.0 {
        out.add(&format!("role_{k}"), v);
    }
    out
}
