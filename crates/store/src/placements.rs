//! Placements the organisation posts, their skills, directions and search documents;
//! expressions of interest; "not for me" feedback; marketplace profiles; and the placements a
//! person took part in.

use crate::{Dialect, Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::ids::{InterestId, PlacementId};
use ladderless_domain::placement::{
    InterestStatus, NotForMe, Offer, PlacementKind, PlacementStatus, SkillUse, WorkMode,
};
use time::{Date, OffsetDateTime};

/// A placement as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Placement {
    /// Id.
    pub id: PlacementId,
    /// Who posted it and answers interest.
    pub owner_id: Uuid,
    /// Type.
    pub kind: PlacementKind,
    /// Where it stands.
    pub status: PlacementStatus,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// What it offers on status and recognition.
    pub offers_status: Offer,
    /// On autonomy.
    pub offers_autonomy: Offer,
    /// On meaningful work.
    pub offers_meaning: Offer,
    /// On continued learning.
    pub offers_learning: Offer,
    /// Hours a week.
    pub hours_per_week: i32,
    /// Duration in weeks.
    pub duration_weeks: i32,
    /// Location.
    pub location: String,
    /// On site, hybrid or remote.
    pub work_mode: WorkMode,
    /// Places.
    pub places: i32,
    /// Closing date.
    pub closes_on: Option<Date>,
    /// Created.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
}

/// A skill a placement needs or teaches.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlacementSkill {
    /// Placement.
    pub placement_id: PlacementId,
    /// Needed or learnt.
    pub skill_use: SkillUse,
    /// Skill id (taxonomy or organisation).
    pub skill_id: String,
    /// Level needed (0 for a skill one learns).
    pub level: i32,
    /// Order within its list.
    pub position: i32,
}

/// An expression of interest.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Interest {
    /// Id.
    pub id: InterestId,
    /// Placement.
    pub placement_id: PlacementId,
    /// Who is interested.
    pub person_id: Uuid,
    /// Their note.
    pub note: String,
    /// Where it stands.
    pub status: InterestStatus,
    /// The owner's reason when declining.
    pub reason: String,
    /// Kept from the person's manager.
    pub confidential: bool,
    /// When the owner answered.
    pub decided_at: Option<OffsetDateTime>,
    /// When it was sent.
    pub created_at: OffsetDateTime,
}

/// A "not for me", with what it says about the placement.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NotForMeRow {
    /// Placement.
    pub placement_id: PlacementId,
    /// Why.
    pub reason: NotForMe,
    /// The placement's type.
    pub kind: PlacementKind,
    /// Its hours a week.
    pub hours_per_week: i32,
}

/// A person's marketplace profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Profile {
    /// Owners of placements may find them as candidates.
    pub discoverable: bool,
    /// Hours a week they have for a placement.
    pub hours_available: Option<i32>,
}

/// A placement a person took part in.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HistoryEntry {
    /// The placement (None once it is deleted).
    pub placement_id: Option<PlacementId>,
    /// Its type then.
    pub kind: PlacementKind,
    /// Its title then.
    pub title: String,
    /// When they were accepted.
    pub accepted_on: Date,
}

/// What a browse or search asks for; every filter is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlacementQuery {
    /// Words to find (all must match, as words or word starts).
    pub q: String,
    /// Only this type.
    pub kind: Option<PlacementKind>,
    /// Only placements serving this direction.
    pub direction: Option<Uuid>,
    /// Only placements needing or teaching this skill.
    pub skill: Option<String>,
    /// Only placements whose location contains this text.
    pub location: Option<String>,
    /// Only this work mode.
    pub work_mode: Option<WorkMode>,
    /// At most this many hours a week.
    pub max_hours: Option<i32>,
    /// Only this status.
    pub status: Option<PlacementStatus>,
}

const COLUMNS: &str = "p.id, p.owner_id, p.kind, p.status, p.title, p.description, p.offers_status, p.offers_autonomy, \
     p.offers_meaning, p.offers_learning, p.hours_per_week, p.duration_weeks, p.location, p.work_mode, p.places, p.closes_on, \
     p.created_at, p.updated_at";

fn one_row(n: u64) -> StoreResult<()> {
    if n == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

/// `%text%` for LIKE, with the wildcard characters of the text taken literally.
fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

macro_rules! write_parts {
    ($tx:expr, $p:expr, $skills:expr, $directions:expr, $doc:expr) => {
        for s in $skills {
            sqlx::query("INSERT INTO placement_skills (placement_id, skill_use, skill_id, level, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
                .bind($p.id).bind(s.skill_use).bind(&s.skill_id).bind(s.level).bind(s.position).bind($p.updated_at)
                .execute(&mut *$tx).await?;
        }
        for d in $directions {
            sqlx::query("INSERT INTO placement_directions (placement_id, direction_id, created_at, updated_at) VALUES ($1, $2, $3, $3)")
                .bind($p.id).bind(*d).bind($p.updated_at).execute(&mut *$tx).await?;
        }
        sqlx::query("INSERT INTO placement_docs (placement_id, doc) VALUES ($1, $2) ON CONFLICT (placement_id) DO UPDATE SET doc = excluded.doc")
            .bind($p.id).bind($doc).execute(&mut *$tx).await?;
    };
}

impl Store {
    /// Post a placement with its skills, directions and search document, all or nothing.
    pub async fn insert_placement(
        &self,
        p: &Placement,
        skills: &[PlacementSkill],
        directions: &[Uuid],
        doc: &str,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("INSERT INTO placements (id, owner_id, kind, status, title, description, offers_status, offers_autonomy, offers_meaning, offers_learning, \
                 hours_per_week, duration_weeks, location, work_mode, places, closes_on, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)")
                .bind(p.id).bind(p.owner_id).bind(p.kind).bind(p.status).bind(&p.title).bind(&p.description)
                .bind(p.offers_status).bind(p.offers_autonomy).bind(p.offers_meaning).bind(p.offers_learning)
                .bind(p.hours_per_week).bind(p.duration_weeks).bind(&p.location).bind(p.work_mode).bind(p.places).bind(p.closes_on)
                .bind(p.created_at).bind(p.updated_at).execute(&mut *tx).await?;
            write_parts!(tx, p, skills, directions, doc);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Replace a placement's fields, skills, directions and search document, all or nothing.
    pub async fn update_placement(
        &self,
        p: &Placement,
        skills: &[PlacementSkill],
        directions: &[Uuid],
        doc: &str,
    ) -> StoreResult<()> {
        on_db!(self, pool => {
            let mut tx = pool.begin().await?;
            let n = sqlx::query("UPDATE placements SET kind = $2, status = $3, title = $4, description = $5, offers_status = $6, offers_autonomy = $7, \
                 offers_meaning = $8, offers_learning = $9, hours_per_week = $10, duration_weeks = $11, location = $12, work_mode = $13, places = $14, \
                 closes_on = $15, updated_at = $16 WHERE id = $1")
                .bind(p.id).bind(p.kind).bind(p.status).bind(&p.title).bind(&p.description)
                .bind(p.offers_status).bind(p.offers_autonomy).bind(p.offers_meaning).bind(p.offers_learning)
                .bind(p.hours_per_week).bind(p.duration_weeks).bind(&p.location).bind(p.work_mode).bind(p.places).bind(p.closes_on)
                .bind(p.updated_at).execute(&mut *tx).await?.rows_affected();
            one_row(n)?;
            sqlx::query("DELETE FROM placement_skills WHERE placement_id = $1").bind(p.id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM placement_directions WHERE placement_id = $1").bind(p.id).execute(&mut *tx).await?;
            write_parts!(tx, p, skills, directions, doc);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Change only a placement's status.
    pub async fn set_placement_status(
        &self,
        id: PlacementId,
        status: PlacementStatus,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE placements SET status = $2, updated_at = $3 WHERE id = $1")
            .bind(id).bind(status).bind(now).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// Delete a placement with its skills, directions, interests and feedback.
    pub async fn delete_placement(&self, id: PlacementId) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("DELETE FROM placements WHERE id = $1").bind(id).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// One placement.
    pub async fn placement(&self, id: PlacementId) -> StoreResult<Placement> {
        let sql = format!("SELECT {COLUMNS} FROM placements p WHERE p.id = $1");
        let row: Option<Placement> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        row.ok_or(StoreError::NotFound)
    }

    /// A person's own placements, newest first.
    pub async fn placements_of(&self, owner: Uuid) -> StoreResult<Vec<Placement>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM placements p WHERE p.owner_id = $1 ORDER BY p.created_at DESC, p.id"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(owner).fetch_all(p).await?),
        )
    }

    /// Every open placement (what the matcher indexes).
    pub async fn open_placements(&self) -> StoreResult<Vec<Placement>> {
        let sql =
            format!("SELECT {COLUMNS} FROM placements p WHERE p.status = 'open' ORDER BY p.id");
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(p).await?))
    }

    /// A placement's skills, needed first, in order.
    pub async fn placement_skills(&self, id: PlacementId) -> StoreResult<Vec<PlacementSkill>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT placement_id, skill_use, skill_id, level, position FROM placement_skills WHERE placement_id = $1 ORDER BY skill_use DESC, position")
            .bind(id).fetch_all(p).await?),
        )
    }

    /// The skills of every open placement.
    pub async fn open_placement_skills(&self) -> StoreResult<Vec<PlacementSkill>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT s.placement_id, s.skill_use, s.skill_id, s.level, s.position FROM placement_skills s \
             JOIN placements p ON p.id = s.placement_id WHERE p.status = 'open' ORDER BY s.placement_id, s.skill_use DESC, s.position")
            .fetch_all(p).await?),
        )
    }

    /// The directions a placement serves.
    pub async fn placement_directions(&self, id: PlacementId) -> StoreResult<Vec<Uuid>> {
        let rows: Vec<(Uuid,)> = on_db!(self, p => sqlx::query_as("SELECT direction_id FROM placement_directions WHERE placement_id = $1 ORDER BY direction_id")
            .bind(id).fetch_all(p).await?);
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// (placement, direction) for every open placement.
    pub async fn open_placement_directions(&self) -> StoreResult<Vec<(PlacementId, Uuid)>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT d.placement_id, d.direction_id FROM placement_directions d \
             JOIN placements p ON p.id = d.placement_id WHERE p.status = 'open' ORDER BY d.placement_id")
            .fetch_all(p).await?),
        )
    }

    /// Open placements serving a direction, newest first.
    pub async fn placements_for_direction(&self, direction: Uuid) -> StoreResult<Vec<Placement>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM placements p JOIN placement_directions d ON d.placement_id = p.id \
             WHERE d.direction_id = $1 AND p.status = 'open' ORDER BY p.created_at DESC, p.id"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(direction).fetch_all(p).await?),
        )
    }

    /// Placements matching a query: by relevance when there are words, else newest first.
    pub async fn search_placements(
        &self,
        q: &PlacementQuery,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<Placement>> {
        let terms = crate::search::query_terms(&q.q);
        let filters = "($2 IS NULL OR p.kind = $2) \
             AND ($3 IS NULL OR EXISTS (SELECT 1 FROM placement_directions d WHERE d.placement_id = p.id AND d.direction_id = $3)) \
             AND ($4 IS NULL OR EXISTS (SELECT 1 FROM placement_skills s WHERE s.placement_id = p.id AND s.skill_id = $4)) \
             AND ($5 IS NULL OR LOWER(p.location) LIKE $5 ESCAPE '\\') \
             AND ($6 IS NULL OR p.work_mode = $6) \
             AND ($7 IS NULL OR p.hours_per_week <= $7) \
             AND ($8 IS NULL OR p.status = $8)";
        let (sql, expr) = if terms.is_empty() {
            (
                format!(
                    "SELECT {COLUMNS} FROM placements p WHERE ($1 = '' OR TRUE) AND {filters} \
                     ORDER BY p.created_at DESC, p.id LIMIT $9 OFFSET $10"
                ),
                String::new(),
            )
        } else {
            match self.dialect() {
                Dialect::Sqlite => (
                    format!(
                        "SELECT {COLUMNS} FROM placement_fts f JOIN placement_docs x ON x.seq = f.rowid \
                         JOIN placements p ON p.id = x.placement_id WHERE placement_fts MATCH $1 AND {filters} \
                         ORDER BY f.rank, p.id LIMIT $9 OFFSET $10"
                    ),
                    terms
                        .iter()
                        .map(|t| format!("\"{t}\"*"))
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                Dialect::Postgres => (
                    format!(
                        "SELECT {COLUMNS} FROM placement_docs x JOIN placements p ON p.id = x.placement_id \
                         WHERE x.tsv @@ to_tsquery('simple', $1) AND {filters} \
                         ORDER BY ts_rank(x.tsv, to_tsquery('simple', $1)) DESC, p.id LIMIT $9 OFFSET $10"
                    ),
                    terms
                        .iter()
                        .map(|t| format!("{t}:*"))
                        .collect::<Vec<_>>()
                        .join(" & "),
                ),
            }
        };
        let kind = q.kind.map(|k| k.code());
        let location = q
            .location
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(like_pattern);
        let mode = q.work_mode.map(|m| m.code());
        let status = q.status.map(|s| s.code());
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(&expr).bind(kind).bind(q.direction).bind(q.skill.as_deref()).bind(location.as_deref())
            .bind(mode).bind(q.max_hours).bind(status).bind(limit).bind(offset)
            .fetch_all(p).await?),
        )
    }

    /// Record an expression of interest (one per person and placement).
    pub async fn insert_interest(&self, i: &Interest) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO placement_interests (id, placement_id, person_id, note, status, reason, confidential, decided_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)")
            .bind(i.id).bind(i.placement_id).bind(i.person_id).bind(&i.note).bind(i.status).bind(&i.reason).bind(i.confidential)
            .bind(i.decided_at).bind(i.created_at).execute(p).await.map_err(|e| match StoreError::from(e) {
                StoreError::Conflict { .. } => StoreError::Conflict { field: "placement".into() },
                other => other,
            })?; });
        Ok(())
    }

    /// One interest.
    pub async fn interest(&self, id: InterestId) -> StoreResult<Interest> {
        let row: Option<Interest> = on_db!(self, p => sqlx::query_as("SELECT id, placement_id, person_id, note, status, reason, confidential, decided_at, created_at FROM placement_interests WHERE id = $1")
            .bind(id).fetch_optional(p).await?);
        row.ok_or(StoreError::NotFound)
    }

    /// The interests in a placement, oldest first.
    pub async fn interests_in(&self, placement: PlacementId) -> StoreResult<Vec<Interest>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, placement_id, person_id, note, status, reason, confidential, decided_at, created_at FROM placement_interests \
             WHERE placement_id = $1 ORDER BY created_at, id").bind(placement).fetch_all(p).await?),
        )
    }

    /// A person's interests, newest first.
    pub async fn interests_of(&self, person: Uuid) -> StoreResult<Vec<Interest>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, placement_id, person_id, note, status, reason, confidential, decided_at, created_at FROM placement_interests \
             WHERE person_id = $1 ORDER BY created_at DESC, id").bind(person).fetch_all(p).await?),
        )
    }

    /// Interests of a manager's direct reports that are not confidential, newest first.
    pub async fn interests_of_reports(&self, manager: Uuid) -> StoreResult<Vec<Interest>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT i.id, i.placement_id, i.person_id, i.note, i.status, i.reason, i.confidential, i.decided_at, i.created_at \
             FROM placement_interests i JOIN people w ON w.id = i.person_id \
             WHERE w.manager_id = $1 AND w.active = TRUE AND i.confidential = FALSE ORDER BY i.created_at DESC, i.id").bind(manager).fetch_all(p).await?),
        )
    }

    /// How many people a placement has accepted.
    pub async fn accepted_count(&self, placement: PlacementId) -> StoreResult<i64> {
        let (n,): (i64,) = on_db!(self, p => sqlx::query_as("SELECT COUNT(*) FROM placement_interests WHERE placement_id = $1 AND status = 'accepted'")
            .bind(placement).fetch_one(p).await?);
        Ok(n)
    }

    /// Accepted counts of every open placement that has any.
    pub async fn accepted_counts(&self) -> StoreResult<Vec<(PlacementId, i64)>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT i.placement_id, COUNT(*) FROM placement_interests i JOIN placements p ON p.id = i.placement_id \
             WHERE i.status = 'accepted' AND p.status = 'open' GROUP BY i.placement_id").fetch_all(p).await?),
        )
    }

    /// Change an interest's confidentiality (by the person) or take it back.
    pub async fn update_interest_by_person(
        &self,
        id: InterestId,
        confidential: bool,
        status: InterestStatus,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE placement_interests SET confidential = $2, status = $3, updated_at = $4 WHERE id = $1")
            .bind(id).bind(confidential).bind(status).bind(now).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// Turn an invitation or a withdrawn interest into a fresh interest with the person's note.
    pub async fn reopen_interest(
        &self,
        id: InterestId,
        note: &str,
        confidential: bool,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE placement_interests SET note = $2, confidential = $3, status = 'pending', reason = '', decided_at = NULL, updated_at = $4 WHERE id = $1")
            .bind(id).bind(note).bind(confidential).bind(now).execute(p).await?.rows_affected());
        one_row(n)
    }

    /// The strategic directions a person works towards: those their leadership opportunities
    /// serve and those their plans name as a goal (each once, in no particular order).
    pub async fn directions_worked_towards(&self, person: Uuid) -> StoreResult<Vec<Uuid>> {
        let from_opps: Vec<(Uuid,)> = on_db!(self, p => sqlx::query_as("SELECT DISTINCT direction_id FROM opportunities WHERE owner_id = $1 AND direction_id IS NOT NULL")
            .bind(person).fetch_all(p).await?);
        let from_plans: Vec<(String,)> = on_db!(self, p => sqlx::query_as("SELECT DISTINCT i.reference FROM career_plan_items i JOIN career_plans c ON c.id = i.plan_id \
             WHERE c.owner_id = $1 AND i.kind = 'direction' AND i.reference <> ''")
            .bind(person).fetch_all(p).await?);
        let mut out: Vec<Uuid> = from_opps.into_iter().map(|(d,)| d).collect();
        for (r,) in from_plans {
            if let Ok(d) = r.trim().parse::<Uuid>()
                && !out.contains(&d)
            {
                out.push(d);
            }
        }
        Ok(out)
    }

    /// Answer an interest; an acceptance also records the placement in the person's history,
    /// and fills the placement when `fill` is set — all in one transaction.
    pub async fn decide_interest(
        &self,
        i: &Interest,
        history: Option<&HistoryEntry>,
        fill: bool,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("UPDATE placement_interests SET status = $2, reason = $3, decided_at = $4, updated_at = $4 WHERE id = $1")
                .bind(i.id).bind(i.status).bind(&i.reason).bind(now).execute(&mut *tx).await?.rows_affected();
            one_row(n)?;
            if let Some(h) = history {
                sqlx::query("INSERT INTO placement_history (id, person_id, placement_id, kind, title, accepted_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                    .bind(crate::new_id()).bind(i.person_id).bind(h.placement_id).bind(h.kind).bind(&h.title).bind(h.accepted_on).bind(now)
                    .execute(&mut *tx).await?;
            }
            if fill {
                sqlx::query("UPDATE placements SET status = 'filled', updated_at = $2 WHERE id = $1")
                    .bind(i.placement_id).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Record an observed move: the accepted person's role becomes `role` (code, title), in
    /// the same transaction as the acceptance.
    pub async fn decide_interest_with_move(
        &self,
        i: &Interest,
        history: &HistoryEntry,
        fill: bool,
        role: (&str, &str),
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("UPDATE placement_interests SET status = $2, reason = $3, decided_at = $4, updated_at = $4 WHERE id = $1")
                .bind(i.id).bind(i.status).bind(&i.reason).bind(now).execute(&mut *tx).await?.rows_affected();
            one_row(n)?;
            sqlx::query("INSERT INTO placement_history (id, person_id, placement_id, kind, title, accepted_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                .bind(crate::new_id()).bind(i.person_id).bind(history.placement_id).bind(history.kind).bind(&history.title).bind(history.accepted_on).bind(now)
                .execute(&mut *tx).await?;
            if fill {
                sqlx::query("UPDATE placements SET status = 'filled', updated_at = $2 WHERE id = $1")
                    .bind(i.placement_id).bind(now).execute(&mut *tx).await?;
            }
            role_change_in_tx!(tx, i.person_id, Some(role.0), role.1, history.accepted_on, "placement", now);
            tx.commit().await?;
        });
        Ok(())
    }

    /// The placements a person took part in, newest first.
    pub async fn placement_history(&self, person: Uuid) -> StoreResult<Vec<HistoryEntry>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT placement_id, kind, title, accepted_on FROM placement_history WHERE person_id = $1 ORDER BY accepted_on DESC, id")
            .bind(person).fetch_all(p).await?),
        )
    }

    /// Mark a placement "not for me" (a new reason replaces the old one).
    pub async fn set_not_for_me(
        &self,
        person: Uuid,
        placement: PlacementId,
        reason: NotForMe,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO placement_not_for_me (person_id, placement_id, reason, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (person_id, placement_id) DO UPDATE SET reason = excluded.reason, updated_at = excluded.updated_at")
            .bind(person).bind(placement).bind(reason).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Take back a "not for me".
    pub async fn clear_not_for_me(&self, person: Uuid, placement: PlacementId) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("DELETE FROM placement_not_for_me WHERE person_id = $1 AND placement_id = $2")
            .bind(person).bind(placement).execute(p).await?; });
        Ok(())
    }

    /// A person's "not for me" marks with the placements' type and hours.
    pub async fn not_for_me_of(&self, person: Uuid) -> StoreResult<Vec<NotForMeRow>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT n.placement_id, n.reason, p.kind, p.hours_per_week FROM placement_not_for_me n \
             JOIN placements p ON p.id = n.placement_id WHERE n.person_id = $1 ORDER BY n.created_at, n.placement_id").bind(person).fetch_all(p).await?),
        )
    }

    /// A person's marketplace profile (the default until they save one: not discoverable).
    pub async fn placement_profile(&self, person: Uuid) -> StoreResult<Profile> {
        let row: Option<Profile> = on_db!(self, p => sqlx::query_as("SELECT discoverable, hours_available FROM placement_profiles WHERE person_id = $1")
            .bind(person).fetch_optional(p).await?);
        Ok(row.unwrap_or_default())
    }

    /// Save a person's marketplace profile.
    pub async fn save_placement_profile(
        &self,
        person: Uuid,
        profile: Profile,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO placement_profiles (person_id, discoverable, hours_available, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (person_id) DO UPDATE SET discoverable = excluded.discoverable, hours_available = excluded.hours_available, updated_at = excluded.updated_at")
            .bind(person).bind(profile.discoverable).bind(profile.hours_available).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Active people who made themselves discoverable, with their available hours.
    pub async fn discoverable_people(&self) -> StoreResult<Vec<(Uuid, Option<i32>)>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT f.person_id, f.hours_available FROM placement_profiles f JOIN people w ON w.id = f.person_id \
             WHERE f.discoverable = TRUE AND w.active = TRUE ORDER BY f.person_id").fetch_all(p).await?),
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_patterns_take_wildcards_literally() {
        assert_eq!(super::like_pattern("Leeds"), "%leeds%");
        assert_eq!(super::like_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
