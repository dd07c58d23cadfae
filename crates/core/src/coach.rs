//! The question coach, the pitch coach and the question bank, for pages and the API.
//!
//! The rules are pure domain code (`ladderless_domain::coach`); this module only shapes them
//! for display. Any signed-in person may use them; nothing is stored.

use crate::{App, CoreError, CoreResult};
use ladderless_domain::coach::{
    BankQuestion, PitchVerdict, QuestionVerdict, Theme, judge_pitch, judge_question, questions_for,
};
use serde::Serialize;

/// The bank questions of one theme.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeGroup {
    /// The theme.
    pub theme: Theme,
    /// Its label.
    pub label: &'static str,
    /// For upward conversations about one's own career.
    pub upward: bool,
    /// Its questions.
    pub questions: Vec<&'static BankQuestion>,
}

impl App {
    /// The question bank by theme, or one theme when `theme` is a theme's slug.
    pub fn question_bank(&self, theme: Option<&str>) -> CoreResult<Vec<ThemeGroup>> {
        let themes: Vec<Theme> = match theme.map(str::trim).filter(|t| !t.is_empty()) {
            None => Theme::all().to_vec(),
            Some(slug) => vec![Theme::from_slug(slug).ok_or_else(|| {
                let all: Vec<&str> = Theme::all().iter().map(|t| t.slug()).collect();
                CoreError::field("theme", format!("must be one of {}", all.join(", ")))
            })?],
        };
        Ok(themes
            .into_iter()
            .map(|t| ThemeGroup {
                theme: t,
                label: t.label(),
                upward: t.is_upward(),
                questions: questions_for(t).collect(),
            })
            .collect())
    }

    /// Judge a drafted question.
    pub fn coach_question(&self, text: &str) -> QuestionVerdict {
        judge_question(text)
    }

    /// Judge a drafted pitch.
    pub fn coach_pitch(&self, text: &str) -> PitchVerdict {
        judge_pitch(text)
    }
}

#[cfg(test)]
mod tests {
    use ladderless_domain::coach::{Openness, Theme, question_bank};

    #[test]
    fn the_bank_is_large_enough_and_covers_upward_talks() {
        assert!(question_bank().len() >= 80);
        assert!(Theme::all().iter().any(|t| t.is_upward()));
        let v = ladderless_domain::coach::judge_question("Do you have a job opening for me?");
        assert_eq!(v.openness, Openness::Closed);
        assert!(!v.reframe.is_empty());
    }
}
