//! Matching people and placements, both ways, with explanations that add up.
//!
//! A score is a sum of [`Contribution`]s, each a whole number of points with the reason for
//! it, so the explanation shown is exactly the score: nothing is hidden in a weight.
//!
//! - **Skill fit** (up to [`SKILL_POINTS`]): each needed skill earns its share in proportion
//!   to the level held, up to the level needed (level 2 of a needed 4 earns half its share).
//! - **Growth fit**: [`GROWTH_POINTS`] for each skill it teaches that the person wants to
//!   grow, at most [`GROWTH_CAP`] in all.
//! - **Factor fit**: for each factor, the weight of its place in the person's compass ranking
//!   ([`RANK_WEIGHTS`]: 8, 5, 3, 1) times what the placement offers (−1 lowers it, 0, +1, +2).
//! - **Direction fit**: [`DIRECTION_POINTS`] for each strategic direction it serves that the
//!   person works towards, at most two.
//! - **Feedback**: "not for me" on this placement costs [`NOT_FOR_ME_POINTS`]; "not this kind"
//!   costs every placement of that kind [`KIND_POINTS`]; "no time" costs every placement asking
//!   as many hours or more [`TIME_POINTS`].
//! - **Hard filters** keep a placement out altogether: not open, past its closing date, no
//!   places left, or more hours a week than the person has.
//!
//! The [`Index`] holds the placements in memory and is changed one placement at a time.
//! Nothing here knows who is looking: the caller builds a [`Seeker`] only from what the
//! viewer may see (for a candidate list, only what the person shares with everyone).

use super::{NotForMe, Offers, PlacementKind, PlacementStatus, factor_index};
use crate::compass::{Factor, Ranking};
use crate::ids::PlacementId;
use std::collections::{HashMap, HashSet};
use time::Date;
use uuid::Uuid;

/// Most points skill fit gives.
pub const SKILL_POINTS: i32 = 40;
/// Points per want-to-grow skill the placement teaches.
pub const GROWTH_POINTS: i32 = 15;
/// Most points growth fit gives.
pub const GROWTH_CAP: i32 = 30;
/// Weight of the factors ranked first to fourth.
pub const RANK_WEIGHTS: [i32; 4] = [8, 5, 3, 1];
/// Points per strategic direction in common.
pub const DIRECTION_POINTS: i32 = 10;
/// Most directions that count.
pub const DIRECTION_CAP: usize = 2;
/// What "not for me" on this very placement costs.
pub const NOT_FOR_ME_POINTS: i32 = -100;
/// What each "not this kind" costs another placement of the same kind.
pub const KIND_POINTS: i32 = -15;
/// What a "no time" costs a placement asking as many hours or more.
pub const TIME_POINTS: i32 = -10;

/// What the matcher knows about a placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementCard {
    /// Which placement.
    pub id: PlacementId,
    /// Its type.
    pub kind: PlacementKind,
    /// Where it stands.
    pub status: PlacementStatus,
    /// Skills needed, with the level (1–5).
    pub needed: Vec<(String, i32)>,
    /// Skills one would learn.
    pub learn: Vec<String>,
    /// What it offers on each factor.
    pub offers: Offers,
    /// Strategic directions it serves.
    pub directions: Vec<Uuid>,
    /// Hours a week.
    pub hours_per_week: i32,
    /// Closing date.
    pub closes_on: Option<Date>,
    /// Places not yet taken.
    pub places_left: i32,
}

/// A "not for me" the person said, with what it said about the placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// The placement.
    pub placement: PlacementId,
    /// Its type.
    pub kind: PlacementKind,
    /// Its hours a week.
    pub hours_per_week: i32,
    /// Why.
    pub reason: NotForMe,
}

/// What the matcher knows about a person, limited by the caller to what the viewer may see.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seeker {
    /// Skills held, with level 1–5.
    pub skills: HashMap<String, i32>,
    /// Skills they want to grow.
    pub grow: HashSet<String>,
    /// Their ranking of the four factors (None: not ranked or not shared).
    pub ranking: Option<Ranking>,
    /// Directions they work towards.
    pub directions: HashSet<Uuid>,
    /// Hours a week they have for a placement (None: not said).
    pub hours_available: Option<i32>,
    /// What they marked "not for me".
    pub feedback: Vec<Feedback>,
    /// Skills they have not recorded but partly (or fully) hold through a related skill they
    /// did record, from the taxonomy: needed skill id → how. Built by the caller from the
    /// same shared skills as `skills`, so it reveals nothing more.
    pub related: HashMap<String, Related>,
}

/// A skill held through a related one ("SQL: you have PostgreSQL").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// The skill the person recorded.
    pub via: String,
    /// The level it counts for on the related skill, 1–5.
    pub level: i32,
}

/// One reason for points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A needed skill, and the level held (0: not held).
    Skill {
        /// Skill id.
        skill: String,
        /// Level held.
        have: i32,
        /// Level needed.
        need: i32,
        /// The related skill the level comes from, when the person did not record this one.
        via: Option<String>,
    },
    /// A skill it teaches that the person wants to grow.
    Growth {
        /// Skill id.
        skill: String,
    },
    /// A factor it serves or lowers.
    Factor {
        /// The factor.
        factor: Factor,
        /// Its place in the ranking, 1–4.
        rank: usize,
        /// What the placement offers (−1..=2).
        step: i32,
    },
    /// A direction in common.
    Direction {
        /// Direction id.
        direction: Uuid,
    },
    /// The person marked this placement "not for me".
    NotForMe {
        /// Why.
        reason: NotForMe,
    },
    /// The person said "not this kind" to another placement of this kind.
    SameKind {
        /// The kind.
        kind: PlacementKind,
    },
    /// The person said "no time" to a placement asking this many hours or fewer.
    NoTime {
        /// Hours of the placement they had no time for.
        hours: i32,
    },
}

/// Points and their reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    /// Why.
    pub part: Part,
    /// How many points (negative lowers the score).
    pub points: i32,
}

/// Whose eyes an explanation is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// The person themselves ("your SQL").
    Mine,
    /// A placement's owner reading about a candidate ("their SQL").
    Theirs,
}

impl Contribution {
    /// The contribution in plain words; `skill` and `direction` give names for ids.
    pub fn describe(
        &self,
        voice: Voice,
        skill: &dyn Fn(&str) -> String,
        direction: &dyn Fn(Uuid) -> String,
    ) -> String {
        let (your, you) = match voice {
            Voice::Mine => ("your", "you"),
            Voice::Theirs => ("their", "they"),
        };
        match &self.part {
            Part::Skill {
                skill: s,
                have,
                need,
                via: Some(v),
            } => {
                let met = if *have >= *need {
                    "which counts in full".to_string()
                } else {
                    format!("which counts as level {have} of the {need} it needs")
                };
                format!(
                    "{} — {you} have {}, a related skill, {met}",
                    skill(s),
                    skill(v)
                )
            }
            Part::Skill {
                skill: s,
                have,
                need,
                ..
            } if *have >= *need => {
                format!(
                    "{} at level {have} meets the level {need} it needs",
                    cap(&format!("{your} {}", skill(s)))
                )
            }
            Part::Skill {
                skill: s,
                have: 0,
                need,
                ..
            } => {
                format!(
                    "It needs {} at level {need}, which {you} have not recorded",
                    skill(s)
                )
            }
            Part::Skill {
                skill: s,
                have,
                need,
                ..
            } => {
                format!(
                    "{} is at level {have} of the {need} it needs",
                    cap(&format!("{your} {}", skill(s)))
                )
            }
            Part::Growth { skill: s } => {
                format!(
                    "{} would learn {}, a skill {you} want to grow",
                    cap(you),
                    skill(s)
                )
            }
            Part::Factor { factor, rank, step } if *step < 0 => format!(
                "It gives less {} than a usual job, and that is {your} number {rank}",
                factor.label().to_lowercase()
            ),
            Part::Factor { factor, rank, step } => format!(
                "It gives {} {}, {your} number {rank}",
                if *step >= 2 { "much more" } else { "more" },
                factor.label().to_lowercase()
            ),
            Part::Direction { direction: d } => {
                format!(
                    "It serves {}, a direction {you} work towards",
                    direction(*d)
                )
            }
            Part::NotForMe { reason } => format!(
                "{} marked it not for {} ({})",
                cap(you),
                if voice == Voice::Mine { "you" } else { "them" },
                reason.label().to_lowercase()
            ),
            Part::SameKind { kind } => format!(
                "{} said another {} was not the kind of placement {you} want",
                cap(you),
                kind.label().to_lowercase()
            ),
            Part::NoTime { hours } => format!(
                "{} had no time for a placement of {hours} hours a week, and this asks as much or more",
                cap(you)
            ),
        }
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Why a placement is left out whatever its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Not open.
    NotOpen,
    /// Past its closing date.
    PastClosing,
    /// Every place is taken.
    NoPlaces,
    /// It asks more hours a week than the person has.
    TooManyHours,
}

/// A scored placement (or person): the total and the contributions that make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// The sum of the contributions.
    pub total: i32,
    /// The contributions, in the order skill, growth, factor, direction, feedback.
    pub parts: Vec<Contribution>,
}

/// The hard filter a placement fails for a person on `today`, if any.
pub fn filter(card: &PlacementCard, seeker: &Seeker, today: Date) -> Option<Filter> {
    if card.status != PlacementStatus::Open {
        return Some(Filter::NotOpen);
    }
    if card.closes_on.is_some_and(|d| d < today) {
        return Some(Filter::PastClosing);
    }
    if card.places_left <= 0 {
        return Some(Filter::NoPlaces);
    }
    if seeker
        .hours_available
        .is_some_and(|h| card.hours_per_week > h)
    {
        return Some(Filter::TooManyHours);
    }
    None
}

/// Score a placement for a person. The total is always the sum of the parts.
pub fn score(card: &PlacementCard, seeker: &Seeker) -> Score {
    let mut parts = Vec::new();
    let total = score_into(card, seeker, Some(&mut parts));
    Score { total, parts }
}

/// The total [`score`] gives, without building the explanation (for ranking many).
pub fn total(card: &PlacementCard, seeker: &Seeker) -> i32 {
    score_into(card, seeker, None)
}

/// The one scoring rule: adds each contribution to `parts` when given, returns the total.
fn score_into(
    card: &PlacementCard,
    seeker: &Seeker,
    mut parts: Option<&mut Vec<Contribution>>,
) -> i32 {
    let mut sum = 0;
    let mut add = |part: &dyn Fn() -> Part, points: i32| {
        sum += points;
        if let Some(p) = parts.as_deref_mut() {
            p.push(Contribution {
                part: part(),
                points,
            });
        }
    };
    let n = card.needed.len() as i32;
    for (skill, need) in &card.needed {
        let need = (*need).clamp(1, 5);
        let own = seeker.skills.get(skill).copied().unwrap_or(0).clamp(0, 5);
        let (have, via) = match seeker.related.get(skill) {
            Some(r) if r.level.clamp(0, 5) > own && own < need => {
                (r.level.clamp(0, 5), Some(r.via.as_str()))
            }
            _ => (own, None),
        };
        // Round half up, in integers: share × min(have, need) / need.
        let num = 2 * SKILL_POINTS * have.min(need);
        let den = 2 * need * n;
        let points = (num + den / 2) / den;
        add(
            &|| Part::Skill {
                skill: skill.clone(),
                have,
                need,
                via: via.map(str::to_string),
            },
            points,
        );
    }
    let mut growth = 0;
    for skill in &card.learn {
        if seeker.grow.contains(skill) && growth < GROWTH_CAP {
            let points = GROWTH_POINTS.min(GROWTH_CAP - growth);
            growth += points;
            add(
                &|| Part::Growth {
                    skill: skill.clone(),
                },
                points,
            );
        }
    }
    if let Some(ranking) = seeker.ranking {
        for (i, factor) in ranking.0.iter().enumerate() {
            let step = card.offers.0[factor_index(*factor)].step();
            if step != 0 {
                add(
                    &|| Part::Factor {
                        factor: *factor,
                        rank: i + 1,
                        step,
                    },
                    RANK_WEIGHTS[i] * step,
                );
            }
        }
    }
    if !seeker.directions.is_empty() {
        for d in card
            .directions
            .iter()
            .filter(|d| seeker.directions.contains(d))
            .take(DIRECTION_CAP)
        {
            add(&|| Part::Direction { direction: *d }, DIRECTION_POINTS);
        }
    }
    let mut kind_marks = 0;
    let mut time_mark: Option<i32> = None;
    for f in &seeker.feedback {
        if f.placement == card.id {
            add(&|| Part::NotForMe { reason: f.reason }, NOT_FOR_ME_POINTS);
            continue;
        }
        match f.reason {
            NotForMe::NotThisKind if f.kind == card.kind && kind_marks < 3 => {
                kind_marks += 1;
                add(&|| Part::SameKind { kind: f.kind }, KIND_POINTS);
            }
            NotForMe::NoTime if card.hours_per_week >= f.hours_per_week => {
                time_mark = Some(time_mark.map_or(f.hours_per_week, |h| h.min(f.hours_per_week)));
            }
            _ => {}
        }
    }
    if let Some(hours) = time_mark {
        add(&|| Part::NoTime { hours }, TIME_POINTS);
    }
    sum
}

/// What the feedback alone gives a placement (zero or less), as [`score`] counts it.
pub fn feedback_points(card: &PlacementCard, seeker: &Seeker) -> i32 {
    let mut sum = 0;
    let mut kind_marks = 0;
    let mut time_mark = false;
    for f in &seeker.feedback {
        if f.placement == card.id {
            sum += NOT_FOR_ME_POINTS;
            continue;
        }
        match f.reason {
            NotForMe::NotThisKind if f.kind == card.kind && kind_marks < 3 => {
                kind_marks += 1;
                sum += KIND_POINTS;
            }
            NotForMe::NoTime if card.hours_per_week >= f.hours_per_week => time_mark = true,
            _ => {}
        }
    }
    if time_mark {
        sum += TIME_POINTS;
    }
    sum
}

/// What the factors alone give a placement offering `offers` to someone with `ranking`: the
/// most a placement sharing no skill or direction with the person can score.
pub fn factor_points(offers: &Offers, ranking: Option<Ranking>) -> i32 {
    ranking.map_or(0, |r| {
        r.0.iter()
            .enumerate()
            .map(|(i, f)| RANK_WEIGHTS[i] * offers.0[factor_index(*f)].step())
            .sum()
    })
}

/// A placement recommended to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    /// The placement.
    pub placement: PlacementId,
    /// Its score and explanation.
    pub score: Score,
}

pub use super::index::{Index, PeopleIndex};

/// The best `limit` people for a placement among `people` (each already limited to what the
/// owner may see, and only those who made themselves discoverable), best first, scoring
/// everyone in a loop ([`PeopleIndex::candidates`] gives the same faster). People with no
/// positive score are left out: a candidate list is for people worth inviting.
pub fn candidates<K: Clone + Ord>(
    card: &PlacementCard,
    people: &[(K, Seeker)],
    limit: usize,
) -> Vec<(K, Score)> {
    let mut out: Vec<(K, Score)> = people
        .iter()
        .filter(|(_, s)| s.hours_available.is_none_or(|h| card.hours_per_week <= h))
        .map(|(k, s)| (k.clone(), score(card, s)))
        .filter(|(_, s)| s.total > 0)
        .collect();
    out.sort_by(|a, b| b.1.total.cmp(&a.1.total).then(a.0.cmp(&b.0)));
    out.truncate(limit);
    out
}
