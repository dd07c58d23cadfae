//! Leadership opportunities: the owner's board, the value proposition and stage moves.
//!
//! An opportunity is private to its owner until shared: with the sponsor of a proposal, with
//! the owner's team (their manager and teammates) or with everyone.

use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::coach::{PitchVerdict, judge_pitch};
use ladderless_domain::compass::Ranking;
use ladderless_domain::fields::{FieldErrors, optional_text, required_text};
use ladderless_domain::opportunity::{
    FACTORS, MoveError, MoveFacts, ProposalStatus, Stage, ValueToMe, Visibility, check_move,
    value_to_me,
};
use ladderless_store::conversations::Need;
use ladderless_store::opportunities::{Opportunity, StageMove};
use ladderless_store::pilots::Pilot;
use ladderless_store::proposals::Proposal;
use ladderless_store::{StoreError, Uuid};
use serde::{Deserialize, Serialize};

/// Who may see an opportunity, besides the owner and the sponsors asked.
pub const AUDIENCES: [(&str, &str); 3] = Visibility::OPTIONS;

/// Why a need cannot start an opportunity: it is not one of the actor's.
const NOT_YOUR_NEED: &str = "is not a need from one of your conversations";
/// Why a need cannot start an opportunity: it already did.
const NEED_TAKEN: &str = "was already turned into an opportunity";

/// What a form or the API sends to create or change an opportunity.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct OpportunityInput {
    /// Short title.
    #[serde(default)]
    pub title: String,
    /// A need discovered in a conversation.
    #[serde(default)]
    pub need_id: Option<Uuid>,
    /// The need in words.
    #[serde(default)]
    pub need_text: String,
    /// Strategic direction served.
    #[serde(default)]
    pub direction_id: Option<Uuid>,
    /// private, team or everyone.
    #[serde(default)]
    pub audience: String,
    /// Whose goal it serves.
    #[serde(default)]
    pub whose_goal: String,
    /// The problem.
    #[serde(default)]
    pub problem: String,
    /// The outcome.
    #[serde(default)]
    pub outcome: String,
    /// How it would be measured.
    #[serde(default)]
    pub measure: String,
    /// Factor codes served (status, autonomy, meaning, learning).
    #[serde(default)]
    pub factors: Vec<String>,
    /// Skills I would grow, one per line or comma-separated.
    #[serde(default)]
    pub skills: String,
    /// My pitch in my words.
    #[serde(default)]
    pub pitch: String,
}

/// An opportunity as a board card shows it.
#[derive(Debug, Clone, Serialize)]
pub struct OpportunityCard {
    /// Id.
    pub id: Uuid,
    /// Title.
    pub title: String,
    /// Stage.
    pub stage: Stage,
    /// Stage label.
    pub stage_label: &'static str,
    /// Owner.
    pub owner_id: Uuid,
    /// Owner's name.
    pub owner_name: String,
    /// Whose goal.
    pub whose_goal: String,
}

/// One column of the board.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Stage code.
    pub stage: &'static str,
    /// Label.
    pub label: &'static str,
    /// Cards.
    pub cards: Vec<OpportunityCard>,
}

/// Everything one opportunity's page shows.
#[derive(Debug, Clone)]
pub struct OpportunityView {
    /// The opportunity.
    pub opportunity: Opportunity,
    /// Stage label.
    pub stage_label: &'static str,
    /// Owner's name.
    pub owner_name: String,
    /// The direction served: id and title.
    pub direction: Option<(Uuid, String)>,
    /// Stage history, oldest first.
    pub moves: Vec<StageMove>,
    /// Proposals the viewer may see.
    pub proposals: Vec<Proposal>,
    /// The pilot, if started.
    pub pilot: Option<Pilot>,
    /// The pitch coach's verdict on the value proposition.
    pub verdict: Option<PitchVerdict>,
    /// The viewer owns it.
    pub is_owner: bool,
    /// Labels of the four factors it serves, for every viewer.
    pub factors_served: Vec<&'static str>,
    /// The owner only: the need it came from, with its conversation.
    pub need: Option<Need>,
    /// The owner only: "value to me" read against their compass ranking.
    pub value_to_me: Option<ValueToMe>,
    /// The owner only: skills their compass says they want to grow, not yet listed here.
    pub grow_suggestions: Vec<String>,
}

impl App {
    /// Whether the viewer may see an opportunity.
    pub async fn may_see_opportunity(&self, actor: &Actor, o: &Opportunity) -> CoreResult<bool> {
        if o.owner_id == actor.id() || o.audience == Visibility::Everyone {
            return Ok(true);
        }
        if o.audience == Visibility::Team {
            let owner = self.store.person(o.owner_id).await?;
            if owner.manager_id == Some(actor.id())
                || (owner.team_id.is_some() && owner.team_id == actor.person.team_id)
            {
                return Ok(true);
            }
        }
        let asked = self.store.proposals_for_opportunity(o.id).await?;
        Ok(asked
            .iter()
            .any(|p| p.sponsor_id == actor.id() && p.status != ProposalStatus::Withdrawn))
    }

    /// The opportunity if the viewer may see it (NotFound otherwise, so its existence stays private).
    pub async fn visible_opportunity(&self, actor: &Actor, id: Uuid) -> CoreResult<Opportunity> {
        let o = self.store.opportunity(id).await?;
        if self.may_see_opportunity(actor, &o).await? {
            Ok(o)
        } else {
            Err(CoreError::NotFound)
        }
    }

    /// The opportunity if the actor owns it (Forbidden for those who only see it).
    pub async fn owned_opportunity(&self, actor: &Actor, id: Uuid) -> CoreResult<Opportunity> {
        let o = self.visible_opportunity(actor, id).await?;
        if o.owner_id == actor.id() {
            Ok(o)
        } else {
            Err(CoreError::Forbidden)
        }
    }

    /// A card for lists.
    pub async fn opportunity_card(&self, o: Opportunity) -> CoreResult<OpportunityCard> {
        let owner_name = self.store.person(o.owner_id).await?.name;
        let stage_label = o.stage.label();
        Ok(OpportunityCard {
            id: o.id,
            title: o.title,
            stage: o.stage,
            stage_label,
            owner_id: o.owner_id,
            owner_name,
            whose_goal: o.whose_goal,
        })
    }

    /// The actor's own opportunities.
    pub async fn my_opportunities(&self, actor: &Actor) -> CoreResult<Vec<Opportunity>> {
        Ok(self.store.opportunities_of(actor.id()).await?)
    }

    /// The actor's board: one column per stage.
    pub async fn board(&self, actor: &Actor) -> CoreResult<Vec<Column>> {
        let mut cols: Vec<Column> = Stage::ALL
            .iter()
            .map(|s| Column {
                stage: s.code(),
                label: s.label(),
                cards: Vec::new(),
            })
            .collect();
        for o in self.my_opportunities(actor).await? {
            let card = self.opportunity_card(o).await?;
            if let Some(c) = cols.iter_mut().find(|c| c.stage == card.stage.code()) {
                c.cards.push(card);
            }
        }
        Ok(cols)
    }

    /// Validate input into a new opportunity value (stage and ids left to the caller).
    async fn opportunity_fields(
        &self,
        input: &OpportunityInput,
        into: &mut Opportunity,
    ) -> CoreResult<()> {
        let mut errors = FieldErrors::new();
        let mut text = |field: &str, raw: &str, max: usize, required: bool| -> String {
            let r = if required {
                required_text(raw, max)
            } else {
                optional_text(raw, max)
            };
            r.unwrap_or_else(|m| {
                errors.add(field, m);
                String::new()
            })
        };
        into.title = text("title", &input.title, 120, true);
        into.need_text = text("need_text", &input.need_text, 2000, false);
        into.whose_goal = text("whose_goal", &input.whose_goal, 400, false);
        into.problem = text("problem", &input.problem, 4000, false);
        into.outcome = text("outcome", &input.outcome, 4000, false);
        into.measure = text("measure", &input.measure, 2000, false);
        into.pitch = text("pitch", &input.pitch, 4000, false);
        into.skills = crate::directions::split_list(&input.skills).join("\n");
        match Visibility::from_code(&input.audience) {
            Some(a) => into.audience = a,
            None => errors.add("audience", "must be private, team or everyone"),
        }
        let mut factors = Vec::new();
        for f in &input.factors {
            match FACTORS.iter().find(|x| x.0 == f.trim()) {
                Some(x) if !factors.contains(&x.0) => factors.push(x.0),
                Some(_) => {}
                None => errors.add(
                    "factors",
                    format!("{f} is not one of status, autonomy, meaning, learning"),
                ),
            }
        }
        into.factors = factors.join(",");
        into.direction_id = input.direction_id;
        if let Some(d) = input.direction_id {
            match self.store.direction(d).await {
                Ok(_) => {}
                Err(StoreError::NotFound) => {
                    errors.add("direction_id", "is not a published direction")
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(errors.into_result()?)
    }

    /// Start an opportunity, spotted, from a need or a fresh idea.
    pub async fn create_opportunity(
        &self,
        actor: &Actor,
        input: &OpportunityInput,
    ) -> CoreResult<Opportunity> {
        let now = self.now();
        let mut o = Opportunity {
            id: ladderless_store::new_id(),
            owner_id: actor.id(),
            title: String::new(),
            stage: Stage::Spotted,
            need_id: input.need_id,
            need_text: String::new(),
            direction_id: None,
            audience: Visibility::Private,
            whose_goal: String::new(),
            problem: String::new(),
            outcome: String::new(),
            measure: String::new(),
            factors: String::new(),
            skills: String::new(),
            pitch: String::new(),
            created_at: now,
            updated_at: now,
        };
        let checked = self.opportunity_fields(input, &mut o).await;
        let need = match input.need_id {
            Some(id) => Some(self.own_unlinked_need(actor, id).await),
            None => None,
        };
        match (checked, need) {
            // Report every field at once: the need's problem beside the form's.
            (Err(CoreError::Invalid(mut f)), Some(Err(CoreError::Invalid(n)))) => {
                for (k, v) in n.0 {
                    f.add(&k, v);
                }
                return Err(CoreError::Invalid(f));
            }
            (Err(e), _) | (Ok(()), Some(Err(e))) => return Err(e),
            (Ok(()), Some(Ok(n))) if o.need_text.is_empty() => o.need_text = n.need,
            (Ok(()), _) => {}
        }
        self.store
            .insert_opportunity(&o, actor.id())
            .await
            .map_err(|e| match e {
                StoreError::NotFound => CoreError::field("need_id", NOT_YOUR_NEED),
                StoreError::Conflict { .. } => CoreError::field("need_id", NEED_TAKEN),
                other => other.into(),
            })?;
        Ok(o)
    }

    /// One of the actor's needs that has not become an opportunity yet (field errors otherwise,
    /// the same for someone else's need as for none, so its existence stays private).
    pub async fn own_unlinked_need(&self, actor: &Actor, need_id: Uuid) -> CoreResult<Need> {
        match self.store.need(actor.id(), need_id).await {
            Ok(n) if n.opportunity_id.is_some() => Err(CoreError::field("need_id", NEED_TAKEN)),
            Ok(n) => Ok(n),
            Err(StoreError::NotFound) => Err(CoreError::field("need_id", NOT_YOUR_NEED)),
            Err(e) => Err(e.into()),
        }
    }

    /// Change the title, direction, audience and value proposition (owner only).
    pub async fn update_opportunity(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &OpportunityInput,
    ) -> CoreResult<Opportunity> {
        let mut o = self.owned_opportunity(actor, id).await?;
        self.opportunity_fields(input, &mut o).await?;
        o.updated_at = self.now();
        self.store.update_opportunity(&o).await?;
        Ok(o)
    }

    /// What the stage machine needs to know about an opportunity.
    pub async fn move_facts(&self, id: Uuid) -> CoreResult<MoveFacts> {
        let proposals = self.store.proposals_for_opportunity(id).await?;
        Ok(MoveFacts {
            has_proposal: proposals
                .iter()
                .any(|p| p.status != ProposalStatus::Withdrawn),
            has_supported_proposal: proposals
                .iter()
                .any(|p| p.status == ProposalStatus::Support),
            has_pilot: self.store.pilot_for_opportunity(id).await?.is_some(),
        })
    }

    /// Move an opportunity on the board (owner only); refused moves say why on the `stage` field.
    pub async fn move_opportunity(
        &self,
        actor: &Actor,
        id: Uuid,
        to: &str,
        reason: &str,
    ) -> CoreResult<()> {
        let o = self.owned_opportunity(actor, id).await?;
        let to = Stage::from_code(to.trim())
            .ok_or_else(|| CoreError::field("stage", "is not a stage"))?;
        let from = o.stage;
        let reason = optional_text(reason, 1000).map_err(|m| CoreError::field("reason", m))?;
        let facts = self.move_facts(id).await?;
        check_move(from, to, facts, &reason).map_err(|e| {
            let field = if matches!(e, MoveError::ReasonNeeded(_)) {
                "reason"
            } else {
                "stage"
            };
            CoreError::field(field, e.to_string())
        })?;
        if to == Stage::Piloting || to.is_final() {
            // Pilots start and end through their own forms, which record what they need.
            return Err(CoreError::field(
                "stage",
                if to == Stage::Piloting {
                    "start the pilot from the opportunity's page"
                } else {
                    "end the pilot with an outcome from the pilot's page"
                },
            ));
        }
        self.store
            .move_opportunity(id, from, to, &reason, actor.id(), self.now())
            .await
            .map_err(|e| match e {
                StoreError::Conflict { .. } => CoreError::field(
                    "stage",
                    "the opportunity moved meanwhile; reload and try again",
                ),
                other => other.into(),
            })
    }

    /// Delete one's own opportunity.
    pub async fn delete_opportunity(&self, actor: &Actor, id: Uuid) -> CoreResult<()> {
        self.owned_opportunity(actor, id).await?;
        Ok(self.store.delete_opportunity(id).await?)
    }

    /// The text the pitch coach judges: the owner's pitch, or the proposition in its order.
    pub fn pitch_text(o: &Opportunity) -> String {
        if !o.pitch.trim().is_empty() {
            return o.pitch.clone();
        }
        [
            o.whose_goal.as_str(),
            o.problem.as_str(),
            o.outcome.as_str(),
            o.measure.as_str(),
        ]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| {
            if s.ends_with(['.', '!', '?']) {
                s.to_string()
            } else {
                format!("{s}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// One opportunity's page, with what the viewer may see.
    pub async fn opportunity_view(&self, actor: &Actor, id: Uuid) -> CoreResult<OpportunityView> {
        let o = self.visible_opportunity(actor, id).await?;
        let is_owner = o.owner_id == actor.id();
        let direction = match o.direction_id {
            Some(d) => Some((d, self.store.direction(d).await?.title)),
            None => None,
        };
        let proposals = self
            .store
            .proposals_for_opportunity(id)
            .await?
            .into_iter()
            .filter(|p| is_owner || p.sponsor_id == actor.id())
            .collect();
        let text = Self::pitch_text(&o);
        let served: Vec<&str> = o.factors.split(',').filter(|f| !f.is_empty()).collect();
        let factors_served = FACTORS
            .iter()
            .filter(|f| served.contains(&f.0))
            .map(|f| f.1)
            .collect();
        let (need, value, grow_suggestions) = if is_owner {
            let need = self.store.need_of_opportunity(o.owner_id, o.id).await?;
            let ranking = self
                .store
                .compass(o.owner_id)
                .await?
                .and_then(|c| Ranking::from_stored(&c.ranking));
            let listed: Vec<String> = o.skills.lines().map(str::to_lowercase).collect();
            let grow = self
                .compass_skills(o.owner_id)
                .await?
                .into_iter()
                .filter(|s| s.want_to_grow && !listed.contains(&s.label.to_lowercase()))
                .map(|s| s.label)
                .collect();
            (need, Some(value_to_me(ranking, &served)), grow)
        } else {
            (None, None, Vec::new())
        };
        Ok(OpportunityView {
            factors_served,
            need,
            value_to_me: value,
            grow_suggestions,
            stage_label: o.stage.label(),
            owner_name: self.store.person(o.owner_id).await?.name,
            direction,
            moves: self.store.opportunity_moves(id).await?,
            proposals,
            pilot: self.store.pilot_for_opportunity(id).await?,
            verdict: (!text.trim().is_empty()).then(|| judge_pitch(&text)),
            is_owner,
            opportunity: o,
        })
    }
}
