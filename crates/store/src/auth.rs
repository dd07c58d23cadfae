//! Sessions, personal API tokens, invitations and login throttling.
//!
//! Secrets are never stored: only their SHA-256 hashes, computed by the caller.

use crate::people::{PERSON_COLUMNS, Person};
use crate::{Store, StoreError, StoreResult, Uuid, on_db};
use time::OffsetDateTime;

/// A server-side session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    /// Public id (in the cookie).
    pub id: String,
    /// Hash of the secret half of the cookie.
    pub secret_hash: String,
    /// Who is signed in.
    pub person_id: Uuid,
    /// The CSRF token for forms.
    pub csrf_token: String,
    /// When it lapses.
    pub expires_at: OffsetDateTime,
    /// Last refreshed.
    pub updated_at: OffsetDateTime,
}

/// A personal API token as listed to its owner (never the secret).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiToken {
    /// Id.
    pub id: Uuid,
    /// Owner.
    pub person_id: Uuid,
    /// The owner's label for it.
    pub name: String,
    /// First characters, to recognise it.
    pub prefix: String,
    /// Last use.
    pub last_used_at: Option<OffsetDateTime>,
    /// Revoked when set.
    pub revoked_at: Option<OffsetDateTime>,
    /// Created.
    pub created_at: OffsetDateTime,
}

/// Failed sign-ins counted for one key (an account or an address).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Throttle {
    /// Failures in the current window.
    pub failures: i32,
    /// When the window began.
    pub window_start: OffsetDateTime,
    /// Locked until, if locked.
    pub locked_until: Option<OffsetDateTime>,
}

impl Store {
    /// Store a new session.
    pub async fn create_session(&self, s: &SessionRow, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO sessions (id, secret_hash, person_id, csrf_token, expires_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6)")
            .bind(&s.id).bind(&s.secret_hash).bind(s.person_id).bind(&s.csrf_token).bind(s.expires_at).bind(now)
            .execute(p).await?; });
        Ok(())
    }

    /// A session by its public id.
    pub async fn session(&self, id: &str) -> StoreResult<Option<SessionRow>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, secret_hash, person_id, csrf_token, expires_at, updated_at FROM sessions WHERE id = $1")
            .bind(id).fetch_optional(p).await?),
        )
    }

    /// A session with its person and whether they manage anyone, in one query: this runs on
    /// every signed-in request.
    pub async fn session_with_person(
        &self,
        id: &str,
    ) -> StoreResult<Option<(SessionRow, Person, bool)>> {
        let sql = format!(
            "SELECT s.id AS session_id, s.secret_hash, s.person_id, s.csrf_token, s.expires_at, s.updated_at AS session_updated_at, \
             {PERSON_COLUMNS}, EXISTS (SELECT 1 FROM people r WHERE r.manager_id = p.id AND r.active = TRUE) AS has_reports \
             FROM sessions s JOIN people p ON p.id = s.person_id WHERE s.id = $1"
        );
        let row: Option<SessionJoin> = on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(p).await?);
        Ok(row.map(|r| {
            let session = SessionRow {
                id: r.session_id,
                secret_hash: r.secret_hash,
                person_id: r.person_id,
                csrf_token: r.csrf_token,
                expires_at: r.expires_at,
                updated_at: r.session_updated_at,
            };
            (session, r.person, r.has_reports)
        }))
    }

    /// Push a session's expiry forward.
    pub async fn touch_session(
        &self,
        id: &str,
        expires_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("UPDATE sessions SET expires_at = $2, updated_at = $3 WHERE id = $1")
            .bind(id).bind(expires_at).bind(now).execute(p).await?; });
        Ok(())
    }

    /// End one session.
    pub async fn delete_session(&self, id: &str) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("DELETE FROM sessions WHERE id = $1").bind(id).execute(p).await?; });
        Ok(())
    }

    /// End every session of a person except `keep` (after a password change).
    pub async fn delete_sessions_of(&self, person_id: Uuid, keep: Option<&str>) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("DELETE FROM sessions WHERE person_id = $1 AND id <> $2")
            .bind(person_id).bind(keep.unwrap_or("")).execute(p).await?; });
        Ok(())
    }

    /// Remove expired sessions; returns how many.
    pub async fn purge_sessions(&self, now: OffsetDateTime) -> StoreResult<u64> {
        Ok(
            on_db!(self, p => sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(now).execute(p).await?.rows_affected()),
        )
    }

    /// Store a new API token (its hash).
    pub async fn create_api_token(&self, t: &ApiToken, token_hash: &str) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO api_tokens (id, person_id, name, prefix, token_hash, last_used_at, revoked_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, $6)")
            .bind(t.id).bind(t.person_id).bind(&t.name).bind(&t.prefix).bind(token_hash).bind(t.created_at)
            .execute(p).await?; });
        Ok(())
    }

    /// The live token with this hash, with its owner.
    pub async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<Option<ApiToken>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, person_id, name, prefix, last_used_at, revoked_at, created_at FROM api_tokens \
             WHERE token_hash = $1 AND revoked_at IS NULL").bind(token_hash).fetch_optional(p).await?),
        )
    }

    /// Note that a token was used.
    pub async fn mark_token_used(&self, id: Uuid, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("UPDATE api_tokens SET last_used_at = $2, updated_at = $2 WHERE id = $1").bind(id).bind(now).execute(p).await?; });
        Ok(())
    }

    /// A person's tokens, newest first.
    pub async fn api_tokens(&self, person_id: Uuid) -> StoreResult<Vec<ApiToken>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT id, person_id, name, prefix, last_used_at, revoked_at, created_at FROM api_tokens \
             WHERE person_id = $1 ORDER BY created_at DESC").bind(person_id).fetch_all(p).await?),
        )
    }

    /// Revoke a token of `person_id` (a token of someone else is not found).
    pub async fn revoke_api_token(
        &self,
        person_id: Uuid,
        id: Uuid,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let n = on_db!(self, p => sqlx::query("UPDATE api_tokens SET revoked_at = $3, updated_at = $3 WHERE id = $1 AND person_id = $2 AND revoked_at IS NULL")
            .bind(id).bind(person_id).bind(now).execute(p).await?.rows_affected());
        if n == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(())
        }
    }

    /// Store an invitation (its token hash); earlier unused ones for the person are withdrawn.
    pub async fn create_invite(
        &self,
        person_id: Uuid,
        token_hash: &str,
        expires_at: OffsetDateTime,
        by: Option<Uuid>,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            sqlx::query("DELETE FROM invites WHERE person_id = $1 AND used_at IS NULL").bind(person_id).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO invites (id, person_id, token_hash, expires_at, used_at, created_by, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, NULL, $5, $6, $6)")
                .bind(crate::new_id()).bind(person_id).bind(token_hash).bind(expires_at).bind(by).bind(now)
                .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// The person an unused, unexpired invitation is for.
    pub async fn invite_person(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Uuid>> {
        let row: Option<(Uuid,)> = on_db!(self, p => sqlx::query_as("SELECT person_id FROM invites WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2")
            .bind(token_hash).bind(now).fetch_optional(p).await?);
        Ok(row.map(|r| r.0))
    }

    /// Use an invitation: set the password and mark it used, atomically. False if it was not valid.
    pub async fn redeem_invite(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Uuid>> {
        on_db!(self, p => {
            let mut tx = p.begin().await?;
            let row: Option<(Uuid,)> = sqlx::query_as("UPDATE invites SET used_at = $2, updated_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING person_id")
                .bind(token_hash).bind(now).fetch_optional(&mut *tx).await?;
            let Some((pid,)) = row else { return Ok(None) };
            sqlx::query("UPDATE people SET password_hash = $2, updated_at = $3 WHERE id = $1 AND active = TRUE")
                .bind(pid).bind(password_hash).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Some(pid))
        })
    }

    /// The throttle state for a key.
    pub async fn throttle(&self, key: &str) -> StoreResult<Option<Throttle>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT failures, window_start, locked_until FROM login_throttle WHERE key = $1")
            .bind(key).fetch_optional(p).await?),
        )
    }

    /// Save the throttle state for a key.
    pub async fn save_throttle(
        &self,
        key: &str,
        t: &Throttle,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO login_throttle (key, failures, window_start, locked_until, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, \
             window_start = excluded.window_start, locked_until = excluded.locked_until, updated_at = excluded.updated_at")
            .bind(key).bind(t.failures).bind(t.window_start).bind(t.locked_until).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Count one sign-in attempt for a key in a single statement, before the password is
    /// checked, so concurrent attempts cannot share one reading of the counter. The window
    /// restarts once it has passed (and no lock is in force); reaching `max` locks the key
    /// until `lock_until`. Returns the state after this attempt.
    pub async fn count_attempt(
        &self,
        key: &str,
        max: i32,
        window_cutoff: OffsetDateTime,
        lock_until: OffsetDateTime,
        now: OffsetDateTime,
    ) -> StoreResult<Throttle> {
        // $1 key, $2 now, $3 max, $4 lock_until, $5 window_cutoff (now - window).
        const RESTART: &str = "(login_throttle.window_start <= $5 AND (login_throttle.locked_until IS NULL OR login_throttle.locked_until <= $2))";
        let sql = format!(
            "INSERT INTO login_throttle (key, failures, window_start, locked_until, created_at, updated_at) \
             VALUES ($1, 1, $2, CASE WHEN 1 >= $3 THEN $4 ELSE NULL END, $2, $2) \
             ON CONFLICT (key) DO UPDATE SET \
             failures = CASE WHEN {RESTART} THEN 1 ELSE login_throttle.failures + 1 END, \
             window_start = CASE WHEN {RESTART} THEN $2 ELSE login_throttle.window_start END, \
             locked_until = CASE WHEN (CASE WHEN {RESTART} THEN 1 ELSE login_throttle.failures + 1 END) = $3 THEN $4 \
                                 WHEN {RESTART} THEN NULL ELSE login_throttle.locked_until END, \
             updated_at = $2 \
             RETURNING failures, window_start, locked_until"
        );
        Ok(
            on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
            .bind(key).bind(now).bind(max).bind(lock_until).bind(window_cutoff)
            .fetch_one(p).await?),
        )
    }

    /// Give back one counted attempt for a key (a sign-in that succeeded).
    pub async fn refund_attempt(&self, key: &str, now: OffsetDateTime) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("UPDATE login_throttle SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END, updated_at = $2 WHERE key = $1")
            .bind(key).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Forget failures for a key (after a successful sign-in).
    pub async fn clear_throttle(&self, key: &str) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("DELETE FROM login_throttle WHERE key = $1").bind(key).execute(p).await?; });
        Ok(())
    }
}

#[derive(sqlx::FromRow)]
struct SessionJoin {
    session_id: String,
    secret_hash: String,
    person_id: Uuid,
    csrf_token: String,
    expires_at: OffsetDateTime,
    session_updated_at: OffsetDateTime,
    #[sqlx(flatten)]
    person: Person,
    has_reports: bool,
}
