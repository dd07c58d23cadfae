//! Notifications in the product: each person's list and unread count, marking read, their
//! channel per kind, and the scan that creates notifications from what is due or waiting.
//!
//! Rules:
//! - A person sees and marks only their own notifications; anyone else's id is not found.
//! - Every notification goes through the person's channel for its kind: off creates nothing;
//!   every other channel shows it in the product (the default when they have not chosen).
//! - The scan is idempotent: reminders carry a key per thing and day, events (a proposal
//!   sent, an answer, an interest, an invitation) a key per thing and instant, so running it
//!   again, or after the event already made its notification, creates nothing new.

use crate::path_links::PageRef;
use crate::{Actor, App, CoreError, CoreResult};
use ladderless_domain::notify::{
    Channel, Kind, LinkKind, channel_for, dedupe_key, event_key, follow_up_kind, plan_review_notify,
};
use ladderless_domain::opportunity::{ProposalStatus, ask_again_due};
use ladderless_domain::placement::InterestStatus;
use ladderless_store::Uuid;
use ladderless_store::notifications::{NewNotification, Notification};
use serde::Serialize;
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};

/// Notifications on one page of the list.
pub const PER_PAGE: i64 = 20;
/// A follow-up is "due soon" this many days ahead.
pub const SOON_DAYS: i64 = 2;
/// Answers and decisions older than this are not notified by the scan (a first scan over old
/// data does not flood anyone).
pub const RECENT_DAYS: i64 = 7;
/// Most rows of each kind one scan reads.
const SCAN_LIMIT: i64 = 5000;

/// One page of a person's notifications, newest first.
#[derive(Debug, Clone)]
pub struct NotificationPage {
    /// The notifications on this page.
    pub items: Vec<Notification>,
    /// This page (from 1).
    pub page: i64,
    /// Per page.
    pub per_page: i64,
    /// How many in all.
    pub total: i64,
    /// How many unread in all.
    pub unread: i64,
}

impl NotificationPage {
    /// Whether there is a page after this one.
    pub fn has_next(&self) -> bool {
        self.page * self.per_page < self.total
    }

    /// How many pages in all (at least one).
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

/// A person's channel for one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Preference {
    /// The kind.
    pub kind: Kind,
    /// Where it goes.
    pub channel: Channel,
    /// Whether the person chose it (otherwise it is the kind's default).
    pub chosen: bool,
}

/// What one scan did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ScanReport {
    /// Notifications created.
    pub created: usize,
    /// Notifications not created because the person turned their kind off.
    pub off: usize,
    /// Notifications already there (same key).
    pub existing: usize,
}

/// The page a notification leads to.
pub fn target(n: &Notification) -> PageRef {
    let id = n.link_id.clone();
    match n.link_kind {
        LinkKind::Conversation => PageRef::Conversation(id),
        LinkKind::Plan => PageRef::Plan(id),
        LinkKind::Proposal => PageRef::Proposal(id),
        LinkKind::Placement => PageRef::Placement(id),
    }
}

/// The choices of everybody for each kind, read once per scan.
#[derive(Default)]
struct Choices(HashMap<Kind, HashMap<Uuid, Channel>>);

impl Choices {
    fn channel(&self, kind: Kind, person: Uuid) -> Channel {
        channel_for(
            kind,
            self.0.get(&kind).and_then(|m| m.get(&person)).copied(),
        )
    }
}

impl App {
    /// One page (from 1) of the actor's notifications, newest first.
    pub async fn my_notifications(&self, actor: &Actor, page: i64) -> CoreResult<NotificationPage> {
        let page = page.clamp(1, 1_000_000);
        let items = self
            .store
            .notifications_of(actor.id(), PER_PAGE, (page - 1) * PER_PAGE)
            .await?;
        Ok(NotificationPage {
            items,
            page,
            per_page: PER_PAGE,
            total: self.store.notification_total(actor.id()).await?,
            unread: self.store.unread_notifications(actor.id()).await?,
        })
    }

    /// How many of the actor's notifications are unread.
    pub async fn unread_notifications(&self, actor: &Actor) -> CoreResult<i64> {
        Ok(self.store.unread_notifications(actor.id()).await?)
    }

    /// Mark one of the actor's notifications read and answer it (with where it leads);
    /// someone else's is not found.
    pub async fn mark_notification_read(
        &self,
        actor: &Actor,
        id: Uuid,
    ) -> CoreResult<Notification> {
        if !self
            .store
            .mark_notification_read(actor.id(), id, self.now())
            .await?
        {
            return Err(CoreError::NotFound);
        }
        self.store
            .notification_of(actor.id(), id)
            .await?
            .ok_or(CoreError::NotFound)
    }

    /// Mark every notification of the actor read; how many were unread.
    pub async fn mark_all_notifications_read(&self, actor: &Actor) -> CoreResult<u64> {
        Ok(self
            .store
            .mark_all_notifications_read(actor.id(), self.now())
            .await?)
    }

    /// The actor's channel for every kind, in the kinds' order.
    pub async fn notification_preferences(&self, actor: &Actor) -> CoreResult<Vec<Preference>> {
        let chosen: HashMap<Kind, Channel> = self
            .store
            .notification_preferences(actor.id())
            .await?
            .into_iter()
            .collect();
        Ok(Kind::ALL
            .iter()
            .map(|&kind| Preference {
                kind,
                channel: channel_for(kind, chosen.get(&kind).copied()),
                chosen: chosen.contains_key(&kind),
            })
            .collect())
    }

    /// Choose where one kind of the actor's notifications goes (codes of the kind and the
    /// channel; an unknown one is a field error naming it).
    pub async fn set_notification_preference(
        &self,
        actor: &Actor,
        kind: &str,
        channel: &str,
    ) -> CoreResult<Preference> {
        let mut errors = ladderless_domain::fields::FieldErrors::new();
        let k = Kind::from_code(kind.trim());
        if k.is_none() {
            errors.add("kind", format!("must be one of {}", Kind::CODES.join(", ")));
        }
        let c = Channel::from_code(channel.trim());
        if c.is_none() {
            errors.add(
                "channel",
                format!("must be one of {}", Channel::CODES.join(", ")),
            );
        }
        let (Some(kind), Some(channel)) = (k, c) else {
            return Err(CoreError::Invalid(errors));
        };
        self.store
            .set_notification_preference(actor.id(), kind, channel, self.now())
            .await?;
        Ok(Preference {
            kind,
            channel,
            chosen: true,
        })
    }

    /// Create a notification for `person` through their channel for its kind; true when new.
    async fn notify(
        &self,
        channel: Channel,
        n: NewNotification,
        report: &mut ScanReport,
    ) -> CoreResult<()> {
        if !channel.in_product() {
            report.off += 1;
            return Ok(());
        }
        if self.store.insert_notification(&n, self.now()).await? {
            self.queue_notification_mail(&n, channel).await;
            report.created += 1;
        } else {
            report.existing += 1;
        }
        Ok(())
    }

    /// Notify one person of an event as it happens, reading their own choice. A failure is
    /// logged, never returned: the event itself has already succeeded.
    pub(crate) async fn notify_now(&self, n: NewNotification) {
        let result = async {
            let chosen = self
                .store
                .notification_preferences(n.person_id)
                .await?
                .into_iter()
                .find(|(k, _)| *k == n.kind)
                .map(|(_, c)| c);
            let mut report = ScanReport::default();
            self.notify(channel_for(n.kind, chosen), n.clone(), &mut report)
                .await
        }
        .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, kind = %n.kind, "cannot create a notification");
        }
    }

    /// Create every notification that is due now: follow-ups due soon or overdue, plan
    /// reviews due, proposals waiting for their sponsor, asking again, answers, interests
    /// received, interests answered and invitations. Idempotent: run twice, it creates nothing
    /// the second time.
    pub async fn scan_notifications(&self) -> CoreResult<ScanReport> {
        let now = self.now();
        let today = now.date();
        let since = now - Duration::days(RECENT_DAYS);
        let mut choices = Choices::default();
        for kind in Kind::ALL {
            choices.0.insert(
                kind,
                self.store
                    .notification_choices(kind)
                    .await?
                    .into_iter()
                    .collect(),
            );
        }
        let mut report = ScanReport::default();

        for f in self
            .store
            .open_follow_ups_due(today + Duration::days(SOON_DAYS), SCAN_LIMIT)
            .await?
        {
            let Some(kind) = follow_up_kind(f.due_on, false, today, SOON_DAYS) else {
                continue;
            };
            let title = match kind {
                Kind::FollowUpOverdue => format!("Follow-up overdue: {}", f.action),
                _ => format!("Follow-up due: {}", f.action),
            };
            let n = NewNotification {
                person_id: f.owner_id,
                kind,
                title,
                detail: format!("Due on {}.", f.due_on),
                link_id: f.conversation_id.to_string(),
                dedupe_key: dedupe_key(kind, &f.id.to_string(), today),
            };
            self.notify(choices.channel(kind, f.owner_id), n, &mut report)
                .await?;
        }

        for plan in self.store.all_plans(SCAN_LIMIT).await? {
            let last = self
                .store
                .reviews(plan.id)
                .await?
                .first()
                .map(|r| r.created_at.date());
            let due = ladderless_domain::plan::next_review_due(plan.cadence, plan.started_on, last);
            if !plan_review_notify(due, today) {
                continue;
            }
            let kind = Kind::PlanReviewDue;
            let n = NewNotification {
                person_id: plan.owner_id,
                kind,
                title: format!("Review your plan: {}", plan.title),
                detail: format!("Its review was due on {due}."),
                link_id: plan.id.to_string(),
                dedupe_key: dedupe_key(kind, &plan.id.to_string(), today),
            };
            self.notify(choices.channel(kind, plan.owner_id), n, &mut report)
                .await?;
        }

        let days = self.ask_again_days().await?;
        for p in self.store.proposals_to_notify(since, SCAN_LIMIT).await? {
            if p.status == ProposalStatus::Awaiting {
                let n = proposal_received(&p);
                self.notify(choices.channel(n.kind, n.person_id), n, &mut report)
                    .await?;
                if ask_again_due(false, p.last_asked_at, now, days) {
                    let kind = Kind::AskAgain;
                    let n = NewNotification {
                        person_id: p.owner_id,
                        kind,
                        title: format!("No answer yet: {}", p.opportunity_title),
                        detail: format!(
                            "You asked {} on {}. You can ask again.",
                            p.sponsor_name,
                            p.last_asked_at.date()
                        ),
                        link_id: p.id.to_string(),
                        dedupe_key: event_key(
                            kind,
                            &p.id.to_string(),
                            p.last_asked_at.unix_timestamp(),
                        ),
                    };
                    self.notify(choices.channel(kind, p.owner_id), n, &mut report)
                        .await?;
                }
            } else if let Some(at) = p.answered_at {
                let n = answer_received(&p, at);
                self.notify(choices.channel(n.kind, n.person_id), n, &mut report)
                    .await?;
            }
        }

        for i in self.store.interest_facts(since, SCAN_LIMIT).await? {
            let n = match (i.status, i.decided_at) {
                (InterestStatus::Pending, _) => interest_received(
                    i.owner_id,
                    i.id,
                    i.placement_id,
                    &i.person_name,
                    &i.placement_title,
                    i.created_at,
                ),
                (InterestStatus::Invited, _) => invited(
                    i.person_id,
                    i.id,
                    i.placement_id,
                    &i.placement_title,
                    i.created_at,
                ),
                (InterestStatus::Accepted | InterestStatus::Declined, Some(at)) => {
                    interest_answered(
                        i.person_id,
                        i.id,
                        i.placement_id,
                        &i.placement_title,
                        i.status == InterestStatus::Accepted,
                        at,
                    )
                }
                _ => continue,
            };
            self.notify(choices.channel(n.kind, n.person_id), n, &mut report)
                .await?;
        }
        Ok(report)
    }
}

/// A proposal to answer, for its sponsor (one per ask).
pub(crate) fn proposal_received(p: &ladderless_store::proposals::Proposal) -> NewNotification {
    let kind = Kind::ProposalReceived;
    NewNotification {
        person_id: p.sponsor_id,
        kind,
        title: format!(
            "{} asks for your support: {}",
            p.owner_name, p.opportunity_title
        ),
        detail: format!("Asked on {}.", p.last_asked_at.date()),
        link_id: p.id.to_string(),
        dedupe_key: event_key(kind, &p.id.to_string(), p.last_asked_at.unix_timestamp()),
    }
}

/// A sponsor's answer, for the proposal's owner (one per answer).
pub(crate) fn answer_received(
    p: &ladderless_store::proposals::Proposal,
    at: OffsetDateTime,
) -> NewNotification {
    let kind = Kind::AnswerReceived;
    NewNotification {
        person_id: p.owner_id,
        kind,
        title: format!("{} answered: {}", p.sponsor_name, p.opportunity_title),
        detail: p.status.label().to_string(),
        link_id: p.id.to_string(),
        dedupe_key: event_key(kind, &p.id.to_string(), at.unix_timestamp()),
    }
}

/// Someone's interest, for the placement's owner.
pub(crate) fn interest_received(
    owner: Uuid,
    interest: impl ToString,
    placement: impl ToString,
    who: &str,
    title: &str,
    at: OffsetDateTime,
) -> NewNotification {
    let kind = Kind::InterestReceived;
    NewNotification {
        person_id: owner,
        kind,
        title: format!("{who} is interested in {title}"),
        detail: "Read their note and answer on the placement's page.".into(),
        link_id: placement.to_string(),
        dedupe_key: event_key(kind, &interest.to_string(), at.unix_timestamp()),
    }
}

/// An invitation, for the person invited.
pub(crate) fn invited(
    person: Uuid,
    interest: impl ToString,
    placement: impl ToString,
    title: &str,
    at: OffsetDateTime,
) -> NewNotification {
    let kind = Kind::PlacementInvited;
    NewNotification {
        person_id: person,
        kind,
        title: format!("You are invited to {title}"),
        detail: "Answer with a short note on the placement's page.".into(),
        link_id: placement.to_string(),
        dedupe_key: event_key(kind, &interest.to_string(), at.unix_timestamp()),
    }
}

/// The owner's answer, for the person interested.
pub(crate) fn interest_answered(
    person: Uuid,
    interest: impl ToString,
    placement: impl ToString,
    title: &str,
    accepted: bool,
    at: OffsetDateTime,
) -> NewNotification {
    let kind = Kind::InterestAnswered;
    let word = if accepted { "accepted" } else { "declined" };
    NewNotification {
        person_id: person,
        kind,
        title: format!("Your interest in {title} was {word}"),
        detail: if accepted {
            "See what happens next on the placement's page.".into()
        } else {
            "The owner's reason is on the placement's page.".into()
        },
        link_id: placement.to_string(),
        dedupe_key: event_key(kind, &interest.to_string(), at.unix_timestamp()),
    }
}
