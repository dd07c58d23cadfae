//! The API's records for notifications, built from what core answers.

use super::ToRecord;
use ladderless_domain::notify::{Channel, Kind, LinkKind};
use ladderless_store::Uuid;
use serde::Serialize;
use time::OffsetDateTime;

/// One notification.
#[derive(Debug, Clone, Serialize)]
pub struct Notification {
    /// Id.
    pub id: Uuid,
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
    /// Whether it is read.
    pub read: bool,
    /// When it was read.
    #[serde(with = "time::serde::rfc3339::option")]
    pub read_at: Option<OffsetDateTime>,
    /// When it was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl ToRecord for ladderless_store::notifications::Notification {
    type Record = Notification;
    fn record(&self) -> Notification {
        Notification {
            id: self.id,
            kind: self.kind,
            title: self.title.clone(),
            detail: self.detail.clone(),
            link_kind: self.link_kind,
            link_id: self.link_id.clone(),
            read: self.read_at.is_some(),
            read_at: self.read_at,
            created_at: self.created_at,
        }
    }
}

/// Where one kind of the caller's notifications goes.
#[derive(Debug, Clone, Serialize)]
pub struct NotificationPreference {
    /// The kind.
    pub kind: Kind,
    /// Where it goes (off: nowhere; anything else also shows in the product).
    pub channel: Channel,
    /// Whether the caller chose it (otherwise it is the kind's default).
    pub chosen: bool,
}

impl ToRecord for ladderless_core::notifications::Preference {
    type Record = NotificationPreference;
    fn record(&self) -> NotificationPreference {
        NotificationPreference {
            kind: self.kind,
            channel: self.channel,
            chosen: self.chosen,
        }
    }
}
