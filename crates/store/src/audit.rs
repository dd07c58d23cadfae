//! The audit log: who did what, when, from where.

use crate::{Store, StoreResult, Uuid, new_id, on_db};
use time::OffsetDateTime;

/// One audit entry, with the actor's name when known.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditEntry {
    /// Id.
    pub id: Uuid,
    /// Who acted (None: the system or the command line).
    pub actor_id: Option<Uuid>,
    /// The actor's name.
    pub actor_name: Option<String>,
    /// What happened, e.g. `sign_in`, `role_change`, `import`, `token_use`.
    pub action: String,
    /// What it was done to.
    pub subject: String,
    /// Details.
    pub detail: String,
    /// Client address.
    pub ip: String,
    /// When.
    pub created_at: OffsetDateTime,
}

impl Store {
    /// Append an entry.
    pub async fn audit(
        &self,
        actor: Option<Uuid>,
        action: &str,
        subject: &str,
        detail: &str,
        ip: &str,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => { sqlx::query("INSERT INTO audit_log (id, actor_id, action, subject, detail, ip, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
            .bind(new_id()).bind(actor).bind(action).bind(subject).bind(detail).bind(ip).bind(now).execute(p).await?; });
        Ok(())
    }

    /// Newest entries first, optionally of one action.
    pub async fn audit_entries(
        &self,
        action: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<AuditEntry>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT a.id, a.actor_id, p.name AS actor_name, a.action, a.subject, a.detail, a.ip, a.created_at \
             FROM audit_log a LEFT JOIN people p ON p.id = a.actor_id \
             WHERE ($1 = '' OR a.action = $1) ORDER BY a.created_at DESC, a.id DESC LIMIT $2 OFFSET $3")
            .bind(action.unwrap_or("")).bind(limit).bind(offset).fetch_all(p).await?))
    }
}
