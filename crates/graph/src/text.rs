//! Words for the text similarities: normalised, stop words dropped, crudely stemmed.

use ladderless_catalogue::normalize;

/// Words too common in task statements and titles to say anything about a role.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "by",
    "can",
    "do",
    "each",
    "etc",
    "for",
    "from",
    "has",
    "have",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "may",
    "more",
    "not",
    "of",
    "on",
    "one",
    "or",
    "other",
    "others",
    "over",
    "per",
    "related",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "these",
    "this",
    "those",
    "through",
    "to",
    "under",
    "upon",
    "use",
    "used",
    "using",
    "various",
    "via",
    "when",
    "where",
    "which",
    "while",
    "who",
    "with",
    "within",
    "without",
    "all",
];

/// Appends the stemmed content words of `text` to `out`.
pub(crate) fn words_into(text: &str, out: &mut Vec<String>) {
    for word in normalize(text).split(' ') {
        if word.len() < 2 || STOP_WORDS.contains(&word) || word.bytes().all(|b| b.is_ascii_digit())
        {
            continue;
        }
        out.push(stem(word));
    }
}

/// The stemmed content words of `text`.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    words_into(text, &mut out);
    out
}

/// A light English stemmer (plural, `-ing`, `-ed`, final `-e`/`-y`), enough to make
/// `nurse`, `nurses` and `nursing` one word. Short words are left alone.
pub(crate) fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.is_ascii() {
        return word.to_owned();
    }
    let mut w = word.to_owned();
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        w.pop();
    }
    let mut cut_suffix = false;
    if w.ends_with("ing") && w.len() >= 7 {
        w.truncate(w.len() - 3);
        cut_suffix = true;
    } else if w.ends_with("ed") && w.len() >= 6 {
        w.truncate(w.len() - 2);
        cut_suffix = true;
    }
    let bytes = w.as_bytes();
    let n = bytes.len();
    if cut_suffix && n >= 2 && bytes[n - 1] == bytes[n - 2] && !b"lsz".contains(&bytes[n - 1]) {
        w.pop();
    }
    if w.len() > 4 && (w.ends_with('e') || w.ends_with('y')) {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("nurse", "nurs")]
    #[case("nurses", "nurs")]
    #[case("nursing", "nurs")]
    #[case("planning", "plan")]
    #[case("companies", "compan")]
    #[case("company", "compan")]
    #[case("business", "business")]
    #[case("analysis", "analysis")]
    #[case("bus", "bus")]
    #[case("managed", "manag")]
    #[case("manager", "manager")]
    fn stems(#[case] word: &str, #[case] expected: &str) {
        assert_eq!(stem(word), expected);
    }

    #[test]
    fn drops_stop_words_and_numbers() {
        assert_eq!(
            words("Monitor the patients' vital signs, 24 hours a day (RN)"),
            ["monitor", "patient", "vital", "sign", "hour", "day", "rn"]
        );
    }
}
