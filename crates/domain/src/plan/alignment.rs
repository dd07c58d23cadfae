//! How well a career plan aligns with the organisation's strategic directions, with the
//! reasons, and plain guidance for both sides when it diverges.

use super::skills::{normalise, same_skill};
use super::{ItemKind, Section};
use crate::codes::code_enum;
use serde::Serialize;

/// At or above this score a plan is aligned.
pub const ALIGNED_AT: u8 = 60;
/// Below this score a plan diverges.
pub const DIVERGING_BELOW: u8 = 30;

/// A strategic direction as alignment sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectionFacts {
    /// Id (as text).
    pub id: String,
    /// Title.
    pub title: String,
    /// Skills it needs, normalised (see [`normalise`]).
    pub skills: Vec<String>,
    /// Role codes it needs.
    pub roles: Vec<String>,
}

/// A plan item as alignment sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFacts {
    /// Goal or growth.
    pub section: Section,
    /// What it is.
    pub kind: ItemKind,
    /// Role code, direction id, opportunity id...
    pub reference: String,
    /// The words shown.
    pub label: String,
    /// For an opportunity or pilot: the direction it serves, if any.
    pub serves_direction: Option<String>,
    /// For an opportunity or pilot: the skills it grows (free text).
    pub grows: Vec<String>,
}

/// One reason an item aligns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The item's words.
    pub item: String,
    /// Goal or growth item kind, for display.
    pub kind: &'static str,
    /// The direction it matches.
    pub direction: String,
    /// Why, in a short sentence.
    pub why: String,
}

code_enum! {
    /// Overall verdict.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Level: "alignment level" {
        /// Most of the plan serves a direction.
        Aligned = "aligned" => "Aligned",
        /// Some of it does.
        Partly = "partly" => "Partly aligned",
        /// Little or none of it does.
        Diverging = "diverging" => "Diverging",
        /// Nothing to judge: no directions published, or an empty plan.
        Unknown = "unknown" => "Not judged yet",
    }
}

/// The alignment of one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alignment {
    /// 0–100: the weighted share of the plan that serves a direction (goals count double).
    pub score: u8,
    /// Verdict.
    pub level: Level,
    /// One plain sentence.
    pub summary: String,
    /// Which items match which direction, and why.
    pub reasons: Vec<Reason>,
    /// Items that serve no direction.
    pub unaligned: Vec<String>,
    /// What the owner can do (diverging or partly aligned plans).
    pub for_owner: Vec<&'static str>,
    /// What the manager can do (shown only when the plan is shared).
    pub for_manager: Vec<&'static str>,
}

const OWNER_DIVERGING: [&str; 4] = [
    "Keep performing in your current role: say so to your manager, and show it.",
    "Talk about the plan openly with your manager rather than keeping it to yourself.",
    "Look for the parts that do align with a direction and start there.",
    "If it truly diverges, prepare a move (outside the organisation if need be) and help prepare a successor for your role.",
];
const MANAGER_DIVERGING: [&str; 4] = [
    "Acknowledge the divergence openly; it is not a reason for surprise or blame.",
    "Agree on what performing well in the current role means meanwhile.",
    "Look together for the parts of the plan the organisation can support.",
    "If it truly diverges, plan succession for the role and support a good move, even outside.",
];
const OWNER_PARTLY: [&str; 2] = [
    "Build on the parts that align: they are where support is easiest to get.",
    "Talk about the other parts openly with your manager.",
];
const MANAGER_PARTLY: [&str; 2] = [
    "Support the parts that align with a direction first.",
    "Ask about the other parts: they may point to a need the organisation has not named yet.",
];

fn weight(section: Section) -> u32 {
    match section {
        Section::Goal => 2,
        Section::Growth => 1,
    }
}

/// Why `item` serves `d`, if it does.
fn match_reason(item: &ItemFacts, d: &DirectionFacts) -> Option<String> {
    let label = normalise(&item.label);
    let skill_hit = |name: &str| d.skills.iter().find(|s| same_skill(s, name)).cloned();
    match item.kind {
        ItemKind::Role if d.roles.iter().any(|r| r == &item.reference) => {
            Some("the direction needs this role".into())
        }
        ItemKind::Direction if d.id == item.reference => Some("you chose this direction".into()),
        ItemKind::Opportunity | ItemKind::Pilot
            if item.serves_direction.as_deref() == Some(d.id.as_str()) =>
        {
            Some("it serves this direction".into())
        }
        ItemKind::Opportunity | ItemKind::Pilot => item
            .grows
            .iter()
            .chain(std::iter::once(&item.label))
            .find_map(|g| skill_hit(&normalise(g)))
            .map(|s| format!("it grows {s}, which the direction needs")),
        ItemKind::Role | ItemKind::Direction => None,
        _ => skill_hit(&label).map(|s| format!("the direction needs {s}")),
    }
}

/// Score a plan against the organisation's active directions.
pub fn align(items: &[ItemFacts], directions: &[DirectionFacts]) -> Alignment {
    let mut out = Alignment {
        score: 0,
        level: Level::Unknown,
        summary: String::new(),
        reasons: Vec::new(),
        unaligned: Vec::new(),
        for_owner: Vec::new(),
        for_manager: Vec::new(),
    };
    if directions.is_empty() {
        out.summary = "The organisation has not published strategic directions yet, so alignment cannot be judged.".into();
        return out;
    }
    if items.is_empty() {
        out.summary =
            "Add goals and growth items to see how the plan aligns with the strategic directions."
                .into();
        return out;
    }
    let (mut total, mut hit) = (0u32, 0u32);
    for item in items {
        total += weight(item.section);
        let mut matched = false;
        for d in directions {
            if let Some(why) = match_reason(item, d) {
                matched = true;
                out.reasons.push(Reason {
                    item: item.label.clone(),
                    kind: item.kind.label(),
                    direction: d.title.clone(),
                    why,
                });
            }
        }
        if matched {
            hit += weight(item.section);
        } else {
            out.unaligned.push(item.label.clone());
        }
    }
    out.score = ((hit * 100 + total / 2) / total).min(100) as u8;
    out.level = if out.score >= ALIGNED_AT {
        Level::Aligned
    } else if out.score >= DIVERGING_BELOW {
        Level::Partly
    } else {
        Level::Diverging
    };
    out.summary = match out.level {
        Level::Aligned => "Most of this plan serves the organisation's strategic directions.".into(),
        Level::Partly => "Part of this plan serves the organisation's strategic directions; part of it does not.".into(),
        _ => "This plan diverges from where the organisation is heading. That is worth saying out loud, early.".into(),
    };
    match out.level {
        Level::Diverging => {
            out.for_owner = OWNER_DIVERGING.to_vec();
            out.for_manager = MANAGER_DIVERGING.to_vec();
        }
        Level::Partly => {
            out.for_owner = OWNER_PARTLY.to_vec();
            out.for_manager = MANAGER_PARTLY.to_vec();
        }
        _ => {}
    }
    out
}
