//! Placements the organisation posts (projects, gigs, secondments, …): who may post, browse
//! and search, and each placement's own page. Named *placements* so that nobody confuses them
//! with a person's own leadership opportunities (`opportunities.rs`).
//!
//! Who may post: talent admins, managers, and any employee while the organisation setting
//! [`ANYONE_POSTS`] is on (the default). A draft is seen only by its owner and talent admins;
//! an open, filled or closed placement by everyone. Only the owner (or a talent admin)
//! changes or deletes one.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::fields::FieldErrors;
use ladderless_domain::ids::PlacementId;
use ladderless_domain::placement::{
    MAX_DIRECTIONS, MAX_SKILLS, PlacementStatus, RawPlacement, SkillUse, check_level,
    check_placement,
};
use ladderless_store::Uuid;
use ladderless_store::placements::{Placement, PlacementQuery, PlacementSkill};
use serde::{Deserialize, Serialize};

/// The setting that lets any employee post a placement ("true" unless set to "false").
pub const ANYONE_POSTS: &str = "placements.anyone_posts";

/// A skill as a form or the API sends it: an id, or a name to look up in the taxonomy.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct SkillInput {
    /// Skill id from the type-ahead (optional when `label` names a skill exactly).
    #[serde(default)]
    pub skill_id: String,
    /// The skill's name as typed.
    #[serde(default)]
    pub label: String,
    /// Level needed, 1–5 (needed skills only).
    #[serde(default)]
    pub level: String,
}

/// What posts or changes a placement.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct PlacementInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// Type code (project, gig, shadowing, …).
    #[serde(default)]
    pub kind: String,
    /// draft (default), open, filled or closed.
    #[serde(default)]
    pub status: String,
    /// Offer on status and recognition: lowers, neutral, some, strong.
    #[serde(default)]
    pub offers_status: String,
    /// Offer on autonomy.
    #[serde(default)]
    pub offers_autonomy: String,
    /// Offer on meaningful work.
    #[serde(default)]
    pub offers_meaning: String,
    /// Offer on continued learning.
    #[serde(default)]
    pub offers_learning: String,
    /// Hours a week.
    #[serde(default)]
    pub hours_per_week: String,
    /// Duration in weeks.
    #[serde(default)]
    pub duration_weeks: String,
    /// Location.
    #[serde(default)]
    pub location: String,
    /// onsite, hybrid or remote.
    #[serde(default)]
    pub work_mode: String,
    /// Places.
    #[serde(default)]
    pub places: String,
    /// Closing date, YYYY-MM-DD or blank.
    #[serde(default)]
    pub closes_on: String,
    /// Skills needed, with levels.
    #[serde(default)]
    pub skills_needed: Vec<SkillInput>,
    /// Skills one would learn.
    #[serde(default)]
    pub skills_to_learn: Vec<SkillInput>,
    /// Strategic direction ids it serves.
    #[serde(default)]
    pub directions: Vec<String>,
    /// For an open role: the role's title as typed (see `placement_roles`).
    #[serde(default)]
    pub role: String,
    /// For an open role: the role code picked from the type-ahead.
    #[serde(default)]
    pub role_code: String,
}

/// A placement with its skills and directions, for its page.
#[derive(Debug, Clone)]
pub struct PlacementDetail {
    /// The placement.
    pub placement: Placement,
    /// Its skills, needed first.
    pub skills: Vec<PlacementSkill>,
    /// The directions it serves.
    pub directions: Vec<Uuid>,
    /// The viewer may change it.
    pub may_edit: bool,
}

impl App {
    /// Whether the actor may post placements.
    pub async fn may_post_placements(&self, actor: &Actor) -> CoreResult<bool> {
        if actor.is_talent_admin() || actor.is_manager {
            return Ok(true);
        }
        Ok(self.store.setting(ANYONE_POSTS).await?.as_deref() != Some("false"))
    }

    /// A placement if the actor may see it (a draft: its owner and talent admins only; anyone
    /// else gets NotFound, so a draft's existence stays private).
    pub async fn visible_placement(&self, actor: &Actor, id: PlacementId) -> CoreResult<Placement> {
        let p = self.store.placement(id).await?;
        if p.status == PlacementStatus::Draft
            && p.owner_id != actor.id()
            && !actor.is_talent_admin()
        {
            return Err(CoreError::NotFound);
        }
        Ok(p)
    }

    /// A placement the actor may change: its owner, or a talent admin.
    pub async fn owned_placement(&self, actor: &Actor, id: PlacementId) -> CoreResult<Placement> {
        let p = self.visible_placement(actor, id).await?;
        if p.owner_id == actor.id() || actor.is_talent_admin() {
            Ok(p)
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// A placement with its skills and directions.
    pub async fn placement_detail(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> CoreResult<PlacementDetail> {
        let placement = self.visible_placement(actor, id).await?;
        let may_edit = placement.owner_id == actor.id() || actor.is_talent_admin();
        Ok(PlacementDetail {
            skills: self.store.placement_skills(id).await?,
            directions: self.store.placement_directions(id).await?,
            placement,
            may_edit,
        })
    }

    /// Browse or search placements others can see (open ones unless a status is asked for;
    /// drafts never).
    pub async fn browse_placements(
        &self,
        _actor: &Actor,
        query: &PlacementQuery,
        limit: i64,
        offset: i64,
    ) -> CoreResult<Vec<Placement>> {
        let mut q = query.clone();
        if q.status.is_none_or(|s| s == PlacementStatus::Draft) {
            q.status = Some(PlacementStatus::Open);
        }
        Ok(self
            .store
            .search_placements(&q, limit.clamp(1, 100), offset.max(0))
            .await?)
    }

    /// The actor's own placements, drafts included.
    pub async fn my_placements(&self, actor: &Actor) -> CoreResult<Vec<Placement>> {
        Ok(self.store.placements_of(actor.id()).await?)
    }

    /// Post a placement.
    pub async fn create_placement(
        &self,
        actor: &Actor,
        input: &PlacementInput,
    ) -> CoreResult<Placement> {
        if !self.may_post_placements(actor).await? {
            return Err(CoreError::Forbidden);
        }
        let now = self.now();
        let id = PlacementId::new();
        let role = self.open_role_of(input).await?;
        let (mut p, skills, directions, doc) = self.checked(input, id, actor.id(), None).await?;
        p.created_at = now;
        p.updated_at = now;
        self.store
            .insert_placement(&p, &skills, &directions, &doc)
            .await?;
        self.store
            .set_placement_role(id, role.as_deref(), now)
            .await?;
        self.placement_changed(p.id).await?;
        Ok(p)
    }

    /// Change a placement (its owner or a talent admin); the status moves only as allowed.
    pub async fn update_placement(
        &self,
        actor: &Actor,
        id: PlacementId,
        input: &PlacementInput,
    ) -> CoreResult<Placement> {
        let before = self.owned_placement(actor, id).await?;
        let role = self.open_role_of(input).await?;
        let (mut p, skills, directions, doc) = self
            .checked(input, id, before.owner_id, Some(before.status))
            .await?;
        p.created_at = before.created_at;
        p.updated_at = self.now();
        self.store
            .update_placement(&p, &skills, &directions, &doc)
            .await?;
        self.store
            .set_placement_role(id, role.as_deref(), p.updated_at)
            .await?;
        self.placement_changed(p.id).await?;
        Ok(p)
    }

    /// Delete a placement (its owner or a talent admin).
    pub async fn delete_placement(&self, actor: &Actor, id: PlacementId) -> CoreResult<()> {
        self.owned_placement(actor, id).await?;
        self.store.delete_placement(id).await?;
        self.placement_changed(id).await
    }

    async fn skill_of(
        &self,
        s: &SkillInput,
        field: &str,
        errors: &mut FieldErrors,
    ) -> CoreResult<Option<String>> {
        let id = s.skill_id.trim();
        if !id.is_empty() {
            if self.skill_exists(id).await? {
                return Ok(Some(id.to_string()));
            }
            errors.add(field, "is not a skill in the taxonomy");
            return Ok(None);
        }
        if s.label.trim().is_empty() {
            errors.add(field, "is required");
            return Ok(None);
        }
        match self.exact_skill(&s.label).await? {
            Some(id) => Ok(Some(id)),
            None => {
                errors.add(
                    field,
                    "is not a skill in the taxonomy: pick one from the list",
                );
                Ok(None)
            }
        }
    }

    async fn checked(
        &self,
        input: &PlacementInput,
        id: PlacementId,
        owner: Uuid,
        before: Option<PlacementStatus>,
    ) -> CoreResult<(Placement, Vec<PlacementSkill>, Vec<Uuid>, String)> {
        let raw = RawPlacement {
            title: &input.title,
            description: &input.description,
            kind: &input.kind,
            status: &input.status,
            offers: [
                &input.offers_status,
                &input.offers_autonomy,
                &input.offers_meaning,
                &input.offers_learning,
            ],
            hours_per_week: &input.hours_per_week,
            duration_weeks: &input.duration_weeks,
            location: &input.location,
            work_mode: &input.work_mode,
            places: &input.places,
            closes_on: &input.closes_on,
        };
        let mut errors = FieldErrors::new();
        let fields = match check_placement(&raw) {
            Ok(f) => Some(f),
            Err(e) => {
                for (k, v) in e.0 {
                    errors.add(&k, v);
                }
                None
            }
        };
        if let (Some(b), Some(f)) = (before, &fields)
            && !b.may_become(f.status)
        {
            errors.add(
                "status",
                format!(
                    "cannot change from {} to {}",
                    b.label().to_lowercase(),
                    f.status.label().to_lowercase()
                ),
            );
        }
        let mut skills: Vec<PlacementSkill> = Vec::new();
        let mut labels = Vec::new();
        for (list, use_, name) in [
            (&input.skills_needed, SkillUse::Needed, "skills_needed"),
            (&input.skills_to_learn, SkillUse::Learn, "skills_to_learn"),
        ] {
            if list.len() > MAX_SKILLS {
                errors.add(name, format!("must list at most {MAX_SKILLS} skills"));
                continue;
            }
            for (i, s) in list.iter().enumerate() {
                let field = format!("{name}[{i}]");
                let level = if use_ == SkillUse::Needed {
                    check_level(&s.level).unwrap_or_else(|m| {
                        errors.add(&format!("{field}.level"), m);
                        0
                    })
                } else {
                    0
                };
                if let Some(skill_id) = self
                    .skill_of(s, &format!("{field}.skill"), &mut errors)
                    .await?
                {
                    if skills
                        .iter()
                        .any(|k| k.skill_use == use_ && k.skill_id == skill_id)
                    {
                        errors.add(&format!("{field}.skill"), "is listed twice");
                        continue;
                    }
                    labels.push(self.skill_label(&skill_id).await?);
                    skills.push(PlacementSkill {
                        placement_id: id,
                        skill_use: use_,
                        skill_id,
                        level,
                        position: i as i32 + 1,
                    });
                }
            }
        }
        let mut directions = Vec::new();
        if input.directions.len() > MAX_DIRECTIONS {
            errors.add("directions", format!("must list at most {MAX_DIRECTIONS}"));
        } else {
            for (i, d) in input.directions.iter().enumerate() {
                let field = format!("directions[{i}]");
                let Ok(uuid) = d.trim().parse::<Uuid>() else {
                    errors.add(&field, "must be a direction id");
                    continue;
                };
                match self.store.direction(uuid).await {
                    Ok(_) if !directions.contains(&uuid) => directions.push(uuid),
                    Ok(_) => errors.add(&field, "is listed twice"),
                    Err(ladderless_store::StoreError::NotFound) => {
                        errors.add(&field, "is not a strategic direction")
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        errors.into_result()?;
        let Some(f) = fields else {
            return Err(CoreError::Internal(
                "placement check failed without errors".into(),
            ));
        };
        let doc = format!(
            "{} {} {} {} {}",
            f.title,
            f.description,
            f.kind.label(),
            f.location,
            labels.join(" ")
        );
        let now = self.now();
        let p = Placement {
            id,
            owner_id: owner,
            kind: f.kind,
            status: f.status,
            title: f.title,
            description: f.description,
            offers_status: f.offers.0[0],
            offers_autonomy: f.offers.0[1],
            offers_meaning: f.offers.0[2],
            offers_learning: f.offers.0[3],
            hours_per_week: f.hours_per_week,
            duration_weeks: f.duration_weeks,
            location: f.location,
            work_mode: f.work_mode,
            places: f.places,
            closes_on: f.closes_on,
            created_at: now,
            updated_at: now,
        };
        Ok((p, skills, directions, doc))
    }
}

/// What the matcher knows of a placement: its row, skills, directions and accepted count.
pub(crate) fn placement_card(
    p: &Placement,
    skills: &[PlacementSkill],
    directions: Vec<Uuid>,
    taken: i64,
) -> ladderless_domain::placement::matching::PlacementCard {
    use ladderless_domain::placement::Offers;
    ladderless_domain::placement::matching::PlacementCard {
        id: p.id,
        kind: p.kind,
        status: p.status,
        needed: skills
            .iter()
            .filter(|k| k.skill_use == SkillUse::Needed)
            .map(|k| (k.skill_id.clone(), k.level))
            .collect(),
        learn: skills
            .iter()
            .filter(|k| k.skill_use == SkillUse::Learn)
            .map(|k| k.skill_id.clone())
            .collect(),
        offers: Offers([
            p.offers_status,
            p.offers_autonomy,
            p.offers_meaning,
            p.offers_learning,
        ]),
        directions,
        hours_per_week: p.hours_per_week,
        closes_on: p.closes_on,
        places_left: p.places - i32::try_from(taken).unwrap_or(i32::MAX),
    }
}

/// A placement recommended to the viewer, with its explanation in plain words.
#[derive(Debug, Clone)]
pub struct Recommended {
    /// The placement.
    pub placement: Placement,
    /// Its score (the sum of the points below).
    pub score: i32,
    /// Each reason with its points.
    pub reasons: Vec<(String, i32)>,
}

impl App {
    /// The actor's own matching profile: only their own data, for their own eyes.
    async fn own_seeker(
        &self,
        actor: &Actor,
    ) -> CoreResult<ladderless_domain::placement::matching::Seeker> {
        use ladderless_domain::compass::Ranking;
        use ladderless_domain::placement::matching::{Feedback, Seeker};
        let mut s = Seeker::default();
        for k in self.store.person_skills(actor.id()).await? {
            if k.want_to_grow {
                s.grow.insert(k.skill_id.clone());
            }
            s.skills.insert(k.skill_id, k.level);
        }
        s.related = self.related_skills(&s.skills);
        s.ranking = self
            .store
            .compass(actor.id())
            .await?
            .and_then(|c| Ranking::from_stored(&c.ranking));
        // Stated preferences blended with what window shopping revealed (see shopping.rs).
        let model = self.preference_model(actor.id()).await?;
        s.ranking = match s.ranking {
            Some(r) => Some(ladderless_domain::placement::shopping::blend(r, &model)),
            None if model.reactions >= ladderless_domain::placement::shopping::MIN_REACTIONS => {
                Some(model.revealed())
            }
            None => None,
        };
        s.directions = self
            .store
            .directions_worked_towards(actor.id())
            .await?
            .into_iter()
            .collect();
        s.hours_available = self
            .store
            .placement_profile(actor.id())
            .await?
            .hours_available;
        s.feedback = self
            .store
            .not_for_me_of(actor.id())
            .await?
            .into_iter()
            .map(|n| Feedback {
                placement: n.placement_id,
                kind: n.kind,
                hours_per_week: n.hours_per_week,
                reason: n.reason,
            })
            .collect();
        Ok(s)
    }

    /// The open placements best for the actor, best first, each with its explanation. Their
    /// own placements are left out.
    pub async fn recommended_placements(
        &self,
        actor: &Actor,
        limit: usize,
    ) -> CoreResult<Vec<Recommended>> {
        use ladderless_domain::placement::matching::Voice;
        self.load_match_index().await?;
        let seeker = self.own_seeker(actor).await?;
        let (today, me) = (self.now().date(), actor.id());
        let recs: Vec<(
            ladderless_domain::placement::matching::Recommendation,
            Placement,
        )> = self.matching.read(|m| {
            let mine = |id| m.rows.get(&id).is_none_or(|p| p.owner_id == me);
            let recs = m.placements.recommend(&seeker, today, limit, &mine);
            recs.into_iter()
                .filter_map(|r| m.rows.get(&r.placement).cloned().map(|p| (r, p)))
                .collect()
        });
        let mut out = Vec::new();
        for (r, placement) in recs {
            let reasons = self.explain(&r.score.parts, Voice::Mine).await?;
            out.push(Recommended {
                placement,
                score: r.score.total,
                reasons,
            });
        }
        Ok(out)
    }

    /// Mark a placement the actor can see "not for me"; the next recommendations change at once.
    pub async fn not_for_me(&self, actor: &Actor, id: PlacementId, reason: &str) -> CoreResult<()> {
        use ladderless_domain::placement::NotForMe;
        self.visible_placement(actor, id).await?;
        let reason = NotForMe::from_code(reason).ok_or_else(|| {
            CoreError::field(
                "reason",
                format!("must be one of {}", NotForMe::CODES.join(", ")),
            )
        })?;
        Ok(self
            .store
            .set_not_for_me(actor.id(), id, reason, self.now())
            .await?)
    }
}

/// A placement as a list shows it: with its owner's name and skill names.
#[derive(Debug, Clone)]
pub struct PlacementLine {
    /// The placement.
    pub placement: Placement,
    /// Who posted it.
    pub owner_name: String,
    /// Skills needed, by name, with the level asked.
    pub needed: Vec<(String, i32)>,
    /// Skills one would learn, by name.
    pub learn: Vec<String>,
}

/// A placement's own page: the detail with names instead of ids.
#[derive(Debug, Clone)]
pub struct PlacementView {
    /// The placement, its ids and whether the viewer may change it.
    pub detail: PlacementDetail,
    /// Who posted it.
    pub owner_name: String,
    /// Skills needed, by name, with the level asked.
    pub needed: Vec<(String, i32)>,
    /// Skills one would learn, by name.
    pub learn: Vec<String>,
    /// The directions it serves: (id, title).
    pub directions: Vec<(Uuid, String)>,
    /// Places already taken.
    pub taken: i64,
}

impl App {
    async fn named_skills(
        &self,
        skills: &[PlacementSkill],
    ) -> CoreResult<(Vec<(String, i32)>, Vec<String>)> {
        let mut needed = Vec::new();
        let mut learn = Vec::new();
        for s in skills {
            let label = self.skill_label(&s.skill_id).await?;
            match s.skill_use {
                SkillUse::Needed => needed.push((label, s.level)),
                SkillUse::Learn => learn.push(label),
            }
        }
        Ok((needed, learn))
    }

    /// Placements with their owners' names and skill names, in the order given.
    pub async fn placement_lines(&self, rows: Vec<Placement>) -> CoreResult<Vec<PlacementLine>> {
        let owners: Vec<Uuid> = rows.iter().map(|p| p.owner_id).collect();
        let cards = self.cards_by_id(&owners).await?;
        let mut out = Vec::with_capacity(rows.len());
        for placement in rows {
            let skills = self.store.placement_skills(placement.id).await?;
            let (needed, learn) = self.named_skills(&skills).await?;
            out.push(PlacementLine {
                owner_name: cards
                    .get(&placement.owner_id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                placement,
                needed,
                learn,
            });
        }
        Ok(out)
    }

    /// A placement's page for the actor (NotFound for someone else's draft).
    pub async fn placement_view(
        &self,
        actor: &Actor,
        id: PlacementId,
    ) -> CoreResult<PlacementView> {
        let detail = self.placement_detail(actor, id).await?;
        let owner_name = self
            .cards_by_id(&[detail.placement.owner_id])
            .await?
            .remove(&detail.placement.owner_id)
            .map(|c| c.name)
            .unwrap_or_default();
        let (needed, learn) = self.named_skills(&detail.skills).await?;
        let mut directions = Vec::new();
        for d in &detail.directions {
            match self.store.direction(*d).await {
                Ok(dir) => directions.push((dir.id, dir.title)),
                Err(ladderless_store::StoreError::NotFound) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(PlacementView {
            taken: self.store.accepted_count(id).await?,
            detail,
            owner_name,
            needed,
            learn,
            directions,
        })
    }

    /// The actor's own placements with how many people wait for an answer on each.
    pub async fn my_placements_with_waiting(
        &self,
        actor: &Actor,
    ) -> CoreResult<Vec<(Placement, usize)>> {
        use ladderless_domain::placement::InterestStatus;
        let mut out = Vec::new();
        for p in self.store.placements_of(actor.id()).await? {
            let waiting = self
                .store
                .interests_in(p.id)
                .await?
                .iter()
                .filter(|i| i.status == InterestStatus::Pending)
                .count();
            out.push((p, waiting));
        }
        Ok(out)
    }
}

impl App {
    /// The open placements serving a direction, for its page.
    pub async fn direction_placements(
        &self,
        actor: &Actor,
        direction: Uuid,
    ) -> CoreResult<Vec<PlacementLine>> {
        self.direction_view(actor, direction).await?;
        let rows = self.store.placements_for_direction(direction).await?;
        self.placement_lines(rows).await
    }
}
