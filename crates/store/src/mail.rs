//! The e-mail outbox: queue a message once per idempotency key, claim one ready message for a
//! sender (marking it `sending` with a lease before the SMTP transaction), record the result
//! (sent, or pending again with its next attempt, or failed), and reconcile messages left in
//! `sending` by a sender that stopped. Also the server secrets (made on first use, then kept)
//! and the reads the weekly digest starts from.
//!
//! Claiming is one statement, as for jobs: PostgreSQL's inner select takes
//! `FOR UPDATE SKIP LOCKED`; SQLite's single writer serialises claims.

use crate::{Dialect, Store, StoreResult, Uuid, new_id, on_db};
use ladderless_domain::mail::{INTERRUPTED, OutboxState};
use ladderless_domain::notify::Kind;
use time::OffsetDateTime;

/// A message as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxMail {
    /// Id.
    pub id: Uuid,
    /// Queued once per key; also gives the Message-ID.
    pub idempotency_key: String,
    /// Whom it is for, when a person.
    pub person_id: Option<Uuid>,
    /// Their address.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Plain-text part.
    pub text_body: String,
    /// HTML part.
    pub html_body: String,
    /// The one-click unsubscribe URL (blank: none).
    pub list_unsubscribe: String,
    /// Where it is.
    pub state: OutboxState,
    /// Attempts started.
    pub attempts: i32,
    /// Not before.
    pub next_attempt_at: OffsetDateTime,
    /// The sender holding it while sending.
    pub locked_by: Option<String>,
    /// Its lease.
    pub locked_until: Option<OffsetDateTime>,
    /// The mail server's last answer (or the error).
    pub answer: String,
    /// When the server accepted it.
    pub sent_at: Option<OffsetDateTime>,
    /// Queued.
    pub created_at: OffsetDateTime,
    /// Last change.
    pub updated_at: OffsetDateTime,
}

/// A message to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// Idempotency key.
    pub idempotency_key: String,
    /// Whom, when a person.
    pub person_id: Option<Uuid>,
    /// Address.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Plain text.
    pub text_body: String,
    /// HTML.
    pub html_body: String,
    /// One-click unsubscribe URL, or blank.
    pub list_unsubscribe: String,
}

/// A notification of the digest week with its person, for assembling digests.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DigestRow {
    /// The person.
    pub person_id: Uuid,
    /// Their name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// Kind.
    pub kind: Kind,
    /// Line.
    pub title: String,
    /// More.
    pub detail: String,
    /// What it leads to.
    pub link_kind: ladderless_domain::notify::LinkKind,
    /// Its id.
    pub link_id: String,
    /// When created.
    pub created_at: OffsetDateTime,
}

const COLUMNS: &str = "id, idempotency_key, person_id, recipient, subject, text_body, html_body, list_unsubscribe, \
    state, attempts, next_attempt_at, locked_by, locked_until, answer, sent_at, created_at, updated_at";

impl Store {
    /// Queue a message to send from `now`. With its key already queued nothing changes and
    /// false comes back.
    pub async fn queue_mail(&self, m: &NewMail, now: OffsetDateTime) -> StoreResult<bool> {
        let n = on_db!(self, p => sqlx::query(
            "INSERT INTO mail_outbox (id, idempotency_key, person_id, recipient, subject, text_body, html_body, list_unsubscribe, \
             state, attempts, next_attempt_at, answer, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, '', $9, $9) ON CONFLICT (idempotency_key) DO NOTHING")
            .bind(new_id()).bind(&m.idempotency_key).bind(m.person_id).bind(&m.recipient).bind(&m.subject)
            .bind(&m.text_body).bind(&m.html_body).bind(&m.list_unsubscribe).bind(now)
            .execute(p).await?.rows_affected());
        Ok(n == 1)
    }

    /// Claim the pending message that has waited longest, for `sender`: it becomes `sending`
    /// (an attempt started) with a lease until `lease_until`. Call it just before handing the
    /// message to the mail server. `None` when nothing is ready.
    pub async fn claim_mail(
        &self,
        sender: &str,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
    ) -> StoreResult<Option<OutboxMail>> {
        let lock = match self.dialect() {
            Dialect::Postgres => " FOR UPDATE SKIP LOCKED",
            Dialect::Sqlite => "",
        };
        let sql = format!(
            "UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, locked_by = $1, locked_until = $2, updated_at = $3 \
             WHERE id = (SELECT id FROM mail_outbox WHERE state = 'pending' AND next_attempt_at <= $3 \
               ORDER BY next_attempt_at, id LIMIT 1{lock}) AND state = 'pending' \
             RETURNING {COLUMNS}"
        );
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(sender).bind(lease_until).bind(now)
            .fetch_optional(p).await?))
    }

    /// Record that the mail server accepted a message `sender` holds. False if it no longer
    /// held it.
    pub async fn mail_sent(
        &self,
        id: Uuid,
        sender: &str,
        answer: &str,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let answer: String = answer.chars().take(1000).collect();
        let n = on_db!(self, p => sqlx::query(
            "UPDATE mail_outbox SET state = 'sent', answer = $3, sent_at = $4, locked_by = NULL, locked_until = NULL, updated_at = $4 \
             WHERE id = $1 AND locked_by = $2 AND state = 'sending'")
            .bind(id).bind(sender).bind(&answer).bind(now).execute(p).await?.rows_affected());
        Ok(n == 1)
    }

    /// Record a failed attempt: pending again from `retry_at`, or (None) failed for good.
    pub async fn mail_failed(
        &self,
        id: Uuid,
        sender: &str,
        answer: &str,
        retry_at: Option<OffsetDateTime>,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let answer: String = answer.chars().take(1000).collect();
        let n = match retry_at {
            Some(at) => on_db!(self, p => sqlx::query(
                "UPDATE mail_outbox SET state = 'pending', answer = $3, next_attempt_at = $4, locked_by = NULL, locked_until = NULL, updated_at = $5 \
                 WHERE id = $1 AND locked_by = $2 AND state = 'sending'")
                .bind(id).bind(sender).bind(&answer).bind(at).bind(now).execute(p).await?.rows_affected()),
            None => on_db!(self, p => sqlx::query(
                "UPDATE mail_outbox SET state = 'failed', answer = $3, locked_by = NULL, locked_until = NULL, updated_at = $4 \
                 WHERE id = $1 AND locked_by = $2 AND state = 'sending'")
                .bind(id).bind(sender).bind(&answer).bind(now).execute(p).await?.rows_affected()),
        };
        Ok(n == 1)
    }

    /// Messages left in `sending` past their lease (their sender stopped during the SMTP
    /// transaction, so they may have arrived) become `failed` with [`INTERRUPTED`] as the
    /// answer: never sent again. Returns how many.
    pub async fn reconcile_mail(&self, now: OffsetDateTime) -> StoreResult<u64> {
        Ok(on_db!(self, p => sqlx::query(
            "UPDATE mail_outbox SET state = 'failed', answer = $2, locked_by = NULL, locked_until = NULL, updated_at = $1 \
             WHERE state = 'sending' AND locked_until < $1")
            .bind(now).bind(INTERRUPTED).execute(p).await?.rows_affected()))
    }

    /// One message by key.
    pub async fn mail_by_key(&self, key: &str) -> StoreResult<Option<OutboxMail>> {
        let sql = format!("SELECT {COLUMNS} FROM mail_outbox WHERE idempotency_key = $1");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(key).fetch_optional(p).await?),
        )
    }

    /// Messages, newest first.
    pub async fn outbox(&self, limit: i64) -> StoreResult<Vec<OutboxMail>> {
        let sql =
            format!("SELECT {COLUMNS} FROM mail_outbox ORDER BY created_at DESC, id DESC LIMIT $1");
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(limit.clamp(1, 1_000_000)).fetch_all(p).await?),
        )
    }

    /// How many messages are in each state, in the order of [`OutboxState::ALL`].
    pub async fn outbox_counts(&self) -> StoreResult<Vec<(OutboxState, i64)>> {
        let rows: Vec<(OutboxState, i64)> = on_db!(self, p => sqlx::query_as(
            "SELECT state, COUNT(*) FROM mail_outbox GROUP BY state").fetch_all(p).await?);
        Ok(OutboxState::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    rows.iter().find(|r| r.0 == *s).map(|r| r.1).unwrap_or(0),
                )
            })
            .collect())
    }

    /// The secret called `name`: the one stored, or `candidate` stored now when there is none
    /// (the first of several servers to start wins; all then use the same).
    pub async fn server_secret(
        &self,
        name: &str,
        candidate: &str,
        now: OffsetDateTime,
    ) -> StoreResult<String> {
        on_db!(self, p => sqlx::query(
            "INSERT INTO server_secrets (name, value, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT (name) DO NOTHING")
            .bind(name).bind(candidate).bind(now).execute(p).await?.rows_affected());
        Ok(
            on_db!(self, p => sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1")
            .bind(name).fetch_one(p).await?),
        )
    }

    /// Notifications created in `[start, end)` for active people, ordered by person, for the
    /// digest: at most `limit` rows of people after `after` (by id), whole people only when
    /// the limit cuts (the caller pages by the last person it saw).
    pub async fn digest_rows(
        &self,
        start: OffsetDateTime,
        end: OffsetDateTime,
        after: Option<Uuid>,
        limit: i64,
    ) -> StoreResult<Vec<DigestRow>> {
        let after = after.unwrap_or(Uuid::nil());
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT n.person_id, pe.name, pe.email, n.kind, n.title, n.detail, n.link_kind, n.link_id, n.created_at \
             FROM notifications n JOIN people pe ON pe.id = n.person_id \
             WHERE n.created_at >= $1 AND n.created_at < $2 AND pe.active AND n.person_id > $3 \
             ORDER BY n.person_id, n.created_at LIMIT $4")
            .bind(start).bind(end).bind(after).bind(limit.max(1)).fetch_all(p).await?))
    }
}
