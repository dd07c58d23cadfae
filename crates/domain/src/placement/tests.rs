use super::matching::*;
use super::*;
use crate::compass::{Factor, Ranking};
use crate::ids::PlacementId;
use rstest::rstest;
use time::macros::date;
use uuid::Uuid;

fn raw() -> RawPlacement<'static> {
    RawPlacement {
        title: "Data quality sprint",
        description: "Two weeks on the billing data.",
        kind: "project",
        status: "open",
        offers: ["neutral", "some", "strong", "lowers"],
        hours_per_week: "8",
        duration_weeks: "6",
        location: "Leeds",
        work_mode: "hybrid",
        places: "2",
        closes_on: "2027-01-31",
    }
}

#[test]
fn a_good_posting_is_accepted() {
    let f = check_placement(&raw()).unwrap();
    assert_eq!(f.kind, PlacementKind::Project);
    assert_eq!(f.status, PlacementStatus::Open);
    assert_eq!(f.offers.get(Factor::Meaning), Offer::Strong);
    assert_eq!(f.offers.get(Factor::Learning), Offer::Lowers);
    assert_eq!(f.closes_on, Some(date!(2027 - 01 - 31)));
}

#[rstest]
#[case::title(RawPlacement { title: " ", ..raw() }, "title")]
#[case::kind(RawPlacement { kind: "job", ..raw() }, "kind")]
#[case::status(RawPlacement { status: "live", ..raw() }, "status")]
#[case::offer(RawPlacement { offers: ["neutral", "lots", "some", "some"], ..raw() }, "offers_autonomy")]
#[case::hours(RawPlacement { hours_per_week: "41", ..raw() }, "hours_per_week")]
#[case::hours_text(RawPlacement { hours_per_week: "a few", ..raw() }, "hours_per_week")]
#[case::weeks(RawPlacement { duration_weeks: "0", ..raw() }, "duration_weeks")]
#[case::places(RawPlacement { places: "51", ..raw() }, "places")]
#[case::closes(RawPlacement { closes_on: "31/01/2027", ..raw() }, "closes_on")]
#[case::mode(RawPlacement { work_mode: "moon", ..raw() }, "work_mode")]
#[case::location(RawPlacement { location: "", work_mode: "onsite", ..raw() }, "location")]
fn bad_fields_are_named(#[case] r: RawPlacement<'static>, #[case] field: &str) {
    let e = check_placement(&r).unwrap_err();
    assert!(e.get(field).is_some(), "{field}: {e:?}");
    assert_eq!(e.0.len(), 1, "only {field}: {e:?}");
}

#[test]
fn remote_work_needs_no_location_and_blank_status_is_draft() {
    let f = check_placement(&RawPlacement {
        location: "",
        work_mode: "remote",
        status: "",
        ..raw()
    })
    .unwrap();
    assert_eq!(f.status, PlacementStatus::Draft);
}

#[rstest]
#[case(PlacementStatus::Draft, PlacementStatus::Open, true)]
#[case(PlacementStatus::Open, PlacementStatus::Filled, true)]
#[case(PlacementStatus::Open, PlacementStatus::Closed, true)]
#[case(PlacementStatus::Closed, PlacementStatus::Open, true)]
#[case(PlacementStatus::Draft, PlacementStatus::Filled, false)]
#[case(PlacementStatus::Open, PlacementStatus::Draft, false)]
#[case(PlacementStatus::Filled, PlacementStatus::Draft, false)]
fn status_moves(#[case] from: PlacementStatus, #[case] to: PlacementStatus, #[case] ok: bool) {
    assert_eq!(from.may_become(to), ok);
}

#[test]
fn every_type_the_brief_names_exists() {
    assert_eq!(PlacementKind::ALL.len(), 12);
    assert_eq!(
        PlacementKind::parse_code("open_role"),
        Ok(PlacementKind::OpenRole)
    );
    assert!(PlacementKind::parse_code("opportunity").is_err());
}

fn card(n: u128) -> PlacementCard {
    PlacementCard {
        id: PlacementId::from_uuid(Uuid::from_u128(n)),
        kind: PlacementKind::Project,
        status: PlacementStatus::Open,
        needed: vec![("sql".into(), 4), ("writing".into(), 2)],
        learn: vec!["python".into(), "forecasting".into(), "negotiation".into()],
        offers: Offers([Offer::Lowers, Offer::Strong, Offer::Some, Offer::Neutral]),
        directions: vec![Uuid::from_u128(77)],
        hours_per_week: 8,
        closes_on: Some(date!(2027 - 01 - 31)),
        places_left: 1,
    }
}

fn seeker() -> Seeker {
    Seeker {
        skills: [("sql".to_string(), 2), ("writing".to_string(), 5)]
            .into_iter()
            .collect(),
        grow: [
            "python".to_string(),
            "forecasting".to_string(),
            "negotiation".to_string(),
        ]
        .into_iter()
        .collect(),
        ranking: Some(Ranking([
            Factor::Autonomy,
            Factor::Learning,
            Factor::Meaning,
            Factor::Status,
        ])),
        directions: [Uuid::from_u128(77)].into_iter().collect(),
        hours_available: Some(10),
        feedback: Vec::new(),
        related: Default::default(),
    }
}

#[test]
fn contributions_add_up_to_the_score() {
    let s = score(&card(1), &seeker());
    assert_eq!(s.total, s.parts.iter().map(|p| p.points).sum::<i32>());
    let points: Vec<i32> = s.parts.iter().map(|p| p.points).collect();
    // sql 2 of 4 → 10 of its 20; writing 5 of 2 → all 20; two of three growth skills (capped at
    // 30); autonomy (1st) strongly +16, meaning (3rd) +3, status (4th) lowered −1; one direction.
    assert_eq!(points, vec![10, 20, 15, 15, 16, 3, -1, 10]);
    assert_eq!(s.total, 88);
}

#[test]
fn contributions_add_up_for_many_random_pairs() {
    let mut rng = crate::rng::Rng::new(9);
    for i in 0..500u128 {
        let mut c = card(i);
        c.needed = (0..rng.below(5))
            .map(|k| (format!("s{k}"), 1 + rng.below(5) as i32))
            .collect();
        let mut s = seeker();
        s.skills = (0..5)
            .map(|k| (format!("s{k}"), rng.below(6) as i32))
            .collect();
        s.feedback.push(Feedback {
            placement: PlacementId::from_uuid(Uuid::from_u128(i / 2)),
            kind: PlacementKind::Project,
            hours_per_week: 4,
            reason: NotForMe::ALL[rng.below(5)],
        });
        let got = score(&c, &s);
        assert_eq!(got.total, got.parts.iter().map(|p| p.points).sum::<i32>());
        assert!(
            got.parts
                .iter()
                .filter(|p| matches!(p.part, Part::Skill { .. }))
                .map(|p| p.points)
                .sum::<i32>()
                <= SKILL_POINTS + 2
        );
    }
}

#[test]
fn explanations_are_plain_words() {
    let s = score(&card(1), &seeker());
    let name = |id: &str| id.to_uppercase();
    let dir = |_: Uuid| "Grow the north".to_string();
    let words: Vec<String> = s
        .parts
        .iter()
        .map(|p| p.describe(Voice::Mine, &name, &dir))
        .collect();
    assert_eq!(words[0], "Your SQL is at level 2 of the 4 it needs");
    assert_eq!(
        words[1],
        "Your WRITING at level 5 meets the level 2 it needs"
    );
    assert_eq!(words[2], "You would learn PYTHON, a skill you want to grow");
    assert_eq!(words[4], "It gives much more autonomy, your number 1");
    assert_eq!(
        words[6],
        "It gives less status and recognition than a usual job, and that is your number 4"
    );
    assert_eq!(
        words[7],
        "It serves Grow the north, a direction you work towards"
    );
    let theirs = s.parts[0].describe(Voice::Theirs, &name, &dir);
    assert_eq!(theirs, "Their SQL is at level 2 of the 4 it needs");
}

#[test]
fn not_for_me_demotes_what_it_names_at_once() {
    let mut a = card(1);
    a.kind = PlacementKind::Coaching;
    let mut b = card(2);
    b.kind = PlacementKind::Coaching;
    let mut c = card(3);
    c.kind = PlacementKind::Gig;
    c.needed.clear();
    let index = Index::build([a.clone(), b.clone(), c.clone()]);
    let today = date!(2026 - 12 - 01);
    let mut me = seeker();
    let before = index.recommend(&me, today, 10, &|_| false);
    assert_eq!(
        before[0].placement, a.id,
        "a and b tie; a has the smaller id"
    );
    me.feedback.push(Feedback {
        placement: a.id,
        kind: a.kind,
        hours_per_week: a.hours_per_week,
        reason: NotForMe::NotThisKind,
    });
    let after = index.recommend(&me, today, 10, &|_| false);
    let order: Vec<PlacementId> = after.iter().map(|r| r.placement).collect();
    assert_eq!(order, vec![b.id, c.id, a.id]);
    let b_score = &after[0].score;
    assert_eq!(b_score.total, before[1].score.total + KIND_POINTS);
    assert!(b_score.parts.iter().any(|p| p.part
        == Part::SameKind {
            kind: PlacementKind::Coaching
        }
        && p.points == KIND_POINTS));
    let a_score = &after[2].score;
    assert!(
        a_score
            .parts
            .iter()
            .any(|p| matches!(p.part, Part::NotForMe { .. }))
    );
}

#[test]
fn no_time_demotes_placements_asking_as_much_or_more() {
    let mut long = card(1);
    long.hours_per_week = 10;
    let mut short = card(2);
    short.hours_per_week = 4;
    let mut me = seeker();
    me.feedback.push(Feedback {
        placement: PlacementId::from_uuid(Uuid::from_u128(99)),
        kind: PlacementKind::Gig,
        hours_per_week: 8,
        reason: NotForMe::NoTime,
    });
    assert!(
        score(&long, &me)
            .parts
            .iter()
            .any(|p| p.part == Part::NoTime { hours: 8 })
    );
    assert!(
        !score(&short, &me)
            .parts
            .iter()
            .any(|p| matches!(p.part, Part::NoTime { .. }))
    );
}

#[test]
fn hard_filters_keep_placements_out() {
    let today = date!(2026 - 12 - 01);
    let me = seeker();
    let mut closed = card(1);
    closed.status = PlacementStatus::Closed;
    let mut past = card(2);
    past.closes_on = Some(date!(2026 - 11 - 30));
    let mut full = card(3);
    full.places_left = 0;
    let mut long = card(4);
    long.hours_per_week = 20;
    let fine = card(5);
    assert_eq!(filter(&closed, &me, today), Some(Filter::NotOpen));
    assert_eq!(filter(&past, &me, today), Some(Filter::PastClosing));
    assert_eq!(filter(&full, &me, today), Some(Filter::NoPlaces));
    assert_eq!(filter(&long, &me, today), Some(Filter::TooManyHours));
    assert_eq!(filter(&fine, &me, today), None);
    let index = Index::build([closed, past, full, long, fine.clone()]);
    let got = index.recommend(&me, today, 10, &|_| false);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].placement, fine.id);
}

#[test]
fn the_index_changes_one_placement_at_a_time() {
    let mut index = Index::build([card(1), card(2)]);
    let today = date!(2026 - 12 - 01);
    let mut changed = card(2);
    changed.status = PlacementStatus::Filled;
    index.upsert(changed);
    assert_eq!(index.len(), 2);
    assert_eq!(index.recommend(&seeker(), today, 10, &|_| false).len(), 1);
    index.remove(PlacementId::from_uuid(Uuid::from_u128(1)));
    assert!(index.recommend(&seeker(), today, 10, &|_| false).is_empty());
    assert_eq!(index.len(), 1);
}

#[test]
fn candidates_are_ranked_and_only_from_the_people_given() {
    let c = card(1);
    let strong = seeker();
    let mut weak = Seeker::default();
    weak.skills.insert("writing".into(), 1);
    let nobody = Seeker::default();
    let people = vec![("weak", weak), ("strong", strong), ("nobody", nobody)];
    let got = candidates(&c, &people, 10);
    let names: Vec<&str> = got.iter().map(|(k, _)| *k).collect();
    assert_eq!(names, vec!["strong", "weak"], "no score, no candidate");
    for (_, s) in &got {
        assert_eq!(s.total, s.parts.iter().map(|p| p.points).sum::<i32>());
    }
}
