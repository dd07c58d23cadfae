//! Window shopping reactions: one per person and card, the latest reaction kept with the
//! card's features as shown, in the order first reacted to (so the model can be replayed).

use crate::{Store, StoreResult, Uuid, on_db};
use ladderless_domain::placement::shopping::{CardKind, CardReaction};
use time::OffsetDateTime;

/// A stored reaction.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ReactionRow {
    /// Placement or role.
    pub card_kind: CardKind,
    /// The placement id or role code.
    pub card_ref: String,
    /// Like, pass or save.
    pub reaction: CardReaction,
    /// Status and recognition feature.
    pub f_status: f64,
    /// Autonomy feature.
    pub f_autonomy: f64,
    /// Meaningful work feature.
    pub f_meaning: f64,
    /// Continued learning feature.
    pub f_learning: f64,
    /// When first reacted to.
    pub created_at: OffsetDateTime,
}

impl Store {
    /// Record (or change) a person's reaction to a card.
    pub async fn save_reaction(
        &self,
        person: Uuid,
        row: &ReactionRow,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO shopping_reactions (person_id, card_kind, card_ref, reaction, f_status, f_autonomy, f_meaning, f_learning, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
             ON CONFLICT (person_id, card_kind, card_ref) DO UPDATE SET reaction = excluded.reaction, updated_at = excluded.updated_at")
            .bind(person).bind(row.card_kind).bind(&row.card_ref).bind(row.reaction)
            .bind(row.f_status).bind(row.f_autonomy).bind(row.f_meaning).bind(row.f_learning)
            .bind(now).execute(p).await?; });
        Ok(())
    }

    /// A person's reactions, oldest first.
    pub async fn reactions_of(&self, person: Uuid) -> StoreResult<Vec<ReactionRow>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT card_kind, card_ref, reaction, f_status, f_autonomy, f_meaning, f_learning, created_at \
             FROM shopping_reactions WHERE person_id = $1 ORDER BY created_at, card_kind, card_ref")
            .bind(person).fetch_all(p).await?),
        )
    }

    /// Forget one reaction (to show the card again).
    pub async fn remove_reaction(
        &self,
        person: Uuid,
        kind: CardKind,
        card_ref: &str,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("DELETE FROM shopping_reactions WHERE person_id = $1 AND card_kind = $2 AND card_ref = $3")
            .bind(person).bind(kind).bind(card_ref).execute(p).await?; });
        Ok(())
    }
}
