//! Asks: what a person asks of their manager (or someone above), as a record with a history.
//!
//! The brief: ask for what you want or need, repeatedly. An ask is prepared (what I want, what
//! I offer, what I will ask, the questions I will put), asked, answered — yes, partly, not now
//! — and, when nothing moved, asked again. [`ask_again_due`] is the rule for the reminder.

use crate::codes::code_enum;
use crate::fields::{FieldErrors, optional_text, required_text};
use serde::{Deserialize, Serialize};
use time::Date;

code_enum! {
    /// Where an ask stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AskStatus: "ask status" {
        /// Asked; no answer yet.
        Open = "open" => "Waiting for an answer",
        /// They said yes.
        Yes = "yes" => "Yes",
        /// Part of it, or with conditions.
        Partly = "partly" => "Partly",
        /// Not now.
        NotNow = "not_now" => "Not now",
        /// The asker took it back.
        Withdrawn = "withdrawn" => "Withdrawn",
    }
}

impl AskStatus {
    /// The answers someone can give.
    pub const ANSWERS: [AskStatus; 3] = [AskStatus::Yes, AskStatus::Partly, AskStatus::NotNow];

    /// Whether the ask is still in play (it can be asked again).
    pub fn in_play(self) -> bool {
        matches!(
            self,
            AskStatus::Open | AskStatus::NotNow | AskStatus::Partly
        )
    }
}

code_enum! {
    /// One step in an ask's history.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AskEventKind: "ask event" {
        /// First asked.
        Asked = "asked" => "Asked",
        /// Asked again.
        AskedAgain = "asked_again" => "Asked again",
        /// Answered.
        Answered = "answered" => "Answered",
        /// Taken back.
        Withdrawn = "withdrawn" => "Withdrawn",
    }
}

/// Longest "what I ask for".
pub const MAX_WHAT: usize = 300;
/// Longest "what I want", "what I offer" or an answer.
pub const MAX_TEXT: usize = 2_000;
/// Most questions prepared for one ask.
pub const MAX_QUESTIONS: usize = 3;
/// Days to wait before the reminder to ask again, when the asker does not choose.
pub const DEFAULT_WAIT_DAYS: i32 = 21;
/// Fewest and most days one may choose to wait.
pub const WAIT_DAYS: (i32, i32) = (7, 120);

/// A prepared ask, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AskInput {
    /// What I will ask for, in one line.
    pub what: String,
    /// What I want from work that it serves (from my compass).
    pub want: String,
    /// What I offer in return: value I add, opportunities I bring.
    pub offer: String,
    /// Open questions I will ask.
    pub questions: Vec<String>,
    /// Days to wait before asking again ("" for the default).
    pub wait_days: String,
}

/// A checked ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedAsk {
    /// What I ask for.
    pub what: String,
    /// What I want.
    pub want: String,
    /// What I offer.
    pub offer: String,
    /// Questions, blanks dropped.
    pub questions: Vec<String>,
    /// Days to wait before asking again.
    pub wait_days: i32,
}

/// Check a prepared ask; every bad field is named.
pub fn check_ask(input: &AskInput) -> Result<CheckedAsk, FieldErrors> {
    let mut e = FieldErrors::new();
    let what = required_text(&input.what, MAX_WHAT).unwrap_or_else(|m| {
        e.add("what", m);
        String::new()
    });
    let want = optional_text(&input.want, MAX_TEXT).unwrap_or_else(|m| {
        e.add("want", m);
        String::new()
    });
    let offer = optional_text(&input.offer, MAX_TEXT).unwrap_or_else(|m| {
        e.add("offer", m);
        String::new()
    });
    let mut questions = Vec::new();
    for (i, q) in input.questions.iter().enumerate() {
        match optional_text(q, crate::coach::MAX_QUESTION_CHARS) {
            Ok(t) if t.is_empty() => {}
            Ok(t) => questions.push(t),
            Err(m) => e.add(&format!("questions[{i}]"), m),
        }
    }
    if questions.len() > MAX_QUESTIONS {
        e.add("questions", format!("at most {MAX_QUESTIONS} questions"));
    }
    let wait_days = match input.wait_days.trim() {
        "" => DEFAULT_WAIT_DAYS,
        t => match t.parse::<i32>() {
            Ok(n) if (WAIT_DAYS.0..=WAIT_DAYS.1).contains(&n) => n,
            _ => {
                e.add(
                    "wait_days",
                    format!(
                        "must be a whole number of days from {} to {}",
                        WAIT_DAYS.0, WAIT_DAYS.1
                    ),
                );
                DEFAULT_WAIT_DAYS
            }
        },
    };
    e.into_result().map(|()| CheckedAsk {
        what,
        want,
        offer,
        questions,
        wait_days,
    })
}

/// Check an answer: one of the answers, and an optional note.
pub fn check_answer(status: &str, note: &str) -> Result<(AskStatus, String), FieldErrors> {
    let mut e = FieldErrors::new();
    let s = AskStatus::from_code(status.trim()).filter(|s| AskStatus::ANSWERS.contains(s));
    if s.is_none() {
        e.add("answer", "must be yes, partly or not_now");
    }
    let note = optional_text(note, MAX_TEXT).unwrap_or_else(|m| {
        e.add("note", m);
        String::new()
    });
    e.into_result()
        .map(|()| (s.unwrap_or(AskStatus::Open), note))
}

/// The day the reminder to ask again comes due: `wait_days` after it was last asked or
/// answered "not now" or "partly"; none when the answer was yes or it was withdrawn.
pub fn ask_again_on(status: AskStatus, last_moved: Date, wait_days: i32) -> Option<Date> {
    status
        .in_play()
        .then(|| last_moved.saturating_add(time::Duration::days(i64::from(wait_days))))
}

/// Whether the reminder to ask again is due on `today`.
pub fn ask_again_due(status: AskStatus, last_moved: Date, wait_days: i32, today: Date) -> bool {
    ask_again_on(status, last_moved, wait_days).is_some_and(|d| today >= d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn input(what: &str) -> AskInput {
        AskInput {
            what: what.into(),
            ..AskInput::default()
        }
    }

    #[test]
    fn an_ask_needs_what_and_sensible_days() {
        let ok = check_ask(&AskInput {
            what: " Two days a month on the data team ".into(),
            questions: vec!["What would make this work for the team?".into(), " ".into()],
            ..AskInput::default()
        })
        .expect("valid");
        assert_eq!(ok.what, "Two days a month on the data team");
        assert_eq!(ok.questions.len(), 1);
        assert_eq!(ok.wait_days, DEFAULT_WAIT_DAYS);
        let e = check_ask(&AskInput {
            wait_days: "3".into(),
            ..input("  ")
        })
        .expect_err("invalid");
        assert_eq!(e.get("what"), Some("is required"));
        assert!(e.get("wait_days").is_some_and(|m| m.contains("7 to 120")));
        let e = check_ask(&AskInput {
            questions: vec!["a?".into(), "b?".into(), "c?".into(), "d?".into()],
            ..input("x")
        })
        .expect_err("too many");
        assert!(e.get("questions").is_some());
        let e = check_ask(&input(&"x".repeat(MAX_WHAT + 1))).expect_err("long");
        assert!(e.get("what").is_some_and(|m| m.contains("300")));
    }

    #[test]
    fn answers_are_yes_partly_or_not_now() {
        assert_eq!(
            check_answer("yes", " from May ").expect("ok"),
            (AskStatus::Yes, "from May".into())
        );
        for bad in ["open", "withdrawn", "maybe", ""] {
            assert!(
                check_answer(bad, "")
                    .expect_err(bad)
                    .get("answer")
                    .is_some()
            );
        }
    }

    #[test]
    fn ask_again_comes_due_after_the_wait_while_in_play() {
        let asked = date!(2027 - 03 - 01);
        assert_eq!(
            ask_again_on(AskStatus::Open, asked, 21),
            Some(date!(2027 - 03 - 22))
        );
        assert!(!ask_again_due(
            AskStatus::Open,
            asked,
            21,
            date!(2027 - 03 - 21)
        ));
        assert!(ask_again_due(
            AskStatus::Open,
            asked,
            21,
            date!(2027 - 03 - 22)
        ));
        assert!(ask_again_due(
            AskStatus::NotNow,
            asked,
            21,
            date!(2027 - 04 - 30)
        ));
        assert!(!ask_again_due(
            AskStatus::Yes,
            asked,
            21,
            date!(2027 - 04 - 30)
        ));
        assert!(!ask_again_due(
            AskStatus::Withdrawn,
            asked,
            21,
            date!(2027 - 04 - 30)
        ));
        assert_eq!(ask_again_on(AskStatus::Yes, asked, 21), None);
    }

    #[test]
    fn codes_round_trip() {
        for s in AskStatus::ALL {
            assert_eq!(AskStatus::from_code(s.code()), Some(s));
        }
        for k in AskEventKind::ALL {
            assert_eq!(AskEventKind::from_code(k.code()), Some(k));
        }
    }
}
