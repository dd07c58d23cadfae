//! A deterministic synthetic organisation for the matching tests and benchmarks: placements
//! and people drawn from a fixed seed, with skill popularity skewed the way real skill data is
//! (a few skills very common, a long tail rare).
//!
//! - Skills `s0`…`s{n-1}`: skill *i* is drawn with probability falling with *i* (the square of
//!   a uniform number picks the index, so the first tenth of skills takes about a third of all
//!   draws). Every skill *i* ≥ 8 has a broader related skill *i* / 8 ("PostgreSQL" → "SQL"),
//!   held at half the level, rounded up.
//! - Placements: 1–5 needed skills (level 1–5), 0–3 to learn, offers mostly neutral or some
//!   more, 0–2 of 30 directions, 2–40 hours; about 5 % not open, past closing or full.
//! - People: 3–15 skills, 0–4 to grow, a ranking for 85 %, 0–2 directions, hours said for
//!   70 %, and for some a few "not for me" marks.

use super::matching::{Feedback, PlacementCard, Related, Seeker};
use super::{NotForMe, Offer, Offers, PlacementKind, PlacementStatus};
use crate::compass::{Factor, Ranking};
use crate::ids::PlacementId;
use std::collections::{HashMap, HashSet};
use time::Date;
use uuid::Uuid;

/// A small, fast, seeded random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// The shape of a synthetic organisation.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// How many skills the taxonomy has.
    pub skills: usize,
    /// How many placements.
    pub placements: usize,
    /// How many people.
    pub people: usize,
    /// How many strategic directions.
    pub directions: usize,
}

/// The day the synthetic organisation is looked at.
pub fn today() -> Date {
    Date::from_calendar_date(2026, time::Month::June, 1).unwrap_or(Date::MIN)
}

/// Skill id `i`.
pub fn skill(i: usize) -> String {
    format!("s{i}")
}

fn skewed(rng: &mut Rng, n: usize) -> usize {
    let u = rng.unit();
    ((u * u) * n as f64) as usize % n.max(1)
}

fn direction(i: usize) -> Uuid {
    Uuid::from_u128(0xD1 << 64 | i as u128)
}

/// The related skills a person holds through the skills they recorded: each recorded skill
/// *i* ≥ 8 gives its broader skill *i* / 8 at half its level (rounded up), unless recorded.
pub fn related(skills: &HashMap<String, i32>) -> HashMap<String, Related> {
    let mut out: HashMap<String, Related> = HashMap::new();
    let mut held: Vec<(&String, &i32)> = skills.iter().collect();
    held.sort();
    for (s, level) in held {
        let Some(i) = s.strip_prefix('s').and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        if i < 8 {
            continue;
        }
        let broader = skill(i / 8);
        if skills.contains_key(&broader) {
            continue;
        }
        let level = (level + 1) / 2;
        if out.get(&broader).is_none_or(|r| r.level < level) {
            out.insert(
                broader,
                Related {
                    via: s.clone(),
                    level,
                },
            );
        }
    }
    out
}

/// Placement number `i` (ids are deterministic too).
pub fn placement_id(i: usize) -> PlacementId {
    PlacementId::from_uuid(Uuid::from_u128(0xB1 << 64 | i as u128))
}

/// Person number `i`.
pub fn person_id(i: usize) -> Uuid {
    Uuid::from_u128(0xA1 << 64 | i as u128)
}

const HOURS: [i32; 8] = [2, 4, 4, 8, 8, 16, 20, 40];

/// One synthetic placement.
pub fn placement(rng: &mut Rng, shape: &Shape, i: usize) -> PlacementCard {
    let mut needed: Vec<(String, i32)> = Vec::new();
    for _ in 0..1 + rng.below(5) {
        let s = skill(skewed(rng, shape.skills));
        if !needed.iter().any(|(n, _)| *n == s) {
            needed.push((s, 1 + rng.below(5) as i32));
        }
    }
    let mut learn: Vec<String> = Vec::new();
    for _ in 0..rng.below(4) {
        let s = skill(skewed(rng, shape.skills));
        if !learn.contains(&s) {
            learn.push(s);
        }
    }
    let offer = |rng: &mut Rng| match rng.below(10) {
        0 => Offer::Lowers,
        1..=4 => Offer::Neutral,
        5..=8 => Offer::Some,
        _ => Offer::Strong,
    };
    let offers = Offers([offer(rng), offer(rng), offer(rng), offer(rng)]);
    let mut directions = Vec::new();
    for _ in 0..rng.below(3) {
        let d = direction(rng.below(shape.directions.max(1)));
        if !directions.contains(&d) {
            directions.push(d);
        }
    }
    let (status, closes_on, places_left) = match rng.below(60) {
        0 => (PlacementStatus::Filled, None, 0),
        1 => (
            PlacementStatus::Open,
            Some(today() - time::Duration::days(3)),
            1,
        ),
        2 => (PlacementStatus::Open, None, 0),
        _ => (
            PlacementStatus::Open,
            rng.chance(0.5)
                .then(|| today() + time::Duration::days(rng.below(90) as i64)),
            1 + rng.below(3) as i32,
        ),
    };
    PlacementCard {
        id: placement_id(i),
        kind: PlacementKind::ALL[rng.below(PlacementKind::ALL.len())],
        status,
        needed,
        learn,
        offers,
        directions,
        hours_per_week: HOURS[rng.below(HOURS.len())],
        closes_on,
        places_left,
    }
}

/// One synthetic person, with "not for me" marks on placements among the first `placements`.
pub fn person(rng: &mut Rng, shape: &Shape) -> Seeker {
    let mut s = Seeker::default();
    for _ in 0..3 + rng.below(13) {
        s.skills
            .insert(skill(skewed(rng, shape.skills)), 1 + rng.below(5) as i32);
    }
    for _ in 0..rng.below(5) {
        s.grow.insert(skill(skewed(rng, shape.skills)));
    }
    if rng.chance(0.85) {
        let mut f = Factor::ALL;
        for i in (1..4).rev() {
            f.swap(i, rng.below(i + 1));
        }
        s.ranking = Some(Ranking(f));
    }
    let mut dirs = HashSet::new();
    for _ in 0..rng.below(3) {
        dirs.insert(direction(rng.below(shape.directions.max(1))));
    }
    s.directions = dirs;
    if rng.chance(0.7) {
        s.hours_available = Some(HOURS[rng.below(HOURS.len())]);
    }
    if rng.chance(0.2) && shape.placements > 0 {
        for _ in 0..1 + rng.below(3) {
            s.feedback.push(Feedback {
                placement: placement_id(rng.below(shape.placements)),
                kind: PlacementKind::ALL[rng.below(PlacementKind::ALL.len())],
                hours_per_week: HOURS[rng.below(HOURS.len())],
                reason: NotForMe::ALL[rng.below(NotForMe::ALL.len())],
            });
        }
    }
    s.related = related(&s.skills);
    s
}

/// A whole organisation: its placements and its people, from `seed`.
pub fn organisation(shape: &Shape, seed: u64) -> (Vec<PlacementCard>, Vec<(Uuid, Seeker)>) {
    let mut rng = Rng::new(seed);
    let placements = (0..shape.placements)
        .map(|i| placement(&mut rng, shape, i))
        .collect();
    let people = (0..shape.people)
        .map(|i| (person_id(i), person(&mut rng, shape)))
        .collect();
    (placements, people)
}
