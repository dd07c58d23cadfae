//! The question bank passes its own coach, and the coach's reframes pass it too.

use ladderless_domain::coach::{
    Focus, Openness, Theme, bank_question, judge_question, question_bank, questions_for,
};

#[test]
fn bank_has_at_least_eighty_questions_across_every_theme() {
    assert!(question_bank().len() >= 80, "{}", question_bank().len());
    for theme in Theme::all() {
        assert!(questions_for(*theme).count() >= 5, "{}", theme.label());
    }
    assert_eq!(
        bank_question("goals-in-the-way").map(|q| q.theme),
        Some(Theme::Goals)
    );
}

#[test]
fn every_bank_question_is_judged_open_single_and_not_leading() {
    for q in question_bank() {
        let v = judge_question(q.text);
        assert_eq!(v.openness, Openness::Open, "{}: {}", q.id, q.text);
        assert!(!v.leading, "{}: {:?}", q.id, v.reasons);
        assert!(!v.multiple, "{}: {}", q.id, q.text);
        if !q.theme.is_upward() {
            assert_ne!(v.focus, Focus::SelfFocused, "{}: {}", q.id, q.text);
        }
        if let Some(f) = q.follow_up {
            assert!(f.ends_with('?'), "{}: follow-up {f}", q.id);
        }
    }
}

#[test]
fn every_reframe_of_the_evaluation_set_is_open_single_unleading_and_not_about_me() {
    let path = format!(
        "{}/tests/data/coach/questions.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let src = std::fs::read_to_string(path).unwrap();
    let mut checked = 0;
    for line in src.lines().skip(1) {
        // text is the first field; it may be quoted
        let text = if let Some(rest) = line.strip_prefix('"') {
            rest.split("\",").next().unwrap().replace("\"\"", "\"")
        } else {
            line.split(',').next().unwrap().to_owned()
        };
        let reframe = judge_question(&text).reframe;
        let r = judge_question(&reframe);
        assert_eq!(r.openness, Openness::Open, "{text} -> {reframe}");
        assert!(!r.leading && !r.multiple, "{text} -> {reframe}");
        assert_ne!(r.focus, Focus::SelfFocused, "{text} -> {reframe}");
        checked += 1;
    }
    assert!(checked >= 300);
}
