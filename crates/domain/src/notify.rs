//! Notifications: the kinds there are, where each goes (its channel, with a default), and the
//! pure rules for what becomes a notification and its dedupe key (one per person, kind and
//! thing per day at most).

use crate::codes::code_enum;
use serde::{Deserialize, Serialize};
use time::Date;

code_enum! {
    /// What a notification is about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Kind: "notification kind" {
        /// A follow-up from a conversation is due today or soon.
        FollowUpDue = "follow_up_due" => "Follow-up due",
        /// A follow-up's day has passed.
        FollowUpOverdue = "follow_up_overdue" => "Follow-up overdue",
        /// A career plan's review is due.
        PlanReviewDue = "plan_review_due" => "Plan review due",
        /// A proposal has waited past the organisation's answer period.
        AskAgain = "ask_again" => "Ask again",
        /// A sponsor answered my proposal.
        AnswerReceived = "answer_received" => "Answer received",
        /// Someone sent me a proposal to answer.
        ProposalReceived = "proposal_received" => "Proposal to answer",
        /// Someone expressed interest in my placement.
        InterestReceived = "interest_received" => "Interest in my placement",
        /// My interest in a placement was accepted or declined.
        InterestAnswered = "interest_answered" => "Interest answered",
        /// A placement's owner invited me to it.
        PlacementInvited = "placement_invited" => "Invitation to a placement",
        /// A colleague shared a placement with me.
        PlacementShared = "placement_shared" => "A placement shared with me",
    }
}

code_enum! {
    /// Where a kind of notification goes.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Channel: "notification channel" {
        /// In the product's notification list.
        Product = "product" => "In the product",
        /// By e-mail (and in the product).
        Email = "email" => "By e-mail",
        /// In the weekly digest (and in the product).
        Digest = "digest" => "In the weekly digest",
        /// Not at all.
        Off = "off" => "Off",
    }
}

code_enum! {
    /// What a notification leads to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum LinkKind: "notification link" {
        /// A conversation (its follow-ups).
        Conversation = "conversation" => "Conversation",
        /// A career plan.
        Plan = "plan" => "Plan",
        /// A proposal.
        Proposal = "proposal" => "Proposal",
        /// A placement.
        Placement = "placement" => "Placement",
    }
}

impl Kind {
    /// Where this kind goes when the person has not chosen: answers and things waiting for
    /// the person's own action reach them by e-mail once mail is set up; reminders they can
    /// see on their own pages go to the digest. Every kind also shows in the product unless off.
    pub const fn default_channel(self) -> Channel {
        match self {
            Kind::AnswerReceived
            | Kind::ProposalReceived
            | Kind::InterestReceived
            | Kind::InterestAnswered
            | Kind::PlacementInvited => Channel::Email,
            Kind::FollowUpOverdue | Kind::AskAgain | Kind::PlacementShared => Channel::Product,
            Kind::FollowUpDue | Kind::PlanReviewDue => Channel::Digest,
        }
    }

    /// What the kind leads to.
    pub const fn link_kind(self) -> LinkKind {
        match self {
            Kind::FollowUpDue | Kind::FollowUpOverdue => LinkKind::Conversation,
            Kind::PlanReviewDue => LinkKind::Plan,
            Kind::AskAgain | Kind::AnswerReceived | Kind::ProposalReceived => LinkKind::Proposal,
            Kind::InterestReceived
            | Kind::InterestAnswered
            | Kind::PlacementInvited
            | Kind::PlacementShared => LinkKind::Placement,
        }
    }
}

impl Channel {
    /// Whether a notification of this channel is shown in the product (every channel but off).
    pub const fn in_product(self) -> bool {
        !matches!(self, Channel::Off)
    }
}

/// The channel a person's choice gives: their choice, or the kind's default.
pub fn channel_for(kind: Kind, chosen: Option<Channel>) -> Channel {
    chosen.unwrap_or(kind.default_channel())
}

/// The dedupe key of a notification: kind, the thing (by id) and the day, so at most one is
/// created per person, kind and thing per day however often the scan runs.
pub fn dedupe_key(kind: Kind, thing: &str, day: Date) -> String {
    format!("{}:{}:{day}", kind.code(), thing.trim())
}

/// The dedupe key of a notification about an event that happens once (an answer, a
/// decision): kind, thing and the event's own instant, so a later answer to the same thing
/// (after asking again) is a new notification but re-scanning the same answer is not.
pub fn event_key(kind: Kind, thing: &str, at_unix: i64) -> String {
    format!("{}:{}:@{at_unix}", kind.code(), thing.trim())
}

/// A follow-up's notification kind on `today`: due (today or within `soon_days`), overdue
/// (its day passed), or none (later, or already done).
pub fn follow_up_kind(due_on: Date, done: bool, today: Date, soon_days: i64) -> Option<Kind> {
    if done {
        return None;
    }
    if due_on < today {
        Some(Kind::FollowUpOverdue)
    } else if (due_on - today).whole_days() <= soon_days {
        Some(Kind::FollowUpDue)
    } else {
        None
    }
}

/// Whether a plan's review should be notified on `today`: its due day has come.
pub fn plan_review_notify(next_review_due: Date, today: Date) -> bool {
    next_review_due <= today
}

/// Whether an event at `at` is recent enough for a scan on `today` to notify it (so a first
/// scan over old data does not flood anyone): within `window_days`.
pub fn recent(at: Date, today: Date, window_days: i64) -> bool {
    at <= today && (today - at).whole_days() <= window_days
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 03 - 10);

    #[rstest]
    #[case(date!(2026 - 03 - 09), false, Some(Kind::FollowUpOverdue))]
    #[case(date!(2026 - 03 - 10), false, Some(Kind::FollowUpDue))]
    #[case(date!(2026 - 03 - 11), false, Some(Kind::FollowUpDue))]
    #[case(date!(2026 - 03 - 12), false, None)]
    #[case(date!(2026 - 03 - 01), true, None)]
    fn follow_ups(#[case] due: Date, #[case] done: bool, #[case] want: Option<Kind>) {
        assert_eq!(follow_up_kind(due, done, TODAY, 1), want);
    }

    #[rstest]
    #[case(date!(2026 - 03 - 10), true)]
    #[case(date!(2026 - 02 - 01), true)]
    #[case(date!(2026 - 03 - 11), false)]
    fn plan_reviews(#[case] due: Date, #[case] want: bool) {
        assert_eq!(plan_review_notify(due, TODAY), want);
    }

    #[rstest]
    #[case(date!(2026 - 03 - 10), true)]
    #[case(date!(2026 - 03 - 03), true)]
    #[case(date!(2026 - 03 - 02), false)]
    #[case(date!(2026 - 03 - 11), false)]
    fn recent_events(#[case] at: Date, #[case] want: bool) {
        assert_eq!(recent(at, TODAY, 7), want);
    }

    #[test]
    fn dedupe_keys_are_per_kind_thing_and_day() {
        let a = dedupe_key(Kind::FollowUpDue, "f1", TODAY);
        assert_eq!(a, "follow_up_due:f1:2026-03-10");
        assert_eq!(a, dedupe_key(Kind::FollowUpDue, " f1 ", TODAY));
        assert_ne!(a, dedupe_key(Kind::FollowUpOverdue, "f1", TODAY));
        assert_ne!(a, dedupe_key(Kind::FollowUpDue, "f2", TODAY));
        assert_ne!(
            a,
            dedupe_key(Kind::FollowUpDue, "f1", date!(2026 - 03 - 11))
        );
        assert_eq!(
            event_key(Kind::AnswerReceived, "p", 5),
            "answer_received:p:@5"
        );
        assert_ne!(
            event_key(Kind::AnswerReceived, "p", 5),
            event_key(Kind::AnswerReceived, "p", 6)
        );
    }

    #[test]
    fn choice_wins_over_default_and_off_is_not_shown() {
        assert_eq!(channel_for(Kind::AskAgain, None), Channel::Product);
        assert_eq!(channel_for(Kind::AnswerReceived, None), Channel::Email);
        assert_eq!(
            channel_for(Kind::AskAgain, Some(Channel::Off)),
            Channel::Off
        );
        assert!(!Channel::Off.in_product());
        assert!(Channel::ALL.iter().filter(|c| c.in_product()).count() == 3);
        for k in Kind::ALL {
            assert!(k.default_channel().in_product(), "{k} is on by default");
        }
    }

    #[test]
    fn kinds_lead_to_their_things() {
        assert_eq!(Kind::FollowUpOverdue.link_kind(), LinkKind::Conversation);
        assert_eq!(Kind::PlanReviewDue.link_kind(), LinkKind::Plan);
        assert_eq!(Kind::AskAgain.link_kind(), LinkKind::Proposal);
        assert_eq!(Kind::InterestAnswered.link_kind(), LinkKind::Placement);
    }
}
