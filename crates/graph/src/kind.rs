//! Up, sideways or across: a move's kind from job zones, seniority and families; and the
//! plausibility penalty for big jumps.

use ladderless_catalogue::{Family, Seniority};

use crate::model::MoveKind;
use crate::weights::Weights;

/// What classifies a node: its level and its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Meta {
    /// O*NET job zone 1–5 (estimated for organisation roles).
    pub job_zone: Option<u8>,
    /// Executive, manager, supervisor or individual contributor.
    pub seniority: Seniority,
    /// SOC major group (the nearest catalogue role's, for organisation roles).
    pub family: Family,
    /// A residual "…, All Other" occupation.
    pub residual: bool,
}

/// 0 for individual contributors up to 3 for executives.
pub(crate) fn seniority_rank(s: Seniority) -> i32 {
    match s {
        Seniority::IndividualContributor => 0,
        Seniority::Supervisor => 1,
        Seniority::Manager => 2,
        Seniority::Executive => 3,
    }
}

/// The job-zone difference `to - from`, 0 when either is unknown.
pub(crate) fn zone_step(from: &Meta, to: &Meta) -> i32 {
    match (from.job_zone, to.job_zone) {
        (Some(a), Some(b)) => i32::from(b) - i32::from(a),
        _ => 0,
    }
}

/// Up when the target is more senior, or as senior and needs more preparation; otherwise
/// sideways within the family and across into another.
pub(crate) fn classify(from: &Meta, to: &Meta) -> MoveKind {
    let seniority = seniority_rank(to.seniority) - seniority_rank(from.seniority);
    if seniority > 0 || (seniority == 0 && zone_step(from, to) > 0) {
        MoveKind::Up
    } else if from.family == to.family {
        MoveKind::Sideways
    } else {
        MoveKind::Across
    }
}

/// How much less plausible a move is because of the jump it asks for: one job zone up or
/// down is common, more is rare; skipping a level of seniority is rare.
pub(crate) fn penalty(from: &Meta, to: &Meta, w: &Weights) -> f32 {
    let step = zone_step(from, to);
    let mut p = match step {
        1 => w.step_up,
        -1 => w.step_down,
        s if s > 1 => w.step_up + w.jump * (s - 1) as f32,
        s if s < -1 => w.step_down + w.drop * (-s - 1) as f32,
        _ => 0.0,
    };
    let seniority = seniority_rank(to.seniority) - seniority_rank(from.seniority);
    if seniority > 1 {
        p += w.seniority_jump * (seniority - 1) as f32;
    }
    if to.residual {
        p += w.residual;
    }
    p
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn meta(zone: u8, seniority: Seniority, family: u8) -> Meta {
        Meta {
            job_zone: Some(zone),
            seniority,
            family: Family::from_code(family).unwrap_or(Family::UNKNOWN),
            residual: false,
        }
    }

    const IC: Seniority = Seniority::IndividualContributor;

    #[rstest]
    #[case::more_preparation(meta(3, IC, 29), meta(5, IC, 29), MoveKind::Up)]
    #[case::more_senior_less_preparation(
        meta(3, IC, 29),
        meta(2, Seniority::Supervisor, 39),
        MoveKind::Up
    )]
    #[case::same_level_same_family(meta(4, IC, 15), meta(4, IC, 15), MoveKind::Sideways)]
    #[case::same_level_other_family(meta(4, IC, 15), meta(4, IC, 13), MoveKind::Across)]
    #[case::less_preparation_is_not_up(meta(4, IC, 15), meta(3, IC, 15), MoveKind::Sideways)]
    #[case::less_senior_more_preparation(
        meta(4, Seniority::Manager, 11),
        meta(5, IC, 23),
        MoveKind::Across
    )]
    #[case::executive_to_manager(
        meta(5, Seniority::Executive, 11),
        meta(5, Seniority::Manager, 11),
        MoveKind::Sideways
    )]
    fn kinds(#[case] from: Meta, #[case] to: Meta, #[case] expected: MoveKind) {
        assert_eq!(classify(&from, &to), expected);
    }

    #[test]
    fn unknown_zone_is_same_level() {
        let mut org = meta(3, IC, 15);
        org.job_zone = None;
        assert_eq!(classify(&meta(4, IC, 15), &org), MoveKind::Sideways);
        assert_eq!(zone_step(&org, &meta(5, IC, 15)), 0);
    }

    #[test]
    fn big_jumps_cost_more() {
        let w = Weights::default();
        let from = meta(2, IC, 43);
        let small = penalty(&from, &meta(3, IC, 43), &w);
        let big = penalty(&from, &meta(5, IC, 43), &w);
        let skip = penalty(&from, &meta(3, Seniority::Manager, 11), &w);
        assert!(big > small, "{big} > {small}");
        assert!(skip > small, "{skip} > {small}");
        assert_eq!(penalty(&from, &from, &w), 0.0);
    }
}
