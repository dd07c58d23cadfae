//! Running the rules over a drafted question: clauses, main question, openness, focus and leading.

use super::bank::{self, Theme};
use super::clause::{self, Clause, Opener};
use super::focus::{self, Focus, Score};
use super::lexicon;
use super::question::Openness;
use super::tokenise::{self, Token};

/// Everything the rules found, before the reframe is written.
#[derive(Debug, Clone)]
pub(crate) struct Analysis {
    pub clauses: Vec<Clause>,
    /// Index into `clauses` of the main question.
    pub main: Option<usize>,
    pub openness: Openness,
    pub focus: Focus,
    pub score: Score,
    pub leading: bool,
    pub guess: bool,
    pub question_count: usize,
    pub clipped: bool,
    pub english: bool,
    pub theme: Theme,
    pub why_open: String,
    pub why_leading: Option<String>,
    /// Whether it assigns blame ("Why did you let…", "you never…").
    pub blaming: bool,
    /// Why it reads as blame, quoting the words.
    pub why_blaming: Option<String>,
}

impl Analysis {
    /// The main question clause, if any.
    pub fn main_clause(&self) -> Option<&Clause> {
        self.main.map(|i| &self.clauses[i])
    }
}

/// Runs the rules over `text` (no reframe).
pub(crate) fn analyse(text: &str) -> Analysis {
    let (text, clipped) = tokenise::clip(text, tokenise::MAX_QUESTION_CHARS);
    let sentences = tokenise::sentences(text);
    let clauses: Vec<Clause> = sentences.iter().flat_map(clause::analyse).collect();
    let questions: Vec<usize> = (0..clauses.len())
        .filter(|&i| clauses[i].is_question)
        .collect();
    let main = questions
        .iter()
        .copied()
        .find(|&i| !clauses[i].pleasantry)
        .or_else(|| questions.first().copied());
    let all_words: Vec<&str> = clauses
        .iter()
        .flat_map(|c| c.tokens.iter())
        .filter(|t| !t.punct)
        .map(|t| t.norm.as_str())
        .collect();
    let english = looks_english(&all_words);
    let theme = bank::theme_of(&all_words);

    let mut score = Score::default();
    for c in &clauses {
        let weight = if questions.is_empty() || c.is_question && !c.pleasantry {
            1.0
        } else if c.pleasantry {
            0.0
        } else {
            0.5
        };
        let toks: Vec<Token> = c.tokens[..c.start]
            .iter()
            .chain(&c.tokens[c.body..])
            .cloned()
            .collect();
        score.add(&focus::score(&toks), weight);
    }
    let focus = score.focus();

    let mut a = Analysis {
        main,
        openness: Openness::Closed,
        focus,
        score,
        leading: false,
        guess: false,
        question_count: questions.len(),
        clipped,
        english,
        theme,
        why_open: String::new(),
        why_leading: None,
        blaming: false,
        why_blaming: None,
        clauses: Vec::new(),
    };
    a.why_blaming = blame(&all_words);
    a.blaming = a.why_blaming.is_some();
    match main {
        None => {
            a.why_open = if all_words.is_empty() {
                "No question found: there are no words to judge.".to_owned()
            } else {
                "No question found: this reads as a statement. Turn it into a question that starts with \"What\" or \"How\".".to_owned()
            };
        }
        Some(m) => {
            let mc = &clauses[m];
            a.openness = if mc.open {
                Openness::Open
            } else {
                Openness::Closed
            };
            a.why_open = mc.why_open.to_owned();
            if !english && mc.opener == Opener::Declarative {
                a.why_open =
                    "Could not recognise how this question opens, so it is treated as closed."
                        .to_owned();
            }
            // "What is slowing you down? Is it hiring?": an open question closed by a guess
            if let Some(next) = questions.iter().copied().find(|&i| i > m)
                && mc.open
                && is_guess(&clauses[next])
            {
                a.openness = Openness::Closed;
                a.guess = true;
                a.why_open = "It opens well, then closes with a guess (\"…? Is it X?\"), which invites a yes or no.".to_owned();
                a.why_leading =
                    Some("The guess after the question suggests the answer you expect.".to_owned());
            }
            for &q in &questions {
                let c = &clauses[q];
                if c.leading && !c.pleasantry {
                    a.why_leading = a.why_leading.or_else(|| c.why_leading.map(str::to_owned));
                }
            }
            a.leading = a.why_leading.is_some();
        }
    }
    a.clauses = clauses;
    a
}

/// Word sequences that put the listener on trial rather than invite them to think with you.
/// `*` stands for one or two words ("you let *the team* get…").
#[rustfmt::skip]
const BLAME: &[&[&str]] = &[
    &["why", "did", "you", "let"], &["why", "would", "you", "let"], &["why", "have", "you", "let"],
    &["why", "didn't", "you"], &["why", "haven't", "you"], &["why", "can't", "you"],
    &["why", "wasn't", "it"], &["why", "weren't", "you"], &["why", "do", "you", "keep"],
    &["why", "do", "you", "always"], &["why", "do", "you", "never"], &["why", "is", "it", "always"],
    &["how", "could", "you"], &["how", "can", "you", "let"], &["how", "did", "you", "let"],
    &["who", "is", "to", "blame"], &["who", "was", "to", "blame"], &["whose", "fault"],
    &["who", "messed", "up"], &["who", "dropped", "the", "ball"], &["who", "screwed", "up"],
    &["you", "never"], &["you", "always"], &["your", "fault"], &["you", "failed"],
    &["you", "let", "*", "get"], &["get", "this", "bad"], &["got", "this", "bad"],
    &["get", "so", "bad"], &["got", "so", "bad"], &["what", "were", "you", "thinking"],
];

/// The first blaming phrase in the words, as the reason to show.
fn blame(words: &[&str]) -> Option<String> {
    BLAME.iter().find_map(|pattern| {
        (0..words.len()).find_map(|start| {
            // "How do you always stay calm?" asks about a habit; "You always…" states one
            if pattern[0] == "you"
                && start > 0
                && matches!(words[start - 1], "do" | "did" | "can" | "could" | "would" | "will")
            {
                return None;
            }
            let end = match_at(words, start, pattern)?;
            let quoted = words[start..end].join(" ");
            Some(format!(
                "It reads as blame (\"{quoted}\"): people defend themselves instead of thinking with you. Ask what got in the way and what would help."
            ))
        })
    })
}

/// Where `pattern` ends when it matches `words` from `start` (`*` skips one or two words).
fn match_at(words: &[&str], start: usize, pattern: &[&str]) -> Option<usize> {
    let mut i = start;
    let mut k = 0;
    while k < pattern.len() {
        if pattern[k] == "*" {
            let next = pattern.get(k + 1)?;
            let skip = (1..=2).find(|n| words.get(i + n) == Some(next))?;
            i += skip + 1;
            k += 2;
            continue;
        }
        if words.get(i) != Some(&pattern[k]) {
            return None;
        }
        i += 1;
        k += 1;
    }
    Some(i)
}

/// "Is it the suppliers?", "Or is it cost?": a short closed guess after an open question.
fn is_guess(c: &Clause) -> bool {
    let w = c.norms();
    let w = &w[c.tokens[..c.start].iter().filter(|t| !t.punct).count()..];
    !c.open
        && w.len() <= 5
        && (w.first() == Some(&"or")
            || matches!(w, [a, b, ..] if matches!(*a, "is" | "was" | "are" | "does" | "do") && matches!(*b, "it" | "that" | "this" | "they" | "you"))
                && !matches!(w.get(2), Some(&"mean") | Some(&"think")))
}

/// Whether most words look English (known words or plain ASCII).
fn looks_english(words: &[&str]) -> bool {
    if words.is_empty() {
        return true;
    }
    let known = words
        .iter()
        .filter(|w| lexicon::is_known(w) || COMMON_EN.contains(w))
        .count();
    let ascii = words.iter().filter(|w| w.is_ascii()).count();
    known * 5 >= words.len() && ascii * 2 >= words.len()
}

/// Frequent English function words not in the coach's lists.
#[rustfmt::skip]
const COMMON_EN: &[&str] = &[
    "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "be",
    "it", "not", "no", "so", "if", "up", "out", "get", "go", "make", "know", "see", "say", "new", "old", "one",
    "two",
];
