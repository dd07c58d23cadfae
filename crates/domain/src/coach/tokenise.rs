//! Splitting text into sentences and normalised word tokens.
//!
//! Normalisation lower-cases, expands contractions, maps British spellings to one canonical form
//! and repairs common typos (a small map plus a one-edit fuzzy match against the coach's own
//! vocabulary), so the rules downstream only ever see canonical words.

use super::spelling::{self, apostrophise, expand_contraction, fix_typo};

/// Most characters of a question the coach reads; the rest is ignored (and said so).
pub const MAX_QUESTION_CHARS: usize = 2_000;

/// Most characters of a pitch the coach reads; the rest is ignored (and said so).
pub const MAX_PITCH_CHARS: usize = 6_000;

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Canonical form used by the rules (lower case, American spelling, typos fixed).
    pub norm: String,
    /// Form shown back to the user in reframes (typos fixed, the writer's spelling and case kept).
    pub surface: String,
    /// Whether the word carried a possessive `'s` / `s'`.
    pub possessive: bool,
    /// Whether this is punctuation inside a sentence (`,` `:` `;` `-`).
    pub punct: bool,
}

impl Token {
    fn mark(c: char) -> Self {
        Self {
            norm: c.to_string(),
            surface: c.to_string(),
            possessive: false,
            punct: true,
        }
    }
    /// Whether the canonical form is `w`.
    pub fn is(&self, w: &str) -> bool {
        self.norm == w
    }
}

/// How a sentence ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    Question,
    Stop,
    Exclaim,
    None,
}

/// One sentence: its tokens and how it ended.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub tokens: Vec<Token>,
    pub end: End,
}

impl Sentence {
    /// Word tokens only (no punctuation).
    pub fn words(&self) -> impl Iterator<Item = &Token> {
        self.tokens.iter().filter(|t| !t.punct)
    }
}

/// Cuts `text` to `max` characters on a character boundary; says whether it cut.
pub(crate) fn clip(text: &str, max: usize) -> (&str, bool) {
    match text.char_indices().nth(max) {
        Some((i, _)) => (&text[..i], true),
        None => (text, false),
    }
}

/// Splits text into sentences of normalised tokens; drops sentences without words.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let all_caps = is_all_caps(text);
    let mut out = Vec::new();
    let mut words: Vec<Token> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if is_word_char(c)
            || (is_apostrophe(c) && !cur.is_empty())
            || (c == '-' && !cur.is_empty() && next.is_some_and(char::is_alphanumeric))
        {
            cur.push(c);
            i += 1;
            continue;
        }
        // a '.' inside a number or an abbreviation like "e.g." does not end the sentence
        if c == '.' && !cur.is_empty() && next.is_some_and(char::is_alphanumeric) {
            cur.push(c);
            i += 1;
            continue;
        }
        if c == '.' && cur.contains('.') && cur.chars().count() <= 5 {
            // the closing dot of "e.g." or "i.e."
            i += 1;
            continue;
        }
        flush(&mut cur, &mut words, all_caps);
        match c {
            '?' | '？' => push_sentence(&mut out, &mut words, End::Question),
            '.' | '!' | '\n' | '…' | '。' => {
                // "??" / "?!" / "..." collapse into the first terminator
                let end = if c == '!' {
                    End::Exclaim
                } else if c == '\n' {
                    End::None
                } else {
                    End::Stop
                };
                if c == '.' && out_is_question_run(&chars, i) {
                    // "...?" style: treat as question
                } else {
                    push_sentence(&mut out, &mut words, end);
                }
            }
            ',' | ':' | ';' | '–' | '—' => {
                words.push(Token::mark(if c == '—' || c == '–' { '-' } else { c }))
            }
            '-' => words.push(Token::mark('-')),
            _ => {}
        }
        i += 1;
    }
    flush(&mut cur, &mut words, all_caps);
    push_sentence(&mut out, &mut words, End::None);
    out
}

/// Whether the dots at `i` run straight into a question mark ("so...?").
fn out_is_question_run(chars: &[char], i: usize) -> bool {
    let mut j = i;
    while j < chars.len() && chars[j] == '.' {
        j += 1;
    }
    j < chars.len() && chars[j] == '?'
}

fn push_sentence(out: &mut Vec<Sentence>, words: &mut Vec<Token>, end: End) {
    // trim punctuation at both ends
    while words.first().is_some_and(|t| t.punct) {
        words.remove(0);
    }
    while words.last().is_some_and(|t| t.punct) {
        words.pop();
    }
    if words.iter().any(|t| !t.punct) {
        out.push(Sentence {
            tokens: std::mem::take(words),
            end,
        });
    } else {
        words.clear();
        // a bare "?" after a sentence without terminator upgrades it ("is it ok ??")
        if end == End::Question
            && let Some(last) = out.last_mut()
            && last.end == End::None
        {
            last.end = End::Question;
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '&'
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`')
}

fn is_all_caps(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut total) = (0usize, 0usize);
    for c in letters {
        total += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    total >= 6 && upper * 10 >= total * 9
}

/// Turns one raw word into one or more tokens.
fn flush(cur: &mut String, out: &mut Vec<Token>, all_caps: bool) {
    if cur.is_empty() {
        return;
    }
    let raw: String = cur
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect();
    cur.clear();
    let raw = raw.trim_matches('\'').trim_end_matches('-').to_owned();
    if raw.is_empty() {
        return;
    }
    let lower = raw.to_lowercase();
    // keep the writer's case for names and acronyms unless everything is shouted
    let keep_case = !all_caps && raw.chars().skip(1).any(char::is_uppercase)
        || !all_caps
            && lower != raw
            && out.iter().any(|t| !t.punct)
            && !matches!(lower.as_str(), "i" | "i'm" | "i've" | "i'd" | "i'll");
    let surface_of = |s: &str| {
        if keep_case && s == lower {
            raw.clone()
        } else {
            s.to_owned()
        }
    };

    if let Some(parts) = expand_contraction(&lower) {
        // the first part shows the word as written ("what's"), the rest show nothing
        for (k, p) in parts.iter().enumerate() {
            let surface = if k > 0 {
                String::new()
            } else if parts.len() > 1 {
                apostrophise(&lower)
            } else {
                (*p).to_owned()
            };
            out.push(Token {
                norm: (*p).to_owned(),
                surface,
                possessive: false,
                punct: false,
            });
        }
        return;
    }
    // possessives: "team's", "colleagues'"
    let (stem, possessive) = if let Some(s) = lower.strip_suffix("'s") {
        (s.to_owned(), true)
    } else if raw.ends_with("s'") {
        (lower.trim_end_matches('\'').to_owned(), true)
    } else {
        (lower.clone(), false)
    };
    let fixed = fix_typo(&stem);
    let surface = if fixed != stem {
        fixed.clone()
    } else {
        surface_of(&stem)
    };
    let norm = spelling::canonical_spelling(&fixed).map_or(fixed.clone(), str::to_owned);
    out.push(Token {
        norm,
        surface,
        possessive,
        punct: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn norms(text: &str) -> Vec<Vec<String>> {
        sentences(text)
            .into_iter()
            .map(|s| s.words().map(|t| t.norm.clone()).collect())
            .collect()
    }

    #[rstest]
    #[case("What's your goal?", &["what", "is", "your", "goal"])]
    #[case("do u have a job 4 me", &["do", "you", "have", "a", "job", "4", "me"])]
    #[case("Waht is stoping your team?", &["what", "is", "stopping", "your", "team"])]
    #[case("How is the organisation prioritising the programme?", &["how", "is", "the", "organization", "prioritizing", "the", "program"])]
    #[case("Is your team's cusotmers happy?", &["is", "your", "team", "customers", "happy"])]
    fn normalises(#[case] text: &str, #[case] want: &[&str]) {
        assert_eq!(norms(text)[0], want);
    }

    #[test]
    fn splits_sentences_and_keeps_question_marks() {
        let s = sentences("Thanks for the time. What are your goals? How can I help??");
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].end, End::Stop);
        assert_eq!(s[1].end, End::Question);
        assert_eq!(s[2].end, End::Question);
    }

    #[test]
    fn numbers_and_abbreviations_do_not_split() {
        assert_eq!(
            sentences("Is the 2.5 release, e.g. the new one, late?").len(),
            1
        );
    }

    #[test]
    fn clip_respects_char_boundaries() {
        let s = "é".repeat(MAX_QUESTION_CHARS + 10);
        let (c, cut) = clip(&s, MAX_QUESTION_CHARS);
        assert!(cut);
        assert_eq!(c.chars().count(), MAX_QUESTION_CHARS);
    }
}
