//! Career plans: private to their owner unless shared with the owner's current manager.
//! Only the owner changes a plan; the manager of a shared plan reads it and logs reviews.

mod view;

pub use view::{HomePlan, ItemLine, MilestoneLine, PlanSummary, PlanView, ReviewLine};

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::fields::{FieldErrors, required_text};
use ladderless_domain::ids::{MilestoneId, PlanId, PlanItemId, ReviewId};
use ladderless_domain::plan::{
    ItemFields, ItemKind, MAX_ITEMS, MAX_MILESTONES, Sharing, check_item, check_milestone,
    check_plan,
};
use ladderless_store::Uuid;
use ladderless_store::plans::{Milestone, Plan, PlanItem, Review};
use serde::{Deserialize, Serialize};

/// A goal or growth item as a form or the API sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct ItemInput {
    /// goal or growth.
    #[serde(default)]
    pub section: String,
    /// role, direction, experience, skill, opportunity, pilot, mentoring, training.
    #[serde(default)]
    pub kind: String,
    /// Role code, direction id, opportunity id, skill id or mentor's person id.
    #[serde(default)]
    pub reference: String,
    /// The words shown.
    #[serde(default)]
    pub label: String,
}

/// A milestone as a form or the API sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct MilestoneInput {
    /// What will be true.
    #[serde(default)]
    pub title: String,
    /// By when, YYYY-MM-DD.
    #[serde(default)]
    pub due_on: String,
}

/// What creates a plan (items and milestones optional) or changes its own fields.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct PlanInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// The value to the organisation.
    #[serde(default)]
    pub business_case: String,
    /// monthly, quarterly (default) or half_yearly.
    #[serde(default)]
    pub cadence: String,
    /// private (default) or manager.
    #[serde(default)]
    pub sharing: String,
    /// Goals and growth items (on create only).
    #[serde(default)]
    pub items: Vec<ItemInput>,
    /// Milestones (on create only).
    #[serde(default)]
    pub milestones: Vec<MilestoneInput>,
}

impl App {
    /// The plan, if the viewer may see it: its owner, or the owner's current manager when shared.
    /// Anyone else gets NotFound, so a private plan's existence stays private.
    pub async fn visible_plan(&self, actor: &Actor, id: PlanId) -> CoreResult<(Plan, bool)> {
        let plan = self.store.plan(id).await?;
        if plan.owner_id == actor.id() {
            return Ok((plan, false));
        }
        if plan.sharing == Sharing::Manager
            && actor.is_manager
            && self.store.is_manager_of(actor.id(), plan.owner_id).await?
        {
            return Ok((plan, true));
        }
        Err(CoreError::NotFound)
    }

    /// The plan if the actor owns it (Forbidden for a manager who only reads it).
    pub async fn owned_plan(&self, actor: &Actor, id: PlanId) -> CoreResult<Plan> {
        let (plan, _) = self.visible_plan(actor, id).await?;
        if plan.owner_id == actor.id() {
            Ok(plan)
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// Check an item, including that what it refers to exists and is visible to the actor.
    /// A reference that does not resolve is a field error; a failing database is not.
    async fn plan_item(
        &self,
        actor: &Actor,
        input: &ItemInput,
        prefix: &str,
    ) -> CoreResult<ItemFields> {
        let item = check_item(
            &input.section,
            &input.kind,
            &input.reference,
            &input.label,
            prefix,
        )?;
        let field = format!("{prefix}reference");
        let bad = |m: &str| CoreError::field(&field, m);
        let missing = |r: CoreResult<()>, m: &str| match r {
            Err(CoreError::NotFound) => Err(bad(m)),
            other => other,
        };
        let uuid = || {
            item.reference
                .parse::<Uuid>()
                .map_err(|_| bad("must be an id"))
        };
        match item.kind {
            ItemKind::Role if self.role_title(&item.reference).await?.is_none() => {
                return Err(bad("is not a role in the catalogue"));
            }
            ItemKind::Direction => {
                let r = self
                    .store
                    .direction(uuid()?)
                    .await
                    .map(|_| ())
                    .map_err(CoreError::from);
                missing(r, "is not a strategic direction")?;
            }
            ItemKind::Opportunity | ItemKind::Pilot => {
                let r = self.visible_opportunity(actor, uuid()?).await.map(|_| ());
                missing(r, "is not an opportunity you can see")?;
            }
            ItemKind::Placement => {
                let id = ladderless_domain::ids::PlacementId::from_uuid(uuid()?);
                let r = self.visible_placement(actor, id).await.map(|_| ());
                missing(r, "is not a placement you can see")?;
            }
            ItemKind::Mentoring if !item.reference.is_empty() => {
                let r = self
                    .store
                    .person(uuid()?)
                    .await
                    .map(|_| ())
                    .map_err(CoreError::from);
                missing(r, "is not a person in the organisation")?;
            }
            _ => {}
        }
        Ok(item)
    }

    /// Start a plan (private unless asked otherwise), with its first items and milestones.
    pub async fn create_plan(&self, actor: &Actor, input: &PlanInput) -> CoreResult<Plan> {
        let mut errors = FieldErrors::new();
        let fields = check_plan(
            &input.title,
            &input.business_case,
            &input.cadence,
            &input.sharing,
        )
        .map_err(|e| merge(&mut errors, e))
        .ok();
        if input.items.len() > MAX_ITEMS {
            errors.add("items", format!("must be at most {MAX_ITEMS}"));
        }
        if input.milestones.len() > MAX_MILESTONES {
            errors.add("milestones", format!("must be at most {MAX_MILESTONES}"));
        }
        let now = self.now();
        let id = PlanId::new();
        let mut items = Vec::new();
        for (i, it) in input.items.iter().enumerate() {
            match self.plan_item(actor, it, &format!("items[{i}].")).await {
                Err(CoreError::Invalid(e)) => merge(&mut errors, e),
                Err(other) => return Err(other),
                Ok(f) => items.push(PlanItem {
                    id: PlanItemId::new(),
                    plan_id: id,
                    section: f.section,
                    kind: f.kind,
                    reference: f.reference,
                    label: f.label,
                    done: false,
                    position: i as i32 + 1,
                }),
            }
        }
        let mut milestones = Vec::new();
        for (i, m) in input.milestones.iter().enumerate() {
            match check_milestone(
                &m.title,
                &m.due_on,
                now.date(),
                &format!("milestones[{i}]."),
            ) {
                Ok((title, due_on)) => milestones.push(Milestone {
                    id: MilestoneId::new(),
                    plan_id: id,
                    title,
                    due_on,
                    done_on: None,
                }),
                Err(e) => merge(&mut errors, e),
            }
        }
        errors.into_result()?;
        let fields =
            fields.ok_or_else(|| CoreError::Internal("plan fields checked above".into()))?;
        let plan = Plan {
            id,
            owner_id: actor.id(),
            title: fields.title,
            business_case: fields.business_case,
            cadence: fields.cadence,
            sharing: fields.sharing,
            from_role: actor.person.role_code.clone(),
            started_on: now.date(),
            created_at: now,
            updated_at: now,
        };
        self.store.insert_plan(&plan, &items, &milestones).await?;
        Ok(plan)
    }

    /// Change a plan's title, business case, cadence and sharing (owner only; blank cadence or sharing keeps the current one).
    pub async fn update_plan(
        &self,
        actor: &Actor,
        id: PlanId,
        input: &PlanInput,
    ) -> CoreResult<Plan> {
        let old = self.owned_plan(actor, id).await?;
        // A blank cadence or sharing keeps the current one (a form or script that leaves them out).
        let keep = |given: &str, current: &str| {
            if given.trim().is_empty() {
                current.to_string()
            } else {
                given.to_string()
            }
        };
        let f = check_plan(
            &input.title,
            &input.business_case,
            &keep(&input.cadence, old.cadence.code()),
            &keep(&input.sharing, old.sharing.code()),
        )?;
        let plan = Plan {
            title: f.title,
            business_case: f.business_case,
            cadence: f.cadence,
            sharing: f.sharing,
            updated_at: self.now(),
            ..old
        };
        self.store.update_plan(&plan).await?;
        Ok(plan)
    }

    /// Share a plan with the manager, or make it private again (owner only).
    pub async fn set_plan_sharing(
        &self,
        actor: &Actor,
        id: PlanId,
        sharing: &str,
    ) -> CoreResult<Plan> {
        let old = self.owned_plan(actor, id).await?;
        let s = Sharing::from_code(sharing)
            .ok_or_else(|| CoreError::field("sharing", "must be private or manager"))?;
        let plan = Plan {
            sharing: s,
            updated_at: self.now(),
            ..old
        };
        self.store.update_plan(&plan).await?;
        Ok(plan)
    }

    /// Delete a plan (owner only).
    pub async fn delete_plan(&self, actor: &Actor, id: PlanId) -> CoreResult<()> {
        self.owned_plan(actor, id).await?;
        Ok(self.store.delete_plan(id).await?)
    }

    /// Add a goal or growth item (owner only).
    pub async fn add_plan_item(
        &self,
        actor: &Actor,
        id: PlanId,
        input: &ItemInput,
    ) -> CoreResult<PlanItem> {
        self.owned_plan(actor, id).await?;
        if self.store.plan_items(id).await?.len() >= MAX_ITEMS {
            return Err(CoreError::field(
                "items",
                format!("a plan keeps at most {MAX_ITEMS} items"),
            ));
        }
        let f = self.plan_item(actor, input, "").await?;
        let item = PlanItem {
            id: PlanItemId::new(),
            plan_id: id,
            section: f.section,
            kind: f.kind,
            reference: f.reference,
            label: f.label,
            done: false,
            position: 0,
        };
        self.store.add_plan_item(&item, self.now()).await?;
        Ok(item)
    }

    /// Mark an item done or not (owner only).
    pub async fn set_plan_item_done(
        &self,
        actor: &Actor,
        id: PlanId,
        item: PlanItemId,
        done: bool,
    ) -> CoreResult<()> {
        self.owned_plan(actor, id).await?;
        Ok(self
            .store
            .set_plan_item_done(id, item, done, self.now())
            .await?)
    }

    /// Remove an item (owner only).
    pub async fn remove_plan_item(
        &self,
        actor: &Actor,
        id: PlanId,
        item: PlanItemId,
    ) -> CoreResult<()> {
        self.owned_plan(actor, id).await?;
        Ok(self.store.remove_plan_item(id, item).await?)
    }

    /// Add a milestone (owner only).
    pub async fn add_milestone(
        &self,
        actor: &Actor,
        id: PlanId,
        input: &MilestoneInput,
    ) -> CoreResult<Milestone> {
        self.owned_plan(actor, id).await?;
        if self.store.milestones(id).await?.len() >= MAX_MILESTONES {
            return Err(CoreError::field(
                "title",
                format!("a plan keeps at most {MAX_MILESTONES} milestones"),
            ));
        }
        let (title, due_on) = check_milestone(&input.title, &input.due_on, self.now().date(), "")?;
        let m = Milestone {
            id: MilestoneId::new(),
            plan_id: id,
            title,
            due_on,
            done_on: None,
        };
        self.store.add_milestone(&m, self.now()).await?;
        Ok(m)
    }

    /// Mark a milestone done today, or open again (owner only).
    pub async fn set_milestone_done(
        &self,
        actor: &Actor,
        id: PlanId,
        milestone: MilestoneId,
        done: bool,
    ) -> CoreResult<()> {
        self.owned_plan(actor, id).await?;
        let on = done.then(|| self.now().date());
        Ok(self
            .store
            .set_milestone_done(id, milestone, on, self.now())
            .await?)
    }

    /// Remove a milestone (owner only).
    pub async fn remove_milestone(
        &self,
        actor: &Actor,
        id: PlanId,
        milestone: MilestoneId,
    ) -> CoreResult<()> {
        self.owned_plan(actor, id).await?;
        Ok(self.store.remove_milestone(id, milestone).await?)
    }

    /// Log a review: the owner, or the manager of a plan shared with them.
    pub async fn add_review(&self, actor: &Actor, id: PlanId, note: &str) -> CoreResult<Review> {
        self.visible_plan(actor, id).await?;
        let note = required_text(note, 4000).map_err(|m| CoreError::field("note", m))?;
        let r = Review {
            id: ReviewId::new(),
            plan_id: id,
            author_id: actor.id(),
            note,
            created_at: self.now(),
        };
        self.store.add_review(&r).await?;
        Ok(r)
    }
}

/// Add every error of `from` to `into`.
fn merge(into: &mut FieldErrors, from: FieldErrors) {
    for (k, v) in from.0 {
        into.add(&k, v);
    }
}
