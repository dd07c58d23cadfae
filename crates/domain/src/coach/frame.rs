//! Question frames: tags, indirect questions, polite requests, pleasantries and leading cues.

use super::lexicon::{self as lx, has};
use super::tokenise::Token;

/// Removes a trailing tag ("…, isn't it", "…, right") and says why it leads.
pub(crate) fn strip_tag(toks: &mut Vec<Token>) -> Option<&'static str> {
    let words: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
    let n = words.len();
    let comma = words.iter().rposition(|w| *w == ",");
    let tail: &[&str] = match comma {
        Some(c) if c >= 2 && n - c <= 5 => &words[c + 1..],
        _ if n >= 6
            && (has(lx::NEG_AUX, words[n - 2]) && has(lx::TAG_SUBJECTS, words[n - 1]))
            && !starts_question(&words) =>
        {
            &words[n - 2..]
        }
        _ => return None,
    };
    let is_tag = match tail {
        [w] => lx::TAG_WORDS.contains(w) || *w == "innit",
        [a, s] => (lx::NEG_AUX.contains(a) || lx::AUX.contains(a)) && lx::TAG_SUBJECTS.contains(s),
        ["am", "i", "right"] | ["do", "you", "agree"] | ["yes", "or", "no"] => true,
        [a, s, v] => {
            (lx::NEG_AUX.contains(a) || lx::AUX.contains(a))
                && lx::TAG_SUBJECTS.contains(s)
                && matches!(*v, "say" | "think" | "agree")
        }
        _ => false,
    };
    if !is_tag || starts_question(&words) && !lx::NEG_AUX.contains(&tail[0]) && tail.len() > 1 {
        return None;
    }
    let cut = n - tail.len() - usize::from(comma.is_some_and(|c| c + tail.len() + 1 == n));
    toks.truncate(cut);
    while toks.last().is_some_and(|t| t.punct) {
        toks.pop();
    }
    Some("It ends with a tag (\"…, isn't it?\", \"…, right?\") that pushes the listener to agree.")
}

/// Whether the words open like a question (wh-word or auxiliary first).
pub(crate) fn starts_question(words: &[&str]) -> bool {
    words
        .first()
        .is_some_and(|w| has(lx::WH, w) || lx::AUX.contains(w) || lx::NEG_AUX.contains(w))
}

/// Indirect question frames: (frame words, whether the frame itself asks an open question).
#[rustfmt::skip]
const INDIRECT: &[&[&str]] = &[
    &["i", "wonder"], &["i", "wondered"], &["i", "am", "wondering"], &["i", "was", "wondering"],
    &["i", "would", "love", "to"], &["i", "would", "like", "to", "know"],
    &["i", "would", "like", "to", "understand"], &["i", "would", "like", "to", "hear"],
    &["i", "would", "like", "to", "learn"], &["i", "would", "like", "to", "find", "out"],
    &["i", "want", "to", "know"], &["i", "want", "to", "understand"], &["i", "want", "to", "hear"],
    &["i", "am", "curious"], &["i", "am", "keen", "to"], &["i", "am", "interested"],
    &["i", "would", "be", "interested"], &["i", "am", "trying", "to", "understand"],
    &["i", "am", "trying", "to", "work", "out"], &["i", "would", "value"], &["i", "would", "welcome"],
    &["tell", "me"], &["help", "me", "understand"], &["help", "me", "see"], &["talk", "me", "through"],
    &["walk", "me", "through"], &["take", "me", "through"], &["run", "me", "through"], &["describe"], &["explain"],
    &["share", "with", "me"], &["let", "me", "know"], &["any", "thoughts"], &["any", "idea"], &["any", "ideas"],
    &["any", "views"], &["curious"], &["wondering"], &["keen", "to", "hear"], &["love", "to", "hear"],
    &["would", "love", "to", "hear"], &["please", "tell", "me"], &["please", "describe"],
];

/// Length of the indirect frame the words start with, if any ("I'd *really* like to know" counts).
pub(crate) fn indirect_frame(words: &[&str]) -> Option<usize> {
    INDIRECT.iter().filter_map(|f| loose_prefix(words, f)).max()
}

/// Words consumed when `words` starts with `frame`, allowing adverbs in between.
fn loose_prefix(words: &[&str], frame: &[&str]) -> Option<usize> {
    let mut i = 0;
    for (k, f) in frame.iter().enumerate() {
        while k > 0
            && i < words.len()
            && words[i] != *f
            && matches!(
                words[i],
                "really"
                    | "just"
                    | "also"
                    | "actually"
                    | "genuinely"
                    | "truly"
                    | "quite"
                    | "so"
                    | "very"
                    | "still"
            )
        {
            i += 1;
        }
        if words.get(i) != Some(f) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// Filler words between a frame and its content ("tell me *a bit more about*").
#[rustfmt::skip]
const FILLER: &[&str] = &[
    "hear", "know", "understand", "learn", "find", "out", "about", "more", "a", "bit", "little", "to", "in", "get",
    "sense", "of", "your", "thoughts", "on", "me", "us", "through", "as", "please", "see", "ask", "hearing",
];

/// Whether the content after a frame is a yes/no link ("…whether…", "…if…") before any wh-word.
pub(crate) fn yes_no_after(words: &[&str]) -> bool {
    for w in words.iter().take(6) {
        if lx::YES_NO_LINK.contains(w) {
            return true;
        }
        if has(lx::WH, w) || !FILLER.contains(w) {
            return false;
        }
    }
    false
}

/// "Could you (please) walk me through…": frame length and whether it asks openly.
pub(crate) fn polite_request(words: &[&str]) -> Option<(usize, bool)> {
    let mut k = 2;
    while k < words.len()
        && matches!(
            words[k],
            "please"
                | "possibly"
                | "perhaps"
                | "just"
                | "kindly"
                | "maybe"
                | "briefly"
                | "quickly"
                | "also"
                | "mind"
                | "be"
                | "able"
                | "to"
                | "willing"
                | "care"
        )
    {
        k += 1;
    }
    let verb = at(words, k);
    if !lx::TELL_VERBS.contains(&verb) && verb != "let" {
        return None;
    }
    let rest = &words[k + 1..];
    let near = |ws: &[&str]| rest.iter().take(4).any(|w| ws.contains(w));
    let frame_ok = match verb {
        "give" | "giving" => near(&[
            "example", "examples", "sense", "overview", "picture", "idea", "rundown", "summary",
            "flavor", "flavour",
        ]),
        "take" | "taking" | "run" | "go" => near(&["through"]),
        "help" => near(&["understand", "see", "picture"]),
        "show" | "showing" => rest.iter().take(3).any(|w| has(lx::WH, w)),
        "say" | "saying" => rest
            .first()
            .is_some_and(|w| matches!(*w, "more" | "a") || has(lx::WH, w)),
        "let" => near(&["know"]),
        _ => true,
    };
    if !frame_ok {
        return None;
    }
    let mut n = k + 1;
    while n < words.len()
        && matches!(
            words[n],
            "me" | "us"
                | "through"
                | "understand"
                | "see"
                | "know"
                | "an"
                | "a"
                | "example"
                | "of"
                | "more"
                | "about"
                | "bit"
        )
    {
        n += 1;
    }
    Some((n, !yes_no_after(&words[k + 1..])))
}

/// "Can I ask you something?", "Is this a good time?"
pub(crate) fn is_pleasantry(words: &[&str]) -> bool {
    matches!(
        words,
        ["can" | "could" | "may", "i", "ask", ..] if words.len() <= 6 && !words.iter().any(|w| has(lx::WH, w))
    ) || words.starts_with(&["is", "this", "a", "good", "time"])
        || matches!(
            words,
            [
                "do" | "have",
                "you",
                "have" | "got",
                "a",
                "minute" | "moment" | "sec" | "second"
            ]
        )
        || matches!(
            words,
            ["got" | "have", "a", "minute" | "moment" | "sec" | "second"]
                | ["you", "got", "a", "minute" | "moment" | "sec" | "second"]
        )
}

/// A phrase anywhere in the clause that pushes an answer.
pub(crate) fn leading_cue(words: &[&str]) -> Option<&'static str> {
    if words.iter().any(|w| lx::LEADING_WORDS.contains(w)) {
        return Some(
            "It uses a word like \"surely\", \"obviously\" or \"wasting\" that presumes the answer.",
        );
    }
    if lx::LEADING_PHRASES
        .iter()
        .any(|p| words.windows(p.len()).any(|w| w == *p))
    {
        return Some(
            "It suggests the answer it wants (\"you'd agree…\", \"wouldn't it be better if…\").",
        );
    }
    let proposal = lx::NEG_AUX.contains(&at(words, 1)) && matches!(at(words, 2), "we" | "you")
        || at(words, 1) == "not";
    if at(words, 0) == "why" && (proposal || words.iter().any(|w| matches!(*w, "always" | "never")))
    {
        return Some(
            "\"Why don't we…\" / \"why … always\" assumes something the listener has not agreed to.",
        );
    }
    None
}

pub(crate) fn at<'a>(words: &[&'a str], i: usize) -> &'a str {
    words.get(i).copied().unwrap_or("")
}
