//! Expressions of interest in placements, invitations, the owner's view of who is interested
//! and who would fit, and each person's marketplace profile.
//!
//! Rules:
//! - Anyone who can see an open placement may express interest once, with a short note (the
//!   pitch coach reads it for them); they may take it back or make it confidential.
//! - The owner (or a talent admin) sees the people interested, with their match computed only
//!   from what each shares with the owner, and accepts or declines; a decline needs a reason,
//!   which the person sees. Accepting records the placement in the person's history and fills
//!   the placement when its last place is taken.
//! - The person's manager is *informed* of non-confidential interests (organisation setting
//!   [`INFORM_MANAGER`], on by default) and never asked to approve.
//! - Candidates are people who made themselves discoverable (off by default); the owner may
//!   invite them.

use crate::placements::placement_card;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::coach::PitchVerdict;
use ladderless_domain::compass::{Ranking, Section};
use ladderless_domain::ids::{InterestId, PlacementId};
use ladderless_domain::org::may_see;
use ladderless_domain::placement::matching::{Seeker, Voice, score};
use ladderless_domain::placement::{InterestStatus, PlacementStatus, check_note};
use ladderless_store::Uuid;
use ladderless_store::people::PersonCard;
use ladderless_store::placements::{HistoryEntry, Interest, Placement, Profile};
use std::collections::HashMap;

/// The setting that tells a person's manager about their (non-confidential) interests
/// ("true" unless set to "false").
pub const INFORM_MANAGER: &str = "placements.inform_manager";

/// Most candidates shown for one placement.
pub const MAX_CANDIDATES: usize = 20;

/// An interest with the placement it is in.
#[derive(Debug, Clone)]
pub struct MyInterest {
    /// The interest.
    pub interest: Interest,
    /// The placement.
    pub placement: Placement,
    /// How the pitch coach reads the note.
    pub verdict: PitchVerdict,
}

/// Someone interested in (or invited to) a placement, as its owner sees them.
#[derive(Debug, Clone)]
pub struct InterestedPerson {
    /// The interest.
    pub interest: Interest,
    /// Who.
    pub person: PersonCard,
    /// Their match, from what they share with the owner.
    pub score: i32,
    /// The reasons, in the owner's words ("their SQL").
    pub reasons: Vec<(String, i32)>,
    /// The compass sections they share with the owner.
    pub shared: Vec<Section>,
}

/// A discoverable person who would fit a placement.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Who.
    pub person: PersonCard,
    /// Their match.
    pub score: i32,
    /// The reasons, in the owner's words.
    pub reasons: Vec<(String, i32)>,
}

/// A report's interest, as their manager is informed of it.
#[derive(Debug, Clone)]
pub struct TeamInterest {
    /// Who.
    pub person: PersonCard,
    /// The interest.
    pub interest: Interest,
    /// The placement.
    pub placement: Placement,
}

impl App {
    /// What another person shares with `viewer`, as a matching profile (skills and ranking
    /// only where shared; directions are never read for someone else).
    async fn shared_seeker(
        &self,
        viewer: &Actor,
        person: Uuid,
    ) -> CoreResult<(Seeker, Vec<Section>)> {
        let rel = self.relation(viewer, person).await?;
        let mut shared = Vec::new();
        for s in Section::ALL {
            if may_see(self.audience_of(person, s).await?, rel) {
                shared.push(s);
            }
        }
        let mut seeker = Seeker::default();
        if shared.contains(&Section::Skills) {
            for k in self.store.person_skills(person).await? {
                if k.want_to_grow {
                    seeker.grow.insert(k.skill_id.clone());
                }
                seeker.skills.insert(k.skill_id, k.level);
            }
            seeker.related = self.related_skills(&seeker.skills);
        }
        if shared.contains(&Section::Factors) {
            seeker.ranking = self
                .store
                .compass(person)
                .await?
                .and_then(|c| Ranking::from_stored(&c.ranking));
        }
        seeker.hours_available = self.store.placement_profile(person).await?.hours_available;
        Ok((seeker, shared))
    }

    async fn card_for(
        &self,
        p: &Placement,
    ) -> CoreResult<ladderless_domain::placement::matching::PlacementCard> {
        let skills = self.store.placement_skills(p.id).await?;
        let dirs = self.store.placement_directions(p.id).await?;
        let taken = self.store.accepted_count(p.id).await?;
        Ok(placement_card(p, &skills, dirs, taken))
    }

    /// People's cards by id (ids with no card are left out).
    pub(crate) async fn cards_by_id(&self, ids: &[Uuid]) -> CoreResult<HashMap<Uuid, PersonCard>> {
        Ok(self
            .store
            .cards(ids)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect())
    }

    /// A score's contributions in plain words for `voice`, with skill and direction names.
    pub(crate) async fn explain(
        &self,
        parts: &[ladderless_domain::placement::matching::Contribution],
        voice: Voice,
    ) -> CoreResult<Vec<(String, i32)>> {
        use ladderless_domain::placement::matching::Part;
        let mut labels: HashMap<String, String> = HashMap::new();
        let mut titles: HashMap<Uuid, String> = HashMap::new();
        for c in parts {
            if let Part::Skill { via: Some(v), .. } = &c.part
                && !labels.contains_key(v)
            {
                labels.insert(v.clone(), self.skill_label(v).await?);
            }
            match &c.part {
                Part::Skill { skill, .. } | Part::Growth { skill }
                    if !labels.contains_key(skill) =>
                {
                    labels.insert(skill.clone(), self.skill_label(skill).await?);
                }
                Part::Direction { direction } if !titles.contains_key(direction) => {
                    let t = self.store.direction(*direction).await?.title;
                    titles.insert(*direction, t);
                }
                _ => {}
            }
        }
        let name = |id: &str| labels.get(id).cloned().unwrap_or_else(|| id.to_string());
        let dir = |id: Uuid| titles.get(&id).cloned().unwrap_or_default();
        Ok(parts
            .iter()
            .map(|c| (c.describe(voice, &name, &dir), c.points))
            .collect())
    }

    /// Express interest in an open placement with a short note, or answer an invitation.
    pub async fn express_interest(
        &self,
        actor: &Actor,
        id: PlacementId,
        note: &str,
        confidential: bool,
    ) -> CoreResult<Interest> {
        let p = self.visible_placement(actor, id).await?;
        if p.owner_id == actor.id() {
            return Err(CoreError::field(
                "placement",
                "is your own: you cannot apply to it",
            ));
        }
        let today = self.now().date();
        if p.status != PlacementStatus::Open || p.closes_on.is_some_and(|d| d < today) {
            return Err(CoreError::field(
                "placement",
                "is not open for interest any more",
            ));
        }
        let note = check_note(note).map_err(|m| CoreError::field("note", m))?;
        let now = self.now();
        let existing = self
            .store
            .interests_in(id)
            .await?
            .into_iter()
            .find(|i| i.person_id == actor.id());
        if let Some(i) = existing {
            return match i.status {
                InterestStatus::Invited | InterestStatus::Withdrawn => {
                    self.store
                        .reopen_interest(i.id, &note, confidential, now)
                        .await?;
                    let i = self.store.interest(i.id).await?;
                    self.tell_owner_of_interest(actor, &p, &i).await;
                    Ok(i)
                }
                _ => Err(CoreError::field(
                    "placement",
                    "already has your interest: change it on My placements",
                )),
            };
        }
        let i = Interest {
            id: InterestId::new(),
            placement_id: id,
            person_id: actor.id(),
            note,
            status: InterestStatus::Pending,
            reason: String::new(),
            confidential,
            decided_at: None,
            created_at: now,
        };
        self.store.insert_interest(&i).await?;
        self.tell_owner_of_interest(actor, &p, &i).await;
        Ok(i)
    }

    /// Tell a placement's owner of an interest in it, at once.
    async fn tell_owner_of_interest(&self, actor: &Actor, p: &Placement, i: &Interest) {
        self.notify_now(crate::notifications::interest_received(
            p.owner_id,
            i.id,
            p.id,
            &actor.person.name,
            &p.title,
            i.created_at,
        ))
        .await;
    }

    /// One of the actor's own interests (anyone else's: NotFound).
    async fn own_interest(&self, actor: &Actor, id: InterestId) -> CoreResult<Interest> {
        let i = self.store.interest(id).await?;
        if i.person_id != actor.id() {
            return Err(CoreError::NotFound);
        }
        Ok(i)
    }

    /// Take back an interest that is still waiting.
    pub async fn withdraw_interest(&self, actor: &Actor, id: InterestId) -> CoreResult<()> {
        let i = self.own_interest(actor, id).await?;
        if i.status != InterestStatus::Pending {
            return Err(CoreError::field(
                "interest",
                format!(
                    "is {}: only a waiting interest can be taken back",
                    i.status.label().to_lowercase()
                ),
            ));
        }
        Ok(self
            .store
            .update_interest_by_person(id, i.confidential, InterestStatus::Withdrawn, self.now())
            .await?)
    }

    /// Keep an interest from the actor's manager, or let them see it.
    pub async fn set_interest_confidential(
        &self,
        actor: &Actor,
        id: InterestId,
        confidential: bool,
    ) -> CoreResult<()> {
        let i = self.own_interest(actor, id).await?;
        Ok(self
            .store
            .update_interest_by_person(id, confidential, i.status, self.now())
            .await?)
    }

    /// The actor's interests and invitations, newest first, each with its placement.
    pub async fn my_interests(&self, actor: &Actor) -> CoreResult<Vec<MyInterest>> {
        let mut out = Vec::new();
        for i in self.store.interests_of(actor.id()).await? {
            let placement = self.store.placement(i.placement_id).await?;
            let verdict = self.coach_pitch(&i.note);
            out.push(MyInterest {
                interest: i,
                placement,
                verdict,
            });
        }
        Ok(out)
    }

    /// The actor's interest in one placement, if any.
    pub async fn my_interest_in(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> CoreResult<Option<MyInterest>> {
        let Some(i) = self
            .store
            .interests_in(id)
            .await?
            .into_iter()
            .find(|i| i.person_id == actor.id())
        else {
            return Ok(None);
        };
        let placement = self.store.placement(id).await?;
        let verdict = self.coach_pitch(&i.note);
        Ok(Some(MyInterest {
            interest: i,
            placement,
            verdict,
        }))
    }

    /// The people interested in (or invited to) a placement, for its owner: waiting first,
    /// then the best match; withdrawn interests are left out.
    pub async fn placement_interests(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> CoreResult<Vec<InterestedPerson>> {
        let p = self.owned_placement(actor, id).await?;
        let card = self.card_for(&p).await?;
        let interests: Vec<Interest> = self
            .store
            .interests_in(id)
            .await?
            .into_iter()
            .filter(|i| i.status != InterestStatus::Withdrawn)
            .collect();
        let ids: Vec<Uuid> = interests.iter().map(|i| i.person_id).collect();
        let cards = self.cards_by_id(&ids).await?;
        let mut out = Vec::new();
        for i in interests {
            let Some(person) = cards.get(&i.person_id).cloned() else {
                continue;
            };
            let (seeker, shared) = self.shared_seeker(actor, i.person_id).await?;
            let s = score(&card, &seeker);
            out.push(InterestedPerson {
                reasons: self.explain(&s.parts, Voice::Theirs).await?,
                score: s.total,
                interest: i,
                person,
                shared,
            });
        }
        let rank = |s: InterestStatus| match s {
            InterestStatus::Pending => 0,
            InterestStatus::Invited => 1,
            InterestStatus::Accepted => 2,
            _ => 3,
        };
        out.sort_by(|a, b| {
            rank(a.interest.status)
                .cmp(&rank(b.interest.status))
                .then(b.score.cmp(&a.score))
                .then(a.person.name.cmp(&b.person.name))
        });
        Ok(out)
    }

    /// Accept or decline an interest in the actor's placement. A decline needs a reason the
    /// person will see; an acceptance goes into the person's history and fills the placement
    /// when it takes the last place.
    pub async fn decide_interest(
        &self,
        actor: &Actor,
        id: InterestId,
        accept: bool,
        reason: &str,
    ) -> CoreResult<()> {
        let mut i = self.store.interest(id).await?;
        let p = self
            .owned_placement(actor, i.placement_id)
            .await
            .map_err(|e| match e {
                CoreError::Forbidden => CoreError::NotFound,
                other => other,
            })?;
        if i.status != InterestStatus::Pending {
            return Err(CoreError::field(
                "interest",
                format!(
                    "is {}: only a waiting interest can be answered",
                    i.status.label().to_lowercase()
                ),
            ));
        }
        let reason = reason.trim();
        if !accept && reason.is_empty() {
            return Err(CoreError::field(
                "reason",
                "is required: say why, the person will read it",
            ));
        }
        if reason.chars().count() > ladderless_domain::placement::MAX_NOTE {
            return Err(CoreError::field(
                "reason",
                format!(
                    "must be at most {} characters",
                    ladderless_domain::placement::MAX_NOTE
                ),
            ));
        }
        let now = self.now();
        let (history, fill) = if accept {
            if p.status != PlacementStatus::Open {
                return Err(CoreError::field(
                    "interest",
                    "cannot be accepted: the placement is not open",
                ));
            }
            let taken = self.store.accepted_count(p.id).await?;
            (
                Some(HistoryEntry {
                    placement_id: Some(p.id),
                    kind: p.kind,
                    title: p.title.clone(),
                    accepted_on: now.date(),
                }),
                taken + 1 >= i64::from(p.places),
            )
        } else {
            (None, false)
        };
        i.status = if accept {
            InterestStatus::Accepted
        } else {
            InterestStatus::Declined
        };
        i.reason = reason.to_string();
        match (history.as_ref(), self.move_into_role(&p).await?) {
            (Some(h), Some((code, title))) => {
                self.store
                    .decide_interest_with_move(&i, h, fill, (&code, &title), now)
                    .await?
            }
            (h, _) => self.store.decide_interest(&i, h, fill, now).await?,
        }
        self.placement_changed(p.id).await?;
        self.notify_now(crate::notifications::interest_answered(
            i.person_id,
            i.id,
            p.id,
            &p.title,
            accept,
            now,
        ))
        .await;
        Ok(())
    }

    /// Invite someone to the actor's open placement, with a note they will read.
    pub async fn invite_to_placement(
        &self,
        actor: &Actor,
        id: PlacementId,
        person: Uuid,
        note: &str,
    ) -> CoreResult<()> {
        let p = self.owned_placement(actor, id).await?;
        if p.status != PlacementStatus::Open {
            return Err(CoreError::field(
                "placement",
                "is not open: open it before inviting anyone",
            ));
        }
        if person == p.owner_id {
            return Err(CoreError::field("person", "is the placement's owner"));
        }
        let who = self.store.person(person).await.map_err(|e| match e {
            ladderless_store::StoreError::NotFound => {
                CoreError::field("person", "is not anyone in the organisation")
            }
            other => other.into(),
        })?;
        if !who.active {
            return Err(CoreError::field("person", "has left the organisation"));
        }
        let note = check_note(note).map_err(|m| CoreError::field("note", m))?;
        if self
            .store
            .interests_in(id)
            .await?
            .iter()
            .any(|i| i.person_id == person)
        {
            return Err(CoreError::field(
                "person",
                "is already interested or invited",
            ));
        }
        let invitation = Interest {
            id: InterestId::new(),
            placement_id: id,
            person_id: person,
            note,
            status: InterestStatus::Invited,
            reason: String::new(),
            confidential: true,
            decided_at: None,
            created_at: self.now(),
        };
        self.store.insert_interest(&invitation).await?;
        self.notify_now(crate::notifications::invited(
            person,
            invitation.id,
            p.id,
            &p.title,
            invitation.created_at,
        ))
        .await;
        Ok(())
    }

    /// The discoverable people who would fit the actor's placement best, with reasons; people
    /// already interested or invited are left out.
    pub async fn placement_candidates(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> CoreResult<Vec<Candidate>> {
        let p = self.owned_placement(actor, id).await?;
        let card = self.card_for(&p).await?;
        let already: std::collections::HashSet<Uuid> = self
            .store
            .interests_in(id)
            .await?
            .iter()
            .map(|i| i.person_id)
            .collect();
        self.load_match_index().await?;
        let skip = |k: Uuid| k == p.owner_id || k == actor.id() || already.contains(&k);
        let best = self
            .matching
            .read(|m| m.people.candidates(&card, MAX_CANDIDATES, &skip));
        let ids: Vec<Uuid> = best.iter().map(|(k, _)| *k).collect();
        let cards = self.cards_by_id(&ids).await?;
        let mut out = Vec::new();
        for (k, s) in best {
            if let Some(person) = cards.get(&k).cloned() {
                out.push(Candidate {
                    reasons: self.explain(&s.parts, Voice::Theirs).await?,
                    score: s.total,
                    person,
                });
            }
        }
        Ok(out)
    }

    /// The non-confidential interests of the actor's reports, newest first (empty when the
    /// organisation turned the setting off, or the actor manages nobody).
    pub async fn team_interests(&self, actor: &Actor) -> CoreResult<Vec<TeamInterest>> {
        if !actor.is_manager
            || self.store.setting(INFORM_MANAGER).await?.as_deref() == Some("false")
        {
            return Ok(Vec::new());
        }
        let interests: Vec<Interest> = self
            .store
            .interests_of_reports(actor.id())
            .await?
            .into_iter()
            .filter(|i| {
                !matches!(
                    i.status,
                    InterestStatus::Withdrawn | InterestStatus::Invited
                )
            })
            .collect();
        let ids: Vec<Uuid> = interests.iter().map(|i| i.person_id).collect();
        let cards = self.cards_by_id(&ids).await?;
        let mut out = Vec::new();
        for i in interests {
            let placement = self.store.placement(i.placement_id).await?;
            if let Some(person) = cards.get(&i.person_id).cloned() {
                out.push(TeamInterest {
                    person,
                    interest: i,
                    placement,
                });
            }
        }
        Ok(out)
    }

    /// The actor's marketplace profile.
    pub async fn my_placement_profile(&self, actor: &Actor) -> CoreResult<Profile> {
        Ok(self.store.placement_profile(actor.id()).await?)
    }

    /// Save the actor's marketplace profile: discoverable or not, and hours a week free
    /// (blank: not said).
    pub async fn save_my_placement_profile(
        &self,
        actor: &Actor,
        discoverable: bool,
        hours: &str,
    ) -> CoreResult<Profile> {
        let hours = hours.trim();
        let hours_available = if hours.is_empty() {
            None
        } else {
            match hours.parse::<i32>() {
                Ok(h) if (0..=ladderless_domain::placement::MAX_HOURS).contains(&h) => Some(h),
                _ => {
                    return Err(CoreError::field(
                        "hours_available",
                        format!(
                            "must be a whole number of hours from 0 to {}, or blank",
                            ladderless_domain::placement::MAX_HOURS
                        ),
                    ));
                }
            }
        };
        let profile = Profile {
            discoverable,
            hours_available,
        };
        self.store
            .save_placement_profile(actor.id(), profile, self.now())
            .await?;
        self.person_changed(actor.id()).await?;
        Ok(profile)
    }

    /// The placements someone took part in, where the viewer may see them: the person, and
    /// whoever the person shares their skills with (the experience behind the skills).
    pub async fn placement_history_of(
        &self,
        actor: &Actor,
        person: Uuid,
    ) -> CoreResult<Vec<HistoryEntry>> {
        let rel = self.relation(actor, person).await?;
        if !(rel.is_self || may_see(self.audience_of(person, Section::Skills).await?, rel)) {
            return Ok(Vec::new());
        }
        Ok(self.store.placement_history(person).await?)
    }

    /// Share an open placement with a colleague, with a note: they are told in the product
    /// (unless they turned that kind off). Nothing else changes; it is not an interest.
    pub async fn share_placement(
        &self,
        actor: &Actor,
        id: PlacementId,
        person: &str,
        note: &str,
    ) -> CoreResult<()> {
        let p = self.visible_placement(actor, id).await?;
        if p.status != PlacementStatus::Open {
            return Err(CoreError::field(
                "placement",
                "is not open, so there is nothing to share",
            ));
        }
        let who: Uuid = person
            .trim()
            .parse()
            .map_err(|_| CoreError::field("person", "is not a person: pick one from the list"))?;
        if who == actor.id() {
            return Err(CoreError::field("person", "is you: pick a colleague"));
        }
        let colleague = self.store.person(who).await.map_err(|e| match e {
            ladderless_store::StoreError::NotFound => {
                CoreError::field("person", "is not anyone in the organisation")
            }
            other => other.into(),
        })?;
        if !colleague.active {
            return Err(CoreError::field("person", "has left the organisation"));
        }
        let note =
            ladderless_domain::fields::optional_text(note, ladderless_domain::placement::MAX_NOTE)
                .map_err(|m| CoreError::field("note", m))?;
        use ladderless_domain::notify::{Kind, dedupe_key};
        let kind = Kind::PlacementShared;
        let thing = format!("{}:{}", p.id.uuid(), actor.id());
        self.notify_now(ladderless_store::notifications::NewNotification {
            person_id: who,
            kind,
            title: format!("{} thinks {} could suit you", actor.person.name, p.title),
            detail: if note.is_empty() {
                "Have a look; nothing is sent to its owner unless you say you are interested."
                    .into()
            } else {
                note
            },
            link_id: p.id.uuid().to_string(),
            dedupe_key: dedupe_key(kind, &thing, self.now().date()),
        })
        .await;
        Ok(())
    }
}
