//! The matching indexes: placements for a person ([`Index`]) and people for a placement
//! ([`PeopleIndex`]), both held in memory and changed one entry at a time.
//!
//! Both give exactly what scoring everything in a loop gives (best first, ties by id), but
//! score only what can win:
//!
//! - **Touched** entries share something with the other side — a needed skill (or one the
//!   person holds through a related skill), a skill to learn or grow, a direction. Inverted
//!   lists (skill → entries, direction → entries) find them; each is scored.
//! - **Everything else** scores the factor points alone, plus feedback, which only lowers
//!   it. Entries are grouped by what decides the factor points (a placement's four offers; a
//!   person's ranking), so a group's factor points are an upper bound on all its members. The
//!   groups are visited best bound first, each in id order, and the walk stops as soon as the
//!   bound can no longer beat the worst of the best `limit` found so far (a bounded heap).

use super::matching::{
    DIRECTION_CAP, DIRECTION_POINTS, GROWTH_CAP, GROWTH_POINTS, PlacementCard, RANK_WEIGHTS,
    Recommendation, SKILL_POINTS, Score, Seeker, factor_points, feedback_points, filter, score,
};
use super::{Offer, Offers};
use crate::compass::Ranking;
use crate::ids::PlacementId;
use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap, HashMap};
use std::hash::Hash;
use time::Date;
use uuid::Uuid;

/// The best `limit` keys by (total desc, key asc), kept in a heap whose top is the worst.
struct Best<K: Ord + Copy> {
    limit: usize,
    heap: BinaryHeap<(Reverse<i32>, K)>,
}

impl<K: Ord + Copy> Best<K> {
    fn new(limit: usize) -> Self {
        Best {
            limit,
            heap: BinaryHeap::with_capacity(limit + 1),
        }
    }

    fn full(&self) -> bool {
        self.heap.len() >= self.limit
    }

    /// Whether (total, key) would get in.
    fn beats(&self, total: i32, key: K) -> bool {
        if !self.full() {
            return self.limit > 0;
        }
        match self.heap.peek() {
            Some((Reverse(worst), wk)) => total > *worst || (total == *worst && key < *wk),
            None => false,
        }
    }

    fn offer(&mut self, total: i32, key: K) {
        if self.beats(total, key) {
            self.heap.push((Reverse(total), key));
            if self.heap.len() > self.limit {
                self.heap.pop();
            }
        }
    }

    /// Keys best first.
    fn into_sorted(self) -> Vec<K> {
        let mut v: Vec<(i32, K)> = self
            .heap
            .into_iter()
            .map(|(Reverse(t), k)| (t, k))
            .collect();
        v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        v.into_iter().map(|(_, k)| k).collect()
    }
}

fn add_to<K: Hash + Eq + Ord + Copy, T: Hash + Eq + Clone>(
    map: &mut HashMap<T, BTreeSet<K>>,
    key: &T,
    id: K,
) {
    map.entry(key.clone()).or_default().insert(id);
}

fn remove_from<K: Hash + Eq + Ord + Copy, T: Hash + Eq>(
    map: &mut HashMap<T, BTreeSet<K>>,
    key: &T,
    id: K,
) {
    if let Some(set) = map.get_mut(key) {
        set.remove(&id);
        if set.is_empty() {
            map.remove(key);
        }
    }
}

/// A placement as the index keeps it: the card, and its skills as interned numbers.
#[derive(Debug, Clone)]
struct Slot {
    card: PlacementCard,
    needed: Vec<(u32, i32)>,
    learn: Vec<u32>,
    steps: [i32; 4],
}

/// The placements in memory, changed one at a time.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Skill id → its number in the index (numbers are never reused).
    skills: HashMap<String, u32>,
    /// Placements by slot; a removed placement leaves a free slot.
    slots: Vec<Option<Slot>>,
    free: Vec<u32>,
    slot_of: HashMap<PlacementId, u32>,
    /// Needed skill → slots needing it.
    needs: HashMap<u32, Vec<u32>>,
    /// Skill to learn → slots teaching it.
    teaches: HashMap<u32, Vec<u32>>,
    /// Direction → slots serving it.
    serves: HashMap<Uuid, Vec<u32>>,
    /// The four offers → placements offering exactly that, in id order.
    by_offers: HashMap<[Offer; 4], BTreeSet<PlacementId>>,
}

fn push_to<T: Hash + Eq + Clone>(map: &mut HashMap<T, Vec<u32>>, key: &T, slot: u32) {
    let v = map.entry(key.clone()).or_default();
    if !v.contains(&slot) {
        v.push(slot);
    }
}

fn pull_from<T: Hash + Eq>(map: &mut HashMap<T, Vec<u32>>, key: &T, slot: u32) {
    if let Some(v) = map.get_mut(key) {
        v.retain(|s| *s != slot);
        if v.is_empty() {
            map.remove(key);
        }
    }
}

/// A person prepared for one query: levels by interned skill number.
struct Query<'a> {
    seeker: &'a Seeker,
    own: Vec<u8>,
    rel: Vec<u8>,
    grow: Vec<bool>,
    /// Weight of each factor (in `Factor::ALL` order) from the ranking.
    weights: [i32; 4],
    directions: Vec<Uuid>,
}

impl Index {
    /// An index over `cards`.
    pub fn build(cards: impl IntoIterator<Item = PlacementCard>) -> Index {
        let mut index = Index::default();
        for c in cards {
            index.upsert(c);
        }
        index
    }

    fn intern(&mut self, skill: &str) -> u32 {
        if let Some(n) = self.skills.get(skill) {
            return *n;
        }
        let n = self.skills.len() as u32;
        self.skills.insert(skill.to_string(), n);
        n
    }

    /// Add a placement or replace what the index knows about it.
    pub fn upsert(&mut self, card: PlacementCard) {
        self.remove(card.id);
        let id = card.id;
        let needed: Vec<(u32, i32)> = card
            .needed
            .iter()
            .map(|(s, l)| (self.intern(s), *l))
            .collect();
        let learn: Vec<u32> = card.learn.iter().map(|s| self.intern(s)).collect();
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                (self.slots.len() - 1) as u32
            }
        };
        for (s, _) in &needed {
            push_to(&mut self.needs, s, slot);
        }
        for s in &learn {
            push_to(&mut self.teaches, s, slot);
        }
        for d in &card.directions {
            push_to(&mut self.serves, d, slot);
        }
        add_to(&mut self.by_offers, &card.offers.0, id);
        let steps = card.offers.0.map(|o| o.step());
        self.slot_of.insert(id, slot);
        self.slots[slot as usize] = Some(Slot {
            card,
            needed,
            learn,
            steps,
        });
    }

    /// Forget a placement.
    pub fn remove(&mut self, id: PlacementId) {
        let Some(slot) = self.slot_of.remove(&id) else {
            return;
        };
        let Some(old) = self.slots.get_mut(slot as usize).and_then(Option::take) else {
            return;
        };
        for (s, _) in &old.needed {
            pull_from(&mut self.needs, s, slot);
        }
        for s in &old.learn {
            pull_from(&mut self.teaches, s, slot);
        }
        for d in &old.card.directions {
            pull_from(&mut self.serves, d, slot);
        }
        remove_from(&mut self.by_offers, &old.card.offers.0, id);
        self.free.push(slot);
    }

    /// How many placements it holds.
    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    fn slot(&self, slot: u32) -> Option<&Slot> {
        self.slots.get(slot as usize).and_then(Option::as_ref)
    }

    /// One placement.
    pub fn get(&self, id: PlacementId) -> Option<&PlacementCard> {
        self.slot_of
            .get(&id)
            .and_then(|s| self.slot(*s))
            .map(|s| &s.card)
    }

    /// Every placement, in no order.
    pub fn cards(&self) -> impl Iterator<Item = &PlacementCard> {
        self.slots.iter().flatten().map(|s| &s.card)
    }

    fn query<'a>(&self, seeker: &'a Seeker) -> Query<'a> {
        let n = self.skills.len();
        let mut q = Query {
            seeker,
            own: vec![0; n],
            rel: vec![0; n],
            grow: vec![false; n],
            weights: [0; 4],
            directions: seeker.directions.iter().copied().collect(),
        };
        for (s, l) in &seeker.skills {
            if let Some(i) = self.skills.get(s) {
                q.own[*i as usize] = (*l).clamp(0, 5) as u8;
            }
        }
        for (s, r) in &seeker.related {
            if let Some(i) = self.skills.get(s) {
                q.rel[*i as usize] = r.level.clamp(0, 5) as u8;
            }
        }
        for s in &seeker.grow {
            if let Some(i) = self.skills.get(s) {
                q.grow[*i as usize] = true;
            }
        }
        if let Some(r) = seeker.ranking {
            for (rank, f) in r.0.iter().enumerate() {
                q.weights[super::factor_index(*f)] = RANK_WEIGHTS[rank];
            }
        }
        q
    }

    /// The same total as [`score`], from the interned form (checked against it in tests).
    fn total(slot: &Slot, q: &Query) -> i32 {
        let mut sum = 0;
        let n = slot.needed.len() as i32;
        for (s, need) in &slot.needed {
            let need = (*need).clamp(1, 5);
            let own = i32::from(q.own[*s as usize]);
            let rel = i32::from(q.rel[*s as usize]);
            let have = if rel > own && own < need { rel } else { own };
            let num = 2 * SKILL_POINTS * have.min(need);
            let den = 2 * need * n;
            sum += (num + den / 2) / den;
        }
        let mut growth = 0;
        for s in &slot.learn {
            if q.grow[*s as usize] && growth < GROWTH_CAP {
                growth += GROWTH_POINTS.min(GROWTH_CAP - growth);
            }
        }
        sum += growth;
        for i in 0..4 {
            sum += q.weights[i] * slot.steps[i];
        }
        if !q.directions.is_empty() {
            let hits = slot
                .card
                .directions
                .iter()
                .filter(|d| q.directions.contains(d))
                .take(DIRECTION_CAP)
                .count();
            sum += DIRECTION_POINTS * hits as i32;
        }
        if !q.seeker.feedback.is_empty() {
            sum += feedback_points(&slot.card, q.seeker);
        }
        sum
    }

    /// The best `limit` placements for a person on `today`, best first (ties by id, so the
    /// order is stable), leaving out those failing a hard filter and those `skip` names.
    /// Gives exactly what [`Index::recommend_naive`] gives, scoring only what can win.
    pub fn recommend(
        &self,
        seeker: &Seeker,
        today: Date,
        limit: usize,
        skip: &dyn Fn(PlacementId) -> bool,
    ) -> Vec<Recommendation> {
        if limit == 0 {
            return Vec::new();
        }
        let q = self.query(seeker);
        let mut seen = vec![false; self.slots.len()];
        let eligible = |c: &PlacementCard| !skip(c.id) && filter(c, seeker, today).is_none();
        let mut best = Best::new(limit);
        let lists = seeker
            .skills
            .keys()
            .chain(seeker.related.keys())
            .filter_map(|s| self.skills.get(s).and_then(|n| self.needs.get(n)))
            .chain(
                seeker
                    .grow
                    .iter()
                    .filter_map(|s| self.skills.get(s).and_then(|n| self.teaches.get(n))),
            )
            .chain(seeker.directions.iter().filter_map(|d| self.serves.get(d)));
        for list in lists {
            for slot in list {
                if std::mem::replace(&mut seen[*slot as usize], true) {
                    continue;
                }
                if let Some(sl) = self.slot(*slot)
                    && eligible(&sl.card)
                {
                    best.offer(Self::total(sl, &q), sl.card.id);
                }
            }
        }
        let mut groups: Vec<(i32, &BTreeSet<PlacementId>)> = self
            .by_offers
            .iter()
            .map(|(o, ids)| (factor_points(&Offers(*o), seeker.ranking), ids))
            .collect();
        groups.sort_by_key(|g| Reverse(g.0));
        for (bound, ids) in groups {
            if best.full() && !best.beats(bound, PlacementId::from_uuid(Uuid::nil())) {
                break;
            }
            for id in ids {
                if !best.beats(bound, *id) {
                    break;
                }
                let Some(slot) = self.slot_of.get(id) else {
                    continue;
                };
                if seen[*slot as usize] {
                    continue;
                }
                if let Some(sl) = self.slot(*slot)
                    && eligible(&sl.card)
                {
                    best.offer(Self::total(sl, &q), *id);
                }
            }
        }
        best.into_sorted()
            .into_iter()
            .filter_map(|id| self.get(id))
            .map(|c| Recommendation {
                placement: c.id,
                score: score(c, seeker),
            })
            .collect()
    }

    /// The same as [`Index::recommend`] by scoring every placement in a loop: the baseline
    /// the fast walk is checked and measured against.
    pub fn recommend_naive(
        &self,
        seeker: &Seeker,
        today: Date,
        limit: usize,
        skip: &dyn Fn(PlacementId) -> bool,
    ) -> Vec<Recommendation> {
        let mut out: Vec<Recommendation> = self
            .cards()
            .filter(|c| !skip(c.id) && filter(c, seeker, today).is_none())
            .map(|c| Recommendation {
                placement: c.id,
                score: score(c, seeker),
            })
            .collect();
        out.sort_by(|a, b| {
            b.score
                .total
                .cmp(&a.score.total)
                .then(a.placement.cmp(&b.placement))
        });
        out.truncate(limit);
        out
    }
}

/// A person as the index keeps them: what the caller gave, and their skills as numbers.
#[derive(Debug, Clone)]
struct PersonSlot<K> {
    key: K,
    seeker: Seeker,
    /// (skill number, own level, level through a related skill), by number.
    levels: Vec<(u32, u8, u8)>,
    /// Skills wanted, by number.
    grow: Vec<u32>,
}

/// People in memory for candidate lists, changed one person at a time. Holds for each only
/// what the caller put in the [`Seeker`] — for candidates, what the person shares with
/// everyone — and only people who made themselves discoverable.
#[derive(Debug, Clone)]
pub struct PeopleIndex<K: Copy + Ord + Hash> {
    skills: HashMap<String, u32>,
    slots: Vec<Option<PersonSlot<K>>>,
    free: Vec<u32>,
    slot_of: HashMap<K, u32>,
    /// Skill held (or held through a related skill) → slots.
    holds: HashMap<u32, Vec<u32>>,
    /// Skill wanted → slots.
    grows: HashMap<u32, Vec<u32>>,
    /// Direction → slots.
    towards: HashMap<Uuid, Vec<u32>>,
    /// Ranking → people, in key order.
    by_ranking: HashMap<Option<Ranking>, BTreeSet<K>>,
}

impl<K: Copy + Ord + Hash> Default for PeopleIndex<K> {
    fn default() -> Self {
        PeopleIndex {
            skills: HashMap::new(),
            slots: Vec::new(),
            free: Vec::new(),
            slot_of: HashMap::new(),
            holds: HashMap::new(),
            grows: HashMap::new(),
            towards: HashMap::new(),
            by_ranking: HashMap::new(),
        }
    }
}

impl<K: Copy + Ord + Hash> PeopleIndex<K> {
    /// An index over `people`.
    pub fn build(people: impl IntoIterator<Item = (K, Seeker)>) -> Self {
        let mut index = PeopleIndex::default();
        for (k, s) in people {
            index.upsert(k, s);
        }
        index
    }

    fn intern(&mut self, skill: &str) -> u32 {
        if let Some(n) = self.skills.get(skill) {
            return *n;
        }
        let n = self.skills.len() as u32;
        self.skills.insert(skill.to_string(), n);
        n
    }

    /// Add a person or replace what the index knows about them.
    pub fn upsert(&mut self, key: K, seeker: Seeker) {
        self.remove(key);
        let mut levels: HashMap<u32, (u8, u8)> = HashMap::new();
        for (s, l) in &seeker.skills {
            let n = self.intern(s);
            levels.entry(n).or_default().0 = (*l).clamp(0, 5) as u8;
        }
        for (s, r) in &seeker.related {
            let n = self.intern(s);
            levels.entry(n).or_default().1 = r.level.clamp(0, 5) as u8;
        }
        let mut levels: Vec<(u32, u8, u8)> =
            levels.into_iter().map(|(n, (o, r))| (n, o, r)).collect();
        levels.sort_unstable();
        let mut grow: Vec<u32> = seeker.grow.iter().map(|s| self.intern(s)).collect();
        grow.sort_unstable();
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                (self.slots.len() - 1) as u32
            }
        };
        for (n, _, _) in &levels {
            push_to(&mut self.holds, n, slot);
        }
        for n in &grow {
            push_to(&mut self.grows, n, slot);
        }
        for d in &seeker.directions {
            push_to(&mut self.towards, d, slot);
        }
        add_to(&mut self.by_ranking, &seeker.ranking, key);
        self.slot_of.insert(key, slot);
        self.slots[slot as usize] = Some(PersonSlot {
            key,
            seeker,
            levels,
            grow,
        });
    }

    /// Forget a person (no longer discoverable, or gone).
    pub fn remove(&mut self, key: K) {
        let Some(slot) = self.slot_of.remove(&key) else {
            return;
        };
        let Some(old) = self.slots.get_mut(slot as usize).and_then(Option::take) else {
            return;
        };
        for (n, _, _) in &old.levels {
            pull_from(&mut self.holds, n, slot);
        }
        for n in &old.grow {
            pull_from(&mut self.grows, n, slot);
        }
        for d in &old.seeker.directions {
            pull_from(&mut self.towards, d, slot);
        }
        remove_from(&mut self.by_ranking, &old.seeker.ranking, key);
        self.free.push(slot);
    }

    /// How many people it holds.
    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    /// Whether it holds nobody.
    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    fn slot(&self, slot: u32) -> Option<&PersonSlot<K>> {
        self.slots.get(slot as usize).and_then(Option::as_ref)
    }

    /// One person.
    pub fn get(&self, key: K) -> Option<&Seeker> {
        self.slot_of
            .get(&key)
            .and_then(|s| self.slot(*s))
            .map(|p| &p.seeker)
    }

    /// Every person, in no order.
    pub fn people(&self) -> impl Iterator<Item = (&K, &Seeker)> {
        self.slots.iter().flatten().map(|p| (&p.key, &p.seeker))
    }

    /// The same total as [`score`], from the interned form (checked against it in tests).
    fn total(
        p: &PersonSlot<K>,
        card: &PlacementCard,
        needed: &[(Option<u32>, i32)],
        learn: &[Option<u32>],
    ) -> i32 {
        let mut sum = 0;
        let n = needed.len() as i32;
        for (s, need) in needed {
            let need = (*need).clamp(1, 5);
            let (own, rel) = s
                .and_then(|s| p.levels.binary_search_by_key(&s, |l| l.0).ok())
                .map_or((0, 0), |i| {
                    (i32::from(p.levels[i].1), i32::from(p.levels[i].2))
                });
            let have = if rel > own && own < need { rel } else { own };
            let num = 2 * SKILL_POINTS * have.min(need);
            let den = 2 * need * n;
            sum += (num + den / 2) / den;
        }
        let mut growth = 0;
        for s in learn.iter().flatten() {
            if growth < GROWTH_CAP && p.grow.binary_search(s).is_ok() {
                growth += GROWTH_POINTS.min(GROWTH_CAP - growth);
            }
        }
        sum += growth;
        sum += factor_points(&card.offers, p.seeker.ranking);
        if !p.seeker.directions.is_empty() {
            let hits = card
                .directions
                .iter()
                .filter(|d| p.seeker.directions.contains(d))
                .take(DIRECTION_CAP)
                .count();
            sum += DIRECTION_POINTS * hits as i32;
        }
        if !p.seeker.feedback.is_empty() {
            sum += feedback_points(card, &p.seeker);
        }
        sum
    }

    /// The best `limit` people for a placement, best first (ties by key), leaving out those
    /// `skip` names, those without the hours, and those with no positive score. Gives exactly
    /// what [`super::matching::candidates`] gives over the same people.
    pub fn candidates(
        &self,
        card: &PlacementCard,
        limit: usize,
        skip: &dyn Fn(K) -> bool,
    ) -> Vec<(K, Score)> {
        if limit == 0 {
            return Vec::new();
        }
        let needed: Vec<(Option<u32>, i32)> = card
            .needed
            .iter()
            .map(|(s, l)| (self.skills.get(s).copied(), *l))
            .collect();
        let learn: Vec<Option<u32>> = card
            .learn
            .iter()
            .map(|s| self.skills.get(s).copied())
            .collect();
        let mut seen = vec![false; self.slots.len()];
        let eligible = |p: &PersonSlot<K>| {
            !skip(p.key)
                && p.seeker
                    .hours_available
                    .is_none_or(|h| card.hours_per_week <= h)
        };
        let mut best = Best::new(limit);
        let lists = needed
            .iter()
            .filter_map(|(s, _)| s.and_then(|s| self.holds.get(&s)))
            .chain(
                learn
                    .iter()
                    .filter_map(|s| s.and_then(|s| self.grows.get(&s))),
            )
            .chain(card.directions.iter().filter_map(|d| self.towards.get(d)));
        for list in lists {
            for slot in list {
                if std::mem::replace(&mut seen[*slot as usize], true) {
                    continue;
                }
                if let Some(p) = self.slot(*slot)
                    && eligible(p)
                {
                    let t = Self::total(p, card, &needed, &learn);
                    if t > 0 {
                        best.offer(t, p.key);
                    }
                }
            }
        }
        let mut groups: Vec<(i32, &BTreeSet<K>)> = self
            .by_ranking
            .iter()
            .map(|(r, ks)| (factor_points(&card.offers, *r), ks))
            .collect();
        groups.sort_by_key(|g| Reverse(g.0));
        for (bound, ks) in groups {
            if bound <= 0 {
                break;
            }
            for k in ks {
                if !best.beats(bound, *k) {
                    break;
                }
                let Some(slot) = self.slot_of.get(k) else {
                    continue;
                };
                if seen[*slot as usize] {
                    continue;
                }
                if let Some(p) = self.slot(*slot)
                    && eligible(p)
                {
                    let t = Self::total(p, card, &needed, &learn);
                    if t > 0 {
                        best.offer(t, *k);
                    }
                }
            }
        }
        best.into_sorted()
            .into_iter()
            .filter_map(|k| self.get(k).map(|s| (k, score(card, s))))
            .collect()
    }
}
