//! Importing the organisation from an HRIS file: all of it, or nothing and every problem.

use crate::directory::SKILLS_SECTION;
use crate::search_doc::compose;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::import::{self, Format, Row};
use ladderless_store::import::{Batch, ImportRun, NewHistory, NewPerson, PersonKeys};
use ladderless_store::people::PersonCard;
use ladderless_store::{Uuid, new_id};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How to run an import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Check and report, write nothing.
    pub dry_run: bool,
    /// Deactivate active people missing from the file.
    pub deactivate_missing: bool,
    /// File name, for the record.
    pub source: String,
}

/// What an import did (or would do, on a dry run).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// People created.
    pub created: usize,
    /// People updated.
    pub updated: usize,
    /// People left as they were.
    pub unchanged: usize,
    /// People deactivated.
    pub deactivated: usize,
    /// Nothing was written.
    pub dry_run: bool,
}

impl App {
    /// Import people. `actor` is None for the command line (trusted).
    pub async fn import_people(
        &self,
        actor: Option<&Actor>,
        bytes: &[u8],
        format: Format,
        opts: &ImportOptions,
    ) -> CoreResult<ImportSummary> {
        if let Some(a) = actor {
            a.require_talent_admin()?;
        }
        let existing = self.store.import_snapshot().await?;
        let org_codes: HashSet<String> = self
            .store
            .org_roles()
            .await?
            .into_iter()
            .map(|r| r.code)
            .collect();
        let known = |code: &str| self.catalogue.role(code).is_some() || org_codes.contains(code);
        let rows =
            import::check(bytes, format, &existing, known).map_err(CoreError::ImportRejected)?;
        let plan = import::plan(&rows, &existing, opts.deactivate_missing);
        let summary = ImportSummary {
            created: plan.creates.len(),
            updated: plan.updates.len(),
            unchanged: plan.unchanged,
            deactivated: plan.deactivate.len(),
            dry_run: opts.dry_run,
        };
        if opts.dry_run {
            return Ok(summary);
        }
        let now = self.now();
        let mut ids: HashMap<String, Uuid> = existing
            .iter()
            .map(|e| (e.employee_id.clone(), e.id))
            .collect();
        for row in &plan.creates {
            ids.insert(row.employee_id.clone(), new_id());
        }
        let org_titles: HashMap<String, String> = self
            .store
            .org_roles()
            .await?
            .into_iter()
            .map(|r| (r.code, r.title))
            .collect();
        let role_title = |code: &Option<String>| -> Option<String> {
            let c = code.as_deref()?;
            self.catalogue
                .role(c)
                .map(|r| r.title.clone())
                .or_else(|| org_titles.get(c).cloned())
        };
        let to_new = |id: Uuid, r: &Row| NewPerson {
            id,
            employee_id: r.employee_id.clone(),
            name: r.name.clone(),
            email: r.email.clone(),
            job_title: r.job_title.clone(),
            role_code: r.role_code.clone(),
            team: r.team.clone(),
            manager_id: r
                .manager_employee_id
                .as_ref()
                .and_then(|m| ids.get(m).copied()),
            role_start_date: r.role_start_date,
            location: r.location.clone(),
        };
        let mut batch = Batch::default();
        for row in &plan.creates {
            let id = ids[&row.employee_id];
            batch.creates.push(to_new(id, row));
            if row.role_code.is_some() || !row.job_title.is_empty() {
                batch.history.push(history(id, row, false, now.date()));
            }
            let title = role_title(&row.role_code);
            batch.search_docs.push((
                id,
                compose(
                    &row.name,
                    &row.job_title,
                    row.team.as_deref(),
                    title.as_deref(),
                    &row.location,
                    &[],
                ),
            ));
        }
        for u in &plan.updates {
            batch.updates.push(to_new(u.id, &u.row));
            if u.role_changed {
                batch.history.push(history(u.id, &u.row, true, now.date()));
            }
            let skills = self.public_skill_labels(u.id).await?;
            let labels: Vec<&str> = skills.iter().map(String::as_str).collect();
            let title = role_title(&u.row.role_code);
            batch.search_docs.push((
                u.id,
                compose(
                    &u.row.name,
                    &u.row.job_title,
                    u.row.team.as_deref(),
                    title.as_deref(),
                    &u.row.location,
                    &labels,
                ),
            ));
        }
        batch.deactivate = plan.deactivate.clone();
        batch.run = Some(ImportRun {
            id: new_id(),
            actor_id: actor.map(Actor::id),
            source: if opts.source.is_empty() {
                "upload".into()
            } else {
                opts.source.clone()
            },
            created_count: summary.created as i32,
            updated_count: summary.updated as i32,
            unchanged_count: summary.unchanged as i32,
            deactivated_count: summary.deactivated as i32,
            created_at: now,
        });
        self.store.apply_batch(&batch, now).await?;
        let detail = format!(
            "created={} updated={} unchanged={} deactivated={}",
            summary.created, summary.updated, summary.unchanged, summary.deactivated
        );
        self.store
            .audit(
                actor.map(Actor::id),
                "import",
                &opts.source,
                &detail,
                "",
                now,
            )
            .await?;
        Ok(summary)
    }

    /// Whether `actor` may see people's HRIS keys (employee id and e-mail): talent admins only.
    pub fn sees_person_keys(actor: &Actor) -> bool {
        actor.is_talent_admin()
    }

    /// People (active or not) whose employee id and/or e-mail are exactly these, for an
    /// integration reconciling its records. The e-mail matches whatever its case. Talent
    /// admins only (403 for anyone else, even with no match, so the keys cannot be probed).
    pub async fn find_people_by_keys(
        &self,
        actor: &Actor,
        employee_id: Option<&str>,
        email: Option<&str>,
    ) -> CoreResult<Vec<PersonCard>> {
        actor.require_talent_admin()?;
        let mut errors = FieldErrors::new();
        let mut key = |field: &str, raw: Option<&str>| -> Option<String> {
            let v = raw?.trim();
            if v.is_empty() {
                errors.add(field, "must not be empty");
            } else if v.chars().count() > 254 {
                errors.add(field, "must be at most 254 characters");
            } else if v.chars().any(char::is_control) {
                errors.add(field, "must not contain control characters");
            }
            Some(v.to_string())
        };
        let employee_id = key("employee_id", employee_id);
        let email = key("email", email).map(|e| e.to_lowercase());
        if !errors.is_empty() {
            return Err(CoreError::Invalid(errors));
        }
        let ids = self
            .store
            .people_by_keys(employee_id.as_deref(), email.as_deref())
            .await?;
        let mut cards = self.store.cards(&ids).await?;
        cards.sort_by_key(|c| ids.iter().position(|i| *i == c.id));
        Ok(cards)
    }

    /// The HRIS keys of these people, by id, when `actor` may see them (None otherwise).
    pub async fn person_keys(
        &self,
        actor: &Actor,
        ids: &[Uuid],
    ) -> CoreResult<Option<HashMap<Uuid, PersonKeys>>> {
        if !Self::sees_person_keys(actor) {
            return Ok(None);
        }
        let keys = self.store.person_keys(ids).await?;
        Ok(Some(keys.into_iter().map(|k| (k.id, k)).collect()))
    }

    /// Labels of the skills a person shares with everyone (for the search index).
    pub async fn public_skill_labels(&self, person_id: Uuid) -> CoreResult<Vec<String>> {
        if self.audience_of(person_id, SKILLS_SECTION).await?
            != ladderless_domain::org::Audience::Everyone
        {
            return Ok(Vec::new());
        }
        Ok(self
            .skill_lines(person_id)
            .await?
            .into_iter()
            .map(|s| s.label)
            .collect())
    }
}

fn history(person_id: Uuid, row: &Row, close_open: bool, today: time::Date) -> NewHistory {
    NewHistory {
        person_id,
        role_code: row.role_code.clone(),
        job_title: row.job_title.clone(),
        started_on: row.role_start_date.or(close_open.then_some(today)),
        ended_on: None,
        close_open,
        source: "import",
    }
}
