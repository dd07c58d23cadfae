//! Asks and their history. Every change of an ask writes its event in the same transaction,
//! and a change applies only from the status the caller saw (else a conflict), so two answers
//! at once cannot both win.

use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use ladderless_domain::ask::{AskEventKind, AskStatus};
use time::{Date, OffsetDateTime};

/// A stored ask, with the names of both people.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Ask {
    /// Id.
    pub id: Uuid,
    /// Who asks.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// Whom they ask.
    pub asked_of: Uuid,
    /// Their name.
    pub asked_of_name: String,
    /// What is asked for.
    pub what: String,
    /// What it serves, from the asker's compass.
    pub want: String,
    /// What the asker offers in return.
    pub offer: String,
    /// Prepared questions, one per line.
    pub questions: String,
    /// Where it stands.
    pub status: AskStatus,
    /// The last answer's note.
    pub answer: String,
    /// Days to wait before asking again.
    pub wait_days: i32,
    /// When it was last asked or answered.
    pub last_moved_on: Date,
    /// How many times it was asked.
    pub times_asked: i32,
    /// When first asked.
    pub created_at: OffsetDateTime,
}

impl Ask {
    /// The prepared questions.
    pub fn question_list(&self) -> Vec<&str> {
        self.questions
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect()
    }
}

/// One step of an ask's history.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AskEvent {
    /// What happened.
    pub kind: AskEventKind,
    /// Who did it (none once they are gone).
    pub by_person: Option<Uuid>,
    /// Their name ("" once they are gone).
    pub by_name: String,
    /// The status after it.
    pub status: AskStatus,
    /// A note: the answer, or what was said when asking again.
    pub note: String,
    /// When.
    pub created_at: OffsetDateTime,
}

/// A new ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAsk {
    /// Who asks.
    pub person_id: Uuid,
    /// Whom.
    pub asked_of: Uuid,
    /// What.
    pub what: String,
    /// What it serves.
    pub want: String,
    /// What is offered.
    pub offer: String,
    /// Questions.
    pub questions: Vec<String>,
    /// Days to wait.
    pub wait_days: i32,
}

/// A step to apply to an ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskStep {
    /// Which ask.
    pub ask_id: Uuid,
    /// The status the caller saw; the step applies only from it.
    pub from: AskStatus,
    /// What happens.
    pub kind: AskEventKind,
    /// The status after it.
    pub to: AskStatus,
    /// Who does it.
    pub by: Uuid,
    /// The note.
    pub note: String,
}

const SELECT: &str = "SELECT a.id, a.person_id, pa.name AS person_name, a.asked_of, \
    pb.name AS asked_of_name, a.what, a.want, a.offer, a.questions, a.status, a.answer, \
    a.wait_days, a.last_moved_on, a.times_asked, a.created_at \
    FROM asks a JOIN people pa ON pa.id = a.person_id JOIN people pb ON pb.id = a.asked_of";

impl Store {
    /// Record a new ask and its first event; returns its id.
    pub async fn insert_ask(&self, a: &NewAsk, now: OffsetDateTime) -> StoreResult<Uuid> {
        let id = crate::new_id();
        let questions = a
            .questions
            .iter()
            .map(|q| q.replace(['\r', '\n'], " "))
            .collect::<Vec<_>>()
            .join("\n");
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("INSERT INTO asks (id, person_id, asked_of, what, want, offer, questions, status, answer, wait_days, last_moved_on, times_asked, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', $9, $10, 1, $11, $11)")
                .bind(id).bind(a.person_id).bind(a.asked_of).bind(&a.what).bind(&a.want).bind(&a.offer)
                .bind(&questions).bind(AskStatus::Open).bind(a.wait_days).bind(now.date()).bind(now)
                .execute(&mut *tx).await?;
            sqlx::query("INSERT INTO ask_events (id, ask_id, kind, by_person, status, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, '', $6, $6)")
                .bind(crate::new_id()).bind(id).bind(AskEventKind::Asked).bind(a.person_id).bind(AskStatus::Open).bind(now)
                .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(id)
    }

    /// One ask.
    pub async fn ask(&self, id: Uuid) -> StoreResult<Ask> {
        let sql = format!("{SELECT} WHERE a.id = $1");
        let r: Option<Ask> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?);
        r.ok_or(StoreError::NotFound)
    }

    /// A person's asks, newest first.
    pub async fn asks_by(&self, person: Uuid) -> StoreResult<Vec<Ask>> {
        let sql = format!("{SELECT} WHERE a.person_id = $1 ORDER BY a.created_at DESC, a.id");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(person).fetch_all(p).await?),
        )
    }

    /// Asks put to a person (not withdrawn), waiting ones first, then newest.
    pub async fn asks_of(&self, person: Uuid) -> StoreResult<Vec<Ask>> {
        let sql = format!(
            "{SELECT} WHERE a.asked_of = $1 AND a.status <> 'withdrawn' \
             ORDER BY CASE a.status WHEN 'open' THEN 0 ELSE 1 END, a.last_moved_on DESC, a.id"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(person).fetch_all(p).await?),
        )
    }

    /// An ask's history, oldest first.
    pub async fn ask_events(&self, id: Uuid) -> StoreResult<Vec<AskEvent>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT e.kind, e.by_person, COALESCE(b.name, '') AS by_name, e.status, e.note, e.created_at \
             FROM ask_events e LEFT JOIN people b ON b.id = e.by_person WHERE e.ask_id = $1 ORDER BY e.created_at, e.id")
            .bind(id).fetch_all(p).await?),
        )
    }

    /// Apply a step: the new status (and the answer's note when answered, a new count when
    /// asked again) and its event, in one transaction; a conflict when the status moved since.
    pub async fn apply_ask_step(&self, s: &AskStep, now: OffsetDateTime) -> StoreResult<()> {
        let again = i32::from(s.kind == AskEventKind::AskedAgain);
        let answered = s.kind == AskEventKind::Answered;
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let n = sqlx::query("UPDATE asks SET status = $3, times_asked = times_asked + $4, \
                 answer = CASE WHEN $5 THEN $6 ELSE answer END, last_moved_on = $7, updated_at = $8 \
                 WHERE id = $1 AND status = $2")
                .bind(s.ask_id).bind(s.from).bind(s.to).bind(again).bind(answered).bind(&s.note)
                .bind(now.date()).bind(now).execute(&mut *tx).await?.rows_affected();
            if n == 0 {
                return Err(StoreError::Conflict { field: "status".into() });
            }
            sqlx::query("INSERT INTO ask_events (id, ask_id, kind, by_person, status, note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                .bind(crate::new_id()).bind(s.ask_id).bind(s.kind).bind(s.by).bind(s.to).bind(&s.note).bind(now)
                .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }
}
