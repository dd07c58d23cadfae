//! The API's records for plans, built from what core answers.

use super::ToRecord;
use ladderless_core::path_links::PageRef;
use ladderless_domain::coach::PitchVerdict;
use ladderless_domain::ids::{MilestoneId, PlanId, PlanItemId, ReviewId};
use ladderless_domain::plan::alignment::Alignment;
use ladderless_domain::plan::{Cadence, ItemKind, Section, Sharing};
use ladderless_store::Uuid;
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// An item as the plan page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ItemLine {
    /// The item.
    #[serde(flatten)]
    pub item: PlanItem,
    /// Kind label.
    pub kind_label: &'static str,
    /// Where it leads in the product, if anywhere.
    pub target: Option<PageRef>,
}

impl From<&ladderless_core::plans::ItemLine> for ItemLine {
    fn from(r: &ladderless_core::plans::ItemLine) -> ItemLine {
        ItemLine {
            item: (&r.item).into(),
            kind_label: r.kind_label,
            target: r.target.clone(),
        }
    }
}

impl ToRecord for ladderless_core::plans::ItemLine {
    type Record = ItemLine;
    fn record(&self) -> ItemLine {
        ItemLine::from(self)
    }
}

/// A milestone with a date.
#[derive(Debug, Clone, Serialize)]
pub struct Milestone {
    /// Id.
    pub id: MilestoneId,
    /// Plan.
    pub plan_id: PlanId,
    /// What will be true.
    pub title: String,
    /// By when.
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub due_on: Date,
    /// When it was done, if it was.
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub done_on: Option<Date>,
}

impl From<&ladderless_store::plans::Milestone> for Milestone {
    fn from(r: &ladderless_store::plans::Milestone) -> Milestone {
        Milestone {
            id: r.id,
            plan_id: r.plan_id,
            title: r.title.clone(),
            due_on: r.due_on,
            done_on: r.done_on,
        }
    }
}

impl ToRecord for ladderless_store::plans::Milestone {
    type Record = Milestone;
    fn record(&self) -> Milestone {
        Milestone::from(self)
    }
}

/// A milestone with whether it is late.
#[derive(Debug, Clone, Serialize)]
pub struct MilestoneLine {
    /// The milestone.
    #[serde(flatten)]
    pub milestone: Milestone,
    /// Open and past its date.
    pub overdue: bool,
}

impl From<&ladderless_core::plans::MilestoneLine> for MilestoneLine {
    fn from(r: &ladderless_core::plans::MilestoneLine) -> MilestoneLine {
        MilestoneLine {
            milestone: (&r.milestone).into(),
            overdue: r.overdue,
        }
    }
}

impl ToRecord for ladderless_core::plans::MilestoneLine {
    type Record = MilestoneLine;
    fn record(&self) -> MilestoneLine {
        MilestoneLine::from(self)
    }
}

/// A career plan.
#[derive(Debug, Clone, Serialize)]
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
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub started_on: Date,
    /// Created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Last changed.
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl From<&ladderless_store::plans::Plan> for Plan {
    fn from(r: &ladderless_store::plans::Plan) -> Plan {
        Plan {
            id: r.id,
            owner_id: r.owner_id,
            title: r.title.clone(),
            business_case: r.business_case.clone(),
            cadence: r.cadence,
            sharing: r.sharing,
            from_role: r.from_role.clone(),
            started_on: r.started_on,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl ToRecord for ladderless_store::plans::Plan {
    type Record = Plan;
    fn record(&self) -> Plan {
        Plan::from(self)
    }
}

/// A goal or growth item.
#[derive(Debug, Clone, Serialize)]
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

impl From<&ladderless_store::plans::PlanItem> for PlanItem {
    fn from(r: &ladderless_store::plans::PlanItem) -> PlanItem {
        PlanItem {
            id: r.id,
            plan_id: r.plan_id,
            section: r.section,
            kind: r.kind,
            reference: r.reference.clone(),
            label: r.label.clone(),
            done: r.done,
            position: r.position,
        }
    }
}

impl ToRecord for ladderless_store::plans::PlanItem {
    type Record = PlanItem;
    fn record(&self) -> PlanItem {
        PlanItem::from(self)
    }
}

/// A plan in a list.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSummary {
    /// The plan.
    pub plan: Plan,
    /// Owner's name.
    pub owner_name: String,
    /// Next review due.
    #[serde(with = "ladderless_domain::plan::iso_date")]
    pub next_review_due: Date,
    /// The next review is late.
    pub review_overdue: bool,
    /// The next open milestone.
    pub next_milestone: Option<Milestone>,
}

impl From<&ladderless_core::plans::PlanSummary> for PlanSummary {
    fn from(r: &ladderless_core::plans::PlanSummary) -> PlanSummary {
        PlanSummary {
            plan: (&r.plan).into(),
            owner_name: r.owner_name.clone(),
            next_review_due: r.next_review_due,
            review_overdue: r.review_overdue,
            next_milestone: r.next_milestone.as_ref().map(Into::into),
        }
    }
}

impl ToRecord for ladderless_core::plans::PlanSummary {
    type Record = PlanSummary;
    fn record(&self) -> PlanSummary {
        PlanSummary::from(self)
    }
}

/// Everything one plan's page shows to its viewer.
#[derive(Debug, Clone, Serialize)]
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
    #[serde(with = "ladderless_domain::plan::iso_date")]
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

impl From<&ladderless_core::plans::PlanView> for PlanView {
    fn from(r: &ladderless_core::plans::PlanView) -> PlanView {
        PlanView {
            plan: (&r.plan).into(),
            owner_name: r.owner_name.clone(),
            is_owner: r.is_owner,
            goals: r.goals.iter().map(Into::into).collect(),
            growth: r.growth.iter().map(Into::into).collect(),
            milestones: r.milestones.iter().map(Into::into).collect(),
            cadence_label: r.cadence_label,
            sharing_label: r.sharing_label,
            next_review_due: r.next_review_due,
            review_overdue: r.review_overdue,
            reviews: r.reviews.iter().map(Into::into).collect(),
            verdict: r.verdict.clone(),
            alignment: r.alignment.clone(),
        }
    }
}

impl ToRecord for ladderless_core::plans::PlanView {
    type Record = PlanView;
    fn record(&self) -> PlanView {
        PlanView::from(self)
    }
}

/// A review of a plan, by its owner or their manager.
#[derive(Debug, Clone, Serialize)]
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
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::plans::Review> for Review {
    fn from(r: &ladderless_store::plans::Review) -> Review {
        Review {
            id: r.id,
            plan_id: r.plan_id,
            author_id: r.author_id,
            note: r.note.clone(),
            created_at: r.created_at,
        }
    }
}

impl ToRecord for ladderless_store::plans::Review {
    type Record = Review;
    fn record(&self) -> Review {
        Review::from(self)
    }
}

/// A review with its author.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewLine {
    /// The review.
    #[serde(flatten)]
    pub review: Review,
    /// Author's name.
    pub author_name: String,
    /// Written by the owner's manager.
    pub by_manager: bool,
}

impl From<&ladderless_core::plans::ReviewLine> for ReviewLine {
    fn from(r: &ladderless_core::plans::ReviewLine) -> ReviewLine {
        ReviewLine {
            review: (&r.review).into(),
            author_name: r.author_name.clone(),
            by_manager: r.by_manager,
        }
    }
}

impl ToRecord for ladderless_core::plans::ReviewLine {
    type Record = ReviewLine;
    fn record(&self) -> ReviewLine {
        ReviewLine::from(self)
    }
}
