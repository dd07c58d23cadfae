//! The bank of open questions, by theme, for discovery conversations and upward career talks.

use serde::{Deserialize, Serialize};

/// What a bank question helps you find out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// What the internal customer is trying to achieve.
    Goals,
    /// What stands in their way.
    Obstacles,
    /// The people their work ultimately serves.
    EndCustomers,
    /// Competitors and the market.
    CompetitorsAndMarket,
    /// Where the business is growing and what that needs.
    Growth,
    /// What they value and where extra value could come from.
    Value,
    /// Who else to talk to; alliances and partners.
    Networks,
    /// Upward: my career, through the four factors (status, autonomy, meaning, learning).
    MyCareer,
    /// Upward: earning more autonomy.
    Autonomy,
    /// Upward: continued learning.
    Learning,
}

impl Theme {
    /// Human label for the theme.
    pub fn label(self) -> &'static str {
        match self {
            Self::Goals => "Goals",
            Self::Obstacles => "Obstacles",
            Self::EndCustomers => "Their customers",
            Self::CompetitorsAndMarket => "Competitors and market",
            Self::Growth => "Growth",
            Self::Value => "Value",
            Self::Networks => "Networks",
            Self::MyCareer => "My career (the four factors)",
            Self::Autonomy => "Autonomy",
            Self::Learning => "Learning",
        }
    }

    /// Stable slug, as in JSON and URLs ("end_customers").
    pub fn slug(self) -> &'static str {
        match self {
            Self::Goals => "goals",
            Self::Obstacles => "obstacles",
            Self::EndCustomers => "end_customers",
            Self::CompetitorsAndMarket => "competitors_and_market",
            Self::Growth => "growth",
            Self::Value => "value",
            Self::Networks => "networks",
            Self::MyCareer => "my_career",
            Self::Autonomy => "autonomy",
            Self::Learning => "learning",
        }
    }

    /// The theme with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::all().iter().copied().find(|t| t.slug() == slug)
    }

    /// Every theme, in display order.
    pub fn all() -> &'static [Theme] {
        &[
            Self::Goals,
            Self::Obstacles,
            Self::EndCustomers,
            Self::CompetitorsAndMarket,
            Self::Growth,
            Self::Value,
            Self::Networks,
            Self::MyCareer,
            Self::Autonomy,
            Self::Learning,
        ]
    }

    /// Whether the theme is for upward conversations about one's own career.
    pub fn is_upward(self) -> bool {
        matches!(self, Self::MyCareer | Self::Autonomy | Self::Learning)
    }
}

/// One open question in the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BankQuestion {
    /// Stable slug, unique across the bank.
    pub id: &'static str,
    /// What the question helps find out.
    pub theme: Theme,
    /// The question itself.
    pub text: &'static str,
    /// A natural follow-up, to keep the other person talking.
    pub follow_up: Option<&'static str>,
}

use super::bank_questions::BANK;
use Theme::*;

/// All bank questions, in theme order.
pub fn question_bank() -> &'static [BankQuestion] {
    BANK
}

/// Bank questions of one theme.
pub fn questions_for(theme: Theme) -> impl Iterator<Item = &'static BankQuestion> {
    BANK.iter().filter(move |q| q.theme == theme)
}

/// The bank question with this id.
pub fn bank_question(id: &str) -> Option<&'static BankQuestion> {
    BANK.iter().find(|q| q.id == id)
}

/// The first bank question of a theme (every theme has at least one).
pub(crate) fn first_of(theme: Theme) -> &'static BankQuestion {
    questions_for(theme).next().unwrap_or(&BANK[0])
}

/// Keywords per theme, for guessing what a question is about.
#[rustfmt::skip]
const THEME_WORDS: &[(Theme, &[&str])] = &[
    (EndCustomers, &["customer", "client", "user", "patient", "buyer", "consumer", "shopper", "subscriber",
        "guest"]),
    (CompetitorsAndMarket, &["competitor", "competition", "market", "rival", "industry", "trend", "regulation",
        "regulator", "tender"]),
    (Obstacles, &["obstacle", "problem", "challenge", "blocking", "stuck", "slow", "slowing", "bottleneck", "risk",
        "worry", "frustrate", "frustration", "hard", "hardest", "struggle", "struggling", "delay", "backlog",
        "stopping", "pressure", "overloaded", "issue", "concern"]),
    (Growth, &["growth", "grow", "expand", "expansion", "scale", "scaling", "new", "launch", "invest",
        "capability"]),
    (Value, &["value", "worth", "benefit", "save", "cost", "revenue", "profit", "impact", "difference", "help",
        "budget", "margin"]),
    (Networks, &["network", "stakeholder", "partner", "introduce", "connect", "alliance", "else", "whose", "who"]),
    (Goals, &["goal", "target", "objective", "achieve", "priority", "success", "plan", "strategy", "aim",
        "quarter", "year"]),
    (MyCareer, &["promotion", "promoted", "career", "raise", "pay", "salary", "bonus", "title", "job", "role",
        "recognition", "recognize", "status", "meaningful", "opening", "vacancy", "position", "noticed", "future"]),
    (Autonomy, &["autonomy", "freedom", "home", "micromanage", "micromanaged", "flexibility", "flexible",
        "control", "decide", "own"]),
    (Learning, &["learn", "learning", "training", "course", "skill", "mentor", "develop", "development", "degree",
        "shadow", "qualification"]),
];

/// The theme some canonical words are most about (Goals when nothing matches).
pub(crate) fn theme_of(words: &[&str]) -> Theme {
    let mut best = (0usize, Goals);
    for (theme, keys) in THEME_WORDS {
        let hits = words
            .iter()
            .filter(|w| super::lexicon::has(keys, w))
            .count();
        if hits > best.0 {
            best = (hits, *theme);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn at_least_eighty_questions_with_unique_ids() {
        assert!(BANK.len() >= 80, "{}", BANK.len());
        let ids: HashSet<_> = BANK.iter().map(|q| q.id).collect();
        assert_eq!(ids.len(), BANK.len());
        assert!(
            BANK.iter().all(|q| q.text.ends_with('?')
                && q.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }

    #[test]
    fn every_theme_has_questions_and_round_trips() {
        for t in Theme::all() {
            assert!(questions_for(*t).count() >= 5, "{t:?}");
            assert_eq!(Theme::from_slug(t.slug()), Some(*t));
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                serde_json::json!(t.slug())
            );
        }
    }

    #[test]
    fn guesses_theme() {
        assert_eq!(theme_of(&["why", "do", "customers", "leave"]), EndCustomers);
        assert_eq!(theme_of(&["can", "i", "get", "a", "promotion"]), MyCareer);
        assert_eq!(theme_of(&["hello"]), Goals);
    }
}
