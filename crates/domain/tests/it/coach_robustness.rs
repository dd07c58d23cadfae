//! Bad and odd input never panics and always gets a sensible verdict (fuzz-ish, deterministic).

use ladderless_domain::coach::{
    Focus, MAX_QUESTION_CHARS, Openness, PitchLabel, PitchVerdict, QuestionVerdict, judge_pitch,
    judge_question,
};
use rstest::rstest;

/// Invariants every question verdict keeps, whatever the input.
fn check_question(text: &str, v: &QuestionVerdict) {
    assert!(v.reasons.len() >= 4, "{text:?}: one reason per label");
    assert!(v.reasons.iter().all(|r| !r.trim().is_empty()), "{text:?}");
    assert_eq!(v.question_count, v.questions.len(), "{text:?}");
    assert_eq!(v.multiple, v.question_count > 1, "{text:?}");
    assert!(!v.reframe.trim().is_empty(), "{text:?}");
    assert!(v.reframe.ends_with(['?', '.']), "{text:?}: {}", v.reframe);
    assert!(!v.suggestions.is_empty(), "{text:?}");
    serde_json::to_string(v).expect("serialises");
}

/// Invariants every pitch verdict keeps, whatever the input.
fn check_pitch(text: &str, v: &PitchVerdict) {
    for share in [v.self_share, v.customer_share] {
        assert!((0.0..=1.0).contains(&share), "{text:?}: {share}");
    }
    let sum = v.self_share + v.customer_share;
    assert!(sum == 0.0 || (sum - 1.0).abs() < 1e-4, "{text:?}: {sum}");
    // an opening is suggested unless the pitch already opens with the customer, which a reason says
    assert!(
        !v.suggested_opening.trim().is_empty() || v.reasons.iter().any(|r| r.contains("keep it")),
        "{text:?}"
    );
    assert!(!v.reasons.is_empty(), "{text:?}");
    assert!(
        v.sentences
            .iter()
            .all(|s| s.self_share.is_finite() && s.customer_share.is_finite())
    );
    serde_json::to_string(v).expect("serialises");
}

#[rstest]
#[case("")]
#[case("   ")]
#[case("\n\t\r\n")]
#[case("?")]
#[case("???!!!...")]
#[case("😀😀😀")]
#[case("🙂 ? 🚀")]
#[case("¿Tienes un trabajo para mí?")]
#[case("您能给我一份工作吗？")]
#[case("هل لديك وظيفة لي؟")]
#[case("Есть ли у вас работа для меня?")]
#[case("Haben Sie eine Stelle für mich?")]
#[case("...and?")]
#[case(", , , ?")]
#[case("- - -")]
#[case("'''")]
#[case("i")]
#[case("a?b?c?d?e?f?g?")]
#[case("\u{0}\u{1}\u{7f}")]
#[case("e.g.")]
#[case("What")]
#[case("isn't it")]
fn odd_input_gets_a_verdict(#[case] text: &str) {
    check_question(text, &judge_question(text));
    check_pitch(text, &judge_pitch(text));
}

#[rstest]
#[case("")]
#[case("   ")]
#[case("😀😀😀")]
fn no_words_means_no_question(#[case] text: &str) {
    let v = judge_question(text);
    assert_eq!(v.question_count, 0);
    assert_eq!(
        (v.openness, v.focus, v.leading),
        (Openness::Closed, Focus::Neutral, false)
    );
    assert!(
        v.reasons[0].starts_with("No question found"),
        "{:?}",
        v.reasons
    );
    let p = judge_pitch(text);
    assert_eq!(p.label, PitchLabel::Empty);
}

#[test]
fn non_english_is_said_so() {
    let v = judge_question("¿Tienes un trabajo para mí?");
    assert!(
        v.reasons.iter().any(|r| r.contains("English")),
        "{:?}",
        v.reasons
    );
}

#[test]
fn ten_thousand_characters_are_clipped_not_choked_on() {
    let long = "What is slowing your team down? ".repeat(320);
    assert!(long.chars().count() >= 10_000);
    let v = judge_question(&long);
    check_question(&long, &v);
    assert!(
        v.reasons
            .iter()
            .any(|r| r.contains(&format!("first {MAX_QUESTION_CHARS} characters")))
    );
    let one_word = "a".repeat(10_000);
    check_question(&one_word, &judge_question(&one_word));
    let pitch = "I want a promotion. ".repeat(600);
    check_pitch(&pitch, &judge_pitch(&pitch));
    let multibyte = "é".repeat(10_000);
    check_question(&multibyte, &judge_question(&multibyte));
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn random_character_soup_never_panics() {
    let alphabet: Vec<char> =
        "abcdefghijklmnopqrstuvwxyz ABCXYZ ?.,;:!-'’\"()\n\t0123456789éßøç😀中ع"
            .chars()
            .collect();
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    for _ in 0..2_000 {
        let len = (rng.next() % 120) as usize;
        let text: String = (0..len).map(|_| *rng.pick(&alphabet)).collect();
        check_question(&text, &judge_question(&text));
        check_pitch(&text, &judge_pitch(&text));
    }
}

#[test]
fn random_word_salad_never_panics() {
    let words = [
        "what",
        "how",
        "do",
        "you",
        "don't",
        "isn't",
        "it",
        "my",
        "your",
        "team",
        "promotion",
        "could",
        "walk",
        "me",
        "through",
        "i",
        "wonder",
        "whether",
        "if",
        "or",
        "and",
        "?",
        ",",
        ".",
        "tell",
        "surely",
        "right",
        "customers",
        "the",
        "budget",
        "'s",
        "-",
        ":",
        "any",
        "thoughts",
        "so",
        "we",
        "should",
        "just",
        "wouldn't",
        "better",
        "job",
        "for",
        "a",
        "why",
        "not",
        "is",
        "there",
    ];
    let mut rng = Rng(42);
    for _ in 0..3_000 {
        let len = (rng.next() % 25) as usize;
        let text = (0..len)
            .map(|_| *rng.pick(&words))
            .collect::<Vec<_>>()
            .join(" ");
        let v = judge_question(&text);
        check_question(&text, &v);
        check_pitch(&text, &judge_pitch(&text));
    }
}
