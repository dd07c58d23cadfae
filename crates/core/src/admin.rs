//! Plain reads the pages need, behind the use-case layer so the web crate never calls the
//! store: the organisation's teams, people and roles for everyone signed in, and the admin
//! pages' counts, imports and audit log for talent admins.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_store::Uuid;
use ladderless_store::audit::AuditEntry;
use ladderless_store::import::ImportRun;
use ladderless_store::people::{OrgCounts, Person};
use ladderless_store::roles::{OrgRole, OrgSkill};
use ladderless_store::teams::Team;

impl App {
    /// Every team (the team tree is public within the organisation).
    pub async fn teams(&self) -> CoreResult<Vec<Team>> {
        Ok(self.store.teams().await?)
    }

    /// One team.
    pub async fn team(&self, id: Uuid) -> CoreResult<Team> {
        Ok(self.store.team(id).await?)
    }

    /// One person's directory record (name, title, team: what every colleague sees).
    pub async fn person(&self, id: Uuid) -> CoreResult<Person> {
        Ok(self.store.person(id).await?)
    }

    /// Head counts of the organisation.
    pub async fn org_counts(&self) -> CoreResult<OrgCounts> {
        Ok(self.store.org_counts().await?)
    }

    /// The organisation's own roles.
    pub async fn org_roles(&self) -> CoreResult<Vec<OrgRole>> {
        Ok(self.store.org_roles().await?)
    }

    /// The organisation's own skills.
    pub async fn org_skills(&self) -> CoreResult<Vec<OrgSkill>> {
        Ok(self.store.org_skills().await?)
    }

    /// One organisation role and its skill ids, or NotFound.
    pub async fn org_role_with_skills(&self, code: &str) -> CoreResult<(OrgRole, Vec<String>)> {
        let role = self
            .store
            .org_role(code)
            .await?
            .ok_or(CoreError::NotFound)?;
        let skills = self.store.org_role_skills(code).await?;
        Ok((role, skills))
    }

    /// The latest imports, newest first (talent admins).
    pub async fn import_runs(&self, actor: &Actor, limit: i64) -> CoreResult<Vec<ImportRun>> {
        actor.require_talent_admin()?;
        Ok(self.store.import_runs(limit).await?)
    }

    /// A page of the audit log, optionally of one action (talent admins).
    pub async fn audit_entries(
        &self,
        actor: &Actor,
        action: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> CoreResult<Vec<AuditEntry>> {
        actor.require_talent_admin()?;
        Ok(self.store.audit_entries(action, limit, offset).await?)
    }
}
