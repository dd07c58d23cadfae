//! The question coach: judges a drafted question and proposes an open, customer-focused reframe.

use super::bank::{self, Theme};
use super::clause::{self, Clause, Opener};
use super::focus::{self, Focus, Score};
use super::lexicon;
use super::reframe;
use super::tokenise::{self, Token};
use serde::{Deserialize, Serialize};

/// Whether a question invites a full answer or a yes/no (or one-word) answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Openness {
    /// Invites the other person to talk: "What…", "How…", "Tell me about…".
    Open,
    /// Invites yes/no, one fact, or a pick from given options.
    Closed,
}

/// The coach's verdict on a drafted question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionVerdict {
    /// Open or closed (of the main question when there are several).
    pub openness: Openness,
    /// Whom the question is about.
    pub focus: Focus,
    /// Whether it presumes or pushes an answer.
    pub leading: bool,
    /// Whether it asks more than one question at once.
    pub multiple: bool,
    /// How many questions were found.
    pub question_count: usize,
    /// The questions found, as written (typos fixed).
    pub questions: Vec<String>,
    /// One plain-English reason per label, in the order openness, focus, leading, multiple (+ notes).
    pub reasons: Vec<String>,
    /// An open, customer-focused version of the question.
    pub reframe: String,
    /// Practical tips, ending with a follow-up question from the bank.
    pub suggestions: Vec<String>,
    /// The bank theme the question is closest to.
    pub theme: Theme,
}

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
}

impl Analysis {
    /// The main question clause, if any.
    pub fn main_clause(&self) -> Option<&Clause> {
        self.main.map(|i| &self.clauses[i])
    }
}

/// Judges a drafted question: open or closed, customer or self focus, leading, multiple; with a reframe.
pub fn judge_question(text: &str) -> QuestionVerdict {
    let a = analyse(text);
    let reframe = reframe::reframe(&a);
    let questions: Vec<String> = a
        .clauses
        .iter()
        .filter(|c| c.is_question)
        .map(Clause::text)
        .collect();
    let mut reasons = vec![
        a.why_open.clone(),
        focus_reason(&a),
        leading_reason(&a),
        multiple_reason(a.question_count),
    ];
    if a.clipped {
        reasons.push(format!(
            "Only the first {} characters were read.",
            tokenise::MAX_INPUT_CHARS
        ));
    }
    if !a.english {
        reasons.push(
            "This does not look like English; the coach only understands English questions."
                .to_owned(),
        );
    }
    let suggestions = suggestions(&a, &reframe);
    QuestionVerdict {
        openness: a.openness,
        focus: a.focus,
        leading: a.leading,
        multiple: a.question_count > 1,
        question_count: a.question_count,
        questions,
        reasons,
        reframe,
        suggestions,
        theme: a.theme,
    }
}

/// Runs the rules over `text` (no reframe).
pub(crate) fn analyse(text: &str) -> Analysis {
    let (text, clipped) = tokenise::clip(text);
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
        clauses: Vec::new(),
    };
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
const COMMON_EN: &[&str] = &[
    "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "is", "be", "it", "not", "no", "so", "if", "up", "out", "get", "go", "make", "know", "see",
    "say", "new", "old", "one", "two",
];

fn focus_reason(a: &Analysis) -> String {
    let list = |cues: &[String]| {
        cues.iter()
            .take(3)
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match a.focus {
        Focus::Customer => format!(
            "It is about the other person's world (their goals, team, customers or obstacles): {}.",
            if a.score.customer_cues.is_empty() {
                "\"you\"".to_owned()
            } else {
                list(&a.score.customer_cues)
            }
        ),
        Focus::SelfFocused => format!(
            "It is about you and your career rather than what they are trying to achieve: {}.",
            list(&a.score.me_cues)
        ),
        Focus::Neutral => {
            "It is about neither their goals nor your career (logistics or small talk).".to_owned()
        }
    }
}

fn leading_reason(a: &Analysis) -> String {
    a.why_leading
        .clone()
        .unwrap_or_else(|| "It does not suggest an answer.".to_owned())
}

fn multiple_reason(n: usize) -> String {
    match n {
        0 => "No question to count.".to_owned(),
        1 => "It asks one question at a time.".to_owned(),
        n => format!(
            "It asks {n} questions at once; the listener will answer the easiest one. Ask one, then listen."
        ),
    }
}

fn suggestions(a: &Analysis, reframe: &str) -> Vec<String> {
    let mut out = Vec::new();
    if a.main.is_none() {
        out.push("Ask a question: start with \"What\", \"How\" or \"Tell me about\".".to_owned());
    } else if a.openness == Openness::Closed {
        out.push("Start with \"What\", \"How\" or \"Tell me about\" so the answer cannot be a simple yes or no.".to_owned());
    }
    if a.focus == Focus::SelfFocused {
        out.push("Ask about what they are trying to achieve first; opportunities for you follow from helping them succeed.".to_owned());
    }
    if a.leading {
        out.push("Drop the frame that suggests the answer (\"Don't you think…\", \"…, isn't it?\") and ask what they think.".to_owned());
    }
    if a.question_count > 1 {
        out.push("Ask one question, then listen; keep the others for follow-ups.".to_owned());
    }
    if out.is_empty() {
        out.push("Good question. Listen for goals and obstacles you could help with, and note them afterwards.".to_owned());
    }
    let theme = if a.theme.is_upward() && a.focus != Focus::SelfFocused {
        Theme::Goals
    } else {
        a.theme
    };
    let bank_q = bank::questions_for(if theme.is_upward() {
        Theme::Goals
    } else {
        theme
    })
    .find(|q| q.text != reframe)
    .unwrap_or_else(|| bank::first_of(Theme::Goals));
    out.push(format!(
        "Follow up with: \"{}\"",
        bank_q.follow_up.unwrap_or(bank_q.text)
    ));
    out
}
