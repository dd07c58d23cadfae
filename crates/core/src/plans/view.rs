//! What the plan pages show: one plan with its alignment and reviews, lists, and the home card
//! (the next milestone and review, or the prompt to start a plan after a role change).

use crate::path_links::PageRef;
use crate::{Actor, App, CoreResult};
use ladderless_domain::coach::{PitchVerdict, judge_pitch};
use ladderless_domain::direction::DirectionStatus;
use ladderless_domain::ids::PlanId;
use ladderless_domain::plan::alignment::{Alignment, DirectionFacts, ItemFacts, align};
use ladderless_domain::plan::skills::normalised_list;
use ladderless_domain::plan::{ItemKind, Section, StartEarly, next_review_due, start_early};
use ladderless_store::Uuid;
use ladderless_store::plans::{Milestone, Plan, PlanItem, Review};
use std::collections::HashMap;
use time::Date;

/// An item as the plan page shows it.
#[derive(Debug, Clone)]
pub struct ItemLine {
    /// The item.
    pub item: PlanItem,
    /// Kind label.
    pub kind_label: &'static str,
    /// Where it leads in the product, if anywhere.
    pub target: Option<PageRef>,
}

/// A milestone with whether it is late.
#[derive(Debug, Clone)]
pub struct MilestoneLine {
    /// The milestone.
    pub milestone: Milestone,
    /// Open and past its date.
    pub overdue: bool,
}

/// A review with its author.
#[derive(Debug, Clone)]
pub struct ReviewLine {
    /// The review.
    pub review: Review,
    /// Author's name.
    pub author_name: String,
    /// Written by the owner's manager.
    pub by_manager: bool,
}

/// Everything one plan's page shows to its viewer.
#[derive(Debug, Clone)]
pub struct PlanView {
    /// The plan.
    pub plan: Plan,
    /// Owner's name.
    pub owner_name: String,
    /// The viewer owns it (and may change it).
    pub is_owner: bool,
    /// Goals.
    pub goals: Vec<ItemLine>,
    /// Growth items.
    pub growth: Vec<ItemLine>,
    /// Milestones, soonest first.
    pub milestones: Vec<MilestoneLine>,
    /// Cadence label.
    pub cadence_label: &'static str,
    /// Sharing label.
    pub sharing_label: &'static str,
    /// When the next review is due.
    pub next_review_due: Date,
    /// The next review is late.
    pub review_overdue: bool,
    /// Reviews, newest first.
    pub reviews: Vec<ReviewLine>,
    /// The pitch coach on the business case (None when it is blank).
    pub verdict: Option<PitchVerdict>,
    /// Alignment with the strategic directions.
    pub alignment: Alignment,
}

/// A plan in a list.
#[derive(Debug, Clone)]
pub struct PlanSummary {
    /// The plan.
    pub plan: Plan,
    /// Owner's name.
    pub owner_name: String,
    /// Next review due.
    pub next_review_due: Date,
    /// The next review is late.
    pub review_overdue: bool,
    /// The next open milestone.
    pub next_milestone: Option<Milestone>,
}

/// The home page's plan card.
#[derive(Debug, Clone)]
pub struct HomePlan {
    /// Prompt to start a plan after a role change.
    pub start_early: Option<StartEarly>,
    /// The most recently started plan.
    pub current: Option<PlanSummary>,
}

fn target(item: &PlanItem) -> Option<PageRef> {
    let r = item.reference.clone();
    if r.is_empty() {
        return None;
    }
    match item.kind {
        ItemKind::Role => Some(PageRef::Role(r)),
        ItemKind::Direction => Some(PageRef::Direction(r)),
        ItemKind::Opportunity | ItemKind::Pilot => Some(PageRef::Opportunity(r)),
        ItemKind::Mentoring => Some(PageRef::Person(r)),
        ItemKind::Placement => Some(PageRef::Placement(r)),
        _ => None,
    }
}

impl App {
    /// When the plan's next review is due, from its last review.
    async fn review_due(&self, plan: &Plan, reviews: Option<&[Review]>) -> CoreResult<Date> {
        let last = match reviews {
            Some(r) => r.first().map(|r| r.created_at.date()),
            None => self
                .store
                .reviews(plan.id)
                .await?
                .first()
                .map(|r| r.created_at.date()),
        };
        Ok(next_review_due(plan.cadence, plan.started_on, last))
    }

    async fn summary(&self, plan: Plan) -> CoreResult<PlanSummary> {
        let today = self.now().date();
        let due = self.review_due(&plan, None).await?;
        let next_milestone = self
            .store
            .milestones(plan.id)
            .await?
            .into_iter()
            .find(|m| m.done_on.is_none());
        Ok(PlanSummary {
            owner_name: self.store.person(plan.owner_id).await?.name,
            next_review_due: due,
            review_overdue: due < today,
            next_milestone,
            plan,
        })
    }

    /// The actor's own plans, most recently started first.
    pub async fn my_plans(&self, actor: &Actor) -> CoreResult<Vec<PlanSummary>> {
        let mut out = Vec::new();
        for p in self.store.plans_of(actor.id()).await? {
            out.push(self.summary(p).await?);
        }
        Ok(out)
    }

    /// Plans the actor's direct reports share with them.
    pub async fn plans_shared_with_me(&self, actor: &Actor) -> CoreResult<Vec<PlanSummary>> {
        if !actor.is_manager {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for p in self.store.plans_shared_with_manager(actor.id()).await? {
            out.push(self.summary(p).await?);
        }
        Ok(out)
    }

    /// The home card: the current plan, and the prompt to start one within 30 days of a role change.
    pub async fn home_plan(&self, actor: &Actor) -> CoreResult<HomePlan> {
        let plans = self.store.plans_of(actor.id()).await?;
        let changed_on = self
            .store
            .role_history(actor.id())
            .await?
            .iter()
            .filter_map(|h| h.started_on)
            .max();
        let latest = plans.iter().map(|p| p.started_on).max();
        let start_early = start_early(changed_on, latest, self.now().date());
        let current = match plans.into_iter().next() {
            Some(p) => Some(self.summary(p).await?),
            None => None,
        };
        Ok(HomePlan {
            start_early,
            current,
        })
    }

    /// Score a plan's items against the active strategic directions.
    pub async fn plan_alignment(&self, items: &[PlanItem]) -> CoreResult<Alignment> {
        let mut roles: HashMap<Uuid, Vec<String>> = HashMap::new();
        for (d, code) in self.store.direction_role_links().await? {
            roles.entry(d).or_default().push(code);
        }
        let directions: Vec<DirectionFacts> = self
            .store
            .directions()
            .await?
            .into_iter()
            .filter(|d| d.status == DirectionStatus::Active)
            .map(|d| DirectionFacts {
                id: d.id.to_string(),
                title: d.title,
                skills: normalised_list(&d.skills),
                roles: roles.remove(&d.id).unwrap_or_default(),
            })
            .collect();
        let mut facts = Vec::with_capacity(items.len());
        for it in items {
            let (section, kind) = (it.section, it.kind);
            let (mut serves_direction, mut grows) = (None, Vec::new());
            if matches!(kind, ItemKind::Opportunity | ItemKind::Pilot)
                && let Ok(id) = it.reference.parse::<Uuid>()
                && let Ok(o) = self.store.opportunity(id).await
            {
                serves_direction = o.direction_id.map(|d| d.to_string());
                grows = o.skills.lines().map(str::to_string).collect();
            }
            facts.push(ItemFacts {
                section,
                kind,
                reference: it.reference.clone(),
                label: it.label.clone(),
                serves_direction,
                grows,
            });
        }
        Ok(align(&facts, &directions))
    }

    /// One plan's page for its owner, or for the manager it is shared with.
    pub async fn plan_view(&self, actor: &Actor, id: PlanId) -> CoreResult<PlanView> {
        let (plan, as_manager) = self.visible_plan(actor, id).await?;
        let today = self.now().date();
        let items = self.store.plan_items(id).await?;
        let alignment = self.plan_alignment(&items).await?;
        let (mut goals, mut growth) = (Vec::new(), Vec::new());
        for item in items {
            let kind_label = item.kind.label();
            let line = ItemLine {
                target: target(&item),
                kind_label,
                item,
            };
            if line.item.section == Section::Goal {
                goals.push(line)
            } else {
                growth.push(line)
            }
        }
        let milestones = self
            .store
            .milestones(id)
            .await?
            .into_iter()
            .map(|m| MilestoneLine {
                overdue: m.done_on.is_none() && m.due_on < today,
                milestone: m,
            })
            .collect();
        let raw_reviews = self.store.reviews(id).await?;
        let next_review_due = self.review_due(&plan, Some(raw_reviews.as_slice())).await?;
        let owner = self.store.person(plan.owner_id).await?;
        let mut reviews = Vec::with_capacity(raw_reviews.len());
        for r in raw_reviews {
            let author_name = if r.author_id == owner.id {
                owner.name.clone()
            } else {
                self.store.person(r.author_id).await?.name
            };
            reviews.push(ReviewLine {
                by_manager: r.author_id != owner.id,
                author_name,
                review: r,
            });
        }
        let verdict =
            (!plan.business_case.trim().is_empty()).then(|| judge_pitch(&plan.business_case));
        Ok(PlanView {
            owner_name: owner.name,
            is_owner: !as_manager,
            goals,
            growth,
            milestones,
            cadence_label: plan.cadence.label(),
            sharing_label: plan.sharing.label(),
            review_overdue: next_review_due < today,
            next_review_due,
            reviews,
            verdict,
            alignment,
            plan,
        })
    }
}
