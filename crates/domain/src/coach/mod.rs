//! The question coach, the pitch coach and the question bank: pure rules, no I/O.
//!
//! Careers move when people treat managers and colleagues as internal customers and probe, with
//! open, customer-focused questions, what those customers are trying to achieve. The coach judges
//! a drafted question ([`judge_question`]) or pitch ([`judge_pitch`]) and proposes better wording;
//! the [`question_bank`] holds open questions by [`Theme`].
//!
//! The classifier is rule-based: sentences are tokenised and normalised (British and American
//! spelling, contractions, common typos), question clauses are found and judged by how they open
//! (wh-words, auxiliaries, polite requests, indirect frames, tags), and focus is scored from
//! pronouns, possessives and two small lexicons (career words, business words). See `EVAL.md`.

mod analysis;
mod bank;
mod bank_questions;
mod clause;
mod focus;
mod frame;
mod lexicon;
mod pitch;
mod question;
mod reframe;
mod spelling;
mod tokenise;
mod topic;

pub use bank::{BankQuestion, Theme, bank_question, question_bank, questions_for};
pub use focus::Focus;
pub use pitch::{Phrase, PitchLabel, PitchVerdict, SentenceShare, judge_pitch};
pub use question::{Openness, QuestionVerdict, judge_question};
pub use tokenise::{MAX_PITCH_CHARS, MAX_QUESTION_CHARS};
