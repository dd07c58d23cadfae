//! Id newtypes, one per aggregate, so two ids of different things cannot be swapped.
//!
//! Each wraps a UUIDv7 (time-ordered), reads and writes as the plain UUID in JSON and text,
//! and (feature `sqlx`) binds and decodes as a UUID on SQLite and PostgreSQL.

use uuid::Uuid;

/// Declare id newtypes over [`Uuid`].
macro_rules! ids {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(Uuid);

        impl $name {
            /// A new time-ordered id.
            pub fn new() -> $name {
                $name(Uuid::now_v7())
            }

            /// An id wrapping a UUID read from elsewhere (a path, a file, another row).
            pub const fn from_uuid(id: Uuid) -> $name {
                $name(id)
            }

            /// The UUID inside.
            pub const fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> $name {
                $name::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> $name {
                $name(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<$name, uuid::Error> {
                Uuid::parse_str(s).map($name)
            }
        }
    )+};
}

ids! {
    /// A person.
    PersonId;
    /// A team.
    TeamId;
    /// A career plan.
    PlanId;
    /// A goal or growth item of a plan.
    PlanItemId;
    /// A milestone of a plan.
    MilestoneId;
    /// A review of a plan.
    ReviewId;
    /// A leadership opportunity.
    OpportunityId;
    /// A proposal to a sponsor.
    ProposalId;
    /// A pilot.
    PilotId;
    /// An internal customer.
    CustomerId;
    /// A conversation.
    ConversationId;
    /// A need heard in a conversation.
    NeedId;
    /// A follow-up of a conversation.
    FollowUpId;
    /// A strategic direction.
    DirectionId;
}

ids! {
    /// A placement the organisation posts (project, gig, secondment, …).
    PlacementId;
    /// An expression of interest in a placement.
    InterestId;
}

#[cfg(test)]
mod tests {
    use super::{PersonId, PlanId};
    use rstest::rstest;
    use uuid::Uuid;

    #[rstest]
    #[case::hyphenated("0192f0c1-7b4e-7cc0-a1d2-3e4f5a6b7c8d")]
    #[case::nil("00000000-0000-0000-0000-000000000000")]
    fn text_round_trip(#[case] text: &str) {
        let id: PersonId = text.parse().unwrap();
        assert_eq!(id.to_string(), text);
        assert_eq!(id.uuid(), Uuid::parse_str(text).unwrap());
    }

    #[rstest]
    #[case::garbage("not-a-uuid")]
    #[case::blank("")]
    #[case::short("0192f0c1-7b4e")]
    fn bad_text_is_refused(#[case] text: &str) {
        assert!(text.parse::<PlanId>().is_err());
    }

    #[test]
    fn json_is_the_bare_uuid() {
        let id = PlanId::new();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<PlanId>(&json).unwrap(), id);
    }

    #[test]
    fn new_ids_are_version_7_and_increase() {
        let a = PersonId::new();
        let b = PersonId::new();
        assert_eq!(a.uuid().get_version_num(), 7);
        assert_ne!(a, b);
    }
}
