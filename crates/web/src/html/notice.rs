//! The one-line notices shown after a redirect: one enum, one table of codes and sentences.
//!
//! A handler redirects with `Notice::PlanSaved.redirect("/plans/1")`; the page reads
//! `?notice=plan_saved` back into the enum. An unknown code shows nothing, so a link can
//! never put text of its own on a page.

use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Deserializer};

macro_rules! notices {
    ($($variant:ident => $code:literal, $text:literal;)+) => {
        /// A notice shown once after a redirect.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Notice {
            $(#[doc = $text] $variant,)+
        }

        impl Notice {
            /// Every notice, in table order.
            #[cfg(test)]
            pub const ALL: &[Notice] = &[$(Notice::$variant,)+];

            /// The code in `?notice=`.
            pub fn code(self) -> &'static str {
                match self { $(Notice::$variant => $code,)+ }
            }

            /// The sentence shown on the page.
            pub fn text(self) -> &'static str {
                match self { $(Notice::$variant => $text,)+ }
            }

            /// The notice for a code, or None for an unknown one.
            pub fn from_code(code: &str) -> Option<Notice> {
                match code { $($code => Some(Notice::$variant),)+ _ => None }
            }
        }
    };
}

notices! {
    SignedOut => "signed_out", "You are signed out.";
    PasswordChanged => "password_changed", "Your password is changed. Other sessions were signed out.";
    TokenRevoked => "token_revoked", "The token is revoked.";
    RolesSaved => "roles_saved", "Access roles saved.";
    RoleCreated => "role_created", "Role added to the catalogue.";
    SkillCreated => "skill_created", "Skill added to the taxonomy.";
    CuratedSaved => "curated_saved", "Curated move saved. The career map shows it now.";
    CuratedRemoved => "curated_removed", "Curated move removed. The career map is back to its own suggestion.";
    Welcome => "welcome", "Welcome! Your password is set.";
    DirectionSaved => "direction_saved", "Direction saved.";
    OpportunitySaved => "opportunity_saved", "Opportunity saved.";
    OpportunityMoved => "opportunity_moved", "Opportunity moved.";
    OpportunityDeleted => "opportunity_deleted", "Opportunity deleted.";
    ProposalSent => "proposal_sent", "Proposal sent. Your sponsor sees it in their inbox.";
    ProposalAnswered => "proposal_answered", "Answer sent.";
    AskedAgain => "asked_again", "Asked again. The ask is recorded.";
    ProposalWithdrawn => "proposal_withdrawn", "Proposal withdrawn.";
    PilotStarted => "pilot_started", "Pilot started.";
    PlacementSaved => "placement_saved", "Placement saved.";
    PersonErased => "person_erased", "Erased. Their personal data is gone; an audit entry records the erasure with counts only.";
    ExportRequested => "export_requested", "Your data is being gathered. This page shows when it is ready to download.";
    AskRecorded => "ask_recorded", "Ask recorded. Go and ask; then write down the answer here.";
    AskAnswered => "ask_answered", "Answer recorded.";
    AskRepeated => "ask_repeated", "Asked again. The reminder starts over.";
    AskWithdrawn => "ask_withdrawn", "Ask withdrawn.";
    PlacementDeleted => "placement_deleted", "Placement deleted.";
    InterestSent => "interest_sent", "Interest sent. The owner sees your note and answers here.";
    InterestAnswered => "interest_answered", "Answer sent. They see it on their My placements page.";
    InterestWithdrawn => "interest_withdrawn", "Interest withdrawn.";
    InterestSaved => "interest_saved", "Saved. Your manager sees it only if you have not kept it from them.";
    PlacementShared => "placement_shared", "Shared. Your colleague sees it in their notifications.";
    InviteSent => "invite_sent", "Invitation sent.";
    NotForMeSaved => "not_for_me_saved", "Noted. Your picks are updated.";
    RevealedAdopted => "revealed_adopted", "Your compass now uses the order your choices revealed. The change is in its history.";
    MarketProfileSaved => "market_profile_saved", "Marketplace profile saved.";
    AddedToPlan => "added_to_plan", "Added to your plan as something to grow through.";
    AlreadyInPlan => "already_in_plan", "That plan already has it; nothing changed.";
    CheckinSaved => "checkin_saved", "Check-in saved.";
    PilotEnded => "pilot_ended", "Pilot ended.";
    SettingsSaved => "settings_saved", "Settings saved.";
    CompassSaved => "compass_saved", "Saved.";
    CompassShared => "compass_shared", "Sharing saved. Each part is visible only to the people you chose.";
    CustomerAdded => "customer_added", "Customer added to your map.";
    CustomerSaved => "customer_saved", "Customer saved.";
    CustomerDeleted => "customer_deleted", "Customer removed from your map. Your conversations are kept.";
    ConversationSaved => "conversation_saved", "Conversation saved.";
    ConversationDeleted => "conversation_deleted", "Conversation deleted.";
    FollowUpDone => "follow_up_done", "Follow-up updated.";
    PlanSaved => "plan_saved", "Plan saved.";
    PlanShared => "plan_shared", "Shared with your manager. They can read the plan and log reviews.";
    PlanPrivate => "plan_private", "The plan is private again.";
    PlanDeleted => "plan_deleted", "Plan deleted.";
    ReviewSaved => "review_saved", "Review logged.";
    JobRetried => "job_retried", "The job is queued again with a fresh set of attempts.";
    NotificationsRead => "notifications_read", "All notifications marked read.";
    NotificationChoicesSaved => "notification_choices_saved", "Notification choices saved.";
}

impl Notice {
    /// `path` with this notice in its query (before any `#fragment`).
    pub fn url(self, path: &str) -> String {
        let (path, fragment) = match path.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (path, None),
        };
        let sep = if path.contains('?') { '&' } else { '?' };
        let mut url = format!("{path}{sep}notice={}", self.code());
        if let Some(f) = fragment {
            url.push('#');
            url.push_str(f);
        }
        url
    }

    /// A 303 redirect to `path` showing this notice.
    pub fn redirect(self, path: &str) -> Response {
        Redirect::to(&self.url(path)).into_response()
    }
}

/// Read `?notice=` into a [`Notice`]; an unknown or malformed code is None, never an error.
pub fn from_query<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Notice>, D::Error> {
    let raw = Option::<String>::deserialize(d)?;
    Ok(raw.as_deref().and_then(Notice::from_code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for n in Notice::ALL {
            assert_eq!(Notice::from_code(n.code()), Some(*n));
            assert!(!n.text().is_empty());
        }
        let mut codes: Vec<&str> = Notice::ALL.iter().map(|n| n.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Notice::ALL.len());
        assert_eq!(Notice::from_code("<script>"), None);
    }

    #[test]
    fn the_notice_goes_before_the_fragment() {
        assert_eq!(
            Notice::CompassSaved.url("/compass#values"),
            "/compass?notice=compass_saved#values"
        );
        assert_eq!(
            Notice::PlanSaved.url("/plans/1"),
            "/plans/1?notice=plan_saved"
        );
        assert_eq!(
            Notice::FollowUpDone.url("/customers?tab=2"),
            "/customers?tab=2&notice=follow_up_done"
        );
    }
}
