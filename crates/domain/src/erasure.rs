//! Erasing a person: what happens to each kind of record they have (deleted, anonymised or
//! kept as an aggregate without identity), and the typed confirmation. Pure: the counts come
//! from the store, the plan from here, so the confirmation page names exactly what the erase
//! transaction then does.

use serde::Serialize;

/// The name an erased person's record carries afterwards.
pub const ERASED_NAME: &str = "Erased person";

/// How many records of each kind a person has, as counted before an erasure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RecordCounts {
    /// Compass entries: factors, values, skills, target roles, sharing choices.
    pub compass_entries: i64,
    /// Compass history (changes over time).
    pub compass_changes: i64,
    /// Customers they keep.
    pub customers: i64,
    /// Conversations, with their questions.
    pub conversations: i64,
    /// Follow-ups from conversations.
    pub follow_ups: i64,
    /// Needs heard in conversations.
    pub needs: i64,
    /// Leadership opportunities they own.
    pub opportunities: i64,
    /// Proposals they sent.
    pub proposals: i64,
    /// Pilots they ran.
    pub pilots: i64,
    /// Career plans (with items, milestones and reviews).
    pub plans: i64,
    /// Notes they wrote on other people's records (plan reviews, pilot check-ins).
    pub notes_on_others: i64,
    /// Answers they gave as a sponsor (the reason text is removed, the answer kept).
    pub answers_given: i64,
    /// Placements they posted (kept open to others, description removed).
    pub placements_posted: i64,
    /// Their placement interests, "not for me" choices and placement profile.
    pub placement_records: i64,
    /// Window-shopping reactions.
    pub reactions: i64,
    /// Notifications and notification preferences.
    pub notifications: i64,
    /// Data exports they asked for.
    pub exports: i64,
    /// Sessions (signed-in browsers).
    pub sessions: i64,
    /// API tokens.
    pub api_tokens: i64,
    /// Role history entries (kept: moves between roles, without identity).
    pub role_history: i64,
    /// Audit entries about them or by them (kept, without personal detail).
    pub audit_entries: i64,
}

/// What an erasure does to one kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    /// Removed for good.
    Deleted,
    /// Kept, with the personal parts removed.
    Anonymised,
    /// Kept as a count or a move in the career graph, with no identity attached.
    KeptWithoutIdentity,
    /// Signed out or revoked.
    Revoked,
}

impl Fate {
    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            Fate::Deleted => "Deleted",
            Fate::Anonymised => "Anonymised",
            Fate::KeptWithoutIdentity => "Kept without identity",
            Fate::Revoked => "Revoked",
        }
    }
}

/// One line of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanLine {
    /// A stable key, e.g. `customers`.
    pub key: &'static str,
    /// What the records are, for people.
    pub label: &'static str,
    /// How many.
    pub count: i64,
    /// What happens to them.
    pub fate: Fate,
}

/// The whole plan: the profile line first, then every kind with at least one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErasurePlan {
    /// The lines.
    pub lines: Vec<PlanLine>,
}

impl ErasurePlan {
    /// Records removed for good.
    pub fn deleted(&self) -> i64 {
        self.total(Fate::Deleted)
    }

    /// Records of a fate.
    pub fn total(&self, fate: Fate) -> i64 {
        self.lines
            .iter()
            .filter(|l| l.fate == fate)
            .map(|l| l.count)
            .sum()
    }

    /// The line for `key`, if it is in the plan.
    pub fn line(&self, key: &str) -> Option<&PlanLine> {
        self.lines.iter().find(|l| l.key == key)
    }

    /// A summary without personal data, for the audit entry.
    pub fn summary(&self) -> String {
        self.lines
            .iter()
            .map(|l| format!("{}={}", l.key, l.count))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Plan the erasure of a person with these records.
pub fn plan(c: &RecordCounts) -> ErasurePlan {
    use Fate::*;
    let rows: [(&'static str, &'static str, i64, Fate); 21] = [
        ("compass", "Compass entries", c.compass_entries, Deleted),
        (
            "compass_history",
            "Compass history",
            c.compass_changes,
            Deleted,
        ),
        ("customers", "Customers", c.customers, Deleted),
        ("conversations", "Conversations", c.conversations, Deleted),
        ("follow_ups", "Follow-ups", c.follow_ups, Deleted),
        ("needs", "Needs", c.needs, Deleted),
        (
            "opportunities",
            "Leadership opportunities",
            c.opportunities,
            Deleted,
        ),
        ("proposals", "Proposals sent", c.proposals, Deleted),
        ("pilots", "Pilots", c.pilots, Deleted),
        ("plans", "Career plans", c.plans, Deleted),
        (
            "notes_on_others",
            "Notes on other people's plans and pilots",
            c.notes_on_others,
            Deleted,
        ),
        (
            "answers_given",
            "Answers given as a sponsor (reason removed)",
            c.answers_given,
            Anonymised,
        ),
        (
            "placements_posted",
            "Placements posted (description removed)",
            c.placements_posted,
            Anonymised,
        ),
        (
            "placement_records",
            "Placement interests and profile",
            c.placement_records,
            Deleted,
        ),
        (
            "reactions",
            "Window-shopping reactions",
            c.reactions,
            Deleted,
        ),
        (
            "notifications",
            "Notifications and preferences",
            c.notifications,
            Deleted,
        ),
        ("exports", "Data exports", c.exports, Deleted),
        ("sessions", "Signed-in sessions", c.sessions, Revoked),
        ("api_tokens", "API tokens", c.api_tokens, Revoked),
        (
            "role_history",
            "Role history (moves kept for the career graph)",
            c.role_history,
            KeptWithoutIdentity,
        ),
        (
            "audit_entries",
            "Audit entries (kept, personal detail removed)",
            c.audit_entries,
            Anonymised,
        ),
    ];
    let mut lines = vec![PlanLine {
        key: "profile",
        label: "Profile: name, e-mail, employee id, title, location, password",
        count: 1,
        fate: Anonymised,
    }];
    lines.extend(rows.into_iter().filter(|(_, _, n, _)| *n > 0).map(
        |(key, label, count, fate)| PlanLine {
            key,
            label,
            count,
            fate,
        },
    ));
    ErasurePlan { lines }
}

/// Whether what the admin typed confirms erasing the person called `name`: the same name,
/// ignoring case and extra spaces. An empty name never confirms.
pub fn confirms(typed: &str, name: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let want = norm(name);
    !want.is_empty() && norm(typed) == want
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_history_plans_only_the_profile() {
        let p = plan(&RecordCounts::default());
        assert_eq!(p.lines.len(), 1);
        assert_eq!(p.lines[0].key, "profile");
        assert_eq!(p.lines[0].fate, Fate::Anonymised);
        assert_eq!(p.deleted(), 0);
    }

    #[test]
    fn private_records_are_deleted_and_aggregates_kept() {
        let c = RecordCounts {
            compass_entries: 4,
            customers: 3,
            conversations: 2,
            plans: 1,
            role_history: 5,
            sessions: 2,
            api_tokens: 1,
            audit_entries: 7,
            placements_posted: 1,
            ..Default::default()
        };
        let p = plan(&c);
        assert_eq!(
            p.line("customers").map(|l| (l.count, l.fate)),
            Some((3, Fate::Deleted))
        );
        assert_eq!(
            p.line("role_history").map(|l| l.fate),
            Some(Fate::KeptWithoutIdentity)
        );
        assert_eq!(p.line("sessions").map(|l| l.fate), Some(Fate::Revoked));
        assert_eq!(
            p.line("placements_posted").map(|l| l.fate),
            Some(Fate::Anonymised)
        );
        assert_eq!(p.deleted(), 4 + 3 + 2 + 1);
        assert_eq!(p.total(Fate::Revoked), 3);
        assert!(
            p.line("needs").is_none(),
            "kinds with no records are left out"
        );
    }

    #[test]
    fn the_summary_has_counts_and_no_names() {
        let p = plan(&RecordCounts {
            customers: 2,
            ..Default::default()
        });
        assert_eq!(p.summary(), "profile=1 customers=2");
    }

    #[test]
    fn the_confirmation_must_be_the_name() {
        assert!(confirms("Eve  Example", "Eve Example"));
        assert!(confirms(" eve example ", "Eve Example"));
        assert!(!confirms("Eve", "Eve Example"));
        assert!(!confirms("", "Eve Example"));
        assert!(!confirms("", ""));
        assert!(!confirms("   ", "  "));
    }
}
