//! Unit tests of the question coach: the tricky cases, pinned.

use super::*;
use Focus::{Customer, Neutral, SelfFocused};
use Openness::{Closed, Open};
use rstest::rstest;

#[rstest]
// polite requests that begin with a modal are still open
#[case(
    "Could you walk me through how the approval process works?",
    Open,
    Customer,
    false,
    false
)]
#[case(
    "Can you tell me if the budget was approved?",
    Closed,
    Customer,
    false,
    false
)]
#[case(
    "Would you mind telling me how the targets were set?",
    Open,
    Customer,
    false,
    false
)]
// "anything else" is closed and about nothing in particular
#[case("Is there anything else?", Closed, Neutral, false, false)]
// open in form, self in focus
#[case("What can you do for my promotion?", Open, SelfFocused, false, false)]
#[case("Do you have a job opening for me?", Closed, SelfFocused, false, false)]
// tag questions lead and close
#[case("The launch went well, didn't it?", Closed, Customer, true, false)]
#[case(
    "Your biggest issue is hiring, correct?",
    Closed,
    Customer,
    true,
    false
)]
#[case("Pricing is the real problem isn't it", Closed, Customer, true, false)]
// leading frames
#[case(
    "Don't you think we should move everything to the cloud?",
    Closed,
    Customer,
    true,
    false
)]
#[case(
    "Wouldn't it be better if I managed the customer workshops?",
    Closed,
    SelfFocused,
    true,
    false
)]
#[case(
    "How much better would things be if I managed the rollout?",
    Open,
    SelfFocused,
    true,
    false
)]
#[case(
    "Surely the sales team should own this?",
    Closed,
    Customer,
    true,
    false
)]
#[case(
    "Why don't we just close the small branches?",
    Open,
    Customer,
    true,
    false
)]
#[case(
    "Why haven't I had a raise in three years?",
    Open,
    SelfFocused,
    false,
    false
)]
// indirect questions
#[case(
    "I wonder what your biggest challenge is this year.",
    Open,
    Customer,
    false,
    false
)]
#[case(
    "I'd really like to understand what your planners struggle with.",
    Open,
    Customer,
    false,
    false
)]
#[case(
    "I was wondering if there are any jobs going in your team.",
    Closed,
    SelfFocused,
    false,
    false
)]
#[case(
    "Any thoughts on how we could speed up onboarding?",
    Open,
    Customer,
    false,
    false
)]
// no question mark, typos, shouting
#[case(
    "what are your goals for the next quarter",
    Open,
    Customer,
    false,
    false
)]
#[case("do u have a job for me", Closed, SelfFocused, false, false)]
#[case(
    "Waht is stoping your team from hitting the target?",
    Open,
    Customer,
    false,
    false
)]
#[case("WHAT ARE YOUR PRIORITIES FOR Q3?", Open, Customer, false, false)]
// British and American spelling alike
#[case(
    "How is the organisation prioritising the new programme?",
    Open,
    Customer,
    false,
    false
)]
#[case(
    "How is the organization prioritizing the new program?",
    Open,
    Customer,
    false,
    false
)]
// facts and forced choices are closed
#[case(
    "How many customers did we lose last quarter?",
    Closed,
    Customer,
    false,
    false
)]
#[case(
    "Which matters more to your director, cost or speed?",
    Closed,
    Customer,
    false,
    false
)]
#[case(
    "In what ways is the new CRM helping or hurting your sales reps?",
    Open,
    Customer,
    false,
    false
)]
// several questions, and context sentences that are not questions
#[case(
    "What are your goals this year? How can I help?",
    Open,
    Customer,
    false,
    true
)]
#[case(
    "What is your biggest challenge, and how are you tackling it?",
    Open,
    Customer,
    false,
    true
)]
#[case(
    "Is the new tool working for you, or should we look at alternatives?",
    Closed,
    Customer,
    false,
    false
)]
#[case(
    "I know you're busy. Could you tell me what's on your mind about the launch?",
    Open,
    Customer,
    false,
    false
)]
#[case(
    "Where are the delays coming from? Is it the suppliers?",
    Closed,
    Customer,
    true,
    true
)]
#[case(
    "Can I ask you something? What would make the biggest difference to your clients?",
    Open,
    Customer,
    false,
    true
)]
// new domains the lexicons do not list
#[case(
    "Don't you think the nurses are overworked?",
    Closed,
    Customer,
    true,
    false
)]
#[case("Did you get my text?", Closed, Neutral, false, false)]
fn judges(
    #[case] text: &str,
    #[case] openness: Openness,
    #[case] focus: Focus,
    #[case] leading: bool,
    #[case] multiple: bool,
) {
    let v = judge_question(text);
    assert_eq!(
        (v.openness, v.focus, v.leading, v.multiple),
        (openness, focus, leading, multiple),
        "{text}: {:?}",
        v.reasons
    );
    assert!(v.reasons.len() >= 4, "one reason per label");
}

#[test]
fn reframes_the_job_question_towards_their_goals() {
    let v = judge_question("Do you have a job opening for me?");
    assert_eq!(
        v.reframe,
        "What is getting in the way of your team's goals this quarter?"
    );
    assert!(
        v.suggestions
            .iter()
            .any(|s| s.contains("what they are trying to achieve"))
    );
}

#[rstest]
#[case("Is the budget approved?", "budget")]
#[case("Have you considered outsourcing the night shift?", "night shift")]
#[case("Are your customers happy with the new portal?", "portal")]
#[case(
    "We should automate the invoicing, shouldn't we?",
    "automate the invoicing"
)]
#[case("Is your priority speed or quality this quarter?", "speed")]
#[case("Your team is overloaded, isn't it?", "your team")]
fn reframes_keep_the_topic(#[case] text: &str, #[case] topic: &str) {
    let v = judge_question(text);
    assert!(v.reframe.contains(topic), "{text} -> {}", v.reframe);
    let r = judge_question(&v.reframe);
    assert_eq!(
        (r.openness, r.leading, r.multiple),
        (Open, false, false),
        "{}",
        v.reframe
    );
    assert_ne!(r.focus, SelfFocused, "{}", v.reframe);
}

#[test]
fn a_good_question_gets_another_open_one_not_itself() {
    for q in [
        "What is slowing your team down at the moment?",
        // a question from the bank, typed back exactly
        "What is the hardest part of reaching your goal this year?",
    ] {
        let v = judge_question(q);
        assert!(!v.blaming && !v.leading && v.openness == Open, "{q}");
        assert_ne!(v.reframe.to_lowercase(), q.to_lowercase(), "{q}");
        let r = judge_question(&v.reframe);
        assert_eq!(
            (r.openness, r.leading, r.blaming),
            (Open, false, false),
            "{}",
            v.reframe
        );
        assert!(
            v.suggestions.iter().all(|s| !s.contains(q)),
            "{q}: {:?}",
            v.suggestions
        );
    }
}

#[rstest]
#[case("Why did you let the release process get this bad?", "why did you let")]
#[case("Why didn't you tell me the launch had slipped?", "why didn't you")]
#[case("How could you ship it without testing?", "how could you")]
#[case("You never update the roadmap, do you?", "you never")]
#[case("Whose fault was the outage?", "whose fault")]
#[case("Why do you keep missing the deadlines?", "why do you keep")]
fn blaming_questions_are_flagged_with_a_supportive_reframe(#[case] q: &str, #[case] quoted: &str) {
    let v = judge_question(q);
    assert!(v.blaming, "{q}");
    assert!(
        v.reasons
            .iter()
            .any(|r| r.contains(&format!("\"{quoted}\""))),
        "{q}: {:?}",
        v.reasons
    );
    assert!(
        v.suggestions.iter().any(|s| s.contains("not the person")),
        "{q}"
    );
    let r = judge_question(&v.reframe);
    assert!(
        !r.blaming && !r.leading && r.openness == Open,
        "{q} -> {}",
        v.reframe
    );
}

#[test]
fn the_release_process_reframe_keeps_the_topic() {
    let v = judge_question("Why did you let the release process get this bad?");
    assert_eq!(
        v.reframe,
        "What would help the release process get back on track?"
    );
}

#[rstest]
#[case("Why did the release slip, and what would help next time?")]
#[case("What got in the way of the release?")]
#[case("How do you always manage to stay so calm?")]
#[case("Why don't you walk me through the plan?")]
fn curious_questions_are_not_blame(#[case] q: &str) {
    assert!(!judge_question(q).blaming, "{q}");
}

#[test]
fn statements_say_no_question_was_found() {
    let v = judge_question("I would like a promotion.");
    assert_eq!(v.question_count, 0);
    assert!(v.reasons[0].starts_with("No question found"));
    assert_eq!(v.focus, SelfFocused);
    assert!(judge_question(&v.reframe).openness == Open);
}

#[test]
fn serialises_with_snake_case_labels() {
    let json = serde_json::to_value(judge_question("What can you do for my promotion?")).unwrap();
    assert_eq!(json["openness"], "open");
    assert_eq!(json["focus"], "self");
    assert_eq!(json["leading"], false);
    assert_eq!(json["multiple"], false);
    assert_eq!(json["question_count"], 1);
    assert_eq!(json["theme"], "my_career");
    for key in ["reasons", "reframe", "suggestions", "questions"] {
        assert!(!json[key].is_null(), "{key}");
    }
}
