//! Placements saved while window shopping, and turning one into a growth item of one's plan in
//! one click. Saved cards are private to their owner, and only one's own plans can take them.

use crate::plans::ItemInput;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::ids::{PlacementId, PlanId};
use ladderless_domain::placement::shopping::{CardKind, CardReaction};
use ladderless_domain::plan::ItemKind;
use std::collections::HashSet;

/// A placement the person saved, and the plans that already hold it.
#[derive(Debug, Clone)]
pub struct SavedPlacement {
    /// The placement.
    pub id: PlacementId,
    /// Its title.
    pub title: String,
    /// The person's plans holding it as an item: (id, title).
    pub in_plans: Vec<(PlanId, String)>,
}

/// The person's saved placements with the plans they could go into.
#[derive(Debug, Clone, Default)]
pub struct SavedPlacements {
    /// Saved placements still visible to the person, newest first.
    pub saved: Vec<SavedPlacement>,
    /// The person's plans, the current (most recently started) first: (id, title).
    pub plans: Vec<(PlanId, String)>,
}

impl SavedPlacements {
    /// Whether the person has more than one plan to choose from.
    pub fn choose_plan(&self) -> bool {
        self.plans.len() > 1
    }
}

/// What adding a saved placement to a plan did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddedToPlan {
    /// A new growth item in this plan.
    Added(PlanId),
    /// The plan held it already; nothing changed.
    AlreadyThere(PlanId),
}

impl App {
    /// The actor's saved placements (those they may still see) and their plans.
    pub async fn saved_placements(&self, actor: &Actor) -> CoreResult<SavedPlacements> {
        let plans: Vec<(PlanId, String)> = self
            .store
            .plans_of(actor.id())
            .await?
            .into_iter()
            .map(|p| (p.id, p.title))
            .collect();
        let mut holding: Vec<(PlanId, String, HashSet<String>)> = Vec::new();
        for (id, title) in &plans {
            let refs = self
                .store
                .plan_items(*id)
                .await?
                .into_iter()
                .filter(|i| i.kind == ItemKind::Placement)
                .map(|i| i.reference)
                .collect();
            holding.push((*id, title.clone(), refs));
        }
        let mut seen = HashSet::new();
        let mut saved = Vec::new();
        let rows = self.store.reactions_of(actor.id()).await?;
        for r in rows.iter().rev() {
            if r.card_kind != CardKind::Placement
                || r.reaction != CardReaction::Save
                || !seen.insert(r.card_ref.clone())
            {
                continue;
            }
            let Ok(uuid) = r.card_ref.parse() else {
                continue;
            };
            let id = PlacementId::from_uuid(uuid);
            let Ok(p) = self.visible_placement(actor, id).await else {
                continue;
            };
            let key = id.uuid().to_string();
            let in_plans = holding
                .iter()
                .filter(|h| h.2.contains(&key))
                .map(|h| (h.0, h.1.clone()))
                .collect();
            saved.push(SavedPlacement {
                id,
                title: p.title,
                in_plans,
            });
        }
        Ok(SavedPlacements { saved, plans })
    }

    /// Add a placement the actor may see to one of their own plans as a growth item: the plan
    /// named (it must be theirs), else their current plan. Adding it twice changes nothing.
    pub async fn add_placement_to_plan(
        &self,
        actor: &Actor,
        placement: PlacementId,
        plan: Option<&str>,
    ) -> CoreResult<AddedToPlan> {
        let p = self.visible_placement(actor, placement).await?;
        let plan_id = match plan.map(str::trim).filter(|s| !s.is_empty()) {
            Some(raw) => {
                let id: PlanId = raw
                    .parse()
                    .map_err(|_| CoreError::field("plan", "is not one of your plans"))?;
                self.owned_plan(actor, id).await?.id
            }
            None => self
                .store
                .plans_of(actor.id())
                .await?
                .into_iter()
                .next()
                .map(|p| p.id)
                .ok_or_else(|| {
                    CoreError::field("plan", "is missing: you have no plan yet, start one first")
                })?,
        };
        let key = placement.uuid().to_string();
        let held = self
            .store
            .plan_items(plan_id)
            .await?
            .iter()
            .any(|i| i.kind == ItemKind::Placement && i.reference == key);
        if held {
            return Ok(AddedToPlan::AlreadyThere(plan_id));
        }
        let item = ItemInput {
            section: "growth".into(),
            kind: ItemKind::Placement.code().into(),
            reference: key,
            label: p.title,
        };
        self.add_plan_item(actor, plan_id, &item).await?;
        Ok(AddedToPlan::Added(plan_id))
    }
}
