//! Career plans: goals, growth items, a business case, milestones and a review cadence;
//! when to prompt a person to start one ("start early"), and how well one aligns with the
//! organisation's strategic directions.

pub mod alignment;
pub mod skills;

#[cfg(test)]
mod tests;

use crate::codes::code_enum;
use crate::fields::{FieldErrors, optional_text, parse_date, required_text};
use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month};

// Dates in JSON as `YYYY-MM-DD` (time's default is a tuple).
time::serde::format_description!(pub iso_date, Date, "[year]-[month]-[day]");

/// How many days after a role change a plan should be started.
pub const START_EARLY_DAYS: i64 = 30;
/// Most goals plus growth items one plan keeps.
pub const MAX_ITEMS: usize = 60;
/// Most milestones one plan keeps.
pub const MAX_MILESTONES: usize = 40;

code_enum! {
    /// How often a plan is reviewed.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Cadence: "plan review cadence" {
        /// Every month.
        Monthly = "monthly" => "Every month",
        /// Every three months.
        Quarterly = "quarterly" => "Every three months",
        /// Every six months.
        HalfYearly = "half_yearly" => "Every six months",
    }
}

impl Cadence {
    /// Months between reviews.
    pub fn months(self) -> u32 {
        match self {
            Cadence::Monthly => 1,
            Cadence::Quarterly => 3,
            Cadence::HalfYearly => 6,
        }
    }
}

/// `date` plus whole months, the day clamped to the month's length (31 Jan + 1 = 28/29 Feb).
pub fn add_months(date: Date, months: u32) -> Date {
    let total = date.year() * 12 + (date.month() as i32 - 1) + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(month0 as u8 + 1).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// When the next review is due: one cadence after the last review, or after the start.
pub fn next_review_due(cadence: Cadence, started_on: Date, last_review_on: Option<Date>) -> Date {
    add_months(
        last_review_on.map_or(started_on, |r| r.max(started_on)),
        cadence.months(),
    )
}

code_enum! {
    /// Which part of a plan an item belongs to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Section: "plan section" {
        /// Where the plan is heading.
        Goal = "goal" => "Goal",
        /// What to build on the way.
        Growth = "growth" => "Growth",
    }
}

code_enum! {
    /// What an item is. Goals are roles, directions or experiences; growth items are skills or
    /// experiences (an opportunity, a pilot, mentoring, training).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ItemKind: "plan item kind" {
        /// A target role (reference: role code).
        Role = "role" => "Role",
        /// A strategic direction (reference: direction id).
        Direction = "direction" => "Direction",
        /// An experience to have (free text).
        Experience = "experience" => "Experience",
        /// A skill to build (reference: skill id, optional).
        Skill = "skill" => "Skill",
        /// A leadership opportunity (reference: opportunity id).
        Opportunity = "opportunity" => "Opportunity",
        /// A pilot (reference: opportunity id).
        Pilot = "pilot" => "Pilot",
        /// Mentoring (reference: the mentor's person id, optional).
        Mentoring = "mentoring" => "Mentoring",
        /// Training (free text).
        Training = "training" => "Training",
        /// A placement the organisation posted (reference: placement id).
        Placement = "placement" => "Placement",
    }
}

impl ItemKind {
    /// Whether the kind belongs in a section.
    pub fn fits(self, section: Section) -> bool {
        match section {
            Section::Goal => matches!(
                self,
                ItemKind::Role | ItemKind::Direction | ItemKind::Experience
            ),
            Section::Growth => !matches!(self, ItemKind::Role | ItemKind::Direction),
        }
    }

    /// Whether the kind needs a reference (a role code, a direction or opportunity id).
    pub fn needs_ref(self) -> bool {
        matches!(
            self,
            ItemKind::Role
                | ItemKind::Direction
                | ItemKind::Opportunity
                | ItemKind::Pilot
                | ItemKind::Placement
        )
    }
}

code_enum! {
    /// Who may see a plan besides its owner (a blank code is private).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum Sharing: "plan sharing", blank = Private {
        /// Only the owner.
        #[default]
        Private = "private" => "Only me",
        /// The owner and their current manager.
        Manager = "manager" => "Me and my manager",
    }
}

/// A plan's own fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFields {
    /// Title.
    pub title: String,
    /// The value to the organisation, in the owner's words.
    pub business_case: String,
    /// Review cadence.
    pub cadence: Cadence,
    /// Sharing.
    pub sharing: Sharing,
}

/// Check a plan's title, business case, cadence and sharing (blank cadence: quarterly).
pub fn check_plan(
    title: &str,
    business_case: &str,
    cadence: &str,
    sharing: &str,
) -> Result<PlanFields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = required_text(title, 120)
        .map_err(|m| errors.add("title", m))
        .unwrap_or_default();
    let business_case = optional_text(business_case, 4000)
        .map_err(|m| errors.add("business_case", m))
        .unwrap_or_default();
    let cadence = if cadence.trim().is_empty() {
        Some(Cadence::Quarterly)
    } else {
        Cadence::from_code(cadence)
    };
    if cadence.is_none() {
        errors.add("cadence", "must be monthly, quarterly or half_yearly");
    }
    let sharing = Sharing::from_code(sharing);
    if sharing.is_none() {
        errors.add("sharing", "must be private or manager");
    }
    errors.into_result()?;
    Ok(PlanFields {
        title,
        business_case,
        cadence: cadence.unwrap_or(Cadence::Quarterly),
        sharing: sharing.unwrap_or_default(),
    })
}

/// A goal or growth item, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFields {
    /// Goal or growth.
    pub section: Section,
    /// What it is.
    pub kind: ItemKind,
    /// Role code, direction, opportunity, skill or person id ("" for none).
    pub reference: String,
    /// The words shown.
    pub label: String,
}

/// Check one item; errors are keyed by `prefix` + field name (e.g. `items[2].label`).
pub fn check_item(
    section: &str,
    kind: &str,
    reference: &str,
    label: &str,
    prefix: &str,
) -> Result<ItemFields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let section_v = Section::from_code(section);
    if section_v.is_none() {
        errors.add(&format!("{prefix}section"), "must be goal or growth");
    }
    let kind_v = ItemKind::from_code(kind);
    match (section_v, kind_v) {
        (_, None) => errors.add(
            &format!("{prefix}kind"),
            "must be role, direction, experience, skill, opportunity, pilot, mentoring or training",
        ),
        (Some(s), Some(k)) if !k.fits(s) => errors.add(
            &format!("{prefix}kind"),
            match s {
                Section::Goal => "a goal must be a role, a direction or an experience",
                Section::Growth => "a growth item must be a skill, an experience, an opportunity, a pilot, mentoring or training",
            },
        ),
        _ => {}
    }
    let reference = reference.trim().to_string();
    if reference.chars().count() > 200 {
        errors.add(
            &format!("{prefix}reference"),
            "must be at most 200 characters",
        );
    }
    if kind_v.is_some_and(ItemKind::needs_ref) && reference.is_empty() {
        errors.add(
            &format!("{prefix}reference"),
            "is required for this kind of item",
        );
    }
    let label = required_text(label, 200)
        .map_err(|m| errors.add(&format!("{prefix}label"), m))
        .unwrap_or_default();
    errors.into_result()?;
    Ok(ItemFields {
        section: section_v.unwrap_or(Section::Goal),
        kind: kind_v.unwrap_or(ItemKind::Experience),
        reference,
        label,
    })
}

/// Check a milestone: a title and a date (YYYY-MM-DD) no earlier than a year before today.
pub fn check_milestone(
    title: &str,
    due_on: &str,
    today: Date,
    prefix: &str,
) -> Result<(String, Date), FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = required_text(title, 200)
        .map_err(|m| errors.add(&format!("{prefix}title"), m))
        .unwrap_or_default();
    let due = match parse_date(due_on) {
        Ok(d) if d < today - Duration::days(366) => {
            errors.add(
                &format!("{prefix}due_on"),
                "must be within the last year or in the future",
            );
            None
        }
        Ok(d) if d > today + Duration::days(366 * 10) => {
            errors.add(&format!("{prefix}due_on"), "must be within ten years");
            None
        }
        Ok(d) => Some(d),
        Err(m) => {
            errors.add(&format!("{prefix}due_on"), m);
            None
        }
    };
    errors.into_result()?;
    Ok((title, due.unwrap_or(today)))
}

/// The home-page prompt to start a plan after a role change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StartEarly {
    /// When the role changed.
    #[serde(with = "iso_date")]
    pub changed_on: Date,
    /// Start a plan by then.
    #[serde(with = "iso_date")]
    pub due_by: Date,
    /// Days left until `due_by` (0 on the last day).
    pub days_left: i64,
}

/// Whether to prompt: the role changed on `changed_on`, it is `today`, and the latest plan
/// was started on `latest_plan_on`. Prompts from the change until 30 days after it, unless a
/// plan was started on or after the day of the change.
pub fn start_early(
    changed_on: Option<Date>,
    latest_plan_on: Option<Date>,
    today: Date,
) -> Option<StartEarly> {
    let changed_on = changed_on?;
    let due_by = changed_on + Duration::days(START_EARLY_DAYS);
    if today < changed_on || today > due_by {
        return None;
    }
    if latest_plan_on.is_some_and(|p| p >= changed_on) {
        return None;
    }
    Some(StartEarly {
        changed_on,
        due_by,
        days_left: (due_by - today).whole_days(),
    })
}
