use super::alignment::{DirectionFacts, ItemFacts, Level, align};
use super::skills::{normalise, normalised_list, same_skill};
use super::*;
use rstest::rstest;
use time::macros::date;

#[rstest]
#[case(date!(2026 - 01 - 31), 1, date!(2026 - 02 - 28))]
#[case(date!(2028 - 01 - 31), 1, date!(2028 - 02 - 29))]
#[case(date!(2026 - 11 - 15), 3, date!(2027 - 02 - 15))]
#[case(date!(2026 - 08 - 31), 6, date!(2027 - 02 - 28))]
#[case(date!(2026 - 12 - 01), 1, date!(2027 - 01 - 01))]
fn months_are_added_with_the_day_clamped(
    #[case] from: Date,
    #[case] months: u32,
    #[case] want: Date,
) {
    assert_eq!(add_months(from, months), want);
}

#[rstest]
#[case(Cadence::Monthly, None, date!(2026 - 12 - 10))]
#[case(Cadence::Quarterly, None, date!(2027 - 02 - 10))]
#[case(Cadence::Quarterly, Some(date!(2026 - 12 - 01)), date!(2027 - 03 - 01))]
#[case(Cadence::HalfYearly, Some(date!(2026 - 10 - 01)), date!(2027 - 05 - 10))]
fn the_next_review_is_one_cadence_after_the_last_one_or_the_start(
    #[case] cadence: Cadence,
    #[case] last: Option<Date>,
    #[case] want: Date,
) {
    // A review logged before the start (impossible, but clocks differ) counts from the start.
    assert_eq!(next_review_due(cadence, date!(2026 - 11 - 10), last), want);
}

#[rstest]
#[case(None, None, date!(2026 - 11 - 22), None)]
#[case(Some(date!(2026 - 11 - 01)), None, date!(2026 - 11 - 22), Some(9))]
#[case(Some(date!(2026 - 11 - 01)), None, date!(2026 - 12 - 01), Some(0))]
#[case(Some(date!(2026 - 11 - 01)), None, date!(2026 - 12 - 02), None)]
#[case(Some(date!(2026 - 11 - 01)), Some(date!(2026 - 10 - 31)), date!(2026 - 11 - 02), Some(29))]
#[case(Some(date!(2026 - 11 - 01)), Some(date!(2026 - 11 - 01)), date!(2026 - 11 - 02), None)]
#[case(Some(date!(2026 - 12 - 01)), None, date!(2026 - 11 - 22), None)]
fn start_early_prompts_within_thirty_days_until_a_plan_is_started(
    #[case] changed: Option<Date>,
    #[case] plan: Option<Date>,
    #[case] today: Date,
    #[case] days_left: Option<i64>,
) {
    let got = start_early(changed, plan, today);
    assert_eq!(got.map(|s| s.days_left), days_left);
    if let (Some(s), Some(c)) = (got, changed) {
        assert_eq!(s.due_by, c + Duration::days(30));
    }
}

#[rstest]
#[case("", "", "", "", &["title"])]
#[case("Grow into data", "", "weekly", "", &["cadence"])]
#[case("Grow into data", "", "", "team", &["sharing"])]
#[case("Grow into data", "", "monthly", "manager", &[])]
fn plan_fields_name_each_bad_field(
    #[case] title: &str,
    #[case] case: &str,
    #[case] cadence: &str,
    #[case] sharing: &str,
    #[case] bad: &[&str],
) {
    match check_plan(title, case, cadence, sharing) {
        Ok(p) => {
            assert!(bad.is_empty(), "expected errors on {bad:?}");
            assert_eq!((p.cadence, p.sharing), (Cadence::Monthly, Sharing::Manager));
        }
        Err(e) => assert_eq!(e.0.keys().map(String::as_str).collect::<Vec<_>>(), bad),
    }
}

#[test]
fn a_blank_cadence_is_quarterly_and_blank_sharing_is_private() {
    let p = check_plan("Plan", "", " ", "").expect("valid");
    assert_eq!(
        (p.cadence, p.sharing),
        (Cadence::Quarterly, Sharing::Private)
    );
    let long = "x".repeat(4001);
    let e = check_plan("Plan", &long, "", "").expect_err("too long");
    assert_eq!(
        e.get("business_case"),
        Some("must be at most 4000 characters")
    );
}

#[rstest]
#[case("goal", "role", "15-1252.00", "Software Developers", "")]
#[case("goal", "skill", "", "SQL", "items.kind")]
#[case("growth", "direction", "x", "AI", "items.kind")]
#[case("growth", "opportunity", "", "Onboarding", "items.reference")]
#[case("growth", "training", "", " ", "items.label")]
#[case("middle", "training", "", "Course", "items.section")]
#[case("growth", "course", "", "Course", "items.kind")]
#[case("growth", "mentoring", "", "Mentoring by Ada", "")]
fn items_fit_their_section_and_name_the_bad_field(
    #[case] section: &str,
    #[case] kind: &str,
    #[case] reference: &str,
    #[case] label: &str,
    #[case] bad: &str,
) {
    match check_item(section, kind, reference, label, "items.") {
        Ok(_) => assert_eq!(bad, ""),
        Err(e) => assert!(e.get(bad).is_some(), "{bad} not in {e:?}"),
    }
}

#[test]
fn milestones_need_a_title_and_a_sensible_date() {
    let today = date!(2026 - 11 - 22);
    assert_eq!(
        check_milestone(" Lead a sprint ", "2027-01-15", today, "").expect("ok"),
        ("Lead a sprint".into(), date!(2027 - 01 - 15))
    );
    let e = check_milestone("", "15/01/2027", today, "").expect_err("bad");
    assert_eq!(e.get("title"), Some("is required"));
    assert_eq!(e.get("due_on"), Some("must be a date written YYYY-MM-DD"));
    assert!(check_milestone("Old", "2020-01-01", today, "").is_err());
    assert!(check_milestone("Far", "2040-01-01", today, "").is_err());
}

#[rstest]
#[case("Data analysis", "data analysis", true)]
#[case("project management", "management", true)]
#[case("Python (computer programming)", "python", true)]
#[case("sql", "nosql", false)]
#[case("data analysis", "big data analysis tools", true)]
#[case("analysis", "data analysisx", false)]
#[case("analysis", "analysis of data", true)]
#[case("", "", false)]
fn skills_match_by_whole_words(#[case] a: &str, #[case] b: &str, #[case] want: bool) {
    assert_eq!(same_skill(&normalise(a), &normalise(b)), want);
}

#[test]
fn skill_lists_split_on_lines_and_commas() {
    assert_eq!(
        normalised_list("Machine learning,  SQL\nData-Analysis;"),
        ["machine learning", "sql", "data analysis"]
    );
}

fn direction(id: &str, title: &str, skills: &str, roles: &[&str]) -> DirectionFacts {
    DirectionFacts {
        id: id.into(),
        title: title.into(),
        skills: normalised_list(skills),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    }
}

fn item(section: Section, kind: ItemKind, reference: &str, label: &str) -> ItemFacts {
    ItemFacts {
        section,
        kind,
        reference: reference.into(),
        label: label.into(),
        serves_direction: None,
        grows: Vec::new(),
    }
}

fn directions() -> Vec<DirectionFacts> {
    vec![
        direction(
            "d1",
            "AI in every product",
            "machine learning\ndata analysis",
            &["15-2051.00"],
        ),
        direction("d2", "Grow in Asia", "negotiation, japanese", &[]),
    ]
}

#[test]
fn an_aligned_plan_scores_high_with_reasons_naming_the_direction() {
    let items = [
        item(
            Section::Goal,
            ItemKind::Role,
            "15-2051.00",
            "Data Scientists",
        ),
        item(Section::Growth, ItemKind::Skill, "", "Machine learning"),
        item(Section::Growth, ItemKind::Skill, "", "Negotiation"),
    ];
    let a = align(&items, &directions());
    assert_eq!((a.score, a.level), (100, Level::Aligned));
    assert_eq!(a.reasons.len(), 3);
    assert_eq!(a.reasons[0].direction, "AI in every product");
    assert_eq!(a.reasons[0].why, "the direction needs this role");
    assert_eq!(a.reasons[2].direction, "Grow in Asia");
    assert!(a.for_owner.is_empty() && a.for_manager.is_empty());
}

#[test]
fn a_diverging_plan_is_told_plainly_with_guidance_for_both_sides() {
    let items = [
        item(
            Section::Goal,
            ItemKind::Role,
            "27-2042.00",
            "Musicians and Singers",
        ),
        item(Section::Growth, ItemKind::Skill, "", "Music theory"),
    ];
    let a = align(&items, &directions());
    assert_eq!((a.score, a.level), (0, Level::Diverging));
    assert!(a.summary.contains("diverges"));
    assert_eq!(a.unaligned, ["Musicians and Singers", "Music theory"]);
    assert!(
        a.for_owner
            .iter()
            .any(|g| g.contains("Keep performing in your current role"))
    );
    assert!(a.for_owner.iter().any(|g| g.contains("successor")));
    assert!(a.for_owner.iter().any(|g| g.contains("outside")));
    assert!(a.for_manager.iter().any(|g| g.contains("succession")));
}

#[test]
fn goals_count_double_and_opportunities_align_through_their_direction_or_skills() {
    let mut opp = item(
        Section::Growth,
        ItemKind::Opportunity,
        "o1",
        "Onboarding in a day",
    );
    opp.serves_direction = Some("d2".into());
    let mut pilot = item(Section::Growth, ItemKind::Pilot, "o2", "Churn model");
    pilot.grows = vec!["Data analysis".into()];
    let items = [
        item(
            Section::Goal,
            ItemKind::Experience,
            "",
            "Lead a team abroad",
        ),
        opp,
        pilot,
    ];
    let a = align(&items, &directions());
    // 2 of 4 weighted units: the goal (2) does not align, both growth items (1 + 1) do.
    assert_eq!((a.score, a.level), (50, Level::Partly));
    assert!(
        a.reasons
            .iter()
            .any(|r| r.item == "Churn model" && r.why.contains("data analysis"))
    );
    assert!(!a.for_owner.is_empty());
}

#[test]
fn a_chosen_direction_aligns_and_unknown_is_said_when_nothing_can_be_judged() {
    let items = [item(
        Section::Goal,
        ItemKind::Direction,
        "d1",
        "AI in every product",
    )];
    assert_eq!(align(&items, &directions()).score, 100);
    assert_eq!(align(&items, &[]).level, Level::Unknown);
    assert_eq!(align(&[], &directions()).level, Level::Unknown);
}
