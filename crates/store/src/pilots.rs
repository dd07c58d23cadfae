//! Pilots: a supported opportunity tried out, with check-ins from both sides and an outcome.

use crate::roles::OrgRole;
use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::opportunity::Stage;
use time::{Date, OffsetDateTime};

/// A pilot.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Pilot {
    /// Id.
    pub id: Uuid,
    /// The opportunity piloted.
    pub opportunity_id: Uuid,
    /// The supported proposal.
    pub proposal_id: Uuid,
    /// Who runs it.
    pub owner_id: Uuid,
    /// Who sponsors it.
    pub sponsor_id: Uuid,
    /// Extra responsibilities taken on.
    pub responsibilities: String,
    /// Agreed share of time, percent.
    pub time_share: i32,
    /// Start.
    pub starts_on: Date,
    /// Planned end.
    pub ends_on: Date,
    /// The outcome once ended.
    pub outcome: Option<Stage>,
    /// What the owner learned.
    pub reflection: String,
    /// The organisation role created, for a "new role" outcome.
    pub role_code: Option<String>,
    /// When it ended.
    pub ended_at: Option<OffsetDateTime>,
    /// Created.
    pub created_at: OffsetDateTime,
}

/// A check-in note.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CheckIn {
    /// Id.
    pub id: Uuid,
    /// Pilot.
    pub pilot_id: Uuid,
    /// Who wrote it.
    pub author_id: Uuid,
    /// Their name.
    pub author_name: String,
    /// The note.
    pub note: String,
    /// When.
    pub created_at: OffsetDateTime,
}

/// A pilot as lists show it: with its opportunity's title and both names.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PilotLine {
    /// The pilot.
    #[sqlx(flatten)]
    pub pilot: Pilot,
    /// The opportunity's title.
    pub title: String,
    /// Who runs it.
    pub owner_name: String,
    /// Who sponsors it.
    pub sponsor_name: String,
}

/// A "new role" outcome: the organisation role to create with its skills, and whether the
/// pilot's owner moves into it (recorded in their role history as a move from a pilot).
#[derive(Debug, Clone, Copy)]
pub struct NewRole<'a> {
    /// The role to add to the catalogue.
    pub role: &'a OrgRole,
    /// Skill ids exercised in the pilot.
    pub skills: &'a [String],
    /// The person to move into it now, if asked.
    pub move_person: Option<Uuid>,
}

const COLUMNS: &str = "id, opportunity_id, proposal_id, owner_id, sponsor_id, responsibilities, time_share, starts_on, ends_on, outcome, \
    reflection, role_code, ended_at, created_at";

impl Store {
    /// Start a pilot and move its opportunity from `from_stage` to piloting, in one transaction.
    pub async fn insert_pilot(
        &self,
        pl: &Pilot,
        from_stage: Stage,
        actor: Uuid,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO pilots (id, opportunity_id, proposal_id, owner_id, sponsor_id, responsibilities, time_share, starts_on, ends_on, \
                 outcome, reflection, role_code, ended_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, '', NULL, NULL, $10, $10)")
                .bind(pl.id).bind(pl.opportunity_id).bind(pl.proposal_id).bind(pl.owner_id).bind(pl.sponsor_id).bind(&pl.responsibilities)
                .bind(pl.time_share).bind(pl.starts_on).bind(pl.ends_on).bind(pl.created_at).execute(&mut *tx).await?;
            let n = sqlx::query("UPDATE opportunities SET stage = 'piloting', updated_at = $3 WHERE id = $1 AND stage = $2")
                .bind(pl.opportunity_id).bind(from_stage).bind(pl.created_at).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict { field: "stage".into() });
            }
            sqlx::query("INSERT INTO opportunity_moves (id, opportunity_id, from_stage, to_stage, reason, actor_id, created_at, updated_at) \
                 VALUES ($1, $2, $3, 'piloting', 'pilot started', $4, $5, $5)")
                .bind(crate::new_id()).bind(pl.opportunity_id).bind(from_stage).bind(actor).bind(pl.created_at).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// One pilot.
    pub async fn pilot(&self, id: Uuid) -> StoreResult<Pilot> {
        let sql = format!("SELECT {COLUMNS} FROM pilots WHERE id = $1");
        let r: Option<Pilot> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        r.ok_or(StoreError::NotFound)
    }

    /// The pilot of an opportunity, if started.
    pub async fn pilot_for_opportunity(&self, opportunity: Uuid) -> StoreResult<Option<Pilot>> {
        let sql = format!("SELECT {COLUMNS} FROM pilots WHERE opportunity_id = $1");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(opportunity).fetch_optional(p).await?),
        )
    }

    /// Pilots a person runs or sponsors: running ones first, then newest first.
    pub async fn pilots_of(&self, person: Uuid) -> StoreResult<Vec<PilotLine>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT pl.id, pl.opportunity_id, pl.proposal_id, pl.owner_id, pl.sponsor_id, pl.responsibilities, pl.time_share, \
             pl.starts_on, pl.ends_on, pl.outcome, pl.reflection, pl.role_code, pl.ended_at, pl.created_at, \
             o.title, ow.name AS owner_name, sp.name AS sponsor_name FROM pilots pl \
             JOIN opportunities o ON o.id = pl.opportunity_id JOIN people ow ON ow.id = pl.owner_id JOIN people sp ON sp.id = pl.sponsor_id \
             WHERE pl.owner_id = $1 OR pl.sponsor_id = $1 \
             ORDER BY CASE WHEN pl.ended_at IS NULL THEN 0 ELSE 1 END, pl.created_at DESC, pl.id")
            .bind(person).fetch_all(p).await?))
    }

    /// How many pilots a sponsor sponsors or sponsored.
    pub async fn pilots_sponsored(&self, sponsor: Uuid) -> StoreResult<i64> {
        let (n,): (i64,) = on_db!(self, p => sqlx::query_as("SELECT COUNT(*) FROM pilots WHERE sponsor_id = $1").bind(sponsor).fetch_one(p).await?);
        Ok(n)
    }

    /// Add a check-in note.
    pub async fn add_checkin(
        &self,
        pilot: Uuid,
        author: Uuid,
        note: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO pilot_checkins (id, pilot_id, author_id, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(crate::new_id()).bind(pilot).bind(author).bind(note).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Check-ins, oldest first.
    pub async fn checkins(&self, pilot: Uuid) -> StoreResult<Vec<CheckIn>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT c.id, c.pilot_id, c.author_id, pe.name AS author_name, c.note, c.created_at FROM pilot_checkins c \
             JOIN people pe ON pe.id = c.author_id WHERE c.pilot_id = $1 ORDER BY c.created_at, c.id").bind(pilot).fetch_all(p).await?),
        )
    }

    /// End a pilot with an outcome in one transaction: for a new role, create the organisation
    /// role (and move the owner into it when asked), record the outcome, move the opportunity.
    /// Any failure part-way leaves nothing written.
    pub async fn end_pilot(
        &self,
        pl: &Pilot,
        outcome: Stage,
        reflection: &str,
        new_role: Option<NewRole<'_>>,
        actor: Uuid,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let role_code = new_role.map(|r| r.role.code.as_str());
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            if let Some(r) = new_role {
                org_role_in_tx!(tx, r.role, r.skills);
            }
            let n = sqlx::query("UPDATE pilots SET outcome = $2, reflection = $3, role_code = $4, ended_at = $5, updated_at = $5 WHERE id = $1 AND outcome IS NULL")
                .bind(pl.id).bind(outcome).bind(reflection).bind(role_code).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict { field: "outcome".into() });
            }
            let n = sqlx::query("UPDATE opportunities SET stage = $2, updated_at = $3 WHERE id = $1 AND stage = 'piloting'")
                .bind(pl.opportunity_id).bind(outcome).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict { field: "stage".into() });
            }
            sqlx::query("INSERT INTO opportunity_moves (id, opportunity_id, from_stage, to_stage, reason, actor_id, created_at, updated_at) \
                 VALUES ($1, $2, 'piloting', $3, $4, $5, $6, $6)")
                .bind(crate::new_id()).bind(pl.opportunity_id).bind(outcome).bind(reflection).bind(actor).bind(now).execute(&mut *tx).await?;
            if let Some(NewRole { role, move_person: Some(person), .. }) = new_role {
                role_change_in_tx!(tx, person, Some(role.code.as_str()), role.title.as_str(), now.date(), "pilot", now);
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
