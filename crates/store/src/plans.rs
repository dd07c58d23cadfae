//! Career plans with their goals and growth items, milestones and reviews.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::ids::{MilestoneId, PlanId, PlanItemId, ReviewId};
use ladderless_domain::plan::{Cadence, ItemKind, Section, Sharing};
use time::{Date, OffsetDateTime};

/// A career plan.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Plan {
    /// Id.
    pub id: PlanId,
    /// Whose it is.
    pub owner_id: Uuid,
    /// Title.
    pub title: String,
    /// The value to the organisation, in the owner's words.
    pub business_case: String,
    /// How often it is reviewed.
    pub cadence: Cadence,
    /// Who besides the owner may see it.
    pub sharing: Sharing,
    /// The role the owner held when the plan started.
    pub from_role: Option<String>,
    /// When it started.
    pub started_on: Date,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
}

/// A goal or growth item.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanItem {
    /// Id.
    pub id: PlanItemId,
    /// Plan.
    pub plan_id: PlanId,
    /// Goal or growth.
    pub section: Section,
    /// What the item is.
    pub kind: ItemKind,
    /// Role code, direction, opportunity, skill or person id ("" for none).
    pub reference: String,
    /// The words shown.
    pub label: String,
    /// Done.
    pub done: bool,
    /// Order within the plan.
    pub position: i32,
}

/// A milestone with a date.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Milestone {
    /// Id.
    pub id: MilestoneId,
    /// Plan.
    pub plan_id: PlanId,
    /// What will be true.
    pub title: String,
    /// By when.
    pub due_on: Date,
    /// When it was done, if it was.
    pub done_on: Option<Date>,
}

/// A review of a plan, by its owner or their manager.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Review {
    /// Id.
    pub id: ReviewId,
    /// Plan.
    pub plan_id: PlanId,
    /// Who wrote it.
    pub author_id: Uuid,
    /// What was said.
    pub note: String,
    /// When.
    pub created_at: OffsetDateTime,
}

const PLAN_COLUMNS: &str = "c.id, c.owner_id, c.title, c.business_case, c.cadence, c.sharing, c.from_role, c.started_on, c.created_at, c.updated_at";

fn one_row(n: u64) -> StoreResult<()> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

impl Store {
    /// Create a plan with its first items and milestones, all or nothing.
    pub async fn insert_plan(
        &self,
        plan: &Plan,
        items: &[PlanItem],
        milestones: &[Milestone],
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO career_plans (id, owner_id, title, business_case, cadence, sharing, from_role, started_on, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .bind(plan.id).bind(plan.owner_id).bind(&plan.title).bind(&plan.business_case).bind(plan.cadence).bind(plan.sharing)
                .bind(&plan.from_role).bind(plan.started_on).bind(plan.created_at).bind(plan.updated_at).execute(&mut *tx).await?;
            for i in items {
                sqlx::query("INSERT INTO career_plan_items (id, plan_id, section, kind, reference, label, done, position, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)")
                    .bind(i.id).bind(plan.id).bind(i.section).bind(i.kind).bind(&i.reference).bind(&i.label).bind(i.done).bind(i.position)
                    .bind(plan.created_at).execute(&mut *tx).await?;
            }
            for m in milestones {
                sqlx::query("INSERT INTO career_plan_milestones (id, plan_id, title, due_on, done_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
                    .bind(m.id).bind(plan.id).bind(&m.title).bind(m.due_on).bind(m.done_on).bind(plan.created_at).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// One plan.
    pub async fn plan(&self, id: PlanId) -> StoreResult<Plan> {
        let sql = format!("SELECT {PLAN_COLUMNS} FROM career_plans c WHERE c.id = $1");
        let p: Option<Plan> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        p.ok_or(StoreError::NotFound)
    }

    /// Every plan, oldest start first (at most `limit`): what the notification scan reads.
    pub async fn all_plans(&self, limit: i64) -> StoreResult<Vec<Plan>> {
        let sql = format!(
            "SELECT {PLAN_COLUMNS} FROM career_plans c ORDER BY c.started_on, c.id LIMIT $1"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(limit).fetch_all(p).await?),
        )
    }

    /// A person's plans, most recently started first.
    pub async fn plans_of(&self, owner: Uuid) -> StoreResult<Vec<Plan>> {
        let sql = format!(
            "SELECT {PLAN_COLUMNS} FROM career_plans c WHERE c.owner_id = $1 ORDER BY c.started_on DESC, c.created_at DESC"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(owner).fetch_all(p).await?),
        )
    }

    /// Plans that the active direct reports of `manager` share with their manager.
    pub async fn plans_shared_with_manager(&self, manager: Uuid) -> StoreResult<Vec<Plan>> {
        let sql = format!(
            "SELECT {PLAN_COLUMNS} FROM career_plans c JOIN people w ON w.id = c.owner_id \
             WHERE w.manager_id = $1 AND w.active = TRUE AND c.sharing = 'manager' ORDER BY w.name, c.started_on DESC"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(manager).fetch_all(p).await?),
        )
    }

    /// Change a plan's title, business case, cadence and sharing.
    pub async fn update_plan(&self, plan: &Plan) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE career_plans SET title = $2, business_case = $3, cadence = $4, sharing = $5, updated_at = $6 WHERE id = $1")
            .bind(plan.id).bind(&plan.title).bind(&plan.business_case).bind(plan.cadence).bind(plan.sharing).bind(plan.updated_at)
            .execute(p).await?.rows_affected());
        one_row(n)
    }

    /// Delete a plan and everything in it.
    pub async fn delete_plan(&self, id: PlanId) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("DELETE FROM career_plans WHERE id = $1").bind(id).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// A plan's goals and growth items in order.
    pub async fn plan_items(&self, plan: PlanId) -> StoreResult<Vec<PlanItem>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, plan_id, section, kind, reference, label, done, position FROM career_plan_items WHERE plan_id = $1 ORDER BY position, id")
            .bind(plan).fetch_all(p).await?),
        )
    }

    /// Add an item at the end of a plan.
    pub async fn add_plan_item(&self, item: &PlanItem, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO career_plan_items (id, plan_id, section, kind, reference, label, done, position, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT COALESCE(MAX(position), 0) + 1 FROM career_plan_items WHERE plan_id = $2), $8, $8)")
            .bind(item.id).bind(item.plan_id).bind(item.section).bind(item.kind).bind(&item.reference).bind(&item.label).bind(item.done)
            .bind(now).execute(p).await?; });
        Ok(())
    }

    /// Mark an item done or not.
    pub async fn set_plan_item_done(
        &self,
        plan: PlanId,
        item: PlanItemId,
        done: bool,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE career_plan_items SET done = $3, updated_at = $4 WHERE plan_id = $1 AND id = $2")
            .bind(plan).bind(item).bind(done).bind(now).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// Remove an item.
    pub async fn remove_plan_item(&self, plan: PlanId, item: PlanItemId) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("DELETE FROM career_plan_items WHERE plan_id = $1 AND id = $2")
            .bind(plan).bind(item).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// A plan's milestones, soonest first.
    pub async fn milestones(&self, plan: PlanId) -> StoreResult<Vec<Milestone>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, plan_id, title, due_on, done_on FROM career_plan_milestones WHERE plan_id = $1 ORDER BY due_on, id")
            .bind(plan).fetch_all(p).await?),
        )
    }

    /// Add a milestone.
    pub async fn add_milestone(&self, m: &Milestone, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO career_plan_milestones (id, plan_id, title, due_on, done_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
            .bind(m.id).bind(m.plan_id).bind(&m.title).bind(m.due_on).bind(m.done_on).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Mark a milestone done on a day, or open again (None).
    pub async fn set_milestone_done(
        &self,
        plan: PlanId,
        id: MilestoneId,
        done_on: Option<Date>,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE career_plan_milestones SET done_on = $3, updated_at = $4 WHERE plan_id = $1 AND id = $2")
            .bind(plan).bind(id).bind(done_on).bind(now).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// Remove a milestone.
    pub async fn remove_milestone(&self, plan: PlanId, id: MilestoneId) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("DELETE FROM career_plan_milestones WHERE plan_id = $1 AND id = $2")
            .bind(plan).bind(id).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// Log a review.
    pub async fn add_review(&self, r: &Review) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO career_plan_reviews (id, plan_id, author_id, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(r.id).bind(r.plan_id).bind(r.author_id).bind(&r.note).bind(r.created_at).execute(p).await?; });
        Ok(())
    }

    /// A plan's reviews, newest first.
    pub async fn reviews(&self, plan: PlanId) -> StoreResult<Vec<Review>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, plan_id, author_id, note, created_at FROM career_plan_reviews WHERE plan_id = $1 ORDER BY created_at DESC, id")
            .bind(plan).fetch_all(p).await?),
        )
    }
}
