//! Internal customers and discovery conversations: relationships, kinds, and when contact is due.

use crate::codes::code_enum;
use serde::{Deserialize, Serialize};
use time::Date;

code_enum! {
    /// How an internal customer relates to the owner of the map.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Relationship: "customer relationship" {
        /// My manager.
        Manager = "manager" => "Manager",
        /// A colleague at my level.
        Peer = "peer" => "Peer",
        /// Someone with a stake in my work.
        Stakeholder = "stakeholder" => "Stakeholder",
        /// Someone who backs my ideas with their authority.
        Sponsor = "sponsor" => "Sponsor",
        /// Someone who advises me.
        Mentor = "mentor" => "Mentor",
        /// A strategic partner: we help each other reach our goals.
        Partner = "partner" => "Strategic partner",
    }
}

code_enum! {
    /// What a conversation was for (discovery unless said otherwise).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum ConversationKind: "conversation kind" {
        /// Finding out what an internal customer is trying to achieve.
        #[default]
        Discovery = "discovery" => "Discovery",
        /// A career conversation with my manager.
        Career = "career" => "Career conversation with my manager",
        /// Following up an earlier conversation.
        FollowUp = "follow_up" => "Follow-up",
    }
}

/// Relationship strength labels, 1–5.
pub const STRENGTHS: [&str; 5] = [
    "Just met",
    "Acquainted",
    "Working relationship",
    "Trusted",
    "Close ally",
];

/// Check a relationship strength from a form or the API.
pub fn check_strength(raw: &str) -> Result<i32, String> {
    match raw.trim().parse::<i32>() {
        Ok(n) if (1..=5).contains(&n) => Ok(n),
        Ok(_) => Err("must be between 1 and 5".into()),
        Err(_) if raw.trim().is_empty() => Err("is required".into()),
        Err(_) => Err("must be a whole number from 1 to 5".into()),
    }
}

/// The label of a strength, e.g. "Trusted".
pub fn strength_label(n: i32) -> &'static str {
    usize::try_from(n)
        .ok()
        .and_then(|n| STRENGTHS.get(n.wrapping_sub(1)))
        .copied()
        .unwrap_or("Unknown")
}

/// Days ahead within which a contact or follow-up counts as due soon.
pub const DUE_SOON_DAYS: i64 = 7;

code_enum! {
    /// Whether a next contact or follow-up is late, near, later, or not planned (the code is
    /// also the CSS class).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Due: "due state" {
        /// The date has passed.
        Overdue = "overdue" => "Overdue",
        /// Today or within [`DUE_SOON_DAYS`].
        Soon = "soon" => "Due soon",
        /// Further ahead.
        Later = "later" => "Planned",
        /// No date set.
        Unplanned = "unplanned" => "No date set",
    }
}

impl Due {
    /// When something dated `on` is due, seen from `today`.
    pub fn of(on: Option<Date>, today: Date) -> Due {
        match on {
            None => Due::Unplanned,
            Some(d) if d < today => Due::Overdue,
            Some(d) if (d - today).whole_days() <= DUE_SOON_DAYS => Due::Soon,
            Some(_) => Due::Later,
        }
    }
}

/// A phrase for a date relative to today: "today", "in 3 days", "5 days ago".
pub fn relative_day(on: Date, today: Date) -> String {
    let d = (on - today).whole_days();
    match d {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// Check that a next-contact date is not before the last contact.
pub fn check_contact_dates(last: Option<Date>, next: Option<Date>) -> Result<(), &'static str> {
    match (last, next) {
        (Some(l), Some(n)) if n < l => Err("must not be before the last contact"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use time::macros::date;

    #[rstest]
    #[case(None, Due::Unplanned)]
    #[case(Some(date!(2025 - 03 - 09)), Due::Overdue)]
    #[case(Some(date!(2025 - 03 - 10)), Due::Soon)]
    #[case(Some(date!(2025 - 03 - 17)), Due::Soon)]
    #[case(Some(date!(2025 - 03 - 18)), Due::Later)]
    fn due(#[case] on: Option<Date>, #[case] want: Due) {
        assert_eq!(Due::of(on, date!(2025 - 03 - 10)), want);
    }

    #[rstest]
    #[case("3", Ok(3))]
    #[case("0", Err("must be between 1 and 5"))]
    #[case("", Err("is required"))]
    #[case("strong", Err("must be a whole number from 1 to 5"))]
    fn strengths(#[case] raw: &str, #[case] want: Result<i32, &str>) {
        assert_eq!(check_strength(raw), want.map_err(str::to_string));
    }

    #[test]
    fn codes_round_trip() {
        for r in Relationship::ALL {
            assert_eq!(Relationship::from_code(r.code()), Some(r));
        }
        for k in ConversationKind::ALL {
            assert_eq!(ConversationKind::from_code(k.code()), Some(k));
        }
        assert_eq!(Relationship::from_code("boss"), None);
        assert_eq!(strength_label(4), "Trusted");
        assert_eq!(strength_label(0), "Unknown");
    }

    #[test]
    fn relative_days_and_date_order() {
        let today = date!(2025 - 03 - 10);
        assert_eq!(relative_day(today, today), "today");
        assert_eq!(relative_day(date!(2025 - 03 - 13), today), "in 3 days");
        assert_eq!(relative_day(date!(2025 - 03 - 05), today), "5 days ago");
        assert!(check_contact_dates(Some(today), Some(date!(2025 - 03 - 01))).is_err());
        assert!(check_contact_dates(Some(today), Some(today)).is_ok());
        assert!(check_contact_dates(None, Some(today)).is_ok());
    }
}
