//! The matching index in the running application: open placements (for recommendations) and
//! discoverable people (for candidate lists), built from storage on first use (the server
//! builds it at start), then changed one placement or one person at a time.
//!
//! - Every write path that changes what matching reads calls `App::placement_changed` or
//!   `App::person_changed`: the change goes into the change log (`index_changes`) and this
//!   process re-reads just that entity at once.
//! - Every other process on the same database picks the change up with
//!   [`App::sync_match_index`], which the server runs about once a second: it reads the log
//!   rows it has not applied and re-reads those entities.
//! - People enter only with what they share with **everyone** (skills, compass ranking) and
//!   only while discoverable and active: a candidate list never scores private data.

use crate::{App, CoreResult};
use ladderless_catalogue::normalize;
use ladderless_domain::compass::{Ranking, Section};
use ladderless_domain::ids::PlacementId;
use ladderless_domain::org::Audience;
use ladderless_domain::placement::PlacementStatus;
use ladderless_domain::placement::matching::{Index, PeopleIndex, Related, Seeker};
use ladderless_store::Uuid;
use ladderless_store::index_changes::ChangeKind;
use ladderless_store::placements::Placement;
use std::collections::{BTreeSet, HashMap};
use std::sync::{OnceLock, RwLock};

/// How far back a poll looks below the last change it applied, for rows committed late.
const LOOK_BACK: i64 = 64;
/// Most changes applied in one poll.
const BATCH: i64 = 500;

/// What the index holds.
#[derive(Debug, Default)]
pub struct MatchState {
    /// Built from storage yet.
    pub loaded: bool,
    /// Open placements as the matcher sees them.
    pub placements: Index,
    /// Their rows, for showing them.
    pub rows: HashMap<PlacementId, Placement>,
    /// Discoverable people, with what they share with everyone.
    pub people: PeopleIndex<Uuid>,
    /// The highest change applied.
    seen: i64,
    /// Changes applied at or below `seen` within the look-back window.
    applied: BTreeSet<i64>,
}

/// Holds the index, shared by every request.
#[derive(Debug, Default)]
pub struct MatchCell {
    state: RwLock<MatchState>,
    /// Held while a build or a poll runs, so they never interleave.
    busy: tokio::sync::Mutex<()>,
}

impl MatchCell {
    /// Read the index.
    pub fn read<T>(&self, f: impl FnOnce(&MatchState) -> T) -> T {
        f(&self.state.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn write<T>(&self, f: impl FnOnce(&mut MatchState) -> T) -> T {
        f(&mut self.state.write().unwrap_or_else(|e| e.into_inner()))
    }
}

/// What the entity is now, as the index wants it.
enum Fresh {
    Placement(
        PlacementId,
        Option<(
            Placement,
            ladderless_domain::placement::matching::PlacementCard,
        )>,
    ),
    Person(Uuid, Option<Seeker>),
}

impl App {
    /// Build the index from storage unless built; the server calls this at start.
    pub async fn load_match_index(&self) -> CoreResult<()> {
        {
            let _busy = self.matching.busy.lock().await;
            if self.matching.read(|s| s.loaded) {
                return Ok(());
            }
            // Read the log's end first: a change made while building is applied after.
            let from = self.store.last_index_change().await?;
            let mut placements = Vec::new();
            let mut rows = HashMap::new();
            for p in self.store.open_placements().await? {
                if let Fresh::Placement(_, Some((row, card))) = self.fresh_placement(p.id).await? {
                    placements.push(card);
                    rows.insert(row.id, row);
                }
            }
            let mut people = Vec::new();
            for (id, _) in self.store.discoverable_people().await? {
                if let Fresh::Person(_, Some(s)) = self.fresh_person(id).await? {
                    people.push((id, s));
                }
            }
            let placements = Index::build(placements);
            let people = PeopleIndex::build(people);
            self.matching.write(|s| {
                *s = MatchState {
                    loaded: true,
                    placements,
                    rows,
                    people,
                    seen: from,
                    applied: BTreeSet::new(),
                }
            });
        }
        self.sync_match_index().await?;
        Ok(())
    }

    /// Apply the changes other processes (or this one) logged since the last poll; returns
    /// how many entities were re-read.
    pub async fn sync_match_index(&self) -> CoreResult<usize> {
        if !self.matching.read(|s| s.loaded) {
            return Ok(0);
        }
        let _busy = self.matching.busy.lock().await;
        let seen = self.matching.read(|s| s.seen);
        let changes = self
            .store
            .index_changes_since((seen - LOOK_BACK).max(0), BATCH)
            .await?;
        let new: Vec<_> = self.matching.read(|s| {
            changes
                .into_iter()
                .filter(|c| !(c.seq <= s.seen && s.applied.contains(&c.seq)))
                .collect()
        });
        let mut done = std::collections::HashSet::new();
        let mut count = 0;
        for c in &new {
            let Some(kind) = c.kind else { continue };
            if !done.insert((kind, c.entity_id)) {
                continue;
            }
            let fresh = match kind {
                ChangeKind::Placement => self.fresh_placement(c.entity_id.into()).await?,
                ChangeKind::Person => self.fresh_person(c.entity_id).await?,
            };
            self.matching.write(|s| apply(s, fresh));
            count += 1;
        }
        self.matching.write(|s| {
            for c in &new {
                s.seen = s.seen.max(c.seq);
                s.applied.insert(c.seq);
            }
            let floor = s.seen - LOOK_BACK;
            s.applied = s.applied.split_off(&floor);
        });
        Ok(count)
    }

    /// A placement changed (posted, edited, opened, filled, closed, deleted, a place taken):
    /// log it for other processes and update this one's index at once.
    pub(crate) async fn placement_changed(&self, id: PlacementId) -> CoreResult<()> {
        self.store
            .log_index_change(ChangeKind::Placement, id.uuid(), self.now())
            .await?;
        if self.matching.read(|s| s.loaded) {
            let fresh = self.fresh_placement(id).await?;
            self.matching.write(|s| apply(s, fresh));
        }
        Ok(())
    }

    /// A person's matching data changed (skills, sharing, ranking, marketplace profile).
    pub(crate) async fn person_changed(&self, id: Uuid) -> CoreResult<()> {
        self.store
            .log_index_change(ChangeKind::Person, id, self.now())
            .await?;
        if self.matching.read(|s| s.loaded) {
            let fresh = self.fresh_person(id).await?;
            self.matching.write(|s| apply(s, fresh));
        }
        Ok(())
    }

    /// The placement as the index should hold it: None when gone or not open.
    async fn fresh_placement(&self, id: PlacementId) -> CoreResult<Fresh> {
        let p = match self.store.placement(id).await {
            Ok(p) => p,
            Err(ladderless_store::StoreError::NotFound) => return Ok(Fresh::Placement(id, None)),
            Err(e) => return Err(e.into()),
        };
        if p.status != PlacementStatus::Open {
            return Ok(Fresh::Placement(id, None));
        }
        let skills = self.store.placement_skills(id).await?;
        let dirs = self.store.placement_directions(id).await?;
        let taken = self.store.accepted_count(id).await?;
        let card = crate::placements::placement_card(&p, &skills, dirs, taken);
        Ok(Fresh::Placement(id, Some((p, card))))
    }

    /// The person as candidate lists may score them: only while active and discoverable, and
    /// only what they share with everyone.
    async fn fresh_person(&self, id: Uuid) -> CoreResult<Fresh> {
        let active = match self.store.person(id).await {
            Ok(p) => p.active,
            Err(ladderless_store::StoreError::NotFound) => false,
            Err(e) => return Err(e.into()),
        };
        let profile = self.store.placement_profile(id).await?;
        if !active || !profile.discoverable {
            return Ok(Fresh::Person(id, None));
        }
        let mut s = Seeker {
            hours_available: profile.hours_available,
            ..Seeker::default()
        };
        if self.audience_of(id, Section::Skills).await? == Audience::Everyone {
            for k in self.store.person_skills(id).await? {
                if k.want_to_grow {
                    s.grow.insert(k.skill_id.clone());
                }
                s.skills.insert(k.skill_id, k.level);
            }
            s.related = self.related_skills(&s.skills);
        }
        if self.audience_of(id, Section::Factors).await? == Audience::Everyone {
            s.ranking = self
                .store
                .compass(id)
                .await?
                .and_then(|c| Ranking::from_stored(&c.ranking));
        }
        Ok(Fresh::Person(id, Some(s)))
    }

    /// The skills someone holds through related skills they recorded (see [`related_skills`]).
    pub(crate) fn related_skills(&self, skills: &HashMap<String, i32>) -> HashMap<String, Related> {
        related_skills(self.catalogue, skills)
    }
}

fn apply(s: &mut MatchState, fresh: Fresh) {
    match fresh {
        Fresh::Placement(id, Some((row, card))) => {
            s.placements.upsert(card);
            s.rows.insert(id, row);
        }
        Fresh::Placement(id, None) => {
            s.placements.remove(id);
            s.rows.remove(&id);
        }
        Fresh::Person(id, Some(seeker)) => s.people.upsert(id, seeker),
        Fresh::Person(id, None) => s.people.remove(id),
    }
}

/// Normalised ESCO labels → skill ids, built once.
fn labels(catalogue: &ladderless_catalogue::Catalogue) -> &'static HashMap<String, Vec<String>> {
    static LABELS: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for s in catalogue.skills() {
            m.entry(normalize(&s.label)).or_default().push(s.id.clone());
        }
        m
    })
}

/// The skills a person holds through the skills they recorded, by the taxonomy's names:
///
/// - a skill named exactly like the recorded one (the same concept under another id) counts
///   at the full level;
/// - a broader skill whose name is a whole-word part of the recorded one's ("project
///   management" in "agile project management"), or the end or start of one of its words
///   ("SQL" in "PostgreSQL", "MySQL"), counts at half the level, rounded up.
///
/// A recorded skill always counts for itself; of several routes to one skill the highest
/// level wins (ties: the first recorded skill by id).
pub fn related_skills(
    catalogue: &ladderless_catalogue::Catalogue,
    skills: &HashMap<String, i32>,
) -> HashMap<String, Related> {
    let labels = labels(catalogue);
    let mut out: HashMap<String, Related> = HashMap::new();
    let mut held: Vec<(&String, &i32)> = skills.iter().collect();
    held.sort();
    let offer = |target: &str, via: &str, level: i32, out: &mut HashMap<String, Related>| {
        if skills.contains_key(target) || target == via || level < 1 {
            return;
        }
        if out.get(target).is_none_or(|r| r.level < level) {
            out.insert(
                target.to_string(),
                Related {
                    via: via.to_string(),
                    level,
                },
            );
        }
    };
    for (id, level) in held {
        let Some(skill) = catalogue.skill(id) else {
            continue;
        };
        let name = normalize(&skill.label);
        for same in labels.get(&name).into_iter().flatten() {
            offer(same, id, *level, &mut out);
        }
        let half = (level + 1) / 2;
        let words: Vec<&str> = name.split_whitespace().collect();
        for i in 0..words.len() {
            for j in i + 1..=words.len() {
                if j - i == words.len() {
                    continue;
                }
                let part = words[i..j].join(" ");
                for t in labels.get(&part).into_iter().flatten() {
                    offer(t, id, half, &mut out);
                }
            }
        }
        for w in &words {
            let n = w.len();
            if n < 5 || !w.is_ascii() {
                continue;
            }
            for k in 3..=n - 2 {
                for piece in [&w[n - k..], &w[..k]] {
                    for t in labels.get(piece).into_iter().flatten() {
                        offer(t, id, half, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// How often a server polls the change log.
pub const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// How long change-log rows are kept (a process that was away longer rebuilds at start).
const KEEP_CHANGES: time::Duration = time::Duration::days(1);

/// Poll the change log about once a second for as long as the server runs, and prune rows
/// older than a day once an hour.
pub fn spawn_sync(app: App) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SYNC_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut n: u64 = 0;
        loop {
            tick.tick().await;
            if let Err(e) = app.sync_match_index().await {
                tracing::warn!(error = %e, "matching index: could not read the change log");
            }
            n += 1;
            if n.is_multiple_of(3600)
                && let Err(e) = app
                    .store
                    .prune_index_changes(app.now() - KEEP_CHANGES)
                    .await
            {
                tracing::warn!(error = %e, "matching index: could not prune the change log");
            }
        }
    });
}
