//! The compass history: every change kept, described in words, and drawn as small charts.

pub use super::chart::{Frame, Series, bump_chart, rankings, skill_lines};
use super::{Factor, Met, Ranking, Section, level_name, ordinal};
use crate::codes::code_enum;
use serde::Serialize;
use std::collections::HashMap;
use time::OffsetDateTime;

code_enum! {
    /// What kind of change was made.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ChangeKind: "compass change kind" {
        /// The factors were ranked (value: the ranking's stored form).
        Ranked = "ranked" => "Ranked the factors",
        /// How well the job meets a factor (subject: factor code; value: met code or empty).
        Met = "met" => "Said how well the job meets a factor",
        /// A value was added (subject: the value).
        ValueAdded = "value_added" => "Added a value",
        /// A value was removed (subject: the value).
        ValueRemoved = "value_removed" => "Removed a value",
        /// A skill was added or changed (subject: skill id; value: see [`skill_value`]).
        SkillSet = "skill_set" => "Set a skill",
        /// A skill was removed (subject: skill id).
        SkillRemoved = "skill_removed" => "Removed a skill",
        /// Interests or aspirations were rewritten.
        Aspirations = "aspirations" => "Rewrote interests and aspirations",
        /// A target role was added (subject: role code).
        RoleAdded = "role_added" => "Added a target role",
        /// A target role was removed (subject: role code).
        RoleRemoved = "role_removed" => "Removed a target role",
    }
}

impl ChangeKind {
    /// The compass section a change belongs to (decides who may see it).
    pub fn section(self) -> Section {
        match self {
            ChangeKind::Ranked | ChangeKind::Met => Section::Factors,
            ChangeKind::ValueAdded | ChangeKind::ValueRemoved => Section::Values,
            ChangeKind::SkillSet | ChangeKind::SkillRemoved => Section::Skills,
            ChangeKind::Aspirations | ChangeKind::RoleAdded | ChangeKind::RoleRemoved => {
                Section::Aspirations
            }
        }
    }
}

/// One kept change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// What it is about (factor code, value, skill id, role code).
    pub subject: String,
    /// The new value, in the kind's stored form.
    pub value: String,
    /// When.
    pub at: OffsetDateTime,
}

/// The stored value of a skill change: "3" or "3+grow".
pub fn skill_value(level: i32, want_to_grow: bool) -> String {
    if want_to_grow {
        format!("{level}+grow")
    } else {
        level.to_string()
    }
}

/// Parse a stored skill value.
pub fn parse_skill_value(v: &str) -> Option<(i32, bool)> {
    let (n, grow) = match v.strip_suffix("+grow") {
        Some(n) => (n, true),
        None => (v, false),
    };
    n.parse().ok().map(|n| (n, grow))
}

/// One change in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryLine {
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Section it belongs to.
    pub section: Section,
    /// What happened.
    pub text: String,
}

/// Describe changes (oldest first) in words, comparing each with the state before it.
/// `label` names a skill id or role code.
pub fn describe(changes: &[Change], label: &dyn Fn(&str) -> String) -> Vec<HistoryLine> {
    let mut ranking: Option<Ranking> = None;
    let mut skills: HashMap<&str, (i32, bool)> = HashMap::new();
    let mut out = Vec::with_capacity(changes.len());
    for c in changes {
        let text = match c.kind {
            ChangeKind::Ranked => {
                let Some(next) = Ranking::from_stored(&c.value) else {
                    continue;
                };
                let t = describe_ranking(ranking, next);
                ranking = Some(next);
                t
            }
            ChangeKind::Met => {
                let f = Factor::from_code(&c.subject).map_or("A factor", Factor::label);
                match Met::parse(&c.value) {
                    Ok(Some(m)) => format!("{f}: {}", m.label().to_lowercase()),
                    _ => format!("{f}: no answer"),
                }
            }
            ChangeKind::ValueAdded => format!("Added the value “{}”", c.subject),
            ChangeKind::ValueRemoved => format!("Removed the value “{}”", c.subject),
            ChangeKind::SkillSet => {
                let Some((level, grow)) = parse_skill_value(&c.value) else {
                    continue;
                };
                let t = describe_skill(
                    &label(&c.subject),
                    skills.get(c.subject.as_str()).copied(),
                    level,
                    grow,
                );
                skills.insert(&c.subject, (level, grow));
                t
            }
            ChangeKind::SkillRemoved => {
                skills.remove(c.subject.as_str());
                format!("Removed {}", label(&c.subject))
            }
            ChangeKind::Aspirations => "Rewrote interests and aspirations".to_string(),
            ChangeKind::RoleAdded => format!("Added the target role {}", label(&c.subject)),
            ChangeKind::RoleRemoved => format!("Removed the target role {}", label(&c.subject)),
        };
        out.push(HistoryLine {
            at: c.at,
            section: c.kind.section(),
            text,
        });
    }
    out
}

fn describe_ranking(prev: Option<Ranking>, next: Ranking) -> String {
    let Some(prev) = prev else {
        return format!("Ranked the four factors: {}", next.summary());
    };
    let moved: Vec<String> = next
        .0
        .iter()
        .filter(|f| prev.rank_of(**f) != next.rank_of(**f))
        .map(|f| {
            format!(
                "{} {} → {}",
                f.label(),
                ordinal(prev.rank_of(*f)),
                ordinal(next.rank_of(*f))
            )
        })
        .collect();
    if moved.is_empty() {
        "Kept the same ranking".to_string()
    } else {
        format!("Re-ranked: {}", moved.join("; "))
    }
}

fn describe_skill(name: &str, prev: Option<(i32, bool)>, level: i32, grow: bool) -> String {
    let Some((pl, pg)) = prev else {
        let g = if grow { ", wants to grow it" } else { "" };
        return format!("Added {name} at level {}{g}", level_name(level));
    };
    let mut parts = Vec::new();
    if pl != level {
        parts.push(format!("level {pl} → {level}"));
    }
    if pg != grow {
        parts.push(if grow {
            "wants to grow it".to_string()
        } else {
            "no longer marked to grow".to_string()
        });
    }
    if parts.is_empty() {
        format!("Updated the evidence for {name}")
    } else {
        format!("{name}: {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn change(kind: ChangeKind, subject: &str, value: &str, minute: u8) -> Change {
        Change {
            kind,
            subject: subject.into(),
            value: value.into(),
            at: datetime!(2025-01-01 09:00 UTC) + time::Duration::minutes(minute.into()),
        }
    }

    fn label(id: &str) -> String {
        format!("<{id}>")
    }

    #[test]
    fn rankings_are_diffed_against_the_previous_one() {
        let changes = [
            change(
                ChangeKind::Ranked,
                "",
                "status,autonomy,meaning,learning",
                0,
            ),
            change(
                ChangeKind::Ranked,
                "",
                "autonomy,status,meaning,learning",
                1,
            ),
            change(
                ChangeKind::Ranked,
                "",
                "autonomy,status,meaning,learning",
                2,
            ),
        ];
        let lines = describe(&changes, &label);
        assert_eq!(
            lines[0].text,
            "Ranked the four factors: Status and recognition, Autonomy, Meaningful work, Continued learning"
        );
        assert_eq!(
            lines[1].text,
            "Re-ranked: Autonomy 2nd → 1st; Status and recognition 1st → 2nd"
        );
        assert_eq!(lines[2].text, "Kept the same ranking");
        assert!(lines.iter().all(|l| l.section == Section::Factors));
    }

    #[test]
    fn skills_are_diffed_by_level_and_growth() {
        let changes = [
            change(ChangeKind::SkillSet, "py", "2+grow", 0),
            change(ChangeKind::SkillSet, "py", "3+grow", 1),
            change(ChangeKind::SkillSet, "py", "3", 2),
            change(ChangeKind::SkillSet, "py", "3", 3),
            change(ChangeKind::SkillRemoved, "py", "", 4),
            change(ChangeKind::SkillSet, "py", "1", 5),
        ];
        let t: Vec<String> = describe(&changes, &label)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(
            t,
            [
                "Added <py> at level 2 · Practising, wants to grow it",
                "<py>: level 2 → 3",
                "<py>: no longer marked to grow",
                "Updated the evidence for <py>",
                "Removed <py>",
                "Added <py> at level 1 · Aware",
            ]
        );
    }

    #[test]
    fn other_kinds_and_bad_rows() {
        let changes = [
            change(ChangeKind::Met, "autonomy", "not_met", 0),
            change(ChangeKind::Met, "learning", "", 0),
            change(ChangeKind::ValueAdded, "Honesty", "", 1),
            change(ChangeKind::RoleAdded, "15-1252.00", "", 2),
            change(ChangeKind::Ranked, "", "garbage", 3),
            change(ChangeKind::SkillSet, "x", "lots", 3),
        ];
        let lines = describe(&changes, &label);
        assert_eq!(lines.len(), 4, "unreadable rows are skipped");
        assert_eq!(lines[0].text, "Autonomy: not met");
        assert_eq!(lines[1].text, "Continued learning: no answer");
        assert_eq!(lines[2].section, Section::Values);
        assert_eq!(lines[3].text, "Added the target role <15-1252.00>");
        for k in ChangeKind::ALL {
            assert_eq!(ChangeKind::from_code(k.code()), Some(k));
        }
    }
}
