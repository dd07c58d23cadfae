//! Placements: what the organisation posts for people to learn, move sideways and find out
//! what they want — projects, gigs, shadowing, rotations, secondments, internships, mentoring,
//! coaching, training, volunteering, stretch assignments and open roles.
//!
//! "Placement" is the name everywhere, so nobody confuses these with a person's own
//! *leadership opportunities* (`crate::opportunity`). Pure rules: kinds, statuses and their
//! moves, the check of a posting's own fields, and (in [`matching`]) the scores.

pub mod index;
pub mod matching;
pub mod shopping;
pub mod synthetic;

#[cfg(test)]
mod index_tests;
#[cfg(test)]
mod tests;

use crate::codes::code_enum;
use crate::compass::Factor;
use crate::fields::{FieldErrors, optional_text, parse_date, required_text};
use serde::{Deserialize, Serialize};
use time::Date;

/// Most skills a placement lists as needed, and as learnable.
pub const MAX_SKILLS: usize = 10;
/// Most strategic directions one placement serves.
pub const MAX_DIRECTIONS: usize = 5;
/// Most places one placement offers.
pub const MAX_PLACES: i32 = 50;
/// Most hours a week a placement may ask for.
pub const MAX_HOURS: i32 = 40;
/// Longest duration, in weeks.
pub const MAX_WEEKS: i32 = 156;
/// Longest interest note, in characters.
pub const MAX_NOTE: usize = 600;

code_enum! {
    /// What kind of placement it is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum PlacementKind: "placement type" {
        /// A project with a goal and an end.
        Project = "project" => "Project",
        /// A short, ad-hoc piece of work.
        Gig = "gig" => "Gig",
        /// Shadowing someone at work.
        Shadowing = "shadowing" => "Shadowing",
        /// A rotation or job swap.
        Rotation = "rotation" => "Rotation or job swap",
        /// A secondment to another team.
        Secondment = "secondment" => "Secondment",
        /// An internship.
        Internship = "internship" => "Internship",
        /// Mentoring offered.
        Mentoring = "mentoring" => "Mentoring",
        /// Coaching offered.
        Coaching = "coaching" => "Coaching",
        /// Training.
        Training = "training" => "Training",
        /// Volunteering.
        Volunteering = "volunteering" => "Volunteering",
        /// A stretch assignment.
        Stretch = "stretch" => "Stretch assignment",
        /// An open role.
        OpenRole = "open_role" => "Open role",
    }
}

code_enum! {
    /// Where a placement stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum PlacementStatus: "placement status", blank = Draft {
        /// Being written; only its owner sees it.
        Draft = "draft" => "Draft",
        /// Open for interest.
        Open = "open" => "Open",
        /// Every place is taken.
        Filled = "filled" => "Filled",
        /// No longer offered.
        Closed = "closed" => "Closed",
    }
}

impl PlacementStatus {
    /// Whether a placement may move from `self` to `to` (staying put is always allowed).
    /// Draft opens or closes; open fills or closes; filled or closed may open again.
    pub fn may_become(self, to: PlacementStatus) -> bool {
        use PlacementStatus::*;
        self == to
            || matches!(
                (self, to),
                (Draft, Open)
                    | (Draft, Closed)
                    | (Open, Filled)
                    | (Open, Closed)
                    | (Filled, Open)
                    | (Closed, Open)
                    | (Filled, Closed)
            )
    }
}

code_enum! {
    /// What a placement offers on one of the four factors.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Offer: "placement offer", blank = Neutral {
        /// Less of it than a usual job.
        Lowers = "lowers" => "Less than usual",
        /// About as much as a usual job.
        Neutral = "neutral" => "About the same",
        /// Some more of it.
        Some = "some" => "Some more",
        /// Much more of it.
        Strong = "strong" => "Much more",
    }
}

impl Offer {
    /// The step used in scores: −1, 0, 1 or 2.
    pub fn step(self) -> i32 {
        match self {
            Offer::Lowers => -1,
            Offer::Neutral => 0,
            Offer::Some => 1,
            Offer::Strong => 2,
        }
    }
}

code_enum! {
    /// Where the work happens.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum WorkMode: "work mode", blank = Onsite {
        /// At the location given.
        Onsite = "onsite" => "On site",
        /// Partly at the location, partly remote.
        Hybrid = "hybrid" => "Hybrid",
        /// From anywhere.
        Remote = "remote" => "Remote",
    }
}

code_enum! {
    /// Where an expression of interest stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum InterestStatus: "interest status" {
        /// Waiting for the owner.
        Pending = "pending" => "Waiting for an answer",
        /// The owner took the person on.
        Accepted = "accepted" => "Accepted",
        /// The owner said no, with a reason.
        Declined = "declined" => "Declined",
        /// The person took it back.
        Withdrawn = "withdrawn" => "Withdrawn",
        /// The owner invited the person; it becomes an interest when they answer with a note.
        Invited = "invited" => "Invited",
    }
}

code_enum! {
    /// Why a placement is not for me.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum NotForMe: "not-for-me reason" {
        /// It needs skills I do not have or do not want to use.
        WrongSkills = "wrong_skills" => "Wrong skills",
        /// It does not give me what I want from work.
        WrongFactors = "wrong_factors" => "Not what I want from work",
        /// I do not have the time it asks.
        NoTime = "no_time" => "No time for it",
        /// I do not want this kind of placement.
        NotThisKind = "not_this_kind" => "Not this kind of placement",
        /// Something else.
        Other = "other" => "Another reason",
    }
}

/// What a placement offers on each factor, in [`Factor::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offers(pub [Offer; 4]);

impl Default for Offers {
    fn default() -> Self {
        Offers([Offer::Neutral; 4])
    }
}

impl Offers {
    /// What it offers on one factor.
    pub fn get(&self, f: Factor) -> Offer {
        self.0[factor_index(f)]
    }
}

/// The position of a factor in [`Factor::ALL`].
pub fn factor_index(f: Factor) -> usize {
    Factor::ALL.iter().position(|x| *x == f).unwrap_or(0)
}

/// A placement's own fields, as typed (skills and directions are checked by the caller, who
/// knows the taxonomy and the directions).
#[derive(Debug, Clone, Default)]
pub struct RawPlacement<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// Type code.
    pub kind: &'a str,
    /// Status code (blank: draft).
    pub status: &'a str,
    /// Offer codes for status, autonomy, meaning and learning.
    pub offers: [&'a str; 4],
    /// Hours a week.
    pub hours_per_week: &'a str,
    /// Duration in weeks.
    pub duration_weeks: &'a str,
    /// Location.
    pub location: &'a str,
    /// Work mode code.
    pub work_mode: &'a str,
    /// Number of places.
    pub places: &'a str,
    /// Closing date, YYYY-MM-DD or blank.
    pub closes_on: &'a str,
}

/// A placement's own fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementFields {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Type.
    pub kind: PlacementKind,
    /// Status.
    pub status: PlacementStatus,
    /// What it offers on each factor.
    pub offers: Offers,
    /// Hours a week.
    pub hours_per_week: i32,
    /// Duration in weeks.
    pub duration_weeks: i32,
    /// Location.
    pub location: String,
    /// On site, hybrid or remote.
    pub work_mode: WorkMode,
    /// Places.
    pub places: i32,
    /// Closing date.
    pub closes_on: Option<Date>,
}

/// The form and API field names of the four offers, in [`Factor::ALL`] order.
pub const OFFER_FIELDS: [&str; 4] = [
    "offers_status",
    "offers_autonomy",
    "offers_meaning",
    "offers_learning",
];

fn whole(raw: &str, lo: i32, hi: i32, unit: &str) -> Result<i32, String> {
    match raw.trim().parse::<i32>() {
        Ok(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(format!(
            "must be a whole number of {unit} from {lo} to {hi}"
        )),
    }
}

fn code_error(expected: &[&str]) -> String {
    format!("must be one of {}", expected.join(", "))
}

/// Check a placement's own fields; every problem is reported against its field.
pub fn check_placement(raw: &RawPlacement<'_>) -> Result<PlacementFields, FieldErrors> {
    let mut e = FieldErrors::new();
    let title = required_text(raw.title, 200).unwrap_or_else(|m| {
        e.add("title", m);
        String::new()
    });
    let description = optional_text(raw.description, 4000).unwrap_or_else(|m| {
        e.add("description", m);
        String::new()
    });
    let kind = PlacementKind::from_code(raw.kind).unwrap_or_else(|| {
        e.add("kind", code_error(PlacementKind::CODES));
        PlacementKind::Project
    });
    let status = PlacementStatus::from_code(raw.status).unwrap_or_else(|| {
        e.add("status", code_error(PlacementStatus::CODES));
        PlacementStatus::Draft
    });
    let mut offers = Offers::default();
    for (i, field) in OFFER_FIELDS.iter().enumerate() {
        match Offer::from_code(raw.offers[i]) {
            Some(o) => offers.0[i] = o,
            None => e.add(field, code_error(Offer::CODES)),
        }
    }
    let hours_per_week = whole(raw.hours_per_week, 1, MAX_HOURS, "hours").unwrap_or_else(|m| {
        e.add("hours_per_week", m);
        0
    });
    let duration_weeks = whole(raw.duration_weeks, 1, MAX_WEEKS, "weeks").unwrap_or_else(|m| {
        e.add("duration_weeks", m);
        0
    });
    let location = optional_text(raw.location, 120).unwrap_or_else(|m| {
        e.add("location", m);
        String::new()
    });
    let work_mode = WorkMode::from_code(raw.work_mode).unwrap_or_else(|| {
        e.add("work_mode", code_error(WorkMode::CODES));
        WorkMode::Onsite
    });
    if work_mode != WorkMode::Remote && location.is_empty() && e.get("location").is_none() {
        e.add("location", "is required unless the work is remote");
    }
    let places = whole(raw.places, 1, MAX_PLACES, "places").unwrap_or_else(|m| {
        e.add("places", m);
        0
    });
    let closes_on = if raw.closes_on.trim().is_empty() {
        None
    } else {
        match parse_date(raw.closes_on) {
            Ok(d) => Some(d),
            Err(m) => {
                e.add("closes_on", m);
                None
            }
        }
    };
    e.into_result()?;
    Ok(PlacementFields {
        title,
        description,
        kind,
        status,
        offers,
        hours_per_week,
        duration_weeks,
        location,
        work_mode,
        places,
        closes_on,
    })
}

/// Check a skill level typed for a needed skill (1–5).
pub fn check_level(raw: &str) -> Result<i32, String> {
    whole(raw, 1, 5, "levels").map_err(|_| "must be a level from 1 to 5".to_string())
}

/// Check an interest note: required, short, and about what the person can bring.
pub fn check_note(raw: &str) -> Result<String, String> {
    required_text(raw, MAX_NOTE)
}

code_enum! {
    /// Why a placement lists a skill.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum SkillUse: "placement skill use" {
        /// It needs the skill, at a level.
        Needed = "needed" => "Skills needed",
        /// One would learn the skill.
        Learn = "learn" => "Skills you would learn",
    }
}
