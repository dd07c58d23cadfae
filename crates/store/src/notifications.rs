//! Notifications in the product: insert-or-ignore by dedupe key, a person's list (newest
//! first, paged), the unread count, marking read (only the owner's), and each person's
//! channel per kind. Also the few organisation-wide reads the notification scan starts from.

use crate::{Store, StoreResult, Uuid, new_id, on_db};
use ladderless_domain::notify::{Channel, Kind, LinkKind};
use time::{Date, OffsetDateTime};

/// A notification as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Notification {
    /// Id.
    pub id: Uuid,
    /// Whose it is.
    pub person_id: Uuid,
    /// What it is about.
    pub kind: Kind,
    /// One line.
    pub title: String,
    /// More, may be blank.
    pub detail: String,
    /// What it leads to.
    pub link_kind: LinkKind,
    /// The id of the thing it leads to.
    pub link_id: String,
    /// One per person and key.
    pub dedupe_key: String,
    /// When the person read it.
    pub read_at: Option<OffsetDateTime>,
    /// When created.
    pub created_at: OffsetDateTime,
}

/// A notification to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotification {
    /// Whose.
    pub person_id: Uuid,
    /// Kind.
    pub kind: Kind,
    /// One line.
    pub title: String,
    /// More.
    pub detail: String,
    /// The id of the thing it leads to (its kind follows from `kind`).
    pub link_id: String,
    /// Dedupe key (`ladderless_domain::notify::dedupe_key`).
    pub dedupe_key: String,
}

/// An open follow-up due on or before a day, with its owner.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DueFollowUp {
    /// Follow-up id.
    pub id: Uuid,
    /// Owner.
    pub owner_id: Uuid,
    /// Its conversation.
    pub conversation_id: Uuid,
    /// What to do.
    pub action: String,
    /// When.
    pub due_on: Date,
}

/// A placement interest with the placement's owner and title.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InterestFact {
    /// Interest id.
    pub id: Uuid,
    /// The placement.
    pub placement_id: Uuid,
    /// Its title.
    pub placement_title: String,
    /// Its owner.
    pub owner_id: Uuid,
    /// Who is interested.
    pub person_id: Uuid,
    /// Their name.
    pub person_name: String,
    /// pending, accepted, declined or withdrawn.
    pub status: ladderless_domain::placement::InterestStatus,
    /// When decided.
    pub decided_at: Option<OffsetDateTime>,
    /// When expressed.
    pub created_at: OffsetDateTime,
}

const COLUMNS: &str =
    "id, person_id, kind, title, detail, link_kind, link_id, dedupe_key, read_at, created_at";

impl Store {
    /// Create a notification unless the person already has one with its dedupe key; true when
    /// it was new.
    pub async fn insert_notification(
        &self,
        n: &NewNotification,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let rows = on_db!(self, p => sqlx::query(
            "INSERT INTO notifications (id, person_id, kind, title, detail, link_kind, link_id, dedupe_key, read_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $9) ON CONFLICT (person_id, dedupe_key) DO NOTHING")
            .bind(new_id()).bind(n.person_id).bind(n.kind).bind(&n.title).bind(&n.detail)
            .bind(n.kind.link_kind()).bind(&n.link_id).bind(&n.dedupe_key).bind(now)
            .execute(p).await?.rows_affected());
        Ok(rows == 1)
    }

    /// A person's notifications, newest first: `limit` from `offset`.
    pub async fn notifications_of(
        &self,
        person: Uuid,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<Notification>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM notifications WHERE person_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
        );
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(person).bind(limit.clamp(1, 500)).bind(offset.max(0)).fetch_all(p).await?))
    }

    /// One of a person's notifications (someone else's is none).
    pub async fn notification_of(
        &self,
        person: Uuid,
        id: Uuid,
    ) -> StoreResult<Option<Notification>> {
        let sql = format!("SELECT {COLUMNS} FROM notifications WHERE id = $1 AND person_id = $2");
        Ok(on_db!(self, p => sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id).bind(person).fetch_optional(p).await?))
    }

    /// How many notifications a person has in all.
    pub async fn notification_total(&self, person: Uuid) -> StoreResult<i64> {
        Ok(
            on_db!(self, p => sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE person_id = $1")
            .bind(person).fetch_one(p).await?),
        )
    }

    /// How many of a person's notifications are unread.
    pub async fn unread_notifications(&self, person: Uuid) -> StoreResult<i64> {
        Ok(
            on_db!(self, p => sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND read_at IS NULL")
            .bind(person).fetch_one(p).await?),
        )
    }

    /// Mark one notification read, only when it is `person`'s; false when they have none with
    /// that id (someone else's looks the same as none).
    pub async fn mark_notification_read(
        &self,
        person: Uuid,
        id: Uuid,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let n = on_db!(self, p => sqlx::query(
            "UPDATE notifications SET read_at = COALESCE(read_at, $3), updated_at = $3 WHERE id = $1 AND person_id = $2")
            .bind(id).bind(person).bind(now).execute(p).await?.rows_affected());
        Ok(n == 1)
    }

    /// Mark all of a person's notifications read; how many were unread.
    pub async fn mark_all_notifications_read(
        &self,
        person: Uuid,
        now: OffsetDateTime,
    ) -> StoreResult<u64> {
        Ok(on_db!(self, p => sqlx::query(
            "UPDATE notifications SET read_at = $2, updated_at = $2 WHERE person_id = $1 AND read_at IS NULL")
            .bind(person).bind(now).execute(p).await?.rows_affected()))
    }

    /// A person's chosen channels (kinds without a row use their default).
    pub async fn notification_preferences(
        &self,
        person: Uuid,
    ) -> StoreResult<Vec<(Kind, Channel)>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT kind, channel FROM notification_preferences WHERE person_id = $1 ORDER BY kind")
            .bind(person).fetch_all(p).await?),
        )
    }

    /// Every person's chosen channel for one kind, for the scan.
    pub async fn notification_choices(&self, kind: Kind) -> StoreResult<Vec<(Uuid, Channel)>> {
        Ok(
            on_db!(self, p => sqlx::query_as("SELECT person_id, channel FROM notification_preferences WHERE kind = $1")
            .bind(kind).fetch_all(p).await?),
        )
    }

    /// Set a person's channel for a kind.
    pub async fn set_notification_preference(
        &self,
        person: Uuid,
        kind: Kind,
        channel: Channel,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        on_db!(self, p => sqlx::query(
            "INSERT INTO notification_preferences (person_id, kind, channel, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
             ON CONFLICT (person_id, kind) DO UPDATE SET channel = excluded.channel, updated_at = excluded.updated_at")
            .bind(person).bind(kind).bind(channel).bind(now).execute(p).await?.rows_affected());
        Ok(())
    }

    /// Every open follow-up due on or before `by`, oldest first (at most `limit`).
    pub async fn open_follow_ups_due(&self, by: Date, limit: i64) -> StoreResult<Vec<DueFollowUp>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT id, owner_id, conversation_id, action, due_on FROM follow_ups WHERE done_at IS NULL AND due_on <= $1 \
             ORDER BY due_on, id LIMIT $2")
            .bind(by).bind(limit).fetch_all(p).await?))
    }

    /// Placement interests pending or invited, or decided since `since` (at most `limit`).
    pub async fn interest_facts(
        &self,
        since: OffsetDateTime,
        limit: i64,
    ) -> StoreResult<Vec<InterestFact>> {
        Ok(on_db!(self, p => sqlx::query_as(
            "SELECT i.id, i.placement_id, pl.title AS placement_title, pl.owner_id, i.person_id, pe.name AS person_name, \
             i.status, i.decided_at, i.created_at FROM placement_interests i JOIN placements pl ON pl.id = i.placement_id \
             JOIN people pe ON pe.id = i.person_id WHERE i.status IN ('pending', 'invited') OR (i.decided_at IS NOT NULL AND i.decided_at >= $1) \
             ORDER BY i.created_at, i.id LIMIT $2")
            .bind(since).bind(limit).fetch_all(p).await?))
    }
}
