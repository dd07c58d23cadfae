//! Leadership opportunities: the stage machine, the ask, "ask again" and sponsors' records.
//!
//! An opportunity moves spotted → exploring → proposed → piloting → an outcome (new role,
//! expanded role, parked, dropped). The rules are pure so every transition is tested here.

use crate::codes::code_enum;
use crate::compass::{Ranking, ordinal};
use serde::Serialize;
use time::{Duration, OffsetDateTime};

code_enum! {
    /// Where an opportunity stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Stage: "opportunity stage" {
        /// A need or idea noticed.
        Spotted = "spotted" => "Spotted",
        /// Talking to customers, shaping the value proposition.
        Exploring = "exploring" => "Exploring",
        /// Sent to a sponsor.
        Proposed = "proposed" => "Proposed",
        /// Supported and being tried.
        Piloting = "piloting" => "Piloting",
        /// Ended in a new role.
        NewRole = "new_role" => "Outcome: new role",
        /// Ended in an expanded role.
        ExpandedRole = "expanded_role" => "Outcome: expanded role",
        /// Put aside for now.
        Parked = "parked" => "Outcome: parked",
        /// Given up.
        Dropped = "dropped" => "Outcome: dropped",
    }
}

impl Stage {
    /// Position on the path (outcomes share the last column).
    fn rank(self) -> u8 {
        match self {
            Stage::Spotted => 0,
            Stage::Exploring => 1,
            Stage::Proposed => 2,
            Stage::Piloting => 3,
            _ => 4,
        }
    }

    /// An outcome that ends the journey for good.
    pub fn is_final(self) -> bool {
        matches!(self, Stage::NewRole | Stage::ExpandedRole)
    }

    /// An outcome of any kind.
    pub fn is_outcome(self) -> bool {
        self.rank() == 4
    }
}

/// Facts about an opportunity that some moves depend on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MoveFacts {
    /// A proposal was sent and is not withdrawn.
    pub has_proposal: bool,
    /// A sponsor answered "support".
    pub has_supported_proposal: bool,
    /// A pilot was started.
    pub has_pilot: bool,
}

/// Why a move is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    /// Moving to where it already is.
    #[error("the opportunity is already {0}")]
    Same(&'static str),
    /// New role and expanded role are final.
    #[error("a finished opportunity ({0}) cannot move; start a new one")]
    Finished(&'static str),
    /// Proposed needs a proposal.
    #[error("send a proposal to a sponsor first")]
    NoProposal,
    /// Piloting needs a supported proposal.
    #[error("a pilot needs a proposal a sponsor supported")]
    NotSupported,
    /// New or expanded role needs a pilot.
    #[error("a new or expanded role comes from a pilot; start the pilot first")]
    NoPilot,
    /// Some moves must be explained.
    #[error("say why: {0}")]
    ReasonNeeded(&'static str),
}

/// Check a move from `from` to `to`; `reason` is the owner's explanation.
pub fn check_move(from: Stage, to: Stage, facts: MoveFacts, reason: &str) -> Result<(), MoveError> {
    let reason = reason.trim();
    if from == to {
        return Err(MoveError::Same(from.label()));
    }
    if from.is_final() {
        return Err(MoveError::Finished(from.label()));
    }
    match to {
        Stage::Proposed if !facts.has_proposal => return Err(MoveError::NoProposal),
        Stage::Piloting if !facts.has_supported_proposal => return Err(MoveError::NotSupported),
        Stage::NewRole | Stage::ExpandedRole if !facts.has_pilot || from != Stage::Piloting => {
            return Err(MoveError::NoPilot);
        }
        _ => {}
    }
    if reason.is_empty() {
        if from == Stage::Dropped {
            return Err(MoveError::ReasonNeeded("reviving a dropped opportunity"));
        }
        if from == Stage::Parked {
            return Err(MoveError::ReasonNeeded(
                "taking up a parked opportunity again",
            ));
        }
        if matches!(to, Stage::Parked | Stage::Dropped) {
            return Err(MoveError::ReasonNeeded(
                "parking or dropping an opportunity",
            ));
        }
        if to.rank() < from.rank() {
            return Err(MoveError::ReasonNeeded("moving an opportunity back"));
        }
    }
    Ok(())
}

/// The smallest and largest share of time a proposal may ask for, in percent.
pub const TIME_SHARE_RANGE: (i32, i32) = (10, 50);

/// Check the ask of a proposal: time share (percent), duration (weeks), resources.
pub fn check_ask(time_share: i32, duration_weeks: i32) -> Vec<(&'static str, String)> {
    let mut errs = Vec::new();
    let (lo, hi) = TIME_SHARE_RANGE;
    if !(lo..=hi).contains(&time_share) {
        errs.push((
            "time_share",
            format!("must be between {lo}% and {hi}% of working time"),
        ));
    }
    if !(1..=104).contains(&duration_weeks) {
        errs.push((
            "duration_weeks",
            "must be between 1 and 104 weeks".to_string(),
        ));
    }
    errs
}

code_enum! {
    /// Who may see an opportunity, besides the owner and the sponsors asked (blank: private).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Visibility: "opportunity audience", blank = Private {
        /// The owner and the sponsors asked.
        Private = "private" => "Only me (and sponsors I ask)",
        /// The owner's manager and team.
        Team = "team" => "My manager and my team",
        /// Everyone in the organisation.
        Everyone = "everyone" => "Everyone",
    }
}

code_enum! {
    /// A sponsor's answer to a proposal.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Answer: "proposal answer" {
        /// Go ahead.
        Support = "support" => "Support",
        /// Tell me more.
        TellMeMore = "tell_me_more" => "Tell me more",
        /// Not now (always with a reason).
        NotNow = "not_now" => "Not now",
    }
}

code_enum! {
    /// Where a proposal stands: waiting, answered, or withdrawn by its owner.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ProposalStatus: "proposal status" {
        /// Sent, no answer yet.
        Awaiting = "awaiting" => "Awaiting an answer",
        /// The sponsor supports it.
        Support = "support" => "Support",
        /// The sponsor wants to know more.
        TellMeMore = "tell_me_more" => "Tell me more",
        /// The sponsor said not now.
        NotNow = "not_now" => "Not now",
        /// The owner withdrew it.
        Withdrawn = "withdrawn" => "Withdrawn",
    }
}

impl ProposalStatus {
    /// The status a sponsor's answer gives.
    pub fn answered(answer: Answer) -> ProposalStatus {
        match answer {
            Answer::Support => ProposalStatus::Support,
            Answer::TellMeMore => ProposalStatus::TellMeMore,
            Answer::NotNow => ProposalStatus::NotNow,
        }
    }

    /// The sponsor's answer, if there is one.
    pub fn answer(self) -> Option<Answer> {
        match self {
            ProposalStatus::Support => Some(Answer::Support),
            ProposalStatus::TellMeMore => Some(Answer::TellMeMore),
            ProposalStatus::NotNow => Some(Answer::NotNow),
            ProposalStatus::Awaiting | ProposalStatus::Withdrawn => None,
        }
    }
}

/// Check an answer: "not now" needs a reason.
pub fn check_answer(answer: Answer, reason: &str) -> Result<(), &'static str> {
    if answer == Answer::NotNow && reason.trim().is_empty() {
        return Err(
            "is required when the answer is not now: say why, so they can come back better",
        );
    }
    Ok(())
}

/// Whether the owner should ask again: no answer yet and `days` passed since the last ask.
pub fn ask_again_due(
    answered: bool,
    last_asked: OffsetDateTime,
    now: OffsetDateTime,
    days: i64,
) -> bool {
    !answered && days > 0 && now - last_asked >= Duration::days(days)
}

/// Advice on timing for an owner about to ask again before the usual wait is over; `None` when
/// the wait is over (or there is no wait). Asking is never refused: only the person knows whether
/// something changed that is worth a new ask.
pub fn ask_again_timing(
    last_asked: OffsetDateTime,
    now: OffsetDateTime,
    days: i64,
) -> Option<String> {
    if days <= 0 || now - last_asked >= Duration::days(days) {
        return None;
    }
    let ago = (now - last_asked).whole_days().max(0);
    let when = match ago {
        0 => "You asked today".to_owned(),
        1 => "You asked yesterday".to_owned(),
        n => format!("You asked {n} days ago"),
    };
    let wait = if days == 1 {
        "a day".to_owned()
    } else {
        format!("{days} days")
    };
    Some(format!(
        "{when}; people here usually get {wait} to answer. You can ask again now: it lands best when you say what has changed and lead with their goal."
    ))
}

/// One proposal as a sponsor's record sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    /// First sent.
    pub sent: OffsetDateTime,
    /// Answered, with what, when.
    pub answer: Option<(Answer, OffsetDateTime)>,
}

/// A sponsor's record: enabling, not gatekeeping.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SponsorStats {
    /// Proposals received.
    pub received: usize,
    /// Proposals answered.
    pub answered: usize,
    /// Median hours from first ask to answer, over answered proposals.
    pub median_response_hours: Option<f64>,
    /// Share of decisions (support or not now) that were support, 0–1.
    pub support_rate: Option<f64>,
    /// Pilots sponsored.
    pub pilots: usize,
}

/// Compute a sponsor's record from the proposals sent to them and the pilots they sponsor.
pub fn sponsor_stats(responses: &[Response], pilots: usize) -> SponsorStats {
    let mut hours: Vec<f64> = responses
        .iter()
        .filter_map(|r| {
            r.answer
                .map(|(_, at)| (at - r.sent).as_seconds_f64() / 3600.0)
        })
        .collect();
    hours.sort_by(f64::total_cmp);
    let median = match hours.len() {
        0 => None,
        n if n % 2 == 1 => Some(hours[n / 2]),
        n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
    };
    let decisions: Vec<Answer> = responses
        .iter()
        .filter_map(|r| r.answer.map(|a| a.0))
        .filter(|a| *a != Answer::TellMeMore)
        .collect();
    let supported = decisions.iter().filter(|a| **a == Answer::Support).count();
    SponsorStats {
        received: responses.len(),
        answered: hours.len(),
        median_response_hours: median,
        support_rate: (!decisions.is_empty()).then(|| supported as f64 / decisions.len() as f64),
        pilots,
    }
}

/// The four factors an opportunity can serve, with stored codes.
pub const FACTORS: [(&str, &str); 4] = [
    ("status", "Status and recognition"),
    ("autonomy", "Autonomy"),
    ("meaning", "Meaningful work"),
    ("learning", "Continued learning"),
];

/// One of the owner's four factors, as the "value to me" part of a proposition shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactorServed {
    /// Stored code.
    pub code: &'static str,
    /// Label.
    pub label: &'static str,
    /// The owner's rank for it, 1–4 (the starting order when not ranked yet).
    pub rank: usize,
    /// "1st".
    pub ordinal: String,
    /// The opportunity serves it.
    pub served: bool,
}

/// "Value to me" read against the owner's compass.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueToMe {
    /// The owner has ranked the four factors in their compass.
    pub ranked: bool,
    /// The four factors in the owner's order, most important first.
    pub factors: Vec<FactorServed>,
    /// Ranked, and the opportunity serves the top-ranked factor.
    pub serves_top: bool,
    /// The owner's top-ranked factor, when ranked.
    pub top: Option<&'static str>,
}

/// Read the factors an opportunity serves (stored codes) against the owner's ranking.
pub fn value_to_me(ranking: Option<Ranking>, served: &[&str]) -> ValueToMe {
    let order = ranking.unwrap_or_default();
    let factors: Vec<FactorServed> = order
        .0
        .iter()
        .enumerate()
        .map(|(i, f)| FactorServed {
            code: f.code(),
            label: f.label(),
            rank: i + 1,
            ordinal: ordinal(i + 1),
            served: served.iter().any(|c| c.trim() == f.code()),
        })
        .collect();
    let top = ranking.map(|r| r.0[0].label());
    ValueToMe {
        ranked: ranking.is_some(),
        serves_top: ranking.is_some() && factors.first().is_some_and(|f| f.served),
        top,
        factors,
    }
}

#[cfg(test)]
mod tests {
    use super::Stage::*;
    use super::*;
    use rstest::rstest;

    const NONE: MoveFacts = MoveFacts {
        has_proposal: false,
        has_supported_proposal: false,
        has_pilot: false,
    };
    const SENT: MoveFacts = MoveFacts {
        has_proposal: true,
        has_supported_proposal: false,
        has_pilot: false,
    };
    const BACKED: MoveFacts = MoveFacts {
        has_proposal: true,
        has_supported_proposal: true,
        has_pilot: false,
    };
    const PILOT: MoveFacts = MoveFacts {
        has_proposal: true,
        has_supported_proposal: true,
        has_pilot: true,
    };

    #[rstest]
    #[case(Spotted, Exploring, NONE, "", Ok(()))]
    #[case(
        Exploring,
        Spotted,
        NONE,
        "",
        Err(MoveError::ReasonNeeded("moving an opportunity back"))
    )]
    #[case(Exploring, Spotted, NONE, "the customer changed goals", Ok(()))]
    #[case(Exploring, Proposed, NONE, "", Err(MoveError::NoProposal))]
    #[case(Exploring, Proposed, SENT, "", Ok(()))]
    #[case(Spotted, Proposed, SENT, "", Ok(()))]
    #[case(Proposed, Piloting, SENT, "", Err(MoveError::NotSupported))]
    #[case(Exploring, Piloting, NONE, "", Err(MoveError::NotSupported))]
    #[case(Proposed, Piloting, BACKED, "", Ok(()))]
    #[case(
        Proposed,
        Exploring,
        SENT,
        "",
        Err(MoveError::ReasonNeeded("moving an opportunity back"))
    )]
    #[case(Piloting, NewRole, PILOT, "", Ok(()))]
    #[case(Piloting, ExpandedRole, PILOT, "", Ok(()))]
    #[case(Proposed, NewRole, BACKED, "", Err(MoveError::NoPilot))]
    #[case(Exploring, ExpandedRole, PILOT, "", Err(MoveError::NoPilot))]
    #[case(
        Piloting,
        Parked,
        PILOT,
        "",
        Err(MoveError::ReasonNeeded("parking or dropping an opportunity"))
    )]
    #[case(Piloting, Parked, PILOT, "budget freeze", Ok(()))]
    #[case(
        Spotted,
        Dropped,
        NONE,
        "",
        Err(MoveError::ReasonNeeded("parking or dropping an opportunity"))
    )]
    #[case(Spotted, Dropped, NONE, "someone else does it", Ok(()))]
    #[case(
        Dropped,
        Exploring,
        NONE,
        "",
        Err(MoveError::ReasonNeeded("reviving a dropped opportunity"))
    )]
    #[case(
        Dropped,
        Exploring,
        NONE,
        "   ",
        Err(MoveError::ReasonNeeded("reviving a dropped opportunity"))
    )]
    #[case(Dropped, Spotted, NONE, "new budget this year", Ok(()))]
    #[case(
        Parked,
        Exploring,
        NONE,
        "",
        Err(MoveError::ReasonNeeded("taking up a parked opportunity again"))
    )]
    #[case(Parked, Exploring, NONE, "the team has room now", Ok(()))]
    #[case(Parked, Dropped, NONE, "no longer needed", Ok(()))]
    #[case(Dropped, Piloting, SENT, "try again", Err(MoveError::NotSupported))]
    #[case(
        NewRole,
        Exploring,
        PILOT,
        "more",
        Err(MoveError::Finished("Outcome: new role"))
    )]
    #[case(
        ExpandedRole,
        Dropped,
        PILOT,
        "why",
        Err(MoveError::Finished("Outcome: expanded role"))
    )]
    #[case(Spotted, Spotted, NONE, "", Err(MoveError::Same("Spotted")))]
    fn moves(
        #[case] from: Stage,
        #[case] to: Stage,
        #[case] facts: MoveFacts,
        #[case] reason: &str,
        #[case] want: Result<(), MoveError>,
    ) {
        assert_eq!(check_move(from, to, facts, reason), want);
    }

    #[test]
    fn every_pair_is_decided_and_finished_opportunities_never_move() {
        for from in Stage::ALL {
            for to in Stage::ALL {
                let r = check_move(from, to, PILOT, "a reason");
                if from == to || from.is_final() {
                    assert!(r.is_err(), "{from:?} -> {to:?}");
                }
                if from != to && !from.is_final() && !to.is_final() {
                    assert!(
                        r.is_ok(),
                        "{from:?} -> {to:?} with every fact and a reason: {r:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn value_to_me_follows_the_owners_ranking_and_spots_the_top_factor() {
        let ranking = Ranking::parse(&["learning", "meaning", "autonomy", "status"]).ok();
        let v = value_to_me(ranking, &["autonomy", "learning"]);
        assert!(v.ranked && v.serves_top);
        assert_eq!(v.top, Some("Continued learning"));
        let order: Vec<(&str, usize, bool)> = v
            .factors
            .iter()
            .map(|f| (f.code, f.rank, f.served))
            .collect();
        assert_eq!(
            order,
            vec![
                ("learning", 1, true),
                ("meaning", 2, false),
                ("autonomy", 3, true),
                ("status", 4, false)
            ]
        );
        assert_eq!(v.factors[0].ordinal, "1st");

        let misses_top = value_to_me(ranking, &["status"]);
        assert!(misses_top.ranked && !misses_top.serves_top);

        let unranked = value_to_me(None, &["status"]);
        assert!(
            !unranked.ranked && !unranked.serves_top,
            "no top factor before ranking"
        );
        assert_eq!(unranked.top, None);
        assert_eq!(unranked.factors[0].code, "status", "the starting order");
        assert!(unranked.factors[0].served);
    }

    #[test]
    fn codes_round_trip() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_code(s.code()), Some(s));
        }
        assert_eq!(Stage::from_code("limbo"), None);
        for a in [Answer::Support, Answer::TellMeMore, Answer::NotNow] {
            assert_eq!(Answer::from_code(a.code()), Some(a));
        }
    }

    #[rstest]
    #[case(10, 4, 0)]
    #[case(50, 104, 0)]
    #[case(9, 4, 1)]
    #[case(51, 0, 2)]
    #[case(25, 105, 1)]
    fn asks(#[case] share: i32, #[case] weeks: i32, #[case] errors: usize) {
        assert_eq!(check_ask(share, weeks).len(), errors);
    }

    #[test]
    fn not_now_needs_a_reason() {
        assert!(check_answer(Answer::NotNow, " ").is_err());
        assert!(check_answer(Answer::NotNow, "budget is frozen until March").is_ok());
        assert!(check_answer(Answer::Support, "").is_ok());
        assert!(check_answer(Answer::TellMeMore, "").is_ok());
    }

    fn at(hours: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_790_000_000).expect("time") + Duration::hours(hours)
    }

    #[rstest]
    #[case(false, 0, 24 * 7 - 1, 7, false)]
    #[case(false, 0, 24 * 7, 7, true)]
    #[case(true, 0, 24 * 30, 7, false)]
    #[case(false, 0, 24 * 30, 0, false)]
    fn ask_again(
        #[case] answered: bool,
        #[case] last: i64,
        #[case] now: i64,
        #[case] days: i64,
        #[case] due: bool,
    ) {
        assert_eq!(ask_again_due(answered, at(last), at(now), days), due);
    }

    #[test]
    fn asking_early_gets_advice_not_a_refusal() {
        let advice = ask_again_timing(at(0), at(2), 7).expect("advice within the wait");
        assert!(advice.starts_with("You asked today;"), "{advice}");
        assert!(advice.contains("7 days"), "{advice}");
        assert!(
            ask_again_timing(at(0), at(30), 7)
                .unwrap()
                .starts_with("You asked yesterday")
        );
        assert!(
            ask_again_timing(at(0), at(24 * 3), 7)
                .unwrap()
                .starts_with("You asked 3 days ago")
        );
        assert_eq!(ask_again_timing(at(0), at(24 * 7), 7), None);
        assert_eq!(ask_again_timing(at(0), at(1), 0), None);
        assert!(
            ask_again_timing(at(0), at(1), 1)
                .unwrap()
                .contains("a day to answer")
        );
    }

    #[test]
    fn sponsor_record() {
        assert_eq!(sponsor_stats(&[], 0), SponsorStats::default());
        let r = |sent: i64, ans: Option<(Answer, i64)>| Response {
            sent: at(sent),
            answer: ans.map(|(a, h)| (a, at(h))),
        };
        let stats = sponsor_stats(
            &[
                r(0, Some((Answer::Support, 2))),
                r(0, Some((Answer::NotNow, 10))),
                r(0, Some((Answer::TellMeMore, 4))),
                r(0, Some((Answer::Support, 30))),
                r(5, None),
            ],
            2,
        );
        assert_eq!(stats.received, 5);
        assert_eq!(stats.answered, 4);
        assert_eq!(stats.median_response_hours, Some(7.0));
        assert_eq!(stats.support_rate, Some(2.0 / 3.0));
        assert_eq!(stats.pilots, 2);
        let odd = sponsor_stats(&[r(0, Some((Answer::TellMeMore, 3)))], 0);
        assert_eq!(odd.median_response_hours, Some(3.0));
        assert_eq!(odd.support_rate, None, "tell me more is not a decision");
    }
}
