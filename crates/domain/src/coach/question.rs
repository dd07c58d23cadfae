//! The question coach: judges a drafted question and proposes an open, customer-focused reframe.

use super::analysis::{Analysis, analyse};
use super::bank::{self, Theme};
use super::clause::Opener;
use super::focus::Focus;
use super::reframe;
use super::tokenise;
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
    /// Whether it assigns blame ("Why did you let…", "you never…"), which puts people on the defensive.
    pub blaming: bool,
    /// Whether it asks more than one question at once.
    pub multiple: bool,
    /// How many questions were found.
    pub question_count: usize,
    /// The questions found, as written (typos fixed).
    pub questions: Vec<String>,
    /// One plain-English reason per label, in the order openness, focus, leading, multiple (+ blame and notes).
    pub reasons: Vec<String>,
    /// An open, customer-focused version of the question.
    pub reframe: String,
    /// Practical tips, ending with a follow-up question from the bank.
    pub suggestions: Vec<String>,
    /// The bank theme the question is closest to.
    pub theme: Theme,
}

/// Judges a drafted question: open or closed, customer or self focus, leading, multiple; with a reframe.
pub fn judge_question(text: &str) -> QuestionVerdict {
    let a = analyse(text);
    let reframe = reframe::reframe(&a);
    let questions: Vec<String> = a
        .clauses
        .iter()
        .filter(|c| c.is_question)
        .map(|c| {
            with_end(
                c.text(),
                if c.opener == Opener::Indirect && !c.qmark {
                    '.'
                } else {
                    '?'
                },
            )
        })
        .collect();
    let mut reasons = vec![
        a.why_open.clone(),
        focus_reason(&a),
        leading_reason(&a),
        multiple_reason(a.question_count),
    ];
    if let Some(why) = &a.why_blaming {
        reasons.push(why.clone());
    }
    if a.clipped {
        reasons.push(format!(
            "Only the first {} characters were read.",
            tokenise::MAX_QUESTION_CHARS
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
        blaming: a.blaming,
        multiple: a.question_count > 1,
        question_count: a.question_count,
        questions,
        reasons,
        reframe,
        suggestions,
        theme: a.theme,
    }
}

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
    if a.blaming {
        out.push("Ask about the situation, not the person: what got in the way, and what would help now.".to_owned());
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

/// The text with an end mark, unless it already has one.
pub(crate) fn with_end(text: String, mark: char) -> String {
    if text.is_empty() || text.ends_with(['?', '.', '!']) {
        text
    } else {
        format!("{text}{mark}")
    }
}

#[cfg(test)]
#[path = "question_tests.rs"]
mod tests;
