//! Unit tests of the pitch coach: the tricky cases, pinned.

use super::*;
use rstest::rstest;

#[rstest]
#[case(
    "I've been here five years and I deserve a promotion. I want more money.",
    PitchLabel::SelfFocused,
    true
)]
#[case(
    "Your team spends two days a month reconciling invoices by hand. I could build a matching script that cuts that to an afternoon, so your analysts can get back to forecasting.",
    PitchLabel::Customer,
    false
)]
#[case(
    "Customers in the north say delivery slots are too wide. A four-week trial of narrower slots would show whether it lifts repeat orders. It would also give me experience leading a project, which I'd value and want for my career.",
    PitchLabel::Balanced,
    false
)]
#[case(
    "I noticed your team re-keys the same data into three systems. An import would save ten hours a week.",
    PitchLabel::Customer,
    false
)]
fn labels(#[case] text: &str, #[case] label: PitchLabel, #[case] leads: bool) {
    let v = judge_pitch(text);
    assert_eq!(
        (v.label, v.leads_with_self),
        (label, leads),
        "{text}: self {:.2}",
        v.self_share
    );
    assert!((v.self_share + v.customer_share - 1.0).abs() < 1e-4);
    assert!(
        v.sentences
            .iter()
            .all(|s| (0.0..=1.0).contains(&s.self_share))
    );
}

#[test]
fn flags_self_focused_phrases_with_reason_and_suggestion() {
    let v = judge_pitch("I deserve a promotion. I'm bored and I want a raise.");
    let texts: Vec<&str> = v
        .phrases_to_reconsider
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with("I deserve")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.starts_with("I want")), "{texts:?}");
    assert!(
        v.phrases_to_reconsider
            .iter()
            .all(|p| !p.reason.is_empty() && !p.suggestion.is_empty())
    );
}

#[test]
fn suggested_opening_leads_with_their_goal() {
    let v = judge_pitch(
        "I want to lead something. Retention is your top goal for the year and exit interviews say people cannot see a path.",
    );
    assert!(v.leads_with_self);
    assert!(
        v.suggested_opening
            .starts_with("Retention is your top goal"),
        "{}",
        v.suggested_opening
    );
    let only_me =
        judge_pitch("I want to lead the digital project because it would be great for me.");
    assert!(
        only_me.suggested_opening.contains("the digital project"),
        "{}",
        only_me.suggested_opening
    );
}

#[test]
fn an_empty_pitch_has_nothing_to_weigh_and_is_not_called_customer_focused() {
    for text in ["", "   ", "The meeting is on Tuesday."] {
        let v = judge_pitch(text);
        assert_eq!(v.label, PitchLabel::Empty, "{text:?}");
        assert_eq!((v.self_share, v.customer_share), (0.0, 0.0), "{text:?}");
        assert!(v.reasons[0].contains("nothing to weigh"), "{text:?}");
        assert!(!v.suggested_opening.is_empty(), "{text:?}");
    }
    assert_eq!(
        serde_json::to_value(judge_pitch("")).unwrap()["label"],
        "empty"
    );
}

#[rstest]
#[case("Nobody here ever gives me a chance.")]
#[case("No one ever listens to my ideas.")]
#[case("It is not fair that I was overlooked again.")]
#[case("I am fed up with waiting, just give me a chance.")]
fn complaints_are_flagged(#[case] text: &str) {
    let v = judge_pitch(text);
    assert!(!v.phrases_to_reconsider.is_empty(), "{text}");
    let texts: Vec<&str> = v
        .phrases_to_reconsider
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    // one phrase per stretch of words, not several quotes of the same complaint
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            assert!(!a.contains(b) && !b.contains(a), "{text}: {texts:?}");
        }
    }
}

#[test]
fn a_pitch_that_already_opens_with_their_goal_is_not_echoed_back() {
    for text in [
        "What are you trying to achieve this quarter?",
        "Your team wants to cut onboarding time in half. I could run the pilot.",
    ] {
        let v = judge_pitch(text);
        assert_eq!(v.suggested_opening, "", "{text}");
        assert!(
            v.reasons.iter().any(|r| r.contains("keep it")),
            "{text}: {:?}",
            v.reasons
        );
    }
}

#[test]
fn serialises_with_snake_case_labels() {
    let json = serde_json::to_value(judge_pitch("I want a raise.")).unwrap();
    assert_eq!(json["label"], "self");
    assert_eq!(json["leads_with_self"], true);
    assert!(json["phrases_to_reconsider"][0]["suggestion"].is_string());
    assert!(json["sentences"][0]["focus"].is_string());
}
