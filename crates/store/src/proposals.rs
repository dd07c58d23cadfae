//! Proposals to sponsors: the ask, the answer, and every time the owner asked.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::opportunity::{Answer, ProposalStatus, Stage};
use time::OffsetDateTime;

/// A proposal with the names a page needs.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Proposal {
    /// Id.
    pub id: Uuid,
    /// The opportunity proposed.
    pub opportunity_id: Uuid,
    /// Its title.
    pub opportunity_title: String,
    /// Who proposes.
    pub owner_id: Uuid,
    /// Their name.
    pub owner_name: String,
    /// Who is asked.
    pub sponsor_id: Uuid,
    /// Their name.
    pub sponsor_name: String,
    /// Share of working time asked, percent.
    pub time_share: i32,
    /// Duration asked, weeks.
    pub duration_weeks: i32,
    /// Other resources asked.
    pub resources: String,
    /// A note to the sponsor.
    pub message: String,
    /// awaiting, support, tell_me_more, not_now or withdrawn.
    pub status: ProposalStatus,
    /// The sponsor's reason or question.
    pub answer_reason: String,
    /// When answered.
    pub answered_at: Option<OffsetDateTime>,
    /// When last asked (sent or asked again).
    pub last_asked_at: OffsetDateTime,
    /// When first sent.
    pub created_at: OffsetDateTime,
}

/// One ask (the first sending, or asking again).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Ask {
    /// Id.
    pub id: Uuid,
    /// The proposal.
    pub proposal_id: Uuid,
    /// What the owner added.
    pub note: String,
    /// When.
    pub created_at: OffsetDateTime,
}

const SELECT: &str = "SELECT pr.id, pr.opportunity_id, o.title AS opportunity_title, pr.owner_id, ow.name AS owner_name, pr.sponsor_id, \
    sp.name AS sponsor_name, pr.time_share, pr.duration_weeks, pr.resources, pr.message, pr.status, pr.answer_reason, pr.answered_at, \
    pr.last_asked_at, pr.created_at FROM proposals pr JOIN opportunities o ON o.id = pr.opportunity_id \
    JOIN people ow ON ow.id = pr.owner_id JOIN people sp ON sp.id = pr.sponsor_id";

impl Store {
    /// Send a proposal: store it, record the first ask and, when `move_from` is given, move the
    /// opportunity from that stage to proposed, all in one transaction.
    pub async fn insert_proposal(
        &self,
        pr: &Proposal,
        move_from: Option<Stage>,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            if let Some(from) = move_from {
                let n = sqlx::query("UPDATE opportunities SET stage = 'proposed', updated_at = $3 WHERE id = $1 AND stage = $2")
                    .bind(pr.opportunity_id).bind(from).bind(pr.created_at).execute(&mut *tx).await?.rows_affected();
                if n == 0 {
                    return Err(StoreError::Conflict { field: "stage".into() });
                }
                sqlx::query("INSERT INTO opportunity_moves (id, opportunity_id, from_stage, to_stage, reason, actor_id, created_at, updated_at) \
                     VALUES ($1, $2, $3, 'proposed', $4, $5, $6, $6)")
                    .bind(crate::new_id()).bind(pr.opportunity_id).bind(from).bind(format!("proposed to {}", pr.sponsor_name))
                    .bind(pr.owner_id).bind(pr.created_at).execute(&mut *tx).await?;
            }
            sqlx::query("INSERT INTO proposals (id, opportunity_id, owner_id, sponsor_id, time_share, duration_weeks, resources, message, status, answer_reason, \
                 answered_at, last_asked_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', NULL, $10, $10, $10)")
                .bind(pr.id).bind(pr.opportunity_id).bind(pr.owner_id).bind(pr.sponsor_id).bind(pr.time_share).bind(pr.duration_weeks)
                .bind(&pr.resources).bind(&pr.message).bind(pr.status).bind(pr.created_at).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO proposal_asks (id, proposal_id, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)")
                .bind(crate::new_id()).bind(pr.id).bind(&pr.message).bind(pr.created_at).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// One proposal.
    pub async fn proposal(&self, id: Uuid) -> StoreResult<Proposal> {
        let sql = format!("{SELECT} WHERE pr.id = $1");
        let r: Option<Proposal> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        r.ok_or(StoreError::NotFound)
    }

    /// Proposals of an opportunity, newest first.
    pub async fn proposals_for_opportunity(&self, opportunity: Uuid) -> StoreResult<Vec<Proposal>> {
        let sql = format!("{SELECT} WHERE pr.opportunity_id = $1 ORDER BY pr.created_at DESC");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(opportunity).fetch_all(p).await?),
        )
    }

    /// Proposals someone sent, newest first.
    pub async fn proposals_sent(&self, owner: Uuid) -> StoreResult<Vec<Proposal>> {
        let sql = format!("{SELECT} WHERE pr.owner_id = $1 ORDER BY pr.created_at DESC");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(owner).fetch_all(p).await?),
        )
    }

    /// Proposals sent to a sponsor (not withdrawn), awaiting ones first.
    pub async fn proposals_received(&self, sponsor: Uuid) -> StoreResult<Vec<Proposal>> {
        let sql = format!(
            "{SELECT} WHERE pr.sponsor_id = $1 AND pr.status <> 'withdrawn' ORDER BY CASE pr.status WHEN 'awaiting' THEN 0 ELSE 1 END, pr.last_asked_at DESC"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(sponsor).fetch_all(p).await?),
        )
    }

    /// Proposals awaiting an answer, or answered since `since`, oldest ask first (at most
    /// `limit`): what the notification scan looks at.
    pub async fn proposals_to_notify(
        &self,
        since: OffsetDateTime,
        limit: i64,
    ) -> StoreResult<Vec<Proposal>> {
        let sql = format!(
            "{SELECT} WHERE pr.status = 'awaiting' OR (pr.answered_at IS NOT NULL AND pr.answered_at >= $1 AND pr.status <> 'withdrawn') \
             ORDER BY pr.last_asked_at, pr.id LIMIT $2"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(since).bind(limit).fetch_all(p).await?),
        )
    }

    /// Every proposal (talent admins, where the organisation allows).
    pub async fn all_proposals(&self, limit: i64) -> StoreResult<Vec<Proposal>> {
        let sql = format!("{SELECT} ORDER BY pr.created_at DESC LIMIT $1");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(limit).fetch_all(p).await?),
        )
    }

    /// Record the sponsor's answer, once per ask: only an awaiting proposal can be answered.
    pub async fn answer_proposal(
        &self,
        id: Uuid,
        answer: Answer,
        reason: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE proposals SET status = $2, answer_reason = $3, answered_at = $4, updated_at = $4 WHERE id = $1 AND status = 'awaiting'")
            .bind(id).bind(ProposalStatus::answered(answer)).bind(reason).bind(now).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::Conflict {
                field: "status".into(),
            })
        } else {
            Ok(())
        }
    }

    /// Ask again: record the ask and make the proposal await an answer once more.
    pub async fn ask_again(&self, id: Uuid, note: &str, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("UPDATE proposals SET status = 'awaiting', answered_at = NULL, last_asked_at = $2, updated_at = $2 \
                 WHERE id = $1 AND status IN ('awaiting', 'tell_me_more', 'not_now')")
                .bind(id).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            sqlx::query("INSERT INTO proposal_asks (id, proposal_id, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)")
                .bind(crate::new_id()).bind(id).bind(note).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every ask of a proposal, oldest first.
    pub async fn proposal_asks(&self, id: Uuid) -> StoreResult<Vec<Ask>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, proposal_id, note, created_at FROM proposal_asks WHERE proposal_id = $1 ORDER BY created_at, id")
            .bind(id).fetch_all(p).await?),
        )
    }

    /// Withdraw an unanswered or unsupported proposal.
    pub async fn withdraw_proposal(&self, id: Uuid, now: OffsetDateTime) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE proposals SET status = 'withdrawn', updated_at = $2 WHERE id = $1 AND status <> 'support'")
            .bind(id).bind(now).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::Conflict {
                field: "status".into(),
            })
        } else {
            Ok(())
        }
    }
}
