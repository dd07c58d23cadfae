//! Leadership opportunities: the owner's board, value propositions and stage history.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::opportunity::{Stage, Visibility};
use time::OffsetDateTime;

/// An opportunity with its value proposition.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Opportunity {
    /// Id.
    pub id: Uuid,
    /// Whose it is.
    pub owner_id: Uuid,
    /// Short title.
    pub title: String,
    /// Where it stands.
    pub stage: Stage,
    /// The need discovered in a conversation it came from, if any.
    pub need_id: Option<Uuid>,
    /// The need in words (copied, so it survives the conversation being deleted).
    pub need_text: String,
    /// The strategic direction it serves.
    pub direction_id: Option<Uuid>,
    /// Who may see it (the sponsor always sees a proposed one).
    pub audience: Visibility,
    /// Value to the business: whose goal it serves.
    pub whose_goal: String,
    /// The problem.
    pub problem: String,
    /// The outcome.
    pub outcome: String,
    /// How it would be measured.
    pub measure: String,
    /// Value to me: factor codes served, comma-separated.
    pub factors: String,
    /// Value to me: skills I would grow, one per line.
    pub skills: String,
    /// The pitch in the owner's words, for the pitch coach.
    pub pitch: String,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
}

/// One move on the board.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StageMove {
    /// Id.
    pub id: Uuid,
    /// Opportunity.
    pub opportunity_id: Uuid,
    /// From (none for the first entry).
    pub from_stage: Option<Stage>,
    /// To.
    pub to_stage: Stage,
    /// Why.
    pub reason: String,
    /// Who moved it.
    pub actor_id: Option<Uuid>,
    /// When.
    pub created_at: OffsetDateTime,
}

const COLUMNS: &str = "o.id, o.owner_id, o.title, o.stage, o.need_id, o.need_text, o.direction_id, o.audience, o.whose_goal, o.problem, \
    o.outcome, o.measure, o.factors, o.skills, o.pitch, o.created_at, o.updated_at";

impl Store {
    /// Create an opportunity and its first history entry and, when it comes from a need, link
    /// that need to it, all in one transaction. The need must be the owner's (NotFound) and not
    /// yet turned into another opportunity (Conflict on `need_id`).
    pub async fn insert_opportunity(&self, o: &Opportunity, actor: Uuid) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            if let Some(need) = o.need_id {
                let row: Option<(Option<Uuid>,)> = sqlx::query_as("SELECT opportunity_id FROM needs WHERE id = $1 AND owner_id = $2")
                    .bind(need).bind(o.owner_id).fetch_optional(&mut *tx).await?;
                match row {
                    None => return Err(StoreError::NotFound),
                    Some((Some(_),)) => return Err(StoreError::Conflict { field: "need_id".into() }),
                    Some((None,)) => {}
                }
            }
            sqlx::query("INSERT INTO opportunities (id, owner_id, title, stage, need_id, need_text, direction_id, audience, whose_goal, problem, outcome, measure, factors, skills, pitch, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)")
                .bind(o.id).bind(o.owner_id).bind(&o.title).bind(o.stage).bind(o.need_id).bind(&o.need_text).bind(o.direction_id)
                .bind(o.audience).bind(&o.whose_goal).bind(&o.problem).bind(&o.outcome).bind(&o.measure).bind(&o.factors).bind(&o.skills)
                .bind(&o.pitch).bind(o.created_at).bind(o.updated_at).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO opportunity_moves (id, opportunity_id, from_stage, to_stage, reason, actor_id, created_at, updated_at) VALUES ($1, $2, NULL, $3, '', $4, $5, $5)")
                .bind(crate::new_id()).bind(o.id).bind(o.stage).bind(actor).bind(o.created_at).execute(&mut *tx).await?;
            if let Some(need) = o.need_id {
                // Guarded again here: another request may have linked the need meanwhile.
                let n = sqlx::query("UPDATE needs SET opportunity_id = $3, updated_at = $4 WHERE id = $1 AND owner_id = $2 AND opportunity_id IS NULL")
                    .bind(need).bind(o.owner_id).bind(o.id).bind(o.created_at).execute(&mut *tx).await?.rows_affected();
                if n == 0 {
                    return Err(StoreError::Conflict { field: "need_id".into() });
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// One opportunity.
    pub async fn opportunity(&self, id: Uuid) -> StoreResult<Opportunity> {
        let sql = format!("SELECT {COLUMNS} FROM opportunities o WHERE o.id = $1");
        let o: Option<Opportunity> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        o.ok_or(StoreError::NotFound)
    }

    /// An owner's opportunities, most recently changed first.
    pub async fn opportunities_of(&self, owner: Uuid) -> StoreResult<Vec<Opportunity>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM opportunities o WHERE o.owner_id = $1 ORDER BY o.updated_at DESC"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(owner).fetch_all(p).await?),
        )
    }

    /// Opportunities linked to a direction (callers filter by visibility).
    pub async fn opportunities_for_direction(
        &self,
        direction: Uuid,
    ) -> StoreResult<Vec<Opportunity>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM opportunities o WHERE o.direction_id = $1 ORDER BY o.updated_at DESC"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(direction).fetch_all(p).await?),
        )
    }

    /// Save the title, link and value proposition (not the stage).
    pub async fn update_opportunity(&self, o: &Opportunity) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE opportunities SET title = $2, direction_id = $3, audience = $4, whose_goal = $5, problem = $6, outcome = $7, \
             measure = $8, factors = $9, skills = $10, pitch = $12, updated_at = $11 WHERE id = $1")
            .bind(o.id).bind(&o.title).bind(o.direction_id).bind(o.audience).bind(&o.whose_goal).bind(&o.problem).bind(&o.outcome)
            .bind(&o.measure).bind(&o.factors).bind(&o.skills).bind(o.updated_at).bind(&o.pitch).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Move an opportunity to `to` if it is still at `from`, recording the move.
    pub async fn move_opportunity(
        &self,
        id: Uuid,
        from: Stage,
        to: Stage,
        reason: &str,
        actor: Uuid,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("UPDATE opportunities SET stage = $3, updated_at = $4 WHERE id = $1 AND stage = $2")
                .bind(id).bind(from).bind(to).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict { field: "stage".into() });
            }
            sqlx::query("INSERT INTO opportunity_moves (id, opportunity_id, from_stage, to_stage, reason, actor_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                .bind(crate::new_id()).bind(id).bind(from).bind(to).bind(reason).bind(actor).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The stage history, oldest first.
    pub async fn opportunity_moves(&self, id: Uuid) -> StoreResult<Vec<StageMove>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, opportunity_id, from_stage, to_stage, reason, actor_id, created_at FROM opportunity_moves \
             WHERE opportunity_id = $1 ORDER BY created_at, id").bind(id).fetch_all(p).await?),
        )
    }

    /// Delete an opportunity with everything hanging off it; the need it came from is kept
    /// and can become an opportunity again.
    pub async fn delete_opportunity(&self, id: Uuid) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("UPDATE needs SET opportunity_id = NULL WHERE opportunity_id = $1").bind(id).execute(&mut *tx).await?;
            let n = sqlx::query("DELETE FROM opportunities WHERE id = $1").bind(id).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::NotFound);
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
