//! Window shopping: a stream of cards (open placements and roles near one's own) to like,
//! pass or save without applying to anything; what the reactions reveal about the four
//! factors, beside what the person said in their compass, and how that drifted; one click to
//! adopt the revealed order. Private to the person: nobody else reads their reactions.

use crate::compass::FactorsInput;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::compass::{Factor, Ranking};
use ladderless_domain::ids::PlacementId;
use ladderless_domain::placement::PlacementStatus;
use ladderless_domain::placement::shopping::{
    Candidate, CardKind, CardReaction, Features, MIN_REACTIONS, Model, Reaction, kendall_tau,
    next_card, role_features,
};
use ladderless_store::shopping::ReactionRow;
use std::collections::HashSet;

/// Most roles in one person's pool.
const MAX_ROLES: usize = 150;
/// Reactions between two points of the drift chart.
const DRIFT_STEP: usize = 5;

/// A card of the stream.
#[derive(Debug, Clone)]
pub struct ShopCard {
    /// Placement or role.
    pub kind: CardKind,
    /// The placement id or role code.
    pub key: String,
    /// Title.
    pub title: String,
    /// One line under the title (the placement's type and time, or the role's preparation).
    pub line: String,
    /// A few sentences about it.
    pub summary: String,
    /// What it offers on each factor, in [`Factor::ALL`] order.
    pub features: Features,
}

impl ShopCard {
    /// What it offers, in words: (factor, "much more" / "more" / "less"), the neutral ones left
    /// out.
    pub fn offers(&self) -> Vec<(&'static str, &'static str)> {
        Factor::ALL
            .iter()
            .zip(self.features)
            .filter_map(|(f, x)| {
                let word = if x >= 1.5 {
                    "much more"
                } else if x >= 0.5 {
                    "more"
                } else if x <= -0.5 {
                    "less"
                } else {
                    return None;
                };
                Some((f.label(), word))
            })
            .collect()
    }
}

/// A saved card.
#[derive(Debug, Clone)]
pub struct Saved {
    /// Placement or role.
    pub kind: CardKind,
    /// The placement id or role code.
    pub key: String,
    /// Title.
    pub title: String,
}

/// What the reactions say, beside what the compass says.
#[derive(Debug, Clone)]
pub struct ShoppingView {
    /// Reactions so far.
    pub reactions: usize,
    /// Liked (or saved) so far.
    pub likes: usize,
    /// The compass ranking, when the person ranked.
    pub stated: Option<Ranking>,
    /// The revealed ranking, once there are enough reactions.
    pub revealed: Option<Ranking>,
    /// Each factor's revealed weight, in [`Factor::ALL`] order.
    pub weights: [f64; 4],
    /// Agreement of stated and revealed (Kendall's τ, −1…1).
    pub tau: Option<f64>,
    /// The revealed ranking after every few reactions: (reactions, ranking).
    pub drift: Vec<(usize, Ranking)>,
    /// Saved cards, newest first.
    pub saved: Vec<Saved>,
    /// Reactions needed before anything is revealed.
    pub needed: usize,
}

fn reaction_of(r: &ReactionRow) -> Reaction {
    Reaction {
        features: [r.f_status, r.f_autonomy, r.f_meaning, r.f_learning],
        liked: r.reaction != CardReaction::Pass,
    }
}

impl App {
    async fn role_card(&self, code: &str) -> Option<ShopCard> {
        let role = self.catalogue.role(code)?;
        let value = |name: &str| {
            role.work_values
                .iter()
                .find(|s| s.name == name)
                .map(|s| f64::from(s.value))
        };
        let features = role_features(
            value("Recognition"),
            value("Independence"),
            value("Relationships"),
            value("Achievement"),
        );
        let summary: String = role.description.chars().take(280).collect();
        let line = match role.job_zone {
            Some(z) => format!("Preparation level {z} of 5"),
            None => "From the role catalogue".to_string(),
        };
        Some(ShopCard {
            kind: CardKind::Role,
            key: role.code.clone(),
            title: role.title.clone(),
            line,
            summary: if summary.len() < role.description.len() {
                format!("{}…", summary.trim_end())
            } else {
                summary
            },
            features,
        })
    }

    fn placement_shop_card(p: &ladderless_store::placements::Placement) -> ShopCard {
        let summary: String = p.description.chars().take(280).collect();
        ShopCard {
            kind: CardKind::Placement,
            key: p.id.uuid().to_string(),
            title: p.title.clone(),
            line: format!(
                "{} · {} h a week · {} weeks",
                p.kind.label(),
                p.hours_per_week,
                p.duration_weeks
            ),
            summary,
            features: [
                p.offers_status,
                p.offers_autonomy,
                p.offers_meaning,
                p.offers_learning,
            ]
            .map(|o| f64::from(o.step())),
        }
    }

    /// Every card the person could be shown: open placements by others, and roles in the
    /// same broad family as their own role or their target roles.
    async fn shopping_pool(&self, actor: &Actor) -> CoreResult<Vec<(ShopCard, String)>> {
        let mut pool = Vec::new();
        for p in self.store.open_placements().await? {
            if p.owner_id != actor.id() {
                let kind = p.kind.code().to_string();
                pool.push((Self::placement_shop_card(&p), kind));
            }
        }
        let mut families: HashSet<String> = HashSet::new();
        if let Some(code) = &actor.person.role_code {
            families.insert(code.chars().take(2).collect());
        }
        for code in self.store.target_roles(actor.id()).await? {
            families.insert(code.chars().take(2).collect());
        }
        if families.is_empty() {
            families.insert("11".into());
        }
        let mut roles = 0;
        for r in self.catalogue.roles() {
            if roles >= MAX_ROLES {
                break;
            }
            if r.work_values.is_empty()
                || Some(&r.code) == actor.person.role_code.as_ref()
                || !families.contains(&r.code.chars().take(2).collect::<String>())
            {
                continue;
            }
            if let Some(card) = self.role_card(&r.code).await {
                pool.push((card, "role".into()));
                roles += 1;
            }
        }
        Ok(pool)
    }

    /// The next card for the person: the one the model learns most from, varied in kind.
    /// None when they have reacted to everything.
    pub async fn next_shopping_card(&self, actor: &Actor) -> CoreResult<Option<ShopCard>> {
        let rows = self.store.reactions_of(actor.id()).await?;
        let seen: HashSet<(CardKind, &str)> = rows
            .iter()
            .map(|r| (r.card_kind, r.card_ref.as_str()))
            .collect();
        let model = Model::fit(&rows.iter().map(reaction_of).collect::<Vec<_>>());
        let pool: Vec<Candidate<ShopCard>> = self
            .shopping_pool(actor)
            .await?
            .into_iter()
            .filter(|(c, _)| !seen.contains(&(c.kind, c.key.as_str())))
            .map(|(c, kind)| Candidate {
                features: c.features,
                key: c,
                kind,
            })
            .collect();
        // The kinds of the last two cards reacted to, oldest first.
        let mut last: Vec<String> = Vec::new();
        for r in rows.iter().rev().take(2) {
            last.insert(
                0,
                match r.card_kind {
                    CardKind::Role => "role".to_string(),
                    CardKind::Placement => match r.card_ref.parse() {
                        Ok(id) => self
                            .store
                            .placement(PlacementId::from_uuid(id))
                            .await
                            .map(|p| p.kind.code().to_string())
                            .unwrap_or_default(),
                        Err(_) => String::new(),
                    },
                },
            );
        }
        let last: Vec<&str> = last.iter().map(String::as_str).collect();
        Ok(next_card(&model, &pool, &last).map(|c| c.key.clone()))
    }

    /// Like, pass or save a card. Its features are read here, never taken from the request.
    /// Saving a role adds it to the compass's target roles.
    pub async fn react_to_card(
        &self,
        actor: &Actor,
        kind: &str,
        key: &str,
        reaction: &str,
    ) -> CoreResult<()> {
        let kind = CardKind::from_code(kind)
            .ok_or_else(|| CoreError::field("kind", "must be placement or role"))?;
        let reaction = CardReaction::from_code(reaction)
            .ok_or_else(|| CoreError::field("reaction", "must be like, pass or save"))?;
        let card = match kind {
            CardKind::Role => self
                .role_card(key.trim())
                .await
                .ok_or_else(|| CoreError::field("card", "is not a role in the catalogue"))?,
            CardKind::Placement => {
                let id = key
                    .trim()
                    .parse()
                    .map_err(|_| CoreError::field("card", "is not a placement"))?;
                let p = self
                    .visible_placement(actor, PlacementId::from_uuid(id))
                    .await
                    .map_err(|e| match e {
                        CoreError::NotFound => CoreError::field("card", "is not a placement"),
                        other => other,
                    })?;
                if p.status != PlacementStatus::Open {
                    return Err(CoreError::field("card", "is not open any more"));
                }
                Self::placement_shop_card(&p)
            }
        };
        let row = ReactionRow {
            card_kind: kind,
            card_ref: card.key.clone(),
            reaction,
            f_status: card.features[0],
            f_autonomy: card.features[1],
            f_meaning: card.features[2],
            f_learning: card.features[3],
            created_at: self.now(),
        };
        self.store
            .save_reaction(actor.id(), &row, self.now())
            .await?;
        if reaction == CardReaction::Save && kind == CardKind::Role {
            match self.add_target_role(actor, Some(&card.key), "").await {
                Ok(_) | Err(CoreError::Invalid(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The person's fitted preference model (the prior when they have not reacted yet).
    pub(crate) async fn preference_model(
        &self,
        person: ladderless_store::Uuid,
    ) -> CoreResult<Model> {
        let rows = self.store.reactions_of(person).await?;
        Ok(Model::fit(
            &rows.iter().map(reaction_of).collect::<Vec<_>>(),
        ))
    }

    /// How many cards the person has reacted to.
    pub async fn shopping_reaction_count(&self, actor: &Actor) -> CoreResult<usize> {
        Ok(self.store.reactions_of(actor.id()).await?.len())
    }

    /// What the person said and what their reactions show.
    pub async fn shopping_view(&self, actor: &Actor) -> CoreResult<ShoppingView> {
        let rows = self.store.reactions_of(actor.id()).await?;
        let reactions: Vec<Reaction> = rows.iter().map(reaction_of).collect();
        let model = Model::fit(&reactions);
        let stated = self
            .store
            .compass(actor.id())
            .await?
            .and_then(|c| Ranking::from_stored(&c.ranking));
        let enough = reactions.len() >= MIN_REACTIONS;
        let revealed = enough.then(|| model.revealed());
        let mut drift = Vec::new();
        let mut n = MIN_REACTIONS;
        while n <= reactions.len() {
            drift.push((n, Model::fit(&reactions[..n]).revealed()));
            n += DRIFT_STEP;
        }
        if enough && drift.last().is_none_or(|(k, _)| *k != reactions.len()) {
            drift.push((reactions.len(), model.revealed()));
        }
        let mut saved = Vec::new();
        for r in rows
            .iter()
            .rev()
            .filter(|r| r.reaction == CardReaction::Save)
        {
            let title = match r.card_kind {
                CardKind::Role => self.role_title(&r.card_ref).await?,
                CardKind::Placement => match r.card_ref.parse() {
                    Ok(id) => self
                        .store
                        .placement(PlacementId::from_uuid(id))
                        .await
                        .ok()
                        .map(|p| p.title),
                    Err(_) => None,
                },
            };
            if let Some(title) = title {
                saved.push(Saved {
                    kind: r.card_kind,
                    key: r.card_ref.clone(),
                    title,
                });
            }
        }
        Ok(ShoppingView {
            reactions: reactions.len(),
            likes: reactions.iter().filter(|r| r.liked).count(),
            tau: stated.zip(revealed).map(|(s, r)| kendall_tau(s, r)),
            stated,
            revealed,
            weights: model.weights,
            drift,
            saved,
            needed: MIN_REACTIONS,
        })
    }

    /// Put the revealed order into the compass (recorded in its history like any ranking).
    pub async fn adopt_revealed_ranking(&self, actor: &Actor) -> CoreResult<()> {
        let view = self.shopping_view(actor).await?;
        let Some(revealed) = view.revealed else {
            return Err(CoreError::field(
                "ranking",
                format!("needs at least {MIN_REACTIONS} reactions first"),
            ));
        };
        self.save_factors(
            actor,
            &FactorsInput {
                ranking: revealed.0.iter().map(|f| f.code().to_string()).collect(),
                met: None,
                step: None,
            },
        )
        .await
    }
}
