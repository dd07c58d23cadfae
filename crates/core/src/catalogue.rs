//! The role catalogue and skills taxonomy: the bundled data plus what the organisation adds.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_catalogue::normalize;
use ladderless_domain::fields::{FieldErrors, optional_text, required_text};
use ladderless_store::roles::{OrgRole, OrgSkill};
use serde::Serialize;

/// A role as lists show it, from either source.
#[derive(Debug, Clone, Serialize)]
pub struct RoleSummary {
    /// Code.
    pub code: String,
    /// Title.
    pub title: String,
    /// The alternate title that matched a search, if any.
    pub matched: Option<String>,
    /// Family (SOC major group) name, or "Organisation".
    pub family: String,
    /// Job zone 1–5, when known.
    pub job_zone: Option<u8>,
    /// True for roles the organisation added.
    pub organisation: bool,
}

/// A skill as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct SkillSummary {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Kind: skill, knowledge, language or organisation.
    pub kind: String,
    /// Description.
    pub description: String,
}

impl App {
    /// Title of any role code, catalogue or organisation.
    pub async fn role_title(&self, code: &str) -> CoreResult<Option<String>> {
        if let Some(r) = self.catalogue.role(code) {
            return Ok(Some(r.title.clone()));
        }
        Ok(self.store.org_role(code).await?.map(|r| r.title))
    }

    /// Search both sources by title; empty query lists organisation roles then the catalogue.
    pub async fn search_roles(&self, q: &str, limit: usize) -> CoreResult<Vec<RoleSummary>> {
        let needle = normalize(q);
        let mut out: Vec<RoleSummary> = self
            .store
            .org_roles()
            .await?
            .into_iter()
            .filter(|r| needle.is_empty() || normalize(&r.title).contains(&needle))
            .map(|r| RoleSummary {
                code: r.code,
                title: r.title,
                matched: None,
                family: "Organisation".into(),
                job_zone: None,
                organisation: true,
            })
            .collect();
        if needle.is_empty() {
            out.extend(self.catalogue.roles().iter().map(|r| summary(r, None)));
        } else {
            out.extend(
                self.catalogue
                    .search_roles(q, limit)
                    .into_iter()
                    .map(|h| summary(h.role, h.matched)),
            );
        }
        out.truncate(limit);
        Ok(out)
    }

    /// Add an organisation-specific role (talent admins; also pilots that create roles).
    pub async fn create_org_role(
        &self,
        actor: &Actor,
        title: &str,
        description: &str,
        skills: &[String],
    ) -> CoreResult<OrgRole> {
        actor.require_talent_admin()?;
        self.insert_org_role(Some(actor), title, description, skills)
            .await
    }

    /// Add an organisation role on behalf of `actor` without the admin check (callers check).
    pub async fn insert_org_role(
        &self,
        actor: Option<&Actor>,
        title: &str,
        description: &str,
        skills: &[String],
    ) -> CoreResult<OrgRole> {
        let role = self
            .org_role_draft(actor, title, description, skills)
            .await?;
        self.store
            .create_org_role(&role, skills)
            .await
            .map_err(|e| match e {
                ladderless_store::StoreError::Conflict { .. } => {
                    CoreError::field("title", "an organisation role already has this title")
                }
                other => other.into(),
            })?;
        self.store
            .audit(
                actor.map(|a| a.id()),
                "org_role_create",
                &role.code,
                &role.title,
                "",
                role.created_at,
            )
            .await?;
        Ok(role)
    }

    /// Check a new organisation role and give it a code, without writing it (callers write it,
    /// alone or inside a larger transaction such as ending a pilot).
    pub async fn org_role_draft(
        &self,
        actor: Option<&Actor>,
        title: &str,
        description: &str,
        skills: &[String],
    ) -> CoreResult<OrgRole> {
        let mut errors = FieldErrors::new();
        let title = required_text(title, 120).unwrap_or_else(|m| {
            errors.add("title", m);
            String::new()
        });
        let description = optional_text(description, 4000).unwrap_or_else(|m| {
            errors.add("description", m);
            String::new()
        });
        for s in skills {
            if !self.skill_exists(s).await? {
                errors.add("skills", format!("{s} is not a known skill"));
            }
        }
        if !title.is_empty()
            && self
                .catalogue
                .roles()
                .iter()
                .any(|r| r.title.eq_ignore_ascii_case(&title))
        {
            errors.add("title", "a catalogue role already has this title");
        }
        errors.into_result()?;
        let now = self.now();
        let code = format!(
            "ORG-{}",
            &ladderless_store::new_id().simple().to_string()[..12].to_uppercase()
        );
        Ok(OrgRole {
            code,
            title,
            description,
            created_by: actor.map(|a| a.id()),
            created_at: now,
        })
    }

    /// Add an organisation-specific skill (talent admins).
    pub async fn create_org_skill(
        &self,
        actor: &Actor,
        label: &str,
        description: &str,
    ) -> CoreResult<OrgSkill> {
        actor.require_talent_admin()?;
        let mut errors = FieldErrors::new();
        let label = required_text(label, 120).unwrap_or_else(|m| {
            errors.add("label", m);
            String::new()
        });
        let description = optional_text(description, 2000).unwrap_or_else(|m| {
            errors.add("description", m);
            String::new()
        });
        errors.into_result()?;
        let skill = OrgSkill {
            id: format!("org-{}", ladderless_store::new_id().simple()),
            label,
            description,
        };
        let now = self.now();
        self.store
            .create_org_skill(&skill, Some(actor.id()), now)
            .await
            .map_err(|e| match e {
                ladderless_store::StoreError::Conflict { .. } => {
                    CoreError::field("label", "this skill already exists")
                }
                other => other.into(),
            })?;
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
        Ok(skill)
    }

    /// Whether a skill id exists in either source.
    pub async fn skill_exists(&self, id: &str) -> CoreResult<bool> {
        if self.catalogue.skill(id).is_some() {
            return Ok(true);
        }
        Ok(self.store.org_skills().await?.iter().any(|s| s.id == id))
    }

    /// Type-ahead over both sources.
    pub async fn search_skills(&self, q: &str, limit: usize) -> CoreResult<Vec<SkillSummary>> {
        let needle = normalize(q);
        let mut out: Vec<SkillSummary> = self
            .store
            .org_skills()
            .await?
            .into_iter()
            .filter(|s| !needle.is_empty() && normalize(&s.label).contains(&needle))
            .map(|s| SkillSummary {
                id: s.id,
                label: s.label,
                kind: "organisation".into(),
                description: s.description,
            })
            .collect();
        out.extend(
            self.catalogue
                .search_skills(q, limit)
                .into_iter()
                .map(|s| SkillSummary {
                    id: s.id.clone(),
                    label: s.label.clone(),
                    kind: s.kind.label().to_string(),
                    description: s.description.clone(),
                }),
        );
        out.truncate(limit);
        Ok(out)
    }

    /// Label of a skill id from either source (the id itself when unknown).
    pub async fn skill_label(&self, id: &str) -> CoreResult<String> {
        if let Some(s) = self.catalogue.skill(id) {
            return Ok(s.label.clone());
        }
        Ok(self
            .store
            .org_skills()
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| s.label)
            .unwrap_or_else(|| id.to_string()))
    }
}

fn summary(r: &ladderless_catalogue::Role, matched: Option<&str>) -> RoleSummary {
    RoleSummary {
        code: r.code.clone(),
        title: r.title.clone(),
        matched: matched.map(str::to_string),
        family: r.family().name.to_string(),
        job_zone: r.job_zone,
        organisation: false,
    }
}
