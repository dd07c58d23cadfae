//! The list-like parts of the compass: values, skills (taxonomy or new), aspirations and
//! target roles. Each change is kept in the history; skills keep directory search in sync.

use super::{MAX_SKILLS, MAX_TARGET_ROLES, MAX_VALUES, RoleRef, change};
use crate::catalogue::SkillSummary;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_catalogue::normalize;
use ladderless_domain::compass::check_level;
use ladderless_domain::compass::history::{ChangeKind, skill_value};
use ladderless_domain::fields::{FieldErrors, optional_text, required_text};
use ladderless_store::compass::ValueRow;
use ladderless_store::roles::OrgSkill;
use ladderless_store::skills::PersonSkill;
use ladderless_store::{StoreError, Uuid};

/// A skill to add or change, as sent by a form or the API.
#[derive(Debug, Clone, Default)]
pub struct SkillInput {
    /// A skill id from the taxonomy (wins over `label`).
    pub skill_id: Option<String>,
    /// The skill's name as typed.
    pub label: String,
    /// Add `label` as a new skill when nothing in the taxonomy is called that.
    pub new_skill: bool,
    /// Level 1–5, as typed.
    pub level: String,
    /// Wants to grow it.
    pub want_to_grow: bool,
    /// Evidence.
    pub evidence: String,
}

/// Why a typed name did not pick one skill or role.
pub const PICK_ONE: &str = "matches nothing exactly: pick one of the suggestions";

impl App {
    /// Add a personal value.
    pub async fn add_value(&self, actor: &Actor, label: &str) -> CoreResult<ValueRow> {
        let label = required_text(label, 80).map_err(|m| CoreError::field("value", m))?;
        if self.store.compass_values(actor.id()).await?.len() >= MAX_VALUES {
            return Err(CoreError::field(
                "value",
                format!("cannot be added: you already have {MAX_VALUES} values"),
            ));
        }
        let changes = [change(ChangeKind::ValueAdded, &label, "")];
        self.store
            .add_value(actor.id(), &label, &changes, self.now())
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => {
                    CoreError::field("value", "is already one of your values")
                }
                other => other.into(),
            })
    }

    /// Remove one of one's values.
    pub async fn remove_value(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        let value = self
            .store
            .compass_values(actor.id())
            .await?
            .into_iter()
            .find(|v| v.id == id)
            .ok_or(CoreError::NotFound)?;
        let changes = [change(ChangeKind::ValueRemoved, &value.label, "")];
        Ok(self
            .store
            .remove_value(actor.id(), id, &changes, self.now())
            .await?)
    }

    /// Skills whose label matches a typed name exactly (ignoring case and accents).
    pub async fn exact_skill(&self, label: &str) -> CoreResult<Option<String>> {
        let key = normalize(label);
        Ok(self
            .search_skills(label, 50)
            .await?
            .into_iter()
            .find(|s| normalize(&s.label) == key)
            .map(|s| s.id))
    }

    /// Suggestions for a typed skill name.
    pub async fn skill_suggestions(&self, label: &str) -> CoreResult<Vec<SkillSummary>> {
        if label.trim().is_empty() {
            return Ok(Vec::new());
        }
        self.search_skills(label, 6).await
    }

    /// Add or change one of one's skills; a new name becomes an organisation skill.
    pub async fn save_skill(&self, actor: &Actor, input: &SkillInput) -> CoreResult<String> {
        let mut errors = FieldErrors::new();
        let level = check_level(&input.level).unwrap_or_else(|e| {
            errors.add("level", e);
            0
        });
        let evidence = optional_text(&input.evidence, 1000).unwrap_or_else(|e| {
            errors.add("evidence", e);
            String::new()
        });
        let skill_id = self.resolve_skill(input, &mut errors).await?;
        errors.into_result()?;
        let held = self.store.person_skills(actor.id()).await?;
        let before = held.iter().find(|s| Some(&s.skill_id) == skill_id.as_ref());
        if before.is_none() && held.len() >= MAX_SKILLS {
            return Err(CoreError::field(
                "skill",
                format!("cannot be added: you already have {MAX_SKILLS} skills"),
            ));
        }
        let skill_id = match skill_id {
            Some(id) => id,
            None => self.new_org_skill(actor, &input.label).await?,
        };
        let unchanged = before.is_some_and(|b| {
            b.level == level && b.want_to_grow == input.want_to_grow && b.evidence == evidence
        });
        if unchanged {
            return Ok(skill_id);
        }
        let changes = [change(
            ChangeKind::SkillSet,
            &skill_id,
            &skill_value(level, input.want_to_grow),
        )];
        let skill = PersonSkill {
            skill_id: skill_id.clone(),
            level,
            want_to_grow: input.want_to_grow,
            evidence,
        };
        self.store
            .save_person_skill(actor.id(), &skill, &changes, self.now())
            .await?;
        self.person_changed(actor.id()).await?;
        self.refresh_search_doc(actor.id()).await?;
        Ok(skill_id)
    }

    /// The id of the chosen skill; None when a new skill should be made from the label.
    async fn resolve_skill(
        &self,
        input: &SkillInput,
        errors: &mut FieldErrors,
    ) -> CoreResult<Option<String>> {
        if let Some(id) = input
            .skill_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if self.skill_exists(id).await? {
                return Ok(Some(id.to_string()));
            }
            errors.add("skill", "is not a skill in the taxonomy");
            return Ok(None);
        }
        let label = match required_text(&input.label, 120) {
            Ok(l) => l,
            Err(e) => {
                errors.add("skill", e);
                return Ok(None);
            }
        };
        if let Some(id) = self.exact_skill(&label).await? {
            return Ok(Some(id));
        }
        if !input.new_skill {
            errors.add("skill", format!("{PICK_ONE}, or tick “Add as a new skill”"));
        }
        Ok(None)
    }

    /// Make an organisation skill from a name typed by an employee (reusing one of that name).
    async fn new_org_skill(&self, actor: &Actor, label: &str) -> CoreResult<String> {
        let label = required_text(label, 120).map_err(|m| CoreError::field("skill", m))?;
        let key = normalize(&label);
        if let Some(s) = self
            .store
            .org_skills()
            .await?
            .into_iter()
            .find(|s| normalize(&s.label) == key)
        {
            return Ok(s.id);
        }
        let skill = OrgSkill {
            id: format!("org-{}", ladderless_store::new_id().simple()),
            label,
            description: String::new(),
        };
        let now = self.now();
        match self
            .store
            .create_org_skill(&skill, Some(actor.id()), now)
            .await
        {
            Ok(()) => {}
            Err(StoreError::Conflict { .. }) => {
                let found = self
                    .store
                    .org_skills()
                    .await?
                    .into_iter()
                    .find(|s| normalize(&s.label) == key);
                return found
                    .map(|s| s.id)
                    .ok_or_else(|| CoreError::field("skill", "could not be added; try again"));
            }
            Err(e) => return Err(e.into()),
        }
        self.store
            .audit(
                Some(actor.id()),
                "org_skill_create",
                &skill.id,
                &skill.label,
                "",
                now,
            )
            .await?;
        Ok(skill.id)
    }

    /// Remove one of one's skills.
    pub async fn remove_skill(&self, actor: &Actor, skill_id: &str) -> CoreResult<()> {
        let changes = [change(ChangeKind::SkillRemoved, skill_id, "")];
        self.store
            .remove_person_skill(actor.id(), skill_id, &changes, self.now())
            .await?;
        self.person_changed(actor.id()).await?;
        self.refresh_search_doc(actor.id()).await
    }

    /// Rewrite one's interests and aspirations.
    pub async fn save_aspirations(
        &self,
        actor: &Actor,
        interests: &str,
        aspirations: &str,
    ) -> CoreResult<()> {
        let mut errors = FieldErrors::new();
        let interests = optional_text(interests, 2000).unwrap_or_else(|e| {
            errors.add("interests", e);
            String::new()
        });
        let aspirations = optional_text(aspirations, 2000).unwrap_or_else(|e| {
            errors.add("aspirations", e);
            String::new()
        });
        errors.into_result()?;
        let row = self.store.compass(actor.id()).await?.unwrap_or_default();
        if row.interests == interests && row.aspirations == aspirations {
            return Ok(());
        }
        let changes = [change(ChangeKind::Aspirations, "", "")];
        Ok(self
            .store
            .save_aspirations(actor.id(), &interests, &aspirations, &changes, self.now())
            .await?)
    }

    /// Add a target role, by code or by its exact title.
    pub async fn add_target_role(
        &self,
        actor: &Actor,
        code: Option<&str>,
        title: &str,
    ) -> CoreResult<RoleRef> {
        let role = match code.map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) => match self.role_title(c).await? {
                Some(t) => RoleRef {
                    code: c.to_string(),
                    title: t,
                },
                None => return Err(CoreError::field("role", "is not a role in the catalogue")),
            },
            None => {
                let title = required_text(title, 200).map_err(|m| CoreError::field("role", m))?;
                let key = normalize(&title);
                let hit = self
                    .search_roles(&title, 50)
                    .await?
                    .into_iter()
                    .find(|r| normalize(&r.title) == key);
                match hit {
                    Some(r) => RoleRef {
                        code: r.code,
                        title: r.title,
                    },
                    None => return Err(CoreError::field("role", PICK_ONE)),
                }
            }
        };
        if self.store.target_roles(actor.id()).await?.len() >= MAX_TARGET_ROLES {
            return Err(CoreError::field(
                "role",
                format!("cannot be added: you already have {MAX_TARGET_ROLES} target roles"),
            ));
        }
        let changes = [change(ChangeKind::RoleAdded, &role.code, "")];
        self.store
            .add_target_role(actor.id(), &role.code, &changes, self.now())
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => {
                    CoreError::field("role", "is already one of your target roles")
                }
                other => other.into(),
            })?;
        Ok(role)
    }

    /// Remove a target role.
    pub async fn remove_target_role(&self, actor: &Actor, code: &str) -> CoreResult<()> {
        let changes = [change(ChangeKind::RoleRemoved, code, "")];
        Ok(self
            .store
            .remove_target_role(actor.id(), code, &changes, self.now())
            .await?)
    }
}
