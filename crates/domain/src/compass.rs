//! The career compass: the four factors people want from work, how well the job meets them,
//! skill levels, and the sections a person chooses to share. Pure rules, no I/O.
//!
//! People differ in what they want (status and recognition, autonomy, meaningful work,
//! continued learning) and must say it out loud, repeatedly; the compass is where they say it.

pub mod chart;
pub mod customers;
pub mod history;
pub mod network;

use crate::codes::code_enum;
use serde::{Deserialize, Serialize};

code_enum! {
    /// One of the four things people want from work.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Factor: "compass factor" {
        /// Status and recognition.
        Status = "status" => "Status and recognition",
        /// Autonomy: deciding how and when to do the work.
        Autonomy = "autonomy" => "Autonomy",
        /// Meaningful work that fits one's values.
        Meaning = "meaning" => "Meaningful work",
        /// Continued learning.
        Learning = "learning" => "Continued learning",
    }
}

impl Factor {
    /// One line saying what the factor means.
    pub fn blurb(self) -> &'static str {
        match self {
            Factor::Status => "Being seen, valued and rewarded for what you do.",
            Factor::Autonomy => "Deciding how, when and where you do your work.",
            Factor::Meaning => "Work that matters to you and fits your values.",
            Factor::Learning => "New skills, new experiences, work that stays interesting.",
        }
    }
}

code_enum! {
    /// How well the current job meets a factor.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Met: "compass met answer" {
        /// The job gives me this.
        Met = "met" => "Met",
        /// Some of it.
        Partly = "partly" => "Partly met",
        /// Not at all.
        NotMet = "not_met" => "Not met",
    }
}

impl Met {
    /// Parse a stored code; an empty string means "not answered".
    pub fn parse(code: &str) -> Result<Option<Met>, String> {
        let code = code.trim();
        if code.is_empty() {
            return Ok(None);
        }
        Met::ALL
            .into_iter()
            .find(|m| m.code() == code)
            .map(Some)
            .ok_or_else(|| {
                format!(
                    "must be one of met, partly or not_met (got “{}”)",
                    clip(code)
                )
            })
    }
}

/// The four factors, most important first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Ranking(pub [Factor; 4]);

impl Default for Ranking {
    fn default() -> Self {
        Ranking(Factor::ALL)
    }
}

impl Ranking {
    /// Check a ranking given as codes: each of the four factors exactly once.
    pub fn parse<S: AsRef<str>>(codes: &[S]) -> Result<Ranking, String> {
        let mut out = Vec::with_capacity(4);
        for c in codes {
            let c = c.as_ref().trim();
            let f = Factor::from_code(c)
                .ok_or_else(|| format!("“{}” is not one of the four factors", clip(c)))?;
            if out.contains(&f) {
                return Err(format!("lists {} twice", f.label()));
            }
            out.push(f);
        }
        match <[Factor; 4]>::try_from(out) {
            Ok(a) => Ok(Ranking(a)),
            Err(v) => Err(format!(
                "must list all four factors once each (got {})",
                v.len()
            )),
        }
    }

    /// Parse the stored form ("autonomy,learning,meaning,status"); empty means not ranked yet.
    pub fn from_stored(s: &str) -> Option<Ranking> {
        if s.trim().is_empty() {
            return None;
        }
        let codes: Vec<&str> = s.split(',').collect();
        Ranking::parse(&codes).ok()
    }

    /// The stored form.
    pub fn to_stored(self) -> String {
        self.0
            .iter()
            .map(|f| f.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Position of a factor, from 1.
    pub fn rank_of(self, f: Factor) -> usize {
        self.0.iter().position(|x| *x == f).map_or(4, |i| i + 1)
    }

    /// Move a factor one place up (towards first) or down; unchanged at either end.
    pub fn moved(self, f: Factor, up: bool) -> Ranking {
        let mut a = self.0;
        let i = self.rank_of(f) - 1;
        if up && i > 0 {
            a.swap(i, i - 1);
        } else if !up && i < 3 {
            a.swap(i, i + 1);
        }
        Ranking(a)
    }

    /// Labels in order, for one-line summaries.
    pub fn summary(self) -> String {
        self.0
            .iter()
            .map(|f| f.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Parse a "move" instruction from a no-JavaScript form: `autonomy:up` or `learning:down`.
pub fn parse_move(s: &str) -> Result<(Factor, bool), String> {
    let (code, dir) = s
        .split_once(':')
        .ok_or("must look like factor:up or factor:down")?;
    let f = Factor::from_code(code)
        .ok_or_else(|| format!("“{}” is not one of the four factors", clip(code)))?;
    match dir {
        "up" => Ok((f, true)),
        "down" => Ok((f, false)),
        _ => Err("must end in :up or :down".into()),
    }
}

/// An ordinal for ranks 1–4: "1st", "2nd".
pub fn ordinal(n: usize) -> String {
    let suffix = match n {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

code_enum! {
    /// Sections of the compass whose audience the owner chooses (the skills code is the
    /// directory's skills section).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Section: "compass section" {
        /// The ranking of the four factors and how well the job meets them.
        Factors = "factors" => "What you want from work",
        /// Personal values.
        Values = "values" => "Values",
        /// Skills with levels (shared with the person page and directory search).
        Skills = "skills" => "Skills",
        /// Interests, aspirations and target roles.
        Aspirations = "aspirations" => "Interests and aspirations",
    }
}

/// What each skill level means, 1–5.
pub const LEVELS: [(&str, &str); 5] = [
    ("Aware", "I know what it is and have tried it with help."),
    ("Practising", "I can do routine tasks with it on my own."),
    ("Skilled", "I handle most situations without help."),
    ("Advanced", "I handle hard cases and help others learn."),
    (
        "Expert",
        "People across the organisation come to me for it.",
    ),
];

/// The name of a level, e.g. "3 · Skilled".
pub fn level_name(level: i32) -> String {
    match usize::try_from(level)
        .ok()
        .and_then(|l| LEVELS.get(l.wrapping_sub(1)))
    {
        Some((name, _)) => format!("{level} · {name}"),
        None => level.to_string(),
    }
}

/// Check a skill level from a form or the API.
pub fn check_level(raw: &str) -> Result<i32, String> {
    match raw.trim().parse::<i32>() {
        Ok(n) if (1..=5).contains(&n) => Ok(n),
        Ok(_) => Err("must be between 1 and 5".into()),
        Err(_) if raw.trim().is_empty() => Err("is required".into()),
        Err(_) => Err("must be a whole number from 1 to 5".into()),
    }
}

/// Shorten user input quoted back in an error message.
pub(crate) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
