//! The API's records for the placement marketplace: interests, recommendations, candidates,
//! the manager's view of a team's interests and each person's marketplace profile, built from
//! what core answers.

use super::ToRecord;
use super::people::PersonCard;
use ladderless_domain::coach::{PitchLabel, PitchVerdict};
use ladderless_domain::compass::Section;
use ladderless_domain::ids::{InterestId, PlacementId};
use ladderless_domain::placement::{InterestStatus, PlacementKind, PlacementStatus, WorkMode};
use ladderless_store::Uuid;
use serde::Serialize;
use time::{Date, OffsetDateTime};

/// A placement as a list shows it (its skills and directions are on `/placements/{id}`).
#[derive(Debug, Clone, Serialize)]
pub struct PlacementSummary {
    /// Id.
    pub id: PlacementId,
    /// Who posted it and answers interest.
    pub owner_id: Uuid,
    /// Type.
    pub kind: PlacementKind,
    /// Where it stands.
    pub status: PlacementStatus,
    /// Title.
    pub title: String,
    /// Hours a week.
    pub hours_per_week: i32,
    /// Duration in weeks.
    pub duration_weeks: i32,
    /// Location.
    pub location: String,
    /// On site, hybrid or remote.
    pub work_mode: WorkMode,
    /// Places.
    pub places: i32,
    /// Closing date, if any.
    #[serde(with = "ladderless_domain::plan::iso_date::option")]
    pub closes_on: Option<Date>,
}

impl From<&ladderless_store::placements::Placement> for PlacementSummary {
    fn from(p: &ladderless_store::placements::Placement) -> PlacementSummary {
        PlacementSummary {
            id: p.id,
            owner_id: p.owner_id,
            kind: p.kind,
            status: p.status,
            title: p.title.clone(),
            hours_per_week: p.hours_per_week,
            duration_weeks: p.duration_weeks,
            location: p.location.clone(),
            work_mode: p.work_mode,
            places: p.places,
            closes_on: p.closes_on,
        }
    }
}

impl ToRecord for ladderless_store::placements::Placement {
    type Record = PlacementSummary;
    fn record(&self) -> PlacementSummary {
        PlacementSummary::from(self)
    }
}

/// One reason behind a match, with the points it adds (or takes away).
#[derive(Debug, Clone, Serialize)]
pub struct PlacementReason {
    /// The reason in plain words.
    pub text: String,
    /// Its points; the points of all reasons sum to the score.
    pub points: i32,
}

fn reasons(list: &[(String, i32)]) -> Vec<PlacementReason> {
    list.iter()
        .map(|(text, points)| PlacementReason {
            text: text.clone(),
            points: *points,
        })
        .collect()
}

/// A placement picked for the caller, with why.
#[derive(Debug, Clone, Serialize)]
pub struct PlacementRecommendation {
    /// The placement.
    pub placement: PlacementSummary,
    /// Its score (the sum of the reasons' points).
    pub score: i32,
    /// Each reason with its points.
    pub reasons: Vec<PlacementReason>,
}

impl From<&ladderless_core::placements::Recommended> for PlacementRecommendation {
    fn from(r: &ladderless_core::placements::Recommended) -> PlacementRecommendation {
        PlacementRecommendation {
            placement: (&r.placement).into(),
            score: r.score,
            reasons: reasons(&r.reasons),
        }
    }
}

impl ToRecord for ladderless_core::placements::Recommended {
    type Record = PlacementRecommendation;
    fn record(&self) -> PlacementRecommendation {
        PlacementRecommendation::from(self)
    }
}

/// An expression of interest in a placement (or an invitation to one).
#[derive(Debug, Clone, Serialize)]
pub struct PlacementInterest {
    /// Id.
    pub id: InterestId,
    /// The placement.
    pub placement_id: PlacementId,
    /// Who is interested (or invited).
    pub person_id: Uuid,
    /// Their note (for an invitation: the owner's).
    pub note: String,
    /// Where it stands.
    pub status: InterestStatus,
    /// The owner's reason when declining (or their words when accepting).
    pub reason: String,
    /// Kept from the person's manager.
    pub confidential: bool,
    /// When the owner answered.
    #[serde(with = "time::serde::rfc3339::option")]
    pub decided_at: Option<OffsetDateTime>,
    /// When it was sent.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_store::placements::Interest> for PlacementInterest {
    fn from(i: &ladderless_store::placements::Interest) -> PlacementInterest {
        PlacementInterest {
            id: i.id,
            placement_id: i.placement_id,
            person_id: i.person_id,
            note: i.note.clone(),
            status: i.status,
            reason: i.reason.clone(),
            confidential: i.confidential,
            decided_at: i.decided_at,
            created_at: i.created_at,
        }
    }
}

impl ToRecord for ladderless_store::placements::Interest {
    type Record = PlacementInterest;
    fn record(&self) -> PlacementInterest {
        PlacementInterest::from(self)
    }
}

/// How the pitch coach reads a note: whom it is about.
#[derive(Debug, Clone, Serialize)]
pub struct NoteCoach {
    /// Customer, self, balanced or empty.
    pub label: PitchLabel,
    /// Share of the note about me (0..=1).
    pub self_share: f32,
    /// Share about the customer or the business (0..=1).
    pub customer_share: f32,
}

impl From<&PitchVerdict> for NoteCoach {
    fn from(v: &PitchVerdict) -> NoteCoach {
        NoteCoach {
            label: v.label,
            self_share: v.self_share,
            customer_share: v.customer_share,
        }
    }
}

/// One of the caller's interests or invitations, with its placement and the coach's reading.
#[derive(Debug, Clone, Serialize)]
pub struct MyPlacementInterest {
    /// The interest: status, the owner's reason, confidential or not.
    pub interest: PlacementInterest,
    /// The placement.
    pub placement: PlacementSummary,
    /// How the pitch coach reads the note.
    pub coach: NoteCoach,
}

impl From<&ladderless_core::placement_interests::MyInterest> for MyPlacementInterest {
    fn from(m: &ladderless_core::placement_interests::MyInterest) -> MyPlacementInterest {
        MyPlacementInterest {
            interest: (&m.interest).into(),
            placement: (&m.placement).into(),
            coach: (&m.verdict).into(),
        }
    }
}

impl ToRecord for ladderless_core::placement_interests::MyInterest {
    type Record = MyPlacementInterest;
    fn record(&self) -> MyPlacementInterest {
        MyPlacementInterest::from(self)
    }
}

/// One of the caller's own placements with how many people wait for an answer.
#[derive(Debug, Clone, Serialize)]
pub struct PostedPlacement {
    /// The placement.
    pub placement: PlacementSummary,
    /// Interests waiting for the owner's answer.
    pub waiting: usize,
}

impl ToRecord for (ladderless_store::placements::Placement, usize) {
    type Record = PostedPlacement;
    fn record(&self) -> PostedPlacement {
        PostedPlacement {
            placement: (&self.0).into(),
            waiting: self.1,
        }
    }
}

/// The caller's side of the marketplace.
#[derive(Debug, Clone, Serialize)]
pub struct MyPlacements {
    /// What the caller posted, with waiting counts.
    pub posted: Vec<PostedPlacement>,
    /// The caller's interests, newest first.
    pub interests: Vec<MyPlacementInterest>,
    /// Placements the caller is invited to (answer with POST /placements/{id}/interests).
    pub invitations: Vec<MyPlacementInterest>,
}

/// Someone interested in (or invited to) a placement, as its owner sees them.
#[derive(Debug, Clone, Serialize)]
pub struct InterestedPerson {
    /// The interest.
    pub interest: PlacementInterest,
    /// Who.
    pub person: PersonCard,
    /// Their match, from what they share with the owner.
    pub score: i32,
    /// The reasons, in the owner's words.
    pub reasons: Vec<PlacementReason>,
    /// The compass sections they share with the owner.
    pub shared: Vec<Section>,
}

impl From<&ladderless_core::placement_interests::InterestedPerson> for InterestedPerson {
    fn from(r: &ladderless_core::placement_interests::InterestedPerson) -> InterestedPerson {
        InterestedPerson {
            interest: (&r.interest).into(),
            person: (&r.person).into(),
            score: r.score,
            reasons: reasons(&r.reasons),
            shared: r.shared.clone(),
        }
    }
}

impl ToRecord for ladderless_core::placement_interests::InterestedPerson {
    type Record = InterestedPerson;
    fn record(&self) -> InterestedPerson {
        InterestedPerson::from(self)
    }
}

/// A discoverable person who would fit a placement.
#[derive(Debug, Clone, Serialize)]
pub struct PlacementCandidate {
    /// Who.
    pub person: PersonCard,
    /// Their match, from what they share with the owner.
    pub score: i32,
    /// The reasons, in the owner's words.
    pub reasons: Vec<PlacementReason>,
}

impl From<&ladderless_core::placement_interests::Candidate> for PlacementCandidate {
    fn from(r: &ladderless_core::placement_interests::Candidate) -> PlacementCandidate {
        PlacementCandidate {
            person: (&r.person).into(),
            score: r.score,
            reasons: reasons(&r.reasons),
        }
    }
}

impl ToRecord for ladderless_core::placement_interests::Candidate {
    type Record = PlacementCandidate;
    fn record(&self) -> PlacementCandidate {
        PlacementCandidate::from(self)
    }
}

/// A report's interest as their manager is told of it: who, which placement, where it stands
/// (the note and the owner's reason stay between the person and the owner).
#[derive(Debug, Clone, Serialize)]
pub struct TeamPlacementInterest {
    /// Who.
    pub person: PersonCard,
    /// The placement.
    pub placement: PlacementSummary,
    /// The interest.
    pub interest_id: InterestId,
    /// Where it stands.
    pub status: InterestStatus,
    /// When it was sent.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&ladderless_core::placement_interests::TeamInterest> for TeamPlacementInterest {
    fn from(t: &ladderless_core::placement_interests::TeamInterest) -> TeamPlacementInterest {
        TeamPlacementInterest {
            person: (&t.person).into(),
            placement: (&t.placement).into(),
            interest_id: t.interest.id,
            status: t.interest.status,
            created_at: t.interest.created_at,
        }
    }
}

impl ToRecord for ladderless_core::placement_interests::TeamInterest {
    type Record = TeamPlacementInterest;
    fn record(&self) -> TeamPlacementInterest {
        TeamPlacementInterest::from(self)
    }
}

/// The caller's marketplace profile.
#[derive(Debug, Clone, Serialize)]
pub struct PlacementProfile {
    /// Owners of placements may find the caller as a candidate (off unless turned on).
    pub discoverable: bool,
    /// Hours a week the caller could give (null: not said).
    pub hours_available: Option<i32>,
}

impl From<&ladderless_store::placements::Profile> for PlacementProfile {
    fn from(p: &ladderless_store::placements::Profile) -> PlacementProfile {
        PlacementProfile {
            discoverable: p.discoverable,
            hours_available: p.hours_available,
        }
    }
}

impl ToRecord for ladderless_store::placements::Profile {
    type Record = PlacementProfile;
    fn record(&self) -> PlacementProfile {
        PlacementProfile::from(self)
    }
}
