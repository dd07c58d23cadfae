//! Unit tests of the compass rules: ranking validation, moves, levels, sections.

use super::*;
use rstest::rstest;

#[rstest]
#[case(&["autonomy", "learning", "meaning", "status"], Ok("autonomy,learning,meaning,status"))]
#[case(&[" status ", "autonomy", "meaning", "learning"], Ok("status,autonomy,meaning,learning"))]
#[case(&["autonomy", "learning", "meaning"], Err("must list all four factors once each (got 3)"))]
#[case(&["autonomy", "autonomy", "meaning", "status"], Err("lists Autonomy twice"))]
#[case(&["autonomy", "money", "meaning", "status"], Err("“money” is not one of the four factors"))]
#[case(&[], Err("must list all four factors once each (got 0)"))]
fn rankings(#[case] codes: &[&str], #[case] want: Result<&str, &str>) {
    let got = Ranking::parse(codes).map(|r| r.to_stored());
    assert_eq!(got.as_deref().map_err(String::as_str), want);
}

#[test]
fn five_factors_are_too_many() {
    let r = Ranking::parse(&["autonomy", "learning", "meaning", "status", "status"]);
    assert_eq!(r, Err("lists Status and recognition twice".into()));
}

#[test]
fn stored_form_round_trips_and_empty_is_unranked() {
    let r = Ranking::parse(&["learning", "meaning", "autonomy", "status"]).unwrap();
    assert_eq!(Ranking::from_stored(&r.to_stored()), Some(r));
    assert_eq!(Ranking::from_stored(""), None);
    assert_eq!(Ranking::from_stored("learning,nonsense"), None);
}

#[test]
fn moving_stops_at_the_ends() {
    let r = Ranking::default();
    assert_eq!(r.moved(Factor::Status, true), r);
    assert_eq!(r.moved(Factor::Learning, false), r);
    let up = r.moved(Factor::Learning, true);
    assert_eq!(
        up.0,
        [
            Factor::Status,
            Factor::Autonomy,
            Factor::Learning,
            Factor::Meaning
        ]
    );
    assert_eq!(up.rank_of(Factor::Learning), 3);
    assert_eq!(up.moved(Factor::Learning, false), r);
}

#[rstest]
#[case("autonomy:up", Ok((Factor::Autonomy, true)))]
#[case("learning:down", Ok((Factor::Learning, false)))]
#[case("learning", Err("must look like factor:up or factor:down"))]
#[case("pay:up", Err("“pay” is not one of the four factors"))]
#[case("status:sideways", Err("must end in :up or :down"))]
fn moves(#[case] raw: &str, #[case] want: Result<(Factor, bool), &str>) {
    assert_eq!(parse_move(raw), want.map_err(str::to_string));
}

#[rstest]
#[case("1", Ok(1))]
#[case(" 5 ", Ok(5))]
#[case("0", Err("must be between 1 and 5"))]
#[case("6", Err("must be between 1 and 5"))]
#[case("three", Err("must be a whole number from 1 to 5"))]
#[case("", Err("is required"))]
fn levels(#[case] raw: &str, #[case] want: Result<i32, &str>) {
    assert_eq!(check_level(raw), want.map_err(str::to_string));
}

#[test]
fn met_parses_and_labels() {
    assert_eq!(Met::parse(""), Ok(None));
    assert_eq!(Met::parse("partly"), Ok(Some(Met::Partly)));
    assert!(Met::parse("mostly").unwrap_err().contains("mostly"));
    assert_eq!(level_name(3), "3 · Skilled");
    assert_eq!(level_name(9), "9");
    assert_eq!(ordinal(2), "2nd");
}

#[test]
fn sections_round_trip_and_skills_is_the_directory_section() {
    for s in Section::ALL {
        assert_eq!(Section::from_code(s.code()), Some(s));
    }
    assert_eq!(Section::Skills.code(), "skills");
    assert_eq!(Section::from_code("secrets"), None);
}

#[test]
fn long_input_is_clipped_in_messages() {
    let e = Ranking::parse(&["x".repeat(500).as_str()]).unwrap_err();
    assert!(e.chars().count() < 80, "{e}");
}
